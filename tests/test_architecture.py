"""The dependency rule and the public surface, pinned."""

from __future__ import annotations

import ast
from pathlib import Path

import gevinst.assistant
import gevinst.calculators
import gevinst.eval
import gevinst.index
import gevinst.ingest

SRC = Path(__file__).resolve().parents[1] / "src" / "gevinst"


def _imports(package: str) -> set[str]:
    found = set()
    for path in (SRC / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
    return found


def test_dependencies_point_one_way() -> None:
    assert not any(m.startswith("langchain") for m in _imports("calculators"))
    assert not any(m.startswith(("gevinst.assistant", "gevinst.ui", "gevinst.index", "gevinst.ingest", "gevinst.eval"))
                   for m in _imports("calculators"))
    ui = _imports("ui")
    assert not any(m.startswith(("langchain", "chromadb", "sentence_transformers", "gevinst.index", "gevinst.ingest."))
                   for m in ui)
    for package in ("index", "ingest", "calculators", "assistant", "eval"):
        assert not any(m.startswith("gevinst.ui") for m in _imports(package)), package
    assert not any(m.startswith(("gevinst.assistant", "gevinst.eval")) for m in _imports("index") | _imports("ingest"))
    assert not any(m.startswith(("gevinst.eval", "gevinst.ingest")) for m in _imports("assistant"))


def test_public_surface() -> None:
    assert set(gevinst.assistant.__all__) == {"Answer", "Assistant", "IndexMissing", "answer", "build_assistant", "get_assistant", "library"}
    assert set(gevinst.ingest.__all__) == {"IndexBusy", "IngestError", "IngestReport", "ingest"}
    assert "build_embeddings" in gevinst.index.__all__ and "open_index" in gevinst.index.__all__
    assert {"fte_savings", "business_case", "run_calculator"} <= set(gevinst.calculators.__all__)
    assert {"load_bank", "run_bank", "score"} <= set(gevinst.eval.__all__)


def test_unknown_backend_names_the_available_ones() -> None:
    import pytest

    from gevinst.index import build_embeddings
    from gevinst.settings import EmbeddingSettings

    with pytest.raises(ValueError, match="available: e5, hash, sentence-transformers"):
        build_embeddings(EmbeddingSettings(backend="word2vec"))


def test_settings_come_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gevinst.settings import Settings

    monkeypatch.setenv("GEVINST_LLM__BACKEND", "ollama")
    monkeypatch.setenv("GEVINST_RETRIEVAL__TOP_K", "9")
    s = Settings()
    assert s.llm.backend == "ollama" and s.retrieval.top_k == 9 and s.ui.host == "127.0.0.1"
