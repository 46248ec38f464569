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
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate
from dataclasses import dataclass, field, fields, replace
from typing import Any

import duckdb

from whodid.web import search
from whodid.web.answers import Answers, kept
from whodid.web.search import actor_ids, words_clause

Cursor = duckdb.DuckDBPyConnection

# When an event has no date of its own, the timeline and the date filters use the article's
# publication date (the events' ``day``, written at ingest); the API says which (date_basis).
EVENT_DAY = "e.day"

EVENT_SORTS = {
    "date": EVENT_DAY,
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
FEW_IDS = 4  # an actor filter naming more ids than this is a semi-join, not list_has_any


def _named(column: str, query: str) -> tuple[str, list[Any]]:
    """``column`` (a list of actor ids) holds an actor the query names (see ``search``)."""
    sql, params = actor_ids(query)
    return f"list_has_any({column}, {sql})", params


def _coded(column: str, prefix: str) -> tuple[str, list[Any]]:
    """``column`` holds an actor whose CAMEO-style code begins with ``prefix`` (USA, USAGOV, IGO...)."""
    return (f"list_has_any({column}, (SELECT coalesce(list(DISTINCT actor_id), []::VARCHAR[]) FROM actors "
            f"WHERE starts_with(upper(code), upper(?))))"), [prefix.strip()]


def _answers(cur: Cursor) -> Answers | None:
    """The app's kept answers, when ``cur`` is a request's (``web.database.Reading``)."""
    return getattr(cur, "answers", None)


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
    # the actor ids each actor query and code prefix names, once resolved (``resolved``)
    ids: dict[str, tuple[str, ...]] | None = field(default=None, compare=False)

    def key(self) -> tuple:
        """What the filter asks, as a key for kept answers."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.name != "ids")

    def resolved(self, cur: Cursor) -> EventFilter:
        """This filter with its actor queries and code prefixes resolved to actor ids once (kept
        until the data changes), so its queries bind a list instead of resolving them again."""
        ids = {}
        for key in ("actor", "recipient", "actor_code", "recipient_code"):
            value = getattr(self, key)
            if value:
                ids[key] = tuple(search.coded_ids(cur, value) if key.endswith("_code")
                                 else search.resolve_actor(cur, value))
        return replace(self, ids=ids)

    def _has(self, column: str, key: str) -> tuple[str, list[Any]]:
        value = getattr(self, key)
        if self.ids is not None and key in self.ids:
            ids = list(self.ids[key])
            if not ids:
                return "FALSE", []
            if len(ids) <= FEW_IDS:  # list_contains per id: a third of list_has_any's time
                return "(" + " OR ".join([f"list_contains({column}, ?)"] * len(ids)) + ")", ids
            # list_has_any compares every id with every element of every row (seconds for a country's
            # hundreds of ids at a million events); a semi-join of the unnested lists hashes them once
            return (f"e.rowid IN (SELECT rid FROM (SELECT rowid AS rid, unnest({column.removeprefix('e.')}) AS id "
                    "FROM events) WHERE id IN (SELECT unnest(?::VARCHAR[])))"), [ids]
        return _coded(column, value) if key.endswith("_code") else _named(column, value)

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        if self.either_way and self.actor and self.recipient:
            parts = [self._has(c, k) for c, k in (("e.actor", "actor"), ("e.recipient", "recipient"),
                                                   ("e.actor", "recipient"), ("e.recipient", "actor"))]
            clauses.append(f"(({parts[0][0]} AND {parts[1][0]}) OR ({parts[2][0]} AND {parts[3][0]}))")
            params += [p for part in parts for p in part[1]]
        else:
            for column, key in (("e.actor", "actor"), ("e.recipient", "recipient")):
                if getattr(self, key):
                    clause, more = self._has(column, key)
                    clauses.append(clause)
                    params += more
        for column, key in (("e.actor", "actor_code"), ("e.recipient", "recipient_code")):
            if getattr(self, key):
                clause, more = self._has(column, key)
                clauses.append(clause)
                params += more
        more_clauses, more = self._columns("e.date IS NOT NULL")
        if self.place:
            more_clauses.append("contains(lower(e.place), lower(?))")
            more.append(self.place)
        if self.article:
            # the article's sha1s picked first: the events are filtered without a join to articles
            more_clauses.append("list_contains((SELECT list(sha1) FROM articles WHERE sha1 = ? OR id = ?), "
                                "e.article_sha1)")
            more += [self.article, self.article]
        if self.has_party:
            more_clauses.append("(len(e.actor) > 0 OR len(e.recipient) > 0)")
        return " AND ".join(clauses + more_clauses), params + more

    def _columns(self, dated: str) -> tuple[list[str], list[Any]]:
        """The clauses on the event's own columns (type, modality, day, confidence, quad class,
        score), the ones ``actor_events`` carries too; ``dated``: the event has a date of its own."""
        clauses, params = [], []
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
            clauses.append(dated)
        elif self.date_basis == "published":
            clauses.append(f"NOT ({dated}) AND {EVENT_DAY} IS NOT NULL")
        elif self.date_basis == "none":
            clauses.append(f"{EVENT_DAY} IS NULL")
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
        return clauses, params

    def by_party(self, cur: Cursor, also: tuple[str, list[Any]] = ("TRUE", [])) -> tuple[str, list[Any]] | None:
        """The events this (resolved) filter picks, read from the summaries' per-actor event lists
        (store/summaries.py ``actor_events``) instead of unnesting every event's actor lists: a
        query of one row per event with ``ev``, ``event_rowid``, ``article_sha1``, ``idx``, the
        columns ``actor_events`` carries (``day``, ``dated``, type, modality, quad class, score,
        confidence) and ``act``/``rec``, the bits (``PARTY_BITS``) of the filter's actor queries
        the event's actors and recipients match. None when the filter names no actor or code,
        filters what the lists do not carry (place, article), or the summaries are behind. ``also``:
        one more clause on the carried columns (``e.day``...) and its parameters."""
        keys = [k for k in PARTY_BITS if getattr(self, k)]
        if not keys or self.ids is None or self.place or self.article or not search.summarised(cur):
            return None
        bits: dict[str, int] = {}
        for key in keys:
            for actor_id in self.ids[key]:
                bits[actor_id] = bits.get(actor_id, 0) | PARTY_BITS[key]
        wanted = []
        if self.either_way and self.actor and self.recipient:
            wanted.append("((act & 1 <> 0 AND rec & 2 <> 0) OR (act & 2 <> 0 AND rec & 1 <> 0))")
        else:
            wanted += ["act & 1 <> 0"] * bool(self.actor) + ["rec & 2 <> 0"] * bool(self.recipient)
        wanted += ["act & 4 <> 0"] * bool(self.actor_code) + ["rec & 8 <> 0"] * bool(self.recipient_code)
        # (has_party holds for every event here: each has an actor or a recipient the filter names)
        clauses, params = self._columns("e.dated")
        # a filter on one side only (an actor or actor code, or a recipient or recipient code): the
        # other side's rows set no bit it asks for, so they are left out before the grouping (for an
        # actor's events, most of the rows its ids have are those it receives)
        if not (self.recipient or self.recipient_code):
            clauses.append("e.as_actor")
        elif not (self.actor or self.actor_code):
            clauses.append("NOT e.as_actor")
        clauses.append(also[0])
        params += also[1]
        carried = ", ".join(f"any_value(e.{c}) AS {c}" for c in CARRIED)
        # (joined on the ids' keys, the order actor_events is kept in: DuckDB filters the scan by the
        # keys the join finds, a list of a few or their min/max, and skips the row groups of other codes)
        return f"""
            SELECT e.ev, {carried},
                   bit_or(CASE WHEN e.as_actor THEN q.bits ELSE 0 END) AS act,
                   bit_or(CASE WHEN e.as_actor THEN 0 ELSE q.bits END) AS rec
            FROM actor_events e
            JOIN (SELECT o.sort_key, q.bits
                  FROM (SELECT unnest(?::VARCHAR[]) AS actor_id, unnest(?::INTEGER[]) AS bits) q
                  JOIN actor_order o USING (actor_id)) q USING (sort_key)
            WHERE {' AND '.join(['TRUE', *clauses])}
            GROUP BY e.ev HAVING {' AND '.join(wanted)}""", [list(bits), list(bits.values()), *params]

    def by_pair(self, cur: Cursor) -> tuple[str, list[Any]] | None:
        """For a pair (an actor and a recipient either way round, no code prefix): the events it
        picks, read from the summaries' pairs of an event's actors with its recipients
        (store/summaries.py ``pair_events``), only those of the two actors' ids: one row per event
        with ``day``, ``dated``, type, modality, quad class, score, confidence and ``forward`` (an
        actor of the event is one of ``actor``'s ids and a recipient one of ``recipient``'s). None
        when the filter asks anything else of the parties, or what the pairs do not carry (place,
        article), or the summaries are behind (then ``by_party`` or the tables)."""
        if (not (self.either_way and self.actor and self.recipient) or self.actor_code or self.recipient_code
                or self.ids is None or self.place or self.article or not search.summarised(cur)):
            return None
        bits: dict[str, int] = {}
        for key in ("actor", "recipient"):
            for actor_id in self.ids[key]:
                bits[actor_id] = bits.get(actor_id, 0) | PARTY_BITS[key]
        clauses, params = self._columns("e.dated")
        # (joined on the ids' keys, the order pair_events is kept in, as ``by_party`` joins actor_events:
        # the scan is filtered by the source keys the join finds)
        return f"""
            WITH q AS (SELECT o.sort_key, q.bits
                       FROM (SELECT unnest(?::VARCHAR[]) AS actor_id, unnest(?::INTEGER[]) AS bits) q
                       JOIN actor_order o USING (actor_id))
            SELECT e.ev, any_value(e.day) AS day, any_value(e.dated) AS dated, any_value(e.type) AS type,
                   any_value(e.modality) AS modality, any_value(e.quad_class) AS quad_class,
                   any_value(e.score) AS score, any_value(e.confidence) AS confidence,
                   bool_or(s.bits & 1 <> 0 AND t.bits & 2 <> 0) AS forward
            FROM pair_events e JOIN q s ON s.sort_key = e.source_key JOIN q t ON t.sort_key = e.target_key
            WHERE ((s.bits & 1 <> 0 AND t.bits & 2 <> 0) OR (s.bits & 2 <> 0 AND t.bits & 1 <> 0))
              AND {' AND '.join(['TRUE', *clauses])}
            GROUP BY e.ev""", [list(bits), list(bits.values()), *params]


# the bit of each actor query of a filter, in ``actor_events``' act/rec masks
PARTY_BITS = {"actor": 1, "recipient": 2, "actor_code": 4, "recipient_code": 8}
# the columns of an event ``actor_events`` carries (``EventFilter.by_party``)
CARRIED = ("event_rowid", "article_sha1", "idx", "day", "dated", "type", "modality", "quad_class", "score",
           "confidence")
# the sorts ``by_party`` can give: the columns it carries
CARRIED_SORTS = ("date", "type", "score", "modality", "confidence", "quad_class")


def _rows(cur: Cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cur.description or []]
    return [dict(zip(columns, row)) for row in cur.fetchall()]


def health(cur: Cursor) -> dict[str, int]:
    row = cur.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    return {"articles": row[0], "events": row[1]}


def articles(cur: Cursor, q: str | None, sort: str, descending: bool, limit: int, offset: int) -> dict[str, Any]:
    where, params = "TRUE", []
    if q:
        if search.summarised(cur):  # the summaries' word index: the same articles, texts unread
            words, params = search.indexed_words_clause("a.sha1", "concat_ws(' ', a.title, a.text)", q)
        else:
            words, params = words_clause("concat_ws(' ', a.title, a.text)", q)
        where = f"(({words}) OR a.id = ?)"
        params = params + [q]
    total = cur.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
    order = f"{ARTICLE_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, a.sha1"
    # the page first, then its articles' counts, grouped over these articles only
    cur.execute(f"""
        WITH page AS (
            SELECT a.sha1, a.id, a.title, a.byline, a.url, a.source, a.published, a.published_inferred,
                   a.language, length(a.text) AS chars, {ARTICLE_SORTS[sort]} AS __sort
            FROM articles a WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?),
        ev AS (SELECT article_sha1, count(*) AS n FROM events WHERE article_sha1 IN (SELECT sha1 FROM page) GROUP BY 1),
        qu AS (SELECT article_sha1, count(*) AS n FROM quotes WHERE article_sha1 IN (SELECT sha1 FROM page) GROUP BY 1),
        ac AS (SELECT article_sha1, count(*) AS n FROM actors WHERE article_sha1 IN (SELECT sha1 FROM page) GROUP BY 1)
        SELECT p.* EXCLUDE (__sort), coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes,
               coalesce(ac.n, 0) AS actors
        FROM page p LEFT JOIN ev ON ev.article_sha1 = p.sha1 LEFT JOIN qu ON qu.article_sha1 = p.sha1
        LEFT JOIN ac ON ac.article_sha1 = p.sha1
        ORDER BY p.__sort {'DESC' if descending else 'ASC'} NULLS LAST, p.sha1""", params + [limit, offset])
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


def _events_query(flt: EventFilter, sort: str, descending: bool, also: str = "TRUE",
                  reported: bool = False, kept_reports: bool = False) -> tuple[str, list[Any]]:
    """The page of events, picked from the events table alone (their ``day`` is stored, and an
    article filter picks sha1s first); ``_complete_events`` adds their articles and clusters by
    key: joining a million events to them, even after the limit, cost more than the rest.
    ``reported`` (sorted by reports): only the events reported by two articles or more.
    ``kept_reports``: each event's reports read from the summaries' ``event_reports`` (one row
    per linked event), not from the clusters joined to their mentions."""
    where, params = flt.where()
    way = "DESC" if descending else "ASC"
    inner_join = ""
    if sort == "reports" and kept_reports:
        inner_join = f"""{'' if reported else 'LEFT '}JOIN (
                SELECT article_sha1, idx AS event_idx, reports AS num_articles FROM event_reports
                {'WHERE reports >= 2' if reported else ''}) c ON c.article_sha1 = e.article_sha1 AND c.event_idx = e.idx"""
    elif sort == "reports" and reported:
        inner_join = """JOIN (SELECT m.article_sha1, m.event_idx, c.num_articles FROM event_clusters c
                              JOIN event_cluster_mentions m USING (cluster_id) WHERE c.num_articles >= 2) c
                         ON c.article_sha1 = e.article_sha1 AND c.event_idx = e.idx"""
    elif sort == "reports":
        inner_join = """LEFT JOIN event_cluster_mentions m ON m.article_sha1 = e.article_sha1 AND m.event_idx = e.idx
        LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"""
    elif sort == "article":
        inner_join = "JOIN articles a ON a.sha1 = e.article_sha1"
    return f"""
        SELECT {EVENT_COLUMNS}
        FROM events e {inner_join}
        WHERE {where} AND {also}
        ORDER BY {EVENT_SORTS[sort]} {way} NULLS LAST, e.article_sha1, e.idx LIMIT ? OFFSET ?""", params


def _event_keys_query(flt: EventFilter, sort: str, descending: bool, also: str = "TRUE",
                      reported: bool = False, kept_reports: bool = False) -> tuple[str, list[Any]]:
    """``_events_query``'s page as the events' row ids only: the top-N then carries one number per
    event, not every column of every event it passes. (``also``: a clause without parameters of
    its own, or whose parameters come after the filter's.)"""
    sql, params = _events_query(flt, sort, descending, also, reported, kept_reports)
    return sql.replace(EVENT_COLUMNS, "e.rowid", 1), params


EVENT_COLUMNS = f"""e.article_sha1, e.idx, e.type, e.mode, e.context, e.cameo, e.actor, e.recipient, e.inferred,
               e.modality, e.reported_by, e.date, e.date_precision, CAST({EVENT_DAY} AS VARCHAR) AS day,
               CASE WHEN e.date IS NULL THEN 'published' ELSE 'event' END AS date_basis,
               e.place, e.trigger_text AS trigger, e.trigger_start, e.trigger_end,
               e.sentence_start, e.sentence_end, e.confidence, e.score, e.quad_class"""


def _picked(cur: Cursor, flt: EventFilter) -> tuple[str, list[Any]]:
    """``FROM ... WHERE ...`` of the events ``flt`` picks, as ``e`` with (at least) the columns
    ``actor_events`` carries: from the actors' event lists when the filter allows it, else from the
    events table."""
    party = flt.by_party(cur)
    if party is not None:
        return f"FROM ({party[0]}) e WHERE TRUE", party[1]
    narrow = _narrow(cur, flt)
    if narrow is not None:
        return narrow
    where, params = flt.where()
    return f"FROM events e WHERE {where}", params


def _narrow(cur: Cursor, flt: EventFilter) -> tuple[str, list[Any]] | None:
    """``FROM ... WHERE ...`` of the events ``flt`` picks from the summaries' ``event_days`` (one narrow
    row per event, stored in day order: store/summaries.py), as ``e`` with ``event_rowid``, the key and
    the columns ``actor_events`` carries plus ``party``; None when the filter names an actor, a code, a
    place or an article, or the summaries do not hold every event (``_days_complete``)."""
    carried = _carried_clauses(cur, flt)
    if carried is None or not _days_complete(cur):
        return None
    clauses, params = carried
    return f"FROM event_days e WHERE {' AND '.join(['TRUE', *clauses])}", params


def _carried_clauses(cur: Cursor, flt: EventFilter) -> tuple[list[str], list[Any]] | None:
    """``flt`` as clauses on the filter columns the narrow summaries carry (``event_days``,
    ``event_reports``: store/summaries.py ``REPORT_COLUMNS``), on ``e``; None when the filter names
    an actor, a code, a place or an article, which they do not carry, or the store keeps no summaries."""
    if (flt.actor or flt.recipient or flt.actor_code or flt.recipient_code or flt.place or flt.article
            or not search.summarised(cur)):
        return None
    clauses, params = flt._columns("e.dated")
    if flt.has_party:
        clauses.append("e.party")
    return clauses, params


def _days_complete(cur: Cursor) -> bool:
    """``event_days`` holds a row for every event (the events of an article missing from ``articles``,
    inserted by hand, are never summarised): checked once per write state."""
    return kept(_answers(cur), "event_days.complete", lambda: cur.execute(
        "SELECT (SELECT count(*) FROM events) = (SELECT count(*) FROM event_days)").fetchone()[0])


def event_count(cur: Cursor, flt: EventFilter) -> int:
    """How many events ``flt`` picks (kept until the data changes)."""
    def count() -> int:
        source, params = _picked(cur, flt)
        return cur.execute(f"SELECT count(*) {source}", params).fetchone()[0]

    return kept(_answers(cur), ("events.count", flt.key()), count)


def event_days(cur: Cursor, flt: EventFilter) -> DayCounts:
    """How many events ``flt`` picks on each day (``EVENT_DAY``; None: no day), kept until the data
    changes: one scan per filter, then every page of it sorted by date reads only its own days."""
    def count() -> DayCounts:
        source, params = _picked(cur, flt)
        return DayCounts(cur.execute(f"SELECT {EVENT_DAY} AS day, count(*) {source} GROUP BY 1", params).fetchall())

    return kept(_answers(cur), ("events.days", flt.key()), count)


class DayCounts:
    """A filter's events counted per day, as (day or None, count) pairs (iterating gives them), with
    their ``total`` and, for each direction, the days in page order with the running count to the end
    of each: a page's days are then found by bisection (``window``), not by sorting and walking every
    day (a million events span some 19,000 days: 25-35 ms of Python per page). Kept and shared
    between requests: never changed once made."""

    def __init__(self, days: list[tuple[dt.date | None, int]]):
        self.days = days
        self.total = sum(n for _, n in days)
        self._orders: dict[bool, tuple[list[dt.date | None], list[int]]] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:  # (kept in a file for the other server processes: web/answers.py)
        return {"days": self.days}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["days"])

    def __iter__(self) -> Iterator[tuple[dt.date | None, int]]:
        return iter(self.days)

    def __len__(self) -> int:
        return len(self.days)

    def _ordered(self, descending: bool) -> tuple[list[dt.date | None], list[int]]:
        """The days in page order (``descending``, no day last) and the running count to each day's end."""
        with self._lock:
            if descending not in self._orders:
                dated = sorted((d for d in self.days if d[0] is not None), reverse=descending)
                ordered = dated + [d for d in self.days if d[0] is None]
                self._orders[descending] = ([d for d, _ in ordered], list(accumulate(n for _, n in ordered)))
            return self._orders[descending]

    def window(self, descending: bool, limit: int, offset: int) -> tuple[tuple[str, list[Any]], int] | None:
        """The days that hold rows ``offset`` to ``offset + limit`` of the events sorted by day
        (``descending``, no day last), as a clause on ``EVENT_DAY``, and the page's offset among
        those days' events; None when the page is past the end."""
        days, ends = self._ordered(descending)
        first = bisect_right(ends, offset)  # the first day whose events reach past the offset
        if first >= len(days):
            return None
        last = min(len(days) - 1, max(first, bisect_left(ends, offset + limit)))  # the day that fills the page
        before = ends[first - 1] if first else 0
        clauses, params = [], []
        dated = last if days[last] is not None else last - 1  # the page's last day with a date (no day: last)
        if dated >= first:  # (days in order: the first and last dated ones are the bounds)
            clauses.append(f"{EVENT_DAY} BETWEEN ? AND ?")
            params += sorted([days[first], days[dated]])
        if days[last] is None:  # (no day sorts last)
            clauses.append(f"{EVENT_DAY} IS NULL")
        return ("(" + " OR ".join(clauses) + ")", params), offset - before


