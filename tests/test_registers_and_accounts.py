"""Questions asked of contract and lease registers and of quality accounts: a when-question of a row is its one
column of dates; the rows whose yes-or-no column the question names say yes (or no, where it says not), and how many;
a category value in another form of its word ('extended' of 'Extend'); the words that ask for an amount of money
('worth', 'costs') said of a column of money; a change worked out from cells is the movement asked, over a sentence
about another measure; the '26' of '2025/26' is no count. Every document here is made up; each mechanism is asked
in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

LEASES = """Ashcombe Council Estates Strategy
Appendix B: Leased buildings used by adult social care

Table B1: Leases
Building\tLandlord\tAnnual rent (£000)\tLease ends\tBreak clause\tDecision
Marlow House day centre\tMarlow Estates\t142\t31 March 2028\tYes\tRenew
Bridge Street office\tKestrel Property\t96\t30 June 2027\tNo\tRelocate
Orchard Lane store\tAshcombe Holdings\t18\t31 October 2026\tYes\tSurrender
Hilltop resource centre\tNHS Property Services\t210\t31 December 2029\tNo\tRenew
"""

ACCOUNT = """Westvale Health NHS Trust
Quality Account 2025/26

Part 2: Our quality goals
We set four goals for the year.

Table 1: Quality goals 2025/26
Goal\tMeasure\tTarget\tResult\tAchieved
Sepsis screening\tPatients screened within one hour (%)\t90\t93\tYes
Medicines reconciliation\tWithin 24 hours of admission (%)\t80\t74\tNo
Discharge summaries\tSent within 48 hours (%)\t95\t96\tYes
Hand hygiene\tAudits passed (%)\t98\t95\tNo

Table 2: Incidents by category
Category\t2024/25\t2025/26
Falls\t640\t602
Pressure ulcers\t210\t188
Medication errors\t455\t497

