"""The scale a table states for its figures ('(in thousands)' in its caption, '(Dollars in millions, except per
share data)' over its labels, '(in thousands)' in one column's header, "($'000)" on the line above): every figure it
covers is read in that scale, and answers, computed figures and claim checks say it. Rows the statement excepts
(amounts per share, share counts when it says so, rates) and cells that carry their own scale are left as written.
Every document here is made up; each case is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_over

GRANTS = """Community trust annual report

Grant income by funder is set out below (in thousands):

\t2022\t2021
Lottery fund\t$1,240\t$1,180
County council\t860\t910
Local businesses\t215\t190
Total grant income\t$2,315\t$2,280
"""

RESULTS = """Annual results

Selected figures

(Dollars in millions, except per share data)\t2022\t2021
Net sales\t4,812\t4,506
Operating income\t611\t587
Interest rate swaps\t12\t9
Diluted earnings per share\t$2.41\t$2.17
"""

QUARTERS = """Quarterly results

The table below sets out results by quarter.

\tQ4 / 2022\tQ3 / 2022 / (in thousands, except per share data)
Net revenue\t$9,120\t$8,845
Net income\t1,032\t981
Basic\t$0.52\t$0.49
Diluted\t$0.51\t$0.48
"""

EUROS = """Pension plans

\u20ac million\t30/9/2022\t30/9/2021
Funded plans\t3,410\t3,275
Unfunded plans\t288\t301
"""

UNSTATED = """Regional office costs

Costs rose by $5 million in the year, as the table shows.

\t2022\t2021
Rent\t1,400\t1,250
Staff\t3,900\t3,600
"""


def tables(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    return extract_tables(doc, segment(doc))


def cell(t, label: str, col: int):  # type: ignore[no-untyped-def]
    row = next(r for r in t.rows if r.label.startswith(label))
    return row.cells[col]


@pytest.mark.parametrize("text,label,value,scale,unit", [
    (GRANTS, "County council", Decimal(860_000), "k", "$"),        # a caption '(in thousands)'
    (RESULTS, "Net sales", Decimal(4_812_000_000), "m", "$"),       # over the labels, currency named
    (RESULTS, "Interest rate swaps", Decimal(12_000_000), "m", "$"),  # an amount, though its name says 'rate'
    (QUARTERS, "Net income", Decimal(1_032_000), "k", "$"),         # in one column's header, said of the table
    (EUROS, "Unfunded plans", Decimal(288_000_000), "m", "\u20ac"),  # a unit over the labels
])
def test_figures_are_read_in_the_scale_the_table_states(tmp_path: Path, text: str, label: str, value: Decimal,
                                                         scale: str, unit: str) -> None:
    (t,) = tables(tmp_path, text)
    c = cell(t, label, 1)
    assert (c.value, c.scale, c.unit) == (value, scale, unit)


@pytest.mark.parametrize("text,label,value", [
    (RESULTS, "Diluted earnings per share", Decimal("2.41")),  # excepted by name: 'per share'
    (QUARTERS, "Basic", Decimal("0.52")),  # excepted rows written apart: '$0.52' among whole thousands
    (QUARTERS, "Diluted", Decimal("0.51")),
    (UNSTATED, "Rent", Decimal(1_400)),  # '$5 million' in a sentence states no scale for the table
])
def test_figures_the_statement_does_not_cover_are_read_as_written(tmp_path: Path, text: str, label: str,
                                                                   value: Decimal) -> None:
    (t,) = tables(tmp_path, text)
    c = cell(t, label, 1)
    assert c.value == value and c.scale is None


def test_share_counts_are_left_alone_when_the_statement_excepts_them(tmp_path: Path) -> None:
    text = ("Earnings per share\n\nThe computation is as follows (in thousands, except share and per share data):\n\n"
            "\t2022\t2021\nNet income\t$5,400\t$4,900\nWeighted average shares outstanding\t12,000,000\t11,800,000\n"
            "Shareholders' equity\t$41,000\t$38,500\n")
    (t,) = tables(tmp_path, text)
    assert cell(t, "Net income", 1).value == Decimal(5_400_000)
    assert cell(t, "Weighted average shares", 1).value == Decimal(12_000_000)
    assert cell(t, "Shareholders", 1).value == Decimal(41_000_000)  # 'shareholders' is not 'share'


@pytest.fixture(scope="module")
def grants(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("grants"), "grants.txt", GRANTS)


@pytest.mark.parametrize("question", [
    "How much grant income came from the county council in 2022?",
    "What was the county council grant in 2022?",
    "County council grant income, 2022?",
])
def test_an_answer_states_the_scale(grants, question: str) -> None:
    ans = grants.ask(question)
    assert ans.answered, ans.text
    fig = ans.figures[0]
    assert fig.value == Decimal(860_000) and fig.text == "$860k"  # the table's '$' and its thousands
    assert [c.line for c in fig.cells] == [7]


@pytest.mark.parametrize("question,value,text", [
    ("What was the average grant from the lottery fund in 2021 and 2022?", Decimal(1_210_000), "$1,210.0k"),
    ("By how much did the lottery fund grant change from 2021 to 2022?", Decimal(60_000), "$60k"),
    ("What was the total of lottery fund and local businesses grants in 2022?", Decimal(1_455_000), "$1,455k"),
])
def test_a_computed_figure_states_the_scale(grants, question: str, value: Decimal, text: str) -> None:
    fig = grants.ask(question).figures[0]
    assert fig.value == value and fig.text.lstrip("+") == text


@pytest.mark.parametrize("claim,label", [
    ("Grant income from the county council was $860 thousand in 2022.", "supported"),
    ("Grant income from the county council was 860 in 2022.", "supported"),  # the figure as the table writes it
    ("Grant income from the county council was $0.86 million in 2022.", "supported"),
    ("Grant income from the county council was $860 million in 2022.", "contradicted"),  # the scale is wrong
    ("Grant income from the county council was $910 thousand in 2022.", "contradicted"),
])
def test_a_claim_is_checked_in_the_scale_the_table_states(grants, claim: str, label: str) -> None:
    (c,) = grants.check(claim)
    assert c.label == label, c.explanation


COUNTED = """Five-year summary

