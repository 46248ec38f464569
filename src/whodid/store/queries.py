"""Canned summaries for ``whodid query --summary NAME``: plain SQL over the schema.

Registered as a plugin (entry point ``whodid`` -> this module), so a plugin package
adds its own summaries the same way; ``summaries()`` gives all of them.
"""

from __future__ import annotations

from whodid import plugins
from whodid.store.corpus_checks import CONFLICTING_EVENT_REPORTS_SQL, CONFLICTING_QUOTES_SQL

SUMMARIES: dict[str, tuple[str, str]] = {
    "overview": ("rows in each table", """
        SELECT 'articles' AS "table", count(*) AS "rows" FROM articles
        UNION ALL SELECT 'actors', count(*) FROM actors
        UNION ALL SELECT 'mentions', count(*) FROM mentions
        UNION ALL SELECT 'quotes', count(*) FROM quotes
        UNION ALL SELECT 'events', count(*) FROM events
        UNION ALL SELECT 'places', count(*) FROM places
        UNION ALL SELECT 'dates', count(*) FROM dates
        UNION ALL SELECT 'checks', count(*) FROM checks
        UNION ALL SELECT 'ingest_failures', count(*) FROM ingest_failures
    """),
    "articles": ("the latest articles stored", """
        SELECT a.id, left(a.title, 40) AS title, a.published, a.language,
               CAST(json_extract(n.analysis, '$.meta.sentences') AS INTEGER) AS sentences,
               CAST(json_extract(n.analysis, '$.meta.tokens') AS INTEGER) AS tokens
        FROM articles a JOIN analyses n ON n.article_sha1 = a.sha1
        ORDER BY a.ingested_at DESC, a.id LIMIT 20
    """),
    "stories": ("stories told by more than one article (near-duplicates)", """
        SELECT s.story_id, count(*) AS articles, round(min(s.similarity), 2) AS min_similarity,
               list(a.id ORDER BY a.id) AS article_ids
        FROM stories s JOIN articles a ON a.sha1 = s.article_sha1
        GROUP BY s.story_id HAVING count(*) > 1 ORDER BY articles DESC LIMIT 50
    """),
    "failures": ("inputs that were rejected, by kind and reason", """
        SELECT kind, reason, count(*) AS inputs, min(origin) AS example
        FROM ingest_failures GROUP BY kind, reason ORDER BY inputs DESC LIMIT 50
    """),
    "actors": ("actors with the most mentions", """
        SELECT x.code, x.name, x.kind, count(DISTINCT x.article_sha1) AS articles, count(m.char_start) AS mentions
        FROM actors x LEFT JOIN mentions m USING (article_sha1, actor_id)
        GROUP BY x.code, x.name, x.kind ORDER BY mentions DESC LIMIT 30
    """),
    "events": ("events by PLOVER type and modality", """
        SELECT type, modality, count(*) AS events, count(DISTINCT article_sha1) AS articles,
               round(avg(score), 2) AS mean_score
        FROM events GROUP BY type, modality ORDER BY events DESC
    """),
    "checks": ("checks raised, by kind and severity", """
        SELECT kind, severity, count(*) AS checks, count(DISTINCT article_sha1) AS articles
        FROM checks GROUP BY kind, severity ORDER BY checks DESC
    """),
    "conflicting-quotes": ("the same quote attributed to different speakers in different articles",
                           CONFLICTING_QUOTES_SQL),
    "conflicting-event-reports": ("copies of one story that give the same event different dates or places",
                                  CONFLICTING_EVENT_REPORTS_SQL),
    "event-clusters": ("events reported by the most articles (one event, many reports)", """
        SELECT cluster_id, type, cameo, actor_key AS actor, recipient_key AS recipient,
               CAST(event_date AS VARCHAR) AS date, place, num_articles AS articles, num_sources AS sources,
               num_stories AS stories, num_mentions AS mentions, happened_articles
        FROM event_clusters ORDER BY num_articles DESC, num_mentions DESC, cluster_id LIMIT 30
    """),
}


@plugins.hookimpl
def whodid_summaries() -> dict[str, tuple[str, str]]:
    return SUMMARIES


def summaries() -> dict[str, tuple[str, str]]:
    """whodid's summaries and the installed plugins' ones (a plugin's name wins)."""
    return {**SUMMARIES, **plugins.summaries()}
