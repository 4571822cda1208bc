"""Running text set in columns on a page that also holds a table read without lines (pdf_layout._reading_order).

Such a page is rebuilt from where its words sit, and two columns put a line of each at the same height: read
across, every sentence of the left column ran into one of the right. The pages here are made up: an annual
report's two or three columns of text over (or under) a table, with a heading over both columns between two
stretches of them; and, as a guard, short entries either side of a gap ('Chair    Dr Amara Osei'), which stay
as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import Settings
from assistant.index import sync
from assistant.ingest import read

from .conftest import assistant_for

NURSING = ("Community nursing took 4,210 referrals in the year, up from 3,905 the year before. Waiting times for a "
           "first visit fell to six days after the service recruited eleven nurses in the autumn. It now covers "
           "every practice in the east of the county.")
STROKE = ("The stroke unit treated 612 patients. Thrombolysis rates rose to fourteen per cent, above the national "
          "average. The unit opened two more beds in March and plans a seven-day therapy rota from next April.")
FALLS = ("The falls team saw 1,180 people at home. Repeat falls among them fell by a fifth, and the team now "
         "visits care homes in the north of the county every week with a physiotherapist.")
HOSPICE = ("Hospice at home supported 320 families. Its night sitting service began in June and the charity that "
           "runs it raised a further £96,000 for it from local businesses during the year.")
TABLE = [["Service", "2022/23", "2023/24"], ["Community nursing", "£12,400", "£13,100"],
         ["Stroke unit", "£8,250", "£8,900"], ["Therapies", "£5,010", "£5,320"], ["Total", "£25,660", "£27,320"]]


def report_page(path: Path, columns: list[list[str]], table_first: bool = False, heading: str = "") -> Path:
    """One A4 page: stretches of text in len(columns[k]) columns (a heading over all of them before the
    second stretch), and a table with no lines under them (or over them)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Table

    body = getSampleStyleSheet()["BodyText"]
    width, top = A4[0] - 144, A4[1] - 72
    frames, story = [], []
    table_h = 130

    def table(y: float) -> None:
        frames.append(Frame(72, y - table_h, width, table_h, id=f"t{len(frames)}"))
        story.extend([Paragraph("Table 3: Spend by service (£000)", body), Table(TABLE, colWidths=[200, 90, 90]),
                      FrameBreak()])

    y = top
    if table_first:
        table(y)
        y -= table_h + 12
    for k, texts in enumerate(columns):
        if k and heading:
            frames.append(Frame(72, y - 30, width, 30, id=f"h{k}"))
            story.extend([Paragraph(heading, body), FrameBreak()])
            y -= 30
        n, gap, height = len(texts), 14, 150
        col = (width - gap * (n - 1)) / n
        for j, text in enumerate(texts):
            frames.append(Frame(72 + j * (col + gap), y - height, col, height, id=f"c{k}{j}"))
            story.extend([Paragraph(text, body), FrameBreak()])
        y -= height + 12
    if not table_first:
        table(y)
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate(id="page", frames=frames)])
    doc.build(story)
    return path


def page_text(path: Path) -> tuple[str, list[str]]:
    lines = [ln.text for ln in read(path).lines]
    return " ".join(ln for ln in lines if "\t" not in ln), [ln for ln in lines if "\t" in ln]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("columns,table_first,heading", [
    ([[NURSING, STROKE]], False, ""),
    ([[NURSING, STROKE]], True, ""),
    ([[NURSING, STROKE], [FALLS, HOSPICE]], False, "Services in the community"),
    ([[NURSING, STROKE, FALLS]], False, ""),
])
def test_columns_of_text_are_read_one_after_the_other(tmp_path: Path, columns: list[list[str]], table_first: bool,
                                                       heading: str) -> None:
    text, rows = page_text(report_page(tmp_path / "report.pdf", columns, table_first, heading))
    flat = squash(text)
    order = [p for stretch in columns for p in stretch]
    at = [flat.find(squash(p)) for p in order]
    assert all(i >= 0 for i in at), flat  # every column's text whole, none run into another's
    assert at == sorted(at)  # left to right, the stretch over the heading before the one under it
    if heading:
        assert flat.index(squash(STROKE)) < flat.index(heading) < flat.index(squash(FALLS))
    # the table is still read into its cells
    assert "Stroke unit\t£8,250\t£8,900" in rows and "Total\t£25,660\t£27,320" in rows


def test_short_entries_either_side_of_a_gap_stay_on_their_line(tmp_path: Path) -> None:
    """A board's members beside their roles, over a table: no running text either side, so each name stays
    with its role (the entries of a form: tests/test_pdf.py)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "board.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 780.0
    for role, name in [("Chair", "Dr Amara Osei"), ("Vice chair", "Tom Reilly"), ("Finance lead", "Priya Nair"),
                       ("Secretary", "Joan Hughes")]:
        c.drawString(60, y, role)
        c.drawString(300, y, name)
        y -= 16
    y -= 20
    for row in TABLE:
        c.drawString(60, y, row[0])
        c.drawRightString(360, y, row[1])
        c.drawRightString(450, y, row[2])
        y -= 16
    c.showPage()
    c.save()
    text, rows = page_text(path)
    assert {"Chair\tDr Amara Osei", "Vice chair\tTom Reilly", "Secretary\tJoan Hughes"} <= set(rows)
    assert "Therapies\t£5,010\t£5,320" in rows


@pytest.fixture(scope="module")
def report_assistant(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("columns")
    (root / "corpus").mkdir()
    report_page(root / "corpus" / "annual_report.pdf", [[NURSING, STROKE], [FALLS, HOSPICE]],
                heading="Services in the community")
    s = Settings(corpus=root / "corpus", index_dir=root / "index")
    sync(s, progress=False)
    return assistant_for(s.corpus, s.index_dir)


@pytest.mark.parametrize("question,said,not_said", [
    ("How many beds did the stroke unit open?", "opened two more beds in March", "eleven nurses"),
    ("When does the stroke unit plan to start a seven-day therapy rota?", "a seven-day therapy rota from next April", "six days"),
    ("How much did the charity raise for the hospice at home service?", "raised a further £96,000", "physiotherapist"),
])
def test_an_answer_from_a_column_quotes_that_column_only(report_assistant, question: str, said: str,  # type: ignore[no-untyped-def]
                                                         not_said: str) -> None:
    ans = report_assistant.ask(question)
    assert ans.answered, ans.text
    assert said in ans.text and not_said not in ans.text
    assert any(said.split()[-1] in c.quote for c in ans.citations)
