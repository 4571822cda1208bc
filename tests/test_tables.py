"""Tables: extraction and repair, typed values, the figure engine, the store round trip, bad tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from assistant import figures as F
from assistant.ingest import read
from assistant.layout import segment
from assistant.tableqa import age_group, age_range
from assistant.tables import extract_tables
from assistant.types import Cell, Row, Table
from assistant.values import find_numbers, format_value, parse_cell

from .conftest import DATA, gold, real_corpus


def tables_in(tmp_path: Path, text: str) -> list[Table]:
    """The tables of a small text document written by the test."""
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    return tables_of(f)


def tables_of(path: Path) -> list[Table]:
    doc = read(path)
    return extract_tables(doc, segment(doc))


# --------------------------------------------------------------------------- extraction


def test_merged_group_labels_fill_down_but_references_and_totals_do_not(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("Spend by area is as follows:\n\n"
                 "Area\tService\t£m\n"
                 "North\tHome care\t1.5\n"
                 "\tDay care\t0.5\n"
                 "South\tHome care\t2.0\n"
                 "\tDay care\t1.0\n"
                 "\tTotal\t5.0\n\n"
                 "The main variances are:\n\n"
                 "Ref\tItem\t£m\n"
                 "1\tMain contracts\t17.4\n"
                 "2\tOther contracts\t4.5\n"
                 "\tSub total\t21.9\n"
                 "3\tPrescribing\t2.1\n"
                 "\tReserves\t18.3\n")
    areas, refs = tables_of(f)
    assert [r.cells[0].raw for r in areas.rows] == ["North", "North", "South", "South", ""]
    assert [r.cells[0].raw for r in refs.rows] == ["1", "2", "", "3", ""], "an empty Ref means no reference"


def test_fixture_tables_are_repaired_and_typed() -> None:
    contents, alloc, schemes, nea = tables_of(DATA / "plan.txt")
    assert contents.kind == "contents" and [r.label for r in contents.rows] == ["1. Introduction", "2. Funding",
                                                                                "3. Performance"]
    assert alloc.caption == "The overall allocations are as follows:"
    assert alloc.columns[1:] == ("18/19 allocation", "19/20 allocation", "Difference", "% change")
    ibcf = alloc.rows[2]
    assert ibcf.label == "iBCF" and ibcf.cells[3].value == Decimal(-357000) and ibcf.cells[4].value == Decimal("-11.9")
    assert alloc.rows[-1].role == "total"
    # HTML list in a cell becomes text; a row broken by a page break is joined, keeping both lines
    assert schemes.rows[2].label.startswith("Integrated community services • Adult Community Health Teams")
    protecting = schemes.rows[3]
    assert protecting.label == "Protecting Voluntary Care Services" and len(protecting.lines) == 2
    assert protecting.cells[3].text.endswith("preventative services with a focus on outcomes.")
    assert nea.caption.startswith("Table 2") and [r.label for r in nea.rows] == ["2018-19 Q1", "2018-19 Q2"]


def norm(c: str) -> str:
    return " ".join(c.lower().replace("(£)", "").split())


@pytest.mark.corpus
def test_every_dev_table_is_found() -> None:
    """Same doc, start and end within one line, same row count, same columns (where the gold names
    real header cells; else the same number of columns)."""
    items = gold("table")
    corpus = real_corpus()
    cache: dict[str, list[Table]] = {}
    missing = []
    for g in items:
        tables = cache.setdefault(g["doc"], tables_of(corpus / g["doc"]))
        match = [t for t in tables if abs(t.line_start - g["line_start"]) <= 1 and abs(t.line_end - g["line_end"]) <= 1]
        ok = bool(match) and match[0].n_rows == g["n_rows"]
        cols = g["columns"]
        implied = any("no header" in q for q in g["quirks"])
        if ok and cols and not implied and not all(c.startswith("(") for c in cols if c):
            ok = [norm(c) for c in match[0].columns] == [norm(c) for c in cols]
        if not ok:
            missing.append(g["id"])
    assert not missing, f"{len(missing)}/{len(items)} dev tables not found: {missing}"


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize("raw,kind,value", [
    ("£1,277,735", "money", "1277735"), ("£3,369,880.00", "money", "3369880"), ("£668, 525", "money", "668525"),
    ("£11.6m", "money", "11600000"), ("£200k", "money", "200000"), ("-£436,277", "money", "-436277"),
    ("+£1,647,120", "money", "1647120"), ("(4.0)", "number", "-4"), ("+5.8%", "percent", "5.8"),
    ("-11.9%", "percent", "-11.9"), ("40,367 hours", "number", "40367"), ("2744*", "number", "2744"),
])
def test_value_parser(raw: str, kind: str, value: str) -> None:
    p = parse_cell(raw)
    assert p.kind == kind and p.value == Decimal(value)


@pytest.mark.parametrize("raw,label", [("18/19", "2018-19"), ("2018-19", "2018-19"), ("2018 –19 Q1", "2018-19 Q1"),
                                       ("2019/20", "2019-20"), ("Q1 2019/20", "2019-20 Q1"), ("APR", "Apr")])
def test_periods(raw: str, label: str) -> None:
    p = parse_cell(raw)
    assert p.kind == "period" and p.label == label


@pytest.mark.parametrize("raw", ["-", "", "n/a", "TBC", "3/4", "0 - 15", "c13 referrals per month", "Apr15 & ongoing"])
def test_empty_and_text_cells_get_no_value(raw: str) -> None:
    assert parse_cell(raw).value is None


def test_prose_numbers() -> None:
    found = find_numbers("a saving of £668, 525 (£841,750 with beds), 0.8% more, £240m and -£436,277 in 2018-19")
    assert [(n.kind, n.value) for n in found if n.kind != "number"] == [
        ("money", Decimal(668525)), ("money", Decimal(841750)), ("percent", Decimal("0.8")),
        ("money", Decimal(240_000_000)), ("money", Decimal(-436277))]


@pytest.mark.corpus
def test_every_numeric_cell_round_trips() -> None:
    """parse -> format -> parse gives the same value, for every numeric cell of the corpus."""
    n = 0
    for path in sorted(real_corpus().glob("*.txt")):
        for t in tables_of(path):
            for r in t.rows:
                for c in r.cells:
                    if c.kind in ("money", "percent", "number") and c.value is not None:
                        again = parse_cell(format_value(c.value, c.kind, c.scale))
                        assert again.value == c.value, (path.name, c.line, c.raw)
                        n += 1
    assert n > 1000


# --------------------------------------------------------------------------- figure engine

money = st.integers(min_value=-10**9, max_value=10**10).map(lambda p: Decimal(p) / 100)


def money_table(values: list[list[Decimal]]) -> Table:
    rows = tuple(Row(i, f"row {i}", (Cell(0, f"row {i}", f"row {i}"),
                                     *(Cell(j + 1, format_value(v, "money"), format_value(v, "money"), "money", v, "£",
                                            None, i + 10) for j, v in enumerate(vals))), (i + 10,))
                 for i, vals in enumerate(values))
    return Table("t-x", "d.txt", None, 9, 9 + len(values), "A table", ("", "18/19", "19/20"), rows)


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(money, money), min_size=1, max_size=12))
def test_figures_equal_plain_recomputation(pairs: list[tuple[Decimal, Decimal]]) -> None:
    t = money_table([list(p) for p in pairs])
    s = F.total(t, t.rows, 1)
    assert s.value == sum((a for a, _ in pairs), Decimal(0))
    assert len(s.cells) == len(pairs) and s.cells[0].line == 10
    a, b = pairs[0]
    d = F.difference(t, (t.rows[0], 1), (t.rows[0], 2))
    assert d.value == b - a
    if a != 0:
        pc = F.percent_change(t, (t.rows[0], 1), (t.rows[0], 2))
        assert pc.value == (b - a) / abs(a) * 100
    if b != 0:  # (the share's whole is the first row's other cell)
        sh = F.share(t, (t.rows[0], 1), (t.rows[0], 2))
        assert sh.value == a / b * 100
    else:
        with pytest.raises(F.FigureError):
            F.share(t, (t.rows[0], 1), (t.rows[0], 2))
    with pytest.raises(F.FigureError):  # a cell is never given as a share of itself (100%, and no answer)
        F.share(t, (t.rows[0], 1), (t.rows[0], 1))
    looked_up = F.lookup(t, t.rows[0], 1)
    with pytest.raises(F.FigureError):
        F.share_of_figures(looked_up, looked_up, "a figure of itself")
    top = F.extreme(t, t.rows, 2)
    assert top.value == max(b for _, b in pairs)
    assert F.average(t, t.rows, 1).value == s.value / len(pairs)


def test_figure_text_formula_and_provenance() -> None:
    t = tables_of(DATA / "plan.txt")[1]
    dfg, total = t.rows[1], t.rows[3]
    share = F.share(t, (dfg, 2), (total, 2))
    assert share.text == "14.03%"
    assert share.formula == "2,158,000 / 15,381,000 × 100 = 14.03%"
    assert [c.row for c in share.cells] == ["DFG", "Total"] and share.cells[0].line == 24
    change = F.percent_change(t, (t.rows[0], 1), (t.rows[0], 2))
    assert change.text == "+5.8%"
    assert F.difference(t, (t.rows[2], 1), (t.rows[2], 2)).text == "-£357,000"
    with pytest.raises(F.FigureError):
        F.total(t, t.rows, 0)  # labels are not numbers


# --------------------------------------------------------------------------- bad tables


@pytest.mark.parametrize("text", [
    "Name\tA\tB\nx\t1\ny\t2\t3\t4\t5\n",  # ragged
    "Only one column\tx\nstill\n",  # one column (a lone tab)
    "Scheme\tBudget\tTarget\n",  # header only
    "Scheme\tBudget 18/19\tBudget 19/20\nFalls\tTBC\tsee above\nReablement\t£1,000\tnot known\n",  # text in numbers
])
def test_bad_tables_degrade_to_text_cells(tmp_path: Path, text: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("Heading\n\n" + text, encoding="utf-8")
    for t in tables_of(f):
        for r in t.rows:
            for c in r.cells:
                assert c.value is None or c.kind in ("money", "number", "percent")
                if c.value is not None:
                    assert parse_cell(c.raw).value == c.value or c.unit in ("£", "%")


def test_text_where_numbers_are_expected_invents_nothing(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("Scheme\tBudget 18/19\tBudget 19/20\nFalls\tTBC\tsee above\nReablement\t£1,000\tnot known\n")
    (t,) = tables_of(f)
    falls = t.rows[0]
    assert [c.kind for c in falls.cells[1:]] == ["text", "text"] and all(c.value is None for c in falls.cells)
    with pytest.raises(F.FigureError, match="not a number"):
        F.total(t, t.rows, 1)


def test_store_round_trip(fixture_index) -> None:  # type: ignore[no-untyped-def]
    parsed = [t for t in tables_of(DATA / "plan.txt")]
    stored = fixture_index.tables()
    assert [t.id for t in stored] == [t.id for t in parsed]
    for a, b in zip(parsed, stored, strict=False):
        assert a.columns == b.columns and a.caption == b.caption and a.n_rows == b.n_rows
        for ra, rb in zip(a.rows, b.rows, strict=False):
            assert ra.label == rb.label and ra.role == rb.role and ra.lines == rb.lines
            assert [c.value for c in ra.cells] == [c.value for c in rb.cells]


# --------------------------------------------------------------------------- age bands


@pytest.mark.parametrize(("text", "ages"), [
    ("How will the 85+ population grow?", (85, None)),
    ("people aged 75 and over", (75, None)),
    ("How many over 65s live alone?", (65, None)),
    ("People aged 65-69", (65, 69)),
    ("people aged 75 to 84", (75, 84)),
    ("the 2015-16 population", None),
    ("a £10-20 budget for older people", None),
    ("spend rose 5% over 2018", None),
])
def test_age_ranges(text: str, ages: tuple[int, int | None] | None) -> None:
    assert age_range(text) == ages


def test_an_age_range_is_added_up_from_the_bands_that_tile_it(tmp_path: Path) -> None:
    (t,) = tables_in(tmp_path, "Population aged 65 and over, projected\n\n"
                     "Age\t2015\t2030\n"
                     "People aged 65-74\t50,000\t60,000\n"
                     "People aged 75-84\t30,000\t40,000\n"
                     "People aged 85-89\t8,600\t14,900\n"
                     "People aged 90 and over\t5,300\t11,300\n"
                     "Total population 65 and over\t93,900\t126,200\n")
    assert [r.label for r in age_group(t, (85, None))] == ["People aged 85-89", "People aged 90 and over"]
    assert [r.label for r in age_group(t, (75, None))] == ["People aged 75-84", "People aged 85-89",
                                                           "People aged 90 and over"]
    assert age_group(t, (65, 74)) == [], "one row is that range already"
    assert age_group(t, (80, None)) == [], "no bands tile 80+"
    fig = F.change_of_totals(t, age_group(t, (85, None)), 1, 2, "aged 85 and over", percent=True)
    assert fig.text == "+88.49%" and fig.value.quantize(Decimal("0.01")) == Decimal("88.49")
    assert fig.formula == "14,900 + 11,300 = 26,200; 8,600 + 5,300 = 13,900; (26,200 − 13,900) / 13,900 × 100 = +88.49%"
    assert [c.line for c in fig.cells] == [6, 7, 6, 7] and {c.column for c in fig.cells} == {"2015", "2030"}
    diff = F.change_of_totals(t, age_group(t, (85, None)), 1, 2, "aged 85 and over", percent=False)
    assert diff.value == 12300 and diff.text == "+12,300"


def test_sub_labels_under_group_labels_join_the_header(tmp_path: Path) -> None:
    """'Plan' and 'Actual' over four columns each, with 'NHS', 'Social Care'... on the row below."""
    (t,) = tables_in(tmp_path, "Average daily delays\n\n"
                     "YEAR\tMonth\tPlan\t\t\tActual\t\t\n"
                     "\t\tALL\tNHS\tSocial Care\tALL\tNHS\tSocial Care\n"
                     "2018-19\tAPR\t31.8\t24.9\t6.9\t52.2\t43.5\t8.7\n"
                     "2018-19\tMAY\t31.8\t24.9\t6.9\t63.5\t50.8\t12.7\n")
    assert t.columns == ("YEAR", "Month", "Plan / ALL", "Plan / NHS", "Plan / Social Care", "Actual / ALL",
                         "Actual / NHS", "Actual / Social Care")
    assert t.n_rows == 2 and t.header_lines == (3, 4)


@pytest.mark.parametrize("sub", ["% of total", "% of sales", "Share"])
def test_a_sub_label_repeated_in_each_group_names_its_own_column(tmp_path: Path, sub: str) -> None:
    """Years over two columns each, and a sub-label written once per year over the second column only
    ('% of total'): the amount columns do not take it (their plain numbers stay numbers, not percentages)."""
    (t,) = tables_in(tmp_path, "Revenue by segment\n\n"
                     "\tYear ended 31 March\t\t\t\n"
                     "\t2020\t\t2019\t\n"
                     f"\t\t{sub}\t\t{sub}\n"
                     "\tAmount\trevenue\tAmount\trevenue\n"
                     "Retail\t4,120\t61%\t3,870\t60%\n"
                     "Wholesale\t2,640\t39%\t2,580\t40%\n")
    assert t.columns[1] == "Year ended 31 March / 2020 / Amount" and t.columns[3] == "Year ended 31 March / 2019 / Amount"
    assert sub in t.columns[2] and sub in t.columns[4]
    assert [t.rows[0].cells[c].kind for c in (1, 2, 3, 4)] == ["number", "percent", "number", "percent"]


def test_info_rows_over_a_stacked_table_are_notes_not_data(tmp_path: Path) -> None:
    (t,) = tables_in(tmp_path, "The following tables outline the project plans.\n\n"
                     "Project 1\tSingle Point of Referral\t\t\n"
                     "Resources\tJeannie Brown\t\t\n"
                     "Reference\tMilestone\tDate\tDependency\n"
                     "1.1\tProject team in place\tJan 15\tD7\n"
                     "1.2\tGo-live\tApr15\tMilestone 0.2\n")
    assert [r.role for r in t.rows] == ["note", "note", "body", "body"]
    assert t.columns == ("Reference", "Milestone", "Date", "Dependency") and t.rows[3].cells[2].raw == "Apr15"


def test_plain_numbers_in_a_money_column_are_money(tmp_path: Path) -> None:
    """Conversion drops some '£' signs: a column with money cells and a money total is money throughout,
    so a change down it can be computed; a column of counts stays counts."""
    (t,) = tables_in(tmp_path, "Funding:\n\n"
                     "Source of Funding\t2017-18\t2018-19\tSchemes\n"
                     "CCG contribution\t19,726,330\t19,726,330\t12\n"
                     "Disabled Facilities Grant\t2,792,249\t£3,033,313\t3\n"
                     "Additional ASC funding\t5,810,000\t£7,210,533\t4\n"
                     "Total Funding\t£28,328,579\t£29,970,176\t19\n")
    assert [r.cells[1].kind for r in t.rows] == ["money"] * 4 and [r.cells[2].kind for r in t.rows] == ["money"] * 4
    assert [r.cells[3].kind for r in t.rows] == ["number"] * 4
    fig = F.difference(t, (t.rows[2], 1), (t.rows[2], 2))
    assert fig.text == "+£1,400,533"


def test_a_bracket_closing_an_aside_is_not_part_of_a_number() -> None:
    (n,) = [x for x in find_numbers("two-tier (unitary from April 2020)")]
    assert n.raw == "2020" and n.value == 2020 and n.kind == "number"
    (m,) = find_numbers("the deficit was (4.0) in year")
    assert m.raw == "(4.0)" and m.value == Decimal("-4.0")


def test_a_unit_only_header_and_a_grand_total_under_the_last_category(tmp_path: Path) -> None:
    """A one-column table headed only by its unit ('£m') is data with that unit, '£41.4' in it is £41.4m,
    and a Total that adds up every row is the table's, not the last category's."""
    (t,) = tables_in(tmp_path, "Combined savings plan\n\n"
                     "\t£m\n"
                     "CHC\t7.2\n"
                     "Elective\t1.5\n"
                     "Acute Operational Productivity\t\n"
                     "Model Hospital specialties\t11.0\n"
                     "Back office\t1.9\n"
                     "Total\t£21.6\n")
    assert t.kind == "data" and t.columns == ("", "£m")
    assert [r.cells[1].kind for r in t.rows if r.role != "category"] == ["money"] * 5
    total = t.rows[-1]
    assert total.role == "total" and total.group is None and total.cells[1].value == Decimal("21600000")
    assert t.rows[3].group == "Acute Operational Productivity"
    (sub,) = tables_in(tmp_path, "Savings\n\n"
                       "\t£m\n"
                       "ICS income\t864.8\n"
                       "Schemes\t\n"
                       "BHT\t20.0\n"
                       "CCG\t21.4\n"
                       "Total\t41.4\n")
    assert sub.rows[-1].group == "Schemes", "a total of its own category's rows stays in it"



@pytest.mark.parametrize("rest", ["hospital after a stay\tthe Council", "after a stay", "hospital\tthe Council\t"])
def test_a_row_broken_by_a_page_break_with_fewer_cells_than_the_row_above(tmp_path: Path, rest: str) -> None:
    text = (f"Scheme\tLead\t2019\t2020\nHome care for people leaving\tCouncil\t100\t200\n\n{rest}\n\n"
            "Next paragraph of text here.\n")
    [t] = tables_in(tmp_path, text)
    row = t.rows[0]
    assert row.label.startswith("Home care for people leaving")
    assert [c.value for c in row.cells[2:4]] == [Decimal(100), Decimal(200)]


@pytest.mark.parametrize("sep", [": ", " - ", ". "])
def test_a_caption_between_two_tables_names_the_one_below_it(tmp_path: Path, sep: str) -> None:
    """'Table 2: …' above each table: the caption under the first table is the second one's, not the first's;
    a caption under the last table, with no table after it, is still that table's."""
    text = (f"Plan\n\nTable 1{sep}Funding by source\n\nSource\t2024\t2025\nNHS\t10\t11\nCouncil\t4\t5\n\n"
            f"Table 2{sep}Metrics\n\nMetric\t2024\t2025\nAdmissions\t800\t780\nFalls\t120\t110\n\n"
            f"Staffing by team\tFTE\nReablement\t40\nTherapy\t12\n\nTable 3{sep}Staff in post\n\nThe teams grow next year.\n")
    captions = [t.caption for t in tables_in(tmp_path, text)]
    assert captions == [f"Table 1{sep}Funding by source", f"Table 2{sep}Metrics", f"Table 3{sep}Staff in post"]
