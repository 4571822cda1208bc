"""Words that ask for an amount of money ('how much money goes to X', 'how much is allocated to X') are said
by any amount of money a table gives: the table's figure is a candidate, not dropped for leaving them
unexplained. The document is made up; each case is asked in another phrasing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import assistant_over

GRANT = """Community fund 2021

The fund supports local groups across the county.

Grants awarded by programme:

Programme\t2019/20\t2020/21
Youth clubs\t£140,000\t£152,000
Lunch clubs\t£95,000\t£88,000
Befriending\t£60,000\t£71,000
"""


@pytest.mark.parametrize("question,raw", [
    ("How much money goes to youth clubs in 2020/21?", "£152,000"),
    ("How much is allocated to lunch clubs in 2019/20?", "£95,000"),
    ("How much was allocated for befriending in 2020/21?", "£71,000"),
])
def test_words_that_ask_for_money_are_said_by_an_amount(tmp_path: Path, question: str, raw: str) -> None:
    """'money', 'allocated' ask for an amount: a money cell says them, so the table's figure is a candidate
    (and given at the fitted policy), not dropped for leaving them unexplained."""
    a = assistant_over(tmp_path, "fund.txt", GRANT, min_confidence=None)
    ans = a.ask(question)
    assert ans.answered
    assert [c.raw for f in ans.figures for c in f.cells] == [raw]
