"""Train and measure a trigger detector (``event_triggers.py``) on the development gold.

    python scripts/events_dev.py cache --shared ../shared --cache DIR     # once: the parses
    python scripts/train_event_triggers.py diagnose [--lemmas] --shared ../shared --cache DIR
    python scripts/train_event_triggers.py detect|cv|veto|oracle [--all-words] --shared ../shared --cache DIR
    python scripts/train_event_triggers.py train [--all-words] --shared ../shared --cache DIR [--out FILE]

The model (``event_triggers.py``, beside this script) is not part of the package: out of fold
it did not raise type + actor + recipient F1 on the development gold (``docs/accuracy.md``,
branch ev-trained12), so ``train`` writes its weights to /tmp, for a later try.

Reads the development gold only (the shared ``dev.jsonl`` and whodid's ``tune.jsonl``; it
refuses the held-aside part) through the parse cache ``scripts/events_dev.py`` builds from
../shared.

``diagnose``: of the gold events with nothing emitted in their sentences, how many have a
frame of the rules at (or inside) the gold trigger that the coder made and then dropped by a
filter (a) or for want of a party (c) (why: ``Coder.trace``), and how many have none (b: the
word is in no lexicon entry or verb dictionary sense, or is listed but did not match there).

Candidates: every verb or noun the rules proposed no frame on (``TriggerCoder``);
label: the PLOVER type of the gold event whose trigger's head word it is, else NONE (the
trigger's other words are left out of training). Model: a multinomial logistic regression
(numpy + scipy's L-BFGS at training time only; the model applies as plain JSON). With
``--all-words`` it is trained on the rules' own words too, marked as such (more positives).

``detect``: word level, out of fold (by article, by annotation round): AUC of P(event) over
the candidates, and how many gold trigger heads (with the gold type) each threshold flags.

``oracle``: the ceiling of adding frames: a frame of the gold type on every candidate that is a
gold trigger's head, then the coder's usual role filling and filters.

``veto``: the other direction: a logistic model over the rules' emitted events drops those
it gives a low P(right); out of fold, beside the package's confidence (in sample).

``cv``: the honest figure. Folds by article (5, a hash of the id) and by annotation round
(each round left out in turn). In each outer fold the threshold is chosen by an inner 3-fold
cross-validation on the outer training articles only (events-stage F1 at type + actor +
recipient over a grid), the model refitted on all outer training articles, and the events
stage run on the left-out articles with it. The left-out emissions of every fold, together,
are scored against the whole development gold, beside the rules alone.

``train``: fits on all development articles and writes the weights and the threshold an
inner cross-validation chose (JSON, ``event_triggers.TriggerModel.load`` reads it).
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

import event_triggers as triggers  # noqa: E402
import events_dev  # noqa: E402
import logistic  # noqa: E402
from logistic import article_folds  # noqa: E402
from train_event_confidence import annotation_rounds  # noqa: E402

OUT = Path("/tmp/whodid-event-triggers.json")  # not shipped: the coder does not use the model
L2 = 3.0
MIN_COUNT = 2  # a feature seen fewer times in training has no weight
GRID = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)
NEVER = 2.0  # a threshold no probability reaches: the rules alone


# ---------------------------------------------------------------- data


def load(shared: Path | None, cache: Path):
    files = news.gold_files(None, shared)
    if any("heldaside" in p.name for p in files):
        raise SystemExit("refusing to train on the held-aside gold")
    articles, docs, analyses = events_dev.load(cache)
    rounds = annotation_rounds(files)
    return articles, docs, analyses, [rounds.get(f"{a.corpus}:{a.id}", "shared dev") for a in articles]


def trigger_heads(article, doc) -> dict[int, str]:
    """Token index of each gold trigger's head word -> its PLOVER type; and, as None, the
    trigger's other words (left out of training)."""
    out: dict[int, str | None] = {}
    text = doc.text
    for g in article.events:
        if not g.trigger:
            continue
        s, e = g.spans[0]
        at = text.lower().find(g.trigger.lower(), s, e)
        if at >= 0:
            toks = [t for t in doc if at <= t.idx < at + len(g.trigger)]
        else:  # a trigger paraphrased by the coder: its words found in the sentence
            words = {w.lower() for w in g.trigger.split()}
            toks = [t for t in doc if s <= t.idx < e and (t.lower_ in words or t.lemma_.lower() in words)]
        if not toks:
            continue
        ids = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        content = [t for t in heads if triggers.candidate(t)] or [t for t in toks if triggers.candidate(t)]
        if not content:
            continue
        head = content[0]
        for t in toks:
            out.setdefault(t.i, None)
        out[head.i] = g.type
    return out


