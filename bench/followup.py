"""Do follow-ups in the chat get the answer the full question gets? Follow-ups made from pairs of tatqa questions.

Run: ASSISTANT_CORPUS=../shared/corpus .venv/bin/python bench/followup.py [--index-root DIR] [--half dev|check|both] [--kind KIND] [-v]

Two questions about one extract that differ in one short span only ('What was the revenue in 2019?' /
'... in 2018?'; 'What was the change in Level 1 assets ...' / '... in Level 2 assets ...') make a turn and
its follow-up: the first question is asked, then the second is put as a user would after it: a new period as
'And in 2018?' / 'What about 2018?' / 'How about for 2018?' (or, a year on or back, 'And the year before?' /
'What about the next year?'), a quarter or month of the same year as 'And in third quarter?', anything else as 'What about Level 2 assets?' /
'And Level 2 assets?' / 'Same for Level 2 assets?' (the three phrasings in turn); another operation of
the same figures as 'And the percentage change?' / 'What about in percentage terms?' / 'And as a percentage?' (a
change asked again as a percentage) or 'And the average?' / 'What about the total?' (the values of two years
asked again as their average or total). Two kinds of chat are made from each 'What was the (percentage) change in X
from 2018 to 2019?': 'X in 2018?', 'and in 2019?', then 'and the change?' (change between turns); and, when the
years are one apart, 'X in 2019?' then 'and the change?' / 'how much did it change on the year before?' (change
on the period before). Chats whose follow-up points back with a pronoun are made from the same questions: 'What was
the X in 2018?' then 'What was it in 2019?' / 'What was its value in 2019?' (for 'What was the X in 2019?'), and 'What
was the X in 2019?' then 'How much did it change from 2018 to 2019?' / 'What was the percentage change in it from 2018
to 2019?' (points back). The follow-up is graded against the
second question's gold answer, beside the second question asked in full: a follow-up should be right where its full
question is, and should not be answered wrongly where its full question is not. Only counts are printed;
for the development half `-v` lists the follow-ups that lost the full question's right answer (the check
half's are never listed).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("ASSISTANT_CORPUS", ROOT.parent / "shared" / "corpus"))
TATQA = CORPUS.parent / "eval" / "tatqa"

PERIOD_FORMS = ("And in {}?", "What about {}?", "How about for {}?")
OTHER_FORMS = ("What about {}?", "And {}?", "Same for {}?")
PERCENT_FORMS = ("And the percentage change?", "What about in percentage terms?", "And as a percentage?")
OPERATION_FORMS = ("And the {}?", "What about the {}?", "How about the {}?")
RELATIVE_FORMS = (("And the year before?", "What about the previous year?"),
                  ("And the year after?", "What about the next year?"))
MAX_SPAN = 6  # words: a longer difference is another question, not a follow-up
_WORD = re.compile(r"\S+")
_FUNCTION = {"and", "or", "the", "a", "an", "in", "of", "for", "to", "from", "between", "by", "on", "at", "as", "with",
             "is", "was", "are", "were"}
_OPERATION = {"average", "total", "change", "percentage", "increase", "decrease", "difference", "sum", "ratio",
              "proportion", "respective", "mean", "growth", "percent", "share", "largest", "smallest", "highest",
              "lowest", "reason", "how", "what", "which", "when", "why"}


def _words(q: str) -> list[str]:
    return _WORD.findall(q.rstrip(" ?"))


def follow_up(a: str, b: str, n: int) -> tuple[str, str] | None:
    """The follow-up that asks b after a (and its kind: 'period', 'operation' or 'other'), when they differ in
    one short span; None otherwise."""
    wa, wb = _words(a), _words(b)
    ops = [op for op in difflib.SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb],
                                                autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return None
    kind, i1, i2, j1, j2 = ops[0]
    said, was = " ".join(wb[j1:j2]).lower(), " ".join(wa[i1:i2]).lower()
    if kind == "insert" and said == "percentage" and re.match(r"(?i)change|increase|decrease|growth", wb[j2] if
                                                             j2 < len(wb) else ""):
        return PERCENT_FORMS[n % len(PERCENT_FORMS)], "operation"  # 'the change in X' -> 'the percentage change'
    if kind == "replace" and said in ("average", "total") and was in ("respective", "average", "total"):
        return OPERATION_FORMS[n % len(OPERATION_FORMS)].format(said), "operation"  # 'the respective X' -> average
    if kind != "replace":
        return None
    while j1 > 0 and wb[j1 - 1][:1].isupper() and wb[j1][:1].isupper() and j1 > 1:
        j1 -= 1  # a name cut at a word both questions share: 'United Kingdom' for 'United States'
    while j2 < len(wb) and wb[j2][:1].isupper() and wb[j2 - 1][:1].isupper():
        j2 += 1
    span = " ".join(wb[j1:j2]).strip(",.;:")
    if not span or j2 - j1 > MAX_SPAN or i2 - i1 > MAX_SPAN or len(wb) < 5:
        return None
    if re.fullmatch(r"(?:Q[1-4]|first|second|third|fourth|January|February|March|April|May|June|July|August|"
                    r"September|October|November|December)", span, re.I) and re.fullmatch(
                        r"(?:Q[1-4]|first|second|third|fourth|January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)", " ".join(wa[i1:i2]), re.I):
        return PERIOD_FORMS[n % len(PERIOD_FORMS)].format(span + (" quarter" if span.lower() in (
            "first", "second", "third", "fourth") else "")), "period"  # a quarter or month of the same year
    if re.fullmatch(r"(?:FY\s?|fiscal (?:year )?)?(?:19|20)\d\d(?:/\d\d)?", span, re.I):
        was = " ".join(wa[i1:i2])
        if re.fullmatch(r"(?:19|20)\d\d", span) and re.fullmatch(r"(?:19|20)\d\d", was) and \
                abs(int(span) - int(was)) == 1 and n % 2:  # every other one put as 'the year before / after'
            return RELATIVE_FORMS[int(span) > int(was)][n // 2 % 2], "period"
        return PERIOD_FORMS[n % len(PERIOD_FORMS)].format(span), "period"
    low = span.lower().split()
    if re.search(r"\d", span) or low[0] in _FUNCTION or low[-1] in _FUNCTION or set(low) & _OPERATION \
            or "'" in span or "’" in span:
        # a figure in a condition ('exceed 1,000'), a span cut at a function word, another operation ('And the
        # average?' asks a new sum, not the same one of another row), a possessive: not a follow-up of this kind
        return None
    return OTHER_FORMS[n % len(OTHER_FORMS)].format(span), "other"


CHANGE_FORMS = ("And the change?", "How much did it change?", "So what was the change?")
PERCENT_CHANGE_FORMS = ("And the percentage change?", "So what was the percentage change?",
                        "What about the percentage change?")
_CHANGE_Q = re.compile(r"(?i)^what (?:was|is) the (?P<pct>percentage )?change in (?:the )?(?P<x>[^?]+?) (?:from|between) "
                       r"(?:fiscal )?(?P<y1>(?:19|20)\d\d) (?:to|and) (?:fiscal )?(?P<y2>(?:19|20)\d\d)\s*\??$")


def change_chats(items: list[dict], n0: int = 0) -> list[tuple[list[str], dict, str, str]]:
    """A chat for each question of the form 'What was the (percentage) change in X from 2018 to 2019?': 'What
    was the X in 2018?', then 'And in 2019?', then the change asked as 'And the change?' / 'How much did it
    change?' / 'So what was the change?' (or the percentage change), graded against the question's gold."""
    out = []
    for i, it in enumerate(items):
        m = _CHANGE_Q.match(it.get("question") or "")
        if m is None or it.get("kind", "qa") != "qa":
            continue
        forms = PERCENT_CHANGE_FORMS if m.group("pct") else CHANGE_FORMS
        out.append(([f"What was the {m.group('x')} in {m.group('y1')}?", f"And in {m.group('y2')}?"], it,
                    forms[(n0 + i) % len(forms)], "change between turns"))
    return out


SINCE_FORMS = ("And the change?", "How much did it change on the year before?", "What was the change from the year before?")
PERCENT_SINCE_FORMS = ("And the percentage change?", "What was the percentage change on the year before?",
                       "And how much was that in percentage terms over the previous year?")


def since_chats(items: list[dict], n0: int = 0) -> list[tuple[list[str], dict, str, str]]:
    """A chat for each question 'What was the (percentage) change in X from 2018 to 2019?' whose two years are
    one apart: 'What was the X in 2019?' (the later year), then the change asked without the earlier year ('And
    the change?', 'What was the percentage change on the year before?'): the change from the period before the
    one asked, graded against the question's gold."""
    out = []
    for i, it in enumerate(items):
        m = _CHANGE_Q.match(it.get("question") or "")
        if m is None or it.get("kind", "qa") != "qa" or abs(int(m.group("y1")) - int(m.group("y2"))) != 1:
            continue
        forms = PERCENT_SINCE_FORMS if m.group("pct") else SINCE_FORMS
        later = max(m.group("y1"), m.group("y2"))
        out.append(([f"What was the {m.group('x')} in {later}?"], it, forms[(n0 + i) % len(forms)],
                    "change on the period before"))
    return out


POINT_VALUE_FORMS = ("What was it in {y}?", "And what was it in {y}?", "What was its value in {y}?")
POINT_CHANGE_FORMS = ("What was the change in it from {y1} to {y2}?", "How much did it change from {y1} to {y2}?",
                      "And what was its change between {y1} and {y2}?")
POINT_PERCENT_FORMS = ("What was the percentage change in it from {y1} to {y2}?",
                       "By what percentage did it change from {y1} to {y2}?",
                       "And what was its percentage change between {y1} and {y2}?")
_VALUE_Q = re.compile(r"(?i)^what (?:was|is) the (?P<x>[^?]+?) in (?:fiscal )?(?P<y>(?:19|20)\d\d)\s*\??$")


def pointing_chats(items: list[dict], n0: int = 0) -> list[tuple[list[str], dict, str, str]]:
    """Chats whose follow-up points back with a pronoun: 'What was the X in 2018?' then 'What was it in 2019?' /
    'What was its value in 2019?' for each question 'What was the X in 2019?' (the year before asked first); and
    'What was the X in 2019?' then 'How much did it change from 2018 to 2019?' / 'What was the percentage change
    in it from 2018 to 2019?' for each question 'What was the (percentage) change in X from 2018 to 2019?'. Graded
    against the question's gold."""
    out = []
    for i, it in enumerate(items):
        q = it.get("question") or ""
        if it.get("kind", "qa") != "qa":
            continue
        m = _VALUE_Q.match(q)
        if m is not None:
            form = POINT_VALUE_FORMS[(n0 + i) % len(POINT_VALUE_FORMS)]
            out.append(([f"What was the {m.group('x')} in {int(m.group('y')) - 1}?"], it, form.format(y=m.group("y")),
                        "points back"))
            continue
        m = _CHANGE_Q.match(q)
        if m is not None:
            forms = POINT_PERCENT_FORMS if m.group("pct") else POINT_CHANGE_FORMS
            form = forms[(n0 + i) % len(forms)]
            out.append(([f"What was the {m.group('x')} in {m.group('y2')}?"], it,
                        form.format(y1=m.group("y1"), y2=m.group("y2")), "points back"))
    return out


def pairs(items: list[dict]) -> list[tuple[list[str], dict, str, str]]:
    """(the turns before, the item asked as a follow-up, the follow-up's text, kind) for every pair of one
    extract's questions that differ in one short span; each second question is used once (with the first
    question before it)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        if it.get("kind", "qa") == "qa" and it.get("question") and it.get("type") != "negative":
            by_doc[it["doc"]].append(it)
    out = []
    n = 0
    for doc in sorted(by_doc):
        qs = by_doc[doc]
        used = set()
        for a in qs:
            for b in qs:
                if a is b or b["id"] in used:
                    continue
                f = follow_up(a["question"], b["question"], n)
                if f is not None:
                    out.append(([a["question"]], b, f[0], f[1]))
                    used.add(b["id"])
                    n += 1
    return [*out, *change_chats(items), *since_chats(items), *pointing_chats(items)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index-root", type=Path, default=ROOT / "index" / "bench")
    ap.add_argument("--half", choices=("dev", "check", "both"), default="both")
    ap.add_argument("-v", action="store_true", help="list the development half's follow-ups that lost an answer")
    ap.add_argument("--kind", help="only the follow-ups of this kind ('change on the period before', 'other', ...)")
    args = ap.parse_args()

    from assistant import Assistant, Settings
    from assistant.evaluate import load_gold, score_answer
    from assistant.index import sync

    settings = Settings(corpus=TATQA / "corpus", index_dir=args.index_root / "tatqa")
    sync(settings, progress=False)
    a = Assistant(settings)
    for half in (("dev", "check") if args.half == "both" else (args.half,)):
        made = [m for m in pairs(load_gold(TATQA / "gold.jsonl", half)) if args.kind in (None, m[3])]
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        lost = []
        for turns, second, text, kind in made:
            doc = [second["doc"]]
            full = a.ask(second["question"], None, doc)
            before: list = []
            for t in turns:  # the earlier turns of the chat, each asked after those before it
                before.append(a.ask(t, before[:], doc))
            ans = a.ask(text, before, doc)
            r_full, r = score_answer(second, full, 0.0), score_answer(second, ans, 0.0)
            c = counts[kind]
            c[0] += 1
            c[1] += r_full.correct
            c[2] += r.correct
            c[3] += ans.answered
            c[4] += r_full.correct and not r.correct
            if not r.correct and (r_full.correct or ans.answered) and args.v and half == "dev":
                lost.append(f"  {second['id']} ({'lost' if r_full.correct else 'wrong'}): {' / '.join(turns)!r} → {text!r}\n    read as: "
                            f"{ans.state.get('question', '')!r}\n    {ans.text[:160]!r}")
        for kind, (n, full_ok, ok, answered, lost_n) in sorted(counts.items()):
            prec = ok / answered if answered else 0.0
            print(f"{half} {kind}: {n} follow-ups; full question right {full_ok}, follow-up right {ok} "
                  f"(answered {answered}, precision {prec:.3f}); right in full, lost as a follow-up {lost_n}")
        for line in lost:
            print(line)


if __name__ == "__main__":
    main()
