"""Ingest as a user runs it: batches with bad files, incremental re-ingest, atomic swap, the lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gevinst.index import IndexMissing, open_index, read_manifest
from gevinst.index.cache import EmbeddingCache
from gevinst.index.embeddings import HashEmbeddings
from gevinst.ingest import IndexBusy, ingest
from gevinst.settings import Settings

from .pdfs import make_encrypted_pdf, make_report_pdf


class CountingEmbeddings(HashEmbeddings):
    def __init__(self) -> None:
        super().__init__(64)
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return super().embed_documents(texts)


def test_batch_with_bad_files_ingests_the_rest_and_reports_each(settings: Settings, small_corpus: Path) -> None:
    (small_corpus / "tom.txt").write_bytes(b"")
    make_encrypted_pdf(
        make_report_pdf(small_corpus / "x.pdf", [["Tekst om gevinster i kommunen."]]), small_corpus / "laast.pdf"
    )
    (small_corpus / "x.pdf").unlink()
    report = ingest([small_corpus], settings)
    assert sorted(report.added) == ["indkoeb", "ksd"]
    assert dict(report.failed).keys() == {"tom.txt", "laast.pdf"}
    assert "krypteret" in dict(report.failed)["laast.pdf"]
    assert not report.ok
    assert [d["doc_id"] for d in read_manifest(settings.index_dir)["documents"]] == ["indkoeb", "ksd"]


def test_unchanged_reingest_embeds_nothing_and_changed_file_only_its_chunks(
    settings: Settings, small_corpus: Path
) -> None:
    emb = CountingEmbeddings()
    first = ingest([small_corpus], settings, embedder=emb)
    n_first = emb.embedded
    assert first.wrote_generation and n_first == first.chunks + first.sentences_embedded  # passages and sentences
    again = ingest([small_corpus], settings, embedder=emb)
    assert again.unchanged == ["indkoeb", "ksd"] and not again.wrote_generation and emb.embedded == n_first
    path = small_corpus / "ksd.txt"
    path.write_text(path.read_text() + "\n## Nyt afsnit\n\nEt nyt afsnit om gevinster i 2025 med 12 årsværk.\n")
    changed = ingest([small_corpus], settings, embedder=emb)
    assert changed.changed == ["ksd"] and changed.unchanged == ["indkoeb"]
    fresh = emb.embedded - n_first  # only what changed was embedded: the changed passage and its new sentences
    assert 0 < fresh == changed.embedded + changed.sentences_embedded < changed.chunks + first.sentences_embedded


def test_adding_a_file_keeps_the_existing_documents(settings: Settings, small_corpus: Path, tmp_path: Path) -> None:
    ingest([small_corpus], settings)
    extra = make_report_pdf(tmp_path / "ny-rapport.pdf", [["Ny rapport om rehabilitering i ældreplejen."]])
    report = ingest([extra], settings)
    assert report.added == ["ny-rapport"]
    docs = {d["doc_id"]: d for d in read_manifest(settings.index_dir)["documents"]}
    assert set(docs) == {"indkoeb", "ksd", "ny-rapport"} and docs["ny-rapport"]["pages"] == 1


def test_failure_mid_ingest_keeps_the_previous_index(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ingest([small_corpus], settings)
    before = read_manifest(settings.index_dir)
    extra = tmp_path / "ekstra.txt"
    extra.write_text("En ekstra rapport om indkøb og e-handel i kommunen.", encoding="utf-8")

    def boom(*args: object, **kw: object) -> None:
        raise RuntimeError("disken løb fuld")

    monkeypatch.setattr("gevinst.index.store.LexicalIndex.build", boom)
    with pytest.raises(RuntimeError):
        ingest([extra], settings)
    assert read_manifest(settings.index_dir) == before
    gens = [p for p in (settings.index_dir / "generations").iterdir()]
    assert len(gens) == 1  # the half-written generation is gone
    assert open_index(settings).chunks  # the old index still answers


def test_second_ingest_while_lock_is_held_by_another_process(settings: Settings, small_corpus: Path) -> None:
    settings.index_dir.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,sys,time; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); "
            "print('ok', flush=True); time.sleep(30)",
            str(settings.index_dir / ".lock"),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == b"ok"
        with pytest.raises(IndexBusy, match="En anden indeksering"):
            ingest([small_corpus], settings)
    finally:
        holder.kill()
        holder.wait()
    assert ingest([small_corpus], settings).ok  # free again once the other process is gone


def test_read_only_data_directory_gives_clear_error(small_corpus: Path) -> None:
    """For real: the CLI runs as an unprivileged user (root ignores permissions, so root drops to nobody)."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        base.chmod(0o755)
        reports = base / "reports"
        shutil.copytree(small_corpus, reports)
        for p in [reports, *reports.iterdir()]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        readonly = base / "ro"
        readonly.mkdir(mode=0o555)
        readonly.chmod(0o555)
        env = {
            **os.environ,
            "GEVINST_INDEX_DIR": str(readonly / "index"),
            "GEVINST_EMBEDDING__BACKEND": "hash",
            "HOME": str(base),
        }
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        run = subprocess.run(
            [*drop, sys.executable, "-m", "gevinst.cli", "ingest", str(reports)],
            env=env,
            capture_output=True,
            text=True,
            cwd=str(base),
        )
        assert run.returncode == 2, run.stderr
        assert "kan ikke skrives" in run.stderr and "Traceback" not in run.stderr
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_open_index_without_ingest_says_what_to_do(settings: Settings) -> None:
    with pytest.raises(IndexMissing, match="gevinst ingest"):
        open_index(settings)


