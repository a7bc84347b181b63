"""Retrieval, answer backends and calculator routing: `answer(question, history) -> Answer`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from gevinst.assistant import library
from gevinst.assistant.service import Assistant
from gevinst.index.store import IndexMissing
from gevinst.settings import Settings, get_settings
from gevinst.types import Answer


def build_assistant(settings: Settings) -> Assistant:
    from gevinst.index import open_index

    return Assistant(settings, open_index(settings))


@cache
def get_assistant() -> Assistant:
    return build_assistant(get_settings())


def answer(question: str, history: Sequence[object] = ()) -> Answer:
    return get_assistant().answer(question, history)


__all__ = ["Answer", "Assistant", "IndexMissing", "answer", "build_assistant", "get_assistant", "library"]
