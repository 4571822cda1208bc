"""Drafting: cited sentences, computed key figures, no fragments or repeats, honest gaps, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.cli import main
from assistant.draft import FOCUS_REACH, Draft, Focus, _focus, parts_of, to_docx, to_markdown
from assistant.index import Index
from assistant.settings import Settings
from assistant.types import Passage
from assistant.verify import unlocked_numbers

from .conftest import assistant_over


@pytest.fixture
def assistant(settings: Settings, fixture_index: Index) -> Assistant:
    return Assistant(settings, index=fixture_index)


def assert_traceable(d: Draft) -> None:
    """Every number of every sentence is in the sentence's cited quotes or its computed figures."""
    for x in (x for sec in d.sections for x in sec.sentences):
        assert not unlocked_numbers(x.text, [c.quote for c in x.citations], x.figures), x.text


def sentence_with(d: Draft, *figures: str) -> str:
    """The one draft sentence that states all of these figures together (a figure's row, its change and
    its parts are said in one sentence, however it is worded)."""
    found = [x.text for sec in d.sections for x in sec.sentences if all(f in x.text for f in figures)]
    assert len(found) == 1, (figures, [x.text for sec in d.sections for x in sec.sentences])
    return found[0]


REQUEST = "Draft a 100-word summary of the 2019-20 funding allocations for section 2 (Funding)."


def test_every_sentence_is_cited_whole_and_traceable(assistant: Assistant) -> None:
    d = assistant.draft(REQUEST)
    sentences = [s for sec in d.sections for s in sec.sentences]
    assert sentences
    texts = [s.text for s in sentences]
    assert len(set(texts)) == len(texts), "no repeated sentences"
    for s in sentences:
        assert s.citations, s.text
        assert (s.text[0].isupper() or s.text[0].isdigit()) and s.text.endswith((".", "!", "?")), s.text
        assert unlocked_numbers(s.text, [c.quote for c in s.citations], list(s.figures)) == [], s.text
    assert abs(d.words - 100) <= 0.15 * 100


def test_key_figures_come_from_the_figure_engine(assistant: Assistant) -> None:
    d = assistant.draft(REQUEST)
    assert "£15,381,000" in d.text and "+2.5%" in d.text  # total, and its change computed from the cells
    total = next(f for f in d.figures if f.op == "percent_change" and f.cells[0].row == "Total")
    assert total.formula == "(15,381,000 − 15,000,000) / 15,000,000 × 100 = +2.5%"
    assert {c.line for c in total.cells} == {26}


def test_a_topic_the_documents_lack_states_the_gap(assistant: Assistant) -> None:
    d = assistant.draft("Draft a 150-word summary of the hospital car parking charges in 2020-21.")
    assert d.gaps
    assert d.words < 60, "no padding"


def test_markdown_and_docx_exports(assistant: Assistant, tmp_path: Path) -> None:
    import docx

    d = assistant.draft(REQUEST)
    md = d.text
    title = assistant.index.title("plan.txt")  # sources name the document by title, the file as detail
    assert md.startswith("## ") and "[^1]" in md and f"\n[^1]: {title} (plan.txt), line" in md
    assert "### Key figures" in md
    out = tmp_path / "draft.docx"
    to_docx(d, str(out))
    doc = docx.Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert d.sections[0].heading in headings and "Sources" in headings and "Key figures" in headings
    assert any(f"{title} (plan.txt), lines" in p.text for p in doc.paragraphs)
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Figure", "Value", "How it was obtained"]
    assert any("£15,381,000" in c.text for row in table.rows for c in row.cells)
    plain = to_markdown(d, footnotes=False)  # the app's Markdown renders no footnotes
    assert "[^" not in plain and "[1]" in plain and "### Sources" in plain and f"\n1. {title} (plan.txt), line" in plain


