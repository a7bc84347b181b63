"""The UI's few services: one cached assistant per settings, local feedback, safe upload names."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import streamlit as st

from gevinst.assistant import Assistant, build_assistant
from gevinst.settings import Settings


def current_settings() -> Settings:
    return Settings()  # from the environment on every run; cheap, and tests can change it


@st.cache_resource(show_spinner="Indlæser model og indeks …")
def _assistant_for(settings_json: str) -> Assistant:
    return build_assistant(Settings.model_validate_json(settings_json))


def get_assistant(settings: Settings) -> Assistant:
    """Loaded once per process; reloaded when a newer index generation has gone live (after an upload)."""
    key = settings.model_dump_json()
    assistant = _assistant_for(key)
    stale = getattr(assistant.index, "is_stale", None)
    if stale and stale():
        _assistant_for.clear()
        assistant = _assistant_for(key)
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


def escape_markdown(text: str) -> str:
    """Text from documents and users is shown as text: no markdown, links, images or HTML."""
    return re.sub(r"([\\`*_{}\[\]()#+\-!|<>~$])", r"\\\1", text)
