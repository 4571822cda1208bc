"""Tables that split each period into parts (a plan's '2026/27' over 'Revenue' and 'Capital', a commissioning
paper's year over 'Council' and 'ICB'): 'the total X in 2026/27' adds up the named row's parts of that period
(where no column is their total already), and two parts of the one period asked are no change over time
unless the question names both. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PLAN = """Greywater Health and Care Partnership: investment plan

Table 2: Investment by programme, revenue and capital (£000)
{header}
\tRevenue\tCapital\tRevenue\tCapital
Digital care records\t1,250\t2,400\t1,310\t1,950
Estates rationalisation\t480\t5,600\t500\t7,250
Workforce academy\t900\t150\t960\t0
"""
# the year over its two columns (a Word table's merged cell), or written over each of them
HEADERS = {"spread": "Programme\t2025/26\t\t2026/27\t", "repeated": "Programme\t2025/26\t2025/26\t2026/27\t2026/27"}


@pytest.fixture(scope="module", params=sorted(HEADERS))
def plan(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("split"), "investment.txt",
                          PLAN.format(header=HEADERS[request.param]))


@pytest.mark.parametrize("question,value", [
    ("What is the total investment in digital care records in 2026/27?", 3260),
    ("What was the total investment in estates rationalisation in 2025/26?", 6080),
    ("How much is invested in the workforce academy in 2025/26 in total?", 1050),
])
def test_the_parts_of_the_period_asked_added_up(plan, question: str, value: int) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "sum", ans.text
    assert ans.figures[0].value == Decimal(value) * 1000
    assert len(ans.figures[0].cells) == 2


@pytest.mark.parametrize("question", [
    "By how much does investment in digital care records change in 2026/27?",
    "How much does estates rationalisation investment rise in 2026/27?",
])
def test_two_parts_of_one_period_are_no_change_over_time(plan, question: str) -> None:
    ans = plan.ask(question)
    for f in ans.figures:  # no revenue-to-capital 'change' within the one year
        assert len({c.column.split(" / ")[0] for c in f.cells}) != 1 or len(f.cells) != 2 or \
            f.op not in ("difference", "percent_change"), ans.text


def test_two_parts_the_question_names_are_compared(plan) -> None:
    ans = plan.ask("What is the difference between capital and revenue investment in estates rationalisation in 2026/27?")
    assert ans.figures and abs(ans.figures[0].value) == 6_750_000, ans.text
