"""PDFs as they are printed: tables set apart by white space alone (no ruling), cells that wrap onto
several lines, headers over two lines, and running text wrapped at the page width. Every document is made
up here with reportlab; the same mechanisms are measured on 1,663 questions over rendered extracts by
bench/pdf.py."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.index import load_index, sync
from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_for


def unruled_page(path: Path, header: list[str], rows: list[list[str]], intro: str = "", size: float = 9,
                 right_edges: tuple[float, ...] = (360, 450)) -> Path:
    """One page: a heading, a sentence, then a table drawn word by word with no lines: labels at the left
    margin, figures right-aligned under their headers (canvas drawString / drawRightString)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, y, "Better Care Fund: community services budget")
    y -= 24
    c.setFont("Helvetica", 10)
    if intro:
        c.drawString(60, y, intro)
        y -= 22
    c.setFont("Helvetica", size)
    for text, x in zip(header, right_edges, strict=False):
        c.drawRightString(x, y, text)
    y -= size * 1.8
    for row in rows:
        c.drawString(60, y, row[0])
        for text, x in zip(row[1:], right_edges, strict=False):
            c.drawRightString(x, y, text)
        y -= size * 1.8
    c.showPage()
    c.save()
    return path


ROWS = [["Home care packages", "£1,200,000", "£1,350,000"], ["Equipment loans", "£310,000", "£295,000"],
        ["Carers' breaks", "£88,500", "£91,000"], ["Total", "£1,598,500", "£1,736,000"]]


def test_an_unruled_table_is_read_into_cells(tmp_path: Path) -> None:
    pdf = unruled_page(tmp_path / "budget.pdf", ["2020-21", "2021-22"], ROWS, "The budget is split as follows:")
    doc = read(pdf)
    tab_lines = [ln.text for ln in doc.lines if "\t" in ln.text]
    assert tab_lines[0] == "\t2020-21\t2021-22"
    assert "Equipment loans\t£310,000\t£295,000" in tab_lines
    tables = extract_tables(doc, segment(doc))
    assert len(tables) == 1
    t = tables[0]
    assert [r.label for r in t.rows] == ["Home care packages", "Equipment loans", "Carers' breaks", "Total"]
    assert t.rows[-1].role == "total"
    assert t.rows[1].cells[2].value == Decimal(295000)


