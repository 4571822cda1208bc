"""Fit the confidence model (assistant/confidence.py) and its threshold; write assistant/params/confidence.json.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/fit_confidence.py [--target 0.91] [--index-root DIR] [--grid]

Data: every answer the answerer gives, with nothing withheld, to the questions of the tatqa development
half (documents with an even number), each asked of its own extract and again of all 277 extracts at once
(where an answer from the wrong document is the likely mistake, which `doc_share` tells), of the seeds
(`dev.jsonl`) and of
`bench/data/plans-fit.jsonl` (90 questions about the five plans, written to fit with from lines the seeds
and the held-out plan questions do not use, before the answerer was run on them; never developed on),
labelled right or wrong by the eval's grading; with `--probe-weight W`, also every answer to
bench/probe.py's generated questions over the development half's tables (right or wrong by the probe's own
check, each weighing W): the gold holds few questions of some kinds ('the ratio of A to B', 'the total of A
and B'), too few to teach the model what their features say. The seeds alone would make the plans look
easier than they are: the answerer was developed on them. A logistic regression over the features of
`confidence.FEATURES` (standardised) gives the probability that an answer is right. The threshold is the
lowest probability at which the answers kept are right at least `--target` of the time, judged on
cross-validated predictions (5 folds, grouped by document) so that the threshold is not fitted to the same
answers it is judged on, and as the median over 200 bootstrap resamples of those predictions (the lowest
threshold that reaches the target on one sample jumps with a few answers either way), over the answers
to questions asked of their own document and the plans' (those asked of every extract at once teach the
model what doc_share says; were they in the threshold's sample, their wrong-document answers would set it for
every answer; the generated questions are left out of it too). With `--grid`, the least coverage of the
question a table answer and a sentence need to be candidates at all (confidence.min_coverage) are fitted too: every pair on a grid is tried, and
the pair whose fitted model keeps the most right answers at the target precision is written. The check
half is never read here: run bench/generalise.py to measure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
EVAL = CORPUS.parent / "eval"
TATQA = EVAL / "tatqa"
# 90 questions about the five plans written only to fit with (never answered one by one, never developed on)
PLANS_FIT = ROOT / "bench" / "data" / "plans-fit.jsonl"


def assistant_for(corpus: Path, index: Path):
    from assistant import Assistant, Settings
    from assistant.index import sync

    settings = Settings(corpus=corpus, index_dir=index)
    sync(settings, progress=False)
    a = Assistant(settings)
    a.default_answerer.confidence_floor = 0.0  # every answer is given, so that every answer can be judged
    return a


def collect(a, gold: Path, half: str | None, scope: str) -> list[tuple[dict, bool, str, bool]]:
    from assistant.evaluate import load_gold, score_answer

    out = []
    for item in load_gold(gold, half):
        if item.get("kind", "qa") != "qa" or not item.get("question"):
            continue
        ans = a.ask(item["question"], None, [item["doc"]] if scope == "doc" else None)
        feats = ans.state.get("features")
        if not ans.answered or not feats:
            continue
        out.append((feats, score_answer(item, ans, 0.0).correct, item["doc"], item.get("type") == "negative"))
    return out


BOOTSTRAP = 200  # resamples the threshold is the median over
SPLITS = 10  # assignments of documents to the cross-validation folds


def collect_probe(a) -> list[tuple[dict, bool, str, bool]]:
    """Every answer to bench/probe.py's generated questions over the development half's tables, right or not
    by the probe's own check: the kinds of question the gold holds few of ('the ratio of A to B', 'the total of
    A and B', a change a table states), so that the model learns what their features say."""
    from probe import questions, right

    out = []
    for half, kind, doc, q, value, raw in questions(a):
        if half != "dev":
            continue
        ans = a.ask(q, None, [doc])
        feats = ans.state.get("features")
        if ans.answered and feats:
            out.append((feats, right(kind, ans, value, raw, a.default_answerer.index.title(doc)), doc, False))
    return out


