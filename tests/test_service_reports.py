"""Questions asked of service reports and programme highlight reports: a column that adds a measure of its own to a
period ('Accepted 2025/26' beside '2025/26') is not the figure of that period; a share of a row's own whole said by
a predicate ('what percentage of X referrals were accepted?'); a last row whose label covers all the rows above it
and whose figures are their sums is their total ('All teams'); a move a sentence states as two figures 'compared
with' each other; how much something is to move, said in a sentence, is not what it will be, read from a cell; what
of a planned figure is still to come; the row furthest behind (or ahead of) its plan. Every document here is made
up; each mechanism is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_over

REPORT = """Calderbrook Community Health Services
Therapies annual report 2025/26

1. Referrals
The service received 1,940 referrals in 2025/26, compared with 1,720 in 2024/25.

Table 1: Referrals by team
Team\t2024/25\t2025/26\tAccepted 2025/26
Physiotherapy\t820\t905\t760
Occupational therapy\t540\t610\t488
Speech and language therapy\t220\t260\t247
Dietetics\t140\t165\t120
All teams\t1,720\t1,940\t1,615

2. Waiting
Table 2: People waiting for a first appointment
Team\tMarch 2026\tMarch 2027 (projected)
Physiotherapy\t430\t370
Occupational therapy\t310\t290

The number of people waiting for occupational therapy is expected to fall by 6% by March 2027, as two new posts are filled.
"""

PROGRAMME = """Fenwold Place Partnership
Improvement programme highlight report, quarter 3

