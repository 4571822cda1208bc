"""Questions asked of flow and programme reports (waiting times, discharge sitreps, grant spending plans, carers'
services): 'longest' and 'shortest' ask for an extreme as 'largest' and 'smallest' do; between rows that share the
question's stems, the one that says its words as written ('assessments', not 'assessed'); a row named with a past
participle the question does not say counts only some of what is asked, where a sentence counts all of it; a column
the question names, and no row, is read from the table's totals row; 'which X overspent the most?' is the row with
the extreme overspend, whatever row the word X also names; 'cut' says a figure fell. And in a PDF, a caption set
larger than a table's rows starts a new table, and a header of words wrapped over two lines above the first row of
figures is one header. Every document here is made up; each mechanism is asked in several phrasings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.ingest import read
from assistant.layout import segment
from assistant.tables import extract_tables

from .conftest import assistant_for, assistant_over

WAITS = """Tamesford Community Services
Waiting times report, October 2026

The service estimates that 8,300 people in Tamesford live with a long-term neurological condition, of whom
640 are children.

Table 1: Waiting list by service
Service\tPeople waiting\tAverage wait (weeks)\tReferrals
Podiatry\t410\t14.2\t95
Wheelchair service\t260\t21.5\t40
Community neurology\t185\t9.8\t61
Continence service\t330\t6.1\t88
Total\t1,185\t\t284

Table 2: Children's services activity
Measure\t2024/25\t2025/26
Children with a neurological condition reviewed\t212\t248
Young patients assessed\t150\t171
Patients' assessments completed\t302\t356
"""

BUDGET = """Orrinford Council
Adult social care budget monitoring, month 8

Table 1: Forecast outturn by service (£000)
Service\tBudget\tForecast outturn
Home care\t2,400\t2,610
Day services\t5,800\t5,760
Supported living\t3,100\t3,420
Equipment service\t640\t655
Transport service\t410\t395

