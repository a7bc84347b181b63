"""Tool calls written as text by a local model, and the argument check every model's call passes."""

from __future__ import annotations

import pytest

from gevinst.assistant.tool_calls import check_arguments, parse_tool_calls

FTE = '{"name": "fte_savings", "arguments": {"fte": 12, "monthly_salary": 30000, "efficiency_pct": 40}}'
FTE_ARGS = {"fte": 12, "monthly_salary": 30000, "efficiency_pct": 40}


@pytest.mark.parametrize(
    ("text", "calls", "rest"),
    [
        pytest.param(f"<tool_call>\n{FTE}\n</tool_call>", [("fte_savings", FTE_ARGS)], "", id="qwen-tags"),
        pytest.param(f"<tool_call>\n{FTE}", [("fte_savings", FTE_ARGS)], "", id="tag-never-closed"),
        pytest.param(f"Jeg regner:\n```json\n{FTE}\n```", [("fte_savings", FTE_ARGS)], "Jeg regner:", id="fenced"),
        pytest.param(f"```\n[{FTE}]\n```", [("fte_savings", FTE_ARGS)], "", id="fenced-list"),
        pytest.param(FTE, [("fte_savings", FTE_ARGS)], "", id="bare-object"),
        pytest.param(
            FTE[:-2] + ', "total_fte_x": 0.4, "total_fte_realisable_percentage_with_pens',
            [("fte_savings", {**FTE_ARGS, "total_fte_x": 0.4})],
            "",
            id="cut-off-at-the-token-limit",
        ),
        pytest.param(
            '```json\n{"function": {"name": "unit_rate_scaling", "parameters": {"rate": 90, "count": 10,}}}\n```',
            [("unit_rate_scaling", {"rate": 90, "count": 10})],
            "",
            id="openai-shape-trailing-comma",
        ),
        pytest.param(
            '```json\n{"name": "unit_rate_scaling", "arguments": {"rate": 2000000 / 52, "count": 10}}\n```',
            [("unit_rate_scaling", {"rate": "2000000 / 52", "count": 10})],
            "",
            id="arithmetic-kept-as-text",
        ),
        pytest.param(
            '<tool_call>{"name": "fte_savings", "arguments": {"monthly_salary": 30.000}}</tool_call>',
            [("fte_savings", {"monthly_salary": "30.000"})],
            "",
            id="danish-thousands-kept-as-text",
        ),
        pytest.param("Svaret er 3,5 mio. kr. [1].", [], "Svaret er 3,5 mio. kr. [1].", id="prose"),
        pytest.param('```json\n{"beløb": 5}\n```', [], '```json\n{"beløb": 5}\n```', id="json-that-is-no-call"),
    ],
)
def test_parse_tool_calls(text: str, calls: list[tuple[str, dict]], rest: str) -> None:  # type: ignore[type-arg]
    found, remaining = parse_tool_calls(text)
    assert [(c.name, c.args) for c in found] == calls
    assert remaining == rest


QUESTION = "Hvad sparer vi med 12 årsværk til 30.000 kr. om måneden, hvis KSD frigør 40 %?"


@pytest.mark.parametrize(
    ("name", "args", "question", "passages", "kept", "dropped", "arithmetic"),
    [
        pytest.param("fte_savings", FTE_ARGS, QUESTION, "", FTE_ARGS, [], False, id="all-given"),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "monthly_salary": "30.000"},
            QUESTION,
            "",
            FTE_ARGS,
            [],
            False,
            id="danish-number-text",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "colour": "blå"},
            QUESTION,
            "",
            FTE_ARGS,
            ["«colour» er ikke et input til fte_savings"],
            False,
            id="unknown-name",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "phase_in_years": 3},
            QUESTION,
            "",
            FTE_ARGS,
            ["«phase_in_years» = 3 står ikke i spørgsmålet"],
            False,
            id="optional-input-never-given",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "phase_in_years": 3},
            QUESTION + " Indfasningen tager 3 år.",
            "",
            {**FTE_ARGS, "phase_in_years": 3},
            [],
            False,
            id="optional-input-given",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "phase_in_years": 3},
            QUESTION,
            "Det tager 3 år.",
            FTE_ARGS,
            ["«phase_in_years» = 3 står ikke i spørgsmålet"],
            False,
            id="optional-input-only-in-a-passage",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "efficiency_pct": 40},
            "Hvad sparer 12 årsværk til 30.000 kr. med KSD?",
            "Potentialet er 40 % for KSD.",
            FTE_ARGS,
            [],
            False,
            id="required-input-from-a-passage",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "fte": 15},
            QUESTION,
            "",
            {"monthly_salary": 30000, "efficiency_pct": 40},
            ["«fte» = 15 står ikke i spørgsmålet eller kilderne"],
            False,
            id="required-input-invented",
        ),
        pytest.param(
            "unit_rate_scaling",
            {"rate": "2000000 / 52", "count": 10},
            "10 enheder og 2 mio. kr. om året på 52 uger",
            "",
            {"count": 10},
            ["«rate» var et regnestykke (2000000 / 52), ikke et tal; modellens regnestykker udregnes ikke"],
            True,
            id="arithmetic-dropped",
        ),
        pytest.param(
            "unit_rate_scaling",
            {"rate": "halvfems", "count": 10},
            "10 stk.",
            "",
            {"count": 10},
            ["«rate» var ikke et tal ('halvfems')"],
            False,
            id="not-a-number",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "fte": 40},
            QUESTION,
            "",
            {"monthly_salary": 30000, "efficiency_pct": 40},
            ["«fte» = 40 står ikke i spørgsmålet eller kilderne"],
            False,
            id="a-percentage-is-not-a-count",
        ),
        pytest.param(
            "fte_savings",
            {**FTE_ARGS, "efficiency_pct": 12},
            QUESTION,
            "",
            {"fte": 12, "monthly_salary": 30000},
            ["«efficiency_pct» = 12 står ikke i spørgsmålet eller kilderne"],
            False,
            id="a-count-is-not-a-percentage",
        ),
        pytest.param("no_such_tool", {"x": 1}, "", "", {"x": 1}, [], False, id="unknown-tool-left-to-registry"),
    ],
)
def test_check_arguments(name, args, question, passages, kept, dropped, arithmetic) -> None:  # type: ignore[no-untyped-def]
    checked = check_arguments(name, args, question, passages)
    assert checked.arguments == kept
    assert checked.dropped[: len(dropped)] == dropped
    assert checked.needs_arithmetic is arithmetic


