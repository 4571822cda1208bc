"""A row that gives a part of the row above it ('thereof …', 'of which …') is already counted in that row: it
is read as the row's part, a totals row left without a label is still found (its figures are the sum of the
other rows), a total asked for is that row, and the audit does not add the part in again. Every document
here is made up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.audit import audit
from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_over

STAFF = """Workforce costs

Staff costs can be broken down as follows:

£ thousand\t2022/23\t2023/24
Salaries\t41,200\t43,900
Agency and bank staff\t6,300\t5,100
of which: agency nurses\t(2,800)\t(2,100)
Pension contributions\t5,500\t5,900
\t53,000\t54,900
"""

CARE = """Community services

Spend on community services by provider:

£ thousand\t2022/23\t2023/24
Community trust\t18,400\t19,050
thereof district nursing\t7,100\t7,400
Hospice at home\t2,600\t2,750
Voluntary sector\t1,300\t1,200
Total\t22,300\t23,000
"""


def _tables(tmp_path: Path, text: str):
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    doc = read(f)
    return doc, extract_tables(doc, segment(doc))


@pytest.mark.parametrize("text,part,parent", [
    (STAFF, "of which: agency nurses", "Agency and bank staff"),
    (CARE, "thereof district nursing", "Community trust"),
])
def test_a_part_row_belongs_to_the_row_above(tmp_path: Path, text: str, part: str, parent: str) -> None:
    _, tables = _tables(tmp_path, text)
    rows = {r.label: r for r in tables[0].rows}
    assert rows[part].group == parent
    assert [r.role for r in tables[0].rows].count("total") == 1


def test_an_unlabelled_total_is_found_past_a_part_row(tmp_path: Path) -> None:
    _, tables = _tables(tmp_path, STAFF)
    total = next(r for r in tables[0].rows if r.role == "total")
    assert [c.value for c in total.cells[1:]] == [Decimal(53_000_000), Decimal(54_900_000)]
    assert total.lines == (10,)


@pytest.mark.parametrize("text", [STAFF, CARE])
def test_the_audit_does_not_add_a_part_in_again(tmp_path: Path, text: str) -> None:
    doc, tables = _tables(tmp_path, text)
    assert audit([doc], tables) == []


def test_a_wrong_total_over_a_part_row_is_still_found(tmp_path: Path) -> None:
    doc, tables = _tables(tmp_path, CARE.replace("23,000", "23,100"))
    found = [f for f in audit([doc], tables) if f.kind == "total"]
    assert len(found) == 1 and found[0].computed.replace("£", "").startswith("23,000")


@pytest.mark.parametrize("question,value", [
    ("What were total staff costs in 2023/24?", Decimal(54_900_000)),
    ("How much were staff costs in total in 2023/24?", Decimal(54_900_000)),
    ("What was the total of staff costs in 2022/23?", Decimal(53_000_000)),
])
def test_the_total_asked_is_the_totals_row(tmp_path_factory: pytest.TempPathFactory, question: str,
                                            value: Decimal) -> None:
    a = assistant_over(tmp_path_factory.mktemp("part_of"), "staff.txt", STAFF)
    ans = a.ask(question)
    fig = ans.figures[0]
    assert fig.value == value
    assert {c.line for c in fig.cells} == {10}
