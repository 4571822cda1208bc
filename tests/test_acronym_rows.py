"""A question that uses an acronym names a row that spells it out no less than one that uses it too: the long
form's words are not held against the row as words the question leaves unsaid. And asked for 'the total X',
a table's totals row ('Grand Total') is preferred over a row that shares one of the question's words, whatever
words of its own the totals row carries. Every document here is made up; each case is asked in several
phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PLAN = """Riverside Integrated Care Plan 2024-26

The Integrated Care Board (ICB) and Riverside Council (RC) pool their budgets under a section 75 agreement.
The Community Equipment Service (CES) is commissioned jointly.

Funding by source

Source of funding\t2024-25\t2025-26
ICB contribution (pooled with RC)\t12,400,000\t12,650,000
ICB contribution (schemes commissioned directly by ICB)\t6,300,000\t6,420,000
RC contribution\t3,900,000\t3,950,000
Housing adaptations grant\t1,750,000\t1,800,000
Total funding\t24,350,000\t24,820,000

Spending by workstream

Workstream\t2024-25\t2025-26
Hospital discharge\t9,100,000\t9,300,000
CES equipment and adaptations\t2,250,000\t2,300,000
Carers support\t1,400,000\t1,420,000
ICB programme management\t600,000\t610,000
Unallocated\t11,000,000\t11,190,000
Grand Total\t24,350,000\t24,820,000
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("acronym_rows"), "riverside.txt", PLAN)


@pytest.mark.parametrize("question", [
    "What is the total ICB contribution in 2024-25, counting both the amount pooled with the council and the schemes "
    "commissioned directly?",
    "How much does the ICB contribute in 2024-25 in total, including both the pooled amount and the schemes it "
    "commissions directly?",
    "What is the ICB contribution in 2024-25, pooled and commissioned directly combined?",
])
def test_rows_that_spell_out_the_acronym_asked_are_the_ones_added(plan, question: str) -> None:
    ans = plan.ask(question)
    fig = next(f for f in ans.figures if f.op == "sum")
    assert fig.value == Decimal(18_700_000)
    assert {c.row.split(" / ")[-1] for c in fig.cells} == {
        "ICB contribution (pooled with RC)", "ICB contribution (schemes commissioned directly by ICB)"}
    assert {c.line for c in fig.cells} == {9, 10}


@pytest.mark.parametrize("question,value", [
    ("How much does total ICB spending by workstream rise from 2024-25 to 2025-26?", Decimal(470_000)),
    ("By how much does the total spend by workstream change between 2024-25 and 2025-26?", Decimal(470_000)),
    ("What is the change in total ICB workstream spending from 2024-25 to 2025-26?", Decimal(470_000)),
])
def test_the_totals_row_is_the_total_asked_for_whatever_its_own_words(plan, question: str, value: Decimal) -> None:
    ans = plan.ask(question)
    fig = ans.figures[0]
    assert fig.value == value
    assert {c.row.split(" / ")[-1] for c in fig.cells} == {"Grand Total"}
    assert {c.line for c in fig.cells} == {23}
