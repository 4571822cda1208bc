"""The default answerer: tables and computed figures, prose, lists, abstention, follow-ups, and the
promises every answer keeps (quotes verbatim, numbers locked to evidence)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.evaluate import contains
from assistant.index import Index
from assistant.settings import Settings
from assistant.table_answers import DIFFER
from assistant.types import Answer
from assistant.verify import quote_is_verbatim, unlocked_numbers

from .conftest import assistant_over, gold


def kept_promises(index: Index, ans: Answer) -> None:
    """Every quote is verbatim at its lines; every number shown is in a citation or a computed figure."""
    for c in ans.citations + ans.closest:
        lines = [ln.text for ln in index.lines(c.doc, c.page, c.line_start, c.line_end)]
        assert quote_is_verbatim(c, lines), (c.doc, c.line_start, c.quote)
    assert unlocked_numbers(ans.text, [c.quote for c in ans.citations], ans.figures) == [], ans.text


def follow_up_computes(a: Assistant, first_question: str, follow_up: str, value: str,
                       cells: set[tuple[str, str]]) -> None:
    """The follow-up, asked after the first question's answer, computes this value from these (row, column) cells."""
    first = a.ask(first_question)
    assert first.answered and first.figures, first.text
    ans = a.ask(follow_up, history=[first])
    assert ans.answered and ans.figures, ans.text
    fig = ans.figures[0]
    assert round(fig.value, 2) == Decimal(value), (fig.value, fig.formula)
    assert {(c.row, c.column) for c in fig.cells} == cells


@pytest.fixture
def assistant(settings: Settings, fixture_index: Index) -> Assistant:
    return Assistant(settings, index=fixture_index)


def test_table_lookup_with_citations(assistant: Assistant) -> None:
    ans = assistant.ask("What is the 19/20 allocation for DFG?")
    assert ans.answered and "£2,158,000" in ans.text and ans.mode == "extractive"
    assert any(c.line_start == 24 for c in ans.citations)
    assert ans.figures and ans.figures[0].value == 2158000
    kept_promises(assistant.index, ans)


def test_computed_share_and_change(assistant: Assistant) -> None:
    share = assistant.ask("What percentage of the 19/20 allocation total goes to DFG?")
    assert "14.03%" in share.text and "2,158,000 / 15,381,000" in share.text
    change = assistant.ask("By how much, in cash and percentage terms, does Reablement go up from 18/19 to 19/20?")
    assert "+£128,354" in change.text and "+5.8%" in change.text
    for ans in (share, change):
        kept_promises(assistant.index, ans)


def test_prose_answer_cites_its_sentence(assistant: Assistant) -> None:
    ans = assistant.ask("How many admissions did the falls service prevent?")
    assert ans.answered and "88" in ans.text
    assert ans.citations[0].line_start == 53
    kept_promises(assistant.index, ans)


def test_abstains_when_the_documents_do_not_say(assistant: Assistant) -> None:
    ans = assistant.ask("How much did the council spend on road resurfacing in 2019-20?")
    assert not ans.answered and "don't say" in ans.text
    assert ans.closest and not ans.figures
    kept_promises(assistant.index, ans)


def test_follow_ups_reuse_the_previous_turn(assistant: Assistant) -> None:
    first = assistant.ask("What is the 19/20 allocation for DFG?")
    second = assistant.ask("and for iBCF?", history=[first])
    assert "£2,643,000" in second.text and any("iBCF" in n for n in second.notes)
    third = assistant.ask("what about the year before?", history=[first, second])
    assert "£3,000,000" in third.text
    as_text = assistant.ask("and for iBCF?", history=[{"question": "What is the 19/20 allocation for DFG?"}])
    assert "£2,643,000" in as_text.text


OTHER_INCOME = """Riverside Community Trust annual accounts

4. Other income and costs

Other income and costs for the year were as follows (in thousands):

\t2019\t2018
Rent received\t1,240\t1,105
Interest received\t385\t212
Insurance recoveries\t97\t143
Forestry grants\t56\t61
Atlas project funding\t410\t388
"""


