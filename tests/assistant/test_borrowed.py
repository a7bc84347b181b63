"""A figure the question borrows from a report («samme besparelse … som Vejles …»): the percentage comes from the
passage's clause that shares the question's words, and is shown and cited as the report's figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.settings import Settings

from ..conftest import assistant_over

DOCS = {
    "flaade.txt": (
        "# Flådestyring i Vejle\n\n"
        "Vejle Kommune har indført elektronisk kørebog i hjemmeplejen. Business casen viser en besparelse på 3,5 % "
        "af lønbudgettet for hjemmeplejens personale, 8 % på brændstof og et lavere CO2-udslip på 12 %.\n\n"
        "## Indkøb\n\nE-handel giver typisk 5-10 % lavere priser end køb i butik.\n"
    ),
}


@pytest.fixture
def assistant(settings: Settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    return assistant_over(settings, tmp_path / "docs", DOCS)


CASES = [
    # id, question, the figure the answer computes (None: no figure is borrowed)
    (
        "same-saving-as-a-named-example",
        "Lønbudgettet for vores hjemmeplejepersonale er 60 mio. kr. Hvad svarer det til, hvis vi opnår samme "
        "besparelse på lønbudgettet som Vejles elektroniske kørebog?",
        "2.100.000 kr.",
    ),
    (
        "english-same-as",
        "Our home care staff payroll is DKK 20 million. What would we save with the same saving on the payroll as "
        "Vejle's electronic logbook?",
        "700.000 kr.",
    ),
]


@pytest.mark.parametrize(("question", "figure"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_borrowed_percentage_comes_from_the_report(assistant, question: str, figure: str) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer(question)
    assert answer.tool_calls and answer.tool_calls[0].name == "percent_of", answer.text
    assert figure in answer.text
    assert "3,5 %" in answer.text and "dit tal)" in answer.text  # the amount is the user's, the share the report's
    assert any(c.doc_id == "flaade" for c in answer.citations)


def test_a_question_that_borrows_nothing_is_not_completed_from_a_passage(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Lønbudgettet for vores hjemmeplejepersonale er 60 mio. kr. Hvad svarer det til?")
    assert not any(c.name == "percent_of" for c in answer.tool_calls)
