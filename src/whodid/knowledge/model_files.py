"""The weights of a trained model, shipped with the package under ``data/events/`` or given by
path: read as JSON and built by the model's own ``from_dict``, a malformed file refused with its
path and the problem (the confidence model, the party chooser)."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TypeVar

Model = TypeVar("Model")


def read_model(file: str, path: str | Path | None, what: str, from_dict: Callable[[dict], Model]) -> Model | None:
    """The model in the shipped ``file`` (or at ``path``); None when there is no such file."""
    source = resources.files("whodid") / "data" / "events" / file if path is None else Path(path)
    if not source.is_file():
        return None
    try:
        return from_dict(json.loads(source.read_text(encoding="utf-8")))
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"{source}: not {what} ({type(exc).__name__}: {exc})") from None
