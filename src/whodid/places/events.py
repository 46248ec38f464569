"""Places for events: the place the text ties to each event.

In order: a place named in a prepositional phrase on the trigger or its clause's
verb ("met in Geneva", "the battle near Milove"); else a place that is the object
of a locative preposition on a word the trigger hangs from ("On Tuesday in Kyiv,
officials said troops attacked ...") or in the trigger's own clause ("held talks on
the conflict in Geneva"): a place in another clause ("who opposed the war in Iraq")
is another event's. An attack's direct object when it is a place ("shelled Kharkiv",
"violence has hit eastern Ethiopia"), and the antecedent of a "where" clause the trigger
sits in ("eastern Ethiopia, where a series of bomb attacks killed five") are the place too.
Otherwise no place: a country merely mentioned in the sentence is often the actor, not
where the event happened. Not a place either: a country after "on" (what an act aims at or is
about, "an arms embargo on China", save an attack's target) and a country's or an unlisted name
that modifies another noun (whose, not where: "outside the US embassy in Nairobi"); where the
trigger's own act went ("travelled to China", "invited him to Angola"; a visit excepted); a name the
actors stage read as a company or other body ("seized US$725 million from Xiaomi"); a place on a
noun inside another word's phrase that says who someone is ("called the decision by the Court of
Arbitration in The Hague illegal"). "Across the country" before any country is named is the
article's country, the one guess: the event is marked ``inferred`` ("place").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whodid.model import Analysis, Event, Mention, Place
from whodid.nlp import clause_head, token_at, tokens_in
from whodid.nlp.extensions import positions_of
from whodid.nlp.vocab import AREA_PREPOSITIONS, EVENT_LOCATION_PREPOSITIONS, LOCAL_BODIES, PLACE_NOUNS



def place_events(doc: Doc, analysis: Analysis, home: Place | None = None) -> None:
    """``home``: the country the article is about, for "across the country" before any country is
    named; an event placed by it is marked ``inferred`` ("place"), a guess from the article, not
    a place the text names."""
    located = [(m.start, m.end, place, place.geonames_id is not None or bool(place.country)
                or place.feature == "L.RGN") for place in analysis.places for m in place.mentions]
    if not located and home is None:
        return
    text = analysis.article.text  # doc.text would rebuild the whole text on every call
    bodies = _bodies(analysis)
    # a place the gazetteer lacks ("In Wiltshire, police arrested ...") is still where the event
    # happened when the model tags the name itself a place
    by_token = {token.i: (place, Mention(start, end, text[start:end]))
                for start, end, place, known in located for token in tokens_in(doc, start, end)
                if not (token.dep_ == "amod" and token.head.lemma_.lower() not in PLACE_NOUNS)
                and not (token.ent_type_ == "NORP" and token.dep_ != "amod")  # "killed two Palestinians": people
                and (known or (token.ent_type_ in UNLISTED_PLACE_LABELS and not _owned(doc, start, end)))
                and (start, end) not in bodies}
    _the_country(doc, text, located, by_token, home)
    refused: dict[int, set[str]] = {}  # per event, the places its own reading ruled out
    for event in analysis.events:
        trigger = token_at(doc, event.trigger.start)
        if trigger is None:
            continue
        head = clause_head(trigger)
        # where the clause's subject came from is not where a noun of its clause happened: "paid for
        # him to fly from a holiday in Egypt to official discussions" (the discussions are not in Egypt)
        found = _attached(trigger, by_token, event.type, trigger=trigger) \
            or _attached(head, by_token, event.type, origin=head.i == trigger.i, trigger=trigger)
        if found is None and event.type in ATTACK_TYPES:
            found = _attacked(trigger, by_token)
        if found is None and trigger.lemma_.lower() in VISIT_LEMMAS:
            found = _visited(trigger, by_token)
        if found is None:
            found = _where_clause(trigger, by_token)
        if found is None:
            found = _actor_home(trigger, by_token)
        if found is None:
            sentence = tokens_in(doc, event.sentence.start, event.sentence.end)
            governing = {trigger.i, *(a.i for a in trigger.ancestors)}
            own = clause_head(trigger)
            if own.dep_ == "prep" and own.head.i != own.i:
                own = clause_head(own.head)  # "including", "following" as prepositions head no clause of their own
            own = own.i
            candidates = [t for t in sentence if t.i in by_token and _locative_object(t, governing, own, trigger)]
            found = next((by_token[t.i] for t in candidates
                          if not _a_wars_country(t, by_token[t.i][0], governing)
                          and not _a_target(t, by_token[t.i][0], event.type)
                          and not _whose(t, *by_token[t.i])), None)
            refused[id(event)] = {by_token[t.i][0].name for t in candidates} - ({found[0].name} if found else set())
        if found is not None and _invaded(trigger, found[0]):
            refused.setdefault(id(event), set()).add(found[0].name)
            found = None
        if found is not None:
            _set_place(event, found[0].name, found[1], guessed=found[0] is home)
    _same_sentence_same_party(doc, analysis, refused)


# taking a whole country: the country is what the act is against (its recipient), not a place in it
INVASION_LEMMAS = frozenset({"invade", "invasion", "annex", "annexation"})


def _invaded(trigger: Token, place: Place) -> bool:
    """"Russia invaded Ukraine", "Russia's invasion and war crimes in Ukraine": an invasion of a
    whole country happened to the country, not at a place; a town or region invaded stays the
    place ("troops invaded Crimea")."""
    return trigger.lemma_.lower() in INVASION_LEMMAS and (place.feature or "") == "A.PCLI"


def _set_place(event: Event, place: str, mention: Mention, guessed: bool) -> None:
    """Give ``event`` its place; a place guessed from the article, not read in the sentence, is
    marked ``inferred``."""
    event.place, event.place_mention = place, mention
    if guessed and "place" not in event.inferred:
        event.inferred = [*event.inferred, "place"]


def _same_sentence_same_party(doc: Doc, analysis: Analysis, refused: dict[int, set[str]]) -> None:
    """An event the text places nowhere, told in the sentence of a placed event, happened there too
    when the two share the actor ("Police fired tear gas at protesters in Nairobi before police
    arrested dozens of them") or the recipient ("will remain under house arrest in the United States,
    having been released on a bond"), or share a party on opposite sides and one is told inside the
    other's clause ("Turkey arrested eight people accused of planning attacks against Israelis in the
    country"). Parties are needed: a place of another clause with other parties stays that event's
    ("who opposed the war in Iraq"); so is the nesting for parties on opposite sides: "Russian forces
    attacked Kharkiv, and Ukraine threatened to strike back" (the threat is not in Kharkiv). Nor does
    an event take a place its own reading ruled out (``refused``, by event id): "Germany and France
    condemned Russia's war in Ukraine" (a war's country). (On the development gold: actors only 828
    of 974 right; with these 831.)"""
    placed = [e for e in analysis.events if e.place]
    for event in analysis.events:
        if event.place is None:
            same = next((e for e in placed if e.sentence.start == event.sentence.start
                         and e.place not in refused.get(id(event), ()) and _share_a_party(doc, event, e)), None)
            if same is not None:
                _set_place(event, same.place, same.place_mention, guessed="place" in same.inferred)


def _share_a_party(doc: Doc, event: Event, other: Event) -> bool:
    if set(event.actor) & set(other.actor) or set(event.recipient) & set(other.recipient):
        return True
    if not (set(event.actor) | set(event.recipient)) & (set(other.actor) | set(other.recipient)):
        return False
    one, two = token_at(doc, event.trigger.start), token_at(doc, other.trigger.start)
    return one is not None and two is not None and (_inside(one, two) or _inside(two, one))


def _inside(word: Token, top: Token) -> bool:
    """``word`` is told inside ``top``'s clause: under it, and not by a clause joined to it ("attacked
    Kharkiv, and Ukraine threatened")."""
    while word.i != top.i:
        if word.head.i == word.i or (word.dep_ == "conj" and word.head.i == top.i):
            return False
        word = word.head
    return True


