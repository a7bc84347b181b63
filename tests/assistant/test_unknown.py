"""What the reports cannot know: a year after a report was published, and what a report says is not known
yet. A small corpus with a catalogue (so ingest records the publication year) and hash embeddings."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.settings import Settings

from ..conftest import assistant_over

CATALOG = "documents:\n  - id: model\n    file: model.txt\n    title: En fælles model\n    year: 2009\n"
MODEL = (
    "# En fælles model for sagsbehandlingen\n\n"
    "Den fælles enhed for boligstøtte skal være i fuld drift i 2012. "
    "Besparelsen på boligstøtten ventes at nå 170 mio. kr. årligt i 2012, når enheden er i fuld drift. "
    "Kommunerne sparede 20 mio. kr. på boligstøtten i 2008 ved at samle opgaverne.\n\n"
    "## Evaluering\n\n"
    "Kommunerne planlægger en evaluering af den fælles enhed for boligstøtte i løbet af 2010. "
    "Der er endnu ikke mulighed for at fremlægge resultaterne af evalueringen. "
    "Evalueringen skal vise, om enheden løser opgaverne hurtigere.\n\n"
    "## Huslejeregister\n\n"
    "Huslejeregistret gav en besparelse på 4 mio. kr. i det første år. "
    "Der er endnu ikke mulighed for at opgøre besparelsen i det andet år.\n\n"
    "## Effektiv visitation\n\n"
    "Det vurderes, at potentialet ved effektiv visitation udgør XXX med en tidshorisont på XXX. "
    "En gennemgang af 52 sager i en kommune gav en reduktion i visiterede ydelser på 2 mio. kr.\n\n"
    "## Lærernes arbejdstid\n\n"
    "Flere kommuner ser muligheder i et redskab til at følge lærernes arbejdstid på den enkelte skole. "
    "Ingen kommuner har dog udarbejdet redskabet til lærernes arbejdstid, hvorfor det ikke indgår i denne rapport.\n"
)


@pytest.fixture
def assistant(settings: Settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    return assistant_over(settings, tmp_path / "docs", {"catalog.yaml": CATALOG, "model.txt": MODEL})


@pytest.mark.parametrize(
    ("question", "refused"),
    [
        ("Hvor meget sparede kommunerne på boligstøtten i 2012?", True),
        ("How much did the municipalities save on housing benefit (boligstøtte) in 2012?", True),
        ("Hvor meget ventes besparelsen på boligstøtten at være i 2012?", False),
        ("Hvor meget forventede rapporten, at kommunerne sparer på boligstøtten i 2012?", False),
        ("Hvor meget sparede kommunerne på boligstøtten i 2008?", False),
    ],
    ids=["happened-after-publication", "english-happened-after", "forecast", "what-the-report-expected", "before"],
)
def test_what_happened_after_the_report_was_published_is_not_answered(assistant, question: str, refused: bool) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer(question)
    assert answer.refused is refused, answer.text


@pytest.mark.parametrize(
    ("question", "refused"),
    [
        ("Hvad blev resultatet af evalueringen af den fælles enhed for boligstøtte?", True),
        ("Hvad skal evalueringen af den fælles enhed for boligstøtte vise?", False),
        ("Hvorfor kunne kommunerne ikke fremlægge resultaterne af evalueringen af boligstøtteenheden?", False),
        ("Hvor meget sparede huslejeregistret i det første år?", False),
        ("Hvad viser redskabet til lærernes arbejdstid på den enkelte skole?", True),
    ],
    ids=[
        "result-not-yet-known",
        "present-question",
        "why-question",
        "stated-before-what-is-not-known",
        "not-in-this-report",
    ],
)
def test_a_result_the_source_says_is_not_known_yet_is_not_answered(assistant, question: str, refused: bool) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer(question)
    assert answer.refused is refused, answer.text


@pytest.mark.parametrize(
    ("question", "refused"),
    [
        ("Hvor stort er potentialet ved effektiv visitation i kroner?", True),
        ("Hvor stor en reduktion i visiterede ydelser gav gennemgangen af de 52 sager?", False),
    ],
    ids=["figure-left-blank", "a-figure-stated-nearby"],
)
def test_a_figure_the_report_leaves_as_a_placeholder_is_not_answered(assistant, question: str, refused: bool) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer(question)
    assert answer.refused is refused, answer.text
    assert not refused or "XXX" in answer.text  # the source's own blank is shown


def test_the_refusal_quotes_the_sources_own_words_that_it_is_not_known_yet(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Hvad blev resultatet af evalueringen af den fælles enhed for boligstøtte?")
    assert "endnu ikke mulighed for at fremlægge resultaterne" in answer.text
    assert answer.citations and answer.citations[0].doc_id == "model"
