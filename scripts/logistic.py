"""The small multinomial logistic regression the research scripts share (``event_triggers.py``,
``event_types.py``, ``statement_events.py`` and their ``train_`` scripts): string features, one
weight per feature and class, fitted with numpy and scipy's L-BFGS at training time only and
applied as plain JSON weights; and the folds by article they are measured by.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np

NONE = "NONE"  # the class of no event: a model's first class


def scores(bias: list[float], weights: dict[str, list[float]], feats: list[str]) -> list[float]:
    """The class scores (log-probabilities up to a constant) of one row of features."""
    z = list(bias)
    for f in feats:
        w = weights.get(f)
        if w is not None:
            for k, v in enumerate(w):
                z[k] += v
    return z


def design(rows_feats, vocab):
    """The rows as a sparse 0/1 matrix over ``vocab`` (feature -> column); other features left out."""
    from scipy import sparse

    ind, ptr = [], [0]
    for feats in rows_feats:
        ind.extend(vocab[f] for f in feats if f in vocab)
        ptr.append(len(ind))
    return sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows_feats), len(vocab)))


def fit(rows_feats, labels, classes, l2: float, min_count: int, rules=None, agree: float = 1.0):
    """Fit the weights: ``(bias, weights, agree weight)``, rounded as the models store them (the
    weights of a feature all below 1e-3 left out). A feature seen in fewer than ``min_count`` rows
    has none. ``rules``: per row a class that gets one more shared weight (the re-typer's bonus on
    the rules' type, times ``agree``); None: no such weight (the agree weight returned is None)."""
    from scipy.optimize import minimize

    counts = Counter(f for feats in rows_feats for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= min_count)
    vocab = {f: i for i, f in enumerate(names)}
    X = design(rows_feats, vocab)
    y = np.array([classes.index(c) for c in labels])
    n, d, k = X.shape[0], X.shape[1], len(classes)
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1.0
    R = None
    if rules is not None:
        R = np.zeros((n, k))
        for r, t in enumerate(rules):
            if t in classes:
                R[r, classes.index(t)] = 1.0

    def loss(w):
        W, b = w[:d * k].reshape(d, k), w[d * k:d * k + k]
        Z = X @ W + b
        if R is not None:
            Z = Z + w[-1] * agree * R
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        ll = -np.sum(np.log(P[np.arange(n), y] + 1e-12)) / n + 0.5 * l2 / n * np.sum(W * W)
        G = (P - Y) / n
        gW = X.T @ G + l2 / n * W
        grads = [np.asarray(gW).ravel(), G.sum(axis=0)]
        if R is not None:
            grads.append([agree * np.sum(G * R)])
        return ll, np.concatenate(grads)

    w0 = np.zeros(d * k + k + (R is not None))
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    W, b = res.x[:d * k].reshape(d, k), res.x[d * k:d * k + k]
    weights = {f: [round(float(v), 4) for v in W[i]] for f, i in vocab.items() if np.abs(W[i]).max() >= 1e-3}
    a = round(float(res.x[-1] * agree), 4) if R is not None else None
    return [round(float(v), 4) for v in b], weights, a


def write(out: Path, model, threshold: float, trained: dict) -> None:
    """Write a fitted ``event_triggers.TriggerModel`` and its threshold as its ``load`` reads them
    (JSON), and say so."""
    data = {"classes": model.classes, "bias": model.bias, "threshold": threshold, "trained": trained,
            "weights": model.weights}
    out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(model.weights)} features, threshold {threshold:g})")


def fold_models(keep, folds, fitted) -> list:
    """Out of fold: for each article of ``keep`` (``folds[i]`` the fold of ``keep[i]``), the model
    ``fitted(train)`` on the articles of ``keep`` outside its fold; one fit per fold."""
    models: list = [None] * len(keep)
    for fold in sorted(set(folds)):
        model = fitted([n for n, f in zip(keep, folds) if f != fold])
        for i, f in enumerate(folds):
            if f == fold:
                models[i] = model
    return models


def article_folds(articles, k: int, salt: str = "") -> list[int]:
    """Each article's fold of ``k``, by a hash of its id (the same on every run)."""
    return [int(hashlib.sha1((salt + a.id).encode()).hexdigest(), 16) % k for a in articles]
