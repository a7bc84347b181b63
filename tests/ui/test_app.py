"""The Streamlit app driven with AppTest over a tiny hash-embedded index (settings from the environment)."""

from __future__ import annotations

import io
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
    parts += [e.label for e in at.expander]
    parts += [getattr(h, "body", "") or getattr(h, "value", "") for h in at.get("html")]  # the page view (st.html)
    return "\n".join(str(p) for p in parts)


def test_chat_answers_with_citations(app: AppTest) -> None:
    app.chat_input[0].set_value("Hvilken e-handelsgrad nåede Nordfyns Kommune?").run()
    assert not app.exception
    text = _all_text(app)
    assert "52 %" in text and "[1]" in text.replace("\\", "")
    assert any("indkoeb" in c.value for c in app.caption)
    assert app.expander and app.expander[0].label.startswith("[1]")


def test_chat_shows_refusal(app: AppTest) -> None:
    app.chat_input[0].set_value("Hvad koster en ny svømmehal i Aalborg?").run()
    assert "Rapporterne besvarer ikke spørgsmålet" in [w.value for w in app.warning]
    assert "Det fremgår ikke af rapporterne" in _all_text(app)


def test_html_in_a_question_is_shown_as_text(app: AppTest) -> None:
    app.chat_input[0].set_value("<script>alert(1)</script> e-handel?").run()
    assert not app.exception
    assert "<script>alert(1)</script> e-handel?" in [x.value for x in app.text]


def test_feedback_is_stored_locally(app: AppTest, settings: Settings) -> None:
    app.chat_input[0].set_value("Hvilken e-handelsgrad nåede Nordfyns Kommune?").run()
    app.feedback[0].set_value(1).run()
    lines = (settings.data_dir / "feedback.jsonl").read_text().splitlines()
    assert len(lines) == 1 and '"rating": 1' in lines[0]


def test_source_opens_the_page_view_with_the_passage_highlighted(app: AppTest) -> None:
    app.chat_input[0].set_value("Hvad koster et køb via e-handel?").run()
    app.button(key="show-0-1").click().run()
    assert app.sidebar.radio[0].value == "docs"
    assert any("<mark>" in h.value for h in app.get("html"))


