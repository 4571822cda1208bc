"""Understanding a question: what is asked, about what, for which period, in which documents.

Pure functions over the question text (and, for document scope, a table of where names occur).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .question_model import operation, probabilities
from .text import STOPWORDS, expand_acronyms, stem, words
from .values import MONTH_NAMES, MONTH_WORDS, MONTHS, normalize_period

# words that say what kind of answer is wanted, not what it is about
QUESTION_WORDS = frozenset("""
how much many what which who whom whose when where why is are was were does did do will would could should
can the a an of for in on to by at our we us their there it its this that these those be been being have has
had percentage percent proportion share total totals overall amount figure number value sum add adding added
up together combined altogether all difference change increase decrease rise fall grow growth go goes went
going between compared versus vs against from terms cash give given show shown tell say said according
get gets got getting
plan plans document documents please any yet expected expect projected roughly approximately about around
exceed exceeded exceeding most largest highest biggest least smallest lowest fewest top average mean furthest farthest
longest shortest longer shorter
big large small much
larger higher bigger greater smaller lower fewer more less respective respectively
""".split())

MONEY_HINT = re.compile(r"(?i)\b(spend|spent|budget|fund(s|ing|ed)?|money|allocat\w*|cost\w*|£|grant|invest\w*|"
                        r"expenditure|income|contribution|saving\w*|deficit|surplus|pay|paid|worth|went to|goes to|go to|"
                        r"receiv\w*|dfg|ibcf|bcf|reserves?|overspen\w*|underspen\w*|outturn|fees?)\b")
_FY = re.compile(r"(?<![\d/])((?:19|20)?\d{2})\s?[/\-–]\s?(\d{2})(?![\d/])")
_SPAN = re.compile(r"(?<![\d/])((?:19|20)\d{2})\s?[/\-–]\s?((?:19|20)\d{2}|\d{2})(?![\d/])")
_QUARTER = re.compile(r"(?i)\bQ([1-4])\b|\b(first|second|third|fourth)\s+quarter\b|\bquarter\s+([1-4])\b")
_YEAR = re.compile(r"(?<![\d/\-–])((?:19|20)\d{2})(?![\d/\-–])")
FY_SHORT = re.compile(r"(?i)\bFY\s?'?(\d{2})\d?(?![\d/\-–])")  # 'FY19', "FY '19", 'FY18¹' read as 'FY181'
MONTH = re.compile(r"(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
def years_in(text: str) -> set[int]:
    """Every year a text names: '2019', 'FY19', '2018-19' and '18/19' (both years of a financial year)."""
    out = {int(y) for y in re.findall(r"(?<![\d.])((?:19|20)\d{2})(?![\d.,]\d)", text)}  # 'December 31,2018' too
    out |= {2000 + int(y) for y in FY_SHORT.findall(text)}
    for a, b in re.findall(r"(?<![\d/£$€.,])((?:19|20)?\d{2})\s?[/\-–]\s?(\d{2})(?![\d/%])", text):
        start = int(a) if len(a) == 4 else 2000 + int(a)
        if int(b) == (start + 1) % 100:
            out |= {start, start + 1}
    return out


_ORDINAL_Q = {"first": "1", "second": "2", "third": "3", "fourth": "4"}

INTENTS = ("share", "percent_change", "change", "sum", "max", "min", "count", "average", "ratio", "list", "date",
           "who", "value", "text")
COMPUTING = frozenset({"share", "percent_change", "change", "sum", "max", "min", "count", "average", "ratio"})
# Below this probability the fitted operation model is not trusted and the cue patterns alone decide.
MIN_OPERATION_PROBABILITY = 0.5


@dataclass(frozen=True)
class Query:
    text: str
    intents: tuple[str, ...]  # most specific first, e.g. ("change", "percent_change")
    wants: str | None  # money | count | percent | date | person | method | meaning | reason | ... | None
    periods: tuple[str, ...]  # normalised: "2019-20", "2018-19 Q4", "2030", "Mar 2018", "Q1"
    months: tuple[str, ...]  # "Mar", ...
    terms: tuple[str, ...]  # stemmed content terms
    quoted: tuple[str, ...]  # 'quoted' or "quoted" phrases
    docs: tuple[str, ...] = ()  # documents the question is about (empty: all)
    parts: tuple[str, ...] = ()  # sub-questions of a multi-part question
    named_docs: tuple[tuple[str, str], ...] = ()  # (term, document) for names that point at one plan
    raw_terms: tuple[str, ...] = field(default=())
    operation: str = "value"  # what the fitted question model reads the question as (question_model.py)
    operation_p: float = 0.0  # and how sure it is
    operation_probs: tuple[tuple[str, float], ...] = ()  # every operation with its probability, most likely first
    order: str | None = None  # how a list is to be ordered ('oldest first', 'descending', ...): said of the answer
    every_period: bool = False  # 'for each year', 'in all the years shown': every period the table gives
    counted: tuple[str, ...] = ()  # the words of what 'how many X …' counts ('care', 'beds'; query.counted_words)

    @property
    def intent(self) -> str:
        return self.intents[0]

    @property
    def computes(self) -> bool:
        return self.intent in COMPUTING


def periods_in(text: str) -> tuple[list[str], list[str]]:
    periods, months = _periods_in(text)
    return list(periods), list(months)


@lru_cache(maxsize=32768)
def _periods_in(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    p, m = _find_periods(text)
    return tuple(p), tuple(m)


_MONTH_SPAN_END = re.compile(rf"(?i)\s*(?:to|and|through|until|till|-|–)\s*({MONTH_WORDS})\.?\s+((?:19|20)\d{{2}})\b")


def _find_periods(text: str) -> tuple[list[str], list[str]]:
    """Financial years, years, quarters, month-years and months named in a text, normalised:
    ('2019/20' -> '2019-20', 'Q4 2018-19' -> '2018-19 Q4', 'March 2018' -> 'Mar 2018' and '2018')."""
    periods: list[str] = []

    def add(label: str | None) -> None:
        if label and label not in periods:
            periods.append(label)

    fys = []
    for m in _FY.finditer(text):
        label = normalize_period(m.group(0))
        add(label)
        if label:
            fys.append(label)
    for m in _SPAN.finditer(text):  # '2017-19', '2017-2019': the plan's financial years, 2017-18 and 2018-19
        start, end = int(m.group(1)), int(m.group(2))
        four = end >= 100
        end = end if four else start // 100 * 100 + end
        if 2 <= end - start <= 3:
            for y in range(start, end):
                add(f"{y}-{(y + 1) % 100:02d}")
            if four:  # '2017-2019' in a report of calendar years: 2017, 2018 and 2019 (tables decide which fits)
                for y in range(start, end + 1):
                    add(str(y))
    for m in _QUARTER.finditer(text):
        q = "Q" + (m.group(1) or m.group(3) or _ORDINAL_Q[m.group(2).lower()])
        for fy in fys or [""]:
            add(f"{fy} {q}".strip())
    rest = _FY.sub(" ", text)
    months: list[str] = []
    for m in MONTH.finditer(rest):
        word = m.group(1).lower()
        after = rest[m.end():m.end() + 6]
        year = re.match(r"\s+((?:19|20)\d{2})\b", after)
        # ('from March to September 2026': the year the span ends in is its first month's too, or the year
        # before when that month comes later in the calendar: 'October to March 2026')
        span = None if year else _MONTH_SPAN_END.match(rest[m.end():])
        if word == "may" and not year and not span:
            continue  # 'may' is a verb unless a year follows
        name = MONTH_NAMES[MONTHS[word]]
        months.append(name)
        if year:
            add(f"{name} {year.group(1)}")
        elif span:
            end_year = int(span.group(2))
            add(f"{name} {end_year if MONTHS[word] <= MONTHS[span.group(1).lower()] else end_year - 1}")
    for m in _YEAR.finditer(rest):
        add(m.group(1))
    for m in FY_SHORT.finditer(rest):
        add(f"20{m.group(1)}")
    return periods, months


# words that name a rate of change ('the growth rate of X', 'the rate of decrease in X'): a cue of a % change, and
# kept as one whatever else the question says (_RATE_ASKED)
_RATE_WORDS = r"\bgrowth rate\b|\brate of (?:growth|increase|decrease|decline|change)\b"

# What a question asks for, in the order intents are tried (the first found is the main one).
_INTENTS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p)) for name, p in [
    ("share", r"what (percentage|proportion|share|%|per ?cent) of\b|as a (percentage|share|proportion) of|"
              r"\b(percentage|proportion|share|fraction) of (?:the )?[\w\s'\-/&]+? (in|of|out of|among|within) (the )?total\b|"
              r"\bwhat (is|was) the (percentage|proportion|share|fraction) of\b|"
              r"(percentage|proportion|share) of (the )?[a-z0-9/\- ]+ (goes|go|went|is|are|was|were) (to|on|spent)"),
    ("percent_change", r"by what (percentage|%|per ?cent)|percentage terms|percentage (increase|decrease|rise|fall|"
                       r"growth|change|reduction)|(percentage|%|per ?cent) (increase|change|growth|rise|fall)|"
                       r"(grow|rise|increase|fall|decrease|change|drop|go up|gone up)\w* by what|"
                       r"what (is|was) the (percentage|%)|" + _RATE_WORDS),
    ("change", r"\bby how (?:much|many)\b|\bhow far (?:has|have|had|did|does|do|will|is|are|was|were) .*\b(?:ris|rose|fall|fell|"
               r"grow|grew|drop|improv|declin|reduc|increas|decreas|climb|mov|shift|come (?:up|down))|\bhow (?:does|do|did) .+ compare (?:with|to|against)\b|how much (does|did|do|will|has|have|would) .*\b(go up|rise|increase|fall|decrease|"
               r"change|grow|drop|exceed|improve|worsen|decline|reduce|climb)|difference between|\bexceed|\b(go|goes|went|gone) (?:up|down)\b|\bin cash\b|"
               r"how much (more|less|higher|lower)|\bhow (?:many (?:percentage )?points|far) (?:above|below|higher|lower|over|under|ahead of|behind)\b|\bhow many (more|fewer|less)\b.*\bthan\b|\bgap between\b|\bwhat (is|was|will be) the (?:projected |expected |forecast |planned |estimated |likely )?(?:[a-z]+-[a-z-]+ |annual |overall |absolute )?(change|difference|increase|decrease|"
               r"rise|fall|growth|reduction) in\b|\b(change|grow|rise|increase|fall|decrease)[a-z]* (between|from) "),
    ("sum", r"\badd(s|ed|ing)? up\b|\bin total\b|\btotal\b|\baltogether\b|\bcombined\b|\bsum\b|\bin all\b|"
            r"\b(counting|including|taking in) (both|all|each|every)\b(?! of)|\btogether\b"),
    # (and the period whose figure was higher or lower, wherever the question says so: 'between 2018 and 2019, in
    # which year was X higher?')
    ("max", r"\b(the )?(most|largest|highest|biggest|greatest|maximum|furthest|farthest|dearest|longest)\b|"
            r"\b(which|what) (?:\w+ )?(year|period|quarter|month)\b.*\b(higher|larger|greater|bigger)\b"),
    ("min", r"\b(the )?(least|smallest|lowest|fewest|minimum|cheapest|shortest)\b|"
            r"\b(which|what) (?:\w+ )?(year|period|quarter|month)\b.*\b(lower|smaller|less|fewer)\b(?! than)"),
    ("count", r"\bhow many of\b|\bhow many (?:\w+ ){0,6}(are|were|is) (expected|rated|marked|classed|listed|at)\b|"
              r"\bhow many (?:\w+ ){0,3}(did|does|do|was|were|is|are|had|has)\b.*\b(exceed\w*|more than|above|over|"
              r"greater than|less than|below|under|fewer than)\b"),
    ("average", r"\baverage\b|\bmean\b"),  # 'weighted average shares' too: the fitted model weighs the cue
    ("ratio", r"\bratio\b|\bas a multiple of\b|\bhow many times\b|\bdivided by\b|\bwhat multiple of\b"),
    # a list: "what are", "list", or what/which + a plural noun + a verb ("which metrics are", "what benefits did")
    ("list", r"^(what|which) are\b|^list\b|^name\b|\bwhat (will|does|do|did|should) .* (focus(es)? on|concentrate on|"
             r"prioriti[sz]e|include|involve|cover|comprise|consist of|deliver|target)\b|"
             r"^(what|which) (?:\w+ ){0,2}\w+[^s\W]s (are|were|did|do|does|will|have|must|should|shall|can|could|"
             r"would|may|might|need)\b|\bwhat are the\b"),
    ("date", r"^when\b|\bwhat date\b|\bby when\b|\bwhen (is|was|does|did|will)\b"),
    ("who", r"^who\b|\bwho (?:\w+s|is|are|was|were|will|has|have|does|did|can|should)\b"),  # who + any verb
    ("value", r"\bhow (much|many|big|large)\b|^what (is|was|are|were) (the|our) [a-z ]*\b(target|budget|allocation|"
              r"spend|figure|number|total|rate|score|cost|value|amount|deficit|expenditure)|\bwhat score\b|"
              r"^what (proportion|percentage|share)\b|\bhow many\b|\bwhat percentage\b"),
]]


def cue_intents(q: str) -> list[str]:
    """What the cue patterns say a question asks for, most specific first."""
    s = q.lower()
    found = [name for name, pattern in _INTENTS if pattern.search(s)]
    if "share" in found and "percent_change" in found and not re.search(r"\bof (the )?\w+ (goes|go|went)\b", s):
        found.remove("share")
    return found or ["text"]


_LOWER = re.compile(r"(?i)\b(least|smallest|lowest|fewest|less|lower|smaller|fewer|worst|cheapest|cheaper|shortest|shorter)\b")
_HIGHER = re.compile(r"(?i)\b(most|largest|highest|biggest|greatest|more|higher|larger|greater|bigger|best|dearest|dearer|longest|longer)\b")
# 'minimum' and 'maximum' are so often part of a name ('Minimum CCG Contribution', 'maximum exposure') that they
# say which extreme is asked only when no other word does
_MINIMUM = re.compile(r"(?i)\bminimum\b")


def lower_asked(text: str) -> bool:
    """Does a question after an extreme ask for the lower one ('smallest', 'fewer', 'minimum' alone)?"""
    return bool(_LOWER.search(text) or _MINIMUM.search(text) and not _HIGHER.search(text))


def detect_intents(q: str, found: list[str] | None = None, read: tuple[str, float] | None = None) -> list[str]:
    """The question model's decision: the operation the fitted model gives (when it is sure enough), then
    the cue patterns' other findings. A word like 'total' or 'average' inside a name ('total assets',
    'weighted average shares') does not make a question a sum when the model reads it as a value.
    `found` and `read` are the cues and the model's reading when the caller has them already."""
    found = cue_intents(q) if found is None else found
    op, prob = operation(q, tuple(found)) if read is None else read
    if prob < MIN_OPERATION_PROBABILITY and found != ["text"]:
        return found  # unsure: the cues decide (when they found anything)
    if op == "which":  # 'in which year was X largest?': the period (or row) with the extreme value
        lead = ["min" if lower_asked(q) else "max"]
    elif op in ("value", "text"):  # not a computation: what kind of value the cues say (date, who, list)
        # (a change the cues find stays, after them: 'by how much did X change?' is often answered in words,
        # but where no sentence says it the two figures give it)
        kinds = [f for f in found if f not in COMPUTING and f != "text"] or [op]
        return kinds + [f for f in found if f == "change" or f == "percent_change" and _RATE_ASKED.search(q)
                        or f == "sum" and (_SUM_ASKED.search(q) or _TOTAL_OVER_PERIODS.search(q))]
    else:
        lead = [op]
    if op == "percent_change":
        found = [f for f in found if f != "change"]
    rest = [f for f in found if f not in lead and f != "text"]
    if op in COMPUTING or op == "which":
        rest = [f for f in rest if f not in COMPUTING or f in ("change", "percent_change") and op in (
            "change", "percent_change")]
    else:  # a list is not a computation either ('the respective totals for each year')
        rest = [f for f in rest if f not in COMPUTING]
    return lead + rest