@pytest.mark.parametrize(("follow_up", "row", "figure"), [
    ("Same for interest received?", "Interest received", "385"),
    ("And insurance recoveries?", "Insurance recoveries", "97"),
    ("What about forestry grants?", "Forestry grants", "56"),
    ("How about Atlas project funding?", "Atlas project funding", "410"),
    ("and in 2018?", "Rent received", "1,105"),
])
def test_a_follow_up_names_its_subject_whole(tmp_path: Path, follow_up: str, row: str, figure: str) -> None:
    """A follow-up's opening ('same for', 'and', 'what about') is taken off at a word's end only: 'interest'
    and 'insurance' are not 'in' + 'terest', 'forestry' is not 'for' + 'estry', 'Atlas' is not 'at' + 'las'."""
    a = assistant_over(tmp_path, "accounts_000.txt", OTHER_INCOME)
    first = a.ask("What was the rent received in 2019?")
    assert first.answered and "1,240" in first.text
    ans = a.ask(follow_up, history=[first])
    assert ans.answered and figure in ans.text, ans.text
    assert any(row in c.quote for c in ans.citations), [c.quote for c in ans.citations]
    assert ans.figures and ans.figures[0].value == 1000 * int(figure.replace(",", ""))  # '(in thousands)'


@pytest.mark.parametrize(("first_question", "follow_up", "row", "figure"), [
    ("How much rent was received in 2019?", "And interest received?", "Interest received", "385"),
    ("What was the 2019 figure for received rent?", "What about insurance recoveries?", "Insurance recoveries", "97"),
    ("In 2018, what were the grants for forestry?", "Same for Atlas project funding?", "Atlas project funding", "388"),
])
def test_a_follow_up_takes_the_place_of_the_row_asked_about(tmp_path: Path, first_question: str, follow_up: str,
                                                             row: str, figure: str) -> None:
    """The new subject replaces the words the first question named the first answer's row by, however it
    put them ('rent was received', 'received rent' for 'Rent received'), so the period asked stays."""
    a = assistant_over(tmp_path, "accounts_000.txt", OTHER_INCOME)
    first = a.ask(first_question)
    assert first.answered and first.figures, first.text
    ans = a.ask(follow_up, history=[first])
    assert ans.answered and figure in ans.text, ans.text
    assert any(row in c.quote for c in ans.citations), [c.quote for c in ans.citations]
    assert ans.figures and ans.figures[0].value == 1000 * int(figure)
    read = next(n for n in ans.notes if n.startswith("read as: "))
    assert "rent" not in read.lower() and "forestry" not in read.lower(), read  # the first subject is replaced
    assert figure_year(first_question) in read, read


def figure_year(question: str) -> str:
    return next(y for y in ("2018", "2019") if y in question)


def test_a_follow_up_that_is_not_answered_says_how_it_was_read(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "accounts_000.txt", OTHER_INCOME)
    first = a.ask("What was the change in rent received from 2018 to 2019?")
    assert first.answered and "+135" in first.text
    ans = a.ask("And the pension scheme deficit?", history=[first])
    assert not ans.answered
    assert "read as: What was the change in the pension scheme deficit from 2018 to 2019?" in ans.notes


RESULTS = """Hillside Care Group results

Results for the year (in thousands, except per share amounts):

\t2020\t2019
Interest income\t4,210\t3,980
Interest expense\t(1,730)\t(1,655)
Current assets\t52,400\t49,100
Non-current assets\t118,300\t121,050
Basic earnings per share\t1.42\t1.31
Diluted earnings per share\t1.38\t1.29
"""