The share of medication errors caught before they reached a patient rose from 81% to 86%. The share of falls that
caused harm fell from 12% to 10%. We reported 4% fewer incidents in 2025/26.
"""


@pytest.fixture(scope="module")
def leases(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("leases"), "leases.txt", LEASES)


@pytest.fixture(scope="module")
def account(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("account"), "account.txt", ACCOUNT)


@pytest.mark.parametrize(("question", "date", "not_said"), [
    ("When does the Bridge Street office lease end?", "30 June 2027", "96"),
    ("When does the lease on the Orchard Lane store expire?", "31 October 2026", "18"),
    ("When is the Hilltop resource centre lease up?", "31 December 2029", "210"),
])
def test_a_when_question_of_a_row_is_its_column_of_dates(leases, question: str, date: str, not_said: str) -> None:
    ans = leases.ask(question)
    assert ans.answered and date in ans.text and not_said not in ans.text, ans.text


@pytest.mark.parametrize(("question", "rows", "not_rows"), [
    ("Which goals were achieved?", ["Sepsis screening", "Discharge summaries"], ["Hand hygiene"]),
    ("Which goals were not achieved?", ["Medicines reconciliation", "Hand hygiene"], ["Sepsis screening"]),
    ("Which buildings have a break clause?", ["Marlow House", "Orchard Lane"], ["Bridge Street"]),
])
def test_the_rows_whose_yes_or_no_column_the_question_names(leases, account, question: str, rows: list[str],
                                                             not_rows: list[str]) -> None:
    ans = (leases if "building" in question else account).ask(question)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    assert all(r in ans.text for r in rows) and not any(r in ans.text for r in not_rows), ans.text


@pytest.mark.parametrize(("question", "count"), [
    ("How many goals were not achieved?", 2),
    ("How many buildings have no break clause?", 2),
    ("How many leases will be renewed?", 2),
])
def test_how_many_rows_say_yes_no_or_a_value(leases, account, question: str, count: int) -> None:
    ans = (account if "goals" in question else leases).ask(question)
    assert ans.answered and ans.state.get("op") == "count" and ans.figures[0].value == count, ans.text


@pytest.mark.parametrize(("question", "rows"), [
    ("Which leases will be renewed?", ["Marlow House", "Hilltop"]),
    ("Which buildings will be surrendered?", ["Orchard Lane"]),
    ("Which buildings will be relocated?", ["Bridge Street"]),
])
def test_a_category_value_in_another_form_of_its_word(leases, question: str, rows: list[str]) -> None:
    ans = leases.ask(question)
    assert ans.answered and ans.state.get("op") == "meets" and all(r in ans.text for r in rows), ans.text


@pytest.mark.parametrize(("question", "row"), [
    ("Which lease costs the most?", "Hilltop resource centre"),
    ("Which building costs the least?", "Orchard Lane store"),
    ("Which lease is worth the least?", "Orchard Lane store"),
])
def test_words_asking_an_amount_of_money_are_said_of_a_money_column(tmp_path_factory, question: str, row: str) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path_factory.mktemp("rent"), "leases.txt", LEASES, min_confidence=None)
    ans = a.ask(question)
    assert ans.answered and ans.state.get("op") in ("max", "min") and ans.state.get("rows", [""])[0] == row, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("By how much did falls fall?", -38),
    ("By how much did medication errors increase?", 42),
    ("How much did pressure ulcers go down by?", -22),
])
def test_a_change_worked_out_from_cells_is_the_movement_asked(account, question: str, value: int) -> None:
    ans = account.ask(question)  # (not the sentence of another measure's move, '81% to 86%', '12% to 10%')
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize("question", [
    "How many incidents were reported in 2025/26?",
    "How many incidents did the trust report in 2025/26?",
    "What number of incidents were reported in 2025/26?",
])
def test_the_year_of_a_financial_year_is_no_count(tmp_path_factory, question: str) -> None:  # type: ignore[no-untyped-def]
    # the only count-like thing said is the '26' of '2025/26' beside a percentage: no answer, not that sentence
    text = "Westvale Trust\nWe reported 4% fewer incidents in 2025/26 than the year before.\nStaff were thanked.\n"
    a = assistant_over(tmp_path_factory.mktemp("fy"), "fy.txt", text, min_confidence=None)
    ans = a.ask(question)
    assert not ans.answered, ans.text


PROVIDERS = """Greyfield Council home care market position
Table 2: Contracted home care providers
Provider\tHours a week\tHourly rate (£)\tCQC rating
Bluebell Care\t2,400\t24.10\tGood
Castle Homecare\t1,850\t22.80\tGood
Meadow Support\t960\t25.60\tOutstanding
Riverbank Care\t1,310\t21.90\tRequires improvement

The council's standard rate for home care is £23.40 an hour in 2026/27, up from £22.15.
"""


@pytest.mark.parametrize(("question", "row"), [
    ("Which provider is the most expensive?", "Meadow Support"),
    ("Which provider is the cheapest?", "Riverbank Care"),
    ("Which is the least expensive provider?", "Riverbank Care"),
])
def test_a_price_adjective_asks_the_extreme_of_the_money_column(tmp_path_factory, question: str, row: str) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path_factory.mktemp("providers"), "providers.txt", PROVIDERS)
    ans = a.ask(question)  # (not the most hours, a column of counts)
    assert ans.answered and ans.state.get("op") in ("max", "min") and ans.state.get("rows", [""])[0] == row, ans.text
    assert ans.figures and ans.figures[0].unit != "%" and "Hourly rate" in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What is the council's standard rate for home care?", "£23.40"),
    ("What is the standard rate paid for home care in 2026/27?", "£23.40"),
    ("How many providers charge more than £24 an hour?", "2"),
])
def test_a_rate_for_a_care_service_is_a_price(tmp_path_factory, question: str, value: str) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path_factory.mktemp("rates"), "providers.txt", PROVIDERS, min_confidence=None)
    ans = a.ask(question)
    assert ans.answered and value in ans.text, ans.text
