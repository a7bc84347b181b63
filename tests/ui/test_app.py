"""The Streamlit app driven with AppTest over a tiny hash-embedded index (settings from the environment)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gevinst.ingest import ingest
from gevinst.settings import Settings

APP = str(Path(__file__).resolve().parents[2] / "src" / "gevinst" / "ui" / "app.py")


@pytest.fixture
def app(settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    assert ingest([small_corpus], settings).ok
    monkeypatch.setenv("GEVINST_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("GEVINST_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("GEVINST_EMBEDDING__BACKEND", "hash")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [x.value for x in at.text] + [x.value for x in at.warning]
    parts += [e.label for e in at.expander] + [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def _go(at: AppTest, page: str) -> AppTest:
    at.pills(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def test_first_visit_shows_the_shelf_and_example_questions(app: AppTest) -> None:
    text = _all_text(app)
    assert "Rapporterne på hylden" in text and "Indkøb i kommunen" in text
    examples = [b for b in app.button if b.key and b.key.startswith("example-")]
    assert len(examples) == 5
    examples[0].click().run()
    assert not app.exception
    assert app.chat_message and "Rapporterne på hylden" not in _all_text(app)


def test_chat_leads_with_the_answer_then_the_quoted_sources(app: AppTest) -> None:
    _ask(app, "Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    markdown = [m.value for m in app.markdown]
    lead = next(i for i, m in enumerate(markdown) if "52 %" in m.replace("\\", ""))
    sources = markdown.index("**Kilder**")
    assert lead < sources and markdown[sources + 1].startswith("> ")
    assert any(c.value.replace("\\", "").startswith("[1] Indkøb i kommunen") for c in app.caption)


def test_a_report_without_pages_is_cited_by_its_section(app: AppTest) -> None:
    _ask(app, "Hvor meget udgør pension og overhead pr. årsværk?")
    places = [c.value.replace("\\", "") for c in app.caption if c.value.replace("\\", "").startswith("[")]
    assert places and all("afsnit" in p or "s. " in p for p in places)
    assert not any("–" in p.split("·")[-1] for p in places)


def test_chat_shows_refusal_and_a_refusal_cannot_go_into_the_brief(app: AppTest) -> None:
    _ask(app, "Hvad koster en ny svømmehal i Aalborg?")
    assert "Rapporterne besvarer ikke spørgsmålet" in [w.value for w in app.warning]
    assert "Det fremgår ikke af rapporterne" in _all_text(app)
    assert not app.checkbox and "kan ikke tages med i brief" in _all_text(app)


def test_html_in_a_question_is_shown_as_text(app: AppTest) -> None:
    _ask(app, "<script>alert(1)</script> e-handel?")
    assert "<script>alert(1)</script> e-handel?" in [x.value for x in app.text]


def test_thumbs_down_opens_a_comment_stored_with_the_answer_record(app: AppTest, settings: Settings) -> None:
    _ask(app, "Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    app.feedback[0].set_value(0).run()
    app.text_input(key=next(t.key for t in app.text_input if t.key.startswith("fbc-"))).input("Forkert kilde")
    next(b for b in app.button if b.key and b.key.startswith("fbs-")).click().run()
    lines = [json.loads(x) for x in (settings.data_dir / "feedback.jsonl").read_text().splitlines()]
    assert [e["rating"] for e in lines] == [0, 0] and lines[-1]["comment"] == "Forkert kilde"
    assert lines[-1]["record"]["question"] == "Hvilken e-handelsgrad nåede Nordfyns Kommune?"
    assert lines[-1]["record"]["citations"] and lines[-1]["answer_id"] == lines[0]["answer_id"]


def test_source_opens_the_page_view_with_the_passage_highlighted(app: AppTest) -> None:
    _ask(app, "Hvad koster et køb via e-handel?")
    next(b for b in app.button if b.key and b.key.startswith("show-") and b.key.endswith("-1")).click().run()
    assert app.pills(key="page").value == "docs"
    assert any("<mark>" in m.value for m in app.markdown)


def test_conversation_and_brief_survive_a_reload_and_new_conversation_keeps_the_brief(app: AppTest) -> None:
    _ask(app, "Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    app.checkbox[0].check().run()
    session = app.query_params["s"]
    session = session[0] if isinstance(session, list) else session
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["s"] = session
    again.run()
    assert "Hvilken e-handelsgrad nåede Nordfyns Kommune?" in [x.value for x in again.text]
    assert again.checkbox[0].value is True
    next(b for b in again.button if b.label == "Ny samtale").click().run()
    assert not again.chat_message and "Rapporterne på hylden" in _all_text(again)
    _go(again, "brief")
    assert "Hvilken e-handelsgrad nåede Nordfyns Kommune?" in _all_text(again)


def test_unticking_removes_from_the_brief_and_boxes_show_the_brief_after_a_page_switch(app: AppTest) -> None:
    _ask(app, "Hvilken e-handelsgrad nåede Nordfyns Kommune?")
    app.checkbox[0].check().run()
    _go(app, "brief")
    assert len(app.get("download_button")) == 2
    _go(app, "chat")
    assert app.checkbox[0].value is True
    app.checkbox[0].uncheck().run()
    _go(app, "brief")
    assert "Briefen er tom" in _all_text(app)


def test_calculator_form_runs_and_saves_a_scenario_that_can_be_removed(app: AppTest) -> None:
    _go(app, "calc")
    app.selectbox[0].set_value("fte_savings").run()
    app.text_input(key="fte_savings-fte").input("12")
    app.text_input(key="fte_savings-monthly_salary").input("30000")
    app.text_input(key="fte_savings-efficiency_pct").input("40")
    app.text_input(key="fte_savings-phase_in_years").input("2")
    app.button[0].click().run()
    assert not app.exception and not app.error
    assert app.metric[0].value == "2.597.760 kr."
    app.button[-1].click().run()  # save scenario
    _go(app, "brief")
    text = _all_text(app)
    assert "2.597.760 kr." in text and "fte_savings" not in text and "30000.0" not in text
    assert app.get("imgs") or app.get("image")
    next(b for b in app.button if b.label == "Fjern").click().run()
    assert "Briefen er tom" in _all_text(app)


def test_calculator_form_refuses_nonsense(app: AppTest) -> None:
    _go(app, "calc")
    app.selectbox[0].set_value("hourly_cost").run()
    app.text_input(key="hourly_cost-monthly_salary").input("-5")
    app.button[0].click().run()
    assert app.error and "monthly_salary" in app.error[0].value


def test_every_page_has_its_own_heading(app: AppTest) -> None:
    for page, heading in [
        ("chat", "Spørg rapporterne"),
        ("calc", None),
        ("docs", "Dokumenter"),
        ("catalogue", "Forslagskatalog"),
        ("brief", "Workshop-brief"),
    ]:
        _go(app, page)
        if heading:
            assert heading in [h.value for h in app.subheader], page
    assert not app.title  # the big title is not repeated on every page


def test_documents_page_puts_upload_first(app: AppTest) -> None:
    _go(app, "docs")
    assert app.get("file_uploader")
    assert {"Indkøb i kommunen", "Gevinster ved KSD og KY"} <= set(app.dataframe[0].value["Titel"])
    assert "indkoeb" not in set(app.dataframe[0].value["Titel"])


class _Upload:
    def __init__(self, name: str, data: bytes) -> None:
        self.name, self._data, self.size = name, data, len(data)

    def getvalue(self) -> bytes:
        return self._data


def test_upload_ingests_good_files_and_rejects_bad_ones(app: AppTest, settings: Settings) -> None:
    from gevinst.index import read_manifest
    from gevinst.ui.documents_page import _ingest_uploads

    _go(app, "docs")
    assert app.get("file_uploader")
    files = [
        _Upload("../../hjemmepleje.txt", "Hjemmeplejen sparer 2 mio. kr. på ruteplanlægning.".encode()),
        _Upload("tom.txt", b""),
        _Upload("stor.txt", b"x" * (2 * 1024 * 1024)),
    ]
    small = settings.model_copy(update={"upload": settings.upload.model_copy(update={"max_mb": 1.0})})
    messages = _ingest_uploads(files, small)
    assert ("success", "Indekseret: ../../hjemmepleje.txt") in messages
    assert any(kind == "error" and m.startswith("stor.txt") for kind, m in messages)
    docs = {d["doc_id"] for d in read_manifest(settings.index_dir)["documents"]}
    assert docs == {"indkoeb", "ksd", "hjemmepleje"}
    assert sorted(p.name for p in (settings.data_dir / "uploads").iterdir()) == ["hjemmepleje.txt", "tom.txt"]


def test_safe_upload_names() -> None:
    from gevinst.ui.services import safe_upload_name

    assert safe_upload_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_upload_name("C:\\Users\\x\\rapport 2024.PDF") == "rapport 2024.pdf"
    assert safe_upload_name("..") == "upload"


def test_an_unchanged_upload_is_told_so_at_once(settings: Settings, small_corpus: Path) -> None:
    """Nothing is embedded and no model is loaded: the app's own embedder is handed to ingest."""
    from gevinst.index import build_embeddings
    from gevinst.ui.documents_page import _ingest_uploads

    assert ingest([small_corpus], settings).ok
    data = (small_corpus / "ksd.txt").read_bytes()
    messages = _ingest_uploads([_Upload("ksd.txt", data)], settings, embedder=build_embeddings(settings.embedding))
    assert messages == [("info", "ksd.txt: uændret – allerede indekseret")]
