"""Gazetteer load time and memory, and the places stage's cost next to the whole pipeline.

    python benchmarks/places_bench.py [--corpus FILE.jsonl[.gz]] [--limit N] [--repeat R]

Measures, in one process:
- gazetteer load with the SQLite name index already built (the usual case: the
  index is built once per machine), best of R, and the memory it holds
  (tracemalloc peak of Python objects, and the growth of the process's peak RSS,
  which includes SQLite's page cache); the index file's size (read on demand);
- the one-off index build, only if the index is missing (reported, not repeated);
- the bare spaCy parse (nlp.pipe), the full pipeline (all stages, from text) over
  the articles, and the places stage alone over the same parsed Docs: its share
  of the parse and of the whole per-article time.

Reads ../shared/corpora/en-worldwide-newswire.jsonl when present (optional,
never bundled), else the bundled samples.
"""

from __future__ import annotations

import resource
import time
import tracemalloc

from kb_bench import corpus_arguments, read_texts


def main() -> None:
    args = corpus_arguments(__doc__)

    from whodid.knowledge import gazetteer

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = gazetteer._cache_path()
    if not index.exists():
        t0 = time.perf_counter()
        gazetteer.load()
        print(f"index build (once per machine): {time.perf_counter() - t0:.1f} s")
    loads = []
    for _ in range(args.repeat):
        gazetteer.load.cache_clear()
        t0 = time.perf_counter()
        gazetteer.load()
        loads.append(time.perf_counter() - t0)
    gazetteer.load.cache_clear()
    tracemalloc.start()
    gaz = gazetteer.load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024  # KiB on Linux
    print(f"gazetteer load (index {index.stat().st_size / 1e6:.0f} MB on disk, {len(gaz.counties)} county names): "
          f"best {min(loads) * 1000:.0f} ms, worst {max(loads) * 1000:.0f} ms; Python memory peak {peak / 1e6:.1f} MB, "
          f"process peak RSS grew {rss:.0f} MB")

    from whodid import nlp as wnlp
    from whodid.model import Analysis, Article
    from whodid.pipeline import Pipeline

    rows = read_texts(args.corpus, args.limit)
    texts = [r["text"] for r in rows]
    print(f"corpus: {args.corpus or 'bundled samples'}; {len(texts)} articles, "
          f"{sum(len(t.split()) for t in texts):,} words")
    pipeline = Pipeline()
    places = next(s for s in pipeline.stages if s.name == "places")
    list(pipeline.analyze_many(Article(text=t) for t in texts[:5]))  # warm-up
    nlp = wnlp.load()
    docs = list(nlp.pipe(texts, batch_size=64))
    best_parse = best_full = best_places = float("inf")
    n_places = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        list(nlp.pipe(texts, batch_size=64))
        best_parse = min(best_parse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        list(pipeline.analyze_many(Article(text=t) for t in texts))
        best_full = min(best_full, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_places = 0
        for doc in docs:
            analysis = Analysis(article=Article(text=doc.text))
            places(doc, analysis)
            n_places += len(analysis.places)
        best_places = min(best_places, time.perf_counter() - t0)
    print(f"bare nlp.pipe: {best_parse:.2f} s ({best_parse / len(texts) * 1000:.1f} ms/article)")
    print(f"full pipeline: {best_full:.2f} s ({best_full / len(texts) * 1000:.1f} ms/article)")
    print(f"places stage:  {best_places:.2f} s ({best_places / len(texts) * 1000:.2f} ms/article; "
          f"{best_places / best_parse * 100:.1f}% of the parse, {best_places / best_full * 100:.1f}% of the full "
          f"pipeline's time); {n_places} places")


if __name__ == "__main__":
    main()
