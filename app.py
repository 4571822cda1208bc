"""The Gradio app: a thin shell over Assistant. Run: python app.py (or `make run`)."""

from __future__ import annotations

import gradio as gr

from assistant import Assistant, get_settings
from assistant.types import Hit


def render_hits(hits: list[Hit]) -> str:
    if not hits:
        return "_Nothing found._"
    out = []
    for i, h in enumerate(hits, 1):
        p = h.passage
        where = f"page {p.page}, " if p.page else ""
        out.append(f"**[{i}] {p.doc}** — {where}lines {p.line_start}–{p.line_end} · _{' › '.join(p.heading[-2:])}_\n\n"
                   f"> " + p.text.replace("\n", "\n> "))
    return "\n\n".join(out)


def documents_markdown(assistant: Assistant) -> str:
    docs = assistant.documents()
    if not docs:
        return (f"**No documents yet.** Add PDF, DOCX, TXT or MD files to `{assistant.settings.corpus}/` "
                "and run `make run` (or `assistant ingest`) to index them.")
    rows = ["| Document | Format | Size | Chunks | Tables |", "|---|---|---|---|---|"]
    for d in docs:
        size = f"{d['pages']} pages" if d["pages"] else f"{d['lines']} lines"
        rows.append(f"| {d['name']} | {d['format']} | {size} | {d['chunks']} | {d['tables']} |")
    return "\n".join(rows)


def build_demo(assistant: Assistant) -> gr.Blocks:
    def search(query: str) -> str:
        if not query.strip():
            return "_Type a question._"
        return render_hits(assistant.retrieve(query))

    with gr.Blocks(title="plan-assistant") as demo:
        gr.Markdown("# plan-assistant\nAsk about your plan documents; every passage shows where it came from.")
        with gr.Tab("Search"):
            query = gr.Textbox(label="Question", placeholder="How much DFG went to Wycombe in 2019-20?")
            results = gr.Markdown()
            query.submit(search, query, results)
        with gr.Tab("Documents"):
            gr.Markdown(documents_markdown(assistant))
    return demo


settings = get_settings()
demo = build_demo(Assistant(settings))

if __name__ == "__main__":
    auth = tuple(settings.auth.split(":", 1)) if settings.auth and ":" in settings.auth else None
    demo.queue(default_concurrency_limit=settings.app.concurrency).launch(
        server_name=settings.host, server_port=settings.port, auth=auth)
