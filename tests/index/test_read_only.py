"""Readers never write: `gevinst ask` on an index directory the user cannot write, or on a full disk,
answers or says in one line why it cannot."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from gevinst import cli
from gevinst.ingest import ingest
from gevinst.settings import EmbeddingSettings, Settings

QUESTION = "Hvad koster et køb i butik?"


@pytest.fixture
def read_only_index(small_corpus: Path):  # type: ignore[no-untyped-def]
    """An index built as its owner, then made read-only; the question is asked by an unprivileged user
    (root ignores permissions, so root drops to nobody), for real."""
    base = Path(tempfile.mkdtemp(dir="/tmp"))
    base.chmod(0o755)
    settings = Settings(index_dir=base / "index", embedding=EmbeddingSettings(backend="hash"))
    assert ingest([small_corpus], settings).ok
    for p in [base / "index", *(base / "index").rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    yield base
    for p in [base / "index", *(base / "index").rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(base, ignore_errors=True)


def _ask_unprivileged(base: Path, tmpdir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GEVINST_INDEX_DIR": str(base / "index"),
        "GEVINST_EMBEDDING__BACKEND": "hash",
        "HOME": str(base),
        "TMPDIR": str(tmpdir),
    }
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*drop, sys.executable, "-m", "gevinst.cli", "ask", QUESTION],
        env=env,
        capture_output=True,
        text=True,
        cwd=str(base),
        timeout=120,
    )


def test_ask_answers_from_a_read_only_index(read_only_index: Path) -> None:
    tmpdir = read_only_index / "tmp"
    tmpdir.mkdir(mode=0o777)
    tmpdir.chmod(0o777)
    run = _ask_unprivileged(read_only_index, tmpdir)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "330 kr." in run.stdout
    assert not list(tmpdir.iterdir())  # the private copy is removed at exit


FULL_DISK = {
    "copy-fits": (False, 0, "330 kr."),
    "no-room-for-a-copy": (True, 2, "Fejl: Indekset i "),
}


@pytest.mark.parametrize(("copy_fails", "code", "expected"), FULL_DISK.values(), ids=FULL_DISK.keys())
def test_ask_when_the_disk_is_full(
    settings: Settings,
    small_corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    copy_fails: bool,
    code: int,
    expected: str,
) -> None:
    from chromadb.errors import InternalError

    from gevinst.index import store

    assert ingest([small_corpus], settings).ok
    real_client = store.chroma_client

    def client(chroma, path):  # type: ignore[no-untyped-def]
        if path is not None and "gevinst-chroma-" not in str(path):
            raise InternalError("error returned from database: (code: 13) database or disk is full")
        return real_client(chroma, path)

    def no_space(*args: object, **kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "chroma_client", client)
    if copy_fails:
        monkeypatch.setattr(store.shutil, "copytree", no_space)
    monkeypatch.setenv("GEVINST_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("GEVINST_EMBEDDING__BACKEND", "hash")
    cli.get_settings.cache_clear()
    try:
        assert cli.main(["ask", QUESTION]) == code
    finally:
        cli.get_settings.cache_clear()
    out, err = capsys.readouterr()
    assert expected in (err if code else out) and "Traceback" not in err


def test_answering_leaves_the_index_files_untouched(settings: Settings, tmp_path: Path) -> None:
    """Readers never write: Chroma rewrites its files when it opens a collection (its index segment, its
    SQLite), and two processes doing so at once (the chat and an evaluation run) can read each other's half
    written files. So a reader opens a private copy and the generation stays byte for byte as ingest left it."""
    import hashlib

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(160):  # more passages than Chroma keeps in its log before it writes its index segment
        (docs / f"notat-{n:03d}.txt").write_text(
            f"# Notat {n}\n\nKommune {n} sparede {n + 1} mio. kr. på indkøb ved at samle opgaverne i én enhed.\n",
            encoding="utf-8",
        )
    assert ingest([docs], settings).ok

    def files() -> dict[str, str]:
        root = settings.index_dir / "generations"
        return {
            str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
        }

    before = files()
    env = {**os.environ, "GEVINST_INDEX_DIR": str(settings.index_dir), "GEVINST_EMBEDDING__BACKEND": "hash"}
    run = subprocess.run(  # another process: Chroma's clients are shared within one
        [sys.executable, "-m", "gevinst.cli", "ask", "Hvad sparede kommune 7 på indkøb?"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0 and "mio. kr." in run.stdout, run.stderr
    assert files() == before
