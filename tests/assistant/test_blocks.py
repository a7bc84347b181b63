"""Numbered blocks («Eksempel 3 …»): which one a question names, which one a sentence sits in, and the passage
a block runs on into."""

from __future__ import annotations

import pytest

from gevinst.assistant.blocks import block_starts, in_block
from gevinst.assistant.parse import parse_query
from gevinst.assistant.retrieval import HybridRetriever
from gevinst.settings import RetrievalSettings
from gevinst.types import Chunk

from .test_retrieval import ScriptedIndex


@pytest.mark.parametrize(
    ("question", "labels"),
    [
        ("Hvad giver en ekstra time kommunen i KLK's eksempel 3?", (("eksempel", "3"),)),
        ("In example 2, what does the municipality gain?", (("eksempel", "2"),)),
        ("Hvor stort er potentialet i model 2?", (("model", "2"),)),
        ("Hvad kan model 1B samlet give i gevinst?", (("model", "1b"),)),
        ("Hvad står der i eksempel 3 i rapporten?", (("eksempel", "3"),)),
        ("Hvad er potentialet for model 1A, 1B og 2?", ()),
        ("Hvad står der på side 52?", ()),
    ],
    ids=[
        "eksempel",
        "english-example",
        "model",
        "model-with-its-letter",
        "a-word-after-the-number",
        "blocks-in-a-row",
        "a-page-is-no-block",
    ],
)
def test_the_numbered_block_a_question_names(question: str, labels: tuple[tuple[str, str], ...]) -> None:
    assert parse_query(question)[0].labels == labels


TEXT = "Indledning om fleksjob. Eksempel 2 Borgeren arbejder 25 timer. Eksempel 3 Borgeren arbejder 15 timer."


@pytest.mark.parametrize(
    ("sentence", "inside"),
    [("Indledning", 0.0), ("Eksempel 2", -1.0), ("Eksempel 3", 1.0)],
    ids=["before-any-block", "another-block", "the-block-asked"],
)
def test_the_block_a_sentence_sits_in(sentence: str, inside: float) -> None:
    start = TEXT.index(sentence)
    end = TEXT.index(".", start) + 1
    assert in_block((("eksempel", "3"),), block_starts(TEXT), end) == inside


MODELS = (
    "Model 1A giver mest. Model 1B giver mindre. Den samlede gevinst fremgår af tabellen henholdsvis: "
    "Model 1A: 179 — 380 mio. kr., model 1B: 98 — 315 mio. kr., model 2: 148 — 177 mio. kr."
)


@pytest.mark.parametrize(
    ("sentence", "asked", "inside"),
    [
        ("Model 1A giver", "1b", -1.0),
        ("Model 1B giver", "1b", 1.0),
        ("Model 1A giver", "1", 1.0),
        ("Den samlede", "1b", 1.0),
        ("Den samlede", "3", -1.0),
    ],
    ids=[
        "another-letter",
        "the-letter-asked",
        "a-number-asks-its-letters",
        "a-sentence-naming-several-blocks",
        "several-blocks-none-asked",
    ],
)
def test_a_sentence_naming_the_block_asked_among_others_is_inside_it(sentence: str, asked: str, inside: float) -> None:
    start = MODELS.index(sentence)
    end = len(MODELS) if sentence == "Den samlede" else MODELS.index(".", start) + 1
    assert in_block((("model", asked),), block_starts(MODELS), end, start) == inside


def _chunk(i: int, text: str) -> Chunk:
    return Chunk("doc", "Rapport", 85, "", 0, len(text), text, f"sha{i}")


def test_a_block_runs_on_into_the_next_passage_which_is_read_right_after_it() -> None:
    chunks = [
        _chunk(0, "Eksempel 2 Borgeren arbejder 25 timer. Eksempel 3 Borgeren arbejder 15 timer om ugen."),
        _chunk(1, "En time mere giver kommunen 260 kr. om måneden. Eksempel 4 Borgeren arbejder 32 timer."),
        _chunk(2, "Fleksjob på få timer om ugen er blevet almindelige i kommunerne."),
    ]
    index = ScriptedIndex(chunks, lexical=[1.0, 0.0, 0.8], dense=[0.9, 0.1, 0.85])
    retriever = HybridRetriever(index, RetrievalSettings(top_k=2))
    query = parse_query("Hvad giver en ekstra time kommunen i eksempel 3?")[0]
    retrieved = retriever.retrieve(query)
    assert [c.sha for c in retrieved.chunks] == ["sha0", "sha1", "sha2"]
    # the passage that starts inside «Eksempel 3» carries that block until «Eksempel 4» opens
    blocks = retriever.blocks(chunks[1])
    assert blocks[0] == (0, "eksempel", "3")
    assert in_block(query.labels, blocks, chunks[1].text.index(".") + 1) == 1.0
