"""Criticism told in what the opposition says, with no verb of criticism: "The Conservatives
say his pledges are worthless", "Mr Letwin said voting for Labour meant higher taxes and
waste", "Mr Serwotka said: 'isn't it ironic that they're saying to public sector workers
there is no choice'".

The news-events guidelines code such statements as ACCUSE from the speaker to the party
the words are about, and they are the largest group of gold events the trigger lexicon
cannot reach: the criticism is in what is said, not in a verb. What is said is hard to
read (negative words in the news are mostly about the news: war, terror, arrests); who
says it about whom is not. A statement is read as criticism when:

- it is reported (a direct, indirect or partial quote) and its speaker is an opposition
  party or politician (sector OPP): in political news the opposition's statements about
  the government and the other parties are its criticism of them; or its speaker is of the
  government (GOV) and the party it names is a named opposition party or politician ("Mr
  Blair said the Tories offered a 'hard right agenda'"), in what it says, not in what it
  fears or hopes; or its speaker is a union or an NGO (LAB, NGO) and the party it names is
  of the government; or its speaker is a smaller party (PTY, neither in government nor the
  official opposition) and the party it names is a political party or the government. A
  speaker the knowledge base gives no side speaks for the political party named in the
  speaker's own phrase ("Liam Fox, Tory co-chairman");
- a sentence of it names a party of another code than the speaker's (not the speaker's
  own side), of the speaker's country (the opposition opposes its own country's government
  and parties: "a local income tax of the kind seen in the USA" criticises no one there),
  and not as the one who hears it ("speaking to the BBC's Westminster Hour"); the first
  such party is the one criticised;
- its cue is no promise or plan of the speaker's ("are promising to cut class sizes",
  "plans to scrap the tax": the speaker's own programme, ``promise_verbs`` and
  ``intent_verbs`` in the lexicon's markers);
- it is no speculation ("people could be affected", "Mr Morris may have a point"), no future
  act of the speaker's own ("said they would increase maternity pay"), and its cue tells a
  statement, not what a thing shows or how someone seems ("a survey showed", "he seemed to
  prefer"; ``Modals``: 8 false events of the development gold, no right one, ev-precision6);
- the coder has not already coded an event in that sentence: a sentence that tells an act
  ("said the minister had agreed to ...", "accused him of ...") is coded as that act, and
  the speaker's critical tone around it is no second event (``uncoded_sentence``).

On the development gold 8 of the 14 events this adds are right at type + actor +
recipient (``scripts/events_dev.py``); statements of other speakers were tried and left
out (government speakers' statements about any other party: about one in six is
criticism; about a named opposition party or politician: 6 of 8; unions' and NGOs' about
the government: 5 of 6, branch ev-accuse4). The
trigger is the head of the statement's clause, so the event sits in its sentence; its
mode is disapprove (CAMEO 111).

The same reading of what a statement says gives three more kinds of event, each only in a
sentence where nothing else is coded (branch ev-said10): a denial (``rebuttals``: the reported
clause negated or calling something false) that answers an accusation or a demand made of the
speaker's side in the few sentences before is REJECT to its maker; a clause saying a named party
is what a praise word says (``praise``: "he has been a prudent chancellor") is SUPPORT; what a
non-state party says ought to be done by no one named (``demands``: "all the advice should now be
published") is a REQUEST of its country's government. And a statement that the speaker's own side's words or
plans are not what a charge calls them ("It's not racist, as some people claim, to talk about
controlling immigration": ``disclaimers``, the reported clause's predicate a pejorative, negated) is
REJECT, to the maker of the charge when the text names one (branch ev-accuse14).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from whodid.events.modality import has_negation
from whodid.events.remention import is_public
from whodid.knowledge.lexicon import Lexicon
from whodid.model import SAID_KINDS, Actor, Analysis, Event, Mention, Offsets, Quote
from whodid.nlp.extensions import char_tokens, positions_of, span_at
from whodid.nlp.vocab import COPULAS, FIRST_PERSON

# actor kinds that name a party of their own (not a group the text gives only a sector)
NAMED = {"person", "organization"}
# the speaker's events in a sentence that already code the criticism or answer one
CODED = {"ACCUSE", "REJECT"}
# the side a speaker speaks for -> the parties its statements about others are read as
# criticism of (None: any other party of its country). The opposition's statements about the
# government and the other parties are its criticism of them; a governing party's statements
# about the government's own people, the police or the public are mostly not, its statements
# about the opposition mostly are ("the Tories offered a 'hard right agenda'"); what unions
# and NGOs say about the government is mostly their criticism of it ("isn't it ironic that
# they're saying to public sector workers there is no choice"). Backbenchers (LEG), experts
# (EDU) and former office holders (ELI) were tried: as many false as right (ev-accuse4).
RIVALS: dict[str, frozenset[str] | None] = {"OPP": None, "GOV": frozenset({"OPP"}),
                                             "LAB": frozenset({"GOV"}), "NGO": frozenset({"GOV"}),
                                             "PTY": frozenset({"GOV", "OPP", "PTY"})}
# sides whose criticism is of named rivals only: a governing side's statements about a group
# the text gives only a sector ("detainees", "members of opposition parties") are about them,
# not against them; a union's about "the government" are against it
NAMED_ONLY = {"GOV"}
# parties no side's statements criticise as a rival: criminals are what a policy is about ("said
# they would help smash people smuggling gangs", "said drink-driving remained a 'major killer'"),
# no political party (news-events guidelines: an event is between political actors); 0 of 2
# such statements right on the development gold
NOT_RIVALS = frozenset({"CRM"})


@dataclass
class Statement:
    """One sentence of a reported statement that names another party."""

    speaker: str
    target: str
    speaker_mention: Mention | None
    target_mention: Mention
    sentence: tuple[int, int]
    head: Token  # the head of the statement's clause in that sentence


def _code(a: Actor) -> str:
    return a.code or (a.country or "") + (a.sector or "")


def _said_sentences(doc: Doc, quotes: list[Quote]) -> Iterator[tuple[Quote, Span]]:
    """Each sentence a quote of ``quotes`` covers, with its quote, in the quotes' order."""
    for q in quotes:
        span = span_at(doc, q)
        if span is not None:
            yield from ((q, sent) for sent in span.sents)


