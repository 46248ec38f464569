"""One real-world event is one event per article (news-events guidelines: "One
real-world event is coded once per article, however often the article mentions it").

An article tells its main event several times: the lead, a quote, a recap ("Tony
Blair promised Gordon Brown he would stand down ..." / "the prime minister went back
on a pledge to Mr Brown to stand down"). An event is a re-mention of an earlier one
when it has the same type and modality (and mode, across sentences) and names no
party the earlier one does not (a later telling often leaves one out: "Marak was
arrested in Hapur"). Across
sentences it must name the recipient: two requests by one minister, or two arrests
of unnamed people, in two sentences may well be two; in one sentence a second
trigger of the same type is the same event ("was shot dead ... killed by a bullet").
Across sentences, a telling by the same side ("Charles Kennedy", then "the Lib Dems")
to the same recipients is the same event too, and so is one by an overlapping side
to a shared recipient, for acts other than accusations, demands, refusals and threats
(a side repeats those, each a new event; two kinds of accusing told as done are two, see
``same_side_retelling``). A side's criticism aimed only at its own
country or its public ("people have become poor"), after its criticism of a party, is that
criticism told again. A meeting has no direction: its tellings
are compared on all their parties ("Blair met parents" / "parents who met Mr Blair").

Parties are compared by who they are, not by their CAMEO code (``Parties``): the Lib
Dems and the Tories are both GBROPP and two sides; two ministers are both GBRGOV
and two people. One party is the same as another when it is the same actor, when
both belong to one party of the knowledge base's curated membership (Charles Kennedy
and the Liberal Democrats), when one is named by part of the other's full name ("Sheikh
Sabah"), or when one is an unnamed placeholder the text gave only
a country and sector ("the police" INDCOP, "the government" GBRGOV) and the other's code
falls under it (the Uttar Pradesh Police INDCOP, Gordon Brown GBRGOV):
"the chancellor" and "Mr Brown" in two tellings may be one man, Tony Blair and
Gordon Brown may not; a placeholder of a country's public ("the man", "villagers") is not,
as the speaker of what a side says again and again told in another sentence, the named
civilian of its code (``Parties.crowds``: the public is many people). A country the text
names as such ("Russia", "Moscow") is its state ("Putin", "the Kremlin", the army) and any
party of it with a name, but not its public ("Palestinians"); not as the speaker of what a
side says again and again (``SPEECH_ACTS``: "Russia will not leave" and "the Kremlin would not
accept that" are two refusals), though as the one it is said to. In one sentence, a
person of no known party whose code is that of the article's one political party of that code
speaks for it ("Labour hit back ... with election coordinator Alan Milburn accusing Mr Howard":
one act; ``Parties.speaks_for``). A mode left unknown (None) is no other mode.

A telling by a definite noun points back at an event told before ("which led the protests",
"attended the meeting", "the committee meeting was attended by ..."): it is the latest event of
its type and modality told before whose parties fit it (``_refers_to``), though it names others.

Two tellings in two sentences that each say what their act is about, with no head word in common
(the trigger's object, infinitive complement, of-phrase: "India agreed to examine the objections" /
"It also agreed to arrange a tour"), are two acts (``told_topics``); a general word for an act ("the
deal", "the move"), a pronoun or a demonstrative ("that quote") says nothing of its own. Not for
criticism, which a side retells in other words (``RETOLD``).

In one sentence, two words of one type that the grammar ties as one act are one event whatever
parties each was read with: a verb and its act noun ("should join the EC's dialogue"), a clause on
an occasion of it ("held talks ... in which the two sides exchanged views"; ``one_act_pairs``). A
meeting told of "the two sides" is the meeting told before whose parties fit (``paired_tellings``).
As the doer, a named organisation the actors stage coded by its country alone may be the body of
the state a placeholder of that country names ("China's Eastern Theatre Command" / "the Chinese
military"); one body or person written two ways ("ED" / "Enforcement Directorate") is one party.
After the party chooser, a telling it completed into exactly the parties of an earlier telling of
the same word is folded into it (``refold``).

The clearest telling is kept (the most confident; the earliest among equals) and
lists the others' triggers in ``Event.mentions``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from whodid.model import Actor, Event
from whodid.nlp import clause_head, token_at
from whodid.nlp.dates import MODERN_YEAR
from whodid.nlp.vocab import DEFINITE_DETERMINERS, DEMONSTRATIVES

# acts one party does once ("resigned", "stepped down", "pulled out"): its later tellings
# by the same party are the same act even with no recipient named
ONCE_ONLY = {"RETREAT"}
# what a side says again and again, each time a new event ("accused him of lying ... accused him
# of hypocrisy"): retold only as the same side to the same recipients (below)
SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
# acts with no direction (news-events guidelines: all parties in ``actor``): a telling's
# parties are compared on both sides together
SYMMETRIC = {"CONSULT"}
# acts a side retells in other words and tenses through an article: its criticism of a party
# (an offer to meet, once announced and once asserted, may be two: "are to meet" / "was willing to meet")
RETOLD = {"ACCUSE"}
# sectors of a country's public: a criticism "of" them is the speaker's criticism of those who
# govern them, told again ("hard working families will pay dearly", "people have become poor")
PUBLIC_SECTORS = {"", "CVL", "EDU", "HLH", "REF", "AGR", "UAF"}
# sectors of a country's state: what a telling naming only the country ("Russia", "Moscow") means
STATE = {"GOV", "MIL", "COP", "POL", "SPY", "JUD", "LEG"}



def is_public(a: Actor) -> bool:
    """``a`` is a country itself or its public (civilians, schools, families): spoken of, not a
    side of its own."""
    return a.kind == "country" or (a.sector or "") in PUBLIC_SECTORS


def is_unnamed(actor_id: str) -> bool:
    """``actor_id`` is the placeholder of a party the text does not name ("the police", "members":
    ``[ISO:]unnamed:noun``, as ``actors.resolve`` and ``quotes.unnamed`` make it)."""
    return actor_id.startswith("unnamed:") or ":unnamed:" in actor_id


@dataclass
class Parties:
    """Who the article's actors are, for telling whether two tellings name the same party.

    ``codes``: actor id -> CAMEO code. ``sides``: actor id -> the party (actor id) it belongs
    to, for people of a political party ("kb:charles-kennedy" -> "party:GBR:liberal-democrat").
    ``generic``: ids of actors the text names only by country and sector, with no name of
    their own ("the police", "the government", a country as a state); by default those whose
    id is their code."""

    codes: Mapping[str, str] = field(default_factory=dict)
    sides: Mapping[str, str] = field(default_factory=dict)
    generic: set[str] | None = None
    # ids of a country itself or its public (civilians, schools, families): those a side
    # speaks of, not a side of its own
    public: set[str] = field(default_factory=set)
    # person id -> the one political party of the article with the person's code, whose person is
    # of no party the knowledge base knows: in one sentence, the same party as that party ("Labour
    # hit back ... with election coordinator Alan Milburn accusing Mr Howard"); never the same as
    # another person, nor across sentences (a minister's accusation and his party's, told in two
    # sentences, may be two)
    speaks_for: Mapping[str, str] = field(default_factory=dict)
    one_sentence: bool = False  # compare two tellings in one sentence (``speaks_for`` applies)
    # ids of countries named as such ("Russia", "Moscow"): a country acting is its state
    countries: set[str] = field(default_factory=set)
    by_country: bool = True  # a country (``countries``) may be its state or a named party of it
    # a placeholder of a country's public (``public``: "the man", "civilians", "the family") covers
    # a named party of its code ("Mariela Castro", CUBCVL); not as the speaker of what is said in
    # another sentence (``_same``)
    crowds: bool = True
    # ids of organisations with a name of their own (not placeholders): as doers (``parts``), one whose
    # code is only its country may be a part of a state body a placeholder names (``same``)
    bodies: set[str] = field(default_factory=set)
    parts: bool = False

    def __post_init__(self) -> None:
        if self.generic is None:
            self.generic = {i for i, c in self.codes.items() if i == c}

    @classmethod
    def of(cls, actors: Iterable, members: Mapping[str, Mapping[str, Iterable[str]]] | None = None) -> Parties:
        """From ``analysis.actors``; ``members``: country -> party key -> ids of its members (the
        knowledge base's curated party membership)."""
        actors = list(actors)
        codes = {a.id: a.code for a in actors if a.code}
        generic = {a.id for a in actors if a.code and (a.id == a.code or is_unnamed(a.id))}
        sides: dict[str, str] = {}
        for country, parties in (members or {}).items():
            for key, people in parties.items():
                for pid in people:
                    sides[pid] = f"party:{country}:{key.replace(' ', '-')}"
        ids = {a.id for a in actors}
        sides.update({short: sides.get(full, full) for short, full in _short_names(actors).items()
                      if short not in sides})
        sides.update({other: sides.get(full, full) for other, full in _written_otherwise(actors).items()
                      if other not in sides})
        public = {a.id for a in actors if a.country and is_public(a)}
        speaks_for = {pid: party for pid, party in _sole_party(actors).items() if pid not in sides}
        countries = {a.id for a in actors if a.kind == "country" and a.code and len(a.code) == 3}
        bodies = {a.id for a in actors if a.kind == "organization" and a.id not in generic}
        return cls(codes, {i: s for i, s in sides.items() if i in ids}, generic, public, speaks_for,
                   countries=countries, bodies=bodies)

    def same(self, a: str, b: str) -> bool:
        """``a`` and ``b`` may be one party: one actor, one political party, or an unnamed
        placeholder (country and sector) and a party its code covers."""
        if a == b or self.sides.get(a, a) == self.sides.get(b, b):
            return True
        if self.one_sentence and (self.speaks_for.get(a) == b or self.speaks_for.get(b) == a):
            return True  # "Alan Milburn" and "Labour"
        ca, cb = self.codes.get(a), self.codes.get(b)
        if not ca or not cb:
            return False
        generic = self.generic or set()
        if self.by_country and any(x in self.countries and cx == cy[:3] and (cy[3:6] in STATE or y not in generic)
                                   for x, cx, y, cy in ((a, ca, b, cb), (b, cb, a, ca))):
            # a country in one telling ("Russia", "Moscow"), in the other one of its state's parties
            # ("Putin", "the Kremlin", the army) or a party of it with a name ("Marak was arrested" /
            # "he was arrested", read as India): the same side; not its public ("Palestinians"), a
            # side of its own
            return True
        # a placeholder of a country and a sector ("the police" INDCOP) covers that sector's named
        # parties
        if any(x in generic and len(cx) > 3 and cy.startswith(cx) and (self.crowds or x not in self.public)
               for x, cx, cy in ((a, ca, cb), (b, cb, ca))):
            return True
        # as the doer, a named organisation whose sector the actors stage could not tell (its code only
        # its country: "China's Eastern Theatre Command" CHN) may be the body of the state a placeholder
        # names ("the Chinese military" CHNMIL): a part of it, told by its name
        return self.parts and any(x in generic and cx[3:6] in STATE and cy == cx[:3] and y in self.bodies
                                  for x, cx, y, cy in ((a, ca, b, cb), (b, cb, a, ca)))

    def country(self, a: str) -> str:
        return self.codes.get(a, "")[:3].strip("-")

    def akin(self, a: str, b: str) -> bool:
        """``a`` and ``b`` may be one party (``same``), or are of one country and one of them is
        named only as the country, or only by a placeholder where the other has a name ("the
        protesters" and the group that led them; not "the government" and "the citizens"): a
        looser likeness, for a telling that points back at a told event."""
        if self.same(a, b):
            return True
        if not self.country(a) or self.country(a) != self.country(b):
            return False
        generic = self.generic or set()
        return a in self.countries or b in self.countries or (a in generic) != (b in generic)

    def fit(self, later: list[str], first: list[str]) -> bool:
        """Every party of ``later`` is akin to one of ``first``'s."""
        return all(any(self.akin(x, y) for y in first) for x in later)

    def within(self, later: list[str], first: list[str]) -> bool:
        """Every party of ``later`` is one of ``first``'s."""
        return all(any(self.same(x, y) for y in first) for x in later)

    def alike(self, later: list[str], first: list[str]) -> bool:
        """The two sides name the same parties (both named)."""
        return bool(later) and bool(first) and self.within(later, first) and self.within(first, later)

    def shared(self, later: list[str], first: list[str]) -> int:
        """How many parties of ``later`` are one of ``first``'s."""
        return sum(any(self.same(x, y) for y in first) for x in later)


def _sole_party(actors: list) -> dict[str, str]:
    """A person of no known party whose code is that of one political party of the article and of
    no other ("Alan Milburn", GBRGOV, beside "Labour", the governing party, GBRGOV): of that party,
    the side he speaks for ("Labour hit back at the Tory proposals with election coordinator Alan
    Milburn accusing Mr Howard ..." is one accusation). Not when two parties share the code (the
    Liberal Democrats and the Conservatives are both GBROPP)."""
    parties: dict[str, list[str]] = {}
    for a in actors:
        if a.id.startswith("party:") and a.code:
            parties.setdefault(a.code, []).append(a.id)
    return {a.id: parties[a.code][0] for a in actors
            if a.kind == "person" and a.code and len(parties.get(a.code, [])) == 1}


# words an organisation's initials leave out ("Federal Bureau of Investigation": FBI)
_FUNCTION_WORDS = {"of", "the", "and", "for", "on", "in", "&"}


def _written_otherwise(actors: list) -> dict[str, str]:
    """An actor the text names in another spelling of one other actor's name, whom the actors stage
    kept apart: a person or a body written with or without hyphens and spaces ("Amirabdollahian" /
    "Amir-Abdollahian"), or an organisation by its initials ("ED" / "Enforcement Directorate"). Not
    when the spelling fits two."""
    def squeezed(name: str) -> str:
        return "".join(ch for ch in name.lower() if ch.isalnum())

    def initials(name: str) -> str:
        return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _FUNCTION_WORDS).upper()

    named = [a for a in actors if a.name and a.kind in ("person", "organization")]
    out = {}
    for k, a in enumerate(named):
        # (two spellings: the later is the earlier's)
        same = [b.id for b in named[:k] if b.kind == a.kind and squeezed(b.name) == squeezed(a.name)]
        if a.kind == "organization" and a.name.isupper() and 2 <= len(a.name) <= 6:
            same += [b.id for b in named if b.id != a.id and b.kind == "organization" and len(b.name.split()) >= 2
                     and initials(b.name) == a.name]
        if len(set(same)) == 1:
            out[a.id] = same[0]
    return out


