"""Train whodid's event-confidence model on the development gold, end to end.

    python scripts/train_event_confidence.py [--shared ../shared] [--out FILE] [--dry-run]
                                             [--features FILE]

The confidence must hold on articles the coder's rules were not written on, which are
harder (the held-aside gold's precision is well below the development gold's), so every
choice is made by a validation that leaves out whole annotation rounds, not articles:

1. Runs the whole pipeline (as ``whodid eval news`` does) on the development gold:
   the shared ``dev.jsonl`` and whodid's packed ``tune.jsonl``, never the held-aside
   part; records the features of every event (``whodid.events.confidence``), whether
   it matches a gold event at type + actor + recipient (``eval.news.right``), and the
   article's annotation round (``ROUNDS``: the shared dev gold, the packed gold's first
   round of six annotators, then each later round's annotator). ``--features FILE``
   keeps this (the slow part) for reruns.
2. Leaves out one round at a time (an article is in one round only; ``round_folds``
   refuses anything else): the later rounds were coded after most rules were written,
   so a round left out stands for new articles better than a random fifth of articles.
3. Fits a logistic regression (numpy, no other library) without the features that
   name lexicon entries (``LEXICAL``: trigger lemma, an entry's requirements), which
   the rules were tuned to on these very articles, with a few sign constraints that say
   what evidence can only lower confidence; the L2 strength is chosen by the
   out-of-round log loss, each round weighing the same.
4. Recalibrates it (Platt: a logistic map of its log-odds) on its out-of-round
   predictions: the slope on every round, each weighing the same; the intercept (the
   level) on the hard rounds alone (``hard_rounds``: those right less often than the
   rounds' mean). The rounds the rules were tuned on for longest are right far more often
   out of round (shared dev 0.79) than the ones coded after the rules (0.34-0.50), and an
   article nobody has read is like the latter: a level fitted on all rounds alike was
   over-confident on each new round left out, and on the held-aside gold. The tuned
   articles get confidences below their share right, which is the safe side.
5. Caps at ``CAP`` the events with thin evidence: of ``THIN_CANDIDATES`` (generic
   conditions: no syntactic object, no frame, a noun trigger, ...) those under which the
   out-of-round events at 0.8 or more were right less than 80% of the time.
6. Prints the honest figures — the whole procedure (settings, fit, recalibration, cap)
   rerun inside each outer fold — on three validations: by article (5 folds), by round
   (each round left out in turn, with each round's own table) and by corpus (BBC vs
   newswire); then the table on the training gold itself, and writes the weights to
   ``src/whodid/data/events/confidence.json``.

Reproducible: fixed folds (the gold's rounds, a hash of the article id) and
deterministic optimisation; the same code and gold give the same file. Rerun it after
any change to the coder, the actors or the features.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))  # train the code and data of this checkout

from whodid.eval import news  # noqa: E402
from whodid.events import EventsStage  # noqa: E402
from whodid.events.confidence import OPEN_GROUPS  # noqa: E402
from whodid.knowledge import Resources  # noqa: E402
from whodid.knowledge.confidence import ConfidenceModel, thin_evidence  # noqa: E402

OUT = REPO / "src" / "whodid" / "data" / "events" / "confidence.json"
FOLDS = 5
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)  # the out-of-round optimum lies inside it (1-3 at stop 33)
ITERATIONS = 5000
TOLERANCE = 1e-7  # stop when no weight moves more than this in a step
# feature groups that name lexicon entries: the rules were tuned entry by entry on the
# development articles, so what such a weight learns does not carry over to new articles
LEXICAL = ("lemma", "requires", "governs")
# evidence that can only lower the chance of being right (weight <= 0), and the coder's
# own score, which can only raise it (weight >= 0)
NON_POSITIVE = ("actor.none", "actor.pronoun", "actor.no_country", "recipient.no_country", "located",
                "inferred.actor", "inferred.recipient", "repeat")
NON_NEGATIVE = ("rule_score",)
# thin evidence that may keep an event out of the top band ("!f": feature f absent)
THIN_CANDIDATES = ("!has_object", "no_frame", "noun", "quote=direct", "reported", "actor.outside_sentence",
                   "recipient.outside_sentence", "inferred.actor", "inferred.recipient", "actor.pronoun")
CAP = 0.79
CAP_MIN_EVENTS = 10  # a condition is judged on at least this many out-of-round top-band events
TOP = 0.8
# fit the regression with each round weighing the same (not each event): tried at stop 33 and
# worse out of round (calibration error 0.171 against 0.164, 0.8+ band 67/72 against 64/68), so off
ROUND_WEIGHTED = False
# choose the strongest L2 within one standard error (over the folds) of the best log loss: tried at
# stop 33 and worse out of round (the Platt slope, 1.1-1.3, undoes the shrinkage; calibration error
# 0.169 against 0.163, 0.8+ band 49/52 against 63/67), so off
ONE_SE = False
BANDS = news.BANDS
SHARED_ROUND = "shared dev"
FIRST_ROUND = "tune round 1"  # the packed gold's first round: six annotators "annotator-N"


# ---------------------------------------------------------------- data


def collect(shared: Path | None) -> dict:
    """Every event whodid emits on the development gold: its article ("corpus:id"), the gold
    round the article was coded in, its features and whether it is right; with the gold files and
    their number of gold events."""
    files = news.gold_files(None, shared)
    if any("heldaside" in p.name for p in files):
        raise SystemExit("refusing to train on the held-aside gold")
    articles = news.load_gold(files, news.shared_root(shared) / "corpora")
    rounds = annotation_rounds(files)
    stage = EventsStage(Resources.build())
    recorded: dict[int, tuple[object, dict[str, float]]] = {}

    def record(analysis, events, feats) -> None:
        for ev, x in zip(events, feats):
            recorded[id(ev)] = (ev, x)  # the event kept alive so its id stays its own

    stage.record = record
    groups, rows, labels, sources = [], [], [], []
    missing = 0
    for n, (article, analysis) in enumerate(zip(articles, news.run_pipeline(articles, events=stage)), 1):
        flags = news.right(article, news.emitted_events(analysis))
        for ev, ok in zip(analysis.events, flags):
            found = recorded.pop(id(ev), None)
            if found is None:
                missing += 1
                continue
            groups.append(f"{article.corpus}:{article.id}")
            sources.append(rounds.get(f"{article.corpus}:{article.id}", SHARED_ROUND))
            rows.append(found[1])
            labels.append(float(ok))
        recorded.clear()
        if n % 20 == 0 or n == len(articles):
            print(f"  pipeline: {n}/{len(articles)} articles", file=sys.stderr)
    if missing:
        print(f"  note: {missing} events had no recorded features (made after the events stage)", file=sys.stderr)
    return {"groups": groups, "rounds": sources, "rows": rows, "right": labels,
            "files": [str(p) for p in files], "gold_events": sum(len(a.events) for a in articles)}


def annotation_rounds(files: list[Path]) -> dict[str, str]:
    """"corpus:id" -> the round its gold was coded in: ``SHARED_ROUND`` for the shared gold
    (no annotator), ``FIRST_ROUND`` for the packed gold's first round ("annotator-1" ...),
    else the annotator of a later round (each of which coded one round alone)."""
    out = {}
    for path in files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                who = record.get("annotator")
                out[f"{record['corpus']}:{record['id']}"] = (
                    SHARED_ROUND if not who else FIRST_ROUND if re.fullmatch(r"annotator-\d+", who) else who)
    return out


def collected(shared: Path | None, cache: Path | None) -> dict:
    """``collect``, or its result saved in ``cache`` by an earlier run (written when absent):
    the pipeline is the slow part, the fitting takes seconds."""
    if cache is not None and cache.exists():
        print(f"reading the events' features from {cache} (delete it after changing the coder)", file=sys.stderr)
        return json.loads(cache.read_text(encoding="utf-8"))
    print("running whodid on the development gold (shared dev.jsonl + tune.jsonl) ...", file=sys.stderr)
    data = collect(shared)
    if cache is not None:
        cache.write_text(json.dumps(data), encoding="utf-8")
    return data


# ---------------------------------------------------------------- model


def lexical(name: str) -> bool:
    return name.partition("=")[0] in LEXICAL


class Design:
    """Feature dicts -> a matrix: the columns seen in training but the lexical ones."""

    def __init__(self, rows: list[dict[str, float]]):
        self.names = sorted({k for x in rows for k in x if not lexical(k)})
        self.index = {k: i for i, k in enumerate(self.names)}

    def matrix(self, rows: list[dict[str, float]]) -> np.ndarray:
        X = np.zeros((len(rows), len(self.names)))
        for r, x in enumerate(rows):
            for k, v in x.items():
                i = self.index.get(k)
                if i is not None:
                    X[r, i] += v
        return X

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        lo = np.full(len(self.names), -np.inf)
        hi = np.full(len(self.names), np.inf)
        for k in NON_POSITIVE:
            if k in self.index:
                hi[self.index[k]] = 0.0
        for k in NON_NEGATIVE:
            if k in self.index:
                lo[self.index[k]] = 0.0
        return lo, hi


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def fit(X: np.ndarray, y: np.ndarray, l2: float, lo: np.ndarray, hi: np.ndarray,
        weight: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """L2-penalised logistic regression with box constraints on the weights (not the bias):
    accelerated projected gradient (FISTA) on the mean log loss (each event weighing ``weight``,
    which averages 1) + l2 / (2n) |w|^2."""
    n, d = X.shape
    sw = np.ones(n) if weight is None else weight
    A = np.hstack([np.ones((n, 1)), X])
    lo_all, hi_all = np.concatenate([[-np.inf], lo]), np.concatenate([[np.inf], hi])
    reg = np.concatenate([[0.0], np.full(d, l2 / n)])
    step = 1.0 / (0.25 * np.linalg.norm(A * np.sqrt(sw)[:, None], 2) ** 2 / n + l2 / n)
    base = min(max(float(np.average(y, weights=sw)), 1e-3), 1 - 1e-3)
    w = np.zeros(d + 1)
    w[0] = math.log(base / (1 - base))
    v, t = w.copy(), 1.0
    for _ in range(ITERATIONS):
        grad = A.T @ (sw * (sigmoid(A @ v) - y)) / n + reg * v
        w_next = np.clip(v - step * grad, lo_all, hi_all)
        t_next = (1 + math.sqrt(1 + 4 * t * t)) / 2
        v = w_next + ((t - 1) / t_next) * (w_next - w)
        moved = float(np.max(np.abs(w_next - w)))
        w, t = w_next, t_next
        if moved < TOLERANCE:
            break
    return float(w[0]), w[1:]


def platt(p: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None) -> tuple[float, float]:
    """a, b of sigmoid(a * logit(p) + b) fitted to y, each event weighing ``weight``
    (Newton, a small ridge toward identity)."""
    z = logit(p)
    w = np.ones(len(y)) if weight is None else weight
    a, b = 1.0, 0.0
    for _ in range(50):
        q = sigmoid(a * z + b)
        g = np.array([np.sum(w * (q - y) * z) + 1e-2 * (a - 1), np.sum(w * (q - y)) + 1e-2 * b])
        s = w * q * (1 - q)
        H = np.array([[np.sum(s * z * z) + 1e-2, np.sum(s * z)], [np.sum(s * z), np.sum(s) + 1e-2]])
        da, db = np.linalg.solve(H, g)
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-9:
            break
    if a <= 0:  # no usable signal: a constant would be the honest answer, but keep the order
        a, b = 1e-3, float(logit(np.array([np.average(y, weights=w)]))[0])
    return float(a), float(b)


def hard_rounds(f: np.ndarray, y: np.ndarray) -> list[str]:
    """The rounds right less often than the rounds' mean share (each round weighing alike): the
    ones the coder's rules were not yet tuned to, which stand for articles nobody has read."""
    keys = sorted(set(f))
    share = {k: float(y[f == k].mean()) for k in keys}
    mean = sum(share.values()) / len(keys)
    return [k for k in keys if share[k] < mean]