def statements(doc: Doc, analysis: Analysis, events: list[Event], modals: Modals,
               own_plans: frozenset[str] | set[str] = frozenset(),
               about: Callable[[Quote, Actor], bool] | None = None,
               beliefs: frozenset[str] | set[str] = frozenset()) -> list[Statement]:
    """Sentences of reported statements by a party with a country that name a party of another
    code, where the coder has coded no accusation or rebuttal by the speaker (``about``: which
    parties a quote's statement may be about; default any; ``modals``: the words that make a
    statement a speculation, the speaker's own future act, or no one's statement; ``beliefs``: the
    lemmas of verbs that tell what the speaker believes)."""
    actors = {a.id: a for a in analysis.actors}
    # what the speaker promises or plans ("are promising to cut class sizes") is the speaker's
    # own programme, not a judgement of others; what a survey shows or how someone seems ("a
    # survey showed", "he seemed to prefer") is no one's statement
    quotes = _spoken(doc, analysis, actors, SAID_KINDS, set(own_plans) | set(modals.evidence))
    if not quotes:
        return []
    mentions = sorted((m.start, m.end, a.id, m) for a in analysis.actors for m in a.mentions)
    coded = {(e.sentence.start, a) for e in events if e.type in CODED for a in e.actor}
    told = {e.sentence.start for e in events}
    out = []
    for q, sent in _said_sentences(doc, quotes):
        own = _code(actors[q.speaker])
        start, end = _clause(sent, max(sent.start_char, q.start), min(sent.end_char, q.end))
        if (sent.start_char, q.speaker) in coded or not uncoded_sentence(sent.start_char, told) or end - start < 10:
            continue
        named = [(aid, m) for s, _, aid, m in mentions if start <= s < end and aid != q.speaker
                 and actors[aid].country == actors[q.speaker].country and _code(actors[aid]) != own
                 and not _addressee(doc, m) and not _modifier(doc, m) and not _contestant(doc, m)
                 and (about is None or about(q, actors[aid]))]
        # a party over the country or its people ("voters faced a choice between more waste
        # and more tax under Labour" is said against Labour)
        target = next((x for x in named if not is_public(actors[x[0]])), named[0] if named else None)
        piece = char_tokens(doc, start, end)
        if target is None or piece is None:
            continue
        head = next(t for t in piece if t.head.i == t.i or not piece.start <= t.head.i < piece.end)
        coded.add((sent.start_char, q.speaker))  # one statement per sentence and speaker
        if head.lemma_.lower() in own_plans and any(c.dep_ == "xcomp" for c in head.children):
            # "says he wants to deal with ...": the statement's own verb tells the programme
            # (not "said voting for Labour meant higher taxes")
            continue
        if head.lemma_.lower() in beliefs:
            # "I do not believe that anyone should be deprived of their liberty on the say so of
            # a politician": what the speaker believes, as when the cue tells it ("he thinks")
            continue
        if _aux(head, modals.speculative) and not has_negation(head):
            # "large numbers of people could be affected", "Mr Morris may have a point": a
            # speculation, an opinion in what is said, not criticism (``filters``: what a
            # speaker supposes is no event); a denial is no speculation ("the call may not be
            # marketing but it identifies voters")
            continue
        if _aux(head, modals.future) and _speakers_own(head, q, actors[q.speaker]):
            # "said they would increase maternity pay", "insists he will not promise anything":
            # the speaker's own future act, its programme
            continue
        out.append(Statement(q.speaker, target[0], q.speaker_mention, target[1],
                             (sent.start_char, sent.end_char), head))
    return out