def _short_names(actors: list) -> dict[str, str]:
    """A person the text names by part of one other person's name ("Sheikh Sabah" beside
    "Sheikh Sabah Al-Khaled Al-Hamad Al-Sabah"), whom the actors stage kept apart: the same
    man. Not when the part fits two people ("Kim" beside "Kim Jong Un" and "Kim Yo Jong")."""
    people = [(a.id, frozenset(a.name.lower().split())) for a in actors if a.kind == "person" and a.name]
    out = {}
    for pid, words in people:
        longer = [qid for qid, other in people if qid != pid and words < other]
        if len(longer) == 1 and len(words) >= 2:
            out[pid] = longer[0]
    return out


def _modes(first: Event, later: Event) -> bool:
    return first.mode == later.mode or first.mode is None or later.mode is None


def _same(first: Event, later: Event, parties: Parties, statements: Collection[int] = ()) -> bool:
    """``later`` tells ``first`` again: same type and modality; the same mode unless in
    the same sentence (a missile attack is not the invasion it is part of; "shot dead
    ... killed by a bullet" is one act); only parties ``first`` has (a later telling
    often leaves one out: "Marak was arrested in Hapur"); across sentences, it must
    name the recipient."""
    if first.type != later.type:
        return False
    same_sentence = first.sentence.start == later.sentence.start
    if same_sentence and parties.speaks_for:
        parties = replace(parties, one_sentence=True)
    # who says what a side says again and again is told strictly: "Russia will not leave" and "the
    # Kremlin would not accept that" are two refusals (a country is its state for its acts, and for
    # those it is told to: "rejected calls from Britain" / "refuses Lord Goldsmith's request")
    speakers = replace(parties, by_country=False, parts=True) if later.type in SPEECH_ACTS \
        else replace(parties, parts=True)
    if later.type in SPEECH_ACTS and not same_sentence:
        # the public is many people, each speaking for themselves: an unnamed one of it ("The man
        # asked police to teach her a lesson", "civilians called for ...") is not the named one of
        # its code who asked in another sentence ("she went to the police station seeking
        # assistance", "deputy Mariela Castro requested ..."), while "the government" speaks with
        # its ministers' voice
        speakers = replace(speakers, crowds=False)
    if not same_sentence and same_side_retelling(first, later, parties, speakers) \
            and (first.modality != later.modality or first.mode == later.mode
                 or id(first) in statements or id(later) in statements):
        # (two kinds of accusing told as done, "criticised him for lying" ... "claimed he had
        # ordered ...", are two accusations; one announced and then done, told again in the same
        # kind, or in a statement's words with no verb of its own, is one)
        return True
    if not same_sentence and public_retelling(first, later, parties, speakers):
        return True
    if same_sentence and {first.modality, later.modality} == {"asserted", "negated"} \
            and speakers.alike(later.actor, first.actor) and parties.alike(later.recipient, first.recipient):
        # "Livingstone should 'stick to his guns' and not apologise, Johnson insisted": in one
        # sentence, a "not" on one of two words for one party's act to one party is part of what
        # the act says, not a second act denied
        return True
    if first.modality != later.modality:
        return False
    if not same_sentence and later.type in ONCE_ONLY and later.actor and first.actor and _modes(first, later) \
            and (speakers.within(later.actor, first.actor) or speakers.within(first.actor, later.actor)) \
            and (not later.recipient or not first.recipient or parties.shared(later.recipient, first.recipient)):
        # "the government's resignation" ... "the prime minister decided to resign": one party
        # resigns once, whatever body each telling names it leaving
        return True
    if not _modes(first, later) and not same_sentence:
        return False
    if later.type in SYMMETRIC:
        return _same_meeting(first, later, parties, same_sentence)
    if same_sentence and speakers.alike(later.actor, first.actor) and _modes(first, later) and (
            parties.shared(later.recipient, first.recipient) or not later.recipient or not first.recipient
            or parties.fit(later.recipient, first.recipient)):
        # "attacked the government's failure ... and criticised its record on the NHS": one
        # party's two words for one act against the same (or an untold) party, or against one the
        # other word names only by a placeholder of its country ("was indicted ..., with
        # prosecutors accusing the now-71-year-old of ...": "the government" read for the man)
        return True
    if not same_sentence and parties.alike(later.recipient, first.recipient) \
            and speakers.alike(later.actor, first.actor):
        # "The Lib Dems accuse Mr Blair ..." after "Charles Kennedy accused Mr Blair ...": the
        # same side doing the same to the same party is one act retold
        return True
    if not same_sentence and later.type not in SPEECH_ACTS and parties.shared(later.recipient, first.recipient) \
            and speakers.shared(later.actor, first.actor):
        # "the Uttar Pradesh Police arrested Bernard N Marak" after "Marak ... was arrested in Uttar
        # Pradesh" (police implied): the same act to the same party by the same side, told again
        return True
    if not same_sentence and later.type not in SPEECH_ACTS and _one_named(later.recipient, first.recipient, parties) \
            and _one_code(later.actor, first.actor, parties):
        # "the Booysens Magistrate's Court sentenced Mduduzi Masuku" ... "Masuku was found guilty
        # ... in the Joburg Magistrate's Court": one named man's sentence, by one kind of body (same
        # code), told again though the tellings name the body differently
        return True
    if same_sentence and not first.actor and later.actor and first.recipient \
            and parties.within(first.recipient, later.recipient) and _modes(first, later):
        # "violence has hit eastern Ethiopia, where bomb attacks by rebels killed five": the doer
        # the first word left untold, the second names
        return True
    if not speakers.within(later.actor, first.actor) or not parties.within(later.recipient, first.recipient):
        return False
    if same_sentence:
        return speakers.alike(later.actor, first.actor) and parties.alike(later.recipient, first.recipient) \
            or bool(later.actor or later.recipient)
    # a resignation, a withdrawal: one party does it once, so its own retelling needs no recipient
    return bool(later.recipient) or (later.type in ONCE_ONLY and speakers.alike(later.actor, first.actor))