def events(cur: Cursor, flt: EventFilter, sort: str, descending: bool, limit: int, offset: int) -> dict[str, Any]:
    """A page of the events ``flt`` picks, with their total; kept until the data changes (what it
    returns is shared: copy before changing it)."""
    return kept(_answers(cur), ("events", flt.key(), sort, descending, limit, offset),
                lambda: _events(cur, flt, sort, descending, limit, offset))


def _events(cur: Cursor, flt: EventFilter, sort: str, descending: bool, limit: int, offset: int) -> dict[str, Any]:
    # the count apart: a window count over the whole result would keep ORDER BY ... LIMIT from
    # running as a top-N
    flt = flt.resolved(cur)
    party = flt.by_party(cur) if sort in CARRIED_SORTS else None
    if party is not None:  # the page picked from the actors' event lists, then its rows read by key
        if sort == "date" and (picked := _party_days_and_keys(cur, flt, party, descending, limit, offset)):
            days, keys = picked
            total = days.total
        elif sort == "date":  # (of the days it spans only, as below)
            days = event_days(cur, flt)
            total = days.total
            window = days.window(descending, limit, offset)
            keys = []
            if window is not None:
                keys = _party_keys(cur, flt.by_party(cur, window[0]), sort, descending, limit, window[1])
        else:
            total = event_count(cur, flt)
            keys = _party_keys(cur, party, sort, descending, limit, offset)
        items = _events_by_key(cur, keys)
        _complete_events(cur, items)
        return {"total": total, "limit": limit, "offset": offset, "items": items}
    days = event_days(cur, flt) if sort == "date" else None
    window = days.window(descending, limit, offset) if days is not None else None
    narrow = _narrow(cur, flt) if sort in CARRIED_SORTS else None
    if narrow is not None and (window is not None or sort != "date"):
        # the page's keys from the narrow rows (of its days only, when sorted by date), then its rows
        source, params = narrow
        if window is not None:
            (clause, more), offset_in = window
            source, params = f"{source} AND {clause}", params + more
        else:
            offset_in = offset
        keys = cur.execute(f"""SELECT e.event_rowid, e.article_sha1, e.idx {source}
                               ORDER BY {EVENT_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST,
                                        e.article_sha1, e.idx LIMIT ? OFFSET ?""",
                           params + [limit, offset_in]).fetchall()
        items = _events_by_key(cur, keys)
        total = days.total if days is not None else event_count(cur, flt)
        _complete_events(cur, items)
        return {"total": total, "limit": limit, "offset": offset, "items": items}
    if window is not None:  # the page's days only: the top-N sorts a few days' events, not a million
        (clause, more), offset_in = window
        sql, params = _event_keys_query(flt, sort, descending, clause)
        rowids = [r[0] for r in cur.execute(sql, params + more + [limit, offset_in]).fetchall()]
    elif sort == "reports" and (picked := _reported_keys(cur, flt, descending, limit, offset)) is not None:
        # the page from the summaries' per-event reports alone (their narrow rows carry the filter's
        # columns), then its rows read by key; their clusters and reports are those rows' own
        items = _events_by_key(cur, [k[:3] for k in picked])
        total = event_count(cur, flt)
        _complete_events(cur, items, {k[:3]: k[3:] for k in picked})
        return {"total": total, "limit": limit, "offset": offset, "items": items}
    else:
        rowids = None
        if sort == "reports" and descending:
            # the most reported first: when the events reported twice or more fill the page, it is
            # theirs (the others, reported once or never clustered, sort after them), and picking it
            # joins the events to the few clusters of two articles or more, not to every cluster
            sql, params = _event_keys_query(flt, sort, descending, reported=True,
                                            kept_reports=search.summarised(cur))
            rowids = [r[0] for r in cur.execute(sql, params + [limit, offset]).fetchall()]
            rowids = rowids if len(rowids) == limit else None
        if rowids is None:
            sql, params = _event_keys_query(flt, sort, descending, kept_reports=search.summarised(cur))
            rowids = [r[0] for r in cur.execute(sql, params + [limit, offset]).fetchall()]
    items = []
    if rowids:  # the page's rows, read by row id, in the page's order
        cur.execute(f"SELECT e.rowid AS __rowid, {EVENT_COLUMNS} FROM events e "
                    "WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))", [rowids])
        found = {row["__rowid"]: row for row in _rows(cur)}
        items = [found[r] for r in rowids]
    total = days.total if days is not None else event_count(cur, flt)
    _complete_events(cur, items)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _reported_keys(cur: Cursor, flt: EventFilter, descending: bool, limit: int,
                   offset: int) -> list[tuple[int | None, str, int, int, int | None]] | None:
    """A page of the events ``flt`` picks sorted by reports, as (row id, article sha1, idx, cluster
    id, reports), picked from the summaries' ``event_reports`` alone: when the filter uses only the
    columns it carries and the events with reports fill the page (every event with reports sorts
    before those without, either way round), else None. Exact: ``_events_query`` gives the same page."""
    carried = _carried_clauses(cur, flt)
    if carried is None:
        return None
    clauses, params = carried
    # (a row whose event is not stored, event_rowid NULL, is no event of the tables)
    keys = cur.execute(f"""SELECT e.event_rowid, e.article_sha1, e.idx, e.cluster_id, e.reports FROM event_reports e
                           WHERE e.reports IS NOT NULL AND e.event_rowid IS NOT NULL AND {' AND '.join(['TRUE', *clauses])}
                           ORDER BY e.reports {'DESC' if descending else 'ASC'}, e.article_sha1, e.idx
                           LIMIT ? OFFSET ?""", params + [limit, offset]).fetchall()
    return keys if len(keys) == limit else None


