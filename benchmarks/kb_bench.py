"""Actor knowledge base: load time, and the actors stage's cost next to bare ``nlp.pipe``.

    python benchmarks/kb_bench.py [--corpus FILE.jsonl[.gz]] [--limit N] [--repeat R]

Measures, in one process:
- KB load: reading kb.json and building the indexes (cold, cache cleared; best of R),
  beside the baseline of the same run: ``json.loads`` of the file alone (the floor any
  loader of this file pays); and the memory the loaded KB holds (tracemalloc, a
  separate load, since tracing slows it);
- stage construction (ActorsStage(): KB + resolver);
- bare ``nlp.pipe`` over the texts (parse only) and the actors stage over the
  same parsed Docs, so the ratio is the stage's cost relative to parsing.

Reads ../shared/corpora/en-worldwide-newswire.jsonl when present (optional,
never bundled), else the bundled samples.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpora" / "en-worldwide-newswire.jsonl"
SAMPLES = ROOT / "src" / "whodid" / "data" / "samples"


def read_texts(path: Path | None, limit: int) -> list[dict]:
    if path is None:
        rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        rows.append({"text": (SAMPLES / "russia-ukraine-talks.txt").read_text(encoding="utf-8")})
        return rows[:limit]
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row.get("text"):
                    rows.append(row)
            if len(rows) >= limit:
                break
    return rows


def corpus_arguments(doc: str, limit: int = 200, repeat: int = 3) -> argparse.Namespace:
    """The benchmarks' common options: --corpus (the shared newswire when present), --limit, --repeat."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.exists() else None)
    ap.add_argument("--limit", type=int, default=limit)
    ap.add_argument("--repeat", type=int, default=repeat)
    return ap.parse_args()


def main() -> None:
    args = corpus_arguments(__doc__)

    from whodid.knowledge import kb as kbmod
    from whodid.actors import ActorsStage
    from whodid.model import Analysis, Article

    import gc
    import tracemalloc

    raw = kbmod.default_path().read_bytes()
    parses = []
    for _ in range(args.repeat):
        gc.collect()
        gc.disable()  # as the loader does
        t0 = time.perf_counter()
        json.loads(raw)
        parses.append(time.perf_counter() - t0)
        gc.enable()
    del raw
    loads = []
    kb = None
    for _ in range(args.repeat):
        kbmod._load_cached.cache_clear()
        kb = None
        gc.collect()
        t0 = time.perf_counter()
        kb = kbmod.load_kb()
        loads.append(time.perf_counter() - t0)
    size = kbmod.default_path().stat().st_size
    people = len(kb.people)
    dated = sum(1 for p in kb.people for r in p.roles if r.start)
    countries = len({r.country for p in kb.people for r in p.roles if r.country})
    print(f"KB load (kb.json {size / 1e6:.2f} MB; {people} people with {dated} dated roles in {countries} countries, "
          f"{len(kb.orgs)} organisations, {len(kb.names)} names): best {min(loads) * 1000:.0f} ms, "
          f"median {statistics.median(loads) * 1000:.0f} ms; json.loads of the file alone (baseline) "
          f"best {min(parses) * 1000:.0f} ms: ratio {min(loads) / min(parses):.2f}")
    kbmod._load_cached.cache_clear()
    kb = None
    gc.collect()
    tracemalloc.start()
    kb = kbmod.load_kb()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"KB memory: {held / 1e6:.0f} MB held after loading, {peak / 1e6:.0f} MB at the peak of loading")
    t0 = time.perf_counter()
    stage = ActorsStage()
    print(f"ActorsStage() with the KB cached: {(time.perf_counter() - t0) * 1000:.1f} ms")

    rows = read_texts(args.corpus, args.limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {args.corpus or 'bundled samples'}; {len(texts)} articles, {words:,} words")

    from whodid import nlp as wnlp

    nlp = wnlp.load()
    list(nlp.pipe(texts[:5]))  # warm-up
    best_parse = best_stage = float("inf")
    n_actors = n_mentions = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=64))
        best_parse = min(best_parse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_actors = n_mentions = 0
        for doc, row in zip(docs, rows):
            analysis = Analysis(article=Article(text=doc.text, published=row.get("published")))
            stage(doc, analysis)
            n_actors += len(analysis.actors)
            n_mentions += sum(len(a.mentions) for a in analysis.actors)
        best_stage = min(best_stage, time.perf_counter() - t0)
    print(f"bare nlp.pipe: {best_parse:.2f} s ({len(texts) / best_parse:.1f} articles/s)")
    print(f"actors stage:  {best_stage:.2f} s ({best_stage / len(texts) * 1000:.1f} ms/article; "
          f"{best_stage / best_parse * 100:.1f}% of parse time); {n_actors} actors, {n_mentions} mentions")


if __name__ == "__main__":
    main()
