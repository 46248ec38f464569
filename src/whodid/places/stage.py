"""The places stage: adds ``Analysis.places``."""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.model import Analysis
from whodid.places import gazetteer
from whodid.places.events import place_events
from whodid.places.resolve import resolve


class PlacesStage:
    name = "places"

    def __init__(self, gaz: gazetteer.Gazetteer | None = None):
        self.gazetteer = gaz or gazetteer.load()

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        # mentions the actors stage resolved to people are not places ("Biden" tagged GPE)
        people = [(m.start, m.end) for actor in analysis.actors if actor.kind == "person" for m in actor.mentions]
        for item in resolve(doc, self.gazetteer, skip=people):
            item.place.mentions = item.mentions
            analysis.places.append(item.place)
        place_events(doc, analysis)
