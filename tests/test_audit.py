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
    # five figures shown to 0.1 may be out by 0.25 through their rounding alone: 0.6 is not reported, 0.4 is
    assert audit_text(tmp_path, BRIDGE.format(outturn="0.6")) == []
    (f,) = audit_text(tmp_path, BRIDGE.format(outturn="0.4"))
    assert f.kind == "total" and f.line_start == 12 and f.lines == (8, 9, 10, 11, 12)
    assert f.stated.endswith("0.4") and f.computed == "£0.8m" and f.difference == "-£0.4m"
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


# --------------------------------------------------------------------------- audit on documents it never saw
# Made-up report tables in the layouts published accounts use; each passes as published and fails with one
# planted slip, which is found against the figures it is about.

_NEWEST_FIRST = ("Segment revenue\n\n(in millions)\t2021\t2020\tChange\t% Change\n"
                 "North\t$1,250\t$1,000\t$250\t25.0%\nSouth\t800\t900\t(100)\t(11.1)%\n"
                 "Total\t$2,050\t$1,900\t$150\t7.9%\n")


@pytest.mark.parametrize("text", [
    _NEWEST_FIRST,
    _NEWEST_FIRST.replace("2021\t2020", "FY21\tFY20"),
    _NEWEST_FIRST.replace("2021\t2020", "Fiscal 2021\tFiscal 2020"),
    _NEWEST_FIRST.replace("(in millions)\t2021\t2020", "\tDecember 31, 2021\tDecember 31, 2020"),
])
def test_newest_first_columns_are_ordered_by_their_headers(tmp_path: Path, text: str) -> None:
    assert audit_text(tmp_path, text) == []


def test_a_wrong_change_in_a_newest_first_table_names_the_right_figures(tmp_path: Path) -> None:
    findings = audit_text(tmp_path, _NEWEST_FIRST.replace("$250\t25.0%", "$205\t25.0%"))
    # the slip, and the Change column's total that no longer adds up because of it
    assert sorted((f.kind, f.line_start) for f in findings) == [("change", 4), ("total", 6)]
    f = next(f for f in findings if f.kind == "change")
    # in the millions the table states
    assert f.computed == "$250m" and "$1,250" in f.description and "$1,000" in f.description


def test_changes_between_interleaved_years(tmp_path: Path) -> None:
    text = ("Support revenue\n\n(In thousands)\t2021\tChange\t2020\tChange\t2019\n"
            "Americas\t$700\t$50\t$650\t$150\t$500\nEurope\t400\t(20)\t420\t20\t400\n")
    assert audit_text(tmp_path, text) == []
    findings = audit_text(tmp_path, text.replace("420\t20\t400", "420\t30\t400"))
    assert [(f.kind, f.line_start, f.computed) for f in findings] == [("change", 5, "$20k")]


def test_variance_stated_as_favourable_or_unfavourable(tmp_path: Path) -> None:
    text = ("Capital expenditures\n\n\t2021\t2020\t$ CHANGE\t% CHANGE\n"
            "Wireless\t697\t664\t(33)\t(5.0%)\nWireline\t3,183\t3,193\t10\t0.3%\nMedia\t108\t114\t6\t5.3%\n")
    assert audit_text(tmp_path, text) == []


def test_a_change_on_another_basis_is_not_recomputed(tmp_path: Path) -> None:
    text = ("Results\n\n\tF21\tF20\tCHANGE\tCHANGE NORMALISED\n"
            "Sales\t6,712\t6,433\t4.3%\t2.4%\nEBIT\t296\t284\t4.2%\t1.0%\nFunds employed\t3,210\t2,998\t7.1%\t\n")
    assert audit_text(tmp_path, text) == []


def test_points_and_basis_points(tmp_path: Path) -> None:
    text = ("Margins\n\n\t2021\t2020\tCHANGE\nGross margin (%)\t24.4\t24.2\t18 bps\n"
            "Capital intensity\t7.6%\t7.5%\t0.1 pts\nEBIT to sales (%)\t4.4\t4.4\t(2) bps\n")
    assert audit_text(tmp_path, text) == []


def test_percent_change_from_a_negative_base(tmp_path: Path) -> None:
    text = ("Affiliates\n\n(in thousands of $)\t2021\t2020\tChange\t% Change\n"
            "Share of earnings\t(20,050)\t7,001\t(27,051)\t(386)%\nTotal\t(22,565)\t(138,677)\t116,112\t(84)%\n")
    assert audit_text(tmp_path, text) == []


