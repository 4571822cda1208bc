"""question -> list[Hit]: dense (FAISS), keyword (BM25), or both fused by reciprocal rank.

Three retrievers share one protocol, so callers and tests treat them alike; `make_retriever` picks one
from settings.retrieval.mode.
"""

from __future__ import annotations

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
    factories = {
        "hybrid": lambda: HybridRetriever(index, settings),
        "dense": lambda: DenseRetriever(index),
        "bm25": lambda: BM25Retriever(index),
    }
    return factories[settings.mode]()
