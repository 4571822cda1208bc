"""Prose selection: which sentences of the retrieved passages answer a question.

- Sentences (`ProseReader.sentences`): those of the best text passages (a sentence runs on over the line
  breaks of a paragraph), and those of long text cells in table rows.
- Scoring (`ProseReader.score`): the share of the question's weight a sentence covers (with its heading's
  words, the sentence it points back at, and for a footnote the rows that carry its marker), plus a bonus for
  holding the kind of thing asked (a date, a sum of money, a reason...), for the question's word pairs and
  for its periods.
- The answer (`ProseReader.answer`): the best sentence for each part of the question, with the items of a
  list under the best lead-in for a list question.
- Quantities stated in prose, added up by the figure engine: the items of a list that each start with one
  (`list_sum`), or the amounts near the question's subject that make up the amount it asks about (`made_up`).

Drafts and claim checks read sentences and lists through the same methods (answer.Answerer's
`ranked_sentences` and `list_after`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import accumulate
from typing import Any

from . import confidence as C
from . import figures as F
from .evidence import YARDSTICK_WORDS, Evidence, Sentence, coverage, doc_margin, full_sentence, quoted
from .index import Index
from .layout import CAPTION
from .query import MOVE_WORDS, Query, content_terms, periods_in, subject_of, understand, word_pairs
from .tableqa import Matcher
from .text import LIST_ITEM, marker_kind, paragraphs, runs_on, sentence_spans, shorten, strip_marker
from .types import Cell, Citation, Figure, Passage, Row, Table
from .values import MONTH_WORDS, find_numbers, parse_cell

# a sentence that opens with a pronoun ('It now serves ...', 'Its members are ...')
_PRONOUN = r"(?:It|They|Its|Their)\s+\w"
# a sentence that names its subject only by pointing back: 'The increase was driven by ...', 'This reflects ...'
_POINTS_BACK = re.compile(r"^(?:(?:The|This|These|That|Those|Such|Each|Both)\s+(?:\w+\s+)?(?:increases?|decreases?|rises?|"
                          r"falls?|declines?|growth|changes?|reductions?|improvements?|movements?|variances?|differences?|"
                          r"savings?|overspends?|underspends?|shortfalls?|gains?|losses)\b|(?:This|These|It|They)\s+"
                          r"(?:is|was|were|are|has|have|had|reflects?|reflected|represents?|includes?|included|"
                          rf"relates?|related|resulted|results)\b|{_PRONOUN})")
_PRONOUN_OPENS = re.compile(rf"^{_PRONOUN}")
# a cover's entry of who holds a role ('Independent Chair: ...', 'Report author: ...', 'Registered provider: ...')
_ROLE_ENTRY = re.compile(r"(?i)^(?:[a-z]+[\s-]){0,2}(?:chair|author|lead|director|officer|owner|sponsor|manager|provider|"
                         r"contact|secretary|clerk|president|executive)s?\s*:\s+\S")
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|us)\b")  # the organisation whose document it is

_WANTED = {
    "date": re.compile(r"(?i)\b(19|20)\d{2}\b|\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\b|(?=\d))|"
                       r"\bmay\s*\d"),  # 'may' is a month only with a day or year: otherwise a verb
    "person": re.compile(r"\b(Dr|Cllr|Councillor|Mr|Mrs|Ms|Professor)\b|[A-Z][a-z]+ [A-Z][a-z]+"
                         r"|\b(Director|Chair|Officer|Manager|Lead)\b"),
    "weekday": re.compile(r"(?i)\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b\d{1,2}\s?(am|pm)\b"),
    # how a figure moved: 'rose by', 'fell 4%', 'an increase of', 'up from ... to', 'compared with'
    "movement": re.compile(r"(?i)\b(increase[sd]?|decrease[sd]?|rose|risen|rises?|fell|fallen|falls? by|grew|grown|grows?|"
                           r"declined?|dropped|"
                           r"improved|reduc(?:ed|tion)|higher|lower|up|down|compared (?:to|with)|from\b.*\bto)\b"),
    "frequency": re.compile(r"(?i)\b(daily|weekly|monthly|quarterly|annually|yearly|bi-monthly|fortnightly|every|"
                            r"each (week|month|year))\b"),
    # how long something takes or lasts: '38 days', 'six weeks', '12 working days'
    "duration": re.compile(r"(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*-?\s*"
                           r"(?:working\s+|calendar\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)\b"),
    # how a figure is arrived at: 'by dividing', 'calculated as', 'based on', 'measured at', 'using the'
    "method": re.compile(r"(?i)\b(by dividing|divided by|multiplied by|calculated (?:as|by|using|on|based)|computed (?:as|by|"
                         r"using|on|based)|determined (?:by|using|on|based)|based (?:up)?on|measured at|using (?:the|a|an)|"
                         r"structured to|derived (?:from|by)|estimated (?:by|using|based)|valued at|recogni[sz]ed (?:as|when|at))\b"),
    # what something is: 'represents', 'relates to', 'consists of', a footnote that explains a marked label
    "meaning": re.compile(r"(?i)^\s*(?:\(?\d{1,2}\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹])\s|\b(represents?|related to|relates? to|relating to|"
                          r"consists? of|comprises?|includes?|refers? to|means|defined as|primarily for)\b"),
    # why something happened: 'due to', 'driven by', 'as a result of', 'reflecting', 'attributable to'
    "reason": re.compile(r"(?i)\b(due (?:primarily |mainly |largely |in part )?to|driven (?:primarily |mainly |largely )?by|"
                         r"because|as a result of|(?:the )?result of|resulting from|resulted from|attributable to|"
                         r"owing to|caused by|reflect(?:s|ed|ing)?|on account of|thanks to|offset by|"
                         r"(?:primarily|mainly|largely|partly) (?:from|by|as|through))\b"),
}
# the words with which a question asks for a kind of thing: said by a sentence that holds that kind ('what caused the
# fall' by one that says 'due to'), not by the thing itself
# (the same for a method's words, 'calculated', 'determined', and a meaning's, 'represent', moved 1 dev answer and no
# check one: not kept)
# what a question asks a share of, or the rest of, a whole a sentence states with a part of it (ProseReader.part_of)
_SHARE_ASKED = re.compile(r"(?i)\b(?:what|which)\s+(?:share|proportion|percentage|fraction|per ?cent)\b")
_REST_WORDS = "not remaining rest left other others else apart except excluding outside besides"
_REST_ASKED = re.compile(rf"(?i)\b(?:{'|'.join(_REST_WORDS.split())})\b")
_HOW_MUCH_OF = re.compile(r"(?i)\bhow (?:much|many) of\b")  # 'how much of the reserves is not set aside ...': an amount
# how a sentence joins a whole and a part of it: 'X, of which Y', 'Y out of X', 'X ..., but only Y'; and
# 'Of the X ..., Y'
_WHOLE_THEN_PART = re.compile(r"(?i)[^.;:]*?\b(?:of which|of whom|of these|of this|but only|only)\s+(?:about |around |"
                              r"some |nearly |almost |just |an estimated |approximately )?")
_OF_WHICH_AFTER = re.compile(r"(?i)\s+of (?:which|whom|these|them)\b")
_PART_THEN_WHOLE = re.compile(r"(?i)\s*(?:out of|of)\s+(?:the\s+|a total of\s+|an estimated\s+)?")


# how a sentence states a figure's move from one value to another: 'rose from 640 to 712', 'fell from £3.1m in
# 2025/26 to £2.8m', 'has fallen to 9.9% from 11.4% in April', '£8.6m, up from £7.1m' (ProseReader.stated_change);
# the words between the two values may name periods, and the sentence says it moved
_MOVED = re.compile(r"(?i)\b(?:rose|risen|rises?|rising|fell|fallen|falls?|falling|increas\w*|decreas\w*|grew|grown|grows?|growing|"
                    r"drop\w*|reduc\w*|improv\w*|declin\w*|went|gone|go(?:es)?|climb\w*|jump\w*|mov\w*|chang\w*|"
                    r"shr[iu]nk\w*|expand\w*|cut|up|down)\b")
_HEDGE = r"(?:about |around |some |nearly |almost |just |over |under |approximately )?"
_FROM_BEFORE = re.compile(rf"(?i)\bfrom\s+{_HEDGE}$")
_TO_BEFORE = re.compile(rf"(?i)\bto\s+{_HEDGE}$")
# (a year, or a period or stage named by its place: 'quarter 2', 'month 7', 'Q3', the number a label, not a quantity)
_LABELS = r"(?:quarter|month|week|year|phase|stage|wave|period)"
_NUMBERED = rf"\d{{4}}(?:/\d{{2,4}})?|\b{_LABELS}\s+\d{{1,2}}\b|\bQ[1-4]\b"
_FROM_TO = re.compile(rf"(?i)(?:[^.;:\d]|{_NUMBERED}){{0,60}}?\bto\s+{_HEDGE}")
_TO_FROM = re.compile(rf"(?i)(?:[^.;:\d]|{_NUMBERED}){{0,60}}?\bfrom\s+{_HEDGE}")
# 'peaked at 2,100 hours in January and had fallen to 640 by July': where it stood, then the move and where to
_AT_BEFORE = re.compile(rf"(?i)\b(?:peaked|stood|started|began|was|were)\s+at\s+{_HEDGE}$")
_MOVE_VERBS = rf"(?:{MOVE_WORDS}|move[sd]?|moving|gone (?:up|down)|gone)"
_AT_THEN_TO = re.compile(rf"(?i)(?:[^.;:\d]|{_NUMBERED}){{0,60}}?\b{_MOVE_VERBS}\s+to\s+{_HEDGE}")
# 'This is projected to rise to 46,900 by 2030': where a figure the sentence before states is to move
_MOVE_TO_BEFORE = re.compile(rf"(?i)\b{_MOVE_VERBS}\s+to\s+{_HEDGE}$")
# '91% said ..., compared with 88% in 2024/25': the value now, then the value at an earlier time the sentence names
# (the words between may name the period of the first: '284 complaints in 2025/26, compared with 251 in 2024/25')
_COMPARED_THEN = re.compile(rf"(?i)(?:[^.;:\d]|{_NUMBERED}){{0,80}}?,?\s*compared\s+(?:with|to)\s+{_HEDGE}")
_THEN = re.compile(r"(?i)^\s+(?:(?:in|at|for|during|by|over)\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]\b|quarter|"
                   rf"{'|'.join(m[:3] for m in 'january february march april may june july august september october november december'.split())}|"
                   r"last|previous|prior|same|first|second|third|fourth)|last (?:year|month|quarter)|"
                   r"under (?:the )?(?:current|previous|old|existing|present|last)\b|the (?:year|month|quarter) before|"
                   r"(?:a|one|two|three|four|five|\d{1,2}) (?:years?|months?|quarters?) (?:ago|earlier|before))")
# '£8.6m of winter funding, up from £7.1m': the value it moved to, then the word of its move and the value it moved from
_NOW_THEN = re.compile(rf"(?i)(?:\s+(?:[^.;:\d,]|{_NUMBERED}){{0,60}}?,|,)?\s*(?:up|down)\s+from\s+{_HEDGE}")


# a question after how far a figure is from its yardstick: 'how far below the national target was performance?', 'by
# how much did agency spending undershoot its ceiling?' (ProseReader.stated_against)
_YARDSTICK_WORDS = rf"(?:{'|'.join(YARDSTICK_WORDS)})s?"
_AGAINST_ASKED = re.compile(rf"(?i)\b(?:how far|by how much|how much|how many (?:percentage )?points)\b.*\b(?P<way>below|"
                            rf"above|under|over|short of|ahead of|behind|exceed\w*|miss\w*|beat|undershoot\w*|overshoot\w*)\b"
                            rf".*\b(?P<what>{_YARDSTICK_WORDS})\b")
# a figure a sentence gives as the yardstick: 'against the national target of 78%', 'a ceiling of £2.4m', 'the 95%
# standard'
_YARDSTICK_BEFORE = re.compile(rf"(?i)\b{_YARDSTICK_WORDS}\s+(?:of|at|is|was|set at|for [\w\s]{{1,30}}? of)\s+(?:about |around )?$")
_YARDSTICK_AFTER = re.compile(rf"(?i)^\s*(?:[\w-]+\s+){{0,2}}{_YARDSTICK_WORDS}\b(?!\s+to\b)")  # (not '... are forecast to')
# a share asked of a yardstick: 'what percentage of the savings target was delivered?', 'what proportion of its plan'
_SHARE_OF_YARDSTICK = re.compile(rf"(?i)\bof (?:the |its |their |this |that )?(?:[\w'-]+ ){{0,3}}{_YARDSTICK_WORDS}\b")


def _figure_and_yardstick(text: str) -> tuple[Any, Any] | None:
    """The figure a sentence states and the yardstick it states it against, of one kind ('71.2% ..., against the
    national target of 78%'): None unless exactly one number of the kind is the yardstick and one is not."""
    nums = _quantities(text)
    for kind in ("percent", "money", "number"):
        same = [n for n in nums if n.kind == kind]
        marks = [bool(_YARDSTICK_BEFORE.search(text[:n.start]) or _YARDSTICK_AFTER.match(text[n.end:])) for n in same]
        if len(same) == 2 and sum(marks) == 1:
            return (same[1], same[0]) if marks[0] else (same[0], same[1])
    return None


def _from_and_to(text: str) -> tuple[Any, Any] | None:
    """The value a sentence says a figure moved from and the value it moved to (values.Number, of one kind), or
    None when it states no such move."""
    text = " ".join(text.split())  # (a sentence wrapped over lines)
    nums = _quantities(text)
    for a, b in zip(nums, nums[1:], strict=False):  # ('91% ..., compared with 88% in 2024/25': now, then when)
        if a.kind == b.kind and _COMPARED_THEN.fullmatch(text[a.end:b.start]) and _THEN.match(text[b.end:]):
            return b, a
    if not _MOVED.search(text):
        return None
    for a, b in zip(nums, nums[1:], strict=False):
        if a.kind != b.kind:
            continue
        between = text[a.end:b.start]
        if _FROM_BEFORE.search(text[:a.start]) and _FROM_TO.fullmatch(between) or \
                _AT_BEFORE.search(text[:a.start]) and _AT_THEN_TO.fullmatch(between):
            return a, b
        if _TO_BEFORE.search(text[:a.start]) and _TO_FROM.fullmatch(between) or _NOW_THEN.fullmatch(between):
            return b, a
    return None


def _list_cites(p: Passage, ln: Any, lead: str, items: Sequence[Any]) -> list[Citation]:
    """The citations of a list: its lead-in's line, then each item's."""
    return [Citation(p.id, p.doc, p.page, ln.no, ln.no, lead),
            *(Citation(p.id, p.doc, it.page, it.no, it.line_end or it.no, it.text) for it in items)]


_NUMBERED_LABEL = re.compile(rf"(?i)\b{_LABELS}\s+$")  # ('quarter 2': the 2 a label's)
# an age ('people aged 65 and over', 'the over-75s', '85+'): who is counted, not a count
_AGE_BEFORE = re.compile(r"(?i)\b(?:aged?|ages)\s+(?:of\s+)?(?:over\s+|under\s+)?$|\bover-$")
_AGE_AFTER = re.compile(r"(?i)^(?:\s*\+|s\b|\s+(?:years?\s+)?(?:and|or)\s+(?:over|above|older|under|younger)\b)")


def _quantities(text: str) -> list[Any]:
    """The amounts, counts and percentages a sentence states (values.Number), in order: not its years, the '26' of
    '2025/26', the numbers of labels ('quarter 2') or ages ('aged 65 and over')."""
    return [n for n in find_numbers(text) if n.kind in ("money", "number", "percent") and not _is_year(n)
            and not re.search(r"\d{4}/$", text[:n.start]) and not _NUMBERED_LABEL.search(text[:n.start])
            and not _AGE_BEFORE.search(text[:n.start]) and not _AGE_AFTER.match(text[n.end:])]


def _moved_on(before: str, text: str) -> tuple[Any, Any] | None:
    """The figure a sentence states and the one the next sentence, pointing back at it, says it is to move to
    ('There are 41,200 people aged 65 and over. This is projected to rise to 46,900 by 2030.'): one number of
    the kind in each, or None."""
    to = [n for n in _quantities(text) if _MOVE_TO_BEFORE.search(text[:n.start])]
    if len(to) != 1:
        return None
    start = [n for n in _quantities(before) if n.kind == to[0].kind]
    return (start[0], to[0]) if len(start) == 1 else None


def _is_year(n: Any) -> bool:
    """Is a number found in prose (values.Number) a year ('2026'), not an amount or a count ('2,026')?"""
    return n.kind == "number" and 1900 <= n.value <= 2100 and "," not in n.raw


def _whole_and_part(text: str) -> tuple[Any, Any] | None:
    """The whole and the part of it a sentence states, as numbers (values.Number) of one kind, the part the
    smaller; None when it states no such pair."""
    nums = [n for n in _quantities(text) if n.kind in ("money", "number")]
    for a, b in zip(nums, nums[1:], strict=False):
        between = text[a.end:b.start]
        if a.kind != b.kind or (a.scale or "") != (b.scale or ""):
            continue
        if _WHOLE_THEN_PART.fullmatch(between) or re.search(r"(?i)\bof the\s+(?:estimated\s+)?$", text[:a.start]) \
                and "," in between or re.fullmatch(r"[^.;:\d]{0,60},\s*(?:about |around |some |just )?", between) \
                and _OF_WHICH_AFTER.match(text[b.end:]):
            whole, part = a, b  # ('made 9 recommendations, 6 of which have been completed')
        elif _PART_THEN_WHOLE.fullmatch(between):
            whole, part = b, a
        else:
            continue
        if 0 < part.value < whole.value:
            return whole, part
    return None


_PERIOD_NOUNS = re.compile(r"(?i)^(years|quarters|months|weeks|days|periods)$")  # 'how many years': not a list's items
_ASKING_WORDS = {"reason": "cause caused causes reason reasons drove drives driver drivers led explain explains",
                 "duration": "long take takes took taken time last lasts",
                 # (and the paper itself: an 'Author: ...' line is of the report, the paper or the document it heads)
                 "person": "wrote written write writes authored prepared compiled produced report paper document"}
# what a sentence must say besides holding the kind asked for its asking words to be said: who wrote a paper is said
# by 'Report by: Sophie Grant' or 'Author: ...', not by any sentence that names someone
_ASKING_MARK = {"person": re.compile(r"(?i)\b(?:by|author|authors|authored|written|prepared|compiled)\b")}


def _asking_said(wants: str, text: str) -> bool:
    """Are the words that ask for this kind of answer said by a sentence that holds it?"""
    return wants in _ASKING_WORDS and (wants not in _ASKING_MARK or bool(_ASKING_MARK[wants].search(text)))
PHRASE_BONUS = 0.1  # a sentence that says the question's name for its subject word for word (ProseReader.score)
_WANTED_BONUS = {"money": 0.25, "percent": 0.25, "count": 0.15, "date": 0.2, "person": 0.2, "weekday": 0.3,
                 "frequency": 0.2, "duration": 0.2, "method": 0.25, "meaning": 0.2, "reason": 0.25, "movement": 0.2}


# a footnote line: '(1) Related to...', '1) Includes...', '* Winter pressures grant was separate...'
_FOOTNOTE = re.compile(r"^\s*(?:\((\d{1,2}|[a-z])\)|(?<![\d.])(\d{1,2})\)|(\*+))\s")


# numbers that count nothing: a citation mark ('[2]'), an item's number ('4. publish ...'), a numbered label ('Table 3', 'quarter 2', 'phase 1') and the
# day of a date ('22 October 2026', 'October 22, 2026')
_NOT_COUNTS = re.compile(rf"\[\d+\]|^\s*\d{{1,2}}[.)]\s|(?i:\b(?:appendix|table|figure|section|page|chapter|phase|tier|level|band|"
                         rf"quarter|month|week|stage|wave|period|item|annex|paragraph|part|priority|objective|recommendation|action|"
                         rf"option|step|risk|ward|lot|schedule|clause|pathway)\s+\d+)|"
                         rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_WORDS})\b|\b(?:{MONTH_WORDS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?=,?\s+\d{{4}}))")


