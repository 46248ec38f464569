"""The events stage: adds ``Analysis.events`` (PLOVER type, CAMEO code, roles,
modality, reporting speaker, evidence offsets) from the parse, the actors and the
quotes found before it."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from whodid.events import conventions
from whodid.events.coder import Coder
from whodid.events.lexicon import Lexicon
from whodid.model import Analysis


class EventsStage:
    """Pipeline stage ``events``. Reads ``analysis.actors`` and ``analysis.quotes``.

    ``extra``: paths of user lexicon files (same YAML format as the built-in
    ``whodid/data/events/lexicon.yaml``), added after the built-in entries.
    """

    name = "events"

    def __init__(self, extra: list[str | Path] | None = None, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.load(*(extra or []))
        self.coder = Coder(self.lexicon)

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        events = self.coder.code(doc, analysis)
        conventions.apply(doc, analysis, events)
        analysis.events.extend(events)
