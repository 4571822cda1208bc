"""A sentence a PDF's page break cuts is read whole, and cited on both pages (prose._across_pages,
evidence.sentence_citations).

Before, the sentence that ends a page was cut where the page ends ('... arranged 1,240 discharges from the
acute.') and the one that starts the next began mid-sentence ('Hospital to the community, and ...'): an answer
quoted half a sentence, and a figure on the other side of the break was not found. The reports here are made
up; the page break falls where the typesetter puts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import read

from .conftest import assistant_for

FILLER = ("The partnership continued to develop its services across the county during the year, working with "
          "providers and the voluntary sector. ") * 3
CUT = ("In the final quarter the integrated discharge team arranged 1,240 discharges from the acute hospital to "
       "the community, and the average delay per patient fell from 3.2 days to 1.9 days compared with the same "
       "quarter a year earlier.")
WHOLE = "The falls service saw 860 people at home, and 95 of them were referred on to strength and balance classes."


def report(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph("Annual report 2023/24", styles["Heading1"])]
    story += [Paragraph(FILLER, styles["BodyText"]) for _ in range(9)]
    story.append(Paragraph(f"{FILLER}{CUT} {FILLER}", styles["BodyText"]))
    story += [Paragraph(FILLER, styles["BodyText"]) for _ in range(3)]
    story.append(Paragraph(WHOLE, styles["BodyText"]))
    story += [Paragraph(FILLER, styles["BodyText"]) for _ in range(3)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def report_assistant(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("pagebreak")
    (root / "corpus").mkdir()
    pdf = report(root / "corpus" / "annual_report.pdf")
    lines = read(pdf).lines
    # the layout this test is about: the sentence starts at the foot of page 1 and ends at the top of page 2
    last_on_1 = [ln for ln in lines if ln.page == 1 and ln.text.strip()][-1]
    assert "In the final quarter" in last_on_1.text and "3.2 days" not in last_on_1.text
    assert any("3.2 days" in ln.text for ln in lines if ln.page == 2 and ln.no <= 2)
    return assistant_for(root / "corpus", root / "index")


@pytest.mark.parametrize("question,said", [
    ("How many discharges did the integrated discharge team arrange in the final quarter?", "1,240 discharges"),
    ("What was the average delay per patient in the final quarter?", "1.9 days"),
    ("By how much did the average delay per patient fall?", "from 3.2 days to 1.9 days"),
])
def test_a_sentence_cut_by_a_page_break_is_answered_whole(report_assistant, question: str, said: str) -> None:  # type: ignore[no-untyped-def]
    ans = report_assistant.ask(question)
    assert ans.answered and said in ans.text, ans.text
    assert " ".join(CUT.split()) in " ".join(ans.text.split())  # the whole sentence, not the half on one page
    flat = " ".join(CUT.split())
    halves = {(c.page, c.line_start) for c in ans.citations if " ".join(c.quote.split()) in flat}
    assert {p for p, _ in halves} == {1, 2} and (2, 1) in halves  # cited where each half is printed
    assert "[1][2]" in ans.text


def test_a_sentence_on_one_page_is_cited_once(report_assistant) -> None:  # type: ignore[no-untyped-def]
    ans = report_assistant.ask("How many people did the falls service see at home?")
    assert ans.answered and "860 people" in ans.text
    assert len(ans.citations) == 1 and "[2]" not in ans.text


def test_a_claim_resting_on_both_halves_is_supported(report_assistant) -> None:  # type: ignore[no-untyped-def]
    [got] = report_assistant.check("In the final quarter the average delay per patient fell to 1.9 days.")
    assert got.label == "supported", got.explanation
    assert {c.page for c in got.citations} == {1, 2}