def test_draft_cli(settings: Settings, fixture_index: Index, monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_CORPUS", str(settings.corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    assert main(["draft", REQUEST, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert set(d) == {"text", "sections", "figures", "gaps"}
    s = d["sections"][0]["sentences"][0]
    assert set(s) == {"text", "citations", "figures"} and s["citations"]
    assert set(d["figures"][0]) == {"value", "text", "formula", "cells"}
    assert main(["draft", REQUEST, "--out", str(tmp_path / "d.docx")]) == 0
    assert (tmp_path / "d.docx").stat().st_size > 0
    assert main(["draft", REQUEST, "--out", str(tmp_path / "d.pdf")]) == 2


def test_actual_against_plan_and_a_section_named_without_quotes(tmp_path: Path) -> None:
    """A plan-versus-actual table is written as actual against plan, with the best and worst months; a
    section named as 'the X section' scopes the draft to it."""
    a = assistant_over(tmp_path, "dtoc.txt",
        "1. Delayed transfers of care\n\n"
        "Delays fell through the year but stayed above the plan in most months.\n\n"
        "Table 2: Average daily delays\n\n"
        "YEAR\tMonth\tPlan\t\tActual\t\n"
        "\t\tALL\tNHS\tALL\tNHS\n"
        "2018-19\tAPR\t31.8\t24.9\t52.2\t43.5\n"
        "2018-19\tMAY\t31.8\t24.9\t63.5\t50.8\n"
        "2018-19\tJUN\t31.8\t24.9\t40.1\t31.0\n"
        "2018-19\tDEC\t31.8\t24.9\t31.1\t22.4\n"
        "Annual Daily Delays\t\t31.8\t24.9\t46.8\t37.0\n\n"
        "2. Carers\n\n"
        "Carers are supported by a new service in every locality.\n")
    d = a.draft("Draft a 120-word summary of performance for the Delayed Transfers of Care section.")
    text = to_markdown(d, footnotes=False)
    assert "Annual Daily Delays" in sentence_with(d, "46.8", "37.0", "31.8", "+15.0")  # actual against plan
    assert "31.1" in text and "63.5" in text  # the best and the worst month
    assert "Carers" not in text
    assert_traceable(d)


def test_a_lead_in_and_its_list_are_drafted_as_one_cited_sentence(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "fin.txt",
        "1. Finance\n\n"
        "The 2017/18 system deficit reported is £28.6 million. This is made up of:\n\n"
        "- CCG £19.2m (community stock moved out of risk)\n"
        "- Trust £9.4m after receipt of £2.5m of funding\n\n"
        "The system plans a two year recovery to reach its control total.\n\n"
        "2. Workforce\n\nRecruitment continues across all teams.\n")
    d = a.draft("Draft a 60-word summary of the deficit and recovery for the Finance section.")
    sentences = [x for sec in d.sections for x in sec.sentences]
    joined = next(x for x in sentences if "made up of" in x.text)
    assert joined.text.endswith("he 2017/18 system deficit reported is £28.6 million. This is made up of: CCG "
                                "£19.2m (community stock moved out of risk); Trust £9.4m after receipt of £2.5m of "
                                "funding.")
    assert [c.line_start for c in joined.citations] == [3, 3, 5, 6]
    assert sum("£28.6 million" in x.text for x in sentences) == 1, "the subject sentence is not repeated"
    assert_traceable(d)


def test_key_figures_take_the_sections_tables_the_largest_rows_and_the_biggest_mover(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "pool.txt",
        "1. Overview of funding contributions\n\n"
        "Funding:\n\n"
        "Source of Funding\t2017-18\t2018-19\n"
        "CCG contribution\t19,726,330\t19,726,330\n"
        "Council contribution\t4,250,000\t4,250,000\n"
        "Total Funding\t23,976,330\t23,976,330\n"
        "Expenditure by workstream\n"
        "Analysis by Work Stream\t2017-18\t2018-19\n"
        "Intermediate Care\t18,207,385\t18,200,000\n"
        "Care Act\t2,500,000\t2,500,000\n"
        "Self care\t1,691,000\t1,750,000\n"
        "Equipment\t1,222,254\t1,200,000\n"
        "Unallocated\t355,691\t326,330\n"
        "Grand Total\t23,976,330\t23,976,330\n\n"
        "2. Governance\n\nThe board meets monthly.\n")
    d = a.draft('Draft a 150-word overview of funding and expenditure for the "Overview of funding contributions" '
                "section.")
    text = to_markdown(d, footnotes=False)
    # the largest row of the table under the section's own, said to be the largest part of its total
    assert "largest" in sentence_with(d, "Intermediate Care", "18,200,000", "23,976,330")
    sentence_with(d, "Self care", "1,750,000", "1,691,000", "+59,000")  # the biggest mover, with its change
    assert "board meets monthly" not in text


def test_a_short_draft_takes_the_detail_around_what_it_drafted(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "fin.txt",
        "5. Finance\n\n"
        "The 2017/18 system deficit against the control total is £28.6 million.\n"
        "Providers saw elective cancellations and the loss of spinal income over the winter months.\n"
        "Escalation wards stayed open until May at a cost of £0.5m.\n"
        "Year end adjustments improved the position by £0.7m.\n\n"
        "9. Estates\n\nThe estates strategy is refreshed every year by the estates team.\n")
    d = a.draft("Draft a 60-word summary of the 2017/18 deficit.")
    text = to_markdown(d, footnotes=False)
    assert "£28.6 million" in text and "£0.5m" in text and "£0.7m" in text  # the detail under the headline
    assert "estates" not in text.lower()
    assert_traceable(d)


def test_a_key_figure_says_what_the_money_buys(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "winter.txt",
        "3.4 Winter pressures spend\n\n"
        "Scheme Name\tEstimated output\tExpenditure\n"
        "Home Care and Dom Care\t40,367 hours\t£783,129\n"
        "Live in care\t8 live in care placements\t£219,600\n"
        "Total\t\t£1,002,729\n\n"
        "The grant will be spent over six months.\n")
    d = a.draft("Draft a 60-word paragraph on how the winter pressures grant will be spent.")
    sentence_with(d, "Home Care and Dom Care", "£783,129", "40,367 hours")
    assert_traceable(d)


def test_a_lead_in_to_a_table_and_no_lettered_form_prompts(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "dfg.txt",
        "2.2 DFG\n\n"
        "Being a two tier authority until 1 April 2020, the full DFG funding allocation is passed down to "
        "each District Council and is split as follows:\n\n"
        "Authority\tFunding allocation\n"
        "Aylesbury Vale\t£968,429\n"
        "Wycombe\t£1,277,735\n\n"
        "Q4 reporting (DFG):\n\n"
        "- a) The proportion of your DFG funding allocation spent on each of the purposes of the funding.\n"
        "- b) The impact the DFG funding allocation has had on adaptations.\n")
    d = a.draft("Draft a 60-word summary of the DFG funding allocation for the 2.2 DFG section.")
    text = to_markdown(d, footnotes=False)
    assert "is split as follows: Aylesbury Vale £968,429; Wycombe £1,277,735." in text
    assert "The proportion of your DFG" not in text and "A) " not in text
    assert_traceable(d)


def test_a_total_gives_its_parts_and_amounts_carry_the_columns_unit(tmp_path: Path) -> None:
    """A total of a few rows under one heading is one sentence with its parts; '(2.9)' in a '£m' column
    is written -£2.9m; two columns of the same year are actual against the control total, not a change."""
    a = assistant_over(tmp_path, "fin.txt",
        "Section 5: 2017/18 outturn and savings\n\n"
        "\tControl total 17/18 £m\tActual 17/18 £m\n"
        "BHT\t6.5\t(2.9)\n"
        "CCG\t0.1\t(19.1)\n"
        "2017/18 total\t6.6\t(22.0)\n\n"
        "Savings required in 2018/19\n\n"
        "\t£m\n"
        "ICS income\t864.8\n"
        "Savings requirements\t\n"
        "BHT\t20.0\n"
        "CCG\t21.4\n"
        "Total\t41.4\n\n"
        "The system will recover its deficit over two years through the savings plan.\n")
    d = a.draft("Draft a 90-word finance summary of the 2017/18 outturn and the 2018/19 savings for Section 5.")
    text = to_markdown(d, footnotes=False)
    sentence_with(d, "£41.4m", "BHT £20.0m", "CCG £21.4m")  # the total with its parts
    sentence_with(d, "£20.0m")  # parts are not repeated alone
    sentence_with(d, "-£2.9m", "£6.5m", "-£9.4m")  # actual against the control total, in the column's unit
    assert "%" not in text, "no percentage change between a control total and an actual"
    assert_traceable(d)


def test_a_request_about_two_things_takes_a_table_for_each(tmp_path: Path) -> None:
    """'The outturn and the savings plan': the best table is about the savings, so a table about the
    outturn, which the first leaves out, follows it; a list item above a table is not its caption."""
    a = assistant_over(tmp_path, "ics.txt",
        "Section 5: 2017/18 financial outturn position\n\n"
        "The system deficit is made up of:\n\n"
        "- CCG £19.2m\n"
        "- The drivers of this deficit are shown on the next slides\n\n"
        "\tControl total 17/18 £m\tActual 17/18 £m\n"
        "BHT\t6.5\t(2.9)\n"
        "BCCG\t0.1\t(19.1)\n\n"
        "Section 5: Savings plan for 2018/19\n\n"
        "\tSavings 18/19 £m\n"
        "CHC\t7.2\n"
        "Model Hospital specialties\t11.0\n"
        "Contract management\t8.7\n"
        "Total\t26.9\n\n"
        "Section 6: Workforce\n\n"
        "\tPosts 18/19\n"
        "Nurses\t120\n"
        "Therapists\t40\n\n"
        "The ICS will recover its deficit over two years.\n")
    (outturn,) = [t for t in a.index.tables() if t.line_start == 8]
    assert outturn.caption == "Section 5: 2017/18 financial outturn position"
    d = a.draft("Draft a 120-word finance narrative summarising the 2017/18 outturn and the 2018/19 savings plan.")
    text = to_markdown(d, footnotes=False).split("### Key figures")[0]
    sentence_with(d, "Model Hospital specialties", "£11.0m")
    sentence_with(d, "BCCG", "-£19.1m", "£0.1m")
    assert "Nurses" not in text
    assert_traceable(d)


def test_a_sentence_keeps_the_figures_that_follow_it_on(tmp_path: Path) -> None:
    """'This is greater than ...' right after a drafted sentence says what its figure means: it is drafted
    with it, in one cited sentence pair that the key figures do not split."""
    a = assistant_over(tmp_path, "ctx.txt",
        "Background and context\n\n"
        "The county's population is ageing more rapidly than England, reflected by growth of 17.5% in the "
        "number of people aged 65 or over between 2011 and 2016. This is substantially greater than the "
        "13.2% increase in England. Many older people live alone.\n\n"
        "Population aged 65 and over\n\n"
        "\t2014\t2030\n"
        "People aged 65-74\t52,500\t67,500\n"
        "People aged 75 and over\t44,100\t76,400\n"
        "Total population 65 and over\t96,600\t143,900\n\n"
        "Governance\n\nThe board meets monthly.\n")
    d = a.draft('Draft a 80-word description of the demographic context for the "Background and context" section.')
    sentences = [s for sec in d.sections for s in sec.sentences]
    (s,) = [s for s in sentences if "17.5%" in s.text]
    assert s.text.endswith("This is substantially greater than the 13.2% increase in England.")
    assert len(s.citations) == 2 and all(c.line_start == 3 for c in s.citations)
    assert "Many older people live alone" not in s.text, "only a follow-on that states a figure"
    assert_traceable(d)


def test_a_table_that_splits_a_row_is_drafted_with_that_row(tmp_path: Path) -> None:
    """A small table whose lead-in names a row of the table above ('The minimum CCG contribution has two
    mandated spend areas:') gives that row's parts, from the column of the same name."""
    a = assistant_over(tmp_path, "alloc.txt",
        "2. Funding allocations\n\n"
        "The overall allocations as follows:\n\n"
        "\t18/19 allocation\t19/20 allocation\n"
        "Minimum CCG Contribution\t£28,458,394\t£30,105,514\n"
        "DFG\t£3,320,891\t£3,583,439\n"
        "Total\t£31,779,285\t£33,688,953\n\n"
        "The minimum CCG contribution has two mandated spend areas:\n\n"
        "\t18/19 allocation\t19/20 allocation\n"
        "ASC spend\t£9,535,348\t£10,087,237\n"
        "Out of hospital spend\t£8,087,068\t£8,561,108\n\n"
        "3. Governance\n\nThe board meets monthly.\n")
    d = a.draft("Draft a 100-word summary of the 2019-20 funding allocations for section 2 (Funding allocations).")
    sentence_with(d, "Minimum CCG Contribution", "£30,105,514", "£28,458,394", "+£1,647,120", "+5.8%",
                  "ASC spend £10,087,237", "out of hospital spend £8,561,108")
    assert_traceable(d)


def test_this_and_it_come_with_what_they_point_at_and_no_half_sentences(tmp_path: Path) -> None:
    """'This scheme commenced in Q4 2016/17' is drafted with the sentence that names the scheme; the end of
    a sentence broken across a page is never drafted alone, only whole."""
    a = assistant_over(tmp_path, "dtoc.txt",
        "National Condition 4: Managing transfers of care\n\n"
        "Delayed transfers of care rose in 2016/17. Our key scheme for delayed transfers of care is Home "
        "First, which moves patients home as soon as they are medically stable. This scheme commenced in "
        "Q4 2016/17 to reduce delayed transfers of care.\n\n"
        "Delayed transfers of care targets were set at a time of exceptional performance so it was only in "
        "December 2018 that\n\n"
        "the area hit the delayed transfers of care target it had been set. This target of 31.8 days delayed "
        "remains in place for 2019-20.\n\n"
        "Governance\n\nThe board meets monthly.\n")
    d = a.draft('Draft a 90-word summary of delayed transfers of care for the "National Condition 4" section.')
    sentences = [s.text for sec in d.sections for s in sec.sentences]
    started = [t for t in sentences if "This scheme commenced" in t]
    assert started and all("Our key scheme for delayed transfers of care is Home First" in t for t in started)
    assert not any(t.startswith(("The area hit", "This target")) for t in sentences)
    whole = [t for t in sentences if "it had been set" in t]
    assert whole and all(t.startswith("Delayed transfers of care targets were set") for t in whole)
    assert_traceable(d)


def test_a_draft_follows_the_order_of_its_sources(tmp_path: Path) -> None:
    """Sentences are in the section's own order, whatever order they were chosen in: the table's figures
    where the table is, total first."""
    a = assistant_over(tmp_path, "respite.txt",
        "4. Respite care\n\n"
        "Respite care gives carers a break of a few days to a few weeks.\n\n"
        "Respite spending in 2022-23 is set out below.\n\n"
        "Service\t2021-22\t2022-23\n"
        "Respite beds\t£310,000\t£350,000\n"
        "Day respite\t£120,000\t£115,000\n"
        "Total\t£430,000\t£465,000\n\n"
        "Demand for respite beds rose by 12% in 2022, so two more beds will open in June 2023.\n\n"
        "5. Governance\n\nThe board meets monthly.\n")
    d = a.draft("Draft a 90-word summary of respite care spending and demand in 2022-23.")
    sentences = [x for sec in d.sections for x in sec.sentences]
    lines = [x.citations[0].line_start for x in sentences]
    assert lines == sorted(lines)
    texts = [x.text for x in sentences]
    at = {f: next(i for i, t in enumerate(texts) if f in t) for f in ("£465,000", "12%")}
    assert at["£465,000"] < at["12%"]  # the table comes before the paragraph under it
    assert_traceable(d)


def test_a_section_named_in_lower_case_is_the_one_whose_heading_it_is(tmp_path: Path) -> None:
    """'the delayed transfers of care section' scopes the draft to '12. Delayed transfers of care', not to
    '3.6 Review of delayed transfers of care performance', which only holds the name."""
    a = assistant_over(tmp_path, "plan.txt",
        "3. Progress to date\n\n"
        "3.6 Review of delayed transfers of care performance:\n\n"
        "Delayed transfers of care were under-reported in 2016-17 by the hospital.\n\n"
        "12. Delayed transfers of care\n\n"
        "Planning for delayed transfers of care in 2017/18 has been produced with our partners.\n\n"
        "A baseline for delayed transfers of care has been estimated from the Q4 returns.\n\n"
        "13. Approval and sign off\n\n"
        "The plan was approved by the board.\n")
    d = a.draft("Draft a 40-word summary of the delayed transfers of care section of the plan.")
    assert [s.heading for s in d.sections] == ["Delayed transfers of care"]
    lines = {c.line_start for s in d.sections[0].sentences for c in s.citations}
    assert {9, 11} <= lines, lines  # the named section's own sentences, whatever else is drafted


def test_the_name_of_the_plan_is_not_the_topic_of_the_draft(tmp_path: Path) -> None:
    """'… of the Avonshire plan' picks the plan; the draft is then about the rest of the request, so an
    introduction that repeats the plan's name does not outrank the section asked for."""
    from assistant.draft import _without_names

    a = assistant_over(tmp_path, "plan.txt",
        "Avonshire Better Care Fund\n\n"
        "1. Introduction\n\n"
        "Avonshire Council and Avonshire CCG are proud to present the Avonshire plan for the people of "
        "Avonshire, building on the Avonshire plans of 2014 and 2016.\n\n"
        + "".join(f"1.{i} Avonshire area {i}\n\nAvonshire locality {i} has its own community team.\n\n"
                  for i in range(1, 6)) +
        "2. Carers\n\n"
        "Carers are supported by a new service in every locality.\n\n"
        "The carers' service is funded by the Better Care Fund.\n")
    assert _without_names("carers Avonshire's", a.default_answerer) == "carers"
    assert _without_names("Better Care Fund carers", a.default_answerer) == "Better Care Fund carers"
    d = a.draft("Draft a 20-word summary of carers support in the Avonshire plan.")
    assert "proud to present" not in to_markdown(d, footnotes=False)


def test_a_draft_on_a_few_rows_of_a_long_table_takes_only_those_rows(tmp_path: Path) -> None:
    """A draft on 'Home First' uses the Home First rows of the schemes table, not its largest rows, its
    biggest mover or its total, which are about everything else."""
    a = assistant_over(tmp_path, "schemes.txt",
        "4. Better Care Fund schemes\n\n"
        "Scheme expenditure:\n\n"
        "Scheme\t2017/18 Expenditure\t2018/19 Expenditure\n"
        "Fair Price of Care\t£545,000\t£200,000\n"
        "Falls Response Service\t£224,500\t£228,766\n"
        "Community equipment\t£900,000\t£910,000\n"
        "Carers support\t£300,000\t£305,000\n"
        "Home First Pathway One\t£253,934\t£253,934\n"
        "Home First Pathway Three (Beds)\t£253,500\t£338,000\n"
        "Total\t£2,476,934\t£2,235,700\n\n"
        "The Home First service supports patients to return home with reablement.\n")
    d = a.draft("Draft a 60-word summary of the Home First service.")
    text = to_markdown(d, footnotes=False).split("### Key figures")[0]
    sentence_with(d, "Home First Pathway Three (Beds)", "£338,000", "£253,500")
    sentence_with(d, "Home First Pathway One", "£253,934")
    for other in ("Fair Price of Care", "Community equipment", "Total"):
        assert other not in text, other
    assert_traceable(d)


def test_a_heading_spelt_out_in_the_request_scopes_it_and_repeats_are_dropped(tmp_path: Path) -> None:
    """'a summary of the vision for integrated care' names the section 'Vision for integrated care in
    Avonshire' without saying 'section'; a sentence quoted again inside a longer one is not drafted twice."""
    from assistant.draft import _repeats
    from assistant.query import content_terms

    a = assistant_over(tmp_path, "strategy.txt",
        "Glossary\n\nCare is what we give to people who need it, and integrated care joins it up.\n\n"
        "Vision for integrated care in Avonshire\n\n"
        "Commissioners have signed up to deliver the vision of integrated care for older people.\n\n"
        "Older people will be the primary focus of services.\n\n"
        "Operating model\n\nThe operating model has three tiers of care.\n")
    d = a.draft("Draft a 30-word summary of the vision for integrated care for older people in Avonshire.")
    assert [s.heading for s in d.sections] == ["Vision for integrated care in Avonshire"]
    assert "three tiers" not in to_markdown(d, footnotes=False)
    short = set(content_terms("The vision of the system is 'Everyone working together for happier lives'."))
    longer = set(content_terms("The vision of the system is 'Everyone working together for happier lives' and "
                               "the purpose of this plan is to set out how we will deliver it over five years."))
    assert _repeats(short, longer) and not _repeats(short, set(content_terms("Older people come first.")))


def _model_reply(good: int, bad: list[str]):  # type: ignore[no-untyped-def]
    """A stand-in model: restates the first `good` passages and figures it is given, with their ids, then
    adds the `bad` sentences."""
    import re as _re

    def reply(system: str, prompt: str) -> str:
        assert "Write the section" in prompt and "never calculate" in prompt
        out = []
        for pid, text in _re.findall(r"\[(P\d+)\] \([^)]*\)\n([^\n]+)", prompt)[:good]:
            out.append(f"{text.replace(' | ', ' ').rstrip('.:')}. [{pid}]")
        for fid, value, what in _re.findall(r"\[(F\d+)\] ([^=\n]+) = [^\n]*\(([^()\n]*)\)\n", prompt)[:1]:
            out.append(f"The {what} is {value.strip()}. [{fid}]")
        return " ".join(out + bad)
    return reply


def test_a_draft_written_by_a_model_is_verified_sentence_by_sentence(settings: Settings,
                                                                       fixture_index: Index) -> None:
    from assistant.llm import FakeLLM

    fake = FakeLLM(_model_reply(6, ["The grant will double to £9,999,999 next year. [P1]",
                                    "Everyone welcomed the allocation. [P99]"]))
    a = Assistant(settings, index=fixture_index, llm=fake)
    d = a.draft("Draft a 60-word summary of the 2019-20 funding allocations.")
    assert fake.calls and d.mode == "llm:fake"
    text = to_markdown(d)
    assert "9,999,999" not in text and "Everyone welcomed" not in text
    assert any("2 sentence(s) of the model's draft were removed" in n for n in d.notes) and "### Notes" in text
    sentences = [s for sec in d.sections for s in sec.sentences]
    assert sentences and all(s.citations for s in sentences)
    (total,) = [s for s in sentences if s.text.startswith("The Total, 19/20 allocation is £15,381,000")]
    assert total.figures and total.citations[0].quote.startswith("Total"), "a figure is cited by its row"
    assert_traceable(d)


def test_a_model_that_fails_or_writes_nothing_verifiable_leaves_the_extractive_draft(
        settings: Settings, fixture_index: Index) -> None:
    from assistant.errors import LLMError
    from assistant.llm import FakeLLM

    request = "Draft a 60-word summary of the 2019-20 funding allocations."
    plain = Assistant(settings, index=fixture_index).draft(request)
    for llm, why in ((FakeLLM([LLMError("connection refused")]), "could not be used"),
                     (FakeLLM(["It rose a lot. [P99] Funding is £1 billion. [P1]"]), "could not be verified")):
        d = Assistant(settings, index=fixture_index, llm=llm).draft(request)
        assert d.mode == "extractive" and any(why in n for n in d.notes)
        assert [s.text for sec in d.sections for s in sec.sentences] == \
            [s.text for sec in plain.sections for s in sec.sentences]


def test_what_the_documents_never_mention_is_a_gap_not_padding(assistant: Assistant) -> None:
    """A topic whose words no passage uses gets no draft, only the gap; a request with such a part drafts
    the rest and names what is missing."""
    d = assistant.draft("Draft a 100-word summary of space tourism plans.")
    assert not d.sections and d.words == 0
    assert d.gaps == ["The documents do not mention space and tourism, so there is nothing to draft on space "
                      "tourism plans."]
    d = assistant.draft("Draft a 60-word summary of the DFG allocation and the telehealth robots.")
    assert d.sections and "The documents do not mention telehealth and robots." in d.gaps
    assert "DFG" in to_markdown(d) and "robot" not in " ".join(s.text for sec in d.sections for s in sec.sentences)


@pytest.mark.parametrize("request_text,title", [
    ("Draft a 150-word summary of the 2021-22 capital programme, suitable for the Finance Committee.",
     "2021-22 capital programme"),
    ("Write a short paragraph on how the Delivery Board will monitor the plan.",
     "How the Delivery Board will monitor the plan"),
    ("Please prepare a 300-word briefing for the Adult Social Care Scrutiny Panel on respite care in 2022-23.",
     "Respite care in 2022-23"),
    ("Give me an overview of the winter plan", "Winter plan"),
    ("Draft a 250-word finance narrative summarising the 2017/18 outturn.", "Finance: the 2017/18 outturn"),
])
def test_a_heading_is_a_plain_title_for_the_topic(request_text: str, title: str) -> None:
    from assistant.draft import _title, title_of

    assert _title(title_of(request_text)) == title


@pytest.mark.parametrize("request_text", [
    "Draft a 70-word summary of how the service performed against its measures in 2021-22.",
    "Write a 70-word paragraph on performance against the measures for 2021-22.",
])
def test_short_list_items_that_state_figures_are_drafted_with_their_lead_in(tmp_path: Path,
                                                                          request_text: str) -> None:
    """Short list items without a full stop ('- Falls admissions – 4.1% below plan') are what a plan's
    summary of measures is made of: they are drafted, with the line that opens their list."""
    a = assistant_over(tmp_path, "measures.txt",
        "3. Progress\n\n"
        "Throughout 2021-22 the service monitored its measures and performance against them.\n\n"
        "In summary, the measures showed:\n\n"
        "- Falls admissions – 4.1% below plan\n"
        "- Readmissions within 30 days – 12.5% above target\n"
        "- Clients very satisfied – 71.2%, same as last year\n\n"
        "4. Governance\n\nThe board meets monthly to review the plan.\n")
    d = a.draft(request_text)
    text = sentence_with(d, "4.1%", "12.5%", "71.2%")
    assert text.startswith("In summary, the measures showed:")
    (s,) = [x for sec in d.sections for x in sec.sentences if x.text == text]
    assert [c.line_start for c in s.citations] == [5, 7, 8, 9]
    assert_traceable(d)


def test_a_total_names_its_largest_part_and_unchanged_rows_are_said_together(tmp_path: Path) -> None:
    """Table figures are written as a writer would: a change as 'rises from ... to ...', the largest part
    of the total with its computed share, and the rows that did not change in one sentence."""
    a = assistant_over(tmp_path, "grants.txt",
        "2. Grant funding\n\n"
        "Grant funding for 2022-23 is set out below.\n\n"
        "Grant\t2021-22\t2022-23\n"
        "Respite grant\t£410,000\t£410,000\n"
        "Housing adaptations\t£1,250,000\t£1,400,000\n"
        "Befriending grant\t£95,000\t£95,000\n"
        "Total\t£1,755,000\t£1,905,000\n\n"
        "3. Governance\n\nThe board meets monthly.\n")
    d = a.draft("Draft a 90-word summary of grant funding for 2022-23 for section 2.")
    rise = sentence_with(d, "Housing adaptations", "£1,250,000", "£1,400,000", "+£150,000", "£1,905,000")
    assert "largest" in rise
    (s,) = [x for sec in d.sections for x in sec.sentences if x.text == rise]
    shares = [f for f in s.figures if f.op == "share"]
    assert [f.text for f in shares] == ["73.5%"]  # 1,400,000 / 1,905,000, computed, with its cells
    same = sentence_with(d, "Respite grant", "efriending grant")
    assert "£410,000" in same and "£95,000" in same and "unchanged" in same
    assert_traceable(d)


@pytest.mark.parametrize("place", ["N&VS", "B&W"])
def test_a_place_named_with_an_ampersand_is_a_name_not_an_unknown_word(tmp_path: Path, place: str) -> None:
    a = assistant_over(tmp_path, "plan.txt",
        f"{place} Better Care Plan\n\n"
        f"1. Carers\n\nIn {place} the carers service supported 1,240 carers in 2022, up from 1,100.\n")
    d = a.draft(f"Write a 40-word paragraph on support for carers in {place}.")
    assert d.sections, d.gaps
    assert "1,240" in d.text


def test_a_section_two_plans_share_says_which_plan_was_used_and_offers_the_other(tmp_path: Path) -> None:
    from assistant.index import load_index, sync

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "north.txt").write_text(
        "Northshire Health and Wellbeing Board: Better Care Plan 2022-23\n\n3. Carers support\n\n"
        "Northshire funds a carers hub that supported 1,240 carers in 2022, with respite for 310 of them.\n\n"
        "4. Governance\n\nThe board of Northshire meets monthly.\n\n5. Housing\n\nHomes in Northshire are adapted.\n\n"
        "6. Workforce\n\nStaff in Northshire are trained.\n\n7. Risks\n\nRisks for Northshire are reviewed.\n\n"
        "8. Sign off\n\nThe plan for Northshire is signed off.\n",
        encoding="utf-8")
    (corpus / "south.txt").write_text(
        "Southvale Health and Wellbeing Board: Better Care Plan 2022-23\n\n3. Carers support\n\n"
        "Southvale commissions carers assessments from the council, 560 in 2022.\n\n"
        "4. Governance\n\nThe board of Southvale meets quarterly.\n\n5. Housing\n\nHomes in Southvale are adapted.\n\n"
        "6. Workforce\n\nStaff in Southvale are trained.\n\n7. Risks\n\nRisks for Southvale are reviewed.\n\n"
        "8. Sign off\n\nThe plan for Southvale is signed off.\n",
        encoding="utf-8")
    s = Settings(corpus=corpus, index_dir=tmp_path / "index", min_confidence=0.0)
    sync(s, progress=False)
    a = Assistant(s, index=load_index(s))
    d = a.draft('Draft a 40-word summary for the "Carers support" section.')
    cited = {c.doc for sec in d.sections for x in sec.sentences for c in x.citations}
    assert len(cited) == 1
    (used,) = cited
    other = "Southvale" if used == "north.txt" else "Northshire"
    (note,) = [n for n in d.notes if "More than one plan" in n]
    assert other in note and ("Northshire" if other == "Southvale" else "Southvale") in note
    named = a.draft('Draft a 40-word summary of the Southvale plan for the "Carers support" section.')
    assert {c.doc for sec in named.sections for x in sec.sentences for c in x.citations} == {"south.txt"}
    assert not [n for n in named.notes if "More than one plan" in n]


