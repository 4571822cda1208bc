"""Questions asked of service reports (an equipment service's annual report, a contact line's monthly calls, a budget
monitor): a last row that says it covers every row ('All categories', 'Full year') is their total though some of its
figures are averages or rates; a share of a row's figure in one column of its figure in another, the row named by a
period the part's phrase says; an operation word a column's name says ('Average cost per item') asks that column's
figure, of the row named or else of the totals row; columns of lengths of time say how long things 'take'; 'across
all teams' adds up every row; a sentence that counts none ('No complaints were upheld') is a count, and a verb ends
what 'how many' counts; a sentence that sets a target does not say what happened; months asked without their year
name the columns or rows of a table that gives each month once; a caption that says '(%)' makes its figures
percentages; a share of a row's own budget; the row
that 'cut' or 'reduced' a figure the most is the largest fall; a share of money is of the column of money, and
figures that count different things ('18 beds', '400 hours a week') have no sum; 'the cost per bed' of a row is its
money over its beds. And a text file's title line set straight over its list items heads them. Every document here is
made up; each mechanism is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.confidence import states_count
from assistant.ingest import read
from assistant.layout import segment
from assistant.query import counted_words
from assistant.tables import extract_tables

from .conftest import assistant_over

EQUIPMENT = """Linbury Council
Community Equipment Service: annual report 2025/26
Report author: Marcus Fenwick, Service Manager

Summary
The council's community equipment service lends beds, hoists and other aids to people living at home. No complaints were upheld by the Ombudsman during the year. The council aims to deliver urgent items within one day.
The target is an average of 5 days from request to delivery by March 2027.

Table 1: Deliveries by quarter, 2025/26
Quarter\tItems delivered\tDelivered within 7 days\tItems collected\tComplaints
Q1\t4,210\t3,620\t1,980\t12
Q2\t4,480\t3,810\t2,150\t9
Q3\t4,350\t3,570\t2,040\t15
Q4\t4,690\t4,020\t2,300\t11
Full year\t17,730\t15,020\t8,470\t47

Table 2: Equipment spend by category, 2025/26
Category\tSpend (£000)\tItems issued\tAverage cost per item (£)
Beds and mattresses\t612\t1,840\t333
Hoists and slings\t388\t960\t404
Bathing aids\t142\t3,150\t45
Mobility aids\t205\t4,420\t46
All categories\t1,347\t10,370\t130

Table 3: Average days from request to delivery
Request type\t2024/25\t2025/26
Standard\t9.4\t8.1
Urgent\t2.6\t1.9
Specialist\t21.3\t17.6

Table 4: Staffing by team
Team\tStaff\tVacancies
Warehouse\t14\t2
Drivers and fitters\t22\t5
Cleaning and repair\t9\t1
Customer contact\t6\t0

Table 5: Deliveries within 7 days by area (%)
Area\t2024/25\t2025/26
North\t81.5\t88.2
South\t79.0\t84.6
Town centre\t85.3\t86.9

Table 6: Calls to the customer contact line
Month\tCalls\tAnswered within 60 seconds
Jul 2026\t1,240\t1,010
Aug 2026\t1,180\t990
Sep 2026\t1,320\t1,050
Oct 2026\t1,410\t1,120

Table 7: Items in stock at month end
Store\tMay 2026\tJun 2026\tJul 2026\tAug 2026
Main store\t2,410\t2,380\t2,290\t2,350
Satellite store\t620\t640\t610\t590

Table 8: Budget monitoring (£000)
Budget line\tAnnual budget\tBudget to date\tSpent to date
Equipment purchase\t1,420\t710\t802
Staffing\t1,060\t530\t518
Transport\t240\t120\t131

Next steps
- replace the delivery vans with electric vans;
- recycle more returned stairlifts;
- open a second satellite store in Easthaven.
"""


@pytest.fixture(scope="module")
def equipment(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("equipment"), "equipment.txt", EQUIPMENT)


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The same report with the fitted confidence policy on: what a user is given."""
    return assistant_over(tmp_path_factory.mktemp("equipment-policy"), "equipment.txt", EQUIPMENT, min_confidence=None)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(EQUIPMENT.splitlines(), 1) if ln.startswith(start))


def _cited(ans) -> set[int]:  # type: ignore[no-untyped-def]
    return {n for c in ans.citations for n in range(c.line_start, c.line_end + 1)}


