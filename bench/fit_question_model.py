"""Fit the question model's operation classifier and write it to assistant/params/question_ops.json.

Run: .venv/bin/python bench/fit_question_model.py [--gold ../shared/eval/tatqa/gold.jsonl]

Training data: the questions of the tatqa *development half* (documents with an even number), each
labelled with an operation read off the data set's own derivation ('(a-b)/b*100' is a % change,
'(a+b)/2' an average, 'a/b' a ratio, ...) or its answer type (a span is 'text', several spans a 'list',
a year that is largest a 'which'). The check half is used only to print the accuracy on unseen questions.

The model is a logistic regression over word unigrams and bigrams (numbers folded into YEAR / NUM),
scikit-learn at fit time only: the file holds the vocabulary, idf and weights, and
`assistant.question_model` applies them with plain Python, so answering needs no scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evaluate import in_half  # noqa: E402
from assistant.query import cue_intents  # noqa: E402
from assistant.question_model import PARAMS, features  # noqa: E402

_N = r"-?\(?-?[\d.]+%?\)?"


def label(item: dict) -> str | None:
    """The operation a gold question asks for, from its derivation and answer type."""
    t = item.get("type")
    q = item["question"]
    if t == "list":
        return "list"
    if t == "lookup":
        return "text"
    if t == "table":  # a cell, or which year / row has the extreme value
        extreme = re.search(r"(?i)\b(most|largest|highest|biggest|greatest|least|smallest|lowest|fewest|more|less|"
                            r"higher|lower|larger|smaller)\b", q)
        return "which" if re.match(r"(?i)^(in |during |for )?(which|what) ", q) and extreme else "value"
    if t != "computed":
        return None
    d = item["tatqa"]["derivation"].replace(" ", "").replace("$", "").replace(",", "").replace("[", "(").replace("]", ")")
    d = re.sub(r"^-\(", "(", d)
    if re.fullmatch(rf"\(*{_N}-{_N}\)?/\(?{_N}\)*(\*100)?", d) or re.fullmatch(rf"\(*{_N}/{_N}-1\)*\*100", d):
        return "percent_change"
    if re.fullmatch(rf"\(*{_N}-{_N}\)*(\*100)?", d):
        return "change"
    if re.fullmatch(rf"\(*({_N}[+-])+{_N}\)*/\d\)*(\*100)?", d):
        return "average"
    if re.fullmatch(rf"\(*{_N}/{_N}\)*\*100", d):
        return "share"
    if re.fullmatch(rf"\(*{_N}/{_N}\)*", d):
        return "ratio"
    if re.fullmatch(rf"\(*({_N}\+)+{_N}\)*", d):
        return "sum"
    if item["tatqa"].get("answer_type") == "count" or re.match(r"(?i)how many", q):
        return "count"
    return None


# Phrasings the company-report questions never use but planning staff do, one list per operation, filled
# with made-up subjects. They teach the model the operation words; no template is a dev question.
TEMPLATES: dict[str, list[str]] = {
    "sum": ["What do the {x} add up to?", "How much do the {x} come to in total?", "What is the combined {y} of {a} "
            "and {b}?", "How many {x} are there altogether?", "Add up the {y} for {a} and {b}.",
            "What is the sum of the {y} across all {x}?", "Including both {a} and {b}, what is the {y}?",
            "How many {x} in total are planned?", "What do {a} and {b} amount to together?"],
    "which": ["Which {z} has the largest {y}?", "Which {z} received the most {y}?", "Which {z} has the lowest {y}?",
              "Who gets the biggest share of the {y}?", "Which of the {x} costs the least?",
              "Which {z} had the highest {y} in {p1}?"],
    "share": ["What share of the {y} goes to {a}?", "What fraction of the {y} does {a} represent?",
              "What proportion of the {y} is spent on {a}?", "What percentage of the {y} is {a}?",
              "How much of the {y}, as a percentage, is for {a}?", "What was the proportion of {a} in the total {y}?",
              "What is the share of {a} out of the total {y} in {p1}?"],
    "change": ["By how much did the {y} rise between {p1} and {p2}?", "How much did the {y} fall from {p1} to {p2}?",
               "What is the difference between the {y} in {p1} and {p2}?", "How much more is the {y} in {p2} than in {p1}?",
               "How far did the {y} go up from {p1} to {p2}?",
               "What is the difference in {y} between {a} and {b}?", "What is the gap between {a} and {b} in {p1}?",
               "How much more {y} does {a} get than {b}?"],
    "ratio": ["What is the ratio of the {y} of {a} to {b}?", "What is {a} expressed as a ratio of {b} in {p1}?",
              "What was the {y} of {a} as a ratio to {b}?", "How many times the {y} of {b} is the {y} of {a}?"],
    "percent_change": ["By what percentage did the {y} grow between {p1} and {p2}?",
                       "What was the percentage rise in the {y} from {p1} to {p2}?",
                       "How much did the {y} change in percentage terms from {p1} to {p2}?"],
    "average": ["What is the mean {y} across the {x}?", "On average, what is the {y} per {z}?",
                "What was the average {y} over {p1} and {p2}?"],
    "count": ["How many {x} are rated red?", "How many of the {x} are already in place?",
              "How many {x} have a named lead?", "In how many years was the {y} more than 500?",
              "How many quarters did the {y} exceed 2,000?", "In how many months was the {y} below target?",
              "How many {x} are complete?", "How many {x} are marked as delayed?", "How many {x} have been closed?"],
    "value": ["What is the {y} for {a} in {p1}?", "How much {y} does {a} get in {p2}?", "What was the total {y} in {p1}?",
              "What is the minimum {y} in {p2}?", "What is the average daily {y} target for {p1}?",
              # 'how many' with no condition asks for a stated quantity (people, beds, staff), not a count of rows
              "How many {x} are planned for {p1}?", "How many people will {a} support in {p2}?",
              "How many {x} were delivered in {p1}?", "How many staff work in {a}?",
              "How many {x} does {a} expect to have by {p2}?", "How much is the {y} for {p2}?",
              "How many {w} did {a} see in {p1}?", "How many {w} are to be moved into {a}?",
              "How many {w} took part in {a}?", "How many {w} were admitted to {a} in {p2}?",
              "How many {w} does {a} employ?", "How many {w} used {a} last year?"],
    "list": ["What will {a} focus on?", "What does {a} concentrate on?", "What will the {x} include?",
             "Which areas does {a} cover?", "What are the priorities of {a}?", "Name the {x} that {a} runs."],
}
SLOTS = [
    {"x": "schemes", "w": "patients", "y": "budget", "z": "scheme", "a": "home care", "b": "reablement", "p1": "2018-19", "p2": "2019-20"},
    {"x": "projects", "w": "staff", "y": "funding", "z": "locality", "a": "the north team", "b": "the south team", "p1": "2017",
     "p2": "2018"},
    {"x": "services", "w": "people", "y": "spend", "z": "service", "a": "mental health", "b": "community nursing", "p1": "Q1",
     "p2": "Q2"},
]


def template_items() -> list[tuple[str, str]]:
    return [(tpl.format(**slot), op) for op, tpls in TEMPLATES.items() for tpl in tpls for slot in SLOTS]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "tatqa" / "gold.jsonl")
    ap.add_argument("--out", type=Path, default=PARAMS)
    ap.add_argument("-C", type=float, default=4.0)
    args = ap.parse_args()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    items = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    data = {h: [(features(i["question"], tuple(cue_intents(i["question"]))), lab) for i in items if in_half(i["doc"], h) for lab in [label(i)] if lab]
            for h in ("dev", "check")}
    vec = TfidfVectorizer(analyzer=lambda toks: toks, sublinear_tf=True, min_df=2)
    extra = [(features(q, tuple(cue_intents(q))), op) for q, op in template_items()]
    train = data["dev"] + extra
    x = vec.fit_transform([f for f, _ in train])
    y = [lab for _, lab in train]
    clf = LogisticRegression(C=args.C, max_iter=2000)
    clf.fit(x, y)
    for h in ("dev", "check"):
        xs = vec.transform([f for f, _ in data[h]])
        acc = (clf.predict(xs) == [lab for _, lab in data[h]]).mean()
        print(f"{h} half: {len(data[h])} questions, operation accuracy {acc:.3f}")
    vocab = {t: int(i) for t, i in vec.vocabulary_.items()}
    out = {
        "fitted_on": f"{args.gold.name}, development half (even documents), {len(data['dev'])} questions, "
                     f"and {len(extra)} template questions (bench/fit_question_model.py TEMPLATES)",
        "command": "python bench/fit_question_model.py",
        "classes": [str(c) for c in clf.classes_],
        "vocabulary": vocab,
        "idf": [round(float(v), 6) for v in vec.idf_],
        "coef": [[round(float(v), 6) for v in row] for row in clf.coef_],
        "intercept": [round(float(v), 6) for v in clf.intercept_],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, sort_keys=True), encoding="utf-8")
    print(f"wrote {args.out} ({len(vocab)} features, classes {out['classes']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
