"""Train and measure a classifier of reported statements (``statement_events.py``) on the
development gold: which speech act (ACCUSE, REJECT, REQUEST, SUPPORT, ...) a speaker performs in
a statement the quotes stage found, added where the rules coded nothing of that type for that
speaker in that sentence.

    python scripts/events_dev.py cache --shared ../shared --cache DIR     # once: the parses
    python scripts/train_statement_events.py coverage|cv [--uncoded] [--inner] --shared ../shared --cache DIR
    python scripts/train_statement_events.py train [--uncoded] --shared ../shared --cache DIR [--out FILE]

Not part of the package: out of fold by annotation round it added one or two right events on
the fresh rounds at the price of their precision, none at a threshold that keeps it
(``docs/accuracy.md``, branch ev-statements15); ``train`` writes its weights to /tmp.

Reads the development gold only (the shared ``dev.jsonl`` and whodid's ``tune.jsonl``; it
refuses the held-aside part) through the parse cache of ``scripts/events_dev.py``. Reuses the
pieces of ``scripts/train_event_triggers.py`` (loading, the fit of its model) and the folds of
``scripts/logistic.py``.

Unit: each (sentence, speaker) of a reported statement (``statement_events.units``). Label: the
gold event types in that sentence (the unit's trigger, the head of the reported clause, inside
the gold event's sentence) whose actor has the speaker's country; none when there is none (a
type with too few examples counts as none).

``coverage``: of the gold events with nothing emitted in their sentences, how many have a unit
whose speaker has the gold actor's country (the ceiling of this reading), by type.

``cv``: folds by annotation round (the shared dev its own fold): a model fitted on the other
rounds reads the left-out round's units. Reported: the unit-level figures, the recipient's
accuracy, and the events' P / R / F1 (rules + added events) against the rules alone on the whole
development gold and on the fresh rounds (annotator-gold9a/b, gold10a/b), at every threshold of
the grid (one for all folds); with ``--inner`` each outer fold's threshold is chosen by an inner
3-fold cross-validation on its training articles (events-stage F1 at type + actor + recipient),
which is three times slower (``--fresh-only``: only the fresh rounds left out, the others
scored as the rules). ``--uncoded``: units (training and applying) only where the rules
coded no event of the speaker's in the sentence.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from whodid.eval import news  # noqa: E402
from whodid.events import EventsStage  # noqa: E402
from whodid.knowledge import Resources  # noqa: E402

import events_dev  # noqa: E402
import logistic  # noqa: E402
import statement_events as st  # noqa: E402
import train_event_triggers as tt  # noqa: E402

OUT = Path("/tmp/whodid-statement-events.json")
FRESH = events_dev.FRESH  # the rounds coded blind after the rules
MIN_EXAMPLES = 15  # a type with fewer positive units is read as none
GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)
NEVER = tt.NEVER


def party(a) -> news.Party:
    return news.Party(a.name, st.code(a), a.kind)


UNCODED = False  # --uncoded: only the statements where the rules coded nothing for the speaker


def prepare(docs, analyses):
    """The rules' events on every article and the statement units with their features."""
    stage = EventsStage(Resources.build())
    out = []
    for doc, analysis in zip(docs, analyses):
        a = copy.deepcopy(analysis)
        stage(doc, a)
        us = st.units(doc, a, a.events)
        if UNCODED:
            coded = {(e.sentence.start, x) for e in a.events for x in e.actor}
            us = [u for u in us if (u.sentence[0], u.speaker) not in coded]
        out.append({"analysis": a, "emitted": news.emitted_events(a), "units": us})
    return out


def gold_types(article, unit, spk: news.Party) -> list:
    """The gold events the unit could match at type + actor: its trigger inside the gold event's
    sentence, the gold actor of the speaker's country."""
    at = unit.head.idx
    return [g for g in article.events if g.spans[0][0] <= at < g.spans[0][1]
            and (not g.actor or news._common(g.actor, [spk]))]


