"""The UI's few services: one cached assistant per settings, local feedback, safe upload names."""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import SecretStr

from gevinst.assistant import Assistant, build_assistant
from gevinst.settings import Settings
from gevinst.ui.safe_text import escape_markdown as escape_markdown  # its home is safe_text; kept importable here


def current_settings() -> Settings:
    return Settings()  # from the environment on every run; cheap, and tests can change it


@st.cache_resource(show_spinner="Indlæser model og indeks …")
def _assistant_for(key: str, _settings: Settings) -> Assistant:
    assistant = build_assistant(_settings)  # the real Settings: a JSON round trip would turn keys into «*****»
    warm = getattr(assistant.index, "warm", None)
    if warm:
        warm()  # the model, BM25 and Chroma load behind the spinner, not inside the first answer
    return assistant


def settings_key(settings: Settings) -> str:
    """A digest of every setting, secrets included (another key is another assistant), that shows none of them."""
    values = json.dumps(settings.model_dump(), sort_keys=True, default=_reveal)
    return hashlib.sha256(values.encode()).hexdigest()


def _reveal(value: Any) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


def get_assistant(settings: Settings) -> Assistant:
    """Loaded once per process; reloaded when a newer index generation has gone live (after an upload)."""
    key = settings_key(settings)
    assistant = _assistant_for(key, settings)
    stale = getattr(assistant.index, "is_stale", None)
    if stale and stale():
        _assistant_for.clear()
        assistant = _assistant_for(key, settings)
    return assistant


def save_feedback(settings: Settings, record: dict[str, Any], rating: int, comment: str = "") -> Path:
    """Thumbs up (1) or down (0), and the comment given with a 👎, appended with the whole answer record to
    data_dir/feedback.jsonl for later review (a comment comes as a second line for the same answer id)."""
    path = settings.data_dir / "feedback.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = {k: v for k, v in record.items() if k != "feedback"}
    entry = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "rating": rating,
        "comment": comment,
        "answer_id": record.get("id", ""),
        "record": kept,
    }
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return path


def safe_upload_name(name: str) -> str:
    """An uploaded file's name without folders, '..' or odd characters; it becomes the document id."""
    base = re.split(r"[\\/]", name)[-1].replace("..", "")
    base = re.sub(r"[^\w.\- æøåÆØÅ]", "_", base).strip(" .")
    stem, dot, ext = base.rpartition(".")
    return (f"{stem[:80] or 'upload'}.{ext.lower()}" if dot else (base[:80] or "upload")) or "upload"
