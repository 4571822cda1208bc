"""Checking claims against the sources: supported, contradicted (with the correct value), or unverifiable.

1. Split the text into atomic claims (sentences; a sentence with two independent figures becomes two).
2. For each claim, gather evidence as the answerer does: sentences of the retrieved passages, and the table
   cells and computed figures the claim is about.
3. Compare by code, never by model: numbers (at the precision the claim states them, 'a quarter' = 25%),
   periods and dates, and directions (rise / fall). Wording differences alone never contradict.
4. Label: supported when the evidence states it or the figure engine computes it; contradicted when the
   same thing is given a different value, period, date or direction (the correct one is reported);
   unverifiable when the sources do not say (the closest evidence is reported).
With a language model, claims the code leaves unverifiable and that carry no number may be judged by the
model, which must cite the passages it was given; numeric judgements always stay with code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .answer import Answerer
from .evidence import YARDSTICK_WORDS, Sentence, sentence_citations
from .llm import LLM
from .prompts import CITATION, render
from .query import content_terms, periods_in, years_in
from .tableqa import TableAnswer
from .text import sentence_spans
from .types import Answer, Citation, ClaimCheck, Figure
from .values import SCALES, find_numbers, round_to, written_decimals

WORD_PERCENT: dict[str, int | Decimal] = {"a quarter": 25, "one quarter": 25, "a third": Decimal("33.3"), "one third": Decimal("33.3"),
                "half": 50, "a half": 50, "two thirds": Decimal("66.7"), "three quarters": 75, "a fifth": 20,
                "one fifth": 20, "a tenth": 10, "one in four": 25, "one in three": Decimal("33.3"),
                "one in five": 20, "one in ten": 10}
_APPROX = re.compile(r"(?i)\b(around|about|approximately|approx\.?|roughly|nearly|almost|some|circa|c\.|just over|"
                     r"just under|over|under|more than|less than)\s*$")
_UP = re.compile(r"(?i)\b(ris(e|es|en|ing)|rose|increas(e|es|ed|ing)|gr(ow|ows|ew|own|owth)|up|higher|more|"
                 r"exceed(s|ed)?|above|gain(s|ed)?|overspen(d|ds|t|ding)|over (?:the |its |their )?(?:budget|plan|target))\b")
_DOWN = re.compile(r"(?i)\b(fall(s|en|ing)?|fell|decreas(e|es|ed|ing)|drop(s|ped)?|reduc(e|es|ed|tion)|lower|"
                   r"less|down|cut(s)?|below|declin(e|es|ed)|underspen(d|ds|t|ding)|"
                   r"under (?:the |its |their )?(?:budget|plan|target))\b")
_PERIOD = re.compile(r"(?<![\d/])(?:19|20)?\d{2}\s?[/\-–]\s?\d{2}(?![\d/])")


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(rf"(?i)\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b|"
                   rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d{{2}}\b")


def claim_years(text: str) -> set[int]:
    """The years a claim names, its dates' years included ('June 30, 2019')."""
    return years_in(_DATE.sub(lambda m: m.group(0)[-4:], text))


@dataclass(frozen=True)
class Num:
    value: Decimal
    kind: str  # money | percent | number
    raw: str
    approx: bool
    decimals: int
    scale: str | None
    start: int


def claim_numbers(text: str) -> list[Num]:
    """Figures stated in a text (years and financial-year labels excluded: they are periods)."""
    blanked = _PERIOD.sub(lambda m: " " * len(m.group(0)), text)
    blanked = _DATE.sub(lambda m: " " * len(m.group(0)), blanked)
    out = []
    for n in find_numbers(blanked):
        if n.kind == "number" and re.fullmatch(r"(19|20)\d{2}", n.raw):
            continue
        if blanked[n.start + len(n.raw):n.start + len(n.raw) + 1].isalpha():
            continue  # part of a name: '1Xnm', '3D', '4G'

        approx = bool(_APPROX.search(blanked[max(0, n.start - 20):n.start]))
        value = n.value
        if n.raw[:1] in "-−" and value > 0 and not blanked[max(0, n.start - 1):n.start].strip():
            value = -value  # '-217 thousand' in a claim is a negative figure, not a range's dash
        out.append(Num(value, n.kind, n.raw, approx, n.decimals, n.scale, n.start))
    low = text.lower()
    for phrase, pct in WORD_PERCENT.items():
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", low):
            approx = bool(_APPROX.search(low[max(0, m.start() - 20):m.start()]))
            out.append(Num(Decimal(pct), "percent", phrase, approx, 1 if "." in str(pct) else 0, None, m.start()))
    return sorted(out, key=lambda n: n.start)


