"""Budget-monitoring tables, as a board paper's finance report holds them: a budget, what was spent to date,
a forecast for the year and variances between them. Staff ask in their own words ('overspent', 'so far this
year', 'under budget', 'the largest underspend'); the table's own figures say which way round each variance is
written, since reports write it either way. Also: a column named by a word the question's terms leave out ('the
planned rate' of 'Plan 2026/27'), and which-questions that name the rows in the singular ('which scheme is
rated red?'). Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

# Variances as spend less budget: an overspend is positive, an underspend in brackets
COUNCIL = """Eastbrook Borough Council
Adult Social Care Committee, 3 December 2026

Item 5: Revenue budget monitoring, Period 7

The committee is asked to note the position of the adult social care budget at the end of October.

Table A: Adult social care revenue position (£000)
Budget line\tFull-year budget\tBudget to date\tSpend to date\tVariance to date\tProjected outturn\tProjected variance
Older people's residential care\t21,600\t12,600\t13,180\t580\t22,640\t1,040
Learning disability support\t17,300\t10,090\t10,010\t(80)\t17,050\t(250)
Home support\t11,200\t6,530\t6,910\t380\t11,820\t620
Day opportunities\t3,400\t1,980\t1,870\t(110)\t3,220\t(180)
Direct payments\t6,800\t3,970\t3,900\t(70)\t6,960\t160
Assessment and care management\t5,100\t2,975\t2,940\t(35)\t5,050\t(50)
Total\t65,400\t38,145\t38,810\t665\t66,740\t1,340

Table B: Savings delivery
Saving\tResponsible officer\tTarget (£000)\tAchieved to date (£000)\tForecast achievement (£000)\tRating
Strengths-based reviews\tHead of Operations\t900\t610\t880\tGreen
Technology-enabled care\tDigital Lead\t450\t120\t270\tRed
Shared lives expansion\tCommissioning Manager\t300\t210\t300\tAmber
Transport review\tHead of Operations\t250\t90\t150\tRed

Table C: Outcome measures, 2026/27
Measure\tPlan 2026/27\tApril to June\tJuly to September
Reablement clients needing no further support (%)\t84.0%\t81.5%\t82.9%
Adults with a learning disability in paid work (%)\t6.5%\t5.8%\t6.1%
"""

# Variances as budget less spend: an overspend is negative, in brackets
TRUST = """Highcliff Community Health Trust
Finance and Performance Committee, January 2027

Divisional position at Month 9 (£m)
Division\tAnnual budget\tForecast\tVariance
Urgent community response\t18.20\t19.05\t(0.85)
Children's community services\t24.60\t24.10\t0.50
Community nursing\t31.40\t32.65\t(1.25)
Therapies\t12.80\t12.35\t0.45
Estates and facilities\t9.90\t10.02\t(0.12)
Total\t96.90\t98.17\t(1.27)

Ward variances, Month 9 (£000)
Ward\tVariance
Ash ward\t(42)
Beech ward\t17
Cedar ward\t(8)

