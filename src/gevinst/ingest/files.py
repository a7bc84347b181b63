"""Which paths an ingest reads: regular files only (a FIFO or a link to a device would block the read with
the lock held), and one file per document id (the id is the file name without its extension)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from gevinst.ingest.loaders import SUPPORTED, IngestError

_KINDS = (
    (stat.S_ISFIFO, "en navngiven pipe (FIFO)"),
    (stat.S_ISCHR, "en tegnenhed"),
    (stat.S_ISBLK, "en blokenhed"),
    (stat.S_ISSOCK, "en socket"),
    (stat.S_ISDIR, "en mappe"),
)


def not_regular_reason(path: Path) -> str | None:
    """Why `path` (followed through links) is not a regular file to read, or None when it is one."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "filen findes ikke" + (" (linket peger på en fil, der ikke findes)" if path.is_symlink() else "")
    except OSError as exc:
        return f"filen kan ikke læses ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "ikke en almindelig fil")
    target = f" ({path.resolve()})" if path.is_symlink() else ""
    return f"ikke en almindelig fil, men {kind}{target}; kun almindelige filer kan indekseres"


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to ingest, and the special files a folder held that are skipped (name, reason).
    Files given by name are all returned, so each one that cannot be read is reported as failed."""
    files, skipped = [], []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for entry in sorted(path.iterdir()):
            if entry.is_dir():
                continue  # folders are not searched recursively
            reason = not_regular_reason(entry)
            if reason:
                skipped.append((entry.name, reason))
            elif entry.suffix.lower() in SUPPORTED:
                files.append(entry)
    return files, skipped


def file_sha(path: Path) -> str:
    """SHA-256 of a regular file's bytes. Opened without blocking and checked on the open descriptor, so a
    file swapped for a FIFO after the check cannot hang the ingest."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise IngestError(f"filen kan ikke læses ({exc.strerror})") from exc
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IngestError(not_regular_reason(path) or "ikke en almindelig fil")
        digest = hashlib.sha256()
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def duplicate_reason(path: Path, doc_id: str, existing: str) -> str:
    """The refusal for a file whose document id another file with other content already holds."""
    return (
        f"{path} har samme dokument-id '{doc_id}' som {existing}, men andet indhold; omdøb en af filerne "
        "(dokument-id'et er filnavnet uden endelse), eller indeksér den nye udgave fra samme sti for at erstatte den"
    )


def kept_reason(doc_id: str) -> str:
    """The refusal when documents are never replaced (uploads): the id is taken by other content."""
    return (
        f"'{doc_id}' findes allerede med andet indhold og erstattes ikke ved upload; giv filen et andet navn, hvis "
        "det er et andet dokument, eller bed en administrator indeksere den nye udgave med 'gevinst ingest'"
    )
