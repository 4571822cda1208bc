"""The self-consistency audit: recompute what a document states and report what does not add up.

Checks, each returning AuditFindings (doc, lines, what is stated, what the arithmetic gives, the
difference, a plain-words description):
  * total    a totals or subtotal row against the sum of the rows it closes (per column); a row with
             sub-rows ("across both sites" over "Marlow", "Thame") against the sum of its sub-rows;
             a net row (surplus / deficit) against income + expenditure; a position stated in a
             bridge (control total, movements, forecast, outturn) against the one before plus the
             movements between;
  * change   a change / difference / variance column against the two values it compares;
  * percent  a % change column against the two values it compares;
  * restated the same figure stated differently in two places: a table value and a sentence that names
             the same item (or the same row in another table), and rates stated two ways in one
             sentence or row ("8 a month, 104 a year"; "40,367 hours at £19.40 per hour = £783,129"),
             and a row that is one constant times a % row in most columns but not in one; yearly
             admissions stated next to beds, occupancy and length of stay that those do not give; and an
             amount a sentence states for one kind of row of a table of records ('£8.4m is commissioned
             by the ICB') that the rows of that kind do not add up to.

Tolerance rules (rounding to the precision shown is never an error):
  * whole pounds and counts must add up exactly (a £1 slip is reported);
  * figures shown with d decimals, or in a table stated in thousands or millions, may differ from the
    stated one by the rounding of every figure involved: half a unit of the last shown digit for each of
    them (the worst case: a table that rounds each figure on its own is never reported);
  * a percentage is checked by rounding the exact value to the decimals shown;
  * a totals row is only checked in columns where the rows plausibly sum to it: at least one column
    reconciles, or the difference is under 25% of the stated total. Otherwise the row is not a sum of
    those rows (a count, an average, a different basis) and nothing is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from .figures import column_name
from .query import periods_in
from .tableqa import VAGUE_VALUES, budget_pairs, category_cols, category_value, column_period, header_said
from .tables import CHANGE_HEADER
from .text import sentence_spans, shorten
from .types import AuditFinding, Cell, Row, SourceDoc, Table
from .values import (
    CURRENCIES,
    NIL_DASHES,
    SCALES,
    Number,
    find_numbers,
    format_value,
    normalize_period,
    round_to,
    written_decimals,
)

NUMERIC = ("money", "number")
_PCT_HEADER = re.compile(r"(?i)%|percent")
_NET = re.compile(r"(?i)\b(deficit|surplus|net|balance)\b")
_INCOME = re.compile(r"(?i)\bincome\b")
_EXPEND = re.compile(r"(?i)\b(expenditure|costs?|spend)\b")


def audit(docs: Iterable[SourceDoc], tables: list[Table]) -> list[AuditFinding]:
    """Every finding for some documents, in document order."""
    findings: list[AuditFinding] = []
    by_doc: dict[str, list[Table]] = {}
    counts: dict[str, list[Table]] = {}
    for t in tables:
        if t.kind == "data":
            by_doc.setdefault(t.doc, []).append(t)
        if t.kind in ("data", "form") and _count_column(t) is not None:
            counts.setdefault(t.doc, []).append(t)
    for doc in docs:
        findings.extend(check_breakdowns(doc, counts.get(doc.name, [])))
        ts = by_doc.get(doc.name, [])
        for t in ts:
            findings.extend(check_totals(t))
            findings.extend(check_sub_rows(t))
            findings.extend(check_net_rows(t))
            findings.extend(check_bridges(t))
            findings.extend(check_ratio_rows(t))
            findings.extend(check_changes(t))
            findings.extend(check_rate_cells(t))
        findings.extend(check_prose_rates(doc))
        findings.extend(check_bed_capacity(doc))
        findings.extend(check_prose_changes(doc, ts))
        findings.extend(check_restated(doc, ts))
        findings.extend(check_kind_totals(doc, ts))
    return _dedupe(findings)


# --------------------------------------------------------------------------- helpers


def _num(c: Cell) -> Decimal | None:
    """A figure the audit checks or checks with: a dash (nil) is neither, since a dash in a column of
    changes or totals often means 'not meaningful' rather than zero."""
    return c.value if c.kind in NUMERIC + ("percent",) and c.value is not None and not _nil(c) else None


def _nil(c: Cell) -> bool:
    return c.raw.strip() in NIL_DASHES


def _decimals(cells: Iterable[Cell]) -> int:
    return max((written_decimals(c.raw.replace(",", "")) for c in cells), default=0)


# How near a figure in the text must be to a table's figure to be read as the same figure stated two ways
# (check_restated). Of the findings this check gave at 2% on the five plans and the 277 tatqa extracts, read by
# hand, the one real restatement differs by 0.6% (£10,023,467 for £10,087,237) and the three false ones by 1.2-1.5%
# (another figure of the same sentence: a sale price, a country within a region, pre-tax losses): the nearer the
# window, the likelier an unrelated figure is to fall outside it
RESTATED_WITHIN = Decimal("0.01")

# A basis a figure may be given on other than the one reported: the same subject measured another way ('current
# cost of LIFO-valued inventories', 'the fair value of long-term debt', 'would have been … had …', a change
# 'at constant currency', 'adjusted', 'organic'). A figure or change on another basis is not the reported one
_OTHER_BASIS = re.compile(
    r"(?i)\b(?:normali[sz]ed|adjusted|constant[\s-]currenc(?:y|ies)|organic|like[\s-]for[\s-]like|underlying"
    r"|pro[\s-]?forma|comparable|excluding|would\s+have\s+been|had\s+been\s+used"
    r"|(?:current|replacement|fair|market|carrying|book|realisable|realizable|settlement|present)\s+"
    r"(?:cost|value|amount)s?)\b")

_ROUNDED_UNITS = re.compile(r"(?i)\bin (thousands|millions|billions)\b|['’]000|\b000s\b|[£$€]\s?(m|bn|k)\b|\b(millions?|thousands|billions?)\b")


def rounded_units(t: Table) -> bool:
    """The table states its figures in thousands or millions ('(in thousands)', "US$'000", '£m'): each one
    is rounded, so sums and differences of them may be out by the rounding."""
    return bool(_ROUNDED_UNITS.search(" ".join([t.caption, *t.columns, *t.notes])))


def _tolerance(cells: list[Cell], n_terms: int, rounded: bool = False) -> Decimal:
    """How far a sum or difference of n figures may be from a stated one through rounding alone: nothing
    for whole pounds and counts; for rounded figures (decimals shown, or a table stated in thousands or
    millions) half a unit of the last digit shown for each of the n + 1 figures involved (the worst case,
    so that no rounding is reported)."""
    d = _decimals(cells)
    if d == 0 and all(c.scale is None for c in cells) and not rounded:
        return Decimal(0)
    unit = Decimal(1).scaleb(-d)
    scale = next((c.scale for c in cells if c.scale), None)
    if scale:
        unit *= SCALES[scale]
    # the worst case: each of the n figures and the stated one rounded by up to half a unit, the same way
    return unit / 2 * (max(1, n_terms) + 1)


def _show(value: Decimal, like: Cell) -> str:
    if like.kind == "money":
        d = _decimals([like])
        return format_value(value, "money", like.scale, d, currency=like.unit if like.unit in CURRENCIES else "")
    if like.kind == "percent":
        return format_value(value, "percent", None, max(1, _decimals([like])))
    return format_value(value, "number", like.scale, _decimals([like]))


def _finding(t: Table, rows: list[Row], kind: str, stated: str, computed: str, difference: str,
             description: str, anchor: Row) -> AuditFinding:
    lines = sorted({ln for r in rows for ln in r.lines})
    return AuditFinding(t.doc, anchor.page_in(t), min(anchor.lines), max(anchor.lines), tuple(lines), kind,  # type: ignore[arg-type]
                        stated, computed, difference, description, t.id)



# --------------------------------------------------------------------------- totals


def _rounds_to(exact: Decimal, shown: Cell) -> bool:
    """The exact figure, rounded to the digits the stated cell shows, is the stated figure."""
    if shown.value is None:
        return False
    unit = Decimal(1).scaleb(-_decimals([shown]))
    if shown.scale:
        unit *= SCALES[shown.scale]
    return round_to(exact / unit, 0) == round_to(shown.value / unit, 0)


def _sum_rows(t: Table, rows: list[Row], col: int) -> tuple[Decimal, list[Cell]] | None:
    cells = [r.cells[col] for r in rows if col < len(r.cells)]
    vals = [c for c in cells if _num(c) is not None and c.kind in NUMERIC]
    if not vals or len(vals) + sum(map(_nil, cells)) < 2:
        return None  # a nil dash among the rows is a member that adds nothing ('ordinary 251, exceptional -')
    return sum((c.value for c in vals if c.value is not None), Decimal(0)), vals


def _numeric_columns(t: Table, total_row: Row) -> list[int]:
    out = []
    for i, c in enumerate(total_row.cells[t.label_cols:], t.label_cols):
        header = column_name(t, i)
        if c.kind in NUMERIC and c.value is not None and not _nil(c) and not _PCT_HEADER.search(header):
            out.append(i)
    return out


def check_totals(t: Table) -> list[AuditFinding]:
    """Each totals row against the rows it may close: since the last total, since the last category
    row, or the subtotals above it; the closest reading is the one reported."""
    out: list[AuditFinding] = []
    since = 0
    since_category = 0
    subtotals: list[Row] = []
    for j, row in enumerate(t.rows):
        if row.role == "category":
            since_category = j + 1
        if row.role not in ("total", "subtotal"):
            continue
        candidates = [_members(t, t.rows[since:j])]
        if since_category > since:
            candidates.append(_members(t, t.rows[since_category:j]))
        # a row read as a sub-row (a label said twice in the table) may be a row of its own: both readings
        every = [r for r in t.rows[since:j] if r.role == "body"]
        if every != candidates[0]:
            candidates.append(every)
        if row.role == "total" and subtotals:
            candidates.append(subtotals)
        out.extend(_check_sum(t, row, candidates))
        if row.role == "subtotal":
            subtotals.append(row)
        since = since_category = j + 1
    return out


def _members(t: Table, rows: tuple[Row, ...]) -> list[Row]:
    """Body rows that count towards a total: sub-rows are left to their parent row."""
    return [r for r in rows if r.role == "body" and (r.group is None or not _has_parent(t, r))]


def _has_parent(t: Table, r: Row) -> bool:
    return any(p.label == r.group and p.role == "body" for p in t.rows)


def _check_sum(t: Table, row: Row, candidate_sets: list[list[Row]]) -> list[AuditFinding]:
    cols = _numeric_columns(t, row)
    results: dict[int, tuple[bool, Decimal, list[Cell], list[Row]]] = {}
    for col in cols:
        stated = row.cells[col].value
        assert stated is not None
        best: tuple[bool, Decimal, list[Cell], list[Row]] | None = None
        for members in candidate_sets:
            got = _sum_rows(t, members, col)
            if got is None:
                continue
            value, cells = got
            ok = abs(value - stated) <= _tolerance(cells + [row.cells[col]], len(cells), rounded_units(t)) or _rounds_to(
                value, row.cells[col])
            if best is None or ok or abs(value - stated) < abs(best[1] - stated):
                best = (ok, value, cells, members)
            if ok:
                break
        if best is not None:
            results[col] = best
    if not results:
        return []
    any_ok = any(ok for ok, *_ in results.values())
    out = []
    for col, (ok, value, _cells, members) in results.items():
        stated = row.cells[col].value
        assert stated is not None
        if ok:
            continue
        if not any_ok:
            continue  # no column adds up: the row is not these rows' total (selected data, another basis)
        diff = stated - value
        like = row.cells[col]
        used = [r for r in members if col < len(r.cells) and r.cells[col].kind in NUMERIC]
        out.append(_finding(
            t, used + [row], "total", f"{row.label}: {like.raw}", _show(value, like), _show(diff, like),
            f"The {row.label.lower()} row gives {like.raw} for {column_name(t, col)}, but the {len(used)} rows above add up "
            f"to {_show(value, like)} ({'over' if diff > 0 else 'under'}stated by {_show(abs(diff), like)}).", row))
    return out


def check_sub_rows(t: Table) -> list[AuditFinding]:
    """A row whose sub-rows (short labels under it with the same columns) should add up to it."""
    out = []
    for i, parent in enumerate(t.rows):
        children = []
        for r in t.rows[i + 1:]:
            if r.group == parent.label and r.role == "body":
                children.append(r)
            else:
                break
        if len(children) < 2:
            continue
        cols = [c for c in range(t.label_cols, len(parent.cells)) if parent.cells[c].kind in NUMERIC
                and all(ch.cells[c].kind in NUMERIC for ch in children)]
        if len(cols) < 3:
            continue
        bad = []
        for c in cols:
            s = sum((ch.cells[c].value or Decimal(0) for ch in children), Decimal(0))
            stated = parent.cells[c].value
            assert stated is not None
            if abs(s - stated) > _tolerance([parent.cells[c], *[ch.cells[c] for ch in children]], len(children),
                                            rounded_units(t)):
                bad.append((c, s, stated))
        if bad and len(bad) <= len(cols) // 3:  # the relation holds elsewhere: these columns are slips
            for c, s, stated in bad:
                like = parent.cells[c]
                names = " + ".join(ch.label for ch in children)
                out.append(_finding(
                    t, [parent, *children], "total", f"{shorten(parent.label, 8)} / {column_name(t, c)}: {like.raw}",
                    _show(s, like), _show(stated - s, like),
                    f"For {column_name(t, c)}, the combined row gives {like.raw} but {names} add up to {_show(s, like)}; "
                    f"the other {len(cols) - len(bad)} columns reconcile.", parent))
    return out



def check_net_rows(t: Table) -> list[AuditFinding]:
    """Income, expenditure, deficit/surplus groups: the net row must be income + expenditure."""
    out = []
    rows = list(t.rows)
    for i in range(len(rows) - 2):
        inc, exp, net = rows[i], rows[i + 1], rows[i + 2]
        label = lambda r: r.cells[t.label_cols - 1].text if t.label_cols else r.label  # noqa: E731
        if not (_INCOME.search(label(inc)) and _EXPEND.search(label(exp)) and _NET.search(label(net))):
            continue
        cols = [c for c in range(t.label_cols, len(net.cells))
                if all(r.cells[c].kind in NUMERIC for r in (inc, exp, net))]
        bad = []
        for c in cols:
            iv, ev, nv = inc.cells[c].value, exp.cells[c].value, net.cells[c].value
            assert iv is not None and ev is not None and nv is not None
            computed = iv + (ev if ev < 0 else -ev)
            if abs(computed - nv) > _tolerance([inc.cells[c], exp.cells[c], net.cells[c]], 2, rounded_units(t)):
                bad.append((c, computed, nv))
        if bad and len(bad) < len(cols):
            for c, computed, nv in bad:
                like = net.cells[c]
                out.append(_finding(
                    t, [inc, exp, net], "total", f"{net.label} / {column_name(t, c)}: {like.raw}", _show(computed, like),
                    _show(nv - computed, like),
                    f"{column_name(t, c)}: income {inc.cells[c].raw} less expenditure {exp.cells[c].raw} gives "
                    f"{_show(computed, like)}, not the {like.raw} stated as {net.label}; the other columns reconcile.",
                    net))
    return out


_CHECKPOINT = re.compile(r"(?i)\b(control total|outturn|forecast|opening|closing|balance|brought forward|"
                         r"carried forward|position|starting point)\b")


def check_bridges(t: Table) -> list[AuditFinding]:
    """A bridge (waterfall) column: it starts from a stated position ('control total'), lists signed
    movements, and states positions along the way ('forecast outturn at month 9', 'outturn'). Each stated
    position must be the previous one plus the movements between them."""
    out = []
    for c in range(t.label_cols, max(len(r.cells) for r in t.rows)):
        valued = [r for r in t.rows if c < len(r.cells) and r.cells[c].kind in NUMERIC and r.cells[c].value is not None]
        if len(valued) < 5 or not _CHECKPOINT.search(valued[0].label) or any(r.role == "total" for r in valued[1:]):
            continue
        start = valued[0]
        moves: list[Row] = []
        subtotals: list[Row] = []
        subtotal_of = 0
        for r in valued[1:]:
            if _CHECKPOINT.search(r.label) and len(moves) == 1 and abs(
                    (start.cells[c].value or Decimal(0)) + (moves[0].cells[c].value or Decimal(0))
                    - (r.cells[c].value or Decimal(0))) <= _tolerance(
                    [start.cells[c], moves[0].cells[c], r.cells[c]], 1, rounded_units(t)):
                start, moves, subtotal_of = r, [], 0  # a position one movement reaches ('Balance at 1 April, restated')
                continue
            if not (_CHECKPOINT.search(r.label) and len(moves) >= 2):
                since = moves[-subtotal_of:] if subtotal_of else moves
                if len(since) >= 2 and abs(sum((m.cells[c].value or Decimal(0) for m in since), Decimal(0))
                                           - (r.cells[c].value or 0)) <= _tolerance([m.cells[c] for m in since + [r]], len(since),
                                                                                       rounded_units(t)):
                    subtotals.append(r)  # the net of the movements above ('Net other comprehensive loss'), not one more
                    subtotal_of = 0
                    continue
                moves.append(r)
                subtotal_of += 1
                continue
            vals = [m.cells[c].value or Decimal(0) for m in moves]
            if not (any(v < 0 for v in vals) and any(v > 0 for v in vals)):
                break  # not a bridge: movements of one sign are parts of a sum
            computed = (start.cells[c].value or Decimal(0)) + sum(vals, Decimal(0))
            stated = r.cells[c]
            cells = [start.cells[c], *(m.cells[c] for m in moves), stated]
            if abs(computed - (stated.value or 0)) > _tolerance(cells, len(moves) + 1, rounded_units(t)):
                terms = " ".join(m.cells[c].raw if i == 0 else
                                 ("− " + m.cells[c].raw.strip("()-") if (m.cells[c].value or 0) < 0
                                  else "+ " + m.cells[c].raw) for i, m in enumerate([start, *moves]))
                out.append(_finding(
                    t, [start, *moves, r], "total", f"{r.label} / {column_name(t, c)}: {stated.raw}",
                    _show(computed, stated), _show((stated.value or 0) - computed, stated),
                    f"{column_name(t, c)}: {start.label} ({start.cells[c].raw}) and the {len(moves)} movements after it "
                    f"({terms}) give {_show(computed, stated)}, not the {stated.raw} stated as {r.label}.", r))
            start, moves, subtotal_of = r, [], 0
    return out


# --------------------------------------------------------------------------- change columns


_POINTS = re.compile(r"(?i)\b(bps|bp|basis points?|pp|ppts?|pts|percentage points?|points?)\b")


def _value_columns(t: Table) -> list[int]:
    """Columns of compared values: mostly numeric cells under a header that is not itself a change."""
    out = []
    for c in range(t.label_cols, len(t.columns)):
        header = column_name(t, c)
        if CHANGE_HEADER.search(header) or re.search(r"(?i)\bvs\.?\b", t.columns[c].split(" / ")[-1]):
            continue
        kinds = [r.cells[c].kind for r in t.rows if c < len(r.cells) and r.cells[c].kind != "empty"]
        if kinds and sum(k in NUMERIC + ("percent",) for k in kinds) >= len(kinds) / 2:
            out.append(c)
    return out


def _candidate_pairs(t: Table, col: int) -> list[tuple[int, int]]:
    """The column pairs a change column may compare, most likely first: the two periods its own header
    names ('2019 vs. 2018'), the two value columns to its left, the value columns either side of it (a
    change between each pair of years: '2019 | Change | 2018 | Change | 2017'), or the two to its right
    when it comes first ('Change | 2019 | 2018')."""
    values = _value_columns(t)
    pairs: list[tuple[int, int]] = []
    named = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", t.columns[col])}
    if len(named) == 2:
        by_year = {y: [c for c in values if (column_period(t.columns[c]) or (0, 0))[0] == y] for y in named}
        if all(len(v) == 1 for v in by_year.values()):
            a, b = (v[0] for v in by_year.values())
            pairs.append((min(a, b), max(a, b)))
    left = [c for c in values if c < col][::-1]
    right = [c for c in values if c > col]
    if len(left) >= 2:
        pairs.append((left[1], left[0]))
    if left and right:
        pairs.append((left[0], right[0]))
    if not left and len(right) >= 2:  # the change first: 'Change | 2019 | 2018'
        pairs.append((right[0], right[1]))
    # a variance of a budget-monitoring table, wherever it stands: a budget and a spend ('Forecast variance' of
    # 'Annual budget' and 'Forecast outturn', with 'Budget to date' and 'Actual to date' between)
    pairs += budget_pairs(t, col)
    return list(dict.fromkeys(pairs))


def _header_order(t: Table, a: int, b: int) -> tuple[int, int] | None:
    """(earlier, later) of two columns when their headers name two periods (never from position: reports
    put the newest year first)."""
    ka, kb = column_period(t.columns[a]), column_period(t.columns[b])
    if ka is not None and kb is not None and ka != kb:
        return (a, b) if ka < kb else (b, a)
    return None


def _readings(t: Table, a: int, b: int) -> list[tuple[int, int, int]]:
    """(from, to, sign) readings of a pair: from the earlier period to the later when the headers say which
    is which, else both ways; and with either sign, because a table may state its changes as favourable /
    unfavourable variances (a rise in costs shown as (33)). The headers' order with the plain sign first."""
    order = _header_order(t, a, b)
    pairs = [order] if order else [(a, b), (b, a)]
    return [(x, y, 1) for x, y in pairs] + [(x, y, -1) for x, y in pairs]