Table 2: Prevention grants (£000)
Grant\t2025/26\t2026/27
Befriending\t210\t230
Falls prevention\t180\t150
Handyperson scheme\t95\t110
Welfare advice\t300\t320
"""


@pytest.fixture(scope="module")
def waits(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("waits"), "waits.txt", WAITS)


@pytest.fixture(scope="module")
def budget(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("budget"), "budget.txt", BUDGET)


def _line(text: str, start: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "row", "value"), [
    ("Which service has the longest average wait?", "Wheelchair service", "21.5"),
    ("Which service's average wait is the longest?", "Wheelchair service", "21.5"),
    ("Which service has the shortest average wait?", "Continence service", "6.1"),
    ("Which service has the shortest wait on average?", "Continence service", "6.1"),
])
def test_longest_and_shortest_ask_for_the_extreme(waits, question: str, row: str, value: str) -> None:
    ans = waits.ask(question)
    assert ans.answered and ans.state.get("op") in ("max", "min"), ans.text
    assert row in ans.text and value in ans.text, ans.text
    assert _line(WAITS, row) in {c.line_start for c in ans.citations} | {c.line_end for c in ans.citations}


@pytest.mark.parametrize(("question", "value"), [
    ("How many patients' assessments were there in 2025/26?", "356"),
    ("Give the number of patient assessments for 2024/25.", "302"),
    ("In 2025/26, how many patient assessments were there?", "356"),
])
def test_a_row_that_says_the_word_as_written_beats_one_that_shares_its_stem(
        waits, question: str, value: str) -> None:
    ans = waits.ask(question)
    assert ans.answered and value in ans.text, ans.text
    assert ans.state.get("rows", [""])[0].startswith("Patients' assessments"), ans.state.get("rows")  # (not 'assessed')


@pytest.mark.parametrize("question", [
    "How many children have a long-term neurological condition?",
    "How many children are living with a neurological condition?",
    "How many children in Tamesford have a neurological condition?",
])
def test_a_row_that_counts_only_those_reviewed_is_not_the_whole(waits, question: str) -> None:
    ans = waits.ask(question)  # 'Children with a neurological condition reviewed' counts those reviewed
    assert ans.answered and "640" in ans.text and "248" not in ans.text, ans.text
    assert 4 in {c.line_start for c in ans.citations} | {c.line_end for c in ans.citations}, ans.citations


def test_a_participle_the_question_says_keeps_its_row(waits) -> None:
    ans = waits.ask("How many children with a neurological condition were reviewed in 2025/26?")
    assert ans.answered and "248" in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many people are waiting?", "1,185"),
    ("How many referrals were there?", "284"),
    ("Give the number of people waiting.", "1,185"),
])
def test_a_column_named_without_a_row_is_read_from_the_totals_row(waits, question: str, value: str) -> None:
    ans = waits.ask(question)
    assert ans.answered and value in ans.text, ans.text
    assert _line(WAITS, "Total") in {c.line_start for c in ans.citations}, ans.citations


def test_a_named_row_is_still_its_own_figure(waits) -> None:
    ans = waits.ask("How many people are waiting for podiatry?")
    assert ans.answered and "410" in ans.text and "1,185" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "row"), [
    ("Which service overspent the most?", "Supported living"),
    ("Which service has overspent by the most?", "Supported living"),
    ("Which service is forecast to overspend the most?", "Supported living"),
])
def test_which_row_overspent_the_most_is_the_extreme_not_a_row_the_word_names(
        budget, question: str, row: str) -> None:
    ans = budget.ask(question)  # ('service' is what every row is, not the one row whose name says it)
    assert ans.answered and row in ans.text and ans.figures and ans.figures[0].value == 320_000, ans.text


@pytest.mark.parametrize("question", [
    "Which grant is cut in 2026/27?",
    "Which prevention grants will be cut?",
    "Which grants were cut?",
])
def test_cut_says_a_figure_fell(budget, question: str) -> None:
    ans = budget.ask(question)
    assert ans.answered and ans.state.get("op") == "moved", ans.text
    assert "Falls prevention" in ans.text and "Befriending" not in ans.text, ans.text


def _two_tables_pdf(path: Path) -> Path:
    """Two unruled tables one under the other, the second's caption set larger than the rows, each with a header
    of words wrapped over two lines above its figures (as a word processor wraps a narrow column's header)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0

    def table(caption: str, header: list[list[str]], rows: list[list[str]]) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold", 11)
        c.drawString(50, y, caption)
        y -= 18
        c.setFont("Helvetica", 9)
        edges = (380, 460, 540)
        for k in range(2):  # the header's two lines, set closer than the rows
            if k == 0:
                c.drawString(50, y, header[0][0])
            for cell, x in zip(header[1:], edges, strict=False):
                c.drawRightString(x, y, cell[k])
            y -= 10.5
        y -= 3
        for row in rows:
            c.drawString(50, y, row[0])
            for cell, x in zip(row[1:], edges, strict=False):
                c.drawRightString(x, y, cell)
            y -= 13
        y -= 6

    table("Beds occupied by site", [["Site"], ["Week ending", "8 Mar"], ["Week ending", "15 Mar"], ["Plan", "level"]],
          [["Northgate Hospital", "64", "70", "55"], ["Riverside Hospital", "28", "25", "22"],
           ["Total", "92", "95", "77"]])
    table("Packages started by type", [["Type"], ["Packages", "started"], ["Share of", "packages"], ["Average", "hours"]],
          [["Home care", "312", "70.9%", "11.5"], ["Live-in care", "48", "10.9%", "40.0"],
           ["Reablement", "80", "18.2%", "9.0"]])
    c.showPage()
    c.save()
    return path


def test_a_caption_set_larger_starts_a_new_table_and_a_wrapped_header_is_one(tmp_path: Path) -> None:
    doc = read(_two_tables_pdf(tmp_path / "flow.pdf"))
    tables = extract_tables(doc, segment(doc))
    assert len(tables) == 2, [t.columns for t in tables]
    first, second = tables
    assert [r.label for r in first.rows] == ["Northgate Hospital", "Riverside Hospital", "Total"]
    assert [r.label for r in second.rows] == ["Home care", "Live-in care", "Reablement"]
    assert second.columns[1:] == ("Packages started", "Share of packages", "Average hours"), second.columns
    assert "Packages started by type" in second.caption
    assert [c.value for c in second.rows[1].cells[1:]] == [Decimal(48), Decimal("10.9"), Decimal("40.0")]


IMMUNISATION = """Harrowdale Public Health Team
Childhood immunisation report, winter 2026/27
Author: Grace Obuya, Screening and Immunisation Lead

Table 1: MMR second dose by practice
Practice\tChildren eligible\tChildren vaccinated\tUptake\tReminder letters sent
Hill Street Surgery\t240\t221\t92.1%\t30
Kingsway Practice\t310\t263\t84.8%\t95
Long Lane Medical Centre\t185\t171\t92.4%\t26
Moor End Surgery\t270\t229\t84.8%\t80
Total\t1,005\t884\t88.0%\t231

Flu vaccinations given to children aged 2 and 3 (in month)
Measure\tSep\tOct\tNov\tDec\tJan
Vaccinations given\t410\t1,260\t880\t320\t150
Cumulative uptake\t9.5%\t38.6%\t59.0%\t66.4%\t69.9%
Clinic sessions held\t12\t35\t28\t10\t6

The number of children seen in community clinics rose to 640 in January, from 410 in October.

Table 3: Capital schemes (£000)
Scheme\tApproved budget\tForecast outturn
Cold chain fridges\t120\t96
Mobile clinic van\t85\t91
Booking system\t60\t48

"""


@pytest.fixture(scope="module")
def immunisation(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("immunisation"), "immunisation.txt", IMMUNISATION)


@pytest.mark.parametrize(("question", "value"), [
    ("How many flu vaccinations were given from September to December?", 2870),
    ("How many clinic sessions were held between October and December?", 73),
    ("How many flu vaccinations were given from Oct to Jan?", 2610),
])
def test_a_count_over_a_span_of_periods_is_their_sum(immunisation, question: str, value: int) -> None:
    ans = immunisation.ask(question)
    assert ans.answered and ans.state.get("op") == "sum" and ans.figures and ans.figures[0].value == value, ans.text


@pytest.mark.parametrize("question", [
    "What was the cumulative uptake from September to December?",  # a level is not added up
    "By how much did vaccinations given fall from October to January?",  # a move is no sum
])
def test_a_level_or_a_move_over_a_span_is_no_sum(immunisation, question: str) -> None:
    ans = immunisation.ask(question)
    assert ans.state.get("op") != "sum", ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("What percentage of children vaccinated at Kingsway Practice got a reminder letter?", Decimal(95) / 263 * 100),
    ("What proportion of children vaccinated at Moor End Surgery had a reminder letter sent?", Decimal(80) / 229 * 100),
    ("What share of children vaccinated at Hill Street Surgery received reminder letters?", Decimal(30) / 221 * 100),
])
def test_a_share_of_a_rows_whole_named_by_a_phrase_that_shares_the_parts_words(
        immunisation, question: str, value: Decimal) -> None:
    ans = immunisation.ask(question)  # (not the row's share of all reminder letters, nor of children eligible)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