Community beds by site
Site\tBeds\tOccupancy
Elm Lodge\t24\t91%
Fir House\t32\t88%
Oak Court\t24\t95%
"""


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("council"), "asc_monitoring.txt", COUNCIL)


@pytest.fixture(scope="module")
def trust(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("trust"), "trust_finance.txt", TRUST)


def _rows(ans) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.row for f in ans.figures for c in f.cells}


@pytest.mark.parametrize("question,row", [
    ("Which budget line has the largest overspend so far?", "Older people's residential care"),
    ("Which budget line is most overspent to date?", "Older people's residential care"),
    ("Which budget line has the biggest underspend to date?", "Day opportunities"),
    ("Which budget line is projected to have the largest underspend?", "Learning disability support"),
])
def test_the_largest_overspend_when_overspends_are_positive(council, question: str, row: str) -> None:
    ans = council.ask(question)
    assert ans.state.get("op") in ("max", "min"), ans.text
    assert ans.state.get("rows", [""])[0] == row, ans.text


@pytest.mark.parametrize("question,row", [
    ("Which division has the largest overspend?", "Community nursing"),
    ("Which division is forecast to overspend the most?", "Community nursing"),
    ("Which division has the biggest underspend?", "Children's community services"),
])
def test_the_largest_overspend_when_overspends_are_negative(trust, question: str, row: str) -> None:
    """The same words over a table that writes the variance as budget less forecast: the other extreme."""
    ans = trust.ask(question)
    assert ans.state.get("op") in ("max", "min"), ans.text
    assert ans.state.get("rows", [""])[0] == row, ans.text
    assert "less" in ans.text  # says how the variance is written


def test_a_variance_the_table_cannot_show_the_way_of_is_not_an_extreme(trust) -> None:
    """A column of variances alone: which way round is not shown, so 'the largest overspend' is not its max."""
    ans = trust.ask("Which ward has the largest overspend?")
    assert not (ans.answered and ans.state.get("op") in ("max", "min") and "ward" in ans.text.lower()), ans.text


@pytest.mark.parametrize("question,rows,op", [
    ("Which budget lines are overspending so far this year?",
     {"Older people's residential care", "Home support"}, "meets"),
    ("Which budget lines are under budget to date?",
     {"Learning disability support", "Day opportunities", "Direct payments", "Assessment and care management"}, "meets"),
    ("Which budget lines are projected to overspend?",
     {"Older people's residential care", "Home support", "Direct payments"}, "meets"),
    ("How many budget lines are projected to underspend?",
     {"Learning disability support", "Day opportunities", "Assessment and care management"}, "count"),
])
def test_rows_over_or_under_budget_by_the_pair_a_variance_is_of(council, question: str, rows: set[str], op: str) -> None:
    """Two budgets and two spends (to date, and for the year): the pair the question's words name, as the
    table's variance columns pair them."""
    ans = council.ask(question)
    assert ans.state.get("op") == op, ans.text
    assert ans.figures[0].value == len(rows)
    assert {c.row for c in ans.figures[0].cells} == rows


def test_rows_that_differ_between_the_pairs_are_not_guessed(council) -> None:
    """'Direct payments' is under budget to date and over it for the year: a question that names neither is not
    answered with either list."""
    ans = council.ask("Which budget lines are overspending?")
    assert ans.state.get("op") != "meets" or not ans.answered, ans.text


@pytest.mark.parametrize("question,row,value", [
    ("How much has been spent on home support so far this year?", "Home support", 6910),
    ("How much is home support overspent to date?", "Home support", 380),
    ("How far over budget is older people's residential care projected to be by the year end?",
     "Older people's residential care", 1040),
    ("By how much are day opportunities underspent so far?", "Day opportunities", -110),
])
def test_a_budget_column_named_in_other_words(council, question: str, row: str, value: int) -> None:
    """The figure asked, read from the column the words name (or worked out from the two it is the difference
    of), first of the figures given."""
    ans = council.ask(question)
    assert ans.answered and ans.figures, ans.text
    assert ans.figures[0].value == value * 1000 and ans.figures[0].cells[-1].row == row, ans.text  # (£000)


@pytest.mark.parametrize("question,value", [
    ("What is the plan for reablement clients needing no further support?", "84.0%"),
    ("What is the planned rate of adults with a learning disability in paid work?", "6.5%"),
    ("What is the plan for the share of adults with a learning disability in paid work?", "6.5%"),
])
def test_a_column_named_by_a_word_the_terms_leave_out(council, question: str, value: str) -> None:
    ans = council.ask(question)
    assert ans.figures and ans.figures[0].text == value, ans.text
    assert ans.figures[0].cells[0].column.startswith("Plan")


@pytest.mark.parametrize("question,rows", [
    ("Which saving is rated red?", {"Technology-enabled care", "Transport review"}),
    ("Which saving has a rating of amber?", {"Shared lives expansion"}),
    ("What savings are rated green?", {"Strengths-based reviews"}),
])
def test_which_rows_named_in_the_singular(council, question: str, rows: set[str]) -> None:
    ans = council.ask(question)
    assert ans.state.get("op") == "meets", ans.text
    assert _rows(ans) == rows


