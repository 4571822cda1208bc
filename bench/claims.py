"""Claims the checker was never developed on: generated from the tatqa gold answers, checked per half.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/claims.py [--seed 7] [--limit N] [--json OUT]

From each tatqa question that asks for one figure ("What was the X in 2019?", answer "$1,234 thousand")
one claim is made (seeded, reproducible), in one of several phrasings:
  * supported     the gold figure: "The X in 2019 was $1,234 thousand.";
  * contradicted  the figure changed so that it differs at the precision it is written with (its sign for a
                  change), the gold figure being the correct value;
  * unverifiable  the claim moved to a year the extract never mentions ("The X in 2024 was ..."), or
                  made about another extract's subject, none of whose words this extract uses (a row it
                  does not have).
Each claim is checked against its own extract (as the tatqa questions are asked). The report gives, per
half and per label, the share labelled right, and the errors that matter most: contradicted claims called
supported. The seeds' own dev claims (dev.jsonl) are reported alongside. With -v the development half's
wrong labels are written to index/bench/claims-failures.txt (the check half's are never written).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
EVAL = CORPUS.parent / "eval"
TATQA = EVAL / "tatqa"

_QUESTION = re.compile(r"(?i)^(?:what|how much)\s+(is|was|are|were)\s+(?:the\s+)?(?P<rest>[^?]{8,}?)\s*\??$")
_FIGURE = re.compile(r"^\$?\s*\(?-?\$?[\d,]+(?:\.\d+)?\)?\s*(?:%|thousand|million|billion)?$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
PHRASINGS = (
    "The {rest} {verb} {figure}.",
    "According to the report, the {rest} {verb} {figure}.",
    "The report gives {figure} as the {rest}.",
    "{Figure} {verb} the {rest}.",
)


def _decimals(raw: str) -> int:
    m = re.search(r"\.(\d+)", raw)
    return len(m.group(1)) if m else 0


def _number(raw: str) -> Decimal:
    s = raw.replace(",", "").replace("$", "").replace("%", "").strip()
    s = re.sub(r"\s*(thousand|million|billion)$", "", s)
    neg = s.startswith("(") and s.endswith(")")
    v = Decimal(s.strip("()"))
    return -v if neg else v


def _write(value: Decimal, like: str) -> str:
    """A value written as the gold figure is: same decimals, grouping, $, %, scale word."""
    d = _decimals(like)
    body = f"{abs(value):,.{d}f}"
    if "$" in like:
        body = "$" + body
    text = ("-" + body) if value < 0 else body
    if like.rstrip().endswith("%"):
        text += "%"
    m = re.search(r"(thousand|million|billion)$", like)
    return f"{text} {m.group(1)}" if m else text


def _changed(value: Decimal, like: str, rng: random.Random) -> Decimal:
    """A different figure, different at the precision it is written with and by at least 8%."""
    unit = Decimal(1).scaleb(-_decimals(like))
    for _ in range(20):
        factor = Decimal(rng.choice(["0.5", "0.75", "0.85", "1.15", "1.3", "1.6", "2"]))
        new = (value * factor).quantize(unit)
        if value == 0:
            new = Decimal(rng.choice([3, 7, 12])).quantize(unit)
        if new != value and abs(new - value) >= abs(value) * Decimal("0.08"):
            return new
    return value + unit * 10


_WORD = re.compile(r"[a-z]{4,}")


def _absent_subject(doc_text: str, subjects: list[str], rng: random.Random) -> str | None:
    """Another extract's subject none of whose longer words this extract uses: a row it does not have."""
    words = set(_WORD.findall(doc_text.lower()))
    for _ in range(30):
        other = rng.choice(subjects)
        own = set(_WORD.findall(_YEAR.sub("", other).lower()))
        if own and not own & words:
            return other
    return None


