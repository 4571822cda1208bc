"""Answering with a language model, verified before anything is shown.

1. Gather the evidence as the default answerer does (retrieval, table cells, computed figures).
2. Give the model the passages (with ids) and the figures (with formulas) through prompts/answer.md.
3. Verify the reply sentence by sentence: it must cite passages or figures it was given (invented ids are
   dropped), and every number in it must appear in what it cites (the number lock). Failing sentences are
   removed and the removal is noted. A reply that leaks the instructions is discarded.
4. If nothing verified is left, or the server fails (timeout, refused connection, malformed reply), the
   default answerer's answer is returned with a note saying why.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .answer import Answerer, Work
from .errors import LLMError
from .llm import LLM
from .prompts import CITATION, NOT_FOUND, render
from .query import content_terms
from .text import sentence_spans
from .types import Answer, Citation, Figure
from .verify import unlocked_numbers

log = logging.getLogger(__name__)


@dataclass
class Context:
    """What the model is shown: numbered passages and figures."""

    passages: list[tuple[str, Citation, str]] = field(default_factory=list)  # (id, citation, text)
    figures: list[tuple[str, Figure]] = field(default_factory=list)

    def passages_block(self) -> str:
        out = []
        for pid, c, text in self.passages:
            where = f"{c.doc}, page {c.page}, lines {c.line_start}-{c.line_end}" if c.page else \
                f"{c.doc}, lines {c.line_start}-{c.line_end}"
            out.append(f"[{pid}] ({where})\n{text}")
        return "\n\n".join(out) or "(none)"

    def figures_block(self) -> str:
        return "\n".join(f"[{fid}] {f.text} = {f.formula} ({f.description})" for fid, f in self.figures) or "(none)"


@dataclass
class Verified:
    text: str
    citations: list[Citation]
    figures: list[Figure]
    dropped: list[str]
    not_found: bool = False


def build_context(answerer: Answerer, w: Work, n_passages: int = 6) -> Context:
    """The passages and figures the default answerer found, numbered for the prompt."""
    ctx = Context()
    seen: set[tuple[str, int, int]] = set()

    def add(c: Citation, text: str) -> None:
        key = (c.doc, c.line_start, c.line_end)
        if key in seen or not text.strip():
            return
        seen.add(key)
        ctx.passages.append((f"P{len(ctx.passages) + 1}", c, text))

    if w.table_ev is not None:
        for c in w.table_ev.citations:
            add(c, c.quote.replace("\t", " | "))
        for f in w.table_ev.figures:
            ctx.figures.append((f"F{len(ctx.figures) + 1}", f))
    if w.prose_ev is not None:
        for c in w.prose_ev.citations:
            add(c, c.quote)
    for p, _ in w.candidates:
        if len(ctx.passages) >= n_passages + 4:
            break
        if p.kind in ("text", "row"):
            lines = answerer.index.lines(p.doc, p.page, p.line_start, p.line_end)
            quote = "\n".join(ln.text for ln in lines if ln.text.strip()) if p.kind == "text" else (
                lines[0].text if lines else p.text)
            add(Citation(p.id, p.doc, p.page, p.line_start, p.line_end, quote), p.text)
    return ctx


@dataclass
class Kept:
    """One sentence of the model's reply that passed verification, with what it cites."""

    text: str
    citations: list[Citation]
    figures: list[Figure]


def verify_sentences(reply: str, ctx: Context, system: str) -> tuple[list[Kept], list[str]]:
    """The reply's sentences that cite what they were given and whose numbers those sources contain
    (each with its citations and figures), and the sentences dropped."""
    body = reply.strip().replace("\n", " ")
    # 'It rose. [P1] Then…': ids written after the full stop belong to the sentence before it
    body = re.sub(r"([.!?])((?:\s*" + CITATION + r")+)", lambda m: f"{m.group(2)}{m.group(1)}", body)
    passages = {pid: (c, text) for pid, c, text in ctx.passages}
    figures = dict(ctx.figures)
    kept: list[Kept] = []
    dropped: list[str] = []
    for a, b in sentence_spans(body):
        sentence = body[a:b].strip()
        ids = [f"{m.group(1)}{m.group(2)}" for m in re.finditer(CITATION, sentence)]
        plain = re.sub(r"\s*" + CITATION, "", sentence).strip()
        known = [i for i in ids if i in passages or i in figures]
        invented = [i for i in ids if i not in passages and i not in figures]
        if invented:
            log.info("dropping invented citation ids %s", invented)
        if not plain or _leaks(plain, system) or not known:
            dropped.append(sentence)
            continue
        evidence = [passages[i][1] for i in known if i in passages] + [passages[i][0].quote for i in known if i in passages]
        used_figs = [figures[i] for i in known if i in figures]
        if unlocked_numbers(plain, evidence, used_figs) or not _grounded(
                plain, evidence + [f"{f.description} {f.formula}" for f in used_figs]):
            dropped.append(sentence)
            continue
        cites: list[Citation] = []
        for i in known:
            if i in passages:
                cites.append(passages[i][0])
            else:  # a figure is cited through the rows it was computed from
                cites.extend(c for c, _ in passages.values() if any(
                    c.doc == cell.doc and c.line_start <= cell.line <= c.line_end for cell in figures[i].cells))
        kept.append(Kept(plain, list(dict.fromkeys(cites)), used_figs))
    return kept, dropped