# a question after how a figure is arrived at: 'how is basic EPS calculated?', 'how are the assets measured?'
_ASKS_METHOD = re.compile(r"\bhow (?:is|are|was|were|do|does|did|has|have)\b.*\b(?:calculated|computed|determined|measured|"
                          r"derived|estimated|valued|arrived at|worked out|structured|defined|recogni[sz]ed|recorded)\b")
# a question after what something is or stands for: 'what does X represent / include / relate to / consist of?'
_ASKS_MEANING = re.compile(r"^what (?:does|do|did|is|are|was|were)\b.*\b(?:represents?|relate[sd]? to|related to|"
                           r"consists? of|comprises?|refers? to|mean|stand for)\b\s*\??$")

# a question after a cause: 'why did X rise?', 'what caused / led to / drove X?', 'what was the reason for X?'
_ASKS_REASON = re.compile(r"^(?:why\b|what (?:is|are|was|were) the (?:main |primary |key |major )?(?:reasons?|causes?|drivers?)\b|"
                          r"what (?:caused|causes|led to|leads to|drove|drives|accounted for|accounts for|resulted in|"
                          r"contributed to|explains?|was behind|is behind)\b)")


# a rate that is a price: paid by the hour, day, week or night ('the hourly rate for home care', 'a rate per bed night')
_PRICE_RATE = re.compile(r"\b(?:hourly|daily|weekly|nightly)\s+(?:(?:pay|care|fee|contract|base|standard|bed)\s+)?rates?\b|"
                         r"\brates?\s+(?:paid\s+)?(?:per|an|a)\s+(?:hour|day|week|night|bed[\s-]night|visit|placement)\b|"
                         # ('the council's standard rate for residential care', 'the agreed fee rate for nursing')
                         r"\b(?:standard|usual|agreed|base|banded|ceiling|funded|framework|contract|fee)\s+rates?\s+"
                         r"(?:paid\s+)?(?:for|of)\s+(?:a\s+|an\s+)?(?:[a-z]+\s+){0,2}(?:care|nursing|support|placements?|"
                         r"beds?|services?|visits?)\b")


