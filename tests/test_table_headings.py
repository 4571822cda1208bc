"""A heading and a header row of their own under the rows of figures of a table start the next table, even
with no gap between them: a PDF set without rules prints the next section's heading ('2.4 Carers grant')
and its table's header ('Scheme | Budget 2024/25 | ...') where the rows above go on, so both arrive as rows of
the table above. A numbered heading is a heading ('2.4 Carers grant' is not 2.4 of something)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables
from assistant.types import Table

from .conftest import assistant_for

# two sections' tables printed one under the other, the heading and header of the second padded into the rows
# of the first (as an unruled PDF's lines arrive)
RUN_ON = """Community Services Plan 2025-26

2.3 Discharge support

Scheme\tBudget 2024/25\tPlan 2025/26\tChange
Home first beds\t£1,410,000\t£1,520,000\t£110,000
Discharge to assess\t£860,000\t£905,000\t£45,000
2.4 Carers grant\t\t\t
Scheme\tBudget 2024/25\tPlan 2025/26\tChange
Respite breaks\t£215,000\t£240,000\t£25,000
Carers' centre contract\t£132,500\t£132,500\t£0
"""

# a project's form rows in words, then its milestones under a heading of their own: one table, as before
FORM = """Project plan

Project 2\t\tHospital discharge\t
Lead\t\tA. Person\t
Risks\t\tWorkforce gaps\t
Milestones\t\t\t
Reference\tMilestone\tDate\tDependency
2.1\tProject board set up\tMay 25\t-
2.2\tGo-live\tOct 25\t2.1
"""


def _tables(tmp_path: Path, text: str) -> list[Table]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    return extract_tables(doc, segment(doc))


def test_a_heading_and_header_under_rows_of_figures_start_the_next_table(tmp_path: Path) -> None:
    tables = _tables(tmp_path, RUN_ON)
    assert len(tables) == 2
    first, second = tables
    assert [r.label for r in first.rows] == ["Home first beds", "Discharge to assess"]
    assert second.caption == "2.4 Carers grant"
    assert second.columns[:3] == ("Scheme", "Budget 2024/25", "Plan 2025/26")
    assert [r.label for r in second.rows] == ["Respite breaks", "Carers' centre contract"]
    assert second.rows[0].cells[2].value == Decimal(240000)


def test_form_rows_in_words_over_a_header_stay_one_table(tmp_path: Path) -> None:
    tables = _tables(tmp_path, FORM)
    assert len(tables) == 1
    assert any("Project 2" in r.path() for r in tables[0].rows)


@pytest.fixture(scope="module")
def run_on(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("run_on")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "services_plan.txt").write_text(RUN_ON, encoding="utf-8")
    return assistant_for(tmp / "corpus", tmp / "index", 0.0)


@pytest.mark.parametrize("question,value,line", [
    ("What is the 2025/26 plan for respite breaks?", Decimal(240000), 10),
    ("How much is planned for the carers' centre contract in 2025/26?", Decimal(132500), 11),
    ("What was the 2024/25 budget for respite breaks?", Decimal(215000), 10),
])
def test_a_row_of_the_second_table_is_read_under_its_own_header(run_on, question: str, value: Decimal,
                                                                 line: int) -> None:
    ans = run_on.ask(question)
    assert ans.answered and ans.figures
    assert ans.figures[0].value == value
    assert any(c.line_start <= line <= c.line_end for c in ans.citations)


def _unruled_sections(path: Path) -> Path:
    """Two sections' tables on one page with no rules and no extra space: labels at the left margin, figures
    right-aligned under their headers, the second section's heading set like a row label."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 780, "Community Services Plan 2025-26")
    c.setFont("Helvetica", 9)
    c.drawString(60, 756, "2.3 Discharge support")
    edges = (330, 420, 500)
    lines: list[list[str]] = [
        ["Scheme", "Budget 2024/25", "Plan 2025/26", "Change"],
        ["Home first beds", "£1,410,000", "£1,520,000", "£110,000"],
        ["Discharge to assess", "£860,000", "£905,000", "£45,000"],
        ["2.4 Carers grant"],
        ["Scheme", "Budget 2024/25", "Plan 2025/26", "Change"],
        ["Respite breaks", "£215,000", "£240,000", "£25,000"],
        ["Carers' centre contract", "£132,500", "£132,500", "£0"],
    ]
    y = 736.0
    for row in lines:
        c.drawString(60, y, row[0])
        for text, x in zip(row[1:], edges, strict=False):
            c.drawRightString(x, y, text)
        y -= 16
    c.showPage()
    c.save()
    return path


def test_an_unruled_pdf_section_heading_starts_the_next_table(tmp_path: Path) -> None:
    doc = read(_unruled_sections(tmp_path / "plan.pdf"))
    tables = extract_tables(doc, segment(doc))
    carers = [t for t in tables if any(r.label == "Respite breaks" for r in t.rows)]
    assert len(carers) == 1
    t = carers[0]
    assert "2.4 Carers grant" in t.caption
    assert not any(r.label.startswith("2.4") or "Scheme" in r.path() for r in t.rows)
    assert any("Plan 2025/26" in c for c in t.columns)