def _half_unit(c: Cell) -> Decimal:
    """Half a unit of the last digit a cell shows: how far the figure behind it may be from it."""
    unit = Decimal(1).scaleb(-_decimals([c]))
    if c.scale:
        unit *= SCALES[c.scale]
    return unit / 2


def _change_reconciles(old: Cell, new: Cell, stated: Cell, measure: str, sign: int = 1,
                       rounded: bool = False) -> tuple[bool, Decimal] | None:
    """Whether the stated change (times the table's sign) follows from the two figures, allowing for the
    rounding of all three; with the exact change from the figures as shown. None when it cannot be computed."""
    if old.value is None or new.value is None or stated.value is None or any(map(_nil, (old, new, stated))):
        return None
    said = stated.value if sign >= 0 else -stated.value
    if measure == "amount" and stated.scale is None and old.scale and old.scale == new.scale:
        # a 'Change' column whose header says no unit is in the units of the columns it compares ($'000, £m)
        said = said * SCALES[old.scale]
        stated = replace(stated, scale=old.scale)
    stated = replace(stated, value=said)
    lo_old, hi_old = old.value - _half_unit(old), old.value + _half_unit(old)
    lo_new, hi_new = new.value - _half_unit(new), new.value + _half_unit(new)
    slack = _half_unit(stated) if measure != "amount" else Decimal(0)
    if measure == "percent":
        if old.value == 0 or lo_old <= 0 <= hi_old:
            return None
        exact = (new.value - old.value) / abs(old.value) * 100
        ok = False
        # from a negative base, reports divide by the base or by its size: both are read
        for base in ((abs,) if old.value > 0 else (abs, lambda x: x)):
            ends = [(n - o) / base(o) * 100 for o in (lo_old, hi_old) for n in (lo_new, hi_new)]
            value = (new.value - old.value) / base(old.value) * 100
            ok = ok or min(ends) - slack <= said <= max(ends) + slack or round_to(
                value, _decimals([stated])) == round_to(said, _decimals([stated]))
        return ok, exact
    if measure == "points":
        scale = Decimal(100) if re.search(r"(?i)\bb(asis )?p", stated.raw) else Decimal(1)
        exact = (new.value - old.value) * scale
        spread = (_half_unit(old) + _half_unit(new)) * scale
        return abs(exact - said) <= spread + slack, exact
    exact = new.value - old.value
    return abs(exact - said) <= _tolerance([old, new, stated], 2, rounded), exact


