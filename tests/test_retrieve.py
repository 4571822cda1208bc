"""Retrievers share one contract (dense, BM25, hybrid); the hybrid one is tested on the real corpus too."""

from __future__ import annotations

import pytest

from assistant.index import Index
from assistant.retrieve import BM25Retriever, DenseRetriever, HybridRetriever, Retriever, with_context
from assistant.settings import Settings


class RetrieverContract:
    """Every retriever: best first, k respected, document filter respected, finds an exact table row."""

    def make(self, index: Index) -> Retriever:
        raise NotImplementedError

    def test_finds_a_table_row(self, fixture_index: Index) -> None:
        hits = self.make(fixture_index).retrieve("Reablement proposed 19/20 budget", k=5)
        assert any("£2,341,354" in h.passage.text for h in hits)

    def test_k_and_order(self, fixture_index: Index) -> None:
        hits = self.make(fixture_index).retrieve("delayed transfers of care target", k=3)
        assert 0 < len(hits) <= 3
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)

    def test_document_filter(self, fixture_index: Index) -> None:
        r = self.make(fixture_index)
        assert r.retrieve("delayed transfers of care", k=5, docs=["no-such-doc.txt"]) == []
        assert all(h.passage.doc == "plan.txt" for h in r.retrieve("delayed transfers", k=5, docs=["plan.txt"]))

    def test_hits_carry_provenance(self, fixture_index: Index) -> None:
        for h in self.make(fixture_index).retrieve("non-elective admissions", k=5):
            p = h.passage
            assert p.doc == "plan.txt" and 1 <= p.line_start <= p.line_end


class TestDense(RetrieverContract):
    def make(self, index: Index) -> Retriever:
        return DenseRetriever(index)


class TestBM25(RetrieverContract):
    def make(self, index: Index) -> Retriever:
        return BM25Retriever(index)


class TestHybrid(RetrieverContract):
    def make(self, index: Index) -> Retriever:
        return HybridRetriever(index, Settings().retrieval)


def test_acronyms_expand_queries(fixture_index: Index) -> None:
    assert fixture_index.acronyms.get("NEA") == "non-elective admissions"
    hits = BM25Retriever(fixture_index).retrieve("NEA actual Q2", k=3)
    assert any("2581" in h.passage.text for h in hits)


@pytest.mark.corpus
def test_hybrid_finds_the_dfg_row_in_the_corpus(corpus_index: Index) -> None:
    hits = HybridRetriever(corpus_index, Settings().retrieval).retrieve("How much DFG went to Wycombe in 2019-20?", 5)
    assert any(h.passage.doc.startswith("000_") and h.passage.line_start <= 69 <= h.passage.line_end for h in hits)


def test_context_windows_are_bounded_distinct_and_hold_the_match(fixture_index: Index) -> None:
    hits = HybridRetriever(fixture_index, Settings().retrieval).retrieve("delayed transfers of care target", k=15)
    budget = 400
    windows = with_context(fixture_index, hits, 4, budget)
    assert len(windows) == 4
    spans = []
    for h in windows:
        w, p = h.shown, h.passage
        assert w is h.context and w.doc == p.doc
        assert w.line_start <= p.line_start <= p.line_end <= w.line_end
        lines = fixture_index.lines(w.doc, w.page, w.line_start, w.line_end)
        assert w.text == "\n".join(ln.text for ln in lines if ln.text)
        spans.append((w.doc, w.line_start, w.line_end))
    for i, (d, a, b) in enumerate(spans):  # no line is shown twice
        assert not any(d == d2 and a <= b2 and a2 <= b for d2, a2, b2 in spans[i + 1:])
    # every hit's lines are shown: in its own window or in the window it widened
    last = [h.passage for h in hits].index(windows[-1].passage)
    for h in hits[:last]:
        assert any(d == h.passage.doc and a <= h.passage.line_start and h.passage.line_end <= b for d, a, b in spans)
    # a window grown from one passage stays within the budget (unless the passage alone is longer)
    one = with_context(fixture_index, hits[:1], 1, budget)[0]
    core = fixture_index.lines(one.passage.doc, one.passage.page, one.passage.line_start, one.passage.line_end)
    assert len(one.shown.text) <= max(budget, sum(len(ln.text) + 1 for ln in core))
    assert one.shown.line_end > one.passage.line_end or one.shown.line_start < one.passage.line_start


def test_no_context_returns_the_matched_passages(fixture_index: Index) -> None:
    hits = HybridRetriever(fixture_index, Settings().retrieval).retrieve("reablement budget", k=5)
    assert with_context(fixture_index, hits, 3, 0) == hits[:3]
    assert all(h.context is None for h in hits)
