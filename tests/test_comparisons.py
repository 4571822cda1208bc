"""Comparisons a public health profile and a register of providers are asked about: how much lower or higher one
row (or column) is than another ('How much lower is ... in Eastgate than in England?', 'How far below the region is
... for Harwell women?'); which rows are above or below another row's figure ('below the England average'), leaving
out the rows that compare the members with wholes; "women's" as 'women'; a category value asked in another form of
its verb ('require improvement' of 'Requires improvement'); 'which district is X in?' as X's cell; the rows of one
kind added up as a count; rows against a column the question calls the national average; the organisation's own
figure, not the yardstick's, where the question names neither; the row that gathers the rest ('Other reasons') is
not the most common. Every document here is made up; each mechanism is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import assistant_over

PROFILE = """Harwell Public Health Profile 2026
Smoking and physical activity

Key facts
- Adult smoking prevalence in Harwell is 14.6%, against 11.9% in England.
- Physically active adults: 61.2% of men and 58.4% of women.

Table 1: Adult smoking prevalence by neighbourhood (%), 2025
Neighbourhood\tMen\tWomen\tIndex of deprivation rank
Eastgate\t22.4\t18.9\t1
Marlow Park\t17.1\t13.6\t3
Riverside\t12.8\t10.2\t5
Southwood\t9.6\t8.1\t8
Westfield\t15.3\t12.4\t4
Harwell\t16.0\t13.2\t
England\t13.1\t10.8\t

Table 2: Physically active adults (%), three-year averages
Period\tHarwell men\tHarwell women\tRegion men\tRegion women
2020-22\t63.0\t60.1\t65.2\t62.0
2021-23\t62.1\t59.0\t65.0\t61.7
2022-24\t61.2\t58.4\t64.6\t61.5
"""

REGISTER = """Kelbrook Council
Register of day opportunities providers, 2026

Table 1: Day opportunities providers
Provider\tDistrict\tPlaces\tCQC rating\tDaily rate (£)
Brookside Centre\tNorth Kelbrook\t40\tGood\t68
Canal Street Hub\tCentral\t25\tRequires improvement\t72
Fernhill Farm\tNorth Kelbrook\t18\tOutstanding\t85
Greenway Club\tSouth Kelbrook\t32\tGood\t64
Lakeside Lodge\tCentral\t22\tRequires improvement\t70
Millbrook Arts\tSouth Kelbrook\t15\tGood\t79

