"""``whodid export --min-confidence``: every format sees only the events at or above a confidence.

An event's ``confidence`` is the calibrated probability that it is right (type,
actor and recipient; see ``whodid.events.confidence``). ``restrict`` puts temporary
views over the export's connection, named like the tables they filter, so every
exporter (tables, GDELT, PLOVER, a plugin's) reads the same trusted events
without knowing about the filter:

- ``events``: the events with ``confidence >= MIN``;
- ``event_cluster_mentions``: the mentions of those events;
- ``event_clusters``: the clusters with at least one such mention, their counts
  (mentions, articles, sources, stories, and the ``happened_*`` ones) and
  first/last seen recomputed from those mentions only.

The ``analyses`` table keeps each article's whole JSON, every event in it.
"""

from __future__ import annotations

import duckdb

FILTERED = ("events", "event_cluster_mentions", "event_clusters")
# the stored tables each view reads
_NEEDS = {"events": {"events"}, "event_cluster_mentions": {"event_cluster_mentions", "events"},
          "event_clusters": {"event_clusters", "event_cluster_mentions", "events", "articles", "stories"}}


def needs(tables) -> set[str]:
    """The stored tables the views over ``tables`` read (to hold them in a PostgreSQL export's copy)."""
    return set().union(*(_NEEDS.get(t, set()) for t in tables))


def release(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the views, so the stored tables are themselves again (before copying into them)."""
    for table in FILTERED:
        con.execute(f"DROP VIEW IF EXISTS temp.main.{table}")


def _base(con: duckdb.DuckDBPyConnection) -> str:
    """The stored tables' catalog and schema, so a view can read the table it shadows."""
    name = con.execute("SELECT current_database()").fetchone()[0]
    return '"' + name.replace('"', '""') + '".main'


def _has(con: duckdb.DuckDBPyConnection, base: str, table: str) -> bool:
    try:
        con.execute(f"SELECT 1 FROM {base}.{table} LIMIT 0")
        return True
    except duckdb.Error:
        return False


def left_out(con: duckdb.DuckDBPyConnection, min_confidence: float) -> tuple[int, int]:
    """(events below ``min_confidence``, all events) in the stored ``events`` table."""
    base = _base(con)
    low, total = con.execute(f"SELECT count(*) FILTER (WHERE coalesce(confidence, 0) < ?), count(*) "
                             f"FROM {base}.events", [min_confidence]).fetchone()
    return int(low), int(total)


def restrict(con: duckdb.DuckDBPyConnection, min_confidence: float, tables=FILTERED) -> None:
    """Shadow those of ``events``, ``event_cluster_mentions`` and ``event_clusters`` that are in
    ``tables`` by views of the events at or above ``min_confidence`` (nothing to do at 0). The
    tables ``needs(tables)`` names must be on ``con``."""
    if min_confidence <= 0:
        return
    m = repr(float(min_confidence))  # a float's repr: a plain SQL number
    base = _base(con)
    tables = set(tables)
    if "events" in tables:
        con.execute(f"CREATE OR REPLACE TEMP VIEW events AS SELECT * FROM {base}.events WHERE confidence >= {m}")
    if not _has(con, base, "event_cluster_mentions"):
        return  # a database from before event clusters
    trusted = (f"EXISTS (SELECT 1 FROM {base}.events e WHERE e.article_sha1 = x.article_sha1 "
               f"AND e.idx = x.event_idx AND e.confidence >= {m})")
    if "event_cluster_mentions" in tables:
        con.execute(f"CREATE OR REPLACE TEMP VIEW event_cluster_mentions AS "
                    f"SELECT x.* FROM {base}.event_cluster_mentions x WHERE {trusted}")
    if "event_clusters" not in tables:
        return
    stories = (f"LEFT JOIN {base}.stories st ON st.article_sha1 = x.article_sha1"
               if _has(con, base, "stories") else "")
    story = "coalesce(st.story_id, x.article_sha1)" if stories else "x.article_sha1"
    con.execute(f"""
        CREATE OR REPLACE TEMP VIEW event_clusters AS
        SELECT c.* REPLACE (s.num_mentions AS num_mentions, s.num_articles AS num_articles,
                            s.num_sources AS num_sources, s.num_stories AS num_stories,
                            s.happened_mentions AS happened_mentions, s.happened_articles AS happened_articles,
                            s.happened_sources AS happened_sources, s.happened_stories AS happened_stories,
                            s.first_seen AS first_seen, s.last_seen AS last_seen)
        FROM {base}.event_clusters c JOIN (
            SELECT x.cluster_id,
                   CAST(count(*) AS INTEGER) AS num_mentions,
                   CAST(count(DISTINCT x.article_sha1) AS INTEGER) AS num_articles,
                   CAST(count(DISTINCT x.source) AS INTEGER) AS num_sources,
                   CAST(count(DISTINCT {story}) AS INTEGER) AS num_stories,
                   CAST(count(*) FILTER (WHERE x.happened) AS INTEGER) AS happened_mentions,
                   CAST(count(DISTINCT CASE WHEN x.happened THEN x.article_sha1 END) AS INTEGER) AS happened_articles,
                   CAST(count(DISTINCT CASE WHEN x.happened THEN x.source END) AS INTEGER) AS happened_sources,
                   CAST(count(DISTINCT CASE WHEN x.happened THEN {story} END) AS INTEGER) AS happened_stories,
                   min(a.ingested_at) AS first_seen, max(a.ingested_at) AS last_seen
            FROM {base}.event_cluster_mentions x JOIN {base}.articles a ON a.sha1 = x.article_sha1 {stories}
            WHERE {trusted}
            GROUP BY x.cluster_id) s ON s.cluster_id = c.cluster_id""")
