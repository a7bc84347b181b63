"""Two-part questions and how-questions (evidence.py): the later part's lead, the passages read for a how."""

from __future__ import annotations

import pytest

from gevinst.assistant import evidence
from gevinst.assistant.parse import parse_query
from gevinst.assistant.retrieval import Retrieved
from gevinst.types import Chunk

from .test_evidence import _found, _retrieved

TOPIC = (
    "I Nordjylland tilbydes borgere med KOL telemedicinsk hjemmemonitorering i eget hjem. "
    "Kommuner og region har samarbejdet tæt om telemedicinsk hjemmemonitorering af KOL-borgere. "
    "Resultatet er færre og kortere indlæggelser for den enkelte borger, og mere tid hjemme."
)
PARTS = [
    (
        "led-by-its-own-words",
        "Telemedicinsk hjemmemonitorering af KOL-borgere: hvordan har kommuner og region samarbejdet, og hvad er "
        "resultatet?",
        "Resultatet er færre",
    ),
    # a part asking only by a word of degree is led by the best sentence, as before
    (
        "only-a-word-of-degree",
        "Hvor meget tid bruger kommuner og region på telemedicinsk hjemmemonitorering, og hvorfor ikke mere?",
        "I Nordjylland",
    ),
    # a part whose own words no sentence states is led by the best sentence, as before
    (
        "no-sentence-in-its-words",
        "Telemedicinsk hjemmemonitorering af KOL-borgere: hvordan har kommuner og region samarbejdet, og hvad er "
        "gevinsten?",
        "I Nordjylland",
    ),
]


@pytest.mark.parametrize(("question", "lead"), [c[1:] for c in PARTS], ids=[c[0] for c in PARTS])
def test_a_later_part_is_led_by_a_sentence_in_its_own_words(question: str, lead: str) -> None:
    later = parse_query(question)[0].also[0]
    found = _found(TOPIC, {"I Nordjylland": 1.6, "Kommuner og region": 1.5, "Resultatet": 0.9})
    chosen = evidence.lead_with_what_it_opens(later, found, _retrieved(TOPIC))
    assert TOPIC[chosen[0].start : chosen[0].end].startswith(lead)


def _chunk(page: int, text: str = "Tekst.") -> Chunk:
    return Chunk("rapport", "Rapport", page, "Afsnit", 0, len(text), text, f"h{page}")


# the first five passages are of pages 1–5; the sixth is of page 3 (read for a how) or of page 9 (never read)
READ = [
    ("how-same-page", "Hvordan beregner man gevinsten?", 3, 6),
    ("how-other-page", "Hvordan beregner man gevinsten?", 9, 5),
    ("figure-same-page", "Hvor stor er gevinsten?", 3, 5),
    ("why-same-page", "Hvorfor er gevinsten stor?", 3, 5),
]


@pytest.mark.parametrize(("question", "page", "read"), [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_a_how_reads_a_later_passage_of_a_page_already_read(question: str, page: int, read: int) -> None:
    retrieved = Retrieved([*(_chunk(p) for p in range(1, 6)), _chunk(page)], 1.0, [])
    assert len(evidence._read(parse_query(question)[0], retrieved)) == read
