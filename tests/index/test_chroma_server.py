"""Server mode: a real `chroma run` on 127.0.0.1, ingest into it, answer from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gevinst.assistant import build_assistant
from gevinst.ingest import ingest
from gevinst.settings import ChromaSettings, Settings

from ..conftest import free_port, wait_for_port


@pytest.fixture
def chroma_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path / "srv")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if not wait_for_port(port, 30):
        proc.kill()
        pytest.fail("chroma run did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def test_ingest_into_chroma_server_and_answer(settings: Settings, small_corpus: Path, chroma_server: int) -> None:
    server = settings.model_copy(update={"chroma": ChromaSettings(host="127.0.0.1", port=chroma_server)})
    first = ingest([small_corpus], server)
    assert first.ok and first.wrote_generation
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    names = [c.name for c in client.list_collections()]
    assert len(names) == 1 and names[0].startswith("gevinst-")
    assert not (next((settings.index_dir / "generations").iterdir()) / "chroma").exists()
    answer = build_assistant(server).answer("Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    assert not answer.refused and "52 %" in answer.text
    (small_corpus / "ny.txt").write_text("En ny rapport om rehabilitering og hjemmepleje.", encoding="utf-8")
    ingest([small_corpus], server)
    ingest([small_corpus / "ny.txt"], server.model_copy(update={}), rebuild=False)
    assert len(client.list_collections()) <= 2  # live and previous generation only
