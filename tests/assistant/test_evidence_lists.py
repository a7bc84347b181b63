"""How a list question's answer quotes the list a passage holds: its opener, its items, and the list's rest
when the opener or the items are split from the lead."""

from __future__ import annotations

import pytest

from .test_evidence import _choose, _found

# The lead names what the list is; a short sentence after it («De gennemgås nedenfor:») opens the list.
SHORT_OPENER = (
    "Til venstre i figuren er de tre hovedgrupper af funktionalitet. De gennemgås nedenfor:\n"
    "- Digital kommunikation med borgerne om ansøgninger.\n"
    "- Korrekte data via validering af oplysningerne.\n"
    "- Automatisk journalisering af alle oplysninger.\n"
    "Løsningen forventes at blive tilgængelig for kommunerne i 2015 og frem."
)


@pytest.mark.parametrize(
    "question",
    ["Hvilke hovedgrupper af funktionalitet er der?", "Hvad er de tre hovedgrupper af funktionalitet?"],
    ids=["hvilke", "hvad-er-de"],
)
def test_a_short_sentence_that_opens_a_list_after_the_lead_brings_the_list(question: str) -> None:
    chosen = _choose(question, SHORT_OPENER, _found(SHORT_OPENER, {"Til venstre": 2.0, "Løsningen": 1.5}))
    assert chosen[1] == "De gennemgås nedenfor:"
    assert any("journalisering" in c for c in chosen)


# Each item is a heading on its own line, its text on the lines after it (a colon inside the text is the item's
# own, not a new list).
HEADED_ITEMS = (
    "Kommunen arbejder med tre hovedgrupper af funktionalitet:\n"
    "- Digital kommunikation:\n"
    "Selvbetjening på alle områder hvor borgeren sender oplysninger: Ansøgninger, skemaer m.v.\n"
    "- Korrekte data:\n"
    "Løsningen sikrer fuldstændig validering af de oplysninger, borgerne indsender.\n\n"
    "- Automatisk journalisering:\n\n"
    "Alle oplysninger journaliseres automatisk på eksisterende eller ny sag.\n\n"
    "Løsningen forventes at blive tilgængelig for kommunerne i 2015 og frem."
)


def test_a_headed_items_own_text_does_not_end_the_list() -> None:
    chosen = _choose(
        "Hvilke hovedgrupper af funktionalitet er der?",
        HEADED_ITEMS,
        _found(HEADED_ITEMS, {"Kommunen arbejder": 2.0, "Løsningen forventes": 1.5}),
    )
    assert "- Automatisk journalisering:" in chosen
    assert "Alle oplysninger journaliseres automatisk på eksisterende eller ny sag." in chosen


# A list run into prose after its title («Fordele ved …: A. B. C. Ulemper ved …: D.»): the title that names what is
# asked leads, and the list ends where the next title begins.
TITLED_PROSE = (
    "Motivation Processerne omkring udlæg er i dag ofte manuelle processer, hvilket er ressourcekrævende for alle. "
    "Fordele ved realisering af forslaget: Medarbejderen behøver ikke at gemme bilag, men kan indrapportere løbende. "
    "Herved undgås tunge manuelle processer. Færre fejl og bortkomne bilag. "
    "Økonomiafdelingen slipper for at håndtere bilagene fysisk. "
    "Ulemper ved realisering af forslaget: Kreditkortet kræver en ny aftale med banken om gebyrer."
)


def test_the_list_titled_with_what_is_asked_leads_and_ends_at_the_next_title() -> None:
    chosen = _choose(
        "Hvilke fordele er der ved at digitalisere udlægshåndteringen?",
        TITLED_PROSE,
        _found(TITLED_PROSE, {"Motivation": 2.0, "Fordele": 1.2, "Ulemper": 1.0}),
    )
    assert chosen[0].startswith("Fordele ved realisering af forslaget:")
    assert "Færre fejl og bortkomne bilag." in chosen
    assert not any(c.startswith("Ulemper") for c in chosen[:5])
