"""Passage vectors that ship with the repository, so a fresh clone embeds nothing for the shipped reports.

A read-only layer under the SQLite embedding cache: one `.npz` holding, per passage, the first 16 bytes of the
SHA-256 of the text embedded (the cache's key) and the vector as int8 with one float32 scale per row. It is
used only by the embedder it was made with (its key) running the same model file (its SHA-256); anything
else misses and is embedded as before. `scripts/ship_vectors.py` writes it; a test fails when the shipped
corpus has a passage the file lacks (a change to cleaning or chunking means: run the script)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

KEY_BYTES = 16


@dataclass(frozen=True)
class ShippedVectors:
    embedder: str  # the embedder key the vectors were made with
    model_sha: str  # SHA-256 of the model file
    keys: np.ndarray  # [n, KEY_BYTES] uint8: the start of each text's SHA-256
    codes: np.ndarray  # [n, dim] int8
    scales: np.ndarray  # [n] float32

    @classmethod
    def load(cls, path: Path) -> ShippedVectors | None:
        """The file's vectors, or None when there is no (readable) file: then everything is embedded."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                return cls(meta["embedder"], meta["model_sha"], data["keys"], data["codes"], data["scales"])
        except (OSError, KeyError, ValueError):
            return None

    def matches(self, embedder: str, model_sha: str) -> bool:
        return bool(model_sha) and (embedder, model_sha) == (self.embedder, self.model_sha)

    def lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Unit vectors (float32) for the text keys (hex SHA-256) that the file holds."""
        row = {bytes(k).hex(): i for i, k in enumerate(self.keys)}
        found = {k: row[k[: 2 * KEY_BYTES]] for k in keys if k[: 2 * KEY_BYTES] in row}
        if not found:
            return {}
        rows = np.fromiter(found.values(), dtype=np.int64)
        vectors = self.codes[rows].astype(np.float32) * self.scales[rows, None]
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return dict(zip(found, vectors))

    def __len__(self) -> int:
        return len(self.keys)


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 codes and one scale per row (the row's largest magnitude maps to 127)."""
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
    codes = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales.astype(np.float32)


def write_shipped(path: Path, embedder: str, model_sha: str, vectors: dict[str, np.ndarray]) -> ShippedVectors:
    """Write the vectors (text key → float vector), sorted by key so an unchanged corpus gives the same bytes."""
    keys = sorted(vectors)
    matrix = np.stack([vectors[k] for k in keys]).astype(np.float32)
    codes, scales = quantise(matrix)
    key_bytes = np.array([list(bytes.fromhex(k[: 2 * KEY_BYTES])) for k in keys], dtype=np.uint8)
    meta = {"embedder": embedder, "model_sha": model_sha, "format": "int8, one float32 scale per row"}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, meta=np.array(json.dumps(meta)), keys=key_bytes, codes=codes, scales=scales)
    tmp.replace(path)
    return ShippedVectors(embedder, model_sha, key_bytes, codes, scales)