@dataclass(frozen=True)
class Modals:
    """Words that make a statement no criticism: ``speculative`` auxiliaries ("could", "may"),
    ``future`` ones ("will", "would"), and ``evidence`` cues, what a thing shows or how someone seems
    ("showed", "seemed"); ``Modals.of`` reads them from the lexicon's markers."""

    speculative: frozenset[str]
    future: frozenset[str]
    evidence: frozenset[str]

    @classmethod
    def of(cls, lex: Lexicon) -> Modals:
        """The lexicon's ``hypothetical_aux`` but for ability ("can", and "ca" of "can't": what one
        can do is no speculation), ``future_aux`` and ``evidence_verbs``."""
        return cls(frozenset(lex.marker("hypothetical_aux")) - {"can", "ca"}, frozenset(lex.marker("future_aux")),
                   frozenset(lex.marker("evidence_verbs")))


def _aux(head: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in head.children)


def _speakers_own(head: Token, q: Quote, speaker: Actor) -> bool:
    """The subject of the statement's clause is its speaker: a mention of the speaker, "I" or
    "we", or in reported speech "he", "she" or "they" ("said they would increase maternity pay")."""
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    s = subj[0]
    if any(m.start <= s.idx < m.end for m in speaker.mentions):
        return True
    # (a third person of the speaker's number: "Labour strategists told the paper he would be
    # 'set loose' on Michael Howard" is about another man)
    third = {"he", "she"} if speaker.kind == "person" else {"they"}
    # (pronouns that, as the subject, are the speaker: the first person, nlp.vocab.FIRST_PERSON)
    return s.lower_ in FIRST_PERSON or (s.lower_ in third and q.kind != "direct")


def _clause(sent: Span, start: int, end: int) -> tuple[int, int]:
    """The words of a quote in ``sent`` widened to the reported clause that holds them: "said
    Veritas was joining 'an already crowded field'", "told his party that Labour would 'do
    anything'" (the quoted words alone leave out whom they are about)."""
    inside = [t for t in sent if start <= t.idx < end]
    if not inside:
        return start, end
    t = inside[0]
    while t.head.i != t.i and t.dep_ not in ("ccomp", "parataxis") and t.head.i >= sent.start:
        t = t.head
    if t.dep_ != "ccomp" or t.head.lemma_.lower() not in _SPEAKING:
        return start, end
    words = list(t.subtree)
    return min(start, words[0].idx), max(end, words[-1].idx + len(words[-1]))


# verbs of speaking whose "to" object or told one is who hears the statement
_SPEAKING = {"speak", "talk", "tell", "say", "write", "explain", "announce"}


