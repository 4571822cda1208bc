"""SourceDoc + blocks + tables -> Passages: structure-aware text chunks and three views of every table.

Text chunks group the lines under one heading, in order, within a word-piece budget measured with the
embedding model's tokenizer; a line longer than the budget is split at sentence boundaries (then at
word boundaries, for a sentence longer than the budget on its own). A chunk never crosses a heading,
a table or a page. Every non-blank line outside tables, tables of contents and watermarks is covered by
exactly one text chunk (part of a line when a long line is split; `char_start`/`char_end` say which).

Tables are seen three ways: the caption; the table (caption, header, rows, split by rows with the
header repeated when longer than the window); and one chunk per body row ("caption | label | header:
value | ..."). Table and row chunks render cells; they point back to the table and row.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .layout import Block
from .settings import ChunkSettings
from .text import sentence_spans
from .types import Passage, Row, SourceDoc, Table

Counter = Callable[[str], int]


@dataclass
class _Unit:
    index: int  # index into doc.lines
    start: int  # char offsets into the cleaned line text
    end: int
    text: str
    tokens: int


def chunk(doc: SourceDoc, blocks: list[Block], tables: list[Table], count: Counter,
          settings: ChunkSettings, window: int = 254) -> list[Passage]:
    """All passages of a document: text chunks, then table captions, tables and rows."""
    passages = _text_chunks(doc, blocks, count, settings, window)
    heading_at = {b.start: b.heading for b in blocks}
    for t in tables:
        if t.kind == "contents":
            continue
        heading = _heading_for_line(doc, blocks, t.page, t.line_start) or heading_at.get(0, ())
        passages.extend(table_passages(t, heading, count, window))
    return _unique_ids(passages)


def embedding_text(p: Passage, count: Counter | None = None, heading_tokens: int = 40) -> str:
    """What gets embedded for a passage: its heading path (when not already its first line), then text."""
    if not p.heading or p.kind != "text":
        return p.text
    heading = list(p.heading)
    if p.text.startswith(heading[-1]):
        heading = heading[:-1]
    prefix = " > ".join(heading)
    if count is not None:
        while heading and count(prefix) > heading_tokens:
            heading = heading[1:]
            prefix = " > ".join(heading)
    return f"{prefix}\n{p.text}" if prefix else p.text


# --------------------------------------------------------------------------- text


def _text_chunks(doc: SourceDoc, blocks: list[Block], count: Counter, settings: ChunkSettings,
                 window: int) -> list[Passage]:
    out: list[Passage] = []
    group: list[_Unit] = []
    group_heading: tuple[str, ...] = ()
    budget = settings.max_tokens

    def flush(units: list[_Unit]) -> None:
        if units:
            out.append(_passage(doc, units, group_heading))

    def prefix_tokens(heading: tuple[str, ...]) -> int:
        return count(" > ".join(heading)) + 1 if heading else 0

    for b in blocks:
        if b.kind not in ("heading", "text"):
            flush(group)
            group = []
            continue
        page_changed = bool(group) and doc.lines[group[0].index].page != doc.lines[b.start].page
        if b.kind == "heading" or page_changed or b.heading != group_heading:
            flush(group)
            group = []
            group_heading = b.heading
        limit = min(budget, window - min(prefix_tokens(group_heading), settings.heading_tokens) - 2)
        for i in range(b.start, b.end):
            line = doc.lines[i]
            if not line.text.strip():
                continue
            for unit in _units(i, line.text, count, limit):
                while group and sum(u.tokens for u in group) + unit.tokens + len(group) > limit:
                    keep = _cut(group)
                    flush(group[:keep])
                    group = group[keep:]
                group.append(unit)
    flush(group)
    return out


def _units(index: int, text: str, count: Counter, limit: int) -> list[_Unit]:
    """One unit for a line that fits; sentence pieces (grouped up to the limit) for one that does not."""
    n = count(text)
    if n <= limit:
        return [_Unit(index, 0, len(text), text, n)]
    pieces: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if count(text[a:b]) <= limit:
            pieces.append((a, b))
        else:
            pieces.extend(_word_pieces(text, a, b, count, limit))
    units: list[_Unit] = []
    cur: tuple[int, int] | None = None
    for a, b in pieces:
        if cur is not None and count(text[cur[0]:b]) <= limit:
            cur = (cur[0], b)
        else:
            if cur is not None:
                units.append(_Unit(index, cur[0], cur[1], text[cur[0]:cur[1]], count(text[cur[0]:cur[1]])))
            cur = (a, b)
    if cur is not None:
        units.append(_Unit(index, cur[0], cur[1], text[cur[0]:cur[1]], count(text[cur[0]:cur[1]])))
    return units


def _word_pieces(text: str, a: int, b: int, count: Counter, limit: int) -> list[tuple[int, int]]:
    spans = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", text[a:b])]
    out: list[tuple[int, int]] = []
    start = spans[0][0]
    end = start
    for s, e in spans:
        if end > start and count(text[start:e]) > limit:
            out.append((start, end))
            start = s
        end = e
    out.append((start, end))
    return out


def _cut(group: list[_Unit]) -> int:
    """Where to close a full chunk: after the last unit that ends a sentence, if that keeps half of it."""
    for k in range(len(group) - 1, 0, -1):
        if group[k - 1].text.rstrip().endswith((".", "!", "?", ":", ";")) and k >= len(group) // 2:
            return k
    return len(group)


def _passage(doc: SourceDoc, units: list[_Unit], heading: tuple[str, ...]) -> Passage:
    first, last = doc.lines[units[0].index], doc.lines[units[-1].index]
    text = "\n".join(u.text for u in units)
    full_last = last.text
    return Passage(
        id="", doc=doc.name, page=first.page, line_start=first.no, line_end=last.no, text=text,
        heading=heading, kind="text", char_start=units[0].start,
        char_end=None if units[-1].end >= len(full_last) else units[-1].end,
    )


def _heading_for_line(doc: SourceDoc, blocks: list[Block], page: int | None, line_no: int) -> tuple[str, ...]:
    for b in blocks:
        first = doc.lines[b.start]
        last = doc.lines[b.end - 1]
        if first.page == page and first.no <= line_no <= last.no:
            return b.heading
    return ()


# --------------------------------------------------------------------------- tables


def render_row(t: Table, r: Row, with_caption: bool = True) -> list[str]:
    """Cells of a row as 'header: value' parts (label first)."""
    parts: list[str] = []
    if with_caption and t.caption:
        parts.append(t.caption)
    parts.append(r.path() or "(row)")
    for c in r.cells[t.label_cols:]:
        if c.kind == "empty" or not c.text.strip():
            continue
        head = t.columns[c.col] if c.col < len(t.columns) else ""
        parts.append(f"{head}: {c.text}" if head else c.text)
    return parts


def _header_text(t: Table) -> str:
    cols = [c for c in t.columns if c]
    return " | ".join(cols)


def table_passages(t: Table, heading: tuple[str, ...], count: Counter, window: int) -> list[Passage]:
    """Caption, table (split by rows, header repeated) and row passages of a table."""
    out: list[Passage] = []
    base = dict(doc=t.doc, page=t.page, heading=heading, table_id=t.id)
    head = "\n".join(x for x in (t.caption, _header_text(t)) if x)
    if t.caption:  # the caption view stands for the whole table: caption and column headers
        lines = [ln for ln in (t.caption_line, t.line_start, t.line_end) if ln is not None]
        out.append(Passage(id="", line_start=min(lines), line_end=max(lines), text=_fit(head, count, window),
                           kind="caption", **base))  # type: ignore[arg-type]
    head_tokens = count(head) if head else 0
    rows_text = [(r, " | ".join(render_row(t, r, with_caption=False))) for r in t.rows]
    part: list[tuple[Row, str]] = []
    used = head_tokens
    for r, line in rows_text:
        line = _fit(line, count, window - head_tokens - 2)
        n = count(line) + 1
        if part and (used + n > window or r.page_in(t) != part[-1][0].page_in(t)):  # a chunk is on one page
            out.append(_table_chunk(t, head, part, base))
            part, used = [], head_tokens
        part.append((r, line))
        used += n
    if part:
        out.append(_table_chunk(t, head, part, base))
    for r in t.rows:
        if r.role == "category":
            continue
        parts = render_row(t, r)
        for piece in _pieces(parts, count, window):
            out.append(Passage(id="", line_start=min(r.lines), line_end=max(r.lines), text=piece, kind="row",
                               row=r.index, **{**base, "page": r.page_in(t)}))  # type: ignore[arg-type]
    return out


def _table_chunk(t: Table, head: str, part: list[tuple[Row, str]], base: dict) -> Passage:  # type: ignore[type-arg]
    lines = [ln for r, _ in part for ln in r.lines]
    start = min(lines)
    if part[0][0].index == 0:
        start = min([start, *t.header_lines]) if t.header_lines else start
    text = "\n".join([head, *(s for _, s in part)]) if head else "\n".join(s for _, s in part)
    return Passage(id="", line_start=start, line_end=max(lines), text=text, kind="table",
                   **{**base, "page": part[0][0].page_in(t)})


def _fit(text: str, count: Counter, limit: int) -> str:
    """Shorten one rendered row for the table view only (the row view keeps every cell)."""
    if count(text) <= limit:
        return text
    words = text.split()
    lo, hi = 1, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count(" ".join(words[:mid]) + " …") <= limit:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo]) + " …"


def _pieces(parts: list[str], count: Counter, window: int) -> list[str]:
    """Row text within the window. When 'caption | label | a: 1 | ...' is too long it is split into
    pieces at cell (then word) boundaries; every piece after the first starts with the caption and
    the first words of the label, so each piece still says which row it is. No text is dropped."""
    full = " | ".join(parts)
    if count(full) <= window:
        return [full]
    label_words = parts[1].split() if len(parts) > 1 else []
    context = " | ".join(x for x in (parts[0], " ".join(label_words[:12]) + (" …" if len(label_words) > 12 else "")) if x)
    if count(context) > window // 3:
        context = " ".join(context.split()[:16]) + " …"
    limit = window - count(context) - 3
    pieces: list[str] = []
    cur: list[str] = []
    for p in parts:
        segs = [p] if count(p) <= limit else [" ".join(w) for w in _chop(p.split(), count, limit)]
        for seg in segs:
            if cur and count(" | ".join(cur + [seg])) > limit:
                pieces.append(" | ".join(cur))
                cur = []
            cur.append(seg)
    if cur:
        pieces.append(" | ".join(cur))
    return [pieces[0]] + [f"{context} | {pc}" for pc in pieces[1:]] if count(pieces[0]) <= window else [
        f"{context} | {pc}" for pc in pieces]


def _chop(words: list[str], count: Counter, limit: int) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    for w in words:
        if cur and count(" ".join(cur + [w])) > limit:
            out.append(cur)
            cur = []
        cur.append(w)
    if cur:
        out.append(cur)
    return out


def _unique_ids(passages: list[Passage]) -> list[Passage]:
    """Content-derived ids (doc + kind + heading path + text): stable across rebuilds, and the same id always
    means the same embedded text. A repeat of the same text in a document gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for p in passages:
        h = hashlib.sha1(f"{p.doc}\0{p.kind}\0{' > '.join(p.heading)}\0{p.text}".encode()).hexdigest()[:16]
        n = seen.get(h, 0)
        seen[h] = n + 1
        out.append(replace(p, id=f"p-{h}" + (f"-{n + 1}" if n else "")))
    return out


def analyse(doc: SourceDoc, count: Counter, settings: ChunkSettings, window: int = 254) -> tuple[list[Passage], list[Table]]:
    """The whole structure pass of one document: blocks, tables, passages."""
    from .layout import segment
    from .tables import extract_tables

    blocks = segment(doc)
    tables = extract_tables(doc, blocks)
    return chunk(doc, blocks, tables, count, settings, window), tables