# a word that asks a price: 'the most expensive home', 'the cheapest provider' (not 'expenses')
PRICED = re.compile(r"(?i)\b(?:expensive|cheap(?:er|est)?|costl(?:y|ier|iest)|dear(?:er|est))\b")


def wanted_kind(q: str, intents: list[str]) -> str | None:
    s = q.lower()
    if _ASKS_METHOD.search(s):
        return "method"
    if _ASKS_MEANING.search(s.strip()):
        return "meaning"
    if _ASKS_REASON.search(s.strip()):
        return "reason"
    if _PRICE_RATE.search(s) or PRICED.search(s):  # 'the hourly rate', 'the most expensive home': a price
        return "money"
    # ('share' asks for a percentage as 'a share of', 'market share'; not in 'per (ordinary) share' or 'shares')
    if intents[0] in ("share", "percent_change") or re.search(
            r"\b(percentage|proportion|per ?cent|rate)\b|(?:^|[\s(])%|\bshare of\b|\bmarket share\b",
            re.sub(r"\bper (?:\w+ )?share\b", " ", s)):
        return "percent"
    if re.search(r"\bhow long\b", s):  # 'how long did enquiries take?', 'for how long does the service support people?'
        return "duration"
    if re.search(r"\bhow (?:much|big|large)\b", s) and MONEY_HINT.search(s):  # 'how big is the pooled budget?'
        return "money"
    if re.search(r"\bhow many\b|\bnumber of\b|\bscore\b|\bwhat (size of )?population\b|\bhow (big|large)\b", s):
        return "count"
    if intents[0] == "date":
        return "date"
    if re.search(r"\bhow often\b|\bhow frequently\b", s):
        return "frequency"
    if re.search(r"\b(which|what) days?\b|\bwhat hours\b|\bopening (hours|times)\b", s):
        return "weekday"
    if intents[0] == "who":
        return "person"
    if MONEY_HINT.search(s) and re.search(r"\bhow much\b|\bwhat is the\b|\bwhat was the\b", s):
        return "money"
    if "change" in intents:  # 'by how much did X change?': a sentence that says how it moved
        return "movement"
    return None


