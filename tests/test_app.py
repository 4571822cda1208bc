"""The Gradio shell: the demo builds, and its rendering helpers and handlers show library results faithfully.

The browser tests (test_browser.py) drive the same app through chromium; these check the HTML and values
the handlers produce, without a browser.
"""

from __future__ import annotations

import importlib
import sys

import pytest

from assistant import Assistant
from assistant.index import Index
from assistant.settings import Settings


@pytest.fixture
def app_module(settings: Settings, fixture_index: Index, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ASSISTANT_CORPUS", str(settings.corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    sys.modules.pop("app", None)
    return importlib.import_module("app")


@pytest.fixture
def assistant(settings: Settings, fixture_index: Index) -> Assistant:
    return Assistant(settings, index=fixture_index)


def test_build_demo_with_an_index(app_module, assistant: Assistant) -> None:  # type: ignore[no-untyped-def]
    import gradio as gr

    demo = app_module.build_demo(assistant)
    assert isinstance(demo, gr.Blocks)
    ids = {getattr(b, "elem_id", None) for b in demo.blocks.values()}
    assert {"question", "sources", "draft-request", "check-text", "tables-doc", "tables-chart", "docs-upload"} <= ids
    text = app_module.render_hits(assistant.retrieve("Reablement budget", k=2))
    assert "plan.txt" in text and "lines" in text


def test_sources_show_cited_lines_in_context_and_the_computation(app_module, assistant: Assistant) -> None:  # type: ignore[no-untyped-def]
    ans = assistant.ask("What share of the 19/20 total is DFG?")
    html = app_module.render_sources(assistant, ans)
    assert html.startswith("<h4>Sources</h4>")
    assert "<mark>" in html, "cited lines are highlighted"
    assert html.count("<mark>") <= sum(c.line_end - c.line_start + 1 for c in ans.citations)
    assert "Computed:" in html and ans.figures[0].formula.replace("×", "×") in html
    assert "2.1 Allocations" in html, "the section heading of the passage is shown"


def test_abstention_shows_closest_passages(app_module, assistant: Assistant) -> None:  # type: ignore[no-untyped-def]
    ans = assistant.ask("How much did the council spend on road resurfacing in 2019-20?")
    assert not ans.answered and not ans.citations and ans.closest
    html = app_module.render_sources(assistant, ans)
    assert "Closest passages" in html and "don't answer" in html
    assert app_module.chat_text(ans) == ans.text, "no citation markers on an abstention"


def test_check_table_escapes_and_colours_verdicts(app_module, assistant: Assistant) -> None:  # type: ignore[no-untyped-def]
    checks = assistant.check("The DFG allocation for 2019/20 is £2,518,000. <b>Reablement</b> gets £2,341,354 in 19/20.")
    html = app_module.render_checks(checks)
    assert "class='verdict-contradicted'>contradicted" in html and "£2,158,000" in html
    assert "&lt;b&gt;Reablement&lt;/b&gt;" in html and "<b>Reablement</b>" not in html, "claims are escaped"
    assert "plan.txt" in html
    assert "No claims found" in app_module.render_checks([])


def test_tables_tab_handlers(app_module, assistant: Assistant) -> None:  # type: ignore[no-untyped-def]
    table_update, findings = app_module.table_choices(assistant, "plan.txt")
    choices = table_update["choices"]
    assert choices and table_update["value"] == choices[0][1]
    assert all(label.startswith("lines ") for label, _ in choices)
    assert isinstance(findings, str)
    t = assistant.table(table_update["value"])
    info, rows, header = app_module.render_table(t)
    assert "plan.txt, lines" in info and header[1] == "18/19 allocation" and rows[-1][0] == "Total"
    picks = app_module.chart_choices(t)
    assert "Column: 19/20 allocation" in picks and "Row: DFG" in picks
    bar = app_module.chart(t, "Column: 19/20 allocation")
    assert list(bar.data[0].x) == ["Minimum CCG Contribution", "DFG", "iBCF", "Winter Pressures Grant"][: len(bar.data[0].x)]
    assert "Total" not in list(bar.data[0].x), "a total row would dwarf the bars"
    line = app_module.chart(t, "Row: DFG")
    assert 2158000.0 in list(line.data[0].y)
    assert app_module.chart(t, "Column: no such column") is None and app_module.chart(t, None) is None
    assert app_module.table_choices(assistant, "missing.txt")[0]["choices"] == []


def test_refresh_documents_keeps_valid_filters(app_module, assistant: Assistant) -> None:  # type: ignore[no-untyped-def]
    filt, tables_doc = app_module.refresh_documents(assistant, ["plan.txt", "gone.pdf"], "gone.pdf")
    assert [v for _, v in filt["choices"]] == [app_module.ALL, "plan.txt"] and filt["value"] == ["plan.txt"]
    label = dict((v, lab) for lab, v in filt["choices"])["plan.txt"]
    title = assistant.documents()[0]["title"]
    assert title != "plan.txt" and label.startswith(title[:20]) and label.endswith("(plan.txt)"), "titles shown"
    assert tables_doc["value"] == "plan.txt", "a removed document is not left selected"
    filt, _ = app_module.refresh_documents(assistant, ["gone.pdf"], None)
    assert filt["value"] == [app_module.ALL]


def test_empty_corpus_invites_documents(app_module, tmp_path) -> None:  # type: ignore[no-untyped-def]
    s = Settings(corpus=tmp_path / "empty-corpus", index_dir=tmp_path / "empty-index")
    text = app_module.documents_markdown(Assistant(s))
    assert "No documents yet" in text and "empty-corpus" in text


def test_sample_plans_are_shown_only_while_the_corpus_is_empty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.api import sample_settings

    samples = tmp_path / "examples"
    samples.mkdir()
    (samples / "sample.txt").write_text("Sample plan\n\nThe sample budget is £1m.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "README.md").write_text("Put documents here.\n")  # a README alone is not a document
    s = Settings(corpus=corpus, index_dir=tmp_path / "index", samples=samples)
    shown = sample_settings(s)
    assert shown is not None and shown.corpus == samples and shown.index_dir == tmp_path / "index" / "samples"
    assert Assistant(shown).showing_samples and not Assistant(s).showing_samples
    assert sample_settings(s.model_copy(update={"samples": None})) is None
    (corpus / "mine.txt").write_text("My plan\n\nMy budget is £2m.\n")
    assert sample_settings(s) is None, "the user's own documents replace the samples"


def test_a_new_user_sees_samples_and_their_first_upload_replaces_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The app over an empty corpus says it shows sample plans; the first document added goes to the
    user's corpus (the samples are untouched) and from then on the app answers from it."""
    import os
    from pathlib import Path

    import httpx
    from gradio_client import Client, handle_file

    from .conftest import free_port, serve

    samples = tmp_path / "examples"
    samples.mkdir()
    (samples / "sample.txt").write_text("Sample plan\n\nThe sample budget is £1m.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    port = free_port()
    env = {**os.environ, "ASSISTANT_CORPUS": str(corpus), "ASSISTANT_INDEX_DIR": str(tmp_path / "index"),
           "ASSISTANT_SAMPLES": str(samples), "ASSISTANT_PORT": str(port), "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False"}
    url = f"http://127.0.0.1:{port}/"
    root = Path(__file__).resolve().parent.parent
    with serve([sys.executable, str(root / "app.py")], url, tmp_path / "app.log", "the app", cwd=tmp_path, env=env):
        config = httpx.get(url + "config", timeout=30).text
        assert "Showing 1 sample plan**" in config
        mine = tmp_path / "upload" / "mine.txt"
        mine.parent.mkdir()
        mine.write_text("My plan\n\nThe Northbridge falls service prevented 88 admissions.\n")
        msg = Client(url, verbose=False).predict([handle_file(str(mine))], api_name="/add_files")[0]
        assert "replace the sample plans" in msg and "**Added** mine.txt" in msg
    assert (corpus / "mine.txt").is_file() and sorted(p.name for p in samples.iterdir()) == ["sample.txt"]


def test_an_unexpected_failure_is_said_in_words(app_module) -> None:  # type: ignore[no-untyped-def]
    import gradio as gr

    def broken(question: str) -> str:
        raise KeyError("table t-123")

    wrapped = app_module.in_words(broken)
    assert wrapped.__name__ == "broken", "the API name stays"
    with pytest.raises(gr.Error) as err:
        wrapped("What is the budget?")
    assert "KeyError" in str(err.value.message) and "t-123" in str(err.value.message) and "kept" in str(err.value.message)


def test_the_check_tab_names_an_upload_by_its_file_name(app_module, assistant: Assistant, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A draft that cannot be read is reported by its own name, not the server's temporary path."""
    bad = tmp_path / "upload-9f8e7d" / "my draft.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"not a pdf")
    demo = app_module.build_demo(assistant)
    handler = next(d.fn for d in demo.fns.values() if d.concurrency_id == "check")
    html_out, report = handler("", str(bad), [app_module.ALL])
    assert "my draft.pdf" in html_out and str(bad.parent) not in html_out and report is None
