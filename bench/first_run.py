"""From an empty index to the first answer, split into the parts that do not depend on installing packages:
index build (the shipped reports: their vectors ship with the repository), model load (embedder, BM25,
Chroma, warmed as the app does), first answer. Then the seconds per MB of a 200-page PDF made from the
corpus' own text, split into reading/cleaning/chunking, embedding and writing the index.

    python bench/first_run.py [--pages 200] [--no-shipped] [--skip-pdf]

--no-shipped builds the index as a clone without the shipped vectors would (every passage embedded)."""

from __future__ import annotations

import argparse
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--no-shipped", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    from gevinst.assistant import build_assistant
    from gevinst.ingest import ingest
    from gevinst.settings import EmbeddingSettings, Settings

    imported = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "none.npz" if args.no_shipped else ROOT / EmbeddingSettings().shipped_vectors
        settings = Settings(index_dir=Path(tmp) / "index", reports_dir=ROOT / "data" / "reports",
                            embedding=EmbeddingSettings(shipped_vectors=shipped))  # fmt: skip
        t1 = time.perf_counter()
        report = ingest([settings.reports_dir], settings)
        t2 = time.perf_counter()
        assistant = build_assistant(settings)
        assistant.index.warm()
        t3 = time.perf_counter()
        answer = assistant.answer(QUESTION)
        t4 = time.perf_counter()
        print(f"imports                      {imported:7.2f} s")
        print(f"index build                  {t2 - t1:7.2f} s   ({report.chunks} passages, {report.embedded} embedded)")
        print(f"model load (warm)            {t3 - t2:7.2f} s")
        print(f"first answer                 {t4 - t3:7.2f} s   ({'refused' if answer.refused else 'answered'})")
        print(f"empty index to first answer  {t4 - t0:7.2f} s")
        if not args.skip_pdf:
            _pdf_ingest(Path(tmp), settings, args.pages)


def _pdf_ingest(tmp: Path, settings, pages: int) -> None:  # type: ignore[no-untyped-def]
    from gevinst.ingest import ingest
    from gevinst.ingest.corpus import folder_chunks

    text = " ".join(c.text for chunks in folder_chunks(settings.reports_dir).values() for c in chunks)
    pdf = _make_pdf(tmp / "upload" / "stor-rapport.pdf", text, pages)
    mb = pdf.stat().st_size / 1e6
    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        marks.setdefault(f"{stage}-first", time.perf_counter())
        marks[f"{stage}-last"] = time.perf_counter()

    started = time.perf_counter()
    report = ingest([pdf], settings, progress=progress)
    ended = time.perf_counter()
    read = marks.get("embed-first", ended) - started
    embed = marks.get("embed-last", ended) - marks.get("embed-first", ended)
    write = ended - marks.get("embed-last", ended)
    print(f"{pages}-page PDF, {mb:.2f} MB: {report.embedded} passages embedded ({report.chunks} in the index)")
    print(f"  read, clean, chunk         {read:7.2f} s")
    print(f"  embed                      {embed:7.2f} s   ({report.embedded / max(embed, 1e-9):.1f} passages/s)")
    print(f"  write index                {write:7.2f} s")
    print(f"  total                      {ended - started:7.2f} s   = {(ended - started) / mb:.0f} s per MB, "
          f"{(ended - started) / pages:.2f} s per page")  # fmt: skip


def _make_pdf(path: Path, text: str, pages: int) -> Path:
    """A report of `pages` pages of 46 lines each, from the corpus' text (repeated when it runs out)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    lines = textwrap.wrap(text, 95)
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        y = 790
        for i in range(46):
            c.drawString(50, y, lines[(page * 46 + i) % len(lines)])
            y -= 16
        c.drawString(300, 30, str(page + 1))
        c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    main()
