"""Paths and helpers the tests import (a module of its own: two conftest.py files share one module name)."""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "samples"
SEED = SAMPLES / "russia-ukraine-talks.txt"


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def found(analysis, type_: str, trigger: str | None = None):
    """The one event of ``type_`` (with that trigger text, if given) the analysis holds."""
    hits = [e for e in analysis.events if e.type == type_ and (trigger is None or e.trigger.text == trigger)]
    assert len(hits) == 1, [(e.type, e.trigger.text) for e in analysis.events]
    return hits[0]
