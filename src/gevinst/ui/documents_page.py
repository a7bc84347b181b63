"""The documents page: upload first, then the reports in the index, then a reader that opens a page (or, in a
report without pages, a section) with the cited passage marked."""

from __future__ import annotations

import hashlib
import hmac
import shutil
from pathlib import Path
from typing import Any

import streamlit as st

from gevinst.assistant import Assistant, library
from gevinst.settings import Settings
from gevinst.ui.access import upload_closed
from gevinst.ui.safe_text import escape_markdown, page_html
from gevinst.ui.services import safe_upload_name
from gevinst.ui.texts import t


def documents(assistant: Assistant, settings: Settings, lang: str) -> None:
    st.subheader(t(lang, "docs"))
    with st.container(border=True):
        _upload(assistant, settings, lang)
    docs = library.documents(assistant)
    if not docs:
        st.info(t(lang, "no_docs"))
        return
    st.markdown(f"**{t(lang, 'documents_heading')}**")
    st.dataframe(
        [
            {
                "Titel": d["title"],
                "Udgiver": d.get("publisher") or "",
                "År": str(d.get("year") or ""),
                "Sider": d.get("pages_available") or "uden sidetal",
                "Passager": d["chunks"],
                "Indekseret": d["ingested_at"],
            }
            for d in docs
        ],
        hide_index=True,
    )
    page_viewer(assistant, docs, lang)


def _upload(assistant: Assistant, settings: Settings, lang: str) -> None:
    st.markdown(f"**{t(lang, 'upload')}**")
    if closed := upload_closed(settings):
        st.info(closed)
        return
    admin = settings.ui.admin_password.get_secret_value()
    if admin and not st.session_state.get("admin"):
        given = st.text_input("Administrator", type="password", key="admin-pw", placeholder=t(lang, "password"))
        if not hmac.compare_digest(given.encode(), admin.encode()):
            st.caption(t(lang, "admin_only"))
            return
        st.session_state.admin = True
    files = st.file_uploader(t(lang, "upload_label"), type=["pdf", "txt", "md"], accept_multiple_files=True)
    if files and st.button(t(lang, "upload_run"), type="primary", key="upload-run"):
        _ingest_uploads(files, settings, lang, getattr(assistant.index, "embedder", None))


def _ingest_uploads(
    files: list[Any], settings: Settings, lang: str = "da", embedder: Any = None
) -> list[tuple[str, str]]:
    """Index the uploaded files and say how each went ((kind, message), also shown). The app's own embedder
    is handed to ingest, so an unchanged file is told «uændret – allerede indekseret» at once instead of after
    loading a model; the progress bar appears only when passages are being embedded."""
    from gevinst.ingest import IndexBusy, IngestError, ingest

    folder = settings.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    written: list[Path] = []
    messages: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    for f in files:
        if f.size > settings.upload.max_mb * 1024 * 1024:
            messages.append(("error", f"{f.name}: filen er større end {settings.upload.max_mb:g} MB"))
            continue
        data = f.getvalue()
        # one folder per content: an upload never overwrites the file an indexed document was read from
        path = folder / hashlib.sha256(data).hexdigest()[:16] / safe_upload_name(f.name)
        if any(p.name == path.name for p in paths):
            messages.append(("error", f"{f.name}: en fil med samme navn er allerede med i denne upload"))
            continue
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
        paths.append(path)
        names[path.stem] = f.name
    bar: list[Any] = []

    def progress(stage: str, done: int, total: int) -> None:
        if not bar:
            bar.append(st.progress(0.0, "Indlejrer …"))
        bar[0].progress(done / max(total, 1), "Indlejrer …")

    try:
        with st.spinner("Læser filerne …"):
            report = ingest(paths, settings, replace=False, embedder=embedder, progress=progress)
    except (IndexBusy, IngestError) as exc:
        messages.append(("error", str(exc)))
    else:
        failed = {name for name, _ in report.failed}
        for path in written:
            if path.name in failed:  # refused content is not kept
                shutil.rmtree(path.parent, ignore_errors=True)
        messages += [("error", f"{name}: {reason}") for name, reason in report.failed]
        messages += [("info", f"{names.get(d, d)}: {t(lang, 'unchanged')}") for d in report.unchanged]
        if report.added or report.changed:
            done = ", ".join(names.get(d, d) for d in report.added + report.changed)
            messages.append(("success", f"Indekseret: {done}"))
    for kind, message in messages:
        {"error": st.error, "info": st.info, "success": st.success}[kind](escape_markdown(message))
    return messages


def _title(docs: list[dict[str, Any]], doc_id: str) -> str:
    return next((d["title"] for d in docs if d["doc_id"] == doc_id), doc_id)


def page_viewer(assistant: Assistant, docs: list[dict[str, Any]], lang: str) -> None:
    st.markdown(f"**{t(lang, 'viewer')}**")
    ids = [d["doc_id"] for d in docs]
    doc_id, page, section, snippet = st.session_state.get("viewer", (ids[0], None, "", ""))
    if doc_id not in ids:
        doc_id, page, section, snippet = ids[0], None, "", ""
    chosen = st.selectbox(
        t(lang, "document"),
        ids,
        index=ids.index(doc_id),
        format_func=lambda d: _title(docs, d),
        placeholder=t(lang, "choose"),
    )
    if chosen != doc_id:
        doc_id, page, section, snippet = chosen, None, "", ""
    pages = library.pages_of(assistant, doc_id)
    doc = next(d for d in docs if d["doc_id"] == doc_id)
    if any(p is not None for p in pages):
        numbered = [p for p in pages if p is not None]
        at = numbered.index(page) if page in numbered else 0
        page = st.selectbox(t(lang, "page"), numbered, index=at, placeholder=t(lang, "choose"))
        shown: tuple[int | None, str] = (page, "")
        place = f"{t(lang, 'page')} {page}"
    else:
        sections = library.sections_of(assistant, doc_id)
        section = st.selectbox(
            t(lang, "section"),
            sections,
            index=sections.index(section) if section in sections else 0,
            format_func=lambda s: s or "(uden overskrift)",
            placeholder=t(lang, "choose"),
        )
        shown = (None, section)
        place = f"{t(lang, 'section')} {section}"
    original = library.has_original(assistant, doc_id) and st.toggle(t(lang, "show_original"), key="original")
    text = library.page_text(assistant, doc_id, *shown, original=original)
    made = " · ".join(str(x) for x in (doc.get("publisher"), doc.get("year")) if x)
    st.caption(escape_markdown(" · ".join(x for x in (doc["title"], made, place) if x)))
    st.session_state.viewer = (doc_id, page, section, snippet)
    body, flagged = page_html(text, snippet)
    if flagged:
        st.warning(t(lang, "flagged").format(n=flagged))
    st.html(f"<div style='white-space:pre-wrap'>{body}</div>")  # escaped HTML, no Markdown: nothing is fetched
