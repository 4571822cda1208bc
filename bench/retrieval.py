"""Retrieval quality on the dev questions: ours (hybrid) against BM25 alone and a plain llama-index pipeline.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/retrieval.py [-k 5] [--no-llamaindex]

For every `qa` item of the gold set that names evidence lines, the top k passages are retrieved over
the whole corpus (no document filter). A question is recalled when one of them is from the same
document and its line range covers one of the evidence lines. Also printed: the share of all evidence
lines covered, and the mean characters returned per query. Ours is measured as `assistant retrieve`
returns hits (each matched passage inside a window of its neighbouring lines, settings.retrieval.context_chars)
and on the matched passages alone; BM25 alone both ways too, so the window is not mistaken for a ranking gain. The llama-index baseline is a
VectorStoreIndex with its default SentenceSplitter and the same embedding model.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLD = Path(os.environ.get("ASSISTANT_EVAL", CORPUS.parent / "eval" / "dev.jsonl"))

Hit = tuple[str, int, int, str]  # doc, line_start, line_end, text
System = Callable[[str, int], list[Hit]]


def questions() -> list[dict]:
    items = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    return [q for q in items if q["kind"] == "qa" and q.get("line")]


def score(system: System, qs: list[dict], k: int) -> dict[str, float]:
    recalled = covered = lines = chars = 0
    t0 = time.perf_counter()
    for q in qs:
        hits = system(q["question"], k)
        chars += sum(len(h[3]) for h in hits)
        ev = set(q["line"])
        got = {ln for doc, a, b, _ in hits if doc == q["doc"] for ln in ev if a <= ln <= b}
        recalled += bool(got)
        covered += len(got)
        lines += len(ev)
    n = len(qs)
    return {"recall": recalled / n, "line_coverage": covered / lines, "chars": chars / n,
            "ms_per_query": 1000 * (time.perf_counter() - t0) / n}


def ours(mode: str, index_dir: Path, context: bool) -> System:
    """Our retriever; with `context`, each hit is its window of neighbouring lines as `assistant retrieve`
    returns it (settings.retrieval.context_chars), else the matched passage alone."""
    from assistant.index import load_index
    from assistant.retrieve import make_retriever, retrieve_in_context
    from assistant.settings import Settings

    s = Settings(corpus=CORPUS, index_dir=index_dir)
    update = {"mode": mode} if context else {"mode": mode, "context_chars": 0}
    s = s.model_copy(update={"retrieval": s.retrieval.model_copy(update=update)})
    index = load_index(s)
    r = make_retriever(index, s.retrieval)

    def run(q: str, k: int) -> list[Hit]:
        hits = retrieve_in_context(r, index, s.retrieval, q, k)  # as Assistant.retrieve
        return [(h.shown.doc, h.shown.line_start, h.shown.line_end, h.shown.text) for h in hits]
    return run


def llamaindex() -> System:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from llama_index.core import Document, Settings, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    from assistant.embedding import model_dir
    from assistant.settings import EmbeddingSettings

    Settings.embed_model = HuggingFaceEmbedding(model_name=str(model_dir(EmbeddingSettings())), device="cpu")
    Settings.llm = None
    docs, starts = [], {}
    for p in sorted(CORPUS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        docs.append(Document(text=text, metadata={"doc": p.name}, id_=p.name))
        offs, pos = [], 0
        for line in text.split("\n"):
            offs.append(pos)
            pos += len(line) + 1
        starts[p.name] = offs
    index = VectorStoreIndex.from_documents(docs)
    retriever = index.as_retriever(similarity_top_k=5)

    def line_of(doc: str, char: int) -> int:
        import bisect
        return bisect.bisect_right(starts[doc], char)

    def run(q: str, k: int) -> list[Hit]:
        retriever.similarity_top_k = k
        out = []
        for n in retriever.retrieve(q):
            node = n.node
            doc = node.metadata["doc"]
            a, b = node.start_char_idx or 0, node.end_char_idx or 0
            out.append((doc, line_of(doc, a), line_of(doc, max(a, b - 1)), node.get_content()))
        return out
    return run


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--index", type=Path, default=None, help="an index folder built from the corpus")
    ap.add_argument("--no-llamaindex", action="store_true")
    args = ap.parse_args()
    qs = questions()
    index_dir = args.index or Path(tempfile.mkdtemp(prefix="bench-index-"))
    rows = []
    for mode, context in (("hybrid", True), ("hybrid", False), ("dense", False), ("bm25", False),
                          ("bm25", True)):
        name = f"ours ({mode}{', in context' if context else ', matched passages'})"
        rows.append((name, score(ours(mode, index_dir, context), qs, args.k)))
    if not args.no_llamaindex:
        rows.append(("llama-index VectorStoreIndex (SentenceSplitter)", score(llamaindex(), qs, args.k)))
    print(f"{len(qs)} questions with evidence lines, k={args.k}")
    print(f"{'system':50} {'recall@k':>9} {'lines':>7} {'chars/query':>12} {'ms/query':>9}")
    for name, r in rows:
        print(f"{name:50} {r['recall']:9.3f} {r['line_coverage']:7.3f} {r['chars']:12.0f} {r['ms_per_query']:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