def split_parts(q: str) -> list[str]:
    """'Who chairs X, how often does it meet, and how often are reports published?' -> three parts."""
    s = q.strip().rstrip("?")
    pieces = re.split(r",\s*(?:and\s+)?(?=(?:how|what|who|when|which|where|why|is|are|does|did|has)\b)|"
                      r"\s+and\s+(?=(?:how|what|who|when|which|where|why)\b)|"
                      r",?\s+(?:compared (?:with|to)|versus|as against)\s+", s, flags=re.I)
    return [p.strip() for p in pieces if p and p.strip()]


_QUESTION_WORD = re.compile(r"(?i)^(?:and\s+)?(?:how|what(?:'s)?|who|whom|whose|when|which|where|why|is|are|was|were|"
                            r"does|do|did|has|have|can|will)\b")
_POINTER = re.compile(r"(?i)\b(it|its|they|them|their|this|that|these|those)\b(?!\s+(?:is|are|was|were)\s+(?:the|a|an)\b)")


def question_parts(q: str) -> list[tuple[str, str]]:
    """The questions a question in several parts asks, each as asked and as asked on its own: 'When was the
    plan approved, and who signs it?' -> [('When was the plan approved', same), ('who signs it', 'who signs
    it (plan)')]. A part that points back ('it', 'that') or names nothing of its own ('and what is the
    2018/19 target?') is asked with what the first part is about after it. [] when the question is one
    question (a lead-in such as 'In the first phase, how many ...' or 'X compared with Y' is not a part)."""
    pieces = re.split(r",\s*(?:and\s+)?(?=(?:how|what|who|when|which|where|why|is|are|does|did|has)\b)|"
                      r"\s+and\s+(?=(?:how|what|who|when|which|where|why)\b)", q.strip().rstrip("?"), flags=re.I)
    pieces = [p.strip() for p in pieces if p and p.strip()]
    if len(pieces) < 2 or not all(_QUESTION_WORD.match(p) for p in pieces):
        return []
    about = subject_of(pieces[0])
    out = [(pieces[0], pieces[0])]
    for p in pieces[1:]:
        own = set(content_terms(p))
        leans = _POINTER.search(p) or (len(own) <= 3 and not own & set(content_terms(about)))
        out.append((p, f"{p} ({about})" if leans else p))
    return out


