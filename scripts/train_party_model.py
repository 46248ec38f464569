"""Train and measure the party chooser of the events stage (``whodid.events.parties``) on the
development gold.

    python scripts/events_dev.py cache --shared ../shared --cache DIR     # once: the parses
    python scripts/train_party_model.py cv|oracle --shared ../shared --cache DIR [--l2 3]
    python scripts/train_party_model.py train --shared ../shared --cache DIR \
        --out src/whodid/data/events/party_model.json

Reads the development gold only (the shared ``dev.jsonl`` and whodid's ``tune.jsonl``; it
refuses the held-aside part) through the parse cache ``scripts/events_dev.py`` builds.

Unit: each side (actor, recipient) of each event the events stage of this checkout emits, with
its candidates (``parties.candidates``: the parties of the sentence and the three before, the
inferred ones, the rules' own; ``--back``, ``--first``, ``--speakers`` change them). Label of a candidate: it shares a country (the code's first
three letters, as ``eval.news`` compares) with a gold party of that side (either side for
CONSULT) of the gold event the emission matches at type level (one to one, as the scorer
matches). Sides with no such gold event, no gold party or a wildcard one, or fewer than two
candidates are not trained on.

Model: a binary logistic regression (``logistic.py``) over the candidates. A side the rules left
empty is given the best candidate when its score passes a threshold; with ``--replace``, a
side's parties are also replaced by the best candidate when its score beats the best of the
rules' own by a margin (out of fold that moved no event right, so the shipped model never
replaces).

``cv``: out of fold by annotation round (the shared dev gold one round, the packed gold's first
round one, each later annotator one). In each outer fold the margin is chosen by an inner
cross-validation by round on the outer training rounds only (type + actor + recipient F1), the
model refitted on them and applied to the left-out round. The left-out emissions of all rounds
together are scored beside the rules alone, on all rounds and on the fresh ones (``FRESH``: the
seventh round on), also at every fixed margin (one level, an upper bound).

``oracle``: the ceiling, every side given a candidate its label says is right.

A fill that makes an event the same (type, parties) as another of its article is kept, as the
stage keeps it (it folds such a telling only when it has the same trigger word too:
``remention.refold``); ``--dedupe drop|skip`` measures leaving the event or the side out.
``--empty-negatives`` also trains on the sides the gold leaves empty (every candidate wrong).
The fresh rounds' figures are given for the seventh round on together and for the
eleventh alone.

``train``: fits on the development articles but the eleventh round's (``--without``: kept out
of the fit so that its figures stay a measure) and writes the weights and the threshold an inner
cross-validation by round chose (JSON, ``knowledge.party_model`` reads it); by default to
/tmp, ``--out src/whodid/data/events/party_model.json`` for the package (``docs/accuracy.md``,
branches party-model17 and party18).
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
from whodid.events import parties as pm  # noqa: E402
from whodid.knowledge import Resources  # noqa: E402
from whodid.knowledge.party_model import PartyModel  # noqa: E402

import events_dev  # noqa: E402
import logistic  # noqa: E402
from train_event_triggers import load  # noqa: E402

OUT = Path("/tmp/whodid-party-model.json")
L2 = 3.0
MIN_COUNT = 2
MARGINS = (-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, float("inf"))
# fill an empty side when the best candidate's log-odds pass this (0.5 .. 0.9 probability). No
# lower: the scorer never counts a wrong party on a side the gold leaves empty, or on an event
# it does not match, so F1 alone would fill with parties the model itself thinks are wrong
FILLS = (0.0, 0.4, 0.85, 1.4, 2.2, float("inf"))
NEVER = float("inf")
CLASSES = [logistic.NONE, "PARTY"]
FRESH = events_dev.FRESH  # the rounds coded blind after the rules: the "fresh" figures
# the eleventh round, coded blind after the model was first trained (reported on its own)
ELEVENTH = frozenset({"annotator-gold13a", "annotator-gold13b"})
# what the candidates are (``parties.candidates``' options; the command line changes them)
CANDIDATES: dict = {}
# how a side the gold leaves empty is trained on: not at all, or every candidate a wrong one
EMPTY_NEGATIVES = False
# a fill that makes an event the same (type, parties) as another of its article: "keep" it, or
# "skip" (the side stays empty), or "drop" (the event is left out as a re-telling)
DEDUPE = "keep"
QUICK = False
CAMEO_KEY = False  # the same CAMEO code too, not only the same PLOVER type


# ---------------------------------------------------------------- data


def party(a) -> news.Party:
    return news.Party(a.name, a.code or (a.country + (a.sector or "") if a.country else ""), a.kind)


def run(docs, analyses, previous=True):
    """The events stage on every article: per article, (emitted events, sides per event)."""
    stage = EventsStage(Resources.build())
    stage.party_chooser = None  # the rules' parties: what the model is trained to complete
    out = []
    for doc, analysis in zip(docs, analyses):
        a = copy.deepcopy(analysis)
        stage(doc, a)
        sides = []
        for ev in a.events:
            per = pm.candidates(doc, a, ev, previous, **CANDIDATES)
            for s in per.values():
                s.feats = pm.features(doc, a, s)
            sides.append(per)
        out.append((news.emitted_events(a), sides))
    return out


def matched(article, emitted) -> list[int | None]:
    """The gold event each emission matches at type level (one to one, as the scorer), or None."""
    gold = article.events
    order = sorted(range(len(emitted)), key=lambda j: (emitted[j].start, emitted[j].type))
    ours = [emitted[j] for j in order]
    typed = [sorted((i for i, g in enumerate(gold) if news._inside(g, o) and g.type == o.type),
                    key=lambda i: news._preference(gold[i], o)) for o in ours]
    match = news._max_matching(typed)
    out: list[int | None] = [None] * len(emitted)
    for k, j in enumerate(order):
        if k in match:
            out[j] = match[k]
    return out


def labels(article, emitted, sides, empty=False) -> list[dict[str, list[int] | None]]:
    """Per event and side: each candidate's label (1 right, 0 not), None when the side is not
    scored (with ``empty``, a side the gold leaves empty has every candidate wrong)."""
    out = []
    for o, per, g in zip(emitted, sides, matched(article, emitted)):
        row: dict[str, list[int] | None] = {s: None for s in pm.SIDES}
        if g is not None:
            gold = article.events[g]
            for s in pm.SIDES:
                want = gold.actor + gold.recipient if gold.type == "CONSULT" else getattr(gold, s)
                if not want and empty and gold.type != "CONSULT":
                    row[s] = [0] * len(per[s].candidates)
                    continue
                if not want or any(news._country(p.code) == news.WILDCARD for p in want):
                    continue
                row[s] = [int(news._common(want, [party(c.actor)])) for c in per[s].candidates]
        out.append(row)
    return out


def rows_of(result, gold_labels, keep):
    rows, ys = [], []
    for n in keep:
        for per, lab in zip(result[n][1], gold_labels[n]):
            for s in pm.SIDES:
                if lab[s] is None or not per[s].candidates or (len(per[s].candidates) < 2 and per[s].rules):
                    continue
                rows.extend(per[s].feats)
                ys.extend(CLASSES[y] for y in lab[s])
    return rows, ys


def fit(rows, ys, l2=L2) -> PartyModel:
    bias, weights, _ = logistic.fit(rows, ys, CLASSES, l2, MIN_COUNT)
    return PartyModel(bias, weights)


def replaced(o, per, choice: dict[str, int | None]):
    if all(v is None for v in choice.values()):
        return o
    o = copy.copy(o)
    for s, k in choice.items():
        if k is not None:
            setattr(o, s, [party(per[s].candidates[k].actor)])
    return o


def _fresh(per):
    """The sides with their "other side" as the rules left it (``choose_sides`` updates it)."""
    return {s: copy.copy(side) for s, side in per.items()}


def figures(arts, emitted, *args):
    """``events_dev.figures`` on emissions where a left-out event is None (``deduped``)."""
    return events_dev.figures(arts, [[o for o in one if o is not None] for one in emitted], *args)


def _key(o, cameo):
    return (o.type, cameo if CAMEO_KEY else None, frozenset(p.code or p.name for p in o.actor),
            frozenset(p.code or p.name for p in o.recipient))


def deduped(emitted, new, mode, cameos):
    """``new`` with each fill that makes an event the same as another of the article skipped
    (``mode`` "skip") or that event left out ("drop")."""
    if mode == "keep":
        return new
    seen = {_key(n, c) for o, n, c in zip(emitted, new, cameos) if o is n}
    out = []
    for o, n, c in zip(emitted, new, cameos):
        if o is not n and _key(n, c) in seen:
            out.append(o if mode == "skip" else None)
            continue
        seen.add(_key(n, c))
        out.append(n)
    return out


def applied(result, models, margin=None, fill=None):
    out = []
    for (emitted, sides), model in zip(result, models):
        if model is None:
            out.append(emitted)
            continue
        new = [replaced(o, per, pm.choose_sides(model, _fresh(per), margin, fill))
               for o, per in zip(emitted, sides)]
        out.append(deduped(emitted, new, DEDUPE, [per["actor"].event.cameo for per in sides]))
    return out


def line(name, fig) -> str:
    t, f = fig["type"], fig["full"]
    return (f"{name:34s} type P/R/F1 {t['precision']:.3f}/{t['recall']:.3f}/{t['f1']:.3f}   "
            f"full P/R/F1 {f['precision']:.3f}/{f['recall']:.3f}/{f['f1']:.3f} "
            f"({f['matched']}/{f['emitted']}/{f['gold']})")


def choose(articles, result, gold_labels, rounds, keep, l2) -> tuple[float, float]:
    """The margin and the fill threshold with the best type + actor + recipient F1 over ``keep``,
    each article's sides chosen by a model fitted without its round (inner folds by round). The
    two act on disjoint sides (the rules' parties replaced, an empty side filled): chosen apart."""
    ms = logistic.fold_models(keep, [rounds[n] for n in keep], lambda tr: fit(*rows_of(result, gold_labels, tr), l2))
    arts = [articles[n] for n in keep]
    sub = [result[n] for n in keep]
    margins = {m: figures(arts, applied(sub, ms, m, NEVER))["full"]["f1"] for m in MARGINS}
    fills = {t: figures(arts, applied(sub, ms, NEVER, t))["full"]["f1"] for t in FILLS}
    # ties: the larger margin / threshold (fewer changes)
    return (max(margins, key=lambda m: (round(margins[m], 6), m)), max(fills, key=lambda t: (round(fills[t], 6), t)))


def changes(articles, result, new, gold_labels, subset) -> Counter:
    """How the moved sides fare against their labels (an unscored side: why)."""
    c: Counter = Counter()
    for n in subset:
        gold = articles[n].events
        for o, p, per, lab, g in zip(result[n][0], new[n], result[n][1], gold_labels[n],
                                     matched(articles[n], result[n][0])):
            if p is None:
                c["event left out (same as another)"] += 1
                continue
            for s in pm.SIDES:
                if getattr(o, s) is getattr(p, s):
                    continue
                c["moved"] += 1
                if lab[s] is None:
                    want = None if g is None else (
                        gold[g].actor + gold[g].recipient if gold[g].type == "CONSULT" else getattr(gold[g], s))
                    c["unscored: " + ("event not matched at type level" if g is None else
                                      "gold side empty" if not want else "gold party a wildcard")] += 1
                    continue
                before = any(lab[s][k] for k in per[s].rules)
                after = any(
                    lab[s][k] for k, cand in enumerate(per[s].candidates) if party(cand.actor) in getattr(p, s))
                c[f"{'right' if before else 'wrong'} -> {'right' if after else 'wrong'}"] += 1
    return c


def cross_validate(articles, docs, analyses, rounds, l2, previous, fixed=None) -> None:
    result = run(docs, analyses, previous)
    gold_labels = [labels(a, *r, EMPTY_NEGATIVES) for a, r in zip(articles, result)]
    scored_labels = [labels(a, *r) for a, r in zip(articles, result)]
    fresh = FRESH
    everything = list(range(len(articles)))
    rows, ys = rows_of(result, gold_labels, everything)
    print(f"{len(articles)} articles, {sum(len(r[0]) for r in result)} emitted events, {len(ys)} candidate rows "
          f"({ys.count('PARTY')} right), rounds {len(set(rounds))}; fresh articles "
          f"{sum(r in fresh for r in rounds)}", flush=True)
    models: list = [None] * len(articles)
    for r in sorted(set(rounds)):
        keep = [n for n in everything if rounds[n] != r]
        m, t = (NEVER, fixed) if fixed is not None else choose(articles, result, gold_labels, rounds, keep, l2)
        model = fit(*rows_of(result, gold_labels, keep), l2)
        model.margin, model.fill = m, t
        test = [n for n in everything if rounds[n] == r]
        for n in test:
            models[n] = model
        before = figures([articles[n] for n in test], [result[n][0] for n in test])["full"]
        after = figures([articles[n] for n in test],
                                   applied([result[n] for n in test], [model] * len(test)))["full"]
        print(f"  fold {r:22s} margin {m} fill {t}: full F1 {before['f1']:.3f} -> {after['f1']:.3f} "
              f"({before['matched']}/{before['emitted']} -> {after['matched']}/{after['emitted']})", flush=True)
    new = applied(result, models)
    shipped = PartyModel.load()
    old = applied(result, [shipped] * len(articles))
    one_level = None if QUICK else logistic.fold_models(
        everything, rounds, lambda tr: fit(*rows_of(result, gold_labels, tr), l2))
    for name, subset in (("all development rounds", everything),
                         ("fresh rounds", [n for n in everything if rounds[n] in fresh]),
                         ("eleventh round", [n for n in everything if rounds[n] in ELEVENTH])):
        arts = [articles[n] for n in subset]
        print(f"\n{name}: {len(arts)} articles")
        print(line("rules alone", figures(arts, [result[n][0] for n in subset])))
        print(line("party model (out of fold)", figures(arts, [new[n] for n in subset])))
        print(line("shipped weights (in sample*)", figures(arts, [old[n] for n in subset])))
        fills = Counter(o.type for n in subset for o, p in zip(result[n][0], new[n]) if o is not p)
        print("  fills by type:", dict(fills.most_common(12)))
        print(line("rules alone, conf >= 0.2", figures(arts, [result[n][0] for n in subset], 0.2)))
        print(line("party model, conf >= 0.2", figures(arts, [new[n] for n in subset], 0.2)))
        print("  moved sides:", dict(changes(articles, result, new, scored_labels, subset)))
        replace_only = applied(result, models, None, NEVER)
        print(line("party model, replacing only", figures(arts, [replace_only[n] for n in subset])))
        for m in MARGINS[:-1] if one_level else ():
            fixed = applied([result[n] for n in subset], [one_level[n] for n in subset], m, NEVER)
            print(line(f"  fixed margin {m} (one level)", figures(arts, fixed)))
        for t in FILLS[:-1] if one_level else ():
            fixed = applied([result[n] for n in subset], [one_level[n] for n in subset], NEVER, t)
            print(line(f"  fixed fill {t} (one level)", figures(arts, fixed)))


def oracle(articles, docs, analyses, rounds, previous) -> None:
    result = run(docs, analyses, previous)
    gold_labels = [labels(a, *r) for a, r in zip(articles, result)]
    fresh = FRESH
    def best(fill: bool, replace: bool):
        out = []
        for (emitted, sides), labs in zip(result, gold_labels):
            one = []
            for o, per, lab in zip(emitted, sides, labs):
                choice = {}
                for s in pm.SIDES:
                    y = lab[s]
                    choice[s] = None
                    if y is not None and not any(y[k] for k in per[s].rules) and any(y) and (
                            fill if not per[s].rules else replace):
                        choice[s] = y.index(1)
                one.append(replaced(o, per, choice))
            out.append(one)
        return out

    both, filled, repl = best(True, True), best(True, False), best(False, True)
    why: Counter = Counter()
    for (emitted, sides), labs in zip(result, gold_labels):
        for per, lab in zip(sides, labs):
            for s in pm.SIDES:
                y = lab[s]
                if y is None:
                    why["unscored"] += 1
                elif any(y[k] for k in per[s].rules):
                    why["rules right"] += 1
                elif any(y):
                    order = ("sentence", "previous", "inferred", "other")
                    where = min((per[s].candidates[k].where for k in range(len(y)) if y[k]), key=order.index)
                    why[f"a candidate right ({where}), rules {'empty' if not per[s].rules else 'wrong'}"] += 1
                else:
                    why["no candidate right"] += 1
    print("sides:", dict(why.most_common()))
    everything = list(range(len(articles)))
    for name, subset in (("all", everything), ("fresh", [n for n in everything if rounds[n] in fresh])):
        arts = [articles[n] for n in subset]
        print(line(f"{name} rules alone", figures(arts, [result[n][0] for n in subset])))
        print(line(f"{name} oracle (best candidate)", figures(arts, [both[n] for n in subset])))
        print(line(f"{name} oracle, replacing only", figures(arts, [repl[n] for n in subset])))
        print(line(f"{name} oracle, filling only", figures(arts, [filled[n] for n in subset])))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("cv", "oracle", "train", "weights"))
    ap.add_argument("--shared", type=Path)
    ap.add_argument("--cache", type=Path, default=events_dev.CACHE)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--no-previous", action="store_true", help="no candidates from the sentence before")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--fixed-fill", type=float,
                    help="cv: this fill threshold in every fold instead of the inner cross-validation's")
    ap.add_argument("--back", type=int, help="candidates from this many sentences before (default: the stage's)")
    ap.add_argument("--first", action="store_true", default=None,
                    help="candidates from the article's first sentence")
    ap.add_argument("--speakers", action="store_true", help="the speaker of a quote the event is told in")
    ap.add_argument("--empty-negatives", action="store_true",
                    help="train on the sides the gold leaves empty too, every candidate a wrong one")
    ap.add_argument("--dedupe", choices=("keep", "skip", "drop"), default="keep",
                    help="a fill that makes an event the same as another of its article: keep it, skip the fill, "
                         "or drop the event")
    ap.add_argument("--without", nargs="*", default=sorted(ELEVENTH), metavar="ROUND",
                    help="train: leave these rounds out of the fit (default: the eleventh, kept for measuring)")
    ap.add_argument("--cameo-key", action="store_true", help="--dedupe: the same CAMEO code too")
    ap.add_argument("--quick", action="store_true", help="cv: no fixed-threshold (one level) figures")
    ap.add_argument("--replace", action="store_true",
                    help="also replace the rules' parties (out of fold it moved no F1: off by default)")
    args = ap.parse_args()
    global MARGINS, EMPTY_NEGATIVES, DEDUPE, QUICK, CAMEO_KEY
    CAMEO_KEY = args.cameo_key
    CANDIDATES.update({k: v for k, v in (("back", args.back), ("first", args.first)) if v is not None},
                      speakers=args.speakers)
    EMPTY_NEGATIVES, DEDUPE, QUICK = args.empty_negatives, args.dedupe, args.quick
    if not args.replace:
        MARGINS = (NEVER,)
    articles, docs, analyses, rounds = load(args.shared, args.cache)
    rounds = ["tune round 1" if r.startswith("annotator-") and r[10:].isdigit() else r for r in rounds]
    previous = not args.no_previous
    if args.what == "oracle":
        oracle(articles, docs, analyses, rounds, previous)
    elif args.what == "cv":
        cross_validate(articles, docs, analyses, rounds, args.l2, previous, args.fixed_fill)
    else:
        result = run(docs, analyses, previous)
        gold_labels = [labels(a, *r, EMPTY_NEGATIVES) for a, r in zip(articles, result)]
        everything = [n for n in range(len(articles)) if rounds[n] not in set(args.without)]
        m, t = choose(articles, result, gold_labels, rounds, everything, args.l2)
        model = fit(*rows_of(result, gold_labels, everything), args.l2)
        model.margin, model.fill = m, t
        model.trained = {"l2": args.l2, "articles": len(everything), "without": sorted(args.without)}
        model.dump(args.out)
        print(f"wrote {args.out}: margin {m}, fill {t}, {len(model.weights)} features")
        top = sorted(model.weights.items(), key=lambda kv: -abs(kv[1][1] - kv[1][0]))[:40]
        for f, w in top:
            print(f"  {w[1] - w[0]:+.2f}  {f}")


if __name__ == "__main__":
    main()
