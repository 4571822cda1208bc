"""Mechanisms that must hold on documents and questions nobody tuned on: currencies, footnote markers,
multi-row headers, period order, and the operations a question asks for. Every document here is made up;
each mechanism is tried with several phrasings."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.query import detect_intents, understand
from assistant.question_model import operation
from assistant.tableqa import chronological, period_key
from assistant.text import stem
from assistant.values import parse_cell

from .conftest import assistant_for, assistant_over

# --------------------------------------------------------------------------- cells

# the made-up tables state their scale ("(in thousands)"): figures are compared in the units they are written in
K = Decimal(1000)


@pytest.mark.parametrize("raw,kind,value,unit", [
    ("$831.7", "money", "831.7", "$"), ("($3.1)", "money", "-3.1", "$"), ("$(55,197)", "money", "-55197", "$"),
    ("€12.5m", "money", "12500000", "€"), ("US$ 45.2", "money", "45.2", "$"), ("£1,277,735", "money", "1277735", "£"),
    ("(15)%", "percent", "-15", "%"), ("(3.1)%", "percent", "-3.1", "%"),
    ("390,000(1)", "number", "390000", None), ("$1,025,659(1)", "money", "1025659", "$"), ("1.30 (2)", "number", "1.30", None),
    # superscript markers, as a word processor writes them
    ("2,345¹", "number", "2345", None), ("£48,200²", "money", "48200", "£"), ("12.5%†", "percent", "12.5", "%"),
    ("(1,234)³", "number", "-1234", None),
])
def test_cells_in_any_currency_and_with_footnote_markers(raw: str, kind: str, value: str, unit: str | None) -> None:
    p = parse_cell(raw)
    assert (p.kind, p.value, p.unit) == (kind, Decimal(value), unit)


@pytest.mark.parametrize("raw", ["2018(1)", "2019 (a)", "2017*", "2019¹"])
def test_a_year_with_a_footnote_marker_is_a_period(raw: str) -> None:
    assert parse_cell(raw).kind == "period"


def test_a_lone_bracketed_number_stays_negative() -> None:
    assert parse_cell("(1)").value == Decimal(-1)


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize("header,key", [
    ("2019", (2019, 0)), ("Fiscal 2018", (2018, 0)), ("December 31, 2017", (2017, 0)), ("2018-19", (2019, 0)),
    ("2019/20 Q3", (2020, 3)), ("As reported", None),
])
def test_period_of_a_column_header(header: str, key: tuple[int, int] | None) -> None:
    assert period_key(header) == key


# --------------------------------------------------------------------------- the question model


@pytest.mark.parametrize("op,questions", [
    ("change", ["What was the change in home care spend from 2018 to 2019?", "By how much did staff costs rise between "
                "2020 and 2021?", "What is the difference in agency costs between 2016 and 2017?"]),
    ("percent_change", ["What was the percentage change in bed days between 2018 and 2019?", "By what "
                        "percentage did the grant grow from 2017 to 2018?", "What is the percentage rise in rent "
                        "from 2020 to 2021?"]),
    ("average", ["What was the average reablement spend for 2018 and 2019?", "What is the mean headcount across the three "
                 "years?", "What was the average operating cost between 2017-2019?"]),
    ("sum", ["What do the winter schemes add up to?", "How many beds are there altogether across the wards?",
             "What is the combined budget of reablement and home care?",
             "What is the carers' grant for 2020, counting both the council and the CCG shares?",
             "What is the bed base including all three community hospitals?"]),
])
def test_operations_across_phrasings(op: str, questions: list[str]) -> None:
    for q in questions:
        assert operation(q, tuple(detect_intents(q)))[0] == op or detect_intents(q)[0] == op, q


@pytest.mark.parametrize("question,op", [
    # 'how many' with no condition asks for a stated quantity; with one, for a count of the rows that meet it
    ("How many beds will the new ward open in 2021?", "value"),
    ("How many carers does the respite service support each year?", "value"),
    ("How many home visits were made by the night team in 2019?", "value"),
    ("How many of the wards are rated good?", "count"),
    ("In how many years did admissions exceed 3,000?", "count"),
    ("How many of the projects have a named lead?", "count"),
])
def test_how_many_is_a_count_only_with_a_condition(question: str, op: str) -> None:
    q = understand(question)
    assert q.operation == op and dict(q.operation_probs)[op] == q.operation_p


# --------------------------------------------------------------------------- tables from made-up reports

REPORT = """Company report extract

Revenue grew strongly as the company expanded in new regions.

The following table sets out revenue by region (in thousands):

\tYear Ended December 31,\t\t
(In thousands)\t2019\t2018\t2017
Northern region\t$4,210\t$3,390\t$2,500
Southern region\t1,150\t2,330\t1,800
Western region\t6,120\t4,480\t3,700
Total revenue(1)\t$11,480\t$10,200\t$8,000
Weighted average shares outstanding\t52,300\t50,100\t48,900
Minimum lease payments\t500\t450\t400
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("report"), "report_000.txt", REPORT)


def test_a_header_over_label_less_rows_names_every_column(report) -> None:
    t = report.index.tables()[0]
    assert [c for c in t.columns[1:]] == ["Year Ended December 31, / 2019", "Year Ended December 31, / 2018",
                                           "Year Ended December 31, / 2017"]
    europe = next(r for r in t.rows if r.label == "Southern region")
    assert [c.kind for c in europe.cells[1:]] == ["money"] * 3 and europe.cells[1].unit == "$"
    assert chronological(t, [1, 2, 3]) == [3, 2, 1]


@pytest.mark.parametrize("question", [
    "What was the change in Southern region revenue from 2018 to 2019?",
    "By how much did revenue from the Southern region fall between 2018 and 2019?",
    "What is the difference in the revenue of the Southern region between 2019 and 2018?",
])
def test_a_change_reads_columns_by_period_not_position(report, question: str) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "difference")
    assert fig.value / K == Decimal(1150 - 2330)
    assert [c.raw for c in fig.cells] == ["2,330", "1,150"]  # from 2018 to 2019
    assert "$" in fig.text and "£" not in ans.text


@pytest.mark.parametrize("question", [
    "What was the percentage change in Western region revenue between 2018 and 2019?",
    "By what percentage did revenue from the Western region grow from 2018 to 2019?",
])
def test_a_percentage_change_is_over_the_earlier_period(report, question: str) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "percent_change")
    assert round(fig.value, 2) == Decimal("36.61")  # (6,120 - 4,480) / 4,480
    lines = {c.line for c in fig.cells}
    assert lines <= {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question,expected", [
    ("What is the average revenue from the Northern region in 2018 and 2019?", Decimal("3800")),
    ("What was the average Northern region revenue between 2017-2019?", Decimal("3366.666666666666666666666667")),
    ("What was the Western region's average revenue from 2017 to 2019?", Decimal("4766.666666666666666666666667")),
])
def test_an_average_over_the_periods_asked(report, question: str, expected: Decimal) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "average")
    assert abs(fig.value / K - expected) < Decimal("0.01")


@pytest.mark.parametrize("question,expected,years", [
    ("What is Western region revenue for 2018 and 2019 added together?", Decimal(4480 + 6120), ["2018", "2019"]),
    ("How much revenue did the Southern region bring in altogether over 2017 and 2018?", Decimal(1800 + 2330),
     ["2017", "2018"]),
    ("What was the combined Northern region revenue for 2017-2019?", Decimal(2500 + 3390 + 4210),
     ["2017", "2018", "2019"]),
])
def test_a_sum_over_the_periods_asked_adds_one_row_across_years(report, question: str, expected: Decimal,
                                                                years: list[str]) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "sum")
    assert fig.value / K == expected
    assert [c.column.rsplit(" / ", 1)[-1] for c in fig.cells] == years  # in time order, one row
    assert len({c.row for c in fig.cells}) == 1
    # the reply says every period it added up, not the first one alone as if the sum were that year's
    said = ans.text.split(fig.text)[0]
    assert all(y in said for y in years), ans.text


@pytest.mark.parametrize("question,year", [
    ("In which year was revenue from the Southern region largest?", "2018"),
    ("Which year had the highest Northern region revenue?", "2019"),
    ("In which year was Western region revenue the lowest?", "2017"),
    ("In which year was the revenue of the Southern region larger?", "2018"),
    ("Which year had greater Western region revenue?", "2019"),
])
def test_which_period_has_the_extreme_value(report, question: str, year: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") in ("max_over", "min_over")
    assert ans.figures[0].cells[0].column.endswith(year)


def test_a_total_row_with_a_footnote_marker_is_read(report) -> None:
    ans = report.ask("What was the total revenue in 2017?")
    assert ans.answered and "8,000" in ans.text


@pytest.mark.parametrize("question,raw", [
    ("What were the weighted average shares outstanding in 2018?", "50,100"),
    ("What was the minimum lease payments in 2017?", "400"),
    ("What were the total revenue in 2019?", "$11,480"),
])
def test_an_operation_word_inside_a_row_name_names_the_row(report, question: str, raw: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "lookup"
    assert [c.raw for f in ans.figures for c in f.cells] == [raw]


def test_the_operation_said_again_is_still_done(report) -> None:
    ans = report.ask("What is the average of the weighted average shares outstanding for 2018 and 2019?")
    fig = next(f for f in ans.figures if f.op == "average")
    assert fig.value / K == (Decimal(52300) + Decimal(50100)) / 2


@pytest.mark.parametrize("question,hits", [
    ("How many years did revenue from the Southern region exceed $2,000?", 1),
    ("In how many years was Western region revenue more than 4,000?", 2),
    ("How many years did Northern region revenue fall below 3,000?", 1),
])
def test_how_many_periods_meet_a_condition(report, question: str, hits: int) -> None:
    ans = report.ask(question)
    fig = ans.figures[0]
    assert ans.answered and fig.op == "count" and fig.value == hits
    assert len(fig.cells) == 3  # every year looked at is shown


@pytest.mark.parametrize("question", [
    "What is Southern region revenue expressed as a percentage of total revenue in 2019?",
    "What was the proportion of the Southern region in total revenue in 2019?",
    "What is the share of the Southern region out of total revenue in 2019?",
])
def test_a_share_between_two_named_rows(report, question: str) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "share")
    assert [c.raw for c in fig.cells] == ["1,150", "$11,480"]
    assert round(fig.value, 2) == Decimal("10.02")


@pytest.mark.parametrize("question", [
    "What percentage of the Western region revenue is the Northern region in 2019?",
    "What share of Western region revenue does the Northern region account for in 2019?",
    "What is the percentage contribution of the Northern region among the Western region in 2019?",
    "What is Northern region revenue as a percentage to Western region revenue in 2019?",
])
def test_a_share_whose_whole_is_named_in_any_order_is_of_that_row(report, question: str) -> None:
    """The whole is the row the question names, whether it comes first ('what percentage of B is A') or
    second; not the table's total row."""
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "share")
    assert [c.raw for c in fig.cells] == ["$4,210", "6,120"]
    assert round(fig.value, 2) == Decimal("68.79")


# --------------------------------------------------------------------------- the confidence policy


def test_the_policy_withholds_an_answer_below_its_threshold(tmp_path: Path) -> None:
    """Below the floor the reply says the documents don't directly answer and shows, as the closest
    passages, the lines the withheld answer would have cited; above it the same answer is given."""
    strict = assistant_over(tmp_path / "strict", "report_000.txt", REPORT, min_confidence=0.999)
    ans = strict.ask("What was the change in Southern region revenue from 2018 to 2019?")
    assert not ans.answered and ans.text.startswith("The documents don't say directly")
    assert ans.figures == [] and ans.citations == []
    rows = {ln for c in ans.closest for ln in range(c.line_start, c.line_end + 1)}
    europe = REPORT.splitlines().index(next(x for x in REPORT.splitlines() if x.startswith("Southern"))) + 1
    assert europe in rows and 0 < ans.state["confidence"] < 0.999
    lenient = assistant_over(tmp_path / "lenient", "report_000.txt", REPORT, min_confidence=0.01)
    given = lenient.ask("What was the change in Southern region revenue from 2018 to 2019?")
    assert given.answered and given.state["confidence"] == ans.state["confidence"]


@pytest.mark.parametrize(("question", "rest", "order"), [
    ("Which years does the table cover? (in chronological order)", "Which years does the table cover?", "oldest first"),
    ("List the regions from highest to lowest revenue.", "List the regions revenue.", "descending"),
    ("What were the totals, sorted in reverse chronological order?", "What were the totals?", "newest first"),
    ("What was revenue from 2018 to 2019?", "What was revenue from 2018 to 2019?", None),
])
def test_an_ordering_instruction_is_said_of_the_answer_not_its_subject(question: str, rest: str, order) -> None:
    from assistant.query import ordering, understand

    assert ordering(question) == (rest, order)
    q = understand(question)
    assert q.order == order and not {"chronolog", "order", "revers"} & set(q.terms)


@pytest.mark.parametrize(("question", "expected"), [
    ("What was the Northern region revenue for each year, in chronological order?", ["$2,500", "$3,390", "$4,210"]),
    ("What was Northern region revenue in every year shown (from earliest to latest)?", ["$2,500", "$3,390", "$4,210"]),
    ("What was the Northern region revenue in each of the years, from latest to earliest?",
     ["$4,210", "$3,390", "$2,500"]),
])
def test_every_period_of_a_row_in_the_order_asked(report, question: str, expected: list[str]) -> None:
    """'For each year' asks for every period the row has a figure for, not the first few; an ordering
    instruction orders them (the table prints the latest first)."""
    ans = report.ask(question)
    assert ans.answered
    at = [ans.text.find(v) for v in expected]
    assert all(i >= 0 for i in at) and at == sorted(at), ans.text
    northern = REPORT.splitlines().index(next(x for x in REPORT.splitlines() if x.startswith("Northern"))) + 1
    assert any(c.line_start <= northern <= c.line_end for c in ans.citations)


