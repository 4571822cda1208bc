"""What kind of thing a question asks for, found in a sentence that holds it: how long something takes ('how long
does a carer's assessment take?' of 'took 27 days on average'), the question's asking words said by holding it
('long', 'take'); an average a sentence states ('the average wait was 27 days') as the answer to an average
asked; the person who holds the role a who-question names ('who chairs ...?' of 'Chair: ...'), a cover's entries
being about the document its title names. Every document here is made up; each case is asked in several
phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

REPORT = """Fenwick Carers Partnership Board
Annual Progress Report 2026
Chair: Deborah Lindqvist
Report author: Partnership Manager, Carers Services

1. Assessments
Carers' assessments took 27 days on average to complete in 2026, against a standard of 28 days. The
council completed 1,140 assessments, and the longest wait for an assessment was 96 days.

2. Breaks
The short breaks service offers each carer up to four weeks of replacement care a year. Demand for the service
is growing for as long as the population continues to age, and the board has asked for a review.

3. Governance
The board meets every two months and reports to the Joint Commissioning Committee. Its lead officer is the
Director of Adult Social Care, who presents the annual report.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("kinds"), "carers.txt", REPORT)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(REPORT.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "said", "line"), [
    ("How long did carers' assessments take to complete on average?", "27 days", "Carers' assessments took"),
    ("On average, how long does it take to complete a carer's assessment?", "27 days", "Carers' assessments took"),
    ("How long can a carer have replacement care from the short breaks service each year?", "four weeks",
     "The short breaks service offers"),
    ("For how long does the short breaks service provide replacement care?", "four weeks",
     "The short breaks service offers"),
    ("How long does an assessment take?", "27 days", "Carers' assessments took"),
    ("How long do assessments take on average?", "27 days", "Carers' assessments took"),
    ("How long do short breaks last?", "four weeks", "The short breaks service offers"),
])
def test_how_long_is_a_duration(report, question: str, said: str, line: str) -> None:
    ans = report.ask(question)
    assert ans.answered and said in ans.text, ans.text
    assert _line(line) in {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question", [
    "Who chairs the Carers Partnership Board?",
    "Who is the chair of the carers partnership board?",
    "Who chairs the board?",
])
def test_who_holds_the_role_the_question_names(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and "Deborah Lindqvist" in ans.text, ans.text
    assert {c.line_start for c in ans.citations} == {_line("Chair:")}


def test_a_role_no_line_says_leaves_the_other_sentences(report) -> None:
    ans = report.ask("Who presents the annual report?")
    assert ans.answered and "Director of Adult Social Care" in ans.text, ans.text


ACCOUNT = """Redcliffe Council
Adult Social Care Local Account 2026

What people told us
Table 1: Survey results 2026
Measure\tRedcliffe\tEngland
Satisfied with their care and support\t64.2%\t61.5%
Feel safe\t70.8%\t71.0%

Carers told us they are less satisfied than before: 31% of carers said they were satisfied with the support they
get, compared with 36% two years ago.

Our plans for 2027
We will focus on:
- cutting waits for occupational therapy assessments
- more short breaks for carers
- a new reablement team in the north of the borough
"""


@pytest.fixture(scope="module")
def account(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("account"), "account.txt", ACCOUNT)


@pytest.mark.parametrize("question", [
    "What are the council's plans for 2027?",
    "What will Redcliffe Council focus on in 2027?",
    "What are Redcliffe's plans for 2027?",
])
def test_what_we_will_do_is_what_the_council_whose_report_it_is_will(account, question: str) -> None:
    ans = account.ask(question)  # ('We will focus on:' under 'Our plans for 2027', in the council's report)
    assert ans.answered and "reablement team" in ans.text and "short breaks" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "What proportion of carers were satisfied with their support?",
    "What percentage of carers said they were satisfied?",
])
def test_a_sentence_that_says_the_share_beats_a_table_row_that_says_less(account, question: str) -> None:
    ans = account.ask(question)
    assert ans.answered and "31%" in ans.text and "64.2%" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "How much has the share of carers satisfied with the support they get fallen in two years?",
    "By how many points has the share of carers satisfied with their support fallen?",
])
def test_a_share_compared_with_years_ago(account, question: str) -> None:
    ans = account.ask(question)  # ('31% ..., compared with 36% two years ago')
    assert ans.answered and ans.figures and ans.figures[0].value == -5, ans.text


def test_a_figure_compared_with_another_place_is_not_how_it_moved(account) -> None:
    ans = account.ask("By how many points did the share of people who feel safe fall?")
    assert not any(f.value in (Decimal("-0.2"), Decimal("0.2")) for f in ans.figures), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How does satisfaction with care and support compare with England?", Decimal("2.7")),
    ("How does the share of people who feel safe compare with England?", Decimal("-0.2")),
    ("How does Redcliffe compare with England on feeling safe?", Decimal("-0.2")),
    ("How many percentage points above England is Redcliffe for satisfaction with care and support?", Decimal("2.7")),
    ("How far above England is satisfaction with care and support in Redcliffe?", Decimal("2.7")),
])
def test_how_a_figure_compares_with_a_benchmark_column(account, question: str, value: Decimal) -> None:
    ans = account.ask(question)  # (the place's figure less England's, England being what it is compared with)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == value, ans.text


WINTER = """Marsh Vale ICB: winter plan 2026/27

Table 1: Escalation beds planned by hospital and month
Hospital\tDecember\tJanuary\tFebruary
Marsh Vale General\t20\t28\t24
Eastport\t8\t12\t10
Total\t28\t40\t34

Table 2: Winter funding by scheme (£000)
Scheme\t2025/26\t2026/27
Escalation beds\t2,400\t2,900
Virtual wards\t1,100\t1,600
"""


@pytest.mark.parametrize("question", [
    "In which month are the most escalation beds planned?",
    "When are escalation beds planned by hospital?",
])
def test_a_tables_caption_is_not_an_answer(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "winter.txt", WINTER).ask(question)
    assert not (ans.answered and ans.text.startswith("Table 1")), ans.text


SCORECARD = """Ashby Community Trust
Performance report, October 2026

The two-hour rapid response standard was met again, with 86.1% of referrals seen within two hours against the
national standard of 70%.

Table 1: Scorecard
Indicator\tJul 2026\tAug 2026\tSep 2026
Rapid response within 2 hours (%)\t80.2%\t82.5%\t86.1%
Falls with harm\t6\t4\t5
"""


@pytest.mark.parametrize(("question", "value"), [
    ("What percentage of rapid response referrals were seen within two hours in July?", "80.2%"),
    ("What share of rapid response referrals were seen within two hours in August 2026?", "82.5%"),
])
def test_a_cell_of_the_period_asked_beats_a_sentence_of_none(tmp_path, question: str, value: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "scorecard.txt", SCORECARD).ask(question)
    assert value in ans.text and "86.1%" not in ans.text.split(value)[0], ans.text
