"""Scoring answers (and claim checks) against a gold file, as described in the eval README.

* A figure in `must_contain` matches the same number written another way: '£1,277,735', '1277735', or
  '£1.28m' where the answer states the unit; percentages match to one decimal place ('35.66%' ~ '35.7%').
  Other strings match case-insensitively as substrings.
* A citation covers the evidence when it names the same document and its line range includes one of the
  gold `line` numbers.
* `negative` questions are answered correctly only by saying the documents do not give it.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .text import plain_letters
from .types import Answer, Citation
from .values import SCALES, Number, find_numbers, round_to


def _is_figure(item: str) -> bool:
    nums = find_numbers(item)
    if len(nums) != 1:
        return False
    rest = (item[:nums[0].start] + item[nums[0].end:]).strip(" £%")
    return not re.search(r"[A-Za-z]", rest)


def _number_matches(gold: Number, got: Number) -> bool:
    """Same figure, whatever the writing: sign shown by brackets or not, '£4.477 million' = '4.477'."""
    g, v = abs(gold.value), abs(got.value)
    if g == v or (got.scale and g == v / SCALES[got.scale]) or (gold.scale and v == g / SCALES[gold.scale]):
        return True
    gold = Number(gold.start, gold.end, gold.raw, g, gold.kind, gold.scale, gold.decimals)
    got = Number(got.start, got.end, got.raw, v, got.kind, got.scale, got.decimals)
    if gold.kind == "percent" or got.kind == "percent":
        return round_to(gold.value, 1) == round_to(got.value, 1) and (gold.decimals >= 1 or got.decimals <= 1 or
                                                                     round_to(gold.value, 0) == round_to(got.value, 0))
    if got.scale:  # '£1.28m' in the answer stands for £1,277,735 at the precision written
        unit = Decimal(1).scaleb(-got.decimals) * SCALES[got.scale]
        if round_to(gold.value / unit, 0) * unit == got.value and (got.value or not gold.value):  # '€0m' is not 91
            return True
        # '$43,745.3k' for a gold figure written in the table's thousands ('43,745.33'): compared as written
        bare = Number(got.start, got.end, got.raw, got.value / SCALES[got.scale], got.kind, None, got.decimals)
        return not gold.scale and _number_matches(gold, bare)
    if gold.decimals and got.decimals < gold.decimals:
        return round_to(gold.value, got.decimals) == got.value
    return False


def contains(answer_text: str, item: str) -> bool:
    # compared as a reader reads them: a gold string copied with the source's typesetting ('Form 10‐K' with a
    # Unicode hyphen, 'proﬁts' with a ligature) is the same words as the answer's plain letters
    answer_text, item = plain_letters(answer_text), plain_letters(item)
    text = " ".join(answer_text.split())
    if _is_figure(item):
        gold = find_numbers(item)[0]
        if any(_number_matches(gold, n) for n in find_numbers(text)):
            return True
        return bool(re.search(rf"(?<![\d.,]){re.escape(item.strip())}(?![\d])", text))
    return " ".join(item.lower().split()) in text.lower()


def covers(citations: Iterable[Citation], doc: str, lines: Iterable[int]) -> bool:
    wanted = set(lines)
    return any(c.doc == doc and any(c.line_start <= ln <= c.line_end for ln in wanted) for c in citations)


@dataclass
class QAResult:
    id: str
    type: str
    question: str
    correct: bool
    cited: bool
    abstained: bool
    seconds: float
    answer: str
    expected: str
    missing: list[str] = field(default_factory=list)
    untraceable: list[str] = field(default_factory=list)
    doc: str = ""
    confidence: float | None = None


def _number_key(n: Number) -> set[Decimal]:
    v = abs(n.value)
    out = {v.normalize()}
    if n.scale:
        out.add((v / SCALES[n.scale]).normalize())
    return out


def untraceable_numbers(ans: Answer) -> list[str]:
    """Numbers in an answer's text that are neither in a quote it cites nor in a figure our code computed
    (value, text, formula or a cell it used). Citation marks ('[2]') and years are not numbers here."""
    if not ans.answered:
        return []
    text = re.sub(r"\[\d+\]", " ", ans.text)
    known: set[Decimal] = set()
    sources = [c.quote for c in ans.citations]
    for f in ans.figures:
        known.add(abs(f.value).normalize())
        sources += [f.text, f.formula, f.description, *(c.raw for c in f.cells), *(c.column for c in f.cells),
                    *(c.row for c in f.cells)]
    for s in sources:  # numbers by value, and digits as written ('2019-20', 'Q4') as text
        for n in find_numbers(s):
            known |= _number_key(n)
        known |= {Decimal(d).normalize() for d in re.findall(r"\d+", s)}
    out = []
    for n in find_numbers(text):
        if re.fullmatch(r"(19|20)\d{2}", n.raw.strip()):
            continue
        if not (_number_key(n) & known):
            out.append(n.raw)
    return out


def score_answer(item: dict[str, Any], ans: Answer, seconds: float) -> QAResult:
    if item.get("type") == "negative":
        correct = not ans.answered
        missing = [] if correct else ["(should say the documents do not give it)"]
    else:
        # the plan's title that labels an answer is not part of it: a year or a word in a title never counts
        label = ans.state.get("plan_title") if isinstance(ans.state, dict) else None
        body = ans.text[len(label) + 2:] if label and ans.text.startswith(f"{label}: ") else ans.text
        missing = [m for m in item.get("must_contain", []) if not contains(body, m)]
        correct = ans.answered and not missing
    cited = covers(ans.citations or ans.closest, item["doc"], item.get("line", []))
    conf = ans.state.get("confidence") if isinstance(ans.state, dict) else None
    return QAResult(item["id"], item.get("type", "qa"), item["question"], correct, cited, not ans.answered, seconds,
                    ans.text, item.get("answer", ""), missing, untraceable_numbers(ans), item.get("doc", ""),
                    conf)


AskFn = Callable[[dict[str, Any]], Answer]


def evaluate_qa(items: list[dict[str, Any]], ask: Callable[[str], Answer] | None = None,
                ask_item: AskFn | None = None) -> dict[str, Any]:
    """Score every item; `ask_item` (given the whole item, e.g. to scope it to its document) wins over `ask`."""
    results = []
    for item in items:
        t0 = time.perf_counter()
        ans = ask_item(item) if ask_item else ask(item["question"])  # type: ignore[misc]
        results.append(score_answer(item, ans, time.perf_counter() - t0))
    return summarise(results)


def stats(rs: list[QAResult]) -> dict[str, Any]:
    """Per-set figures: correct, correct and cited, answered (coverage), precision when answered
    (a negative answered counts as wrong), negatives abstained, answers with an untraceable number."""
    secs = sorted(r.seconds for r in rs)
    answered = [r for r in rs if not r.abstained]
    negatives = [r for r in rs if r.type == "negative"]
    out: dict[str, Any] = {
        "n": len(rs),
        "correct": sum(r.correct for r in rs) / len(rs),
        "correct_and_cited": sum(r.correct and r.cited for r in rs) / len(rs),
        "cited": sum(r.cited for r in rs) / len(rs),
        "answered": len(answered) / len(rs),
        "precision": (sum(r.correct for r in answered) / len(answered)) if answered else 1.0,
        "untraceable": sum(bool(r.untraceable) for r in rs),
        "latency_p50_ms": 1000 * statistics.median(secs),
        "latency_p95_ms": 1000 * secs[min(len(secs) - 1, int(0.95 * len(secs)))],
    }
    if negatives:
        out["negatives_abstained"] = sum(r.abstained for r in negatives) / len(negatives)
    return out


def summarise(results: list[QAResult]) -> dict[str, Any]:
    by_type: dict[str, list[QAResult]] = {}
    for r in results:
        by_type.setdefault(r.type, []).append(r)
    return {
        "overall": stats(results) if results else {},
        "by_type": {k: stats(v) for k, v in sorted(by_type.items())},
        "wrong": [r.__dict__ for r in results if not r.correct],
        "results": [r.__dict__ for r in results],
    }


def doc_number(doc: str) -> int | None:
    """The number a document's name starts or ends with ('report_017.txt' -> 17, '003_ab.txt' -> 3)."""
    m = re.search(r"(\d+)(?=\.\w+$)", doc) or re.match(r"(\d+)", doc)
    return int(m.group(1)) if m else None


