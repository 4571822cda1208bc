"""A count under a condition is over the table's rows or over one row's columns, whichever the question's
counted things are: 'how many schemes had a budget above X' counts rows in the budget column; 'how many
years did X exceed Y' counts the named row's year columns; 'how many quarters …' counts rows when the
rows are the quarters. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import assistant_over

SCHEMES = """Winter plan 2020

Planned spend by scheme (£000):

Scheme\t2019/20\t2020/21\t% change
Home care\t820\t905\t10.4%
Reablement\t410\t455\t11.0%
Falls prevention\t120\t126\t5.0%
Carers support\t260\t262\t0.8%
Total planned spend\t1,610\t1,748\t8.6%

Delayed days by quarter:

Quarter\t2019/20\t2020/21
Quarter 1\t380\t350
Quarter 2\t420\t390
Quarter 3\t510\t470
Quarter 4\t450\t405

Spend by locality in 2020/21 (£000):

\t2020/21 North\t2020/21 South\t2020/21 East\t2020/21 Total
Community nursing\t1,250\t980\t1,040\t3,270
Therapies\t400\t310\t290\t1,000
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("count_rows"), "winter.txt", SCHEMES)


def _count(ans):
    return next(f for f in ans.figures if f.op == "count")


@pytest.mark.parametrize("question,hits,rows", [
    ("How many schemes had 2020/21 spend above £400?", 2, {"Home care", "Reablement"}),
    ("In 2020/21, how many of the schemes cost more than £200 thousand?", 3, {"Home care", "Reablement", "Carers support"}),
    ("How many schemes were below 300 in 2019/20?", 2, {"Falls prevention", "Carers support"}),
    # a row named in passing ('care') whose year columns cannot be the schemes counted
    ("How many care schemes had 2020/21 spend above £400?", 2, {"Home care", "Reablement"}),
])
def test_rows_of_a_breakdown_meeting_a_condition(plan, question: str, hits: int, rows: set[str]) -> None:
    fig = _count(plan.ask(question))
    assert fig.value == hits
    # the cells counted are the scheme rows that meet it, never the total row
    assert {c.row for c in fig.cells} == rows


@pytest.mark.parametrize("question,hits", [
    ("For how many entries was the % change over 10%?", 2),
    ("How many schemes had a % change of less than 6%?", 2),
    ("How many lines show a % change greater than 1%?", 3),
])
def test_rows_counted_in_the_change_column_the_question_names(plan, question: str, hits: int) -> None:
    fig = _count(plan.ask(question))
    assert fig.value == hits
    assert all(c.column.endswith("% change") for c in fig.cells)


@pytest.mark.parametrize("question,hits", [
    ("In 2019/20, how many quarters had more than 400 delayed days?", 3),
    ("How many quarters of 2020/21 had delayed days above 400?", 2),
    ("In 2020/21, in how many quarters were delayed days below 400?", 2),
])
def test_rows_that_are_the_periods_counted(plan, question: str, hits: int) -> None:
    fig = _count(plan.ask(question))
    assert fig.value == hits
    assert all(c.row.startswith("Quarter") for c in fig.cells)


@pytest.mark.parametrize("question,hits", [
    ("How many localities had community nursing spend above £1,000 thousand?", 2),
    ("In how many localities did therapies spend exceed 300?", 2),
    ("How many localities spent less than £1,000 on community nursing?", 1),
])
def test_columns_of_one_period_counted_without_their_total(plan, question: str, hits: int) -> None:
    fig = _count(plan.ask(question))
    assert fig.value == hits
    assert not any(c.column.endswith("Total") for c in fig.cells)


@pytest.mark.parametrize("question,hits", [
    ("How many of the years had total planned spend above £1,700 thousand?", 1),
    ("In how many years was the total planned spend above 1,600?", 2),
])
def test_years_of_a_named_total_row_are_still_its_columns(plan, question: str, hits: int) -> None:
    """'How many years': the named row's periods, even when that row is a total."""
    fig = _count(plan.ask(question))
    assert fig.value == hits
    assert {c.row for c in fig.cells} == {"Total planned spend"}




