"""How well tables are read on documents nobody tuned on: the tatqa extracts (both halves, no gold needed).

Run: .venv/bin/python bench/tables_general.py [--corpus ../shared/eval/tatqa/corpus] [-v]

Counts, over every table found: value columns with no header; value columns of a table whose other
columns name a year that do not name one; numeric-looking cells read as text (a number that will
never be computed with). Lower is better for all three; they need no gold answers.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval" / "tatqa" / "corpus")
    ap.add_argument("-v", action="store_true", help="print each problem (documents of the development half only)")
    args = ap.parse_args()
    from assistant.ingest import read
    from assistant.layout import segment as find_blocks
    from assistant.tables import extract_tables

    n_tables = unnamed = yearless = text_nums = cells = 0
    from assistant.evaluate import in_half

    for path in sorted(args.corpus.glob("*.txt")):
        verbose = args.v and in_half(path.name, "dev")  # never read the check half's documents
        doc = read(path, path.name)
        for t in extract_tables(doc, find_blocks(doc)):
            if t.kind != "data" or not t.rows:
                continue
            n_tables += 1
            vcols = range(t.label_cols, len(t.columns))
            named_years = [c for c in vcols if re.search(r"(19|20)\d{2}", t.columns[c])]
            for c in vcols:
                if not t.columns[c].strip():
                    unnamed += 1
                    if verbose:
                        print(f"unnamed: {path.name} col {c} {t.columns}")
                elif named_years and c not in named_years and not re.search(r"(?i)change|%|variance", t.columns[c]):
                    yearless += 1
                    if verbose:
                        print(f"yearless: {path.name} {t.columns[c]!r} among {t.columns}")
            for r in t.rows:
                for cell in r.cells[t.label_cols:]:
                    cells += 1
                    if cell.kind == "text" and re.fullmatch(r"[\s$€£(),.\-–\d%*]+", cell.raw) and re.search(r"\d", cell.raw):
                        text_nums += 1
                        if verbose:
                            print(f"text number: {path.name} {r.label!r} {cell.raw!r}")
    print(f"{n_tables} tables; value columns without a header: {unnamed}; without a year beside year columns: "
          f"{yearless}; numeric cells read as text: {text_nums} of {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