def test_a_section_row_and_a_column_without_a_header(tmp_path: Path) -> None:
    """A section's name alone on its line stays a row of the table; a total with no label keeps its
    figures in their columns."""
    rows = [["Staffing:"], ["Social workers", "412", "430"], ["Occupational therapists", "96", "101"],
            ["", "508", "531"]]
    doc = read(unruled_page(tmp_path / "staff.pdf", ["March 2020", "March 2021"], rows))
    tab_lines = [ln.text for ln in doc.lines if "\t" in ln.text]
    assert tab_lines == ["\tMarch 2020\tMarch 2021", "Staffing:\t\t", "Social workers\t412\t430",
                         "Occupational therapists\t96\t101", "\t508\t531"]


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_label_wrapped_over_two_lines_is_one_row(tmp_path: Path, valign: str) -> None:
    """A label too long for its column wraps; wherever the figures sit (beside its first line, its middle or
    its last), the row is one row with the whole label."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    left = styles["BodyText"].clone("l", fontSize=8, leading=9.5)
    right = left.clone("r", alignment=TA_RIGHT)
    data = [["", "2019/20", "2020/21"],
            ["Reablement", "£640,000", "£655,000"],
            ["Disabled facilities grant adaptations delivered through the home improvement agency", "£2,100,000",
             "£2,240,000"],
            ["Falls prevention", "£75,000", "£80,000"]]
    cells = [[Paragraph(c, left if j == 0 else right) for j, c in enumerate(r)] for r in data]
    table = Table(cells, colWidths=[150, 90, 90])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), valign)]))
    path = tmp_path / f"wrapped-{valign.lower()}.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Schemes funded", styles["Heading2"]), table])
    tab_lines = [ln.text for ln in read(path).lines if "\t" in ln.text]
    assert tab_lines == [
        "\t2019/20\t2020/21", "Reablement\t£640,000\t£655,000",
        "Disabled facilities grant adaptations delivered through the home improvement agency\t£2,100,000\t£2,240,000",
        "Falls prevention\t£75,000\t£80,000"]


def test_a_header_wrapped_over_lines_is_one_header(tmp_path: Path) -> None:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    left = styles["BodyText"].clone("l", fontSize=8, leading=9.5)
    right = left.clone("r", alignment=TA_RIGHT)
    data = [["Measure", "Non-elective admissions per 100,000", "Delayed days per day"],
            ["Baseline", "9,120", "31.8"], ["Plan", "8,890", "28.0"], ["Actual", "9,005", "33.4"]]
    table = Table([[Paragraph(c, left if j == 0 else right) for j, c in enumerate(r)] for r in data],
                  colWidths=[120, 80, 80])
    path = tmp_path / "metrics.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    tab_lines = [ln.text for ln in read(path).lines if "\t" in ln.text]
    assert tab_lines[0] == "Measure\tNon-elective admissions per 100,000\tDelayed days per day"
    assert tab_lines[1:] == ["Baseline\t9,120\t31.8", "Plan\t8,890\t28.0", "Actual\t9,005\t33.4"]


def wrapped_text_pdf(path: Path, paragraphs: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("j", alignment=4)  # justified: spaces stretched to the margin
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(p, body) for p in paragraphs])
    return path


RUNNING = [
    "In 2019 the partnership spent £4.2m on reablement, 12% more than in 2018, and it expects to spend a "
    "further 3% in 2020 as the service extends to 1,400 more people across 6 localities and 2 hospitals.",
    "Delayed transfers of care fell by 18% between April and September, from 31.8 to 26.1 average daily "
    "delays, after the discharge to assess pathway opened on 1 May in all 4 acute trusts of the county.",
]


def test_running_text_with_figures_is_no_table(tmp_path: Path) -> None:
    """Justified paragraphs full of figures stretch their spaces, but never into a table."""
    doc = read(wrapped_text_pdf(tmp_path / "narrative.pdf", RUNNING))
    assert not any("\t" in ln.text for ln in doc.lines)
    assert len([ln for ln in doc.lines if ln.text.strip()]) >= 4  # wrapped: more lines than paragraphs


@pytest.fixture(scope="module")
def pdf_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    tmp = tmp_path_factory.mktemp("pdfcorpus")
    corpus = tmp / "corpus"
    corpus.mkdir()
    unruled_page(corpus / "budget.pdf", ["2020-21", "2021-22"], ROWS, "The budget is split as follows:")
    wrapped_text_pdf(corpus / "narrative.pdf", RUNNING + [
        "The discharge to assess pathway is run by the community health trust together with the county "
        "council's reablement service, which assesses people at home within 48 hours of leaving hospital "
        "rather than on the ward."])
    s = Settings(corpus=corpus, index_dir=tmp / "index", min_confidence=0.0)
    sync(s, progress=False)
    return Assistant(s, index=load_index(s))


@pytest.mark.parametrize("question,raw", [
    ("What is the equipment loans budget for 2021-22?", "£295,000"),
    ("How much is planned for carers' breaks in 2020-21?", "£88,500"),
    ("What was the home care packages budget in 2021-22?", "£1,350,000"),
])
def test_a_figure_from_an_unruled_pdf_table_is_cited_to_its_page_and_line(pdf_assistant: Assistant, question: str,
                                                                           raw: str) -> None:
    ans = pdf_assistant.ask(question)
    assert ans.answered and raw in ans.text
    doc = read(pdf_assistant.settings.corpus / "budget.pdf")
    line = next(ln for ln in doc.lines if raw in ln.text)
    assert any(c.doc == "budget.pdf" and c.page == 1 and c.line_start <= line.no <= c.line_end for c in ans.citations)


@pytest.mark.parametrize("question,tail", [
    ("Who runs the discharge to assess pathway?", "rather than on the ward"),
    ("When does the reablement service assess people after they leave hospital?", "within 48 hours"),
])
def test_a_sentence_wrapped_over_lines_is_answered_whole(pdf_assistant: Assistant, question: str, tail: str) -> None:
    """The answer is the whole sentence, not its first line; its citation spans the lines it covers."""
    ans = pdf_assistant.ask(question)
    assert ans.answered and tail in ans.text and "community health trust" in ans.text
    cite = next(c for c in ans.citations if c.doc == "narrative.pdf")
    assert cite.line_end > cite.line_start


def text_table_pdf(path: Path, lead_in: str) -> Path:
    """A lead-in long enough to wrap, then a table of text columns and one column of amounts, no lines:
    descriptions wrap within their column, columns close together (as plans print scheme tables)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("c", fontSize=8, leading=9.5)
    data = [["Scheme", "Expected output", "Cost", "Notes"],
            ["Hospital discharge brokerage", "c20 referrals a month", "£64,000",
             "Seven day service at both acute sites, started in the autumn"],
            ["Night sitting service", "1,200 nights", "£118,250", "Average of £98.54 a night"],
            ["Trusted assessor posts", "2 posts", "£71,400", "Shared with the community trust"]]
    table = Table([[Paragraph(c, cell) for c in r] for r in data], colWidths=[120, 100, 60, 170])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(lead_in, styles["BodyText"]), table])
    return path


LEAD_IN = ("The winter resilience money is planned over the five months from November to March so that the "
           "partnership board agrees every scheme first:")


def test_a_table_of_text_columns_is_read_by_the_white_space_down_it(tmp_path: Path) -> None:
    """Columns of wrapped text sit too close for a gap in one line to tell them apart; the white space
    that runs down every line of the table does."""
    doc = read(text_table_pdf(tmp_path / "winter.pdf", LEAD_IN))
    rows = [ln.text.split("\t") for ln in doc.lines if "\t" in ln.text]
    assert rows[0] == ["Scheme", "Expected output", "Cost", "Notes"]
    assert rows[1] == ["Hospital discharge brokerage", "c20 referrals a month", "£64,000",
                       "Seven day service at both acute sites, started in the autumn"]
    assert rows[2] == ["Night sitting service", "1,200 nights", "£118,250", "Average of £98.54 a night"]
    assert len(rows) == 4


def test_a_lead_in_wrapped_over_lines_is_the_whole_caption(tmp_path: Path) -> None:
    doc = read(text_table_pdf(tmp_path / "winter.pdf", LEAD_IN))
    t = extract_tables(doc, segment(doc))[0]
    assert t.caption == LEAD_IN
    first = next(ln.no for ln in doc.lines if ln.text.startswith("The winter resilience"))
    assert t.caption_line == first


