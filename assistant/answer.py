"""The default answerer (no generative model): understand, find, compute, select, cite, or abstain.

1. Understand the question (query.py): what is asked, periods, the documents it is about.
2. Retrieve passages (hybrid) within those documents.
3. Tables: find the table, rows and columns the question names and run the figure engine (tableqa.py);
   the answer written out with its rows cited, and questions about a table as a whole (table_answers.py).
4. Prose (prose.py): score the sentences of the retrieved passages against the question and keep the best
   one per part of the question (list questions keep the list items under the best lead-in).
5. Decide which evidence answers (`decide`, below), or abstain when none contains what is asked or when
   the fitted confidence (confidence.py) is below its threshold; every sentence of the reply is cited, every
   number comes from a cited line or a computed figure.
6. Follow-ups are rewritten as full questions from the previous turns (`condense`): a new period ("and in
   2018?", "and Q2?", "the year before"), a new subject in place of the row the last answer read ("and for
   Chiltern?", "same for income?"), another operation of the same figures ("and the percentage change?",
   "and the average?"), the change between the periods of the last two turns ("and the change?").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from . import confidence as C
from . import figures as F
from .evidence import Evidence, Sentence, coverage
from .figures import column_name
from .index import Index
from .prose import NONE_COUNTED, ProseReader, holds_wanted, without_labels
from .query import (
    MIN_OPERATION_PROBABILITY,
    MONTH,
    QUESTION_WORDS,
    Query,
    content_terms,
    periods_in,
    plain_question,
    question_parts,
    scoping_names,
    subject_of,
    understand,
)
from .retrieve import HybridRetriever, Retriever
from .settings import Settings
from .table_answers import ASKS_PERIODS, ASKS_ROWS, ASKS_TOPIC, COUNTS_ROWS, DIFFER, TableReader, row_word_names_row
from .tableqa import LOOSE_ROW, Matcher, TableQA, op_word_names, period_key
from .text import content_words, shorten, stem
from .types import Answer, Citation, Figure, Passage, Row, Table
from .values import PER_HEAD, find_numbers, shift_fy

NOT_FOUND = "The documents don't say"
# 'the company's X': the body whose report it is (see Answerer._without_reporter)
_REPORTER = re.compile(r"(?i)\bthe\s+company(?:'s|’s|s'|s’)\s+")
MODE = "extractive"


# 'how is X made up?': a breakdown, answered by the amounts that add up to X
_MADE_UP = re.compile(r"(?i)\b(made up|broken down|break ?down|split|composed|comprised?|consists? of)\b|"
                      r"\bwhat makes up\b|\bcomponents of\b")

# a last part that asks what share of Y the figure of the part before is ('...and what fraction of the
# budget does that represent?'): 'that', 'this', 'it' refer back to it
_SHARE_OF_THAT = re.compile(r"(?i)^(?:and\s+)?(?:what|how much) (?:share|proportion|percentage|per ?cent|fraction|part|%|"
                            r"portion)? ?of (?P<whole>.+?) (?:is|was|are|were|does|do|did|would) (?:that|this|it|they|these|"
                            r"those)(?: (?:represent|make up|account for|amount to|come to|form))?(?: as a percentage)?$")


def _share_of_that(q: Query) -> str | None:
    """The Y of a last part 'what share of Y is that?' that refers back to the figure of the first part."""
    if len(q.parts) < 2:
        return None
    m = _SHARE_OF_THAT.match(q.parts[-1].strip())
    return m.group("whole") if m else None


@dataclass
class Work:
    """Everything gathered for one question, before an answer is written."""

    question: str
    asked: str  # the question as understood (a follow-up rewritten in full)
    q: Query
    candidates: list[tuple[Passage, float]]
    table_ev: Evidence | None
    prose_ev: Evidence | None
    scope: tuple[str, ...]
    about: str = ""  # what a turn that points back ('how often is it reviewed?') was read as being about


class Answerer:
    """Answers from retrieval, sentence selection and the figure engine; no generative model."""

    mode = MODE

    def __init__(self, index: Index, settings: Settings, retriever: Retriever | None = None) -> None:
        self.index = index
        self.settings = settings
        self.retriever = retriever or HybridRetriever(index, settings.retrieval)
        self._tqa: TableQA | None = None
        self._names: dict[str, dict[str, int]] | None = None
        self._vocabulary: set[str] | None = None
        self._term_docs: dict[str, set[str]] | None = None  # see rivals
        self._spelt: dict[str, str] | None = None  # see acronyms_written
        self._company_docs: set[str] | None = None  # see _without_reporter
        self.prose = ProseReader(index, lambda: self.tqa.m)  # prose selection (prose.py)
        self.table_reader = TableReader(index, lambda: self.tqa)  # table answers written out (table_answers.py)
        # answers below this fitted probability of being right are not given; None: the fitted threshold
        # (confidence.py), 0.0: give every answer (used when fitting)
        self.confidence_floor: float | None = settings.min_confidence

    # ------------------------------------------------------------------ set-up (lazy, once per index)

    @property
    def tqa(self) -> TableQA:
        if self._tqa is None:
            stats = self.index.term_stats()  # worked out when the index was built
            self._tqa = TableQA(Matcher(stats["df"], stats["n_texts"], self.index.acronyms))
        return self._tqa

    def name_docs(self) -> dict[str, dict[str, int]]:
        """Capitalised names and the documents they occur in (for document scope)."""
        if self._names is None:
            names: dict[str, dict[str, int]] = {}
            for p in self.index.passages:
                if p.kind != "text":
                    continue
                for w in set(re.findall(r"\b[A-Z][A-Za-z&'\-]{2,}\b", p.text)):
                    d = names.setdefault(w, {})
                    d[p.doc] = d.get(p.doc, 0) + 1
            self._names = names
        return self._names

    def vocabulary(self) -> set[str]:
        """Every content term the documents use anywhere: text, headings, table cells."""
        if self._vocabulary is None:
            self._vocabulary = set(self.term_docs())
        return self._vocabulary

    def term_docs(self) -> dict[str, set[str]]:
        """Every content term the documents use anywhere (text, headings, table cells), with the documents
        that use it."""
        if self._term_docs is None:
            self._term_docs = {t: set(v) for t, v in self.index.term_stats()["docs"].items()}
        return self._term_docs

    def rivals(self, q: Query, docs: set[str]) -> int:
        """How many documents in the question's scope use every question term the answer's document uses: 1
        when the question's words point at that document alone, many when the question could be about any of
        them (asked of many company reports at once, 'how much were sales in 2019?')."""
        td = self.term_docs()
        scope = set(q.docs) if q.docs else set(self.index.docs)
        best = 0
        for d in docs:
            shared = scope.copy()
            for t in q.terms:
                holders = td.get(t, set())
                if d in holders:
                    shared &= holders
            best = max(best, len(shared))
        return max(1, best)

    def acronyms_written(self, question: str) -> str:
        """The question with the acronyms it types in lower case written as the documents write them ('the
        ibcf schemes' -> 'the iBCF schemes'), so that they meet their long forms; a word the documents also
        use in lower case ('made', 'cats') is left as it is."""
        if self._spelt is None:  # lower case -> the acronym, for acronyms the documents never write in lower case
            self._spelt = dict(self.index.term_stats()["spelt"])
        spelt = self._spelt
        return re.sub(r"\b[a-z][a-z&]{1,9}\b", lambda m: spelt.get(m.group(0), m.group(0)), question) if spelt \
            else question

    def _without_reporter(self, question: str, scope: Sequence[str]) -> str:
        """'What was the company's change in X?' is 'What was the change in X?': 'the company' is the body
        whose report it is, not something a table or sentence is about, unless a table of the documents
        asked names a company (a 'Company' column beside a 'Group' one)."""
        if not _REPORTER.search(question):
            return question
        if self._company_docs is None:  # documents with a table that names a company in a header or a label
            self._company_docs = {t.doc for t in self.index.tables() if re.search(
                r"(?i)\bcompan(y|ies)\b", " ".join([*t.columns, *(r.label for r in t.rows)]))}
        if any(not scope or d in scope for d in self._company_docs):
            return question
        return _REPORTER.sub("the ", question)

    # ------------------------------------------------------------------ asking

    def ask(self, question: str, history: Sequence[Any] | None = None, docs: Sequence[str] | None = None) -> Answer:
        question = " ".join(question.split())
        if not question:
            return Answer(question, "Please ask a question.", [], answered=False, mode=self.mode)
        return self.finish(self.gather(question, history, docs))

    def gather(self, question: str, history: Sequence[Any] | None = None, docs: Sequence[str] | None = None,
               asked: str | None = None) -> Work:
        """Steps 1-4: understand, retrieve, and collect table and prose evidence (no decision yet)."""
        prev = _previous(history)
        follow = prev is not None and is_follow_up(question)
        if follow and prev is not None and "table_id" not in prev and "sentences" not in prev and prev.get("question"):
            # history given as text: answer the previous question again to know what it was about
            prev.update(self.ask(prev["question"], None, docs).state)
        placed = True  # (False: a change asked of one period, and no earlier period to take it from)
        if asked is None:
            if follow and prev is not None and prev.get("table_id"):
                t = self.index.table(prev["table_id"])
                prev = {**prev, "labels": [r.label for r in t.rows] if t is not None else []}
            # (a follow-up however put: 'how much did it change?', 'and the change on the year before?')
            moved = _change_between_turns(question, history, self._column_periods)
            placed = moved is None or moved[1]
            asked = moved[0] if moved else condense(question, prev) if follow and prev is not None else question
        about = _about(prev) if follow and prev is not None and points_back(question) else ""
        scope = tuple(docs or ()) or (tuple(prev.get("docs", ())) if follow and prev else ())
        asked = self._without_reporter(self.acronyms_written(plain_question(asked)), scope)
        # names that occur (almost) only in one document make it the likely one: a preference, not a filter
        named = scoping_names(asked, self.name_docs())
        prefer = () if scope else tuple(dict.fromkeys(doc for _, doc in named))
        q = understand(asked, self.index.acronyms, scope)
        if named:  # a place that names a plan is explained by any passage of that plan
            q = replace(q, named_docs=tuple((t, doc) for name, doc in named for t in content_terms(name)))
        candidates = self._candidates(q, prefer)
        if not placed:  # the reply says how the follow-up was read, with the closest passages, and no answer
            return Work(question, asked, q, candidates, None, None, scope, about)
        table_ev = self.table_reader.answer(q, candidates, prev.get("table_id") if follow and prev else None, prefer)
        follow_on = _share_of_that(q)
        if follow_on is not None:
            composed = self._share_of_previous(q, follow_on, scope)
            if composed is not None:
                table_ev = composed
        elif len(q.parts) >= 2 and (table_ev is None or table_ev.coverage < 0.75):
            # 'who leads X, and when does it go live?' when no one table answers it: a table per part
            per_part = self._table_per_part(q, scope)
            if per_part is not None and (table_ev is None or per_part.coverage > table_ev.coverage):
                table_ev = per_part
        if ASKS_TOPIC.search(asked):  # 'what does the table show?'
            topic = self.table_reader.topic(q, asked)
            if topic is not None and (table_ev is None or topic.coverage >= table_ev.coverage - 0.1):
                table_ev = topic
        if ASKS_PERIODS.search(asked):  # 'what periods does this table cover?'
            covered = self.table_reader.periods(q, table_ev)
            if covered is not None and (table_ev is None or covered.coverage >= table_ev.coverage - 0.1):
                table_ev = covered
        if ASKS_ROWS.search(asked) and not set(q.intents) & {"share", "ratio", "percent_change", "change", "average",
                                                              "count", "max", "min"} and not row_word_names_row(asked, table_ev):
            # 'what makes up the carers budget?' (not 'what were purchased parts in 2019?', a row's name; nor
            # 'which component of X was the largest?', one of them)
            members = self.table_reader.rows(q)
            if members is not None and (table_ev is None or members.coverage >= table_ev.coverage - 0.1):
                table_ev = members
        if COUNTS_ROWS.search(asked):  # 'how many kinds of grant are there?': the rows they are, counted
            counted = self.table_reader.rows(q, count=True)
            if counted is not None and (table_ev is None or counted.coverage >= table_ev.coverage - 0.1):
                table_ev = counted
        # prose arithmetic, where no table's cells give the figure asked (the cells are the first evidence; a cell
        # looked up for a question that asks a computation is not it, nor a table that answers too little): a sentence's whole
        # and part ('what share of the £3.2m comes from the BCF?'), where a figure moved from and to ('by how much did
        # X fall between September and December?'), a figure and its yardstick ('how far below target was X?')
        # (nor is the change of a row whose name says much the question does not: 'by how much did complaints
        # increase?' of 'Complaints escalated to stage 2', where a sentence states the complaints of two years; nor a
        # cell looked up for how much something moves: 'by how much will the virtual ward grow?' of its funding, nor
        # a change between columns of no period, its 'NHS' and 'Council' funding)
        loose = table_ev is not None and (table_ev.state.get("op") in ("change", "percent_change") and (table_ev.state.get(
            "row_said", 1.0) < LOOSE_ROW or q.wants == "movement" and not table_ev.state.get("over_time", True))
            or q.wants == "movement" and table_ev.state.get("op") == "lookup")
        stated = self.prose.part_of(q, candidates) or self.prose.stated_change(q, candidates) or \
            self.prose.stated_against(q, candidates) if table_ev is None or not table_ev.figures or loose or \
            table_ev.coverage < C.min_coverage("table") or q.computes and table_ev.state.get("op") == "lookup" else None
        if stated is not None and (table_ev is None or stated.coverage > table_ev.coverage
                                   or (not table_ev.figures or loose) and stated.coverage >= table_ev.coverage):
            table_ev = stated  # (a cell in words, 'Status: On track', works out nothing)
        if q.counted:  # 'how many priorities does the strategy have?': the items of a list of them, counted
            listed = self.prose.list_count(q, candidates)
            if listed is not None and (table_ev is None or listed.coverage > table_ev.coverage):
                table_ev = listed
        if "sum" in q.intents:  # 'how many in total' over a bulleted list of quantities
            listed = self.prose.list_sum(q, candidates)
            if listed is not None and (table_ev is None or listed.coverage > table_ev.coverage):
                table_ev = listed
        prose_ev = self.prose.answer(q, candidates, fits=_prose_fits(q))
        if stated is not None and table_ev is stated and prose_ev is not None and \
                prose_ev.state.get("sentences") == stated.state.get("sentences"):
            prose_ev = None  # (the same sentence, with what the question asks of its two numbers worked out)
        if _MADE_UP.search(asked):  # 'how is the £250k budget made up?': the parts that add up to it
            parts = self.prose.made_up(q, candidates)
            if parts is not None and (prose_ev is None or parts.coverage >= prose_ev.coverage - 0.1):
                prose_ev = parts
        return Work(question, asked, q, candidates, table_ev, prose_ev, scope, about)

    def finish(self, w: Work, floor: float | None = None) -> Answer:
        """Steps 5-6: decide, weigh the confidence of the answer chosen (confidence.py), write the reply
        with its citations, or abstain. `floor` replaces the fitted confidence an answer must reach (the
        claim checker reads candidates below it, with its own fitted floors)."""
        chosen = decide(w.q, w.table_ev, w.prose_ev)
        feats, conf = self._confidence(w.q, chosen, w.candidates) if chosen is not None else ({}, None)
        parts = question_parts(w.asked) if floor is None else []  # the claim checker reads one answer whole
        if len(parts) >= 2:
            sure = chosen if chosen is not None and (conf is None or conf >= self.floor) else None
            by_parts = self._by_parts(w, parts, sure, conf)
            if by_parts is not None:
                return by_parts
        if chosen is None or conf is not None and conf < (self.floor if floor is None else floor):
            ans = self._abstain(w.question, w.q, w.candidates, w.table_ev, w.prose_ev, unsure=chosen,
                                confidence=conf)
            if w.asked != w.question:  # a follow-up: how it was read, so that the user can put it another way
                ans.notes.append(f"read as: {w.asked}")
                ans.state["question"] = w.asked
            if w.about:
                ans.state["about"] = w.about
            return ans
        return self._given(w, chosen, conf, feats)

    def _by_parts(self, w: Work, parts: list[tuple[str, str]], sure: Evidence | None, conf: float | None
                  ) -> Answer | None:
        """A question in several parts gets an answer to each part: the answer to the whole where it answers
        a part (its evidence covers the part's own words and holds the kind of thing the part asks for),
        else the part asked on its own, of the same document. A part nothing answers confidently is said to
        be unanswered, and then the reply is not given as an answer (only as what the documents do say).
        None: the answer to the whole answers every part (or nothing answers any part)."""
        first = set(content_terms(parts[0][0], self.index.acronyms))
        todo = [i for i, (p, _) in enumerate(parts)
                if sure is None or not self._answers_part(p, first if i else set(), sure)]
        if not todo:
            return None
        docs = tuple(dict.fromkeys(c.doc for c in sure.citations)) if sure is not None else w.scope
        given: list[Answer] = []
        if sure is not None:
            given.append(self._given(w, sure, conf))
        unanswered = []
        for i in todo:
            a = self.finish(self.gather(parts[i][1] + "?", None, docs or None))
            seen = {(c.doc, c.line_start) for g in given for c in g.citations}
            if not a.answered:
                if sure is None or not self._answers_part(parts[i][0], first if i else set(), sure, least=0.0):
                    unanswered.append(parts[i][0])  # (else what the whole's answer says of it stands)
            elif any((c.doc, c.line_start) not in seen for c in a.citations):
                given.append(a)
        if not given:
            return None
        text = ""
        citations: list[Citation] = []
        figures: list[Figure] = []
        for a in given:
            body = a.text
            label = a.state.get("plan_title")
            if text and label and body.startswith(f"{label}: ") and label == given[0].state.get("plan_title"):
                titled = len(self.table_reader.title_citations(a.citations[-1].doc))
                body = _renumbered(body[len(label) + 2:], -titled)  # one label for the plan is enough
                a_cites = a.citations[titled:]
            else:
                a_cites = a.citations
            body = _renumbered(body, len(citations))
            text = f"{text} {body}".strip()
            citations += a_cites
            figures += a.figures
        confs = [c for c in (a.state.get("confidence") for a in given) if c is not None]
        state = {**given[0].state, "confidence": min(confs) if confs else None, "parts": [p for _, p in parts]}
        if unanswered:
            text = (f"The documents answer only part of this. {text} They don't directly answer: "
                    f"{'; '.join(unanswered)}.")
            state["unanswered"] = unanswered
        return Answer(w.question, text, citations, figures, not unanswered, self.mode,
                      closest=citations if unanswered else [], index_hash=self.index.hash, state=state)

    def _answers_part(self, part: str, first: set[str], ev: Evidence, least: float = 0.5) -> bool:
        """Does an answer's evidence answer this part of a question: does it say the words the part adds to
        the first part's (`least` of their weight; with 0, one of them) and hold the kind of thing the part
        asks for? The strict test decides whether the part is asked on its own; when that finds nothing, the
        lenient one whether what the whole's answer says of it stands ('how many hours does that buy?' next
        to '40,367 hours')."""
        m = self.tqa.m
        own = [t for t in content_terms(part, self.index.acronyms) if t not in first]
        said = m.terms(" ".join([ev.text, *(c.quote for c in ev.citations)]))
        got = m.weight([t for t in own if t in said])
        if own and (got < least * m.weight(own) or got == 0):
            return False
        wants = understand(part, self.index.acronyms).wants
        return not wants or holds_wanted(wants, ev.text, part)

    def _given(self, w: Work, chosen: Evidence, conf: float | None, feats: dict[str, float] | None = None) -> Answer:
        """The reply that gives an answer: its text labelled with the plan it is from, its citations."""
        state = {"question": w.asked, "docs": list(w.scope), **chosen.state, "confidence": conf, "features": feats}
        if w.about:
            state["about"] = w.about  # (a turn after this one that points back is about the same)
        text, citations = chosen.text, list(chosen.citations)
        title = self._plan_title(chosen)
        if title is not None:
            # the title's lines are cited first, so the answer's own citation marks move past them ('[1]' is
            # the sentence's mark, and the sentence is then the third source listed)
            titled = self.table_reader.title_citations(citations[0].doc)
            text, citations = f"{title}: {_renumbered(text, len(titled))}", [*titled, *citations]
            state["plan_title"] = title  # the label, for the eval to set aside
        return Answer(w.question, text, citations, chosen.figures, True, self.mode,
                      notes=[] if w.asked == w.question else [f"read as: {w.asked}"], index_hash=self.index.hash,
                      state=state)

    def _plan_title(self, ev: Evidence) -> str | None:
        """The title an answer from one document of several is labelled with (its title lines are cited), so
        that a figure is never read as another plan's; None when the answer needs no label."""
        docs = {c.doc for c in ev.citations}
        if len(docs) != 1 or len(self.index.docs) < 2 or ev.text.startswith(DIFFER):
            return None
        doc = next(iter(docs))
        title = self.index.title(doc)
        if title == doc or len(title.split()) > 14 or title.lower() in ev.text.lower():
            return None
        return title

    @property
    def floor(self) -> float:
        """The probability of being right an answer must reach to be given."""
        return C.threshold() if self.confidence_floor is None else self.confidence_floor

    def _confidence(self, q: Query, chosen: Evidence, candidates: Sequence[tuple[Passage, float]] = ()
                    ) -> tuple[dict[str, float], float | None]:
        """The features of the answer chosen and its fitted probability of being right."""
        feats = C.features(q, chosen, _holds(q, chosen.text))
        # how long the answer's document is: a long plan and a short report extract differ in how often an
        # answer with the same other features is right (its question is chattier, a year is asked less often)
        docs = {c.doc for c in chosen.citations}
        feats["doc_share"] = C.doc_share(docs, candidates)
        lines = max((sum(len(v) for v in self.index.lines_by_page(d).values()) for d in docs), default=0)
        feats["doc_size"] = math.log10(1 + lines)
        feats["rivals"] = math.log2(self.rivals(q, docs)) if docs else 0.0
        feats["similarity"] = self._similarity(q.text, chosen.text)
        return feats, C.probability(feats)

    def _similarity(self, question: str, answer: str) -> float:
        """How close in meaning the answer is to the question: the cosine of their embeddings (the question's
        is the one retrieval made). Words the question and the answer put differently ('the first quarter',
        'Quarter 1'; 'tracking', 'above plan') meet here, where the coverage of the question's terms misses them."""
        qv = self.index.embed_query(question)
        av = self.index.embedder().embed([re.sub(r"\s*\[\d+\]", "", answer)], max_tokens=C.SIMILARITY_TOKENS)[0]
        return round(float(qv @ av), 4)

    def explain(self, question: str, docs: Sequence[str] | None = None) -> dict[str, Any]:
        """Why an answer is what it is: how the question was read, the table answer and the prose answer
        found (each with the best alternatives it beat), which one was chosen, and its confidence."""
        w = self.gather(" ".join(question.split()), None, docs)
        q = w.q

        def evidence(ev: Evidence | None) -> dict[str, Any] | None:
            if ev is None:
                return None
            st = ev.state
            out: dict[str, Any] = {"kind": ev.kind, "coverage": round(ev.coverage, 3), "text": shorten(ev.text, 40),
                                   "cited lines": [f"{c.doc} {c.line_start}-{c.line_end}" for c in ev.citations[:6]]}
            if "table_id" in st:
                t = self.index.table(st["table_id"])
                out.update({"table": f"{st['table_id']} ({t.doc}, lines {t.line_start}-{t.line_end})" if t else
                            st["table_id"], "operation": st.get("op"), "row": (st.get("rows") or [""])[0],
                            "columns": [column_name(t, c) for c in st.get("cols", [])] if t else st.get("cols"),
                            "row match": round(st.get("row_cov", 0.0), 3),
                            "row margin over the next row": round(st.get("row_margin", 0.0), 3)})
            out["beaten"] = st.get("beaten", [])
            return out

        chosen = decide(q, w.table_ev, w.prose_ev)
        conf = self._confidence(q, chosen, w.candidates)[1] if chosen is not None else None
        floor = self.floor
        return {
            "question": w.asked,
            "read as": {"operation": q.operation, "probability": round(q.operation_p, 3), "intents": list(q.intents),
                        "periods": list(q.periods), "subject terms": list(q.terms), "wants": q.wants,
                        "parts": [p for _, p in question_parts(w.asked)]},
            "table answer": evidence(w.table_ev), "prose answer": evidence(w.prose_ev),
            "chosen": chosen.kind if chosen is not None else None,
            "confidence": None if conf is None else round(conf, 3), "threshold": round(floor, 3),
            "given": chosen is not None and (conf is None or conf >= floor),
        }

    def _candidates(self, q: Query, prefer: tuple[str, ...] = ()) -> list[tuple[Passage, float]]:
        docs = list(q.docs) or None
        if isinstance(self.retriever, HybridRetriever):
            fused = [(self.index.passages[i], s) for i, s in self.retriever.fused(q.text, docs)[:60]]
        else:
            fused = [(h.passage, h.score) for h in self.retriever.retrieve(q.text, 60, docs)]
        if prefer:
            fused = sorted(fused, key=lambda ps: -(ps[1] * (1.5 if ps[0].doc in prefer else 1.0)))
        return fused[:40]

    # ------------------------------------------------------------------ tables

    def _column_periods(self, table_id: str) -> list[str]:
        """The periods a table's columns are of, as the question model puts them ('2019', '2018-19 Q4'): each
        the period of the last part of its header that names one ('July 29, 2017' under '2019 vs. 2018')."""
        t = self.index.table(table_id)
        out = []
        for col in t.columns if t is not None else ():
            named = [ps[0] for ps in (periods_in(part)[0] for part in col.split(" / ")) if ps]
            out += named[-1:]
        return out

    def tqa_lookup(self, t: Table, row: Row, col: int) -> Figure:
        """A cell's figure, cited (for claim checks)."""
        from .figures import lookup

        return lookup(t, row, col)

    def table_heading(self, table_id: str) -> str:
        """The heading a table sits under."""
        return self.table_reader.table_heading(table_id)

    def _table_per_part(self, q: Query, scope: tuple[str, ...]) -> Evidence | None:
        """Each part of a multi-part question answered from its own table row ('Lead: Jeanie Brown' in a
        list of developments, 'Go-live: Apr15' in the project's milestone plan); a part that leans on the
        first ('when is it due') borrows the first part's words."""
        first = set(content_terms(q.parts[0]))
        # what the first part is about: the words after its first article ('the single point of referral work')
        m0 = re.search(r"(?i)\b(?:the|a|an|our|this|these)\s+(.+)$", q.parts[0])
        subject = content_terms(m0.group(1) if m0 else q.parts[0])
        evs: list[Evidence] = []
        for i, part in enumerate(q.parts):
            own = set(content_terms(part))
            text = part if i == 0 else f"{part} ({' '.join(t for t in subject if t not in own)})"
            pq = understand(text, self.index.acronyms, scope)
            ev = self.table_reader.answer(pq, self._candidates(pq), None, alternatives=False)
            if ev is None or ev.kind != "table" or ev.coverage < C.min_coverage("table"):
                return None
            if i > 0 and not (own - first) & set().union(*(self.tqa.m.terms(c.quote) for c in ev.citations)):
                return None  # the part's own words are not in what answers it
            evs.append(ev)
        if len({e.state.get("table_id") for e in evs}) < len(evs):
            return None  # one table answers all: the whole question's table answer is enough
        text = " ".join(e.text for e in evs)
        cites = [c for e in evs for c in e.citations]
        cov = self._coverage(q, self.tqa.m.terms(" ".join(c.quote for c in cites)) | self.tqa.m.terms(text))
        return Evidence(text, cites, [f for e in evs for f in e.figures], min(e.score for e in evs), cov, "table",
                        evs[0].state)

    def _share_of_previous(self, q: Query, whole: str, scope: tuple[str, ...]) -> Evidence | None:
        """'Add up X, and what share of Y is that?': the first part is answered on its own, Y is read
        in the same plan for the same period, and the share is computed from the two figures."""
        lead = q.text[:q.text.rfind(q.parts[-1])].rstrip(" ,;")
        lead = re.sub(r"(?i)\s+and$", "", lead)
        first = self.gather(lead + "?", docs=scope or None)
        ev1 = first.table_ev
        if ev1 is None or len(ev1.figures) != 1 or ev1.figures[0].value is None:
            return None
        doc = ev1.figures[0].cells[0].doc if ev1.figures[0].cells else None
        period = " ".join(q.periods)
        second = self.gather(f"What is {whole}{' in ' + period if period else ''}?", docs=(doc,) if doc else None)
        ev2 = second.table_ev
        if ev2 is None or len(ev2.figures) != 1 or ev2.figures[0].op not in ("lookup", "sum"):
            return None
        try:
            fig = F.share_of_figures(ev1.figures[0], ev2.figures[0], f"{ev1.figures[0].text} as a share of {whole}")
        except F.FigureError:
            return None
        text = f"{ev1.text} {ev2.text} That is {fig.text} of {whole}: {fig.formula}."
        cites = [*ev1.citations, *ev2.citations]
        # coverage of the whole question by what the two answers cite
        cov = self._coverage(q, self.tqa.m.terms(" ".join(c.quote for c in cites)) | self.tqa.m.terms(text))
        return Evidence(text, cites, [*ev1.figures, *ev2.figures, fig], min(ev1.score, ev2.score), cov, "table",
                        ev1.state)

    def _coverage(self, q: Query, terms: Iterable[str]) -> float:
        """The share of the question's weight that some terms cover (evidence.coverage)."""
        return coverage(self.tqa.m, q, terms)

    # ------------------------------------------------------------------ for drafts and checks
    # What drafting and claim checking use of the answering core: the same retrieval, sentence ranking,
    # list reading and row citations as answers, through these names only.

    def passages_for(self, q: Query) -> list[tuple[Passage, float]]:
        """The passages retrieval ranks for a query, best first, with their scores."""
        return self._candidates(q)

    def ranked_sentences(self, q: Query, passages: list[tuple[Passage, float]]) -> list[Sentence]:
        """The sentences of these passages, ranked by the weight of the query they cover."""
        return self.prose.score(q, self.prose.sentences(passages))

    def list_after(self, doc: str, page: int | None, line: int, limit: int = 15) -> list[Any]:
        """The list items after a lead-in line (see `prose.ProseReader.items_after`)."""
        return self.prose.items_after(doc, page, line, limit)

    def cite_rows(self, t: Table, rows: Sequence[Row], with_header: bool = True) -> list[Citation]:
        """Citations of table rows, with the table's caption and header lines."""
        return self.table_reader.cite_rows(t, rows, with_header)

    # ------------------------------------------------------------------ abstaining

    def _abstain(self, question: str, q: Query, candidates: list[tuple[Passage, float]],
                 table_ev: Evidence | None, prose_ev: Evidence | None, unsure: Evidence | None = None,
                 confidence: float | None = None) -> Answer:
        if unsure is not None:  # an answer was found but is too likely wrong: its passages are the closest
            text = (f"{NOT_FOUND} directly: the closest passages are below, with the lines that match the "
                    f"question. (An answer from them was too uncertain to give: confidence {confidence:.0%}.)")
            closest: list[Citation] = list(unsure.citations[:6])
            for p, _ in candidates[:3]:
                if all((c.doc, c.page, c.line_start) != (p.doc, p.page, p.line_start) for c in closest):
                    lines = self.index.lines(p.doc, p.page, p.line_start, p.line_start)
                    closest.append(Citation(p.id, p.doc, p.page, p.line_start, p.line_start,
                                            lines[0].text if lines else p.text.split("\n")[0]))
            return Answer(question, text, [], [], False, self.mode, closest=closest, index_hash=self.index.hash,
                          state={"confidence": confidence, "unsure": unsure.text})
        closest = []
        for p, _ in candidates[:3]:
            lines = self.index.lines(p.doc, p.page, p.line_start, p.line_start)
            quote = lines[0].text if lines else p.text.split("\n")[0]
            closest.append(Citation(p.id, p.doc, p.page, p.line_start, p.line_start, quote))
        what = "an answer to that"
        if table_ev is not None and table_ev.kind == "table-empty":
            text = f"{NOT_FOUND}: {table_ev.text}"
            return Answer(question, text, table_ev.citations, [], False, self.mode, closest=closest,
                          index_hash=self.index.hash)
        if q.wants == "money":
            what = "that amount"
        elif q.wants in ("count", "percent"):
            what = "that figure"
        text = f"{NOT_FOUND}: I could not find {what} in the documents. The closest passages are listed below."
        return Answer(question, text, [], [], False, self.mode, closest=closest, index_hash=self.index.hash)


def _prose_fits(q: Query) -> list[Callable[[str], bool]]:
    """What a sentence must hold to answer the question at all (`decide` rules out the others), as tests tried in
    turn until one passes some sentence: the kind of number asked for, when one is ('how many providers': a count,
    not a year); for a who-question, a sentence that says the role asked and someone the question does not name
    ('Professor ..., Director of Public Health' for 'who is the Director of Public Health?'), else one that says the
    role ('Chair: ...'); none when any sentence may."""
    if q.wants == "person":
        role = _WHO_ROLE.match(q.text)
        said = content_terms(role.group("role")) if role else []
        if not said:
            return []

        def says_role(text: str) -> bool:
            return said[0] in content_terms(text)

        return [lambda text: holds_wanted("person", text, q.text) and says_role(text), says_role]
    if q.wants not in ("money", "count", "percent") or _said_in_words(q):
        return []
    return [lambda text: _has_wanted_number(q, text)]


# the role a who-question asks who holds: 'who chairs ...', 'who is the chair of ...', 'who will lead ...'
_WHO_ROLE = re.compile(r"(?i)^\s*who\s+(?:(?:is|are|was|were|will|would|should|has|have|had|does|did)\s+)?(?:be\s+)?"
                       r"(?:the\s+|a\s+|an\s+)?(?:[a-z]+['’]s\s+)?(?P<role>[a-z]+)")


# what a sentence that says something has and a title line has not: a verb's auxiliary or past form, a pronoun
_STATES = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|"
                     r"must|do|does|did|we|our|it|they|he|she|\w{3,}ed)\b")