UNLISTED_PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCAL_FEATURES = ("P.", "A.ADM2", "A.ADM3")
# bodies that act where they sit: "a Shanghai court", "Roselle police" (not "Texas officials")
SEATED_BODIES = LOCAL_BODIES | {"court", "courts", "tribunal", "prosecutors", "officers", "detectives", "deputies"}


def _actor_home(trigger: Token, by_token: dict[int, tuple[Place, Mention]]) -> tuple[Place, Mention] | None:
    """A town named in the acting body's own name: "A Shanghai court sentenced ...", "arrested
    by Shanghai police", "..., the Shanghai court said". A local body acts where it sits; a country
    before it says whose it is, not where it acted ("U.S. officials said")."""
    for word in (trigger, *trigger.ancestors):
        for child in word.children:
            actor = child
            if child.dep_ == "agent":
                actor = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if actor is None or actor.lower_ not in SEATED_BODIES:
                continue
            for token in actor.children:
                if token.dep_ == "compound" and token.i in by_token \
                        and (by_token[token.i][0].feature or "").startswith(LOCAL_FEATURES):
                    return by_token[token.i]
    return None


def _the_country(doc: Doc, text: str, located: list, by_token: dict, home: Place | None = None) -> None:
    """"in the country" names the country the text named last before it ("Police in Kenya said gunmen
    attacked three villages in the country"): the bare noun, after "in", "across",
    "throughout" or "inside", with no word of its own that makes it another ("the country's south").
    Before any country is named ("Protests spread across the country on Monday" in a story the
    dateline or its actors place in Kenya), the article's country, ``home``, when there is one."""
    # (the country's own name, not a people: "Turkey arrested men plotting against Israelis in the
    # country" is Turkey's)
    countries = sorted((start, place) for start, _, place, _ in located if place.feature == "A.PCLI"
                       and (token := token_at(doc, start)) is not None and token.ent_type_ != "NORP")
    if not countries and home is None:
        return
    for i in positions_of(doc, "country"):
        token = doc[i]
        if token.dep_ == "pobj" and token.head.lower_ in AREA_PREPOSITIONS \
                and [c.lower_ for c in token.children] == ["the"] and token.head.head.lower_ != "from":
            before = [place for start, place in countries if start < token.idx]
            if before or home is not None:
                start = token.idx - 4
                by_token[token.i] = (before[-1] if before else home,
                                     Mention(start, token.idx + len(token.text), text[start:token.idx + len(token.text)]))


