"""Toponyms spaCy's entity tags miss or get wrong, found from the words around them.

- "Tarrant County", "Pointe Coupee Parish": the county word belongs to the name, and
  a known county name is a place whatever the entity tagger said;
  "Eastland and Callahan counties" names two counties.
- "Louisville, Ky.": AP state abbreviations after a town; "Louisville, Ky." tagged as
  one entity is two toponyms.
- "Israeli troops", "Palestinians": a country's demonym stands for the country.
- "the Mansfield Police Department", "Minnesota House": an organisation named after a
  place names the place, when the place is a state, county or country, or the story
  names it as a place elsewhere.
"""

from __future__ import annotations

import re
from spacy.tokens import Doc

from whodid.knowledge.gazetteer import (CANADIAN_PROVINCE_ABBREVIATIONS, NAME_END_WORDS, US_STATE_ABBREVIATIONS,
                                        Gazetteer)
from whodid.places.toponym import Toponym

_COUNTY_AFTER = re.compile(r"\s+(County|Parish)\b")
_COUNTY_NAME = re.compile(r"\b((?:[A-Z][\w'.\-]* ){1,3})(County|Parish)\b")
_NAME = r"[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,2}"
_COUNTY_LIST = re.compile(rf"((?:{_NAME}\s*,\s*)*{_NAME}\s*,?\s+and\s+{_NAME})\s+(?:counties|parishes)\b")
_ABBREVIATION = re.compile(r"(?<=, )(" + "|".join(re.escape(a) for a in {**US_STATE_ABBREVIATIONS,
                                                                          **CANADIAN_PROVINCE_ABBREVIATIONS}
                                                 if "." in a) + r")(?!\w)")
NAME_KINDS = ("name", "located")


def more_toponyms(doc: Doc, text: str, gazetteer: Gazetteer, found: dict[tuple[int, int], Toponym],
                  ents: tuple = ()) -> None:
    """Add to ``found`` (keyed by span) the toponyms these cues give; ``text`` is ``doc.text``,
    ``ents`` its ``doc.ents`` (spaCy builds them anew on every access)."""
    ents = ents or doc.ents
    _split_town_and_state(text, gazetteer, found)
    _state_abbreviations(text, found)
    _counties(text, gazetteer, found)
    _demonyms(ents, gazetteer, found)
    _joined_demonyms(text, gazetteer, found)
    _organisations(doc, ents, text, gazetteer, found)


def _free(found: dict[tuple[int, int], Toponym], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in found)


def _split_town_and_state(text: str, gazetteer: Gazetteer, found: dict) -> None:
    """"Louisville, Ky." as one entity: the town and the state."""
    for (start, end), t in list(found.items()):
        if t.kind not in NAME_KINDS or ", " not in t.text:
            continue
        head, _, tail = t.text.rpartition(", ")
        if not (gazetteer.regions(tail) or gazetteer.country(tail)):
            continue
        del found[(start, end)]
        found[(start, start + len(head))] = Toponym(start, start + len(head), head, t.kind)
        found[(end - len(tail), end)] = Toponym(end - len(tail), end, tail, "name")


def _state_abbreviations(text: str, found: dict) -> None:
    for m in _ABBREVIATION.finditer(text):
        if _free(found, m.start(), m.end()):
            found[(m.start(), m.end())] = Toponym(m.start(), m.end(), m.group(), "name")


def _counties(text: str, gazetteer: Gazetteer, found: dict) -> None:
    for (start, end), t in list(found.items()):
        after = _COUNTY_AFTER.match(text, end)
        if t.kind in NAME_KINDS and after and _free({k: v for k, v in found.items() if k != (start, end)},
                                                     start, after.end()):
            del found[(start, end)]
            found[(start, after.end())] = Toponym(start, after.end(), text[start:after.end()], t.kind)
    # "Rapides Parish" tagged a person, "McLean County Sheriff's Office" an organisation
    for m in _COUNTY_NAME.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "The Tarrant County": the longest known name
            name = " ".join(words[-n:]) + " " + m.group(2)
            if gazetteer.us_counties(name):
                start = m.end() - len(name)
                if _free(found, start, m.end()):
                    found[(start, m.end())] = Toponym(start, m.end(), name, "name")
                break
    for listing in _COUNTY_LIST.finditer(text):
        for item in re.finditer(_NAME, listing.group(1)):
            if item.group() == "and":
                continue
            start, end = listing.start(1) + item.start(), listing.start(1) + item.end()
            for key in [k for k in found if k[0] < end and start < k[1]]:
                del found[key]  # the county reading replaces a town or person reading
            found[(start, end)] = Toponym(start, end, item.group(), "name", county=True)