def _one_named(later: list[str], first: list[str], parties: Parties) -> bool:
    """Both name the same party with a name of its own (not a placeholder or a country)."""
    generic = parties.generic or set()
    return any(x == y and x not in generic and x not in parties.countries
               for x in later for y in first)


def _one_code(later: list[str], first: list[str], parties: Parties) -> bool:
    """Each side names doers, all of one full code (country and sector: two courts, ZAFJUD)."""
    codes = {parties.codes.get(x, "") for x in later + first}
    return bool(later) and bool(first) and len(codes) == 1 and len(next(iter(codes))) >= 6


def _same_meeting(first: Event, later: Event, parties: Parties, same_sentence: bool) -> bool:
    """A meeting told again: in one sentence, its parties within the first telling's; across
    sentences, two of its parties among the first's (one man meets many people)."""
    ours, theirs = later.actor + later.recipient, first.actor + first.recipient
    if same_sentence:
        return bool(ours) and parties.within(ours, theirs)
    if len(ours) == 1 and len(theirs) >= 2:
        # "the talks" with only a country named ("Ethiopia"): a meeting needs two sides, so it is
        # the meeting told before between parties of that country (a person meets many people:
        # "Mr Prescott held a meeting", with no one else named, may be another)
        (one,) = ours
        code = parties.codes.get(one, "")
        return one in parties.public and len(code) == 3 and any(parties.codes.get(t, "")[:3] == code for t in theirs)
    return parties.shared(ours, theirs) >= 2