def labelled(articles, prep, classes=None):
    """Per article, per unit: its label (a type of ``classes`` or NONE) and whether its recipient
    agrees with the gold event's (None for a NONE unit)."""
    order = ["ACCUSE", "REJECT", "REQUEST", "SUPPORT"]
    labels = []
    for art, p in zip(articles, prep):
        actors = {x.id: x for x in p["analysis"].actors}
        row = []
        for u in p["units"]:
            spk = party(actors[u.speaker])
            found = gold_types(art, u, spk)
            types = {g.type for g in found}
            lab = next((t for t in order if t in types), None) or (sorted(types)[0] if types else st.NONE)
            if classes is not None and lab not in classes:
                lab = st.NONE
            rec = None
            if lab != st.NONE:
                probe = _event(u, lab, actors, 1.0)
                rec = any(g.type == lab and news.party_problem(g, probe) is None for g in found)
            row.append((lab, rec))
        labels.append(row)
    return labels


def _event(u, type_: str, actors, p: float) -> news.Emitted:
    spk = actors[u.speaker]
    if u.recipient is not None:
        rec = [party(actors[u.recipient])]
    elif type_ == "REQUEST" and spk.country:
        rec = [news.Party("government", spk.country + "GOV", "organization")]
    else:
        rec = []
    return news.Emitted(type=type_, start=u.head.idx, sentence=u.sentence, actor=[party(spk)], recipient=rec,
                        confidence=p, trigger=u.head.text)


def added(p, model, threshold: float) -> list[news.Emitted]:
    """The model's events on one article: each unit whose best type reaches ``threshold`` where the
    rules emitted no event of that type for that speaker in that sentence."""
    if model is None:
        return []
    actors = {x.id: x for x in p["analysis"].actors}
    coded = {(e.sentence.start, e.type, a) for e in p["analysis"].events for a in e.actor}
    out = []
    for u in p["units"]:
        type_, _ = model.best(u.feats)
        prob = model.probabilities(u.feats)[model.classes.index(type_)]
        if prob < threshold or (u.sentence[0], type_, u.speaker) in coded:
            continue
        out.append(_event(u, type_, actors, prob))
    return out


def rows(prep, labels, keep):
    feats, ys = [], []
    for n in keep:
        for u, (y, _) in zip(prep[n]["units"], labels[n]):
            feats.append(u.feats)
            ys.append(y)
    return feats, ys


def with_model(prep, keep, model, t):
    return [prep[n]["emitted"] + added(prep[n], model, t) for n in keep]


def choose_threshold(articles, prep, labels, keep, classes):
    inner = logistic.article_folds([articles[n] for n in keep], 3, salt="inner")
    per = {}
    for j in range(3):
        tr = [n for n, f in zip(keep, inner) if f != j]
        te = [n for n, f in zip(keep, inner) if f == j]
        m = tt.fit(*rows(prep, labels, tr), classes)
        for t in GRID:
            for n, em in zip(te, with_model(prep, te, m, t)):
                per[(t, n)] = em
    arts = [articles[n] for n in keep]
    table = {t: tt.scored(arts, [per[(t, n)] for n in keep])["f1"] for t in GRID}
    table[NEVER] = tt.scored(arts, [prep[n]["emitted"] for n in keep])["f1"]
    return max(table, key=lambda t: (table[t], t)), table


def classes_of(labels) -> list[str]:
    counts = Counter(y for row in labels for y, _ in row if y != st.NONE)
    return [st.NONE] + sorted(t for t, c in counts.items() if c >= MIN_EXAMPLES)


def _line(name, fig, rules) -> str:
    return (f"{name}: P {fig['precision']:.3f} R {fig['recall']:.3f} F1 {fig['f1']:.3f} ({fig['matched']} matched of "
            f"{fig['emitted']}) vs rules P {rules['precision']:.3f} R {rules['recall']:.3f} F1 {rules['f1']:.3f} "
            f"({rules['matched']} of {rules['emitted']})")