def run(docs, analyses, models=None, rows: bool = False, trace: bool = False):
    """The events stage on every article: emitted events (with each model event's
    probability, None for the rules' events), the candidate rows and the rules' proposals."""
    stage = EventsStage(Resources.build())
    stage.coder = triggers.TriggerCoder(stage.resources.lexicon)
    out = []
    for n, (doc, analysis) in enumerate(zip(docs, analyses)):
        a = copy.deepcopy(analysis)
        stage.coder.triggers = models[n] if models is not None else None
        stage.coder.trigger_rows = [] if rows else None
        stage.coder.trace = [] if trace else None
        stage(doc, a)
        em = news.emitted_events(a)
        probs, tokens, entries = [], [], []
        for e in a.events:
            f = stage.coder.frame_of.get(id(e))
            where = f.entry.where if f is not None else ""
            probs.append(float(where.split("p=")[1]) if where.startswith(triggers.MODEL_WHERE) else None)
            tokens.append(f.token.i if f is not None else None)
            entries.append(where.rsplit("/", 1)[-1] or "-")
        out.append({"emitted": em, "probs": probs, "tokens": tokens, "entries": entries,
                    "rows": stage.coder.trigger_rows,
                    "proposed": set(stage.coder.proposed), "trace": stage.coder.trace})
    return out


def scored(articles, emitted) -> dict:
    fig = news.score(zip(articles, emitted))
    return {k: fig["full"][k] for k in ("emitted", "matched", "precision", "recall", "f1")}


def at_threshold(result, t: float):
    return [[e for e, p in zip(r["emitted"], r["probs"]) if p is None or p >= t] for r in result]


# ---------------------------------------------------------------- model


def fit(rows_feats, labels, classes) -> triggers.TriggerModel:
    bias, weights, _ = logistic.fit(rows_feats, labels, classes, L2, MIN_COUNT)
    return triggers.TriggerModel(list(classes), bias, weights, NEVER, {})


ALL_WORDS = False  # train on the rules' words too (marked ``triggers.RULES``), not only the others


def training_rows(result, heads, keep, test: bool = False):
    feats, labels = [], []
    for n in keep:
        for i, f in result[n]["rows"]:
            if triggers.RULES in f and (test or not ALL_WORDS):
                continue
            label = heads[n].get(i, triggers.NONE)
            if label is None:
                continue
            feats.append(f)
            labels.append(label)
    return feats, labels


def classes_of(heads) -> list[str]:
    return [triggers.NONE] + sorted({t for h in heads for t in h.values() if t})


def choose_threshold(articles, docs, analyses, result, heads, keep, classes) -> tuple[float, dict]:
    """The threshold with the best events-stage F1 over ``keep``, each of them coded with a model
    fitted on the other two thirds of ``keep`` (inner folds by article)."""
    def fitted(tr):
        model = fit(*training_rows(result, heads, tr), classes)
        model.threshold = min(GRID)
        return model

    models = logistic.fold_models(keep, article_folds([articles[n] for n in keep], 3, salt="inner"), fitted)
    sub = run([docs[n] for n in keep], [analyses[n] for n in keep], models)
    arts = [articles[n] for n in keep]
    table = {t: scored(arts, at_threshold(sub, t))["f1"] for t in (*GRID, NEVER)}
    return max(table, key=lambda t: (table[t], t)), table


