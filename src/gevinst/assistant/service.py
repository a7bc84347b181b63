"""The assistant: question (and history) in, `Answer` out. The same path serves chat, CLI and evaluation.

question, history → parse_query → Query → the first answerer that answers: calculation, catalogue,
retrieval + backend (extractive or a model)."""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from typing import Any, Protocol

from gevinst.assistant.answerers import AnswerContext, Answerer, Deferred
from gevinst.assistant.catalogue import CatalogueAnswerer
from gevinst.assistant.extractive import ExtractiveBackend
from gevinst.assistant.parse import parse_query
from gevinst.assistant.query import Language, Query
from gevinst.assistant.retrieval import HybridRetriever, Retrieved, SearchIndex
from gevinst.settings import Settings
from gevinst.types import Answer


class AnswerBackend(Protocol):
    """A backend composes the answer from the retrieved passages (extractive, or an LLM)."""

    def compose(self, query: Query, retrieved: Retrieved) -> Answer: ...


class CalculationAnswerer:
    """Calculation questions go to the calculators (routing.py)."""

    def answer(self, query: Query, context: AnswerContext) -> Answer | Deferred | None:
        from gevinst.assistant.routing import answer_calculation

        return answer_calculation(query, context)


class Assistant:
    def __init__(self, settings: Settings, index: SearchIndex, backend: AnswerBackend | None = None) -> None:
        self.settings = settings
        self.index = index
        self.retriever = HybridRetriever(index, settings.retrieval)
        self.context = AnswerContext(index, self.retriever, settings)
        self.backend = backend or build_backend(settings, self.retriever)
        routed = not getattr(self.backend, "handles_calculations", False)  # models with tools calculate themselves
        self.answerers: list[Answerer] = [*([CalculationAnswerer()] if routed else []), CatalogueAnswerer()]

    def answer(self, question: str, history: Sequence[object] = ()) -> Answer:
        for item in self.answer_stream(question, history):
            if isinstance(item, Answer):
                return item
        raise RuntimeError("the answer stream ended without an answer")

    def answer_stream(self, question: str, history: Sequence[object] = ()) -> Iterator[str | Answer]:
        """Text pieces as a model writes them (LLM backends), then the finished, checked `Answer`."""
        started = time.perf_counter()
        query, notice = parse_query(question, history, self.settings.max_question_chars)
        query = self.retriever.with_compounds(query)
        if not any(ch.isalnum() for ch in query.raw):
            yield Answer(
                question, _empty_reply(query.language), True, notice=notice, timings_ms={"total": _ms(started)}
            )
            return
        deferred: Answer | None = None
        for answerer in self.answerers:
            answered = answerer.answer(query, self.context)
            if isinstance(answered, Deferred):
                deferred = deferred or answered.answer
            elif answered is not None:
                answered.question, answered.notice = question, notice or answered.notice
                answered.timings_ms["total"] = _ms(started)
                yield answered
                return
        t0 = time.perf_counter()
        retrieved = self.retriever.retrieve(query)
        t1 = time.perf_counter()
        result = yield from self._compose(query, retrieved)
        if result.refused and deferred is not None:  # the reports do not answer: ask for what the calculation lacks
            result = deferred
        result.question = question
        result.notice = notice or result.notice
        result.timings_ms = {"retrieve": _ms(t0, t1), "answer": _ms(t1), "total": _ms(started)}
        yield result

    def _compose(self, query: Query, retrieved: Retrieved) -> Generator[str, None, Answer]:
        """Yields a streaming backend's text pieces; returns the composed `Answer`."""
        stream = getattr(self.backend, "stream", None)
        if stream is None:
            return self.backend.compose(query, retrieved)
        result: Any = None
        for kind, value in stream(query, retrieved):
            if kind == "token":
                yield value
            else:
                result = value
        assert isinstance(result, Answer)
        return result

    def retrieve(self, question: str) -> Retrieved:
        return self.retriever.retrieve(parse_query(question)[0])


def _empty_reply(language: Language) -> str:
    if language is Language.EN:
        return "Please ask a question about the reports."
    return "Skriv et spørgsmål om rapporterne, fx om effektiviseringspotentialer eller gevinster."


def build_backend(settings: Settings, retriever: HybridRetriever) -> AnswerBackend:
    extractive_backend = ExtractiveBackend(retriever, settings.retrieval)
    if settings.llm.backend == "extractive":
        return extractive_backend
    from gevinst.assistant.llm import build_chat_model
    from gevinst.assistant.llm_answer import LLMBackend

    return LLMBackend(build_chat_model(settings.llm), extractive_backend)


def _ms(start: float, end: float | None = None) -> float:
    return ((end if end is not None else time.perf_counter()) - start) * 1000