@pytest.mark.parametrize("question", [
    "Which years are given in the table, in chronological order?",
    "What years are shown in the table (in chronological order)?",
    "Which periods are presented in the table, from earliest to latest?",
])
def test_the_periods_of_a_table_in_chronological_order(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "list_periods", ans.text
    at = [ans.text.find(y) for y in ("2017", "2018", "2019")]
    assert all(i >= 0 for i in at) and at == sorted(at), ans.text


# a long plan around the same table: many paragraphs of other business before and after it
LONG_PLAN = "Northshire Joint Plan 2019-20\n\n" + "\n\n".join(
    f"{i}. The programme board reviewed workstream {i} and agreed the next steps for the locality teams."
    for i in range(1, 301)) + "\n\n" + REPORT + "\n\n" + "\n\n".join(
    f"Annex item {i}: the partnership notes the update on workstream {i}." for i in range(1, 201)) + "\n"


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("long"), "plan_000.txt", LONG_PLAN)


@pytest.mark.parametrize("question", [
    "What was the Western region revenue in 2018?",
    "How much revenue did the Northern region bring in during 2019?",
    "What was the change in Southern region revenue from 2018 to 2019?",
])
def test_the_length_of_the_answers_document_is_a_confidence_feature(report, long_plan, question: str) -> None:
    """The same table answers the same question in a short extract and in a long plan; the feature says how
    long the cited document is (log10 of its lines), and the fitted model, all else equal, trusts the answer
    from the long document more (plan questions are chattier and name a year less often, so the same
    coverage means more there)."""
    import math

    from assistant.confidence import probability

    short, long = report.ask(question), long_plan.ask(question)
    assert short.answered and long.answered
    assert [c.raw for f in short.figures for c in f.cells] == [c.raw for f in long.figures for c in f.cells]
    for ans, text in ((short, REPORT), (long, LONG_PLAN)):
        assert abs(ans.state["features"]["doc_size"] - math.log10(1 + len(text.splitlines()))) < 0.01
    feats = dict(short.state["features"])
    as_if_long = {**feats, "doc_size": long.state["features"]["doc_size"]}
    assert probability(as_if_long) > probability(feats)


