"""The web app's hold on one whodid database: a cursor per request, one writer.

DuckDB lets one process write a database file, and a connection must not be
shared between threads; its cursors may. So the app opens the file once
(read-only when publishing, else through ``Store``, which creates and migrates
the schema) and hands every request its own cursor. Writes go through the
Store under a lock, one at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from whodid.model import Analysis
from whodid.store import Store, StoreError, connect_read_only, summaries
from whodid.web.answers import Answers


class Reading:
    """A request's cursor with the app's kept answers (``answers``); otherwise the cursor itself."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, answers: Answers):
        self.cursor = cursor
        self.answers = answers

    def __getattr__(self, name: str):
        return getattr(self.cursor, name)


class ReadOnlyError(RuntimeError):
    """A write asked of a database served read-only."""


class Database:
    def __init__(self, path: str | Path, read_only: bool = False, shared_answers: str | Path | None = None):
        """``shared_answers``: a folder where the processes of one read-only server run share the
        answers they keep (web/answers.py); only when ``read_only``."""
        self.path = Path(path)
        self.read_only = read_only
        self._store: Store | None = None
        if read_only:
            self._con = connect_read_only(self.path)
        else:
            self._store = Store(self.path)
            self._con = self._store.con
        self._write_lock = threading.Lock()
        self._stories = None  # the near-duplicate index, built on the first store
        self.answers = Answers(shared=shared_answers if read_only else None)
        if self._store is not None:  # summaries of a database written by an older whodid, made now
            with self._store.transaction():
                summaries.refresh(self._con)
            summaries.fix_hints(self._con)  # (and the row-id hints of rows summarised in a transaction)

    @contextmanager
    def cursor(self) -> Iterator[Reading]:
        cur = self._con.cursor()
        try:
            yield Reading(cur, self.answers)
        finally:
            cur.close()

    def store(self, analysis: Analysis, origin: str) -> bool:
        """Store one Analysis; False when the same text is stored already."""
        if self._store is None:
            raise ReadOnlyError(f"{self.path} is served read-only (--read-only): nothing can be stored")
        from whodid.store.write import store_analyses
        from whodid.store.near_duplicates import StoryIndex

        with self._write_lock:
            if self._store.stored([analysis.article.text_sha1]):
                return False
            try:
                if self._stories is None:
                    self._stories = StoryIndex(self._store.stories())
                store_analyses(self._store, self._stories, [(analysis, origin)])
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: storing the article failed ({exc})") from exc
            finally:
                self.answers.changed()  # even a failed write may have linked or stored part
        return True

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        else:
            self._con.close()