def _party_days_and_keys(cur: Cursor, flt: EventFilter, party: tuple[str, list[Any]], descending: bool, limit: int,
                         offset: int) -> tuple[DayCounts, list[tuple[int | None, str, int]]] | None:
    """The events by party sorted by date whose per-day counts are not kept yet: those counts
    (kept, as ``event_days`` keeps them) and the page's keys (as ``_party_keys`` gives them) from
    one reading of the actors' event lists, not one for the counts and another for the page's
    days. None when the counts are kept (the page then reads its days only)."""
    answers = _answers(cur)
    days_key = ("events.days", flt.key())
    if answers is not None and answers.known(days_key):
        return None
    base, params = party
    way = "DESC" if descending else "ASC"
    # (the page as one more row, flagged: a column of every row would be read once per day)
    rows = cur.execute(f"""WITH p AS MATERIALIZED ({base})
        SELECT FALSE AS paged, NULL AS page, {EVENT_DAY} AS day, count(*) AS n FROM p e GROUP BY {EVENT_DAY}
        UNION ALL
        SELECT TRUE, coalesce(list({{'r': e.event_rowid, 's': e.article_sha1, 'i': e.idx}}
                                   ORDER BY {EVENT_SORTS['date']} {way} NULLS LAST, e.article_sha1, e.idx), []), NULL, NULL
        FROM (SELECT * FROM p e ORDER BY {EVENT_SORTS['date']} {way} NULLS LAST, e.article_sha1, e.idx
              LIMIT ? OFFSET ?) e""", params + [limit, offset]).fetchall()
    days = kept(answers, days_key, lambda: DayCounts([(day, n) for paged, _, day, n in rows if not paged]))
    return days, [(k["r"], k["s"], k["i"]) for paged, page, _, _ in rows if paged for k in page]


