"""Quarterly returns and needs assessments: a change between two quarters of a table with a plan and an actual
column for each (the actuals, unless the question asks the plan's); 'how many more X at A than at B' as two rows
compared; a why-question a figure never answers, whatever words the sentence that does uses; a sentence that
states a share ('14% of ...') as doing what a share question asks. Every document here is made up; each mechanism
is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

RETURN = """Ferrybridge Better Care Fund
Quarter 3 return 2026/27

Table 1: Metrics, plan and actual
Metric\tQ2 plan\tQ2 actual\tQ3 plan\tQ3 actual
Unplanned admissions for chronic conditions (per 100,000)\t180\t192\t176\t170
Discharges to usual place of residence (%)\t93.0\t92.2\t93.0\t94.4
Care home admissions, aged 65+ (per 100,000)\t120\t126\t118\t131

Commentary
Unplanned admissions for chronic conditions came in under plan in quarter 3, after the community respiratory
team doubled its home visits. Care home admissions went over plan in quarter 3, with the closure of two home care
providers in October.
"""


@pytest.fixture(scope="module")
def ret(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("return"), "return.txt", RETURN)


@pytest.mark.parametrize(("question", "value"), [
    ("How much did unplanned admissions for chronic conditions fall between Q2 and Q3?", -22),
    ("By how much did care home admissions change from Q2 to Q3?", 5),
    ("How much did the planned rate of care home admissions change between Q2 and Q3?", -2),
])
def test_a_change_between_quarters_of_one_measure(ret, question: str, value: int) -> None:
    ans = ret.ask(question)  # (Q2 actual to Q3 actual; not Q2 plan to Q3 actual)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize(("question", "said"), [
    ("Why did unplanned admissions for chronic conditions come in under plan?", "respiratory team"),
    ("Why were care home admissions over plan in quarter 3?", "closure of two home care providers"),
])
def test_a_figure_is_never_the_reason(ret, question: str, said: str) -> None:
    ans = ret.ask(question)  # (the sentence gives the reason without 'because' or 'due to')
    assert ans.answered and said in ans.text and not ans.figures, ans.text


PLACES = """Tideford End of Life Care Review 2026

Table 3: Where people died, 2025
Place\tDeaths\tShare
Hospital\t860\t44.1%
Home\t610\t31.3%
Care home\t390\t20.0%
Hospice\t90\t4.6%

People with a cancer diagnosis were the most likely to die in a hospice: 14% of cancer deaths were in a hospice.
"""


@pytest.mark.parametrize(("question", "value"), [
    ("How many more deaths were there at home than in care homes?", 220),
    ("How many fewer deaths were there in a hospice than at home?", -520),
    ("How many more people died in hospital than at home?", 250),
])
def test_how_many_more_at_one_place_than_another(tmp_path, question: str, value: int) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "places.txt", PLACES).ask(question)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize("question", [
    "What share of cancer deaths were in a hospice?",
    "What proportion of people with cancer died in a hospice?",
])
def test_a_sentence_that_states_the_share_does_what_is_asked(question: str) -> None:
    from assistant import confidence as C
    from assistant.evidence import Evidence
    from assistant.query import understand

    q = understand(question)
    assert q.operation == "share"
    ev = Evidence("People with a cancer diagnosis were the most likely to die in a hospice: 14% of cancer deaths were "
                  "in a hospice.", [], [], 1.0, 1.0, "prose", {})
    assert C.features(q, ev, True)["op_agrees"] == 1.0
    other = Evidence("People with a cancer diagnosis were the most likely to die in a hospice.", [], [], 1.0, 1.0, "prose", {})
    assert C.features(q, other, False)["op_agrees"] == 0.0


OUTCOMES = """Ravensby Health and Wellbeing Strategy: outcomes update 2026

Table 1: Indicators
Indicator\tBaseline (2023)\tLatest (2025)\tTarget (2029)
People on the waiting list for talking therapies\t1,240\t1,530\t800
Adults who are physically active (%)\t61.0\t63.5\t70.0
Emergency admissions for falls, aged 65+\t980\t910\t850
"""


@pytest.mark.parametrize(("question", "value", "not_said"), [
    ("How many people are on the waiting list for talking therapies?", "1,530", "800"),
    ("What share of adults are physically active?", "63.5", "70.0"),
    ("How many emergency admissions for falls are there among people aged 65 and over?", "910", "850"),
])
def test_a_question_with_no_period_is_not_answered_from_the_target_year(tmp_path, question: str, value: str,
                                                                        not_said: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "outcomes.txt", OUTCOMES).ask(question)  # (2029 is the target's year, not the latest)
    assert ans.answered and value in ans.text and not_said not in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("By how much has the talking therapies waiting list grown since the baseline?", 290),
    ("How much have falls admissions for people aged 65+ changed?", -70),
])
def test_a_change_with_no_period_asked_is_between_what_was(tmp_path, question: str, value: int) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "outcomes.txt", OUTCOMES).ask(question)  # (not from the latest to the target)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == value, ans.text


WAITS = """Colebrook Adult Social Care: people waiting for an assessment, by team

Table 1: People waiting at the end of each month
Team\tOctober\tNovember\tDecember
Hospital team\t42\t38\t45
North locality\t130\t121\t112
South locality\t96\t104\t99
Sensory impairment\t22\t25\t27
Total\t290\t288\t283
"""


@pytest.mark.parametrize(("question", "rows", "not_rows"), [
    ("Which teams' waiting lists grew between October and December?", ["Hospital team", "Sensory impairment", "South"],
     ["North locality"]),
    ("Which team's waiting list fell between October and December?", ["North locality"], ["South locality"]),
])
def test_the_rows_that_moved_between_two_months(tmp_path, question: str, rows: list[str], not_rows: list[str]) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "waits.txt", WAITS).ask(question)  # (columns named by months, no year)
    assert ans.answered and ans.state.get("op") == "moved", ans.text
    assert all(r in ans.text for r in rows) and not any(r in ans.text for r in not_rows), ans.text


@pytest.mark.parametrize(("question", "month"), [
    ("In which month were the most people waiting for an assessment?", "October"),
    ("Which month had the fewest people waiting?", "December"),
])
def test_the_month_of_the_extreme_of_what_the_whole_table_counts(tmp_path, question: str, month: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "waits.txt", WAITS).ask(question)  # (the totals row: no team is named)
    assert ans.answered and ans.state.get("op") in ("max_over", "min_over"), ans.text
    assert month in ans.text.split(":")[0], ans.text
