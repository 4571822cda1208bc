"""'Which component of X was the largest' is the largest of X's rows, not a list of them; 'which scheme grew the
most' is the row whose change between the two periods is the largest (or, for a fall, the most negative), each row's
change computed from its cells. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import assistant_over

SCHEMES = """Better care schemes

Spend by scheme (£):

Scheme\t2021/22\t2022/23
Home adaptations\t400,000\t460,000
Carers breaks\t250,000\t240,000
Falls prevention\t120,000\t170,000
Hospital discharge team\t900,000\t820,000
Total scheme spend\t1,670,000\t1,700,000
"""


@pytest.fixture(scope="module")
def schemes(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("extreme_rows"), "schemes.txt", SCHEMES)


def _extreme(ans):
    return next(f for f in ans.figures if f.op in ("max", "min"))


@pytest.mark.parametrize("question,row,value", [
    ("Which component of total scheme spend was the largest in 2022/23?", "Hospital discharge team", 820_000),
    ("Which part of the total scheme spend was the smallest in 2021/22?", "Falls prevention", 120_000),
    ("In 2022/23, what was the largest item of total scheme spend?", "Hospital discharge team", 820_000),
])
def test_the_largest_part_of_a_total_is_one_row(schemes, question: str, row: str, value: int) -> None:
    ans = schemes.ask(question)
    fig = _extreme(ans)
    assert fig.value == Decimal(value)
    assert row in fig.formula.rsplit("(", 1)[-1]


@pytest.mark.parametrize("question,row,value", [
    ("Which scheme grew the most from 2021/22 to 2022/23?", "Home adaptations", 60_000),
    ("Which scheme had the largest increase in spend between 2021/22 and 2022/23?", "Home adaptations", 60_000),
    ("Which scheme had the biggest fall in spend from 2021/22 to 2022/23?", "Hospital discharge team", -80_000),
    ("Which scheme had the largest percentage increase from 2021/22 to 2022/23?", "Falls prevention", "41.67"),
    ("Which scheme had the highest growth rate from 2021/22 to 2022/23?", "Falls prevention", "41.67"),
    ("Which scheme's spend had the greatest rate of growth between 2021/22 and 2022/23?", "Falls prevention", "41.67"),
    ("What was the fastest growing scheme from 2021/22 to 2022/23?", "Falls prevention", "41.67"),
    ("Which scheme grew the slowest between 2021/22 and 2022/23?", "Hospital discharge team", "-8.89"),
])
def test_the_row_that_moved_most(schemes, question: str, row: str, value: int | str) -> None:
    ans = schemes.ask(question)
    fig = _extreme(ans)
    assert fig.value.quantize(Decimal("0.01")) == Decimal(value)
    assert fig.formula.endswith(f"({row})")
    assert len(fig.cells) == 8  # both years of each of the four schemes, never the total


RATES = """Trading update

Key measures by year:

\t2019\t2018
Revenue\t$84,120\t$78,450
Organic growth rate\t5.1%\t3.2%
Change in fair value of warrants\t(1,240)\t860
Cost of revenue\t41,300\t39,020
"""


@pytest.mark.parametrize("question,value", [
    ("What was the organic growth rate in 2019?", "5.1%"),
    ("What was the organic growth rate for 2018?", "3.2%"),
    ("How much was the change in fair value of warrants in 2019?", "(1,240)"),
])
def test_a_rows_name_that_holds_a_change_word_is_looked_up(tmp_path: Path, question: str, value: str) -> None:
    """'Organic growth rate', 'Change in fair value of warrants': the change word names the row, and one period
    asked is the row's figure for it, not a change computed over the row."""
    ans = assistant_over(tmp_path, "update.txt", RATES).ask(question)
    assert ans.answered and ans.state.get("op") == "lookup"
    assert [c.raw for f in ans.figures for c in f.cells] == [value]


@pytest.mark.parametrize("question,value", [
    ("What was the change in the organic growth rate from 2018 to 2019?", "1.9"),
    ("By how much did the change in fair value of warrants differ between 2018 and 2019?", "-2,100"),
])
def test_a_change_asked_again_of_such_a_row_is_computed(tmp_path: Path, question: str, value: str) -> None:
    ans = assistant_over(tmp_path, "update.txt", RATES).ask(question)
    assert ans.answered and ans.state.get("op") == "change"
    assert value in ans.text
