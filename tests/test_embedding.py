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


def test_erf_in_place_matches_math_erf_and_leaves_its_input_alone() -> None:
    import math

    from assistant.embedding import _erf

    x = np.concatenate([np.linspace(-6, 6, 2401), [0.0, -0.0, 1e-8, -1e-8, 30.0, -30.0]]).astype(np.float32)
    before = x.copy()
    got = _erf(x)
    assert got.dtype == np.float32 and np.array_equal(x, before)
    want = np.array([math.erf(float(v)) for v in x])
    assert np.max(np.abs(got - want)) < 5e-7  # the approximation's 1.5e-7, in float32
    away = np.abs(x) > 1e-3
    assert got[2401] == 0.0 and np.all(np.sign(got[away]) == np.sign(x[away]))
