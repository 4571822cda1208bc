"""The Gradio app: a thin shell over Assistant. Run: python app.py (or `make run`).

Each tab is one function; each handler turns UI values into one Assistant call and renders the result.
Rendering helpers are plain functions (tested without a browser).
"""

from __future__ import annotations

import functools
import html
import sys
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Assistant, AssistantError, IngestError, get_settings
from assistant.api import sample_settings
from assistant.check import format_checks
from assistant.draft import Draft, to_docx, to_markdown
from assistant.settings import SettingsError
from assistant.text import shorten
from assistant.types import Answer, AuditFinding, Citation, ClaimCheck, Figure, Hit, Table

CSS = """
.src {border-left: 3px solid #5b7bd5; padding: 4px 10px; margin: 8px 0; background: #fafbff}
.src .where {font-size: 0.85em; color: #555}
.src pre {white-space: pre-wrap; margin: 4px 0; font-size: 0.85em}
.src mark {background: #fff2a8}
.verdict-supported {color: #176b2c; font-weight: 600}
.verdict-contradicted {color: #b3261e; font-weight: 600}
.verdict-unverifiable {color: #7a5d00; font-weight: 600}
table.checks td, table.checks th {border: 1px solid #ddd; padding: 4px 8px; vertical-align: top}
#draft-text td:nth-child(2) {white-space: nowrap}  /* a key figure never wraps mid-number */
"""
ALL = "All documents"


# --------------------------------------------------------------------------- rendering


def render_hits(hits: list[Hit]) -> str:
    if not hits:
        return "_Nothing found._"
    out = []
    for i, h in enumerate(hits, 1):
        p = h.passage
        where = f"page {p.page}, " if p.page else ""
        out.append(f"**[{i}] {p.doc}** — {where}lines {p.line_start}–{p.line_end}\n\n> " + p.text.replace("\n", "\n> "))
    return "\n\n".join(out)


def _where(c: Citation) -> str:
    page = f"page {c.page}, " if c.page else ""
    lines = f"line {c.line_start}" if c.line_start == c.line_end else f"lines {c.line_start}–{c.line_end}"
    return f"{c.doc} — {page}{lines}"


def render_sources(assistant: Assistant, ans: Answer | None) -> str:
    """The cited passages of an answer in their context (cited lines highlighted), and its figures."""
    if ans is None:
        return "<p><i>Ask a question: the sources of the answer appear here.</i></p>"
    cites = ans.citations or ans.closest
    title = "Sources" if ans.citations else "Closest passages (the documents don't answer this)"
    parts = [f"<h4>{title}</h4>"]
    for i, c in enumerate(cites, 1):
        heading, lines = assistant.context(c)
        body = "\n".join(
            f"<mark>{n:>4}  {html.escape(t.replace(chr(9), ' | '))}</mark>" if cited else
            f"{n:>4}  {html.escape(t.replace(chr(9), ' | '))}" for n, t, cited in lines)
        section = html.escape(" › ".join(heading[-2:])) if heading else ""
        doc_title = assistant.index.title(c.doc)
        named = f"{shorten(doc_title, 12)}: " if doc_title != c.doc else ""
        parts.append(f"<div class='src'><b>[{i}]</b> <span class='where'>{html.escape(named + _where(c))}"
                      f"{' · ' + section if section else ''}</span><pre>{body}</pre></div>")
    for f in ans.figures:
        parts.append(render_figure(f))
    for n in ans.notes:
        parts.append(f"<p><i>{html.escape(n)}</i></p>")
    return "\n".join(parts)


def render_figure(f: Figure) -> str:
    cells = "".join(f"<li>{html.escape(c.row)} / {html.escape(c.column)}: {html.escape(c.raw)} "
                    f"<span class='where'>({html.escape(c.doc)}, line {c.line})</span></li>" for c in f.cells)
    return (f"<div class='src'><b>Computed: {html.escape(f.text)}</b><br><code>{html.escape(f.formula)}</code>"
            f"<ul>{cells}</ul></div>")


def chat_text(ans: Answer) -> str:
    text = ans.text
    if ans.citations and "[1]" not in text:
        text += " " + "".join(f"[{i}]" for i in range(1, len(ans.citations) + 1))
    return text