def _measure(header: str, stated: Cell) -> str:
    if _POINTS.search(stated.raw) or re.search(r"(?i)\b(bps|basis points|percentage points|ppts?)\b", header):
        return "points"
    if stated.kind == "percent" or _PCT_HEADER.search(header):
        return "percent"
    return "amount"


def check_changes(t: Table) -> list[AuditFinding]:
    """A change column (amount, % or points) against the two columns it compares. Which two, and which is
    the earlier, comes from the headers and from the rows themselves: of the pairs the layout allows, the
    one that reconciles the most rows is the one the column is about. A reading is trusted only where
    the table bears it out: at least as many rows reconcile as not, counted over every change column of
    the table that reads the same two columns (a 'Difference' that reconciles vouches for the '% change'
    beside it). Otherwise the column compares figures the table does not show (another basis, restated
    or unrounded figures), and a published table does not fail on most of its rows: nothing is reported.
    A change on another basis ('normalised', 'constant currency') is not recomputed from the reported
    figures."""
    out = []
    chosen = []
    for col in range(t.label_cols, len(t.columns)):
        header = t.columns[col]
        if not CHANGE_HEADER.search(header) or _OTHER_BASIS.search(header):
            continue
        rows = [r for r in t.rows if col < len(r.cells) and r.cells[col].value is not None
                and r.cells[col].kind in NUMERIC + ("percent",)]
        if not rows:
            continue
        pairs = _candidate_pairs(t, col)
        rounded = rounded_units(t)
        readings = []
        for pair in pairs:
            for a, b, sign in _readings(t, *pair):
                results = []
                for r in rows:
                    if max(a, b) >= len(r.cells):
                        continue
                    ca, cb = r.cells[a], r.cells[b]
                    if ca.kind not in NUMERIC + ("percent",) or cb.kind not in NUMERIC + ("percent",):
                        continue
                    got = _change_reconciles(ca, cb, r.cells[col], _measure(header, r.cells[col]), sign, rounded)
                    if got is not None:
                        results.append((r, *got))
                readings.append((sum(ok for _, ok, _ in results), a, b, results))
        if not readings:
            continue
        chosen.append((col, header, max(readings, key=lambda x: x[0])))  # the first of equals: the likeliest
    for col, header, (_, a, b, results) in chosen:
        same_pair = [res for _, _, (_, x, y, res) in chosen if {x, y} == {a, b}]
        good = sum(ok for res in same_pair for _, ok, _ in res)
        if good == 0 or good < sum(len(res) for res in same_pair) - good:
            continue  # most rows are not this pair's change either: the column compares something else
        for r, ok, exact in results:
            if ok:
                continue
            ca, cb, cs = r.cells[a], r.cells[b], r.cells[col]
            measure = _measure(header, cs)
            if measure == "percent":
                shown = _decimals([cs])
                out.append(_finding(
                    t, [r], "percent", f"{r.label} / {header}: {cs.raw}", format_value(exact, "percent", None, 2, True),
                    format_value(cs.value - exact, "number", None, 2) + " points",  # type: ignore[operator]
                    f"{r.label}: the % change from {ca.raw} ({column_name(t, a)}) to {cb.raw} ({column_name(t, b)}) is "
                    f"{format_value(exact, 'percent', None, 2, True)}, which rounds to "
                    f"{format_value(round_to(exact, shown), 'percent', None, shown, True)}, not {cs.raw}.", r))
            else:
                out.append(_finding(
                    t, [r], "change", f"{r.label} / {header}: {cs.raw}", _show(exact, cs), _show(cs.value - exact, cs),  # type: ignore[operator]
                    f"{r.label}: {cb.raw} ({column_name(t, b)}) minus {ca.raw} ({column_name(t, a)}) is {_show(exact, cs)}, "
                    f"not {cs.raw}.", r))
    return out


