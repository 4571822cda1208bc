"""Shared fixtures: real model loaded once, real indexes in temporary folders, the real corpus when set."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from assistant import Assistant
from assistant.embedding import SentenceTransformerEmbedder
from assistant.index import Index, load_index, sync
from assistant.settings import Settings

DATA = Path(__file__).parent / "data"
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's corpus/ or index/: defaults point into tmp_path."""
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.chdir(tmp_path)


class CountingEmbedder:
    """The real embedder, counting what it is asked to embed (to check incremental ingest)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.calls = 0
        self.texts = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.embed(texts)


@pytest.fixture(scope="session")
def st_embedder() -> SentenceTransformerEmbedder:
    emb = SentenceTransformerEmbedder(Settings().embedding)
    emb.embed(["warm up"])
    return emb


@pytest.fixture
def embedder(st_embedder: SentenceTransformerEmbedder) -> CountingEmbedder:
    return CountingEmbedder(st_embedder)


@pytest.fixture
def fixture_corpus(tmp_path: Path) -> Path:
    """A corpus folder holding the hand-made plan (headings, TOC, watermark, tables with repairs)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DATA / "plan.txt", corpus / "plan.txt")
    return corpus


@pytest.fixture
def settings(tmp_path: Path, fixture_corpus: Path) -> Settings:
    # the answerers' mechanisms are tested on what they find: the confidence policy (which withholds answers
    # below a fitted probability) has its own tests in test_general.py
    return Settings(corpus=fixture_corpus, index_dir=tmp_path / "index", min_confidence=0.0)


@pytest.fixture
def fixture_index(settings: Settings, embedder: CountingEmbedder) -> Iterator[Index]:
    sync(settings, embedder=embedder, progress=False)
    index = load_index(settings)
    yield index
    index.close()


def real_corpus() -> Path:
    value = os.environ.get("ASSISTANT_CORPUS")
    if not value or not Path(value).is_dir():
        pytest.skip("needs the real corpus: set ASSISTANT_CORPUS to the folder of plan documents "
                    "(.ci/run sets it to ../shared/corpus)")
    return Path(value)


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(corpus=real_corpus(), index_dir=tmp_path_factory.mktemp("corpus-index"), min_confidence=0.0)


@pytest.fixture(scope="session")
def corpus_index(corpus_settings: Settings, st_embedder: SentenceTransformerEmbedder) -> Iterator[Index]:
    """The real corpus, indexed once per test session with the real model."""
    sync(corpus_settings, embedder=st_embedder, progress=False)
    index = load_index(corpus_settings)
    yield index
    index.close()


def gold(kind: str | None = None) -> list[dict]:
    """Items of the dev gold set (skips when it is not there)."""
    import json

    corpus = real_corpus()
    path = Path(os.environ.get("ASSISTANT_EVAL", corpus.parent / "eval" / "dev.jsonl"))
    if not path.is_file():
        pytest.skip(f"needs the dev gold set at {path}")
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [i for i in items if kind is None or i["kind"] == kind]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(cmd: list[str], ready_url: str, log: Path, name: str, timeout: float = 120,
          **popen: object) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server process until `ready_url` answers 200; stop it afterwards. Its output goes to `log`."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=out, **popen)  # type: ignore[call-overload]
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError(f"{name} did not start within {timeout:g} s")
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def line_starting(text: str, start: str) -> int:
    """The number of the first line of a made-up document that starts with `start` (what a citation names)."""
    return next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith(start))


def assistant_for(corpus: Path, index_dir: Path, min_confidence: float | None = 0.0) -> Assistant:
    """An assistant over a folder of documents the test wrote (real model, real index); the confidence
    policy is off unless `min_confidence` is None (the fitted threshold) or a value."""
    s = Settings(corpus=corpus, index_dir=index_dir, min_confidence=min_confidence)
    sync(s, progress=False)
    return Assistant(s, index=load_index(s))


def assistant_over(tmp_path: Path, name: str, text: str, min_confidence: float | None = 0.0) -> Assistant:
    """An assistant over a corpus of one document written by the test (see `assistant_for`)."""
    return assistant_over_docs(tmp_path, {name: text}, min_confidence)


def assistant_over_docs(tmp_path: Path, docs: dict[str, str], min_confidence: float | None = 0.0) -> Assistant:
    """An assistant over a corpus of the documents written by the test, name -> text (see `assistant_for`)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return assistant_for(corpus, tmp_path / "index", min_confidence)