def _tables(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "equipment.txt"
    path.write_text(EQUIPMENT, encoding="utf-8")
    doc = read(path)
    return {t.caption.split(":")[0]: t for t in extract_tables(doc, segment(doc))}


def test_a_last_row_that_covers_every_row_is_their_total_though_some_figures_are_averages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tables = _tables(tmp_path)
    spend, quarters = tables["Table 2"], tables["Table 1"]
    assert [r.label for r in spend.rows if r.role == "total"] == ["All categories"]  # (its average cost adds up to nothing)
    assert [r.label for r in quarters.rows if r.role == "total"] == ["Full year"]  # (the year over its quarters)


@pytest.mark.parametrize(("question", "row", "value"), [
    ("Which category had the highest spend?", "Beds and mattresses", 612_000),
    ("Which quarter had the most complaints?", "Q3", 15),
    ("In which quarter were the fewest items collected?", "Q1", 1980),
])
def test_the_extreme_of_the_rows_leaves_out_the_row_that_covers_them_all(equipment, question: str, row: str,
                                                                        value: int) -> None:
    ans = equipment.ask(question)
    assert ans.answered and ans.state.get("op") in ("max", "min"), ans.text
    assert ans.state.get("rows", [""])[0] == row and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize(("question", "quarter", "value"), [
    ("What share of items delivered were delivered within 7 days in Q4?", "Q4", Decimal(4020) / 4690 * 100),
    ("What proportion of items delivered were delivered within 7 days in Q2?", "Q2", Decimal(3810) / 4480 * 100),
    ("What percentage of the items delivered were delivered within 7 days in Q1?", "Q1", Decimal(3620) / 4210 * 100),
])
def test_a_share_within_a_row_named_by_the_period_the_part_says(equipment, question: str, quarter: str,
                                                                value: Decimal) -> None:
    ans = equipment.ask(question)  # (not the quarter's part of all deliveries within 7 days)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text
    assert _line(quarter + "\t") in _cited(ans), ans.citations


@pytest.mark.parametrize(("question", "value"), [
    ("On average, how much does an item cost?", 130),
    ("What does an item cost on average?", 130),
    ("How much does an item of bathing aids cost on average?", 45),
    ("On average, what does each hoist and sling cost?", 404),
])
def test_an_average_a_column_is_named_by_is_read_not_worked_out(equipment, question: str, value: int) -> None:
    ans = equipment.ask(question)  # (not the mean of the categories' averages, 207)
    assert ans.answered and ans.state.get("op") == "lookup", ans.text
    assert f"£{value}" in ans.text or f" {value} " in f" {ans.text} ", ans.text
    assert "207" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "row"), [
    ("Which request type took the longest in 2025/26?", "Specialist"),
    ("Which type of request takes the shortest time?", "Urgent"),
    ("How long did an urgent request take in 2024/25?", "Urgent"),
])
def test_a_column_of_days_says_how_long_things_take(policy, question: str, row: str) -> None:
    ans = policy.ask(question)
    assert ans.answered and ans.state.get("rows", [""])[0] == row, ans.text
    assert _line(row + "\t") in _cited(ans), ans.citations


@pytest.mark.parametrize(("question", "value"), [
    ("How many vacancies are there across all teams?", 8),
    ("How many staff are there across every team?", 51),
    ("Across all the teams, how many staff are there?", 51),
])
def test_every_row_named_by_its_kind_is_added_up(policy, question: str, value: int) -> None:
    ans = policy.ask(question)
    assert ans.answered and ans.state.get("op") == "sum" and ans.figures[0].value == value, ans.text
    assert {_line(t + "\t") for t in ("Warehouse", "Customer contact")} <= _cited(ans), ans.citations


@pytest.mark.parametrize("question", [
    "How many complaints were upheld by the Ombudsman?",
    "How many complaints did the Ombudsman uphold?",
])
def test_a_sentence_that_counts_none_answers_how_many(policy, question: str) -> None:
    ans = policy.ask(question)
    assert ans.answered and "No complaints were upheld" in ans.text, ans.text
    assert _line("The council's community") in _cited(ans), ans.citations


def test_what_the_counted_did_ends_the_counted_phrase() -> None:
    assert counted_words("How many ambulance handovers took over 45 minutes in October?") == ("ambulance", "handovers")
    assert counted_words("How many people attended the clinics?") == ("people",)
    assert counted_words("How many completed reviews were there?") == ("completed", "reviews")
    assert states_count(counted_words("How many calls took over ten minutes?"), "Oct — Calls over 10 minutes: 41", True)


def test_one_in_so_many_is_a_rate_not_a_count() -> None:
    assert not states_count(["care", "workers"], "Turnover is high: one in four care workers left in the year.", False)
    assert not states_count(["carers"], "1 in 5 carers said they had no break.", False)
    assert states_count(["care", "workers"], "Four care workers left in the year.", False)
    assert states_count(["providers"], "No providers are rated Inadequate.", False)


@pytest.mark.parametrize(("question", "value"), [
    ("How long on average does it take from request to delivery for specialist requests in 2025/26?", "17.6"),
    ("On average, how many days does a standard request take from request to delivery in 2025/26?", "8.1"),
])
def test_a_target_is_not_what_happened(equipment, question: str, value: str) -> None:
    ans = equipment.ask(question)  # ('The target is an average of 5 days ...' sets what is to be)
    assert ans.answered and value in ans.text and "target" not in ans.text.lower(), ans.text