@pytest.mark.parametrize("question", [
    "Which practices are below the 90% target?",
    "Which practices are below the 90% standard?",
    "Which practices have uptake below 90%?",
])
def test_a_bound_in_per_cent_is_of_the_one_column_of_percentages(immunisation, question: str) -> None:
    ans = immunisation.ask(question)
    assert ans.answered and ans.state.get("op") == "meets", ans.text
    assert "Kingsway Practice" in ans.text and "Moor End Surgery" in ans.text and "Hill Street" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many children eligible were not vaccinated?", 121),
    ("How many eligible children at Kingsway Practice did not get vaccinated?", 47),
    ("How many children eligible at Moor End Surgery weren't vaccinated?", 41),
])
def test_those_who_did_not_are_the_whole_less_those_who_did(immunisation, question: str, value: int) -> None:
    ans = immunisation.ask(question)
    assert ans.answered and ans.figures and abs(ans.figures[0].value) == value, ans.text


@pytest.mark.parametrize(("question", "named", "unnamed"), [
    ("How many schemes are forecast to spend less than their approved budget?", ["Cold chain fridges", "Booking system"],
     ["Mobile clinic van"]),
    ("Which schemes will cost more than their approved budget?", ["Mobile clinic van"], ["Booking system"]),
    ("How many schemes are forecast to come in lower than budget?", ["Cold chain fridges", "Booking system"],
     ["Mobile clinic van"]),
])
def test_less_or_more_than_a_budget_compares_each_row_with_it(
        immunisation, question: str, named: list[str], unnamed: list[str]) -> None:
    ans = immunisation.ask(question)
    assert ans.answered and all(r in ans.text for r in named) and not any(r in ans.text for r in unnamed), ans.text
    assert ans.figures and ans.figures[0].value == len(named), ans.text


