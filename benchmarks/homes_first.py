"""Cost of `whodid ingest --homes-first` (a first pass that learns each paper's home) against
`--one-pass`, same articles, same run.

    python benchmarks/homes_first.py [--corpus FILE.jsonl[.gz]] [--limit N] [--repeat R] [--workers W]

Reads ../shared/corpora/en-worldwide-newswire.jsonl when present (articles whose id has an
even SHA-1 only), else the bundled samples; each article's source is its URL's host, as a
paper's. Each run is a fresh `whodid ingest` process into a new database, so both pay the
same start-up; runs alternate and the best of R is kept (the machines are shared and noisy).
Prints seconds, articles/s and the ratio --homes-first / --one-pass.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from throughput import SHARED_CORPUS, load_corpus, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    corpus = args.corpus or (SHARED_CORPUS if SHARED_CORPUS.exists() else None)
    rows, label = load_corpus(corpus, None)
    if corpus is not None:  # development half only
        rows = [r for r in rows if r["id"] and int(hashlib.sha1(r["id"].encode()).hexdigest(), 16) % 2 == 0]
        urls = {}
        with open(corpus, encoding="utf-8") if not corpus.name.endswith(".gz") else __import__("gzip").open(
                corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    urls[row.get("id")] = row.get("url")
        for r in rows:
            r["source"] = urlparse(urls.get(r["id"]) or "").hostname
    rows = rows[:args.limit]
    whodid = str(Path(sys.executable).with_name("whodid"))
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        for attempt in range(args.repeat):
            for mode in ("--one-pass", "--homes-first"):
                db = Path(tmp) / f"{mode[2:]}-{attempt}.duckdb"
                seconds, _ = run([whodid, "ingest", str(data), "--db", str(db), "--quiet", mode,
                                  "--workers", str(args.workers)])
                best[mode] = min(best.get(mode, seconds), seconds)
    print(f"{len(rows)} articles from {label}, {args.workers} worker(s), best of {args.repeat}")
    for mode, seconds in best.items():
        print(f"  ingest {mode:<14} {seconds:7.1f} s  {len(rows) / seconds:5.2f} articles/s")
    print(f"  ratio --homes-first / --one-pass: {best['--homes-first'] / best['--one-pass']:.2f}")


if __name__ == "__main__":
    main()
