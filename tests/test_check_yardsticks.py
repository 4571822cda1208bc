"""Claims about a board report's figures where the evidence gives a yardstick beside what happened ('71.2%,
against a target of 78%', '£1.9m against a ceiling of £2.4m'), a month's column beside others, or a move from
one value to another: a claim that quotes the yardstick as what happened, another month's figure, or the wrong
end of a move is not supported; the yardstick claimed as one is. Every document here is made up; each case is
put in several phrasings."""

from __future__ import annotations

import pytest

from assistant import Assistant

from .conftest import assistant_over

REPORT = """Larkhill Community Trust: performance report to the Board

Urgent care

In October 64.5% of patients in the minor injuries unit were seen within four hours, against the national target of 76%.

Bank and agency staff

Spending on bank staff was £3.4m in the year to date, against a budget of £4.1m.

Community therapy

Waiting lists for community therapy have grown from 1,800 people in May 2026 to 2,260 in October 2026.

Table 1: Falls responders on shift by locality and month
Locality	September	October	November
Larkhill North	7	9	11
Larkhill South	5	6	6
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("yardsticks"), "board.txt", REPORT, min_confidence=None)


@pytest.mark.parametrize("claim,correct", [
    ("In October 76% of minor injuries patients were seen within four hours.", "64.5%"),
    ("Four-hour performance in the minor injuries unit was 76% in October.", "64.5%"),
    ("Bank staff spending was £4.1m in the year to date.", "£3.4m"),
    ("Larkhill North had 7 falls responders on shift in November.", "11"),
    ("Larkhill North had 9 falls responders on shift in November.", "11"),
])
def test_a_yardstick_or_another_month_claimed_as_the_figure_is_contradicted(report: Assistant, claim: str,
                                                                            correct: str) -> None:
    c = report.check(claim)[0]
    assert c.label == "contradicted", c.explanation
    assert correct in (c.correct or "") + c.explanation


@pytest.mark.parametrize("claim", [
    "The national four-hour target is 76%.",
    "64.5% of minor injuries patients were seen within four hours in October.",
    "The budget for bank staff is £4.1m.",
    "Spending on bank staff was £3.4m in the year to date.",
    "Waiting lists for community therapy grew to 2,260.",
    "Larkhill North had 11 falls responders on shift in November.",
])
def test_the_figure_as_the_report_gives_it_is_supported(report: Assistant, claim: str) -> None:
    c = report.check(claim)[0]
    assert c.label == "supported", c.explanation


@pytest.mark.parametrize("claim", [
    "Waiting lists for community therapy fell to 1,800.",
    "Community therapy waiting lists have come down to 1,800 people.",
])
def test_the_wrong_end_of_a_move_is_not_supported(report: Assistant, claim: str) -> None:
    assert report.check(claim)[0].label != "supported"