def unseen_intercept(p: np.ndarray, y: np.ndarray, a: float, b: float, weight: np.ndarray) -> float:
    """b' of sigmoid(a * logit(p) + b') fitted to y with the slope ``a`` kept, each event weighing
    ``weight`` (Newton from ``b``)."""
    z = a * logit(p)
    for _ in range(50):
        q = sigmoid(z + b)
        step = np.sum(weight * (q - y)) / max(np.sum(weight * q * (1 - q)), 1e-9)
        b -= step
        if abs(step) < 1e-10:
            break
    return float(b)


def folds(groups: list[str], k: int, salt: str = "") -> np.ndarray:
    """Fold of each row: a fixed hash of its article, so folds never split an article."""
    return np.array([int(hashlib.sha1((salt + g).encode()).hexdigest(), 16) % k for g in groups])


def round_folds(groups: list[str], rounds: list[str]) -> np.ndarray:
    """Fold of each row: its article's annotation round. Refuses an article found in two
    rounds, which would put it on both sides of the validation."""
    seen: dict[str, str] = {}
    for g, r in zip(groups, rounds):
        if seen.setdefault(g, r) != r:
            raise ValueError(f"article {g} is in two rounds ({seen[g]}, {r}): it would be in both folds")
    return np.array(rounds, dtype=object)


