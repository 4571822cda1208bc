"""A table of records (one row per scheme or service, with columns that sort the rows into kinds: a type, a lead
organisation, a funding stream) is asked about a kind of row, not one row: 'how much goes to respite' adds up
the rows whose category cell is 'Respite'; 'what share', 'the average' likewise; 'which funding stream pays
for the most' compares the kinds' totals. A row the question names by its own name, and a value two columns hold
where the question says neither column, are left to the other answers. Every document here is made up; each
case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PLAN = """Westbrook Carers Strategy: Investment Plan 2025-26

The table below sets out every service funded under the strategy, with its lead organisation and funding stream.

Table 2: Carers services investment (£)

Ref\tService\tCategory\tLead organisation\tFunding stream\t2024/25\t2025/26
C1\tCarer breaks at home\tRespite\tVoluntary sector\tBCF minimum contribution\t310,000\t325,000
C2\tOvernight short stays\tRespite\tCounty council\tImproved BCF\t420,000\t455,000
C3\tCarers advice line\tInformation and advice\tVoluntary sector\tPublic health grant\t96,000\t98,000
C4\tYoung carers project\tInformation and advice\tCounty council\tPublic health grant\t140,000\t150,000
C5\tCarer wellbeing grants\tDirect payments\tCounty council\tImproved BCF\t205,000\t230,000
C6\tEmergency respite scheme\tRespite\tNHS trust\tBCF minimum contribution\t180,000\t190,000
C7\tDementia carer training\tTraining and support\tNHS trust\tBCF minimum contribution\t75,000\t82,000
Total\t\t\t\t\t1,426,000\t1,530,000

