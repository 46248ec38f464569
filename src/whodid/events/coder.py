"""Clause -> event: trigger match, actor and recipient roles, modality, recoding.

For each trigger the lexicon's dependency matcher finds (see ``lexicon``, ``nlp.treematch``):

1. roles from the parse. A verb's actor is its subject (a passive verb's by-agent,
   with the subject as recipient; an infinitive's controller: "he was willing to
   meet" -> he; "urged Russia to leave" -> Russia); its recipient the direct object,
   dative or a prepositional target ("meet with Putin", "pull out of Ukraine").
   An event noun's actor is its possessor or modifier ("Russia's invasion", "US
   sanctions"), a by-phrase, or the subject of a support verb ("launched an
   attack", "held talks"); its recipient an of/on/against phrase. Each role head
   and its conjuncts ("Biden and Macron") is tied to the actor whose mention in
   ``analysis.actors`` covers it.
2. governing events: "refused to meet", "urged Russia to withdraw", "promised to
   send aid" are one event, coded from the governor and its complement (REJECT
   125, REQUEST 1056, AGREE 033).
3. modality (``modality.analyse``) and PLOVER's recoding rules: intended
   cooperation is AGREE (intended RETREAT is CONCEDE); a negated intent ("would not
   leave", "is not willing to meet") is a refusal, REJECT; an obligation stated by
   someone ("the only way is for Putin to withdraw") is that speaker's REQUEST.
4. reported_by: the speaker of the innermost quote or reported clause around the
   trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from whodid.knowledge.lexicon import Entry, Lexicon, Pattern, load_scores
from whodid.events import background, context, nonevents
from whodid.events.criticism import cue_is
from whodid.events.modality import Modal, analyse, modality, predicate_chain
from whodid.events.senses import Senses, controlled_object, controlling_verb, role_words, shared_noun_phrases
from whodid.model import SAID_KINDS, Analysis, Event, Mention, Quote, Offsets
from whodid.nlp.extensions import positions_in, span_at, text_of
from whodid.nlp.vocab import AREA_PREPOSITIONS as _AREA_PREPS
from whodid.nlp.vocab import DEFINITE_DETERMINERS, FIRST_PERSON, PARTITIVE_PREPOSITIONS, PARTITIVE_QUANTIFIERS, PLACE_NOUNS, RELATIONAL_NOUNS

_RECIPIENT_PREPS = {"with", "to", "against", "on", "upon", "from", "into", "at", "toward", "towards", "out", "onto", "behind"}
_NOUN_RECIPIENT_PREPS = {"on", "against", "with", "into", "upon", "toward", "towards", "onto", "to"}
# the meeting a statement was made at: "said in a meeting with", "speaking during talks with"
_MEETING_PREPS = {"in", "at", "during"}
# being at a meeting, going to it, or asked to it: "is at a summit", "arrives for talks", "flew to
# official discussions", "invited to the discussion" (CAMEO 04x is the meeting of those there)
_ATTENDING_PREPS = {"at", "for", "to"}
_ATTENDING_VERBS = {"be", "arrive", "fly", "travel", "go", "come", "head", "return", "invite", "attend"}
_ASKED_THERE_VERBS = {"invite"}
# an act claimed as one's own: "claimed responsibility for the attack", "took credit for the bombing"
_RESPONSIBILITY_NOUNS = {"responsibility", "credit"}
_CLAIMING_VERBS = {"claim", "take", "accept", "assume", "admit", "acknowledge"}
_BACKGROUND_PREPS = {"after", "before", "since", "during", "following", "amid", "amidst", "despite", "like"}
_ARMED_SECTORS = {"MIL", "REB", "INS", "PMC", "SEP", "UAF", "MIL-", "POL", "SPY"}
_PRONOUN_TAGS = {"PRP", "PRP$", "WP", "WP$"}
# sectors that make an actor political whatever the words it is named by
_POLITICAL_SECTORS = _ARMED_SECTORS | {"GOV", "LEG", "JUD", "OPP", "PTY", "IGO", "COP"}
_SUBJ = ("nsubj", "csubj")
# verbs that say what state the subject is in: a participle after them is no act ("feels betrayed")
_LINKING_VERBS = {"feel", "seem", "look", "appear", "sound", "remain"}
# symmetric acts whose parties a later mention with none named may share ("talks will resume")
_MEETING_TYPES = {"CONSULT", "AGREE"}
# acts aimed at another's act, which a definite noun may tell again ("welcomed the move")
_RETELLING_TYPES = {"SUPPORT", "REJECT"}
_COOPERATIVE_INTENT = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# planned (not offered or agreed) concessions stay CONCEDE (PLOVER 2.0 manual); a planned
# retreat ("Israel will evacuate the settlements") stays AGREE, as the PLOVER gold records code it
_ANNOUNCED_CONCESSIONS = {"CONCEDE"}
# material conflict: intended, it is a threat (PLOVER 2.0 manual, "special cases":
# THREATEN is ASSAULT + hypothetical, and one event type is coded, not type + mode)
_CONFLICT_INTENT = {"SANCTION", "COERCE", "ASSAULT", "PROTEST"}
# actions done *in* a place to the people there ("lifted the curfew in Montenegro",
# "deployed troops in Iraq"): the place is the recipient when nothing else is
_AREA_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "CONCEDE", "SANCTION", "PROTEST", "RETREAT"}
_SUPPORT_VERB_PREPS = {"against", "on", "with", "to", "toward", "towards", "between"}
# the verb that delivers an event noun to someone: "submitted his resignation to the Crown Prince"
_DELIVERY_PREPS = {"to", "against", "toward", "towards"}
# "forces in Guinea", "students throughout Indonesia", "doctors from American aid groups"
_LOCATED_PREPS = ("in", "throughout", "inside")
# an event noun's "from" phrase is who made it ("an appeal from Gbagbo", "demands
# from UNITA"); for movements ("withdrawal from Ukraine") it is the place left
_FROM_IS_ACTOR = {"REQUEST", "AGREE", "SUPPORT", "THREATEN", "ACCUSE", "REJECT", "CONSULT", "AID"}
# what an accusation or complaint is about: "complained over Israeli air raids"
_ACCUSE_TOPIC_PREPS = {"over", "about"}
# backing and aid are given *for* someone: "expressed support for Morocco's plan", "aid for Ukraine"
_FOR_IS_RECIPIENT = {"SUPPORT", "AID"}
# an event noun received from someone: "received a request from France"
_RECEIVING_VERBS = {"receive", "get", "obtain"}
# "were involved in talks", "is engaged in negotiations": the passive subject takes part in the act
_PARTAKING_VERBS = {"involve", "engage"}
# an act done "at the request of", "on the orders of", "due to instructions from" someone
_AT_REQUEST_PREPS = {"at", "on", "upon", "under", "following", "due", "owing"}
# "boycott contact with X", "suspend talks with X": cutting an exchange is aimed at its other party
_HOSTILE_TO_EXCHANGE = {"THREATEN", "REJECT", "SANCTION", "PROTEST"}
_EXCHANGES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID"}
# acts done with someone rather than to them: "discussed the plan with X", "shared data with X"
_SYMMETRIC_EXCHANGES = {"AGREE", "CONSULT", "COOPERATE"}
# criticism and praise of a deed are aimed at its doer
_JUDGING = {"ACCUSE", "SUPPORT"}
# verbs the modality and quote rules read (reports, beliefs, intents, control): no
# event of their own from a verb dictionary
_NOT_EVENT_VERB_MARKERS = ("belief_verbs", "denial_verbs", "intent_verbs", "implicative_verbs", "report_verbs",
                           "object_control_verbs", "enacting_verbs", "negative_implicative_verbs")
# singular nouns for a body of people that a place phrase locates ("the army in Iraq")
_GROUP_NOUNS = frozenset({"army", "military", "police", "force", "militia", "government", "opposition", "authority",
                          "administration", "regime", "coalition", "community", "population", "public", "group",
                          "movement", "party", "union", "navy", "guard", "embassy", "mission", "delegation"})
# harm done to someone: a noun of it may name its sufferer only through a verb or a "victim"
_HARM_TYPES = {"COERCE", "ASSAULT"}
# (not "face", "sustain", "experience": "faces an uphill battle", "sustain naval combat")
_UNDERGOING_VERBS = {"suffer", "endure", "undergo", "withstand"}
_VICTIM_NOUNS = {"victim", "target"}
# "faces charges", "facing the threat of arrest", "faces sanctions": the one who faces a measure
# or a charge is the one it is aimed at (not harm: "faces an uphill battle" is no attack)
_FACING_VERBS = {"face", "confront"}
_FACED_TYPES = {"THREATEN", "SANCTION", "ACCUSE", "COERCE"}
# "rejected repeated requests from Okinawan officials", "their request was turned down by the
# Speaker", "granted the demand": the one who answers a request is the one it was made to
_ANSWERING_VERBS = {"reject", "refuse", "deny", "decline", "dismiss", "ignore", "accept", "grant", "approve",
                    "heed", "answer", "consider", "receive"}
# the people a harm noun's modifier names as the harmed, not the harmer
_HARMED_SECTORS = {"CVL", "REF", "EDU", "MED", "LAB"}
# the one asked by a preposition: "called on Putin to", "appealed to the UN to", "pleaded with him to"
_ASKED_PREPS = {"on", "upon", "to", "with"}
_RESPONSE_WORDS = {"ask", "respond", "response", "reply", "answer", "react", "reaction"}
# what a response can answer that makes it a rebuttal (the lexicon's REJECT "responding to ...")
_CHARGES = {"accusation", "allegation", "charge", "claim", "criticism", "challenge", "attack", "complaint"}
# speech acts a refusal answers ("denied the allegations", "rejected calls for ...")
_ANSWERABLE = {"ACCUSE", "REQUEST"}
# a gerund after a verb's object and one of these is the object's act: "accused India OF
# shelling", "warned Hamas AGAINST attacking", "prevented the opposition FROM marching", "blamed
# the rebels FOR attacking", "charged him WITH killing" (not "by": "hit back by accusing" is
# the subject's means)
_CONTROLLED_GERUND_PREPS = {"of", "for", "against", "from", "with"}

# PROTEST modes done by a crowd (PLOVER 2.0: demonstrate, riot, strike), whose event noun is an
# event even when the sentence names no one: the crowd is the people of the place
CROWD_MODES = {"demo", "riot", "strike"}


def _crowd_act(t) -> bool:
    """A protest noun that tells a protest of its own: not a word modifying another ("a protest
    vote", "read the riot act"), not a manner ("boycott parliament in protest"), not a protest
    told before ("the protests", "Monday's rally": a re-mention names its crowd where first told)."""
    if t.dep_ in ("compound", "amod", "nmod"):
        return False
    if t.head.lower_ == "in" and t.dep_ == "pobj" and not any(c.dep_ == "det" for c in t.children):
        return False
    return not any((c.dep_ == "det" and (c.lower_ in DEFINITE_DETERMINERS or c.lower_ == "such"))
                   or (c.dep_ == "poss" and (c.ent_type_ in ("DATE", "TIME") or c.pos_ == "PRON"))
                   for c in t.children)


@dataclass
class Participant:
    actor: str
    mention: Mention
    pronoun: bool
    direct: bool  # the role word itself is the mention (not a modifier of it)
    # the country of a group the text places but does not identify ("rebels in Mali" -> MLI):
    # read by location, so the event lists the role as inferred
    located: bool = False


@dataclass
class Frame:
    token: Token
    pattern: Pattern
    tokens: list[int]
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    has_object: bool = False
    complement: bool = False  # governs another event ("agreed to cooperate")
    place_target: bool = False  # the object is a named place ("attacked Kyiv")
    anchored: bool = False  # a noun that a support/occurrence verb makes an event
    modal: Modal = field(default_factory=Modal)
    type: str = ""
    cameo: str | None = None
    mode: str | None = None
    reported_by: str | None = None
    speakers: list[Participant] = field(default_factory=list)
    penalty: float = 0.0
    drop: str = ""  # why the frame is no event of its own (empty: it may be one)
    void: bool = False  # a statement without substance: it and what it says are no event
    vowed: bool = False  # the complement of an explicit promise ("have sworn to fight")
    # "denied the allegations", "rejected calls to pause": the type of the earlier speech act
    # whose maker the refusal answers, when the text names the maker elsewhere
    answers: str | None = None
    governor: Frame | None = None

    @property
    def entry(self) -> Entry:
        return self.pattern.entry

    @property
    def noun(self) -> bool:
        return self.pattern.noun


# the authorities whose announcement of an act told in the passive is their own act
_ANNOUNCING_SECTORS = {"GOV", "COP", "JUD", "MIL"}


def _indirect(parties: list[Participant]) -> list[Participant]:
    """``parties`` marked as reached through another word (an apposition, a "for"-phrase), not named."""
    for x in parties:
        x.direct = False
    return parties


class ActorIndex:
    """Token -> the actor whose mention covers it (the longest such mention)."""

    def __init__(self, analysis: Analysis):
        self.events: set[int] = set()  # trigger tokens: their of-phrase is a role, not a partitive
        # event nouns' own actors: "rejected [Annan's calls]" -> Annan, "the attack killed" -> its attacker
        self.noun_actors: dict[int, list[Participant]] = {}
        self.spans: list[tuple[int, int, str, Mention]] = []
        self.spoken: set[int] = set()  # first-person pronouns read as the quotation's speaker
        self.direct: list[tuple[int, int]] = []  # direct quotations (character offsets)
        self.armed = {a.id for a in analysis.actors if (a.sector or "") in _ARMED_SECTORS}
        self.uncoded = {a.id for a in analysis.actors if not a.code}
        self.countryless = {a.id for a in analysis.actors if not a.country}  # "rebels (unnamed)"
        # actors the knowledge base does not know, named by a common noun or an unknown name
        # ("the police", "the National Audit Office"): as the only party, and a target at that,
        # they are too weak a sign that a word is a political event
        self.weak = {a.id for a in analysis.actors if a.id.startswith("org:") or (
            a.kind in ("group", "organization") and a.mentions and all(m.how in ("nominal", "unnamed", "document") for m in a.mentions))}
        # those of them the text gives a country ("French paper workers"): a party that can act
        self.placed = {a.id for a in analysis.actors if a.country and "country" not in a.inferred}
        # groups of no political kind that the text names only by a common noun ("people",
        # "teachers", "citizens"): they say who took part, not that something political happened
        self.generic = {a.id for a in analysis.actors if a.kind in ("group", "organization")
                        and (a.sector or "") not in _POLITICAL_SECTORS and a.mentions
                        and all(m.how in ("nominal", "unnamed", "document") for m in a.mentions)}
        self.kinds = {a.id: a.kind for a in analysis.actors}
        # counted plurals ("both sides", "the two countries") -> the parties they name together
        # (events.context; set by the coder)
        self.collective: dict[int, list[Participant]] = {}
        # people (and places) named by a singular noun ("the army in Iraq", "a village in Ukraine"):
        # set by the coder
        self.people: frozenset[str] = frozenset()
        self.sectors = {a.id: a.sector or "" for a in analysis.actors}
        self.dyad = _dyad_parties(analysis.actors)
        self.codes = {a.id: a.code for a in analysis.actors}
        for actor in analysis.actors:
            for m in actor.mentions:
                self.spans.append((m.start, m.end, actor.id, m))

    def country(self, actor_id: str) -> str:
        """The country part of an actor's code ("" when it has none)."""
        return (self.codes.get(actor_id) or "")[:3]

    def quoted_speakers(self, doc: Doc, quotes: list[Quote]) -> None:
        """"They will work with us," said the minister: a first-person pronoun that no actor
        covers, in a quotation whose speaker is known, is that speaker (the innermost
        quotation's; as the guidelines code "we" and "us": the speaker or the body it speaks
        for). Reported speech keeps its pronouns ("he said they would ...")."""
        self.direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        quoted = [q for q in quotes if q.speaker is not None and q.kind in ("direct", "partial")]
        if not quoted:
            return
        for i in positions_in(doc, FIRST_PERSON):
            t = doc[i]
            if not (t.pos_ == "PRON" or t.tag_ in _PRONOUN_TAGS):
                continue
            start, end = t.idx, t.idx + len(t.text)
            if any(s < end and start < e for s, e, _aid, _m in self.spans):
                continue
            q = _reporter(t, quoted)
            if q is not None:
                self.spans.append((start, end, q.speaker, Mention(start, end, t.text)))
                self.spoken.add(start)

    def quoted_other(self, t: Token) -> bool:
        """Is ``t`` a pronoun of someone other than the speaker inside a direct quotation
        ("'They attacked us,' she said": not she)?"""
        return t.lower_ not in FIRST_PERSON and any(s <= t.idx < e for s, e in self.direct)

    def at(self, t: Token) -> Participant | None:
        start, end = t.idx, t.idx + len(t.text)
        best = None
        for s, e, aid, m in self.spans:
            if s < end and start < e:
                if best is None or (e - s) > (best[1] - best[0]):
                    best = (s, e, aid, m)
        if best is None:
            return None
        # a speaker's "we" is as sure as the quotation's attribution: no pronoun guess
        pronoun = (t.tag_ in _PRONOUN_TAGS or t.pos_ == "PRON") and best[0] not in self.spoken
        return Participant(best[2], best[3], pronoun, True)

    def roles(self, t: Token, depth: int = 0) -> list[Participant]:
        """Actors for a role word and its conjuncts; when the word is not itself a
        mention, its possessor/modifier or of-phrase ("Ukraine's territory",
        "members of NATO")."""
        out: list[Participant] = []
        for w in (t, *t.conjuncts):
            r = self.at(w)
            if w.i in self.collective and (r is None or r.actor in {x.actor for x in self.collective[w.i]}):
                # "Both sides agreed", "the two governments": the parties told together just
                # before, as a pronoun names them (a mention of one of them is one of the two; a
                # mention of another, "the two main opposition parties", is who they are)
                out += [Participant(x.actor, x.mention, True, False) for x in self.collective[w.i]]
                continue
            if (r is None or r.actor in self.uncoded) and depth < 2:
                # "Kenzo Oshima, the United Nations coordinator, demanded": a person the
                # knowledge base has no code for is known by the apposition
                # likewise by a title before the name: "U.N. mediator Diego Cordovez"
                found = [x for c in w.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.pos_ == "NOUN")
                         for x in self.roles(c, depth + 1) if x.actor not in self.uncoded]
                if found:
                    out += _indirect(found)
                    continue
            if r is not None and r.actor in self.countryless and depth < 2:
                # "a spokesman for Michael Howard", "a spokeswoman for the Kenyan Foreign
                # Ministry": a speaker of no known country speaks for the party he is said to
                # speak for (the news-events gold codes him with its code)
                principal = [x for c in w.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                             for p in c.children if p.dep_ == "pobj"
                             for x in self.roles(p, depth + 1) if x.actor not in self.countryless]
                if principal:
                    out += _indirect(principal)
                    continue
            if r is not None:
                out.append(r)
                # "US and British forces": the first designator is a mention of its own
                for c in w.children:
                    if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
                        out += [x for x in (self.at(k) for k in (c, *c.conjuncts)) if x is not None and x.actor != r.actor]
                    # "the foreign ministers of Kenya and Uganda": the mention ends at the first
                    # country; the others of the phrase are parties too
                    if c.dep_ == "prep" and c.lower_ == "of":
                        out += [x for p in c.children if p.dep_ == "pobj" and p.conjuncts
                                for x in (self.at(k) for k in p.conjuncts)
                                if x is not None and x.actor != r.actor and _is_country(x.actor)]
                continue
            if w.i in self.events:
                out += [Participant(x.actor, x.mention, x.pronoun, False) for x in self.noun_actors.get(w.i, [])]
                continue
            if depth >= 2:
                continue
            found = False
            for c in w.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and not (
                        c.dep_ == "poss" and w.lemma_.lower() in RELATIONAL_NOUNS):
                    # (not "its neighbour", "his rivals": someone else)
                    r = self.at(c)
                    if r is not None:
                        r.direct = False
                        out.append(r)
                        found = True
            for c in w.children:
                # "an appeal from Gbagbo", "calls by Annan", "members of NATO", "a camp for refugees"
                # "many in his own party", "some within Labour": a part of the group in the phrase
                if c.dep_ == "prep" and (c.lower_ in ("of", "from", "by", "for") or (
                        c.lower_ in PARTITIVE_PREPOSITIONS and w.lower_ in PARTITIVE_QUANTIFIERS)) and not found:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for r in self.roles(p, depth + 1):
                                r.direct = False
                                out.append(r)
                                found = True
            if not found and _common_noun(w) and (w.tag_ in ("NNS", "NNPS") or w.pos_ == "PROPN"
                                                  or w.lemma_.lower() in self.people):
                # "security forces in Guinea": people of a place named after them (not a thing
                # done there: "opposed the war in Iraq" opposes no Iraqi)
                out += self._located(w)
        return out

    def _located(self, w: Token) -> list[Participant]:
        """The place a group noun is said to be in: "forces in Guinea", "students throughout Indonesia"."""
        out = []
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ in _LOCATED_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC"):
                        r = self.at(p)
                        if r is not None:
                            r.direct, r.located = False, True
                            out.append(r)
        return out

    def place(self, t: Token) -> list[Participant]:
        """Actors named as the place of ``t`` ("in Montenegro", "across Ukraine"), on it or its object."""
        out: list[Participant] = []
        heads = [t] + [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in _AREA_PREPS:
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        # "in Montenegro", "in Montenegro province"
                        for w in (p, *[k for k in p.children if k.dep_ == "compound"]):
                            r = self.at(w)
                            if r is not None and (w.ent_type_ in ("GPE", "LOC") or _is_country(r.actor)):
                                r.direct = False
                                out.append(r)
                                break
        return out


def _dyad_parties(actors) -> tuple[set[str], set[str]]:
    """The parties a verb dictionary's event may be coded between, as PETRARCH codes a source
    and a target from its actor dictionaries: those the text places in a country ("the
    parties", or "Archie's family" placed only by the article's country, are not), and of
    them the political ones (a state, or a political sector), one of which the event needs
    (news-events guidelines: "a company or a person counts only when it deals with a
    political actor")."""
    parties = {a.id for a in actors if a.country and "country" not in a.inferred}
    political = {a.id for a in actors if a.kind == "country" or (a.sector or "") in _POLITICAL_SECTORS}
    return parties, political


def _dyad(ids: list[str], parties: set[str], political: set[str]) -> bool:
    found = set(ids) & parties
    return len(found) >= 2 and bool(found & political)


def _common_noun(t: Token) -> bool:
    """A common noun, also when capitalised at the start of a sentence ("Rebels in ...")."""
    return t.pos_ == "NOUN" or (t.pos_ == "PROPN" and not t.ent_type_ and t.i == t.sent.start)


def _is_country(actor_id: str) -> bool:
    return len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper()


# what one agrees with, to or on: another's terms ("agreed to the OAS body", "agreed on a pact")
_ACCORD_PREPS = {"to", "on", "upon", "with", "over"}


def _accord(t: Token, pacts: frozenset[str] | set[str]) -> bool:
    """``t`` (a verb of agreeing) names what it agrees with, to or on, or an agreement or another's
    proposal its act is about ("agreed to extend the grain deal"; ``pacts``: those words), or is the
    agreement of a plural subject ("the two sides agreed to ...", "leaders agreed to ...")."""
    if any(c.dep_ == "prep" and c.lower_ in _ACCORD_PREPS for c in t.children):
        return True
    if any(o.lemma_.lower() in pacts for c in t.children if c.dep_ in ("xcomp", "ccomp")
           for o in c.children if o.dep_ in ("dobj", "nsubjpass")):
        return True
    subject = role_words("subject", t, [t.i], False)
    return any(w.tag_ in ("NNS", "NNPS") or w.conjuncts or w.lower_ in ("they", "we", "both") for w in subject)


def _dedupe(roles: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for r in roles:
        if r.actor not in seen or (seen[r.actor].pronoun and not r.pronoun):
            seen[r.actor] = r
    return list(seen.values())


class Coder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._matchers: dict[int, Any] = {}
        self.senses = Senses(lexicon)
        self.scores = load_scores()
        self._verb_exclude = frozenset().union(*(lexicon.marker(k) for k in _NOT_EVENT_VERB_MARKERS))
        self._people_words = frozenset().union(*(lexicon.classes.get(k, frozenset()) for k in ("people", "persons"))) \
            | _GROUP_NOUNS | PLACE_NOUNS
        # a list to collect why each candidate trigger gave no event of its own (None: not kept);
        # rows (character offset, word, entry, reason): ``scripts/events_dev.py score --trace``
        self.trace: list[tuple[int, str, str, str]] | None = None

    def note(self, t: Token, entry: Entry | None, why: str) -> None:
        """Trace that the candidate ``t`` (of ``entry``) gave no event of its own, and why."""
        if self.trace is not None:
            what = f"{entry.type} {entry.where.rsplit('/', 1)[-1]}" if entry is not None else "-"
            self.trace.append((t.idx, t.text, what, why))

    def _no(self, f: Frame, why: str) -> None:
        """No event from ``f``, for the reason ``why`` (traced)."""
        self.note(f.token, f.entry, why)
        return None

    def _matcher(self, doc: Doc):
        key = id(doc.vocab)
        if key not in self._matchers:
            self._matchers[key] = self.lex.matcher(doc.vocab)
        return self._matchers[key]

    # ------------------------------------------------------------------ matching
    def frames(self, doc: Doc, idx: ActorIndex) -> dict[int, Frame]:
        """One frame per trigger word: the sense (lexicon entry) the words around it
        select (see ``senses``), tried from the most specific match."""
        self.lex.mark_pejoratives(doc)
        candidates: dict[int, list[tuple[tuple, Pattern, list[int]]]] = {}
        for match_id, ids in self._matcher(doc)(doc):
            for pattern in self.lex.patterns_for(doc.vocab.strings[match_id], doc, ids):
                e = pattern.entry
                rank = (not e.fallback, pattern.size, bool(e.when), -e.index)
                candidates.setdefault(ids[0], []).append((rank, pattern, list(ids)))
        triggers = set(candidates)
        best: dict[int, Frame] = {}
        for i, found in candidates.items():
            t = doc[i]
            for _, pattern, ids in sorted(found, key=lambda c: c[0], reverse=True):
                if self.senses.fits(pattern, t, ids, idx, triggers):
                    # a node named "_..." is context the pattern needs, not a word of the trigger
                    words = [k for k, node in zip(ids, pattern.nodes) if not str(node.get("RIGHT_ID", "")).startswith("_")]
                    best[i] = Frame(token=t, pattern=pattern, tokens=sorted(words or ids),
                                    void=self.senses.void(pattern, t, ids, idx, triggers))
                    break
            else:
                self.note(t, found[0][1].entry, "no sense of the word fits")
        # a word that is part of a longer match is not a trigger of its own
        # ("imposed sanctions": one SANCTION event, not two)
        inner: dict[int, int] = {}  # token -> the size of the largest match it is a dependent word of
        for f in best.values():
            if len(f.tokens) > 1 and not f.entry.fallback:
                for i in f.tokens:
                    if i != f.token.i:
                        inner[i] = max(inner.get(i, 0), len(f.tokens))
        # ("called off a one-day strike": one event, not the strike as well)
        frames = {i: f for i, f in best.items() if i not in inner or 1 < len(f.tokens) >= inner[i]}
        for i in best.keys() - frames.keys():
            self.note(doc[i], best[i].entry, "part of a longer match")
        # a word whose senses the lexicon tells and none fits here is no trigger: the verb
        # dictionary does not code it in another sense ("defended his decision", refused as
        # one's own policy, is no SUPPORT from PETRARCH's DEFEND either)
        refused = set(candidates) - set(best)
        self._verb_dictionary_frames(doc, frames, inner, refused)
        return frames

    def _verb_dictionary_frames(self, doc: Doc, frames: dict[int, Frame], inner: dict[int, int],
                                refused: set[int] = frozenset()) -> None:
        """The field's vocabulary (PETRARCH2's CAMEO verb patterns, ``petrarch_verbs``) on
        the verbs whodid's own lexicon leaves alone: "hurled insults at", "granted
        recognition to". A verb whodid reads as a report, belief or intent ("said",
        "believes", "plans") is left to those rules."""
        if not self.lex.verb_indexes:
            return
        taken = set(frames) | set(inner) | {i for f in frames.values() for i in f.tokens} | set(refused)
        for index in self.lex.verb_indexes:
            for m in index.match(doc, taken, self._verb_exclude):
                frames[m.token] = Frame(token=doc[m.token], pattern=Pattern(m.entry, [{}] * len(m.tokens), False),
                                        tokens=m.tokens)
                taken.update(m.tokens)

    # ------------------------------------------------------------------ roles
    def subject(self, v: Token, idx: ActorIndex, depth: int = 0) -> tuple[list[Participant], list[Participant]]:
        """(actors, passive patients) of a verbal predicate."""
        subj = [c for c in v.children if c.dep_ in _SUBJ]
        passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if not subj and not passive and v.tag_ == "VBN" and v.dep_ in ("advcl", "acl") and \
                not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            # "When asked about ..., Peskov said": Peskov was asked
            # "the 884 workers terminated by the Delhi government": a participle with a by-agent
            # on a noun is a passive of its own, done by the agent to that noun
            agents = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                return [r for a in agents for r in idx.roles(a)], idx.roles(v.head)
            return [], []
        if passive or any(c.dep_ == "auxpass" for c in v.children):
            agents = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if not agents:
                # "was arrested and charged by the police": the by-phrase after the last participle
                # (which the parser may take for a plain prepositional phrase: "being tortured and
                # implicated in a false case by police")
                agents = [p for k in v.children if k.dep_ == "conj" and k.tag_ == "VBN"
                          and not any(c.dep_ in _SUBJ + ("nsubjpass",) for c in k.children)
                          for c in k.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                          for p in c.children if p.dep_ == "pobj" and (c.dep_ == "agent" or idx.roles(p))]
            # "critics of the government, who were imprisoned": the relative pronoun is its noun
            passive = [v.head if p.tag_ in ("WDT", "WP") and v.dep_ == "relcl" else p for p in passive]
            patients = [r for p in passive for r in idx.roles(p)]
            if not passive and depth < 5:
                patients = self._controlled_patients(v, idx, depth)
                if not patients and v.dep_ == "conj" and v.head.tag_ == "VBN" and not agents \
                        and any(c.dep_ == "nsubjpass" for c in v.head.children):
                    # "were informed of their return and have been involved in talks": a passive
                    # conjoined to a passive with no subject of its own shares the first one's
                    patients = self.subject(v.head, idx, depth + 1)[1]
            return [r for a in agents for r in idx.roles(a)], patients
        if subj:
            s = subj[0]
            if len(subj) > 1:
                # two subjects on one verb is a misparse ("afrol News, 24 March - After banning
                # ..., government sent"; "Neither has Israel joined"): the nearest one that
                # names a party is the verb's own ("The Tory co - chairman": "co", not "-")
                near = sorted(subj, key=lambda c: (abs(c.i - v.i), c.i > v.i))
                s = next((c for c in near if idx.roles(c)), subj[0])
            if s.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                s = v.head
            found = idx.roles(s)
            if v.dep_ == "relcl" and any(c.tag_ == "WP$" for c in s.children):
                # "Kenya, whose troops attacked Somali villages": the troops are the owner's
                owner = idx.roles(v.head)
                if owner and not {idx.country(r.actor) for r in found} & \
                        {idx.country(r.actor) for r in owner}:
                    found = owner
            if not found and s.tag_ == "PRP" and depth < 5 and not idx.quoted_other(s):
                found = self._reporter_subject(v, idx, depth)
            return found + _companions(s, v, idx, found), []
        # "has been, is, and will continue to be open": coordinated predicates share a subject
        for c in v.children:
            if c.dep_ in ("parataxis", "conj") and c.i < v.i:
                s = [g for g in c.children if g.dep_ in _SUBJ]
                if s:
                    return idx.roles(s[0]), []
        if depth >= 5 or v.head.i == v.i:
            return [], []
        head = v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and head.pos_ in ("PROPN", "NOUN", "PRON"):
            found = idx.roles(head)  # "Biden, throwing his weight behind ..."
            if not found and head.dep_ == "dobj":
                # "issued a declaration demanding that ...": who issued it
                found = self.subject(head.head, idx, depth + 1)[0]
            return found, []
        if v.dep_ == "xcomp":
            if head.lemma_.lower() in self.lex.marker("object_control_verbs"):
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")] or \
                    [p for c in head.children if c.dep_ == "prep" and c.lower_ in _ASKED_PREPS
                     for p in c.children if p.dep_ == "pobj"]  # "called on Putin to withdraw"
                if objs:
                    return idx.roles(objs[0]), []
            actors, patients = self.subject(head, idx, depth + 1)
            return (actors or patients), []  # "Russians were seen holding ...": the raised subject
        if v.dep_ == "conj" and v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children) \
                and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
            # "were searched and detained by police": the second participle shares the passive
            agents = [p for w in (v, head) for c in w.children if c.dep_ == "agent" for p in c.children
                      if p.dep_ == "pobj"]
            return [r for a in agents for r in idx.roles(a)], self.subject(head, idx, depth + 1)[1]
        if v.dep_ == "conj" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in self.lex.marker("report_verbs") \
                    and any(c.dep_ in _SUBJ for c in head.head.children) \
                    and not any(c.dep_ in _SUBJ and idx.at(c) is not None for c in head.children):
                # "Mrs Robinson said the Law Lords' ruling was in line with ... and praised their
                # majority": the parser hangs the speaker's second act on the reported clause;
                # a clause whose subject is no party (a ruling, a plan) does not praise
                return self.subject(head.head, idx, depth + 1)[0], []
            actors, patients = self.subject(head, idx, depth + 1)
            if patients:  # "X has been indicted ... and will resign": X resigns
                return patients, []
            return actors, []
        if v.dep_ == "pcomp" and v.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in _CONTROLLED_GERUND_PREPS \
                and head.head.pos_ == "VERB":
            # "accused India of shelling", "warned Hamas against attacking", "prevented the
            # opposition from marching", "India was accused of shelling": the object the
            # preposition's verb acts on does the act its gerund names (the news-events
            # guidelines: "X accused Y of killing Z" is also Y's killing of Z)
            obj = _charged_party(head.head)
            found = idx.roles(obj) if obj is not None else []
            if found or (obj is not None and (obj.pos_ in ("PRON", "PROPN") or obj.lemma_.lower() in RELATIONAL_NOUNS
                                              or obj.lemma_.lower() in self._people_words)):
                return found, []  # (someone the text does not resolve: "charged its neighbour with")
            # (an object no one is: "won praise for brokering", "took the credit for ending": the subject's act)
        if v.dep_ == "dobj" and v.tag_ == "VBG" and head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in v.children):
            # "the problems Russia faces fighting in Ukraine", "began shelling the town": a
            # gerund a verb takes as its object is done by the verb's subject
            actors, patients = self.subject(head, idx, depth + 1)
            return (actors or patients), []
        if v.dep_ in ("acomp", "advcl", "pcomp", "prep"):
            # a gerund under a preposition whose phrase hangs off a noun ("was away for a year
            # between stepping down and ..."): the doer is the clause's subject, up the tree
            while v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN") \
                    and (head.head.i not in idx.events or _exemplifying(head)) \
                    and (head.head.dep_ in ("pobj", "npadvmod") or (head.head.dep_ == "dobj" and _exemplifying(head))) \
                    and head.head.head.i != head.head.i:
                # (not under an event noun: "an appeal for deploying troops" is the appeal's; but
                # "imposed sanctions, such as freezing the assets of ...": an example of what the
                # subject did is the subject's)
                up = head.head.head
                head = up.head if up.dep_ == "prep" and up.pos_ == "ADP" and up.head.i != up.i else up
            return self.subject(head, idx, depth + 1)[0], []
        if v.dep_ == "acl" and head.dep_ in ("dobj", "pobj", "nsubj", "attr"):
            # "its determination to fight" -> its
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                return idx.roles(poss[0]), []
        return [], []

    def _controlled_patients(self, v: Token, idx: ActorIndex, depth: int) -> list[Participant]:
        """Who a passive participle clause with no subject of its own is done to: the subject of
        the clause it hangs on ("were questioned by police before being released without
        charge", "will remain under house arrest, having been released on a bond", "he was
        sentenced after being convicted of fraud", "alleged of being tortured"), or the object of
        its verb ("accused the minister of being bribed"). Not a clause hanging on a noun ("the
        practice of being detained"), whose subject the text does not tell."""
        obj = controlled_object(v)
        if obj is not None:
            return idx.roles(obj)
        head = controlling_verb(v)
        if head is None:
            return []
        actors, patients = self.subject(head, idx, depth + 1)
        return patients or actors

    def _reporter_subject(self, v: Token, idx: ActorIndex, depth: int) -> list[Participant]:
        """"Palestinian leaders said they would boycott ...": a subject pronoun no
        actor covers, in a clause reported by someone, is that someone."""
        node = v
        while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        if node.dep_ != "ccomp" or node.head.lemma_.lower() not in self.lex.marker("report_verbs"):
            return []
        rep = node.head
        found = self.subject(rep, idx, depth + 1)[0]
        if not found and rep.dep_ == "pcomp" and rep.head.dep_ == "prep":
            # "King Hassan was quoted as saying he would ...": the one quoted
            quoted = rep.head.head
            found = [r for c in quoted.children if c.dep_ == "nsubjpass" for r in idx.roles(c)]
        return found

    def verb_roles(self, f: Frame, idx: ActorIndex) -> None:
        t = f.token
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(c.dep_ == "det" for c in t.children):
            f.drop = "a participle used as a noun"  # "evacuated the wounded"
        if len(f.tokens) == 1 and _describing_participle(t):
            f.drop = "a describing participle"  # "the murdered hero", "men detained in the UK": told elsewhere if at all
        matched = set(f.tokens)
        actors, patients = self.subject(t, idx)
        f.actors = actors
        recips = list(patients)
        theme = f.entry.object == "theme"
        if patients or (t.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in t.head.children)
                        and not any(c.dep_ in _SUBJ for c in t.children)):
            f.has_object = True  # "were searched and detained": the passive subject is what is acted on
        if not any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
            # "has arrested and sentenced presidential candidates": coordinated verbs share the
            # object that follows the last of them
            shared = [o for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and not any(s_.dep_ in _SUBJ for s_ in c.children)
                      for o in c.children if o.dep_ == "dobj"]
            if shared:
                f.has_object = True
                if not theme:
                    recips += [r for o in shared for r in idx.roles(o)]
        # "condemn the devastating attacks" by Russia against Ukraine: an active verb takes no
        # by-phrase, so one the parser hangs on it (a closing quotation mark cuts the noun
        # phrase) is its event-noun object's, and so are the noun's target phrases after it;
        # the deed criticised or backed is its doer's
        stray = [k for k in t.children if k.dep_ in ("prep", "agent") and k.lower_ == "by"] \
            if any(c.dep_ == "dobj" and c.i in idx.events for c in t.children) and actors and not patients else []
        stray_doers = [r for k in stray for q in k.children if q.dep_ == "pobj" for r in idx.roles(q)]
        if stray_doers:
            recips += stray_doers
        for c in t.children:
            if stray_doers and c.dep_ == "prep" and c.i > stray[0].i and c.lower_ in _NOUN_RECIPIENT_PREPS:
                continue
            if c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in ("GPE", "LOC", "FAC"):
                f.place_target = True
            if c.dep_ == "nsubjpass":
                f.has_object = True  # "was accused of ..."
            if c.dep_ == "dobj":
                f.has_object = True
                if not theme:
                    own = _own_envoys(c, idx, actors)
                    recips += own if own is not None else idx.roles(c)
                # "lift the curfew on Palestinians", "impose restrictions against German goods";
                # "discussed the crisis with Museveni", "shared intelligence with Kenya": the one
                # an exchange is with (the parser hangs the with-phrase on the object)
                judged = f.entry.type in _JUDGING and c.i in idx.events and bool(idx.noun_actors.get(c.i))
                for p in c.children:
                    # (not the target of a deed judged: "condemned al-Shabaab's attack on Kenyan
                    # troops" is aimed at al-Shabaab, as the guidelines code criticism of an act)
                    if p.dep_ == "prep" and c.i not in matched and not judged and (
                            p.lower_ in ("on", "against", "toward", "towards")
                            or (p.lower_ == "with" and f.entry.type in _SYMMETRIC_EXCHANGES)):
                        recips += [r for q in p.children if q.dep_ == "pobj" for r in idx.roles(q)]
            if c.dep_ == "prep" and c.lower_ in _ACCUSE_TOPIC_PREPS and f.entry.type == "ACCUSE":
                recips += [r for q in c.children if q.dep_ == "pobj" for r in idx.roles(q)]
            elif c.dep_ in ("dative", "oprd") and c.i not in matched:
                recips += idx.roles(c)
            if c.i in matched and c.pos_ == "NOUN":
                # "imposed sanctions on Russia": the target hangs off the matched noun
                for p in c.children:
                    if p.dep_ == "prep" and (p.lower_ in _NOUN_RECIPIENT_PREPS or p.lower_ == "to"
                                             or (p.lower_ in _ACCUSE_TOPIC_PREPS and f.entry.type == "ACCUSE")):
                        # (criticism: "expressed concern over the plan", "had qualms about his plans")
                        recips += [r for q in p.children if q.dep_ == "pobj" for r in idx.roles(q)]
                    elif p.dep_ == "prep" and p.lower_ == "between" and not f.actors:
                        # "talks between Iran and the US were held": the parties of the matched noun
                        f.actors = [r for q in p.children if q.dep_ == "pobj" for r in idx.roles(q)]
            if c.dep_ in ("prep", "dative", "prt") and (c.lower_ in _RECIPIENT_PREPS or c.i in matched) \
                    and c.lower_ != "for":
                for p in c.children:
                    if p.dep_ == "pobj":
                        recips += idx.roles(p)
                    elif p.dep_ == "prep" and p.lower_ in ("of", "from"):  # "pull out of Ukraine"
                        recips += [r for q in p.children if q.dep_ == "pobj" for r in idx.roles(q)]
                if c.dep_ in ("prep", "dative") and not any(p.dep_ in ("pobj", "prep") for p in c.children):
                    recips += _stranded_object(c, idx)
        if not any(c.dep_ == "dobj" for c in t.children):
            # "condemned as a crime Serbia's crackdown": the object, shifted after the
            # as-phrase, is parsed as an apposition of its noun
            recips += [r for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                       for p in c.children if p.dep_ == "pobj"
                       for a in p.children if a.dep_ == "appos" for r in idx.roles(a)]
        # "pull his soldiers out of Ukraine": the preposition hangs off the object
        for c in t.children:
            if c.dep_ == "dobj" and theme:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("out", "from"):
                        recips += [r for q in p.subtree if q.dep_ == "pobj" for r in idx.roles(q)]
        if not recips:
            # "found Wu guilty", "declared them illegal": the subject of the small clause
            recips = [r for c in t.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
                      for s_ in c.children if s_.dep_ == "nsubj" for r in idx.roles(s_)]
        if not recips and f.entry.type == "REQUEST":
            # "seeks approval in Congress", "sought help from the UN": what is asked for is
            # asked of the body it would come from (a body, not a place: "support in France")
            recips = [r for c in t.children if c.dep_ == "dobj" for p in c.children
                      if p.dep_ == "prep" and p.lower_ in ("from", "in")
                      for q in p.children if q.dep_ == "pobj" and (p.lower_ == "from" or q.ent_type_ not in ("GPE", "LOC"))
                      for r in idx.roles(q) if not _is_country(r.actor) and not r.located]
        if not recips and f.entry.type in _AREA_TYPES:
            recips = idx.place(t)
        if not recips and f.entry.type == "ACCUSE" and any(c.lower_ == "what" for c in t.children):
            recips = _deed_owner(t, idx)
        if not recips and f.entry.type == "ACCUSE":
            # "called the raid an Israeli crime", "branded it a Russian lie": whose the named deed is
            recips = [r for c in t.children if c.dep_ in ("oprd", "xcomp", "attr")
                      for m in c.children if m.dep_ in ("amod", "compound", "poss", "nmod")
                      for r in [idx.at(m)] if r is not None]
        if not recips and f.entry.type in ("ACCUSE", "REJECT") and not f.has_object:
            # "derided Tory claims they could cut ...": the parser reads the object ("Tory
            # claims") as a clause, a name right after the verb as the subject of "claims";
            # whose claims (plans, demands) they are is the target
            recips = [r for c in t.children if c.dep_ == "ccomp" and c.tag_ == "VBZ"
                      for s_ in c.children if s_.dep_ == "nsubj" and s_.i == c.i - 1 == t.i + 1
                      and s_.pos_ == "PROPN" for r in idx.roles(s_)]
        if not recips and f.entry.type == "REQUEST" and f.entry.governs == "request":
            # "crying out for Mr Howard to get back onto the tax cuts agenda": the subject of the
            # for-to clause is the one asked, even when what it is asked to do is no event
            recips = [r for c in t.children if _for_clause(c) and c.pos_ in ("VERB", "AUX")
                      for s_ in c.children if s_.dep_ in ("nsubj", "nsubjpass") for r in idx.roles(s_)]
        if not recips and f.entry.type == "ACCUSE" and f.entry.cameo == "112" and not f.has_object:
            # "alleged that the government bought votes", "accused that the elite amended the
            # NAB law": an allegation told as a clause accuses the one the clause says acted
            recips = [r for c in t.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                      for s_ in c.children if s_.dep_ == "nsubj" for r in idx.roles(s_)]
        if not recips and f.entry.type == "ACCUSE":
            # "voiced concern that the conditions in China have not improved", "raised fears
            # that Russia would invade": the worry's that-clause names whom it is about
            recips = [r for c in t.children if c.i in matched and c.pos_ == "NOUN"
                      for k in c.children if k.dep_ in ("acl", "ccomp") and k.pos_ in ("VERB", "AUX")
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)
                      for s_ in k.children if s_.dep_ in ("nsubj", "nsubjpass") for r in idx.roles(s_)]
        if not f.actors and _nominal_gerund(t):
            # "fighting between Kenyan troops and al-Shabaab", "shooting between the two sides":
            # the parties of a gerund used as a noun, as of an event noun
            f.actors = [r for c in t.children if c.dep_ == "prep" and c.lower_ == "between"
                        for p in c.children if p.dep_ == "pobj" for r in idx.roles(p)]
        f.recipients = recips

    def noun_roles(self, f: Frame, idx: ActorIndex) -> None:
        n = f.token
        e = f.entry
        matched = set(f.tokens)
        actors: list[Participant] = []
        recips: list[Participant] = []
        for c in [*n.children, *shared_noun_phrases(n)]:
            if c.i in matched:
                if c.dep_ == "prep" and c.lower_ in _NOUN_RECIPIENT_PREPS - {"to"}:
                    # "pressure on Kyiv", "his call on the government to resign": the preposition
                    # the pattern names still has its object, the one pressed or called on (not
                    # "opposition to the bill": what is opposed, whose author the conventions give)
                    recips += [r for p in c.children if p.dep_ == "pobj" for r in idx.roles(p)]
                continue
            if c.dep_ == "poss":
                (recips if e.poss == "recipient" else actors).extend(idx.roles(c))
            elif c.dep_ in ("compound", "amod", "nmod"):
                r = idx.at(c)
                if r is not None:
                    # "the Ukraine invasion": a noun modifier may be the target; an
                    # adjective is the doer ("the Russian invasion")
                    adjective = c.tag_ == "JJ" or r.mention.how == "adjective"
                    # "voter intimidation", "civilian killings": people who do no harm as such
                    # are the ones harmed ("police persecution" is the police's)
                    harmed = e.type in _HARM_TYPES and idx.sectors.get(r.actor) in _HARMED_SECTORS
                    (recips if (e.compound == "recipient" or harmed) and not adjective else actors).append(r)
            elif c.dep_ == "prep":
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                prep = c.lower_
                for p in pobjs:
                    if prep == "by" or (prep == "from" and e.type in _FROM_IS_ACTOR) or (prep == "of" and e.of == "actor") \
                            or (prep == "of" and e.type == "SUPPORT" and n.dep_ == "pobj" and n.head.lower_ == "with"):
                        actors += idx.roles(p)
                    elif prep == "between":
                        actors += idx.roles(p)
                    elif prep in _NOUN_RECIPIENT_PREPS or (prep == "of" and e.of == "recipient") or \
                            (prep in _AREA_PREPS and e.type == "ASSAULT") or \
                            (prep == "at" and e.type in _HARM_TYPES) or \
                            (prep == "for" and e.type in _FOR_IS_RECIPIENT) or \
                            (prep == "of" and e.type == "SUPPORT" and _in_support_of(n)):
                        recips += idx.roles(p)
        if not actors:
            # "the government was accused of wartime atrocities, extrajudicial KILLINGS ...",
            # "blamed the rebels for the ATTACK": the act a verb's object is accused of or blamed
            # for is the object's (as a gerund there: "accused India of shelling")
            actors = self._charged_with(n, idx)
        # a doer the noun's own words name: a possessive or a by/from/of phrase ("Bush's refusal",
        # "support from Cabinet allies"), not an adjective ("the Spanish bombing")
        own = _named_doer(n, e, idx)
        # the noun as the complement of a willing/open word: "open to talks"
        chain = predicate_chain(n, self.lex)
        head = n.head
        met_there = False
        if len(chain) > 1 and not actors:
            actors = self.subject(chain[-1], idx)[0]
            f.anchored = True
        elif n.dep_ in ("dobj", "attr") and _lemmas(head) & self.lex.marker("support_verbs") \
                and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in head.children):
            # (not "called the raid an Israeli crime": naming an event is not staging it)
            if not actors:
                actors = self.subject(head, idx)[0]
            f.anchored = True
        elif n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and head.head.pos_ == "VERB" \
                and not any(c.dep_ == "det" for c in n.children):
            # "holding blank sheets in protest of the war"
            if not actors:
                doer, involved = self.subject(head.head, idx)
                if not doer and involved and head.head.lemma_.lower() in _PARTAKING_VERBS:
                    # "have been involved in regular discussions with the government": who is
                    # involved (engaged) in an act takes part in it
                    doer = involved
                actors = doer
            f.anchored = True
        elif e.type == "CONSULT" and n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _MEETING_PREPS \
                and head.head.pos_ == "VERB" and (actors or recips) \
                and any(c.dep_ == "prep" and c.lower_ in ("with", "of") for c in n.children):
            # "made the remarks in a meeting with Erdogan", "speaking during talks with the EU",
            # "faced questions at a meeting of the PLP": who was there took part in it, with the
            # body that met (only with a counterpart named: "spoke at the PLP meeting", "assured
            # residents during his visit" tell no meeting with anyone)
            actors = self.subject(head.head, idx)[0] + actors
            f.anchored = met_there = True
        elif n.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _RESPONSIBILITY_NOUNS \
                and head.head.dep_ == "dobj" and head.head.head.lemma_.lower() in _CLAIMING_VERBS and not actors:
            # "his movement claimed responsibility for an arson attack", "the group took credit for
            # the bombing": who claims an act as his own is its doer (CAMEO 015 codes the claim, a
            # statement PLOVER drops; the act claimed is the event)
            actors = self.subject(head.head.head, idx)[0]
            f.anchored = bool(actors)
        elif e.type == "CONSULT" and n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _ATTENDING_PREPS \
                and head.head.lemma_.lower() in _ATTENDING_VERBS and not actors \
                and not any(c.dep_ == "poss" or (c.dep_ == "amod" and c.lemma_.lower() in
                                                    self.lex.classes.get("internal_meeting", frozenset()))
                            for c in n.children):
            # "Mr Blair is at a summit in Brussels", "Jack Straw arrives in Indonesia for a summit
            # meeting", "paid for him to fly ... to official discussions", "were invited to the
            # discussion": who is there, goes there or is asked there takes part in it
            verb = head.head
            doer, patients = self.subject(verb, idx)
            there = patients if verb.lemma_.lower() in _ASKED_THERE_VERBS else doer
            if there:
                actors = there
                f.anchored = True
        elif n.dep_ == "pobj" and actors and ((e.type == "REQUEST" and head.lower_ in _AT_REQUEST_PREPS)
                                              or (e.type == "SUPPORT" and head.lower_ == "with")):
            # "at the request of the government, France sent troops", "probing the case on the
            # orders of the court": the doer of the act done at it is the one asked
            verb = _governing_verb(head)
            if verb is not None and not recips:
                doer, _ = self.subject(verb, idx)
                recips = [r for r in doer if r.actor not in {a.actor for a in actors}]
            f.anchored = True
        elif n.dep_ in ("nsubj", "nsubjpass") and _lemmas(head) & self.lex.marker("occurrence_verbs"):
            f.anchored = True
        elif n.dep_ == "nsubjpass" and _lemmas(head) & self.lex.marker("support_verbs"):
            # "talks were held in Doha", "an agreement was reached", "a warrant was issued by the court"
            if not actors:
                actors = self.subject(head, idx)[0]
            f.anchored = True
        elif n.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
            # "has been under house arrest since June", "police placed him under arrest",
            # "remains under investigation": the one under it is the recipient
            verb = head.head
            doer, patients = self.subject(verb, idx)
            objects = [r for c in verb.children if c.dep_ == "dobj" for r in idx.roles(c)]
            if objects:
                recips = recips or objects
                actors = actors or doer
            else:
                recips = recips or patients or doer
                actors = actors or [r for c in verb.children if c.dep_ == "agent"
                                    for p in c.children if p.dep_ == "pobj" for r in idx.roles(p)]
            f.anchored = True
        elif n.dep_ == "dobj" and head.lemma_.lower() == "have" and any(c.dep_ == "nsubj" for c in head.children):
            # "Russia had talks with ..."
            if not actors:
                actors = self.subject(head, idx)[0]
            f.anchored = True
        givers = [r for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
                  for q in c.children if q.dep_ == "pobj" for r in idx.roles(q)] \
            if n.dep_ == "dobj" and head.lemma_.lower() in _RECEIVING_VERBS and e.type in _FROM_IS_ACTOR | {"CONCEDE"} \
            else []
        if givers:
            # "received a request from France", "got an apology from the minister": the one it
            # came from made it, to the one who received it
            receivers = self.subject(head, idx)[0]
            actors = givers
            recips = recips or [r for r in receivers if r.actor not in {g.actor for g in givers}]
            f.anchored = True
        if not recips and n.dep_ == "dobj" and (f.anchored or (head.pos_ == "VERB" and head.i not in idx.events)):
            # "staged rallies ... against Abbas", "opened investigations against officials";
            # "submitted his resignation to the Crown Prince", "presented its demands to the chairman"
            preps = _SUPPORT_VERB_PREPS if f.anchored else _DELIVERY_PREPS
            for c in head.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    recips += [r for q in c.children if q.dep_ == "pobj" for r in idx.roles(q)]
        if not recips and e.type == "REQUEST" and n.dep_ in ("dobj", "nsubjpass") \
                and head.lemma_.lower() in _ANSWERING_VERBS and head.pos_ == "VERB":
            answerers = self.subject(head, idx)[0] if n.dep_ == "dobj" else \
                [r for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                 for r in idx.roles(p)]
            recips = [r for r in answerers if r.actor not in {a.actor for a in actors}]
        if not recips and n.dep_ == "dobj" and head.lemma_.lower() in _FACING_VERBS and e.type in _FACED_TYPES:
            recips = [r for r in self.subject(head, idx)[0] if r.actor not in {a.actor for a in actors}]
        if not recips and e.type in _HARM_TYPES:
            recips = self._sufferers(n, idx, actors)
        if not recips and e.type in _AREA_TYPES and f.anchored and n.dep_ == "dobj":
            recips = idx.place(head)
        if n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _BACKGROUND_PREPS and not met_there \
                and not own and not (e.type == "PROTEST" and e.mode in CROWD_MODES):
            # "after the invasion": an event told elsewhere; one whose own words name its party
            # ("despite George Bush's refusal to sign", "in the aftermath of China's crackdown on
            # protesters") is told here, and a re-mention of it is merged (events.remention). Not a
            # crowd's protest: "was forced to resign following a deadly protest", "shot dozens of
            # protesters during demonstrations over alleged fraud" are the only telling of it (the
            # gold codes them, historical; their crowd is named by the conventions)
            f.drop = "a background reference"
        if e.type == "CONSULT" and not f.anchored and _meeting_named(n, idx.events, self.lex):
            # (unlike a background reference, also when its own words name its party: "the Prime
            # Minister's visit", "his final talks with Mr Thorpe", "more talk from Gordon Brown" point
            # at a meeting told elsewhere, or at none; 5 of 5 such on the development gold)
            f.drop = "a meeting referred to, not told"
        if n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and head.head.pos_ == "VERB" \
                and head.head.i in idx.events and any(c.dep_ == "poss" for c in n.children):
            f.drop = "the verb beside it tells the act"  # "in its ruling, the court dismissed all charges"
        f.actors, f.recipients = actors, recips

    def _charged_with(self, n: Token, idx: ActorIndex) -> list[Participant]:
        """Who an event noun under "of/for/with/against" after a verb's object is the act of: the
        object ("accused the government of KILLINGS", "the government was accused of wartime
        atrocities and extrajudicial KILLINGS", "a man suspected of MURDER")."""
        first = n
        while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "NOUN":
            first = first.head
        prep = first.head
        if first.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _CONTROLLED_GERUND_PREPS:
            return []
        verb = prep.head
        if verb.pos_ != "VERB" or any(c.dep_ in ("poss", "agent") or (c.dep_ == "prep" and c.lower_ == "by")
                                      for c in n.children):
            return []
        obj = _charged_party(verb)
        return idx.roles(obj) if obj is not None else []

    def _sufferers(self, n: Token, idx: ActorIndex, actors: list[Participant]) -> list[Participant]:
        """Who a harm noun befalls when no phrase of its own says it: the subject of a verb of
        undergoing ("he suffered persecution by the police"), the one said to be its victim
        ("he is a victim of police persecution")."""
        head = n.head
        if n.dep_ == "dobj" and head.lemma_.lower() in _UNDERGOING_VERBS:
            return [r for r in self.subject(head, idx)[0] if r.actor not in {a.actor for a in actors}]
        if n.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _VICTIM_NOUNS:
            victim = head.head
            if victim.dep_ == "attr" and victim.head.pos_ in ("AUX", "VERB"):
                # "he is a victim of ...": a new act told of someone ("the victims of the tavern
                # massacre" only recalls one)
                return [r for r in self.subject(victim.head, idx)[0] if r.actor not in {a.actor for a in actors}]
        return []

    # ------------------------------------------------------------------ main
    def code(self, doc: Doc, analysis: Analysis) -> list[Event]:
        self.dyads: set[int] = set()  # events of the verb dictionary with one party so far (id)
        idx = ActorIndex(analysis)
        idx.people = self._people_words
        self._idx = idx
        self.armed = idx.armed
        self._text = text_of(doc)
        sents = {}
        for sent in doc.sents:
            for tok in sent:
                sents[tok.i] = (sent.start_char, sent.end_char)
        quotes = [q for q in analysis.quotes if q.kind != "term"]
        idx.quoted_speakers(doc, quotes)
        idx.collective = context.collective_parties(doc, self.lex.marker("collective_heads"), idx.roles)
        self.accords: set[int] = set()  # agreements of one party so far, whose counterpart the story may tell (id)
        frames = self.frames(doc, idx)
        idx.events = set(frames)
        # event nouns first: a verb's object or subject may be one ("rejected Annan's calls")
        # event nouns first, then gerunds used as nouns ("Fighting between X and Y killed ten"):
        # a verb's object or subject may be one ("rejected Annan's calls")
        for f in sorted(frames.values(), key=lambda f: (not f.noun, not _nominal_gerund(f.token))):
            (self.noun_roles if f.noun else self.verb_roles)(f, idx)
            if f.noun or _nominal_gerund(f.token):
                idx.noun_actors[f.token.i] = f.actors
        for f in frames.values():
            f.modal = analyse(f.token, self.lex, f.noun)
            q = _reporter(f.token, quotes)
            f.reported_by = q.speaker if q is not None else None
            f.speakers = _speakers(q, doc, idx)
            f.type, f.cameo, f.mode = f.entry.type, f.entry.cameo, f.entry.mode
        self._void(frames)
        self._background(frames)
        self._link_governors(frames)
        self._object_events(frames)
        self._ended_events(frames)
        self._prevented_events(frames)
        self._complement_roles(frames, idx)
        self._alleged_acts(frames)
        self._protest_topics(frames)
        events = []
        answering: list[tuple[Event, str]] = []
        rebuttals: list[Event] = []
        for f in sorted(frames.values(), key=lambda f: f.token.i):
            if f.governor is not None or f.drop:
                self.note(f.token, f.entry, f.drop or f"the complement of {f.governor.token.text}")
                continue
            ev = self._event(f, doc, sents[f.token.i])
            if ev is not None:
                events.append(ev)
                if f.answers and not ev.recipient:
                    answering.append((ev, f.answers))
                if f.entry.requires == "rebuttal":
                    rebuttals.append(ev)
        for ev, kind in answering:
            _answer_earlier(ev, kind, events, doc)
        for ev in events:
            if ev.type in _MEETING_TYPES and not ev.actor and not ev.recipient:
                # "Discussions will resume next week", after "talks between the unions and
                # Prescott ended": the same parties' talks, told just before
                _meeting_parties(ev, events, doc)
        for ev in rebuttals:
            if not _rebut_earlier(ev, events, doc, idx) \
                    and not _rebut_said(ev, quotes, doc, idx, self.lex.marker("charge_cues")):
                events.remove(ev)
                self.note_event(ev, "a rebuttal of no accusation told before")
        for ev in events:
            if ev.type == "REJECT" and not ev.recipient and ev.actor:
                # "The party had asked permission to hold meetings - which was turned down by
                # authorities": a refusal answers the demand just made by another party
                _answer_earlier(ev, "REQUEST", events, doc, sentences=0)
        for ev in events:
            if ev.type == "REQUEST" and ev.actor and not ev.recipient:
                # "Ko appealed, but it was rejected by the city council": a demand told with no
                # addressee is addressed to whoever refuses it right after
                _asked_of_refuser(ev, events, doc)
        self._context_parties(events, doc, idx)
        return events

    def answer_speakers(self, doc: Doc, analysis: Analysis, events: list[Event]) -> None:
        """After the coding conventions: "Beckett has said the US will act ... But Myron Ebell ...
        rejected the threat of climate change": a refusal still with no addressee (none named,
        none the conventions imply) answers the one whose words the story reported last, just
        before it."""
        quotes = [q for q in analysis.quotes if q.kind != "term"]
        idx = ActorIndex(analysis)
        for ev in events:
            if ev.type == "REJECT" and ev.actor and not ev.recipient:
                _answer_speaker(ev, quotes, doc, idx)
            if ev.type in _MEASURE_TYPES and ev.actor and not ev.recipient:
                _measure_parties(ev, doc, idx)
            if ev.type in ("SUPPORT", "AGREE") and ev.actor and not ev.recipient:
                # "signed the agreement allowing creation of the Organization of American States
                # mission": a pact signed names its other party in its own words
                _pact_party(ev, doc, idx, self.lex.classes.get("pact", frozenset()))

    def _background(self, frames: dict[int, Frame]) -> None:
        """Events told as the background of the news ("in response to the attacks", "after
        Russia invaded ..."): no new event (``events.background``)."""
        for f in frames.values():
            if not f.drop:
                f.drop = background.reason(f.token, set(frames)) or nonevents.reason(f.token, self.lex, f.type)

    def _void(self, frames: dict[int, Frame]) -> None:
        """A statement without substance ("declined to comment", "denied reports that he
        would resign") is no event, and nothing it says is one (its subject may be)."""
        for v in [f for f in frames.values() if f.void]:
            subject = {w.i for c in v.token.children if c.dep_ in (*_SUBJ, "nsubjpass") for w in c.subtree}
            inside = {w.i for w in v.token.subtree} - subject
            for f in frames.values():
                if f.token.i in inside:
                    f.drop = f"inside a void statement ({v.token.text})"

    def _governor(self, f: Frame, frames: dict[int, Frame]) -> Frame | None:
        """The frame whose complement ``f`` is: "refused to MEET", "urged Russia to
        WITHDRAW", "calls for the WITHDRAWAL of", "promised he would STAND DOWN",
        "threatened to carry out a citizen's ARREST", "wanted reform and his RESIGNATION"."""
        t = f.token
        while f.noun and t.dep_ == "conj" and t.head.i not in frames:
            t = t.head  # a noun conjoined to a complement that is no trigger itself
        if f.noun and t.dep_ == "conj" and t.head.pos_ == "VERB" and t.head.i in frames \
                and frames[t.head.i].entry.governs and any(c.dep_ == "dobj" for c in t.head.children):
            # "wanted electoral reform and Sir Edward's resignation", parsed with the second
            # object conjoined to the verb: it is the verb's object too
            return frames[t.head.i]
        if t.dep_ == "ccomp" and t.head.i not in frames:
            # "reiterated its demand that Israel ease ...": the clause belongs to the noun
            return next((frames[c.i] for c in t.head.children if c.dep_ == "dobj" and c.i in frames
                         and frames[c.i].noun and frames[c.i].entry.governs == "request"), None)
        if t.dep_ in ("xcomp", "ccomp", "acl", "dobj") and t.head.i in frames:
            return frames[t.head.i]
        if t.dep_ == "xcomp" and t.head.dep_ == "xcomp" and t.head.i not in frames and t.head.head.i in frames \
                and t.head.lemma_.lower() in self.lex.marker("implicative_verbs"):
            # "urged community members to continue ASSISTING the police", "vowed to keep FIGHTING":
            # what goes on or begins is what is asked, promised or refused
            return frames[t.head.head.i]
        if _for_clause(t) and t.head.i in frames and (frames[t.head.i].noun or frames[t.head.i].entry.governs == "request"):
            return frames[t.head.i]  # "repeated calls for the mayor to APOLOGISE", "called for NATO to WITHDRAW"
        if _control_infinitive(t) and t.head.i in frames and not frames[t.head.i].noun \
                and frames[t.head.i].entry.governs == "request":
            # "called on Mr Hockney to QUIT the London Assembly", parsed with the infinitive as an
            # adverbial clause: what the one called on is asked to do (not a purpose clause,
            # "in order to ...", nor one with a subject of its own)
            return frames[t.head.i]
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i in frames \
                and t.head.lower_ not in _BACKGROUND_PREPS:  # not "offered talks following the invasion"
            return frames[t.head.head.i]
        if f.noun and t.dep_ == "dobj" and _lemmas(t.head) & self.lex.marker("support_verbs") \
                and t.head.dep_ in ("xcomp", "ccomp") and t.head.head.i in frames:
            # "threatened to carry out a citizen's arrest", "plans to file a lawsuit"
            return frames[t.head.head.i]
        return None

    def _link_governors(self, frames: dict[int, Frame]) -> None:
        for f in frames.values():
            t = f.token
            g = self._governor(f, frames)
            if g is None or g is f or not g.entry.governs:
                continue
            if t.dep_ == "ccomp" and g.entry.governs != "request" and not (
                    g.entry.governs in ("intent", "agreement") and _future_clause(t, self.lex)):
                # "denied that Russia had attacked": not a refusal to attack; but "promised
                # (that) he would stand down" is the promise of what follows
                continue
            self._govern(f, g, conjunct=g.complement)
        # "their threat to pull out and boycott parliament": the conjoined act too
        for f in frames.values():
            t = f.token
            if f.governor is None and t.dep_ == "conj" and t.head.i in frames and frames[t.head.i].governor is not None:
                head = frames[t.head.i]
                if head.governor is not f:
                    self._govern(f, head.governor, conjunct=True)
            elif f.governor is None and t.dep_ == "conj" and not f.noun:
                # "called on the government to practise what it preaches and free or charge the
                # detainees": an act conjoined to a complement that is no event itself
                first = t
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                g = frames.get(first.head.i) if first.dep_ in ("xcomp", "ccomp") and first.i not in frames else None
                if g is not None and g is not f and g.entry.governs == "request":
                    self._govern(f, g, conjunct=True)

    def _govern(self, f: Frame, g: Frame, conjunct: bool = False) -> None:
        """``f`` is what ``g`` asks for, refuses, promises or threatens: one event, coded
        from both (``conjunct``: a second complement, "to pull out and boycott")."""
        t = f.token
        how = {"request": "request", "refuse": "refuse", "intent": "intent", "agreement": "agreement",
               "threaten": "threat"}[g.entry.governs]
        if f.noun and f.entry.type == "REQUEST" and f.actors and how in ("refuse", "agreement") and not conjunct:
            # "the Lords rejected a plea by Lord Falconer", "Israel has refused all Ukrainian
            # requests for weapons", "agreed to their demand for a discussion": a demand whose
            # maker is named is told too, addressed to whoever answers it
            makers = {a.actor for a in f.actors}
            f.recipients = f.recipients or [a for a in g.actors if a.actor not in makers]
            g.recipients = g.recipients or list(f.actors)
            g.has_object = g.anchored = True
            return
        rec = self.lex.recoded(f.entry, how)
        if rec is None:
            if how in ("intent", "agreement") and (t.dep_ == "xcomp" or conjunct):
                f.modal.future = True  # "pledged to attack": the attack, intended
                f.vowed = True
                g.drop = g.drop or ("" if conjunct else f"its complement {t.text} is the event")
            return
        f.governor = g
        if conjunct:
            return  # the first complement recoded the governor already
        g.complement = True
        g.type, g.cameo, g.mode = rec["type"], rec["cameo"] or g.cameo, rec["mode"]
        if how == "refuse" and f.noun and not f.actors and f.entry.type in _ANSWERABLE:
            g.answers = f.entry.type  # "denied the allegations": whose allegations, told before
        if how == "request":
            # the one asked is who would do it: "urged Russia to withdraw"; an exchange asked
            # for with someone is asked of that someone ("called for talks with the government",
            # the news-events guidelines' "X called for talks with Y": REQUEST X -> Y)
            own = {a.actor for a in g.actors}
            if _control_infinitive(t) and any(r.actor not in own for r in g.recipients):
                # "invited more women from the opposition to support the rule", the infinitive
                # parsed as an adverbial clause: its doer is the one invited, the verb's object
                # (the parser leaves it the inviter, the clause's subject)
                g.recipients = [r for r in g.recipients if r.actor not in own]
            else:
                g.recipients = f.actors or g.recipients or (f.recipients if f.noun and f.entry.type in _EXCHANGES else [])
        elif how == "threat" or f.noun:
            # "warned Putin against an invasion": the one warned; else the target.
            # "rejected Annan's calls", "agreed to US mediation": whose the thing is
            g.recipients = g.recipients or f.recipients
        else:
            g.recipients = f.recipients or g.recipients
        if not g.actors and how != "request":
            # (not for a request: the one asked to act is not the one asking, "seeking police help")
            g.actors = f.actors
        g.has_object = True
        g.anchored = True

    def _ended_events(self, frames: dict[int, Frame]) -> None:
        """An event noun that a concession or a sanction acts on is what it lifts, eases,
        halts or suspends ("lifting the embargo", "halt attacks", "suspended the strike"):
        the act is the event, the thing ended is told elsewhere if at all."""
        for f in frames.values():
            if f.noun or f.entry.type not in ("CONCEDE", "SANCTION"):
                continue
            for c in f.token.children:
                if c.dep_ == "dobj" and c.i in frames and frames[c.i].noun and frames[c.i].governor is None:
                    ended = frames[c.i]
                    ended.drop = f"what {f.token.text} ends"
                    if f.entry.type == "CONCEDE" and not f.actors and ended.actors:
                        # "plans to end the European Union's arms embargo on China": who lifts a
                        # restriction told with no subject of its own is who imposed it, for
                        # those it was imposed on
                        doers = {a.actor for a in ended.actors}
                        f.actors = list(ended.actors)
                        f.recipients = [r for r in ended.recipients or f.recipients if r.actor not in doers]

    def _prevented_events(self, frames: dict[int, Frame]) -> None:
        """An act a party is blocked or barred from ("legislation that blocked Mr Palmer from
        SUING the state", "banning protesters from OBSTRUCTING the airstrip") is what the
        coercion or the sanction prevents: it did not happen, and is no event of its own."""
        for f in frames.values():
            if f.noun or f.entry.type not in ("COERCE", "SANCTION"):
                continue
            for prep in f.token.children:
                if prep.dep_ != "prep" or prep.lower_ != "from":
                    continue
                for c in prep.children:
                    if c.dep_ == "pcomp" and c.i in frames and not frames[c.i].noun and frames[c.i].governor is None:
                        frames[c.i].drop = f"what {f.token.text} prevents"

    def _object_events(self, frames: dict[int, Frame]) -> None:
        """A hostile act whose object is an exchange ("would boycott all contact with
        the United States", "suspended talks with Kyiv") is aimed at the other party
        of the exchange; the exchange itself is what is cut, not an event that happened."""
        for f in frames.values():
            if f.noun or f.governor is not None or f.recipients or f.entry.type not in _HOSTILE_TO_EXCHANGE:
                continue
            obj = next((frames[c.i] for c in f.token.children if c.dep_ == "dobj" and c.i in frames
                        and frames[c.i].noun and frames[c.i].entry.type in _EXCHANGES), None)
            if obj is None or not obj.recipients or obj.actors:
                continue
            f.recipients = obj.recipients
            obj.drop = f"the exchange {f.token.text} cuts"

    def _protest_topics(self, frames: dict[int, Frame]) -> None:
        """PLOVER 2.0 manual, PROTEST: the topic of a protest, typically a REQUEST, is
        not a separate event. "staged demonstrations to demand reforms by X",
        "demonstrated calling for independence from X": one PROTEST, aimed at X."""
        for f in frames.values():
            if f.entry.type != "REQUEST" or f.governor is not None:
                continue
            t = f.token
            if t.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "conj", "pobj"):
                continue
            anchors = [t.head]
            if t.dep_ == "pobj":  # "in demanding"
                anchors = [t.head.head]
            protest = None
            for a in anchors:
                if a.i in frames and frames[a.i].entry.type == "PROTEST":
                    protest = frames[a.i]
                else:  # the support verb of a protest noun: "staged demonstrations to demand"
                    protest = next((frames[c.i] for c in a.children if c.dep_ == "dobj" and c.i in frames
                                    and frames[c.i].entry.type == "PROTEST"), None)
            if protest is None:
                continue
            f.drop = "the topic of a protest"
            if not protest.recipients:
                protest.recipients = f.recipients
            if not protest.actors:
                protest.actors = f.actors

    def _condition_subjects(self, f: Frame) -> list[Participant]:
        out: list[Participant] = []
        idx = self._idx
        conditions = self.lex.marker("condition_marks")
        for v in (f.token, *[c for c in f.token.children if c.dep_ in ("xcomp", "ccomp")]):
            for c in v.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in conditions for m in c.children):
                    out += [r for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for r in idx.roles(s)]
                    if any(s.dep_ == "expl" for s in c.children):
                        # "unless there was a government rethink": the one whose rethink it would be
                        out += [r for s in c.children if s.dep_ == "attr" for r in idx.roles(s)]
        return out

    def _complement_roles(self, frames: dict[int, Frame], idx: ActorIndex) -> None:
        """A governing verb whose complement is no trigger still takes its recipient
        from it: "demanded that the US cancel ..." (the one asked), "threatened to cut
        electricity to X", "refused to respond to a demand from the US President"."""
        for g in frames.values():
            if not g.entry.governs or g.complement or g.recipients:
                continue
            # a noun's only complement clause is a for-to clause: "calls for the mayor to be tougher"
            comp = next((c for c in g.token.children if (c.dep_ in ("xcomp", "ccomp") and not g.noun or _for_clause(c))
                         and c.pos_ in ("VERB", "AUX") and c.i not in frames
                         and not any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
            if comp is None:
                continue
            probe = Frame(token=comp, pattern=g.pattern, tokens=[comp.i])
            self.verb_roles(probe, idx)
            own = {r.actor for r in g.actors}
            if g.entry.governs == "request" and comp.dep_ == "ccomp":
                found = [r for r in probe.actors if r.actor not in own] or probe.recipients
            else:
                found = probe.recipients
            g.recipients = [r for r in found if r.actor not in own]

    def _alleged_acts(self, frames: dict[int, Frame]) -> None:
        """An allegation told with the act alleged, not the one accused ("alleged that the police
        had tortured him", "has alleged of being tortured ... by police"): the one accused is who
        did the act alleged (the news-events guidelines: "X accused Y of killing Z" is ACCUSE X->Y
        and the killing, Y->Z); the act itself is coded apart."""
        for f in frames.values():
            e = f.entry
            if f.noun or e.type != "ACCUSE" or e.requires != "object" or f.has_object or f.recipients \
                    or f.governor is not None:
                continue
            t = f.token
            clauses = [c for c in t.children if c.dep_ == "ccomp"] + \
                [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pcomp"]
            inside = {w.i for c in clauses for w in c.subtree}
            own = {a.actor for a in f.actors}
            for g in sorted((g for g in frames.values() if g.token.i in inside and not g.noun), key=lambda g: g.token.i):
                doers = [a for a in g.actors if a.actor not in own]
                if doers:
                    f.recipients = doers
                    f.has_object = True
                    break

    def _event(self, f: Frame, doc: Doc, sent: tuple[int, int]) -> Event | None:
        m, e = f.modal, f.entry
        if m.belief and e.speaker_is_actor and e.type == "REQUEST":
            # "The Lib Dems believe the Home Secretary should allow ...": what someone holds
            # should be done is that party's demand, as when said (the believer is the speaker);
            # a judgement believed ("believes that Putin was wrong") stays an opinion
            believers = _believers(f.token, self.lex, self._idx)
            if believers:
                f.speakers, f.reported_by = believers, believers[0].actor
                m.belief = False
            elif f.reported_by is not None:
                m.belief = False  # "[Blair replied:] I think they are wrong": the quote's speaker
        if m.belief:
            return self._no(f, "a belief or forecast")
        if e.speaker_is_actor:
            if f.reported_by is None:
                return self._no(f, "no speaker to be its actor")
            if f.noun:
                m.negated = False  # "has no justification": the "no" is part of the pattern
            elif m.negated:
                return self._no(f, "negated obligation")  # "we must not forget": not a demand of anyone
            elif m.inverted:
                return self._no(f, "inverted modal")  # "should police fail to act": a condition
            elif f.type == "REQUEST" and (m.future or m.hypothetical or m.conditional):
                # "voters will need to wait", "a Labour chancellor would need to put up taxes": a
                # consequence foretold, not a demand of anyone
                return self._no(f, "a necessity foretold")
            m.obligation = m.hypothetical = m.purpose = False  # "must": part of the pattern
            # "[Ukraine and the West argue that] Putin has no justification": the
            # speakers accuse the subject
            f.recipients = f.actors
            f.actors = f.speakers
            speaker_actor = f.reported_by
            if f.type == "REQUEST" and m.reproach:
                # "said the government should have acted sooner": a reproach for what was not
                # done is criticism (CAMEO 111), not a demand
                f.type, f.cameo, f.mode = "ACCUSE", "111", "disapprove"
        else:
            speaker_actor = None
            if self._announced_passive(f):
                # "The government says unions will be consulted", "Mr Clarke has said detainees
                # will not be freed": an act of state told in the passive with no doer, announced
                # by an authority, is that authority's own (the guidelines code the speaker)
                f.actors = [r for r in f.speakers if r.actor == f.reported_by][:1]
        # PLOVER recoding by modality
        # the actor's own announcement, or one with no actor named but a speaker
        self_announced = f.reported_by is not None and (not f.actors or f.reported_by in {r.actor for r in f.actors})
        if f.complement:
            pass  # coded from its complement already ("agreed to cooperate", "refused to meet")
        elif nonevents.awaited(f.token, self.lex) and f.type == e.type and not m.negated \
                and (rec := self.lex.recoded(e, "request")) is not None:
            # "[Camacho said] Bolivians would remain in the street until Morales stepped down": who
            # holds out until another acts demands the act of it (news-events gold: REQUEST, asserted)
            head = f.token.head
            holders = [p for w in role_words("subject", head, [head.i], False) if (p := self._idx.at(w)) is not None]
            f.recipients = f.actors
            if f.reported_by is not None:
                f.actors = f.speakers
                speaker_actor = f.reported_by
            else:
                f.actors = holders
            f.type, f.cameo, f.mode = rec["type"], rec["cameo"], rec["mode"]
            m.conditional = m.hypothetical = m.future = m.intent = False
        elif m.negated and (m.future or m.intent or (m.unable and f.type in _COOPERATIVE_INTENT and bool(f.actors)
                                                     and not _relative(f.token))):
            # "would not apologise", "is not willing to meet"; and a cooperative act its actor says
            # it cannot do ("he could not sincerely say sorry", "police couldn't help her"): a
            # refusal (the news-events guidelines: "refused to meet" is REJECT, not a negated meeting)
            rec = self.lex.recoded(e, "refuse") if f.type == e.type else None
            if rec is not None:
                f.type, f.cameo, f.mode = rec["type"], rec["cameo"], rec["mode"]
                m.negated = False
                if m.unable and not (m.future or m.intent):
                    m.hypothetical = False  # the refusal is said, not supposed
                # PLOVER REJECT: the recipient is whose proposal or demand is refused
                f.recipients = _responded_to(f.token, self._idx) or f.recipients
        elif m.future and not m.intent and f.type == e.type and f.type in _ANNOUNCED_CONCESSIONS \
                and "intent" not in e.recode:
            # PLOVER 2.0 manual, CONCEDE: "the promise of future concessions such easing of ...
            # restrictions" ("Future concessions ... do not reduce to AGREE"); the news-events
            # gold: "a planned lifting of sanctions is CONCEDE (future)". Willingness and offers
            # ("is prepared to lift the ban") and agreements ("agreed to lift") stay AGREE below
            pass
        elif (m.intent or m.future) and f.type == e.type and f.type in _COOPERATIVE_INTENT:
            rec = self.lex.recoded(e, "intent")
            if rec is not None:
                f.type, f.cameo, f.mode = rec["type"], rec["cameo"] or f.cameo, rec["mode"]
        elif (m.intent or f.vowed or (m.future and self_announced)) and not m.negated and f.type == e.type \
                and f.type in _CONFLICT_INTENT \
                and (e.requires != "recipient" or f.recipients or f.place_target or f.vowed) \
                and (rec := self.lex.recoded(e, "threat")) is not None:
            # "[NATO confirmed] it would tighten the blockade", "is prepared to impose
            # martial law": the actor's own statement of intended harm is a threat (a
            # third party's "will attack" stays a forecast, ASSAULT + future)
            f.type, f.cameo, f.mode = rec["type"], rec["cameo"] or f.cameo, rec["mode"]
            m.future = m.intent = m.conditional = False
        elif m.intent and not m.future:
            m.future = True  # intended conflict keeps its type, marked as not (yet) happened
        if m.obligation:
            rec = self.lex.recoded(e, "request")
            others = {r.actor for r in f.actors}
            if rec is not None and f.reported_by and f.reported_by not in others:
                f.recipients = f.actors
                f.actors = f.speakers
                speaker_actor = f.reported_by
                f.type, f.cameo, f.mode = rec["type"], rec["cameo"], rec["mode"]
                if m.reproach:
                    # "said the government should have acted sooner": a reproach for what was
                    # not done is criticism (CAMEO 111), not a demand
                    f.type, f.cameo, f.mode = "ACCUSE", "111", "disapprove"
                m.hypothetical = m.purpose = False
                f.penalty += 0.1
            else:
                m.hypothetical = True
        if f.type != e.type:
            m.purpose = False  # the governing word said what happened

        if f.type == "THREATEN":
            # "threatened to stop talks if the United States goes ahead": a threat is
            # aimed at the one whose conduct is its condition
            f.recipients = f.recipients + self._condition_subjects(f)
        elif f.type == "REJECT" and not f.recipients:
            # "would not apologise even if Mr Blair asked": a refusal is addressed to the one
            # whose act would be its condition; "responding to BJP's charges": an answer to an
            # accusation, to the one who made it
            f.recipients = self._condition_subjects(f) or _charge_makers(f.token, self._idx)
        actors = _dedupe(f.actors)
        recipients = [r for r in _dedupe(f.recipients) if r.actor not in {a.actor for a in actors}]
        actor_ids = [a.actor for a in actors]
        if speaker_actor:
            actor_ids = [speaker_actor] + [a for a in actor_ids if a != speaker_actor]
        recipient_ids = [r.actor for r in recipients if r.actor not in actor_ids]
        # the mention each role was read from: the evidence for actor and recipient
        speaker_roles = [r for r in f.speakers if r.actor == speaker_actor][:1] if speaker_actor else []
        by_actor = {r.actor: r.mention for r in speaker_roles + actors}
        actor_mentions = [by_actor[a] for a in actor_ids if a in by_actor]
        recipient_mentions = [r.mention for r in recipients if r.actor in recipient_ids]

        # acceptance
        participants = bool(actor_ids or recipient_ids)
        if e.ambiguous and not any(a not in self._idx.generic for a in actor_ids + recipient_ids) \
                and not any(a in self._idx.placed for a in actor_ids) \
                and not (e.type == "PROTEST" and actor_ids):
            return self._no(f, "ambiguous word with only generic parties" if actor_ids + recipient_ids
                            else "ambiguous word with no party")  # "offered to citizens"
        if not actor_ids and recipient_ids and all(r in self._idx.weak for r in recipient_ids) \
                and (e.ambiguous or f.noun) and not (f.noun and e.type == "PROTEST" and e.mode in CROWD_MODES
                                                     and _crowd_act(f.token)):
            return self._no(f, "no doer and only a weak target")  # "supporting dissidents", "a ban on the FIS"
        armed = e.type == "ASSAULT" and any(a in self.armed for a in actor_ids)
        if e.requires == "recipient" and not recipient_ids and f.type == e.type and not (f.place_target or armed):
            return self._no(f, "requires a recipient")  # "attacked the plan" is not an attack; "troops attacked" is
        if e.requires == "object" and not (f.has_object or recipient_ids):
            return self._no(f, "requires an object")
        if e.requires == "counterpart" and not (f.complement or recipient_ids):
            return self._no(f, "requires a counterpart")  # "pledged to cut taxes": announced policy
        if e.requires == "accord" and f.type == e.type and not (
                f.complement or recipient_ids or len(actor_ids) > 1
                or _accord(f.token, self.lex.classes.get("pact", frozenset()) | self.lex.classes.get("proposal", frozenset()))):
            # "the Scottish Executive agreed to introduce a ban", "the government agreed to form a
            # higher body": one party's decision on its own policy, no agreement with anyone;
            # unless the story has just told whom it deals with (``_context_parties``)
            if not actor_ids:
                return self._no(f, "an agreement of one party with no one")
            accord_pending = True
        else:
            accord_pending = False
        dyad_pending = e.requires == "dyad" and not _dyad(actor_ids + recipient_ids, *self._idx.dyad)
        if dyad_pending and not any(a in self._idx.dyad[0] for a in actor_ids + recipient_ids):
            return self._no(f, "verb dictionary: needs two parties")  # as PETRARCH codes them
        if e.requires == "complement" and not (f.complement or recipient_ids or any(
                c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon", "against", "of"))
                for c in f.token.children)):
            return self._no(f, "requires a complement")
        if f.noun and not participants and not f.anchored and not (e.type == "PROTEST" and e.mode in CROWD_MODES
                                                                 and _crowd_act(f.token)):
            # (a protest, a strike or a riot with no one named is still a crowd's act: "mass
            # protests in 2003", "a miners' strike"; the conventions name the crowd)
            return self._no(f, "a noun with no party and no support verb")
        if not actor_ids and not speaker_actor and (m.hypothetical or m.conditional) \
                and not f.complement:
            return self._no(f, "no actor, hypothetical")  # "any foreign national can be detained": nobody's act

        confidence = 0.9 - f.penalty
        if not actor_ids:
            confidence -= 0.45
        elif all(a.pronoun for a in actors) and not speaker_actor:
            confidence -= 0.15
        elif any(not a.direct for a in actors):
            confidence -= 0.1
        if e.ambiguous:
            confidence -= 0.1
        if f.noun:
            confidence -= 0.05
        if any(r.located for r in actors + recipients):
            confidence -= 0.15  # a country read from where a group is, not who it is
        confidence = round(max(0.05, min(1.0, confidence)), 2)

        trig = _trigger_span(doc, f)
        score = self.scores["scores"].get(f"{f.type}:{f.mode}", self.scores["scores"].get(f.type))
        ev = Event(
            type=f.type, mode=f.mode, context=list(e.context), cameo=f.cameo,
            actor=actor_ids, recipient=recipient_ids, modality=modality(m),
            reported_by=f.reported_by,
            sentence=Offsets(*sent),
            trigger=Mention(trig[0], trig[1], self._text[trig[0]:trig[1]]),
            confidence=confidence, score=score, quad_class=self.scores["quad_class"].get(f.type),
            actor_mentions=actor_mentions, recipient_mentions=recipient_mentions,
            inferred=[role for role, roles in (("actor", actors), ("recipient", recipients))
                      if any(r.located and r.actor in actor_ids + recipient_ids for r in roles)],
        )
        if accord_pending:
            self.accords.add(id(ev))
        if dyad_pending:
            # one party found: the coding conventions may give the other ("criticised the
            # plans": the government); ``two_parties`` drops it if they do not
            self.dyads.add(id(ev))
        return ev

    def _context_parties(self, events: list[Event], doc: Doc, idx: ActorIndex) -> None:
        """Parties told in the sentences just before (``events.context``): an agreement of one
        party is made with the other party of the latest interaction its actor took part in, or
        with whoever did the act it takes up again (none told: no agreement, dropped); praise or a
        refusal of a definite noun telling an act again ("welcomed the move") with no recipient is
        aimed at whoever did that act."""
        acts = self.lex.marker("retold_acts")
        for ev in [e for e in events if id(e) in self.accords]:
            if context.counterpart(ev, doc, _told_before(ev, events, doc, context.SENTENCES), idx.codes, acts, idx.roles):
                _from_context(ev)
            else:
                events.remove(ev)
                self.note_event(ev, "an agreement of one party with no one")
        # before the coding conventions' defaults (a party's own government): the act told again
        # is the nearer sign of whom praise or a refusal is aimed at
        for ev in events:
            if ev.type in _RETELLING_TYPES and ev.actor and not ev.recipient \
                    and context.retold_act(ev, doc, _told_before(ev, events, doc, context.SENTENCES), acts, idx.roles, idx.codes):
                _from_context(ev)

    def _announced_passive(self, f: Frame) -> bool:
        """A verb in the passive with no doer named (no by-phrase), planned or promised (future
        or intent), or an instruction ("Police said the BJP leader was instructed to cooperate"),
        in what an authority of the state says (a speaker of sector GOV, COP, JUD or MIL): the
        authority tells its own act. Not what others say will be done (an opposition party's
        "taxes will be raised" is a forecast of the government's act)."""
        m, t = f.modal, f.token
        if f.noun or f.actors or f.reported_by is None or m.hypothetical or m.conditional \
                or not (m.future or m.intent or (f.type == "REQUEST" and f.entry.governs == "request")):
            return False
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or any(c.dep_ == "agent" for c in t.children):
            return False
        return self._idx.sectors.get(f.reported_by, "") in _ANNOUNCING_SECTORS \
            and any(r.actor == f.reported_by for r in f.speakers)

    def two_parties(self, events: list[Event], analysis: Analysis | None = None) -> list[Event]:
        """The events without those of the verb dictionary that still have one party only
        (PETRARCH codes a source and a target), once the conventions have filled what they can;
        with ``analysis``, a party is one the text places in a country."""
        out = []
        if analysis is not None:
            dyad = _dyad_parties(analysis.actors)
        for ev in events:
            if id(ev) in self.dyads and (len(set(ev.actor) | set(ev.recipient)) < 2 if analysis is None
                                         else not _dyad(ev.actor + ev.recipient, *dyad)):
                self.note_event(ev, "verb dictionary: needs two parties")
                continue
            out.append(ev)
        return out

    def note_event(self, ev: Event, why: str) -> None:
        if self.trace is not None:
            self.trace.append((ev.trigger.start, ev.trigger.text, ev.type, why))


# what answers a demand: its refusal or its granting
ANSWERS_TO_REQUEST = {"REJECT", "AGREE", "CONCEDE"}


def _sentence_of(ev: Event, doc: Doc) -> tuple[list[Span], int | None]:
    """The article's sentences and the index of the one ``ev``'s trigger is in."""
    sents = list(doc.sents)
    return sents, next((k for k, x in enumerate(sents) if x.start_char <= ev.trigger.start < x.end_char), None)


def _told_before(ev: Event, events: list[Event], doc: Doc, sentences: int) -> list[Event]:
    """The events told before ``ev`` in its sentence or the ``sentences`` sentences before
    it, the latest first: where an earlier act that ``ev`` answers or retells is looked for."""
    sents, here = _sentence_of(ev, doc)
    if here is None:
        return []
    earliest = sents[max(0, here - sentences)].start_char
    return [p for p in reversed(events) if p is not ev and earliest <= p.trigger.start < ev.trigger.start]


def _charged_party(verb: Token) -> Token | None:
    """The one a verb of charging, warning or preventing acts on, whom its of/for/against-phrase
    tells the act of: its object ("accused India of shelling"), its passive subject ("India was
    accused of shelling"), or the noun it modifies as a participle ("two Iranian citizens
    suspected of planning to ...", "a man accused of killing")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        obj = verb.head
    return obj


def _from_context(ev: Event) -> None:
    """A party taken from another sentence of the story, not from the event's own clause: the
    rule's score (a feature of the confidence model) is a little lower."""
    ev.confidence = round(max(0.05, ev.confidence - 0.1), 2)


def _answer_earlier(ev: Event, kind: str, events: list[Event], doc: Doc, sentences: int = 3) -> None:
    """"Sheikh Sabah denied the allegations" after "three opposition MPs ... accusing him of
    failing to check corruption": a refusal of allegations (calls, demands) whose makers the
    sentence does not name answers those who made the latest such speech act in the few
    sentences before, when they are others than the one refusing."""
    for prior in _told_before(ev, events, doc, sentences):
        if prior.type == kind and prior.actor and not set(prior.actor) & set(ev.actor):
            ev.recipient = list(prior.actor)
            ev.recipient_mentions = list(prior.actor_mentions)
            _from_context(ev)
            return


# measures one party imposes on another: told again as "the ban", "the embargo", their parties are
# those of the story's fuller telling ("the European Union's ban on arms exports to China")
_IMPOSED = {"ban", "embargo", "sanction", "blockade", "boycott", "moratorium"}
# acts about such a measure (asking for it to be lifted, pledging to lift it, refusing to)
_MEASURE_TYPES = {"REQUEST", "AGREE", "CONCEDE", "RETREAT", "REJECT", "SUPPORT", "ACCUSE"}
_MEASURE_PATH = {"dobj", "nsubjpass", "pobj", "prep", "pcomp", "xcomp", "ccomp", "acl", "advcl", "attr"}
_MEASURE_TARGET_PREPS = {"on", "against", "to", "for"}


def _measure_parties(ev: Event, doc: Doc, idx: ActorIndex) -> None:
    """"Germany and France have repeatedly called for the embargo to be lifted", after "the
    European Union's ban on arms exports to China": an act about a measure the sentence names
    with no party of its own ("the embargo") is addressed to the measure's parties as the story
    told them last before: to its target when the actor imposed it, else to whoever imposed it."""
    span = span_at(doc, ev.trigger)
    if span is None:
        return
    measure = _governed_measure(span.root)
    if measure is None or _measure_sides(measure, idx) != ([], []):
        return
    sent_start = measure.sent.start
    for k in range(sent_start - 1, -1, -1):
        t = doc[k]
        if t.lemma_.lower() not in _IMPOSED or t.pos_ != "NOUN":
            continue
        imposers, targets = _measure_sides(t, idx)
        if not imposers and not targets:
            continue
        if set(imposers) & set(ev.actor):
            parties = [a for a in targets if a not in ev.actor]
        elif not set(targets) & set(ev.actor):
            parties = [a for a in imposers if a not in ev.actor]
        else:
            parties = []
        if parties:
            ev.recipient = list(dict.fromkeys(parties))
            _from_context(ev)
        return


def _pact_party(ev: Event, doc: Doc, idx: ActorIndex, pacts: frozenset[str]) -> None:
    """The first party named inside the pact a signing verb takes as its object (its with-phrase,
    a clause on it: "the agreement allowing creation of the OAS mission"), other than the signer."""
    span = span_at(doc, ev.trigger)
    if span is None or span.root.pos_ != "VERB":
        return
    for obj in span.root.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in pacts:
            continue
        for w in obj.subtree:
            p = idx.at(w) if w.i != obj.i else None
            if p is not None and not p.pronoun and p.actor not in ev.actor and idx.country(p.actor):
                ev.recipient = [p.actor]
                ev.recipient_mentions = [p.mention]
                return


def _governed_measure(t: Token, depth: int = 0) -> Token | None:
    """A definite measure noun ("the ban") in the trigger's object, a few steps down."""
    for c in t.children:
        if c.dep_ not in _MEASURE_PATH:
            continue
        if c.pos_ == "NOUN" and c.lemma_.lower() in _IMPOSED \
                and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children):
            return c
        if depth < 3:
            found = _governed_measure(c, depth + 1)
            if found is not None:
                return found
    return None


def _measure_sides(t: Token, idx: ActorIndex) -> tuple[list[str], list[str]]:
    """Who imposes a measure noun (its possessor, a name modifying it, its by-phrase) and on whom
    (the first party in its on-, against-, to- or for-phrase)."""
    imposers: list[str] = []
    targets: list[str] = []
    for c in t.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            p = idx.at(c)
            if p is not None and not p.pronoun:
                imposers.append(p.actor)
        elif c.dep_ in ("prep", "agent"):
            for w in c.subtree:
                p = idx.at(w) if w.i != c.i else None
                if p is not None and not p.pronoun:
                    (imposers if c.lower_ == "by" else targets if c.lower_ in _MEASURE_TARGET_PREPS else []).append(p.actor)
                    break
    return imposers, targets


def _answer_speaker(ev: Event, quotes: list[Quote], doc: Doc, idx: ActorIndex, sentences: int = 2) -> None:
    """A refusal that names no addressee (and answers no act told before it) answers the speaker
    whose words the story reported last, in its sentence before it or in the ``sentences``
    sentences before: "Le Monde ... said that data had been transferred to Chinese servers.
    Beijing rejected the accusations". Not the refuser's own words, nor those of someone of the
    refuser's own side (the same code: a colleague agreeing), nor words that hold the refusal."""
    sents, here = _sentence_of(ev, doc)
    if here is None:
        return
    earliest = sents[max(0, here - sentences)].start_char
    mine = {idx.codes.get(a) for a in ev.actor} - {None, ""}
    said = sorted((q for q in quotes if q.speaker is not None and earliest <= q.start and q.end <= ev.trigger.start),
                  key=lambda q: q.end, reverse=True)
    for q in said:
        if q.speaker in ev.actor or idx.codes.get(q.speaker) in mine:
            continue
        if not idx.country(q.speaker):
            return  # a speaker of no known country: no guess
        ev.recipient = [q.speaker]
        ev.recipient_mentions = [q.speaker_mention or Mention(q.start, q.start, "")]
        _from_context(ev)
        return


def _asked_of_refuser(ev: Event, events: list[Event], doc: Doc, sentences: int = 1) -> None:
    """A request with no addressee, refused (or granted) in its sentence or the next by another
    party that answers no one else: that party is the one asked."""
    for later in _told_after(ev, events, doc, sentences):
        if later.type in ANSWERS_TO_REQUEST and later.actor and not set(later.actor) & set(ev.actor) \
                and (not later.recipient or set(later.recipient) <= set(ev.actor)):
            ev.recipient = list(later.actor)
            ev.recipient_mentions = list(later.actor_mentions)
            _from_context(ev)
            if not later.recipient:
                later.recipient = list(ev.actor)
                later.recipient_mentions = list(ev.actor_mentions)
            return
        if later.type == "REQUEST":
            return  # another demand comes between


def _told_after(ev: Event, events: list[Event], doc: Doc, sentences: int) -> list[Event]:
    """The events told after ``ev`` in its sentence or the ``sentences`` sentences after it,
    the nearest first."""
    sents, here = _sentence_of(ev, doc)
    if here is None:
        return []
    last = sents[min(len(sents) - 1, here + sentences)].end_char
    return sorted((p for p in events if p is not ev and ev.trigger.start < p.trigger.start < last),
                  key=lambda p: p.trigger.start)


def _rebut_earlier(ev: Event, events: list[Event], doc: Doc, idx: ActorIndex, sentences: int = 2) -> bool:
    """"The Lib Dems oppose the proposals, but ministers insist they are proportionate": a
    political actor rebutting an accusation made against it (its own side: the same actor or
    code) in the same or the few sentences before answers its makers (guidelines: REJECT).
    Sets the recipient; False when no such accusation was told."""
    if not ev.actor:
        return False
    codes = {c for c in (idx.codes.get(a) for a in ev.actor) if c and len(c) > 3}  # a side: a country and a sector
    for prior in _told_before(ev, events, doc, sentences):
        if prior.type != "ACCUSE" or not prior.actor or set(prior.actor) & set(ev.actor) \
                or {idx.codes.get(a) for a in prior.actor} & codes:
            continue
        # (criticism of a policy with no one named, "oppose the proposals": the government's,
        # as the coding conventions read it)
        implied = {idx.country(a) + "GOV" for a in prior.actor} if not prior.recipient else set()
        if set(prior.recipient) & set(ev.actor) or {idx.codes.get(r) for r in prior.recipient} & codes \
                or implied & codes:
            ev.recipient = list(prior.actor)
            ev.recipient_mentions = list(prior.actor_mentions)
            return True
    return False


def _rebut_said(ev: Event, quotes: list[Quote], doc: Doc, idx: ActorIndex, cues: Collection[str],
                sentences: int = 2) -> bool:
    """"Mr Blair also distanced himself from Labour posters, which critics claimed were
    'anti-Semitic'. These were 'not intended to cause any offence', Mr Blair insisted": a rebuttal
    with no accusation coded before answers the latest charge reported in its sentence or the
    ``sentences`` before, a statement whose cue makes a charge (``cues``: the lexicon's
    ``charge_cues``, "claimed", "fear") by a party of the rebutter's country and of another code.
    Sets the recipient; False when no such statement was told (2 right, no false event on the
    development gold; any statement of another side: 2 right, 5 false)."""
    if not ev.actor:
        return False
    codes = {idx.codes.get(a) for a in ev.actor}
    countries = {idx.country(a) for a in ev.actor}
    sents, here = _sentence_of(ev, doc)
    if here is None:
        return False
    earliest = sents[max(0, here - sentences)].start_char
    for q in sorted(quotes, key=lambda q: -q.start):
        if not earliest <= q.start < q.end <= ev.trigger.start or q.kind not in SAID_KINDS or q.speaker is None:
            continue
        if q.speaker in ev.actor or idx.codes.get(q.speaker) in codes or idx.country(q.speaker) not in countries:
            continue
        if not (q.cue and cue_is(doc, q, cues)):
            continue
        ev.recipient = [q.speaker]
        ev.recipient_mentions = [q.speaker_mention] if q.speaker_mention else []
        return True
    return False


def _meeting_parties(ev: Event, events: list[Event], doc: Doc, sentences: int = 3) -> None:
    """A meeting or an agreement told with no party takes the parties of the latest meeting or
    agreement between two or more parties in the few sentences before."""
    for prior in _told_before(ev, events, doc, sentences):
        if prior.type in _MEETING_TYPES and len(set(prior.actor) | set(prior.recipient)) >= 2:
            ev.actor = list(dict.fromkeys(prior.actor + prior.recipient))
            ev.actor_mentions = list(prior.actor_mentions) + list(prior.recipient_mentions)
            _from_context(ev)
            return


def _governing_verb(prep: Token) -> Token | None:
    """The verb a prepositional phrase tells the circumstances of ("on the orders of the court"
    hung on the verb, or on its object: "probing the case on the orders of ...")."""
    w = prep.head
    for _ in range(3):
        if w.pos_ in ("VERB", "AUX"):
            return w
        if w.head.i == w.i:
            return None
        w = w.head
    return None


def _in_support_of(n: Token) -> bool:
    """"came out in support of Morocco", "marched in solidarity of ...": the "of" phrase of a
    backing noun told as what was done *in* it is who is backed ("with the support of the UN"
    names the backer)."""
    return n.dep_ == "pobj" and n.head.lower_ == "in" and not any(c.dep_ == "det" for c in n.children)


def _stranded_object(prep: Token, idx: ActorIndex) -> list[Participant]:
    """A preposition the parser left without its object because a reduced relative
    follows: "granted asylum to five officers holed up in ..." parses "officers" as
    the subject of "holed". The object is that subject, when it starts right after."""
    clauses = [c for c in prep.children if c.dep_ == "pcomp"] + \
        [c for c in prep.head.children if c.dep_ in ("advcl", "ccomp", "xcomp", "conj")]
    for clause in clauses:
        if clause.i > prep.i:
            for s in clause.children:
                if s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == prep.i + 1:
                    return idx.roles(s)
    return []


def _deed_owner(t: Token, idx: ActorIndex) -> list[Participant]:
    """"hold Putin accountable for what he called a barbaric war": the war is
    Putin's, so the one the naming accuses is who the enclosing predicate is about."""
    node = t
    for _ in range(3):
        if node.dep_ not in ("pcomp", "pobj", "prep", "ccomp", "relcl") or node.head.i == node.i:
            break
        node = node.head
        for c in node.children:
            if c.dep_ in ("nsubj", "dobj") and c.i < t.i:
                found = idx.roles(c)
                if found:
                    return found
    return []


def _responded_to(t: Token, idx: ActorIndex) -> list[Participant]:
    """"When asked about Biden's remarks, Peskov said ... Russia would not leave": a
    refusal given in answer to someone's words is addressed to that someone."""
    root = t.sent.root
    for c in root.children:
        if c.dep_ in ("advcl", "prep") and c.i < t.i and \
                any(w.lemma_.lower() in _RESPONSE_WORDS for w in c.subtree):
            found = [r for w in c.subtree if w.dep_ in ("poss", "pobj", "dobj") for r in [idx.at(w)] if r is not None]
            if found:
                return found
    return []


def _charge_makers(t: Token, idx: ActorIndex) -> list[Participant]:
    """Who made the accusation a response answers ("responding to BJP's charges", "in response
    to the accusations from Dr Cholnan", "a challenge by the Tory leader"): the accusation noun's
    possessive or compound, its from- or by-phrase, else the actors coded on it."""
    charges = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
               if p.dep_ == "pobj" and p.lemma_.lower() in _CHARGES]
    out: list[Participant] = []
    for n in charges:
        for c in n.children:
            if c.dep_ in ("poss", "compound"):
                out += idx.roles(c)
            elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
                out += [r for p in c.children if p.dep_ == "pobj" for r in idx.roles(p)]
        out = out or list(idx.noun_actors.get(n.i, []))
    return out


def _named_doer(n: Token, e, idx) -> bool:
    """An event noun whose possessive, or by / from / of phrase when that is its doer, names an
    actor: "George Bush's refusal", "support from Cabinet allies", "the resignation of the minister"."""
    for c in n.children:
        if c.dep_ == "poss" and e.poss != "recipient" and idx.roles(c):
            return True
        if c.dep_ == "prep" and (c.lower_ in ("by", "from") or (c.lower_ == "of" and e.of == "actor")) \
                and any(idx.roles(p) for p in c.children if p.dep_ == "pobj"):
            return True
    return False


def _describing_participle(t: Token) -> bool:
    """A past participle that describes a noun ("the murdered hero", "men detained in the
    UK", "militiamen armed with machetes") with no one said to have done it."""
    if t.tag_ != "VBN":
        return False
    if t.dep_ == "amod":
        return True
    if t.dep_ in ("acomp", "oprd") and t.head.lemma_.lower() in _LINKING_VERBS:
        return True  # "Brown feels deeply betrayed": a state the subject is in, not an act told
    return t.dep_ == "acl" and not any(c.dep_ in ("agent", "aux", "auxpass", "dobj", "xcomp", "ccomp")
                                       for c in t.children)


def _own_envoys(obj: Token, idx: ActorIndex, actors: list[Participant]) -> list[Participant] | None:
    """"Kenya recalled its ambassador from Somalia", "sent its envoy to Addis Ababa": an object the
    subject owns ("its", "their", "his" of the subject's country) is no recipient; the party its
    from- or to-phrase names is (None: the object is no such thing)."""
    if not actors or not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children):
        return None
    country = {idx.country(a.actor) for a in actors} - {""}
    mine = idx.roles(obj)
    if not mine or not country or any(idx.country(r.actor) not in country for r in mine):
        return None
    there = [r for p in obj.children if p.dep_ == "prep" and p.lower_ in ("from", "to")
             for q in p.children if q.dep_ == "pobj" for r in idx.roles(q)
             if idx.country(r.actor) not in country]
    return there if there else None


