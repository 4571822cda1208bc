"""The persistent index: incremental updates, atomic writes, staleness, and bad files among good ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import IndexMissingError, StaleIndexError
from assistant.index import load_index, read_manifest, stale_reasons, sync
from assistant.settings import Settings

from .conftest import CountingEmbedder
from .test_ingest import bad_files


def test_build_then_reingest_unchanged_embeds_nothing(settings: Settings, embedder: CountingEmbedder) -> None:
    first = sync(settings, embedder=embedder, progress=False)
    assert first.wrote and first.documents == 1 and first.embedded == first.chunks > 0
    built = embedder.texts
    current = (settings.index_dir / "CURRENT").read_text()
    again = sync(settings, embedder=embedder, progress=False)
    assert again.embedded == 0 and not again.wrote and again.unchanged == 1
    assert embedder.texts == built
    assert (settings.index_dir / "CURRENT").read_text() == current


def test_changed_file_updates_only_its_chunks(settings: Settings, embedder: CountingEmbedder) -> None:
    other = settings.corpus / "other.txt"
    other.write_text("1. Other plan\n\nThe other plan has one paragraph about carers.\n", encoding="utf-8")
    sync(settings, embedder=embedder, progress=False)
    before = {p.id for p in load_index(settings).passages}
    embedder.texts = 0
    plan = settings.corpus / "plan.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n4. Risks\n\nA new risk about workforce.\n", encoding="utf-8")
    report = sync(settings, embedder=embedder, progress=False)
    assert report.changed == 1 and report.unchanged == 1
    after = {p.id for p in load_index(settings).passages}
    new_ids = after - before
    assert embedder.texts == len(new_ids) <= 3  # the new heading's chunk, not the whole document
    index = load_index(settings)
    assert any("workforce" in p.text for p in index.passages)
    assert sum(1 for p in index.passages if p.doc == "other.txt") == sum(
        1 for p in index.passages if p.doc == "other.txt" and p.id in before)


def test_removed_file_is_dropped(settings: Settings, embedder: CountingEmbedder) -> None:
    extra = settings.corpus / "extra.txt"
    extra.write_text("Extra plan text about carers breaks.\n", encoding="utf-8")
    sync(settings, embedder=embedder, progress=False)
    assert "extra.txt" in load_index(settings).docs
    extra.unlink()
    assert any("removed" in r for r in stale_reasons(settings))
    report = sync(settings, embedder=embedder, progress=False)
    assert report.removed == 1
    index = load_index(settings)
    assert index.docs == ["plan.txt"] and all(p.doc == "plan.txt" for p in index.passages)


class ExplodingEmbedder:
    """Fails part-way through embedding, like a crash mid-ingest."""

    name = "all-MiniLM-L6-v2"

    def embed(self, texts: list[str]) -> np.ndarray:
        raise RuntimeError("power cut")


def test_crash_mid_ingest_leaves_previous_index(settings: Settings, embedder: CountingEmbedder) -> None:
    sync(settings, embedder=embedder, progress=False)
    live = (settings.index_dir / "CURRENT").read_text()
    n = len(load_index(settings).passages)
    (settings.corpus / "new.txt").write_text("A new document about reablement.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        sync(settings, embedder=ExplodingEmbedder(), progress=False)
    assert (settings.index_dir / "CURRENT").read_text() == live
    assert not [p for p in settings.index_dir.iterdir() if p.name.endswith(".tmp")]
    s = settings.model_copy(update={"on_stale": "refuse"})
    with pytest.raises(StaleIndexError):
        load_index(s)  # the new file is not silently ignored
    (settings.corpus / "new.txt").unlink()
    assert len(load_index(s).passages) == n


def test_settings_change_is_refused_or_rebuilt(settings: Settings, embedder: CountingEmbedder) -> None:
    sync(settings, embedder=embedder, progress=False)
    changed = settings.model_copy(update={"chunking": settings.chunking.model_copy(update={"max_tokens": 40}),
                                          "on_stale": "refuse"})
    with pytest.raises(StaleIndexError, match="chunking settings"):
        load_index(changed)
    embedder.texts = 0
    report = sync(changed, embedder=embedder, progress=False)
    assert report.rebuilt_because and report.wrote and report.changed == 1
    assert 0 < embedder.texts < report.chunks  # passages that did not change keep their vectors
    assert read_manifest(changed)["pipeline"]["chunking"]["max_tokens"] == 40
    assert stale_reasons(changed) == []


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    s = Settings(corpus=tmp_path / "nothing", index_dir=tmp_path / "idx", on_stale="refuse")
    with pytest.raises(IndexMissingError, match="assistant ingest"):
        load_index(s)


def test_bad_files_are_reported_and_the_rest_indexed(settings: Settings, embedder: CountingEmbedder) -> None:
    bad = bad_files(settings.corpus)
    report = sync(settings, embedder=embedder, progress=False)
    assert report.documents == 1  # plan.txt
    named = " ".join(report.errors)
    for case, (path, _) in bad.items():
        if case == "missing path":
            continue
        assert path.name in named, case
    index = load_index(settings)
    assert index.docs == ["plan.txt"]
    manifest = json.loads((index.path / "manifest.json").read_text())
    assert list(manifest["docs"]) == ["plan.txt"]


def test_empty_corpus_builds_an_empty_index(tmp_path: Path, embedder: CountingEmbedder) -> None:
    s = Settings(corpus=tmp_path / "empty", index_dir=tmp_path / "idx")
    (tmp_path / "empty").mkdir()
    report = sync(s, embedder=embedder, progress=False)
    assert report.documents == 0 and report.wrote
    index = load_index(s)
    assert index.passages == [] and index.dense(np.ones(384, dtype=np.float32), 5) == []
    assert index.keyword("anything", 5) == []


def test_stores_tables_and_lines(fixture_index) -> None:  # type: ignore[no-untyped-def]
    tables = fixture_index.tables()
    data = [t for t in tables if t.kind == "data"]
    assert len(data) == 3
    alloc = data[0]
    assert alloc.columns == ("", "18/19 allocation", "19/20 allocation", "Difference", "% change")
    total = alloc.rows[-1]
    assert total.role == "total" and str(total.cells[2].value) == "15381000"
    lines = fixture_index.store.lines("plan.txt", None, 1, 3)
    assert [ln.no for ln in lines] == [1, 2, 3]


@pytest.mark.corpus
def test_corpus_index_is_consistent(corpus_index) -> None:  # type: ignore[no-untyped-def]
    idx = corpus_index
    assert len(idx.docs) == 5
    assert idx.dense_index.ntotal == len(idx.passages)
    vec = np.load(idx.path / "vectors.npy")
    assert np.allclose(np.linalg.norm(vec, axis=1), 1.0, atol=1e-3)
    assert len({p.id for p in idx.passages}) == len(idx.passages)


def test_copying_an_index_folder_keeps_it_usable(settings: Settings, embedder: CountingEmbedder, tmp_path: Path) -> None:
    sync(settings, embedder=embedder, progress=False)
    moved = tmp_path / "moved"
    shutil.copytree(settings.index_dir, moved)
    s = settings.model_copy(update={"index_dir": moved})
    assert load_index(s).passages == load_index(settings).passages


def test_add_and_remove_a_document_loses_nothing(settings: Settings, fixture_index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from assistant import Assistant, IngestError

    a = Assistant(settings)
    new = tmp_path / "upload" / "carers.md"
    new.parent.mkdir()
    new.write_text("# Carers\n\nThe carers breaks budget for 2019-20 is £472,000, run by Carers Bucks.\n")
    a.add_document(new)
    assert [d["name"] for d in a.documents()] == ["carers.md", "plan.txt"]
    assert "£472,000" in a.ask("What is the carers breaks budget for 2019-20?").text
    bad = tmp_path / "upload" / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    with pytest.raises(IngestError, match="broken.pdf"):
        a.add_document(bad)
    assert not (settings.corpus / "broken.pdf").exists(), "a bad upload is not copied into the corpus"
    a.remove_document("carers.md")
    assert [d["name"] for d in a.documents()] == ["plan.txt"]
    kept = settings.corpus / ".removed" / "carers.md"
    assert kept.read_text().startswith("# Carers"), "a removed document's file is kept, not deleted"
    a.add_document(new)
    a.remove_document("carers.md")
    assert (settings.corpus / ".removed" / "carers.1.md").exists(), "an earlier removal is not overwritten"


def test_a_process_follows_an_index_rebuilt_by_another(tmp_path: Path) -> None:
    """The app holds the index open while the CLI ingests a new document into the same folder (another
    process): the next question is answered from the new build, and the first process's keyword search
    still works on the build it had (no lazy load from a folder that is gone)."""
    import os
    import subprocess
    import sys

    from assistant import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "first.txt").write_text("Northbridge plan\n\nThe Northbridge falls service prevented 88 admissions.\n")
    s = Settings(corpus=corpus, index_dir=tmp_path / "index", min_confidence=0.0)
    app = Assistant(s)
    assert "88" in app.ask("How many admissions did the Northbridge falls service prevent?").text
    held = app.index
    new = tmp_path / "second.txt"
    new.write_text("Southmoor plan\n\nThe Southmoor night team made 412 home visits in 2019.\n")
    env = {**os.environ, "ASSISTANT_CORPUS": str(corpus), "ASSISTANT_INDEX_DIR": str(s.index_dir), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(new)], capture_output=True, text=True,
                          env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert held.keyword("falls admissions", 3), "the build a process holds keeps answering"
    ans = app.ask("How many home visits did the Southmoor night team make in 2019?")
    assert "412" in ans.text and {c.doc for c in ans.citations} == {"second.txt"}
    assert app.index is not held and "second.txt" in app.index.docs
    for i in range(2):  # two more switches: only the current build and the one before it stay on disk
        more = tmp_path / f"more{i}.txt"
        more.write_text(f"Plan {i}\n\nThe team opened {i + 3} clinics.\n")
        done = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(more)], capture_output=True,
                              text=True, env=env, timeout=600)
        assert done.returncode == 0, done.stderr
    builds = [p for p in s.index_dir.iterdir() if p.is_dir() and p.name.startswith("build-")]
    assert len(builds) <= 2


def test_term_statistics_are_built_with_the_index_and_kept_up_to_date(settings: Settings,
                                                                      embedder: CountingEmbedder) -> None:
    """The answerer's term statistics (document frequencies, the documents each term is in, the acronyms
    never written in lower case) are written with each build, match what the answerer would work out
    itself, follow a document added later, and a build without them still answers the same."""
    from assistant import Assistant

    (settings.corpus / "carers.txt").write_text(
        "1. Carers offer\n\nThe Carers Support Hub (CSH) gave 210 breaks in 2021-22.\n\n"
        "Service\t2021-22\t2020-21\nRespite breaks\t210\t180\nCSH advice calls\t1,340\t990\n", encoding="utf-8")
    sync(settings, embedder=embedder, progress=False)
    built = load_index(settings)
    stats = built.term_stats()
    assert stats is not None and (built.path / "terms.json").is_file()
    assert stats["docs"]["respit"] == ["carers.txt"] and "csh" in stats["spelt"]
    fresh = Assistant(settings, index=built)
    (built.path / "terms.json").unlink()  # as a build from before they were written
    worked_out = Assistant(settings, index=load_index(settings))
    for a in (fresh, worked_out):
        ans = a.ask("How many respite breaks were there in 2021-22?")
        assert ans.answered and [f.text for f in ans.figures] == ["210"]
    ours, theirs = fresh.default_answerer, worked_out.default_answerer
    assert ours.term_docs() == theirs.term_docs() and ours.tqa.m.df == theirs.tqa.m.df
    assert ours.acronyms_written("the csh calls") == theirs.acronyms_written("the csh calls") == "the CSH calls"
    (settings.corpus / "meals.txt").write_text("1. Meals\n\nMeals on wheels reached 640 people.\n", encoding="utf-8")
    sync(settings, embedder=embedder, progress=False)
    assert load_index(settings).term_stats()["docs"]["wheel"] == ["meals.txt"]


def test_a_moved_corpus_folder_replaces_the_documents_it_held(settings: Settings, embedder: CountingEmbedder,
                                                               tmp_path: Path) -> None:
    """The corpus folder moved: its files, under the same names, are the documents now, read from where they
    are; the index is not left holding each name twice (which the store refused, and the sync failed)."""
    sync(settings, embedder=embedder, progress=False)
    moved = tmp_path / "moved-corpus"
    shutil.move(settings.corpus, moved)
    plan = moved / "plan.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n4. Risks\n\nA new risk about workforce.\n", encoding="utf-8")
    (moved / "extra.txt").write_text("Extra plan text about carers breaks.\n", encoding="utf-8")
    there = settings.model_copy(update={"corpus": moved})
    report = sync(there, embedder=embedder, progress=False)
    assert report.wrote and not report.errors
    index = load_index(there)
    assert sorted(index.docs) == ["extra.txt", "plan.txt"]
    assert read_manifest(there)["docs"]["plan.txt"]["path"] == str(plan)
    assert any("workforce" in p.text for p in index.passages)
