"""A PDF's headings by their type size (ingest._heading_sizes, layout._mark_headings).

A PDF has no heading styles; its headings were found by their words and place alone, all at one level, so
'Spending' under 'Hospital services' was a section of its own, like 'Hospital services'. Set larger than the
body text, a line whose words are a heading's is a heading at the level its size ranks. The reports here are
made up."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import read
from assistant.layout import segment

SECTIONS = [("Community services", "We spent £2.1m in the year, and the service reached 4,300 people."),
            ("Hospital services", "We spent £7.8m in the year, most of it on staffing the wards."),
            ("Mental health services", "We spent £3.4m in the year, mainly on crisis support.")]


def report(path: Path, callout: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = getSampleStyleSheet()
    big = ParagraphStyle("callout", parent=st["BodyText"], fontSize=28, leading=34)
    title = ParagraphStyle("cover", parent=st["Title"], fontSize=24, leading=30)
    story = [Paragraph("Annual Report 2023/24", title)]
    for h1, spend in SECTIONS:
        story.append(Paragraph(h1, st["Heading1"]))
        story.append(Paragraph("This section describes the service and its results over the year.", st["BodyText"]))
        story.append(Paragraph("Spending", st["Heading2"]))
        story.append(Paragraph(spend, st["BodyText"]))
        if callout:  # a figure set large for effect, as reports do
            story.append(Paragraph("4,300", big))
        story.append(Paragraph("Plans", st["Heading2"]))
        story.append(Paragraph("The service will recruit six more staff next year.", st["BodyText"]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def headings_of(path: Path) -> dict[str, tuple[str, ...]]:
    doc = read(path)
    return {doc.lines[b.start].text: b.heading for b in segment(doc) if b.kind == "text"}


def test_a_sub_heading_sits_under_its_section(tmp_path: Path) -> None:
    under = headings_of(report(tmp_path / "report.pdf"))
    for h1, spend in SECTIONS:
        assert under[spend][-2:] == (h1, "Spending")
    doc = read(tmp_path / "report.pdf")
    intro = [b.heading[-1] for b in segment(doc) if b.kind == "text" and doc.lines[b.start].text.startswith("This section")]
    assert intro == [h1 for h1, _ in SECTIONS]


def test_a_figure_set_large_is_no_heading(tmp_path: Path) -> None:
    pdf = report(tmp_path / "report.pdf", callout=True)
    doc = read(pdf)
    assert not any(b.kind == "heading" and doc.lines[b.start].text.strip() == "4,300" for b in segment(doc))
    under = headings_of(pdf)
    assert under[SECTIONS[1][1]][-2:] == ("Hospital services", "Spending")


def test_body_text_set_at_one_size_has_no_heading_levels(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(tmp_path / "memo.pdf"), pagesize=A4).build(
        [Paragraph(text, body) for _, text in SECTIONS])
    assert all(ln.heading_level is None for ln in read(tmp_path / "memo.pdf").lines)


def test_a_title_set_large_is_the_whole_title(tmp_path: Path) -> None:
    """The title a reply names a document by is the line set as one, not the title and the first line of text
    under it ('Annual Report 2023/24 This section describes the service ...')."""
    import docx

    from .conftest import assistant_for

    (tmp_path / "corpus").mkdir()
    report(tmp_path / "corpus" / "report.pdf")
    d = docx.Document()
    d.add_paragraph("Carers Strategy", style="Title")
    d.add_paragraph("This strategy sets out how the council and its partners will support unpaid carers")
    d.save(str(tmp_path / "corpus" / "strategy.docx"))
    a = assistant_for(tmp_path / "corpus", tmp_path / "index")
    assert a.index.title("report.pdf") == "Annual Report 2023/24"
    assert a.index.title("strategy.docx") == "Carers Strategy"
