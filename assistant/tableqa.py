"""Answering from tables: find the table, rows and columns a question is about, then compute.

Matching is lexical and weighted by how rare a word is (IDF over the index), with periods matched after
normalisation ('19/20' = '2019-20'). Every number in the result comes from the figure engine.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import cast

from . import figures as F
from .query import (
    MONEY_HINT,
    MOVE_WORDS,
    PRICED,
    Query,
    content_terms,
    lower_asked,
    periods_in,
    specific,
    stem_only,
    word_pairs,
    years_in,
)
from .text import STOPWORDS, content_words, stem
from .types import Figure, Row, Table
from .values import MONTH_NAMES, MONTH_WORDS, MONTHS, PER_HEAD, SCALES, find_numbers

NUMERIC = ("money", "percent", "number")
UNSAID_WEIGHT = 0.5  # taken off a row's match for a label the question and context do not say at all (tried 0.5, 1, 2 on the dev half + seeds: 693, 692, 691 right)
SECTION_WEIGHT = 0.9  # a question word matched by a row's section row, against one matched by its own label
# added, times the share of the question its row's own name says, to a table's answer: of tables that explain the
# question equally (asked of many documents at once, 'interest income' is said by a row 'Interest income' and by a row
# 'Interest' under a caption 'Income and costs'), the one whose row the question names. Tried 0.25, 0.5, 1, 2, 4 on the
# dev half asked of all 277 extracts at no floor (`ASSISTANT_MIN_CONFIDENCE=0 assistant eval GOLD --half dev --corpus
# …/tatqa/corpus`): 566, 572, 570, 569, 568 right (0: 556); its own extract, the seeds, the new plan questions: unchanged
ROW_NAMED = 0.5
# added, times the share of its row's own name the question says, to a table's answer: of rows that say every word
# asked, the one with no words of its own ('Gross margin' over 'Non-GAAP gross margin'). Tried 0.25, 0.5, 1, 2 as
# ROW_NAMED was (with it at 0.5): 575, 586, 590, 587 right at no floor (0: 572), 431, 430, 427, 425 with the fitted
# threshold (0: 421); its own extract, the seeds, the new plan questions: unchanged. Both grids were run before the
# tie-break was left out of 'another document answers as well' (TableAnswer.tie_break); with that, at 0.5 and 0.5:
# 588 right at no floor, 436 (506 answered) with the threshold (0 and 0: 556; 410 (469))
ROW_SAID = 0.5
# added, times the lesser weight of the two words, for each pair of words next to each other in the question that the
# row's name says next to each other in the same order: 'home care' is 'Home care market ...', not 'care home provider'
WORD_PAIR_WEIGHT = 0.25
# taken off a row's match for each question word its label says only in another form of the word ('assessed' for
# 'assessments'), as a share of that word's weight: a tie-breaker between rows that name the same stems
FORM_WEIGHT = 0.1
# below this share of its row's own name said by the question, a change read from a table is of a row that only
# shares the question's subject ('Complaints escalated to stage 2' for 'complaints'): a sentence that states the
# subject's two figures is weighed against it (Answerer.gather)
LOOSE_ROW = 0.5
SAID_WHOLE_BONUS = 0.5  # added to a row whose whole name (two words or more) the question says as written (tried 0.5, 1 on the dev half at no floor: +1/-0, +1/-2)
# taken off a column of shares ('% of revenues') for a question that asks for an amount or a change of one, where the
# table has columns of amounts beside it (tried 1, 2, 3 on the dev half at no floor: +5, +8, +8 right with more answers changed)
SHARE_COL_PENALTY = 2.0
# a question word a column's header shares with its table's caption is said of every column ('care home' of 'Care
# homes' under 'Care home beds by locality'): it counts this much of its weight in choosing the column
CAPTION_SHARED_WEIGHT = 0.5
CAPTION_TITLE_WORDS = 15  # a caption longer than this that states figures is a sentence of the text, not a title


@dataclass
class TableAnswer:
    table: Table
    rows: list[Row]
    cols: list[int]
    op: str
    figures: list[Figure] = field(default_factory=list)
    texts: list[tuple[Row, int]] = field(default_factory=list)  # text cells that answer (no arithmetic)
    score: float = 0.0
    coverage: float = 0.0  # share of the question's weight the table explains
    note: str = ""
    row_cov: float = 0.0  # share of the question's weight the chosen row's own label explains
    row_said: float = 0.0  # share of the chosen row's own label's weight the question says
    # what ROW_NAMED and ROW_SAID added to the score: they order tables that explain a question equally, and are
    # left out where another document's table is judged to answer as well (table_answers.TableReader.answer)
    tie_break: float = 0.0
    row_margin: float = 0.0  # how far the chosen row's match beats the next row's (share of the question)
    ranked: bool = False  # the rows are the top (or bottom) few of a column, not all the rows asked about
    # the operation's operands are rows the question names in a phrase that says the operation ('the ratio of A
    # to B', 'the total of A and B', 'A as a percentage of B', 'the difference between A and B')
    operands_named: bool = False
    # what the question called the rows, where that is not their own names: the kinds of row an answer over a
    # table of records is about ('Carers services'); a follow-up ('and on reablement?') puts its words there
    subjects: list[str] = field(default_factory=list)
    # the question's words the answer's mechanism explains beyond its rows and columns ('overspending' of the rows
    # whose spend is above their budget)
    explains: str = ""
    # the figure is added up over what the question names as a whole, a span of periods ('from April to September')
    # or every row of a kind ('across all teams'): a count or an amount asked over them, not a sum asked in words
    over_asked: bool = False
    # a row the answer's rows are measured against, cited with them but not one of them ('England' of 'which wards
    # are below the England average?')
    against: list[Row] = field(default_factory=list)
    # the cell read is of the column a which-question's noun names ('which locality is Cedar Lodge in?'): the
    # which-question is answered by that cell, not by an extreme
    kind_cell: bool = False


class Matcher:
    """IDF-weighted term overlap between a question and parts of tables."""

    def __init__(self, df: Mapping[str, int], n_docs: int, acronyms: Mapping[str, str]) -> None:
        self.df = df
        self.n = max(1, n_docs)
        self.acronyms = acronyms
        self._cache: dict[str, frozenset[str]] = {}
        self._idf: dict[str, float] = {}

    def idf(self, term: str) -> float:
        got = self._idf.get(term)
        if got is None:
            got = self._idf[term] = math.log(1 + self.n / (1 + self.df.get(term, 0)))
        return got

    def terms(self, text: str) -> frozenset[str]:
        got = self._cache.get(text)
        if got is None:
            got = frozenset(content_terms(text, self.acronyms))
            self._cache[text] = got
        return got

    def weight(self, terms: Iterable[str]) -> float:
        # fsum: a sum over a set must not depend on the set's order (string hashing differs per process), or
        # two rows that tie would be told apart by the last bit, differently from one run to the next
        return math.fsum(map(self.idf, terms))


# --------------------------------------------------------------------------- scoring pieces


def _periods(text: str) -> set[str]:
    """The periods a text names: years, financial years, quarters, months (a copy: callers may add to it)."""
    return set(_periods_named(text))


@lru_cache(maxsize=65536)
def _periods_named(text: str) -> frozenset[str]:
    # (the same labels and headers are read for every question: read once)
    periods, months = periods_in(text)
    out = set(periods) | set(months)
    for p in periods:
        m = re.match(r"^([A-Z][a-z]{2}) ((?:19|20)\d{2})$", p)
        if m:
            out.add(m.group(1))
    for m in re.finditer(r"\b(\d{4})\b", text):
        out.add(m.group(1))
    for m in _MONTH_DAY_YEAR.finditer(text):  # 'August 31, 2019' is in August 2019, as '31 August 2019' is
        out.add(f"{MONTH_NAMES[MONTHS[m.group(1).lower()]]} {m.group(2)}")
    return frozenset(out)


_MONTH_DAY_YEAR = re.compile(rf"(?i)\b({MONTH_WORDS})\.?\s+\d{{1,2}},?\s*((?:19|20)\d{{2}})\b")


def _header_periods(header: str) -> set[str]:
    """The periods a column header names, at its most specific level that names any: under a group label
    spread over columns ('2019 vs. 2018 / July 29, 2017') the column is 2017, not 2019."""
    for part in reversed(header.split(" / ")):
        found = _periods(part)
        if found:
            if " / " not in header:
                return found
            # a date over two header lines ('August 31, / 2019'): the month of the year found
            return found | {p for p in _periods(header.replace(" / ", " ")) if " " in p and p.split()[-1] in found}
    return set()


def _section_periods(t: Table) -> dict[int, set[str]]:
    """The periods each row is about (by id of the row), in one pass: those its label names, else those of the
    nearest section row above it that names one ('June 30, 2019' over 'Financial Assets:' over 'Money market
    funds', the same rows repeated under 'June 30, 2018')."""
    out: dict[int, set[str]] = {}
    current: set[str] = set()
    for r in t.rows:
        own = _periods(r.label)
        if r.role == "category" and own:
            current = own
        out[id(r)] = own or (set() if r.role == "category" else current)
    return out


def _value_cols(t: Table) -> list[int]:
    return [i for i in range(t.label_cols, len(t.rows[0].cells)) if any(
        r.cells[i].kind != "empty" for r in t.rows if i < len(r.cells))]


def _numeric_cols(t: Table) -> list[int]:
    out = []
    for i in _value_cols(t):
        kinds = [r.cells[i].kind for r in t.rows if i < len(r.cells) and r.cells[i].kind != "empty"]
        if kinds and sum(k in NUMERIC for k in kinds) >= 0.6 * len(kinds):
            out.append(i)
    return out


@lru_cache(maxsize=65536)
def period_key(header: str) -> tuple[int, int] | None:
    """Where a column header sits in time, for ordering columns by period, never by position: the latest
    year it names ('2019', 'Fiscal 2019', 'December 31, 2019', '2018-19' = '18/19' = 2019) and a quarter or month
    within it. None for a header that names no year."""
    years = list(years_in(header))  # '2019', 'FY19', '2018-19', '18/19'
    for a, b in re.findall(r"(?<!\d)((?:19|20)\d{2})\s?[/\-–]\s?(\d{2})(?!\d)", header):
        years.append(int(a[:2] + b) if int(b) > int(a[2:]) else int(a) + 1)  # a span's end ('2017-19')
    if not years:
        return None
    q = re.search(r"(?i)\bQ([1-4])\b", header)
    return max(years), int(q.group(1)) if q else 0


def column_period(header: str) -> tuple[int, int] | None:
    """The period of one column from its header path, the most specific level first: under a spread
    group label ('2019 vs. 2018 / July 29, 2017') the column is July 2017, not 2019."""
    parts = header.split(" / ")
    for i in range(len(parts) - 1, -1, -1):
        key = period_key(" / ".join(parts[i:]))  # with the levels below it: '2019 / Q1' is 2019 Q1
        if key is not None:
            return key
    return None


# a column header that names a month or a quarter of a year it does not say ('Apr', 'Sept', 'Q3', 'Quarter 2',
# 'Second quarter'): a period of the table's one year, in the order the columns stand (a financial year runs
# April to March)
_YEARLESS = re.compile(rf"(?i)^\s*(?:(?P<month>{MONTH_WORDS})\.?|Q(?P<q>[1-4])|quarter\s+(?P<n>[1-4])|"
                       r"(?P<ord>first|second|third|fourth)\s+quarter)\s*$")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def period_of(header: str) -> tuple[int, int] | None:
    """A column's period, for telling period columns from others and one period from another: its year (and
    quarter) where the header path names one, else a month or quarter the header names alone, as (0, month)
    or (0, 12 + quarter). None for a column of something else ('Target', 'Year to date')."""
    key = column_period(header)
    if key is not None:
        return key
    m = _YEARLESS.match(header.split(" / ")[-1])
    if m is None:
        return None
    if m.group("month"):
        return 0, MONTHS[m.group("month").lower()]
    return 0, 12 + int(m.group("q") or m.group("n") or _ORDINAL[m.group("ord").lower()])


def chronological(t: Table, cols: Sequence[int]) -> list[int]:
    """Columns from the earliest period to the latest, when every one names a period; else as given."""
    keys: list[tuple[int, ...] | None] = [column_period(t.columns[c] if c < len(t.columns) else "") for c in cols]
    if all(k is not None for k in keys) and len(set(keys)) < len(keys):
        # one year's columns apart by their months ('May 31, 2019' before 'August 31, 2019')
        keys = [(*k, _month_of(t.columns[c])) if k is not None else None for k, c in zip(keys, cols, strict=True)]
    if all(k is not None for k in keys) and len(set(keys)) == len(keys):
        return [c for _, c in sorted(zip(keys, cols, strict=True))]  # type: ignore[arg-type]
    return list(cols)


def _month_of(header: str) -> int:
    """The month a column header's date is in (its last one), 0 when it names none."""
    found = [m for part in header.split(" / ") for m in _MONTH_DAY_YEAR.finditer(part + " 2000")]
    return MONTHS[found[-1].group(1).lower()] if found else 0


def _bound_named(t: Table, m: re.Match[str]) -> bool:
    """Does a row's name ('Over 90 days') or a column's ('Waiting over 52 weeks') hold the bound a question sets? Then
    the bound names that row or column ('how many wait over 52 weeks?'), not a condition on figures."""
    return bool(m.group("num")) and any(re.search(
        rf"(?i)\b(?:over|above|more than|greater than|less than|under|below|within|up to)\s*[$£€]?\s*"
        rf"{re.escape(m.group('num'))}(?![\d,.])", name) for name in [*(r.label for r in t.rows), *t.columns])


_MONTH_YEAR = re.compile(r"[A-Z][a-z]{2} (?:19|20)\d{2}")  # a month-year period label: 'Sep 2026'


def _month_key(header: str) -> tuple[int, int] | None:
    """(year, month) of the one month-year a column header names ('September 2026', 'Waiting (Sep 2026)'); else
    None."""
    found = {p for p in _header_periods(header) if _MONTH_YEAR.fullmatch(p)}
    if len(found) != 1:
        return None
    mon, year = next(iter(found)).split()
    return int(year), MONTHS[mon.lower()]


def _in_order(t: Table, cols: list[int], order: str | None) -> list[int]:
    """Period columns in the order the question asks for ('in chronological order': the earliest first);
    as they are when it asks for none or they are not all periods."""
    if order not in ("oldest first", "newest first") or len(cols) < 2 or not all(
            column_period(t.columns[c] if c < len(t.columns) else "") for c in cols):
        return cols
    ordered = chronological(t, cols)
    return ordered[::-1] if order == "newest first" else ordered


def _period_cols(t: Table, row: Row) -> list[int]:
    """The numeric columns whose header names a period (not a change between periods) where the row has
    a value: what a row is averaged, compared or ranked over."""
    return [c for c in _numeric_cols(t) if c < len(t.columns) and period_of(t.columns[c])
            and not _is_change_col(t.columns[c]) and row.cells[c].kind in NUMERIC and row.cells[c].value is not None]


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TOP_N = re.compile(r"(?i)\b(?:top|(?P<w1>highest|largest|biggest|greatest|lowest|smallest|bottom))\s+(?P<n1>\d{1,2}|two|three|"
                    r"four|five|six|seven|eight|nine|ten)\b|\b(?P<n2>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+"
                    r"(?P<w2>highest|largest|biggest|greatest|lowest|smallest)\b")


def top_n(text: str) -> tuple[int, bool] | None:
    """'the top 3', 'the three highest', 'the two smallest': how many rows, and whether the largest."""
    m = _TOP_N.search(text)
    if not m:
        return None
    raw = (m.group("n1") or m.group("n2")).lower()
    word = (m.group("w1") or m.group("w2") or "top").lower()
    return (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]), word not in ("lowest", "smallest", "bottom")


# a question that joins two names: 'X and Y', 'both X and Y', '..., respectively'
_JOINS_TWO = re.compile(r"(?i)\brespectively\b|\bboth\b|\w+\s+and\s+(?!(?:19|20)\d\d\b)(?:the\s+)?\w+")


def _section_rows(t: Table, best: Row | None) -> list[Row]:
    """The body rows an operation over rows runs over: those of the section ('Revenues:') the best-matching
    row sits in, else the rows outside every section; never a row's own sub-rows ('Thame' under a row)."""
    sections = {r.label for r in t.rows if r.role == "category"}
    parents = {r.label for r in t.rows if r.role == "body"} - sections
    rows = [r for r in t.rows if r.role == "body" and r.group not in parents]
    if best is not None and best.group in sections:
        mine = [r for r in rows if r.group == best.group]
        if len(mine) >= 2:
            return mine
    outside = [r for r in rows if r.group is None]
    return outside if len(outside) >= 2 else rows


def _read_cells(t: Table, rows: Sequence[Row], cols: Sequence[int]) -> tuple[list[Figure], list[tuple[Row, int]]]:
    """The cells of rows × columns a lookup gives: a figure for each number, the place of each text cell."""
    figs: list[Figure] = []
    texts: list[tuple[Row, int]] = []
    for r in rows:
        for c in cols:
            cell = r.cells[c]
            if cell.kind in NUMERIC and cell.value is not None:
                figs.append(F.lookup(t, r, c))
            elif cell.kind != "empty":
                texts.append((r, c))
    return figs, texts


def _share_or_none(t: Table, part: Row, whole: Row, col: int) -> Figure | None:
    try:
        return F.share(t, (part, col), (whole, col))
    except F.FigureError:
        return None


def _is_change_col(header: str) -> bool:
    """A column of differences between periods ('Change', '% Change', 'Variance', '2019 vs. 2018'); a '%'
    under a year ('2019 / %') is a unit, not a change."""
    changes = r"(?i)\b(difference|change|variance|increase|decrease)\b|\bvs\.?\b"
    last = header.split(" / ")[-1]
    if re.search(changes, last):
        return True
    if period_key(last) is not None:
        return False  # 'July 29, 2017' under a group label spread over it ('2019 vs. 2018'): a period
    if re.search(changes, header):
        return True
    return "%" in header and period_key(header) is None


@lru_cache(maxsize=8192)
def _title(caption: str) -> str:
    """A caption as far as it names what a table is about: a title or a lead-in. A sentence of the text above
    the table that states figures of its own ('Capitalized interest was calculated using an average rate of
    3.96% ...') is about something in particular, not about every row: of a long caption, only what follows
    its last stated figure is kept ('Note: savings of £41.4m (4.8%) Section 5: Combined savings plan')."""
    figures = [n for n in find_numbers(caption) if n.kind in ("money", "percent")]
    if not figures or len(caption.split()) <= CAPTION_TITLE_WORDS:
        return caption
    return caption[figures[-1].end:].lstrip(" )]")


_TOTAL_COL = re.compile(r"(?i)\s*(grand\s+)?total\b")


def _total_header(last: str) -> bool:
    """Does a column's lowest header level name a total, first or last ('Total', '2020/21 Total')?"""
    return bool(_TOTAL_COL.match(last) or re.search(r"(?i)\btotal\s*$", last))


def _header_words(text: str) -> set[str]:
    """The plain words of a header or a question, operation words and '%' kept ('% Change', 'Total'), for a
    header that is nothing but such words."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} - {"the", "and", "for", "that", "was", "had", "did"}
    return words | ({"%"} if "%" in text else set())


def _last_header(t: Table, c: int) -> str:
    """The lowest level of a column's header ('Payments due by period / Total' -> 'Total')."""
    return (t.columns[c] if c < len(t.columns) else "").split(" / ")[-1]


def _row_text(t: Table, r: Row) -> str:
    return r.path()


def _other_text(t: Table, r: Row) -> str:
    """Short text cells of a row (names, providers, sources): they identify a row as its label does.
    Long descriptive cells do not: a paragraph in a cell says many things."""
    return " ".join(c.text for c in r.cells[t.label_cols:] if c.kind == "text" and len(c.text.split()) <= 12)


