"""Pages picked the quick way give the rows the plain query gives: events sorted by date read only
the days their page spans (``queries.DayCounts.window``, from the kept count per day), and the tables of
quotes, places and checks read a page's rows from its articles alone (``Table.of_articles``) and
pick it without the costly columns it does not use (``Table.light``)."""

from __future__ import annotations

import dataclasses

import duckdb

from whodid.store import clusters, summaries
from whodid.web import queries, tables
from whodid.web.answers import Answers
from whodid.web.database import Reading


def _plain_event_page(con, flt: queries.EventFilter, descending: bool, limit: int, offset: int) -> list[tuple]:
    sql, params = queries._event_keys_query(flt.resolved(con), "date", descending)
    rowids = [r[0] for r in con.execute(sql, params + [limit, offset]).fetchall()]
    keys = {r: (sha, idx) for r, sha, idx in con.execute(
        "SELECT rowid, article_sha1, idx FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))", [rowids]).fetchall()}
    return [keys[r] for r in rowids]


def test_event_pages_by_date_read_only_their_days(writable_db):
    con = duckdb.connect(str(writable_db))
    # events with no day (sorted last) and many on one day, so pages start and end inside a day
    con.execute("UPDATE events SET day = NULL WHERE idx % 3 = 0")
    con.execute("UPDATE events SET day = DATE '2022-03-01' WHERE idx % 3 = 1 AND idx % 2 = 0")
    # (stored events never change otherwise: the per-actor event lists and the events' narrow rows,
    # which carry each event's day, are made again for the changed days)
    con.execute("DROP TABLE actor_events")
    con.execute("DROP TABLE event_days")
    summaries.refresh(con)
    assert summaries.fresh(con)
    cur = Reading(con.cursor(), Answers())
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    days = con.execute("SELECT count(DISTINCT day), count(*) FILTER (WHERE day IS NULL) FROM events").fetchone()
    assert total > 30 and days[0] > 3 and days[1] > 3
    filters = [queries.EventFilter(), queries.EventFilter(has_party=True, min_confidence=0.2),
               queries.EventFilter(actor="RUS"), queries.EventFilter(type="NO-SUCH-TYPE"),
               queries.EventFilter(place="k")]  # (a place: from the events table, not event_days)
    assert queries._narrow(cur, filters[1]) is not None and queries._narrow(cur, filters[-1]) is None
    compared = 0
    for flt in filters:
        count = queries.event_count(con, flt.resolved(con))
        for descending in (True, False):
            # (the plain query's whole order, once: each page below is its slice, as LIMIT/OFFSET gives it)
            whole = _plain_event_page(con, flt, descending, total + 1, 0)
            for limit in (1, 7):
                for offset in [*range(0, 12), *range(12, total + 2, 5)]:
                    got = queries.events(cur, flt, "date", descending, limit, offset)
                    keys = [(r["article_sha1"], r["idx"]) for r in got["items"]]
                    assert keys == whole[offset:offset + limit], (flt, descending, limit, offset)
                    assert got["total"] == count
                    compared += len(keys)
    assert compared > 100
    con.close()


