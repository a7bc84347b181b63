"""The brief page: the downloads, the items with «Fjern», and the brief rendered as the document it becomes
(the same blocks the Word and Markdown files are made of)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from gevinst.ui import state
from gevinst.ui.brief import Block, Bullets, Heading, Paragraph, Picture, Quote, Table, build
from gevinst.ui.brief_export import to_docx, to_markdown
from gevinst.ui.safe_text import escape_markdown
from gevinst.ui.texts import t

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _label(item: dict[str, Any]) -> str:
    if item["kind"] == "answer":
        return f"Svar: {item['question']}"
    if item["kind"] == "scenario":
        return f"Scenarie: {item['label']}: {item['display']}"
    return f"Forslag: {item['proposal']['title']}"


def brief(lang: str, titles: dict[str, str]) -> None:
    st.subheader(t(lang, "brief"))
    items: list[dict[str, Any]] = st.session_state.brief
    if not items:
        st.info(t(lang, "empty_brief"))
        return
    blocks = build(items, titles)
    left, right = st.columns(2)
    left.download_button(
        t(lang, "download_docx"),
        to_docx(blocks),
        "workshop-brief.docx",
        DOCX,
        type="primary",
        icon=":material/description:",
    )
    right.download_button(
        t(lang, "download_md"), to_markdown(blocks), "workshop-brief.md", "text/markdown", icon=":material/article:"
    )
    for item in items:
        text, action = st.columns([5, 1], vertical_alignment="center")
        text.markdown(escape_markdown(_label(item)))
        action.button(
            t(lang, "remove"), key=f"remove-{item['id']}", on_click=state.remove_from_brief, args=(item["id"],)
        )
    with st.container(border=True):
        for block in blocks:
            render(block)


def render(block: Block) -> None:
    """One block as the document shows it; text is escaped, so nothing in it becomes markup."""
    if isinstance(block, Heading) and block.level == 0:
        st.subheader(escape_markdown(block.text), anchor=False)
    elif isinstance(block, Heading):
        st.markdown(("####", "#####", "######")[block.level - 1] + " " + escape_markdown(block.text))
    elif isinstance(block, Paragraph):
        text = escape_markdown(block.text)
        st.markdown(f"**{text}**" if block.bold else text)
    elif isinstance(block, Bullets):
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in block.items))
    elif isinstance(block, Quote):
        st.markdown(f"> «{escape_markdown(block.text)}»  \n> — {escape_markdown(block.source)}")
    elif isinstance(block, Table):
        st.table(
            [{h: escape_markdown(c) for h, c in zip(block.headers, row)} for row in block.rows]
        )  # cells are Markdown
    elif isinstance(block, Picture):
        st.image(block.png, caption=block.caption)
