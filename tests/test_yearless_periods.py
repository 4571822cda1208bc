"""Columns that name a month or a quarter without a year ('Apr' … 'Mar', 'Q1' … 'Q4', 'Quarter 2') are the periods
of the table's one year, in the order they stand: a row is ranked, averaged and added up over them, measured
against its own target column month by month, and a span the question names ('from May to July', 'Q1 to Q3')
is every column between its ends. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

REPORT = """Community Services Quarterly Review

Reablement and discharge measures by month

Measure\tApr\tMay\tJun\tJul\tAug\tSep\tTarget
Reablement starts\t212\t198\t231\t240\t205\t219\t220
Hospital discharges before noon (%)\t31.5\t33.0\t29.8\t35.2\t36.1\t30.4\t33.0
Emergency readmissions within 30 days\t88\t95\t79\t102\t91\t84\t90

Pooled budget spend by quarter (£000)

Service\tQ1\tQ2\tQ3\tQ4\tAnnual plan
Community equipment\t420\t455\t470\t515\t1,800
Stroke early supported discharge\t130\t128\t141\t150\t560
Handyperson service\t62\t58\t71\t66\t250
"""


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("yearless"), "review.txt", REPORT)


@pytest.mark.parametrize("question,column,value", [
    ("In which month were reablement starts highest?", "Jul", 240),
    ("Which month had the most reablement starts?", "Jul", 240),
    ("In which month were emergency readmissions within 30 days lowest?", "Jun", 79),
    ("Which quarter saw the largest spend on the handyperson service?", "Q3", 71),
    ("In which quarter was stroke early supported discharge spend smallest?", "Q2", 128),
    ("What was the highest monthly figure for reablement starts?", "Jul", 240),
    ("What was the lowest number of emergency readmissions within 30 days, and when?", "Jun", 79),
])
def test_the_month_or_quarter_a_row_peaks_in(review, question: str, column: str, value: int) -> None:
    """The row's month (or quarter) columns compared, never its target or plan column."""
    ans = review.ask(question)
    assert ans.state.get("op") in ("max_over", "min_over"), ans.text
    lead = ans.figures[0].cells[0]
    assert lead.column == column and lead.value in (value, value * 1000)
    assert {c.column for f in ans.figures for c in f.cells}.isdisjoint({"Target", "Annual plan"})


@pytest.mark.parametrize("question,value,n", [
    ("What was the average monthly number of reablement starts?", Decimal("217.5"), 6),
    ("On average, how many emergency readmissions within 30 days were there each month?", Decimal("89.83"), 6),
    ("What was the average quarterly spend on community equipment?", Decimal("465000"), 4),
])
def test_a_row_averaged_over_its_months(review, question: str, value: Decimal, n: int) -> None:
    ans = review.ask(question)
    fig = ans.figures[0]
    assert fig.op == "average" and len(fig.cells) == n, ans.text
    assert round(fig.value, 2) == value


@pytest.mark.parametrize("question,columns,value", [
    ("How many reablement starts were there from May to July in total?", ["May", "Jun", "Jul"], 669),
    ("What were total reablement starts between June and August?", ["Jun", "Jul", "Aug"], 676),
    ("How much was spent on community equipment in Q1 and Q2 together?", ["Q1", "Q2"], 875_000),
    ("How much did the handyperson service spend from Q2 to Q4 altogether?", ["Q2", "Q3", "Q4"], 195_000),
])
def test_a_row_added_up_over_the_months_a_question_names(review, question: str, columns: list[str], value: int) -> None:
    ans = review.ask(question)
    fig = ans.figures[0]
    assert fig.op == "sum" and [c.column for c in fig.cells] == columns, ans.text
    assert fig.value == value


@pytest.mark.parametrize("question,months", [
    ("Which months were reablement starts below target?", ["Apr", "May", "Aug", "Sep"]),
    ("In which months did reablement starts exceed the target?", ["Jun", "Jul"]),
    ("Which months were emergency readmissions within 30 days above target?", ["May", "Jul", "Aug"]),
    ("In which months were emergency readmissions within 30 days within target?", ["Apr", "Jun", "Sep"]),
])
def test_the_months_a_row_is_over_or_under_its_own_target(review, question: str, months: list[str]) -> None:
    """Each month's figure measured against the row's own figure in the column the question names."""
    ans = review.ask(question)
    assert ans.state.get("op") == "meets", ans.text
    met = ans.figures[0].cells[:len(months)]
    assert [c.column for c in met] == months
    assert "Target" in ans.text


def test_how_many_months_a_row_missed_its_target(review) -> None:
    ans = review.ask("In how many months were hospital discharges before noon below target?")
    fig = ans.figures[0]
    assert fig.op == "count" and fig.value == 3, ans.text  # Apr, Jun, Sep


def test_a_named_month_is_still_looked_up(review) -> None:
    ans = review.ask("How many reablement starts were there in August?")
    assert [c.column for f in ans.figures for c in f.cells] == ["Aug"] and ans.figures[0].value == 205


@pytest.mark.parametrize("question,verdict,column", [
    ("Were reablement starts above target in July?", "Yes", "Jul"),
    ("Were emergency readmissions within 30 days below target in May?", "No", "May"),
    ("Were hospital discharges before noon above target in August?", "Yes", "Aug"),
    ("Did reablement starts exceed the target in September?", "No", "Sep"),
])
def test_whether_a_month_was_over_or_under_target(review, question: str, verdict: str, column: str) -> None:
    """The month the question names, measured against the row's own target."""
    ans = review.ask(question)
    assert ans.text.startswith(f"{verdict}. "), ans.text
    assert {c.column for c in ans.figures[0].cells} == {column, "Target"}
