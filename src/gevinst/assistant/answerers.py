"""Answerers behind one protocol, tried in order: the first that returns an `Answer` answers.

Each gets the parsed `Query` and an `AnswerContext` (index, retriever, settings), never the assistant."""

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


class Answerer(Protocol):
    def answer(self, query: Query, context: AnswerContext) -> Answer | None:
        """An answer, or None when this answerer does not take the question."""
        ...