@pytest.mark.parametrize("question,value,column", [
    ("What percentage of its target has the transport review achieved?", "36.0%", "Achieved to date (£000)"),
    ("What percentage of its target has technology-enabled care achieved so far?", "26.67%",
     "Achieved to date (£000)"),
    ("What share of its target is technology-enabled care forecast to achieve?", "60.0%", "Forecast achievement (£000)"),
    ("What proportion of its target will the transport review achieve?", "60.0%", "Forecast achievement (£000)"),
])
def test_a_forecast_only_when_the_question_looks_ahead(council, question: str, value: str, column: str) -> None:
    """Beside what was achieved so far, a column of what is forecast is what a question reads only when it looks
    ahead ('forecast to', 'will')."""
    ans = council.ask(question)
    assert ans.state.get("op") == "share" and ans.figures[0].text == value, ans.text
    assert ans.figures[0].cells[0].column == column


def test_the_audit_checks_a_variance_against_the_budget_and_spend_it_is_of(council, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'Projected variance' is 'Projected outturn' less 'Full-year budget', three columns away: a variance with the
    wrong sign, or the wrong amount, is found on its own row; the table as published has no such finding."""
    assert not [f for f in council.audit() if f.kind == "change"]
    wrong = COUNCIL.replace("Home support\t11,200\t6,530\t6,910\t380\t11,820\t620",
                            "Home support\t11,200\t6,530\t6,910\t380\t11,820\t(620)").replace(
        "Direct payments\t6,800\t3,970\t3,900\t(70)\t6,960\t160", "Direct payments\t6,800\t3,970\t3,900\t(70)\t6,960\t190")
    found = [f for f in assistant_over(tmp_path, "asc_monitoring.txt", wrong).audit() if f.kind == "change"]
    assert {(f.stated.split(" / ")[0], f.computed) for f in found} == {("Home support", "£620k"), ("Direct payments", "£160k")}
    lines = wrong.splitlines()
    assert {f.line_start for f in found} == {i for i, ln in enumerate(lines, 1) if ln.startswith(("Home support", "Direct payments"))}


@pytest.mark.parametrize("question,verdict,value", [
    ("Is day opportunities overspent so far?", "No", -110),
    ("Is home support projected to overspend?", "Yes", 620),
    ("Is direct payments under budget to date?", "Yes", -70),
    ("Is direct payments forecast to come in under budget?", "No", 160),
])
def test_whether_a_row_is_over_budget_by_the_pair_named(council, question: str, verdict: str, value: int) -> None:
    """Of two budgets and two spends, the pair the question's words name ('so far', 'projected'): the verdict
    and the difference, from the two cells."""
    ans = council.ask(question)
    assert ans.text.startswith(verdict), ans.text
    assert ans.figures[0].value == value * 1000


@pytest.mark.parametrize("follow_up,row", [
    ("And the biggest underspend?", "Day opportunities"),
    ("What about the largest underspend so far?", "Day opportunities"),
])
def test_a_follow_up_that_asks_another_extreme(council, follow_up: str, row: str) -> None:
    first = council.ask("Which budget line has the largest overspend to date?")
    assert first.state.get("rows", [""])[0] == "Older people's residential care", first.text
    ans = council.ask(follow_up, history=[first])
    assert ans.state.get("op") in ("max", "min") and ans.state.get("rows", [""])[0] == row, ans.text


@pytest.mark.parametrize("question", ["Which site has the fewest beds?", "Which site has the smallest number of beds?"])
def test_rows_that_tie_for_an_extreme_are_all_named(trust, question: str) -> None:
    ans = trust.ask(question)
    assert ans.state.get("op") == "min" and ans.figures[0].value == 24, ans.text
    assert "Elm Lodge" in ans.text and "Oak Court" in ans.text