Selected data (in thousands, except per share data)

\t2022\t2021
Revenues\t$58,946\t$52,967
Net income\t3,934\t4,403
Weighted average shares outstanding\t7,100\t6,849
Proceeds from shares issued\t1,204\t880
Number of employees\t1,836\t1,676
Average number of stores\t208\t203
Total assets\t$83,988\t$72,822
"""


@pytest.mark.parametrize("text", [COUNTED, COUNTED.replace("Number of employees", "Headcount").replace(
    "Average number of stores", "Number of sites"), COUNTED.replace("$", "£").replace("thousands", "thousands of pounds")])
def test_a_row_that_counts_things_is_not_money(tmp_path: Path, text: str) -> None:
    """In a column of money whose currency is written on the first and last rows only, a row that counts
    shares, people or places holds plain numbers: shares in the table's scale, people and places one by
    one; a row of money paid for shares is money."""
    t = next(t for t in tables(tmp_path, text) if any(r.label.startswith("Revenues") for r in t.rows))
    shares = cell(t, "Weighted average shares", 1)
    assert shares.kind == "number" and shares.unit is None and shares.value == Decimal(7100) * 1000
    people = cell(t, next(r.label for r in t.rows if r.label in ("Number of employees", "Headcount")), 1)
    assert people.kind == "number" and people.value == Decimal(1836) and not people.scale
    sites = cell(t, next(r.label for r in t.rows if r.label in ("Average number of stores", "Number of sites")), 1)
    assert sites.kind == "number" and sites.value == Decimal(208)
    for label, value in (("Proceeds from shares issued", 1204), ("Net income", 3934)):
        c = cell(t, label, 1)
        assert c.kind == "money" and c.value == Decimal(value) * 1000


def _captioned(unit: str) -> str:
    return f"""Winter pressures

