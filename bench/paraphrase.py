"""Do right answers stay right when the question is asked another way? Meaning-preserving rewrites of the
tatqa questions each half answers correctly, and how many of them still get the right answer.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/paraphrase.py [--index-root DIR] [--half dev|check|both]

Each rewrite changes only how the question is put, never what it asks: 'in 2019' -> 'for 2019' / 'during
2019' / 'in fiscal 2019', the year moved to the front ('In 2019, what was ...'), 'What was' <-> 'What is',
'between 2018 and 2019' <-> 'from 2018 to 2019', the years of 'A and B' swapped, 'in the year 2019', 'in
FY2019', 'Please tell me ...', '% change' for 'percentage change', 'mean' for 'average' (not in a name such as
'weighted average' or 'average price'), 'What was the company's ...', ', in chronological order' after a
question for several values ('What are / were ...'), lower case, no question mark, and 'as of June 30, 2019' for 'in 2019' where the
document itself dates its 2019 figures so. A rewrite that loses a right answer shows a mechanism that hangs on the wording of the question set
rather than on what is asked. Only counts are printed; for the development half `-v` lists the rewrites that
lost their answer (the check half's are never listed).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
TATQA = CORPUS.parent / "eval" / "tatqa"

_Y = r"((?:19|20)\d\d)"


def _year_to_front(q: str) -> str:
    m = re.search(rf"(\s+in {_Y})(?=\s*\?|$)", q)
    if not m:
        return q
    return f"In {m.group(2)}, " + q[:1].lower() + q[1:m.start()].rstrip() + q[m.end():]


REWRITES: dict[str, Callable[[str], str]] = {
    "in -> for": lambda q: re.sub(rf"\bin {_Y}\b", r"for \1", q, count=1),
    "in -> during": lambda q: re.sub(rf"\bin {_Y}\b", r"during \1", q, count=1),
    "in -> in fiscal": lambda q: re.sub(rf"\bin {_Y}\b", r"in fiscal \1", q, count=1),
    "year to the front": _year_to_front,
    "what was -> what is": lambda q: re.sub(r"^What was\b", "What is", q),
    "what is -> what was": lambda q: re.sub(r"^What is\b", "What was", q),
    "between -> from": lambda q: re.sub(rf"\bbetween {_Y} and {_Y}", r"from \1 to \2", q),
    "from -> between": lambda q: re.sub(rf"\bfrom {_Y} to {_Y}", r"between \1 and \2", q),
    "years swapped": lambda q: re.sub(rf"\b{_Y} and {_Y}\b", r"\2 and \1", q),
    "in -> in the year": lambda q: re.sub(rf"\bin {_Y}\b", r"in the year \1", q, count=1),
    "in -> in FY": lambda q: re.sub(rf"\bin {_Y}\b", r"in FY\1", q, count=1),
    "please tell me": lambda q: ("Please tell me " + q[:1].lower() + q[1:]) if re.match(r"(?i)^(what|which|how|who|when|why)\b", q) else q,
    "percentage change -> % change": lambda q: re.sub(r"\bpercentage change\b", "% change", q),
    "average -> mean": lambda q: re.sub(r"\baverage\b", "mean", q) if not re.search(r"(?i)weighted.average|average (number|price|cost|rate)", q) else q,
    "the company's": lambda q: re.sub(r"^What (was|is) the ", r"What \1 the company's ", q, count=1),
    # an order for a list asked in several values ('What are the ...', 'What were the ...'): the same answer
    "in chronological order": lambda q: re.sub(r"\s*\?$", ", in chronological order?", q)
    if re.match(r"(?i)^(what|which) (are|were)\b", q) else q,
    "lower case": lambda q: q.lower(),
    "no question mark": lambda q: q.rstrip("?").rstrip(),
}

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def _as_of_date(q: str, doc_text: str) -> str:
    """'in 2019' -> 'as of June 30, 2019' when the document itself dates 2019 so ('June 30, 2019', or a
    'June 30,' header over a '2019' column): the date a reader copies from the table."""
    m = re.search(rf"\bin {_Y}\b", q)
    if not m:
        return q
    year = m.group(1)
    said = re.search(rf"\b({_MONTHS} \d{{1,2}}),?\s+{year}\b", doc_text) or re.search(
        rf"\b({_MONTHS} \d{{1,2}}),?\s*\t*\n(?:[^\n]*\t)?{year}\b", doc_text)
    if not said:
        return q
    return q[:m.start()] + f"as of {said.group(1)}, {year}" + q[m.end():]


# rewrites that take the wording from the question's own document
DOC_REWRITES: dict[str, Callable[[str, str], str]] = {"in -> as of its date": _as_of_date}


def main() -> int:
    from assistant import Assistant, Settings
    from assistant.evaluate import load_gold, score_answer
    from assistant.index import sync

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench")
    ap.add_argument("--half", choices=("dev", "check", "both"), default="both")
    ap.add_argument("-v", action="store_true", help="list the development half's rewrites that lost their answer")
    args = ap.parse_args()
    if not (TATQA / "gold.jsonl").is_file():
        print(f"needs {TATQA}/gold.jsonl (set ASSISTANT_CORPUS)", file=sys.stderr)
        return 2
    settings = Settings(corpus=TATQA / "corpus", index_dir=args.index_root / "tatqa")
    sync(settings, progress=False)
    a = Assistant(settings)
    a.default_answerer.confidence_floor = 0.0  # every answer given: the rewrite, not the policy, is measured
    for half in (("dev", "check") if args.half == "both" else (args.half,)):
        kept: dict[str, list[int]] = {name: [0, 0] for name in [*REWRITES, *DOC_REWRITES]}
        lost: list[str] = []
        for item in load_gold(TATQA / "gold.jsonl", half):
            q0 = item["question"]
            if not score_answer(item, a.ask(q0, None, [item["doc"]]), 0.0).correct:
                continue
            text = (TATQA / "corpus" / item["doc"]).read_text(encoding="utf-8")
            rewrites = [*((n, f) for n, f in REWRITES.items()),
                        *((n, (lambda q, f=f, text=text: f(q, text))) for n, f in DOC_REWRITES.items())]
            for name, rewrite in rewrites:
                q1 = rewrite(q0)
                if q1 == q0:
                    continue
                ok = score_answer(item, a.ask(q1, None, [item["doc"]]), 0.0).correct
                kept[name][0] += ok
                kept[name][1] += 1
                if not ok and half == "dev":
                    lost.append(f"{item['id']} ({name}): {q1}")
        n_ok, n = sum(k for k, _ in kept.values()), sum(m for _, m in kept.values())
        print(f"tatqa {half} half: right answers kept under rewriting {n_ok}/{n} = {n_ok / max(1, n):.3f}")
        for name, (k, m) in kept.items():
            print(f"  {name:22} {k:4}/{m:<4}")
        if args.v and lost:
            print("\n".join(f"  lost: {x}" for x in lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())