def same(c: Num, e: Num) -> bool:
    """Does evidence value e state claim value c, at the precision the claim gives it?"""
    if (c.kind == "percent") != (e.kind == "percent"):
        return False
    cv, ev = abs(c.value), abs(e.value)
    if cv == ev:
        return True
    if c.approx:
        return abs(cv - ev) <= max(Decimal(2) if c.kind == "percent" else Decimal(0), ev * Decimal("0.1"))
    if c.kind == "percent":
        return round_to(ev, c.decimals) == cv or round_to(cv, e.decimals) == ev
    unit = Decimal(1).scaleb(-c.decimals) * (SCALES[c.scale] if c.scale else 1)
    if unit > 1:
        return round_to(ev / unit, 0) == round_to(cv / unit, 0)
    return c.decimals > 0 and round_to(ev, c.decimals) == cv  # 43,745.33 states 43,745.3333 at its precision


_RELATION = re.compile(r"(?i)\b(rose|rises|risen|rise|fell|falls|fallen|fall|increased|increases|increase|decreased|"
                       r"decreases|decrease|grew|grows|grown|dropped|drops|received|receives|receive|reached|reaches|"
                       r"reach|totalled|totaled|totals|got|gets|amounted|amounts|accounted for|went|goes|is|was|"
                       r"were|are|by|of|to)\b")


def subject_of(claim: str) -> str:
    """What a claim is about, for finding evidence: the claim without its figures and relation words."""
    text = claim
    for n in sorted(claim_numbers(claim), key=lambda n: -n.start):
        if n.raw in text:
            text = text.replace(n.raw, " ", 1)
    text = _RELATION.sub(" ", text)
    return " ".join(text.split()) or claim


_ATTRIBUTION = re.compile(r"(?i)^(?:according to|as (?:stated|shown|reported) in|per)\s+(?:the|this|our)\s+"
                          r"(?:report|plan|document|table|accounts?|figures?)s?\s*,?\s*")
_GIVES = re.compile(r"(?i)^(?:the|this)\s+(?:report|plan|document|table)\s+(?:gives|shows|states|reports|puts)\s+"
                    r"(?P<fig>.+?)\s+(?:as|for)\s+(?P<subject>.+)$")
_LINK = (r"(?:is|was|are|were|stood at|stands at|amounted to|amounts to|came to|comes to|totall?ed|totals|"
         r"reached|reaches|of|at|equals|equalled|makes up|made up)")
_MOVE = re.compile(r"(?i)\b(?P<verb>ris(?:e|es|en)|rose|increas(?:e|es|ed)|gr(?:ow|ows|ew|own)|went up|fell|fall(?:s|en)?|"
                   r"decreas(?:e|es|ed)|dropp(?:ed)?|drops?|declin(?:e|es|ed)|went down|overspen(?:d|ds|t)|"
                   r"underspen(?:d|ds|t))\s+(?:by\s+)?$")
# a figure said to be over or under what it is measured against, after it: '£60k over budget', '5% below target'
_AGAINST_AFTER = re.compile(r"(?i)^\s*(?:over|under|above|below)\s+(?:the\s+|its\s+|their\s+)?(?:budget|plan|target)\b")
_SCALE_WORDS = r"(?:\s*(?:thousand|million|billion|bn|m|k|per\s?cent|percent|%))?"


def claim_question(claim: str) -> tuple[str, Num] | None:
    """A claim read into the question it answers and the figure it asserts: 'The X in 2019 was $1.2m'
    asks 'What was the X in 2019?' and asserts $1.2m; 'X rose by 5% between 2018 and 2019' asks 'What was
    the percentage change in X between 2018 and 2019?'. None for a claim without one asserted figure."""
    text = _ATTRIBUTION.sub("", " ".join(claim.split()).rstrip(". "))
    nums = claim_numbers(text)
    if not nums:
        return None
    gives = _GIVES.match(text)
    if gives:  # 'the report gives FIGURE as the X'
        inner = claim_numbers(gives.group("fig"))
        if len(inner) == 1:
            return f"What is {gives.group('subject')}?", inner[0]
    num = nums[-1] if len(nums) > 1 and nums[0].start > 0 else nums[0]
    end = num.start + len(num.raw)
    after = re.match(_SCALE_WORDS, text[end:], re.I)
    end += after.end() if after else 0
    before, rest = text[:num.start].rstrip(" $£€("), text[end:].strip(" )")
    if not before.strip():  # 'FIGURE was the X'
        rest = re.sub(rf"(?i)^{_LINK}\s+", "", rest)
        return f"What is {rest}?", num
    move = _MOVE.search(before + " ")
    if move:  # 'X rose by 5% from 2018 to 2019'
        subject = before[:move.start()].strip()
        kind = "percentage change" if num.kind == "percent" else "change"
        return f"What was the {kind} in {_lower_first(subject)} {rest}".strip() + "?", num
    before = re.sub(rf"(?i)\s+{_LINK}\s*$", "", before)
    return f"What was {_lower_first(before)} {rest}".strip() + "?", num


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:4] in ("The ", "This") else text


def direction(text: str) -> int:
    """+1 for a rise, -1 for a fall, 0 when the text states neither (or both)."""
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return 1 if up and not down else -1 if down and not up else 0


