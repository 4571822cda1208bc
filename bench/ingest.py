"""Ingest speed and memory: full ingest from scratch against the floor of embedding the same texts.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/ingest.py

Prints documents, chunks, word pieces embedded, seconds, word pieces per second, peak memory (RSS), then,
in the same process and with the model already loaded, the time to embed exactly the same chunk texts
alone (the floor on this machine) and the ratio of the two; then the time to re-ingest the unchanged
corpus. The ingest figure includes loading the model; the ratio is also given without it.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from assistant.chunking import embedding_text
    from assistant.embedding import SentenceTransformerEmbedder, TokenCounter
    from assistant.index import load_index, sync
    from assistant.settings import Settings

    settings = Settings(corpus=CORPUS, index_dir=Path(tempfile.mkdtemp(prefix="bench-ingest-")))
    t0 = time.perf_counter()
    report = sync(settings, progress=False)
    ingest_s = time.perf_counter() - t0
    peak_ingest = peak_mb()

    texts = [embedding_text(p, TokenCounter(settings.embedding), settings.chunking.heading_tokens)
             for p in load_index(settings).passages]
    emb = SentenceTransformerEmbedder(settings.embedding)
    t1 = time.perf_counter()
    emb.embed(["warm up"])
    load_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    emb.embed(texts)
    floor_s = time.perf_counter() - t2

    t3 = time.perf_counter()
    again = sync(settings, progress=False)
    reingest_s = time.perf_counter() - t3

    print(f"documents            {report.documents}")
    print(f"chunks               {report.chunks} ({report.tables} tables)")
    print(f"word pieces embedded {report.word_pieces}")
    print(f"ingest seconds       {ingest_s:.1f} (model load included)")
    print(f"word pieces / second {report.word_pieces / ingest_s:.0f}")
    print(f"peak memory          {peak_ingest:.0f} MB (RSS, after ingest)")
    print(f"floor: embed alone   {floor_s:.1f} s (same {len(texts)} texts, model loaded; load {load_s:.1f} s)")
    print(f"ratio ingest/floor   {ingest_s / floor_s:.2f} (without model load: {(ingest_s - load_s) / floor_s:.2f})")
    print(f"re-ingest unchanged  {reingest_s:.2f} s ({again.embedded} embedded, wrote={again.wrote})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
