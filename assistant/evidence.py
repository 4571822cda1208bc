"""What answers rest on, whichever path found them: the evidence a table or a prose answer hands to the
policy (answer.decide), the sentences prose selection ranks (prose.py; also what drafts and claim checks
read), and the measures both paths share: how much of a question some words cover, and how far an answer
beats another document's best.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .query import Query
from .tableqa import Matcher
from .types import Citation, Figure, Passage

# the words that make a figure a yardstick rather than what happened ('against the national target of 78%', 'a
# ceiling of £2.4m'): prose arithmetic works out a figure against one, the claim checker keeps a claim about what
# happened from being supported by one
YARDSTICK_WORDS = ("target", "standard", "ambition", "plan", "trajectory", "ceiling", "budget", "threshold",
                   "benchmark", "cap", "limit", "forecast")


@dataclass
class Evidence:
    """What an answer rests on, before it is written out."""

    text: str
    citations: list[Citation]
    figures: list[Figure] = field(default_factory=list)
    score: float = 0.0
    coverage: float = 0.0
    kind: str = "prose"
    state: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence:
    """A sentence of a retrieved passage, with the lines it starts and ends on; once ranked, its score and the
    share of the question it covers."""

    passage: Passage
    line: int
    page: int | None
    text: str
    score: float = 0.0
    coverage: float = 0.0
    line_end: int = 0
    # the sentence before, when this one points back at it ('The increase was mainly driven by ...'), and
    # the line it starts on: what the sentence is about is said there
    before: str = ""
    before_line: int = 0
    # the part of the sentence printed at the top of the next page (a PDF's page break cuts a paragraph): the
    # sentence is whole in `text`, and is cited on both pages
    cont: Citation | None = None


def sentence_citations(s: Sentence) -> list[Citation]:
    """The citations of a sentence: its lines, and, for a sentence a page break cuts, the lines it goes on
    to at the top of the next page (each quoting the part of the sentence printed there)."""
    if s.cont is None:
        return [Citation(s.passage.id, s.passage.doc, s.page, s.line, max(s.line, s.line_end), s.text)]
    head = s.text[:len(s.text) - len(s.cont.quote)].rstrip()
    return [Citation(s.passage.id, s.passage.doc, s.page, s.line, max(s.line, s.line_end), head), s.cont]


def quoted(sents: Sequence[Sentence]) -> tuple[str, list[Citation]]:
    """Sentences as a reply's text, each followed by the marks of its citations ('[1]', or '[2][3]' for a
    sentence a page break cuts), and those citations in order."""
    parts: list[str] = []
    cites: list[Citation] = []
    for s in sents:
        own = sentence_citations(s)
        marks = "".join(f"[{len(cites) + k}]" for k in range(1, len(own) + 1))
        parts.append(f"{full_sentence(s.text.replace(chr(10), ' '))} {marks}")
        cites += own
    return " ".join(parts), cites


def coverage(m: Matcher, q: Query, terms: Iterable[str]) -> float:
    """The share of the question's weight that some terms cover (each question word counted once)."""
    have = set(terms)
    return m.weight([t for t in q.terms if t in have]) / (m.weight(q.terms) or 1.0)


def doc_margin(best: float, others: Iterable[tuple[str, float]], docs: set[str]) -> float | None:
    """How far the answer's score beats the best candidate of the same kind from another document (None
    when no other document had one): asked of many documents at once, a question another document's
    table or sentence answers as well is one whose document is a guess."""
    rival = max((sc for d, sc in others if d not in docs), default=None)
    return None if rival is None else best - rival


def full_sentence(text: str) -> str:
    """A quoted sentence as a sentence of the answer: capitalised, and ended with a full stop."""
    t = text.strip()
    t = t[0].upper() + t[1:] if t and t[0].islower() else t
    return t if t.endswith((".", "!", "?", ":")) else t + "."