def in_half(doc: str, half: str | None) -> bool:
    """The development half holds documents with an even number, the check half those with an odd one."""
    if not half:
        return True
    n = doc_number(doc)
    if n is None:
        return False
    return (n % 2 == 0) == (half == "dev")


def load_gold(path: str | Any, half: str | None = None) -> list[dict[str, Any]]:
    import json
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        from .errors import NotFoundError

        raise NotFoundError(f"no such file: {path}")
    items = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            from .errors import AssistantError

            raise AssistantError(f"{path}:{n}: not valid JSON ({e.msg})") from None
    return [i for i in items if in_half(i.get("doc", ""), half)]


def evaluate_file(assistant: Any, path: str, half: str | None = None, scope: str | None = None,
                  limit: int | None = None) -> dict[str, Any]:
    """Every `qa` item of a gold file through assistant.ask (and `claim` items through assistant.check,
    when the assistant can check), scored as described above. `half` keeps the documents of one half
    ('dev': even numbers, 'check': odd); `scope='doc'` asks each question of its own document only."""
    items = load_gold(path, half)
    qa = [i for i in items if i.get("kind", "qa") == "qa" and i.get("question")]
    claims = [i for i in items if i.get("kind") == "claim" and i.get("text")]
    if limit:
        qa, claims = qa[:limit], claims[:limit]
    report: dict[str, Any] = {}
    if qa:
        assistant.ask("warm up")  # model load is not part of answer latency

        def ask_item(item: dict[str, Any]) -> Answer:
            docs = [item["doc"]] if scope == "doc" and item.get("doc") else None
            return assistant.ask(item["question"], None, docs)

        r = evaluate_qa(qa, ask_item=ask_item)
        report["qa"] = {"overall": r["overall"], **r["by_type"]}
        report["wrong"] = r["wrong"]
        report["results"] = r["results"]
    if claims and hasattr(assistant, "check"):
        c = evaluate_claims(claims, assistant.check)
        report["claims"] = c["summary"]
        report["claims_wrong"] = c["wrong"]
    return report


