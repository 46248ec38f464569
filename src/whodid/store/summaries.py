"""Summaries of a DuckDB whodid database, kept up to date as articles are stored: per actor (names,
codes, the names the texts used, counts of articles, mentions, events and quotes), per place (where
it is, articles and events naming it), per actor pair (events by confidence and score, for the
network) and per article (events, quotes, checks). The web app reads them instead of grouping
millions of rows on every request.

Every count is a sum over articles, and stored articles never change, so a summary is brought up
to date by adding what the articles not yet summarised contribute: ``refresh`` finds them (stored
articles missing from ``summarised_articles``, so rows inserted by hand or by a script count too),
adds their rows and marks them, in the caller's transaction. ``Store.write`` calls it for every
batch. ``fresh`` says whether every stored article is summarised; readers that find it false use
the tables themselves (slower, never stale).

DuckDB only: PostgreSQL stores are not served by the web app (``whodid serve`` reads DuckDB).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager as ContextManager, nullcontext

import duckdb

NAME_MENTIONS = ("name", "surname", "fuzzy")  # mentions that are names as written (see web/search.py)

TABLES = """
CREATE TABLE IF NOT EXISTS summarised_articles (article_sha1 VARCHAR PRIMARY KEY);
CREATE TABLE IF NOT EXISTS actor_summary (
    actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
    wikidata VARCHAR, articles BIGINT NOT NULL DEFAULT 0, mentions BIGINT NOT NULL DEFAULT 0,
    events_as_actor BIGINT NOT NULL DEFAULT 0, events_as_recipient BIGINT NOT NULL DEFAULT 0,
    events BIGINT NOT NULL DEFAULT 0, quotes BIGINT NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS actor_roles (actor_id VARCHAR, role VARCHAR, PRIMARY KEY (actor_id, role));
CREATE TABLE IF NOT EXISTS actor_forms (actor_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR,
                                        country VARCHAR);
CREATE TABLE IF NOT EXISTS actor_aliases (actor_id VARCHAR, text VARCHAR, how VARCHAR,
                                          PRIMARY KEY (actor_id, text, how));
CREATE TABLE IF NOT EXISTS place_summary (
    key VARCHAR PRIMARY KEY, name VARCHAR, geonames_id BIGINT, country VARCHAR, lat_sum DOUBLE, lon_sum DOUBLE,
    located BIGINT NOT NULL DEFAULT 0, articles BIGINT NOT NULL DEFAULT 0, events BIGINT NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS edge_summary (
    source VARCHAR, target VARCHAR, confidence DOUBLE, score DOUBLE, scored BOOLEAN, events BIGINT NOT NULL,
    PRIMARY KEY (source, target, confidence, score, scored));
CREATE TABLE IF NOT EXISTS article_counts (
    article_sha1 VARCHAR PRIMARY KEY, events BIGINT NOT NULL, quotes BIGINT NOT NULL, checks BIGINT NOT NULL);
"""

# summaries added later: a database summarised before them gets them filled for every summarised
# article on its next refresh (``_fill_later``); until then ``fresh`` is false and the web app reads
# the tables themselves
LATER_TABLES = {
    # each article's distinct words (maximal runs of ASCII letters, digits and _, lower-cased: what
    # a regular expression's \w and \b see), for the articles search (web/search.py); each batch
    # is stored in word order, so a lookup reads only the blocks whose words span it
    "article_words": "CREATE TABLE IF NOT EXISTS article_words (word VARCHAR, article_sha1 VARCHAR)",
    # rows counted by the columns the tables' facets and filters use (web/tables.py): a table's
    # total and facets are sums over these few rows; one row per (key, refresh), summed when read
    "quote_groups": "CREATE TABLE IF NOT EXISTS quote_groups (speaker VARCHAR, kind VARCHAR, cue VARCHAR, "
                    "n BIGINT NOT NULL)",
    "place_groups": "CREATE TABLE IF NOT EXISTS place_groups (name VARCHAR, country VARCHAR, admin1 VARCHAR, "
                    "feature VARCHAR, geonames_id BIGINT, n BIGINT NOT NULL)",
    "check_groups": "CREATE TABLE IF NOT EXISTS check_groups (severity VARCHAR, kind VARCHAR, n BIGINT NOT NULL)",
    "article_groups": "CREATE TABLE IF NOT EXISTS article_groups (source VARCHAR, language VARCHAR, "
                      "n BIGINT NOT NULL)",
    # each actor id that events name and its place in ``actor_events``' order (``sort_key``): its
    # most frequent code when it was first summarised (upper-cased, '' when none), '|', its id; so the ids of a
    # code prefix (a country's actors) are one range of keys. Given once and never changed (a later
    # article may give the actor another code: its rows stay where they are, answers do not depend
    # on it, only how many row groups a code's range spans)
    "actor_order": "CREATE TABLE IF NOT EXISTS actor_order (actor_id VARCHAR PRIMARY KEY, sort_key VARCHAR NOT NULL)",
    # one row per (actor id, side, event): the events each actor acts in (as_actor) or receives,
    # with the columns the events pages filter, sort and count by and the pair timeline groups by,
    # so an actor, code-prefix or pair filter reads these rows instead of unnesting every event's
    # lists (web/queries.py ``EventFilter.by_party``). ``ev`` numbers the events (unique, given
    # here in order); ``event_rowid`` is where the event was in ``events`` when it was summarised,
    # a hint for reading its row that the reader checks against (article_sha1, idx); ``sort_key``: its
    # actor's (``actor_order``), the order the table is kept in (``SORTED``)
    "actor_events": "CREATE TABLE IF NOT EXISTS actor_events (actor_id VARCHAR NOT NULL, as_actor BOOLEAN NOT NULL, "
                    "ev BIGINT NOT NULL, event_rowid BIGINT, article_sha1 VARCHAR NOT NULL, idx INTEGER NOT NULL, "
                    "day DATE, dated BOOLEAN, type VARCHAR, modality VARCHAR, quad_class INTEGER, score DOUBLE, "
                    "confidence DOUBLE, sort_key VARCHAR NOT NULL)",
    # one row per (actor key, recipient key, event): an event's actors paired with its recipients
    # (keys as in ``actor_order``), with the columns the pair timeline groups and filters by, so a
    # pair's timeline reads the rows of its two actors' pairs only instead of every event either
    # actor is in (web/queries.py ``EventFilter.by_pair``). ``ev`` numbers the events of this table
    # (unique, given here in order; not ``actor_events``' numbers); kept in (source_key, target_key,
    # ev) order (``SORTED``), so a pair's rows are the row groups of its actors' keys
    "pair_events": "CREATE TABLE IF NOT EXISTS pair_events (source_key VARCHAR NOT NULL, target_key VARCHAR NOT NULL, "
                   "ev BIGINT NOT NULL, day DATE, dated BOOLEAN, type VARCHAR, modality VARCHAR, quad_class INTEGER, "
                   "score DOUBLE, confidence DOUBLE)",
    # how many rows of a summary kept in order (``SORTED``) were in that order at its last sort: the
    # rows after them are the batches added since, each in order but not with the rest
    "summary_sorted": "CREATE TABLE IF NOT EXISTS summary_sorted (name VARCHAR PRIMARY KEY, sorted_rows BIGINT NOT NULL)",
}
# the key summaries: one row per item (quote, check) with the columns its table's pages filter and
# sort by, its article's publication date carried in: a page filtered by these columns picks its
# keys here instead of joining every item to its article (web/tables.py ``Table.picks``).
# name: (item table, its columns kept, with their types and, for a column the item table does not
# have, the expression over the item ``q`` and the pending rows that computes it; the first column
# is the order each batch is stored in)
KEY_TABLES = {
    "quote_keys": ("quotes", (("speaker", "VARCHAR"), ("kind", "VARCHAR"), ("cue", "VARCHAR"))),
    "check_keys": ("checks", (("severity", "VARCHAR"), ("kind", "VARCHAR"))),
    # a place's events: its article's events at a place of its name (as the places table counts them;
    # stored events never change, so the count is kept as it is at ingest)
    "place_keys": ("places", (("country", "VARCHAR"), ("name", "VARCHAR"), ("admin1", "VARCHAR"),
                              ("feature", "VARCHAR"), ("geonames_id", "BIGINT"),
                              ("events", "BIGINT", "coalesce(ev.n, 0)"))),
}
# the computed columns' joins, by item table: (each pending article's events per place name)
KEY_JOINS = {"places": """LEFT JOIN (SELECT article_sha1, place, count(*) AS n FROM pending_events
                                     WHERE place IS NOT NULL GROUP BY ALL) ev
                              ON ev.article_sha1 = q.article_sha1 AND ev.place = q.name"""}
# Each also keeps the item's row id when it was summarised (``row_id``): a page picked there reads its
# rows by row id, a hint checked against (article_sha1, idx) (web/tables.py ``Table.by_row_id``).
for _name, (_item, _columns) in KEY_TABLES.items():
    LATER_TABLES[_name] = (f"CREATE TABLE IF NOT EXISTS {_name} ("
                           + "".join(f"{c[0]} {c[1]}, " for c in _columns)
                           + "article_sha1 VARCHAR NOT NULL, idx INTEGER NOT NULL, published VARCHAR, row_id BIGINT)")
# one row per linked event with its cluster and the cluster's reports (``num_articles``): events
# sorted by reports read it instead of joining every event to the clusters and their mentions.
# Linking (store/clusters.py) adds the rows of the events it links and updates the reports of the
# clusters it touches, in its transaction; a refresh adds those of the pending articles' events
# already linked (rows inserted by hand and linked before their summaries), once each. (An article
# still marked unlinked has no linked event: a write's own articles are skipped without reading
# the mentions, 90-480 ms at a million events)
# It also carries the event's row id (a hint, checked against the key when read) and the columns
# the events pages filter by (as ``actor_events`` does, plus ``party``: the event has an actor or a
# recipient), so a page of events sorted by reports whose filter uses only these is picked from its
# narrow rows alone (web/queries.py ``_reported_keys``), without joining the events.
REPORT_COLUMNS = (("event_rowid", "BIGINT", "e.event_rowid"), ("day", "DATE", "e.day"),
                  ("dated", "BOOLEAN", "e.date IS NOT NULL"), ("type", "VARCHAR", "e.type"),
                  ("modality", "VARCHAR", "e.modality"), ("quad_class", "INTEGER", "e.quad_class"),
                  ("score", "DOUBLE", "e.score"), ("confidence", "DOUBLE", "e.confidence"),
                  ("party", "BOOLEAN", "(len(e.actor) > 0 OR len(e.recipient) > 0)"))
LATER_TABLES["event_reports"] = ("CREATE TABLE IF NOT EXISTS event_reports (article_sha1 VARCHAR NOT NULL, "
                                 "idx INTEGER NOT NULL, cluster_id BIGINT NOT NULL, reports BIGINT"
                                 + "".join(f", {c} {t}" for c, t, _ in REPORT_COLUMNS) + ")")
# one row per event, its key, its row id (a hint, checked against the key when read) and the same
# filter columns as event_reports, each batch stored in day order: a page of events whose filter uses
# only these columns (the events page: confidence and party) is picked from these narrow rows, and
# sorted by date from the few row groups its days span (their min/max), not from every event
# (web/queries.py ``_narrow``). Read only while it holds as many rows as ``events``: the events of
# an article missing from ``articles`` (rows inserted by hand) are never summarised
LATER_TABLES["event_days"] = ("CREATE TABLE IF NOT EXISTS event_days (article_sha1 VARCHAR NOT NULL, "
                              "idx INTEGER NOT NULL" + "".join(f", {c} {t}" for c, t, _ in REPORT_COLUMNS) + ")")
# columns a summary gained after it was first shipped: a database whose table lacks one has it
# dropped and filled anew on its next refresh (until then ``fresh`` is false)
LATER_COLUMNS = {"event_reports": "event_rowid", "actor_events": "sort_key", **{name: "row_id" for name in KEY_TABLES}}
WORDS = "[0-9a-z_]+"  # a word of article_words, in lower-cased text
LATER_STEPS = {
    "article_words": f"""INSERT INTO article_words
        SELECT DISTINCT unnest(regexp_extract_all(lower(concat_ws(' ', title, text)), '{WORDS}')) AS word, sha1
        FROM articles WHERE sha1 IN {{pending}} ORDER BY word""",
    "quote_groups": """INSERT INTO quote_groups SELECT speaker, kind, cue, count(*) FROM pending_quotes
        WHERE article_sha1 IN (SELECT sha1 FROM articles) GROUP BY ALL""",
    "place_groups": """INSERT INTO place_groups SELECT name, country, admin1, feature, geonames_id, count(*)
        FROM pending_places WHERE article_sha1 IN (SELECT sha1 FROM articles) GROUP BY ALL""",
    "check_groups": """INSERT INTO check_groups SELECT severity, kind, count(*) FROM pending_checks
        WHERE article_sha1 IN (SELECT sha1 FROM articles) GROUP BY ALL""",
    "article_groups": """INSERT INTO article_groups SELECT source, language, count(*) FROM articles
        WHERE sha1 IN {pending} GROUP BY ALL""",
    # (the code the batch's articles give the actor most often, ties to the least; else, after
    # actor_summary, its code as summarised; an id of no stored actor has code ''. Most often, not
    # least: an id coded USA in most articles and ARG in one would put USA's range from ARG on)
    "actor_order": """INSERT INTO actor_order
        SELECT a.actor_id, coalesce(any_value(f.code), upper(min(s.code)), '') || '|' || a.actor_id
        FROM (SELECT unnest(list_concat(actor, recipient)) AS actor_id FROM pending_events) a
        LEFT JOIN (SELECT actor_id, first(code ORDER BY n DESC, code) AS code
                   FROM (SELECT actor_id, upper(code) AS code, count(*) AS n FROM pending_actors
                         WHERE actor_id IS NOT NULL AND code IS NOT NULL AND code <> '' GROUP BY ALL)
                   GROUP BY actor_id) f USING (actor_id)
        LEFT JOIN actor_summary s USING (actor_id)
        WHERE a.actor_id IS NOT NULL AND a.actor_id NOT IN (SELECT actor_id FROM actor_order) GROUP BY a.actor_id""",
    # (an id twice in one list is one row; each batch is stored in key order, and the whole table is
    # sorted again when the batches added since its last sort fill a row group: ``sort``)
    "actor_events": """INSERT INTO actor_events
        WITH e AS (SELECT (SELECT coalesce(max(ev), 0) FROM actor_events)
                          + row_number() OVER (ORDER BY article_sha1, idx) AS ev, * FROM pending_events),
        sides AS (SELECT a.actor_id, TRUE AS as_actor, e.* FROM e, unnest(e.actor) AS a(actor_id)
                  UNION ALL SELECT r.actor_id, FALSE, e.* FROM e, unnest(e.recipient) AS r(actor_id))
        SELECT DISTINCT s.actor_id, as_actor, ev, event_rowid, article_sha1, idx, day, date IS NOT NULL, type, modality,
               quad_class, score, confidence, o.sort_key
        FROM sides s JOIN actor_order o USING (actor_id) ORDER BY o.sort_key, as_actor, ev""",
    # (after actor_order: every id of an event has its key; an id twice in one list is one row)
    "pair_events": """INSERT INTO pair_events
        WITH e AS (SELECT (SELECT coalesce(max(ev), 0) FROM pair_events)
                          + row_number() OVER (ORDER BY article_sha1, idx) AS ev, * FROM pending_events
                   WHERE len(actor) > 0 AND len(recipient) > 0),
        pairs AS (SELECT e.*, a.actor_id AS source, r.actor_id AS target
                  FROM e, unnest(e.actor) AS a(actor_id), unnest(e.recipient) AS r(actor_id))
        SELECT DISTINCT s.sort_key, t.sort_key, ev, day, date IS NOT NULL, type, modality, quad_class, score, confidence
        FROM pairs p JOIN actor_order s ON s.actor_id = p.source JOIN actor_order t ON t.actor_id = p.target
        ORDER BY 1, 2, 3""",
    "summary_sorted": "SELECT 1",  # (kept by ``sort``)
}
# the summaries kept in an order the queries narrow by (name: its ORDER BY, each batch's own order in
# LATER_STEPS): rewritten in that order by ``sort`` after a run of writes (``Store.sort_summaries``),
# never inside a write's transaction. Batches in order are not enough: every row group of a table
# written 32 articles at a time spans the whole range of its order, so DuckDB's zone maps skip none
# (a word of article_words read from every one of 700 row groups, a speaker's quote keys from all 36)
SORTED = {"actor_events": "sort_key, as_actor, ev", "pair_events": "source_key, target_key, ev",
          "event_days": "day, article_sha1, idx", "event_reports": "reports DESC, article_sha1, idx",
          **{name: f"{columns[0][0]}, published" for name, (_, columns) in KEY_TABLES.items()},
          "article_words": "word"}
# those ``sort`` keeps in order as they are written; the others only by ``whodid optimize``
# (store/layout.py): article_words holds some 86 rows per event, and rewriting it whenever a row
# group's worth was added would cost a write more than the write itself
SORTED_BY_WRITES = tuple(name for name in SORTED if name != "article_words")
# the summaries whose rows carry ``actor_order``'s keys: made anew with it
KEYED_BY_ORDER = ("actor_events", "pair_events")
SORT_TAIL_ROWS = 122_880  # (a DuckDB row group: a tail shorter than this adds one or two to a range's)
# A summary is rewritten when its unsorted tail (the rows added since its last sort) reaches both a
# row group and this share of its rows, so the rewrites of a growing database cost a bounded number of
# row copies per row added (at most 1 / SORT_TAIL_SHARE) and a range read touches at most about this
# share of row groups more than in order; and only by a run of writes (a `whodid ingest`, a watcher's
# poll) that itself added SORT_RUN_ROWS rows or more to it: a small write (one pasted article, one
# file) never waits for a rewrite of the whole summary (a minute at a million events), whatever the
# tail. Tails small writes leave are rewritten by a later large run or by `whodid optimize`.
SORT_TAIL_SHARE = 1 / 8
SORT_RUN_ROWS = SORT_TAIL_ROWS
# (each batch stored in its first column's order; items of no stored article left out, as the
# table's join does)
for _name, (_item, _columns) in KEY_TABLES.items():
    LATER_STEPS[_name] = (f"INSERT INTO {_name} SELECT "
                          + "".join(f"{c[2] if len(c) > 2 else 'q.' + c[0]}, " for c in _columns)
                          + f"""q.article_sha1, q.idx, a.published, q.item_rowid
        FROM pending_{_item} q JOIN (SELECT sha1, published FROM articles WHERE sha1 IN {{pending}}) a
             ON a.sha1 = q.article_sha1 {KEY_JOINS.get(_item, "")}
        ORDER BY q.{_columns[0][0]}, a.published""")
LATER_STEPS["event_reports"] = f"""INSERT INTO event_reports
    SELECT m.article_sha1, m.event_idx, m.cluster_id, c.num_articles, {", ".join(x for _, _, x in REPORT_COLUMNS)}
    FROM event_cluster_mentions m JOIN event_clusters c USING (cluster_id)
    LEFT JOIN pending_events e ON e.article_sha1 = m.article_sha1 AND e.idx = m.event_idx
    WHERE m.article_sha1 IN (SELECT * FROM {{pending}} p EXCEPT SELECT article_sha1 FROM unlinked_articles)
      AND NOT EXISTS (
        SELECT 1 FROM event_reports r WHERE r.article_sha1 = m.article_sha1 AND r.idx = m.event_idx)
    ORDER BY c.num_articles DESC, m.article_sha1, m.event_idx"""

LATER_STEPS["event_days"] = f"""INSERT INTO event_days
    SELECT e.article_sha1, e.idx, {", ".join(x for _, _, x in REPORT_COLUMNS)} FROM pending_events e
    ORDER BY e.day, e.article_sha1, e.idx"""

PENDING = "(SELECT article_sha1 FROM summary_pending)"
# the pending articles' rows of each table, copied once: every step then reads these few rows
# rather than filtering a table of millions again
ITEM_TABLES = ("actors", "mentions", "events", "quotes", "places", "checks")

# each statement adds the pending articles' rows; counts are grouped per key first (an upsert may
# touch a key once per statement); names and codes are min() per key, and
# least() on conflict, which skips NULLs as min() does, so a summary keeps what the live queries pick
STEPS = [
    """INSERT INTO actor_summary (actor_id, name, kind, code, country, sector, wikidata, articles)
        SELECT actor_id, min(name), min(kind), min(code), min(country), min(sector),
               min(wikidata), count(*)
        FROM pending_actors WHERE actor_id IS NOT NULL GROUP BY actor_id
        ON CONFLICT (actor_id) DO UPDATE SET articles = actor_summary.articles + excluded.articles,
            name = least(actor_summary.name, excluded.name), kind = least(actor_summary.kind, excluded.kind),
            code = least(actor_summary.code, excluded.code),
            country = least(actor_summary.country, excluded.country),
            sector = least(actor_summary.sector, excluded.sector),
            wikidata = least(actor_summary.wikidata, excluded.wikidata)""",
    """INSERT INTO actor_summary (actor_id, mentions)
        SELECT actor_id, count(*) FROM pending_mentions WHERE actor_id IS NOT NULL GROUP BY actor_id
        ON CONFLICT (actor_id) DO UPDATE SET mentions = actor_summary.mentions + excluded.mentions""",
    """INSERT INTO actor_summary (actor_id, events_as_actor, events_as_recipient, events)
        SELECT actor_id, count(*) FILTER (WHERE list_contains(actor, actor_id)),
               count(*) FILTER (WHERE list_contains(recipient, actor_id)), count(*)
        FROM (SELECT unnest(list_distinct(list_concat(actor, recipient))) AS actor_id, actor, recipient
              FROM pending_events)
        WHERE actor_id IS NOT NULL GROUP BY actor_id
        ON CONFLICT (actor_id) DO UPDATE SET
            events_as_actor = actor_summary.events_as_actor + excluded.events_as_actor,
            events_as_recipient = actor_summary.events_as_recipient + excluded.events_as_recipient,
            events = actor_summary.events + excluded.events""",
    """INSERT INTO actor_summary (actor_id, quotes)
        SELECT speaker, count(*) FROM pending_quotes WHERE speaker IS NOT NULL GROUP BY speaker
        ON CONFLICT (actor_id) DO UPDATE SET quotes = actor_summary.quotes + excluded.quotes""",
    """INSERT INTO actor_roles SELECT DISTINCT actor_id, role FROM pending_actors
        WHERE actor_id IS NOT NULL AND role IS NOT NULL
        ON CONFLICT DO NOTHING""",
    """INSERT INTO actor_forms
        SELECT DISTINCT actor_id, name, kind, code, country FROM pending_actors
        EXCEPT SELECT actor_id, name, kind, code, country FROM actor_forms""",
    f"""INSERT INTO actor_aliases SELECT DISTINCT actor_id, text, how FROM pending_mentions
        WHERE how IN {NAME_MENTIONS} AND actor_id IS NOT NULL AND text IS NOT NULL
        ON CONFLICT DO NOTHING""",
    # a place is counted by its GeoNames id, else its name; an event counts for it when its article
    # names the place by the event's own place name
    """INSERT INTO place_summary (key, name, geonames_id, country, lat_sum, lon_sum, located, articles, events)
        WITH pl AS (SELECT coalesce(CAST(geonames_id AS VARCHAR), name) AS key, * FROM pending_places
                    WHERE lat IS NOT NULL AND lon IS NOT NULL),
        ev AS (SELECT pl.key, count(DISTINCT (e.article_sha1, e.idx)) AS n
               FROM pending_events e JOIN (SELECT DISTINCT key, article_sha1, name FROM pl) pl
                    ON pl.article_sha1 = e.article_sha1 AND pl.name = e.place GROUP BY pl.key)
        SELECT key, min(name), min(geonames_id), min(country), sum(lat), sum(lon), count(*),
               count(DISTINCT article_sha1), coalesce(any_value(ev.n), 0)
        FROM pl LEFT JOIN ev USING (key) GROUP BY key
        ON CONFLICT (key) DO UPDATE SET lat_sum = place_summary.lat_sum + excluded.lat_sum,
            lon_sum = place_summary.lon_sum + excluded.lon_sum, located = place_summary.located + excluded.located,
            articles = place_summary.articles + excluded.articles, events = place_summary.events + excluded.events,
            name = least(place_summary.name, excluded.name),
            geonames_id = least(place_summary.geonames_id, excluded.geonames_id),
            country = least(place_summary.country, excluded.country)""",
    # one row per (actor, recipient, confidence, score): the network filters by confidence exactly
    """INSERT INTO edge_summary
        SELECT src.id, dst.id, coalesce(e.confidence, 0), coalesce(e.score, 0), e.score IS NOT NULL, count(*)
        FROM pending_events e, unnest(e.actor) AS src(id), unnest(e.recipient) AS dst(id)
        WHERE src.id <> dst.id GROUP BY ALL
        ON CONFLICT DO UPDATE SET events = edge_summary.events + excluded.events""",
    """INSERT INTO article_counts
        SELECT p.article_sha1, coalesce(ev.n, 0), coalesce(qu.n, 0), coalesce(ch.n, 0) FROM summary_pending p
        LEFT JOIN (SELECT article_sha1, count(*) AS n FROM pending_events GROUP BY 1) ev USING (article_sha1)
        LEFT JOIN (SELECT article_sha1, count(*) AS n FROM pending_quotes GROUP BY 1) qu USING (article_sha1)
        LEFT JOIN (SELECT article_sha1, count(*) AS n FROM pending_checks GROUP BY 1) ch USING (article_sha1)""",
    "INSERT INTO summarised_articles SELECT article_sha1 FROM summary_pending",
]


def refresh(con: duckdb.DuckDBPyConnection) -> int:
    """Add the articles not yet summarised to the summaries (inside the caller's transaction, if
    any); returns how many there were."""
    for table, column in LATER_COLUMNS.items():  # (made before the column: filled anew below)
        if table_exists(con, table) and not column_exists(con, table, column):
            con.execute(f"DROP TABLE {table}")
    if not table_exists(con, "actor_order"):  # (its keys made anew: so are the rows that carry them)
        for table in KEYED_BY_ORDER:
            con.execute(f"DROP TABLE IF EXISTS {table}")
    missing = [t for t in LATER_TABLES if not table_exists(con, t)]
    con.execute(TABLES)
    for table in LATER_TABLES.values():
        con.execute(table)
    for table in set(missing) & set(SORTED):  # (filled in order below; its last sort is of the table dropped)
        con.execute("DELETE FROM summary_sorted WHERE name = ?", [table])
    temporary = ["summary_pending", *(f"pending_{t}" for t in ITEM_TABLES)]
    try:
        if missing:  # made now: filled for the articles summarised before they were
            _pending(con, "SELECT article_sha1 FROM summarised_articles")
            for table in missing:
                con.execute(LATER_STEPS[table].format(pending=PENDING))
        _pending(con, "SELECT sha1 AS article_sha1 FROM articles EXCEPT SELECT article_sha1 FROM summarised_articles")
        pending = con.execute("SELECT count(*) FROM summary_pending").fetchone()[0]
        if pending:
            for sql in [*STEPS[:-1], *(step.format(pending=PENDING) for step in LATER_STEPS.values()), STEPS[-1]]:
                con.execute(sql)
        if missing:  # (made now from every article: checked once and its sort recorded, in this write)
            sort(con, tail_rows=0, names=tuple(n for n in SORTED_BY_WRITES if n in missing), share=0)
    finally:
        for table in temporary:
            con.execute(f"DROP TABLE IF EXISTS temp.{table}")
    return pending


def rows_of(con: duckdb.DuckDBPyConnection, names: tuple[str, ...] = SORTED_BY_WRITES) -> dict[str, int]:
    """How many rows each summary of ``names`` holds (those made so far): a run's baseline for ``sort``."""
    return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in names if table_exists(con, name)}


def sort(con: duckdb.DuckDBPyConnection, tail_rows: int | None = None,
         names: tuple[str, ...] = SORTED_BY_WRITES, share: float | None = None,
         before: dict[str, int] | None = None, each: Callable[[], ContextManager] | None = None) -> list[str]:
    """Rewrite each summary of ``names`` (of ``SORTED``) in its order when the rows added since its
    last sort are ``tail_rows`` (default ``SORT_TAIL_ROWS``) or more and ``share`` (default
    ``SORT_TAIL_SHARE``) of its rows or more; with ``before`` (``rows_of`` at the start of a run of
    writes), only those the run added ``SORT_RUN_ROWS`` rows or more to. Each summary in the caller's
    transaction, or in one ``each()`` of its own; returns the ones rewritten. Only the summary's own
    row order changes (the row-id hints it keeps are those of the item tables' rows, which
    ``fix_hints`` may still set after the write commits, by key); a table not yet made is skipped."""
    tail_rows = SORT_TAIL_ROWS if tail_rows is None else tail_rows
    share = SORT_TAIL_SHARE if share is None else share
    done = []
    for name in names:
        if not table_exists(con, name):
            continue
        rows, = con.execute(f"SELECT count(*) FROM {name}").fetchone()
        if before is not None and rows - before.get(name, 0) < max(SORT_RUN_ROWS, 1):
            continue  # (a small run: its tail is left to a larger one, or to `whodid optimize`)
        found = con.execute("SELECT sorted_rows FROM summary_sorted WHERE name = ?", [name]).fetchone()
        if found is not None and rows - found[0] < max(tail_rows, share * rows, 1):
            continue  # (a short tail)
        with each() if each else nullcontext():
            # (never sorted: made and filled in one batch, in order, unless a database of an earlier
            # version of this; checked once)
            if found is not None or not in_order(con, name):
                rewrite(con, name)
                done.append(name)
            con.execute("INSERT OR REPLACE INTO summary_sorted VALUES (?, ?)", [name, rows])
    return done


def rewrite(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Store the summary ``name`` (of ``SORTED``) anew in its order, in the caller's transaction (the
    copy is made, then the old table dropped: a crash before the commit leaves the old one)."""
    con.execute(f"ALTER TABLE {name} RENAME TO {name}_unsorted")
    con.execute(LATER_TABLES[name])
    con.execute(f"INSERT INTO {name} SELECT * FROM {name}_unsorted ORDER BY {SORTED[name]}")
    con.execute(f"DROP TABLE {name}_unsorted")


def in_order(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """The summary ``name``'s rows are stored in its order (``SORTED``; a scan of the table): no row
    sorts before the one stored before it, as ORDER BY sorts (ASC or DESC per column, NULLs last)."""
    terms = [term.split() for term in SORTED[name].split(",")]
    columns = [t[0] for t in terms]
    lags = ", ".join(f"lag({c}) OVER (ORDER BY rowid) AS before_{c}" for c in columns)
    # the row sorts after the one before it on a column, or ties on it and so on for the next ones
    after = "FALSE"
    for term in reversed(terms):
        c, way = term[0], ">" if len(term) > 1 and term[1].upper() == "DESC" else "<"
        after = (f"((before_{c} IS NOT NULL AND ({c} IS NULL OR before_{c} {way} {c})) "
                 f"OR (before_{c} IS NOT DISTINCT FROM {c} AND {after}))")
    tie = " AND ".join(f"before_{c} IS NOT DISTINCT FROM {c}" for c in columns)
    return con.execute(f"""SELECT count(*) = 0 FROM (SELECT {", ".join(columns)}, {lags},
                                                             row_number() OVER (ORDER BY rowid) AS n FROM {name})
                           WHERE NOT (n = 1 OR {after} OR ({tie}))""").fetchone()[0]


# The row-id hints the summaries keep (table: (hint column, item table)). A row a transaction adds has
# a temporary row id until it commits (DuckDB numbers them from its MAX_ROW_ID, 2^55 rounded), so the
# hints a refresh takes inside a write's transaction are those, not the rows' own: ``fix_hints``, run
# after the write commits, replaces every hint still in that range by the row's row id, read by key.
HINTS = {"actor_events": ("event_rowid", "events"), "event_reports": ("event_rowid", "events"),
         "event_days": ("event_rowid", "events"), **{name: ("row_id", item) for name, (item, _) in KEY_TABLES.items()}}
TEMPORARY_ROW_IDS = 36_028_797_018_960_000  # (DuckDB's MAX_ROW_ID: the first row id of a transaction's new rows)


def fix_hints(con: duckdb.DuckDBPyConnection) -> int:
    """Give every summary row whose row-id hint is a transaction's temporary row id (taken before
    its rows were committed) the row id of its item, matched by (article_sha1, idx), in a transaction
    of its own; returns how many hints changed. The hints are only a speed-up that every reader checks
    against the key, so a crash before this, or a conflict with another writer doing the same (this
    transaction is then rolled back), leaves the answers right; the next call fixes what is left,
    since it looks for every hint in the temporary range, not just the last write's."""
    changed = 0
    con.execute("BEGIN TRANSACTION")
    try:
        for table, (column, items) in HINTS.items():
            if not table_exists(con, table) or not column_exists(con, table, column):
                continue
            sha1s = [sha for (sha,) in con.execute(f"SELECT DISTINCT article_sha1 FROM {table} WHERE {column} >= ?",
                                                   [TEMPORARY_ROW_IDS]).fetchall()]
            if not sha1s:
                continue
            # (the articles as a list of values: their items looked up in the item table's key index)
            changed += con.execute(f"""
                UPDATE {table} SET {column} = i.item_rowid
                FROM (SELECT rowid AS item_rowid, article_sha1, idx FROM {items}
                      WHERE article_sha1 IN ({", ".join("?" * len(sha1s))})) i
                WHERE {table}.{column} >= ? AND i.article_sha1 = {table}.article_sha1 AND i.idx = {table}.idx""",
                                   [*sha1s, TEMPORARY_ROW_IDS]).fetchone()[0]
        con.execute("COMMIT")
    except duckdb.Error:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # (a failed COMMIT has ended the transaction already)
        return 0  # the hints stay off (checked by every reader); the next write fixes them
    return changed


