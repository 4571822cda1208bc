"""A follow-up that points back with a pronoun ('how often does it meet?', 'what was its value in 2018?') is
asked with what the turn before was about (answer.points_back, query.subject_of); a question whose 'it' is its
own ('how much does it cost to run X?') is asked whole."""

from __future__ import annotations

import pytest

from assistant.answer import is_follow_up, points_back
from assistant.query import subject_of

from .conftest import assistant_over, line_starting

PLAN = """Falls Prevention Plan 2025-27

1. Governance
The Community Falls Panel is chaired by the Director of Adult Social Care.
Its members are drawn from the council, the hospital trust and two voluntary organisations.

2. Delivery
A new strength and balance service will be commissioned across the county.
The panel meets every six weeks to review progress against the falls dashboard.
The strength and balance service is due to go live in October 2025.
Referrals to the service will come from GPs, the ambulance service and the hospital frailty unit.

3. Reporting
Progress reports are published quarterly on the council website.
"""

ACCOUNTS = """Moorside Housing Trust annual accounts

7. Operating costs

Operating costs for the year were as follows (in thousands):

\t2024\t2023
Repairs and maintenance\t2,310\t2,045
Housing management\t1,480\t1,395
Tenant support services\t640\t702
Energy costs\t455\t390
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("points_back_plan"), "falls_plan.txt", PLAN)


@pytest.fixture(scope="module")
def accounts(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("points_back_accounts"), "housing_accounts.txt", ACCOUNTS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Who chairs the Community Falls Panel?", "Community Falls Panel"),
    ("What was the energy costs figure in 2024?", "energy costs figure"),
    ("When is the strength and balance service due to go live?", "strength and balance service"),
    ("How often does it meet (Community Falls Panel)?", "Community Falls Panel"),  # a turn that pointed back
])
def test_what_a_question_is_about(question: str, expected: str) -> None:
    assert subject_of(question) == expected


@pytest.mark.parametrize(("question", "back"), [
    ("How often does it meet?", True),
    ("Who are they accountable to?", True),
    ("What was its value in 2023?", True),
    ("By what percentage did it change from 2023 to 2024?", True),
    ("How much does it cost to run the strength and balance service?", False),  # 'it' is the question's own
    ("How did the trust grow their volunteer network?", False),
    ("By how much did the council cut its care budget?", False),
    ("Who chairs the Community Falls Panel?", False),
    ("What does this table show?", False),
])
def test_a_turn_points_back_when_it_names_little_of_its_own(question: str, back: bool) -> None:
    assert points_back(question) is back
    if back:
        assert is_follow_up(question)


@pytest.mark.parametrize("follow_up", ["How often does it meet?", "How often do they meet?", "How frequently does it meet?"])
def test_a_prose_follow_up_that_points_back(plan, follow_up: str) -> None:
    first = plan.ask("Who chairs the Community Falls Panel?")
    assert first.answered and "Director of Adult Social Care" in first.text
    ans = plan.ask(follow_up, history=[first])
    assert ans.answered, ans.text
    assert "six weeks" in ans.text
    assert line_starting(PLAN, "The panel meets") in {c.line_start for c in ans.citations}
    assert "the Community Falls Panel" in ans.state["question"]
    assert ans.state["about"] == "Community Falls Panel"


def test_a_chain_of_turns_that_point_back_keeps_the_subject(plan) -> None:
    """The second turn is read 'How often does the Community Falls Panel meet?'; the third is about the panel, not
    about 'Community Falls Panel meet'."""
    history = [plan.ask("Who chairs the Community Falls Panel?")]
    history.append(plan.ask("How often does it meet?", history=history[:]))
    assert history[-1].state["question"] == "How often does the Community Falls Panel meet?"
    ans = plan.ask("Where are its members drawn from?", history=history)
    assert ans.answered, ans.text
    assert "hospital trust" in ans.text
    assert line_starting(PLAN, "Its members are drawn") in {c.line_start for c in ans.citations}
    assert ans.state["question"] == "Where are its members drawn from (Community Falls Panel)?"


@pytest.mark.parametrize(("follow_up", "value"), [
    ("What was it in 2023?", 390_000),
    ("And what was its value in 2023?", 390_000),
    ("How much was it in 2023?", 390_000),
    ("By how much did it change from 2023 to 2024?", 65_000),
    ("What was the percentage change in it between 2023 and 2024?", None),
])
def test_a_table_follow_up_that_points_back(accounts, follow_up: str, value: int | None) -> None:
    first = accounts.ask("What were energy costs in 2024?")
    assert first.answered and first.figures and first.figures[0].value == 455_000
    ans = accounts.ask(follow_up, history=[first])
    assert ans.answered, ans.text
    assert ans.figures, ans.text
    if value is None:  # (455 − 390) / 390 × 100
        assert "16.67%" in ans.text, ans.text
    else:
        assert ans.figures[0].value == value, ans.text
    assert line_starting(ACCOUNTS, "Energy costs") in {c.line_start for c in ans.citations}


def test_a_question_whose_it_is_its_own_is_asked_whole(plan) -> None:
    first = plan.ask("Who chairs the Community Falls Panel?")
    question = "When is it planned that the strength and balance service will go live?"
    ans = plan.ask(question, history=[first])
    assert ans.answered and "October 2025" in ans.text
    assert not any(n.startswith("read as: ") for n in ans.notes), ans.notes


REVIEW = """Community Equipment Review 2025

The Integrated Equipment Service was set up in 2021 to supply aids to people at home.

It is run by the county council under a pooled budget with the two health trusts.

The wheelchair service moved to a new provider in April 2024. It now serves 3,100 people across the county.

The falls prevention team prevented 88 hospital admissions in its first two months.
It also cut ambulance call-outs from care homes by 140 in the same period.

Equipment is delivered within two working days of a referral in most cases.
"""


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("points_back_review"), "equipment_review.txt", REVIEW)


@pytest.mark.parametrize(("question", "said", "line"), [
    ("Which body runs the Integrated Equipment Service?", "county council", "It is run by"),
    ("Which organisation is the Integrated Equipment Service run by?", "county council", "It is run by"),
    ("How many people does the wheelchair service serve now?", "3,100", "The wheelchair service moved"),
    ("How many people are served by the wheelchair service?", "3,100", "The wheelchair service moved"),
])
def test_a_sentence_that_points_back_is_about_what_the_one_before_names(review, question: str, said: str,
                                                                         line: str) -> None:
    """'It is run by the county council' under 'The Integrated Equipment Service was set up ...' (a paragraph
    of its own), 'It now serves 3,100 people' after 'The wheelchair service moved ...': the sentence answers,
    given with the one it points back at."""
    ans = review.ask(question)
    assert ans.answered, ans.text
    assert said in ans.text
    assert line_starting(REVIEW, line) in {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question", [
    "How many hospital admissions did the falls prevention team prevent?",
    "How many admissions has the falls prevention team prevented?",
    "What number of hospital admissions did the falls prevention team prevent in its first two months?",
])
def test_a_sentence_that_points_back_at_the_answer_is_not_its_rival(review, question: str) -> None:
    """'It also cut ambulance call-outs ...' after the sentence that answers shares its subject: it does not
    make the answer's sentence look barely better than the next (the margin the confidence reads)."""
    ans = review.ask(question)
    assert ans.answered and "88" in ans.text
    assert ans.state["margin"] > 0.5, ans.state["margin"]  # (with it as the rival: 0.15-0.3)
