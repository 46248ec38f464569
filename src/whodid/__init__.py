"""whodid: who did what to whom, when and where, who said what, from news text.

    >>> import whodid
    >>> analysis = whodid.analyze("Putin met Macron in Moscow on Friday.", published="2022-02-07")
    >>> analysis.article.published
    '2022-02-07'

As pandas DataFrames (``pip install "whodid[pandas]"``, see ``whodid.frames``)::

    >>> events = whodid.read_events("whodid.duckdb")
    >>> events = whodid.analyze_frame(["Putin met Macron in Moscow on Friday."], published="2022-02-07")
"""

from __future__ import annotations

from whodid.model import Analysis, Article
from whodid.version import __version__


def analyze(text: str, published: str | None = None, title: str | None = None, **meta: str | None) -> Analysis:
    """Analyse one English article. Loads the pipeline on first call, then reuses it.

    Raises ValueError for empty or non-English text.
    """
    from whodid.ingest import Rejected, article_from_text, check_language
    from whodid.pipeline import default_pipeline

    record = check_language(article_from_text(text, "<text>", published=published, title=title, **meta))
    if isinstance(record, Rejected):
        raise ValueError(record.reason)
    _, analysis = next(default_pipeline().analyze_records([record]))
    return analysis


def read_events(db="whodid.duckdb", min_confidence=None):
    """A whodid database's events as a typed pandas DataFrame (``whodid.frames.read_events``)."""
    from whodid import frames

    return frames.read_events(db, *([] if min_confidence is None else [min_confidence]))


def analyze_frame(texts, **options):
    """The events of texts as a typed pandas DataFrame (``whodid.frames.analyze_frame``)."""
    from whodid import frames

    return frames.analyze_frame(texts, **options)


__all__ = ["analyze", "analyze_frame", "read_events", "Analysis", "Article", "__version__"]
