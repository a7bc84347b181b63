"""Digest of every chunk the ingest rules make from a folder of reports, without embedding anything.

Used to show that a change to cleaning, sentence splitting or chunking leaves the chunks of the shipped
corpus identical: run it before and after and compare the lines.

    python scripts/chunk_digest.py [FOLDER] [--per-document]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.chunking import chunk_document
from gevinst.ingest.loaders import SUPPORTED, load_file
from gevinst.ingest.profiles import clean_loaded
from gevinst.ingest.restore import restore_batch

ROOT = Path(__file__).resolve().parents[1]


def chunk_shas(folder: Path) -> dict[str, list[str]]:
    """Chunk shas per document id, in chunk order."""
    catalog = load_catalog(folder)
    docs = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED):
        loaded = load_file(path)
        entry = catalog.get(loaded.doc_id)
        docs[loaded.doc_id] = clean_loaded(loaded, entry.title if entry else loaded.title_hint)
    chunks = {doc_id: chunk_document(doc) for doc_id, doc in docs.items()}
    for doc, _ in restore_batch(list(docs.values()), chunks):  # lost æ/ø/å, as the ingest pipeline does
        chunks[doc.doc_id] = chunk_document(doc)
    return {doc_id: [c.sha for c in doc_chunks] for doc_id, doc_chunks in chunks.items()}


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
