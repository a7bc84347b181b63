"""The noun a Danish question asks about as its subject: passages that never name it (nor a compound with it) do
not answer, however many of the question's other words they share."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.assistant.parse import parse_query
from gevinst.settings import Settings

from ..conftest import assistant_over, refused_by_rule

TOPICS = {
    "passive": ("Hvordan håndteres momsen, når kommunen sælger ejendomme?", ("moms",)),
    "modal": ("Hvordan skal forældrebetalingen i dagtilbud beregnes?", ("foraldrebetaling",)),
    "adjectives-skipped": ("Hvad er den gennemsnitlige ventetid på en plejebolig?", ("ventetid",)),
    "no-noun-after-det": ("Hvad er det helt præcist, potentialet består af?", ()),
    "question-after-its-context": (
        "Vi laver lister over undersøgelser. Hvordan skal vi håndtere databeskyttelsesforordningen?",
        ("databeskyttelsesforordning",),
    ),
    "a-figures-form-is-no-topic": ("Hvad er det højeste trin i kroner?", ()),
    "english-not-read": ("How is VAT handled when the municipality sells property?", ()),
    "other-question-form": ("Hvor meget sparer kommunen på ejendomme?", ()),
}


@pytest.mark.parametrize(("question", "topic"), TOPICS.values(), ids=TOPICS.keys())
def test_the_subject_noun_of_a_question(question: str, topic: tuple[str, ...]) -> None:
    assert parse_query(question)[0].topic == topic


DOCS = {
    "ejendomme.txt": (
        "# Salg af ejendomme\n\nNår kommunen centraliserer ejendomsdriften, frasorteres ejendomme, som kommunen "
        "sælger. Salget af ejendommene giver en engangsindtægt.\n"
    ),
    "dagtilbud.txt": (
        "# Administration i dagtilbud\n\nAdministrationen af dagtilbud flyttes til et administrativt fællesskab. "
        "Forældrebetalingen beregnes ud fra pladspriserne i fællesskabet.\n"
    ),
    "plejebolig.txt": (
        "# Visitation til plejebolig\n\nKommunerne har bidraget til forslag om visitation til plejebolig. "
        "Visitationen tager udgangspunkt i borgerens behov.\n"
    ),
}

# (question, refused by rule)
REFUSED = {
    "topic-in-no-passage": ("Hvordan håndteres momsen, når kommunen sælger de frasorterede ejendomme?", True),
    "topic-named": ("Hvordan skal forældrebetalingen beregnes, når administrationen af dagtilbud flyttes?", False),
    "statistic-of-an-unnamed-topic": ("Hvad er den gennemsnitlige ventetid på en plejebolig i kommunerne?", True),
    "topic-in-a-compound": ("Hvordan skal betalingen i dagtilbud beregnes?", False),
    "topic-named-in-another-form": ("Hvordan skal visitationen til plejebolig foregå?", False),
}


@pytest.mark.parametrize(("question", "refused"), REFUSED.values(), ids=REFUSED.keys())
def test_a_topic_no_passage_names_is_refused(settings: Settings, tmp_path: Path, question: str, refused: bool) -> None:
    assert refused_by_rule(assistant_over(settings, tmp_path / "docs", DOCS), question) is refused
