"""The words a calculation cites for a report default or method: the sentences of the passage that state
it, not the passage's first lines (a page often opens on another subject)."""

from __future__ import annotations

from gevinst.calculators import Kind, show
from gevinst.calculators.base import Assumption
from gevinst.index import textnorm
from gevinst.sentences import sentence_spans

QUOTE_CHARS = 500


def stating_quote(text: str, assumptions: list[Assumption]) -> str:
    """The sentence of `text` that states most of the assumptions (a default's value as the report writes
    it, a method by its words), with the sentences after it up to QUOTE_CHARS; the passage's start when no
    sentence states any."""
    spans = sentence_spans(text)
    scores = [_states(text[a:b], assumptions) for a, b in spans]
    if not spans or max(scores) == 0:
        return text[:QUOTE_CHARS].strip()
    first = scores.index(max(scores))
    start, end = spans[first]
    for _, b in spans[first + 1 :]:
        if b - start > QUOTE_CHARS:
            break
        end = b
    return text[start:end].strip()


def _states(sentence: str, assumptions: list[Assumption]) -> float:
    words = set(textnorm.tokens(sentence))
    score = 0.0
    for a in assumptions:
        if isinstance(a.value, str):  # a method: the share of its words the sentence has
            method = set(textnorm.tokens(a.value))
            score += len(method & words) / max(len(method), 1)
        elif (shown := show(a.value, Kind.COUNT).split()[0]) and shown in sentence:
            score += 1.0
    return score
