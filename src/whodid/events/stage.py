"""The events stage: adds ``Analysis.events`` (PLOVER type, CAMEO code, roles,
modality, reporting speaker, evidence offsets) from the parse, the actors and the
quotes found before it."""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.events import conventions, remention
from whodid.events.coder import Coder
from whodid.knowledge import Resources
from whodid.model import Analysis


class EventsStage:
    """Pipeline stage ``events``. Reads ``analysis.actors`` and ``analysis.quotes``.

    The trigger lexicon is ``resources.lexicon``: the built-in
    ``whodid/data/events/lexicon.yaml`` plus the user's ``--lexicon`` files. The
    coding conventions may add actors to ``analysis.actors`` (a protest's target
    government, an unnamed attacker's country), marked as inferred on the event.
    """

    name = "events"

    def __init__(self, resources: Resources | None = None) -> None:
        self.resources = resources or Resources.build()
        self.coder = Coder(self.resources.lexicon)

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        events = self.coder.code(doc, analysis)
        conventions.apply(doc, analysis, events, self.resources)
        analysis.events.extend(remention.merge(events))
