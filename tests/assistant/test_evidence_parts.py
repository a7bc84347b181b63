"""Two-part questions and how-questions (evidence.py): the later part's lead, the passages read for a how."""

from __future__ import annotations

import pytest

from gevinst.assistant import evidence
from gevinst.assistant.parse import parse_query
from gevinst.assistant.retrieval import Retrieved
from gevinst.types import Chunk


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