def subject_of(question: str) -> str:
    """What a question is about, for a later part or turn that points back to it ('and who signs it?'): the
    words after its first definite article up to a verb that starts what is said of it, less a closing
    participle ('the 2024-26 strategy agreed' -> 'strategy', 'the hub due to open' -> 'hub'); else
    the question without its asking words. Not its periods: 'and what was it in 2018?' asks of 2018 alone. A
    question that was itself read with what it points back to ('how often is it reviewed (governance board)')
    is about that."""
    q = question.strip().rstrip("?").strip()
    read = re.search(r"\(([^()]+)\)$", q)
    if read and _POINTER.search(q[:read.start()]):
        return read.group(1).strip()
    m = re.search(r"(?i)\b(?:the|our|this|these|its|their)\s+(.+)$", q)
    about = re.split(r"(?i)\s+(?:is|are|was|were|will|would|should|can|could|does|do|did|has|have|had|due|meant|"
                     r"expected|going|to)\b", m.group(1))[0] if m else ""
    about = re.sub(r"\s+\w+(?:ed|en)$", "", about).strip() or _ASKING_HEAD.sub("", q)
    about = _WITHIN_YEAR.sub("", about).strip() or about  # ('in November', 'for Q3': periods too)
    return re.sub(r"(?i)\s*\b(?:in|for|of|during|at|by)?\s*(?:fy\s?)?(?:19|20)\d{2}(?:[-/]\d{2,4})?\b", "", about).strip() \
        or about


_WITHIN_YEAR = re.compile(rf"(?i)\s*\b(?:in|for|during|by)\s+(?:the\s+)?(?:(?:{MONTH_WORDS})\b|Q[1-4]\b|quarter\s+[1-4]\b|"
                          r"(?:first|second|third|fourth)\s+quarter\b)")


# the words a question starts with that ask, and say nothing of what it is about
_ASKING_HEAD = re.compile(r"(?i)^(?:how\s+(?:much|many|often|long|far)(?:\s+of)?|what(?:'s)?|who(?:m|se)?|when|which|"
                          r"where|why|is|are|was|were|does|do|did|has|have)(?:\s+(?:is|are|was|were|will|would|"
                          r"does|do|did|has|have|had))?\s+")


def content_terms(text: str, acronyms: Mapping[str, str] | None = None) -> list[str]:
    """Stemmed content words of a text; with `acronyms`, also the words of the long forms of acronyms it
    uses and the acronyms of long forms it spells out (so 'IBCF' and 'Improved Better Care Fund' meet)."""
    if not acronyms:
        return list(_plain_terms(text))
    return _content_terms(text, acronyms)


@lru_cache(maxsize=32768)
def _plain_terms(text: str) -> tuple[str, ...]:
    return tuple(_content_terms(text, None))


def _content_terms(text: str, acronyms: Mapping[str, str] | None) -> list[str]:
    expanded = expand_acronyms(text, dict(acronyms or {})) if acronyms else text
    if acronyms:
        low = text.lower()
        extra = [acr for acr, long in acronyms.items() if long in low]
        if extra:
            expanded += " " + " ".join(extra)
        upper = {k.upper(): v for k, v in acronyms.items()}
        more = [upper[w.upper()] for w in re.findall(r"\b[A-Za-z&]{2,9}\b", text)
                if w not in acronyms and w.upper() in upper]
        if more:
            expanded += " " + " ".join(more)
    out: list[str] = []
    for w in words(expanded):
        bare = w[:-2] if w.endswith(("'s", "’s")) else w  # "what's", "it's" are the little words they shorten
        if bare in STOPWORDS or _question_word(bare) or (len(w) < 2 and not w.isdigit()):
            continue
        t = _SEX_TERMS.get(w) or _SEX_TERMS.get(bare) or stem(w)  # ("women's" as 'women')
        if t not in out:
            out.append(t)
    return out


