"""Asked of several documents at once, tables that explain every word of a question (one by its caption, one by a
row's own name) are told apart by the row: the answer given first comes from the table whose row the question names,
not from one whose caption says the words the row leaves out (that one may follow as another document's answer:
it answers the question as well, and is not hidden). A row named in part, with the rest said by its caption, still
answers when no other row names more ('agency costs' from 'Agency' under 'Income and costs'). Of rows that say
every word asked, the one with no words of its own answers ('Gross margin' over 'Adjusted gross margin'). Every
document here is made up; each case is asked in several phrasings, of every document at once."""

from __future__ import annotations

import pytest

from assistant.table_answers import DIFFER

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


# other reports with tables of their own: a user's library holds many, so that no table stands first just for
# being retrieved before one other
SERVICES = ("beds", "home visits", "clinic sessions", "meals delivered", "referrals received", "volunteer hours")


def others() -> dict[str, str]:
    """Made-up service reports, one table each, whose rows share no word with the questions asked here."""
    return {f"zz_service_{i}.txt": f"Service report {i} for 2023\n\nActivity in the year:\n\nActivity\t2022\t2023\n"
            f"{what.capitalize()}\t{100 + 37 * i:,}\t{120 + 41 * i:,}\nStaff in post\t{20 + i}\t{22 + i}\n"
            for i, what in enumerate(SERVICES)}


def library(factory: pytest.TempPathFactory, name: str, docs: dict[str, str]):
    """An assistant over the test's documents and the other service reports, every answer given."""
    return assistant_over_docs(factory.mktemp(name), {**docs, **others()})


def first_answer(ans, figure: str) -> str:
    """The document of the answer given first, which must say the figure."""
    assert ans.answered and ans.figures
    f = ans.figures[0]
    assert figure in f"{f.text} {f.formula}"
    return f.cells[0].doc


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory):
    return library(tmp_path_factory, "row_named", {"northfield.txt": TRUST, "southvale.txt": COUNCIL,
                                                   "riverside.txt": HOSPICE})


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
    assert first_answer(ans, figure) == "southvale.txt"
    assert wrong not in ans.text or ans.text.index(figure) < ans.text.index(wrong)
    assert any(c.doc == "southvale.txt" and figure in c.quote for c in ans.citations)


@pytest.mark.parametrize("question,figure", [
    ("What were agency costs in 2023?", "7,940"),
    ("How much were agency costs in 2022?", "8,150"),
    ("What were grants in 2023?", "2,730"),
    ("What was the trust's interest in 2023?", "1,410"),
])
def test_a_row_named_in_part_still_answers_when_no_row_names_more(reports, question: str, figure: str) -> None:
    ans = reports.ask(question)
    assert first_answer(ans, figure) == "northfield.txt"
    assert any(c.doc == "northfield.txt" and figure in c.quote for c in ans.citations)


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
    return library(tmp_path_factory, "row_said", {"eastbrook.txt": CLINICS, "westmoor.txt": CARE})


@pytest.mark.parametrize("question,figure,wrong", [
    ("What was the gross margin in 2023?", "1,310", "455"),
    ("How much was gross margin in 2022?", "1,200", "410"),
    ("What was the net cash from operating activities in 2023?", "2,480", "1,040"),
    ("What was the change in revenue from 2022 to 2023?", "650", "2"),
])
def test_the_row_whose_name_the_question_says_whole_beats_one_with_words_of_its_own(
        two_reports, question: str, figure: str, wrong: str) -> None:
    ans = two_reports.ask(question)
    assert first_answer(ans, figure) == "westmoor.txt"
    assert f" {wrong} " not in f" {ans.text} " or ans.text.index(figure) < ans.text.index(f" {wrong} ")
    assert any(c.doc == "westmoor.txt" and c.line_start > 2 for c in ans.citations)


# two plans' funding tables: one names its total row in full, the other says 'funding' in its caption only
EASTSHIRE = """Eastshire Better Care Fund plan 2022-24

BCF funding by source (£):

Source\t2022-23\t2023-24
CCG minimum contribution\t21,400,000\t22,600,000
Disabled Facilities Grant\t3,100,000\t3,350,000
Total\t24,500,000\t25,950,000
"""

WESTSHIRE = """Westshire Better Care Fund plan 2022-24

BCF pooled budget (£):

Source\t2022-23\t2023-24
CCG minimum contribution\t30,200,000\t29,100,000
Improved BCF grant\t6,800,000\t6,400,000
Total Funding\t37,000,000\t35,500,000
"""


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory):
    return library(tmp_path_factory, "two_plans", {"eastshire.txt": EASTSHIRE, "westshire.txt": WESTSHIRE})


@pytest.mark.parametrize("question", [
    "What is the change in total BCF funding between 2022-23 and 2023-24?",
    "How did total BCF funding change from 2022-23 to 2023-24?",
    "By how much did the total BCF funding move between 2022-23 and 2023-24?",
])
def test_a_plan_that_answers_as_well_is_not_hidden_by_the_row_the_question_names(two_plans, question: str) -> None:
    """The tie-break orders two plans' answers; it hides neither: their totals move in opposite directions."""
    ans = two_plans.ask(question)
    assert ans.text.startswith(DIFFER)
    assert {f.cells[0].doc for f in ans.figures} == {"eastshire.txt", "westshire.txt"}
    assert "1,450,000" in ans.text and "1,500,000" in ans.text
