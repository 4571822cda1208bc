"""A question in several parts gets an answer to each part (query.question_parts, Answerer._by_parts): a part
the answer to the whole does not answer is asked on its own, and one nothing answers is said to be unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.query import question_parts

from .conftest import assistant_over, line_starting


@pytest.mark.parametrize(("question", "expected"), [
    ("When was the strategy adopted, and who signs it for the council?",
     [("When was the strategy adopted", "When was the strategy adopted"),
      ("who signs it for the council", "who signs it for the council (strategy)")]),
    ("Who chairs the falls panel, how often does it meet, and where are its minutes published?",
     [("Who chairs the falls panel", "Who chairs the falls panel"),
      ("how often does it meet", "how often does it meet (falls panel)"),
      ("where are its minutes published", "where are its minutes published (falls panel)")]),
    ("Who is leading the discharge hub work and when is it due to open?",
     [("Who is leading the discharge hub work", "Who is leading the discharge hub work"),
      ("when is it due to open", "when is it due to open (discharge hub work)")]),
    ("How much was the carers grant, and how much was left?",
     [("How much was the carers grant", "How much was the carers grant"),
      ("how much was left", "how much was left (carers grant)")]),
    ("How much is spent on day care, and how many places does that buy?",
     [("How much is spent on day care", "How much is spent on day care"),
      ("how many places does that buy", "how many places does that buy (spent on day care)")]),
    ("What was the spend on home care in 2023, and what was it in 2022?",  # the part asks of its own year alone
     [("What was the spend on home care in 2023", "What was the spend on home care in 2023"),
      ("what was it in 2022", "what was it in 2022 (spend on home care)")]),
    ("Who chairs the board, and how often are public reports on delivery published?",
     [("Who chairs the board", "Who chairs the board"),
      ("how often are public reports on delivery published", "how often are public reports on delivery published")]),
])
def test_the_parts_of_a_question_each_stand_on_their_own(question: str, expected: list[tuple[str, str]]) -> None:
    """Each part as asked, and as asked on its own: a part that points back or names nothing of its own is
    asked with what the first part is about."""
    assert question_parts(question) == expected


@pytest.mark.parametrize("question", [
    "In the first phase, how many integrated teams are being set up?",  # a lead-in, not a part
    "What was spent on home care compared with day care?",
    "Based on the bed model, which year needs the most beds?",
    "What was revenue in 2019 and 2018?",
    "How many beds are there?",
])
def test_one_question_has_no_parts(question: str) -> None:
    assert question_parts(question) == []


PLAN = """Falls Prevention Plan 2025-27

1. Governance
The Community Falls Panel is chaired by the Director of Adult Social Care.
Members are drawn from the council, the hospital trust and two voluntary organisations.
The membership is reviewed every year by the health and wellbeing board.

2. Delivery
A new strength and balance service will be commissioned across the county.
The panel meets every six weeks to review progress against the falls dashboard.
The strength and balance service is due to go live in October 2025.
Referrals will come from GPs, the ambulance service and the hospital frailty unit.

3. Reporting
Progress reports are published quarterly on the council website.

4. Projects
The following table lists the projects and their leads.
Project\tLead\tBudget (£)
Discharge hub\tSam Patel\t120,000
Home from hospital\tRuth Okoro\t85,000
Care home support\tDaniel Hughes\t60,000

The discharge hub opens to patients in March 2026 after a pilot on two wards.
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("parts"), "falls_plan.txt", PLAN)


@pytest.mark.parametrize("question", [
    "Who chairs the Community Falls Panel, and how often does it meet?",
    "Who is the chair of the Community Falls Panel and how often does the panel meet?",
    "Who chairs the Community Falls Panel, how often does it meet, and how often are progress reports published?",
])
def test_each_part_is_answered_and_cited(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.answered
    assert "Director of Adult Social Care" in ans.text and "six weeks" in ans.text
    lines = {ln for c in ans.citations for ln in range(c.line_start, c.line_end + 1)}
    assert {line_starting(PLAN, "The Community Falls Panel"), line_starting(PLAN, "The panel meets")} <= lines
    if "reports" in question:
        assert "quarterly" in ans.text and line_starting(PLAN, "Progress reports") in lines


def test_a_part_the_answer_to_the_whole_misses_is_asked_on_its_own(plan) -> None:
    ans = plan.ask("When is the strength and balance service due to go live, and where will its referrals come from?")
    assert ans.answered
    assert "October 2025" in ans.text and "GPs" in ans.text
    lines = {c.line_start for c in ans.citations}
    assert {line_starting(PLAN, "The strength and balance service is due"), line_starting(PLAN, "Referrals will come")} <= lines


@pytest.mark.parametrize("question", [
    "Who leads the discharge hub project, and when does it open to patients?",
    "Who is the lead for the discharge hub, and when will it open to patients?",
    "What is the discharge hub's budget, and when does it open to patients?",
])
def test_a_part_answered_by_a_table_and_a_part_by_a_sentence(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.answered
    assert "March 2026" in ans.text
    assert ("Sam Patel" if "budget" not in question else "120,000") in ans.text
    lines = {c.line_start for c in ans.citations}
    assert {line_starting(PLAN, "Discharge hub"), line_starting(PLAN, "The discharge hub opens")} <= lines


def test_a_part_nothing_answers_is_said_to_be_unanswered(tmp_path: Path) -> None:
    strict = assistant_over(tmp_path, "falls_plan.txt", PLAN, min_confidence=None)  # the fitted policy
    ans = strict.ask("Who chairs the Community Falls Panel, and what is the panel's annual budget?")
    assert not ans.answered
    assert "only part" in ans.text and "Director of Adult Social Care" in ans.text
    assert ans.state["unanswered"] == ["what is the panel's annual budget"]
    assert line_starting(PLAN, "The Community Falls Panel") in {c.line_start for c in ans.citations}


WINTER = """Winter Plan 2025-26

Winter pressures grant
The winter pressures grant is spent on the schemes below.
Scheme\tEstimated output\tExpenditure
Home care\t40,367 hours\t£783,129
Reablement beds\t1,200 bed days\t£312,000
Discharge coordinators\t4 posts\t£180,000
"""


@pytest.mark.parametrize(("question", "figures"), [
    ("How much of the winter pressures grant goes on home care, and how many hours does that buy?",
     ("£783,129", "40,367 hours")),
    ("How much is spent on reablement beds, and how many bed days does it pay for?", ("£312,000", "1,200 bed days")),
])
def test_an_answer_that_holds_every_part_stands(tmp_path: Path, question: str, figures: tuple[str, str]) -> None:
    """When the answer to the whole holds what a part asks for (a count of hours beside the amount), it is
    given whole, though the part's own verb ('buy', 'pay for') is not in it: one row, cited once."""
    a = assistant_over(tmp_path, "winter.txt", WINTER)
    ans = a.ask(question)
    assert ans.answered and all(f in ans.text for f in figures)
    row = next(i for i, x in enumerate(WINTER.splitlines(), 1) if figures[0] in x)
    assert [c.line_start for c in ans.citations].count(row) == 1