def two_page_table(path: Path) -> Path:
    """A table that runs over a page break: its header and first rows end page 1, the rest start page 2
    with no header (as a long scheme list prints)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 800.0
    for i in range(40):  # running text filling the page
        c.drawString(60, y, f"Paragraph line {i + 1} of the plan's narrative about locality working and its teams.")
        y -= 15
    rows = [("Falls response", "£120,000", "£126,000"), ("Social prescribing", "£95,000", "£99,750"),
            ("Community equipment", "£410,000", "£430,500"), ("Carers' support", "£60,000", "£63,000"),
            ("Dementia advisers", "£48,000", "£50,400"), ("Hospital at home", "£210,000", "£220,500")]
    c.setFont("Helvetica", 9)
    c.drawString(60, y, "Schemes monitored:")
    y -= 18
    c.drawRightString(360, y, "2017/18")
    c.drawRightString(450, y, "2018/19")
    y -= 16
    for label, a, b in rows[:3]:
        c.drawString(60, y, label)
        c.drawRightString(360, y, a)
        c.drawRightString(450, y, b)
        y -= 16
    c.showPage()
    c.setFont("Helvetica", 9)
    y = 800.0
    for label, a, b in rows[3:]:
        c.drawString(60, y, label)
        c.drawRightString(360, y, a)
        c.drawRightString(450, y, b)
        y -= 16
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 20, "Each scheme reports quarterly to the partnership board.")
    c.showPage()
    c.save()
    return path


def test_a_table_over_a_page_break_is_one_table(tmp_path: Path) -> None:
    """The rows at the top of page 2 go on with the table that ends page 1: one table, with the header of
    page 1, whose rows keep their own pages (so a sum or a count runs over all of them, and a row is cited
    where it is printed)."""
    doc = read(two_page_table(tmp_path / "schemes.pdf"))
    tables = [t for t in extract_tables(doc, segment(doc)) if t.rows and t.columns]
    t = next(t for t in tables if any(r.label == "Falls response" for r in t.rows))
    assert [r.label for r in t.rows] == ["Falls response", "Social prescribing", "Community equipment",
                                         "Carers' support", "Dementia advisers", "Hospital at home"]
    assert [r.page_in(t) for r in t.rows] == [1, 1, 1, 2, 2, 2]
    assert "2018/19" in t.columns[2] and any("page 2" in n for n in t.notes)

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "schemes.pdf").write_bytes((tmp_path / "schemes.pdf").read_bytes())
    s = Settings(corpus=corpus, index_dir=tmp_path / "index", min_confidence=0.0)
    sync(s, progress=False)
    a = Assistant(s, index=load_index(s))
    ans = a.ask("How much is planned for dementia advisers in 2018/19?")
    assert "£50,400" in ans.text and "£48,000" not in ans.text
    assert any(c.page == 2 and "Dementia" in c.quote for c in ans.citations)
    total = next(f for f in a.ask("What do the monitored schemes add up to in 2018/19?").figures if f.op == "sum")
    assert total.value == Decimal("990150") and len(total.cells) == 6


def test_running_text_in_two_columns_is_no_table(tmp_path: Path) -> None:
    """A leaflet's two columns of text, figures in the text: white space runs down the page between the
    columns, but both hold long lines of words, so neither is a table's column."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    path = tmp_path / "leaflet.pdf"
    doc = BaseDocTemplate(str(path), pagesize=A4)
    width = (A4[0] - 2 * 72 - 12) / 2
    doc.addPageTemplates([PageTemplate(id="two", frames=[Frame(72, 72, width, A4[1] - 144, id="left"),
                                                         Frame(72 + width + 12, 72, width, A4[1] - 144, id="right")])])
    body = getSampleStyleSheet()["BodyText"]
    doc.build([Paragraph(" ".join(RUNNING * 3), body) for _ in range(5)])
    lines = read(path).lines
    assert not any("\t" in ln.text for ln in lines)
    assert any("£4.2m" in ln.text for ln in lines)


def _ruled_rows(c, rows: list[tuple[str, ...]], top: float, widths: tuple[float, ...] = (200, 90, 90)) -> None:  # type: ignore[no-untyped-def]
    """Rows drawn as a ruled grid from `top` down (one 18-point line per row)."""
    x0 = 60.0
    for i, row in enumerate(rows):
        y = top - 18 * (i + 1)
        x = x0
        for w, text in zip(widths, row, strict=True):
            c.rect(x, y, w, 18)
            c.drawString(x + 4, y + 5, text)
            x += w


def test_a_header_alone_at_the_foot_of_a_page_names_the_rows_overleaf(tmp_path: Path) -> None:
    """A ruled table whose header row is printed alone at the foot of page 1 (its rows start page 2): the rows
    take that header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "changes.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    for i in range(44):
        c.drawString(60, 800 - 15 * i, f"Narrative line {i + 1} about the discharge programme and its partners.")
    _ruled_rows(c, [("Change", "Now", "By March")], top=110)
    c.showPage()
    c.setFont("Helvetica", 10)
    _ruled_rows(c, [("Early discharge planning", "Established", "Established"),
                    ("Trusted assessors", "Plans in place", "Established"),
                    ("Seven-day services", "Plans in place", "Plans in place")], top=800)
    c.drawString(60, 700, "\u2022 Each change is reviewed by the discharge board.")
    c.showPage()
    c.save()
    doc = read(path)
    t = next(t for t in extract_tables(doc, segment(doc)) if any(r.label == "Trusted assessors" for r in t.rows))
    assert t.columns[1:] == ("Now", "By March") and len(t.rows) == 3


@pytest.mark.parametrize("raw,clean", [
    ("(cid:127) Robust discharge (cid:127) Red bag scheme", "\u2022 Robust discharge \u2022 Red bag scheme"),
    ("Total(cid:3)\t£4,000", "Total \t£4,000"),
    ("No glyphs here\t12", "No glyphs here\t12"),
])
def test_glyphs_a_font_does_not_map_are_not_read_as_text(raw: str, clean: str) -> None:
    """pdfplumber writes '(cid:N)' for a glyph its font does not map: 127 is the standard fonts' bullet; any
    other is dropped, never read as words or a number."""
    from assistant.ingest import _glyphs

    assert _glyphs(raw) == clean


@pytest.mark.parametrize("question", [
    "Which library services are reported on for the grant?",
    "What are the library services we report on under the grant?",
    "List the library services reported under the grant.",
])
def test_a_list_whose_lead_in_ends_a_page_goes_on_at_the_top_of_the_next(tmp_path: Path, question: str) -> None:
    """The lead-in is the last line of page 1 and its items are the first lines of page 2: the answer holds the
    items, each cited to page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    items = ["1. Home delivery of books", "2. Mobile library visits to villages",
             "3. Reading groups for carers", "4. Digital skills sessions"]
    story = [Paragraph("The county reports on its progress to the cabinet every quarter.", styles["BodyText"]),
             Paragraph("There are four library services we report on as part of the grant. These are:", styles["BodyText"]),
             PageBreak(), *[Paragraph(x, styles["BodyText"]) for x in items],
             Paragraph("Every service says how many residents it reached and at what cost.", styles["BodyText"])]
    SimpleDocTemplate(str(corpus / "library.pdf"), pagesize=A4).build(story)
    ans = assistant_for(corpus, tmp_path / "index").ask(question)
    assert all(x.split(". ", 1)[1] in ans.text for x in items), ans.text
    assert {c.page for c in ans.citations if "Mobile library" in c.quote} == {2}