@pytest.mark.parametrize("question", ["Who wrote the report?", "Who is the author of this report?",
                                      "Who prepared the paper?"])
def test_an_author_line_says_who_wrote_the_report(tmp_path_factory, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("author"), "immunisation.txt", IMMUNISATION,
                         min_confidence=None).ask(question)  # (with the fitted policy)
    assert ans.answered and "Grace Obuya" in ans.text, ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("By how much did flu vaccinations given fall between October and January?", -1110),
    ("How much did the number of clinic sessions held drop from October to January?", -29),
    ("By how much did vaccinations given decrease from Oct to Jan?", -1110),
])
def test_a_change_between_months_without_a_year_is_a_move_over_time(immunisation, question: str, value: int) -> None:
    ans = immunisation.ask(question)  # (not the sentence that moves the children seen in clinics, 410 to 640)
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text


WRAPPED = """Brindle Vale Council
Prevention services summary

Home adaptations
In the year, 412 people had a stairlift, a ramp or a level-access shower fitted, and 38% of them were
over 85, above the regional rate of 30%.

Telecare
Some 2,150 households used a pendant alarm or a falls sensor at the end of March, and 96% of calls were
answered within a minute.
"""


def test_a_heading_over_a_hard_wrapped_paragraph_is_its_heading(tmp_path: Path) -> None:
    f = tmp_path / "prevention.txt"
    f.write_text(WRAPPED, encoding="utf-8")
    blocks = segment(read(f))
    assert [b.heading[-1] for b in blocks if b.kind == "heading"] == ["Home adaptations", "Telecare"]
    assert all(b.heading[-1:] == ("Telecare",) for b in blocks if b.kind == "text" and b.start >= 8)


@pytest.mark.parametrize(("question", "value", "line"), [
    ("How many telecare households were there?", "2,150", 9),
    ("What share of telecare calls were answered within a minute?", "96%", 9),
    ("How many people had home adaptations fitted?", "412", 5),
])
def test_a_sentence_is_read_with_the_heading_over_its_wrapped_paragraph(
        tmp_path_factory, question: str, value: str, line: int) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("wrapped"), "prevention.txt", WRAPPED, min_confidence=None).ask(question)
    assert ans.answered and value in ans.text, ans.text  # (with the fitted policy: the heading's words are covered)
    assert line in {c.line_start for c in ans.citations}, ans.citations


