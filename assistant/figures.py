"""The figure engine: pure functions over typed tables that return Figures.

Each Figure carries its value (a Decimal: no floating-point drift in currency), the text as the documents
write it, the formula in symbols, a description in words, and every cell it used with its provenance.
A language model never computes a number; these functions do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from .types import Cell, CellRef, Figure, Row, Table
from .values import CURRENCIES, SCALES, format_value, parse_cell, round_to, written_decimals

NUMERIC = ("money", "percent", "number")
HUNDRED = Decimal(100)


class FigureError(ValueError):
    """A computation that cannot be done honestly (empty cell, text, mixed units, division by zero)."""


def column_name(t: Table, col: int) -> str:
    return t.columns[col] if col < len(t.columns) and t.columns[col] else f"column {col + 1}"


def ref(t: Table, row: Row, col: int) -> CellRef:
    c = row.cells[col]
    return CellRef(t.doc, c.page, c.line, t.id, row.path(), column_name(t, col), c.raw, c.value)


def _cell(t: Table, row: Row, col: int) -> Cell:
    if col >= len(row.cells):
        raise FigureError(f"row '{row.label}' has no {column_name(t, col)}")
    c = row.cells[col]
    if c.kind not in NUMERIC or c.value is None:
        raise FigureError(f"'{row.label}' / {column_name(t, col)} is not a number ({c.raw or 'empty'})")
    return c


def _kind(cells: Sequence[Cell]) -> str:
    kinds = {c.kind for c in cells}
    if len(kinds) > 1:
        raise FigureError(f"cannot combine {' and '.join(sorted(kinds))} values")
    return kinds.pop()


def _scale(cells: Sequence[Cell]) -> str | None:
    scales = {c.scale for c in cells}
    return scales.pop() if len(scales) == 1 else None


def _decimals(cells: Sequence[Cell]) -> int | None:
    """Decimals to show for a result made of these cells: as many as the most precise of them."""
    best = 0
    for c in cells:
        v = c.value
        if v is None:
            continue
        shown = v / SCALES[c.scale] if c.scale else v
        exp = shown.normalize().as_tuple().exponent
        best = max(best, -exp if isinstance(exp, int) and exp < 0 else 0)
    return min(best, 2)


def _currency(cells: Sequence[Cell]) -> str:
    """The currency the cells are written in ('£', '$', '€'); '' (no symbol) when they disagree or show none,
    so that no figure claims a currency its cells do not."""
    found = {c.unit for c in cells if c.unit in CURRENCIES}
    return found.pop() if len(found) == 1 else ""


def _fmt(value: Decimal, kind: str, cells: Sequence[Cell], signed: bool = False) -> str:
    scale = _scale(cells)
    dec = _decimals(cells)
    if kind == "money" and not scale and value == value.to_integral_value():
        dec = 0
    return format_value(value, kind, scale, dec, signed=signed, currency=_currency(cells))


def _num(value: Decimal | None, kind: str, cells: Sequence[Cell]) -> str:
    """A cell value in a formula: '968,429' (no currency sign, scale kept: '709.8m')."""
    assert value is not None
    text = _fmt(value, kind, cells)
    return re.sub(r"^([+-]?)[£$€]", r"\1", text)


# A computed percentage is written to two decimals, without trailing zeros past the first ('20.35%',
# '5.8%', '27.0%'): one decimal loses what a writer or a reader checking '20.35%' needs
PERCENT_DECIMALS = 2


def _pct(value: Decimal, signed: bool = False, decimals: int = PERCENT_DECIMALS) -> str:
    return format_value(round_to(value, decimals).normalize(), "percent", None, None, signed=signed)


# --------------------------------------------------------------------------- operations


def lookup(t: Table, row: Row, col: int) -> Figure:
    """The value of one cell, as a Figure with its provenance."""
    c = _cell(t, row, col)
    assert c.value is not None
    # a figure whose scale the table states, not the cell ('6,573' under '(in thousands)'), is written with it
    # (with the digits the cell shows: '0.125' is not rounded to '0.13k')
    text = c.raw if c.raw and (not c.scale or parse_cell(c.raw).scale) else format_value(
        c.value, c.kind, c.scale, written_decimals(c.raw), currency=_currency([c]))
    return Figure(c.value, text, f"{row.path()} / {column_name(t, col)} = {c.raw}",
                  f"{row.path()}, {column_name(t, col)}", c.unit, (ref(t, row, col),), "lookup")


def total(t: Table, rows: Sequence[Row], col: int) -> Figure:
    """The sum of a column over some rows."""
    if not rows:
        raise FigureError("nothing to add up")
    return _added([_cell(t, r, col) for r in rows],
                  f"total of {column_name(t, col)} over {len(rows)} rows ({', '.join(r.label for r in rows)})",
                  tuple(ref(t, r, col) for r in rows))


def kind_total(t: Table, rows: Sequence[Row], col: int, kind_col: int, kind: str) -> Figure:
    """The sum of a column over the rows of one kind: those whose cell in a column of categories is `kind`."""
    fig = total(t, rows, col)
    return Figure(fig.value, fig.text, fig.formula, f"{column_name(t, col)} of the {len(rows)} "
                  f"row{'s' if len(rows) > 1 else ''} where {column_name(t, kind_col)} is {kind!r}",
                  fig.unit, fig.cells, fig.op)


def total_across(t: Table, row: Row, cols: Sequence[int]) -> Figure:
    """The sum of one row over several columns (a measure added up over the years asked about)."""
    if len(cols) < 2:
        raise FigureError("a sum across periods needs two values or more")
    return _added([_cell(t, row, c) for c in cols],
                  f"total of {row.path()} over {', '.join(column_name(t, c) for c in cols)}",
                  tuple(ref(t, row, c) for c in cols))


def _added(cells: list[Cell], description: str, refs: tuple[CellRef, ...]) -> Figure:
    kind = _kind(cells)
    # cells that say what they count ('24 beds', '600 hours a week', '2 extra teams') add up only when they count one
    # thing: beds and hours have no sum
    counted = {c.unit.split()[-1].lower() for c in cells if c.unit and c.unit not in ("£", "$", "€", "%") and c.unit.split()}
    if len(counted) > 1:
        raise FigureError(f"the figures count different things ({', '.join(sorted(counted))})")
    value = sum((c.value for c in cells if c.value is not None), Decimal(0))
    text = _fmt(value, kind, cells)
    terms = " + ".join(_num(c.value, kind, [c]) for c in cells)
    return Figure(value, text, f"{terms} = {text}", description, cells[0].unit, refs, "sum")


def difference(t: Table, a: tuple[Row, int], b: tuple[Row, int]) -> Figure:
    """b − a (for a change over time, a is the earlier value)."""
    ca, cb = _cell(t, *a), _cell(t, *b)
    kind = _kind([ca, cb])
    assert ca.value is not None and cb.value is not None
    value = cb.value - ca.value
    text = _fmt(value, kind, [ca, cb], signed=True)
    if kind == "percent":
        text = text.replace("%", " percentage points")
    return Figure(value, text, f"{_num(cb.value, kind, [cb])} − {_num(ca.value, kind, [ca])} = {text}",
                  f"{_describe(t, b)} minus {_describe(t, a)}", ca.unit, (ref(t, *a), ref(t, *b)), "difference")


def difference_of_totals(t: Table, a: tuple[str, Sequence[Row]], b: tuple[str, Sequence[Row]], col: int) -> Figure:
    """The rows of one kind added up less those of another (what the council commissions less what the ICB does),
    each sum written out in the formula."""
    fa, fb = total(t, a[1], col), total(t, b[1], col)
    cells = [_cell(t, r, col) for r in (*a[1], *b[1])]
    kind = _kind(cells)
    value = fa.value - fb.value
    text = _fmt(value, kind, cells, signed=True)
    def written(f: Figure) -> str:
        return f"({f.formula.split(' = ')[0]})" if len(f.cells) > 1 else f.text
    return Figure(value, text, f"{written(fa)} − {written(fb)} = {text}",
                  f"{column_name(t, col)} of {a[0]} less that of {b[0]}", cells[0].unit, (*fa.cells, *fb.cells),
                  "difference")


def percent_change(t: Table, a: tuple[Row, int], b: tuple[Row, int], decimals: int = PERCENT_DECIMALS) -> Figure:
    """(b − a) / a × 100: the change from a to b in per cent."""
    ca, cb = _cell(t, *a), _cell(t, *b)
    _kind([ca, cb])
    assert ca.value is not None and cb.value is not None
    if ca.value == 0:
        raise FigureError(f"{_describe(t, a)} is zero: no percentage change from it")
    value = (cb.value - ca.value) / abs(ca.value) * HUNDRED
    text = _pct(value, signed=True, decimals=decimals)
    kind = ca.kind
    return Figure(value, text,
                  f"({_num(cb.value, kind, [cb])} − {_num(ca.value, kind, [ca])}) / {_num(ca.value, kind, [ca])} × 100 = {text}",
                  f"change from {_describe(t, a)} to {_describe(t, b)}", "%", (ref(t, *a), ref(t, *b)), "percent_change")


def share(t: Table, part: tuple[Row, int], whole: tuple[Row, int], decimals: int = PERCENT_DECIMALS) -> Figure:
    """part / whole × 100."""
    cp, cw = _cell(t, *part), _cell(t, *whole)
    kind = _kind([cp, cw])
    assert cp.value is not None and cw.value is not None
    if cw.value == 0:
        raise FigureError(f"{_describe(t, whole)} is zero")
    if part[0] is whole[0] and part[1] == whole[1]:
        raise FigureError(f"{_describe(t, part)} is the very cell it would be a share of")
    value = cp.value / cw.value * HUNDRED
    text = _pct(value, decimals=decimals)
    return Figure(value, text, f"{_num(cp.value, kind, [cp])} / {_num(cw.value, kind, [cw])} × 100 = {text}",
                  f"{part[0].path()} as a share of {whole[0].path()} ({column_name(t, part[1])})", "%",
                  (ref(t, *part), ref(t, *whole)), "share")


def share_of_figures(part: Figure, whole: Figure, description: str) -> Figure:
    """One figure as a share of another, both computed from cells (a sum of schemes as a share of an
    allocation read from another table); the cells of both are kept."""
    if part.unit != whole.unit:
        raise FigureError(f"{part.text} and {whole.text} are not in the same unit")
    if whole.value == 0:
        raise FigureError(f"{whole.text} is zero")
    if part.cells and {_where(c) for c in part.cells} == {_where(c) for c in whole.cells}:
        raise FigureError(f"{part.text} is the very figure it would be a share of")
    value = part.value / whole.value * HUNDRED
    text = _pct(value)
    return Figure(value, text, f"{part.text} / {whole.text} × 100 = {text}", description, "%",
                  (*part.cells, *whole.cells), "share")


def _where(c: CellRef) -> tuple[str, str, str, int]:
    return c.table_id, c.row, c.column, c.line


def share_of_sum(t: Table, part: Row, rows: Sequence[Row], col: int) -> Figure:
    """part / (sum of rows) × 100, when the table has no total row."""
    s = total(t, rows, col)
    cp = _cell(t, part, col)
    assert cp.value is not None
    if s.value == 0:
        raise FigureError("the total is zero")
    value = cp.value / s.value * HUNDRED
    text = _pct(value)
    return Figure(value, text, f"{_num(cp.value, cp.kind, [cp])} / ({s.formula.split(' = ')[0]}) × 100 = {text}",
                  f"{part.path()} as a share of the {len(rows)} rows' total ({column_name(t, col)})", "%",
                  s.cells, "share")


def _extreme_of(t: Table, rows: Sequence[Row], col: int, largest: bool) -> tuple[list[tuple[Row, Cell]], Row, Cell]:
    usable = [(r, _cell(t, r, col)) for r in rows if r.cells[col].kind in NUMERIC and r.cells[col].value is not None]
    if not usable:
        raise FigureError(f"no numbers in {column_name(t, col)}")
    _kind([c for _, c in usable])
    best_row, best = (max if largest else min)(usable, key=lambda rc: rc[1].value)  # type: ignore[arg-type,return-value]
    return usable, best_row, best


def extreme_row(t: Table, rows: Sequence[Row], col: int, largest: bool = True) -> Row:
    """Whose the largest (or smallest) value of a column is: the row `extreme` names."""
    return _extreme_of(t, rows, col, largest)[1]


def extreme(t: Table, rows: Sequence[Row], col: int, largest: bool = True) -> Figure:
    """The largest (or smallest) value of a column, and whose it is."""
    usable, best_row, best = _extreme_of(t, rows, col, largest)
    assert best.value is not None
    word = "largest" if largest else "smallest"
    values = ", ".join(_num(c.value, c.kind, [c]) for _, c in usable)
    text = _fmt(best.value, best.kind, [best])
    return Figure(best.value, text, f"{'max' if largest else 'min'}({values}) = {text} ({best_row.path()})",
                  f"{word} {column_name(t, col)}: {best_row.path()}", best.unit,
                  tuple(ref(t, r, col) for r, _ in usable), "max" if largest else "min")


def extreme_change(t: Table, rows: Sequence[Row], a: int, b: int, percent: bool, largest: bool = True,
                   falling: bool = False) -> tuple[Row, Figure]:
    """The row whose change from column a to column b is the largest (or smallest); `falling`: the largest fall
    (the most negative change). Each row's change is computed from its cells and shown in the formula."""
    moves: list[tuple[Row, Figure]] = []
    for r in rows:
        try:
            moves.append((r, (percent_change if percent else difference)(t, (r, a), (r, b))))
        except (FigureError, AssertionError):
            continue
    if len(moves) < 2:
        raise FigureError("fewer than two rows have both figures")
    sign = -1 if falling else 1
    pick = max if largest else min
    row, fig = pick(moves, key=lambda m: sign * m[1].value)
    listed = ", ".join(f"{r.path()} {f.text}" for r, f in moves)
    word = ("largest" if largest else "smallest") + (" fall" if falling else " change")
    return row, Figure(fig.value, fig.text, f"{'max' if largest != falling else 'min'}({listed}) = {fig.text} ({row.path()})",
                       f"{word} from {column_name(t, a)} to {column_name(t, b)}: {row.path()}", fig.unit,
                       tuple(c for _, f in moves for c in f.cells), "max" if largest else "min")


