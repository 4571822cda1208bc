"""A field of a board paper ('Executive Lead: Jane Smith', or 'Author:' with the name on the next line) answers
a who- or when-question, though the layout reads a short line as a heading (Answerer._score, _from_prose)."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

PAPER = """Public Board Meeting

Winter Resilience Update

Executive Lead: Priya Shah

The winter plan adds twenty community beds and a seven-day discharge team from December.

Report author:
Tom Reilly

Workforce Plan

Executive Lead: Daniel Osei

The workforce plan recruits forty healthcare assistants through a rolling campaign.

Date of next review:
June 2026
"""


def _line(start: str) -> int:
    return next(i for i, x in enumerate(PAPER.splitlines(), 1) if x.startswith(start))


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("fields"), "board_paper.txt", PAPER)


@pytest.mark.parametrize(("question", "name", "start"), [
    ("Who is the executive lead for winter resilience?", "Priya Shah", "Executive Lead: Priya"),
    ("Who is the executive lead for the workforce plan?", "Daniel Osei", "Executive Lead: Daniel"),
    ("Who wrote the report?", "Tom Reilly", "Tom Reilly"),
    ("Who is the report author?", "Tom Reilly", "Tom Reilly"),
    ("When is the next review?", "June 2026", "June 2026"),
])
def test_a_field_answers_with_its_value(paper, question: str, name: str, start: str) -> None:
    ans = paper.ask(question)
    assert ans.answered and name in ans.text
    assert _line(start) in {c.line_start for c in ans.citations}
