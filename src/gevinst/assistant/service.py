"""The assistant: question (and history) in, `Answer` out. The same path serves chat, CLI and evaluation."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Protocol

from gevinst.assistant import extractive
from gevinst.assistant.catalogue import answer_from_catalogue
from gevinst.assistant.conversation import language_of, standalone_query
from gevinst.assistant.glossary import danish_coverage_terms, to_danish_terms
from gevinst.assistant.retrieval import HybridRetriever, Retrieved, SearchIndex
from gevinst.settings import Settings
from gevinst.types import Answer


class AnswerBackend(Protocol):
    """A backend composes the answer from the retrieved passages (extractive, or an LLM)."""

    def compose(self, question: str, retrieved: Retrieved, language: str) -> Answer: ...


def clean_question(raw: str, limit: int) -> tuple[str, str]:
    """Control characters removed, whitespace folded, cut at `limit` characters (with a notice)."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        return text[:limit], f"Spørgsmålet var {len(text)} tegn langt og blev forkortet til {limit}."
    return text, ""


class Assistant:
    def __init__(self, settings: Settings, index: SearchIndex, backend: AnswerBackend | None = None) -> None:
        self.settings = settings
        self.index = index
        self.retriever = HybridRetriever(index, settings.retrieval)
        self.backend = backend or build_backend(settings, self.retriever)

    def answer(self, question: str, history: Sequence[object] = ()) -> Answer:
        for item in self.answer_stream(question, history):
            if isinstance(item, Answer):
                return item
        raise RuntimeError("the answer stream ended without an answer")

    def answer_stream(self, question: str, history: Sequence[object] = ()) -> Iterator[str | Answer]:
        """Text pieces as a model writes them (LLM backends), then the finished, checked `Answer`."""
        started = time.perf_counter()
        text, notice = clean_question(question, self.settings.max_question_chars)
        language = language_of(text)
        if not re.search(r"\w", text):
            reply = ("Skriv et spørgsmål om rapporterne, fx om effektiviseringspotentialer eller gevinster."
                     if language == "da" else "Please ask a question about the reports.")
            yield Answer(question, reply, True, notice=notice, timings_ms={"total": _ms(started)})
            return
        from gevinst.assistant.routing import answer_calculation

        query = standalone_query(text, history)
        routed = not getattr(self.backend, "handles_calculations", False)
        calculated = answer_calculation(query, self, language) if routed else None
        if calculated is not None:
            calculated.question, calculated.notice = question, notice
            calculated.timings_ms["total"] = _ms(started)
            yield calculated
            return
        listed = answer_from_catalogue(query, self, language)
        if listed is not None:
            listed.notice, listed.timings_ms = notice, {"total": _ms(started)}
            yield listed
            return
        t0 = time.perf_counter()
        retrieved = self.retrieve(query, language)
        t1 = time.perf_counter()
        stream = getattr(self.backend, "stream", None)
        result = None
        if stream is None:
            result = self.backend.compose(query, retrieved, language)
        else:
            for kind, value in stream(query, retrieved, language):
                if kind == "token":
                    yield value
                else:
                    result = value
        assert result is not None
        result.question = question
        result.notice = notice or result.notice
        result.timings_ms = {"retrieve": _ms(t0, t1), "answer": _ms(t1), "total": _ms(started)}
        yield result

    def retrieve(self, query: str, language: str) -> Retrieved:
        if language == "en":
            return self.retriever.retrieve_for(to_danish_terms(query), danish_coverage_terms(query))
        return self.retriever.retrieve(query)


def build_backend(settings: Settings, retriever: HybridRetriever) -> AnswerBackend:
    extractive_backend = ExtractiveBackend(retriever, settings)
    if settings.llm.backend == "extractive":
        return extractive_backend
    from gevinst.assistant.llm import build_chat_model
    from gevinst.assistant.llm_answer import LLMBackend

    return LLMBackend(build_chat_model(settings.llm), extractive_backend, settings.retrieval.refusal_threshold)


class ExtractiveBackend:
    def __init__(self, retriever: HybridRetriever, settings: Settings) -> None:
        self.retriever = retriever
        self.settings = settings

    def compose(self, question: str, retrieved: Retrieved, language: str) -> Answer:
        chosen = extractive.select_sentences(question, retrieved, self.retriever)
        weak = retrieved.coverage < self.settings.retrieval.refusal_threshold or retrieved.missing_entities
        if not chosen or weak:
            nearest = extractive.nearest_citations(retrieved.chunks)
            return Answer(question, extractive.refusal_text(nearest, language), True, citations=nearest)
        text, citations = extractive.compose(chosen, retrieved.chunks, language)
        return Answer(question, text, False, citations=citations)


def _ms(start: float, end: float | None = None) -> float:
    return ((end if end is not None else time.perf_counter()) - start) * 1000
