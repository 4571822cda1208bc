"""The `assistant` command: argparse over Assistant. Parses, calls one method, prints text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .api import Assistant
from .draft import Draft
from .errors import AssistantError
from .index import read_manifest
from .settings import SettingsError, get_settings
from .types import Answer, Citation, ClaimCheck, Figure, Hit, Table, to_json

Handler = Callable[[Assistant, argparse.Namespace], int]


def _print_json(obj: Any) -> None:
    print(to_json(obj, indent=1))


def _hit_json(h: Hit, full: bool = True) -> dict[str, Any]:
    p, w = h.passage, h.shown
    d: dict[str, Any] = {"doc": p.doc, "page": p.page, "line_start": w.line_start, "line_end": w.line_end,
                         "score": round(h.score, 6), "text": w.text}
    if full:
        d.update({"heading": list(p.heading), "kind": p.kind, "table_id": p.table_id, "id": p.id,
                  "match": {"line_start": p.line_start, "line_end": p.line_end, "text": p.text}})
    return d


def _read_jsonl(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    src = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with src:
        for n, line in enumerate(src, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise AssistantError(f"{path}:{n}: not valid JSON ({e.msg})") from None
            if not isinstance(obj, dict):
                raise AssistantError(f"{path}:{n}: expected a JSON object per line")
            yield n, obj


# --------------------------------------------------------------------------- commands


def cmd_ingest(a: Assistant, args: argparse.Namespace) -> int:
    report = a.ingest(args.paths or None, progress=not args.json and sys.stderr.isatty())
    if args.json:
        _print_json(report)
    else:
        for e in report.errors:
            print(f"error: {e}", file=sys.stderr)
        if report.rebuilt_because:
            print(report.rebuilt_because, file=sys.stderr)
        print(f"Indexed {report.summary()}")
    could_not = report.documents == 0 and bool(report.errors)
    named = [Path(p) for p in args.paths or [] if not Path(p).is_dir()]
    every_named_failed = bool(named) and len(named) == len(args.paths) and all(
        any(e.startswith((f"{p}:", f"{p.resolve()}:")) for e in report.errors) for p in named)
    return 1 if could_not or every_named_failed else 0


def cmd_docs(a: Assistant, args: argparse.Namespace) -> int:
    docs = a.documents()
    if args.json:
        _print_json(docs)
        return 0
    if not docs:
        print(f"No documents indexed. Put PDF, DOCX, TXT or MD files in {a.settings.corpus}/ and run `assistant ingest`.")
        return 0
    for d in docs:
        where = f"{d['pages']} pages" if d["pages"] else f"{d['lines']} lines"
        print(f"{d['name']}\t{d['title']}\t{d['format']}\t{where}\t{d['chunks']} chunks\t{d['tables']} tables")
    for f in a.failed_documents():
        print(f"not indexed: {f['error']}")
    return 0


def cmd_retrieve(a: Assistant, args: argparse.Namespace) -> int:
    if args.jsonl:
        for _, obj in _read_jsonl(args.jsonl):
            query = obj.get("query")
            if not isinstance(query, str) or not query.strip():
                print(json.dumps({"id": obj.get("id"), "error": "missing 'query'"}))
                continue
            hits = a.retrieve(query, args.k, obj.get("docs") or args.doc)
            print(json.dumps({"id": obj.get("id"), "hits": [_hit_json(h, full=False) for h in hits]},
                             ensure_ascii=False))
        return 0
    if not args.query:
        raise AssistantError("give a query, or --jsonl FILE")
    hits = a.retrieve(args.query, args.k, args.doc)
    if args.json:
        _print_json({"query": args.query, "hits": [_hit_json(h) for h in hits]})
        return 0
    for i, h in enumerate(hits, 1):
        p, w = h.passage, h.shown
        where = f"p.{p.page} " if p.page else ""
        head = " > ".join(p.heading[-2:])
        matched = f", matched {p.line_start}-{p.line_end}" if w is not p else ""
        print(f"[{i}] {p.doc} {where}lines {w.line_start}-{w.line_end} ({p.kind}{matched}, {h.score:.4f}) {head}")
        print("    " + w.text.replace("\n", "\n    ")[:1200])
    return 0


def settings_rows(model: Any = None, prefix: str = "") -> list[tuple[str, str, str]]:
    """(environment variable, current value, description) for every setting, nested ones included."""
    from pydantic import BaseModel

    model = model if model is not None else get_settings()
    rows: list[tuple[str, str, str]] = []
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        env = f"{prefix}{name.upper()}"
        if isinstance(value, BaseModel):
            rows.extend(settings_rows(value, env + "__"))
        else:
            rows.append((f"ASSISTANT_{env}", json.dumps(value, default=str), field.description or ""))
    return rows


def cmd_config(a: Assistant, args: argparse.Namespace) -> int:
    rows = settings_rows(a.settings)
    if args.json:
        _print_json([{"env": e, "value": json.loads(v), "description": d} for e, v, d in rows])
        return 0
    for env, value, desc in rows:
        print(f"{env} = {value}\n    {desc}")
    return 0


def table_summary(t: Table) -> dict[str, Any]:
    return {"id": t.id, "doc": t.doc, "page": t.page, "line_start": t.line_start, "line_end": t.line_end,
            "caption": t.caption, "columns": list(t.columns), "n_rows": t.n_rows}


def cmd_tables(a: Assistant, args: argparse.Namespace) -> int:
    tables = a.tables(args.doc)
    if args.json:
        _print_json([table_summary(t) for t in tables])
        return 0
    for t in tables:
        where = f"p.{t.page} " if t.page else ""
        shape = f"{t.n_rows} rows × {len(t.columns) or len(t.rows[0].cells)} cols"
        kind = "" if t.kind == "data" else f" [{t.kind}]"
        print(f"{t.id}\t{t.doc} {where}lines {t.line_start}-{t.line_end}\t{shape}{kind}\t{t.caption[:70]}")
    return 0


def table_json(t: Table) -> dict[str, Any]:
    d = table_summary(t)
    d["kind"] = t.kind
    d["notes"] = list(t.notes)
    d["rows"] = [{"label": r.label, "group": r.group, "role": r.role, "lines": list(r.lines),
                  "cells": [{"column": t.columns[c.col] if c.col < len(t.columns) else "", "raw": c.raw,
                             "kind": c.kind, "value": c.value, "unit": c.unit, "line": c.line} for c in r.cells]}
                 for r in t.rows]
    return d


def cmd_table(a: Assistant, args: argparse.Namespace) -> int:
    t = a.table(args.id)
    if args.json:
        _print_json(table_json(t))
        return 0
    if args.csv:
        sys.stdout.write(a.table_csv(t.id))
        return 0
    print(f"{t.caption}\n{t.doc}, lines {t.line_start}-{t.line_end}" + (f", page {t.page}" if t.page else ""))
    widths = [max(len(t.columns[i]) if i < len(t.columns) else 0,
                  *(min(40, len(r.cells[i].raw)) for r in t.rows)) for i in range(len(t.rows[0].cells))]
    print(" | ".join((t.columns[i] if i < len(t.columns) else "").ljust(w)[:40] for i, w in enumerate(widths)))
    for r in t.rows:
        print(" | ".join(c.raw[:40].ljust(w) for c, w in zip(r.cells, widths, strict=False)) + ("   <- " + r.role if r.role != "body" else ""))
    for n in t.notes:
        print(f"note: {n}")
    return 0


def cmd_audit(a: Assistant, args: argparse.Namespace) -> int:
    findings = a.audit(args.doc)
    if args.json:
        _print_json([{k: getattr(f, k) for k in ("doc", "page", "line_start", "line_end", "lines", "kind",
                                                 "stated", "computed", "difference", "description")}
                     for f in findings])
        return 0
    if not findings:
        print("No inconsistencies found.")
    for f in findings:
        where = f"p.{f.page} " if f.page else ""
        print(f"{f.doc} {where}line {f.line_start} [{f.kind}] stated {f.stated}; computed {f.computed} "
              f"(difference {f.difference})\n    {f.description}")
    return 0


def citation_json(c: Citation) -> dict[str, Any]:
    return {"doc": c.doc, "page": c.page, "line_start": c.line_start, "line_end": c.line_end, "quote": c.quote}


def figure_json(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "text": f.text, "formula": f.formula,
            "cells": [{"doc": c.doc, "page": c.page, "line": c.line, "table_id": c.table_id, "row": c.row,
                       "column": c.column, "raw": c.raw, "value": c.value} for c in f.cells]}


def answer_json(ans: Answer, id_: Any = None) -> dict[str, Any]:
    d: dict[str, Any] = {} if id_ is None else {"id": id_}
    d.update({"text": ans.text, "answered": ans.answered, "citations": [citation_json(c) for c in ans.citations],
              "figures": [figure_json(f) for f in ans.figures], "mode": ans.mode})
    return d


def print_answer(ans: Answer, title: Callable[[str], str] | None = None) -> None:
    """The answer, then its sources: each document by its title, with the file name as detail."""
    print(ans.text)
    shown = ans.citations or ans.closest
    if shown:
        print("\nSources:" if ans.citations else "\nClosest passages:")
        for i, c in enumerate(shown, 1):
            where = f"p.{c.page} " if c.page else ""
            lines = f"{c.line_start}" if c.line_start == c.line_end else f"{c.line_start}-{c.line_end}"
            name = title(c.doc) if title is not None else c.doc
            doc = f"{name} ({c.doc})" if name and name != c.doc else c.doc
            print(f"  [{i}] {doc} {where}line {lines}: {c.quote.replace(chr(9), ' | ')[:200]}")
    for f in ans.figures:
        print(f"  = {f.formula}")
    for n in ans.notes:
        print(f"  note: {n}")


def print_explanation(why: dict[str, Any]) -> None:
    for key, value in why.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                if isinstance(v, list) and v and k in ("beaten", "cited lines"):
                    print(f"  {k}:")
                    for item in v:
                        print(f"    - {item}")
                else:
                    print(f"  {k}: {v}")
        else:
            print(f"{key}: {value}")


def cmd_ask(a: Assistant, args: argparse.Namespace) -> int:
    if args.jsonl:
        for _, obj in _read_jsonl(args.jsonl):
            question = obj.get("question")
            if not isinstance(question, str) or not question.strip():
                print(json.dumps({"id": obj.get("id"), "error": "missing 'question'"}))
                continue
            ans = a.ask(question, obj.get("history") or None, obj.get("docs") or args.doc)
            print(to_json(answer_json(ans, obj.get("id"))))
            sys.stdout.flush()
        return 0
    if not args.question:
        raise AssistantError("give a question, or --jsonl FILE")
    if args.explain:
        why = a.default_answerer.explain(args.question, a.resolve_docs(args.doc) or None)
        if args.json:
            _print_json(why)
        else:
            print_explanation(why)
        return 0
    ans = a.ask(args.question, None, args.doc)
    if args.json:
        _print_json(answer_json(ans))
    else:
        print_answer(ans, a.index.title)
    return 0


def cmd_eval(a: Assistant, args: argparse.Namespace) -> int:
    from .evaluate import evaluate_file

    report = evaluate_file(a, args.file, half=args.half, scope=args.scope, limit=args.limit)
    if args.json:
        _print_json({k: v for k, v in report.items() if k != "results" and (args.failures or k not in ("wrong",))})
        return 0
    print_eval(report, failures=args.failures)
    return 0


def print_eval(report: dict[str, Any], failures: bool = False) -> None:
    for section, rows in report.items():
        if section in ("results", "wrong", "claims_wrong"):
            continue
        print(f"== {section}")
        for name, st in rows.items():
            bits = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in st.items())
            print(f"  {name}: {bits}")
    if not failures:
        return
    for w in report.get("wrong", []):
        print(f"\nWRONG {w['id']} ({w['type']}): {w['question']}\n  expected: {w['expected']}\n  got:      "
              f"{w['answer'][:300]}\n  missing:  {w['missing']}")
    for r in report.get("results", []):
        if r.get("untraceable"):
            print(f"\nUNTRACEABLE {r['id']}: {r['untraceable']} in {r['answer'][:200]}")
    for w in report.get("claims_wrong", []):
        print(f"\nWRONG {w['id']}: {w['text']}\n  expected: {w['expected']}\n  got: {w['got']}")


def check_json(c: ClaimCheck) -> dict[str, Any]:
    return {"text": c.text, "label": c.label, "correct": c.correct,
            "citations": [citation_json(x) for x in c.citations], "explanation": c.explanation,
            "figures": [figure_json(f) for f in c.figures]}


def cmd_check(a: Assistant, args: argparse.Namespace) -> int:
    if args.jsonl:
        for _, obj in _read_jsonl(args.jsonl):
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                print(json.dumps({"id": obj.get("id"), "error": "missing 'text'"}))
                continue
            checks = a.check(text, obj.get("docs") or args.doc)
            out: dict[str, Any] = {"id": obj.get("id"), "claims": [check_json(c) for c in checks]}
            if len(checks) == 1:
                out["label"] = checks[0].label
            print(to_json(out))
            sys.stdout.flush()
        return 0
    if args.file:
        checks, report = a.check_file(args.file, args.doc)
        if args.out:
            Path(args.out).write_text(report, encoding="utf-8")
            print(f"Checked {len(checks)} claims; report written to {args.out}")
        elif args.json:
            _print_json([check_json(c) for c in checks])
        else:
            print(report)
        return 0
    if not args.text:
        raise AssistantError("give a text to check, --jsonl FILE, or --file DRAFT")
    checks = a.check(args.text, args.doc)
    if args.json:
        out = {"claims": [check_json(c) for c in checks]}
        if len(checks) == 1:
            out["label"] = checks[0].label
        _print_json(out)
        return 0
    from .check import format_checks

    print(format_checks(checks))
    return 0


def draft_json(d: Draft) -> dict[str, Any]:
    return {"text": d.text,
            "sections": [{"heading": sec.heading,
                          "sentences": [{"text": s.text, "citations": [citation_json(c) for c in s.citations],
                                         "figures": [figure_json(f) for f in s.figures]} for s in sec.sentences]}
                         for sec in d.sections],
            "figures": [figure_json(f) for f in d.figures], "gaps": d.gaps}


def cmd_draft(a: Assistant, args: argparse.Namespace) -> int:
    outline = [h.strip() for h in args.outline.split(";") if h.strip()] if args.outline else None
    d = a.draft(args.request, args.doc, outline, args.words)
    if args.out:
        out = Path(args.out)
        if out.suffix.lower() == ".docx":
            from .draft import to_docx

            to_docx(d, str(out))
        elif out.suffix.lower() in (".md", ".markdown", ".txt"):
            out.write_text(d.text, encoding="utf-8")
        else:
            raise AssistantError(f"--out must end in .md or .docx, not '{out.suffix or '(none)'}'")
        print(f"Draft of {d.words} words written to {out}" + (f"; gaps: {'; '.join(d.gaps)}" if d.gaps else ""))
        return 0
    if args.json:
        _print_json(draft_json(d))
    else:
        print(d.text)
    return 0


COMMANDS: dict[str, Handler] = {"ask": cmd_ask, "eval": cmd_eval, "check": cmd_check, "draft": cmd_draft,"ingest": cmd_ingest, "docs": cmd_docs, "retrieve": cmd_retrieve,
                                "config": cmd_config, "tables": cmd_tables, "table": cmd_table, "audit": cmd_audit}


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="assistant", description="Plan documents you can trust with numbers.")
    ap.add_argument("--settings", help="a .json or .toml settings file (environment: ASSISTANT_*)")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="index files and folders (default: the corpus folder)")
    p.add_argument("paths", nargs="*")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("docs", help="list indexed documents")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("ask", help="answer a question with cited passages and computed figures")
    p.add_argument("question", nargs="?")
    p.add_argument("--explain", action="store_true",
                   help="show how the question was read, the table and prose answers found (and what they beat), "
                        "which was chosen and its confidence")
    p.add_argument("--doc", action="append", help="only this document (repeatable)")
    p.add_argument("--jsonl", help="batch: a file of {\"id\", \"question\", \"history\"?} lines ('-' for stdin)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="mark claims supported, contradicted (with the correct value) or unverifiable")
    p.add_argument("text", nargs="?")
    p.add_argument("--doc", action="append", help="only this document (repeatable)")
    p.add_argument("--jsonl", help="batch: a file of {\"id\", \"text\"} lines ('-' for stdin)")
    p.add_argument("--file", help="check every claim in a draft (.md, .txt, .docx, .pdf) and report")
    p.add_argument("--out", help="with --file: write the Markdown report here")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("draft", help="draft a narrative section: cited sentences, key figures, gaps")
    p.add_argument("request")
    p.add_argument("--doc", action="append", help="only this document (repeatable)")
    p.add_argument("--words", type=int, help="length in words (default: from the request, else 200)")
    p.add_argument("--outline", help="section headings separated by ';'")
    p.add_argument("--out", help="write FILE.md or FILE.docx")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("eval", help="score answers (and claim checks) against a gold JSONL file")
    p.add_argument("file")
    p.add_argument("--corpus", help="the folder of documents the gold file is about (default: the setting)")
    p.add_argument("--index", help="the index folder for that corpus (default: the setting)")
    p.add_argument("--half", choices=("dev", "check"),
                   help="only documents with an even (dev) or odd (check) number")
    p.add_argument("--scope", choices=("all", "doc"), default="all",
                   help="ask each question of the whole corpus (all) or of its own document (doc)")
    p.add_argument("--limit", type=int, help="only the first N questions (and claims)")
    p.add_argument("--failures", action="store_true", help="list every wrong answer and untraceable number")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("tables", help="list tables: caption, location, shape")
    p.add_argument("--doc")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("table", help="print or export one table with typed values")
    p.add_argument("id")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true")
    fmt.add_argument("--json", action="store_true")

    p = sub.add_parser("audit", help="totals, changes and figures that do not add up")
    p.add_argument("--doc")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("config", help="every setting: environment variable, current value, description")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("retrieve", help="hybrid retrieval of passages")
    p.add_argument("query", nargs="?")
    p.add_argument("-k", type=int, default=None)
    p.add_argument("--doc", action="append", help="only this document (repeatable)")
    p.add_argument("--jsonl", help="batch: a file of {\"id\", \"query\"} lines ('-' for stdin)")
    p.add_argument("--json", action="store_true")
    return ap


# commands that answer from the index (the others build it, or do not need it)
NEEDS_INDEX = {"ask", "check", "draft", "retrieve", "tables", "table", "audit", "eval"}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings(args.settings)
        overrides = {k: getattr(args, a) for k, a in (("corpus", "corpus"), ("index_dir", "index"))
                     if getattr(args, a, None)}
        if overrides:
            settings = settings.model_copy(update={k: Path(v) for k, v in overrides.items()})
        assistant = Assistant(settings)
        if args.command in NEEDS_INDEX and settings.on_stale == "rebuild" and read_manifest(settings) is None:
            # the first question over an empty index folder: say why it takes a while, and show progress
            print(f"No index in {settings.index_dir}/ yet: indexing {settings.corpus}/ first (a few minutes the "
                  "first time)...", file=sys.stderr)
            report = assistant.ingest(progress=sys.stderr.isatty())
            print(f"Indexed {report.summary()}", file=sys.stderr)
        return COMMANDS[args.command](assistant, args)
    except AssistantError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except (FileNotFoundError, SettingsError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