@pytest.mark.parametrize("question,rows", [
    ("Which schemes had 2020/21 spend above £400?", {"Home care", "Reablement"}),
    ("What are the schemes that cost less than 300 in 2019/20?", {"Falls prevention", "Carers support"}),
    ("Which of the schemes had a % change above 10%?", {"Home care", "Reablement"}),
])
def test_which_rows_meet_a_condition(plan, question: str, rows: set[str]) -> None:
    ans = plan.ask(question)
    assert ans.answered and ans.state.get("op") == "meets"
    assert {c.row for f in ans.figures for c in f.cells} == rows
    for name in rows:
        assert name in ans.text


AGED = """Debtor report

Debtors by age at 31 March (£000):

Age\t2020\t2021
Up to 30 days\t£410\t£455
31 to 90 days\t£120\t£160
Over 90 days\t£75\t£98
"""


@pytest.mark.parametrize("question,raw", [
    ("What were debtors over 90 days in 2021?", "£98"),
    ("How much was owed over 90 days in 2020?", "£75"),
])
def test_a_bound_that_is_a_row_name_is_not_a_condition(tmp_path: Path, question: str, raw: str) -> None:
    """'over 90 days' names the row 'Over 90 days': its figure, not the rows above 90."""
    a = assistant_over(tmp_path, "debtors.txt", AGED)
    ans = a.ask(question)
    assert ans.state.get("op") == "lookup"
    assert [c.raw for f in ans.figures for c in f.cells] == [raw]


VALUED = """Investments note

Investments held at 31 March 2021 (£000):

Asset\tEstimated Fair Value Measurements Level 1\tEstimated Fair Value Measurements Level 2\tTotal Fair Value
Gilts\t£300\t£50\t£350
Corporate bonds\t£120\t£80\t£200
Property funds\t£0\t£90\t£90
"""


@pytest.mark.parametrize("question,raw", [
    ("What total fair value do the corporate bonds have?", "£200"),
    ("How much are the property funds worth at total fair value?", "£90"),
    ("Gilts: how much is their total fair value?", "£350"),
])
def test_a_column_whose_whole_name_is_said_is_the_one_read(tmp_path: Path, question: str, raw: str) -> None:
    """Every column says 'fair value'; the question says the whole of one column's name."""
    a = assistant_over(tmp_path, "investments.txt", VALUED)
    ans = a.ask(question)
    assert [c.raw for f in ans.figures for c in f.cells] == [raw]


MOVEMENTS = """Borrowing note

Movements in borrowing during the year (£000):

\tLoans\tLeases
At 1 April 2020\t5,200\t900
Cash flows\t(400)\t(150)
Non-cash movements:
New leases\t-\t220
Interest charged\t180\t35
Revaluation\t(60)\t-
Total non-cash movements\t120\t255
At 31 March 2021\t4,920\t1,005
"""


@pytest.mark.parametrize("question", [
    "How many categories of non-cash movement were there in the year?",
    "How many kinds of non-cash movements does the table show?",
    "How many components make up the total non-cash movements?",
])
def test_how_many_rows_a_named_section_is_made_of(tmp_path: Path, question: str) -> None:
    a = assistant_over(tmp_path, "borrowing.txt", MOVEMENTS)
    ans = a.ask(question)
    fig = _count(ans)
    assert fig.value == 3
    assert {c.row.split(" / ")[-1] for c in fig.cells} == {"New leases", "Interest charged", "Revaluation"}


def test_a_count_of_kinds_the_table_does_not_name_is_not_made_up(tmp_path: Path) -> None:
    """'categories of lenders': no total or section of the table names them; the rows are not counted."""
    a = assistant_over(tmp_path, "borrowing.txt", MOVEMENTS)
    ans = a.ask("How many categories of lenders are there?")
    assert not any(f.op == "count" for f in ans.figures)