def _two_companies(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Two made-up extracts whose tables have the same rows for other years, and a third about something else."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, years, north in (("report_001.txt", "2019\t2018", "4,210"), ("report_002.txt", "2017\t2016", "7,730")):
        (corpus / name).write_text(
            f"Company report extract {name[7:10]}\n\nRevenue by region\n\n\t{years}\n"
            f"Northern region\t${north}\t$3,390\nSouthern region\t1,150\t2,330\n", encoding="utf-8")
    (corpus / "report_003.txt").write_text("Company report extract 003\n\nHeadcount by site\n\n\t2019\t2018\n"
                                          "Leeds site\t410\t390\nYork site\t120\t131\n", encoding="utf-8")
    return assistant_for(corpus, tmp_path / "index")


@pytest.mark.parametrize("question,value", [
    ("What was the Northern region revenue in 2019?", "$4,210"),
    ("How much revenue did the Southern region bring in during 2019?", "1,150"),
    ("What was Northern region revenue for 2018?", "$3,390"),
])
def test_an_answer_other_documents_match_as_well_is_less_trusted(tmp_path: Path, question: str, value: str) -> None:
    """Asked of its own extract, every passage retrieved is in the answer's document (doc_share 1); asked of
    all of them, another extract has a table of the same rows (for other years), so the share is lower and
    the fitted model trusts the same answer less: which company is meant is not said."""
    from assistant.confidence import probability

    a = _two_companies(tmp_path)
    own = a.ask(question, None, ["report_001.txt"])
    anywhere = a.ask(question)
    assert own.answered and anywhere.answered
    assert [f.text for f in own.figures] == [f.text for f in anywhere.figures] == [value]
    assert {c.doc for c in anywhere.citations} == {"report_001.txt"}
    assert own.state["features"]["doc_share"] == 1.0
    share = anywhere.state["features"]["doc_share"]
    assert 0.2 < share < 0.9, share
    headcount = a.ask("What was the Leeds site headcount in 2019?")  # only one extract has that table
    assert headcount.answered and headcount.figures[0].text == "410"
    assert headcount.state["features"]["doc_share"] > share
    as_if_alone = {**anywhere.state["features"], "doc_share": 1.0}
    assert probability(anywhere.state["features"]) < probability(as_if_alone)


def _regions_and_sites(tmp_path: Path, first: str, second: str):  # type: ignore[no-untyped-def]
    """Two made-up extracts with the same regions for the same years, titled `first` and `second`; a third with
    site headcounts."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, title, north in (("report_001.txt", first, "4,210"), ("report_002.txt", second, "7,730")):
        (corpus / name).write_text(f"Company report extract {name[7:10]}\n\n{title}\n\n\t2019\t2018\n"
                                   f"Northern region\t${north}\t$3,390\nSouthern region\t1,150\t2,330\n", encoding="utf-8")
    (corpus / "report_003.txt").write_text("Company report extract 003\n\nHeadcount by site\n\n\t2019\t2018\n"
                                          "Leeds site\t410\t390\nYork site\t120\t131\n", encoding="utf-8")
    return assistant_for(corpus, tmp_path / "index")


def _three_companies(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Regional revenue in two extracts (one names its company), site headcounts in a third."""
    return _regions_and_sites(tmp_path, "Revenue by region (Acme Freight)", "Revenue by region")


@pytest.mark.parametrize("question,rivals", [
    ("What was the Northern region revenue in 2019?", 2),
    ("How much revenue came from the Southern region in 2018?", 2),
    ("What was Acme Freight's Northern region revenue in 2019?", 1),
    ("What did the Leeds site headcount come to in 2019?", 1),
])
def test_a_question_whose_words_several_documents_use_has_rivals(tmp_path: Path, question: str,
                                                                 rivals: int) -> None:
    """Rivals are the documents in scope that use every question term the answer's document uses: two
    extracts have regional revenue for the same years, and only one names Acme Freight; one has site
    headcounts. Asked of one extract there are none; more rivals make the fitted model trust the same
    answer less (which company is meant is not said)."""
    from assistant.confidence import probability

    a = _three_companies(tmp_path)
    anywhere = a.ask(question)
    assert anywhere.answered
    feats = anywhere.state["features"]
    assert feats["rivals"] == pytest.approx(math.log2(rivals))
    doc = next(iter({c.doc for c in anywhere.citations}))
    assert a.ask(question, None, [doc]).state["features"]["rivals"] == 0.0
    lone, crowded = {**feats, "rivals": 0.0}, {**feats, "rivals": math.log2(200)}
    assert probability(crowded) < probability(lone)


def _revenue_and_sales(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The same regions titled revenue in one extract and sales in another; site headcounts in a third."""
    return _regions_and_sites(tmp_path, "Revenue by region", "Sales by region")


@pytest.mark.parametrize("rivalled,value,alone,count", [
    ("What was the Northern region revenue in 2019?", "$4,210", "What did the Leeds site headcount come to in 2019?", "410"),
    ("How much revenue came from the Southern region in 2018?", "2,330", "What was the York site headcount in 2018?", "131"),
    ("Northern region revenue for 2018?", "$3,390", "Leeds site headcount, 2018?", "390"),
])
def test_an_answer_another_documents_table_also_gives_has_a_rival(tmp_path: Path, rivalled: str, value: str,
                                                                   alone: str, count: str) -> None:
    """A regional revenue question is answered by the revenue extract's table, and the sales extract's table
    of the same regions answers it less well: the answer has a rival document (doc_rival) and a margin over
    it (doc_margin_table). No other extract's table answers a headcount question, and asked of one extract
    there is no rival. The smaller the margin, the less the fitted model trusts the same answer."""
    from assistant.confidence import probability

    a = _revenue_and_sales(tmp_path)
    ans, lone = a.ask(rivalled), a.ask(alone)
    assert [f.text for f in ans.figures] == [value] and {c.doc for c in ans.citations} == {"report_001.txt"}
    assert [f.text for f in lone.figures] == [count] and {c.doc for c in lone.citations} == {"report_003.txt"}
    feats = ans.state["features"]
    assert feats["doc_rival"] == 1.0 and feats["doc_margin_table"] > 0 and feats["doc_margin_prose"] == 0.0
    assert lone.state["features"]["doc_rival"] == 0.0
    scoped = a.ask(rivalled, None, ["report_001.txt"]).state["features"]
    assert scoped["doc_rival"] == 0.0 and scoped["doc_margin_table"] == 0.0
    assert probability({**feats, "doc_margin_table": 0.0}) < probability(feats)


def test_an_answer_of_another_operation_than_asked_is_less_trusted(report) -> None:
    """The fitted model trusts a computed change more than a bare lookup given for a change question."""
    from assistant.confidence import probability

    ans = report.ask("What was the change in Southern region revenue from 2018 to 2019?")
    feats = dict(ans.state["features"])
    right = probability(feats)
    feats.update(op_agrees=0.0, op_disagrees_computing=1.0, op_support=0.0)  # a lookup carries a figure too
    assert right is not None and probability(feats) < right


def test_explain_says_how_the_question_was_read_and_what_was_chosen(report) -> None:
    why = report.default_answerer.explain("What was the percentage change in Western region revenue between 2018 "
                                          "and 2019?")
    assert why["read as"]["operation"] == "percent_change" and set(why["read as"]["periods"]) == {"2018", "2019"}
    table = why["table answer"]
    assert why["chosen"] == "table" and table["operation"] == "change" and table["row"] == "Western region"
    assert {c.rsplit(" / ", 1)[-1] for c in table["columns"]} == {"2018", "2019"}
    assert why["given"] is (why["confidence"] >= why["threshold"])


@pytest.mark.parametrize("question", [
    "Which years does the regional revenue table cover?",
    "What years are included in the table of revenue by region?",
    "Which fiscal years are shown in the table?",
])
def test_the_periods_a_table_covers(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "list_periods"
    assert all(y in ans.text for y in ("2019", "2018", "2017"))
    header = REPORT.splitlines().index("(In thousands)\t2019\t2018\t2017") + 1
    assert header in {c.line_start for c in ans.citations}


@pytest.mark.parametrize("question", [
    "What is the difference in 2019 revenue between the Western region and the Northern region?",
    "What was the gap between Western region and Northern region revenue in 2019?",
    "How much more was the Western region than the Northern region in 2019?",
])
def test_a_difference_between_two_named_rows(report, question: str) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "difference")
    assert fig.value / K == Decimal(6120 - 4210)
    assert {c.row for c in fig.cells} == {"Western region", "Northern region"}
    assert {c.column.rsplit(" / ", 1)[-1] for c in fig.cells} == {"2019"}


@pytest.mark.parametrize("question", [
    "What is the ratio of Southern region revenue to Northern region revenue in 2018?",
    "What was the ratio of the Southern region's revenue to the Northern region's in 2018?",
    "In 2018, what was the ratio of revenue in the Southern region against the Northern region?",
])
def test_a_ratio_of_two_named_rows(report, question: str) -> None:
    fig = next(f for f in report.ask(question).figures if f.op == "ratio")
    assert abs(fig.value - Decimal(2330) / Decimal(3390)) < Decimal("0.0001")


@pytest.mark.parametrize("header,year", [("FY19 / $M", 2019), ("FY181 / $M", 2018), ("FY 20", 2020), ("FY2017", 2017)])
def test_a_fiscal_year_header_with_a_glued_footnote(header: str, year: int) -> None:
    """'FY18¹' reaches the text as 'FY181': a fiscal year has two digits or four, never three."""
    assert period_key(header) == (year, 0)


COUNTED = """Company report extract

The board set a revenue threshold of $4,000 thousand, $3,000 thousand or $1,500 thousand for each region.

Revenue by region was as follows:

Region\t2019\t2018\t2017
Western region\t$6,120\t$4,480\t$3,700
Northern region\t4,210\t3,390\t2,500
Southern region\t1,150\t2,330\t1,800
"""


@pytest.mark.parametrize("question,count", [
    ("How many years did Western region revenue exceed $4,000 thousand?", 2),
    ("In how many years was Northern region revenue more than $3,000 thousand?", 2),
    ("How many years did the Southern region bring in over $1,500 thousand of revenue?", 2),
])
def test_a_count_over_years_with_a_condition_in_thousands(tmp_path: Path, question: str, count: int) -> None:
    """The condition's amount and scale are what the count is about: they count as explained by it, so
    the count is not dropped for leaving them unexplained."""
    a = assistant_over(tmp_path, "report_002.txt", COUNTED)
    why = a.default_answerer.explain(question)
    assert why["table answer"]["operation"] == "count" and why["chosen"] == "table"
    fig = next(f for f in a.ask(question).figures if f.op == "count")
    assert fig.value == count


UNNAMED_TOTAL = """Company report extract

Investments held at December 31, 2019 were as follows (in thousands):

\tAmortized Cost\tFair Value
Gilts\t$30,250\t$30,100
Corporate bonds\t12,750\t12,900
Money market funds\t7,000\t7,000
\t$50,000\t$50,000
"""


def test_an_unnamed_row_that_adds_up_the_rows_above_is_their_total(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "report_004.txt", UNNAMED_TOTAL)
    t = a.index.tables()[0]
    last = t.rows[-1]
    assert last.role == "total" and [c.raw for c in last.cells[1:]] == ["$50,000", "$50,000"]
    for question in ("What is the amortized cost of gilts as a percentage of the total amortized cost?",
                     "What share of the total amortized cost is in gilts?",
                     "What proportion of the total amortized cost do gilts make up?"):
        fig = next(f for f in a.ask(question).figures if f.op == "share")
        assert fig.value == Decimal("60.5") and {c.raw for c in fig.cells} == {"$30,250", "$50,000"}, question
    ans = a.ask("What is the total fair value of the investments?")
    assert "$50,000" in ans.text


def test_an_unnamed_row_that_does_not_add_up_stays_a_row(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "report_006.txt", UNNAMED_TOTAL.replace("$50,000\t$50,000", "$48,000\t$50,000"))
    assert a.index.tables()[0].rows[-1].role != "total"


@pytest.mark.parametrize("question", ["What was the revenue of the Western region in 2018?",
                                      "How much revenue did the Western region make in 2018?",
                                      "Western region revenue for 2018?"])
def test_a_cell_is_answered_with_a_sentence_naming_its_row_and_period(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and ans.text.startswith("For 2018, Western region")
    assert "4,480" in ans.text and "3,700" not in ans.text


GRANTS = """Company report extract

Grant income

Grant income was received as follows (in thousands):

\tMarch 31,\t
\t2022\t2021
Capital grants\t$1,200\t$1,100
Revenue grants\t800\t750
Research grants\t2,400\t2,050
Total grant income\t$4,400\t$3,900
Donations\t300\t280
"""


@pytest.mark.parametrize("question", ["What are the components of total grant income?",
                                      "Which items make up total grant income?",
                                      "What are the types of grants in the table?",
                                      "What does total grant income consist of?"])
def test_the_rows_a_total_is_made_of(tmp_path: Path, question: str) -> None:
    a = assistant_over(tmp_path, "report_000.txt", GRANTS)
    ans = a.ask(question)
    assert ans.answered, ans.text
    for item in ("Capital grants", "Revenue grants", "Research grants"):
        assert item in ans.text
    assert "Donations" not in ans.text
    assert {c.line_start for c in ans.citations} >= {8, 9, 10}


SPLIT = """Northshire Better Care Fund plan

2.2 Disabled Facilities Grant 2021-22

The full Disabled Facilities Grant is passed to each district council and is split as follows:

District\tFunding allocation
Eastvale\t£742,118
Westmoor\t£1,035,600
Total\t£1,777,718
"""


@pytest.mark.parametrize("question", ["How much Disabled Facilities Grant went to Westmoor in 2021-22?",
                                      "What is Westmoor's Disabled Facilities Grant funding allocation?",
                                      "Westmoor funding allocation?"])
def test_a_cell_whose_column_names_no_period_takes_the_one_period_its_table_is_under(tmp_path: Path,
                                                                                      question: str) -> None:
    a = assistant_over(tmp_path, "dfg.txt", SPLIT)
    ans = a.ask(question)
    assert ans.answered and "For 2021-22, Westmoor (Funding allocation) is £1,035,600" in ans.text
    assert {c.line_start for c in ans.citations} >= {7, 9}  # the header and the row


def test_no_period_is_named_when_the_context_names_two_or_another_is_asked(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "dfg.txt", SPLIT.replace("2.2 Disabled Facilities Grant 2021-22",
                                                          "2.2 Disabled Facilities Grant 2020-21 and 2021-22"))
    ans = a.ask("What is Westmoor's Disabled Facilities Grant funding allocation?")
    assert "£1,035,600" in ans.text and "For 20" not in ans.text
    b = assistant_over(tmp_path / "b", "dfg.txt", SPLIT)
    other = b.ask("What is Westmoor's Disabled Facilities Grant funding allocation in 2019-20?")
    assert "For 2021-22" not in other.text


STATUSES = """Service review

Status of each service at the end of the year:

Service\tLead\tStatus
Night nursing\tNorth team\tLive
Falls clinic\tSouth team\tPlanned
Memory service\tNorth team\tLive
Carers hub\tEast team\tLive
Equipment store\tSouth team\tPlanned
"""


@pytest.mark.parametrize("question,count", [
    ("How many services are Live?", 3),
    ("How many services have a status of Planned?", 2),
    ("How many services have Live status?", 3),
])
def test_a_count_of_rows_names_how_many_it_looked_at_traceably(tmp_path: Path, question: str, count: int) -> None:
    """A count says how many rows it looked at; that number is computed too, so it is in the figure's
    formula and nothing the answer says is untraceable."""
    from assistant.evaluate import untraceable_numbers

    a = assistant_over(tmp_path, "review_001.txt", STATUSES)
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "count")
    assert fig.value == count and "of 5 rows" in fig.formula
    assert untraceable_numbers(ans) == []


DISTRICT_GRANTS = """District grants report

Grants paid by district in the year (in thousands):

District\t2020\t2019
Riverside\t1,350\t1,100
Hillcrest\t2,480\t2,450
Lowmoor\t640\t590
Total\t4,470\t4,140
"""

RECOVERED = DISTRICT_GRANTS.rstrip("\n") + """
Total recoveries\t350\t375
"""


@pytest.mark.parametrize("question,value,text", [
    ("What was the percentage change in grants to Riverside from 2019 to 2020?", "22.727", "+22.73%"),
    ("By what percentage did Lowmoor's grant rise between 2019 and 2020?", "8.4746", "+8.47%"),
    ("What is the percentage change in Hillcrest grants from 2019 to 2020?", "1.2245", "+1.22%"),
])
def test_a_computed_percentage_is_written_to_two_decimals(tmp_path: Path, question: str, value: str,
                                                          text: str) -> None:
    """Percentage changes are asked to two decimals: one decimal would turn 22.73% into 22.7%."""
    a = assistant_over(tmp_path, "grants_002.txt", DISTRICT_GRANTS)
    fig = next(f for f in a.ask(question).figures if f.op == "percent_change")
    assert abs(fig.value - Decimal(value)) < Decimal("0.001") and fig.text == text


def test_a_share_of_a_whole_never_passes_a_hundred_per_cent(tmp_path: Path) -> None:
    """A share of a part in the table's whole is between 0 and 100%; a share over 100% means the row taken
    for the whole is not it (here a total of recoveries below the grants): the whole is the total the part fits in."""
    from assistant import figures as F

    a = assistant_over(tmp_path, "grants_004.txt", RECOVERED)
    grants = a.index.tables()[0]
    rows = {r.label: r for r in grants.rows}
    assert F.share(grants, (rows["Hillcrest"], 1), (rows["Total"], 1)).text == "55.48%"
    for question in ("What share of total grants went to Hillcrest in 2020?",
                     "What percentage of the total grants in 2020 did Hillcrest receive?",
                     "What proportion of the 2020 total went to Hillcrest?"):
        shares = [f for f in a.ask(question).figures if f.op == "share"]
        assert len(shares) == 1 and abs(shares[0].value - Decimal("55.48")) < Decimal("0.01")
        assert [c.row for c in shares[0].cells] == ["Hillcrest", "Total"]


TABLED = """Note 9 Leases

The following table sets out the maturity of our lease liabilities at year end:

Maturity\t2020\t2019
Within one year\t1,200\t1,150
One to five years\t3,400\t3,100
"""

TWO_TABLES = """Community services review

Table 1: Referrals received by team in 2019-20

Team\tReferrals
North\t420
South\t380

Table 2: Average waiting time in days by team

Team\tDays
North\t12
South\t9
"""


@pytest.mark.parametrize("doc,question,said", [
    (TABLED, "What does the table show?", "maturity of our lease liabilities"),
    (TABLED, "What does this table represent?", "maturity of our lease liabilities"),
    (TABLED, "What is the topic of this note?", "Leases"),
    (TWO_TABLES, "What does table 2 show?", "Average waiting time in days by team"),
    (TWO_TABLES, "What does Table 1 present?", "Referrals received by team"),
])
def test_what_a_table_shows_is_its_caption_and_heading(tmp_path: Path, doc: str, question: str, said: str) -> None:
    a = assistant_over(tmp_path, "notes_008.txt", doc)
    ans = a.ask(question)
    assert ans.answered and said in ans.text and not ans.figures
    caption = next(n for n, ln in enumerate(doc.split("\n"), 1) if said.split()[0] in ln and ln.strip())
    assert any(c.line_start <= caption <= c.line_end for c in ans.citations)


FOOTNOTED = """Other income

Other income for the year was as follows:

\t2020\t2019
Rental income\t310\t290
Grant release (1)\t125\t140
Sundry income (2)\t45\t60
Total\t480\t490

(1) Represents the part of capital grants released to match the depreciation of the funded buildings.
(2) Relates to recharges of shared staff to partner organisations.

Bed occupancy

The bed occupancy rate is calculated by dividing occupied bed days by the bed days available in the year. Occupancy was 91.5% in 2020.

Investments are measured at fair value using quoted market prices at the year end. Investments were 1,900 at the year end.
"""


@pytest.mark.parametrize("question,said", [
    ("What does the grant release represent?", "capital grants released"),
    ("What is sundry income related to?", "recharges of shared staff"),
    ("What does sundry income refer to?", "recharges of shared staff"),
    ("How is the bed occupancy rate calculated?", "by dividing occupied bed days"),
    ("How are investments measured?", "quoted market prices"),
    ("How was the occupancy rate computed?", "bed days available in the year"),
])
def test_what_a_line_means_and_how_a_figure_is_arrived_at(tmp_path: Path, question: str, said: str) -> None:
    """'What does X represent / relate to?' is answered by the footnote its row's marker points to, and
    'how is X calculated / measured?' by the sentence that gives the method, not by the figure."""
    a = assistant_over(tmp_path, "income_010.txt", FOOTNOTED)
    ans = a.ask(question)
    assert ans.answered and said in ans.text and not ans.figures
    line = next(n for n, ln in enumerate(FOOTNOTED.split("\n"), 1) if said in ln)
    assert any(c.line_start <= line <= c.line_end for c in ans.citations)


BALANCES = """Balance sheet extract

Balances at year end (in thousands):

\t2020\t2019
Stock held\t1,540\t1,380
Trade receivables\t2,210\t2,050
Prepaid expenses\t310\t290
Accrued staff costs\t690\t720
"""


@pytest.mark.parametrize("question,wanted", [
    ("What are the 2020 figures for stock held and accrued staff costs, respectively?", ("1,540", "690")),
    ("What were trade receivables and prepaid expenses in 2019?", ("2,050", "290")),
    ("In 2020, what were both stock held and trade receivables?", ("1,540", "2,210")),
])
def test_two_rows_named_together_are_both_looked_up(tmp_path: Path, question: str, wanted: tuple[str, str]) -> None:
    a = assistant_over(tmp_path, "balances_012.txt", BALANCES)
    ans = a.ask(question)
    assert [f.text for f in ans.figures if f.op == "lookup"] == [f"{w} thousand" for w in wanted]  # the scale the table states
    lines = {n for n, ln in enumerate(BALANCES.split("\n"), 1) if any(w in ln for w in wanted)}
    assert lines <= {ln for c in ans.citations for ln in range(c.line_start, c.line_end + 1)}


def test_one_row_named_is_looked_up_alone(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "balances_012.txt", BALANCES)
    for question in ("What was stock held in 2020?", "What was the balance of prepaid expenses in 2019?"):
        assert len([f for f in a.ask(question).figures if f.op == "lookup"]) == 1


COMMITMENTS = """Care trust accounts extract

Commitments

Our commitments at 31 March 2021 fall due as follows (in £000):

\tTotal\tWithin 1 year\t1-3 years\tAfter 3 years
Building leases\t12,400\t2,100\t4,300\t6,000
Equipment contracts\t3,600\t1,900\t1,200\t500
Agency staffing agreements\t2,000\t1,400\t600\t—
Total commitments\t18,000\t5,400\t6,100\t6,500
"""


@pytest.mark.parametrize("question,cells", [
    ("What are building leases as a percentage of total commitments?", ["12,400", "18,000"]),
    ("What share of the total commitments is made up of equipment contracts?", ["3,600", "18,000"]),
    ("What proportion of total commitments relates to agency staffing agreements?", ["2,000", "18,000"]),
])
def test_a_question_naming_no_column_reads_the_total_column(tmp_path: Path, question: str, cells: list[str]) -> None:
    """A breakdown by column (due within a year, in 1-3 years, ...) with a total column: a question that
    names no column is about the total, not the last column."""
    a = assistant_over(tmp_path, "commitments_014.txt", COMMITMENTS)
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "share")
    assert [c.raw for c in fig.cells] == cells
    assert "After 3 years" not in ans.text


# --------------------------------------------------------------------------- sections of a statement

STATEMENT = """Company report extract

Results of operations

The following table sets out our statement of operations (in thousands):

\t\tYears ended December 31,\t
\t2021\t2020\t2019
Revenues:\t\t\t
Licences\t$5,200\t$4,100\t$3,000
Support services\t2,800\t2,400\t2,000
\t8,000\t6,500\t5,000
Cost of revenues:\t\t\t
Licences\t1,300\t1,100\t900
Support services\t700\t600\t500
\t2,000\t1,700\t1,400
Gross profit\t6,000\t4,800\t3,600
"""


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("statement"), "report_001.txt", STATEMENT)


def test_a_section_line_under_the_header_names_its_rows_and_its_total_closes_it(statement) -> None:
    t = statement.index.tables()[0]
    by_path = {r.path(): r for r in t.rows}
    assert by_path["Revenues: / Licences"].cells[1].raw == "$5,200"  # the first section is a section too
    assert by_path["Cost of revenues: / Licences"].cells[1].raw == "1,300"
    assert by_path["Revenues: / Total"].role == "total"
    assert by_path["Gross profit"].group is None  # after the costs' total: not a cost


@pytest.mark.parametrize("question,raw,line", [
    ("What was the revenue from support services in 2020?", "2,400", 11),
    ("What were support services revenues in 2020?", "2,400", 11),
    ("What was the cost of revenues for licences in 2020?", "1,100", 14),
    ("How much did licences cost in cost of revenues in 2020?", "1,100", 14),
])
def test_the_row_is_chosen_within_the_section_the_question_names(statement, question: str, raw: str,
                                                                 line: int) -> None:
    ans = statement.ask(question)
    assert ans.answered and raw in ans.text
    assert any(c.line_start <= line <= c.line_end for c in ans.citations)


@pytest.mark.parametrize("question,expected", [
    ("What is the sum of the revenues in 2021?", Decimal(8000)),
    ("What do the cost of revenues add up to in 2019?", Decimal(1400)),
])
def test_an_operation_over_rows_stays_in_the_section_named(statement, question: str, expected: Decimal) -> None:
    ans = statement.ask(question)
    assert any(f.value == expected for f in ans.figures) or f"{expected:,}" in ans.text


@pytest.fixture(scope="module")
def made_up(tmp_path_factory: pytest.TempPathFactory):
    """An assistant over one made-up report, built once per report for the module."""
    built: dict[str, object] = {}

    def over(name: str, text: str):  # type: ignore[no-untyped-def]
        if name not in built:
            built[name] = assistant_over(tmp_path_factory.mktemp(name.split(".")[0]), name, text)
        return built[name]
    return over


SPREAD = """Company report extract

The following table presents the breakdown of income by segment (in millions):

\t\tYears Ended\t\t2021 vs. 2020\t
Years Ended\tJuly 30, 2021\tJuly 31, 2020\tJuly 26, 2019\tVariance in Dollars\tVariance in Percent
North\t$ 900\t$ 800\t$ 700\t$100\t13%
South\t500\t450\t400\t50\t11%
Total\t$ 1,400\t$ 1,250\t$ 1,100\t$150\t12%
"""


@pytest.mark.parametrize("question,raw,not_raw", [
    ("What was the income from North in 2021?", "900", "700"),
    ("What was South's income in fiscal 2020?", "450", "400"),
    ("How much income did the North segment have in 2020?", "800", "700"),
])
def test_a_column_is_the_period_its_own_header_names_not_a_group_label_over_it(made_up, question: str,
                                                                               raw: str, not_raw: str) -> None:
    a = made_up("report_002.txt", SPREAD)  # 'July 26, 2019' sits under '2021 vs. 2020'
    ans = a.ask(question)
    assert ans.answered and raw in ans.text and not_raw not in ans.text
    assert "%" not in ans.text  # nor the variance columns, which name 2021 and 2020 but hold changes


@pytest.mark.parametrize("question,expected", [
    ("What was the change in North income between 2019 and 2020?", Decimal(100)),
    ("By how much did South's income rise from 2019 to 2020?", Decimal(50)),
    ("What is the difference in total income between 2019 and 2020?", Decimal(150)),
])
def test_a_period_column_under_a_spread_change_label_is_still_a_period(made_up, question: str,
                                                                       expected: Decimal) -> None:
    a = made_up("report_002.txt", SPREAD)  # 'July 26, 2019' sits under '2021 vs. 2020'
    fig = next(f for f in a.ask(question).figures if f.op == "difference")
    assert fig.value == expected * 1_000_000 and len(fig.cells) == 2  # in the millions the table states


SHARES = """Company report extract

Revenue by line of business

\tYear ended 31 March\t\t\t
\t2021\t\t2020\t
\tAmount\t% of total revenues\tAmount\t% of total revenues
Games\t6,000\t60%\t4,500\t50%
Music\t3,000\t30%\t3,600\t40%
Other\t1,000\t10%\t900\t10%
Total revenues\t10,000\t100%\t9,000\t100%

Segment results\t2021\t2020
Segment revenues\t8,000\t7,500
Percentage of total revenues\t80%\t83%
"""


def test_a_percentage_of_total_row_is_not_a_total(made_up) -> None:
    a = made_up("report_004.txt", SHARES)
    seg = next(t for t in a.index.tables() if any(r.label == "Segment revenues" for r in t.rows))
    assert [r.role for r in seg.rows] == ["body", "body"]
    ans = a.ask("What were total segment revenues in 2021?")
    assert "8,000" in ans.text and "80%" not in ans.text


SEGMENTS = """Company report extract

CAPITAL SPENDING

\t2021\t2020\tCHANGE
North Wireless\t700\t650\t50
Spending intensity ratio\t7.0%\t6.5%\t0.5 pts
South Wireline\t3,000\t3,100\t(100)
Spending intensity ratio\t25.0%\t26.0%\t(1.0) pts
Group\t3,700\t3,750\t(50)
Spending intensity ratio\t15.0%\t15.5%\t(0.5) pts
"""


def test_a_label_said_again_under_each_row_is_named_by_the_row_above(made_up) -> None:
    a = made_up("report_006.txt", SEGMENTS)
    t = a.index.tables()[0]
    paths = [r.path() for r in t.rows]
    assert paths[1] == "North Wireless / Spending intensity ratio"
    assert paths[3] == "South Wireline / Spending intensity ratio" and paths[2] == "South Wireline"


@pytest.mark.parametrize("question,raw,not_raw", [
    ("What was the capital spending of South Wireline in 2021?", "3,000", "25.0%"),
    ("What was the spending intensity ratio of South Wireline in 2020?", "26.0%", "3,100"),
    ("How much capital spending did North Wireless have in 2020?", "650", "6.5%"),
    ("What was North Wireless's spending intensity ratio in 2021?", "7.0%", "15.0%"),
])
def test_the_row_that_says_least_beyond_the_question_is_chosen(made_up, question: str, raw: str,
                                                               not_raw: str) -> None:
    a = made_up("report_006.txt", SEGMENTS)
    ans = a.ask(question)
    assert ans.answered and raw in ans.text and not_raw not in ans.text


def test_the_section_row_and_every_header_level_of_an_answer_are_cited(statement) -> None:
    from assistant.evaluate import untraceable_numbers

    ans = statement.ask("What was the cost of revenues for support services in 2020?")
    lines = {c.line_start for c in ans.citations}
    assert {7, 8, 13, 15} <= lines  # both header lines, the 'Cost of revenues:' section, the row
    assert "600" in ans.text and untraceable_numbers(ans) == []


COLONS = """Company report extract

Total assets: by region

Region: area\tAs at: 2021\tAs at: 2020
Total assets:\t\t
North: main\t500\t400
South: main\t700\t300
West: other\t200\t600
"""


@pytest.mark.parametrize("question,winner,value", [
    ("Which region had the largest total assets in 2021?", "South: main", "700"),
    ("Which region had the smallest total assets in 2020?", "South: main", "300"),
    ("Which region had the highest total assets in 2020?", "West: other", "600"),
])
def test_the_largest_row_is_named_when_names_hold_colons(made_up, question: str, winner: str,
                                                         value: str) -> None:
    a = made_up("report_008.txt", COLONS)
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op in ("max", "min"))
    assert fig.description.endswith(winner) and value in fig.text


MEMBERS = """Company report extract

Members by channel at 31 December

\t2021\t2020\tCHANGE
Net member additions (losses)\t1,000\t3,000\t(2,000)
Online\t4,000\t5,000\t(1,000)
In branch\t(3,000)\t(2,000)\t(1,000)
Total members\t40,000\t39,000\t1,000
Online\t30,000\t26,000\t4,000
In branch\t10,000\t13,000\t(3,000)
"""


@pytest.mark.parametrize("question,part,whole", [
    ("What is the percentage of Online members out of the total members in 2021?", "30,000", "40,000"),
    ("What was the proportion of In branch members among total members in 2020?", "13,000", "39,000"),
    ("What were In branch members as a percentage of total members in 2021?", "10,000", "40,000"),
])
def test_a_share_takes_the_part_under_the_whole_it_names(made_up, question: str, part: str, whole: str) -> None:
    """The same labels sit under two rows (additions and members): the part is the one under the whole the
    question names, and 'total' names the totals row rather than another row its words match as well."""
    a = made_up("report_010.txt", MEMBERS)
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "share")
    assert [c.raw for c in fig.cells] == [part, whole]
    assert 0 < fig.value < 100


@pytest.mark.parametrize("question,wants", [
    ("Why did delayed discharges rise in the winter?", "reason"),
    ("What was the reason for the fall in agency spend?", "reason"),
    ("What led to the increase in home care hours?", "reason"),
    ("What drove the overspend on placements in 2020?", "reason"),
    ("What accounted for the decrease in admissions?", "reason"),
    ("What was the cost of agency staff in 2020?", "money"),
    ("How is the reablement rate calculated?", "method"),
])
def test_a_question_after_a_cause_wants_a_reason(question: str, wants: str) -> None:
    assert understand(question).wants == wants


@pytest.mark.parametrize("question,percent", [
    ("What share of the budget went to home care in 2021?", True),
    ("What is the practice's market share in 2020?", True),
    ("What was the occupancy rate of the step-down beds?", True),
    ("What were basic earnings per share in 2021?", False),
    ("What was the weighted average value per ordinary share of the options exercised?", False),
    ("How many shares were granted under the plan?", False),
])
def test_per_share_does_not_ask_for_a_percentage(question: str, percent: bool) -> None:
    """'a share of', 'market share' ask for a percentage; 'per share' and 'shares' do not."""
    assert (understand(question).wants == "percent") is percent


STARTED = """Company report extract

Grant income by scheme (in thousands)

Scheme\t2021\t2020\t2019
Warm homes grant\t300\t250\t
Falls prevention grant\t120\t\t
Carers breaks grant\t80\t75\t70
"""


@pytest.mark.parametrize("question,years,not_years", [
    ("What are the financial years listed in the table?", ["2021", "2020", "2019"], []),
    ("Which years are given in the table of grant income?", ["2021", "2020", "2019"], []),
    ("In which years was the Warm homes grant recorded?", ["2021", "2020"], ["2019"]),
    ("In which years was Carers breaks grant income reported?", ["2021", "2020", "2019"], []),
])
def test_the_periods_of_a_table_or_of_one_row(made_up, question: str, years: list[str], not_years: list[str]) -> None:
    """Asked of the table, every period its columns name; asked of one item, the periods its row has a figure
    for. The header line is cited."""
    a = made_up("report_014.txt", STARTED)
    ans = a.ask(question)
    assert ans.state.get("op") == "list_periods"
    assert all(y in ans.text for y in years) and not any(y in ans.text for y in not_years)
    assert 5 in {c.line_start for c in ans.citations}


HOLDINGS = """Company report extract

Our corporate treasury team invests surplus cash under the corporate investment policy approved by the corporate
finance committee. Corporate governance of the portfolio is reviewed each quarter by the corporate audit group.

Marketable securities at 31 March 2021 (in thousands)

\tAmortised cost\tUnrealised gains\tFair value
Municipal bonds\t$4,800\t$130\t$4,820
Corporate bonds\t3,900\t230\t3,904
Treasury notes\t2,100\t40\t2,120
Total\t$10,800\t$400\t$10,844
"""


@pytest.mark.parametrize("question,raws", [
    ("What are the respective fair values of the municipal and corporate bonds?", ["$4,820", "3,904"]),
    ("What was the amortised cost of the corporate and municipal bonds, respectively?", ["3,900", "$4,800"]),
    ("What are the respective unrealised gains of municipal and corporate bonds?", ["$130", "230"]),
])
def test_two_rows_named_with_a_shared_word_are_both_read(made_up, question: str, raws: list[str]) -> None:
    """'municipal and corporate bonds': each row is named by the word the other lacks ('corporate' is common in
    the text, 'bonds' is said by both): the shared word does not make the second row less named. Both cells are
    given, in the order the question names them."""
    a = made_up("report_016.txt", HOLDINGS)
    ans = a.ask(question)
    got = [c.raw for f in ans.figures for c in f.cells]
    assert got == raws


SCHEMES = """Company report extract

Scheme budgets (in thousands)

Scheme\t2021\t2020
Falls service\t120\t100
Home adaptations\t450\t300
Carers support\t80\t95
Reablement\t300\t310
Total\t950\t805
"""


@pytest.mark.parametrize("question,raws,value", [
    ("What is the sum of the three largest scheme budgets in 2021?", ["120", "450", "300"], Decimal(870)),
    ("How much do the top 2 scheme budgets add up to in 2020?", ["300", "310"], Decimal(610)),
    ("What is the total of the two smallest scheme budgets in 2021?", ["120", "80"], Decimal(200)),
])
def test_a_sum_of_the_top_rows_adds_only_those(made_up, question: str, raws: list[str], value: Decimal) -> None:
    """'the top 3', 'the two smallest': the rows ranked by the column asked, that many of them, added up; the
    table's own total (of every row) is not set against it, and the answer shows no number it cannot trace."""
    from assistant.evaluate import untraceable_numbers

    a = made_up("report_018.txt", SCHEMES)
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "sum")
    assert [c.raw for c in fig.cells] == raws and fig.value / K == value
    assert "own total" not in ans.text and untraceable_numbers(ans) == []


PROGRAMMES = """Company report extract

Capital spending by programme was as follows (in thousands):

\t2019\t2018
Estate maintenance programme\t3,500\t3,100
Estate renewal programme\t13,000\t16,800
Digital systems\t31,300\t31,400
Fleet\t2,000\t2,200
\t49,800\t53,500
Less grant funding received\t(20,000)\t(22,000)
\t$29,800\t$31,500
"""


@pytest.mark.parametrize("question,raws,value", [
    ("What do the 2 biggest programmes add up to in 2018?", ["16,800", "31,400"], Decimal(48200)),
    ("Add up the capital spending of the top two programmes for 2019.", ["13,000", "31,300"], Decimal(44300)),
    ("Combined, how much went on the three largest programmes in 2018?", ["3,100", "16,800", "31,400"],
     Decimal(51300)),
])
def test_the_top_rows_are_ranked_by_value_among_every_named_row(made_up, question: str, raws: list[str],
                                                                  value: Decimal) -> None:
    """'The 2 biggest programmes' are the two largest of the table's named rows, whichever of them the
    question's words match ('programme' is the caption's word and in two labels): never a subtotal row without
    a name."""
    a = made_up("report_020.txt", PROGRAMMES)
    fig = next(f for f in a.ask(question).figures if f.op == "sum")
    assert [c.raw for c in fig.cells] == raws and fig.value / K == value


SECTIONS = """Company report extract

Revenue and costs by line (in thousands):

\t2019\t2018
Revenue:\t\t
Licences\t9,000\t8,000
Services\t7,000\t6,500
Hardware\t5,000\t4,000
Costs:\t\t
Staff\t3,000\t2,800
Premises\t1,200\t1,100
Travel\t400\t350
"""


@pytest.mark.parametrize("question,raws", [
    ("What do the two largest costs add up to in 2019?", ["3,000", "1,200"]),
    ("What is the sum of the top 2 revenue lines in 2018?", ["8,000", "6,500"]),
])
def test_the_top_rows_of_a_section_the_question_names(made_up, question: str, raws: list[str]) -> None:
    a = made_up("report_022.txt", SECTIONS)
    fig = next(f for f in a.ask(question).figures if f.op == "sum")
    assert [c.raw for c in fig.cells] == raws


# --------------------------------------------------------------------------- how a year is introduced

FISCAL = """Company report extract

During fiscal 2019 the company opened a new warehouse in the north as of December 31, 2019 and for the year.

The components of other assets were as follows (in millions):

\tYear Ended December 31,\t
\t2019\t2018
Capitalised software\t$231\t$198
Prepaid pension\t84\t77
Total other assets\t$315\t$275
"""


@pytest.fixture(scope="module")
def fiscal(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("fiscal"), "report_000.txt", FISCAL)


@pytest.mark.parametrize("question", [
    "How much capitalised software was there in fiscal 2019?",
    "What was the capitalised software for the fiscal year 2019?",
    "What was the capitalised software balance as of December 31, 2019?",
    "How much was capitalised software in the financial year 2019?",
])
def test_the_words_that_introduce_a_year_are_not_the_subject(fiscal, question: str) -> None:
    """'fiscal', 'the year ended', 'as of December 31' say when, as the year does: the table cell is the
    answer, not the sentence that happens to say 'fiscal 2019' and 'as of December 31, 2019'."""
    q = understand(question)
    assert not {"fiscal", "financi", stem("december"), "31"} & set(q.terms) and q.periods == ("2019",)
    ans = fiscal.ask(question)
    assert ans.answered and "231" in ans.text and "198" not in ans.text
    t = fiscal.index.tables()[0]
    row = next(r for r in t.rows if r.label == "Capitalised software")
    assert any(c.line_start <= row.lines[0] <= c.line_end for c in ans.citations)


def test_a_year_phrase_keeps_the_words_that_are_asked_about() -> None:
    assert {"fiscal", "year", "end"} <= set(understand("When does the fiscal year end?").terms)
    assert stem("march") in understand("What happened in March 2019?").terms


# --------------------------------------------------------------------------- a cell against a lean towards words

ROYALTIES = """Company report extract

During 2019 and 2018, we had royalty and rental arrangements with two licensees with minimum guarantees of
about $1.1 million and $1.3 million, respectively. The increase in finance costs in 2019 was due to higher
borrowings under the new credit facility.

The following table compares our other operating results for 2019 and 2018 (in thousands):

\tYear Ended December 31,\t
\t2019\t2018
Royalty income\t7,804\t6,112
Rental income\t2,950\t2,415
Finance costs\t(21,590)\t(18,305)
Other income, net\t1,204\t880
"""


@pytest.fixture(scope="module")
def royalties(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("royalties"), "report_000.txt", ROYALTIES)


@pytest.mark.parametrize("question,raw", [
    ("What was the royalty income during 2019?", "7,804"),
    ("What was the rental income during 2018?", "2,415"),
    ("How much royalty income was there during 2018?", "6,112"),
])
def test_a_cell_that_explains_the_question_beats_a_lean_towards_words(royalties, question: str, raw: str) -> None:
    """The operation model leans towards an answer in words for 'during 2019' questions; a sentence that
    says 'During 2019' but not what is asked does not beat the cell that answers the whole question."""
    ans = royalties.ask(question)
    assert ans.answered and raw in ans.text
    t = royalties.index.tables()[0]
    assert any(t.line_start <= c.line_start <= t.line_end for c in ans.citations)
    assert "licensees" not in ans.text


@pytest.mark.parametrize("question", [
    "Why did finance costs go up in 2019?",
    "What drove the rise in finance costs in 2019?",
])
def test_a_reason_is_still_answered_in_words(royalties, question: str) -> None:
    ans = royalties.ask(question)
    assert ans.answered and "due to higher borrowings" in ans.text and not ans.figures


# --------------------------------------------------------------------------- courtesies around a question


@pytest.mark.parametrize("question", [
    "Please tell me what the change in Southern region revenue from 2018 to 2019 was.",
    "Could you tell me the change in Southern region revenue from 2018 to 2019, please?",
    "I'd like to know the change in the Southern region's revenue between 2018 and 2019",
    "Can you please tell me by how much revenue from the Southern region fell between 2018 and 2019?",
])
def test_courtesies_around_a_question_do_not_change_the_answer(report, question: str) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "difference")
    assert fig.value / K == Decimal(1150 - 2330) and [c.raw for c in fig.cells] == ["2,330", "1,150"]


