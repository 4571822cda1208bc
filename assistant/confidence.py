"""Where confidence is decided: how likely an answer is to be right, and whether to give it.

Every candidate answer is described by a few features of the mechanism that produced it (what kind of
evidence, whether its operation is the one the question model asked for, whether it holds the kind of
value wanted, how clearly its row or sentence beat the next, ...). A logistic regression over them, fitted on
the development questions by `bench/fit_confidence.py`, gives the probability that the answer is right;
below the fitted threshold the reply says the documents don't directly answer and shows the best
passages. The weights, the threshold, the data they were fitted on and the command are in
`params/confidence.json`; nothing here is set by hand.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .query import COMPUTING, Query, periods_in
from .tableqa import op_word_in_name, op_word_names

PARAMS = Path(__file__).resolve().parent / "params" / "confidence.json"

# what an answer's operation must be for each operation the question model can ask for
EXPECTED_OPS: dict[str, set[str]] = {
    # (the rows that moved one way between two periods, 'which funding sources went up between ...', answer how
    # each changed as much as which ones did)
    "change": {"change", "group_change", "stated_change", "kinds_difference", "moved"},
    "percent_change": {"change", "group_change", "stated_change"},
    "average": {"average", "category_average", "stated_average"},
    "sum": {"sum", "category_sum", "group_totals", "asked_sum"}, "share": {"share", "category_share", "stated_share"}, "ratio": {"ratio"},
    # (the rest of a whole a sentence states, 'how many posts are not in inpatient wards', is a count or an amount)
    # (a count or an amount over a span of periods or every row of a kind, 'how many hours were lost from July to
    # October', 'how many vacancies are there across all teams', 'how many beds are there in Riverside', is their sum)
    "count": {"count", "stated_count", "group_totals", "rest", "asked_sum", "category_sum"},
    "which": {"max_over", "min_over", "max", "min", "max_across", "min_across", "max_change", "min_change", "meets",
              "max_group", "min_group", "moved", "stated_extreme", "kind_cell"},
    # (the amount asked of a kind of row, 'how much is spent on carers services', is its rows added up)
    "value": {"lookup", "prose", "stated_change", "stated_count", "category_sum", "group_totals", "rest", "asked_sum",
              "kind_cell"},
    # (how a figure is split between kinds of row, 'how is the spend split between commissioners', is a breakdown)
    "text": {"prose", "list", "lookup", "describe", "group_totals", "kind_cell"},
    "list": {"list", "prose", "lookup", "list_periods", "meets", "group_totals", "moved", "kind_cell"},
}

# The retrieval score is kept out: it carries retrieval-rank priors that differ from one corpus to another.
# Coverage (the share of the question's terms the evidence explains) is in: with the question model's
# support for the answer's operation it keeps 0.1 more of the right answers at the same precision on the
# development half, and no fewer of the plans' (BENCHMARKS.md)
# The length of the answer's document (doc_size, log10 of its lines; answer.Answerer._confidence) is in: a
# long plan's questions are chattier and name a year less often than a short report extract's, so the same
# coverage and period features mean a likelier right answer there. Fitted with plan questions that were not
# developed on (bench/data/plans-fit.jsonl) beside the seeds; measured on the held-out plan questions
# The share of the best passages that are in the answer's document (doc_share) is in: asked of many documents
# at once, an answer from the wrong one is the commonest mistake, and a question that several documents
# match as well is one the user has not said enough about. Fitted with the development half's questions
# asked of all 277 extracts at once beside the same questions asked of their own
# How many documents in scope use every question term the answer's document uses (rivals, log2; answer.Answerer
# .rivals) is in: doc_share says how the retrieved passages spread, this says whether the question's own words
# could pick the document at all. 'How much were sales in 2019?' asked of 277 company reports has hundreds of
# rivals, whatever the retrieval scores. With it, of the development half's questions asked of every extract
# at once, 0.41 are kept and right at precision 0.86 (without: 0.35 at 0.79); asked of their own extract, no change
# Whether the answer's operands are rows the question names in a phrase that says the operation
# (operands_named: 'the ratio of A to B', 'the total of A and B', 'A as a percentage of B') is in: the fitted
# question model learnt 'ratio' and 'total' mostly from row names ('capital intensity ratio', 'total assets')
# and reads such questions as values, so their answers were withheld however right
# How far the answer beats the best candidate of its kind from another document (doc_rival: there is one;
# doc_margin_table / doc_margin_prose: log(1 + the score margin), for a table answer and a sentence answer, whose
# scores are on different scales) is in: asked of many documents at once, a question another document's table
# or sentence answers nearly as well is one whose document is a guess; asked of one document there is no rival
# How close in meaning the answer is to the question (similarity: the cosine of their embeddings; answer.Answerer
# ._similarity) is in: coverage counts the question's terms the answer uses, and a plan question's words are
# often not the plan's ('how were admissions tracking in the first quarter' of '2017/18 Quarter 1 ... 15% above
# plan'). With it, fitted on the same answers, the check half asked of all 277 extracts at once keeps its right
# answers at precision 0.85 (without: 0.83), and the held-out plan questions theirs at 0.91 (0.86)
# A sentence or cell that states how many of what 'how many X …' counts ('the 18 parish councils') fulfils a count
# as a count over rows does (states_count; the answer's operation is then 'stated_count'): the question model,
# fitted on company reports whose 'how many' questions mostly count years ('how many years did X exceed Y'), reads
# 'how many parish councils does the council consult?' as a count, and such answers were withheld however right.
# Refitted with it: the held-out plan questions 56 → 59 right at precision 0.90 (0.895), the check half asked of
# all 277 extracts at once 389 → 396 (0.848)
FEATURES = ("bias_table", "bias_list", "op_probability", "op_agrees", "asks_computation", "has_figure",
            "holds_wanted", "periods_asked", "periods_matched", "row_margin", "sentence_margin",
            "op_disagrees_computing", "op_support", "coverage", "doc_size", "doc_share", "rivals", "operands_named",
            "doc_rival", "doc_margin_table", "doc_margin_prose", "similarity")

# how many of the best retrieved passages say which document a question is about (doc_share)
DOC_SHARE_TOP = 10
# How many word pieces of an answer its similarity to the question is of: its opening, which says what it is (a
# table answer's caption and formula follow). Embedding the whole answer was half the time an answer took on the
# index of 282 documents (p50 56 ms; with the first 64 pieces 47 ms). Refitted with 64, the sets moved within a
# few answers of the whole answer's figures (BENCHMARKS.md, stop 40); with 48, the held-out plan questions'
# precision fell 0.900 → 0.871
SIMILARITY_TOKENS = 64


# an operation the question's words ask for that the name of the figure looked up says ('average hourly pay')
_NAMED_OPS = {"average": "stated_average", "change": "stated_change", "percent_change": "stated_change"}
# a sentence that states a share of something: '13% of deaths', 'about 38 per cent of its running costs'
_STATES_SHARE = re.compile(r"(?i)\d[\d.]*\s*(?:%|per ?cent)\s+of\b")
# a sentence that states a change by its size: '£2.1m more than', 'an increase of 12%', 'fell by 40', 'the gap ... is 9.6'
_STATES_CHANGE = re.compile(r"(?i)\d[\d,.]*\s*(?:%|per ?cent|percentage points?|[mk]n?\b|million|thousand)?\s+(?:more|less|higher|lower|"
                            r"fewer|greater|smaller)\s+than\b|\ban?\s+(?:increase|decrease|rise|fall|reduction|growth|drop)\s+of\s+"
                            r"(?:about |around |some |nearly |almost |over )?[£$€]?\d|\b(?:up|down|increased|decreased|rose|fell|grew|"
                            r"dropped|reduced)\s+by\s+(?:about |around |some |nearly |almost |over )?[£$€]?\d|"
                            # the gap by name: 'the gap between the most and least deprived ... is 9.6 years'
                            r"\b(?:gap|difference)\b[^.;]*?\b(?:is|was|are|were|of|stands at|stood at)\s+"
                            r"(?:about |around |some |nearly |almost |over |just )?[£$€]?\d")
# the extreme a question asks for, as a sentence that states it would say it ('most common', 'largest')
_SUPERLATIVE = re.compile(r"(?i)\b(?:most|least)\s+[a-z]+|\b(?:largest|highest|biggest|greatest|smallest|lowest|fewest)\b")
# a sentence that states an average with its figure ('The average time to complete an enquiry was 38 days')
_STATES_AVERAGE = re.compile(r"(?i)\b(?:average|mean|averaged)\b[^.;]*?\d")


def features(q: Query, ev: Any, holds: bool) -> dict[str, float]:
    """The features of one candidate answer (an evidence.Evidence) to a question."""
    op, p = q.operation, q.operation_p
    kind = ev.kind
    answer_op = ev.state.get("op") if kind == "table" else ("list" if kind == "list" else "prose")
    if kind == "table" and answer_op is None:
        answer_op = "sum" if ev.figures else "lookup"
    text = ev.text
    if answer_op == "lookup" and ev.state.get("kind_cell"):
        answer_op = "kind_cell"  # ('which locality is Cedar Lodge in?': the row's Locality)
    elif answer_op == "sum" and ev.state.get("over_asked"):
        answer_op = "asked_sum"  # ('how many hours were lost from July to October', '... across all teams')
    elif answer_op in ("lookup", "prose") and states_count(q.counted, text, kind == "table"):
        answer_op = "stated_count"
    elif answer_op == "lookup" and op in _NAMED_OPS and ev.figures and (
            op_word_names(op, q.text, text) or any(op_word_in_name(op, q.text, name) for name in [
                *(ev.state.get("rows") or [""])[:1], *ev.state.get("col_names", [])])):
        answer_op = _NAMED_OPS[op]  # ('the average hourly pay in X' of a column 'Average hourly pay': the figure, stated)
    elif answer_op == "lookup" and op == "share" and ev.figures and all(f.unit == "%" for f in ev.figures):
        answer_op = "stated_share"  # ('what share of enquiries related to care homes?': the table's 29.7%)
    elif answer_op == "prose" and op == "share" and _STATES_SHARE.search(text):
        answer_op = "stated_share"  # ('what share of people with dementia died at home?': '13% of deaths ... were at home')
    elif answer_op == "prose" and op in ("change", "percent_change") and _STATES_CHANGE.search(text):
        answer_op = "stated_change"  # ('£23.97m a year, £2.1m more than the current contracts': the change, stated)
    elif answer_op == "prose" and op == "which" and (extreme := _SUPERLATIVE.search(q.text)) and \
            re.search(rf"(?i)\b{re.escape(extreme.group(0))}\b", text):
        answer_op = "stated_extreme"  # ('the most common reason for absence is anxiety ...': the extreme, stated)
    elif answer_op == "prose" and op == "average" and _STATES_AVERAGE.search(text):
        answer_op = "stated_average"  # ('how long did enquiries take on average?': 'the average time ... was 38 days')
    asked = [x for x in q.periods if x[:1].isdigit()]
    said = set(periods_in(" ".join([text, *(c.quote for c in ev.citations)]))[0])  # '19/20' is '2019-20'
    matched = sum(1 for x in asked if x in said or x in text)
    agrees = answer_op in EXPECTED_OPS.get(op, set())
    # how much of the question model's belief goes to operations this answer's operation fulfils
    support = sum(pr for o, pr in q.operation_probs if answer_op in EXPECTED_OPS.get(o, set()))
    computing = op in COMPUTING or op == "which"
    return {
        "bias_table": float(kind == "table"), "bias_list": float(kind == "list"), "op_probability": float(p),
        "op_agrees": float(agrees), "asks_computation": float(computing), "has_figure": float(bool(ev.figures)),
        "holds_wanted": float(holds), "periods_asked": float(min(len(asked), 3)),
        "periods_matched": float(matched / len(asked)) if asked else 1.0,
        "row_margin": min(1.0, float(ev.state.get("row_margin", 0.0))),
        "sentence_margin": max(-1.0, min(1.0, float(ev.state.get("margin", 0.0)))),
        "op_disagrees_computing": float(computing and not agrees), "op_support": float(support),
        "coverage": float(ev.coverage), "operands_named": float(bool(ev.state.get("operands_named"))),
        **_doc_margin(kind, ev.state.get("doc_margin")),
    }


# a number in figures or words ('one of the boards' picks one out, it does not count them; 'no providers', 'none of the
# homes' count none)
_NUMBER = r"(?:\d[\d,.]*|one(?!\s+of\b)|no|none\s+of\s+the|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|" \
          r"forty|fifty|hundred|dozen)"


def states_count(counted: Sequence[str], text: str, cell: bool) -> bool:
    """Whether an answer states how many of what 'how many X …' counts, rather than leaving it to be counted:
    a sentence with a number (in figures or words) just before a word of X ('consults the 18 Parish Councils',
    'sets up six teams' for 'how many parish councils / teams …'), or a table cell whose labels name X's last word
    ('FTE: 49.3' for 'how many therapist FTE …'; not a money row that shares a modifier). Such an answer fulfils
    a count asked for ('how many years did X exceed Y' is not answered so: no number there names years)."""
    words = [w.lower() for w in counted if len(w) > 1]
    if cell:
        words = words[-1:]
    stems = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words]
    if not stems:
        return False
    alt = "|".join(re.escape(x) for x in stems)
    if cell:
        return re.search(rf"(?i)\b(?:{alt})", text) is not None
    # ('one in four care workers left' gives a rate, not how many left)
    return re.search(rf"(?i)(?<!\bin\s)\b{_NUMBER}(?!\s+in\s+{_NUMBER}\b)\s+(?:[\w&/'()-]+\s+){{0,3}}?(?:{alt})", text) is not None


def _doc_margin(kind: str, margin: float | None) -> dict[str, float]:
    """The doc_rival / doc_margin_* features of an answer's margin over another document's best candidate."""
    m = math.log1p(max(0.0, margin)) if margin is not None else 0.0
    return {"doc_rival": float(margin is not None), "doc_margin_table": m if kind == "table" else 0.0,
            "doc_margin_prose": m if kind != "table" else 0.0}


def doc_share(docs: set[str], candidates: Sequence[tuple[Any, float]]) -> float:
    """The share of the retrieval score of the best passages that is in the answer's document(s): 1 when the
    question is asked of one document or the best passages agree on it; low when other documents match the
    question as well (asked of many extracts at once, an answer from the wrong one is the likely mistake)."""
    top = list(candidates[:DOC_SHARE_TOP])
    mass = sum(max(0.0, float(sc)) for _, sc in top)
    if not top or mass <= 0:
        return 1.0
    return sum(max(0.0, float(sc)) for p, sc in top if p.doc in docs) / mass


@lru_cache(maxsize=1)
def _params() -> dict[str, Any] | None:
    if not PARAMS.is_file():
        return None
    return json.loads(PARAMS.read_text(encoding="utf-8"))


def probability(feats: dict[str, float]) -> float | None:
    """The fitted probability that an answer with these features is right (None when nothing is fitted)."""
    p = _params()
    if p is None:
        return None
    z = p["intercept"] + sum(w * (feats.get(name, 0.0) - mu) / sd
                             for name, w, mu, sd in zip(p["features"], p["coef"], p["mean"], p["scale"], strict=True))
    return 1.0 / (1.0 + math.exp(-z))


# Before any fit: the least share of a question's terms a table answer / a sentence must explain to be a
# candidate at all. `bench/fit_confidence.py --grid` fits them with the model (written to the parameters file)
DEFAULT_MIN_COVERAGE = {"table": 0.45, "prose": 0.42}
_override: dict[str, float] = {}


def min_coverage(kind: str) -> float:
    """The least coverage of the question a candidate of this kind ('table' or 'prose') needs."""
    if kind in _override:
        return _override[kind]
    p = _params()
    return float((p or {}).get("min_coverage", DEFAULT_MIN_COVERAGE)[kind])


def set_min_coverage(values: dict[str, float] | None) -> None:
    """Try other minimum coverages in this process (the fit does); None goes back to the fitted ones."""
    _override.clear()
    _override.update(values or {})


def threshold() -> float:
    """Answers below this probability are not given (0 when nothing is fitted: every answer is given)."""
    p = _params()
    return float(p["threshold"]) if p else 0.0