NET_POSITION = """Trust annual accounts

Net position by year (£000):

\t2020/21\t2021/22\t2022/23
Operating surplus\t1,240\t(310)\t(95)
Retained reserves\t4,800\t4,490\t4,395
Capital grants\t(120)\t640\t710
"""


@pytest.mark.parametrize("question,periods", [
    ("In which year was the operating surplus negative?", ["2021/22", "2022/23"]),
    ("Which years had a positive operating surplus?", ["2020/21"]),
    ("In which year were capital grants negative?", ["2020/21"]),
])
def test_a_sign_is_a_condition_on_a_rows_periods(tmp_path: Path, question: str, periods: list[str]) -> None:
    """'Negative' and 'positive' are a bound of zero: the periods whose figure meets it, never the largest."""
    ans = assistant_over(tmp_path, "accounts.txt", NET_POSITION).ask(question)
    assert ans.answered and ans.state.get("op") == "meets"
    assert [f.value for f in ans.figures] == [len(periods)]
    named = ans.text.split("(against")[0]
    assert [p for p in ("2020/21", "2021/22", "2022/23") if p in named] == periods


def test_how_many_years_a_row_was_negative(tmp_path: Path) -> None:
    for question in ("How many years was the operating surplus negative?",
                     "In how many years were capital grants positive?"):
        fig = _count(assistant_over(tmp_path / str(abs(hash(question))), "accounts.txt", NET_POSITION).ask(question))
        assert fig.value == 2


STATUS = """Quarterly performance report

Performance against the national metrics at quarter 3:

Metric\tTarget\tQuarter 3\tRAG
Avoidable admissions per 100,000\t180\t192\tRed
Discharge to usual place of residence\t92.5%\t93.1%\tGreen
Falls admissions per 100,000 (65+)\t2,050\t2,110\tAmber
Permanent admissions to care homes (65+)\t560\t512\tGreen

Progress on the delivery milestones:

Milestone\tDue\tStatus
Single point of access live\tJune 2024\tComplete
Discharge hub staffed\tSeptember 2024\tDelayed
Carers' hub commissioned\tOctober 2024\tOn track
Falls service extended\tDecember 2024\tDelayed
"""


@pytest.fixture(scope="module")
def status(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("status_rows"), "status.txt", STATUS)


@pytest.mark.parametrize("question,rows", [
    ("Which metrics are rated red?", {"Avoidable admissions per 100,000"}),
    ("Which metrics have a green RAG rating?", {"Discharge to usual place of residence",
                                                "Permanent admissions to care homes (65+)"}),
    ("What metrics are amber?", {"Falls admissions per 100,000 (65+)"}),
    ("Which milestones are delayed?", {"Discharge hub staffed", "Falls service extended"}),
    ("Which of the milestones are complete?", {"Single point of access live"}),
    # two values named: a row with either
    ("Which milestones are delayed or on track?", {"Discharge hub staffed", "Falls service extended",
                                                   "Carers' hub commissioned"}),
    ("Which metrics are rated red or amber?", {"Avoidable admissions per 100,000", "Falls admissions per 100,000 (65+)"}),
])
def test_which_rows_have_a_status_the_question_names(status, question: str, rows: set[str]) -> None:
    """'Which X are <value>?' of a table whose rows are the X and one of whose columns holds the value: every
    row with it, each cited, and none without it."""
    ans = status.ask(question)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    fig = ans.figures[0]
    assert fig.value == len(rows)
    assert {c.row for c in fig.cells} == rows
    lines = {c.line_start for c in ans.citations}
    text = STATUS.splitlines()
    assert {text[n - 1].split("\t")[0] for n in lines if "\t" in text[n - 1] and n > 3} >= rows


@pytest.mark.parametrize(("question", "hits"), [
    ("How many metrics are rated green?", 2),
    ("How many milestones are delayed?", 2),
    ("How many milestones are complete or on track?", 2),
])
def test_how_many_rows_have_a_status(status, question: str, hits: int) -> None:
    fig = _count(status.ask(question))
    assert fig.value == hits and fig.description.startswith("rows where")