def _demonyms(ents: tuple, gazetteer: Gazetteer, found: dict) -> None:
    for ent in ents:
        if ent.label_ not in ("NORP", "GPE"):
            continue
        word = ent.text
        country = gazetteer.country_of_adjective(word) or \
            (gazetteer.country_of_adjective(word[:-1]) if word.endswith("s") else None)  # "Palestinians"
        if country is not None and _free(found, ent.start_char, ent.end_char):
            found[(ent.start_char, ent.end_char)] = Toponym(ent.start_char, ent.end_char, word, "demonym",
                                                            country.country)


# "Russian-American", "Israeli-Egyptian peace", "Egyptian- Israeli": peoples joined by a hyphen
_JOINED = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:-[ ]?[A-Z][a-z]+)+(?![\w-])")


def _joined_demonyms(text: str, gazetteer: Gazetteer, found: dict) -> None:
    """Each people of a hyphenated pair names its country, when every part is a people."""
    for m in _JOINED.finditer(text):
        parts = [(p.start() + m.start(), p.end() + m.start()) for p in re.finditer(r"[A-Z][a-z]+", m.group())]
        countries = [gazetteer.country_of_adjective(text[s:e]) for s, e in parts]
        if all(countries):
            for (start, end), country in zip(parts, countries):
                if _free(found, start, end):  # (the model may have tagged one part alone already)
                    found[(start, end)] = Toponym(start, end, text[start:end], "demonym", country.country)


def _organisations(doc: Doc, ents: tuple, text: str, gazetteer: Gazetteer, found: dict) -> None:
    # found already leaves out the names the model tags as people more often than places ("Biden")
    named = {t.text for t in found.values() if t.kind in NAME_KINDS}

    def is_place(name: str) -> bool:
        return bool(name in named or gazetteer.country(name) or gazetteer.regions(name)
                    or gazetteer.us_counties(name))

    for ent in ents:
        if ent.label_ != "ORG":
            continue
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        # "the Russian Foreign Ministry": the country its adjective names
        country = gazetteer.country_of_adjective(tokens[0].text) if tokens else None
        if country is not None and _free(found, tokens[0].idx, tokens[0].idx + len(tokens[0].text)):
            start, end = tokens[0].idx, tokens[0].idx + len(tokens[0].text)
            found[(start, end)] = Toponym(start, end, tokens[0].text, "demonym", country.country)
            continue
        # the longest leading run of proper nouns that is a place: "Fargo" in "Fargo Police Department"
        run = []
        for token in tokens[:4]:
            if token.pos_ != "PROPN":
                break
            run.append(token)
        # ("Tennessee Colony Fire Department" is not Tennessee: a word that ends a place's own name
        # keeps the words before it from standing alone)
        for n in range(len(run), 0, -1):
            start, end = run[0].idx, run[n - 1].idx + len(run[n - 1].text)
            name = text[start:end]
            if n < len(tokens) and tokens[n].lower_ in NAME_END_WORDS:
                continue
            if is_place(name) and _free(found, start, end):
                found[(start, end)] = Toponym(start, end, name, "name")
                break
        # "University of Alexandria", "State of Illinois"
        for token in tokens:
            if token.lower_ == "of" and token.i + 1 < ent.end:
                tail = doc[token.i + 1:ent.end]
                if is_place(tail.text) and _free(found, tail.start_char, tail.end_char):
                    found[(tail.start_char, tail.end_char)] = Toponym(tail.start_char, tail.end_char, tail.text,
                                                                      "name")
