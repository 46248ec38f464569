"""Answers that depend only on the stored data (counts, facets, the network, the map's places, a
pair's timeline, the ids an actor query names), kept until the data changes.

The key of every answer starts with the database's write state, ``generation``: the number of
writes this app has made. No other process can change the file meanwhile: DuckDB lets one
process hold a file for writing, and none while others hold it read-only, so a database served
read-only keeps generation 0 for the server's life, and one served read-write changes only
through ``Database.store``, which moves the generation on (and the old answers age out of the
LRU cache unread). Pages of rows are not kept: they are cheap once their count is.

What ``get`` returns is shared between requests: callers must not change it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import LRUCache, cached

T = TypeVar("T")


class Answers:
    def __init__(self, size: int = 1024):
        self._cache: LRUCache = LRUCache(maxsize=size)
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

    def known(self, key: Hashable) -> bool:
        """An answer is kept under ``key`` in this write state (it may age out before it is read)."""
        with self._condition:
            return (self.generation, key) in self._cache

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept under ``key`` in this write state, computed when there is none. One
        computed during a write is kept under the state before it, which no later request asks for."""
        return self._compute((self.generation, key), compute)


def kept(answers: Answers | None, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` through ``answers`` when there are any (the app), else computed anew."""
    return compute() if answers is None else answers.get(key, compute)