@pytest.mark.parametrize("request_text, kept", [
    ("Draft a 150-word summary of how the delivery board will oversee the plan.", {"board", "delivery", "plan"}),
    ("Write a short paragraph on the plan's delivery milestones for the Finance Committee.", {"delivery", "plan's"}),
    ("Draft a 180-word overview of board governance, suitable for the Wellbeing Partnership.", {"board"}),
])
def test_the_topic_keeps_every_word_that_is_not_about_drafting(request_text: str, kept: set[str]) -> None:
    from assistant.draft import topic_of

    words = set(topic_of(request_text).lower().split())
    assert kept <= words, words
    assert not words & {"draft", "write", "summary", "overview", "paragraph", "150-word", "suitable", "committee",
                        "wellbeing"}, words


@pytest.mark.parametrize("request_text, topic", [
    ("Draft a 50-word note on how the discharge hub worked in Kingsmead.", "how discharge hub worked in Kingsmead"),
    ("Write a briefing on carers respite funding.", "carers respite funding"),
    ("Prepare a short update about the falls service, suitable for the Board.", "about falls service"),
    ("Draft a 120-word financial summary of the winter schemes.", "financial winter schemes"),
])
def test_the_drafting_frame_goes_whatever_kind_of_text_it_asks_for(request_text: str, topic: str) -> None:
    from assistant.draft import topic_of

    assert topic_of(request_text) == topic