# --------------------------------------------------------------------------- rates

_PER = {"week": 52, "month": 12, "year": 1, "annum": 1, "day": 365}
_RATE = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)\s+(?P<noun>[a-z][a-z\- ]{0,30}?)\s*(?:a|per|each)\s+(?P<per>week|month|year|annum|day)\b",
                   re.I)


def _rates(text: str) -> list[tuple[Decimal, str, str, str]]:
    """(number, noun, period, the words as written) for every 'N things a month' in a text."""
    out = []
    for m in _RATE.finditer(text):
        n = Decimal(m.group("n").replace(",", ""))
        noun = m.group("noun").strip().lower()
        out.append((n, noun, m.group("per").lower(), m.group(0)))
    return out


def _rate_findings(text: str) -> list[tuple[str, str, str, str]]:
    """(stated, computed, difference, description) for rates of one noun stated two ways."""
    found = []
    rates = _rates(text)
    for i, (n1, noun1, per1, raw1) in enumerate(rates):
        for n2, noun2, per2, raw2 in rates[i + 1:]:
            if not (noun1 and noun2) or noun1.split()[-1] != noun2.split()[-1]:
                continue
            if per1 == per2:
                if n2 == n1 * 12 and per1 == "month":
                    found.append((raw2, f"{n1} a month × 12 = {n2} a year", f"{n2 - n1}",
                                  f"'{raw1}' is said to give '{raw2}'; {n2} is the yearly figure ({n1} × 12)."))
                continue
            f1, f2 = _PER[per1], _PER[per2]
            if f1 <= f2:
                continue
            implied = n1 * Decimal(f1) / Decimal(f2)
            if implied != n2 and abs(implied - n2) / max(n2, Decimal(1)) < Decimal("0.5"):
                found.append((raw2, f"{n1} × {f1 // f2} = {implied.normalize():f}", f"{(n2 - implied).normalize():f}",
                              f"'{raw1}' is {implied.normalize():f} a {per2}, not {n2} ('{raw2}')."))
    return found