@pytest.mark.parametrize(("first_question", "follow_up", "row", "raw"), [
    ("What was the interest income in 2020?", "And expense?", "Interest expense", "(1,730)"),
    ("How much were current assets in 2019?", "What about non-current?", "Non-current assets", "121,050"),
    ("What were basic earnings per share in 2020?", "Same for diluted?", "Diluted earnings per share", "1.38"),
    ("What was the change in interest expense from 2019 to 2020?", "And income?", "Interest income", "4,210"),
])
def test_a_follow_up_naming_part_of_a_row_means_its_sibling(tmp_path: Path, first_question: str, follow_up: str,
                                                           row: str, raw: str) -> None:
    """'And expense?' after a question about interest income is about the row that differs from it by that
    word: 'Interest expense', not every row that says 'expense'."""
    a = assistant_over(tmp_path, "results_000.txt", RESULTS)
    first = a.ask(first_question)
    assert first.answered and first.figures, first.text
    ans = a.ask(follow_up, history=[first])
    assert ans.answered and raw in [c.raw for fig in ans.figures for c in fig.cells], ans.text
    assert {f.row for fig in ans.figures for f in fig.cells} == {row}
    assert any(n.startswith("read as: ") and row.lower() in n.lower() for n in ans.notes), ans.notes


@pytest.mark.parametrize("question,said", [
    ("When will the Hillside falls service start?", "The falls response service will start in April 2025."),
    ("Who leads the Riverside discharge hub?", "The discharge hub is led by the Riverside community matron."),
    ("How many beds does the Riverside step-down unit have?", "The step-down unit has 14 beds."),
])
def test_a_citation_mark_names_the_source_listed_under_its_number(tmp_path: Path, question: str, said: str) -> None:
    """Of several documents, an answer is labelled with its document's title and cites the title's lines
    first: the mark after the sentence ('[3]') is still the number of the sentence's own citation."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hillside.txt").write_text(
        "Hillside Better Care Plan\nJoint plan of the council and the health board\n\n1. Falls\n\n"
        "The falls response service will start in April 2025. It will cover the whole county.\n", encoding="utf-8")
    (corpus / "riverside.txt").write_text(
        "Riverside Integration Plan\nAgreed by the Health and Wellbeing Board\n\n1. Discharge\n\n"
        "The discharge hub is led by the Riverside community matron. The step-down unit has 14 beds.\n",
        encoding="utf-8")
    from .conftest import assistant_for
    ans = assistant_for(corpus, tmp_path / "index").ask(question)
    assert ans.answered and said in ans.text, ans.text
    marks = [int(m) for m in re.findall(r"\[(\d+)\]", ans.text[ans.text.index(said):])]
    assert marks, ans.text
    assert said in ans.citations[marks[0] - 1].quote, (marks, [c.quote for c in ans.citations])
    assert ans.citations[0].line_start == 1  # the title is cited first


@pytest.mark.parametrize(("first_question", "follow_up", "value", "cells"), [
    # a change asked again as a percentage, three ways
    ("What was the change in interest income from 2019 to 2020?", "And the percentage change?", "5.78",
     {("Interest income", "2019"), ("Interest income", "2020")}),
    ("What was the increase in current assets from 2019 to 2020?", "What about in percentage terms?", "6.72",
     {("Current assets", "2019"), ("Current assets", "2020")}),
    ("By how much did interest income rise from 2019 to 2020?", "And as a percentage?", "5.78",
     {("Interest income", "2019"), ("Interest income", "2020")}),
    # and back as an amount
    ("What was the percentage change in current assets from 2019 to 2020?", "And in absolute terms?", "3300000",
     {("Current assets", "2019"), ("Current assets", "2020")}),
    # values asked again as their average or total
    ("What were the respective current assets in 2019 and 2020?", "And the average?", "50750000",
     {("Current assets", "2019"), ("Current assets", "2020")}),
    ("What was interest income in 2019 and 2020?", "What about the total?", "8190000",
     {("Interest income", "2019"), ("Interest income", "2020")}),
])
def test_a_follow_up_can_ask_another_operation_of_the_same_figures(tmp_path: Path, first_question: str,
                                                                  follow_up: str, value: str,
                                                                  cells: set[tuple[str, str]]) -> None:
    """'And the percentage change?' after a change, 'and the average?' after two years' values: the same
    row and years, the operation the follow-up names, computed from the same cells."""
    follow_up_computes(assistant_over(tmp_path, "results_000.txt", RESULTS), first_question, follow_up, value, cells)


ACTIVITY = """Westbrook Community Services activity report