def split_claims(text: str) -> list[str]:
    """Atomic claims: sentences, and the independent halves of a sentence that states two figures."""
    claims: list[str] = []
    for a, b in sentence_spans(" ".join(text.split())):
        sentence = " ".join(text.split())[a:b].strip()
        if not sentence:
            continue
        parts = re.split(r";\s+|,?\s+(?:and|while|whereas|but)\s+(?=(?:the\s+)?[A-Z0-9£])", sentence)
        if len(parts) > 1 and all(claim_numbers(p) and len(p.split()) >= 3 for p in parts):
            claims.extend(_as_sentence(p) for p in parts)
        else:
            claims.append(sentence)
    return claims


def _as_sentence(part: str) -> str:
    part = part.strip().rstrip(".;,")
    return (part[0].upper() + part[1:] + ".") if part else part


@dataclass(frozen=True)
class Verdict:
    label: str
    explanation: str
    correct: str | None
    citations: list[Citation]
    figures: list[Figure]
    strength: float
    source: str = "sentence"  # what gave it: 'sentence', 'table' (the claim's own retrieval) or 'answer'


@dataclass(frozen=True)
class Reading:
    """The answering core's answer to the question a claim makes, as a verdict, and its confidence."""

    verdict: Verdict
    confidence: float


@dataclass(frozen=True)
class Assessment:
    uncovered: set[int]  # years the claim names that the documents never mention
    answer: Reading | None  # the answering core's candidate for the claim's question
    stated: Verdict | None  # the best verdict from the sentences and tables retrieved for the claim
    sentences: list[Sentence]
    in_tables: bool = False  # a table cell of the claim's period states the claimed figure


DEFAULT_FLOORS = {"support": 0.0, "contradict": 0.0, "contradict_agreed": 0.0, "table_alone": 1.0, "sentence_alone": 1.0}
PARAMS = Path(__file__).resolve().parent / "params" / "check.json"


@lru_cache(maxsize=1)
def floors() -> dict[str, float]:
    """The confidence the answering core's answer needs to support / to contradict a claim, fitted on the
    development half's generated claims by `bench/claims.py --fit` (params/check.json)."""
    if PARAMS.is_file():
        return {**DEFAULT_FLOORS, **json.loads(PARAMS.read_text(encoding="utf-8"))["floors"]}
    return dict(DEFAULT_FLOORS)


def decide_claim(a: Assessment, fl: dict[str, float] | None = None) -> Verdict | None:
    """Where a claim's label is decided; None means unverifiable.
    - A year the documents never mention: nothing can settle the claim.
    - The answering core's answer to the claim's question supports the claim when confident enough and
      it gives the claimed figure.
    - A sentence or table retrieved for the claim that states the claimed figure supports it.
    - The answering core's answer contradicts it when confident enough and it gives another figure, unless
      a table states the claimed figure for the claim's period or gives it by one step of arithmetic.
    - A sentence or table that states another figure contradicts it, where the fitted settings let that
      source contradict alone (or the answering core gave the same other figure), unless the answering
      core, however unsure, gave the claimed figure.
    The floors are fitted on generated claims (bench/claims.py --fit), at a cost of 2 for a wrong label
    and 1 for a claim left unverifiable."""
    fl = fl or floors()
    if a.uncovered:
        return None
    r, st = a.answer, a.stated
    if r is not None and r.verdict.label == "supported" and r.confidence >= fl["support"]:
        return r.verdict
    if st is not None and st.label == "supported":
        return st  # a passage that states the claimed figure outweighs a computation that gives another
    agreed = r is not None and st is not None and st.label == "contradicted" and _same_correct(r.verdict, st)
    if r is not None and r.verdict.label == "contradicted" and not a.in_tables and r.confidence >= (
            fl["contradict_agreed"] if agreed else fl["contradict"]):
        return r.verdict  # (a figure a table states for the claim's period is not contradicted by another cell)
    if st is not None and st.label == "contradicted" and not (r is not None and r.verdict.label == "supported") and (
            fl[f"{st.source}_alone"] >= 0.5 or agreed):
        return st
    return None


def _same_correct(a: Verdict, b: Verdict) -> bool:
    """Two contradicting verdicts give the same correct value."""
    va = [n.value for n in claim_numbers(a.correct or "")]
    vb = [n.value for n in claim_numbers(b.correct or "")]
    return bool(va and vb and va[0] == vb[0])


def label_of(v: Verdict | None) -> str:
    return "unverifiable" if v is None else v.label