@pytest.mark.parametrize("question", [
    "Please tell me what makes up total revenue?",
    "Could you tell me the components of total revenue in the table?",
])
def test_a_list_question_behind_a_courtesy_is_still_a_list(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and all(r in ans.text for r in ("Northern region", "Southern region", "Western region"))


# --------------------------------------------------------------------------- acronyms typed in lower case

ACRONYM_PLAN = """Riverside Better Care Fund Plan 2019-20

The Improved Better Care Fund (iBCF) grant is paid to the council. A Multi-Agency Discharge Event (MADE) is held
each month, and the plan is made up of three schemes.

Funding source\t2019-20
Improved Better Care Fund\t£2,450,000
Disabled Facilities Grant\t£1,310,000
Minimum CCG contribution\t£9,870,000
"""


@pytest.fixture(scope="module")
def acronym_plan(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("acronyms"), "plan.txt", ACRONYM_PLAN)


@pytest.mark.parametrize("question", [
    "how much ibcf funding is there in 2019-20?",
    "what was the ibcf grant in 2019-20",
    "How much iBCF funding is there in 2019-20?",
])
def test_an_acronym_typed_in_lower_case_meets_its_long_form(acronym_plan, question: str) -> None:
    ans = acronym_plan.ask(question)
    assert ans.answered and "2,450,000" in ans.text and "9,870,000" not in ans.text


def test_a_word_the_documents_use_in_lower_case_is_not_read_as_an_acronym(acronym_plan) -> None:
    a = acronym_plan.default_answerer
    assert a.acronyms_written("what is the ibcf made of?") == "what is the iBCF made of?"


# --------------------------------------------------------------------------- 'the company's'


@pytest.mark.parametrize("question", [
    "What was the company's change in Southern region revenue from 2018 to 2019?",
    "What is the company’s difference in the revenue of the Southern region between 2019 and 2018?",
])
def test_the_company_is_the_reporter_not_a_subject(report, question: str) -> None:
    ans = report.ask(question)
    fig = next(f for f in ans.figures if f.op == "difference")
    assert fig.value / K == Decimal(1150 - 2330)


GROUP_AND_COMPANY = """Annual report extract

Trade receivables of the group and of the parent company at the year end (£m):

\tGroup\tCompany
Trade receivables\t41.2\t12.5
Other receivables\t8.1\t2.2
"""


def test_a_company_column_is_still_named(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "report_000.txt", GROUP_AND_COMPANY)
    """Beside a 'Company' column, 'the company's' names the column: it is kept."""
    assert a.default_answerer._without_reporter("What were the company's trade receivables?", ()) == \
        "What were the company's trade receivables?"
    b = assistant_over(tmp_path / "other", "report_000.txt", REPORT)
    assert b.default_answerer._without_reporter("What were the company's Western region revenues?", ()) == \
        "What were the Western region revenues?"


REGIONS = """Company report extract

Net sales and long-lived assets of the group's regions for fiscal 2019 and 2018 were as follows (in thousands):

\tJune 30, 2019\tJune 30, 2018
Long-lived assets:\t\t
Northern region\t$412,880\t$390,115
Coastal region\t227,304\t240,981
Highlands\t96,410\t88,702
Central services\t31,006\t29,477
\t$767,600\t$749,275
"""


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("regions"), "report_012.txt", REGIONS)


