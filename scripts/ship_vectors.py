"""Write the passage vectors of the shipped reports to the file that ships with the repository, so a fresh
clone embeds nothing for them. Run it after any change to cleaning, chunking, titles or the model
(tests/index/test_shipped.py fails until then). Vectors already in the old file (same embedder and model
file) or in --cache are reused unless --fresh; only the rest is embedded.

    python scripts/ship_vectors.py [--fresh] [--cache INDEX_DIR/embeddings.sqlite]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from gevinst.index.cache import EmbeddingCache, text_key
from gevinst.index.embeddings import build_embeddings
from gevinst.index.shipped import ShippedVectors, quantise, write_shipped
from gevinst.ingest.corpus import embedding_texts
from gevinst.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fresh", action="store_true", help="embed every passage anew")
    parser.add_argument("--cache", type=Path, help="an embedding cache to reuse (embeddings.sqlite)")
    args = parser.parse_args()
    settings = Settings()
    out = settings.embedding.shipped_vectors
    out = out if out.is_absolute() else ROOT / out
    texts = embedding_texts(ROOT / "data" / "reports")
    embedder = build_embeddings(settings.embedding)
    old = None if args.fresh else ShippedVectors.load(out)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(args.cache or Path(tmp) / "embeddings.sqlite", old)

        def tick(n: int, done: list[int] = [0]) -> None:  # noqa: B006 - a counter across calls
            done[0] += n
            print(f"\r{done[0]}/{len(texts)}", end="", file=sys.stderr, flush=True)

        vectors, embedded = cache.embed(embedder, texts, tick)
        cache.close()
    print(file=sys.stderr)
    keys = [text_key(t) for t in texts]
    shipped = write_shipped(out, embedder.key, embedder.model_sha, dict(zip(keys, vectors)))
    seconds = time.perf_counter() - started
    print(
        f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {len(shipped)} passages, "
        f"{embedded} embedded in {seconds:.0f} s, {out.stat().st_size / 1024:.0f} KB"
    )
    _agreement(vectors, shipped, keys)


def _agreement(vectors: np.ndarray, shipped: ShippedVectors, keys: list[str]) -> None:
    """Cosine of the stored vectors to the ones just computed (int8 as shipped; float16 for comparison)."""
    original = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    stored = shipped.lookup(keys)
    int8 = np.stack([stored[k] for k in keys])
    half = original.astype(np.float16).astype(np.float32)
    half /= np.linalg.norm(half, axis=1, keepdims=True)
    codes, scales = quantise(original)
    print(
        f"cosine to the computed vectors: int8 min {(int8 * original).sum(1).min():.6f}, "
        f"float16 min {(half * original).sum(1).min():.6f} ({codes.nbytes + scales.nbytes} vs {original.size * 2} bytes)"
    )


if __name__ == "__main__":
    main()
