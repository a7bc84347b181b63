"""Proposal questions answered from the catalogue ingest builds."""

from __future__ import annotations

import pytest

from gevinst.assistant.catalogue import matching_proposals
from gevinst.assistant.parse import parse_query
from gevinst.types import Proposal

PROPOSALS = [
    Proposal("klk", "Understøttende indkøbskultur og organisation", "Administration", 44, 46, ""),
    Proposal("klk", "Produktionsomkostninger i hjemmeplejen", "Sundhed og ældre", 136, 138, "op mod 280 mio. kr."),
    Proposal("klk", "Styring af gæstevederlag i dagplejen", "Skole og dagtilbud", 97, 98, ""),
    Proposal("klk", "Anvisningsregler til dagpasning", "Skole og dagtilbud", 102, 104, ""),
]


def _titles(question: str) -> list[str]:
    return [p.title for p in matching_proposals(parse_query(question)[0], PROPOSALS)]


def test_area_named_in_the_question_selects_its_proposals() -> None:
    assert _titles("Hvilke forslag på dagtilbudsområdet kræver ingen investering?") == [
        "Styring af gæstevederlag i dagplejen",
        "Anvisningsregler til dagpasning",
    ]


def test_title_words_match_inside_compounds() -> None:
    assert _titles("Hvilke forslag handler om hjemmeplejen?") == ["Produktionsomkostninger i hjemmeplejen"]
    assert _titles("Hvilke forslag handler om indkøb?") == ["Understøttende indkøbskultur og organisation"]


def test_nothing_matches_nothing_listed() -> None:
    assert _titles("Hvilke forslag handler om svømmehaller?") == []


def test_an_area_is_named_as_an_area_not_by_a_word_it_shares() -> None:
    """«ældre» in a question about measures for the elderly is not «sundheds- og ældreområdet»."""
    assert _titles("Hvilke forebyggende tiltag kan hjælpe ældre og deres pårørende i eget hjem?") == []


def test_one_shared_word_among_many_topic_words_selects_nothing() -> None:
    question = "Hvilke tiltag kan hjælpe borgere og deres pårørende med dagpasning, så familien bliver længst hjemme?"
    assert _titles(question) == []
    assert len(_titles("Hvilke forslag på sundheds- og ældreområdet findes der?")) == 1


def test_words_of_the_reports_own_title_select_no_proposal() -> None:
    """Every proposal of «Kommunale veje til effektivisering» is about effektivisering: the word selects none."""
    proposals = [*PROPOSALS, Proposal("klk", "Effektivisering af refusionshjemtagning", "Administration", 28, 30, "")]
    query = parse_query("Hvilke konkrete forslag er der til at effektivisere dokumentationen i sygeplejen?")[0]
    assert matching_proposals(query, proposals, ignore="Kommunale veje til effektivisering") == []
    query = parse_query("Hvilke forslag handler om refusionshjemtagning?")[0]
    assert [p.title for p in matching_proposals(query, proposals, ignore="Kommunale veje til effektivisering")] == [
        "Effektivisering af refusionshjemtagning"
    ]