def _retellable(first: Event, later: Event) -> bool:
    """``later`` may tell ``first`` again across sentences: an act a side retells, neither
    telling denied, and ``later`` aimed at someone."""
    return later.type in RETOLD and "negated" not in (first.modality, later.modality) and bool(later.recipient)


def same_side_retelling(first: Event, later: Event, parties: Parties | Mapping[str, str],
                        speakers: Parties | None = None) -> bool:
    """Across sentences, the same side ("Charles Kennedy", then "the Lib Dems") doing the same
    type of act to the same recipients (or to them and one more, or to some of them: "called the
    bishops traitors" / "branded the bishops and the students traitors"): one act retold, though
    the telling changes its word
    ("will attack Mr Blair" / "accuse Mr Blair of ...") or its tense (announced, then done);
    a denied act is another matter. ``_same`` takes it only where the tellings differ in
    modality, share their kind (mode), or one is read from a statement's words: two kinds of
    accusing, both told as done ("criticised him ..." / "claimed he had ordered ..."), are two."""
    parties = parties if isinstance(parties, Parties) else Parties(parties)
    if not _retellable(first, later):
        return False
    return (speakers or parties).alike(later.actor, first.actor) and bool(first.recipient) and (
        parties.within(later.recipient, first.recipient) or parties.within(first.recipient, later.recipient))


