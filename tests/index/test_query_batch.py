"""Query vectors under concurrency: callers that arrive while a batch is being embedded are served by one batched
call, each text once, with the vectors a single call gives; a lone caller is embedded at once. The slow embedder
here blocks on an event, so batches are formed deterministically (speed is measured in bench/load.py)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from gevinst.index import HashEmbeddings, open_index
from gevinst.index.query_batch import QueryBatcher
from gevinst.ingest import ingest
from gevinst.settings import Settings

SINGLE = HashEmbeddings(256)  # the tests' index is built with the 256-dimension hash embedder


class GatedEmbedder:
    """Records each batch; the first batch waits for `release`, so later callers queue behind it."""

    def __init__(self, fail_first: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.fail_first = fail_first

    def __call__(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        if len(self.batches) == 1:
            self.started.set()
            assert self.release.wait(30)
            if self.fail_first:
                raise RuntimeError("model failed")
        return [SINGLE.embed_query(t) for t in texts]


def wait_until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    """Synchronisation, not a timing assertion: poll until the other threads got where the test needs them."""
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.005)


def ask_in_threads(batcher: QueryBatcher, texts: list[str]) -> tuple[list[threading.Thread], dict[int, object]]:
    results: dict[int, object] = {}

    def ask(i: int, text: str) -> None:
        try:
            results[i] = batcher.vector(text)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each caller got
            results[i] = exc

    threads = [threading.Thread(target=ask, args=(i, t)) for i, t in enumerate(texts)]
    for thread in threads:
        thread.start()
    return threads, results


def test_a_lone_caller_is_embedded_at_once_and_then_cached() -> None:
    calls: list[list[str]] = []
    batcher = QueryBatcher(lambda ts: calls.append(list(ts)) or SINGLE.embed_documents(ts), cache_size=4)
    assert batcher.vector("e-handel") == SINGLE.embed_query("e-handel")
    assert batcher.vector("e-handel") == SINGLE.embed_query("e-handel")
    assert calls == [["e-handel"]]


@pytest.mark.parametrize(
    "waiting, batch",
    [
        pytest.param(["b", "c", "d"], ["b", "c", "d"], id="three-waiting-one-batch"),
        pytest.param(["b", "b", "c"], ["b", "c"], id="same-text-twice-embedded-once"),
        pytest.param(["a", "b"], ["b"], id="the-running-text-is-not-embedded-again"),
    ],
)
def test_callers_waiting_behind_a_batch_share_the_next(waiting: list[str], batch: list[str]) -> None:
    embed = GatedEmbedder()
    batcher = QueryBatcher(embed, cache_size=16)
    first, first_result = ask_in_threads(batcher, ["a"])
    assert embed.started.wait(30)
    threads, results = ask_in_threads(batcher, waiting)
    wait_until(lambda: batcher.waiting == len(waiting), "callers queued behind the running batch")
    embed.release.set()
    for thread in first + threads:
        thread.join(30)
    assert embed.batches[0] == ["a"]
    assert sorted(embed.batches[1]) == batch
    assert len(embed.batches) == 2
    assert first_result[0] == SINGLE.embed_query("a")
    assert [results[i] for i in range(len(waiting))] == [SINGLE.embed_query(t) for t in waiting]


def test_a_cached_text_does_not_wait_for_a_running_batch() -> None:
    embed = GatedEmbedder()
    batcher = QueryBatcher(embed, cache_size=16)
    embed.release.set()
    batcher.vector("cached")
    embed.release.clear()
    embed.batches.clear()  # the next batch is the first again: it blocks
    blocked, _ = ask_in_threads(batcher, ["slow"])
    assert embed.started.wait(30)
    threads, results = ask_in_threads(batcher, ["cached"])
    threads[0].join(30)
    assert results[0] == SINGLE.embed_query("cached")
    embed.release.set()
    blocked[0].join(30)


def test_a_failed_batch_raises_in_its_caller_and_the_waiting_callers_still_get_vectors() -> None:
    embed = GatedEmbedder(fail_first=True)
    batcher = QueryBatcher(embed, cache_size=16)
    first, first_result = ask_in_threads(batcher, ["a"])
    assert embed.started.wait(30)
    threads, results = ask_in_threads(batcher, ["b", "c"])
    wait_until(lambda: batcher.waiting == 2, "callers queued behind the failing batch")
    embed.release.set()
    for thread in first + threads:
        thread.join(30)
    assert isinstance(first_result[0], RuntimeError)
    assert [results[0], results[1]] == [SINGLE.embed_query("b"), SINGLE.embed_query("c")]


def test_the_index_reader_batches_the_questions_of_concurrent_sessions(settings: Settings, small_corpus: Path) -> None:
    assert ingest([small_corpus], settings).ok
    embed = GatedEmbedder()

    class Gated(HashEmbeddings):
        def embed_queries(self, texts: list[str]) -> list[list[float]]:
            return embed(texts)

    index = open_index(settings, Gated(256))
    first, _ = ask_in_threads(index.queries, ["Hvad koster e-handel?"])
    assert embed.started.wait(30)
    questions = ["Hvad forventer KOMBIT for KSD?", "Hvad er e-handelsgraden i Nordfyns Kommune?"]
    threads = [threading.Thread(target=index.dense, args=(q, 2)) for q in questions]
    for thread in threads:
        thread.start()
    wait_until(lambda: index.queries.waiting == 2, "two sessions queued behind the first question")
    embed.release.set()
    for thread in first + threads:
        thread.join(30)
    assert sorted(embed.batches[1]) == sorted(questions)
    assert index.query_vector(questions[0]) == SINGLE.embed_query(questions[0])
