"""Tables that registers, action plans and capacity plans hold: a status column read as the rows a which-question
names ('which action is delayed?'), two columns of one measure at two times whose headers name no two periods
('Previous' / 'Current', 'Q1 rating' / 'Rating'), row names told apart by the order of their words ('home care' is
not 'care home'), the largest shortfall of a signed gap, a how-many question a cell in words does not answer, and a
share worked out in the latest period when none is asked. Every document here is made up; each mechanism is asked
in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PLAN = """Thornbury Dementia Strategy: delivery plan update, November 2026

The strategy has seven commitments. In 2025/26, 2,870 people received a dementia diagnosis in Thornbury, up from
2,540 in 2024/25, and the memory service now sees new referrals within nine weeks.

Table 1: Delivery of commitments, 2025/26
Commitment\tResponsible\tDeadline\tProgress
Open a dementia cafe in every market town\tVoluntary Sector Forum\tJune 2026\tDelivered
Train all domiciliary care workers in dementia care\tWorkforce Academy\tMarch 2027\tDelayed
Appoint 12 dementia navigators\tMemory Service Manager\tApril 2026\tDelivered
Publish a carers guide\tCommunications Team\tJanuary 2027\tNot started
Offer everyone given a dementia diagnosis a follow-up visit within 6 weeks\tMemory Service Manager\tDecember 2026\tIn progress
Review respite provision\tCommissioning Lead\tSeptember 2026\tIn progress

The board will concentrate next year on the commitments that are delayed or not started.

Table 2: Spending on dementia services (£000)
Service\t2024/25\t2025/26
Memory service\t1,820\t1,960
Dementia navigators\t410\t540
Respite care\t2,230\t2,180
Total\t4,460\t4,680
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("dementia"), "dementia.txt", PLAN)


def _line(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "row", "other"), [
    ("Which commitment is delayed?", "Train all domiciliary care workers", "Open a dementia cafe"),
    ("Which commitments have not started?", "Publish a carers guide", "Review respite provision"),
    ("What commitment is in progress?", "Review respite provision", "Publish a carers guide"),
    ("Which commitments are delivered?", "Appoint 12 dementia navigators", "Review respite provision"),
])
def test_the_rows_whose_status_the_question_says(plan, question: str, row: str, other: str) -> None:
    ans = plan.ask(question)  # (not the sentence that only says the board will look at such commitments)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    assert row in ans.text and other not in ans.text, ans.text
    assert _line(PLAN, row) in {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question", [
    "How many people received a dementia diagnosis in 2025/26?",
    "How many people were diagnosed with dementia in 2025/26?",
])
def test_a_cell_in_words_does_not_say_how_many(plan, question: str) -> None:
    ans = plan.ask(question)  # ('Train all domiciliary care workers ... — Progress: Delayed' says no number)
    assert ans.answered and "2,870" in ans.text, ans.text
    assert _line(PLAN, "The strategy has") in {c.line_start for c in ans.citations}


def test_a_row_name_that_counts_what_is_asked_still_answers(plan) -> None:
    ans = plan.ask("How many dementia navigators will be appointed?")
    assert ans.answered and "12" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "By how much did the number of people receiving a dementia diagnosis increase?",
    "How many more people received a dementia diagnosis than the year before?",
    "How much has the number of people given a dementia diagnosis risen?",
])
def test_a_move_stated_after_a_period_the_sentence_names(plan, question: str) -> None:
    ans = plan.ask(question)  # ('2,870 ... in 2025/26, up from 2,540 in 2024/25', and a cell in words beside it)
    assert ans.answered and ans.figures and ans.figures[0].value == 330, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What share of dementia spending goes on respite care?", Decimal("46.58")),
    ("What percentage of spending on dementia services is for the memory service?", Decimal("41.88")),
])
def test_a_share_with_no_period_asked_is_of_the_latest(plan, question: str, value: Decimal) -> None:
    ans = plan.ask(question)  # (2025/26, not the first column, 2024/25)
    assert ans.answered and ans.figures and round(ans.figures[0].value, 2) == value, ans.text