# a sentence that counts none of something: 'No framework provider is rated Inadequate', 'None of the homes ...',
# 'there were no deaths', 'the service recorded no complaints'
NONE_COUNTED = re.compile(r"(?i)^\s*(?:no|none)\b|\b(?:none of|no one|nobody|not one|not a single)\b|"
                          r"\b(?:there (?:were|was|are|is|have been|has been)|had|has|have|recorded|reported|received)\s+no\b")


def without_labels(text: str) -> str:
    """The text with the numbers that count nothing taken out (_NOT_COUNTS)."""
    return _NOT_COUNTS.sub(" ", text)


def holds_wanted(wants: str, text: str, question: str = "") -> bool:
    """Does a sentence hold the kind of thing asked for (a sum of money, a count, a date, a person...)? A person
    is someone the question does not already name: 'Director of Public Health' names no one to 'who is the
    Director of Public Health?', where 'Professor Nadia Okafor, Director of Public Health' does."""
    if wants == "person" and question:
        asked = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
        text = re.sub(r"[A-Za-z]+", lambda m: "-" if m.group().lower() in asked else m.group(), text)
    if wants in _WANTED:
        return bool(_WANTED[wants].search(text))
    kind = {"money": "money", "percent": "percent", "count": "number"}.get(wants)
    if kind == "number":  # (not a year, a label's number, an age or a date's day; 'No provider is rated Inadequate'
        # counts none)
        return any(n.kind == kind for n in _quantities(without_labels(text))) or bool(NONE_COUNTED.search(text))
    return kind is not None and any(n.kind == kind for n in find_numbers(text))


