"""Table extraction against the dev gold tables: found / total, with what differs.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/tables.py [--all]
A gold table counts as found when a table of the same document starts and ends within one line of
it, has the same number of body rows, and the same columns where the gold names real header cells
(not placeholders like "(field)", and not names the gold marks as implied by "no header row"), else
the same number of columns.
--all also lists every table found in the corpus that the gold set does not mention.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLD = Path(os.environ.get("ASSISTANT_EVAL", CORPUS.parent / "eval" / "dev.jsonl"))


def norm(c: str) -> str:
    return " ".join(c.lower().replace("(£)", "").split())


def real_columns(g: dict) -> bool:
    """Gold columns that name real header cells: not placeholders like "(field)", not implied names."""
    cols = g["columns"]
    implied = any("no header" in q for q in g.get("quirks", []))
    return bool(cols) and not implied and not all(c.startswith("(") and c.endswith(")") for c in cols if c)


def main() -> int:
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    gold = [g for g in gold if g["kind"] == "table"]
    by_doc: dict[str, list] = {}
    for name in sorted({g["doc"] for g in gold} | {p.name for p in CORPUS.glob("*.txt")}):
        doc = read(CORPUS / name)
        by_doc[name] = extract_tables(doc, segment(doc))
    found = 0
    matched_ids = set()
    for g in gold:
        cands = [t for t in by_doc[g["doc"]]
                 if abs(t.line_start - g["line_start"]) <= 1 and abs(t.line_end - g["line_end"]) <= 1]
        ok = False
        why = "no table at those lines"
        if cands:
            t = cands[0]
            matched_ids.add(t.id)
            why = []
            if t.n_rows != g["n_rows"]:
                why.append(f"rows {t.n_rows} != {g['n_rows']}")
            if real_columns(g):
                if [norm(c) for c in t.columns] != [norm(c) for c in g["columns"]]:
                    why.append(f"columns {list(t.columns)} != {g['columns']}")
            elif g["columns"] and not g["columns"][0].startswith("(") and len(g["columns"]) != len(t.rows[0].cells):
                why.append(f"width {len(t.rows[0].cells)} != {len(g['columns'])}")
            ok = not why
            why = "; ".join(why)
        else:
            near = [(t.line_start, t.line_end, t.n_rows) for t in by_doc[g["doc"]]
                    if t.line_start <= g["line_end"] and t.line_end >= g["line_start"]]
            why += f" (overlapping: {near})"
        found += ok
        if not ok:
            print(f"MISS {g['id']} {g['line_start']}-{g['line_end']} rows={g['n_rows']}: {why}")
    total_tables = sum(len(v) for v in by_doc.values())
    print(f"dev tables found: {found}/{len(gold)} ({found / len(gold):.0%}); tables in corpus: {total_tables}")
    if "--all" in sys.argv:
        for name, tables in by_doc.items():
            for t in tables:
                if t.id not in matched_ids:
                    print(f"  not in gold: {name} {t.line_start}-{t.line_end} {t.kind} rows={t.n_rows} "
                          f"cols={len(t.columns)} caption={t.caption[:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