def render_checks(checks: list[ClaimCheck]) -> str:
    if not checks:
        return "<p><i>No claims found.</i></p>"
    rows = []
    for i, c in enumerate(checks, 1):
        evidence = "<br>".join(f"{html.escape(_where(x))}: “{html.escape(x.quote.replace(chr(9), ' | ')[:200])}”"
                               for x in c.citations)
        rows.append(f"<tr><td>{i}</td><td>{html.escape(c.text)}</td><td class='verdict-{c.label}'>{c.label}</td>"
                    f"<td>{html.escape(c.correct or '')}</td><td>{html.escape(c.explanation)}<br>{evidence}</td></tr>")
    return ("<table class='checks'><tr><th>#</th><th>Claim</th><th>Verdict</th><th>The documents say</th>"
            f"<th>Evidence</th></tr>{''.join(rows)}</table>")


def render_table(t: Table) -> tuple[str, list[list[str]], list[str]]:
    where = f"{t.doc}, lines {t.line_start}–{t.line_end}" + (f", page {t.page}" if t.page else "")
    header = [c or f"column {i + 1}" for i, c in enumerate(t.columns)] or [f"column {i + 1}" for i in range(len(t.rows[0].cells))]
    rows = [[c.raw for c in r.cells] for r in t.rows]
    notes = "".join(f"\n- {n}" for n in t.notes)
    return f"**{t.caption or '(no caption)'}** — {where} · {t.n_rows} rows{notes}", rows, header


def render_findings(assistant: Assistant, findings: list[AuditFinding]) -> str:
    if not findings:
        return "<p><i>No inconsistencies found in this document.</i></p>"
    out = []
    for f in findings:
        c = Citation("", f.doc, f.page, min(f.lines), max(f.lines), "")
        _, lines = assistant.context(c, around=0)
        shown = "\n".join(html.escape(f"{n:>4}  {t.replace(chr(9), ' | ')}") for n, t, _ in lines if n in f.lines)
        out.append(f"<div class='src'><b>[{f.kind}]</b> line {f.line_start}: stated {html.escape(f.stated)}; computed "
                   f"{html.escape(f.computed)} (difference {html.escape(f.difference)})<br>{html.escape(f.description)}"
                   f"<details><summary>lines {', '.join(map(str, f.lines))}</summary><pre>{shown}</pre></details></div>")
    return "\n".join(out)


def chart(t: Table, pick: str | None):  # type: ignore[no-untyped-def]
    """A bar chart of a column across rows, or a line chart of a row across columns."""
    import plotly.graph_objects as go

    if not pick:
        return None
    kind, _, name = pick.partition(": ")
    fig = go.Figure()
    if kind == "Column":
        col = next((i for i, c in enumerate(t.columns) if c == name), None)
        if col is None:
            return None
        rows = [r for r in t.rows if r.cells[col].value is not None and r.role != "total"]
        fig.add_bar(x=[r.label[:40] for r in rows], y=[float(r.cells[col].value) for r in rows])  # type: ignore[arg-type]
        fig.update_layout(title=f"{name} by row", xaxis_tickangle=-30)
    else:
        row = next((r for r in t.rows if r.label == name), None)
        if row is None:
            return None
        cols = [i for i in range(t.label_cols, len(row.cells)) if row.cells[i].value is not None]
        fig.add_scatter(x=[t.columns[i] or f"column {i + 1}" for i in cols], y=[float(row.cells[i].value) for i in cols],  # type: ignore[arg-type]
                        mode="lines+markers")
        fig.update_layout(title=f"{name} across columns")
    fig.update_layout(height=360, margin=dict(l=40, r=20, t=50, b=80))
    return fig


def chart_choices(t: Table) -> list[str]:
    cols = [f"Column: {c}" for i, c in enumerate(t.columns)
            if c and i >= t.label_cols and sum(r.cells[i].value is not None for r in t.rows) >= 2]
    rows = [f"Row: {r.label}" for r in t.rows if sum(c.value is not None for c in r.cells) >= 2]
    return cols + rows


def documents_rows(assistant: Assistant) -> list[list[Any]]:
    return [[d["title"], d["name"], d["format"], d["pages"] or d["lines"], d["chunks"], d["tables"]]
            for d in assistant.documents()]


def doc_label(d: dict[str, Any]) -> str:
    """A document as readers know it: its title, with the file name as detail."""
    title = shorten(d["title"], 9)
    return d["name"] if title == d["name"] else f"{title} ({d['name']})"


