"""A person's nationality as the text states it around the name.

A person the knowledge base does not know takes the country of the article by default
(``Resolver._context``: a guess, marked ``inferred``), and a titled one the country of a bare
title ("Ambassador Mike Hammer" in an Egyptian paper: EGY). But the text often says whose
national the person is, in the words that describe the name:

- the title before it: "U.S. Special Envoy to the Horn of Africa Ambassador Mike Hammer",
  "Colombian Chief of Police General Jorge Luis Vargas", "former Peruvian justice minister";
- an apposition after it: "Mduduzi Masuku, a 30-year-old male Zimbabwean national", "Pasha,
  the Turkish governor in Ottoman Palestine";
- the noun it is in apposition to: "an American geologist, L.H. Mitchell", "Another
  American, Colonel Alexander Macomb Mason";
- an of-phrase or a from-phrase naming a country or a place in one: "King Abdullah of
  Jordan", "Mother Teresa of Calcutta", "a businessman from Texas".

A demonym (the knowledge base's country adjectives, from Wikidata and PETRARCH2's country
dictionary) or a country there, joined to the name by the parse, gives the person that
country in place of the guess. A country the knowledge base or an office gave is not
touched; a stateless people ("Rohingya") is the refugee passes' business; a demonym inside
an organisation's name ("Organization of American States") or inside a larger word
("South American", "African-American", "pro-Russian", "Russian-born") says nothing of the
person's nationality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from whodid.knowledge.kb import state_country
from whodid.nlp.vocab import POSSESSIVE_MARKS

if TYPE_CHECKING:
    from whodid.actors.resolve import Resolver, _State

# how far before a name its title may reach ("U.S. Special Envoy to the Horn of Africa Ambassador")
TITLE_REACH = 12
# the prepositions that tie a person to a country: "King Abdullah of Jordan", "a trader from Texas"
ORIGIN_PREPOSITIONS = frozenset({"of", "from"})
# a hyphenated prefix that keeps a demonym a nationality ("an ex-Russian intelligence officer")
KEEPING_PREFIXES = frozenset({"ex"})
# entity labels of names a demonym may be a word of ("Organization of American States")
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})
# the dependencies inside one noun phrase, from a modifier up to the noun it describes
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "prep", "pobj", "appos"})
# the dependencies of a name inside its title ("Ambassador Mike Hammer", "Chief ..., Vargas")
NAME_DEPS = frozenset({"compound", "appos", "nmod", "amod"})
# the dependencies of a demonym that describes a noun ("a Zimbabwean national", "U.S. Envoy")
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# entity labels of proper nouns after "of" that are no place ("Jones of Reuters")
NOT_PLACES = frozenset({"ORG", "PERSON", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# mention kinds that name a person (not a pronoun or a nominal, whose words describe another)
NAMING = frozenset({"name", "surname", "fuzzy", "title"})


def stated_nationality(resolver: Resolver, st: _State) -> None:
    """Give the people whose country is a guess (or missing) the country the words around
    one of their names state; the first mention that states one decides."""
    decided: set[str] = set()
    for f in sorted(st.res.found, key=lambda f: f.start):
        actor = st.res.actors.get(f.actor)
        if actor is None or actor.kind != "person" or f.how not in NAMING or actor.id in decided:
            continue
        if actor.country and "country" not in actor.inferred:
            continue  # the knowledge base's or an office's country stands
        country = _stated(resolver, st, f.start, f.end, actor.id)
        if country is None:
            continue
        decided.add(actor.id)
        state_country(actor, country)


def _stated(resolver: Resolver, st: _State, start: int, end: int, aid: str) -> str | None:
    doc = st.doc
    span = doc[start:end]
    root = span.root
    sent = span.sent
    # 1. the title before the name, up to another person's name or the sentence's start
    lo = start
    while lo > max(sent.start, start - TITLE_REACH):
        other = st.at(lo - 1)
        if other is not None and other.actor != aid and st.res.actors[other.actor].kind == "person":
            break
        if doc[lo - 1].text in POSSESSIVE_MARKS:
            break  # "Jack Straw's Chinese counterpart": the possessor's title is not this one's
        lo -= 1
    allowed = set(range(lo, end))
    for t in reversed(doc[lo:start]):  # the nearest first
        if t.dep_ not in MODIFIER_DEPS:
            continue
        country = _demonym(resolver, st, t)
        if country and _joined(t, root, allowed):
            return country
    # 2. an apposition after the name ("Masuku, a ... Zimbabwean national")
    for c in root.children:
        if c.dep_ == "appos" and c.i >= end and _describing(resolver, st, c, aid):
            country = _described(resolver, st, c)
            if country:
                return country
    # 3. the noun the name is in apposition to ("an American geologist, L.H. Mitchell")
    if root.dep_ == "appos" and root.head.i < start and _describing(resolver, st, root.head, aid):
        country = _described(resolver, st, root.head)
        if country:
            return country
    # 4. "King Abdullah of Jordan"
    return _origin(resolver, st, root)


def _describing(resolver: Resolver, st: _State, noun: Token, aid: str) -> bool:
    """Is ``noun``, in apposition to a name, a description of that person: a common noun
    ("a Zimbabwean national") or a demonym ("another American"), not another name in a list
    ("Israeli Prime Minister Yair Lapid, Emirati leader Sheikh Mohamed bin Zayed") or a place
    ("the German armies in Turkey, Friedrich von Wrangel")?"""
    found = st.at(noun.i)
    if found is not None and found.actor != aid and st.res.actors[found.actor].kind in ("person", "country"):
        return False
    return noun.pos_ == "NOUN" or resolver.adjective_country(noun.text) is not None


def _described(resolver: Resolver, st: _State, noun: Token) -> str | None:
    """The country a describing noun phrase states: a demonym before or as its noun ("a
    Zimbabwean national", "another American"), else an origin after it."""
    words = [t for t in noun.subtree if t.i <= noun.i and (t.i == noun.i or t.dep_ in MODIFIER_DEPS | {"poss"})]
    for t in words:
        country = _demonym(resolver, st, t)
        if country:
            return country
    return _origin(resolver, st, noun)


def _origin(resolver: Resolver, st: _State, head: Token) -> str | None:
    """The country of an of- or from-phrase on ``head`` that names a country or a place."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ORIGIN_PREPOSITIONS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            found = st.at(obj.i)
            actor = st.res.actors.get(found.actor) if found is not None else None
            if actor is not None:
                if actor.kind == "country" and actor.country in resolver.kb.countries:
                    return actor.country
                continue  # an organisation or a person ("head of the IAEA"): not a nationality
            if obj.pos_ == "PROPN" and obj.ent_type_ not in NOT_PLACES:
                # a place by the gazetteer, whatever spaCy's label ("Calcutta" tagged PRODUCT)
                words = [t for t in obj.subtree if t.pos_ == "PROPN" and t.i <= obj.i]
                gaz = st.gazetteer()
                country = gaz.country_of_place(" ".join(t.text for t in words)) if gaz is not None else None
                if country and country in resolver.kb.countries:
                    return country
    return None


def _demonym(resolver: Resolver, st: _State, t: Token) -> str | None:
    """The country ``t`` names as a demonym or a country's name, when it is a word of its own
    and not of an organisation's name."""
    doc = st.doc
    if not t.text[:1].isupper():
        return None
    found = st.at(t.i)
    actor = st.res.actors.get(found.actor) if found is not None else None
    country = resolver.adjective_country(t.text)
    if country is None and actor is not None and actor.kind == "country" and found.end - found.start == 1:
        country = actor.country  # "U.S." read as the country's name
    if country is None or resolver.kb.peoples.get(t.text):
        return None
    if actor is not None and actor.kind != "country" and actor.country != country:
        return None  # a word of a body's name ("American Airlines"); a state body of that country agrees
    if actor is None and t.ent_type_ in NAME_LABELS:
        return None
    if t.i > t.sent.start:
        prev = doc[t.i - 1]
        prefix = _hyphen_prefix(doc, t.i)
        if prefix is not None and prefix.lower_ not in KEEPING_PREFIXES:
            return None  # "pro-Russian", "African-American", "Palestinian-American" (its first part speaks)
        if prev.text[:1].isupper() and prev.pos_ in ("PROPN", "ADJ") and t.i - 1 > t.sent.start \
                and resolver.adjective_country(prev.text) is None and st.at(prev.i) is None:
            return None  # "South American", "Latin American"
    if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ and doc[t.i + 2].text.islower():
        return None  # "Russian-born", "British-based"
    return country


def stance_prefixed(doc, k: int) -> bool:
    """Is the demonym at ``k`` the end of a word with a lower-case prefix that makes it a
    stance or a time, not a nationality ("pro-Russian", "anti-American", "post-Soviet"; not
    "ex-Russian")?"""
    prefix = _hyphen_prefix(doc, k)
    return prefix is not None and prefix.text.islower() and prefix.lower_ not in KEEPING_PREFIXES


def _hyphen_prefix(doc, k: int) -> Token | None:
    """The word joined by a hyphen before the word at ``k`` ("pro" of "pro-Russian"), if any."""
    return doc[k - 2] if k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ else None


def _joined(a: Token, b: Token, allowed: set[int]) -> bool:
    """Is the modifier ``a`` a word of the title of the name whose head is ``b``: joined to it
    in the parse through tokens of ``allowed`` only, as words of one noun phrase ("U.S.
    Special Envoy to the Horn of Africa Ambassador Mike Hammer"), not through a clause or a
    conjunct ("sanctioned by the US - and Alibaba Cloud", "accounts in Switzerland for X")?"""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    seen = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in seen:
            a_side, b_side = up_a[:k], up_b[:seen[t.i]]
            if not all(x.i in allowed for x in a_side + b_side + [t]):
                return False
            return all(x.dep_ in PHRASE_DEPS for x in a_side) and all(_title_step(x) for x in b_side)
    return False


def _title_step(x: Token) -> bool:
    """A step up from a name to the title it is part of: a compound or an apposition, or the
    object of a preposition inside a capitalised title ("Envoy to the Horn of Africa")."""
    if x.dep_ in NAME_DEPS:
        return True
    if x.dep_ == "pobj" and x.head.dep_ == "prep":
        return x.head.head.text[:1].isupper()
    return x.dep_ == "prep" and x.head.text[:1].isupper()
