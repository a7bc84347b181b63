"""Loaders: a file on disk becomes raw text pages, or a clear `IngestError` naming the reason."""

from __future__ import annotations

import codecs
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SUPPORTED = {".pdf", ".txt", ".md"}
logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd xref; we report ourselves


class IngestError(Exception):
    """A file that cannot be ingested; the message (Danish) is shown to the user with the file name."""


@dataclass(frozen=True)
class LoadedFile:
    doc_id: str
    path: Path
    kind: str  # pdf | text
    pages: list[tuple[int | None, str]]  # (page number, text); text files are one page numbered None
    title_hint: str  # PDF metadata title or first heading; used when the catalogue has no entry


def load_file(path: Path, max_mb: float = 50.0) -> LoadedFile:
    if path.suffix.lower() not in SUPPORTED:
        raise IngestError(f"filtypen '{path.suffix or '(ingen)'}' understøttes ikke (kun PDF, .txt og .md)")
    if not path.is_file():
        raise IngestError("filen findes ikke eller er ikke en almindelig fil")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("filen er tom (0 byte)")
    if size > max_mb * 1024 * 1024:
        raise IngestError(f"filen er for stor ({size / 1024 / 1024:.0f} MB; grænsen er {max_mb:g} MB)")
    if path.suffix.lower() == ".pdf":
        return _load_pdf(path)
    return _load_text(path)


def _load_pdf(path: Path) -> LoadedFile:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("PDF'en er krypteret med adgangskode og kan ikke læses")
        pages: list[tuple[int | None, str]] = [
            (i + 1, nfc(page.extract_text() or "")) for i, page in enumerate(reader.pages)
        ]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise IngestError("PDF'en er krypteret og kan ikke læses") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise IngestError(f"PDF'en er beskadiget eller ufuldstændig ({type(exc).__name__})") from exc
    if not any(text.strip() for _, text in pages):
        raise IngestError("PDF'en har intet tekstlag (formentlig scannet); kør OCR på den først")
    first_line = next((ln.strip() for _, t in pages for ln in t.splitlines() if ln.strip()), path.stem)
    return LoadedFile(path.stem, path, "pdf", pages, str(meta_title).strip() or first_line[:200])


def _load_text(path: Path) -> LoadedFile:
    text = decode_text(path.read_bytes())
    first = next((ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()), path.stem)
    return LoadedFile(path.stem, path, "text", [(None, text)], first[:200])


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1; binary is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return nfc(data.decode("utf-16"))
    if b"\x00" in data[:4096]:
        raise IngestError("filen ser ud til at være binær, ikke tekst")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > 0.02 * min(len(text), 8192) or text.count("\ufffd") > 0.02 * len(text):
        raise IngestError("filen ser ud til at være binær, ikke tekst")
    if not text.strip():
        raise IngestError("filen indeholder ingen tekst")
    return nfc(text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