class TableQA:
    def __init__(self, matcher: Matcher) -> None:
        self.m = matcher
        # the terms of each table's caption, heading, headers and row labels (rank_tables), read once per index
        self._table_terms: dict[tuple[str, str], frozenset[str]] = {}

    # ------------------------------------------------------------------ entry point

    def rank_tables(self, q: Query, tables: Sequence[Table], headings: Mapping[str, str], n: int = 6) -> list[Table]:
        """Tables whose caption, heading, headers and row labels share the most question weight."""
        qset = set(q.terms)
        scored = []
        for t in tables:
            if t.kind == "contents" or not t.rows:
                continue
            key = (t.id, headings.get(t.id, ""))
            terms = self._table_terms.get(key)
            if terms is None:
                terms = self._table_terms[key] = self.m.terms(
                    " ".join([t.caption, key[1], *t.columns, *(r.path() for r in t.rows[:60])]))
            w = self.m.weight(qset & terms)
            if w > 0:
                scored.append((w, t))
        scored.sort(key=lambda x: -x[0])
        return [t for _, t in scored[:n]]

    def answer(self, q: Query, tables: Sequence[Table], prior: Mapping[str, float] | None = None,
               headings: Mapping[str, str] | None = None) -> TableAnswer | None:
        """The best table answer among candidate tables (None when no table explains the question)."""
        got = self.answers(q, tables, prior, headings)
        return got[0] if got else None

    def answers(self, q: Query, tables: Sequence[Table], prior: Mapping[str, float] | None = None,
                headings: Mapping[str, str] | None = None) -> list[TableAnswer]:
        """Every candidate table's answer, best first."""
        qterms = [t for t in q.terms if not re.fullmatch(r"\d{4}(-\d{2})?", t)]
        total_w = self.m.weight(qterms) or 1.0
        out: list[TableAnswer] = []
        for t in tables:
            if t.kind == "contents" or not t.rows:
                continue
            ans = self._answer_table(q, t, qterms, total_w, (headings or {}).get(t.id, ""))
            if ans is None:
                continue
            ans.tie_break = ROW_NAMED * ans.row_cov + ROW_SAID * ans.row_said
            ans.score += (prior or {}).get(t.id, 0.0) + ans.tie_break
            out.append(ans)
        _prefer_overall_totals(out)
        out.sort(key=lambda a: -a.score)
        return out

    def _answer_table(self, q: Query, t: Table, qterms: list[str], total_w: float, heading: str) -> TableAnswer | None:
        m = self.m
        qset = set(qterms)
        rows = [r for r in t.rows if r.role not in ("category", "note")]  # notes say what the table is about
        if not rows or _other_periods_only(q, t):
            return None  # ('X in 2022' of a table of 2018 and 2019: its figures are for other years)
        ctx_terms = self._context_terms(t, heading)
        wants_total = bool(re.search(r"(?i)\b(total|overall|whole|all together)\b", q.text) or _all_rows_asked(q, t, self.m)) \
            and q.intent != "share"
        row_scores = []
        # a period the question asks that a row's name holds points at that row, unless the columns are the
        # periods asked (then 'Fiscal 2019 Restructuring Plan' is a name, not the year 2019)
        by_row = bool(q.periods) and not set(q.periods) & _column_periods(t)
        periods = _section_periods(t)
        qpairs = word_pairs(q.text)
        for r in rows:
            s = self._row_match(t, r, qset, ctx_terms)
            per = periods[id(r)]
            if per & set(q.periods) and (by_row or _said_whole(r.label, q.text)):
                # (where the columns are the periods, only a row whose whole name the question says: 'Fiscal
                # 2020 Restructuring Plan' beside 'Fiscal 2021 Restructuring Plan')
                s += 2.0 if by_row else 0.5
            if q.quoted and any(x.lower() in r.path().lower() for x in q.quoted):
                s += 3.0
            elif s > 0 and _said_whole(r.label, q.text):
                s += SAID_WHOLE_BONUS  # the words the matcher leaves out count when the whole name is said ('Over 90 days')
            if s > 0:
                s += WORD_PAIR_WEIGHT * sum(min(m.idf(a), m.idf(b)) for a, b in _pairs_said(qpairs, r.label))
                s -= FORM_WEIGHT * m.weight(stem_only(q.text, r.label) & qset)
            row_scores.append((s, r))
        # only a total or a sum is asked of one named member instead of every row
        member = (self._one_member_named(q, rows, row_scores, qset, ctx_terms)
                  if wants_total or "sum" in q.intents else None)
        if wants_total and member is None:  # 'the total X': the totals row, unless another row is named more clearly
            best_body = max((sc for sc, r in row_scores if r.role != "total"), default=0.0)
            row_scores = [(sc + max(3.0, best_body + 0.5) if r.role == "total" else sc, r) for sc, r in row_scores]
        row_scores.sort(key=lambda x: -x[0])
        cols = self._columns(q, t, qset)
        ages = age_range(q.text)
        if ages and "share" in q.intents and len(_ages_named(q.text)) > 1:
            ages = None  # 'what share of those aged 65 and over are aged 85-89': a part and its whole, rows of their own
        group = age_group(t, ages) if ages else []
        if group and ages:
            ans = self._group(q, t, group, cols, age_label(ages))
            if ans is not None:
                # the question's age numbers ('85' of '85+') are explained by the bands that tile them
                return self._explained(q, t, ans, qset, ctx_terms, total_w,
                                       extra={x for x in qset if _in_range(x, ages)})
        handlers = {
            "share": self._share, "percent_change": self._change, "change": self._change, "sum": self._sum,
            "max": self._extreme, "min": self._extreme, "count": self._count, "average": self._average,
            "ratio": self._ratio,
        }
        ans = self._cell_of_kind(q, t, row_scores)  # 'which locality is Cedar Lodge in?': that row's Locality
        if ans is None:
            ans = self._per_unit(q, t, row_scores)  # 'the cost per bed of X': its cost over its beds
        if ans is None and row_scores:
            ans = self._which_meet(q, t, row_scores)
        if ans is None and not _COUNT_ASKED.search(q.text):
            ans = self._which_rows_meet(q, t, row_scores) or self._which_rows_against(q, t) or \
                self._which_rows_against_row(q, t, qset) or \
                self._which_rows_moved(q, t, cols) or self._which_rows_with(q, t, cols)
        if ans is None:  # 'how much is spent on each scheme type', 'how many schemes does each provider run'
            ans = self._per_group(q, t, cols)
        if ans is None:  # 'how much is spent on carers services': the rows of that kind (or two kinds compared)
            ans = self._kinds_compared(q, t, cols) or self._by_category(q, t, cols)
        if ans is None and _COUNT_ASKED.search(q.text) and "count" not in q.intents and self._counts_rows(q, t, row_scores):
            # 'how many staff groups have sickness above 5%?' however the question model reads it: the rows meeting it
            ans = self._count_rows_meeting(q, t)
        if ans is None and "count" not in q.intents and (counted := _COUNTED.search(q.text)) and \
                self._rows_are(t, counted.group(1)):
            ans = self._count_rows_with(q, t, cols)  # 'how many priorities were met?' of a column 'Met' of yes or no
        if ans is None and _COUNT_ASKED.search(q.text) and _AGAINST.search(q.text):
            ans = self._which_rows_against(q, t, count=True)  # 'how many services are overspending?'
        if ans is None and _COUNT_ASKED.search(q.text) and _AGAINST_ROW.search(q.text):
            ans = self._which_rows_against_row(q, t, qset, count=True)  # 'how many wards are below England?'
        if ans is None and not (_WHICH_START.match(q.text) and _EXTREME_ASKED.search(q.text)):
            # (not 'which service overspent the most?': the row with the extreme figure, whatever row 'service' names)
            ans = self._against_named_row(q, t, row_scores) or self._remaining(q, t, row_scores)
        if ans is None and (wants_total or "sum" in q.intents) and not {
                "share", "ratio", "change", "percent_change", "average", "max", "min", "count"} & set(q.intents):
            ans = self._section_sum(q, t, cols)  # 'the total purchase obligations': a section no totals row closes
        if ans is None and wants_total and member is None and not {"share", "ratio", "change", "percent_change",
                                                                    "average", "max", "min", "count"} & set(q.intents):
            ans = self._column_total(q, t, rows, qset, ctx_terms)  # 'the total target savings': a column no total row ends
            if ans is not None and _all_rows_asked(q, t, m):
                ans.over_asked = True  # ('how many vacancies are there across all teams?')
        if ans is None and ({"max", "min"} & set(q.intents) or _FASTEST.search(q.text)) and _WHICH_START.match(q.text) \
                and _MOVED.search(q.text):
            ans = self._extreme_change(q, t, cols)  # 'which scheme grew the most': whatever else the words ask
        if ans is None and "share" not in q.intents:
            ans = self._sum_of_two(q, t, cols)  # 'the total of A and B': two named rows added up
        if ans is None and "share" not in q.intents and _RATIO_OF.search(q.text):
            ans = self._ratio(q, t, row_scores, cols, qset)  # 'the ratio of A to B': whatever the model reads
        if ans is None and "share" in q.intents:  # 'what share of homes are rated good or outstanding?' (whatever
            ans = self._share_of_rows_named(q, t, cols)  # a column of shares beside their counts is called)
        if ans is None and q.wants in ("count", "money") and _SPAN_OF_PERIODS.search(q.text) and not (
                set(q.intents) - {"value", "count", "sum"}) and not _CHANGE_WORD.search(q.text) and not _MOVES.search(q.text) \
                and row_scores:
            # 'how many detentions were there from April to September?': a count or an amount over a span of the
            # periods a row is split into is their sum (not a level, a rate or a share: those are not added up)
            over = self._sum_over_periods(q, t, row_scores)
            if over is None or not all(over.rows[0].cells[c].kind in ("number", "money") for c in over.cols):
                # 'how many hours were lost between July and October?' of a table whose rows are the months
                over = self._over_period_rows(q, t, cols, "sum")
            if over is not None:
                over.over_asked = True
                ans = over
        for it in () if ans is not None else q.intents:
            if row_scores and (_named_in_row(it, q.text, row_scores[0][1]) or _named_in_column(it, q.text, t) or (
                    _said_in_column(it, q.text, t) and (row_scores[0][0] > 0 and row_scores[0][1].role == "body" or any(
                        r.role == "total" for r in t.rows)))) and not (
                    it in ("change", "percent_change") and len(q.periods) >= 2):  # (two periods: a change between them)
                continue  # 'weighted average shares', 'total assets', 'minimum contribution': a row's name
            h = handlers.get(it)
            if it == "sum" and member is not None:
                # 'the total assets of the Northern segment': that member's own figure (or its sum over the periods asked), not
                # a sum of every row
                h = lambda q, t, row_scores, *_: self._sum_over_periods(q, t, row_scores) or \
                    self._sum_of_columns_named(q, t, row_scores, qset) or self._sum_within_period(q, t, row_scores)  # noqa: E731
            if h is not None:
                ans = h(q, t, row_scores, cols, qset)
                if ans is not None:
                    break
        if ans is None and "count" not in q.intents and _COUNT_ASKED.search(q.text) and not any(
                c.kind in NUMERIC for r in rows for c in r.cells[t.label_cols:]):
            # 'how many changes will be Established?' of a table of words: a count of the rows whose cell is the
            # value the question names, however the question puts it (the value in the table is the evidence; a
            # table with figures holds the number asked in a cell)
            ans = self._count_rows_with(q, t, cols)
        if ans is None:
            ans = self._lookup(q, t, row_scores, cols)
        if ans is None:
            return None
        if ans.rows:
            ans.row_cov = m.weight(qset & m.terms(ans.rows[0].path())) / total_w
            own = m.terms(ans.rows[0].label)
            ans.row_said = m.weight(qset & own) / (m.weight(own) or 1.0)
            ranked = [sc for sc, _ in row_scores]
            ans.row_margin = (ranked[0] - ranked[1]) / total_w if len(ranked) > 1 else 1.0
        return self._explained(q, t, ans, qset, ctx_terms, total_w)

    # ------------------------------------------------------------------ rows

    def _own_words(self, rows: Sequence[Row], r: Row, qset: set[str], ctx_terms: frozenset[str]) -> set[str]:
        """The question's words that this row's label says and no other row's label, nor any totals row's
        path, nor the table's caption and headers: the words that name this row and no other."""
        m = self.m
        said = {x for x in qset & m.terms(r.label) - ctx_terms if not any(ch.isdigit() for ch in x)}
        for other in rows:
            if other is not r:
                said -= m.terms(other.path() if other.role == "total" else other.label)
        return said

    def _members_named(self, rows: Sequence[Row], qset: set[str], ctx_terms: frozenset[str]) -> list[Row]:
        """The body rows the question names by words of their own ('Highlands and Central services')."""
        return [r for r in rows if r.role != "total" and self._own_words(rows, r, qset, ctx_terms)]

    def _one_member_named(self, q: Query, rows: Sequence[Row], row_scores: list[tuple[float, Row]], qset: set[str],
                          ctx_terms: frozenset[str]) -> Row | None:
        """The one body row a 'total' question is about when it names it ('the total assets of the Northern
        segment', 'total long-lived assets of the Highlands'): the question says most of that row's label and words of its own
        that no other row says, and no other body row is named so ('the total of Highlands and Central
        services' is a sum). None otherwise: 'total BCF funding' shares one word with each of three BCF rows
        and names none of them."""
        best = max(((sc, r) for sc, r in row_scores if r.role != "total"), key=lambda x: x[0], default=None)
        if best is None or best[0] <= 0:
            return None
        top = best[1]
        if self._members_named(rows, qset, ctx_terms) != [top]:
            return None
        return top if self._label_said(top, qset, ctx_terms) else None

    def _label_said(self, r: Row, qset: set[str], ctx_terms: frozenset[str]) -> bool:
        """Does the question say most of the row's label (less what the table's caption and headers say)?"""
        label = self.m.terms(r.label) - ctx_terms
        return self.m.weight(label & qset) >= 0.5 * self.m.weight(label)

    def _context_terms(self, t: Table, heading: str = "") -> frozenset[str]:
        """What a table says about all its rows: caption, heading, column headers and note rows ('Project 1
        Single Point of Referral')."""
        notes = [r.path() for r in t.rows if r.role == "note"]
        return self.m.terms(" ".join([_title(t.caption), heading, *t.columns, *notes]))

    def _row_match(self, t: Table, r: Row, terms: set[str], ctx_terms: frozenset[str]) -> float:
        """How well a row's label names what these terms (a question's, or one phrase of it) ask for: where a
        row is chosen, for every operation."""
        m = self.m
        label_terms = m.terms(_row_text(t, r))
        other = m.terms(_other_text(t, r)) - label_terms
        # words the table's notes, caption or headers already say ('Project 1: Single Point of Referral', 'capital
        # expenditures' over every row) tell its rows apart less
        said = ctx_terms & label_terms
        # so do the words of its section row, which every row of the section shares: 'Basic earnings per
        # share / Net income' names net income, not basic earnings per share
        own = m.terms(r.label)
        shared = (m.terms(r.group) - own) if r.group else frozenset()
        s = (m.weight(terms & (label_terms - said - shared)) + SECTION_WEIGHT * m.weight(terms & (shared - said))
             + 0.3 * m.weight(terms & said) + 0.5 * m.weight(terms & other))
        # a label that says much the question does not ('Capital intensity ratio' for capital expenditures)
        return s - UNSAID_WEIGHT * m.weight(own - terms - ctx_terms) / (m.weight(own) or 1.0)

    def _explained(self, q: Query, t: Table, ans: TableAnswer, qset: set[str], ctx_terms: frozenset[str],
                   total_w: float, extra: set[str] | None = None) -> TableAnswer:
        """Score an answer by how much of the question it explains: caption, heading, the answer's first
        row (label and text cells) and the headers of the columns used; each question word counts once."""
        m = self.m
        named = ans.rows if ans.op in ("group_change", *_CATEGORY_OPS) or ans.operands_named and ans.op in (
            "sum", "average") else (
            ans.rows[:3] if ans.op in ("sum", "change", "share", "ratio") else ans.rows[:2] if ans.op == "lookup" else ans.rows[:1])
        # the words of the operation the answer performs are explained by performing it
        extra = set(extra or ()) | set(m.terms(_OP_EXPLAINS.get(ans.op, "")))
        if ans.op == "change" and any("percentage points" in f.text for f in ans.figures):  # (of two percentages)
            extra |= qset & m.terms("point points")
        quarters = {p for p in q.periods if re.fullmatch(r"Q[1-4]", p)} & set().union(
            *(_header_periods(t.columns[c]) for c in ans.cols if c < len(t.columns)))
        if quarters:  # 'since quarter 2' of a column 'Q2 rating'
            extra |= qset & ({"quarter", "quarters"} | {p[1] for p in quarters})
        if ans.ranked:  # 'the top 3': the 3 is how many rows are added
            extra |= {x for x in qset if x.isdigit() and len(x) <= 2 or x in _NUMBER_WORDS}
        if q.wants in (None, "money", "count", "percent") and any(
                c < len(r.cells) and r.cells[c].kind == "money" for r in ans.rows for c in ans.cols):
            # 'how much money goes to X', 'how much is allocated to X', 'which contract is worth the most?': the words
            # that ask for an amount of money are said of any amount of money the table gives
            worth = " ".join(["worth", *(["costs charges contribute"] if _COST_VERB.search(q.text) else []),
                              *(w.group(0) for w in PRICED.finditer(q.text))])
            extra |= qset & m.terms(f"{_MONEY_WORDS} {worth}" if q.wants == "money" else worth)
            if ans.op == "share":  # ('what share of the money is spent on X': the share is of an amount of money)
                extra |= qset & m.terms(" ".join(x.group(0) for x in MONEY_HINT.finditer(q.text)))
        if ans.op in _CATEGORY_OPS or ans.subjects:
            # rows picked by their kind ('carers services', 'which provider') are about every column of their table,
            # whatever form the question gives a header's word ('commissioned by' of 'Commissioner'), and an amount
            # of money added up over them is what 'is spent on', 'goes to', 'receives' ask for
            extra |= {x for x in qset if any(header_said(h, x) for h in t.columns)}
            if ans.op != "count" and any(r.cells[ans.cols[0]].kind == "money" for r in ans.rows):
                extra |= qset & m.terms(_SPENT_WORDS)
            if ans.op == "group_totals":
                extra |= qset & m.terms(_EACH_WORDS)
        # ('overspent' of a Variance column, 'so far this year' of an Actual to date one)
        extra |= qset & m.terms(" ".join([ans.explains, *(w for c in ans.cols if c < len(t.columns)
                                                           for w in _budget_words(t.columns[c], q.text))]))
        headers = " ".join(t.columns[c] for c in ans.cols if c < len(t.columns))
        if _FIGURE_KIND.search(headers):  # 'the planned rate' of a 'Plan' column ('plan' itself is a question word)
            extra |= qset & m.terms("planned expected projected")
        if any(PER_HEAD.search(f"{r.path()} {headers}") for r in ans.rows[:1]) or ans.op == "lookup" and any(
                c < len(r.cells) and r.cells[c].kind == "percent" for r in ans.rows[:1] for c in ans.cols):
            extra |= qset & m.terms("rate rates")  # 'the rate' of 'per 100,000', or of a percentage looked up
        if ans.over_asked:  # ('across every team': every row is added up)
            extra |= qset & (m.terms("all every across whole") | {x for c in range(t.label_cols) if c < len(t.columns)
                                                                   for x in m.terms(t.columns[c])})
        if _DURATION_HEADER.search(f"{headers} {t.caption}"):  # 'how long does it take', 'which takes longest' of
            # 'Average days' (or of columns of years under a caption 'Average days from referral to completion')
            extra |= qset & m.terms("take takes took taken long")
        if ans.op in ("count", "meets", "moved"):  # 'exceed $50,000 thousand': the condition's amount and scale are its
            extra |= {x for x in qset if x.isdigit() or x in SCALES or x == "zero"}
        if sum(1 for c in ans.cols if c < len(t.columns) and period_of(t.columns[c])) >= 2:
            # 'in both fiscal years', 'the average annual X', 'over the two years': said of the period columns used
            extra |= qset & _PERIOD_WORDS
        if ans.rows and ans.rows[0].role == "total" or ans.op in ("count", "meets", "moved") and ans.figures and \
                ans.figures[0].description.startswith(_ROWS_WHERE):
            named = list(t.rows)  # a totals row stands for every row of its table, and rows under a condition for theirs
        place = frozenset(term for term, doc in q.named_docs if doc == t.doc)  # 'Wiltshire' for its own plan
        explained = qset & (ctx_terms | place | frozenset().union(*(m.terms(r.path()) | m.terms(_other_text(t, r))
                                                             for r in named)) |
                            frozenset().union(*(m.terms(t.columns[c]) for c in ans.cols if c < len(t.columns))) |
                            frozenset(extra or ()))
        ans.coverage = m.weight(explained) / total_w
        ans.score = 10 * ans.coverage + self._fit(q, t, ans)
        return ans

    def _group(self, q: Query, t: Table, rows: list[Row], cols: list[tuple[int, float]],
               label: str) -> TableAnswer | None:
        """A question about an age range that the table splits into bands ('85+' over '85-89' and
        '90 and over'): the bands are added up, then compared between two columns or read at one."""
        try:
            if "change" in q.intents or "percent_change" in q.intents:
                pair = self._two_columns(q, t, cols, rows[0])
                if pair is None:
                    return None
                a, b = pair
                figs = []
                if "change" in q.intents:
                    figs.append(F.change_of_totals(t, rows, a, b, label, percent=False))
                if "percent_change" in q.intents:
                    figs.append(F.change_of_totals(t, rows, a, b, label, percent=True))
                return TableAnswer(t, rows, [a, b], "group_change", figs)
            picks = self._pick_cols(q, t, cols, rows[0])
            if not picks:
                return None
            return TableAnswer(t, rows, [picks[0]], "sum", [F.total(t, rows, picks[0])])
        except F.FigureError:
            return None

    def _fit(self, q: Query, t: Table, ans: TableAnswer) -> float:
        """Does the answer have the shape asked for: the operation asked for first, the period asked
        about, the kind of value, a total when a total is asked for?"""
        bonus = 0.0
        if q.intents and q.intents[0] in ("percent_change", "change") and ans.op != "change":
            bonus -= 3.0  # asked how something changed: a sum or a single value is not the answer
        if re.search(r"(?i)\b(total|overall|whole)\b", q.text) and ans.op in ("lookup", "change", "share"):
            if ans.rows and ans.rows[0].role == "total":
                bonus += 1.5
            elif not any(r.role == "total" for r in t.rows):
                bonus -= 1.0
        qp = set(q.periods) | set(q.months)
        if qp:
            table_periods = set()
            for header in t.columns:
                table_periods |= _periods(header)
            for r in t.rows:
                table_periods |= _periods(r.label)
            used = set()
            for c in ans.cols:
                used |= _header_periods(t.columns[c] if c < len(t.columns) else "")
            periods = _section_periods(t)
            for r in ans.rows if ans.operands_named and ans.op in ("sum", "average") else ans.rows[:2]:
                used |= periods.get(id(r), set())  # (every row of a span of periods added up)
            if table_periods and not (table_periods & qp):
                bonus -= 4.0  # the table is about other periods
            else:
                asked = set(q.periods) or set(q.months)
                hit = {p for p in asked if p in used or p.split()[0] in used}
                bonus += 1.0 * len(hit) - 1.5 * len(asked - hit)
        if q.wants in ("money", "count", "percent") and ans.op in ("lookup", "empty", "category_sum", "category_average"):
            want = {"money": ("money",), "count": ("number",), "percent": ("percent",)}[q.wants]
            kinds = [ans.rows[0].cells[c].kind for c in ans.cols]
            if any(k in want for k in kinds):
                bonus += 1.5
            elif kinds and all(k == "text" for k in kinds):
                bonus -= 1.5
        elif q.wants == "percent" and ans.op == "share":
            bonus += 1.5  # a share is worked out as the percentage asked for, as a cell in per cent holds one
        return bonus

    # ------------------------------------------------------------------ columns

    def _columns(self, q: Query, t: Table, qset: set[str]) -> list[tuple[int, float]]:
        """Value columns ranked by how well their headers match the question (periods weigh most)."""
        out = []
        qp = set(q.periods) | set(q.months)
        asks_change = bool({"change", "percent_change"} & {q.operation, *q.intents})
        shares = self._avoided_shares(q, t)
        kinds = _figure_kinds(q.text)
        ahead = bool(_FORECAST_ASKED.search(q.text))
        # ('over budget', 'by the year end' name the variance and the forecast, not a Budget or a Full-year column)
        phrased = qset - self.m.terms(" ".join(m.group(0) for _, asked in _BUDGET_WORDS for m in asked.finditer(q.text)))
        _, every = self._value_heads(t)
        shared = self.m.terms(t.caption or "") - every  # (words every column's header says tell none apart anyway)
        for i in _value_cols(t):
            header = t.columns[i] if i < len(t.columns) else ""
            hp = _header_periods(header)
            said = phrased & self.m.terms(header)
            s = self.m.weight(said - shared) + CAPTION_SHARED_WEIGHT * self.m.weight(said & shared)
            if q.wants == "count" and re.search(r"(?i)\b(number|no\.?|count|headcount)\s*$", header):
                s += 1.0  # 'how many' asks for the Number column
            if kinds and kinds & _figure_kinds(_last_header(t, i)):
                s += 1.0  # 'the plan for avoidable admissions': the Plan column (the word is not one of the terms)
            s += len(_budget_words(header, q.text))
            if not ahead and _FORECAST_HEADER.search(header):
                s -= FORECAST_UNASKED  # 'what has the scheme delivered': Delivered to date, not Forecast delivery
            if s > 0 and _said_whole(_last_header(t, i), q.text):
                s += SAID_WHOLE_BONUS  # a column whose whole name the question says as written
            elif s > 0 and (op := _OP_IN_NAME.search(_last_header(t, i))) and re.search(
                    rf"(?i)\b{op.group(0)}\b", q.text):
                s += SAID_WHOLE_BONUS  # an operation word the column's name says too ('Average wait' beside 'Waiting')
            if i in shares:
                s -= SHARE_COL_PENALTY
            if qp and hp:
                # a column of changes names the periods it compares: it is about them only for a change asked
                named = _names_periods(hp, qp) and (asks_change or not _is_change_col(header))
                s += 3.0 if named else -2.0
            out.append((i, s))
        out.sort(key=lambda x: -x[1])
        return out

    def _value_heads(self, t: Table) -> tuple[dict[int, set[str]], set[str]]:
        """The words of each value column's header, and those every one of them says (which tell none apart)."""
        heads = {c: set(self.m.terms(t.columns[c])) for c in _value_cols(t) if c < len(t.columns)}
        return heads, set.intersection(*heads.values()) if heads else set()

    def _avoided_shares(self, q: Query, t: Table) -> set[int]:
        """The columns of shares a question for an amount is not answered by (_share_cols, _avoids_shares): not a
        column of rates that the question alone names, whose header says no share ('occupancy' of 'Occupancy'
        beside 'Care homes' and 'Nursing beds')."""
        if not _avoids_shares(q):
            return set()
        qset = set(q.terms)
        heads = {c: self.m.terms(t.columns[c]) for c in range(len(t.columns))}
        return {c for c in _share_cols(t) if _SHARE_HEADER.search(_last_header(t, c))
                or not qset & heads[c] - set().union(*(h for j, h in heads.items() if j != c))}

    def _pick_cols(self, q: Query, t: Table, cols: list[tuple[int, float]], row: Row | None = None) -> list[int]:
        picks = self._ranked_cols(q, t, cols, row)
        if row is not None and q.every_period and not q.periods and len(every := _period_cols(t, row)) > len(picks):
            picks = every  # 'for each year': every period the row has a figure for
        return _in_order(t, picks, q.order)

    def _ranked_cols(self, q: Query, t: Table, cols: list[tuple[int, float]], row: Row | None = None) -> list[int]:
        usable = [c for c in cols if row is None or row.cells[c[0]].kind != "empty"]
        if row is not None:  # a unit word in the cell counts like a header word ('40,367 hours')
            qset = set(q.terms)
            # a question word the row's name says names the row, not a column that also says it ('loss' of
            # 'Other comprehensive loss' is not the column 'Unrealized Holding Gains (Losses)')
            said = qset & self.m.terms(row.path())
            # (unless the question says the word again: 'what share of looked after children are in residential
            # children's homes?' names the Children column too)
            said -= {x for x, n in Counter(map(stem, content_words(q.text))).items() if n > 1}
            usable = sorted(((c, s + self.m.weight(qset & self.m.terms(row.cells[c].unit or ""))
                              - self.m.weight(said & self.m.terms(t.columns[c] if c < len(t.columns) else "")))
                             for c, s in usable), key=lambda x: -x[1])
        if not usable:
            return []
        if q.wants == "person" and row is not None:
            # 'who owns the winter demand risk?': the row's column of people, the one the question names in any form
            # ('owns' of 'Owner') or, else, the one whose header says it holds people ('Lead', 'Responsible officer')
            texts = [c for c, _ in usable if row.cells[c].kind == "text" and row.cells[c].text.strip()]
            people = [c for c in texts if header_said(_last_header(t, c), q.text)] or [
                c for c in texts if _PERSON_HEADER.search(_last_header(t, c))]
            if len(people) == 1:
                return people
        positive = [c for c, s in usable if s > 0.5]
        if q.wants == "date" and row is not None:
            # 'when does the advocacy contract expire?': the row's one column of dates ('Expiry', 'Due', 'Go-live'),
            # where the question names no other column
            dated = [c for c, _ in usable if row.cells[c].kind in ("date", "period") or row.cells[c].kind == "text"
                     and _DATED.search(row.cells[c].text)]
            if len(dated) == 1 and (not positive or dated[0] in positive):
                return dated
        named_whole = [c for c in positive if _said_whole(_last_header(t, c), q.text)]
        if len(named_whole) == 1 and named_whole[0] == usable[0][0]:
            return named_whole  # the one column whose whole name the question says ('Total Fair Value' beside 'Level 1')
        if positive:
            top = usable[0][1]
            picks = [c for c, s in usable if s > 0.5 and s >= top - 2.5][:3]
            if row is not None and q.parts and q.wants == "money" and not any(
                    row.cells[c].kind == "money" for c in picks):
                picks += [c for c, _ in usable if row.cells[c].kind == "money"][:1]
            shares = self._avoided_shares(q, t)
            return [c for c in picks if c not in shares] or picks  # an amount asked: its share beside it is not
        if q.wants in ("money", "percent", "count"):
            kind = {"money": "money", "percent": "percent", "count": "number"}[q.wants]
            # (of the rows' figures, where no row is named: 'which home is the most expensive?' of a fee column)
            typed = _plainest(q, t, _unless_aimed(q, t, [c for c, _ in usable if (
                row.cells[c].kind if row is not None else _body_kind(t, c)) == kind]))
            # (of a breakdown by column, its one total column: 'Total' beside 'Within 1 year', 'After 1 year')
            whole = [c for c in typed if _TOTAL_COL.match(_last_header(t, c))]
            if len(whole) == 1 and len(typed) > 2:
                return whole
            if typed:
                return typed[-1:] if len(typed) > 2 else typed
        non_change = [c for c, _ in usable if not _is_change_col(t.columns[c] if c < len(t.columns) else "")]
        numeric_cols = set(_numeric_cols(t))
        numeric = [c for c in non_change if c in numeric_cols]
        # a question that names no column of a breakdown by column (payments due by period, spend by funding
        # stream) is about its total column
        whole = [c for c in numeric if _TOTAL_COL.match(_last_header(t, c))]
        if len(whole) == 1 and len(numeric) > 2:
            return whole
        picks = numeric or non_change or [c for c, _ in usable]
        picks = sorted(_plainest(q, t, _unless_aimed(q, t, picks)))
        return picks if len(picks) <= 2 else picks[-1:]

    # ------------------------------------------------------------------ operations

    def _lookup(self, q: Query, t: Table, row_scores: list[tuple[float, Row]],
                cols: list[tuple[int, float]]) -> TableAnswer | None:
        s, row = row_scores[0]
        whole = False  # (read from the totals row for a column named without a row)
        asked_total = row.role == "total" and bool(re.search(r"(?i)\b(total|overall)\b", q.text))
        if s <= 0 or not (self.m.terms(row.path()) & set(q.terms) or _periods(row.label) & set(q.periods)
                          or asked_total):
            # the row is not named by the question: what a column the question names says of every row together,
            # where one totals row closes the table ('how many discharges were there?' of a Discharges column)
            totals = [r for r in t.rows if r.role == "total"]
            if len(totals) != 1 or totals[0] is not t.rows[-1] or not any(sc > 0.5 for _, sc in cols) or \
                    _WHICH_ROW.match(q.text) or _EXTREME_ASKED.search(q.text):
                return None  # (a which-question, or an extreme, asks for a row)
            row = totals[0]
            whole = True
        if _CHANGE_WORD.search(q.text) and not _CHANGE_WORD.search(row.path()):
            stated = self._stated_change(q, t, row, self._two_columns(q, t, cols, row))
            if stated is not None:  # 'what is the $ change in X?': the change the table states for X
                return stated
        picks = self._pick_cols(q, t, cols, row)
        if not picks or whole and any(row.cells[c].kind == "percent" for c in picks):
            return None  # (a column of shares adds up to 100%: no figure asked)
        by_header = any(sc > 0.5 for c, sc in cols if c in picks)
        if not any(row.cells[c].kind in NUMERIC for c in picks) and len(row.label.split()) > 15 and not by_header:
            # a text table of long descriptions: answer with the cell that says most about the question
            qset = set(q.terms)
            scored = sorted(((self.m.weight(qset & self.m.terms(row.cells[c].text)), c) for c in _value_cols(t)
                             if row.cells[c].kind == "text"), reverse=True)
            if not scored or scored[0][0] < 2 * max(self.m.idf(x) for x in qset or {"x"}) / 2 or scored[0][0] <= 0:
                return None
            picks = [scored[0][1]]
        if len(picks) >= 2 and re.search(r"(?i)\b(?:total|altogether|combined)\b", q.text):
            # 'the total planned spend on X in 2027/28': the parts that period is split into, added up
            within = self._sum_within_period(q, t, [(s, row)])
            if within is not None and set(within.cols) == set(picks):
                return within
        neg = _NOT_DONE.search(q.text) if q.wants == "count" else None
        if neg is not None:
            # 'how many people on the register did not have a health check?': the column the words after the
            # negation name ('Health checks completed') less from the whole it is part of (a column picked that is at
            # least it in every row: 'People on register'), for the row asked
            after = self.m.terms(q.text[neg.end():])
            named = sorted(((self.m.weight(after & self.m.terms(t.columns[c])), c) for c in _numeric_cols(t)
                            if c < len(t.columns)), reverse=True)
            if named and named[0][0] > 0 and (len(named) == 1 or named[1][0] < named[0][0]):
                did = named[0][1]
                every = [c for c in picks if c != did and _at_least(t, c, did) and not _at_least(t, did, c)]
                if len(every) == 1 and all(row.cells[c].kind == "number" and row.cells[c].value is not None
                                           for c in (did, every[0])):
                    try:
                        return TableAnswer(t, [row], [did, every[0]], "change",
                                           [F.difference(t, (row, did), (row, every[0]))], note="did not")
                    except F.FigureError:
                        return None
        figs, texts = _read_cells(t, [row], picks)
        if not figs and not texts:
            return TableAnswer(t, [row], picks, "empty", note="the cells asked for are empty")
        rows = [row]
        other = self._respective_row(q, t, row_scores, picks)
        if other is not None:  # 'the 2020 figures for stock held and accrued staff costs, respectively'
            order = list(q.terms)

            def named_at(r: Row) -> int:  # where the question first names the row: 'respectively' keeps that order
                own = self.m.terms(_row_text(t, r))
                return next((i for i, x in enumerate(order) if x in own), len(order))

            rows = sorted([row, other], key=named_at)
            figs, texts = _read_cells(t, rows, picks)
        return TableAnswer(t, rows, picks, "lookup", figs, texts)

    def _respective_row(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], picks: list[int]) -> Row | None:
        """A second row a question joining two names asks for ('X and Y', '..., respectively'): the next best
        row whose own label holds question words the first row's label does not, with values in the columns
        picked; None when the question names one thing."""
        if len(row_scores) < 2 or not _JOINS_TWO.search(q.text):
            return None
        m = self.m
        qset = set(q.terms)
        first = row_scores[0][1]
        own = m.terms(_row_text(t, first))
        headers = frozenset().union(*(m.terms(t.columns[c]) for c in picks if c < len(t.columns)))
        for s, r in row_scores[1:4]:
            if s <= 0 or r is first or r.role == "total" and first.role != "total":
                continue
            theirs = m.terms(_row_text(t, r))
            new = (qset & theirs) - own - headers
            # the second row names question words the first does not, about as much as the first names words
            # it does not ('municipal and corporate bonds': 'corporate' against 'municipal'; 'bonds' is both's)
            if m.weight(new) >= 0.5 * m.weight((qset & own) - theirs) and m.weight(new) > 0 and any(
                    r.cells[c].kind != "empty" for c in picks):
                return r
        return None

    def _two_rows(self, q: Query, t: Table, pattern: re.Pattern[str], within: bool = False) -> tuple[Row, Row] | None:
        """The rows that the two phrases of 'A as a percentage of B', 'the ratio of A to B' name. A phrase that
        says 'total' names a totals row before another its words match as well. With `within` (A is a part of
        B), among rows that match equally well the pair where A sits under B is taken."""
        m = pattern.search(q.text)
        if not m:
            return None
        rows = [r for r in t.rows if r.role not in ("category", "note")]

        def best(phrase: str) -> list[Row]:
            """The rows the phrase matches best (ties in document order)."""
            terms = set(self.m.terms(phrase))
            total = bool(re.search(r"(?i)\b(total|overall)\b", phrase))
            said = set(re.findall(r"[a-z0-9]+", phrase.lower()))

            def exact(r: Row) -> float:  # breaks ties by every word, small ones too ('other', 'net', 'gross')
                own = set(re.findall(r"[a-z0-9]+", r.label.lower()))
                return 0.05 * len(own & said) / max(1, len(own | said))

            ages = age_range(phrase)  # an age range the phrase names is the row's own ('65 and over', not '90 and over')
            scored = [(self.m.weight(terms & self.m.terms(r.path())) if not ages or age_range(r.label) in (None, ages)
                       else 0.0, r) for r in rows]
            scored = [(w + (0.5 if total and w > 0 and r.role == "total" else 0.0) + (exact(r) if w > 0 else 0.0), r)
                      for w, r in scored]
            top = max((w for w, _ in scored), default=0.0)
            near = [r for w, r in scored if w > 0 and w >= top - 0.1 and r.role != "total"]
            if total and len(near) >= 2 and not any(w > 0 and r.role == "total" for w, r in scored):
                # 'the total X' where X's words name several rows as well as each other, and no totals row by name:
                # the totals row below them
                below = max(n.index for n in near)
                closing = next((r for r in rows if r.role == "total" and r.index > below), None)
                if closing is not None:
                    return [closing]
            return [r for w, r in scored if w > 0 and w >= top - 1e-9]

        gd = m.groupdict()
        ka = next((k for k in ("a", "a2", "a3", "a4", "a5") if gd.get(k)), None)
        kb = next((k for k in ("b", "b2", "b3", "b4", "b5") if gd.get(k)), None)
        if ka is None or kb is None:
            return None
        a, b = gd[ka], gd[kb]
        if m.start(ka) < m.start(kb):
            # the word between the phrases ('and', 'to', 'than') may be inside a row's name too ('Cash and
            # short-term securities and Net cash from operations'): of every place it splits the span, the one
            # whose two phrases the rows say most of
            joint = q.text[m.end(ka):m.start(kb)]
            span = q.text[m.start(ka):m.end(kb)]
            cuts = [i for i in range(len(span)) if span.startswith(joint, i)]
            if len(cuts) > 1 and joint.strip():

                def named(phrase: str) -> float:  # the most of the phrase any row says
                    terms = set(self.m.terms(phrase))
                    w = self.m.weight(terms) or 1.0
                    return max((self.m.weight(terms & self.m.terms(r.path())) for r in rows), default=0.0) / w

                a, b = max(((span[:i], span[i + len(joint):]) for i in cuts),
                           key=lambda ab: (min(named(ab[0]), named(ab[1])), named(ab[0]) + named(ab[1])))
        whole = {x for x in self.m.terms(b) if not _periods(x)}
        if within and whole and whole <= self._context_terms(t) and not re.search(r"(?i)\b(total|overall)\b", b) \
                and not any(_said_whole(r.label, b) for r in rows):
            return None  # 'what share of the funding is X' of a table of funding: a share of its total (_share)
        pairs = [(ra, rb) for rb in best(b) for ra in best(a) if ra is not rb]
        if not pairs:
            return None
        if within:  # the part under its whole (the row it is a sub-row of)
            return next((p for p in pairs if p[0].group in (p[1].label, p[1].path())), pairs[0])
        return pairs[0]

    def _section_sum(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'The total X', where X is the whole name of a section of the table (a row of words over rows of figures)
        that no totals row of its own closes: the sum of the section's rows. Not when a row of figures is named
        as written too (that row is asked about)."""
        for sec in t.rows:
            name = sec.label.strip().rstrip(":").strip()
            if sec.role != "category" or not _said_whole(name, q.text):
                continue
            members = [r for r in t.rows if r.group == sec.label and r.role == "body"]
            if len(members) < 2 or any(r.group == sec.label and r.role in ("total", "subtotal") for r in t.rows):
                continue
            if any(r.role != "category" and _said_whole(r.label, q.text) and r.label.strip().lower() != name.lower()
                   for r in t.rows):
                continue
            picks = [c for c in self._pick_cols(q, t, cols, members[0]) if all(
                r.cells[c].kind in ("money", "number") and r.cells[c].value is not None for r in members)]
            if not picks:
                continue
            try:
                return TableAnswer(t, members, [picks[0]], "sum", [F.total(t, members, picks[0])])
            except F.FigureError:
                continue
        return None

    def _column_total(self, q: Query, t: Table, rows: list[Row], qset: set[str], ctx_terms: frozenset[str]
                      ) -> TableAnswer | None:
        """'What are the total target savings?' of a table with a column 'Target saving' and no totals row: the sum of
        that column over every body row, when the question says the column's whole name and names no row by words
        of its own."""
        body = [r for r in rows if r.role == "body"]
        if any(r.role in ("total", "subtotal") for r in t.rows) or self._members_named(rows, qset, ctx_terms) or \
                _phrased_rows(q, t, body) or any(
                _said_whole(r.label, q.text) for r in body) or _ASKS_WHICH_PERIOD.search(q.text):
            return None  # (a row named whole, though its label repeats under each period: 'money market funds')
        named = [c for c in _numeric_cols(t) if c < len(t.columns) and (h := self.m.terms(_last_header(t, c)))
                 and h <= qset and not period_of(t.columns[c])]
        if len(named) != 1 or len(body) < 2 or any(r.cells[named[0]].kind not in ("money", "number") for r in body):
            return None
        try:
            return TableAnswer(t, body, named, "sum", [F.total(t, body, named[0])])
        except F.FigureError:
            return None

    def _two_columns_named(self, q: Query, t: Table, pattern: re.Pattern[str], row: Row) -> tuple[int, int] | None:
        """The columns that the two phrases of 'the difference between A and B', 'how far below B is A' name, each the
        one column of figures in the row whose header the phrase says most of (ties broken by the rest of the
        question: 'England' of 'how far below England is ... for Brenton men' is 'England men'); None unless the two
        are distinct columns of one kind."""
        m = pattern.search(q.text)
        if m is None:
            return None
        gd = m.groupdict()
        ka = next((k for k in ("a", "a2", "a3", "a4") if gd.get(k)), None)
        kb = next((k for k in ("b", "b2", "b3", "b4") if gd.get(k)), None)
        if ka is None or kb is None:
            return None
        numeric = [c for c in _numeric_cols(t) if c < len(t.columns) and row.cells[c].kind in NUMERIC
                   and row.cells[c].value is not None]
        everything = self.m.terms(q.text)

        def best(phrase: str, other: int | None = None) -> int | None:
            """The column the phrase names; where its own words name none ('healthy life expectancy' of '... for
            Brenton men'), the one the rest of the question names, of the columns the other phrase does not."""
            own = self.m.terms(phrase) - self.m.terms(" ".join(q.periods))
            scored = [(self.m.weight(own & self.m.terms(t.columns[c])), self.m.weight(everything & self.m.terms(
                t.columns[c]) - (self.m.terms(t.columns[other]) & self.m.terms(gd[kb]) if other is not None else set())),
                c) for c in numeric if c != other]
            top = max(scored, default=(0.0, 0.0, -1))
            tied = [c for a, b, c in scored if (a, b) == top[:2]]
            return tied[0] if (top[0] > 0 or other is not None and top[1] > 0) and len(tied) == 1 else None

        cb = best(gd[kb])
        ca = best(gd[ka], cb)
        if ca is None or cb is None or ca == cb or row.cells[ca].kind != row.cells[cb].kind:
            return None
        return ca, cb

    def _sum_of_two(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'The total of A and B', 'the sum of A and B', 'A and B combined': the two rows the phrases name,
        added up in the column asked about. Only where each phrase names a different row of figures."""
        pair = self._two_rows(q, t, _SUM_OF)
        if pair is None:
            return None
        ra, rb = pair
        if ra.role == "total" or rb.role == "total" or ra is rb:
            return None
        # (two shares of one whole add up too: 'the total of equity and debt securities' target allocations, %)
        picks = [c for c in self._pick_cols(q, t, cols, ra) if ra.cells[c].kind == rb.cells[c].kind and all(
            r.cells[c].kind in NUMERIC and r.cells[c].value is not None for r in (ra, rb))]
        if not picks:
            return None
        try:
            fig = F.total(t, sorted([ra, rb], key=lambda r: r.index), picks[0])
        except F.FigureError:
            return None
        return TableAnswer(t, sorted([ra, rb], key=lambda r: r.index), [picks[0]], "sum", [fig], operands_named=True)

    def _share(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
               qset: set[str]) -> TableAnswer | None:
        of_ref = self._share_of_reference(q, t, row_scores) or self._share_within_row(q, t, row_scores) or \
            self._share_of_total_column(q, t, row_scores)
        if of_ref is not None:
            return of_ref
        pair = self._two_rows(q, t, _SHARE_OF, within=True)
        if pair is not None:  # 'A as a percentage of B': both rows named
            ra, rb = pair
            if ra.role == "total" and rb.role != "total":  # the whole named first: the total row is still the whole
                ra, rb = rb, ra
            own = self.m.terms(rb.label)
            if rb.role != "total" and self.m.weight(qset & own) < 0.5 * self.m.weight(own):
                pair = None  # (a whole named by one word of a row's name, 'people placed' of 'Care homes for people',
                # is not that row: the part's share of the column's total)
        if pair is not None:
            # (of counts or amounts: a rate is no part of another rate, '69.6%' of the trust's '74.1%')
            picks = [c for c in self._pick_cols(q, t, cols, ra) if ra.cells[c].kind in ("money", "number")
                     and rb.cells[c].kind in ("money", "number")]
            if picks:
                picks = [_latest_unless_asked(q, t, picks)]
                try:
                    fig = F.share(t, (ra, picks[0]), (rb, picks[0]))
                    # a part of a whole of parts that are all positive is between none and all of it: past that, the
                    # whole's phrase named another row loosely (a net whole, with parts of both signs, may be less than
                    # one of them; a row named by its whole label is the one asked about, whatever it comes to)
                    signed = any((r.cells[picks[0]].value or 0) < 0 for r in t.rows if picks[0] < len(r.cells))
                    if abs(fig.value) <= 100 or signed or _said_whole(rb.label, q.text) or not _PART_OF_WHOLE.search(q.text):
                        return TableAnswer(t, [ra, rb], [picks[0]], "share", [fig], operands_named=True)
                except F.FigureError:
                    pass
        s, part = row_scores[0]
        if s <= 0 or part.role == "total":
            return None
        picks = [c for c in self._pick_cols(q, t, cols, part) if part.cells[c].kind in ("money", "number")]
        if MONEY_HINT.search(q.text):  # ('what share of winter funding goes to X': of the money, not of the beds; the
            # one column of money where the question names no column of it)
            money = [c for c in _numeric_cols(t) if c < len(part.cells) and part.cells[c].kind == "money"]
            picks = [c for c in picks if c in money] or (money if len(money) == 1 else picks)
        if not picks:
            return None
        col = _latest_unless_asked(q, t, picks)
        totals = [r for r in t.rows if r.role == "total" and r.cells[col].kind in ("money", "number")]
        try:
            if totals:
                # the whole is the last total the part fits in: a share of a whole is between 0 and 100%, so a
                # total below the part is another measure (recoveries, a net line), not its whole
                found = next(((f, r) for f, r in ((_share_or_none(t, part, r, col), r) for r in reversed(totals))
                              if f is not None and 0 <= f.value <= 100), None)
                if found is None:
                    return None
                fig, rows = found[0], [part, found[1]]
            else:
                members = _section_rows(t, part)
                fig = F.share_of_sum(t, part, members, col)
                rows = [part, *members]
        except F.FigureError:
            return None
        if not 0 <= fig.value <= 100:
            return None  # not a part of the rows' sum: rows of other signs or measures are mixed in
        return TableAnswer(t, rows, [col], "share", [fig])

    def _share_of_rows_named(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """Two rows or more that the question names by their whole labels, joined by 'or' or 'and' ('rated good or
        outstanding', 'residential and nursing'): their sum as a share of the table's total (its totals row,
        else the sum of its body rows) in the column asked for."""
        body = [r for r in t.rows if r.role == "body"]
        said = sorted(((m.start(), m.end(), r) for r in body if len(r.label.strip()) > 2
                       for m in [re.search(rf"(?i)\b{re.escape(category_value(r.label))}\b", q.text)] if m),
                      key=lambda x: x[0])
        named: list[Row] = []
        for (_, a_end, a), (b_start, _, b) in zip(said, said[1:], strict=False):
            if re.fullmatch(r"(?i)\s*(?:,|,?\s*or|,?\s*and)\s*", q.text[a_end:b_start]):
                named += [x for x in (a, b) if x not in named]
        if len(named) < 2:
            return None
        # (the column asked for, else the first of amounts or counts: the shares are what is worked out)
        picks = [c for c in [*self._pick_cols(q, t, cols, named[0]), *(c for c, _ in cols)] if all(
            r.cells[c].kind in ("money", "number") and r.cells[c].value is not None for r in named)]
        if not picks:
            return None
        col = picks[0]
        totals = [r for r in t.rows if r.role == "total" and r.cells[col].kind in ("money", "number")]
        try:
            part = F.total(t, named, col)
            whole = F.lookup(t, totals[-1], col) if totals else F.total(
                t, [r for r in body if r.cells[col].kind in ("money", "number") and r.cells[col].value is not None], col)
            fig = F.share_of_figures(part, whole, f"{' and '.join(r.label for r in named)} as a share of the total "
                                                  f"{F.column_name(t, col)}")
        except F.FigureError:
            return None
        if not 0 <= fig.value <= 100:
            return None
        return TableAnswer(t, [*named, *totals[-1:]], [col], "share", [fig], operands_named=True, note=JOINED)

    def _row_against(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], pattern: re.Pattern[str],
                     to_date: bool = False) -> tuple[re.Match[str], Row, int, int] | None:
        """What the questions about one row against its budget or target share: the pattern's match, the row the
        question names, the column it is measured against and the column of what happened (see `_against_cols`;
        with `to_date`, the one of what happened so far when the question names none), both cells figures."""
        m = pattern.search(q.text)
        if m is None or not row_scores or row_scores[0][0] <= 0:
            return None
        pair = _against_cols(t, m, q.text) or (_against_cols(t, m, f"{q.text} to date") if to_date else None)
        if pair is None and len(pairs := _variance_pairs(t, q.text)) == 1:
            pair = pairs[0]  # (of a budget-monitoring table's budgets and spends, the pair the question's words name)
        row = row_scores[0][1]
        if pair is None or any(row.cells[c].kind not in NUMERIC or row.cells[c].value is None for c in pair):
            return None
        return m, row, pair[0], pair[1]

    def _remaining(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'How much of the budget for home first is left?', 'What is still to be spent of X's allocation?': the named
        row's figure in the column it is measured against less its figure so far (the column the question names,
        else the one of what happened to date: 'Year to date', 'Actual', 'Spent')."""
        got = self._row_against(q, t, row_scores, _REMAINING, to_date=True)
        if got is None:
            return None
        _, row, ref, act = got
        try:
            fig = F.difference(t, (row, act), (row, ref))
        except F.FigureError:
            return None
        return TableAnswer(t, [row], [ref, act], "change", [fig], note="left")

    def _share_within_row(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'What percentage of home care complaints were upheld?', 'what proportion of referrals were accepted?': the
        row's figure in the column its predicate names ('Upheld 2025/26') as a share of its own figure in the column of
        the whole (the one of that period whose header says nothing the question does not: '2025/26', 'Referrals'),
        not the row's share of the column's total. The row is the one the whole's phrase names, else the totals row."""
        m = _SHARE_PREDICATE.search(q.text)
        if m is None:
            return None
        whole, part = set(content_terms(m.group("whole"))), set(content_terms(m.group("part") or m.group("did")))
        # (a word both phrases say names neither column: 'health' of 'people with a health check ... got a health
        # action plan')
        part_only, whole_only = part - whole or part, whole - part or whole
        numeric = [c for c in _numeric_cols(t) if c < len(t.columns)]
        said = {c: len(h & part_only) for c in numeric
                if (h := _measure_terms(t, c)) and h & part_only and not h & whole_only}
        named = [c for c, n in said.items() if n == max(said.values())]
        if len(named) > 1:  # ('Granted' and 'Not granted' of '... were not granted'): the one said as written
            written = [c for c in named if re.search(rf"(?i)\b{re.escape(_last_header(t, c).strip())}\b",
                                                     m.group("part") or m.group("did"))]
            named = [c for c in written if len(_last_header(t, c).strip()) == max(
                len(_last_header(t, x).strip()) for x in written)]
        if len(named) != 1:
            return None
        c = named[0]
        # (the whole's column may say a word of the predicate: 'In treatment' of '... completed treatment')
        same = [b for b in numeric if b != c and column_period(t.columns[b]) == column_period(t.columns[c])]
        # (and says a word of the whole, if any: not 'Granted' beside 'Not granted' of '... were not granted')
        bases = [b for b in same if not (h := _measure_terms(t, b)) - whole - part and (not h or h & whole)]
        if not bases:  # ('people with a health check' of 'Health checks completed' beside 'People on register'): of the
            # columns at least as large as the part's, row by row, the one the whole's own words name most
            # (and the pairs of its words a header says together: 'health check' of 'Health checks completed')
            pairs = word_pairs(m.group("whole"))
            named_whole = {b: self.m.weight(_measure_terms(t, b) & whole_only) + math.fsum(
                min(self.m.idf(x), self.m.idf(y)) for x, y in pairs & word_pairs(_last_header(t, b)))
                for b in same if _at_least(t, b, c)}
            top = max(named_whole.values(), default=0.0)
            if top > 0 and sum(w >= top - 1e-9 for w in named_whole.values()) == 1:
                bases = [b for b, w in named_whole.items() if w >= top - 1e-9]
        if not bases:  # ('cannabis clients' of 'In treatment'): the column at least as large as every other, row by row
            bases = [b for b in same if all(_at_least(t, b, x) for x in [c, *same])]
        if len(bases) != 1:
            return None
        s, row = row_scores[0] if row_scores else (0.0, None)
        # (the row is named by the whole's words, 'home care complaints', or by words neither column says: the
        # month of '... handed over within 30 minutes in October')
        rest = set(q.terms) - _measure_terms(t, c) - _measure_terms(t, bases[0])
        if row is None or s <= 0 or not self.m.terms(row.path()) & (whole | rest):
            row = next((r for r in reversed(t.rows) if r.role == "total"), None)
        if row is None or any(row.cells[x].kind not in ("money", "number") or row.cells[x].value is None
                              for x in (c, bases[0])):
            return None
        return _share_of_columns(t, row, c, bases[0])

    def _share_of_total_column(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'What share of winter funding comes from social care?' of columns 'Health', 'Social care', 'Total': the
        row's figure in the one column the question names as a share of its figure in the table's one total column.
        The row is the one the question names, else the totals row."""
        numeric = [c for c in _numeric_cols(t) if c < len(t.columns)]
        totals = [c for c in numeric if _TOTAL_COL.match(_last_header(t, c))]
        named = [c for c in numeric if c not in totals and (h := _last_header(t, c).strip()) and re.search(
            rf"(?i)\b{re.escape(h)}\b", q.text)]
        if len(totals) != 1 or len(named) != 1:
            return None
        s, row = row_scores[0] if row_scores else (0.0, None)
        if row is None or s <= 0 or not self.m.terms(row.label) & set(q.terms) - self.m.terms(_last_header(t, named[0])):
            row = next((r for r in reversed(t.rows) if r.role == "total"), None)
        if row is None or any(row.cells[x].kind not in ("money", "number") or row.cells[x].value is None
                              for x in (named[0], totals[0])):
            return None
        # (what the column's part does of the whole: 'comes from', 'is paid by', 'is funded by' the NHS)
        return _share_of_columns(t, row, named[0], totals[0], explains=_SPENT_WORDS)

    def _share_of_reference(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'What percentage of the budget has home first spent so far?', 'How much of its target has X reached?':
        the named row's figure in the column of what happened as a share of its own figure in the column it is
        measured against (see `_against_cols`), not the row's share of a column's total."""
        got = self._row_against(q, t, row_scores, _SHARE_OF_REF)
        if got is None:
            return None
        _, row, ref, act = got
        return _share_of_columns(t, row, act, ref, bounded=False)  # (a spend may pass its budget)

    def _two_columns(self, q: Query, t: Table, cols: list[tuple[int, float]], row: Row) -> tuple[int, int] | None:
        numeric = [c for c in _numeric_cols(t) if row.cells[c].kind in ("money", "number", "percent")
                   and not _is_change_col(t.columns[c] if c < len(t.columns) else "")]
        if len(numeric) < 2:
            return None
        qp = set(q.periods)
        by_period = [c for c in numeric if _names_periods(_header_periods(t.columns[c]), qp)] if qp else []
        asked_months = sorted(p for p in qp if _MONTH_YEAR.fullmatch(p))
        if len(by_period) > 2 and len(asked_months) == 2:
            # 'from March to September 2026' of 'March 2026', 'September 2026' and 'Waiting over 52 weeks (Sep 2026)':
            # for each month asked, its plainest column
            mine = [[c for c in by_period if p in _header_periods(t.columns[c])] for p in asked_months]
            if all(mine):
                picks = [min(cs, key=lambda c: (len(_header_words(_last_header(t, c))), c)) for cs in mine]
                by_period = sorted(set(picks), key=lambda c: _month_key(t.columns[c]) or (0, 0))
        if len(by_period) > 2:  # several columns of one year: the one the question's other words name
            by_period = self._one_per_period(q, t, by_period) if all(
                column_period(t.columns[c]) for c in by_period) else by_period
        if len(by_period) > 2:  # ('Q1 plan', 'Q1 actual', 'Q2 plan', 'Q2 actual'): one measure's two periods, the
            # actual figures unless the question asks the plan's
            same = [(a, b) for i, a in enumerate(by_period) for b in by_period[i + 1:] if _one_measure(t, a, b)
                    and _header_periods(t.columns[a]) != _header_periods(t.columns[b])]
            aimed = bool(_AIMED_COL.search(q.text))
            same = [(a, b) for a, b in same if bool(_AIMED_COL.search(_last_header(t, a))) == aimed] or same
            if len(same) == 1:
                by_period = list(same[0])
        if len(by_period) >= 2:
            ordered = chronological(t, [by_period[0], by_period[-1]])
            ma, mb = (_month_key(t.columns[c]) for c in (ordered[0], ordered[-1]))
            if ma and mb and ma != mb:  # two months of one year ('March 2026', 'September 2026'), in time order
                return (ordered[0], ordered[-1]) if ma < mb else (ordered[-1], ordered[0])
            ca, cb = (column_period(t.columns[c]) for c in (ordered[0], ordered[-1]))
            if (ca == cb if ca is not None or cb is not None else _header_periods(t.columns[ordered[0]]) ==
                    _header_periods(t.columns[ordered[-1]])) and not all(
                    _words_said(t.columns[c].split(" / ")[-1]) & _words_said(q.text) for c in ordered):
                # (two columns of the one period asked, 'Council' and 'ICB' under 2027/28: no change over time,
                # and not the two the question compares unless it names both)
                return None
            return ordered[0], ordered[-1]
        if len(qp) >= 2:
            return None  # two periods asked for, and this table does not have both
        timed = [c for c in numeric if column_period(t.columns[c] if c < len(t.columns) else "")]
        timed = chronological(t, self._one_per_period(q, t, _unless_aimed(q, t, timed, least=2)))
        if len(by_period) == 1 and by_period[0] in timed and timed.index(by_period[0]) < len(timed) - 1 and \
                _SINCE.search(q.text):
            return by_period[0], timed[-1]  # 'how far has X fallen since 2019?': from then to the latest
        if len(by_period) == 1 and by_period[0] in timed and timed.index(by_period[0]) > 0:
            # one period asked ('the growth rate of X in 2019'): its change over the period before it
            at = timed.index(by_period[0])
            return timed[at - 1], timed[at]
        named = [c for c, s in cols if s > 0.5 and c in numeric]
        if len(named) >= 2:
            a, b = sorted(named[:2])
            if all(column_period(t.columns[c]) for c in (a, b)):
                a, b = chronological(t, [a, b])
                return a, b
            return _then_and_now(t, a, b) or _order_compare(q, t, a, b)
        if len(timed) >= 2:  # no period asked: the change between the two latest periods (one column each)
            latest = timed[-2:]
            return latest[0], latest[1]
        same = [(a, b) for i, a in enumerate(numeric) for b in numeric[i + 1:] if _one_measure(t, a, b)]
        if len(same) == 1 and (then_now := _then_and_now(t, *same[0])) is not None:
            return then_now  # ('Previous month' and 'Current month', 'Q2 rating' and 'Rating': one measure at two times)
        if qp or q.months or _OVER_TIME.search(q.text):
            # ('since April', 'how far has X fallen' of a budget's and an outturn's columns, or a place's and
            # England's: a move over time this table does not hold)
            return None
        if len(numeric) == 2 and not any(header_said(_last_header(t, c), q.text) for c in numeric) and \
                all(_header_words(_last_header(t, c)) for c in numeric):
            return None  # (two columns the question names neither of: 'the gap between the richest and poorest' is no
            # difference between a place's column and its region's)
        return _order_compare(q, t, numeric[0], numeric[1])

    def _stated_change(self, q: Query, t: Table, row: Row, pair: tuple[int, int] | None) -> TableAnswer | None:
        """The change a table states for a row in a column of its own ('$ Change', '% Change', 'Variance'),
        quoted rather than recomputed (the table's rounding and sign convention are the document's): the one
        column of the kind asked (a % change or an amount) that compares the two periods the question does,
        which are the table's two latest when it names none; with the change computed from the two cells beside
        it (the stated one may be rounded, or signed as a cost). None when the table states no such change."""
        timed = [c for c in _numeric_cols(t) if column_period(t.columns[c] if c < len(t.columns) else "")
                 and not _is_change_col(t.columns[c])]
        latest = chronological(t, timed)[-2:] if len(timed) >= 2 else []
        if pair is None or len(latest) < 2 or sorted(pair) != sorted(latest):
            return None  # the periods compared are not the ones a change column beside them compares
        compared = set().union(*(_header_periods(t.columns[c]) for c in latest))
        percent = "percent_change" in q.intents or bool(_PERCENT_WORD.search(q.text))
        found = []
        for c in range(t.label_cols, min(len(t.columns), len(row.cells))):
            header, cell = t.columns[c], row.cells[c]
            if c in latest or not _is_change_col(header) or cell.kind not in NUMERIC or cell.value is None:
                continue
            if _header_periods(header) - compared:
                continue  # a change between other periods ('2018 vs. 2017')
            if ("%" in header or cell.kind == "percent") == percent:
                found.append(c)
        if len(found) != 1:
            return None
        figs = [F.lookup(t, row, found[0])]
        try:  # and the change the cells give, which may be rounded or signed otherwise
            a, b = chronological(t, latest)
            figs.append((F.percent_change if percent else F.difference)(t, (row, a), (row, b)))
        except F.FigureError:
            pass
        return TableAnswer(t, [row], [*latest, found[0]], "stated_change", figs)

    def _change(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
                qset: set[str]) -> TableAnswer | None:
        s, row = row_scores[0]
        if s <= 0:
            return None
        # two named rows, not two periods: 'the difference in X between A and B' (A − B, in one column)
        qp = set(q.periods)
        named = self._two_rows(q, t, _DIFF_OF) if len(qp) < 2 else None
        # (the periods asked may be one row's: '2021-23' reads as two financial years, as its row's label does)
        of_one = [r for r in t.rows if r.role != "category" and qp and qp <= _periods(r.label)]
        if named is None and (len(qp) < 2 or len(of_one) == 1):
            # two named columns of one row: 'Brenton men' against 'England men' in 2021-23
            at = of_one[0] if of_one else row
            across = self._two_columns_named(q, t, _DIFF_OF, at)
            if across is not None:
                ca, cb = across
                try:
                    return TableAnswer(t, [at], [ca, cb], "change", [F.difference(t, (at, cb), (at, ca))],
                                       operands_named=True)
                except F.FigureError:
                    pass
        if named is not None:
            ra, rb = named
            picks = [c for c in self._pick_cols(q, t, cols, ra) if ra.cells[c].kind in NUMERIC
                     and rb.cells[c].kind in NUMERIC and ra.cells[c].value is not None and rb.cells[c].value is not None]
            if picks:
                try:
                    return TableAnswer(t, [ra, rb], [picks[0]], "change", [F.difference(t, (rb, picks[0]), (ra, picks[0]))],
                                       operands_named=True)
                except F.FigureError:
                    pass
        # periods may be rows (one column compared across two rows) or columns; a table whose columns are the
        # periods asked has rows named for what they are, whatever years their names hold ('Fiscal 2019
        # Restructuring Plan', 'Senior notes due 2021')
        period_rows = [r for r in t.rows if r.role != "category" and _periods(r.label) & qp] if len(qp) >= 2 else []
        periods = _section_periods(t) if len(qp) >= 2 else {}
        if len(qp) >= 2 and len(period_rows) < 2:  # the row's name repeated under each period's section row
            name = self.m.terms(row.label)  # (footnote markers aside: 'Assets held for sale (a)')
            period_rows = [r for r in t.rows if r.role == row.role and self.m.terms(r.label) == name
                           and periods[id(r)] & qp]
        yearless = _yearless_rows(t, q) if len(period_rows) < 2 else []
        if len(yearless) == 2:  # 'between October and January', 'from Q1 to Q4' of months or quarters down the side
            period_rows = yearless
        elif len(period_rows) >= 2 and len(_column_periods(t) & qp) < 2:
            # oldest first, whatever order the table prints them in: the change from 2018 to 2019 is 2019 − 2018
            period_rows.sort(key=lambda r: max((int(p) for p in periods[id(r)] if re.fullmatch(r"\d{4}", p)),
                                               default=0))
        if len(period_rows) >= 2 and (yearless or len(_column_periods(t) & qp) < 2):
            picks = self._pick_cols(q, t, cols, period_rows[0])
            if not picks:
                return None
            col = picks[0]
            a_ref, b_ref = (period_rows[0], col), (period_rows[-1], col)
            rows = [period_rows[0], period_rows[-1]]
        else:
            pair = self._two_columns(q, t, cols, row)
            if pair is None:
                return None
            stated = self._stated_change(q, t, row, pair)
            if stated is not None:
                return stated
            a_ref, b_ref = (row, pair[0]), (row, pair[1])
            rows = [row]
        figs = []
        try:
            if "change" in q.intents or q.intent == "change":
                figs.append(F.difference(t, a_ref, b_ref))
            if "percent_change" in q.intents:
                figs.append(F.percent_change(t, a_ref, b_ref))
            if not figs:
                figs.append(F.difference(t, a_ref, b_ref))
        except F.FigureError:
            return None
        return TableAnswer(t, rows, sorted({a_ref[1], b_ref[1]}), "change", figs)

    def _selected_rows(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], qset: set[str]) -> list[Row]:
        """Rows a sum/max/count is over: rows the question names, rows whose text cells carry a value the
        question names ('iBCF-funded' -> Source of Funding = Improved Better Care Fund), else all body rows."""
        body = _section_rows(t, row_scores[0][1] if row_scores else None)
        strong = [r for s, r in row_scores if r.role == "body" and s >= 2.5]
        # a text column whose value the question names
        for c in range(t.label_cols, len(t.rows[0].cells)):
            values = {r.cells[c].text for r in body if c < len(r.cells) and r.cells[c].kind == "text"}
            if len(values) < 2:
                continue
            hits = [v for v in values if self.m.terms(v) and self.m.terms(v) <= qset | _expanded(q, self.m)]
            if len(hits) == 1:
                return [r for r in body if r.cells[c].text == hits[0]]
        joined = re.search(r"(?i)\b(both|and|combined|together)\b", q.text)
        if 2 <= len(strong) < len(body):
            named = [r for r in strong if (self.m.terms(r.label) & qset)]
            top = max(s for s, r in row_scores if r.role == "body")  # not a totals row's boost for 'total'
            named = [r for s, r in row_scores if r in named and s >= 0.5 * top]
            if len(named) >= 2 and joined:
                return sorted(named, key=lambda r: r.index)
        # rows named by words of their own, however rare those words are in the corpus ('Highlands and
        # Central services')
        ctx = self._context_terms(t)
        own = [r for r in self._members_named(body, qset, ctx) if self._label_said(r, qset, ctx)]
        if 2 <= len(own) < len(body) and joined:
            return own
        return _phrased_rows(q, t, body) or body

    def _sum(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
             qset: set[str]) -> TableAnswer | None:
        over = self._sum_over_periods(q, t, row_scores) or self._sum_of_columns_named(q, t, row_scores, qset)
        if over is not None:
            return over
        rows = self._selected_rows(q, t, row_scores, qset)
        if len(rows) < 2:
            return None
        picks = [c for c in self._pick_cols(q, t, cols) if any(r.cells[c].kind in ("money", "number") for r in rows)]
        if not picks:
            return None
        col = picks[0]
        usable = [r for r in rows if r.cells[col].kind in ("money", "number") and r.cells[col].value is not None]
        top = top_n(q.text)
        if top is not None and not 2 <= top[0] < len(usable):
            top = None
        if top is not None:  # 'the two largest together': ranked by value among the table's named body rows
            n, largest = top
            # (of the section the question names, where the rows its words match are all under it)
            named = usable[0] if len({r.group for r in usable}) == 1 and usable[0].group and \
                self.m.terms(usable[0].group) & qset else None
            usable = [r for r in _section_rows(t, named) if r.label.strip() and r.cells[col].kind in (
                "money", "number") and r.cells[col].value is not None] or usable
            usable = sorted(usable, key=lambda r: r.cells[col].value, reverse=largest)[:n]  # type: ignore[arg-type,return-value]
            usable.sort(key=lambda r: r.index)
        if len(usable) < 2:
            return None
        try:
            fig = F.total(t, usable, col)
        except F.FigureError:
            return None
        ans = TableAnswer(t, usable, [col], "sum", [fig], ranked=top is not None)
        skipped = [r for r in rows if r not in usable and r.cells[col].kind == "text"]
        if top is not None:  # (the note says no number: every number an answer shows is quoted or computed)
            ans.note = f"they are the {'largest' if top[1] else 'smallest'} rows of the column"
        elif skipped:
            # (a cell's text is shown only when it holds no digit: the answer cites the rows counted, not these)
            ans.note = "not counted (no number): " + "; ".join(
                r.label if re.search(r"\d", r.cells[col].raw) else f"{r.label} ({r.cells[col].raw})" for r in skipped)
        return ans

    def _sum_of_columns_named(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], qset: set[str]
                              ) -> TableAnswer | None:
        """'How many residential and nursing beds are there in the north?': one row the question names, added up
        across the columns it names together (each by the words of its header that not every column's says)."""
        if not row_scores or row_scores[0][0] <= 0:
            return None
        row = row_scores[0][1]
        if not self.m.terms(row.path()) & qset:
            return None
        heads, every = self._value_heads(t)
        named = [c for c in heads if heads[c] - every and heads[c] - every <= qset
                 and row.cells[c].kind in ("money", "number") and row.cells[c].value is not None]
        if len(named) < 2 or not _JOINED.search(q.text):
            return None
        try:
            fig = F.total_across(t, row, named)
        except F.FigureError:
            return None
        return TableAnswer(t, [row], named, "sum", [fig], operands_named=True)

    def _extreme(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
                 qset: set[str]) -> TableAnswer | None:
        if _MOVED.search(q.text) and not _WHICH_START.match(q.text):  # ('which … grew the most' was tried before)
            moved = self._extreme_change(q, t, cols)
            if moved is not None:
                return moved
        if re.search(r"(?i)\b(years?|periods?|quarters?|months?|monthly|quarterly|yearly|annual|when)\b", q.text):
            over = self._extreme_over_periods(q, t, row_scores)
            if over is not None:
                return over
        across = self._extreme_across(q, t, qset) or self._extreme_group(q, t, cols)
        if across is not None:
            return across
        rows = [r for r in t.rows if r.role == "body"]
        # ('the most common cause': one of the causes, not 'Other causes' that gathers the rest, unless it is named;
        # nor the rows that compare the members with wholes, 'England' under the wards)
        rows = [r for r in rows if not _RESIDUAL.match(r.label) or _said_whole(r.label, q.text)] or rows
        wholes = _comparators(t)  # (once per table, not once per row)
        rows = [r for r in rows if r not in wholes or _said_whole(r.label, q.text)] or rows
        # of the rows of a kind the question names ('the largest scheme funded by the iBCF'), if it names one
        kind = self._category_filter(q, t)
        kinds = [c for c, _ in kind[0]] if kind is not None and len(kind[1]) >= 2 else []
        if kind is not None and kinds:  # (kinds is empty when kind is None)
            rows = kind[1]
        if kinds:  # (the column of figures, not the column of kinds the question's words also name)
            figure_col = self._figure_col(q, t, cols, rows, set(kinds))
            picks = [figure_col] if figure_col is not None else []
        else:
            picks = [c for c in self._pick_cols(q, t, cols) if sum(r.cells[c].kind in NUMERIC for r in rows) >= 2]
        if not picks:
            return None
        if not q.periods and len(picks) > 1 and all(column_period(t.columns[c]) for c in picks):
            picks = chronological(t, picks)[-1:]  # no period asked: the latest
        largest = "max" in q.intents and (q.intents.index("max") < q.intents.index("min") if "min" in q.intents else True)
        spend = _OVER_UNDER.search(q.text)
        positive = True  # (the rows asked about have positive figures in the column)
        eq: tuple[int, int, int] | None = None  # (the variance's budget and spend columns, its sign: variance_equation)
        if spend is not None:
            # 'the largest overspend', 'the biggest underspend so far': of a variance column, the way round the
            # table's own figures show it is written (an overspend is positive where it is the spend less the
            # budget); of any other column, or where they do not show it, no answer
            ranked = [(sc, c) for c, sc in cols if c < len(t.columns) and _VARIANCE_HEADER.search(t.columns[c])]
            # (of two the question names as well, 'to date' or 'forecast'?, the row must be the same in each)
            tied = [c for sc, c in ranked if sc >= ranked[0][0]]
            ways = [(c, e) for c in tied if (e := variance_equation(t, c)) is not None]
            if not ranked:  # no variance column: the spend less the budget, worked out row by row
                return self._extreme_against(q, t, rows, spend.group("over") is not None, largest)
            if not ways or len(ways) < len(tied):
                return None
            picks, eq = [ways[0][0]], ways[0][1]
            positive = (spend.group("over") is not None) == (eq[2] > 0)
            largest = largest == positive
            try:
                if len({id(F.extreme_row(t, rows, c, largest=largest == (e[2] == eq[2]))) for c, e in ways}) > 1:
                    return None
            except F.FigureError:
                return None
        elif (ahead := _AGAINST.search(q.text)) is not None and ahead.group("ref") and (
                against := self._extreme_against(q, t, rows, ahead.group("above") is not None, largest)) is not None:
            # 'which project is furthest behind its plan?', 'which metric is most above target?': the row whose figure
            # less its plan's is the most negative (the largest, for above)
            return against
        short = _SHORTFALL.search(q.text) if spend is None else None
        if short is not None and not _SHORTFALL.search(_last_header(t, picks[0])):
            # 'the biggest shortfall' of a signed gap ('Gap' = capacity less demand: -550, 70, -110): the most
            # negative; of a column of one sign, or the least shortfall, no answer
            signs = {(r.cells[picks[0]].value or 0) > 0 for r in rows if r.cells[picks[0]].kind in NUMERIC}
            if not largest or signs != {True, False}:
                return None
            largest, positive = False, False
        try:
            fig = F.extreme(t, rows, picks[0], largest=largest)
        except F.FigureError:
            return None
        winner = F.extreme_row(t, rows, picks[0], largest=largest)
        if _ASKS_WHICH_PERIOD.search(q.text) and not _periods(winner.label):
            return None  # ('in which month are the most beds open?': a row that names no period does not answer it)
        if (spend is not None or short is not None) and (winner.cells[picks[0]].value > 0) != positive:  # type: ignore[operator]
            return None  # ('the largest underspend' where every row is overspent)
        subjects = [next(r.cells[c].text.strip() for r in rows) for c in kinds]
        note = ""
        if eq is not None:
            ref, act, sign = eq
            first, second = (act, ref) if sign > 0 else (ref, act)
            note = (f"the {'largest' if largest == positive else 'smallest'} {'overspend' if (sign > 0) == positive else 'underspend'}"
                    f": {F.column_name(t, picks[0])} is {F.column_name(t, first)} less {F.column_name(t, second)}")
        level = [r for r in rows if r is not winner and r.cells[picks[0]].kind in NUMERIC
                 and r.cells[picks[0]].value == winner.cells[picks[0]].value]
        if level:  # ('the lowest target' that two schemes share: both are named)
            note = "; ".join(x for x in (note, f"tied with {', '.join(r.path() for r in level)}") if x)
        if short is not None:
            note = f"the largest {short.group().lower()}: the most negative {F.column_name(t, picks[0])}"
        return TableAnswer(t, [winner, *[r for r in rows if r is not winner]], [picks[0], *kinds],
                           "max" if largest else "min", [fig], subjects=subjects, note=note,
                           explains=short.group() if short is not None else "")

    def _extreme_against(self, q: Query, t: Table, rows: list[Row], over: bool, largest: bool) -> TableAnswer | None:
        """'Which service has the largest forecast overspend?' of a table with a budget and a spend column (of the period
        asked) and no variance column: the row whose spend less budget is the largest (the most negative for an
        underspend); None unless that row is over (or under) its budget."""
        against = _AGAINST.search(q.text)
        pair = _against_cols(t, against, q.text) if against is not None else None
        if against is None or pair is None or not largest:
            return None
        ref, act = pair
        try:
            winner, fig = F.extreme_change(t, rows, ref, act, False, largest=True, falling=not over)
        except F.FigureError:
            return None
        if (fig.value > 0) != over:
            return None  # ('the largest underspend' where every row is overspent)
        return TableAnswer(t, [winner, *[r for r in rows if r is not winner]], [ref, act], "max_change", [fig],
                           note=f"the largest {'overspend' if over else 'underspend'}", explains=against.group(0))

    def _extreme_change(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """The row whose change between two periods is the largest or smallest ('which scheme grew the most from
        2019 to 2020?'): each body row's change (in per cent when the question says so), the two periods as a
        change of one row reads them."""
        rows = [r for r in _section_rows(t, None) if r.label.strip()]
        if len(rows) < 2:
            return None
        pair = next((p for r in rows if (p := self._two_columns(q, t, cols, r)) is not None), None)
        if pair is None or not all(column_period(t.columns[c]) for c in pair):
            return None
        a, b = pair
        percent = bool(_PERCENT_WORD.search(q.text) or _RATE_OF_MOVE.search(q.text))  # a rate is a % change
        falling = bool(_FALLING.search(q.text))
        largest = "max" in q.intents and (q.intents.index("max") < q.intents.index("min") if "min" in q.intents else True)
        if "max" not in q.intents and "min" not in q.intents:
            largest = not _SLOWEST.search(q.text)  # 'grew the fastest' / 'the slowest-growing'
        elif _SLOWEST.search(q.text):
            largest = False
        try:
            winner, fig = F.extreme_change(t, rows, a, b, percent, largest, falling)
        except F.FigureError:
            return None
        return TableAnswer(t, [winner, *[r for r in rows if r is not winner]], [a, b],
                           "max_change" if largest else "min_change", [fig])

    def _one_per_period(self, q: Query, t: Table, timed: list[int], years: set[int] | None = None) -> list[int]:
        """One column per period (of those asked, or all): where several columns name the same year
        ('December 31, 2019' and 'September 29, 2019'), the one whose other header words the question uses."""
        qset = set(q.terms) | {w.lower() for w in re.findall(r"[A-Za-z]+", q.text)}
        by_key: dict[tuple[int, int], list[int]] = {}
        for c in timed:
            key = period_of(t.columns[c])
            if key is not None and (not years or key[0] in years):
                by_key.setdefault(key, []).append(c)
        shares = self._avoided_shares(q, t)

        def fit(c: int) -> float:
            words = self.m.terms(t.columns[c]) | {w.lower() for w in re.findall(r"[A-Za-z]+", t.columns[c])}
            return self.m.weight(qset & words)

        # the best-fitting column of each period (of amounts, where the period has one beside its shares); the
        # first one on a tie
        return sorted(max(cs, key=lambda c: (c not in shares, fit(c), -cs.index(c))) for cs in by_key.values())

    def _extreme_over_periods(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'In which year was X largest?': the row the question names, compared across its period columns (the
        table's one totals row where the question names only what the whole table counts: 'in which month were
        delays highest?' of a table of delays by cause)."""
        s, row = row_scores[0]
        if s <= 0:
            totals = [r for r in t.rows if r.role == "total"]
            words = {x for x in q.terms if not _periods(x)}
            m = self.m
            if len(totals) != 1 or not words or any(m.terms(r.label) & words for r in t.rows) or \
                    not words & self._context_terms(t):
                return None  # (how much of the question the table explains, its heading too, is its coverage)
            row = totals[0]
        timed = _period_cols(t, row)
        if len(timed) < 2 or not _periods_of_kind_asked(q.text, [t.columns[c] for c in timed]):
            return None
        # 'which year was larger, 2018 or 2019?': only the periods the question names, when it names two or more;
        # the words of the row's own name ('Fiscal 2017 Restructuring Plan', 'Less accumulated depreciation') are
        # neither periods asked nor the extreme asked
        said = _without_name(q.text, row)
        named = set(specific(periods_in(said)[0])) if said != q.text else set(q.periods)
        asked = [c for c in timed if _names_periods(_header_periods(t.columns[c]), named)]
        if len({column_period(t.columns[c]) for c in asked}) >= 2:
            timed = asked
        largest = q.intent != "min" if said == q.text else not lower_asked(said)
        pairs = sorted(((F.lookup(t, row, c), c) for c in chronological(t, timed)), key=lambda fc: fc[0].value,
                       reverse=largest)
        return TableAnswer(t, [row], [c for _, c in pairs], "max_over" if largest else "min_over",
                           [f for f, _ in pairs])

    def _ratio(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
               qset: set[str]) -> TableAnswer | None:
        """'The ratio of A to B': the row that names A over the row that names B, in the column asked about."""
        pair = self._two_rows(q, t, _RATIO_OF)
        if pair is None:
            return None
        ra, rb = pair
        picks = [c for c in self._pick_cols(q, t, cols, ra) if ra.cells[c].kind in NUMERIC and rb.cells[c].kind in NUMERIC]
        if not picks:
            return None
        col = picks[-1] if len(picks) > 1 and not q.periods else picks[0]
        try:
            fig = F.ratio(t, (ra, col), (rb, col))
        except F.FigureError:
            return None
        return TableAnswer(t, [ra, rb], [col], "ratio", [fig], operands_named=True)

    def _extreme_across(self, q: Query, t: Table, qset: set[str]) -> TableAnswer | None:
        """'Which team has the most FTE?' where teams are column groups ('CR&R / FTE'): compare the
        columns that share the measure the question names, on the totals row."""
        groups: dict[str, list[int]] = {}
        for i, h in enumerate(t.columns):
            if " / " in h and i >= t.label_cols:
                group, measure = h.rsplit(" / ", 1)
                if self.m.terms(measure) & qset:
                    groups.setdefault(measure, []).append(i)
        best = max(groups.values(), key=len, default=[])
        if len(best) < 3:
            return None
        totals = [r for r in t.rows if r.role == "total"]
        if not totals:
            return None
        row = totals[-1]
        cells = [(i, row.cells[i]) for i in best if row.cells[i].kind in NUMERIC and row.cells[i].value is not None]
        names = [(i, t.columns[i].rsplit(" / ", 1)[0]) for i, _ in cells]
        cells = [(i, c) for (i, c), (_, name) in zip(cells, names, strict=False) if not re.search(r"(?i)\b(total|all)\b", name)]
        if len(cells) < 2:
            return None
        largest = "max" in q.intents
        pick, cell = (max if largest else min)(cells, key=lambda ic: ic[1].value)  # type: ignore[arg-type,return-value]
        figs = [F.lookup(t, row, i) for i, _ in cells]
        winner = next(f for f in figs if f.cells[0].column == t.columns[pick])
        ordered = [winner] + sorted((f for f in figs if f is not winner), key=lambda f: f.value, reverse=largest)
        return TableAnswer(t, [row], [i for i, _ in cells], "max_across" if largest else "min_across", ordered)

    def _meeting(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]
                 ) -> tuple[Row, list[int], list[int], str] | None:
        """The condition a question puts on a row's figures ('exceed $200 million', 'less than 40,000
        thousands'): the row it names, the columns looked at (its periods when it asks about years or
        quarters, else its other columns), the ones that meet it, and the condition in words. The bound is
        compared as written: a table in thousands is asked about in its own units."""
        cond = _condition(q.text)
        s, row = row_scores[0]
        if s <= 0:
            return None
        over_periods = bool(re.search(r"(?i)\b(years?|periods?|quarters?|months?)\b", q.text))
        figures = [c for c in _value_cols(t) if c < len(t.columns) and row.cells[c].kind in NUMERIC
                   and row.cells[c].value is not None and not _is_change_col(t.columns[c])]
        if cond is None:
            return self._against_own(q, t, row, figures) if over_periods else None
        if _bound_named(t, cond[2]):
            return None
        cols = [c for c in figures if bool(period_of(t.columns[c])) == over_periods]
        if over_periods:
            cols = self._one_per_period(q, t, cols)
        elif not cols and len({column_period(t.columns[c]) for c in figures}) == 1:
            # columns of one period that differ by something else ('Fiscal 2019 / AMER', 'Fiscal 2019 / APAC'),
            # their total column not counted among them
            cols = [c for c in figures if not _total_header(_last_header(t, c))]
        if len(cols) < 2:
            return None
        scale = SCALES.get(row.cells[cols[0]].scale or "", Decimal(1))
        hits = [c for c in cols if _meets(row.cells[c].value / scale, cond)]  # type: ignore[operator]
        return row, cols, hits, _condition_words(cond)

    def _against_own(self, q: Query, t: Table, row: Row, figures: list[int]
                     ) -> tuple[Row, list[int], list[int], str] | None:
        """'Which months was X above target?', 'In how many quarters did Y exceed the plan?': the row's period
        figures, each measured against its own figure in the one column the question names (Target, Plan,
        Budget; see `_AGAINST`)."""
        m = _AGAINST.search(q.text)
        if m is None or not m.group("ref"):
            return None
        refs = [c for c in figures if re.search(rf"(?i)\b{m.group('ref')}", t.columns[c]) and not period_of(t.columns[c])]
        cols = self._one_per_period(q, t, [c for c in figures if period_of(t.columns[c])])
        if len(refs) != 1 or len(cols) < 2:
            return None
        bound = row.cells[refs[0]].value
        above = bool(m.group("above"))
        within = bool(m.group("within"))
        hits = [c for c in cols if (row.cells[c].value > bound if above else row.cells[c].value <= bound  # type: ignore[operator]
                                    if within else row.cells[c].value < bound)]  # type: ignore[operator]
        relation = "above" if above else "within" if within else "below"
        return row, cols, hits, f"{relation} {F.column_name(t, refs[0])} ({row.cells[refs[0]].raw})"

    def _count_over(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'How many years did X exceed $200 million?': how many of the row's periods (or other columns) meet
        the condition."""
        got = self._meeting(q, t, row_scores)
        if got is None:
            return None
        row, cols, hits, condition = got
        said = _PERIOD_NOUN.search(q.text)
        what = f"{said.group(1) if said else t.columns[0] or 'columns'} where {row.path()} is {condition}"
        fig = F.count_cells(t, row, hits, cols, what)
        return TableAnswer(t, [row], cols, "count", [fig], note=f"out of {len(cols)}")

    def _which_meet(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'In which year was X less than 40,000?', 'Which years did X exceed 80%?': the periods of the row
        whose figure meets the condition (every one of them), not the extreme one."""
        if not _ASKS_WHICH_PERIOD.search(q.text):
            return None
        got = self._meeting(q, t, row_scores)
        if got is None or not got[2]:
            return None
        row, cols, hits, condition = got
        fig = F.count_cells(t, row, hits, cols, f"periods where {row.path()} is {condition}")
        return TableAnswer(t, [row], chronological(t, hits), "meets", [fig], note=condition)

    def _count(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
               qset: set[str]) -> TableAnswer | None:
        """Rows whose cell in the question's column equals a value the question names ('Established'), or
        meets a condition ('how many obligations had payments above $500,000'), or columns of the named row
        whose value meets a condition ('how many years did X exceed $1 million')."""
        if self._counts_rows(q, t, row_scores):
            rows = self._count_rows_meeting(q, t)
            if rows is not None:
                return rows
        over = self._count_over(q, t, row_scores)
        if over is not None:
            return over
        counted = _COUNTED.search(q.text)
        if counted and not _PERIOD_NOUN.search(counted.group(1)):
            # the named row's columns cannot be what is counted ('how many schemes' of a row by year): its rows
            rows = self._count_rows_meeting(q, t)
            if rows is not None:
                return rows
        return self._count_rows_with(q, t, cols)

    def _counts_rows(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], things: str | None = None) -> bool:
        """Whether a count (or a list) under a condition is over the table's rows rather than over one named
        row's columns: no row is named, the row named is a total (the things counted are its members: 'how many
        contractual obligations' of 'Total contractual obligations'), or the things counted are what the rows
        are ('how many quarters' of rows 'First Quarter', 'Second Quarter', ...)."""
        if things is None:
            counted = _COUNTED.search(q.text)
            things = counted.group(1) if counted else None
        if _condition(q.text) is None or not things:
            return False
        if self._rows_are(t, things):
            return True
        if _PERIOD_NOUN.search(things):
            return False  # 'how many years': the named row's periods
        return not row_scores or row_scores[0][0] <= 0 or row_scores[0][1].role == "total"

    def _rows_are(self, t: Table, things: str) -> bool:
        """Are the table's rows the things a question counts or asks for? Their labels, or the labels' header, say
        so ('how many risks' of a column 'Risk')."""
        body = [r for r in t.rows if r.role == "body"]
        words = self.m.terms(things) | _header_words(things)
        head = " ".join(t.columns[:t.label_cols])
        return len(body) > 1 and (sum(bool(words & (self.m.terms(r.label) | _header_words(r.label))) for r in body)
                                  > len(body) / 2 or bool(words & (self.m.terms(head) | _header_words(head))))

    def _rows_meeting(self, q: Query, t: Table) -> tuple[int, list[Row], list[Row], str, Figure] | None:
        """The body rows whose figure in the question's column meets its condition ('a % change under 20%':
        the '% Change' column; 'total spend over £4m': the 'Total' column): the column, the rows looked at, the
        ones that meet it, the condition in words and their count as a figure. The column is the one whose
        header the question's words (operation words included: 'total', 'change') and periods match best, of
        the kind the bound is written in; the bound is compared as written. None when a row's name holds the
        bound ('Over 90 days'): then the condition is that row's name."""
        cond = _condition(q.text)
        if cond is None:
            return None
        m = cond[2]
        body = [r for r in t.rows if r.role == "body"]
        if _bound_named(t, m):
            return None
        qp = set(q.periods)
        percent = bool(m.group("num")) and q.text[m.end("num"):m.end("num") + 2].lstrip().startswith("%")
        # (a bound written as money, '£24', is of a column of money: not 'Hours a week' for 'charge more than £24 an hour')
        money = bool(m.group("num")) and bool(re.search(r"[$£€]\s*$", q.text[:m.start("num")]))
        best: tuple[float, int] | None = None
        fitting: set[int] = set()  # the columns of the bound's kind
        # the column is named before the condition ('turnover above 12%'), else after it ('fewer than 100 leavers')
        for named in (q.text[:m.start()], q.text[m.end():]):
            words = self.m.terms(named)
            said = _header_words(named)  # with the words the matcher leaves out: 'total', '% change'
            for c in _value_cols(t):
                filled = [r for r in body if c < len(r.cells) and r.cells[c].kind in NUMERIC and r.cells[c].value is not None]
                if len(filled) < 2 or (percent != all(r.cells[c].kind == "percent" for r in filled)) or money and not all(
                        r.cells[c].kind == "money" for r in filled):
                    continue
                fitting.add(c)
                header = t.columns[c] if c < len(t.columns) else ""
                s = self.m.weight(words & self.m.terms(header)) + 0.5 * len(said & _header_words(header))
                hp = _header_periods(header)
                if qp and hp:
                    s += 3.0 if _names_periods(hp, qp) else -2.0
                if s > 0 and (best is None or s > best[0]):
                    best = (s, c)
            if best is not None:
                break
        if best is None and percent and len(fitting) == 1:
            best = (0.0, fitting.pop())  # a bound in per cent the question names no column for: the one column of them
        if best is None:
            return None
        c = best[1]
        looked = [r for r in body if c < len(r.cells) and r.cells[c].kind in NUMERIC and r.cells[c].value is not None]
        scale = SCALES.get(looked[0].cells[c].scale or "", Decimal(1))
        hits = [r for r in looked if _meets(r.cells[c].value / scale, cond)]  # type: ignore[operator]
        condition = _condition_words(cond)
        fig = F.count(t, hits, c, f"{_ROWS_WHERE} {F.column_name(t, c)} is {condition}", len(looked))
        return c, looked, hits, condition, fig

    def _count_rows_meeting(self, q: Query, t: Table) -> TableAnswer | None:
        """How many body rows meet the question's condition (see `_rows_meeting`)."""
        got = self._rows_meeting(q, t)
        if got is None:
            return None
        c, looked, hits, _, fig = got
        return TableAnswer(t, hits, [c], "count", [fig], note=f"out of {len(looked)} rows")

    def _which_rows_meet(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'Which schemes cost more than £400k in 2020/21?', 'Which parts of the winter budget are over £1m?':
        the rows that meet the condition (every one of them), where the things asked for are the table's rows
        (see `_counts_rows`)."""
        if not any(self._counts_rows(q, t, row_scores, things) for things in _which_things(q.text)):
            return None
        got = self._rows_meeting(q, t)
        if got is None or not got[2]:
            return None
        c, looked, hits, condition, fig = got
        # (the word that names the bound is explained by it: 'ambition' of 'below the 75% ambition')
        named = _BOUND_NAME.search(q.text)
        return TableAnswer(t, hits, [c], "meets", [fig], note=f"{condition}, out of {len(looked)} rows",
                           explains=named.group(0) if named else "")

    def _count_rows_with(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """How many rows have, in one of the question's columns, a value the question names ('Established')."""
        got = self._rows_with(q, t, cols)
        if got is None:
            return None
        c, hits, body, fig, _ = got
        return TableAnswer(t, hits, [c], "count", [fig], note=f"out of {len(body)} rows")

    def _which_rows_against(self, q: Query, t: Table, count: bool = False) -> TableAnswer | None:
        """'Which schemes are over budget?', 'Which metrics are below target?', 'Which lines have underspent?':
        the rows (every one of them) whose figure in the column of what happened (Actual, Outturn, Forecast,
        Quarter 3) is above (or below) their figure in the column the question measures it against (Budget,
        Plan, Target), where the things asked for are what the rows are; with `count`, how many ('how many
        services are overspending?'). None when the table has no such pair of columns, or more than one column
        could be what happened."""
        m = _AGAINST.search(q.text)
        if m is None or not self._asks_for_rows(q, t) or _EXTREME_ASKED.search(_AGAINST.sub("", q.text)):
            return None  # ('which service has the largest overspend': the one, `_extreme`; 'less than budget' is none)
        pair = _against_cols(t, m, q.text)
        # (a budget-monitoring table of several budgets and spends, to date and for the year: the pairs its variance
        # columns are the differences of; the rows must be the same whichever of them the question means)
        pairs = [pair] if pair is not None else _variance_pairs(t, q.text)
        above = bool(m.group("above") or (m.group("spend") or "").lower().startswith("over"))
        within = bool(m.group("within"))  # 'within budget': at or below it
        found = []
        for ref, act in pairs:
            body = [r for r in t.rows if r.role == "body" and r.cells[ref].kind in NUMERIC and r.cells[act].kind in NUMERIC
                    and r.cells[ref].value is not None and r.cells[act].value is not None]

            def meets(r: Row, act: int = act, ref: int = ref) -> bool:
                a, b = r.cells[act].value, r.cells[ref].value
                return a > b if above else a <= b if within else a < b  # type: ignore[operator]

            found.append((ref, act, body, [r for r in body if meets(r)]))
        if not found or len({tuple(map(id, hits)) for *_, hits in found}) > 1:
            return None
        ref, act, body, hits = found[0]
        if len(body) < 2:
            return None  # (no row meeting it is an answer too: 'none of the 4 months was below target')
        relation = f"{'above' if above else 'within' if within else 'below'} {F.column_name(t, ref)}"
        fig = F.count(t, hits, act, f"{_ROWS_WHERE} {F.column_name(t, act)} is {relation}", len(body))
        return TableAnswer(t, hits, [act, ref], "count" if count else "meets", [fig],
                           note=f"{relation}, out of {len(body)} rows", explains=m.group(0))

    def _per_unit(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'What is the cost per bed of the acute medical unit extension?', 'the spend per place at X': the named
        row's one amount of money over its count of that unit (a cell that says it counts beds, '16 beds', or a
        column named for them, 'Beds', 'Places')."""
        m = _PER_UNIT.search(q.text)
        if m is None or not row_scores or row_scores[0][0] <= 0:
            return None
        row, unit = row_scores[0][1], m.group("unit").lower()
        if row.role not in ("body", "total"):
            return None
        unit_terms = self.m.terms(unit)
        cells = [c for c in range(t.label_cols, len(row.cells)) if row.cells[c].value is not None]
        money = [c for c in cells if row.cells[c].kind == "money"]
        counts = [c for c in cells if row.cells[c].kind == "number" and (
            self.m.terms(row.cells[c].unit or "") & unit_terms
            or c < len(t.columns) and self.m.terms(_last_header(t, c)) & unit_terms)]
        if len(money) != 1 or len(counts) != 1:
            return None
        try:
            fig = F.per(t, (row, money[0]), (row, counts[0]), unit)
        except F.FigureError:
            return None
        return TableAnswer(t, [row], [money[0], counts[0]], "ratio", [fig], explains=m.group(0))

    def _cell_of_kind(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'Which locality is Cedar Lodge in?', 'What type of home is Elmfield?': the cell, in the column of words the
        which-word's noun names ('Locality', 'Type'), of the row the question names by its whole label."""
        m = _WHICH_KIND.match(q.text)
        if m is None or not row_scores or row_scores[0][0] <= 0:
            return None
        row = row_scores[0][1]
        if row.role != "body" or not _said_whole(row.label, q.text):
            return None
        kind = self.m.terms(m.group("kind"))
        named = [c for c in range(t.label_cols, min(len(t.columns), len(row.cells))) if row.cells[c].kind == "text"
                 and (h := self.m.terms(_last_header(t, c))) and h <= kind]
        if len(named) != 1:
            return None
        return TableAnswer(t, [row], named, "lookup", kind_cell=True)

    def _which_rows_against_row(self, q: Query, t: Table, qset: set[str], count: bool = False) -> TableAnswer | None:
        """'Which wards have male life expectancy below the England average?', 'Which areas are above Brenton?': the
        rows (every one of them) whose figure in the column the question names is above (or below) the figure of
        the row the bound's phrase names ('England'), where the things asked for are what the rows are; with
        `count`, how many ('how many wards are below England?')."""
        m = _AGAINST_ROW.search(q.text)
        if m is None or not self._asks_for_rows(q, t) or _EXTREME_ASKED.search(_AGAINST_ROW.sub("", q.text)):
            return None
        phrase = self.m.terms(m.group("ref"))
        body = [r for r in t.rows if r.role in ("body", "total")]
        named = [r for r in body if (own := self.m.terms(r.label)) and own <= phrase]
        if len(named) != 1:
            return None
        ref = named[0]
        # the column the words before the bound name ('male life expectancy' of 'Men')
        before = self.m.terms(q.text[:m.start()]) & qset
        scored = [(self.m.weight(before & self.m.terms(t.columns[c])), c) for c in _numeric_cols(t)
                  if c < len(t.columns) and ref.cells[c].kind in NUMERIC and ref.cells[c].value is not None]
        top = max((w for w, _ in scored), default=0.0)
        picks = [c for w, c in scored if w > 0 and w >= top - 1e-9]
        if len(picks) != 1:
            return None
        c = picks[0]
        above = bool(m.group("above"))
        wholes = _comparators(t)
        looked = [r for r in t.rows if r.role == "body" and r is not ref and r.cells[c].kind in NUMERIC
                  and r.cells[c].value is not None and r not in wholes]
        if len(looked) < 2:
            return None
        bound = ref.cells[c].value
        hits = [r for r in looked if (r.cells[c].value > bound if above else r.cells[c].value < bound)]  # type: ignore[operator]
        relation = f"{'above' if above else 'below'} {ref.label} ({ref.cells[c].raw.strip()})"
        fig = F.count(t, hits, c, f"{_ROWS_WHERE} {F.column_name(t, c)} is {relation}", len(looked))
        return TableAnswer(t, hits, [c], "count" if count else "meets", [fig],
                           note=f"{relation}, out of {len(looked)} rows", explains=m.group(0), against=[ref])

    def _which_rows_moved(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'Which funding sources fell between 2024-25 and 2025-26?', 'Which schemes grew?': the rows (every one of
        them) whose figure moved that way between the two periods asked (the latest two when none is), where
        the things asked for are what the rows are."""
        m = _MOVED_WAY.search(q.text)
        if m is None or _MOVED.search(q.text) or not self._asks_for_rows(q, t):
            return None  # ('which grew the most' is the one that moved most: _extreme_change)
        body = [r for r in t.rows if r.role == "body"]
        first = next((r for r in body if sum(c.kind in NUMERIC for c in r.cells[t.label_cols:]) >= 2), None)
        pair = self._two_columns(q, t, cols, first) if first is not None else None
        if pair is None or not all(period_of(t.columns[c]) for c in pair):  # (years, or months and quarters)
            return None
        a, b = pair
        moved = [r for r in body if r.cells[a].kind in NUMERIC and r.cells[b].kind in NUMERIC
                 and r.cells[a].value is not None and r.cells[b].value is not None]
        up = bool(m.group("up") or m.group("up2"))
        hits = [r for r in moved if (r.cells[b].value > r.cells[a].value if up  # type: ignore[operator]
                                     else r.cells[b].value < r.cells[a].value)]  # type: ignore[operator]
        if len(moved) < 2 or not hits:
            return None
        relation = f"{'above' if up else 'below'} {F.column_name(t, a)}"
        fig = F.count(t, hits, b, f"{_ROWS_WHERE} {F.column_name(t, b)} is {relation}", len(moved))
        return TableAnswer(t, hits, [b, a], "moved", [fig], note=f"{relation}, out of {len(moved)} rows",
                           explains=m.group(0))

    def _against_named_row(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'How much is home care over budget?', 'By how much did reablement underspend?': the named row's figure
        in the column of what happened less its figure in the column it is measured against (see
        `_which_rows_against`); asked in per cent, that as a percentage of it."""
        got = self._row_against(q, t, row_scores, _AGAINST)
        if got is None:
            return None
        m, row, ref, act = got
        # 'in percentage terms', 'by what %': as a share of what it is measured against
        percent = "percent_change" in q.intents or q.wants == "percent"
        try:
            fig = (F.percent_change if percent else F.difference)(t, (row, ref), (row, act))
        except F.FigureError:
            return None
        verdict = ""
        if _YES_NO.match(q.text):  # 'Is home care over budget?': whether it is, from the two cells
            a, b = row.cells[act].value, row.cells[ref].value
            above = bool(m.group("above") or (m.group("spend") or "").lower().startswith("over"))
            met = a > b if above else a <= b if m.group("within") else a < b  # type: ignore[operator]
            verdict = "Yes" if met else "No"
        return TableAnswer(t, [row], [ref, act], "change", [fig], note=verdict)

    def _asks_for_rows(self, q: Query, t: Table) -> bool:
        """Whether the things a which-question asks for ('which metrics', 'what schemes') are what the table's rows
        are: their labels, or the label column's header, use the question's word for them ('metrics' of 'Metric')."""
        body = [r for r in t.rows if r.role == "body"]
        head = " ".join(t.columns[:t.label_cols])
        if _periods_asked_are_rows(q.text, t, body):  # 'in which months was absence above target?' of monthly rows
            return True
        title = self.m.terms(_title(t.caption))
        for things in _which_things(q.text):
            words = self.m.terms(things) | _header_words(things)
            # (or the caption says all they are: 'which risk factor ...' of 'Risk factors among adults')
            if words & (self.m.terms(head) | _header_words(head)) or self.m.terms(things) <= title and \
                    self.m.terms(things) and not _MEASURE_ASKED.match(things) or sum(
                    bool(words & (self.m.terms(r.label) | _header_words(r.label))) for r in body) > len(body) / 2:
                return True
        return False

    def _which_rows_with(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'Which metrics are rated Red?', 'Which schemes are marked complete?': the rows (every one of them) whose
        cell in one of the question's columns is a value the question names, where the things asked for are what
        the rows are (their labels or the label column's header use the question's word for them: 'metrics' of
        'Metric')."""
        if not self._asks_for_rows(q, t) or {"max", "min"} & set(q.intents) and _EXTREME_ASKED.search(q.text):
            # ('which respite service costs the most': the largest of those rows, `_extreme`; the question model's
            # guess of an extreme where no word asks one, 'which scheme is rated amber?', is not)
            return None
        got = self._rows_with(q, t, cols)
        if got is None or not got[1]:
            return None
        c, hits, body, fig, named = got
        # each value named, as the table writes it where a cell is that value alone
        said = [next((r.cells[c].raw for r in hits if r.cells[c].text.strip().lower() == v), v) for v in named]
        return TableAnswer(t, hits, [c], "meets", [fig], note=f"{' or '.join(map(repr, said))}, out of {len(body)} rows")

    def _rows_with(self, q: Query, t: Table, cols: list[tuple[int, float]]
                   ) -> tuple[int, list[Row], list[Row], Figure, list[str]] | None:
        """The column, the body rows whose cell in it is a value of that column the question names (or lists it
        among others), the rows looked at, their count as a figure, and the values named."""
        body = [r for r in t.rows if r.role == "body"]
        for c, _ in cols:
            values = {r.cells[c].text.strip().lower() for r in body if r.cells[c].kind == "text"}
            # (in any of its forms: 'which contracts will be extended?' of a value 'Extend')
            wanted = [v for v in values if v and (v in (x.lower() for x in q.quoted) or re.search(
                rf"(?i)\b{_value_forms(v)}(?:s|es|d|ed)?\b", q.text))]
            if wanted:
                # every value named ('overdue or delayed'), in the order the question names them
                wanted.sort(key=lambda v: (q.text.lower().find(v), v))
                # a cell that lists several ('John Lisle, Colin Thompson') holds each of them
                hits = [r for r in body if r.cells[c].text.strip().lower() in wanted or set(wanted) & {
                    x.strip() for x in _LISTED.split(r.cells[c].text.lower())}]
                shown = [next((r.cells[c].raw for r in hits if r.cells[c].text.strip().lower() == v), v) for v in wanted]
                fig = F.count(t, hits, c, f"{_ROWS_WHERE} {F.column_name(t, c)} is {' or '.join(map(repr, shown))}",
                              len(body))
                return c, hits, body, fig, wanted
        for c, _ in cols:
            # a column of yes or no whose header the question says ('which priorities were met?' of 'Met', 'how many
            # schemes are on track?' of 'On track?'): the rows that say yes, or no where the question says not
            header = _last_header(t, c).strip(" ?").lower()
            if len(body) < 2 or not header or not all(_YES_OR_NO_CELL.match(r.cells[c].text) for r in body) or not (
                    re.search(rf"(?i)\b{re.escape(header)}\b", q.text) or header_said(header, q.text)):
                continue
            want = "no" if _NEGATED.search(q.text) else "yes"
            hits = [r for r in body if _YES_OR_NO_CELL.match(r.cells[c].text).group(1).lower() == want]  # type: ignore[union-attr]
            fig = F.count(t, hits, c, f"{_ROWS_WHERE} {F.column_name(t, c)} is '{want.capitalize()}'", len(body))
            return c, hits, body, fig, [want]
        return None

    def _value_said(self, value: str, t: Table, c: int, text: str) -> bool:
        """Does the question name this value of a column of categories, as a phrase of its own ('carers
        services', 'the ICB', 'respite')? A value any question may say in passing ('other', 'new', 'existing',
        'yes') only where it is said of what the rows are ('new schemes' of 'New')."""
        m = re.search(rf"(?i)\b{re.escape(value)}(?:s|es)?\b(?:\s+(?P<next>[a-z]+))?", text)
        if m is None or value in STOPWORDS:
            return False
        if value not in VAGUE_VALUES:
            return True
        heads = " ".join(t.columns[i] for i in [*range(t.label_cols), c] if i < len(t.columns))
        return bool(m.group("next")) and header_said(heads, m.group("next"))

    def _kinds_named(self, q: Query, t: Table) -> dict[str, list[int]]:
        """The values of a table's columns of categories that the question names (`_value_said`), each with the
        columns that hold it, in the order the question names them; a value inside a longer one named ('home
        care' inside 'home care or domiciliary care') is the longer."""
        body = [r for r in t.rows if r.role == "body"]
        found: dict[str, list[int]] = {}
        for c in category_cols(t):
            for v in sorted({category_value(r.cells[c].text) for r in body if r.cells[c].kind == "text"}):
                if v and self._value_said(v, t, c, q.text):
                    found.setdefault(v, []).append(c)
        named = {v: cs for v, cs in found.items() if not any(
            v != w and re.search(rf"\b{re.escape(v)}\b", w) for w in found)}
        return dict(sorted(named.items(), key=lambda vc: q.text.lower().find(vc[0])))

    def _kinds_compared(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'How much more does the council commission than the ICB?', 'the difference between iBCF and DFG
        spending': two values of one column of categories, the rows of each added up, the first less the second."""
        if not {"change", "percent_change"} & set(q.intents):
            return None
        named = self._kinds_named(q, t)
        shared = [c for c in category_cols(t) if sum(c in cs for cs in named.values()) == 2]
        if len(named) != 2 or len(shared) != 1:
            return None
        c = shared[0]
        body = [r for r in t.rows if r.role == "body"]
        (a, _), (b, _) = named.items()
        rows_a = [r for r in body if category_value(r.cells[c].text) == a]
        rows_b = [r for r in body if category_value(r.cells[c].text) == b]
        col = self._figure_col(q, t, cols, rows_a + rows_b, {c})
        if col is None:
            return None
        usable_a = [r for r in rows_a if r.cells[col].kind in NUMERIC and r.cells[col].value is not None]
        usable_b = [r for r in rows_b if r.cells[col].kind in NUMERIC and r.cells[col].value is not None]
        if not usable_a or not usable_b:
            return None
        name_a, name_b = usable_a[0].cells[c].text.strip(), usable_b[0].cells[c].text.strip()
        try:
            figs = [F.difference_of_totals(t, (name_a, usable_a), (name_b, usable_b), col),
                    F.kind_total(t, usable_a, col, c, name_a), F.kind_total(t, usable_b, col, c, name_b)]
        except F.FigureError:
            return None
        return TableAnswer(t, usable_a + usable_b, [col, c], "kinds_difference", figs, subjects=[name_a, name_b])

    def _category_filter(self, q: Query, t: Table) -> tuple[list[tuple[int, str]], list[Row]] | None:
        """The values of a table's columns of categories that the question names ('carers services', 'the ICB'),
        each with its column, and the body rows that hold every one of them ('carers services commissioned by
        the council'). A value two columns hold ('Local authority' as commissioner and as provider) is the
        column whose header the question uses; nothing when it uses neither's or both's."""
        named = self._kinds_named(q, t)
        if not named:
            return None
        body = [r for r in t.rows if r.role == "body"]
        filters = []
        for v, cs in named.items():
            if len(cs) > 1:
                cs = [c for c in cs if header_said(t.columns[c], q.text)]
            if len(cs) != 1:
                return None
            filters.append((cs[0], v))
        if not filters or len({c for c, _ in filters}) < len(filters):
            return None  # (two values of one column: which the question means is not a filter of every one)
        hits = [r for r in body if all(category_value(r.cells[c].text) == v for c, v in filters)]
        return (filters, hits) if hits else None

    def _figure_col(self, q: Query, t: Table, cols: list[tuple[int, float]], rows: Sequence[Row],
                    skip: set[int]) -> int | None:
        """The column of figures a question about some rows of a table of records reads: the one its words
        name, else the one the kind of value it wants is in, else the latest period's."""
        numeric = set(_numeric_cols(t)) - skip
        picks = [c for c in self._ranked_cols(q, t, [(c, sc) for c, sc in cols if c in numeric], rows[0] if rows else None)
                 if sum(r.cells[c].kind in NUMERIC and r.cells[c].value is not None for r in rows) >= 1]
        if not q.periods and len(picks) > 1 and all(column_period(t.columns[c]) for c in picks):
            picks = chronological(t, picks)[-1:]  # no period asked: the latest
        return picks[0] if picks else None

    def _by_category(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'How much is spent on carers services?', 'What share of the budget is commissioned by the ICB?', 'the
        average cost of the schemes the iBCF funds': a column of figures added up (averaged, or as a share of
        its total) over the rows of a table of records whose cell in a column of categories (Scheme type,
        Commissioner, Source of funding) is the value the question names. The rows' own names do not say it,
        and a lookup of the best-named row would read one of them."""
        if {"change", "percent_change", "ratio", "max", "min"} & set(q.intents):
            return None
        got = self._category_filter(q, t)
        if got is None:
            return None
        filters, hits = got
        body = [r for r in t.rows if r.role == "body"]
        if any(r.label.strip() and _said_whole(r.label, q.text) for r in body if r not in hits):
            return None  # a row the question names by its own name is what it asks about
        # of the rows of that kind, those whose own name the question says too ('the South team's reablement
        # workers' of rows 'North' and 'South')
        named = [r for r in hits if r.label.strip() and re.search(rf"(?i)\b{re.escape(r.label.strip())}\b", q.text)]
        hits = named or hits
        skip = {c for c, _ in filters}
        where = " and ".join(f"{F.column_name(t, c)} is {next(r.cells[c].text.strip() for r in hits)!r}"
                             for c, _ in filters)
        asked = set(content_terms(q.text))
        if _COUNT_ASKED.search(q.text) and not any(header_said(t.columns[c], q.text) or asked & set(
                content_terms(t.columns[c])) for c in set(_numeric_cols(t)) - skip):
            # 'how many risks does the Director of Finance own?': the rows of that kind counted (how many of a
            # figure a column holds, 'how many vacancies in nursing', is that column added up)
            fig = F.count(t, hits, filters[0][0], f"{_ROWS_WHERE} {where}", len(body))
            return TableAnswer(t, hits, [c for c, _ in filters], "count", [fig], note=f"out of {len(body)} rows",
                               subjects=[next(r.cells[c].text.strip() for r in hits) for c, _ in filters])
        col = self._figure_col(q, t, cols, hits, skip)
        if col is None:
            return None
        usable = [r for r in hits if r.cells[col].kind in NUMERIC and r.cells[col].value is not None]
        try:
            if "share" in q.intents:
                # (of amounts, where the table has them beside a column of shares: the shares are what is worked out)
                amounts = [c for c in set(_numeric_cols(t)) - skip if all(
                    r.cells[c].kind in ("money", "number") and r.cells[c].value is not None for r in hits)]
                if all(r.cells[col].kind == "percent" for r in usable) and amounts:
                    col = self._figure_col(q, t, [(c, s) for c, s in cols if c in amounts], hits, skip) or col
                    usable = [r for r in hits if r.cells[col].kind in NUMERIC and r.cells[col].value is not None]
                part = F.total(t, usable, col)
                totals = [r for r in t.rows if r.role == "total" and r.cells[col].kind in NUMERIC
                          and r.cells[col].value is not None]
                whole = F.lookup(t, totals[-1], col) if totals else F.total(
                    t, [r for r in body if r.cells[col].kind in NUMERIC and r.cells[col].value is not None], col)
                fig = F.share_of_figures(part, whole, f"the rows where {where} as a share of the total "
                                                      f"{F.column_name(t, col)}")
                op = "category_share"
            elif "average" in q.intents:
                fig, op = F.average(t, usable, col), "category_average"
            else:
                c0, _ = filters[0]
                fig, op = (F.kind_total(t, usable, col, c0, usable[0].cells[c0].text.strip()) if len(filters) == 1
                           else F.total(t, usable, col)), "category_sum"
        except F.FigureError:
            return None
        return TableAnswer(t, usable, [col, *sorted(skip)], op, [fig], note=where,
                           subjects=[next(r.cells[c].text.strip() for r in hits) for c, _ in filters])

    def _per_group(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'What is the total spend for each source of funding?', 'How is the expenditure split between
        commissioners?', 'How many schemes does each provider run?': a column of figures added up (or the rows
        counted) for each value of the column of categories the question names after 'each', 'per', 'by',
        'between' (`_category_named`), over the rows of any kind it also names ('each provider's iBCF spend')."""
        cat = next((c for m in _EACH_GROUP.finditer(q.text) if (c := _category_named(t, m.group("x"))) is not None), None)
        if cat is None or {"change", "percent_change", "ratio", "max", "min", "share"} & set(q.intents):
            return None
        got = self._category_filter(q, t)
        filters, rows = got if got is not None else ([], [r for r in t.rows if r.role == "body"])
        if cat in {c for c, _ in filters}:
            return None
        counting = bool(_COUNT_ASKED.search(q.text))
        col = None if counting else self._figure_col(q, t, cols, rows, {cat, *(c for c, _ in filters)})
        groups = kinds_of(t, rows, cat, col)
        if len(groups) < 2 or (col is None and not counting):
            return None
        where = " and ".join(f"{F.column_name(t, c)} is {next(r.cells[c].text.strip() for r in rows)!r}"
                             for c, _ in filters)
        try:
            figs = [F.count(t, rs, cat, f"{_ROWS_WHERE} {F.column_name(t, cat)} is {name!r}"
                            + (f" and {where}" if where else "")) if col is None else F.kind_total(t, rs, col, cat, name)
                    for name, rs in groups.items()]
        except F.FigureError:
            return None
        # (the note holds each kind's name, then the condition: names may hold any other separator, 'Charity / voluntary')
        return TableAnswer(t, [rs[0] for rs in groups.values()], [cat if col is None else col, cat],
                           "group_totals", figs, note="\n".join([*groups, where]))

    def _extreme_group(self, q: Query, t: Table, cols: list[tuple[int, float]]) -> TableAnswer | None:
        """'Which provider receives the most funding?', 'Which source of funding pays for least?': of the column of
        categories the question asks which of (`_category_named`), the value whose rows add up to the most (or
        least)."""
        asked = re.match(r"(?i)\s*(?:which|what)\s+((?:[\w/&-]+\s+){0,3}[\w/&-]+)", q.text)
        cat = _category_named(t, asked.group(1)) if asked else None
        if cat is None:
            return None
        body = [r for r in t.rows if r.role == "body"]
        col = self._figure_col(q, t, cols, body, {cat})
        if col is None:
            return None
        groups = kinds_of(t, body, cat, col)
        largest = "max" in q.intents and (q.intents.index("max") < q.intents.index("min") if "min" in q.intents else True)
        try:
            name, fig = F.extreme_group(t, list(groups.items()), col, largest)
        except F.FigureError:
            return None
        return TableAnswer(t, groups[name], [col, cat], "max_group" if largest else "min_group", [fig], note=name)

    def _average(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], cols: list[tuple[int, float]],
                 qset: set[str]) -> TableAnswer | None:
        over = self._average_over_periods(q, t, row_scores)
        if over is not None:
            return over
        rows = self._selected_rows(q, t, row_scores, qset)
        picks = self._pick_cols(q, t, cols)
        if not picks or len(rows) < 2:
            return None
        try:
            fig = F.average(t, [r for r in rows if r.cells[picks[0]].kind in NUMERIC], picks[0])
        except F.FigureError:
            return None
        return TableAnswer(t, rows, [picks[0]], "average", [fig])

    def _over_periods(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], named_only: bool = False
                      ) -> tuple[Row, list[int]] | None:
        """The row the question names and the period columns asked about ('in 2018 and 2019', 'over
        2017-2019'; all of them when none is named, unless `named_only`): what a measure is averaged or
        added up over, in time order."""
        s, row = row_scores[0]
        if s <= 0:
            return None
        timed = _period_cols(t, row)
        if len(timed) < 2:
            return None
        # the years the question asks, not those of the row's name it quotes ('Fiscal 2017 Restructuring Plan')
        asked = _without_name(q.text, row)
        # a financial year ('2018-19', '2018/19') is the year it ends in, as its column's period is
        asked = _FINANCIAL_YEAR.sub(lambda m: str(int(m.group(1)) + 1), asked)
        years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", asked)}
        named = set(re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", row.label)) - {str(y) for y in years}
        years |= {int(p) for p in q.periods if re.fullmatch(r"(?:19|20)\d{2}", p) and p not in named}  # 'FY19' too
        years |= {int(p[:4]) + 1 for p in q.periods if re.fullmatch(r"(?:19|20)\d{2}-\d{2}", p)}
        # a span of years ('2017-2019', '2017 to 2019', 'between 2017 and 2019') is every year in it
        for m in _YEAR_SPAN.finditer(asked):
            a, b = m.group(1) or m.group(3), m.group(2) or m.group(4)
            years |= set(range(int(a), int(b) + 1))
        within = _yearless_asked(asked, t, timed)
        if within is not None:  # months or quarters of the table's one year ('from April to June', 'in Q1 and Q2')
            return (row, within) if len(within) >= 2 else None
        if named_only and len(years) < 2:
            return None
        picked = self._one_per_period(q, t, timed, years)
        if len(picked) < 2 or named_only and len(picked) < len(years):
            return None
        return row, chronological(t, picked)

    def _sum_within_period(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'The total planned spend on X in 2027/28' of a table that splits each period into parts ('2027/28
        plan / Council', '2027/28 plan / ICB'): the named row's parts of the one period asked, added up, where
        no column under that period is their total already."""
        s, row = row_scores[0]
        if s <= 0 or len(q.periods) != 1:
            return None
        under = [c for c in range(t.label_cols, min(len(t.columns), len(row.cells)))
                 if " / " in t.columns[c] and _names_periods(_header_periods(t.columns[c]), set(q.periods))]
        if len(under) < 2 or any(_total_header(t.columns[c].rsplit(" / ", 1)[-1]) or _is_change_col(t.columns[c])
                                 for c in under):
            return None
        if len({column_period(t.columns[c]) for c in under}) != 1 or len({row.cells[c].kind for c in under}) != 1 \
                or row.cells[under[0]].kind not in ("money", "number"):
            return None
        try:
            fig = F.total_across(t, row, under)
        except F.FigureError:
            return None
        return TableAnswer(t, [row], under, "sum", [fig])

    def _average_over_periods(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'The average X in 2018 and 2019', 'over 2017-2019', 'for the 3 years': one row averaged over time."""
        return self._across_periods(q, t, row_scores, "average")

    def _over_period_rows(self, q: Query, t: Table, cols: list[tuple[int, float]], op: str) -> TableAnswer | None:
        """A table whose rows are months or quarters ('Jul 2026', 'Aug 2026', ...): the rows of the span the question
        names ('between July and October'), added up (op 'sum') or averaged ('average') in the one column of
        counts or amounts it names."""
        body = [r for r in t.rows if r.role == "body"]
        named = _labels_named(q.text, [r.label for r in body]) if len(body) >= 2 else None
        if named is None or len(named) < 2:
            return None
        span = [body[i] for i in named]
        top = max((sc for _, sc in cols), default=0.0)
        picks = [c for c, sc in cols if sc > 0.5 and sc >= top - 1e-9 and all(
            r.cells[c].kind in ("number", "money") and r.cells[c].value is not None for r in span)]
        if len(picks) != 1:
            return None
        try:
            fig = F.average(t, span, picks[0]) if op == "average" else F.total(t, span, picks[0])
        except F.FigureError:
            return None
        return TableAnswer(t, span, picks, op, [fig], operands_named=True)

    def _sum_over_periods(self, q: Query, t: Table, row_scores: list[tuple[float, Row]]) -> TableAnswer | None:
        """'The total X in 2018 and 2019', 'X between 2017 and 2019 in total': one row added up over the
        years the question names (each one a column of the table)."""
        return self._across_periods(q, t, row_scores, "sum", named_only=True)

    def _across_periods(self, q: Query, t: Table, row_scores: list[tuple[float, Row]], op: str,
                        named_only: bool = False) -> TableAnswer | None:
        over = self._over_periods(q, t, row_scores, named_only)
        if over is None:
            return None
        row, cols = over
        try:
            fig = (F.average_across if op == "average" else F.total_across)(t, row, cols)
        except F.FigureError:
            return None
        return TableAnswer(t, [row], cols, op, [fig])


# the words that say which kind of figure is wanted, planned or expected rather than actual, that the question's
# terms leave out (query.QUESTION_WORDS: 'the plan' is most often the document): they name a column whose
# header says them ('Plan 2026/27', 'Planned spend', 'Expected')
_FIGURE_KIND = re.compile(r"(?i)\b(plan|plans|planned|expected|expect|projected)\b")


# The columns of a budget-monitoring table (Budget, Actual to date, Variance, Forecast outturn), as a question
# names them in other words: 'overspent' or 'under budget' is the variance, 'so far this year' or 'year to date'
# what is to date, 'by the year end' the forecast. (header, question) pairs, each a word the header does not share
_BUDGET_WORDS = [(re.compile(h, re.I), re.compile(a, re.I)) for h, a in (
    (r"\bvariance|\bover\s*/\s*\(?under", r"\b(?:over|under)[\s-]?(?:spen[dt]|spending|budget)|\b(?:above|below|within) budget\b"),
    (r"\bto date\b|\bytd\b", r"\bso far(?: this (?:financial )?year)?\b|\bto date\b|\bytd\b|\byear[\s-]to[\s-]date\b"),
    (r"\bforecast|\boutturn\b|\bprojected\b", r"\bwill\b|\bexpected to\b|\byear[\s-]end\b|\bend of the (?:financial )?year\b|\bforecast|\boutturn\b"),
    (r"\bactual\b|\bspend\b|\bexpenditure\b", r"\b(?:been|was|were|is|are|actually) spent\b"),
)]


# a column of what is expected by the end of a period ('Forecast delivery', 'Projected outturn') is not what a
# question asks that does not look ahead in any words: 'what has the scheme delivered' is what was delivered
_FORECAST_HEADER = re.compile(r"(?i)\b(forecast|projected|projection)")
_FORECAST_ASKED = re.compile(r"(?i)\b(forecast|project|expect|will|going to|outturn|year[\s-]end|end of the (?:financial )?year|"
                             r"likely|anticipat|predict|estimat)")
# (no question of the development half, the seeds or the plans' sets reaches it, so it cannot be fitted there: half
# the bonus of a word the question says, enough to part two columns that share the question's word, 'Delivered
# to date' and 'Forecast delivery'; tests/test_budget_monitoring.py)
FORECAST_UNASKED = 0.5


def _budget_words(header: str, text: str) -> list[str]:
    """The words of a question that name a column of a budget-monitoring table (`_BUDGET_WORDS`)."""
    return [m.group(0) for head, asked in _BUDGET_WORDS if head.search(header) and (m := asked.search(text))]


def _figure_kinds(text: str) -> set[str]:
    return {stem(m.group(1).lower()) for m in _FIGURE_KIND.finditer(text)}


# what a which/what-question asks the measure of rather than which things: 'what percentage of spend ...'
_MEASURE_ASKED = re.compile(r"(?i)(?:percentage|share|proportion|fraction|number|amount|total|level|value|rate)s?\b")


def _which_things(text: str) -> list[str]:
    """What a which-question asks for, in the plural and as the words before its verb (`_WHICH_THINGS`,
    `_WHICH_THING`), or a how-many question counts (`_COUNTED`); none when it asks for periods ('which years')."""
    return [m.group(1) for p in (_WHICH_THINGS, _WHICH_THING, _COUNTED) if (m := p.search(text))
            and not _PERIOD_NOUN.search(m.group(1))]


def _periods_of_kind_asked(question: str, names: Sequence[str]) -> bool:
    """Can periods with these names ('2025/26', 'Q1', 'January 2027') answer a question that asks for a month or a
    quarter ('in which month ...')? Only if some name a month (or a quarter); a year answers no such question."""
    m = _ASKS_WHICH_PERIOD.search(question)
    if m is None or m.group(2).lower().startswith(("year", "period")):
        return True
    if m.group(2).lower().startswith("month"):
        return any(periods_in(n)[1] for n in names)
    return any(re.search(r"(?i)\bQ[1-4]\b|\bquarter", n) for n in names)


def _yearless_rows(t: Table, q: Query) -> list[Row]:
    """The two rows of a table of months or quarters down the side ('October', 'Jan 2027', 'Q1 2026/27') that a
    question names by month or quarter alone, in the order it names them ('from October to January': October's,
    then January's); none unless each names exactly one row."""
    asked = [*q.months, *(p for p in q.periods if re.fullmatch(r"Q[1-4]", p))]
    if len(asked) != 2 or asked[0] == asked[1]:
        return []

    def keys(label: str) -> list[str]:
        periods, months = periods_in(label)
        return months or [p.split()[-1] for p in periods if re.search(r"\bQ[1-4]$", p)]
    named = [[r for r in t.rows if r.role == "body" and keys(r.label) == [k]] for k in asked]
    return [found[0] for found in named] if all(len(found) == 1 for found in named) else []


def _periods_asked_are_rows(text: str, t: Table, body: list[Row]) -> bool:
    """Does a which- or how-many question ask for periods ('in which months', 'how many years') of a table whose
    rows are periods (most of its row labels name one: a table of months down the side)?"""
    m = next((m for p in (_WHICH_THINGS, _WHICH_THING, _COUNTED) if (m := p.search(text))), None)
    if m is None or not _PERIOD_NOUN.fullmatch(m.group(1).strip()):
        return False
    return len(body) >= 2 and sum(period_of(r.label) is not None for r in body) > len(body) / 2


def _yearless_asked(asked: str, t: Table, timed: list[int]) -> list[int] | None:
    """The columns of months or quarters without a year that a question names, in the order they stand: every
    column from the first named to the last for a span ('from April to June', 'Q1 to Q3', 'between May and
    August'), else those named ('in Q1 and Q3'). None when the question names none of them."""
    named = _labels_named(asked, [t.columns[c] for c in timed])
    return None if named is None else [timed[i] for i in named]


def _labels_named(asked: str, labels: Sequence[str]) -> list[int] | None:
    """Which of these labels of months or quarters without a year (column headers, or the labels of rows that are
    periods) a question names, as positions in the order they stand (see `_yearless_asked`). Months that each come
    once with a year ('Jun 2026' ... 'Oct 2026') are named by the month alone, where the question says no year."""
    keys = {i: period_of(x) for i, x in enumerate(labels)}
    yearless = [i for i in keys if (keys[i] or (1, 0))[0] == 0]
    dated = {i: k for i, x in enumerate(labels) if (k := _month_key(x))}
    if not yearless and len(dated) == len(labels) and len({m for _, m in dated.values()}) == len(dated) and \
            not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", asked):
        keys = {i: (0, m) for i, (_, m) in dated.items()}
        yearless = sorted(dated, key=lambda i: dated[i])
    if not yearless:
        return None
    periods, months = periods_in(asked)
    if _MAY_MONTH.search(asked):  # 'from May to July': the month, not the verb
        months = [*months, "May"]
    said = {(0, MONTHS[m.lower()]) for m in months} | {(0, 12 + int(p[-1])) for p in periods if re.fullmatch(r"Q[1-4]", p)}
    named = [i for i in yearless if keys[i] in said]
    if not named:
        return None
    if len(named) == 2 and _PERIOD_SPAN.search(asked):
        return yearless[yearless.index(named[0]):yearless.index(named[1]) + 1]
    return named


_MAY_MONTH = re.compile(rf"(?i)\b(?:from|in|between|since|until|to|through|during|of)\s+May\b|\bMay\s+(?:to|and|through|-|–)\s+"
                        rf"(?:{MONTH_WORDS})\b|\b(?:{MONTH_WORDS}),?\s+(?:and|to)\s+May\b")
_MOVES = re.compile(rf"(?i)\b{MOVE_WORDS}\b")
# the name a question gives a bound it sets: 'the 75% ambition', 'the 18-week standard', 'a £1m threshold'
_BOUND_NAME = re.compile(r"(?i)(?<=\d)%?\s*(?:ambition|target|standard|threshold|benchmark|trajectory|level|mark|limit)s?\b")
# a span of periods a question asks over: 'from April to September', 'between Q1 and Q3', 'from 2022 until 2025'
_SPAN_OF_PERIODS = re.compile(r"(?i)\bfrom\s+(?:the\s+)?\w+(?:[\s/-]\w+)?\s+(?:to|until|through|till)\s+\w|"
                              r"\bbetween\s+(?:the\s+)?\w+(?:[\s/-]\w+)?\s+and\s+\w")
# two periods joined as a span: 'April to June', 'Q1-Q3', 'between May and August', 'from Q1 through Q3'
_PERIOD_SPAN = re.compile(r"(?i)\b(?:to|through|until|till)\b|\w\s?[-–]\s?\w|\bbetween\b")

_FINANCIAL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?[/\-–]\s?(\d{2})(?![\d/\-–])")
# a span of years: '2017-2019', '2017 to 2019', 'between 2017 and 2019' (read so for an average or a sum over
# periods; a change 'between 2017 and 2019' is between the span's two ends)
_YEAR_SPAN = re.compile(r"(?i)(?<!\d)((?:19|20)\d{2})\s?(?:-|–|to|through)\s?((?:19|20)\d{2})(?!\d)|"
                        r"\bbetween (?:(?:fiscal )?years? |fiscal |FY ?)?((?:19|20)\d{2}) and (?:fiscal |FY ?)?"
                        r"((?:19|20)\d{2})(?!\d)")
# where a row's phrase ends: a comma only before a period or the end ('..., in 2019?'), not inside a label
# ('Property and equipment, net')
_END = r"(?:\?|$|,(?=\s*(?:in|for|as|at|during|respectively|between|from)\b|\s*\??$)| in (?:fiscal |the year |FY)?\d| for | as at | at )"
# a question that asks for a number of things, however it is put
_COUNT_ASKED = re.compile(r"(?i)^\s*count\b|\bhow many\b")
# a row's figure measured against another column of it: 'over budget', 'below target', 'exceeded the plan', 'overspent'
_AGAINST = re.compile(r"(?i)\b(?:(?:(?P<above>over|above|exceed(?:ed|ing|s)?|beyond|ahead of|more than|higher than|greater than)|"
                      r"(?P<within>within)|under|below|behind|short of|less than|lower than)\s+"
                      r"(?:the\s+|their\s+|its\s+)?(?:(?:annual|agreed|approved|original|revised|planned|national|local|"
                      r"overall|full[- ]year|"
                      r"year[- ]end)\s+)?(?P<ref>budget|plan|target|trajectory|ambition|allocation|average|benchmark|"
                      r"median)s?\b|"
                      r"(?P<spend>overspen[dt]|underspen[dt])(?:ing)?\b)")
# an amount per one of something: 'the cost per bed', 'spend per place', 'the price per hour'
_PER_UNIT = re.compile(r"(?i)\b(?:cost|costs|spend|spending|price|funding|amount|fee)\s+(?:of\s+\w+\s+)?per\s+(?P<unit>[a-z]+)\b")
# a which-question whose noun names a column of words: 'Which locality is ...', 'What type of home is ...'
_WHICH_KIND = re.compile(r"(?i)^\s*(?:which|what)\s+(?P<kind>[a-z]+(?:\s+of\s+[a-z]+)?)\s+(?:is|are|was|were|does|do)\b")


def _value_forms(value: str) -> str:
    """A pattern for a value of several words in the forms a question may give its first word, a verb ('require
    improvement' of 'Requires improvement', 'needs review' of 'Need review'); a value of one word as written."""
    words = value.split()
    if len(words) < 2 or not words[0].isalpha():
        return re.escape(value)
    first = stem(words[0])
    return rf"{re.escape(first)}[a-z]{{0,3}}\s+" + r"\s+".join(map(re.escape, words[1:]))


# a row that gathers what the others leave: 'Other', 'Other causes', 'All other services', 'Unknown', 'Not stated'
_RESIDUAL = re.compile(r"(?i)^\s*(?:other|others|all other|any other|remaining|rest of|miscellaneous|unknown|not known|"
                       r"not stated|not recorded|unclassified)\b")


def _comparators(t: Table) -> list[Row]:
    """The rows under a table's members that compare them with wholes ('Brenton', 'England' under the wards): the
    last body rows, each empty in a column that every body row above them fills ('Deprivation decile')."""
    body = [r for r in t.rows if r.role == "body"]

    def empty(x: Row, c: int) -> bool:
        return c >= len(x.cells) or x.cells[c].kind == "empty"

    for k in range(2, len(body)):  # (the longest such run of last rows)
        if any(all(empty(r, c) for r in body[k:]) and not any(empty(x, c) for x in body[:k])
               for c in range(t.label_cols, len(t.columns))):
            return body[k:]
    return []


# a bound that is another row's figure: 'below the England average', 'higher than Brenton', 'above the national rate'
_AGAINST_ROW = re.compile(r"(?i)\b(?:(?P<above>above|over|higher than|greater than|more than|better than)|below|under|"
                          r"lower than|less than|worse than)\s+(?:that of\s+|those of\s+)?(?:the\s+)?(?P<ref>[A-Z][\w'’-]*"
                          r"(?:\s+[A-Z][\w'’-]*)*)(?:\s+(?:average|rate|figure|level|value|mean|overall))?\b")


def _against_cols(t: Table, m: re.Match[str], question: str = "") -> tuple[int, int] | None:
    """The column a row's figure is measured against (the one the question names: Budget, Plan, Target; a spend
    is measured against a budget, plan or allocation) and the column of what happened (Actual, Outturn, Quarter 3;
    or the one other column of figures; of several, the one whose header the question says: 'forecast to
    underspend', 'above target in December'): None unless each is one column."""
    ref_words = (m.group("ref") or "budget plan allocation").lower().split()
    numeric = [c for c in _numeric_cols(t) if c < len(t.columns) and not _is_change_col(t.columns[c])]
    numeric = _of_period_asked(t, numeric, question)
    refs = [c for c in numeric if re.search(rf"(?i)\b(?:{'|'.join(ref_words)})", t.columns[c])]
    if len(refs) > 1:  # ('Annual budget' and 'YTD budget': the one the question's words name, 'the annual budget')
        overlap = {c: len(_words_said(t.columns[c].split(" / ")[-1]) & _words_said(m.group(0))) for c in refs}
        refs = [c for c in refs if overlap[c] == max(overlap.values())]
    if len(refs) != 1:
        return None
    # (what happened is not another budget: 'YTD actual', not 'YTD budget', against the 'Annual budget')
    others = [c for c in numeric if c != refs[0] and not _BUDGET_HEADER.search(t.columns[c])] or \
        [c for c in numeric if c != refs[0]]
    actual = [c for c in others if _ACTUAL_HEADER.search(t.columns[c]) or period_of(t.columns[c])] or others
    if len(actual) > 1 and question:
        # ('what share of its target has X delivered?': what was delivered, not what is forecast to be; 'what share
        # will X deliver?': what is forecast)
        ahead = bool(_FORECAST_ASKED.search(question))
        actual = [c for c in actual if bool(_FORECAST_HEADER.search(t.columns[c])) == ahead] or actual
    if len(actual) > 1 and question:
        said = _words_said(question)
        named = [c for c in actual if _words_said(t.columns[c].split(" / ")[-1]) & said]
        actual = named if len(named) == 1 else actual
    if len(actual) > 1 and question and not any(periods_in(question)) and all(period_of(t.columns[c]) for c in actual) \
            and not re.search(r"(?i)\b(?:months?|quarters?|years?|periods?|weeks?)\b",
                              re.sub(r"\d+\s+\w+", "", question)):
        # (not 'in how many months was X below target?', 'which quarters ...': the periods are what is asked; a
        # duration, 'within 6 weeks', is no period asked)
        # 'how far above target are out of area bed days?' of a row of months and a Target: the latest (by year,
        # else the rightmost of months or quarters without one, as a year's columns run: April to March)
        dated = all(column_period(t.columns[c]) for c in actual)
        actual = chronological(t, actual)[-1:] if dated else actual[-1:]
    return (refs[0], actual[0]) if len(actual) == 1 else None


_VARIANCE_HEADER = re.compile(r"(?i)\bvariance|\bover\s*/\s*\(?under|\bdifference\b")
# a question about spending above or below a budget
# what falls short: where a signed gap is negative ('the biggest shortfall', 'the largest deficit')
_SHORTFALL = re.compile(r"(?i)\b(?:shortfalls?|deficits?|shortages?|short)\b")
_OVER_UNDER = re.compile(r"(?i)\b(?:(?P<over>over[\s-]?(?:spen[dt]|spending|budget)|above budget)|"
                         r"under[\s-]?(?:spen[dt]|spending|budget)|below budget)")


def _of_period_asked(t: Table, cols: list[int], question: str) -> list[int]:
    """Of columns grouped under periods ('2025/26 / Budget', '2025/26 / Actual', '2026/27 / Budget', ...), those of
    the period the question asks, else of the latest; all of them where their headers name no two periods."""
    timed = {c: column_period(t.columns[c]) for c in cols}
    if len({p for p in timed.values() if p is not None}) < 2 or any(p is None for p in timed.values()):
        return cols
    asked = _periods_named(question) if question else frozenset()
    named = [c for c in cols if _names_periods(_header_periods(t.columns[c]), set(asked))] if asked else []
    if named:
        return named
    latest = max(p for p in timed.values() if p is not None)
    return [c for c in cols if timed[c] == latest]


def budget_pairs(t: Table, v: int) -> list[tuple[int, int]]:
    """The (budget, spend) pairs of columns a variance column of a budget-monitoring table may be the difference
    of, by their headers ('Budget to date' and 'Actual to date', 'Annual budget' and 'Forecast outturn')."""
    if v >= len(t.columns) or not _VARIANCE_HEADER.search(t.columns[v]):
        return []
    numeric = [c for c in _numeric_cols(t) if c != v and c < len(t.columns) and not _is_change_col(t.columns[c])]
    refs = [c for c in numeric if _BUDGET_HEADER.search(t.columns[c])]
    return [(ref, act) for ref in refs for act in numeric if act not in refs and _ACTUAL_HEADER.search(t.columns[act])]


def variance_equation(t: Table, v: int) -> tuple[int, int, int] | None:
    """What a variance column of a budget-monitoring table is the difference of, read from the table's own
    figures: (the budget column, the column of what was spent or is forecast, the sign: 1 where the variance
    is the spend less the budget, so that an overspend is positive; -1 where it is the budget less the spend).
    None where no such pair of columns gives every row's variance (tables write it either way round)."""
    for ref, act in budget_pairs(t, v):
        values = [[r.cells[c].value for c in (v, act, ref)] for r in t.rows
                  if all(r.cells[c].kind in NUMERIC and r.cells[c].value is not None for c in (v, act, ref))]
        if len(values) < 2:
            continue
        for sign in (1, -1):  # (within the rounding of the figures as written)
            if all(abs(var - sign * (a - b)) <= Decimal("0.005") * max(abs(a), abs(b), Decimal(1))
                   for var, a, b in cast(list[list[Decimal]], values)):
                return ref, act, sign
    return None


def _variance_pairs(t: Table, question: str) -> list[tuple[int, int]]:
    """The (budget, spend) pairs of columns a table's variance columns are the differences of
    (`variance_equation`); of several, those whose spend column the question names ('forecast to underspend', 'so
    far this year' of 'Actual to date'), else every one."""
    pairs = list(dict.fromkeys(eq[:2] for v in _value_cols(t) if (eq := variance_equation(t, v)) is not None))
    said = _words_said(question)
    named = [(ref, act) for ref, act in pairs if _budget_words(t.columns[act], question)
             or _words_said(_last_header(t, act)) - _words_said("actual spend budget") & said]
    return named or pairs


def _words_said(text: str) -> set[str]:
    """The content words of a text, months by their short names ('December' and 'Dec' alike)."""
    text = re.sub(r"(?i)\bso far\b|\bytd\b", "year to date", text)  # ('spent so far': the year-to-date column)
    return {MONTH_NAMES[MONTHS[w]].lower() if w in MONTHS else w for w in re.findall(r"[a-z0-9]+", text.lower())
            if w not in STOPWORDS}


# what is left of what a row is measured against: 'how much of the budget is left', 'the remaining allocation'
_REMAINING = re.compile(r"(?i)\b(?:left|remains|unspent|still to (?:be )?spen[dt]|uncommitted)\b.*?\b(?P<ref>budget|"
                        r"allocation|plan|target)s?\b|\b(?:(?P<ref2>budget|allocation)s?\b.*?\b(?:left|remains|unspent|"
                        r"still to (?:be )?spen[dt]|uncommitted)|remaining\s+(?:\w+\s+)?(?:budget|allocation))\b|"
                        # (what of a planned figure is still to come, the column it is measured against the one its
                        # header says is planned: 'how much of the savings remain to be delivered?')
                        r"\b(?:remains?|remaining|left|still|yet)\s+to\s+(?:be\s+)?[a-z]+")
# what parts the items a cell lists ('John Lisle, Colin Thompson', 'Council / ICB', 'Health and Care')
_LISTED = re.compile(r"\s*(?:[,;/&+]|\band\b)\s*")
# a share asked of a whole and said of its part by a predicate: 'what percentage of home care complaints were upheld?'
# ('... of people in treatment for opiates completed successfully?': the predicate a verb of its own)
# (the whole runs to the last verb that can start the predicate: 'children vaccinated at X | got a letter')
_SHARE_PREDICATE = re.compile(r"(?i)\b(?:percentage|proportion|share|fraction|per ?cent|%)\s+of\s+(?:the\s+)?(?P<whole>[^?]+)"
                              r"(?<!\snot)(?<!n't)\s+(?:(?:were|was|are|is|have been|has been|had been)\s+(?P<part>[^?]+)|"
                              r"(?P<did>(?:[a-z]+ed|got|gets|get|had|has|have|took|take|takes|saw|see|sees)\b[^?]*))")
# a share of what a row is measured against: 'what percentage of the budget', 'how much of its annual allocation'
# ('what percentage of the continuing healthcare annual budget has been spent?': the row's name may come first)
_SHARE_OF_REF = re.compile(r"(?i)\b(?:percentage|proportion|share|fraction|per ?cent|%|how much)\s+of\s+(?:the\s+|its\s+|"
                           r"their\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:annual|agreed|planned|full[- ]year|year[- ]end|overall)\s+)?"
                           r"(?P<ref>budget|plan|allocation|target|trajectory)s?\b")
# a question that asks whether ('Is home care over budget?', 'Were admissions above target in December?')
_YES_NO = re.compile(r"(?i)^\s*(?:is|are|was|were|did|does|do|has|have|will)\b")


# the column of what happened, against a budget, plan or target
_BUDGET_HEADER = re.compile(r"(?i)\b(budgets?|budgeted|plan|planned|allocation)\b")
_ACTUAL_HEADER = re.compile(r"(?i)\b(actuals?|outturn|forecast|spen[dt]|achieved|delivered|performance|latest|ytd|to date|"
                            r"q[1-4]|quarter)\b")
_YES_OR_NO_CELL = re.compile(r"(?i)\s*(yes|no)\b")  # a cell that says yes or no ('Yes', 'No', 'Yes, 1 year')
# a count of those who did not do what a column counts: 'did not have', "weren't seen", 'without'
_NOT_DONE = re.compile(r"(?i)\b(?:did|do|does|have|has|had|were|was|are|is)(?:\s+not\b|n't\b)|\bwithout\b")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no)\b|n't\b")
# a cell that gives a date in words ('31 December 2027', 'September 2026', 'Q3 2026/27')
_DATED = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\b|"
                    r"\bQ[1-4]\s+(?:19|20)\d{2}\b")
# a column header that says its cells are people or bodies ('Owner', 'Lead officer', 'Responsible director')
_PERSON_HEADER = re.compile(r"(?i)\b(owners?|leads?|responsible|chair|contact|author|manager|officer|director|"
                            r"accountable|person|who)\b")
# a column of categories has a value in at least this share of the body rows (a 'Comments' column that is
# mostly empty sorts nothing)
CATEGORY_FILLED = 0.8
# values of a column of categories that any question may say in passing: a question names them as a kind of
# row only with the rows' own word after them ('new schemes')
VAGUE_VALUES = {"other", "others", "new", "existing", "yes", "no", "none", "n/a", "na", "tbc", "tbd", "various",
                "all", "total", "both", "mixed", "nil", "ongoing", "current"}
# header words that say nothing about which column of categories a question means ('Scheme type', 'Area of spend')
_GENERIC_HEADER_WORDS = {"type", "name", "area", "kind", "categ", "descri", "see", "table", "below", "for"}
_ROWS_WHERE = "rows where"  # how a count or list of the rows meeting a condition describes itself
_JOINED = re.compile(r"(?i)\b(?:and|plus)\b|&")  # ('residential and nursing beds': columns named together)
JOINED = "rows named together"  # the note of a share of several rows a question names ('good or outstanding')
_PERIOD_NOUN = re.compile(r"(?i)\b(years?|periods?|quarters?|months?|weeks?|days?)\b")
# the things a which-question asks for ('which schemes ...', 'what are the parts of ...')
_WHICH_THINGS = re.compile(r"(?i)\b(?:which|what)\s+(?:(?:are|were)\s+the\s+)?((?:[\w/&-]+\s+){0,3}?[\w/&-]+?s)\b")
# ... and named in the singular, as the words between 'which' and the verb ('which savings scheme is rated red',
# where the plural above reads 'savings'; 'which risk factor fell')
_WHICH_THING = re.compile(r"(?i)\b(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|has|have|had)\b)"
                          r"((?:[\w/&'’-]+\s+){0,3}?[\w/&-]+?)\s+(?:is|are|was|were|has|have|had|does|do|did|will|"
                          rf"would|can|could|should|receives?|received|gets?|got|costs?|{MOVE_WORDS}|went|"
                          r"(?:over|under)?spent|(?:over|under)spends?)\b")
# the things a count question counts ('how many care homes had ...': 'care homes')
_COUNTED = re.compile(r"(?i)\bhow many ((?:[\w/&-]+ ){0,3}?[\w/&-]+?s)\b")
# a question that asks how a figure changed, and one that asks it in per cent (a stated change column's kind)
_CHANGE_WORD = re.compile(r"(?i)\b(change[sd]?|variance|increase[sd]?|decrease[sd]?|growth|grew|declined?)\b")
_PERCENT_WORD = re.compile(r"(?i)%|\bper ?cent(age)?\b")
# words of a move over time (not of a comparison: 'higher than', 'above', 'the difference')
_OVER_TIME = re.compile(rf"(?i)\b(?:{MOVE_WORDS}|growth|since)\b")
# a superlative of a movement: 'grew the most', 'the largest increase', 'the smallest percentage change'
_MOVED = re.compile(r"(?i)\b(?:grew|rose|fell|dropped|declined|increased|decreased|changed|gained|lost|reduced|cut|"
                    r"lowered)\b.*\b(?:most|least)\b|"
                    r"\b(?:most|least|largest|biggest|greatest|highest|smallest|lowest)\s+(?:(?:percentage|%|absolute|"
                    r"annual|year-on-year|net)\s+)?(?:change|increase|decrease|growth|rise|fall|decline|drop|reduction|"
                    r"movement|variance|improvement|deterioration)s?\b|"
                    # a rate of growth: 'the highest growth rate', 'the greatest rate of growth', 'grew the fastest'
                    r"\b(?:most|least|largest|biggest|greatest|highest|smallest|lowest|fastest|slowest)\s+(?:(?:growth|"
                    r"change|increase)\s+rates?|rates?\s+of\s+(?:growth|change|increase|decrease|decline))\b|"
                    r"\b(?:grew|rose|fell|declined|increased|decreased)\s+(?:the\s+)?(?:fastest|slowest)\b|"
                    r"\b(?:fastest|slowest)[\s-](?:growing|rising|falling|declining)\b")
# which way the rows a which-question asks for moved: 'which sources fell', 'which schemes have grown'
_MOVED_WAY = re.compile(r"(?i)\b(?:(?P<up>rose|risen|rising|increased|increasing|grew|grown|growing|went up|gone up|go up|"
                        r"(?:to|will|set to|planned to|expected to|forecast to)\s+(?:rise|increase|grow))|"
                        r"(?:fell|fallen|falling|decreased|decreasing|declined|declining|dropped|went down|gone down|"
                        r"go down|reduced|shrank|shrunk|(?:is|are|was|were|be|been|being)\s+cut(?!-)|(?:to|will|set to|planned to|expected to|forecast to)\s+"
                        r"(?:fall|decrease|decline|drop|reduce|shrink|cut)))\b|"
                        # 'which work streams get less money in 2018-19 than in 2017-18': more or less than another period
                        r"\b(?:(?P<up2>more|higher|larger|greater|bigger)|less|lower|fewer|smaller)\b[^?]*?\bthan\s+(?:in\s+|for\s+|"
                        r"during\s+)?(?:the\s+)?(?:fy\s?|fiscal\s+)?(?:(?:19|20)\d{2}|last\s+year|the\s+year\s+before|"
                        r"previous|before)")
_SLOWEST = re.compile(r"(?i)\bslowest\b")
# every row named by its kind: 'across all staff groups', 'in every locality', 'all the services together'
_ALL_ROWS = re.compile(r"(?i)\b(?:all|every|across)\s+(?:(?:all|of|the)\s+){0,2}((?:[\w-]+\s+){0,2}[\w-]+)")
# a column of lengths of time ('Average days, referral to completion', 'Wait (weeks)', 'Time to first contact')
_DURATION_HEADER = re.compile(r"(?i)\b(?:days|weeks|months|hours|minutes|mins|time|wait|waits|waiting|duration|"
                              r"length)\b")
_FASTEST = re.compile(r"(?i)\b(?:fastest|slowest)\b")  # a superlative the question model may not read as max / min
_RATE_OF_MOVE = re.compile(r"(?i)\b(?:growth|change|increase)\s+rates?\b|\brates?\s+of\s+(?:growth|change|increase|"
                           r"decrease|decline)\b|\b(?:fastest|slowest)\b")
_WHICH_START = re.compile(r"(?i)\s*(which|what)\b")
_FALLING = re.compile(r"(?i)\b(?:fell|dropped|declined|decreased|lost|fall|decline|drop|decrease|reduction|deterioration|"
                      r"reduced|cut|lowered)\b")
# 'the ratio of A to B' ('to', 'over', 'against' before 'and': 'the ratio of data and analytics services to software')
_RATIO_OF = re.compile(rf"(?i)\bratio of (?:the )?(?P<a>.+?) (?:to|over|against) (?:the )?(?P<b>.+?){_END}|"
                       rf"\bratio (?:of|between) (?:the )?(?P<a2>.+?) and (?:the )?(?P<b2>.+?){_END}|"
                       rf"\b(?:what|how much) (?:is|was|are|were) (?:the )?(?P<a3>.+?) divided by (?:the )?(?P<b3>.+?){_END}|"
                       rf"\b(?:the )?(?P<a4>[^,?]+?) (?:is|was|are|were) how many times (?:the )?(?P<b4>.+?){_END}")
# words that speak of periods in general ('years', 'fiscal', 'annual', 'quarters'), explained by an answer over two
# or more of a table's period columns
_PERIOD_WORDS = frozenset(content_terms("year fiscal financial annual period quarter month two"))
# words that ask for an amount of money, said of any amount the table gives ('how much money goes to X', 'how much
# is allocated to X'); 'budget' is not one of them: a budget is not an outturn
_MONEY_WORDS = "money allocated allocation"
# 'cost', 'charge' or 'contribute' as the verb that asks an amount ('which lease costs the most?', 'how much does X
# cost?', 'how many homes charge less than £1,000?', 'how much does health contribute?'), not a noun of a name ('cost
# of sales', 'restructuring charges', 'pension contributions'); 'worth' in any form, a word that asks a price
# (query.PRICED)
_COST_VERB = re.compile(r"(?i)\b(?:costs?|charge[sd]?)\s+(?:the\s+|us\s+)?(?:most|least|more|less|above|below|over|under)\b|"
                        r"\b(?:does|do|did|will)\b.*\b(?:cost|charge|contribute)\b")
# what the answers over the rows of one kind of a table of records do
_CATEGORY_OPS = ("category_sum", "category_average", "category_share", "max_group", "min_group", "group_totals",
                 "kinds_difference")
# where a question names the column of categories it wants a figure for each of ('for each provider', 'split
# between commissioners', 'by source of funding', 'per scheme type')
_EACH_GROUP = re.compile(r"(?i)\b(?:each|every|per|by|between|among|across)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?P<x>(?:[\w/&'-]+\s+){0,3}?[\w/&'-]+)(?=\s*(?:\?|$|,|\.|\bin\b|\bfor\b|\bfrom\b|"
                         r"\bduring\b|\brun\b|\bdeliver|\bget\b|\breceive|\bspend|\bcost|\bhave\b|\bhas\b))")
# the words a question uses of an amount of money such answers add up ('spent on', 'goes to', 'comes from')
_SPENT_WORDS = ("spent spend spends spending goes go receives receive received gets get paid pays pay funded funds costs "
                "cost comes come came")
# and the words a question uses of how the rows of each kind share a figure, or of what they do that is counted
_EACH_WORDS = "split break breakdown divided shared spread run runs deliver delivers provide provides manage manages"
# what a ranking of rows calls its rows ('which component of X was the largest'), and, for the row that moved most,
# the movement
# (and how often a kind of row occurs, said of the largest or smallest count: 'the most common type of abuse')
_RANKED_ROWS = "item items line entries category categories rows component components part parts common frequent prevalent"
_MOVEMENT_WORDS = ("grew rose fell dropped declined increased decreased gained lost change changed increase decrease growth "
                   "rise fall decline drop rate rates fastest slowest growing reduced reduction went up down")
# words that name an operation, explained by an answer that performs it ('the ratio of A to B', 'the gap')
_OVERSPEND = "overspent overspend overspending underspent underspend underspending exceeded exceeding"
_OP_EXPLAINS = {"ratio": "ratio", "change": f"difference gap far compare compared comparison {_OVERSPEND} fallen risen grown gone",
                "share": "ratio",
                # what a count of rows calls its rows when the question has no name for them
                "count": "items line entries categories rows components rated rating marked flagged classed status",
                "meets": f"items line entries categories rows components rated rating marked flagged classed status {_OVERSPEND} "
                         f"{_MOVEMENT_WORDS}",
                "moved": f"items line entries categories rows components {_MOVEMENT_WORDS}",
                "max": _RANKED_ROWS, "min": _RANKED_ROWS,
                "max_change": f"{_RANKED_ROWS} {_MOVEMENT_WORDS}", "min_change": f"{_RANKED_ROWS} {_MOVEMENT_WORDS}"}
# 'the total of A and B', 'the sum of A and B', 'A and B combined / together / added together'
_SUM_OF = re.compile(rf"(?i)\b(?:total|sum|combined (?:value|amount|total)?) of (?:the )?(?P<a>[^?]+?) and (?:the )?"
                     rf"(?P<b>[^?]+?){_END}|^(?:what|how much) (?:is|was|were|are) (?:the )?(?P<a2>[^,?]+?) and (?:the )?"
                     rf"(?P<b2>[^,?]+?) (?:combined|together|added together|in total|altogether)\b|"
                     # 'how many appointments did nurses and pharmacists deliver together?': the two who did it
                     rf"^how (?:many|much) (?:[\w-]+ ){{0,3}}?(?:did|do|does|were|was|are|is|will|have|has) (?:the )?"
                     rf"(?P<a3>[^,?]+?) and (?:the )?(?P<b3>[^,?]+?) (?:[\w-]+ ){{0,3}}?(?:combined|together|between them|"
                     rf"altogether|in total)\b")
# 'the difference in X between A and B', 'how much more is A than B': two rows compared in one column
_DIFF_OF = re.compile(rf"(?i)\b(?:difference|gap) (?:in (?:the )?[^,?]+? )?between (?:the )?(?P<a>.+?) and (?:the )?"
                      rf"(?P<b>.+?){_END}|\bhow much (?:more|higher|larger|greater|bigger|lower|less|smaller|shorter|"
                      rf"longer) (?:is|was|are|were|does|do|did|will) "
                      rf"(?:the )?(?P<a2>.+?) than (?:the )?(?P<b2>.+?){_END}|"
                      # 'how far below England is male life expectancy in Abbey?': the yardstick named first
                      rf"\bhow (?:far|much) (?:above|below|under|over|behind|ahead of) (?:the )?(?P<b4>.+?) "
                      rf"(?:is|was|are|were) (?:the )?(?P<a4>.+?){_END}|"
                      # 'how many more deaths are there at home than in care homes?', '... people died in hospital than at home?'
                      rf"\bhow many (?:more|fewer|less) (?:[\w-]+ ){{1,3}}?(?:are|were|is|was|\w+ed)(?: there)? (?:in |at |on |for )?"
                      rf"(?:the )?(?P<a3>.+?) than (?:in |at |on |for )?(?:the )?(?P<b3>.+?)(?:\?|$)")
_SHARE_OF = re.compile(rf"(?i)(?:\bwhat (?:is|was|were|are) (?:the )?)?(?P<a>[^,?]+?) (?:expressed )?as an? "
                       rf"(?:percentage|proportion|share|fraction|%) (?:of|to|against) (?:the )?(?P<b>.+?){_END}|"
                       rf"\b(?:percentage|proportion|share|fraction)(?: (?:constitution|composition|contribution))? of "
                       rf"(?:the )?(?P<a2>.+?) (?:in(?! (?:fiscal |FY)?\d)|among|out of|over|to|within) "
                       rf"(?:the )?(?P<b2>.+?){_END}|"
                       # 'what share of B goes to A', 'what percentage of B comes from A', '... is spent on A'
                       rf"\bwhat (?:percentage|proportion|share|fraction|per ?cent|%) of (?:the )?(?P<b5>[^?]+?) "
                       rf"(?:(?:goes|go|went|is going|are going) (?:to|on)|(?:comes?|came|is coming) from|(?:is|are|was|were|will be) "
                       rf"(?:spent|allocated|paid|given) (?:on|to|for)) (?:the )?(?P<a5>.+?){_END}|"
                       # 'what percentage of B is A', 'what share of B does A account for': the whole named first
                       rf"\bwhat (?:percentage|proportion|share|fraction|per ?cent|%) of (?:the )?(?P<b3>[^?]+?) "
                       rf"(?:is|are|was|were) (?:made up by |accounted for by )?(?:the )?(?P<a3>.+?){_END}|"
                       rf"\bwhat (?:percentage|proportion|share|fraction|per ?cent|%) of (?:the )?(?P<b4>[^?]+?) "
                       rf"(?:does|do|did) (?:the )?(?P<a4>.+?) (?:account for|make up|represent|comprise){_END}")


# a share asked as a part of a whole ('what share of B goes to A', 'what percentage of B is A'), not as one amount
# against another ('A as a percentage of B' may pass 100%)
_PART_OF_WHOLE = re.compile(r"(?i)\bwhat (?:percentage|proportion|share|fraction|per ?cent|%) of\b")
# the kinds of period a header and a question may both say: a year, a quarter, a month
_PERIOD_KINDS = (re.compile(r"(?:19|20)\d{2}"), re.compile(r"Q[1-4]"), re.compile(r"[A-Z][a-z]{2}"))
_MONTH_YEAR_LABEL = re.compile(r"[A-Z][a-z]{2} (?:19|20)\d{2}")


_SHARE_HEADER = re.compile(r"(?i)%|\bper ?cent(?:age)?\b|\bproportion\b|\bshare of\b")


def _share_cols(t: Table) -> set[int]:
    """The value columns of shares ('% of revenues', 'Percentage of total'), when the table also has columns of
    amounts: a column is a share when its header says so or every figure in it is a percentage."""
    shares, amounts = set(), False
    for c in _numeric_cols(t):
        kinds = [r.cells[c].kind for r in t.rows if c < len(r.cells) and r.cells[c].kind in NUMERIC]
        if _SHARE_HEADER.search(_last_header(t, c)) or (kinds and all(k == "percent" for k in kinds)):
            shares.add(c)
        elif kinds:
            amounts = True
    return shares if amounts else set()


def _avoids_shares(q: Query) -> bool:
    """A question for an amount, or for a change of one ('the percentage change in X'), is not answered by a column
    of X's share of something."""
    return q.wants != "percent" or "percent_change" in q.intents


def _without_name(text: str, row: Row) -> str:
    """A question's text without the row's own name in it: the years and extreme words that name says ('Fiscal
    2017 Restructuring Plan', 'Less accumulated depreciation') are not asked."""
    label = row.label.strip()
    return re.sub(re.escape(label), " ", text, flags=re.I) if label else text


def category_value(text: str) -> str:
    """A category cell's value as a question says it: lower case, without the list number some tables put
    before it ('11. Intermediate care services')."""
    return re.sub(r"^\(?\d{1,3}[.)]\s+", "", " ".join(text.lower().split()))


def category_cols(t: Table) -> list[int]:
    """The value columns of a table of records that sort its rows into kinds ('Scheme type', 'Commissioner',
    'Source of funding', 'Area of spend'): words in (nearly) every body row, one value held by two rows or more."""
    body = [r for r in t.rows if r.role == "body"]
    out = []
    for c in _value_cols(t):
        values = [category_value(r.cells[c].text) for r in body
                  if c < len(r.cells) and r.cells[c].kind == "text" and r.cells[c].text.strip()]
        if len(body) >= 3 and len(values) >= CATEGORY_FILLED * len(body) and len(set(values)) < len(values):
            out.append(c)
    return out


def kinds_of(t: Table, rows: Sequence[Row], cat: int, col: int | None) -> dict[str, list[Row]]:
    """The rows of each value of a column of categories, as the table writes it (with a figure in `col`, if given)."""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        if r.cells[cat].kind == "text" and r.cells[cat].text.strip() and (
                col is None or r.cells[col].kind in NUMERIC and r.cells[col].value is not None):
            groups.setdefault(r.cells[cat].text.strip(), []).append(r)
    return groups


def header_said(header: str, text: str) -> bool:
    """Does the question use a word of a column's header, in any of its forms ('commissioned by' of
    'Commissioner', 'which providers' of 'Provider')?"""
    # ('led', the one header word whose past form is shorter than the word: 'council-led' of 'Lead commissioner')
    asked = {w[:6] for w in re.findall(r"[a-z]{4,}", re.sub(r"\bled\b", "lead", text.lower()))}
    said = {w[:6] for w in re.findall(r"[a-z]{4,}", header.lower())} - _GENERIC_HEADER_WORDS
    return bool(asked & said) or bool(set(content_terms(text)) & (set(content_terms(header)) - _GENERIC_HEADER_WORDS))


def _category_named(t: Table, phrase: str) -> int | None:
    """The column of categories a phrase names ('scheme type', 'provider', 'source of funding'): the one whose
    header shares more of its words than any other's and than the rows' own header does ('which scheme type' is
    of the kinds of scheme; 'which scheme' asks for a row)."""
    words = {w[:6] for w in re.findall(r"[a-z]{3,}", phrase.lower())}

    def said(header: str) -> float:
        own = {w[:6] for w in re.findall(r"[a-z]{3,}", header.lower())}
        return len(words & (own - _GENERIC_HEADER_WORDS)) + 0.5 * len(words & own & _GENERIC_HEADER_WORDS)
    rows_own = max((said(t.columns[i]) for i in range(t.label_cols) if i < len(t.columns)), default=0.0)
    scored = sorted(((said(t.columns[c]), c) for c in category_cols(t) if c < len(t.columns)), reverse=True)
    if not scored or scored[0][0] < 1 or scored[0][0] <= rows_own or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def _said_whole(label: str, text: str) -> bool:
    """Does the text say the whole of a label of two words or more, as it is written?"""
    words = re.findall(r"[a-z0-9]+", label.lower())
    low = text.lower()
    if len(words) < 2 or not all(w in low for w in words):  # (most labels: no pattern compiled for them)
        return False
    return re.search(r"\b" + r"\W+".join(words) + r"\b", low) is not None


def _other_periods_only(q: Query, t: Table) -> bool:
    """Does the question ask for years that a table of period columns has none of, in its columns, its rows' names,
    its caption or its notes? Then its figures are for other years."""
    asked = {p for p in q.periods if re.fullmatch(r"(?:19|20)\d{2}(?:-\d{2})?", p)}
    timed = [c for c in _value_cols(t) if c < len(t.columns) and column_period(t.columns[c])]
    if not asked or not timed:
        return False
    if any(_names_periods(_header_periods(t.columns[c]), asked) for c in timed):
        return False
    said = _periods(" ".join([t.caption, *t.notes, *(r.path() for r in t.rows)]))
    years = {a[:4] for a in asked} | {str(int(a[:4]) + 1) for a in asked if len(a) > 4}
    return not (asked | years) & said and not any(
        y in t.columns[c] for c in range(len(t.columns)) for y in years)


def _column_periods(t: Table) -> set[str]:
    """Every period the table's value column headers name."""
    return {p for c in _value_cols(t) if c < len(t.columns) for p in _header_periods(t.columns[c])}


def _names_periods(header: set[str], asked: set[str]) -> bool:
    """Does a column whose header says these periods hold the periods asked? They share one, and where both
    say a year, a quarter or a month they agree on it: 'as of June 30, 2019' names the June 30, 2019
    column, not every June one, and 'Q3 and Q4 2020' the Q3 and Q4 columns, not every 2020 one."""
    if not header & asked:
        # a month of a year asked ('September 2019') is in the column of that year when the column names no
        # month (a year that ends in September)
        if any(_PERIOD_KINDS[2].fullmatch(x) or _MONTH_YEAR_LABEL.fullmatch(x) for x in header):
            return False
        asked = {x.split()[-1] if _MONTH_YEAR_LABEL.fullmatch(x) else x for x in asked}
        if not header & asked:
            return False
    for kind in _PERIOD_KINDS:
        q_said, h_said = ({x for x in ps if kind.fullmatch(x)} for ps in (asked, header))
        if q_said and h_said and not q_said & h_said:
            return False
    return True
# the answer is the periods themselves: 'in which year(s)', 'which years', 'what years'
_ASKS_WHICH_PERIOD = re.compile(r"(?i)\b(which|what)\s+(?:fiscal\s+|financial\s+|calendar\s+)?(years?|periods?|quarters?|months?)\b")
# a bound that itself meets the condition: 'at least 90%', 'no more than 5', '12 or more', '4 or above'
_AT_LEAST = re.compile(r"(?i)\b(?P<cmp>at least|at most|no (?:less|fewer|more) than|not (?:less|fewer|more) than)\s+"
                       r"(?P<neg>-)?[$£€]?\s?(?P<num>\d[\d,]*(?:\.\d+)?)")
# ('65 and over', 'aged 18 or more' are ages: `age_range`)
_OR_MORE = re.compile(r"(?i)(?<![\w.,])(?<!aged )(?<!age )(?<!ages )(?P<neg>-)?[$£€]?(?P<num>\d[\d,]*(?:\.\d+)?)\s*%?\s+"
                      r"(?P<cmp>or (?:more|above|higher|greater|less|fewer|below|lower))\b")
_CONDITION = re.compile(r"(?i)\b(?P<cmp>exceed(?:ed|s)?|more than|greater than|above|over|higher than|larger than|"
                        r"less than|below|under|lower than|fewer than|smaller than)\s+(?:the\s+)?(?P<neg>-)?[$£€]?\s?"
                        r"(?P<num>\d[\d,]*(?:\.\d+)?)"
                        r"|\b(?P<sign>negative|positive)\b"  # a sign is a bound of zero: 'in which year was X negative'
                        # none at all: 'which locality has no nursing beds?', 'how many wards had zero falls?'
                        r"|\b(?:has|have|had|with|recorded|reported|reports?)\s+(?P<none>no|zero)\b(?!\s+(?:more|less|fewer)\b)")


def _condition(text: str) -> tuple[Decimal, bool, re.Match[str], bool] | None:
    """The condition a question puts on figures ('exceed £2m', 'fewer than 300', 'a score of 12 or more', 'at
    least 90%'): its bound as written, whether figures above it meet it, where it is said, and whether the bound
    itself meets it."""
    found = [(m, False) for m in [_CONDITION.search(text)] if m] + [
        (m, True) for rx in (_AT_LEAST, _OR_MORE) for m in [rx.search(text)] if m]
    if not found:
        return None
    m, inclusive = min(found, key=lambda x: x[0].start())
    if m.groupdict().get("sign"):
        return Decimal(0), m.group("sign").lower() == "positive", m, False
    if m.groupdict().get("none"):
        return Decimal(0), False, m, True
    try:
        bound = Decimal(m.group("num").replace(",", ""))
    except ArithmeticError:
        return None
    cmp = " ".join(m.group("cmp").lower().split())
    # ('no less than 90' is 90 or above; 'no more than 5' and 'at most 5' are 5 or below)
    below = bool(re.search(r"less|below|under|lower|fewer|smaller", cmp)) != cmp.startswith(("no ", "not ")) or \
        cmp in ("at most", "no more than", "not more than")
    return (-bound if m.group("neg") else bound), not below, m, inclusive


def _meets(value: Decimal, cond: tuple[Decimal, bool, re.Match[str], bool]) -> bool:
    bound, above, _, inclusive = cond
    if inclusive and value == bound:
        return True
    return value > bound if above else value < bound


def _condition_words(cond: tuple[Decimal, bool, re.Match[str], bool]) -> str:
    """A condition in words, its bound as the question wrote it ('above 500,000', '12 or more')."""
    _, above, m, inclusive = cond
    if m.groupdict().get("sign"):
        return m.group("sign").lower()
    if m.groupdict().get("none"):
        return "zero"
    pct = "%" if m.string[m.end("num"):m.end("num") + 1] == "%" else ""
    if inclusive:
        return f"{m.group('neg') or ''}{m.group('num')}{pct} or {'more' if above else 'less'}"
    return f"{'above' if above else 'below'} {m.group('neg') or ''}{m.group('num')}{pct}"


_AGE_OPEN = re.compile(r"(?<![£\d.,])(\d{1,3})\s*(?:\+|(?:years\s+)?(?:and|or)\s+(?:over|above|older)\b)")
_AGE_OVER = re.compile(r"(?i)\bover[- ](\d{1,3})s\b|\baged? (?:over|above) (\d{1,3})\b")
_AGE_SPAN = re.compile(r"(?i)(?<![£$€\d.,])\b(?:aged?\s+)?(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\b(?!\s*(?:%|,\d))")
_AGE_WORD = re.compile(r"(?i)\b(age|aged|ages|year olds?|over|older|population|people)\b|\d\s*\+")


def age_range(text: str) -> tuple[int, int | None] | None:
    """An age range a text names: '85+', 'aged 85 and over', 'over 85s' -> (85, None); 'aged 65-74' ->
    (65, 74). None when the text names no ages (a '2015-16' or '£10-20' is not an age)."""
    if not _AGE_WORD.search(text):
        return None
    m = _AGE_OPEN.search(text)
    if m and int(m.group(1)) <= 120:
        return int(m.group(1)), None
    m = _AGE_OVER.search(text)
    if m:
        n = int(m.group(1) or m.group(2))
        return (n, None) if n <= 120 else None
    return next((ages for m in _AGE_SPAN.finditer(text) if (ages := _span_ages(m))), None)


def _span_ages(m: re.Match[str]) -> tuple[int, int] | None:
    """The ages of a span like '65-74' (None for '18-19', which reads as years, or a span past 120)."""
    a, b = int(m.group(1)), int(m.group(2))
    if a < b <= 120 and not (len(m.group(1)) == 2 and len(m.group(2)) == 2 and b == a + 1):
        return a, b
    return None


def _ages_named(text: str) -> set[tuple[int, int | None]]:
    """Every age range a text names ('65 and over' and '85-89')."""
    if not _AGE_WORD.search(text):
        return set()
    found: set[tuple[int, int | None]] = {(int(m.group(1)), None) for m in _AGE_OPEN.finditer(text)}
    found |= {(int(m.group(1) or m.group(2)), None) for m in _AGE_OVER.finditer(text)}
    found |= {ages for m in _AGE_SPAN.finditer(text) if (ages := _span_ages(m))}
    return {a for a in found if a[0] <= 120}


def age_label(ages: tuple[int, int | None]) -> str:
    return f"aged {ages[0]} and over" if ages[1] is None else f"aged {ages[0]}-{ages[1]}"


def age_group(t: Table, ages: tuple[int, int | None]) -> list[Row]:
    """The body rows whose age bands together make up exactly the range asked for (two or more); empty
    when one row already is that range, or the bands do not tile it."""
    lo, hi = ages
    banded = [(b, r) for r in t.rows if r.role == "body" for b in [age_range(r.label)] if b is not None]
    if len(banded) < 2 or any(b == ages for b, _ in banded):
        return []
    inside = sorted(((b, r) for b, r in banded if b[0] >= lo and (hi is None or (b[1] is not None and b[1] <= hi))),
                    key=lambda br: br[0][0])
    if len(inside) < 2 or inside[0][0][0] != lo or inside[-1][0][1] != hi:
        return []
    for (b1, _), (b2, _) in zip(inside, inside[1:], strict=False):
        if b1[1] is None or b2[0] != b1[1] + 1:
            return []
    return [r for _, r in inside]


def _in_range(term: str, ages: tuple[int, int | None]) -> bool:
    return term.isdigit() and int(term) == ages[0] or (ages[1] is not None and term == str(ages[1]))


def _prefer_overall_totals(answers: list[TableAnswer], near: float = 0.6) -> None:
    """Asked for 'the total X', several tables of one document may answer from their totals rows equally
    well (a plan's overall funding table and its breakdowns by scheme). The overall one holds the others,
    so among near-equal totals-row answers of a document the largest total is preferred."""
    by_doc: dict[str, list[TableAnswer]] = {}
    for a in answers:
        if a.rows and a.rows[0].role == "total" and a.figures and a.figures[0].cells:
            by_doc.setdefault(a.table.doc, []).append(a)
    for group in by_doc.values():
        top = max(a.score for a in group)
        close = [a for a in group if a.score >= top - near]
        if len(close) > 1:
            biggest = max(close, key=lambda a: max(abs(c.value or Decimal(0)) for c in a.figures[0].cells))
            biggest.score = top + 0.1


# The words that say an operation, and so can also be part of a row's name.
_OP_WORDS = {"average": r"\b(average|mean)\b", "sum": r"\b(total|sum)\b", "min": r"\b(minimum|lowest|least)\b",
             "max": r"\b(maximum|highest|most)\b",
             # 'the organic growth rate in 2019' of a row 'Organic growth rate', 'the change in fair value of
             # warrants for 2019' of a row 'Change in fair value of warrants': the row's figure
             "change": r"\b(change|growth|increase|decrease)\b", "percent_change": r"\b(change|growth|increase|decrease)\b"}
# the words a question asks an operation by, a name's words among them ('In which year was the Minimum
# Contribution lower?' asks for the minimum by 'lower', whatever the name says)
_OP_ASKED = {**_OP_WORDS, "min": r"\b(minimum|lowest|least|smallest|fewest|cheapest|shortest|lower|smaller|less|fewer|"
                                 r"shorter)\b",
             "max": r"\b(maximum|highest|most|largest|biggest|greatest|furthest|farthest|dearest|longest|higher|larger|"
                    r"greater|bigger|longer)\b",
             "change": r"\b(change|growth|increase|decrease|difference|differ|gap|grew|rose|fell|increased|decreased)\b"}
_OP_ASKED["percent_change"] = _OP_ASKED["change"]
# a question that says it asks for the largest or smallest (or the larger or smaller) of something
_WHICH_ROW = re.compile(r"(?i)\s*(?:which|where|who)\b")
# the operation words a column's name may hold ('Average wait (weeks)', 'Total cost'), said anywhere in the question
# ('the shortest wait on average'; `op_word_names` wants them beside the same neighbour, as a row's name does)
_OP_IN_NAME = re.compile(r"(?i)\b(?:average|mean|median|total)\b")
_EXTREME_ASKED = re.compile(f"(?i){_OP_ASKED['max']}|{_OP_ASKED['min']}")


def _named_in_row(intent: str, question: str, row: Row) -> bool:
    """Is the question's operation word part of the name of the row it is about ('What were the average
    daily delays in March?' over a row 'Average daily delays')? Then the word names the row, unless the
    question says it once more ('the average of the average daily delays')."""
    return op_word_names(intent, question, row.label)


def _named_in_column(intent: str, question: str, t: Table) -> bool:
    """Is the question's operation word part of the name of one of the table's columns ('the total fair value
    of X' over a column 'Total Fair Value')? Then it says which column, not an operation over rows."""
    return any(op_word_names(intent, question, c.split(" / ")[-1]) for c in t.columns[t.label_cols:])


def _all_rows_asked(q: Query, t: Table, m: Matcher) -> bool:
    """Does the question ask about every row by the name of their kind, the header over the labels ('across all staff
    groups' of a column 'Staff group', 'in every locality' of 'Locality')? Then a count or an amount asked is the
    total over them."""
    kinds = [h for c in range(min(t.label_cols, len(t.columns))) if (h := m.terms(t.columns[c].split(" / ")[-1]))]
    return any(kind <= m.terms(x.group(1)) for x in _ALL_ROWS.finditer(q.text) for kind in kinds)


def _said_in_column(intent: str, question: str, t: Table) -> bool:
    """Does a column's name (or the caption over the columns) say the question's operation word, as often as the
    question does, with another word the question says ('Average sick days per FTE' of 'how many sick days do
    managers take on average?')? Of a row the question names, that column's figure is asked, not the operation over
    the rows; of none, the totals row's (the average over all of them is not the mean of the rows' averages)."""
    # (a caption that is a title, 'Table 2: Average days from referral to completion', not a sentence of the text
    # above the table that happens to say 'average')
    title = [t.caption] if len(t.caption.split()) <= 12 and not t.caption.rstrip().endswith(".") else []
    return any(op_word_in_name(intent, question, c.split(" / ")[-1]) for c in [*t.columns[t.label_cols:], *title])


def op_word_names(intent: str, question: str, name: str) -> bool:
    """Does the question's word for this operation come with a neighbour that this name gives it too ('total
    assets', 'weighted average'), as often as the question says the word?"""
    pattern = _OP_WORDS.get(intent)
    if pattern is None:
        return False
    label = " ".join(re.findall(r"[a-z0-9]+", name.lower()))
    asked = " ".join(re.findall(r"[a-z0-9]+", question.lower()))
    in_label = list(re.finditer(pattern, label))
    if not in_label or len(re.findall(_OP_ASKED[intent], asked)) > len(in_label):
        return False
    # the word is part of the name only with a neighbour the question shares ('total assets', 'weighted
    # average'); a bare 'Total' row is the table's total, not a name
    for m in in_label:
        before = label[:m.start()].split()[-1:]
        after = label[m.end():].split()[:1]
        word = m.group(0)
        if (after and f"{word} {after[0]}" in asked) or (before and f"{before[0]} {word}" in asked):
            return True
    return False


def op_word_in_name(intent: str, question: str, name: str) -> bool:
    """Does a row's name say the question's word for this operation, as often as the question does, and another
    word the question says too ('Average days to respond' for 'the average time to respond')? Looser than
    `op_word_names`: what a lookup already chosen is named, not which row the word names."""
    pattern = _OP_WORDS.get(intent)
    if pattern is None or not name:
        return False
    label, asked = name.lower(), question.lower()
    said = len(re.findall(pattern, label))
    if not said or len(re.findall(_OP_ASKED[intent], asked)) > said:
        return False
    rest = set(content_terms(re.sub(pattern, " ", label)))
    return bool(rest & set(content_terms(asked)))


def _expanded(q: Query, m: Matcher) -> set[str]:
    """Question terms plus the long forms of acronyms it uses ('iBCF' -> improved better care fund)."""
    out: set[str] = set()
    for w in re.findall(r"[A-Za-z&]+", q.text):
        long = m.acronyms.get(w)
        if long:
            out |= m.terms(long)
    return out


# a column of an earlier time than the one beside it ('Previous score', 'Baseline'), or of a later one ('Current')
_EARLIER_COL = re.compile(r"(?i)\b(?:previous|prior|last|baseline|original|opening|initial|old|former)\b")
_LATER_COL = re.compile(r"(?i)\b(?:current|latest|revised|now|closing|new|present)\b")
# a column of what the figures are compared with: 'National average 2025', 'England', 'Regional median', 'Peers'
_YARDSTICK_COL = re.compile(r"(?i)\b(?:national|england|regional|region|benchmark|median|peers?|comparators?)\b")
_AIMED_COL = re.compile(r"(?i)\b(?:target|plan(?:ned)?|forecast|projected|budget|goal|ambition|trajectory)\b")


def _then_and_now(t: Table, a: int, b: int) -> tuple[int, int] | None:
    """Of two columns a question asks a change between, which is the earlier, where their headers say so
    but name no two periods: 'Previous' before 'Current'; a column naming a period ('Q1 score') before one naming
    none ('Score', the report's own time), unless it is a target's. None when the headers do not tell."""
    ha, hb = _last_header(t, a), _last_header(t, b)
    for earlier, later in ((a, b), (b, a)):
        he, hl = _last_header(t, earlier), _last_header(t, later)
        if _EARLIER_COL.search(he) and not _EARLIER_COL.search(hl) or _LATER_COL.search(hl) and not _LATER_COL.search(he):
            return earlier, later
    pa, pb = _header_periods(ha), _header_periods(hb)
    if bool(pa) != bool(pb) and not _AIMED_COL.search(ha + " " + hb):
        return (a, b) if pa else (b, a)
    return None


# a move from a period to now: 'since 2019', 'since quarter 1' (not 'between 2019 and 2022', 'from 2019 to 2022')
_SINCE = re.compile(r"(?i)\bsince\b")


def _phrased_rows(q: Query, t: Table, rows: Sequence[Row]) -> list[Row]:
    """The body rows whose names say the same phrase of the question word for word (words next to each other,
    not words of the caption or headers), where at least two rows and not all of them do ('care home posts' of 'Care
    homes with nursing' and 'Care homes without nursing', not 'Domiciliary care'); else none."""
    body = [r for r in rows if r.role == "body"]
    pairs = word_pairs(q.text) - word_pairs(" ".join([t.caption, *t.columns]))
    phrased = [r for r in body if _pairs_said(pairs, r.label)]
    if 2 <= len(phrased) < len(body) and len({frozenset(_pairs_said(pairs, r.label)) for r in phrased}) == 1:
        return phrased
    return []


def _pairs_said(pairs: set[tuple[str, str]], label: str) -> set[tuple[str, str]]:
    """Which of a question's pairs of words next to each other a row's name says next to each other, in that order."""
    return pairs & word_pairs(label)


def _unless_aimed(q: Query, t: Table, cols: list[int], least: int = 1) -> list[int]:
    """Columns of what was, not of what is aimed at ('Target (2030)', 'Plan 2027'), where the question asks no aim and
    at least `least` columns are not one: a question that names no period asks the latest figure, not the target's
    year (and a change, between what was, where two such columns are: 'since the baseline' of Baseline, Latest and
    Target; a plan beside one actual is what 'which metrics are expected to rise?' compares it with)."""
    if not _AIMED_COL.search(q.text):
        was = [c for c in cols if not _AIMED_COL.search(_last_header(t, c))]
        cols = was if len(was) >= least else cols
    # nor of a yardstick the figures are set beside ('National average 2025', 'England', 'Peer median'), unless asked
    own = [c for c in cols if not (m := _YARDSTICK_COL.search(_last_header(t, c))) or
           re.search(rf"(?i)\b{re.escape(m.group(0))}\b", q.text)]
    return own if len(own) >= least else cols


def _share_of_columns(t: Table, row: Row, part: int, whole: int, explains: str = "",
                      bounded: bool = True) -> TableAnswer | None:
    """A row's figure in one column as a share of its own figure in another ('Upheld' of '2025/26', 'Social care' of
    'Total', 'Spent' of 'Budget'), described by the two columns; with `bounded`, None unless between none and all."""
    try:
        fig = F.share(t, (row, part), (row, whole))
    except F.FigureError:
        return None
    if bounded and not 0 <= fig.value <= 100:
        return None
    fig = replace(fig, description=f"{row.path()}: {F.column_name(t, part)} as a share of {F.column_name(t, whole)}")
    return TableAnswer(t, [row], [part, whole], "share", [fig], explains=explains)


def _at_least(t: Table, a: int, b: int) -> bool:
    """Is column a's figure at least column b's in every body row that has both?"""
    both = [(r.cells[a].value, r.cells[b].value) for r in t.rows if r.role == "body" and max(a, b) < len(r.cells)
            and r.cells[a].value is not None and r.cells[b].value is not None]
    return bool(both) and all(x >= y for x, y in both)  # type: ignore[operator]


def _body_kind(t: Table, c: int) -> str | None:
    """The kind of figure most of a column's body rows hold ('money' of a fee column)."""
    kinds = Counter(r.cells[c].kind for r in t.rows if r.role == "body" and c < len(r.cells) and r.cells[c].kind != "empty")
    return kinds.most_common(1)[0][0] if kinds else None


def _measure_terms(t: Table, c: int) -> set[str]:
    """The words of a column's header apart from the time it is of: 'Upheld' of 'Upheld 2025/26', none of '2025/26',
    'rating' of 'Q2 rating' and of 'Rating'."""
    header = _last_header(t, c)
    periods = _header_periods(header)
    for p in sorted(periods, key=len, reverse=True):  # ('2025-26' as '2025/26' before its '2025')
        header = re.sub(r"(?i)\b" + re.escape(p).replace("\\-", "\\s*[-/–]\\s*") + r"\b", " ", header)
    header = _EARLIER_COL.sub(" ", _LATER_COL.sub(" ", header))
    return set(content_terms(header)) - periods


def _one_measure(t: Table, a: int, b: int) -> bool:
    """Do two columns' headers name one measure, apart from the time each is of ('Q2 rating' / 'Rating', 'Previous
    month' / 'Current month')?"""
    return _measure_terms(t, a) == _measure_terms(t, b) and _last_header(t, a).lower() != _last_header(t, b).lower()


def _plainest(q: Query, t: Table, cols: list[int]) -> list[int]:
    """Of columns the question names none of, those whose headers add fewest words it does not say to their period:
    'how many complaints about reablement?' is of '2025/26', not of 'Upheld 2025/26' beside it, a measure of its own
    (columns that all say the same words, 'Year ended 2019' and 'Year ended 2018', are all kept)."""
    said = set(content_terms(q.text))
    extra = {c: len(_measure_terms(t, c) - said) for c in cols}
    least = min(extra.values(), default=0)
    plain = [c for c in cols if extra[c] == least]
    return plain if any(column_period(t.columns[c]) for c in plain) else cols


def _latest_unless_asked(q: Query, t: Table, picks: list[int]) -> int:
    """The one column a figure of one period is worked out in: of several periods' columns where the question asks
    none ('what share of spending went on short breaks?' of 2024/25 and 2025/26), the latest; else the first pick."""
    if not q.periods and not q.months and len(picks) > 1 and all(column_period(t.columns[c]) for c in picks):
        return chronological(t, picks)[-1]
    return picks[0]


def _order_compare(q: Query, t: Table, a: int, b: int) -> tuple[int, int]:
    """For 'did A exceed B' compare B -> A (the change from B to A); otherwise left to right."""
    text = q.text.lower()
    ha, hb = (t.columns[a] or "").lower(), (t.columns[b] or "").lower()
    ia = text.find(ha.split()[0]) if ha else -1
    ib = text.find(hb.split()[0]) if hb else -1
    # the column named next after the words of a comparison is its yardstick, what the other is measured from: 'did
    # actual exceed target', 'how far above England is Oakvale', 'how does X compare with England'
    cmp = re.search(r"\b(exceed\w*|above|over|more than|higher than|beat|compared? (?:with|to|against))\b", text)
    if cmp is not None:
        after = [(i, c) for i, c in ((ia, a), (ib, b)) if i >= cmp.end()]
        if after:
            yardstick = min(after)[1]
            return (yardstick, b if yardstick == a else a)
    return a, b
