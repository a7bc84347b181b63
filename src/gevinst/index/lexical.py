"""BM25 over Danish stems (bm25s + PyStemmer 'danish' + Danish stop words), Danish letters folded."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from gevinst.index import textnorm


class LexicalIndex:
    def __init__(self, retriever: object) -> None:
        self._bm25 = retriever

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        import bm25s

        corpus = [textnorm.tokens(t) or ["_"] for t in texts]
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        retriever.index(corpus, show_progress=False)
        return cls(retriever)

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(directory), show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed passage for `query` (zeros when no query term is known)."""
        vocab = self._bm25.vocab_dict  # type: ignore[attr-defined]
        known = [t for t in textnorm.tokens(query) if t in vocab]
        n = self._bm25.scores["num_docs"]  # type: ignore[attr-defined]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)  # type: ignore[attr-defined]