def _facts(text: str) -> set[str]:
    """Numbers (by value) and financial years (normalised) stated in a text."""
    from .query import periods_in

    out = {f"n:{abs(n.value).normalize()}" for n in find_numbers(re.sub(r"(?<![\d/])(?:19|20)?\d{2}\s?[/\-–]\s?\d{2}(?![\d/])", " ", text))
           if not re.fullmatch(r"(19|20)\d{2}", n.raw)}
    out |= {f"p:{p}" for p in periods_in(text)[0] if re.fullmatch(r"\d{4}-\d{2}", p)}
    return out


def correct_reported(item: dict[str, Any], got: str | None) -> bool:
    """The correct value is reported when our 'correct' states one of the facts of the gold correction that
    the claim itself does not state (those are the wrong ones)."""
    if not got:
        return False
    wanted = _facts(item.get("correct", "")) - _facts(item["text"])
    if not wanted:
        return True
    return bool(wanted & _facts(got))


def evaluate_claims(items: list[dict[str, Any]], check: Callable[[str], Any]) -> dict[str, Any]:
    rows = []
    for item in items:
        t0 = time.perf_counter()
        checks = check(item["text"])
        seconds = time.perf_counter() - t0
        got = checks[0] if len(checks) == 1 else None
        label = got.label if got else (checks[0].label if checks else "unverifiable")
        reported = label == "contradicted" and correct_reported(item, got.correct if got else None)
        rows.append({"id": item["id"], "text": item["text"], "expected": item["label"], "got": label,
                     "correct_expected": item.get("correct"), "correct_got": got.correct if got else None,
                     "right": label == item["label"], "correct_reported": reported, "seconds": seconds})
    summary: dict[str, Any] = {"overall": {"n": len(rows), "accuracy": sum(r["right"] for r in rows) / len(rows)}}
    for lab in ("supported", "contradicted", "unverifiable"):
        rs = [r for r in rows if r["expected"] == lab]
        if rs:
            summary[lab] = {"n": len(rs), "accuracy": sum(r["right"] for r in rs) / len(rs)}
    contra = [r for r in rows if r["expected"] == "contradicted"]
    if contra:
        summary["contradicted"]["correct_value_reported"] = sum(r["correct_reported"] for r in contra) / len(contra)
    sup = [r for r in rows if r["expected"] == "supported"]
    if sup:
        summary["supported"]["labelled_contradicted"] = sum(r["got"] == "contradicted" for r in sup)
    wrong = [{"id": r["id"], "text": r["text"], "expected": f"{r['expected']} {r['correct_expected'] or ''}".strip(),
              "got": f"{r['got']} {r['correct_got'] or ''}".strip()} for r in rows
             if not r["right"] or (r["expected"] == "contradicted" and not r["correct_reported"])]
    return {"summary": summary, "wrong": wrong, "rows": rows}