_BEDS = re.compile(r"(?<![\d,.£])(\d[\d,]*)\s+(?:[a-z-]+\s+){0,2}beds\b", re.I)
_OCCUPANCY = re.compile(r"(?i)\boccupancy\b[^.%]{0,60}?(\d{1,3}(?:\.\d+)?)\s?%|(\d{1,3}(?:\.\d+)?)\s?%\s+occupancy")
_STAY = re.compile(r"(?i)\blength of stay\b[^.]{0,40}?(\d+(?:\.\d+)?)\s+days")
_ADMISSIONS = re.compile(r"(?i)(?<![\d,.£])(\d[\d,]*)\s+admissions\s+(?:in\s+a|a|per|each)\s+year|"
                         r"(?<![\d,.£])(\d[\d,]*)\s+admissions\s+(?:per\s+annum|annually)")


def check_bed_capacity(doc: SourceDoc, reach: int = 30) -> list[AuditFinding]:
    """Beds, occupancy and average length of stay fix how many admissions the beds can take in a year
    (beds × occupancy × 365 ÷ length of stay); a yearly admissions figure stated with them is checked."""
    out = []
    lines = [ln for ln in doc.lines if ln.text.strip()]
    for i, ln in enumerate(lines):
        adm = _ADMISSIONS.search(ln.text)
        if not adm:
            continue
        window = [x for x in lines[max(0, i - reach):i + 1] if x.page == ln.page]
        found = {}
        for name, pattern in (("beds", _BEDS), ("occupancy", _OCCUPANCY), ("stay", _STAY)):
            for x in window:
                m = pattern.search(x.text)
                if m:
                    found[name] = (Decimal((m.group(1) or m.group(2)).replace(",", "")), x)
                    break
        if len(found) < 3:
            continue
        (beds, lb), (occ, lo), (stay, ls) = found["beds"], found["occupancy"], found["stay"]
        stated = Decimal((adm.group(1) or adm.group(2)).replace(",", ""))
        if stay == 0 or stated == 0:
            continue
        implied = beds * occ / 100 * 365 / stay
        if abs(implied - stated) / stated <= Decimal("0.05"):
            continue
        shown = format_value(implied, "number", None, 0)
        out.append(AuditFinding(
            doc.name, ln.page, ln.no, ln.no, tuple(sorted({lb.no, lo.no, ls.no, ln.no})), "restated",
            f"{adm.group(0)}", shown, format_value(stated - implied, "number", None, 0, signed=True),
            f"{format_value(beds, 'number', None, 0)} beds at {occ.normalize():f}% occupancy with an average stay "
            f"of {stay.normalize():f} days admit {shown} people a year (beds × occupancy × 365 ÷ length of stay), "
            f"not the {adm.group(1) or adm.group(2)} stated on line {ln.no}. If that figure comes from "
            f"elsewhere, the document does not reconcile the two."))
    return out


def check_prose_rates(doc: SourceDoc) -> list[AuditFinding]:
    out = []
    for ln in doc.lines:
        if not ln.text.strip():
            continue
        for seg in ln.text.split("\t"):
            for stated, computed, diff, desc in _rate_findings(seg):
                out.append(AuditFinding(doc.name, ln.page, ln.no, ln.no, (ln.no,), "restated", stated, computed,
                                        diff, desc))
    return out


