"""Main text and metadata out of an HTML page, with trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

MIN_WORDS = 5


@dataclass
class ExtractedPage:
    text: str
    title: str | None
    byline: str | None
    published: str | None
    url: str | None
    source: str | None


def extract(html: str | bytes, url: str | None = None) -> ExtractedPage | None:
    """Boilerplate-free article text and metadata; None when the page has no article text."""
    import trafilatura  # imported on first HTML page: it costs 0.3 s of start-up

    # trafilatura logs every page it finds little text in; whodid reports that itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # publication dates only from the page itself, never today's date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    data = doc.as_dict()
    text = (data.get("text") or "").strip()
    # trafilatura falls back to any text it finds; a few words of menu are not an article
    # (words of letters: "Home | News | Sport (c) 2024" is three)
    if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_WORDS:
        return None
    # trafilatura puts one block a line; whodid separates paragraphs with a blank line
    text = re.sub(r"\n+", "\n\n", text)
    return ExtractedPage(
        text=text,
        title=data.get("title") or None,
        byline=data.get("author") or None,
        published=data.get("date") or None,
        url=data.get("url") or url,
        source=data.get("sitename") or None,
    )


def looks_like_html(head: str) -> bool:
    start = head.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in start or "<body" in start