def fit(rows: list[tuple[dict, bool, str, bool]], n_report: int, seed_weight: float, target: float,
        n_all: int = 0, n_probe: int = 0, probe_weight: float = 1.0):
    """The model, its cross-validated threshold for the target precision, and how many right answers
    (weighted) it keeps: the mean over targets 0.01 either side (one target alone is a noisy step), or
    -1 when an answer to a question the documents do not answer would be kept."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.preprocessing import StandardScaler

    from assistant.confidence import FEATURES

    # the plans' questions are few beside the reports': each counts seed_weight times
    weights = np.array([1.0] * (n_report - n_probe) + [probe_weight] * n_probe + [seed_weight] * (len(rows) - n_report))
    x = np.array([[f[name] for name in FEATURES] for f, _, _, _ in rows])
    y = np.array([int(ok) for _, ok, _, _ in rows])
    negative = np.array([neg for _, _, _, neg in rows], dtype=bool)
    groups = [doc for _, _, doc, _ in rows]
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    clf = LogisticRegression(C=1.0, max_iter=2000)
    # which documents share a fold moves the threshold by as much as 0.04: the predictions of every split
    # are kept, and the threshold is the median over splits and bootstrap resamples
    docs = sorted(set(groups))
    cvs = []
    for split in range(SPLITS):
        order = dict(zip(docs, np.random.default_rng(split).permutation(len(docs)), strict=True))
        cvs.append(cross_val_predict(clf, xs, y, cv=GroupKFold(n_splits=5), groups=[order[g] for g in groups],
                                     method="predict_proba", params={"sample_weight": weights})[:, 1])
    cv = np.mean(cvs, axis=0)
    clf.fit(xs, y, sample_weight=weights)

    def lowest(p: np.ndarray, ok: np.ndarray, goal: float) -> float:
        """The lowest threshold whose kept answers are right at least `goal` of the time (it keeps the most
        right answers)."""
        p = np.round(p, 3)
        order = np.argsort(-p, kind="stable")
        ps, right = p[order], np.cumsum(ok[order])
        last = np.r_[ps[1:] != ps[:-1], True]  # the last answer kept at each distinct threshold
        kept_n = np.arange(1, len(ps) + 1)[last]
        good = right[last] / kept_n >= goal
        return float(ps[last][good].min()) if good.any() else 1.0

    rng = np.random.default_rng(0)
    # the threshold is judged on the questions asked of their own document (and the plans'): the answers to
    # questions asked of every extract at once teach the model how much doc_share says, not where to stop
    own = np.r_[np.arange(n_report - n_all), np.arange(n_report, len(y))]
    draws = [own[rng.integers(0, len(own), len(own))] for _ in range(BOOTSTRAP)]

    def threshold_for(goal: float) -> float:
        # the lowest threshold reaching the target jumps with a few answers either way: the median over
        # bootstrap resamples of the answers, on every split, is the stable choice
        return float(np.median([lowest(c[i], y[i], goal) for c in cvs for i in draws]))

    best = threshold_for(target)
    kept = cv >= best
    gains = [float((weights * y * (cv >= threshold_for(g))).sum()) for g in (target - 0.01, target, target + 0.01)]
    score = -1.0 if (kept & negative).any() else sum(gains) / len(gains)
    return scaler, clf, best, kept, y, score


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", type=float, default=0.91, help="precision the kept answers must reach")
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench")
    ap.add_argument("--seed-weight", type=float, default=4.0, help="weight of each plan question in the fit")
    ap.add_argument("--probe-weight", type=float, default=0.0,
                    help="weight of each generated question of bench/probe.py (development half) in the fit")
    ap.add_argument("--grid", action="store_true", help="fit the least coverages of table and prose answers too")
    ap.add_argument("--out", type=Path, default=ROOT / "assistant" / "params" / "confidence.json")
    args = ap.parse_args()
    from assistant import confidence as C
    from assistant.confidence import FEATURES

    report = assistant_for(TATQA / "corpus", args.index_root / "tatqa")
    plans = assistant_for(CORPUS, args.index_root / "seeds")

    def rows_at() -> tuple[list, int, int]:
        """The answers (tatqa first, then the plans'), how many are tatqa's, how many of those are left out
        of the threshold's sample (asked of all the extracts at once, and generated: the last of the tatqa
        ones), and how many are generated (the very last)."""
        rows = collect(report, TATQA / "gold.jsonl", "dev", "doc")
        # the same questions asked of all 277 extracts at once: where an answer from the wrong document is the
        # likely mistake (doc_share), which questions asked of their own extract cannot show
        every = collect(report, TATQA / "gold.jsonl", "dev", "all")
        # and the generated questions over the same documents' tables (weighed by --probe-weight)
        generated = collect_probe(report) if args.probe_weight > 0 else []
        rows += every + generated
        plan_rows = collect(plans, EVAL / "dev.jsonl", None, "all") + collect(plans, PLANS_FIT, None, "all")
        return rows + plan_rows, len(rows), len(every) + len(generated), len(generated)

    grid = [(C.min_coverage("table"), C.min_coverage("prose"))]
    if args.grid:
        grid = [(a, b) for a in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55) for b in (0.3, 0.35, 0.4, 0.45, 0.5)]
    chosen = None
    for table_min, prose_min in grid:
        C.set_min_coverage({"table": table_min, "prose": prose_min})
        rows, n_report, n_all, n_probe = rows_at()
        got = fit(rows, n_report, args.seed_weight, args.target, n_all, n_probe, args.probe_weight)
        if args.grid:
            print(f"  min coverage table {table_min:.2f} prose {prose_min:.2f}: right answers kept {got[-1]:.0f}")
        if chosen is None or got[-1] > chosen[1][-1]:
            chosen = ((table_min, prose_min), got)
    C.set_min_coverage(None)
    assert chosen is not None
    (table_min, prose_min), (scaler, clf, best, kept, y, _) = chosen
    print(f"{len(y)} answers ({y.mean():.2f} right); threshold {best:.3f} keeps {kept.mean():.2f} of them, "
          f"precision {y[kept].mean() if kept.any() else 0:.3f} (cross-validated), right answers kept "
          f"{(y[kept].sum() / max(1, y.sum())):.2f}")
    for name, w in sorted(zip(FEATURES, clf.coef_[0], strict=True), key=lambda nw: -abs(nw[1])):
        print(f"  {name:18} {w:+.3f}")
    out = {
        "fitted_on": "answers to the tatqa development half (own extract, and all extracts at once), the seeds and "
                     "bench/data/plans-fit.jsonl"
                     + (", and bench/probe.py's generated questions over the development half's tables"
                        if args.probe_weight else "") + f": {len(y)} answers",
        "command": f"python bench/fit_confidence.py --target {args.target} --seed-weight {args.seed_weight}"
                   + (f" --probe-weight {args.probe_weight}" if args.probe_weight else "")
                   + (" --grid" if args.grid else ""),
        "target_precision": args.target,
        "features": list(FEATURES),
        "mean": [float(v) for v in scaler.mean_],
        "scale": [float(v) if v > 0 else 1.0 for v in scaler.scale_],
        "coef": [float(v) for v in clf.coef_[0]],
        "intercept": float(clf.intercept_[0]),
        "threshold": best,
        "min_coverage": {"table": table_min, "prose": prose_min},
    }
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
