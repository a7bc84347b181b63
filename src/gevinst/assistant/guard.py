"""The number guard and citation check for model-written answers: every number must be in a cited passage,
a calculator result or the question itself; citations to passages that were not retrieved are dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gevinst.danish_numbers import find_quantities, format_number, quantity_supported
from gevinst.index import textnorm
from gevinst.sentences import sentence_spans
from gevinst.types import Chunk, Citation

FLAG = " (ikke fundet i kilderne)"


@dataclass
class Guarded:
    text: str
    citations: list[Citation]
    unsupported: list[str]
    dropped_markers: list[int]


def flatten(value: Any) -> str:
    """Tool results as text, numbers written both the Danish way and plainly, so either spelling matches."""
    if isinstance(value, dict):
        return " ".join(flatten(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(flatten(v) for v in value)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return f"{format_number(value, 2)} {value}"
    return str(value)


def best_sentence(chunk: Chunk, answer: str) -> str:
    words = set(textnorm.tokens(answer))
    spans = sentence_spans(chunk.text) or [(0, len(chunk.text))]
    start, end = max(spans, key=lambda s: len(words & set(textnorm.tokens(chunk.text[s[0] : s[1]]))))
    return chunk.text[start:end][:700]


# A number that numbers a list item («2. Kommunerne …») or names a passage or section («passage 6», «afsnit
# 6.1», «figur 2») states no figure, so there is nothing to check it against.
_LIST_MARKER = re.compile(r"(?:^|\n)\s*(?:[-*•]\s*)?$")
_PLACE_WORD = re.compile(
    r"(?:passage|passager|afsnit|kapitel|section|chapter|side|s\.|page|kilde|source|figur|figure|tabel|table)\s*$", re.I
)


def _names_a_place(text: str, start: int, end: int) -> bool:
    bare = text[start:end].rstrip(".)").replace(".", "").isdigit()
    marker = bool(_LIST_MARKER.search(text[:start])) and text[end : end + 2].startswith((". ", ") ", ".\n"))
    return bare and (marker or bool(_PLACE_WORD.search(text[max(0, start - 12) : start])))


def guard(text: str, passages: list[Chunk], tool_results: list[dict[str, Any]], question: str) -> Guarded:
    dropped = sorted({int(n) for n in re.findall(r"\[(\d+)\]", text) if not 1 <= int(n) <= len(passages)})
    for n in dropped:
        text = text.replace(f"[{n}]", "")
    cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", text)})
    citations = [
        Citation(
            n,
            passages[n - 1].doc_id,
            passages[n - 1].title,
            passages[n - 1].page,
            passages[n - 1].section,
            best_sentence(passages[n - 1], text),
        )
        for n in cited
    ]
    evidence_text = " ".join(passages[n - 1].text for n in cited) + " " + flatten(tool_results) + " " + question
    evidence = find_quantities(evidence_text)
    unsupported = []
    out, last = [], 0
    for q in find_quantities(text):
        if quantity_supported(q, evidence) or _names_a_place(text, q.start, q.end):
            continue
        unsupported.append(q.text)
        out.append(text[last : q.end] + FLAG)
        last = q.end
    out.append(text[last:])
    return Guarded("".join(out), citations, unsupported, dropped)