def balanced(f: np.ndarray) -> np.ndarray:
    """Weights that make each fold (round) weigh the same in total, the whole averaging 1."""
    keys = sorted(set(f))
    w = np.ones(len(f))
    for k in keys:
        w[f == k] = len(f) / (len(keys) * np.sum(f == k))
    return w


def log_loss(p: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.average(y * np.log(p) + (1 - y) * np.log(1 - p), weights=weight))


class Trained:
    def __init__(self, rows, y, l2: float, weight: np.ndarray | None = None):
        self.design = Design(rows)
        lo, hi = self.design.bounds()
        self.bias, self.w = fit(self.design.matrix(rows), y, l2, lo, hi, weight)

    def scores(self, rows) -> np.ndarray:
        return sigmoid(self.bias + self.design.matrix(rows) @ self.w)


def out_of_fold(rows, y, f: np.ndarray, l2: float, rounds: np.ndarray | None = None) -> np.ndarray:
    """Regression probabilities of each row from a model fitted without its fold (each round of
    ``rounds`` weighing the same in the fit when ``ROUND_WEIGHTED``)."""
    out = np.zeros(len(y))
    for k in sorted(set(f)):
        train, test = f != k, f == k
        w = balanced(rounds[train]) if ROUND_WEIGHTED and rounds is not None else None
        m = Trained([rows[i] for i in np.flatnonzero(train)], y[train], l2, w)
        out[test] = m.scores([rows[i] for i in np.flatnonzero(test)])
    return out