def public_retelling(first: Event, later: Event, parties: Parties, speakers: Parties | None = None) -> bool:
    """Across sentences, a side's criticism aimed only at its own country or its public
    ("people have become poor across the country") after the same side's criticism of a
    party: the same criticism, told again in other words."""
    if not _retellable(first, later):
        return False
    if not all(r in parties.public for r in later.recipient) \
            or all(r in parties.public for r in first.recipient) or first.trigger.start > later.trigger.start:
        return False
    own = {parties.codes.get(a, "")[:3] for a in later.actor}
    return (speakers or parties).alike(later.actor, first.actor) \
        and {parties.codes.get(r, "")[:3] for r in later.recipient} <= own


def _definite_noun(token, support_verbs: Collection[str]) -> bool:
    """``token`` is a noun with a definite determiner ("which led the protests"), or a support verb
    whose object (or passive subject) is one ("attended the meeting", "the committee meeting was
    attended by ...")."""
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [
        c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"] \
        if token.lemma_.lower() in support_verbs else []
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for n in nouns for c in n.children)


def _possessed_noun(token) -> bool:
    """``token`` is a noun with a possessor ("his visit", "Biden's trip", "Costa Rica's support")."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children)


def _tokens(doc, events: Iterable[Event]) -> list[tuple[Event, object]]:
    starts = {t.idx: t for t in doc}
    return [(e, starts[e.trigger.start]) for e in events if e.trigger.start in starts]


def possessed_tellings(doc, events: Iterable[Event], support_verbs: Collection[str]) -> set[int]:
    """The ``id()`` of the events told by a noun with a possessor and no definite determiner of its
    own ("his visit", "her denunciations"): an act the article has told, by the party it names
    (``_refers_to``'s possessive reading). Each is also one of ``definite_tellings``."""
    return {id(e) for e, t in _tokens(doc, events) if not _definite_noun(t, support_verbs) and _possessed_noun(t)}


def _the_two(token) -> bool:
    """``token``'s subject is "the two" of something ("the two sides discussed", "the two leaders
    discussed"): the two parties of a meeting told before."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
               and any(d.dep_ == "nummod" and d.lower_ == "two" for d in c.children) for c in token.children)


def definite_tellings(doc, events: Iterable[Event], support_verbs: Collection[str]) -> set[int]:
    """The ``id()`` of the events told by a definite noun, the article's way of pointing back at
    an event it has told: the trigger is that noun ("which led the protests"), or a support verb
    takes it ("attended the meeting", "the committee meeting was attended by ..."), or the trigger
    is a noun with a possessor ("his visit", "her denunciations"; ``possessed_tellings``)."""
    return {id(e) for e, t in _tokens(doc, events) if _definite_noun(t, support_verbs) or _possessed_noun(t)}


def paired_tellings(doc, events: Iterable[Event]) -> set[int]:
    """The ``id()`` of the meetings told of "the two" ("the two sides discussed ...", "the two leaders
    discussed ways of cooperation"): the parties of a meeting told before, whose parties theirs fit
    (``_refers_to``)."""
    return {id(e) for e, t in _tokens(doc, events) if e.type in SYMMETRIC and _the_two(t)}


def _refers_to(first: Event, later: Event, parties: Parties, possessive: bool = False, paired: bool = False) -> bool:
    """``later``, told by a definite noun, may point back at ``first``: told before it, of the
    same type and modality, and its parties fit ``first``'s. "The meeting" is the meeting told
    last, whoever the telling lists as attending it; for other acts each party of
    ``later`` is one of ``first``'s side or of its country where either names that side only by
    a placeholder or its country ("the protests" the Indignant Opposition led, after "street
    protests")."""
    if first.type != later.type or first.modality != later.modality or first.trigger.start >= later.trigger.start:
        return False
    if possessive:
        # "his visit", "her denunciations": an act of the one it names, so its parties are the
        # told act's own, not merely of their country ("Herzog's visit" after Biden's trip to Israel)
        strict = replace(parties, by_country=False)
        if later.type in SYMMETRIC:
            ours, theirs = later.actor + later.recipient, first.actor + first.recipient
            return bool(ours) and strict.within(ours, theirs)
        return bool(later.actor) and strict.within(later.actor, first.actor) \
            and strict.within(later.recipient, first.recipient)
    if later.type in SYMMETRIC:
        # ("the two sides" of a meeting: parties that fit the told meeting's, not those of another)
        return not paired or parties.fit(later.actor + later.recipient, first.actor + first.recipient)
    return bool(later.actor or later.recipient) and all(
        not side or parties.fit(ours, side) for ours, side in ((later.actor, first.actor),
                                                               (later.recipient, first.recipient)))


def told_years(doc: Doc, events: Iterable[Event]) -> dict[int, int]:
    """The year each telling dates its own act to (``id()`` -> year): a date naming a year that
    the parse attaches to the trigger or to its clause's verb, directly or through a preposition
    ("In 2010, he was sentenced", "was detained in March 2014"), not one on something else in the
    sentence ("a law passed in 2005")."""
    out: dict[int, int] = {}
    for e in events:
        token = token_at(doc, e.trigger.start)
        if token is None:
            continue
        targets = {token.i, clause_head(token).i}
        for ent in token.sent.ents:
            if ent.label_ != "DATE" or not (m := MODERN_YEAR.search(ent.text)):
                continue
            head = ent.root.head
            while head.pos_ == "ADP" and head.head.i != head.i:
                head = head.head
            if head.i in targets and ent.root.i != token.i:
                out[id(e)] = int(m.group(1))
                break
    return out


# parts of speech of a word that names a thing told before, not what an act is about ("agreed to it")
_POINTERS = {"PRON", "DET"}
# prepositions of a noun's complement: what a call, a tour or a viewpoint is about
_ABOUT = {"of", "for", "on"}
# named things: a party of the act ("accused Blair"), not what the act is about
_NAMES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def _complements(word) -> list:
    """The heads of ``word``'s of-/for-/on-phrases and of theirs in turn ("calls for the publication
    of advice": publication, advice)."""
    out = [g for p in word.children if p.dep_ == "prep" and p.lower_ in _ABOUT
           for g in p.children if g.dep_ == "pobj"]
    return out + [w for g in out for w in _complements(g)]


def _heads(token, parties: set[int], general: Collection[str]) -> set[str]:
    """Lemmas of what ``token`` is about: its object, infinitive complement (and that verb's object)
    and of-phrase, and the of-/for-/on-phrases of the objects and the complement ("agreed to
    substantiate its viewpoint on the objections"); each not a party of the act, a name, a
    pronoun, a thing a demonstrative points back at ("denied that quote") or a general word for an act."""
    words = []
    for c in token.children:
        if c.dep_ in ("dobj", "obj"):
            words.extend([c, *_complements(c)])
        elif c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            words.extend([c, *_complements(c)])
            words.extend(w for g in c.children if g.dep_ in ("dobj", "obj") for w in (g, *_complements(g)))
        elif c.dep_ == "prep" and c.lower_ == "of":
            words.extend(g for g in c.children if g.dep_ == "pobj")
    return {w.lemma_.lower() for w in words
            if not (w.i in parties or w.pos_ in _POINTERS or w.pos_ == "PROPN" or w.ent_type_ in _NAMES
                    or w.lemma_.lower() in general
                    or any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in w.children))}


def told_topics(doc: Doc, events: Iterable[Event], general: Collection[str]) -> dict[int, frozenset[str]]:
    """What each telling says its act is about (``id()`` -> lemmas, ``_heads``): "agreed to examine the
    objections": examine, objection; "agreed to arrange a tour": arrange, tour; leaving out its
    parties, names, pronouns and ``general`` words that point back at an act ("the deal", "the move").
    A telling with none is about nothing told (``_about_apart_group`` keeps it with any). Criticism
    (``RETOLD``) has none: a side retells it in other words ("failed to reassure agencies" / "oppose
    the scheme"), as it does a statement's words (pass only the events coded from a trigger)."""
    out: dict[int, frozenset[str]] = {}
    for e in events:
        token = token_at(doc, e.trigger.start)
        if token is None or e.type in RETOLD:  # criticism is retold in other words (``RETOLD``)
            continue
        parties = {t.i for m in (*e.actor_mentions, *e.recipient_mentions)
                   for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
        if heads := _heads(token, parties, general):
            out[id(e)] = frozenset(heads)
    return out


def _about_apart_group(group: list[Event], later: Event, topics: Mapping[int, frozenset[str]]) -> bool:
    """``later`` says what it is about, ``group``'s tellings in other sentences say what theirs is,
    and no head word is shared: two acts (a telling that says nothing of it fits any)."""
    ours = topics.get(id(later))
    theirs = set().union(*(topics.get(id(e), ()) for e in group if e.sentence.start != later.sentence.start))
    return bool(ours) and bool(theirs) and not (ours & theirs)


def _dated_apart(first: Event, later: Event, years: Mapping[int, int], latest: int | None) -> bool:
    """Two tellings in two sentences are two acts when one dates itself to a year the other is
    not of: "his wife and son were sentenced" (the news) ... "In 2010, he was sentenced" (a past
    case the story recalls; the guidelines code it apart, as historical). A telling with no year
    of its own is taken as of the story's latest year (``latest``: the latest year the article
    names, ``nlp.dates.latest_stated_year``), the news it reports."""
    a, b = years.get(id(first)), years.get(id(later))
    if a is None and b is None:
        return False
    if a is None or b is None:
        dated = a if a is not None else b
        return latest is not None and dated < latest
    return a != b


# dependencies by which a word names the act of the word it hangs on: the act noun a verb takes
# ("should join the EC's dialogue", "held talks"), a noun that does the verb's act ("investigations
# from Brazil accuse ...", "bomb attacks ... killed five")
_ACT_NOUNS = {"dobj", "obj", "nsubj", "nsubjpass", "attr"}
# dependencies by which a clause or a modifier tells more of that noun ("talks in which the two sides
# exchanged views", "a meeting arranged by ...")
_ON_NOUN = {"relcl", "acl", "compound", "amod"}


def _act_words(span) -> set[int]:
    """Indexes of the words that tell the act of a trigger (``span``) again: its act nouns
    (``_ACT_NOUNS``), the clauses and modifiers hanging on the trigger's own words (``_ON_NOUN``), and
    a clause on an occasion ("in which", "during which") under a noun of the act ("held talks with
    Fatih Donmez in which ...": the parse may hang it on the nearest noun). Not a clause on a party
    ("detained seven leaders, who were imprisoned by ...": another act)."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ in _ACT_NOUNS and c.pos_ in ("NOUN", "PROPN")]
    occasions = {w.i for t in [*span, *nouns] if t.pos_ == "NOUN" for w in t.subtree if w.dep_ == "relcl"
                 and any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.tag_ == "WDT" for g in c.children)
                         for c in w.children)}
    return {t.i for t in span} | {n.i for n in nouns} \
        | {c.i for t in span for c in t.children if c.dep_ in _ON_NOUN} | occasions


def one_act_pairs(doc: Doc, events: Iterable[Event]) -> set[frozenset[int]]:
    """Pairs (``id()``) of tellings in one sentence, of one type, whose triggers the grammar ties as
    one act: one trigger is the other's object or subject noun, or a clause or modifier on it
    ("Quader said the BNP should join the EC's dialogue": join, dialogue; "held talks ... in which the
    two sides exchanged views"; "investigations from Brazil accuse ..."). Their parties may differ (a
    word read with a wrong party is still the one act): one event."""
    # (a trigger of several words is its head: "should join", "held talks")
    spans = [(e, doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")) for e in events]
    spans = [(e, span) for e, span in spans if span is not None and len(span)]
    at = [(e, span.root) for e, span in spans]
    out: set[frozenset[int]] = set()
    for e, span in spans:
        t, words = span.root, _act_words(span)
        for f, u in at:
            if f is not e and f.type == e.type and f.sentence.start == e.sentence.start and u.i != t.i \
                    and u.i in words:
                out.add(frozenset((id(e), id(f))))
    return out


def merge(events: list[Event], parties: Parties | Mapping[str, str] | None = None,
          statements: Collection[int] = (), definite: Collection[int] = (),
          years: Mapping[int, int] | None = None, latest: int | None = None,
          topics: Mapping[int, frozenset[str]] | None = None, possessed: Collection[int] = (),
          one_act: Collection[frozenset[int]] = (), paired: Collection[int] = ()) -> list[Event]:
    """``events`` (in text order) with re-mentions folded into one event per real-world
    event. ``parties``: who the actors are (``Parties``; a plain id -> code mapping knows
    only the codes and the unnamed placeholders whose id is their code). The telling kept
    is the clearest (the most confident: a verb with its parties named over a noun; the
    earliest among equals), the guidelines' "sentence"; the others' triggers are listed,
    in text order, in its ``mentions``. ``statements``: the ``id()`` of the events read from a
    statement's words with no verb of their own (``events.criticism``). ``definite``: the ``id()``
    of the events told by a definite noun ("the meeting", ``definite_tellings``), each the latest
    event of its type told before with parties that fit it (``_refers_to``); of those, ``possessed``
    are told by a noun with a possessor ("his visit"), a meeting of its possessor. ``topics``: what each
    telling says its act is about (``told_topics``); two tellings in two sentences about different
    things are two acts (``_about_apart_group``). ``one_act``: pairs of tellings in one sentence that
    the grammar ties as one act (``one_act_pairs``), one event whatever their parties. ``paired``: the
    meetings told of "the two" (``paired_tellings``), each the latest meeting told before whose parties
    theirs fit."""
    parties = parties if isinstance(parties, Parties) else Parties(parties or {})
    groups: list[list[Event]] = []
    tied: set[int] = set()  # tellings folded into a group's first by ``one_act``: each a first telling too
    for e in events:
        group = next((g for g in groups if any(frozenset((id(x), id(e))) in one_act for x in g)), None)
        if group is not None:
            tied.add(id(e))
        group = group or next((g for g in groups if any(
            _same(x, e, parties, statements)
            and not (years and x.sentence.start != e.sentence.start and _dated_apart(x, e, years, latest))
            for x in g if x is g[0] or id(x) in tied)
            and not (topics and _about_apart_group(g, e, topics))), None)
        if group is None and (id(e) in definite or id(e) in paired):
            earlier = [g for g in groups if any(_refers_to(x, e, parties, id(e) in possessed, id(e) in paired)
                                                for x in g)]
            group = max(earlier, key=lambda g: max(x.trigger.start for x in g), default=None)
        if group is None:
            groups.append([e])
        else:
            group.append(e)
    out: list[Event] = []
    for group in groups:
        # (a telling that names a party over one that names none: "the shooting took place ...")
        # (a meeting names all its parties as actors: it is complete with no recipient)
        best = max(group, key=lambda e: (bool(e.actor or e.recipient),
                                         bool(e.actor and (e.recipient or e.type in SYMMETRIC)), e.confidence,
                                         -e.trigger.start))
        others = [m for e in group if e is not best for m in (e.trigger, *e.mentions)]
        # parties a same-sentence retelling adds ("... and criticised its record on the NHS")
        for e in group:
            if e is not best and e.sentence.start == best.sentence.start:
                for r, m in zip(e.recipient, e.recipient_mentions or [None] * len(e.recipient)):
                    if r not in best.recipient and r not in best.actor:
                        best.recipient.append(r)
                        if m is not None:
                            best.recipient_mentions.append(m)
        best.mentions = sorted(best.mentions + others, key=lambda m: m.start)
        out.append(best)
    return sorted(out, key=lambda e: e.trigger.start)


def refold(doc: Doc, events: list[Event], untold: Collection[int]) -> list[Event]:
    """``events`` with each telling that names exactly the parties of an earlier one of its type,
    modality and mode, by the same word, folded into it, where one of the two left a side untold
    before the party chooser gave it one (``untold``: their ``id()``): ``merge`` kept it apart for want
    of that side ("governors are now rushed to sign death warrants" ... "governors keep signing death
    warrants"). Another word may be another act of the same parties ("are to meet" / "would be
    working together")."""
    def key(e: Event) -> tuple:
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        word = span.root.lemma_.lower() if span is not None and len(span) else e.trigger.text.lower()
        return e.type, e.modality, e.mode, word, frozenset(e.actor), frozenset(e.recipient)

    out: list[tuple[tuple, Event]] = []
    for e in events:
        k = key(e)
        first = next((f for kf, f in out if kf == k and (id(f) in untold or id(e) in untold)
                      and e.actor and e.recipient), None)
        if first is None:
            out.append((k, e))
        else:
            first.mentions = sorted([*first.mentions, e.trigger, *e.mentions], key=lambda m: m.start)
    return [e for _, e in out]
