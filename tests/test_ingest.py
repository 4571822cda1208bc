"""Ingestion: formats, provenance (lines, pages), the documented clean-up, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest import clean_line, discover, read
from assistant.settings import Settings

from .conftest import DATA


def make_pdf(path: Path, pages: list[list[str]], encrypt: str | None = None) -> Path:
    """A real PDF with a text layer, one list of lines per page (reportlab), optionally encrypted."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return path


def make_image_pdf(path: Path) -> Path:
    """A PDF with pages but no text layer (only drawn shapes), like a scan."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    return path


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Funding overview", level=1)
    d.add_paragraph("The DFG allocation for 2019-20 is shown below.")
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Authority", "Funding allocation"), ("Wycombe", "£1,277,735"),
                                ("Chiltern", "£702,768")]):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    d.add_page_break()
    d.add_heading("Performance", level=1)
    d.add_paragraph("Delayed transfers of care averaged 46.8 days.")
    d.save(str(path))
    return path


def test_text_lines_keep_their_numbers() -> None:
    doc = read(DATA / "plan.txt")
    assert doc.format == "txt" and doc.n_pages is None
    raw = (DATA / "plan.txt").read_text(encoding="utf-8").split("\n")
    assert len(doc.lines) == len(raw) - (1 if raw[-1] == "" else 0)
    for ln in doc.lines:
        assert ln.page is None
        assert ln.raw == raw[ln.no - 1]
    assert len(doc.sha256) == 64


def test_clean_up_is_documented_and_keeps_cells() -> None:
    raw = 'Integrated <ul style="list-style-type: none"> • Teams • OPAT </ul>\t£1,000\t<p>A</p><p>B</p>'
    assert clean_line(raw) == "Integrated • Teams • OPAT\t£1,000\tA B"
    assert clean_line('<input checked="" type="checkbox"/> = Direct <input type="checkbox"/>') == "[x] = Direct [ ]"
    assert clean_line("Title\t\t\t") == "Title\t\t\t"  # trailing empty cells are table structure
    assert clean_line("a **£1,671,318** grant") == "a £1,671,318 grant"
    assert clean_line("<p>ACHTs</p>\t<p>Seven teams</p>") == "ACHTs\tSeven teams"


def test_pdf_pages_and_lines(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "plan.pdf", [["Page one heading", "First line of text."],
                                           ["Second page text", "Wycombe received £1,277,735."]])
    doc = read(pdf)
    assert doc.format == "pdf" and doc.n_pages == 2
    second = [ln for ln in doc.lines if ln.page == 2]
    assert [ln.no for ln in second][:2] == [1, 2]
    assert any("£1,277,735" in ln.text for ln in second)
    assert all("£1,277,735" not in ln.text for ln in doc.lines if ln.page == 1)


def test_docx_paragraphs_tables_and_pages(tmp_path: Path) -> None:
    doc = read(make_docx(tmp_path / "plan.docx"))
    assert doc.format == "docx" and doc.n_pages == 2
    p1 = [ln for ln in doc.lines if ln.page == 1]
    assert p1[0].text == "Funding overview" and p1[0].heading_level == 1
    assert "Wycombe\t£1,277,735" in [ln.text for ln in p1]
    p2 = [ln for ln in doc.lines if ln.page == 2]
    assert p2[0].text == "Performance" and p2[0].no == 1
    assert any("46.8" in ln.text for ln in p2)


def test_docx_equal_cells_side_by_side_are_kept_and_merged_cells_read_once(tmp_path: Path) -> None:
    """The same figure in two years ('£57,000' twice) or the same unit over two columns are two cells; a
    cell merged across two columns is one (python-docx gives it once per column)."""
    import docx

    d = docx.Document()
    table = d.add_table(rows=4, cols=3)
    rows = [("", "2017/18", "2018/19"), ("", "£", "£"), ("Discharge liaison", "£57,000", "£57,000")]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    merged = table.cell(3, 1).merge(table.cell(3, 2))
    table.cell(3, 0).text = "Falls response"
    merged.text = "Funded from the iBCF in both years"
    d.save(str(tmp_path / "schemes.docx"))
    lines = [ln.text for ln in read(tmp_path / "schemes.docx").lines if "\t" in ln.text]
    assert lines == ["\t2017/18\t2018/19", "\t£\t£", "Discharge liaison\t£57,000\t£57,000",
                     "Falls response\tFunded from the iBCF in both years\t"]


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    f = tmp_path / "notes.md"
    f.write_text("# Notes\n\nThe grant is £200k.\n", encoding="utf-8")
    doc = read(f)
    assert doc.format == "md" and [ln.no for ln in doc.lines] == [1, 2, 3]


# --------------------------------------------------------------------------- bad input


def bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input, with a fragment of the error it must give."""
    (tmp / "empty.txt").write_text("")
    (tmp / "junk.pdf").write_bytes(b"\x00\x01garbage" * 100)
    (tmp / "fakepdf.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00\xff" * 500)
    make_pdf(tmp / "locked.pdf", [["secret"]], encrypt="hunter2")
    make_image_pdf(tmp / "scan.pdf")
    (tmp / "latin1.txt").write_bytes("Cost £1,000 café".encode("latin-1"))
    big = tmp / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp / "slides.pptx").write_bytes(b"PK\x03\x04")
    (tmp / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return {
        "empty": (tmp / "empty.txt", "empty"),
        "binary junk with a .pdf name": (tmp / "junk.pdf", "not a PDF"),
        "corrupt pdf": (tmp / "fakepdf.pdf", "not a readable PDF"),
        "encrypted pdf": (tmp / "locked.pdf", "encrypted"),
        "pdf without text layer": (tmp / "scan.pdf", "no text layer"),
        "non-UTF-8 text": (tmp / "latin1.txt", "not UTF-8"),
        "50 MB file": (big, "over the"),
        "unsupported extension": (tmp / "slides.pptx", "unsupported file type"),
        "corrupt docx": (tmp / "broken.docx", "not a readable DOCX"),
        "missing path": (tmp / "nope.txt", "no such file"),
    }


BAD_CASES = ["empty", "binary junk with a .pdf name", "corrupt pdf", "encrypted pdf", "pdf without text layer",
             "non-UTF-8 text", "50 MB file", "unsupported extension", "corrupt docx", "missing path"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_gives_one_clear_line_naming_the_file(tmp_path: Path, case: str) -> None:
    path, fragment = bad_files(tmp_path)[case]
    with pytest.raises(IngestError) as err:
        read(path, settings=Settings())
    message = str(err.value)
    assert str(path) in message and fragment in message
    assert "\n" not in message


def test_discover_reports_unsupported_and_missing(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("A plan.\n")
    (tmp_path / "docs" / "sub").mkdir()
    (tmp_path / "docs" / "sub" / "b.md").write_text("Another.\n")
    (tmp_path / "docs" / "c.xlsx").write_bytes(b"PK")
    (tmp_path / "docs" / ".hidden.txt").write_text("skip me")
    found, errors = discover([tmp_path / "docs", tmp_path / "missing"], Settings())
    assert [f.name for f in found] == ["a.txt", "sub/b.md"]
    assert any("c.xlsx" in str(e) and "unsupported" in str(e) for e in errors)
    assert any("missing" in str(e) and "no such file" in str(e) for e in errors)


def make_pdf_with_table(path: Path) -> Path:
    """A PDF page with a heading, a sentence and a ruled table (reportlab platypus)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    data = [["Authority", "Funding allocation"], ["Aylesbury Vale", "£968,429"], ["Chiltern", "£702,768"],
            ["Wycombe", "£1,277,735"], ["Total", "£2,948,932"]]
    table = Table(data)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("2.2 DFG", styles["Heading2"]), Paragraph("The DFG is split as follows:", styles["Normal"]), table])
    return path


def test_pdf_tables_become_cells(tmp_path: Path) -> None:
    from assistant.layout import segment
    from assistant.tables import extract_tables

    doc = read(make_pdf_with_table(tmp_path / "dfg.pdf"))
    assert "Wycombe\t£1,277,735" in [ln.text for ln in doc.lines]
    assert not any(ln.text.startswith("Wycombe £1,277,735") for ln in doc.lines)  # the text copy is replaced
    tables = extract_tables(doc, segment(doc))
    assert len(tables) == 1
    t = tables[0]
    assert t.page == 1 and t.columns == ("Authority", "Funding allocation")
    assert [r.label for r in t.rows] == ["Aylesbury Vale", "Chiltern", "Wycombe", "Total"]
    assert t.rows[-1].role == "total" and str(t.rows[2].cells[1].value) == "1277735"


def test_a_docx_bulleted_list_is_answered_item_by_item(tmp_path: Path) -> None:
    """Word's bulleted paragraphs carry no bullet in their text: the items after a lead-in are still the answer
    to a list question, however it is put."""
    import docx

    from .conftest import assistant_for

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    d = docx.Document()
    d.add_heading("Local priorities", level=1)
    d.add_paragraph("The partnership has agreed three local priorities for 2024-25. The priorities are:")
    items = ["Faster hospital discharge through a single transfer of care hub",
             "More reablement capacity in the rural east of the county",
             "Support for unpaid carers through a new breaks fund"]
    for item in items:
        d.add_paragraph(item, style="List Bullet")
    d.add_paragraph("Progress against each priority is reported to the board every quarter.")
    d.save(str(corpus / "priorities.docx"))
    a = assistant_for(corpus, tmp_path / "index", 0.0)
    for question in ("What are the local priorities?", "Which three local priorities must the partnership deliver?",
                     "List the partnership's local priorities."):
        ans = a.ask(question)
        assert ans.answered, (question, ans.text)
        assert all(item in ans.text for item in items), (question, ans.text)
        assert {c.line_start for c in ans.citations} >= {3, 4, 5}


def test_typeset_ligatures_and_invisible_marks_become_plain_letters() -> None:
    assert clean_line("Net pro\ufb01t\t1,200\t1,500") == "Net profit\t1,200\t1,500"
    assert clean_line("e\ufb00ective \ufb02ows, o\ufb03ce, ba\ufb04ed") == "effective flows, office, baffled"
    assert clean_line("re\u2011measured co\u00adoperation\u200b here\ufeff") == "re-measured cooperation here"
    assert clean_line("plain ascii stays\tas it is") == "plain ascii stays\tas it is"


def test_a_figure_under_a_ligatured_label_is_found_and_quoted_plainly(tmp_path: Path) -> None:
    """A PDF's text layer writes 'proﬁt' with a ligature; questions write 'profit'. The row is found, its
    figure given, and the line quoted in plain letters."""
    from .conftest import assistant_over

    text = ("Annual accounts of the Ridgeway Care Trust\n\n"
            "The trust returned to surplus in 2024, with signi\ufb01cant savings in agency staff.\n\n"
            "Summary of \ufb01nancial results (£000)\n"
            "\t2023\t2024\n"
            "Income\t48,210\t51,930\n"
            "Operating pro\ufb01t\t(1,420)\t2,315\n"
            "Capital expenditure\t3,100\t2,870\n")
    a = assistant_over(tmp_path, "accounts.txt", text)
    for question in ("What was the operating profit in 2024?", "How much operating profit did the trust make in 2024?",
                     "Operating profit for 2024?"):
        ans = a.ask(question)
        assert ans.answered and "2,315" in ans.text, (question, ans.text)
        assert 6 in {c.line_start for c in ans.citations}, (question, ans.citations)
        assert all("\ufb01" not in c.quote for c in ans.citations)
