"""One poll of every watched source (feeds and folders), and the polling loop.

A source that is down, slow or malformed is logged (one line naming it and the
problem) and skipped until the next poll; the others go on. Seen-state lives in
the database (``state.py``) and is written only after the articles are stored,
so a watcher killed at any point refetches at most what it had not stored yet.
An article that fails for now (a 5xx or time-out fetching it, or a pipeline stage
raising on it) is kept in that state too and tried again at later polls, even
when the feed answers 304 and after a restart: after ``item_backoff`` seconds,
then twice that, and so on, until ``item_attempts`` attempts have failed, when the
watcher logs that it gives up on it.
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
                 config: PipelineConfig | None = None, resources: Resources | None = None,
                 item_attempts: int = 6, item_backoff: float = 300.0):
        self.sources = list(sources)
        for source in self.sources:
            if not is_feed_url(source) and not Path(source).is_dir():
                raise ValueError(f"{source}: not an http(s) feed URL or an existing folder")
        self.db = db if is_postgres(db) else Path(db)  # Path() would fold the // of a URL
        self.fetcher = fetcher or Fetcher()
        self.ingest_options = dict(batch_size=batch_size, config=config, resources=resources,
                                   merge_window_days=merge_window_days)
        self.polls = 0
        self.item_attempts, self.item_backoff = item_attempts, item_backoff

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
            self._retry_due(feed_url, [], store, state, counts)  # articles that failed before may be up now
            return self._feed_failed(state, feed_url, str(exc))
        items: list[FeedItem] = []
        if fetched.not_modified:
            log.info("feed %s: not modified since the last poll", feed_url)
        else:
            try:
                feed = parse_feed(fetched.content, feed_url, fetched.content_type)
            except FeedError as exc:
                self._retry_due(feed_url, [], store, state, counts)
                return self._feed_failed(state, feed_url, str(exc))
            if feed.problem:
                log.warning("feed %s: %s; using the %d items that could be read", feed_url, feed.problem,
                            len(feed.items))
            items = feed.items
        self._retry_due(feed_url, items, store, state, counts)
        if fetched.not_modified:
            state.feed_ok(feed_url, etag, modified)
        else:
            state.feed_ok(feed_url, fetched.etag, fetched.last_modified)
        return True

    def _retry_due(self, feed_url: str, items: list[FeedItem], store: Store, state: WatchState,
                   counts: Counter[str]) -> None:
        """Fetch and store the feed's new items and its earlier failures that are due for another try."""
        listed = {item.url for item in items}
        again = [FeedItem(url, title, published, None) for url, title, published in state.due(feed_url)
                 if url not in listed]
        if again:
            log.info("feed %s: trying %d article(s) that failed before again", feed_url, len(again))
        todo: list[tuple[FeedItem, Record]] = []
        for item in items + again:
            if state.seen(item.url):
                counts["seen"] += 1
                continue
            if state.waiting(item.url):
                counts["waiting"] += 1  # failed before; its next try is not due yet
                continue
            try:
                page = self.fetcher.get(item.url)
            except FetchError as exc:
                counts["failed"] += 1
                if exc.permanent:
                    log.error("feed %s: article %s: %s; not tried again", feed_url, item.url, exc)
                    state.mark(item.url, feed_url, "gone")
                else:
                    self._failed_for_now(state, feed_url, item, str(exc))
                continue
            record = _record(page, item)
            if isinstance(record, Rejected):
                counts["failed"] += 1
                log.error("feed %s: article %s: %s", feed_url, item.url, record.reason)
                state.mark(item.url, feed_url, "no_text" if record.kind == "error" else "rejected")
                continue
            todo.append((item, record))
        outcome = self._ingest([r for _, r in todo], store, counts)
        failed = {r.origin: r.reason for r in outcome.failures} if outcome else {}
        # seen-state only after the articles are safely stored
        for item, record in todo:
            if item.url in failed:
                counts["failed"] += 1
                self._failed_for_now(state, feed_url, item, failed[item.url])
            else:
                state.mark(item.url, feed_url, "stored", record.article.text_sha1, record.article.text_sha1)

    def _failed_for_now(self, state: WatchState, feed_url: str, item: FeedItem, problem: str) -> None:
        attempts, next_try = state.failed_for_now(item.url, feed_url, item.title, item.published,
                                                  self.item_attempts, self.item_backoff)
        if next_try is None:
            log.error("%s: article %s: %s; giving up after %d attempts", feed_url, item.url, problem, attempts)
        else:
            log.error("%s: article %s: %s; will try again at a poll after %s UTC (attempt %d of %d)", feed_url,
                      item.url, problem, next_try.isoformat(timespec="seconds"), attempts, self.item_attempts)

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
            if state.waiting(uri):
                counts["waiting"] += 1  # a stage failed on it; its next try is not due yet
                continue
            todo.append((uri, digest, list(ingest.read([file]))))
        items = [item for _, _, file_items in todo for item in file_items]
        for item in items:
            if isinstance(item, Rejected):
                counts["failed"] += 1
                log.error("folder %s: %s", folder, item)
        outcome = self._ingest(items, store, counts)
        failed = {r.origin: r.reason for r in outcome.failures} if outcome else {}
        for uri, digest, file_items in todo:
            problems = [failed[i.origin] for i in file_items if isinstance(i, Record) and i.origin in failed]
            if problems:  # a stage failed on an article of this file: the file is read again later
                counts["failed"] += len(problems)
                self._failed_for_now(state, folder, FeedItem(uri, None, None, None), problems[0])
                continue
            stored = any(isinstance(i, Record) for i in file_items)
            state.mark(uri, folder, "stored" if stored else "rejected", digest)
        return True

    def _ingest(self, items: list[Record | Rejected], store: Store, counts: Counter[str]):
        from whodid.batch import ingest_items

        if not items:
            return None
        outcome = ingest_items(items, store, **self.ingest_options)
        counts["stored"] += outcome.counts["stored"]
        counts["seen"] += outcome.counts["already stored"] + outcome.counts["duplicate"]
        return outcome


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
