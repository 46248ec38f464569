"""What healing a crash between storing and linking costs at the start of every ingest and watch poll.

    python benchmarks/link_heal.py DB.duckdb [--runs 5]

On a copy of an existing whodid database (nothing to link: every event is in a
cluster), times, median of ``--runs`` after a warm-up, each as a ratio to a
full scan of the events table in the same run:
- ``link_events(con)``: the scan of every event against its cluster mentions
  that ``ingest_items`` ran at the start of every call before;
- ``link_pending(con)``: what it runs now, reading the ``unlinked_articles`` marks.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def timed(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from whodid.store import Store
    from whodid.store.clusters import link_events, link_pending

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.duckdb"
        shutil.copy(args.db, copy)
        with Store(copy) as store:
            con = store.con
            link_events(con)  # link whatever is left, so both calls below find nothing to do
            articles, events = con.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
            print(f"database: {args.db} ({articles:,} articles, {events:,} events, all linked); "
                  f"median of {args.runs} runs")
            baseline = timed(lambda: con.execute("SELECT count(*), max(type) FROM events").fetchall(), args.runs)
            for name, fn in (("full scan of events (baseline)", None),
                             ("link_events (scan for the unlinked)", lambda: link_events(con)),
                             ("link_pending (read the marks)", lambda: link_pending(con))):
                seconds = baseline if fn is None else timed(fn, args.runs)
                print(f"{name:40} {seconds * 1000:9.2f} ms  {seconds / baseline:7.2f}x baseline")


if __name__ == "__main__":
    main()
