"""The chat: a first visit that explains itself (the shelf, example questions), the conversation, and a status
line while an answer is found and written."""

from __future__ import annotations

from typing import Any

import streamlit as st

from gevinst.assistant import Assistant, library
from gevinst.settings import Settings
from gevinst.types import Answer
from gevinst.ui import state
from gevinst.ui.answer_view import show_answer
from gevinst.ui.brief import new_id
from gevinst.ui.safe_text import escape_markdown
from gevinst.ui.texts import examples, t


def titles_of(assistant: Assistant) -> dict[str, str]:
    return {d["doc_id"]: d["title"] for d in library.documents(assistant)}


def _ask_example(question: str) -> None:
    st.session_state.pending = question


def _welcome(assistant: Assistant, lang: str) -> None:
    st.markdown(escape_markdown(t(lang, "intro")))
    st.markdown(f"**{t(lang, 'shelf')}**")
    shelf = []
    for d in library.documents(assistant):
        made = ", ".join(str(x) for x in (d.get("publisher"), d.get("year")) if x)
        shelf.append(f"- {escape_markdown(d['title'])}" + (f" – {escape_markdown(made)}" if made else ""))
    st.markdown("\n".join(shelf) or t(lang, "no_docs"))
    st.markdown(f"**{t(lang, 'examples')}**")
    for i, question in enumerate(examples(lang)):
        st.button(question, key=f"example-{i}", on_click=_ask_example, args=(question,), icon=":material/chat_bubble:")


def chat(assistant: Assistant, settings: Settings, lang: str) -> None:
    heading, action = st.columns([3, 1], vertical_alignment="bottom")
    heading.subheader(t(lang, "chat_heading"))
    history: list[dict[str, Any]] = st.session_state.history
    if history:
        action.button(t(lang, "new_chat"), on_click=state.new_conversation, icon=":material/add_comment:")
    typed = st.chat_input(t(lang, "ask"))
    question = typed or st.session_state.pop("pending", None)
    titles = titles_of(assistant)
    if not history and not question:
        _welcome(assistant, lang)
    for turn in history:
        with st.chat_message("user"):
            st.text(turn["question"])
        with st.chat_message("assistant"):
            # the places a fresh answer's status and notices took: every element of the answer keeps its place
            # when the next run draws it from the history, so its «Tag med i brief» box is the same box, not a
            # new one beside the old
            st.empty()
            st.container()
            show_answer(turn, lang, settings, titles, fresh=False)
    if question:
        _answer(assistant, question, history, settings, lang, titles)


def _answer(
    assistant: Assistant,
    question: str,
    history: list[dict[str, Any]],
    settings: Settings,
    lang: str,
    titles: dict[str, str],
) -> None:
    with st.chat_message("user"):
        st.text(question)
    with st.chat_message("assistant"):
        box = st.empty()
        with box.status(t(lang, "searching")) as status:
            answer = _run(assistant, question, [h["question"] for h in history], status, lang)
        status.update(label=t(lang, "writing"))
        record = {**answer.to_record(), "id": new_id()}
        with st.container():
            if answer.notice:
                st.info(escape_markdown(answer.notice))
            if answer.unsupported_numbers:
                flagged = ", ".join(answer.unsupported_numbers)
                st.warning(escape_markdown(f"Tal markeret «ikke fundet i kilderne»: {flagged}"))
        show_answer(record, lang, settings, titles, fresh=True)
        box.empty()
    history.append(record)


def _run(assistant: Assistant, question: str, history: list[str], status: Any, lang: str) -> Answer:
    """A model's words appear as it writes them; the checked answer (numbers flagged) replaces them."""
    draft = st.empty()
    written = ""
    for item in assistant.answer_stream(question, history):
        if isinstance(item, Answer):
            draft.empty()
            return item
        if not written:
            status.update(label=t(lang, "writing"))
        written += item
        draft.markdown(escape_markdown(written) + " ▌")
    raise RuntimeError("no answer")