def doc_choices(assistant: Assistant) -> list[tuple[str, str]]:
    """(label, file name) for the document pickers: titles shown, names sent."""
    return [(doc_label(d), d["name"]) for d in assistant.documents()]


def documents_markdown(assistant: Assistant) -> str:
    docs = assistant.documents()
    if assistant.showing_samples:
        plural = "" if len(docs) == 1 else "s"
        return (f"**Showing {len(docs)} sample plan{plural}** (from `{assistant.settings.corpus}/`) so that there is "
                "something to ask about. Add your own documents in the Documents tab, or put them in `corpus/` and "
                "run `make run` again: they replace the samples.")
    if not docs:
        return (f"**No documents yet.** Upload PDF, DOCX, TXT or MD files in the Documents tab, or put them in "
                f"`{assistant.settings.corpus}/` and run `make run` (or `assistant ingest`).")
    return f"{len(docs)} documents indexed."


def _doc_filter(choice: list[str] | None) -> list[str] | None:
    docs = [d for d in (choice or []) if d != ALL]
    return docs or None


# --------------------------------------------------------------------------- tabs


def in_words(fn: Any) -> Any:
    """A handler whose unexpected failure is said in words (a message the user can act on or report), not a
    bare red 'Error'; the inputs are left as they were, so nothing typed is lost."""
    @functools.wraps(fn)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as e:  # noqa: BLE001 (the point: any failure reaches the user as a sentence)
            raise gr.Error(f"Something went wrong: {type(e).__name__}: {html.escape(str(e))}. What you typed is "
                           "kept; try again, and if it happens again report this message.", duration=None) from e
    return wrapped


def ask_tab(assistant: Assistant, doc_names: list[tuple[str, str]]) -> gr.Dropdown:
    answers = gr.State([])
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(label="Ask about your plans", height=480)
            question = gr.Textbox(label="Question", placeholder="How much DFG went to Wycombe in 2019-20?",
                                  elem_id="question")
            with gr.Row():
                send = gr.Button("Ask", variant="primary", elem_id="ask-button")
                clear = gr.Button("New conversation")
            docs = gr.Dropdown([(ALL, ALL), *doc_names], value=[ALL], multiselect=True, label="Documents",
                               allow_custom_value=True, elem_id="ask-docs")
        with gr.Column(scale=2):
            which = gr.Dropdown([], label="Sources of answer", interactive=True)
            sources = gr.HTML(render_sources(assistant, None), elem_id="sources")

    def respond(message: str, history: list[dict[str, str]], turns: list[Answer], choice: list[str]):  # type: ignore[no-untyped-def]
        if not message.strip():
            return history, turns, gr.update(), gr.update(), ""
        try:
            ans = assistant.ask(message, turns or None, _doc_filter(choice))
        except AssistantError as e:  # said in words; the question stays in the box to be shortened or fixed
            history = history + [{"role": "user", "content": message},
                                 {"role": "assistant", "content": f"**Could not answer:** {e}"}]
            return history, turns, gr.update(), gr.update(), gr.update()
        turns = turns + [ans]
        history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": chat_text(ans)}]
        labels = [f"{i}. {t.question[:60]}" for i, t in enumerate(turns, 1)]
        return history, turns, render_sources(assistant, ans), gr.update(choices=labels, value=labels[-1]), ""

    def show(label: str | None, turns: list[Answer]) -> str:
        if not label or not turns:
            return render_sources(assistant, None)
        i = int(label.split(".", 1)[0]) - 1
        return render_sources(assistant, turns[i]) if 0 <= i < len(turns) else render_sources(assistant, None)

    outputs = [chat, answers, sources, which, question]
    send.click(in_words(respond), [question, chat, answers, docs], outputs)
    question.submit(in_words(respond), [question, chat, answers, docs], outputs)
    which.change(show, [which, answers], sources)
    clear.click(lambda: ([], [], render_sources(assistant, None), gr.update(choices=[], value=None)), None,
                [chat, answers, sources, which])
    return docs