_SAID_IN_WORDS = ("reason", "method", "meaning")  # kinds of answer no figure is


def _says_periods_asked(q: Query, ev: Evidence | None) -> bool:
    """Does the evidence name every period and month the question asks about (none asked: yes)?"""
    if ev is None:
        return False
    periods, months = periods_in(ev.text)
    return set(q.periods) <= set(periods) and set(q.months) <= set(months)


def _moved(q: Query, ev: Evidence, other: Evidence) -> bool:
    """Is the evidence a change worked out from cells where the question asks how much something moved, and the
    other a sentence whose figures are all of another kind? The change is the movement asked, whatever words it is
    written in; a sentence that moves a percentage ('the share of X fell from 2.4% to 2.0%') is of another measure
    than a count's or an amount's (a sentence that states the change in the cells' kind states what they give)."""
    if q.wants != "movement" or ev.kind != "table" or ev.state.get("op") not in ("change", "percent_change") \
            or not ev.figures:
        return False
    kinds = {n.kind for n in _figures_in(without_labels(other.text))}
    return bool(kinds) and ("percent" if ev.figures[0].unit == "%" else "amount") not in {
        "percent" if k == "percent" else "amount" for k in kinds}


def _said_in_words(q: Query) -> bool:
    """The operation model (fitted on many questions) is sure the answer is said in words ('how is X computed?'):
    the kind of number a word of the question suggests ('per share', 'the rate') rules no sentence out."""
    return q.operation == "text" and q.operation_p >= MIN_OPERATION_PROBABILITY