def test_a_year_with_its_unit_is_a_header_not_a_value(tmp_path: Path) -> None:
    text = ("Discontinued operations\n\n\tYear Ended December 31,\t\t\t2021 %\t2020 %\n"
            "(In thousands)\t2021\t2020\t2019\tChange from 2020\tChange from 2019\n"
            "Loss from discontinued operations\t$ 0\t$(72,836)\t$(11,915)\t(100.0%)\tNM\n"
            "Gain on sale\t$ 0\t500,471\t0\t(100.0%)\tNM\n")
    assert audit_text(tmp_path, text) == []


def test_a_bridge_with_a_net_line_of_its_movements(tmp_path: Path) -> None:
    text = ("Reserve movements\n\n\tPension\tTotal\nBalance at 31 March 2020\t$(5.3)\t$(14.4)\n"
            "Loss before reclassifications\t(5.6)\t(19.2)\nAmounts reclassified\t0.8\t16.0\n"
            "Net other comprehensive loss\t(4.8)\t(3.2)\nBalance at 31 March 2021\t$(10.1)\t$(17.6)\n")
    assert audit_text(tmp_path, text) == []
    findings = audit_text(tmp_path, text.replace("$(10.1)", "$(11.1)"))
    assert [(f.kind, f.computed) for f in findings] == [("total", "-$10.1")]


def test_a_total_that_its_rows_do_not_sum_to_is_not_their_total(tmp_path: Path) -> None:
    text = ("Selected data\n\n\tFiscal 2021\tFiscal 2020\nCash\t$620,000\t$600,000\nWorking capital\t150,000\t100,000\n"
            "Total assets\t839,882\t728,222\n")
    assert audit_text(tmp_path, text) == []


def test_rounded_thousands_may_be_out_by_their_rounding(tmp_path: Path) -> None:
    rows = "".join(f"Product {i}\t{1000 + i}\t{900 + i}\n" for i in range(8))
    ok = audit_text(tmp_path, f"Sales\n\n\t2021\t2020\n\tUS$’000\tUS$’000\n{rows}Total\t8,029\t7,227\n")
    assert ok == []  # the 2021 total is one more than its rows: rounding in thousands
    bad = audit_text(tmp_path, f"Sales\n\n\t2021\t2020\n\tUS$’000\tUS$’000\n{rows}Total\t8,058\t7,228\n")
    assert [(f.kind, f.difference) for f in bad] == [("total", "$30")]
    # nine figures each rounded on its own may be out by 4.5 between them (the worst case), never more
    assert audit_text(tmp_path, f"Sales\n\n\t2021\t2020\n\t$’000\t$’000\n{rows}Total\t8,032\t7,228\n") == []
    bad = audit_text(tmp_path, f"Sales\n\n\t2021\t2020\n\t$’000\t$’000\n{rows}Total\t8,033\t7,228\n")
    assert [(f.kind, f.difference) for f in bad] == [("total", "$5")]


_UNIT_ROW = ("Trade and other payables\n\n\t2021\t2020\tChange\n\t$'000\t$'000\t\n"
             "Trade payables\t3,500\t4,200\t(700)\nAccruals\t6,700\t2,700\t4,000\nTotal\t10,200\t6,900\t3,300\n")


@pytest.mark.parametrize("unit", ["$'000", "£m", "$ million", "(in thousands)"])
def test_a_change_column_without_a_unit_is_in_the_units_of_the_columns_it_compares(tmp_path: Path, unit: str) -> None:
    text = _UNIT_ROW.replace("$'000", unit)
    assert audit_text(tmp_path, text) == []
    findings = audit_text(tmp_path, text.replace("2,700\t4,000", "2,700\t4,400"))
    change = [f for f in findings if f.kind == "change"]
    assert [(f.line_start, f.stated.rsplit(": ", 1)[-1]) for f in change] == [(6, "4,400")]
    assert "4,000" in change[0].computed


@pytest.mark.parametrize("header", ["Change\t2021\t2020", "% Change\t2021\t2020", "Change\t2020\t2021"])
def test_a_change_column_before_the_years_it_compares(tmp_path: Path, header: str) -> None:
    percent = header.startswith("%")
    rows = [("North", "25.0%" if percent else "250", "1,250", "1,000"), ("South", "(11.1)%" if percent else "(100)", "800", "900")]
    if header.endswith("2021"):  # oldest first: the figures swap places, the change stays
        rows = [(a, b, d, c) for a, b, c, d in rows]
    text = "Segment revenue\n\n(in millions)\t" + header + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    assert audit_text(tmp_path, text) == []
    wrong = text.replace("25.0%", "35.0%") if percent else text.replace("\t250\t", "\t205\t")
    findings = audit_text(tmp_path, wrong)
    assert [(f.kind, f.line_start) for f in findings] == [("percent" if percent else "change", 4)]


