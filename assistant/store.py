"""The DuckDB store in each index build: documents, source lines, tables, rows and one row per cell.

It is the source of truth for tables at query time (the figure engine works on Tables read from it)
and for source lines (context around a citation, quote verification). Only this module imports duckdb.
"""

from __future__ import annotations

import json
import tempfile
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

from .types import Cell, Line, Row, SourceDoc, Table

SCHEMA = """
CREATE TABLE docs(name VARCHAR PRIMARY KEY, path VARCHAR, sha256 VARCHAR, format VARCHAR,
                  n_pages INTEGER, n_lines INTEGER);
CREATE TABLE lines(doc VARCHAR, page INTEGER, no INTEGER, raw VARCHAR, text VARCHAR, heading_level INTEGER);
CREATE TABLE tables(id VARCHAR PRIMARY KEY, doc VARCHAR, page INTEGER, line_start INTEGER, line_end INTEGER,
                    caption VARCHAR, columns VARCHAR[], kind VARCHAR, header_lines INTEGER[],
                    caption_line INTEGER, label_cols INTEGER, notes VARCHAR[], n_rows INTEGER, ord INTEGER);
CREATE TABLE rows(table_id VARCHAR, "row" INTEGER, label VARCHAR, role VARCHAR, grp VARCHAR, lines INTEGER[]);
CREATE TABLE cells(table_id VARCHAR, "row" INTEGER, col INTEGER, row_label VARCHAR, column_path VARCHAR,
                   raw VARCHAR, text VARCHAR, kind VARCHAR, value DECIMAL(38, 6), unit VARCHAR, scale VARCHAR,
                   doc VARCHAR, page INTEGER, line INTEGER);
"""

_COLUMNS = {
    "docs": {"name": "VARCHAR", "path": "VARCHAR", "sha256": "VARCHAR", "format": "VARCHAR",
             "n_pages": "INTEGER", "n_lines": "INTEGER"},
    "lines": {"doc": "VARCHAR", "page": "INTEGER", "no": "INTEGER", "raw": "VARCHAR", "text": "VARCHAR",
              "heading_level": "INTEGER"},
    "tables": {"id": "VARCHAR", "doc": "VARCHAR", "page": "INTEGER", "line_start": "INTEGER",
               "line_end": "INTEGER", "caption": "VARCHAR", "columns": "VARCHAR[]", "kind": "VARCHAR",
               "header_lines": "INTEGER[]", "caption_line": "INTEGER", "label_cols": "INTEGER",
               "notes": "VARCHAR[]", "n_rows": "INTEGER", "ord": "INTEGER"},
    "rows": {"table_id": "VARCHAR", "row": "INTEGER", "label": "VARCHAR", "role": "VARCHAR", "grp": "VARCHAR",
             "lines": "INTEGER[]"},
    "cells": {"table_id": "VARCHAR", "row": "INTEGER", "col": "INTEGER", "row_label": "VARCHAR",
              "column_path": "VARCHAR", "raw": "VARCHAR", "text": "VARCHAR", "kind": "VARCHAR",
              "value": "VARCHAR", "unit": "VARCHAR", "scale": "VARCHAR", "doc": "VARCHAR", "page": "INTEGER",
              "line": "INTEGER"},
}


def write_store(path: Path, docs: list[SourceDoc], tables: list[Table]) -> None:
    """Write a fresh store (bulk-loaded through NDJSON: DuckDB's executemany is far too slow)."""
    import duckdb

    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA)
        with tempfile.TemporaryDirectory() as tmp:
            data: dict[str, list[dict[str, Any]]] = {k: [] for k in _COLUMNS}
            for d in docs:
                data["docs"].append({"name": d.name, "path": d.path, "sha256": d.sha256, "format": d.format,
                                     "n_pages": d.n_pages, "n_lines": len(d.lines)})
                data["lines"].extend({"doc": d.name, "page": ln.page, "no": ln.no, "raw": ln.raw, "text": ln.text,
                                      "heading_level": ln.heading_level} for ln in d.lines)
            for order, t in enumerate(tables):
                data["tables"].append({"id": t.id, "doc": t.doc, "page": t.page, "line_start": t.line_start,
                                       "line_end": t.line_end, "caption": t.caption, "columns": list(t.columns),
                                       "kind": t.kind, "header_lines": list(t.header_lines),
                                       "caption_line": t.caption_line, "label_cols": t.label_cols,
                                       "notes": list(t.notes), "n_rows": t.n_rows, "ord": order})
                for r in t.rows:
                    data["rows"].append({"table_id": t.id, "row": r.index, "label": r.label, "role": r.role,
                                         "grp": r.group, "lines": list(r.lines)})
                    for c in r.cells:
                        data["cells"].append({
                            "table_id": t.id, "row": r.index, "col": c.col, "row_label": r.path(),
                            "column_path": t.columns[c.col] if c.col < len(t.columns) else "",
                            "raw": c.raw, "text": c.text, "kind": c.kind,
                            "value": None if c.value is None else str(c.value), "unit": c.unit, "scale": c.scale,
                            "doc": t.doc, "page": c.page, "line": c.line})
            for name, rows in data.items():
                if not rows:
                    continue
                f = Path(tmp) / f"{name}.jsonl"
                f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
                cols = _COLUMNS[name]
                spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in cols.items()) + "}"
                select = ", ".join(
                    f'CAST("{k}" AS DECIMAL(38, 6)) AS "{k}"' if name == "cells" and k == "value" else f'"{k}"'
                    for k in cols)
                con.execute(f"INSERT INTO {name} SELECT {select} FROM read_json('{f.as_posix()}', "
                            f"columns={spec}, format='newline_delimited')")
    finally:
        con.close()