No provider on the register is rated Inadequate.
"""


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("profile"), "profile.txt", PROFILE)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("register"), "register.txt", REGISTER, min_confidence=None)


def _line(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(start))


def _cited(ans) -> set[int]:  # type: ignore[no-untyped-def]
    return {n for c in ans.citations for n in range(c.line_start, c.line_end + 1)}


@pytest.mark.parametrize(("question", "rows", "value"), [
    ("How much lower is male smoking prevalence in Southwood than in England?", ("Southwood", "England"), "-3.5"),
    ("How much higher is smoking prevalence for women in Eastgate than in England?", ("Eastgate", "England"), "8.1"),
    ("How far above England is female smoking in Marlow Park?", ("Marlow Park", "England"), "2.8"),
])
def test_one_row_against_another(profile, question: str, rows: tuple[str, str], value: str) -> None:
    ans = profile.ask(question)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures, ans.text
    assert abs(ans.figures[0].value) == abs(Decimal(value)), ans.text
    assert {_line(PROFILE, r + "\t") for r in rows} <= _cited(ans), ans.citations


@pytest.mark.parametrize(("question", "value"), [
    ("How far below the region is physical activity for Harwell women in 2022-24?", "3.1"),
    ("What gap in physical activity is there between Harwell men and region men in 2021-23?", "2.9"),
    ("How much lower is physical activity for Harwell women than region women in 2020-22?", "1.9"),
])
def test_one_column_against_another_in_the_period_asked(profile, question: str, value: str) -> None:
    ans = profile.ask(question)  # (not the change since the period before)
    assert ans.answered and ans.state.get("op") == "change" and ans.figures, ans.text
    assert abs(ans.figures[0].value) == Decimal(value), ans.text


@pytest.mark.parametrize(("question", "named", "unnamed"), [
    ("Which neighbourhoods have male smoking prevalence above the England average?",
     ["Eastgate", "Marlow Park", "Westfield"], ["Riverside", "Southwood", "Harwell ("]),
    ("Which neighbourhoods have smoking among women below England?", ["Riverside", "Southwood"],
     ["Eastgate", "Harwell ("]),
    ("Which neighbourhoods have female smoking higher than Harwell?", ["Eastgate", "Marlow Park"],
     ["Westfield", "England ("]),
])
def test_the_rows_above_or_below_another_rows_figure(profile, question: str, named: list[str],
                                                     unnamed: list[str]) -> None:
    ans = profile.ask(question)  # (the borough and England compare the neighbourhoods with wholes: not among them)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    assert all(n in ans.text for n in named) and not any(u in ans.text for u in unnamed), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many neighbourhoods have male smoking above England?", 3),
    ("How many neighbourhoods have a female smoking rate lower than the England average?", 2),
])
def test_how_many_rows_are_above_another_rows_figure(profile, question: str, value: int) -> None:
    ans = profile.ask(question)
    assert ans.answered and ans.state.get("op") == "count" and ans.figures[0].value == value, ans.text


def test_a_possessive_sex_is_the_sex(profile) -> None:
    ans = profile.ask("How big is the gap in women's smoking prevalence between Eastgate and Southwood?")
    assert ans.answered and ans.figures and abs(ans.figures[0].value) == Decimal("10.8"), ans.text  # (not the men's 12.8)


@pytest.mark.parametrize(("question", "named"), [
    ("Which providers require improvement?", ["Canal Street Hub", "Lakeside Lodge"]),
    ("How many providers require improvement?", ["Canal Street Hub", "Lakeside Lodge"]),
])
def test_a_value_asked_in_another_form_of_its_verb(register, question: str, named: list[str]) -> None:
    ans = register.ask(question)
    assert ans.answered and all(n in ans.text for n in named) and "Greenway" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("Which district is Fernhill Farm in?", "North Kelbrook"),
    ("Which district is Millbrook Arts in?", "South Kelbrook"),
    ("What district is Canal Street Hub in?", "Central"),
])
def test_which_kind_a_named_row_is_is_its_cell(register, question: str, value: str) -> None:
    ans = register.ask(question)
    assert ans.answered and value in ans.text and ans.state.get("op") == "lookup", ans.text
    row = question.split(" is ")[1].removesuffix(" in?")
    assert _line(REGISTER, row + "\t") in _cited(ans), ans.citations


@pytest.mark.parametrize(("question", "value"), [
    ("How many places are there in North Kelbrook?", 58),
    ("How many places do the providers rated Good have?", 87),
])
def test_the_rows_of_a_kind_added_up_answer_how_many(register, question: str, value: int) -> None:
    ans = register.ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text


SURVEY = """Oakhurst Mental Health Trust
Staff survey 2025 results

Table 1: Theme scores (out of 10)
Theme\tTrust 2024\tTrust 2025\tNational average 2025
Morale\t5.81\t5.95\t5.90
Staff engagement\t6.72\t6.70\t6.81
Safety culture\t6.44\t6.58\t6.52
Burnout\t4.92\t5.10\t5.17

Table 2: Selected questions (% of staff agreeing)
Question\tTrust 2024\tTrust 2025\tNational average 2025
I am satisfied with my pay\t29.4\t31.2\t30.5
I can meet the demands on my time\t44.1\t42.6\t45.0

Table 3: Reasons for leaving, 2025
Reason\tLeavers
Other reasons\t96
Relocation\t41
Retirement\t38
Work-life balance\t52
"""


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("survey"), "survey.txt", SURVEY)


@pytest.mark.parametrize(("question", "named", "unnamed"), [
    ("Which themes are below the national average in 2025?", ["Staff engagement", "Burnout"], ["Morale", "Safety"]),
    ("Which themes scored above the national average in 2025?", ["Morale", "Safety culture"], ["Burnout ("]),
])
def test_rows_against_a_column_the_average_names(survey, question: str, named: list[str], unnamed: list[str]) -> None:
    ans = survey.ask(question)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    assert all(n in ans.text for n in named) and not any(u in ans.text for u in unnamed), ans.text


def test_how_far_above_the_average_one_row_is(survey) -> None:
    ans = survey.ask("How far above the national average is the trust on satisfaction with pay?")
    assert ans.answered and ans.figures and ans.figures[0].value == Decimal("0.7"), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What share of staff are satisfied with their pay?", "31.2%"),
    ("What percentage of staff can meet the demands on their time?", "42.6%"),
])
def test_the_organisations_own_figure_not_the_yardsticks(survey, question: str, value: str) -> None:
    ans = survey.ask(question)  # (a caption '(% of staff agreeing)': percentages, not parts of a sum)
    assert ans.answered and value in ans.text and "30.5" not in ans.text and "45.0" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "What is the most common reason for leaving?",
    "Which reason for leaving has the most leavers?",
])
def test_the_row_that_gathers_the_rest_is_not_the_most_common(survey, question: str) -> None:
    ans = survey.ask(question)
    assert ans.answered and ans.state.get("rows", [""])[0] == "Work-life balance", ans.text
