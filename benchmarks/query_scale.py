"""Analyst queries over a database of 1 million events or more, with DuckDB.

    python benchmarks/query_scale.py [--corpus FILE.jsonl[.gz]] [--limit N] [--events 1000000] [--runs 5]

1. Seed: real analyses. Ingests ``--limit`` articles (default 200) of the
   corpus (``../shared/corpora/en-worldwide-newswire.jsonl`` when present, else
   the bundled samples) into a fresh database with ``whodid ingest``, and
   reports its size per 1,000 articles and the ingest rate.
2. Scale: copies every stored article with its actors, mentions, places,
   events, event clusters and cluster mentions, shifting dates by one day and
   ids per copy, until there are ``--events`` events. One INSERT ... SELECT per
   table over ``range(copies)``: DuckDB does the bulk work, not Python. (The
   full JSON analyses and dates are not copied: the queries do not
   read them.) ``--seed-db`` takes an existing database as the seed instead.
3. Times each analyst query (median of ``--runs`` runs after one warm-up, the
   database opened read-only) and prints it as a ratio to a baseline measured
   in the same run: a full scan counting events by type.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpora" / "en-worldwide-newswire.jsonl"
SAMPLES = ROOT / "src" / "whodid" / "data" / "samples"
BASE_DAY = date(2020, 1, 1)
FIELDS = ("id", "title", "url", "source", "published", "text")

HAPPENED = "('asserted', 'historical')"
# events with their day (the event's own date, else its article's publication day) and actor codes
EVENT_ACTORS = f"""
    WITH ev AS (
        SELECT e.article_sha1, e.idx,
               coalesce(TRY_CAST(e.date AS DATE), TRY_CAST(left(a.published, 10) AS DATE)) AS day,
               e.actor, e.recipient
        FROM events e JOIN articles a ON a.sha1 = e.article_sha1
        WHERE e.modality IN {HAPPENED}),
    src AS (SELECT article_sha1, idx, day, unnest(actor) AS actor_id FROM ev),
    tgt AS (SELECT article_sha1, idx, unnest(recipient) AS actor_id FROM ev)