def _fitting(ranked: list[Sentence], fits: Sequence[Callable[[str], bool]]) -> list[Sentence]:
    """The ranked sentences that hold what an answer must, by the first test any of them passes (the tests, most
    demanding first); all of them when none does."""
    for test in fits:
        passed = [s for s in ranked if test(s.text)]
        if passed:
            return passed
    return ranked


def _shared_bigrams(terms: list[str], text: str) -> int:
    """How many adjacent pairs of question terms appear next to each other in the text ('public reports')."""
    pairs = word_pairs(text)
    return sum((a, b) in pairs for a, b in zip(terms, terms[1:], strict=False))


@dataclass(frozen=True)
class _At:
    """Where a sentence sits, shaped like a source Line (no, page) for `_quantity_table`."""

    no: int
    page: int | None


_QUANTITY = re.compile(r"^\s*(?:[-•·*✓]\s+)?(?P<num>£?\d[\d,]*(?:\.\d+)?(?:[km]\b)?)\s+(?P<rest>[A-Za-z].*)$")


def _quantity_runs(lines: Sequence[Any]) -> list[list[Any]]:
    """Runs of two or more consecutive lines (blank lines between allowed) that each start with a quantity,
    optionally after a bullet: '- 60 Level 3 by March 2019'. Years and table lines are not quantities."""
    runs: list[list[Any]] = []
    cur: list[Any] = []
    for ln in lines:
        text = ln.text
        if not text.strip():
            continue
        m = _QUANTITY.match(text)
        ok = m is not None and "\t" not in text and not re.fullmatch(r"(19|20)\d{2}", m.group("num"))
        if ok:
            cur.append(ln)
            continue
        if len(cur) >= 2:
            runs.append(cur)
        cur = []
    if len(cur) >= 2:
        runs.append(cur)
    return runs