def extreme_group(t: Table, groups: Sequence[tuple[str, Sequence[Row]]], col: int,
                  largest: bool = True) -> tuple[str, Figure]:
    """The group of rows (the schemes of one provider, of one source of funding) whose column adds up to the
    most (or least): each group's total is computed from its cells and shown in the formula."""
    totals = [(name, total(t, rows, col)) for name, rows in groups if rows]
    if len(totals) < 2:
        raise FigureError("fewer than two groups to compare")
    name, best = (max if largest else min)(totals, key=lambda g: g[1].value)
    listed = "; ".join(f"{n} {f.formula if len(f.cells) > 1 else f.text}" for n, f in totals)
    return name, Figure(best.value, best.text, f"{'max' if largest else 'min'}({listed}) = {best.text} ({name})",
                        f"{'largest' if largest else 'smallest'} total of {column_name(t, col)}: {name}", best.unit,
                        tuple(c for _, f in totals for c in f.cells), "max" if largest else "min")


def rank(t: Table, rows: Sequence[Row], col: int, descending: bool = True) -> list[tuple[Row, Figure]]:
    """Rows ordered by a column, each with its value as a Figure."""
    usable = [r for r in rows if r.cells[col].kind in NUMERIC and r.cells[col].value is not None]
    ordered = sorted(usable, key=lambda r: r.cells[col].value, reverse=descending)  # type: ignore[arg-type,return-value]
    return [(r, lookup(t, r, col)) for r in ordered]


