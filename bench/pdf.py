"""Do answers hold when the documents are PDFs? The same documents rendered as PDFs, asked the same questions.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/pdf.py [--set tatqa|plans] [--half dev|check]
     [--style ruled|plain|both] [--index-root DIR] [--limit N]

`--set tatqa` (default): one half of the tatqa extracts, each question asked of its own extract; `--set plans`:
the five plans, the seeds (`dev.jsonl`) and the new plan questions (`bench/data/plans-new.jsonl`, held out:
only their figures are printed) asked of all five. Each document is rendered with reportlab as an A4 PDF: its lines as
paragraphs, each run of tab-separated lines as a table, in one of two styles (or, with `--style docx`, as a
Word document with Word tables):
- `ruled`: a grid around every cell (what pdfplumber's line finder reads);
- `plain`: no lines at all, columns set apart by white space alone (how most annual reports and many plans
  print their tables).
Then every question is asked as `bench/generalise.py` asks it of the text files, and the figures are printed
beside those of the text files. The PDFs and their indexes are built once
under --index-root (default `index/bench/pdf`, git-ignored). Nothing here reads the check half's items
beyond scoring them: no failures are written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
TATQA = CORPUS.parent / "eval" / "tatqa"


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """('para', [line]) and ('table', [tab-separated lines]) in document order."""
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        kind = "table" if "\t" in line else "para"
        if kind == "para" and not line.strip():
            continue
        if out and out[-1][0] == kind == "table":
            out[-1][1].append(line)
        else:
            out.append((kind, [line]))
    return out


def render(src: Path, dest: Path, style: str) -> None:
    """One text extract as a PDF whose tables are ruled or set apart by white space only."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell_style = styles["BodyText"].clone("cell", fontSize=8, leading=9.5)
    value_style = cell_style.clone("value", alignment=TA_RIGHT)
    story: list[Any] = []
    width = A4[0] - 4 * cm
    for kind, lines in _blocks(src.read_text(encoding="utf-8")):
        if kind == "para":
            for ln in lines:
                story.append(Paragraph(escape(ln.strip()), styles["BodyText"]))
            continue
        rows = [ln.split("\t") for ln in lines]
        n = max(len(r) for r in rows)
        rows = [r + [""] * (n - len(r)) for r in rows]
        label_w = min(0.45 * width, max(0.2 * width, width / n))
        other_w = (width - label_w) / max(1, n - 1)
        # every cell wraps inside its column (text set over a grid line is no table anyone prints)
        data = [[Paragraph(escape(c.strip()), cell_style if j == 0 else value_style) for j, c in enumerate(r)]
                for r in rows]
        t = Table(data, colWidths=[label_w] + [other_w] * (n - 1), repeatRows=0)
        cmds: list[Any] = [("FONTSIZE", (0, 0), (-1, -1), 8), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if style == "ruled":
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        t.setStyle(TableStyle(cmds))
        story += [Spacer(1, 4), t, Spacer(1, 6)]
    SimpleDocTemplate(str(dest), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm).build(story)


def render_docx(src: Path, dest: Path) -> None:
    """One text extract as a Word document: its lines as paragraphs, each table as a Word table."""
    import docx

    d = docx.Document()
    for kind, lines in _blocks(src.read_text(encoding="utf-8")):
        if kind == "para":
            for ln in lines:
                d.add_paragraph(ln.strip())
            continue
        rows = [ln.split("\t") for ln in lines]
        n = max(len(r) for r in rows)
        table = d.add_table(rows=len(rows), cols=n)
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                table.cell(i, j).text = c.strip()
    d.save(str(dest))


def build(style: str, docs: list[Path], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for src in docs:
        dest = out / (src.stem + (".docx" if style == "docx" else ".pdf"))
        if not dest.exists():
            render_docx(src, dest) if style == "docx" else render(src, dest, style)


def _questions(gold: Path, names: set[str]) -> list[dict[str, Any]]:
    items = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [i for i in items if i.get("doc") in names and i.get("kind", "qa") == "qa" and i.get("question")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("tatqa", "plans"), default="tatqa",
                    help="tatqa: one half of the extracts, each question asked of its own extract; plans: the five "
                         "plans, the seeds and the new plan questions asked of all five")
    ap.add_argument("--half", choices=("dev", "check"), default="dev")
    ap.add_argument("--style", choices=("ruled", "plain", "both", "docx"), default="both",
                    help="both: ruled and unruled PDFs; docx: Word documents with Word tables")
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench" / "pdf")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of the half (a quick look)")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = ap.parse_args()
    from assistant import Assistant, Settings
    from assistant.evaluate import evaluate_file, in_half
    from assistant.index import sync

    if args.set == "tatqa":
        if not (TATQA / "gold.jsonl").is_file():
            print(f"needs {TATQA}/gold.jsonl (set ASSISTANT_CORPUS)", file=sys.stderr)
            return 2
        docs = sorted(p for p in (TATQA / "corpus").glob("*.txt") if in_half(p.name, args.half))
        docs = docs[:args.limit] if args.limit else docs
        sets = {f"tatqa {args.half} half": _questions(TATQA / "gold.jsonl", {p.name for p in docs})}
        scope, tag = "doc", args.half + (f"-{args.limit}" if args.limit else "")
    else:
        if not (CORPUS.parent / "eval" / "dev.jsonl").is_file():
            print(f"needs {CORPUS.parent}/eval/dev.jsonl (set ASSISTANT_CORPUS)", file=sys.stderr)
            return 2
        docs = sorted(CORPUS.glob("*.txt"))
        names = {p.name for p in docs}
        sets = {"seeds": _questions(CORPUS.parent / "eval" / "dev.jsonl", names),
                "new plan questions": _questions(ROOT / "bench" / "data" / "plans-new.jsonl", names)}
        scope, tag = "all", "plans"
    styles = ["ruled", "plain"] if args.style == "both" else [args.style]
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for style in ["text", *styles]:
            if style == "text":
                corpus = Path(tmp) / "text"
                corpus.mkdir()
                for p in docs:
                    (corpus / p.name).symlink_to(p)
            else:
                corpus = args.index_root / f"corpus-{style}-{tag}"
                build(style, docs, corpus)
            settings = Settings(corpus=corpus, index_dir=args.index_root / f"index-{style}-{tag}")
            t0 = time.perf_counter()
            sync(settings, progress=False)
            built = time.perf_counter() - t0
            a = Assistant(settings)
            for name, items in sets.items():
                gold = Path(tmp) / f"gold-{style}.jsonl"
                ext = ".docx" if style == "docx" else ".pdf"
                gold.write_text("\n".join(json.dumps(i if style == "text" else {**i, "doc": i["doc"][:-4] + ext})
                                          for i in items), encoding="utf-8")
                rep = evaluate_file(a, str(gold), scope=scope)
                results[f"{name}|{style}"] = {"qa": rep["qa"], "tables": len(a.default_answerer.index.tables()),
                                              "index_seconds": built}
    print(f"{len(docs)} documents; tatqa questions asked of their own extract, plan questions of all five plans")
    print(f"{'set':20} {'form':8} {'type':9} {'n':>5} {'correct':>8} {'answered':>9} {'precision':>10}   tables")
    for key, r in results.items():
        name, style = key.split("|")
        for typ, st in r["qa"].items():
            print(f"{name:20} {style:8} {typ:9} {st['n']:>5} {st['correct']:>8.3f} {st['answered']:>9.3f} "
                  f"{st['precision']:>10.3f}" + (f"   {r['tables']}" if typ == "overall" else ""))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
