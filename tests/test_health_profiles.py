"""Questions asked of public health reports and committee papers: a breakdown by sex named either way ('male' of a
row 'Men'), a percentage looked up as 'the rate', a move 'since' a period (from it to the latest), rows of the kind a
caption names ('which risk factors ...' of 'Risk factors among adults'), a gap a sentence states by name, the person
a who-question asks for rather than the role it names, and counts that are not the numbers of labels, items or
dates. Every document here is made up; each mechanism is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PROFILE = """Kingsmere Health Profile 2026
A report of the Director of Public Health

Introduction
Dr Tobias Renwick, Director of Public Health
This profile looks at how long people in Kingsmere live and what shapes their health.

Life expectancy
The difference between the richest and poorest tenth of Kingsmere is 8.2 years for men and 6.5 years for women.

Table 1: Life expectancy at birth (years), 2023-25
Sex\tKingsmere\tRegion
Men\t77.4\t78.6
Women\t81.9\t82.7

Table 2: Lifestyle risk factors, adults in Kingsmere
Measure\t2018\t2021\t2024
Adults who smoke\t19.2%\t17.0%\t15.1%
Adults who are obese\t27.5%\t28.8%\t30.2%
Adults who eat five a day\t51.0%\t49.2%\t53.4%
"""


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("profile"), "profile.txt", PROFILE)


def _line(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "value"), [
    ("What is male life expectancy in the region?", "78.6"),
    ("What is female life expectancy in Kingsmere?", "81.9"),
    ("What is life expectancy for women in the region?", "82.7"),
    ("What is life expectancy for males in Kingsmere?", "77.4"),
])
def test_male_and_female_are_the_rows_men_and_women(profile, question: str, value: str) -> None:
    ans = profile.ask(question)
    assert ans.answered and value in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What was the smoking rate in 2018?", "19.2%"),
    ("What was the obesity rate in 2021?", "28.8%"),
    ("What is the rate of adults who smoke in 2024?", "15.1%"),
])
def test_a_percentage_is_the_rate_asked(profile, question: str, value: str) -> None:
    ans = profile.ask(question)
    assert ans.answered and value in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("By how many points has smoking fallen since 2018?", Decimal("-4.1")),
    ("How much has obesity risen since 2018?", Decimal("2.7")),
    ("How far has the share of adults who smoke fallen since 2021?", Decimal("-1.9")),
])
def test_since_a_period_is_from_it_to_the_latest(profile, question: str, value: Decimal) -> None:
    ans = profile.ask(question)  # (not the latest two columns: 2021 and 2024)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize(("question", "rows", "not_rows"), [
    ("Which risk factors have risen since 2018?", ["obese", "five a day"], ["smoke"]),
    ("Which lifestyle risk factor fell between 2018 and 2021?", ["smoke", "five a day"], ["obese"]),
])
def test_rows_of_the_kind_the_caption_names(profile, question: str, rows: list[str], not_rows: list[str]) -> None:
    ans = profile.ask(question)
    assert ans.answered and ans.state.get("op") == "moved", ans.text
    assert all(r in ans.text for r in rows) and not any(r in ans.text for r in not_rows), ans.text


@pytest.mark.parametrize("question", [
    "What is the gap in life expectancy for women between the richest and poorest areas?",
    "How big is the difference in male life expectancy between the richest and poorest tenth?",
])
def test_a_gap_a_sentence_states_by_name(profile, question: str) -> None:
    ans = profile.ask(question)
    assert ans.answered and ("6.5" in ans.text or "8.2" in ans.text), ans.text
    assert _line(PROFILE, "The difference between") in {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question", [
    "Who is the Director of Public Health?",
    "Who is Kingsmere's Director of Public Health?",
])
def test_who_holds_a_role_is_someone_the_question_does_not_name(profile, question: str) -> None:
    ans = profile.ask(question)  # (not 'A report of the Director of Public Health')
    assert ans.answered and "Tobias Renwick" in ans.text, ans.text


PAPER = """Audit and Risk Committee, 14 November 2026
Item 6: Corporate risk register, quarter 2

The register holds 11 risks, four of them rated red.

Recommendations
1. note the register
2. approve the closure of risk 7
"""


@pytest.mark.parametrize("question", [
    "How many risks are on the register?",
    "How many risks does the register hold?",
    "How many risks are there on the corporate risk register?",
])
def test_a_count_is_not_a_date_or_a_labels_number(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "paper.txt", PAPER).ask(question)  # (not '14 November', 'quarter 2', '1. note')
    assert ans.answered and "11 risks" in ans.text, ans.text
    assert _line(PAPER, "The register holds") in {c.line_start for c in ans.citations}


VOLUNTEERS = """Lowfield Hospice annual review 2026

Our volunteers
The hospice has 164 volunteers, of whom 37 joined this year. Volunteer hours rose by 12% this year, to 41,000.
Most volunteers work in our shops, which raised £820,000.
"""


@pytest.mark.parametrize("question", [
    "How many volunteers does the hospice have, and how many joined this year?",
    "How many volunteers are there and how many of them joined this year?",
])
def test_one_sentence_that_answers_both_parts_is_given_alone(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path, "review.txt", VOLUNTEERS).ask(question)
    assert ans.answered and "164" in ans.text and "37" in ans.text, ans.text
    assert "12%" not in ans.text and "820,000" not in ans.text, ans.text  # (not a second sentence for the second part)
