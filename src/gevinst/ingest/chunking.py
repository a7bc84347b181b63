"""Sentence-aware chunking: about 600–1.200 characters, a small overlap, never across documents or pages.

Each chunk's text is a verbatim slice of its page's cleaned text (`start`, `end`), so the UI can show and
highlight the exact passage."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from gevinst.ingest.document import CleanDocument, CleanPage
from gevinst.sentences import MAX, TARGET, sentence_spans
from gevinst.types import Chunk

MIN = 250
OVERLAP_MAX = 220


def page_chunks(page: CleanPage) -> Iterator[tuple[int, int]]:
    spans = sentence_spans(page.text)
    i = 0
    while i < len(spans):
        start, end = spans[i]
        j = i + 1
        while j < len(spans) and spans[j][1] - start <= MAX and end - start < TARGET:
            end = spans[j][1]
            j += 1
        if j == len(spans) - 1 and spans[j][1] - spans[j][0] < MIN and spans[j][1] - start <= MAX + 150:
            end = spans[j][1]  # no tiny tail chunk
            j += 1
        yield start, end
        if j >= len(spans):
            break
        # overlap: the next chunk repeats the last sentence when it is short
        last = spans[j - 1]
        i = j - 1 if j - 1 > i and last[1] - last[0] <= OVERLAP_MAX else j


def chunk_document(doc: CleanDocument) -> list[Chunk]:
    chunks = []
    for page in doc.pages:
        for start, end in page_chunks(page):
            text = page.text[start:end]
            if len(text.strip()) < 20:
                continue
            section = page.section_at(start)
            role = "table" if text.count(" | ") >= 3 else page.role
            sha = hashlib.sha256(f"{doc.doc_id}\x00{page.page}\x00{section}\x00{text}".encode()).hexdigest()[:20]
            original = page.original[page.original_offset(start) : page.original_offset(end)] if page.shifts else ""
            chunks.append(
                Chunk(
                    doc.doc_id,
                    doc.title,
                    page.page,
                    section,
                    start,
                    end,
                    text,
                    sha,
                    role,
                    original=original if original != text else "",
                )
            )
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What the embedder and the lexical index see: title and section give a passage its context."""
    head = f"{chunk.title}. {chunk.section}." if chunk.section else f"{chunk.title}."
    return f"{head}\n{chunk.text}"
