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

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import duckdb

from whodid.web.search import actor_ids, words_clause

Cursor = duckdb.DuckDBPyConnection

# When an event has no date of its own, the timeline and the date filters use
# the article's publication date; the API says which one it used (date_basis).
EVENT_DAY = """coalesce(
    try_cast(CASE length(e.date) WHEN 10 THEN e.date WHEN 7 THEN e.date || '-01'
                                 WHEN 4 THEN e.date || '-01-01' END AS DATE),
    try_cast(left(a.published, 10) AS DATE))"""

EVENT_SORTS = {
    "date": f"{EVENT_DAY}",
    "type": "e.type",
    "score": "e.score",
    "modality": "e.modality",
    "article": "a.id",
    "confidence": "e.confidence",
    "reports": "c.num_articles",
    "quad_class": "e.quad_class",
}
ARTICLE_SORTS = {"published": "a.published", "title": "a.title", "id": "a.id", "ingested": "a.ingested_at"}
BUCKETS = {"day": "day", "week": "week", "month": "month"}


def _named(column: str, query: str) -> tuple[str, list[Any]]:
    """``column`` (a list of actor ids) holds an actor the query names (see ``search``)."""
    sql, params = actor_ids(query)
    return f"list_has_any({column}, {sql})", params


def _coded(column: str, prefix: str) -> tuple[str, list[Any]]:
    """``column`` holds an actor whose CAMEO-style code begins with ``prefix`` (USA, USAGOV, IGO...)."""
    return (f"list_has_any({column}, (SELECT coalesce(list(DISTINCT actor_id), []::VARCHAR[]) FROM actors "
            f"WHERE starts_with(upper(code), upper(?))))"), [prefix.strip()]


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
    actor_code: str | None = None  # the actor's code begins with this
    recipient_code: str | None = None
    quad_class: int | None = None  # 1 verbal cooperation .. 4 material conflict
    score_min: float | None = None
    score_max: float | None = None
    has_party: bool = False  # only events with an actor or a recipient
    either_way: bool = False  # actor and recipient match either way round
    date_basis: str | None = None  # "event": dated by the text; "published": by the article's date

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        if self.either_way and self.actor and self.recipient:
            parts = [_named(c, q) for c, q in (("e.actor", self.actor), ("e.recipient", self.recipient),
                                                ("e.actor", self.recipient), ("e.recipient", self.actor))]
            clauses.append(f"(({parts[0][0]} AND {parts[1][0]}) OR ({parts[2][0]} AND {parts[3][0]}))")
            params += [p for part in parts for p in part[1]]
        else:
            for column, value in (("e.actor", self.actor), ("e.recipient", self.recipient)):
                if value:
                    clause, more = _named(column, value)
                    clauses.append(clause)
                    params += more
        for column, value in (("e.actor", self.actor_code), ("e.recipient", self.recipient_code)):
            if value:
                clause, more = _coded(column, value)
                clauses.append(clause)
                params += more
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
        if self.date_basis == "event":
            clauses.append("e.date IS NOT NULL")
        elif self.date_basis == "published":
            clauses.append(f"e.date IS NULL AND {EVENT_DAY} IS NOT NULL")
        elif self.date_basis == "none":
            clauses.append(f"{EVENT_DAY} IS NULL")
        if self.place:
            clauses.append("contains(lower(e.place), lower(?))")
            params.append(self.place)
        if self.article:
            clauses.append("(a.sha1 = ? OR a.id = ?)")
            params += [self.article, self.article]
        if self.min_confidence:
            clauses.append("coalesce(e.confidence, 0) >= ?")
            params.append(float(self.min_confidence))
        if self.quad_class:
            clauses.append("e.quad_class = ?")
            params.append(int(self.quad_class))
        if self.score_min is not None:
            clauses.append("e.score >= ?")
            params.append(float(self.score_min))
        if self.score_max is not None:
            clauses.append("e.score <= ?")
            params.append(float(self.score_max))
        if self.has_party:
            clauses.append("(len(e.actor) > 0 OR len(e.recipient) > 0)")
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
        words, params = words_clause("concat_ws(' ', a.title, a.text)", q)
        where = f"(({words}) OR a.id = ?)"
        params = params + [q]
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
    """The page of events, picked first (filter, sort, limit over events and articles only), then
    joined to its clusters for the report counts: joining a million events to their clusters before
    the limit costs more than the rest of the query."""
    where, params = flt.where()
    way = "DESC" if descending else "ASC"
    by_reports = sort == "reports"
    inner_join = """LEFT JOIN event_cluster_mentions m ON m.article_sha1 = e.article_sha1 AND m.event_idx = e.idx
        LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id""" if by_reports else ""
    total = ", count(*) OVER () AS total" if with_total else ""
    return f"""
        SELECT p.* EXCLUDE (__sort), m.cluster_id, c.num_articles AS reports{total} FROM (
            SELECT a.sha1 AS article_sha1, a.id AS article_id, a.title AS article_title, a.published,
                   e.idx, e.type, e.mode, e.context, e.cameo, e.actor, e.recipient, e.inferred, e.modality,
                   e.reported_by, e.date, e.date_precision, CAST({EVENT_DAY} AS VARCHAR) AS day,
                   CASE WHEN e.date IS NULL THEN 'published' ELSE 'event' END AS date_basis,
                   e.place, e.trigger_text AS trigger, e.trigger_start, e.trigger_end,
                   e.sentence_start, e.sentence_end, e.confidence, e.score, e.quad_class,
                   a.url AS source_url, a.source, {EVENT_SORTS[sort]} AS __sort
            FROM events e JOIN articles a ON a.sha1 = e.article_sha1 {inner_join}
            WHERE {where}
            ORDER BY __sort {way} NULLS LAST, a.id, e.idx LIMIT ? OFFSET ?) p
        LEFT JOIN event_cluster_mentions m ON m.article_sha1 = p.article_sha1 AND m.event_idx = p.idx
        LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id
        ORDER BY p.__sort {way} NULLS LAST, p.article_id, p.idx""", params