def check_ratio_rows(t: Table, min_agree: int = 4) -> list[AuditFinding]:
    """A row derived from a percentage row by one constant ('expected contacts' = 16,600 × '% staff
    recruited'): when most columns agree exactly on the constant, a column that does not is reported."""
    out = []
    rows = list(t.rows)
    ncols = max(len(r.cells) for r in rows)
    for i, pct in enumerate(rows):
        pcols = [c for c in range(t.label_cols, min(ncols, len(pct.cells)))
                 if pct.cells[c].kind == "percent" and pct.cells[c].value]
        if len(pcols) < min_agree + 1:
            continue
        for val in rows[max(0, i - 2):i] + rows[i + 1:i + 3]:
            pairs = [(c, val.cells[c], pct.cells[c]) for c in pcols
                     if c < len(val.cells) and val.cells[c].kind == "number" and val.cells[c].value is not None]
            if len(pairs) < min_agree + 1:
                continue
            ratios: dict[Decimal, int] = {}
            for _, v, p in pairs:
                k = round_to((v.value or Decimal(0)) * 100 / (p.value or Decimal(1)), 0)
                ratios[k] = ratios.get(k, 0) + 1
            k, agree = max(ratios.items(), key=lambda kv: kv[1])
            if agree < min_agree or agree < 0.6 * len(pairs) or k == 0:
                continue
            for c, v, p in pairs:
                expected = k * (p.value or Decimal(0)) / 100
                if abs(expected - (v.value or 0)) > Decimal("0.5"):
                    shown = format_value(expected, "number", None, 0)
                    out.append(_finding(
                        t, [val, pct], "restated", f"{val.label} / {column_name(t, c)}: {v.raw}", shown,
                        format_value((v.value or Decimal(0)) - expected, "number", None, 0, signed=True),
                        f"{column_name(t, c)}: {v.raw} is shown, but the row is {format_value(k, 'number', None, 0)} × "
                        f"'{shorten(' '.join(c.text for c in pct.cells if c.kind == 'text'), 12)}' in {agree} of "
                        f"its {len(pairs)} columns, which gives "
                        f"{format_value(k, 'number', None, 0)} × {p.raw} = {shown}.", val))
    return out


_BASE = re.compile(r"(?i)(?<![\d.,£])(\d[\d,]*)\s+(?:of them\s+|people\s+|respondents\s+|participants\s+)?"
                   r"(?:completed|responded|returned|answered|filled in|took part)\b")


def _count_column(t: Table) -> int | None:
    """The one value column of a small breakdown table of counts (label | count), if it is one."""
    cols = {c.col for r in t.rows for c in r.cells[t.label_cols:] if c.kind != "empty"}
    if len(cols) != 1 or len(t.rows) < 2 or len(t.rows) > 25 or any(r.role == "total" for r in t.rows):
        return None
    col = cols.pop()
    cells = [r.cells[col] for r in t.rows if col < len(r.cells) and r.cells[col].kind != "empty"]
    if len(cells) < 2 or any(c.kind != "number" or c.value is None or c.value != int(c.value) for c in cells):
        return None
    return col


def check_breakdowns(doc: SourceDoc, tables: list[Table], reach: int = 30) -> list[AuditFinding]:
    """Breakdowns of one group of people ('161 completed an equality monitoring form', then counts by
    age, by ethnicity): when one breakdown adds up to the stated number, confirming it is the base, a
    breakdown that does not is reported (it may be people who did not answer: the document should say)."""
    out = []
    lines = [ln for ln in doc.lines if ln.text.strip()]
    for ln in lines:
        for m in _BASE.finditer(ln.text):
            base = Decimal(m.group(1).replace(",", ""))
            after = [t for t in tables if t.page == ln.page and 0 < t.line_start - ln.no <= reach]
            sums = []
            for t in after:
                col = _count_column(t)
                assert col is not None
                total = sum((r.cells[col].value or Decimal(0) for r in t.rows if col < len(r.cells)), Decimal(0))
                sums.append((t, col, total))
            confirming = [t for t, _, total in sums if total == base]
            if not confirming:
                continue
            for t, col, total in sums:
                if total == base:
                    continue
                name = t.caption.strip(" -:•") or "a breakdown"
                other = confirming[0].caption.strip(" -:•") or "another breakdown"
                terms = " + ".join(r.cells[col].raw for r in t.rows if r.cells[col].kind == "number")
                out.append(AuditFinding(
                    doc.name, ln.page, t.line_start, t.line_end, tuple(sorted({ln.no, *(x for r in t.rows for x in r.lines)})),
                    "total", f"{m.group(0)}", format_value(total, "number", None, 0),
                    format_value(total - base, "number", None, 0, signed=True),
                    f"The {name} breakdown adds up to {format_value(total, 'number', None, 0)} ({terms}), not the "
                    f"{m.group(1)} stated on line {ln.no} ('{m.group(0)}'), which the {other} breakdown does add up to. "
                    f"The difference may be people who did not answer; the document does not say.", t.id))
    return out


_PER_UNIT = re.compile(r"£\s?(?P<rate>\d[\d,]*(?:\.\d+)?)\s+per\s+(?P<unit>[a-z]+)", re.I)


def check_rate_cells(t: Table) -> list[AuditFinding]:
    """A row with a quantity in some unit, an amount, and '£x per <unit>': quantity × rate = amount."""
    out = []
    for r in t.rows:
        text = " ".join(c.text for c in r.cells)
        m = _PER_UNIT.search(text)
        if not m:
            continue
        unit = m.group("unit").lower().rstrip("s")
        qty = next((c for c in r.cells if c.kind == "number" and c.unit and c.unit.lower().rstrip("s") == unit), None)
        amount = next((c for c in r.cells if c.kind == "money" and c.value is not None and m.group(0) not in c.text), None)
        if qty is None or amount is None or qty.value is None or amount.value is None:
            continue
        rate = Decimal(m.group("rate").replace(",", ""))
        computed = qty.value * rate
        if abs(computed - amount.value) >= 1:
            out.append(_finding(
                t, [r], "restated", f"{r.label}: {amount.raw}", format_value(computed, "money", None, 2),
                format_value(amount.value - computed, "money", None, 2),
                f"{r.label}: {qty.raw} at £{m.group('rate')} per {unit} is {format_value(computed, 'money', None, 2)}, "
                f"not {amount.raw}.", r))
    return out


# --------------------------------------------------------------------------- changes stated in prose

_FOLD = re.compile(r"(?i)\b(\d+(?:\.\d+)?)[\s-]?fold\s+(increase|rise|growth|reduction|decrease)")
_PCT_CHANGE = re.compile(
    r"(?i)(?P<pct>[+\-]?\d+(?:\.\d+)?)\s?%\s+(?P<dir>increase|decrease|rise|fall|reduction|growth|uplift)"
    r"\s+(?:in|of|on)\s+(?:the\s+)?(?P<item>[A-Za-z][A-Za-z &'\-]{2,60}?)(?=\s+(?:for|in|from|to|between|by)\b|[,.;)]|$)")
