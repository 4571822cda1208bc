"""Registers and logs (risks, actions, staff groups): a column of identifiers is part of each row's name, so a
row is found by its words ('the flooding risk'); 'who owns' reads the row's column of people; a bound that
itself meets the condition ('12 or more', 'at least 4') counts; 'how many risks does X own' counts the rows of
that kind, and 'how many groups are above 5%' the rows meeting it, whichever operation the question model
reads. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

PAPER = """Lowfield Integrated Care Board
Audit and Risk Committee, 14 October 2025

Item 6: Board assurance framework

The register below lists the principal risks, each scored as likelihood times impact.

Table 3: Principal risks

Risk ID\tRisk description\tOwner\tLikelihood\tImpact\tRating\tDirection
BAF-1\tAmbulance handover delays at the acute hospital\tChief Operating Officer\t5\t4\t20\tUp
BAF-2\tCyber attack disrupts GP clinical systems\tChief Digital Officer\t3\t5\t15\tSame
BAF-3\tSystem deficit exceeds the agreed plan\tChief Finance Officer\t4\t4\t16\tUp
BAF-4\tFlooding closes the community hospital\tDirector of Estates\t2\t4\t8\tDown
BAF-5\tPrimary care workforce shortfall\tChief People Officer\t4\t3\t12\tSame
BAF-6\tDental access falls further\tChief Operating Officer\t3\t3\t9\tUp

Item 8: Action log

Item\tAction\tOwner\tDue
A1\tRefresh the cyber incident response plan\tChief Digital Officer\tNovember 2025
A2\tAgree the flood resilience works\tDirector of Estates\tDecember 2025
A3\tReport handover delays weekly to the committee\tChief Operating Officer\tOctober 2025

Item 7: Workforce

Table 4: Turnover by staff group, September 2025

Staff group\tHeadcount\tLeavers in year\tTurnover\tSickness
Nursing and midwifery\t1,240\t161\t13.0%\t5.4%
Support to clinical staff\t980\t157\t16.0%\t6.8%
Allied health professionals\t410\t41\t10.0%\t3.9%
Administrative and clerical\t760\t84\t11.1%\t4.6%
"""


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("registers"), "bar.txt", PAPER)


def _line_of(start: str) -> int:
    return next(i for i, ln in enumerate(PAPER.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize("question,due", [
    ("When is the flood resilience works action due?", "December 2025"),
    ("By when must the cyber incident response plan be refreshed?", "November 2025"),
])
def test_codes_without_an_id_header_are_part_of_the_row_name(paper, question: str, due: str) -> None:
    """'A1', 'A2' under the header 'Item': identifiers, so the action's words beside them name the row."""
    ans = paper.ask(question)
    assert due in ans.text, ans.text
    assert ans.state.get("rows", [""])[0].split()[0].startswith("A"), ans.state


@pytest.mark.parametrize("question,ref,owner", [
    ("Who owns the flooding risk?", "BAF-4", "Director of Estates"),
    ("Who is the lead for the cyber attack risk?", "BAF-2", "Chief Digital Officer"),
    ("Who is responsible for the primary care workforce shortfall risk?", "BAF-5", "Chief People Officer"),
])
def test_who_reads_the_rows_column_of_people(paper, question: str, ref: str, owner: str) -> None:
    ans = paper.ask(question)
    assert owner in ans.text and ref in ans.text, ans.text
    assert _line_of(ref + "\t") in {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question,refs", [
    ("Which risks are rated 15 or more?", {"BAF-1", "BAF-2", "BAF-3"}),
    ("Which risks have a rating of at least 16?", {"BAF-1", "BAF-3"}),
    ("Which risks have a likelihood of 4 or above?", {"BAF-1", "BAF-3", "BAF-5"}),
    ("Which risks have an impact of no more than 3?", {"BAF-5", "BAF-6"}),
])
def test_a_bound_that_meets_its_own_condition(paper, question: str, refs: set[str]) -> None:
    ans = paper.ask(question)
    assert ans.state.get("op") == "meets", ans.text
    assert {r.split()[0] for f in ans.figures for r in (c.row for c in f.cells)} == refs
    assert ans.figures[0].value == len(refs)


@pytest.mark.parametrize("question,n", [
    ("How many risks does the Chief Operating Officer own?", 2),
    ("How many of the principal risks are owned by the Chief Finance Officer?", 1),
    ("How many risks have the direction 'Same'?", 2),
])
def test_the_rows_of_a_kind_counted(paper, question: str, n: int) -> None:
    ans = paper.ask(question)
    assert ans.state.get("op") == "count", ans.text
    assert ans.figures[0].value == n


@pytest.mark.parametrize("question,groups", [
    ("How many staff groups have turnover above 12%?", {"Nursing and midwifery", "Support to clinical staff"}),
    ("How many staff groups have sickness of 5% or more?", {"Nursing and midwifery", "Support to clinical staff"}),
    ("How many staff groups had fewer than 100 leavers in year?", {"Allied health professionals",
                                                                   "Administrative and clerical"}),
])
def test_rows_meeting_a_condition_counted(paper, question: str, groups: set[str]) -> None:
    ans = paper.ask(question)
    assert ans.state.get("op") == "count", ans.text
    assert ans.figures[0].value == len(groups)
    assert {c.row for c in ans.figures[0].cells} == groups
