"""Files in, a new live index generation out. Only new or changed files are cleaned and embedded."""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from gevinst.index.cache import EmbeddingCache
from gevinst.index.embeddings import NamedEmbeddings, build_embeddings
from gevinst.index.sentence_vectors import build_table, sentence_texts
from gevinst.index.shipped import ShippedVectors
from gevinst.index.store import (
    current_generation,
    is_write_error,
    prune_generations,
    read_chunks,
    read_manifest,
    read_proposals,
    write_generation,
)
from gevinst.ingest.catalog import CatalogEntry, CatalogError, load_catalog
from gevinst.ingest.chunking import chunk_document, embedding_text
from gevinst.ingest.document import CleanDocument
from gevinst.ingest.files import duplicate_reason, expand_paths, file_sha, kept_reason, not_regular_reason
from gevinst.ingest.loaders import SUPPORTED, IngestError, load_file
from gevinst.ingest.profiles import clean_loaded
from gevinst.ingest.restore import restore_batch
from gevinst.settings import Settings
from gevinst.types import Chunk, Proposal

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class IndexBusy(Exception):
    """Another ingest holds the lock."""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # special files in a folder (name, reason)
    restored: dict[str, int] = field(default_factory=dict)  # documents that had lost æ/ø/å: words restored
    chunks: int = 0
    embedded: int = 0
    sentences_embedded: int = 0
    seconds: float = 0.0
    wrote_generation: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed


@contextmanager
def ingest_lock(index_dir: Path) -> Iterator[None]:
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        fh = open(index_dir / ".lock", "a+")  # noqa: SIM115 - held for the whole ingest
    except OSError as exc:
        raise IngestError(f"indeksmappen {index_dir} kan ikke skrives ({exc.strerror})") from exc
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        raise IndexBusy("En anden indeksering kører allerede; prøv igen, når den er færdig.") from None
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def versioned_sources() -> list[Path]:
    """The code that decides what a document's passages are: ingest's own modules, and the shared sentence
    splitting and records the chunker cuts and builds them with (a change there re-cuts the passages too)."""
    package = Path(__file__).parent.parent
    return sorted(Path(__file__).parent.glob("*.py")) + [package / "sentences.py", package / "types.py"]


@cache
def pipeline_version() -> str:
    """A hash of the ingest code: a file cleaned by older rules is cleaned again (embeddings stay cached)."""
    digest = hashlib.sha256()
    for source in versioned_sources():
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def ingest(
    paths: list[Path],
    settings: Settings,
    rebuild: bool = False,
    embedder: NamedEmbeddings | None = None,
    progress: Progress | None = None,
    replace: bool = True,
) -> IngestReport:
    """`replace=False` (uploads): an indexed document is never replaced, not even by a changed file at its own
    path; other content under a taken document id is refused."""
    started = time.perf_counter()
    report = IngestReport()
    with ingest_lock(settings.index_dir):
        previous = None if rebuild else read_manifest(settings.index_dir)
        embedder = embedder or build_embeddings(settings.embedding)
        if previous and previous.get("embedding_key") != embedder.key:
            previous = None  # another model: every vector must be made anew
        old_docs = {d["doc_id"]: d for d in (previous or {}).get("documents", [])}
        old_chunks = _chunks_by_doc(settings.index_dir) if previous else {}
        old_props = _old_proposals(settings.index_dir) if previous else {}
        docs, chunks, proposals = dict(old_docs), dict(old_chunks), dict(old_props)
        files, report.skipped = expand_paths(paths)
        catalogs = _catalog_reader(report)
        fresh: list[CleanDocument] = []
        for path in files:
            if doc := _ingest_file(path, settings, catalogs, old_docs, docs, chunks, proposals, report, replace):
                fresh.append(doc)
        _restore_lost_letters(fresh, docs, chunks, report)
        if previous and not (report.added or report.changed):
            report.seconds = time.perf_counter() - started
            return report
        all_chunks = [c for doc_id in sorted(chunks) for c in chunks[doc_id]]
        report.chunks = len(all_chunks)
        if not all_chunks:
            report.seconds = time.perf_counter() - started
            return report
        texts = [embedding_text(c) for c in all_chunks]
        shipped = ShippedVectors.load(settings.embedding.shipped_vectors)
        cache = EmbeddingCache(settings.index_dir / "embeddings.sqlite", shipped)
        try:
            done = [0]

            def tick(n: int) -> None:
                done[0] += n
                if progress:
                    progress("embed", done[0], len(texts))

            vectors, report.embedded = cache.embed(embedder, texts, tick)
            sentences = None
            if settings.embedding.sentence_vectors:  # one pass more over the same text, also cached
                spans, sentence_list = sentence_texts(all_chunks)
                done[0] = 0

                def sentence_tick(n: int) -> None:
                    done[0] += n
                    if progress:
                        progress("sentences", done[0], len(sentence_list))

                sent_vectors, embedded = cache.embed(embedder, sentence_list, sentence_tick)
                report.sentences_embedded = embedded
                sentences = build_table(spans, sent_vectors)
        except sqlite3.Error as exc:
            raise _not_written(exc) from None
        finally:
            cache.close()
        manifest = {"embedding_key": embedder.key, "documents": sorted(docs.values(), key=lambda d: d["doc_id"])}
        prop_list = [p for doc_id in sorted(proposals) for p in proposals[doc_id]]
        try:
            write_generation(
                settings.index_dir, all_chunks, vectors, texts, manifest, prop_list, settings.chroma, sentences
            )
        except Exception as exc:
            if not is_write_error(exc):
                raise
            raise _not_written(exc) from None  # write_generation has removed its half-written generation
        prune_generations(settings.index_dir, settings.chroma)
        report.wrote_generation = True
    report.seconds = time.perf_counter() - started
    return report