@pytest.mark.parametrize("question,raw", [
    ("What were the total long-lived assets of the Highlands in 2018?", "88,702"),
    ("How much were total long-lived assets for Highlands as of June 30, 2019?", "96,410"),
    ("In 2019, what was the Coastal region's total of long-lived assets?", "227,304"),
])
def test_a_total_question_that_names_one_member_row_is_answered_from_that_row(regions, question: str,
                                                                               raw: str) -> None:
    ans = regions.ask(question)
    assert ans.answered and raw in ans.text
    assert "767,600" not in ans.text and "749,275" not in ans.text
    row_line = next(i for i, line in enumerate(REGIONS.splitlines(), 1) if raw in line)
    assert any(c.line_start <= row_line <= c.line_end for c in ans.citations)


@pytest.mark.parametrize("question,raw", [
    ("What were the total long-lived assets in 2019?", "767,600"),
    ("What was the total of long-lived assets as of June 30, 2018?", "749,275"),
    ("How much were total regional long-lived assets in 2018?", "749,275"),
])
def test_a_total_question_that_names_no_one_member_is_answered_from_the_total(regions, question: str,
                                                                               raw: str) -> None:
    ans = regions.ask(question)
    assert ans.answered and raw in ans.text


@pytest.mark.parametrize("question", [
    "What is the total of Highlands and Central services in 2019?",
    "What were the Highlands and Central services long-lived assets combined in 2019?",
    "What is the sum of the long-lived assets of Highlands and Central services in 2019?",
])
def test_a_sum_of_two_rows_named_by_their_own_words(regions, question: str) -> None:
    # in a one-document corpus every word is rare: the rows are chosen by the words only they say, not by a
    # score that depends on how large the corpus is
    fig = next(f for f in regions.ask(question).figures if f.op == "sum")
    assert fig.value / K == Decimal("127416") and {c.raw for c in fig.cells} == {"96,410", "31,006"}


@pytest.mark.parametrize("question,raw,other", [
    ("What was the total of long-lived assets as of June 30, 2018?", "749,275", "767,600"),
    ("Total long-lived assets at June 30, 2019?", "767,600", "749,275"),
    ("What were the Northern region's long-lived assets as at June 30, 2018?", "390,115", "412,880"),
])
def test_a_date_with_a_year_names_only_that_years_column(regions, question: str, raw: str, other: str) -> None:
    ans = regions.ask(question)
    assert raw in ans.text and other not in ans.text


@pytest.mark.parametrize("question,years", [
    ("In which year was Southern region revenue less than 2,000 thousand?", ["2019", "2017"]),
    ("Which years did Western region revenue exceed 4,000?", ["2019", "2018"]),
    ("In what years was Northern region revenue above $3,000 thousand?", ["2019", "2018"]),
    ("In which year were minimum lease payments below 420?", ["2017"]),
])
def test_which_periods_meet_a_condition(report, question: str, years: list[str]) -> None:
    # every period that meets the condition, not the period with the extreme value
    ans = report.ask(question)
    assert ans.answered and ans.state.get("op") == "meets"
    fig = ans.figures[0]
    met = [c.column for c in fig.cells[:int(fig.value)]]
    assert [y for y in ("2019", "2018", "2017") if any(y in c for c in met)] == years
    row = next(c.row for c in fig.cells)
    row_line = next(i for i, line in enumerate(REPORT.splitlines(), 1) if line.startswith(row.split(" / ")[-1]))
    assert any(c.line_start <= row_line <= c.line_end for c in ans.citations)