class Store:
    """Read access to a built store; one connection, a cursor per call (safe across UI threads)."""

    def __init__(self, path: Path) -> None:
        import duckdb

        self._con = duckdb.connect(str(path), read_only=True)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._con.close()

    def _query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self._lock:
            cur = self._con.cursor()
            try:
                return cur.execute(sql, params or []).fetchall()
            finally:
                cur.close()

    def docs(self) -> list[dict[str, Any]]:
        rows = self._query("SELECT name, path, sha256, format, n_pages, n_lines FROM docs ORDER BY name")
        return [dict(zip(("name", "path", "sha256", "format", "n_pages", "n_lines"), r, strict=False)) for r in rows]

    def lines(self, doc: str, page: int | None = None, start: int | None = None,
              end: int | None = None) -> list[Line]:
        sql = "SELECT page, no, raw, text, heading_level FROM lines WHERE doc = ?"
        params: list[Any] = [doc]
        if page is not None:
            sql += " AND page = ?"
            params.append(page)
        else:
            sql += " AND page IS NULL"
        if start is not None:
            sql += " AND no >= ?"
            params.append(start)
        if end is not None:
            sql += " AND no <= ?"
            params.append(end)
        return [Line(*r) for r in self._query(sql + " ORDER BY no", params)]

    def all_lines(self, doc: str) -> list[Line]:
        return [Line(*r) for r in self._query(
            "SELECT page, no, raw, text, heading_level FROM lines WHERE doc = ? ORDER BY page NULLS FIRST, no", [doc])]

    def tables(self, doc: str | None = None) -> list[Table]:
        """Tables rebuilt from their cells, in document order."""
        where, params = ("WHERE doc = ?", [doc]) if doc else ("", [])
        metas = self._query(
            "SELECT id, doc, page, line_start, line_end, caption, columns, kind, header_lines, caption_line, "
            f"label_cols, notes FROM tables {where} ORDER BY ord", params)
        if not metas:
            return []
        ids = [m[0] for m in metas]
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for r in self._query('SELECT table_id, "row", label, role, grp, lines FROM rows WHERE table_id IN '
                             '(SELECT UNNEST(?::VARCHAR[])) ORDER BY table_id, "row"', [ids]):
            rows.setdefault(r[0], []).append(r)
        cells: dict[tuple[str, int], list[Cell]] = {}
        for c in self._query('SELECT table_id, "row", col, raw, text, kind, value, unit, scale, line, page '
                             'FROM cells WHERE table_id IN (SELECT UNNEST(?::VARCHAR[])) ORDER BY table_id, "row", col',
                             [ids]):
            value = None if c[6] is None else _clean_decimal(Decimal(c[6]))
            cells.setdefault((c[0], c[1]), []).append(Cell(c[2], c[3], c[4], c[5], value, c[7], c[8], c[9], c[10]))
        out = []
        for m in metas:
            trows = tuple(Row(r[1], r[2], tuple(cells.get((m[0], r[1]), [])), tuple(r[5]), r[3], r[4])
                          for r in rows.get(m[0], []))
            out.append(Table(m[0], m[1], m[2], m[3], m[4], m[5], tuple(m[6]), trows, m[7], tuple(m[8]), m[9],
                             m[10], tuple(m[11])))
        return out


def _clean_decimal(v: Decimal) -> Decimal:
    """1277735.000000 -> 1277735; 5.800000 -> 5.8 (never exponent notation)."""
    if v == v.to_integral_value():
        return v.quantize(Decimal(1))
    return v.normalize()
