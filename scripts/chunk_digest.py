"""Digest of every chunk the ingest rules make from a folder of reports, without embedding anything.

Used to show that a change to cleaning, sentence splitting or chunking leaves the chunks of the shipped
corpus identical: run it before and after and compare the lines.

    python scripts/chunk_digest.py [FOLDER] [--per-document]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from gevinst.ingest.corpus import folder_chunks

ROOT = Path(__file__).resolve().parents[1]


def chunk_shas(folder: Path) -> dict[str, list[str]]:
    """Chunk shas per document id, in chunk order."""
    return {doc_id: [c.sha for c in chunks] for doc_id, chunks in folder_chunks(folder).items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "reports"))
    parser.add_argument("--per-document", action="store_true")
    args = parser.parse_args()
    shas = chunk_shas(Path(args.folder))
    if args.per_document:
        for doc_id, doc_shas in shas.items():
            print(f"{doc_id:45} {len(doc_shas):5} {hashlib.sha256(''.join(doc_shas).encode()).hexdigest()[:16]}")
    every = sorted(s for doc_shas in shas.values() for s in doc_shas)
    print(f"{'all chunks (as a set)':45} {len(every):5} {hashlib.sha256(''.join(every).encode()).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
