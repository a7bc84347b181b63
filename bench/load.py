"""Load: N concurrent sessions asking the development bank's questions against one assistant (one process,
as Streamlit serves its sessions), printing errors and latency under load.

    python bench/load.py [--sessions 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gevinst.assistant import build_assistant
from gevinst.eval import load_bank
from gevinst.eval.scoring import percentile
from gevinst.settings import get_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bank", default="eval/dev.yaml")
    args = parser.parse_args()
    assistant = build_assistant(get_settings())
    questions = [q.question for q in load_bank(Path(args.bank))]
    assistant.answer(questions[0])

    def session(i: int) -> tuple[list[float], int]:
        latencies, errors = [], 0
        for r in range(args.rounds):
            q = questions[(i * args.rounds + r) % len(questions)]
            t = time.perf_counter()
            try:
                assistant.answer(q)
            except Exception:  # noqa: BLE001 - counted, not raised: this is a load test
                errors += 1
            latencies.append((time.perf_counter() - t) * 1000)
        return latencies, errors

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.sessions) as pool:
        results = list(pool.map(session, range(args.sessions)))
    wall = time.perf_counter() - started
    latencies = [x for lat, _ in results for x in lat]
    print(f"sessions × questions         {args.sessions} × {args.rounds} = {len(latencies)}")
    print(f"errors                       {sum(e for _, e in results)}")
    print(f"throughput                   {len(latencies) / wall:.1f} answers/s")
    print(f"latency p50 / p95 under load {percentile(latencies, 50):.0f} / {percentile(latencies, 95):.0f} ms")


if __name__ == "__main__":
    main()