@pytest.mark.parametrize("header", ["Change", "Variance", "Movement"])
def test_a_change_column_most_rows_of_which_do_not_reconcile_compares_something_else(tmp_path: Path, header: str) -> None:
    # the stated changes follow figures the table does not show (before restatement, unrounded): a
    # published table does not fail on most of its rows, so the reading is wrong, not the table
    text = (f"Library visits\n\n\t2022\t2021\t{header}\nBranch A\t1,200\t1,000\t150\nBranch B\t800\t900\t(60)\n"
            "Mobile\t300\t250\t50\nOnline\t2,000\t1,500\t420\n")
    assert audit_text(tmp_path, text) == []
    # one slip among rows that reconcile is still a slip
    ok = text.replace("\t150\n", "\t200\n").replace("\t(60)\n", "\t(100)\n").replace("\t420\n", "\t500\n")
    assert audit_text(tmp_path, ok) == []
    findings = audit_text(tmp_path, ok.replace("\t(100)\n", "\t(10)\n"))
    assert [(f.kind, f.line_start, f.computed) for f in findings] == [("change", 5, "-100")]


@pytest.mark.parametrize("years", [("2021/22 budget", "2022/23 budget"), ("FY2022", "FY2023"), ("2022", "2023")])
def test_a_difference_that_reconciles_vouches_for_the_percent_change_beside_it(tmp_path: Path,
                                                                                 years: tuple[str, str]) -> None:
    # one row: its own % change cannot show the reading is right, but the amount change of the same two
    # figures can; without it, a one-row % change is not recomputed
    head = f"Grant allocation\n\n\t{years[0]}\t{years[1]}\t"
    both = head + "Difference\t% change\nCarers grant\t£2,400,000\t£2,100,000\t-£300,000\t-13.0%\n"
    findings = audit_text(tmp_path, both)
    assert [(f.kind, f.line_start) for f in findings] == [("percent", 4)]
    assert findings[0].computed == "-12.50%"
    alone = head + "% change\nCarers grant\t£2,400,000\t£2,100,000\t-13.0%\n"
    assert audit_text(tmp_path, alone) == []


@pytest.mark.parametrize("header", ["% Change", "Change (%)", "Variance %"])
def test_a_blank_change_cell_does_not_make_a_row_part_of_the_one_above(tmp_path: Path, header: str) -> None:
    # a row new this year has no % change; it is not a sub-row of the long-labelled row above it, so the
    # total still counts it
    text = (f"Other assets\n\n(in thousands of $)\t{header}\t2022\t2021\n"
            "Deposits held against long-term equipment contracts\t(10.0)%\t900\t1,000\n"
            "Right-of-use assets\t\t400\t—\nPrepayments\t50.0%\t300\t200\nTotal\t33.3%\t1,600\t1,200\n")
    findings = audit_text(tmp_path, text)
    assert findings == []
    doc = read(tmp_path / "doc.txt")
    row = next(r for t in extract_tables(doc, segment(doc)) for r in t.rows if r.label.startswith("Right-of-use"))
    assert row.group is None


@pytest.mark.parametrize("when", ["In 2019", "For fiscal 2019", "During the year ended December 31, 2019"])
def test_a_sentence_about_one_year_does_not_restate_another_years_cell(tmp_path: Path, when: str) -> None:
    table = ("Licence income by region\n\n\t2019\t2018\n\t$\t$\nNorthern region licence income\t1,700,000\t1,510,000\n"
             "Southern region licence income\t820,000\t790,000\n\n")
    # near the other year's figure only: not the same figure restated
    assert audit_text(tmp_path, table + f"{when}, Northern region licence income was $1,498,000 after credits.\n") == []
    # near its own year's figure: a restatement, shown against that year's cell
    found = audit_text(tmp_path, table + f"{when}, Northern region licence income was $1,693,000 after credits.\n")
    assert [(f.kind, f.computed) for f in found] == [("restated", "1,700,000")]


@pytest.mark.parametrize("basis", [
    "The fair value of the warehouse stock was $1,704,500 at the year end.",
    "Valued at replacement cost, the warehouse stock was $1,704,500.",
    "Had the FIFO method been used, the warehouse stock would have been $1,704,500.",
    "On a pro forma basis the warehouse stock was $1,704,500.",
])
def test_a_figure_on_another_basis_is_not_the_cell_restated(tmp_path: Path, basis: str) -> None:
    table = ("Stock held by site\n\n\t2019\t2018\n\t$\t$\nWarehouse stock\t1,700,000\t1,510,000\n"
             "Shop stock\t820,000\t790,000\n\n")
    assert audit_text(tmp_path, table + basis + "\n") == []
    # the same figure without a basis of its own is the cell restated
    found = audit_text(tmp_path, table + "At the year end the warehouse stock was $1,704,500.\n")
    assert [(f.kind, f.computed, f.line_start) for f in found] == [("restated", "1,700,000", 8)]


