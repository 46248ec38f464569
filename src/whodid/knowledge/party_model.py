"""The party chooser's weights: a logistic regression trained on the development gold, read once.

``whodid/data/events/party_model.json`` is written by ``scripts/train_party_model.py`` (the
features are those ``whodid.events.parties`` reads from an event's candidate parties). It holds:

- ``bias`` and ``weights``: feature name -> a pair of weights (the class "not this party",
  the class "this party"; a feature absent from a candidate is 0);
- ``fill``: the log-odds a candidate needs to fill a side the rules left empty;
- ``margin``: by how much the best candidate must beat the rules' own parties to replace
  them (JSON has no infinity: 1e9 or more is "never");
- ``trained``: what it was trained on, for the record.

The choosing itself (candidates, features, which side gets whom) is ``whodid.events.parties``'.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.knowledge.model_files import read_model

FILE = "party_model.json"
NEVER = 1e9  # JSON has no infinity: a threshold at or above this is "never"


@dataclass
class PartyModel:
    bias: list[float]
    weights: dict[str, list[float]]
    margin: float = math.inf
    fill: float = math.inf  # the score a candidate needs to fill a side the rules left empty
    trained: dict[str, Any] = field(default_factory=dict)

    def score(self, feats: list[str]) -> float:
        """The log-odds that the candidate with these features is the side's party."""
        z = list(self.bias)
        for x in feats:
            w = self.weights.get(x)
            if w is not None:
                z[0] += w[0]
                z[1] += w[1]
        return z[1] - z[0]

    @classmethod
    def load(cls, path: str | Path | None = None) -> PartyModel | None:
        """The shipped model (or the one at ``path``); None when there is no such file.
        A malformed file is refused with its path and the problem."""
        return read_model(FILE, path, "a party-chooser model", cls.from_dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartyModel:
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        bias = _pair(data["bias"], "bias")
        if not isinstance(data["weights"], dict):
            raise ValueError("weights: not an object of feature -> [weight, weight]")
        weights = {str(k): _pair(v, f"weight of {k!r}") for k, v in data["weights"].items()}
        thresholds = []
        for key in ("margin", "fill"):
            v = float(data[key])
            if math.isnan(v):
                raise ValueError(f"{key}: not a number")
            thresholds.append(math.inf if v >= NEVER else v)
        return cls(bias, weights, thresholds[0], thresholds[1], dict(data.get("trained") or {}))

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": self.weights, "margin": min(self.margin, NEVER),
                "fill": min(self.fill, NEVER), "trained": self.trained}

    def dump(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":")) + "\n",
                              encoding="utf-8")


def _pair(value: Any, what: str) -> list[float]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"{what}: not a pair of numbers")
    out = [float(v) for v in value]
    if not all(math.isfinite(v) for v in out):
        raise ValueError(f"{what}: not a finite number")
    return out