def average(t: Table, rows: Sequence[Row], col: int) -> Figure:
    s = total(t, rows, col)
    cells = [_cell(t, r, col) for r in rows]
    value = s.value / Decimal(len(rows))
    text = _fmt(value, cells[0].kind, cells) if cells[0].kind != "number" else format_value(value, "number", None, 1)
    return Figure(value, text, f"({s.formula.split(' = ')[0]}) / {len(rows)} = {text}",
                  f"average of {column_name(t, col)} over {len(rows)} rows", cells[0].unit, s.cells, "average")


def average_across(t: Table, row: Row, cols: Sequence[int]) -> Figure:
    """The mean of one row over several columns (a measure averaged over the years asked about)."""
    if len(cols) < 2:
        raise FigureError("an average needs two values or more")
    cells = [_cell(t, row, c) for c in cols]
    kind = _kind(cells)
    value = sum((c.value for c in cells if c.value is not None), Decimal(0)) / Decimal(len(cells))
    dec = max(_decimals(cells) or 0, 1 if kind != "money" else 0)
    text = format_value(value, kind, _scale(cells), min(2, dec + 1), currency=_currency(cells))
    terms = " + ".join(_num(c.value, kind, [c]) for c in cells)
    return Figure(value, text, f"({terms}) / {len(cells)} = {text}",
                  f"average of {row.path()} over {', '.join(column_name(t, c) for c in cols)}", cells[0].unit,
                  tuple(ref(t, row, c) for c in cols), "average")


