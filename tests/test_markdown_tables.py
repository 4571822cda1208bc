"""A markdown table is a table (ingest.clean_line, `_pipe_cells`).

Notes exported from a wiki, or written by hand, set their tables as '| a | b |' rows under a '|---|---:|'
rule. Read as text, none of their figures could be looked up or added. The documents here are made up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import clean_line, read

from .conftest import assistant_over

NOTES = """# Carers strategy: budget

The carers' budget for the next two years is set out below.

| Service | 2024/25 | 2025/26 |
|:---|---:|---:|
| Short breaks | £410,000 | £430,000 |
| Carers' assessments | £215,000 | £220,000 |
| Training \\| peer support | £48,500 | £51,000 |
| **Total** | **£673,500** | **£701,000** |

The council will review the budget each spring | and report to the board.
"""


def test_rows_become_cells_and_line_numbers_stay(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    lines = read(tmp_path / "notes.md").lines
    assert len(lines) == len(NOTES.rstrip("\n").split("\n"))
    by_no = {ln.no: ln.text for ln in lines}
    assert by_no[5] == "Service\t2024/25\t2025/26"
    assert by_no[6].strip("\t") == ""  # the rule under the header: empty cells, still part of the table
    assert by_no[9] == "Training | peer support\t£48,500\t£51,000"
    assert by_no[10] == "Total\t£673,500\t£701,000"
    assert "\t" not in by_no[12]  # a sentence with a '|' in it is a sentence


@pytest.mark.parametrize("line", ["| only one cell |", "Page 3 | Annual report", "a | b | c"])
def test_lines_that_are_no_table_row_are_left_alone(line: str) -> None:
    assert clean_line(line) == line


@pytest.mark.parametrize("question,value,rows", [
    ("How much is budgeted for short breaks in 2025/26?", "430000", [{7}]),
    # the printed total, or the rows it totals added up
    ("What is the carers' budget in total for 2024/25?", "673500", [{10}, {7, 8, 9}]),
    ("By how much does the budget for carers' assessments rise from 2024/25 to 2025/26?", "5000", [{8}]),
    ("What do short breaks and carers' assessments add up to in 2024/25?", "625000", [{7, 8}]),
])
def test_figures_are_read_from_a_markdown_table(tmp_path: Path, question: str, value: str,
                                                rows: list[set[int]]) -> None:
    a = assistant_over(tmp_path, "notes.md", NOTES)
    ans = a.ask(question)
    assert ans.answered, ans.text
    assert any(f.value == Decimal(value) for f in ans.figures), ans.text
    cited = {c.line_start for c in ans.citations}
    assert any(r <= cited for r in rows), cited