def test_embedding_cache_survives_and_is_keyed_by_model(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    emb = CountingEmbeddings()
    cache.embed(emb, ["a b", "c d"])
    cache.embed(emb, ["a b", "e f"])
    assert emb.embedded == 3
    other = HashEmbeddings(32)
    assert cache.lookup(other.key, []) == {}
    cache.close()


def test_cli_ingest_exit_status_and_list(tmp_path: Path, small_corpus: Path) -> None:
    env = {**os.environ, "GEVINST_INDEX_DIR": str(tmp_path / "idx"), "GEVINST_EMBEDDING__BACKEND": "hash"}
    (small_corpus / "noter.docx").write_bytes(b"PK\x03\x04")
    run = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "ingest", str(small_corpus), str(small_corpus / "noter.docx")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "FEJL noter.docx: filtypen '.docx' understøttes ikke" in run.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "ingest", "--list"], env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0 and "indkoeb" in listed.stdout and "ksd" in listed.stdout
    manifest = json.loads(next((tmp_path / "idx" / "generations").iterdir()).joinpath("manifest.json").read_text())
    assert manifest["embedding_key"] == "hash-256"


def test_the_rules_version_covers_the_sentence_splitting_the_chunker_uses() -> None:
    """Passages are cut at sentences (gevinst.sentences): new splitting rules must re-cut an existing index, not
    leave it with passages cut by the old ones."""
    import gevinst.sentences
    from gevinst.ingest import chunking
    from gevinst.ingest.pipeline import versioned_sources

    assert chunking.sentence_spans is gevinst.sentences.sentence_spans
    assert Path(gevinst.sentences.__file__).resolve() in [p.resolve() for p in versioned_sources()]


def test_files_cleaned_by_older_rules_are_cleaned_again(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    emb = CountingEmbeddings()
    ingest([small_corpus], settings, embedder=emb)
    monkeypatch.setattr("gevinst.ingest.pipeline.pipeline_version", lambda: "newer-rules")
    again = ingest([small_corpus], settings, embedder=emb)
    assert again.changed == ["indkoeb", "ksd"] and again.embedded == 0  # re-cleaned, vectors from the cache