def _party_keys(cur: Cursor, party: tuple[str, list[Any]], sort: str, descending: bool, limit: int,
                offset: int) -> list[tuple[int | None, str, int]]:
    """A page of the events of ``EventFilter.by_party``'s query, as (row id, article sha1, idx),
    in the order ``_events_query`` gives."""
    base, params = party
    return cur.execute(f"""SELECT e.event_rowid, e.article_sha1, e.idx FROM ({base}) e
                           ORDER BY {EVENT_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST,
                                    e.article_sha1, e.idx LIMIT ? OFFSET ?""", params + [limit, offset]).fetchall()


def _events_by_key(cur: Cursor, keys: list[tuple[int | None, str, int]]) -> list[dict[str, Any]]:
    """The events ``keys`` name (row id when summarised, article sha1, idx), in their order. Each
    is read by its row id, a hint checked against its key; the events whose row is no longer
    there (rows deleted and the table compacted since) are read by key."""
    if not keys:
        return []
    cur.execute(f"SELECT e.rowid AS __rowid, {EVENT_COLUMNS} FROM events e "
                "WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))", [[k[0] for k in keys if k[0] is not None]])
    by_rowid = {row["__rowid"]: row for row in _rows(cur)}
    found = {}
    for rowid, sha, idx in keys:
        row = by_rowid.get(rowid)
        if row is not None and (row["article_sha1"], row["idx"]) == (sha, idx):
            found[(sha, idx)] = row
    missing = [(sha, idx) for _, sha, idx in keys if (sha, idx) not in found]
    if missing:
        cur.execute(f"""SELECT e.rowid AS __rowid, {EVENT_COLUMNS} FROM events e WHERE (e.article_sha1, e.idx) IN
                        (SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]))""",
                    [[m[0] for m in missing], [m[1] for m in missing]])
        found.update({(row["article_sha1"], row["idx"]): row for row in _rows(cur)})
    return [found[(sha, idx)] for _, sha, idx in keys if (sha, idx) in found]


