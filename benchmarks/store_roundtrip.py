"""Reading stored analyses back: ``Analysis.from_json`` against ``json.loads`` of the same text.

    python benchmarks/store_roundtrip.py [--corpus FILE.jsonl[.gz]] [--limit N] [--repeat R]

Analyses ``--limit`` articles with the full pipeline (not timed), then times,
in the same process and over the same JSON payloads (best of ``--repeat``):
- ``json.loads`` of every payload (the baseline: parsing the text alone);
- ``Analysis.from_json`` (parsing plus rebuilding the typed dataclasses);
- ``Analysis.to_json`` (what ``Store.write`` pays per article).
The ratio to ``json.loads`` is the figure to compare between machines.

Reads ../shared/corpora/en-worldwide-newswire.jsonl when present (optional,
never bundled), else the bundled samples.
"""

from __future__ import annotations

import json
import time

from kb_bench import corpus_arguments, read_texts


def best(fn, payloads, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for payload in payloads:
            fn(payload)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    args = corpus_arguments(__doc__, limit=100, repeat=5)

    from whodid.model import Analysis, Article
    from whodid.pipeline import Pipeline

    rows = read_texts(args.corpus, args.limit)
    pipeline = Pipeline()
    analyses = [pipeline.analyze(Article(text=r["text"], id=r.get("id"), published=r.get("published")))
                for r in rows]
    payloads = [a.to_json() for a in analyses]
    assert all(Analysis.from_json(p) == a for p, a in zip(payloads, analyses))  # a true round trip
    n = len(payloads)
    size = sum(len(p) for p in payloads) / n
    print(f"corpus: {args.corpus or 'bundled samples'}; {n} analyses, {size / 1000:.1f} kB of JSON each; "
          f"best of {args.repeat}")
    baseline = best(json.loads, payloads, args.repeat)
    for name, fn, items in (("json.loads (baseline)", json.loads, payloads),
                            ("Analysis.from_json", Analysis.from_json, payloads),
                            ("Analysis.to_json", Analysis.to_json, analyses)):
        seconds = baseline if fn is json.loads else best(fn, items, args.repeat)
        print(f"{name:24} {seconds / n * 1000:8.3f} ms/article  {seconds / baseline:7.1f}x json.loads")


if __name__ == "__main__":
    main()
