"""Sentence-aware chunking: about 600–1.200 characters, a small overlap, never across documents or pages.

Each chunk's text is a verbatim slice of its page's cleaned text (`start`, `end`), so the UI can show and
highlight the exact passage."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from gevinst.ingest.document import CleanDocument, CleanPage
from gevinst.types import Chunk

TARGET = 900
MAX = 1200
MIN = 250
OVERLAP_MAX = 220

_ABBREVIATIONS = frozenset(
    "ca fx bl.a mio mia kr pr nr jf f.eks mv m.v dvs inkl ekskl evt mht ift pct t.kr tlf stk vedr hhv "
    "iflg jan feb mar apr aug sep sept okt nov dec e.g i.e etc kap s f ff ang".split()
)
_CANDIDATE_END = re.compile(r"[.!?][»\"”')]?\s+(?=[A-ZÆØÅ0-9\"«“(-])|\n+")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    if m.group(0).startswith("\n") or text[m.start()] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[: m.start()])
    if word and word.group(1).isdigit() and len(word.group(1)) <= 2:
        line_start = text.rfind("\n", 0, word.start()) + 1
        if not text[line_start:word.start()].strip():
            return False  # «1. Yderligere samling …»: a numbered list item, not a sentence «1.»
    return not (word and word.group(1).lower() in _ABBREVIATIONS)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line; a line break always ends a unit (table rows, headings)."""
    spans = []
    start = 0
    for m in _CANDIDATE_END.finditer(text):
        if not _ends_sentence(text, m):
            continue
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append(_strip_span(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return _split_long(text, spans)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A 'sentence' longer than MAX (flattened tables, run-on transcript text) is cut at spaces."""
    out = []
    for start, end in spans:
        while end - start > MAX:
            cut = text.rfind(" ", start + TARGET // 2, start + TARGET)
            cut = cut if cut > start else start + TARGET
            out.append((start, cut))
            start = cut + 1
        out.append((start, end))
    return out


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
            chunks.append(Chunk(doc.doc_id, doc.title, page.page, section, start, end, text, sha, role))
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What the embedder and the lexical index see: title and section give a passage its context."""
    head = f"{chunk.title}. {chunk.section}." if chunk.section else f"{chunk.title}."
    return f"{head}\n{chunk.text}"