def test_dropped_expression_points_to_the_arithmetic_calculators_that_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    from gevinst.assistant import tool_calls
    from gevinst.calculators import CALCULATORS

    monkeypatch.setattr(tool_calls, "ARITHMETIC", ("unit_rate_scaling", "not_yet_written"))
    checked = check_arguments("fte_savings", {"fte": "24 / 2"}, "24 årsværk", "")
    assert "not_yet_written" not in CALCULATORS
    assert checked.dropped[-1] == "spørgsmålet kræver en regneberegning: unit_rate_scaling"


def test_the_conversation_reaches_the_chat_template_in_openai_shape() -> None:
    from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage

    from gevinst.assistant.llamacpp import chat_messages, reply_message

    call = reply_message(f"<tool_call>\n{FTE}\n</tool_call>", 3)
    streamed = AIMessageChunk(
        content="", tool_call_chunks=[{"name": "fte_savings", "args": '{"fte": 12}', "id": "c", "index": 0}]
    )
    messages = [
        SystemMessage("regler"),
        HumanMessage("spørgsmål"),
        call,
        ToolMessage('{"value": 1}', tool_call_id="x"),
        streamed,
        AIMessage("svar [1]"),
    ]
    shaped = chat_messages(messages)
    assert [m["role"] for m in shaped] == ["system", "user", "assistant", "tool", "assistant", "assistant"]
    assert shaped[2]["tool_calls"][0]["function"] == {"name": "fte_savings", "arguments": FTE_ARGS}
    assert shaped[2]["tool_calls"][0]["id"] == "call_3_0" and shaped[2]["content"] == ""
    assert shaped[4]["tool_calls"][0]["function"] == {"name": "fte_savings", "arguments": {"fte": 12}}


class ScriptedLlamaCpp:
    """Stands in for llama_cpp.Llama: replays texts as a stream of small deltas, keeps what it was asked."""

    def __init__(self, *replies: str) -> None:
        self.replies, self.requests = list(replies), []  # type: ignore[var-annotated]

    def create_chat_completion(self, messages, tools=None, stream=False, **kwargs):  # type: ignore[no-untyped-def]
        self.requests.append({"messages": messages, "tools": tools, "format": kwargs.get("response_format")})
        text = self.replies.pop(0)
        if not stream:
            return {"choices": [{"message": {"content": text}}]}
        return iter([{"choices": [{"delta": {"content": text[i : i + 4]}}]} for i in range(0, len(text), 4)])


@pytest.fixture
def scripted_local_model(settings, small_corpus, monkeypatch):  # type: ignore[no-untyped-def]
    from gevinst.assistant import build_assistant, llamacpp, local_model
    from gevinst.ingest import ingest
    from gevinst.settings import LLMSettings

    llm = ScriptedLlamaCpp()
    monkeypatch.setattr(llamacpp, "load", lambda *args: llm)
    monkeypatch.setattr(local_model, "require_runtime", lambda: None)
    gguf = settings.data_dir / "m.gguf"
    gguf.parent.mkdir(parents=True, exist_ok=True)
    gguf.write_bytes(b"GGUF")
    ingest([small_corpus], settings)
    return build_assistant(settings.model_copy(update={"llm": LLMSettings(backend="llamacpp", model=str(gguf))})), llm


def test_a_local_lookup_is_streamed_and_offered_no_tools(scripted_local_model) -> None:  # type: ignore[no-untyped-def]
    assistant, llm = scripted_local_model
    llm.replies.append("Et køb via e-handel koster 90 kr. [1]")
    items = list(assistant.answer_stream("Hvad koster et køb via e-handel?"))
    assert len(items) > 3 and "".join(items[:-1]) == "Et køb via e-handel koster 90 kr. [1]"
    assert items[-1].citations[0].doc_id == "indkoeb" and llm.requests[0]["tools"] is None


def test_a_local_calculation_gets_compact_tools_and_its_json_block_runs(scripted_local_model) -> None:  # type: ignore[no-untyped-def]
    assistant, llm = scripted_local_model
    llm.replies += [f"```json\n{FTE}\n```", "Besparelsen er 2.597.760 kr. om året [1]."]
    tokens = list(assistant.answer_stream(QUESTION))
    answer = tokens.pop()
    assert "".join(tokens) == "Besparelsen er 2.597.760 kr. om året [1]."  # the JSON block was held back
    assert answer.tool_calls[0].result["value"] == 2597760 and not answer.unsupported_numbers
    fte = next(t for t in llm.requests[0]["tools"] if t["function"]["name"] == "fte_savings")["function"]
    assert fte["parameters"]["properties"]["fte"] == {"description": "Årsværk på opgaven", "type": "number"}
    first_format, second_format = llm.requests[0]["format"], llm.requests[1]["format"]
    assert "fte_savings" in first_format["schema"]["properties"]["name"]["enum"] and second_format is None
    second = llm.requests[1]["messages"]
    assert [m["role"] for m in second[-2:]] == ["assistant", "tool"] and '"value": 2597760' in second[-1]["content"]
