"""Questions asked of flow and programme reports (waiting times, discharge sitreps, grant spending plans, carers'
services): 'longest' and 'shortest' ask for an extreme as 'largest' and 'smallest' do; between rows that share the
question's stems, the one that says its words as written ('assessments', not 'assessed'); a row named with a past
participle the question does not say counts only some of what is asked, where a sentence counts all of it; a column
the question names, and no row, is read from the table's totals row; 'which X overspent the most?' is the row with
the extreme overspend, whatever row the word X also names; 'cut' says a figure fell. And in a PDF, a caption set
larger than a table's rows starts a new table, and a header of words wrapped over two lines above the first row of
figures is one header. Every document here is made up; each mechanism is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_over

WAITS = """Tamesford Community Services
Waiting times report, October 2026

The service estimates that 8,300 people in Tamesford live with a long-term neurological condition, of whom
640 are children.

Table 1: Waiting list by service
Service\tPeople waiting\tAverage wait (weeks)\tReferrals
Podiatry\t410\t14.2\t95
Wheelchair service\t260\t21.5\t40
Community neurology\t185\t9.8\t61
Continence service\t330\t6.1\t88
Total\t1,185\t\t284

Table 2: Children's services activity
Measure\t2024/25\t2025/26
Children with a neurological condition reviewed\t212\t248
Young patients assessed\t150\t171
Patients' assessments completed\t302\t356
"""

BUDGET = """Orrinford Council
Adult social care budget monitoring, month 8

Table 1: Forecast outturn by service (£000)
Service\tBudget\tForecast outturn
Home care\t2,400\t2,610
Day services\t5,800\t5,760
Supported living\t3,100\t3,420
Equipment service\t640\t655
Transport service\t410\t395

