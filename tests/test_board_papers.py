"""Questions asked of board papers with a funding table by source: a share of a row's whole said by a column the
question names ('what share ... comes from the council?' of columns 'NHS', 'Council', 'Total'); the verbs that ask
an amount of money ('contribute', 'paid') said of a money column; who wrote a paper, said by 'Report by: ...'; how
much something is to move, said as 'from X to Y' in a list item, over a cell that holds another measure of it; a share
whose predicate is a verb of its own ('... completed successfully'). Every document here is made up; each mechanism
is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PAPER = """Northdown Place Partnership Board
Agenda item 5: Community capacity plan 2026/27
Report by: Imran Qureshi, Director of Community Services

Our plans this year are:
- growing the hospital at home service from 30 to 48 beds
- extending the falls response team to cover nights
- a new crisis line for carers

Table 1: Funding by source (£000)
Scheme\tNHS\tCouncil\tTotal
Hospital at home\t1,200\t0\t1,200
Falls response\t340\t260\t600
Carers crisis line\t90\t210\t300
Total\t1,630\t470\t2,100
"""

OUTCOMES = """Brookfield Recovery Service
Outcomes 2025/26
Client group\tIn treatment\tCompleted successfully\tDropped out
Alcohol\t420\t147\t60
Cannabis\t150\t72\t18
Cocaine\t230\t69\t41
"""


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("paper"), "capacity.txt", PAPER)


@pytest.mark.parametrize(("question", "value"), [
    ("What share of the funding comes from the council?", Decimal(470) / 2100 * 100),
    ("What percentage of the falls response funding comes from the NHS?", Decimal(340) / 600 * 100),
    ("What proportion of the carers crisis line is paid for by the council?", Decimal(210) / 300 * 100),
])
def test_a_share_said_by_a_column_is_of_the_rows_total_column(paper, question: str, value: Decimal) -> None:
    ans = paper.ask(question)  # (not the row's share of the column's total)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How much does the council contribute to the falls response?", 260),
    ("How much does the NHS contribute in total?", 1630),
    ("How much is paid by the council for the carers crisis line?", 210),
])
def test_verbs_asking_an_amount_of_money_are_said_of_a_money_column(tmp_path_factory, question: str, value: int) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path_factory.mktemp("money"), "capacity.txt", PAPER, min_confidence=None)
    ans = a.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value * 1000, ans.text  # (£000)


@pytest.mark.parametrize("question", [
    "Who wrote the community capacity plan report?",
    "Who wrote the report?",
    "Who prepared the capacity plan report?",
])
def test_who_wrote_a_paper_is_said_by_its_report_by_line(tmp_path_factory, question: str) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path_factory.mktemp("author"), "capacity.txt", PAPER, min_confidence=None)
    ans = a.ask(question)
    assert ans.answered and "Imran Qureshi" in ans.text, ans.text
    assert any(c.line_start <= 3 <= (c.line_end or c.line_start) for c in ans.citations), ans.citations


@pytest.mark.parametrize("question", [
    "By how much will the hospital at home service grow?",
    "By how many beds will hospital at home grow?",
    "By how much is hospital at home expanding?",
])
def test_a_move_a_list_item_states_over_a_cell_of_another_measure(paper, question: str) -> None:
    ans = paper.ask(question)  # (not the scheme's funding, £1,200k)
    assert ans.answered and ans.figures and ans.figures[0].value == 18, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What percentage of people in treatment for alcohol completed successfully?", Decimal(147) / 420 * 100),
    ("What proportion of cannabis clients dropped out?", Decimal(18) / 150 * 100),
    ("What share of cocaine clients completed treatment successfully?", Decimal(69) / 230 * 100),
])
def test_a_share_whose_predicate_is_a_verb(tmp_path_factory, question: str, value: Decimal) -> None:  # type: ignore[no-untyped-def]
    a = assistant_over(tmp_path_factory.mktemp("outcomes"), "outcomes.txt", OUTCOMES)
    ans = a.ask(question)  # (not a share of the column's total over the client groups)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text
