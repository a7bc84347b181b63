"""The pages. Each renders; the work is done by the assistant and the calculators."""

from __future__ import annotations

import hashlib
import hmac
import re
import shutil
import time
from collections.abc import Iterator
from typing import Any

import streamlit as st

from gevinst.assistant import Assistant, library
from gevinst.settings import Settings
from gevinst.types import Answer
from gevinst.ui import brief as brief_export
from gevinst.ui.access import upload_closed
from gevinst.ui.safe_text import escape_markdown, page_html
from gevinst.ui.services import safe_upload_name, save_feedback
from gevinst.ui.texts import t


def _words(text: str) -> Iterator[str]:
    for word in re.split(r"(\s+)", text):  # shown progressively, word by word
        yield escape_markdown(word)
        time.sleep(0.004)


def _open_page(c: dict[str, Any]) -> None:
    """Runs before the next script run, so it may switch the page radio."""
    st.session_state.viewer = (c["doc_id"], c["page"], c["section"], c["snippet"])
    st.session_state.page = "docs"


def _show_answer(record: dict[str, Any], lang: str, index: int, settings: Settings, fresh: bool) -> None:
    if record["refused"]:
        st.warning(t(lang, "refused"))
    if fresh:
        st.write_stream(_words(record["answer"]))
    else:
        st.markdown(escape_markdown(record["answer"]))
    if record["citations"]:
        st.caption(t(lang, "nearest") if record["refused"] else t(lang, "sources"))
    for c in record["citations"]:
        with st.expander(f"[{c['n']}] {escape_markdown(c['title'])} – {escape_markdown(brief_export.where(c))}"):
            st.caption(escape_markdown(f"{c['doc_id']} · {c['section']}"))
            st.markdown(f"> {escape_markdown(c['snippet'])}")
            st.button(t(lang, "show_page"), key=f"show-{index}-{c['n']}", on_click=_open_page, args=(c,))
    left, right = st.columns(2)
    if left.checkbox(t(lang, "pin"), key=f"pin-{index}"):
        if not any(i.get("answer") == record["answer"] for i in st.session_state.brief):
            st.session_state.brief.append({"kind": "answer", **record})
    rating = right.feedback("thumbs", key=f"fb-{index}")
    if rating is not None and not st.session_state.get(f"fb-saved-{index}"):
        save_feedback(settings, record, rating)
        st.session_state[f"fb-saved-{index}"] = True
        st.toast(t(lang, "feedback_saved"))


def _stream_answer(assistant: Assistant, question: str, history: list[str]) -> Answer:
    """A model's tokens appear as it writes; the checked answer (with flagged numbers) replaces them."""
    placeholder = st.empty()
    written = ""
    for item in assistant.answer_stream(question, history):
        if isinstance(item, Answer):
            placeholder.empty()
            return item
        written += item
        placeholder.markdown(escape_markdown(written) + " ▌")
    raise RuntimeError("no answer")


def chat(assistant: Assistant, settings: Settings, lang: str) -> None:
    history = st.session_state.setdefault("history", [])
    for i, turn in enumerate(history):
        with st.chat_message("user"):
            st.text(turn["question"])
        with st.chat_message("assistant"):
            _show_answer(turn, lang, i, settings, fresh=False)
    question = st.chat_input(t(lang, "ask"))
    if question:
        with st.chat_message("user"):
            st.text(question)
        with st.chat_message("assistant"):
            answer = _stream_answer(assistant, question, [h["question"] for h in history])
            record = answer.to_record()
            if answer.notice:
                st.info(escape_markdown(answer.notice))
            if answer.unsupported_numbers:
                flagged = ", ".join(answer.unsupported_numbers)
                st.warning(escape_markdown(f"Tal markeret 'ikke fundet i kilderne': {flagged}"))
            _show_answer(record, lang, len(history), settings, fresh=not answer.tool_calls)
        history.append(record)


def _page_viewer(assistant: Assistant, lang: str) -> None:
    docs = library.documents(assistant)
    ids = [d["doc_id"] for d in docs]
    doc_id, page, section, snippet = st.session_state.get("viewer", (ids[0] if ids else "", None, "", ""))
    if doc_id not in ids:
        return
    doc_id = st.selectbox(t(lang, "document"), ids, index=ids.index(doc_id))
    pages = library.pages_of(assistant, doc_id)
    page = st.selectbox(
        t(lang, "page"),
        pages,
        index=pages.index(page) if page in pages else 0,
        format_func=lambda p: "–" if p is None else str(p),
    )
    original = library.has_original(assistant, doc_id) and st.toggle(t(lang, "show_original"), key="original")
    text = library.page_text(assistant, doc_id, page, section if page is None else "", original=original)
    doc = next(d for d in docs if d["doc_id"] == doc_id)
    about = [doc["title"], doc.get("publisher") or "–", str(doc.get("year") or "–")]
    st.caption(escape_markdown(" · ".join([*about, f"{t(lang, 'page')} {'–' if page is None else page}"])))
    body, flagged = page_html(text, snippet)
    if flagged:
        st.warning(t(lang, "flagged").format(n=flagged))
    st.html(f"<div style='white-space:pre-wrap'>{body}</div>")  # escaped HTML, no Markdown: nothing is fetched


