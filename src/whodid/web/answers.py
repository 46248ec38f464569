"""Answers that depend only on the stored data (counts, facets, the network, the map's places, a
pair's timeline, the ids an actor query names), kept until the data changes.

The key of every answer starts with the database's write state, ``generation``: the number of
writes this app has made. No other process can change the file meanwhile: DuckDB lets one
process hold a file for writing, and none while others hold it read-only, so a database served
read-only keeps generation 0 for the server's life, and one served read-write changes only
through ``Database.store``, which moves the generation on (and the old answers age out of the
LRU cache unread). Pages of rows are not kept: they are cheap once their count is.

``whodid serve --read-only --workers N`` runs N processes on one file that none of them can
change: they share their answers through a folder (``shared``, made by ``serve`` for the run and
removed after it), one file per answer written atomically (a temporary file renamed), so an answer
one process computed is read, not computed again, by the others; a process computing an answer
holds a lock on it (``fcntl.flock``), and the others asking for it meanwhile wait for it.

What ``get`` returns is shared between requests: callers must not change it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from cachetools import LRUCache, cached

T = TypeVar("T")


class Answers:
    def __init__(self, size: int = 1024, shared: str | Path | None = None):
        self._cache: LRUCache = LRUCache(maxsize=size)
        # one computation per key at a time: requests asking for an answer being computed wait for
        # it (twenty cold requests for the quotes table would otherwise run its grouping twenty times)
        self._condition = threading.Condition()
        self._shared = SharedAnswers(shared) if shared is not None else None
        self._compute = cached(self._cache, key=lambda key, compute: key, lock=self._condition,
                               condition=self._condition)(self._computed)
        self.generation = 0

    def _computed(self, key: Hashable, compute: Callable[[], T]) -> T:
        if self._shared is not None and self.generation == 0:  # (a write: this process's answers only)
            return self._shared.get(key, compute)
        return compute()

    def changed(self) -> None:
        """The data changed (a write): answers computed before no longer hold."""
        with self._condition:
            self.generation += 1
            self._cache.clear()

    def known(self, key: Hashable) -> bool:
        """An answer is kept under ``key`` in this write state (it may age out before it is read)."""
        with self._condition:
            if (self.generation, key) in self._cache:
                return True
            return self._shared is not None and self.generation == 0 and self._shared.known((0, key))

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept under ``key`` in this write state, computed when there is none. One
        computed during a write is kept under the state before it, which no later request asks for."""
        return self._compute((self.generation, key), compute)


def plain(key: Any) -> bool:
    """``key`` is made of strings, numbers, None and tuples of them only: its ``repr`` names it the
    same in every process (an object's may hold its address)."""
    if isinstance(key, tuple):
        return all(plain(k) for k in key)
    return key is None or isinstance(key, (str, int, float, bool))


class SharedAnswers:
    """Answers kept in files under ``folder`` for the processes of one server run reading one
    database that none of them can change (see the module's notes)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def _path(self, key: Hashable) -> Path:
        return self.folder / hashlib.sha1(repr(key).encode("utf-8")).hexdigest()

    def known(self, key: Hashable) -> bool:
        return plain(key) and self._path(key).exists()

    def _read(self, path: Path, key: Hashable) -> tuple[bool, Any]:
        try:
            named, value = pickle.loads(path.read_bytes())
        except FileNotFoundError:
            return False, None
        return named == repr(key), value  # (another key with the same SHA-1: computed here)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if not plain(key):
            return compute()
        import fcntl

        path = self._path(key)
        found, value = self._read(path, key)
        if found:
            return value
        with open(path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # (released when closed, or when its process ends)
            found, value = self._read(path, key)  # (computed by another process while this one waited)
            if found:
                return value
            value = compute()
            part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
            try:
                part.write_bytes(pickle.dumps((repr(key), value), protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(part, path)  # (atomic: a reader finds the whole answer or none)
            except OSError:  # (a full disk: the answer is still this process's)
                part.unlink(missing_ok=True)
            return value


def kept(answers: Answers | None, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` through ``answers`` when there are any (the app), else computed anew."""
    return compute() if answers is None else answers.get(key, compute)