def _pending(con: duckdb.DuckDBPyConnection, articles: str) -> None:
    """``articles`` (a query of article sha1s) as summary_pending, with their rows of each table."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE summary_pending AS {articles}")
    for table in ITEM_TABLES:
        # (each row's row id: for actor_events, event_reports and the key summaries)
        rowid = "rowid AS event_rowid, " if table == "events" else "rowid AS item_rowid, " \
            if table in {item for item, _ in KEY_TABLES.values()} else ""
        con.execute(f"CREATE OR REPLACE TEMP TABLE pending_{table} AS "
                    f"SELECT {rowid}* FROM {table} WHERE article_sha1 IN {PENDING}")


def table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """``table`` is a stored table of the database (not a temporary one)."""
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main' "
                       "AND NOT temporary", [table]).fetchone()[0] > 0


def column_exists(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """``table``, a stored table, has ``column``."""
    return con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ? "
                       "AND schema_name = 'main' AND database_name <> 'temp'", [table, column]).fetchone()[0] > 0


def fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Every stored article is in the summaries (so they may be read instead of the tables)."""
    if not all(table_exists(con, t) for t in ("summarised_articles", *LATER_TABLES)):
        return False
    if not all(column_exists(con, t, c) for t, c in LATER_COLUMNS.items()):
        return False
    stored, summarised = con.execute("SELECT (SELECT count(*) FROM articles), "
                                     "(SELECT count(*) FROM summarised_articles)").fetchone()
    return stored == summarised
