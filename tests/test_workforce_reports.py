"""Questions asked of workforce and service reports: a short heading set straight above a short lead-in ('Our
priorities' / 'We will:') heads the list; a figure whose column's name holds an operation word ('Average weekly
hours') looked up is the answer to a question that says that name, given with confidence; rows that say a phrase
of the question word for word ('nursing home beds' of two 'Nursing home ...' rows) are what a total of it adds up.
Every document here is made up; each mechanism is asked in several phrasings."""

from __future__ import annotations

import pytest

from .conftest import assistant_over

REPORT = """Westholm Council
Children's and adults' social work workforce, annual report 2026

Table 1: Social work teams, March 2026
Team\tSocial workers\tCaseload per worker\tAverage weekly hours
Nursing home reviews north\t14\t22\t35.5
Nursing home reviews south\t11\t19\t36.0
Hospital discharge\t18\t16\t37.0
Learning disability\t9\t25\t34.0

Our priorities for 2026/27
We will:
- recruit 12 newly qualified social workers through the assessed year programme
- open a practice hub in the town centre
- cut agency social workers to under 10% of posts
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("workforce"), "workforce.txt", REPORT)


@pytest.mark.parametrize("question", [
    "What are the council's priorities for 2026/27?",
    "What are the priorities for 2026/27?",
    "What priorities does the report set for 2026/27?",
])
def test_a_heading_over_a_short_lead_in_heads_its_list(report, question: str) -> None:
    ans = report.ask(question)
    assert ans.answered and "practice hub" in ans.text and "agency social workers" in ans.text, ans.text
    lines = {c.line_start for c in ans.citations}
    assert {_line("We will:"), _line("- open a practice hub")} <= lines


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(REPORT.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize(("question", "value"), [
    ("What are the average weekly hours in the hospital discharge team?", "37.0"),
    ("What is the average weekly hours figure for the learning disability team?", "34.0"),
])
def test_a_figure_named_by_an_operation_word_is_given(report, question: str, value: str) -> None:
    ans = report.ask(question)  # (the cell of 'Average weekly hours', not an average worked out)
    assert ans.answered and value in ans.text and ans.state.get("op") == "lookup", ans.text


@pytest.mark.parametrize("question", [
    "How many nursing home social workers are there in total?",
    "How many social workers review nursing homes in total?",
    "How many social workers do the nursing home review teams have altogether?",
])
def test_a_total_of_the_rows_that_say_the_questions_phrase(report, question: str) -> None:
    ans = report.ask(question)  # 14 + 11, not every team's 52
    assert ans.answered and ans.figures and ans.figures[0].value == 25, ans.text
    assert {_line("Nursing home reviews north"), _line("Nursing home reviews south")} <= {c.line_start for c in ans.citations}


@pytest.mark.parametrize(("question", "said"), [
    ("What is the average hourly pay in domiciliary care?", "Domiciliary care (Average hourly pay) is £12.20"),
    ("What was the average length of stay on the stroke ward in 2025?", "For 2025, Stroke ward (Average length of stay) is 9.4"),
    ("What is the average caseload in the north team?", "North team (Average caseload) is 21"),
])
def test_a_lookup_whose_name_says_the_operation_does_what_is_asked(question: str, said: str) -> None:
    from decimal import Decimal

    from assistant import confidence as C
    from assistant.evidence import Evidence
    from assistant.query import understand
    from assistant.types import Figure

    q = understand(question)
    assert q.operation == "average"  # (the question model reads an average: the name says it is one, stated)
    fig = Figure(Decimal("1"), "1", "1", "a cell", None, (), "lookup")
    ev = Evidence(said, [], [fig], 1.0, 1.0, "table", {"op": "lookup"})
    assert C.features(q, ev, True)["op_agrees"] == 1.0


def _word_report(path):  # type: ignore[no-untyped-def]
    import docx

    d = docx.Document()
    d.add_heading("Westholm Council social work health check 2026", 1)
    d.add_paragraph("The health check was answered by 214 social workers, 71% of the workforce.")
    d.add_heading("Our commitments for 2026/27", 2)
    d.add_heading("We will:", 2)  # (a lead-in set in a heading's style)
    for item in ("halve the time spent on case recording", "give every team a senior practitioner",
                 "review caseloads every quarter"):
        d.add_paragraph(item, style="List Bullet")
    d.add_paragraph("Progress will be reported to the workforce board in March 2027.")
    d.save(str(path))
    return path


@pytest.mark.parametrize("question", [
    "What are the commitments for 2026/27?",
    "List the council's commitments for 2026/27.",
    "What are the council's commitments?",
])
def test_a_lead_in_in_a_headings_style_still_leads_its_list(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    from .conftest import assistant_for

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _word_report(corpus / "health_check.docx")
    ans = assistant_for(corpus, tmp_path / "index").ask(question)
    assert ans.answered and "senior practitioner" in ans.text and "case recording" in ans.text, ans.text