_FROM_TO = re.compile(r"(?i)\bfrom\s+(?P<a>£?\d[\d,]*(?:\.\d+)?\s?[mk]?)\b.*?\bto\s+(?:a\s+total\s+of\s+)?"
                      r"(?P<b>£?\d[\d,]*(?:\.\d+)?\s?[mk]?)\b")


def _amount(text: str) -> Decimal | None:
    nums = find_numbers(text)
    return nums[0].value if nums else None


def check_prose_changes(doc: SourceDoc, tables: list[Table]) -> list[AuditFinding]:
    """A change stated in a sentence against the figures it is about: 'N-fold increase ... from A to B',
    'N% increase ... from A to B', and 'N% increase in <item>' against the table the sentence introduces."""
    out = []
    for ln in doc.lines:
        if "\t" in ln.text or not ln.text.strip():
            continue
        for a, b in sentence_spans(ln.text):
            sentence = ln.text[a:b]
            ft = _FROM_TO.search(sentence)
            va = _amount(ft.group("a")) if ft else None
            vb = _amount(ft.group("b")) if ft else None
            fold = _FOLD.search(sentence)
            if fold and va and vb and va > 0:
                ratio = vb / va
                n = Decimal(fold.group(1))
                if abs(ratio - n) > n * Decimal("0.25"):
                    out.append(AuditFinding(
                        doc.name, ln.page, ln.no, ln.no, (ln.no,), "percent", fold.group(0),
                        f"{format_value(vb, 'number')} / {format_value(va, 'number')} = {ratio:.2f}×",
                        f"{(n - ratio):.2f}×",
                        f"The text calls it a {fold.group(0)}, but from {ft.group('a')} to {ft.group('b')} is "  # type: ignore[union-attr]
                        f"{ratio:.2f} times ({format_value((ratio - 1) * 100, 'percent', None, 1, True)})."))
            pm = _PCT_CHANGE.search(sentence)
            if not pm:
                continue
            stated = Decimal(pm.group("pct"))
            if pm.group("dir").lower() in ("decrease", "fall", "reduction"):
                stated = -abs(stated)
            decimals = len(pm.group("pct").split(".")[1]) if "." in pm.group("pct") else 0
            if va and vb and va != 0:
                exact = (vb - va) / abs(va) * 100
                if round_to(exact, decimals) != round_to(stated, decimals):
                    out.append(AuditFinding(
                        doc.name, ln.page, ln.no, ln.no, (ln.no,), "percent", pm.group(0),
                        format_value(exact, "percent", None, 2, True), format_value(stated - exact, "number", None, 2),
                        f"From {ft.group('a')} to {ft.group('b')} is {format_value(exact, 'percent', None, 2, True)}, "  # type: ignore[union-attr]
                        f"not the {pm.group(0)} stated."))
                continue
            found = _table_change(doc, tables, ln.page, ln.no, pm.group("item"), stated, decimals)
            if found:
                t, row, exact, pair = found
                out.append(AuditFinding(
                    doc.name, ln.page, ln.no, ln.no, tuple(sorted({ln.no, *row.lines})), "percent", pm.group(0),
                    format_value(exact, "percent", None, 2, True), format_value(stated - exact, "number", None, 2),
                    f"The text states a {pm.group(0)}, but the table below (line {t.line_start}) gives {row.label} "
                    f"going from {row.cells[pair[0]].raw} to {row.cells[pair[1]].raw}: "
                    f"{format_value(exact, 'percent', None, 2, True)}.", t.id))
    return out


def _table_change(doc: SourceDoc, tables: list[Table], page: int | None, line: int, item: str, stated: Decimal,
                  decimals: int) -> tuple[Table, Row, Decimal, tuple[int, int]] | None:
    """The % change of the row a phrase names, in the first table within 12 lines after the sentence,
    when it does not match the stated figure (None when it matches or nothing fits)."""
    near = [t for t in tables if t.page == page and 0 < t.line_start - line <= 12]
    if not near:
        return None
    t = min(near, key=lambda x: x.line_start)
    words = _key_words(item)
    wants_total = bool(re.search(r"(?i)\b(overall|total|whole)\b", item))
    rows = [r for r in t.rows if (wants_total and r.role == "total") or (words and words & _key_words(r.label))]
    pairs = [(a, b) for b in range(t.label_cols, len(t.columns)) for a in range(t.label_cols, b)
             if not CHANGE_HEADER.search(column_name(t, a) + column_name(t, b)) and normalize_period_in(column_name(t, a))
             and normalize_period_in(column_name(t, b))]
    for r in rows:
        for a, b in pairs[:1]:
            ca, cb = r.cells[a], r.cells[b]
            if ca.kind in NUMERIC and cb.kind in NUMERIC and ca.value and cb.value is not None:
                exact = (cb.value - ca.value) / abs(ca.value) * 100
                if round_to(exact, decimals) == round_to(stated, decimals):
                    return None
                return t, r, exact, (a, b)
    return None


def normalize_period_in(header: str) -> bool:
    return any(normalize_period(m.group(0)) for m in re.finditer(r"(?:19|20)?\d{2}\s?[/\-–]\s?\d{2}|\b(?:19|20)\d{2}\b", header))


# --------------------------------------------------------------------------- restated figures


def _key_words(label: str) -> set[str]:
    stop = {"the", "and", "of", "for", "to", "in", "a", "total", "spend", "allocation", "funding", "from", "on"}
    return {w.lower() for w in re.findall(r"[A-Za-z]{2,}", label) if w.lower() not in stop}