@pytest.mark.parametrize("request_text, words, audience, number, names, periods", [
    ("Draft a 180-word summary of the 2022-23 carers grants for the plan's section 4 (Carers Grants), "
     "suitable for the Adult Social Care Board.", 180, "the Adult Social Care Board", "4",
     ("carers grants",), ("2022-23",)),
    ('Write a 120-word paragraph for the Finance Committee on the "Savings plan" section.', 120,
     "the Finance Committee", None, ("savings plan",), ()),
    ("Draft a short overview of carers support in 2022-23.", 200, None, None, (), ("2022-23",)),
])
def test_a_request_is_read_into_length_audience_section_and_periods(assistant: Assistant, request_text: str,
                                                                    words: int, audience: str | None,
                                                                    number: str | None, names: tuple[str, ...],
                                                                    periods: tuple[str, ...]) -> None:
    from assistant.draft import read_request

    r = read_request(request_text, assistant.default_answerer)
    assert (r.words, r.audience, r.section_number, r.section_names, r.periods) == (
        words, audience, number, names, periods)
    assert "draft" not in r.topic.lower() and "word" not in r.topic.lower()


def test_a_list_of_figures_under_a_drafted_paragraph_is_drafted_as_its_detail(tmp_path: Path) -> None:
    """The list under a paragraph ('The year's results were: ...') is the paragraph's detail even when its
    items share no word with the request; a sub-heading item ('Local measures:') opens its own items."""
    a = assistant_over(tmp_path, "dash.txt",
        "3. Progress to date\n\n"
        "Throughout 2021-22 a dashboard tracked performance against the national and local metrics of the "
        "plan. It is reviewed by the board every quarter.\n\n"
        "The year's results were:\n\n"
        "National measures:\n\n"
        "- Hospital stays – 3.1% below plan\n"
        "- Care home moves – 14.0% above target\n\n"
        "Local measures:\n\n"
        "- Carers reached – 1,150, above target\n\n"
        "4. Workforce\n\nRecruitment of metric analysts continues across all teams of the council.\n")
    d = a.draft("Draft a 90-word summary of 2021-22 performance against the national and local metrics.")
    text = sentence_with(d, "3.1%", "14.0%", "1,150")
    assert "National measures: Hospital stays" in text and "; Local measures: Carers reached" in text
    (s,) = [x for sec in d.sections for x in sec.sentences if x.text == text]
    assert s.citations[0].line_start == 5  # the lead-in line, then the items
    assert_traceable(d)