Urgent response visits by month, 2024:

Measure\tJanuary 2024\tFebruary 2024\tMarch 2024\tApril 2024
Urgent response visits\t412\t398\t455\t431

Discharges by quarter, 2023-24:

Measure\tQ1 2023-24\tQ2 2023-24\tQ3 2023-24\tQ4 2023-24
Supported discharges\t1,204\t1,187\t1,312\t1,276
"""


@pytest.mark.parametrize(("first_question", "follow_up", "raw", "column"), [
    ("How many urgent response visits were there in March 2024?", "And April?", "431", "April 2024"),
    ("How many urgent response visits were made in January 2024?", "What about February?", "398", "February 2024"),
    ("How many supported discharges were there in Q1 2023-24?", "And Q3?", "1,312", "Q3 2023-24"),
    ("How many supported discharges were there in the second quarter of 2023-24?", "What about the fourth quarter?",
     "1,276", "Q4 2023-24"),
])
def test_a_follow_up_naming_a_month_or_quarter_keeps_the_year(tmp_path: Path, first_question: str, follow_up: str,
                                                              raw: str, column: str) -> None:
    """'And April?' after a question about March 2024 is about April 2024; 'and Q3?' after Q1 2023-24 about Q3
    2023-24: the month or quarter is replaced, not the year."""
    a = assistant_over(tmp_path, "activity_000.txt", ACTIVITY)
    first = a.ask(first_question)
    assert first.answered and first.figures, first.text
    ans = a.ask(follow_up, history=[first])
    assert ans.answered and raw in ans.text, ans.text
    assert [c.column for c in ans.figures[0].cells] == [column]


@pytest.mark.parametrize(("turns", "value", "cells"), [
    (["What was the interest income in 2020?", "And in 2019?", "And the change?"], "230000",
     {("Interest income", "2019"), ("Interest income", "2020")}),
    (["How much were current assets in 2019?", "What about 2020?", "So what was the percentage change?"], "6.72",
     {("Current assets", "2019"), ("Current assets", "2020")}),
    (["What were basic earnings per share in 2019?", "And in 2020?", "How much did it change?"], "0.11",
     {("Basic earnings per share", "2019"), ("Basic earnings per share", "2020")}),
])
def test_a_change_asked_after_two_years_of_one_row_is_between_them(tmp_path: Path, turns: list[str], value: str,
                                                                  cells: set[tuple[str, str]]) -> None:
    """'And the change?' after 'X in 2020?' and 'and in 2019?': the change of X from the earlier year asked to
    the later, computed from the two cells the turns read."""
    a = assistant_over(tmp_path, "results_000.txt", RESULTS)
    history: list[Answer] = []
    for q in turns:
        history.append(a.ask(q, history[:]))
    ans = history[-1]
    assert ans.answered and ans.figures, ans.text
    assert round(ans.figures[0].value, 2) == Decimal(value), ans.figures[0].formula
    assert {(c.row, c.column) for c in ans.figures[0].cells} == cells
    assert any(n.startswith("read as: ") and "from 2019 to 2020" in n for n in ans.notes), ans.notes


def test_a_change_between_turns_of_financial_years(tmp_path: Path) -> None:
    plan = ("Eastmere Better Care Fund plan\n\nFunding by scheme:\n\nScheme\t2018-19\t2019-20\n"
            "Disabled Facilities Grant\t£3,320,891\t£3,583,439\nCarers support\t£410,000\t£432,500\n")
    a = assistant_over(tmp_path, "plan_000.txt", plan)
    first = a.ask("How much was the Disabled Facilities Grant in 2019-20?")
    second = a.ask("And in 2018/19?", [first])
    ans = a.ask("What about the percentage change?", [first, second])
    assert ans.answered and "+7.91%" in ans.text, ans.text
    assert {c.column for c in ans.figures[0].cells} == {"2018-19", "2019-20"}


THREE_YEARS = """Larchfield Housing Association accounts