def documents(assistant: Assistant, settings: Settings, lang: str) -> None:
    st.dataframe(
        [
            {
                "dokument": d["doc_id"],
                "titel": d["title"],
                "udgiver": d.get("publisher"),
                "år": d.get("year"),
                "sider": d.get("pages"),
                "passager": d["chunks"],
                "indekseret": d["ingested_at"],
            }
            for d in library.documents(assistant)
        ],
        hide_index=True,
    )
    _page_viewer(assistant, lang)
    st.subheader(t(lang, "upload"))
    if closed := upload_closed(settings):
        st.info(closed)
        return
    admin = settings.ui.admin_password.get_secret_value()
    if admin and not st.session_state.get("admin"):
        given = st.text_input("Administrator", type="password", key="admin-pw")
        if not hmac.compare_digest(given.encode(), admin.encode()):
            st.caption(t(lang, "admin_only"))
            return
        st.session_state.admin = True
    files = st.file_uploader(t(lang, "upload"), type=["pdf", "txt", "md"], accept_multiple_files=True)
    if files and st.button(t(lang, "upload_run"), key="upload-run"):
        _ingest_uploads(files, settings)


def _ingest_uploads(files: list[Any], settings: Settings) -> None:
    from gevinst.ingest import IndexBusy, IngestError, ingest

    folder = settings.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    paths, written, refused = [], [], []
    for f in files:
        if f.size > settings.upload.max_mb * 1024 * 1024:
            refused.append((f.name, f"filen er større end {settings.upload.max_mb:g} MB"))
            continue
        data = f.getvalue()
        # one folder per content: an upload never overwrites the file an indexed document was read from
        path = folder / hashlib.sha256(data).hexdigest()[:16] / safe_upload_name(f.name)
        if any(p.name == path.name for p in paths):
            refused.append((f.name, "en fil med samme navn er allerede med i denne upload"))
            continue
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
        paths.append(path)
    bar = st.progress(0.0, "Indlejrer …")
    try:
        report = ingest(
            paths, settings, replace=False, progress=lambda stage, done, total: bar.progress(done / max(total, 1))
        )
    except (IndexBusy, IngestError) as exc:
        st.error(escape_markdown(str(exc)))
        return
    failed = {name for name, _ in report.failed}
    for path in written:
        if path.name in failed:  # refused content is not kept
            shutil.rmtree(path.parent, ignore_errors=True)
    for name, reason in refused + report.failed:
        st.error(escape_markdown(f"{name}: {reason}"))
    if report.added or report.changed:
        st.success(escape_markdown(f"Indekseret: {', '.join(report.added + report.changed)}"))


def catalogue(assistant: Assistant, settings: Settings, lang: str) -> None:
    items = library.proposals(assistant)
    areas = sorted({p["area"] for p in items})
    chosen = st.multiselect(t(lang, "area"), areas)
    query = st.text_input(t(lang, "search")).lower()
    rows = [p for p in items if (not chosen or p["area"] in chosen) and query in p["title"].lower()]
    st.dataframe(
        [
            {
                "forslag": p["title"],
                "område": p["area"],
                "sider": f"{p['first_page']}–{p['last_page']}",
                "potentiale (som angivet)": p["potential"],
            }
            for p in rows
        ],
        hide_index=True,
    )
    if rows:
        title = st.selectbox("Åbn forslag", [p["title"] for p in rows])
        p = next(p for p in rows if p["title"] == title)
        st.session_state.viewer = (p["doc_id"], p["first_page"], "", "")
        _page_viewer(assistant, lang)


def brief(lang: str) -> None:
    items = st.session_state.brief
    if not items:
        st.info(t(lang, "empty_brief"))
        return
    markdown = brief_export.brief_markdown(items)
    st.download_button(t(lang, "download_md"), markdown, "workshop-brief.md", "text/markdown")
    st.download_button(
        t(lang, "download_docx"),
        brief_export.brief_docx(items),
        "workshop-brief.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    st.text(markdown)
