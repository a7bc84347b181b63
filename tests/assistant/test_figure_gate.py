"""The figure gate: its signals read the lead sentence, the sentences before it and its passage, and the
judge refuses a stated figure the gate does not trust. A small hash-embedded corpus."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from gevinst.assistant import evidence, figure_gate, refusal
from gevinst.assistant.parse import parse_query
from gevinst.settings import Settings

from ..conftest import assistant_over

TELEPHONY = {
    "telefoni.txt": (
        "# Telefoni\n\nVejle Kommune skiftede i 2013 til en telefoniplatform med åben kildekode. "
        "Kommunens besparelse er 1,2 mio. kr. om året.\n\n"
        "# Indkøb\n\nIndkøbskontoret handler ind for skolerne og sparer 3 mio. kr. om året.\n"
    ),
}
QUESTION = "Hvor meget sparer Vejle Kommune om året på telefoniplatformen?"


def _assistant(settings: Settings, tmp_path: Path, threshold: float):  # type: ignore[no-untyped-def]
    retrieval = settings.retrieval.model_copy(update={"figure_probability": threshold})
    return assistant_over(settings.model_copy(update={"retrieval": retrieval}), tmp_path / "docs", TELEPHONY)


def test_the_signals_read_the_sentences_before_the_lead(settings: Settings, tmp_path: Path) -> None:
    """«Kommunens besparelse er 1,2 mio. kr.» names neither Vejle nor the platform; the sentence before does."""
    assistant = _assistant(settings, tmp_path, 0.0)
    query = assistant.retriever.with_compounds(parse_query(QUESTION)[0])
    retrieved = assistant.retriever.retrieve(query)
    chosen = evidence.choose(query, evidence.candidates(query, retrieved, assistant.retriever), retrieved)
    assert "1,2 mio. kr." in retrieved.chunks[chosen[0].passage].text[chosen[0].start : chosen[0].end]
    found = figure_gate.signals(query, retrieved, chosen[0])
    assert found.sentence < found.window == pytest.approx(1.0)
    assert found.rarest_in_passage == 1.0
    assert found.terms == pytest.approx(len(query.groups) / 12)
    assert 0.0 < figure_gate.probability(found) < 1.0


@pytest.mark.parametrize(("threshold", "refused"), [(0.0, False), (1.0, True)], ids=["trusted", "not-trusted"])
def test_a_stated_figure_the_gate_does_not_trust_is_refused(
    settings: Settings, tmp_path: Path, threshold: float, refused: bool
) -> None:
    assistant = _assistant(settings, tmp_path, threshold)
    query = assistant.retriever.with_compounds(parse_query(QUESTION)[0])
    retrieved = assistant.retriever.retrieve(query)
    chosen = evidence.choose(query, evidence.candidates(query, retrieved, assistant.retriever), retrieved)
    assert refusal.figure_stated(query, chosen[0]) and not refusal.hard_refusal(query, retrieved, chosen)
    assert (refusal.judge(query, retrieved, chosen, assistant.settings.retrieval) is not None) is refused
    answer = assistant.answer(QUESTION)
    assert answer.refused is refused, answer.text
    # a refusal quotes the figure the source does state, so the manager can judge it
    assert not refused or "angiver ikke netop det tal, der spørges om; nærmest kommer: «Kommunens" in answer.text


def test_every_signal_has_a_weight() -> None:
    """The weights are applied in the order of the signals' fields: one missing would shift the rest."""
    assert list(figure_gate.CALIBRATION) == [f.name for f in fields(figure_gate.FigureSignals)] + ["bias"]