Winter pressures spend by scheme ({unit}):

\t2023-24\t2022-23
Home care hours\t812\t764
Discharge to assess beds\t455\t430
Total\t1,267\t1,194
"""


@pytest.mark.parametrize("unit,value,scale,currency", [
    ("£000", Decimal(812_000), "k", "£"),
    ("£m", Decimal(812_000_000), "m", "£"),
    ("$'000", Decimal(812_000), "k", "$"),
    ("€ million", Decimal(812_000_000), "m", "\u20ac"),
    ("in £000", Decimal(812_000), "k", "£"),
    ("in $'000", Decimal(812_000), "k", "$"),
    ("In £m", Decimal(812_000_000), "m", "£"),
])
def test_a_unit_in_brackets_in_a_caption_is_the_tables_scale(tmp_path: Path, unit: str, value: Decimal, scale: str,
                                                             currency: str) -> None:
    (t,) = tables(tmp_path, _captioned(unit))
    assert (cell(t, "Home care", 1).value, cell(t, "Home care", 1).scale, cell(t, "Home care", 1).unit) == (
        value, scale, currency)


def test_an_amount_in_a_caption_sentence_is_no_unit(tmp_path: Path) -> None:
    """'the £5m budget' says an amount, not the table's unit: only a unit in brackets of its own counts."""
    text = _captioned("£000").replace("Winter pressures spend by scheme (£000):",
                                      "How the £5m winter budget is spent (£ by scheme, see note £m):")
    (t,) = tables(tmp_path, text)
    assert cell(t, "Home care", 1).value == Decimal(812)


ACCOUNTS = """Ashdown Trust accounts

Balances at 31 March (in thousands):

\t2024\t2023
Trade receivables\t$4,295\t$3,870
Provision for bad debts\t(612)\t(540)
Grant income received\t$1.2m\t$0.9m
Legacies received\t–\t$25
"""


@pytest.mark.parametrize("question,said,not_said", [
    ("What were trade receivables in 2024?", "$4,295k", "$4,295 "),
    ("How much were trade receivables at 31 March 2023?", "$3,870k", "$3,870 "),
    ("What was the provision for bad debts in 2024 and 2023?", "-$612k", "(612)"),
    ("What was grant income received in 2024?", "$1.2m", "k"),
    ("What were legacies received in 2024 and 2023?", "2024: –; 2023: $25k", "$0k"),
])
def test_an_answer_says_a_cell_with_the_scale_the_table_states(tmp_path: Path, question: str, said: str,
                                                              not_said: str) -> None:
    """A cell read under a caption's '(in thousands)' is said with its scale ('$4,295k'): the caption an answer
    names is shortened, and '$4,295' alone reads a thousand times too small. A cell that writes its own scale
    ('$1.2m') is said as written, and a dash for nil stays a dash."""
    ans = assistant_over(tmp_path, "accounts_000.txt", ACCOUNTS).ask(question)
    assert ans.answered and said in ans.text, ans.text
    assert not_said not in ans.text.split(" (Balances")[0].split(": ", 1)[-1], ans.text
    assert ans.figures and all(f.cells for f in ans.figures)


KEY_FIGURES = """Reablement: key figures

\t2022/23\t2023/24
People supported\t1,320\t1,480
Still at home after 91 days (%)\t76.4\t78.2
Service cost (£000)\t2,150\t2,390
Equipment spend £m\t1.9\t2.2
Cost per person (£)\t1,629\t1,615
"""


