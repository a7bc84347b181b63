"""A sentence of a retrieved passage, as the evidence rules weigh it (evidence.py) and what a lead opens
(opening.py) extends it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    passage: int  # index into the retrieved chunks
    start: int
    end: int
    relevance: float  # share of the query's weighted terms the sentence states
    score: float
    fit: float = 0.0  # how well it states what the question asks for
    list_item: bool = False
    previous: int = -1  # start of the sentence before it in the passage (-1: none)
    meaning: float | None = None  # e5 similarity of question and sentence (0 … 1), when the index has it
    opened: bool = False  # quoted as part of what the leading sentence opens (its list or its paragraph)


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.passage == b.passage and a.start < b.end and b.start < a.end