def test_table_pages_from_their_articles_equal_the_plain_ones(web_db):
    con = duckdb.connect(str(web_db), read_only=True)
    cur = Reading(con.cursor(), Answers())
    # (the plain pages read as the app reads too, with answers of their own: whether the summaries
    # are fresh is then worked out once, not once per page)
    plain_cur = Reading(con.cursor(), Answers())
    views = {
        "quotes": [{}, {"speaker_code": "RUS"}, {"kind": "direct"}],
        "places": [{}, {"country": "UA"}, {"events": "1"}],
        "checks": [{}, {"severity": "warning"}],
    }
    compared = 0
    for name, filters in views.items():
        table = tables.TABLES[name]
        assert table.of_articles
        plain = dataclasses.replace(table, of_articles=None, light=None, picks=None)  # (the full join)
        total = con.execute(f"SELECT count(*) FROM ({table.base})").fetchone()[0]
        for flt in filters:
            for sort in ("published", "events" if name == "places" else "idx", None):
                for descending in (None, False):
                    for offset in range(0, total + 2, max(3, total // 12)):
                        view = tables.View(filters=flt, sort=sort, descending=descending, limit=5, offset=offset)
                        got = tables._browse(cur, table, view)
                        assert got == tables._browse(plain_cur, plain, view), (name, flt, sort, descending, offset)
                        compared += len(got["items"])
    assert compared > 100
    con.close()


def test_event_pages_by_reports_equal_the_plain_ones(writable_db):
    """Sorted by reports, most first: a page the events reported twice or more fill is picked among
    them alone, from the summaries' per-event reports; a page the events with reports fill, either
    way round and under a filter on the columns ``event_reports`` carries, is picked from its narrow
    rows alone (``queries._reported_keys``); every page equals the one the plain query (every event
    joined to its cluster and their mentions) gives."""
    con = duckdb.connect(str(writable_db))
    # (the samples report each event once: clusters of 2-4 articles made here, ties among them too)
    con.execute("UPDATE event_clusters SET num_articles = 2 + cluster_id % 3 WHERE cluster_id % 4 = 0")
    # (and in the summaries' per-event reports, as linking keeps them when it changes a count)
    clusters._keep_reports(con, [], [c for (c,) in con.execute("SELECT cluster_id FROM event_clusters").fetchall()])
    assert summaries.fresh(con)
    reported = con.execute("""SELECT count(*) FROM event_cluster_mentions m JOIN event_clusters c USING (cluster_id)
                              WHERE c.num_articles >= 2""").fetchone()[0]
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert 2 <= reported < total  # pages of both kinds: among the reported ones, and past them
    kind, modality = con.execute("SELECT type, modality FROM events GROUP BY ALL ORDER BY count(*) DESC, 1, 2 "
                                 "LIMIT 1").fetchone()
    # (read as the app reads, through a request's cursor and its kept answers: the data no longer
    # changes, and the summaries' freshness is then worked out once, not a few times per page)
    cur = Reading(con.cursor(), Answers())
    # each event's reports as the tables say (its cluster's articles; None: in no cluster)
    reports = dict(con.execute("""SELECT e.rowid, c.num_articles FROM events e
                                  LEFT JOIN event_cluster_mentions m ON m.article_sha1 = e.article_sha1
                                                                     AND m.event_idx = e.idx
                                  LEFT JOIN event_clusters c USING (cluster_id)""").fetchall())
    narrow = picked = 0  # pages picked from event_reports alone, and the others
    for flt in (queries.EventFilter(), queries.EventFilter(has_party=True), queries.EventFilter(type=kind.lower()),
                queries.EventFilter(modality=modality, min_confidence=0.2, has_party=True),
                queries.EventFilter(date_basis="published", quad_class=1), queries.EventFilter(score_min=-2),
                queries.EventFilter(date_from="2022-03-01", date_to="2022-12-31", date_basis="event"),
                queries.EventFilter(actor="RUS")):
        for descending in (True, False):
            # the plain query's whole order, once: each page below is its slice, as LIMIT/OFFSET gives it
            sql, params = queries._event_keys_query(flt.resolved(con), "reports", descending)
            plain = [r[0] for r in con.execute(sql, params + [total + 1, 0]).fetchall()]
            keys = {r: (sha, idx) for r, sha, idx in con.execute(
                "SELECT rowid, article_sha1, idx FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))",
                [plain]).fetchall()}
            whole = [keys[r] for r in plain]
            count = con.execute(f"SELECT count(*) FROM ({sql.split('ORDER BY')[0]})", params).fetchone()[0]
            assert count == len(whole)
            # where the way a page is picked changes: the events reported twice or more, those with
            # reports, and all of them end (a page just filled by each, one short, one past)
            ends = (sum((reports[r] or 0) >= 2 for r in plain), sum(reports[r] is not None for r in plain), count)
            for limit in (1, 50):
                offsets = {0, 1, 2, *range(0, count + 2, 9)} | {
                    end - limit + d for end in ends for d in (-1, 0, 1, 2) if end - limit + d >= 0}
                for offset in sorted(offsets):
                    alone = queries._reported_keys(cur, flt, descending, limit, offset) is not None
                    narrow, picked = narrow + alone, picked + (not alone)
                    got = queries.events(cur, flt, "reports", descending, limit, offset)
                    assert [(r["article_sha1"], r["idx"]) for r in got["items"]] == whole[offset:offset + limit], \
                        (flt, descending, limit, offset)
                    assert got["total"] == count
    assert narrow > 50 and picked > 50
    con.close()
