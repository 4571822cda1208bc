"""The self-consistency audit against the dev gold inconsistencies, and its false alarms on documents
it has never seen.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/audit.py
     .venv/bin/python bench/audit.py --tatqa [DIR]   (the 277 company-report extracts, per half)
     .venv/bin/python bench/audit.py --perturb [DIR] (the same extracts rewritten so that they still add up)

With --perturb, every extract is also audited after rewrites that keep its figures consistent: value
columns in the other order, a 'Change' and a '% Change' column computed here for each two-year table,
both, whole-number tables restated in thousands (each cell rounded on its own), and a 'Total' row added to
simple tables on the blank line after them. A finding a rewrite adds is a false alarm by construction, whatever the extract says: it shows an
assumption about layout, found without reading a check-half finding.

The tatqa extracts' tables were published after audit, so a finding there is a false alarm unless a hand
check shows the published figures really disagree. Both halves' findings are printed, to be read by hand
as the audit's target asks (each finding on the 277 checked and real, listed in BENCHMARKS.md). Until stop 32
the check half's were only counted; from then on the audit's check half is not held out (its QA half is).

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
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

from assistant.audit import audit
from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables
from assistant.values import parse_cell

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLD = Path(os.environ.get("ASSISTANT_EVAL", CORPUS.parent / "eval" / "dev.jsonl"))

_CALC = re.compile(r"\d\s*[×*]\s*\d|\d\s+[−\-+/]\s+\(?\d|\)\s*/\s*\d|\d{3,}\s*[−\-]\s*\d{3,}|\d\s*[+]\s*\d", re.I)


def is_arithmetic(item: dict) -> bool:
    text = item.get("computed", "")
    return bool(_CALC.search(text)) or bool(re.search(r"(?i)\bsum\b", text))


def tatqa(folder: Path) -> int:
    halves: dict[str, list[str]] = {"dev": [], "check": []}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".pdf", ".docx")):
        number = int(re.sub(r"\D", "", path.stem) or 0)
        doc = read(path)
        for f in audit([doc], extract_tables(doc, segment(doc))):
            halves["check" if number % 2 else "dev"].append(
                f"  {path.name} line {f.line_start} [{f.kind}] stated {f.stated}; computed {f.computed}: {f.description[:160]}")
    for half, found in halves.items():
        print(f"{half} half: {len(found)} findings")
        print("\n".join(found))
    return 0


_YEAR = re.compile(r"^\s*(?:fiscal\s+|fy\s?)?((?:19|20)\d{2})\s*$", re.I)


def tab_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Where the runs of tab-separated lines (the tables) are: (first line, line after the last), 0-based."""
    out = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    return out


def reversed_columns(text: str) -> str:
    """Every tab-separated line with its value cells in the opposite order (the label stays first): the
    same published figures, newest year last instead of first. Nothing in them stops adding up."""
    lines = text.splitlines()
    out = list(lines)
    for i, j in tab_blocks(lines):
        block = [line.split("\t") for line in lines[i:j]]
        width = max(len(cells) for cells in block)  # a short header line ('$'000' over two of four) is padded
        # the label columns stay where they are: those before the first figure of every row that has one
        # ('Trust | Income | 398.9 | 412.6' keeps 'Trust | Income' first)
        firsts = [next(n for n, c in enumerate(cells) if _is_value(c)) for cells in block
                  if any(_is_value(c) for c in cells[1:])]
        labels = max(1, min(firsts, default=1))
        for k, cells in enumerate(block):
            cells += [""] * (width - len(cells))
            out[i + k] = ("\t".join([*cells[:labels], *cells[labels:][::-1]]) if width - labels >= 2
                          else "\t".join(cells))
    return "\n".join(out) + "\n"


def _is_value(cell: str) -> bool:
    return parse_cell(cell).kind in ("money", "number", "percent")


def with_change_columns(text: str) -> str:
    """Each table whose header names exactly two years, and nothing else, gains a 'Change' and a '% Change'
    column computed here from the two figures of every row (rounded as reports round them): a table
    that adds up by construction, in the header's own year order."""
    lines = text.splitlines()
    out: list[str] = []
    years: tuple[int, int] | None = None  # the positions of the later and the earlier year's cells
    for line in lines:
        cells = line.split("\t")
        if len(cells) < 3:
            years = None
            out.append(line)
            continue
        found = [(i, int(m.group(1))) for i, c in enumerate(cells) if (m := _YEAR.match(c))]
        if len(found) == 2 and len(cells) == 3 and found[0][1] != found[1][1]:
            (i, yi), (j, yj) = found
            years = (i, j) if yi > yj else (j, i)
            out.append(line + "\tChange\t% Change")
            continue
        if years is not None and len(cells) == 3:
            new, old = (parse_cell("0" if cells[k].strip() in ("-", "—", "–") else cells[k]) for k in years)
            if new.value is not None and old.value is not None and new.kind == old.kind and new.kind in ("money", "number"):
                diff = new.value - old.value
                digits = max(len(c.split(".")[1]) if "." in c else 0 for c in (cells[years[0]], cells[years[1]]))
                change = f"{diff:,.{digits}f}".replace("-", "(") + (")" if diff < 0 else "")
                pct = ""
                if old.value != 0:
                    p = (diff / abs(old.value) * 100).quantize(Decimal("0.1"))
                    pct = f"{p}%"
                out.append(f"{line}\t{change}\t{pct}")
                continue
        out.append(line)
    return "\n".join(out) + "\n"


