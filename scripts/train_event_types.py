"""Train and measure a re-typer of the events stage's emitted events (``event_types.py``) on the
development gold.

    python scripts/events_dev.py cache --shared ../shared --cache DIR     # once: the parses
    python scripts/train_event_types.py cv|grid --shared ../shared --cache DIR [--l2 10] [--no-agree]
    python scripts/train_event_types.py train --shared ../shared --cache DIR [--out FILE]

Reads the development gold only (the shared ``dev.jsonl`` and whodid's ``tune.jsonl``; it
refuses the held-aside part) through the parse cache ``scripts/events_dev.py`` builds.

Unit: each event the events stage of this checkout emits. Label: its own type when a gold event
of that type is coded in its trigger's sentence (matched one to one at type level, as the scorer
matches; a duplicate keeps its type too), else the type of a gold event coded there that no
emission of its type took (the one whose parties agree first, as ``eval.news`` prefers), else
"NONE" (no event).

``cv``: out of fold by annotation round (the shared dev gold one round, the packed gold's first
round one, each later annotator one). In each outer fold the re-typing margin and the drop
threshold are chosen by an inner cross-validation by round on the outer training rounds only
(events-stage type + actor + recipient F1), the model refitted on them, and applied to the left-out
round. The left-out emissions of all rounds together are scored against the development gold
(all rounds; the fresh rounds, the seventh on, alone) beside the rules alone, at type level and type +
actor + recipient, with every event and with the confidence model's ``--min-confidence 0.2`` view.

``oracle``: the ceiling, every event given its label (re-typed; then the "none" dropped too).

``grid``: one level only (each round's articles re-typed by a model fitted without that round),
every margin and drop setting on all rounds and on the fresh ones, with the number of events
re-typed and dropped, and the drop settings beside the confidence model's 0.2 view: an upper
bound, since the best setting is read off the rounds it is scored on.

The model is not part of the package: out of fold it never beat the rules (``docs/accuracy.md``,
branch ev-types15), so ``train`` writes its weights to /tmp, for a later try.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from whodid.eval import news  # noqa: E402
from whodid.events import EventsStage  # noqa: E402
from whodid.knowledge import Resources  # noqa: E402

import event_types as et  # noqa: E402
import events_dev  # noqa: E402
import logistic  # noqa: E402
from train_event_triggers import load  # noqa: E402

OUT = Path("/tmp/whodid-event-types.json")
L2 = 10.0
MIN_COUNT = 2
MARGINS = (-1.0, -0.5, 0.0, 0.5, 1.0, 2.0, float("inf"))
DROPS = (0.5, 0.6, 0.7, 0.8, 0.9, 2.0)
AGREE = 1.0  # 0: no shared bonus on the rules' class (the rules' type then enters as features only)
FRESH = events_dev.FRESH  # the rounds coded blind after the rules


# ---------------------------------------------------------------- data


def run(docs, analyses):
    """The events stage on every article: per article, the emitted events and each one's features."""
    stage = EventsStage(Resources.build())
    out = []
    for doc, analysis in zip(docs, analyses):
        a = copy.deepcopy(analysis)
        stage(doc, a)
        feats = [et.features(doc, a, ev, stage.coder.frame_of.get(id(ev))) for ev in a.events]
        out.append((news.emitted_events(a), feats))
    return out


def labels(article, emitted) -> list[str]:
    """The gold label of each emitted event (see the module's docstring)."""
    gold = article.events
    order = sorted(range(len(emitted)), key=lambda j: (emitted[j].start, emitted[j].type))
    ours = [emitted[j] for j in order]
    inside = [sorted((i for i, g in enumerate(gold) if news._inside(g, o)),
                     key=lambda i: news._preference(gold[i], o)) for o in ours]
    typed = [[i for i in inside[j] if gold[i].type == o.type] for j, o in enumerate(ours)]
    taken = set(news._max_matching(typed).values())
    out = [et.NONE] * len(emitted)
    for k, j in enumerate(order):
        o = ours[k]
        if typed[k]:
            out[j] = o.type
            continue
        free = [i for i in inside[k] if i not in taken]
        agree = [i for i in free if news.party_problem(gold[i], o) is None]
        if agree or free:
            out[j] = gold[(agree or free)[0]].type
    return out


# ---------------------------------------------------------------- model


def fit(rows, ys, rules, classes, l2: float = L2) -> et.TypeModel:
    bias, weights, agree = logistic.fit(rows, ys, classes, l2, MIN_COUNT, rules, AGREE)
    return et.TypeModel(list(classes), bias, weights, agree)