def calibrated(p: np.ndarray, a: float, b: float) -> np.ndarray:
    return sigmoid(a * logit(p) + b)


def thin_caps(p: np.ndarray, y: np.ndarray, rows) -> list[str]:
    """The thin-evidence conditions under which the events at ``TOP`` or more were right less
    than ``TOP`` of the time (at least ``CAP_MIN_EVENTS`` of them)."""
    top = np.round(p, 2) >= TOP
    chosen = []
    for c in THIN_CANDIDATES:
        hit = top & np.array([thin_evidence(c, x) for x in rows])
        if hit.sum() >= CAP_MIN_EVENTS and y[hit].mean() < TOP:
            chosen.append(c)
    return chosen


def capped(p: np.ndarray, rows, thin: list[str]) -> np.ndarray:
    hit = np.array([any(thin_evidence(c, x) for c in thin) for x in rows], dtype=bool)
    return np.where(hit, np.minimum(p, CAP), p)


class Procedure:
    """The whole method on some events: L2 by out-of-round log loss, the fit, the recalibration
    and the thin-evidence cap from out-of-round predictions (by article when one round only)."""

    def __init__(self, rows, y, groups, rounds):
        f = by_round = round_folds(groups, rounds)
        if len(set(f)) < 2:
            f = folds(groups, FOLDS, "inner:")
        weight = balanced(f)
        self.tried = []
        found = []
        for l2 in L2_GRID:
            p = out_of_fold(rows, y, f, l2, by_round)
            loss = log_loss(p, y, weight)
            self.tried.append((l2, loss))
            folds_loss = np.array([log_loss(p[f == k], y[f == k]) for k in sorted(set(f))])
            found.append((loss, l2, p, folds_loss))
        best = min(found, key=lambda t: t[0])
        if ONE_SE:
            # the strongest shrinkage whose loss is within one standard error (over the folds) of the best
            se = float(np.std(best[3], ddof=1) / math.sqrt(len(best[3])))
            best = max((t for t in found if t[0] <= best[0] + se), key=lambda t: t[1])
        _, self.l2, oof, _ = best
        self.a, self.b_all = platt(oof, y, weight)
        # the level for new articles: the slope from every round alike, the intercept from the hard
        # rounds alike (none when the events come from one round, or all rounds are alike)
        self.hard = hard_rounds(f, y) if len(set(rounds)) > 1 else []
        self.b = self.b_all
        if self.hard:
            hard = np.isin(f, self.hard)
            on_hard = np.zeros(len(y))
            on_hard[hard] = balanced(f[hard])
            self.b = unseen_intercept(oof, y, self.a, self.b_all, on_hard)
        self.thin = thin_caps(calibrated(oof, self.a, self.b), y, rows)
        self.model = Trained(rows, y, self.l2, balanced(by_round) if ROUND_WEIGHTED else None)

    def predict(self, rows) -> np.ndarray:
        return capped(calibrated(self.model.scores(rows), self.a, self.b), rows, self.thin)


