"""A trained reader of reported statements: which speech act (ACCUSE, REJECT, REQUEST, SUPPORT
or none) a speaker performs in a statement the quotes stage found (used by
``scripts/train_statement_events.py``, not by the package: out of fold it did not add right
events on the fresh development articles without lowering their precision; ``docs/accuracy.md``,
branch ev-statements15).

The rules of ``whodid.events.criticism`` read a statement as criticism, a rebuttal, praise or a
demand from who speaks about whom and a few marked words; on fresh articles most of the gold
speech acts are still missed with nothing emitted in their sentence ("The Muslim Council of
Britain said Ofsted boss Mr Bell's comments were 'highly irresponsible'", "Kashmiri
politicians ... welcomed the move"). Here each (sentence, speaker) of a reported statement is
one unit, described by what the parse says of it: the lemmas and lemma pairs of the reported
clause, its cue verb, negation and modal auxiliaries, quotation marks, the speaker's sector and
side, the sectors of the other parties the clause (or the sentences before) names, and what the
rules already coded there; a multinomial logistic regression (``TriggerModel`` of
``event_triggers.py``: plain JSON weights) gives P(type) for each speech act and "none".

The recipient of a unit's event: the first party of another code than the speaker's that the
reported clause names (not a country or its public), else the latest such party in the two
sentences before, else (a REQUEST) the government of the speaker's country.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from whodid.events import criticism
from whodid.events.modality import has_negation
from whodid.events.remention import is_public
from whodid.model import SAID_KINDS, Actor, Analysis, Mention, Quote
from whodid.nlp.extensions import char_tokens, span_at

import logistic

NONE = logistic.NONE
_QUOTES = frozenset("\"'“”‘’")
_MODAL = frozenset({"could", "would", "may", "might", "will", "shall", "should", "must", "can", "ca", "wo", "need"})
BEFORE = 2  # sentences before a statement read for the party it answers or speaks of


def code(a: Actor) -> str:
    return a.code or ((a.country or "") + (a.sector or "") if a.country else "")


@dataclass
class Unit:
    """One speaker's reported statement in one sentence."""

    speaker: str
    speaker_mention: Mention | None
    sentence: tuple[int, int]
    head: Token  # the head of the reported clause: the event's trigger
    clause: tuple[int, int]
    recipient: str | None  # actor id
    recipient_mention: Mention | None
    feats: list[str] = field(default_factory=list)


def units(doc: Doc, analysis: Analysis, rules_events) -> list[Unit]:
    """Each (sentence, speaker) of a reported statement by a party with a country, its features
    (``rules_events``: the events the rules emitted in the article, ``whodid.model.Event``)."""
    actors = {a.id: a for a in analysis.actors}
    starts = [s.start_char for s in doc.sents]
    mentions = sorted((m.start, m.end, a.id, m) for a in analysis.actors for m in a.mentions)
    by_sentence: dict[int, list] = {}
    for e in rules_events:
        by_sentence.setdefault(e.sentence.start, []).append(e)
    out: dict[tuple[int, str], Unit] = {}
    for q in analysis.quotes:
        if q.kind not in SAID_KINDS or q.speaker not in actors or not actors[q.speaker].country:
            continue
        span = span_at(doc, q)
        if span is None:
            continue
        for sent in span.sents:
            key = (sent.start_char, q.speaker)
            if key in out:
                continue
            unit = _unit(doc, analysis, q, sent, actors, mentions, starts, by_sentence.get(sent.start_char, []))
            if unit is not None:
                out[key] = unit
    return list(out.values())


def _unit(doc: Doc, analysis: Analysis, q: Quote, sent: Span, actors: dict[str, Actor], mentions, starts, told) -> Unit | None:
    speaker = actors[q.speaker]
    own = code(speaker)
    start, end = criticism._clause(sent, max(sent.start_char, q.start), min(sent.end_char, q.end))
    piece = char_tokens(doc, start, end)
    if piece is None or end - start < 5:
        return None
    head = next(t for t in piece if t.head.i == t.i or not piece.start <= t.head.i < piece.end)
    f = [f"kind={q.kind}", f"carried={q.carried_over}"]
    cue = criticism._cue_lemma(doc, q) if q.cue else ""
    f.append(f"cue={cue}")
    spk = speaker.sector or "-"
    side = criticism.side(doc, analysis, q, actors) or "-"
    f += [f"spk={spk}", f"side={side}", f"spk_kind={speaker.kind}"]
    # the reported clause's words
    words = [t for t in piece if not t.is_punct and not t.is_space]
    lemmas = [t.lemma_.lower() for t in words]
    f += [f"w={x}" for x in set(lemmas)]
    f += [f"b={a}_{b}" for a, b in set(zip(lemmas, lemmas[1:]))]
    f += [f"cue_w={cue}|{x}" for x in set(lemmas) if cue]
    f.append(f"head={head.lemma_.lower()}")
    f.append(f"head_pos={head.pos_}")
    if has_negation(head):
        f += ["neg", f"neg_head={head.lemma_.lower()}"]
    if any(t.dep_ == "neg" for t in piece):
        f.append("neg_any")
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in _MODAL:
            f.append(f"modal={c.lower_}")
        if c.dep_ in ("acomp", "attr"):
            f.append(f"pred={c.lemma_.lower()}")
        if c.dep_ in ("nsubj", "nsubjpass"):
            f.append(f"subj_pron={c.lower_}" if c.pos_ == "PRON" else "subj_noun")
    if any(ch in _QUOTES for ch in doc.text[start:end]):
        f.append("quoted")
    n_words = len(words)
    f.append("len<8" if n_words < 8 else "len<20" if n_words < 20 else "len20+")
    # the parties the clause names, and those of the sentences before
    named = [(aid, m) for s, _, aid, m in mentions if start <= s < end and aid != q.speaker and aid in actors
             and code(actors[aid]) != own and not criticism._addressee(doc, m)]
    target = next(((aid, m) for aid, m in named if not is_public(actors[aid])), None)
    for aid, _ in named:
        a = actors[aid]
        same = "home" if a.country == speaker.country else "abroad" if a.country else "nocountry"
        f += [f"oth={a.sector or a.kind}", f"oth_where={same}", f"spk_oth={spk}|{a.sector or a.kind}"]
    if not named:
        f.append("no_other")
    here = starts.index(sent.start_char) if sent.start_char in starts else 0
    lo = starts[max(0, here - BEFORE)]
    before = [(aid, m) for s, _, aid, m in mentions if lo <= s < sent.start_char and aid != q.speaker and aid in actors
              and code(actors[aid]) != own and not is_public(actors[aid])]
    for aid, _ in before[-2:]:
        f.append(f"prev_oth={actors[aid].sector or actors[aid].kind}")
    if target is None and before:
        target = before[-1]
    f.append("recipient" if target is not None else "no_recipient")
    # what the rules coded in the sentence
    for e in told:
        mine = q.speaker in e.actor
        f.append(f"rules={e.type}" + ("|spk" if mine else ""))
    if not told:
        f.append("rules=none")
    return Unit(q.speaker, q.speaker_mention, (sent.start_char, sent.end_char), head, (start, end),
                target[0] if target else None, target[1] if target else None, f)
