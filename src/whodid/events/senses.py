"""Word senses: which lexicon entry a matched trigger stands for, read from the words around it.

A trigger word often has senses that are no event, or another event: "execute a
prisoner" / "execute a contract", "attack the town" (ASSAULT) / "attack his record"
(ACCUSE), "meet the minister" / "meet the fiscal rules", "welcome the visitors"
(CONSULT) / "welcome the decision" (SUPPORT). The lexicon says, per entry, in which
words it applies (``when``), in which it does not (``unless``), and in which the
words are a statement without substance (``void_when``: "declined to comment",
"denied reports that ..."); see the "Sense constraints" part of ``lexicon.yaml``.

The coder tries a word's entries from the most specific (more words, then an entry
with a ``when``), in lexicon order, and keeps the first whose constraints hold; a
word none of whose entries fit is no trigger.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from whodid.knowledge.lexicon import Condition, Lexicon, Pattern
from whodid.nlp.vocab import COPULAS, PLACE_NOUNS

# "speak with X", "fire at X", "appealed against X": a verb's object when it has no direct one
_OBJECT_PREPS = {"with", "at", "against", "on", "upon", "into", "to", "toward", "towards"}
# an event noun's object: "attack on X", "visit to X", "talks with X", "release of X"
_NOUN_OBJECT_PREPS = _OBJECT_PREPS | {"of"}
_PERSONAL_PRONOUNS = {"he", "him", "she", "her", "they", "them", "we", "us", "i", "me", "you",
                      "himself", "herself", "themselves", "ourselves", "myself", "yourself", "yourselves"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
# sectors of the state's civil bodies: government, its agencies, courts, civil police
_STATE_SECTORS = {"GOV", "JUD", "COP"}


class Actors(Protocol):
    """What the senses need to know of the actors (the coder's ActorIndex)."""

    armed: set[str]
    kinds: dict[str, str]
    sectors: dict[str, str]

    def at(self, t: Token): ...


def role_words(role: str, t: Token, ids: list[int], noun: bool) -> list[Token]:
    """The words that fill ``role`` around the trigger ``t`` (``ids``: the matched words)."""
    kids = list(t.children)
    if role == "object":
        if noun:
            return [p for c in kids + shared_noun_phrases(t) if c.dep_ == "prep" and c.lower_ in _NOUN_OBJECT_PREPS
                    for p in c.children if p.dep_ == "pobj"]
        found = [c for c in kids if c.dep_ == "dobj"] or [c for c in kids if c.dep_ == "nsubjpass"] \
            or _shared_objects(t)
        if not found and t.dep_ in ("acl", "amod") and t.tag_ == "VBN":
            found = [t.head]  # "questions sent to the embassy", "the murdered hero"
        if not found:
            # "remained under house arrest, having been released on a bond": a passive clause with
            # no subject of its own is done to the subject of the clause it hangs on
            found = _controller(t)
        if not found:
            matched = {i for i in ids[1:]}
            preps = [c for c in kids if c.dep_ == "prep" and c.i in matched] or \
                [c for c in kids if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS]
            found = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        return found
    if role == "direct_object":
        return [c for c in kids if c.dep_ == "dobj"] or _shared_objects(t)
    if role == "subject":
        return _subject(t)
    if role == "doer":
        return _doer(t, noun)
    if role == "complement":
        return [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if role == "complement_object":
        # what the verb of its clause acts on: "declined to give details", "refused to make a comment"
        return [o for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                for o in c.children if o.dep_ in ("dobj", "nsubjpass")]
    if role == "complement_subject":
        # an infinitive only: "told reporters that ..." asks nothing of the reporters
        # (the parser often hangs the infinitive of "directed the lawmakers to avoid ..." on
        # the verb as a purpose clause: with a direct object before it, it is the same
        # object-control infinitive)
        has_object = any(c.dep_ in ("dobj", "dative") for c in kids)
        comps = [c for c in kids if (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and has_object
                                                                       and c.i > t.i))
                 and c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        found = [s for c in comps for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if comps:
            found += [c for c in kids if c.dep_ in ("dobj", "dative")]  # "warned Brown not to ..."
            # "the BJP leader was instructed to cooperate": in the passive, the one told is its subject
            found += [c for c in kids if c.dep_ == "nsubjpass"]
        return found
    if role == "clause_subject":
        # who a finite clause it takes is about, named (not a pronoun: "admitted he had lied"):
        # "acknowledged some countries still had to see the light"
        return [s for c in kids if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in ("NOUN", "PROPN")]
    if role == "predicate":
        found = [c for c in kids if c.dep_ in ("oprd", "attr", "acomp")]
        if any(c.dep_ == "dobj" for c in kids):  # "called the raid a crime"
            found += [c for c in kids if c.dep_ in ("xcomp", "ccomp")]
        return found
    if role == "dependent":
        return kids
    if role == "modifier":
        return [c for c in kids if c.dep_ in ("compound", "amod", "nmod", "poss", "advmod", "npadvmod")]
    if role == "subtree":  # below the trigger, but not its subject ("election violence hit ...")
        subject = {w.i for c in kids if c.dep_ in ("nsubj", "nsubjpass", "csubj") for w in c.subtree}
        return [w for w in t.subtree if w.i != t.i and w.i not in subject]
    if role == "trigger":
        return [t]
    if role.startswith("prep:"):
        word = role[5:]
        # on the word, or on its direct object: the parser often hangs "with Blair" on
        # "campaign" in "discussed the campaign with Blair"
        heads = [t] + [c for c in kids if c.dep_ == "dobj"]
        return [p for h in heads for c in h.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == word
                for p in c.children if p.dep_ in ("pobj", "pcomp")]
    return []


# prepositions of a passive clause that tells what befell the subject of the clause it hangs on
# ("questioned by police before being released", "freed after being held")
CONTROLLED_CLAUSE_PREPS = {"before", "after", "since", "upon", "on", "without", "despite", "while", "until", "of"}
# of these, the one whose clause tells what befell the verb's object when it has one ("accused the
# minister of being bribed"), else its subject ("complained of being beaten by police")
_OBJECT_CLAUSE_PREPS = {"of"}


def controlling_verb(t: Token) -> Token | None:
    """The verb whose subject a passive clause with no subject of its own is about: "were
    questioned by police before being RELEASED", "will remain under house arrest, having been
    RELEASED on a bond" (None: ``t`` is no such clause)."""
    kids = list(t.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in kids):
        return None
    head = t.head
    if t.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in CONTROLLED_CLAUSE_PREPS:
        head = head.head
    elif t.dep_ != "advcl" or any(c.dep_ == "mark" for c in kids):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != t.i else None


def controlled_object(t: Token) -> Token | None:
    """The object of the verb a passive "of" clause with no subject of its own tells of ("accused
    the MINISTER of being bribed"); None when it has none or ``t`` is no such clause."""
    v = controlling_verb(t)
    if v is None or t.dep_ != "pcomp" or t.head.lower_ not in _OBJECT_CLAUSE_PREPS:
        return None
    return next((c for c in v.children if c.dep_ == "dobj"), None)


def _controller(t: Token) -> list[Token]:
    obj = controlled_object(t)
    if obj is not None:
        return [obj]
    v = controlling_verb(t)
    for _ in range(3):
        if v is None:
            return []
        found = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if found:
            return found
        # "He is scheduled to be sentenced and will remain ..., having been released": a
        # conjoined verb's subject is its first conjunct's
        v = v.head if v.dep_ == "conj" and v.head.i != v.i else None
    return []


def shared_noun_phrases(n: Token) -> list[Token]:
    """The phrases a noun conjoined to another shares with it ("the resignations and arrests OF
    the president"): a prepositional phrase on the first conjunct after the coordination, when the
    second has none of its own; and the possessive of the noun a modifying noun is parsed under
    ("RUSSIA'S invasion and war crimes", parsed as Russia's [invasion and war] crimes)."""
    if n.dep_ in ("nmod", "compound") and n.pos_ == "NOUN" and n.head.pos_ == "NOUN" and n.head.i > n.i \
            and not any(c.dep_ in ("poss", "det") for c in n.children):
        return [c for c in n.head.children if c.dep_ == "poss" and c.i < n.i]
    if n.dep_ != "conj" or n.pos_ != "NOUN" or n.head.pos_ != "NOUN" or n.head.i == n.i:
        return []
    own = {c.dep_ for c in n.children}
    first = n.head
    shared = [c for c in first.children if c.dep_ == "prep" and c.i > n.i and "prep" not in own]
    return shared


def _shared_objects(t: Token) -> list[Token]:
    """"demanding and accepting a bribe": coordinated verbs share the object of the last one (not
    when the first has words of its own before the coordination: "consulted on the rules ... but
    made no changes" made the changes alone)."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
        return []
    if any(c.i > t.i and c.dep_ not in ("conj", "cc", "punct", "prt") for c in t.children):
        return []
    return [o for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            for o in c.children if o.dep_ == "dobj"]


# words that count people: "thousands of", "a crowd of", "scores of"
_COUNTS = {"thousand", "hundred", "dozen", "million", "score", "crowd", "number", "group", "lot", "handful"}


def _subject(t: Token, depth: int = 0) -> list[Token]:
    """The subject or by-agent; for an infinitive or a conjoined verb with none of its
    own, its controller's ("pledged never to attack Howard": the one who pledged)."""
    kids = list(t.children)
    found = [c for c in kids if c.dep_ in ("nsubj", "csubj")]
    # "the accident that killed 35 people": a relative pronoun stands for the noun it relates to
    found = [t.head if c.tag_ in ("WDT", "WP") and t.dep_ == "relcl" else c for c in found]
    found += [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    # "thousands of protesters marched": a crowd counted is also who it is
    found += [p for c in found if c.like_num or c.lemma_.lower() in _COUNTS
              for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children if p.dep_ == "pobj"]
    if found or depth >= 3 or t.head.i == t.i or any(c.dep_ == "nsubjpass" for c in kids):
        return found
    if t.dep_ == "xcomp":
        objects = [c for c in t.head.children if c.dep_ in ("dobj", "dative")]
        return objects or _subject(t.head, depth + 1)  # "urged Russia to leave": Russia
    if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
        return _subject(t.head, depth + 1)
    if t.dep_ == "acl" and t.tag_ == "VBG":
        # "a government crackdown targeting Chinese firms", "gunmen attacking the convoy": a
        # present participle on a noun is done by what the noun names
        return [t.head]
    if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in kids):
        # "a judge issued an injunction, banning protesters from ...": a participle's subject is
        # its clause's
        return _subject(t.head, depth + 1)
    return found


def _doer(t: Token, noun: bool) -> list[Token]:
    """Who does the act: a verb's subject; an event noun's by-phrase, or the subject of the
    verb it is the object of ("raids by the directorate", "authorities conducted a raid")."""
    if not noun:
        return _subject(t)
    found = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    if not found and t.dep_ == "dobj" and t.head.pos_ in ("VERB", "AUX"):
        found = _subject(t.head)
    return found


def describes(w: Token) -> bool:
    """``w`` heads a clause that says what something is ("agreed that these are serious
    problems", "agreed it was important"): a copula with its predicate, not an act."""
    return w.lemma_.lower() in COPULAS and any(c.dep_ in ("attr", "acomp", "oprd") for c in w.children) \
        and any(c.dep_ in ("nsubj", "expl", "csubj") for c in w.children)


def judges(w: Token) -> bool:
    """``w`` heads a clause that judges something ("warned that the war could be illegal",
    "the stakes are too high"), not one that tells that something will be ("warned there
    could be further walkouts"): a description whose subject is not existential "there"."""
    return describes(w) and not any(c.dep_ == "expl" for c in w.children)


def own_thing(w: Token, depth: int = 0) -> bool:
    """``w`` is the subject's own thing: a possessive pronoun or "own" on it or on its possessor
    ("his policy", "his party's handling of the bill", "their own plan")."""
    for c in w.children:
        if c.dep_ == "poss" and (c.tag_ == "PRP$" or (depth < 2 and own_thing(c, depth + 1))):
            return True
        if c.dep_ == "amod" and c.lower_ == "own":
            return True
    return False


def _antecedent(w: Token) -> Token:
    """The noun a relative pronoun stands for ("the centre, which the group handed over": the
    centre); any other word itself."""
    return w.head.head if w.tag_ in ("WDT", "WP") and w.head.dep_ == "relcl" else w


class Senses:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def _is(self, w: Token, cls: str, actors: Actors, triggers: set[int]) -> bool:
        if cls == "any":
            return True
        if cls == "actor":
            return actors.at(w) is not None
        if cls in ("person", "group", "organization", "armed"):
            r = actors.at(w)
            if r is None:
                # "the EU foreign policy coordinator Catherine Ashton": the parser makes the
                # title the head and the name its apposition; the named actor is the party
                r = next((p for c in w.children if c.dep_ == "appos" and (p := actors.at(c)) is not None), None)
            if cls == "armed":
                return r is not None and r.actor in actors.armed
            kind = actors.kinds.get(r.actor) if r is not None else None
            if cls == "group":
                return kind is not None and kind != "person"
            if cls == "organization":  # a party, a body, a group: not a person nor a country
                return kind in ("organization", "group")
            return kind == "person" or (r is None and (w.ent_type_ == "PERSON" or w.tag_ == "CD"
                                                       or (w.pos_ == "PRON" and w.lower_ in _PERSONAL_PRONOUNS)))
        if cls == "place":
            return w.ent_type_ in _PLACE_ENTS or w.lemma_.lower() in PLACE_NOUNS
        if cls == "gpe":
            return w.ent_type_ == "GPE"
        if cls == "date":
            return w.ent_type_ in ("DATE", "TIME")
        if cls == "event":
            return w.i in triggers
        if cls == "question":
            return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in w.children) or \
                any(c.tag_ in ("WRB", "WP", "WDT") and c.i < w.i for c in w.children)
        if cls == "description":
            return describes(w)
        if cls == "judgement":  # not the subject's readiness to act: "warned it was prepared to take action"
            willing = self.lex.marker("willing_adjs")
            return judges(w) and not any(c.dep_ == "acomp" and c.lemma_.lower() in willing for c in w.children)
        if cls == "state_body":  # a body of the state that bears no arms: a ministry, an agency, a court
            r = actors.at(w)
            return r is not None and r.actor not in actors.armed and \
                (actors.sectors.get(r.actor) or "") in _STATE_SECTORS
        if cls == "issue":  # what a dispute is over: a common noun, no party, place, date or person
            return w.pos_ == "NOUN" and actors.at(w) is None and w.ent_type_ == "" \
                and w.lemma_.lower() not in PLACE_NOUNS and w.lemma_.lower() not in (self.lex.classes.get("people") or ())
        if cls == "thing":  # such a noun that is no act either ("a suppressant that is banned")
            w = _antecedent(w)
            return w.i not in triggers and self._is(w, "issue", actors, triggers)
        if cls == "own":
            return actors.at(w) is None and own_thing(w)
        if cls == "plural":
            return w.tag_ in ("NNS", "NNPS") or bool(w.conjuncts)
        if cls == "single":  # one party: "the minister", not "Japan and New Zealand", "the two sides"
            return not (w.tag_ in ("NNS", "NNPS") or w.conjuncts or w.lower_ in ("they", "we", "both"))
        if cls == "clause":  # a finite clause with its own subject: "agrees that the system should change"
            return not any(c.dep_ == "aux" and c.lower_ == "to" for c in w.children) and \
                any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in w.children)
        if cls == "said_by":  # "Mr Howard's comment", "the remarks of the minister": someone's words
            words = self.lex.classes.get("speech") or ()
            return (w.lemma_.lower() in words or w.lower_ in words) and any(
                (c.dep_ == "poss" and c.lower_ not in ("its", "their")) or
                (c.dep_ == "prep" and c.lower_ in ("of", "by") and any(p.dep_ == "pobj" and actors.at(p) is not None
                                                                      for p in c.children))
                for c in w.children)
        if cls == "infinitive":  # "fighting to topple his government": an aim, not the act
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in w.children)
        if cls == "passive":
            return any(c.dep_ in ("auxpass", "nsubjpass") for c in w.children) or \
                (w.tag_ == "VBN" and w.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in w.children))
        words = self.lex.classes.get(cls)
        if words:
            w = _antecedent(w)
        return bool(words) and (w.lemma_.lower() in words or w.lower_ in words)

    def condition(self, cond: Condition, t: Token, ids: list[int], noun: bool, actors: Actors,
                  triggers: set[int]) -> bool:
        for role, classes in cond.items():
            words = role_words(role, t, ids, noun)
            if not words:
                if "none" not in classes:
                    return False
                continue
            if not any(self._is(w, c, actors, triggers) for w in words for c in classes if c != "none"):
                return False
        return True

    def fits(self, pattern: Pattern, t: Token, ids: list[int], actors: Actors, triggers: set[int]) -> bool:
        """The entry behind ``pattern`` is the sense of ``t`` here."""
        e = pattern.entry
        if e.when and not any(self.condition(c, t, ids, pattern.noun, actors, triggers) for c in e.when):
            return False
        return not any(self.condition(c, t, ids, pattern.noun, actors, triggers) for c in e.unless)

    def void(self, pattern: Pattern, t: Token, ids: list[int], actors: Actors, triggers: set[int]) -> bool:
        """The words are a statement without substance ("declined to comment")."""
        return any(self.condition(c, t, ids, pattern.noun, actors, triggers) for c in pattern.entry.void_when)