class Checker:
    def __init__(self, answerer: Answerer, llm: LLM | None = None) -> None:
        self.answerer = answerer
        self.llm = llm

    def check(self, text: str, docs: Sequence[str] | None = None) -> list[ClaimCheck]:
        return [self.check_claim(c, docs) for c in split_claims(text)]

    def check_claim(self, claim: str, docs: Sequence[str] | None = None) -> ClaimCheck:
        found = self.assess(claim, docs)
        v = decide_claim(found) or self._unverifiable(claim, found.sentences, claim_numbers(claim))
        if found.uncovered:
            years = ", ".join(str(y) for y in sorted(found.uncovered))
            v = replace(v, explanation=f"The documents say nothing about {years}. " + v.explanation)
        return ClaimCheck(claim, v.label, v.explanation, v.correct, tuple(v.citations), tuple(v.figures))  # type: ignore[arg-type]

    def assess(self, claim: str, docs: Sequence[str] | None = None) -> Assessment:
        """Everything the decision weighs: the years the documents never mention, the answering core's
        candidate answer to the claim's question (at any confidence), and what the sentences and tables
        retrieved for the claim state."""
        w = self.answerer.gather(claim, None, docs, asked=subject_of(claim))
        sents = self.answerer.ranked_sentences(w.q, w.candidates)[:8]
        uncovered = self._uncovered_years(claim, docs)
        if uncovered:
            return Assessment(uncovered, None, None, sents)
        nums = claim_numbers(claim)
        verdicts = [v for v in (self._from_sentence(claim, nums, s) for s in sents) if v is not None]
        table = self._table(claim, w)
        if table is not None:
            tv = self._from_table(claim, nums, table)
            if tv is not None:
                verdicts.append(tv)
        supported = [v for v in verdicts if v.label == "supported"]
        contradicted = [v for v in verdicts if v.label == "contradicted"]
        stated = max(supported or contradicted, key=lambda x: x.strength) if verdicts else None
        read = claim_question(claim)
        answer = self._from_answer(claim, read, docs) if read is not None else None
        # the tables are scanned only when it matters: to hold back the answer's contradiction
        in_tables = read is not None and answer is not None and answer.verdict.label == "contradicted" and \
            self._in_tables(claim, read, docs)
        return Assessment(set(), answer, stated, sents, in_tables)

    def _in_tables(self, claim: str, read: tuple[str, Num], docs: Sequence[str] | None) -> bool:
        """The claimed figure is one the tables of the documents in scope state or give by one step of
        arithmetic, in a row that names part of the claim's subject: a cell of the claim's years, or the
        change, % change, sum or average of two or more of a row's cells. Another cell or computation
        chosen by the answering core then does not make the claim wrong: which reading is meant is not
        certain."""
        question, c = read
        years = claim_years(claim)
        subject = {t for t in content_terms(question) if not t.isdigit()}
        for t in self.answerer.index.tables():
            if (docs and t.doc not in docs) or t.kind != "data":
                continue
            for r in t.rows:
                if not subject & set(content_terms(r.path())):
                    continue
                cells = [x for x in r.cells[t.label_cols:] if x.value is not None and x.kind in ("money", "percent", "number")]
                for x in cells:
                    assert x.value is not None  # (kept above)
                    header = t.columns[x.col] if x.col < len(t.columns) else ""
                    e = Num(x.value, x.kind, x.raw, False, written_decimals(x.raw), x.scale, 0)
                    if _same_figure(c, e) and (not years or years & years_in(f"{header} {r.path()}")):
                        return True
                if any(_same_figure(c, e) for e in _one_step(cells, c.kind)):
                    return True
        return False

    def _uncovered_years(self, claim: str, docs: Sequence[str] | None) -> set[int]:
        """Years the claim names that no document in scope mentions."""
        named = claim_years(claim)
        if not named:
            return set()
        index = self.answerer.index
        covered: set[int] = set()
        for d in docs or index.docs:
            covered |= index.years(d)
        return named - covered

    # ------------------------------------------------------------------ the answering core's answer

    def _from_answer(self, claim: str, read: tuple[str, Num], docs: Sequence[str] | None) -> Reading | None:
        """The claim read into its question and asked of the answering core (question model, table matching,
        figure engine, prose selection, confidence), at any confidence: supported when its answer states or
        computes the claimed figure, contradicted when it gives a different figure of the same kind, with
        the answer's confidence for decide_claim to weigh."""
        question, c = read
        ans = self.answerer.finish(self.answerer.gather(question, None, docs), floor=0.0)
        if not ans.answered:
            return None
        v = self._answer_verdict(claim, c, ans)
        return None if v is None else Reading(replace(v, source="answer"), float(ans.state.get("confidence") or 0.0))

    def _answer_verdict(self, claim: str, c: Num, ans: Answer) -> Verdict | None:
        at = claim.find(c.raw)
        moving = direction(claim) if _MOVE.search(claim[:at] + " ") or _AGAINST_AFTER.match(claim[at + len(c.raw):]) \
            else 0
        where = f"{ans.citations[0].doc}, line {ans.citations[0].line_start}" if ans.citations else "the documents"
        if ans.figures:
            f = ans.figures[0]
            e = Num(f.value, _kind(f), f.text, False, written_decimals(f.text), _written_scale(f.text), 0)
            if _same_figure(c, e, moving) or (_negative_base(f) and _same_figure(c, replace(e, value=-e.value), moving)):
                return Verdict("supported", f"The documents give {f.text} ({where}).", None, ans.citations, [f], 1.2)
            if e.kind == c.kind:
                return Verdict("contradicted", f"The documents give {f.text}, not {c.raw} ({where}).", f.text,
                               ans.citations, [f], 0.9)
            return None
        quote = ans.citations[0].quote if ans.citations else ""
        stated = claim_numbers(quote)
        if any(_same_figure(c, e, moving) for e in stated) and not _misplaced(claim, c, quote, stated):
            d_claim, d_ev = direction(claim), direction(quote)
            if d_claim and d_ev and d_claim != d_ev:
                return Verdict("contradicted", f"The figure matches but the document says it goes the other way "
                               f"({where}).", quote.strip(), ans.citations[:1], [], 0.9)
            clash = _period_clash(claim, quote)
            if clash:
                return Verdict("contradicted", f"The document gives the same figure for {clash[1]}, not {clash[0]} "
                               f"({where}).", f"{clash[1]}: {quote.strip()}", ans.citations[:1], [], 0.9)
            return Verdict("supported", f"The document states it ({where}).", None, ans.citations[:1], [], 1.1)
        other = _aligned(claim, c, quote, stated)
        if other is not None:
            return Verdict("contradicted", f"The document gives {other.raw}, not {c.raw} ({where}).", other.raw,
                           ans.citations[:1], [], 0.9)
        return None

    # ------------------------------------------------------------------ prose evidence

    def _from_sentence(self, claim: str, nums: list[Num], s: Sentence) -> Verdict | None:
        cites = sentence_citations(s)
        where = f"{s.passage.doc}, line {s.line}"
        ev = claim_numbers(s.text)
        if nums:
            if s.coverage < 0.4:
                return None
            matched = [c for c in nums if any(_same_figure(c, e) for e in ev) and not _misplaced(claim, c, s.text, ev)]
            if len(matched) == len(nums) and s.coverage >= 0.5:
                clash = _period_clash(claim, s.text)
                if clash:
                    return Verdict("contradicted", f"The document gives the same figure for {clash[1]}, not "
                                   f"{clash[0]} ({where}).", f"{clash[1]}: {s.text.strip()}", cites, [], s.coverage)
                d_claim, d_ev = direction(claim), direction(s.text)
                if d_claim and d_ev and d_claim != d_ev:
                    return Verdict("contradicted", f"The figure matches but the document says it goes the other way "
                                   f"({where}).", s.text.strip(), cites, [], s.coverage)
                return Verdict("supported", f"The document states it ({where}).", None, cites, [], s.coverage + 0.1)
            said, months = set(periods_in(claim)[1]), set(periods_in(s.text)[1])
            if said and months and not said & months:
                return None  # (a sentence about March is not about the November the claim names)
            for c in nums:
                if c in matched:
                    continue
                e = _aligned(claim, c, s.text, ev)
                slot = len(_context(claim, c.start) & _context(s.text, e.start)) if e is not None else 0
                if e is not None and (s.coverage >= 0.6 or (slot >= 2 and s.coverage >= 0.4)):
                    return Verdict("contradicted", f"The document gives {e.raw}, not {c.raw} ({where}).", e.raw,
                                   cites, [], s.coverage)
            return None
        # no figure in the claim: dates, periods, directions, or the statement itself
        anchored = bool(_dates(claim) or periods_in(claim)[0]) and not _missing_dates(claim, s.text) and set(
            periods_in(claim)[0]) <= set(periods_in(s.text)[0])
        if s.coverage < (0.65 if anchored else 0.75):
            return None
        clash = _date_clash(claim, s.text)
        if clash:
            return Verdict("contradicted", f"The document says {clash[1]}, not {clash[0]} ({where}).",
                           f"{clash[1]}: {s.text.strip()}", cites, [], s.coverage)
        d_claim, d_ev = direction(claim), direction(s.text)
        if d_claim and d_ev and d_claim != d_ev:
            return Verdict("contradicted", f"The document says it goes the other way ({where}).", s.text.strip(),
                           cites, [], s.coverage)
        if s.coverage >= (0.65 if anchored else 0.85) and not _missing_dates(claim, s.text):
            return Verdict("supported", f"The document states it ({where}).", None, cites, [], s.coverage)
        return None

    # ------------------------------------------------------------------ table evidence

    def _table(self, claim: str, w) -> TableAnswer | None:  # type: ignore[no-untyped-def]
        a = self.answerer
        periods = [p for p in w.q.periods if re.fullmatch(r"\d{4}(-\d{2})?", p)]
        if direction(claim) and (len(periods) >= 2 or re.search(r"(?i)\bbetween\b", claim)):
            intents = ("percent_change", "change") if "%" in claim else ("change",)
            w.q = replace(w.q, intents=intents)
        order: list[str] = []
        in_scope = [t for t in a.index.tables() if not w.q.docs or t.doc in w.q.docs]
        headings = {t.id: a.table_heading(t.id) for t in in_scope}
        order = [t.id for t in a.tqa.rank_tables(w.q, in_scope, headings)]
        for p, _ in w.candidates[:30]:
            if p.table_id and p.table_id not in order:
                order.append(p.table_id)
        tables = [t for t in (a.index.table(i) for i in order[:12]) if t is not None]
        return a.tqa.answer(w.q, tables, None, headings)

    def _from_table(self, claim: str, nums: list[Num], ta: TableAnswer) -> Verdict | None:
        if ta.coverage < 0.6 or ta.op == "empty":
            return None
        t = ta.table
        cites = self.answerer.cite_rows(t, ta.rows[:6])
        where = f"{t.doc}, line {ta.rows[0].lines[0]}"
        values = []
        row = ta.rows[0]
        years = claim_years(claim)
        months = set(periods_in(claim)[1])
        for cell in row.cells[t.label_cols:]:  # a claim about a row may state any of its cells of its period
            header = t.columns[cell.col] if cell.col < len(t.columns) else ""
            if months and periods_in(header)[1] and not months & set(periods_in(header)[1]):
                continue  # (a month's column is not another month's: 'in January' is not December's figure)
            if cell.kind in ("money", "percent", "number") and cell.value is not None and ta.op in ("lookup", "change", "stated_change") and (
                    not years or years & years_in(header)):
                f = self.answerer.tqa_lookup(t, row, cell.col)
                values.append((Num(cell.value, cell.kind, cell.raw, False, 2, cell.scale, 0), f))
        for f in ta.figures:
            values.append((Num(f.value, _kind(f), f.text, False, 2, _written_scale(f.text), 0), f))
            for ref in f.cells if len(nums) > 1 else ():  # the inputs, when the claim states them too
                if ref.value is not None:
                    values.append((Num(ref.value, "percent" if "%" in ref.raw else "money" if "£" in ref.raw or
                                       "£" in ref.column else "number", ref.raw, False, 2, None, 0), f))
        if nums:
            for c in nums:
                hit = next((f for e, f in values if _same_figure(c, e)), None)
                if hit is not None:
                    d_claim = direction(claim)
                    moved = _computed_change(ta)  # the direction is the cells' (a stated change may be signed as a cost)
                    if moved is not None and d_claim and moved.value and (moved.value > 0) != (d_claim > 0):
                        return Verdict("contradicted", f"The change is {moved.text}, the other way ({where}).",
                                       moved.text, cites, [moved], ta.coverage)
                    return Verdict("supported", f"The table gives {hit.text} ({where}).", None, cites, [hit],
                                   ta.coverage + 0.1)
            main = ta.figures[0] if ta.figures else None
            c = nums[0]
            if main is not None and _kind(main) == c.kind and ta.coverage >= 0.6:
                return Verdict("contradicted", f"The table gives {main.text}, not {c.raw} ({where}).", main.text,
                               cites, [main], ta.coverage, "table")
            same_kind = [(e, f) for e, f in values if e.kind == c.kind and f.op == "lookup"]
            if same_kind and ta.coverage >= 0.6:  # the row's cell of the claim's kind ('% change' for a %)
                e, f = same_kind[0]
                return Verdict("contradicted", f"The table gives {f.text} for {f.cells[0].column}, not {c.raw} "
                               f"({where}).", f"{f.text} ({f.cells[0].column})", cites, [f], ta.coverage, "table")
            return None
        d_claim = direction(claim)
        f = _computed_change(ta)
        if d_claim and f is not None:
            a_cell, b_cell = f.cells[0], f.cells[-1]
            actual = 1 if f.value > 0 else -1 if f.value < 0 else 0
            desc = f"from {a_cell.raw} to {b_cell.raw}"
            if actual == d_claim:
                return Verdict("supported", f"It {'rises' if actual > 0 else 'falls'} {desc} ({where}).", None,
                               cites, [f], ta.coverage + 0.1)
            word = "rises" if actual > 0 else "falls" if actual < 0 else "stays the same"
            return Verdict("contradicted", f"It {word} {desc} ({where}).", f"It {word} {desc} ({f.text}).", cites,
                           [f], ta.coverage)
        return None

    # ------------------------------------------------------------------ nothing decisive

    def _unverifiable(self, claim: str, sents: list[Sentence], nums: list[Num]) -> Verdict:
        closest = [sentence_citations(s)[0] for s in sents[:2]]
        if self.llm is not None and not nums and sents:
            judged = self._ask_llm(claim, sents[:5])
            if judged is not None:
                return judged
        where = f" The closest passage is {closest[0].doc}, line {closest[0].line_start}." if closest else ""
        return Verdict("unverifiable", f"The documents do not say.{where}", None, closest, [], 0.0)

    def _ask_llm(self, claim: str, sents: list[Sentence]) -> Verdict | None:
        """A non-numeric claim judged by the model: accepted only when it cites passages it was given."""
        from .errors import LLMError

        assert self.llm is not None
        passages = "\n\n".join(f"[P{i}] ({s.passage.doc}, line {s.line})\n{s.text}" for i, s in enumerate(sents, 1))
        try:
            reply = self.llm.complete(render("system"), render("check", claim=claim, passages=passages))
        except LLMError:
            return None
        m = re.match(r"\s*(SUPPORTED|CONTRADICTED|UNVERIFIABLE)\b", reply.strip().upper())
        ids = [int(x.group(2)) for x in re.finditer(CITATION, reply) if x.group(1) == "P"]
        cited = [sents[i - 1] for i in ids if 1 <= i <= len(sents)]
        if not m or not cited or m.group(1) == "UNVERIFIABLE":
            return None
        cites = [c for s in cited for c in sentence_citations(s)]
        label = m.group(1).lower()
        return Verdict(label, f"Judged by the language model from {cites[0].doc}, line {cites[0].line_start}.",
                       cited[0].text if label == "contradicted" else None, cites, [], 0.5)


