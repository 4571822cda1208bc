"""Plain-text helpers shared by chunking, retrieval and answering: sentences and words. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

_ABBREV = {
    "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "no", "st", "vs", "approx", "inc", "ltd", "cllr", "fig",
    "ref", "para", "vol", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "c", "ca", "cf", "al", "p", "pp", "nr",
}
_BOUNDARY = re.compile(r"([.!?])([\"')\]]*)(\s+)(?=[\"'(\[]?[A-Z0-9£•\-–])")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our ours out over own same she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours much many per within via across shown given since
""".split())


# how typesetting prints some letters, as the letters themselves: the ligatures of PDF text layers ('ﬁnancial',
# 'proﬁts'), soft hyphens and zero-width marks (invisible), non-breaking and Unicode hyphens ('re‑measured')
_PRINTED = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                          "\ufb05": "st", "\ufb06": "st", "\u00ad": None, "\u200b": None, "\u200c": None,
                          "\u200d": None, "\u2060": None, "\ufeff": None, "\u2010": "-", "\u2011": "-"})


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript_digits(text: str) -> str:
    """A footnote mark set as a superscript, as printed: '12' -> '¹²' (values.strip_footnote and the readers of
    headers and labels know such a mark from a figure; '2019/201' is no year)."""
    return text.translate(_SUPERSCRIPT_DIGITS)


def plain_letters(text: str) -> str:
    """A text with typeset ligatures, invisible marks and special hyphens as plain letters and '-' (see
    `_PRINTED`): 'proﬁts' and 'profits' are one word to every matcher and to the reader."""
    return text if text.isascii() else text.translate(_PRINTED)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (white space between sentences excluded)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(2)
        before = text[start:m.start(1)]
        word = re.split(r"[\s(]", before)[-1].lower() if before else ""
        if word.rstrip(".") in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        if m.group(1) == "." and re.search(r"\d$", before) and text[m.end(3):m.end(3) + 1].isdigit():
            continue  # "section 2. 3 items" is rare; "2.5" never matches (no space)
        if end > start:
            spans.append((start, end))
        start = m.end(3)
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def shorten(text: str, n: int) -> str:
    """The first n words of a text, with '…' when there were more."""
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


_WORD = re.compile(
    r"(?<![\d/])(?:19|20)?\d{2}\s?[/\-\u2013]\s?\d{2}(?![\d/])|£?\d+(?:[.,]\d+)*%?|[A-Za-z][A-Za-z0-9&'\-]*")
_FY = re.compile(r"^((?:19|20)?\d{2})\s?[/\-\u2013]\s?(\d{2})$")


def words(text: str) -> list[str]:
    """Lower-case word and number tokens; numbers lose their thousands commas ('£1,277,735' -> '1277735')
    and financial years are written one way ('19/20', '2019/20', '2019-20' -> '2019-20')."""
    out = []
    for w in _WORD.findall(plain_letters(text)):
        if len(w) >= 3 and w.endswith("s") and w[:-1].isupper():
            w = w[:-1]  # plural of an acronym: 'HCAs' -> 'HCA'
        w = w.lower().strip("'-")
        if not w:
            continue
        fy = _FY.match(w)
        if fy:
            a, b = fy.group(1), fy.group(2)
            ya = int(a) if len(a) == 4 else 2000 + int(a)
            if (ya + 1) % 100 == int(b):
                out.append(f"{ya}-{b}")
                continue
        if w[0].isdigit() or w[0] == "£":
            w = w.lstrip("£").replace(",", "").rstrip("%")
            out.append(w)
        elif "-" in w:  # 'non-elective' matches 'Non Elective'; 'bi-monthly' keeps its parts and itself
            parts = [p for p in w.split("-") if p]
            out.extend(parts)
            if len(parts) == 2 and len(parts[0]) <= 3:
                out.append("".join(parts))
        else:
            out.append(w)
    return out


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """English Snowball stem ('nursing', 'nurses' -> 'nurs'); numbers and periods unchanged; a month named in
    full is its short form ('March' and a table's 'MAR' are one term)."""
    if len(w) <= 3 or w[0].isdigit():
        return w
    return _MONTH_SHORT.get(w) or str(_stemmer().stemWord(w))


_MONTH_SHORT = {m: m[:3] for m in ("january february march april june july august september october november "
                                   "december").split()} | {"sept": "sep"}


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def index_terms(text: str) -> list[str]:
    """Terms for keyword retrieval: content words, stemmed, numbers and years kept whole."""
    return [stem(w) for w in content_words(text)]


# --------------------------------------------------------------------------- acronyms

_PAREN = re.compile(r"\(([A-Za-z][A-Za-z&/]{1,9})\)")
_JOINERS = {"of", "and", "for", "the", "to", "in", "on", "&", "a", "with"}


def _spells(acronym: str, words_: list[str]) -> bool:
    """Do the words spell the acronym by their initials (joining words may be skipped or counted)?"""
    letters = [c for c in acronym.lower() if c.isalpha()]

    def match(li: int, wi: int) -> bool:
        if li == len(letters):
            return wi == len(words_)
        if wi == len(words_):
            return False
        w = words_[wi].lower()
        if w in _JOINERS and match(li, wi + 1):
            return True
        if not w or w[0] != letters[li]:
            return False
        # a word may give more than one letter, in order ("Multidisciplinary" -> M, D)
        pos = 0
        for take in range(1, len(letters) - li + 1):
            if take > 1:
                pos = w.find(letters[li + take - 1], pos + 1)
                if pos < 0:
                    break
            if match(li + take, wi + 1):
                return True
        return False

    return match(0, 0)


