"""A local GGUF model through llama-cpp-python (optional extra `llamacpp`), by default the packaged Qwen2.5 1.5B.

The model's own chat template (from the GGUF) renders the messages and the calculator tools; the tool calls come
back as text (tags or a JSON block) and are parsed by `tool_calls.parse_tool_calls`.

Threads: with OpenMP's default active waiting, two threads on two cores collapse to under 1 token/s as soon as
another process holds a core (stack.md); passive waiting keeps 11–15 tokens/s, so it is set before the library
loads. The thread count follows the free cores when the setting leaves it to us."""

from __future__ import annotations

import atexit
import json
import os
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import Field

from gevinst.assistant.tool_calls import parse_tool_calls

_CALL_STARTS = ("<tool_call>", "```", "{", "[")
_VALIDATION_ONLY = {
    "maximum",
    "minimum",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "minItems",
    "maxItems",
    "additionalProperties",
    "title",
}
_LOADED: dict[tuple[str, int, int], Any] = {}  # one model per process: ~2 GB each
_LOCK = threading.Lock()


def thread_count(requested: int = 0) -> int:
    """`requested`, or the cores not already busy (at least one): a thread waiting for a busy core stalls all."""
    if requested:
        return requested
    cores = len(os.sched_getaffinity(0))
    others = os.getloadavg()[0]
    return max(1, min(cores, round(cores - others + 0.49)))


def load(path: str, n_ctx: int, n_threads: int = 0) -> Any:
    """The model, loaded once per process (the thread count is chosen then, not per answer)."""
    key = (path, n_ctx, n_threads)
    with _LOCK:
        if key not in _LOADED:
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read once, when the library's OpenMP loads
            from llama_cpp import Llama

            _close()
            _LOADED[key] = Llama(model_path=path, n_ctx=n_ctx, n_threads=thread_count(n_threads), verbose=False)
        return _LOADED[key]


def compact(schema: Any) -> Any:
    """A tool schema without the bounds and titles: the calculator validates those, and every token of the schema
    is read by the model for every calculation question. Names, types, descriptions, defaults and `required` stay."""
    if isinstance(schema, dict):
        options = [o for o in schema.get("anyOf", []) if o != {"type": "null"}]
        if len(options) == 1 and len(schema["anyOf"]) == 2:  # Optional[float]: the default says it may be left out
            schema = {**{k: v for k, v in schema.items() if k != "anyOf"}, **options[0]}
        return {k: compact(v) for k, v in schema.items() if k not in _VALIDATION_ONLY}
    if isinstance(schema, list):
        return [compact(v) for v in schema]
    return schema


def _role(m: BaseMessage) -> str:
    # by class, not `m.type`: a streamed reply is an AIMessageChunk, whose type reads "AIMessageChunk"
    for cls, role in ((SystemMessage, "system"), (AIMessage, "assistant"), (ToolMessage, "tool")):
        if isinstance(m, cls):
            return role
    return "user"


def _close() -> None:
    for llm in _LOADED.values():
        llm.close()
    _LOADED.clear()


atexit.register(_close)  # freed before interpreter teardown, where llama_cpp's own __del__ fails with a traceback


def chat_messages(messages: Sequence[BaseMessage]) -> list[dict[str, Any]]:
    """LangChain messages as the chat template expects them (OpenAI shape, arguments as objects)."""
    out: list[dict[str, Any]] = []
    for m in messages:
        content = m.content if isinstance(m.content, str) else json.dumps(m.content, ensure_ascii=False)
        item: dict[str, Any] = {"role": _role(m), "content": content}
        if isinstance(m, AIMessage) and m.tool_calls:
            item["tool_calls"] = [
                {"id": c["id"], "type": "function", "function": {"name": c["name"], "arguments": c["args"]}}
                for c in m.tool_calls
            ]
        if isinstance(m, ToolMessage):
            item["tool_call_id"] = m.tool_call_id
        out.append(item)
    return out


def reply_message(text: str, round_id: int) -> AIMessage:
    calls, rest = parse_tool_calls(text)
    return AIMessage(
        content=rest if calls else text,
        tool_calls=[
            {"name": c.name, "args": c.args, "id": f"call_{round_id}_{i}", "type": "tool_call"}
            for i, c in enumerate(calls)
        ],
    )


class LlamaCppChatModel(BaseChatModel):
    model_path: str = Field(description="A GGUF file (the factory joins the packaged model when none is set)")
    temperature: float = 0.0  # greedy: reproducible answers (settings.LLMSettings.temperature says why)
    max_tokens: int = 384
    n_ctx: int = 8192  # six passages, the example and the tool schemas: about 5,000 tokens; KV cache ~230 MB
    n_threads: int = 0  # 0: chosen from the free cores when the model loads
    tools: list[dict[str, Any]] = Field(default_factory=list)
    required: bool = False  # this turn must be a tool call

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def bind_tools(  # type: ignore[override]
        self, tools: Sequence[Any], tool_choice: str | None = None, **kwargs: Any
    ) -> LlamaCppChatModel:
        """tool_choice="required": the reply is held to one JSON call by a grammar (a name from the tools)."""
        schemas = [compact(convert_to_openai_tool(t)) for t in tools]
        return self.model_copy(update={"tools": schemas, "required": tool_choice in ("required", "any")})

    def _response_format(self) -> dict[str, Any] | None:
        if not (self.required and self.tools):
            return None
        names = [t["function"]["name"] for t in self.tools]
        schema = {
            "type": "object",
            "properties": {"name": {"enum": names}, "arguments": {"type": "object"}},
            "required": ["name", "arguments"],
        }
        return {"type": "json_object", "schema": schema}

    def _completion(self, messages: list[BaseMessage], stop: list[str] | None, stream: bool) -> Any:
        llm = load(self.model_path, self.n_ctx, self.n_threads)
        return llm.create_chat_completion(
            messages=chat_messages(messages),
            tools=self.tools or None,
            temperature=self.temperature,
            max_tokens=self.max_tokens,
            stop=stop,
            stream=stream,
            response_format=self._response_format(),
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        out = self._completion(messages, stop, stream=False)
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=reply_message(text.strip(), len(messages)))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        """Prose is streamed as it comes; a reply that opens like a tool call is held back and parsed whole."""
        text, held = "", True
        for part in self._completion(messages, stop, stream=True):
            piece = part["choices"][0]["delta"].get("content") or ""
            text += piece
            if held and len(text.strip()) >= 12 and not text.lstrip().startswith(_CALL_STARTS):
                held = False
                piece = text
            if not held and piece:
                yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
        message = reply_message(text.strip(), len(messages))
        if message.tool_calls:
            yield ChatGenerationChunk(
                message=AIMessageChunk(
                    content="",
                    tool_call_chunks=[
                        {
                            "name": c["name"],
                            "args": json.dumps(c["args"], ensure_ascii=False),
                            "id": c["id"],
                            "index": i,
                        }
                        for i, c in enumerate(message.tool_calls)
                    ],
                )
            )
        elif held and text.strip():
            yield ChatGenerationChunk(message=AIMessageChunk(content=text.strip()))
