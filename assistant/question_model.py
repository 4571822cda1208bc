"""The fitted part of the question model: which operation a question asks for.

`operation(question)` returns (operation, probability) from a logistic regression over the question's
words and word pairs, fitted on many labelled questions by `bench/fit_question_model.py` (the data it
was fitted on and the command are recorded in the parameters file). Operations:

value, which (which year/row is largest), list, text (a span of prose), change, percent_change,
average, share (a ratio as a percentage), ratio, sum, count.

Pure Python at run time: the parameters are a vocabulary, idf weights and one weight row per class.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

PARAMS = Path(__file__).resolve().parent / "params" / "question_ops.json"


def features(question: str, cues: tuple[str, ...] = ()) -> list[str]:
    """Lower-cased words with years folded to YEAR and other numbers to NUM, plus adjacent pairs, the
    first two words (which say most about the kind of question) and what the cue patterns found
    (`query.cue_intents`), so that the fit decides when a cue is to be trusted."""
    s = question.lower()
    s = re.sub(r"\b(19|20)\d{2}\b", " year ", s)
    s = re.sub(r"\d[\d,.]*", " num ", s)
    toks = re.findall(r"[a-z%$£€]+", s)
    out = list(toks)
    out += [f"{a}_{b}" for a, b in zip(toks, toks[1:], strict=False)]
    out += [f"^{t}" for t in toks[:2]]
    if len(toks) >= 2:
        out.append(f"^{toks[0]}_{toks[1]}")
    out += [f"cue:{c}" for c in cues]
    return out


@lru_cache(maxsize=1)
def _params() -> dict | None:
    if not PARAMS.is_file():
        return None
    return json.loads(PARAMS.read_text(encoding="utf-8"))


@lru_cache(maxsize=8192)
def probabilities(question: str, cues: tuple[str, ...] = ()) -> tuple[tuple[str, float], ...]:
    """Every operation with its probability, most likely first (empty when no model is fitted)."""
    p = _params()
    if p is None:
        return ()
    vocab, idf = p["vocabulary"], p["idf"]
    counts: dict[int, int] = {}
    for f in features(question, cues):
        i = vocab.get(f)
        if i is not None:
            counts[i] = counts.get(i, 0) + 1
    vec = {i: (1 + math.log(c)) * idf[i] for i, c in counts.items()}  # sublinear tf × idf, then l2
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    scores = [b + sum(row[i] * v / norm for i, v in vec.items()) for row, b in zip(p["coef"], p["intercept"],
                                                                                  strict=True)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    z = sum(exps)
    return tuple(sorted(((c, e / z) for c, e in zip(p["classes"], exps, strict=True)), key=lambda x: -x[1]))


def operation(question: str, cues: tuple[str, ...] = ()) -> tuple[str, float]:
    """The most likely operation and its probability; ('value', 0.0) when no model is fitted."""
    probs = probabilities(" ".join(question.split()), tuple(cues))
    return probs[0] if probs else ("value", 0.0)
