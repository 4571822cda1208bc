"""A sentence that states a whole and a part of it ('£4.8m, of which £1.2m is from the Better Care Fund', '45 out
of 60 practices', 'an estimated 3,000 unpaid carers, but only 700 are registered'): the part as a share of the
whole, or the rest of the whole, worked out by the figure engine from the two numbers as written, the sentence
cited. Not two numbers a sentence does not join that way. Every document here is made up; each case is asked in
several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

PLAN = """Hollowmere Primary Care Strategy 2026/27

Access

The ICB will spend £4.8m on extended access this year, of which £1.2m is funded by the Better Care Fund.
So far 45 out of 60 practices offer online consultations every weekday.

Carers

There are an estimated 3,000 unpaid carers in Hollowmere, but only 700 are registered with their practice.

Reserves

The ICB holds £9.6m in its contingency reserve, of which £2.5m is committed to winter schemes.

Estates

The community hub will have 14 consulting rooms and 3 treatment rooms when it opens in 2027.
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("parts"), "primary_care.txt", PLAN)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(PLAN.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize("question,value,line", [
    ("What share of the extended access spend is funded by the Better Care Fund?", "25.0%", "The ICB will spend"),
    ("What proportion of extended access funding comes from the Better Care Fund?", "25.0%", "The ICB will spend"),
    ("What percentage of practices offer online consultations every weekday?", "75.0%", "So far 45"),
    ("What proportion of unpaid carers are registered with their practice?", "23.33%", "There are an estimated"),
])
def test_a_part_as_a_share_of_the_whole_a_sentence_states(plan, question: str, value: str, line: str) -> None:
    ans = plan.ask(question)
    assert ans.answered and ans.state.get("op") == "share", ans.text
    assert ans.figures[0].text == value
    assert {c.line_start for c in ans.citations} == {_line(line)}


@pytest.mark.parametrize("question,value", [
    ("How much of the extended access spend is not funded by the Better Care Fund?", 3_600_000),
    ("How many practices do not offer online consultations every weekday?", 15),
    ("How many unpaid carers are not registered with their practice?", 2300),
    ("How much of the contingency reserve is not committed to winter schemes?", 7_100_000),
])
def test_the_rest_of_the_whole_a_sentence_states(plan, question: str, value: int) -> None:
    ans = plan.ask(question)
    assert ans.figures and ans.figures[0].value == value, ans.text
    assert ans.state.get("op") == "change"


def test_two_numbers_not_joined_as_whole_and_part_are_not_divided(plan) -> None:
    ans = plan.ask("What proportion of the consulting rooms are treatment rooms?")
    assert not ans.figures or ans.figures[0].op != "share", ans.text