def decide(q: Query, table_ev: Evidence | None, prose_ev: Evidence | None) -> Evidence | None:
    """Which evidence answers the question; None means abstain. A candidate must explain a fitted least
    share of the question (confidence.min_coverage); then each scores its coverage of the question, plus a
    little when it holds the kind of value asked for; the table wins ties."""
    table_ok = table_ev is not None and table_ev.kind == "table" and table_ev.coverage >= C.min_coverage("table")
    prose_ok = prose_ev is not None and prose_ev.coverage >= C.min_coverage("prose")
    if table_ok and table_ev is not None and table_ev.figures and (q.wants == "reason" or q.wants in _SAID_IN_WORDS and (
            prose_ok and prose_ev is not None and _holds(q, prose_ev.text))):
        table_ok = False  # 'why is the rate higher in the west?': a figure is no reason (a method or a meaning may be
        # a table's, where no sentence gives one)
    in_words = _said_in_words(q)
    if table_ok and table_ev is not None and q.wants in ("money", "count", "percent") and not table_ev.figures \
            and table_ev.state.get("op") == "lookup" and not in_words and not (
            C.states_count(q.counted, table_ev.text, cell=False) if q.wants == "count" else _has_wanted_number(q, table_ev.text)):
        # 'how many carers had an assessment?': a cell in words ('Status: On track') says no number, nor does its
        # row's name unless it counts what is asked ('Train 200 GP practice staff' for 'how many staff ...')
        table_ok = False
    if prose_ok and prose_ev is not None and q.wants == "person" and prose_ev.kind == "prose" and not (
            holds_wanted("person", prose_ev.text, q.text) or _STATES.search(prose_ev.text)):
        prose_ok = False  # 'who wrote the report?': a title line that names no one ('Agenda item 9: Workforce report')
    if prose_ok and prose_ev is not None and q.wants in ("money", "count", "percent") and prose_ev.kind == "prose":
        if not _has_wanted_number(q, prose_ev.text) and not in_words:
            prose_ok = False
    if q.computes and table_ok and table_ev is not None and table_ev.figures and (
            table_ev.state.get("op") != "lookup" or not _says_periods_asked(q, prose_ev) and _holds(q, table_ev.text)) \
            and not (
            prose_ok and prose_ev is not None and prose_ev.kind == "prose" and prose_ev.coverage > table_ev.coverage
            and op_word_names(q.intent, q.text, prose_ev.text)):
        # a figure computed from cells answers a question that asks for a computation (one read from a cell, where
        # it is of the kind asked and the sentence does not name the period asked: 'what percentage ... in
        # September?' of a scorecard's September cell, not a sentence of this month's); unless the operation word
        # is part of a name a sentence says and the cells do not ('the average length of stay has risen to 24
        # days'), and that sentence covers more of the question
        return table_ev
    if prose_ok and table_ok and prose_ev is not None and prose_ev.kind == "prose" and table_ev is not None \
            and table_ev.figures and not _TARGET_WORD.search(q.text) and states_target(prose_ev.text) \
            and not _TARGET_WORD.search(table_ev.text):
        # what something is or was: a sentence that sets a target for it ('the target is an average of 150 days')
        # does not say, where a cell does
        prose_ok = False
    if prose_ok and table_ok and prose_ev is not None and prose_ev.kind == "prose" and table_ev is not None \
            and table_ev.figures and q.periods and q.operation in ("value", "text") and not _asks_movement(q) \
            and _states_only_movement(prose_ev.text):
        # what something was in a period: a sentence that only says how much it moved does not answer it
        prose_ok = False
    if prose_ok and table_ok and prose_ev is not None and prose_ev.kind == "prose" and table_ev is not None \
            and table_ev.state.get("op") == "lookup" and _asks_movement(q) and not _MOVEMENT_WORD.search(table_ev.text) \
            and _states_only_movement(prose_ev.text) and prose_ev.coverage >= table_ev.coverage:
        # and the other way: how much something is to move ('how much is dementia expected to rise by 2035?') is
        # not what it will be then, read from a cell, where a sentence says how much it moves
        table_ok = False
    if prose_ok and in_words and (
            not q.wants or _holds(q, prose_ev.text if prose_ev else "")) and not (
            table_ok and table_ev is not None and prose_ev is not None and (
                table_ev.coverage > prose_ev.coverage and (table_ev.figures or table_ev.state.get("op") == "lookup")
                or table_ev.coverage >= prose_ev.coverage and (table_ev.state.get("op") == "meets" or _moved(q, table_ev, prose_ev)))):
        # 'how is X computed?', 'what led to Y?': the answer is said in words, not a cell; unless a figure or the
        # words read from a cell ('Previous rating: Outstanding') answer more of the question than the sentence does,
        # or the rows whose cells say what the question does ('which action is at risk?' of a Status column) answer
        # as much of it
        return prose_ev
    if table_ok and prose_ok and table_ev is not None and prose_ev is not None:
        if prose_ev.kind == "list" and "list" in q.intents and not (q.wants == "count" and table_ev.figures):
            return prose_ev  # (the list itself; 'how many enablers are listed?' is their count)
        t_has, p_has = (_holds(q, table_ev.text), _holds(q, prose_ev.text)) if q.wants else (False, False)
        t_has = t_has and not _counts_a_subset(q, table_ev) or _moved(q, table_ev, prose_ev)
        t_score = table_ev.coverage + (0.15 if t_has else 0.0)
        p_score = prose_ev.coverage + (0.1 if p_has else 0.0) + (0.15 if p_has and not t_has else 0.0)
        if table_ev.figures:
            t_score += 0.1  # a value read from a cell beats a sentence that covers the question as well
        return table_ev if t_score >= p_score else prose_ev
    if table_ok:
        return table_ev
    if prose_ok:
        return prose_ev
    return None


