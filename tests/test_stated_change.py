"""A sentence that states where a figure moved from and to ('rose from 640 to 712', 'has fallen to 9.9% from
11.4% in April', 'increased from £3.1m in 2025/26 to £3.6m in 2026/27'): asked by how much it changed, or by
what percentage, the figure engine works it out from the two numbers as written, the sentence cited. Not where
the sentence names other periods than the question's, nor where a table's cells give the figure. Every document
here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

REPORT = """Brackenfield Children's Services: annual report to the Corporate Parenting Panel

Children looked after

The number of children looked after by the council rose from 640 to 712 in the year to March 2027, mostly
older children placed outside the county.

Placement stability

The share of children with three or more placements in a year has fallen to 8.5% from 10.9% in 2024/25.

Spending

Spending on residential placements increased from £31.2m in 2025/26 to £36.6m in 2026/27.

Care leavers

The number of care leavers aged 18 and over is expected to grow from 310 in 2026 to 365 in 2028.

Adoption

The council approved 46 adoption orders this year, down from 58 the year before.

Health assessments

In December 58.3% of initial health assessments were completed within 20 working days, against a local target of 85%.
The service spent £2.9m on agency social workers this year, against a budget of £2.2m.

Workforce

Agency social workers now make up a fifth of the frontline workforce. The service employs 214 social workers
and 38 team managers.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("moved"), "parenting.txt", REPORT)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(REPORT.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize("question,value,line", [
    ("By how much did the number of children looked after rise?", 72, "The number of children looked after"),
    ("How many more children were looked after in March 2027 than a year before?", 72,
     "The number of children looked after"),
    ("What was the increase in children looked after?", 72, "The number of children looked after"),
    ("How much has the share of children with three or more placements fallen since 2024/25?", Decimal("-2.4"),
     "The share of children with three"),
    ("By how many percentage points did the share of children with three or more placements fall?", Decimal("-2.4"),
     "The share of children with three"),
    ("By how much did spending on residential placements go up between 2025/26 and 2026/27?", 5_400_000,
     "Spending on residential placements"),
    ("By how much did the number of adoption orders fall?", -12, "The council approved 46"),
    ("By how much is the number of care leavers aged 18 and over expected to grow by 2028?", 55,
     "The number of care leavers aged 18"),
    ("How many fewer adoption orders were approved this year than the year before?", -12, "The council approved 46"),
])
def test_the_change_a_sentence_states_the_ends_of(report, question: str, value: Decimal, line: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "change", ans.text
    assert ans.figures[0].value == value
    assert {c.line_start for c in ans.citations} == {_line(line)}


@pytest.mark.parametrize("question", [
    "What was the percentage increase in spending on residential placements?",
    "By what percentage did residential placement spending grow?",
])
def test_the_change_in_per_cent(report, question: str) -> None:
    ans = report.ask(question)  # (a change, the figure engine's working-out in per cent, given as an answer)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].op == "percent_change", ans.text
    assert round(ans.figures[0].value, 2) == Decimal("17.31")  # (36.6 - 31.2) / 31.2


def test_a_sentence_of_other_periods_does_not_answer(report) -> None:
    ans = report.ask("By how much did spending on residential placements rise between 2023/24 and 2024/25?")
    assert not any(f.value == 5_400_000 for f in ans.figures), ans.text


def test_two_numbers_a_sentence_does_not_say_one_moved_to_are_not_subtracted(report) -> None:
    ans = report.ask("How many more social workers than team managers does the service employ?")
    assert not ans.figures or ans.state.get("op") != "change" or ans.figures[0].value == 176, ans.text


TABLED = """Brackenfield adult social care: quarterly report

Long-term care

The number of people in long-term residential care went from 1,120 to 1,090 over the year.

Table 1: People in long-term residential care
Quarter	People
Q1 2026/27	1,120
Q4 2026/27	1,085
"""


def test_a_table_that_gives_the_figures_is_read_before_a_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path, "asc.txt", TABLED)
    ans = a.ask("By how much did the number of people in long-term residential care change between Q1 and Q4?")
    assert ans.figures and ans.figures[0].value == -35, ans.text
    assert ans.figures[0].cells  # (the table's cells, not the sentence's numbers)


@pytest.mark.parametrize("question,value,line", [
    ("How far below the local target were initial health assessments in December?", Decimal("-26.7"), "In December 58.3%"),
    ("By how many percentage points did initial health assessments miss their target?", Decimal("-26.7"),
     "In December 58.3%"),
    ("By how much did agency social worker spending exceed its budget?", 700_000, "The service spent"),
    ("How far over budget was spending on agency social workers?", 700_000, "The service spent"),
])
def test_a_figure_against_the_yardstick_a_sentence_gives(report, question: str, value: Decimal, line: str) -> None:
    ans = report.ask(question)
    assert ans.state.get("op") == "change", ans.text
    assert ans.figures[0].value == value
    assert {c.line_start for c in ans.citations} == {_line(line)}