Progress against the strategy is reported to the Carers Partnership Board twice a year.
"""

RESPITE_2526 = Decimal(325000 + 455000 + 190000)
PUBLIC_HEALTH_2526 = Decimal(98000 + 150000)
COUNCIL_2526 = Decimal(455000 + 150000 + 230000)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("categories"), "carers.txt", PLAN)


def _cells(ans) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.row for f in ans.figures for c in f.cells}


@pytest.mark.parametrize("question,value,rows", [
    ("How much is spent on respite in 2025/26?", RESPITE_2526, {"C1", "C2", "C6"}),
    ("What is the total 2025/26 investment in respite?", RESPITE_2526, {"C1", "C2", "C6"}),
    ("How much funding comes from the public health grant in 2025/26?", PUBLIC_HEALTH_2526, {"C3", "C4"}),
    ("In 2025/26, how much does the county council lead on?", COUNCIL_2526, {"C2", "C4", "C5"}),
    ("How much do county council-led services cost in 2025/26?", COUNCIL_2526, {"C2", "C4", "C5"}),
    # two kinds at once: the rows that are both
    ("How much respite does the voluntary sector lead in 2025/26?", Decimal(325000), {"C1"}),
])
def test_a_kind_of_row_added_up(plan, question: str, value: Decimal, rows: set[str]) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "category_sum", ans.text
    assert ans.figures[0].value == value
    assert {r.split()[0] for r in _cells(ans)} == rows
    assert {c.column for f in ans.figures for c in f.cells} == {"2025/26"}
    assert {c.line_start for c in ans.citations} >= {
        next(i for i, ln in enumerate(PLAN.splitlines(), 1) if ln.startswith(r + "\t")) for r in rows}


@pytest.mark.parametrize("question", [
    "What share of the 2025/26 investment goes to respite?",
    "What percentage of 2025/26 spending is on respite?",
    "What proportion of the 2025/26 investment is for respite services?",
])
def test_a_kind_of_row_as_a_share_of_the_total(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "category_share", ans.text
    assert round(ans.figures[0].value, 2) == round(RESPITE_2526 / Decimal(1530000) * 100, 2)
    assert "Total" in _cells(ans)  # the table's own total row is the whole


@pytest.mark.parametrize("question,value", [
    ("What is the average 2025/26 cost of a respite service?", RESPITE_2526 / 3),
    ("On average, how much did each service funded by the public health grant get in 2024/25?", Decimal(118000)),
])
def test_a_kind_of_row_averaged(plan, question: str, value: Decimal) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "category_average", ans.text
    assert round(ans.figures[0].value) == round(value)


@pytest.mark.parametrize("question,op,winner,value", [
    ("Which funding stream pays for the most in 2025/26?", "max_group", "Improved BCF", Decimal(455000 + 230000)),
    ("Which lead organisation spends the most in 2025/26?", "max_group", "County council", COUNCIL_2526),
    ("Which category receives the least funding in 2025/26?", "min_group", "Training and support", Decimal(82000)),
])
def test_the_kind_whose_rows_add_up_to_the_most(plan, question: str, op: str, winner: str, value: Decimal) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == op, ans.text
    assert ans.figures[0].value == value
    assert winner in ans.text
    # every kind's total is computed from its cells and shown
    assert len(ans.figures[0].cells) == 7


@pytest.mark.parametrize("question,op", [
    ("Which service has the largest investment in 2025/26?", "max"),  # the rows themselves, not a kind of them
    ("How much is spent on overnight short stays in 2025/26?", "lookup"),  # a row named by its own name
])
def test_rows_named_or_ranked_themselves_are_not_kinds(plan, question: str, op: str) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == op, ans.text
    assert not ans.state.get("op", "").startswith("category")


def test_a_value_two_columns_hold_needs_the_column_said(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """'NHS trust' leads some services and funds others: a question that says neither 'lead' nor 'funding'
    is not read as one of them; one that says which is."""
    doc = PLAN.replace("Improved BCF\t420,000", "NHS trust\t420,000")
    a = assistant_over(tmp_path, "carers.txt", doc)
    ans = a.ask("How much goes to the NHS trust in 2025/26?")
    assert not ans.state.get("op", "").startswith("category"), ans.text
    ans = a.ask("How much funding does the NHS trust provide as a funding stream in 2025/26?")
    assert ans.state.get("op") == "category_sum", ans.text
    assert ans.figures[0].value == Decimal(455000)
    ans = a.ask("How much do services with the NHS trust as lead organisation cost in 2025/26?")
    assert ans.state.get("op") == "category_sum", ans.text
    assert ans.figures[0].value == Decimal(190000 + 82000)


@pytest.mark.parametrize("question", [
    "What was spent on each category in 2025/26?",
    "How is the 2025/26 investment split between categories?",
    "Break down the 2025/26 investment by category.",
])
def test_a_figure_for_each_kind(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "group_totals", ans.text
    assert sorted(f.value for f in ans.figures) == sorted(
        [RESPITE_2526, Decimal(248000), Decimal(230000), Decimal(82000)])
    assert sorted(c.row.split()[0] for f in ans.figures for c in f.cells) == [f"C{i}" for i in range(1, 8)]
    assert {c.column for f in ans.figures for c in f.cells} == {"2025/26"}


@pytest.mark.parametrize("question,counts", [
    ("How many services does each lead organisation run?", [3, 2, 2]),
    ("How many services are there per funding stream?", [3, 2, 2]),
])
def test_rows_counted_for_each_kind(plan, question: str, counts: list[int]) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "group_totals", ans.text
    assert sorted((int(f.value) for f in ans.figures), reverse=True) == counts


def test_a_figure_for_each_kind_of_the_rows_of_another_kind(plan) -> None:
    """'each lead organisation's respite': the respite rows, then a total for each lead organisation."""
    ans = plan.ask("How much respite funding does each lead organisation get in 2025/26?")
    assert ans.state.get("op") == "group_totals", ans.text
    assert sorted(f.value for f in ans.figures) == [Decimal(190000), Decimal(325000), Decimal(455000)]


@pytest.mark.parametrize("follow_up,value", [
    ("And on information and advice?", Decimal(248000)),
    ("What about direct payments?", Decimal(230000)),
    ("Same for the public health grant?", PUBLIC_HEALTH_2526),
])
def test_a_follow_up_names_another_kind(plan, follow_up: str, value: Decimal) -> None:
    """The kind the first answer was about is what the follow-up's words take the place of."""
    first = plan.ask("How much is spent on respite in 2025/26?")
    ans = plan.ask(follow_up, [first])
    assert ans.state.get("op") == "category_sum", ans.text
    assert ans.figures[0].value == value


