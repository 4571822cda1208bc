"""Drafts against the dev `draft` items: key figures, key points, citations, traceable numbers, form.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/draft.py [--set dev|new|all] [--index DIR] [-v]

Sets: `dev` is the dev set's draft items; `new` is bench/data/drafts-new.jsonl, 20 requests over sections
of the five plans that the dev drafts do not use (at least three per plan), written for measuring, never
for developing against one at a time; `all` is both, reported per set.

Rules (written down so they can be argued with):
* a key figure is present when the same number appears in the draft (numerically, as the eval README
  matches figures: '£38,581,633' = '38,581,633'; percentages to one decimal place);
* a key point is covered when every figure it states appears in the draft, or, for a point without
  figures, when one draft sentence holds at least 60% of its content words (stemmed);
* a sentence is cited when it carries at least one citation; a number is traceable when it appears in
  the sentence's cited quotes or in one of its computed figures (the number lock);
* a fragment is a sentence that does not start with a capital or a digit or does not end with . ! or ?;
  duplicates are sentences that appear twice.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLD = Path(os.environ.get("ASSISTANT_EVAL", CORPUS.parent / "eval" / "dev.jsonl"))
NEW = ROOT / "bench" / "data" / "drafts-new.jsonl"


def load(which: str) -> dict[str, list[dict]]:
    sets: dict[str, list[dict]] = {}
    if which in ("dev", "all"):
        items = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
        sets["dev"] = [i for i in items if i["kind"] == "draft"]
    if which in ("new", "all"):
        sets["new"] = [json.loads(x) for x in NEW.read_text().splitlines() if x.strip()]
    return sets


def main() -> int:
    from assistant import Assistant, Settings
    from assistant.index import sync

    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, default=None)
    ap.add_argument("--set", choices=("dev", "new", "all"), default="all")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    settings = Settings(corpus=CORPUS, index_dir=args.index or Path(tempfile.mkdtemp(prefix="bench-draft-")))
    sync(settings, progress=False)
    a = Assistant(settings)
    for name, items in load(args.set).items():
        print(f"== {name} ({len(items)} requests)")
        run(a, items, args.v)
    return 0


def run(a, items: list[dict], verbose: bool) -> None:  # type: ignore[no-untyped-def]
    from assistant.evaluate import contains
    from assistant.query import content_terms
    from assistant.values import find_numbers
    from assistant.verify import unlocked_numbers

    kf = kp = kf_n = kp_n = sents = cited = nums = traced = frags = dups = 0
    lengths = []
    secs = []
    for item in items:
        t0 = time.perf_counter()
        d = a.draft(item["request"])
        secs.append(time.perf_counter() - t0)
        body = " ".join(s.text for sec in d.sections for s in sec.sentences)
        sentences = [s for sec in d.sections for s in sec.sentences]
        got_kf = [f for f in item["key_figures"] if contains(body, f)]
        kf += len(got_kf)
        kf_n += len(item["key_figures"])
        covered = []
        for point in item["key_points"]:
            figs = [n.raw for n in find_numbers(point) if not n.raw.isdigit() or len(n.raw) > 2 or n.kind != "number"]
            if figs:
                ok = all(contains(body, f) for f in figs)
            else:
                words = set(content_terms(point))
                ok = any(len(words & set(content_terms(s.text))) >= 0.6 * len(words) for s in sentences)
            covered.append(ok)
        kp += sum(covered)
        kp_n += len(covered)
        seen = set()
        for s in sentences:
            sents += 1
            cited += bool(s.citations)
            ns = find_numbers(s.text)
            nums += len(ns)
            bad = unlocked_numbers(s.text, [c.quote for c in s.citations], list(s.figures))
            traced += len(ns) - len(bad)
            t = s.text.strip()
            frags += not ((t[0].isupper() or t[0].isdigit()) and t.endswith((".", "!", "?")))
            dups += t in seen
            seen.add(t)
        lengths.append((d.words, d.words_target))
        print(f"{item['id']}: key figures {len(got_kf)}/{len(item['key_figures'])}, key points "
              f"{sum(covered)}/{len(covered)}, {d.words} words (asked {d.words_target}), gaps {len(d.gaps)}")
        if verbose:
            print("   missing figures:", [f for f in item["key_figures"] if f not in got_kf])
            print("   missing points:", [p for p, ok in zip(item["key_points"], covered, strict=False) if not ok])
    within = sum(abs(w - t) <= 0.15 * t for w, t in lengths)
    print(f"\nkey figures present      {kf}/{kf_n} = {kf / kf_n:.0%}")
    print(f"key points covered       {kp}/{kp_n} = {kp / kp_n:.0%}")
    print(f"sentences with citation  {cited}/{sents} = {cited / max(1, sents):.0%}   (target 100%)")
    print(f"numbers traceable        {traced}/{nums} = {traced / max(1, nums):.0%}   (target 100%)")
    print(f"fragments {frags}, duplicated sentences {dups}; length within 15%: {within}/{len(lengths)}")
    print(f"seconds per draft: median {statistics.median(secs):.2f}\n")


if __name__ == "__main__":
    sys.exit(main())
