"""Checking claims: paraphrases stay supported; a changed figure, year or direction is contradicted with the
correct value; what the documents lack is unverifiable; a paragraph becomes its claims, in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.check import claim_numbers, same, split_claims
from assistant.cli import main
from assistant.evaluate import correct_reported
from assistant.index import Index
from assistant.settings import Settings

from .conftest import gold


@pytest.fixture
def assistant(settings: Settings, fixture_index: Index) -> Assistant:
    return Assistant(settings, index=fixture_index)


def one(assistant: Assistant, text: str):  # type: ignore[no-untyped-def]
    checks = assistant.check(text)
    assert len(checks) == 1, [c.text for c in checks]
    return checks[0]


def test_paraphrase_with_the_same_facts_is_supported(assistant: Assistant) -> None:
    for text in ("Delayed transfers of care averaged 46.8 daily delays in 2018-19.",
                 "In 2018-19 the average number of daily delayed transfers was 46.8.",
                 "The DFG allocation for 19/20 is £2.16m."):
        c = one(assistant, text)
        assert c.label == "supported", (text, c.explanation)
        assert c.citations


def test_changed_figure_year_or_direction_is_contradicted(assistant: Assistant) -> None:
    figure = one(assistant, "Delayed transfers of care averaged 56.8 daily delays in 2018-19.")
    assert figure.label == "contradicted" and "46.8" in (figure.correct or "")
    money = one(assistant, "The DFG allocation for 2019/20 is £2,518,000.")
    assert money.label == "contradicted" and "£2,158,000" in (money.correct or "")
    direction = one(assistant, "The iBCF allocation rises between 18/19 and 19/20.")
    assert direction.label == "contradicted" and "falls" in (direction.correct or "")
    year = one(assistant, "Delayed transfers of care averaged 46.8 daily delays in 2016-17.")
    assert year.label == "contradicted" and "2018-19" in (year.correct or "")


def test_absent_facts_are_unverifiable(assistant: Assistant) -> None:
    c = one(assistant, "The council spent £3m on road resurfacing in 2019-20.")
    assert c.label == "unverifiable" and c.correct is None


def test_a_paragraph_of_three_claims_gives_three_results_in_order(assistant: Assistant) -> None:
    text = ("The DFG allocation for 2019/20 is £2,158,000. Delayed transfers of care averaged 56.8 daily delays "
            "in 2018-19. The council spent £3m on road resurfacing.")
    labels = [c.label for c in assistant.check(text)]
    assert labels == ["supported", "contradicted", "unverifiable"]


def test_claim_splitting_and_number_comparison() -> None:
    assert split_claims("The iBCF fell by 11.9% and the DFG rose by 7.9%. Fine.") == [
        "The iBCF fell by 11.9%.", "The DFG rose by 7.9%.", "Fine."]
    quarter = claim_numbers("Around a quarter of beds")[0]
    assert quarter.kind == "percent" and quarter.approx
    assert not same(quarter, claim_numbers("15% of beds")[0])
    assert same(claim_numbers("£1.3m")[0], claim_numbers("£1,277,735")[0])
    assert not same(claim_numbers("£1.5m")[0], claim_numbers("£1,277,735")[0])


def test_check_cli_batch_and_file(settings: Settings, fixture_index: Index, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_CORPUS", str(settings.corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    batch = tmp_path / "claims.jsonl"
    batch.write_text('{"id": 1, "text": "The DFG allocation for 2019/20 is £2,518,000."}\n'
                     '{"id": 2, "text": "The DFG allocation for 2019/20 is £2,158,000. The council spent £3m on roads."}\n')
    assert main(["check", "--jsonl", str(batch)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows[0]["id"] == 1 and rows[0]["label"] == "contradicted" and "label" not in rows[1]
    for claim in rows[0]["claims"] + rows[1]["claims"]:
        assert set(claim) >= {"text", "label", "correct", "citations", "explanation"}
    draft = tmp_path / "draft.md"
    draft.write_text("# Funding\n\nThe DFG allocation for 2019/20 is £2,518,000. Reablement gets £2,341,354 in 19/20.\n")
    report = tmp_path / "report.md"
    assert main(["check", "--file", str(draft), "--out", str(report)]) == 0
    text = report.read_text()
    assert "2 claims" in text and "## 1. Contradicted" in text and "£2,158,000" in text
    assert not any(ch in text for ch in "✅❌❔"), "outcomes in words, not emoji"


@pytest.mark.corpus
def test_dev_claims(corpus_index: Index, corpus_settings: Settings) -> None:
    """Dev claims: supported never labelled contradicted; contradicted ones report the correct value."""
    a = Assistant(corpus_settings, index=corpus_index)
    right = 0
    for item in gold("claim"):
        checks = a.check(item["text"])
        label = checks[0].label
        right += label == item["label"]
        if item["label"] == "supported":
            assert label != "contradicted", item["id"]
        if item["label"] == "contradicted" and label == "contradicted":
            assert correct_reported(item, checks[0].correct), (item["id"], checks[0].correct)
    assert right / len(gold("claim")) >= 0.8
