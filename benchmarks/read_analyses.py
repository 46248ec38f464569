"""Reading stored Analyses back (``Analysis.from_json``, validated by pydantic) against plain ``json.loads``.

    python benchmarks/read_analyses.py [--db FILE.duckdb] [--repeat R]

Every export and the web app's article page read stored analyses this way. The
baseline is ``json.loads`` of the same strings in the same run, so the ratio is
what building and validating the typed objects costs on top of parsing JSON.
Without ``--db`` it ingests the bundled samples into a temporary database first.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import duckdb

from whodid.model import Analysis

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "samples"


def best(fn, texts, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    db = args.db
    if db is None:
        from typer.testing import CliRunner

        from whodid.cli import app

        db = str(Path(tempfile.mkdtemp()) / "samples.duckdb")
        CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", db, "-q"])
    texts = [r[0] for r in duckdb.connect(db, read_only=True).execute("SELECT analysis FROM analyses").fetchall()]
    Analysis.from_json(texts[0])  # build the validator once, outside the timing
    plain = best(json.loads, texts, args.repeat)
    typed = best(Analysis.from_json, texts, args.repeat)
    print(f"{len(texts)} analyses, best of {args.repeat}")
    print(f"json.loads (baseline)      {plain / len(texts) * 1000:7.3f} ms/analysis")
    print(f"Analysis.from_json         {typed / len(texts) * 1000:7.3f} ms/analysis   ratio {typed / plain:.1f}x")


if __name__ == "__main__":
    main()
