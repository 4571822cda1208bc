"""How close in meaning an answer is to its question is a confidence feature (Answerer._similarity): words the
question and the answer put differently meet there, where the coverage of the question's terms misses them."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

PLAN = """Community Services Plan 2025-26

Performance
2025/26 Quarter 1 has been very difficult, with unplanned hospital stays 12% above plan.
The falls service began in May and has cut ambulance call-outs for falls by a fifth since then.
Our new offices in the town centre open in the spring and hold the finance team.
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("similarity"), "plan.txt", PLAN)


@pytest.mark.parametrize(("question", "answer", "other"), [
    ("How were emergency admissions tracking in the first quarter?",
     "2025/26 Quarter 1 has been very difficult, with unplanned hospital stays 12% above plan.",
     "Our new offices in the town centre open in the spring and hold the finance team."),
    ("Has the falls response made any difference yet?",
     "The falls service began in May and has cut ambulance call-outs for falls by a fifth since then.",
     "2025/26 Quarter 1 has been very difficult, with unplanned hospital stays 12% above plan."),
    ("Where will the accountants be based?",
     "Our new offices in the town centre open in the spring and hold the finance team.",
     "The falls service began in May and has cut ambulance call-outs for falls by a fifth since then."),
])
def test_an_answer_that_means_what_was_asked_is_closer(plan, question: str, answer: str, other: str) -> None:
    """A sentence that answers in other words is closer to the question than one that does not."""
    a = plan.default_answerer
    assert a._similarity(question, answer) > a._similarity(question, other) + 0.05


def test_the_similarity_of_the_answer_given_is_a_feature_and_the_same_every_time(plan) -> None:
    first = plan.ask("Has the falls service made any difference to ambulance call-outs?")
    again = plan.ask("Has the falls service made any difference to ambulance call-outs?")
    assert "a fifth" in first.text
    sim = first.state["features"]["similarity"]
    assert 0.2 < sim <= 1.0 and sim == again.state["features"]["similarity"]


def test_the_similarity_is_of_the_answers_opening(plan) -> None:
    """Only the answer's first SIMILARITY_TOKENS word pieces are embedded (its opening says what it is; a table
    answer's caption and formula follow): what comes after them does not move the similarity, what is in them does."""
    from assistant.confidence import SIMILARITY_TOKENS

    a = plan.default_answerer
    question = "Have ambulance call-outs for falls come down since the new team started?"
    opening = " ".join(["The falls service began in May and has cut ambulance call-outs for falls by a fifth."] * 6)
    assert len(opening.split()) > SIMILARITY_TOKENS
    tail = " Our new offices in the town centre open in the spring and hold the finance team." * 3
    assert a._similarity(question, opening + tail) == a._similarity(question, opening)
    assert a._similarity(question, tail + " " + opening) != a._similarity(question, opening)
