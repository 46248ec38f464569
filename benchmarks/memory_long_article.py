"""Peak memory of `whodid ingest` on a huge article, against a normal article, same run.

    python benchmarks/memory_long_article.py [--huge-mb 10] [--at-limit-chars 500000]

Each case is one `whodid ingest` in a fresh process (model load included) on a JSONL
file of the repo's sample articles plus, for the huge cases, one long article made
of those samples repeated. Prints each case's peak memory (ru_maxrss), its ratio
to the normal-article baseline, its exit code and what happened to the articles:

- baseline: the sample articles alone;
- huge: a 10 MB article with the default --max-chars: refused up front, named,
  the sample articles stored (the run continues);
- at the limit: an article of --max-chars characters, parsed one 100,000-character
  piece at a time (before issue #16 all pieces went through spaCy in one batch:
  9 GB for 10 MB).
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

import duckdb

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "samples"


def sample_articles() -> list[dict]:
    rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows.append({"id": "russia-ukraine-talks", "text": (SAMPLES / "russia-ukraine-talks.txt").read_text("utf-8")})
    return rows


def long_text(chars: int, rows: list[dict]) -> str:
    base = "\n\n".join(r["text"] for r in rows)
    # each copy numbered, so the text is not one paragraph repeated verbatim
    parts, size, n = [], 0, 0
    while size < chars:
        part = f"\n\nPart {n}.\n\n{base}"
        parts.append(part)
        size += len(part)
        n += 1
    return "".join(parts)[:chars]


def ingest(corpus: Path, db: Path, *options: str) -> tuple[float, float, int, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "whodid", "ingest", str(corpus), "--db", str(db), "--quiet",
                             *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), stderr


def stored(db: Path) -> tuple[int, list[tuple[str, str]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("SELECT count(*) FROM articles").fetchone()[0],
                con.execute("SELECT origin, reason FROM ingest_failures").fetchall())
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--huge-mb", type=float, default=10)
    parser.add_argument("--at-limit-chars", type=int, default=500_000,
                        help="the long article that is parsed (default: the default --max-chars); 0 skips it")
    args = parser.parse_args()
    rows = sample_articles()
    cases = [("baseline: the sample articles", rows, ())]
    huge = int(args.huge_mb * 1_000_000)
    cases.append((f"huge: + a {huge:,}-character article, default --max-chars", rows + [
        {"id": "huge", "text": long_text(huge, rows)}], ()))
    if args.at_limit_chars:
        cases.append((f"at the limit: + a {args.at_limit_chars:,}-character article", rows + [
            {"id": "long", "text": long_text(args.at_limit_chars, rows)}],
            ("--max-chars", str(max(args.at_limit_chars, 1000)))))
    base_mb = None
    with tempfile.TemporaryDirectory() as tmp:
        for i, (label, articles, options) in enumerate(cases):
            corpus, db = Path(tmp) / f"c{i}.jsonl", Path(tmp) / f"c{i}.duckdb"
            corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
            seconds, peak, code, stderr = ingest(corpus, db, *options)
            base_mb = base_mb or peak
            n, failures = stored(db)
            print(f"{label}\n  peak {peak:,.0f} MB ({peak / base_mb:.2f}x baseline), {seconds:.1f} s, exit {code}, "
                  f"{n} of {len(articles)} articles stored")
            for origin, reason in failures:
                print(f"  refused {Path(origin).name}: {reason}")
            if code not in (0, 1):
                print(stderr[-2000:])


if __name__ == "__main__":
    main()
