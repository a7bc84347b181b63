"""A browser session's conversation and brief, kept across reloads: the session id travels in the URL's query
parameters (?s=…), the state lives in data_dir/sessions/<id>.json (written whole, then renamed into place)."""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path
from typing import Any

import streamlit as st

from gevinst.settings import Settings
from gevinst.ui.brief import new_id

_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")  # nothing else names a file: no paths from the URL
_KEPT = ("history", "brief")


def _path(settings: Settings, session_id: str) -> Path:
    return settings.data_dir / "sessions" / f"{session_id}.json"


def restore(settings: Settings) -> str:
    """The session id from the URL (a new one if it has none or a malformed one) and, once per browser
    session, the conversation and brief saved under it."""
    session_id = st.query_params.get("s", "")
    if not _SESSION_ID.match(session_id):
        session_id = uuid.uuid4().hex
        st.query_params["s"] = session_id
    if st.session_state.get("session_id") != session_id:
        saved = _load(_path(settings, session_id))
        for key in _KEPT:
            st.session_state[key] = saved.get(key, [])
        st.session_state.session_id = session_id
        st.session_state.saved = json.dumps(saved, ensure_ascii=False, sort_keys=True)
    return session_id


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a new session, or a damaged file: start afresh rather than fail
    return data if isinstance(data, dict) else {}


def save(settings: Settings) -> None:
    """Write the state when it changed since it was last written (every script run ends here)."""
    session_id = st.session_state.get("session_id")
    if not session_id:
        return
    for item in st.session_state.brief:  # items another page appended without an id
        item.setdefault("id", new_id())
    state = {key: st.session_state.get(key, []) for key in _KEPT}
    text = json.dumps(state, ensure_ascii=False, sort_keys=True)
    if text == st.session_state.get("saved"):
        return
    path = _path(settings, session_id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        st.warning(f"Samtalen kunne ikke gemmes ({exc.strerror}); den forsvinder, hvis siden genindlæses.")
        return
    st.session_state.saved = text


def new_conversation() -> None:
    """«Ny samtale»: the conversation starts over; the brief stays."""
    st.session_state.history = []


def in_brief(item_id: str) -> bool:
    return any(item.get("id") == item_id for item in st.session_state.brief)


def add_to_brief(item: dict[str, Any]) -> None:
    if not in_brief(item["id"]):
        st.session_state.brief.append(item)


def remove_from_brief(item_id: str) -> None:
    st.session_state.brief = [i for i in st.session_state.brief if i.get("id") != item_id]


def toggle(item: dict[str, Any], key: str) -> None:
    """A «Tag med i brief» box's callback: ticked adds the item, unticked removes it."""
    if st.session_state.get(key):
        add_to_brief(item)
    else:
        remove_from_brief(item["id"])


def brief_checkbox(label: str, item: dict[str, Any], key: str) -> None:
    """A box that shows whether the item is in the brief, also after a page switch or a removal elsewhere: its
    state is set from the brief before it is drawn. Its key stays the same, so ticking it redraws the same box;
    a key that changed with the state left the old box beside the new one, greyed, for as long as the page
    stayed (seen in the browser)."""
    st.session_state[key] = in_brief(item["id"])
    st.checkbox(label, key=key, on_change=toggle, args=(item, key))