_FORM_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")  # ('self-neglect' is one form, not 'neglect')


@lru_cache(maxsize=32768)
def word_forms(text: str) -> frozenset[tuple[str, str]]:
    """Each content word of a text as (its stem, the word as written less a plural or possessive 's'; a
    hyphenated compound's whole): 'assessments' and 'assessed' share a stem, not a form, as do 'neglect' and
    'self-neglect'."""
    out: set[tuple[str, str]] = set()
    for w in _FORM_WORD.findall(text):
        form = re.sub(r"s$", "", re.sub(r"['’]s?$", "", w.lower()))
        out.update((t, form) for t in _plain_terms(w))
    return frozenset(out)


def stem_only(question: str, label: str) -> set[str]:
    """The stems a label shares with a question only in another form of the word ('Young carers assessed' for
    'carers' assessments'), where no word of the label says it as the question does."""
    q, lab = word_forms(question), word_forms(label)
    lab_stems = {t for t, _ in lab}
    return {t for t, f in q if t in lab_stems} - {t for t, f in q if (t, f) in lab}


def word_pairs(text: str) -> set[tuple[str, str]]:
    """The pairs of content words next to each other in a text, in its order ('public reports', 'home care')."""
    seq = content_terms(text)
    return set(zip(seq, seq[1:], strict=False))


# the two ways a breakdown by sex is named, one term each: 'male life expectancy' is the row 'Men'
_SEX_TERMS = {w: "male" for w in ("male", "males", "men", "man")} | {
    w: "female" for w in ("female", "females", "women", "woman")}


# the plurals of the question words that name a kind of answer: dropped as the singular is, so that a question's
# 'changes' and a table's 'Change' header agree ('falls', 'shares', 'means' are things a plan or a report counts)
_QUESTION_PLURALS = frozenset("""
percentages proportions amounts figures numbers values sums differences changes increases decreases averages
""".split())


def _question_word(w: str) -> bool:
    return w in QUESTION_WORDS or w in _QUESTION_PLURALS


def specific(periods: list[str]) -> list[str]:
    """Drop a period that a more specific one names ('2018-19' when '2018-19 Q4' is there)."""
    return [p for p in periods if not any(o != p and o.startswith(p + " ") or o.endswith(" " + p) and
                                          re.fullmatch(r"\d{4}", p) for o in periods)]


# what a chat user puts before or after the question proper: 'Please tell me what ...', 'Could you tell me
# ...', 'I'd like to know ...', '..., please?'
_LEAD_IN = re.compile(
    r"(?i)^(?:(?:hi|hello|ok|okay|so|and)[,!.]?\s+)?(?:please\s+|kindly\s+)?(?:(?:(?:can|could|would|will)\s+you\s+"
    r"(?:please\s+)?(?:tell|show|give)\s+me|(?:tell|show|give)\s+me|i(?:'d|’d| would)\s+like\s+to\s+know|"
    r"i\s+(?:want|need)\s+to\s+know|do\s+you\s+know|i\s+wonder)\s*,?\s+)(?=\S)")
_TAIL = re.compile(r"(?i),?\s+please\s*(?=[?.!]*$)")
# how a question proper starts (what is left after 'tell me' that does not is a noun phrase: 'the total')
_ASKING = re.compile(r"(?i)(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|had|"
                     r"can|could|will|would|should|in|on|for|by|to|from|at|during|list|name|give|show|compare)\b")


def plain_question(question: str) -> str:
    """The question without the courtesies around it ('Please tell me what the table shows' -> 'What the
    table shows'); the question itself when it has none."""
    q = _TAIL.sub("", _LEAD_IN.sub("", question.strip(), count=1))
    if not q or q == question.strip():
        return question
    if not _ASKING.match(q):  # 'tell me the total' -> 'What is the total'
        q = "What is " + q
    return q[:1].upper() + q[1:]


_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
               r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_PERIOD_PHRASE = re.compile(
    rf"(?i)\b(?:(?:the\s+)?(?:(?:fiscal|financial|calendar)\s+)?(?:years?|quarters?|periods?|months?)\s+"
    rf"(?:ended|ending)\s+(?:on\s+)?)?(?:(?:as\s+)?(?:of|at)\s+)?"
    rf"(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{_MONTH_NAME},?\s+)?"
    rf"(?:(?:the\s+)?(?:fiscal|financial|calendar)\s+(?:years?\s+)?|(?:the\s+)?years?\s+)?"
    rf"(?:fy\s?'?)?(?P<y>(?:19|20)\d{{2}})\b(?![-/–]\d)")  # not the first year of a span ('the 2017-19 plan')


# 'in chronological order', '(from earliest to latest)', 'sorted in descending order': how the answer is to be
# ordered, not what it is about
_ORDER = re.compile(
    r"(?i)[,;]?\s*\(?\s*(?:(?:listed|sorted|arranged|given|shown|ranked|presented)\s+)?(?:in|by)\s+(?:the\s+)?"
    r"(?P<kind>reverse\s+chronological|chronological|date|time|ascending|descending|increasing|decreasing|"
    r"alphabetical)\s+order\s*\)?|[,;]?\s*\(?\s*from\s+(?:the\s+)?(?P<first>earliest|oldest|first|latest|newest|"
    r"most\s+recent|highest|largest|biggest|lowest|smallest)\s+to\s+(?:the\s+)?(?:earliest|oldest|first|latest|"
    r"newest|most\s+recent|last|highest|largest|biggest|lowest|smallest)\s*\)?")
