"""What a Word document says wherever Word keeps it (ingest._docx_blocks, ingest._docx_text).

Plans are often written in templates whose sections are content controls (`w:sdt`), with fill-in fields
inside sentences, hyperlinks, tracked changes and tables nested in cells. python-docx's own walk and its
`.text` leave those out, and a plan written in its template lost most of what it says. The documents here are
made up; the XML is what Word writes for each structure."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import read

from .conftest import assistant_for

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _xml(fragment: str):  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    return parse_xml(fragment.replace("<w:sdt>", f"<w:sdt {W}>", 1) if fragment.startswith("<w:sdt>")
                     else fragment.replace(">", f" {W}>", 1))


def template_plan(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Section 4: Funding", 1)
    anchor = d.add_paragraph("Local narrative follows.")
    # a section of the template, filled in: a paragraph and a table inside a content control
    section = _xml(
        "<w:sdt><w:sdtPr><w:alias w:val='Funding narrative'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>The council will contribute £2.4m to the pooled budget in 2024/25, and the ICB £6.1m.</w:t>"
        "</w:r></w:p>"
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>Scheme</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Budget</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>Reablement at home</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>£1,200,000</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>Carers' breaks</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>£340,000</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl></w:sdtContent></w:sdt>")
    anchor._p.addnext(section)
    # a fill-in field inside a sentence, a hyperlink, and a tracked change (one word put in, one taken out)
    approved = d.add_paragraph("Approved at the meeting of 12 March 2024.")
    approved._p.addprevious(_xml(
        "<w:p><w:r><w:t xml:space='preserve'>The lead officer is </w:t></w:r>"
        "<w:sdt><w:sdtContent><w:r><w:t>Dr Sam Patel</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:t xml:space='preserve'>, who reports to the </w:t></w:r>"
        "<w:hyperlink><w:r><w:t>Integrated Care Partnership</w:t></w:r></w:hyperlink>"
        "<w:r><w:t xml:space='preserve'> every </w:t></w:r>"
        "<w:del><w:r><w:delText>month</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>quarter</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>"))
    # a text box: Word writes it twice, as a drawing and, for older readers, as a fallback shape
    box = "<w:txbxContent><w:p><w:r><w:t>Three new hubs open in 2025.</w:t></w:r></w:p></w:txbxContent>"
    approved._p.addprevious(_xml(
        "<w:p xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"))
    d.save(str(path))
    return path


def test_content_controls_fields_links_and_tracked_changes_are_read(tmp_path: Path) -> None:
    lines = [ln.text for ln in read(template_plan(tmp_path / "plan.docx")).lines]
    assert "The council will contribute £2.4m to the pooled budget in 2024/25, and the ICB £6.1m." in lines
    assert "Reablement at home\t£1,200,000" in lines and "Scheme\tBudget" in lines
    assert "The lead officer is Dr Sam Patel, who reports to the Integrated Care Partnership every quarter." in lines
    assert sum(ln.count("Three new hubs") for ln in lines) == 1  # a text box once
    assert not any("month" in ln for ln in lines)  # deleted text is no part of what the plan says
    # in document order: the section where it stands, between the paragraphs around it
    assert lines.index("Local narrative follows.") < lines.index("Scheme\tBudget") < \
        lines.index("Approved at the meeting of 12 March 2024.")
    assert lines.index("Approved at the meeting of 12 March 2024.") == len(lines) - 1


def test_a_table_nested_in_a_cell_is_read_with_its_cell(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "Scheme", "Outputs"
    outer.cell(1, 0).text = "Falls service"
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Home visits", "1,180"
    d.save(str(tmp_path / "nested.docx"))
    rows = [ln.text for ln in read(tmp_path / "nested.docx").lines if "\t" in ln.text]
    assert rows[1].startswith("Falls service\t") and "Home visits" in rows[1] and "1,180" in rows[1]


def test_questions_about_a_plan_written_in_its_template(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    template_plan(tmp_path / "corpus" / "plan.docx")
    a = assistant_for(tmp_path / "corpus", tmp_path / "index")
    for question, said in [("How much will the council contribute to the pooled budget?", "£2.4m"),
                           ("What is the budget for reablement at home?", "£1,200,000"),
                           ("Who is the lead officer?", "Dr Sam Patel"),
                           ("How often does the lead officer report to the partnership?", "quarter")]:
        ans = a.ask(question)
        assert ans.answered and said in ans.text, (question, ans.text)
        assert any(said in c.quote for c in ans.citations)


def test_headings_of_a_template_are_headings(tmp_path: Path) -> None:
    """A template's own heading styles ('Plan Heading 2', based on 'Heading 2'), and a paragraph Word gives an
    outline level, are headings at their levels: the sections under them are named by them."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from assistant.layout import segment

    d = docx.Document()
    plan_h2 = d.styles.add_style("Plan Heading 2", WD_STYLE_TYPE.PARAGRAPH)
    plan_h2.base_style = d.styles["Heading 2"]
    outlined = d.add_paragraph("Section 5: Carers")
    from docx.oxml import parse_xml

    outlined._p.get_or_add_pPr().append(parse_xml(f"<w:outlineLvl {W} w:val='0'/>"))
    d.add_paragraph("Carers are at the heart of the plan.")
    d.add_paragraph("Short breaks", style="Plan Heading 2")
    d.add_paragraph("The short breaks budget rises to £430,000 in 2025/26.")
    d.save(str(tmp_path / "plan.docx"))
    doc = read(tmp_path / "plan.docx")
    levels = {ln.text: ln.heading_level for ln in doc.lines}
    assert levels["Section 5: Carers"] == 1 and levels["Short breaks"] == 2
    assert levels["Carers are at the heart of the plan."] is None
    under = next(b for b in segment(doc) if b.kind == "text" and "£430,000" in doc.lines[b.start].text)
    assert under.heading == ("Section 5: Carers", "Short breaks")
