"""Drafting narrative sections from the documents: every sentence cited, every figure traceable.

The parts, in the order a draft is made:
1. Reading the request (`read_request` -> `DraftRequest`): length ('a 200-word summary'), topic (drafting
   words, audience and plan names removed), title, audience, the plans, the section ('section 5.2',
   '"Overview of funding contributions"') and the periods it names.
2. Scope (`Drafter._section_scope`): the passages of the section it names; when more than one plan has
   that section and the request names no plan, the draft says which plan it used and offers the others.
3. Evidence (`Drafter._prose`): the answering core's retrieval and sentence ranking
   (`Answerer.passages_for`, `ranked_sentences`), the named section first and sentences stating figures
   before the rest; kept without repeats, with the sentence a 'This ...' points at and the lead-in of a
   list item, up to the length asked.
4. Key figures (`Drafter._key_figures`, `_table_sentences`): from the tables the section is about, the
   figure engine writes sentences a writer would keep: a change as 'rises from A in 18/19 to B in 19/20
   (+d, +p%)', the largest part of a total with its share, unchanged rows together (computed, with
   formulas and cells).
5. Assembling (`_in_document_order`, `to_markdown`, `to_docx`): sentences in the section's own order,
   every one cited; gaps (what the request asks for that the documents do not give) are stated, never
   padded.
With a language model, the model writes each section from the same passages and figures, and the same
verification as for answers applies (citations must exist, numbers must come from what is cited).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import figures as F
from .answer import Answerer
from .evidence import Sentence, sentence_citations
from .llm import LLM
from .query import content_terms, periods_in, understand
from .tableqa import _numeric_cols, _periods, category_cols, header_said, kinds_of
from .text import DANGLING, LIST_ITEM, sentence_spans, strip_marker
from .types import Cell, Citation, Figure, Passage, Row, Table
from .verify import _periods_and_numbers

# a narrative writes a computed percentage the way plans print theirs, to one decimal ('+5.8%'); answers
# to questions keep the figure engine's two (figures.PERCENT_DECIMALS)
NARRATIVE_PERCENT_DECIMALS = 1
_DRAFT_WORDS = re.compile(
    r"(?i)\b(draft|write|prepare|produce|create|give|provide|a|an|the|short|brief|summary|summarise|summarising|"
    r"summarizing|overview|paragraph|section|narrative|description|describe|explain|explaining|outline|for|of|on|"
    r"our|suitable|words?|\d+-word|\d+\s+words?|be|that|this|and|it|to)\b")
_SECTION_NO = re.compile(r"(?i)\bsection\s+(\d+(?:\.\d+)*[a-z]?)")
_QUOTED = re.compile(r"[\"“]([^\"”]{3,80})[\"”]|\(([A-Z][^()]{3,60})\)|"
                     r"\b(?:the|our|its) ((?:[A-Z][\w&/-]*|\d+)(?: (?:[A-Z][\w&/-]*|\d+|of|and|to|for|the))*) section\b")
_LITTLE = {"the", "a", "an", "of", "for", "to", "and", "in", "on", "our", "its", "their", "this", "that", "plan's",
           "summary", "overview", "draft", "paragraph", "description", "narrative"}
_ANAPHOR = re.compile(r"(This|These|That|It|They|Which|Such)\b")
# a sentence that only sends the reader elsewhere ('Please see Appendix 3 for the full report.') says nothing
_POINTER = re.compile(r"(?i)^(?:please\s+)?(?:see|refer to|details (?:are|can be found) (?:in|at))\b|"
                      r"^(?:further|more|full) (?:details|information) (?:is|are|can be)\b")
_LIST_MARK = re.compile(r"^\s*(?:[-•·*✓]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


@dataclass(frozen=True)
class DraftSentence:
    text: str
    citations: tuple[Citation, ...]
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class DraftSection:
    heading: str
    sentences: tuple[DraftSentence, ...]


@dataclass
class Draft:
    request: str
    sections: list[DraftSection]
    figures: list[Figure] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    mode: str = "extractive"
    words_target: int = 0
    notes: list[str] = field(default_factory=list)  # how the draft was written: removals, fallbacks
    titles: dict[str, str] = field(default_factory=dict)  # each cited document's title, for its sources

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for sec in self.sections for s in sec.sentences)

    @property
    def text(self) -> str:
        return to_markdown(self)


def target_words(request: str, length_words: int | None) -> int:
    if length_words:
        return length_words
    m = re.search(r"(\d{2,4})[-\s]word", request)
    return int(m.group(1)) if m else 200


_KIND = (r"summary|overview|paragraph|section|narrative|description|account|update|briefing|note|text|piece|"
         r"introduction|report|statement|commentary")
_FRAME = re.compile(
    rf"(?i)^\s*(?:please\s+)?(?:draft|write|prepare|produce|create|give|provide|compose|put together)\s+(?:me\s+|us\s+)?"
    rf"(?:(?:a|an|the|some)\s+)?(?:\d{{2,4}}[-\s]words?\s+)?(?:(?:short|brief|concise|plain[- ]english)\s+)*"
    rf"(?P<mod>(?:[\w&'-]+\s+){{0,2}}?)(?:{_KIND})\b\s*")
_LEAD = re.compile(r"(?i)^(?:of|on|about|for|covering|describing|explaining|setting out|summari[sz]ing|that explains|"
                   r"which explains|to explain|to describe)\s+")
_AUDIENCE = re.compile(r"(?i),?\s*\b(?:suitable for|aimed at|written for|for an audience of|to be read by)\b.*$")
_FOR_BODY = re.compile(r",?\s*\bfor (?:the |our )?(?:(?:[A-Z&][\w&'-]*|and|of|&)\s+){1,6}(?:Board|Group|Committee|"
                       r"Partnership|Forum|Panel|Council)\b")
_SECTION_REF = re.compile(r"(?i),?\s*\b(?:for|in) (?:the |our )?(?:plan's |plan’s )?(?:section\s+[\d.]+[a-z]?"
                          r"(?:\s*\([^)]*\))?(?:\s+of (?:the|our) plan)?|[\"“][^\"”]*[\"”]?\s*(?:section)?|"
                          r"(?:[A-Z][\w&'-]*\s+)+(?:\d+\s+)?section)")


def title_of(request: str) -> str:
    """What the section is about, as a reader would say it: the request without its drafting frame ('Write a 150-word summary of'),
    its audience ('suitable for the Board', 'for the Finance Committee') and the section it is for
    ('for section 4.1 of the report', 'for the Workforce section'). Every other word stays, even
    'board', 'delivery' or 'plan': in another request they are the topic."""
    text = " ".join(request.split())
    frame = _FRAME.match(text)
    mod = ""
    if frame:
        mod = frame.group("mod").strip()
        text = text[frame.end():]
    text = _AUDIENCE.sub("", text)
    text = _FOR_BODY.sub("", text)
    text = _SECTION_REF.sub("", text)
    text = _LEAD.sub("", text.strip(" ,;:"))
    text = _LEAD.sub("", text)
    text = " ".join(text.split()).strip(" .,:;'\"“”")
    return f"{mod}: {text}" if mod and text else (mod or text)


def topic_of(request: str) -> str:
    """The request without its drafting words, its audience and the section number it names: what the
    section is about, for retrieval. Only words about drafting go ('draft', 'summary', '200-word');
    'board', 'delivery', 'plan', 'how' and 'will' stay (they are the topic of some requests)."""
    request = " ".join(request.split())
    frame = _FRAME.match(request)
    # the drafting frame goes whatever kind of text it asks for ('a 50-word note on', 'a briefing on'); the
    # words that qualify it stay ('a financial summary' is about finance)
    text = f"{frame.group('mod')} {request[frame.end():]}" if frame else request
    text = _SECTION_NO.sub(" ", text)
    text = re.sub(r"(?i)\bsuitable for .*$|\bfor the [A-Z&][\w&]*( [A-Z&][\w&]*)* (Board|Group|Committee)\b", " ", text)
    text = _DRAFT_WORDS.sub(" ", text)
    return " ".join(text.replace("(", " ").replace(")", " ").split()).strip(" .,:;'\"")


def parts_of(topic: str) -> tuple[str, ...]:
    """The things a topic joins with 'and' or commas, each drafted in its share of the length ('who is being
    seen in the hubs and how stakeholders were engaged'); a piece of fewer than two content words stays
    with the one before it ('Health and Wellbeing Board', 'recovery and savings plan'). Empty when the topic
    is one thing."""
    # a new thing starts with a determiner or a question word ('and the community equipment budget', 'and how
    # staff were engaged'); 'national and local metrics', 'benefits and costs of X' are one thing
    pieces = [x for x in re.split(r"(?i)\s*[,;]\s*(?:and\s+)?(?=(?:the|our|its|their|how|what|who|why|when|where|which)\s)|"
                                  r"\s+and\s+(?=(?:the|our|its|their|how|what|who|why|when|where|which)\s)", topic)
              if x.strip()]
    out: list[str] = []
    for piece in pieces:
        if out and (_alpha_terms(piece) < 2 or _alpha_terms(out[-1]) < 2):
            out[-1] = f"{out[-1]} and {piece}"
        else:
            out.append(piece)
    return tuple(out) if len(out) >= 2 else ()


def _alpha_terms(text: str) -> int:
    return sum(1 for t in content_terms(text) if t.isalpha())


@dataclass(frozen=True)
class DraftRequest:
    """What a writer's request asks for, read once: this is where a draft request is understood."""

    text: str
    words: int  # the length asked for ('a 200-word summary'), 200 when it says none
    topic: str  # what the section is about, for retrieval: no drafting words, audience or plan names
    title: str  # a plain title for the topic: the draft's heading when no section is named
    audience: str | None  # who it is for ('the Finance Committee'), when it says
    docs: tuple[str, ...]  # the plans it names ('Wiltshire'); empty when it names none
    section_number: str | None  # the section it names by number ('section 5.2')
    section_names: tuple[str, ...]  # the sections it names by title ('"Overview of funding contributions"')
    periods: tuple[str, ...]  # the periods it names ('2019-20')
    parts: tuple[str, ...] = ()  # the things the topic joins ('X and how Y'), each drafted in its share


def read_request(request: str, a: Answerer, docs: Sequence[str] | None = None,
                 length_words: int | None = None) -> DraftRequest:
    """A request read into its length, topic, title, audience, the plans, the section and the periods it
    names."""
    topic = topic_of(request) or request
    named = tuple(docs or ()) or scope_docs_of(a, request)
    if named and not docs:  # a plan the request names is where to draft from, not what to draft about
        topic = _without_names(topic, a) or topic
    m = _SECTION_NO.search(request)
    names = tuple((q.group(1) or q.group(2) or q.group(3)).strip().lower() for q in _QUOTED.finditer(request))
    aud = _AUDIENCE.search(request) or _FOR_BODY.search(request)
    audience = re.sub(r"(?i)^,?\s*(suitable for|aimed at|written for|for an audience of|to be read by|for)\s+", "",
                      aud.group(0)).strip(" .,") if aud else None
    return DraftRequest(request, target_words(request, length_words), topic, title_of(request) or topic, audience,
                        named, m.group(1) if m else None, names, tuple(periods_in(request)[0]), parts_of(title_of(request).split(": ", 1)[-1]))


class Drafter:
    def __init__(self, answerer: Answerer, llm: LLM | None = None) -> None:
        self.a = answerer
        self.llm = llm

    def draft(self, request: str, docs: Sequence[str] | None = None, outline: Sequence[str] | None = None,
              length_words: int | None = None) -> Draft:
        r = read_request(request, self.a, docs, length_words)
        words, topic, docs = r.words, r.topic, list(r.docs) or None
        # (also_in: other plans that have the section the request names, when it names no plan)
        scope_passages, also_in = self._section_scope(r, docs)
        # what is asked about, or part of it, is not in the documents (a section they have is): say so,
        # rather than pad the draft with what the other words match
        unknown = [] if scope_passages else self._unknown_words(topic)
        if unknown:
            parts = [t for t in (topic_of(x) for x in re.split(r"\s+and\s+|,\s*|;\s*", request)) if t]
            lacking = [t for t in parts if self._lacking(t, unknown)]
            if len(lacking) == len(parts) or self._lacking(topic, unknown) and not parts:
                return Draft(request, [], [], [f"The documents do not mention {_listing(unknown)}, so there is "
                                              f"nothing to draft on {topic}."], "extractive", words)
            if lacking:
                topic = " ".join(t for t in parts if t not in lacking)
        scope_docs = tuple(sorted({p.doc for p in scope_passages})) or tuple(docs or ())
        headings = list(outline) if outline else [_title(r.title, scope_passages)]
        per_section = max(60, words // len(headings))
        sections: list[DraftSection] = []
        all_figures: list[Figure] = []
        gaps: list[str] = []
        used: set[str] = set()
        notes: list[str] = []
        written = 0
        for heading in headings:
            sec_topic = f"{heading} {topic}" if outline else topic
            sentences, figs, sec_gaps = self._section(sec_topic, request, scope_docs, scope_passages, per_section, used,
                                                      () if outline else r.parts)
            if not sentences:
                gaps.append(f"The documents give nothing on {heading.lower()}.")
                continue
            if self.llm is not None:  # the model writes from what was selected; what it writes is verified
                by_model, figs_used, note = self._written(heading, request, sentences, per_section, r.audience)
                if by_model:
                    sentences, figs, written = by_model, figs_used, written + 1
                if note:
                    notes.append(f"{heading}: {note}")
            sections.append(DraftSection(heading, tuple(sentences)))
            all_figures.extend(f for f in figs if f not in all_figures)
            gaps.extend(g for g in sec_gaps if g not in gaps)
        if not sections:
            gaps.append(f"The documents do not cover {topic}.")
        if unknown:
            gaps.append(f"The documents do not mention {_listing(unknown)}.")
        if also_in and scope_passages:
            # a section two plans share, and the request names no plan: which one was used, and the other
            used_doc = scope_passages[0].doc
            others = _listing([self.a.index.title(d) for d in also_in])
            notes.append(f"More than one plan has the section this request names; this draft is from "
                         f"{self.a.index.title(used_doc)}. {others} {'has' if len(also_in) == 1 else 'have'} "
                         f"it too: name that plan in the request to draft from it.")
        mode = f"llm:{self.llm.name}" if self.llm is not None and written else "extractive"
        titles = {d: self.a.index.title(d) for d in {c.doc for sec in sections for x in sec.sentences for c in x.citations}}
        return Draft(request, sections, all_figures, gaps, mode, words, notes, titles)

    def _unknown_words(self, topic: str) -> list[str]:
        """Words of the topic that no passage of the documents uses ('tourism'), as the request spells them."""
        vocabulary = self.a.vocabulary()
        out: list[str] = []
        for w in re.findall(r"[A-Za-z][A-Za-z&'\-]{2,}", topic):
            terms = content_terms(w, self.a.index.acronyms)
            if terms and not any(t in vocabulary for t in terms) and w not in out:
                out.append(w)
        return out

    def _lacking(self, topic: str, unknown: list[str]) -> bool:
        """The documents do not cover this topic: the thing it is about (its last word that is not an
        everyday plan word: 'space tourism plans' is about tourism) is a word they never use, or most of
        what it says is in two or more such words ('the Northshire lunar base budget')."""
        m = self.a.tqa.m
        terms = [t for w in re.findall(r"[A-Za-z][A-Za-z&'\-]{2,}", topic) for t in content_terms(w)]
        missing = {t for w in unknown for t in content_terms(w, self.a.index.acronyms)}
        specific = [t for t in terms if t in missing or m.df.get(t, 0) <= max(0.05 * m.n, 20)]
        if specific and specific[-1] in missing:
            return True
        share = m.weight(missing & set(terms)) / (m.weight(set(terms)) or 1.0)
        return share > 0.5 and len(missing & set(terms)) >= 2

    def _written(self, heading: str, request: str, selected: list[DraftSentence], budget: int,
                 audience: str | None = None) -> tuple[list[DraftSentence], list[Figure], str | None]:
        """The section written by the language model from the selected sentences' sources and figures,
        sentence by sentence verified (its citations were given to it, its numbers are in what it cites);
        nothing, with the reason, when too little of it survives or the model fails."""
        from .errors import LLMError
        from .generate import Context, verify_sentences
        from .prompts import render, variables

        assert self.llm is not None
        ctx = Context()
        for d in selected:
            for c in d.citations:
                if not any(c == other for _, other, _ in ctx.passages):
                    ctx.passages.append((f"P{len(ctx.passages) + 1}", c, c.quote.replace("\t", " | ")))
            for f in d.figures:
                if not any(f == other for _, other in ctx.figures):
                    ctx.figures.append((f"F{len(ctx.figures) + 1}", f))
        system = render("system")
        # (a prompt folder of the user's own whose draft prompt does not name the audience still works)
        extra = {"audience": audience or "staff and partners who use the plan"} if "audience" in variables("draft") else {}
        prompt = render("draft", heading=heading, words=budget, request=request, **extra, passages=ctx.passages_block(),
                        figures=ctx.figures_block())
        try:
            reply = self.llm.complete(system, prompt)
        except LLMError as e:
            return [], [], f"the language model could not be used ({e}); this section is extractive"
        kept, dropped = verify_sentences(reply, ctx, system)
        out: list[DraftSentence] = []
        for k in kept:
            text = _clean(k.text)
            if text is None or not k.citations or any(text == o.text for o in out):
                dropped.append(k.text)
                continue
            out.append(DraftSentence(text, tuple(k.citations), tuple(k.figures)))
        if _words(out) < 0.4 * budget:
            return [], [], (f"the language model's draft could not be verified ({len(dropped)} sentence(s) removed, "
                            f"{_words(out)} words left); this section is extractive")
        figs: list[Figure] = []
        for d in out:
            figs.extend(f for f in d.figures if f not in figs)
        note = (f"{len(dropped)} sentence(s) of the model's draft were removed: they cited nothing given to it or "
                "held a number not in what they cited") if dropped else None
        return out, figs, note

    # ------------------------------------------------------------------ scope

    def _section_scope(self, r: DraftRequest, docs: Sequence[str] | None) -> tuple[list[Passage], list[str]]:
        """Passages under the section the request names (by number or by title), if it names one; and the
        other plans that have that section too, when the request names no plan (the one drafted from is
        the one whose section says most about the topic)."""
        request = r.text
        names = list(r.section_names)
        number = r.section_number
        if not names:  # 'the delayed transfers of care section': the longest run of words before 'section'
            names = self._named_in_lower_case(request, docs)
        if not names and not number and not r.parts:
            # 'the vision for integrated care': a heading the request spells out (a request that joins two things
            # is not one section: each part finds its own heading, Drafter._heading_focus)
            names = self._heading_spelt_out(request, docs)
        if not number and not names:
            return [], []
        scored: list[tuple[int, Passage]] = []
        for p in self.a.index.passages:
            if docs and p.doc not in docs:
                continue
            best = 0
            for h in p.heading:
                hl = h.lower()
                bare = _bare_heading(h)
                # a heading that is the name beats one that holds it ('3.6 Review of delayed transfers ...')
                named = 3 if any(n == bare for n in names) else 2 if any(n in hl for n in names) else 0
                score = named + (1 if number and re.match(rf"^{re.escape(number)}(\.|\s|$)", h) else 0)
                best = max(best, score)
            if best:
                scored.append((best, p))
        top = max((sc for sc, _ in scored), default=0)
        out = [p for sc, p in scored if sc == top]
        # the same section title in several documents: keep the one whose section says most about the topic
        docs_found = sorted({p.doc for p in out})
        if len(docs_found) > 1:
            # the one whose section passages retrieval ranks highest for the request, then by topic words
            matcher = self.a.tqa.m
            terms = set(content_terms(topic_of(request)))
            doc_of = {p.id: p.doc for p in out}
            found = {d: 0.0 for d in docs_found}
            for p, sc in self.a.passages_for(understand(topic_of(request), self.a.index.acronyms)):
                if p.id in doc_of:
                    found[doc_of[p.id]] += sc
            weight = {d: matcher.weight(terms & frozenset().union(*(matcher.terms(p.text) for p in out if p.doc == d)))
                      for d in docs_found}
            chosen = max(docs_found, key=lambda d: (found[d], weight[d]))
            return [p for p in out if p.doc == chosen], [d for d in docs_found if d != chosen]
        return out, []

    def _named_in_lower_case(self, request: str, docs: Sequence[str] | None) -> list[str]:
        """A section named in lower case before the word 'section' ('a summary of the delayed transfers of
        care section'): the longest run of the words before it, of at least two words and not starting
        with a little word, that some heading holds."""
        headings = {h.lower() for p in self.a.index.passages if not docs or p.doc in docs for h in p.heading}
        for m in re.finditer(r"((?:[\w&/'’-]+\s+){2,9})section\b", request):
            words = m.group(1).lower().split()
            for i in range(len(words) - 1):
                if words[i] in _LITTLE or len(words) - i < 2:
                    continue
                name = " ".join(words[i:])
                if any(name in h for h in headings):
                    return [name]
        return []

    def _heading_spelt_out(self, request: str, docs: Sequence[str] | None) -> list[str]:
        """A heading of at least three content words, every one of which the request uses (the request
        names the section without saying 'section'); the longest such heading."""
        want = set(content_terms(topic_of(request)))
        best: tuple[int, str] = (0, "")
        for p in self.a.index.passages:
            if (docs and p.doc not in docs) or not p.heading:
                continue
            h = p.heading[-1]
            terms = {t for t in content_terms(h) if not re.fullmatch(r"\d+", t)}
            if len(terms) >= 3 and terms <= want and len(terms) > best[0]:
                best = (len(terms), _bare_heading(h))
        return [best[1]] if best[1] else []

    # ------------------------------------------------------------------ one section

    def _section(self, topic: str, request: str, docs: tuple[str, ...], scope: list[Passage], budget: int,
                 used: set[str], parts: tuple[str, ...] = ()) -> tuple[list[DraftSentence], list[Figure], list[str]]:
        section_words = " ".join(scope[0].heading) if scope else ""
        q = understand(f"{topic} {section_words}".strip(), self.a.index.acronyms, docs)
        candidates = self.a.passages_for(q)
        if len(docs) != 1 and candidates:
            # a section is written from one plan: the one whose best passages use the most of the topic's
            # words, weighed by how rare they are ('Greenwich' beats 'care'), then the one they come from
            matcher = self.a.tqa.m
            want = matcher.terms(topic)
            found: dict[str, set[str]] = {}
            weight: dict[str, float] = {}
            for p, sc in candidates[:15]:
                weight[p.doc] = weight.get(p.doc, 0.0) + sc
                found.setdefault(p.doc, set()).update(want & matcher.terms(p.text))
            primary = max(weight, key=lambda d: (matcher.weight(found[d]), weight[d]))
            docs = (primary,)
            q = understand(f"{topic} {section_words}".strip(), self.a.index.acronyms, docs)
            candidates = [c for c in candidates if c[0].doc == primary]
        # no section named: the draft stays where the topic is, around the passages that match it best
        focus = None if scope else (self._heading_focus(topic, docs) or _focus(candidates))
        candidates = self._focus_first(self._scope_first(candidates, scope), focus)
        all_figure_sentences, table_ids = self._key_figures(q, scope, focus)
        figure_sentences = _take(all_figure_sentences, int(budget * 0.45))
        prose_budget = budget - _words(figure_sentences)
        if parts:
            # a topic that joins several things: each is retrieved and drafted in its share of the length, so
            # that the draft is about all of them and not only the one its words match best
            prose = []
            for part in parts:
                qp = understand(f"{part} {section_words}".strip(), self.a.index.acronyms, docs)
                of_part = [c for c in self.a.passages_for(qp) if not docs or c[0].doc in docs]
                part_focus = None if scope else (self._heading_focus(part, docs) or _focus(of_part))
                of_part = self._focus_first(self._scope_first(of_part, scope), part_focus)
                prose += self._prose(qp, of_part, prose_budget // len(parts), used, table_ids, {p.id for p in scope},
                                     part_focus)
        else:
            prose = self._prose(q, candidates, prose_budget, used, table_ids, {p.id for p in scope}, focus)
        short = budget - _words(figure_sentences) - _words(prose)
        if short > 0.05 * budget:  # not enough prose: more of the key figures (never padding), up to the length
            rest = all_figure_sentences[len(figure_sentences):]
            figure_sentences += _take(rest, short + int(0.05 * budget))
        short = budget - _words(figure_sentences) - _words(prose)
        if scope and short > 0.15 * budget:
            # the section named and its figures fall short: what the rest of the plan says on the topic
            prose += self._prose(q, candidates, short, used, table_ids, {p.id for p in scope}, focus, outside=True)
        figs: list[Figure] = []
        for fs in figure_sentences:
            figs.extend(f for f in fs.figures if f not in figs)
        gaps = self._gaps(request, prose, figs)
        return _in_document_order(prose + figure_sentences), figs, gaps

    def _focus_first(self, candidates: list[tuple[Passage, float]], focus: Focus | None
                     ) -> list[tuple[Passage, float]]:
        """The text passages where the topic is come first (those retrieval returned, then the rest of them,
        in document order); then the other candidates."""
        if focus is None:
            return candidates
        inside = [c for c in candidates if focus.holds(c[0].doc, c[0].line_start, c[0].line_end, c[0].heading)]
        have = {p.id for p, _ in inside}
        more = [(p, 0.0) for p in self.a.index.passages if p.kind == "text" and p.id not in have
                and focus.holds(p.doc, p.line_start, p.line_end, p.heading)]
        return inside + more + [c for c in candidates if c[0].id not in have]

    def _heading_focus(self, text: str, docs: Sequence[str] | None) -> Focus | None:
        """Where a heading restates what is asked ('who is being seen in the hubs' under 'Who is being seen in
        the hubs?'): every word of the heading is asked, and they are most of what is asked (by weight). The
        heading's own passages are the focus; None when no heading, or more than one, says it so."""
        m = self.a.tqa.m
        want = {t for t in m.terms(_without_names(text, self.a)) if not any(ch.isdigit() for ch in t)}
        if not want:
            return None
        found: dict[tuple[str, str], list[Passage]] = {}
        for p in self.a.index.passages:
            if (docs and p.doc not in docs) or not p.heading or p.kind != "text":
                continue
            terms = {t for t in m.terms(p.heading[-1]) if not any(ch.isdigit() for ch in t)}
            if terms and terms <= want and m.weight(terms) >= HEADING_SHARE * m.weight(want):
                found.setdefault((p.doc, p.heading[-1]), []).append(p)
        if len(found) != 1:
            return None
        ps = next(iter(found.values()))
        return Focus(ps[0].doc, min(p.line_start for p in ps), max(p.line_end for p in ps),
                     frozenset(p.heading[0] for p in ps), named=True)

    @staticmethod
    def _scope_first(candidates: list[tuple[Passage, float]], scope: list[Passage]) -> list[tuple[Passage, float]]:
        """The section the request names comes first; the rest of the document still counts."""
        if not scope:
            return candidates
        ids = {p.id for p in scope}
        inside = [c for c in candidates if c[0].id in ids] + [(p, 0.0) for p in scope if p.kind == "text"]
        seen: set[str] = set()
        return [c for c in inside + candidates if not (c[0].id in seen or seen.add(c[0].id))]  # type: ignore[func-returns-value]

    def _prose(self, q, candidates, budget: int, used: set[str], table_ids: set[str],  # type: ignore[no-untyped-def]
               preferred: set[str], focus: Focus | None = None, outside: bool = False) -> list[DraftSentence]:
        """Sentences for the prose of a section, up to the budget. Where the request names a section
        (`preferred`: its passages), only that section's sentences, or with `outside` only the rest's."""
        ranked = self.a.ranked_sentences(q, candidates)
        for s in ranked:
            if focus is not None and s.passage.id not in preferred and focus.holds(s.passage.doc, s.line, 0,
                                                                                    s.passage.heading):
                # where the topic is: its sentences count more, and those that state figures are candidates
                # whatever words they use (as a named section's are), for the figures are what a summary keeps
                s.score += FOCUS_WEIGHT
                if _states_figure(s.text) or focus.named:
                    # (under a heading that restates the request, every sentence is on the topic, as a named
                    # section's are, whatever words it uses)
                    s.coverage = max(s.coverage + 0.15, 0.25)
            if s.passage.id in preferred:
                # the section the request names is the topic, whatever words it uses: its sentences come
                # first, those that state figures before the rest, earlier before later
                s.score += 0.5 - 0.0005 * s.line
                s.coverage = max(s.coverage + 0.15, 0.25)
            if _states_figure(s.text):
                # sentences that state figures (not only years) are what a plan section is built from;
                # any weight from 0.15 to 0.5 drafts the same key figures of the new draft requests (0.3 is
                # the middle of that plateau; 0.05, the old weight, drafted 52 of 112, 0.3 drafts 60). Each
                # further figure, up to three, adds 0.1: the dense sentence is the one a summary keeps (0.05 and
                # 0.1 draft the same: 70 of 112 figures, 36 of 48 dev points; 0.2 takes figures for points)
                s.score += 0.3 + 0.1 * min(3, _figures_stated(s.text) - 1)
        ranked.sort(key=lambda s: -s.score)
        picked: list[DraftSentence] = []
        listed: set[tuple[str, int]] = set()  # lines already drafted as list items
        seen_terms: list[set[str]] = []
        total = 0

        def take(s: Sentence, pool: list[Sentence], floor: float) -> str:
            """'stop' when the budget is met, 'took' or 'skip' otherwise."""
            nonlocal total
            if s.coverage < floor or (s.passage.table_id and s.passage.table_id in table_ids):
                return "skip"
            raw = s.text.strip()
            cites: tuple[Citation, ...] = _cites(s)
            if LIST_ITEM.match(raw) and not raw.endswith((".", "!", "?")) and _states_figure(raw):
                # a short list item that states a figure ('- 7% reduction in admissions per annum'): drafted
                # with the lead-in that makes it a sentence ('The model has seen: ...; ...'), else alone
                led = self._lead_in_of(s)
                if led is not None:
                    s = led
                    raw = s.text.strip()
                    cites = _cites(s)
                elif len(strip_marker(raw).split()) >= 5:
                    raw = strip_marker(raw) + "."
            if raw.endswith(":") and "\t" not in raw:  # a lead-in: the list after it completes the sentence
                items = self.a.list_after(s.passage.doc, s.page, max(s.line, s.line_end), limit=6)
                shown = [_item(it.text) for it in items]
                if len(items) < 2:  # or the table after it ('split as follows:'), a label and a value per row
                    items, shown = self._table_after(s, q)
                if len(items) < 2 or any("\t" in x for x in shown):
                    return "skip"
                raw = raw + " " + _join_items(shown) + "."
                cites += tuple(Citation(s.passage.id, s.passage.doc, it.page, it.no, it.line_end or it.no, it.text.strip())
                               for it in items)
                if _ANAPHOR.match(raw):  # 'This is made up of:' needs its subject
                    before = self._beside(s, -1)
                    if before is None:
                        return "skip"
                    raw = before.text.strip() + " " + raw
                    cites = (*_cites(before), *cites)
            elif not raw.endswith((".", "!", "?")) and len(raw.split()) < 14:
                return "skip"  # a heading or a caption, not a sentence
            elif self._is_tail(s):
                return "skip"  # the whole sentence is drafted from the line above, if at all
            elif _POINTER.match(raw) and not re.search(r"[£$€%]", raw):
                return "skip"  # 'Please see Appendix 3 for the full report.'
            elif self._is_caption(s):
                return "skip"  # 'Actual v Plan average daily delays by responsibility.' names a table
            elif _ANAPHOR.match(raw):
                # 'This scheme commenced in Q4 2016/17': which scheme is in the sentence before, so the two
                # are drafted together (or joined to it where it is drafted already)
                if _clean(raw) in used:
                    return "skip"
                before = self._beside(s, -1)
                # (opening a paragraph, it points at the table or text above); a sentence before that
                # points back too ('This suggests ...') brings the one it points at, up to two back
                for _ in range(3):
                    if before is None:
                        break
                    raw = before.text.strip() + " " + raw
                    cites = (*_cites(before), *cites)
                    if not _ANAPHOR.match(before.text.strip()):
                        break
                    before = self._beside(before, -1)
            text = _clean(raw)
            if text is None or text in used or (s.passage.doc, s.line) in listed:
                return "skip"
            lead = _clean(cites[0].quote) if len(cites) > 1 else None
            at = next((i for i, p in enumerate(picked) if lead and (p.text == lead or p.text.startswith(lead + " "))),
                      None)  # the subject sentence, drafted alone: this one takes its place
            terms = set(content_terms(text))
            if any(_repeats(terms, t) for i, t in enumerate(seen_terms) if i != at):
                return "skip"  # says what a kept sentence already says
            n = len(text.split()) - (len(picked[at].text.split()) if at is not None else 0)
            if total + n > budget * 1.15:
                return "stop" if total >= budget * 0.85 else "skip"
            listed.update((c.doc, c.line_start) for c in cites[1:] if c.line_start != s.line)
            if len(cites) > 1 and cites[-1].line_start == s.line and (own := _clean(s.text)):
                used.add(own)  # the sentence itself, drafted with the one before it
            if at is not None:
                picked[at] = DraftSentence(text, cites)
                seen_terms[at] = terms
            else:
                picked.append(DraftSentence(text, cites))
                seen_terms.append(terms)
            used.add(text)
            total += n
            follow = self._follow_on(s)
            if follow is not None and (f := _clean(follow.text)) and f not in used and s.line_end in (0, s.line) \
                    and total + len(f.split()) <= budget * 1.15:
                # 'This is greater than the 13.2% in England': the figures that say what the sentence's
                # mean; kept with it, whatever order the draft takes
                last = picked[-1]
                picked[-1] = DraftSentence(f"{last.text} {f}", (*last.citations, *_cites(follow)), last.figures)
                used.update((f, picked[-1].text))
                total += len(f.split())
            listed_after = self._list_stating_figures_after(s)
            if listed_after is not None and total < budget * 0.95:
                # a list of figures right under the sentence ('In summary, the measures showed: ...') is
                # its detail: drafted next, with its lead-in, if the length allows
                take(listed_after, pool, 0.0)
            return "stop" if total >= budget * 0.95 else "took"

        for s in ranked:
            if preferred and (s.passage.id in preferred) == outside:
                continue  # a section the request names: its own sentences, or (asked for) the rest's
            if take(s, ranked, 0.25) == "stop":
                return picked
        if total < 0.85 * budget and picked:
            # short of the length asked for: the sentences around those drafted say more about the same
            # things (the detail under a headline figure), if they touch the topic at all
            near, sections = self._around(picked)
            if preferred:  # a section the request names: only its own sentences
                near = [p for p in near if p.id in preferred]
            pool = self.a.ranked_sentences(q, [(p, 0.0) for p in near])
            for s in pool:
                if claim_like(s.text):
                    s.score += 0.1
                    if s.passage.heading in sections:  # a figure next to a drafted sentence is detail of it
                        s.coverage = max(s.coverage, 0.1)
            pool.sort(key=lambda s: -s.score)
            for s in pool:
                if take(s, pool, 0.1) == "stop":
                    break
        return picked

    def _follow_on(self, s: Sentence) -> Sentence | None:
        """The next sentence of the same source line when it goes on about this one ('This is ...') and
        states a figure (a date alone is not one)."""
        nxt = self._beside(s, +1)
        if nxt is None or not _ANAPHOR.match(nxt.text) or not _states_figure(nxt.text):
            return None
        return nxt

    def _beside(self, s: Sentence, step: int) -> Sentence | None:
        """The sentence before (-1) or after (+1) this one in the same source line; the first one whole
        when a line above begins it (a page break)."""
        spans, at = self._spans_of(s)
        if at is None or not 0 <= at + step < len(spans):
            return None
        if at + step == 0 and (whole := self._begun_above(s, spans[0])) is not None:
            return whole
        return Sentence(s.passage, s.line, s.page, spans[at + step], line_end=s.line)

    def _spans_of(self, s: Sentence) -> tuple[list[str], int | None]:
        """The sentences of the source line `s` is on, and which of them `s` is."""
        found = self.a.index.lines(s.passage.doc, s.page, s.line, s.line)
        if (s.line_end and s.line_end != s.line) or not found:
            return [], None
        spans = [found[0].text[a:b].strip() for a, b in sentence_spans(found[0].text)]
        return spans, next((i for i, x in enumerate(spans) if x == s.text.strip()), None)

    def _begun_above(self, s: Sentence, first: str) -> Sentence | None:
        """The whole sentence when the first sentence of `s`'s line finishes one begun on a line above."""
        above = [ln for ln in self.a.index.lines(s.passage.doc, s.page, s.line - 3, s.line - 1) if ln.text.strip()]
        if not above or "\t" in above[-1].text or above[-1].text.rstrip().endswith((".", "!", "?", ":")):
            return None
        last_word = (above[-1].text.split() or [""])[-1].lower()
        head = sentence_spans(above[-1].text)
        if not head or not (first[:1].islower() or last_word in DANGLING):
            return None
        a, b = head[-1]
        return Sentence(s.passage, above[-1].no, s.page, above[-1].text[a:b].strip() + "\n" + first, line_end=s.line)

    def _list_stating_figures_after(self, s: Sentence) -> Sentence | None:
        """The lead-in line (ending in ':') right under the paragraph (source line) of the sentence `s`, when
        the list after it states figures in at least two items; as a sentence of the same passage."""
        end = max(s.line, s.line_end)
        below = [ln for ln in self.a.index.lines(s.passage.doc, s.page, end + 1, end + 4) if ln.text.strip()]
        if not below or "\t" in below[0].text or not below[0].text.strip().endswith(":"):
            return None
        first = below[0]
        items = self.a.list_after(s.passage.doc, first.page, first.no, limit=8)
        if sum(bool(_states_figure(it.text)) for it in items) < 2:
            return None
        return Sentence(text=first.text.strip(), passage=s.passage, page=first.page, line=first.no,
                        line_end=first.no, score=s.score, coverage=1.0)

    def _lead_in_of(self, s: Sentence) -> Sentence | None:
        """The line ending in ':' that opens the list item `s` is in (the items above it are list items
        too), as a sentence of the same passage."""
        above = self.a.index.lines(s.passage.doc, s.page, max(1, s.line - 15), s.line - 1)
        for ln in reversed(above):
            t = ln.text.strip()
            if not t or LIST_ITEM.match(t):
                continue
            if not t.endswith(":") or "\t" in t:
                return None
            return Sentence(text=t, passage=s.passage, page=ln.page, line=ln.no, line_end=ln.no, score=s.score,
                            coverage=s.coverage)
        return None

    def _is_caption(self, s: Sentence) -> bool:
        """`s` is the whole of a line that names a table."""
        found = self.a.index.lines(s.passage.doc, s.page, s.line, s.line)
        if not found or found[0].text.strip() != s.text.strip():
            return False
        return any(t.doc == s.passage.doc and t.caption_line == s.line for t in self.a.index.tables())

    def _is_tail(self, s: Sentence) -> bool:
        """`s` is the end of a sentence begun on a line above, not a sentence."""
        spans, at = self._spans_of(s)
        return at == 0 and self._begun_above(s, spans[0]) is not None

    def _table_after(self, s: Sentence, q: Any, limit: int = 5) -> tuple[list[Any], list[str]]:
        """The rows of the table that follows a lead-in line, each as 'label value': the value from the
        column of the period asked about, else the last column that is not a change."""
        t = next((t for t in self.a.index.tables() if t.doc == s.passage.doc and t.page == s.page
                  and 0 < t.line_start - max(s.line, s.line_end) <= 3), None)
        if t is None:
            return [], []
        num = _level_cols(t)
        if not num:
            return [], []
        asked = [c for c in num if _periods(t.columns[c]) & set(q.periods)]
        col = (asked or num)[-1]
        rows = [r for r in t.rows if r.role == "body" and len(r.lines) == 1 and r.cells[col].raw][:limit]
        lines = [ln for r in rows for ln in self.a.index.lines(t.doc, r.page_in(t), r.lines[0], r.lines[0])]
        if len(num) == 1:
            return lines, [f"{r.label} {r.cells[col].raw}" for r in rows]
        # the column is named, so its header line is cited too ('19/20 allocation')
        header = [ln for h in t.header_lines[-1:] for ln in self.a.index.lines(t.doc, t.page, h, h)]
        return header + lines, [f"{r.label} {r.cells[col].raw} ({t.columns[col]})" for r in rows]

    def _around(self, picked: list[DraftSentence], reach: int = 8) -> tuple[list[Passage], set[tuple[str, ...]]]:
        """Text passages within a few lines of the drafted sentences' citations, and the sections (heading
        paths) those sentences are in."""
        spots = {(c.doc, c.page, c.line_start) for d in picked for c in d.citations}
        sections = {self.a.index.passages[i].heading for c in (c for d in picked for c in d.citations)
                    if (i := self.a.index.by_id.get(c.passage_id)) is not None}
        near = [p for p in self.a.index.passages if p.kind == "text" and any(
            p.doc == doc and p.page == page and p.line_start - reach <= line <= p.line_end + reach
            for doc, page, line in spots)]
        return near, sections

    # ------------------------------------------------------------------ key figures

    def _key_figures(self, q, scope: list[Passage], focus: Focus | None = None  # type: ignore[no-untyped-def]
                     ) -> tuple[list[DraftSentence], set[str]]:
        """Sentences written by the figure engine from the tables the section is about (where the topic is,
        when the request names no section: a table away from it must be clearly about the topic)."""
        a = self.a
        in_scope = [t for t in a.index.tables() if (not q.docs or t.doc in q.docs) and t.kind == "data"]
        strict = False
        if scope:
            scoped = {p.table_id for p in scope if p.table_id}
            # a table right under one of the section's own (a sub-heading between them) belongs with it
            own = [t for t in in_scope if t.id in scoped]
            scoped |= {t.id for t in in_scope for o in own
                       if t.doc == o.doc and t.page == o.page and 0 < t.line_start - o.line_end <= 4}
            strict = not any(t.id in scoped for t in in_scope)  # the section has no table of its own
            in_scope = [t for t in in_scope if t.id in scoped] or in_scope
        headings = {t.id: a.table_heading(t.id) for t in in_scope}
        m = a.tqa.m
        qset = set(q.terms)

        def context(t: Table) -> str:
            return _table_words(t, headings.get(t.id, ""))

        def about(t: Table) -> float:
            """A table is about the topic when its caption and heading say so; a matching row counts less."""
            ctx = m.weight(qset & m.terms(context(t)))
            rows = m.weight(qset & m.terms(" ".join(r.label for r in t.rows)))
            return 2 * ctx + rows

        def share(t: Table) -> float:
            text = " ".join([context(t), *(r.path() for r in t.rows)])
            return m.weight(qset & m.terms(text)) / (m.weight(qset) or 1.0)

        ranked = sorted((t for t in in_scope if _numeric_cols(t)), key=about, reverse=True)
        # a table from outside the section the request names must be clearly about its topic
        def least_share(t: Table) -> float:
            return 0.5 if strict or (focus is not None and not focus.holds(t.doc, t.line_start, t.line_end)) else 0.3

        chosen = [t for t in ranked[:2] if about(t) > 0 and share(t) >= least_share(t)]
        if len(chosen) == 2 and about(chosen[1]) < 0.6 * about(chosen[0]):
            chosen = chosen[:1]
        if len(chosen) == 1 and not strict:
            # a request about several things ('the outturn and the savings plan'): a table about what the
            # first one leaves out follows it
            have = m.terms(context(chosen[0]))
            more = [t for t in ranked[1:4] if about(t) >= 0.6 * about(chosen[0]) and share(t) >= 0.25
                    and m.weight((qset & m.terms(context(t))) - have) > 0]
            chosen += more[:1]
        if scope:  # the section the request names: its other tables follow, for when its prose runs short
            chosen += [t for t in ranked if t not in chosen and t.id in scoped][:2]
        sentences: list[DraftSentence] = []
        for t in chosen:
            # With two tables, a "Total" row says which table it totals.
            name = _table_name(t, a.index.passages_for_table(t.id)) if len(chosen) > 1 else ""
            sentences.extend(self._table_sentences(t, q, name))
        return sentences, {t.id for t in chosen}

    def _table_sentences(self, t: Table, q, name: str = "") -> list[DraftSentence]:  # type: ignore[no-untyped-def]
        """One sentence per row (totals first): the latest value and, with two periods, the change."""
        num = _level_cols(t)
        periods = [c for c in num if _periods(t.columns[c])]
        if len({frozenset(_periods(t.columns[c])) for c in periods}) < 2:
            periods = []  # one period in every column ('Control total 17/18', 'Actual 17/18'): not a series
        want = set(q.periods)
        b: int | None
        if len(periods) >= 2:
            prefer = [c for c in periods if _periods(t.columns[c]) & want]
            b = prefer[-1] if prefer else periods[-1]
            earlier = [c for c in periods if c < b]
            # two years: year on year; a projection over several years: from the first to the last
            a_col = (earlier[0] if len(periods) >= 3 and not prefer else earlier[-1]) if earlier else None
        else:
            b, a_col = _actual_and_plan(t, num)
        if b is None:
            return []
        summary = re.compile(r"(?i)\b(total|annual|year to date|ytd|overall|all)\b")
        m = self.a.tqa.m
        qset = set(q.terms)
        # rows under a category heading are data; sub-rows of another row (a split of it by place) are not
        parents = {r.label for r in t.rows if r.role == "body"}
        body = [r for r in t.rows if r.role == "body" and r.group not in parents and not summary.search(r.label)]
        whole = True  # the table's totals are part of the story
        body.sort(key=lambda r: -m.weight(qset & m.terms(r.path())))  # rows the topic names first
        valued = [r for r in body if r.cells[b].kind in ("money", "number", "percent") and r.cells[b].value is not None]
        if len(valued) >= 4 and sum(bool(_periods(r.label)) for r in valued) >= 0.8 * len(valued):
            # rows are months or quarters: the best and the worst of the series, not the first few
            valued.sort(key=lambda r: r.cells[b].value or 0)
            body = [valued[0], valued[-1]]
        elif len(valued) >= 3:
            # a table of many things, a few of which the topic names ('Home First' among the schemes): those
            # rows only, and not the table's total
            context = m.terms(_table_words(t, self.a.table_heading(t.id)))
            naming = [r for r in valued if m.weight(qset & m.terms(r.path())) >= 0.5 * m.weight(qset)]
            if naming and len(naming) <= len(valued) // 2 and not (
                    set().union(*(qset & m.terms(r.path()) for r in naming)) & context):
                valued, whole = naming, False
            # rows the topic names, then the largest rows, with the biggest mover second: what a reader of
            # a funding or spending table looks for
            valued.sort(key=lambda r: (-m.weight(qset & m.terms(r.path())), -abs(r.cells[b].value or Decimal(0))))
            if a_col is not None:
                def moved(r: Row) -> Decimal:
                    ca = r.cells[a_col]
                    return abs((r.cells[b].value or 0) - ca.value) if ca.value is not None else Decimal(0)
                mover = max(valued, key=moved)
                if moved(mover) > 0 and mover not in valued[:2]:
                    valued.remove(mover)
                    valued.insert(1, mover)

                def grew(r: Row) -> Decimal:
                    ca = r.cells[a_col]
                    return abs(((r.cells[b].value or 0) - ca.value) / ca.value) if ca.value else Decimal(0)
                # and the fastest mover relative to where it started ('90 and over: +121.6%'), third
                fastest = max(valued, key=grew)
                if grew(fastest) > 0 and fastest not in valued[:3]:
                    valued.remove(fastest)
                    valued.insert(2, fastest)
            body = valued + ([r for r in body if r not in valued] if whole else [])
        rows = ([r for r in t.rows if r.role == "total"] +
                [r for r in t.rows if r.role == "body" and summary.search(r.label)] if whole else []) + body
        told = {p.index for r in rows for p in _parts(t, r, b)}  # parts given with their total
        rows = [r for r in rows if r.index not in told]
        out: list[DraftSentence] = []
        series = a_col is not None and len(periods) >= 2
        unchanged: list[Row] = []
        total_row = next((r for r in rows if r.role == "total" and r.cells[b].value), None)
        # the largest part of the table's total is said to be so, with its share of the total
        biggest = max((x for x in rows if total_row is not None and x.role == "body" and not summary.search(x.label)
                       and x.cells[b].kind == total_row.cells[b].kind and x.cells[b].value is not None),
                      key=lambda x: x.cells[b].value or 0, default=None)
        if biggest is not None and total_row is not None and not 0 < (biggest.cells[b].value or 0) < (
                total_row.cells[b].value or 0):
            biggest = None
        for r in rows[:8]:
            if r.cells[b].kind not in ("money", "number", "percent") or r.cells[b].value is None:
                continue
            figs = [F.lookup(t, r, b)]
            extra_cites: tuple[Citation, ...] = ()
            label = _label(r)
            if summary.search(label) and len(label.split()) <= 2:
                # a bare 'Total' says what it totals: the table's name, which tells two tables apart too
                what = name or _table_name(t, self.a.index.passages_for_table(t.id))
                if what and set(what.lower().split()) - set(label.lower().split()):
                    bare = re.fullmatch(r"(?i)(grand |overall )?totals?", label.strip())
                    label = f"{label} {_lower_first(what)}" if bare else f"{label} ({what})"
            details = []
            quantities = [c.raw for c in r.cells[t.label_cols:] if c.col != b and c.kind == "number" and c.unit
                          and c.unit != "%" and c.value is not None]
            if quantities:  # what the money buys, where the row says ('40,367 hours')
                details.append(", ".join(quantities[:2]))
            group = t.columns[b].rsplit(" / ", 1)[0] if " / " in t.columns[b] else None
            if group and summary.search(label):  # a whole-year row: its breakdown ('NHS 37.0, Social Care 8.6')
                details += [f"{t.columns[c].rsplit(' / ', 1)[-1]} {r.cells[c].raw}" for c in num
                            if c != b and t.columns[c].startswith(group + " / ") and r.cells[c].value is not None]
            parts_of = _parts(t, r, b)
            if parts_of:  # a total of a few rows under one heading: its parts ('Total 41.4 (BHT 20.0, CCG 21.4)')
                details += [f"{p.label} {_amount(p.cells[b])}" for p in parts_of]
                figs.extend(F.lookup(t, p, b) for p in parts_of)
            detail = f" ({', '.join(details)})" if details else ""
            tail = ""
            under = self._breakdown(t, r, b)
            if under:  # a table just below that splits this row ('has two mandated spend areas:')
                u, col, urows = under
                tail = f", of which {_listing([f'{x.label} {_amount(x.cells[col])}' for x in urows])}"
                figs.extend(F.lookup(u, x, col) for x in urows)
                extra_cites += tuple(c for x in urows for c in _row_citations(self.a, u, x))
            if r is biggest and total_row is not None:
                sh = F.share(t, (r, b), (total_row, b), decimals=NARRATIVE_PERCENT_DECIMALS)
                figs += [F.lookup(t, total_row, b), sh]
                extra_cites += _row_citations(self.a, t, total_row)
                tail += f", the largest part of the {_amount(total_row.cells[b])} total ({sh.text})"
            if series:
                # a series beside a baseline or a target ('Baseline at start of pilot', 'Expected baseline'):
                # the latest figure against them, and the series' peak when it is neither end
                refs = [c for c in range(t.label_cols, len(t.columns)) if c not in periods and c != b
                        and _REFERENCE.search(t.columns[c]) and r.cells[c].value is not None]
                if refs:
                    tail += ", against " + _listing([f"{_lower_first(_UNIT.sub('', t.columns[c]).strip())} "
                                                     f"{r.cells[c].raw.strip()}" for c in refs[:2]])
                    figs.extend(F.lookup(t, r, c) for c in refs[:2])
                vals = [c for c in periods if r.cells[c].value is not None and r.cells[c].kind == r.cells[b].kind]
                if len(vals) >= 4:
                    peak = max(vals, key=lambda c: r.cells[c].value or 0)
                    if peak not in (b, a_col) and (r.cells[peak].value or 0) > (r.cells[b].value or 0):
                        tail += f"; highest {_amount(r.cells[peak])} in {_period_name(t, peak)}"
                        figs.append(F.lookup(t, r, peak))
            cites = _row_citations(self.a, t, r) + tuple(
                c for p in parts_of for c in _row_citations(self.a, t, p)) + extra_cites
            text = None
            if series and a_col is not None and r.cells[a_col].kind == r.cells[b].kind \
                    and r.cells[a_col].value is not None:
                try:
                    d = F.difference(t, (r, a_col), (r, b))
                except F.FigureError:
                    d = None
                if d is not None and d.value == 0 and not detail and not tail and r is not biggest:
                    unchanged.append(r)  # said together: 'X, Y and Z are unchanged'
                    continue
                if d is not None:
                    figs.append(d)
                    change = d.text
                    if r.cells[a_col].value:
                        pc = F.percent_change(t, (r, a_col), (r, b), decimals=NARRATIVE_PERCENT_DECIMALS)
                        figs.append(pc)
                        change += f", {pc.text}"
                    if d.value == 0:
                        text = (f"{_subject(label)}{detail} {'are' if _plural(label) else 'is'} unchanged at "
                                f"{_amount(r.cells[b])} in {_period_name(t, a_col)} and {_period_name(t, b)}")
                    else:
                        verb = ("rise" if d.value > 0 else "fall") if _plural(label) else (
                            "rises" if d.value > 0 else "falls")
                        text = (f"{_subject(label)}{detail} {verb} from {_amount(r.cells[a_col])} in "
                                f"{_period_name(t, a_col)} to {_amount(r.cells[b])} in {_period_name(t, b)} ({change})")
            elif a_col is not None and not series:  # actual against plan (or target)
                ca = r.cells[a_col]
                if ca.kind == r.cells[b].kind and ca.value is not None:
                    try:
                        d = F.difference(t, (r, a_col), (r, b))
                        figs.append(d)
                        text = (f"{_subject(label)}{detail} is {_amount(r.cells[b])}{_in(t, b)}, against "
                                f"{_amount(ca)}{_in(t, a_col)} ({d.text})")
                    except F.FigureError:
                        pass
            if text is None:
                text = f"{_subject(label)}{detail} is {_amount(r.cells[b])}{_in(t, b)}"
            out.append(DraftSentence(text + tail + ".", cites, tuple(figs)))
        kinds = self._by_kind(t, q, b)
        if kinds:  # after the table's total, what each kind of row the request names adds up to
            out[1 if out and total_row is not None else 0:0] = kinds
        if unchanged and a_col is not None:
            items = [f"{_label(r)} ({_amount(r.cells[b])})" for r in unchanged]
            verb = "is" if len(items) == 1 else "are"
            out.append(DraftSentence(
                f"{_subject(_listing(items))} {verb} unchanged from {_period_name(t, a_col)} to {_period_name(t, b)}.",
                tuple(c for r in unchanged for c in _row_citations(self.a, t, r)),
                tuple(f for r in unchanged for f in (F.lookup(t, r, a_col), F.lookup(t, r, b)))))
        return out

    def _by_kind(self, t: Table, q, col: int) -> list[DraftSentence]:  # type: ignore[no-untyped-def]
        """'By commissioner, the council £11.4m (6 rows) and the ICB £6.4m (4)': for each column of categories of a
        table of records the request names ('by commissioner and source of funding'), the rows of each kind
        added up, largest first."""
        out = []
        body = [r for r in t.rows if r.role == "body" and r.cells[col].kind in ("money", "number")
                and r.cells[col].value is not None]
        for c in category_cols(t):
            if not header_said(t.columns[c], q.text):
                continue
            groups = kinds_of(t, body, c, col)
            if not 2 <= len(groups) <= 8:
                continue
            try:
                totals = sorted(((name, F.kind_total(t, rows, col, c, name)) for name, rows in groups.items()),
                                key=lambda g: -g[1].value)
            except F.FigureError:
                continue
            items = [f"{name} {f.text} ({len(groups[name])} row{'s' if len(groups[name]) > 1 else ''})"
                     for name, f in totals]
            out.append(DraftSentence(
                f"By {_lower_first(t.columns[c])}, {_listing(items)}.",
                tuple(x for rows in groups.values() for r in rows for x in _row_citations(self.a, t, r)),
                tuple(f for _, f in totals)))
        return out

    def _breakdown(self, t: Table, r: Row, col: int, reach: int = 12) -> tuple[Table, int, list[Row]] | None:
        """A small table just below `t` whose lead-in names row `r` ('The minimum CCG contribution has two
        mandated spend areas:'), with the column of the same name: it splits that row."""
        label = re.sub(r"[^\w\s]", " ", r.label).lower().split()
        if len(label) < 2 or r.role != "body":
            return None
        for u in self.a.index.tables():
            if u.doc != t.doc or u.id == t.id or not 0 < u.line_start - t.line_end <= reach:
                continue
            if " ".join(label) not in " ".join(re.sub(r"[^\w\s]", " ", u.caption).lower().split()):
                continue
            same = [c for c in range(u.label_cols, len(u.columns)) if u.columns[c] == t.columns[col]]
            rows = [x for x in u.rows if x.role == "body" and same and x.cells[same[0]].value is not None]
            if same and 2 <= len(rows) <= 4:
                return u, same[0], rows
        return None

    # ------------------------------------------------------------------ gaps

    def _gaps(self, request: str, prose: list[DraftSentence], figs: list[Figure]) -> list[str]:
        asked, _ = periods_in(request)
        fys = [p for p in asked if re.fullmatch(r"\d{4}-\d{2}", p)]
        have: set[str] = set()
        for s in prose:
            have |= set(periods_in(s.text)[0])
        for f in figs:
            for c in f.cells:
                have |= _periods(c.column)
        missing = [p for p in fys if p not in have and p.split()[0] not in have]
        return [f"The documents give no {p} figures for this." for p in missing] if (prose or figs) else []


# --------------------------------------------------------------------------- helpers


def _words(sentences: Sequence[DraftSentence]) -> int:
    return sum(len(s.text.split()) for s in sentences)


def _take(sentences: Sequence[DraftSentence], budget: int) -> list[DraftSentence]:
    out: list[DraftSentence] = []
    for s in sentences:
        if _words(out) + len(s.text.split()) > budget:
            break
        out.append(s)
    return out


def scope_docs_of(a: Answerer, request: str) -> tuple[str, ...]:
    from .query import scope_docs

    return scope_docs(request, a.name_docs())


def _repeats(a: set[str], b: set[str]) -> bool:
    """Two sentences say the same: most of their words are shared, or one holds nearly all of the other
    (a sentence quoted again inside a longer one)."""
    shared = len(a & b)
    return shared > 0.5 * len(a | b) or (min(len(a), len(b)) >= 5 and shared >= 0.85 * min(len(a), len(b)))


def _without_names(text: str, a: Answerer) -> str:
    """The text without the names of the document it points at ('Bath and North East Somerset plan's'):
    names in a document's title, not names of things in it ('Winter Pressures Grant')."""
    from .query import _NAME, scoping_names

    tokens = {t for t, d in scoping_names(text, a.name_docs()) if t.lower() in a.index.title(d).lower()}
    for m in reversed(list(_NAME.finditer(text))):
        if tokens & {re.sub(r"'s$", "", t) for t in re.findall(r"[A-Za-z&'\-]+", m.group(1))}:
            text = text[:m.start()] + text[m.end():]
    text = re.sub(r"\b(and\s+)+(?=\s|$)|^\s*'s\b|\s'?s\b", " ", text)
    return " ".join(text.split())


def _states_figure(text: str) -> bool:
    """A figure other than a period or a year."""
    return any(n.kind != "number" or n.decimals or not 1990 <= n.value <= 2040
               for n in _periods_and_numbers(text)[1])


def _figures_stated(text: str) -> int:
    return sum(1 for n in _periods_and_numbers(text)[1] if n.kind != "number" or n.decimals or not 1990 <= n.value <= 2040)


def claim_like(text: str) -> bool:
    return bool(re.search(r"£\s?\d|\d%|\b\d[\d,.]*\b", text))


def _bare_heading(h: str) -> str:
    """A heading without its numbering or trailing punctuation, in lower case ('3.6 Review …:' ->
    'review …')."""
    return re.sub(r"^[\d.]+\s*", "", h.lower()).strip(" :–-.")


def _table_words(t: Table, heading: str) -> str:
    """What a table says it is about: caption, heading and column names."""
    return " ".join([t.caption, heading, *t.columns])


def _title(topic: str, scope: Sequence[Passage] = ()) -> str:
    """The section's own heading when the request names one, else the topic as a plain title."""
    if scope:
        heads = [p.heading for p in scope if p.heading]
        if heads:
            shortest = min(heads, key=len)
            return re.sub(r"^\d+(\.\d+)*[a-z]?\.?\s+", "", shortest[-1]).strip() or shortest[-1]
    t = re.sub(r"(?i)^(?:the|a|an|our)\s+", "", topic.strip())
    return (t[0].upper() + t[1:]) if t else "Draft"


def _table_name(t: Table, passages: Sequence[Passage]) -> str:
    """A short name for a table: its caption without lead-in phrasing ("The overall allocations as follows:"
    -> "overall allocations"), else the nearest heading; no numbering."""
    heading = next((p.heading[-1] for p in passages if p.heading), "")
    name = re.sub(r"(?i)\b(is|are)?\s*(as follows|detailed below|shown below|set out below|below)\b.*$", "", t.caption)
    name = re.sub(r"^\s*(table\s+)?[\d.]+[:.)]?\s*", "", name or heading, flags=re.I).strip(" :.")
    name = re.sub(r"(?i)^the\s+", "", name)
    words = name.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _level_cols(t: Table) -> list[int]:
    """Numeric columns that hold levels, not changes ('Difference', '% change')."""
    return [c for c in _numeric_cols(t) if not re.search(r"(?i)change|difference|variance|%", t.columns[c])]


_ACTUAL = re.compile(r"(?i)\b(actual|outturn|achieved|performance)\b")
_PLAN = re.compile(r"(?i)\b(plan|target|trajectory|expected|budget|control total)\b")
_REFERENCE = re.compile(r"(?i)\b(baseline|target|plan|expected|trajectory|benchmark)\b")
_WHOLE = re.compile(r"(?i)\b(all|total|overall)\b")


def _actual_and_plan(t: Table, num: list[int]) -> tuple[int | None, int | None]:
    """For a table without period columns: the column to report (the 'Actual / ALL' of a plan-versus-
    actual table, a 'Total' column, else the last) and the plan or target column to set it against."""
    if not num:
        return None, None

    def pick(cols: list[int]) -> int | None:
        whole = [c for c in cols if _WHOLE.search(t.columns[c].split(" / ")[-1])]
        return whole[0] if whole else cols[0] if cols else None

    actual = pick([c for c in num if _ACTUAL.search(t.columns[c])])
    plan = pick([c for c in num if _PLAN.search(t.columns[c]) and not _ACTUAL.search(t.columns[c])])
    if actual is None:
        return pick([c for c in num if _WHOLE.search(t.columns[c])]) or num[-1], None
    return actual, plan


def _parts(t: Table, r: Row, col: int, most: int = 4) -> list[Row]:
    """The rows a total row adds up when they are a few rows under its own heading."""
    if r.role != "total" or r.group is None:
        return []
    parts = [x for x in t.rows[:r.index] if x.role == "body" and x.group == r.group]
    vals = [x.cells[col].value for x in parts]
    if not 2 <= len(parts) <= most or None in vals or sum(vals) != r.cells[col].value:  # type: ignore[arg-type]
        return []
    return parts


_UNIT = re.compile(r"(?i)\s*\(?(£\s*(m|k|bn|million|000s?|'000s?)|£)\)?\s*$")


def _amount(c: Cell) -> str:
    """A money cell as a reader writes it: the column's unit on the value ('(2.9)' in a '£m' column is
    '-£2.9m'); other cells as the table gives them."""
    raw = c.raw.strip()
    if c.kind != "money" or c.value is None or re.search(r"[A-Za-z]", raw):
        return raw
    suffix = {"m": "m", "k": "k", "bn": "bn"}.get(c.scale or "", None)
    if c.scale and suffix is None:
        return raw
    digits = raw.replace("£", "").strip("()-–− ")
    return f"{'-' if c.value < 0 else ''}£{digits}{suffix or ''}"


def _in(t: Table, col: int) -> str:
    """' in <column>', without the unit the value now carries; nothing when the column is only a unit."""
    name = _UNIT.sub("", t.columns[col] if col < len(t.columns) else "").strip()
    return f" in {name}" if name else ""


def _listing(items: Sequence[str]) -> str:
    """'A, b and c': items after the first lose a capital that only starts the label ('Out of hospital
    spend'), not one that is part of a name or acronym ('ASC spend')."""
    out = [items[0]] + [_lower_first(x) for x in items[1:]]
    return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " and " + out[-1]


def _lower_first(text: str) -> str:
    """A capital that only starts a label goes ('Out of hospital spend'); one of a name or acronym stays."""
    return text[0].lower() + text[1:] if text[:1].isupper() and text[1:2].islower() else text


def _label(r: Row) -> str:
    """A row's name without the scheme number a table puts before it ('8 Protection of Social Care')."""
    return re.sub(r"^\d{1,3}[a-z]?\s+(?=[A-Z])", "", r.path())


def _subject(label: str) -> str:
    """A label that starts a sentence: a capital first; 'the' before a lower-case label."""
    if not label:
        return label
    return label[0].upper() + label[1:] if label[:1].isupper() or label[:1].isdigit() else f"The {label}"


def _plural(label: str) -> bool:
    """'People aged 65-69', 'Delayed transfers': the label names more than one thing."""
    head = re.split(r"\s+(?:of|for|in|on|aged|from|to|by|with)\s+|\s*[(:,–-]", label.strip(), maxsplit=1)[0]
    words = head.split()
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower()
    return first in {"people", "patients", "staff", "children", "adults"} or (
        last.endswith("s") and not last.endswith(("ss", "us", "is")) and not last.isupper())


def _period_name(t: Table, col: int) -> str:
    """The period a column is for, as the table writes it ('19/20' of '19/20 allocation'), else the
    column's name."""
    name = t.columns[col].rsplit(" / ", 1)[-1] if col < len(t.columns) else ""
    m = re.search(r"(?i)\b(?:FY\s?)?(?:\d{4}|\d{2})(?:\s?[/-]\s?\d{2,4})?\b|\b(?:Q[1-4]|"
                  r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b(?:\s+\d{2,4})?", name)
    return m.group(0) if m and _periods(name) else _UNIT.sub("", name).strip() or name



def _cites(s: Sentence) -> tuple[Citation, ...]:
    return tuple(sentence_citations(s))


def _row_citations(a: Answerer, t: Table, r: Row) -> tuple[Citation, ...]:
    return tuple(a.cite_rows(t, [r]))


def _join_items(items: Sequence[str]) -> str:
    """List items in one sentence: '; ' between items, a sub-heading item ('National Metrics:') followed
    straight by its own items."""
    out = ""
    for x in items:
        x = x.strip().rstrip(";")
        if out:
            out += " " if out.endswith(":") else "; "
        out += x
    return out.rstrip(":")


def _item(text: str) -> str:
    """A list item inside a sentence: no marker, and a common first word in lower case ('the drivers')."""
    t = strip_marker(text)
    first = t.split(" ", 1)[0]
    if first in {"The", "A", "An", "This", "These", "Our", "We", "It", "All", "Some", "Each", "Every"}:
        t = first.lower() + t[len(first):]
    return t


def _clean(text: str) -> str | None:
    """A sentence fit for a draft: no list marker, a capital or digit first, terminal punctuation last;
    fragments (too short, or unfinished) and lettered prompts of a form ('a) The proportion of ...') are
    dropped."""
    t = _LIST_MARK.sub("", text.replace("\n", " ")).strip()
    if re.match(r"\(?[A-Za-z]\)\s", t):
        return None
    while _LIST_MARK.match(t):  # '- d. One would expect ...': every marker, not only the first
        t = _LIST_MARK.sub("", t, count=1).strip()
    t = re.sub(r"\s+", " ", t)
    if len(t.split()) < 5 or t.endswith((":", ",", ";")) or "\t" in t:
        return None
    last = t.rstrip(".!?").split()[-1].lower()
    if last in {"the", "a", "an", "of", "to", "and", "or", "that", "with", "for", "in", "on", "by", "which", "than"}:
        return None  # cut off mid-sentence
    if not (t[0].isupper() or t[0].isdigit()):
        if t[0].isalpha():
            t = t[0].upper() + t[1:]
        else:
            return None
    if not t.endswith((".", "!", "?")):
        t += "."
    return t


# Where the topic of a request that names no section is (Drafter._section): of the FOCUS_TOP text passages
# retrieval ranks best, those that lie together (each within FOCUS_REACH lines of the next) and hold at least
# FOCUS_SHARE of their retrieval score; the draft takes its sentences from there and FOCUS_REACH lines around,
# each gaining FOCUS_WEIGHT. Best passages spread over the document say no one place is the topic: no focus.
FOCUS_TOP = 8
FOCUS_REACH = 40
FOCUS_SHARE = 0.5
FOCUS_WEIGHT = 0.3
# a heading that restates the request (Drafter._heading_focus) says at least this share of its words' weight.
# On the 20 new draft requests (bench/draft.py --set new): 0.6 and 0.7 cover 57 of 94 key points, 0.5 54, 0.4 and
# 0.8 53 (53 without it); the dev drafts are the same at every value
HEADING_SHARE = 0.6


@dataclass(frozen=True)
class Focus:
    """Where the topic of a request is: lines of one document, within the outermost sections the best passages
    are in (a stretch of lines may run into the next chapter; its sentences are not about the topic)."""
    doc: str
    first: int
    last: int
    sections: frozenset[str] = frozenset()
    named: bool = False  # a heading that restates the request (Drafter._heading_focus), not where retrieval gathers

    def holds(self, doc: str, line: int, line_end: int = 0, heading: tuple[str, ...] | None = None) -> bool:
        if doc != self.doc or not (self.first <= max(line, line_end) and line <= self.last):
            return False
        return heading is None or not heading or not self.sections or heading[0] in self.sections


def _focus(candidates: Sequence[tuple[Passage, float]]) -> Focus | None:
    """Where the best-ranked text passages gather, if they gather anywhere."""
    top = [(p, max(0.0, sc)) for p, sc in candidates if p.kind == "text"][:FOCUS_TOP]
    mass = sum(sc for _, sc in top)
    if not top or mass <= 0:
        return None
    clusters: list[list[tuple[Passage, float]]] = []
    for p, sc in sorted(top, key=lambda x: (x[0].doc, x[0].line_start)):
        last = clusters[-1][-1][0] if clusters else None
        if last is not None and last.doc == p.doc and p.line_start - last.line_end <= FOCUS_REACH:
            clusters[-1].append((p, sc))
        else:
            clusters.append([(p, sc)])
    best = max(clusters, key=lambda c: sum(sc for _, sc in c))
    if sum(sc for _, sc in best) < FOCUS_SHARE * mass:
        return None
    return Focus(best[0][0].doc, min(p.line_start for p, _ in best) - FOCUS_REACH,
                 max(p.line_end for p, _ in best) + FOCUS_REACH, frozenset(p.heading[0] for p, _ in best if p.heading))


def _in_document_order(sentences: list[DraftSentence]) -> list[DraftSentence]:
    """The section's own order: by where each sentence's first source line is (a table's sentences keep
    their order, total first, since they cite the table's header first)."""
    return sorted(sentences, key=lambda s: (s.citations[0].doc, s.citations[0].page or 0, s.citations[0].line_start)
                  if s.citations else ("", 0, 0))


def _source_name(d: Draft, doc: str) -> str:
    """A cited document as readers know it: its title, with the file name as detail."""
    title = d.titles.get(doc)
    return f"{title} ({doc})" if title and title != doc else doc


def to_markdown(d: Draft, footnotes: bool = True) -> str:
    """The draft with footnote citations ([^n]) and a key-figures table. With footnotes=False, for
    renderers without footnotes (the app), sources are numbered [n] and listed under "Sources"."""
    notes: list[Citation] = []
    lines: list[str] = []
    for sec in d.sections:
        lines.append(f"## {sec.heading}")
        lines.append("")
        para = []
        for s in sec.sentences:
            refs = []
            for c in s.citations:
                if c not in notes:
                    notes.append(c)
                refs.append(f"[^{notes.index(c) + 1}]" if footnotes else f"[{notes.index(c) + 1}]")
            para.append(s.text + "".join(dict.fromkeys(refs)))
        lines.append(" ".join(para))
        lines.append("")
    if d.figures:
        lines += ["### Key figures", "", "| Figure | Value | How it was obtained |", "|---|---|---|"]
        for f in d.figures:
            lines.append(f"| {f.description} | {f.text} | {f.formula} |")
        lines.append("")
    if d.gaps:
        lines += ["### Gaps", ""] + [f"- {g}" for g in d.gaps] + [""]
    if d.notes:
        lines += ["### Notes", ""] + [f"- {n}" for n in d.notes] + [""]
    if notes and not footnotes:
        lines += ["### Sources", ""]
    for i, c in enumerate(notes, 1):
        where = f"page {c.page}, " if c.page else ""
        span = f"{c.line_start}" if c.line_start == c.line_end else f"{c.line_start}–{c.line_end}"
        quote = c.quote.replace(chr(9), " | ").replace(chr(10), " ")
        doc = _source_name(d, c.doc)
        lines.append(f"[^{i}]: {doc}, {where}line {span}: “{quote}”" if footnotes else
                     f"{i}. {doc}, {where}line {span}: “{quote}”")
    return "\n".join(lines).rstrip() + "\n"


def to_docx(d: Draft, path: str) -> None:
    """The draft as a Word document: headings, paragraphs with numbered source markers, a key-figures
    table, gaps, and an endnote list of sources."""
    import docx

    doc = docx.Document()
    doc.add_heading("Draft", level=0)
    notes: list[Citation] = []
    for sec in d.sections:
        doc.add_heading(sec.heading, level=1)
        para = doc.add_paragraph()
        for s in sec.sentences:
            para.add_run(s.text)
            for c in s.citations:
                if c not in notes:
                    notes.append(c)
                run = para.add_run(f"[{notes.index(c) + 1}]")
                run.font.superscript = True
            para.add_run(" ")
    if d.figures:
        doc.add_heading("Key figures", level=2)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, ("Figure", "Value", "How it was obtained"), strict=True):
            cell.text = title
        for f in d.figures:
            row = table.add_row().cells
            row[0].text, row[1].text, row[2].text = f.description, f.text, f.formula
    if d.gaps:
        doc.add_heading("Gaps", level=2)
        for g in d.gaps:
            doc.add_paragraph(g, style="List Bullet")
    if d.notes:
        doc.add_heading("Notes", level=2)
        for n in d.notes:
            doc.add_paragraph(n, style="List Bullet")
    if notes:
        doc.add_heading("Sources", level=2)
        for i, c in enumerate(notes, 1):
            where = f"page {c.page}, " if c.page else ""
            doc.add_paragraph(f"[{i}] {_source_name(d, c.doc)}, {where}lines {c.line_start}–{c.line_end}: "
                              f"“{c.quote.replace(chr(9), ' | ')}”")
    doc.save(path)