@pytest.mark.parametrize("request_,column,totals", [
    ("Draft a short summary of the carers investment by funding stream.", "funding stream",
     {"Improved BCF": Decimal(685000), "BCF minimum contribution": Decimal(597000),
      "Public health grant": PUBLIC_HEALTH_2526}),
    ("Summarise the 2025/26 carers investment by lead organisation.", "lead organisation",
     {"County council": COUNCIL_2526, "Voluntary sector": Decimal(423000), "NHS trust": Decimal(272000)}),
])
def test_a_draft_adds_up_each_kind_the_request_names(plan, request_: str, column: str,
                                                      totals: dict[str, Decimal]) -> None:
    d = plan.draft(request_)
    said = [s for sec in d.sections for s in sec.sentences if s.text.startswith(f"By {column},")]
    assert len(said) == 1, [s.text for sec in d.sections for s in sec.sentences]
    got = {f.description.split(" is ")[-1].strip("'"): f.value for f in said[0].figures}
    assert got == totals
    # each kind's rows are cited
    assert {c.line_start for c in said[0].citations} >= {
        i for i, ln in enumerate(PLAN.splitlines(), 1) if ln.startswith("C")}


@pytest.mark.parametrize("question,op,ref", [
    ("Which respite service has the largest 2025/26 investment?", "max", "C2"),
    ("Which service funded by the public health grant costs the least in 2025/26?", "min", "C3"),
    ("Which service led by the voluntary sector costs the most in 2025/26?", "max", "C1"),
])
def test_the_largest_row_of_a_kind(plan, question: str, op: str, ref: str) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == op, ans.text
    assert f"({ref} " in ans.figures[0].formula.rsplit(" = ", 1)[-1], ans.figures[0].formula  # the winner
    # only the rows of that kind are compared
    kind_rows = {"C2": 3, "C3": 2, "C1": 2}[ref]
    assert len(ans.figures[0].cells) == kind_rows


@pytest.mark.parametrize("question,first,second", [
    ("How much more does the county council lead on than the voluntary sector in 2025/26?", COUNCIL_2526,
     Decimal(423000)),
    ("What is the difference between respite and information and advice spending in 2025/26?", RESPITE_2526,
     PUBLIC_HEALTH_2526),
    ("In 2025/26, how much more comes from the Improved BCF than from the public health grant?", Decimal(685000),
     PUBLIC_HEALTH_2526),
])
def test_two_kinds_compared(plan, question: str, first: Decimal, second: Decimal) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "kinds_difference", ans.text
    diff, a, b = ans.figures
    assert (a.value, b.value, diff.value) == (first, second, first - second)
    assert {c.column for c in diff.cells} == {"2025/26"}


def test_a_share_of_a_kind_is_worked_out_from_amounts_beside_a_column_of_shares(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A table that gives each row's share of the total beside its amount: the kind's share is its amounts over
    the total, not its rounded shares added up."""
    doc = """Spend by scheme 2025-26

Scheme\tLead\tSpend (£)\tShare
Home care\tCouncil\t1,000,000\t33.3%
Falls service\tNHS\t700,000\t23.3%
Equipment\tCouncil\t800,000\t26.7%
Discharge team\tNHS\t500,000\t16.7%
Total\t\t3,000,000\t100.0%
"""
    a = assistant_over(tmp_path, "spend.txt", doc)
    for question in ("What share of the spend is council-led?", "What percentage of spend is led by the NHS?"):
        ans = a.ask(question)
        assert ans.state.get("op") == "category_share", ans.text
        assert {c.column for c in ans.figures[0].cells} == {"Spend (£)"}
        expected = Decimal(1800000 if "council" in question else 1200000) / Decimal(3000000) * 100
        assert round(ans.figures[0].value, 2) == round(expected, 2)
