"""The catalogue (catalog.yaml): stable document ids, titles, publishers and years."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gevinst.ingest.loaders import IngestError


class CatalogError(IngestError):
    """A catalogue that cannot be read; the documents are still ingested, with titles from the files."""


@dataclass(frozen=True)
class CatalogEntry:
    doc_id: str
    title: str
    publisher: str = ""
    year: int | None = None
    file: str = ""


def load_catalog(directory: Path) -> dict[str, CatalogEntry]:
    """Entries of `directory/catalog.yaml` by document id; an absent catalogue is an empty one, a
    malformed one raises `CatalogError` naming the line and the problem."""
    path = directory / "catalog.yaml"
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError as exc:
        raise CatalogError(f"kataloget er ikke UTF-8 (byte {exc.start})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"linje {mark.line + 1}: " if mark else ""
        raise CatalogError(f"{where}ikke gyldig YAML ({getattr(exc, 'problem', None) or exc})") from None
    except OSError as exc:
        raise CatalogError(f"kataloget kan ikke læses ({exc.strerror})") from None
    if not data:
        return {}  # an empty catalogue
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list):
        raise CatalogError("kataloget skal have en liste 'documents'")
    entries = {}
    for number, raw in enumerate(documents, 1):
        entry = _entry(raw, number)
        entries[entry.doc_id] = entry
    return entries


def _entry(raw: Any, number: int) -> CatalogEntry:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str | int) or not str(raw["id"]).strip():
        raise CatalogError(f"dokument nr. {number} under 'documents' skal være en mapping med et 'id'")
    year = raw.get("year")
    return CatalogEntry(
        doc_id=str(raw["id"]),
        title=str(raw.get("title", raw["id"])),
        publisher=str(raw.get("publisher", "")),
        year=int(year) if isinstance(year, int) and not isinstance(year, bool) else None,
        file=str(raw.get("file", "")),
    )
