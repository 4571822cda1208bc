"""Fit the confidence model (assistant/confidence.py) and its threshold; write assistant/params/confidence.json.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/fit_confidence.py [--target 0.87] [--index-root DIR]

Data: every answer the answerer gives, with nothing withheld, to the questions of the tatqa development
half (documents with an even number, each asked of its own extract) and of the seeds (`dev.jsonl`),
labelled right or wrong by the eval's grading. A logistic regression over the features of
`confidence.FEATURES` (standardised) gives the probability that an answer is right. The threshold is the
lowest probability at which the answers kept are right at least `--target` of the time, judged on
cross-validated predictions (5 folds, grouped by document) so that the threshold is not fitted to the same
answers it is judged on. The check half is never read here: run bench/generalise.py to measure.
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


def collect(corpus: Path, index: Path, gold: Path, half: str | None, scope: str) -> list[tuple[dict, bool, str]]:
    from assistant import Assistant, Settings
    from assistant.evaluate import load_gold, score_answer
    from assistant.index import sync

    settings = Settings(corpus=corpus, index_dir=index)
    sync(settings, progress=False)
    a = Assistant(settings)
    a.default_answerer.confidence_floor = 0.0  # every answer is given, so that every answer can be judged
    out = []
    for item in load_gold(gold, half):
        if item.get("kind", "qa") != "qa" or not item.get("question"):
            continue
        ans = a.ask(item["question"], None, [item["doc"]] if scope == "doc" else None)
        feats = ans.state.get("features")
        if not ans.answered or not feats:
            continue
        out.append((feats, score_answer(item, ans, 0.0).correct, item["doc"]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", type=float, default=0.87, help="precision the kept answers must reach")
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench")
    ap.add_argument("--seed-weight", type=float, default=4.0, help="weight of each plan question in the fit")
    ap.add_argument("--out", type=Path, default=ROOT / "assistant" / "params" / "confidence.json")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.preprocessing import StandardScaler

    from assistant.confidence import FEATURES

    rows = collect(TATQA / "corpus", args.index_root / "tatqa", TATQA / "gold.jsonl", "dev", "doc")
    seeds = collect(CORPUS, args.index_root / "seeds", EVAL / "dev.jsonl", None, "all")
    # the plans' questions are few beside the reports': each counts SEED_WEIGHT times, so that the fit
    # does not learn the company reports' habits alone
    weights = np.array([1.0] * len(rows) + [args.seed_weight] * len(seeds))
    rows += seeds
    x = np.array([[f[name] for name in FEATURES] for f, _, _ in rows])
    y = np.array([int(ok) for _, ok, _ in rows])
    groups = [doc for _, _, doc in rows]
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    clf = LogisticRegression(C=1.0, max_iter=2000)
    cv = cross_val_predict(clf, xs, y, cv=GroupKFold(n_splits=5), groups=groups, method="predict_proba",
                           params={"sample_weight": weights})[:, 1]
    clf.fit(xs, y, sample_weight=weights)
    best = None
    for t in np.unique(np.round(cv, 3)):
        kept = cv >= t
        if kept.sum() == 0:
            continue
        prec = y[kept].mean()
        if prec >= args.target:
            best = float(t)
            break  # the lowest threshold that reaches the target keeps the most right answers
    if best is None:
        best = 1.0
    kept = cv >= best
    print(f"{len(y)} answers ({y.mean():.2f} right); threshold {best:.3f} keeps {kept.mean():.2f} of them, "
          f"precision {y[kept].mean() if kept.any() else 0:.3f} (cross-validated), right answers kept "
          f"{(y[kept].sum() / max(1, y.sum())):.2f}")
    for name, w in sorted(zip(FEATURES, clf.coef_[0], strict=True), key=lambda nw: -abs(nw[1])):
        print(f"  {name:18} {w:+.3f}")
    out = {
        "fitted_on": f"answers to the tatqa development half (own extract) and the seeds: {len(y)} answers",
        "command": f"python bench/fit_confidence.py --target {args.target} --seed-weight {args.seed_weight}",
        "target_precision": args.target,
        "features": list(FEATURES),
        "mean": [float(v) for v in scaler.mean_],
        "scale": [float(v) if v > 0 else 1.0 for v in scaler.scale_],
        "coef": [float(v) for v in clf.coef_[0]],
        "intercept": float(clf.intercept_[0]),
        "threshold": best,
    }
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
