"""A who-question wants a person (or body) the question does not name itself (prose.holds_wanted, `asked`).

Before, any two capitalised words held 'a person': asked who chairs the Carers Partnership Board, the sentence
'The Carers Partnership Board meets every quarter and reports to the Health and Wellbeing Board' held one (the
board's own name, and another board's), and beat the sentence that names the chair; a label such as
'Executive Lead:' held one too. The documents here are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.prose import holds_wanted
from assistant.query import content_terms

from .conftest import assistant_over

STRATEGY = """Carers Strategy 2024-2027

Approval

The Carers Strategy was approved by the Joint Commissioning Committee on 3 May 2024.

The strategy was signed by Cllr Ruth Evans for the Council and by Mark Osei for the Integrated Care Board.

Governance

The Carers Partnership Board meets every quarter and reports to the Health and Wellbeing Board.

The partnership board is chaired by Joan Hughes, an unpaid carer from Barnstaple.

Each priority has a named officer who reports progress to the partnership board.
"""


@pytest.mark.parametrize("question,text,holds", [
    ("Who is the executive lead for falls prevention?", "Executive Lead:", False),
    ("Who is the executive lead for falls prevention?", "Executive Lead: Dr Amara Osei", True),
    ("Who chairs the Carers Partnership Board?", "The Carers Partnership Board meets every quarter.", False),
    ("Who chairs the Carers Partnership Board?", "The partnership board is chaired by Joan Hughes.", True),
    ("Who is the committee chair?", "Committee Chair:", False),
    ("Who is the committee chair?", "The committee is chaired by the Director of Finance.", True),
])
def test_a_person_the_question_names_is_no_answer(question: str, text: str, holds: bool) -> None:
    assert holds_wanted("person", text, content_terms(question)) is holds
    assert holds_wanted("person", text)  # without the question, each looks like a person or a role


@pytest.mark.parametrize("question", ["Who chairs the Carers Partnership Board?",
                                      "Who is the chair of the Carers Partnership Board?",
                                      "Tell me who chairs the Carers Partnership Board"])
def test_the_sentence_that_names_the_person_answers(tmp_path: Path, question: str) -> None:
    a = assistant_over(tmp_path, "carers_strategy.txt", STRATEGY)
    ans = a.ask(question)
    assert ans.answered and "Joan Hughes" in ans.text, ans.text
    assert [c.line_start for c in ans.citations] == [13]