def _companions(s: Token, v: Token, idx: ActorIndex, found: list[Participant]) -> list[Participant]:
    """"Kenya, along with Uganda, condemned", "Kenya, together with Uganda, ...", "Kenya,
    alongside Uganda, ...": a party set between the subject and its verb by "along with",
    "together with" or "alongside" acts with the subject."""
    if not found:
        return []
    preps = [c for w in (s, v) for c in w.children if c.dep_ == "prep" and s.i < c.i < v.i]
    objs = []
    for c in preps:
        if c.lower_ == "alongside" or (c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children)):
            objs += [p for p in c.children if p.dep_ == "pobj"]
        elif c.lower_ in ("along", "together"):
            objs += [p for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
    own = {r.actor for r in found}
    return [r for p in objs for r in idx.roles(p) if r.actor not in own]


def _nominal_gerund(t: Token) -> bool:
    """A gerund standing as a noun phrase of its clause, with no subject of its own: "Fighting
    between the two sides killed ten", "there was shooting between ..." """
    return t.tag_ == "VBG" and t.dep_ in ("nsubj", "nsubjpass", "attr", "conj", "pobj") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "poss") for c in t.children) \
        and any(c.dep_ == "prep" and c.lower_ == "between" for c in t.children)


def _exemplifying(prep: Token) -> bool:
    """"such as", "including", "like": the phrase gives an example of its noun."""
    return (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)) or \
        prep.lower_ in ("including", "like")