def honest(rows, y, groups, rounds, outer: np.ndarray, label: str) -> np.ndarray:
    """Predictions of each event by the whole procedure run without its outer fold."""
    out = np.zeros(len(y))
    for k in sorted(set(outer)):
        train, test = np.flatnonzero(outer != k), np.flatnonzero(outer == k)
        proc = Procedure([rows[i] for i in train], y[train], [groups[i] for i in train], [rounds[i] for i in train])
        out[test] = proc.predict([rows[i] for i in test])
        print(f"  {label} {k}: L2 {proc.l2:g}, Platt a {proc.a:.2f} b {proc.b:.2f} (all rounds {proc.b_all:.2f}; "
              f"intercept on {', '.join(proc.hard) or 'all'}), "
              f"capped {', '.join(proc.thin) or 'nothing'}", file=sys.stderr)
    return out


# ---------------------------------------------------------------- report


def reliability(conf: np.ndarray, y: np.ndarray) -> list[dict]:
    conf = np.round(conf, 2)  # as the events carry it
    out = []
    for i, (lo, hi) in enumerate(BANDS):
        idx = np.minimum((np.clip(conf, 0, 1) * len(BANDS)).astype(int), len(BANDS) - 1) == i
        n = int(idx.sum())
        out.append({"band": f"{lo:.1f}-{hi:.1f}", "emitted": n, "right": int(y[idx].sum()),
                    "share_right": float(y[idx].mean()) if n else None,
                    "mean_confidence": float(conf[idx].mean()) if n else None})
    return out


def show(title: str, table: list[dict]) -> str:
    lines = [title, f"  {'band':8} {'emitted':>7} {'right':>6} {'share':>6} {'mean conf':>9}"]
    for b in table:
        share = "-" if b["share_right"] is None else f"{b['share_right']:.3f}"
        mean = "-" if b["mean_confidence"] is None else f"{b['mean_confidence']:.3f}"
        lines.append(f"  {b['band']:8} {b['emitted']:7d} {b['right']:6d} {share:>6} {mean:>9}")
    lines.append(f"  expected calibration error {news.calibration_error(table):.3f}")
    lines.append(f"  at {TOP} or more: {top_band(table)}")
    return "\n".join(lines)


def thresholds(conf: np.ndarray, y: np.ndarray, gold_events: int) -> str:
    """Precision and recall at type+actor+recipient of the events kept at each threshold
    (the cut exports and the web app make with --min-confidence)."""
    conf = np.round(conf, 2)
    lines = [f"  {'at least':8} {'kept':>6} {'right':>6} {'P':>6} {'R':>6}"]
    for t in (0.0, 0.2, 0.4, 0.6, 0.8):
        kept = conf >= t
        n, right = int(kept.sum()), int(y[kept].sum())
        lines.append(f"  {t:<8.1f} {n:6d} {right:6d} {right / n if n else 0:6.3f} {right / gold_events:6.3f}")
    return "\n".join(lines)


def top_band(table: list[dict]) -> str:
    top = table[-1]
    share = "-" if top["share_right"] is None else f"{top['share_right']:.3f}"
    return f"{top['right']}/{top['emitted']} right ({share})"


