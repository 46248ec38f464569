"""What the watcher has seen, kept in the database so a restart resumes.

``watch_items``: one row per article URL (or file URI) with the hash of what
was read and its outcome; ``watch_feeds``: a feed's ETag / Last-Modified and
its last error.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import duckdb

# outcomes that are final: never fetched again ("gave_up": failed for now too many times)
DONE = ("stored", "rejected", "gone", "no_text", "gave_up")
RETRY = "retry"  # failed for now (a 5xx, a time-out, a stage error): tried again from next_try on


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)  # TIMESTAMP columns hold UTC without a zone


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

    def waiting(self, url: str) -> bool:
        """A URL that failed for now and whose next try is not due yet."""
        row = self.con.execute("SELECT next_try FROM watch_items WHERE url = ? AND status = ?", [url, RETRY]).fetchone()
        return bool(row and row[0] is not None and row[0] > _now())

    def failed_for_now(self, url: str, feed: str, title: str | None, published: str | None,
                       max_attempts: int, backoff_seconds: float) -> tuple[int, datetime | None]:
        """Count a failed attempt; returns (attempts so far, when to try next), or (attempts, None)
        once ``max_attempts`` have failed: the URL is then given up for good."""
        row = self.con.execute("SELECT attempts FROM watch_items WHERE url = ? AND status = ?",
                               [url, RETRY]).fetchone()
        attempts = (row[0] or 0) + 1 if row else 1
        gave_up = attempts >= max_attempts
        next_try = None if gave_up else _now() + timedelta(seconds=backoff_seconds * 2 ** (attempts - 1))
        self.con.execute("DELETE FROM watch_items WHERE url = ?", [url])
        self.con.execute("INSERT INTO watch_items (url, feed, status, fetched_at, attempts, next_try, title, published) "
                         "VALUES (?, ?, ?, current_timestamp, ?, ?, ?, ?)",
                         [url, feed, "gave_up" if gave_up else RETRY, attempts, next_try, title, published])
        return attempts, next_try

    def due(self, feed: str) -> list[tuple[str, str | None, str | None]]:
        """(url, title, published) of the feed's items that failed for now and are due for another try."""
        return self.con.execute("SELECT url, title, published FROM watch_items WHERE feed = ? AND status = ? AND "
                                "(next_try IS NULL OR next_try <= ?) ORDER BY url", [feed, RETRY, _now()]).fetchall()
