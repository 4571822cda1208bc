"""'How many X …' is answered by a number that states the count of X (confidence.states_count): a sentence
that says '14 locality forums' or 'six teams', or a cell whose labels name X. Such an answer fulfils the count
asked for, as a count over rows or years does; 'how many years did X exceed Y' is still counted."""

from __future__ import annotations

import pytest

from assistant.confidence import states_count
from assistant.query import counted_words

from .conftest import assistant_over

PLAN = """Northshire Community Services Plan 2025-26

Engagement
The council meets each of the 14 Locality Forums in Northshire every spring.
The plan sets up six neighbourhood teams across the county.
Over 220 carers from across 30 groups came to the listening events.

Intermediate care
The county will commission 45 step-down reablement beds in 8 care homes.

Table 2: Spending by service
Spending\t2023/24\t2024/25\t2025/26
Reablement (£m)\t4.1\t5.6\t6.2
Carers support (£m)\t1.2\t1.3\t1.5
"""


@pytest.mark.parametrize(("question", "noun"), [
    ("How many Parish Councils does the council consult?", "Councils"),
    ("How many step-down nursing beds will the county commission?", "beds"),
    ("How many therapist FTE from the trust are on the rota?", "FTE"),
    ("By the spring, how many locality hubs will be open?", "hubs"),
    ("How many residents aged 85 and over are expected in 2035?", "residents"),
])
def test_what_a_how_many_question_counts(question: str, noun: str) -> None:
    words = counted_words(question)
    assert noun in words
    assert not {"does", "is", "are", "from", "aged", "in"} & {w.lower() for w in words}


def test_a_question_that_asks_no_how_many_counts_nothing() -> None:
    assert counted_words("What was the total spend in 2024/25?") == ()
    assert counted_words("How many?") == ()


@pytest.mark.parametrize(("question", "text", "cell", "states"), [
    ("How many parish councils does the council consult?", "We consult each of the 18 Parish Councils in the county.",
     False, True),
    ("How many volunteers joined the scheme?", "Over 160 volunteers from 40 groups joined it.", False, True),
    ("How many teams will be set up?", "The plan sets up four integrated teams.", False, True),
    ("How many hubs will open?", "Three hubs open in the spring.", False, True),
    # a number that is not the count of what is asked
    ("How many parish councils are there?", "Our plan is one of the parish councils' priorities.", False, False),
    ("How many hubs will open?", "The hubs open in 2026 at a cost of £4m.", False, False),
    ("How many years did spending exceed £5m?", "Spending was £6.2m in 2025/26.", False, False),
    # a cell: the labels name what is counted (the last word), not only a word that qualifies it
    ("How many therapist FTE are on the rota?", "Therapy — FTE: 49.3", True, True),
    ("How many step-down reablement beds are there?", "Reablement (£m): 6.2", True, False),
    ("How many ambulances does the trust run?", "Community nurses — FTE: 33.4", True, False),
])
def test_whether_an_answer_states_the_count(question: str, text: str, cell: bool, states: bool) -> None:
    assert states_count(counted_words(question), text, cell) is states


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("stated_count"), "plan.txt", PLAN)


@pytest.mark.parametrize(("question", "figure", "line"), [
    ("How many Locality Forums does the council meet?", "14", 4),
    ("What number of locality forums does Northshire meet each spring?", "14", 4),
    ("How many carers came to the listening events?", "220", 6),
    ("How many step-down reablement beds will the county commission?", "45", 9),
])
def test_a_sentence_that_states_the_count_fulfils_the_count_asked(plan, question: str, figure: str,
                                                                  line: int) -> None:
    ans = plan.ask(question)
    assert ans.answered and figure in ans.text
    assert [c.line_start for c in ans.citations] == [line]
    assert ans.state["features"]["op_agrees"] == 1.0  # whether the question model read a count or a value


def test_a_count_written_in_words_is_a_figure_found(plan) -> None:
    """'six neighbourhood teams' holds the count asked for, written in words."""
    ans = plan.ask("How many neighbourhood teams will the plan set up?")
    assert ans.answered and "six neighbourhood teams" in ans.text
    assert [c.line_start for c in ans.citations] == [5]


def test_a_count_over_years_is_still_counted(plan) -> None:
    ans = plan.ask("How many years did reablement spending exceed £5m?")
    assert ans.answered and ans.state["op"] == "count"
    assert ans.text.startswith("2 out of 3")
