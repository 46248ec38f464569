"""Checks across a corpus: what no single article shows.

``conflicting_quotes``: the same direct quote (compared after lower-casing and
dropping punctuation) attributed to different speakers in different articles of
a whodid database: one of the attributions is likely wrong. Quotes of fewer than
six words are left out: short phrases ("we will not back down") are said by many.

Exposed as ``whodid query --summary conflicting-quotes``; ``conflicting_quotes(con)``
returns the same rows for Python callers.

``conflicting_event_reports``: copies of one story (near-duplicate articles,
the ``stories`` table) that report the same event (type, actor and recipient
codes, as linked in ``event_clusters``) with different dates or places, as the
texts give them. Only within a story: two different stories may well report
two different meetings of the same pair. Compared per article, as the set of
dates and the set of places it gives that event, so a pair that meets twice in
every copy is not a disagreement. ``whodid query --summary conflicting-event-reports``.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_WORDS = 6

CONFLICTING_QUOTES_SQL = f"""
WITH q AS (
    -- actor ids are per article, and a name the knowledge base does not know is not linked to its full
    -- form: compare speakers by surname ("Mr Blair", "Tony Blair"), so a title is not a second speaker
    SELECT q.article_sha1, coalesce(x.name, q.speaker_text, q.speaker) AS speaker_name, q.text,
           lower(reverse(split_part(reverse(trim(coalesce(x.name, q.speaker_text, q.speaker))), ' ', 1)))
               AS speaker_key,
           q.char_start, q.char_end,
           trim(regexp_replace(lower(q.text), '[^a-z0-9]+', ' ', 'g')) AS norm
    FROM quotes q LEFT JOIN actors x ON x.article_sha1 = q.article_sha1 AND x.actor_id = q.speaker
    WHERE q.kind = 'direct' AND q.speaker IS NOT NULL
)
SELECT min(q.text) AS quote,
       count(DISTINCT q.speaker_key) AS speakers,
       count(DISTINCT q.article_sha1) AS articles,
       array_agg(DISTINCT q.speaker_name ORDER BY q.speaker_name) AS attributed_to,
       array_agg(a.id || ' ' || q.speaker_name || ' ' || q.char_start || '-' || q.char_end
            ORDER BY a.id, q.char_start) AS where_and_who
FROM q JOIN articles a ON a.sha1 = q.article_sha1
WHERE length(q.norm) - length(replace(q.norm, ' ', '')) >= {MIN_WORDS - 1}
GROUP BY q.norm
HAVING count(DISTINCT q.speaker_key) > 1 AND count(DISTINCT q.article_sha1) > 1
ORDER BY articles DESC, quote
LIMIT 200
"""


CONFLICTING_EVENT_REPORTS_SQL = """
WITH r AS (
    SELECT st.story_id, c.type, c.actor_key, c.recipient_key, m.article_sha1, a.id AS article, e.date, e.place
    FROM event_cluster_mentions m
    JOIN event_clusters c ON c.cluster_id = m.cluster_id
    JOIN events e ON e.article_sha1 = m.article_sha1 AND e.idx = m.event_idx
    JOIN stories st ON st.article_sha1 = m.article_sha1
    JOIN articles a ON a.sha1 = m.article_sha1
    WHERE m.happened AND c.actor_key <> '' AND c.recipient_key <> ''
), per_article AS (
    SELECT story_id, type, actor_key, recipient_key, min(article) AS article,
           coalesce(string_agg(DISTINCT date, ' ' ORDER BY date), '') AS dates,
           coalesce(string_agg(DISTINCT place, ' / ' ORDER BY place), '') AS places
    FROM r GROUP BY story_id, type, actor_key, recipient_key, article_sha1
)
SELECT story_id, type, actor_key AS actor, recipient_key AS recipient, count(*) AS articles,
       array_agg(article || ': ' || CASE WHEN dates = '' THEN 'no date' ELSE dates END || '; '
                 || CASE WHEN places = '' THEN 'no place' ELSE places END ORDER BY article) AS reports
FROM per_article
GROUP BY story_id, type, actor_key, recipient_key
HAVING count(*) > 1 AND (count(DISTINCT dates) FILTER (WHERE dates <> '') > 1
                         OR count(DISTINCT places) FILTER (WHERE places <> '') > 1)
ORDER BY articles DESC, story_id, type
LIMIT 200
"""


@dataclass
class QuoteConflict:
    quote: str
    speakers: int
    articles: int
    attributed_to: list[str]
    where_and_who: list[str]  # "article-id speaker start-end", one per attribution

    @property
    def message(self) -> str:
        return (f"the quote “{self.quote[:120]}” is attributed to {' and '.join(self.attributed_to)} "
                f"in {self.articles} articles ({'; '.join(self.where_and_who[:6])})")


def conflicting_quotes(con) -> list[QuoteConflict]:
    """Rows of ``CONFLICTING_QUOTES_SQL`` on a DuckDB connection to a whodid database."""
    return [QuoteConflict(*row) for row in con.execute(CONFLICTING_QUOTES_SQL).fetchall()]


@dataclass
class EventReportConflict:
    story_id: str
    type: str
    actor: str
    recipient: str
    articles: int
    reports: list[str]  # "article-id: dates; places", one per copy of the story

    @property
    def message(self) -> str:
        return (f"copies of one story report {self.type} {self.actor} -> {self.recipient} differently: "
                + " | ".join(self.reports[:6]))


def conflicting_event_reports(con) -> list[EventReportConflict]:
    """Rows of ``CONFLICTING_EVENT_REPORTS_SQL`` on a connection to a whodid database."""
    return [EventReportConflict(*row) for row in con.execute(CONFLICTING_EVENT_REPORTS_SQL).fetchall()]
