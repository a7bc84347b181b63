"""Vectors (Chroma) and BM25 beside them, written as generations and swapped in atomically."""

from gevinst.index.embeddings import EMBEDDERS, HashEmbeddings, NamedEmbeddings, build_embeddings
from gevinst.index.reader import IndexReader, open_index
from gevinst.index.store import IndexMissing, read_manifest

__all__ = [
    "EMBEDDERS",
    "HashEmbeddings",
    "IndexMissing",
    "IndexReader",
    "NamedEmbeddings",
    "build_embeddings",
    "open_index",
    "read_manifest",
]