# the words that name what something is to be: 'the target', 'our ambition', 'the aim is'
_TARGET_WORD = re.compile(r"(?i)\b(?:targets?|ambitions?|aims?|goals?|trajectory|trajectories|planned|aspirations?)\b")


def states_target(text: str) -> bool:
    """Does a sentence give a target rather than what happened: its first figure (not a year) comes after a word that
    names a target ('The target in the strategy is an average of 150 days'; not '74.1% in October, below the
    standard of 78%')?"""
    word = _TARGET_WORD.search(text)
    first = next(iter(_figures_in(without_labels(text))), None)
    return word is not None and first is not None and word.start() < first.start


# a row's past participle that selects some of what it counts ('Young carers assessed', 'Breaks funded', 'Patients
# admitted'); not one that says how the figure was had ('Estimated population', 'Incidents reported')
_SELECTING = re.compile(r"(?i)\b(?!(?:estimat|expect|project|plann|forecast|adjust|audit|unaudit|restat|report|record|"
                        r"relat|bas|weight|combin|associat|need|includ|exclud|us|own)ed\b)[a-z]{3,}ed\b")


def _counts_a_subset(q: Query, table_ev: Evidence) -> bool:
    """Is the row looked up named with a past participle the question does not say, so that it counts only some
    of what is asked ('how many young carers are there?' of 'Young carers assessed')?"""
    if table_ev.state.get("op") != "lookup" or not table_ev.state.get("rows"):
        return False
    asked = {stem(w) for w in content_words(q.text)}
    return any(stem(m.group(0).lower()) not in asked for m in _SELECTING.finditer(str(table_ev.state["rows"][0])))


