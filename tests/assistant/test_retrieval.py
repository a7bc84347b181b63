"""Fusion, boosts and dedup on a scripted index (no model): each test pins one behaviour."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from gevinst.assistant.parse import parse_query
from gevinst.assistant.retrieval import HybridRetriever
from gevinst.index import textnorm
from gevinst.settings import RetrievalSettings
from gevinst.types import Chunk


def _chunk(i: int, text: str, role: str = "body", page: int | None = 1) -> Chunk:
    return Chunk("doc", "Rapport", page, "", 0, len(text), text, f"sha{i}", role)


class ScriptedIndex:
    def __init__(self, chunks: list[Chunk], lexical: list[float], dense: list[float]) -> None:
        self.chunks = chunks
        self._lexical = np.array(lexical, dtype=np.float32)
        self._dense = dense

    def lexical_scores(self, query: str) -> np.ndarray:
        return self._lexical

    def dense(self, query: str, k: int) -> list[tuple[int, float]]:
        order = sorted(range(len(self._dense)), key=lambda i: -self._dense[i])[:k]
        return [(i, self._dense[i]) for i in order]


TEXTS = ["hjemmepleje ruter og besparelser", "ejendomme og drift af bygninger", "indkøb via e-handel koster 90 kr."]


def _retriever(
    lexical: list[float], dense: list[float], weight: float, chunks: list[Chunk] | None = None
) -> HybridRetriever:
    chunks = chunks or [_chunk(i, t) for i, t in enumerate(TEXTS)]
    return HybridRetriever(ScriptedIndex(chunks, lexical, dense), RetrievalSettings(lexical_weight=weight, top_k=3))


def test_fusion_weight_decides_between_lexical_and_dense() -> None:
    lexical, dense = [3.0, 1.0, 0.0], [0.2, 0.9, 0.5]
    assert _retriever(lexical, dense, 1.0).retrieve("x").chunks[0].text == TEXTS[0]
    assert _retriever(lexical, dense, 0.0).retrieve("x").chunks[0].text == TEXTS[1]
    fused = _retriever(lexical, dense, 0.5).retrieve("x").chunks
    assert [c.score for c in fused] == sorted((c.score for c in fused), reverse=True)


def test_exact_number_in_question_boosts_the_passage_that_has_it() -> None:
    lexical, dense = [1.0, 0.0, 0.95], [0.5, 0.4, 0.5]
    top = _retriever(lexical, dense, 0.6).retrieve("hvad koster det, 90 kr.?").chunks[0]
    assert "90 kr." in top.text


def test_overview_duplicate_collapses_into_the_chapter() -> None:
    chapter = _chunk(0, "Øget brug af e-handel reducerer transaktionsomkostninger og hæver compliance i kommunen")
    overview = _chunk(1, "Øget brug af e-handel reducerer transaktionsomkostninger og hæver compliance", "overview", 8)
    other = _chunk(2, "noget helt andet om skoler")
    r = _retriever([5.0, 5.5, 1.0], [0.9, 0.95, 0.1], 0.5, [chapter, overview, other]).retrieve("e-handel")
    assert [c.role for c in r.chunks].count("overview") == 0
    assert r.chunks[0].page == 1


def test_coverage_counts_missing_key_terms() -> None:
    r = _retriever([1.0, 0.5, 0.2], [0.5, 0.4, 0.3], 0.5).retrieve("svømmehal i Aalborg")
    assert r.coverage < 0.3 and "Aalborg" in r.missing_entities


def test_an_english_question_that_cites_the_reports_term_keeps_the_full_lexical_weight() -> None:
    """BM25 alone finds the chunk with the cited Danish term; e5 prefers another. The asker's own citation of
    the reports' word counts as much as in a Danish question."""
    lexical, dense = [1.0, 0.0, 0.0], [0.3, 0.9, 0.8]
    cited = _retriever(lexical, dense, 0.6).retrieve("Which tasks does the route plan (hjemmepleje) cover?")
    plain = _retriever(lexical, dense, 0.6).retrieve("Which tasks does the home care route plan cover?")
    assert cited.chunks[0].text == TEXTS[0]
    assert plain.chunks[0].text != TEXTS[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param("Which municipalities compare their childcare allocation rules?", 0, id="english-bm25-wins"),
        pytest.param("Hvilke kommuner sammenligner anvisningsregler?", 0, id="danish-bm25-wins"),
    ],
)
def test_english_question_keeps_enough_lexical_weight_against_a_flat_dense_ranking(
    question: str, expected: int
) -> None:
    """e5 reads an English question against Danish passages with small cosine gaps (0.78-0.81), which min-max
    spreads over the whole scale; the glossary's Danish terms in BM25 must still outvote that."""
    lexical, dense = [1.0, 0.2, 0.0], [0.795, 0.81, 0.78]
    assert _retriever(lexical, dense, 0.6).retrieve(question).chunks[0].text == TEXTS[expected]


