"""The vector store's approximate search on the shipped corpus finds what an exact search finds: a fresh build
of the index must not miss the nearest passage of a question (with Chroma's default search breadth it did, in
about one build of five)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gevinst.eval import load_bank
from gevinst.index import open_index
from gevinst.settings import Settings

pytestmark = pytest.mark.slow
BANKS = [Path(__file__).resolve().parents[2] / "eval" / name for name in ("dev.yaml", "dev2.yaml")]


def test_approximate_search_finds_the_exact_top_passages(real_settings: Settings) -> None:
    index = open_index(real_settings)
    stored = index._collection.get(include=["embeddings"])
    order = np.argsort([int(i) for i in stored["ids"]])
    vectors = np.asarray(stored["embeddings"], dtype=np.float32)[order]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    questions = [q.question for bank in BANKS for q in load_bank(bank)]
    missed = []
    for question in questions:
        exact = np.argsort(-(vectors @ np.asarray(index.query_vector(question), dtype=np.float32)))[:5]
        found = {i for i, _ in index.dense(question, 20)}
        missed += [(question, int(i)) for i in exact if int(i) not in found]
    assert not missed, f"{len(missed)} of {5 * len(questions)} exact top-5 passages missed: {missed[:3]}"
