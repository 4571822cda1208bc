"""Table answers written out: the figure engine's answer (tableqa.py chooses the table, rows, columns and
operation) as a sentence with its rows cited, and questions about a table as a whole.

- `TableReader.answer`: the best table answer among the tables retrieval and the tables' own words rank, and
  for a question that names no document, each document's answer when several answer it as well.
- `TableReader.evidence`: one table answer as cited evidence: the figure with its formula, the rows, header
  and caption lines it comes from.
- Questions about a table itself: what it is about (`topic`), which periods it covers (`periods`), which rows
  it is made of or how many (`rows`); the question cues that ask them are here too (`ASKS_TOPIC`,
  `ASKS_PERIODS`, `ASKS_ROWS`, `COUNTS_ROWS`), read by answer.Answerer.gather.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from . import figures as F
from .evidence import Evidence, coverage, doc_margin, full_sentence
from .figures import column_name
from .index import Index
from .query import Query, content_terms, periods_in
from .tableqa import JOINED, TableAnswer, TableQA, column_period, period_of
from .text import shorten
from .types import Citation, Passage, Row, Table

# 'in which years was X calculated / accounted for / recorded?': the periods one row has figures for
_ROW_PERIODS = re.compile(r"(?i)\bin which (?:fiscal |financial )?(?:years?|periods?)\s+(?:was|were|is|are|did|does|do|has|"
                          r"have)\b.*\b(?:calculated|accounted|recorded|reported|given|shown|provided|disclosed|presented|"
                          r"recogni[sz]ed|measured|paid|made|included|incurred)\b")
ASKS_PERIODS = re.compile(r"(?i)\b(which|what)\s+(?:(?:are|were|is)\s+the\s+)?(fiscal\s+|financial\s+)?(years?|periods?|"
                          r"dates?)\b.*\b(tables?|shown|included|provided?|presented|covered|recorded|reported|listed|given|"
                          r"disclosed)\b|" + _ROW_PERIODS.pattern.removeprefix("(?i)"))
# words of a question about which periods a table covers that say what is asked, not what it is about
_PERIOD_QUESTION_WORDS = frozenset({"year", "period", "date", "tabl", "provid", "inform", "includ", "shown", "present",
                                    "cover", "record", "report", "list", "given", "give", "disclos", "calcul",
                                    "account", "fiscal", "financi", "figur", "data", "number", "valu", "show"})


# 'what are the components / types / segments of X', 'what makes up X': the rows of a table that X is made of
ASKS_ROWS = re.compile(r"(?i)^(what|which)\b.*\b(components?|constituents?|parts?|types?|kinds?|categories|segments?|"
                       r"elements?|items?|sources?|classes)\b|^(what|which)\b.*\b(mak(e|es|ing) up|made up of|"
                       r"compris(e|es|ing)|consist(s|ing)? of|factored in(to)?|broken down into)\b")
# 'how many types of X are there?', 'how many components make up X?' (a count of the rows X is made of; not one
# under a condition, 'how many items exceeded 50', which the table answer counts)
COUNTS_ROWS = re.compile(r"(?i)^how many\b(?!.*\b(?:exceed\w*|more than|less than|above|below|over|under|greater than|"
                         r"lower than|higher than|fewer than)\b).*\b(?:types?|kinds?|categories|components?|constituents?|"
                         r"elements?|sources?|classes|items?)\b")
_ROW_QUESTION_WORDS = frozenset({"compon", "constitu", "part", "type", "kind", "categori", "segment", "element", "item",
                                 "sourc", "class", "make", "made", "compris", "consist", "factor", "broken", "tabl",
                                 "includ", "shown", "present", "total"})


def row_word_names_row(asked: str, table_ev: Any) -> bool:
    """Is the word that would ask for a table's rows ('parts', 'items', 'segments') part of the name of the row
    the question is answered from ('Purchased parts and assemblies', 'Marketing related items')? Then it
    names that row."""
    m = ASKS_ROWS.search(asked)
    if m is None or table_ev is None or table_ev.kind != "table" or not m.group(2):
        return False
    word = content_terms(m.group(2))
    labels = " ".join(table_ev.state.get("rows") or [])
    return bool(word) and word[0] in content_terms(labels)


# 'what does the table show?', 'what does table 2 represent?', 'what is the topic of this note?': what a table
# is about, read from its caption (the sentence that introduces it) and the heading it sits under
ASKS_TOPIC = re.compile(r"(?i)^what\b.*\b(?:does|do|is)\s+(?:the|this|that)\s+(?:following\s+)?(?:table|note|schedule)"
                        r"(?:\s+\d+[a-z]?)?\s+(?:show|represent|present|detail|describe|set out|cover|provide|illustrate|"
                        r"summari[sz]e|about)s?\b|^what\b.*\b(?:does|do)\s+table\s+\d+[a-z]?\s+\w+|"
                        r"\b(?:topic|subject)\s+of\s+(?:the|this|that)\s+(?:table|note)\b")
_TOPIC_QUESTION_WORDS = frozenset({"tabl", "show", "repres", "present", "detail", "describ", "set", "cover", "provid",
                                   "illustr", "summar", "summari", "topic", "subject", "note", "schedul", "follow"})


# the opening of a reply that gives each document's answer (a question that names none, answered as well by
# several: two plans covering the same years disagree on their totals)
DIFFER = "The documents answer this differently."


class TableReader:
    """Table answers as cited evidence (see the module's docstring)."""

    def __init__(self, index: Index, tqa: Callable[[], TableQA]) -> None:
        self.index = index
        self._tqa = tqa  # the answerer's table engine, built lazily once per index
        self._headings: dict[str, str] = {}  # table id -> the heading it sits under (table_heading)

    @property
    def tqa(self) -> TableQA:
        return self._tqa()

    def _coverage(self, q: Query, terms: Iterable[str]) -> float:
        return coverage(self.tqa.m, q, terms)

    def table_heading(self, table_id: str) -> str:
        """The heading a table sits under (looked up once per table: every question reads every table's)."""
        got = self._headings.get(table_id)
        if got is None:
            got = self._headings[table_id] = " ".join(
                next((p.heading for p in self.index.passages_for_table(table_id)), ()))
        return got

    def answer(self, q: Query, candidates: list[tuple[Passage, float]], prefer: str | None,
                     prefer_docs: tuple[str, ...] = (), alternatives: bool = True) -> Evidence | None:
        order: list[str] = []
        for p, _ in candidates[:30]:
            if p.table_id and p.table_id not in order:
                order.append(p.table_id)
        in_scope = [t for t in self.index.tables() if not q.docs or t.doc in q.docs]
        headings = {t.id: self.table_heading(t.id) for t in in_scope}
        by_content = [t.id for t in self.tqa.rank_tables(q, in_scope, headings)]
        order = by_content + [tid for tid in order if tid not in by_content]
        if prefer and prefer not in order:
            order.insert(0, prefer)
        tables = [t for t in (self.index.table(tid) for tid in order[:12]) if t is not None]
        prior = {tid: 0.5 * (1 - i / max(1, len(order))) for i, tid in enumerate(order[:12])}
        for t in tables:
            if t.doc in prefer_docs:
                prior[t.id] = prior.get(t.id, 0.0) + 1.0
        if prefer:
            prior[prefer] = prior.get(prefer, 0) + 3.0
        answers = self.tqa.answers(q, tables, prior, headings)
        if not answers:
            return None
        best = answers[0]
        ev = self.evidence(q, best)
        ev.state["beaten"] = [_describe_table_answer(a) for a in answers[1:4]]  # for --explain
        rivals = [(a.table.doc, a.score) for a in answers[1:]]
        ev.state["doc_margin"] = doc_margin(best.score, rivals, {best.table.doc})
        if q.docs or prefer_docs or prefer or not alternatives:
            return ev
        # a question that names no plan, answered as well by another plan's table: give each plan's answer
        # rather than pick one silently (two plans covering the same years disagree on their totals). 'As well'
        # leaves out the tie-break of the row the question names: it orders the answers, it hides none ('Total'
        # under a caption 'BCF funding' answers 'total BCF funding' as well as a row 'Total Funding' does)
        others: dict[str, TableAnswer] = {}
        for a in answers[1:]:
            if (a.table.doc != best.table.doc and a.table.doc not in others and a.op == best.op
                    and a.op != "empty" and a.coverage >= best.coverage - 1e-9
                    and a.score - a.tie_break >= best.score - best.tie_break - 0.3):
                others[a.table.doc] = a
        if not others:
            return ev
        parts = [(best, ev), *((a, self.evidence(q, a)) for a in list(others.values())[:2])]
        text = f"{DIFFER} " + " ".join(
            f"{self.index.title(a.table.doc)}: {e.text}" for a, e in parts)
        cites = [c for a, e in parts for c in [*self.title_citations(a.table.doc), *e.citations]]
        state = {**ev.state, "doc_margin": doc_margin(best.score, rivals, {a.table.doc for a, _ in parts})}
        return Evidence(text, cites, [f for _, e in parts for f in e.figures], ev.score, ev.coverage, ev.kind,
                        state)

    def asked_about(self, q: Query) -> tuple[Table, str] | None:
        """The table a question about a table as a whole ('which years does it cover', 'what are its
        components') is about: the one its words match best (the only one in scope, else), with its heading."""
        in_scope = [t for t in self.index.tables() if not q.docs or t.doc in q.docs]
        headings = {t.id: self.table_heading(t.id) for t in in_scope}
        ranked = self.tqa.rank_tables(q, in_scope, headings, n=1) or (in_scope[:1] if len(in_scope) == 1 else [])
        return (ranked[0], headings.get(ranked[0].id, "")) if ranked else None

    def topic(self, q: Query, asked: str) -> Evidence | None:
        """What a table is about: the sentence that introduces it and the heading it sits under, for the
        table the question numbers ('table 2'), else the one its words match best (the only one in scope)."""
        numbered = re.search(r"(?i)\btable\s+(\d+[a-z]?)\b", asked)
        in_scope = [t for t in self.index.tables() if not q.docs or t.doc in q.docs]
        found: tuple[Table, str] | None = None
        if numbered:
            named = [t for t in in_scope if re.search(rf"(?i)\btable\s+{re.escape(numbered.group(1))}\b", t.caption)]
            if len(named) != 1:
                return None
            found = (named[0], self.table_heading(named[0].id))
        else:
            found = self.asked_about(q)
        if found is None:
            return None
        t, _ = found
        heading = next((p.heading[-1] for p in self.index.passages_for_table(t.id) if p.heading), "").strip()
        caption = t.caption.strip().rstrip(":").strip() if t.caption_line is not None else ""
        if not caption and not heading:
            return None
        if caption and heading and heading.lower() not in caption.lower():
            text = f"{caption[0].upper()}{caption[1:]} (under the heading '{heading}')."
        else:
            text = full_sentence(caption) if caption else f"The table sits under the heading '{heading}'."
        m = self.tqa.m
        cov = self._coverage(q, m.terms(f"{caption} {heading}") | {x for x in q.terms if x in _TOPIC_QUESTION_WORDS})
        cites = self.cite_rows(t, [], with_header=bool(not caption))
        if heading and heading.lower() not in caption.lower():  # the heading's line is cited too
            top = t.caption_line if t.caption_line is not None else (t.header_lines or [1])[0]
            line = next((ln for ln in reversed(self.index.lines(t.doc, t.page, max(1, top - 60), top))
                         if ln.text.strip() == heading), None)
            if line is not None:
                cites.insert(0, Citation(t.id, t.doc, line.page, line.no, line.no, line.text.strip()))
        return Evidence(text, cites, [], cov, cov, "table", {"table_id": t.id, "op": "describe", "rows": [],
                                                               "cols": [], "periods": list(q.periods)})

    def periods(self, q: Query, looked_up: Evidence | None = None) -> Evidence | None:
        """The periods a table gives figures for, read from its column headers: the table the question's
        other words match best; its header lines are cited. Asked of one item ('in which years was X
        recorded?'), the periods of the row the question names (its lookup), where that row has a figure."""
        row = None
        if looked_up is not None and looked_up.state.get("op") == "lookup" and _ROW_PERIODS.search(q.text):
            t = self.index.table(looked_up.state.get("table_id") or "")
            row = next((r for r in t.rows if r.label in looked_up.state.get("rows", [])[:1]), None) if t else None
        if row is not None and t is not None:
            heading = self.table_heading(t.id)
        else:
            found = self.asked_about(q)
            if found is None:
                return None
            t, heading = found
        cols = [c for c in range(t.label_cols, len(t.columns)) if row is None or row.cells[c].kind != "empty"]
        years = list(dict.fromkeys(str(k[0]) for c in cols for k in [column_period(t.columns[c])] if k))
        if q.order in ("oldest first", "ascending", "newest first", "descending"):  # 'in chronological order'
            years.sort(reverse=q.order in ("newest first", "descending"))
        if len(years) < 2:
            return None
        m = self.tqa.m
        words = m.terms(" ".join([t.caption, heading, *t.columns, *(r.path() for r in t.rows)]))
        cov = self._coverage(q, words | {x for x in q.terms if x in _PERIOD_QUESTION_WORDS})
        where = f" ({shorten(t.caption, 12)})" if t.caption and t.caption_line is not None else ""
        cites = self.cite_rows(t, [], with_header=False)
        for h in t.header_lines:
            text = self._line_text(t.doc, t.page, h)
            if text.strip():
                cites.append(Citation(t.id, t.doc, t.page, h, h, text))
        text = f"The table{where} gives figures for {', '.join(years[:-1])} and {years[-1]}."
        return Evidence(text, cites, [], cov, cov, "table", {"table_id": t.id, "op": "list_periods", "rows": [],
                                                               "cols": [], "periods": list(q.periods)})

    def rows(self, q: Query, count: bool = False) -> Evidence | None:
        """The rows a table's total (or group) named by the question is made of ('the components of total
        grant income': the rows its totals row closes), else every body row of the table the question is
        about ('the kinds of fee in the table'). The rows are cited."""
        found = self.asked_about(q)
        if found is None:
            return None
        t, heading = found
        m = self.tqa.m
        subject = [x for x in q.terms if x not in _ROW_QUESTION_WORDS and not x.isdigit()]
        if not subject:
            return None
        closing: Row | None = None
        best = 0.0
        for r in t.rows:
            if r.role in ("total", "subtotal", "category"):
                got = m.weight(set(subject) & m.terms(r.path())) / (m.weight(subject) or 1.0)
                if got > best:
                    best, closing = got, r
        if closing is not None and best >= 0.5:
            rows = list(t.rows)
            at = rows.index(closing)
            if closing.role == "category":
                members = [r for r in rows[at + 1:] if r.group == closing.label and r.role == "body"]
            else:
                start = max((i + 1 for i, r in enumerate(rows[:at]) if r.role in ("total", "subtotal", "category")),
                            default=0)
                members = [r for r in rows[start:at] if r.role == "body" and not r.group]
        else:
            closing = None
            members = [r for r in t.rows if r.role == "body" and not r.group]
        members = [r for r in members if r.label.strip()]
        if not 2 <= len(members) <= 15 or count and closing is None:
            return None  # (a count is only of what a named total or section is made of)
        words = m.terms(" ".join([t.caption, heading, *(r.path() for r in members),
                                  closing.path() if closing else ""]))
        cov = self._coverage(q, words | {x for x in q.terms if x in _ROW_QUESTION_WORDS})
        name = closing.label.strip(" :") if closing is not None else (
            shorten(t.caption.strip().rstrip(":"), 12) if t.caption and t.caption_line is not None else "The table")
        text = f"{name} is made up of: {'; '.join(r.label.strip() for r in members)}."
        figures = []
        if count:  # 'how many kinds of grant are there?': how many rows it is made of, named
            fig = F.count(t, members, None, f"rows that make up {name}")
            figures = [fig]
            text = f"{fig.text}: {name} is made up of {'; '.join(r.label.strip() for r in members)}."
        cites = self.cite_rows(t, members + ([closing] if closing is not None else []))
        if closing is None and t.caption_line is not None:  # the name is the caption's: it is cited too
            end, quote = self._caption_quote(t)
            cites.append(Citation(t.id, t.doc, t.page, t.caption_line, end, quote))
        return Evidence(text, cites, figures, cov, cov, "table", {"table_id": t.id, "op": "count" if count else "list",
                                                                  "rows": [r.label for r in members[:1]],
                                                               "cols": [], "periods": list(q.periods)})

    def title_citations(self, doc: str) -> list[Citation]:
        """Citations of the lines a document's title is read from (an answer that names a plan cites it)."""
        out = []
        for ln in self.index.title_lines(doc):
            p = next((p for p in self.index.passages if p.doc == doc and p.page == ln.page
                      and p.line_start <= ln.no <= p.line_end), None)
            out.append(Citation(p.id if p else doc, doc, ln.page, ln.no, ln.no, ln.text.strip()))
        return out

    def _row_passage(self, t: Table, row: Row) -> Passage | None:
        for p in self.index.passages_for_table(t.id):
            if p.kind == "row" and p.row == row.index:
                return p
        return None

    def _line_text(self, doc: str, page: int | None, line: int) -> str:
        got = self.index.lines(doc, page, line, line)
        return got[0].text if got else ""

    def cite_rows(self, t: Table, rows: Sequence[Row], with_header: bool = True) -> list[Citation]:
        cites: list[Citation] = []
        if t.caption_line is not None:
            end, text = self._caption_quote(t)
            if text.strip():
                chunk = next((p for p in self.index.passages_for_table(t.id) if p.kind == "caption"), None)
                cites.append(Citation(chunk.id if chunk else t.id, t.doc, t.page, t.caption_line, end, text))
        for note in [r for r in t.rows if r.role == "note"][:1]:  # 'Project 1 | Single Point of Referral'
            if note not in rows:
                text = self._line_text(t.doc, t.page, note.lines[0])
                p = self._row_passage(t, note)
                cites.append(Citation(p.id if p else t.id, t.doc, t.page, note.lines[0], note.lines[0], text))
        if with_header and t.header_lines:
            chunk = next((p for p in self.index.passages_for_table(t.id) if p.kind == "table"), None)
            for h in t.header_lines[-3:]:  # every level a column's name is made of ('2019 vs. 2018' / 'July 2017')
                text = self._line_text(t.doc, t.page, h)
                if text.strip():
                    cites.append(Citation(chunk.id if chunk else t.id, t.doc, t.page, h, h, text))
        named: list[Row] = []
        for r in rows:
            # the section or row above that names a row ('Revenues:' / 'Licences') is quoted with it
            above = next((x for x in reversed(t.rows[:r.index]) if x.label == r.group), None) if r.group else None
            named += [x for x in (above, r) if x is not None and x not in named]
        for r in named:
            line, page = r.lines[0], r.page_in(t)  # (a table continued overleaf has rows on several pages)
            text = self._line_text(t.doc, page, line)
            p = self._row_passage(t, r)
            cites.append(Citation(p.id if p else t.id, t.doc, page, line, line, text))
        return cites

    def _caption_quote(self, t: Table) -> tuple[int, str]:
        """The last line and the text of a table's caption: the lines from its first to the table when it
        is a paragraph wrapped over lines just above the table, else its one line."""
        assert t.caption_line is not None
        first = self._line_text(t.doc, t.page, t.caption_line)
        if t.caption_line >= t.line_start or " ".join(first.split()) == " ".join(t.caption.split()):
            return t.caption_line, first
        lines = [ln for ln in self.index.lines(t.doc, t.page, t.caption_line, t.line_start - 1) if ln.text.strip()]
        said = [ln for ln in lines if "\t" not in ln.text]
        if said and " ".join(" ".join(ln.text for ln in said).split()) == " ".join(t.caption.split()):
            return said[-1].no, "\n".join(ln.text.strip() for ln in said)
        return t.caption_line, first

    def evidence(self, q: Query, ta: TableAnswer) -> Evidence:
        t = ta.table
        state = {"table_id": t.id, "rows": ta.subjects or [r.label for r in ta.rows[:1]], "cols": ta.cols, "op": ta.op,
                 "col_names": [t.columns[c].split(" / ")[-1] for c in ta.cols if c < len(t.columns)],
                 "periods": list(q.periods), "row_cov": ta.row_cov, "row_margin": ta.row_margin,
                 "row_said": ta.row_said, "operands_named": ta.operands_named, "over_asked": ta.over_asked, "kind_cell": ta.kind_cell,
                 # (a change between columns of no period, 'NHS' to 'Council', is no move over time; months and
                 # quarters without a year are periods: 'Apr' to 'Sep')
                 "over_time": all(c < len(t.columns) and period_of(t.columns[c]) is not None for c in ta.cols)}
        where = f" ({shorten(t.caption, 12)})" if t.caption and t.caption_line is not None else ""
        note = next((r for r in t.rows if r.role == "note"), None)
        if note is not None:  # the table's own title row says what it is about better than the text above it
            where = f" ({shorten(note.path(), 12)})"
        if ta.op == "empty":
            row = ta.rows[0]
            cols = ", ".join(column_name(t, c) for c in ta.cols)
            given = [c for c in row.cells[t.label_cols:] if c.kind != "empty"]
            also = ""
            if given:
                also = " It gives only " + "; ".join(f"{column_name(t, c.col)}: {c.raw}" for c in given[:3]) + "."
            text = f"The table{where} has no value for {row.path()} under {cols}.{also}"
            return Evidence(text, self.cite_rows(t, [row]), [], -1.0, ta.coverage, "table-empty", state)
        if ta.op == "lookup":
            row = ta.rows[0]
            said = []
            for r in ta.rows:  # one row, or the two a question names 'respectively'
                parts = []
                for c in ta.cols:
                    cell = r.cells[c]
                    if cell.kind == "empty":
                        continue
                    # an unnamed column is not named 'column 2': that number is in no source line
                    value = _with_scale(t, r, c)
                    parts.append(f"{t.columns[c]}: {value}" if c < len(t.columns) and t.columns[c] else value)
                said.append(f"{r.path()} — " + "; ".join(parts))
            text = " | ".join(said) + f"{where}."
            cells = [c for c in ta.cols if row.cells[c].kind != "empty"]
            if len(cells) == 1 and len(ta.rows) == 1:
                context = [t.caption, self.table_heading(t.id), self.index.title(t.doc)]
                text = _lookup_sentence(t, row, cells[0], where, context, q.periods) or text
            return Evidence(text, self.cite_rows(t, ta.rows), ta.figures, ta.score, ta.coverage, "table", state)
        fig = ta.figures[0]
        if ta.op == "share" and len(ta.rows) == 1 and len(ta.cols) == 2:  # one row's figure as a share of another of its
            text = f"{fig.description}: {fig.text}{where}. {fig.formula}."
        elif ta.op == "share" and ta.note == JOINED:  # several rows the question names, together
            parts = [r.path() for r in ta.rows if r.role != "total"]
            whole = next((r.path() for r in ta.rows if r.role == "total"), "the total")
            text = (f"{', '.join(parts[:-1])} and {parts[-1]} together are {fig.text} of {whole} "
                    f"({column_name(t, ta.cols[0])}){where}: {fig.formula}.")
        elif ta.op == "share":
            text = (f"{ta.rows[0].path()} is {fig.text} of {ta.rows[1].path() if len(ta.rows) == 2 else 'the total'}"
                    f" ({column_name(t, ta.cols[0])}){where}: {fig.formula}.")
        elif ta.op == "stated_change":  # the change the table states beside the two periods, quoted
            row, (c0, c1, stated) = ta.rows[0], ta.cols
            text = (f"{row.path()} goes from {row.cells[c0].raw} ({column_name(t, c0)}) to {row.cells[c1].raw} "
                    f"({column_name(t, c1)}); the table states the change: {column_name(t, stated)} "
                    f"{row.cells[stated].raw}{where}." + "".join(
                        f" From the cells: {f.formula}." for f in ta.figures[1:]))
        elif ta.op == "change":
            a = fig.cells[0]
            b = fig.cells[1]
            bits = [f.text for f in ta.figures]
            subject = ta.rows[0].path() if len(ta.rows) == 1 else column_name(t, ta.cols[0])
            name_a, name_b = (a.column, b.column) if len(ta.rows) == 1 else (a.row, b.row)
            if ta.operands_named and (len(ta.rows) == 2 or not state["over_time"]):  # two things compared, not a move
                # over time
                text = (f"{name_b} is {b.raw} and {name_a} is {a.raw} ({subject}): a difference of {' / '.join(bits)}"
                        f"{where}. " + " ".join(f"{f.formula}." for f in ta.figures))
            else:
                text = (f"{subject} goes from {a.raw} ({name_a}) to {b.raw} ({name_b}): {' / '.join(bits)}{where}. "
                        + " ".join(f"{f.formula}." for f in ta.figures))
            if ta.note in ("Yes", "No"):  # whether it is over (or under) what it is measured against
                text = f"{ta.note}. {text}"
            elif ta.note == "left":  # what is left of what it is measured against
                text = (f"{ta.rows[0].path()}: {b.column} {b.raw} less {a.column} {a.raw} leaves {fig.text}{where}. "
                        f"{fig.formula}.")
        elif ta.op == "sum" and len(ta.rows) == 1 and len(ta.cols) > 1:  # one row added up over the periods asked
            text = f"{fig.description[0].upper()}{fig.description[1:]}: {fig.text}{where}. {fig.formula}."
        elif ta.op == "sum":
            text = (f"{'; '.join(r.label for r in ta.rows)} add up to {fig.text} "
                    f"({column_name(t, ta.cols[0])}){where}: {fig.formula}.")
            totals = [r for r in t.rows if r.role == "total" and r.cells[ta.cols[0]].value is not None]
            # (only a sum of every row the total closes can disagree with it: not of the rows a filter chose)
            every = totals and {id(r) for r in ta.rows} >= {id(r) for r in t.rows if r.role == "body"
                                                           and r.index < totals[-1].index}
            if every and totals[-1].cells[ta.cols[0]].value != fig.value and len(ta.rows) > 2 and not ta.ranked:
                text += f" The table's own total row says {totals[-1].cells[ta.cols[0]].raw}."
                ta.rows = [*ta.rows, totals[-1]]
            if ta.note:
                text += f" {ta.note[0].upper()}{ta.note[1:]}."
        elif ta.op == "group_change":
            text = (f"{fig.description[0].upper()}{fig.description[1:]}: {' / '.join(f.text for f in ta.figures)}"
                    f"{where}. " + " ".join(f"{f.formula}." for f in ta.figures))
        elif ta.op in ("max_across", "min_across"):
            word = "largest" if ta.op == "max_across" else "smallest"
            lead = fig.cells[0]
            others = "; ".join(f"{f.cells[0].column.rsplit(' / ', 1)[0]} {f.text}" for f in ta.figures[1:4])
            text = (f"{lead.column.rsplit(' / ', 1)[0]} has the {word} {lead.column.rsplit(' / ', 1)[-1]}: {fig.text} "
                    f"({ta.rows[0].label} row){where}. Next: {others}.")
        elif ta.op in ("max_over", "min_over"):
            word = "largest" if ta.op == "max_over" else "smallest"
            # periods tied for the extreme are each named
            tied = [f for f in ta.figures if f.value == fig.value]
            others = "; ".join(f"{f.cells[0].column}: {f.cells[0].raw}" for f in ta.figures[len(tied):len(tied) + 3])
            when = " and ".join(f.cells[0].column for f in tied) + (" (tied)" if len(tied) > 1 else "")
            text = (f"{ta.rows[0].path()} was {word} in {when}: {fig.cells[0].raw}{where}"
                    + (f" (against {others})." if others else "."))
        elif ta.op in ("meets", "moved") and ta.note.endswith(" rows"):  # the rows whose figure meets the question's condition
            header = column_name(t, ta.cols[0])
            met_rows = "; ".join(f"{r.path()} ({r.cells[ta.cols[0]].raw}" + (  # (and what it was measured against)
                f" against {r.cells[ta.cols[1]].raw})" if len(ta.cols) > 1 else ")") for r in ta.rows)
            text = (f"{fig.text} {'row has' if len(ta.rows) == 1 else 'rows have'} {header} {ta.note}{where}: {met_rows}."
                    if ta.rows else f"No row has {header} {ta.note}{where}.")
        elif ta.op == "meets":  # the periods whose figure meets the question's condition
            met = len(ta.cols)
            meeting = "; ".join(f"{c.column}: {c.raw}" for c in fig.cells[:met])
            others = "; ".join(f"{c.column}: {c.raw}" for c in fig.cells[met:])
            text = (f"{ta.rows[0].path()} was {ta.note} in {meeting}{where}"
                    + (f" (against {others})." if others else "."))
        elif ta.op in ("max_change", "min_change"):  # the row that moved most (or least) between two periods
            text = (f"{fig.description[0].upper()}{fig.description[1:]}: {fig.text}{where}. {fig.formula}.")
        elif ta.op in ("category_sum", "category_average", "category_share"):  # the rows of one kind, added up
            did = {"category_sum": "add up to", "category_average": "average", "category_share": "make up"}[ta.op]
            whole = " of the total" if ta.op == "category_share" else ""
            text = (f"The {len(ta.rows)} rows where {ta.note} ({'; '.join(r.path() for r in ta.rows)}) {did} "
                    f"{fig.text}{whole} ({column_name(t, ta.cols[0])}){where}: {fig.formula}.")
        elif ta.op == "group_totals":  # a figure for each kind of row
            *names, cond = ta.note.split("\n")
            counted = ta.cols[0] == ta.cols[1]
            each = "; ".join(f"{name} {f.text}" + ("" if counted else f" ({_n_rows(len(f.cells))})")
                             for name, f in zip(names, ta.figures, strict=True))
            what = "Rows" if counted else column_name(t, ta.cols[0])
            text = (f"{what} by {column_name(t, ta.cols[1])}" + (f", where {cond}" if cond else "") + f"{where}: {each}."
                    + "".join(f" {n}: {f.formula}." for n, f in zip(names, ta.figures, strict=True) if len(f.cells) > 1 and not counted))
        elif ta.op == "kinds_difference":  # the rows of one kind added up, less those of another
            _, fa, fb = ta.figures
            text = (f"{column_name(t, ta.cols[1])} {ta.subjects[0]!r}: {fa.text} ({_n_rows(len(fa.cells))}); "
                    f"{ta.subjects[1]!r}: {fb.text} ({_n_rows(len(fb.cells))}); the difference is {fig.text} "
                    f"({column_name(t, ta.cols[0])}){where}. {fig.formula}.")
        elif ta.op in ("max_group", "min_group"):  # the kind of row whose rows add up to the most
            word = "largest" if ta.op == "max_group" else "smallest"
            text = (f"{column_name(t, ta.cols[1])} {ta.note!r} has the {word} total {column_name(t, ta.cols[0])}: "
                    f"{fig.text}{where}. {fig.formula}.")
        elif ta.op in ("max", "min"):
            word = "largest" if ta.op == "max" else "smallest"
            # (of the rows of a kind the question named: 'the largest scheme funded by the iBCF')
            among = " and ".join(f"{column_name(t, c)} is {k!r}" for c, k in zip(ta.cols[1:], ta.subjects, strict=False))
            text = (f"{ta.rows[0].path()} has the {word} {column_name(t, ta.cols[0])}"
                    f"{f' of the rows where {among}' if among else ''}{f' ({ta.note})' if ta.note else ''}: "
                    f"{fig.text}{where}. {fig.formula}.")
        elif ta.op == "count" and len(ta.rows) == 1 and len(ta.cols) >= 2:  # columns of one row meeting a condition
            text = f"{fig.text} {ta.note} ({fig.description}){where}: {fig.formula}."
        elif ta.op == "count":
            listed = f" ({', '.join(r.label for r in ta.rows)})" if ta.rows else ""
            text = f"{fig.text}{listed} {ta.note}: {fig.description}{where}."
        else:
            text = f"{fig.description}: {fig.text}{where}. {fig.formula}."
        # (and the row a condition measures the others against: 'England (79.1)' of 'below the England average')
        return Evidence(text, self.cite_rows(t, [*ta.rows, *ta.against]), ta.figures, ta.score, ta.coverage, "table",
                        state)

    # ------------------------------------------------------------------ prose


def _n_rows(n: int) -> str:
    return f"{n} row{'s' if n != 1 else ''}"


def _describe_table_answer(a: TableAnswer) -> str:
    """One line about a table answer that lost: where, which operation, which row, its score."""
    row = a.rows[0].path() if a.rows else "-"
    return (f"{a.table.doc} table at lines {a.table.line_start}-{a.table.line_end}: {a.op} on '{shorten(row, 8)}' "
            f"(score {a.score:.2f}, covers {a.coverage:.0%})")


# --------------------------------------------------------------------------- decisions


def _lookup_sentence(t: Table, row: Row, col: int, where: str, context: Sequence[str] = (),
                     asked: Sequence[str] = ()) -> str | None:
    """One cell as a sentence that names its subject and its period: 'For 2019-20, Wycombe (Funding
    allocation) is £1,277,735.' The period is the column's; for a column that names none, the one period
    the table's nearest context names (`_context_period`). None when no period is known."""
    header = t.columns[col] if col < len(t.columns) else ""
    periods = periods_in(header)[0]
    if periods:
        period = max(periods, key=len)
        quarters = [p for p in periods if re.fullmatch(r"Q[1-4]", p)]
        if len(quarters) == 1 and re.fullmatch(r"(?:19|20)\d{2}", period):
            period = f"{quarters[0]} {period}"  # 'Q3 2020': the quarter is the period, not the year
        rest = header
        for p in sorted(set(periods) | set(re.findall(r"(?:19|20)\d{2}(?:[/-]\d{2})?|\d{2}/\d{2}", header)),
                        key=len, reverse=True):
            rest = rest.replace(p, " ")
        words: list[str] = []
        for part in rest.split(" / "):
            part = " ".join(part.replace("()", " ").split()).strip(" ,:/")
            if part and part.lower() not in (w.lower() for w in words) and not part.isdigit():
                words.append(part)
        said = " / ".join(words)
        measure = (f" {said}" if re.fullmatch(r"\([^()]*\)", said) else f" ({said})") if words else ""
    else:
        found = _context_period(context, asked)
        if found is None:
            return None
        period, measure = found, (f" ({header.strip()})" if header.strip() else "")
    return f"For {period}, {row.path()}{measure} is {_with_scale(t, row, col)}{where}."


def _with_scale(t: Table, row: Row, col: int) -> str:
    """A cell as an answer says it: as written ('£1,277,735', '£11.6m'), or with the scale the table states for
    it in a caption or header and the cell does not ('$4,295k' for '$4,295' under '(in thousands)'): the caption
    an answer names is shortened, and a figure read without its scale is read a thousand times too small."""
    cell = row.cells[col]
    if cell.scale and cell.value is not None and re.search(r"\d", cell.raw):  # (a dash for nil stays a dash)
        return F.lookup(t, row, col).text
    if cell.kind == "percent" and cell.value is not None and re.fullmatch(r"-?[\d.,]+", cell.raw.strip()):
        return f"{cell.raw.strip()}%"  # ('74.1' under a caption '... (%)')
    return re.sub(r"([£$€])\s+", r"\1", cell.raw.strip())


def _context_period(context: Sequence[str], asked: Sequence[str]) -> str | None:
    """The one period the nearest text that names any (a table's caption, then its heading, then its
    document's title) names, when the question names no other; None when it names two."""
    for text in context:
        found = set(periods_in(text or "")[0])
        if found:
            return found.pop() if len(found) == 1 and (not asked or set(asked) & found) else None
    return None