def _owned(doc: Doc, start: int, end: int) -> bool:
    """A name with an owner is the owner's thing, not a place: "GMTV's Sunday Programme"."""
    return any(child.dep_ == "poss" for token in tokens_in(doc, start, end) for child in token.children
               if not start <= child.idx < end)
ATTACK_TYPES = ("ASSAULT", "FIGHT")  # PLOVER 2.0 and 0.5 names for violence against a target


# verbs whose object is where the act took place: "visited New Delhi and met ..."
VISIT_LEMMAS = frozenset({"visit", "tour"})


def _visited(trigger: Token, by_token: dict[int, tuple[Place, Mention]]) -> tuple[Place, Mention] | None:
    """The one place a visit verb takes as its object: "visited New Delhi". A tour of several
    ("visited Colombia, Ecuador, and Panama") or of a continent or region ("has visited Latin America
    11 times") has no one place."""
    if trigger.pos_ != "VERB":
        return None
    for obj in trigger.children:
        if obj.dep_ in ("dobj", "obj") and obj.i in by_token and not any(c.dep_ == "conj" for c in obj.children) \
                and not (by_token[obj.i][0].feature or "").startswith("L."):
            return by_token[obj.i]
    return None


def _attacked(trigger: Token, by_token: dict[int, tuple[Place, Mention]]) -> tuple[Place, Mention] | None:
    """The place an attack verb takes as its object: "shelled Kharkiv", "struck a village near Izium"."""
    if trigger.pos_ != "VERB":
        return None  # "attacks on minorities ... said": the clause's verb is another event's
    for obj in trigger.children:
        if obj.dep_ in ("dobj", "obj"):
            for token in obj.subtree:
                if token.i in by_token:
                    return by_token[token.i]
    return None


def _where_clause(trigger: Token, by_token: dict[int, tuple[Place, Mention]]) -> tuple[Place, Mention] | None:
    """The place a "where" clause holding the trigger hangs from: "eastern Ethiopia, where a series
    of bomb attacks killed five"."""
    verb = clause_head(trigger)
    for _ in range(3):  # the trigger's clause, or one or two clauses up
        if verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
            inside = {t.i for t in verb.subtree}
            for token in verb.head.subtree:
                if token.i in by_token and token.i not in inside:
                    return by_token[token.i]
            return None
        if verb.head.i == verb.i:
            return None
        verb = clause_head(verb.head)
    return None