# --------------------------------------------------------------------------- comparisons


def _one_step(cells: list[Any], kind: str) -> list[Num]:
    """What one step of arithmetic gives from a row's cells: each pair's change (both ways) and % change,
    and the sum and average of all of them (of a kind like the claim's: % only for a % claim)."""
    vals = [x.value for x in cells if (x.kind == "percent") == (kind == "percent")]
    out: list[Decimal] = []
    for i, a in enumerate(vals):
        for b in vals[i + 1:]:
            out += [b - a, a - b]
    if kind == "percent":
        vals_any = [x.value for x in cells if x.kind != "percent"]
        for i, a in enumerate(vals_any):
            for b in vals_any[i + 1:]:
                if a:
                    out.append((b - a) / abs(a) * 100)
                if b:
                    out.append((a - b) / abs(b) * 100)
    if len(vals) >= 2:
        out += [sum(vals, Decimal(0)), sum(vals, Decimal(0)) / len(vals)]
    return [Num(v, kind, "", False, 0, None, 0) for v in out]


def _negative_base(f: Figure) -> bool:
    """A change in % from a negative figure: reports divide by it or by its size, so its sign is either."""
    return f.op in ("change", "percent_change") and "%" in f.text and bool(f.cells) and (f.cells[0].value or 0) < 0