def draft_tab(assistant: Assistant, doc_names: list[tuple[str, str]]) -> gr.Dropdown:
    with gr.Row():
        with gr.Column(scale=2):
            request = gr.Textbox(label="What should I draft?", lines=3, elem_id="draft-request",
                                 placeholder="Draft a 200-word summary of the 2019-20 funding allocations")
            outline = gr.Textbox(label="Outline (optional): headings separated by ';'")
            words = gr.Number(0, label="Length in words (0: as the request says, else about 200)", precision=0, minimum=0)
            docs = gr.Dropdown([(ALL, ALL), *doc_names], value=[ALL], multiselect=True, label="Documents",
                               allow_custom_value=True)
            go_btn = gr.Button("Draft", variant="primary", elem_id="draft-button")
        with gr.Column(scale=3):
            # downloads first and only once there is a draft: empty file boxes look like places to upload
            with gr.Row():
                md_file = gr.File(label="Download: Markdown", elem_id="draft-md", interactive=False, visible=False)
                docx_file = gr.File(label="Download: Word", elem_id="draft-docx", interactive=False, visible=False)
            text = gr.Markdown(elem_id="draft-text")

    def run(req: str, out: str, n: float | None, choice: list[str], progress=gr.Progress()):  # type: ignore[no-untyped-def]  # noqa: B008 (Gradio injects progress this way)
        hidden = gr.update(value=None, visible=False)
        if not req.strip():
            return "Say what to draft.", hidden, hidden
        progress(0.2, desc="Finding passages and tables")
        heads = [h.strip() for h in (out or "").split(";") if h.strip()] or None
        try:
            d: Draft = assistant.draft(req, _doc_filter(choice), heads, int(n) if n else None)
        except AssistantError as e:
            return f"**Could not draft:** {e}", hidden, hidden
        progress(0.8, desc="Writing files")
        folder = Path(tempfile.mkdtemp(prefix="draft-"))
        md_path, docx_path = folder / "draft.md", folder / "draft.docx"
        md_path.write_text(d.text, encoding="utf-8")
        to_docx(d, str(docx_path))
        return (to_markdown(d, footnotes=False), gr.update(value=str(md_path), visible=True),
                gr.update(value=str(docx_path), visible=True))

    # drafts and checks queue apart from questions: a long one never holds up someone's question
    go_btn.click(in_words(run), [request, outline, words, docs], [text, md_file, docx_file], concurrency_id="draft",
                 concurrency_limit=1)
    return docs


def check_tab(assistant: Assistant, doc_names: list[tuple[str, str]]) -> gr.Dropdown:
    with gr.Row():
        with gr.Column(scale=2):
            claims = gr.Textbox(label="Claims or a paragraph to check", lines=6, elem_id="check-text",
                                placeholder="The iBCF fell by 11.9% in 2019-20. Wycombe received £1.3m of DFG.")
            upload = gr.File(label="…or upload a draft (.md, .txt, .docx, .pdf)", file_types=[".md", ".txt", ".docx", ".pdf"])
            docs = gr.Dropdown([(ALL, ALL), *doc_names], value=[ALL], multiselect=True, label="Documents",
                               allow_custom_value=True)
            go_btn = gr.Button("Check", variant="primary", elem_id="check-button")
        with gr.Column(scale=3):
            result = gr.HTML(elem_id="check-result")
            report = gr.File(label="Report (Markdown)")

    def run(text: str, file: str | None, choice: list[str]):  # type: ignore[no-untyped-def]
        try:
            if file:
                checks, md = assistant.check_file(file, _doc_filter(choice))
            elif text.strip():
                checks = assistant.check(text, _doc_filter(choice))
                md = format_checks(checks)
            else:
                return "<p>Paste claims or upload a draft.</p>", None
        except AssistantError as e:
            said = str(e)
            if file:  # the upload's name, never the server's temporary path
                said = said.replace(str(file), Path(file).name).replace(str(Path(file).parent) + "/", "")
            return f"<p class='verdict-contradicted'>{html.escape(said)}</p>", None
        path = Path(tempfile.mkdtemp(prefix="check-")) / "check-report.md"
        path.write_text(md, encoding="utf-8")
        return render_checks(checks), str(path)

    go_btn.click(in_words(run), [claims, upload, docs], [result, report], concurrency_id="check",
                 concurrency_limit=1)
    return docs