@pytest.fixture(scope="module")
def styled_cover(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A Word report whose cover entries ('Independent Chair: ...', 'Author: ...') are set in a heading style."""
    import docx

    d = docx.Document()
    d.add_heading("Fernhill Safeguarding Adults Board: Annual Report 2025/26", 0)
    d.add_heading("Independent Chair: Professor Alan Reyes", 2)
    d.add_heading("Author: Mirela Dobre, Board Manager", 2)
    d.add_heading("Foreword", 1)
    d.add_paragraph("The Board received 1,240 safeguarding concerns this year, and 402 of them led to an enquiry.")
    d.add_heading("Priorities", 1)
    d.add_paragraph("The Board will focus on self-neglect and on financial abuse in the coming year.")
    root = tmp_path_factory.mktemp("styled")
    (root / "corpus").mkdir()
    d.save(str(root / "corpus" / "annual-report.docx"))
    return assistant_for(root / "corpus", root / "index", min_confidence=None)


@pytest.mark.parametrize(("question", "name"), [
    ("Who chairs the Board?", "Alan Reyes"),
    ("Who is the independent chair?", "Alan Reyes"),
    ("Who wrote the annual report?", "Mirela Dobre"),
])
def test_a_cover_entry_set_as_a_heading_says_who(styled_cover, question: str, name: str) -> None:
    ans = styled_cover.ask(question)
    assert ans.answered and name in ans.text, ans.text


def _bold_headings_pdf(path: Path) -> Path:
    """Headings set in bold in the body's own size (as many council reports set them), one of them straight under
    the last row of an unruled table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780.0

    def put(text: str, bold: bool = False, cells: tuple[str, ...] = ()) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        c.drawString(50, y, text)
        for cell, x in zip(cells, (420, 520), strict=False):
            c.drawRightString(x, y, cell)
        y -= 14

    put("Ashvale Council: Prevention Services Review", bold=True)
    put("This review looks at the services that help people stay well at home.")
    put("Community equipment", bold=True)
    put("The store delivered 9,840 items of equipment in the year, most within two working days.")
    put("Service", cells=("2024/25", "2025/26"))
    put("Equipment deliveries", cells=("9,120", "9,840"))
    put("Equipment collections", cells=("4,310", "4,655"))
    put("Handyperson scheme", bold=True)
    put("The scheme completed 1,275 small repairs for older people, up from 1,102 the year before.")
    put("Falls prevention", bold=True)
    put("Strength and balance classes were attended by 640 people, and 71% of them finished the course.")
    c.showPage()
    c.save()
    return path


def test_a_bold_line_in_the_bodys_size_is_a_heading_even_under_a_table(tmp_path: Path) -> None:
    blocks = segment(read(_bold_headings_pdf(tmp_path / "review.pdf")))
    headings = [b.heading[-1] for b in blocks if b.kind == "heading"]
    assert {"Community equipment", "Handyperson scheme", "Falls prevention"} <= set(headings), headings


@pytest.mark.parametrize(("question", "value"), [
    ("How many repairs did the handyperson scheme complete?", "1,275"),
    ("How many people attended falls prevention classes?", "640"),
    ("What share of falls prevention class attendees finished the course?", "71%"),
])
def test_a_sentence_under_a_bold_heading_is_read_with_it(tmp_path_factory, question: str, value: str) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("bold")
    (root / "corpus").mkdir()
    _bold_headings_pdf(root / "corpus" / "review.pdf")
    ans = assistant_for(root / "corpus", root / "index", min_confidence=None).ask(question)
    assert ans.answered and value in ans.text, ans.text


DASHBOARD = """Kestrel Bay Integrated Care Partnership
Quality dashboard, April 2026 to January 2027

Table 1: Monthly measures
Measure\tApr\tJun\tAug\tOct\tDec\tJan\tTarget
Patients delayed over 7 days\t88\t80\t75\t71\t69\t64\t50
Staff turnover\t13.1%\t12.6%\t12.2%\t12.9%\t13.4%\t13.8%\t12.0%
Reviews within 6 weeks\t71%\t74%\t77%\t79%\t82%\t84%\t90%
"""


@pytest.mark.parametrize(("question", "value"), [
    ("How far above target are patients delayed over 7 days?", 14),  # Jan, the rightmost month, though it is January
    ("By how much is staff turnover above target?", Decimal("1.8")),
    ("How far below target are reviews within 6 weeks?", -6),
])
def test_a_row_against_its_target_with_no_period_asked_is_its_latest_month(
        tmp_path_factory, question: str, value: Decimal | int) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("dashboard"), "dashboard.txt", DASHBOARD).ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text
    assert "Jan" in ans.text and "Target" in ans.text, ans.text


def test_a_month_asked_against_target_is_that_month(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("dashboard"), "dashboard.txt", DASHBOARD).ask(
        "How far above target were patients delayed over 7 days in October?")
    assert ans.answered and ans.figures and ans.figures[0].value == 21, ans.text