def events_stream(cur: Cursor, lookup: Cursor, flt: EventFilter, sort: str, descending: bool, limit: int,
                  batch: int) -> Iterator[dict[str, Any]]:
    """The events ``events`` lists, in its order and shape, fetched ``batch`` rows at a time (for
    downloads too large to hold). The query runs now, so a bad filter value fails before anything is
    sent; ``lookup``, a second cursor, reads each batch's sentences and actor names."""
    flt = flt.resolved(cur)
    party = flt.by_party(cur) if sort in CARRIED_SORTS else None
    if party is not None:  # the events' keys from the actors' event lists, then their rows a batch at a time
        keys = _party_keys(cur, party, sort, descending, limit, 0)

        def batches() -> Iterator[dict[str, Any]]:
            for start in range(0, len(keys), batch):
                items = _events_by_key(lookup, keys[start:start + batch])
                _complete_events(lookup, items)
                yield from items

        return batches()
    sql, params = _events_query(flt, sort, descending, kept_reports=search.summarised(cur))
    cur.execute(sql.replace(EVENT_COLUMNS, f"e.rowid AS __rowid, {EVENT_COLUMNS}", 1), params + [limit, 0])
    columns = [d[0] for d in cur.description]

    def rows() -> Iterator[dict[str, Any]]:
        while chunk := cur.fetchmany(batch):
            items = [dict(zip(columns, row)) for row in chunk]
            _complete_events(lookup, items)
            yield from items

    return rows()


