"""The places stage: adds ``Analysis.places``."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from whodid.model import Analysis, Place
from whodid.nlp import extensions  # noqa: F401  (declares doc._.whodid_article_country)
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
        place_events(doc, analysis, self._home_country(doc))

    def _home_country(self, doc: Doc) -> Place | None:
        """The country the article is about (its dateline, the actors it names most), as a place:
        where "across the country" is when the text has named no country before it."""
        iso3 = doc._.whodid_article_country
        country = self.gazetteer.by_iso3.get(iso3) if iso3 else None
        entry = self.gazetteer.country_entries.get(country["iso2"]) if country else None
        if entry is None:
            return None
        return Place(name=entry.name, geonames_id=entry.geonames_id, lat=entry.lat, lon=entry.lon,
                     country=entry.country, feature="A.PCLI")
