"""A sentence that states a whole and a part of it ('£4.8m, of which £1.2m is from the Better Care Fund', '45 out
of 60 practices', 'an estimated 3,000 unpaid carers, but only 700 are registered'): the part as a share of the
whole, or the rest of the whole, worked out by the figure engine from the two numbers as written, the sentence
cited; a figure as a share of the target it is stated against ('£3.3m ... against the efficiency target of
£4.4m'). Not two numbers a sentence does not join that way, nor the rest of a whole where the part stated is
itself the rest asked for ('of which 64 work outside general practice'). Every document here is made up; each
case is asked in several phrasings."""

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

Workforce

There are 58 vacant nursing posts across the ICB, of which 21 are in community teams.
The practice network employs 220 clinical pharmacists, of which 64 work outside general practice.

Reviews

The ICB's review of urgent care made 14 recommendations, 11 of which have been implemented.

Efficiency

Practices delivered £3.3m of savings this year against the efficiency target of £4.4m.
An estimated 1,900 adults have diabetes, of whom an estimated 1,520 have had all eight care processes.

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
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text
    assert ans.state.get("op") == "rest"


def test_two_numbers_not_joined_as_whole_and_part_are_not_divided(plan) -> None:
    ans = plan.ask("What proportion of the consulting rooms are treatment rooms?")
    assert not ans.figures or ans.figures[0].op != "share", ans.text


@pytest.mark.parametrize("question", [
    "How many vacant nursing posts are outside community teams?",
    "How many nursing vacancies are there excluding community teams?",
    "Besides community teams, how many nursing posts are vacant?",
])
def test_the_rest_asked_in_other_words(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.answered and ans.state.get("op") == "rest" and ans.figures[0].value == 37, ans.text
    assert {c.line_start for c in ans.citations} == {_line("There are 58 vacant")}


@pytest.mark.parametrize("question", [
    "How many clinical pharmacists work outside general practice?",
    "How many of the clinical pharmacists are outside general practice?",
])
def test_a_part_stated_as_the_rest_is_not_taken_from_the_whole(plan, question: str) -> None:
    ans = plan.ask(question)
    assert not any(f.value == 156 for f in ans.figures), ans.text  # (220 - 64: the 64 are the ones outside)


@pytest.mark.parametrize("question", [
    "What percentage of the efficiency target did practices deliver?",
    "What proportion of their efficiency target have practices delivered in savings?",
    "What share of the efficiency target was delivered?",
])
def test_a_figure_as_a_share_of_its_target(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures[0].text == "75.0%", ans.text
    assert {c.line_start for c in ans.citations} == {_line("Practices delivered")}


@pytest.mark.parametrize("question", [
    "What proportion of adults with diabetes have had all eight care processes?",
    "How many adults with diabetes have not had all eight care processes?",
])
def test_an_estimated_part(plan, question: str) -> None:
    ans = plan.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value in (80, 380), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many of the urgent care review's recommendations have not been implemented?", 3),
    ("What proportion of the urgent care review recommendations have been implemented?", "78.57%"),
])
def test_a_part_named_after_its_whole(plan, question: str, value: int | str) -> None:  # ('14 ..., 11 of which')
    ans = plan.ask(question)
    assert ans.answered and ans.figures, ans.text
    assert (ans.figures[0].text if isinstance(value, str) else ans.figures[0].value) == value
    assert {c.line_start for c in ans.citations} == {_line("The ICB's review")}
