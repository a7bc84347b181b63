"""The llama.cpp backend with the packaged Qwen2.5 1.5B: a cited answer, a refusal, a tool call, and the guard
flagging a number the model was made to invent. A handful of questions, each a few seconds to a minute on two
shared cores; no timing is asserted (speed is bench/llm.py's business).

Without the extra these tests skip, except where GEVINST_REQUIRE_LLM=1 (scripts/test.sh, so CI): there a missing
extra fails them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gevinst.assistant import build_assistant
from gevinst.assistant.extractive import ExtractiveBackend
from gevinst.assistant.query import Query
from gevinst.assistant.retrieval import Retrieved
from gevinst.ingest import ingest
from gevinst.settings import LLMSettings, Settings

pytestmark = pytest.mark.llm
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model_path() -> str:
    from gevinst.assistant.local_model import ModelMissing, packaged_model, require_runtime

    try:
        require_runtime()
        return str(packaged_model(ROOT / "var" / "models"))  # joined once per checkout, as `gevinst ask` does
    except ModelMissing as exc:
        if os.environ.get("GEVINST_REQUIRE_LLM") == "1":
            pytest.fail(f"GEVINST_REQUIRE_LLM=1 but {exc}")
        pytest.skip(str(exc))


@pytest.fixture
def local_assistant(settings: Settings, small_corpus: Path, model_path: str):  # type: ignore[no-untyped-def]
    assert ingest([small_corpus], settings).ok
    llm = LLMSettings(backend="llamacpp", model=model_path, temperature=0)
    return build_assistant(settings.model_copy(update={"llm": llm}))


def _show(answer) -> None:  # type: ignore[no-untyped-def]
    print(f"\n{answer.timings_ms.get('answer', 0) / 1000:.1f} s: {answer.text!r} {answer.notice!r}")


def test_cited_answer_in_danish(local_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = local_assistant.answer("Hvad koster et køb via e-handel i Hjørring Kommune?")
    _show(answer)
    assert not answer.refused and not answer.notice
    assert "90 kr." in answer.text and answer.citations[0].doc_id == "indkoeb"
    assert answer.unsupported_numbers == []


class NeverWeak(ExtractiveBackend):
    """Lets every question reach the model, so the refusal below is the model's own."""

    def weak(self, query: Query, retrieved: Retrieved) -> bool:
        return False


def test_the_model_refuses_what_the_passages_do_not_say(local_assistant) -> None:  # type: ignore[no-untyped-def]
    backend = local_assistant.backend
    backend.fallback = NeverWeak(local_assistant.retriever, local_assistant.settings.retrieval)
    answer = local_assistant.answer("Hvor mange svømmehaller har Nordfyns Kommune lukket?")
    _show(answer)
    assert answer.refused and not answer.notice


def test_a_calculation_is_a_tool_call_with_only_the_questions_numbers(local_assistant) -> None:  # type: ignore[no-untyped-def]
    """The 1.5B model calls the right calculator but fills inputs badly (it passed the question's «40 %» as the
    number of FTEs and added every optional input); the check keeps only what the question gave, and says so."""
    from gevinst.danish_numbers import find_quantities

    assert local_assistant.backend.handles_calculations
    question = "Hvad sparer vi med 12 årsværk til en månedsløn på 30.000 kr., hvis KSD frigør 40 %?"
    answer = local_assistant.answer(question)
    _show(answer)
    call = answer.tool_calls[0]
    assert call.name == "fte_savings"
    stated = [q.value for q in find_quantities(question)]
    assert all(any(abs(v - s) < 1e-6 for s in stated) for v in call.arguments.values()), call.arguments
    assert "value" in call.result or call.result["error"]  # computed, or the calculator says what is missing
    if "value" not in call.result:
        assert "Udeladte argumenter: fte_savings:" in answer.notice


def test_the_guard_flags_a_number_the_model_was_made_to_invent(model_path: str) -> None:
    from langchain_core.messages import HumanMessage, SystemMessage

    from gevinst.assistant.guard import guard
    from gevinst.assistant.llamacpp import LlamaCppChatModel
    from gevinst.types import Chunk

    passage = Chunk("indkoeb", "Indkøb", 1, "", 0, 0, "Køb via e-handel koster 90 kr. pr. indkøb.", "x")
    model = LlamaCppChatModel(model_path=model_path, temperature=0, max_tokens=40)
    forced = model.invoke(
        [
            SystemMessage("Gentag brugerens sætning ordret, og skriv intet andet."),
            HumanMessage("Kommunen sparede 7,3 mio. kr. på e-handel [1]."),
        ]
    )
    print(f"\nthe model wrote: {forced.content!r}")
    checked = guard(str(forced.content), [passage], [], "Hvad sparede kommunen på e-handel?")
    assert checked.unsupported == ["7,3 mio. kr."]
    assert "7,3 mio. kr. (ikke fundet i kilderne)" in checked.text
