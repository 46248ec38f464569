"""One small write (a pasted article, `whodid ingest` of one file) on a large database, before and
after the summaries' unsorted tails have grown past the point where they are put back in order.

    PYTHONPATH=src python benchmarks/web_write.py --db COPY.duckdb --seed-db SEED.duckdb

(the code measured is the one ``PYTHONPATH`` names: run it with another checkout's ``src`` to
compare; it needs nothing of this branch.)

``COPY.duckdb`` is written to (use a copy: it gains a few articles and its ``summary_sorted``
records are set back); ``SEED.duckdb`` lends one stored analysis (its median by size), stored
anew each time with a text of its own. Each write is what the web app's /analyze (storing) and an
ingest of one file do: ``store_analyses`` (the write, its summaries, its clusters), then the end of
an ingest run (``Store.sort_summaries``, where the code has it). Printed: the seconds of

- ``warm``: the first write (it may check summaries never recorded as sorted, once);
- ``baseline``: a write whose summaries' tails are short;
- ``past``: a write after every summary's tail was set past the re-sort point (its
  ``summary_sorted`` record set back by max(a row group, an eighth of its rows) + 1);
- ``after``: the next write;

and ``past / baseline``, the ratio a user notices. Which summaries each write rewrote is read from
``summary_sorted`` (a record that moved) and from ``summaries.rewrite`` calls.
"""

from __future__ import annotations

import argparse
import json
import time

import duckdb

from whodid.model import Analysis
from whodid.store import Store, summaries
from whodid.store.near_duplicates import StoryIndex
from whodid.store.write import store_analyses


def seed_analysis(seed_db: str) -> dict:
    con = duckdb.connect(seed_db, read_only=True)
    rows = con.execute("SELECT analysis FROM analyses ORDER BY length(analysis), article_sha1").fetchall()
    con.close()
    return json.loads(rows[len(rows) // 2][0])


def fresh(seed: dict, n: int) -> Analysis:
    data = json.loads(json.dumps(seed))
    article = data["article"]
    article["text"] += f"\n(web_write {n} {time.time_ns()})"  # (after every offset: spans still right)
    article.pop("text_sha1", None)
    article.pop("id", None)
    return Analysis.from_json(json.dumps(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed-db", required=True)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    seed = seed_analysis(args.seed_db)
    rewrites: list[str] = []
    rewrite = summaries.rewrite

    def counted(con, name):
        rewrites.append(name)
        return rewrite(con, name)

    summaries.rewrite = counted
    store = Store(args.db)
    started = time.perf_counter()
    stories = StoryIndex(store.stories())
    print(f"{args.label} stories index {time.perf_counter() - started:.1f} s; sorted after a run: "
          f"{'yes' if hasattr(store, 'sort_summaries') else 'no (in the write)'}", flush=True)

    def records() -> dict[str, int]:
        return dict(store.con.execute("SELECT name, sorted_rows FROM summary_sorted").fetchall())

    def write(name: str, n: int) -> float:
        analysis = fresh(seed, n)
        del rewrites[:]
        was = records()
        start = time.perf_counter()
        before = store.summary_rows() if hasattr(store, "summary_rows") else None
        store_analyses(store, stories, [(analysis, f"web_write-{n}")])
        if before is not None:
            store.sort_summaries(before)
        seconds = time.perf_counter() - start
        now = records()
        moved = sorted(k for k in now if was.get(k) != now[k] and k in summaries.SORTED)
        print(f"{args.label} {name:9s} {seconds:7.2f} s  rewritten: {','.join(rewrites) or '-'}  "
              f"records moved: {','.join(moved) or '-'}", flush=True)
        return seconds

    write("warm", 0)
    baseline = write("baseline", 1)
    con = store.con
    for name in summaries.SORTED_BY_WRITES:
        rows, = con.execute(f"SELECT count(*) FROM {name}").fetchone()
        back = max(summaries.SORT_TAIL_ROWS, rows // 8) + 1
        con.execute("INSERT OR REPLACE INTO summary_sorted VALUES (?, ?)", [name, max(rows - back, 0)])
    past = write("past", 2)
    write("after", 3)
    print(f"{args.label} past / baseline = {past / baseline:.1f}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