def ratio(t: Table, a: tuple[Row, int], b: tuple[Row, int]) -> Figure:
    """a / b, as a plain ratio (two decimals)."""
    ca, cb = _cell(t, *a), _cell(t, *b)
    assert ca.value is not None and cb.value is not None
    if cb.value == 0:
        raise FigureError(f"{_describe(t, b)} is zero")
    value = ca.value / cb.value
    text = format_value(value, "number", None, 2)
    return Figure(value, text, f"{_num(ca.value, ca.kind, [ca])} / {_num(cb.value, cb.kind, [cb])} = {text}",
                  f"{_describe(t, a)} to {_describe(t, b)}", None, (ref(t, *a), ref(t, *b)), "ratio")


def per(t: Table, a: tuple[Row, int], b: tuple[Row, int], unit: str) -> Figure:
    """An amount per one of what a count counts ('£1,490k for 16 beds': £93.13k per bed), in the amount's currency
    and scale, to two decimals."""
    ca, cb = _cell(t, *a), _cell(t, *b)
    assert ca.value is not None and cb.value is not None
    if cb.value == 0:
        raise FigureError(f"{_describe(t, b)} is zero")
    value = ca.value / cb.value
    scale = _scale([ca])
    if scale and abs(value) < 10 * SCALES[scale]:  # ("£206.67 per appointment", not "£0.21k")
        scale = None
    text = format_value(value, ca.kind, scale, 2, currency=_currency([ca]))
    return Figure(value, f"{text} per {unit}", f"{_num(ca.value, ca.kind, [ca])} / {_num(cb.value, cb.kind, [cb])} = "
                  f"{text}", f"{_describe(t, a)} per {unit} ({_describe(t, b)})", ca.unit, (ref(t, *a), ref(t, *b)),
                  "ratio")