def events(cur: Cursor, flt: EventFilter, sort: str, descending: bool, limit: int, offset: int) -> dict[str, Any]:
    # the count apart: a window count over the whole result would keep ORDER BY ... LIMIT from
    # running as a top-N
    sql, params = _events_query(flt, sort, descending, with_total=False)
    cur.execute(sql, params + [limit, offset])
    items = _rows(cur)
    where, params = flt.where()
    total = cur.execute(f"SELECT count(*) FROM events e JOIN articles a ON a.sha1 = e.article_sha1 "
                        f"WHERE {where}", params).fetchone()[0]
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
        ids, more = actor_ids(speaker)
        clauses.append(f"list_contains({ids}, q.speaker)")
        params += more
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


def pair(cur: Cursor, a: str, b: str, bucket: str, date_from: str | None, date_to: str | None,
         min_confidence: float | None = None) -> dict[str, Any]:
    """Events between two actors, either way round, per period (every period from the first to
    the last, empty ones too), with the events that have no date apart and the mix by type and
    quad class. ``bucket`` "auto" picks day, week, month or year by the range."""
    flt = EventFilter(actor=a, recipient=b, either_way=True, date_from=date_from, date_to=date_to,
                      min_confidence=min_confidence)
    where, params = flt.where()
    forward, fparams = _named("e.actor", a)
    forward_r, rparams = _named("e.recipient", b)
    cur.execute(f"""
        SELECT {EVENT_DAY} AS day, e.date IS NULL AS by_publication, e.type, e.quad_class, e.score,
               ({forward} AND {forward_r}) AS forward
        FROM events e JOIN articles a ON a.sha1 = e.article_sha1 WHERE {where}""", fparams + rparams + params)
    events = cur.fetchall()
    dated = [r for r in events if r[0] is not None]
    if bucket == "auto":
        span = (max(r[0] for r in dated) - min(r[0] for r in dated)).days if dated else 0
        bucket = "day" if span <= 92 else "week" if span <= 730 else "month" if span <= 365 * 15 else "year"
    periods: dict[dt.date, dict[str, Any]] = {}
    for day, *_ in dated:
        periods.setdefault(_bucket_start(day, bucket), None)
    rows = []
    if periods:
        start, last = min(periods), max(periods)
        while start <= last:
            nxt = _next_bucket(start, bucket)
            rows.append({"period": start.isoformat(), "end": (nxt - dt.timedelta(days=1)).isoformat(),
                         "events": 0, "a_to_b": 0, "b_to_a": 0, "cooperation": 0, "conflict": 0,
                         "quad_classes": {str(q): 0 for q in range(1, 5)}, "dated_by_publication": 0,
                         "_scores": []})
            start = nxt
    index = {r["period"]: r for r in rows}
    undated = {"events": 0, "a_to_b": 0, "b_to_a": 0, "quad_classes": {str(q): 0 for q in range(1, 5)}}
    mix: dict[str, dict[str, int]] = {}
    quads: dict[str, dict[str, int]] = {str(q): {"a_to_b": 0, "b_to_a": 0} for q in range(1, 5)}
    for day, by_pub, type_, quad, score, fwd in events:
        way = "a_to_b" if fwd else "b_to_a"
        mix.setdefault(type_, {"a_to_b": 0, "b_to_a": 0})[way] += 1
        if quad:
            quads[str(quad)][way] += 1
        row = index[_bucket_start(day, bucket).isoformat()] if day is not None else undated
        row["events"] += 1
        row[way] += 1
        if quad:
            row["quad_classes"][str(quad)] += 1
        if day is not None:
            row["dated_by_publication"] += bool(by_pub)
            row["cooperation"] += bool(score and score > 0)
            row["conflict"] += bool(score and score < 0)
            if score is not None:
                row["_scores"].append(score)
    for row in rows:
        scores = row.pop("_scores")
        row["mean_score"] = round(sum(scores) / len(scores), 2) if scores else None
    return {"a": a, "b": b, "a_ids": _resolved(cur, a), "b_ids": _resolved(cur, b), "bucket": bucket,
            "periods": rows, "events": len(events), "dated": len(dated),
            "dated_by_publication": sum(r["dated_by_publication"] for r in rows), "undated": undated,
            "types": [{"type": t, **n} for t, n in sorted(mix.items(), key=lambda kv: -sum(kv[1].values()))],
            "quad_classes": quads}