def test_a_wrapped_lead_in_and_wrapped_items_are_read_whole(tmp_path: Path) -> None:
    """A lead-in and list items that wrap at the page width: the lead-in is matched whole (its first line
    names the subject), each item is one item however many lines it takes, and the paragraph after the
    list is not an item."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    items = ["- That carers who are offered a short break early stay in their caring role for longer and report "
             "less strain in the annual survey",
             "- That a single assessment shared between the council and the community trust avoids repeated "
             "visits to the same household in the first month",
             "- The importance of a named worker"]
    story = [Paragraph("The proposal builds on the findings of the carers pilot run in the north of the county in "
                       "2019-20, which showed a number of lessons in particular:", body),
             *[Paragraph(x, body) for x in items],
             Paragraph("The pilot will be evaluated again by the university in the spring.", body)]
    SimpleDocTemplate(str(corpus / "carers.pdf"), pagesize=A4).build(story)
    a = assistant_for(corpus, tmp_path / "index")
    doc = read(corpus / "carers.pdf")
    assert sum(1 for ln in doc.lines if ln.text.strip()) >= 7, "the lead-in and two items wrap"
    for question in ("What lessons did the carers pilot show?", "What did the 2019-20 carers pilot show?"):
        ans = a.ask(question)
        assert "annual survey" in ans.text and "first month" in ans.text and "named worker" in ans.text, ans.text
        assert "university" not in ans.text


def test_pdf_headings_by_width_and_after_a_caption(tmp_path: Path) -> None:
    """In a PDF the first line of a wrapped paragraph fills the page width: it is never a heading, however
    title-like its words; a short title line after a figure caption is one, and the items under it carry it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    paras = ["The partnership board agreed the outline business case for the new service in the spring.",
             "The Multi Disciplinary Team Could Be Developed Further In The Medium Term To Include Consultant "
             "geriatricians, pharmacists and social workers from the council.",
             "Figure 5 - Rapid response pathway", "Key elements", "Single point of referral",
             "- One countywide telephone number for every professional referral, answered by a clinician.",
             "- Night cover from 21:00 to 07:30 is provided by the community night teams.",
             *[f"Paragraph {i} of the running text says more about the pathway and the teams that deliver it, "
               f"with enough words to fill the page width." for i in range(6)]]
    SimpleDocTemplate(str(tmp_path / "pathway.pdf"), pagesize=A4).build([Paragraph(p, body) for p in paras])
    doc = read(tmp_path / "pathway.pdf")
    blocks = segment(doc)
    headings = [doc.lines[b.start].text.strip() for b in blocks if b.kind == "heading"]
    assert not any(h.startswith("The Multi Disciplinary") for h in headings), headings
    night = next(b for b in blocks if any("21:00" in ln.text for ln in b.lines(doc)))
    assert night.heading[-2:] == ("Key elements", "Single point of referral"), night.heading


def words_table_pdf(path: Path, header: list[str], rows: list[list[str]], xs: tuple[float, ...]) -> Path:
    """A heading, a sentence, then a table whose cells are all words or dates (no figures), drawn with no
    lines: each column starts at its own x."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 780, "Current contracts")
    c.setFont("Helvetica", 10)
    c.drawString(60, 756, "The services below are let to these providers until the dates shown.")
    y = 730.0
    for row in [header, *rows]:
        for text, x in zip(row, xs, strict=True):
            c.drawString(x, y, text)
        y -= 16
    c.drawString(60, y - 10, "Each contract is reviewed by the council six months before it ends.")
    c.showPage()
    c.save()
    return path


CONTRACTS = [["Mobile library", "Bookbus Ltd", "Mar-24"], ["School meals", "Fresh Plate Co", "Sep-23"],
             ["Grounds maintenance", "Green Spaces Trust", "Jun-25"], ["Pest control", "Northern Pest Services", "Dec-24"]]


@pytest.mark.parametrize("xs", [(60, 220, 420), (60, 250, 470), (70, 200, 380)])
def test_an_unruled_table_of_words_and_dates_is_read_into_cells(tmp_path: Path, xs: tuple[float, ...]) -> None:
    doc = read(words_table_pdf(tmp_path / "contracts.pdf", ["Service", "Provider", "Contract expires"], CONTRACTS, xs))
    rows = [ln.text.split("\t") for ln in doc.lines if "\t" in ln.text]
    assert rows == [["Service", "Provider", "Contract expires"], *CONTRACTS]
    # the sentences above and below stay sentences
    assert any(ln.text.startswith("Each contract is reviewed") and "\t" not in ln.text for ln in doc.lines)
    t = extract_tables(doc, segment(doc))[0]
    assert [r.label for r in t.rows] == [r[0] for r in CONTRACTS]


@pytest.mark.parametrize("question", ["Which month does the mobile library contract end?",
                                      "Who provides grounds maintenance?",
                                      "Until when is the pest control contract let?"])
def test_a_cell_of_an_unruled_table_of_words_answers_its_row(tmp_path: Path, question: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    words_table_pdf(corpus / "contracts.pdf", ["Service", "Provider", "Contract expires"], CONTRACTS, (60, 220, 420))
    a = assistant_for(corpus, tmp_path / "index")
    ans = a.ask(question)
    want = {"library": "Mar-24", "grounds": "Green Spaces Trust", "pest": "Dec-24"}
    key = next(k for k in want if k in question.lower())
    assert ans.answered and want[key] in ans.text
    assert any(c.doc == "contracts.pdf" and c.page == 1 for c in ans.citations)


def wrapped_scheme_table(path: Path, widths: tuple[float, ...]) -> Path:
    """A table without lines whose three text columns wrap onto two or three lines in every row, beside two
    columns of amounts (as plans print their project lists)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("c", fontSize=8, leading=9.5)
    data = [["Project", "Theme", "Funded by", "2022/23", "2023/24"],
            ["Evening youth club sessions", "Young people and families", "Town council grant", "£42,000", "£44,500"],
            ["Riverside footpath repairs in three wards", "Parks and open spaces", "Capital programme",
             "£187,250", "£96,400"],
            ["Library digital skills classes", "Learning and skills", "Lottery heritage fund",
             "£18,000", "£19,300"]]
    table = Table([[Paragraph(c, cell) for c in r] for r in data], colWidths=list(widths))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("The schemes funded this year are listed below.", styles["BodyText"]), table])
    return path


