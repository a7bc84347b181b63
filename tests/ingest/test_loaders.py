"""Loaders on real PDFs made here and on every kind of bad file: a clear reason, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.ingest.chunking import chunk_document
from gevinst.ingest.loaders import IngestError, load_file
from gevinst.ingest.profiles import clean_loaded

from .pdfs import make_encrypted_pdf, make_report_pdf, make_scanned_pdf

PAGES = [
    [
        "1 Indledning",
        "Kommunen har gennemført en analyse af hjemmeplejen.",
        "Analysen viser et potentiale paa",
        "mange mio. kr. og peger paa digitalisering af ruteplan-",
    ],
    ["lægningen. Hjemmeplejen kan spare 2,5 mio. kr. om året.", "2 Metode", "Vi har målt tidsforbruget i 12 uger."],
    ["3 Resultater", "Besparelsen svarer til 5 årsværk.", "Effekten kommer over to år."],
]


def test_multipage_pdf_keeps_page_numbers_drops_running_header_and_joins_hyphenation(tmp_path: Path) -> None:
    pdf = make_report_pdf(tmp_path / "hjemmepleje.pdf", PAGES)
    loaded = load_file(pdf)
    assert loaded.kind == "pdf" and [p for p, _ in loaded.pages] == [1, 2, 3]
    assert loaded.title_hint == "Testrapport om gevinster"
    doc = clean_loaded(loaded, loaded.title_hint)
    texts = {p.page: p.text for p in doc.pages}
    assert "Kommunens gevinstrapport" not in " ".join(texts.values())
    assert "ruteplanlægningen." in texts[1]
    assert "2,5 mio. kr." in texts[2]
    chunks = chunk_document(doc)
    assert {c.page for c in chunks} == {1, 2, 3}
    assert next(c for c in chunks if c.page == 3).section.endswith("3 Resultater")


def test_encrypted_pdf_is_refused_with_reason(tmp_path: Path) -> None:
    pdf = make_encrypted_pdf(make_report_pdf(tmp_path / "a.pdf", PAGES), tmp_path / "laast.pdf")
    with pytest.raises(IngestError, match="krypteret"):
        load_file(pdf)


def test_truncated_pdf_is_refused_with_reason(tmp_path: Path) -> None:
    good = make_report_pdf(tmp_path / "a.pdf", PAGES).read_bytes()
    broken = tmp_path / "halv.pdf"
    broken.write_bytes(good[: len(good) // 3])
    with pytest.raises(IngestError, match="beskadiget|intet tekstlag"):
        load_file(broken)


def test_garbage_named_pdf_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "falsk.pdf"
    bad.write_bytes(b"this is not a pdf at all" * 10)
    with pytest.raises(IngestError, match="beskadiget"):
        load_file(bad)


def test_scanned_pdf_without_text_layer_is_reported_as_such(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="intet tekstlag"):
        load_file(make_scanned_pdf(tmp_path / "scannet.pdf"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tom.txt", b"", "tom"),
        ("binaer.txt", bytes(range(256)) * 40, "binær"),
        ("billede.png", b"\x89PNG....", "understøttes ikke"),
        ("blank.txt", b"   \n\n  ", "ingen tekst"),
    ],
    ids=["empty", "binary-renamed-txt", "unsupported", "whitespace-only"],
)
def test_bad_files_are_refused_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        load_file(path)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig", "cp1252"])
def test_text_in_other_encodings_is_read_correctly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"rapport-{encoding}.txt"
    path.write_bytes("Økonomiudvalget sparer 2,5 mio. kr. på færre årsværk.".encode(encoding))
    assert "Økonomiudvalget sparer 2,5 mio. kr. på færre årsværk." in load_file(path).pages[0][1]


def test_200_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "stor.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: takes no disk, and nothing is read to refuse it
    with pytest.raises(IngestError, match=r"for stor \(200 MB; grænsen er 50 MB\)"):
        load_file(big)
