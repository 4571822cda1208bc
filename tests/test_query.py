"""Question understanding: intents, periods, parts, the kind of answer wanted, document scope."""

from __future__ import annotations

import pytest

from assistant.query import periods_in, scope_docs, split_parts, understand


@pytest.mark.parametrize("question,intent", [
    ("What percentage of the 2019/20 DFG goes to Aylesbury Vale?", "share"),
    ("By what percentage did the total fund grow between 2016/17 and 2017/18?", "percent_change"),
    ("How much does the budget go up between 2017/18 and 2018/19?", "change"),
    ("What do the proposed schemes add up to?", "sum"),
    ("Which team has the most staff by FTE?", "max"),
    ("How many of the eight changes are expected to be 'Established' by March 2020?", "count"),
    ("What are the four national conditions?", "list"),
    ("When does the telecare contract expire?", "date"),
    ("Who chairs the governance group?", "who"),
    ("Who oversees the falls service?", "who"),
    ("Who approved the pooled budget?", "who"),
    ("And who will run the night team?", "who"),
    ("What will the programme concentrate on?", "list"),
    ("What should the new service prioritise?", "list"),
    ("What does the winter plan include?", "list"),
    # a plural noun and a modal verb: which things must / should / would ...
    ("Which four national conditions must the plan meet?", "list"),
    ("Which schemes should the board prioritise this winter?", "list"),
    ("Which targets would be missed without the extra beds?", "list"),
    ("How much is the mandated out of hospital spend for 2019/20?", "value"),
])
def test_intents(question: str, intent: str) -> None:
    assert understand(question).intent == intent


@pytest.mark.parametrize("text,expected", [
    ("in 2019-20", ["2019-20"]), ("for 2019/20", ["2019-20"]), ("19/20 allocation", ["2019-20"]),
    ("Q4 2018-19", ["2018-19", "2018-19 Q4"]), ("the first quarter of 2017/18", ["2017-18", "2017-18 Q1"]),
    ("in March 2018", ["Mar 2018", "2018"]), ("between 2015 and 2030", ["2015", "2030"]),
    ("the 2017-19 plan", ["2017-18", "2018-19"]), ("for 2017/19", ["2017-18", "2018-19"]),
    ("2017-2019", ["2017-18", "2018-19", "2017", "2018", "2019"]), ("from 2014-2030", []),
])
def test_periods(text: str, expected: list[str]) -> None:
    assert periods_in(text)[0] == expected


def test_specific_periods_win() -> None:
    assert understand("Did actual exceed the target in Q4 2018-19?").periods == ("2018-19 Q4",)
    assert understand("patients seen at Thame in March 2018").periods == ("Mar 2018",)


def test_parts_and_wants() -> None:
    assert split_parts("Who chairs the group, how often does it meet, and how often are reports published?") == [
        "Who chairs the group", "how often does it meet", "how often are reports published"]
    assert understand("How much DFG went to Wycombe?").wants == "money"
    assert understand("How many FTE are aligned?").wants == "count"
    assert understand("What share of beds are used for step-up?").wants == "percent"


@pytest.mark.parametrize("question,wants", [
    ("What was the home care % of total spend in 2021?", "percent"),
    ("What is the % of discharges made at weekends?", "percent"),
    ("Which scheme had the highest (%) uptake?", "percent"),
    # a bound written with '%' is a figure of the condition, not what is asked for
    ("How many schemes grew by more than 5%?", "count"),
])
def test_a_percent_sign_used_as_a_word_asks_for_a_percentage(question: str, wants: str) -> None:
    assert understand(question).wants == wants


def test_scope_from_names_specific_to_one_document() -> None:
    names = {"Wiltshire": {"w.txt": 40, "b.txt": 1}, "Wycombe": {"a.txt": 5, "b.txt": 9}}
    assert scope_docs("How many people aged 90+ in Wiltshire by 2030?", names) == ("w.txt",)
    assert scope_docs("How much DFG went to Wycombe?", names) == ()


