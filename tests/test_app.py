"""The Gradio shell: the demo builds, and its handlers render library results."""

from __future__ import annotations

import importlib
import sys

import pytest

from assistant import Assistant
from assistant.index import Index
from assistant.settings import Settings


@pytest.fixture
def app_module(settings: Settings, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ASSISTANT_CORPUS", str(settings.corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    sys.modules.pop("app", None)
    return importlib.import_module("app")


def test_build_demo_with_an_index(app_module, settings: Settings, fixture_index: Index) -> None:  # type: ignore[no-untyped-def]
    import gradio as gr

    demo = app_module.build_demo(Assistant(settings, index=fixture_index))
    assert isinstance(demo, gr.Blocks)
    text = app_module.render_hits(Assistant(settings, index=fixture_index).retrieve("Reablement budget", k=2))
    assert "plan.txt" in text and "lines" in text


def test_empty_corpus_invites_documents(app_module, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = Settings(corpus=tmp_path / "empty-corpus", index_dir=tmp_path / "empty-index")
    text = app_module.documents_markdown(Assistant(s))
    assert "No documents yet" in text and "empty-corpus" in text