def test_a_series_table_gives_its_total_its_biggest_and_its_fastest_mover(tmp_path: Path) -> None:
    """Of a projection table, a short draft gives the total, the largest row, the biggest change and the
    fastest relative change (a small group that more than doubles), each with its computed change."""
    a = assistant_over(tmp_path, "pop.txt",
        "2. Our population\n\n"
        "Projected population aged 65 and over:\n\n"
        "Age group\t2020\t2035\n"
        "65-74\t41,000\t47,500\n"
        "75-84\t27,400\t36,900\n"
        "85-89\t6,200\t9,300\n"
        "90 and over\t2,100\t4,800\n"
        "Total 65 and over\t76,700\t98,500\n\n"
        "3. Governance\n\nThe board meets monthly.\n")
    d = a.draft("Draft a 70-word summary of the projected population aged 65 and over for section 2.")
    sentence_with(d, "76,700", "98,500", "+21,800")  # the total
    sentence_with(d, "41,000", "47,500")  # the largest group
    sentence_with(d, "27,400", "36,900", "+9,500")  # the biggest change
    sentence_with(d, "2,100", "4,800", "+128.6%")  # the fastest change
    body = d.text.split("### Key figures")[0]
    assert "85-89" not in body or body.index("90 and over") < body.index("85-89")  # the rest only after
    assert_traceable(d)


