"""The vector store as written by ingest."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gevinst.index.store import _write_vectors, chroma_client
from gevinst.settings import ChromaSettings
from gevinst.types import Chunk


@pytest.mark.parametrize("passages", [3, 250], ids=["few", "more-than-chromas-default-breadth"])
def test_dense_search_is_exhaustive_so_every_process_retrieves_the_same_passages(tmp_path: Path, passages: int) -> None:
    """Chroma rebuilds its HNSW graph when a process opens the collection, differently each time; with a search
    breadth below the passage count the 30 nearest came back different between two `gevinst ask` runs, which
    moved the min-max floor of the dense scores and swapped two passages of the same question."""
    chunks = [Chunk("d", "T", 1, "", 0, 1, f"tekst {i}", f"sha{i}") for i in range(passages)]
    vectors = np.random.default_rng(0).normal(size=(passages, 8)).astype(np.float32)
    _write_vectors(tmp_path, "passages", chunks, vectors, ChromaSettings())
    hnsw = chroma_client(ChromaSettings(), tmp_path / "chroma").get_collection("passages").configuration["hnsw"]
    assert hnsw["ef_search"] >= passages
    assert hnsw["space"] == "cosine"
