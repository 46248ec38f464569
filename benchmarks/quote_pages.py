"""Single-request timings of quotes (or checks) pages (web/tables.py) picking their keys from the
summaries' quote_keys (check_keys) against the join of every row to its article, alternated in one
process on one database (read only). Each page is computed anew (no kept answers).

    PYTHONPATH=src python benchmarks/quote_pages.py --db <a summarised database> [--repeat 6] [--table checks]
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
    ap.add_argument("--table", choices=("quotes", "checks"), default="quotes", help="the table whose pages are timed")
    args = ap.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"--db {args.db}: no such file")
    con = duckdb.connect(str(args.db), read_only=True)
    if not summaries.fresh(con):
        sys.exit(f"--db {args.db}: its summaries are not filled (run any write, or whodid serve, on it first)")
    cur = con.cursor()
    if args.table == "checks":
        return _time(cur, tables.CHECKS, "check_keys", _check_views(cur), args.repeat)
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