def rounded(table: list[dict]) -> list[dict]:
    return [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in b.items()} for b in table]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write the model (default {OUT.relative_to(REPO)})")
    ap.add_argument("--dry-run", action="store_true", help="train and report, write nothing")
    ap.add_argument("--features", type=Path, default=None,
                    help="keep the events' features in this file and reuse them when it exists (for trying settings)")
    args = ap.parse_args()
    started = time.time()

    data = collected(args.shared, args.features)
    groups, rounds, rows = data["groups"], data["rounds"], data["rows"]
    y, files, gold_events = np.array(data["right"], dtype=float), data["files"], data["gold_events"]
    n_articles = len(set(groups))
    print(f"{len(y)} events from {n_articles} articles, {int(y.sum())} right at type+actor+recipient "
          f"(base rate {y.mean():.3f})")
    by_round = round_folds(groups, rounds)
    for r in sorted(set(rounds)):
        m = by_round == r
        print(f"  {r}: {int(m.sum())} events from {len({g for g, k in zip(groups, m) if k})} articles, "
              f"{y[m].mean():.3f} right")

    # honest figures: the whole procedure inside each outer fold, on three validations
    corpus = np.array([g.split(":", 1)[0] for g in groups], dtype=object)
    validations = {"by article (5 folds)": folds(groups, FOLDS, "outer:"),
                   "by round (each round left out in turn)": by_round,
                   "by corpus (BBC vs newswire)": corpus}
    figures = {}
    for label, outer in validations.items():
        p = honest(rows, y, groups, rounds, outer, label.split(" (")[0])
        table = reliability(p, y)
        figures[label] = {"log_loss": round(log_loss(p, y), 4),
                          "calibration_error": round(news.calibration_error(table), 4),
                          "reliability": rounded(table)}
        print()
        print(show(f"validated {label}: reliability", table))
        if outer is by_round:
            for r in sorted(set(rounds)):
                m = by_round == r
                sub = reliability(p[m], y[m])
                figures[label][r] = {"calibration_error": round(news.calibration_error(sub), 4), "top": top_band(sub)}
                print(f"    {r} left out: {top_band(sub)} at {TOP}+, "
                      f"calibration error {news.calibration_error(sub):.3f}, mean confidence {p[m].mean():.3f} "
                      f"against {y[m].mean():.3f} right")
            hard_names = hard_rounds(by_round, y)
            hard = np.isin(by_round, hard_names)
            sub = reliability(p[hard], y[hard])
            figures[label]["hard rounds"] = {"calibration_error": round(news.calibration_error(sub), 4),
                                             "top": top_band(sub), "rounds": hard_names}
            print(f"    the hard rounds ({', '.join(hard_names)}; they stand for new articles) left out: "
                  f"{top_band(sub)} at {TOP}+, calibration error {news.calibration_error(sub):.3f}")
        if label.startswith("by article"):
            print(f"events kept by --min-confidence (of {gold_events} gold events):")
            print(thresholds(p, y, gold_events))

    # the shipped model: the procedure on all of the gold
    proc = Procedure(rows, y, groups, rounds)
    a, b = proc.a, proc.b
    grid = np.concatenate([[0.0], sigmoid(np.linspace(-9, 9, 181)), [1.0]])
    cal_y = calibrated(grid, a, b)
    cal_y[0], cal_y[-1] = float(calibrated(np.array([1e-6]), a, b)[0]), float(calibrated(np.array([1 - 1e-6]), a, b)[0])
    weights = {name: round(float(w), 6) for name, w in zip(proc.model.design.names, proc.model.w) if abs(w) >= 1e-6}
    shipped = ConfidenceModel(
        bias=round(proc.model.bias, 6), weights=weights, open_groups=frozenset(OPEN_GROUPS),
        calibration=([round(float(x), 6) for x in grid], [round(float(v), 6) for v in np.maximum.accumulate(cal_y)]),
        cap=(CAP, tuple(proc.thin)) if proc.thin else None,
        trained={
            "target": "P(the event matches a gold event at type + actor + recipient), eval news rules",
            "gold": [str(Path(f).name) for f in files], "articles": n_articles, "events": int(len(y)),
            "right": int(y.sum()), "l2": proc.l2, "unweighted_groups": list(LEXICAL), "cap_min_events": CAP_MIN_EVENTS,
            "platt": {"a": round(a, 4), "b": round(b, 4), "b_all_rounds": round(proc.b_all, 4),
                      "fitted_on": "out-of-round predictions: the slope on every round, the intercept on the hard "
                                   "rounds (right less often than the rounds' mean), rounds weighed alike",
                      "hard_rounds": proc.hard},
            "validated": figures,
        })
    in_sample = np.array([shipped.probability(x) for x in rows])

    print(f"\nsettings (lowest out-of-round log loss): L2 {proc.l2:g}; recalibration a {a:.3f} b {b:.3f} "
          f"(b {proc.b_all:.3f} on all rounds alike; intercept on {', '.join(proc.hard) or 'all rounds'}); "
          f"capped at {CAP}: {', '.join(proc.thin) or 'nothing'}")
    print("  tried: " + ", ".join(f"L2 {t[0]:g}: {t[1]:.4f}" for t in proc.tried))
    print(f"  log loss: constant {log_loss(np.full(len(y), y.mean()), y):.4f}, on the training gold "
          f"{log_loss(in_sample, y):.4f}")
    print()
    print(show("on the training gold itself (what `whodid eval news` prints)", reliability(in_sample, y)))
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    print("\nlargest weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
    if args.dry_run:
        print("\n(dry run: nothing written)")
    else:
        args.out.write_text(json.dumps(shipped.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB, {len(weights)} weights) "
              f"in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