_ORDERS = {"chronological": "oldest first", "date": "oldest first", "time": "oldest first",
           "reverse chronological": "newest first", "ascending": "ascending", "increasing": "ascending",
           "descending": "descending", "decreasing": "descending", "alphabetical": "alphabetical",
           "earliest": "oldest first", "oldest": "oldest first", "first": "oldest first", "latest": "newest first",
           "newest": "newest first", "most recent": "newest first", "highest": "descending", "largest": "descending",
           "biggest": "descending", "lowest": "ascending", "smallest": "ascending"}
# 'for each year', 'in all the years', 'every period listed': the figures of every period the table gives
_EVERY_PERIOD = re.compile(r"(?i)\b(?:each|every|all)\s+(?:of\s+)?(?:the\s+)?(?:listed\s+|shown\s+|reported\s+|presented\s+)?"
                           r"(?:fiscal\s+|financial\s+|calendar\s+)?"
                           r"(?:years?|periods?|quarters?|months?)\b")


def ordering(question: str) -> tuple[str, str | None]:
    """The question without a phrase that says how to order the answer, and that order ('oldest first',
    'newest first', 'ascending', 'descending', 'alphabetical'); the question and None when it says none."""
    m = _ORDER.search(question)
    if not m:
        return question, None
    said = " ".join((m.group("kind") or m.group("first")).lower().split())
    rest = " ".join((question[:m.start()] + " " + question[m.end():]).split())
    return re.sub(r"\s+([?.!,])", r"\1", rest), _ORDERS.get(said)


# words that ask for a rate of change whatever else the question says ('what was the percentage of X' may be a
# share; 'the growth rate of X' is not)
_RATE_ASKED = re.compile(r"(?i)" + _RATE_WORDS + r"|\b(?:percentage|per ?cent) (?:change|increase|decrease|growth|rise|fall)\b|"
                         r"\bby what (?:percentage|%|per ?cent)\b")
# words that ask for figures added up whatever else the question says ('total' alone is often a row's name)
_SUM_ASKED = re.compile(r"(?i)\bcombined\b|\bin total\b|\baltogether\b|\badd(?:ed)? (?:up|together)\b|\bsum of\b|"
                        r"\btogether\b")
# 'the total X in 2018 and 2019': a total over the periods joined (not 'the respective totals', one per period)
_TOTAL_OVER_PERIODS = re.compile(r"(?i)^(?!.*\brespective(?:ly)?\b)(?!.*\beach\b).*\btotal\b.*\b(?:19|20)\d{2}\b"
                                 r"(?:/\d{2})?\s+and\s+(?:fiscal\s+|fy\s*)?(?:19|20)\d{2}\b")
# an average that moved: 'the increase in the average hourly rate', 'the average length of stay fell'
_AVERAGE_MOVED = re.compile(r"(?i)\b(?:change|increase|decrease|rise|fall|growth|drop|reduction|movement) in (?:the |our |its )?"
                            r"(?:weighted )?average\b|\baverage\b.*\b(?:rise|rises|rose|risen|fall|falls|fell|fallen|grow|grew|"
                            r"grown|increase[sd]?|decrease[sd]?|change[sd]?|drop(?:ped)?|go(?:ne|es)? up|went up|go(?:ne|es)? down|went down)\b")
# the words of a figure's move over time ('rose', 'had fallen', 'is expected to grow', 'improving')
MOVE_WORDS = (r"(?:rise|rises|rose|risen|rising|fall|falls|fell|fallen|falling|grow|grows|grew|grown|growing|"
              r"increase[sd]?|increasing|decrease[sd]?|decreasing|drop(?:s|ped|ping)?|reduce[sd]?|reducing|"
              r"decline[sd]?|declining|climb(?:s|ed|ing)?|improve[sd]?|improving|worsen(?:s|ed|ing)?)")
_POINTS_APART = re.compile(r"(?i)\bhow many (?:percentage )?points\b|\bhow many (?:more|fewer|less)\b.*\bthan\b")
# how often a kind of thing occurs, at its extreme: 'the most common', 'the least frequent' (never a row's name)
_HOW_OFTEN_EXTREME = re.compile(r"(?i)\b(?:most|least)\s+(?:common(?:ly)?|frequent(?:ly)?|prevalent|usual)\b")
_YEAR_ON_YEAR = re.compile(r"(?i)\byear[- ](?:on|over)[- ]year\b|\byoy\b")


def _phrasing_read(q: str, op: str, cues: list[str]) -> tuple[str, list[str]]:
    """Phrasings whose operation the fitted model misreads, each a class of question (tests/test_query.py
    asks each in several wordings): the operation, and the cues without the word that misled it."""
    if op in ("value", "text") and _HOW_OFTEN_EXTREME.search(q):
        return "which", cues  # 'what was the least common type of abuse in 2024/25?': the kind of row with the fewest
    if _AVERAGE_MOVED.search(q) and {"change", "percent_change"} & set(cues):
        # 'by how much will the average hourly rate rise?': the change of a figure an average names, not an average
        cues = [c for c in cues if c != "average"]
        return (("percent_change" if "percent_change" in cues else "change") if op == "average" else op), cues
    if op == "count" and _POINTS_APART.search(q):
        return "change", cues  # 'how many percentage points above England is X?', 'how many more ... than ...?': a difference
    return op, cues


