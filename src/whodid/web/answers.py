"""Answers that depend only on the stored data (counts, facets, the network, the map's places, a
pair's timeline, the ids an actor query names), kept until the data changes.

The key of every answer starts with the database's write state, ``generation``: the number of
writes this app has made. No other process can change the file meanwhile: DuckDB lets one
process hold a file for writing, and none while others hold it read-only, so a database served
read-only keeps generation 0 for the server's life, and one served read-write changes only
through ``Database.store``, which moves the generation on (and the old answers age out of the
LRU cache unread). Pages of rows are not kept: they are cheap once their count is.

What ``get`` returns is shared between requests: callers must not change it.

At most ``heavy`` answers are computed at once per process (``HEAVY_AT_ONCE``): a request whose
answer is not kept waits for a slot, while requests for kept answers and those that keep nothing
(/api/health, an article) go by. Twenty cold requests on two cores otherwise all ran at once,
each slowed by the others, and the light ones queued behind them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import LRUCache, cached

T = TypeVar("T")

HEAVY_AT_ONCE = 2  # answers computed at once per process (each DuckDB query uses the cores it may)


class Answers:
    def __init__(self, size: int = 1024, heavy: int = HEAVY_AT_ONCE):
        self._cache: LRUCache = LRUCache(maxsize=size)
        self._slots = threading.BoundedSemaphore(heavy)
        self._holding = threading.local()  # this thread holds a slot (answers computed within one need none)
        # one computation per key at a time: requests asking for an answer being computed wait for
        # it (twenty cold requests for the quotes table would otherwise run its grouping twenty times)
        self._condition = threading.Condition()
        self._compute = cached(self._cache, key=lambda key, compute: key, lock=self._condition,
                               condition=self._condition)(lambda key, compute: compute())
        self.generation = 0

    def changed(self) -> None:
        """The data changed (a write): answers computed before no longer hold."""
        with self._condition:
            self.generation += 1
            self._cache.clear()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept under ``key`` in this write state, computed when there is none. One
        computed during a write is kept under the state before it, which no later request asks for.
        A slot is taken before the computation is claimed, never while waiting for one: the answers
        an answer needs (counts, an actor's ids) are computed within its slot."""
        full = (self.generation, key)
        if getattr(self._holding, "slot", False):
            return self._compute(full, compute)
        with self._condition:
            if full in self._cache:
                return self._cache[full]
        with self._slots:
            self._holding.slot = True
            try:
                return self._compute(full, compute)
            finally:
                self._holding.slot = False


def kept(answers: Answers | None, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` through ``answers`` when there are any (the app), else computed anew."""
    return compute() if answers is None else answers.get(key, compute)
