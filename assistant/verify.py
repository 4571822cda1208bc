"""Checks that keep every shown number honest: quotes are verbatim, numbers are locked to evidence.

Used on every answer, draft and check, whichever answerer produced it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from .types import Citation, Figure
from .values import Number, find_numbers, normalize_period

_PERIOD = re.compile(r"(?<![\d/])(?:19|20)?\d{2}\s?[/\-–]\s?\d{2}(?![\d/])(?:\s?Q[1-4])?|\bQ[1-4]\b")


def _periods_and_numbers(text: str) -> tuple[set[str], list[Number]]:
    periods: set[str] = set()
    spans = []
    for m in _PERIOD.finditer(text):
        label = normalize_period(m.group(0))
        if label:
            periods.add(label)
            spans.append((m.start(), m.end()))
    blanked = list(text)
    for a, b in spans:
        for i in range(a, b):
            blanked[i] = " "
    return periods, find_numbers("".join(blanked))


def _values(numbers: Iterable[Number]) -> set[Decimal]:
    out: set[Decimal] = set()
    for n in numbers:
        out.add(abs(n.value))
        if n.scale:  # "£1.2m" also stands for what is written 1.2
            from .values import SCALES

            out.add(abs(n.value / SCALES[n.scale]))
    return out


def evidence_values(texts: Iterable[str], figures: Sequence[Figure] = ()) -> tuple[set[Decimal], set[str]]:
    values: set[Decimal] = set()
    periods: set[str] = set()
    for t in texts:
        p, nums = _periods_and_numbers(t)
        periods |= p
        values |= _values(nums)
    for f in figures:
        values.add(abs(f.value))
        for part in (f.text, f.formula):
            p, nums = _periods_and_numbers(part)
            periods |= p
            values |= _values(nums)
        for c in f.cells:
            if c.value is not None:
                values.add(abs(c.value))
    for period in list(periods):
        m = re.match(r"^(\d{4})-(\d{2})", period)
        if m:
            values.add(Decimal(m.group(1)))
            values.add(Decimal(int(m.group(1)) + 1))
    return values, periods


def unlocked_numbers(text: str, evidence: Iterable[str], figures: Sequence[Figure] = ()) -> list[str]:
    """Numbers in `text` that appear in no evidence text and no computed figure (the number lock).
    Numbers match by value, whatever the formatting ('£1,277,735' = '1277735'); periods match after
    normalisation ('19/20' = '2019-20'); a rounded figure matches its exact value at the precision shown."""
    values, periods = evidence_values(evidence, figures)
    text = re.sub(r"\[\d+\]", " ", text)  # citation markers are not figures
    text_periods, numbers = _periods_and_numbers(text)
    bad = [p for p in text_periods if p not in periods and p.split()[0] not in periods]
    for n in numbers:
        v = abs(n.value)
        if v in values or _rounded_match(n, values):
            continue
        bad.append(n.raw)
    return bad


def _rounded_match(n: Number, values: set[Decimal]) -> bool:
    if n.decimals == 0 and n.kind != "percent" and not n.scale:
        return False
    from .values import SCALES, round_to

    unit = Decimal(1).scaleb(-n.decimals) * (SCALES[n.scale] if n.scale else 1)
    target = abs(n.value)
    return any(round_to(v / unit, 0) * unit == target for v in values)


def quote_is_verbatim(c: Citation, lines: Sequence[str]) -> bool:
    """The quote is a substring of the cleaned text of the cited lines (non-blank lines joined by newlines,
    as chunks join them)."""
    return c.quote in "\n".join(ln for ln in lines if ln.strip())
