"""One event, many reports: link stored events across articles into event clusters.

Events from different articles with the same PLOVER type, the same actor and
recipient codes, the same place (or both unplaced) and dates within a window
(default one day either side) are one real-world event: one ``event_clusters``
row that keeps every mention in ``event_cluster_mentions`` (article, sentence
and trigger offsets, modality) and counts mentions, articles, sources and
stories over the whole database, as GDELT's NumMentions/NumArticles/NumSources
do for its first 15 minutes.

Linking is incremental and idempotent: ``link_events`` links every stored event
not linked yet (new articles join existing clusters), and an event already
linked is never linked again. A crash between storing a batch and linking it is
healed by ``link_pending``, which links the articles still marked in
``unlinked_articles``.

Negated, hypothetical, conditional and future events stay linked with their
modality, but only asserted and historical ones count in the ``happened_*``
columns (what the reports say took place).

Matching rules, so an analyst can predict them:
- the date is the event's own date; an undated event takes its article's
  publication day (as GDELT does); a day matches a cluster within the window,
  a month or a year only the same month or year;
- an event with neither actor, recipient nor place codes stays alone: "someone
  did something" on the same day in two articles is not evidence of one event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

import json
from types import SimpleNamespace

import duckdb

from whodid.model import Analysis, Event
from whodid.store.dialect import postgres_type
from whodid.store import summaries
from whodid.store.summaries import table_exists

HAPPENED = ("asserted", "historical")
DEFAULT_WINDOW_DAYS = 1
LINK_LOCK = 0x77686F646965  # the PostgreSQL advisory lock that serialises linking (migrations use ...64)
CHUNK = 500  # articles per read while linking, so a backfill of a large database stays in memory
# ingest order; an article without a timestamp (inserted by hand) sorts first
_SEEN = "coalesce(a.ingested_at, TIMESTAMP '1970-01-01 00:00:00')"


@dataclass
class _Key:
    match_key: str
    day: date | None
    precision: str


def link_events(con: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_WINDOW_DAYS,
                articles: list[str] | None = None) -> int:
    """Link every stored event that is not in a cluster yet (of ``articles``, by sha1, when given: a
    batch just stored, without scanning the whole database); returns how many were linked.

    Reads the unlinked in pages of ``CHUNK`` articles, in ingest order, each page after the last: an
    article whose events cannot be linked (its stored JSON lacks them) is passed, not read again."""
    postgres = not isinstance(con, duckdb.DuckDBPyConnection)
    only = "" if articles is None else "AND a.sha1 IN (SELECT unnest(?::VARCHAR[]))"
    linked, after = 0, None
    while True:
        params = [] if articles is None else [list(articles)]
        page = ""
        if after is not None:
            page = f"AND ({_SEEN} > ? OR ({_SEEN} = ? AND a.sha1 > ?))"
            params += [after[0], after[0], after[1]]
        con.execute("BEGIN TRANSACTION")
        try:
            if postgres:
                # several writers may share a PostgreSQL database: one links at a time, and
                # reads what is still unlinked only once it holds the lock
                con.execute(f"SELECT pg_advisory_xact_lock({LINK_LOCK})")
            rows = con.execute(f"""
                SELECT a.sha1, a.published, a.source, a.url, n.analysis, {_SEEN} AS seen
                FROM articles a JOIN analyses n ON n.article_sha1 = a.sha1
                WHERE EXISTS (SELECT 1 FROM events e WHERE e.article_sha1 = a.sha1 AND NOT EXISTS (
                    SELECT 1 FROM event_cluster_mentions m
                    WHERE m.article_sha1 = e.article_sha1 AND m.event_idx = e.idx)) {only} {page}
                ORDER BY seen, a.sha1 LIMIT {CHUNK}""", params or None).fetchall()
            if rows:
                linked += _link_articles(con, rows, window_days)
            # the page's articles are linked as far as their stored analyses allow; after the last
            # page, so are the given articles that have no events to link
            _linked(con, [r[0] for r in rows] if rows else articles)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        if not rows:
            return linked
        after = rows[-1][-1], rows[-1][0]


def link_pending(con: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_WINDOW_DAYS) -> int:
    """Link the events of articles stored but not linked yet (a crash between the write and the
    linking). ``Store.write`` marks each article it stores in ``unlinked_articles`` in the same
    transaction and linking removes the mark, so this reads that small table, not every event."""
    pending = [sha for (sha,) in con.execute("SELECT article_sha1 FROM unlinked_articles").fetchall()]
    return link_events(con, window_days, pending) if pending else 0


def _linked(con, shas: list[str] | None) -> None:
    if shas:
        con.execute("DELETE FROM unlinked_articles WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))",
                    [list(shas)])


def _link_articles(con: duckdb.DuckDBPyConnection, rows: list[tuple], window_days: int) -> int:
    shas = [r[0] for r in rows]
    done = {(s, i) for s, i in con.execute(
        "SELECT article_sha1, event_idx FROM event_cluster_mentions "
        "WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))", [shas]).fetchall()}
    items = []  # (sha, idx, event, analysis, key, source)
    for sha, published, source, url, analysis_json, _ in rows:
        analysis = read_analysis(analysis_json)
        for idx, event in enumerate(analysis.events):
            if (sha, idx) not in done:
                key = _key(event, analysis, published, sha, idx)
                items.append((sha, idx, event, analysis, key, _source(source, url)))
    if not items:
        return 0

    # candidate clusters for every key in this chunk, in one query
    clusters: dict[str, list[tuple[int, date | None]]] = defaultdict(list)
    for cid, mkey, day in con.execute(
            "SELECT cluster_id, match_key, event_date FROM event_clusters "
            "WHERE match_key IN (SELECT unnest(?::VARCHAR[])) ORDER BY cluster_id",
            [sorted({k.match_key for *_, k, _ in items})]).fetchall():
        clusters[mkey].append((cid, day))
    next_id = con.execute("SELECT coalesce(max(cluster_id), 0) + 1 FROM event_clusters").fetchone()[0]

    new_clusters, mentions, touched = [], [], set()
    for sha, idx, event, analysis, key, source in items:
        cid = _match(clusters[key.match_key], key, window_days)
        if cid is None:
            cid, next_id = next_id, next_id + 1
            clusters[key.match_key].append((cid, key.day))
            new_clusters.append(_cluster_row(cid, key, event, analysis))
        touched.add(cid)
        mentions.append((sha, idx, cid, event.modality, event.modality in HAPPENED, source,
                         event.sentence.start, event.sentence.end, event.trigger.start, event.trigger.end,
                         _first_start(getattr(event, "actor_mentions", None)),
                         _first_start(getattr(event, "recipient_mentions", None))))
    _insert(con, "event_clusters", CLUSTER_COLUMNS, new_clusters)
    _insert(con, "event_cluster_mentions", MENTION_COLUMNS, mentions)
    _recount(con, sorted(touched))
    _keep_reports(con, [(m[0], m[1], m[2]) for m in mentions], sorted(touched))
    return len(mentions)


def _keep_reports(con, linked: list[tuple[str, int, int]], touched: list[int]) -> None:
    """The summaries' per-event reports (store/summaries.py ``event_reports``), when the database
    has them: the ``linked`` events (sha1, idx, cluster id) added, and every event of the
    ``touched`` clusters given its cluster's new count. (A database without them fills them from
    the clusters on its next summaries refresh.)"""
    if not isinstance(con, duckdb.DuckDBPyConnection) or not table_exists(con, "event_reports"):
        return
    if not summaries.column_exists(con, "event_reports", summaries.LATER_COLUMNS["event_reports"]):
        return  # (made before its event columns: the next refresh makes it anew)
    linked = sorted(linked)
    if linked:  # with the event's row id and columns (summaries.REPORT_COLUMNS), read by key
        sha1s = sorted({sha for sha, _, _ in linked})
        carried = summaries.REPORT_COLUMNS
        # (the articles as a list of values: looked up in the events' primary key index)
        con.execute(f"""INSERT INTO event_reports (article_sha1, idx, cluster_id, {", ".join(c for c, _, _ in carried)})
                        SELECT l.sha, l.idx, l.cid, {", ".join(x for _, _, x in carried)}
                        FROM (SELECT unnest(?::VARCHAR[]) AS sha, unnest(?::INTEGER[]) AS idx,
                                     unnest(?::BIGINT[]) AS cid) l
                        LEFT JOIN (SELECT rowid AS event_rowid, * FROM events
                                   WHERE article_sha1 IN ({", ".join("?" * len(sha1s))})) e
                             ON e.article_sha1 = l.sha AND e.idx = l.idx""",
                    [[r[0] for r in linked], [r[1] for r in linked], [r[2] for r in linked], *sha1s])
    con.execute("""UPDATE event_reports SET reports = c.num_articles FROM event_clusters c
                   WHERE c.cluster_id IN (SELECT unnest(?::BIGINT[])) AND event_reports.cluster_id = c.cluster_id
                         AND event_reports.reports IS DISTINCT FROM c.num_articles""", [touched])


def read_analysis(analysis_json: str) -> Analysis:
    """The stored JSON as attribute-access objects with the Analysis field names.

    Linking and exports only read fields; ``Analysis.from_json`` also rebuilds typed
    dataclasses, about ten times the cost of parsing the JSON (benchmarks/store_roundtrip.py).
    """
    return json.loads(analysis_json, object_hook=lambda d: SimpleNamespace(**d))


def _first_start(mentions) -> int | None:
    return mentions[0].start if mentions else None


def _key(event: Event, analysis: Analysis, published: str | None, sha: str, idx: int) -> _Key:
    actors = {a.id: a for a in analysis.actors}
    actor_key = _codes(event.actor, actors)
    recipient_key = _codes(event.recipient, actors)
    place = _place(event, analysis)
    place_key = (f"gn:{place.geonames_id}" if place and place.geonames_id
                 else (event.place or "").strip().lower())
    day, precision = _day(event, published)
    if not (actor_key or recipient_key or place_key):
        # nobody and nowhere: no evidence that two such reports are one event
        return _Key(f"{event.type}|alone|{sha}|{idx}", day, precision)
    return _Key("|".join((event.type, actor_key, recipient_key, place_key, precision)), day, precision)


def _codes(ids: Iterable[str], actors: dict) -> str:
    """Actors as codes (their name when the KB gave no code), sorted: the same set in any order."""
    keys = set()
    for actor_id in ids:
        actor = actors.get(actor_id)
        if actor is not None:
            keys.add(actor.code or actor.name.lower())
    return ";".join(sorted(keys))


def _place(event: Event, analysis: Analysis):
    if not event.place:
        return None
    return next((p for p in analysis.places if p.name == event.place), None)


def _day(event: Event, published: str | None) -> tuple[date | None, str]:
    value, precision = event.date, event.date_precision
    try:
        if value and precision == "day":
            return date.fromisoformat(value[:10]), "day"
        if value and precision == "month":
            return date.fromisoformat(value[:7] + "-01"), "month"
        if value and precision == "year":
            return date(int(value[:4]), 1, 1), "year"
        if published:
            return date.fromisoformat(published[:10]), "day"
    except ValueError:
        pass
    return None, "none"


def _match(candidates: list[tuple[int, date | None]], key: _Key, window_days: int) -> int | None:
    if key.precision != "day" or key.day is None:
        return next((cid for cid, day in candidates if day == key.day), None)
    near = [(abs((day - key.day).days), cid) for cid, day in candidates
            if day is not None and abs(day - key.day) <= timedelta(days=window_days)]
    return min(near)[1] if near else None


def _source(source: str | None, url: str | None) -> str | None:
    """The publisher: the article's source, else its URL's host (without www.)."""
    if source:
        return source
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _cluster_row(cid: int, key: _Key, event: Event, analysis: Analysis) -> tuple:
    actors = {a.id: a for a in analysis.actors}
    first = _first_coded(event.actor, actors)
    second = _first_coded(event.recipient, actors)
    place = _place(event, analysis)
    parts = key.match_key.split("|")
    actor_key, recipient_key = (parts[1], parts[2]) if parts[1] != "alone" else ("", "")
    place_key = parts[3] if parts[1] != "alone" else ""
    return (cid, key.match_key, event.type, event.cameo, actor_key, recipient_key,
            *_actor_fields(first), *_actor_fields(second),
            key.day, key.precision, place_key, event.place,
            place.geonames_id if place else None, place.lat if place else None, place.lon if place else None,
            place.country if place else None, place.admin1 if place else None, place.feature if place else None,
            event.score, event.quad_class)


def _first_coded(ids: list[str], actors: dict):
    found = [actors[i] for i in ids if i in actors]
    coded = sorted((a for a in found if a.code), key=lambda a: a.code)
    return coded[0] if coded else (found[0] if found else None)


def _actor_fields(actor) -> tuple:
    if actor is None:
        return None, None, None, None
    return actor.code, actor.name, actor.country, actor.sector


CLUSTER_COLUMNS = [
    ("cluster_id", "BIGINT"), ("match_key", "VARCHAR"), ("type", "VARCHAR"), ("cameo", "VARCHAR"),
    ("actor_key", "VARCHAR"), ("recipient_key", "VARCHAR"),
    ("actor_code", "VARCHAR"), ("actor_name", "VARCHAR"), ("actor_country", "VARCHAR"), ("actor_sector", "VARCHAR"),
    ("recipient_code", "VARCHAR"), ("recipient_name", "VARCHAR"), ("recipient_country", "VARCHAR"),
    ("recipient_sector", "VARCHAR"), ("event_date", "DATE"), ("date_precision", "VARCHAR"),
    ("place_key", "VARCHAR"), ("place", "VARCHAR"), ("geonames_id", "BIGINT"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("place_country", "VARCHAR"), ("place_admin1", "VARCHAR"), ("place_feature", "VARCHAR"),
    ("score", "DOUBLE"), ("quad_class", "INTEGER"),
]
MENTION_COLUMNS = [
    ("article_sha1", "VARCHAR"), ("event_idx", "INTEGER"), ("cluster_id", "BIGINT"), ("modality", "VARCHAR"),
    ("happened", "BOOLEAN"), ("source", "VARCHAR"), ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
    ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("actor_start", "INTEGER"),
    ("recipient_start", "INTEGER"),
]


def _insert(con, table: str, columns: list[tuple[str, str]], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(n for n, _ in columns)
    # PostgreSQL spells DOUBLE differently, and psycopg refuses a list mixing int and float
    spell = (lambda tp: tp) if isinstance(con, duckdb.DuckDBPyConnection) else postgres_type
    values = ", ".join(f"unnest(?::{spell(tp)}[])" for _, tp in columns)
    data = [[float(v) if tp == "DOUBLE" and v is not None else v for v in col]
            for (_, tp), col in zip(columns, zip(*rows))]
    con.execute(f"INSERT INTO {table} ({names}) SELECT {values}", data)


def _recount(con: duckdb.DuckDBPyConnection, cluster_ids: list[int]) -> None:
    """Counts of the touched clusters, recomputed from their mentions (never incremented: stays exact)."""
    con.execute("""
        UPDATE event_clusters SET
            num_mentions = s.num_mentions, num_articles = s.num_articles,
            num_sources = s.num_sources, num_stories = s.num_stories,
            happened_mentions = s.happened_mentions, happened_articles = s.happened_articles,
            happened_sources = s.happened_sources, happened_stories = s.happened_stories,
            first_seen = s.first_seen, last_seen = s.last_seen
        FROM (
            SELECT m.cluster_id,
                   count(*) AS num_mentions,
                   count(DISTINCT m.article_sha1) AS num_articles,
                   count(DISTINCT m.source) AS num_sources,
                   count(DISTINCT coalesce(st.story_id, m.article_sha1)) AS num_stories,
                   sum(CASE WHEN m.happened THEN 1 ELSE 0 END) AS happened_mentions,
                   count(DISTINCT CASE WHEN m.happened THEN m.article_sha1 END) AS happened_articles,
                   count(DISTINCT CASE WHEN m.happened THEN m.source END) AS happened_sources,
                   count(DISTINCT CASE WHEN m.happened THEN coalesce(st.story_id, m.article_sha1) END)
                       AS happened_stories,
                   min(a.ingested_at) AS first_seen, max(a.ingested_at) AS last_seen
            FROM event_cluster_mentions m
            JOIN articles a ON a.sha1 = m.article_sha1
            LEFT JOIN stories st ON st.article_sha1 = m.article_sha1
            WHERE m.cluster_id IN (SELECT unnest(?::BIGINT[]))
            GROUP BY m.cluster_id
        ) s
        WHERE event_clusters.cluster_id = s.cluster_id""", [cluster_ids])