def _complete_events(cur: Cursor, items: list[dict[str, Any]],
                     known: dict[tuple[int | None, str, int], tuple[int, int | None]] | None = None) -> None:
    """Each event row with its article, its cluster's reports, its sentence's text and its actors'
    names (read for these rows only). A row's ``__rowid`` (its row id in events, if it has one) is
    taken off: the clusters are read by it when every row has one. ``known``: (cluster id, reports)
    by (event row id, sha1, idx), as the summaries' ``event_reports`` rows that picked the page
    have them; when every row's row id and key is there, the clusters are not read again (the same
    rows ``_clusters`` would find by row id)."""
    rowids = [r.pop("__rowid", None) for r in items]
    sha1s = sorted({r["article_sha1"] for r in items})
    articles = {}
    if sha1s:
        # (a list of values, not a semi-join: looked up in the primary key's index, 5x faster)
        cur.execute(f"""SELECT sha1, id, title, published, url, source, text FROM articles
                        WHERE sha1 IN ({', '.join('?' * len(sha1s))})""", sha1s)
        articles = {row[0]: row for row in cur.fetchall()}
        asked = None if None in rowids else [(rid, r["article_sha1"], r["idx"]) for rid, r in zip(rowids, items)]
        if known is not None and asked is not None and search.summarised(cur) and all(a in known for a in asked):
            clusters = {(s, i): known[(rid, s, i)][0] for rid, s, i in asked}
            reports = {(s, i): known[(rid, s, i)][1] for rid, s, i in asked}
        else:
            clusters, reports = _clusters(cur, sha1s, asked)
    texts = {sha: row[6] or "" for sha, row in articles.items()}
    for row in items:
        # (an event whose article row is missing, inserted by hand, keeps empty article fields)
        _, row["article_id"], row["article_title"], row["published"], row["source_url"], row["source"], _ = \
            articles.get(row["article_sha1"], (None,) * 7)
        row["cluster_id"] = clusters.get((row["article_sha1"], row["idx"]))
        row["reports"] = reports.get((row["article_sha1"], row["idx"]))
    if search.summarised(cur):  # each actor's name as the actors table lists it: one row per actor
        ids = sorted({i for r in items for k in ("actor", "recipient") for i in r[k] or []}
                     | {r["reported_by"] for r in items if r["reported_by"]})
        every = _summarised_names(cur)
        if every is None:  # (too many actors to keep them all)
            cur.execute("""SELECT actor_id, name, code FROM actor_summary
                           WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
            every = {i: (n, c) for i, n, c in cur.fetchall()}
        known = {i: {"id": i, "name": every[i][0], "code": every[i][1]} for i in ids if i in every}

        def name(sha: str, i: str) -> dict[str, Any]:  # looked up by id: one name per actor
            return known.get(i) or {"id": i, "name": i, "code": None}
    else:
        names = _actor_names(cur, sha1s)

        def name(sha: str, i: str) -> dict[str, Any]:  # each article's own spelling
            return names.get((sha, i)) or {"id": i, "name": i, "code": None}
    for row in items:
        sha = row["article_sha1"]
        row["sentence"] = texts.get(sha, "")[row.pop("sentence_start"):row.pop("sentence_end")]
        for key in ("actor", "recipient"):
            row[key] = [name(sha, i) for i in row[key] or []]
        reporter = row["reported_by"]
        row["reported_by"] = name(sha, reporter) if reporter else None


KEPT_ACTORS = 200_000  # at most this many actors' names (or forms and aliases) kept in a dictionary


def _summarised_names(cur: Cursor) -> dict[str, tuple[str | None, str | None]] | None:
    """Every actor's name and code as the actors table lists them (``actor_summary``: one row per
    actor, 3,500 at the benchmark's million events), by id: read once and kept until the data
    changes, so a page's names are looked up, not read by a statement per page. None when there are
    more than KEPT_ACTORS. Shared: never changed once made."""
    def read() -> dict[str, tuple[str | None, str | None]] | None:
        if cur.execute("SELECT count(*) FROM actor_summary").fetchone()[0] > KEPT_ACTORS:
            return None
        return {i: (n, c) for i, n, c in cur.execute("SELECT actor_id, name, code FROM actor_summary").fetchall()}

    return kept(_answers(cur), "actor names", read)


def _clusters(cur: Cursor, sha1s: list[str], events: list[tuple[int, str, int]] | None = None
              ) -> tuple[dict[tuple[str, int], int], dict[tuple[str, int], int]]:
    """The cluster and the reports (the cluster's articles) of each linked event of the articles
    ``sha1s``, by (sha1, idx): one read of the summaries' ``event_reports`` when they are up to
    date, else the mentions then their clusters. ``events`` (row id in events, sha1, idx), when
    given, are the events asked about: their rows are read by the event row id each carries (a
    scan of one integer column, not a hash join on every row's sha1), each checked against its
    key (a row's event row id is a hint); those not found so (no row, or a row id no longer
    right) are read by their articles' sha1s as before."""
    if events is not None and search.summarised(cur):
        cur.execute("""SELECT event_rowid, article_sha1, idx, cluster_id, reports FROM event_reports
                       WHERE event_rowid IN (SELECT unnest(?::BIGINT[]))""", [[e[0] for e in events]])
        asked = set(events)
        rows = [row[1:] for row in cur.fetchall() if row[:3] in asked]
        found = {(s, i) for s, i, _, _ in rows}
        rest = sorted({s for _, s, i in events if (s, i) not in found})
        if rest:
            cur.execute("""SELECT article_sha1, idx, cluster_id, reports FROM event_reports
                           WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))""", [rest])
            rows += [row for row in cur.fetchall() if tuple(row[:2]) not in found]
        return {(s, i): c for s, i, c, _ in rows}, {(s, i): n for s, i, _, n in rows}
    if search.summarised(cur):
        cur.execute("""SELECT article_sha1, idx, cluster_id, reports FROM event_reports
                       WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))""", [sha1s])
        rows = cur.fetchall()
        return {(s, i): c for s, i, c, _ in rows}, {(s, i): n for s, i, _, n in rows}
    cur.execute("""SELECT m.article_sha1, m.event_idx, m.cluster_id FROM event_cluster_mentions m
                   WHERE m.article_sha1 IN (SELECT unnest(?::VARCHAR[]))""", [sha1s])
    clusters = {(sha, idx): cid for sha, idx, cid in cur.fetchall()}
    cur.execute("SELECT cluster_id, num_articles FROM event_clusters WHERE cluster_id IN "
                "(SELECT unnest(?::BIGINT[]))", [sorted(set(clusters.values()))])
    counts = dict(cur.fetchall())
    return clusters, {key: counts.get(cid) for key, cid in clusters.items()}


def actors(cur: Cursor, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Actors with their roles and counts (kept until the data changes; shared: copy to change)."""
    return kept(_answers(cur), ("actors", q, limit, offset), lambda: _actors(cur, q, limit, offset))


def _actors(cur: Cursor, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    if not q and search.summarised(cur):
        return _summarised_actors(cur, limit, offset)
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
            SELECT actor_id, min(name) AS name, min(kind) AS kind, min(code) AS code,
                   min(country) AS country, min(wikidata) AS wikidata,
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


def _summarised_actors(cur: Cursor, limit: int, offset: int) -> dict[str, Any]:
    """Every actor with its counts, from the summaries (one row per actor, counted at ingest)."""
    total = kept(_answers(cur), "actors.count", lambda: cur.execute(
        "SELECT count(*) FROM actor_summary WHERE articles > 0").fetchone()[0])
    cur.execute("""
        SELECT s.actor_id, s.name, s.kind, s.code, s.country, s.wikidata, r.roles, s.articles, s.mentions,
               s.events_as_actor, s.events_as_recipient, s.quotes
        FROM actor_summary s
        LEFT JOIN (SELECT actor_id, list(role ORDER BY role) AS roles FROM actor_roles GROUP BY actor_id) r
            USING (actor_id)
        WHERE s.articles > 0 ORDER BY s.mentions DESC, s.actor_id LIMIT ? OFFSET ?""", [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": _rows(cur)}


def actor(cur: Cursor, actor_id: str) -> dict[str, Any] | None:
    if search.summarised(cur):
        cur.execute("""
            SELECT s.actor_id, s.name, s.kind, s.code, s.country, s.sector, s.wikidata,
                   r.roles, s.articles, s.events_as_actor, s.events_as_recipient, s.mentions
            FROM actor_summary s
            LEFT JOIN (SELECT list(role ORDER BY role) AS roles FROM actor_roles WHERE actor_id = ?) r ON TRUE
            WHERE s.actor_id = ? AND s.articles > 0""", [actor_id, actor_id])
        rows = _rows(cur)
        return rows[0] if rows else None
    cur.execute("""
        SELECT actor_id, min(name) AS name, min(kind) AS kind, min(code) AS code,
               min(country) AS country, min(sector) AS sector, min(wikidata) AS wikidata,
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
    """Quotes, the latest articles' first (kept until the data changes; shared: copy to change)."""
    return kept(_answers(cur), ("quotes", speaker, kind, limit, offset),
                lambda: _quotes(cur, speaker, kind, limit, offset))


def _quotes(cur: Cursor, speaker: str | None, kind: str | None, limit: int, offset: int) -> dict[str, Any]:
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append("list_contains(?::VARCHAR[], q.speaker)")
        params.append(search.resolve_actor(cur, speaker))
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    base = f"FROM quotes q JOIN articles a ON a.sha1 = q.article_sha1 WHERE {' AND '.join(clauses)}"
    total = cur.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    # the page first, then its speakers' names in their articles (a join on the page's rows only)
    cur.execute(f"""
        SELECT p.* EXCLUDE (speaker_name), x.name AS speaker_name FROM (
            SELECT a.sha1 AS article_sha1, a.id AS article_id, a.title AS article_title, a.published,
                   q.idx, q.speaker, NULL AS speaker_name, q.speaker_text, q.cue, q.text, q.kind, q.carried_over,
                   q.char_start AS start, q.char_end AS "end"
            {base} ORDER BY a.published DESC NULLS LAST, a.id, q.idx LIMIT ? OFFSET ?) p
        LEFT JOIN actors x ON x.article_sha1 = p.article_sha1 AND x.actor_id = p.speaker
        ORDER BY p.published DESC NULLS LAST, p.article_id, p.idx""", params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": _rows(cur)}


def pair(cur: Cursor, a: str, b: str, bucket: str, date_from: str | None, date_to: str | None,
         min_confidence: float | None = None) -> dict[str, Any]:
    """Events between two actors, either way round, per period (every period from the first to
    the last, empty ones too), with the events that have no date apart and the mix by type and
    quad class. ``bucket`` "auto" picks day, week, month or year by the range. Kept until the
    data changes."""
    return kept(_answers(cur), ("pair", a, b, bucket, date_from, date_to, min_confidence),
                lambda: _pair(cur, a, b, bucket, date_from, date_to, min_confidence))


def _pair(cur: Cursor, a: str, b: str, bucket: str, date_from: str | None, date_to: str | None,
          min_confidence: float | None) -> dict[str, Any]:
    flt = EventFilter(actor=a, recipient=b, either_way=True, date_from=date_from, date_to=date_to,
                      min_confidence=min_confidence).resolved(cur)
    pair = flt.by_pair(cur)
    party = None if pair is not None else flt.by_party(cur)
    if pair is not None:  # from the pairs of the two actors' ids
        cur.execute(f"""
            SELECT day, NOT dated AS by_publication, type, quad_class, score, forward, count(*) AS n
            FROM ({pair[0]}) GROUP BY ALL""", pair[1])
    elif party is not None:  # from the two actors' event lists: their events met on ``ev``
        cur.execute(f"""
            SELECT day, NOT dated AS by_publication, type, quad_class, score,
                   (act & 1 <> 0 AND rec & 2 <> 0) AS forward, count(*) AS n
            FROM ({party[0]}) GROUP BY ALL""", party[1])
    else:
        where, params = flt.where()
        forward, fparams = flt._has("e.actor", "actor")
        forward_r, rparams = flt._has("e.recipient", "recipient")
        # the events grouped by what the timeline tells apart; n events per row
        cur.execute(f"""
            SELECT {EVENT_DAY} AS day, e.date IS NULL AS by_publication, e.type, e.quad_class, e.score,
                   ({forward} AND {forward_r}) AS forward, count(*) AS n
            FROM events e WHERE {where} GROUP BY ALL""", fparams + rparams + params)
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
    for day, by_pub, type_, quad, score, fwd, n in events:
        way = "a_to_b" if fwd else "b_to_a"
        mix.setdefault(type_, {"a_to_b": 0, "b_to_a": 0})[way] += n
        if quad:
            quads[str(quad)][way] += n
        row = index[_bucket_start(day, bucket).isoformat()] if day is not None else undated
        row["events"] += n
        row[way] += n
        if quad:
            row["quad_classes"][str(quad)] += n
        if day is not None:
            row["dated_by_publication"] += n * bool(by_pub)
            row["cooperation"] += n * bool(score and score > 0)
            row["conflict"] += n * bool(score and score < 0)
            if score is not None:
                row["_scores"].append((score, n))
    for row in rows:
        scores = row.pop("_scores")
        scored = sum(n for _, n in scores)
        row["mean_score"] = round(sum(x * n for x, n in scores) / scored, 2) if scored else None
    return {"a": a, "b": b, "a_ids": _resolved(cur, a), "b_ids": _resolved(cur, b), "bucket": bucket,
            "periods": rows, "events": sum(r[-1] for r in events), "dated": sum(r[-1] for r in dated),
            "dated_by_publication": sum(r["dated_by_publication"] for r in rows), "undated": undated,
            "types": [{"type": t, **n}
                      for t, n in sorted(mix.items(), key=lambda kv: (-sum(kv[1].values()), kv[0] or ""))],
            "quad_classes": quads}


def _resolved(cur: Cursor, query: str) -> int:
    return len(search.resolve_actor(cur, query))


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
    return kept(_answers(cur), ("network", min_events, limit, top, min_confidence),
                lambda: _network(cur, min_events, limit, top, min_confidence))


# the edges from the events themselves, or from the summary of (actor, recipient, confidence, score)
# counts written at ingest, which gives the same figures without unnesting every event
EDGES = """edges AS (
            SELECT e.article_sha1, src.id AS source, dst.id AS target, e.score
            FROM events e, unnest(e.actor) AS src(id), unnest(e.recipient) AS dst(id)
            WHERE src.id <> dst.id AND coalesce(e.confidence, 0) >= ?),
        agg AS (SELECT source, target, count(*) AS events, round(avg(score), 2) AS mean_score,
                       count(*) FILTER (WHERE score > 0) AS cooperation, count(*) FILTER (WHERE score < 0) AS conflict
                FROM edges GROUP BY source, target HAVING count(*) >= ?)"""
SUMMARISED_EDGES = """agg AS (
            SELECT source, target, CAST(sum(events) AS BIGINT) AS events,
                   round(sum(score * events) FILTER (WHERE scored) / sum(events) FILTER (WHERE scored), 2)
                       AS mean_score,
                   CAST(coalesce(sum(events) FILTER (WHERE scored AND score > 0), 0) AS BIGINT) AS cooperation,
                   CAST(coalesce(sum(events) FILTER (WHERE scored AND score < 0), 0) AS BIGINT) AS conflict
            FROM edge_summary WHERE confidence >= ? GROUP BY source, target HAVING sum(events) >= ?)"""


def _network(cur: Cursor, min_events: int, limit: int, top: int | None, min_confidence: float) -> dict[str, Any]:
    top_clause = "AND source IN (SELECT id FROM deg) AND target IN (SELECT id FROM deg)" if top else ""
    cur.execute(f"""
        WITH {SUMMARISED_EDGES if search.summarised(cur) else EDGES},
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
    if ids and search.summarised(cur):  # the same names, one row per actor (not a scan of every article's)
        cur.execute("""SELECT actor_id AS id, name, code, kind FROM actor_summary
                       WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) AND articles > 0
                       ORDER BY actor_id""", [ids])
    elif ids:
        cur.execute("""SELECT actor_id AS id, min(name) AS name, min(code) AS code,
                              min(kind) AS kind
                       FROM actors WHERE list_contains(?::VARCHAR[], actor_id) GROUP BY actor_id
                       ORDER BY actor_id""", [ids])
    if ids:
        nodes = _rows(cur)
        for node in nodes:
            node["events"] = weight.get(node["id"], 0)
    return {"nodes": nodes, "edges": edges, "all_edges": all_edges, "all_actors": all_actors}


def places(cur: Cursor, limit: int) -> dict[str, Any]:
    """Resolved places with coordinates, with how many events name them (kept until the data changes)."""
    return kept(_answers(cur), ("places", limit), lambda: _places(cur, limit))


def _places(cur: Cursor, limit: int) -> dict[str, Any]:
    if search.summarised(cur):
        cur.execute("""
            SELECT name, geonames_id, round(lat_sum / located, 4) AS lat, round(lon_sum / located, 4) AS lon,
                   country, articles, events
            FROM place_summary ORDER BY events DESC, articles DESC, name LIMIT ?""", [limit])
        items = _rows(cur)
        return {"items": items, "total": cur.execute("SELECT count(*) FROM place_summary").fetchone()[0]}
    # a place is counted by its GeoNames id, else its name; an event counts for it when its article
    # names the place by the event's own place name: joins on (article, key, name), not a scan of
    # events per place
    cur.execute("""
        WITH pl AS (SELECT coalesce(CAST(geonames_id AS VARCHAR), name) AS key, * FROM places
                    WHERE lat IS NOT NULL AND lon IS NOT NULL),
        p AS (
            SELECT key, min(name) AS name, min(geonames_id) AS geonames_id, avg(lat) AS lat,
                   avg(lon) AS lon, min(country) AS country, count(DISTINCT article_sha1) AS articles
            FROM pl GROUP BY key),
        ev AS (SELECT pk.key, count(DISTINCT (e.article_sha1, e.idx)) AS n
               FROM events e JOIN (SELECT DISTINCT key, article_sha1, name FROM pl) pk
                    ON pk.article_sha1 = e.article_sha1 AND pk.name = e.place GROUP BY pk.key)
        SELECT p.name, p.geonames_id, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon, p.country, p.articles,
               coalesce(ev.n, 0) AS events
        FROM p LEFT JOIN ev USING (key) ORDER BY events DESC, articles DESC, p.name LIMIT ?""", [limit])
    items = _rows(cur)
    total = cur.execute("""SELECT count(DISTINCT coalesce(CAST(geonames_id AS VARCHAR), name)) FROM places
                           WHERE lat IS NOT NULL AND lon IS NOT NULL""").fetchone()[0]
    return {"items": items, "total": total}


def event_types(cur: Cursor) -> dict[str, list[str]]:
    """The values the filters can take in this database (for the filter menus; kept)."""
    return kept(_answers(cur), "event types", lambda: _event_types(cur))


def _event_types(cur: Cursor) -> dict[str, list[str]]:
    types = [r[0] for r in cur.execute("SELECT DISTINCT type FROM events ORDER BY type").fetchall()]
    modalities = [r[0] for r in cur.execute("SELECT DISTINCT modality FROM events ORDER BY 1").fetchall()]
    return {"types": types, "modalities": modalities}


def event_facets(cur: Cursor, flt: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """The filtered events counted by type, quad class and modality; each count ignores its own
    filter, so the other values stay choosable. Kept until the data changes."""
    return kept(_answers(cur), ("events.facets", flt.key()), lambda: _event_facets(cur, flt.resolved(cur)))


FACETS = (("type", "e.type"), ("quad_class", "e.quad_class"), ("modality", "e.modality"))


def _event_facets(cur: Cursor, flt: EventFilter) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    # the facets whose own value the filter leaves open count under the same filter: one scan for
    # them all (GROUPING SETS); a filtered one counts without its own filter, in a scan of its own
    shared = [(k, c) for k, c in FACETS if getattr(flt, k) is None]
    if shared:
        source, params = _picked(cur, flt)
        columns = ", ".join(f"GROUPING({c}) AS g{i}, CAST({c} AS VARCHAR) AS v{i}" for i, (_, c) in enumerate(shared))
        sets = ", ".join(f"({c})" for _, c in shared)
        cur.execute(f"SELECT {columns}, count(*) AS n {source} GROUP BY GROUPING SETS ({sets})", params)
        for key, _ in shared:
            out[key] = []
        for row in cur.fetchall():
            i = next(i for i in range(len(shared)) if row[2 * i] == 0)
            if row[2 * i + 1] is not None:
                out[shared[i][0]].append({"value": row[2 * i + 1], "n": row[-1]})
        for values in out.values():
            values.sort(key=lambda v: (-v["n"], v["value"]))
    for key, column in FACETS:
        if key in out:
            continue
        source, params = _picked(cur, replace(flt, **{key: None}))
        cur.execute(f"""SELECT CAST({column} AS VARCHAR) AS value, count(*) AS n {source}
                        AND {column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value""", params)
        out[key] = _rows(cur)
    return {key: out[key] for key, _ in FACETS}
