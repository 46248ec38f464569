"""One poll of every watched source (feeds and folders), and the polling loop.

A source that is down, slow or malformed is logged (one line naming it and the
problem) and skipped until the next poll; the others go on. Seen-state lives in
the database (``state.py``) and is written only after the articles are stored,
so a watcher killed at any point refetches at most what it had not stored yet.
The database is opened for each poll and closed after it, so other processes can
query it between polls.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from whodid import ingest
from whodid.config import PipelineConfig
from whodid.ingest import Record, Rejected
from whodid.ingest import html as html_extract
from whodid.knowledge import Resources
from whodid.store import Store, StoreError, is_postgres
from whodid.store.clusters import DEFAULT_WINDOW_DAYS
from whodid.watch.feeds import FeedError, FeedItem, parse_feed
from whodid.watch.fetch import Fetched, FetchError, Fetcher
from whodid.watch.state import WatchState

log = logging.getLogger("whodid.watch")


def is_feed_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


@dataclass
class PollResult:
    counts: Counter[str] = field(default_factory=Counter)
    failed_sources: list[str] = field(default_factory=list)


class Watcher:
    def __init__(self, sources: Iterable[str], db: str | Path, fetcher: Fetcher | None = None,
                 batch_size: int = 32, merge_window_days: int = DEFAULT_WINDOW_DAYS,
                 config: PipelineConfig | None = None, resources: Resources | None = None):
        self.sources = list(sources)
        for source in self.sources:
            if not is_feed_url(source) and not Path(source).is_dir():
                raise ValueError(f"{source}: not an http(s) feed URL or an existing folder")
        self.db = db if is_postgres(db) else Path(db)  # Path() would fold the // of a URL
        self.fetcher = fetcher or Fetcher()
        self.ingest_options = dict(batch_size=batch_size, config=config, resources=resources,
                                   merge_window_days=merge_window_days)
        self.polls = 0

    def poll(self) -> PollResult:
        """Poll every source once; new articles are analysed and stored."""
        self.polls += 1
        result = PollResult()
        try:
            store = Store(self.db)
        except StoreError as exc:
            log.error("poll %d: %s; skipped, will try again next poll", self.polls, exc)
            result.failed_sources.extend(self.sources)
            return result
        try:
            state = WatchState(store.con)
            for source in self.sources:
                poll_source = self._poll_feed if is_feed_url(source) else self._poll_folder
                before = result.counts.copy()
                try:
                    ok = poll_source(source, store, state, result.counts)
                except Exception as exc:  # a pipeline or database error: the watcher goes on to the next poll
                    log.error("poll %d: %s: %s: %s; will try again next poll", self.polls, source,
                              type(exc).__name__, exc)
                    ok = False
                if not ok:
                    result.failed_sources.append(source)  # its error line is already logged
                    continue
                new = result.counts - before
                log.info("poll %d: %s: %d new articles stored, %d already seen, %d failed", self.polls, source,
                         new["stored"], new["seen"], new["failed"])
        finally:
            store.close()
        return result

    def close(self) -> None:
        self.fetcher.close()

    def run(self, interval: float, once: bool = False, sleep: Callable[[float], None] = time.sleep) -> PollResult:
        while True:
            started = time.monotonic()
            result = self.poll()
            if once:
                return result
            wait = max(0.0, interval - (time.monotonic() - started))
            log.info("next poll in %.0f s", wait)
            sleep(wait)

    # feeds

    def _poll_feed(self, feed_url: str, store: Store, state: WatchState, counts: Counter[str]) -> bool:
        etag, modified = state.validators(feed_url)
        try:
            fetched = self.fetcher.get(feed_url, etag, modified)
        except FetchError as exc:
            return self._feed_failed(state, feed_url, str(exc))
        if fetched.not_modified:
            log.info("feed %s: not modified since the last poll", feed_url)
            state.feed_ok(feed_url, etag, modified)
            return True
        try:
            feed = parse_feed(fetched.content, feed_url, fetched.content_type)
        except FeedError as exc:
            return self._feed_failed(state, feed_url, str(exc))
        if feed.problem:
            log.warning("feed %s: %s; using the %d items that could be read", feed_url, feed.problem, len(feed.items))
        todo: list[tuple[str, Record]] = []
        for item in feed.items:
            if state.seen(item.url):
                counts["seen"] += 1
                continue
            try:
                page = self.fetcher.get(item.url)
            except FetchError as exc:
                counts["failed"] += 1
                log.error("feed %s: article %s: %s%s", feed_url, item.url, exc,
                          "; not tried again" if exc.permanent else "; will try again next poll")
                if exc.permanent:
                    state.mark(item.url, feed_url, "gone")
                continue
            record = _record(page, item)
            if isinstance(record, Rejected):
                counts["failed"] += 1
                log.error("feed %s: article %s: %s", feed_url, item.url, record.reason)
                state.mark(item.url, feed_url, "no_text" if record.kind == "error" else "rejected")
                continue
            todo.append((item.url, record))
        self._ingest([r for _, r in todo], store, counts)
        # seen-state and validators only after the articles are safely stored
        for url, record in todo:
            state.mark(url, feed_url, "stored", record.article.text_sha1, record.article.text_sha1)
        state.feed_ok(feed_url, fetched.etag, fetched.last_modified)
        return True

    def _feed_failed(self, state: WatchState, feed_url: str, problem: str) -> bool:
        failures = state.feed_failed(feed_url, problem)
        log.error("feed %s: %s; skipped this poll (%d failed in a row), will try again next poll",
                  feed_url, problem, failures)
        return False

    # folders

    def _poll_folder(self, folder: str, store: Store, state: WatchState, counts: Counter[str]) -> bool:
        files = sorted(p for p in Path(folder).rglob("*") if p.is_file() and ingest._wanted_in_folder(p))
        todo: list[tuple[str, str, list[Record | Rejected]]] = []
        for file in files:
            uri = file.resolve().as_uri()
            try:
                digest = hashlib.sha1(file.read_bytes()).hexdigest()
            except OSError as exc:
                counts["failed"] += 1
                log.error("folder %s: %s: cannot read (%s); will try again next poll", folder, file, exc)
                continue
            seen = state.seen(uri)
            if seen and seen[0] == digest:
                counts["seen"] += 1
                continue
            todo.append((uri, digest, list(ingest.read([file]))))
        items = [item for _, _, file_items in todo for item in file_items]
        for item in items:
            if isinstance(item, Rejected):
                counts["failed"] += 1
                log.error("folder %s: %s", folder, item)
        self._ingest(items, store, counts)
        for uri, digest, file_items in todo:
            stored = any(isinstance(i, Record) for i in file_items)
            state.mark(uri, folder, "stored" if stored else "rejected", digest)
        return True

    def _ingest(self, items: list[Record | Rejected], store: Store, counts: Counter[str]) -> None:
        from whodid.batch import ingest_items

        if not items:
            return
        outcome = ingest_items(items, store, **self.ingest_options)
        counts["stored"] += outcome.counts["stored"]
        counts["seen"] += outcome.counts["already stored"] + outcome.counts["duplicate"]


def _record(page: Fetched, item: FeedItem) -> Record | Rejected:
    """The article behind a feed item: main text out of its page, metadata from the feed first."""
    host = urlsplit(page.url).hostname or ""
    source = host.removeprefix("www.") or None
    head = page.content[:2048].decode("utf-8", "replace")
    if html_extract.looks_like_html(head):
        extracted = html_extract.extract(page.content, url=page.url)
        if extracted is None:
            return Rejected(item.url, "the page has no extractable article text")
        text, title, byline, published = extracted.text, extracted.title, extracted.byline, extracted.published
    else:
        try:
            text, title, byline, published = page.content.decode("utf-8-sig"), None, None, None
        except UnicodeDecodeError:
            return Rejected(item.url, "the page is neither HTML nor UTF-8 text")
    record = ingest.article_from_text(text, item.url, id=None, title=item.title or title, byline=byline,
                                      url=item.url, source=source, published=item.published or published)
    return ingest.check_language(record)
