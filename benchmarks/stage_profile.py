"""Each stage's time on articles parsed once, and a cProfile of one stage: less sensitive to the
machine's load than ``throughput.py``, whose ratio swings with what else runs.

    python benchmarks/stage_profile.py parse CORPUS.jsonl DOCS.spacy [--limit N]
    python benchmarks/stage_profile.py run DOCS.spacy [--repeat R] [--profile STAGE] [--top N]

``parse`` runs whodid's parse (as ``whodid analyze`` does) and stores the Docs in a DocBin, with
each article's publication date. ``run`` reads them back and runs every stage on each, in order,
as the pipeline does; it prints each stage's CPU seconds (best of R: process time, which other
processes on the machine disturb far less than wall time) and, with ``--profile``, the top
functions of that stage by cumulative time (``cProfile``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path


def parse(corpus: Path, out: Path, limit: int | None) -> None:
    from spacy.tokens import DocBin

    from whodid import nlp
    from whodid.model import Article
    from whodid.pipeline import checked

    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()][:limit]
    rows = [{"text": r["text"], "published": checked(Article(text=r["text"], published=r.get("published"))).article.published}
            for r in rows if r.get("text", "").strip()]
    bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "LEMMA", "MORPH",
                         "POS", "SENT_START", "SPACY", "NORM"], store_user_data=True)
    for (doc, _chunks), row in zip(nlp.parse(r["text"] for r in rows), rows):
        doc.user_data["published"] = row.get("published")
        bin_.add(doc)
    out.write_bytes(bin_.to_bytes())
    print(f"{len(rows)} articles parsed into {out}")


def run(docs_path: Path, repeat: int, profile: str | None, top: int) -> None:
    from spacy.tokens import DocBin

    from whodid import nlp
    from whodid.model import Analysis, Article, Meta
    from whodid.pipeline import Pipeline

    pipeline = Pipeline()
    vocab = nlp.load().vocab
    data = docs_path.read_bytes()
    seconds: dict[str, float] = {}
    profiler = cProfile.Profile() if profile else None
    for attempt in range(repeat):
        docs = list(DocBin().from_bytes(data).get_docs(vocab))
        spent = dict.fromkeys((c.name for c in pipeline.components), 0.0)
        for doc in docs:
            published = doc.user_data.pop("published", None)
            analysis = Analysis(article=Article(text=doc.text, published=published),
                                meta=Meta(stages=["ingest", "nlp"], tokens=len(doc)))
            doc._.whodid_analysis = analysis
            for component in pipeline.components:
                on = profiler is not None and attempt == 0 and component.name == profile
                t0 = time.process_time()
                if on:
                    profiler.enable()
                component(doc)
                if on:
                    profiler.disable()
                spent[component.name] += time.process_time() - t0
            doc._.whodid_analysis = None
        for name, s in spent.items():
            seconds[name] = min(seconds.get(name, s), s)
    print(f"{len(docs)} articles; best of {repeat}; CPU seconds per stage:")
    for name, s in seconds.items():
        print(f"  {name:10} {s:7.2f}")
    print(f"  {'all':10} {sum(seconds.values()):7.2f}")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse")
    p.add_argument("corpus", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--limit", type=int)
    r = sub.add_parser("run")
    r.add_argument("docs", type=Path)
    r.add_argument("--repeat", type=int, default=1)
    r.add_argument("--profile", help="a stage's name: print its cProfile (first run)")
    r.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    if args.command == "parse":
        parse(args.corpus, args.out, args.limit)
    else:
        run(args.docs, args.repeat, args.profile, args.top)


if __name__ == "__main__":
    main()
