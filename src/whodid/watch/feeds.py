"""RSS and Atom feeds to items, with feedparser."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser


class FeedError(ValueError):
    """A feed document that holds no usable items."""


@dataclass
class FeedItem:
    url: str
    title: str | None
    published: str | None  # ISO 8601 when the feed gives a date
    summary: str | None


@dataclass
class Feed:
    title: str | None
    items: list[FeedItem]
    problem: str | None  # set when the feed is malformed but still yielded items


# what feedparser flags about HTTP headers or encodings, not about the document's structure
BENIGN = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


def parse_feed(content: bytes, url: str, content_type: str | None = None) -> Feed:
    """Items of an RSS or Atom document; FeedError when it is not a feed at all."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(content, response_headers=headers)
    problem = None
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), BENIGN):
        problem = f"malformed feed ({_describe(parsed.get('bozo_exception'))})"
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        items.append(FeedItem(url=link, title=entry.get("title"), published=_iso(entry),
                              summary=entry.get("summary")))
    if not items and problem:
        raise FeedError(problem)
    if not items and not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed (no channel or feed element)")
    return Feed(title=parsed.feed.get("title"), items=items, problem=problem)


def _iso(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", value)
    return None


def _describe(exc) -> str:
    text = str(exc).strip() if exc else ""
    return f"{type(exc).__name__}: {text}" if exc and text else (type(exc).__name__ if exc else "unknown problem")