@pytest.mark.parametrize("widths", [(55, 55, 50, 60, 60), (50, 60, 50, 60, 60), (60, 50, 45, 60, 60)])
def test_cells_of_words_wrapped_beside_figures_stay_in_their_row(tmp_path: Path, widths: tuple[float, ...]) -> None:
    # the second and third lines of a row's wrapped cells are three short cells of words: they must not be
    # read as rows of their own (which a table of words would make them)
    doc = read(wrapped_scheme_table(tmp_path / "projects.pdf", widths))
    t = extract_tables(doc, segment(doc))[0]
    body = [r for r in t.rows if any(c.kind == "money" for c in r.cells)]
    assert len(body) == 3 and len(t.rows) == 3
    paths = next(r for r in body if "Riverside" in r.label)
    assert "three wards" in paths.label
    assert [c.value for c in paths.cells if c.kind == "money"] == [Decimal(187250), Decimal(96400)]


def _ruled_cells(c, x0: float, top: float, widths: tuple[float, ...], cells: tuple[str, ...], lines: int = 1) -> float:  # type: ignore[no-untyped-def]
    """One ruled row whose cells may hold several lines ('\\n' in a cell's text); returns the row's bottom."""
    height = 12.0 * lines + 6
    x = x0
    for w, text in zip(widths, cells, strict=True):
        c.rect(x, top - height, w, height)
        for k, part in enumerate(text.split("\n")):
            c.drawString(x + 3, top - 12 - 12 * k, part)
        x += w
    return top - height


CHANGES = [("Early discharge", "Established", "Established", "Daily board rounds and\nplans made on admission"),
           ("Patient flow", "Plans in place", "Established", "Live bed dashboards"),
           ("Trusted assessors", "Plans in place", "Plans in place", "One assessment for care homes"),
           ("Seven-day services", "Established", "Established", "Weekend therapy cover"),
           ("Focus on choice", "Plans in place", "Established", "A choice leaflet for every patient")]


def changes_over_three_pages(path: Path, running: bool = False) -> Path:
    """A ruled table of text over three pages, as a word processor prints one: the header and first row end
    page 1, the first row's last cell goes on at the top of page 2 (the row is broken by the page break),
    more rows fill page 2 and the last ones start page 3. The header is printed once. `running`: every page
    has a running title at its head and its number at its foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    class Paged(canvas.Canvas):
        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            if running:
                self.setFont("Helvetica", 8)
                self.drawString(60, 825, "Discharge programme: plan for 2019-20")
                self.drawString(280, 20, f"Page {self.getPageNumber()}")
            super().showPage()

    widths = (110, 80, 80, 200)
    c = Paged(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    for i in range(42):
        c.drawString(60, 800 - 15 * i, f"Narrative line {i + 1} about the discharge programme and its partners.")
    c.drawString(60, 800 - 15 * 42, "Table 3: Where each change stands")
    c.setFont("Helvetica", 8)
    y = _ruled_cells(c, 60, 800 - 15 * 42 - 6, widths, ("Change", "Now", "By March 2020", "Key work"))
    first = CHANGES[0]
    _ruled_cells(c, 60, y, widths, (*first[:3], first[3].split("\n")[0]))
    c.showPage()
    c.setFont("Helvetica", 8)
    y = _ruled_cells(c, 60, 800, widths, ("", "", "", first[3].split("\n")[1]))
    for row in CHANGES[1:3]:
        y = _ruled_cells(c, 60, y, widths, row)
    c.showPage()
    c.setFont("Helvetica", 8)
    y = 800.0
    for row in CHANGES[3:]:
        y = _ruled_cells(c, 60, y, widths, row)
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 30, "The discharge board reviews each change every quarter.")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("running", [False, True])
def test_a_ruled_table_over_three_pages_with_a_row_broken_by_a_page_break_is_one_table(tmp_path: Path,
                                                                                        running: bool) -> None:
    """One table, header from page 1, every row once; the broken row's two pieces are one row, cited on the
    page where it starts; a running title and page numbers between the parts do not split it."""
    doc = read(changes_over_three_pages(tmp_path / "changes.pdf", running))
    t = next(t for t in extract_tables(doc, segment(doc)) if any(r.label == "Early discharge" for r in t.rows))
    assert [r.label for r in t.rows] == [row[0] for row in CHANGES]
    assert [r.page_in(t) for r in t.rows] == [1, 2, 2, 3, 3]
    assert t.columns[1:3] == ("Now", "By March 2020")
    assert t.rows[0].cells[3].text == "Daily board rounds and plans made on admission"


@pytest.mark.parametrize("question", [
    "How many changes should reach Established by March 2020?",
    "By March 2020, how many changes will be Established?",
    "Count the changes that should be Established in March 2020.",
])
def test_a_count_runs_over_every_page_of_a_table(tmp_path: Path, question: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    changes_over_three_pages(corpus / "changes.pdf")
    s = Settings(corpus=corpus, index_dir=tmp_path / "index", min_confidence=0.0)
    sync(s, progress=False)
    ans = Assistant(s, index=load_index(s)).ask(question)
    count = next(f for f in ans.figures if f.op == "count")
    assert count.value == Decimal(4)  # Early discharge, Patient flow, Seven-day services, Focus on choice


def narrow_columns(path: Path) -> Path:
    """A ruled table whose narrow columns cut a header word and a figure over two lines ('Expendi' /
    'ture', '£151,20' / '2'), as a word processor does when one word is wider than its column."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    prose = ["Expenditure on the schemes below is agreed by the partnership board each spring.",
             "Total expenditure rose this year; expenditure on falls response rose most.",
             "Strategic support is funded from the social care grant."]
    for i, line in enumerate(prose):
        c.drawString(60, 800 - 15 * i, line)
    c.setFont("Helvetica", 8)
    widths = (120, 42, 42)
    y = _ruled_cells(c, 60, 740, widths, ("Scheme", "2017/18\nExpendi\nture (£)", "2018/19\nExpendi\nture (£)"), 3)
    for row in [("Falls response", "£151,20\n2", "£158,76\n2"), ("Str\nategic support", "£98,000", "£101,500"),
                ("Home first", "£253,50\n0", "£338,00\n0")]:
        y = _ruled_cells(c, 60, y, widths, row, 2)
    c.showPage()
    c.save()
    return path


