"""«Hvilke forslag handler om hjemmeplejen?»: answered from the proposal catalogue that ingest builds from
klk-2017-kommunale-veje (title, area, pages, the potential as the report states it), each line cited."""

from __future__ import annotations

import re
from typing import Any

from gevinst.index import textnorm
from gevinst.types import Answer, Chunk, Citation

_ASKS_FOR_PROPOSALS = re.compile(r"\b(?:hvilke|which|list)\b.*\b(?:forslag|proposals?)\b", re.IGNORECASE)
_SKIP = {"forslag", "kommun", "vej", "effektivis", "proposal", "hvilk", "giv", "handl", "forvent"}


def _stems(text: str) -> set[str]:
    return {t for t in textnorm.tokens(text) if len(t) >= 4 and not t.isdigit()} - _SKIP


def matching_proposals(question: str, proposals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The proposals of the area the question names («dagtilbudsområdet»), else those whose titles share
    the most of its words (a stem inside a compound counts: «indkøb» in «indkøbskultur»)."""
    low = textnorm.fold(question.lower())
    in_area = [p for p in proposals if any(len(w) >= 5 and textnorm.fold(w.lower()) in low for w in p["area"].split())]
    if in_area:
        return in_area
    words = _stems(question)
    scored = [(sum(1 for w in words if w in textnorm.fold(p["title"].lower())), p) for p in proposals]
    best = max((score for score, _ in scored), default=0)
    return [p for score, p in scored if best and score == best]


def _cite(p: dict[str, Any], chunks: list[Chunk]) -> tuple[Chunk | None, str]:
    pages = [c for c in chunks if c.doc_id == p["doc_id"] and c.page is not None
             and p["first_page"] <= c.page <= p["last_page"]]
    potential = p["potential"]
    for c in pages:
        if potential and potential in c.text:
            return c, potential
    return (pages[0] if pages else None), ""


def answer_from_catalogue(question: str, assistant: Any, language: str) -> Answer | None:
    proposals = getattr(assistant.index, "proposals", None)
    if not proposals or not _ASKS_FOR_PROPOSALS.search(question):
        return None
    chosen = matching_proposals(question, proposals)
    if not chosen:
        return None
    lines, citations = [], []
    for p in chosen:
        chunk, stated = _cite(p, assistant.index.chunks)
        if chunk is None:
            continue
        n = len(citations) + 1
        citations.append(Citation(n, chunk.doc_id, chunk.title, chunk.page, chunk.section, stated or chunk.text[:300]))
        first, last = p["first_page"], p["last_page"]
        where = f"s. {first}" if first == last else f"s. {first}–{last}"
        lines.append(f"- {p['title']} ({p['area'].capitalize()}, {where}): "
                     f"{stated or 'teksten angiver ikke potentialet som et tal'} [{n}]")
    if not lines:
        return None
    lead = ("Forslag i «Kommunale veje til effektivisering», med potentialet som rapporten angiver det:"
            if language == "da" else "Proposals in «Kommunale veje til effektivisering», potential as stated:")
    return Answer(question, lead + "\n" + "\n".join(lines), False, citations)
