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
    """``homes``: the papers' homes, learnt beforehand from a whole batch (``SourceHomes``),
    read but never changed here, so an article's places do not depend on which stories came
    before it in the process. ``learn``: instead record the areas each article's names point
    to into ``homes`` (a first pass over a batch, which uses no home itself)."""

    name = "places"

    def __init__(self, resources: Resources | None = None, homes: SourceHomes | None = None,
                 learn: bool = False):
        self.gazetteer = (resources or Resources.build()).gazetteer
        self.homes = homes if homes is not None else SourceHomes()
        self.learning = learn

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        # mentions the actors stage resolved to people are not places ("Biden" tagged GPE)
        people = [(m.start, m.end) for actor in analysis.actors if actor.kind == "person" for m in actor.mentions]
        # the countries of the story's actors say where it is, once each ("Swiss", "Blinken": US)
        about = Counter(self.gazetteer.by_iso3[a.country]["iso2"] for a in analysis.actors
                        if a.country in self.gazetteer.by_iso3 and "country" not in a.inferred)
        about = Counter({iso2: 1 for iso2 in about})
        source = analysis.article.source
        learned: set = set()
        home = None if self.learning else self.homes.home(source)
        for item in geocode(doc, self.gazetteer, skip=people, about=about, home=home,
                            source_country=self.gazetteer.country_of_domain(source),
                            learned=learned if self.learning else None):
            item.place.mentions = item.mentions
            analysis.places.append(item.place)
        if self.learning:
            self.homes.learn(source, learned)
        place_events(doc, analysis)
