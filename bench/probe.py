"""Generated questions over every table of the 277 tatqa extracts: does the answerer read a row's figure,
its change, its % change and its average over two years, however the question is worded?

Run: .venv/bin/python bench/probe.py [--index DIR] [-v]
     ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/probe.py --plans [-v]   (the five plans' tables:
     financial years '2019-20' as well as years)

For each table with two or more columns headed by a single year, up to two rows (seeded, so the same
rows every run) whose label is unique in the table and which have a figure in the two latest year columns
give up to seven questions, each in one of several wordings (seeded): the figure in the later year, the
change and the % change between the two years, and their average; with another body row of the same
kind (seeded), their sum and ratio in the later year; with the table's one named total row, the row's share
of it; and the year in which the row's figure was the larger (right when it is the first year the answer
names). Where the table states the change between the two years in a column of its own ('$ Change',
'% Change'), the row's change of that kind is asked too, and the stated cell is expected, quoted. Where the
table has three single-year columns, the row's average over the three is asked with the years named as a
span ('between 2017 and 2019', 'from 2017 to 2019', 'over 2017-2019'). The expected figure is otherwise
computed here from the two cells. A question is answered right when the answer states the figure (a lookup) or computes it
(the other kinds), and is counted at no confidence floor (what the mechanisms give) and at the policy
(what a user sees: right / answered).

The questions come from the table reader's own view of the tables (its year columns and labels), so this
measures choosing and computing, not reading. Each half is reported; the development half's failures are
printed with -v, the check half's only counted (nothing is fixed from them one by one).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import zlib
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TATQA = ROOT.parent / "shared" / "eval" / "tatqa"

WORDINGS = {
    "lookup": ["What was the {label} in {y1}?", "How much was {label} in {y1}?",
               "What is the value of {label} for {y1}?"],
    "change": ["What was the change in {label} from {y0} to {y1}?",
               "By how much did {label} change between {y0} and {y1}?",
               "What is the difference in {label} between {y1} and {y0}?"],
    "percent change": ["What was the percentage change in {label} between {y0} and {y1}?",
                       "By what percentage did {label} change from {y0} to {y1}?"],
    "average": ["What was the average {label} in {y0} and {y1}?", "What is the average {label} for {y0} and {y1}?"],
    # two rows of the same year
    "sum": ["What was the total of {label} and {other} in {y1}?", "What is the sum of {label} and {other} in {y1}?"],
    "share": ["What was {label} as a percentage of {whole} in {y1}?",
              "What percentage of {whole} was {label} in {y1}?"],
    "ratio": ["What is the ratio of {label} to {other} in {y1}?", "What was the ratio of {label} to {other} in {y1}?"],
    # both years' figures
    "both years": ["What were the {label} in {y0} and {y1} respectively?", "What was the {label} in {y0} and {y1}?",
                   "What are the figures for {label} in {y1} and {y0}?"],
    # the period with the larger figure
    "which year": ["Which year had the larger {label}, {y0} or {y1}?",
                   "Between {y0} and {y1}, in which year was {label} higher?",
                   "In which year was the {label} greater: {y0} or {y1}?"],
    # a change the table states in a column of its own ('$ Change', '% Change', 'Variance'): the stated cell
    "stated change": ["What was the change in {label}?", "What is the change in {label} from {y0} to {y1}?",
                      "By how much did {label} change between {y0} and {y1}?"],
    "stated % change": ["What was the percentage change in {label}?",
                        "What is the % change in {label} from {y0} to {y1}?",
                        "By what percentage did {label} change between {y0} and {y1}?"],
    # the change between the two latest years, which the question does not name (only where they follow on)
    "year on year": ["What was the year-on-year change in {label}?", "By how much did {label} change year over year?",
                     "What is the year-on-year change in {label}?"],
    # the change worded by its direction ('increase' where it rose, 'decrease' where it fell)
    "rise or fall": ["How much did {label} {dir} from {y0} to {y1}?", "By how much did {label} {dir} between {y0} and {y1}?",
                     "What was the {dir} in {label} from {y0} to {y1}?"],
    # the % change with only the later year named (the year before it is implied)
    "growth in a year": ["What was the percentage change in {label} in {y1}?", "What was the growth rate of {label} in {y1}?",
                         "By what percentage did {label} change in {y1}?"],
    # two rows of the same year, one less the other
    "row difference": ["What is the difference between {label} and {other} in {y1}?",
                       "What was the difference between {label} and {other} in {y1}?",
                       "How much more was {label} than {other} in {y1}?"],
    # the average over the table's only two years, which the question does not name
    "average of both": ["What was the average {label} over the two years?", "What is the average {label} for both years?",
                        "What was the average annual {label}?"],
    # a row's two years added up
    "both years added": ["What was the total {label} in {y0} and {y1}?", "What is the combined {label} for {y0} and {y1}?",
                         "How much was {label} in {y0} and {y1} combined?"],
    # the figure, asked in other words
    "lookup, other words": ["How much {label} was reported for {y1}?", "What did {label} amount to in {y1}?",
                            "Tell me the {label} for {y1}."],
    # the figure, asked as plans' readers ask it
    "lookup, plan words": ["How much is allocated to {label} in {y1}?", "What is the budget for {label} in {y1}?",
                           "How much money goes to {label} in {y1}?", "What's the figure for {label} in {y1}?"],
    # a ratio and a share, in other words
    "ratio, other words": ["What is {label} divided by {other} in {y1}?",
                           "{label} was how many times {other} in {y1}?"],
    "share, other words": ["What share of {whole} did {label} account for in {y1}?",
                           "What proportion of {whole} was {label} in {y1}?"],
    # a row's average over three years named as a span (only for tables with three single-year columns)
    "average of three": ["What was the average {label} between {y0} and {y2}?",
                         "What is the average {label} from {y0} to {y2}?",
                         "What was the average annual {label} over {y0}-{y2}?"],
    # how many of the table's rows have a figure above (or below) a bound in the later year (only for tables
    # with three or more body rows with a figure that year; the bound lies between two of them, written in
    # the table's own units)
    "count above": ["How many items had a value above {bound} in {y1}?",
                    "In {y1}, how many of the line items exceeded {bound}?",
                    "How many categories were below {bound} in {y1}?"],
    # the same, asked as which rows they are (their names are expected, and no other row's)
    "which above": ["Which items had a value above {bound} in {y1}?", "In {y1}, which line items exceeded {bound}?",
                    "What are the categories that were below {bound} in {y1}?"],
    # the total of a section of the table (a row of words over two or more rows of figures) that no totals row of its
    # own closes: the sum of the section's rows in the later year
    "section total": ["What was the total {section} in {y1}?", "How much were {section} in total in {y1}?",
                      "What do {section} add up to in {y1}?"],
    # the row with the largest (or smallest) figure in the later year: its name and its figure are expected
    # (only for tables with one totals row, named as what the rows are parts of)
    "largest row": ["Which component of {whole} was the largest in {y1}?", "In {y1}, what was the largest item of {whole}?",
                    "Which part of {whole} was the smallest in {y1}?"],
    # the row whose figure moved most between the two years (its change is expected), named as a part of the whole
    "moved most": ["Which component of {whole} grew the most from {y0} to {y1}?",
                   "Which item of {whole} had the largest increase between {y0} and {y1}?",
                   "Which part of {whole} had the biggest fall from {y0} to {y1}?"],
    # a year the table (and its document) does not have: the answer is that the documents do not say
    "absent year": ["What was {label} in {ya}?", "How much was {label} in {ya}?", "What was the {label} for {ya}?"],
    # an item the document has no word of (another document's row): the answer is that the documents do not say
    "absent item": ["What was {label} in {y1}?", "How much was {label} in {y1}?", "What was the {label} for {y1}?"],
}
OPS = {"section total": "sum", "count above": "count", "both years added": "sum", "ratio, other words": "ratio", "share, other words": "share",
       "rise or fall": "difference", "growth in a year": "percent_change", "row difference": "difference",
       "average of both": "average", "change": "difference", "year on year": "difference", "percent change": "percent_change", "average": "average", "average of three": "average", "sum": "sum",
       "share": "share", "ratio": "ratio"}


def questions(a, seed: int = 0):  # type: ignore[no-untyped-def]
    """(half, kind, doc, question, expected value, raw cell) for every sampled row of every table."""
    from assistant.tableqa import NUMERIC, _header_periods, _is_change_col, column_period
    from assistant.values import SCALES

    rng = random.Random(seed)
    # the names of other documents' rows, for questions about an item a document does not have (see 'absent item')
    from assistant.query import content_terms

    every_label = sorted({r.label.strip() for u in a.default_answerer.index.tables() for r in u.rows
                          if r.role == "body" and 2 <= len(content_terms(r.label)) <= 5})
    words_of: dict[str, set[str]] = {}
    for t in a.default_answerer.index.tables():
        number = int(re.sub(r"\D", "", t.doc.split("_")[-1] if t.doc.startswith("report_") else "") or 0)
        half = ("check" if number % 2 else "dev") if t.doc.startswith("report_") else "plans"
        years: dict[str, list[int]] = {}
        for c in range(t.label_cols, len(t.columns)):
            # (a month of a date, 'Dec 2019' of 'December 31, / 2019', is not a period of its own here)
            found = {p for p in _header_periods(t.columns[c]) if not re.fullmatch(r"[A-Z][a-z]{2} \d{4}", p)} \
                if column_period(t.columns[c]) else set()
            if len(found) == 1 and re.fullmatch(r"(?:19|20)\d\d(?:-\d\d)?", y := next(iter(found))):
                years.setdefault(y, []).append(c)
        single = sorted(y for y, cs in years.items() if len(cs) == 1)
        if len(single) < 2:
            continue
        y0, y1 = single[-2], single[-1]
        c0, c1 = years[y0][0], years[y1][0]
        labels = Counter(r.label.strip().lower() for r in t.rows)
        # columns of changes between the two latest years (one of each kind: the amount, the %), not of other years
        changes = [c for c in range(t.label_cols, len(t.columns)) if _is_change_col(t.columns[c])
                   and c not in (c0, c1) and not (_header_periods(t.columns[c]) - {y0, y1})]
        if len(changes) > 2:
            changes = []
        rows = [r for r in t.rows if r.role in ("body", "total") and len(r.label.strip()) > 6
                and labels[r.label.strip().lower()] == 1 and not re.match(r"(?i)(total|other)\b", r.label.strip())
                and len(r.cells) > max(c0, c1) and all(r.cells[c].kind in NUMERIC and r.cells[c].value is not None
                                                      for c in (c0, c1))]
        def name(r) -> str:  # type: ignore[no-untyped-def]
            return re.sub(r"\s*\(\d\)|(?<=[A-Za-z])\d$", "", r.label.strip())  # footnote marks: '(1)', 'dividends1'

        body = [r for r in rows if r.role == "body"]
        totals = [r for r in t.rows if r.role == "total" and len(r.cells) > c1 and r.cells[c1].kind in NUMERIC
                  and r.cells[c1].value and labels[r.label.strip().lower()] == 1 and len(r.label.strip()) > 6]
        for r in rng.sample(rows, min(2, len(rows))):
            label = name(r)
            v0, v1 = r.cells[c0].value, r.cells[c1].value
            expected = {"lookup": v1, "change": v1 - v0, "average": (v0 + v1) / 2}
            if v0:
                expected["percent change"] = (v1 - v0) / abs(v0) * 100
            others = [o for o in body if o is not r and r.role == "body" and o.cells[c1].kind == r.cells[c1].kind]
            other = rng.choice(others) if others else None
            if other is not None:
                expected["sum"] = v1 + other.cells[c1].value
                if other.cells[c1].value:
                    expected["ratio"] = v1 / other.cells[c1].value
            if v0 != v1:
                expected["which year"] = Decimal(0 if v1 > v0 else 1)  # (the later year, or the earlier)
            if r.role == "body" and len(totals) == 1 and r.cells[c1].kind == totals[0].cells[c1].kind:
                expected["share"] = v1 / totals[0].cells[c1].value * 100
            for kind, value in expected.items():
                q = rng.choice(WORDINGS[kind]).format(label=label, y0=y0, y1=y1,
                                                      other=name(other) if other is not None else "",
                                                      whole=name(totals[0]) if totals else "")
                yield half, kind, t.doc, q, value, (f"{y1} {y0}" if kind == "which year" else r.cells[c1].raw)
            # both years' figures (added later: its wording is chosen apart from the seeded sequence, so that the
            # other questions stay the same ones as before it was added)
            wording = WORDINGS["both years"][zlib.crc32(f"{t.doc} {label}".encode()) % len(WORDINGS["both years"])]
            yield (half, "both years", t.doc, wording.format(label=label, y0=y0, y1=y1), v1,
                   f"{r.cells[c1].raw}\t{r.cells[c0].raw}")
            # its average over the three latest years, named as a span (added later, worded apart as well)
            if len(single) >= 3 and len(r.cells) > years[single[-3]][0] and (
                    cell := r.cells[years[single[-3]][0]]).kind in NUMERIC and cell.value is not None:
                wording = WORDINGS["average of three"][zlib.crc32(f"{t.doc} {label} 3".encode()) % 3]
                yield (half, "average of three", t.doc, wording.format(label=label, y0=single[-3], y2=y1),
                       (cell.value + v0 + v1) / 3, r.cells[c1].raw)
            # the year-on-year change, the years unnamed (added later, worded apart): where the two latest follow on
            # and the table states no change of its own
            if not changes and y0[:4].isdigit() and int(y1[:4]) - int(y0[:4]) == 1:
                wording = WORDINGS["year on year"][zlib.crc32(f"{t.doc} {label} y".encode()) % 3]
                yield half, "year on year", t.doc, wording.format(label=label), v1 - v0, r.cells[c1].raw
            # more wordings (added later, worded apart from the seeded sequence, each chosen by the row's name)
            pick = zlib.crc32(f"{t.doc} {label} w".encode())
            if v1 != v0:
                rising = v1 > v0
                word = WORDINGS["rise or fall"][pick % 3]
                yield (half, "rise or fall", t.doc, word.format(label=label, y0=y0, y1=y1, dir=(
                    ("increase" if rising else "decrease") if "the {dir}" in word else ("increase" if rising else "decrease"))),
                       v1 - v0, r.cells[c1].raw)
            if v0 and y0[:4].isdigit() and int(y1[:4]) - int(y0[:4]) == 1 and not changes:
                yield (half, "growth in a year", t.doc, WORDINGS["growth in a year"][pick % 3].format(label=label, y1=y1),
                       (v1 - v0) / abs(v0) * 100, r.cells[c1].raw)
            if other is not None and name(other).lower() != label.lower():
                yield (half, "row difference", t.doc, WORDINGS["row difference"][pick % 3].format(
                    label=label, other=name(other), y1=y1), v1 - other.cells[c1].value, r.cells[c1].raw)
            if len(years) == 2 and len(single) == 2:
                yield (half, "average of both", t.doc, WORDINGS["average of both"][pick % 3].format(label=label),
                       (v0 + v1) / 2, r.cells[c1].raw)
            yield (half, "both years added", t.doc, WORDINGS["both years added"][pick % 3].format(label=label, y0=y0, y1=y1),
                   v0 + v1, r.cells[c1].raw)
            # a year the document never names (added later, worded apart): nothing is to be given
            ya = str(int(y1[:4]) + 3)
            if y1[:4].isdigit() and int(ya) not in a.default_answerer.index.years(t.doc):
                wording = WORDINGS["absent year"][pick % 3]
                yield half, "absent year", t.doc, wording.format(label=label, ya=ya), Decimal(0), ""
            # an item the document has no word of (added later, worded apart): nothing is to be given
            if t.doc not in words_of:  # every term the document uses anywhere
                words_of[t.doc] = {term for term, docs in a.default_answerer.index.term_stats()["docs"].items()
                                   if t.doc in docs}
            foreign = every_label[zlib.crc32(f"{t.doc} {label} x".encode()) % len(every_label)] if every_label else ""
            if foreign and not set(content_terms(foreign)) & words_of[t.doc]:
                wording = WORDINGS["absent item"][pick % 3]
                yield half, "absent item", t.doc, wording.format(label=foreign, y1=y1), Decimal(0), ""
            yield (half, "lookup, plan words", t.doc, WORDINGS["lookup, plan words"][pick % 4].format(label=label, y1=y1),
                   v1, r.cells[c1].raw)
            yield (half, "lookup, other words", t.doc, WORDINGS["lookup, other words"][pick % 3].format(label=label, y1=y1),
                   v1, r.cells[c1].raw)
            if other is not None and other.cells[c1].value and name(other).lower() != label.lower():
                yield (half, "ratio, other words", t.doc, WORDINGS["ratio, other words"][pick % 2].format(
                    label=label, other=name(other), y1=y1), v1 / other.cells[c1].value, r.cells[c1].raw)
            if r.role == "body" and len(totals) == 1 and r.cells[c1].kind == totals[0].cells[c1].kind:
                yield (half, "share, other words", t.doc, WORDINGS["share, other words"][pick % 2].format(
                    label=label, whole=name(totals[0]), y1=y1), v1 / totals[0].cells[c1].value * 100, r.cells[c1].raw)
            # a change the table states beside the two years (added later, worded apart from the seeded sequence)
            for c in changes:
                cell = r.cells[c] if c < len(r.cells) else None
                if cell is None or cell.kind not in NUMERIC or cell.value is None:
                    continue
                kind = "stated % change" if "%" in t.columns[c] or cell.kind == "percent" else "stated change"
                wording = WORDINGS[kind][zlib.crc32(f"{t.doc} {label} {c}".encode()) % len(WORDINGS[kind])]
                yield half, kind, t.doc, wording.format(label=label, y0=y0, y1=y1), cell.value, cell.raw
        # the row with the largest or smallest figure in the later year (added later, worded apart): once per table
        ranked = [r for r in t.rows if r.role == "body" and len(r.cells) > c1 and r.cells[c1].kind in NUMERIC
                  and r.cells[c1].value is not None and r.label.strip()]
        if len(totals) == 1 and len(ranked) >= 3 and len({r.cells[c1].kind for r in ranked}) == 1 and len(
                {name(r).lower() for r in ranked}) == len(ranked) and not any(r.group for r in ranked):
            pick = zlib.crc32(f"{t.doc} {t.id} largest".encode())
            wording = WORDINGS["largest row"][pick % 3]
            low = "smallest" in wording
            values = sorted(r.cells[c1].value for r in ranked)
            best = values[0] if low else values[-1]
            if values.count(best) == 1:
                top = next(r for r in ranked if r.cells[c1].value == best)
                yield half, "largest row", t.doc, wording.format(y1=y1, whole=name(totals[0])), best, name(top)
            # the row whose figure moved most between the two years (added later, worded apart)
            moves = [(r, r.cells[c1].value - r.cells[c0].value) for r in ranked
                     if len(r.cells) > c0 and r.cells[c0].kind in NUMERIC and r.cells[c0].value is not None]
            wording = WORDINGS["moved most"][(pick >> 2) % 3]
            falling = "fall" in wording
            if len(moves) >= 3:
                best_move = (min if falling else max)(v for _, v in moves)
                if [v for _, v in moves].count(best_move) == 1 and (best_move < 0 if falling else best_move > 0):
                    top = next(r for r, v in moves if v == best_move)
                    yield (half, "moved most", t.doc, wording.format(y0=y0, y1=y1, whole=name(totals[0])), best_move,
                           name(top))
        # the total of each section no totals row closes (added later, worded apart): once per section
        for sec in (r for r in t.rows if r.role == "category"):
            members = [r for r in t.rows if r.group == sec.label and r.role == "body"]
            closed = any(r.group == sec.label and r.role in ("total", "subtotal") for r in t.rows)
            section = sec.label.strip().rstrip(":").strip()
            if closed or len(members) < 2 or len(section) < 4 or not all(
                    len(r.cells) > c1 and r.cells[c1].kind in ("money", "number") and r.cells[c1].value is not None
                    for r in members):
                continue
            wording = WORDINGS["section total"][zlib.crc32(f"{t.doc} {section} s".encode()) % 3]
            yield (half, "section total", t.doc, wording.format(section=section, y1=y1),
                   sum((r.cells[c1].value for r in members), Decimal(0)), "")
        # how many rows are above or below a bound in the later year (added later, worded apart): once per table
        counted = [r for r in t.rows if r.role == "body" and len(r.cells) > c1 and r.cells[c1].kind in NUMERIC
                   and r.cells[c1].value is not None]
        if len(counted) >= 3 and len({r.cells[c1].kind for r in counted}) == 1:
            scale = SCALES.get(counted[0].cells[c1].scale or "", Decimal(1))
            values = sorted(r.cells[c1].value / scale for r in counted)
            pick = zlib.crc32(f"{t.doc} {t.id} count".encode())
            k = pick % (len(values) - 1)
            low, high = values[k], values[k + 1]
            if low > 0 and high - low > 0:
                bound = _between(low, high)
                wording = WORDINGS["count above"][pick % 3]
                below = "below" in wording
                hits = sum(1 for v in values if (v < bound if below else v > bound))
                text = f"{bound:,f}" + ("%" if counted[0].cells[c1].kind == "percent" else "")
                yield half, "count above", t.doc, wording.format(bound=text, y1=y1), Decimal(hits), ""
                # which rows they are (added later, worded apart): their names, tab-separated, hits first
                wording = WORDINGS["which above"][(pick >> 3) % 3]
                below = "below" in wording
                met = [r for r in counted if (r.cells[c1].value / scale < bound if below else r.cells[c1].value / scale > bound)]
                names = [name(r) for r in met] + ["|"] + [name(r) for r in counted if r not in met]
                if met and len({n.lower() for n in names}) == len(names):
                    yield half, "which above", t.doc, wording.format(bound=text, y1=y1), Decimal(len(met)), "\t".join(names)


def _between(low: Decimal, high: Decimal) -> Decimal:
    """A round number strictly between two figures: the fewest significant digits that fit."""
    for digits in range(1, 8):
        mid = (low + high) / 2
        step = Decimal(10) ** (mid.adjusted() - digits + 1)
        bound = (mid / step).to_integral_value() * step
        if low < bound < high:
            return bound.quantize(Decimal(1)) if bound == bound.to_integral_value() else bound.normalize()
    return (low + high) / 2


def right(kind: str, ans, value: Decimal, raw: str, title: str = "") -> bool:  # type: ignore[no-untyped-def]
    from assistant.evaluate import contains

    if kind == "which year":  # the first period the answer names (in any spelling: '2018-19', '18/19') is the one
        text = ans.text.removeprefix(title) if title else ans.text  # (not a year of the title it is labelled with)
        text = re.sub(r"^Company report extract \d+|^The Better Care Fund plan \d{4}-\d{2}", "", text)
        first = re.search(r"(?<![\d/\-])(?:(?:19|20)\d\d(?:[/\-]\d\d)?|\d\d/\d\d)(?![\d/\-])", text)
        y = raw.split()[int(value)]
        spellings = {y} if len(y) == 4 else {y, y.replace("-", "/"), y[2:], y[2:].replace("-", "/")}
        return first is not None and first.group(0) in spellings
    if kind == "which above":  # every row that meets the bound is named, and no row that does not
        parts = raw.split("\t")
        named, misses = parts[:parts.index("|")], parts[parts.index("|") + 1:]
        return all(contains(ans.text, x) for x in named) and not any(
            contains(ans.text, x) and not any(x.lower() in h.lower() for h in named) for x in misses)
    if kind == "moved most":  # the row is named and its change found as the extreme one
        return contains(ans.text, raw) and any(f.op in ("max", "min") and abs(f.value - value) <= Decimal("0.01") * max(
            Decimal(1), abs(value) / 100) for f in ans.figures)
    if kind in ("absent year", "absent item"):  # no figure given for it: the documents do not say
        return not ans.answered
    if kind == "largest row":  # the row is named and its figure found as the largest (or smallest) of the column
        return contains(ans.text, raw) and any(f.op in ("max", "min") and f.value == value for f in ans.figures)
    if kind == "both years":  # both cells' figures are stated
        return all(contains(ans.text, c.strip()) for c in raw.split("\t"))
    if kind.startswith("stated"):  # the stated cell, quoted (a figure computed from the years may round otherwise)
        return contains(ans.text, raw.strip())
    if kind.startswith("lookup"):
        return contains(ans.text, raw.strip()) or any(f.op == "lookup" and f.value == value for f in ans.figures)
    close = Decimal("0.01") * max(Decimal(1), abs(value) / 100)
    return any(f.op == OPS[kind] and abs(f.value - value) <= close for f in ans.figures)


def main() -> int:
    from assistant import Assistant, Settings
    from assistant.index import sync

    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, default=None)
    ap.add_argument("--plans", action="store_true", help="the plans of ASSISTANT_CORPUS instead of the tatqa extracts")
    ap.add_argument("-v", action="store_true", help="print the development half's failures")
    args = ap.parse_args()
    corpus = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus")) if args.plans else TATQA / "corpus"
    index = args.index or ROOT / "index" / "bench" / ("seeds" if args.plans else "tatqa")
    settings = Settings(corpus=corpus, index_dir=index)
    sync(settings, progress=False)
    a = Assistant(settings)
    policy = a.default_answerer.floor  # the fitted threshold (or the user's setting)
    saved = a.default_answerer.confidence_floor
    n: Counter = Counter()
    got: Counter = Counter()
    kept: Counter = Counter()
    kept_right: Counter = Counter()
    failures: list[str] = []
    for half, kind, doc, q, value, raw in questions(a):
        a.default_answerer.confidence_floor = 0.0
        ans = a.ask(q, None, [doc])
        ok = right(kind, ans, value, raw, a.default_answerer.index.title(doc))
        conf = ans.state.get("confidence") or 0.0
        n[half, kind] += 1
        got[half, kind] += ok
        given = ans.answered and conf >= policy
        kept[half, kind] += given
        kept_right[half, kind] += given and ok
        if not ok and half in ("dev", "plans"):
            failures.append(f"  {doc} [{kind}] {q}\n      {ans.text[:160]!r}")
    a.default_answerer.confidence_floor = saved
    print(f"{'half':6} {'kind':15} {'n':>4} {'right, no floor':>16} {'policy: right / answered':>26}")
    for half in ("plans",) if args.plans else ("dev", "check"):
        for kind in (*WORDINGS, "all"):
            keys = [(half, k) for k in WORDINGS] if kind == "all" else [(half, kind)]
            total = sum(n[k] for k in keys)
            r, k_, kr = (sum(c[k] for k in keys) for c in (got, kept, kept_right))
            print(f"{half:6} {kind:15} {total:4d} {r:9d} ({r / max(1, total):.2f}) {kr:10d} / {k_:4d} "
                  f"(precision {kr / max(1, k_):.2f})")
    if args.v:
        print("\ndevelopment half, not right:")
        print("\n".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
