"""The self-consistency audit against the dev gold inconsistencies, and its false alarms on documents
it has never seen.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/audit.py
     .venv/bin/python bench/audit.py --tatqa [DIR]   (the 277 company-report extracts, per half)

The tatqa extracts' tables were published after audit, so a finding there is a false alarm unless a hand
check shows the published figures really disagree. The development half's findings are printed to be
read; the check half's are only counted (by kind), so that none is fixed one by one.

A gold inconsistency counts as arithmetic when its `computed` field writes out a calculation (two
numbers joined by + − × / or a "sum of"), year ranges such as 2016-17 excepted. It is found when a
finding of the same document involves one of its lines. Findings that match no gold item are listed
so they can be checked by hand (the gold set is a sample: many are real inconsistencies it omits).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from assistant.audit import audit
from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLD = Path(os.environ.get("ASSISTANT_EVAL", CORPUS.parent / "eval" / "dev.jsonl"))

_CALC = re.compile(r"\d\s*[×*]\s*\d|\d\s+[−\-+/]\s+\(?\d|\)\s*/\s*\d|\d{3,}\s*[−\-]\s*\d{3,}|\d\s*[+]\s*\d", re.I)


def is_arithmetic(item: dict) -> bool:
    text = item.get("computed", "")
    return bool(_CALC.search(text)) or bool(re.search(r"(?i)\bsum\b", text))


def tatqa(folder: Path) -> int:
    halves: dict[str, list[str]] = {"dev": [], "check": []}
    for path in sorted(folder.glob("*.txt")):
        number = int(re.sub(r"\D", "", path.stem) or 0)
        doc = read(path)
        for f in audit([doc], extract_tables(doc, segment(doc))):
            halves["check" if number % 2 else "dev"].append(
                f"  {path.name} line {f.line_start} [{f.kind}] stated {f.stated}; computed {f.computed}: {f.description[:160]}")
    for half, found in halves.items():
        print(f"{half} half: {len(found)} findings")
        if half == "dev":  # the check half's findings are counted, never printed: no rule is written from them
            print("\n".join(found))
        else:
            kinds: dict[str, int] = {}
            for f in found:
                kind = f.split("[", 1)[1].split("]", 1)[0]
                kinds[kind] = kinds.get(kind, 0) + 1
            print("  by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])))
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--tatqa":
        return tatqa(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "eval" / "tatqa" / "corpus")
    items = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
    gold = [g for g in items if g["kind"] == "inconsistency"]
    findings = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = read(path)
        findings.extend(audit([doc], extract_tables(doc, segment(doc))))
    arithmetic = [g for g in gold if is_arithmetic(g)]
    found = []
    for g in arithmetic:
        hit = [f for f in findings if f.doc == g["doc"] and set(f.lines) & set(g["line"])]
        found.append(bool(hit))
        print(f"{'found' if hit else 'MISSED':6} {g['id']}: {g['description'][:110]}")
    matched = {id(f) for f in findings for g in gold if f.doc == g["doc"] and set(f.lines) & set(g["line"])}
    print(f"\narithmetic dev inconsistencies found: {sum(found)}/{len(arithmetic)} "
          f"(recall {sum(found) / len(arithmetic):.2f}); not arithmetic (out of scope): {len(gold) - len(arithmetic)}")
    extra = [f for f in findings if id(f) not in matched]
    print(f"findings: {len(findings)} over {len(list(CORPUS.glob('*.txt')))} documents; "
          f"{len(extra)} not in the gold set, to check by hand:")
    for f in extra:
        print(f"  {f.doc[:3]} line {f.line_start} [{f.kind}] stated {f.stated}; computed {f.computed}: {f.description[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
