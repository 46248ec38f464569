"""What the watcher has seen, kept in the database so a restart resumes.

``watch_items``: one row per article URL (or file URI) with the hash of what
was read and its outcome; ``watch_feeds``: a feed's ETag / Last-Modified and
its last error.
"""

from __future__ import annotations

import duckdb

DONE = ("stored", "rejected", "gone", "no_text")  # outcomes that are final: never fetched again


class WatchState:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def seen(self, url: str) -> tuple[str | None, str] | None:
        """(content hash, status) of a URL already handled for good, else None."""
        row = self.con.execute("SELECT content_sha1, status FROM watch_items WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row and row[1] in DONE else None

    def content_seen(self, content_sha1: str) -> str | None:
        row = self.con.execute("SELECT url FROM watch_items WHERE content_sha1 = ? AND status = 'stored' LIMIT 1",
                               [content_sha1]).fetchone()
        return row[0] if row else None

    def mark(self, url: str, feed: str, status: str, content_sha1: str | None = None,
             article_sha1: str | None = None) -> None:
        self.con.execute("DELETE FROM watch_items WHERE url = ?", [url])
        self.con.execute("INSERT INTO watch_items (url, feed, content_sha1, article_sha1, status, fetched_at) "
                         "VALUES (?, ?, ?, ?, ?, current_timestamp)", [url, feed, content_sha1, article_sha1, status])

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, last_modified FROM watch_feeds WHERE feed = ?", [feed]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def feed_ok(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        failures = 0
        self._upsert_feed(feed, etag, last_modified, None, failures, ok=True)

    def feed_failed(self, feed: str, error: str) -> int:
        """Record the error; returns how many polls in a row have failed."""
        row = self.con.execute("SELECT etag, last_modified, consecutive_failures FROM watch_feeds WHERE feed = ?",
                               [feed]).fetchone()
        etag, modified, failures = row if row else (None, None, 0)
        self._upsert_feed(feed, etag, modified, error, failures + 1, ok=False)
        return failures + 1

    def _upsert_feed(self, feed, etag, modified, error, failures, ok: bool) -> None:
        last_ok = self.con.execute("SELECT last_ok FROM watch_feeds WHERE feed = ?", [feed]).fetchone()
        self.con.execute("DELETE FROM watch_feeds WHERE feed = ?", [feed])
        self.con.execute(
            "INSERT INTO watch_feeds (feed, etag, last_modified, last_polled, last_ok, last_error, consecutive_failures) "
            f"VALUES (?, ?, ?, current_timestamp, {'current_timestamp' if ok else '?'}, ?, ?)",
            [feed, etag, modified] + ([] if ok else [last_ok[0] if last_ok else None]) + [error, failures])
