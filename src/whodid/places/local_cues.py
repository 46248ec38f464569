"""Towns that local news names in passing, which spaCy's entity tags rarely mark as places.

- "TORRINGTON — City Council ...", "COLUMBUS, Ohio (AP) —": a dateline, also after the
  headline or the byline, not only at the start of the text.
- "A Gainesville man", "Roselle police", "the Rochester area", "Northbrook-based": a town's
  name before a noun for its people, officials or institutions (``LOCAL_NOUNS``).
- "Theresa Pilkington of Jeannette", "the University of Rochester": a town after "of"
  that follows a person's or an organisation's name.
- "Morecambe and Lancaster": a name joined by "and" to a toponym already found.
- "Rep. Barbara Lee, D-Oakland": a legislator's home town or state after the party letter.
- "the Canaan Board of Finance", "Corsicana Police Department": a town opening an
  organisation's name.
- "S. Main St.", "Old Lexington Highway": a street or road, named without a point (kind
  "street"); a town inside its name is no toponym.

Every candidate must be a name the gazetteer has (a town, state or county of exactly
that name); these toponyms are of kind "cued": placed when resolved, dropped otherwise.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from whodid.knowledge.gazetteer import Gazetteer, fold
from whodid.nlp.vocab import LOCAL_BODIES, LOCAL_NOUNS, OF_PLACE_HEADS
from whodid.places.toponym import Toponym

# an all-capitals place, its state or country, a wire's name, then a dash or a colon, opening a paragraph or
# following the headline, the byline or its date: "Viaduct on pace. COLUMBUS -- The ...", "... crops . BEIRUT: Israel"
DATELINE = re.compile(r"(?:^|(?<=[.!?\n\d])[ \t]*\n?[ \t]*|(?<=\n))([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})"
                      r"(?=(?:,[ \t]*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?:[ \t]*\([A-Za-z ]+\))?(?:[ \t]+[-—–]+|:)[ \t])")
# the opening of a story, in capitals or not: "KUWAIT: ...", "Shillong: ...", "Srinagar- The ...",
# "CAIRO - 26 July 2022: ...", "Ulaanbaatar /MONTSAME/. ..."
OPENING_DATELINE = re.compile(r"\A\s*([A-Z][\w'\-]*[a-zA-Z](?: [A-Z][\w'\-]*[a-zA-Z]){0,2})(?=\s*(?::|[-—–]+|/[A-Z]+/\.)\s)")
DATELINE_WITHIN = 600  # characters: headline, byline and date come before the dateline
_BASED = re.compile(r"\b([A-Z][\w.']*(?: [A-Z][\w.']*){0,2})-based\b")
_PARTY = re.compile(r"\b[DRI]-([A-Z][\w.]*\.(?: [A-Z]\w*\.)?|[A-Z]\w*(?: [A-Z]\w*){0,2})(?=[,;)]|\.?\s|$)")
# a street's name ends the phrase: "Florida Highway Patrol", "County Road 80" and "Augusta's Highland
# Avenue" name a state, a county and a town, not a street
_STREET = re.compile(r"(?<![\w'’.])((?:(?:[NSEW]\.|North|South|East|West|Old) )?[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3} "
                     r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Boulevard|Blvd\.|Highway|Parkway|Pike))"
                     r"(?![\w'’])(?! ?(?:[A-Z]\w|\d))")
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod", "nsubj"}
_STOP_WORDS = {"a", "an", "the", "this", "that", "former", "new"}


def datelines(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of the datelines in ``text`` that name a known place."""
    found = []
    for m in (*OPENING_DATELINE.finditer(text), *DATELINE.finditer(text)):
        name = m.group(1)
        if len(name.replace(".", "")) >= 3 and m.span(1) not in found and known(gazetteer, name):
            found.append(m.span(1))
    return found


def known(gazetteer: Gazetteer, name: str) -> bool:
    """The gazetteer has a town, state, county or country of exactly this name."""
    key = fold(name)
    return bool(gazetteer.country(name) or gazetteer.regions(name) or gazetteer.us_counties(name)
                or any(fold(e.name) == key for e in gazetteer.candidates(name)))


