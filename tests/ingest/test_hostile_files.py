"""Files a careless or hostile user gives to ingest: special files, one document id twice, a broken
catalogue, a disk that fills up while the new generation is written."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gevinst.index import open_index, read_manifest
from gevinst.ingest import ingest
from gevinst.settings import Settings


def _cli(index_dir: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GEVINST_INDEX_DIR": str(index_dir), "GEVINST_EMBEDDING__BACKEND": "hash"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "gevinst.cli", *args], env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"gevinst {' '.join(args)} hung (over {timeout} s) with the ingest lock held")


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "ror.txt")
    return folder / "ror.txt"


def _zero_link(folder: Path) -> Path:
    (folder / "nul.txt").symlink_to("/dev/zero")
    return folder / "nul.txt"


def _fifo_link(folder: Path) -> Path:
    os.mkfifo(folder / ".fifo")
    (folder / "link.md").symlink_to(folder / ".fifo")
    return folder / "link.md"


SPECIAL = {"fifo": (_fifo, "FIFO"), "link-to-dev-zero": (_zero_link, "tegnenhed"), "link-to-fifo": (_fifo_link, "FIFO")}


@pytest.mark.parametrize(("make", "kind"), SPECIAL.values(), ids=SPECIAL.keys())
def test_special_file_given_by_name_is_refused_in_one_line(tmp_path: Path, make, kind: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    run = _cli(tmp_path / "index", "ingest", str(path), timeout=30)
    assert run.returncode == 1, run.stderr
    line = f"FEJL {path.name}: ikke en almindelig fil, men "
    assert line in run.stderr and kind in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_folder_reports_the_special_files_it_skips(settings: Settings, small_corpus: Path) -> None:
    os.mkfifo(small_corpus / "ror.txt")
    (small_corpus / "nul.md").symlink_to("/dev/zero")
    (small_corpus / "borte.txt").symlink_to(small_corpus / "findes-ikke.txt")
    report = ingest([small_corpus], settings)
    assert sorted(report.added) == ["indkoeb", "ksd"] and report.ok
    skipped = dict(report.skipped)
    assert set(skipped) == {"ror.txt", "nul.md", "borte.txt"}
    assert "FIFO" in skipped["ror.txt"] and "tegnenhed (/dev/zero)" in skipped["nul.md"]
    assert "findes ikke" in skipped["borte.txt"]


def _three_dups(tmp_path: Path, texts: tuple[str, str, str]) -> list[Path]:
    paths = []
    for folder, suffix, text in zip("abc", (".txt", ".md", ".txt"), texts):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / f"dup{suffix}")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


SAME = "Kommunen sparer 12 mio. kr. på e-handel og indkøb i 2016 og frem."
OTHER = "En helt anden rapport om ældreplejen, rehabilitering og 40 årsværk."
DUPLICATES = {
    "same-content": ((SAME, SAME, SAME), ["dup"], ["dup", "dup"], []),
    "other-content": ((SAME, OTHER, SAME), ["dup"], ["dup"], ["dup.md"]),
    "all-different": ((SAME, OTHER, OTHER + " Mere."), ["dup"], [], ["dup.md", "dup.txt"]),
}


@pytest.mark.parametrize(("texts", "added", "unchanged", "refused"), DUPLICATES.values(), ids=DUPLICATES.keys())
def test_one_document_id_from_several_files(
    settings: Settings, tmp_path: Path, texts, added, unchanged, refused
) -> None:  # type: ignore[no-untyped-def]
    paths = _three_dups(tmp_path, texts)
    report = ingest(paths, settings)
    assert report.added == added and report.unchanged == unchanged
    assert [name for name, _ in report.failed] == refused
    for _, reason in report.failed:  # both files are named
        assert str(paths[0]) in reason and "samme dokument-id 'dup'" in reason and "andet indhold" in reason
    (doc,) = read_manifest(settings.index_dir)["documents"]
    assert doc["path"] == str(paths[0].resolve())


def test_a_file_from_another_path_never_replaces_a_document_silently(
    settings: Settings, small_corpus: Path, tmp_path: Path
) -> None:
    ingest([small_corpus], settings)
    before = {c.text for c in open_index(settings).chunks if c.doc_id == "ksd"}
    upload = tmp_path / "uploads"
    upload.mkdir()
    (upload / "ksd.txt").write_text("Noget helt andet om svømmehaller og 999 mio. kr.", encoding="utf-8")
    report = ingest([upload / "ksd.txt"], settings)
    assert report.failed and not report.added and not report.changed and not report.wrote_generation
    assert str(small_corpus / "ksd.txt") in report.failed[0][1] and str(upload / "ksd.txt") in report.failed[0][1]
    assert {c.text for c in open_index(settings).chunks if c.doc_id == "ksd"} == before
    (upload / "ksd.txt").write_bytes((small_corpus / "ksd.txt").read_bytes())
    again = ingest([upload / "ksd.txt"], settings)
    assert again.ok and again.unchanged == ["ksd"]


def test_without_replace_a_changed_file_at_its_own_path_is_refused(settings: Settings, small_corpus: Path) -> None:
    ingest([small_corpus], settings)
    before = {c.text for c in open_index(settings).chunks if c.doc_id == "ksd"}
    (small_corpus / "ksd.txt").write_text("Noget helt andet om svømmehaller og 999 mio. kr.", encoding="utf-8")
    kept = ingest([small_corpus / "ksd.txt"], settings, replace=False)
    assert kept.failed == [("ksd.txt", kept.failed[0][1])] and not kept.changed and not kept.wrote_generation
    assert kept.failed[0][1].startswith("'ksd' findes allerede med andet indhold og erstattes ikke ved upload")
    assert {c.text for c in open_index(settings).chunks if c.doc_id == "ksd"} == before
    assert ingest([small_corpus / "ksd.txt"], settings).changed == ["ksd"]  # the command line replaces it


CATALOGS = {
    "bad-yaml": "documents:\n  - id: ksd\n    title: [uafsluttet\n",
    "not-a-list": "documents: ksd\n",
    "entry-without-id": "documents:\n  - title: Uden id\n",
    "not-utf8": b"documents:\n  - id: ksd\n    title: \xe6ndret\n",
}


@pytest.mark.parametrize("content", CATALOGS.values(), ids=CATALOGS.keys())
def test_malformed_catalog_is_reported_and_the_batch_still_ingested(
    tmp_path: Path, small_corpus: Path, content: str | bytes
) -> None:
    catalog = small_corpus / "catalog.yaml"
    catalog.write_bytes(content if isinstance(content, bytes) else content.encode())
    run = _cli(tmp_path / "index", "ingest", str(small_corpus))
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    (line,) = [ln for ln in run.stderr.splitlines() if ln.startswith("FEJL")]  # beside the progress bar
    assert line.startswith(f"FEJL {catalog}: ") and line.endswith("titlerne tages fra filerne")
    assert "Nye: 2" in run.stdout
    titles = {d["doc_id"]: d["title"] for d in read_manifest(tmp_path / "index")["documents"]}
    assert titles == {"indkoeb": "Indkøb i kommunen", "ksd": "Gevinster ved KSD og KY"}


FULL = {
    "chunks-file": "gevinst.index.store._write_atomic",
    "lexical-index": "gevinst.index.store.LexicalIndex.save",
    "embedding-cache": "gevinst.index.cache.EmbeddingCache.lookup",
}


@pytest.mark.parametrize("target", FULL.values(), ids=FULL.keys())
def test_disk_full_during_ingest_keeps_the_old_index_live(
    settings: Settings, small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    import sqlite3

    from gevinst.ingest import IngestError

    ingest([small_corpus], settings)
    before = read_manifest(settings.index_dir)
    extra = tmp_path / "ekstra.txt"
    extra.write_text("En ekstra rapport om indkøb og e-handel i kommunen.", encoding="utf-8")

    def full(*args: object, **kw: object) -> None:
        if "cache" in target:
            raise sqlite3.OperationalError("database or disk is full")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(target, full)
    with pytest.raises(IngestError, match="indekset kunne ikke skrives .*det hidtidige indeks er uændret"):
        ingest([extra], settings)
    assert read_manifest(settings.index_dir) == before
    assert len(list((settings.index_dir / "generations").iterdir())) == 1
    assert open_index(settings).chunks