def verify_reply(reply: str, ctx: Context, system: str) -> Verified:
    """Keep the sentences that cite what they were given and whose numbers those sources contain."""
    if NOT_FOUND.lower().rstrip(".") in reply.strip().lower():
        return Verified("", [], [], [], not_found=True)
    kept, dropped = verify_sentences(reply, ctx, system)
    cites: list[Citation] = []
    figs: list[Figure] = []
    texts = []
    for k in kept:
        marks = []
        for c in k.citations:
            if c not in cites:
                cites.append(c)
            marks.append(f"[{cites.index(c) + 1}]")
        figs.extend(f for f in k.figures if f not in figs)
        texts.append(f"{k.text.rstrip()} {' '.join(dict.fromkeys(marks))}".rstrip())
    return Verified(" ".join(texts), cites, figs, dropped)


def _grounded(sentence: str, evidence: Sequence[str]) -> bool:
    """At least half of the sentence's content words occur in what it cites (a paraphrase is fine; a
    sentence about something else is not)."""
    words = set(content_terms(sentence))
    if not words:
        return False
    have = set().union(*(set(content_terms(e)) for e in evidence)) if evidence else set()
    return len(words & have) >= 0.5 * len(words)


def _leaks(sentence: str, system: str) -> bool:
    """Does the sentence repeat a run of eight or more words of the instructions?"""
    words = re.findall(r"[a-z]+", sentence.lower())
    sys_text = " ".join(re.findall(r"[a-z]+", system.lower()))
    return any(" ".join(words[i:i + 8]) in sys_text for i in range(0, max(0, len(words) - 7)))


class LLMAnswerer:
    """Answers written by a language model from the default answerer's evidence, verified."""

    def __init__(self, default: Answerer, llm: LLM) -> None:
        self.default = default
        self.llm = llm
        self.mode = f"llm:{llm.name}"

    def ask(self, question: str, history: Sequence[Any] | None = None, docs: Sequence[str] | None = None) -> Answer:
        question = " ".join(question.split())
        if not question:
            return self.default.ask(question)
        system = render("system")
        asked = self._condense(question, history, system)
        w = self.default.gather(question, history, docs, asked=asked)
        fallback = self.default.finish(w)
        if not fallback.answered and "unsure" in fallback.state:
            # the evidence was found but its answer is below the confidence floor (confidence.py): a model
            # writing from the same evidence is no more likely to be right, so the reply stays a withheld one
            return _with_note(fallback, "the answer found was below the confidence threshold; the language "
                                        "model was not asked")
        if "unanswered" in fallback.state:  # a question in parts, some of which nothing answers confidently
            return _with_note(fallback, "part of the question has no confident answer in the documents; the "
                                        "language model was not asked")
        ctx = build_context(self.default, w)
        if not ctx.passages:
            return fallback
        prompt = render("answer", question=w.asked, passages=ctx.passages_block(), figures=ctx.figures_block(),
                        not_found=NOT_FOUND)
        try:
            reply = self.llm.complete(system, prompt)
        except LLMError as e:
            return _with_note(fallback, f"the language model could not be used ({e}); this is the extractive answer")
        v = verify_reply(reply, ctx, system)
        if v.not_found:
            if fallback.answered:
                return _with_note(fallback, "the language model found no answer in the passages; this is the "
                                            "extractive answer, which does")
            return _with_note(fallback, "the language model also found no answer")
        if not v.text:
            return _with_note(fallback, f"the language model's answer could not be verified ({len(v.dropped)} "
                                        "sentence(s) removed); this is the extractive answer")
        notes = []
        if v.dropped:
            notes.append(f"{len(v.dropped)} sentence(s) of the model's answer were removed: they cited nothing "
                         "given to it or held a number not in what they cited")
        if w.asked != question:
            notes.append(f"read as: {w.asked}")
        figures = v.figures or [f for _, f in ctx.figures if f.text in v.text]
        return Answer(question, v.text, v.citations, figures, True, self.mode, closest=[], notes=notes,
                      index_hash=self.default.index.hash, state=fallback.state)

    def _condense(self, question: str, history: Sequence[Any] | None, system: str) -> str | None:
        """A follow-up rewritten as a standalone question by the model (None: let the rules do it)."""
        if not history:
            return None
        from .answer import _previous, is_follow_up

        prev = _previous(history)
        if prev is None or not is_follow_up(question):
            return None
        turns = []
        for h in history[-3:]:
            q = h.question if isinstance(h, Answer) else (h.get("question") if isinstance(h, dict) else str(h))
            a = h.text if isinstance(h, Answer) else (h.get("answer", "") if isinstance(h, dict) else "")
            turns.append(f"Q: {q}\nA: {a}")
        try:
            reply = self.llm.complete(system, render("condense", history="\n".join(turns), question=question))
        except LLMError:
            return None
        line = reply.strip().splitlines()[0].strip() if reply.strip() else ""
        return line if 3 <= len(line.split()) <= 60 and not line.startswith("[") else None


def _with_note(answer: Answer, note: str) -> Answer:
    answer.notes.append(note)
    return answer