def test_words_and_figures_a_narrow_column_cut_are_read_whole(tmp_path: Path) -> None:
    doc = read(narrow_columns(tmp_path / "narrow.pdf"))
    t = next(t for t in extract_tables(doc, segment(doc)) if t.rows)
    assert t.columns[1:] == ("2017/18 Expenditure (£)", "2018/19 Expenditure (£)")
    assert [r.label for r in t.rows] == ["Falls response", "Strategic support", "Home first"]
    assert [c.value for c in t.rows[0].cells[1:]] == [Decimal(151202), Decimal(158762)]
    assert [c.value for c in t.rows[2].cells[1:]] == [Decimal(253500), Decimal(338000)]


@pytest.mark.parametrize("a,b,joined", [
    ("Expendi", "ture (£)", "Expenditure (£)"),  # the whole word printed elsewhere; the pieces only here
    ("in", "to", "in to"),  # two words, each printed on its own
    ("£151,20", "2", "£151,202"),  # a thousands group of two digits is cut
    ("£151,202", "2019", "£151,202 2019"),  # a whole figure, then another
    ("Care", "home", "Care home"),  # no 'carehome' in the document
    ("1,2", "34.5", "1,234.5"),
    # a word the document prints only cut (every row of a scorecard): whole when English has it and not the piece
    ("Act", "ual", "Actual"),
    ("Jun", "e", "June"),
    ("Commis", "sioner", "Commissioner"),
    ("with", "in", "with in"),  # two English words
    ("data", "set", "data set"),
])
def test_join_wrapped(a: str, b: str, joined: str) -> None:
    from assistant.pdf_layout import Words, join_wrapped

    words = Words.of(["Expenditure is set each year; expenditure on care in the home is into its third year.",
                      "The board reports to the council and to the trust.",
                      "Expendi", "ture", "in to"])
    words.add_cuts("Expendi\nture (£)")
    words.add_cuts("in\nto")
    assert join_wrapped(a, b, words) == joined


def scorecard(path: Path) -> Path:
    """A ruled scorecard whose narrow columns cut words and figures over lines, as a word processor does when
    one word is wider than its cell ('Tar' / 'get', '186' / '9', '201' / '5/1' / '6', 'Jul' / 'y'), beside a label that
    wraps at a space after a word that fills its line ('Protection' / 'of social care')."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 800, "Each target below is agreed with the partnership board for the year.")
    c.setFont("Helvetica", 8)
    widths = (44.0, 20.0, 20.0, 24.0, 19.0)
    y = _ruled_cells(c, 60, 780, widths, ("Measure", "", "201\n5/1\n6", "Apr", "Jul\ny"), 3)
    y = _ruled_cells(c, 60, y, widths, ("Delayed\ntransfers", "Tar\nget", "186\n9", "156", "156"), 2)
    _ruled_cells(c, 60, y, widths, ("Protection\nof social\ncare", "Tar\nget", "799\n6", "652", "652"), 3)
    c.showPage()
    c.save()
    return path


def test_words_and_figures_cut_by_a_narrow_cell_are_read_whole(tmp_path: Path) -> None:
    doc = read(scorecard(tmp_path / "scorecard.pdf"))
    rows = [ln.text.split("\t") for ln in doc.lines if "\t" in ln.text]
    assert rows[0][2:] == ["2015/16", "Apr", "July"]  # (a month's name, though the document never prints it)
    assert rows[1][:3] == ["Delayed transfers", "Target", "1869"]
    assert rows[2][:3] == ["Protection of social care", "Target", "7996"]


def foot_of_page_table(path: Path, on_first: int) -> Path:
    """A table of three value columns whose header (no label cell) and first `on_first` rows end page 1;
    the other rows start page 2 with no header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rows = [("Falls response", "£120,000", "£126,000", "+£6,000"), ("Social prescribing", "£95,000", "£99,750", "+£4,750"),
            ("Community equipment", "£410,000", "£430,500", "+£20,500"), ("Carers' support", "£60,000", "£63,000", "+£3,000")]
    edges = (300, 390, 470)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 800.0
    for i in range(44 - 2 * on_first):  # running text filling the page
        c.drawString(60, y, f"Paragraph line {i + 1} of the plan's narrative about locality working and its teams.")
        y -= 15
    c.setFont("Helvetica", 9)
    c.drawString(60, y, "The scheme allocations are as follows:")
    y -= 18
    for text, x in zip(("2017/18 allocation", "2018/19 allocation", "Difference"), edges, strict=True):
        c.drawRightString(x, y, text)
    y -= 16
    pages = [rows[:on_first], rows[on_first:]]
    for k, part in enumerate(pages):
        if k:
            c.showPage()
            c.setFont("Helvetica", 9)
            y = 800.0
        for label, *cells in part:
            c.drawString(60, y, label)
            for text, x in zip(cells, edges, strict=True):
                c.drawRightString(x, y, text)
            y -= 16
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 20, "Each scheme reports quarterly to the partnership board.")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("on_first", [1, 2])
def test_a_header_over_one_row_at_the_foot_of_a_page_keeps_the_label_apart(tmp_path: Path, on_first: int) -> None:
    """A header that leaves the label column empty, over one row (or two) at the foot of a page: the white
    space between the label and the first figure is a column edge even though only one row is there to
    show it, and the rows overleaf join the table."""
    doc = read(foot_of_page_table(tmp_path / "schemes.pdf", on_first))
    first = next(ln.text for ln in doc.lines if ln.text.startswith("Falls response"))
    assert first.split("\t") == ["Falls response", "£120,000", "£126,000", "+£6,000"]
    tables = [t for t in extract_tables(doc, segment(doc)) if t.rows]
    t = next(t for t in tables if any(r.label == "Falls response" for r in t.rows))
    assert [r.label for r in t.rows] == ["Falls response", "Social prescribing", "Community equipment", "Carers' support"]
    assert "2018/19" in t.columns[2]
    assert t.rows[0].cells[2].value == Decimal(126000)


