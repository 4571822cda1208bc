"""A question's own name for its subject, said word for word by a sentence (prose.ProseReader.score,
query.wanted_kind): 'the total contract value', 'the average hourly rate' are names whose operation words ('total',
'average') the question's terms leave out, so every sentence about contracts or rates covered the question as well
as the one that states it. And a rate paid by the hour, day or week is a price, not a percentage. The documents
here are made up; each case is asked in several phrasings."""

from __future__ import annotations

import pytest

from assistant.query import understand

from .conftest import assistant_over

STRATEGY = """Home care commissioning strategy

The new model

Contracts will run for five years from April 2025, with an option to extend them for two more.
Each contract covers one of eight zones and names a lead provider for the zone.
The total contract value over five years is estimated at £205m.
Vacancy rates among home care workers average 11% across the county.
The average hourly rate is £22.40, and the council will review it each April.
"""


@pytest.fixture(scope="module")
def strategy(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("named_subject"), "strategy.txt", STRATEGY)


@pytest.mark.parametrize(("question", "said", "line"), [
    ("What is the total contract value?", "£205m", 7),
    ("How much is the total contract value expected to be?", "£205m", 7),
    ("What is the average hourly rate?", "£22.40", 9),
    ("What is the average hourly rate the council pays?", "£22.40", 9),
    ("What hourly rate does the council pay for home care?", "£22.40", 9),
])
def test_the_sentence_that_names_the_subject_answers(strategy, question: str, said: str, line: int) -> None:
    ans = strategy.ask(question)
    assert ans.answered and said in ans.text, ans.text
    assert [c.line_start for c in ans.citations][:1] == [line]


@pytest.mark.parametrize(("question", "wants"), [
    ("What is the hourly rate for home care?", "money"),
    ("What is the weekly rate for a nursing home bed?", "money"),
    ("What rate per hour do providers get?", "money"),
    ("What is the daily interest rate?", "percent"),
    ("What is the vacancy rate among care workers?", "percent"),
])
def test_a_rate_paid_by_the_hour_or_week_is_a_price(question: str, wants: str) -> None:
    assert understand(question).wants == wants


MARKET = """Care market position statement

The market today

The council works with providers, carers and the people who use services to shape the care market it commissions from in 2024.
The council buys care from 46 providers across the county, most of them small local firms.
The council spends on care at home for adults through zone contracts and spot purchases.
Spending on care at home reached £38.2m in 2023/24.
"""


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("market"), "market.txt", MARKET)


@pytest.mark.parametrize(("question", "said", "line"), [
    ("How many providers does the council commission from?", "46 providers", 6),
    ("How many providers does the council work with now?", "46 providers", 6),
    ("How much does the council spend on care at home for adults?", "£38.2m", 8),
    ("How much money does the council spend on care at home?", "£38.2m", 8),
])
def test_a_sentence_with_the_kind_of_number_asked_for_answers(market, question: str, said: str, line: int) -> None:
    """The sentence that covers the question's words best holds no number of the kind asked for (a year, or
    none): the best one that does answers, not nothing."""
    ans = market.ask(question)
    assert ans.answered and said in ans.text, ans.text
    assert line in [c.line_start for c in ans.citations]


UNIT = """Reablement unit: annual review

Spend by quarter (£000)

Service\tQ1\tQ2\tQ3\tQ4
Reablement unit beds\t310\t325\t298\t341
Home-based reablement\t205\t214\t231\t226

Since the new therapy rota began, the average length of stay in reablement unit beds has fallen to 18 days from 23.
Most people leave the unit for their own home, and one in ten moves on to a care home.
"""


@pytest.fixture(scope="module")
def unit(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("named_average"), "unit.txt", UNIT)


@pytest.mark.parametrize("question", [
    "What is the average length of stay in reablement unit beds?",
    "How long is the average length of stay in the reablement unit's beds now?",
    "What has the average length of stay in reablement unit beds fallen to?",
])
def test_an_operation_word_in_a_name_a_sentence_says_is_no_computation(unit, question: str) -> None:
    """'The average length of stay' is what the sentence states, not an average to work out of the table's
    cells (whose row 'Reablement unit beds' the question also names)."""
    ans = unit.ask(question)
    assert ans.answered and not ans.figures and "18 days" in ans.text, ans.text
    assert [c.line_start for c in ans.citations] == [9]


@pytest.mark.parametrize("question", ["What was the average quarterly spend on reablement unit beds?",
                                      "On average, how much was spent on home-based reablement each quarter?"])
def test_an_average_no_sentence_names_is_worked_out(unit, question: str) -> None:
    fig = unit.ask(question).figures[0]
    assert fig.op == "average" and len(fig.cells) == 4
