"""`whodid ingest --workers N` articles/s against `--workers 1`, same articles, same run.

    python benchmarks/ingest_workers.py [--corpus FILE.jsonl[.gz]] [--limit N] [--workers 2]

Each run ingests the corpus into a fresh database in a fresh process (model load
included). Prints seconds, articles/s, peak memory of the whole process tree
(main process plus the largest worker) and the speed-up.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_corpus  # noqa: E402


def ingest(whodid: str, corpus: Path, db: Path, workers: int) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen([whodid, "ingest", str(corpus), "--db", str(db), "--workers", str(workers), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"ingest failed: {proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows, label = load_corpus(args.corpus, args.limit)
    whodid = str(Path(sys.executable).with_name("whodid"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        one = ingest(whodid, corpus, Path(tmp) / "one.duckdb", 1)
        many = ingest(whodid, corpus, Path(tmp) / "many.duckdb", args.workers)
    print(f"corpus: {label}: {len(rows)} articles; {os.cpu_count()} cores; model load included")
    for name, (seconds, rss) in (("--workers 1", one), (f"--workers {args.workers}", many)):
        print(f"{name:12} {seconds:7.1f} s {len(rows) / seconds:7.1f} articles/s  peak RSS of one process {rss:6.0f} MB")
    print(f"speed-up {args.workers} workers / 1: {one[0] / many[0]:.2f}x")


if __name__ == "__main__":
    main()
