"""Chunking invariants: full coverage exactly once, verbatim text, the embedding window, stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chunking import analyse, embedding_text
from assistant.embedding import TokenCounter
from assistant.ingest import read
from assistant.layout import segment
from assistant.settings import Settings
from assistant.types import Passage, SourceDoc

from .conftest import DATA, real_corpus

SETTINGS = Settings()


@pytest.fixture(scope="module")
def count() -> TokenCounter:
    return TokenCounter(SETTINGS.embedding)


def corpus_docs() -> list[SourceDoc]:
    return [read(p) for p in sorted(real_corpus().glob("*.txt"))]


def check_coverage(doc: SourceDoc, passages: list[Passage]) -> None:
    """Every non-blank line is in exactly one of: text chunks (its characters covered exactly once),
    a table, a table of contents, or a watermark."""
    kinds: dict[tuple, str] = {}
    for b in segment(doc):
        if b.kind in ("table", "toc", "watermark"):
            for ln in b.lines(doc):
                kinds[(ln.page, ln.no)] = b.kind
    covered: dict[tuple, list[tuple[int, int]]] = {}
    index_of = {(ln.page, ln.no): i for i, ln in enumerate(doc.lines)}
    for p in passages:
        if p.kind != "text":
            continue
        lo, hi = index_of[(p.page, p.line_start)], index_of[(p.page, p.line_end)]
        pieces = []
        for i in range(lo, hi + 1):
            ln = doc.lines[i]
            if not ln.text.strip():
                continue
            assert (ln.page, ln.no) not in kinds, f"{doc.name}:{ln.no} is both text and {kinds[(ln.page, ln.no)]}"
            a = p.char_start if i == lo else 0
            b = (p.char_end if p.char_end is not None else len(ln.text)) if i == hi else len(ln.text)
            covered.setdefault((ln.page, ln.no), []).append((a, b))
            pieces.append(ln.text[a:b])
        assert p.text == "\n".join(pieces), f"{doc.name}:{p.line_start}-{p.line_end} text is not verbatim"
    for ln in doc.lines:
        key = (ln.page, ln.no)
        if not ln.text.replace("\t", "").strip() or key in kinds:
            continue
        spans = sorted(covered.get(key, []))
        assert spans, f"{doc.name}:{ln.no} is not covered by any chunk: {ln.text[:60]!r}"
        pos = 0
        for a, b in spans:
            assert ln.text[pos:a].strip() == "", f"{doc.name}:{ln.no} has a gap at {pos}-{a}"
            assert a >= pos, f"{doc.name}:{ln.no} is covered twice around {a}"
            pos = b
        assert ln.text[pos:].strip() == "", f"{doc.name}:{ln.no} is not covered after {pos}"


def test_fixture_coverage_verbatim_and_window(count: TokenCounter) -> None:
    doc = read(DATA / "plan.txt")
    passages, tables = analyse(doc, count, SETTINGS.chunking, count.window)
    check_coverage(doc, passages)
    for p in passages:
        assert count(embedding_text(p, count)) <= count.window, p.text[:80]
    kinds = {p.kind for p in passages}
    assert kinds == {"text", "table", "row", "caption"}
    # headings become the path of the chunks under them
    dtoc = next(p for p in passages if "46.8" in p.text and p.kind == "text")
    assert dtoc.heading == ("3. Performance", "3.1 Delayed transfers of care")
    # the watermark and the table of contents are not content
    assert not any(p.text.strip() == "Draft" for p in passages)
    assert not any("1. Introduction\t1" in p.text for p in passages)


def test_long_lines_split_at_sentences(count: TokenCounter, tmp_path: Path) -> None:
    sentence = "The integrated community service supports people at home after a stay in hospital. "
    f = tmp_path / "long.txt"
    f.write_text("1. Services\n\n" + sentence * 60 + "\n", encoding="utf-8")
    doc = read(f)
    passages, _ = analyse(doc, count, SETTINGS.chunking, count.window)
    check_coverage(doc, passages)
    assert len(passages) > 3
    for p in passages:
        assert count(embedding_text(p, count)) <= count.window
        assert p.text.rstrip().endswith(".") or p.text.strip() == "1. Services"


def test_ids_are_stable_and_content_derived(count: TokenCounter) -> None:
    doc = read(DATA / "plan.txt")
    a, _ = analyse(doc, count, SETTINGS.chunking, count.window)
    b, _ = analyse(read(DATA / "plan.txt"), count, SETTINGS.chunking, count.window)
    assert [p.id for p in a] == [p.id for p in b]
    assert len({p.id for p in a}) == len(a)


@pytest.mark.corpus
def test_real_corpus_coverage_and_window(count: TokenCounter) -> None:
    for doc in corpus_docs():
        passages, tables = analyse(doc, count, SETTINGS.chunking, count.window)
        check_coverage(doc, passages)
        too_long = [p for p in passages if count(embedding_text(p, count)) > count.window]
        assert not too_long, f"{doc.name}: {len(too_long)} passages exceed the window"
        assert len({p.id for p in passages}) == len(passages)
        assert tables, f"{doc.name}: no tables found"


@pytest.mark.parametrize("note", ["¹ Royal Borough of Kingsmead Reablement Review",
                                  "² Community Services Review, NHS, 4th May 2016",
                                  "³ Integrated Discharge Hub: A Northshire Approach"])
def test_a_footnote_is_not_a_section_heading(tmp_path: Path, note: str) -> None:
    """A footnote line of a converted PDF is text: the paragraphs after it stay under their own section."""
    f = tmp_path / "plan.txt"
    f.write_text("2. Reablement\n\nA rapid response service was set up in Kingsmead¹ and cut admissions by 12%.\n\n"
                 f"{note}\n\nThe partners agreed to extend the service to two more districts.\n", encoding="utf-8")
    doc = read(f)
    blocks = segment(doc)
    headings = [doc.lines[b.start].text for b in blocks if b.kind == "heading"]
    assert headings == ["2. Reablement"]
    last = next(b for b in blocks if "two more districts" in doc.lines[b.start].text)
    assert last.heading == ("2. Reablement",)


@pytest.mark.parametrize("lead_in", ["High level aims for the Eastmoor plan are outlined below",
                                     "The main risks to delivery are set out below:",
                                     "Our priorities for 2024 are as follows"])
def test_a_lead_in_is_not_a_heading_and_contents_heads_only_its_entries(tmp_path: Path, lead_in: str) -> None:
    """'... are outlined below' introduces what follows; 'Contents' heads the table of contents, not the
    sections after it."""
    f = tmp_path / "plan.txt"
    f.write_text("Contents\n\nIntroduction\t2\nOur aims\t3\nRisks\t5\nFunding\t7\n\n"
                 f"Our aims\n\n{lead_in}\n\n- Fewer delayed discharges\n- More people supported at home\n\n"
                 "Risks\n\nDemand on the acute system is the biggest risk to the plan.\n", encoding="utf-8")
    doc = read(f)
    blocks = segment(doc)
    headings = [doc.lines[b.start].text for b in blocks if b.kind == "heading"]
    assert lead_in not in headings and "Risks" in headings
    risk = next(b for b in blocks if b.kind == "text" and "biggest risk" in doc.lines[b.start].text)
    assert risk.heading == ("Risks",)
    item = next(b for b in blocks if b.kind == "text" and "Fewer delayed" in " ".join(
        ln.text for ln in b.lines(doc)))
    assert item.heading == ("Our aims",)


@pytest.mark.parametrize("title", ["4. Workforce", "Risks to delivery", "3.2 Carers support", "Next steps"])
def test_a_heading_set_straight_above_its_paragraph_is_a_heading(tmp_path: Path, title: str) -> None:
    """A text file's section title often has no blank line under it: the paragraph that follows it is its
    section's, and the next one's title starts the next section."""
    f = tmp_path / "paper.txt"
    f.write_text("Board paper on the winter plan\n\n1. Purpose\nThis paper asks the board to agree the winter plan for"
                 " the two councils and the hospital trust.\n\n"
                 f"{title}\nThe vacancy rate for home care workers has risen to 14% and agency use is growing again.\n",
                 encoding="utf-8")
    doc = read(f)
    blocks = segment(doc)
    headings = [doc.lines[b.start].text for b in blocks if b.kind == "heading"]
    assert headings[-2:] == ["1. Purpose", title]
    last = next(b for b in blocks if b.kind == "text" and "vacancy rate" in doc.lines[b.start].text)
    assert last.heading[-1] == title


@pytest.mark.parametrize("line", [
    "Care home placements rose again",             # no blank line above it: the end of a paragraph
    "The board agreed the following actions:",     # a lead-in
    "Winter schemes",                              # above a short line, not a paragraph
])
def test_a_short_line_above_a_paragraph_is_not_always_a_heading(tmp_path: Path, line: str) -> None:
    above = "The plan was agreed in October.\n" if line.startswith("Care") else "The plan was agreed in October.\n\n"
    below = "Extra beds\n" if line == "Winter schemes" else ""
    f = tmp_path / "paper.txt"
    f.write_text(f"1. Purpose\n\n{above}{line}\n{below}The number of people placed in care homes after a stay in "
                 "hospital went up by 7.5% in the third quarter of the year.\n", encoding="utf-8")
    doc = read(f)
    assert line not in [doc.lines[b.start].text for b in segment(doc) if b.kind == "heading"]


@pytest.mark.parametrize(("title", "opening"), [
    ("3. Care home market", "Table 3: Care home beds by locality, March 2026"),
    ("6. Commissioning intentions", "Over the next three years the council intends to:"),
    ("2.4 Workforce", "Figure 2 shows vacancies by staff group"),
])
def test_a_numbered_heading_above_a_caption_or_a_lead_in_is_a_heading(tmp_path: Path, title: str,
                                                                        opening: str) -> None:
    """A numbered section may open with a table's caption or a list's lead-in rather than a paragraph: what
    follows is its section's, not the section before's."""
    f = tmp_path / "mps.txt"
    f.write_text("Market position statement\n\n1. Purpose\nThis statement tells providers what the council expects to"
                 " commission for older people over the next three years.\n\n"
                 f"{title}\n{opening}\n- first item of what follows it\n- second item of what follows it\n",
                 encoding="utf-8")
    doc = read(f)
    blocks = segment(doc)
    assert title in [doc.lines[b.start].text for b in blocks if b.kind == "heading"]
    item = next(b for b in blocks if b.kind == "text" and "second item" in " ".join(ln.text for ln in b.lines(doc)))
    assert item.heading[-1] == title


@pytest.mark.parametrize("line", ["1. Reduce delayed discharges", "1. Support carers"])
def test_a_numbered_list_item_above_a_lead_in_is_not_a_heading(tmp_path: Path, line: str) -> None:
    """(a number that does not go on from the last section's is a list's)"""
    f = tmp_path / "plan.txt"
    f.write_text("1. Purpose\nThis plan sets out how the partnership will improve care for older people this year "
                 "and next.\n\nOur priorities are:\n\n"
                 f"{line}\nThe partnership will do the following things:\n", encoding="utf-8")
    doc = read(f)
    headings = [doc.lines[b.start].text for b in segment(doc) if b.kind == "heading"]
    assert line not in headings and "1. Purpose" in headings
