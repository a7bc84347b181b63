"""Draws the pages (or, for reports without pages, the sections) that a held-out bank is written from.

Seeded, so the same seed gives the same draw: `python scripts/draw_heldout.py --seed 2026 --units 36 --out DIR`.
Each report gets draws in proportion to its cleaned text (at least `--floor`), and a unit is drawn at most
once. The writer of the bank sees only these files and the bank format, never the code or its answers.

`--exclude` takes earlier draw folders (their files' doc_id/unit headers) and banks (their «doc-id#pN»
sources): those units are not drawn again, so a fresh held-out bank shares no page with any bank before it.
eval/heldout7.yaml was written from the 24 units left so (seed 7373, every earlier draw folder and bank)."""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from pathlib import Path

from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.chunking import chunk_document
from gevinst.ingest.loaders import load_file
from gevinst.ingest.profiles import clean_loaded


def units_of(path: Path) -> tuple[str, dict[str, str]]:
    """A report's drawable units: 'p. N' per page, or '§ section' where the report has no pages."""
    loaded = load_file(path)
    entry = load_catalog(path.parent).get(loaded.doc_id)
    doc = clean_loaded(loaded, entry.title if entry else loaded.title_hint)
    units: dict[str, list[str]] = defaultdict(list)
    for chunk in chunk_document(doc):
        key = f"p. {chunk.page}" if chunk.page is not None else f"§ {chunk.section or '(uden afsnit)'}"
        if not units[key] or not units[key][-1].endswith(chunk.text[-200:]):
            units[key].append(chunk.text)
    return doc.title, {k: "\n\n".join(v) for k, v in units.items() if sum(map(len, v)) >= 400}


def used_units(paths: list[Path]) -> set[tuple[str, str]]:
    """(doc_id, unit) of every drawn file under the given folders and every page a given bank cites."""
    used: set[tuple[str, str]] = set()
    for path in paths:
        if path.is_dir():
            for f in path.rglob("*.txt"):
                head = dict(re.findall(r"^(doc_id|unit): (.*)$", f.read_text(encoding="utf-8")[:600], re.M))
                if "doc_id" in head and "unit" in head:
                    used.add((head["doc_id"].strip(), head["unit"].strip()))
        elif path.is_file():
            for doc_id, first, last in re.findall(r"([a-z0-9-]+)#p(\d+)(?:-(\d+))?", path.read_text(encoding="utf-8")):
                used.update((doc_id, f"p. {p}") for p in range(int(first), int(last or first) + 1))
    return used


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=Path, default=Path("data/reports"))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--units", type=int, default=36)
    ap.add_argument("--floor", type=int, default=3)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="earlier draw folders and banks")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    used = used_units(args.exclude)
    reports = {}
    for path in sorted(args.reports.glob("*.txt")):
        title, units = units_of(path)
        reports[path.stem] = (title, {k: v for k, v in units.items() if (path.stem, k) not in used})
    size = {d: sum(map(len, u.values())) for d, (_, u) in reports.items()}
    total = sum(size.values())
    args.out.mkdir(parents=True, exist_ok=True)
    for doc_id, (title, units) in reports.items():
        want = min(len(units), max(args.floor, round(args.units * size[doc_id] / total)))
        for n, key in enumerate(sorted(rng.sample(sorted(units), want))):
            header = f"doc_id: {doc_id}\ntitle: {title}\nunit: {key}\n\n"
            (args.out / f"{doc_id}--{n:02d}.txt").write_text(header + units[key], encoding="utf-8")
        print(f"{doc_id}: {want} of {len(units)} units ({size[doc_id] // 1000} k characters)")


if __name__ == "__main__":
    main()
