"""A share of 'the total X' where X's words name several rows alike is a share of the totals row below them, not of
one of those rows; and a share asked for as a proportion is also given as a proportion of one. Every document here
is made up; each case is asked in several phrasings."""

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


@pytest.mark.parametrize("question,proportion", [
    ("Residential care packages made up what proportion of total care packages in 2023?", "0.67"),
    ("What fraction of the total care packages were nursing care packages in 2023?", "0.33"),
    ("What proportion of the 2022 total care packages was residential care packages?", "0.65"),
])
def test_a_proportion_asked_is_given_as_one(care, question: str, proportion: str) -> None:
    ans = care.ask(question)
    prop = next(f for f in ans.figures if f.unit is None and f.op == "share")
    assert prop.text == proportion
    assert proportion in ans.text
    assert prop.cells == _share(ans).cells


def test_a_percentage_asked_is_not_turned_into_a_proportion(care) -> None:
    ans = care.ask("What percentage of the total care packages were nursing care packages in 2023?")
    assert all(f.unit == "%" for f in ans.figures if f.op == "share")
