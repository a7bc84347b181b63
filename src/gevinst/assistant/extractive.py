"""The embedded answerer: picks the sentences that answer the question from the top passages, keeps them
verbatim (so every number is exactly as the source writes it) and marks each with [n]."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gevinst.assistant.retrieval import HybridRetriever, Retrieved
from gevinst.index import textnorm
from gevinst.sentences import sentence_spans
from gevinst.types import Chunk, Citation

_ASKS_FOR_NUMBER = re.compile(
    r"\b(?:hvor (?:meget|mange|stor|store|lang|høj|lav)|hvad koster|hvad (?:sparer|giver|udgør)|hvilke[nt]? "
    r"(?:potentiale|effektiviseringspotentiale|besparelse|e-handelsgrad|prisfald|gevinster?|andel|pris)|"
    r"potentiale|besparelse|beløb|antal|procent|how (?:much|many|large|long)|what does .* cost|cost|saving)",
    re.IGNORECASE,
)
_QUANTITY = re.compile(r"\d+(?:[.,]\d+)*\s?(?:%|pct|procent|mio\.|mia\.|kr\.|t\.kr|årsværk|timer|minutter|år\b)")
MAX_SENTENCES = 4
MAX_PASSAGES = 3


@dataclass(frozen=True)
class Selected:
    passage: int  # index into the retrieved chunks
    start: int
    end: int
    score: float


def select_sentences(question: str, retrieved: Retrieved, retriever: HybridRetriever) -> list[Selected]:
    listing = bool(re.match(r"\s*(?:hvilke|which)\b", question, re.IGNORECASE))
    terms = retriever.query_terms(question)
    weights = {t: retriever.idf(t) for t in terms}
    total = sum(weights.values()) or 1.0
    wants_number = bool(_ASKS_FOR_NUMBER.search(question))
    numbers = {textnorm.number_token(x) for x in re.findall(r"\d+(?:[.,]\d+)*", question)}
    candidates = []
    for p, chunk in enumerate(retrieved.chunks[:5]):
        for start, end in sentence_spans(chunk.text):
            sentence = chunk.text[start:end]
            if len(sentence) < 25 or _is_noise(sentence):
                continue
            toks = set(textnorm.tokens(sentence))
            overlap = sum(w for t, w in weights.items() if t in toks) / total
            score = overlap + 0.25 / (1 + p)
            if wants_number and _QUANTITY.search(sentence):
                score += 0.25
            score += 0.1 * sum(1 for x in numbers if x in toks)
            if len(sentence) > 450:
                score -= 0.15
            if listing and re.match(r"(?:\d{1,2}\.|-) ", sentence):
                score += 0.3  # a list item answers «hvilke …?»
            candidates.append(Selected(p, start, end, score))
    if not candidates:
        return []
    best = max(c.score for c in candidates)
    # "Hvilke forslag …?" asks for a list: more sentences from more passages.
    max_sentences, max_passages, max_chars = (6, 4, 1400) if listing else (MAX_SENTENCES, MAX_PASSAGES, 900)
    chosen: list[Selected] = []
    for c in sorted(candidates, key=lambda c: -c.score):
        passages = {s.passage for s in chosen}
        if c.score < 0.6 * best or (c.passage not in passages and len(passages) >= max_passages):
            continue
        chosen.append(c)
        if len(chosen) >= max_sentences or sum(s.end - s.start for s in chosen) > max_chars:
            break
    return sorted(chosen, key=lambda s: (s.passage, s.start))


def _is_noise(sentence: str) -> bool:
    """Flattened chart axes and tables: mostly numbers, few words."""
    words = re.findall(r"[^\W\d_]{3,}", sentence)
    digits = re.findall(r"\d+", sentence)
    return len(digits) > 6 and len(words) < len(digits)


def compose(chosen: list[Selected], chunks: list[Chunk], language: str) -> tuple[str, list[Citation]]:
    """Answer text with [n] markers and the citations they resolve to."""
    numbers: dict[int, int] = {}
    spans: dict[int, list[Selected]] = {}
    for s in chosen:
        numbers.setdefault(s.passage, len(numbers) + 1)
        spans.setdefault(s.passage, []).append(s)
    parts = [f"{chunks[s.passage].text[s.start:s.end].strip()} [{numbers[s.passage]}]" for s in chosen]
    lead = "Ifølge kilderne:" if language == "da" else "According to the sources (quoted in Danish):"
    citations = [
        _citation(n, chunks[p], spans[p][0].start, spans[p][-1].end) for p, n in numbers.items()
    ]
    return f"{lead} " + " ".join(parts), citations


def _citation(n: int, chunk: Chunk, start: int, end: int) -> Citation:
    if end - start > 700:  # keep the snippet short; it must stay a verbatim slice of the passage
        end = start + 700
    return Citation(n, chunk.doc_id, chunk.title, chunk.page, chunk.section, chunk.text[start:end].strip())


def nearest_citations(chunks: list[Chunk], count: int = 3) -> list[Citation]:
    return [
        Citation(i + 1, c.doc_id, c.title, c.page, c.section, c.text[:300].strip()) for i, c in enumerate(chunks[:count])
    ]


def refusal_text(citations: list[Citation], language: str) -> str:
    markers = "".join(f"[{c.n}]" for c in citations)
    if language == "en":
        return ("The reports do not answer this question, so I will not guess. "
                + (f"The nearest passages are listed below {markers}." if citations else ""))
    return ("Det fremgår ikke af rapporterne, så jeg vil ikke gætte. "
            + (f"De nærmeste passager står nedenfor {markers}." if citations else ""))
