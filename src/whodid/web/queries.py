"""Read-side queries for the web app: parameterised SQL over the store's tables.

Every value from a request is a bound parameter; the only SQL text chosen from
a request is a sort column or a time bucket, and those are picked from the
fixed tables below, never pasted in. Each function takes a DuckDB cursor (one
per request: a connection is not thread-safe, its cursors are).

An actor in a filter ("USA", "RUSGOV", "Q7747", "Vladimir Putin") matches any
stored actor whose id, CAMEO-style code, country or name equals it (name
case-insensitively); a country therefore matches its government, army and
people too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

Cursor = duckdb.DuckDBPyConnection

# When an event has no date of its own, the timeline and the date filters use
# the article's publication date; the API says which one it used (date_basis).
EVENT_DAY = """coalesce(
    try_cast(CASE length(e.date) WHEN 10 THEN e.date WHEN 7 THEN e.date || '-01'
                                 WHEN 4 THEN e.date || '-01-01' END AS DATE),
    try_cast(left(a.published, 10) AS DATE))"""

ACTOR_MATCH = "(x.actor_id = ? OR x.code = upper(?) OR x.country = upper(?) OR lower(x.name) = lower(?))"

EVENT_SORTS = {
    "date": f"{EVENT_DAY}",
    "type": "e.type",
    "score": "e.score",
    "modality": "e.modality",
    "article": "a.id",
    "confidence": "e.confidence",
}
ARTICLE_SORTS = {"published": "a.published", "title": "a.title", "id": "a.id", "ingested": "a.ingested_at"}
BUCKETS = {"day": "day", "week": "week", "month": "month"}


@dataclass
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    modality: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    place: str | None = None
    article: str | None = None  # article id or sha1
    min_confidence: float | None = None  # events at or above this confidence only

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        for column, value in (("e.actor", self.actor), ("e.recipient", self.recipient)):
            if value:
                clauses.append(f"""EXISTS (SELECT 1 FROM actors x WHERE x.article_sha1 = e.article_sha1
                                   AND list_contains({column}, x.actor_id) AND {ACTOR_MATCH})""")
                params += [value] * 4
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type.upper())
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality.lower())
        if self.date_from:
            clauses.append(f"{EVENT_DAY} >= CAST(? AS DATE)")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{EVENT_DAY} <= CAST(? AS DATE)")
            params.append(self.date_to)
        if self.place:
            clauses.append("contains(lower(e.place), lower(?))")
            params.append(self.place)
        if self.article:
            clauses.append("(a.sha1 = ? OR a.id = ?)")
            params += [self.article, self.article]
        if self.min_confidence:
            clauses.append("coalesce(e.confidence, 0) >= ?")
            params.append(float(self.min_confidence))
        return " AND ".join(clauses), params


def _rows(cur: Cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cur.description or []]
    return [dict(zip(columns, row)) for row in cur.fetchall()]


def health(cur: Cursor) -> dict[str, int]:
    row = cur.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    return {"articles": row[0], "events": row[1]}


def articles(cur: Cursor, q: str | None, sort: str, descending: bool, limit: int, offset: int) -> dict[str, Any]:
    where, params = "TRUE", []
    if q:
        where = "(contains(lower(a.title), lower(?)) OR contains(lower(a.text), lower(?)) OR a.id = ?)"
        params = [q, q, q]
    total = cur.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
    order = f"{ARTICLE_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, a.sha1"
    cur.execute(f"""
        SELECT a.sha1, a.id, a.title, a.byline, a.url, a.source, a.published, a.published_inferred, a.language,
               length(a.text) AS chars,
               (SELECT count(*) FROM events e WHERE e.article_sha1 = a.sha1) AS events,
               (SELECT count(*) FROM quotes q WHERE q.article_sha1 = a.sha1) AS quotes,
               (SELECT count(*) FROM actors x WHERE x.article_sha1 = a.sha1) AS actors
        FROM articles a WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?""", params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": _rows(cur)}


def find_article(cur: Cursor, key: str) -> str | None:
    """The sha1 of the article whose sha1 or id is ``key`` (the latest ingested, if several share the id)."""
    row = cur.execute("""SELECT sha1 FROM articles WHERE sha1 = ? OR id = ?
                         ORDER BY (sha1 = ?) DESC, ingested_at DESC LIMIT 1""", [key, key, key]).fetchone()
    return row[0] if row else None


def analysis(cur: Cursor, sha1: str) -> dict[str, Any] | None:
    row = cur.execute("SELECT analysis FROM analyses WHERE article_sha1 = ?", [sha1]).fetchone()
    return json.loads(row[0]) if row else None


def _actor_names(cur: Cursor, sha1s: list[str]) -> dict[tuple[str, str], dict[str, Any]]:
    if not sha1s:
        return {}
    cur.execute("""SELECT article_sha1, actor_id, name, code FROM actors
                   WHERE list_contains(?::VARCHAR[], article_sha1)""", [sha1s])
    return {(s, i): {"id": i, "name": n, "code": c} for s, i, n, c in cur.fetchall()}


def _events_query(flt: EventFilter, sort: str, descending: bool, with_total: bool) -> tuple[str, list[Any]]:
    where, params = flt.where()
    order = f"{EVENT_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, a.id, e.idx"
    total = ", count(*) OVER () AS total" if with_total else ""
    return f"""
        SELECT a.sha1 AS article_sha1, a.id AS article_id, a.title AS article_title, a.published,
               e.idx, e.type, e.mode, e.context, e.cameo, e.actor, e.recipient, e.inferred, e.modality, e.reported_by,
               e.date, e.date_precision, CAST({EVENT_DAY} AS VARCHAR) AS day,
               CASE WHEN e.date IS NULL THEN 'published' ELSE 'event' END AS date_basis,
               e.place, e.trigger_text AS trigger, e.trigger_start, e.trigger_end,
               e.sentence_start, e.sentence_end, e.confidence, e.score, e.quad_class{total}
        FROM events e JOIN articles a ON a.sha1 = e.article_sha1 WHERE {where}
        ORDER BY {order} LIMIT ? OFFSET ?""", params


def events(cur: Cursor, flt: EventFilter, sort: str, descending: bool, limit: int, offset: int) -> dict[str, Any]:
    sql, params = _events_query(flt, sort, descending, with_total=True)
    cur.execute(sql, params + [limit, offset])
    items = _rows(cur)
    if items:
        total = items[0]["total"]
    else:  # past the last page: the window count has no row to ride on
        where, params = flt.where()
        total = cur.execute(f"SELECT count(*) FROM events e JOIN articles a ON a.sha1 = e.article_sha1 "
                            f"WHERE {where}", params).fetchone()[0]
    for row in items:
        del row["total"]
    _complete_events(cur, items)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def events_stream(cur: Cursor, lookup: Cursor, flt: EventFilter, sort: str, descending: bool, limit: int,
                  batch: int) -> Iterator[dict[str, Any]]:
    """The events ``events`` lists, in its order and shape, fetched ``batch`` rows at a time (for
    downloads too large to hold). The query runs now, so a bad filter value fails before anything is
    sent; ``lookup``, a second cursor, reads each batch's sentences and actor names."""
    sql, params = _events_query(flt, sort, descending, with_total=False)
    cur.execute(sql, params + [limit, 0])
    columns = [d[0] for d in cur.description]

    def rows() -> Iterator[dict[str, Any]]:
        while chunk := cur.fetchmany(batch):
            items = [dict(zip(columns, row)) for row in chunk]
            _complete_events(lookup, items)
            yield from items

    return rows()