@pytest.mark.parametrize("scale,total", [("(in thousands)", "4,791 thousand"), ("(In millions)", "4,791 million"),
                                         ("($'000)", "$4,791k")])
def test_a_scale_note_above_a_title_row_says_the_figures_are_rounded(tmp_path: Path, scale: str, total: str) -> None:
    # each figure rounded on its own: the rows add up to one more than the total printed
    table = (f"The schemes are shown below.\n{scale}\nCommunity schemes by year\t\t\n\t2018\t2019\n"
             "Falls service\t1,236\t1,301\nHome support\t2,447\t2,519\nTelecare\t1,108\t1,190\nTotal\t4,790\t5,010\n")
    assert audit_text(tmp_path, table) == []
    # a total out by more than the rounding is still found
    found = audit_text(tmp_path, table.replace("Total\t4,790", "Total\t4,890"))
    assert [(f.kind, f.computed) for f in found] == [("total", total)]  # in the scale the note states


# --------------------------------------------------------------------------- band labels, nil rows, restated positions


@pytest.mark.parametrize("bands", [
    ("Total", "Less than 1 year", "1-3 years", "3-5 years", "5 years"),
    ("Total", "1 year", "2-3 years", "4-5 years", "After 5 years"),
    ("Total", "2022", "2023 - 2024", "2025 - 2026", "2027 and thereafter"),
    ("Total", "Rating 1 to 4", "5 to 6", "7 and higher", "8 or more"),
])
def test_a_header_of_bands_is_not_a_row_of_figures(tmp_path: Path, bands: tuple[str, ...]) -> None:
    """'5 years', '2027 and thereafter' and '7 and higher' name a band of a maturity or rating table; read as
    figures, the header row is one more row that the Total row does not add up."""
    text = ("Contractual obligations\n\nPayments due by period\n" + "Obligation\t" + "\t".join(bands) + "\n"
            "Operating leases\t1,000\t200\t300\t400\t100\nLong-term debt\t2,500\t500\t1,000\t600\t400\n"
            "Purchase obligations\t700\t300\t200\t150\t50\nTotal\t4,200\t1,000\t1,500\t1,150\t550\n")
    assert audit_text(tmp_path, text) == []
    t = tables_of_text(tmp_path, text)[0]
    assert [r.label for r in t.rows][0] == "Operating leases"
    assert t.columns[-1].endswith(bands[-1])
    wrong = audit_text(tmp_path, text.replace("1,150\t550", "1,150\t560"))
    assert [(f.kind, f.stated, f.computed) for f in wrong] == [("total", "Total: 560", "550")]