def find_acronyms(text: str) -> dict[str, str]:
    """'delayed transfers of care (DTOC)' -> {'DTOC': 'delayed transfers of care'}; also 'DTOC (delayed ...)'."""
    out: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        acr = m.group(1)
        if sum(c.isupper() for c in acr) < 2:
            continue
        before = re.findall(r"[A-Za-z][A-Za-z'\-]*|&", text[max(0, m.start() - 120):m.start()])[-10:]
        n_letters = sum(c.isalpha() for c in acr)
        for size in range(max(1, (n_letters + 2) // 3), min(len(before), n_letters + 4) + 1):
            cand = before[-size:]
            if _spells(acr, cand):
                out.setdefault(acr, " ".join(cand).lower())
                break
    for m in re.finditer(r"\b([A-Z][A-Za-z&]{1,8})\s+\(([A-Za-z][^()]{3,80})\)", text):
        acr, long = m.group(1), m.group(2)
        if sum(c.isupper() for c in acr) >= 2 and _spells(acr, re.findall(r"[A-Za-z][A-Za-z'\-]*|&", long)):
            out.setdefault(acr, long.lower())
    return out


def acronyms_of(texts: list[str], pairs: list[tuple[str, str]] = ()) -> dict[str, str]:  # type: ignore[assignment]
    """Acronyms defined anywhere in some texts, plus (acronym, long form) pairs such as glossary rows
    whose long form spells the acronym."""
    out: dict[str, str] = {}
    for t in texts:
        for k, v in find_acronyms(t).items():
            out.setdefault(k, v)
    for acr, long in pairs:
        acr = acr.strip()
        if re.fullmatch(r"[A-Za-z&]{2,9}", acr) and sum(c.isupper() for c in acr) >= 2:
            ws = re.findall(r"[A-Za-z][A-Za-z'\-]*|&", long)
            if 1 <= len(ws) <= 10 and _spells(acr, ws):
                out.setdefault(acr, " ".join(ws).lower())
    return out


def expand_acronyms(text: str, acronyms: dict[str, str]) -> str:
    """Append the long form after each acronym the text uses without it ('NEA' -> 'NEA (non-elective admissions)')."""
    if not acronyms:
        return text
    extra = []
    lowered = text.lower()
    for tok in set(re.findall(r"\b[A-Za-z][A-Za-z&]{1,9}\b", text)):
        long = acronyms.get(tok)
        if long and long not in lowered:
            extra.append(long)
    return f"{text} ({'; '.join(sorted(extra))})" if extra else text


# words a sentence cut off mid-way ends with ('... transferred to the')
DANGLING = {"the", "a", "an", "of", "to", "and", "or", "that", "with", "for", "in", "on", "by", "which", "than",
            "from", "at", "as", "is", "are", "was", "were", "be", "will", "this", "these", "their", "our"}

# a list item: a bullet, a number or a letter, then text
LIST_ITEM = re.compile(r"^\s*(?:[-•·*✓]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]+[.)])\s+\S")


def marker_kind(text: str) -> str:
    """What a list item is marked with: a bullet, a number or a letter."""
    t = text.lstrip()
    return "bullet" if t[:1] in "-•·*✓" else "number" if re.match(r"\(?\d", t) else "letter"


def strip_marker(text: str) -> str:
    """A list item without its marker or its closing full stop or semicolon."""
    return re.sub(r"^\s*(?:[-•·*✓]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", "", text).strip().rstrip(".;")


def runs_on(line: str, nxt: str) -> bool:
    """Does a paragraph's line run on into the next? Not after a sentence's end, nor into a table row or a
    list item; yes into a line that starts in lower case, after a word that cannot end a sentence ('of',
    'and'), or when the line is about as long as the next or longer (text wrapped at the page width; a
    heading is shorter than the paragraph under it)."""
    if not line or not nxt or line.endswith((".", "!", "?", ":", ";")) or "\t" in nxt or LIST_ITEM.match(nxt):
        return False
    if nxt[0].islower() or (line.split() or [""])[-1].lower() in DANGLING:
        return True
    if _ENTRY.match(line) and _ENTRY.match(nxt):
        return False  # a cover's or a form's entries, one to a line ('Registered provider: ...' / 'Date of inspection: ...')
    return len(line) >= 40 and len(line) >= 0.75 * len(nxt)


_ENTRY = re.compile(r"^[A-Z][A-Za-z ()'/&-]{1,40}:\s+\S")  # a field's name, a colon and its value


def paragraphs(lines: Sequence[Any]) -> list[list[Any]]:
    """Lines grouped into paragraphs: a blank line or a table row ends one; a line that does not run on
    (`runs_on`) ends its own."""
    out: list[list[Any]] = []
    cur: list[Any] = []
    for ln in lines:
        t = ln.text.strip()
        if not t or "\t" in ln.text:
            if cur:
                out.append(cur)
            cur = []
            continue
        if cur and runs_on(cur[-1].text.strip(), t):
            cur.append(ln)
        else:
            if cur:
                out.append(cur)
            cur = [ln]
    if cur:
        out.append(cur)
    return out
