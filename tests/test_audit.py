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


BRIDGE = ("Variance to control total – key drivers\n\n"
          "Driver\t£m\n"
          "Control total\t6.5\n"
          "STF not earned\t(5.9)\n"
          "Savings shortfall\t(4.6)\n"
          "Other mitigations\t2.1\n"
          "Forecast outturn at month 9\t(1.9)\n"
          "Escalation costs\t(0.5)\n"
          "Year end adjustments\t0.7\n"
          "STF general distribution\t2.5\n"
          "Outturn\t{outturn}\n")


def test_a_bridge_position_is_the_one_before_plus_the_movements(tmp_path: Path) -> None:
    assert audit_text(tmp_path, BRIDGE.format(outturn="0.8")) == []
    (f,) = audit_text(tmp_path, BRIDGE.format(outturn="0.6"))
    assert f.kind == "total" and f.line_start == 12 and f.lines == (8, 9, 10, 11, 12)
    assert f.stated.endswith("0.6") and f.computed == "£0.8m" and f.difference == "-£0.2m"
    assert "(1.9) − 0.5 + 0.7 + 2.5" in f.description and "Forecast outturn at month 9" in f.description


def test_a_row_that_is_a_constant_times_a_percent_row(tmp_path: Path) -> None:
    header = "Measure\tApr\tMay\tJun\tJul\tAug\tSep\n"
    text = ("Contacts expected as staff are recruited\n\n" + header +
            "Expected contacts\t1660\t3984\t6806\t8300\t{aug}\t10126\n"
            "% staff recruited\t10%\t24%\t41%\t50%\t50%\t61%\n")
    assert audit_text(tmp_path, text.format(aug="8300")) == []
    (f,) = audit_text(tmp_path, text.format(aug="9300"))
    assert f.kind == "restated" and f.stated.endswith("Aug: 9300") and f.computed == "8,300"
    assert "16,600 × 50% = 8,300" in f.description and "5 of its 6 columns" in f.description


def test_a_breakdown_that_does_not_add_up_to_the_group_it_breaks_down(tmp_path: Path) -> None:
    text = ("Participant profile\n\n"
            "The events were attended by 90 people. Of the 90, 60 completed an equality monitoring form.\n\n"
            "- Age:\n\n"
            "Under 65\t25\n"
            "65 - 79\t20\n"
            "80 +\t15\n\n"
            "- Ethnicity\n\n"
            "White British\t50\n"
            "Irish\t{irish}\n"
            "I do not wish to declare\t3\n")
    assert audit_text(tmp_path, text.format(irish="7")) == []
    (f,) = audit_text(tmp_path, text.format(irish="4"))
    assert f.kind == "total" and f.computed == "57" and f.difference == "-3" and 3 in f.lines
    assert "Ethnicity breakdown adds up to 57 (50 + 4 + 3), not the 60 stated on line 3" in f.description
    assert "may be people who did not answer" in f.description


def test_admissions_a_year_against_beds_occupancy_and_length_of_stay(tmp_path: Path) -> None:
    text = ("4. Beds commissioned\n\n- a. We expect that 60 beds would be commissioned.\n\n"
            "5. Utilisation\n\n- a. Average occupancy is 90% and average length of stay is 20 days.\n\n"
            "8. Bed based activity\n\n- a. We could expect {n} admissions in a year.\n")
    assert audit_text(tmp_path, text.format(n="986")) == []  # 60 × 90% × 365 / 20 = 985.5
    (f,) = audit_text(tmp_path, text.format(n="800"))
    assert f.kind == "restated" and f.computed == "986" and f.difference == "-186" and f.lines == (3, 7, 11)
    assert "60 beds at 90% occupancy with an average stay of 20 days admit 986 people a year" in f.description