def count(t: Table, rows: Sequence[Row], col: int | None, description: str, out_of: int | None = None) -> Figure:
    """How many rows (optionally: whose cell in `col` is not empty) meet a condition described in words;
    `out_of`, the number of rows looked at, goes into the formula (an answer that says it is traceable)."""
    refs = tuple(ref(t, r, col if col is not None else 0) for r in rows)
    n = Decimal(len(rows))
    labels = ", ".join(r.path() for r in rows)
    of = "" if out_of is None else f" of {out_of} rows"
    return Figure(n, str(len(rows)), f"count({labels}) = {len(rows)}{of}", description, None, refs, "count")


def count_cells(t: Table, row: Row, hits: Sequence[int], cols: Sequence[int], description: str) -> Figure:
    """How many of a row's cells (over `cols`) meet a condition described in words; every cell looked at
    is kept, the ones that meet it first."""
    refs = tuple(ref(t, row, c) for c in [*hits, *(c for c in cols if c not in hits)])
    named = ", ".join(f"{column_name(t, c)} ({row.cells[c].raw})" for c in hits) or "none"
    return Figure(Decimal(len(hits)), str(len(hits)), f"count({named}) = {len(hits)} of {len(cols)}", description,
                  None, refs, "count")


def product(t: Table, a: tuple[Row, int], rate: Decimal, rate_text: str) -> Figure:
    """A cell times a rate stated in the document (e.g. hours × £19.40 per hour)."""
    ca = _cell(t, *a)
    assert ca.value is not None
    value = ca.value * rate
    text = format_value(value, "money", None, 2)
    return Figure(value, text, f"{_num(ca.value, ca.kind, [ca])} × {rate_text} = {text}",
                  f"{_describe(t, a)} at {rate_text}", "£", (ref(t, *a),), "product")


