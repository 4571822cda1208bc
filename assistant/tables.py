"""Table regions -> typed, repaired Tables with the provenance of every cell. Pure functions.

What PDF-to-text conversion breaks, and how it is repaired here (each repair keeps the source line of
every cell and is recorded in `Table.notes`):
  * a region holding several tables: split where, after blank lines, a title row, a repeated header row,
    a repeated block start ("Project 2" after "Project 1") or a different cell count begins;
  * title rows (one short cell, the rest empty) above the header become part of the caption; info rows
    above a header lower down ('Project 1 | Single Point of Referral', 'Resources | ...') are kept as
    rows of role "note": they say what the table is about and are not part of its data;
  * multi-row headers: a group label over empty cells ("Plan", "Actual") is carried right and joined
    with the row below ("Plan / NHS");
  * continuation lines: a line with an empty label and only text, or a sentence fragment alone in the
    first cell, is appended to the row above (rows broken by page breaks, wrapped cell text);
  * merged label cells: an empty first label cell under a filled one is filled down ("CCG" / "Deficit");
  * repeated header rows inside a table are dropped; category rows (a label, no values) group the rows
    below them; short labels under a long one with empty leading value cells are sub-rows of it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .layout import Block
from .text import runs_on
from .types import Cell, Row, SourceDoc, Table
from .values import NIL_DASHES, SCALE_SHORT, SCALES, parse_cell, strip_footnote

# a header over differences between periods ('Change', '% Change', 'Variance', 'Movement'): the audit checks
# such columns; an empty cell under one says a change cannot be computed, nothing about the row
CHANGE_HEADER = re.compile(r"(?i)\b(difference|change|variance|increase|decrease|movement)\b")

HEADER_WORDS = {
    "description", "name", "scheme", "service", "services", "provider", "date", "reference", "ref",
    "milestone", "dependency", "total", "target", "targets", "baseline", "actual", "plan", "status",
    "comments", "comment", "area", "role", "organisation", "measure", "measures", "criteria", "rating", "event",
    "number", "attendees", "version", "purpose", "change", "author", "level", "objective", "components",
    "funding", "source", "expenditure", "budget", "allocation", "difference", "cost", "costs", "type",
    "types", "id", "year", "month", "quarter", "value", "amount", "output", "current", "future", "model",
    "improvement", "opportunity", "fte", "contract", "expires", "policy", "summary", "term", "definition",
    "impact", "risk", "mitigation", "owner", "outcome", "outcomes", "indicator", "action", "lead",
    "timescale", "kpi", "performance", "proposed", "estimated", "analysis", "authority", "sub", "new", "existing", "spend", "programmes", "delivery", "key", "areas", "work", "position",
    "maturity", "group", "professional", "band", "staff", "team", "headcount", "locality", "income",
    "savings", "saving", "forecast", "variance", "schemes", "site", "sites", "pilot", "expected", "adjusted",
}
# a label that covers every row above it ('All ages', 'Overall'; not 'All other services'), or every period above it
# ('Year', 'Full year' under the quarters)
_ALL_OF = re.compile(r"(?i)\s*(?:(?:all|overall|whole|entire|combined|every)\b(?!\s+others?\b)"
                     r"|(?:full\s+|whole\s+)?year\s*$)")
_TOTAL = re.compile(r"(?i)(?:^|\s)(grand\s+total|total|totals|sum)\b")
# 'Percentage of total net revenues', '% of total': a ratio to the total, not a total
_SHARE_ROW = re.compile(r"(?i)^\s*(?:as an? )?(?:%|per ?cent(?:age)?|proportion|share) of\b")
# a row that gives a part of the row above it ('thereof for post-employment benefits', 'of which: agency'):
# the row above already counts it
_PART_OF = re.compile(r"(?i)^\s*(thereof|whereof|of which|of whom|o/w|of these|of this)\b")
# a caption that says its table's figures are percentages: '... within 4 hours (%)', '... (per cent)', '(% of staff
# agreeing)'
_PERCENT_CAPTION = re.compile(r"(?i)\(\s*(?:%|per\s?cent(?:age)?s?)(?:\s+of\s+[^()]+)?\s*\)\s*:?\s*$")
_SUBTOTAL = re.compile(r"(?i)\bsub[\s\-]?totals?\b")
# the header of a column of identifiers ('Scheme ID', 'Risk ref', 'Action no.', 'Ref')
_ID_HEADER = re.compile(r"(?i)^([a-z]+\s+)?(id|ref|reference|no\.?|#|code)$")
# an identifier written as a cell ('R01', 'C4', 'A.12', '3.2a'): short, with a digit, no space
_CODE = re.compile(r"^(?=[^\s]*\d)[A-Za-z]{0,3}[-.]?\d{1,3}(?:[.-]\d{1,3})?[a-z]?$")
_CAPTION_LINE = re.compile(r"(?i)^(table|figure|fig\.|chart)\s*\d+\b")
_STOP_END = {"and", "or", "of", "for", "the", "to", "a", "an", "with", "in", "on", "by", "must", "be", "that",
             "from", "at", "as", "is", "are", "will", "their", "our", "its", "this", "which", "who", "across"}
NUMERIC = ("money", "percent", "number")


@dataclass
class _PRow:
    """A physical row: one source line split into cells."""

    line: int  # line number as cited (file line, or line within the page)
    page: int | None
    cells: list[str]
    gap_before: bool = False
    lines: list[int] = field(default_factory=list)
    indented: bool = False  # the source line starts with white space (a lost bullet or an indent)
    merged_from: list[int] = field(default_factory=list)

    def nonempty(self) -> list[int]:
        return [i for i, c in enumerate(self.cells) if c.strip()]

    def key(self) -> str:
        return "\t".join(c.strip().lower() for c in self.cells).rstrip("\t")


def extract_tables(doc: SourceDoc, blocks: list[Block]) -> list[Table]:
    """Every table of a document, in order (contents tables included, with kind 'contents')."""
    tables: list[Table] = []
    last_line: dict[int | None, int] = {}  # the last line with text on each page
    for ln in doc.lines:
        if ln.text.strip():
            last_line[ln.page] = max(last_line.get(ln.page, 0), ln.no)
    # the physical rows each table was built from, and its block, while it may still run onto the next page
    # (and how many of its first rows are a header printed alone at the foot of a page)
    source: list[tuple[int, list[_PRow], int] | None] = []
    for bi, b in enumerate(blocks):
        if b.kind == "table":
            for seg in _split_region(_physical_rows(doc, b)):
                before = source[-1] if source else None
                if before is not None and _runs_over(before[1], seg, last_line):
                    # the rows at the top of this page are more rows of the table that fills the foot of the
                    # page before: read as one table, so that its header is found once and a row broken by
                    # the page break is one row
                    joined = [_copy_row(r) for r in before[1] + seg]
                    # a table's one row of words alone at the foot of the page is the header of the rows overleaf
                    head = before[2] or int(len(before[1]) == 1 and _header_only_row(before[1][0]))
                    t = _build_table(doc, blocks, before[0], [_copy_row(r) for r in joined], header=head)
                    if t is not None:
                        pages = sorted({r.page for r in joined if r.page is not None and r.page != joined[0].page})
                        t = dataclasses.replace(t, notes=(*t.notes, *(f"continued on page {p}" for p in pages)))
                        tables[-1], source[-1] = t, (before[0], joined, head)
                        continue
                pristine = [_copy_row(r) for r in seg]
                # the top of a page that goes on with the table that ends the page before: its first row is
                # a row of that table, not a header of its own (a PDF prints a long table's header once)
                prev = tables[-1] if tables else None
                overleaf = (prev is not None and any(c.strip() for c in prev.columns)
                            and _goes_on(prev, seg[0].page, seg[0].line, last_line)
                            and max(len(r.cells) for r in seg) == len(prev.columns) and not _same_header(seg[0], prev))
                t = _build_table(doc, blocks, bi, seg, headless=overleaf)
                if t is not None:
                    tables.append(t)
                    source.append(None if overleaf else (bi, pristine, 0))
        elif b.kind == "toc":
            t = _contents_table(doc, blocks, bi)
            if t is not None:
                tables.append(t)
                source.append(None)
    return _unique_ids(_merge_contents(_continued(tables, last_line)))


def _copy_row(r: _PRow) -> _PRow:
    """A physical row to build from (building a table pads and merges its rows' cells in place)."""
    return dataclasses.replace(r, cells=list(r.cells), lines=list(r.lines), merged_from=list(r.merged_from))


def _runs_over(before: list[_PRow], seg: list[_PRow], last_line: dict[int | None, int]) -> bool:
    """Do these rows, at the top of a page, go on with the table whose rows fill the foot of the page before:
    as many cells, and a first row that is not a header of a table of its own (a header printed again on
    the new page is the same table's)?"""
    end, first = before[-1], seg[0]
    if first.page is None or end.page is None or first.page != end.page + 1 or first.line > 3:
        return False
    if max(end.lines) < last_line.get(end.page, 0) - 2:
        return False
    if max(len(r.cells) for r in seg) != max(len(r.cells) for r in before):
        return False
    return not _header_like(first) or first.key() in {r.key() for r in before[:3]}


def _goes_on(prev: Table, page: int | None, first_line: int, last_line: dict[int | None, int]) -> bool:
    """Does what starts at `first_line` of `page` go on from `prev`: `prev` ends at the foot of the page
    before, and this starts at the top of its page?"""
    if page is None or prev.kind == "contents" or not prev.rows:
        return False
    end_page = prev.rows[-1].page_in(prev)
    return (end_page is not None and page == end_page + 1 and first_line <= 3
            and max(prev.rows[-1].lines) >= last_line.get(end_page, 0) - 2)


def _continued(tables: list[Table], last_line: dict[int | None, int]) -> list[Table]:
    """A table that runs over a page break: the part at the top of the next page, with no header of its
    own and as many columns, joins the part that ends the page before (a PDF prints a long table's header
    once); a header printed alone at the foot of the page before names its columns. Notes say which."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        if (prev is None or t.kind == "contents" or t.header_lines or any(c.strip() for c in t.columns)
                or not _goes_on(prev, t.page, t.line_start, last_line)):
            out.append(t)
            continue
        head = _header_alone(prev, len(t.columns))
        if head is not None:
            # a table's header printed alone at the foot of a page: the rows are on the next
            # (its header lines are on the page before: not cited as lines of this one)
            out[-1] = dataclasses.replace(t, columns=head, caption=prev.caption,
                                          caption_line=None, notes=(*t.notes, f"its header is printed at the foot "
                                                                               f"of page {prev.page}"))
            continue
        if len(t.columns) != len(prev.columns) or not any(c.strip() for c in prev.columns):
            out.append(t)
            continue
        # the part at the top of the next page is more rows of the same table: one table, whose rows keep
        # their own pages and lines
        rows = tuple(dataclasses.replace(r, index=len(prev.rows) + i) for i, r in enumerate(t.rows))
        out[-1] = dataclasses.replace(prev, rows=prev.rows + rows,
                                      notes=(*prev.notes, f"continued on page {t.page}"))
    return out


def _header_only_row(r: _PRow) -> bool:
    """A row of words only, two cells or more (no figures): a header when its table's rows are elsewhere."""
    kinds = [parse_cell(c).kind for c in r.cells if c.strip()]
    return len(kinds) >= 2 and all(k == "text" for k in kinds)


def _header_alone(t: Table, width: int) -> tuple[str, ...] | None:
    """The column names of the rows overleaf (`width` cells each) when `t`, at a page's foot, is their header
    alone: one row of words only (no figures) under no header, or a header and up to two lines of words it
    wraps onto ('2017/18' over 'Expenditure' over '(£)'), each column's words joined, when the rows overleaf
    are not as wide as it (when they are, they are more rows under that header). A header one or two
    cells narrower than the rows (two columns' names set too close to be told apart, 'Scheme ID Scheme
    Name') names the rightmost columns: figures are set right, and an unnamed column is left unnamed
    rather than named wrongly. None: `t` is a table of its own."""
    named = any(c.strip() for c in t.columns)
    if not t.rows or len(t.rows) > (2 if named else 1) or named and width == len(t.columns):
        return None  # (as wide as the rows overleaf under a header: they are its rows, continued)
    if any(c.kind not in ("text", "empty") for r in t.rows for c in r.cells):
        return None
    lines = ([list(t.columns)] if named else []) + [[c.text for c in r.cells] for r in t.rows]
    names = [" ".join(x[j].strip() for x in lines if j < len(x) and x[j].strip()) for j in range(len(t.columns))]
    if sum(1 for x in names if x) < 2 or not 0 <= width - len(names) <= 2:
        return None
    return tuple([""] * (width - len(names)) + names)


# --------------------------------------------------------------------------- physical rows


def _physical_rows(doc: SourceDoc, b: Block) -> list[_PRow]:
    rows: list[_PRow] = []
    gap = False
    for ln in b.lines(doc):
        if not ln.text.replace("\t", "").strip():
            gap = True
            continue
        cells = [c.strip() for c in ln.text.split("\t")]
        if all(re.fullmatch(r"[\-_=–—.·\s]*", c) for c in cells):
            continue  # a rule line drawn with dashes: not a row
        rows.append(_PRow(ln.no, ln.page, cells, gap, [ln.no], indented=ln.raw[:1] in (" ", "\u00a0")))
        gap = False
    return rows


def _is_title_row(r: _PRow) -> bool:
    ne = r.nonempty()
    if ne != [0] or len(r.cells) < 2:
        return False
    t = r.cells[0]
    words = t.split()
    letters = sum(c.isalpha() for c in t)
    return (0 < len(words) <= 12 and not t.endswith((".", ";", ",")) and letters >= 0.5 * len(t.replace(" ", ""))
            and (parse_cell(t).kind in ("text", "period") or _NUMBERED_HEADING.match(t) is not None))


# a numbered heading ('3.3 iBCF', '4.2.1 Carers support'): a section number, then words (not '3.3 million')
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\s+(?!(?:m|k|bn|million|billion|thousand|percent|per cent)\b)"
                               r"[A-Za-z][\w&'’()/-]*(?:\s+[\w&'’()/-]+)*$")


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _continuation_like(r: _PRow) -> bool:
    ne = r.nonempty()
    return bool(ne) and ne[0] > 0 and all(parse_cell(r.cells[i]).kind in ("text", "empty") for i in ne)


