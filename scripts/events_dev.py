"""Fast loop for work on the events stage: parse the development gold once, re-run only the
events stage on it as often as needed.

    python scripts/events_dev.py cache [--shared ../shared]      # parse + actors + quotes, once
    python scripts/events_dev.py score [--show misses|false|all] [--trace]

``cache`` runs the pipeline up to the quotes stage on the development gold (the shared
``dev.jsonl`` and whodid's ``tune.jsonl``; never the held-aside part) and keeps the parses
and analyses under ``/tmp`` (``--cache DIR``). ``score`` runs the events stage of this
checkout on them and scores as ``whodid eval news`` does (the time and places stages are
not run, so dates and places are not scored; matching does not depend on them). With
``--trace``, each gold event with nothing emitted in its sentences is listed with the
coder's candidate triggers there and why each was dropped (``Coder.trace``).

Figures to report come from ``whodid eval news``; this is for iterating.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from whodid.eval import news  # noqa: E402

CACHE = Path("/tmp/whodid-events-dev")


class FreshRounds:
    """The annotation rounds coded blind, after the rules they measure were written: the seventh
    round on (annotators ``annotator-gold9a`` and ``-gold9b``, then each later round's pair). The
    training scripts' "fresh" figures are on these; a round packed later joins them by its name."""

    FIRST = 9  # annotator-gold9a/b: the seventh round

    def __contains__(self, annotator: object) -> bool:
        m = re.fullmatch(r"annotator-gold(\d+)[a-z]", str(annotator))
        return bool(m) and int(m.group(1)) >= self.FIRST


FRESH = FreshRounds()


def cache(shared: Path | None, where: Path, limit: int | None, gold: list[Path] | None = None) -> None:
    from spacy.tokens import DocBin

    from whodid.actors import ActorsStage
    from whodid.knowledge import Resources
    from whodid.model import Article
    from whodid.nlp.publication import DateConstraint
    from whodid.pipeline import Pipeline
    from whodid.quotes import QuotesStage

    # the development gold (never the held-aside part), or the given gold files (fresh tune articles)
    files = gold or news.gold_files(None, shared)
    articles = news.load_gold(files, news.shared_root(shared) / "corpora", limit)
    periods = {a.id: news.CORPUS_PERIODS[a.corpus] for a in articles if a.corpus in news.CORPUS_PERIODS}

    def period(doc, analysis):
        known = periods.get(analysis.article.id)
        return [DateConstraint(known[0], known[1], "the corpus's articles are from this period")] if known else []

    kept: list = []

    class Keep:
        name = "keep"

        def __call__(self, doc, analysis):
            kept.append(doc)

    knowledge = Resources.build()
    pipeline = Pipeline(stages=[ActorsStage(knowledge, constraints=[period]), QuotesStage(knowledge), Keep()])
    analyses = list(pipeline.analyze_many(Article(text=a.text, id=a.id, title=a.title, url=a.url) for a in articles))
    where.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin()
    countries = []  # the one extension the events stage reads (the conventions)
    for d in kept:
        countries.append(d._.whodid_article_country)
        bin_.add(d)
    (where / "docs.spacy").write_bytes(bin_.to_bytes())
    (where / "analyses.pkl").write_bytes(pickle.dumps((articles, analyses, countries)))
    print(f"cached {len(articles)} articles in {where}")


def load(where: Path):
    from spacy.tokens import DocBin

    from whodid import nlp

    model = nlp.load(None)
    from whodid.nlp import extensions  # noqa: F401  (declares doc._.whodid_*)

    docs = list(DocBin().from_bytes((where / "docs.spacy").read_bytes()).get_docs(model.vocab))

    articles, analyses, countries = pickle.loads((where / "analyses.pkl").read_bytes())
    for d, c in zip(docs, countries):
        d._.whodid_article_country = c
    return articles, docs, analyses


def run_events(docs, analyses, trace: bool = False):
    """The events stage of this checkout on the cached analyses: (emitted events, trace rows,
    lexicon entry of each event) per article."""
    from whodid.events import EventsStage
    from whodid.knowledge import Resources

    stage = EventsStage(Resources.build())
    out, traces, entries = [], [], []
    for doc, analysis in zip(docs, analyses):
        a = copy.deepcopy(analysis)
        stage.coder.trace = [] if trace else None
        stage(doc, a)
        out.append(news.emitted_events(a))
        traces.append(stage.coder.trace or [])
        frames = [stage.coder.frame_of.get(id(e)) for e in a.events]
        entries.append([f.entry.where.rsplit("/", 1)[-1] if f is not None else "-" for f in frames])
    return out, traces, entries


def figures(articles, emitted, min_confidence=None) -> dict:
    """The type-only and type + actor + recipient tallies (``news.score``'s ``type`` and ``full``)
    of ``emitted`` against ``articles``; with ``min_confidence``, of the events at or above it."""
    fig = news.score(zip(articles, emitted), min_confidence=min_confidence)
    src = fig["trusted"] if min_confidence is not None else fig
    return {lv: src[lv] for lv in ("type", "full")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("cache", "score"))
    ap.add_argument("--shared", type=Path)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--gold", type=Path, action="append", help="cache these gold files instead of the dev gold")
    ap.add_argument("--show", choices=news.SHOW)
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--min-confidence", type=float, default=0.2)
    ap.add_argument("--part", choices=("shared", "tune"), help="score only the cached articles of this gold part")
    ap.add_argument("--dump", type=Path, help="write every emitted event, its lexicon entry and whether it is right")
    args = ap.parse_args()
    if args.what == "cache":
        cache(args.shared, args.cache, args.limit, args.gold)
        return
    articles, docs, analyses = load(args.cache)
    if args.part:
        ids = {json.loads(line)["id"] for path in news.gold_files(args.part, args.shared)
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        kept = [i for i, a in enumerate(articles) if a.id in ids]
        articles, docs, analyses = ([xs[i] for i in kept] for xs in (articles, docs, analyses))
    emitted, traces, entries = run_events(docs, analyses, args.trace)
    if args.dump:
        with args.dump.open("w") as out:
            for article, em, names in zip(articles, emitted, entries):
                for o, right, entry in zip(em, news.right(article, em), names):
                    out.write(f"{int(right)}\t{article.id}\t{o.start}\t{o.type}\t{o.trigger}\t{entry}\t"
                              f"{' '.join(p.code for p in o.actor)}\t{' '.join(p.code for p in o.recipient)}\n")
    fig = news.score(zip(articles, emitted), listing=bool(args.show) or args.trace, min_confidence=args.min_confidence)
    report = news.format_report(fig, args.show)
    print(report if args.show else report.split("\nper corpus")[0])
    if args.trace:
        causes: Counter = Counter()
        for article, doc, tr in zip(articles, docs, traces):
            for m in fig["misses"]:
                if m["article"] != article.id or m["why"] != "nothing emitted in its sentences":
                    continue
                s, e = m["start"], m["end"]
                here = [t for t in tr if s <= t[0] < e]
                print(f"- {article.id} {m['gold']['type']} {m['gold']['trigger']!r} "
                      f"{m['gold']['actor']} -> {m['gold']['recipient']}")
                print(f"    {m['sentence']}")
                for _, word, entry, reason in here:
                    print(f"    . {word!r} {entry}: {reason}")
                trigger = (m["gold"]["trigger"] or "").lower()
                at = [t for t in here if t[1].lower() in trigger.split() or t[1].lower() in trigger]
                why = at[-1][3] if at else "no candidate at the trigger"
                causes[why if why.startswith("filtered (") else why.split(" (")[0]] += 1
        print("\ncauses (the reason given for a candidate at the gold trigger's words):", dict(causes.most_common()))


if __name__ == "__main__":
    main()