def _scheme_pages(path: Path, head: list[tuple[str, ...]], rows: list[tuple[str, ...]]) -> Path:
    """Page 1: narrative, then a table's header alone at its foot (drawn word by word, no lines); page 2:
    the table's rows, one cell wider than the header (its first two names set too close to tell apart)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    for i in range(46):
        c.drawString(60, 800 - 15 * i, f"Narrative line {i + 1} about the schemes the fund pays for and their partners.")
    c.setFont("Helvetica", 8)
    y = 800 - 15 * 46 - 8
    for line in head:
        c.drawString(60, y, line[0])
        c.drawString(250, y, line[1])
        c.drawRightString(420, y, line[2])
        c.drawRightString(500, y, line[3])
        y -= 9.5
    c.showPage()
    c.setFont("Helvetica", 8)
    y = 800
    for r in rows:
        c.drawString(60, y, r[0])
        c.drawString(85, y, r[1])
        c.drawString(250, y, r[2])
        c.drawRightString(420, y, r[3])
        c.drawRightString(500, y, r[4])
        y -= 16
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 20, "All schemes are reviewed each quarter by the joint commissioning board.")
    c.showPage()
    c.save()
    return path


SCHEMES = [("1", "Falls response", "CCG", "£224,500", "£228,766"), ("2", "Social prescribing", "CCG", "£100,000", "£100,000"),
           ("3", "Home first beds", "iBCF", "£253,500", "£338,000"), ("4", "Carers' support", "Council", "£60,000", "£61,200")]


@pytest.mark.parametrize("head", [
    [("Scheme ID Scheme", "Source of", "2017/18", "2018/19"), ("Name", "Funding", "Expenditure", "Expenditure")],
    [("Scheme ID Scheme", "Source", "2017/18", "2018/19"), ("Name", "", "£", "£")],
    [("Scheme", "Source of", "Spend in", "Spend in"), ("", "funding", "2017/18 (£)", "2018/19 (£)")],
])
def test_a_header_wrapped_at_a_page_foot_names_the_wider_rows_overleaf(tmp_path: Path, head) -> None:
    """A header printed alone at a page's foot, wrapped over lines and a cell narrower than the rows on the
    next page, names their columns: its wrapped words are joined, and it names the rightmost columns (the
    figures), so a year's figure and a change between years are read from the rows overleaf."""
    doc = read(_scheme_pages(tmp_path / "schemes.pdf", head, SCHEMES))
    t = next(t for t in extract_tables(doc, segment(doc)) if any("Falls response" in r.label for r in t.rows))
    assert len(t.rows) == 4 and [r.page_in(t) for r in t.rows] == [2, 2, 2, 2]
    assert "2017/18" in t.columns[3] and "2018/19" in t.columns[4] and t.columns[0] == ""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "schemes.pdf").write_bytes((tmp_path / "schemes.pdf").read_bytes())
    a = assistant_for(corpus, tmp_path / "index")
    ans = a.ask("How much is the falls response scheme in 2018/19?")
    assert "£228,766" in ans.text and "£224,500" not in ans.text
    assert any(c.page == 2 and "Falls response" in c.quote for c in ans.citations)
    rise = next(f for f in a.ask("By how much does home first beds spending go up from 2017/18 to 2018/19?").figures
                if f.op == "difference")
    assert rise.value == Decimal("84500")


@pytest.mark.parametrize("a,b,joined", [
    ("799", "6", "7996"),  # a figure wider than its column: the tail under it is its last digits
    ("86", "%", "86%"),  # a lone sign is no value of its own
    ("17", ".2", "17.2"),
    ("6.", "0", "6.0"),
    ("£2,008,", "000", "£2,008,000"),
    ("2.8", "1", "2.81"),
    ("2017", "2018", "2017 2018"),  # two years
    ("652", "672", "652 672"),  # two whole figures
    ("12", "5", "12 5"),  # a short figure does not fill its line
    ("by 2019.", "15 new beds", "by 2019. 15 new beds"),  # a sentence in a cell
])
def test_join_wrapped_figures_of_an_unruled_table(a: str, b: str, joined: str) -> None:
    from assistant.pdf_layout import join_wrapped

    assert join_wrapped(a, b, None, figures=True) == joined