def _complete_events(cur: Cursor, items: list[dict[str, Any]]) -> None:
    """Each event row with its sentence's text and its actors' names (for these rows' articles only)."""
    sha1s = sorted({r["article_sha1"] for r in items})
    # list_contains on a bound list: a filtered scan
    texts = dict(cur.execute("SELECT sha1, text FROM articles WHERE list_contains(?::VARCHAR[], sha1)",
                             [sha1s]).fetchall()) if sha1s else {}
    names = _actor_names(cur, sha1s)
    for row in items:
        sha = row["article_sha1"]
        row["sentence"] = texts[sha][row.pop("sentence_start"):row.pop("sentence_end")]
        for key in ("actor", "recipient"):
            row[key] = [names.get((sha, i), {"id": i, "name": i, "code": None}) for i in row[key] or []]
        reporter = row["reported_by"]
        row["reported_by"] = names.get((sha, reporter), {"id": reporter, "name": reporter, "code": None}) \
            if reporter else None


def actors(cur: Cursor, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, params = "TRUE", []
    if q:
        where = "(contains(lower(x.name), lower(?)) OR x.code = ? OR x.country = ? OR x.actor_id = ?)"
        params = [q, q.upper(), q.upper(), q]
    # the counts are grouped once per table and joined, not counted per actor in correlated subqueries
    # (which DuckDB runs as a join of every actor with every event on list_contains). (article_sha1,
    # actor_id) is the key of actors, so an actor's rows count its articles.
    cur.execute(f"""
        WITH picked AS (SELECT * FROM actors x WHERE {where}),
        counts AS (
            SELECT actor_id, any_value(name) AS name, any_value(kind) AS kind, any_value(code) AS code,
                   any_value(country) AS country, any_value(wikidata) AS wikidata,
                   list(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles,
                   count(*) AS articles
            FROM picked GROUP BY actor_id),
        m AS (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id),
        as_actor AS (SELECT actor_id, count(*) AS n
                     FROM (SELECT unnest(list_distinct(actor)) AS actor_id FROM events) GROUP BY actor_id),
        as_recipient AS (SELECT actor_id, count(*) AS n
                         FROM (SELECT unnest(list_distinct(recipient)) AS actor_id FROM events) GROUP BY actor_id),
        q AS (SELECT speaker AS actor_id, count(*) AS n FROM quotes GROUP BY speaker)
        SELECT c.*, coalesce(m.n, 0) AS mentions, coalesce(as_actor.n, 0) AS events_as_actor,
               coalesce(as_recipient.n, 0) AS events_as_recipient, coalesce(q.n, 0) AS quotes,
               count(*) OVER () AS total
        FROM counts c LEFT JOIN m USING (actor_id) LEFT JOIN as_actor USING (actor_id)
             LEFT JOIN as_recipient USING (actor_id) LEFT JOIN q USING (actor_id)
        ORDER BY mentions DESC, c.actor_id LIMIT ? OFFSET ?""", params + [limit, offset])
    items = _rows(cur)
    total = items[0].pop("total") if items else 0
    for row in items[1:]:
        row.pop("total")
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def actor(cur: Cursor, actor_id: str) -> dict[str, Any] | None:
    cur.execute("""
        SELECT actor_id, any_value(name) AS name, any_value(kind) AS kind, any_value(code) AS code,
               any_value(country) AS country, any_value(sector) AS sector, any_value(wikidata) AS wikidata,
               list(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles,
               count(DISTINCT article_sha1) AS articles
        FROM actors WHERE actor_id = ? GROUP BY actor_id""", [actor_id])
    rows = _rows(cur)
    if not rows:
        return None
    info = rows[0]
    cur.execute("""SELECT count(*) FILTER (WHERE list_contains(actor, ?)),
                          count(*) FILTER (WHERE list_contains(recipient, ?)),
                          (SELECT count(*) FROM mentions WHERE actor_id = ?)
                   FROM events""", [actor_id, actor_id, actor_id])
    info["events_as_actor"], info["events_as_recipient"], info["mentions"] = cur.fetchone()
    return info


def quotes(cur: Cursor, speaker: str | None, kind: str | None, limit: int, offset: int) -> dict[str, Any]:
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append(f"""EXISTS (SELECT 1 FROM actors x WHERE x.article_sha1 = q.article_sha1
                          AND x.actor_id = q.speaker AND {ACTOR_MATCH})""")
        params += [speaker] * 4
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    base = f"FROM quotes q JOIN articles a ON a.sha1 = q.article_sha1 WHERE {' AND '.join(clauses)}"
    total = cur.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    cur.execute(f"""
        SELECT a.sha1 AS article_sha1, a.id AS article_id, a.title AS article_title, a.published,
               q.idx, q.speaker, (SELECT name FROM actors x WHERE x.article_sha1 = q.article_sha1
                                  AND x.actor_id = q.speaker) AS speaker_name,
               q.speaker_text, q.cue, q.text, q.kind, q.carried_over, q.char_start AS start, q.char_end AS "end"
        {base} ORDER BY a.published DESC NULLS LAST, a.id, q.idx LIMIT ? OFFSET ?""", params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": _rows(cur)}


def pair(cur: Cursor, a: str, b: str, bucket: str, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    """Events between two actors, either way round, per period: counts and mean score."""
    side = f"""EXISTS (SELECT 1 FROM actors x WHERE x.article_sha1 = e.article_sha1
                 AND list_contains(e.{{col}}, x.actor_id) AND {ACTOR_MATCH})"""
    a_to_b = f"({side.format(col='actor')} AND {side.format(col='recipient')})"
    flt = EventFilter(date_from=date_from, date_to=date_to)
    where, params = flt.where()
    cur.execute(f"""
        WITH pairs AS (
            SELECT {EVENT_DAY} AS day, e.score, e.date IS NULL AS undated,
                   {a_to_b} AS forward, {a_to_b} AS backward
            FROM events e JOIN articles a ON a.sha1 = e.article_sha1 WHERE {where})
        SELECT CAST(date_trunc('{BUCKETS[bucket]}', day) AS DATE) AS period,
               count(*) AS events,
               count(*) FILTER (WHERE forward) AS a_to_b,
               count(*) FILTER (WHERE backward) AS b_to_a,
               count(*) FILTER (WHERE score > 0) AS cooperation,
               count(*) FILTER (WHERE score < 0) AS conflict,
               round(avg(score), 2) AS mean_score,
               count(*) FILTER (WHERE undated) AS dated_by_publication
        FROM pairs WHERE (forward OR backward) AND day IS NOT NULL
        GROUP BY period ORDER BY period""",
                [a] * 4 + [b] * 4 + [b] * 4 + [a] * 4 + params)
    rows = _rows(cur)
    for row in rows:
        row["period"] = row["period"].isoformat()
    return {"a": a, "b": b, "bucket": bucket, "periods": rows,
            "events": sum(r["events"] for r in rows)}


def network(cur: Cursor, min_events: int, limit: int) -> dict[str, Any]:
    """Who acts on whom: one edge per (actor, recipient) with its event count and mean score."""
    cur.execute("""
        WITH edges AS (
            SELECT e.article_sha1, src.id AS source, dst.id AS target, e.score
            FROM events e, unnest(e.actor) AS src(id), unnest(e.recipient) AS dst(id)
            WHERE src.id <> dst.id)
        SELECT source, target, count(*) AS events, round(avg(score), 2) AS mean_score
        FROM edges GROUP BY source, target HAVING count(*) >= ?
        ORDER BY events DESC, source, target LIMIT ?""", [min_events, limit])
    edges = _rows(cur)
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = []
    if ids:
        cur.execute("""SELECT actor_id AS id, any_value(name) AS name, any_value(code) AS code,
                              any_value(kind) AS kind
                       FROM actors WHERE list_contains(?::VARCHAR[], actor_id) GROUP BY actor_id
                       ORDER BY actor_id""", [ids])
        nodes = _rows(cur)
    return {"nodes": nodes, "edges": edges}


def places(cur: Cursor, limit: int) -> dict[str, Any]:
    """Resolved places with coordinates, with how many events name them."""
    cur.execute("""
        WITH p AS (
            SELECT coalesce(CAST(geonames_id AS VARCHAR), name) AS key, any_value(name) AS name,
                   any_value(geonames_id) AS geonames_id, avg(lat) AS lat, avg(lon) AS lon,
                   any_value(country) AS country, count(DISTINCT article_sha1) AS articles,
                   list(DISTINCT article_sha1) AS sha1s, list(DISTINCT name) AS names
            FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY key)
        SELECT p.name, p.geonames_id, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon, p.country, p.articles,
               (SELECT count(*) FROM events e WHERE list_contains(p.sha1s, e.article_sha1)
                  AND list_contains(p.names, e.place)) AS events
        FROM p ORDER BY events DESC, articles DESC, p.name LIMIT ?""", [limit])
    return {"items": _rows(cur)}


def event_types(cur: Cursor) -> dict[str, list[str]]:
    """The values the filters can take in this database (for the filter menus)."""
    types = [r[0] for r in cur.execute("SELECT DISTINCT type FROM events ORDER BY type").fetchall()]
    modalities = [r[0] for r in cur.execute("SELECT DISTINCT modality FROM events ORDER BY 1").fetchall()]
    return {"types": types, "modalities": modalities}
