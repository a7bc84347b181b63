"""One answer on screen: the leading sentence first, then the rest, then the quotes that support it, each
with its report and page (or section) and «Vis siden»; a calculation as its result, formula and assumptions.
Text from documents and users is escaped: it is shown as text, never as markup."""

from __future__ import annotations

import re
import time
from typing import Any

import streamlit as st

from gevinst.settings import Settings
from gevinst.ui import state
from gevinst.ui.brief import answer_item, scenario_chart, scenario_item
from gevinst.ui.formatting import lead_and_rest, number, quote, rest_markdown, source_name, where
from gevinst.ui.safe_text import escape_markdown
from gevinst.ui.services import save_feedback
from gevinst.ui.texts import t


def open_page(doc_id: str, page: int | None, section: str, snippet: str) -> None:
    """A callback (it runs before the next script run, so it may switch the page)."""
    st.session_state.viewer = (doc_id, page, section, snippet)
    st.session_state.page = "docs"


def _stream_bold(text: str) -> None:
    """The leading sentence appears as it is written, word by word, and stays bold like the earlier ones."""
    shown = st.empty()
    written = ""
    for word in re.split(r"(\s+)", text):
        written += word
        shown.markdown(f"**{escape_markdown(written.strip())}**")
        time.sleep(0.01)


def show_answer(record: dict[str, Any], lang: str, settings: Settings, titles: dict[str, str], fresh: bool) -> None:
    if record["refused"]:
        st.warning(t(lang, "refused"))
    if record.get("tool_calls"):
        _calculation(record, lang, titles)
    else:
        lead, rest = lead_and_rest(record["answer"])
        if fresh and not record["refused"]:
            _stream_bold(lead)
        else:
            st.markdown(f"**{escape_markdown(lead)}**" if not record["refused"] else escape_markdown(lead))
        _lines(rest)
    _citations(record, lang)
    _actions(record, lang, settings)


def _lines(text: str) -> None:
    """The answer's further sentences; a listed line («- …») stays an item of a list."""
    markdown = rest_markdown(text)
    if markdown:
        st.markdown(markdown)


def _citations(record: dict[str, Any], lang: str) -> None:
    citations = record["citations"]
    if not citations:
        return
    if record["refused"]:
        with st.expander(t(lang, "nearest")):
            for c in citations:
                _citation(record["id"], c, lang)
        return
    st.markdown(f"**{t(lang, 'sources')}**")
    for c in citations:
        _citation(record["id"], c, lang)


def _citation(record_id: str, c: dict[str, Any], lang: str) -> None:
    with st.container(border=True):
        st.caption(escape_markdown(f"[{c['n']}] {c['title']} · {where(c)}"))
        st.markdown("> " + escape_markdown(quote(c["snippet"])))
        st.button(
            t(lang, "show_page"),
            key=f"show-{record_id}-{c['n']}",
            type="tertiary",
            icon=":material/description:",
            on_click=open_page,
            args=(c["doc_id"], c["page"], c["section"], c["snippet"]),
        )


def _calculation(record: dict[str, Any], lang: str, titles: dict[str, str]) -> None:
    """A calculator's answer: its figure, formula, assumptions (sources by report title) and chart."""
    result = record["tool_calls"][0]["result"]
    st.markdown(f"**{escape_markdown(result['label'])}: {escape_markdown(result['display'])}**")
    st.markdown(escape_markdown(result["formula"]))
    # A static table wraps long source names (a report title and page) where a data grid cuts them off at the
    # right edge; its cells read Markdown, so each is escaped: a title comes from an uploaded document.
    rows = [(a["label"], number(a["value"], a["unit"]), source_name(a, titles)) for a in result["assumptions"]]
    st.table(
        [
            {"Antagelse": escape_markdown(x), "Værdi": escape_markdown(v), "Kilde": escape_markdown(k)}
            for x, v, k in rows
        ],
        hide_index=True,
    )
    if picture := scenario_chart(result):  # the same picture the brief will hold
        st.image(picture.png, caption=picture.caption, width=560)
    for warning in result.get("warnings", []):
        st.warning(escape_markdown(warning))
    state.brief_checkbox(
        t(lang, "calc_scenario"), {**scenario_item(result), "id": f"s-{record['id']}"}, key=f"scen-{record['id']}"
    )


def _actions(record: dict[str, Any], lang: str, settings: Settings) -> None:
    left, right = st.columns(2)
    with left:
        if record["refused"]:
            st.caption(t(lang, "no_pin_refusal"))
        elif not record.get("tool_calls"):
            state.brief_checkbox(t(lang, "pin"), answer_item(record), key=f"pin-{record['id']}")
    with right:
        _feedback(record, lang, settings)


def _feedback(record: dict[str, Any], lang: str, settings: Settings) -> None:
    """👍/👎 is stored with the answer record at once; 👎 opens a short comment, stored with it too."""
    rid = record["id"]
    given = record.get("feedback", {})
    rating = st.feedback("thumbs", key=f"fb-{rid}", default=given.get("rating"))
    if rating is not None and rating != given.get("rating"):
        given = record["feedback"] = {"rating": rating}
        save_feedback(settings, record, rating)
        st.toast(t(lang, "feedback_saved"))
    if rating == 0 and not given.get("comment"):
        comment = st.text_input(
            t(lang, "comment"), placeholder=t(lang, "comment_placeholder"), key=f"fbc-{rid}", max_chars=500
        )
        if st.button(t(lang, "comment_send"), key=f"fbs-{rid}") and comment.strip():
            record["feedback"] = {"rating": 0, "comment": comment.strip()}
            save_feedback(settings, record, 0, comment.strip())
            st.success(t(lang, "comment_saved"))
    elif given.get("comment"):
        st.caption(f"{t(lang, 'comment_saved')}: «{escape_markdown(given['comment'])}»")