def _signed(n: Num) -> bool:
    return n.raw.lstrip().startswith(("-", "(", "−", "+"))


def _same_figure(c: Num, e: Num, moving: int = 0) -> bool:
    """The evidence figure is the claimed one: equal at the claim's precision; with its sign when the
    claim states one ('-0.2%', '(5)') or a direction ('fell by 5%'); a claim written in thousands or
    millions ('$3,977 thousand') matches the figure of a table stated in those units (3,977)."""
    if moving and e.value and (e.value > 0) != (moving > 0):
        return False
    if _signed(c) and e.value and c.value and (c.value > 0) != (e.value > 0):
        return False
    if same(c, e):
        return True
    if c.scale and c.kind != "percent" and not e.scale:
        bare = replace(c, value=c.value / SCALES[c.scale], scale=None)
        return same(bare, e) or same(bare, replace(e, kind=c.kind))
    if e.scale and e.kind != "percent" and not c.scale:  # '3,977' said of a table in thousands: its figure as written
        bare_e = replace(e, value=e.value / SCALES[e.scale], scale=None)
        return same(c, bare_e) or same(c, replace(bare_e, kind=c.kind))
    return c.kind != "percent" and e.kind != "percent" and same(c, replace(e, kind=c.kind))


def _written_scale(text: str) -> str | None:
    """The scale a figure is written with ('$900k', '16,223 thousand'), None when written in full."""
    nums = find_numbers(text)
    return nums[0].scale if nums else None


