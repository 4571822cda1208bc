"""Numbers as the documents write them: parse cell text and prose into exact values, and format back.

Pure functions. Values are Decimals (no floating-point drift in currency). Money is in pounds; a cell
written "£11.6m" keeps scale "m" so it can be written back the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# every spelling of a month MONTHS knows, longest first, for patterns ('sept', 'september', 'sep')
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_NAMES = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EMPTY = {"", "-", "–", "—", "n/a", "na", "n.a.", "nil", "$—", "$ —", "$-", "£-", "€-", "$–"}
# a dash among figures is nil: tables read it as zero of the column's kind (tables._nil_dashes)
NIL_DASHES = {"-", "–", "—", "−", "$—", "$ —", "$-", "$–", "£-", "£–", "£—", "€-", "€–", "€—"}
CURRENCIES = ("£", "$", "€")  # a money cell or figure keeps the symbol it was written with
SCALES = {"k": Decimal(1000), "m": Decimal(1_000_000), "bn": Decimal(1_000_000_000),
          "thousand": Decimal(1000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}
SCALE_WORDS = {"k": "thousand", "m": "million", "bn": "billion"}
SCALE_SHORT = {"thousand": "k", "million": "m", "billion": "bn", "k": "k", "m": "m", "bn": "bn"}

# a rate per head of population, as health and care figures give rates: 'Admissions (per 100,000)', 'per 1,000 births'
PER_HEAD = re.compile(r"(?i)\bper\s+(?:1|10|100)?,?0{3}\b|\bper\s+(?:thousand|hundred thousand)\b")

_DASH = "\u2013\u2014\u2212"
_NUM = r"\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_MONEY_CELL = re.compile(
    rf"^(?P<sign>[+\-{_DASH}])?\s*(?P<open>\()?\s*(?P<sign2>[+\-])?\s*(?:US|A|C|NZ|HK|S)?(?P<cur>[£$€])\s*(?P<open2>\()?(?P<num>{_NUM})\)?\s*"
    rf"(?P<scale>k|m|bn|million|thousand|billion)?\s*(?P<close>\))?\s*(?P<mark>\*+)?$",
    re.I,
)
_PERCENT_CELL = re.compile(rf"^(?P<sign>[+\-{_DASH}])?\s*(?P<open>\()?(?P<num>{_NUM})\s*%\s*(?P<close>\))?(?P<rest>.*)$")
_NUMBER_CELL = re.compile(
    rf"^(?P<sign>[+\-{_DASH}])?\s*(?P<open>\()?\s*(?P<num>{_NUM})\s*(?P<close>\))?\s*(?P<mark>\*+)?"
    r"(?:\s+(?P<unit>[A-Za-z][A-Za-z ]{0,24}))?$"
)
# the words after a number that make it the bound of a band, not a value ('7 and higher', '2025 and thereafter')
_BRACKET_WORDS = re.compile(r"(?i)^(?:and|or|to|through|thru|plus|onwards?|thereafter|&)\b")
_FY = re.compile(
    rf"^(?:(?:FY|Q[1-4])\s*)?(?P<a>(?:19|20)?\d{{2}})\s*[/{_DASH}\-]\s*(?P<b>(?:19|20)?\d{{2}})"
    r"(?:\s*(?P<q>Q[1-4]))?$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_MONTH_YEAR = re.compile(r"^(?P<m>[A-Za-z]{3,9})[\s\-']?(?P<y>\d{2}|\d{4})$")
_DATE = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})$")
_QUARTER = re.compile(r"^Q[1-4]$", re.I)
_MONTH_RANGE = re.compile(rf"^([A-Za-z]{{3,9}})\s*[{_DASH}\-]\s*([A-Za-z]{{3,9}})(?:\s+((?:19|20)\d{{2}}))?$")


@dataclass(frozen=True)
class Parsed:
    kind: str  # money | percent | number | period | date | text | empty
    value: Decimal | None = None
    unit: str | None = None  # "£", "%", or a unit word ("hours")
    scale: str | None = None  # "k" | "m" | "bn" as written
    decimals: int = 0  # digits after the point as written
    label: str | None = None  # normalised period / date label


def _dec(num: str) -> tuple[Decimal, int]:
    s = num.replace(",", "").replace(" ", "")
    d = Decimal(s)
    decimals = len(s.split(".")[1]) if "." in s else 0
    return d, decimals


# '(1)', '(a)', '*' after a value, and the superscript markers of a word processor ('2,345¹', '12%†')
_FOOTNOTE = re.compile(r"(?<=[\d%)A-Za-z])\s?(?:\((?:\d{1,2}|[a-z])\)(?:,\s?)?)+$|(?<=\d)\*+$|"
                       r"(?<=[\d%)])[¹²³⁴⁵⁶⁷⁸⁹⁰†‡§]+$")
_PAREN_PERCENT = re.compile(r"^\((?P<num>[\d,.]+)\)\s?%$")


def strip_footnote(text: str) -> str:
    """A cell without its footnote markers: '390,000(1)' -> '390,000', '2018 (a)' -> '2018'."""
    return _FOOTNOTE.sub("", text).strip() if not re.fullmatch(r"\(\d{1,2}\)", text.strip()) else text


def parse_cell(raw: str, column_unit: str | None = None, column_scale: str | None = None) -> Parsed:
    """Parse one table cell. `column_unit`/`column_scale` come from the header (e.g. '£m'). Footnote
    markers after a value ('390,000(1)') are not part of it; '(15)%' is -15%."""
    text = strip_footnote(" ".join(raw.replace("\u00a0", " ").split()))
    if text.lower() in EMPTY:
        return Parsed("empty")
    m = _PAREN_PERCENT.match(text)
    if m:
        value, dec = _dec(m.group("num"))
        return Parsed("percent", -value, "%", None, dec)
    m = _MONEY_CELL.match(text)
    if m:
        value, dec = _dec(m.group("num"))
        scale = m.group("scale")
        # a '£' on a cell of a '£m' column does not make it pounds: the column's scale holds
        scale = SCALE_SHORT[scale.lower()] if scale else (column_scale if column_unit in CURRENCIES else None)
        if scale:
            value *= SCALES[scale]
        negative = (m.group("sign") or "") in "-" + _DASH and m.group("sign") is not None
        negative = negative or (m.group("sign2") == "-") or bool(m.group("open") or m.group("open2"))
        return Parsed("money", -value if negative else value, m.group("cur"), scale, dec)
    m = _PERCENT_CELL.match(text)
    if m and (not m.group("rest").strip() or re.match(r"^\s*\(?\d+\s*/\s*\d+", m.group("rest"))):
        value, dec = _dec(m.group("num"))
        negative = bool(m.group("sign") and m.group("sign") in "-" + _DASH) or bool(m.group("open"))
        return Parsed("percent", -value if negative else value, "%", None, dec)
    label = normalize_period(text)
    if label is not None:
        return Parsed("period", None, None, None, 0, label)
    m = _DATE.match(text)
    if m:
        y = int(m.group("y"))
        y = y + 2000 if y < 100 else y
        return Parsed("date", None, None, None, 0, f"{y:04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}")
    m = _QUARTER.match(text)
    if m:
        return Parsed("period", None, None, None, 0, text.upper())
    month = month_label(text)
    if month is not None:
        return Parsed("period", None, None, None, 0, month)
    m = _MONTH_RANGE.match(text)
    if m and m.group(1).lower() in MONTHS and m.group(2).lower() in MONTHS:
        year = f" {m.group(3)}" if m.group(3) else ""
        label = f"{MONTH_NAMES[MONTHS[m.group(1).lower()]]}–{MONTH_NAMES[MONTHS[m.group(2).lower()]]}{year}"
        return Parsed("period", None, None, None, 0, label)
    m = _NUMBER_CELL.match(text)
    if m:
        try:
            value, dec = _dec(m.group("num"))
        except InvalidOperation:
            return Parsed("text")
        negative = bool(m.group("sign") and m.group("sign") in "-" + _DASH) or bool(m.group("open"))
        value = -value if negative else value
        unit = (m.group("unit") or "").strip() or None
        if unit and _BRACKET_WORDS.match(unit):
            return Parsed("text")  # '65 and over', '2025 and thereafter', '10 or more': the label of a band
        if unit and unit.lower() in SCALES:  # "12 million"
            value *= SCALES[unit.lower()]
            kind = "money" if column_unit in CURRENCIES else "number"
            return Parsed(kind, value, column_unit, SCALE_SHORT[unit.lower()], dec)
        if column_unit in CURRENCIES and unit is None:
            if column_scale:
                value *= SCALES[column_scale]
            return Parsed("money", value, column_unit, column_scale, dec)
        if column_unit == "%" and unit is None:
            return Parsed("percent", value, "%", None, dec)
        return Parsed("number", value, unit, None, dec)
    return Parsed("text")


def normalize_period(text: str) -> str | None:
    """'2019/20', '19/20', '2019-20', '2018 –19 Q1', 'Q1 2019/20' -> '2019-20' (+ ' Q1'); '2014' -> '2014'."""
    t = " ".join(text.replace("\u00a0", " ").split()).strip().rstrip("*").strip()
    if not t or len(t) > 24:
        return None
    q = None
    mq = re.match(r"^(Q[1-4])\s+(.*)$", t, re.I)
    if mq:
        q, t = mq.group(1).upper(), mq.group(2)
    m = _FY.match(t)
    if m:
        a, b = m.group("a"), m.group("b")
        ya = int(a) if len(a) == 4 else 2000 + int(a)
        yb = int(b[-2:])
        if (ya + 1) % 100 != yb:
            return None
        label = f"{ya}-{yb:02d}"
        q = q or (m.group("q").upper() if m.group("q") else None)
        return f"{label} {q}" if q else label
    if _YEAR.match(t) and q is None:
        return t
    return None


def month_label(text: str) -> str | None:
    """'APR' -> 'Apr'; 'Mar-19', 'Apr15', 'March 2019' -> 'Mar 2019'."""
    t = text.strip().rstrip(".")
    if t.lower() in MONTHS:
        return MONTH_NAMES[MONTHS[t.lower()]]
    m = _MONTH_YEAR.match(t)
    if m and m.group("m").lower() in MONTHS:
        y = int(m.group("y"))
        y = y + 2000 if y < 100 else y
        return f"{MONTH_NAMES[MONTHS[m.group('m').lower()]]} {y}"
    return None


def fy_of(label: str) -> str | None:
    """The financial year part of a period label."""
    m = re.match(r"^(\d{4}-\d{2})", label)
    return m.group(1) if m else None


def shift_fy(label: str, years: int) -> str:
    m = re.match(r"^(\d{4})-(\d{2})(.*)$", label)
    if not m:
        if re.match(r"^\d{4}$", label):
            return str(int(label) + years)
        return label
    a = int(m.group(1)) + years
    return f"{a}-{(a + 1) % 100:02d}{m.group(3)}"


# --------------------------------------------------------------------------- numbers in prose


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    raw: str
    value: Decimal
    kind: str  # money | percent | number
    scale: str | None = None
    decimals: int = 0


# (a scale or 'per cent' ends at a letter or digit, not at a footnote mark: '£4.2m¹' is £4.2 million)
_PROSE_NUM = re.compile(
    rf"(?P<sign>[+\-{_DASH}])?(?P<open>\()?(?P<cur>[£$€]\s?)?(?P<num>\d{{1,3}}(?:,\s?\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<close>\))?\s?(?:(?P<pct>%|per\s?cent(?![a-z0-9_]))|(?P<scale>(?:k|m|bn|million|billion|thousand)(?![a-z0-9_])))?",
    re.I,
)


def find_numbers(text: str) -> list[Number]:
    """Every number written in a piece of prose, with its kind and exact value."""
    out: list[Number] = []
    for m in _PROSE_NUM.finditer(text):
        s = m.start()
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "._") and not m.group("cur"):
            continue  # part of a word or code ("D9", "Q4", "1.2.3")
        try:
            value, dec = _dec(m.group("num"))
        except InvalidOperation:
            continue
        kind = "number"
        scale = None
        if m.group("close") and not m.group("open"):
            # a ')' that closes an aside ('(unitary from 1 April 2020)') is not part of the number, nor is
            # what follows it
            kind = "money" if m.group("cur") else "number"
            if kind == "money" and m.group("sign") and m.group("sign") in "-" + _DASH:
                value = -value
            out.append(Number(s, m.end("num"), text[s:m.end("num")], value, kind, None, dec))
            continue
        if m.group("scale"):
            scale = SCALE_SHORT[m.group("scale").lower()]
            value *= SCALES[scale]
        if m.group("cur"):
            kind = "money"
        if m.group("pct"):
            kind = "percent"
        sign = m.group("sign")
        negative = bool(sign and sign in "-" + _DASH and (m.group("cur") or m.group("pct"))) or bool(
            m.group("open") and m.group("close"))
        if negative:
            value = -value
        if m.group("open") and not m.group("close"):
            s = m.start("open") + 1
        end = m.end()
        raw = text[s:end].rstrip()
        out.append(Number(s, s + len(raw), raw, value, kind, scale, dec))
    return out


# --------------------------------------------------------------------------- formatting


def _group(d: Decimal, decimals: int) -> str:
    q = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    d = d.quantize(q, rounding=ROUND_HALF_UP)
    return f"{d:,.{decimals}f}"


def format_value(value: Decimal, kind: str, scale: str | None = None, decimals: int | None = None,
                 signed: bool = False, currency: str | None = None) -> str:
    """Write a value the way the documents do: £1,277,735 · £11.6m · 35.7% · 40,367 · 31.8."""
    negative = value < 0
    v = -value if negative else value
    if kind == "money":
        if scale:
            v = v / SCALES[scale]
            dec = decimals if decimals is not None else _natural_decimals(v)
            body = f"{'£' if currency is None else currency}{_group(v, dec)}{scale}"
        else:
            dec = decimals if decimals is not None else (0 if v == v.to_integral_value() else max(2, _natural_decimals(v)))
            body = f"{'£' if currency is None else currency}{_group(v, dec)}"
    elif kind == "percent":
        dec = max(1, _natural_decimals(v)) if decimals is None else decimals
        body = f"{_group(v, dec)}%"
    elif scale:  # a count a table states in thousands: '16,223 thousand'
        v = v / SCALES[scale]
        dec = decimals if decimals is not None else _natural_decimals(v)
        body = f"{_group(v, dec)} {SCALE_WORDS[scale]}"
    else:
        dec = decimals if decimals is not None else _natural_decimals(v)
        body = _group(v, dec)
    if negative:
        return "-" + body
    return ("+" + body) if signed and value > 0 else body


def written_decimals(text: str) -> int:
    """How many decimals a number is written with: those of the first it shows ('1,234.567' 3, '(24,637)' 0)."""
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def _natural_decimals(v: Decimal) -> int:
    exp = v.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def round_to(value: Decimal, decimals: int) -> Decimal:
    q = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    return value.quantize(q, rounding=ROUND_HALF_UP)


def same_number(a: Decimal, b: Decimal, decimals_shown: int) -> bool:
    """True when `b` (exact) rounds to `a` as shown with `decimals_shown` digits (rounding is not an error)."""
    return round_to(b, decimals_shown) == round_to(a, decimals_shown)