def _renumbered(text: str, shift: int) -> str:
    """A part's answer with its citation marks moved past the citations of the parts before it."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", text)


def _holds(q: Query, text: str) -> bool:
    """Does an answer hold the kind of thing the question wants (days for 'which days', a sum of money...)?"""
    return bool(q.wants) and (_has_wanted_number(q, text) if q.wants in ("money", "percent", "count")
                              else holds_wanted(q.wants or "", text, q.text))


# a figure stated as a movement: 'increased by $19.1 million', 'down 3%', 'a decrease of $9.5 million'
_CHANGE_FIGURE = re.compile(
    r"(?i)\b(?:(?:increas|decreas|declin|reduc|improv|grow|grew|rose|ris|fell|fall|drop|climb)\w*|up|down)\s+"
    r"(?:by\s+)?(?:approximately\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+)?[£$€]?\s?\(?[\d][\d,.]*\)?\s*"
    r"(?:%|percent|per cent|million|billion|thousand|bn|m|k)?\b(?:,?\s*or\s+[\d][\d,.]*\s*%)?|"
    r"\b(?:an?|the)\s+(?:\w+\s+)?(?:increase|decrease|reduction|rise|decline|growth|fall|drop)\s+"
    r"(?:in\s+(?:[\w'’-]+\s+){1,6}?)?of\s+"
    r"(?:approximately\s+|about\s+)?[£$€]?\s?\(?[\d][\d,.]*\)?\s*(?:%|percent|per cent|million|billion|thousand|bn|m|k)?\b")


_MOVEMENT_WORD = re.compile(r"(?i)\b(increas|decreas|declin|reduc|grow|grew|rose|rise|ris|fell|fall|drop|chang|differ|"
                            r"mov|improv|gain|lost|loss of)\w*")


def _asks_movement(q: Query) -> bool:
    """Does the question ask by how much something moved (a change, a rise, a fall), not what it was?"""
    return bool({"change", "percent_change"} & {q.operation, *q.intents}) or bool(_MOVEMENT_WORD.search(q.text))


def _figures_in(text: str) -> list[Any]:
    """The numbers a text states, years aside (the '26' of '2025/26' too)."""
    return [n for n in find_numbers(text) if not re.fullmatch(r"(19|20)\d{2}", n.raw)
            and not re.search(r"(?:19|20)\d{2}\s?[/–-]\s?$", text[:n.start])]


_AGE = re.compile(r"(?i)\b(?:aged?|ages)\s+(?:of\s+)?(?:over\s+|under\s+)?\d{1,3}\b(?:\s*(?:\+|(?:and|or)\s+"
                  r"(?:over|above|older|under|younger)\b|(?:to|-)\s*\d{1,3}\b))?")


def _states_only_movement(text: str) -> bool:
    """Are the figures a sentence states all movements ('increased by $19.1 million'), none a level?"""
    clean = re.sub(r"\[\d+\]|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)", " ", text)
    clean = _AGE.sub(" ", clean)  # (who is counted, 'people aged 65 and over', is no level)
    return bool(_figures_in(clean)) and not _figures_in(_CHANGE_FIGURE.sub(" ", clean))


def _has_wanted_number(q: Query, text: str) -> bool:
    """Does the text hold the kind of number asked for (not a year, a citation mark or a section number)?"""
    clean = without_labels(text)
    if not _asks_movement(q):
        # asked what something was, not by how much it moved: 'increased by $19.1 million' is not the figure
        clean = _CHANGE_FIGURE.sub(" ", clean)
    nums = _figures_in(clean)
    if q.wants == "money":
        return any(n.kind == "money" for n in nums)
    if q.wants == "percent":  # (or a rate per head of population: 'admissions per 100,000' is the rate asked)
        return any(n.kind == "percent" for n in nums) or bool(PER_HEAD.search(clean)) and any(
            n.kind == "number" for n in nums if not PER_HEAD.match(clean, max(n.start - 4, 0)))
    if q.wants == "count":  # in figures, or in words before what is counted ('sets up six teams'), or none of it
        return any(n.kind == "number" for n in nums) or C.states_count(q.counted, clean, cell=False) or \
            bool(NONE_COUNTED.search(clean))
    return bool(nums)


# --------------------------------------------------------------------------- follow-ups

_FOLLOW = re.compile(r"(?i)^(and|what about|how about|same for|and for|and in|and the|what of|then)\b|"
                     r"\b(the year before|the previous year|the year after|the next year|last year|that year|"
                     r"the same|instead)\b")


# a turn that points back to what the turn before was about: 'how often is it reviewed?', 'who leads them?', 'what
# was its budget in 2018?' ('this' and 'that' mostly name something of their own: 'this table', 'that year')
_POINTS_BACK = re.compile(r"(?i)\b(?:it|its|they|them|their)\b")
# The most words of its own (periods aside) a turn that points back names: more, and 'it' is a question's own
# ('how much does it cost to run the falls service?'), asked whole. Of the 47 gold questions (tatqa and the seeds)
# that say 'it', 'its', 'they', 'them' or 'their' and ask whole, none names fewer than 3 (as 'how did the trust grow
# their volunteer network?' names 4); the follow-ups of bench/followup.py that point back name at most 1, a plan's
# 'how often is it reviewed?' 2
POINTS_BACK_TERMS = 2


def points_back(question: str) -> bool:
    """Does a turn point back to what the turn before was about and name little of its own?"""
    if not _POINTS_BACK.search(question):
        return False
    own = [t for t in content_terms(question) if not re.fullmatch(r"(?:19|20)\d{2}(?:-\d{2})?", t)]
    return len(own) <= POINTS_BACK_TERMS


def _about(prev: dict[str, Any]) -> str:
    """What the turn before was about: what it was itself read as being about when it pointed back, else what its
    question names (query.subject_of)."""
    return str(prev.get("about") or subject_of(prev.get("question", "")))


def is_follow_up(question: str) -> bool:
    return bool(_FOLLOW.search(question)) or len(question.split()) <= 4 or points_back(question)


_ASKS_MOVEMENT = re.compile(r"(?i)^(?:and|so|then|what about|how about)?[\s,]*(?:(?:what (?:is|was) |how much (?:is|was) )?"
                            r"(?:the |that )?(?P<pct>percentage |% |per ?cent )?(?:change|difference|increase|"
                            r"decrease|movement|growth)(?: in percentage terms| as a percentage)?(?P<pct2> in %| in "
                            r"percent(?:age)?(?: terms)?)?|(?:by )?(?:how much|(?P<pct3>by )?what percentage) did "
                            r"(?:it|that|this|they) (?:change|rise|grow|fall|drop|increase|decrease|go up|go down)|"
                            r"(?P<pct4>(?:how much|what) (?:is|was) (?:that|it|this) (?:in percentage terms|as a "
                            r"percentage)))"
                            r"(?P<since>\s+(?:on|from|over|since|against|compared (?:with|to))\s+(?:the )?(?:(?:year|"
                            r"period|quarter|month) before|previous (?:year|period|quarter|month)|prior (?:year|period)|"
                            r"last year))?\??$")


def _change_between_turns(question: str, history: Sequence[Any] | None,
                          periods_of: Callable[[str], Sequence[str]] | None = None) -> tuple[str, bool] | None:
    """A follow-up that asks how much something changed ('and the change?', 'so what was the percentage change?',
    'how much did it change on the year before?'), as a question of its own, and whether the turns say which
    two periods (when they do not, the reply says how it was read and gives no answer). None: not such a follow-up.
    - After two questions that read one row in two periods ('What was X in 2019?', 'And in 2018?'): the change
      from the first period asked to the second.
    - After one question that read a row in one period ('What was X in 2019?'): the change from the period
      the row's table gives before it (`periods_of`: a table's column periods), or the one before it when the
      follow-up says 'on the year before'. A table that holds no period before it: which two is not said.
    - After a value whose periods are not a table's columns: the change in what was asked, as asked."""
    m = _ASKS_MOVEMENT.match(question.strip())
    last = _previous(history)
    if m is None or not last or m.group("pct4") and not m.group("since"):
        return None  # ('how much is that in percentage terms?' of one value: a share of what is not said)
    pct = "percentage " if (m.group("pct") or m.group("pct2") or m.group("pct3") or m.group("pct4")
                            or "percent" in question.lower()) else ""
    base = last.get("question", "")
    asks = _ASKS_VALUE.match(base)
    p2 = periods_in(base)[0]
    before = _previous(history[:-1]) if history and len(history) >= 2 else None
    p1: list[str] = []
    if not m.group("since") and before and last.get("rows") and (
            last.get("rows") == before.get("rows") and last.get("table_id") == before.get("table_id")
            or _but_period(before, last)):
        p1 = periods_in(before.get("question", ""))[0]
    columns = periods_of(last["table_id"]) if periods_of is not None and last.get("table_id") else []
    if (not p1 or p1[0] == p2[0]) and len(p2) == 1 and columns:
        earlier = _period_before(p2[0], columns)
        p1 = [earlier] if earlier else []
    if not p1 and len(p2) == 1 and m.group("since"):  # 'on the year before', whatever the table's columns
        p1 = [shift_fy(p2[0], -1)] if re.fullmatch(r"\d{4}(?:-\d{2})?", p2[0]) else []  # (a year or a financial year)
    # the last question with its period made the span and its value made the change ('How much was the carers'
    # grant in 2024-25?' -> 'What was the change in carers' grant from 2023-24 to 2024-25?'), so that what it
    # named stays named; else of the row both answers read
    spellings = _fy_spellings(p2[0]) if p2 and re.fullmatch(r"\d{4}-\d{2}", p2[0]) else p2[:1]
    said = next((x for x in spellings if re.search(rf"(?<![\d/-]){re.escape(x)}(?![\d/-])", base)), None)

    def spanned(span: str) -> str | None:
        if asks is None or said is None or len(p2) != 1:
            return None
        rest = re.sub(rf"(?i)\b(?:in|for|during|of|at)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:year\s+)?"
                      rf"{re.escape(said)}(?![\d/-])", span, base[asks.end():], count=1)
        return f"What was the {pct}change in {rest}" if rest != base[asks.end():] else None

    if not p1 or not p2 or p1[0] == p2[0]:
        if asks is None or len(p2) > 1:
            return None
        if len(p2) == 1 and p2[0] in columns:  # the first period the table holds: from which one is not said
            return spanned(f"from the period before {p2[0]}") or f"What was the {pct}change in {p2[0]}?", False
        return f"What was the {pct}change in {base[asks.end():]}", True
    first, then = sorted((p1[0], p2[0]), key=lambda p: period_key(p) or (0, 0))  # from the earlier to the later
    full = spanned(f"from {first} to {then}")
    if full is not None:
        return full, True
    if not last.get("rows"):
        return None
    return f"What was the {pct}change in {last['rows'][0]} from {first} to {then}?", True