def tables_tab(assistant: Assistant, doc_names: list[tuple[str, str]]) -> gr.Dropdown:
    with gr.Row():
        doc = gr.Dropdown(doc_names, value=None, label="Document", elem_id="tables-doc", allow_custom_value=True)
        table = gr.Dropdown([], label="Table", elem_id="tables-table")
    info = gr.Markdown(elem_id="tables-info")
    grid = gr.Dataframe(interactive=False, wrap=True, elem_id="tables-grid")
    with gr.Row():
        csv_file = gr.File(label="CSV", elem_id="tables-csv")
        pick = gr.Dropdown([], label="Chart a column or a row", elem_id="tables-chart-pick")
    plot = gr.Plot(label="Chart", elem_id="tables-chart")
    gr.Markdown("### Audit: figures in this document that do not add up")
    findings = gr.HTML(elem_id="tables-audit")

    def choose_table(table_id: str | None):  # type: ignore[no-untyped-def]
        if not table_id:
            return "", None, None, gr.update(choices=[], value=None), None
        try:
            t = assistant.table(table_id)
        except AssistantError as e:
            return f"**Could not show the table:** {e}", None, None, gr.update(choices=[], value=None), None
        text, rows, header = render_table(t)
        path = Path(tempfile.mkdtemp(prefix="table-")) / f"{table_id}.csv"
        path.write_text(assistant.table_csv(table_id), encoding="utf-8")
        choices = chart_choices(t)
        first = choices[0] if choices else None
        return text, gr.update(value=rows, headers=header), str(path), gr.update(choices=choices, value=first), chart(t, first)

    def redraw(table_id: str | None, p: str | None):  # type: ignore[no-untyped-def]
        try:
            return chart(assistant.table(table_id), p) if table_id else None
        except AssistantError:
            return None

    doc.change(lambda name: table_choices(assistant, name), doc, [table, findings])
    table.change(in_words(choose_table), table, [info, grid, csv_file, pick, plot])
    pick.change(redraw, [table, pick], plot)
    return doc


def table_choices(assistant: Assistant, name: str | None):  # type: ignore[no-untyped-def]
    """The Table dropdown and the audit findings for a chosen document."""
    if not name or name not in {d["name"] for d in assistant.documents()}:
        return gr.update(choices=[], value=None), ""
    tables = [t for t in assistant.tables(name) if t.kind != "contents"]
    choices = [(f"lines {t.line_start}–{t.line_end}: {t.caption[:60] or '(no caption)'}", t.id) for t in tables]
    return gr.update(choices=choices, value=choices[0][1] if choices else None), render_findings(
        assistant, assistant.audit(name))


def documents_tab(assistant: Assistant) -> tuple[Any, Any, list[Any]]:
    """Returns the add and remove events and their outputs, so other tabs' document lists follow changes."""
    status = gr.Markdown(documents_markdown(assistant), elem_id="docs-status")
    listing = gr.Dataframe(documents_rows(assistant), headers=["Title", "File", "Format", "Pages or lines", "Chunks", "Tables"],
                           interactive=False, elem_id="docs-list")
    upload = gr.File(label="Add documents (PDF, DOCX, TXT, MD)", file_count="multiple", elem_id="docs-upload")
    add = gr.Button("Add and index", variant="primary", elem_id="docs-add")
    with gr.Row():
        remove_pick = gr.Dropdown(doc_choices(assistant), value=None, label="Remove a document",
                                  allow_custom_value=True,
                                  elem_id="docs-remove-pick")
        remove = gr.Button("Remove", elem_id="docs-remove")

    def add_files(files: list[str] | None, progress=gr.Progress()):  # type: ignore[no-untyped-def]  # noqa: B008 (Gradio injects progress this way)
        if not files:
            return "Choose files to add.", gr.update(), gr.update(), gr.update()
        limit = assistant.settings.app.max_upload_mb
        messages = []
        if assistant.showing_samples:  # the user's first document: from now on their corpus, not the samples
            own = get_settings()
            assistant.use_settings(own)
            messages.append(f"Your own documents now replace the sample plans (kept in `{own.corpus}/`).")
        for i, f in enumerate(files):
            progress((i + 0.1) / len(files), desc=f"Indexing {Path(f).name}")
            path = Path(f)
            if path.stat().st_size > limit * 1024 * 1024:
                messages.append(f"**Not added** {path.name}: larger than {limit:g} MB")
                continue
            try:
                report = assistant.add_document(path, name=path.name)
                said = "; ".join(report.notes)
                messages.append(f"**Added** {report.stored_as}" + (f" ({said})" if said else "") + ": indexed")
            except IngestError as e:
                messages.append(f"**Not added** {path.name}: {e.reason}; nothing was changed")
            except AssistantError as e:
                messages.append(f"**Not added** {path.name}: {e}; nothing was changed")
        # the upload box is emptied: the next 'Add' does not send these files again
        return "\n\n".join(messages), documents_rows(assistant), gr.update(choices=doc_choices(assistant)), None

    def remove_doc(name: str | None):  # type: ignore[no-untyped-def]
        if not name:
            return "Choose a document to remove.", gr.update(), gr.update()
        try:
            assistant.remove_document(name)
            msg = f"Removed {name}."
        except AssistantError as e:
            msg = f"**Not removed**: {e}"
        return msg, documents_rows(assistant), gr.update(choices=doc_choices(assistant), value=None)

    added = add.click(in_words(add_files), upload, [status, listing, remove_pick, upload])
    removed = remove.click(in_words(remove_doc), remove_pick, [status, listing, remove_pick])
    return added, removed, [status, listing, remove_pick]


