"""watch: poll RSS/Atom feeds and folders, and ingest each new article once.

- ``fetch.py``: HTTP GET with a whodid User-Agent, timeouts, retries with
  exponential backoff, conditional requests (ETag / Last-Modified)
- ``feeds.py``: feed bytes to items (feedparser), malformed feeds named as such
- ``state.py``: what was seen (URL and content hash, feed validators), in the
  database, so a restarted watcher goes on where it stopped
- ``poll.py``: one poll of every source, and the polling loop
"""

from whodid.watch.poll import Watcher, is_feed_url

__all__ = ["Watcher", "is_feed_url"]
