"""Checking claims: paraphrases stay supported; a changed figure, year or direction is contradicted with the
correct value; what the documents lack is unverifiable; a paragraph becomes its claims, in order."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.check import claim_numbers, claim_question, same, split_claims
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
    year = one(assistant, "Delayed transfers of care averaged 46.8 daily delays in 2019-20.")
    assert year.label == "contradicted" and "2018-19" in (year.correct or "")


@pytest.mark.parametrize("text", ["Delayed transfers of care averaged 46.8 daily delays in 2015-16.",
                                  "In 2031 the DFG allocation was £2,158,000.",
                                  "The iBCF allocation for 2024/25 is £3,221,362."])
def test_a_year_the_documents_never_mention_is_unverifiable(assistant: Assistant, text: str) -> None:
    c = one(assistant, text)
    assert c.label == "unverifiable" and c.correct is None
    assert "say nothing about 20" in c.explanation


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


# --------------------------------------------------------------------------- claims about a made-up report
# The claim is read into the question it answers and the figure it asserts; the answering core answers the
# question; the figures are compared by code.

REPORT = """Company report extract

Operating results

The following table sets out operating results (in thousands):

\tYear Ended December 31,\t
(In thousands)\t2019\t2018
Net sales\t$8,400\t$7,000
Cost of sales\t5,100\t4,600
Gross profit\t3,300\t2,400
Research and development\t900\t750
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from .conftest import assistant_over

    return assistant_over(tmp_path_factory.mktemp("claims"), "report_000.txt", REPORT, min_confidence=None)


@pytest.mark.parametrize("claim,question,figure", [
    ("Net sales in 2019 were $8,400 thousand.", "What was net sales in 2019?", Decimal(8_400_000)),
    ("According to the report, gross profit in 2019 was 3,300.", "What was gross profit in 2019?", Decimal(3300)),
    ("The report gives 3,300 as the gross profit in 2019.", "What is the gross profit in 2019?", Decimal(3300)),
    ("3,300 was the gross profit in 2019.", "What is the gross profit in 2019?", Decimal(3300)),
    ("Net sales rose by 20% between 2018 and 2019.",
     "What was the percentage change in net sales between 2018 and 2019?", Decimal(20)),
    ("The change in cost of sales from 2018 to 2019 was -500.",
     "What was the change in cost of sales from 2018 to 2019?", Decimal(-500)),
])
def test_a_claim_is_read_into_its_question_and_figure(claim: str, question: str, figure: Decimal) -> None:
    got = claim_question(claim)
    assert got is not None
    assert got[0] == question and got[1].value == figure


@pytest.mark.parametrize("claim", [
    "Net sales in 2019 were $8,400 thousand.",
    "The report gives 3,300 as the gross profit in 2019.",
    "Gross profit rose by 900 between 2018 and 2019.",
    "Net sales increased by 20% from 2018 to 2019.",
    "The average research and development expense in 2018 and 2019 was 825.",
])
def test_figures_the_report_states_or_gives_are_supported(report: Assistant, claim: str) -> None:
    c = report.check(claim)[0]
    assert c.label == "supported", c.explanation
    assert c.citations


@pytest.mark.parametrize("claim,correct", [
    ("Net sales in 2019 were $9,400 thousand.", "8,400"),
    ("According to the report, the research and development expense in 2018 was 950.", "750"),
    ("Net sales increased by 25% from 2018 to 2019.", "20"),
    ("Gross profit fell by 900 between 2018 and 2019.", "900"),
])
def test_another_figure_or_direction_is_contradicted_with_the_right_one(report: Assistant, claim: str,
                                                                        correct: str) -> None:
    c = report.check(claim)[0]
    assert c.label == "contradicted", c.explanation
    assert correct in (c.correct or "") + c.explanation


@pytest.mark.parametrize("claim", [
    "Net sales in 2023 were $8,400 thousand.",
    "Marketing and advertising costs in 2019 were 1,200.",
    "Employee headcount at the end of 2019 was 420.",
])
def test_a_year_or_an_item_the_report_lacks_is_unverifiable(report: Assistant, claim: str) -> None:
    assert report.check(claim)[0].label == "unverifiable"


def test_the_decision_weighs_confidence_and_agreement() -> None:
    from assistant.check import Assessment, Reading, Verdict, decide_claim

    sup = Verdict("supported", "", None, [], [], 1.0, "answer")
    con = Verdict("contradicted", "", "5", [], [], 1.0, "answer")
    fl = {"support": 0.3, "contradict": 0.5, "contradict_agreed": 0.2, "table_alone": 0.0, "sentence_alone": 1.0}
    assert decide_claim(Assessment(set(), Reading(sup, 0.4), None, []), fl) is sup
    assert decide_claim(Assessment(set(), Reading(sup, 0.2), None, []), fl) is None
    assert decide_claim(Assessment(set(), Reading(con, 0.6), None, []), fl) is con
    assert decide_claim(Assessment(set(), Reading(con, 0.4), None, []), fl) is None
    table = Verdict("contradicted", "", "5", [], [], 1.0, "table")
    assert decide_claim(Assessment(set(), Reading(con, 0.3), table, []), fl) is con  # two readings agree
    assert decide_claim(Assessment(set(), None, table, []), fl) is None  # a table alone may not, as fitted
    assert decide_claim(Assessment(set(), Reading(con, 0.9), None, [], in_tables=True), fl) is None
    assert decide_claim(Assessment({2031}, Reading(sup, 0.9), None, []), fl) is None