def test_a_target_asked_is_the_target(equipment) -> None:
    ans = equipment.ask("What is the target average time from request to delivery?")
    assert ans.answered and "5 days" in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many calls were there between July and September?", 3740),
    ("How many calls were answered within 60 seconds from August to October?", 3160),
    ("How many calls came in from September to October?", 2730),
])
def test_a_count_over_months_that_are_rows_is_their_sum(policy, question: str, value: int) -> None:
    ans = policy.ask(question)
    assert ans.answered and ans.state.get("op") == "sum" and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What was the average stock in the main store from May to July?", Decimal(2360)),
    ("What was the satellite store's average stock between June and August?", (Decimal(640) + 610 + 590) / 3),
])
def test_months_without_their_year_name_the_columns_of_each_month(equipment, question: str, value: Decimal) -> None:
    ans = equipment.ask(question)
    assert ans.answered and ans.state.get("op") == "average" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


def test_a_caption_in_per_cent_makes_its_figures_percentages(tmp_path, equipment) -> None:  # type: ignore[no-untyped-def]
    areas = _tables(tmp_path)["Table 5"]
    assert {c.kind for r in areas.rows for c in r.cells[1:]} == {"percent"}
    ans = equipment.ask("What percentage of deliveries in North were within 7 days in 2025/26?")
    assert ans.answered and "88.2%" in ans.text, ans.text
    moved = equipment.ask("How did the share of deliveries within 7 days in South change from 2024/25 to 2025/26?")
    assert moved.answered and "percentage points" in moved.text and moved.figures[0].value == Decimal("5.6"), moved.text


@pytest.mark.parametrize(("question", "value"), [
    ("What percentage of the equipment purchase annual budget has been spent to date?", Decimal(802) / 1420 * 100),
    ("What share of the transport annual budget has been spent so far?", Decimal(131) / 240 * 100),
    ("What proportion of the staffing annual budget has been spent?", Decimal(518) / 1060 * 100),
])
def test_a_share_of_a_rows_own_budget_named_after_the_row(equipment, question: str, value: Decimal) -> None:
    ans = equipment.ask(question)  # (not the row's share of the total annual budget)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


@pytest.mark.parametrize("question", [
    "What are the next steps?",
    "What next steps does the report set out?",
])
def test_a_title_line_over_list_items_heads_them(equipment, question: str) -> None:
    ans = equipment.ask(question)
    assert ans.answered and "electric vans" in ans.text and "Easthaven" in ans.text, ans.text
    assert {_line("- replace"), _line("- open")} <= _cited(ans), ans.citations


@pytest.mark.parametrize(("question", "row", "value"), [
    ("Which request type reduced its average days the most?", "Specialist", "-3.7"),
    ("Which request type cut the time from request to delivery the most?", "Specialist", "-3.7"),
    ("Which request type reduced its average days the least?", "Urgent", "-0.7"),
])
def test_which_row_cut_or_reduced_the_most_is_the_largest_fall(equipment, question: str, row: str, value: str) -> None:
    ans = equipment.ask(question)  # (not every row that fell, nor the largest figure)
    assert ans.answered and ans.state.get("op") in ("max_change", "min_change"), ans.text
    assert ans.state.get("rows", [""])[0] == row and ans.figures[0].value == Decimal(value), ans.text


SCHEMES = """Harbury Partnership
Winter schemes 2026/27

Table 1: Winter schemes
Scheme\tLead\tExtra capacity\tCost (£000)
Step-down beds\tHarbury Council\t18 beds\t960
Hospital at home\tHarbury Community Trust\t25 virtual beds\t720
Home care bridging\tHarbury Council\t400 hours a week\t540
Falls response\tAmbulance service\t2 crews\t380
"""


@pytest.fixture(scope="module")
def schemes(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("schemes"), "schemes.txt", SCHEMES)


@pytest.mark.parametrize(("question", "value"), [
    ("What share of the winter funding goes to step-down beds?", Decimal(960) / 2600 * 100),
    ("What proportion of the money is spent on hospital at home?", Decimal(720) / 2600 * 100),
    ("What share of winter spending goes to falls response?", Decimal(380) / 2600 * 100),
])
def test_a_share_of_money_is_of_the_column_of_money(schemes, question: str, value: Decimal) -> None:
    ans = schemes.ask(question)  # (not of the capacity, beds and hours and crews added up)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


def test_figures_that_count_different_things_have_no_sum(schemes) -> None:
    ans = schemes.ask("What share of the extra capacity is step-down beds?")
    assert not ans.figures or all(f.op != "share" for f in ans.figures), ans.text  # (18 beds of 18 + 25 + 400 + 2?)


@pytest.mark.parametrize(("question", "value", "shown"), [
    ("What is the cost per bed of the step-down beds?", Decimal(960_000) / 18, "£53.33k per bed"),
    ("What is the cost per crew of the falls response?", Decimal(190_000), "£190"),
    ("What is the spend per hour of home care bridging?", Decimal(1350), "£1,350"),
])
def test_an_amount_per_unit_is_the_rows_money_over_its_count(schemes, question: str, value: Decimal, shown: str) -> None:
    ans = schemes.ask(question)
    assert ans.answered and ans.state.get("op") == "ratio" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01") and shown in ans.text, ans.text
