"""The data model: every layer passes these, framework objects never leak past their adapter."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Line:
    """One line of a source document, with its location and its cleaned text."""

    page: int | None  # None for plain-text sources; 1-based page for PDF/DOCX
    no: int  # 1-based line number in the file (text) or within the page (PDF/DOCX)
    raw: str  # exactly as extracted
    text: str  # after the documented clean-up (see ingest.clean_line)
    heading_level: int | None = None  # known from the source format (DOCX heading styles), else None
    line_end: int | None = None  # a list item wrapped over lines (prose.ProseReader.items_after): its last line


@dataclass(frozen=True)
class SourceDoc:
    """A document read from disk: name, content hash and its lines with provenance."""

    name: str  # path relative to the folder it was ingested from (posix), e.g. "000_x.txt"
    path: str  # absolute path at ingest time
    sha256: str  # hash of the file bytes
    format: str  # "txt" | "md" | "pdf" | "docx"
    lines: tuple[Line, ...]
    n_pages: int | None = None

    def line_text(self, page: int | None, start: int, end: int) -> list[str]:
        """Cleaned text of lines start..end (inclusive) on a page."""
        return [ln.text for ln in self.lines if ln.page == page and start <= ln.no <= end]


# --------------------------------------------------------------------------- chunks

PassageKind = Literal["text", "table", "row", "caption"]


@dataclass(frozen=True)
class Passage:
    """A retrievable chunk of a document, keeping where it came from."""

    id: str  # content-derived: stable across rebuilds
    doc: str
    page: int | None
    line_start: int  # 1-based, inclusive
    line_end: int
    text: str  # display text: cleaned source lines (kind "text"), or a rendering of table cells
    heading: tuple[str, ...] = ()  # heading path, outermost first
    kind: PassageKind = "text"
    table_id: str | None = None
    row: int | None = None  # body row index for kind "row"
    char_start: int = 0  # offset into the cleaned text of line_start (text chunks split mid-line)
    char_end: int | None = None  # offset into the cleaned text of line_end; None = end of line


@dataclass(frozen=True)
class Hit:
    passage: Passage  # what matched the query
    score: float
    context: Passage | None = None  # the matched passage widened to its neighbouring lines (retrieval output)

    @property
    def shown(self) -> Passage:
        """What a reader is given: the context window when there is one, else the matched passage."""
        return self.context or self.passage


# --------------------------------------------------------------------------- tables

ValueKind = Literal["money", "percent", "number", "period", "date", "text", "empty"]
RowRole = Literal["body", "total", "subtotal", "category", "note"]


@dataclass(frozen=True)
class Cell:
    """One table cell: raw text, cleaned text, parsed value, and the line it sits on."""

    col: int
    raw: str
    text: str
    kind: ValueKind = "text"
    value: Decimal | None = None
    unit: str | None = None  # "£", "%", or a unit word found in the cell ("hours", "FTE")
    scale: str | None = None  # "m" / "k" when the cell was written as £11.6m / £200k
    line: int = 0
    page: int | None = None


@dataclass(frozen=True)
class Row:
    index: int  # 0-based among body rows of the table
    label: str  # text of the row-label cell(s)
    cells: tuple[Cell, ...]
    lines: tuple[int, ...]  # every source line the row was assembled from
    role: RowRole = "body"
    group: str | None = None  # the category row above it, or the row it is a sub-row of

    def path(self) -> str:
        """The row's label with its group: 'Number of patients seen ... / Thame'."""
        return f"{self.group} / {self.label}" if self.group else self.label

    def page_in(self, t: Table) -> int | None:
        """The page the row is printed on: a table continued over a page break has rows on several."""
        return next((c.page for c in self.cells if c.page is not None), t.page)


@dataclass(frozen=True)
class Table:
    """A table found in a document, repaired and typed."""

    id: str
    doc: str
    page: int | None
    line_start: int
    line_end: int
    caption: str
    columns: tuple[str, ...]  # header path per column, group labels joined with " / "
    rows: tuple[Row, ...]
    kind: Literal["data", "contents", "form"] = "data"
    header_lines: tuple[int, ...] = ()
    caption_line: int | None = None
    label_cols: int = 1  # how many leading columns form the row label
    notes: tuple[str, ...] = ()  # footnotes and repair notes

    @property
    def n_rows(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class CellRef:
    """A cell used by a computation, with its provenance."""

    doc: str
    page: int | None
    line: int
    table_id: str
    row: str
    column: str
    raw: str
    value: Decimal | None


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Citation:
    passage_id: str
    doc: str
    page: int | None
    line_start: int
    line_end: int
    quote: str  # verbatim part of the cleaned text of those lines


@dataclass(frozen=True)
class Figure:
    """A number our code computed (or looked up) from table cells, never a model."""

    value: Decimal
    text: str  # formatted as the documents write it: "£1,277,735", "35.7%"
    formula: str  # in symbols: "968,429 / 3,583,439 × 100 = 27.0%"
    description: str  # in words: "Aylesbury Vale as a share of Buckinghamshire Total"
    unit: str | None = None
    cells: tuple[CellRef, ...] = ()
    op: str = "lookup"


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    figures: list[Figure] = field(default_factory=list)
    answered: bool = True  # False = "the documents don't say"
    mode: str = "extractive"
    closest: list[Citation] = field(default_factory=list)  # shown when abstaining
    notes: list[str] = field(default_factory=list)
    index_hash: str = ""
    state: dict[str, Any] = field(default_factory=dict)  # what a follow-up reuses


ClaimLabel = Literal["supported", "contradicted", "unverifiable"]


@dataclass(frozen=True)
class ClaimCheck:
    """One atomic claim and what the documents say about it."""

    text: str
    label: ClaimLabel
    explanation: str  # one sentence, in plain words
    correct: str | None = None  # for contradicted: the value or statement the documents give
    citations: tuple[Citation, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class AuditFinding:
    doc: str
    page: int | None
    line_start: int
    line_end: int
    lines: tuple[int, ...]
    kind: Literal["total", "change", "percent", "restated"]
    stated: str
    computed: str
    difference: str
    description: str
    table_id: str | None = None


# --------------------------------------------------------------------------- serialisation


def _default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return int(o) if o == o.to_integral_value() else float(o)
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return dataclasses.asdict(o)
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    raise TypeError(f"cannot serialise {type(o).__name__}")


def to_json(obj: Any, **kw: Any) -> str:
    """JSON for any of our dataclasses (Decimals become numbers)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        obj = dataclasses.asdict(obj)
    return json.dumps(obj, default=_default, ensure_ascii=False, **kw)