def _split_region(rows: list[_PRow]) -> list[list[_PRow]]:
    """Split a region of tab-separated lines into tables (see the module docstring)."""
    segments: list[list[_PRow]] = []
    cur: list[_PRow] = []
    headers: set[str] = set()
    for r in rows:
        new = False
        if cur and r.gap_before and not _is_continuation(r, cur[-1], True):
            first = cur[0]
            width = max(len(x.nonempty()) and x.nonempty()[-1] + 1 for x in cur)
            r_width = (r.nonempty()[-1] + 1) if r.nonempty() else 0
            if _is_title_row(r) and not _sentence_fragment(r.cells[0]):
                new = True
            elif r.key() in headers or _header_like(r):
                new = True
            elif (first.cells[0] and r.cells[0] and re.search(r"\d", first.cells[0])
                  and _shape(first.cells[0]) == _shape(r.cells[0]) and not re.fullmatch(r"[\d.]+", r.cells[0])):
                new = True
            elif (not _continuation_like(r) and r.cells[0] and len(r.nonempty()) > 1
                  and abs(r_width - width) >= 1 and width >= 3 and len(r.cells) != len(first.cells)
                  and not _looks_like_body_of(r, cur)):
                new = True
        elif (len(cur) >= 2 and _is_title_row(cur[-1]) and not _sentence_fragment(cur[-1].cells[0])
              and any(_is_value(c) for c in cur[-2].cells) and (r.key() in headers or _header_like(r))):
            # a heading and a header row of their own under the rows of figures of a table, with no gap
            # between them (a PDF set without rules prints '3.3 iBCF' and the next table's header where the
            # rows go on): the heading starts the next table
            segments.append(cur[:-1])
            cur, headers = [cur[-1]], set()
        if new:
            segments.append(cur)
            cur, headers = [], set()
        cur.append(r)
        if len(cur) <= 3 and _header_like(r):
            headers.add(r.key())
    if cur:
        segments.append(cur)
    return segments