def applied(result, models, margin=None, drop=None):
    """Emitted events per article after the re-typer (``models[n]``: None leaves article n alone)."""
    out = []
    for (emitted, feats), model in zip(result, models):
        if model is None:
            out.append(emitted)
            continue
        kept = []
        for o, f in zip(emitted, feats):
            t = model.decide(f, o.type, margin, drop)
            if t is not None:
                kept.append(copy.copy(o) if t == o.type else _retyped(o, t))
        out.append(kept)
    return out


def _retyped(o, t):
    o = copy.copy(o)
    o.type = t
    return o


def rows_of(result, gold_labels, keep):
    rows, ys, rules = [], [], []
    for n in keep:
        emitted, feats = result[n]
        for o, f, y in zip(emitted, feats, gold_labels[n]):
            rows.append(f)
            ys.append(y)
            rules.append(o.type)
    return rows, ys, rules


def choose(articles, result, gold_labels, rounds, keep, classes, l2) -> tuple[float, float]:
    """Margin and drop threshold with the best type + actor + recipient F1 over ``keep``, each
    article re-typed by a model fitted without its round (inner folds by round)."""
    ms = logistic.fold_models(keep, [rounds[n] for n in keep],
                              lambda tr: fit(*rows_of(result, gold_labels, tr), classes, l2))
    arts = [articles[n] for n in keep]
    sub = [result[n] for n in keep]
    table = {}
    for m in MARGINS:
        for dr in DROPS:
            table[(m, dr)] = events_dev.figures(arts, applied(sub, ms, m, dr))["full"]["f1"]
    # ties: the most conservative setting (fewest changes)
    return max(table, key=lambda k: (round(table[k], 6), k[0], k[1]))


def line(name, fig) -> str:
    t, f = fig["type"], fig["full"]
    return (f"{name:34s} type P/R/F1 {t['precision']:.3f}/{t['recall']:.3f}/{t['f1']:.3f} "
            f"({t['matched']}/{t['emitted']}/{t['gold']})   full {f['precision']:.3f}/{f['recall']:.3f}/{f['f1']:.3f} "
            f"({f['matched']}/{f['emitted']}/{f['gold']})")


