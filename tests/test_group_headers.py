"""A group label in a header row ('Riverside' over 'Headcount | WTE', '2024' over "£'000") names the columns of
its group. Where its span starts is read from the row under it when that row's sub-labels recur once per group:
a table with two label columns ('Grade | Post') or a notes column leaves the cells above them empty, and that
must not make the group labels look centred (each would then name the column before its own)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables
from assistant.types import Table

from .conftest import assistant_over

# a workforce appendix: two label columns, each team's Headcount and WTE under the team's name
WORKFORCE = """Community Therapy Review 2025

Appendix B: Workforce by team

Therapy Workforce\t\tRiverside\t\tHillside\t\tMarket Town\t\tTOTAL\t
Grade\tPost\tHeadcount\tWTE\tHeadcount\tWTE\tHeadcount\tWTE\tHeadcount\tWTE
7\tTeam Lead\t1\t1\t1\t0.8\t2\t2\t4\t3.8
6\tPhysiotherapist\t6\t5.2\t3\t2.6\t9\t8.4\t18\t16.2
5\tOccupational Therapist\t4\t3.5\t2\t1.5\t7\t6.1\t13\t11.1
Total\t\t11\t9.7\t6\t4.9\t18\t16.5\t35\t31.1
"""

# a balance sheet with a notes column left of the years, and a unit row under them
NOTES = """Annual accounts 2024

Statement of financial position

\t\t2024\t2023
\tNotes\t£'000\t£'000
Trade receivables\t14\t2,310\t1,985
Cash at bank\t15\t4,120\t3,760
Trade payables\t16\t(1,870)\t(1,640)
"""

# labels set centred over their groups: the first value column is empty above, and stays a centred layout
CENTRED = """Quarterly report

Income by service

\t\tFiscal 2024\t\tFiscal 2023
Service\t£\t%\t£\t%
Home care\t500\t50\t450\t45
Day care\t300\t30\t350\t35
"""


def _table(tmp_path: Path, text: str) -> Table:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    tables = extract_tables(doc, segment(doc))
    assert len(tables) == 1
    return tables[0]


def test_group_labels_over_two_label_columns_start_their_span(tmp_path: Path) -> None:
    t = _table(tmp_path, WORKFORCE)
    assert t.columns[2:6] == ("Riverside / Headcount", "Riverside / WTE", "Hillside / Headcount", "Hillside / WTE")
    assert t.columns[8:10] == ("TOTAL / Headcount", "TOTAL / WTE")
    assert "Riverside" not in t.columns[1]  # the second label column is no team's


def test_a_notes_column_is_not_under_the_first_year(tmp_path: Path) -> None:
    t = _table(tmp_path, NOTES)
    assert "2024" not in t.columns[1]
    assert [c.split(" / ")[0] for c in t.columns[2:4]] == ["2024", "2023"]


def test_centred_group_labels_still_name_the_columns_before_them(tmp_path: Path) -> None:
    t = _table(tmp_path, CENTRED)
    assert t.columns[1:5] == ("Fiscal 2024 / £", "Fiscal 2024 / %", "Fiscal 2023 / £", "Fiscal 2023 / %")


@pytest.fixture(scope="module")
def workforce(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("workforce"), "therapy_review.txt", WORKFORCE)


@pytest.mark.parametrize("question", [
    "Which team has the most WTE?",
    "Which team has the highest total WTE?",
    "Which team has the highest WTE overall?",
])
def test_the_largest_group_is_named_by_its_own_label(workforce, question: str) -> None:
    ans = workforce.ask(question)
    assert ans.answered
    fig = ans.figures[0]
    assert fig.value == Decimal("16.5")  # Market Town's WTE on the Total row (not the TOTAL group's 31.1)
    assert "Market Town" in ans.text.split("16.5")[0]  # named as the team whose figure it is
    assert any(c.line_start <= 10 <= c.line_end for c in ans.citations)  # the Total row is cited


@pytest.mark.parametrize("question,value", [
    ("What is the total WTE at Hillside?", "4.9"),
    ("What is the total headcount of the Market Town team?", "18"),
    ("What is the Hillside WTE for grade 6?", "2.6"),
])
def test_a_cell_is_read_under_its_own_group(workforce, question: str, value: str) -> None:
    ans = workforce.ask(question)
    assert ans.answered and ans.figures
    assert ans.figures[0].value == Decimal(value)
