"""The Streamlit app driven with AppTest over a tiny hash-embedded index (settings from the environment)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gevinst.ingest import ingest
from gevinst.settings import Settings

from ..conftest import REPORTS

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
    parts += [getattr(h, "body", "") or getattr(h, "value", "") for h in at.get("html")]  # the page view (st.html)
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


def test_a_calculation_in_the_chat_shows_its_assumptions_in_a_wrapping_table(app: AppTest) -> None:
    # A static table (not a data grid) so a long «Kilde» (report title and page) wraps instead of being cut off.
    _ask(app, "Vi har 12 årsværk til 30.000 kr. om måneden. Hvad sparer vi ved 40 % effektivisering?")
    assert not app.dataframe
    assumptions = app.table[0].value
    assert list(assumptions.columns) == ["Antagelse", "Værdi", "Kilde"]
    assert "Dit tal" in set(assumptions["Kilde"]) and "40 %" in set(assumptions["Værdi"])


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
    assert any("<mark>" in h.value for h in app.get("html"))


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
    app.text_input(key="fte_savings-monthly_salary").input("30.000")
    app.text_input(key="fte_savings-efficiency_pct").input("40")
    app.text_input(key="fte_savings-phase_in_years").input("2")
    app.button[0].click().run()
    assert not app.exception and not app.error
    assert app.metric[0].value == "2.597.760 kr."
    assert any("12 årsværk × 541.200 kr. × 40 %" in m.value.replace("\\", "") for m in app.markdown)
    assumptions, years = (t.value for t in app.table[:2])
    assert list(assumptions.columns) == ["Forudsætning", "Værdi", "Kilde"]
    assert "17 %" in set(assumptions["Værdi"]) and "dit tal" in set(assumptions["Kilde"])
    assert years.to_dict("records")[0] == {
        "År": "1",
        "Andel": "50 %",
        "Besparelse": "1.298.880 kr.",
        "Stigning": "1.298.880 kr.",
    }
    assert len(app.get("vega_lite_chart")) == 1
    app.button(key="save-brief").click().run()
    _go(app, "brief")
    assert len(app.get("download_button")) == 2
    text = _all_text(app)
    assert "2.597.760 kr." in text and "fte_savings" not in text and "30000.0" not in text
    assert app.get("imgs") or app.get("image")
    next(b for b in app.button if b.label == "Fjern").click().run()
    assert "Briefen er tom" in _all_text(app)


CALC_CASES = [
    ("empty-required", {}, ["Udfyld de markerede felter: Månedsløn"]),
    ("not-a-number", {"monthly_salary": "tredive tusind"}, ["Månedsløn: «tredive tusind» er ikke et tal"]),
    ("negative", {"monthly_salary": "-5"}, ["Månedsløn: skal være større end 0 kr."]),
    ("huge", {"monthly_salary": "1e30"}, ["Månedsløn: må højst være 10.000.000 kr."]),
    ("nan", {"monthly_salary": "NaN"}, ["Månedsløn: «NaN» er ikke et tal"]),
    (
        "preset-overridden-badly",
        {"monthly_salary": "30000", "effective_share_pct": "0"},
        ["Effektive timer i % af løntimerne: skal være større end 0 %"],
    ),
]


@pytest.mark.parametrize(("fields", "expected"), [c[1:] for c in CALC_CASES], ids=[c[0] for c in CALC_CASES])
def test_calculator_form_refuses_nonsense_in_danish(app: AppTest, fields: dict[str, str], expected: list[str]) -> None:
    _go(app, "calc")
    app.selectbox[0].set_value("hourly_cost").run()
    for name, text in fields.items():
        app.text_input(key=f"hourly_cost-{name}").input(text)
    app.button[0].click().run()
    assert not app.exception and not app.metric
    message = app.error[0].value.replace("\\", "")
    assert all(e in message for e in expected), message
    assert "monthly_salary" not in message and "Traceback" not in message


def test_scenarios_are_compared_side_by_side(app: AppTest) -> None:
    _go(app, "calc")
    app.selectbox[0].set_value("channel_shift").run()
    for volume, name in (("1.000", "Lille"), ("5000", "Stor")):
        app.text_input(key="channel_shift-volume").input(volume)
        app.button[0].click().run()
        app.text_input(key="scenario-name").input(name)
        app.button(key="save-scenario").click().run()
    app.selectbox[0].set_value("task_weighted_potential").run()
    app.button[0].click().run()  # every field left empty: the KSD table's seven tasks
    app.button(key="save-scenario").click().run()
    assert not app.exception
    compared = app.table[-1].value.set_index("")
    assert list(compared.columns) == ["Lille", "Stor", "Scenarie 3"]
    assert list(compared.loc["Resultat"]) == [
        "Besparelse pr. år: 240.000 kr.",
        "Besparelse pr. år: 1.200.000 kr.",
        "Samlet effektiviseringspotentiale: 39,6 %",
    ]
    assert compared.loc["Antal der flyttes pr. år"]["Stor"] == "5.000 (dit tal)"
    assert compared.loc["Pris pr. styk i den gamle kanal"]["Lille"] == "330 kr. (KL/KLK 2017, s. 52)"
    assert compared.loc["Pris pr. styk i den gamle kanal"]["Scenarie 3"] == "–"
    assert len(app.get("vega_lite_chart")) == 3  # the tasks' own chart; the scenarios in kr. and in % apart
    app.button(key="drop-0").click().run()
    assert list(app.table[-1].value.columns) == ["", "Stor", "Scenarie 3"]


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
    assert [p.name for p in (settings.data_dir / "uploads").rglob("*.txt")] == ["hjemmepleje.txt"]  # tom.txt failed


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


def test_page_view_shows_the_original_of_a_report_whose_letters_were_restored(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (REPORTS / "fm-2017-faelles-loesninger.txt").read_text(encoding="utf-8")
    (small_corpus / "gammel.txt").write_text(text[:8000].translate(str.maketrans("æøå", "aoa")), encoding="utf-8")
    assert ingest([small_corpus], settings).restored["gammel"] > 100
    monkeypatch.setenv("GEVINST_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("GEVINST_EMBEDDING__BACKEND", "hash")
    app = AppTest.from_file(APP, default_timeout=60)
    app.session_state["viewer"] = ("gammel", None, "", "")
    app.session_state["page"] = "docs"
    app.run()
    assert not app.exception, app.exception
    assert "fælles løsninger" in _all_text(app).lower()
    app.toggle(key="original").set_value(True).run()
    assert "falles losninger" in _all_text(app).lower() and "fælles løsninger" not in _all_text(app).lower()