def test_calculator_form_runs_and_saves_a_scenario_to_the_brief(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("calc").run()
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
    assert years.to_dict("records")[0] == {"År": "1", "Andel": "50 %", "Besparelse": "1.298.880 kr.",
                                           "Stigning": "1.298.880 kr."}
    assert len(app.get("vega_lite_chart")) == 1
    app.button(key="save-brief").click().run()
    app.sidebar.radio[0].set_value("brief").run()
    assert len(app.get("download_button")) == 2
    assert any("2.597.760 kr." in x.value for x in app.text)


CALC_CASES = [
    ("empty-required", {}, ["Udfyld de markerede felter: Månedsløn"]),
    ("not-a-number", {"monthly_salary": "tredive tusind"}, ["Månedsløn: «tredive tusind» er ikke et tal"]),
    ("negative", {"monthly_salary": "-5"}, ["Månedsløn: skal være større end 0 kr."]),
    ("huge", {"monthly_salary": "1e30"}, ["Månedsløn: må højst være 10.000.000 kr."]),
    ("nan", {"monthly_salary": "NaN"}, ["Månedsløn: «NaN» er ikke et tal"]),
    ("preset-overridden-badly", {"monthly_salary": "30000", "effective_share_pct": "0"},
     ["Effektive timer i % af løntimerne: skal være større end 0 %"]),
]


@pytest.mark.parametrize(("fields", "expected"), [c[1:] for c in CALC_CASES], ids=[c[0] for c in CALC_CASES])
def test_calculator_form_refuses_nonsense_in_danish(app: AppTest, fields: dict[str, str], expected: list[str]) -> None:
    app.sidebar.radio[0].set_value("calc").run()
    app.selectbox[0].set_value("hourly_cost").run()
    for name, text in fields.items():
        app.text_input(key=f"hourly_cost-{name}").input(text)
    app.button[0].click().run()
    assert not app.exception and not app.metric
    message = app.error[0].value.replace("\\", "")
    assert all(e in message for e in expected), message
    assert "monthly_salary" not in message and "Traceback" not in message


def test_scenarios_are_compared_side_by_side(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("calc").run()
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
        "Besparelse pr. år: 240.000 kr.", "Besparelse pr. år: 1.200.000 kr.", "Samlet effektiviseringspotentiale: 39,6 %"]
    assert compared.loc["Antal der flyttes pr. år"]["Stor"] == "5.000 (dit tal)"
    assert compared.loc["Pris pr. styk i den gamle kanal"]["Lille"] == "330 kr. (KL/KLK 2017, s. 52)"
    assert compared.loc["Pris pr. styk i den gamle kanal"]["Scenarie 3"] == "–"
    assert len(app.get("vega_lite_chart")) == 3  # the tasks' own chart; the scenarios in kr. and in % apart
    app.button(key="drop-0").click().run()
    assert list(app.table[-1].value.columns) == ["", "Stor", "Scenarie 3"]


def test_pinned_answer_reaches_the_brief(app: AppTest) -> None:
    app.chat_input[0].set_value("Hvilken e-handelsgrad nåede Nordfyns Kommune?").run()
    app.checkbox[0].check().run()
    app.sidebar.radio[0].set_value("brief").run()
    text = "\n".join(x.value for x in app.text)
    assert "Hvilken e-handelsgrad nåede Nordfyns Kommune?" in text and "52 %" in text


def test_brief_exports_markdown_and_docx() -> None:
    from docx import Document

    from gevinst.calculators import fte_savings
    from gevinst.ui.brief import brief_docx, brief_markdown, scenario_item

    items = [
        {
            "kind": "answer",
            "question": "Hvad er potentialet for KSD?",
            "answer": "40 % [1]",
            "refused": False,
            "citations": [{"n": 1, "doc_id": "ksd", "title": "KSD", "page": None, "section": "2.3", "snippet": "40 %"}],
            "tool_calls": [],
            "timings_ms": {},
        },
        scenario_item(fte_savings(fte=12, monthly_salary=30000, efficiency_pct=40, phase_in_years=2).to_dict()),
    ]
    md = brief_markdown(items)
    assert "## 1. Hvad er potentialet for KSD?" in md and "2.597.760 kr." in md and "| år |" in md
    doc = Document(io.BytesIO(brief_docx(items)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Hvad er potentialet for KSD?" in text and "2.597.760 kr." in text and len(doc.tables) == 2


def test_documents_and_catalogue_pages(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("docs").run()
    assert not app.exception
    assert {"indkoeb", "ksd"} <= set(app.dataframe[0].value["dokument"])
    app.sidebar.radio[0].set_value("catalogue").run()
    assert not app.exception


class _Upload:
    def __init__(self, name: str, data: bytes) -> None:
        self.name, self._data, self.size = name, data, len(data)

    def getvalue(self) -> bytes:
        return self._data


def test_upload_ingests_good_files_and_rejects_bad_ones(app: AppTest, settings: Settings) -> None:
    from gevinst.index import read_manifest
    from gevinst.ui.pages import _ingest_uploads

    app.sidebar.radio[0].set_value("docs").run()
    assert app.get("file_uploader")
    files = [
        _Upload("../../hjemmepleje.txt", "Hjemmeplejen sparer 2 mio. kr. på ruteplanlægning.".encode()),
        _Upload("tom.txt", b""),
        _Upload("stor.txt", b"x" * (2 * 1024 * 1024)),
    ]
    small = settings.model_copy(update={"upload": settings.upload.model_copy(update={"max_mb": 1.0})})
    _ingest_uploads(files, small)
    docs = {d["doc_id"] for d in read_manifest(settings.index_dir)["documents"]}
    assert docs == {"indkoeb", "ksd", "hjemmepleje"}
    assert [p.name for p in (settings.data_dir / "uploads").rglob("*.txt")] == ["hjemmepleje.txt"]  # tom.txt failed


def test_safe_upload_names() -> None:
    from gevinst.ui.services import safe_upload_name

    assert safe_upload_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_upload_name("C:\\Users\\x\\rapport 2024.PDF") == "rapport 2024.pdf"
    assert safe_upload_name("..") == "upload"


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
