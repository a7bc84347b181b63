"""Answerers behind one protocol, tried in order: the first that returns an `Answer` answers.

Each gets the parsed `Query` and an `AnswerContext` (index, retriever, settings), never the assistant. An answerer
may instead return a `Deferred` answer: it stands only when the reports do not answer the question."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from gevinst.assistant.query import Query
from gevinst.settings import Settings
from gevinst.types import Answer

if TYPE_CHECKING:
    from gevinst.assistant.retrieval import HybridRetriever, SearchIndex


@dataclass(frozen=True)
class AnswerContext:
    index: SearchIndex
    retriever: HybridRetriever
    settings: Settings


@dataclass(frozen=True)
class Deferred:
    """An answer given only when the reports do not answer: a calculation that lacks an input asks for it, but a
    question about a report's own example («Hvis en borger går én time op, hvad giver det?») is answered from the
    report first."""

    answer: Answer


class Answerer(Protocol):
    def answer(self, query: Query, context: AnswerContext) -> Answer | Deferred | None:
        """An answer, a deferred one, or None when this answerer does not take the question."""
        ...