def _not_written(exc: BaseException) -> IngestError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0][:160]
    return IngestError(
        f"indekset kunne ikke skrives ({reason}); det hidtidige indeks er uændret og svarer stadig. "
        "Frigør plads (eller giv skriveadgang) og kør indekseringen igen."
    )


def _catalog_reader(report: IngestReport) -> Callable[[Path], dict[str, CatalogEntry]]:
    """Each folder's catalogue, read once per ingest. A malformed one is reported once and the folder's
    documents get their titles from the files, so one bad line does not stop the batch."""
    read: dict[Path, dict[str, CatalogEntry]] = {}

    def catalog(directory: Path) -> dict[str, CatalogEntry]:
        if directory not in read:
            try:
                read[directory] = load_catalog(directory)
            except CatalogError as exc:
                read[directory] = {}
                report.failed.append((str(directory / "catalog.yaml"), f"{exc}; titlerne tages fra filerne"))
        return read[directory]

    return catalog


def _ingest_file(
    path: Path,
    settings: Settings,
    catalogs: Callable[[Path], dict[str, CatalogEntry]],
    old_docs: dict[str, dict[str, Any]],
    docs: dict[str, dict[str, Any]],
    chunks: dict[str, list[Chunk]],
    proposals: dict[str, list[Proposal]],
    report: IngestReport,
    replace: bool = True,
) -> CleanDocument | None:
    name = path.name
    try:
        if path.suffix.lower() not in SUPPORTED:
            raise IngestError(f"filtypen '{path.suffix or '(ingen)'}' understøttes ikke (kun PDF, .txt og .md)")
        if reason := not_regular_reason(path):
            raise IngestError(reason)  # before anything reads it: a FIFO or /dev/zero would never end
        if not os.access(path, os.R_OK):
            raise IngestError("filen kan ikke læses (manglende rettigheder)")
        sha = file_sha(path)
        same_id = docs.get(path.stem)
        if same_id and same_id.get("file_sha") != sha and not replace:
            raise IngestError(kept_reason(path.stem))
        if same_id and same_id.get("path") != str(path.resolve()) and same_id.get("file_sha") != sha:
            raise IngestError(duplicate_reason(path, path.stem, same_id.get("path", "?")))
        old = old_docs.get(path.stem)
        # the same content again, from the same or another path (also twice in one batch): nothing to do
        if (
            same_id
            and same_id.get("file_sha") == sha
            and same_id.get("pipeline") == pipeline_version()
            and path.stem in chunks
        ):
            report.unchanged.append(path.stem)
            return None
        loaded = load_file(path, settings.upload.max_mb)
        entry = catalogs(path.parent).get(loaded.doc_id)
        title = entry.title if entry else loaded.title_hint
        doc = clean_loaded(loaded, title)
        doc_chunks = chunk_document(doc)
        if not doc_chunks:
            raise IngestError("der blev ikke fundet nogen tekst at indeksere")
    except IngestError as exc:
        report.failed.append((name, str(exc)))
        return None
    except (OSError, UnicodeError, ValueError) as exc:
        report.failed.append((name, f"filen kunne ikke læses ({type(exc).__name__}: {exc})"))
        return None
    (report.changed if old else report.added).append(doc.doc_id)
    chunks[doc.doc_id] = doc_chunks
    proposals[doc.doc_id] = list(doc.proposals)
    docs[doc.doc_id] = {
        "doc_id": doc.doc_id,
        "title": title,
        "publisher": entry.publisher if entry else "",
        "year": entry.year if entry else None,
        "path": str(path.resolve()),
        "file_sha": sha,
        "pipeline": pipeline_version(),
        "pages": sum(1 for p in doc.pages if p.page is not None) or None,
        "pages_available": doc.pages_available,
        "chunks": len(doc_chunks),
        "restored_words": 0,
        "ingested_at": time.strftime("%Y-%m-%d %H:%M"),
    }
    return doc


def _restore_lost_letters(
    fresh: list[CleanDocument], docs: dict[str, dict[str, Any]], chunks: dict[str, list[Chunk]], report: IngestReport
) -> None:
    """The new documents that lost their æ/ø/å get them back (restore.py), judged with the words of every
    indexed document that did not lose them."""
    restored_before = [doc_id for doc_id, meta in docs.items() if meta.get("restored_words")]
    for doc, count in restore_batch(fresh, chunks, restored_before):
        chunks[doc.doc_id] = chunk_document(doc)
        docs[doc.doc_id].update(chunks=len(chunks[doc.doc_id]), restored_words=count)
        report.restored[doc.doc_id] = count


def _chunks_by_doc(index_dir: Path) -> dict[str, list[Chunk]]:
    gen = current_generation(index_dir)
    out: dict[str, list[Chunk]] = {}
    for chunk in read_chunks(gen) if gen else []:
        out.setdefault(chunk.doc_id, []).append(chunk)
    return out


def _old_proposals(index_dir: Path) -> dict[str, list[Proposal]]:
    gen = current_generation(index_dir)
    out: dict[str, list[Proposal]] = {}
    for p in read_proposals(gen) if gen else []:
        out.setdefault(p.doc_id, []).append(p)
    return out