def _attached(head: Token, by_token: dict[int, tuple[Place, Mention]], kind: str = "",
              origin: bool = True, trigger: Token | None = None) -> tuple[Place, Mention] | None:
    """A place in a locative prepositional phrase hanging from ``head`` (of an event of type ``kind``);
    ``origin``: also one after "from"; not where the ``trigger`` itself went (``_destination``)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in EVENT_LOCATION_PREPOSITIONS and (origin or prep.lower_ != "from") \
                and not (trigger is not None and _destination(prep, trigger)):
            for token in prep.subtree:
                if token.i in by_token and _object_of(token, prep) and not _a_target(token, by_token[token.i][0], kind) \
                        and not _whose(token, *by_token[token.i]):
                    return by_token[token.i]
    return None


def _whose(token: Token, place: Place, mention: Mention) -> bool:
    """A country's name that modifies another noun says whose the thing is, not where the event
    was: "rallied outside the US embassy in Nairobi" (the embassy is the United States', the
    rally in Nairobi); so does a name the gazetteer lacks ("requests from Okinawan officials":
    an adjective the model tagged a place); a place noun keeps it ("on the Lebanese border")."""
    if place.feature != "A.PCLI" and (place.geonames_id is not None or place.country or place.feature):
        return False
    while mention.start <= token.head.idx < mention.end and token.head.i != token.i:
        token = token.head  # to the name's last word ("the Czech Republic")
    head = token.head
    return token.dep_ in ("compound", "amod", "nmod") and not mention.start <= head.idx < mention.end \
        and head.lower_ not in PLACE_NOUNS and head.pos_ in ("NOUN", "PROPN")


def _a_target(token: Token, place: Place, kind: str) -> bool:
    """A country or a continent after "on" is what an act aims at or is about, not where it
    happened: "an arms embargo on China", "sanctions on Russia", "his views on Europe" (one stands
    in a country, not on it); an attack's target is still its place ("the assault on Ukraine")."""
    while token.dep_ in ("compound", "amod", "flat", "appos", "conj", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "on" and kind not in ATTACK_TYPES \
        and (place.feature or "") in COUNTRY_FEATURES


def _object_of(token: Token, prep: Token) -> bool:
    """The place is what the preposition governs ("in Geneva", "in eastern Ukraine", "at the
    Quds headquarters in southeast Iran", "in the town of Nikopol"), not a word deeper in its
    phrase ("on a range of issues pertaining to Iran's foreign policy", "to the citizens of Sri Lanka")."""
    while token.i != prep.i:
        if token.dep_ == "pobj" and token.head.i == prep.i:
            return True
        if token.dep_ in ("compound", "amod", "flat", "appos", "conj", "nmod", "cc") or _a_sites_owner(token):
            token = token.head
        elif token.dep_ == "pobj" and (token.head.lower_ in EVENT_LOCATION_PREPOSITIONS
                                       or (token.head.lower_ == "of" and token.head.head.lower_ in PLACE_NOUNS)):
            token = token.head.head  # "at the headquarters in Iran", "the town of Nikopol"
        else:
            return False
    return False


# a war's country is the war's place, not that of an event about the war: "MAB, which opposed the war in
# Iraq, urged ...", "to protest Russia's war in Ukraine"
WAR_NOUNS = frozenset({"war", "wars", "conflict", "invasion", "occupation", "fighting"})
COUNTRY_FEATURES = ("A.PCLI", "L.RGN", "L.CONT")


def _a_wars_country(token: Token, place: Place, governing: set[int]) -> bool:
    while token.dep_ in ("compound", "amod", "flat", "appos", "conj", "nmod") and token.head.i != token.i:
        token = token.head
    noun = token.head.head
    return token.dep_ == "pobj" and noun.i not in governing and noun.lower_ in WAR_NOUNS \
        and (place.feature or "") in COUNTRY_FEATURES


def _locative_object(token: Token, governing: set[int], own: int, trigger: Token | None = None) -> bool:
    """The token sits in the object of a locative preposition hanging from a ``governing`` word
    or a word of the trigger's own clause (whose verb is ``own``). Where a governing verb's subject
    came from or went is not where the ``trigger`` under it happened ("escaped to the Maldives
    after protesters stormed his residence"), save the destination of a purpose ("travelled to
    Beijing to meet Xi")."""
    while (token.dep_ in ("compound", "amod", "flat", "appos", "conj", "nmod") or _a_sites_owner(token)) \
            and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in EVENT_LOCATION_PREPOSITIONS:
        return False
    if prep.head.i in governing:
        if trigger is not None and _destination(prep, trigger):
            return False
        return trigger is None or prep.head.i == trigger.i or prep.lower_ not in PATH_PREPOSITIONS \
            or (prep.lower_ != "from" and _purpose_of(trigger, prep.head))
    return clause_head(prep.head).i == own and prep.lower_ not in PATH_PREPOSITIONS and not _described(prep.head, trigger) \
        and not _on_the_way(prep.head, trigger)


def _on_the_way(word: Token, trigger: Token | None) -> bool:
    """``word`` lies in a phrase saying where someone came from or went, on a word other than the
    ``trigger``: "to fly from a holiday in Egypt to official discussions" (not where the discussions were)."""
    while word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head.i != word.head.i:
        prep = word.head
        if prep.lower_ in PATH_PREPOSITIONS and (trigger is None or prep.head.i != trigger.i):
            return True
        word = prep.head
    return False


def _purpose_of(trigger: Token, verb: Token) -> bool:
    """The trigger's clause is what ``verb`` (one of its heads) was done for: an infinitive or a
    bare complement ("went to Kyiv to meet", "flew to Geneva for talks"), through clauses and
    phrases of that kind and verbs joined to them ("to meet Xi and sign a deal") only; a verb joined
    to a noun is no purpose ("our commitment to the Kaska or working with their communities")."""
    token = trigger
    while token.i != verb.i:
        if token.dep_ in ("xcomp", "pobj", "dobj", "compound", "amod") \
                or (token.dep_ == "conj" and token.pos_ == token.head.pos_ == "VERB") \
                or (token.dep_ == "prep" and token.lower_ == "for"):
            pass
        elif token.dep_ in ("advcl", "acl", "relcl", "ccomp"):
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                return False
        else:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


# on a noun, these say where someone comes from or goes ("the group, from South Wales"), not where
# the event happened; on the event's own verb they still place it ("fled from Kyiv")
PATH_PREPOSITIONS = ("from", "to", "into")


def _destination(prep: Token, trigger: Token) -> bool:
    """Where the trigger's own act sent someone or something is not where the act happened:
    "travelled to China", "a trip to Israel", "invited him to Angola", "the expulsion to Costa Rica
    of nuns", "pouring resources into South America"; a visit is where it went ("his visit to
    South Korea", ``VISIT_LEMMAS``)."""
    return prep.head.i == trigger.i and prep.lower_ in ("to", "into") and trigger.lemma_.lower() not in VISIT_LEMMAS


def _bodies(analysis: Analysis) -> set[tuple[int, int]]:
    """The spans the actors stage read as a company, party or other organisation: a name the
    gazetteer also lists as a town is the body, not where the event happened ("seized US$725 million
    from Xiaomi"). A government named by its capital ("Beijing said") stays a place."""
    return {(m.start, m.end) for actor in analysis.actors if actor.kind == "organization" and actor.sector != "GOV"
            for m in actor.mentions}


def _a_sites_owner(token: Token) -> bool:
    """A place that owns a named site is where the site is: "at Gateshead's Sage Centre"."""
    return token.dep_ == "poss" and token.head.pos_ == "PROPN" and token.head.i != token.i


# prepositions of time: the event a noun after them names frames the trigger, its place is the trigger's
# ("killed two Palestinians during an overnight raid in the West Bank")
FRAMING_PREPOSITIONS = frozenset({"during", "after", "before", "amid", "following", "since", "until", "despite"})


def _described(word: Token, trigger: Token | None) -> bool:
    """``word`` (a noun that a locative phrase hangs from) is the object of a preposition, not a
    locative or a framing one, on a word other than the ``trigger``: the phrase says who or what
    someone or something is, not where the event was ("called that decision by the Court of
    Arbitration in The Hague illegal", "the key to success for the Women's Forum in Peru"). On the
    trigger itself it names the event's parties, who are where it happened ("a meeting between him
    and an agent in Latvia"). (Also lost: "file a complaint with the Constitutional Court in
    Bangui", where the court is the complaint's.)"""
    while word.dep_ in ("compound", "amod", "flat", "appos", "conj", "nmod") and word.head.i != word.i:
        word = word.head
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ in EVENT_LOCATION_PREPOSITIONS or prep.lower_ in FRAMING_PREPOSITIONS:
        return False
    return trigger is None or prep.head.i != trigger.i
