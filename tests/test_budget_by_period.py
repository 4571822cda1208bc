"""A budget table whose columns are grouped under years ('2025/26' over 'Budget' and 'Actual', '2026/27' over
'Budget' and 'Forecast'), with no variance column: an over- or underspend is the spend less the budget of the
year asked (the latest when none is), the rows over or under budget that year, and the one with the largest.
Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

PAPER = """Brackley Integrated Care Board
Community services budget, month 9 2026/27

Table 2: Community services budget and spend (£000)
\t2025/26\t\t2026/27\t
Service\tBudget\tActual\tBudget\tForecast
District nursing\t8,400\t8,950\t8,800\t9,600
Community therapy\t5,200\t4,900\t5,500\t5,350
Wheelchair service\t1,100\t1,260\t1,150\t1,180
Continence service\t700\t640\t720\t690
"""


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("budget"), "budget.txt", PAPER)


@pytest.mark.parametrize(("question", "value"), [
    ("By how much did district nursing overspend in 2025/26?", 550),
    ("How much is the wheelchair service forecast to overspend in 2026/27?", 30),
    ("How far over budget was the wheelchair service in 2025/26?", 160),
    ("By how much did community therapy underspend in 2025/26?", -300),
])
def test_an_overspend_is_the_spend_less_the_budget_of_the_year_asked(paper, question: str, value: int) -> None:
    ans = paper.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value * 1000, ans.text  # (£000)


@pytest.mark.parametrize(("question", "rows", "not_rows"), [
    ("Which services underspent in 2025/26?", ["Community therapy", "Continence service"], ["District nursing"]),
    ("Which services overspent in 2025/26?", ["District nursing", "Wheelchair service"], ["Continence service"]),
    ("Which services are forecast to overspend in 2026/27?", ["District nursing", "Wheelchair service"],
     ["Community therapy"]),
])
def test_the_rows_over_or_under_budget_in_the_year_asked(paper, question: str, rows: list[str], not_rows: list[str]) -> None:
    ans = paper.ask(question)
    assert ans.answered and all(r in ans.text for r in rows) and not any(r in ans.text for r in not_rows), ans.text


@pytest.mark.parametrize(("question", "row", "value"), [
    ("Which service has the largest forecast overspend in 2026/27?", "District nursing", 800),
    ("Which service had the biggest underspend in 2025/26?", "Community therapy", -300),
    ("Which service overspent the most in 2025/26?", "District nursing", 550),
])
def test_the_largest_over_or_underspend_without_a_variance_column(paper, question: str, row: str, value: int) -> None:
    ans = paper.ask(question)
    assert ans.answered and ans.figures[0].value == value * 1000 and row in ans.text, ans.text  # (£000)
