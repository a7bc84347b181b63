"""Pure scorers over answer records (the JSON of FORMAT.md), so any tool's records can be scored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gevinst.danish_numbers import find_quantities
from gevinst.eval.bank import Question, SourceSpec


@dataclass
class Score:
    id: str
    tags: list[str]
    correct: bool | None  # None for unanswerable questions
    source_hit: bool | None  # None when the question names no sources
    refusal_ok: bool
    tool_ok: bool | None
    latency_ms: float
    problems: list[str] = field(default_factory=list)


def number_found(expected: str, answer: str) -> bool:
    """Every quantity in `expected` (a range gives two) must be stated in the answer, by value and kind."""
    wanted = find_quantities(expected)
    stated = find_quantities(answer)
    return bool(wanted) and all(any(w.matches(s) for s in stated) for w in wanted)


def phrase_found(phrase: str, answer: str) -> bool:
    return phrase.lower() in answer.lower()


def source_hit(specs: list[SourceSpec], citations: list[dict[str, Any]]) -> bool:
    for spec in specs:
        for c in citations:
            if c.get("doc_id") != spec.doc_id:
                continue
            if spec.first_page is None:
                return True
            page = c.get("page")
            if page is not None and spec.first_page <= page <= (spec.last_page or spec.first_page):
                return True
    return False


def score(question: Question, record: dict[str, Any]) -> Score:
    text = record.get("answer", "")
    refused = bool(record.get("refused"))
    problems = []
    correct = None
    if question.answerable:
        missing_numbers = [n for n in question.numbers if not number_found(n, text)]
        missing_phrases = [p for p in question.phrases if not phrase_found(p, text)]
        missing_groups = [g for g in question.any_phrases if not any(phrase_found(p, text) for p in g)]
        correct = not refused and not (missing_numbers or missing_phrases or missing_groups)
        if refused:
            problems.append("afviste et spørgsmål, der kan besvares")
        problems += [f"mangler tallet {n}" for n in missing_numbers]
        problems += [f"mangler '{p}'" for p in missing_phrases]
        problems += [f"mangler et af {g}" for g in missing_groups]
    elif not refused:
        problems.append("svarede på et spørgsmål, rapporterne ikke besvarer")
    hit = source_hit(question.sources, record.get("citations", [])) if question.sources else None
    if hit is False:
        problems.append("citerer ikke " + " / ".join(_spec_text(s) for s in question.sources))
    tool_ok = None
    if question.tool:
        tool_ok = any(t.get("name") == question.tool for t in record.get("tool_calls", []))
        if not tool_ok:
            problems.append(f"kaldte ikke {question.tool}")
    return Score(
        question.id,
        question.tags,
        correct,
        hit,
        refused != question.answerable,
        tool_ok,
        float(record.get("timings_ms", {}).get("total", 0.0)),
        problems,
    )


def _spec_text(spec: SourceSpec) -> str:
    if spec.first_page is None:
        return spec.doc_id
    return f"{spec.doc_id}#p{spec.first_page}" + (f"-{spec.last_page}" if spec.last_page != spec.first_page else "")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _share(flags: list[bool | None]) -> float | None:
    known = [f for f in flags if f is not None]
    return sum(known) / len(known) if known else None


def summarise(scores: list[Score]) -> dict[str, Any]:
    latencies = [s.latency_ms for s in scores]
    summary: dict[str, Any] = {
        "questions": len(scores),
        "answer_correctness": _share([s.correct for s in scores]),
        "source_hit": _share([s.source_hit for s in scores]),
        "refusal_accuracy": _share([s.refusal_ok for s in scores]),
        "refused_when_unanswerable": _share([s.refusal_ok for s in scores if s.correct is None]),
        "answered_when_answerable": _share([s.refusal_ok for s in scores if s.correct is not None]),
        "tool_use": _share([s.tool_ok for s in scores]),
        "latency_p50_ms": round(percentile(latencies, 50), 1),
        "latency_p95_ms": round(percentile(latencies, 95), 1),
    }
    tags = sorted({t for s in scores for t in s.tags})
    summary["by_tag"] = {
        tag: {
            "questions": len(group),
            "passed": sum(1 for s in group if not s.problems),
            "answer_correctness": _share([s.correct for s in group]),
            "source_hit": _share([s.source_hit for s in group]),
        }
        for tag in tags
        if (group := [s for s in scores if tag in s.tags])
    }
    return summary
