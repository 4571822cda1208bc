"""'The total X', where X names a section of a table (a row of words over rows of figures) that no totals row of its
own closes, adds up the section's rows, not the table's grand total. Every document here is made up; each case
is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

COMMITMENTS = """Commitments

Our commitments at 31 March 2024 (£):

\tTotal\tWithin 1 year\tAfter 1 year
Lease liabilities\t12,400\t3,100\t9,300
Capital commitments\t30,000\t10,000\t20,000
Grant agreements:\t\t\t
Voluntary sector grants\t8,000\t5,000\t3,000
Carers grants\t2,500\t2,500\t0
Total commitments\t52,900\t20,600\t32,300
"""


@pytest.fixture(scope="module")
def commitments(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("section_sum"), "commitments.txt", COMMITMENTS)


@pytest.mark.parametrize("question,value", [
    ("What were the total grant agreements?", Decimal(10_500)),
    ("How much are grant agreements in total?", Decimal(10_500)),
    ("What is the total of grant agreements due within 1 year?", Decimal(7_500)),
])
def test_the_total_of_a_section_adds_up_its_rows(commitments, question: str, value: Decimal) -> None:
    ans = commitments.ask(question)
    fig = ans.figures[0]
    assert fig.op == "sum" and fig.value == value
    assert {c.row.split(" / ")[-1] for c in fig.cells} == {"Voluntary sector grants", "Carers grants"}


@pytest.mark.parametrize("question,value", [
    ("What were total commitments?", "52,900"),
    ("What were the total carers grants?", "2,500"),
])
def test_a_total_named_or_a_row_named_is_read_as_it_is(commitments, question: str, value: str) -> None:
    ans = commitments.ask(question)
    assert value in ans.text
    assert not any(f.op == "sum" and len(f.cells) == 2 for f in ans.figures)


# rows whose words are each shared with another row: 'Long-stay placements' beside 'Long-stay respite' and
# 'Short-stay placements'
PLACEMENTS = """Placement costs

Care placement costs by year (£):

\t2023\t2022
Long-stay placements\t4,200\t3,900
Long-stay respite\t610\t580
Short-stay placements\t1,150\t1,020
Short-stay respite\t300\t260
Total placement costs\t6,260\t5,760
"""


@pytest.fixture(scope="module")
def placements(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("said_whole"), "placements.txt", PLACEMENTS)


@pytest.mark.parametrize("question,value,label", [
    ("What was the total Long-stay placements in 2022 and 2023?", Decimal(8_100), "Long-stay placements"),
    ("What is the total short-stay respite for 2022 and 2023?", Decimal(560), "Short-stay respite"),
    ("How much were Short-stay placements in 2022 and 2023 in total?", Decimal(2_170), "Short-stay placements"),
])
def test_a_row_said_whole_is_the_one_totalled_over_the_years(placements, question: str, value: Decimal,
                                                              label: str) -> None:
    """'The total X in 2022 and 2023', X a row's whole name though each of its words is another row's too: X's
    two years added, not the totals row."""
    ans = placements.ask(question)
    assert ans.figures, ans.text
    fig = ans.figures[0]
    assert fig.value == value
    assert {c.row for c in fig.cells} == {label}


def test_a_totals_row_said_whole_is_still_the_total(placements) -> None:
    ans = placements.ask("What were total placement costs in 2023?")
    assert "6,260" in ans.text
