"""A floor under the answerer on questions it was not developed on: the tatqa check half (documents with
an odd number), each question asked of its own extract. The floors sit a little under what bench/
generalise.py measured when they were set (BENCHMARKS.md), so that a change that slides back fails here.
The check half's items are only scored, never read."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.evaluate import evaluate_file
from assistant.index import sync

from .conftest import real_corpus

# measured at the commit that set them (stop 23, doc_share in the confidence model): answered with the
# fitted confidence policy, precision 0.871 and correct 0.676; every answer given (policy off), correct
# 0.737. Fit-to-fit variation of the policy's precision on this half is about 0.02, hence the margin.
# Stop 28 (operands_named, generated questions in the fit): precision 0.862, correct 0.695, raw 0.739
# Stop 33 (rows meeting a condition, whole names said, asking words): precision 0.879, correct 0.719, raw 0.760
# Stop 34 (shares beside amounts, dated columns, totals of sections, rows ranked by how they moved): precision
# 0.882, correct 0.727, raw 0.770
FLOORS = {"policy_precision": 0.85, "policy_correct": 0.71, "raw_correct": 0.75}


@pytest.fixture(scope="module")
def tatqa(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tatqa = real_corpus().parent / "eval" / "tatqa"
    if not (tatqa / "gold.jsonl").is_file():
        pytest.skip(f"needs the tatqa question set beside the corpus ({tatqa})")
    index = tmp_path_factory.mktemp("tatqa-index")
    sync(Settings(corpus=tatqa / "corpus", index_dir=index), progress=False)
    return tatqa, index


@pytest.mark.corpus
@pytest.mark.slow
def test_the_check_half_keeps_its_floor(tatqa: tuple[Path, Path]) -> None:
    folder, index = tatqa
    gold = str(folder / "gold.jsonl")
    policy = evaluate_file(Assistant(Settings(corpus=folder / "corpus", index_dir=index)), gold, half="check",
                           scope="doc")["qa"]["overall"]
    raw = evaluate_file(Assistant(Settings(corpus=folder / "corpus", index_dir=index, min_confidence=0.0)), gold,
                        half="check", scope="doc")["qa"]["overall"]
    assert policy["n"] > 800 and raw["n"] == policy["n"]
    assert policy["precision"] >= FLOORS["policy_precision"], policy
    assert policy["correct"] >= FLOORS["policy_correct"], policy
    assert raw["correct"] >= FLOORS["raw_correct"], raw
    assert policy["untraceable"] == 0 and raw["untraceable"] == 0


def _bench(name: str):  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# measured at the commit that set them (bench/claims.py, seed 7): check half labelled right 0.87, no
# contradicted claim called supported
CLAIM_FLOORS = {"right": 0.84, "contradicted_called_supported": 0.01}


@pytest.mark.corpus
@pytest.mark.slow
def test_generated_claims_on_the_check_half_keep_their_floor(tatqa: tuple[Path, Path]) -> None:
    folder, index = tatqa
    claims_bench = _bench("claims")
    import json

    items = [json.loads(x) for x in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = {p.name: p.read_text(encoding="utf-8") for p in (folder / "corpus").glob("*.txt")}
    claims = [c for c in claims_bench.make_claims(items, texts, 7) if claims_bench._half(c["doc"]) == "check"]
    got = claims_bench.evaluate(Assistant(Settings(corpus=folder / "corpus", index_dir=index)), claims)
    assert got["n"] > 800
    assert got["right"] >= CLAIM_FLOORS["right"], {k: v for k, v in got.items() if k != "rows"}
    assert got["contradicted_called_supported"] <= CLAIM_FLOORS["contradicted_called_supported"]


@pytest.mark.corpus
def test_the_audit_stays_quiet_on_published_tables() -> None:
    """The extracts' tables were published after audit: findings there are nearly all false alarms.
    Measured when set: 3 on the development half (each real), 22 on the check half."""
    from assistant.audit import audit
    from assistant.ingest import read
    from assistant.layout import segment
    from assistant.tables import extract_tables

    folder = real_corpus().parent / "eval" / "tatqa" / "corpus"
    if not folder.is_dir():
        pytest.skip(f"needs the tatqa extracts beside the corpus ({folder})")
    found = {"dev": 0, "check": 0}
    for path in sorted(folder.glob("*.txt")):
        doc = read(path)
        half = "check" if int("".join(ch for ch in path.stem if ch.isdigit())) % 2 else "dev"
        found[half] += len(audit([doc], extract_tables(doc, segment(doc))))
    assert found["dev"] <= 5 and found["check"] <= 25, found


@pytest.mark.corpus
def test_the_bench_gold_files_quote_their_documents() -> None:
    """The question and draft sets written for the bench cite lines that exist, and every figure or phrase
    a right answer to a question must hold is on the lines it cites (computed figures excepted), so that a
    bench figure never rests on a typo in its own gold. (A draft's key figures may be computed shares.)"""
    import json

    from assistant.evaluate import contains

    corpus = real_corpus()
    data = Path(__file__).resolve().parent.parent / "bench" / "data"
    checked = 0
    for name in ("plans-new.jsonl", "drafts-new.jsonl", "plans-fit.jsonl"):
        for raw in (data / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(raw)
            lines = (corpus / item["doc"]).read_text(encoding="utf-8").split("\n")
            # (a question the documents do not answer may cite no line)
            assert item["line"] or item.get("type") == "negative", item["id"]
            assert all(1 <= n <= len(lines) for n in item["line"]), item["id"]
            if item.get("kind") == "draft" or item.get("type") in ("computed", "negative"):
                continue
            text = " ".join(lines[n - 1] for n in item["line"])
            for wanted in item["must_contain"]:
                assert contains(text, wanted), (item["id"], wanted)
                checked += 1
    assert checked > 110


def test_gold_strings_and_answers_compare_in_plain_letters() -> None:
    """A gold string copied with its source's typesetting matches the answer's plain letters, and only them."""
    from assistant.evaluate import contains

    assert contains("It is set out in the Form 10-K filing.", "Form 10\u2010K")
    assert contains("Pre-tax profits rose to £2.3m.", "pre-tax pro\ufb01ts")
    assert contains("Net pro\ufb01t was £2.3m.", "net profit")
    assert not contains("It is set out in the Form 10-Q filing.", "Form 10\u2010K")
