"""The passage vectors shipped with the repository: they cover the shipped corpus as it is chunked now, they
are used only for their own embedder and model file, and a fresh clone embeds nothing for the shipped reports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gevinst.index.cache import EmbeddingCache, text_key
from gevinst.index.embeddings import E5Embeddings, HashEmbeddings
from gevinst.index.shipped import ShippedVectors, quantise, write_shipped
from gevinst.ingest import ingest
from gevinst.ingest.corpus import embedding_texts
from gevinst.settings import Settings
from tests.conftest import REPORTS, SHIPPED_VECTORS, make_settings

REGENERATE = "the shipped vectors are stale: run `python scripts/ship_vectors.py` and commit data/vectors/"


def test_shipped_vectors_cover_every_passage_of_the_shipped_reports() -> None:
    shipped = ShippedVectors.load(SHIPPED_VECTORS)
    assert shipped is not None, REGENERATE
    e5 = E5Embeddings.__new__(E5Embeddings)  # the key and model file, without loading the engine
    assert shipped.matches(e5.key, e5.model_sha), REGENERATE
    keys = [text_key(t) for t in embedding_texts(REPORTS)]
    missing = [k for k in keys if k not in shipped.lookup(keys)]
    assert not missing, f"{len(missing)} of {len(keys)} passages have no shipped vector; {REGENERATE}"


class ShaHash(HashEmbeddings):
    def __init__(self, key: str = "hash-256", sha: str = "abc") -> None:
        super().__init__(256)
        self.key, self._sha, self.embedded = key, sha, 0

    @property
    def model_sha(self) -> str:
        return self._sha

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return super().embed_documents(texts)


TEXTS = ["Køb via e-handel koster 90 kr.", "Hjemmeplejen planlægger ruter.", "KSD: 40 % af arbejdstiden."]


@pytest.mark.parametrize(
    "embedder, embedded",
    [
        pytest.param(ShaHash(), 1, id="same-embedder-and-model"),
        pytest.param(ShaHash(sha="other model file"), 3, id="other-model-file"),
        pytest.param(ShaHash(key="hash-other"), 3, id="other-embedder"),
        pytest.param(ShaHash(sha=""), 3, id="model-file-unknown"),
    ],
)
def test_cache_takes_shipped_vectors_only_for_their_embedder_and_model(
    tmp_path: Path, embedder: ShaHash, embedded: int
) -> None:
    maker = HashEmbeddings(256)
    originals = {text_key(t): np.array(maker.embed_query(t), dtype=np.float32) for t in TEXTS[:2]}
    shipped = write_shipped(tmp_path / "v.npz", "hash-256", "abc", originals)
    cache = EmbeddingCache(tmp_path / "c.sqlite", ShippedVectors.load(tmp_path / "v.npz"))
    vectors, count = cache.embed(embedder, TEXTS)
    assert (count, embedder.embedded) == (embedded, embedded)
    assert len(shipped) == 2
    expected = np.array(maker.embed_documents(TEXTS), dtype=np.float32)
    assert np.all((vectors * expected).sum(axis=1) > 0.999)


def test_int8_vectors_keep_their_direction() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(200, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    codes, scales = quantise(vectors)
    back = codes.astype(np.float32) * scales[:, None]
    cosine = (back * vectors).sum(axis=1) / np.linalg.norm(back, axis=1)
    assert cosine.min() > 0.9998


def test_missing_or_broken_file_means_embedding_everything(tmp_path: Path) -> None:
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    assert ShippedVectors.load(tmp_path / "absent.npz") is None
    assert ShippedVectors.load(tmp_path / "broken.npz") is None


class NoEmbedding(E5Embeddings):
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise AssertionError(f"{len(texts)} passages embedded; the shipped vectors should have served them")


def test_fresh_clone_embeds_nothing_for_the_shipped_reports(tmp_path: Path) -> None:
    settings: Settings = make_settings(tmp_path, backend="e5")
    report = ingest([REPORTS], settings, embedder=NoEmbedding())
    assert report.ok and report.chunks > 500 and report.embedded == 0