def refresh_documents(assistant: Assistant, filters: list[str] | None, current: str | None):  # type: ignore[no-untyped-def]
    """Document choices for the filters (kept where still indexed) and the Tables tab, after the corpus changed."""
    choices = doc_choices(assistant)
    names = [n for _, n in choices]
    kept = [d for d in (filters or []) if d in names or d == ALL] or [ALL]
    return (gr.update(choices=[(ALL, ALL), *choices], value=kept),
            gr.update(choices=choices, value=current if current in names else (names[0] if names else None)))


def build_demo(assistant: Assistant) -> gr.Blocks:
    names = doc_choices(assistant)
    with gr.Blocks(title="plan-assistant") as demo:
        gr.Markdown("# plan-assistant\nEvery number is quoted from a cited source or computed from table cells, "
                    "with the formula shown. When the documents don't say, it says so.")
        if not names or assistant.showing_samples:
            gr.Markdown(documents_markdown(assistant), elem_id="docs-banner")
        with gr.Tab("Ask", id="ask"):
            filters = [ask_tab(assistant, names)]
        with gr.Tab("Draft", id="draft"):
            filters.append(draft_tab(assistant, names))
        with gr.Tab("Check", id="check"):
            filters.append(check_tab(assistant, names))
        with gr.Tab("Tables", id="tables"):
            table_doc = tables_tab(assistant, names)
        with gr.Tab("Documents", id="documents"):
            added, removed, docs_outputs = documents_tab(assistant)
        for f in filters:
            for event in (added, removed):
                event.then(lambda v: refresh_documents(assistant, v, None)[0], f, f)
        for event in (added, removed):
            event.then(lambda cur: refresh_documents(assistant, None, cur)[1], table_doc, table_doc)
        # Every page load shows the documents indexed now (another tab, the CLI or a removal may have
        # changed them since start-up); the Tables tab opens on the first one (its tables and audit with it).
        def on_load():  # type: ignore[no-untyped-def]
            filter_update, table_update = refresh_documents(assistant, None, None)
            return (*([filter_update] * len(filters)), table_update, documents_markdown(assistant),
                    documents_rows(assistant), gr.update(choices=doc_choices(assistant), value=None))

        demo.load(on_load, None, [*filters, table_doc, *docs_outputs])
    return demo


def launch(demo: gr.Blocks, assistant: Assistant, **overrides: Any) -> None:
    s = assistant.settings
    auth = tuple(s.auth.split(":", 1)) if s.auth else None  # a malformed setting never gets here (settings.py)
    options: dict[str, Any] = {"server_name": s.host, "server_port": s.port, "auth": auth, "css": CSS,
                               "max_file_size": f"{s.app.max_upload_mb:g}mb", **overrides}
    demo.queue(default_concurrency_limit=s.app.concurrency).launch(**options)


try:
    SETTINGS = get_settings()
except SettingsError as e:  # e.g. a login setting that cannot be read: never start without it
    raise SystemExit(f"plan-assistant cannot start: {e}") from None
SAMPLES = sample_settings(SETTINGS)  # a new user's empty corpus: show the sample plans until they add their own
if SAMPLES is not None:
    print(f"{SETTINGS.corpus}/ has no documents yet: showing the sample plans in {SAMPLES.corpus}/ "
          f"(indexed in {SAMPLES.index_dir}/; the first time takes about a minute)", file=sys.stderr)
assistant = Assistant(SAMPLES or SETTINGS)
if SAMPLES is not None:
    assistant.ingest(progress=sys.stderr.isatty())
demo = build_demo(assistant)

if __name__ == "__main__":
    launch(demo, assistant)
