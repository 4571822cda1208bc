"""Which columns a question reads. Tables that give each period's amount and its share ('£000' beside '% of
total'): a question for an amount, or for a change of one, is answered from the amounts; a question for the share
reads the shares. Columns dated within a year ('August 31,2019', 'May 31,2019') are told apart, and ordered, by
their months; a month asked of a table of year columns reads its year's column. Every document here is made up;
each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

SPEND = """Community services plan

Spend by service:

\t2021/22 / £000\t2021/22 / % of total spend\t2022/23 / £000\t2022/23 / % of total spend
Home care\t4,200\t42%\t4,830\t46%
Reablement\t3,100\t31%\t2,940\t28%
Equipment\t2,700\t27%\t2,730\t26%
Total spend\t10,000\t100%\t10,500\t100%
"""

@pytest.fixture(scope="module")
def spend(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("share_cols"), "services.txt", SPEND)


def _figure(ans):
    assert ans.figures, ans.text
    return ans.figures[0]


@pytest.mark.parametrize("question,value", [
    ("How much did spending on home care change between 2021/22 and 2022/23?", Decimal(630_000)),
    ("By how much did reablement spend change from 2021/22 to 2022/23?", Decimal(-160_000)),
    ("By how much did home care spend change over the two years?", Decimal(630_000)),
    ("By how much did equipment spend rise from 2021/22 to 2022/23?", Decimal(30_000)),
])
def test_a_change_of_an_amount_is_read_from_the_amounts(spend, question: str, value: Decimal) -> None:
    fig = _figure(spend.ask(question))
    assert fig.value == value  # £000: the column's scale applied
    assert all("£000" in c.column for c in fig.cells)


@pytest.mark.parametrize("question,value", [
    ("By what percentage did home care spend rise from 2021/22 to 2022/23?", Decimal(15)),
    ("By what percentage did spending on reablement change between 2021/22 and 2022/23?", Decimal("-5.16")),
])
def test_a_percentage_change_of_an_amount_is_read_from_the_amounts(spend, question: str, value: Decimal) -> None:
    fig = _figure(spend.ask(question))
    assert fig.value.quantize(Decimal("0.01")) == value.quantize(Decimal("0.01"))
    assert all("£000" in c.column for c in fig.cells)


@pytest.mark.parametrize("question", [
    "How much did the plan spend on reablement in 2022/23?",
    "What was reablement spend in 2022/23?",
])
def test_an_amount_is_read_from_the_amounts(spend, question: str) -> None:
    ans = spend.ask(question)
    assert "2,940" in ans.text
    assert "28%" not in ans.text


@pytest.mark.parametrize("question", [
    "What percentage of total spend went on reablement in 2022/23?",
    "What was reablement's % of total spend in 2022/23?",
])
def test_a_share_asked_for_is_still_the_share(spend, question: str) -> None:
    ans = spend.ask(question)
    assert "28%" in ans.text or "28.0%" in ans.text


QUARTERS = """Quarterly results

Selected quarterly data:

\tThree Months Ended\t\t\t
\tAugust 31,2019\tMay 31,2019\tFebruary 28,2019\tNovember 30,2018
Grant income\t4,120\t3,870\t3,640\t3,510
Staff costs\t2,950\t2,880\t2,790\t2,700

Annual figures for the years ended 30 September:

\t2019\t2018
Beds commissioned\t412\t388
"""


@pytest.fixture(scope="module")
def quarters(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("dated_cols"), "quarters.txt", QUARTERS)


@pytest.mark.parametrize("question,value", [
    ("How much did grant income go up from May 2019 to August 2019?", Decimal(250)),
    ("How much did staff costs change from November 2018 to February 2019?", Decimal(90)),
    ("By how much did grant income rise from the quarter ended February 2019 to May 2019?", Decimal(230)),
])
def test_a_month_asked_reads_the_column_dated_in_it(quarters, question: str, value: Decimal) -> None:
    """'August 31,2019' (the comma and year run together) is a column of August 2019."""
    fig = _figure(quarters.ask(question))
    assert fig.value == value


@pytest.mark.parametrize("question,value", [
    ("How much did beds commissioned rise from September 2018 to September 2019?", Decimal(24)),
    ("How many more beds were commissioned in September 2019 than in September 2018?", Decimal(24)),
])
def test_a_month_asked_reads_the_year_column_that_names_no_month(quarters, question: str, value: Decimal) -> None:
    fig = _figure(quarters.ask(question))
    assert fig.value == value
    assert {c.column for c in fig.cells} == {"2019", "2018"}
