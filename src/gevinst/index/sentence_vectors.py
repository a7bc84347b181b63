"""Sentence vectors, made at ingest (cached by text hash like passage vectors) so that the answer path can
judge each sentence's meaning against the question without any model work beyond the one query vector."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from gevinst.sentences import sentence_spans
from gevinst.types import Chunk

MIN_CHARS = 25  # shorter spans are headings and list numbers, never evidence
FILE = "sentences.npz"


@dataclass(frozen=True)
class SentenceTable:
    """For each sentence: the chunk it is in, its span in the chunk's text, and its vector."""

    chunk: np.ndarray  # int32 index into the generation's chunks
    start: np.ndarray  # int32
    end: np.ndarray  # int32
    vectors: np.ndarray  # float16, L2-normalised rows

    def save(self, generation: Path) -> None:
        np.savez(generation / FILE, chunk=self.chunk, start=self.start, end=self.end, vectors=self.vectors)

    @classmethod
    def load(cls, generation: Path) -> SentenceTable | None:
        path = generation / FILE
        if not path.is_file():
            return None
        with np.load(path) as data:
            return cls(data["chunk"], data["start"], data["end"], data["vectors"])


def sentence_texts(chunks: list[Chunk]) -> tuple[list[tuple[int, int, int]], list[str]]:
    """(chunk index, start, end) and the text of every sentence worth a vector, in chunk order."""
    spans, texts = [], []
    for i, chunk in enumerate(chunks):
        for start, end in sentence_spans(chunk.text):
            text = chunk.text[start:end].strip()
            if len(text) >= MIN_CHARS:
                spans.append((i, start, end))
                texts.append(text)
    return spans, texts


def build_table(spans: list[tuple[int, int, int]], vectors: np.ndarray) -> SentenceTable:
    cols = np.asarray(spans, dtype=np.int32).reshape(-1, 3)
    return SentenceTable(cols[:, 0], cols[:, 1], cols[:, 2], np.asarray(vectors, dtype=np.float16))