def _but_period(before: dict[str, Any], last: dict[str, Any]) -> bool:
    """Whether two turns asked the same question of two periods ('What was X in 2018?', then 'And in 2019?' read
    as 'What was X in 2019?'), whatever rows answered them (a table whose rows are the periods: 'Balance at 31
    March 2018')."""
    words = lambda t: [w.lower() for w in re.findall(r"[\w'’&/-]+", t) if not re.search(r"\d", w)]  # noqa: E731
    a, b = before.get("question", ""), last.get("question", "")
    return bool(periods_in(a)[0]) and bool(periods_in(b)[0]) and words(a) == words(b)


def _period_before(period: str, periods: Sequence[str]) -> str | None:
    """The latest of a table's periods that comes before `period` and is put the same way (a year before a
    year, a financial year before a financial year): 2018 for 2019 of 2019 / 2018 / 2017. None when there is none."""
    key, shape = period_key(period), re.sub(r"\d", "9", period)
    earlier = [p for p in periods if re.sub(r"\d", "9", p) == shape and (period_key(p) or key) < key] if key else []
    return max(earlier, key=lambda p: period_key(p) or (0, 0), default=None)


def _previous(history: Sequence[Any] | None) -> dict[str, Any] | None:
    """The last turn of a history given as Answers, dicts ({"question", "state"?}) or strings."""
    if not history:
        return None
    last = history[-1]
    if isinstance(last, Answer):
        return {"question": last.state.get("question", last.question), **last.state}
    if isinstance(last, dict):
        st = dict(last.get("state") or {})
        st.setdefault("question", last.get("question", ""))
        return st
    return {"question": str(last)}


