"""The default answerer (no generative model): understand, find, compute, select, cite, or abstain.

1. Understand the question (query.py): what is asked, periods, the documents it is about.
2. Retrieve passages (hybrid) within those documents.
3. Tables: find the table, rows and columns the question names and run the figure engine (tableqa.py).
4. Prose (prose.py): score the sentences of the retrieved passages against the question and keep the best
   one per part of the question (list questions keep the list items under the best lead-in).
5. Decide which evidence answers, or abstain when none contains what is asked; every sentence of the
   reply is cited, every number comes from a cited line or a computed figure.
6. Follow-ups reuse the previous turn's question, table and entities ("and for Chiltern?").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from . import confidence as C
from . import figures as F
from .evidence import Evidence, Sentence, coverage, doc_margin, full_sentence
from .figures import column_name
from .index import Index
from .prose import ProseReader, holds_wanted
from .query import (
    MIN_OPERATION_PROBABILITY,
    Query,
    content_terms,
    periods_in,
    plain_question,
    question_parts,
    scoping_names,
    understand,
)
from .retrieve import HybridRetriever, Retriever
from .settings import Settings
from .tableqa import Matcher, TableAnswer, TableQA, column_period
from .text import shorten
from .types import Answer, Citation, Figure, Passage, Row, Table
from .values import find_numbers, shift_fy

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




# 'in which years was X calculated / accounted for / recorded?': the periods one row has figures for
_ROW_PERIODS = re.compile(r"(?i)\bin which (?:fiscal |financial )?(?:years?|periods?)\s+(?:was|were|is|are|did|does|do|has|"
                          r"have)\b.*\b(?:calculated|accounted|recorded|reported|given|shown|provided|disclosed|presented|"
                          r"recogni[sz]ed|measured|paid|made|included|incurred)\b")
_ASKS_PERIODS = re.compile(r"(?i)\b(which|what)\s+(?:(?:are|were|is)\s+the\s+)?(fiscal\s+|financial\s+)?(years?|periods?|"
                           r"dates?)\b.*\b(tables?|shown|included|provided?|presented|covered|recorded|reported|listed|given|"
                           r"disclosed)\b|" + _ROW_PERIODS.pattern.removeprefix("(?i)"))
# words of a question about which periods a table covers that say what is asked, not what it is about
_PERIOD_QUESTION_WORDS = frozenset({"year", "period", "date", "tabl", "provid", "inform", "includ", "shown", "present",
                                    "cover", "record", "report", "list", "given", "give", "disclos", "calcul",
                                    "account", "fiscal", "financi", "figur", "data", "number", "valu", "show"})


# 'what are the components / types / segments of X', 'what makes up X': the rows of a table that X is made of
_ASKS_ROWS = re.compile(r"(?i)^(what|which)\b.*\b(components?|constituents?|parts?|types?|kinds?|categories|segments?|"
                        r"elements?|items?|sources?|classes)\b|^(what|which)\b.*\b(mak(e|es|ing) up|made up of|"
                        r"compris(e|es|ing)|consist(s|ing)? of|factored in(to)?|broken down into)\b")
# 'how many types of X are there?', 'how many components make up X?' (a count of the rows X is made of; not one
# under a condition, 'how many items exceeded 50', which the table answer counts)
_COUNTS_ROWS = re.compile(r"(?i)^how many\b(?!.*\b(?:exceed\w*|more than|less than|above|below|over|under|greater than|"
                          r"lower than|higher than|fewer than)\b).*\b(?:types?|kinds?|categories|components?|constituents?|"
                          r"elements?|sources?|classes|items?)\b")
_ROW_QUESTION_WORDS = frozenset({"compon", "constitu", "part", "type", "kind", "categori", "segment", "element", "item",
                                 "sourc", "class", "make", "made", "compris", "consist", "factor", "broken", "tabl",
                                 "includ", "shown", "present", "total"})


def _row_word_names_row(asked: str, table_ev: Any) -> bool:
    """Is the word that would ask for a table's rows ('parts', 'items', 'segments') part of the name of the row
    the question is answered from ('Purchased parts and assemblies', 'Marketing related items')? Then it
    names that row."""
    m = _ASKS_ROWS.search(asked)
    if m is None or table_ev is None or table_ev.kind != "table" or not m.group(2):
        return False
    word = content_terms(m.group(2))
    labels = " ".join(table_ev.state.get("rows") or [])
    return bool(word) and word[0] in content_terms(labels)


# 'what does the table show?', 'what does table 2 represent?', 'what is the topic of this note?': what a table
# is about, read from its caption (the sentence that introduces it) and the heading it sits under
_ASKS_TOPIC = re.compile(r"(?i)^what\b.*\b(?:does|do|is)\s+(?:the|this|that)\s+(?:following\s+)?(?:table|note|schedule)"
                         r"(?:\s+\d+[a-z]?)?\s+(?:show|represent|present|detail|describe|set out|cover|provide|illustrate|"
                         r"summari[sz]e|about)s?\b|^what\b.*\b(?:does|do)\s+table\s+\d+[a-z]?\s+\w+|"
                         r"\b(?:topic|subject)\s+of\s+(?:the|this|that)\s+(?:table|note)\b")
_TOPIC_QUESTION_WORDS = frozenset({"tabl", "show", "repres", "present", "detail", "describ", "set", "cover", "provid",
                                   "illustr", "summar", "summari", "topic", "subject", "note", "schedul", "follow"})






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
        if asked is None:
            asked = condense(question, prev) if follow and prev is not None else question
        scope = tuple(docs or ()) or (tuple(prev.get("docs", ())) if follow and prev else ())
        asked = self._without_reporter(self.acronyms_written(plain_question(asked)), scope)
        # names that occur (almost) only in one document make it the likely one: a preference, not a filter
        named = scoping_names(asked, self.name_docs())
        prefer = () if scope else tuple(dict.fromkeys(doc for _, doc in named))
        q = understand(asked, self.index.acronyms, scope)
        if named:  # a place that names a plan is explained by any passage of that plan
            q = replace(q, named_docs=tuple((t, doc) for name, doc in named for t in content_terms(name)))
        candidates = self._candidates(q, prefer)
        table_ev = self._from_tables(q, candidates, prev.get("table_id") if follow and prev else None, prefer)
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
        if _ASKS_TOPIC.search(asked):  # 'what does the table show?'
            topic = self._topic_of_table(q, asked)
            if topic is not None and (table_ev is None or topic.coverage >= table_ev.coverage - 0.1):
                table_ev = topic
        if _ASKS_PERIODS.search(asked):  # 'what periods does this table cover?'
            covered = self._periods_of_table(q, table_ev)
            if covered is not None and (table_ev is None or covered.coverage >= table_ev.coverage - 0.1):
                table_ev = covered
        if _ASKS_ROWS.search(asked) and not set(q.intents) & {"share", "ratio", "percent_change", "change", "average",
                                                              "count", "max", "min"} and not _row_word_names_row(asked, table_ev):
            # 'what makes up the carers budget?' (not 'what were purchased parts in 2019?', a row's name; nor
            # 'which component of X was the largest?', one of them)
            members = self._rows_of_table(q)
            if members is not None and (table_ev is None or members.coverage >= table_ev.coverage - 0.1):
                table_ev = members
        if _COUNTS_ROWS.search(asked):  # 'how many kinds of grant are there?': the rows they are, counted
            counted = self._rows_of_table(q, count=True)
            if counted is not None and (table_ev is None or counted.coverage >= table_ev.coverage - 0.1):
                table_ev = counted
        if "sum" in q.intents:  # 'how many in total' over a bulleted list of quantities
            listed = self.prose.list_sum(q, candidates)
            if listed is not None and (table_ev is None or listed.coverage > table_ev.coverage):
                table_ev = listed
        prose_ev = self.prose.answer(q, candidates)
        if _MADE_UP.search(asked):  # 'how is the £250k budget made up?': the parts that add up to it
            parts = self.prose.made_up(q, candidates)
            if parts is not None and (prose_ev is None or parts.coverage >= prose_ev.coverage - 0.1):
                prose_ev = parts
        return Work(question, asked, q, candidates, table_ev, prose_ev, scope)

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
        if chosen is None:
            return self._abstain(w.question, w.q, w.candidates, w.table_ev, w.prose_ev)
        if conf is not None and conf < (self.floor if floor is None else floor):
            return self._abstain(w.question, w.q, w.candidates, w.table_ev, w.prose_ev, unsure=chosen, confidence=conf)
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
        text, citations, figures = "", [], []
        for a in given:
            body = a.text
            label = a.state.get("plan_title")
            if text and label and body.startswith(f"{label}: ") and label == given[0].state.get("plan_title"):
                body = body[len(label) + 2:]  # one label for the plan is enough
                a_cites = a.citations[len(self._title_citations(a.citations[-1].doc)):]
            else:
                a_cites = a.citations
            shift = len(citations)
            body = re.sub(r"\[(\d+)\]", lambda m, k=shift: f"[{int(m.group(1)) + k}]", body)
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
        return not wants or holds_wanted(wants, ev.text)

    def _given(self, w: Work, chosen: Evidence, conf: float | None, feats: dict[str, float] | None = None) -> Answer:
        """The reply that gives an answer: its text labelled with the plan it is from, its citations."""
        state = {"question": w.asked, "docs": list(w.scope), **chosen.state, "confidence": conf, "features": feats}
        text, citations = chosen.text, list(chosen.citations)
        title = self._plan_title(chosen)
        if title is not None:
            text, citations = f"{title}: {text}", [*self._title_citations(citations[0].doc), *citations]
            state["plan_title"] = title  # the label, for the eval to set aside
        return Answer(w.question, text, citations, chosen.figures, True, self.mode,
                      notes=[] if w.asked == w.question else [f"read as: {w.asked}"], index_hash=self.index.hash,
                      state=state)

    def _plan_title(self, ev: Evidence) -> str | None:
        """The title an answer from one document of several is labelled with (its title lines are cited), so
        that a figure is never read as another plan's; None when the answer needs no label."""
        docs = {c.doc for c in ev.citations}
        if len(docs) != 1 or len(self.index.docs) < 2 or ev.text.startswith("The plans answer this differently"):
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

    def tqa_lookup(self, t: Table, row: Row, col: int) -> Figure:
        from .figures import lookup

        return lookup(t, row, col)

    def table_heading(self, table_id: str) -> str:
        return " ".join(next((p.heading for p in self.index.passages_for_table(table_id)), ()))

    def _from_tables(self, q: Query, candidates: list[tuple[Passage, float]], prefer: str | None,
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
        ev = self._table_evidence(q, best)
        ev.state["beaten"] = [_describe_table_answer(a) for a in answers[1:4]]  # for --explain
        rivals = [(a.table.doc, a.score) for a in answers[1:]]
        ev.state["doc_margin"] = doc_margin(best.score, rivals, {best.table.doc})
        if q.docs or prefer_docs or prefer or not alternatives:
            return ev
        # a question that names no plan, answered as well by another plan's table: give each plan's answer
        # rather than pick one silently (two plans covering the same years disagree on their totals)
        others: dict[str, TableAnswer] = {}
        for a in answers[1:]:
            if (a.table.doc != best.table.doc and a.table.doc not in others and a.op == best.op
                    and a.op != "empty" and a.coverage >= best.coverage - 1e-9 and a.score >= best.score - 0.3):
                others[a.table.doc] = a
        if not others:
            return ev
        parts = [(best, ev), *((a, self._table_evidence(q, a)) for a in list(others.values())[:2])]
        text = "The plans answer this differently. " + " ".join(
            f"{self.index.title(a.table.doc)}: {e.text}" for a, e in parts)
        cites = [c for a, e in parts for c in [*self._title_citations(a.table.doc), *e.citations]]
        state = {**ev.state, "doc_margin": doc_margin(best.score, rivals, {a.table.doc for a, _ in parts})}
        return Evidence(text, cites, [f for _, e in parts for f in e.figures], ev.score, ev.coverage, ev.kind,
                        state)

    def _table_asked_about(self, q: Query) -> tuple[Table, str] | None:
        """The table a question about a table as a whole ('which years does it cover', 'what are its
        components') is about: the one its words match best (the only one in scope, else), with its heading."""
        in_scope = [t for t in self.index.tables() if not q.docs or t.doc in q.docs]
        headings = {t.id: self.table_heading(t.id) for t in in_scope}
        ranked = self.tqa.rank_tables(q, in_scope, headings, n=1) or (in_scope[:1] if len(in_scope) == 1 else [])
        return (ranked[0], headings.get(ranked[0].id, "")) if ranked else None

    def _topic_of_table(self, q: Query, asked: str) -> Evidence | None:
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
            found = self._table_asked_about(q)
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
        cites = self._cite_rows(t, [], with_header=bool(not caption))
        if heading and heading.lower() not in caption.lower():  # the heading's line is cited too
            top = t.caption_line if t.caption_line is not None else (t.header_lines or [1])[0]
            line = next((ln for ln in reversed(self.index.lines(t.doc, t.page, max(1, top - 60), top))
                         if ln.text.strip() == heading), None)
            if line is not None:
                cites.insert(0, Citation(t.id, t.doc, line.page, line.no, line.no, line.text.strip()))
        return Evidence(text, cites, [], cov, cov, "table", {"table_id": t.id, "op": "describe", "rows": [],
                                                               "cols": [], "periods": list(q.periods)})

    def _periods_of_table(self, q: Query, looked_up: Evidence | None = None) -> Evidence | None:
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
            found = self._table_asked_about(q)
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
        cites = self._cite_rows(t, [], with_header=False)
        for h in t.header_lines:
            text = self._line_text(t.doc, t.page, h)
            if text.strip():
                cites.append(Citation(t.id, t.doc, t.page, h, h, text))
        text = f"The table{where} gives figures for {', '.join(years[:-1])} and {years[-1]}."
        return Evidence(text, cites, [], cov, cov, "table", {"table_id": t.id, "op": "list_periods", "rows": [],
                                                               "cols": [], "periods": list(q.periods)})

    def _rows_of_table(self, q: Query, count: bool = False) -> Evidence | None:
        """The rows a table's total (or group) named by the question is made of ('the components of total
        grant income': the rows its totals row closes), else every body row of the table the question is
        about ('the kinds of fee in the table'). The rows are cited."""
        found = self._table_asked_about(q)
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
        cites = self._cite_rows(t, members + ([closing] if closing is not None else []))
        if closing is None and t.caption_line is not None:  # the name is the caption's: it is cited too
            end, quote = self._caption_quote(t)
            cites.append(Citation(t.id, t.doc, t.page, t.caption_line, end, quote))
        return Evidence(text, cites, figures, cov, cov, "table", {"table_id": t.id, "op": "count" if count else "list",
                                                                  "rows": [r.label for r in members[:1]],
                                                               "cols": [], "periods": list(q.periods)})

    def _title_citations(self, doc: str) -> list[Citation]:
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

    def _cite_rows(self, t: Table, rows: Sequence[Row], with_header: bool = True) -> list[Citation]:
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

    def _table_evidence(self, q: Query, ta: TableAnswer) -> Evidence:
        t = ta.table
        state = {"table_id": t.id, "rows": [r.label for r in ta.rows[:1]], "cols": ta.cols, "op": ta.op,
                 "periods": list(q.periods), "row_cov": ta.row_cov, "row_margin": ta.row_margin,
                 "operands_named": ta.operands_named}
        where = f" ({shorten(t.caption, 12)})" if t.caption and t.caption_line is not None else ""
        note = next((r for r in t.rows if r.role == "note"), None)
        if note is not None:  # the table's own title row says what it is about better than the text above it
            where = f" ({shorten(note.path(), 12)})"
        if ta.op == "empty":
            row = ta.rows[0]
            cols = ", ".join(column_name(t, c) for c in ta.cols)
            others = [c for c in row.cells[t.label_cols:] if c.kind != "empty"]
            also = ""
            if others:
                also = " It gives only " + "; ".join(f"{column_name(t, c.col)}: {c.raw}" for c in others[:3]) + "."
            text = f"The table{where} has no value for {row.path()} under {cols}.{also}"
            return Evidence(text, self._cite_rows(t, [row]), [], -1.0, ta.coverage, "table-empty", state)
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
                    parts.append(f"{t.columns[c]}: {cell.raw}" if c < len(t.columns) and t.columns[c] else cell.raw)
                said.append(f"{r.path()} — " + "; ".join(parts))
            text = " | ".join(said) + f"{where}."
            cells = [c for c in ta.cols if row.cells[c].kind != "empty"]
            if len(cells) == 1 and len(ta.rows) == 1:
                context = [t.caption, self.table_heading(t.id), self.index.title(t.doc)]
                text = _lookup_sentence(t, row, cells[0], where, context, q.periods) or text
            return Evidence(text, self._cite_rows(t, ta.rows), ta.figures, ta.score, ta.coverage, "table", state)
        fig = ta.figures[0]
        if ta.op == "share":
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
            text = (f"{subject} goes from {a.raw} ({a.column if len(ta.rows) == 1 else a.row}) to {b.raw} "
                    f"({b.column if len(ta.rows) == 1 else b.row}): {' / '.join(bits)}{where}. "
                    + " ".join(f"{f.formula}." for f in ta.figures))
        elif ta.op == "sum" and len(ta.rows) == 1 and len(ta.cols) > 1:  # one row added up over the periods asked
            text = f"{fig.description[0].upper()}{fig.description[1:]}: {fig.text}{where}. {fig.formula}."
        elif ta.op == "sum":
            text = (f"{'; '.join(r.label for r in ta.rows)} add up to {fig.text} "
                    f"({column_name(t, ta.cols[0])}){where}: {fig.formula}.")
            stated = [r for r in t.rows if r.role == "total" and r.cells[ta.cols[0]].value is not None]
            if stated and stated[-1].cells[ta.cols[0]].value != fig.value and len(ta.rows) > 2 and not ta.ranked:
                text += f" The table's own total row says {stated[-1].cells[ta.cols[0]].raw}."
                ta.rows = [*ta.rows, stated[-1]]
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
            others = "; ".join(f"{f.cells[0].column}: {f.cells[0].raw}" for f in ta.figures[1:4])
            text = (f"{ta.rows[0].path()} was {word} in {fig.cells[0].column}: {fig.cells[0].raw}{where} "
                    f"(against {others}).")
        elif ta.op == "meets" and ta.note.endswith(" rows"):  # the rows whose figure meets the question's condition
            header = column_name(t, ta.cols[0])
            met_rows = "; ".join(f"{r.path()} ({r.cells[ta.cols[0]].raw})" for r in ta.rows)
            text = f"{fig.text} rows have {header} {ta.note}{where}: {met_rows}."
        elif ta.op == "meets":  # the periods whose figure meets the question's condition
            met = len(ta.cols)
            said = "; ".join(f"{c.column}: {c.raw}" for c in fig.cells[:met])
            others = "; ".join(f"{c.column}: {c.raw}" for c in fig.cells[met:])
            text = (f"{ta.rows[0].path()} was {ta.note} in {said}{where}"
                    + (f" (against {others})." if others else "."))
        elif ta.op in ("max_change", "min_change"):  # the row that moved most (or least) between two periods
            text = (f"{fig.description[0].upper()}{fig.description[1:]}: {fig.text}{where}. {fig.formula}.")
        elif ta.op in ("max", "min"):
            word = "largest" if ta.op == "max" else "smallest"
            text = (f"{ta.rows[0].path()} has the {word} {column_name(t, ta.cols[0])}: {fig.text}{where}. "
                    f"{fig.formula}.")
        elif ta.op == "count" and len(ta.rows) == 1 and len(ta.cols) >= 2:  # columns of one row meeting a condition
            text = f"{fig.text} {ta.note} ({fig.description}){where}: {fig.formula}."
        elif ta.op == "count":
            text = f"{fig.text} ({', '.join(r.label for r in ta.rows)}) {ta.note}: {fig.description}{where}."
        else:
            text = f"{fig.description}: {fig.text}{where}. {fig.formula}."
        cite_rows = ta.rows if ta.op not in ("max", "min") else ta.rows
        return Evidence(text, self._cite_rows(t, cite_rows), ta.figures, ta.score, ta.coverage, "table", state)

    # ------------------------------------------------------------------ prose

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
            ev = self._from_tables(pq, self._candidates(pq), None, alternatives=False)
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
        return self._cite_rows(t, rows, with_header)

    # ------------------------------------------------------------------ abstaining

    def _abstain(self, question: str, q: Query, candidates: list[tuple[Passage, float]],
                 table_ev: Evidence | None, prose_ev: Evidence | None, unsure: Evidence | None = None,
                 confidence: float | None = None) -> Answer:
        if unsure is not None:  # an answer was found but is too likely wrong: its passages are the closest
            text = (f"{NOT_FOUND} directly: the closest passages are below, with the lines that match the "
                    f"question. (An answer from them was too uncertain to give: confidence {confidence:.0%}.)")
            closest = list(unsure.citations[:6])
            for p, _ in candidates[:3]:
                if all((c.doc, c.page, c.line_start) != (p.doc, p.page, p.line_start) for c in closest):
                    lines = self.index.lines(p.doc, p.page, p.line_start, p.line_start)
                    closest.append(Citation(p.id, p.doc, p.page, p.line_start, p.line_start,
                                            lines[0].text if lines else p.text.split("\n")[0]))
            return Answer(question, text, [], [], False, self.mode, closest=closest, index_hash=self.index.hash,
                          state={"confidence": confidence, "unsure": unsure.text})
        closest: list[Citation] = []
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
        words = []
        for part in rest.split(" / "):
            part = " ".join(part.replace("()", " ").split()).strip(" ,:/")
            if part and part.lower() not in (w.lower() for w in words) and not part.isdigit():
                words.append(part)
        measure = f" ({' / '.join(words)})" if words else ""
    else:
        found = _context_period(context, asked)
        if found is None:
            return None
        period, measure = found, (f" ({header.strip()})" if header.strip() else "")
    value = re.sub(r"([£$€])\s+", r"\1", row.cells[col].raw.strip())
    return f"For {period}, {row.path()}{measure} is {value}{where}."


def _context_period(context: Sequence[str], asked: Sequence[str]) -> str | None:
    """The one period the nearest text that names any (a table's caption, then its heading, then its
    document's title) names, when the question names no other; None when it names two."""
    for text in context:
        found = set(periods_in(text or "")[0])
        if found:
            return found.pop() if len(found) == 1 and (not asked or set(asked) & found) else None
    return None


def decide(q: Query, table_ev: Evidence | None, prose_ev: Evidence | None) -> Evidence | None:
    """Which evidence answers the question; None means abstain. A candidate must explain a fitted least
    share of the question (confidence.min_coverage); then each scores its coverage of the question, plus a
    little when it holds the kind of value asked for; the table wins ties."""
    table_ok = table_ev is not None and table_ev.kind == "table" and table_ev.coverage >= C.min_coverage("table")
    prose_ok = prose_ev is not None and prose_ev.coverage >= C.min_coverage("prose")
    # the operation model (fitted on many questions) says the answer is said in words: the kind of number a
    # word of the question suggests ('per share', 'the rate') does not rule a sentence out
    in_words = q.operation == "text" and q.operation_p >= MIN_OPERATION_PROBABILITY
    if prose_ok and prose_ev is not None and q.wants in ("money", "count", "percent") and prose_ev.kind == "prose":
        if not _has_wanted_number(q, prose_ev.text) and not in_words:
            prose_ok = False
    if q.computes and table_ok and table_ev is not None and table_ev.figures:
        return table_ev
    if prose_ok and table_ok and prose_ev is not None and prose_ev.kind == "prose" and table_ev is not None \
            and table_ev.figures and q.periods and q.operation in ("value", "text") and not _asks_movement(q) \
            and _states_only_movement(prose_ev.text):
        # what something was in a period: a sentence that only says how much it moved does not answer it
        prose_ok = False
    if prose_ok and q.operation == "text" and q.operation_p >= MIN_OPERATION_PROBABILITY and (
            not q.wants or _holds(q, prose_ev.text if prose_ev else "")) and not (
            table_ok and table_ev is not None and prose_ev is not None and table_ev.figures
            and table_ev.coverage > prose_ev.coverage):
        # 'how is X computed?', 'what led to Y?': the answer is said in words, not a cell; unless a figure
        # read from a cell answers more of the question than the sentence does
        return prose_ev
    if table_ok and prose_ok and table_ev is not None and prose_ev is not None:
        if prose_ev.kind == "list" and "list" in q.intents:
            return prose_ev
        t_has, p_has = (_holds(q, table_ev.text), _holds(q, prose_ev.text)) if q.wants else (False, False)
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






def _holds(q: Query, text: str) -> bool:
    """Does an answer hold the kind of thing the question wants (days for 'which days', a sum of money...)?"""
    return bool(q.wants) and (_has_wanted_number(q, text) if q.wants in ("money", "percent", "count")
                              else holds_wanted(q.wants or "", text))




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
    """The numbers a text states, years aside."""
    return [n for n in find_numbers(text) if not re.fullmatch(r"(19|20)\d{2}", n.raw)]


def _states_only_movement(text: str) -> bool:
    """Are the figures a sentence states all movements ('increased by $19.1 million'), none a level?"""
    clean = re.sub(r"\[\d+\]|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)", " ", text)
    return bool(_figures_in(clean)) and not _figures_in(_CHANGE_FIGURE.sub(" ", clean))


def _has_wanted_number(q: Query, text: str) -> bool:
    """Does the text hold the kind of number asked for (not a year, a citation mark or a section number)?"""
    clean = re.sub(r"\[\d+\]|(?i:\b(appendix|table|figure|section|page|chapter|phase|tier|level|band)\s+\d+)", "", text)
    if not _asks_movement(q):
        # asked what something was, not by how much it moved: 'increased by $19.1 million' is not the figure
        clean = _CHANGE_FIGURE.sub(" ", clean)
    nums = _figures_in(clean)
    if q.wants == "money":
        return any(n.kind == "money" for n in nums)
    if q.wants == "percent":
        return any(n.kind == "percent" for n in nums)
    if q.wants == "count":  # in figures, or in words before what is counted ('sets up six teams')
        return any(n.kind == "number" for n in nums) or C.states_count(q.counted, clean, cell=False)
    return bool(nums)


# --------------------------------------------------------------------------- follow-ups

_FOLLOW = re.compile(r"(?i)^(and|what about|how about|same for|and for|and in|and the|what of|then)\b|"
                     r"\b(the year before|the previous year|the year after|the next year|last year|that year|"
                     r"the same|instead)\b")


def is_follow_up(question: str) -> bool:
    return bool(_FOLLOW.search(question)) or len(question.split()) <= 4


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
    q = re.sub(r"(?i)^(and|what about|how about|same for|and for|and in|what of|then)\s+(for|in|at)?\s*", "",
               question).strip(" ?")
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
    new_periods, _ = periods_in(q)
    if new_periods and len(q.split()) <= 3:  # 'and in 2020?', 'and for 2018/19?': a new period
        old_periods, _ = periods_in(base)
        if old_periods:
            old = old_periods[0]
            spellings = _fy_spellings(old) if re.fullmatch(r"\d{4}-\d{2}", old) else [old]
            for pattern in spellings:
                if pattern in base:
                    return base.replace(pattern, q.strip(), 1)
    # a new entity: replace the row the previous answer was about, or append it
    rows = prev.get("rows") or []
    for old in rows:
        if old and old.lower() in base.lower():
            return re.sub(re.escape(old), q, base, flags=re.I)
    entities = [w for w in re.findall(r"\b[A-Z][A-Za-z&'\-]+(?:\s+[A-Z][A-Za-z&'\-]+)*", base)[1:]]
    for e in entities:
        if len(e) > 3:
            return base.replace(e, q, 1)
    return f"{base.rstrip(' ?')} {q}?"


def _fy_spellings(label: str) -> list[str]:
    a = int(label[:4])
    b = label[5:7]
    return [f"{a}-{b}", f"{a}/{b}", f"{a % 100:02d}/{b}", f"{a}–{b}", f"{a % 100:02d}-{b}"]


# --------------------------------------------------------------------------- text helpers