def tables_of_text(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    doc = read(f)
    return extract_tables(doc, segment(doc))


@pytest.mark.parametrize("nil", ["-", "—", "–"])
def test_a_nil_row_is_a_member_of_the_total_that_adds_nothing(tmp_path: Path, nil: str) -> None:
    """A subtotal under a section of two rows, one of them nil this year ('Exceptional items -'), adds up;
    the check must not fall back to every row above it."""
    text = ("Share of profits\n\n\t2021\t2020\nAssociate A\t843\t1,031\nAssociate B\t286\t292\nJoint venture C\t\t\n"
            f"Ordinary results\t251\t180\nExceptional items\t{nil}\t22\nTotal\t251\t202\n")
    assert audit_text(tmp_path, text) == []
    wrong = audit_text(tmp_path, text.replace("Total\t251\t202", "Total\t261\t202"))
    assert [(f.kind, f.computed) for f in wrong] == [("total", "251")]


def test_a_restated_opening_balance_starts_the_bridge_again(tmp_path: Path) -> None:
    """'Balance at 1 April, restated' is a position reached by the adjustment above it, not one more
    movement: the closing balance is that position plus the movements after it."""
    text = ("Deferred tax assets\n\n\tProvisions\tOthers\tTotal\nBalance at 1 April 2020\t0.4\t3.8\t4.2\n"
            "Effect of a new standard\t-\t(1.5)\t(1.5)\nBalance at 1 April 2020, restated\t0.4\t2.3\t2.7\n"
            "Credited to income statement\t0.3\t7.0\t7.3\nCharged to equity\t(0.1)\t(0.5)\t(0.6)\n"
            "Balance at 31 March 2021\t0.6\t8.8\t9.4\n")
    assert audit_text(tmp_path, text) == []
    wrong = audit_text(tmp_path, text.replace("0.6\t8.8\t9.4", "0.6\t9.8\t9.4"))
    assert [(f.kind, f.computed) for f in wrong] == [("total", "8.8")]


@pytest.mark.parametrize("stated,found", [("£10,023,467", True), ("£10,215,000", False), ("£9,950,000", False)])
def test_a_restated_figure_is_one_within_a_percent(tmp_path: Path, stated: str, found: bool) -> None:
    """The text and a table row of the same spend: 0.6% apart is the same figure stated two ways; 1.2% or
    more apart is more likely another figure of the same sentence."""
    text = ("4.3 Spend\n\nThe resource identified is " + stated + " from the minimum contribution to adult social care.\n\n"
            "Minimum contribution\n\n\t18/19 allocation\t19/20 allocation\nAdult social care spend\t£9,535,348\t£10,087,237\n"
            "Out of hospital spend\t£8,087,068\t£8,561,108\n")
    findings = [f for f in audit_text(tmp_path, text) if f.kind == "restated"]
    assert [f.stated for f in findings] == ([stated] if found else [])


def test_a_row_whose_label_the_table_says_twice_may_still_be_a_member_of_the_total(tmp_path: Path) -> None:
    """'Cash' is paid as consideration and acquired as an asset: said twice, it reads as a sub-row of the row
    above it, but the Total adds it as a row of its own; either reading may be the table's."""
    text = ("Acquisition\n\n\tEstimated\tAdjustments\tFinal\nShares issued to the seller at fair value\t$5,000\t-\t$5,000\n"
            "Financial liabilities paid on behalf of the seller\t2,661\t-\t2,661\nCash\t250\t-\t250\n"
            "Note payable to seller\t609\t-\t609\nWorking capital adjustment\t(1,147)\t584\t(563)\n"
            "Total consideration\t7,373\t584\t7,957\n\nCash\t409\t(63)\t346\nInventories\t3,100\t100\t3,200\n")
    assert audit_text(tmp_path, text) == []
    wrong = audit_text(tmp_path, text.replace("7,373\t584\t7,957", "7,373\t584\t7,967"))
    assert [(f.kind, f.computed) for f in wrong] == [("total", "$7,957")]


KINDS = """Harrowgate Better Care Fund 2025-26

Table 5: Schemes

Scheme\tService area\tCommissioner\tSpend (£)
Discharge hub\tHospital discharge\tICB\t1,200,000
Reablement team\tReablement\tCouncil\t2,350,000
Night sitting\tReablement\tCouncil\t410,000
Step-down flats\tHospital discharge\tCouncil\t640,000
Falls pick-up\tPrevention\tICB\t300,000
Total\t\t\t4,900,000

{sentence}
"""


@pytest.mark.parametrize("sentence,stated,computed", [
    ("The council commissions £3.2m of these schemes and the ICB £1.5m.", "£3.2m", "£3,400,000"),
    ("Schemes commissioned by the ICB are worth £1.8m.", "£1.8m", "£1,500,000"),
    ("Reablement is the largest service area, with £2.6m.", "£2.6m", "£2,760,000"),
])
def test_an_amount_stated_for_a_kind_of_row_against_its_rows(tmp_path: Path, sentence: str, stated: str,
                                                             computed: str) -> None:
    """A sentence that names a kind of row (a value of a column of categories, said with its column's word when
    another column holds it too) and an amount for it: the rows of that kind must add up to it."""
    findings = [f for f in audit_text(tmp_path, KINDS.format(sentence=sentence)) if f.kind == "restated"]
    assert [(f.stated, f.computed) for f in findings] == [(stated, computed)]
    assert findings[0].line_start == KINDS.splitlines().index("{sentence}") + 1


@pytest.mark.parametrize("sentence", [
    "The council commissions £3.4m of these schemes and the ICB £1.5m.",  # both right, to the precision written
    "The hospital discharge service area costs £1,840,000.",
    "The ICB commissions schemes worth £1.5m, up from £1.1m last year.",  # two amounts for one kind: not paired
    "Council staff costs rose to £5.1m.",  # no column's word: not a kind of row
])
def test_amounts_that_agree_or_are_not_about_a_kind(tmp_path: Path, sentence: str) -> None:
    assert [f for f in audit_text(tmp_path, KINDS.format(sentence=sentence)) if f.kind == "restated"] == []