QUARTERS = """Company report extract

Quarterly results for fiscal 2020 were as follows (in millions):

\tQ1 2020\tQ2 2020\tQ3 2020\tQ4 2020
Net revenue\t$1,200\t$1,350\t$1,410\t$1,620
Operating income\t150\t180\t205\t260
"""


@pytest.mark.parametrize("question,cells", [
    ("What was the change in net revenue between Q2 and Q3 2020?", ("$1,350", "$1,410")),
    ("By how much did operating income rise from Q3 2020 to Q4 2020?", ("205", "260")),
    ("What was the percentage change in net revenue from Q1 to Q4 2020?", ("$1,200", "$1,620")),
])
def test_quarters_asked_name_their_own_columns_within_one_year(tmp_path: Path, question: str, cells: tuple[str, str]) -> None:
    a = assistant_over(tmp_path, "report_016.txt", QUARTERS)
    fig = next(f for f in a.ask(question).figures if f.op in ("difference", "change", "percent_change"))
    assert tuple(c.raw for c in fig.cells) == cells
    lookup = a.ask("What was operating income in Q3 2020?").text
    assert "205" in lookup and "Q3 2020" in lookup  # the period said is the quarter, not the year


REASONS = """Company report extract

Operating costs

Staff costs rose by 12% to £4.2 million in 2019. The increase was mainly driven by agency cover for vacant posts in the reablement team.

Travel costs fell by 3% to £0.3 million. This reflects lower mileage after the move to locality bases.

\t2019\t2018
Staff costs\t4.2\t3.75
Travel costs\t0.3\t0.31
"""


@pytest.mark.parametrize("question,reason,line", [
    ("What was the reason for the increase in staff costs?", "agency cover", 5),
    ("Why did staff costs go up in 2019?", "agency cover", 5),
    ("What drove the rise in staff costs?", "agency cover", 5),
    ("What caused the decrease in travel costs?", "lower mileage", 7),
])
def test_a_reason_said_in_the_sentence_after_its_subject(tmp_path: Path, question: str, reason: str, line: int) -> None:
    # 'The increase was mainly driven by ...' names its subject only in the sentence before: it is read with
    # it, and answered with it, rather than the table's figures
    a = assistant_over(tmp_path, "report_018.txt", REASONS)
    ans = a.ask(question)
    assert ans.answered and reason in ans.text and not ans.figures
    assert any(c.line_start <= line <= c.line_end and reason in c.quote for c in ans.citations)


@pytest.mark.parametrize("question", [
    "Which years does the table give figures for?",
    "What years are the regional revenue figures given for?",
    "For which years are figures given in the revenue table?",
    "Which years does the table provide data on?",
])
def test_the_words_of_a_question_about_periods_are_not_its_subject(report, question: str) -> None:
    # 'give', 'figures', 'data' say what is asked about the table (its periods), not what it is about
    ans = report.ask(question)
    assert ans.answered
    at = [ans.text.find(y) for y in ("2019", "2018", "2017")]
    assert all(i >= 0 for i in at)
    header = next(i for i, line in enumerate(REPORT.splitlines(), 1) if line.startswith("(In thousands)"))
    assert any(c.line_start <= header <= c.line_end for c in ans.citations)


NIL_DASHES = """Company report extract

Provisions at the year end were as follows:

\t2019\t2018\t2017
Restructuring\t$1,200\t$—\t$800
Legal claims\t—\t450\t300
Onerous leases\t\t95\t60
Total provisions\t$1,200\t$545\t$1,160
"""


@pytest.mark.parametrize("question,value,cells", [
    ("What was the average legal claims provision across 2017 to 2019?", "250", ("300", "450", "—")),
    ("What was the change in Restructuring provisions from 2018 to 2019?", "1200", ("$—", "$1,200")),
    ("What were the Legal claims provisions in 2018 and 2019 added together?", "450", ("450", "—")),
])
def test_a_dash_among_figures_is_nil(tmp_path: Path, question: str, value: str, cells: tuple[str, ...]) -> None:
    """'—' or '$—' in a column of figures is nil: computations count it as zero and cite it as written;
    a blank cell stays empty and is not computed with."""
    a = assistant_over(tmp_path, "report_022.txt", NIL_DASHES)
    fig = next(f for f in a.ask(question).figures if f.op not in ("lookup",))
    assert fig.value == Decimal(value) and tuple(c.raw for c in fig.cells) == cells
    (t,) = a.index.tables()
    leases = next(r for r in t.rows if r.label == "Onerous leases")
    assert leases.cells[1].kind == "empty" and leases.cells[1].value is None


def test_a_row_left_out_of_a_sum_shows_no_number_it_does_not_cite(tmp_path: Path) -> None:
    """A row whose cell holds text with digits ('see note 4') is left out of a sum and named in the note,
    without its digits: every number an answer shows is quoted from a line it cites or computed."""
    from assistant.evaluate import untraceable_numbers

    a = assistant_over(tmp_path, "report_024.txt", "Company report extract\n\nCommitments were as follows:\n\n"
                       "\tTotal\n"
                       "Operating leases\t4,120\n"
                       "Capital commitments\tsee note 12 on page 31\n"
                       "Purchase obligations\t2,310\n")
    a.default_answerer.confidence_floor = 0.0  # what is shown, whatever the confidence
    for question in ("What do the commitments add up to?", "What is the sum of all commitments?",
                     "How much are the commitments in total?"):
        ans = a.ask(question)
        assert "Capital commitments" in ans.text  # named as not counted
        fig = next(f for f in ans.figures if f.op == "sum")
        assert fig.value == Decimal(6430)
        assert not untraceable_numbers(ans), ans.text


def _every_answer(a):  # type: ignore[no-untyped-def]
    """The assistant with no confidence floor: what the mechanisms answer, whatever the confidence."""
    a.default_answerer.confidence_floor = 0.0
    return a


CHARGES = """Company report extract

Special charges include the costs of our site closure programmes, integration costs and other charges.

\tYear Ended June 30,\t\t
\t2021\t2020\t2019
2021 Site Closure Programme\t$12,400\t$—\t$—
2020 Site Closure Programme\t610\t9,870\t—
2019 Site Closure Programme\t450\t5,200\t21,300
Integration costs\t3,900\t2,750\t8,100
Total\t$17,360\t$17,820\t$29,400
"""


@pytest.mark.parametrize("question,op,expected", [
    # rows named for other years: the columns are the years asked
    ("By how much did integration costs change from 2020 to 2021?", "difference", Decimal(1150)),
    ("How much did integration costs rise between fiscal 2020 and fiscal 2021?", "difference",
     Decimal(1150)),
    ("By what percentage did total special charges change between 2020 and 2021?", "percent_change",
     Decimal("-2.58")),
    # a row named for a year, averaged over other years: the years asked, not the one in its name
    ("What was the average 2020 Site Closure Programme charge in 2020 and 2021?", "average", Decimal(5240)),
    ("Over 2019 and 2020, what was the mean charge for the 2019 Site Closure Programme?", "average", Decimal(13250)),
])
def test_a_row_named_for_a_year_is_a_name_where_the_columns_are_the_years(tmp_path: Path, question: str, op: str,
                                                                            expected: Decimal) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_003.txt", CHARGES))
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == op)
    assert abs(fig.value - expected) < Decimal("0.01"), ans.text
    assert len({c.row for c in fig.cells}) == 1  # one row, across two years


SERVICE_COSTS = """Company report extract

Customer support

Cost of field maintenance services decreased by $9.5 million during 2021, or 7.3%, due to a decrease in contractor
costs of approximately $9.9 million.

\t2021\t2020
Cost of field maintenance services\t$120,310\t$129,810
Cost of licence revenues\t14,205\t13,950
"""


@pytest.mark.parametrize("question,wanted", [
    ("What was the cost of field maintenance services in 2021?", "120,310"),
    ("How much did field maintenance services cost in 2021?", "120,310"),
    ("What were field maintenance service costs in 2021?", "120,310"),
    # asked by how much it moved, the sentence that says so answers
    ("By how much did the cost of field maintenance services decrease in 2021?", "9.5 million"),
])
def test_what_a_figure_was_is_not_answered_by_how_much_it_moved(tmp_path: Path, question: str, wanted: str) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_005.txt", SERVICE_COSTS))
    assert wanted in a.ask(question).text


STOCK = """Company report extract

Inventories consisted of the following:

\t2021\t2020
Spare parts and consumables\t$41,200\t$38,900
Bought-in items for resale\t12,750\t11,020
Finished goods\t66,300\t70,150
Total inventories\t$120,250\t$120,070
"""


@pytest.mark.parametrize("question,wanted", [
    # a word that could ask for a table's rows ('parts', 'items') names the row it is in
    ("What were spare parts and consumables in 2021?", "41,200"),
    ("How much were the bought-in items for resale in 2020?", "11,020"),
    ("What was the value of spare parts and consumables at the end of 2020?", "38,900"),
])
def test_a_row_word_in_a_rows_name_asks_for_that_row(tmp_path: Path, question: str, wanted: str) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_007.txt", STOCK))
    ans = a.ask(question)
    assert wanted in ans.text and "Finished goods" not in ans.text


@pytest.mark.parametrize("question", ["Which components do the inventories consist of?",
                                      "What types of inventories are there?",
                                      "Which items make up total inventories?"])
def test_a_question_for_a_tables_rows_still_lists_them(tmp_path: Path, question: str) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_007.txt", STOCK))
    text = a.ask(question).text
    assert all(label in text for label in ("Spare parts and consumables", "Bought-in items for resale", "Finished goods"))


PRETAX = """Company report extract

The geographic distribution of pretax income is as follows:

\tYears Ended December 31,\t
\t2021\t2020
Domestic\t$(12,450)\t$8,300
Foreign\t61,200\t47,950
Total\t$48,750\t$56,250

Capital expenditures by segment:

\t2021\t2020
Wireless\t712\t668
Wireline\t3,240\t3,105
Media\t118\t110
"""


@pytest.mark.parametrize("question,expected,rows", [
    ("What was the total of Domestic and Foreign in 2021?", Decimal(-12450 + 61200), {"Domestic", "Foreign"}),
    ("What was the total of Wireless and Wireline in 2020?", Decimal(668 + 3105), {"Wireless", "Wireline"}),
    ("What is the sum of Media and Wireless in 2021?", Decimal(118 + 712), {"Media", "Wireless"}),
    ("What were Wireline and Media combined in 2020?", Decimal(3105 + 110), {"Wireline", "Media"}),
])
def test_the_total_of_two_named_rows_adds_them_up(tmp_path: Path, question: str, expected: Decimal,
                                                  rows: set[str]) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_009.txt", PRETAX))
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "sum")
    assert fig.value == expected
    assert {c.row for c in fig.cells} == rows


def test_the_total_of_one_thing_is_still_its_total_row(report) -> None:
    ans = report.ask("What was the total revenue in 2019?")
    assert "11,480" in ans.text and not [f for f in ans.figures if f.op == "sum"]


@pytest.mark.parametrize("question,year", [
    ("Which year had the larger Northern region revenue, 2017 or 2018?", "2018"),
    ("In which year was revenue from the Western region higher: 2017 or 2018?", "2018"),
    ("Which year saw the higher Southern region revenue, 2018 or 2019?", "2018"),
    ("In which year was Southern region revenue lower, 2017 or 2019?", "2019"),
])
def test_which_year_is_chosen_among_the_years_named(report, question: str, year: str) -> None:
    report.default_answerer.confidence_floor = 0.0
    try:
        ans = report.ask(question)
    finally:
        report.default_answerer.confidence_floor = None
    assert ans.figures and year in ans.figures[0].cells[0].column, ans.text
    assert {c.column[-4:] for f in ans.figures for c in f.cells} <= set(re.findall(r"\d{4}", question))


FUNDING = """Northshire Better Care Fund plan

The allocations are shown below:

Funding stream\t17/18 allocation\t18/19 allocation\t19/20 allocation
Disabled Facilities Grant\t£2,400,000\t£2,650,000\t£2,910,000
Improved Better Care Fund\t£3,100,000\t£3,657,000\t£3,221,000
Winter Pressures Grant\t£0\t£1,200,000\t£1,200,000
"""


@pytest.mark.parametrize("question,expected", [
    ("What was the average Disabled Facilities Grant in 2018-19 and 2019-20?", Decimal(2780000)),
    ("What is the average Improved Better Care Fund allocation for 2017/18 and 2018/19?", Decimal(3378500)),
    ("On average, how much was the Disabled Facilities Grant over 2017-18 and 2018-19?", Decimal(2525000)),
])
def test_an_average_over_financial_years_is_over_their_columns(tmp_path: Path, question: str,
                                                               expected: Decimal) -> None:
    """A financial year named in a question ('2018-19', '2018/19') is the column headed '18/19', not the
    calendar year it starts in: the average is of one row over those columns, never of the rows of a column."""
    a = _every_answer(assistant_over(tmp_path, "plan.txt", FUNDING))
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "average")
    assert fig.value == expected
    assert len({c.row for c in fig.cells}) == 1 and len(fig.cells) == 2