def understand(question: str, acronyms: Mapping[str, str] | None = None, docs: tuple[str, ...] = ()) -> Query:
    q, order = ordering(" ".join(question.split()))
    cues = cue_intents(q)
    probs = probabilities(q, tuple(cues))
    op, op_p = probs[0] if probs else ("value", 0.0)
    op, cues = _phrasing_read(q, op, cues)
    intents = detect_intents(q, cues, (op, op_p))
    periods, months = periods_in(q)
    periods = specific(periods)
    quoted = tuple(m.group(1) or m.group(2) for m in re.finditer(r"[\"“]([^\"”]{2,60})[\"”]|'([^']{2,60})'", q))
    parts = split_parts(q)
    # 'in fiscal 2019', 'for the year ended December 31, 2019', 'as of June 30, 2019': the words around the
    # year say when, as the year does (the periods and months above carry it); they are not the subject
    terms = content_terms(_PERIOD_PHRASE.sub(lambda m: f" {m.group('y')} ", q))
    if re.search(r"(?i)\b(which|what|how many)\s+(fiscal\s+|financial\s+|calendar\s+)?(year|period|quarter|month)s?\b", q):
        # 'in which year…', 'how many years…': the answer is a period, the word says what is asked, not about what
        terms = [t for t in terms if t not in ("year", "period", "quarter", "month", "fiscal", "financi", "calendar")]
    if _YEAR_ON_YEAR.search(q):
        # 'the year-on-year change': between the latest two years, whichever they are; not a subject 'year'
        terms = [t for t in terms if t not in ("year", "yoy")]
    return Query(
        text=q, intents=tuple(intents), wants=wanted_kind(q, intents), periods=tuple(periods),
        months=tuple(months), terms=tuple(terms), quoted=quoted, docs=docs,
        parts=tuple(parts) if len(parts) > 1 else (), raw_terms=tuple(w for w in words(q) if w not in STOPWORDS),
        operation=op, operation_p=op_p, operation_probs=probs, order=order,
        every_period=bool(_EVERY_PERIOD.search(q)), counted=counted_words(q),
    )


# the words that end what 'how many …' counts: a verb, a preposition, or a word that qualifies it ('aged 90')
_COUNT_PHRASE_END = frozenset(
    "is are was were be been being do does did has have had will would can could should shall may might must "
    "from of in at on for with by to into within across per each aged over under between during than that which "
    "who there".split())


def counted_words(question: str) -> tuple[str, ...]:
    """The words of what 'how many X …' counts, X ended by a verb or preposition: 'how many step-down care beds
    will the county commission' -> ('step-down', 'care', 'beds'), 'how many volunteers came to …' ->
    ('volunteers',), 'how many referrals reached ...' -> ('referrals', 'reached'): the noun is one of them, and an
    answer that puts a number before it states the count."""
    m = re.search(r"(?i)\bhow many\s+(.*)", question)
    if not m:
        return ()
    out: list[str] = []
    for w in re.findall(r"[A-Za-z&'-]+|\d[\d,.]*", m.group(1))[:8]:
        if w.lower() in _COUNT_PHRASE_END or w[0].isdigit() or out and w.lower() in _COUNTED_DID:
            break
        out.append(w)
    return tuple(out)


# verbs that say what the counted did, ending its phrase after a noun: 'how many ambulance handovers took over 45
# minutes', 'how many people attended', 'how many patients waited' (not '-ed' words at large: 'how many completed
# reviews' counts completed reviews)
_COUNTED_DID = frozenset(
    "took take takes came come comes went go goes got get gets made make makes gave give gives saw see sees left leave "
    "leaves received receive receives attended attend attends used use uses needed need needs started start starts "
    "waited wait waits died die joined join joins".split())


def with_docs(q: Query, docs: tuple[str, ...]) -> Query:
    return replace(q, docs=docs)


# --------------------------------------------------------------------------- document scope

_NAME = re.compile(r"\b([A-Z][A-Za-z&'\-]+(?:\s+[A-Z][A-Za-z&'\-]+)*)\b")


def scope_docs(question: str, name_docs: Mapping[str, Mapping[str, int]], min_count: int = 5,
               share: float = 0.85) -> tuple[str, ...]:
    """Documents a question is about, from names in it that occur (almost) only in one document:
    'Wiltshire' -> the Wiltshire plan. Empty when no name is that specific."""
    return tuple(dict.fromkeys(doc for _, doc in scoping_names(question, name_docs, min_count, share)))


def scoping_names(question: str, name_docs: Mapping[str, Mapping[str, int]], min_count: int = 5,
                  share: float = 0.85) -> list[tuple[str, str]]:
    """(name, document) for each name in a question that points at one document ('Wiltshire', 'B&NES')."""
    scoped: list[tuple[str, str]] = []
    for m in _NAME.finditer(question):
        for token in re.findall(r"[A-Za-z&'\-]+", m.group(1)):
            token = re.sub(r"'s$", "", token)  # "Wiltshire's" is Wiltshire
            counts = name_docs.get(token) or name_docs.get(token.lower())
            if not counts:
                continue
            total = sum(counts.values())
            doc, top = max(counts.items(), key=lambda kv: kv[1])
            if total >= min_count and top / total >= share:
                scoped.append((token, doc))
    return scoped
