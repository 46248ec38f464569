"""Evaluations against gold data that is read at run time and never bundled.

Gold files are looked up under ``../shared/eval`` beside the repository (or the
working folder); each evaluation also takes an explicit path.
"""

from __future__ import annotations

from pathlib import Path


def shared_eval(name: str) -> Path:
    """``../shared/eval/NAME`` from the repository root, else from the working folder."""
    repo = Path(__file__).resolve().parents[3]
    for base in (repo, Path.cwd()):
        candidate = (base / ".." / "shared" / "eval" / name).resolve()
        if candidate.exists():
            return candidate
    return (repo / ".." / "shared" / "eval" / name).resolve()
