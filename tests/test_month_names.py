"""A month named in full in a question ('in March 2025', 'for September') and the same month abbreviated in a
table ('2024-25 MAR', 'Sep') are one term (text.stem), so monthly tables answer by the month's row or column
rather than by the year's total."""

from __future__ import annotations

import pytest

from assistant.text import stem

from .conftest import assistant_over, line_starting

# monthly rows under a year, as performance dashboards print them; a year's row last
DASHBOARD = """Integrated Discharge Dashboard 2024-25

Table 3: Patients discharged home within 48 hours, by month

Year\tMonth\tPlan\tActual\tVariance
2024-25\tAPR\t310\t296\t-14
2024-25\tMAY\t310\t322\t12
2024-25\tJUN\t310\t301\t-9
2024-25\tJUL\t320\t344\t24
2024-25\tAUG\t320\t287\t-33
2024-25\tSEP\t320\t318\t-2
2024-25\tOCT\t330\t352\t22
2024-25\tNOV\t330\t341\t11
2024-25\tDEC\t330\t276\t-54
2024-25\tJAN\t340\t309\t-31
2024-25\tFEB\t340\t333\t-7
2024-25\tMAR\t340\t365\t25
Year total\t\t3,890\t3,844\t-46
"""

# the months as columns
CALLS = """Telecare Monitoring Report

Calls answered by the telecare centre, quarter 4

Call type\tJan\tFeb\tMar
Falls alerts\t1,204\t1,116\t1,342
Medication reminders\t3,410\t3,087\t3,395
Welfare checks\t865\t902\t948
"""


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("months_dashboard"), "discharge_dashboard.txt", DASHBOARD)


@pytest.fixture(scope="module")
def calls(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("months_calls"), "telecare_report.txt", CALLS)


@pytest.mark.parametrize(("full", "short"), [
    ("march", "mar"), ("december", "dec"), ("september", "sep"), ("sept", "sep"), ("january", "jan"),
    ("june", "jun"), ("july", "jul"),
])
def test_a_month_in_full_and_abbreviated_is_one_term(full: str, short: str) -> None:
    assert stem(full) == stem(short)


def test_other_words_keep_their_stems() -> None:
    assert stem("marching") != stem("mar")
    assert stem("decision") != stem("dec")
    assert stem("nurses") == "nurs"


@pytest.mark.parametrize(("question", "month", "actual"), [
    ("How many patients were actually discharged home within 48 hours in March 2025?", "MAR", 365),
    ("What was the actual number of patients discharged home within 48 hours in December 2024?", "DEC", 276),
    ("How many patients were discharged home within 48 hours in September, actual?", "SEP", 318),
    ("Actual discharges home within 48 hours for November 2024?", "NOV", 341),
])
def test_a_month_asked_is_the_months_row_not_the_years_total(dashboard, question: str, month: str,
                                                                actual: int) -> None:
    ans = dashboard.ask(question)
    assert ans.answered, ans.text
    assert actual in [f.value for f in ans.figures], ans.text
    assert 3844 not in [f.value for f in ans.figures], ans.text
    lines = {c.line_start for c in ans.citations}
    assert line_starting(DASHBOARD, f"2024-25\t{month}") in lines
    assert line_starting(DASHBOARD, "Year total") not in lines


@pytest.mark.parametrize(("question", "value"), [
    ("How many falls alerts were answered in February?", 1116),
    ("How many welfare checks were made in March?", 948),
    ("Medication reminder calls answered in January?", 3410),
])
def test_a_month_asked_is_the_months_column(calls, question: str, value: int) -> None:
    ans = calls.ask(question)
    assert ans.answered, ans.text
    assert ans.figures and ans.figures[0].value == value, ans.text
