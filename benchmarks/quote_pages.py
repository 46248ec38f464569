"""Single-request timings of quotes (checks, places) pages (web/tables.py) picking their keys from
the summaries' quote_keys (check_keys, place_keys) against the join of every row to its article,
alternated in one process on one database (read only). Each page is computed anew (no kept answers).
``--table reports``: events pages sorted by reports, their keys picked with the summaries'
event_reports against the clusters joined to their mentions, and a page's clusters looked up
both ways.

    PYTHONPATH=src python benchmarks/quote_pages.py --db <a summarised database> [--repeat 6]
                                                    [--table checks|places|reports]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

import duckdb

from whodid.store import summaries
from whodid.web import tables


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a whodid DuckDB database with its summaries filled")
    ap.add_argument("--repeat", type=int, default=6, help="requests per page and way (default 6)")
    ap.add_argument("--table", choices=("quotes", "checks", "places", "reports"), default="quotes",
                    help="the table whose pages are timed")
    args = ap.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"--db {args.db}: no such file")
    con = duckdb.connect(str(args.db), read_only=True)
    if not summaries.fresh(con):
        sys.exit(f"--db {args.db}: its summaries are not filled (run any write, or whodid serve, on it first)")
    cur = con.cursor()
    if args.table == "checks":
        return _time(cur, tables.CHECKS, "check_keys", _check_views(cur), args.repeat)
    if args.table == "places":
        return _time(cur, tables.PLACES, "place_keys", _place_views(cur), args.repeat)
    if args.table == "reports":
        return _time_reports(cur, args.repeat)
    top = cur.execute("SELECT speaker FROM quote_groups WHERE speaker IS NOT NULL GROUP BY 1 "
                      "ORDER BY sum(n) DESC, 1 LIMIT 1").fetchone()[0]
    views = {"speaker code RUS": tables.View(filters={"speaker_code": "RUS"}),
             "speaker code USA, page 3": tables.View(filters={"speaker_code": "USA"}, offset=100),
             f"speaker id {top}": tables.View(filters={"speaker": top}),
             "speaker name 'putin'": tables.View(filters={"speaker_name": "putin"}),
             "kind direct, oldest first": tables.View(filters={"kind": "direct"}, descending=False),
             "cue 'said' + code GBR": tables.View(filters={"cue": "said", "speaker_code": "GBR"})}
    return _time(cur, tables.QUOTES, "quote_keys", views, args.repeat)


def _check_views(cur) -> dict[str, tables.View]:
    """Checks pages by the most frequent severity and kind."""
    severity, kind = cur.execute("SELECT severity, kind FROM check_groups GROUP BY ALL ORDER BY sum(n) DESC LIMIT 1").fetchone()
    return {f"severity {severity}": tables.View(filters={"severity": severity}),
            f"severity {severity}, page 3": tables.View(filters={"severity": severity}, offset=100),
            f"kind {kind}, oldest first": tables.View(filters={"kind": kind}, descending=False),
            "sorted by kind": tables.View(sort="kind")}


def _place_views(cur) -> dict[str, tables.View]:
    """Places pages by the most frequent countries, and by events."""
    first, second = [c for (c,) in cur.execute("SELECT country FROM place_groups WHERE country IS NOT NULL "
                                               "GROUP BY 1 ORDER BY sum(n) DESC LIMIT 2").fetchall()]
    return {f"country {first}": tables.View(filters={"country": first}),
            f"country {second}, page 3": tables.View(filters={"country": second}, offset=100),
            "events >= 2": tables.View(filters={"events": "2"}),
            f"country {first}, by events": tables.View(filters={"country": first}, sort="events")}


def _time_reports(cur, repeat: int) -> int:
    """Events pages of the commonest types sorted by reports (most first, then fewest first):
    the page's keys picked with event_reports or with the clusters and their mentions, then the
    page's clusters read once from event_reports or from the mentions and the clusters."""
    from whodid.web import queries

    types = [t for (t,) in cur.execute("SELECT type FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 3").fetchall()]
    print(f"{'events page':40} {'clusters ms':>12} {'event_reports ms':>17} {'ratio':>6}  (means over {repeat})")
    for kind in types:
        for descending, offset in ((True, 0), (True, 250), (False, 0)):
            flt = queries.EventFilter(type=kind)
            times: dict[bool, list[float]] = {False: [], True: []}
            found = {}
            for _ in range(repeat):
                for kept in (False, True):
                    start = time.perf_counter()
                    rowids = None
                    if descending:
                        sql, params = queries._event_keys_query(flt, "reports", True, reported=True, kept_reports=kept)
                        rowids = [r[0] for r in cur.execute(sql, params + [50, offset]).fetchall()]
                        rowids = rowids if len(rowids) == 50 else None
                    if rowids is None:
                        sql, params = queries._event_keys_query(flt, "reports", descending, kept_reports=kept)
                        rowids = [r[0] for r in cur.execute(sql, params + [50, offset]).fetchall()]
                    times[kept].append((time.perf_counter() - start) * 1000)
                    found[kept] = rowids
            assert found[False] == found[True], (kind, descending, offset)
            old, new = statistics.mean(times[False]), statistics.mean(times[True])
            name = f"{kind} {'most' if descending else 'fewest'} first, offset {offset}"
            print(f"{name:40} {old:12.0f} {new:17.0f} {old / new:5.1f}x  (the same {len(found[True])} events)")
    sha1s = [s for (s,) in cur.execute("SELECT DISTINCT article_sha1 FROM events USING SAMPLE 30 ROWS").fetchall()]
    times = {"clusters": [], "event_reports": []}
    for _ in range(repeat):
        for way in times:
            start = time.perf_counter()
            if way == "clusters":
                cur.execute("SELECT m.article_sha1, m.event_idx, m.cluster_id FROM event_cluster_mentions m "
                            "WHERE m.article_sha1 IN (SELECT unnest(?::VARCHAR[]))", [sha1s])
                ids = sorted({r[2] for r in cur.fetchall()})
                cur.execute("SELECT cluster_id, num_articles FROM event_clusters WHERE cluster_id IN "
                            "(SELECT unnest(?::BIGINT[]))", [ids]).fetchall()
            else:
                cur.execute("SELECT article_sha1, idx, cluster_id, reports FROM event_reports "
                            "WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))", [sha1s]).fetchall()
            times[way].append((time.perf_counter() - start) * 1000)
    old, new = statistics.mean(times["clusters"]), statistics.mean(times["event_reports"])
    print(f"{'a page of 30 articles: its clusters':40} {old:12.0f} {new:17.0f} {old / new:5.1f}x")
    return 0


def _time(cur, table: tables.Table, keys: str, views: dict[str, tables.View], repeat: int) -> int:
    """Each of ``views`` of ``table`` with its keys picked by the join and from the summary ``keys``
    (``table.picks``), alternated."""
    ways = {"join": dataclasses.replace(table, picks=None), keys: table}
    print(f"{'page':32} {'join ms':>9} {keys + ' ms':>14} {'ratio':>6}  (means over {repeat}, alternated)")
    for name, view in views.items():
        times = {w: [] for w in ways}
        pages = {}
        for _ in range(repeat):
            for way, picking in ways.items():
                start = time.perf_counter()
                page = tables._browse(cur, picking, view)
                times[way].append((time.perf_counter() - start) * 1000)
                pages[way] = [(r["article_sha1"], r["idx"]) for r in page["items"]]
        assert pages["join"] == pages[keys], name
        old, new = statistics.mean(times["join"]), statistics.mean(times[keys])
        print(f"{name:32} {old:9.0f} {new:14.0f} {old / new:5.1f}x  ({len(pages['join'])} rows, the same)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
