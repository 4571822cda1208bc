"""Running headers and footers: the plan's title, 'OFFICIAL', 'Page 3 of 12' printed in the margins of every
page are page furniture, not text: left out of the text and of the tables set apart by white space, so that a
table at the top of a page keeps its own header and a table that runs over a page break stays one table. A
title printed once, and a table's header printed again at the top of each page, stay. Every document here is
made up with reportlab."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_for

SCHEMES = ["home care", "reablement", "equipment", "carers' breaks", "telecare", "falls response", "discharge to assess",
           "housing adaptations", "dementia advisers", "care home support", "hospice at home", "patient transport"]


def _rows(n: int) -> list[list[str]]:
    return [[f"{SCHEMES[i % len(SCHEMES)].capitalize()} ({i // len(SCHEMES) + 1})", f"£{100 + 7 * i:,},000",
             f"£{112 + 9 * i:,},000"] for i in range(n)]


def furnished_pdf(path: Path, header: str, footer: str, rows: list[list[str]], ruled: bool = False,
                  prose: str = "") -> Path:
    """A plan whose pages carry a running header (left and right) and a numbered footer, with a heading, a
    sentence and a table of schemes long enough to run onto the next page (and a closing paragraph)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    left = styles["BodyText"].clone("l", fontSize=9, leading=11)
    right = left.clone("r", alignment=TA_RIGHT)
    width, height = A4

    def furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, height - 36, header)
        canvas.drawRightString(width - 60, height - 36, "OFFICIAL")
        canvas.drawCentredString(width / 2, 30, footer.format(page=doc.page))
        canvas.restoreState()

    data = [["Scheme", "2023-24", "2024-25"], *rows]
    cells = [[Paragraph(c, left if j == 0 else right) for j, c in enumerate(r)] for r in data]
    table = Table(cells, colWidths=[220, 90, 90], repeatRows=0)
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [Paragraph("Scheme budgets", styles["Heading2"]),
             Paragraph("The schemes are funded from the pooled budget as follows.", styles["BodyText"]), table]
    if prose:
        story.append(Paragraph(prose, styles["BodyText"]))
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=72, bottomMargin=72).build(
        story, onFirstPage=furniture, onLaterPages=furniture)
    return path


ROWS = _rows(44)
CASES = [("Anytown Better Care Fund Plan 2023-25", "Page {page} of 2"),
         ("Northshire Integrated Care Board | Commissioning Strategy", "- {page} -"),
         ("Joint Health and Wellbeing Board, 14 March 2024", "{page}")]


@pytest.mark.parametrize("header,footer", CASES)
@pytest.mark.parametrize("ruled", [False, True])
def test_running_headers_and_footers_are_not_text(tmp_path: Path, header: str, footer: str, ruled: bool) -> None:
    doc = read(furnished_pdf(tmp_path / "plan.pdf", header, footer, ROWS, ruled))
    assert max(ln.page or 0 for ln in doc.lines) >= 2  # the table runs onto a second page
    text = "\n".join(ln.text for ln in doc.lines)
    assert "OFFICIAL" not in text
    assert header.split()[0] not in text  # 'Anytown', 'Northshire', 'Joint'
    tables = [t for t in extract_tables(doc, segment(doc)) if t.rows]
    assert len(tables) == 1  # one table over the page break, its header found once
    t = tables[0]
    assert list(t.columns) == ["Scheme", "2023-24", "2024-25"]
    assert len([r for r in t.rows if r.role != "category"]) == len(ROWS)
    assert t.rows[-1].cells[2].value == Decimal(112_000 + 9_000 * (len(ROWS) - 1))