def unruled_cut_figures(path: Path) -> Path:
    """An unruled scorecard whose narrow year column cuts its figures over two lines set close together
    ('799' / '6', '86' / '%'), rows set further apart, as a word processor prints a table without rules."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 790, "Integrated care scorecard")
    c.setFont("Helvetica", 9)
    edges = (300, 360, 420)
    y = 760.0
    for text, x in zip(("2025/26", "Apr", "May"), edges, strict=True):
        c.drawRightString(x, y, text)
    rows = [("Emergency admissions", ("799\n6", "652", "671")), ("Reablement at 91 days", ("86\n%", "84%", "88%")),
            ("Delayed days", ("186\n9", "156", "149")), ("Falls admissions", ("412", "35", "31"))]
    for label, cells in rows:
        y -= 24
        c.drawString(60, y, label)
        for text, x in zip(cells, edges, strict=True):
            for k, piece in enumerate(text.split("\n")):
                c.drawRightString(x, y - 10 * k, piece)
    c.showPage()
    c.save()
    return path


def test_figures_a_narrow_unruled_column_cut_are_read_whole(tmp_path: Path) -> None:
    doc = read(unruled_cut_figures(tmp_path / "scorecard.pdf"))
    t = next(t for t in extract_tables(doc, segment(doc)) if t.rows)
    by_label = {r.label: r for r in t.rows}
    assert set(by_label) == {"Emergency admissions", "Reablement at 91 days", "Delayed days", "Falls admissions"}
    assert by_label["Emergency admissions"].cells[1].value == Decimal(7996)
    assert by_label["Reablement at 91 days"].cells[1].kind == "percent"
    assert by_label["Reablement at 91 days"].cells[1].value == Decimal(86)
    assert by_label["Delayed days"].cells[1].value == Decimal(1869)
    assert [c.value for c in by_label["Falls admissions"].cells[1:]] == [Decimal(412), Decimal(35), Decimal(31)]


def cover_sheet(path: Path, values_at: tuple[float, ...] = (200, 200, 200, 200)) -> Path:
    """A report's cover sheet set without rules: each label at the margin, its value at a second edge, then a
    paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 780.0
    entries = [("Report to", "Health and Wellbeing Board"), ("Date of meeting", "14 March 2024"),
               ("Report author", "Priya Natarajan, Head of Integrated Commissioning"), ("Purpose", "For decision")]
    for (label, value), x in zip(entries, values_at, strict=True):
        c.drawString(60, y, label)
        c.drawString(x, y, value)
        y -= 16
    y -= 20
    c.drawString(60, y, "The pooled budget for 2024-25 is £52.3m, an increase of 4.6% on the year before.")
    c.showPage()
    c.save()
    return path


def test_the_entries_of_a_form_set_without_rules_are_its_rows(tmp_path: Path) -> None:
    lines = [ln.text for ln in read(cover_sheet(tmp_path / "cover.pdf")).lines]
    assert lines[:4] == ["Report to\tHealth and Wellbeing Board", "Date of meeting\t14 March 2024",
                         "Report author\tPriya Natarajan, Head of Integrated Commissioning", "Purpose\tFor decision"]
    assert not any("\t" in ln for ln in lines[4:])  # the paragraph is text


def test_short_lines_whose_second_parts_do_not_line_up_are_no_form(tmp_path: Path) -> None:
    lines = [ln.text for ln in read(cover_sheet(tmp_path / "loose.pdf", (200, 260, 150, 320))).lines]
    assert not any("\t" in ln for ln in lines)


@pytest.mark.parametrize(("question", "said"), [
    ("When is the meeting?", "14 March 2024"),
    ("What is the date of the meeting?", "14 March 2024"),
    ("Who is the report author?", "Priya Natarajan"),
    ("Who is the report going to?", "Health and Wellbeing Board"),
])
def test_a_question_on_a_form_is_answered_from_its_entry(tmp_path: Path, question: str, said: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    cover_sheet(corpus / "cover.pdf")
    ans = assistant_for(corpus, tmp_path / "index").ask(question)
    assert ans.answered and said in ans.text, ans.text
    assert any(c.page == 1 and said in c.quote for c in ans.citations)


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_column_of_words_wrapped_beside_a_one_line_label_stays_in_its_row(tmp_path: Path, valign: str) -> None:
    """A register without lines (reference, what is to be done, who, by when): the second column's text wraps
    over two or three lines beside a one-line reference. Wherever the row's one-line cells sit (beside its
    first line, its middle or its last: Word centres cells, reportlab sets them at the foot), each row is read
    whole and no wrapped line joins the row above or below it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("c", fontSize=8, leading=9.5)
    data = [["No.", "Task", "Owner", "Deadline"],
            ["T1", "Write to every care home about the new falls pathway", "Grace Obi", "May 2027"],
            ["T2", "Cost the extra night sitting service", "Lena Brook", "June 2027"],
            ["T3", "Report hospital discharge delays by ward to the next meeting", "Omar Shah", "July 2027"]]
    table = Table([[Paragraph(c, cell) for c in r] for r in data], colWidths=[40, 110, 90, 80])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), valign)]))
    path = tmp_path / f"tasks-{valign.lower()}.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Tasks agreed", styles["Heading2"]), table])
    assert [ln.text for ln in read(path).lines if "\t" in ln.text] == [
        "No.\tTask\tOwner\tDeadline",
        "T1\tWrite to every care home about the new falls pathway\tGrace Obi\tMay 2027",
        "T2\tCost the extra night sitting service\tLena Brook\tJune 2027",
        "T3\tReport hospital discharge delays by ward to the next meeting\tOmar Shah\tJuly 2027"]