def test_proposals_asked_of_another_report_go_to_retrieval(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke forslag giver KL til …?» about a report without a catalogue is not answered from the catalogue
    of another report, even when a proposal title shares a word."""
    from gevinst.assistant.answerers import AnswerContext
    from gevinst.assistant.catalogue import CatalogueAnswerer
    from gevinst.assistant.retrieval import HybridRetriever
    from gevinst.types import Chunk

    chunks = [
        Chunk(
            "kl",
            "KL-rapport",
            None,
            "Forslag",
            0,
            60,
            "KL foreslår en fælles back office-funktion for ydelser i kommunerne.",
            "a",
        ),
        Chunk("klk", "Kommunale veje", 97, "Dagtilbud", 0, 40, "Styring af gæstevederlag i dagplejen.", "b"),
    ]

    class Index:
        def __init__(self) -> None:
            self.chunks = chunks
            self.proposals = PROPOSALS

        def dense(self, query: str, k: int) -> list[tuple[int, float]]:
            return [(0, 0.9), (1, 0.7)]

        def lexical_scores(self, query: str):  # type: ignore[no-untyped-def]
            import numpy as np

            return np.array([2.0, 0.5])

    index = Index()
    context = AnswerContext(index, HybridRetriever(index, settings.retrieval), settings)  # type: ignore[arg-type]
    query = parse_query("Hvilke forslag giver KL til en fælles back office-funktion i dagplejen?")[0]
    assert CatalogueAnswerer().answer(query, context) is None
    own = parse_query("Hvilke forslag handler om dagplejen?")[0]
    index.lexical_scores = lambda q: __import__("numpy").array([0.1, 3.0])  # type: ignore[method-assign]
    index.dense = lambda q, k: [(1, 0.9), (0, 0.7)]  # type: ignore[method-assign]
    listed = CatalogueAnswerer().answer(own, context)
    assert listed is not None and "Styring af gæstevederlag i dagplejen" in listed.text


def test_a_compound_ending_in_a_catalogue_word_asks_for_proposals() -> None:
    from gevinst.assistant import lexicon

    assert lexicon.mentions_catalogue("Hvilke effektiviseringsforslag indeholder rapporten på ældreområdet?")
    assert lexicon.mentions_catalogue("Which proposals concern schools?")
    assert not lexicon.mentions_catalogue("Hvilke forslagsstillere deltog i arbejdet?")


def _chunk(page: int, text: str):  # type: ignore[no-untyped-def]
    from gevinst.types import Chunk

    return Chunk("klk", "Kommunale veje", page, "", 0, len(text), text, f"c{page}")


TRACK = [p for p in PROPOSALS if p.area == "Skole og dagtilbud"]
CONTENTS = _chunk(2, "Indhold SKOLE OG DAGTILBUD Styring af gæstevederlag i dagplejen Anvisningsregler til dagpasning")
RESUME = _chunk(
    9,
    "SKOLE OG DAGTILBUD Styring af gæstevederlag i dagplejen Anvisningsregler til dagpasning Resumé af forslag "
    "Styringen af gæstevederlag styrkes. Reglerne for anvisning ændres.",
)
CHAPTER = _chunk(97, "Styring af gæstevederlag i dagplejen. Se også Anvisningsregler til dagpasning. Mere tekst.")


@pytest.mark.parametrize(
    ("chosen", "chunks", "page"),
    [
        pytest.param(TRACK, [CONTENTS, RESUME, CHAPTER], 9, id="the-resume-not-the-contents-nor-a-chapter"),
        pytest.param(TRACK, [CONTENTS, CHAPTER], None, id="a-table-of-contents-states-nothing"),
        pytest.param(TRACK[:1], [CONTENTS, RESUME], None, id="one-proposal-needs-no-overview"),
    ],
)
def test_a_listing_cites_the_reports_own_overview(chosen, chunks, page) -> None:  # type: ignore[no-untyped-def]
    from gevinst.assistant.catalogue import overview

    found = overview(chosen, chunks)
    assert (found[0].page if found else None) == page


AREAS = [
    Proposal("klk", "Fokuseret brug af efterværn", "Udsatte børn og unge", 180, 182, ""),
    Proposal("klk", "Styring af aflønning af plejefamilier", "Udsatte børn og unge", 183, 186, ""),
    *PROPOSALS,
]


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        pytest.param(
            "Hvad indgår i KLK's forslag på området for udsatte børn og unge?",
            ["Fokuseret brug af efterværn", "Styring af aflønning af plejefamilier"],
            id="every-word-of-the-area",
        ),
        pytest.param(
            "Hvad har skole- og dagtilbudssporet af forslag?",
            ["Styring af gæstevederlag i dagplejen", "Anvisningsregler til dagpasning"],
            id="the-area-in-a-compound",
        ),
        pytest.param(
            "Hvilke forslag hjælper børn i dagplejen?", ["Styring af gæstevederlag i dagplejen"], id="one-word"
        ),
    ],
)
def test_a_question_names_an_area_by_all_its_words(question: str, titles: list[str]) -> None:
    assert [p.title for p in matching_proposals(parse_query(question)[0], AREAS)] == titles


def _section_chunk(page: int, section: str, text: str):  # type: ignore[no-untyped-def]
    from gevinst.types import Chunk

    return Chunk("klk", "Kommunale veje", page, section, 0, len(text), text, f"s{page}")


INTRO = _section_chunk(96, "SKOLE OG DAGTILBUD", "SKOLE OG DAGTILBUD Sporet har syv forslag.")
IN_CHAPTER = _section_chunk(97, "SKOLE OG DAGTILBUD › Styring af gæstevederlag i dagplejen", "Gæstevederlag styres.")


@pytest.mark.parametrize(
    ("chosen", "page"),
    [
        pytest.param(TRACK, 96, id="the-section-headed-by-the-area"),
        pytest.param([PROPOSALS[0], *TRACK], None, id="proposals-of-two-areas-have-no-one-introduction"),
        pytest.param(TRACK[:1], None, id="one-proposal-needs-no-introduction"),
    ],
)
def test_a_listing_of_one_area_cites_its_introduction(chosen, page) -> None:  # type: ignore[no-untyped-def]
    from gevinst.assistant.catalogue import introduction

    found = introduction(chosen, [IN_CHAPTER, INTRO])
    assert (found.page if found else None) == page


@pytest.mark.parametrize(
    ("passage", "said"),
    [
        pytest.param(
            "SPOR Sporet har fulgt en anden proces. I rapporten præsenteres to forslag, der går på tværs. Mere.",
            "I rapporten præsenteres to forslag, der går på tværs.",
            id="the-sentence-that-counts-the-proposals",
        ),
        pytest.param("Forslagene er udvalgt blandt i alt 30 forslag.", "", id="thirty-is-no-count-of-a-track"),
        pytest.param("Sporet har arbejdet med styring.", "", id="no-count"),
    ],
)
def test_an_introduction_is_quoted_by_its_count_of_the_proposals(passage: str, said: str) -> None:
    from gevinst.assistant.catalogue import counted

    assert counted(passage) == said


def _chapter(page: int, text: str):  # type: ignore[no-untyped-def]
    from gevinst.types import Chunk

    return Chunk("klk", "Kommunale veje til effektivisering", page, "", 0, len(text), text, f"p{page}")


CHAPTERS = [
    _chapter(137, "Hjemmeplejen kan planlægge bedre. Tiltag: bedre ruter, færre møder og digital planlægning."),
    _chapter(97, "Gæstevederlag i dagplejen styres efter faste regler."),
    _chapter(102, "Anvisningsreglerne til dagpasning ændres."),
]


@pytest.mark.parametrize(
    ("question", "taken"),
    [
        pytest.param("Hvilke forslag handler om hjemmeplejen?", True, id="proposals-of-a-topic"),
        pytest.param("Hvilke effektiviseringsforslag er der på dagtilbudsområdet?", True, id="proposals-of-an-area"),
        pytest.param("Nævn forslagene om hjemmeplejen.", True, id="no-noun-asked-the-catalogue-word-lists"),
        pytest.param("Which proposals concern home care (hjemmeplejen)?", True, id="english-proposals"),
        pytest.param("Hvilke tiltag foreslås på dagtilbudsområdet?", True, id="measures-of-an-area-are-its-proposals"),
        pytest.param(
            "Hvilke kommuner nævnes i forslagene om hjemmeplejen?", False, id="municipalities-named-in-a-proposal"
        ),
        pytest.param("Under hvilke temaer er forslagene om hjemmeplejen samlet?", False, id="themes-the-passages-list"),
        pytest.param(
            "For the proposal on home care (hjemmeplejen), which budget years count as short term?",
            False,
            id="years-of-a-proposal",
        ),
        pytest.param(
            "Hvilke tiltag foreslås, når kommunen vil effektivisere hjemmeplejen?",
            False,
            id="measures-inside-one-proposal",
        ),
    ],
)
def test_the_catalogue_takes_only_questions_asking_for_proposals(settings, question: str, taken: bool) -> None:  # type: ignore[no-untyped-def]
    """A list question mentioning proposals is the catalogue's only when it asks for proposals as such; what one
    proposal holds (its measures, themes, municipalities, years) its passages list."""
    import numpy as np

    from gevinst.assistant.answerers import AnswerContext
    from gevinst.assistant.catalogue import CatalogueAnswerer
    from gevinst.assistant.retrieval import HybridRetriever

    class Index:
        chunks = CHAPTERS
        proposals = PROPOSALS

        def dense(self, query: str, k: int) -> list[tuple[int, float]]:
            return [(i, 0.9 - i / 10) for i in range(len(CHAPTERS))]

        def lexical_scores(self, query: str):  # type: ignore[no-untyped-def]
            return np.array([3.0, 1.0, 1.0])

    index = Index()
    context = AnswerContext(index, HybridRetriever(index, settings.retrieval), settings)  # type: ignore[arg-type]
    assert (CatalogueAnswerer().answer(parse_query(question)[0], context) is not None) is taken
