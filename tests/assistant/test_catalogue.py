"""Proposal questions answered from the catalogue ingest builds."""

from __future__ import annotations

from gevinst.assistant.catalogue import matching_proposals

PROPOSALS = [
    {"doc_id": "klk", "title": "Understøttende indkøbskultur og organisation", "area": "ADMINISTRATION",
     "first_page": 44, "last_page": 46, "potential": ""},
    {"doc_id": "klk", "title": "Produktionsomkostninger i hjemmeplejen", "area": "SUNDHED OG ÆLDRE",
     "first_page": 136, "last_page": 138, "potential": "op mod 280 mio. kr."},
    {"doc_id": "klk", "title": "Styring af gæstevederlag i dagplejen", "area": "SKOLE OG DAGTILBUD",
     "first_page": 97, "last_page": 98, "potential": ""},
    {"doc_id": "klk", "title": "Anvisningsregler til dagpasning", "area": "SKOLE OG DAGTILBUD",
     "first_page": 102, "last_page": 104, "potential": ""},
]


def _titles(question: str) -> list[str]:
    return [p["title"] for p in matching_proposals(question, PROPOSALS)]


def test_area_named_in_the_question_selects_its_proposals() -> None:
    assert _titles("Hvilke forslag på dagtilbudsområdet kræver ingen investering?") == [
        "Styring af gæstevederlag i dagplejen", "Anvisningsregler til dagpasning"]


def test_title_words_match_inside_compounds() -> None:
    assert _titles("Hvilke forslag handler om hjemmeplejen?") == ["Produktionsomkostninger i hjemmeplejen"]
    assert _titles("Hvilke forslag handler om indkøb?") == ["Understøttende indkøbskultur og organisation"]


def test_nothing_matches_nothing_listed() -> None:
    assert _titles("Hvilke forslag handler om svømmehaller?") == []
