"""Ingest time against text size: generated Danish-like report text of 1, 5 and 20 MB, ingested with the
hash embedder into a temporary index. Seconds per MB must stay flat (within 2× from 1 to 20 MB); before
sentence splitting was made linear, 400 KB took 188 s.

    nice -n 10 python bench/ingest_scaling.py [--sizes 1 5 20]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from gevinst.index.embeddings import HashEmbeddings
from gevinst.ingest import ingest
from gevinst.settings import EmbeddingSettings, Settings

_WORDS = (
    "kommunen kommunerne effektivisering gevinstrealisering besparelse borgerne administration digitalisering "
    "løsningen indkøb e-handel sagsbehandling medarbejdere ledelsen budgettet potentialet realiseres forventes "
    "opgørelsen årsværk udgifterne implementeringen samarbejde fællesskab velfærd ældreplejen skoleområdet "
    "rehabilitering visitationen udbud kontrakter gennemsnit vurderingen arbejdsgange analysen indsatsen"
).split()
_SMALL = "og i på med for at til af som der er det den en et har kan vil skal blev ved fra om".split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS if rng.random() < 0.45 else _SMALL) for _ in range(rng.randint(6, 22))]
    extra = rng.random()
    if extra < 0.15:
        words.insert(rng.randint(1, len(words)), f"{rng.randint(1, 999)},{rng.randint(0, 9)} mio. kr.")
    elif extra < 0.25:
        words.insert(rng.randint(1, len(words)), f"{rng.randint(2, 95)} %")
    elif extra < 0.32:
        words.insert(rng.randint(1, len(words)), "bl.a.")
    elif extra < 0.38:
        words.insert(rng.randint(1, len(words)), f"fx {rng.randint(1, 12)}. kvartal")
    elif extra < 0.42:
        words.insert(rng.randint(1, len(words)), f"**{rng.choice(_WORDS)}**")
    return " ".join(words).capitalize() + rng.choice(".....?!")


def _wrap(paragraph: str, rng: random.Random) -> str:
    """Hard-wrapped at about 80 characters, now and then hyphenated across the line break."""
    lines, line = [], ""
    for word in paragraph.split(" "):
        if len(line) + len(word) > 80:
            if len(word) > 8 and word.isalpha() and rng.random() < 0.2:
                lines.append(f"{line} {word[:4]}-")
                line = word[4:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line]).strip()


def danish_like_text(megabytes: float, seed: int = 13) -> str:
    """Numbered chapters and sections, wrapped paragraphs, numbered lists and tab tables, until the size."""
    rng = random.Random(seed)
    parts: list[str] = []
    size, chapter, section = 0, 0, 0
    while size < megabytes * 1024 * 1024:
        roll = rng.random()
        if roll < 0.03:
            chapter, section = chapter + 1, 0
            block = f"{chapter} {rng.choice(_WORDS).capitalize()} og {rng.choice(_WORDS)}"
        elif roll < 0.12:
            section += 1
            block = f"{chapter}.{section} {rng.choice(_WORDS).capitalize()} i {rng.choice(_WORDS)}"
        elif roll < 0.18:
            block = "\n".join(f"{i}. {_sentence(rng)}" for i in range(1, rng.randint(3, 7)))
        elif roll < 0.22:
            block = "\n".join(
                "\t".join([rng.choice(_WORDS), str(rng.randint(1, 9999)), f"{rng.randint(1, 99)} %"])
                for _ in range(rng.randint(3, 8))
            )
        else:
            block = _wrap(" ".join(_sentence(rng) for _ in range(rng.randint(2, 8))), rng)
        parts.append(block)
        size += len(block.encode()) + 2
    return "\n\n".join(parts) + "\n"


def seconds_to_ingest(megabytes: float, tmp: Path) -> float:
    folder = tmp / f"mb{megabytes:g}"
    folder.mkdir()
    path = folder / f"rapport-{megabytes:g}mb.txt"
    path.write_text(danish_like_text(megabytes), encoding="utf-8")
    settings = Settings(index_dir=folder / "index", reports_dir=folder, embedding=EmbeddingSettings(backend="hash"))
    started = time.perf_counter()
    report = ingest([path], settings, embedder=HashEmbeddings(256))
    seconds = time.perf_counter() - started
    assert report.ok and report.wrote_generation, report.failed
    print(
        f"{megabytes:6g} MB  {report.chunks:7} passager  {seconds:8.1f} s  {seconds / megabytes:6.2f} s/MB", flush=True
    )
    return seconds / megabytes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 5, 20])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        per_mb = [seconds_to_ingest(mb, Path(tmp)) for mb in args.sizes]
    ratio = max(per_mb) / min(per_mb)
    print(f"s/MB, largest over smallest: {ratio:.2f} ({'flat' if ratio <= 2 else 'NOT flat'}: must be ≤ 2)")


if __name__ == "__main__":
    main()
