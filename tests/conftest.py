"""Shared fixtures: settings isolated in tmp_path, tiny hash-embedded indexes, and (once per session)
the real index of the shipped corpus with the default embedding model."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.settings import EmbeddingSettings, Settings

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
SHIPPED_VECTORS = ROOT / "data" / "vectors" / "e5-passages.npz"


def make_settings(tmp: Path, backend: str = "hash", **kw: object) -> Settings:
    return Settings(
        index_dir=tmp / "index",
        data_dir=tmp / "data",
        reports_dir=REPORTS,
        embedding=EmbeddingSettings(backend=backend, shipped_vectors=SHIPPED_VECTORS),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


SMALL_DOCS = {
    "indkoeb.txt": (
        "# Indkøb i kommunen\n\n"
        "Hjørring Kommune har beregnet udgifterne til et indkøb. Køb i butik koster 330 kr. pr. indkøb. "
        "Køb via telefon eller mail koster 175 kr. pr. indkøb. Køb via e-handel koster 90 kr. pr. indkøb.\n\n"
        "## Compliance\n\nNordfyns Kommune nåede en e-handelsgrad på 52 % ved udgangen af 2016. "
        "Det skete gennem en indkøbscontroller og en ny indkøbsløsning.\n"
    ),
    "ksd.txt": (
        "# Gevinster ved KSD og KY\n\n"
        "KOMBIT og KL forventer, at effektiviseringspotentialet er 40 % for KSD og 20 % for KY af den effektive "
        "arbejdstid. Gevinsterne kan realiseres over 1-2 år.\n\n"
        "## Pris på en time\n\nPension udgør 17 %, og overhead er 120.000 kr. pr. årsværk. "
        "Der er 1.924 løntimer om året.\n"
    ),
}


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in SMALL_DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def assistant_over(settings: Settings, folder: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    """The assistant over `files` (name → text; a «catalog.yaml» among them too), written to `folder` and ingested."""
    from gevinst.assistant import build_assistant
    from gevinst.ingest import ingest

    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest([folder], settings)
    assert report.ok, report.failed
    return build_assistant(settings)


def refused_by_rule(assistant, question: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a hard refusal rule (refusal.hard_refusal) fires for `question`, whatever the evidence score."""
    from gevinst.assistant import evidence, refusal
    from gevinst.assistant.parse import parse_query

    retriever = assistant.retriever
    query = retriever.with_compounds(parse_query(question)[0])
    retrieved = retriever.retrieve(query)
    chosen = evidence.choose(query, evidence.candidates(query, retrieved, retriever), retrieved)
    return bool(refusal.hard_refusal(query, retrieved, chosen))


@pytest.fixture
def small_assistant(settings: Settings, small_corpus: Path):  # type: ignore[no-untyped-def]
    return assistant_over(settings, small_corpus, {})


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The shipped corpus indexed with the default backend (e5), once per test session (a few minutes)."""
    import os
    import shutil

    from gevinst.ingest import ingest

    tmp = tmp_path_factory.mktemp("real")
    settings = make_settings(tmp, backend="e5")
    warm = os.environ.get("GEVINST_TEST_EMBEDDING_CACHE")  # a developer's warm cache: only changed text is embedded
    if warm and Path(warm).is_file():
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(warm, settings.index_dir / "embeddings.sqlite")
    report = ingest([REPORTS], settings)
    assert report.ok, report.failed
    return settings


@pytest.fixture(scope="session")
def real_assistant(real_settings: Settings):  # type: ignore[no-untyped-def]
    from gevinst.assistant import build_assistant

    return build_assistant(real_settings)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, seconds: float) -> bool:
    """True once something listens on 127.0.0.1:port, False after `seconds`."""
    import socket
    import time

    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False
