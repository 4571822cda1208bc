"""question -> list[Hit]: dense (FAISS), keyword (BM25), or both fused by reciprocal rank.

Three retrievers share one protocol, so callers and tests treat them alike; `make_retriever` picks one
from settings.retrieval.mode.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

from .index import Index
from .settings import RetrievalSettings
from .types import Hit


class Retriever(Protocol):
    def retrieve(self, query: str, k: int = 5, docs: list[str] | None = None) -> list[Hit]:
        """The k best passages for `query`, best first, optionally within some documents."""
        ...


class DenseRetriever:
    def __init__(self, index: Index) -> None:
        self.index = index

    def ranked(self, query: str, n: int, docs: list[str] | None = None) -> list[tuple[int, float]]:
        return self.index.dense(self.index.embed_query(query), n, docs)

    def retrieve(self, query: str, k: int = 5, docs: list[str] | None = None) -> list[Hit]:
        return [Hit(self.index.passages[i], s) for i, s in self.ranked(query, k, docs)]


class BM25Retriever:
    def __init__(self, index: Index) -> None:
        self.index = index

    def ranked(self, query: str, n: int, docs: list[str] | None = None) -> list[tuple[int, float]]:
        return self.index.keyword(query, n, docs)

    def retrieve(self, query: str, k: int = 5, docs: list[str] | None = None) -> list[Hit]:
        return [Hit(self.index.passages[i], s) for i, s in self.ranked(query, k, docs)]


class HybridRetriever:
    """Dense and BM25 rankings fused by weighted reciprocal rank: score = sum(w / (rrf_k + rank))."""

    def __init__(self, index: Index, settings: RetrievalSettings) -> None:
        self.index = index
        self.settings = settings
        self.dense = DenseRetriever(index)
        self.bm25 = BM25Retriever(index)

    def fused(self, query: str, docs: list[str] | None = None) -> list[tuple[int, float]]:
        n = self.settings.candidates
        scores: dict[int, float] = {}
        for weight, ranking in ((self.settings.dense_weight, self.dense.ranked(query, n, docs)),
                                (self.settings.bm25_weight, self.bm25.ranked(query, n, docs))):
            for rank, (i, _) in enumerate(ranking):
                scores[i] = scores.get(i, 0.0) + weight / (self.settings.rrf_k + rank + 1)
        return sorted(scores.items(), key=lambda kv: -kv[1])

    def retrieve(self, query: str, k: int = 5, docs: list[str] | None = None) -> list[Hit]:
        return diversify([Hit(self.index.passages[i], s) for i, s in self.fused(query, docs)], k,
                         self.settings.per_table)


def diversify(hits: list[Hit], k: int, per_table: int) -> list[Hit]:
    """The best k hits with at most `per_table` passages from any one table."""
    out: list[Hit] = []
    taken: dict[str, int] = {}
    for h in hits:
        t = h.passage.table_id
        if t is not None:
            if taken.get(t, 0) >= per_table:
                continue
            taken[t] = taken.get(t, 0) + 1
        out.append(h)
        if len(out) == k:
            break
    return out


def make_retriever(index: Index, settings: RetrievalSettings) -> Retriever:
    factories: dict[str, Callable[[], Retriever]] = {
        "hybrid": lambda: HybridRetriever(index, settings),
        "dense": lambda: DenseRetriever(index),
        "bm25": lambda: BM25Retriever(index),
    }
    return factories[settings.mode]()


def retrieve_in_context(retriever: Retriever, index: Index, settings: RetrievalSettings, query: str, k: int,
                        docs: list[str] | None = None) -> list[Hit]:
    """What `assistant retrieve` returns: the k best passages, each inside its window of neighbouring lines
    (settings.context_chars; 0 gives the matched passages). A larger pool is retrieved first, because a hit
    that falls inside an earlier window widens it instead of taking a place."""
    pool = retriever.retrieve(query, max(3 * k, settings.candidates), docs)
    return with_context(index, pool, k, settings.context_chars)


def with_context(index: Index, hits: list[Hit], k: int, budget: int) -> list[Hit]:
    """The first k hits, each shown inside a window of the source lines around it (small-to-big retrieval).

    A passage is matched on its own (a sentence group, a table row, a caption) but read in context: its
    window grows one line at a time, following lines first, then preceding ones, while it stays within
    `budget` characters and does not enter lines another window shows. A later hit that overlaps a window
    widens that window instead of taking a place of its own, so no line is shown twice. `budget` 0 returns
    the matched passages alone.
    """
    if budget <= 0:
        return hits[:k]
    windows: list[_Window] = []
    for h in hits:
        p = h.passage
        same = [w for w in windows if w.doc == p.doc and w.page == p.page
                and w.start <= p.line_end and p.line_start <= w.end]
        if same:  # widen the window towards the rest of the passage, up to its neighbours
            w = same[0]
            others = [o for o in windows if o is not w and o.doc == p.doc and o.page == p.page]
            w.start = max([min(w.start, p.line_start), *(o.end + 1 for o in others if o.end < w.start)])
            w.end = min([max(w.end, p.line_end), *(o.start - 1 for o in others if o.start > w.end)])
            continue
        if len(windows) == k:
            break
        w = _Window(h, p.doc, p.page, p.line_start, p.line_end)
        taken = [(o.start, o.end) for o in windows if o.doc == p.doc and o.page == p.page]
        used = sum(len(ln.text) + 1 for ln in index.lines(p.doc, p.page, w.start, w.end))
        grown = True
        while grown:
            grown = False
            for n in (w.end + 1, w.start - 1):
                if n < 1 or any(a <= n <= b for a, b in taken):
                    continue
                line = index.lines(p.doc, p.page, n, n)
                cost = len(line[0].text) + 1 if line and line[0].text else 0
                if not line or used + cost > budget:
                    continue
                used += cost
                w.start, w.end = min(w.start, n), max(w.end, n)
                grown = True
        windows.append(w)
    out = []
    for w in windows:
        text = "\n".join(ln.text for ln in index.lines(w.doc, w.page, w.start, w.end) if ln.text)
        ctx = dataclasses.replace(w.hit.passage, line_start=w.start, line_end=w.end, text=text, char_start=0,
                                  char_end=None)
        out.append(dataclasses.replace(w.hit, context=ctx))
    return out


@dataclasses.dataclass
class _Window:
    hit: Hit
    doc: str
    page: int | None
    start: int
    end: int