def _looks_like_body_of(r: _PRow, cur: list[_PRow]) -> bool:
    """A row after a page break that has numbers where the rows above have numbers."""
    kinds = [parse_cell(c).kind for c in r.cells]
    if not any(k in NUMERIC for k in kinds):
        return False
    prev = cur[-1]
    pk = [parse_cell(c).kind for c in prev.cells]
    same = sum(1 for a, b in zip(kinds, pk, strict=False) if a in NUMERIC and b in NUMERIC)
    return same >= max(1, sum(k in NUMERIC for k in kinds) // 2)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _header_like(r: _PRow) -> bool:
    """Cells that read like column labels: no values, and label words or periods."""
    ne = r.nonempty()
    if len(ne) < 2:
        return False
    hits = 0
    if any(len(r.cells[i].split()) > 12 for i in ne):
        return False  # column labels are short
    for i in ne:
        if _YEAR_UNIT.fullmatch(r.cells[i].strip()):
            hits += 1  # '2019 %', '$ 2018': a year over a column of that unit, not a value of 2019%
            continue
        p = parse_cell(r.cells[i])
        if p.kind in ("money", "percent") or (p.kind == "number" and p.unit is None and not _year_like(r.cells[i])):
            return False
        w = _words(r.cells[i])
        if p.kind == "period" or (w and len(w) <= 8 and any(x in HEADER_WORDS for x in w)) or (
                re.search(r"[£$€%]", r.cells[i])) or _SPAN_OF_TIME.search(r.cells[i]):
            hits += 1
    return hits >= max(2, (len(ne) + 1) // 2)


_UNIT_CELL = re.compile(r"(?i)£\s*(m|k|bn|000s?|'000s?|million)?|%|(no\.?|number|count|wte|fte|hours|days|beds)")


_PERIOD_IN = re.compile(r"\b(?:(?:19|20)?\d{2}[/-]\d{2}|(?:19|20)\d{2})\b")


_YEAR_UNIT = re.compile(r"[£$€]\s*(19|20)\d{2}|(19|20)\d{2}\s*[%£$€]")


def _year_like(text: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", text.strip()))


# a span of time that labels a column of a maturity table ('5 Years', 'Less than 1 year', '1-3 years'): a header
# word, not a value of 5
_SPAN_OF_TIME = re.compile(r"(?i)\b\d+\s*(?:[-–]\s*\d+\s*)?(?:years?|yrs?|months?|weeks?|days?)\b")


def _is_value(cell: str) -> bool:
    """Does a cell hold a value (money, a percentage, a number that is neither a year nor a span of time)?"""
    p = parse_cell(cell)
    if p.kind in ("money", "percent"):
        return True
    return p.kind == "number" and not _year_like(strip_footnote(cell)) and not _SPAN_OF_TIME.fullmatch(cell.strip())


def _sentence_fragment(text: str) -> bool:
    t = text.strip()
    words = t.split()
    if not words:
        return False
    if t[0].islower() or words[-1].lower() in _STOP_END:
        return True
    return len(words) > 12 or t.endswith((".", ";", ","))


# --------------------------------------------------------------------------- one table


def _column_unit(header: str) -> tuple[str | None, str | None]:
    h = header.lower()
    if "£m" in h or "£ m" in h or re.search(r"£\s*million", h):
        return "£", "m"
    if "£k" in h or "£000" in h or "£'000" in h:
        return "£", "k"
    if "£" in h:
        return "£", None
    for cur in ("$", "€"):  # '$m', "$'000", '€ million'
        if cur in h:
            if re.search(rf"\{cur}\s*(m\b|million)", h):
                return cur, "m"
            if re.search(rf"\{cur}\s*(k\b|'?000)", h):
                return cur, "k"
            return cur, None
    if "%" in h or "percent" in h:
        return "%", None
    return None, None


# the unit a row's label ends in: '(£000)', "£'000", '(£m)', '($ millions)', '(%)', '%'
_ROW_UNIT = re.compile(r"(?i)(?:\(\s*(?:[£$€]\s*(?:'?000s?|k|m|bn|millions?|billions?|thousands?)?|%|per ?cent)\s*\)|"
                       r"(?<=\s)(?:[£$€]\s*(?:'?000s?|k|m|bn)|%))\s*$")


def _row_unit(label: str) -> tuple[str | None, str | None] | None:
    """The unit and scale a row's label states for its figures ('Cost (£000)' | 812 is £812,000; 'At home after
    91 days (%)' | 78.2 is 78.2%), in a table whose columns are periods and whose rows each have a unit of
    their own. Said of the row, it holds over the column's: None when the label states none."""
    m = _ROW_UNIT.search(strip_footnote(label))
    if m is None:
        return None
    unit = _column_unit(m.group(0))
    return unit if unit != (None, None) else ("%", None)  # '(per cent)'



def _same_header(r: _PRow, t: Table) -> bool:
    """Is this row the table's header printed again (at the top of a page)?"""
    return [" ".join(c.split()).lower() for c in r.cells] == [c.split(" / ")[-1].strip().lower() for c in t.columns]


def _build_table(doc: SourceDoc, blocks: list[Block], bi: int, seg: list[_PRow], headless: bool = False,
                 header: int = 0) -> Table | None:
    """One table from its physical rows; `headless`: the rows have no header (a table's part overleaf);
    `header`: its first so many rows are its header, whatever they look like."""
    if not seg:
        return None
    notes: list[str] = []
    titles: list[_PRow] = []
    rows = list(seg)
    while not headless and not header and rows and _is_title_row(rows[0]) and len(rows) > 1:
        titles.append(rows.pop(0))
    if not rows:
        rows, titles = titles, []
    ncols = max((r.nonempty()[-1] + 1) if r.nonempty() else 0 for r in rows + titles)
    common = Counter(len(r.cells) for r in rows).most_common(1)[0][0]  # trailing empty cells of the grid
    ncols = max(ncols, common, 1)
    for r in rows:
        r.cells = (r.cells + [""] * ncols)[:ncols] if len(r.cells) <= ncols else _fold_extra(r.cells, ncols)

    at, n_head = (0, 0) if headless else (0, header) if header else _find_header(rows, ncols)
    header_rows, body = rows[at:at + n_head], rows[:at] + rows[at + n_head:]
    info_lines = {r.line for r in rows[:at]}  # 'Project 1 | ...', 'Resources | ...' over a stacked table
    if not header_rows and titles:  # a title over the table is its only header ("Have we delivered ...?")
        header_rows = [titles[-1]]
    elif header_rows and at + n_head < len(rows) and _is_title_row(rows[at + n_head]) and at + n_head + 1 < len(rows) \
            and not any(_has_values(r) for r in rows[at + n_head + 1:]):
        # a one-cell line under the header of a table of text says what its cells hold ("Examples of ...");
        # over rows of figures it is their first section ('Deferred tax assets:', 'Current'), as every
        # later section row is
        sub = rows[at + n_head]
        notes.append(f"header note (line {sub.line}): {sub.cells[0]}")
        body = [r for r in body if r is not sub]
    columns = _header_paths(header_rows, ncols)
    if not body and header_rows:  # a lone header-like row is data
        body, header_rows, columns = header_rows, [], tuple("" for _ in range(ncols))
    body = _drop_repeated_headers(body, header_rows, notes)
    units: list[tuple[str | None, str | None]] = [_column_unit(c) for c in columns] if columns else [(None, None)] * ncols
    body = _merge_continuations(body, header_rows, notes)
    label_cols = _label_columns(body, columns, ncols, units)
    _fill_down_labels(body, label_cols, units)

    typed_rows: list[Row] = []
    group: str | None = None
    parent: str | None = None
    parent_cells: list[str] | None = None
    for r in body:
        label = " ".join(r.cells[i] for i in range(label_cols) if r.cells[i]).strip()
        own = _row_unit(label)
        cells = tuple(_cell(r, i, own if own is not None and i >= label_cols else units[i]) for i in range(ncols))
        values = [c for c in cells[label_cols:] if c.kind != "empty"]
        role = "body"
        if r.line in info_lines:
            role = "note"  # says what the table below it is about; not part of its data
        elif _SUBTOTAL.search(label):
            role = "subtotal"
        elif _TOTAL.search(label) and not _SHARE_ROW.match(label) and any(c.kind in NUMERIC for c in cells[label_cols:]):
            role = "total"
        elif not values and label and not any(r.cells[i].strip() for i in range(1, label_cols)):
            role = "category"
        row_group = group
        if role == "category":
            group = label
            row_group = None
            parent, parent_cells = None, None
        elif role == "body" and parent is not None and parent_cells is not None and (
                _PART_OF.match(label) or _is_sub_row(r, parent_cells, label_cols, columns)):
            row_group = parent  # ('thereof for pensions', 'of which: agency staff': a part of the row above)
        elif role == "body":
            parent, parent_cells = label, r.cells
        if role == "note":
            row_group = None
        typed_rows.append(Row(len(typed_rows), label, cells, tuple(sorted(set(r.lines))), role, row_group))  # type: ignore[arg-type]

    if not typed_rows:
        return None
    typed_rows = _nil_dashes(_money_columns(typed_rows, label_cols), label_cols)
    typed_rows = _grand_totals(_unlabelled_totals(typed_rows, label_cols), label_cols)
    typed_rows = _share_rows(_repeated_labels(_closed_sections(typed_rows)), label_cols)
    # (a table that runs over a page break is cited from its first page)
    first_line = min(r.line for r in titles + header_rows + body if r.page == seg[0].page)
    last_line = max((max(r.lines) for r in body if r.page == seg[0].page), default=first_line)
    caption, caption_line = _caption(doc, blocks, bi, seg, titles)
    notes.extend(_footnotes(doc, blocks, bi, seg))
    scale = _scale_note_above(doc, min(r.line for r in [*titles, *seg]), seg[0].page)
    if scale is not None and scale[1] != caption_line:
        # '(in thousands)' over a title row: the table's scale, though the title is its caption
        notes.append(f"scale (line {scale[1]}): {scale[0]}")
    # a unit over the label column ('€ million') or a phrase in any header ('(in thousands)') is said of the whole
    # table; a unit over one column of figures ("$'000") is that column's own (values.parse_cell)
    header_texts = [*columns[:label_cols], *(c for c in columns[label_cols:] if _IN_SCALE.search(c))]
    header_texts += [n for n in notes if n.startswith("scale (line")]  # "($'000)" alone on the line above
    typed_rows = _apply_scale(typed_rows, label_cols, columns, stated_scale([caption, *notes], header_texts))
    if _PERCENT_CAPTION.search(caption or ""):  # 'Patients seen within 4 hours of arrival (%)': its figures are per cent
        typed_rows = [dataclasses.replace(r, cells=tuple(
            dataclasses.replace(c, kind="percent", unit="%") if c.col >= label_cols and c.kind == "number" and not c.unit
            else c for c in r.cells)) for r in typed_rows]
    kind = "data"
    if not header_rows and label_cols == 1 and ncols >= 2 and _form_like(typed_rows):
        kind = "form"
    page = seg[0].page
    return Table(
        id="", doc=doc.name, page=page, line_start=first_line, line_end=last_line, caption=caption,
        columns=columns, rows=tuple(typed_rows), kind=kind,  # type: ignore[arg-type]
        header_lines=tuple(r.line for r in titles + header_rows), caption_line=caption_line,
        label_cols=label_cols, notes=tuple(notes),
    )


# A row whose label says it counts things (shares, people, sites), not sums of money: its plain numbers stay
# numbers in a column of money ('Weighted average common shares outstanding' among '$' rows of an income
# statement, 'Number of employees' below the payroll)
_COUNT_ROW = re.compile(r"(?i)\bnumber\s+of\b|\bshares\s+(?:outstanding|issued|granted|used|in\s+issue)\b"
                        r"|\baverage\s+(?:number\s+of\s+)?(?:common\s+|ordinary\s+)?shares\b|\bheadcount\b"
                        r"|\b(?:employees|staff|members|subscribers|customers)\s*$")
# ... unless it names a sum of money paid or received for them ('Proceeds from shares issued')
_MONEY_WORD = re.compile(r"(?i)\b(?:proceeds|costs?|values?|paid|payments?|dividends?|repurchases?|purchases?|"
                         r"expenses?|compensation|prices?|amounts?|revenues?|income|salar(?:y|ies)|wages?)\b")


def _counts(label: str) -> bool:
    """Does a row's label say it counts things (_COUNT_ROW) rather than sums of money (_MONEY_WORD)?"""
    return bool(_COUNT_ROW.search(label)) and not _MONEY_WORD.search(label)


def _money_columns(rows: list[Row], label_cols: int) -> list[Row]:
    """A column of sums of money where conversion dropped some '£' signs (19,726,330 over £3,033,313 and a
    £45,724,846 total): its plain numbers are money too, so changes down the column can be computed; a row
    that counts things (_COUNT_ROW) is left as numbers."""
    ncols = max(len(r.cells) for r in rows)
    promote: dict[int, str | None] = {}
    for c in range(label_cols, ncols):
        cells = [r.cells[c] for r in rows if c < len(r.cells) and r.cells[c].kind != "empty"]
        money = [x for x in cells if x.kind == "money"]
        plain = [x for x in cells if x.kind == "number" and x.unit is None]
        total_money = any(r.role == "total" and c < len(r.cells) and r.cells[c].kind == "money" for r in rows)
        currencies = {x.unit for x in money}
        if money and plain and len(money) + len(plain) == len(cells) and (len(money) >= 2 or total_money or
                                                                          currencies != {"£"}):
            # '$831.7' over '1,571.7' (reports write the currency on the first and total rows only)
            promote[c] = currencies.pop() if len(currencies) == 1 else "£"
    if not promote:
        return rows
    out = []
    for r in rows:
        counts = _counts(r.label)
        typed = tuple(dataclasses.replace(x, kind="money", unit=promote[x.col]) if x.col in promote and x.kind == "number"
                      and x.unit is None and not counts else x for x in r.cells)
        out.append(dataclasses.replace(r, cells=typed))
    return out


def _nil_dashes(rows: list[Row], label_cols: int) -> list[Row]:
    """A dash in a column of figures is nil: zero in the column's kind and unit ('$—' among dollar amounts),
    so that sums, averages and changes over it can be computed. A blank or 'n/a' stays empty."""
    ncols = max(len(r.cells) for r in rows)
    like: dict[int, Cell] = {}
    for c in range(label_cols, ncols):
        cells = [r.cells[c] for r in rows if c < len(r.cells) and r.cells[c].kind in NUMERIC
                 and r.cells[c].value is not None]
        kinds = Counter((x.kind, x.unit, x.scale) for x in cells)
        if kinds and kinds.most_common(1)[0][1] >= 0.5 * len(cells):
            kind, unit, scale = kinds.most_common(1)[0][0]
            like[c] = Cell(c, "", "", kind, Decimal(0), unit, scale)  # type: ignore[arg-type]
    if not like:
        return rows
    out = []
    for r in rows:
        if r.role == "category" or not any(x.col in like and x.kind == "empty" and x.raw.strip() in NIL_DASHES
                                           for x in r.cells):
            out.append(r)
            continue
        typed = tuple(dataclasses.replace(like[x.col], raw=x.raw, text=x.text, line=x.line, page=x.page)
                      if x.col in like and x.kind == "empty" and x.raw.strip() in NIL_DASHES else x for x in r.cells)
        out.append(dataclasses.replace(r, cells=typed))
    return out


def _grand_totals(rows: list[Row], label_cols: int) -> list[Row]:
    """A total row after the last category that adds up every body row of the table, not just that
    category's rows, is the table's total: it is taken out of the category ('Total £41.4' under 'Acute
    Operational Productivity')."""
    out = list(rows)
    for i, r in enumerate(rows):
        if r.role != "total" or r.group is None:
            continue
        above = [x for x in rows[:i] if x.role == "body"]
        mine = [x for x in above if x.group == r.group]
        if len(mine) == len(above):
            continue
        c = next((c for c in r.cells[label_cols:] if c.value is not None), None)
        if c is not None and _column_sum(above, c.col) == c.value and _column_sum(mine, c.col) != c.value:
            out[i] = dataclasses.replace(r, group=None)
    return out


def _unlabelled_totals(rows: list[Row], label_cols: int) -> list[Row]:
    """A row with no label whose every number is the sum of the body rows above it (since the last total
    or category) is their total: published tables often leave the totals row unnamed ('  $93,301'), or name it
    by what it covers ('All ages', 'All services', the area's name) in their last row."""
    out = list(rows)
    start = 0
    for i, r in enumerate(rows):
        if r.role in ("total", "category"):
            start = i + 1
            continue
        if r.role != "body":
            continue
        # (a labelled row is their total where it is the last of its rows and its label says it covers all of
        # them: 'All ages' under the age bands; not 'Grants paid during the year' under 'paid in cash' and 'paid in
        # kind', a row of its own that happens to be the sum)
        last = i + 1 == len(rows) or rows[i + 1].role in ("total", "category")
        if r.label.strip() and not (last and _ALL_OF.match(r.label)):
            continue
        named = {x.label for x in rows[start:i] if x.role == "body"}
        # (a row's own parts, 'thereof …' under it, are in its figure already)
        above = [x for x in rows[start:i] if x.role == "body" and x.label.strip() and x.group not in named]
        numbers = [(c, c.value) for c in r.cells[label_cols:] if c.kind in ("money", "number") and c.value is not None]
        if len(above) < 2 or not numbers:
            continue
        # each sum within half a unit of the last decimal shown per row (published rounding); a row whose label
        # says it covers them all needs only most of its columns to add up (its averages, rates and counts of
        # things shared between rows, 'Providers' working in several areas, do not)
        adds = [abs(_column_sum(above, c.col) - v) <= Decimal("0.5") * len(above) * _unit_of(c.raw) for c, v in numbers]
        if all(adds) or r.label.strip() and 2 * sum(adds) >= len(adds):
            out[i] = dataclasses.replace(r, label=r.label.strip() or "Total", role="total")
            start = i + 1
    return out


def _closed_sections(rows: list[Row]) -> list[Row]:
    """A section's total closes it: the rows after 'Revenues: ... Total' and before the next section row
    ('Gross profit') are not revenues."""
    out = list(rows)
    sections = {r.label for r in rows if r.role == "category"}
    closed: str | None = None
    for i, r in enumerate(rows):
        if r.role == "category":
            closed = None
        elif closed is not None and r.group == closed:
            out[i] = dataclasses.replace(r, group=None)
        elif r.role == "total" and r.group in sections:
            closed = r.group
    return out


def _repeated_labels(rows: list[Row]) -> list[Row]:
    """A label said more than once in a table outside any section ('IPTV' and 'Satellite' under 'Net
    activations' and again under 'Total subscribers'; 'Percentage of revenue' under each region) is a
    sub-row of the nearest row above it whose label is said once: that row names it."""
    said = Counter(r.label.strip().lower() for r in rows if r.role != "category" and r.group is None)
    out = list(rows)
    parent: str | None = None
    for i, r in enumerate(rows):
        key = r.label.strip().lower()
        if r.role == "category" or r.group is not None:
            parent = None
        elif said[key] == 1 and key:
            parent = r.label
        elif said[key] > 1 and parent is not None and r.role != "note":
            out[i] = dataclasses.replace(r, group=parent)
    return out


def _share_rows(rows: list[Row], label_cols: int) -> list[Row]:
    """A row of percentages that says what they are a share of ('% of revenue', 'As a percentage of sales')
    right under a row of amounts is that row's share: a sub-row of it ('Research and development / % of
    revenue'), as a label said under every row is (`_repeated_labels`)."""
    out = list(rows)
    for i in range(1, len(rows)):
        r, above = rows[i], rows[i - 1]
        if r.group is not None or r.role != "body" or above.group is not None or not _SHARE_ROW.match(r.label):
            continue
        kinds = [c.kind for c in r.cells[label_cols:] if c.kind != "empty"]
        if kinds and all(k == "percent" for k in kinds) and above.role in ("body", "total", "subtotal") and any(
                c.kind in ("money", "number") for c in above.cells[label_cols:]):
            out[i] = dataclasses.replace(r, group=above.label)
    return out


def _unit_of(raw: str) -> Decimal:
    """The size of the last digit a cell shows: 1 for '93,301', 0.1 for '4.5'."""
    m = re.search(r"\.(\d+)", raw)
    return Decimal(1).scaleb(-len(m.group(1))) if m else Decimal(1)


def _column_sum(rows: list[Row], col: int) -> Decimal:
    return sum((v for x in rows if col < len(x.cells) and (v := x.cells[col].value) is not None), Decimal(0))


def _fold_extra(cells: list[str], ncols: int) -> list[str]:
    """More cells than columns (trailing tabs): keep the first ncols-1, join the rest into the last."""
    head = cells[: ncols - 1]
    tail = " ".join(c for c in cells[ncols - 1:] if c)
    return head + [tail]


def _cell(r: _PRow, i: int, unit: tuple[str | None, str | None]) -> Cell:
    raw = r.cells[i]
    p = parse_cell(raw, unit[0], unit[1])
    line = r.line
    return Cell(i, raw, raw, p.kind, p.value, p.unit, p.scale, line, r.page)  # type: ignore[arg-type]


def _find_header(rows: list[_PRow], ncols: int) -> tuple[int, int]:
    """(position, count) of the header rows: at the top, or under a few narrower info rows (stacked tables)."""
    n = _header_rows(rows, ncols)
    if n:
        return 0, n
    for at in range(1, min(5, len(rows) - 1)):
        width = len(rows[at].nonempty())
        if _header_like(rows[at]) and width > max(len(r.nonempty()) for r in rows[:at]):
            return at, _header_rows(rows[at:], ncols) or 1
    return 0, 0


def _spanning(row: _PRow, below: list[_PRow]) -> bool:
    """Group labels each followed by empty cells that the rows below fill ("Plan" over four columns)."""
    ne = row.nonempty()
    if len(ne) < 2:
        return False
    gaps = [i + 1 for i in ne if i + 1 < len(row.cells) and not row.cells[i + 1].strip()]
    if len(gaps) < len(ne) - 1 or not gaps:
        return False
    below = [r for r in below if not _is_title_row(r)]
    return bool(below) and all(g < len(below[0].cells) and below[0].cells[g].strip() for g in gaps)


SCALE_NOTE = re.compile(r"(?i)^\(?\s*(?:[$€£]|US\$)?\s*(?:in\s+)?(?:thousands|millions|billions|'000s?|000s?)\b.*\)?$|"
                        r"^\((?:.*\b)?(?:in\s+)?(?:thousands|millions|billions|'000|[$€£]\s?'?000|[$€£]m)\b.*\)$")


# The scale a table states for its figures, in its caption, a header cell or a note above it: '(in thousands)',
# '(dollars in millions, except per share data)', "$'000", '€ million', "RMB'Million" (issue 12: the answer
# states the unit and scale). A cell written with its own scale ('£11.6m') or under a column of one ('£m') keeps it.
_IN_SCALE = re.compile(r"(?i)(?:\bin\s+|^\(?)(thousands|millions|billions)\b(?:\s+of\s+(?:u\.?s\.?\s+)?(dollars|euros?|pounds|\$|€|£))?")
_UNIT_SCALE = re.compile(r"(?i)(?<![A-Za-z0-9])((?:[A-Z]{1,3})?\$|RMB|USD|EUR|GBP|€|£)\s*['’]?\s*"
                         r"(000s?|m|mn|millions?|bn|billions?|thousands?)(?![A-Za-z0-9])")
_CURRENCY_ONLY = re.compile(r"\((?:\s*in)?\s*([$€£])\s*\)")
_SCALE_OF = {**SCALE_SHORT, "000": "k", "mn": "m"}
_CURRENCY_OF = {"$": "$", "dollar": "$", "usd": "$", "€": "€", "euro": "€", "eur": "€", "£": "£", "pound": "£", "gbp": "£"}
# rows whose figures a stated scale never covers: amounts per share or per unit, percentages ('interest rate
# swaps' are amounts: rates and ratios written as plain numbers are left to the statement's 'except' clause)
_UNSCALED_ROW = re.compile(r"(?i)\bper\b[\w\s,-]{0,30}\bshares?\b|\bper\s+unit\b|%|\bper\s?cent")
_EXCEPT = re.compile(r"(?i)\bexcept(?:\s+for)?\s+([^)]*)")
_EXCEPT_FILLER = {"data", "amounts", "amount", "information", "figures", "items", "the", "as", "noted", "otherwise",
                  "where", "indicated", "stated"}


@dataclass(frozen=True)
class StatedScale:
    scale: str  # 'k' | 'm' | 'bn', or '' for a currency stated alone ('(£)')
    currency: str | None  # '$', '€', '£' when the statement names one
    unscaled: tuple[frozenset[str], ...]  # 'except per share data and share counts': word sets of rows it leaves alone


def stated_scale(texts: Sequence[str], header_texts: Sequence[str]) -> StatedScale | None:
    """The scale stated for a whole table: `texts` are its caption and notes (a phrase 'in thousands' counts),
    `header_texts` its header cells (a unit such as "$'000" or '€ million' also counts). None when none is
    stated, or when two different scales are."""
    found: list[tuple[str, str | None, str]] = []
    for text, units_too in [*((t, False) for t in texts), *((h, True) for h in header_texts)]:
        for m in _IN_SCALE.finditer(text):
            word = m.group(1).lower().rstrip("s")
            cur = (m.group(2) or "").lower().rstrip("s")
            before = text[max(0, m.start() - 12):m.start()].lower()
            cur = cur or next((c for k, c in _CURRENCY_OF.items() if k in before), "")
            found.append((_SCALE_OF[word], _CURRENCY_OF.get(cur) or None, text))
        for m in _UNIT_SCALE.finditer(text):
            # a unit in a header cell, or one in brackets of its own in a caption or note ('Costs by year (£000):',
            # '(in £000)')
            if not units_too and not (re.search(r"(?i)\((?:\s*in)?\s*$", text[:m.start()])
                                      and text[m.end():].lstrip().startswith(")")):
                continue
            unit = m.group(2).lower().rstrip("s")
            cur = m.group(1).lower()
            found.append((_SCALE_OF[unit], _CURRENCY_OF.get(cur) or ("$" if cur.endswith("$") else None), text))
    if not found:
        # a currency alone in brackets in a caption or note ('Sources of funding (£)'): money in units, not scaled
        cur = {m.group(1) for t in texts for m in _CURRENCY_ONLY.finditer(t)}
        return StatedScale("", cur.pop(), ()) if len(cur) == 1 else None
    if len({f[0] for f in found}) > 1:
        return None
    scale = found[0][0]
    currency = next((f[1] for f in found if f[1]), None)
    unscaled: list[frozenset[str]] = []
    for m in _EXCEPT.finditer(" ".join(f[2] for f in found)):
        for part in re.split(r"(?i),|\band\b|\bor\b", m.group(1)):
            words = frozenset(w for w in re.findall(r"[a-z]+", part.lower()) if w not in _EXCEPT_FILLER)
            if words:
                unscaled.append(words)
    return StatedScale(scale, currency, tuple(unscaled))


def _row_unscaled(label: str, stated: StatedScale) -> bool:
    if _UNSCALED_ROW.search(label):
        return True
    if _counts(label) and not re.search(r"(?i)\bshares?\b", label):
        return True  # people or places are counted one by one in a table in thousands; shares are in its scale
    words = set(re.findall(r"[a-z]+", label.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")}
    return any(ws <= words | {w + "s" for w in words} for ws in stated.unscaled)


def _own_header(path: str) -> str:
    """The last part of a column's header path that is not a statement of scale ('2018', not '(in thousands)')."""
    parts = [p for p in path.split(" / ") if not _IN_SCALE.search(p)]
    return parts[-1] if parts else ""


def _apply_scale(rows: list[Row], label_cols: int, columns: Sequence[str], stated: StatedScale | None) -> list[Row]:
    """The table's stated scale on every figure it covers: money and plain numbers without a scale of their own,
    outside the rows the statement excepts; plain numbers become money when it names the currency."""
    if stated is None:
        return rows
    factor = SCALES[stated.scale] if stated.scale else Decimal(1)

    def decimals(r: Row) -> list[bool]:
        return [bool(re.search(r"\.\d", c.raw)) for c in r.cells[label_cols:] if c.kind == "money" and not c.scale]

    # what a statement excepts ('except per share data') is written apart: a row of figures all with decimals
    # ('$0.34') in a table whose other figures are whole ('6,573,453') is one of them, whatever its label says
    shapes = [d for r in rows if (d := decimals(r))]
    whole, apart = sum(1 for d in shapes if not any(d)), sum(1 for d in shapes if all(d))
    # only when every other row is whole: in a table in millions, '709.8' is as common as '710'
    written_apart = bool(stated.unscaled) and whole >= 2 and apart <= whole and whole + apart == len(shapes)
    out = []
    for r in rows:
        if _row_unscaled(" ".join(x for x in (r.group, r.label) if x), stated) or (
                written_apart and (d := decimals(r)) and all(d)):
            out.append(r)
            continue
        cells = []
        for c in r.cells:
            if c.col < label_cols or c.kind not in ("money", "number") or c.scale or c.value is None or (
                    c.col < len(columns) and _UNSCALED_ROW.search(_own_header(columns[c.col]))):
                cells.append(c)
                continue
            kind, unit = c.kind, c.unit
            if kind == "number" and stated.currency and not unit and not _counts(r.label):
                kind, unit = "money", stated.currency
            elif kind == "number" and unit:
                cells.append(c)  # '12 hours', '40 FTE': a count with its own unit
                continue
            cells.append(replace(c, kind=kind, unit=unit, value=c.value * factor, scale=stated.scale or None))
        out.append(replace(r, cells=tuple(cells)))
    return out


def _has_values(r: _PRow) -> bool:
    """Does a row hold a value (money, a percentage, a number that is not a year or a span of time)?"""
    return any(_is_value(c) for c in r.cells[1:])


def _label_less_header(r: _PRow) -> bool:
    """A row with no label cell (or only a scale note such as '(In millions)') whose cells hold no values
    (years, dates and words only): at the top of a table it is a header row ('' | 'Year Ended' over
    '' | 'June 30, 2019' | 'June 30, 2018')."""
    ne = r.nonempty()
    if ne and ne[0] == 0 and SCALE_NOTE.match(r.cells[0].strip()) and len(ne) >= 3:
        ne = ne[1:]
    if not ne or 0 in ne or len(r.cells) < 2:
        return False
    return not any(_is_value(r.cells[i]) for i in ne)


def _header_rows(rows: list[_PRow], ncols: int) -> int:
    if len(rows) < 2:
        return 0
    # label-less rows without values at the top are header rows (multi-row headers); a header row of the
    # usual shape may sit under them ('' | 'Years Ended December 31,' over 'Process | 2017 | 2018'), and
    # label-less unit rows ('' | '%' | '%') under that
    lead = 0
    while lead < min(5, len(rows) - 1) and _label_less_header(rows[lead]):
        lead += 1
    if not lead:
        return _header_rows_by_shape(rows, ncols)
    n = lead + (_header_rows_by_shape(rows[lead:], ncols) if len(rows) - lead >= 2 and not _has_values(rows[lead])
                else 0)
    while n < min(6, len(rows) - 1) and _label_less_header(rows[n]):
        n += 1
    return n if any(len(r.nonempty()) > 1 for r in rows[n:n + 3]) else _header_rows_by_shape(rows, ncols)


def _header_rows_by_shape(rows: list[_PRow], ncols: int) -> int:
    first = rows[0]
    if not _header_like(first) and not _numeric_below(first, rows[1:]) and not _spanning(first, rows[1:]) \
            and not _unit_header(first, rows[1:]):
        return 0
    n = 1
    # a second header row: fills the gaps of a group row, or starts with empty label cells, and has no values
    while n < min(3, len(rows) - 1):
        nxt = rows[n]
        kinds = [parse_cell(c).kind for c in nxt.cells]
        if any(k in ("money", "percent") for k in kinds) or any(
                k == "number" and not _year_like(c) for k, c in zip(kinds, nxt.cells, strict=False)):
            break
        gaps = [i for i in range(ncols) if not rows[n - 1].cells[i].strip()]
        fills = [i for i in gaps if i < len(nxt.cells) and nxt.cells[i].strip()]
        short = all(len(c.split()) <= 4 for c in nxt.cells if c.strip())
        # a group label written over each of its columns ('2025/26 | 2025/26 | 2026/27 | 2026/27'), its parts
        # named on the line below with no label cell ('Revenue | Capital | Revenue | Capital')
        above = [c.strip() for c in rows[n - 1].cells[1:] if c.strip()]
        repeated = len(above) > len(set(above)) and not nxt.cells[0].strip() and len(nxt.nonempty()) >= 2
        if (fills and len(fills) >= len(gaps) // 2 and _header_like(nxt)) or (
                repeated and short and _numeric_below(nxt, rows[n + 1:])) or (
                not nxt.cells[0].strip() and _header_like(nxt) and _numeric_below(nxt, rows[n + 1:])) or (
                # sub-labels under group labels ("Plan" / "NHS", "Social Care", ...): short cells that fill the
                # group row's gaps, numbers below; with no label cell, or recurring once per group ('Headcount |
                # WTE | Headcount | WTE') beside label columns of their own ('Grade | Post')
                len(fills) >= max(2, len(gaps) // 2) and short
                and (not nxt.cells[0].strip() or _first_value_col(nxt.cells) is not None)
                and _numeric_below(nxt, rows[n + 1:])):
            n += 1
            continue
        break
    return n


def _unit_header(head: _PRow, body: list[_PRow]) -> bool:
    """A row with no label cell that names the value columns below by their unit or period ('' | '£m',
    '' | 'Savings 18/19 £m'): the header of a narrow table of amounts."""
    ne = head.nonempty()
    if not ne or 0 in ne:
        return False
    for i in ne:
        cell = head.cells[i].strip()
        p = parse_cell(cell)
        if p.kind in NUMERIC or len(cell.split()) > 6:
            return False
        if not (_UNIT_CELL.fullmatch(cell) or _column_unit(cell) != (None, None) or p.kind == "period"
                or _PERIOD_IN.search(cell)):
            return False
    for i in ne:
        vals = [parse_cell(r.cells[i]).kind for r in body[:8] if i < len(r.cells) and r.cells[i].strip()]
        if not vals or sum(v in NUMERIC for v in vals) < 0.6 * len(vals):
            return False
    return True


def _numeric_below(head: _PRow, body: list[_PRow]) -> bool:
    """The first row is a header if its cells are labels over columns that hold numbers below."""
    ne = head.nonempty()
    if len(ne) < 2:
        return False
    if any(_is_value(head.cells[i]) for i in ne):
        return False
    num_cols = 0
    for i in ne[1:]:
        vals = [parse_cell(r.cells[i]).kind for r in body[:8] if i < len(r.cells) and r.cells[i].strip()]
        if vals and sum(v in NUMERIC for v in vals) >= 0.6 * len(vals):
            num_cols += 1
    return num_cols >= 1


def _first_value_col(below: list[str]) -> int | None:
    """Where the groups of a header row start, read from the row under it: the first sub-label that recurs
    once per group ('Range | Role | Number | FTE | Number | FTE': 2). None when no sub-label recurs."""
    labels = [c.strip() for c in below]
    return next((i for i, c in enumerate(labels) if i > 0 and c and c in labels[i + 1:]), None)


def _spread_group_labels(cells: list[str], below: list[str] | None = None) -> list[str]:
    """A group label spans the empty cells beside it. Written at the start of its span ('Plan' then empty
    cells), it spans to the right; written centred ('' | '' | 'Fiscal 2019' | '' | 'Fiscal 2018': the
    first value column empty), each empty cell takes the next label at or after it, or the last one. Where
    the groups start is read from the row below when its sub-labels recur once per group: a table with two
    label columns ('Range | Role') leaves the second empty above them, and its group labels start their span."""
    filled = [i for i, c in enumerate(cells) if i > 0 and c.strip()]
    if not filled:
        return cells
    out = list(cells)
    start = _first_value_col(below) if below else None
    starts_span = start is not None and start in filled
    if len(cells) > 1 and not cells[1].strip() and not starts_span:  # centred labels
        for i in range(1, len(cells)):
            if not cells[i].strip():
                nxt = next((j for j in filled if j >= i), filled[-1])
                out[i] = cells[nxt]
        return out
    cur = cells[0]
    for i, c in enumerate(cells):
        cur = c if c.strip() else cur
        out[i] = cur
    return out


def _header_paths(header_rows: list[_PRow], ncols: int) -> tuple[str, ...]:
    if not header_rows:
        return tuple("" for _ in range(ncols))
    grid: list[list[str]] = []
    for hi, r in enumerate(header_rows):
        cells = (r.cells + [""] * ncols)[:ncols]
        labels = [c.strip() for c in cells[1:] if c.strip()]
        # one label repeated once per group of a row above ('2019 | | 2018 |' over '| % of total | | % of total'):
        # a sub-label of its own column in each group, not a span over its neighbours
        repeated = len(labels) >= 2 and len(set(labels)) == 1 and hi > 0
        if hi < len(header_rows) - 1 and not repeated:
            cells = _spread_group_labels(cells, (header_rows[hi + 1].cells + [""] * ncols)[:ncols])
        grid.append(cells)
    out = []
    for i in range(ncols):
        parts: list[str] = []
        for row in grid:
            c = row[i].strip()
            if c and (not parts or parts[-1] != c):
                parts.append(c)
        out.append(" / ".join(parts))
    return tuple(out)


def _drop_repeated_headers(body: list[_PRow], header_rows: list[_PRow], notes: list[str]) -> list[_PRow]:
    keys = {h.key() for h in header_rows}
    out = []
    for r in body:
        if keys and r.key() in keys:
            notes.append(f"repeated header row at line {r.line} dropped")
            continue
        out.append(r)
    return out


def _merge_continuations(body: list[_PRow], header_rows: list[_PRow], notes: list[str]) -> list[_PRow]:
    out: list[_PRow] = []
    for r in body:
        prev = out[-1] if out else None
        if prev is not None and _is_continuation(r, prev, bool(header_rows)):
            for i in r.nonempty():
                target = i if prev.cells[i].strip() else _last_filled(prev.cells, i)
                prev.cells[target] = (prev.cells[target] + " " + r.cells[i]).strip()
            if r.page == prev.page:  # (the rest of a row broken by a page break is cited where the row starts)
                prev.lines.append(r.line)
            notes.append(f"line {r.line} continues the row at line {prev.line}")
            continue
        out.append(r)
    return out


def _last_filled(cells: list[str], before: int) -> int:
    for j in range(min(before, len(cells)) - 1, -1, -1):
        if cells[j].strip():
            return j
    return before


_KEY_VALUE = re.compile(r"^[A-Z][^:]{1,40}:(\s|$)")


# A cell that is a date or a period and nothing else ('June 30, 2018', '31 March 2019', 'Fiscal 2019', 'Year ended
# December 31, 2018', 'As of June 30, 2019'): alone on a line of a table, the heading of a section of rows
_PERIOD_HEADING = re.compile(
    r"(?i)^(?:as\s+(?:at|of)\s+|at\s+)?(?:(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:years?|quarters?|periods?|"
    r"(?:three|six|nine|twelve|3|6|9|12)\s+months)\s+end(?:ed|ing)\s+)?(?:"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s*(?:19|20)\d{2}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}|"
    r"(?:fiscal\s+(?:year\s+)?|fy\s?)(?:19|20)\d{2})\s*:?$")


def _is_continuation(r: _PRow, prev: _PRow, has_header: bool) -> bool:
    """Does this physical row continue the row above (wrapped text, a row broken by a page break)?"""
    ne = r.nonempty()
    if not ne:
        return False
    kinds = [parse_cell(r.cells[i]).kind for i in ne]
    if any(k in NUMERIC or k == "date" for k in kinds):
        return False
    texts = [r.cells[i].strip() for i in ne]
    if any(t.isupper() or _KEY_VALUE.match(t) for t in texts):
        return False  # a label row, or a "key: value" line of a form
    if ne[0] > 0:  # empty label cell, text only: wrapped text or the rest of a row after a page break
        if not all(k in ("text", "period") for k in kinds) or not prev.nonempty():
            return False
        return any(t[0].islower() or _bullet(t[0]) or t[0].isdigit() or t[0] in "(<" or len(t.split()) > 6
                   or _sentence_fragment(prev.cells[_last_filled(prev.cells, i + 1)]) for t, i in zip(texts, ne, strict=False))
    if ne != [0]:
        # a row broken by a page break: text cells only, empty where the row above has its values
        num_cols = [i for i, c in enumerate(prev.cells) if parse_cell(c).kind in NUMERIC]
        return (r.gap_before and bool(num_cols) and all(i >= len(r.cells) or not r.cells[i].strip() for i in num_cols)
                and all(k == "text" for k in kinds))
    t = texts[0]
    if _PERIOD_HEADING.match(t):
        return False  # 'June 30, 2018' alone: the section of the rows for that date, not the end of a label
    if t[0].islower() or _bullet(t[0]) or r.indented:
        return True
    prev_text = prev.cells[_last_filled(prev.cells, len(prev.cells))] if prev.nonempty() else ""
    last_word = (prev_text.split() or [""])[-1].lower()
    if prev_text.endswith((",", "-", "–")) or last_word in _STOP_END:
        return True
    multi = len(prev.nonempty()) >= 2 or len(prev.lines) > 1
    if not multi or (_is_title_row(r) and not _sentence_fragment(t)):
        return False
    if has_header:
        return True
    ends_open = (t.split()[-1].lower() in _STOP_END) or t.endswith((",", "-"))
    return ends_open or not prev.cells[0].rstrip().endswith((".", "?", "!", ":", ";"))


def _bullet(ch: str) -> bool:
    return ch in "·•‣◦▪●○■□-–—*" or unicodedata.category(ch) in ("Co", "So")


def _label_columns(body: list[_PRow], columns: tuple[str, ...], ncols: int,
                   units: list[tuple[str | None, str | None]]) -> int:
    """How many leading columns form the row label: the first column, plus the second when the first
    holds codes or periods ("6" + "RR Nurse", "2018-19" + "APR") or is a merged group column that is
    mostly empty ("CCG" over "Income", "Expenditure", "Deficit")."""
    if ncols < 3 or not body:
        return 1
    second = [r for r in body if r.cells[1].strip()]
    empty0 = sum(1 for r in second if not r.cells[0].strip()) / max(1, len(second))
    body = [r for r in body if len(r.nonempty()) >= 2] or body  # rows with data, not category lines

    def kind_of(i: int) -> tuple[str, float]:
        kinds = [parse_cell(r.cells[i], *units[i]).kind for r in body if r.cells[i].strip()]
        empty = 1 - len(kinds) / len(body)
        if not kinds:
            return "empty", empty
        share = {k: sum(x == k for x in kinds) / len(kinds) for k in set(kinds)}
        if share.get("period", 0) + share.get("date", 0) >= 0.5:
            return "period", empty
        filled = [r.cells[i].strip() for r in body if r.cells[i].strip()]
        if sum(share.get(k, 0) for k in NUMERIC) > 0.5:
            codes = sum(len(x) <= 4 for x in filled) >= 0.8 * len(filled)
            return ("code" if codes else "numeric"), empty
        if len(filled) >= 2 and all(_CODE.match(x) for x in filled) and len(set(filled)) == len(filled):
            return "code", empty  # 'R01', 'R02': a column of identifiers, each once
        return "text", empty

    k0, _ = kind_of(0)
    k1, _ = kind_of(1)
    header0 = columns[0].split(" / ")[-1].strip() if columns else ""
    if k1 in ("text", "period") and (k0 in ("period", "code") or _ID_HEADER.match(header0)):
        return 2
    if k0 == "text" and empty0 >= 0.25 and k1 == "text" and kind_of(2)[0] in ("numeric", "code"):
        return 2
    if k0 == "empty" and k1 in ("text", "period"):
        return 2
    return 1


def _fill_down_labels(body: list[_PRow], label_cols: int, units: list[tuple[str | None, str | None]]) -> None:
    """An empty first label cell under a filled one is a merged cell: fill it down. Not for identifiers
    (a "Ref" or number column: an empty one means no reference) and not into total or subtotal rows."""
    if label_cols < 2:
        return
    filled = [r.cells[0].strip() for r in body if r.cells[0].strip()]
    if filled and sum(bool(re.fullmatch(r"[A-Za-z]?\d{1,3}[a-z]?\.?", x)) for x in filled) >= 0.8 * len(filled):
        return
    above = ""
    for r in body:
        first = r.cells[0].strip()
        if first:
            above = first
            continue
        if above and r.cells[1].strip() and not _TOTAL.search(r.cells[1]):
            r.cells[0] = above


def _is_sub_row(r: _PRow, parent_cells: list[str], label_cols: int, columns: Sequence[str] = ()) -> bool:
    label = " ".join(r.cells[:label_cols]).strip()
    parent_label = " ".join(parent_cells[:label_cols]).strip()
    if not label or len(label.split()) > 4 or len(parent_label.split()) < 5 or _TOTAL.search(label):
        return False
    # an empty cell under a change header ('% Change' from nothing) says the change cannot be computed, not
    # that the row is part of the one above
    lead = [i for i in range(label_cols, min(label_cols + 2, len(r.cells)))
            if not (i < len(columns) and CHANGE_HEADER.search(columns[i]))]
    return any(not r.cells[i].strip() and parent_cells[i].strip() for i in lead) and any(
        parse_cell(c).kind in NUMERIC for c in r.cells[label_cols:])


def _form_like(rows: list[Row]) -> bool:
    return sum(1 for r in rows if sum(c.kind != "empty" for c in r.cells) <= 2) >= 0.7 * len(rows)


# --------------------------------------------------------------------------- captions and notes


def _caption(doc: SourceDoc, blocks: list[Block], bi: int, seg: list[_PRow],
             titles: list[_PRow]) -> tuple[str, int | None]:
    """The nearest line that names the table: a 'Table N' line above or below, a title row, the line
    above (a short lead-in or heading), else the heading in force."""
    title = " ".join(t.cells[0] for t in titles).strip()
    above = _neighbour_text(doc, blocks, bi, seg, -1)
    below = _neighbour_text(doc, blocks, bi, seg, +1)
    if below and above and _CAPTION_LINE.match(below[0]) and _CAPTION_LINE.match(above[0]) and \
            _opens_table(doc, below[1]):
        below = None  # 'Table 3' under this table and over the next one names the next one
    for cand in (below, above):
        if cand and _CAPTION_LINE.match(cand[0]):
            return (f"{cand[0]} ({title})" if title else cand[0]), cand[1]
    if title:
        return title, titles[0].line
    # a bullet names the table below only when it is a label ('- Ethnicity'), not the last item of a list
    if above and len(above[0].split()) <= 30 and (
            not _bullet(above[0][0]) or len(above[0].split()) <= 6 or above[0].rstrip().endswith(":")):
        return above[0], above[1]
    heading = blocks[bi].heading
    return (heading[-1] if heading else ""), None


def _opens_table(doc: SourceDoc, line_no: int) -> bool:
    """Whether the nearest non-blank line below this one (within 3) is a row of a table."""
    at = next((i for i, ln in enumerate(doc.lines) if ln.no == line_no), None)
    for ln in doc.lines[at + 1:at + 4] if at is not None else []:
        if ln.text.strip():
            return "\t" in ln.text
    return False


def _neighbour_text(doc: SourceDoc, blocks: list[Block], bi: int, seg: list[_PRow],
                    direction: int) -> tuple[str, int] | None:
    """The closest non-blank, non-table line above (-1) or below (+1) this table, within 3 lines."""
    lines = doc.lines
    first = next(i for i, ln in enumerate(lines) if ln.page == seg[0].page and ln.no == seg[0].line)
    last_no = max(no for r in seg if r.page == seg[-1].page for no in r.lines)
    last = next(i for i, ln in enumerate(lines) if ln.page == seg[-1].page and ln.no == last_no)
    i = first - 1 if direction < 0 else last + 1
    steps = 0
    while 0 <= i < len(lines) and steps < 4:
        ln = lines[i]
        t = ln.text.strip()
        if ln.page != seg[0].page:
            return None
        if t and "\t" not in ln.text and t.lower() not in ("draft",):
            # above: the whole paragraph the line ends (a PDF wraps a lead-in at the page width)
            while direction < 0 and i > 0 and lines[i - 1].page == ln.page and "\t" not in lines[i - 1].text \
                    and runs_on(lines[i - 1].text.strip(), t.split("\n")[0]):
                i -= 1
                t = f"{lines[i].text.strip()}\n{t}"
            return " ".join(t.split()), lines[i].no
        if "\t" in ln.text and t.replace("\t", "").strip():
            return None
        i += direction
        steps += 1
    return None


def _scale_note_above(doc: SourceDoc, first_line: int, page: int | None) -> tuple[str, int] | None:
    """A scale note ('(in thousands)', "($'000)") on the nearest non-blank line above a table, within 3."""
    at = next((i for i, ln in enumerate(doc.lines) if ln.page == page and ln.no == first_line), None)
    if at is None:
        return None
    for i in range(at - 1, max(-1, at - 4), -1):
        if doc.lines[i].page != page:
            return None
        text = doc.lines[i].text.strip()
        if text:
            return (text, doc.lines[i].no) if "\t" not in text and SCALE_NOTE.match(text) else None
    return None


def _footnotes(doc: SourceDoc, blocks: list[Block], bi: int, seg: list[_PRow]) -> list[str]:
    below = _neighbour_text(doc, blocks, bi, seg, +1)
    if below and below[0].startswith("*"):
        return [f"footnote (line {below[1]}): {below[0].strip('* ')}"]
    return []


# --------------------------------------------------------------------------- contents tables


def _contents_table(doc: SourceDoc, blocks: list[Block], bi: int) -> Table | None:
    b = blocks[bi]
    rows: list[Row] = []
    for ln in b.lines(doc):
        if "\t" not in ln.text or not ln.text.strip():
            continue
        title, _, page = ln.text.partition("\t")
        title = re.sub(r"\.{2,}\s*$", "", title).strip()
        page_s = page.strip()
        cells = (Cell(0, ln.text.split("\t")[0], title, "text", None, None, None, ln.no, ln.page),
                 Cell(1, page_s, page_s, "number" if page_s.isdigit() else "empty",
                      None if not page_s.isdigit() else Decimal(page_s), None, None, ln.no, ln.page))
        rows.append(Row(len(rows), title, cells, (ln.no,), "body"))
    if not rows:
        return None
    first = doc.lines[b.start]
    return Table("", doc.name, first.page, rows[0].lines[0], rows[-1].lines[-1], "Contents", (), tuple(rows),
                 "contents", (), None, 1, ("table of contents: page numbers refer to the original pages",))


def _merge_contents(tables: list[Table]) -> list[Table]:
    """Contents entries split by blank lines are one table of contents."""
    out: list[Table] = []
    for t in tables:
        if out and t.kind == "contents" and out[-1].kind == "contents" and out[-1].doc == t.doc:
            prev = out[-1]
            rows = tuple(replace(r, index=i) for i, r in enumerate(prev.rows + t.rows))
            out[-1] = replace(prev, rows=rows, line_end=t.line_end)
        else:
            out.append(t)
    return out


def _unique_ids(tables: list[Table]) -> list[Table]:
    seen: dict[str, int] = {}
    out = []
    for t in tables:
        content = "\n".join("\t".join(c.raw for c in r.cells) for r in t.rows)
        h = hashlib.sha1(f"{t.doc}\0{t.caption}\0{content}".encode()).hexdigest()[:10]
        n = seen.get(h, 0)
        seen[h] = n + 1
        out.append(replace(t, id=f"t-{h}" + (f"-{n + 1}" if n else "")))
    return out