@pytest.mark.parametrize("question,row", [
    ("How much did the budget for Patient transport (3) change from 2023-24 to 2024-25?", 35),
    ("By how much does Hospice at home (3) rise between 2023-24 and 2024-25?", 34),
    ("What is the change in Falls response (4) funding from 2023-24 to 2024-25?", 41),
])
def test_a_row_overleaf_is_read_under_the_columns_of_page_one(tmp_path: Path, question: str, row: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    furnished_pdf(corpus / "plan.pdf", *CASES[0], ROWS)
    a = assistant_for(corpus, tmp_path / "index", 0.0)
    label = ROWS[row][0]
    ans = a.ask(question)
    assert ans.figures, ans.text
    fig = ans.figures[0]
    assert fig.value == Decimal(12_000 + 2_000 * row)  # (112 + 9i) - (100 + 7i) thousand
    assert {c.row for c in fig.cells} == {label}
    assert {c.column for c in fig.cells} == {"2023-24", "2024-25"}
    assert all((c.page or 0) >= 1 for c in ans.citations)
    assert not any("OFFICIAL" in c.quote or "Page " in c.quote for c in ans.citations)


def test_a_title_printed_once_and_a_header_printed_on_each_page_stay(tmp_path: Path) -> None:
    """Without a running header, the page's first line is text like any other: the title of the plan (printed
    once, at the top of page one) is kept; so is a table's header printed again at the top of the next page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    data = [["Scheme", "2023-24", "2024-25"], *ROWS]
    path = tmp_path / "plain.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=36, bottomMargin=36).build(
        [Paragraph("Westvale Better Care Fund Plan", styles["Title"]), Table(data, repeatRows=1)])
    doc = read(path)
    text = [ln.text for ln in doc.lines]
    assert any("Westvale Better Care Fund Plan" in x for x in text)
    page_two = [ln.text for ln in doc.lines if ln.page == 2]
    assert page_two and "2023-24" in page_two[0]  # the header printed again on page two is still there


@pytest.mark.parametrize("head", ["{chapter}  {number}", "{number} | {chapter}", "{chapter} — page {number}"])
def test_a_running_head_naming_its_chapter_beside_the_page_number_is_not_text(tmp_path: Path, head: str) -> None:
    """A book's running head names the chapter the page is in ('Chapter 2: Outcomes  14'): few pages share
    one, but every page prints its own number at an end of it (behind the PDF's page by the cover and contents
    pages before page 1). Such a line is furniture wherever its letters reach below the margin's band."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    chapters = ["Chapter 1: Funding", "Chapter 2: Outcomes", "Chapter 3: Workforce", "Chapter 4: Estates"]
    width, height = A4
    starts: dict[int, str] = {}

    def running_head(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback
        if doc.page <= 2:
            return  # the cover and the contents have no head
        chapter = [c for p, c in sorted(starts.items()) if p <= doc.page][-1]
        canvas.saveState()
        canvas.setFont("Helvetica", 11)
        canvas.drawString(60, height - 0.065 * height - 8, head.format(chapter=chapter, number=doc.page - 2))
        canvas.restoreState()

    class Marker(Paragraph):
        def __init__(self, chapter: str) -> None:
            super().__init__(chapter, styles["Heading1"])
            self.chapter = chapter

        def draw(self) -> None:
            starts.setdefault(self.canv.getPageNumber(), self.chapter)
            super().draw()

    def story() -> list:  # type: ignore[type-arg]
        out = [Paragraph("Northvale Trust Annual Report", styles["Title"]), PageBreak(),
               Paragraph("Contents", styles["Heading1"]), PageBreak()]
        for i, chapter in enumerate(chapters):
            out.append(Marker(chapter))
            for j in range(14 + 6 * i):
                out.append(Paragraph(f"Paragraph {j + 1} of {chapter.split(': ')[1].lower()}: the trust reported "
                                     f"progress on its plans for the year, with {j + 3} actions completed.",
                                     styles["BodyText"]))
            out.append(PageBreak())
        return out

    path = tmp_path / "report.pdf"
    # laid out once to learn the page each chapter starts on (a page's head is drawn before its text)
    SimpleDocTemplate(str(tmp_path / "draft.pdf"), pagesize=A4, topMargin=80, bottomMargin=72).build(story())
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=80, bottomMargin=72).build(
        story(), onFirstPage=running_head, onLaterPages=running_head)
    doc = read(path)
    text = "\n".join(ln.text for ln in doc.lines)
    assert max(ln.page or 0 for ln in doc.lines) >= 8
    for chapter in chapters:
        assert text.count(chapter) == 1, chapter  # its heading, once; never the running head
    assert "Paragraph 1 of estates" in text and "Northvale Trust Annual Report" in text