def cross_validate(articles, docs, analyses, rounds, l2) -> None:
    result = run(docs, analyses)
    gold_labels = [labels(a, r[0]) for a, r in zip(articles, result)]
    allrows = [y for ls in gold_labels for y in ls]
    rules_types = [o.type for r in result for o in r[0]]
    print(f"{len(allrows)} emitted events; labels: own type {sum(y == t for y, t in zip(allrows, rules_types))}, "
          f"other type {sum(y not in (t, et.NONE) for y, t in zip(allrows, rules_types))}, none {allrows.count(et.NONE)}")
    classes = [et.NONE] + sorted({y for y in allrows if y != et.NONE} | set(rules_types))
    models: list = [None] * len(articles)
    everything = list(range(len(articles)))
    for r in sorted(set(rounds)):
        keep = [n for n in everything if rounds[n] != r]
        m, dr = choose(articles, result, gold_labels, rounds, keep, classes, l2)
        model = fit(*rows_of(result, gold_labels, keep), classes, l2)
        model.margin, model.drop = m, dr
        test = [n for n in everything if rounds[n] == r]
        for n in test:
            models[n] = model
        before = events_dev.figures([articles[n] for n in test], [result[n][0] for n in test])["full"]
        after = events_dev.figures([articles[n] for n in test],
                                   applied([result[n] for n in test], [model] * len(test)))["full"]
        print(f"  fold {r:22s} margin {m} drop {dr} agree {model.agree:.2f}: full F1 {before['f1']:.3f} -> "
              f"{after['f1']:.3f} ({before['matched']}/{before['emitted']} -> {after['matched']}/{after['emitted']})",
              flush=True)
    retyped = applied(result, models)
    changed: Counter = Counter()
    for name, subset in (("all development rounds", everything), ("fresh rounds (the seventh on)",
                                                                   [n for n in everything if rounds[n] in FRESH])):
        arts = [articles[n] for n in subset]
        print(f"\n{name}: {len(arts)} articles")
        print(line("rules alone", events_dev.figures(arts, [result[n][0] for n in subset])))
        print(line("re-typer (out of fold)", events_dev.figures(arts, [retyped[n] for n in subset])))
        print(line("rules alone, conf >= 0.2", events_dev.figures(arts, [result[n][0] for n in subset], 0.2)))
        print(line("re-typer, conf >= 0.2", events_dev.figures(arts, [retyped[n] for n in subset], 0.2)))
        for n in subset:
            em, _ = result[n]
            new = {(o.start, o.trigger): o.type for o in retyped[n]}
            for o, y in zip(em, gold_labels[n]):
                t = new.get((o.start, o.trigger), "DROP")
                if t != o.type:
                    changed[(name, o.type, t, "right" if t == y else "label " + y)] += 1
    print("\nchanges (rules' type -> re-typer's, against the label):")
    for k, c in sorted(changed.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {c:4d}  {k[0][:5]}  {k[1]} -> {k[2]}  ({k[3]})")


def grid(articles, docs, analyses, rounds, l2) -> None:
    """Every margin and drop setting, each article re-typed by a model fitted without its round
    (one level: the best setting here is chosen on the very rounds it is scored on, an upper bound)."""
    result = run(docs, analyses)
    gold_labels = [labels(a, r[0]) for a, r in zip(articles, result)]
    allrows = [y for ls in gold_labels for y in ls]
    classes = [et.NONE] + sorted({y for y in allrows if y != et.NONE} | {o.type for r in result for o in r[0]})
    everything = list(range(len(articles)))
    models = logistic.fold_models(everything, rounds, lambda tr: fit(*rows_of(result, gold_labels, tr), classes, l2))
    fresh = [n for n in everything if rounds[n] in FRESH]
    for name, subset in (("all", everything), ("fresh", fresh)):
        arts = [articles[n] for n in subset]
        print(line(f"{name} rules alone, conf >= 0.2", events_dev.figures(arts, [result[n][0] for n in subset], 0.2)))
        for dr in DROPS[:-1]:
            new = applied([result[n] for n in subset], [models[n] for n in subset], float("inf"), dr)
            print(line(f"{name} drop {dr}, conf >= 0.2", events_dev.figures(arts, new, 0.2)), flush=True)
    for m in MARGINS:
        for dr in DROPS:
            new = applied(result, models, m, dr)
            moved = sum(models[n].decide(f, o.type, m, dr) not in (o.type, None)
                        for n in everything for o, f in zip(*result[n]))
            dropped = sum(models[n].decide(f, o.type, m, dr) is None for n in everything for o, f in zip(*result[n]))
            print(f"margin {m} drop {dr}: {moved} re-typed, {dropped} dropped")
            for name, subset in (("all", everything), ("fresh", fresh)):
                print(line(f"{name} margin {m} drop {dr}", events_dev.figures([articles[n] for n in subset],
                                                                   [new[n] for n in subset])), flush=True)


def oracle(articles, docs, analyses, rounds) -> None:
    """The ceiling: every event given its label's type (re-typing only; then dropping the "none" too)."""
    result = run(docs, analyses)
    gold_labels = [labels(a, r[0]) for a, r in zip(articles, result)]
    retyped = [[o if y in (et.NONE, o.type) else _retyped(o, y) for o, y in zip(r[0], ls)]
               for r, ls in zip(result, gold_labels)]
    pruned = [[o for o, y in zip(r, ls) if y != et.NONE] for r, ls in zip(retyped, gold_labels)]
    everything = list(range(len(articles)))
    for name, subset in (("all", everything), ("fresh", [n for n in everything if rounds[n] in FRESH])):
        arts = [articles[n] for n in subset]
        print(line(f"{name} rules alone", events_dev.figures(arts, [result[n][0] for n in subset])))
        print(line(f"{name} re-typed to the label", events_dev.figures(arts, [retyped[n] for n in subset])))
        print(line(f"{name} and none dropped", events_dev.figures(arts, [pruned[n] for n in subset])))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("cv", "grid", "oracle", "train"))
    ap.add_argument("--shared", type=Path)
    ap.add_argument("--cache", type=Path, default=events_dev.CACHE)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--no-agree", action="store_true", help="no shared bonus on the rules' class")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    articles, docs, analyses, rounds = load(args.shared, args.cache)
    global AGREE
    AGREE = 0.0 if args.no_agree else 1.0
    rounds = ["tune round 1" if r.startswith("annotator-") and r[10:].isdigit() else r for r in rounds]
    if args.what == "oracle":
        oracle(articles, docs, analyses, rounds)
    elif args.what == "grid":
        grid(articles, docs, analyses, rounds, args.l2)
    elif args.what == "cv":
        cross_validate(articles, docs, analyses, rounds, args.l2)
    else:
        result = run(docs, analyses)
        gold_labels = [labels(a, r[0]) for a, r in zip(articles, result)]
        allrows = [y for ls in gold_labels for y in ls]
        classes = [et.NONE] + sorted({y for y in allrows if y != et.NONE} | {o.type for r in result for o in r[0]})
        everything = list(range(len(articles)))
        m, dr = choose(articles, result, gold_labels, rounds, everything, classes, args.l2)
        model = fit(*rows_of(result, gold_labels, everything), classes, args.l2)
        model.margin, model.drop = m, dr
        model.trained = {"l2": args.l2, "events": len(allrows), "articles": len(articles)}
        model.dump(args.out)
        print(f"wrote {args.out}: margin {m}, drop {dr}, agree {model.agree}")


if __name__ == "__main__":
    main()
