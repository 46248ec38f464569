"""Memory and time of `whodid export` from PostgreSQL, against a `whodid query "SELECT 1"` on the same server.

    python benchmarks/pg_export.py [--articles 50000] [--chars 4000] [--pg URL]

Starts a throwaway PostgreSQL server (tests/pg_server.py) unless ``--pg`` names
an empty database, creates the whodid schema and fills it in SQL with
``--articles`` synthetic articles of ``--chars`` characters and three events
each (no pipeline: only the export is measured). Then runs each export in a
fresh process under /usr/bin/time and prints its peak RSS and wall time, and
their ratios to the baseline process (connect, one query, exit), same run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WHODID = str(Path(sys.executable).with_name("whodid"))


def fill(url: str, articles: int, chars: int) -> None:
    import psycopg

    from whodid.store import Store

    Store(url).close()  # the schema
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("""
            INSERT INTO articles (sha1, id, title, published, language, text, origin)
            SELECT md5(i::text), 'a' || i, 'Title ' || i, '2022-01-01', 'en',
                   left(repeat('Putin met Macron in Moscow on Friday. ', %s / 38 + 1), %s), 'bench'
            FROM generate_series(1, %s) AS i""", [chars, chars, articles])
        con.execute("""
            INSERT INTO events (article_sha1, idx, type, actor, recipient, modality, sentence_start, sentence_end,
                                trigger_start, trigger_end, trigger_text, confidence, score, quad_class)
            SELECT md5(i::text), k, 'CONSULT', ARRAY['Q7747'], ARRAY['Q3052772'], 'asserted', 0, 38, 6, 9, 'met',
                   0.9, 1.0, 1
            FROM generate_series(1, %s) AS i, generate_series(0, 2) AS k""", [articles])


def measured(*args: str) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of ``whodid ARGS`` in a fresh process."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %e", WHODID, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"whodid {' '.join(args)} failed:\n{proc.stderr}")
    kb, seconds = proc.stderr.strip().splitlines()[-1].split()
    return int(kb) / 1024, float(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--chars", type=int, default=4000)
    ap.add_argument("--pg", help="postgresql:// URL of an empty database")
    args = ap.parse_args()
    server = None
    if args.pg is None:
        sys.path.insert(0, str(ROOT / "tests"))
        from pg_server import Server, _pg_bin

        if _pg_bin() is None:
            sys.exit("no PostgreSQL installed: give --pg URL or apt-get install postgresql")
        server = Server(Path(tempfile.mkdtemp(prefix="whodid-pg-export-")), _pg_bin())
        server.start()
        args.pg = server.url()
    try:
        fill(args.pg, args.articles, args.chars)
        print(f"PostgreSQL: {args.articles:,} articles of {args.chars:,} characters, {3 * args.articles:,} events; "
              "each command in a fresh process")
        with tempfile.TemporaryDirectory() as out:
            runs = [("query SELECT 1 (baseline)", ("query", "SELECT 1", "--db", args.pg)),
                    ("export --tables events", ("export", f"{out}/e", "--db", args.pg, "--tables", "events")),
                    ("export --tables articles", ("export", f"{out}/a", "--db", args.pg, "--tables", "articles")),
                    ("export (every table)", ("export", f"{out}/all", "--db", args.pg))]
            base = None
            for name, command in runs:
                mb, seconds = measured(*command)
                base = base or (mb, seconds)
                print(f"{name:28} peak RSS {mb:7.0f} MB ({mb / base[0]:5.1f}x baseline)  "
                      f"{seconds:6.1f} s ({seconds / base[1]:5.1f}x)")
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.root, ignore_errors=True)


if __name__ == "__main__":
    main()
