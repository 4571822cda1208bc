"""SourceDoc -> blocks: headings (with levels), text, table regions, tables of contents, watermarks.

Pure functions over the lines of a document. A block never crosses a page. Every non-blank line
belongs to exactly one block; chunking and table extraction work from these blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .text import LIST_ITEM
from .types import Line, SourceDoc

BlockKind = Literal["heading", "text", "table", "toc", "watermark"]

WATERMARKS = {"draft", "confidential", "official", "official - sensitive", "official-sensitive",
              "not protectively marked", "for discussion", "restricted"}
_PAGE_MARK = re.compile(r"(?i)^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})([a-z])?(\.|\)|:)?\s+(\S.*)$")
_SECTION = re.compile(r"(?i)^(section|part|appendix|annex|chapter)\s+[\dA-Z]{1,3}\b\s*[:.\-–—]?\s*\S")
CAPTION = re.compile(r"(?i)^(table|figure|fig\.|chart|graph|diagram)\s*\d")
_TOC_ENTRY = re.compile(r"^(?P<title>\S.*?)(?:\s*\.{2,}\s*|\s*\t\s*|\s+)(?P<page>\d{1,3})\s*$")
_TOC_DOTS = re.compile(r"\.{3,}\s*\t?\s*$")
_TOC_TITLES = {"contents", "table of contents", "contents page"}
_LEAD_INS = {"the", "this", "these", "those", "in", "if", "as", "it", "a", "an", "we", "there", "they",
             "for", "from", "of", "with", "to", "and", "but", "such"}
_TERMINAL = (".", "!", ";", ",")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_POINTS_ON = re.compile(r"(?i)\b(below|as follows)\s*:?$")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int  # index into doc.lines, inclusive
    end: int  # exclusive
    level: int = 0  # heading level (1 = top)
    heading: tuple[str, ...] = field(default=())  # heading path in force (for a heading: itself included)

    def lines(self, doc: SourceDoc) -> tuple[Line, ...]:
        return doc.lines[self.start:self.end]


def is_blank(line: Line) -> bool:
    return not line.text.replace("\t", "").strip()


def is_watermark(text: str) -> bool:
    t = text.strip().strip("*").strip().lower()
    return t in WATERMARKS or bool(_PAGE_MARK.match(t)) and t.startswith("page")


def _has_cells(line: Line) -> bool:
    return "\t" in line.text and bool(line.text.replace("\t", "").strip())


def segment(doc: SourceDoc) -> list[Block]:
    """Split a document into blocks, page by page, and attach heading paths."""
    blocks: list[Block] = []
    i = 0
    n = len(doc.lines)
    while i < n:
        j = i
        while j < n and doc.lines[j].page == doc.lines[i].page:
            j += 1
        blocks.extend(_segment_page(doc, i, j))
        i = j
    return _attach_headings(doc, blocks)


def _segment_page(doc: SourceDoc, lo: int, hi: int) -> list[Block]:
    lines = doc.lines
    kinds: list[str] = []
    for k in range(lo, hi):
        ln = lines[k]
        if is_blank(ln):
            kinds.append("blank")
        elif is_watermark(ln.text):
            kinds.append("watermark")
        elif _has_cells(ln):
            kinds.append("cells")
        else:
            kinds.append("other")
    _mark_toc(doc, lo, kinds)
    _mark_table_regions(kinds)
    _mark_headings(doc, lo, kinds)

    blocks: list[Block] = []
    k = 0
    while k < len(kinds):
        kind = kinds[k]
        if kind == "blank":
            k += 1
            continue
        if kind.startswith("heading"):
            blocks.append(Block("heading", lo + k, lo + k + 1, level=int(kind.split(":")[1])))
            k += 1
            continue
        if kind == "watermark":
            blocks.append(Block("watermark", lo + k, lo + k + 1))
            k += 1
            continue
        group = {"toc": "toc", "table": "table", "cells": "table"}.get(kind, "text")
        m = k + 1
        while m < len(kinds):
            nk = kinds[m]
            ng = {"toc": "toc", "table": "table", "cells": "table"}.get(nk)
            if group == "text" and nk == "other":
                m += 1
                continue
            if group != "text" and ng == group:
                m += 1
                continue
            break
        # trim trailing blanks
        end = m
        while end > k and kinds[end - 1] == "blank":
            end -= 1
        blocks.append(Block(group, lo + k, lo + end))  # type: ignore[arg-type]
        k = m
    return blocks


def _mark_table_regions(kinds: list[str]) -> None:
    """Lines with tab-separated cells form table regions; up to three blank lines inside a region
    (a page break in the converted text) do not end it when cells follow."""
    k = 0
    while k < len(kinds):
        if kinds[k] != "cells":
            k += 1
            continue
        m = k
        while True:
            m2 = m + 1
            while m2 < len(kinds) and kinds[m2] == "cells":
                m2 += 1
            gap = m2
            while gap < len(kinds) and kinds[gap] in ("blank", "watermark") and gap - m2 < 4:
                gap += 1
            if gap < len(kinds) and kinds[gap] == "cells" and gap > m2:
                m = gap
                continue
            m = m2 - 1
            break
        for t in range(k, m + 1):
            if kinds[t] in ("cells", "blank"):
                kinds[t] = "table"
        k = m + 1


def toc_entry(text: str) -> bool:
    """A line of a table of contents: a title followed by a page number (or leader dots)."""
    t = text.strip()
    if len(t) > 160 or t.count("\t") > 1:
        return False
    if _TOC_DOTS.search(t):
        return True
    m = _TOC_ENTRY.match(t)
    return m is not None and not m.group("title").rstrip().endswith((".", ",", ";")) or bool(
        m and re.search(r"\.{2,}", m.group("title")))


def _mark_toc(doc: SourceDoc, lo: int, kinds: list[str]) -> None:
    """A 'Contents' heading followed by entries, or a run of four or more entries with rising page numbers."""
    lines = doc.lines
    n = len(kinds)
    k = 0
    while k < n:
        text = lines[lo + k].text.strip()
        title = text.lower().rstrip(":") in _TOC_TITLES
        start = k + 1 if title else k
        m = start
        entries: list[int] = []
        pages: list[int] = []
        while m < n:
            if kinds[m] in ("blank", "watermark"):
                m += 1
                continue
            t = lines[lo + m].text.replace("\u00a0", " ")
            if toc_entry(t) or (title and entries and _appendix_like(t)):
                entries.append(m)
                pm = _TOC_ENTRY.match(t.strip())
                if pm:
                    pages.append(int(pm.group("page")))
                m += 1
                continue
            break
        rising = len(pages) >= 4 and sum(b >= a for a, b in zip(pages, pages[1:], strict=False)) >= 0.8 * (len(pages) - 1)
        if entries and ((title and len(entries) >= 2) or (len(entries) >= 4 and rising)):
            if title:
                kinds[k] = "heading:1"
            last = entries[-1]
            for j in range(start, last + 1):
                if kinds[j] != "blank":
                    kinds[j] = "toc"
                else:
                    kinds[j] = "toc-blank"
            k = last + 1
            continue
        k += 1
    for j in range(n):
        if kinds[j] == "toc-blank":
            kinds[j] = "blank"


def _appendix_like(t: str) -> bool:
    return bool(re.match(r"(?i)^\s*(appendix|annex)\b", t)) and len(t) < 120


def heading_number(text: str) -> tuple[int, ...] | None:
    """(2, 1) for '2.1 Total allocation'; None when the line is not numbered like a heading."""
    m = _NUMBERED.match(text.strip())
    if not m:
        return None
    return tuple(int(x) for x in m.group(1).split("."))


# the entries of a paper's cover sheet or a meeting's minutes: a field's name, a colon and its value ('Author: ...',
# 'Apologies: ...', 'Executive sponsor: ...'), which are what a question asks (who wrote it, who sent apologies),
# never the title of what follows
_FIELD = re.compile(r"(?i)^(?:report\s+|paper\s+|executive\s+|clinical\s+|senior\s+|responsible\s+|lead\s+|independent\s+|"
                    r"vice[\s-]|deputy\s+|interim\s+|acting\s+|joint\s+|co-|registered\s+|overall\s+)?"
                    r"(?:authors?|contacts?|leads?|sponsors?|apologies|present|attendees|in attendance|date of [a-z]+|"
                    r"purpose|presented by|prepared by|written by|directors?|officers?|owners?|chair|venue|"
                    r"status|ratings?|providers?|managers?|location|address)\s*:\s+\S")


def _title_like(text: str) -> bool:
    t = text.strip()
    words = t.split()
    if not words or len(t) > 100 or len(words) > 14:
        return False
    if t.startswith(("-", "•", "·", "*", "(", "[", "\u2022", "✓")) or CAPTION.match(t):
        return False
    if t[0] in _SUPERSCRIPTS:  # a footnote ('¹ Royal Borough of Greenwich ...'), not a section
        return False
    if not (t[0].isupper() or t[0].isdigit()):
        return False
    if t.endswith(_TERMINAL) and not (t.endswith(".") and _SECTION.match(t) and len(words) <= 10):
        return False
    numbered = heading_number(t) is not None or bool(_SECTION.match(t))
    if t.endswith(":") and not numbered and (len(words) > 7 or words[0].lower() in _LEAD_INS):
        return False
    if _POINTS_ON.search(t):  # '... are outlined below': a lead-in to what follows, not its title
        return False
    if _FIELD.match(t):  # 'Author: Priya Natarajan, Director of People': a cover sheet's or minutes' entry
        return False
    if t.endswith("?") and len(words) > 12:
        return False
    letters = sum(c.isalpha() for c in t)
    if letters < 0.5 * len(t.replace(" ", "")):
        return False
    if re.search(r"[£$€]\s?\d|\d%", t) and not _SECTION.match(t):  # figures belong to sentences
        return False
    return True


def _mark_headings(doc: SourceDoc, lo: int, kinds: list[str]) -> None:
    lines = doc.lines
    n = len(kinds)
    paged = doc.format == "pdf"
    last_number: tuple[int, ...] = ()
    last_at = -100
    # a PDF's running text fills its lines to the page width: a line near that width is the first line of
    # a wrapped paragraph ('The multi-disciplinary team could be developed further in the medium term to'),
    # never a heading, however title-like its words
    widths = sorted(len(lines[lo + k].text.strip()) for k in range(n) if kinds[k] == "other")
    full = widths[int(0.9 * (len(widths) - 1))] if paged and len(widths) >= 8 else 0
    for k in range(n):
        if kinds[k] != "other":
            continue
        ln = lines[lo + k]
        text = ln.text.strip()
        # a Word heading style says it; a PDF's larger type says it of a line whose words are a heading's
        if ln.heading_level is not None and (not paged or _title_like(text)) and not (
                text.endswith(":") and k + 1 < n and LIST_ITEM.match(lines[lo + k + 1].text.strip())) \
                and not _FIELD.match(text):
            # (a line in a heading's style that ends with a colon over list items, 'We will:', is the list's lead-in;
            # one that is a cover's entry, 'Independent Chair: Dr Eleanor Voss', says who, as in a text file)
            kinds[k] = f"heading:{max(1, ln.heading_level)}"
            continue
        prev_blank = k == 0 or kinds[k - 1] in ("blank", "watermark", "toc") or kinds[k - 1].startswith("heading")
        next_blank = k + 1 >= n or kinds[k + 1] in ("blank", "watermark", "table", "cells")
        if paged:  # PDF text has no blank lines: a heading follows the end of a sentence, or a caption
            prev = lines[lo + k - 1].text.rstrip() if k else ""
            prev_blank = (prev_blank or prev.endswith((".", ":", "!", "?")) or kinds[k - 1].startswith("heading")
                          or bool(CAPTION.match(prev.strip())) or k > 0 and kinds[k - 1] in ("table", "cells"))
            # (or the last row of a table: 'Priorities for 2026/27' under a table's Total row)
            next_blank = True
            if full and len(text) >= 0.8 * full:
                continue
        if not paged and prev_blank and not next_blank and _title_like(text) and not text.endswith(":") \
                and (_opens_paragraph(lines[lo + k + 1].text, kinds[k + 1],
                                      lines[lo + k + 2].text if k + 2 < n and kinds[k + 2] == "other" else "")
                     or _opens_section(lines[lo + k + 1].text, kinds[k + 1])
                     or k + 2 < n and all(kinds[k + j] == "other" and LIST_ITEM.match(lines[lo + k + j].text.strip())
                                          for j in (1, 2))):
            # a text file's heading set straight above its first paragraph ('5. Risks' / 'The main ...'), or above a
            # table's caption or a list's lead-in ('3. Care homes' / 'Table 3: ...'), or above its items ('Next steps'
            # / '- recruit a second trusted assessor;')
            next_blank = True
        if not (prev_blank and next_blank) or not _title_like(text):
            continue
        num = heading_number(text)
        if num is not None:
            if last_number and num <= last_number and len(num) == 1 and k - last_at < 30:
                continue  # a numbered list item close to the last heading, not a new section
            last_number, last_at = num, k
            kinds[k] = f"heading:{len(num)}"
        elif _SECTION.match(text):
            kinds[k] = "heading:1"
        else:
            kinds[k] = "heading:0"  # unnumbered: level resolved in _attach_headings


def _opens_section(text: str, kind: str) -> bool:
    """Whether a line reads as what a section may open with other than a paragraph: a table's caption, or the
    lead-in of a list ('Over 2026-2029 the Council intends to:')."""
    t = text.strip()
    return kind == "other" and t[:1].isupper() and not LIST_ITEM.match(t) and (
        bool(CAPTION.match(t)) or t.endswith(":") and len(t.split()) >= 2)  # ('We will:')


def _opens_paragraph(text: str, kind: str, after: str = "") -> bool:
    """Whether a line reads as a paragraph of running text: a sentence of some length that ends as one, or runs on
    to the line after it (a text file's hard-wrapped paragraph: '... moved to recovery,' / 'above the national
    standard of 50%.'), not a list item or another short line (what a heading stands over when no blank line parts
    them)."""
    t, a = text.strip(), after.strip()
    ends = t.endswith((".", "!", "?", ":")) or bool(a) and (a[:1].islower() or t.endswith((",", ";"))) \
        and not LIST_ITEM.match(a)
    return kind == "other" and len(t.split()) >= 12 and ends and t[:1].isupper() and not LIST_ITEM.match(t)


def _attach_headings(doc: SourceDoc, blocks: list[Block]) -> list[Block]:
    """Give every block the heading path in force; unnumbered headings nest under the last numbered one,
    and a heading directly followed by another heading is the parent of the second."""
    stack: list[tuple[int, str]] = []
    out: list[Block] = []
    numbered_level = 0
    prev_kind = ""
    prev_level = 0
    for b in blocks:
        if stack and stack[0][1].lower().rstrip(":") in _TOC_TITLES and b.kind not in ("toc", "watermark"):
            stack.pop(0)  # 'Contents' heads its entries, not the rest of the document
        if b.kind == "heading":
            title = doc.lines[b.start].text.strip()
            level = b.level
            if level == 0:
                level = prev_level + 1 if prev_kind == "heading" else numbered_level + 1
            else:
                numbered_level = level
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            path = tuple(t for _, t in stack)
            out.append(Block("heading", b.start, b.end, level=level, heading=path))
            prev_level = level
        else:
            out.append(Block(b.kind, b.start, b.end, heading=tuple(t for _, t in stack)))
        if b.kind != "watermark":
            prev_kind = b.kind
    return out