FINANCE = """Month 9 finance report

BCF scheme spend to December 2024 (£000):

Scheme\tBudget\tActual\tVariance
Home care\t4,200\t4,480\t280
Reablement\t1,850\t1,790\t(60)
Carers support\t620\t655\t35
Equipment\t940\t905\t(35)
Total\t7,610\t7,830\t220

Performance at quarter 3:

Metric\tTarget\tQuarter 3
Avoidable admissions per 100,000\t180\t192
Discharge to usual place of residence\t92.5%\t93.1%
Permanent admissions to care homes (65+)\t560\t512
"""


@pytest.fixture(scope="module")
def finance(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("against_rows"), "m9.txt", FINANCE)


OVER = {"Home care", "Carers support"}
UNDER = {"Reablement", "Equipment"}


@pytest.mark.parametrize("question,rows,columns", [
    ("Which schemes are over budget?", OVER, ("Actual", "Budget")),
    ("Which schemes have overspent?", OVER, ("Actual", "Budget")),
    ("What schemes exceeded their budget?", OVER, ("Actual", "Budget")),
    ("Which schemes underspent?", UNDER, ("Actual", "Budget")),
    ("Which schemes are within budget?", UNDER, ("Actual", "Budget")),
    ("Which metrics are above target?", {"Avoidable admissions per 100,000", "Discharge to usual place of residence"},
     ("Quarter 3", "Target")),
    ("Which metrics are below target?", {"Permanent admissions to care homes (65+)"}, ("Quarter 3", "Target")),
])
def test_which_rows_are_over_or_under_what_they_are_measured_against(finance, question: str, rows: set[str],
                                                                     columns: tuple[str, str]) -> None:
    """The rows whose figure in the column of what happened is above (or below) their figure in the column the
    question names (the budget, the target); never the total row."""
    ans = finance.ask(question)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    fig = ans.figures[0]
    assert fig.value == len(rows) and {c.row for c in fig.cells} == rows
    assert {c.column for c in fig.cells} == {columns[0]}
    assert f"{columns[0]} {'within' if 'within' in question else ''}".strip() in ans.text and columns[1] in ans.text


@pytest.mark.parametrize("question,row,value", [
    ("How much is home care over budget?", "Home care", 280_000),
    ("By how much has home care overspent?", "Home care", 280_000),
    ("By how much did reablement underspend?", "Reablement", -60_000),
    ("How far below target is permanent admissions to care homes?", "Permanent admissions to care homes (65+)", -48),
])
def test_how_far_a_named_row_is_over_or_under(finance, question: str, row: str, value: int) -> None:
    """The named row's figure in the column of what happened less its figure in the column it is measured
    against, both cells cited."""
    ans = finance.ask(question)
    assert ans.answered and ans.figures, ans.text
    fig = ans.figures[0]
    assert fig.value == value and {c.row for c in fig.cells} == {row}
    assert {c.column for c in fig.cells} in ({"Actual", "Budget"}, {"Quarter 3", "Target"})


@pytest.mark.parametrize("claim,label", [
    ("Home care is £280k over budget.", "supported"),
    ("Home care overspent by £280k.", "supported"),
    ("Spending is £220k over budget in total.", "supported"),
    ("Reablement underspent by £60k.", "supported"),
    ("Reablement was £60k under budget.", "supported"),
    ("Home care is £380k over budget.", "contradicted"),
    ("Reablement overspent by £60k.", "contradicted"),   # it underspent
    ("Reablement was £60k over budget.", "contradicted"),
])
def test_a_claim_of_an_overspend_is_checked_against_the_budget(finance, claim: str, label: str) -> None:
    (c,) = finance.check(claim)
    assert c.label == label, c.explanation


@pytest.mark.parametrize("question", ["By what percentage is home care over budget?",
                                      "In percentage terms, how far did home care exceed its budget?"])
