"""Write throughput of the PostgreSQL store against the DuckDB store, same analyses, same run.

    python benchmarks/store_backends.py [--corpus FILE.jsonl[.gz]] [--limit 100] [--copies 10] [--pg URL]

Analyses ``--limit`` articles once, then writes ``--copies`` copies of them
(each copy's text made distinct, so each is a new article) through
``Store.write`` in batches of 32, into a fresh DuckDB file and into a fresh
PostgreSQL database: ``--pg URL`` (a database this script may fill), or else a
throwaway server started like the tests' but with fsync on (needs PostgreSQL installed). Parsing is
not timed; only the writes are. Prints analyses/s and the ratio PostgreSQL / DuckDB.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_corpus  # noqa: E402

from whodid.ingest import read  # noqa: E402
from whodid.ingest import Record  # noqa: E402
from whodid.pipeline import Pipeline  # noqa: E402
from whodid.store import Store  # noqa: E402

BATCH = 32


def analyses(rows: list[dict]):
    import json

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        records = [r for r in read([corpus]) if isinstance(r, Record)]
        done = [a for _, a in Pipeline().analyze_records(records)]
    return list({a.article.text_sha1: a for a in done}.values())  # the corpus may repeat a text


def copies(done, n: int):
    for i in range(n):
        for a in done:
            # a distinct text (a new content hash) with the same items: a new article to the store
            article = dataclasses.replace(a.article, text=a.article.text + f"\n[copy {i}]", text_sha1="")
            yield dataclasses.replace(a, article=article), f"copy-{i}"


def time_writes(db: str, items: list) -> float:
    with Store(db) as store:
        start = time.perf_counter()
        for i in range(0, len(items), BATCH):
            store.write(items[i:i + BATCH])
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--pg", help="postgresql:// URL of an empty database")
    args = parser.parse_args()
    rows, label = load_corpus(args.corpus, args.limit)
    done = analyses(rows)
    items = list(copies(done, args.copies))
    server = None
    if args.pg is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from pg_server import Server, _pg_bin

        if _pg_bin() is None:
            sys.exit("no PostgreSQL installed: give --pg URL or apt-get install postgresql")
        server = Server(Path(tempfile.mkdtemp(prefix="whodid-pg-bench-")), _pg_bin(), durable=True)
        server.start()
        args.pg = server.url()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            duck = time_writes(str(Path(tmp) / "bench.duckdb"), items)
        pg = time_writes(args.pg, items)
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.root, ignore_errors=True)
    print(f"corpus: {label}: {len(done)} analyses x {args.copies} copies = {len(items)} writes, batches of {BATCH}")
    for name, seconds in (("DuckDB", duck), ("PostgreSQL", pg)):
        print(f"{name:11} {seconds:7.2f} s {len(items) / seconds:8.1f} analyses/s")
    print(f"ratio PostgreSQL / DuckDB write throughput: {duck / pg:.2f}")


if __name__ == "__main__":
    main()
