"""The places stage: adds ``Analysis.places``."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from whodid.model import Analysis
from whodid.knowledge import Resources
from whodid.places.events import place_events
from whodid.places.geocode import geocode
from whodid.places.source_home import SourceHomes


class PlacesStage:
    name = "places"

    def __init__(self, resources: Resources | None = None):
        self.gazetteer = (resources or Resources.build()).gazetteer
        self.homes = SourceHomes()  # learnt per process from the sources' earlier articles

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        # mentions the actors stage resolved to people are not places ("Biden" tagged GPE)
        people = [(m.start, m.end) for actor in analysis.actors if actor.kind == "person" for m in actor.mentions]
        # the countries of the story's actors say where it is, once each ("Swiss", "Blinken": US)
        about = Counter(self.gazetteer.by_iso3[a.country]["iso2"] for a in analysis.actors
                        if a.country in self.gazetteer.by_iso3 and "country" not in a.inferred)
        about = Counter({iso2: 1 for iso2 in about})
        source = analysis.article.source
        learned: set = set()
        for item in geocode(doc, self.gazetteer, skip=people, about=about, home=self.homes.home(source),
                            learned=learned):
            item.place.mentions = item.mentions
            analysis.places.append(item.place)
        self.homes.learn(source, learned)
        place_events(doc, analysis)