def test_how_far_over_in_per_cent_is_a_share_of_what_it_is_measured_against(finance, question: str) -> None:
    fig = finance.ask(question).figures[0]
    assert round(fig.value, 2) == Decimal("6.67") and {c.column for c in fig.cells} == {"Actual", "Budget"}


SOURCES = """Southmere pooled budget

Contributions by partner (£000):

Partner\t2023/24\t2024/25\t2025/26
Integrated care board\t28,400\t29,900\t31,200
County council\t6,150\t5,800\t5,950
District councils (DFG)\t2,900\t3,050\t3,050
Public health grant\t1,200\t1,150\t1,100
Total\t38,650\t39,900\t41,300
"""


@pytest.mark.parametrize("question,rows,cols", [
    ("Which partners' contributions fell between 2023/24 and 2024/25?", {"County council", "Public health grant"},
     ("2024/25", "2023/24")),
    ("Which partners increased their contribution from 2024/25 to 2025/26?", {"Integrated care board", "County council"},
     ("2025/26", "2024/25")),
    ("Which partners have reduced their contributions in 2025/26?", {"Public health grant"}, ("2025/26", "2024/25")),
    ("Which partner contributions went up in 2024/25?", {"Integrated care board", "District councils (DFG)"},
     ("2024/25", "2023/24")),
])
def test_which_rows_moved_one_way_between_two_periods(tmp_path: Path, question: str, rows: set[str],
                                                      cols: tuple[str, str]) -> None:
    """Every row (not the total) whose figure moved the way asked between the periods asked (a period alone: the
    one before it), each cited with both figures; not the row that moved most."""
    a = assistant_over(tmp_path, "pool.txt", SOURCES)
    ans = a.ask(question)
    assert ans.state.get("op") == "moved", ans.text
    fig = ans.figures[0]
    assert fig.value == len(rows) and {c.row for c in fig.cells} == rows
    assert {c.column for c in fig.cells} == {cols[0]} and cols[1] in ans.text


@pytest.mark.parametrize("question", [
    "Which partners' contributions fell between 2023/24 and 2024/25?",
    "Which partner contributions went up between 2024/25 and 2025/26?",
    "Which partners reduced their contributions between 2024/25 and 2025/26?",
])
def test_which_rows_moved_is_given_however_the_question_model_reads_it(tmp_path: Path, question: str) -> None:
    """The question model reads 'went up between A and B' as a change; the rows that moved that way answer it, and
    are given at the fitted confidence floor."""
    a = assistant_over(tmp_path, "pool.txt", SOURCES, min_confidence=None)
    ans = a.ask(question)
    assert ans.state.get("op") == "moved" and ans.state.get("given", True), ans.text
    assert not ans.text.startswith("The documents don't say"), ans.text


@pytest.mark.parametrize("question,verdict,value", [
    ("Is home care over budget?", "Yes", 280_000),
    ("Did reablement stay within budget?", "Yes", -60_000),
    ("Is equipment overspending?", "No", -35_000),
    ("Are carers support costs under budget?", "No", 35_000),
    ("Is avoidable admissions per 100,000 above target?", "Yes", 12),
])
def test_whether_a_named_row_is_over_or_under(finance, question: str, verdict: str, value: int) -> None:
    """A question that asks whether is answered yes or no from the two cells, with the difference worked out."""
    ans = finance.ask(question)
    assert ans.text.startswith(f"{verdict}. "), ans.text
    assert ans.figures[0].value == value


YEAR_TO_DATE = """Quarter 3 budget monitoring

Spend by scheme (£000):

Scheme\tQ1\tQ2\tQ3\tYear to date\tAnnual budget\tForecast outturn
Step-down beds\t600\t640\t610\t1,850\t2,400\t2,480
Rapid response\t300\t310\t330\t940\t1,300\t1,260
Total\t900\t950\t940\t2,790\t3,700\t3,740
"""