# ---------------------------------------------------------------- commands


# the coder's reasons (``Coder.note``) for dropping a frame that say a party is missing
ROLES_MISSING = frozenset({
    "ambiguous word with no party", "a noun with no party and no support verb", "requires a recipient",
    "requires an object", "no doer and only a weak target", "no speaker to be its actor",
    "ambiguous word with only generic parties", "verb dictionary: needs two parties", "no actor, hypothetical"})


def diagnose(articles, docs, analyses, lemmas: bool = False) -> None:
    result = run(docs, analyses, trace=True)
    fig = news.score(zip(articles, [r["emitted"] for r in result]), listing=True)
    from whodid.events.coder import Coder

    lex = Resources.build().lexicon
    excluded = Coder(lex)._verb_exclude
    by_id = {a.id: n for n, a in enumerate(articles)}
    causes: Counter = Counter()
    dropped: Counter = Counter()
    by_lemma: dict[str, Counter] = {}  # cause (b) -> (lemma/POS, gold type) -> count
    for m in fig["misses"]:
        if m["why"] != "nothing emitted in its sentences":
            continue
        n = by_id[m["article"]]
        art, doc, r = articles[n], docs[n], result[n]
        g = next((g for g in art.events if g.spans[0][0] == m["start"] and g.type == m["gold"]["type"]
                  and g.trigger == m["gold"]["trigger"]), None)
        heads = trigger_heads(type(art)(art.corpus, art.id, art.text, [g]), doc) if g is not None else {}
        toks = sorted(heads)
        head = next((i for i, t in heads.items() if t), None)
        if head is None:
            causes["(b) no frame: the trigger is no verb or noun in the parse"] += 1
            continue
        if any(i in r["proposed"] for i in toks):
            at = {doc[i].idx for i in toks}
            why = [w for off, _word, _e, w in r["trace"] if off in at]
            reason = why[-1].split(" (")[0] if why else "a frame kept, its event merged or filtered later"
            if reason == "no sense of the word fits":
                causes["(b) no frame: a lexicon pattern matched the word, no sense of it fits here"] += 1
                t = doc[head]
                by_lemma.setdefault("matched, no sense fits", Counter())[(f"{t.lemma_.lower()}/{t.pos_}", g.type)] += 1
            elif reason in ROLES_MISSING:
                causes["(c) a frame built, dropped for want of a party (roles missing)"] += 1
                dropped[f"(c) {reason}"] += 1
            else:
                causes["(a) a frame built, dropped by a filter"] += 1
                dropped[f"(a) {reason}"] += 1
            continue
        t = doc[head]
        lemma = t.lemma_.lower()
        if lemma in excluded:
            causes["(b) no frame: a report/belief/intent verb the rules leave to other readings"] += 1
            group = "report/belief/intent verb"
        elif triggers.lemma_types(lex, lemma, t.pos_):
            causes["(b) no frame: the word is listed (lexicon or verb dictionary), no pattern matched here"] += 1
            group = "listed, no pattern matched"
        else:
            causes[f"(b) no frame: the word is in no lexicon entry or verb dictionary sense ({t.pos_})"] += 1
            group = "in no entry or sense"
        by_lemma.setdefault(group, Counter())[(f"{lemma}/{t.pos_}", g.type)] += 1
    total = sum(causes.values())
    print(f"gold events with nothing emitted in their sentences: {total}")
    for k, v in sorted(causes.items(), key=lambda kv: (kv[0][:3], -kv[1])):
        print(f"  {v:4d}  {k}")
    print("  the dropped frames, by the coder's reason (Coder.trace):")
    for k, v in dropped.most_common():
        print(f"    {v:4d}  {k}")
    if lemmas:
        print("  the (b) misses by the trigger's head word (lemma/POS: gold types), most frequent first:")
        for group, counts in by_lemma.items():
            words: dict[str, Counter] = {}
            for (word, type_), n in counts.items():
                words.setdefault(word, Counter())[type_] += n
            ranked = sorted(words.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
            print(f"    {group} ({sum(counts.values())}): " + "; ".join(
                f"{w} {sum(c.values())} ({', '.join(f'{t} {n}' for t, n in c.most_common())})" for w, c in ranked))


def _prf(fig: dict) -> str:
    return f"P {fig['precision']:.3f} R {fig['recall']:.3f} F1 {fig['f1']:.3f}"


def _versus_rules(label: str, fig: dict, rules: dict, kept: str = "") -> str:
    """One line comparing ``fig`` (a model's or the oracle's events) with the rules alone."""
    kept = f"; {kept}" if kept else ""
    return (f"{label}: {_prf(fig)} ({fig['emitted']} emitted, {fig['matched']} matched{kept}) "
            f"vs rules {_prf(rules)} ({rules['matched']} matched)")


def cross_validate(articles, docs, analyses, rounds) -> None:
    base = run(docs, analyses, rows=True)
    heads = [trigger_heads(a, d) for a, d in zip(articles, docs)]
    classes = classes_of(heads)
    n_pos = sum(1 for r, h in zip(base, heads) for i, f in r["rows"] if h.get(i) and triggers.RULES not in f)
    n_gold = sum(1 for h in heads for t in h.values() if t)
    print(f"candidates: {sum(1 for r in base for _, f in r['rows'] if triggers.RULES not in f)} words the rules proposed no frame on; "
          f"{n_pos} of them are the head of a gold trigger (of {n_gold} gold triggers found in the parse)")
    rules = scored(articles, [r["emitted"] for r in base])
    print(f"rules alone (whole dev): {_prf(rules)} ({rules['emitted']} emitted, {rules['matched']} matched)")
    schemes = {"article (5 folds)": article_folds(articles, 5), "annotation round": rounds}
    for name, folds in schemes.items():
        models, chosen = [None] * len(articles), {}
        for fold in sorted(set(folds)):
            train = [n for n, f in enumerate(folds) if f != fold]
            t, table = choose_threshold(articles, docs, analyses, base, heads, train, classes)
            model = fit(*training_rows(base, heads, train), classes)
            model.threshold = t
            chosen[fold] = (t, table)
            for n, f in enumerate(folds):
                if f == fold:
                    models[n] = model
        oof = run(docs, analyses, models)
        fig = scored(articles, [r["emitted"] for r in oof])
        added = sum(1 for r in oof for p in r["probs"] if p is not None)
        print("\n" + _versus_rules(f"out of fold by {name}", fig, rules, f"{added} model events kept"))
        for fold, (t, table) in chosen.items():
            kept = [n for n, f in enumerate(folds) if f == fold]
            a = [articles[n] for n in kept]
            mine = scored(a, [oof[n]["emitted"] for n in kept])
            theirs = scored(a, [base[n]["emitted"] for n in kept])
            grid = " ".join(f"{k:g}:{v:.3f}" for k, v in table.items())
            print(f"  fold {fold!s:14} threshold {t:g} (inner F1 {grid}); left out {len(kept)} articles: "
                  f"F1 {mine['f1']:.3f} vs rules {theirs['f1']:.3f}, P {mine['precision']:.3f} vs "
                  f"{theirs['precision']:.3f}, R {mine['recall']:.3f} vs {theirs['recall']:.3f}")


def detect(articles, docs, analyses, rounds) -> None:
    """Word-level, out of fold by article: how well P(event) = 1 - P(NONE) finds the gold
    triggers' head words among the candidates, and how often its best type is the gold one."""
    base = run(docs, analyses, rows=True)
    heads = [trigger_heads(a, d) for a, d in zip(articles, docs)]
    classes = classes_of(heads)
    for name, folds in (("article (5 folds)", article_folds(articles, 5)), ("annotation round", rounds)):
        p_event, best, gold = [], [], []
        for fold in sorted(set(folds)):
            train = [n for n, f in enumerate(folds) if f != fold]
            model = fit(*training_rows(base, heads, train), classes)
            test = [n for n, f in enumerate(folds) if f == fold]
            feats, labels = training_rows(base, heads, test, test=True)
            for fs, y in zip(feats, labels):
                p = model.probabilities(fs)
                k = max(range(1, len(p)), key=lambda i: p[i])
                p_event.append(1 - p[0])
                best.append(classes[k])
                gold.append(y)
        p_event = np.array(p_event)
        pos = np.array([y != triggers.NONE for y in gold])
        right = np.array([b == y for b, y in zip(best, gold)])
        auc = _auc(p_event, pos)
        print(f"\nword level, out of fold by {name}: {len(gold)} candidates, {pos.sum()} gold trigger heads; AUC {auc:.3f}")
        for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
            sel = p_event >= t
            print(f"  P(event) >= {t:.1f}: {sel.sum():5d} flagged, {(sel & pos).sum():4d} gold heads "
                  f"(precision {(sel & pos).sum() / max(sel.sum(), 1):.3f}, recall {(sel & pos).sum() / pos.sum():.3f}), "
                  f"{(sel & right).sum():4d} with the gold type")


def event_rows(articles, result, keep):
    """Each emitted event of the rules in ``keep``: (article, position, features, right?)."""
    out = []
    for n in keep:
        r = result[n]
        feats_at = dict(r["rows"])
        rights = news.right(articles[n], r["emitted"])
        for j, (e, i, where, ok) in enumerate(zip(r["emitted"], r["tokens"], r["entries"], rights)):
            f = list(feats_at.get(i, ["no candidate word"]))
            f += [f"type={e.type}", f"entry={where}", f"type_dep={e.type}|{f[3] if len(f) > 3 else ''}",
                  f"actor={bool(e.actor)}", f"recipient={bool(e.recipient)}", f"modality={e.modality}"]
            out.append((n, j, f, ok))
    return out


def vetoed(articles, result, keep, model, t):
    """The emitted events of ``keep`` less those the model gives P(right) < t."""
    rows = {(n, j): f for n, j, f, _ in event_rows(articles, result, keep)}
    out = []
    for n in keep:
        out.append([e for j, e in enumerate(result[n]["emitted"])
                    if 1 - model.probabilities(rows[(n, j)])[0] >= t])
    return out


def oracle(articles, docs, analyses) -> None:
    """The ceiling of adding frames: every candidate word that is a gold trigger's head given a
    frame of the gold type (a perfect detector and typer), the coder's role filling and filters after."""
    heads = [{i: t for i, t in trigger_heads(a, d).items() if t} for a, d in zip(articles, docs)]
    base = run(docs, analyses)
    rules = scored(articles, [r["emitted"] for r in base])
    oof = run(docs, analyses, heads)
    fig = scored(articles, [r["emitted"] for r in oof])
    added = sum(1 for r in oof for p in r["probs"] if p is not None)
    print(_versus_rules("oracle frames on every candidate gold trigger head", fig, rules, f"{added} oracle events kept"))


VETO_GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def veto(articles, docs, analyses, rounds) -> None:
    """The other direction: a logistic model over the rules' emitted events (their trigger
    word's features, type, lexicon entry, parties, modality) predicts right / wrong at type +
    actor + recipient, and events below a threshold (chosen by inner 3-fold CV on the training
    articles) are dropped; out of fold by article and by annotation round. Beside it, the
    package's confidence (trained on all of these articles, so not out of fold) at the same cut."""
    base = run(docs, analyses, rows=True)
    rules = scored(articles, [r["emitted"] for r in base])
    print(f"rules alone: {_prf(rules)}")
    classes = [triggers.NONE, "right"]

    def fitted(keep):
        rows = event_rows(articles, base, keep)
        return fit([f for _, _, f, _ in rows], ["right" if ok else triggers.NONE for *_, ok in rows], classes)

    for name, folds in (("article (5 folds)", article_folds(articles, 5)), ("annotation round", rounds)):
        kept_all = [None] * len(articles)
        for fold in sorted(set(folds)):
            train = [n for n, f in enumerate(folds) if f != fold]
            inner = article_folds([articles[n] for n in train], 3, salt="inner")
            table = {}
            per = {}
            for j in range(3):
                tr = [n for n, f in zip(train, inner) if f != j]
                te = [n for n, f in zip(train, inner) if f == j]
                m = fitted(tr)
                for t in VETO_GRID:
                    for n, em in zip(te, vetoed(articles, base, te, m, t)):
                        per[(t, n)] = em
            for t in VETO_GRID:
                table[t] = scored([articles[n] for n in train], [per[(t, n)] for n in train])["f1"]
            t = max(table, key=lambda k: (table[k], -k))
            test = [n for n, f in enumerate(folds) if f == fold]
            for n, em in zip(test, vetoed(articles, base, test, fitted(train), t)):
                kept_all[n] = em
            print(f"  fold {fold!s:14} threshold {t:g} (inner F1 " + " ".join(f"{k:g}:{v:.3f}" for k, v in table.items()) + ")")
        fig = scored(articles, kept_all)
        print(_versus_rules(f"out of fold by {name}", fig, rules))
    for t in (0.1, 0.2, 0.3):
        fig = scored(articles, [[e for e in r["emitted"] if e.confidence >= t] for r in base])
        print(f"the package's confidence >= {t} (in sample): {_prf(fig)}")


def _auc(score: np.ndarray, pos: np.ndarray) -> float:
    ranks = np.argsort(np.argsort(score)) + 1
    n1, n0 = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def train(articles, docs, analyses, rounds, out: Path) -> None:
    base = run(docs, analyses, rows=True)
    heads = [trigger_heads(a, d) for a, d in zip(articles, docs)]
    classes = classes_of(heads)
    everything = list(range(len(articles)))
    t, table = choose_threshold(articles, docs, analyses, base, heads, everything, classes)
    model = fit(*training_rows(base, heads, everything), classes)
    rows, labels = training_rows(base, heads, everything)
    logistic.write(out, model, t, {
        "on": "development gold (shared dev.jsonl + tune.jsonl), never the held-aside part",
        "articles": len(articles), "candidates": len(rows),
        "positives": sum(1 for x in labels if x != triggers.NONE), "l2": L2,
        "min_count": MIN_COUNT, "threshold_by_inner_cv_f1": {str(k): round(v, 4) for k, v in table.items()},
        "script": "scripts/train_event_triggers.py"})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("diagnose", "detect", "cv", "veto", "oracle", "train"))
    ap.add_argument("--shared", type=Path)
    ap.add_argument("--cache", type=Path, default=events_dev.CACHE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--all-words", action="store_true", help="train on the rules' words too")
    ap.add_argument("--lemmas", action="store_true", help="diagnose: list the no-frame misses by head word")
    args = ap.parse_args()
    global ALL_WORDS
    ALL_WORDS = args.all_words
    articles, docs, analyses, rounds = load(args.shared, args.cache)
    if args.what == "diagnose":
        diagnose(articles, docs, analyses, args.lemmas)
    elif args.what == "detect":
        detect(articles, docs, analyses, rounds)
    elif args.what == "oracle":
        oracle(articles, docs, analyses)
    elif args.what == "veto":
        veto(articles, docs, analyses, rounds)
    elif args.what == "cv":
        cross_validate(articles, docs, analyses, rounds)
    else:
        train(articles, docs, analyses, rounds, args.out)


if __name__ == "__main__":
    main()
