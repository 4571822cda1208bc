"""Rows a question picks out of a table by what their cells hold or by their names together: the rows with none
of a figure ('which locality has no nursing beds?'), several rows named at once as a share of the whole ('what
share of homes are rated good or outstanding?'), rows counted by a rating ('how many schemes are rated red?'),
and a column of rates the question names ('occupancy') read although its figures are percentages beside counts.
Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

STATEMENT = """Ashcombe Borough Council
Care market review, October 2026

Supply

Table 2: Care home beds by area, March 2026
Area\tHomes\tResidential beds\tNursing beds\tOccupancy
Riverside\t12\t340\t150\t89%
Hillfoot\t8\t210\t0\t95%
Castlegate\t10\t260\t120\t86%
Moorend\t5\t120\t60\t92%
Total\t35\t930\t330\t90%

Quality

Table 3: Care Quality Commission ratings of care homes
Rating\tHomes\tShare
Outstanding\t2\t5.7%
Good\t24\t68.6%
Requires improvement\t7\t20.0%
Inadequate\t2\t5.7%
Total\t35\t100%

Complaints

Table 5: Complaints about care homes by type
Type	2024	2025
Care and treatment	41	47
Communication	28	22
Staffing	17	25
Food and drink	9	6
Fees and charges	12	14

Improvement programme

Table 4: Improvement projects
Project\tBudget (£000)\tStatus
Falls prevention in care homes\t120\tGreen
Medicines review\t80\tRed
Digital care records\t200\tAmber
Hydration champions\t30\tGreen
Oral health training\t25\tRed
"""


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("named"), "market.txt", STATEMENT)


@pytest.mark.parametrize("question", [
    "Which area has no nursing beds?",
    "Which areas have zero nursing beds?",
    "How many areas have no nursing beds?",
])
def test_rows_with_none_of_a_figure(review, question: str) -> None:
    ans = review.ask(question)
    assert ans.answered and "Hillfoot" in ans.text and "Riverside" not in ans.text, ans.text
    assert ans.state.get("op") in ("meets", "count")


@pytest.mark.parametrize(("question", "value"), [
    ("What share of care homes are rated good or outstanding?", "74.29%"),
    ("What percentage of homes are rated outstanding or good?", "74.29%"),
    ("What proportion of care homes are rated requires improvement or inadequate?", "25.71%"),
])
def test_several_rows_named_together_as_a_share_of_the_total(review, question: str, value: str) -> None:
    ans = review.ask(question)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures[0].text == value, ans.text
    assert len(ans.figures[0].cells) == 3  # the two rows named and the total


def test_one_row_named_is_still_its_own_share(review) -> None:
    ans = review.ask("What percentage of care homes are rated good?")  # (as the table states it, or worked out)
    assert ans.figures and ans.figures[0].value.quantize(Decimal("0.1")) == Decimal("68.6"), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("Which area has the highest care home occupancy?", "Hillfoot"),
    ("Which area has the lowest occupancy?", "Castlegate"),
    ("What is care home occupancy in Moorend?", "92%"),
])
def test_a_column_of_rates_the_question_names(review, question: str, value: str) -> None:
    ans = review.ask(question)
    assert ans.answered and value in ans.text, ans.text
    assert any("Occupancy" in (f.description + f.formula + ans.text) for f in ans.figures) or "Occupancy" in ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many improvement projects are rated red?", 2),
    ("How many projects are marked green?", 2),
    ("How many improvement projects are rated amber?", 1),
])
def test_rows_counted_by_their_rating(review, question: str, value: int) -> None:
    ans = review.ask(question)
    assert ans.answered and ans.state.get("op") == "count" and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What percentage of care homes are rated good?", "68.6%"),
    ("What share of homes are rated requires improvement?", "20.0%"),
    ("What proportion of care homes are rated inadequate?", "5.7%"),
])
def test_a_share_the_table_states_is_given(review, question: str, value: str) -> None:
    ans = review.ask(question)
    assert ans.answered and value in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many residential and nursing beds are there in Riverside in total?", 490),
    ("What is the total of residential and nursing beds in Castlegate?", 380),
    ("How many residential and nursing beds does Moorend have altogether?", 180),
])
def test_one_row_added_up_across_the_columns_named_together(review, question: str, value: int) -> None:
    ans = review.ask(question)
    assert ans.answered and ans.state.get("op") == "sum" and ans.figures[0].value == value, ans.text
    assert len(ans.figures[0].cells) == 2


@pytest.mark.parametrize(("question", "row"), [
    ("What was the most common type of complaint?", "Care and treatment"),
    ("Which type of complaint was least frequent in 2025?", "Food and drink"),
    ("What was the least common type of complaint in 2024?", "Food and drink"),
    ("What was the most common complaint type in 2025?", "Care and treatment"),
])
def test_the_most_or_least_common_kind_is_the_extreme_count(review, question: str, row: str) -> None:
    ans = review.ask(question)
    assert ans.answered and ans.state.get("op") in ("max", "min") and row in ans.text, ans.text
