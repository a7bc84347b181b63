"""Whether a figure the lead sentence states answers the figure asked. A question asking a figure outright
(«Hvor meget sparede Horsens på systemudgifterne?») whose lead states one of the kind asked passes every hard
rule, yet the figure may be another party's, topic's or year's: written close to a report, such a question
retrieves on-topic passages (high dense similarity) whose stating sentence matches it weakly. One logistic
model over general signals of the lead and its passage tells the two apart; `bench/tune_figure_gate.py` fits it
on the development banks, leaving each bank out in turn, and prints the weights and the threshold table."""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass

from gevinst.assistant.candidate import CALIBRATED_SPAN, Candidate, closeness
from gevinst.assistant.query import Query
from gevinst.assistant.retrieval import Retrieved
from gevinst.index import textnorm
from gevinst.sentences import sentence_spans

WINDOW = 2  # sentences before the lead that still tell what its figure is about


@dataclass(frozen=True)
class FigureSignals:
    """Each 0 … 1. Term shares are weighted by the terms' IDF (`Retrieved.weights`)."""

    coverage: float  # of the question's terms in the best passages
    dense: float  # similarity of question and nearest passage, on the calibrated span
    meaning: float  # similarity of question and lead sentence, on the calibrated span
    relevance: float  # the lead sentence's own term relevance
    window: float  # share of the question's terms in the lead and the sentences just before it
    sentence: float  # share of the question's terms in the lead sentence
    rarest_in_passage: float  # 1 when the lead's passage has the question's rarest term
    terms: float  # how many terms the question has (up to 12), over 12


# Fitted by bench/tune_figure_gate.py on the 22 development banks (eval/dev*.yaml, eval/heldout.yaml).
CALIBRATION = {
    "coverage": -0.534,
    "dense": -6.204,
    "meaning": 2.537,
    "relevance": 1.454,
    "window": 1.165,
    "sentence": 0.503,
    "rarest_in_passage": 0.701,
    "terms": 3.432,
    "bias": 0.313,
}


def signals(query: Query, retrieved: Retrieved, lead: Candidate) -> FigureSignals:
    weights: dict[tuple[str, ...], float] = dict(zip(query.groups, retrieved.weights, strict=False))
    total = sum(weights.values()) or 1.0
    text = retrieved.chunks[lead.passage].text
    spans = sentence_spans(text)
    at = next((i for i, (start, end) in enumerate(spans) if start <= lead.start < end), 0)
    window = set(textnorm.tokens(" ".join(text[s:e] for s, e in spans[max(0, at - WINDOW) : at + 1])))
    sentence = set(textnorm.tokens(text[lead.start : lead.end]))
    rarest = max(weights, key=lambda g: weights[g]) if weights else ()
    passage = retrieved.tokens[lead.passage] if retrieved.tokens else set()

    def share(tokens: set[str]) -> float:
        return sum(w for g, w in weights.items() if set(g) & tokens) / total

    return FigureSignals(
        coverage=retrieved.coverage,
        dense=closeness(retrieved.best_dense, CALIBRATED_SPAN),
        meaning=lead.meaning or 0.0,
        relevance=lead.relevance,
        window=share(window),
        sentence=share(sentence),
        rarest_in_passage=float(bool(set(rarest) & passage)),
        terms=min(len(weights), 12) / 12,
    )


def probability(found: FigureSignals) -> float:
    """The calibrated probability that the stated figure answers the question."""
    names = [name for name in CALIBRATION if name != "bias"]
    z = CALIBRATION["bias"] + sum(CALIBRATION[n] * v for n, v in zip(names, astuple(found), strict=True))
    return 1 / (1 + math.exp(-z))
