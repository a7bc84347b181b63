"""The catalogue (catalog.yaml): stable document ids, titles, publishers and years."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class CatalogEntry:
    doc_id: str
    title: str
    publisher: str = ""
    year: int | None = None
    file: str = ""


def load_catalog(directory: Path) -> dict[str, CatalogEntry]:
    """Entries of `directory/catalog.yaml` by document id; an absent catalogue is an empty one."""
    path = directory / "catalog.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = {}
    for raw in data.get("documents", []):
        year = raw.get("year")
        entry = CatalogEntry(
            doc_id=str(raw["id"]),
            title=str(raw.get("title", raw["id"])),
            publisher=str(raw.get("publisher", "")),
            year=int(year) if isinstance(year, int) else None,
            file=str(raw.get("file", "")),
        )
        entries[entry.doc_id] = entry
    return entries
