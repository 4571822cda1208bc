"""Does the answerer hold on questions it was not developed on? The dev seeds and both tatqa halves, in one run.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/generalise.py [--index-root DIR] [--all] [-v]

- seeds: `../shared/eval/dev.jsonl` over the five plans, each question asked of the whole corpus;
- tatqa dev / check: `../shared/eval/tatqa/gold.jsonl`, documents with an even / odd number, each question
  asked of its own extract (`--scope doc`, the setting published results on this data use);
- new plan questions: `bench/data/plans-new.jsonl`, 76 questions of the seeds' kinds about the same plans,
  written later from lines the seeds do not use; held out like the check half (its failures are never written);
- with `--all`, the tatqa check half again, asked of all 277 extracts at once.

Indexes are built once under --index-root (default `index/bench`, git-ignored) and reused. `-v` writes
every wrong answer of the seeds and the tatqa development half to `index/bench/failures-*.txt`; the
check half's failures are never written (do not read its items).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
EVAL = CORPUS.parent / "eval"
TATQA = EVAL / "tatqa"
# 76 questions about the five plans, written after the seeds and never developed on (held out like the check half)
PLANS_NEW = ROOT / "bench" / "data" / "plans-new.jsonl"
COLUMNS = ("n", "correct", "correct_and_cited", "answered", "precision", "negatives_abstained", "untraceable",
           "latency_p50_ms", "latency_p95_ms")


def run(name: str, corpus: Path, index: Path, gold: Path, half: str | None, scope: str,
        failures: Path | None = None) -> dict[str, Any]:
    from assistant import Assistant, Settings
    from assistant.evaluate import evaluate_file
    from assistant.index import sync

    settings = Settings(corpus=corpus, index_dir=index)
    sync(settings, progress=False)
    t0 = time.perf_counter()
    report = evaluate_file(Assistant(settings), str(gold), half=half, scope=scope)
    report["seconds"] = time.perf_counter() - t0
    if failures is not None:
        failures.write_text("\n\n".join(
            f"{w['id']} ({w['type']}): {w['question']}\n  expected: {w['expected']}\n  got: {w['answer'][:400]}"
            f"\n  missing: {w['missing']}" for w in report.get("wrong", [])), encoding="utf-8")
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench")
    ap.add_argument("--all", action="store_true", help="also ask the check half of all 277 extracts at once")
    ap.add_argument("-v", action="store_true", help="write the seeds' and the tatqa dev half's failures")
    ap.add_argument("--json", type=Path, help="write every figure here as JSON")
    args = ap.parse_args()
    if not (EVAL / "dev.jsonl").is_file() or not (TATQA / "gold.jsonl").is_file():
        print(f"needs {EVAL}/dev.jsonl and {TATQA}/gold.jsonl (set ASSISTANT_CORPUS)", file=sys.stderr)
        return 2
    root = args.index_root
    root.mkdir(parents=True, exist_ok=True)
    runs: list[tuple[str, Path, Path, Path, str | None, str]] = [
        ("seeds (dev.jsonl)", CORPUS, root / "seeds", EVAL / "dev.jsonl", None, "all"),
        ("tatqa dev half, own extract", TATQA / "corpus", root / "tatqa", TATQA / "gold.jsonl", "dev", "doc"),
        ("tatqa check half, own extract", TATQA / "corpus", root / "tatqa", TATQA / "gold.jsonl", "check", "doc"),
        ("new plan questions", CORPUS, root / "seeds", PLANS_NEW, None, "all"),
    ]
    if args.all:
        runs.append(("tatqa check half, all extracts", TATQA / "corpus", root / "tatqa", TATQA / "gold.jsonl",
                     "check", "all"))
    out: dict[str, Any] = {}
    for i, (name, corpus, index, gold, half, scope) in enumerate(runs):
        fail = root / f"failures-{i}.txt" if args.v and i < 2 else None  # the seeds and the dev half only
        rep = run(name, corpus, index, gold, half, scope, fail)
        out[name] = {"qa": rep.get("qa", {}), "claims": rep.get("claims"), "seconds": rep["seconds"]}
    print(f"{'set':34} {'type':9} " + " ".join(f"{c[:10]:>10}" for c in COLUMNS))
    for name, rep in out.items():
        for typ, st in rep["qa"].items():
            cells = []
            for c in COLUMNS:
                v = st.get(c)
                cells.append(f"{'':>10}" if v is None else f"{v:>10.2f}" if isinstance(v, float) else f"{v:>10}")
            print(f"{name:34} {typ:9} " + " ".join(cells))
        if rep.get("claims"):
            print(f"{name:34} claims    {json.dumps(rep['claims'])}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
