"""The live index, loaded once per process: chunks, BM25, the Chroma collection and the embedder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from gevinst.index.embeddings import NamedEmbeddings, build_embeddings
from gevinst.index.lexical import LexicalIndex
from gevinst.index.query_batch import QueryBatcher
from gevinst.index.sentence_vectors import SentenceTable
from gevinst.index.store import IndexMissing, current_generation, open_collection, read_chunks, read_proposals
from gevinst.settings import Settings
from gevinst.types import Chunk, Proposal

QUERY_CACHE = 256  # query vectors kept (1.5 KB each)


@dataclass
class IndexReader:
    generation: Path
    settings: Settings
    embedder: NamedEmbeddings
    chunks: list[Chunk] = field(init=False)
    manifest: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        # One process serves many sessions (Streamlit threads): their questions are embedded in batches, each
        # text once and then from a small LRU (query_batch.py).
        self.queries = QueryBatcher(self.embedder.embed_queries, QUERY_CACHE)
        self.chunks = read_chunks(self.generation)
        self.manifest = json.loads((self.generation / "manifest.json").read_text())

    @cached_property
    def lexical(self) -> LexicalIndex:
        return LexicalIndex.load(self.generation / "lexical")

    @cached_property
    def _collection(self) -> Any:
        return open_collection(self.settings.chroma, self.generation / "chroma", self.manifest["collection"])

    @cached_property
    def proposals(self) -> list[Proposal]:
        return read_proposals(self.generation)

    @cached_property
    def sentences(self) -> SentenceTable | None:
        return SentenceTable.load(self.generation)

    @cached_property
    def _sentence_rows(self) -> dict[int, np.ndarray]:
        """Chunk index → the row numbers of its sentences in the table."""
        table = self.sentences
        if table is None:
            return {}
        rows: dict[int, list[int]] = {}
        for row, chunk in enumerate(table.chunk.tolist()):
            rows.setdefault(chunk, []).append(row)
        return {c: np.asarray(r) for c, r in rows.items()}

    def sentence_similarities(self, query: str, chunk_index: int) -> dict[int, float]:
        """Sentence start in the chunk → cosine similarity with the question (empty without sentence vectors)."""
        rows = self._sentence_rows.get(chunk_index)
        table = self.sentences
        if rows is None or table is None or not self.embedder.semantic:
            return {}
        sims = table.vectors[rows].astype(np.float32) @ np.asarray(self.query_vector(query), dtype=np.float32)
        return {int(s): float(v) for s, v in zip(table.start[rows], sims)}

    def dense(self, query: str, k: int) -> list[tuple[int, float]]:
        """(chunk index, cosine similarity) of the k nearest passages."""
        if not self.chunks:
            return []
        vector = self.query_vector(query)
        res = self._collection.query(
            query_embeddings=[vector], n_results=min(k, len(self.chunks)), include=["distances"]
        )
        return [(int(i), 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]

    def query_vector(self, text: str) -> list[float]:
        return self.queries.vector(text)

    def warm(self) -> None:
        """Load what the first answer would otherwise wait for: the model (one query), BM25 and Chroma."""
        self.embedder.embed_queries(["opvarmning"])
        self.lexical_scores("opvarmning")
        if self.chunks:
            self._collection.count()

    def lexical_scores(self, query: str) -> np.ndarray:
        return self.lexical.scores(query)

    def is_stale(self) -> bool:
        """A newer generation went live since this one was loaded (the UI reloads then)."""
        return current_generation(self.settings.index_dir) != self.generation


def open_index(settings: Settings, embedder: NamedEmbeddings | None = None) -> IndexReader:
    gen = current_generation(settings.index_dir)
    if gen is None:
        raise IndexMissing(f"Der er endnu intet indeks i {settings.index_dir}; kør først 'gevinst ingest'.")
    manifest = json.loads((gen / "manifest.json").read_text())
    embedder = embedder or build_embeddings(settings.embedding)
    if manifest.get("embedding_key") != embedder.key:
        raise IndexMissing(
            f"Indekset er bygget med {manifest.get('embedding_key')}, men indstillingen er {embedder.key}; "
            "kør 'gevinst ingest --rebuild'."
        )
    return IndexReader(gen, settings, embedder)