@pytest.mark.parametrize("question,op", [
    # a stated quantity of people or staff: a value to read, not rows to count
    ("How many clients did the falls team visit in 2021?", "value"),
    ("How many social workers are to be moved into the hospital discharge hub?", "value"),
    ("How many carers took part in the respite pilot?", "value"),
    ("How many residents does the Riverside home employ?", "value"),
    # a count of rows, years or items that meet a condition
    ("How many years did the deficit exceed £2m?", "count"),
    ("In how many quarters was the waiting time above target?", "count"),
    ("How many of the six schemes are rated green?", "count"),
])
def test_fitted_operation_tells_a_stated_quantity_from_a_count(question: str, op: str) -> None:
    assert understand(question).operation == op


@pytest.mark.parametrize("question", [
    "What was the year-on-year change in delayed days?",
    "What is the month-on-month change in admissions?",
    "What was the annual change in the home care budget?",
    "How much did the discharge budget change?",
    "By how much did spending on home care change year over year?",
])
def test_a_change_asked_without_periods_is_a_change(question: str) -> None:
    """A change the cues find stays among the operations asked, whatever the fitted model reads first, and
    'year-on-year' is when, not a subject word."""
    q = understand(question)
    assert "change" in q.intents
    assert "year" not in q.terms


def test_a_net_change_is_still_a_row_name_it_may_be() -> None:
    """'the net change in working capital' is a row of a cash-flow statement: the cue does not read 'net change' as the
    operation (the fitted model decides)."""
    from assistant.query import cue_intents

    assert "change" not in cue_intents("What was the net change in working capital in 2019?")


@pytest.mark.parametrize("question,asked", [
    ("What was the growth rate of home care spending in 2019-20?", True),
    ("What is the rate of increase in emergency admissions?", True),
    ("By what percentage did the reablement budget change in 2018-19?", True),
    ("What was the percentage of people seen within two hours in 2019?", False),
    ("What is the percentage of the fund spent on carers?", False),
])
def test_a_growth_rate_is_a_percent_change_and_a_percentage_need_not_be(question: str, asked: bool) -> None:
    assert ("percent_change" in understand(question).intents) == asked


@pytest.mark.parametrize("question,added", [
    ("How much was home care spending in 2018-19 and 2019-20 combined?", True),
    ("What were the winter grants in 2018 and 2019 added together?", True),
    ("What was the Total revenue in 2019?", False),
    ("What is the total deferred tax asset in 2019?", False),
])
def test_words_that_can_only_ask_a_sum_keep_it_when_the_model_reads_a_value(question: str, added: bool) -> None:
    """'combined', 'added together' ask figures added up whatever the fitted model reads; 'total' alone is often
    a row's name and is left to the model."""
    from assistant.query import detect_intents

    assert ("sum" in detect_intents(question, None, ("value", 0.9))) == added


@pytest.mark.parametrize("question,terms", [
    ("What's the figure for home care in 2019?", ("home", "care", "2019")),
    ("What’s the figure for home care in 2019?", ("home", "care", "2019")),
    ("Who's leading the falls service?", ("lead", "fall", "servic")),
    ("It's the council's budget for respite: how much is it?", ("council", "budget", "respit")),
])
def test_a_shortened_little_word_is_not_a_subject_term(question: str, terms: tuple[str, ...]) -> None:
    """"What's", "who's", "it's" are the question words they shorten; "council's" keeps its noun."""
    assert understand(question).terms == terms


