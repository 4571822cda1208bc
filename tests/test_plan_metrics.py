"""A plan's metrics table (last year's actual beside this year's plan, rates per 100,000 population): 'the
planned rate of X', 'the actual X rate in 2025-26' read the row's cell in the column the question's words name
(a rate per head of population is the rate asked for, not a percentage a sentence gives), 'which metrics are
planned to fall' are the rows whose plan is below the actual. Every document here is made up; each case is
asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PLAN = """Kestrelford Better Care Fund Plan 2026-27

Metrics

The ambition for hospital admissions for falls is a 4% reduction on the 2025-26 actual.

Table 2: Metrics, 2025-26 actual and 2026-27 plan
Metric	2025-26 actual	2026-27 plan
Unplanned admissions for chronic conditions (per 100,000)	701	684
Hospital admissions for falls, people aged 65 and over (per 100,000)	1,950	1,872
Over-65s living at home three months after reablement	84.1%	86.0%
Permanent admissions to care homes, aged 65 and over (per 100,000)	530	545
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("metrics"), "bcf_plan.txt", PLAN)


@pytest.mark.parametrize("question,value", [
    ("What was the actual rate of hospital admissions for falls in 2025-26?", 1950),
    ("What is the planned rate of unplanned admissions for chronic conditions in 2026-27?", 684),
    ("What is the 2026-27 planned rate of permanent admissions to care homes?", 545),
    ("What was the falls admission rate in 2025-26?", 1950),
])
def test_a_rate_per_head_is_read_from_the_column_named(plan, question: str, value: int) -> None:
    ans = plan.ask(question)
    assert ans.answered and ans.state.get("op") == "lookup", ans.text
    assert ans.figures[0].value == Decimal(value)


@pytest.mark.parametrize("question,rows", [
    ("Which metrics are planned to fall?", {"Unplanned admissions", "Hospital admissions for falls"}),
    ("Which metrics are expected to rise in 2026-27?", {"Over-65s living at home", "Permanent admissions"}),
    ("Which metrics are set to increase?", {"Over-65s living at home", "Permanent admissions"}),
])
def test_the_metrics_planned_to_move_one_way(plan, question: str, rows: set[str]) -> None:
    ans = plan.ask(question)
    assert ans.state.get("op") == "moved", ans.text
    named = {r for r in ("Unplanned admissions", "Hospital admissions for falls", "Over-65s living at home",
                         "Permanent admissions") if r in ans.text}
    assert named == rows
