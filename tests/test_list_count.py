"""'How many priorities does the strategy have?': the items of the list whose lead-in (or heading) names what is
counted, counted by the figure engine with the lead-in and every item cited; not a list whose lead-in states a
number of its own. Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

PAPER = """Fernbrook Integrated Care Partnership
Ageing Well Programme: plan on a page, 2026 to 2028

Why this matters

Fernbrook has 61,000 residents aged 65 and over, and the number is rising by around 2% a year.

Objectives

The programme's objectives for the next two years are:
- reduce emergency admissions after a fall
- extend proactive care to every housebound patient
- support more people to die in their preferred place
- bring hospital discharge planning forward to the day of admission

Enablers

Delivery depends on four enablers, which are:
1. A shared care record across health and social care
2. A single point of access for referrals
3. Joint workforce planning with the voluntary sector
4. An outcomes framework agreed by every partner

Engagement

Of the 530 residents who answered our survey, most asked us to:
- make it easier to get through to a GP practice
- reduce waits for home adaptations
"""


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("listcount"), "ageing_well.txt", PAPER)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(PAPER.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize("question,n,lead", [
    ("How many objectives does the programme have?", 4, "The programme's objectives"),
    ("How many objectives are there for the next two years?", 4, "The programme's objectives"),
    ("How many enablers does delivery depend on?", 4, "Delivery depends on four enablers"),
    ("How many enablers are listed?", 4, "Delivery depends on four enablers"),
])
def test_the_items_of_a_list_counted(paper, question: str, n: int, lead: str) -> None:
    ans = paper.ask(question)
    assert ans.answered and ans.state.get("op") == "count", ans.text
    assert ans.figures[0].value == n
    lines = {c.line_start for c in ans.citations}
    first = _line(lead)
    assert lines == {first, *range(first + 1, first + 1 + n)}, lines


def test_a_list_whose_lead_in_states_a_number_is_not_counted(paper) -> None:
    """'Of the 530 residents who answered our survey, most asked us to:' lists requests, not residents."""
    ans = paper.ask("How many residents answered the survey?")
    assert not (ans.state.get("op") == "count" and ans.figures and ans.figures[0].value == 2), ans.text