@pytest.mark.parametrize("label,value,kind,scale", [
    ("People supported", Decimal(1480), "number", None),          # no unit: a count
    ("Still at home", Decimal("78.2"), "percent", None),          # '(%)'
    ("Service cost", Decimal(2_390_000), "money", "k"),           # '(£000)'
    ("Equipment spend", Decimal(2_200_000), "money", "m"),        # '£m' after the label
    ("Cost per person", Decimal(1615), "money", None),            # '(£)'
])
def test_a_row_whose_label_states_a_unit_holds_figures_in_it(tmp_path: Path, label: str, value: Decimal, kind: str,
                                                              scale: str | None) -> None:
    (t,) = tables(tmp_path, KEY_FIGURES)
    c = cell(t, label, 2)
    assert (c.value, c.kind, c.scale) == (value, kind, scale)


def test_a_row_unit_holds_over_the_column_unit(tmp_path: Path) -> None:
    text = "Budget summary\n\n\t2023/24 £000\t2024/25 £000\nPooled budget\t48,600\t51,200\nGrowth (%)\t3.1\t5.3\n"
    (t,) = tables(tmp_path, text)
    assert cell(t, "Pooled budget", 1).value == Decimal(48_600_000)
    growth = cell(t, "Growth", 2)
    assert (growth.kind, growth.value) == ("percent", Decimal("5.3"))


@pytest.fixture(scope="module")
def key_figures(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("key-figures"), "reablement.txt", KEY_FIGURES)


@pytest.mark.parametrize("question,value", [
    ("How much did the reablement service cost in 2023/24?", Decimal(2_390_000)),
    ("What was the service cost in 2023-24?", Decimal(2_390_000)),
    ("By how much did the service cost rise between 2022/23 and 2023/24?", Decimal(240_000)),
    ("What was the equipment spend in 2022/23?", Decimal(1_900_000)),
])
def test_an_answer_from_a_row_with_its_own_unit_states_it(key_figures, question: str, value: Decimal) -> None:
    ans = key_figures.ask(question)
    assert ans.answered and ans.figures, ans.text
    assert ans.figures[0].value == value and "£" in ans.figures[0].text


@pytest.mark.parametrize("claim,label", [
    ("The reablement service cost £2.39 million in 2023/24.", "supported"),
    ("The reablement service cost £2.9 million in 2023/24.", "contradicted"),
    ("Equipment spend rose to £2.2m in 2023/24.", "supported"),
])
def test_a_claim_is_checked_in_the_unit_a_row_states(key_figures, claim: str, label: str) -> None:
    (c,) = key_figures.check(claim)
    assert c.label == label, c.explanation


@pytest.mark.parametrize("question", ["How much is the Discharge Fund in 2024-25?",
                                      "How large is the Discharge Fund in 2024-25?"])
def test_a_unit_in_brackets_in_a_period_header_is_said_once(tmp_path: Path, question: str) -> None:
    text = ("Financial summary\n\nFunding stream\t2023-24 (£000)\t2024-25 (£000)\n"
            "NHS minimum contribution\t31,540\t33,326\nDischarge Fund\t2,380\t2,644\n")
    ans = assistant_over(tmp_path, "summary.txt", text).ask(question)
    assert ans.answered and ans.figures[0].value == Decimal(2_644_000), ans.text
    assert "(£000)" in ans.text and "((" not in ans.text


@pytest.mark.parametrize("unit,currency", [("£", "£"), ("in £", "£"), ("$", "$"), ("€", "\u20ac")])
def test_a_currency_alone_in_brackets_in_a_caption_makes_the_figures_money(tmp_path: Path, unit: str,
                                                                           currency: str) -> None:
    """'Spend by scheme (£)': the figures are amounts of money as written, in units, not thousands."""
    (t,) = tables(tmp_path, _captioned(unit))
    c = cell(t, "Home care", 1)
    assert (c.kind, c.value, c.scale, c.unit) == ("money", Decimal(812), None, currency)


def test_a_change_in_a_table_of_money_in_units_is_said_as_money(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "winter.txt", _captioned("£"))
    ans = a.ask("How much did spend on discharge to assess beds go up by from 2022-23 to 2023-24?")
    assert ans.figures[0].value == 25 and "£25" in ans.text, ans.text