"""
def web_actors(con: duckdb.DuckDBPyConnection) -> list:
    """The first page of /api/actors, as the web app queries it."""
    from whodid.web import queries

    return queries.actors(con.cursor(), None, 50, 0)["items"]


QUERIES = {
    "baseline: events by type (full scan of events)": "SELECT type, count(*) FROM events GROUP BY type",
    # event_clusters: one row per real-world event, with its day and first coded actor and recipient
    "events by actor pair by day (every pair, every day)": """
        SELECT event_date, actor_code, recipient_code, count(*) AS events, sum(happened_articles) AS articles
        FROM event_clusters WHERE happened_mentions > 0 AND actor_code IS NOT NULL AND recipient_code IS NOT NULL
        GROUP BY ALL""",
    "events by day for one actor pair ({pair})": """
        SELECT event_date, count(*) AS events, sum(happened_articles) AS articles
        FROM event_clusters WHERE happened_mentions > 0 AND actor_code = '{actor}' AND recipient_code = '{recipient}'
        GROUP BY ALL ORDER BY event_date""",
    "top 10 actors by month": """
        SELECT date_trunc('month', event_date) AS month, actor_code, count(*) AS events
        FROM event_clusters WHERE happened_mentions > 0 AND actor_code IS NOT NULL
        GROUP BY 1, 2 QUALIFY row_number() OVER (PARTITION BY month ORDER BY events DESC, actor_code) <= 10""",
    "reports (mentions) by actor pair by day": """
        SELECT c.event_date, c.actor_code, c.recipient_code, count(*) AS reports
        FROM event_cluster_mentions m JOIN event_clusters c USING (cluster_id)
        WHERE m.happened AND c.actor_code IS NOT NULL AND c.recipient_code IS NOT NULL
        GROUP BY ALL""",
    # the same two questions from the per-article tables: list unnest and joins on (article_sha1, actor_id)
    "raw tables: events by actor pair by day": EVENT_ACTORS + """
        SELECT src.day, s.code AS actor, r.code AS recipient, count(DISTINCT (src.article_sha1, src.idx)) AS events
        FROM src JOIN actors s ON s.article_sha1 = src.article_sha1 AND s.actor_id = src.actor_id
        JOIN tgt ON tgt.article_sha1 = src.article_sha1 AND tgt.idx = src.idx
        JOIN actors r ON r.article_sha1 = tgt.article_sha1 AND r.actor_id = tgt.actor_id
        WHERE s.code IS NOT NULL AND r.code IS NOT NULL
        GROUP BY ALL""",
    "raw tables: top 10 actors by month": EVENT_ACTORS + """
        SELECT date_trunc('month', src.day) AS month, s.code AS actor, count(*) AS events
        FROM src JOIN actors s ON s.article_sha1 = src.article_sha1 AND s.actor_id = src.actor_id
        WHERE s.code IS NOT NULL
        GROUP BY 1, 2 QUALIFY row_number() OVER (PARTITION BY month ORDER BY events DESC, actor) <= 10""",
    "web: /api/actors first page (counts per actor)": web_actors,
}


def load_rows(path: Path | None, limit: int) -> tuple[list[dict], str]:
    if path is None and SHARED_CORPUS.exists():
        path = SHARED_CORPUS
    if path is None:
        rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").open(encoding="utf-8") if line.strip()]
        label = f"bundled samples ({SAMPLES})"
    else:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for _, line in zip(range(limit), fh)]
        label = str(path)
    rows = [{k: r.get(k) for k in FIELDS} for r in rows[:limit] if (r.get("text") or "").strip()]
    # a corpus without publication dates gets one per article, spread over four weeks, so that
    # events have days to be grouped by (the analyses are otherwise untouched)
    undated = [r for r in rows if not r["published"]]
    for i, row in enumerate(undated):
        row["published"] = (BASE_DAY + timedelta(days=i % 28)).isoformat()
    if undated:
        label += f" ({len(undated)} undated articles given {BASE_DAY} + (i mod 28) days)"
    return rows, label


def file_mb(path: Path) -> float:
    size = path.stat().st_size
    wal = path.with_name(path.name + ".wal")
    return (size + (wal.stat().st_size if wal.exists() else 0)) / 1e6


def seed(rows: list[dict], folder: Path) -> tuple[Path, float]:
    corpus = folder / "seed.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = folder / "seed.duckdb"
    whodid = str(Path(sys.executable).with_name("whodid"))
    start = time.perf_counter()
    proc = subprocess.run([whodid, "ingest", str(corpus), "--db", str(db), "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"seed ingest failed:\n{proc.stderr}")
    con = duckdb.connect(str(db))
    con.execute("CHECKPOINT")
    con.close()
    return db, seconds


def scale(seed_db: Path, big_db: Path, target_events: int) -> tuple[int, float]:
    from whodid.store import Store, summaries

    for db in (seed_db, big_db):  # the whodid schema, migrated (the seed's new columns filled in)
        with Store(db):
            pass
    con = duckdb.connect(str(big_db))
    con.execute(f"ATTACH '{seed_db}' AS seed (READ_ONLY)")
    seed_events = con.execute("SELECT count(*) FROM seed.events").fetchone()[0]
    copies = math.ceil(target_events / seed_events)
    max_cluster = con.execute("SELECT coalesce(max(cluster_id), 0) FROM seed.event_clusters").fetchone()[0]
    sha = "s.article_sha1 || '-' || k"
    shift_text = "CASE WHEN length({c}) >= 10 AND TRY_CAST(left({c}, 10) AS DATE) IS NOT NULL " \
                 "THEN strftime(CAST(left({c}, 10) AS DATE) + CAST(k AS INTEGER), '%Y-%m-%d') ELSE {c} END"
    statements = {
        "articles": f"""INSERT INTO articles (sha1, id, title, byline, url, source, published, published_inferred,
                            language, text, origin, published_date)
            SELECT s.sha1 || '-' || k, s.id || '-' || k, s.title, s.byline, s.url || '#' || k, s.source,
                   {shift_text.format(c='s.published')}, s.published_inferred, s.language, s.text, s.origin,
                   s.published_date + CAST(k AS INTEGER)
            FROM seed.articles s, range({copies}) r(k)""",
        "actors": f"INSERT INTO actors SELECT {sha}, s.* EXCLUDE (article_sha1) FROM seed.actors s, range({copies}) r(k)",
        "mentions": f"INSERT INTO mentions SELECT {sha}, s.* EXCLUDE (article_sha1) FROM seed.mentions s, "
                    f"range({copies}) r(k)",
        "places": f"INSERT INTO places SELECT {sha}, s.* EXCLUDE (article_sha1) FROM seed.places s, range({copies}) r(k)",
        "quotes": f"INSERT INTO quotes SELECT {sha}, s.* EXCLUDE (article_sha1) FROM seed.quotes s, range({copies}) r(k)",
        "checks": f"INSERT INTO checks SELECT {sha}, s.* EXCLUDE (article_sha1) FROM seed.checks s, range({copies}) r(k)",
        "events": "",  # built below, column by column
        "event_clusters": f"""INSERT INTO event_clusters
            SELECT s.cluster_id + k * {max_cluster}, s.match_key || '#' || k, s.* EXCLUDE (cluster_id, match_key)
                   REPLACE (s.event_date + CAST(k AS INTEGER) AS event_date)
            FROM seed.event_clusters s, range({copies}) r(k)""",
        "event_cluster_mentions": f"""INSERT INTO event_cluster_mentions
            SELECT {sha}, s.event_idx, s.cluster_id + k * {max_cluster}, s.* EXCLUDE (article_sha1, event_idx, cluster_id)
            FROM seed.event_cluster_mentions s, range({copies}) r(k)""",
    }
    start = time.perf_counter()
    for table, sql in statements.items():
        if table == "events":
            # events.date sits between reported_by and date_precision: rebuild the row in column order
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
                "AND table_catalog = 'seed' ORDER BY ordinal_position").fetchall()]
            shift_day = "s.{c} + CAST(k AS INTEGER)"
            exprs = [sha if c == "article_sha1" else shift_text.format(c="s.date") if c == "date"
                     else shift_day.format(c=c) if c in ("day", "event_date") else f"s.{c}" for c in cols]
            sql = f"INSERT INTO events ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM seed.events s, range({copies}) r(k)"
        con.execute(sql)
    con.execute("DETACH seed")
    summaries.refresh(con)  # as Store.write keeps them: the copies are articles like any other
    con.execute("CHECKPOINT")
    con.close()
    return copies, time.perf_counter() - start


def timed(con: duckdb.DuckDBPyConnection, sql, runs: int) -> tuple[float, int]:
    """Median seconds of ``sql`` (SQL text, or a function of the connection returning rows) and its row count."""
    run = sql if callable(sql) else (lambda con: con.execute(sql).fetchall())
    rows = len(run(con))  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(con)
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int, default=200, help="seed articles (default 200)")
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the scaled database")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the databases in this folder and keep them")
    parser.add_argument("--seed-db", type=Path, help="an existing whodid database as the seed (not ingested anew; "
                                                     "read only)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.seed_db:
            seed_db, seconds, label = args.seed_db, math.nan, str(args.seed_db)
        else:
            rows, label = load_rows(args.corpus, args.limit)
            seed_db, seconds = seed(rows, folder)
        con = duckdb.connect(str(seed_db), read_only=True)
        stored, events, clusters = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM event_clusters)").fetchone()
        pair = con.execute(f"""{EVENT_ACTORS}
            SELECT s.code, r.code, count(*) FROM src JOIN actors s USING (article_sha1, actor_id)
            JOIN tgt ON tgt.article_sha1 = src.article_sha1 AND tgt.idx = src.idx
            JOIN actors r ON r.article_sha1 = tgt.article_sha1 AND r.actor_id = tgt.actor_id
            WHERE s.code IS NOT NULL AND r.code IS NOT NULL AND s.code <> r.code
            GROUP BY ALL ORDER BY 3 DESC, 1, 2 LIMIT 1""").fetchone()
        con.close()
        ingested = "" if args.seed_db else (f" stored by `whodid ingest` in {seconds:.1f} s ({stored / seconds:.1f} "
                                            "articles/s, model load included)")
        print(f"seed: {label}: {stored} articles{ingested}; {events} events, {clusters} event clusters")
        print(f"seed database: {file_mb(seed_db):.1f} MB = {file_mb(seed_db) / stored * 1000:.0f} MB per 1,000 articles "
              "(every table, text and full JSON analyses included)")

        big_db = folder / "scaled.duckdb"
        big_db.unlink(missing_ok=True)
        copies, build = scale(seed_db, big_db, args.events)
        con = duckdb.connect(str(big_db), read_only=True)
        big_articles, big_events, big_clusters = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM event_clusters)").fetchone()
        print(f"scaled: {copies} shifted copies in {build:.1f} s: {big_articles:,} articles, {big_events:,} events, "
              f"{big_clusters:,} event clusters; {file_mb(big_db):.0f} MB "
              "(no JSON analyses, dates or checks)")
        load = os.getloadavg()[0]
        print(f"queries: median of {args.runs} runs after a warm-up, DuckDB {duckdb.__version__}, read-only; "
              f"{os.cpu_count()} cores, load average {load:.1f} when they started")
        baseline = None
        for name, sql in QUERIES.items():
            if pair and "{pair}" in name:
                name, sql = name.format(pair=f"{pair[0]} -> {pair[1]}"), sql.format(actor=pair[0], recipient=pair[1])
            elif "{pair}" in name:
                continue
            seconds, result_rows = timed(con, sql, args.runs)
            baseline = baseline or seconds
            print(f"  {name:58} {seconds * 1000:8.1f} ms  {seconds / baseline:6.1f}x baseline  {result_rows:>8,} rows")
        con.close()


if __name__ == "__main__":
    main()