def condense(question: str, prev: dict[str, Any]) -> str:
    """Rewrite a follow-up as a full question from the previous one."""
    base = prev.get("question", "")
    q = re.sub(r"(?i)^(and|what about|how about|same for|and for|and in|what of|then)\s+(?:(?:for|in|at)\b)?\s*", "",
               question).strip(" ?")
    switched = _operation_switched(base, q) or _extreme_switched(base, q)
    if switched is not None:
        return switched
    shift = 0
    if re.search(r"(?i)\b(the year before|the previous year|last year)\b", question):
        shift = -1
    elif re.search(r"(?i)\b(the year after|the next year)\b", question):
        shift = 1
    if shift:
        periods, _ = periods_in(base)
        fys = [p for p in periods if re.fullmatch(r"\d{4}-\d{2}", p)]
        if fys:
            old = fys[0]
            new = shift_fy(old, shift)
            for pattern in _fy_spellings(old):
                base = re.sub(re.escape(pattern), new, base)
            return base
        years = [p for p in periods if re.fullmatch(r"\d{4}", p)]
        if years:
            return base.replace(years[0], str(int(years[0]) + shift))
        return base
    within = _part_of_year_switched(base, q)
    if within is not None:
        return within
    if points_back(question):
        # 'how often is it reviewed?' -> 'how often is the Community Falls Panel reviewed?'; a possessive ('what are its
        # members?') is asked with what the turn before was about after it
        about, said = _about(prev), question.strip().rstrip(" ?")
        m = re.search(r"(?i)\b(?:it|they|them)\b", said)
        return f"{said[:m.start()]}the {about}{said[m.end():]}?" if m else f"{said} ({about})?"
    if _WHOLE_QUESTION.match(q) and not periods_in(q)[0]:
        # 'What is the target?', 'Who leads?': a short question of its own about the same thing, not a new name for it
        return f"{q} ({_about(prev)})?"
    new_periods, _ = periods_in(q)
    if new_periods and len(q.split()) <= 3:  # 'and in 2020?', 'and for 2018/19?': a new period
        old_periods, _ = periods_in(base)
        if old_periods:
            old = old_periods[0]
            spellings = _fy_spellings(old) if re.fullmatch(r"\d{4}-\d{2}", old) else [old]
            for pattern in spellings:
                if pattern in base:
                    return base.replace(pattern, q.strip(), 1)
    # a new subject: it takes the place of the words the previous question named the previous answer's row by
    # ('Same for rent received?' after 'How much was received in grants in 2024?', answered from 'Grants
    # received'), else of the question's first name, else it is added
    rows = prev.get("rows") or []
    # 'and income?' after 'interest expense': the row of the same table that differs from the row asked about
    # by the follow-up's words, named whole ('Interest income')
    q = next((s for s in (_sibling(old, q, prev.get("labels", ())) for old in rows) if s is not None), q)
    for old in rows:
        if old and old.lower() in base.lower():
            return re.sub(re.escape(old), q, base, flags=re.I)
    for a, b in _row_spans(base, rows):
        return f"{base[:a]}{q}{base[b:]}"
    entities = [w for w in re.findall(r"\b[A-Z][A-Za-z&'\-]+(?:\s+[A-Z][A-Za-z&'\-]+)*", base)[1:]]
    for e in entities:
        if len(e) > 3:
            return base.replace(e, q, 1)
    return f"{base.rstrip(' ?')} {q}?"