def cross_validate(articles, docs, analyses, rounds, inner: bool = False, only: frozenset = frozenset()) -> None:
    prep = prepare(docs, analyses)
    print("events stage run", file=sys.stderr, flush=True)
    labels = labelled(articles, prep)
    classes = classes_of(labels)
    labels = labelled(articles, prep, classes)
    n_units = sum(len(r) for r in labels)
    counts = Counter(y for r in labels for y, _ in r)
    fresh = [n for n, r in enumerate(rounds) if r in FRESH]
    print(f"units: {n_units} (sentence, speaker) statements in {len(articles)} articles; labels {dict(counts)}; "
          f"classes {classes}")
    recs = [ok for r in labels for y, ok in r if y != st.NONE]
    print(f"recipient of the positive units agrees with the gold event's: {sum(recs)} of {len(recs)}")
    folds = rounds
    oof_models, chosen = [None] * len(articles), {}
    probs, golds = [], []
    for fold in sorted(set(folds)):
        train = [n for n, f in enumerate(folds) if f != fold]
        if only and fold not in only:
            continue
        if inner:
            t, table = choose_threshold(articles, prep, labels, train, classes)
        else:
            t, table = 0.5, {}  # the per-fold lines below: at 0.5
        model = tt.fit(*rows(prep, labels, train), classes)
        print(f"fold {fold} fitted", file=sys.stderr, flush=True)
        chosen[fold] = (t, table)
        for n, f in enumerate(folds):
            if f == fold:
                oof_models[n] = (model, t)
                for u, (y, _) in zip(prep[n]["units"], labels[n]):
                    probs.append(model.probabilities(u.feats))
                    golds.append(classes.index(y))
    oof_models = [m if m is not None else (None, NEVER) for m in oof_models]  # folds not run: the rules
    probs, golds = np.array(probs), np.array(golds)
    pred = probs[:, 1:].argmax(axis=1) + 1
    pmax = probs[np.arange(len(pred)), pred]
    print("\nunit level, out of fold by annotation round:")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        sel = pmax >= t
        right = sel & (pred == golds)
        print(f"  P(best type) >= {t:.1f}: {sel.sum():4d} flagged, {right.sum():4d} with the gold type "
              f"(precision {right.sum() / max(sel.sum(), 1):.3f}, of {(golds > 0).sum()} positive units)")
    for k, c in enumerate(classes[1:], 1):
        print(f"  {c}: {int((golds == k).sum())} units; flagged at 0.5 {int(((pred == k) & (pmax >= 0.5)).sum())}, right "
              f"{int(((pred == k) & (pmax >= 0.5) & (golds == k)).sum())}")
    rules_all = tt.scored(articles, [p["emitted"] for p in prep])
    fa = [articles[n] for n in fresh]
    rules_fresh = tt.scored(fa, [prep[n]["emitted"] for n in fresh])
    if not inner:  # every threshold of the grid, the same for every fold (no choice made out of fold)
        for t in GRID:
            em = [prep[n]["emitted"] + added(prep[n], m, t) for n, (m, _) in enumerate(oof_models)]
            print(_line(f"threshold {t:g}, whole dev", tt.scored(articles, em), rules_all))
            print(_line(f"threshold {t:g}, fresh", tt.scored(fa, [em[n] for n in fresh]), rules_fresh))
        oof_models = [(m, 0.5) for m, _ in oof_models]
    em = [None] * len(articles)
    for n, (m, t) in enumerate(oof_models):
        em[n] = prep[n]["emitted"] + added(prep[n], m, t)
    print()
    print(_line("events out of fold, whole development gold", tt.scored(articles, em), rules_all))
    fa = [articles[n] for n in fresh]
    print(_line(f"events out of fold, fresh rounds ({len(fresh)} articles)", tt.scored(fa, [em[n] for n in fresh]),
                tt.scored(fa, [prep[n]["emitted"] for n in fresh])))
    # what the added events are, by type and by being right
    by_type: Counter = Counter()
    for n in range(len(articles)):
        adds = added(prep[n], *oof_models[n])
        flags = news.right(articles[n], prep[n]["emitted"] + adds)[len(prep[n]["emitted"]):]
        tag = "fresh" if n in set(fresh) else "other"
        for e, ok in zip(adds, flags):
            by_type[(tag, e.type, ok)] += 1
    print("  added events (round group, type, right?):", dict(sorted(by_type.items())))
    for fold, (t, table) in chosen.items():
        kept = [n for n, f in enumerate(folds) if f == fold]
        a = [articles[n] for n in kept]
        mine = tt.scored(a, [em[n] for n in kept])
        theirs = tt.scored(a, [prep[n]["emitted"] for n in kept])
        grid = " ".join(f"{k:g}:{v:.3f}" for k, v in table.items())
        print(f"  fold {fold!s:18} threshold {t:g} (inner F1 {grid}); {len(kept)} articles: F1 {mine['f1']:.3f} vs "
              f"{theirs['f1']:.3f}, P {mine['precision']:.3f} vs {theirs['precision']:.3f}, R {mine['recall']:.3f} vs "
              f"{theirs['recall']:.3f}")


