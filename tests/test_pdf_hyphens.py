"""Running text a typesetter hyphenated at line ends ('leaving the com-' / 'munity hospitals'): a PDF's text
layer keeps the broken word, which then matches no question and is quoted as 'com- munity'. The word is made
whole on its first line when it is a known word; a compound broken at its own hyphen ('Well-' / 'being') and a
hyphen left hanging on purpose ('pre- and post-') stay. Line numbers do not move. Made-up PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import read

from .conftest import assistant_for

PRINTED = [
    "Intermediate care",
    "The partnership will extend the reablement service to people leaving the com-",
    "munity hospitals from April 2024. The integrated discharge team is led by the",
    "Director of Adult Social Services, who reports monthly to the Health and Well-",
    "being Board. Funding for the enhanced telecare offer comes from the Improved Bet-",
    "ter Care Fund and totals £1.4m over two years, with an evaluation due in Sep-",
    "tember 2025. Therapy staff will support people through pre- and post-",
    "operative care at home, and the falls service will be recom-",
    "missioned by the Joint Commissioning Committee in October.",
]


def hyphenated_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0
    for i, line in enumerate(PRINTED):
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 12 if i == 0 else 10)
        c.drawString(60, y, line)
        y -= 24 if i == 0 else 14
    c.showPage()
    c.save()
    return path


def test_a_word_broken_at_a_line_end_is_whole_on_its_first_line(tmp_path: Path) -> None:
    lines = [ln.text for ln in read(hyphenated_pdf(tmp_path / "care.pdf")).lines if ln.text.strip()]
    assert len(lines) == len(PRINTED)  # no line is added or lost
    assert lines[1].endswith("leaving the community")
    assert lines[2].startswith("hospitals from April 2024.")
    assert lines[3].endswith("Health and Well-being")  # a compound keeps its hyphen
    assert lines[4].endswith("Improved Better") and lines[5].endswith("due in September")
    assert "pre- and post-" in lines[6]  # a hanging hyphen is not a broken word
    assert lines[7].endswith("will be recommissioned")  # no half of it is a word: one word


@pytest.fixture(scope="module")
def care(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("hyphens")
    (tmp / "corpus").mkdir()
    hyphenated_pdf(tmp / "corpus" / "care.pdf")
    return assistant_for(tmp / "corpus", tmp / "index", 0.0)


@pytest.mark.parametrize("question,said,line", [
    ("When is the evaluation of the telecare offer due?", "September 2025", 5),
    ("Which fund pays for the enhanced telecare offer?", "Improved Better Care Fund", 5),
    ("Where will the reablement service be extended to?", "community hospitals", 2),
    ("Who does the Director of Adult Social Services report to?", "Health and Well-being Board", 4),
])
def test_a_hyphenated_word_is_found_and_quoted_whole(care, question: str, said: str, line: int) -> None:
    ans = care.ask(question)
    assert ans.answered, ans.text
    assert said in ans.text
    assert "- " not in ans.text.replace(" - ", "")  # no 'com- munity'
    assert any(c.line_start <= line <= c.line_end for c in ans.citations)
