"""A share of 'the total X' where X's words name several rows alike is a share of the totals row below them, not of
one of those rows. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

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