@pytest.mark.parametrize("question,a,b", [
    ("What was the ratio of Wireline to Wireless in 2021?", "Wireline", "Wireless"),
    ("What is the ratio of Media to Wireline in 2020?", "Media", "Wireline"),
    ("What was the ratio between Wireless and Media in 2021?", "Wireless", "Media"),
])
def test_the_ratio_of_two_named_rows_whatever_the_operation_model_reads(tmp_path: Path, question: str, a: str,
                                                                        b: str) -> None:
    t = _every_answer(assistant_over(tmp_path, "report_009.txt", PRETAX))
    ans = t.ask(question)
    fig = next(f for f in ans.figures if f.op == "ratio")
    year = re.search(r"\d{4}", question).group(0)  # type: ignore[union-attr]
    cells = {c.row: c.value for c in fig.cells}
    assert set(cells) == {a, b} and all(year in c.column for c in fig.cells)
    assert abs(fig.value - cells[a] / cells[b]) < Decimal("0.01")


def test_a_ratio_splits_at_to_before_and() -> None:
    from assistant.tableqa import _RATIO_OF
    m = _RATIO_OF.search("What is the ratio of data and analytics services to software services in 2019?")
    assert m is not None and (m.group("a"), m.group("b")) == ("data and analytics services", "software services")


REGION_SHARES = """Company report extract

Set forth below is a breakdown of our revenues by region:

\t\tYears Ended December 31,\t
Region\t2019\t2020\t2021
\t%\t%\t%
Taiwan\t32.8\t36.4\t35.1
Singapore\t20.6\t16.4\t16.2
China\t12.7\t12.2\t12.9
"""


@pytest.mark.parametrize("question,wanted", [
    # a '%' under each year is the unit of that year's column, not a column of changes
    ("What was Singapore's figure in 2019?", ["20.6"]),
    ("What were China in 2020 and 2021 respectively?", ["12.2", "12.9"]),
    ("How much was Taiwan in 2020 and in 2019?", ["36.4", "32.8"]),
])
def test_a_percent_under_a_year_is_that_years_column(tmp_path: Path, question: str, wanted: list[str]) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_011.txt", REGION_SHARES))
    text = a.ask(question).text
    assert all(w in text for w in wanted), text


FLEET = """Company report extract

Fleet and service spending

Spending on the fleet rose as new depots opened. The table shows spending by division:

\t2021\t2020\t$ Change\t% Change
Coastal depots\t1,240\t1,180\t60\t5.1%
Inland depots\t870\t910\t(40)\t(4.4%)
Airport services\t415\t388\t27\t7.0%
Total fleet spending\t2,525\t2,478\t47\t1.9%
"""


@pytest.mark.parametrize("question,stated,computed", [
    # a change the table states in a column of its own is quoted, of the kind asked (an amount or a %) ...
    ("What is the $ change in Inland depots?", "(40)", Decimal(-40)),
    ("By how much did spending on Airport services change from 2020 to 2021?", "27", Decimal(27)),
    ("What was the percentage change in Coastal depots between 2020 and 2021?", "5.1%", Decimal("5.08")),
    ("What is the % change in the inland depots?", "(4.4%)", Decimal("-4.40")),
    ("What was the increase in airport services spending?", "27", Decimal(27)),
])
def test_a_change_the_table_states_is_quoted_beside_the_computed_one(tmp_path: Path, question: str, stated: str,
                                                                    computed: Decimal) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_013.txt", FLEET))
    ans = a.ask(question)
    quoted = next(f for f in ans.figures if f.op == "lookup")
    assert quoted.cells[0].raw == stated and "Change" in quoted.cells[0].column
    # ... with the change the two years' cells give, which may be rounded otherwise
    worked = next(f for f in ans.figures if f.op in ("difference", "percent_change"))
    assert abs(worked.value - computed) < Decimal("0.01")
    assert {c.column for c in worked.cells} == {"2020", "2021"}


def test_a_stated_change_is_not_read_for_other_periods_or_a_level(tmp_path: Path) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_013.txt", FLEET.replace("\t2021\t2020\t", "\t2021\t2020\t2019\t")
                                     .replace("1,240\t1,180\t", "1,240\t1,180\t1,000\t")))
    # a change between other years than the two the change column compares is computed, not quoted
    ans = a.ask("What was the change in Coastal depots from 2019 to 2020?")
    assert [f.op for f in ans.figures] == ["difference"] and ans.figures[0].value == 180
    # a level is a level
    ans = a.ask("What was spending on Coastal depots in 2021?")
    assert ans.figures and ans.figures[0].op == "lookup" and ans.figures[0].cells[0].raw == "1,240"


@pytest.mark.parametrize("question,op", [
    ("What was the ratio of Wireline to Wireless in 2021?", "ratio"),
    ("What is the total of Wireless and Media in 2020?", "sum"),
    ("What was the sum of Wireline and Media in 2021?", "sum"),
])
def test_an_operation_on_two_named_rows_is_trusted_as_such(tmp_path: Path, question: str, op: str) -> None:
    """'The ratio of A to B', 'the total of A and B': the operands are rows the question names in a phrase that
    says the operation, whatever the fitted operation model reads (it learnt 'ratio' and 'total' mostly from row
    names). The answer says so (a confidence feature), and the fitted policy gives it."""
    from assistant import confidence as C

    a = assistant_over(tmp_path, "report_009.txt", PRETAX)
    ans = a.ask(question)
    assert ans.answered and ans.state.get("operands_named") is True
    assert ans.state["features"]["operands_named"] == 1.0 and ans.state["confidence"] >= C.threshold()
    assert next(f for f in ans.figures if f.op == op)
    # a figure of one named row is not an operation on named operands
    one = a.ask("What were capital expenditures for Wireless in 2021?")
    assert one.state.get("operands_named") is False and one.state["features"]["operands_named"] == 0.0


@pytest.mark.parametrize("question,expected", [
    # 'between 2017 and 2019' spans the years between, as '2017-2019' and '2017 to 2019' do ...
    ("What was the average Northern region revenue between 2017 and 2019?", (Decimal(4210) + 3390 + 2500) / 3),
    ("What is the average revenue of the Western region between fiscal 2017 and 2019?",
     (Decimal(6120) + 4480 + 3700) / 3),
    ("On average, what were minimum lease payments between years 2017 and 2019?", Decimal(450)),
])
def test_an_average_between_two_years_is_over_the_years_between(report, question: str, expected: Decimal) -> None:
    fig = next(f for f in report.ask(question).figures if f.op == "average")
    assert abs(fig.value / K - expected) < Decimal("0.01") and len(fig.cells) == 3


def test_a_change_between_two_years_is_between_its_ends(report) -> None:
    # ... but a change between two years is from the first to the last
    fig = next(f for f in report.ask("What was the change in Western region revenue between 2017 and 2019?").figures
               if f.op == "difference")
    assert fig.value / K == 6120 - 3700 and [c.raw for c in fig.cells] == ["3,700", "6,120"]


@pytest.mark.parametrize("question,year", [
    # the period whose figure was higher or lower, wherever the question says which periods to compare
    ("Between 2017 and 2018, in which year was Southern region revenue higher?", "2018"),
    ("In 2018 and 2019, which year had lower revenue from the Southern region?", "2019"),
    ("Of 2018 and 2019, what year was Northern region revenue smaller in?", "2018"),
])
def test_which_of_the_named_periods_was_higher_or_lower(report, question: str, year: str) -> None:
    ans = report.ask(question)
    assert ans.state.get("op") in ("max_over", "min_over"), ans.text
    assert ans.figures[0].cells[0].column.endswith(year)


GUARANTEES = """Company report extract

Guarantees and commitments

\t2021\t2020\t2019
Minimum guaranteed payments\t1,420\t1,655\t1,380
Maximum exposure under guarantees\t310\t295\t340
"""


@pytest.mark.parametrize("question,op,year", [
    # 'minimum' / 'maximum' in a row's name are the name; the question's own comparative says which extreme
    ("In which year were the minimum guaranteed payments higher, 2020 or 2021?", "max_over", "2020"),
    ("Which year had the larger Minimum guaranteed payments: 2019 or 2020?", "max_over", "2020"),
    ("In which year was the maximum exposure under guarantees lower, 2019 or 2021?", "min_over", "2021"),
    ("In which year were minimum guaranteed payments the smallest?", "min_over", "2019"),
])
def test_an_extreme_word_in_a_row_name_does_not_decide_which_extreme(tmp_path: Path, question: str, op: str,
                                                                       year: str) -> None:
    _the_extreme_period(_every_answer(assistant_over(tmp_path, "report_015.txt", GUARANTEES)), question, op, year)


def _the_extreme_period(a, question: str, op: str, year: str):  # type: ignore[no-untyped-def]
    """The answer to a which-period question, asserted to be that extreme over periods with that year first."""
    ans = a.ask(question)
    assert ans.state.get("op") == op, ans.text
    assert ans.figures[0].cells[0].column.endswith(year)
    return ans


DEPRECIATION = """Company report extract

Property and equipment consist of the following:

\t2021\t2020\t2019
Plant and machinery\t4,100\t3,900\t3,500
Less accumulated depreciation\t1,900\t1,450\t1,200
Fiscal 2019 expansion programme\t620\t480\t150
"""


@pytest.mark.parametrize("question,op,year", [
    # a row's own name says neither the extreme asked ('Less ...') nor the periods asked ('Fiscal 2019 ...')
    ("In which year was Less accumulated depreciation greater: 2020 or 2021?", "max_over", "2021"),
    ("Between 2020 and 2021, in which year was the Fiscal 2019 expansion programme higher?", "max_over", "2021"),
    ("In which year was the Fiscal 2019 expansion programme smaller, 2020 or 2021?", "min_over", "2020"),
])
def test_a_row_names_words_are_not_the_extreme_or_periods_asked(tmp_path: Path, question: str, op: str,
                                                                year: str) -> None:
    ans = _the_extreme_period(_every_answer(assistant_over(tmp_path, "report_017.txt", DEPRECIATION)), question, op,
                              year)
    assert all("2019" not in f.cells[0].column for f in ans.figures)  # only the two years asked are compared


EQUIPMENT = """Company report extract

Vessels and equipment

\t2021\t2020
Other vessels and equipment\t210\t190
Vessels and equipment, gross\t5,000\t4,600
Vessels and equipment, net\t3,250\t3,100
Finance charges on bank loans\t(140)\t(120)
Finance charges on other loans\t(35)\t(30)
"""


@pytest.mark.parametrize("question,op,a,b", [
    # a row's phrase keeps its comma ('..., net') and its small words ('other'): rows that differ by them only
    ("What was the ratio of Vessels and equipment, net to Vessels and equipment, gross in 2021?", "ratio",
     "Vessels and equipment, net", "Vessels and equipment, gross"),
    ("What is the total of Finance charges on other loans and Vessels and equipment, net in 2020?", "sum",
     "Vessels and equipment, net", "Finance charges on other loans"),
    ("What was the ratio of Finance charges on bank loans to Finance charges on other loans in 2021?", "ratio",
     "Finance charges on bank loans", "Finance charges on other loans"),
])
def test_two_rows_named_by_phrases_that_differ_by_small_words(tmp_path: Path, question: str, op: str, a: str,
                                                               b: str) -> None:
    t = _every_answer(assistant_over(tmp_path, "report_019.txt", EQUIPMENT))
    fig = next(f for f in t.ask(question).figures if f.op == op)
    assert {c.row for c in fig.cells} == {a, b}


@pytest.mark.parametrize("question,expected", [
    # two shares of one whole add up as amounts do
    ("What was the total of Taiwan and Singapore in 2020?", Decimal("52.8")),
    ("What is the sum of China and Taiwan in 2021?", Decimal("48.0")),
    ("What was the combined total of Singapore and China in 2019?", Decimal("33.3")),
])
def test_the_total_of_two_named_shares(tmp_path: Path, question: str, expected: Decimal) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_011.txt", REGION_SHARES))
    fig = next(f for f in a.ask(question).figures if f.op == "sum")
    assert fig.value == expected and len(fig.cells) == 2 and fig.text.endswith("%")


TWO_YEARS = """Company report extract

The following table sets out revenue by division (in thousands):

\t2021\t2020
Retail division\t$4,210\t$3,390
Wholesale division\t1,150\t2,330
Online division\t6,120\t4,480
"""


@pytest.mark.parametrize("question,expected", [
    # words that speak of the periods in general are said of the period columns an answer uses
    ("What is the average revenue of the Wholesale division in both fiscal years?", Decimal(1740)),
    ("What was the average annual Retail division revenue for the two years?", Decimal(3800)),
    ("What is the average Online division revenue across the 2 financial years?", Decimal(5300)),
])
def test_an_average_over_the_years_in_general_words(tmp_path: Path, question: str, expected: Decimal) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_021.txt", TWO_YEARS))
    fig = next(f for f in a.ask(question).figures if f.op == "average")
    assert fig.value / K == expected and len(fig.cells) == 2


DEPOTS = """Company report extract 215

Operating costs by depot were as follows.

\t2021\t2020\t2019
Inland depots\t1,320\t1,200\t1,100
Coastal depots\t880\t800\t760
Airport services\t450\t500\t520
"""


@pytest.mark.parametrize("question,expected,years", [
    ("What was the growth rate of Inland depots in 2021?", Decimal("10.00"), {"2020", "2021"}),
    ("What was the percentage change in Coastal depots in 2020?", Decimal("5.26"), {"2019", "2020"}),
    ("What was the rate of decrease in Airport services in 2021?", Decimal("-10.00"), {"2020", "2021"}),
])
def test_a_growth_rate_in_one_year_is_over_the_year_before(tmp_path: Path, question: str, expected: Decimal,
                                                           years: set[str]) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_215.txt", DEPOTS))
    ans = a.ask(question)
    worked = next(f for f in ans.figures if f.op == "percent_change")
    assert abs(worked.value - expected) < Decimal("0.01")
    assert {c.column for c in worked.cells} == years