def _for_clause(t: Token) -> bool:
    """A for-to clause: "(calls) for the mayor to apologise"."""
    return t.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children)


def _relative(t: Token) -> bool:
    """A verb of a relative clause ("anything that he cannot deliver"), however the parser
    attaches it: what it says is about the thing, no act of its own."""
    return t.dep_ == "relcl" or any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                    for c in t.children)


# the prepositions by which a meeting noun is only pointed at: "an address to the summit",
# "within hours of his final talks", "a message against his planned visit", "referred to the
# Prime Minister's visit" (none tells who met whom: the meeting is told elsewhere, or is none)
_MEETING_REFERENCE_PREPS = {"to", "of", "against", "about"}
# nouns of which a meeting noun is a part or a step, not a reference: "a round of talks"
_MEETING_PARTS = {"round", "series", "start", "resumption", "string", "host", "venue", "result", "outcome"}
# verbs that only point at a meeting ("referred to the Prime Minister's visit")
_POINTING_VERBS = {"refer", "point", "allude"}


def _meeting_named(n: Token, events: set[int], lex: Lexicon) -> bool:
    """A meeting noun (a CONSULT entry's) that the sentence only names: the object of to / of /
    against / about on a word that is no trigger, or a copula's predicate ("This was more talk
    from Gordon Brown", "what is expected to be their last conference")."""
    head = n.head
    if n.dep_ == "attr" and head.lemma_ == "be":
        return True
    if n.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in _MEETING_REFERENCE_PREPS:
        return False
    above = head.head
    if above.i in events or above.lemma_.lower() in _MEETING_PARTS or above.lemma_.lower() in lex.classes.get("gathering", ()):
        return False
    # "invited to the summit", "agreed to talks", "open to talks": a verb or adjective that takes
    # the meeting as what it offers or accepts is no mere reference
    return above.pos_ in ("NOUN", "PROPN") or (above.pos_ == "VERB" and head.lower_ in ("against", "about")) \
        or above.lemma_.lower() in _POINTING_VERBS