def local_toponyms(doc: Doc, text: str, gazetteer: Gazetteer, found: dict[tuple[int, int], Toponym]) -> None:
    """Add the toponyms these cues give to ``found`` (keyed by span), where nothing is found yet."""
    for m in _STREET.finditer(text):
        start, end = m.span(1)
        if text[start:end].split()[0] in ("The", "A", "An"):
            start += len(text[start:end].split()[0]) + 1
        for key in [k for k, t in found.items() if start <= k[0] and k[1] <= end and t.kind in _REPLACEABLE]:
            del found[key]  # "Clinton" of "Clinton St." is no town here
        _add(found, start, end, text, "street")
    for start, end in datelines(text, gazetteer):
        _add(found, start, end, text, "name", label="GPE")
    for m in _PARTY.finditer(text):
        _add_known(found, gazetteer, text, *m.span(1))
    for m in _BASED.finditer(text):
        _add_known(found, gazetteer, text, m.start(1), m.end(1))
    for ent in doc.ents:
        if ent.label_ == "ORG" and len(ent) > 1:
            _opening(ent, text, gazetteer, found)
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ in LOCAL_NOUNS and token.i > 0:
            _before_noun(doc, token.i, text, gazetteer, found)
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.is_title and token.head.i > 0:
            owner = doc[token.head.i - 1]
            # "Theresa Pilkington of Jeannette", "the University of Rochester" (not "the Library of Congress")
            if (owner.ent_type_ == "PERSON" and owner.ent_iob_ != "O") or owner.lower_ in OF_PLACE_HEADS:
                left = token.i
                while left > token.head.i + 1 and doc[left - 1].is_title and doc[left - 1].dep_ == "compound":
                    left -= 1
                _add_known(found, gazetteer, text, doc[left].idx, token.idx + len(token.text))
    names = {(t.start, t.end) for t in found.values() if t.kind in ("name", "located", "cued")}
    for token in doc:
        # "Morecambe and Lancaster": the conjunct of a toponym found
        if token.dep_ == "conj" and token.is_title and token.pos_ == "PROPN" \
                and token.ent_type_ in ("", "GPE", "LOC", "FAC"):
            head = token.head
            if any(s <= head.idx < e for s, e in names):
                _add_known(found, gazetteer, text, token.idx, token.idx + len(token.text))


def _opening(ent, text: str, gazetteer: Gazetteer, found: dict) -> None:
    """"the Canaan Board of Finance": the longest run of up to three capitalised words opening an
    organisation's name (after "the") that is a known place, the rest of the name being more words."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    run = []
    for token in tokens[:3]:
        if not (token.is_title and token.is_alpha) or token.lower_ in _STOP_WORDS:
            break
        run.append(token)
    for n in range(min(len(run), len(tokens) - 1), 0, -1):
        # only before a word for a town's own bodies: "Canaan Board", not "Peabody Energy"
        if tokens[n].lower_ not in LOCAL_BODIES:
            continue
        if _add_known(found, gazetteer, text, run[0].idx, run[n - 1].idx + len(run[n - 1].text)):
            return


def _before_noun(doc: Doc, i: int, text: str, gazetteer: Gazetteer, found: dict) -> None:
    """"A Gainesville man", "Glen Allen residents": the run of capitalised words right before
    the noun, longest first, when it is a known place."""
    left = i
    while left > 0 and i - left < 3 and (doc[left - 1].is_title or doc[left - 1].is_upper) \
            and doc[left - 1].is_alpha and doc[left - 1].lower_ not in _STOP_WORDS \
            and (doc[left - 1].dep_ in _MODIFIER_DEPS or left == i) and doc[left - 1].ent_type_ not in ("DATE", "CARDINAL"):
        left -= 1
    for start in range(left, i):
        span = doc[start:i]
        # a person's name before the noun ("John Smith's family") is not a place
        if span[0].ent_type_ == "PERSON" and span[0].ent_iob_ == "I":
            continue
        if _add_known(found, gazetteer, text, span.start_char, span.end_char):
            return


_REPLACEABLE = ("name", "located", "cued")


def _add_known(found: dict, gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    name = text[start:end]
    if not name or not name[0].isupper() or not known(gazetteer, name):
        return False
    return _add(found, start, end, text, "cued")


def _add(found: dict, start: int, end: int, text: str, kind: str, label: str | None = None) -> bool:
    if any(s < end and start < e for s, e in found):
        return False
    found[(start, end)] = Toponym(start, end, text[start:end], kind, label=label)
    return True
