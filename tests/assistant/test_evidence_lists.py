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