def _resolved(cur: Cursor, query: str) -> int:
    sql, params = actor_ids(query)
    return len(cur.execute(f"SELECT {sql}", params).fetchone()[0] or [])


def _bucket_start(day: dt.date, bucket: str) -> dt.date:
    if bucket == "day":
        return day
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next_bucket(start: dt.date, bucket: str) -> dt.date:
    if bucket == "day":
        return start + dt.timedelta(days=1)
    if bucket == "week":
        return start + dt.timedelta(days=7)
    if bucket == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def network(cur: Cursor, min_events: int, limit: int, top: int | None = None,
            min_confidence: float = 0) -> dict[str, Any]:
    """Who acts on whom: one edge per (actor, recipient) with its event count, mean score and
    cooperation/conflict counts; with ``top``, only edges among the ``top`` actors with the most
    events on such edges. Says how many edges and actors there were before the cut."""
    top_clause = "AND source IN (SELECT id FROM deg) AND target IN (SELECT id FROM deg)" if top else ""
    cur.execute(f"""
        WITH edges AS (
            SELECT e.article_sha1, src.id AS source, dst.id AS target, e.score
            FROM events e, unnest(e.actor) AS src(id), unnest(e.recipient) AS dst(id)
            WHERE src.id <> dst.id AND coalesce(e.confidence, 0) >= ?),
        agg AS (SELECT source, target, count(*) AS events, round(avg(score), 2) AS mean_score,
                       count(*) FILTER (WHERE score > 0) AS cooperation, count(*) FILTER (WHERE score < 0) AS conflict
                FROM edges GROUP BY source, target HAVING count(*) >= ?),
        deg AS (SELECT id, sum(events) AS weight FROM (SELECT source AS id, events FROM agg
                                                      UNION ALL SELECT target, events FROM agg)
                GROUP BY id ORDER BY weight DESC, id LIMIT ?)
        SELECT *, (SELECT count(*) FROM agg) AS all_edges,
               (SELECT count(DISTINCT id) FROM (SELECT source AS id FROM agg UNION SELECT target FROM agg)) AS all_actors
        FROM agg WHERE TRUE {top_clause}
        ORDER BY events DESC, source, target LIMIT ?""", [min_confidence, min_events, top or 0, limit])
    edges = _rows(cur)
    all_edges = edges[0]["all_edges"] if edges else 0
    all_actors = edges[0]["all_actors"] if edges else 0
    for edge in edges:
        del edge["all_edges"], edge["all_actors"]
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    weight: dict[str, int] = {}
    for e in edges:
        weight[e["source"]] = weight.get(e["source"], 0) + e["events"]
        weight[e["target"]] = weight.get(e["target"], 0) + e["events"]
    nodes = []
    if ids:
        cur.execute("""SELECT actor_id AS id, any_value(name) AS name, any_value(code) AS code,
                              any_value(kind) AS kind
                       FROM actors WHERE list_contains(?::VARCHAR[], actor_id) GROUP BY actor_id
                       ORDER BY actor_id""", [ids])
        nodes = _rows(cur)
        for node in nodes:
            node["events"] = weight.get(node["id"], 0)
    return {"nodes": nodes, "edges": edges, "all_edges": all_edges, "all_actors": all_actors}