def coverage(articles, docs, analyses, rounds) -> None:
    """Of the gold speech acts with nothing emitted in their sentences: how many have a unit
    whose speaker has the gold actor's country (the ceiling of this reading)."""
    prep = prepare(docs, analyses)
    fig = news.score(zip(articles, [p["emitted"] for p in prep]), listing=True)
    by_id = {a.id: n for n, a in enumerate(articles)}
    c: Counter = Counter()
    for m in fig["misses"]:
        if m["why"] != "nothing emitted in its sentences":
            continue
        n = by_id[m["article"]]
        tag = "fresh" if rounds[n] in FRESH else "other"
        art = articles[n]
        actors = {x.id: x for x in prep[n]["analysis"].actors}
        g = next((g for g in art.events if g.spans[0][0] == m["start"] and g.type == m["gold"]["type"]), None)
        if g is None:
            continue
        has = any(g.spans[0][0] <= u.head.idx < g.spans[0][1] and (not g.actor or news._common(g.actor, [party(actors[u.speaker])]))
                  for u in prep[n]["units"])
        c[(tag, g.type, has)] += 1
    for k, v in sorted(c.items()):
        print(k, v)


def train(articles, docs, analyses, rounds, out: Path) -> None:
    prep = prepare(docs, analyses)
    labels = labelled(articles, prep)
    classes = classes_of(labels)
    labels = labelled(articles, prep, classes)
    everything = list(range(len(articles)))
    t, table = choose_threshold(articles, prep, labels, everything, classes)
    model = tt.fit(*rows(prep, labels, everything), classes)
    feats, ys = rows(prep, labels, everything)
    logistic.write(out, model, t, {
        "on": "development gold (shared dev.jsonl + tune.jsonl), never the held-aside part",
        "articles": len(articles), "units": len(feats),
        "labels": dict(Counter(ys)), "l2": tt.L2, "min_count": tt.MIN_COUNT,
        "threshold_by_inner_cv_f1": {str(k): round(v, 4) for k, v in table.items()},
        "script": "scripts/train_statement_events.py"})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("cv", "coverage", "train"))
    ap.add_argument("--shared", type=Path)
    ap.add_argument("--cache", type=Path, default=tt.events_dev.CACHE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--uncoded", action="store_true",
                    help="train and apply on the statements where the rules coded nothing for the speaker")
    ap.add_argument("--fresh-only", action="store_true", help="cv: only the fresh rounds left out (the rest scored as the rules)")
    ap.add_argument("--inner", action="store_true", help="cv: choose each fold's threshold by an inner CV")
    args = ap.parse_args()
    articles, docs, analyses, rounds = tt.load(args.shared, args.cache)
    global UNCODED
    UNCODED = args.uncoded
    if args.what == "cv":
        cross_validate(articles, docs, analyses, rounds, args.inner, FRESH if args.fresh_only else frozenset())
    elif args.what == "coverage":
        coverage(articles, docs, analyses, rounds)
    else:
        train(articles, docs, analyses, rounds, args.out)


if __name__ == "__main__":
    main()