Table 1: Efficiencies by scheme (£000)
Scheme\tPlanned efficiency\tAchieved to date\tForecast
Falls prevention\t900\t610\t880
Intermediate care beds\t1,500\t520\t1,050
Community equipment\t400\t300\t410
Hospital discharge hub\t700\t250\t520
"""


def _line(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(start))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("therapies"), "therapies.txt", REPORT)


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("programme"), "programme.txt", PROGRAMME)


@pytest.mark.parametrize(("question", "value", "not_value"), [
    ("How many referrals did dietetics receive?", "165", "120"),
    ("How many referrals went to speech and language therapy?", "260", "247"),
    ("How many physiotherapy referrals were there?", "905", "760"),
])
def test_a_column_that_adds_a_measure_to_a_period_is_not_that_periods_figure(
        report, question: str, value: str, not_value: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "lookup", ans.text
    assert value in ans.text and not_value not in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What percentage of physiotherapy referrals were accepted?", Decimal(760) / 905 * 100),
    ("What proportion of dietetics referrals were accepted?", Decimal(120) / 165 * 100),
    ("What share of referrals were accepted?", Decimal(1615) / 1940 * 100),  # (of all teams: the totals row)
])
def test_a_share_said_by_a_predicate_is_of_the_rows_own_whole(report, question: str, value: Decimal) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


def test_a_share_of_a_columns_whole_is_still_of_its_total(report) -> None:
    ans = report.ask("What percentage of referrals in 2025/26 were to occupational therapy?")
    assert ans.answered and ans.figures and abs(ans.figures[0].value - Decimal(610) / 1940 * 100) < Decimal("0.01"), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What share of all referrals in 2025/26 went to physiotherapy?", Decimal(905) / 1940 * 100),
    ("What proportion of referrals were for dietetics in 2024/25?", Decimal(140) / 1720 * 100),
    ("What percentage of referrals in 2025/26 were to speech and language therapy?", Decimal(260) / 1940 * 100),
])
def test_a_last_row_covering_all_the_rows_above_is_their_total(report, question: str, value: Decimal) -> None:
    ans = report.ask(question)  # (not a share of the rows and 'All teams' added up: twice the whole)
    assert ans.answered and ans.figures and abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


@pytest.mark.parametrize(("text", "roles"), [
    ("Age band\t2025\t2030\n0 to 64\t200\t210\n65 and over\t50\t60\nAll ages\t250\t270\n", ["body", "body", "total"]),
    ("Area\tBeds\nNorth\t40\nSouth\t35\nOverall\t75\n", ["body", "body", "total"]),
    # a row of its own that happens to be the sum, or a covering label whose figures are not the sum
    ("Item\t2025\t2026\nPaid in cash\t40\t55\nPaid in shares\t20\t25\nPaid during the year\t60\t80\n",
     ["body", "body", "body"]),
    ("Area\tRate\nNorth\t40\nSouth\t35\nAll areas\t38\n", ["body", "body", "body"]),
])
def test_a_last_row_is_a_total_where_its_label_covers_all_and_its_figures_are_the_sums(
        tmp_path, text: str, roles: list[str]) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "table.txt"
    f.write_text(f"Table 1: Figures\n{text}", encoding="utf-8")
    doc = read(f)
    (table,) = extract_tables(doc, segment(doc))
    assert [r.role for r in table.rows] == roles


@pytest.mark.parametrize("question", [
    "By how much did referrals increase?",
    "How much did the number of referrals rise between 2024/25 and 2025/26?",
    "By how much did the number of referrals the service received go up?",
])
def test_two_figures_a_sentence_compares_give_the_change(tmp_path_factory, question: str) -> None:  # type: ignore[no-untyped-def]
    prose = "Calderbrook Therapies\nThe service received 1,940 referrals in 2025/26, compared with 1,720 in 2024/25.\n" \
            "Most referrals came from GPs.\n"
    ans = assistant_over(tmp_path_factory.mktemp("prose"), "prose.txt", prose).ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == 220, ans.text
    assert 2 in {c.line_start for c in ans.citations}, ans.citations


@pytest.mark.parametrize("question", [
    "How much is the occupational therapy waiting list expected to fall by March 2027?",
    "How much is the occupational therapy waiting list projected to drop by March 2027?",
    "How much will the occupational therapy waiting list reduce by March 2027?",
])
def test_how_much_a_figure_is_to_move_is_not_what_it_will_be(report, question: str) -> None:
    ans = report.ask(question)  # (the sentence's 6%, or the move the table's two columns give; not 290 alone)
    said = "6%" in ans.text and _line(REPORT, "The number of people waiting") in {c.line_start for c in ans.citations}
    worked = bool(ans.figures) and ans.figures[0].value == -20
    assert ans.answered and (said or worked), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How much of the falls prevention efficiency remains to be achieved?", 290),
    ("What is still to be delivered of the hospital discharge hub's planned efficiency?", 450),
    ("How much of the planned efficiency for intermediate care beds is yet to be achieved?", 980),
])
def test_what_of_a_planned_figure_is_still_to_come(programme, question: str, value: int) -> None:
    ans = programme.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value * 1000, ans.text  # (£000)
    assert _line(PROGRAMME, ("Falls", "Hospital", "Intermediate")[[290, 450, 980].index(value)]) in {
        c.line_start for c in ans.citations}


@pytest.mark.parametrize(("question", "row"), [
    ("Which scheme is furthest behind its plan?", "Intermediate care beds"),
    ("Which scheme is most behind plan?", "Intermediate care beds"),
    ("Which scheme is forecast to be furthest above its plan?", "Community equipment"),
])
def test_the_row_furthest_from_its_plan(programme, question: str, row: str) -> None:
    ans = programme.ask(question)
    assert ans.answered and ans.state.get("op") == "max_change" and ans.state.get("rows", [""])[0] == row, ans.text


TIMES = """Marrowby Council Adult Social Care
Customer feedback report 2025/26

Table 3: How quickly we responded
Measure\t2024/25\t2025/26
Average days to first contact\t6\t4
Average days to complete an assessment\t31\t27
Complaints closed within 20 working days (%)\t78\t71
"""


@pytest.mark.parametrize(("question", "value"), [
    ("What was the average time to first contact in 2025/26?", 4),
    ("What was the average wait to complete an assessment in 2024/25?", 31),
    ("What was the average number of days to first contact in 2024/25?", 6),
])
def test_a_figure_a_row_names_as_an_average_is_given_with_the_fitted_confidence(
        tmp_path_factory, question: str, value: int) -> None:  # type: ignore[no-untyped-def]
    # the row says the operation the question asks ('Average days to ...'): the figure is the average, stated
    times = assistant_over(tmp_path_factory.mktemp("times"), "times.txt", TIMES, min_confidence=None)
    ans = times.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text
