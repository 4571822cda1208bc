"""The audit: consistent documents give nothing; each kind of slip is found with the right arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit import audit
from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables
from assistant.types import AuditFinding

from .conftest import DATA, real_corpus


def audit_text(tmp_path: Path, text: str) -> list[AuditFinding]:
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    doc = read(f)
    return audit([doc], extract_tables(doc, segment(doc)))


def test_consistent_fixture_has_no_findings() -> None:
    doc = read(DATA / "plan.txt")
    assert audit([doc], extract_tables(doc, segment(doc))) == []


def test_wrong_total_change_and_percent(tmp_path: Path) -> None:
    text = (DATA / "plan.txt").read_text(encoding="utf-8")
    text = text.replace("Total\t£15,000,000\t£15,381,000\t+£381,000\t+2.5%", "Total\t£15,000,001\t£15,381,000\t+£381,000\t+2.5%")
    text = text.replace("DFG\t£2,000,000\t£2,158,000\t+£158,000\t+7.9%", "DFG\t£2,000,000\t£2,158,000\t+£158,000\t+8.9%")
    text = text.replace("+£580,000\t+5.8%", "+£508,000\t+5.8%")
    findings = audit_text(tmp_path, text)
    kinds = {(f.kind, f.line_start) for f in findings}
    total = next(f for f in findings if f.kind == "total")
    assert total.stated.endswith("£15,000,001") and total.computed == "£15,000,000" and total.difference == "£1"
    assert total.lines == (23, 24, 25, 26)
    assert ("percent", 24) in kinds and ("change", 23) in kinds
    pct = next(f for f in findings if f.kind == "percent")
    assert pct.computed == "+7.90%" and "+8.9%" in pct.stated


def test_rounding_as_shown_is_not_an_error(tmp_path: Path) -> None:
    findings = audit_text(tmp_path, "Item\tA £m\tB £m\tChange %\nX\t1.04\t1.10\t+5.8%\nY\t2.03\t2.00\t-1.5%\n"
                                    "Total\t3.1\t3.1\t0.0%\n")
    assert findings == []


def test_rates_and_restated_figures(tmp_path: Path) -> None:
    findings = audit_text(tmp_path, (
        "1. Targets\n\nThe baseline is 8 patients a month 104 patients a year.\n\n"
        "The service gives 15 discharges a month. This will provide 180 discharges per month.\n"))
    assert {f.stated for f in findings} == {"104 patients a year", "180 discharges per month"}


@pytest.mark.corpus
def test_known_corpus_inconsistencies_are_found() -> None:
    findings = []
    for path in sorted(real_corpus().glob("*.txt")):
        doc = read(path)
        findings.extend(audit([doc], extract_tables(doc, segment(doc))))
    at = {(f.doc[:3], f.line_start, f.kind) for f in findings}
    assert ("000", 114, "total") in at  # 3.1 Budget 18/19 column does not add up
    assert ("000", 141, "restated") in at  # 40,367 hours × £19.40 ≠ £783,129
    assert ("000", 163, "restated") in at  # £10,023,467 in the text vs £10,087,237 in the table
    assert ("001", 550, "total") in at  # £1 slips in both totals
    assert ("003", 224, "restated") in at  # 8 a month is not 104 a year
    assert ("004", 2713, "total") in at  # income less expenditure is not the deficit
    assert len(findings) < 5 * 5, "fewer than five findings per document on average"
    for f in findings:
        assert f.stated and f.computed and f.difference and f.description and f.lines
