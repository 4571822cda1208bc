"""'The total X', where X names a section of a table (a row of words over rows of figures) that no totals row of its
own closes, adds up the section's rows, not the table's grand total. Every document here is made up; each case
is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

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


LEADS = """Scheme plan

Planned spend by scheme (£000):

Scheme\tSpend\tLead
Home care\t1,800\tCouncil
Intermediate care beds\t950\tICB
Reablement\t760\tCouncil
Community teams\t1,540\tICB
Falls service\t120\tICB
Carers support\t300\tCouncil
Total\t5,100\t
"""


@pytest.mark.parametrize("question,said", [
    ("What is the total spend on schemes the ICB leads?", False),
    ("What is the total planned spend on schemes where the council is the lead?", False),
    ("What do all the schemes add up to?", True),
])
def test_a_total_row_is_set_against_a_sum_of_every_row_only(tmp_path: Path, question: str, said: bool) -> None:
    """The table's total (5,100) is not what its rows add up to (5,470): said beside a sum of every row it closes,
    never beside a sum of the rows a filter chose."""
    a = assistant_over(tmp_path, "plan.txt", LEADS)
    ans = a.ask(question)
    assert ans.figures and ans.figures[0].op == "sum", ans.text
    assert ("own total row says 5,100" in ans.text) == said, ans.text


SAVINGS = """Efficiency plan

Savings opportunities identified by the review:

Opportunity\tTarget saving\tAssumption
Reablement rota changes\t£120,000\t10% more contact time
Shared administration\t£45,000\t3 fewer posts
Equipment recycling\t£60,000\tHalf of items returned
"""


@pytest.mark.parametrize("question", ["What are the total target savings?",
                                      "What is the total target saving from the opportunities?",
                                      "Added together, what do the savings targets amount to?"])
def test_the_total_of_a_column_no_totals_row_ends_is_its_sum(tmp_path: Path, question: str) -> None:
    """The question says the column's name ('target saving') and names no row: every row's figure added up, not
    the one row whose label shares a word ('Shared administration' has none; 'savings' is the column's)."""
    a = assistant_over(tmp_path, "plan.txt", SAVINGS)
    ans = a.ask(question)
    fig = ans.figures[0]
    assert fig.op == "sum" and fig.value == 225_000 and len(fig.cells) == 3, ans.text


def test_a_total_of_one_named_row_is_not_the_columns_sum(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "plan.txt", SAVINGS)
    ans = a.ask("What is the total target saving from equipment recycling?")
    assert ans.figures[0].value == 60_000, ans.text


SECTIONS = """Treasury note

Balances held (in thousands):

\tTotal carrying amount
31 March 2025:\t
Cash deposits\t5,420
Government gilts\t2,310
31 March 2024:\t
Cash deposits\t4,980
Government gilts\t2,150
"""


@pytest.mark.parametrize("question", ["In which year were cash deposits higher in total carrying amount, 2024 or 2025?",
                                      "How much were cash deposits in total carrying amount at 31 March 2025?"])
def test_a_row_named_whole_under_each_period_is_not_a_columns_sum(tmp_path: Path, question: str) -> None:
    """'Short-term deposits' repeats under each period, so no word of it is its own; said whole, it is still the row
    asked about, not a reason to add up the column."""
    a = assistant_over(tmp_path, "note.txt", SECTIONS)
    ans = a.ask(question)
    assert not any(f.op == "sum" and len(f.cells) == 4 for f in ans.figures), ans.text