def in_thousands(text: str) -> str:
    """Each table whose value cells are whole numbers, mostly of four digits or more, restated in thousands as
    a report would print it: every cell divided by 1,000 and rounded on its own (a total is rounded from the
    exact total, not added up from the rounded rows), and '(in thousands)' on the blank line above it (a
    table with no blank line above is left as it is, so that every line stays where it was). The figures
    still agree, up to the rounding a reader expects."""
    lines = text.splitlines()
    out = list(lines)
    for i, j in tab_blocks(lines):
        block = [line.split("\t") for line in lines[i:j]]
        parsed = [parse_cell(c) for cells in block for c in cells[1:] if c.strip()]
        numbers = [p for p in parsed if p.kind in ("money", "number") and p.value is not None]
        if len(numbers) < 4 or any(p.value != p.value.to_integral_value() for p in numbers) or \
                sum(abs(p.value) >= 1000 for p in numbers) < 0.8 * len(numbers) or i == 0 or lines[i - 1].strip():
            continue
        out[i - 1] = "(in thousands)"
        for k, cells in enumerate(block):
            new_cells = [cells[0]]
            for c in cells[1:]:
                p = parse_cell(c)
                if p.kind in ("money", "number") and p.value is not None and not _YEAR.match(c):
                    v = (p.value / 1000).quantize(Decimal("1"))
                    body = f"({abs(v):,})" if v < 0 else f"{abs(v):,}"
                    new_cells.append(("$" if "$" in c else "") + body)
                else:
                    new_cells.append(c)
            out[i + k] = "\t".join(new_cells)
    return "\n".join(out) + "\n"


def with_total_rows(text: str) -> str:
    """Each simple table (a header, then three or more rows of figures in every value column, none of them a
    total, a net or a section line) gains a 'Total' row on the blank line after it: the sum of each column
    as printed. The table adds up by construction, so any finding about it is a false alarm."""
    lines = text.splitlines()
    out = list(lines)
    for i, j in tab_blocks(lines):
        block = [line.split("\t") for line in lines[i:j]]
        if j >= len(lines) or lines[j].strip():
            continue
        body = [cells for cells in block if len(cells) >= 2 and cells[0].strip() and all(
            parse_cell("0" if c.strip() in ("-", "—", "–") else c).kind in ("money", "number") for c in cells[1:])]
        if len(body) < 3 or body != block[len(block) - len(body):] or any(
                re.search(r"(?i)total|net\b|sub-?total|less\b", cells[0]) for cells in block):
            continue
        width = len(body[0])
        if any(len(cells) != width for cells in body) or width < 2:
            continue
        sums = []
        for k in range(1, width):
            parsed = [parse_cell("0" if c[k].strip() in ("-", "—", "–") else c[k]) for c in body]
            digits = max(len(c[k].split(".")[1].rstrip(")%")) if "." in c[k] else 0 for c in body)
            total = sum((p.value for p in parsed), Decimal(0))
            shown = f"{abs(total):,.{digits}f}"
            shown = f"({shown})" if total < 0 else shown
            sums.append(("$" if "$" in body[0][k] else "") + shown)
        out[j] = "\t".join(["Total", *sums])
    return "\n".join(out) + "\n"


def perturbed(folder: Path) -> int:
    """The audit on the tatqa extracts as published and as rewritten in ways that keep every figure
    consistent (value columns in the other order; two-year tables with change columns computed here).
    A finding that a rewrite adds is a false alarm by construction: it shows an assumption about layout.
    The development half's are printed; the check half's are counted."""
    variants = {"columns reversed": reversed_columns, "change columns added": with_change_columns,
                "change columns added, then all reversed": lambda text: reversed_columns(with_change_columns(text)),
                "whole numbers restated in thousands": in_thousands, "total rows added to simple tables": with_total_rows}
    for name, rewrite in variants.items():
        added: dict[str, list[str]] = {"dev": [], "check": []}
        lost = {"dev": 0, "check": 0}
        for path in sorted(folder.glob("*.txt")):
            number = int(re.sub(r"\D", "", path.stem) or 0)
            half = "check" if number % 2 else "dev"
            original = path.read_text(encoding="utf-8")
            # a finding is known by its kind and line: the rewrites keep every line where it was
            d = read(path)
            before = Counter((f.kind, f.line_start) for f in audit([d], extract_tables(d, segment(d))))
            with tempfile.TemporaryDirectory() as tmp:
                changed = Path(tmp) / path.name
                changed.write_text(rewrite(original), encoding="utf-8")
                doc = read(changed)
                after = audit([doc], extract_tables(doc, segment(doc)))
            for f in after:
                if before[(f.kind, f.line_start)] > 0:
                    before[(f.kind, f.line_start)] -= 1
                    continue
                added[half].append(f"  {path.name} line {f.line_start} [{f.kind}] stated {f.stated}; computed "
                                   f"{f.computed}: {f.description[:160]}")
            lost[half] += sum(before.values())
        for half in ("dev", "check"):
            print(f"{name}, {half} half: {len(added[half])} findings more than as published, {lost[half]} fewer")
            if half == "dev":
                print("\n".join(added[half]))
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--perturb":
        return perturbed(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "eval" / "tatqa" / "corpus")
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
