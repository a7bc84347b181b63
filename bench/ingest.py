"""Ingest benchmark: first ingest, unchanged re-ingest, rebuild with a warm embedding cache, chunks per
second and peak memory, on the shipped corpus with the configured embedding backend.

    python bench/ingest.py [--backend e5]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from gevinst.ingest import ingest
from gevinst.settings import EmbeddingSettings, Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="e5")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            index_dir=Path(tmp) / "index",
            reports_dir=ROOT / "data" / "reports",
            embedding=EmbeddingSettings(backend=args.backend),
        )
        t0 = time.perf_counter()
        first = ingest([settings.reports_dir], settings)
        t1 = time.perf_counter()
        again = ingest([settings.reports_dir], settings)
        t2 = time.perf_counter()
        rebuild = ingest([settings.reports_dir], settings, rebuild=True)
        t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"backend                      {args.backend}")
    print(f"chunks                       {first.chunks}")
    print(f"first ingest                 {t1 - t0:8.1f} s   ({first.chunks / (t1 - t0):.1f} chunks/s)")
    print(
        f"unchanged re-ingest          {t2 - t1:8.2f} s   ({100 * (t2 - t1) / (t1 - t0):.2f} % of first; "
        f"{again.embedded} embedded)"
    )
    print(
        f"rebuild, warm cache          {t3 - t2:8.2f} s   ({100 * (t3 - t2) / (t1 - t0):.2f} % of first; "
        f"{rebuild.embedded} embedded)"
    )
    print(f"peak memory (max RSS)        {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
