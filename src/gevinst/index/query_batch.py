"""Query vectors for many sessions at once: one batch is embedded at a time, and the questions that arrive while
it runs are embedded together in the next, by whichever of their callers gets there first.

One process serves all sessions (Streamlit threads) and the embedding engine is not known to be thread-safe,
so only one embedding runs at a time. Embedded one by one, twenty concurrent questions queue twenty model calls;
batched, they cost one or two (the numpy e5 engine needs about a third less time per query in a batch of 8:
bench/load.py). There is no waiting window: a lone caller is embedded at once, and a batch is whatever queued
while the previous one ran. Vectors are kept in a small LRU by text, since one answer may look its question up
several times and users repeat questions; a cached text never waits for a running batch."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from itertools import islice

MAX_BATCH = 32  # texts per model call: beyond this the batch waits longer than its share of the saving


class QueryBatcher:
    def __init__(self, embed: Callable[[list[str]], list[list[float]]], cache_size: int) -> None:
        self._embed = embed
        self._cache_size = cache_size
        self._max_batch = max(1, min(MAX_BATCH, cache_size))  # a batch's vectors stay cached for its waiters
        self._cond = threading.Condition()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._pending: dict[str, None] = {}  # texts waiting for the next batch, in arrival order
        self._running: set[str] = set()  # texts of the batch being embedded
        self._busy = False
        self.waiting = 0  # callers waiting for a batch (read by tests and benches)

    def vector(self, text: str) -> list[float]:
        with self._cond:
            while (cached := self._cached(text)) is None and self._busy:
                if text not in self._running:  # registered again after each wake: a failed batch loses nothing
                    self._pending[text] = None
                self.waiting += 1
                self._cond.wait()
                self.waiting -= 1
            if cached is not None:
                return cached
            batch = self._take(text)
        return self._run(batch)[0]

    def _cached(self, text: str) -> list[float] | None:
        vector = self._cache.get(text)
        if vector is not None:
            self._cache.move_to_end(text)
        return vector

    def _take(self, text: str) -> list[str]:
        """The caller's text first, then what queued, up to the batch size; called holding the lock."""
        self._pending.pop(text, None)
        batch = [text, *islice(self._pending, self._max_batch - 1)]
        for queued in batch[1:]:
            del self._pending[queued]
        self._busy, self._running = True, set(batch)
        return batch

    def _run(self, batch: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        try:
            vectors = self._embed(batch)
        finally:  # on failure the caller sees the error; the waiting callers wake, queue again and retry
            with self._cond:
                for text, vector in zip(batch, vectors):
                    self._cache[text] = vector
                    self._cache.move_to_end(text)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
                self._busy, self._running = False, set()
                self._cond.notify_all()
        return vectors
