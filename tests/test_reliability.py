"""Faults and hostile use: a killed ingest, concurrent sessions, odd questions, access control, secrets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gevinst.index import open_index, read_manifest
from gevinst.ingest import ingest
from gevinst.settings import Settings

APP = str(Path(__file__).resolve().parents[1] / "src" / "gevinst" / "ui" / "app.py")

SLOW_INGEST = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from gevinst.index.embeddings import HashEmbeddings
    from gevinst.ingest import ingest
    from gevinst.settings import EmbeddingSettings, Settings

    class Slow(HashEmbeddings):
        def embed_documents(self, texts):
            print("embedding", flush=True)
            time.sleep(0.5)
            return super().embed_documents(texts)

    s = Settings(index_dir=Path(sys.argv[1]), embedding=EmbeddingSettings(backend="hash"))
    ingest([Path(sys.argv[2])], s, rebuild=True, embedder=Slow(256))
""")


def test_ingest_killed_with_sigkill_leaves_the_previous_index_and_the_next_ingest_completes(
    settings: Settings, small_corpus: Path, tmp_path: Path
) -> None:
    assert ingest([small_corpus], settings).ok
    before = read_manifest(settings.index_dir)
    big = tmp_path / "stor"
    big.mkdir()
    for i in range(8):
        (big / f"rapport-{i}.txt").write_text(
            " ".join(f"Afsnit {i}.{j} om gevinster og e-handel i kommunen." for j in range(400)), encoding="utf-8"
        )
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_INGEST, str(settings.index_dir), str(big)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout and proc.stdout.readline().strip() == "embedding"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert read_manifest(settings.index_dir) == before
    assert open_index(settings).chunks
    after = ingest([small_corpus / "ksd.txt"], settings)  # the lock died with the process
    assert after.ok and after.changed == [] and after.unchanged == ["ksd"]
    assert ingest([big], settings).ok
    assert len(read_manifest(settings.index_dir)["documents"]) == 10


def test_twenty_concurrent_sessions_answer_without_errors(small_assistant) -> None:  # type: ignore[no-untyped-def]
    questions = [
        "Hvilken e-handelsgrad nåede Nordfyns Kommune?",
        "Hvad koster et køb i butik?",
        "Hvad er potentialet for KSD?",
        "Hvad koster en svømmehal?",
    ] * 5

    def ask(q: str) -> bool:
        return bool(small_assistant.answer(q).text)

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert all(pool.map(ask, questions * 2))


@pytest.mark.parametrize(
    "question",
    [
        "Wie viel kostet ein Schwimmbad in Berlin?",
        "游泳池多少钱？",
        "\x07\x1b[2J" + "e-handel?" * 3,
        "[1](javascript:alert(1)) ![x](http://evil.example/a.png)",
        "   ",
        "0" * 5000,
    ],
)
def test_odd_questions_get_an_answer_or_a_clear_refusal(small_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(question)
    assert answer.text
    assert "\x1b" not in answer.text and "\x07" not in answer.text


NEGATIVES = {
    "negative-gain": (
        "Hvad er tilbagebetalingstiden for en investering på 5 mio. kr. med en årlig besparelse på -2 mio. kr.?",
        "(annual_gain): må ikke være negativ (fik -2.000.000)",
    ),
    "negative-fte": (
        "Hvad sparer vi med -12 årsværk til en månedsløn på 30.000 kr., hvis KSD frigør 40 %?",
        "(fte): må ikke være negativ (fik -12)",
    ),
}


@pytest.mark.parametrize(("question", "message"), NEGATIVES.values(), ids=NEGATIVES.keys())
def test_a_negative_figure_a_calculator_needs_positive_is_refused(small_assistant, question: str, message: str) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(question)
    assert not answer.tool_calls and message in answer.text, answer.text


def _app(settings: Settings, monkeypatch: pytest.MonkeyPatch, **env: str) -> AppTest:
    monkeypatch.setenv("GEVINST_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("GEVINST_EMBEDDING__BACKEND", "hash")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def test_shared_password_guards_the_app(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([small_corpus], settings)
    at = _app(settings, monkeypatch, GEVINST_UI__AUTH="password", GEVINST_UI__PASSWORD="hemmeligt-kodeord")
    assert not at.chat_input and len(at.text_input) == 1
    at.text_input[0].input("forkert").run()
    assert at.error and not at.chat_input
    at.text_input[0].input("hemmeligt-kodeord").run()
    assert at.chat_input


def test_upload_needs_the_admin_password(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([small_corpus], settings)
    at = _app(settings, monkeypatch, GEVINST_UI__ADMIN_PASSWORD="admin-kode")
    at.pills(key="page").set_value("docs").run()
    assert not at.get("file_uploader")
    at.text_input(key="admin-pw").input("admin-kode").run()
    assert at.get("file_uploader")


def test_defaults_bind_to_loopback_and_secrets_are_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEVINST_LLM__API_KEY", "sk-topsecret")
    monkeypatch.setenv("GEVINST_UI__PASSWORD", "kodeord123")
    s = Settings()
    assert s.ui.host == "127.0.0.1"
    assert "sk-topsecret" not in repr(s) and "kodeord123" not in repr(s) and "sk-topsecret" not in str(s.model_dump())
    assert s.llm.api_key.get_secret_value() == "sk-topsecret"
