"""The workshop brief as blocks, Markdown and a Word handout; the formatting it uses."""

from __future__ import annotations

import io

import pytest

from gevinst.calculators import fte_savings
from gevinst.types import Proposal
from gevinst.ui import brief
from gevinst.ui.brief_export import to_docx, to_markdown
from gevinst.ui.formatting import lead_and_rest, number, quote, where

LONG = "Første sætning om KSD er her. " * 20 + "Sidste sætning."
TITLES = {
    "ksd": "Gevinstrealisering KY/KSD",
    "klk": "Kommunale veje til effektivisering",
    "kombit-2014-gevinstrealisering-ky-ksd": "Gevinstrealisering KY/KSD",
}


def _items() -> list[dict]:  # type: ignore[type-arg]
    answer = {
        "question": "Hvad er potentialet for KSD?",
        "answer": "Potentialet er 40 % for KSD [1]. Det tager 1-2 år [2].",
        "refused": False,
        "tool_calls": [],
        "timings_ms": {},
        "citations": [
            {"n": 1, "doc_id": "ksd", "title": "KSD-notat", "page": None, "section": "2.3 Klare", "snippet": LONG},
            {
                "n": 2,
                "doc_id": "klk",
                "title": "Kommunale veje",
                "page": 52,
                "section": "",
                "snippet": "Gevinsterne kommer over 1-2 år.",
            },
        ],
    }
    scenario = fte_savings(fte=12, monthly_salary=30000, efficiency_pct=40, phase_in_years=2).to_dict()
    proposal = Proposal("klk", "Øget brug af E-handel", "Administration", 50, 53)
    return [brief.answer_item(answer), brief.scenario_item(scenario), brief.proposal_item(proposal, "Kommunale veje")]


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        ({"page": 52, "section": "x"}, "s. 52"),
        ({"page": None, "section": "2.3 Klare"}, "afsnit 2.3 Klare"),
        ({"page": None, "section": ""}, "uden sidetal"),
    ],
    ids=["page", "section", "neither"],
)
def test_a_citation_names_its_page_or_else_its_section(citation: dict, expected: str) -> None:  # type: ignore[type-arg]
    assert where(citation) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (30000.0, "kr.", "30.000 kr."),
        (649440.0, "kr.", "649.440 kr."),
        (17.0, "%", "17 %"),
        (4.8, "årsværk", "4,8 årsværk"),
        (12.0, "årsværk", "12 årsværk"),
        (2, "år", "2 år"),
        ("2, 2, 2 %", "%", "2, 2, 2 %"),
        ("3-5", "år", "3-5 år"),
    ],
    ids=["kr", "kr-large", "pct", "decimal", "whole-float", "int", "text-with-its-unit", "text-without-its-unit"],
)
def test_numbers_are_written_the_danish_way(value: float, unit: str, expected: str) -> None:
    assert number(value, unit) == expected


def test_a_quote_ends_at_a_sentence_and_says_it_was_shortened() -> None:
    shortened = quote(LONG, limit=100)
    assert shortened.endswith("her. …") and len(shortened) <= 104
    assert quote("Kort sætning.") == "Kort sætning."


@pytest.mark.parametrize(
    ("answer", "lead", "rest"),
    [
        ("Det er 40 % [1]. Det tager 1-2 år [2].", "Det er 40 % [1].", "Det tager 1-2 år [2]."),
        ("Forslag:\n- A [1]\n- B [2]", "Forslag:", "- A [1]\n- B [2]"),
        ("Ét svar [1][2]", "Ét svar [1][2]", ""),
    ],
    ids=["sentences", "list", "one"],
)
def test_the_answer_is_led_by_its_first_sentence(answer: str, lead: str, rest: str) -> None:
    assert lead_and_rest(answer) == (lead, rest)


def test_the_markdown_brief_has_sources_danish_numbers_and_no_code_names() -> None:
    md = to_markdown(brief.build(_items(), TITLES, today="01.02.2026"))
    assert md.startswith("# Workshop-brief\n\nUdarbejdet med Gevinst 01.02.2026.")
    assert "### 1. Hvad er potentialet for KSD?" in md and "#### Kilder" in md
    assert "— [1] Gevinstrealisering KY/KSD, afsnit 2.3 Klare" in md and "— [2] Kommunale veje til" in md
    assert "| Månedsløn | 30.000 kr. | Dit tal |" in md and "| 1 | 50 % | 1.298.880 kr. | 1.298.880 kr. |" in md
    assert "30000.0" not in md and "fte_savings" not in md and "andel_pct" not in md and "(ksd)" not in md
    assert "| Øget brug af E-handel | Administration | s. 50–53 | ikke angivet |" in md
    assert "![Besparelse pr. år](data:image/png;base64," in md


def test_the_word_brief_is_a_handout() -> None:
    from docx import Document

    doc = Document(io.BytesIO(to_docx(brief.build(_items(), TITLES))))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Workshop-brief")
    assert [h for _, h in headings[1:]] == [
        "Spørgsmål og svar",
        "1. Hvad er potentialet for KSD?",
        "Kilder",
        "Scenarier",
        "Scenarie: Besparelse pr. år ved fuld effekt",
        "Antagelser",
        "Forløb",
        "Valgte forslag",
        "Anvendte rapporter",
    ]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "— [1] Gevinstrealisering KY/KSD, afsnit 2.3 Klare" in text and "— [2] Kommunale veje til " in text
    quoted = next(p.text for p in doc.paragraphs if p.text.startswith("«Første"))
    assert quoted.endswith("her. …»")  # whole sentences, never cut inside one
    assumptions, years, proposals = doc.tables
    salary = next(r for r in assumptions.rows if r.cells[0].text == "Månedsløn")
    assert [c.text for c in salary.cells] == ["Månedsløn", "30.000 kr.", "Dit tal"]
    assert [c.text for c in years.rows[2].cells] == ["2", "100 %", "2.597.760 kr.", "1.298.880 kr."]
    assert proposals.rows[1].cells[0].text == "Øget brug af E-handel"
    assert len(doc.inline_shapes) == 1  # the scenario's chart


def test_a_line_after_a_listed_line_starts_a_new_paragraph() -> None:
    from gevinst.ui.formatting import rest_markdown

    rendered = rest_markdown("- Kommunen har ansvaret. [1]\nOgså relevant:\n- Enheden kan etableres. [2]")
    lines = rendered.split("\n")
    assert lines[0].startswith("- Kommunen") and lines[1] == ""  # the list ends before the plain line
    assert lines[2].startswith("Også relevant") and lines[3].startswith("- Enheden")


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("dit tal", "Dit tal"),
        ("dit tal: 2.000 om måneden × 12", "Dit tal: 2.000 om måneden × 12"),
        ("standard", "standard"),
    ],
    ids=["own-figure", "own-figure-scaled-to-a-year", "default"],
)
def test_an_assumptions_source_names_the_users_own_figure(source: str, shown: str) -> None:
    from gevinst.ui.formatting import source_name

    assert source_name({"source": source, "doc_id": ""}, {}) == shown
