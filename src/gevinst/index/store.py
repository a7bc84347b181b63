"""The index on disk: generations written beside the live one and swapped in atomically.

index_dir/
  CURRENT                 name of the live generation (replaced with os.replace, never edited)
  embeddings.sqlite       embedding cache
  generations/<id>/       chunks.jsonl, lexical/, chroma/ (embedded mode), proposals.json, manifest.json
A generation becomes live only when everything in it is written; an interrupted ingest leaves CURRENT
pointing at the previous, complete one. In server mode the vectors live in a Chroma server collection
named after the generation."""

from __future__ import annotations

import atexit
import errno
import json
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from gevinst.index.lexical import LexicalIndex
from gevinst.index.sentence_vectors import SentenceTable
from gevinst.settings import ChromaSettings
from gevinst.types import Chunk, Proposal

DEFAULT_SEARCH_BREADTH = 100  # Chroma's own ef_search


class IndexMissing(Exception):
    """No complete index yet: run `gevinst ingest`."""


def chroma_client(chroma: ChromaSettings, path: Path | None) -> Any:  # chromadb imported lazily
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    if chroma.host:
        return chromadb.HttpClient(host=chroma.host, port=chroma.port, settings=settings)
    assert path is not None
    return chromadb.PersistentClient(path=str(path), settings=settings)


_WRITE_ERRORS = ("readonly", "read-only", "disk is full", "disk full", "no space left")


def open_collection(chroma: ChromaSettings, path: Path, name: str) -> Any:
    """A generation's collection, for reading, from a private copy: Chroma writes to its directory even to read
    (its index segment and SQLite, when it opens a collection), and two processes doing so at once — the chat
    and an evaluation run — can read each other's half-written files and find the wrong passages. The copy
    also serves a directory the process cannot write (read-only mount, another owner); when it cannot be made
    (a full disk), a clear `IndexMissing` instead of «attempt to write a readonly database»."""
    if chroma.host:
        return chroma_client(chroma, None).get_collection(name, embedding_function=None)
    try:
        copy = Path(tempfile.mkdtemp(prefix="gevinst-chroma-"))
        atexit.register(shutil.rmtree, copy, True)
        shutil.copytree(path, copy / "chroma", copy_function=shutil.copyfile)
        for sub in (copy / "chroma", *(copy / "chroma").rglob("*")):
            sub.chmod(0o700 if sub.is_dir() else 0o600)  # the copy must be writable (copytree keeps modes)
        return chroma_client(chroma, copy / "chroma").get_collection(name, embedding_function=None)
    except Exception as exc:
        if not is_write_error(exc):
            raise
        raise IndexMissing(
            f"Indekset i {path.parents[2]} kan ikke læses: mappen er skrivebeskyttet eller disken er fuld, og "
            f"der er ikke plads til en midlertidig kopi ({_reason(exc)}); frigør plads eller giv skriveadgang."
        ) from None


def is_write_error(exc: BaseException) -> bool:
    """A read-only directory or a full disk, whichever library reports it (OSError, sqlite, Chroma)."""
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.ENOSPC, errno.EACCES, errno.EPERM):
        return True
    return any(word in str(exc).lower() for word in _WRITE_ERRORS)


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0][:120]


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    gen = index_dir / "generations" / pointer.read_text().strip()
    return gen if (gen / "manifest.json").is_file() else None


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    gen = current_generation(index_dir)
    return json.loads((gen / "manifest.json").read_text()) if gen else None


def read_chunks(generation: Path) -> list[Chunk]:
    with (generation / "chunks.jsonl").open(encoding="utf-8") as fh:
        return [Chunk(**json.loads(line)) for line in fh if line.strip()]


def read_proposals(generation: Path) -> list[Proposal]:
    path = generation / "proposals.json"
    return [Proposal.from_record(p) for p in json.loads(path.read_text())] if path.is_file() else []


def new_generation_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]


def write_generation(
    index_dir: Path,
    chunks: list[Chunk],
    vectors: np.ndarray,
    lexical_texts: list[str],
    manifest: dict[str, Any],
    proposals: list[Proposal],
    chroma: ChromaSettings,
    sentences: SentenceTable | None = None,
) -> Path:
    """Write a complete generation and make it live. On any failure nothing live changes."""
    gen_id = new_generation_id()
    gen = index_dir / "generations" / gen_id
    gen.mkdir(parents=True)
    collection = f"gevinst-{gen_id}"
    try:
        _write_vectors(gen, collection, chunks, vectors, chroma)
        LexicalIndex.build(lexical_texts).save(gen / "lexical")
        with (gen / "chunks.jsonl").open("w", encoding="utf-8") as fh:
            for chunk in chunks:
                fh.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
        (gen / "proposals.json").write_text(json.dumps([asdict(p) for p in proposals], ensure_ascii=False, indent=1))
        if sentences is not None:
            sentences.save(gen)
        manifest = {
            **manifest,
            "generation": gen_id,
            "collection": collection,
            "chroma": {"host": chroma.host, "port": chroma.port} if chroma.host else {"embedded": True},
        }
        _write_atomic(gen / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        _fsync_dir(gen)
        _write_atomic(index_dir / "CURRENT", gen_id)
    except BaseException:
        shutil.rmtree(gen, ignore_errors=True)
        if chroma.host:
            _drop_collection(chroma, collection)
        raise
    return gen


def _write_vectors(gen: Path, name: str, chunks: list[Chunk], vectors: np.ndarray, chroma: ChromaSettings) -> None:
    client = chroma_client(chroma, gen / "chroma")
    # Chroma rebuilds the HNSW graph whenever a process opens the collection, differently each time; a search
    # breadth below the passage count then returned other nearest passages in each `gevinst ask` and missed a
    # question's nearest passage in about one fresh build of five. At least the passage count makes the search
    # exhaustive and the same in every process; for a municipal shelf (~1,000 passages) that is a millisecond.
    breadth = max(DEFAULT_SEARCH_BREADTH, len(chunks))
    col = client.create_collection(
        name,
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine", "ef_search": breadth, "ef_construction": 200, "max_neighbors": 32}},
    )
    for i in range(0, len(chunks), 1000):
        part = chunks[i : i + 1000]
        col.add(
            ids=[str(i + j) for j in range(len(part))],
            embeddings=vectors[i : i + len(part)].tolist(),
            metadatas=[{"doc_id": c.doc_id, "page": c.page if c.page is not None else -1} for c in part],
        )


def _drop_collection(chroma: ChromaSettings, name: str) -> None:
    try:
        chroma_client(chroma, None).delete_collection(name)
    except Exception:  # noqa: BLE001 - best effort clean-up of a server we may not reach
        pass


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:6]}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prune_generations(index_dir: Path, chroma: ChromaSettings, keep: int = 2) -> None:
    """Delete all but the live and the previous generation (a running app may still read that one),
    and any incomplete generation left by an interrupted ingest."""
    root = index_dir / "generations"
    live = current_generation(index_dir)
    gens = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name) if root.is_dir() else []
    complete = [g for g in gens if (g / "manifest.json").is_file()]
    keepers = set(complete[-keep:]) | ({live} if live else set())
    for gen in gens:
        if gen not in keepers:
            if chroma.host:
                _drop_collection(chroma, f"gevinst-{gen.name}")
            shutil.rmtree(gen, ignore_errors=True)