Income and balances (in thousands):

\t2021\t2020\t2019
Rental income\t4,410\t4,210\t3,980
Repairs expenditure\t(1,790)\t(1,730)\t(1,655)
Cash at bank\t53,000\t52,400\t49,100
"""


@pytest.mark.parametrize(("first_question", "follow_up", "value", "cells"), [
    ("What was the rental income in 2021?", "And the change?", "200000",
     {("Rental income", "2020"), ("Rental income", "2021")}),
    ("How much cash was at bank in 2020?", "How much did it change on the year before?", "3300000",
     {("Cash at bank", "2019"), ("Cash at bank", "2020")}),
    ("What was repairs expenditure in 2021?", "By what percentage did it rise over the previous year?", "-3.47",
     {("Repairs expenditure", "2020"), ("Repairs expenditure", "2021")}),
    ("What was the rental income in 2020?", "And how much was that in percentage terms over the previous year?",
     "5.78", {("Rental income", "2019"), ("Rental income", "2020")}),
])
def test_a_change_asked_after_one_period_is_from_the_period_before(tmp_path: Path, first_question: str,
                                                                  follow_up: str, value: str,
                                                                  cells: set[tuple[str, str]]) -> None:
    """'And the change?' after 'X in 2021?' (of a table of 2021, 2020 and 2019): the change of X from the
    period the table gives before the one asked (2020, not 2019), computed from the two cells."""
    follow_up_computes(assistant_over(tmp_path, "accounts_000.txt", THREE_YEARS), first_question, follow_up, value,
                       cells)


def test_a_change_after_one_financial_year_is_from_the_year_before(tmp_path: Path) -> None:
    plan = ("Eastmere Better Care Fund plan\n\nFunding by scheme:\n\nScheme\t2017-18\t2018-19\t2019-20\n"
            "Disabled Facilities Grant\t£3,101,000\t£3,320,891\t£3,583,439\nCarers support\t£395,000\t£410,000\t£432,500\n")
    a = assistant_over(tmp_path, "plan_000.txt", plan)
    first = a.ask("How much was carers support in 2018/19?")
    ans = a.ask("What was the percentage change from the year before?", [first])
    assert ans.answered and "+3.8%" in ans.text, ans.text
    assert {c.column for c in ans.figures[0].cells} == {"2017-18", "2018-19"}


@pytest.mark.parametrize("follow_up", ["And the change?", "So what was the percentage change?",
                                       "How much did it change?"])
def test_a_change_of_the_first_period_a_table_holds_is_not_answered(tmp_path: Path, follow_up: str) -> None:
    """After 'X in 2019?' of a table whose earliest year is 2019, 'and the change?' says from which period it
    read the change (none is given), and answers nothing: not a change between two other years."""
    a = assistant_over(tmp_path, "accounts_000.txt", THREE_YEARS)
    first = a.ask("What was the rental income in 2019?")
    assert first.answered and "3,980" in first.text, first.text
    ans = a.ask(follow_up, history=[first])
    assert not ans.answered and not ans.figures, ans.text
    assert any(n.startswith("read as: ") and "before 2019" in n for n in ans.notes), ans.notes


@pytest.mark.parametrize("turns", [
    ["What was the general reserve balance in 2023?", "And in 2024?", "And the change?"],
    ["How much was the general reserve balance in 2024?", "What about 2023?", "How much did it change?"],
])
def test_a_change_between_turns_whose_periods_are_rows(tmp_path: Path, turns: list[str]) -> None:
    """Two turns that asked one question of two periods, answered from two rows ('Balance at 31 March 2023' /
    '... 2024'), then 'and the change?': the change from the earlier balance to the later."""
    reserve = ("Northfield Trust reserves\n\nMovements in the general reserve (£000):\n\n\tGeneral reserve\n"
               "Balance at 31 March 2023\t1,200\nTransfers in\t300\nTransfers out\t(150)\n"
               "Balance at 31 March 2024\t1,350\n")
    a = assistant_over(tmp_path, "reserve_000.txt", reserve)
    history: list[Answer] = []
    for q in turns:
        history.append(a.ask(q, history[:]))
    ans = history[-1]
    assert ans.answered and ans.figures, ans.text
    assert ans.figures[0].value == 150000, ans.figures[0].formula
    assert {c.row for c in ans.figures[0].cells} == {"Balance at 31 March 2023", "Balance at 31 March 2024"}


def test_document_filter(assistant: Assistant) -> None:
    ans = assistant.ask("What is the 19/20 allocation for DFG?", docs=["plan"])
    assert ans.answered and all(c.doc == "plan.txt" for c in ans.citations)


# --------------------------------------------------------------------------- the real corpus


@pytest.fixture(scope="module")
def corpus_assistant(corpus_index: Index, corpus_settings: Settings) -> Assistant:
    return Assistant(corpus_settings, index=corpus_index)


@pytest.mark.corpus
def test_issue_example_dfg_to_wycombe(corpus_assistant: Assistant) -> None:
    ans = corpus_assistant.ask("How much DFG went to Wycombe in 2019-20?")
    assert "£1,277,735" in ans.text and any(c.doc.startswith("000_") and c.line_start == 69 for c in ans.citations)
    follow = corpus_assistant.ask("and for Chiltern?", history=[ans])
    assert "£702,768" in follow.text


@pytest.mark.corpus
def test_every_dev_answer_keeps_the_promises(corpus_assistant: Assistant) -> None:
    """No answer ever shows a number that is not in a cited passage or a computed figure, and every
    quote is verbatim (checked over every dev question)."""
    for item in gold("qa"):
        ans = corpus_assistant.ask(item["question"])
        kept_promises(corpus_assistant.index, ans)


@pytest.mark.corpus
def test_dev_table_and_computed_questions(corpus_assistant: Assistant) -> None:
    """A floor well under the measured figures (see BENCHMARKS.md): catches regressions, not noise."""
    items = [i for i in gold("qa") if i["type"] in ("table", "computed")]
    right = 0
    for item in items:
        ans = corpus_assistant.ask(item["question"])
        right += ans.answered and all(contains(ans.text, m) for m in item["must_contain"])
    assert right / len(items) >= 0.7


@pytest.mark.corpus
def test_dev_negative_questions_abstain(corpus_assistant: Assistant) -> None:
    items = [i for i in gold("qa") if i["type"] == "negative"]
    assert sum(not corpus_assistant.ask(i["question"]).answered for i in items) >= len(items) - 1


@pytest.mark.corpus
def test_a_question_naming_no_plan_gets_each_plans_answer(corpus_assistant: Assistant) -> None:
    """Two plans cover 2017-19 and their totals move in opposite directions: neither is picked silently."""
    ans = corpus_assistant.ask("What is the change in total BCF funding between 2017-18 and 2018-19?")
    assert ans.answered and ans.text.startswith(DIFFER)
    docs = {f.cells[0].doc for f in ans.figures}
    assert len(docs) >= 2 and {c.doc for c in ans.citations} >= docs
    assert "Bath and North East Somerset" in ans.text  # each part names its plan by its (cited) title
    assert any(c.doc.startswith("001_") and c.quote == "Bath and North East Somerset" for c in ans.citations)
    assert "+£1,641,597" in ans.text and "-£1,232,092" in ans.text
    scoped = corpus_assistant.ask("What is the change in total BCF funding between 2017-18 and 2018-19 in Wiltshire?")
    assert "differently" not in scoped.text and "+£1,641,597" in scoped.text


@pytest.mark.corpus
def test_a_total_is_the_overall_one_and_a_change_is_not_a_sum(corpus_assistant: Assistant) -> None:
    """'The total pooled fund' is the plan's overall table, not one of its breakdowns; asked for a growth
    rate, a sum of rows is not an answer."""
    ans = corpus_assistant.ask("By what percentage did the total B&NES pooled fund grow from 2016/17 to 2017/18?")
    pct = [f for f in ans.figures if f.op == "percent_change"]
    assert "+352.98%" in ans.text and len(pct) == 1
    assert {c.value for c in pct[0].cells} == {Decimal("13498994"), Decimal("61148233")}


@pytest.mark.corpus
def test_a_part_of_a_question_can_take_two_sentences(corpus_assistant: Assistant) -> None:
    ans = corpus_assistant.ask("When was the B&NES 2017-19 plan approved, and who signs it for the Council?")
    assert "24th August 2017" in ans.text and "Vic Pritchard" in ans.text


def test_a_total_over_a_list_of_quantities(assistant: Assistant) -> None:
    """Bulleted quantities are added by the figure engine, each item cited as a cell."""
    ans = assistant.ask("How many apprentices are planned in total across the apprenticeship milestones?")
    assert ans.answered and "45" in ans.text and "25 + 15 + 5 = 45" in ans.text
    fig = ans.figures[0]
    assert fig.value == 45 and fig.op == "sum" and [c.line for c in fig.cells] == [63, 64, 65]
    assert {c.line_start for c in ans.citations} >= {61, 63, 64, 65}
    kept_promises(assistant.index, ans)


@pytest.mark.parametrize("share", [
    "what share of the total 19/20 allocation is that?",
    "what fraction of the total 19/20 allocation does that represent?",
    "how much of the total 19/20 allocation is that as a percentage?",
    "what percentage of the total 19/20 allocation does this account for?",
])
def test_a_share_of_the_figure_just_computed(assistant: Assistant, share: str) -> None:
    """'Add up X, and what share of Y is that?': both figures come from cells, the share from the two."""
    ans = assistant.ask(f"Adding up the schemes, how much is proposed for 19/20, and {share}")
    assert ans.answered and "£3,895,692" in ans.text and "25.33%" in ans.text
    share = ans.figures[-1]
    assert share.op == "share" and share.formula == "£3,895,692 / £15,381,000 × 100 = 25.33%"
    assert {c.raw for c in share.cells} >= {"£246,338", "£2,341,354", "£1,058,000", "£250,000"}
    assert {c.line for c in share.cells} & {c.line_start for c in ans.citations} == {c.line for c in share.cells}
    kept_promises(assistant.index, ans)


def test_how_an_amount_is_made_up(tmp_path: Path) -> None:
    """The amounts near the subject that add up exactly to the amount asked about, each cited."""
    a = assistant_over(tmp_path, "plan.txt",
        "4. Carers\n\n"
        "The Council was awarded £900k of grant in 2017-18, an increase of £60k on 2016-17. Within the grant, "
        "£180k has been set aside for carers' equipment. This will be added to a £120k carers' grant from the LGA "
        "for 2017-18.\n\n"
        "5. Workforce\n\nRecruitment of £75k posts continues.\n")
    for asked in ("How is the £300k carers' equipment budget for 2017/18 made up?",
                  "How is the £300k carers' equipment budget for 2017/18 broken down?",
                  "What does the £300k carers' equipment budget for 2017/18 consist of?",
                  "What makes up the £300k carers' equipment budget for 2017/18?"):
        ans = a.ask(asked)
        assert ans.answered and ans.figures and ans.figures[0].value == 300000, asked
    assert ans.answered and "£180k" in ans.text and "£120k" in ans.text and "180k + 120k = £300k" in ans.text
    assert ans.figures[0].value == 300000 and {c.line_start for c in ans.citations} == {3}
    kept_promises(a.index, ans)
    none = a.ask("How is the £500k carers' equipment budget for 2017/18 made up?")
    assert "£500k" not in " ".join(f.text for f in none.figures), "no parts add up to it: nothing is computed"


def test_each_part_of_a_question_from_its_own_table(tmp_path: Path) -> None:
    """'Who leads X, and when is it due to go live?': the lead from a list of developments, the date from
    X's own milestone plan, which a title row above its header names."""
    a = assistant_over(tmp_path, "strategy.txt",
        "3. Developments\n\nThe following table lists the key developments and their leads.\n\n"
        "Ref\tDevelopment\tDate\tLead\n"
        "D6\tFalls prevention service\tJan 15\tSam Patel (PM)\n"
        "D7\tSingle Point of Referral\tFeb 15\tJeanie Brown (PM)\n\n"
        "4. Milestones\n\nThe following tables outline the main project milestone plans.\n\n"
        "Project 1\tSingle Point of Referral\t\t\n"
        "Resources\tJeannie Brown\t\t\n"
        "Reference\tMilestone\tDate\tDependency\n"
        "1.1\tProject team in place\tJan 15\tD7\n"
        "1.2\tGo-live\tApr15\tMilestone 0.2\n\n"
        "Project 2\tFalls prevention service\t\t\n"
        "Resources\tSam Patel\t\t\n"
        "Reference\tMilestone\tDate\tDependency\n"
        "2.1\tProject team in place\tFeb 15\tD6\n"
        "2.2\tGo-live\tJun15\tMilestone 0.3\n")
    ans = a.ask("Who is leading the single point of referral work, and when is it due to go live?")
    assert ans.answered and "Jeanie Brown" in ans.text and "Apr15" in ans.text and "Jun15" not in ans.text
    assert "(Project 1 Single Point of Referral)" in ans.text
    assert {c.line_start for c in ans.citations} >= {7, 11, 15}
    kept_promises(a.index, ans)