@pytest.mark.parametrize("question,part,value", [
    ("What percentage of the annual budget has been spent on step-down beds so far?", "Year to date", "77.08"),
    ("What share of its budget has rapid response spent to date?", "Year to date", "72.31"),
    ("What proportion of the budget is rapid response forecast to spend?", "Forecast outturn", "96.92"),
])
def test_a_share_of_what_a_row_is_measured_against_is_of_its_own_cell(tmp_path: Path, question: str, part: str,
                                                                        value: str) -> None:
    """'What percentage of the budget has X spent': X's spend as a share of X's own budget, not X's budget as a
    share of the total budget."""
    a = assistant_over(tmp_path, "q3.txt", YEAR_TO_DATE)
    fig = a.ask(question).figures[0]
    assert fig.op == "share" and round(fig.value, 2) == Decimal(value)
    assert [c.column for c in fig.cells] == [part, "Annual budget"] and len({c.row for c in fig.cells}) == 1


@pytest.mark.parametrize("question,row,value", [
    ("How much of the annual budget for step-down beds is left?", "Step-down beds", 550_000),
    ("How much budget remains for rapid response?", "Rapid response", 360_000),
    ("What is the unspent budget for rapid response so far?", "Rapid response", 360_000),
])
def test_what_is_left_of_a_budget_is_the_budget_less_the_spend_to_date(tmp_path: Path, question: str, row: str,
                                                                       value: int) -> None:
    a = assistant_over(tmp_path, "q3.txt", YEAR_TO_DATE)
    ans = a.ask(question)
    fig = ans.figures[0]
    assert fig.value == value and {c.row for c in fig.cells} == {row}, ans.text
    assert {c.column for c in fig.cells} == {"Year to date", "Annual budget"}


@pytest.mark.parametrize("question,rows", [
    ("Which partners contribute less in 2025/26 than in 2024/25?", {"Public health grant"}),
    ("Which partners are contributing more in 2024/25 than in 2023/24?", {"Integrated care board", "District councils (DFG)"}),
])
def test_which_rows_are_more_or_less_than_in_another_period(tmp_path: Path, question: str, rows: set[str]) -> None:
    a = assistant_over(tmp_path, "pool.txt", SOURCES)
    ans = a.ask(question)
    assert ans.state.get("op") == "moved", ans.text
    assert {c.row for c in ans.figures[0].cells} == rows


@pytest.mark.parametrize("question,asks_left", [
    ("How much of the budget for carers is left?", True),
    ("What is the remaining allocation for reablement?", True),
    ("How much budget remains for falls prevention?", True),
    ("What proportion of the shares remaining available under the plans is the 2010 plan?", False),
    ("How many people remaining in hospital had a discharge plan?", False),
])
def test_what_is_left_is_asked_of_a_budget_not_read_into_a_name(question: str, asks_left: bool) -> None:
    from assistant.tableqa import _REMAINING

    assert bool(_REMAINING.search(question)) == asks_left


ACTIONS = """Programme board action log

Ref\tAction\tLead\tStatus
P1\tAgree the discharge pathway\tSam Okafor\tComplete
P2\tReview step-down bed use\tLena Price, Sam Okafor\tOn track
P3\tPublish the carers offer\tLena Price\tDelayed
P4\tSet up the falls steering group\tJo Marsh and Sam Okafor\tDelayed
"""


@pytest.mark.parametrize("question,refs", [
    ("Which actions does Sam Okafor lead?", {"P1", "P2", "P4"}),
    ("What actions is Lena Price the lead for?", {"P2", "P3"}),
    ("How many actions does Sam Okafor lead?", {"P1", "P2", "P4"}),
])
def test_a_cell_that_lists_several_holds_each_of_them(tmp_path: Path, question: str, refs: set[str]) -> None:
    """'Lena Price, Sam Okafor' and 'Jo Marsh and Sam Okafor' each hold Sam Okafor: his rows are every one that
    names him, alone or with others."""
    a = assistant_over(tmp_path, "log.txt", ACTIONS)
    ans = a.ask(question)
    fig = ans.figures[0]
    assert fig.value == len(refs), ans.text
    assert {c.row.split()[0] for c in fig.cells} == refs