# a follow-up that is a question of its own ('what is the target', 'who leads', 'when does it end'), however short
_WHOLE_QUESTION = re.compile(r"(?i)^(?:what|which|who|whom|when|where|why|how)(?:['’]s)?\s+\w+")
# A follow-up that asks another operation of the same figures says nothing else ('and the percentage change?',
# 'what about in percentage terms?', 'and the average?'): these words only
_OPERATION_WORDS = frozenset("the a an as in on of percentage percent per cent % terms average mean total sum "
                             "absolute change".split())
_CHANGE_WORD = re.compile(r"(?i)\b(?:change|increase|decrease|growth|movement|difference)\b")
_PERCENT_WORD = re.compile(r"(?i)\b(?:percentage|per ?cent|%)\s*")
_VALUES_OP = re.compile(r"(?i)\b(?:respective|average|mean|total|sum of(?: the)?)\b")
_HOW_MUCH_MOVED = re.compile(r"(?i)^(?:by )?how much (?=(?:did|does|do|has|have|had|will|would) .*\b(?:rise|grow|fall|"
                             r"drop|increase|decrease|decline|change|go (?:up|down)|went (?:up|down))\b)")
_ASKS_VALUE = re.compile(r"(?i)^(?:what|how much) (?:is|was|are|were) (?:the )?")


def _operation_switched(base: str, said: str) -> str | None:
    """The previous question asked again with the operation a follow-up names: a change as a percentage ('and
    as a percentage?', 'what about in percentage terms?'), a percentage change as an amount ('and in absolute
    terms?'), values as their average or total ('and the average?'). None when the follow-up names anything
    else, or the previous question has no figure that operation applies to."""
    words = said.lower().replace("%", " % ").split()
    if not words or not set(words) <= _OPERATION_WORDS:
        return None
    change = _CHANGE_WORD.search(base)
    if {"percentage", "percent", "%", "cent"} & set(words):
        moved = _HOW_MUCH_MOVED.match(base)
        if change is None and moved is not None:  # 'by how much did X rise?': 'by what percentage did X rise?'
            return f"By what percentage {base[moved.end():]}"
        if change is None or _PERCENT_WORD.search(base[:change.start()][-12:]):
            return None  # nothing to put as a percentage, or it is one already
        return f"{base[:change.start()]}percentage {base[change.start():]}"
    if "absolute" in words:
        return _PERCENT_WORD.sub("", base, count=1) if change is not None and _PERCENT_WORD.search(base) else None
    op = next((w for w in ("average", "mean", "total", "sum") if w in words), None)
    if op is None or change is not None:
        return None  # ('and the change?' of a value: which two figures is not said)
    named = _VALUES_OP.search(base)
    if named is not None:
        return f"{base[:named.start()]}{op}{base[named.end():]}".replace(f"{op} the ", f"{op} ", 1)
    asks = _ASKS_VALUE.match(base)
    return f"{asks.group(0)}{'' if asks.group(0).endswith('the ') else 'the '}{op} {base[asks.end():]}" if asks else None


_SUPERLATIVE = r"(?:largest|biggest|highest|greatest|smallest|lowest|least|most|fewest|best|worst)"
# a follow-up that asks another extreme ('and the smallest?', 'what about the largest underspend?'), and the
# extreme a question asks with the words after it that say of what, up to a preposition ('the largest forecast
# overspend' of '... has the largest forecast overspend in 2026/27?')
_EXTREME_FOLLOW = re.compile(rf"(?i)^(?:the\s+)?(?P<word>{_SUPERLATIVE})(?P<rest>(?:\s+[\w'-]+){{0,4}})$")
_EXTREME_ASKED = re.compile(rf"(?i)\b(?P<word>{_SUPERLATIVE})(?P<rest>(?:\s+(?!(?:in|for|of|between|from|during|at|by|"
                            rf"on|to|and|than|over|across|among)\b)[\w'-]+){{0,4}})")


def _extreme_switched(base: str, said: str) -> str | None:
    """The previous question with its extreme replaced by the one a follow-up asks: the word alone ('and the
    smallest?' after 'which scheme has the largest budget in 2019?'), or the word with what it is of ('and the
    largest underspend?' after 'which service has the largest forecast overspend?'). None when the follow-up
    asks something else, or the previous question no extreme."""
    f, b = _EXTREME_FOLLOW.match(said.strip()), _EXTREME_ASKED.search(base)
    if f is None or b is None:
        return None
    if not f.group("rest").strip():
        return f"{base[:b.start('word')]}{f.group('word')}{base[b.end('word'):]}"
    return f"{base[:b.start()]}{f.group('word')}{f.group('rest')}{base[b.end():]}"


_QUARTER = re.compile(r"(?i)\bQ([1-4])\b|\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _part_of_year_switched(base: str, said: str) -> str | None:
    """The previous question with its quarter or month replaced by the one a follow-up names alone ('and
    Q2?' after 'in Q1 2017/18', 'what about the third quarter?', 'and in April?' after 'in March 2018'): the
    year stays. Put as the previous question put it ('Q3' / 'third quarter'). None when the follow-up names
    a year too, or the previous question has no quarter or month."""
    if re.search(r"\b(?:19|20)\d\d\b", said) or len(said.split()) > 3:
        return None
    new_q, old_q = _QUARTER.search(said), _QUARTER.search(base)
    if new_q is not None and old_q is not None:
        n = int(new_q.group(1) or _ORDINALS[new_q.group(2).lower()])
        put = f"Q{n}" if old_q.group(1) else f"{next(k for k, v in _ORDINALS.items() if v == n)} quarter"
        return f"{base[:old_q.start()]}{put}{base[old_q.end():]}"
    new_m, old_m = MONTH.search(said), MONTH.search(base)
    if new_m is not None and old_m is not None and said.strip().lower() == new_m.group(0).lower():
        return f"{base[:old_m.start()]}{new_m.group(0)}{base[old_m.end():]}"
    return None


def _sibling(row: str, said: str, labels: Sequence[str]) -> str | None:
    """The one other row label that is this row's with some words replaced by the words said ('Interest
    income' for 'income' beside 'Interest expense'; 'Diluted earnings per share' for 'diluted' beside 'Basic
    earnings per share'), keeping one of its words at least."""
    stems = lambda text: {stem(w) for w in content_words(text)}  # noqa: E731
    new, had = stems(said), stems(row)
    if not new:
        return None
    found = [lab for lab in labels if lab != row and new <= stems(lab) <= new | had and stems(lab) & had]
    return found[0] if len(found) == 1 else None


# words that say what is asked of a row rather than name it ('the change in', 'the average'): never taken as
# the words that name the row a follow-up replaces
_ASKED_OF = QUESTION_WORDS | frozenset("which or with during as ratio value year years fiscal quarter period".split())


def _row_spans(question: str, rows: Sequence[str]) -> list[tuple[int, int]]:
    """Where a question says a row's label in words of its own ('received in grants' for 'Grants received',
    'Level 1 assets' for 'Assets: Level 1'): from the first to the last of its words that the label
    holds, when they are at least half the label's words."""
    toks = list(re.finditer(r"[\w'’&./-]+", question))
    out = []
    for label in rows:
        said = {stem(w) for w in content_words(label)}
        hits = [i for i, m in enumerate(toks) if m.group().lower() not in _ASKED_OF
                and stem(m.group().lower()) in said]
        if hits and len({stem(toks[i].group().lower()) for i in hits}) * 2 >= len(said):
            out.append((toks[hits[0]].start(), toks[hits[-1]].end()))
    return out


def _fy_spellings(label: str) -> list[str]:
    a = int(label[:4])
    b = label[5:7]
    return [f"{a}-{b}", f"{a}/{b}", f"{a % 100:02d}/{b}", f"{a}–{b}", f"{a % 100:02d}-{b}"]


# --------------------------------------------------------------------------- text helpers


