"""Asked of several documents at once, tables that explain every word of a question (one by its caption, one by a
row's own name) are told apart by the row: the answer comes from the table whose row the question names, not from
one whose caption says the words the row leaves out. A row named in part, with the rest said by its caption, still
answers when no other row names more ('agency costs' from 'Agency' under 'Income and costs'). Of rows that say
every word asked, the one with no words of its own answers ('Gross margin' over 'Adjusted gross margin'). Every
document here is made up; each case is asked in several phrasings, of every document at once."""

from __future__ import annotations

import pytest

from .conftest import assistant_over_docs

# the caption says 'income' and 'costs'; the rows name 'interest', 'rent', 'agency' alone
TRUST = """Northfield Community Trust annual accounts 2023

Note 4. Income and costs

The trust's income and costs for the year were as follows:

Item\t2022\t2023
Interest\t1,250\t1,410
Rent\t3,300\t3,520
Agency\t8,150\t7,940
Grants\t2,600\t2,730
"""

# the rows say 'interest income', 'rental income' and 'staff costs' in full
COUNCIL = """Southvale Council finance summary 2023

Note 7. Other operating items

Other operating items in the year:

Item\t2022\t2023
Interest income\t640\t715
Rental income\t2,180\t2,265
Staff costs\t45,300\t47,120
Depreciation\t5,020\t5,310
"""

# a third document whose words share little with the questions (scope is every document, as a user's is)
HOSPICE = """Riverside Hospice quality account 2023

Our volunteers gave 12,400 hours of their time this year, and 96% of families said care was good or excellent.
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory):
    docs = {"trust.txt": TRUST, "council.txt": COUNCIL, "hospice.txt": HOSPICE}
    return assistant_over_docs(tmp_path_factory.mktemp("row_named"), docs)  # every answer given


@pytest.mark.parametrize("question,figure,wrong", [
    ("What was the interest income in 2023?", "715", "1,410"),
    ("How much interest income was there in 2023?", "715", "1,410"),
    ("Interest income for 2022?", "640", "1,250"),
    ("What was the rental income in 2023?", "2,265", "3,520"),
    ("How much rental income was received in 2022?", "2,180", "3,300"),
])
def test_the_row_the_question_names_beats_a_caption_that_says_its_words(reports, question: str, figure: str,
                                                                          wrong: str) -> None:
    ans = reports.ask(question)
    assert figure in ans.text and wrong not in ans.text
    assert {c.doc for c in ans.citations if figure in c.quote} == {"council.txt"}


@pytest.mark.parametrize("question,figure", [
    ("What were agency costs in 2023?", "7,940"),
    ("How much were agency costs in 2022?", "8,150"),
    ("What were grants in 2023?", "2,730"),
    ("What was the trust's interest in 2023?", "1,410"),
])
def test_a_row_named_in_part_still_answers_when_no_row_names_more(reports, question: str, figure: str) -> None:
    ans = reports.ask(question)
    assert figure in ans.text
    assert any(c.doc == "trust.txt" and figure in c.quote for c in ans.citations)


# rows that say every word of the question, one with words of its own besides ('Adjusted gross margin')
CLINICS = """Eastbrook Clinics Group results 2023

Segment results (£000):

Measure\t2022\t2023
Adjusted gross margin\t410\t455
Net cash provided by clinic operating activities\t980\t1,040
Percentage of revenue from private patients\t12\t14
"""

CARE = """Westmoor Care Homes annual report 2023

Key figures (£000):

Measure\t2022\t2023
Gross margin\t1,200\t1,310
Net cash from operating activities\t2,150\t2,480
Revenue\t10,400\t11,050
"""


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory):
    docs = {"clinics.txt": CLINICS, "care.txt": CARE}
    return assistant_over_docs(tmp_path_factory.mktemp("row_said"), docs)  # every answer given


@pytest.mark.parametrize("question,figure,wrong", [
    ("What was the gross margin in 2023?", "1,310", "455"),
    ("How much was gross margin in 2022?", "1,200", "410"),
    ("What was the net cash from operating activities in 2023?", "2,480", "1,040"),
    ("What was the change in revenue from 2022 to 2023?", "650", "2"),
])
def test_the_row_whose_name_the_question_says_whole_beats_one_with_words_of_its_own(
        two_reports, question: str, figure: str, wrong: str) -> None:
    ans = two_reports.ask(question)
    assert figure in ans.text and f" {wrong} " not in f" {ans.text} "
    assert {c.doc for c in ans.citations if c.line_start > 2} == {"care.txt"}