def _kind(f: Figure) -> str:
    return "percent" if f.unit == "%" or f.text.endswith("%") else "money" if "£" in f.text else "number"


def _context(text: str, start: int, n: int = 3) -> set[str]:
    return set(content_terms(" ".join(text[:start].split()[-n:])))


def _aligned(claim: str, c: Num, text: str, ev: list[Num]) -> Num | None:
    """The evidence figure in the same slot as claim figure c: same kind, and the words just before it
    match (or it is the only figure of that kind)."""
    same_kind = [e for e in ev if e.kind == c.kind]
    if not same_kind:
        return None
    if len(same_kind) > 1 and not _names_yardstick(claim):
        # (a claim that names no target, plan or budget is not about the figure the evidence gives as one)
        same_kind = [e for e in same_kind if not _YARDSTICK & _around(text, e)] or same_kind
    if len(same_kind) == 1:
        return same_kind[0]
    ctx = _context(claim, c.start)
    scored = sorted(((len(ctx & _context(text, e.start)), e) for e in same_kind), key=lambda x: -x[0])
    if scored[0][0] > 0:
        return scored[0][1]
    # or the one figure whose neighbourhood names the claim's subject ('a £2.1m one-off charge, net of tax,
    # for closing the depot' for 'the charge for closing the depot')
    subject = set(content_terms(subject_of(claim)))
    near = sorted(((len(subject & _around(text, e)), e) for e in same_kind), key=lambda x: -x[0])
    if near[0][0] >= 2 and (len(near) == 1 or near[1][0] < near[0][0]):
        return near[0][1]
    return None