PLACEMENTS = """Ormley Borough Council
Adult placements report, March 2027

Table 1: Placements by type
Type of placement\tPeople\tAverage weekly cost\tAnnual spend (£m)
Residential care homes for people\t210\t£1,050\t11.5
Nursing homes\t145\t£1,320\t10.0
Shared lives\t38\t£560\t1.1
Supported living\t122\t£1,480\t9.4
Total\t515\t\t32.0

Table 2: Visits by type of worker, February 2027
Worker\tVisits
Social worker\t2,140
Occupational therapist\t1,310
Care coordinator\t2,870
Nurse assessor\t960
"""


@pytest.fixture(scope="module")
def placements(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("placements"), "placements.txt", PLACEMENTS)


@pytest.mark.parametrize(("question", "value"), [
    ("What share of people placed are in residential care homes for people?", Decimal(210) / 515 * 100),
    ("What proportion of all the people placed are in residential care homes for people?", Decimal(210) / 515 * 100),
    # (and a whole named by one word of a row's name, 'people placed' of '... homes for people', is not that row)
    ("What proportion of people placed are in shared lives?", Decimal(38) / 515 * 100),
])
def test_a_word_the_question_says_twice_names_the_column_as_well_as_the_row(
        placements, question: str, value: Decimal) -> None:
    ans = placements.ask(question)  # (not the share of the annual spend, the column of no word of the question)
    assert ans.answered and ans.state.get("op") == "share" and ans.figures, ans.text
    assert abs(ans.figures[0].value - value) < Decimal("0.01"), ans.text


@pytest.mark.parametrize(("question", "value"), [
    ("How many visits did social workers and nurse assessors make together?", 3100),
    ("How many visits did occupational therapists and care coordinators make between them?", 4180),
    ("How many visits did social workers and care coordinators carry out in total?", 5010),
])
def test_what_two_rows_did_together_is_their_sum(placements, question: str, value: int) -> None:
    ans = placements.ask(question)
    assert ans.answered and ans.state.get("op") == "sum" and ans.figures and ans.figures[0].value == value, ans.text


INCIDENTS = """Marsh Lane Mental Health Unit
Incident report, quarter 2

Table 1: Incidents by type, quarter 2
Type of incident\tIncidents\tPercentage
Harm and injury to others\t126\t41.0%
Self-harm\t84\t27.4%
Medication errors\t52\t16.9%
Absconding\t45\t14.7%
Total\t307\t100.0%
"""


@pytest.mark.parametrize(("question", "value"), [
    ("How many incidents involved harm?", "126"),
    ("What percentage of incidents involved harm?", "41.0%"),
    ("How many harm incidents were recorded in quarter 2?", "126"),
])
def test_a_hyphenated_compound_is_another_form_of_its_words(
        tmp_path_factory, question: str, value: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("incidents"), "incidents.txt", INCIDENTS).ask(question)
    assert ans.answered and value in ans.text and "Self-harm" not in ans.text, ans.text


MONTHLY = """Pellow Community Trust
Waiting well report, autumn 2026

Table 1: People waiting for therapy, by service
Service\tApril 2026\tOctober 2026\tWaiting over 18 weeks (Oct 2026)
Podiatry\t1,240\t1,105\t96
Orthotics\t610\t655\t41
Speech and language therapy\t880\t790\t130
"""


@pytest.mark.parametrize(("question", "value"), [
    ("By how much did the podiatry waiting list fall from April to October 2026?", -135),
    ("How much did orthotics waiting change between April and October 2026?", 45),
    ("By how much did speech and language therapy waiting fall between April 2026 and October 2026?", -90),
])
def test_a_change_between_two_months_of_one_year(tmp_path_factory, question: str, value: int) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("monthly"), "monthly.txt", MONTHLY).ask(question)
    assert ans.answered and ans.figures and ans.figures[0].value == value, ans.text  # (not the 'over 18 weeks' column)


@pytest.mark.parametrize("question", [
    "How many people have waited over 18 weeks for podiatry?",
    "How many orthotics patients are waiting over 18 weeks?",
])
def test_a_bound_a_column_is_named_by_is_that_column(tmp_path_factory, question: str) -> None:  # type: ignore[no-untyped-def]
    ans = assistant_over(tmp_path_factory.mktemp("monthly"), "monthly.txt", MONTHLY).ask(question)
    assert ans.state.get("op") not in ("count", "meets"), ans.text  # (not how many rows are above 18)