Table 2: Prevention grants (£000)
Grant\t2025/26\t2026/27
Befriending\t210\t230
Falls prevention\t180\t150
Handyperson scheme\t95\t110
Welfare advice\t300\t320
"""


@pytest.fixture(scope="module")
def waits(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("waits"), "waits.txt", WAITS)


@pytest.fixture(scope="module")
def budget(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("budget"), "budget.txt", BUDGET)


def _line(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "row", "value"), [
    ("Which service has the longest average wait?", "Wheelchair service", "21.5"),
    ("Which service's average wait is the longest?", "Wheelchair service", "21.5"),
    ("Which service has the shortest average wait?", "Continence service", "6.1"),
    ("Which service has the shortest wait on average?", "Continence service", "6.1"),
])
def test_longest_and_shortest_ask_for_the_extreme(waits, question: str, row: str, value: str) -> None:
    ans = waits.ask(question)
    assert ans.answered and ans.state.get("op") in ("max", "min"), ans.text
    assert row in ans.text and value in ans.text, ans.text
    assert _line(WAITS, row) in {c.line_start for c in ans.citations} | {c.line_end for c in ans.citations}


@pytest.mark.parametrize(("question", "value"), [
    ("How many patients' assessments were there in 2025/26?", "356"),
    ("What was the number of patient assessments in 2024/25?", "302"),
    ("In 2025/26, how many patient assessments were there?", "356"),
])
def test_a_row_that_says_the_word_as_written_beats_one_that_shares_its_stem(
        waits, question: str, value: str) -> None:
    ans = waits.ask(question)
    assert ans.answered and value in ans.text, ans.text
    assert ans.state.get("rows", [""])[0].startswith("Patients' assessments"), ans.state.get("rows")  # (not 'assessed')


@pytest.mark.parametrize("question", [
    "How many children have a long-term neurological condition?",
    "How many children are living with a neurological condition?",
    "What is the number of children with a neurological condition?",
])
def test_a_row_that_counts_only_those_reviewed_is_not_the_whole(waits, question: str) -> None:
    ans = waits.ask(question)  # 'Children with a neurological condition reviewed' counts those reviewed
    assert ans.answered and "640" in ans.text and "248" not in ans.text, ans.text
    assert 4 in {c.line_start for c in ans.citations} | {c.line_end for c in ans.citations}, ans.citations


def test_a_participle_the_question_says_keeps_its_row(waits) -> None:
    ans = waits.ask("How many children with a neurological condition were reviewed in 2025/26?")
    assert ans.answered and "248" in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many people are waiting?", "1,185"),
    ("How many referrals were there?", "284"),
    ("What is the number of people waiting?", "1,185"),
])
def test_a_column_named_without_a_row_is_read_from_the_totals_row(waits, question: str, value: str) -> None:
    ans = waits.ask(question)
    assert ans.answered and value in ans.text, ans.text
    assert _line(WAITS, "Total") in {c.line_start for c in ans.citations}, ans.citations


def test_a_named_row_is_still_its_own_figure(waits) -> None:
    ans = waits.ask("How many people are waiting for podiatry?")
    assert ans.answered and "410" in ans.text and "1,185" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "row"), [
    ("Which service overspent the most?", "Supported living"),
    ("Which service has overspent by the most?", "Supported living"),
    ("Which service is forecast to overspend the most?", "Supported living"),
])
def test_which_row_overspent_the_most_is_the_extreme_not_a_row_the_word_names(
        budget, question: str, row: str) -> None:
    ans = budget.ask(question)  # ('service' is what every row is, not the one row whose name says it)
    assert ans.answered and row in ans.text and ans.figures and ans.figures[0].value == 320_000, ans.text


@pytest.mark.parametrize("question", [
    "Which grant is cut in 2026/27?",
    "Which prevention grants will be cut?",
    "Which grants were cut?",
])
def test_cut_says_a_figure_fell(budget, question: str) -> None:
    ans = budget.ask(question)
    assert ans.answered and ans.state.get("op") == "moved", ans.text
    assert "Falls prevention" in ans.text and "Befriending" not in ans.text, ans.text


def _two_tables_pdf(path: Path) -> Path:
    """Two unruled tables one under the other, the second's caption set larger than the rows, each with a header
    of words wrapped over two lines above its figures (as a word processor wraps a narrow column's header)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0

    def table(caption: str, header: list[list[str]], rows: list[list[str]]) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold", 11)
        c.drawString(50, y, caption)
        y -= 18
        c.setFont("Helvetica", 9)
        edges = (380, 460, 540)
        for k in range(2):  # the header's two lines, set closer than the rows
            if k == 0:
                c.drawString(50, y, header[0][0])
            for cell, x in zip(header[1:], edges, strict=False):
                c.drawRightString(x, y, cell[k])
            y -= 10.5
        y -= 3
        for row in rows:
            c.drawString(50, y, row[0])
            for cell, x in zip(row[1:], edges, strict=False):
                c.drawRightString(x, y, cell)
            y -= 13
        y -= 6

    table("Beds occupied by site", [["Site"], ["Week ending", "8 Mar"], ["Week ending", "15 Mar"], ["Plan", "level"]],
          [["Northgate Hospital", "64", "70", "55"], ["Riverside Hospital", "28", "25", "22"],
           ["Total", "92", "95", "77"]])
    table("Packages started by type", [["Type"], ["Packages", "started"], ["Share of", "packages"], ["Average", "hours"]],
          [["Home care", "312", "70.9%", "11.5"], ["Live-in care", "48", "10.9%", "40.0"],
           ["Reablement", "80", "18.2%", "9.0"]])
    c.showPage()
    c.save()
    return path


def test_a_caption_set_larger_starts_a_new_table_and_a_wrapped_header_is_one(tmp_path: Path) -> None:
    doc = read(_two_tables_pdf(tmp_path / "flow.pdf"))
    tables = extract_tables(doc, segment(doc))
    assert len(tables) == 2, [t.columns for t in tables]
    first, second = tables
    assert [r.label for r in first.rows] == ["Northgate Hospital", "Riverside Hospital", "Total"]
    assert [r.label for r in second.rows] == ["Home care", "Live-in care", "Reablement"]
    assert second.columns[1:] == ("Packages started", "Share of packages", "Average hours"), second.columns
    assert "Packages started by type" in second.caption
    assert [c.value for c in second.rows[1].cells[1:]] == [Decimal(48), Decimal("10.9"), Decimal("40.0")]
