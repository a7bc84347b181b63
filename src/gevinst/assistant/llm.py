"""LLM backends by name. Heavy client imports happen inside the factories; secrets come from settings,
which read the environment (GEVINST_LLM__API_KEY) or Streamlit secrets, never from files in the repo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from gevinst.settings import LLMSettings


def _ollama(s: LLMSettings) -> BaseChatModel:
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=s.model or "llama3.1",
        base_url=s.base_url or "http://127.0.0.1:11434",
        temperature=s.temperature,
        client_kwargs={"timeout": s.timeout_s},
    )


def _openai(s: LLMSettings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=s.model or "gpt-4o-mini",
        base_url=s.base_url or None,
        api_key=s.api_key.get_secret_value() or "unused",
        timeout=s.timeout_s,
        max_retries=s.max_retries,
        temperature=s.temperature,
    )


def _llamacpp(s: LLMSettings) -> BaseChatModel:
    from gevinst.assistant.llamacpp import LlamaCppChatModel
    from gevinst.assistant.local_model import ModelMissing, packaged_model, require_runtime

    require_runtime()
    if s.model and not Path(s.model).is_file():
        raise ModelMissing(f"GEVINST_LLM__MODEL peger ikke på en fil: {s.model}")
    path = s.model or str(packaged_model(s.models_dir))
    return LlamaCppChatModel(model_path=path, temperature=s.temperature, n_threads=s.threads)


def _fake(s: LLMSettings) -> BaseChatModel:
    from gevinst.assistant.fake_chat import FakeChatModel

    return FakeChatModel()


LLMS: dict[str, Callable[[LLMSettings], BaseChatModel]] = {
    "ollama": _ollama,
    "openai": _openai,
    "llamacpp": _llamacpp,
    "fake": _fake,
}
ANSWERERS = ("extractive", *LLMS)


def build_chat_model(settings: LLMSettings) -> BaseChatModel:
    try:
        factory = LLMS[settings.backend]
    except KeyError:
        raise ValueError(f"unknown llm backend {settings.backend!r}; available: {', '.join(ANSWERERS)}") from None
    return factory(settings)