class ProseReader:
    """Selects, scores and cites sentences and list items of retrieved passages (see the module's docstring)."""

    def __init__(self, index: Index, matcher: Callable[[], Matcher]) -> None:
        self.index = index
        self._matcher = matcher  # the answerer's term matcher, built lazily once per index
        self._footnotes: dict[tuple[str, int, str], list[str]] = {}  # (doc, line, marker) -> the rows it explains
        self._titles: dict[str, tuple[str, str]] = {}  # doc -> its title (Index.title) and the title's first line

    @property
    def m(self) -> Matcher:
        return self._matcher()

    def _author_terms(self, p: Passage, text: str) -> frozenset[str]:
        """The words of a document's title that a text of it is about without saying them: a cover's entries of
        who holds a role ('Chair: ...' under no heading but the title), and what 'we' and 'our' say ('We will
        focus on:' of the council whose report it is, the title's first line)."""
        got = self._titles.get(p.doc)
        if got is None:
            lines = self.index.title_lines(p.doc)
            got = self._titles[p.doc] = (self.index.title(p.doc), lines[0].text.strip() if lines else "")
        title, first = got
        if _ROLE_ENTRY.match(text) and all(h.strip() in title for h in p.heading):
            return self.m.terms(title)
        if _FIRST_PERSON.search(text):  # (the title's first line names who is writing: 'Oakvale Council')
            return self.m.terms(first)
        return frozenset()

    def sentence_terms(self, s: Sentence) -> frozenset[str]:
        """The words a sentence is about: its own, its heading's, and, for a footnote ('(1) Related to...'),
        those of the table rows that carry its marker."""
        m = self.m
        st = m.terms(s.text) | m.terms(" ".join(s.passage.heading[-1:]))
        st |= self._author_terms(s.passage, s.text)
        if s.before:  # 'The increase was mainly driven by ...': the increase of what the sentence before names
            st |= m.terms(s.before)
        marker = _FOOTNOTE.match(s.text)
        if marker:
            mark = next(g for g in marker.groups() if g)
            st |= m.terms(" ".join(self._footnoted_labels(s.passage.doc, s.line, mark)))
        return st

    def _footnoted_labels(self, doc: str, line: int, marker: str) -> list[str]:
        """The row labels that carry a footnote marker ('Total (1)', 'Winter Pressures Grant*') in the nearest
        table above a footnote line of the same document (looked up once per footnote: sentences are scored
        several times per question)."""
        key = (doc, line, marker)
        if key not in self._footnotes:
            above = [t for t in self.index.tables() if t.doc == doc and t.line_end < line and line - t.line_end <= 40]
            labels: list[str] = []
            if above:
                t = max(above, key=lambda x: x.line_end)
                mark = re.escape(marker)
                labels = [r.label for r in t.rows if re.search(rf"(?:\(\s*{mark}\s*\)|{mark})\s*$", r.label.strip())]
            self._footnotes[key] = labels
        return self._footnotes[key]

    def sentences(self, candidates: list[tuple[Passage, float]]) -> list[Sentence]:
        """Sentences of the best text passages, with the lines they start and end on. A sentence runs on
        over line breaks within a paragraph (`text.runs_on`: a PDF's text wraps at the page width, and a page
        break in the source cuts a line), so it is never cut at a line's end."""
        out: list[Sentence] = []
        seen: set[tuple[str, int | None, int, str]] = set()
        for p, _ in [c for c in candidates if c[0].kind == "row"][:10]:
            out.extend(self._cell_sentences(p, seen))
        for p, _ in [c for c in candidates if c[0].kind == "text"][:25]:
            lines = self.index.lines(p.doc, p.page, p.line_start, p.line_end + 8)
            head, tail = self._across_pages(p, lines)
            if tail:  # (the blank lines that end the page do not end its last paragraph)
                while lines and not lines[-1].text.strip():
                    lines = lines[:-1]
            # (a sentence that opens with a pronoun may point back at the sentence that ends the paragraph before: a
            # plan's 'Its members are drawn from ...' on a line of its own under 'The panel is chaired by ...')
            prev: tuple[str, int] = ("", 0)
            for para in paragraphs([*head, *lines, *tail]):
                after = para[0].page == p.page and para[0].no > p.line_end or \
                    p.page is not None and para[0].page is not None and para[0].page > p.page
                if after:  # past the passage's lines: later on its page, or on the next
                    break
                text = "\n".join(ln.text.strip() for ln in para)
                starts = list(accumulate((len(ln.text.strip()) + 1 for ln in para[:-1]), initial=0))
                last_paragraph, prev = prev, ("", 0)
                for a, b in sentence_spans(text):  # the lines a sentence starts and ends on
                    at, to = bisect_right(starts, a) - 1, bisect_left(starts, b) - 1
                    first, last = para[at], para[to]
                    sent = text[a:b].strip()
                    if not prev[0] and _PRONOUN_OPENS.match(sent):
                        prev = last_paragraph
                    before, prev = (prev if _POINTS_BACK.match(sent) else ("", 0)), (sent, first.no)
                    # a sentence of this passage: it starts on its lines, or on the page before and runs onto them
                    mine = first.page == p.page and p.line_start <= first.no <= p.line_end or \
                        first.page != p.page and last.page == p.page
                    key = (p.doc, first.page, first.no, sent)
                    if not mine or len(sent) < 12 or key in seen:
                        continue
                    seen.add(key)
                    cont = None
                    if last.page != first.page:  # cut by the page break: cited on both pages
                        k = next(i for i in range(at, to + 1) if para[i].page == last.page)
                        on_next = text[starts[k]:b].strip()
                        cont = Citation(p.id, p.doc, last.page, para[k].no, last.no, on_next)
                        last = para[k - 1]
                    out.append(Sentence(p, first.no, first.page, sent, line_end=last.no, before=before[0],
                                        before_line=before[1], cont=cont))
        return out

    def _across_pages(self, p: Passage, lines: list[Any]) -> tuple[list[Any], list[Any]]:
        """The lines of the neighbouring pages a passage's paragraphs run on to: the paragraph that ends the
        page before, when the passage starts the page and its first line goes on with it ('hospital to the
        community, and ...'); the paragraph that starts the next page, when the passage ends this one in the
        middle of a sentence. (A PDF's page break cuts a paragraph wherever it falls.)"""
        if p.page is None or not lines:
            return [], []
        by_page = self.index.lines_by_page(p.doc)
        head: list[Any] = []
        if p.line_start == 1 and p.page - 1 in by_page:
            before = [ln for ln in by_page[p.page - 1] if ln.text.strip()]
            first = next((ln for ln in lines if ln.text.strip()), None)
            if before and first is not None and "\t" not in before[-1].text and \
                    runs_on(before[-1].text.strip(), first.text.strip()):
                head = paragraphs(by_page[p.page - 1])[-1]
        tail: list[Any] = []
        page = by_page.get(p.page, [])
        filled = [ln for ln in page if ln.text.strip()]
        if filled and lines[-1].no >= filled[-1].no and p.page + 1 in by_page:
            after = [ln for ln in by_page[p.page + 1] if ln.text.strip()]
            if after and "\t" not in filled[-1].text and runs_on(filled[-1].text.strip(), after[0].text.strip()):
                tail = paragraphs(by_page[p.page + 1])[0]
        return head, tail

    def _cell_sentences(self, p: Passage, seen: set[tuple[str, int | None, int, str]]) -> list[Sentence]:
        """Sentences of long text cells in a table row (descriptive tables read like prose)."""
        t = self.index.table(p.table_id or "")
        if t is None or p.row is None or p.row >= len(t.rows):
            return []
        row = t.rows[p.row]
        out = []
        lines = self.index.lines(t.doc, row.page_in(t), min(row.lines), max(row.lines))
        for cell in row.cells:
            if cell.kind != "text" or len(cell.text.split()) <= 15:
                continue
            for a, b in sentence_spans(cell.text):
                sent = cell.text[a:b].strip()
                ln = next((x for x in lines if sent in x.text), None)
                key = (t.doc, ln.page if ln else None, ln.no if ln else 0, sent)
                if ln is None or len(sent) < 12 or key in seen:
                    continue
                seen.add(key)
                out.append(Sentence(p, ln.no, ln.page, sent, line_end=ln.no))
        return out

    def score(self, q: Query, sents: list[Sentence], part: str | None = None) -> list[Sentence]:
        """Sentences ranked by the question weight they cover (for a part of a multi-part question: its
        own words, and at half weight the words of the first part, which 'it' and 'that' refer to)."""
        m = self.m
        terms = content_terms(part) if part else list(q.terms)
        context = [t for t in content_terms(q.parts[0]) if t not in terms] if part and q.parts else []
        total = (m.weight(terms) + 0.5 * m.weight(context)) or 1.0
        pq = understand(part, self.index.acronyms) if part else q
        # the question's own name for its subject, said word for word ('the total contract value', 'the average
        # hourly rate': names whose operation words the terms leave out)
        phrase = subject_of(part or q.text)
        named = re.compile(rf"(?i)\b{re.escape(phrase)}\b") if len(phrase.split()) >= 2 and \
            len(content_terms(phrase)) < len(phrase.split()) else None  # (a name all of whose words are terms: coverage has it)
        out = []
        for rank, s in enumerate(sents):
            if s.passage.heading and s.text.strip() == s.passage.heading[-1].strip() or CAPTION.match(s.text.strip()):
                continue  # a heading is not an answer, nor a table's caption (its title)
            st = self.sentence_terms(s)
            wants = pq.wants or ""
            held = bool(wants) and holds_wanted(wants, s.text, part or q.text)
            if held and _asking_said(wants, s.text):  # ('how long did X take' is said by '38 days')
                st = st | m.terms(_ASKING_WORDS[wants])
            got = m.weight([t for t in terms if t in st]) + 0.5 * m.weight([t for t in context if t in st])
            cov = got / total
            bonus = 0.05 * _shared_bigrams(terms, s.text)
            if named is not None and named.search(s.text):
                bonus += PHRASE_BONUS
            if held:
                bonus += _WANTED_BONUS[wants]
            if pq.periods:
                sp, _ = periods_in(s.text)
                if set(sp) & set(pq.periods):
                    bonus += 0.15
                elif {p.split()[0] for p in sp} & {p.split()[0] for p in pq.periods}:
                    bonus += 0.08
            out.append(replace(s, score=cov + bonus - 0.002 * rank, coverage=cov))
        return sorted(out, key=lambda x: -x.score)

    def _says_all_of(self, part: str, s: Sentence) -> bool:
        """Does a sentence say every word of a part of a question (and what it asks for, where it asks a kind)?
        ('how many started in the last year?' of 'There are 142 registered managers, of whom 18 started in the role
        in the last year.')"""
        own = set(content_terms(part, self.index.acronyms))
        wants = understand(part, self.index.acronyms).wants
        return bool(own) and own <= self.sentence_terms(s) and (not wants or holds_wanted(wants, s.text, part))

    def answer(self, q: Query, candidates: list[tuple[Passage, float]], fits: Sequence[Callable[[str], bool]] = ()
               ) -> Evidence | None:
        """The sentences that answer the question best (one or two per part); with `fits`, the best of those
        that hold what an answer must (the kind of number asked for) answers the whole question."""
        sents = self.sentences(candidates)
        if not sents:
            return None
        if "list" in q.intents:
            listed = self.list_answer(q, candidates)
            if listed is not None:
                return listed
        parts: list[str | None] = [*q.parts] or [None]
        chosen: list[Sentence] = []
        m = self.m
        for part in parts:
            ranked = [s for s in self.score(q, sents, part) if s.score > 0]
            if part is None:
                ranked = _fitting(ranked, fits)
            if part is not None and ranked and any(ranked[0].text == c.text for c in chosen) and \
                    self._says_all_of(part, ranked[0]):
                continue  # (the sentence that answered a part before says all of this one's own words too)
            top = next((s for s in ranked if all(s.text != c.text for c in chosen)), None)
            if top is None:
                continue
            chosen.append(top)
            if part is None:
                continue
            # a part is often answered by two sentences ('reports are bi-monthly' next to 'we publish a
            # monthly newsletter'): add the best one that covers words of the part the first one lacks
            own = set(content_terms(part))
            missing = own - m.terms(top.text)
            wants = understand(part, self.index.acronyms).wants
            for s in ranked[:6]:
                if s.score < 0.7 * top.score or any(s.text == c.text for c in chosen):
                    continue
                if wants and not holds_wanted(wants, s.text, part):
                    continue
                if m.weight(list(missing & m.terms(s.text))) >= 0.5 * max((m.idf(t) for t in missing), default=9):
                    chosen.append(s)
                    break
        if not chosen:
            return None
        whole = self.score(q, sents)
        if parts == [None]:
            whole = _fitting(whole, fits)
        best = whole[0]
        if best.text not in [c.text for c in chosen] and best.score > max(c.score for c in chosen) + 0.2:
            chosen.insert(0, best)
        # coverage of the question by all chosen sentences together
        m = self.m
        said = set().union(*(self.sentence_terms(c) | {t for t, d in q.named_docs if d == c.passage.doc} for c in chosen))
        if q.wants in _ASKING_WORDS and any(holds_wanted(q.wants, c.text, q.text) and _asking_said(q.wants, c.text)
                                             for c in chosen):
            said |= m.terms(_ASKING_WORDS[q.wants])  # 'what caused X' is said by a sentence that gives X's cause
        cov = self.coverage(q, said)
        for c in list(chosen):  # a sentence that points back is given with the one it points at
            if c.before and all(c.before != x.text for x in chosen):
                chosen.insert(chosen.index(c), Sentence(c.passage, c.before_line, c.page, c.before, c.score, c.coverage,
                                                        c.before_line))
        chosen.sort(key=lambda s: (s.passage.doc, s.page or 0, s.line))
        text, cites = quoted(chosen)
        if chosen[-1].text.rstrip().endswith(":"):
            # a lead-in ('... showed a number of lessons in particular:') says nothing without its items
            last = chosen[-1]
            items = self.items_after(last.passage.doc, last.page, max(last.line, last.line_end))
            if len(items) >= 2:
                text += " " + "; ".join(f"{strip_marker(it.text)} [{i}]"
                                        for i, it in enumerate(items, len(cites) + 1)) + "."
                cites += [Citation(last.passage.id, last.passage.doc, it.page, it.no, it.line_end or it.no, it.text)
                          for it in items]
        # (a sentence that points back at the best one, or that the best one points back at, reads as a part of it,
        # not as a rival: 'It also ...' after the sentence that answers)
        rivals = [s for s in whole[1:] if s.before != whole[0].text and whole[0].before != s.text]
        margin = whole[0].score - rivals[0].score if rivals else 1.0
        rival = doc_margin(max(c.score for c in chosen), [(s.passage.doc, s.score) for s in whole],
                           {c.passage.doc for c in chosen})
        beaten = [f"{s.passage.doc} line {s.line} (score {s.score:.2f}, covers {s.coverage:.0%}): {shorten(s.text, 16)}"
                  for s in whole[:4] if all(s.text != c.text for c in chosen)][:3]
        return Evidence(text, cites, [], max(c.score for c in chosen), cov, "prose",
                        {"sentences": [c.text for c in chosen], "margin": margin, "beaten": beaten,
                         "doc_margin": rival})

    def list_answer(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """The items that follow the best-matching lead-in ('These are:', '... in particular:')."""
        best = self._best_list(q, candidates)
        if best is None or best[0] < 0.4:
            return None
        score, p, ln, lead, items = best
        cites = _list_cites(p, ln, lead, items)
        body = "; ".join(f"{strip_marker(it.text)} [{i}]" for i, it in enumerate(items, 2))
        text = f"{full_sentence(lead)} [1] {body}."
        return Evidence(text, cites, [], score + 0.3, score, "list", {"list": [it.text for it in items]})

    def list_count(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """'How many priorities does the strategy have?': the items of the list whose lead-in (or heading) names
        what is counted ('Our priorities for the next four years are:'), counted by the figure engine, with the
        lead-in and every item cited. Not where the lead-in states a number of its own ('Of the 410 carers we
        asked, most said:' is not a list of carers)."""
        noun = next((w.lower() for w in reversed(q.counted) if len(w) > 2 and w.lower().endswith("s")), None)
        if noun is None or _PERIOD_NOUNS.search(noun):
            return None
        best = self._best_list(q, candidates)
        if best is None:
            return None
        _, p, ln, lead, items = best
        # (what the list is of is said by its lead-in, its heading and its document's title: 'the strategy')
        cov = self.coverage(q, self.m.terms(" ".join([lead, *p.heading[-1:], self.index.title(p.doc), "listed"])))
        if cov < C.min_coverage("table"):
            return None
        stem = noun[:-1]
        if not re.search(rf"(?i)\b{re.escape(stem)}", lead + " " + " ".join(p.heading[-1:])) or any(
                not _is_year(n) for n in find_numbers(lead)):
            return None
        table = self._quantity_table(f"count-{p.doc}-{ln.no}", p.doc, p.page, lead, ln.no, ("item", "line"),
                                     [(it, " ".join(strip_marker(it.text).split()), str(it.no)) for it in items])
        rows = list(table.rows)
        fig = F.count(table, rows, 0, f"the items listed after '{shorten(lead, 12)}'", len(rows))
        cites = _list_cites(p, ln, lead, items)
        text = f"{fig.text}: {'; '.join(r.label for r in rows)} ({full_sentence(lead)}). {fig.formula}."
        return Evidence(text, cites, [fig], cov, cov, "table", {"list": [r.label for r in rows], "op": "count"})

    def part_of(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """'What share of the carers investment comes from the Better Care Fund?', 'How many young carers are not
        known to the service?': a sentence that states a whole and a part of it ('£3.2m a year, of which £1.1m
        comes from the BCF'; '380 out of 2,100'; 'an estimated 2,100 young carers, but only 380 are known'), the
        part as a share of the whole or the rest of the whole worked out by the figure engine from the two
        numbers as written. None unless the question asks a share or what is not in the part."""
        share = bool({"share"} & set(q.intents)) or bool(_SHARE_ASKED.search(q.text))
        rest = not share and (q.wants in ("count", "money") or _HOW_MUCH_OF.search(q.text) is not None) and \
            bool(_REST_ASKED.search(q.text))
        if not share and not rest:
            return None
        rest_words = {w.lower() for w in _REST_ASKED.findall(q.text)}
        of_yardstick = share and _SHARE_OF_YARDSTICK.search(q.text) is not None
        for s in self._stating(q, candidates):
            pair = _whole_and_part(s.text)
            if pair is None and of_yardstick:  # ('£4.5m ... against the target of £6.0m': the figure a share of it)
                against = _figure_and_yardstick(s.text)
                pair = (against[1], against[0]) if against is not None and against[0].kind != "percent" else None
            if pair is None or rest and rest_words & {w.lower() for w in _REST_ASKED.findall(s.text)}:
                continue  # ('of which 95 work outside the city': the part it states is the rest asked for)
            whole, part = pair
            what = f"{part.raw} as a share of {whole.raw}" if share else f"{whole.raw} less {part.raw}"
            return self._worked_out(q, s, "part", ("the part", part), ("the whole", whole), ("figure", "amount"),
                                    F.share if share else F.difference, what, "share" if share else "rest",
                                    _REST_WORDS if rest else "")
        return None

    def stated_change(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """'By how much did delayed discharges fall between September and December?', 'What was the percentage
        change in children looked after?': a sentence that states where a figure moved from and to ('had fallen to
        38 a day in December from 52 in September'; 'rose from 640 to 712'), the change (or the change in per
        cent) worked out by the figure engine from the two numbers as written. None unless the question asks a
        change; a sentence that names other periods than the question's does not answer it."""
        asked = set(q.intents) & {"change", "percent_change"}
        if not asked and q.wants != "movement":
            return None
        percent = "percent_change" in asked
        for s in self._stating(q, candidates):
            pair, quote = _from_and_to(s.text), [s]
            if pair is None and s.before:  # ('There are 41,200 ... This is projected to rise to 46,900 by 2030.')
                pair = _moved_on(s.before, s.text)
                quote = [replace(s, line=s.before_line, line_end=s.before_line, text=s.before, before="", cont=None), s]
            if pair is None:
                continue
            sp, sm = periods_in(" ".join(x.text for x in quote))
            if not set(q.periods) <= set(sp) or not set(q.months) <= set(sm):
                continue
            start, end = pair
            return self._worked_out(q, s, "moved", ("the value it moved from", start), ("the value it moved to", end),
                                    ("figure", "value"), F.percent_change if percent else F.difference,
                                    f"From {start.raw} to {end.raw}", "change", quote=quote)
        return None

    def stated_against(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """'How far below the national target was performance in November?': a sentence that states a figure and
        the yardstick it is measured against ('71.2% ..., against the national target of 78%'), the figure less
        the yardstick worked out by the figure engine (in percentage points for two percentages)."""
        asked = _AGAINST_ASKED.search(q.text)
        if asked is None:
            return None
        for s in self._stating(q, candidates):
            pair = _figure_and_yardstick(s.text)
            if pair is None:
                continue
            figure, yardstick = pair
            return self._worked_out(q, s, "against", ("the yardstick", yardstick), ("the figure", figure),
                                    ("figure", "value"), F.difference, f"{figure.raw} against {yardstick.raw}", "change",
                                    f"{asked.group('way')} {asked.group('what')}")
        return None

    def _stating(self, q: Query, candidates: list[tuple[Passage, float]]) -> Iterator[Sentence]:
        """The best sentences for prose arithmetic: of the top few by score, those that cover enough of the question
        (a score's bonus for holding the kind of thing asked may rank one that covers too little above them)."""
        for s in self.score(q, self.sentences(candidates))[:8]:
            if s.coverage >= C.min_coverage("table"):
                yield s

    def _worked_out(self, q: Query, s: Sentence, tag: str, first: tuple[str, Any], second: tuple[str, Any],
                    columns: tuple[str, str], compute: Callable[..., Figure], what: str, op: str, words: str = "",
                    quote: Sequence[Sentence] = ()) -> Evidence | None:
        """Two numbers a sentence states (values.Number), as the cells of a two-row table, handed to the figure
        engine (`compute(table, first, second)`); the sentence quoted, then what was worked out and its formula.
        `words` are question words the working-out explains ('not' of the rest of a whole)."""
        table = self._quantity_table(f"{tag}-{s.passage.doc}-{s.line}", s.passage.doc, s.page, "figures stated in the text",
                                     None, columns, [(_At(s.line, s.page), f"{name} ({n.raw})", n.raw)
                                                     for name, n in (first, second)])
        a, b = table.rows
        try:
            fig = compute(table, (a, 1), (b, 1))
        except F.FigureError:
            return None
        said, cites = quoted(quote or [s])
        cov = self.coverage(q, self.sentence_terms(s) | self.m.terms(words))
        return Evidence(f"{said} {what}: {fig.formula}.", cites, [fig], cov, cov, "table",
                        {"sentences": [x.text for x in quote or [s]], "op": op})

    def _best_list(self, q: Query, candidates: list[tuple[Passage, float]]
                   ) -> tuple[float, Passage, Any, str, list[Any]] | None:
        """The lead-in whose words (with its heading) cover the most of the question, with its items: (coverage,
        passage, the lead-in's line, the lead-in, the items); None when no lead-in is followed by two items."""
        m = self.m
        best: tuple[float, Passage, Any, str, list[Any]] | None = None
        for rank, (p, _) in enumerate([c for c in candidates if c[0].kind == "text"][:20]):
            lines = [ln for ln in self.index.lines(p.doc, p.page, p.line_start, p.line_end) if ln.text.strip()]
            for ln in lines:
                spans = sentence_spans(ln.text)
                for k, (a, b) in enumerate(spans):
                    lead = ln.text[a:b].strip()
                    if not lead.endswith(":") or b < len(ln.text.rstrip()) - 1:
                        continue
                    if len(lead.split()) <= 4 and k > 0:  # 'These are:' leans on the sentence before
                        lead = ln.text[spans[k - 1][0]:b].strip()
                    if k == 0 and not lead[:1].isupper():  # a lead-in wrapped from the line above (a PDF)
                        above = [x for x in lines if x.no < ln.no and (x.page, x.no) != (ln.page, ln.no)][-1:]
                        if above and not above[0].text.rstrip().endswith((".", ":", "?", "!")):
                            spans_above = sentence_spans(above[0].text)
                            lead = above[0].text[spans_above[-1][0] if spans_above else 0:].strip() + " " + lead
                    items = self.items_after(p.doc, p.page, ln.no)
                    if len(items) < 2:
                        continue
                    context = lead + " " + " ".join(p.heading[-1:])
                    score = self.coverage(q, m.terms(context) | self._author_terms(p, lead)) - 0.005 * rank
                    if best is None or score > best[0]:
                        best = (score, p, ln, lead, items)
            # a heading set straight over its items, with no lead-in ('Next steps', then '- recruit ...'): the heading
            # leads them in
            head = next((x for x in self.index.lines(p.doc, p.page, max(1, p.line_start - 3), p.line_start)
                         if p.heading and x.text.strip() == p.heading[-1].strip()), None)
            if head is not None:  # (its first item on the very next line: not notes a blank line parts from it)
                after = self.index.lines_on(p.doc, p.page, head.no + 1, 1)
                items = self.items_after(p.doc, p.page, head.no) if after and LIST_ITEM.match(after[0].text.strip()) else []
                score = self.coverage(q, m.terms(head.text)) - 0.005 * rank
                if len(items) >= 2 and (best is None or score > best[0]):
                    best = (score, p, head, head.text.strip(), items)
        return best

    def made_up(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """The amounts stated near the question's subject that add up exactly to the amount it asks about
        (£200k from the DFG + a £50k grant = the £250k budget), each sentence cited, the sum computed."""
        import itertools

        whole = next((n for n in find_numbers(q.text) if n.kind == "money"), None)
        if whole is None:
            return None
        m = self.m
        subject = set(q.terms) - {t for t in q.terms if t[0].isdigit()}
        for p, _ in [c for c in candidates if c[0].kind == "text"][:15]:
            sents = [s for s in self.sentences([(p, 0.0)]) if s.passage.id == p.id]
            amounts = [(s, n) for s in sents for n in find_numbers(s.text)
                       if n.kind == "money" and 0 < n.value < whole.value]
            if len(amounts) < 2 or len(amounts) > 10:
                continue
            for size in (2, 3, 4):
                for combo in itertools.combinations(amounts, size):
                    if sum((n.value for _, n in combo), Decimal(0)) != whole.value:
                        continue
                    used: list[Sentence] = []
                    for sent, _ in combo:
                        if all(sent is not u for u in used):
                            used.append(sent)
                    if not any(subject & m.terms(s.text) for s in used):
                        continue
                    return self._parts_evidence(q, whole, combo, used)
        return None

    def _parts_evidence(self, q: Query, whole: Any, combo: Sequence[tuple[Sentence, Any]],
                        used: list[Sentence]) -> Evidence:
        p = used[0].passage
        table = self._quantity_table(
            f"parts-{p.doc}-{used[0].line}", p.doc, p.page, "amounts stated in the text", None, ("where", "amount"),
            [(_At(s.line, s.page), f"line {s.line}: {n.raw}", n.raw) for s, n in combo])
        fig = F.total(table, list(table.rows), 1)
        text, cites = quoted(used)
        text += f" Together: {fig.formula}."
        m = self.m
        cov = self.coverage(q, set().union(*(m.terms(s.text) for s in used)) | m.terms(whole.raw))
        return Evidence(text, cites, [fig], cov, cov, "prose", {"sentences": [s.text for s in used]})

    def coverage(self, q: Query, terms: Iterable[str]) -> float:
        """The share of the question's weight that some terms cover (each question word counted once)."""
        return coverage(self.m, q, terms)

    def _quantity_table(self, table_id: str, doc: str, page: int | None, caption: str, caption_line: int | None,
                        columns: tuple[str, str], items: Sequence[tuple[Any, str, str]]) -> Table:
        """Quantities stated in prose (line, label, raw amount) as a two-column table, so that the figure
        engine computes with them and keeps each one's line."""
        rows = []
        for i, (ln, label, raw) in enumerate(items):
            parsed = parse_cell(raw)
            rows.append(Row(i, label, (Cell(0, label, label, "text", line=ln.no, page=ln.page),
                                       Cell(1, raw, raw, parsed.kind, parsed.value,  # type: ignore[arg-type]
                                            parsed.unit, parsed.scale, line=ln.no, page=ln.page)), (ln.no,)))
        lines = [ln.no for ln, _, _ in items]
        return Table(table_id, doc, page, min(lines), max(lines), caption, columns, tuple(rows),
                     caption_line=caption_line)

    def list_sum(self, q: Query, candidates: list[tuple[Passage, float]]) -> Evidence | None:
        """A total over a list whose items each start with a quantity ('- 60 Level 3 by March 2019'),
        computed by the figure engine from the items as cells, with the lead-in and items cited."""
        m = self.m
        best: tuple[float, Passage, list[Any], list[Any]] | None = None
        seen: set[tuple[str, int]] = set()
        for rank, (p, _) in enumerate([c for c in candidates if c[0].kind == "text"][:15]):
            lines = self.index.lines(p.doc, p.page, max(1, p.line_start - 8), p.line_end + 8)
            for run in _quantity_runs(lines):
                if (p.doc, run[0].no) in seen:
                    continue
                seen.add((p.doc, run[0].no))
                before = [ln for ln in self.index.lines(p.doc, p.page, max(1, run[0].no - 8), run[0].no - 1)
                          if ln.text.strip()][-3:]
                context = " ".join([*(ln.text for ln in before), *(ln.text for ln in run), *p.heading[-1:]])
                cov = self.coverage(q, m.terms(context)) - 0.005 * rank
                if best is None or cov > best[0]:
                    best = (cov, p, run, before)
        if best is None or best[0] < C.min_coverage("table"):
            return None
        cov, p, run, before = best
        lead = before[-1] if before else None
        caption = " ".join(lead.text.split()) if lead else "list"
        items = []
        for ln in run:
            m_ = _QUANTITY.match(ln.text)
            assert m_ is not None
            items.append((ln, " ".join(ln.text.split()).lstrip("-•·*✓ "), m_.group("num")))
        table = self._quantity_table(f"list-{p.doc}-{run[0].no}", p.doc, p.page, caption, lead.no if lead else None,
                                     ("item", "quantity"), items)
        rows = list(table.rows)
        try:
            fig = F.total(table, rows, 1)
        except F.FigureError:
            return None
        cites = [Citation(p.id, p.doc, ln.page, ln.no, ln.no, ln.text.strip()) for ln in [*before, *run]]
        listed = "; ".join(r.label for r in rows)
        text = f"{caption.rstrip(':')}: {listed}. These add up to {fig.text}: {fig.formula}."
        return Evidence(text, cites, [fig], cov, cov, "table", {"list": [r.label for r in rows]})

    def items_after(self, doc: str, page: int | None, line: int, limit: int = 15) -> list[Any]:
        """List items on the lines after a lead-in: bulleted or numbered lines, or short lines, up to the
        next paragraph or heading."""
        following = self.index.lines_on(doc, page, line + 1, 40)
        items: list[Any] = []
        blanks = 0
        loose = False  # whether blank lines part the items read so far
        last = ""  # the last line read, as printed
        for ln in following:
            t = ln.text.strip()
            if not t:
                blanks += 1
                if blanks > 1 and items:
                    break
                continue
            if blanks and len(items) >= 2 and not loose:
                break  # a blank line after items set one under another ends them ('4. Monitoring' is the next section)
            loose = loose or bool(blanks and items)
            blanks = 0
            listed = bool(LIST_ITEM.match(t))
            if items and not listed and LIST_ITEM.match(items[0].text.strip()) and "\t" not in ln.text and \
                    ln.page == items[-1].page and (t[:1].islower() or ln.page is not None and len(last) >= 70
                                                   and not last.endswith((".", ";", ":", "!", "?"))):
                # an item wrapped onto the next line (a PDF sets items at the page width): the same item, cited
                # over its lines. (A text file's line is a whole paragraph: only a lower-case line goes on one.)
                items[-1] = replace(items[-1], text=f"{items[-1].text.rstrip()} {t}", line_end=ln.no)
                last = t
                continue
            last = t

            if listed and items and LIST_ITEM.match(items[0].text.strip()) and \
                    marker_kind(t) != marker_kind(items[0].text.strip()):
                break  # '4. Governance' after a bulleted list is the next heading, not another item
            if listed and items and _number(t) is not None and _number(items[-1].text) is not None and \
                    _number(t) != _number(items[-1].text) + 1:  # type: ignore[operator]
                break  # '5. Risks' after items 1 to 3: the next section's number, not the fourth item
            short = len(t.split()) <= 14 and not t.endswith(".")
            if "\t" in ln.text or not (listed or (short and (not items or not LIST_ITEM.match(items[0].text)))):
                break
            items.append(ln)
            if len(items) >= limit:
                break
        return items


def _number(text: str) -> int | None:
    """The number a numbered list item or heading starts with ('3.', '(3)', '3)'); None for any other marker."""
    m = re.match(r"\s*\(?(\d{1,2})[.)]\s", text)
    return int(m.group(1)) if m else None
