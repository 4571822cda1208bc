"""The CLI as a shell: arguments in, one Assistant call, JSON or text out, clean errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.settings import Settings

from .test_ingest import make_pdf


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("ASSISTANT_CORPUS", str(settings.corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    return settings


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_docs_retrieve(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ingest", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["documents"] == 1 and report["chunks"] > 10 and report["tables"] == 3
    code, out, _ = run(capsys, "ingest")
    assert code == 0 and "0 chunks embedded" in out and "1 unchanged" in out
    code, out, _ = run(capsys, "docs", "--json")
    assert [d["name"] for d in json.loads(out)] == ["plan.txt"]
    code, out, _ = run(capsys, "retrieve", "Reablement 19/20 budget", "-k", "3", "--json")
    hits = json.loads(out)["hits"]
    assert code == 0 and len(hits) == 3
    assert set(hits[0]) >= {"doc", "page", "line_start", "line_end", "heading", "score", "text", "match"}
    m = hits[0]["match"]  # the passage that matched, inside the window of lines shown
    assert hits[0]["line_start"] <= m["line_start"] <= m["line_end"] <= hits[0]["line_end"]
    code, out, _ = run(capsys, "retrieve", "Reablement budget", "-k", "2")
    assert code == 0 and "plan.txt" in out and "lines" in out


def test_retrieve_batch_jsonl(env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "ingest")
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "query": "DFG 19/20 allocation"}\n\n{"id": 7, "query": "falls service admissions"}\n')
    code, out, _ = run(capsys, "retrieve", "--jsonl", str(queries), "-k", "2")
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and [x["id"] for x in lines] == ["a", 7]
    for x in lines:
        assert len(x["hits"]) == 2
        assert all(set(h) == {"doc", "page", "line_start", "line_end", "score", "text"} for h in x["hits"])


def test_bad_files_exit_codes(env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "x.pdf").write_bytes(b"junk")
    code, out, err = run(capsys, "ingest", str(bad))
    assert code == 1, "nothing could be indexed from that folder"
    assert "empty.txt" in err and "x.pdf" in err
    make_pdf(bad / "good.pdf", [["The falls service prevented 88 admissions."]])
    code, out, err = run(capsys, "ingest", str(bad))
    assert code == 0 and "x.pdf" in err
    code, out, _ = run(capsys, "docs", "--json")
    names = {d["name"] for d in json.loads(out)}
    assert names == {"good.pdf"}


def test_missing_path_and_missing_index(env: Settings, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "ingest", "/no/such/place")
    assert code == 1 and "/no/such/place" in err and "no such file" in err
    monkeypatch.setenv("ASSISTANT_ON_STALE", "refuse")
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(env.index_dir.parent / "fresh-index"))
    code, _, err = run(capsys, "retrieve", "anything")
    assert code == 2 and "assistant ingest" in err and "Traceback" not in err


def test_tables_table_and_audit(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "ingest")
    code, out, _ = run(capsys, "tables", "--json")
    tables = json.loads(out)
    assert code == 0 and len(tables) == 4
    assert all(set(t) == {"id", "doc", "page", "line_start", "line_end", "caption", "columns", "n_rows"} for t in tables)
    alloc = tables[1]
    code, out, _ = run(capsys, "table", alloc["id"], "--csv")
    lines = out.splitlines()
    assert lines[0] == "line,column 1,18/19 allocation,19/20 allocation,Difference,% change"
    assert lines[2] == "24,DFG,2000000,2158000,158000,7.9"
    code, out, _ = run(capsys, "table", alloc["id"], "--json")
    rows = json.loads(out)["rows"]
    assert rows[-1]["role"] == "total" and rows[-1]["cells"][2]["value"] == 15381000
    code, out, _ = run(capsys, "audit", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(capsys, "table", "t-nope")
    assert code == 2 and "no table" in err


def test_audit_json_fields(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    plan = env.corpus / "plan.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("£15,381,000\t+£381,000", "£15,381,001\t+£381,001"),
                    encoding="utf-8")
    run(capsys, "ingest")
    code, out, _ = run(capsys, "audit", "--json")
    findings = json.loads(out)
    assert code == 0 and findings
    assert all(set(f) == {"doc", "page", "line_start", "line_end", "lines", "kind", "stated", "computed",
                          "difference", "description"} for f in findings)
    assert {f["kind"] for f in findings} <= {"total", "change", "percent", "restated"}


def test_every_named_file_failing_exits_non_zero_even_over_a_built_index(
        env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "ingest")[0] == 0  # an index with a document in it
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    for named in (["missing.pdf"], [str(junk)], ["missing.pdf", str(junk)]):
        code, _, err = run(capsys, "ingest", *named)
        assert code == 1 and all(Path(n).name in err for n in named), named
    good = tmp_path / "good.txt"
    good.write_text("The falls service prevented 88 admissions.\n")
    code, _, err = run(capsys, "ingest", "missing.pdf", str(good))
    assert code == 0 and "missing.pdf" in err, "one file of two was indexed"


def test_a_huge_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    """A 3 GB sparse file: refused with the limit named, and the process never holds it in memory."""
    import os
    import subprocess
    import sys

    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(3 * 1024**3)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text("The budget is £5m.\n")
    # VmHWM is this process's own peak (getrusage's would include the forking pytest's)
    probe = ("import re, sys\nfrom assistant.cli import main\ncode = main(['ingest', sys.argv[1]])\n"
             "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
             "print('PEAK', hwm)\nsys.exit(code)")
    env = {**os.environ, "ASSISTANT_CORPUS": str(corpus), "ASSISTANT_INDEX_DIR": str(tmp_path / "idx"),
           "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", probe, str(big)], capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 1 and "3072.0 MB" in done.stderr and "ingest.max_file_mb" in done.stderr
    peak_kb = int(done.stdout.split("PEAK")[-1])
    assert peak_kb < 1024 * 1024, f"peak memory {peak_kb} kB: the file was read"


@pytest.mark.parametrize("auth", ["s3cret", ":password", "admin:", " :x"])
def test_a_login_setting_that_cannot_be_read_stops_start_up(auth: str, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Never an app open to all because ASSISTANT_AUTH lacked a colon: the CLI and the app both refuse."""
    import os
    import subprocess
    import sys

    from assistant.settings import SettingsError, get_settings

    monkeypatch.setenv("ASSISTANT_AUTH", auth)
    with pytest.raises(SettingsError, match="user:password"):
        get_settings()
    code, _, err = run(capsys, "docs")
    assert code == 2 and "ASSISTANT_AUTH" in err and "Traceback" not in err
    app = Path(__file__).resolve().parent.parent / "app.py"
    done = subprocess.run([sys.executable, str(app)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ASSISTANT_AUTH": auth}, cwd=app.parent)
    assert done.returncode != 0 and "cannot start" in done.stderr and "user:password" in done.stderr


def test_a_well_formed_login_setting_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("ASSISTANT_AUTH", "reviewer:pa:ss")
    assert get_settings().auth == "reviewer:pa:ss"  # the password may hold a colon


def test_a_bad_file_is_remembered_and_does_not_rebuild_the_index_each_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.index import current_build, stale_reasons

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text("Northbridge plan\n\nThe falls service prevented 88 admissions.\n")
    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    code, _, err = run(capsys, "ingest")
    assert code == 0 and "broken.pdf" in err
    s = Settings(corpus=corpus, index_dir=tmp_path / "index")
    assert stale_reasons(s) == [], "a file that failed, unchanged, does not make the index stale"
    build = current_build(s.index_dir)
    code, _, err = run(capsys, "ingest")
    assert code == 0 and "unchanged since it failed" in err and current_build(s.index_dir) == build, "no rebuild"
    code, out, _ = run(capsys, "docs")
    assert "plan.txt" in out and "not indexed:" in out and "broken.pdf" in out
    (corpus / "broken.pdf").write_bytes(b"still not a pdf, but changed")
    assert any("broken.pdf is new" in r for r in stale_reasons(s)), "a changed file is tried again"


def test_ask_over_an_empty_index_folder_says_it_is_indexing_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text("Northbridge plan\n\nThe falls service prevented 88 admissions.\n")
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("ASSISTANT_MIN_CONFIDENCE", "0")
    code, out, err = run(capsys, "ask", "How many admissions did the falls service prevent?")
    assert code == 0 and "No index in" in err and "indexing" in err and "Indexed 1 documents" in err
    assert "88" in out


def test_ask_names_each_source_by_its_title_with_the_file_as_detail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "0a1b2c3d.txt").write_text("Northbridge Better Care Fund Plan 2022-23\n\n"
                                         "The falls service prevented 88 admissions in 2022.\n")
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("ASSISTANT_MIN_CONFIDENCE", "0")
    code, out, _ = run(capsys, "ask", "How many admissions did the falls service prevent in 2022?")
    assert code == 0 and "88" in out
    sources = out.split("Sources:")[1]
    assert "Northbridge Better Care Fund Plan 2022-23 (0a1b2c3d.txt) line 3" in sources
