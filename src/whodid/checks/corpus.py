"""Checks across a corpus: what no single article shows.

``conflicting_quotes``: the same direct quote (compared after lower-casing and
dropping punctuation) attributed to different speakers in different articles of
a whodid database: one of the attributions is likely wrong. Quotes of fewer than
six words are left out: short phrases ("we will not back down") are said by many.

Exposed as ``whodid query --summary conflicting-quotes``; ``conflicting_quotes(con)``
returns the same rows for Python callers.

Not here yet: the same event reported with different dates or places (event
clusters link reports only when their dates already agree).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_WORDS = 6

CONFLICTING_QUOTES_SQL = f"""
WITH q AS (
    -- actor ids are per article: the same person across articles is the same Wikidata id, else the same name
    SELECT q.article_sha1, coalesce(x.name, q.speaker_text, q.speaker) AS speaker_name, q.text,
           coalesce(x.wikidata, lower(coalesce(x.name, q.speaker_text, q.speaker))) AS speaker_key,
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
