"""A paper's cover sheet and a meeting's minutes give their facts as entries: a field's name, a colon and its value
('Author: ...', 'Apologies: ...', 'Executive sponsor: ...'). Such a line is what a question asks about (who wrote
the paper, who sent apologies), never the title of the text after it; a numbered or captioned line with a colon
('Priority 2: Prevention', 'Table 3: ...') still is a heading or a caption. Every document here is made up."""

from __future__ import annotations

import pytest

from assistant.ingest import read
from assistant.layout import segment

from .conftest import assistant_over

MINUTES = """Ashcombe Joint Commissioning Board

Minutes of the meeting held on 3 March 2027

Apologies: Rachel Moore (Director of Finance, Ashcombe ICB)

Present: Cllr David Lunn (Chair), Sarah Fenwick, Imran Qureshi

Vice Chair: Sarah Fenwick

Independent Chair: Professor Alan Reyes

1. Carers strategy

The Board approved the refreshed carers strategy, which will fund 400 more short breaks a year.

Priority 2: Prevention

The Board agreed to fund a falls prevention pilot in two care homes from June 2027.

Report author: Lucy Barnes, Commissioning Manager
Executive sponsor: Imran Qureshi, Director of Adult Social Care
"""


def _headings(tmp_path) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    doc = read(path)
    return [b.heading for b in segment(doc) if getattr(b, "heading", None)] + [
        ln.text for b in segment(doc) if b.kind.startswith("heading") for ln in b.lines(doc)]


def test_a_field_and_its_value_is_no_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    headings = " | ".join(map(str, _headings(tmp_path)))
    for entry in ("Apologies:", "Report author:", "Executive sponsor:", "Vice Chair:", "Independent Chair:"):
        assert entry not in headings, headings
    assert "Priority 2: Prevention" in headings


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("fields"), "minutes.txt", MINUTES)


def _line(start: str) -> int:
    return next(i for i, ln in enumerate(MINUTES.splitlines(), 1) if ln.startswith(start))


@pytest.mark.parametrize("question,line", [
    ("Who sent apologies?", "Apologies:"),
    ("Who gave apologies for the meeting?", "Apologies:"),
    ("Who is the report author?", "Report author:"),
    ("Who is the executive sponsor?", "Executive sponsor:"),
])
def test_a_question_about_an_entry_is_answered_from_it(minutes, question: str, line: str) -> None:
    ans = minutes.ask(question)
    assert ans.answered, ans.text
    assert any(c.line_start <= _line(line) <= (c.line_end or c.line_start) for c in ans.citations), ans.text


INSPECTION = """Larchfield Court Nursing Home
Inspection report summary
Registered provider: Maple Leaf Care Ltd
Date of inspection: 4 and 5 June 2026
Date of publication: 21 July 2026

Overall rating: Good

Ratings by key question
Key question\tRating\tPrevious rating (2023)
Is the service safe?\tGood\tRequires improvement
Is the service caring?\tGood\tOutstanding
Is the service well-led?\tRequires improvement\tGood

What we found
Staff knew people well and care plans were up to date. The home had not told us about two incidents in April.
"""


def test_a_reports_entries_are_entries_one_to_a_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "inspection.txt"
    path.write_text(INSPECTION, encoding="utf-8")
    doc = read(path)
    headings = [ln.text for b in segment(doc) if b.kind.startswith("heading") for ln in b.lines(doc)]
    assert "Overall rating: Good" not in headings and "Ratings by key question" in headings


@pytest.fixture(scope="module")
def inspection(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return assistant_over(tmp_path_factory.mktemp("inspection"), "inspection.txt", INSPECTION)


@pytest.mark.parametrize(("question", "said"), [
    ("Who is the registered provider of Larchfield Court?", "Maple Leaf Care"),
    ("What was the caring rating at the previous inspection?", "Outstanding"),
    ("How was the home rated for being well-led at the previous inspection?", "Good"),
])
def test_an_inspections_facts(inspection, question: str, said: str) -> None:
    ans = inspection.ask(question)
    assert ans.answered and said in ans.text, ans.text


def test_entries_are_quoted_one_at_a_time(inspection) -> None:
    ans = inspection.ask("Who is the registered provider of Larchfield Court?")
    assert "Date of inspection" not in ans.text, ans.text
