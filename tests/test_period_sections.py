"""Tables whose periods are section rows, not columns: a date alone on a line ('31 March 2024') heads the rows
under it, the same row names repeated under each date. The date line is a section row, never the end of the
label above it; a row's period is its section's; a change between two periods is computed from the two rows
of that name, oldest first whatever order the table prints them in. Every document here is made up; each case
is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import assistant_over
from .test_tables import tables_in

# newest first, a sub-section under each date, a footnote marker on one repeated name
VALUATIONS = """Housing assets note

The estimated fair value of the council's housing assets is measured as follows:

\tLevel 1\tLevel 2\tLevel 3\tTotal Fair Value
31 March 2024\t\t\t\t
Operational assets:\t\t\t\t
Sheltered housing units\t£—\t£4,610\t£—\t£4,610
Extra care schemes\t£—\t£2,250\t£—\t£2,250
31 March 2023\t\t\t\t
Operational assets:\t\t\t\t
Sheltered housing units (a)\t£—\t£4,180\t£—\t£4,180
Extra care schemes\t£—\t£2,390\t£—\t£2,390
"""


@pytest.fixture(scope="module")
def valuations(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("period_sections"), "housing.txt", VALUATIONS)


def test_a_date_alone_on_a_line_heads_a_section(tmp_path: Path) -> None:
    (t,) = [t for t in tables_in(tmp_path, VALUATIONS) if t.rows]
    labels = [r.label for r in t.rows]
    assert "31 March 2023" in labels  # not 'Extra care schemes 31 March 2023'
    assert [r.label for r in t.rows if r.role == "category"].count("Operational assets:") == 2
    assert sum(r.label == "Extra care schemes" for r in t.rows) == 2


@pytest.mark.parametrize("question,value", [
    ("What was the total fair value of sheltered housing units at 31 March 2023?", "4,180"),
    ("How much were extra care schemes worth in total fair value as at 31 March 2024?", "2,250"),
    ("What is the total fair value of extra care schemes in 2023?", "2,390"),
])
def test_the_period_of_a_row_is_its_section(valuations, question: str, value: str) -> None:
    ans = valuations.ask(question)
    assert ans.answered, ans.text
    assert value in ans.text
    other = {"4,180": "4,610", "2,250": "2,390", "2,390": "2,250"}[value]
    assert other not in ans.text


@pytest.mark.parametrize("question,value", [
    ("What was the change in the total fair value of sheltered housing units from 2023 to 2024?", Decimal(430)),
    ("By how much did the total fair value of extra care schemes change between 2023 and 2024?", Decimal(-140)),
    ("How much did sheltered housing units' total fair value rise from 31 March 2023 to 31 March 2024?",
     Decimal(430)),
])
def test_a_change_between_period_sections_is_oldest_first(valuations, question: str, value: Decimal) -> None:
    ans = valuations.ask(question)
    assert ans.figures, ans.text
    fig = ans.figures[0]
    assert fig.value == value
    # from the 31 March 2023 row (lines 12-13) to the 31 March 2024 one (lines 8-9), though printed after it
    assert [c.line for c in fig.cells] in ([12, 8], [13, 9])