def check_restated(doc: SourceDoc, tables: list[Table]) -> list[AuditFinding]:
    """A sentence that names a table row (its label words) and states a money figure within RESTATED_WITHIN
    (1%) of one of that row's values, but not equal to it: the same figure stated two ways."""
    out: list[AuditFinding] = []
    cells: list[tuple[Table, Row, Cell, set[str]]] = []
    for t in tables:
        for r in t.rows:
            words = _key_words(r.label) | _key_words(t.caption)
            for c in r.cells[t.label_cols:]:
                if c.kind == "money" and c.value is not None and abs(c.value) >= 10000:
                    cells.append((t, r, c, words))
    if not cells:
        return out
    table_lines = {(t.page, ln) for t in tables for r in t.rows for ln in r.lines}
    for ln in doc.lines:
        if "\t" in ln.text or (ln.page, ln.no) in table_lines:
            continue
        for a, b in sentence_spans(ln.text):
            sentence = ln.text[a:b]
            words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", sentence)}
            numbers = find_numbers(sentence)
            for n in numbers:
                if n.kind != "money" or abs(n.value) < 10000:
                    continue
                if any(_same_at_precision(n, c.value) or _within_cell_precision(n, c) for _, _, c, _ in cells
                       if c.value is not None):
                    continue  # stated somewhere, to the precision written: consistent
                for t, r, c, key in cells:
                    assert c.value is not None
                    rel = abs(n.value - c.value) / abs(c.value)
                    if rel == 0 or rel > RESTATED_WITHIN or not key or len(key & words) < min(2, len(key)):
                        continue
                    if any(m is not n and _same_at_precision(m, c.value) for m in numbers):
                        continue  # '$39,531 million ($39,470 million adjusted for currency)': the other on another basis
                    if _period_clash(sentence, t, c) or _other_basis(sentence, t, r, c):
                        continue
                    out.append(AuditFinding(
                        doc.name, ln.page, ln.no, ln.no, tuple(sorted({ln.no, *r.lines})), "restated",
                        n.raw, c.raw, format_value(n.value - c.value, "money", None, 0),
                        f"The text states {n.raw} where the table ({t.caption or 'line ' + str(t.line_start)}, "
                        f"{r.label}, {column_name(t, c.col)}, line {c.line}) gives {c.raw}.", t.id))
                    break
    return out


def check_kind_totals(doc: SourceDoc, tables: list[Table]) -> list[AuditFinding]:
    """A sentence that states an amount for one kind of row of a table of records ('£8.4m is commissioned by the
    ICB': a value of the Commissioner column, said with its header's word) against the rows of that kind added
    up. Only where the sentence pairs its amounts with the kinds it names one to one, in order, and the table
    has one column of money (or one of the period the sentence names)."""
    out: list[AuditFinding] = []
    table_lines = {(t.page, ln) for t in tables for r in t.rows for ln in r.lines}
    for t in tables:
        cats = category_cols(t)
        body = [r for r in t.rows if r.role == "body"]
        money = [c for c in range(t.label_cols, len(t.columns)) if c not in cats and sum(
            r.cells[c].kind == "money" and r.cells[c].value is not None for r in body) >= 0.8 * len(body)]
        if not cats or not money:
            continue
        values = {(c, category_value(r.cells[c].text)) for c in cats for r in body if r.cells[c].kind == "text"}
        for ln in doc.lines:
            if "\t" in ln.text or (ln.page, ln.no) in table_lines:
                continue
            for a, b in sentence_spans(ln.text):
                sentence = ln.text[a:b]
                named = sorted((m.start(), c, v) for c, v in values if v and v not in VAGUE_VALUES
                               and header_said(t.columns[c], sentence)
                               for m in [re.search(rf"(?i)\b{re.escape(v)}\b", sentence)] if m)
                amounts = [n for n in find_numbers(sentence) if n.kind == "money"]
                said = set(periods_in(sentence)[0])
                cols = [c for c in money if len(money) == 1 or said & set(periods_in(t.columns[c])[0])]
                if not named or len(named) != len(amounts) or len(cols) != 1:
                    continue
                col = cols[0]
                for (_, c, v), n in zip(named, amounts, strict=True):
                    rows = [r for r in body if category_value(r.cells[c].text) == v and r.cells[col].value is not None]
                    if not rows:
                        continue
                    total = sum((r.cells[col].value or Decimal(0) for r in rows), Decimal(0))
                    if _same_at_precision(n, total):
                        continue
                    shown = _show(total, rows[0].cells[col])
                    terms = " + ".join(r.cells[col].raw for r in rows)
                    kind_name = rows[0].cells[c].text.strip()
                    out.append(AuditFinding(
                        doc.name, ln.page, ln.no, ln.no, tuple(sorted({ln.no, *(x for r in rows for x in r.lines)})),
                        "restated", n.raw, shown, _show(n.value - total, rows[0].cells[col]),
                        f"The text states {n.raw} for {kind_name} ({column_name(t, c)}); the table "
                        f"({t.caption or 'line ' + str(t.line_start)}) gives {shown} for its {len(rows)} "
                        f"row{'s' if len(rows) > 1 else ''} of that kind ({column_name(t, col)}: {terms}).", t.id))
    return out


def _same_at_precision(n: Number, value: Decimal) -> bool:
    """£1,084k and £6.49m agree with 1,084,352 and 6,498,713: rounded or cut to the digits written."""
    unit = Decimal(1).scaleb(-n.decimals)
    if n.scale:
        unit *= SCALES[n.scale]
    if value == n.value:
        return True
    if unit == 1:
        return False
    q = value / unit
    target = n.value / unit
    return round_to(q, 0) == target or q.to_integral_value(rounding=ROUND_DOWN) == target


def _within_cell_precision(n: Number, c: Cell) -> bool:
    """'$12,893' agrees with '13' in a table in thousands: the cell, as written, stands for 12,500 to 13,499; and
    a figure one unit of the cell's last digit away ('$6,778 million' for 6,777) differs by rounding alone."""
    if not c.scale or c.value is None:
        return False
    unit = Decimal(1).scaleb(-_decimals([c])) * SCALES[c.scale]
    return round_to(n.value / unit, 0) * unit == c.value or abs(n.value - c.value) <= unit


def _other_basis(sentence: str, t: Table, r: Row, c: Cell) -> bool:
    """The sentence gives its figure on a basis (_OTHER_BASIS) that the row, caption and column do not name:
    the subject measured another way, not the cell restated."""
    named = {m.group(0).lower() for m in _OTHER_BASIS.finditer(sentence)}
    if not named:
        return False
    table_text = " ".join([r.label, t.caption, column_name(t, c.col), *t.notes]).lower()
    return any(b not in table_text for b in named)


def _period_clash(sentence: str, t: Table, c: Cell) -> bool:
    """The sentence names a financial year, or a calendar year, and the cell's column names a different one
    of the same kind ('In 2019, ... $1,498,000' is not the 2018 column's 1,510,000 restated)."""
    header = column_name(t, c.col)
    for pattern in (r"(?:19|20)?\d{2}\s?[/\-–]\s?\d{2}", r"(?<![\d/\-–])(?:19|20)\d{2}(?![\d/\-–])"):
        hp = {normalize_period(m.group(0)) for m in re.finditer(pattern, header)}
        sp = {normalize_period(m.group(0)) for m in re.finditer(pattern, sentence)}
        hp.discard(None)
        sp.discard(None)
        if hp and sp and not (hp & sp):
            return True
    return False


def _dedupe(findings: list[AuditFinding]) -> list[AuditFinding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.doc, f.kind, f.line_start, f.stated)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return sorted(out, key=lambda f: (f.doc, f.page or 0, f.line_start))
