"""Tables of months or quarters down the side (a board report's monthly performance, a plan's quarterly
trajectory): 'in which months was X above target?' and 'how many quarters were below plan?' are the rows (periods)
that meet it, none where none does; 'the change between October and January' is the one column read at the two
rows the question names, in the order it names them. Every document here is made up; each case is asked in
several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

REPORT = """Harrowby Community Trust: quality and performance report

Table 3: Delayed transfers of care by month
Month	Delayed days	Target
September	1,310	1,200
October	1,180	1,200
November	1,260	1,200
December	1,405	1,200
January	1,150	1,200

Table 4: Referrals to the memory clinic by quarter, against plan
Quarter	Plan	Referrals
Q1 2026/27	450	472
Q2 2026/27	450	431
Q3 2026/27	480	455
Q4 2026/27	480	498

Table 6: Discharge coordinators in post by ward and month
Ward	November	December	January	February
Ash ward	3	5	5	4
Beech ward	2	2	4	4

Table 5: Staff flu vaccination uptake by month
Month	Uptake	Target
October	41%	80%
November	58%	80%
December	66%	80%
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("periods"), "performance.txt", REPORT)


def _labels(ans) -> set[str]:  # type: ignore[no-untyped-def]
    return {r for r in ("September", "October", "November", "December", "January", "Q1", "Q2", "Q3", "Q4")
            if r in ans.text.split(":", 1)[-1]}


@pytest.mark.parametrize("question", [
    "In which months were delayed days above target?",
    "Which months had delayed transfers over the target?",
    "Which months exceeded the target for delayed days?",
])
def test_the_months_above_their_target(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    assert ans.figures[0].value == 3
    assert _labels(ans) == {"September", "November", "December"}


@pytest.mark.parametrize("question,value", [
    ("In how many months were delayed days above target?", 3),
    ("How many months were below the target for delayed transfers?", 2),
    ("How many quarters were referrals below plan?", 2),
    ("In how many quarters did memory clinic referrals exceed the plan?", 2),
])
def test_how_many_periods_against_their_target(report, question: str, value: int) -> None:
    ans = report.ask(question)
    assert ans.state.get("op") == "count", ans.text
    assert ans.figures[0].value == value


@pytest.mark.parametrize("question", [
    "In which months was staff flu vaccination uptake above target?",
    "Which months had flu vaccination uptake over the target?",
])
def test_no_period_meeting_it_is_an_answer_not_an_extreme(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.state.get("op") == "meets" and ans.figures[0].value == 0, ans.text
    assert not _labels(ans)


@pytest.mark.parametrize("question,value", [
    ("What was the change in delayed days between October and January?", -30),
    ("By how much did delayed days rise from October to December?", 225),
    ("How much did delayed days fall between December and January?", -255),
    ("By how much did memory clinic referrals change from Q1 to Q4?", 26),
])
def test_the_change_between_two_periods_down_the_side(report, question: str, value: int) -> None:
    ans = report.ask(question)
    assert ans.state.get("op") == "change", ans.text
    assert ans.figures[0].value == Decimal(value)


@pytest.mark.parametrize("question,months", [
    ("In which month does Ash ward have the most discharge coordinators in post?", "December and January"),
    ("In which month did Beech ward have the most discharge coordinators?", "January and February"),
])
def test_periods_tied_for_the_extreme_are_each_named(report, question: str, months: str) -> None:
    ans = report.ask(question)
    assert ans.state.get("op") == "max_over", ans.text
    assert months in ans.text and ans.figures[0].value in (4, 5)



WINTER = """Eastbrook Health Partnership: winter plan

Table 1: Extra community beds by provider and month
Provider	December	January	February
Eastbrook Community Hospital	6	9	7
Millford Nursing Home	4	4	2

Table 2: Winter money by scheme (£000)
Scheme	2025/26	2026/27
Extra community beds	820	910
Night sitting service	140	175
"""


@pytest.mark.parametrize("question", [
    "In which month are the most extra community beds open?",
    "Which month has the fewest extra community beds?",
    "In what month will the most extra beds be available?",
])
def test_a_question_after_a_month_is_not_answered_by_a_provider_or_a_year(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "winter.txt", WINTER).ask(question)
    if ans.state.get("op", "").startswith(("max", "min")):  # an extreme given names a month
        assert any(m in ans.text.split(":")[0] for m in ("December", "January", "February")), ans.text
