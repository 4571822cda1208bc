"""Footnote marks set as superscripts (pdf_layout.superscripts, ingest._docx_text).

A word processor sets a footnote mark as smaller type raised above the line. A PDF's text layer runs it into the
word before it ('2019/20' + '1' is '2019/201', 'Items lent' + '2' is 'Items lent2'), and so does a Word run set as
a superscript: a period column that is no period, a label no question names, a year that is another number. The
documents here are made up; each mark is drawn as a word processor draws it (smaller, raised, right beside)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.pdf_layout import superscripts
from assistant.values import find_numbers

from .conftest import assistant_for


def _marked(c, x: float, y: float, text: str, mark: str, size: float = 10) -> float:  # type: ignore[no-untyped-def]
    """Draw `text`, then `mark` as a superscript right after it; where the mark ends."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.setFont("Helvetica", size)
    c.drawString(x, y, text)
    end = x + stringWidth(text, "Helvetica", size) + 0.4
    if mark:
        c.setFont("Helvetica", size * 0.6)
        c.drawString(end, y + size * 0.4, mark)
        end += stringWidth(mark, "Helvetica", size * 0.6)
    return end


def equipment_pdf(path: Path) -> Path:
    """A page with a sentence whose year and amount carry marks, then an unruled table whose second period
    column and two row labels carry them, then the footnotes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 780, "Community equipment service")
    x = _marked(c, 60, 750, "Spending on the loan store rose to £4.2m", "1")
    x = _marked(c, x + stringWidth(" ", "Helvetica", 10), 750, "in 2019/20", "2")
    c.setFont("Helvetica", 10)
    c.drawString(x + stringWidth(" ", "Helvetica", 10), 750, "as more people left hospital with equipment.")
    y = 715.0
    c.setFont("Helvetica", 9)
    c.drawRightString(360, y, "2018/19")
    c.drawRightString(446, y, "2019/20")
    c.setFont("Helvetica", 5.4)
    c.drawString(446.4, y + 3.6, "3")
    for label, mark, a, b in [("Items lent", "4", "3,980", "4,210"), ("Items recycled", "", "3,100", "3,650"),
                              ("Repairs completed", "5", "1,150", "1,320"), ("Cost (£000)", "", "812", "845")]:
        y -= 16
        _marked(c, 60, y, label, mark, 9)
        c.setFont("Helvetica", 9)
        c.drawRightString(360, y, a)
        c.drawRightString(450, y, b)
    c.setFont("Helvetica", 7)
    c.drawString(60, y - 30, "1 Gross of recharges. 2 Provisional outturn. 3 Unaudited. 4 Includes care homes.")
    c.drawString(60, y - 40, "5 Repairs by the contractor only.")
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    corpus = tmp_path_factory.mktemp("superscripts") / "corpus"
    corpus.mkdir()
    return equipment_pdf(corpus / "equipment.pdf")


def test_a_pdf_mark_is_read_as_the_superscript_it_is_printed_as(pdf_doc: Path) -> None:
    lines = [ln.text for ln in read(pdf_doc).lines]
    text = "\n".join(lines)
    assert "rose to £4.2m¹ in 2019/20² as more" in text
    assert "2019/201" not in text and "2019/202" not in text
    assert any(ln.startswith("Items lent⁴\t") for ln in lines)
    assert any(ln.startswith("Repairs completed⁵\t") for ln in lines)
    # the footnotes themselves are printed at the foot in plain figures, and stay so
    assert any(ln.startswith("1 Gross of recharges.") for ln in lines)


@pytest.fixture(scope="module")
def pdf_assistant(pdf_doc: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_for(pdf_doc.parent, tmp_path_factory.mktemp("superscripts-index"))


@pytest.mark.parametrize(("question", "figure"), [
    ("How many items were recycled in 2019/20?", "3,650"),
    ("What was the number of repairs completed in 2019-20?", "1,320"),
    ("How many items did the service lend in 2019/20?", "4,210"),
])
def test_a_period_column_whose_header_carries_a_mark_is_that_period(pdf_assistant, question: str, figure: str) -> None:  # type: ignore[no-untyped-def]
    ans = pdf_assistant.ask(question)
    assert ans.answered and figure in ans.text, ans.text
    assert any(c.doc == "equipment.pdf" and c.page == 1 for c in ans.citations)


@pytest.mark.parametrize("question", [
    "How did the number of repairs completed change between 2018/19 and 2019/20?",
    "By how much did repairs completed rise from 2018/19 to 2019/20?",
])
def test_a_change_along_a_marked_row_between_marked_periods(pdf_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = pdf_assistant.ask(question)
    assert ans.answered and "+170" in ans.text, ans.text


def test_an_amount_with_a_mark_keeps_its_scale() -> None:
    for text in ("rose to £4.2m¹ in 2019/20", "£4.2 million² was spent", "rose to £4.2m in 2019/20"):
        money = [n for n in find_numbers(text) if n.kind == "money"]
        assert [n.value for n in money] == [Decimal("4200000.0")], text
    assert [n.kind for n in find_numbers("a 12 per cent³ rise")] == ["percent"]


def _chars(*runs: tuple[str, float, float, float]) -> list[dict[str, object]]:
    """pdfplumber-like characters: each run is (text, x, baseline, size), one character per 0.5 size."""
    out: list[dict[str, object]] = []
    for text, x, base, size in runs:
        for i, ch in enumerate(text):
            x0 = x + i * 0.5 * size
            out.append({"text": ch, "x0": x0, "x1": x0 + 0.5 * size, "top": base - size, "bottom": base,
                        "size": size})
    return out


def _words(text: str) -> list[dict[str, object]]:
    return [{"text": w} for w in text.split()]


def test_a_mark_is_small_raised_and_right_beside_the_word() -> None:
    marked = _chars(("Total", 100, 700, 10), ("2", 125.2, 696, 6))
    assert superscripts(marked, _words("Total2")) == {"Total2": "Total²"}
    # the same figure on the line, at the line's size, or set apart by a space, is a figure
    assert superscripts(_chars(("Total", 100, 700, 10), ("2", 125.2, 700, 10)), _words("Total2")) == {}
    assert superscripts(_chars(("Total", 100, 700, 10), ("2", 131, 696, 6)), _words("Total 2")) == {}
    # letters set so are an ordinal's, not a mark
    assert superscripts(_chars(("1", 100, 700, 10), ("st", 105.2, 696, 6)), _words("1st")) == {}


def test_a_word_the_page_also_prints_without_a_mark_is_left_as_it_is() -> None:
    # '3' with a raised '1' runs together as '31', which the page prints elsewhere as a number of its own
    page = _chars(("3", 100, 700, 10), ("1", 105.2, 696, 6), ("31", 100, 680, 10))
    assert superscripts(page, _words("31 31")) == {}
    assert superscripts(page[:2], _words("31")) == {"31": "3¹"}


def test_a_word_run_set_as_a_superscript_is_read_as_one(tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_heading("Disabled facilities grant", 1)
    p = d.add_paragraph("The grant paid for 212 adaptations in 2023/24")
    p.add_run("1").font.superscript = True
    p.add_run(", on the 3")
    p.add_run("rd").font.superscript = True
    p.add_run(" year of the scheme.")
    table = d.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("Adaptations", "2022/23", "2023/24"), ("Stairlifts", "88", "97"),
                                       ("Level-access showers", "101", "115")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    table.rows[0].cells[2].paragraphs[0].add_run("2").font.superscript = True
    table.rows[2].cells[0].paragraphs[0].add_run("3").font.superscript = True
    table.rows[2].cells[0].paragraphs[0].runs[-1].font.size = Pt(6)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    d.save(str(corpus / "dfg.docx"))
    text = "\n".join(ln.text for ln in read(corpus / "dfg.docx").lines)
    assert "212 adaptations in 2023/24¹, on the 3rd year" in text
    assert "2023/24²" in text and "Level-access showers³" in text
    a = assistant_for(corpus, tmp_path / "index")
    for question in ("How many level-access showers were fitted in 2023/24?",
                     "What was the number of level access showers in 2023-24?"):
        ans = a.ask(question)
        assert ans.answered and "115" in ans.text, ans.text