def test_a_series_beside_a_baseline_and_a_target_is_set_against_them_with_its_peak(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "kpi.txt",
        "6. Falls service indicators\n\n"
        "Measure\tBaseline\tTarget\tApr\tMay\tJun\tJul\tAug\tSep\n"
        "Falls responses within two hours\t310\t350\t298\t322\t371\t344\t336\t340\n"
        "Conveyances to hospital avoided\t120\t140\t101\t118\t126\t131\t122\t129\n\n"
        "7. Governance\n\nThe board meets monthly.\n")
    d = a.draft("Draft a 60-word summary of the falls service indicators for section 6.")
    text = sentence_with(d, "Falls responses", "298", "340", "310", "350", "371")
    assert "baseline 310" in text.lower() and "target 350" in text.lower() and "highest 371" in text
    assert_traceable(d)


@pytest.mark.parametrize("topic,parts", [
    ("who is being seen in the community hubs and how stakeholders were engaged",
     ("who is being seen in the community hubs", "how stakeholders were engaged")),
    ("the reablement service and the community equipment budget for 2020-21",
     ("the reablement service", "the community equipment budget for 2020-21")),
    ("staffing pressures, the estates strategy and what the patients told us",
     ("staffing pressures", "the estates strategy", "what the patients told us")),
    ("performance against the national and local metrics", ()),
    ("the expected benefits and costs of team integration", ()),
    ("the Health and Wellbeing Board's priorities", ()),
])
def test_a_topic_is_read_into_the_things_it_joins(topic: str, parts: tuple[str, ...]) -> None:
    assert parts_of(topic) == parts


