"""Train whodid's event-confidence model on the development gold, end to end.

    python scripts/train_event_confidence.py [--shared ../shared] [--out FILE] [--dry-run]

1. Runs the whole pipeline (as ``whodid eval news`` does) on the development gold:
   the shared ``dev.jsonl`` and whodid's packed ``tune.jsonl``, never the held-aside
   part; records the features of every event (``whodid.events.confidence``) and
   whether it matches a gold event at type + actor + recipient (``eval.news.right``).
2. Chooses the settings (L2 strength, how often a trigger lemma must occur to get a
   weight of its own) by 5-fold cross-validation grouped by article (log loss).
3. Fits a logistic regression (numpy, no other library) with a few sign constraints
   that say what evidence can only lower confidence (no actor, a pronoun actor, a
   role read by location or inferred by a convention, a repeat of an earlier event),
   then recalibrates it (Platt: a logistic map of its log-odds) on its cross-validated
   predictions, so that it is not more sure out of sample than it was in training.
4. Prints the cross-validated reliability table and expected calibration error (the
   whole procedure nested: settings and recalibration chosen inside each outer fold,
   so these figures are honest), then the same on the training gold itself (what
   ``whodid eval news`` will print), and writes the weights to
   ``src/whodid/data/events/confidence.json``.

Reproducible: fixed fold assignment (a hash of the article id) and deterministic
optimisation; the same code and gold give the same file. Rerun it after any change to
the coder, the actors or the features.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))  # train the code and data of this checkout

from whodid.eval import news  # noqa: E402
from whodid.events import EventsStage  # noqa: E402
from whodid.events.confidence import OPEN_GROUPS  # noqa: E402
from whodid.knowledge import Resources  # noqa: E402
from whodid.knowledge.confidence import ConfidenceModel  # noqa: E402

OUT = REPO / "src" / "whodid" / "data" / "events" / "confidence.json"
FOLDS = 5
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
MIN_COUNT_GRID = (3, 8, 1_000_000)  # the last: no lemma features at all
ITERATIONS = 5000
TOLERANCE = 1e-7  # stop when no weight moves more than this in a step
# evidence that can only lower the chance of being right (weight <= 0), and the coder's
# own score, which can only raise it (weight >= 0)
NON_POSITIVE = ("actor.none", "actor.pronoun", "actor.no_country", "recipient.no_country", "located",
                "inferred.actor", "inferred.recipient", "repeat")
NON_NEGATIVE = ("rule_score",)
BANDS = news.BANDS


# ---------------------------------------------------------------- data


def collect(shared: Path | None) -> tuple[list[str], list[dict[str, float]], np.ndarray, list[str], int]:
    """(article key, features, right) of every event whodid emits on the development gold,
    the gold files and their number of gold events."""
    files = news.gold_files(None, shared)
    if any("heldaside" in p.name for p in files):
        raise SystemExit("refusing to train on the held-aside gold")
    articles = news.load_gold(files, news.shared_root(shared) / "corpora")
    stage = EventsStage(Resources.build())
    recorded: dict[int, tuple[object, dict[str, float]]] = {}

    def record(analysis, events, feats) -> None:
        for ev, x in zip(events, feats):
            recorded[id(ev)] = (ev, x)  # the event kept alive so its id stays its own

    stage.record = record
    groups, rows, labels = [], [], []
    missing = 0
    for n, (article, analysis) in enumerate(zip(articles, news.run_pipeline(articles, events=stage)), 1):
        flags = news.right(article, news.emitted_events(analysis))
        for ev, ok in zip(analysis.events, flags):
            found = recorded.pop(id(ev), None)
            if found is None:
                missing += 1
                continue
            groups.append(f"{article.corpus}:{article.id}")
            rows.append(found[1])
            labels.append(float(ok))
        recorded.clear()
        if n % 20 == 0 or n == len(articles):
            print(f"  pipeline: {n}/{len(articles)} articles", file=sys.stderr)
    if missing:
        print(f"  note: {missing} events had no recorded features (made after the events stage)", file=sys.stderr)
    return groups, rows, np.array(labels), [str(p) for p in files], sum(len(a.events) for a in articles)


# ---------------------------------------------------------------- model


class Design:
    """Feature dicts -> a matrix: the columns seen in training, rare open-group values pooled."""

    def __init__(self, rows: list[dict[str, float]], min_count: int):
        counts = Counter(k for x in rows for k in x)
        self.min_count = min_count
        names = set()
        for k, c in counts.items():
            group, eq, _ = k.partition("=")
            if eq and group in OPEN_GROUPS and c < min_count:
                names.add(f"{group}=?")
            else:
                names.add(k)
        self.names = sorted(names)
        self.index = {k: i for i, k in enumerate(self.names)}

    def column(self, k: str) -> str:
        if k in self.index:
            return k
        group, eq, _ = k.partition("=")
        return f"{group}=?" if eq and group in OPEN_GROUPS else k

    def matrix(self, rows: list[dict[str, float]]) -> np.ndarray:
        X = np.zeros((len(rows), len(self.names)))
        for r, x in enumerate(rows):
            for k, v in x.items():
                i = self.index.get(self.column(k))
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


def fit(X: np.ndarray, y: np.ndarray, l2: float, lo: np.ndarray, hi: np.ndarray) -> tuple[float, np.ndarray]:
    """L2-penalised logistic regression with box constraints on the weights (not the bias):
    accelerated projected gradient (FISTA) on mean log loss + l2 / (2n) |w|^2."""
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X])
    lo_all, hi_all = np.concatenate([[-np.inf], lo]), np.concatenate([[np.inf], hi])
    reg = np.concatenate([[0.0], np.full(d, l2 / n)])
    step = 1.0 / (0.25 * np.linalg.norm(A, 2) ** 2 / n + l2 / n)
    base = min(max(y.mean(), 1e-3), 1 - 1e-3)
    w = np.zeros(d + 1)
    w[0] = math.log(base / (1 - base))
    v, t = w.copy(), 1.0
    for _ in range(ITERATIONS):
        grad = A.T @ (sigmoid(A @ v) - y) / n + reg * v
        w_next = np.clip(v - step * grad, lo_all, hi_all)
        t_next = (1 + math.sqrt(1 + 4 * t * t)) / 2
        v = w_next + ((t - 1) / t_next) * (w_next - w)
        moved = float(np.max(np.abs(w_next - w)))
        w, t = w_next, t_next
        if moved < TOLERANCE:
            break
    return float(w[0]), w[1:]


def platt(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """a, b of sigmoid(a * logit(p) + b) fitted to y (Newton, a small ridge toward identity)."""
    z = logit(p)
    a, b = 1.0, 0.0
    for _ in range(50):
        q = sigmoid(a * z + b)
        g = np.array([np.sum((q - y) * z) + 1e-2 * (a - 1), np.sum(q - y) + 1e-2 * b])
        s = q * (1 - q)
        H = np.array([[np.sum(s * z * z) + 1e-2, np.sum(s * z)], [np.sum(s * z), np.sum(s) + 1e-2]])
        da, db = np.linalg.solve(H, g)
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-9:
            break
    if a <= 0:  # no usable signal: a constant would be the honest answer, but keep the order
        a, b = 1e-3, float(logit(np.array([y.mean()]))[0])
    return float(a), float(b)


def folds(groups: list[str], k: int, salt: str = "") -> np.ndarray:
    """Fold of each row: a fixed hash of its article, so folds never split an article."""
    return np.array([int(hashlib.sha1((salt + g).encode()).hexdigest(), 16) % k for g in groups])


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class Trained:
    def __init__(self, rows, y, l2: float, min_count: int):
        self.design = Design(rows, min_count)
        lo, hi = self.design.bounds()
        self.bias, self.w = fit(self.design.matrix(rows), y, l2, lo, hi)

    def scores(self, rows) -> np.ndarray:
        return sigmoid(self.bias + self.design.matrix(rows) @ self.w)


def oof_scores(rows, y, groups, l2, min_count, salt) -> np.ndarray:
    """Out-of-fold regression probabilities (no recalibration)."""
    f = folds(groups, FOLDS, salt)
    out = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = f != k, f == k
        if not test.any():
            continue
        m = Trained([rows[i] for i in np.flatnonzero(train)], y[train], l2, min_count)
        out[test] = m.scores([rows[i] for i in np.flatnonzero(test)])
    return out


def choose(rows, y, groups, salt: str) -> tuple[float, int, np.ndarray, list[tuple]]:
    """The settings with the lowest out-of-fold log loss, and their out-of-fold scores."""
    tried = []
    best = None
    for l2 in L2_GRID:
        for mc in MIN_COUNT_GRID:
            p = oof_scores(rows, y, groups, l2, mc, salt)
            loss = log_loss(p, y)
            tried.append((l2, mc, loss))
            if best is None or loss < best[0] - 1e-9:
                best = (loss, l2, mc, p)
    return best[1], best[2], best[3], tried


def calibrated(p: np.ndarray, a: float, b: float) -> np.ndarray:
    return sigmoid(a * logit(p) + b)


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write the model (default {OUT.relative_to(REPO)})")
    ap.add_argument("--dry-run", action="store_true", help="train and report, write nothing")
    args = ap.parse_args()
    started = time.time()

    print("running whodid on the development gold (shared dev.jsonl + tune.jsonl) ...", file=sys.stderr)
    groups, rows, y, files, gold_events = collect(args.shared)
    n_articles = len(set(groups))
    print(f"{len(y)} events from {n_articles} articles, {int(y.sum())} right at type+actor+recipient "
          f"(base rate {y.mean():.3f})")

    # honest figures: the whole procedure (settings, fit, recalibration) inside each outer fold
    outer = folds(groups, FOLDS, "outer:")
    honest = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = np.flatnonzero(outer != k), np.flatnonzero(outer == k)
        tr_rows, tr_y, tr_groups = [rows[i] for i in train], y[train], [groups[i] for i in train]
        l2, mc, inner, _ = choose(tr_rows, tr_y, tr_groups, f"inner{k}:")
        a, b = platt(inner, tr_y)
        model = Trained(tr_rows, tr_y, l2, mc)
        honest[test] = calibrated(model.scores([rows[i] for i in test]), a, b)
        print(f"  outer fold {k}: L2 {l2:g}, lemma min count {mc if mc < 10**6 else 'none'}, "
              f"Platt a {a:.2f} b {b:.2f}", file=sys.stderr)

    # the shipped model: settings and recalibration from cross-validation on all of the gold
    l2, mc, oof, tried = choose(rows, y, groups, "final:")
    a, b = platt(oof, y)
    model = Trained(rows, y, l2, mc)
    grid = np.concatenate([[0.0], sigmoid(np.linspace(-9, 9, 181)), [1.0]])
    cal_y = calibrated(grid, a, b)
    cal_y[0], cal_y[-1] = float(calibrated(np.array([1e-6]), a, b)[0]), float(calibrated(np.array([1 - 1e-6]), a, b)[0])
    weights = {name: round(float(w), 6) for name, w in zip(model.design.names, model.w) if abs(w) >= 1e-6}
    cv_table = reliability(honest, y)
    shipped = ConfidenceModel(
        bias=round(model.bias, 6), weights=weights, open_groups=frozenset(OPEN_GROUPS),
        calibration=([round(float(x), 6) for x in grid], [round(float(v), 6) for v in np.maximum.accumulate(cal_y)]),
        trained={
            "target": "P(the event matches a gold event at type + actor + recipient), eval news rules",
            "gold": [str(Path(f).name) for f in files], "articles": n_articles, "events": int(len(y)),
            "right": int(y.sum()), "l2": l2, "lemma_min_count": mc if mc < 10**6 else None,
            "platt": {"a": round(a, 4), "b": round(b, 4)},
            "cross_validated": {"folds": FOLDS, "log_loss": round(log_loss(honest, y), 4),
                                "calibration_error": round(news.calibration_error(cv_table), 4),
                                "reliability": [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in b.items()}
                                                for b in cv_table]},
        })
    in_sample = np.array([shipped.probability(x) for x in rows])

    print(f"\nsettings (lowest {FOLDS}-fold log loss by article): L2 {l2:g}, lemma min count "
          f"{mc if mc < 10**6 else 'none (no lemma features)'}; recalibration a {a:.3f} b {b:.3f}")
    print("  tried: " + ", ".join(f"L2 {t[0]:g}/mc {t[1] if t[1] < 10**6 else '-'}: {t[2]:.4f}" for t in tried))
    print(f"  log loss: constant {log_loss(np.full(len(y), y.mean()), y):.4f}, "
          f"cross-validated {log_loss(honest, y):.4f}, on the training gold {log_loss(in_sample, y):.4f}")
    print()
    print(show("cross-validated (nested, by article) reliability: what to expect on new articles", cv_table))
    print(f"cross-validated events kept by --min-confidence (of {gold_events} gold events):")
    print(thresholds(honest, y, gold_events))
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
