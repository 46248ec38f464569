"""Why the statement rules' events (``whodid.events.criticism``: criticism, rebuttals, praise,
disclaimers, demands) are right or false, and whether the trained statement model
(``statement_events.py``) could filter the criticism rule's events (branch ev-crit18).

    python scripts/events_dev.py cache --shared ../shared --cache DIR       # once: the parses
    python scripts/criticism_causes.py causes --cache DIR [--show] [--hide GOLD.jsonl]
    python scripts/criticism_causes.py gate --shared ../shared --cache DIR [--binary]

``causes``: each event a statement rule made (tagged by wrapping the rule functions, so the
stage runs as it is), whether it is right at type + actor + recipient (``news.right``), and for
a false one its cause: no gold event in its sentence (no speech act the gold codes there), the
gold coded another type there, the gold event of its type has other parties, or it duplicates
a gold event another event already matched. ``--show`` lists the events with their sentences;
``--hide``: articles of that gold file are counted but never listed (a gold round kept for
figures only).

``gate``: folds by annotation round (``train_event_triggers.load``; the shared dev one fold):
the statement model fitted on the other rounds gives P(ACCUSE) for the unit (sentence, speaker)
of each criticism event of the left-out round; the table drops the events under each threshold
and scores the whole development gold, the fresh rounds (gold9a to gold13b, the articles of
``fresh7-11-tune.jsonl``) and the eleventh round (gold13a/b, ``fresh11-tune.jsonl``).
``--binary``: the model is trained as a gate, ACCUSE against anything else, on the units of
sentences where the coder itself coded nothing (the criticism rule's ground) and without the
features that say what the rules coded. Reads the development gold only (refuses the held-aside
part, through ``train_event_triggers.load``).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from whodid.eval import news  # noqa: E402
from whodid.events import EventsStage, criticism  # noqa: E402
from whodid.knowledge import Resources  # noqa: E402

import events_dev  # noqa: E402

RULES = ("find", "rebuttals", "praise", "disclaimers", "demands")
FRESH = events_dev.FRESH  # the rounds coded blind after the rules
ELEVENTH = frozenset({"annotator-gold13a", "annotator-gold13b"})
GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
_made: dict[int, str] = {}  # id of an event -> the statement rule that made it


def _tag_rules() -> None:
    """Wrap the statement rules of ``events.criticism`` so that each event they make is tagged
    with the rule's name (the stage calls them through the module)."""
    for name in RULES:
        rule = getattr(criticism, name)

        def tagged(*args, _rule=rule, _name=name, **kw):
            out = _rule(*args, **kw)
            _made.update((id(e), _name) for e in out)
            return out
        setattr(criticism, name, tagged)


def run(docs, analyses):
    """The events stage on each cached article: (analysis with events, rule of each event or None)."""
    _tag_rules()
    stage = EventsStage(Resources.build())
    out = []
    for doc, analysis in zip(docs, analyses):
        a = copy.deepcopy(analysis)
        _made.clear()
        stage(doc, a)
        out.append((a, [_made.get(id(e)) for e in a.events]))
    return out


def cause(article, emitted, o) -> str:
    """Why the false event ``o`` is false (see the module's docstring)."""
    inside = [g for g in article.events if news._inside(g, o)]
    if not inside:
        return "no gold event in its sentence"
    same = [g for g in inside if g.type == o.type]
    if not same:
        return "the gold coded another type"
    if any(news.party_problem(g, o) is None for g in same):
        return "duplicate of a matched gold event"
    if any(g.actor and news._common(g.actor, o.actor) for g in same):
        return "wrong recipient"
    return "another actor"


def causes(args) -> None:
    articles, docs, analyses = events_dev.load(args.cache)
    hidden = set()
    if args.hide:
        hidden = {json.loads(line)["id"] for line in args.hide.read_text().splitlines() if line.strip()}
    tally, why = Counter(), Counter()
    for article, doc, (a, rules) in zip(articles, docs, run(docs, analyses)):
        emitted = news.emitted_events(a)
        for o, ok, rule in zip(emitted, news.right(article, emitted), rules):
            if rule is None:
                continue
            tally[(rule, ok, o.confidence >= 0.2)] += 1
            reason = None if ok else cause(article, emitted, o)
            if reason:
                why[(rule, reason)] += 1
            if args.show and article.id not in hidden:
                print(f"{int(ok)} {rule:11} {o.confidence:.2f} {article.id} {o.trigger!r} "
                      f"{[p.code for p in o.actor]} -> {[p.code for p in o.recipient]} {reason or ''}")
                print(f"      {doc.text[o.sentence[0]:o.sentence[1]].strip()[:240]}")
    for rule in RULES:
        right = sum(v for (r, ok, _), v in tally.items() if r == rule and ok)
        false = sum(v for (r, ok, _), v in tally.items() if r == rule and not ok)
        at = sum(v for (r, ok, c), v in tally.items() if r == rule and ok and c)
        of = sum(v for (r, _, c), v in tally.items() if r == rule and c)
        print(f"{rule:11} {right} right, {false} false; at >= 0.2 {at} of {of} right")
        for (r, reason), v in why.most_common():
            if r == rule:
                print(f"    {v:3d} {reason}")


