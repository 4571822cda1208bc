"""A question for a year a table of period columns does not have (in its columns, its rows' names, its caption) is
not answered from that table's other years: 'X in 2025/26' of a table of 2021/22 and 2022/23 gets no figure, even
with every answer given. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

SPEND = """Intermediate care plan

Spend on intermediate care (£):

Service\t2021/22\t2022/23
Reablement\t1,200,000\t1,350,000
Step-down beds\t800,000\t760,000
Rapid response\t450,000\t500,000
Total\t2,450,000\t2,610,000
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("absent_period"), "care.txt", SPEND)  # every answer given


@pytest.mark.parametrize("question", [
    "What was reablement spend in 2025/26?",
    "How much was spent on step-down beds in 2019/20?",
    "What is the rapid response budget for 2026?",
    "How much did reablement cost in 2019?",
])
def test_a_year_the_table_does_not_have_gets_no_figure(plan, question: str) -> None:
    ans = plan.ask(question)
    assert not ans.figures
    assert not any(x in ans.text for x in ("1,200,000", "1,350,000", "800,000", "760,000", "450,000", "500,000"))


@pytest.mark.parametrize("question,figure", [
    ("What was reablement spend in 2022/23?", "1,350,000"),
    ("How much was spent on step-down beds in 2021/22?", "800,000"),
    ("What is the rapid response spend for 2022-23?", "500,000"),
])
def test_a_year_the_table_has_is_read(plan, question: str, figure: str) -> None:
    assert figure in plan.ask(question).text