# a claim that says none of the yardstick words is not about a figure the evidence gives as one ('performance was
# 78%' of 'performance was 71.2%, against a target of 78%')
_YARDSTICK = frozenset(content_terms(" ".join(YARDSTICK_WORDS) + " targets planned budgeted"))


def _names_yardstick(claim: str) -> bool:
    return bool(_YARDSTICK & set(content_terms(claim)))


def _misplaced(claim: str, c: Num, text: str, ev: list[Num]) -> bool:
    """The evidence states the claimed figure, but as a yardstick (a target, plan, ceiling or budget) beside
    another figure of the kind, and the claim says no such word of it."""
    if sum(e.kind == c.kind for e in ev) < 2 or _names_yardstick(claim):
        return False
    return all(_YARDSTICK & _around(text, e) for e in ev if _same_figure(c, e))


def _around(text: str, e: Num, n: int = 6) -> set[str]:
    """The words either side of a figure in a text, up to the next figure or the sentence's end."""
    before = re.split(r"\d[\d,.]*\s*(?:%|million|thousand|billion|bn|m\b)?", text[:e.start])[-1]
    after = re.split(r"[£$€]?\d", text[e.start + len(e.raw):])[0]
    return set(content_terms(" ".join(before.split()[-n:] + after.split()[:n])))


def _period_clash(claim: str, text: str) -> tuple[str, str] | None:
    """The claim ties its figure to one financial year, the evidence to another."""
    cp, _ = periods_in(claim)
    ep, _ = periods_in(text)
    cfy = [p for p in cp if re.fullmatch(r"\d{4}-\d{2}", p)]
    efy = [p for p in ep if re.fullmatch(r"\d{4}-\d{2}", p)]
    if cfy and efy and not set(cfy) & set(efy):
        return cfy[0], efy[0]
    if cfy or efy:
        return None
    cy, ey = claim_years(claim), years_in(text)
    if cy and ey and not cy & ey:  # 'in 2019' against a sentence about 2017 and 2018
        return str(min(cy)), ", ".join(str(y) for y in sorted(ey))
    return None


_MONTH_YEAR = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+((?:19|20)\d{2})\b")


def _dates(text: str) -> set[tuple[str, str]]:
    return {(m.group(1).lower(), m.group(2)) for m in _MONTH_YEAR.finditer(text)}


def _date_clash(claim: str, text: str) -> tuple[str, str] | None:
    cd, ed = _dates(claim), _dates(text)
    if cd and ed and not cd & ed and len(ed) == 1:
        c, e = sorted(cd)[0], sorted(ed)[0]
        return f"{c[0].title()} {c[1]}", f"{e[0].title()} {e[1]}"
    return None


def _missing_dates(claim: str, text: str) -> bool:
    return bool(_dates(claim) - _dates(text))


def format_checks(checks: Sequence[ClaimCheck], title: str = "Claims checked") -> str:
    """A Markdown report a reviewer can work down."""
    # the outcome in words: emoji render as the same empty box where no emoji font is installed
    icon = {"supported": "Supported", "contradicted": "Contradicted", "unverifiable": "Unverifiable"}
    counts = {k: sum(c.label == k for c in checks) for k in icon}
    lines = [f"# {title}", "", f"{len(checks)} claims: " + ", ".join(f"{n} {k.lower()}" for k, n in
                                                                   ((icon[k], n) for k, n in counts.items())), ""]
    for i, c in enumerate(checks, 1):
        lines.append(f"## {i}. {icon[c.label]}")
        lines.append(f"> {c.text}")
        lines.append("")
        lines.append(c.explanation)
        if c.correct:
            lines.append(f"**The documents say:** {c.correct}")
        for s in c.citations:
            where = f"page {s.page}, " if s.page else ""
            lines.append(f"- {s.doc}, {where}line {s.line_start}" + (f"–{s.line_end}" if s.line_end != s.line_start
                                                                     else "") + f": “{s.quote.replace(chr(9), ' | ')}”")
        for f in c.figures:
            lines.append(f"- computed: {f.formula}")
        lines.append("")
    return "\n".join(lines)


def _computed_change(ta: TableAnswer):  # type: ignore[no-untyped-def]
    """The change a table answer computes from two cells (a change the table states is quoted beside it, and
    may be rounded or signed as a cost): None when the answer is not a change."""
    if ta.op not in ("change", "stated_change"):
        return None
    return next((f for f in ta.figures if f.op in ("difference", "percent_change")), None)
