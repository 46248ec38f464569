"""The event-confidence model: weights trained on the whole-article gold, read once.

``whodid/data/events/confidence.json`` is written by ``scripts/train_event_confidence.py``
(a logistic regression over the features ``whodid.events.confidence`` reads at coding
time, recalibrated on cross-validated predictions). It holds:

- ``bias`` and ``weights``: feature name -> weight (a feature absent from an event is 0);
- ``open_groups``: categorical groups ("lemma", ...) whose values seen too rarely in
  training have no weight of their own: an unseen value counts as ``group=?``;
- ``calibration``: ``{"x": [...], "y": [...]}``, a non-decreasing map from the
  regression's probability to the share of events right, applied by linear
  interpolation (absent: the regression's probability as is);
- ``cap``: ``{"at": 0.79, "thin": ["!has_object", "no_frame", ...]}`` (optional): an
  event with thin evidence (any listed feature present, or for ``!name`` absent) is given at
  most ``at``: the training chose the conditions under which its top band was not right
  often enough on articles it was not fitted to;
- ``trained``: what it was trained on and its cross-validated calibration, for the record.

The model gives P(the event matches a hand-coded event at type + actor + recipient),
the ``confidence`` field of every event.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.knowledge.model_files import read_model

FILE = "confidence.json"
VERSION = 1


@dataclass
class ConfidenceModel:
    bias: float
    weights: dict[str, float]
    open_groups: frozenset[str] = frozenset()
    calibration: tuple[list[float], list[float]] | None = None
    trained: dict[str, Any] = field(default_factory=dict)
    cap: tuple[float, tuple[str, ...]] | None = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConfidenceModel | None:
        """The shipped model (or the one at ``path``); None when there is no such file.
        A malformed file is refused with its path and the problem."""
        return read_model(FILE, path, "an event-confidence model", cls.from_dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConfidenceModel:
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, this whodid reads {VERSION}")
        weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
        if not all(math.isfinite(w) for w in weights.values()):
            raise ValueError("a weight is not a finite number")
        calibration = None
        if data.get("calibration"):
            xs = [float(x) for x in data["calibration"]["x"]]
            ys = [float(y) for y in data["calibration"]["y"]]
            if len(xs) != len(ys) or not xs or xs != sorted(xs) or ys != sorted(ys) \
                    or not all(0.0 <= v <= 1.0 for v in xs + ys):
                raise ValueError("calibration: x and y must be non-decreasing lists of probabilities of one length")
            calibration = (xs, ys)
        cap = None
        if data.get("cap"):
            at, thin = float(data["cap"]["at"]), tuple(str(c) for c in data["cap"]["thin"])
            if not 0.0 <= at <= 1.0:
                raise ValueError("cap: at must be a probability")
            cap = (at, thin)
        return cls(bias=float(data["bias"]), weights=weights, open_groups=frozenset(data.get("open_groups") or ()),
                   calibration=calibration, trained=dict(data.get("trained") or {}), cap=cap)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"version": VERSION, "bias": self.bias,
                               "weights": dict(sorted(self.weights.items())), "open_groups": sorted(self.open_groups)}
        if self.calibration:
            out["calibration"] = {"x": self.calibration[0], "y": self.calibration[1]}
        if self.cap:
            out["cap"] = {"at": self.cap[0], "thin": list(self.cap[1])}
        out["trained"] = self.trained
        return out

    def known(self, name: str) -> str:
        """The feature name to weigh: an open group's unseen value is ``group=?``."""
        if name in self.weights:
            return name
        group, eq, _ = name.partition("=")
        return f"{group}=?" if eq and group in self.open_groups else name

    def score(self, features: dict[str, float]) -> float:
        """The regression's probability, before recalibration."""
        z = self.bias + sum(self.weights.get(self.known(k), 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def calibrate(self, p: float) -> float:
        if self.calibration is None:
            return p
        xs, ys = self.calibration
        if p <= xs[0]:
            return ys[0]
        if p >= xs[-1]:
            return ys[-1]
        i = bisect.bisect_right(xs, p)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)

    def thin(self, features: dict[str, float]) -> bool:
        """Whether the event meets one of the cap's thin-evidence conditions."""
        return self.cap is not None and any(thin_evidence(c, features) for c in self.cap[1])

    def probability(self, features: dict[str, float]) -> float:
        """P(the event is right at type + actor + recipient), rounded to two places."""
        p = self.calibrate(self.score(features))
        if self.thin(features):
            p = min(p, self.cap[0])
        return round(p, 2)


def thin_evidence(condition: str, features: dict[str, float]) -> bool:
    """``name``: the feature is present (non-zero); ``!name``: it is absent or zero."""
    if condition.startswith("!"):
        return not features.get(condition[1:], 0.0)
    return bool(features.get(condition, 0.0))