def _addressee(doc: Doc, m: Mention) -> bool:
    """The mention names who hears the statement, not whom it is about: "speaking to the
    BBC's Westminster Hour", "told MPs"."""
    span = span_at(doc, m)
    if span is None:
        return False
    t = span.root
    while t.dep_ in ("poss", "compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head  # "the BBC's Westminster Hour": the programme
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in _SPEAKING:
        return True
    return t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() == "tell"


def _modifier(doc: Doc, m: Mention) -> bool:
    """The mention only qualifies a thing: "to rebuild the Labour vote" (a compound on a
    common noun, not part of a longer name: "Mr Kilroy-Silk"). (An adjective, "British
    politics", was tried too: it lost a right event on the shared part.)"""
    span = span_at(doc, m)
    if span is None:
        return False
    t = span.root
    return t.dep_ == "compound" and t.head.pos_ == "NOUN" and not span.start <= t.head.i < span.end


def _contestant(doc: Doc, m: Mention) -> bool:
    """The mention is one side of a contest the statement describes: "the race is between them and
    Labour", "the gap between Labour and the Tories was now so narrow" (a "between" phrase on the
    clause's verb or on its subject): how a race stands, said of no one (2 false events of the
    development gold, no right one; not "relations between the lawmakers and the government",
    deeper in what is said; ev-precision8)."""
    span = span_at(doc, m)
    if span is None:
        return False
    t = span.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "between them and Labour"
    if t.dep_ != "pobj" or t.head.lower_ != "between":
        return False
    holder = t.head.head
    return holder.pos_ in ("VERB", "AUX") or holder.dep_ in ("nsubj", "nsubjpass")


def uncoded_sentence(start: int, told: set[int]) -> bool:
    """No event is coded in the sentence starting at ``start`` (``told``: the starts of the
    sentences of the coder's events): only there is a statement's criticism read from its
    words alone."""
    return start not in told


def _spoken(doc: Doc, analysis: Analysis, actors: dict[str, Actor], kinds: Collection[str],
            not_cued: Collection[str] = frozenset()) -> list[Quote]:
    """The reported statements of ``kinds`` whose speaker is a party with a country, less those
    whose cue is one of ``not_cued`` (the speaker's own plans: not a judgement of others)."""
    return [q for q in analysis.quotes if q.kind in kinds and q.speaker in actors and actors[q.speaker].country
            and not (not_cued and q.cue and cue_is(doc, q, not_cued))]


def cue_is(doc: Doc, q, lemmas: frozenset[str] | set[str]) -> bool:
    """A quote's cue word is one of ``lemmas``: by its lemma, or by the word less an inflection
    (the parser lemmatizes "hoped" as "hop")."""
    word = (q.cue or "").split()[-1].lower() if q.cue else ""
    forms = {_cue_lemma(doc, q), word} | {word[:-n] for n in (1, 2, 3) if len(word) > n + 2}
    return bool(forms & set(lemmas))


def _cue_lemma(doc: Doc, q) -> str:
    """The lemma of a quote's cue word ("promising" -> promise): the word nearest the quote."""
    cue = (q.cue or "").split()[-1].lower() if q.cue else ""
    near = positions_of(doc, cue)
    if not near:
        return cue
    return min((doc[i] for i in near), key=lambda t: abs(t.idx - q.start)).lemma_.lower()


def find(doc: Doc, analysis: Analysis, events: list[Event], modals: Modals,
         own_plans: frozenset[str] | set[str] = frozenset(),
         beliefs: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    """ACCUSE events read from reported statements about a side's rivals (``RIVALS``;
    ``events``: the coder's; ``own_plans``: the lemmas of cues that tell the speaker's own plans
    or promises; ``beliefs``: of cues that tell what the speaker believes, fears or hopes;
    ``modals``: the words that make a statement a speculation, the speaker's own future act or
    no one's statement)."""
    actors = {a.id: a for a in analysis.actors}
    sides = {id(q): side(doc, analysis, q, actors) for q in analysis.quotes if q.speaker in actors}
    believed: dict[int, bool] = {}  # per quote: its cue tells a belief (the cue's lemma scans the doc)

    def about(q: Quote, target: Actor) -> bool:
        rivals = RIVALS.get(sides.get(id(q)) or "", frozenset())
        # criticism is in what the side says, not in what it thinks, fears or hopes ("he also
        # thinks women will back plans to ...": the opposition's views are not all criticism)
        if id(q) not in believed:
            believed[id(q)] = bool(q.cue) and cue_is(doc, q, beliefs)
        if believed[id(q)]:
            return False
        if target.sector in NOT_RIVALS:
            return False
        if rivals is None:
            return True
        named = (target.kind in NAMED and target.id != target.code) or sides.get(id(q)) not in NAMED_ONLY
        return target.sector in rivals and named

    out = []
    for s in statements(doc, analysis, events, modals, own_plans, about, beliefs):
        t = s.head
        out.append(Event(
            type="ACCUSE", mode="disapprove", cameo="111", actor=[s.speaker], recipient=[s.target],
            modality="asserted", sentence=Offsets(*s.sentence), trigger=Mention(t.idx, t.idx + len(t.text), t.text),
            confidence=0.5, actor_mentions=[s.speaker_mention] if s.speaker_mention else [],
            recipient_mentions=[s.target_mention]))
    return out


def side(doc: Doc, analysis: Analysis, q: Quote, actors: dict[str, Actor]) -> str | None:
    """The side a quote's speaker speaks for: the speaker's sector, or when it is neither the
    opposition nor the government, the sector of a political party named in the speaker's own
    phrase ("Liam Fox, Tory co-chairman", "Oliver Letwin, for the Tories"); ``actors``: the
    analysis's actors by id."""
    own = actors[q.speaker].sector
    if own in RIVALS or q.speaker_mention is None:
        return own
    span = span_at(doc, q.speaker_mention)
    if span is None:
        return own
    root = span.root
    while root.dep_ in ("compound", "appos") and root.head.i != root.i:
        root = root.head  # "Tory co-chairman Liam Fox": the whole phrase
    phrase = [t for t in root.subtree if not (t.dep_ in SAID_CLAUSE and t.head.i == root.i)]
    lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    parties = {a.sector for a in analysis.actors if a.id.startswith("party:") and a.sector in RIVALS
               for m in a.mentions if lo <= m.start < hi}
    return parties.pop() if len(parties) == 1 else own


# dependents of a speaker's head that are not its own phrase (a relative clause tells what it did)
SAID_CLAUSE = {"relcl", "acl", "ccomp", "advcl"}

# what a rebuttal answers: an accusation, or a demand, made of the speaker's side
ANSWERED = {"ACCUSE", "REQUEST"}
# the kinds of quote a rebuttal is read from
REBUTTING = {"direct", "indirect"}


def rebuttals(doc: Doc, analysis: Analysis, events: list[Event],
              own_plans: frozenset[str] | set[str] = frozenset(), sentences: int = 3,
              kinds: Collection[str] = ANSWERED, denials: Collection[str] = (), *,
              conditions: Collection[str]) -> list[Event]:
    """REJECT events read from reported denials ("These were 'not intended to cause any offence',
    Mr Blair insisted", "the Home Office said it had not meant to discriminate") that answer an
    accusation or a demand made of the speaker's side in the ``sentences`` sentences before.
    ``denials``: words that call what was said untrue (the lexicon's ``denial_words``);
    ``conditions``: the subordinators of a condition (the lexicon's ``condition_marks``), whose
    negated clause denies nothing ("if it wasn't so serious")."""
    actors = {a.id: a for a in analysis.actors}
    # (a partial quote is a few words of the speaker's in the writer's sentence: what it denies is
    # the writer's clause, not the speaker's)
    quotes = _spoken(doc, analysis, actors, REBUTTING, own_plans)
    told = {e.sentence.start for e in events}
    starts = [s.start_char for s in doc.sents]
    out: list[Event] = []
    done: set[tuple[int, str]] = set()
    for q, sent in _said_sentences(doc, quotes):
        speaker = actors[q.speaker]
        own = _code(speaker)
        if (sent.start_char, q.speaker) in done or sent.start_char in told:
            continue
        head = _quoted_clause_head(doc, sent, q)
        if head is None or not _denial(head, denials, conditions):
            continue
        here = starts.index(sent.start_char) if sent.start_char in starts else None
        if here is None:
            continue
        earliest = starts[max(0, here - sentences)]
        prior = next((e for e in reversed(events) if earliest <= e.trigger.start < sent.start_char
                      and e.type in kinds and e.actor and q.speaker not in e.actor
                      and not any(_code(actors[a]) == own for a in e.actor if a in actors)
                      and any(r == q.speaker or (r in actors and _code(actors[r]) == own and len(own) > 3)
                              for r in e.recipient)), None)
        if prior is None:
            continue
        done.add((sent.start_char, q.speaker))
        out.append(Event(
            type="REJECT", mode=None, cameo="120", actor=[q.speaker], recipient=list(prior.actor),
            modality="asserted", sentence=Offsets(sent.start_char, sent.end_char),
            trigger=Mention(head.idx, head.idx + len(head.text), head.text), confidence=0.5,
            actor_mentions=[q.speaker_mention] if q.speaker_mention else [],
            recipient_mentions=list(prior.actor_mentions)))
    return out


def _quoted_clause_head(doc: Doc, sent: Span, q: Quote) -> Token | None:
    """The head of the clause the quote ``q`` reports in ``sent`` (None when the clause is under
    ten characters: too short to tell a denial or a demand)."""
    start, end = _clause(sent, max(sent.start_char, q.start), min(sent.end_char, q.end))
    piece = char_tokens(doc, start, end)
    if piece is None or end - start < 10:
        return None
    return next(t for t in piece if t.head.i == t.i or not piece.start <= t.head.i < piece.end)


def _denial(head: Token, denials: Collection[str], conditions: Collection[str]) -> bool:
    """The clause headed by ``head`` denies: it is negated ("it is not aimed at", "had not meant
    to"), or calls its subject untrue ("both the cases are false"); not when ``conditions`` mark it
    a condition."""
    if any(c.dep_ == "expl" or (c.dep_ == "mark" and c.lower_ in conditions) for c in head.children):
        return False  # "there was not enough evidence": a fact stated; "if it wasn't so serious": a condition
    if has_negation(head):
        return True
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in denials for c in head.children)


def praise(doc: Doc, analysis: Analysis, events: list[Event],
           words: Collection[str]) -> list[Event]:
    """SUPPORT events read from reported statements that praise a named party: the party is the
    subject of a clause that says it is (or has been, or would be) what ``words`` praise (the
    lexicon's ``praise_words``: "Sir Digby Jones said: 'he has been a prudent chancellor'")."""
    actors = {a.id: a for a in analysis.actors}
    quotes = _spoken(doc, analysis, actors, SAID_KINDS)
    told = {e.sentence.start for e in events}
    mentions = sorted((m.start, m.end, a.id, m) for a in analysis.actors for m in a.mentions)
    out: list[Event] = []
    done: set[tuple[int, str]] = set()
    for q, sent in _said_sentences(doc, quotes):
        if (sent.start_char, q.speaker) in done or sent.start_char in told:
            continue
        start, end = _clause(sent, max(sent.start_char, q.start), min(sent.end_char, q.end))
        for t in sent:
            if not (start <= t.idx < end and t.lemma_.lower() in words):
                continue
            verb = t.head if t.dep_ in ("acomp", "attr") else t.head.head if (
                t.dep_ == "amod" and t.head.dep_ == "attr") else None
            if verb is None or verb.lemma_ != "be" or _denied(verb) or _denied(t) \
                    or any(c.dep_ == "xcomp" for c in t.children):
                continue  # "was no longer an asset"; "should be able to appoint": what one can do
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            target = next(((aid, m) for s, e, aid, m in mentions if s <= subj.idx < e and aid != q.speaker
                           and not is_public(actors[aid])), None)
            if target is None:
                continue
            done.add((sent.start_char, q.speaker))
            out.append(Event(
                type="SUPPORT", mode=None, cameo="051", actor=[q.speaker], recipient=[target[0]],
                modality="asserted", sentence=Offsets(sent.start_char, sent.end_char),
                trigger=Mention(t.idx, t.idx + len(t.text), t.text), confidence=0.5,
                actor_mentions=[q.speaker_mention] if q.speaker_mention else [],
                recipient_mentions=[target[1]]))
            break
    return out


def _denied(t: Token) -> bool:
    """``t`` is negated (``modality.has_negation``: "not", "never", "no") or told as no longer so."""
    return has_negation(t) or any(c.dep_ == "advmod" and c.lower_ == "longer" for c in t.children)


# the state's own speakers: what they say ought to be done is their policy, not a demand of anyone
# (on the development gold, 1 right of the 4 such statements of GOV speakers read as demands)
STATE_SPEAKERS = frozenset({"GOV", "COP", "POL", "JUD", "MIL"})
# subjects that name no one ("it must be done", "that should change")
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those"})


def demands(doc: Doc, analysis: Analysis, events: list[Event], government: Callable[[str], Actor | None],
            own_plans: frozenset[str] | set[str], aux: Collection[str]) -> list[Event]:
    """REQUEST events read from what a party says ought to be done with no one named to do it
    ("Robin Cook says all the advice should now be published", "that must be done with a proper
    judicial process, said Mr Oaten"): a demand of the authorities, the government of the
    speaker's country (``government``: country -> that actor), as the guidelines code a demand with
    no addressee ("the government (implied)"). ``aux``: the auxiliaries of what ought to be done (the
    lexicon's ``obligation_aux``: "the advice should now be published"); ``own_plans``: cues of
    the speaker's own programme. Not what the government itself says ought to be done (its own
    policy), nor a demand of the speaker's own side ("we must ...")."""
    actors = {a.id: a for a in analysis.actors}
    quotes = _spoken(doc, analysis, actors, REBUTTING, own_plans)
    told = {e.sentence.start for e in events}
    mentions = sorted((m.start, m.end, a.id) for a in analysis.actors for m in a.mentions)
    out: list[Event] = []
    for q, sent in _said_sentences(doc, quotes):
        speaker = actors[q.speaker]
        if speaker.sector in STATE_SPEAKERS:
            continue
        if sent.start_char in told:
            continue
        head = _quoted_clause_head(doc, sent, q)
        if head is None or not any(c.dep_ == "aux" and c.lower_ in aux for c in head.children) or _denied(head) \
                or head.dep_ == "relcl" or any(c.dep_ in ("agent", "ccomp") for c in head.children):
            continue  # (by whom told; "it should be noted that ...": a clause, no act asked)
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" and subj.lower_ not in THING_PRONOUNS:
            continue
        if any(s <= t.idx < e for t in subj.subtree for s, e, _ in mentions):
            continue  # a party asked to act: the coder's (its recipient named)
        target = government(speaker.country)
        if target is None or target.id == q.speaker:
            continue
        told.add(sent.start_char)
        out.append(Event(
            type="REQUEST", mode=None, cameo="100", actor=[q.speaker], recipient=[target.id],
            modality="asserted", sentence=Offsets(sent.start_char, sent.end_char),
            trigger=Mention(head.idx, head.idx + len(head.text), head.text), confidence=0.4,
            actor_mentions=[q.speaker_mention] if q.speaker_mention else [], recipient_mentions=[],
            inferred=["recipient"]))
    return out


def disclaimers(doc: Doc, analysis: Analysis, events: list[Event], charges: Collection[str],
                own_plans: frozenset[str] | set[str] = frozenset(), sentences: int = 3, *,
                conditions: Collection[str], charge_words: Collection[str]) -> list[Event]:
    """REJECT events read from a speaker's statement that its own side's words, plans or acts are
    not what a charge calls them ("Tory plans to cut immigration are not racist, Michael Howard has
    said", "It's not racist, as some people claim, to talk about controlling immigration", "his
    party plans ... were not 'racist' - just 'common sense'"): the clause of a reported statement
    whose predicate is one of ``charges`` (the lexicon's pejoratives) negated, its subject naming no
    party other than the speaker's own side. The guidelines code a political actor rebutting an
    accusation as REJECT; the one answered is the maker of the latest accusation of the speaker's
    side in the ``sentences`` sentences before, when the coder told one, else no one (the gold
    codes such denials with no recipient when the text names none; ``charge_words``, the lexicon's
    marker of that name, tell who makes a charge). Not "there is no violation" (a
    fact stated), not a condition (``conditions``), not the speaker's own plan (``own_plans``), not
    in a sentence where a rejection is already coded."""
    actors = {a.id: a for a in analysis.actors}
    quotes = _spoken(doc, analysis, actors, SAID_KINDS, own_plans)
    if not quotes:
        return []
    rejected = {e.sentence.start for e in events if e.type == "REJECT"}
    mentions = sorted((m.start, m.end, a.id, m) for a in analysis.actors for m in a.mentions)
    starts = [s.start_char for s in doc.sents]
    out: list[Event] = []
    for q, sent in _said_sentences(doc, quotes):
        if sent.start_char in rejected:
            continue
        speaker = actors[q.speaker]
        own = _code(speaker)
        start, end = _clause(sent, max(sent.start_char, q.start), min(sent.end_char, q.end))
        word = next((t for t in sent if start <= t.idx < end and t.dep_ in ("acomp", "attr")
                     and (t.lower_ in charges or t.lemma_.lower() in charges) and t.head.lemma_.lower() in COPULAS
                     and (has_negation(t.head) or has_negation(t))), None)
        if word is None:
            continue
        verb = word.head
        if any(c.dep_ == "expl" or (c.dep_ == "mark" and c.lower_ in conditions) for c in verb.children):
            continue  # "there are no violations": a fact stated; "if it wasn't so serious": a condition
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        words = list(subj.subtree)
        lo, hi = words[0].idx, words[-1].idx + len(words[-1])
        if any(lo <= s < hi and aid != q.speaker and _code(actors[aid]) != own and not is_public(actors[aid])
               for s, _, aid, _ in mentions):
            continue  # "Mr Quigley's evidence was not dishonest": a judgement of another party's
        here = starts.index(sent.start_char) if sent.start_char in starts else None
        if here is None:
            continue
        earliest = starts[max(0, here - sentences)]
        prior = next((e for e in reversed(events) if earliest <= e.trigger.start < sent.end_char and e.type == "ACCUSE"
                      and e.actor and q.speaker not in e.actor
                      and not any(_code(actors[a]) == own for a in e.actor if a in actors)
                      and any(r == q.speaker or (r in actors and _code(actors[r]) == own) for r in e.recipient)), None)
        if prior is not None:
            recipient, recipient_mentions = list(prior.actor), list(prior.actor_mentions)
        else:
            # the maker of the charge the text names ("as some people claim", "Labour claims he had
            # used Mrs Dixon as a 'human shield'"), else no one
            maker = _claimant(doc, earliest, sent.end_char, mentions, charge_words,
                              lambda a: a != q.speaker and _code(actors[a]) != own)
            recipient, recipient_mentions = ([maker[0]], [maker[1]]) if maker else ([], [])
        rejected.add(sent.start_char)
        out.append(Event(
            type="REJECT", mode=None, cameo="120", actor=[q.speaker], recipient=recipient,
            modality="asserted", sentence=Offsets(sent.start_char, sent.end_char),
            trigger=Mention(word.idx, word.idx + len(word.text), word.text), confidence=0.5,
            actor_mentions=[q.speaker_mention] if q.speaker_mention else [],
            recipient_mentions=recipient_mentions))
    return out


def _claimant(doc: Doc, start: int, end: int, mentions: list, charge_words: Collection[str],
              whose: Callable[[str], bool]) -> tuple[str, Mention] | None:
    """The latest party between ``start`` and ``end`` (characters) that ``whose`` accepts and that
    makes a charge: the subject of a verb of ``charge_words`` ("as some people claim") or the
    possessor or modifier of such a noun ("Labour claims", "Mr Hain's accusation")."""
    piece = char_tokens(doc, start, end)
    if piece is None:
        return None
    found = None
    for t in piece:
        if t.lemma_.lower() not in charge_words:
            continue
        deps = ("nsubj",) if t.pos_ == "VERB" else ("poss", "compound") if t.pos_ in ("NOUN", "PROPN") else ()
        for c in t.children:
            if c.dep_ not in deps:
                continue
            words = list(c.subtree)
            lo, hi = words[0].idx, words[-1].idx + len(words[-1])
            hit = next(((aid, m) for s, _, aid, m in mentions if lo <= s < hi and whose(aid)), None)
            if hit is not None:
                found = hit
    return found