JOINED_TEXTS = [
    "et jobcenter med stigende administrationsandel",
    "hjemmeplejen i kommunen",
    "plejefamilier og vederlag",
    "økonomiafdelingen samler regningerne",
]


@pytest.mark.parametrize(
    ("question", "joined"),
    [
        pytest.param(
            "Is the administration share of the job centre rising?",
            {"administrationsandel", "jobcent"},
            id="two-phrases",
        ),
        pytest.param("What does the job-centre do?", {"jobcent"}, id="hyphenated"),
        pytest.param("What does home care cost in the municipality?", set(), id="no-compound-in-the-passages"),
        pytest.param("Hvad laver job centre?", set(), id="danish-question-unchanged"),
    ],
)
def test_english_two_word_phrase_finds_the_danish_compound(question: str, joined: set[str]) -> None:
    chunks = [_chunk(i, t) for i, t in enumerate(JOINED_TEXTS)]
    retriever = _retriever([0.0, 0.0, 0.0], [0.1, 0.1, 0.1], 0.5, chunks)
    before = parse_query(question)[0]
    query = retriever.with_compounds(before)
    # the compound is searched, whether the glossary's English names gave it already or the passages join it
    terms = {t for g in query.groups for t in g}
    assert joined <= terms and terms - {t for g in before.groups for t in g} <= joined
    assert set(textnorm.tokens(query.search_text)) >= joined


def test_a_compound_only_the_corpus_glossary_gives_is_searched_but_not_a_term_to_cover() -> None:
    """«finance» is only in the corpus glossary (økonomi): «økonomiafdeling» widens the search, but a passage is
    not asked to cover it (as coverage terms the corpus glossary's broad entries caused wrong refusals)."""
    chunks = [_chunk(i, t) for i, t in enumerate(JOINED_TEXTS)]
    retriever = _retriever([0.0] * 4, [0.1] * 4, 0.5, chunks)
    before = parse_query("Why centralise billing in the finance department?")[0]
    query = retriever.with_compounds(before)
    compound = set(textnorm.tokens("økonomiafdeling"))
    assert compound <= set(textnorm.tokens(query.search_text))
    assert not compound & {t for g in query.groups for t in g}


LIST_HEAD = "Ruteplanlægning i hjemmeplejen er beskrevet. Erfaringerne viser, at stordrift giver:\n\n- Bedre ledelse."
LIST_TAIL = "- Bedre ledelse.\n\n- Mere ensartet service.\n\nEt nyt afsnit begynder her."
PROSE_END = "Ruteplanlægning i hjemmeplejen er beskrevet. Erfaringerne er gode."


@pytest.mark.parametrize(
    ("first", "second_doc", "carried"),
    [
        (LIST_HEAD, "doc", True),
        (PROSE_END, "doc", False),  # no list reaches the passage's end: nothing to carry on
        (LIST_HEAD, "andet", False),  # the next passage of the index is another report's
    ],
    ids=["list-runs-on", "prose-ends", "other-report"],
)
def test_a_list_at_a_retrieved_passages_end_brings_the_reports_next_passage(
    first: str, second_doc: str, carried: bool
) -> None:
    """The rest of a list goes on in the report's next passage, which the ranking need not retrieve: it is carried
    after the retrieved passages (read only to continue the list), as the passage that follows the first."""
    chunks = [_chunk(0, first), replace(_chunk(1, LIST_TAIL), doc_id=second_doc), _chunk(2, "ejendomme og drift")]
    retrieved = _retriever([3.0, 0.0, 1.0], [0.9, 0.1, 0.5], 0.5, chunks).retrieve("ruteplanlægning stordrift")
    assert [c.sha for c in retrieved.chunks[:2]] == ["sha0", "sha2"]  # the ranking itself is unchanged
    assert (retrieved.following.get(0) == 2 and retrieved.chunks[2].sha == "sha1") is carried
    assert len(retrieved.chunks) == 2 + carried and len(retrieved.tokens) == len(retrieved.chunks)