def places(cur: Cursor, limit: int) -> dict[str, Any]:
    """Resolved places with coordinates, with how many events name them."""
    # an event counts for a place when its article names the place and its own place is one of the
    # place's names: joins on (article, key) and (key, name), not a scan of events per place
    cur.execute("""
        WITH pl AS (SELECT coalesce(CAST(geonames_id AS VARCHAR), name) AS key, * FROM places
                    WHERE lat IS NOT NULL AND lon IS NOT NULL),
        p AS (
            SELECT key, any_value(name) AS name, any_value(geonames_id) AS geonames_id, avg(lat) AS lat,
                   avg(lon) AS lon, any_value(country) AS country, count(DISTINCT article_sha1) AS articles
            FROM pl GROUP BY key),
        pk AS (SELECT DISTINCT key, article_sha1 FROM pl),
        pn AS (SELECT DISTINCT key, name FROM pl),
        ev AS (SELECT pk.key, count(DISTINCT (e.article_sha1, e.idx)) AS n
               FROM events e JOIN pk ON pk.article_sha1 = e.article_sha1
               JOIN pn ON pn.key = pk.key AND pn.name = e.place GROUP BY pk.key)
        SELECT p.name, p.geonames_id, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon, p.country, p.articles,
               coalesce(ev.n, 0) AS events
        FROM p LEFT JOIN ev USING (key) ORDER BY events DESC, articles DESC, p.name LIMIT ?""", [limit])
    items = _rows(cur)
    total = cur.execute("""SELECT count(DISTINCT coalesce(CAST(geonames_id AS VARCHAR), name)) FROM places
                           WHERE lat IS NOT NULL AND lon IS NOT NULL""").fetchone()[0]
    return {"items": items, "total": total}


def event_types(cur: Cursor) -> dict[str, list[str]]:
    """The values the filters can take in this database (for the filter menus)."""
    types = [r[0] for r in cur.execute("SELECT DISTINCT type FROM events ORDER BY type").fetchall()]
    modalities = [r[0] for r in cur.execute("SELECT DISTINCT modality FROM events ORDER BY 1").fetchall()]
    return {"types": types, "modalities": modalities}


def event_facets(cur: Cursor, flt: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """The filtered events counted by type, quad class and modality; each count ignores its own
    filter, so the other values stay choosable."""
    out = {}
    for key, column in (("type", "e.type"), ("quad_class", "e.quad_class"), ("modality", "e.modality")):
        where, params = replace(flt, **{key: None}).where()
        cur.execute(f"""SELECT CAST({column} AS VARCHAR) AS value, count(*) AS n
                        FROM events e JOIN articles a ON a.sha1 = e.article_sha1
                        WHERE {where} AND {column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value""", params)
        out[key] = _rows(cur)
    return out