def test_a_request_about_two_things_drafts_both_and_no_pointers(tmp_path: Path) -> None:
    a = assistant_over(tmp_path, "hubs.txt",
        "4. Community hubs\n\n"
        "Patients seen at the hubs are mostly older people referred by their GP from home.\n"
        "Most patients attending the hubs were seen only once by the assessment service.\n"
        "The hubs also host falls clinics and frailty reviews for people living with dementia.\n\n"
        "7. Engagement\n\n"
        "Stakeholders were engaged through workshops held in six market towns during the spring.\n"
        "Please see Appendix 3 for the full stakeholder engagement report.\n"
        "Stakeholder feedback on the engagement workshops was broadly positive about the model.\n\n"
        "9. Estates\n\nThe estates strategy is refreshed every year by the estates team.\n")
    d = a.draft("Draft a 40-word summary of who is seen at the hubs and how stakeholders were engaged.")
    lines = {c.line_start for sec in d.sections for x in sec.sentences for c in x.citations}
    assert lines & {3, 4, 5} and lines & {9, 11}, lines  # each part has its sentences
    assert 10 not in lines, "a sentence that only points elsewhere is not drafted"
    assert_traceable(d)






def _passage(doc: str, start: int, end: int, kind: str = "text", heading: tuple[str, ...] = ("7. Winter",)) -> Passage:
    return Passage(f"p-{doc}-{start}", doc, None, start, end, "text", heading, kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("ranked, window", [
    # the best passages gather in one stretch (each within FOCUS_REACH lines of the next): that stretch
    ([(900, 905, 0.3), (910, 918, 0.3), (930, 931, 0.25), (120, 121, 0.1), (2400, 2402, 0.1)], (900, 931)),
    # the same, with a table row among them (not text: it does not count) and another document's passage
    ([(40, 44, 0.4), (1500, 1500, 0.3, "row"), (60, 70, 0.3), ("other.txt", 40, 50, 0.2), (75, 80, 0.2)], (40, 80)),
    # spread over the document: no one place is the topic
    ([(100, 104, 0.2), (600, 610, 0.2), (1200, 1203, 0.2), (1800, 1805, 0.2), (2600, 2601, 0.2)], None),
])
def test_a_draft_stays_where_the_best_passages_gather(ranked: list[tuple], window: tuple[int, int] | None) -> None:
    cands = []
    for spec in ranked:
        doc, rest = (spec[0], spec[1:]) if isinstance(spec[0], str) else ("plan.txt", spec)
        start, end, score, *kind = rest
        cands.append((_passage(doc, start, end, *kind), score))
    focus = _focus(cands)
    if window is None:
        assert focus is None
        return
    assert focus == Focus("plan.txt", window[0] - FOCUS_REACH, window[1] + FOCUS_REACH, frozenset({"7. Winter"}))
    assert focus.holds("plan.txt", window[1] + 5) and not focus.holds("plan.txt", window[1] + FOCUS_REACH + 1)
    assert not focus.holds("other.txt", window[0])
    # lines near it in the next chapter are not where the topic is
    assert focus.holds("plan.txt", window[1] + 5, 0, ("7. Winter", "Beds")) and \
        not focus.holds("plan.txt", window[1] + 5, 0, ("8. Estates",))


@pytest.mark.parametrize("request_text", [
    "Draft a 60-word paragraph on what we can learn from the Kingsmead integrated care model.",
    "Write a short summary of the Kingsmead experience of integrated care teams.",
    "Draft a 50-word note on how the integrated care model worked in Kingsmead.",
])
def test_a_draft_is_written_from_the_plan_that_has_the_topics_rarest_words(tmp_path: Path, request_text: str) -> None:
    """Asked of several plans, a draft comes from the one whose best passages hold the request's telling
    word ('Kingsmead'), not from the longer one that says 'integrated care model' more often."""
    from assistant.index import load_index, sync

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(
        "Eastmoor Better Care Plan\n\n" + "".join(
            f"{i}. Integrated care area {i}\n\nOur integrated care model for area {i} brings integrated care "
            f"teams together; the integrated care model is reviewed by the integrated care board each year.\n\n"
            for i in range(1, 13)), encoding="utf-8")
    (corpus / "short.txt").write_text(
        "Westfield Better Care Plan\n\n1. Housing\n\nHomes are adapted for older people.\n\n"
        "2. Experience from elsewhere\n\nKingsmead set up three integrated care teams in 2013.\n\n"
        "In Kingsmead, 64% of people needed no further services, and care home admissions fell by 7%.\n\n"
        "3. Workforce\n\nStaff are trained in every locality.\n", encoding="utf-8")
    s = Settings(corpus=corpus, index_dir=tmp_path / "index", min_confidence=0.0)
    sync(s, progress=False)
    a = Assistant(s, index=load_index(s))
    d = a.draft(request_text)
    assert {c.doc for sec in d.sections for x in sec.sentences for c in x.citations} == {"short.txt"}
    assert "64%" in to_markdown(d, footnotes=False)


@pytest.mark.parametrize("request_text", [
    'Draft a 60-word summary of the "Winter funding" section.',
    "Write a 60-word paragraph for the Winter funding section.",
    'Prepare a 60-word overview of the plan\'s "Winter funding" section.',
])
def test_a_named_section_is_drafted_from_its_own_sentences_and_figures_first(tmp_path: Path,
                                                                            request_text: str) -> None:
    """The section the request names gives the prose and then its table's figures; sentences elsewhere that
    use the same words ('winter', 'funding') come in only when the section and its figures fall short."""
    a = assistant_over(tmp_path, "plan.txt",
        "1. Introduction\n\n"
        "Carers told us that short respite breaks for carers matter most to them.\n\n"
        "Winter funding pressures are felt across the county every year.\n\n"
        "Winter funding was discussed with partners at several winter planning events.\n\n"
        "The board asked for winter funding reports at each winter meeting.\n\n"
        "2. Winter funding\n\n"
        "The winter grant pays for extra home care and discharge support.\n\n"
        "Scheme\t2022-23\t2023-24\n"
        "Home care\t£410,000\t£455,000\n"
        "Discharge support\t£220,000\t£240,000\n"
        "Total\t£630,000\t£695,000\n\n"
        "3. Carers\n\n"
        "Carers are supported by a new service in every locality.\n")
    d = a.draft(request_text)
    lines = {c.line_start for sec in d.sections for x in sec.sentences for c in x.citations}
    assert lines and min(lines) >= 11, lines  # nothing from the introduction
    assert "£695,000" in to_markdown(d, footnotes=False)
    assert_traceable(d)
    short = a.draft(request_text.replace("Winter funding", "Carers"))
    # a section of one sentence and no figures: what the rest of the plan says about carers fills it out
    lines = {c.line_start for sec in short.sections for x in sec.sentences for c in x.citations}
    assert {3, 22} <= lines, lines


def _day_centres() -> str:
    """A made-up plan whose outcomes section uses 'day centres' beside figures, again and again; another,
    far from it, has the heading that says who attends them, and its sentences do not repeat the words."""
    filler = "Roads and bridges\n\n" + "".join(f"Paragraph {i} of the plan is about the budget for roads and "
                                              "bridges.\n\n" for i in range(25))
    return ("Northvale community plan\n\n"
            "What the day centres achieved\n\n"
            "People who use the day centres had 18% fewer falls than the year before.\n\n"
            "Day centres are used by 310 people, and the day centres use 5 minibuses.\n\n"
            "People who use day centres stayed at home 40 days longer on average.\n\n"
            "Day centre use rose by 9% after the day centres opened at weekends.\n\n"
            f"{filler}"
            "Who attends the centres?\n\n"
            "Most people attending are referred by their social worker after an assessment at home.\n\n"
            "64% of people attend twice a week or more, and only 12 people attending are under 65.\n\n"
            f"{filler}"
            "How carers were consulted\n\n"
            "The team held 6 workshops attended by 140 carers, and a survey had 95 replies.\n\n"
            f"{filler}")


@pytest.mark.parametrize("topic,first", [
    ("who attends the day centres", 65), ("who attends our day centres", 65),
    ("the people who attend the centres", 65), ("how carers were consulted", 123), ("carers consulted", 123),
    ("what the day centres achieved", 3), ("the budget for roads", None), ("day centres", None),
])
def test_a_heading_that_restates_the_request_is_where_the_draft_comes_from(tmp_path: Path, topic: str,
                                                                           first: int | None) -> None:
    """A heading whose every word is asked, and which says most of what is asked (by weight), is where the
    topic is ('Who attends the centres?' for who attends the day centres); a topic no heading restates, or
    that several headings share a word of ('day centres'), has no such place."""
    from assistant.draft import Drafter

    a = assistant_over(tmp_path, "northvale.txt", _day_centres())
    focus = Drafter(a.default_answerer)._heading_focus(topic, None)
    if first is None:
        assert focus is None or not focus.named
    else:
        assert focus is not None and focus.named and focus.first == first
    d = a.draft(f"Draft a 50-word summary of {topic}.")
    assert_traceable(d)


@pytest.mark.parametrize("request_text", [
    "Draft a 60-word summary of who uses the day centres and how carers were consulted.",
    "Write a 60-word paragraph on who uses the day centres, and how carers were consulted.",
    "Draft a 60-word summary of how carers were consulted and who uses the day centres.",
])
def test_a_request_joining_two_things_is_not_scoped_to_the_heading_of_one(tmp_path: Path, request_text: str) -> None:
    """'Who uses the day centres' spells out a heading, but the request asks about carers too: both parts are
    drafted, each from its own section."""
    a = assistant_over(tmp_path, "northvale.txt", _day_centres().replace("Who attends the centres?",
                                                                         "Who uses the day centres?"))
    text = to_markdown(a.draft(request_text), footnotes=False).split("### Sources")[0]
    assert "64%" in text and "140 carers" in text, text
