"""The corpus glossary (glossary_corpus.yaml) read under the hand glossary of lexicon.yaml."""

from __future__ import annotations

import pytest

from gevinst.assistant import glossary
from gevinst.assistant.lexicon import lexicon_data


@pytest.mark.parametrize(
    ("word", "danish"),
    [
        ("rotas", "vagtplan"),
        ("complaints", "klager"),
        ("caseload", "sagsstamme"),
        ("nurseries", "vuggestue"),
        ("reimbursement", "refusion"),
        ("contractors", "entreprenører"),
        ("streamlining", "effektivisering"),
        ("aftercare", "efterværn"),
        ("organization", "organisation"),
        ("helps", "hjælpe"),
        ("preparing", "forberede"),
    ],
    ids=[
        "rota",
        "complaint",
        "caseload",
        "ies-plural-of-listed",
        "reimbursement",
        "contractor",
        "ing-form",
        "aftercare",
        "american-spelling",
        "help",
        "prepare",
    ],
)
def test_a_word_the_hand_glossary_lacks_finds_the_reports_danish(word: str, danish: str) -> None:
    found = glossary.danish_for(word)
    assert found is not None and found.split()[0] == danish


@pytest.mark.parametrize(
    ("word", "danish"),
    [("planned", "plan"), ("cost", "udgift udgifter koster"), ("supports", "støtte")],
    ids=["hand-form-before-corpus-word", "hand-entry", "hand-form"],
)
def test_the_hand_glossary_wins(word: str, danish: str) -> None:
    assert glossary.danish_for(word) == danish


@pytest.mark.parametrize(
    "word", ["get", "make", "use", "work", "good", "new", "number", "which", "total"], ids=lambda w: w
)
def test_a_general_english_word_is_not_in_the_corpus_glossary(word: str) -> None:
    assert not set(glossary.english_forms(word)) & set(glossary.corpus_words())


def test_the_corpus_glossary_is_lower_case_and_maps_to_danish_words() -> None:
    hand = {str(k).lower() for k in lexicon_data()["glossary"]}
    entries = glossary.corpus_words()
    assert len(entries) > 1000
    assert all(k == k.lower() and v.split() for k, v in entries.items())
    assert not hand & set(entries)


@pytest.mark.parametrize(
    ("question", "searched", "covered"),
    [
        ("How do staff share the rota?", "vagtplan", "medarbejd"),
        ("What is the caseload of a caseworker?", "sagsstam", "sagsbehandl"),
    ],
    ids=["rota", "caseload"],
)
def test_the_corpus_glossary_widens_the_search_not_the_terms_to_cover(
    question: str, searched: str, covered: str
) -> None:
    from gevinst.assistant.parse import parse_query
    from gevinst.index import textnorm

    query = parse_query(question)[0]
    assert searched in textnorm.tokens(query.search_text)
    assert searched not in query.terms
    assert covered in query.terms


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("is the flex-job subsidy lower", ["flex job"]),
        ("who offers day-treatment services", ["day treatment"]),
        ("the flex job subsidy", ["flex job"]),
        ("what are the building blocks", ["building blocks"]),
        ("the self-service solutions", ["self-service solutions"]),
        ("a well-known job", []),
    ],
    ids=["hyphen-hand-phrase", "hyphen-corpus-phrase", "spaced", "plain", "hyphen-inside-key", "no-phrase"],
)
def test_a_phrase_is_found_written_with_a_hyphen(text: str, phrases: list[str]) -> None:
    assert glossary.phrases_in(text)[0] == phrases


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How does Odense use Excel for budget follow-up?", ("Odense", "Excel")),
        ("How much did Copenhagen save?", ("København",)),
    ],
    ids=["corpus-word-stays-a-name", "hand-exonym"],
)
def test_only_the_hand_glossary_renames_a_name(question: str, names: tuple[str, ...]) -> None:
    from gevinst.assistant.parse import parse_query

    assert parse_query(question)[0].names == names


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What did the Ministry of Finance propose on payroll?", ("Finansministeriet",)),
        ("What does the Danish Agency for Digitisation say about letters?", ("Digitaliseringsstyrelsen",)),
        ("How many jobs moved to North Jutland from Aarhus?", ("Nordjylland", "Aarhus")),
        ("What did Danish Regions agree with the state?", ("Danske Regioner",)),
        ("What does Local Government Denmark recommend?", ("KL",)),
        ("Which agency runs Statens It for the Capital Region?", ("Hovedstaden", "Statens", "It")),
        ("How does the city council in Vejle decide?", ("Vejle",)),
    ],
    ids=[
        "ministry",
        "danish-agency",
        "region-exonym",
        "name-with-danish",
        "kl-generic",
        "capital-region",
        "lower-case-body-no-name",
    ],
)
def test_an_english_name_of_a_danish_body_is_its_danish_name(question: str, names: tuple[str, ...]) -> None:
    from gevinst.assistant.parse import parse_query

    assert parse_query(question)[0].names == names


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("What did the Ministry of Finance propose?", "finansministeri"),
        ("How many jobs moved from the capital region?", "hovedstad"),
        ("What does the citizen service centre do?", "borgerservic"),
    ],
    ids=["ministry", "lower-case-region", "municipal-body"],
)
def test_an_english_name_searches_the_danish_name(question: str, searched: str) -> None:
    from gevinst.assistant.parse import parse_query
    from gevinst.index import textnorm

    assert searched in textnorm.tokens(parse_query(question)[0].search_text)


@pytest.mark.parametrize(
    ("word", "danish"),
    [
        ("jobs", "arbejdspladser"),
        ("place", "sted"),
        ("handled", "håndteres"),
        ("mainly", "hovedsageligt"),
        ("primarily", "primært"),
        ("special education", "specialundervisning"),
    ],
    ids=[
        "jobs-are-workplaces",
        "in-one-place-is-sted",
        "handle",
        "mainly",
        "primarily",
        "special-education-not-uddannelse",
    ],
)
def test_a_hand_word_covers_the_reports_usual_danish(word: str, danish: str) -> None:
    assert danish in (glossary.danish_for(word, hand_only=True) or "").split()
