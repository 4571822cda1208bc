"""A share of 'the total X' where X's words name several rows alike is a share of the totals row below them, not of
one of those rows. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import assistant_over

CARE = """Care budget 2023

Care packages by setting:

\t2023 £\t2022 £
Residential care packages\t6,000\t5,500
Nursing care packages\t3,000\t2,900
Total\t9,000\t8,400
"""


@pytest.fixture(scope="module")
def care(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("share_total"), "care.txt", CARE)


def _share(ans):
    return next(f for f in ans.figures if f.op == "share" and f.unit == "%")


@pytest.mark.parametrize("question,value,whole", [
    ("In 2023, nursing care packages were what percentage of total care packages?", "33.33", "Total"),
    ("What percentage of total care packages in 2022 were residential care packages?", "65.48", "Total"),
    ("What is the share of nursing care packages in the total care packages in 2022?", "34.52", "Total"),
])
def test_the_total_of_rows_named_alike_is_the_totals_row(care, question: str, value: str, whole: str) -> None:
    fig = _share(care.ask(question))
    assert fig.value.quantize(Decimal("0.01")) == Decimal(value)
    assert fig.cells[1].row == whole


FUNDING = """Eastfield joint plan

Table 2: Sources of funding, 2025-26 (£000)

Source\t2024-25\t2025-26
NHS contribution\t30,400\t31,900
Improved Better Care Fund\t9,100\t9,100
Disabled Facilities Grant\t3,300\t3,450
Discharge Fund\t2,200\t2,550
Total\t45,000\t47,000
"""


@pytest.mark.parametrize("question,part,value", [
    ("What percentage of 2025-26 funding comes from the Discharge Fund?", "Discharge Fund", "5.43"),
    ("What share of the funding in 2025-26 is the Disabled Facilities Grant?", "Disabled Facilities Grant", "7.34"),
    ("What proportion of the 2024-25 funding came from the NHS contribution?", "NHS contribution", "67.56"),
    ("In 2024-25, what percentage of funding was the Discharge Fund?", "Discharge Fund", "4.89"),
])
def test_a_share_of_what_the_whole_table_is_about_is_a_share_of_its_total(tmp_path: Path, question: str, part: str,
                                                                         value: str) -> None:
    """'What share of the funding …' of a table of funding: the whole is its total, not a row whose name has
    the word ('Improved Better Care Fund', 'Discharge Fund'), and the share worked out beats a cell in per cent
    elsewhere."""
    a = assistant_over(tmp_path, "plan.txt", FUNDING + METRICS)
    fig = _share(a.ask(question))
    assert fig.value.quantize(Decimal("0.01")) == Decimal(value)
    assert [c.row for c in fig.cells] == [part, "Total"]


METRICS = """
Table 3: Metrics

Metric\t2024-25\t2025-26
Discharge to usual place of residence\t92.4%\t93.0%
Falls admissions per 100,000\t1,950\t1,900
"""


WORKSTREAMS = """Better Care Fund (BCF) plan

Spend by workstream, 2024-25 (£):

Workstream\t2024-25
Intermediate care\t18,000,000
Carers\t2,000,000
BCF management and administration\t300,000
Grand Total\t20,300,000
"""


@pytest.mark.parametrize("question,part,value", [
    ("What share of the Better Care Fund spend goes to carers?", "Carers", "9.85"),
    ("What percentage of BCF spending is spent on intermediate care?", "Intermediate care", "88.67"),
    ("What proportion of the Better Care Fund goes on carers?", "Carers", "9.85"),
])
def test_a_share_of_a_whole_is_never_more_than_all_of_it(tmp_path: Path, question: str, part: str, value: str) -> None:
    """'What share of B goes to A': A is a part of B. A row whose name holds B's words ('BCF management …') but
    is smaller than A is not the whole: the share would pass 100%."""
    a = assistant_over(tmp_path, "bcf.txt", WORKSTREAMS)
    fig = _share(a.ask(question))
    assert fig.value.quantize(Decimal("0.01")) == Decimal(value)
    assert [c.row for c in fig.cells] == [part, "Grand Total"]


INCOME = """Trading company accounts

Results for the year (in thousands):

\t2019\t2018
Turnover\t105,767\t98,310
Cost of goods sold\t(59,659)\t(52,004)
Gross profit\t46,108\t46,306
"""


@pytest.mark.parametrize("question", ["In 2019, what percentage of turnover was the cost of goods sold?",
                                      "What proportion of 2019 turnover goes to cost of goods sold?"])
def test_a_cost_written_negative_is_still_a_part_of_its_whole(tmp_path: Path, question: str) -> None:
    """A cost in brackets is a negative part: its share is a part of the whole all the same, not a pair to set
    aside as more than all of it."""
    a = assistant_over(tmp_path, "accounts.txt", INCOME)
    fig = _share(a.ask(question))
    assert abs(fig.value).quantize(Decimal("0.01")) == Decimal("56.41")
    assert [c.row for c in fig.cells] == ["Cost of goods sold", "Turnover"]



HOME_CARE = """Care at home review

Spend on care at home, 2024-25 (£000):

Service\tSpend
Care at home: personal care visits\t5,400
Care at home: reablement visits\t1,300
Night sitting\t600
Live-in care\t900
Total\t8,200
"""


@pytest.mark.parametrize("question,part", [
    ("What share of spending on care at home goes to night sitting?", "Night sitting"),
    ("What percentage of the care at home spend is spent on live-in care?", "Live-in care"),
])
def test_the_part_is_the_row_its_own_phrase_names(tmp_path: Path, question: str, part: str) -> None:
    """The part of a share is the row the part's phrase names ('night sitting'), not the row the whole question
    matches best (one that says the whole's words, 'care at home')."""
    a = assistant_over(tmp_path, "homecare.txt", HOME_CARE)
    fig = _share(a.ask(question))
    assert [c.row for c in fig.cells] == [part, "Total"]

