"""What the reports shelf holds, for the UI: documents, page texts and the klk proposal catalogue."""

from __future__ import annotations

import re
from typing import Any

from gevinst.assistant.service import Assistant
from gevinst.types import Proposal


def documents(assistant: Assistant) -> list[dict[str, Any]]:
    manifest = getattr(assistant.index, "manifest", {}) or {}
    return list(manifest.get("documents", []))


def proposals(assistant: Assistant) -> list[Proposal]:
    return list(getattr(assistant.index, "proposals", []) or [])


def pages_of(assistant: Assistant, doc_id: str) -> list[int | None]:
    return sorted({c.page for c in assistant.index.chunks if c.doc_id == doc_id}, key=lambda p: (p is None, p or 0))


def page_text(assistant: Assistant, doc_id: str, page: int | None, section: str = "", original: bool = False) -> str:
    """The cleaned page, put together from its chunks by their offsets (chunks overlap; nothing is doubled).
    A document without pages is shown section by section. `original`: as the file had it, before ingest
    restored lost letters (the same page when nothing was restored)."""
    chunks = [
        c
        for c in assistant.index.chunks
        if c.doc_id == doc_id and c.page == page and (page is not None or not section or c.section == section)
    ]
    chunks.sort(key=lambda c: c.start)
    text, end = "", -1
    for c in chunks:
        body = (c.original or c.text) if original else c.text
        if c.start >= end:
            text += ("\n\n" if text else "") + body
        elif c.end > end:
            text += body[_aligned(c.text, body, end - c.start) :]
        end = max(end, c.end)
    return text


def sections_of(assistant: Assistant, doc_id: str) -> list[str]:
    """The sections of a document without pages, in the order the document has them."""
    return list(dict.fromkeys(c.section for c in assistant.index.chunks if c.doc_id == doc_id and c.page is None))


def has_original(assistant: Assistant, doc_id: str) -> bool:
    """Whether ingest restored lost letters in the document, so its original text differs."""
    return any(c.original for c in assistant.index.chunks if c.doc_id == doc_id)


_RUNS = re.compile(r"[^\W\d_]+|[\W\d_]+")


def _aligned(text: str, other: str, offset: int) -> int:
    """`offset` of `text` in `other`, the same passage with some words spelled otherwise: both have the same
    runs of letters and of other characters, in the same order."""
    if other == text:
        return offset
    for a, b in zip(_RUNS.finditer(text), _RUNS.finditer(other)):
        if a.start() <= offset < a.end():
            return b.start() + min(offset - a.start(), len(b.group()))
    return len(other)
