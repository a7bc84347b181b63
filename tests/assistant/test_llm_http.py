"""The real Ollama and OpenAI client code paths against a scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.assistant import build_assistant
from gevinst.ingest import ingest
from gevinst.settings import LLMSettings, Settings

from .scripted_server import ScriptedServer


@pytest.fixture
def indexed(settings: Settings, small_corpus: Path) -> Settings:
    assert ingest([small_corpus], settings).ok
    return settings


@pytest.mark.parametrize("backend", ["ollama", "openai"])
def test_tool_call_and_streamed_cited_answer_over_http(indexed: Settings, backend: str) -> None:
    with ScriptedServer() as server:
        base = f"http://127.0.0.1:{server.port}" + ("/v1" if backend == "openai" else "")
        server.replies += [
            {"tool": "fte_savings", "args": {"fte": 12, "monthly_salary": 30000, "efficiency_pct": 40}},
            {
                "content": "KSD frigør 40 % [1], og med 12 årsværk giver det 2.597.760 kr. om året, men ikke 9,9 mio. kr."
            },
        ]
        settings = indexed.model_copy(
            update={"llm": LLMSettings(backend=backend, model="scripted", base_url=base, timeout_s=5, max_retries=0)}
        )
        answer = build_assistant(settings).answer(
            "Hvad sparer vi med 12 årsværk til en månedsløn på 30.000 kr., hvis KSD frigør 40 %?"
        )
    assert [t.name for t in answer.tool_calls] == ["fte_savings"] and answer.tool_calls[0].result["value"] == 2597760
    assert "2.597.760 kr." in answer.text and answer.citations[0].doc_id == "ksd"
    assert answer.unsupported_numbers == ["9,9 mio. kr."]
    assert len(server.requests) == 2 and server.requests[0]["stream"] is True
    assert any(m.get("role") == "tool" for m in server.requests[1]["messages"])
    offered = [t["function"]["name"] for t in server.requests[0]["tools"]]
    assert offered[0] == "fte_savings" and "percent_of" in offered and len(offered) < 16  # the shortlist


@pytest.mark.parametrize("backend", ["ollama", "openai"])
def test_slow_server_falls_back_instead_of_hanging(indexed: Settings, backend: str) -> None:
    with ScriptedServer() as server:
        server.delay_s = 3
        base = f"http://127.0.0.1:{server.port}" + ("/v1" if backend == "openai" else "")
        settings = indexed.model_copy(
            update={"llm": LLMSettings(backend=backend, model="x", base_url=base, timeout_s=0.5, max_retries=0)}
        )
        answer = build_assistant(settings).answer("Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    assert "52 %" in answer.text and "indbyggede svarmotor" in answer.notice


def test_server_down_falls_back(indexed: Settings) -> None:
    settings = indexed.model_copy(
        update={"llm": LLMSettings(backend="ollama", base_url="http://127.0.0.1:9", timeout_s=1)}
    )
    answer = build_assistant(settings).answer("Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    assert "52 %" in answer.text and "Sprogmodellen svarede ikke" in answer.notice
