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
    heading: int = 0  # the length of the run-in heading it opens with («Kommunikation Uddannelse …»), quoted apart


def quoted(c: Candidate, text: str) -> str:
    """The sentence as quoted: a run-in heading set off by a colon («Kommunikation: Uddannelse …»)."""
    if not c.heading:
        return text[c.start : c.end].strip()
    return f"{text[c.start : c.start + c.heading].strip()}: {text[c.start + c.heading : c.end].strip()}"


# e5 similarities of unrelated Danish text sit near 0.75, of a sentence on the question's matter near 0.9.
# Choosing among sentences reads them up to 0.95, so that the sentences of the right page stay apart (read up to
# 0.9, four of them tied at the top); the refusal model was fitted on the reading up to 0.9.
CHOOSING_SPAN = 0.2
CALIBRATED_SPAN = 0.15


def closeness(similarity: float | None, span: float) -> float:
    """An e5 similarity read as 0 … 1 above the level of unrelated text."""
    return 0.0 if similarity is None else min(max((similarity - 0.75) / span, 0.0), 1.0)


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.passage == b.passage and a.start < b.end and b.start < a.end