def make_claims(items: list[dict[str, Any]], docs_text: dict[str, str], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    subjects = [m.group("rest").rstrip(" .") for m in (_QUESTION.match(i.get("question", "").strip()) for i in items) if m]
    for item in items:
        m = _QUESTION.match(item.get("question", "").strip())
        answer = str(item.get("answer", "")).strip()
        if item.get("kind", "qa") != "qa" or not m or not _FIGURE.match(answer):
            continue
        try:
            value = _number(answer)
        except ArithmeticError:
            continue
        rest, verb = m.group("rest").rstrip(" ."), m.group(1).lower()
        years = _YEAR.findall(rest)
        for label in rng.sample(["supported", "contradicted", "unverifiable"], 2):  # two, different labels
            if label == "unverifiable" and (not years or rng.random() < 0.5):  # a row the extract does not have
                other = _absent_subject(docs_text.get(item["doc"], ""), subjects, rng)
                if other is None:
                    continue
                out.append(_claim(item, other, verb, [], answer, value, label, docs_text, rng) | {"kind_of": "row"})
                continue
            out.append(_claim(item, rest, verb, years, answer, value, label, docs_text, rng))
    return out


def _claim(item: dict[str, Any], rest: str, verb: str, years: list[str], answer: str, value: Decimal, label: str,
           docs_text: dict[str, str], rng: random.Random) -> dict[str, Any]:
    figure, correct = answer, None
    if label == "contradicted":
        figure, correct = _write(_changed(value, answer, rng), answer), answer
    elif label == "unverifiable" and years:
        present = {int(y) for y in _YEAR.findall(docs_text.get(item["doc"], ""))}
        absent = max(present | {int(y) for y in years}) + rng.choice([3, 4, 5])
        rest = rest.replace(years[0], str(absent))
    phrasing = rng.choice(PHRASINGS)
    text = phrasing.format(rest=rest, verb=verb, figure=figure, Figure=figure[:1].upper() + figure[1:])
    return {"id": f"{item['id']}-{label[:3]}", "doc": item["doc"], "kind": "claim", "text": text, "label": label,
            "correct": correct, "question": item["question"]}


def _half(doc: str) -> str:
    return "check" if int(re.sub(r"\D", "", doc) or 0) % 2 else "dev"


def evaluate(assistant: Any, claims: list[dict[str, Any]], scope_doc: bool = True) -> dict[str, Any]:
    rows = []
    for c in claims:
        t0 = time.perf_counter()
        checks = assistant.check(c["text"], [c["doc"]] if scope_doc else None)
        seconds = time.perf_counter() - t0
        got = checks[0].label if len(checks) == 1 else (checks[0].label if checks else "unverifiable")
        rows.append({**c, "got": got, "right": got == c["label"], "seconds": seconds,
                     "got_correct": checks[0].correct if checks else None,
                     "explanation": checks[0].explanation if checks else ""})
    return summarise(rows) | {"rows": rows}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(rows), "right": sum(r["right"] for r in rows) / max(1, len(rows))}
    for lab in ("supported", "contradicted", "unverifiable"):
        rs = [r for r in rows if r["label"] == lab]
        out[lab] = {"n": len(rs), "right": sum(r["right"] for r in rs) / max(1, len(rs)),
                    **{f"called_{g}": sum(r["got"] == g for r in rs) for g in ("supported", "contradicted", "unverifiable")}}
    contra = [r for r in rows if r["label"] == "contradicted"]
    out["contradicted_called_supported"] = sum(r["got"] == "supported" for r in contra) / max(1, len(contra))
    secs = sorted(r["seconds"] for r in rows)
    out["p50_ms"] = 1000 * secs[len(secs) // 2] if secs else 0.0
    return out


def fit(assistant: Any, claims: list[dict[str, Any]], most_called_supported: float = 0.005,
        wrong_label_cost: float = 2.0) -> dict[str, Any]:
    """The floors of check.decide_claim, fitted on the development half's claims: of every setting on a
    grid, the one with the lowest cost, where a claim left unverifiable that the documents settle costs 1
    and a claim given the wrong label (supported or contradicted) costs `wrong_label_cost` (precision
    first: a reviewer told a right figure is wrong stops trusting the check), among the settings that call
    at most `most_called_supported` of the contradicted claims supported. Ties: the more cautious."""
    from assistant.check import Checker, decide_claim, label_of

    checker = Checker(assistant.default_answerer)
    found = [(c["label"], checker.assess(c["text"], [c["doc"]])) for c in claims]
    contra = max(1, sum(lab == "contradicted" for lab, _ in found))
    grid = [round(x * 0.04, 2) for x in range(26)]
    best: tuple[Any, ...] | None = None
    settings = [{"support": s_floor, "contradict": c_floor, "contradict_agreed": agreed, "table_alone": alone,
                 "sentence_alone": s_alone}
                for s_floor in grid for c_floor in grid for agreed in grid[::5] for alone in (0.0, 1.0)
                for s_alone in (0.0, 1.0) if agreed <= c_floor]
    for fl in settings:
        got = [(lab, label_of(decide_claim(a, fl))) for lab, a in found]
        right = sum(lab == g for lab, g in got)
        wrong_label = sum(lab != g and g != "unverifiable" for lab, g in got)
        cost = (len(got) - right - wrong_label) + wrong_label_cost * wrong_label
        called = sum(lab == "contradicted" and g == "supported" for lab, g in got) / contra
        said = [lab for lab, g in got if g == "contradicted"]
        precision = sum(lab == "contradicted" for lab in said) / max(1, len(said))
        key = (called <= most_called_supported, -cost, sum(fl.values()))
        if best is None or key > best[0]:
            best = (key, fl, right / len(got), called, precision)
    assert best is not None
    return {"floors": best[1], "dev_right": round(best[2], 4), "dev_contradicted_called_supported": round(best[3], 4),
            "dev_contradicted_precision": round(best[4], 4), "n": len(found),
            "objective": f"least cost: 1 per claim left unverifiable, {wrong_label_cost} per wrong label; "
                         f"contradicted called supported <= {most_called_supported}",
            "command": "ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/claims.py --fit"}


def _line(name: str, s: dict[str, Any]) -> str:
    parts = [f"{name:26} n={s['n']:4}  right {s['right']:.2f}"]
    for lab in ("supported", "contradicted", "unverifiable"):
        if s[lab]["n"]:
            parts.append(f"{lab[:5]} {s[lab]['right']:.2f}/{s[lab]['n']}")
    parts.append(f"contradicted->supported {s['contradicted_called_supported']:.3f}")
    parts.append(f"p50 {s['p50_ms']:.0f} ms")
    return "  ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=int, help="at most this many claims per half (a quick look)")
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--write", type=Path, help="write the generated claims here (JSON lines) and stop")
    ap.add_argument("-v", action="store_true", help="write the development half's wrong labels")
    ap.add_argument("--fit", action="store_true", help="fit the checker's floors on the development half's claims "
                    "and write assistant/params/check.json")
    args = ap.parse_args()
    if not (TATQA / "gold.jsonl").is_file():
        print(f"needs {TATQA}/gold.jsonl (set ASSISTANT_CORPUS)", file=sys.stderr)
        return 2
    from assistant import Assistant, Settings
    from assistant.evaluate import evaluate_claims, load_gold
    from assistant.index import sync

    items = [json.loads(x) for x in (TATQA / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = {p.name: p.read_text(encoding="utf-8") for p in (TATQA / "corpus").glob("*.txt")}
    claims = make_claims(items, texts, args.seed)
    if args.write:
        args.write.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
        print(f"{len(claims)} claims written to {args.write}")
        return 0
    report: dict[str, Any] = {}
    settings = Settings(corpus=TATQA / "corpus", index_dir=args.index_root / "tatqa")
    sync(settings, progress=False)
    tatqa = Assistant(settings)
    tatqa.ask("warm up")
    if args.fit:
        fitted = fit(tatqa, [c for c in claims if _half(c["doc"]) == "dev"])
        out = ROOT / "assistant" / "params" / "check.json"
        out.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
        print(f"fitted {fitted['floors']} (dev right {fitted['dev_right']:.3f}); written to {out}")
        return 0
    for half in ("dev", "check"):
        part = [c for c in claims if _half(c["doc"]) == half][: args.limit]
        r = evaluate(tatqa, part)
        report[f"tatqa {half} half"] = {k: v for k, v in r.items() if k != "rows"}
        if half == "dev" and args.v:
            (args.index_root / "claims-failures.txt").write_text("\n\n".join(
                f"{x['id']} [{x['label']} -> {x['got']}] {x['text']}\n  question: {x['question']}\n  correct: "
                f"{x['correct']}\n  got: {x['got_correct']}\n  {x['explanation'][:300]}" for x in r["rows"]
                if not x["right"]), encoding="utf-8")
    seeds = Settings(corpus=CORPUS, index_dir=args.index_root / "seeds")
    sync(seeds, progress=False)
    dev = [i for i in load_gold(str(EVAL / "dev.jsonl")) if i.get("kind") == "claim"]
    d = evaluate_claims(dev, Assistant(seeds).check)
    rows = [{"label": r["expected"], "got": r["got"], "right": r["right"], "seconds": r["seconds"]} for r in d["rows"]]
    report["seeds dev claims"] = summarise(rows)
    for name, s in report.items():
        print(_line(name, s))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