@pytest.mark.parametrize("question,dropped,kept", [
    ("How many changes are established by March?", "chang", "establish"),
    ("What were the amounts paid to carers?", "amount", "carer"),
    ("Which figures does the table give for the falls service?", "figur", "fall"),
    ("What are the values of the shares issued?", "valu", "share"),
])
def test_a_question_word_in_the_plural_is_still_a_question_word(question: str, dropped: str, kept: str) -> None:
    """'changes', 'amounts', 'figures', 'values' say what is asked, as 'change' and 'amount' do (so a question and
    a table's 'Change' header agree); 'falls' and 'shares' are things counted, and stay."""
    terms = understand(question).terms
    assert dropped not in terms and kept in terms


@pytest.mark.parametrize("question", [
    "How many more beds were commissioned in 2021 than in 2020?",
    "How many fewer people were delayed in March than in February?",
    "In 2022, how many more staff did the north team have than the south team?",
])
def test_how_many_more_than_asks_for_a_difference(question: str) -> None:
    assert "change" in understand(question).intents


@pytest.mark.parametrize("question,wants", [
    ("How big is the pooled budget for 2024-25?", "money"),
    ("How large was the Disabled Facilities Grant last year?", "money"),
    ("How big is the funding gap in 2025?", "money"),
    ("How big is the population a hub covers?", "count"),   # no money word: a size in people
    ("How large is the integrated team's caseload?", "count"),
])
def test_how_big_asks_for_an_amount_of_money_when_it_is_about_money(question: str, wants: str) -> None:
    assert understand(question).wants == wants


@pytest.mark.parametrize(("question", "wants"), [
    ("How big is the earmarked reserve for winter pressures?", "money"),
    ("How large is the overspend on home care?", "money"),
    ("What is the forecast underspend in mental health?", "money"),
    ("How much is the outturn for learning disabilities?", "money"),
    ("How much are the weekly fees for a nursing placement?", "money"),
    ("How big is the caseload in Marshgate?", "count"),
])
def test_the_money_words_of_a_budget_report_want_an_amount(question: str, wants: str) -> None:
    assert understand(question).wants == wants


@pytest.mark.parametrize(("question", "op", "intent"), [
    ("What was the most common type of complaint?", "which", "max"),
    ("What was the least common type of abuse in 2024/25?", "which", "min"),
    ("Which reason for absence was most frequent in 2026?", "which", "max"),
    ("What was the most commonly reported concern last year?", "which", "max"),
])
def test_the_most_or_least_common_asks_for_an_extreme(question: str, op: str, intent: str) -> None:
    q = understand(question)
    assert q.operation == op and q.intents[0] == intent


@pytest.mark.parametrize(("question", "op"), [
    ("By how much will the average hourly rate rise?", "change"),
    ("What is the percentage increase in the average hourly rate?", "percent_change"),
    ("How much has the average length of stay gone down?", "change"),
    ("What was the change in the average waiting time between 2025 and 2026?", "change"),
])
def test_a_change_of_an_average_is_a_change(question: str, op: str) -> None:
    q = understand(question)
    assert q.operation == op and "average" not in q.intents


@pytest.mark.parametrize("question", [
    "What was the average hourly rate in 2026?",
    "What is the average of the hourly rates?",
    "What was the average number of delayed discharges per month?",
])
def test_an_average_asked_is_still_an_average(question: str) -> None:
    assert "average" in understand(question).intents


@pytest.mark.parametrize("question", [
    "How many percentage points above England is the borough for feeling safe?",
    "How many points higher is the North than the South?",
    "How far below the target is the vaccination rate?",
    "How does satisfaction with care compare with England?",
    "How did spending in 2026 compare to 2025?",
    "What is the projected increase in people aged 65 and over by 2030?",
    "How much did the share of carers who feel supported improve?",
])
def test_a_gap_or_a_comparison_asks_for_a_difference(question: str) -> None:
    q = understand(question)
    assert "change" in q.intents and q.operation != "count"


@pytest.mark.parametrize("question", [
    "How long did enquiries take to complete on average?",
    "For how long does the service support people after discharge?",
    "How long do short breaks last?",
])
def test_how_long_wants_a_duration(question: str) -> None:
    assert understand(question).wants == "duration"