@pytest.mark.parametrize(("wants", "text", "holds"), [
    ("date", "1.8 Go-live Apr15 Milestone 0.2", True),
    ("date", "It was approved on 24th August 2017.", True),
    ("date", "This access point may not be the same contact point.", False),  # 'may' the verb
    ("date", "Reviewed in May 2019.", True),
    ("weekday", "It operates at Marlow on Mondays, Wednesdays and Fridays.", True),
    ("weekday", "It operates at Marlow and Thame.", False),
    ("frequency", "There will be bi-monthly public reports.", True),
    ("count", "Hubs will serve a population between 100,000 and 150,000.", True),
])
def test_what_a_sentence_must_hold_for_the_kind_of_question(wants: str, text: str, holds: bool) -> None:
    from assistant.answer import holds_wanted

    assert holds_wanted(wants, text) is holds


TARGETS = """Monthly dashboard

Metric\tApr\tMay\tJun\tJul\tTarget
Delayed discharges per day\t41\t38\t45\t36\t40
Reablement referrals\t310\t295\t330\t342\t320
"""


@pytest.mark.parametrize(("first_question", "follow_up", "column", "value"), [
    ("How many delayed discharges per day were there in June?", "What is the target?", "Target", 40),
    ("What were reablement referrals in May?", "What's the target?", "Target", 320),
    ("What were reablement referrals in May?", "Which month was highest?", "Jul", 342),
    ("How many delayed discharges per day were there in April?", "In which month was it lowest?", "Jul", 36),
])
def test_a_follow_up_that_is_a_question_of_its_own_asks_it_of_the_same_thing(
        tmp_path: Path, first_question: str, follow_up: str, column: str, value: int) -> None:
    """'What is the target?' after a question about a measure in a month asks the measure's target (not the
    month's figure, and not a question whose subject is the words 'what is the target')."""
    a = assistant_over(tmp_path, "dashboard.txt", TARGETS)
    first = a.ask(first_question)
    assert first.answered and first.figures, first.text
    ans = a.ask(follow_up, history=[first])
    lead = ans.figures[0].cells[0]
    assert (lead.column, lead.value) == (column, value) and lead.row == first.figures[0].cells[0].row, ans.text
