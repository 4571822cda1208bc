"""How else a sentence states a figure's move than 'from X to Y': between two periods named by their number
('rose from 1,180 in quarter 1 to 1,420 in quarter 2': the 1 and the 2 are labels, not figures), from where it
stood ('stood at 14 weeks in April and had fallen to 9 weeks by October'), and to a figure from the one the
sentence before states ('There are 12,600 carers ... This is expected to increase to 14,100 by 2028.', an age
being who is counted, not a figure), and against where it stood at an earlier time ('78% ..., compared with 72% in
2024'; not a figure compared with another place's). The figure engine works the change out; the sentences are cited. A table
in the document whose cells do not answer the question does not stop it. Every document here is made up; each
case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

REPORT = """Elmbridge Public Health: annual report of the Director of Public Health 2026

Stop smoking services

Smoking quit attempts supported by the service rose from 1,180 in quarter 1 to 1,420 in quarter 2, after the
launch of the workplace campaign.

Memory assessment

Waiting times for the memory assessment clinic stood at 14 weeks in April and had fallen to 9 weeks by October.

Carers

There are 12,600 carers aged 18 and over registered with GP practices in Elmbridge. This is expected to
increase to 14,100 by 2028.

Community safety

Of the residents surveyed, 78% said they felt safe in their neighbourhood, compared with 72% in 2024.
Uptake of the flu vaccine among over-65s was 71% in Elmbridge, compared with 64% nationally.

Home care

The average hourly rate paid for home care under the new contracts is £24.90, compared with £23.10 under the
previous contracts. Rates are higher in the rural north, which reflects the travel time between visits.

Table 2: Home care rates by area
Area	Hourly rate	Hours a week
Town	£24.40	5,100
Rural north	£26.80	1,900

Health checks

Table 1: NHS Health Checks by practice group
Practice group\tInvited\tCompleted
North\t2,310\t1,204
South\t1,980\t1,133
Total\t4,290\t2,337
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("moves"), "dph.txt", REPORT)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(REPORT.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "value", "lines"), [
    ("By how much did smoking quit attempts rise in quarter 2?", 240, ["Smoking quit attempts"]),
    ("How much did quit attempts supported by the service go up between quarter 1 and quarter 2?", 240,
     ["Smoking quit attempts"]),
    ("By how much did waiting times for the memory assessment clinic fall between April and October?", -5,
     ["Waiting times for the memory"]),
    ("How much have memory clinic waiting times fallen since April?", -5, ["Waiting times for the memory"]),
    ("What is the expected increase in carers registered with GP practices by 2028?", 1500,
     ["There are 12,600 carers", "There are 12,600 carers"]),
    ("By how much is the number of registered carers projected to grow by 2028?", 1500,
     ["There are 12,600 carers", "There are 12,600 carers"]),
])
def test_the_change_a_sentence_states_otherwise(report, question: str, value: int, lines: list[str]) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "change", ans.text
    assert ans.figures[0].value == value
    assert {c.line_start for c in ans.citations} >= {_line(x) for x in lines}


def test_the_sentence_pointed_back_at_is_quoted_and_cited(report) -> None:
    ans = report.ask("What is the expected increase in carers registered with GP practices by 2028?")
    assert "12,600" in ans.text and "14,100" in ans.text
    assert len({(c.line_start, c.quote[:20]) for c in ans.citations}) == 2  # the two sentences


@pytest.mark.parametrize("question", [
    "What was the percentage increase in smoking quit attempts in quarter 2?",
    "By what percentage did quit attempts rise between quarter 1 and quarter 2?",
])
def test_the_change_in_per_cent_between_numbered_quarters(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.figures[0].op == "percent_change", ans.text
    assert round(ans.figures[0].value, 2) == Decimal("20.34")  # (1,420 - 1,180) / 1,180


def test_an_age_is_not_the_figure_moved_from(report) -> None:
    ans = report.ask("By how much is the number of registered carers projected to grow by 2028?")
    assert not any(f.value in (14100 - 18, 14100 - 1) for f in ans.figures), ans.text


@pytest.mark.parametrize("question", [
    "By how many percentage points did the share of residents who felt safe rise?",
    "How much did the share of residents feeling safe in their neighbourhood improve?",
    "By how much has the proportion of residents who feel safe increased since 2024?",
])
def test_a_figure_compared_with_its_earlier_value(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == 6, ans.text
    assert {c.line_start for c in ans.citations} == {_line("Of the residents surveyed")}


def test_a_figure_compared_with_another_place_is_no_change(report) -> None:
    ans = report.ask("By how much did flu vaccine uptake among over-65s rise?")
    assert not any(f.value == 7 for f in ans.figures), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("By how much will the average hourly rate for home care rise?", Decimal("1.80")),
    ("What is the percentage increase in the average hourly rate for home care?", Decimal("7.79")),
    ("How much has the average hourly rate paid for home care gone up?", Decimal("1.80")),
])
def test_a_change_in_an_average_is_a_change_not_an_average(report, question: str, value: Decimal) -> None:
    ans = report.ask(question)  # (not the average of the table's two rates)
    assert ans.answered and ans.state.get("op") == "change", ans.text
    assert round(ans.figures[0].value, 2) == value
    assert {c.line_start for c in ans.citations} == {_line("The average hourly rate")}


@pytest.mark.parametrize("question", [
    "Why are home care rates higher in the rural north?",
    "What explains the higher hourly rate in the rural north?",
])
def test_a_reason_is_said_in_words_not_read_from_a_cell(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and "travel time" in ans.text and not ans.figures, ans.text
