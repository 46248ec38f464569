"""Paths and helpers the tests import (a module of its own: two conftest.py files share one module name)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from whodid.events import EventsStage
from whodid.model import Analysis, Article, Mention
from whodid.quotes import QuotesStage

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


def types_at(analysis, trigger: str) -> list[str]:
    """The types of the events whose trigger text is ``trigger``."""
    return [e.type for e in analysis.events if e.trigger.text == trigger]


def codes(analysis, ids: list[str]) -> list[str]:
    """The codes of the actors ``ids`` (an actor with no code by its id)."""
    by_id = {a.id: a.code or a.id for a in analysis.actors}
    return [by_id[i] for i in ids]


def kinds(analysis) -> list[tuple[str, str]]:
    """Each event of the analysis as (type, trigger text)."""
    return [(e.type, e.trigger.text) for e in analysis.events]


def word_mentions(text: str, word: str, how: str | None = None) -> list[Mention]:
    """A mention of ``word`` at each place ``text`` has it as a whole word (resolved ``how``, when
    given: "nominal" for a group named by a common noun)."""
    return [Mention(m.start(), m.end(), word, how=how) for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def hand_coder(nlp):
    """``run(text, actors)``: the quotes and events stages on ``text`` with actors built by hand
    (so only those stages are tested); the stages are made once."""
    events, quotes = EventsStage(), QuotesStage()

    def run(text: str, actors: list) -> list:
        doc = nlp(text)
        analysis = Analysis(article=Article(text=text), actors=actors)
        quotes(doc, analysis)
        events(doc, analysis)
        return analysis.events

    return run
