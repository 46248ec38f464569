"""What keeping the web app's summaries costs a write (store/summaries.py), at a million events.

    python benchmarks/summaries_refresh.py [--db benchmarks/results/web-load-web-load-400-2-1000000.duckdb]

Copies the database (the scaled one web_load.py builds and keeps in benchmarks/results/) to a
temporary file, then adds 1, 32 and 1 articles, each a copy of a stored article with all its rows
under a new sha1 (as a stored batch adds them), and times ``summaries.refresh`` for each, then a
refresh with nothing new. The baseline, in the same run: a full scan of the events counting them
by type. The original database is not changed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "benchmarks" / "results" / "web-load-web-load-400-2-1000000.duckdb"
ITEM_TABLES = ("actors", "mentions", "events", "quotes", "places", "checks")


def add_copies(con: duckdb.DuckDBPyConnection, n: int, tag: str) -> None:
    """``n`` stored articles again, with every item row, under new sha1s ending in ``tag``."""
    shas = [r[0] for r in con.execute(f"SELECT sha1 FROM articles WHERE NOT contains(sha1, '+') "
                                      f"USING SAMPLE {n} ROWS").fetchall()]
    con.execute("CREATE OR REPLACE TEMP TABLE picked AS SELECT unnest(?::VARCHAR[]) AS sha1", [shas])
    con.execute(f"""INSERT INTO articles (sha1, id, text, published, published_date)
                    SELECT sha1 || '{tag}', id || '{tag}', text, published, published_date FROM articles
                    WHERE sha1 IN (SELECT sha1 FROM picked)""")
    for table in ITEM_TABLES:
        con.execute(f"INSERT INTO {table} SELECT * REPLACE (article_sha1 || '{tag}' AS article_sha1) FROM {table} "
                    "WHERE article_sha1 IN (SELECT sha1 FROM picked)")


def main() -> None:
    from whodid.store import summaries

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such database; build it with `python benchmarks/web_load.py --events 1000000`")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.duckdb"
        shutil.copy(args.db, copy)
        con = duckdb.connect(str(copy))
        if not summaries.fresh(con):
            summaries.refresh(con)
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        times = []
        for _ in range(3):
            start = time.perf_counter()
            con.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall()
            times.append(time.perf_counter() - start)
        baseline = statistics.median(times)
        print(f"database: {args.db.name} (copied): {events:,} events; DuckDB {duckdb.__version__}")
        print(f"baseline: events counted by type (full scan), median of 3: {baseline * 1000:.0f} ms")
        for i, n in enumerate((1, 32, 1, 0)):
            con.execute("BEGIN TRANSACTION")
            if n:
                add_copies(con, n, f"+{i}")
            start = time.perf_counter()
            done = summaries.refresh(con)
            seconds = time.perf_counter() - start
            con.execute("COMMIT")
            assert done == n and summaries.fresh(con)
            print(f"refresh after {n:2d} new articles: {seconds * 1000:6.0f} ms = {seconds / baseline:5.1f}x baseline")
        con.close()


if __name__ == "__main__":
    main()
