"""A list reads as a list whatever printed its markers (ingest._ListMarkers, ingest.clean_line).

Word keeps a list item's bullet or number out of the paragraph's text (it is the paragraph's numbering, or
its style's), and a PDF made by Word prints the bullet in the Symbol or Wingdings font, which its text layer
holds as a private-use character; other documents use '▪' or '➢'. Without a marker the reader took each item
for a paragraph of its own, and a list question got the lead-in alone. The documents here are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import clean_line, read

from .conftest import assistant_for, assistant_over

PRIORITIES = [
    "Reduce delayed discharges from the acute hospital by a fifth through a discharge hub open seven days a week.",
    "Expand reablement so that more people regain independence after a stay in hospital and fewer need long-term care.",
    "Support unpaid carers with short breaks, training and an assessment offered within four weeks of a referral.",
    "Bring the community equipment service back in house by April 2025 when the current contract ends.",
]
TARGETS = ["Cut the average length of stay to 6.5 days by March 2025.",
           "Help 85% of those who finish reablement to be living independently three months later.",
           "Halve the waiting list for occupational therapy assessments by the autumn."]


def board_paper(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Partnership board: priorities for 2024/25", 1)
    d.add_paragraph("The partnership board agreed four priorities for the coming year:")
    for t in PRIORITIES:
        d.add_paragraph(t, style="List Bullet")
    d.add_paragraph("Progress against these priorities will be reported to the board every quarter.")
    d.add_paragraph("The board also set three targets for the same year:")
    for t in TARGETS:
        d.add_paragraph(t, style="List Number")
    d.add_paragraph("The finance committee will review the budget for each priority in June.")
    d.save(str(path))
    return path


def test_word_list_items_carry_their_bullet_or_number(tmp_path: Path) -> None:
    lines = [ln.text for ln in read(board_paper(tmp_path / "paper.docx")).lines]
    assert [ln for ln in lines if ln.startswith("• ")] == [f"• {t}" for t in PRIORITIES]
    assert [ln for ln in lines if ln[:1].isdigit()] == [f"{i}. {t}" for i, t in enumerate(TARGETS, 1)]
    # paragraphs that are no list item, and headings, are as they were
    assert "The partnership board agreed four priorities for the coming year:" in lines
    assert "Partnership board: priorities for 2024/25" in lines


@pytest.fixture(scope="module")
def paper_assistant(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("lists")
    (root / "corpus").mkdir()
    board_paper(root / "corpus" / "board_paper.docx")
    return assistant_for(root / "corpus", root / "index")


@pytest.mark.parametrize("question,items", [
    ("What are the partnership board's priorities for the coming year?", PRIORITIES),
    ("Which priorities did the board agree?", PRIORITIES),
    ("What targets did the board set?", TARGETS),
    ("List the targets the board set for the year.", TARGETS),
])
def test_a_list_question_about_a_word_document_gets_every_item(paper_assistant, question: str,  # type: ignore[no-untyped-def]
                                                                items: list[str]) -> None:
    ans = paper_assistant.ask(question)
    for item in items:
        assert item.rstrip(".")[:60] in ans.text
    cited = {c.line_start for c in ans.citations}
    lines = [ln for ln in read(paper_assistant.settings.corpus / "board_paper.docx").lines]
    assert {ln.no for ln in lines if any(ln.text.endswith(i) for i in items)} <= cited


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "▪", "➢", "●"])
def test_a_bullet_printed_as_a_symbol_is_a_bullet(glyph: str) -> None:
    assert clean_line(f"{glyph} Expand reablement") == "• Expand reablement"
    assert clean_line(f"  {glyph}\tExpand reablement") == "• Expand reablement"  # a tab after it is no cell
    assert clean_line(f"Total {glyph}\t£5") == f"Total {glyph}\t£5"  # not at the start: not a bullet


@pytest.mark.parametrize("glyph", ["▪", "➢", "\uf0b7"])
def test_a_list_with_symbol_bullets_in_a_text_file_gets_every_item(tmp_path: Path, glyph: str) -> None:
    text = "\n".join(["Carers strategy 2024", "", "The strategy sets out three commitments to carers:",
                      *(f"{glyph} {t}" for t in PRIORITIES[:3]), "",
                      "The council will consult carers on the strategy in the spring."])
    a = assistant_over(tmp_path, "carers.txt", text)
    ans = a.ask("What commitments does the strategy make to carers?")
    for item in PRIORITIES[:3]:
        assert item.rstrip(".")[:60] in ans.text


NEXT_SECTION = """Winter plan 2024/25

3. Actions for the winter
The partners have agreed three actions for the winter months:
1. Open ten step-down beds at Elm Lodge from 1 December.
2. Run the discharge hub seven days a week until the end of March.
3. Offer every carer of a person leaving hospital a call within two days.

{next}
The plan will be reviewed by the partnership board at its meeting in February.
"""


@pytest.mark.parametrize("heading", ["4. Monitoring", "5. Review", "6) Governance"])
@pytest.mark.parametrize("question", ["What actions have the partners agreed for the winter?",
                                      "List the winter actions."])
def test_a_numbered_list_ends_where_the_numbers_stop_following_on(tmp_path: Path, heading: str, question: str) -> None:
    """The next section's number ('5. Review' after items 1 to 3) is not a fourth item, whether or not its
    number follows the last item's ('4. Monitoring' does, and is a heading over a paragraph)."""
    a = assistant_over(tmp_path, "winter.txt", NEXT_SECTION.format(next=heading))
    ans = a.ask(question)
    assert all(x in ans.text for x in ("Elm Lodge", "seven days a week", "within two days")), ans.text
    assert heading.split(maxsplit=1)[1] not in ans.text
    assert max(c.line_start for c in ans.citations) == 7


@pytest.mark.parametrize("heading", ["5. Review", "7) Governance"])
def test_a_number_out_of_sequence_ends_a_list_with_no_blank_line_before_it(tmp_path: Path, heading: str) -> None:
    a = assistant_over(tmp_path, "winter.txt", NEXT_SECTION.format(next=heading).replace("two days.\n\n", "two days.\n"))
    ans = a.ask("What actions have the partners agreed for the winter?")
    assert "within two days" in ans.text and heading.split(maxsplit=1)[1] not in ans.text, ans.text
