"""Query speed: ask (default mode) and retrieve alone over the dev questions, the cold start, a check of a
10-claim paragraph and a draft of a 200-word section.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/query.py [--index DIR] [--combined]

The index is built first if needed (not timed). Cold start is measured in a fresh Python process: from
`import assistant` to the first answer, index load and query-model load included. Then, in this process
with everything loaded, every dev question is asked once for retrieve alone and once for ask; p50 and
p95 are printed for both, measured in the same run.

With --combined the corpus is the seeds and the 277 tatqa extracts together (one index of 282 documents,
built under index/bench/combined unless --index is given): the cold start, and ask over the seeds'
questions and the first 100 questions of the tatqa development half, each asked of the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLD = Path(os.environ.get("ASSISTANT_EVAL", CORPUS.parent / "eval" / "dev.jsonl"))
TATQA = CORPUS.parent / "eval" / "tatqa"

COLD = """
import time, sys
t0 = time.perf_counter()
from assistant import Assistant, Settings
a = Assistant(Settings(corpus=sys.argv[1], index_dir=sys.argv[2]))
ans = a.ask("How much DFG went to Wycombe in 2019-20?")
print(time.perf_counter() - t0)
"""


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def cold_starts(corpus: Path, index_dir: Path, runs: int = 3) -> list[float]:
    """Seconds from `import assistant` to the first answer, each in a fresh Python process."""
    return [float(subprocess.run([sys.executable, "-c", COLD, str(corpus), str(index_dir)], capture_output=True,
                                 text=True, check=True).stdout.strip().splitlines()[-1]) for _ in range(runs)]


def seed_questions() -> list[str]:
    return [json.loads(x)["question"] for x in GOLD.read_text().splitlines()
            if x.strip() and json.loads(x)["kind"] == "qa"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, default=None)
    ap.add_argument("--combined", action="store_true", help="the seeds and the 277 tatqa extracts in one index")
    args = ap.parse_args()
    if args.combined:
        return combined(args.index or ROOT / "index" / "bench" / "combined")
    from assistant import Assistant, Settings
    from assistant.index import sync

    index_dir = args.index or Path(tempfile.mkdtemp(prefix="bench-query-"))
    settings = Settings(corpus=CORPUS, index_dir=index_dir)
    sync(settings, progress=False)

    cold = cold_starts(CORPUS, index_dir)
    questions = seed_questions()
    a = Assistant(settings)
    a.ask("warm up")
    retrieve_ms, ask_ms = [], []
    for q in questions:
        t0 = time.perf_counter()
        a.retrieve(q)
        retrieve_ms.append(1000 * (time.perf_counter() - t0))
    for q in questions:
        t0 = time.perf_counter()
        a.ask(q)
        ask_ms.append(1000 * (time.perf_counter() - t0))
    print(f"{len(questions)} dev questions, default mode (no generative model)")
    print(f"retrieve   p50 {statistics.median(retrieve_ms):6.1f} ms   p95 {pct(retrieve_ms, 0.95):6.1f} ms")
    print(f"ask        p50 {statistics.median(ask_ms):6.1f} ms   p95 {pct(ask_ms, 0.95):6.1f} ms")
    print(f"cold start (import, load index and query model, first answer): "
          f"median {statistics.median(cold):.2f} s of {', '.join(f'{c:.2f}' for c in cold)}")

    # a reviewer's paragraph of ten claims, and a writer's 200-word section
    items = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
    paragraph = " ".join(i["text"] for i in items if i["kind"] == "claim")
    claims = a.check(paragraph)
    ten = " ".join(c.text for c in claims[:10])
    check_s = []
    for _ in range(3):
        t0 = time.perf_counter()
        a.check(ten)
        check_s.append(time.perf_counter() - t0)
    requests = [i["request"] for i in items if i["kind"] == "draft" and i.get("request")]
    draft_s = []
    for r in requests:
        t0 = time.perf_counter()
        a.draft(r, length_words=200)
        draft_s.append(time.perf_counter() - t0)
    print(f"check of a 10-claim paragraph: median {statistics.median(check_s):.2f} s of 3 runs")
    if draft_s:
        print(f"draft of a 200-word section: p50 {statistics.median(draft_s):.2f} s, max {max(draft_s):.2f} s "
              f"over {len(draft_s)} dev requests")
    return 0


def combined(index_dir: Path) -> int:
    """Cold start and ask over one index of the seeds and the 277 extracts together."""
    from assistant import Assistant, Settings
    from assistant.index import sync

    corpus = Path(tempfile.mkdtemp(prefix="bench-combined-"))
    for folder in (CORPUS, TATQA / "corpus"):
        for f in sorted(folder.iterdir()):
            if f.is_file() and not f.name.startswith(".") and f.suffix != ".md":
                (corpus / f.name).symlink_to(f.resolve())
    settings = Settings(corpus=corpus, index_dir=index_dir)
    sync(settings, progress=False)
    cold = cold_starts(corpus, index_dir)
    seeds = seed_questions()
    reports = [q["question"] for q in map(json.loads, (TATQA / "gold.jsonl").read_text().splitlines())
               if int(q["doc"][7:10]) % 2 == 0][:100]
    a = Assistant(settings)
    a.ask("warm up")
    ask_ms = []
    for q in seeds + reports:
        t0 = time.perf_counter()
        a.ask(q)
        ask_ms.append(1000 * (time.perf_counter() - t0))
    print(f"{len(a.index.docs)} documents; {len(seeds)} seed and {len(reports)} tatqa questions, "
          f"each asked of every document")
    print(f"ask        p50 {statistics.median(ask_ms):6.1f} ms   p95 {pct(ask_ms, 0.95):6.1f} ms")
    print(f"cold start (import, load index and query model, first answer): "
          f"median {statistics.median(cold):.2f} s of {', '.join(f'{c:.2f}' for c in cold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
