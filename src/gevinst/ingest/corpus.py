"""The chunks a folder of reports gives under the current ingest rules, without embedding or indexing them
(for the shipped vectors and the chunk digest)."""

from __future__ import annotations

from pathlib import Path

from gevinst.index.sentence_vectors import sentence_texts
from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.chunking import chunk_document, embedding_text
from gevinst.ingest.loaders import SUPPORTED, load_file
from gevinst.ingest.profiles import clean_loaded
from gevinst.ingest.restore import restore_batch
from gevinst.types import Chunk


def folder_chunks(folder: Path) -> dict[str, list[Chunk]]:
    """Chunks per document id, in chunk order, titled as ingest titles them (from catalog.yaml)."""
    catalog = load_catalog(folder)
    docs = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED):
        loaded = load_file(path)
        entry = catalog.get(loaded.doc_id)
        docs[loaded.doc_id] = clean_loaded(loaded, entry.title if entry else loaded.title_hint)
    out = {doc_id: chunk_document(doc) for doc_id, doc in docs.items()}
    for doc, _ in restore_batch(list(docs.values()), out):  # lost æ/ø/å, as the ingest pipeline restores them
        out[doc.doc_id] = chunk_document(doc)
    return out


def embedding_texts(folder: Path) -> list[str]:
    """What ingest embeds for the folder's reports, in index order: the passages, then their sentences."""
    chunks = folder_chunks(folder)
    ordered = [c for doc_id in sorted(chunks) for c in chunks[doc_id]]
    return [embedding_text(c) for c in ordered] + sentence_texts(ordered)[1]