def change_of_totals(t: Table, rows: Sequence[Row], a: int, b: int, label: str, percent: bool) -> Figure:
    """The change of a group of rows taken together, from column a to column b: each side is summed first
    ('85+' = '85-89' + '90 and over'), then b − a, or (b − a) / a × 100 with `percent`."""
    if len(rows) < 2:
        raise FigureError("a group needs two rows or more")
    ca, cb = [_cell(t, r, a) for r in rows], [_cell(t, r, b) for r in rows]
    kind = _kind([*ca, *cb])
    sa = sum((c.value for c in ca if c.value is not None), Decimal(0))
    sb = sum((c.value for c in cb if c.value is not None), Decimal(0))
    ta, tb = _fmt(sa, kind, ca), _fmt(sb, kind, cb)
    sums = (f"{' + '.join(_num(c.value, kind, [c]) for c in cb)} = {tb}; "
            f"{' + '.join(_num(c.value, kind, [c]) for c in ca)} = {ta}")
    refs = (*(ref(t, r, a) for r in rows), *(ref(t, r, b) for r in rows))
    where = f"{label} ({' + '.join(r.label for r in rows)})"
    if percent:
        if sa == 0:
            raise FigureError(f"{label} is zero in {column_name(t, a)}: no percentage change from it")
        value = (sb - sa) / abs(sa) * HUNDRED
        text = _pct(value, signed=True)
        return Figure(value, text, f"{sums}; ({tb} − {ta}) / {ta} × 100 = {text}",
                      f"change in {where} from {column_name(t, a)} ({ta}) to {column_name(t, b)} ({tb})", "%",
                      refs, "percent_change")
    value = sb - sa
    text = _fmt(value, kind, cb, signed=True)
    return Figure(value, text, f"{sums}; {tb} − {ta} = {text}",
                  f"change in {where} from {column_name(t, a)} ({ta}) to {column_name(t, b)} ({tb})", ca[0].unit,
                  refs, "difference")


def _describe(t: Table, at: tuple[Row, int]) -> str:
    return f"{at[0].path()} ({column_name(t, at[1])})"