@pytest.mark.parametrize("question,expected", [
    # the year-on-year change: between the latest two years, which the question does not name
    ("What was the year-on-year change in Inland depots?", Decimal(120)),
    ("What is the year-over-year change in Coastal depots?", Decimal(80)),
    ("By how much did Airport services change year on year?", Decimal(-50)),
])
def test_a_year_on_year_change_is_between_the_latest_two_years(tmp_path: Path, question: str,
                                                                expected: Decimal) -> None:
    a = _every_answer(assistant_over(tmp_path, "report_215.txt", DEPOTS))
    worked = next(f for f in a.ask(question).figures if f.op == "difference")
    assert worked.value == expected
    assert {c.column for c in worked.cells} == {"2020", "2021"}


LIQUIDITY = """Company report extract 217

Liquidity at the year end.

\t2021\t2020
Cash and cash equivalents\t640\t590
Short-term investments\t210\t260
Receivables and other assets\t180\t150
Property and equipment, net\t900\t870
"""


@pytest.mark.parametrize("question,op,a,b", [
    ("What is the difference between Cash and cash equivalents and Short-term investments in 2021?", "difference",
     "Short-term investments", "Cash and cash equivalents"),
    ("What was the total of Receivables and other assets and Cash and cash equivalents in 2020?", "sum",
     "Cash and cash equivalents", "Receivables and other assets"),
    ("What is the ratio of Property and equipment, net to Receivables and other assets in 2021?", "ratio",
     "Property and equipment, net", "Receivables and other assets"),
])
def test_two_rows_whose_names_hold_the_word_between_them(tmp_path: Path, question: str, op: str, a: str,
                                                         b: str) -> None:
    """'between A and B' where A's name holds 'and' too: the split whose two phrases name rows."""
    got = _every_answer(assistant_over(tmp_path, "report_217.txt", LIQUIDITY)).ask(question)
    worked = next(f for f in got.figures if f.op == op)
    assert [c.row for c in worked.cells] == [a, b]


@pytest.mark.parametrize("question,a,b", [
    ("What is Cash and cash equivalents divided by Short-term investments in 2021?", "Cash and cash equivalents",
     "Short-term investments"),
    ("Property and equipment, net was how many times Receivables and other assets in 2020?",
     "Property and equipment, net", "Receivables and other assets"),
    ("What was Short-term investments divided by Receivables and other assets in 2020?", "Short-term investments",
     "Receivables and other assets"),
])
def test_a_ratio_worded_as_a_division_or_a_multiple(tmp_path: Path, question: str, a: str, b: str) -> None:
    got = _every_answer(assistant_over(tmp_path, "report_217.txt", LIQUIDITY)).ask(question)
    worked = next(f for f in got.figures if f.op == "ratio")
    assert [c.row for c in worked.cells] == [a, b]


POPULATION = """Westvale resident projections

\t2025\t2030
Residents aged 65-74\t41,200\t44,900
Residents aged 75-84\t25,300\t30,100
Residents aged 85-89\t6,400\t7,800
Residents aged 90 and over\t3,100\t3,900
All residents 65 and over\t76,000\t86,700
"""


@pytest.mark.parametrize("question,part", [
    ("What percentage of All residents 65 and over was Residents aged 85-89 in 2030?", "Residents aged 85-89"),
    ("What proportion of residents aged 65 and over were aged 75-84 in 2025?", "Residents aged 75-84"),
    ("What was Residents aged 65-74 as a percentage of All residents 65 and over in 2030?", "Residents aged 65-74"),
])
def test_a_share_of_one_age_band_in_a_wider_range(tmp_path: Path, question: str, part: str) -> None:
    """Two age ranges in a share question are a part and its whole, each a row of its own; one range alone
    is still the bands that tile it added up."""
    a = _every_answer(assistant_over(tmp_path, "population.txt", POPULATION))
    worked = next(f for f in a.ask(question).figures if f.op == "share")
    assert [c.row for c in worked.cells] == [part, "All residents 65 and over"]
    together = a.ask("How many residents aged 85 and over were there in 2030?")
    assert any(f.op == "sum" and f.value == 11700 for f in together.figures)


MOVEMENT = """Company report extract 221

Trade payables are settled within 60 days of the invoice date, and trade payables are reviewed monthly.

Trade payables rose by 12% to £4.2m at the year end, as suppliers' terms lengthened.

Other payables include accruals for staff costs and holiday pay.
"""


@pytest.mark.parametrize("question", ["By how much did trade payables change?",
                                      "How much did trade payables change year over year?",
                                      "What was the year-on-year change in trade payables?"])
def test_a_change_asked_is_answered_by_the_sentence_that_says_how_it_moved(tmp_path: Path, question: str) -> None:
    from assistant.query import understand

    assert understand(question).wants == "movement"
    ans = _every_answer(assistant_over(tmp_path, "report_221.txt", MOVEMENT)).ask(question)
    assert "12%" in ans.text and "60 days" not in ans.text
    assert any(c.line_start == 5 for c in ans.citations)


LEASES = """Company report extract 241

Note 14 Lease costs

Lease costs by type were as follows.

	2019	2018
Office leases	4,120	3,870
Depot leases	1,530	1,410
Vehicle leases	660	720
Total lease costs	6,310	6,000
"""


@pytest.mark.parametrize("question,expected", [
    ("What was the total Depot leases in 2018 and 2019?", 1530 + 1410),
    ("What is the total office leases for 2018 and 2019?", 4120 + 3870),
    ("What was the total of vehicle leases in fiscal 2018 and fiscal 2019?", 660 + 720),
    ("What was the total Vehicle leases in 2019 and 2018?", 660 + 720),
])
def test_the_total_of_a_row_in_two_years_adds_the_years(tmp_path: Path, question: str, expected: int) -> None:
    """'The total X in A and B' adds X's figures of the years joined, whether or not the table has a totals row."""
    assert "sum" in understand(question).intents
    ans = _every_answer(assistant_over(tmp_path, "report_241.txt", LEASES)).ask(question)
    fig = next(f for f in ans.figures if f.op == "sum")
    assert fig.value == Decimal(expected)
    assert len({c.row for c in fig.cells}) == 1


@pytest.mark.parametrize("question", ["What were the respective total lease costs in 2018 and 2019?",
                                      "What were total lease costs in 2018 and 2019 respectively?",
                                      "What was the total lease costs in 2019?"])
def test_respective_totals_or_one_year_are_not_added(question: str) -> None:
    assert "sum" not in understand(question).intents


WARDS = """Ward inspection summary

The table below gives each ward's latest rating and the rating expected after the improvement programme.

Ward\tRating now\tExpected rating\tLead
Willow\tGood\tOutstanding\tA. Patel
Cedar\tRequires improvement\tGood\tJ. Okafor
Rowan\tGood\tGood\tM. Byrne
Hazel\tInadequate\tRequires improvement\tS. Lewis
Aspen\tRequires improvement\tGood\tT. Nguyen

Each ward reports to the quality committee every quarter.
"""


@pytest.mark.parametrize("question,hits", [
    ("How many wards are rated good now?", 2),
    ("In how many wards is the rating now Good?", 2),
    ("Count the wards whose rating now is Requires improvement.", 2),
    ("How many wards are expected to be rated outstanding?", 1),
])
def test_how_many_rows_hold_a_value_in_a_table_of_words(tmp_path: Path, question: str, hits: int) -> None:
    """However the question puts it, 'how many X are <a value of a column>' over a table of words counts the rows
    whose cell in that column is the value, and cites them."""
    a = assistant_over(tmp_path, "wards.txt", WARDS)
    ans = a.ask(question)
    fig = next(f for f in ans.figures if f.op == "count")
    assert fig.value == hits


def test_how_many_of_a_table_with_figures_reads_the_figure(tmp_path: Path) -> None:
    """A table with figures holds the number asked in a cell: 'how many FTE' of a role is read, not counted."""
    text = ("Indicative team\n\nTeam\tRole\tFTE\nNorth\tReablement worker\t12.5\nNorth\tNurse\t4\n"
            "South\tReablement worker\t9\nSouth\tNurse\t3.5\n")
    ans = assistant_over(tmp_path, "team.txt", text).ask("How many reablement worker FTE are in the South team?")
    assert [c.raw for f in ans.figures for c in f.cells] == ["9"] and all(f.op != "count" for f in ans.figures)


RESERVES = """Movements in reserves

The table below shows the movements in each reserve over the year (in £000).

\tGains (losses) on investments\tPension reserve\tTotal
Balance at 1 April 2018\t1,200\t(3,400)\t(2,200)
Other losses before transfers\t(310)\t(95)\t(405)
Amounts transferred to income\t40\t15\t55
Balance at 31 March 2019\t930\t(3,480)\t(2,550)
"""


@pytest.mark.parametrize("question", [
    "What were the total other losses before transfers?",
    "What was the overall total for other losses before transfers?",
    "What was the overall figure for other losses before transfers?",
])
def test_a_word_the_row_names_does_not_pick_a_column(tmp_path: Path, question: str) -> None:
    """'losses' names the row 'Other losses before transfers'; that the first column's header also says
    'losses' does not make it the column asked: the row's total is in the Total column."""
    ans = assistant_over(tmp_path, "reserves.txt", RESERVES).ask(question)
    assert [c.raw for f in ans.figures for c in f.cells] == ["(405)"]


@pytest.mark.parametrize("raw", ["65 and over", "2025 and thereafter", "7 and Higher", "10 or more", "2019 onwards"])
def test_the_bound_of_a_band_is_a_label_not_a_figure(raw: str) -> None:
    assert parse_cell(raw).kind == "text"


@pytest.mark.parametrize("raw,value", [("40,367 hours", 40367), ("12 beds", 12), ("3 FTE", 3)])
def test_a_figure_with_its_unit_is_still_a_figure(raw: str, value: int) -> None:
    p = parse_cell(raw)
    assert p.kind == "number" and p.value == value


SHARE_ROW = """Company report extract

Selling and marketing expense

\tYear Ended December 31,\t\tChange\t
\t2021\t2020\t$\t%
Selling and marketing\t$ 31,400\t$ 27,900\t$ 3,500\t12.5%
% of revenue\t18%\t21%\t\t
"""


@pytest.mark.parametrize("question,raws", [
    ("Give selling and marketing's % of revenue for 2021 and 2020.", ["18%", "21%"]),
    ("What percentage of revenue did selling and marketing take up in 2021?", ["18%"]),
    ("Selling and marketing as a % of revenue in 2020?", ["21%"]),
])
def test_a_row_of_shares_under_a_row_of_amounts_is_that_rows_share(tmp_path: Path, question: str,
                                                                  raws: list[str]) -> None:
    """'% of revenue' under 'Selling and marketing' is the share of revenue that row takes: a question naming
    both reads it, not the amounts."""
    a = assistant_over(tmp_path, "report_000.txt", SHARE_ROW)
    t = a.index.tables()[0]
    share = next(r for r in t.rows if r.label == "% of revenue")
    assert share.group == "Selling and marketing"
    ans = a.ask(question)
    quoted = {x for x in ("18%", "21%", "31,400", "27,900") if x in ans.text}
    assert set(raws) <= quoted <= {"18%", "21%"}, ans.text
    assert all(c.row == "Selling and marketing / % of revenue" for f in ans.figures for c in f.cells)


CAPTION_SENTENCE = """Company report extract

Note 9 Finance costs

Borrowing costs capitalised were calculated using an average rate of 4.10% and 3.95% for 2021 and 2020, respectively, which is the weighted average rate of the group's general borrowings.

FOR THE YEAR ENDED 31 DECEMBER\t2021\t2020
Interest on bank loans\t(812)\t(744)
Interest on lease liabilities\t(120)\t(98)
Borrowing costs capitalised\t37\t42
Total finance costs\t(895)\t(800)
"""


@pytest.mark.parametrize("question", [
    "Add up the borrowing costs capitalised over 2020 and 2021.",
    "What were borrowing costs capitalised in 2020 and 2021 in total?",
    "How much borrowing cost was capitalised in total over 2020 and 2021?",
])
def test_a_sentence_above_a_table_that_states_figures_is_not_its_title(tmp_path: Path, question: str) -> None:
    """The sentence above the table names one of its rows and states rates of its own: its words do not
    speak for every row, so a 'total' question still names that row and adds it over the years, rather
    than reading the totals row."""
    a = assistant_over(tmp_path, "report_000.txt", CAPTION_SENTENCE)
    fig = next(f for f in a.ask(question).figures if f.op == "sum")
    assert fig.value == Decimal(79)
    assert {c.row for c in fig.cells} == {"Borrowing costs capitalised"}


@pytest.mark.parametrize("caption,kept", [
    ("Note: Demand management savings of £41.4m across the system (4.8%) Section 5: Combined savings plan for the "
     "partners", "Section 5: Combined savings plan for the partners"),
    ("Borrowing costs capitalised were calculated using an average rate of 4.10% and 3.95% for 2021 and 2020, "
     "respectively", "for 2021 and 2020, respectively"),
    ("The following table sets out revenue for the year ended 31 March 2021 by region (in thousands):",
     "The following table sets out revenue for the year ended 31 March 2021 by region (in thousands):"),
    ("Savings of £2m (5%)", "Savings of £2m (5%)"),
])
def test_of_a_long_caption_that_states_figures_only_what_follows_them_is_its_title(caption: str, kept: str) -> None:
    from assistant.tableqa import _title

    assert _title(caption) == kept