# the words of "in order to" (and "as") before an infinitive: a purpose, not what the one asked is to do
_PURPOSE_WORDS = {"order", "as"}


def _control_infinitive(t: Token) -> bool:
    """A bare to-infinitive hung on its verb as an adverbial clause, with no subject, mark or
    "in order" of its own: "(called on Mr Hockney) to quit", as the parser often attaches it."""
    kids = list(t.children)
    return (t.dep_ == "advcl" and t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in kids)
            and not any(c.lower_ in _PURPOSE_WORDS and c.i < t.i for c in t.head.children if c.dep_ == "prep"))


def _future_clause(t: Token, lex: Lexicon) -> bool:
    """A clause told in the future: "(promised) he would stand down"."""
    return any(c.dep_ == "aux" and c.lower_ in lex.marker("future_aux") for c in t.children)


def _lemmas(t: Token) -> set[str]:
    """The lemma and a few stem guesses: the small model lemmatises "staged" as "stag"."""
    low = t.lower_
    return {t.lemma_.lower(), low, low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ied") else low}


def _trigger_span(doc: Doc, f: Frame) -> tuple[int, int]:
    ids = f.tokens
    if len(ids) > 1 and ids == list(range(ids[0], ids[-1] + 1)):
        return doc[ids[0]].idx, doc[ids[-1]].idx + len(doc[ids[-1]].text)
    t = f.token
    return t.idx, t.idx + len(t.text)


def _believers(t: Token, lex: Lexicon, idx: ActorIndex) -> list[Participant]:
    """The named parties (no pronoun) that are the subject of the nearest belief verb above ``t``
    ("[the Lib Dems] believe ... should allow")."""
    cur = t
    for _ in range(8):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in lex.marker("belief_verbs"):
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            return [r for c in subj for r in idx.roles(c) if not r.pronoun] if subj else []
    return []


def _reporter(t: Token, quotes: list[Quote]) -> Quote | None:
    """The innermost quote or reported clause that holds the trigger."""
    best = None
    for q in quotes:
        if q.start <= t.idx < q.end:
            if best is None or (q.end - q.start) < (best.end - best.start):
                best = q
    return best


def _speakers(q: Quote | None, doc: Doc, idx: ActorIndex) -> list[Participant]:
    """The speaker and the speakers conjoined with it ("Ukraine and the West argue")."""
    if q is None or q.speaker is None:
        return []
    roles: list[Participant] = []
    if q.speaker_mention is not None:
        span = span_at(doc, q.speaker_mention)
        if span is not None:
            roles = [r for r in idx.roles(span.root) if not r.pronoun or r.actor == q.speaker]
    if q.speaker not in {r.actor for r in roles}:
        roles.insert(0, Participant(q.speaker, q.speaker_mention or Mention(q.start, q.start, ""), False, True))
    return _dedupe(roles)
