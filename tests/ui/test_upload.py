"""Uploads from the browser: a document is never replaced from there, and on a network address without an
administrator password nobody can upload unless that is explicitly allowed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gevinst.index import open_index, read_manifest
from gevinst.ingest import ingest
from gevinst.settings import Settings
from gevinst.ui.safe_text import JOINER

APP = str(Path(__file__).resolve().parents[2] / "src" / "gevinst" / "ui" / "app.py")
FIRST = "Hjemmeplejen sparer 2 mio. kr. på ruteplanlægning i Holbæk Kommune."
SECOND = "Noget helt andet: svømmehallen koster 999 mio. kr."


@pytest.fixture
def docs_page(settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    assert ingest([small_corpus], settings).ok
    monkeypatch.setenv("GEVINST_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("GEVINST_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("GEVINST_EMBEDDING__BACKEND", "hash")

    def open_page(**env: str) -> AppTest:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        at.pills(key="page").set_value("docs").run()
        assert not at.exception, at.exception
        return at

    return open_page


def _upload(at: AppTest, name: str, text: str) -> AppTest:
    at.file_uploader[0].set_value((name, text.encode(), "text/plain")).run()
    at.button(key="upload-run").click().run()
    assert not at.exception, at.exception
    return at


def _shown(element: object) -> str:
    """A message as the browser shows it (its Markdown source is escaped)."""
    return re.sub(r"\\(.)", r"\1", str(element.value)).replace(JOINER, "")  # type: ignore[attr-defined]


def _texts(settings: Settings, doc_id: str) -> set[str]:
    return {c.text for c in open_index(settings).chunks if c.doc_id == doc_id}


def test_an_upload_never_replaces_a_document(docs_page, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    shipped = _texts(settings, "ksd")
    at = _upload(docs_page(), "ksd.txt", SECOND)
    assert "'ksd' findes allerede med andet indhold" in _shown(at.error[0]) and _texts(settings, "ksd") == shipped
    _upload(at, "hjemmepleje.txt", FIRST)
    assert "Indekseret: hjemmepleje" in _shown(at.success[0])
    at = _upload(docs_page(), "hjemmepleje.txt", SECOND)
    assert "'hjemmepleje' findes allerede med andet indhold" in _shown(at.error[0])
    assert FIRST in " ".join(_texts(settings, "hjemmepleje"))
    stored = list((settings.data_dir / "uploads").rglob("*.txt"))
    assert [p.read_text(encoding="utf-8") for p in stored] == [FIRST]  # the refused bytes are not kept
    at = _upload(docs_page(), "hjemmepleje.txt", FIRST)  # the same bytes again: nothing to refuse
    assert not at.error and FIRST in " ".join(_texts(settings, "hjemmepleje"))


@pytest.mark.parametrize(
    ("env", "open_"),
    [
        ({"GEVINST_UI__HOST": "0.0.0.0"}, False),
        ({"GEVINST_UI__HOST": "10.1.2.3"}, False),
        ({"GEVINST_UI__HOST": "0.0.0.0", "GEVINST_UPLOAD__ALLOW_ANONYMOUS": "true"}, True),
        ({"GEVINST_UI__HOST": "127.0.0.1"}, True),
        ({"GEVINST_UI__HOST": "localhost"}, True),
        ({"GEVINST_UI__HOST": "::1"}, True),
    ],
    ids=["any-address", "lan-address", "explicitly-allowed", "loopback", "localhost", "ipv6-loopback"],
)
def test_upload_on_a_network_address_needs_an_admin_or_explicit_consent(docs_page, env, open_: bool) -> None:  # type: ignore[no-untyped-def]
    at = docs_page(**env)
    assert bool(at.get("file_uploader")) is open_
    if not open_:
        reason = " ".join(x.value for x in at.info)
        assert "GEVINST_UI__ADMIN_PASSWORD" in reason and "GEVINST_UPLOAD__ALLOW_ANONYMOUS=true" in reason


def test_on_a_network_address_the_admin_password_opens_upload(docs_page) -> None:  # type: ignore[no-untyped-def]
    at = docs_page(GEVINST_UI__HOST="0.0.0.0", GEVINST_UI__ADMIN_PASSWORD="admin-kode")
    assert not at.get("file_uploader")
    at.text_input(key="admin-pw").input("admin-kode").run()
    assert at.get("file_uploader")


def test_refused_and_failed_uploads_leave_no_file(docs_page, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    at = _upload(docs_page(), "tom.txt", "")
    assert "tom.txt" in _shown(at.error[0])
    assert not list((settings.data_dir / "uploads").rglob("*.txt"))
    assert {d["doc_id"] for d in read_manifest(settings.index_dir)["documents"]} == {"indkoeb", "ksd"}
