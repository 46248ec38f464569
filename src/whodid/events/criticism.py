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
  the government and the other parties are its criticism of them;
- a sentence of it names a party of another code than the speaker's (not the speaker's
  own side), of the speaker's country (the opposition opposes its own country's government
  and parties: "a local income tax of the kind seen in the USA" criticises no one there),
  and not as the one who hears it ("speaking to the BBC's Westminster Hour"); the first
  such party is the one criticised;
- its cue is no promise or plan of the speaker's ("are promising to cut class sizes",
  "plans to scrap the tax": the speaker's own programme, ``promise_verbs`` and
  ``intent_verbs`` in the lexicon's markers);
- the coder has not already coded an event in that sentence: a sentence that tells an act
  ("said the minister had agreed to ...", "accused him of ...") is coded as that act, and
  the speaker's critical tone around it is no second event (``uncoded_sentence``).

On the development gold 8 of the 14 events this adds are right at type + actor +
recipient (``scripts/events_dev.py``); statements of other speakers were tried and left
out (government speakers' statements about others: about one in six is criticism). The
trigger is the head of the statement's clause, so the event sits in its sentence; its
mode is disapprove (CAMEO 111).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whodid.events.remention import PUBLIC_SECTORS
from whodid.model import Actor, Analysis, Event, Mention, Offsets

SAID = {"direct", "indirect", "partial"}
# the speaker's events in a sentence that already code the criticism or answer one
CODED = {"ACCUSE", "REJECT"}
# speakers whose statements about another party are read as criticism of it
CRITICS = {"OPP"}


@dataclass
class Statement:
    """One sentence of a reported statement that names another party."""

    speaker: str
    target: str
    speaker_mention: Mention | None
    target_mention: Mention
    sentence: tuple[int, int]
    head: Token  # the head of the statement's clause in that sentence


def _public(a: Actor) -> bool:
    """``a`` is the country itself or its public (civilians, schools): spoken of, not opposed."""
    return a.kind == "country" or (a.sector or "") in PUBLIC_SECTORS


def _code(a: Actor) -> str:
    return a.code or (a.country or "") + (a.sector or "")


def statements(doc: Doc, analysis: Analysis, events: list[Event],
               own_plans: frozenset[str] | set[str] = frozenset()) -> list[Statement]:
    """Sentences of reported statements by a party with a country that name a party of another
    code, where the coder has coded no accusation or rebuttal by the speaker."""
    actors = {a.id: a for a in analysis.actors}
    # what the speaker promises or plans ("are promising to cut class sizes") is the speaker's
    # own programme, not a judgement of others
    quotes = [q for q in analysis.quotes if q.kind in SAID and q.speaker in actors and actors[q.speaker].country
              and not (q.cue and _cue_lemma(doc, q) in own_plans)]
    if not quotes:
        return []
    mentions = sorted((m.start, m.end, a.id, m) for a in analysis.actors for m in a.mentions)
    coded = {(e.sentence.start, a) for e in events if e.type in CODED for a in e.actor}
    told = {e.sentence.start for e in events}
    out = []
    for q in quotes:
        own = _code(actors[q.speaker])
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for sent in span.sents:
            start, end = max(sent.start_char, q.start), min(sent.end_char, q.end)
            if (sent.start_char, q.speaker) in coded or not uncoded_sentence(sent.start_char, told) or end - start < 10:
                continue
            named = [(aid, m) for s, _, aid, m in mentions if start <= s < end and aid != q.speaker
                     and actors[aid].country == actors[q.speaker].country and _code(actors[aid]) != own
                     and not _addressee(doc, m)]
            # a party over the country or its people ("voters faced a choice between more waste
            # and more tax under Labour" is said against Labour)
            target = next((x for x in named if not _public(actors[x[0]])), named[0] if named else None)
            piece = doc.char_span(start, end, alignment_mode="expand")
            if target is None or piece is None:
                continue
            head = next(t for t in piece if t.head.i == t.i or not piece.start <= t.head.i < piece.end)
            coded.add((sent.start_char, q.speaker))  # one statement per sentence and speaker
            out.append(Statement(q.speaker, target[0], q.speaker_mention, target[1],
                                 (sent.start_char, sent.end_char), head))
    return out


# verbs of speaking whose "to" object or told one is who hears the statement
_SPEAKING = {"speak", "talk", "tell", "say", "write", "explain", "announce"}


def _addressee(doc: Doc, m: Mention) -> bool:
    """The mention names who hears the statement, not whom it is about: "speaking to the
    BBC's Westminster Hour", "told MPs"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.dep_ in ("poss", "compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head  # "the BBC's Westminster Hour": the programme
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in _SPEAKING:
        return True
    return t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() == "tell"


def uncoded_sentence(start: int, told: set[int]) -> bool:
    """No event is coded in the sentence starting at ``start`` (``told``: the starts of the
    sentences of the coder's events): only there is a statement's criticism read from its
    words alone."""
    return start not in told


def _cue_lemma(doc: Doc, q) -> str:
    """The lemma of a quote's cue word ("promising" -> promise): the word nearest the quote."""
    cue = (q.cue or "").split()[-1].lower() if q.cue else ""
    near = [t for t in doc if t.lower_ == cue]
    if not near:
        return cue
    return min(near, key=lambda t: abs(t.idx - q.start)).lemma_.lower()


def find(doc: Doc, analysis: Analysis, events: list[Event],
         own_plans: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    """ACCUSE events read from the opposition's reported statements (``events``: the coder's;
    ``own_plans``: the lemmas of cues that tell the speaker's own plans or promises)."""
    sectors = {a.id: a.sector for a in analysis.actors}
    out = []
    for s in statements(doc, analysis, events, own_plans):
        if sectors.get(s.speaker) not in CRITICS:
            continue
        t = s.head
        out.append(Event(
            type="ACCUSE", mode="disapprove", cameo="111", actor=[s.speaker], recipient=[s.target],
            modality="asserted", sentence=Offsets(*s.sentence), trigger=Mention(t.idx, t.idx + len(t.text), t.text),
            confidence=0.5, actor_mentions=[s.speaker_mention] if s.speaker_mention else [],
            recipient_mentions=[s.target_mention]))
    return out
