"""The query encoder (numpy) gives the same vectors as sentence-transformers, and budgets are measured."""

from __future__ import annotations

import numpy as np

from assistant.embedding import NumpyEmbedder, SentenceTransformerEmbedder, TokenCounter
from assistant.settings import Settings

TEXTS = [
    "How much DFG went to Wycombe in 2019-20?",
    "Wycombe\t£1,277,735",
    "Delayed transfers of care (DTOC) averaged 46.8 daily delays against a local target of 31.8. " * 8,
    "ß é — “quotes” and emoji 🙂 survive tokenisation",
]


def test_numpy_encoder_matches_sentence_transformers(st_embedder: SentenceTransformerEmbedder) -> None:
    ours = NumpyEmbedder(Settings().embedding).embed(TEXTS)
    ref = st_embedder.embed(TEXTS)
    assert ours.shape == ref.shape == (len(TEXTS), 384)
    cos = (ours * ref).sum(axis=1)
    assert np.all(cos > 0.9999), cos
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_token_counter_counts_word_pieces_without_truncating() -> None:
    count = TokenCounter(Settings().embedding)
    long = "reablement " * 400
    assert count(long) >= 400  # no silent truncation at 128 or 256
    assert count.window == 254
    assert count.many(TEXTS) == [count(t) for t in TEXTS]