REGISTER = """Coldwater Adult Social Care
Directorate risk register, quarter 3 2026/27

Table 1: Directorate risks
Ref\tRisk\tLead\tRating\tQ2 rating
D1\tCare home closures reduce local bed supply\tHead of Commissioning\t12\t8
D2\tHome care providers cannot recruit enough staff\tHead of Provider Services\t20\t15
D3\tDelays in financial assessments\tHead of Finance\t6\t9
D4\tSafeguarding referrals exceed team capacity\tPrincipal Social Worker\t16\t16

Table 2: Deprivation of Liberty Safeguards applications
Team\tPrevious month\tCurrent month
North\t140\t128
South\t96\t104
"""


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("register"), "register.txt", REGISTER)


@pytest.mark.parametrize(("question", "value", "row"), [
    ("By how much did the home care risk rating increase?", 5, "D2"),
    ("How much has the home care staff risk rating gone up since quarter 2?", 5, "D2"),
    ("By how much did the care home risk rating rise?", 4, "D1"),
    ("How far has the financial assessments risk rating fallen?", -3, "D3"),
])
def test_a_column_naming_a_period_is_before_one_naming_none(register, question: str, value: int, row: str) -> None:
    ans = register.ask(question)  # ('Q2 rating' then 'Rating', the register's own quarter; 'home care' is not 'care home')
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == value, ans.text
    assert _line(REGISTER, row) in {c.line_start for c in ans.citations}


@pytest.mark.parametrize(("question", "value"), [
    ("By how much did applications in the South team change?", 8),
    ("How much did North team applications fall?", -12),
])
def test_previous_is_before_current(register, question: str, value: int) -> None:
    ans = register.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text


CAPACITY = """Fairmead Reablement Capacity Plan 2026/27

Table 4: Reablement hours per week by locality
Locality\tHours needed\tHours available\tGap
Fairmead town\t2,400\t2,150\t-250
Eastleigh villages\t900\t960\t60
Northern rural\t1,300\t1,120\t-180
"""


@pytest.mark.parametrize("question", [
    "Which locality has the biggest shortfall?",
    "Which locality has the largest shortfall in reablement hours?",
    "Where is the greatest shortfall in reablement hours?",
])
def test_the_largest_shortfall_is_the_most_negative_gap(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "capacity.txt", CAPACITY).ask(question)
    assert not (ans.answered and "Eastleigh" in ans.text.split("(")[0]), ans.text  # (60 is no shortfall)
    if ans.answered:
        assert "Fairmead town" in ans.text and ans.figures[0].value == -250, ans.text


def test_the_biggest_shortfall_is_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "capacity.txt", CAPACITY).ask("Which locality has the biggest shortfall?")
    assert ans.answered and ans.figures[0].value == -250 and "Fairmead town" in ans.text, ans.text


@pytest.mark.parametrize(("question", "cell_row", "sentence"), [
    ("How many people received a dementia diagnosis in 2025/26?",
     "Offer everyone given a dementia diagnosis a follow-up visit within 6 weeks — Progress: In progress",
     "In 2025/26, 2,870 people received a dementia diagnosis in Thornbury."),
    ("How many carers were assessed in 2025/26?",
     "Assess every carer known to us within 28 days — Status: On track",
     "The council assessed 1,480 carers in 2025/26."),
    ("How much was spent on respite care?",
     "Review respite care spending by £50,000 savings target — Status: Complete",
     "The council spent £2.2m on respite care."),
])
def test_a_cell_in_words_is_no_number_beside_a_sentence_that_states_one(question: str, cell_row: str,
                                                                          sentence: str) -> None:
    from assistant.answer import decide
    from assistant.evidence import Evidence
    from assistant.query import understand

    q = understand(question)
    table = Evidence(cell_row, [], [], 1.0, 1.0, "table", {"op": "lookup"})  # (a cell in words: no figures)
    prose = Evidence(sentence, [], [], 1.0, 1.0, "prose", {})
    assert decide(q, table, prose) is prose
