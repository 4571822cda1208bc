"""The words a question asks for a reason with ('what caused', 'the reason for', 'what drove') are said by a
sentence that gives a cause ('due to', 'driven by'): such a sentence answers the question, where before those
words were counted as left unexplained and the answer was withheld. The document is made up; each cause is
asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

REVIEW = """Annual review 2021

Activity

Emergency admissions fell by 6% in 2020-21 compared with 2019-20. The fall in emergency admissions was mainly due to the new frailty service in the community.

Home care spending rose to £4.2m in 2020-21. The rise in home care spending was driven by higher hourly rates paid to providers.

Funding

The respite allowance is calculated by multiplying the number of eligible carers by a weekly rate of £38.

The carers premium represents an extra payment to people who care for someone for 35 hours a week or more.
"""


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory):
    # the fitted confidence policy is on: the answer must be given, not only found
    return assistant_over(tmp_path_factory.mktemp("asking"), "review.txt", REVIEW, min_confidence=None)


def _lines(ans) -> set[int]:
    return {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question,line", [
    ("What caused the fall in emergency admissions?", 5),
    ("What was the reason for the fall in emergency admissions?", 5),
    ("What drove the rise in home care spending?", 7),
    ("What caused home care spending to rise?", 7),
])
def test_a_reason_is_given_for_a_question_that_asks_why(review, question: str, line: int) -> None:
    ans = review.ask(question)
    assert ans.answered
    assert line in _lines(ans)

