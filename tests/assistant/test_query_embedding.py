"""The answer path embeds the question once (cached by text) and does no other model work."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.assistant import Assistant
from gevinst.index import HashEmbeddings, open_index
from gevinst.ingest import ingest
from gevinst.settings import Settings
from gevinst.types import Proposal


class CountingEmbeddings(HashEmbeddings):
    def __init__(self) -> None:
        super().__init__(256)
        self.queries: list[str] = []
        self.documents = 0

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return super().embed_query(text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        return super().embed_documents(texts)


KSD = "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?"
CASES = [
    pytest.param([], "Hvad koster et køb via e-handel?", 1, id="danish"),
    pytest.param([], "What does a purchase through e-commerce cost?", 1, id="english"),
    pytest.param([KSD], "og for KY?", 1, id="follow-up"),
    pytest.param(["What does a purchase in a shop cost?"], "and through e-commerce?", 1, id="english-follow-up"),
    pytest.param(["Hvad koster et køb via e-handel?"], "Hvad koster et køb via e-handel?", 0, id="asked-again"),
    pytest.param([], "Hvad sparer vi med 12 årsværk til 30.000 kr. om måneden og 40 % effektivisering?", 1, id="calc"),
    pytest.param([], "Which proposals concern purchasing?", 1, id="english-list-tried-by-the-catalogue"),
    pytest.param([], "Hvilke forslag handler om indkøb?", 1, id="list-tried-by-the-catalogue"),
]
# a proposal catalogue of another report: the catalogue answerer retrieves, declines, and retrieval follows
OTHER_CATALOGUE = [Proposal(doc_id="andet", title="Indkøb", area="indkøb", first_page=1, last_page=1)]


@pytest.mark.parametrize("before, question, embeds", CASES)
def test_one_query_embedding_per_answer(
    settings: Settings, small_corpus: Path, before: list[str], question: str, embeds: int
) -> None:
    assert ingest([small_corpus], settings).ok
    counting = CountingEmbeddings()
    index = open_index(settings, counting)
    index.proposals = OTHER_CATALOGUE
    assistant = Assistant(settings, index)
    for turn in before:
        assistant.answer(turn, history=[])
    counting.queries.clear()
    assistant.answer(question, history=[{"role": "user", "content": t} for t in before])
    assert len(counting.queries) == embeds, counting.queries
    assert counting.documents == 0


def test_warm_loads_the_model_before_the_first_question(settings: Settings, small_corpus: Path) -> None:
    assert ingest([small_corpus], settings).ok
    counting = CountingEmbeddings()
    index = open_index(settings, counting)
    index.warm()
    assert len(counting.queries) == 1
    Assistant(settings, index).answer("Hvad koster et køb via e-handel?")
    assert len(counting.queries) == 2  # the question itself, nothing else