def gate(args) -> None:
    import statement_events as st
    import train_event_triggers as tt
    import train_statement_events as ts

    articles, docs, analyses, rounds = tt.load(args.shared, args.cache)
    prep = []
    for doc, (a, rules) in zip(docs, run(docs, analyses)):
        units = st.units(doc, a, a.events)
        if args.binary:  # the criticism rule's ground: sentences the coder itself left uncoded
            coded = {e.sentence.start for e, r in zip(a.events, rules) if r is None}
            units = [u for u in units if u.sentence[0] not in coded]
            for u in units:
                u.feats = [f for f in u.feats if not f.startswith("rules=")]
        prep.append({"analysis": a, "emitted": news.emitted_events(a), "units": units,
                     "find": [i for i, r in enumerate(rules) if r == "find"]})
    labels = ts.labelled(articles, prep)
    classes = [st.NONE, "ACCUSE"] if args.binary else ts.classes_of(labels)
    labels = ts.labelled(articles, prep, classes)
    print(f"units {sum(len(r) for r in labels)}, labels {dict(Counter(y for r in labels for y, _ in r))}")
    accuse = classes.index("ACCUSE")
    prob: list[dict[int, float]] = [{} for _ in articles]
    for fold in sorted(set(rounds)):
        model = tt.fit(*ts.rows(prep, labels, [n for n, f in enumerate(rounds) if f != fold]), classes)
        for n in (n for n, f in enumerate(rounds) if f == fold):
            a = prep[n]["analysis"]
            unit = {(u.sentence[0], u.speaker): u for u in prep[n]["units"]}
            for i in prep[n]["find"]:
                u = unit.get((a.events[i].sentence.start, a.events[i].actor[0]))
                if u is not None:
                    prob[n][i] = model.probabilities(u.feats)[accuse]
        print(f"fold {fold} fitted", file=sys.stderr, flush=True)
    for name, group in (("whole dev", None), ("fresh rounds", FRESH), ("eleventh round", ELEVENTH)):
        keep = [n for n, r in enumerate(rounds) if group is None or r in group]
        mine = [(p, flags[i]) for n in keep for flags in [news.right(articles[n], prep[n]["emitted"])]
                for i, p in prob[n].items()]
        pos, neg = [p for p, ok in mine if ok], [p for p, ok in mine if not ok]
        auc = (f"{sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg)):.2f}"
               if pos and neg else "n/a")
        print(f"{name}: {len(mine)} criticism events, {len(pos)} right; AUC of P(ACCUSE), right against false, {auc}")
        arts = [articles[n] for n in keep]
        for t in GRID:
            em = [[o for i, o in enumerate(prep[n]["emitted"]) if prob[n].get(i, 1.0) >= t] for n in keep]
            f, g = events_dev.figures(arts, em), events_dev.figures(arts, em, 0.2)
            print(f"  drop under {t:.1f}: P {f['full']['precision']:.3f} R {f['full']['recall']:.3f} "
                  f"({f['full']['matched']} of {f['full']['emitted']}); at >= 0.2 P {g['full']['precision']:.3f} "
                  f"({g['full']['matched']} of {g['full']['emitted']}); type P {f['type']['precision']:.3f}, "
                  f"at >= 0.2 {g['type']['precision']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("causes", "gate"))
    ap.add_argument("--shared", type=Path)
    ap.add_argument("--cache", type=Path, default=events_dev.CACHE)
    ap.add_argument("--show", action="store_true", help="causes: list each event and its sentence")
    ap.add_argument("--hide", type=Path, help="causes: never list the articles of this gold file")
    ap.add_argument("--binary", action="store_true", help="gate: ACCUSE-or-not, on the coder's uncoded sentences")
    args = ap.parse_args()
    causes(args) if args.what == "causes" else gate(args)


if __name__ == "__main__":
    main()
