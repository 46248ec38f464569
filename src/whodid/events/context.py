"""Parties the clause does not name but the story told just before it.

Three regularities of news prose (issue 15, item 4):

- a counted plural ("both sides", "the two countries", "the three leaders", "the two") names
  together the parties of the interaction told last before it: "India and Pakistan held talks.
  Both sides agreed to ..." (``collective_parties``);
- an agreement with no counterpart in its clause is made with the other party of the latest
  interaction its actor took part in: "... held talks with Pakistan. India agreed to arrange a
  tour" (``counterpart``);
- a definite noun that tells an act again ("welcomed the move", "opposed the decision") is
  aimed at whoever did the act told last before it (``retold_act``).

The word lists are the lexicon's markers ``collective_heads`` and ``retold_acts``. Each looks no
further back than ``SENTENCES`` sentences before the clause (and the clause itself), but for a
counted plural with no group of as many parties there: it takes the story's latest pair told as
one ("both India and Pakistan"), the two sides a reader keeps in mind.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from whodid.model import Event, Mention
from whodid.nlp.extensions import span_at
from whodid.nlp.vocab import DEFINITE_DETERMINERS

# how many sentences before a clause its context reaches
SENTENCES = 2

# counting words of a collective ("both", "the two"): how many parties they name
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# meetings: no "move" or "decision" of anyone's
_MEETINGS = {"CONSULT"}


def _count(t: Token, heads: Collection[str]) -> int | None:
    """How many parties a counted plural names ("both sides", "the two countries", and "the
    two" or "both" standing alone); None when ``t`` is no such word."""
    low = t.lower_
    if low == "both" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
        return 2  # "Both agreed", "talks between both"
    if t.pos_ == "NUM" and low in _COUNTS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
            and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in t.children):
        return _COUNTS[low]  # "the two were accused"
    if t.pos_ != "NOUN" or t.tag_ != "NNS" or t.lemma_.lower() not in heads:
        return None
    n = None
    for c in t.children:
        if c.dep_ in ("det", "predet", "nummod", "quantmod") and c.lower_ in _COUNTS:
            n = _COUNTS[c.lower_]
    if n is None or any(c.lower_ == "both" for c in t.children):
        return n
    # "two countries", "five delegations" with no article are any such, not those told before
    return n if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in t.children) else None


def _window_start(doc: Doc, t: Token, sentences: int) -> int:
    sents = list(doc.sents)
    here = next(k for k, s in enumerate(sents) if s.start <= t.i < s.end)
    return sents[max(0, here - sentences)].start


def _groups(doc: Doc, start: int, end: int, parties: Callable[[Token], list],
            clauses: bool = True) -> list[tuple[int, list]]:
    """The groups of parties told together between tokens ``start`` and ``end``, with where each
    ends: conjoined mentions ("India and Pakistan") and a clause's doer with its object or
    with-, between- or against-phrase ("Modi met Sharif", "talks with Pakistan")."""
    out = []
    for t in doc[start:end]:
        if t.conjuncts and t.dep_ != "conj":
            found = parties(t)
            last = max(k.i for k in (t, *t.conjuncts))
            if last < end:
                out.append((last, found))
        if clauses and t.pos_ in ("VERB", "AUX", "NOUN"):
            doers = [p for c in t.children if c.dep_ in ("nsubj", "poss", "compound", "amod") for p in parties(c)]
            if not doers:
                continue
            others = []
            ends = []
            for c in t.children:
                if c.dep_ == "dobj":
                    others += parties(c)
                    ends.append(c.i)
                elif c.dep_ == "prep" and c.lower_ in ("with", "between", "against"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            others += parties(p)
                            ends.append(p.i)
            if others and max(ends) < end:
                out.append((max(ends), doers + others))
    return out


def _distinct(parties: list) -> list:
    seen: dict[str, object] = {}
    for p in parties:
        seen.setdefault(p.actor, p)
    return list(seen.values())


def collective_parties(doc: Doc, heads: Collection[str], parties: Callable[[Token], list],
                       sentences: int = SENTENCES) -> dict[int, list]:
    """Token index of each counted plural -> the parties of the latest group of as many parties
    told before it in its sentence or the ``sentences`` before (none found: not listed).
    ``parties`` gives the participants a role word names (the coder's ``ActorIndex.roles``)."""
    found: dict[int, list] = {}
    for t in doc:
        n = _count(t, heads)
        if n is None:
            continue
        start = _window_start(doc, t, sentences)
        best = _latest(_groups(doc, start, t.i, parties), n)
        if best is None:
            # none just before: the story's latest pair told as one ("India and Pakistan"), as a
            # reader keeps the two sides of the story in mind
            best = _latest([g for g in _groups(doc, 0, start, parties, clauses=False)], n)
        if best is not None:
            found[t.i] = best
    return found


def _latest(groups: list[tuple[int, list]], n: int) -> list | None:
    best = None
    for last, group in groups:
        group = _distinct(group)
        if len(group) == n and (best is None or last >= best[0]):
            best = (last, group)
    return best[1] if best is not None else None


def _sides(ev: Event) -> list[str]:
    return list(dict.fromkeys(ev.actor + ev.recipient))


def _mentions_of(ev: Event, ids: list[str]) -> list[Mention]:
    """The words ``ev`` read each of the parties ``ids`` from, where its parties and their
    mentions are listed one for one (a party with no such mention gets none: no other party's
    words stand for it)."""
    words: dict[str, Mention] = {}
    for parties, mentions in ((ev.actor, ev.actor_mentions), (ev.recipient, ev.recipient_mentions)):
        if len(parties) == len(mentions):
            for a, m in zip(parties, mentions):
                words.setdefault(a, m)
    return [words[a] for a in ids if a in words]


def counterpart(ev: Event, doc: Doc, prior: list[Event], codes: dict[str, str], acts: Collection[str],
                parties: Callable[[Token], list]) -> bool:
    """``ev`` (an agreement with no counterpart) takes as recipient the other parties of the
    latest event of ``prior`` (those told before it, the latest first) that its actor took part
    in: by the same actor, one of the same code, or one of its country; else, when what it agrees to do is to an act
    told again ("agreed to examine the objections", after "Islamabad raised objections"), the
    doers of that act. False when there is neither."""
    mine = set(ev.actor)
    own = {codes.get(a) or "" for a in ev.actor} - {""}
    countries = {c[:3] for c in own}
    for p in prior:
        sides = _sides(p)
        if mine & set(sides) or own & {codes.get(a) or "" for a in sides}:
            # the actor itself, or one of its code: the others are the other codes
            others = [a for a in sides if a not in mine and (codes.get(a) or "") not in own]
        elif countries & {(codes.get(a) or "")[:3] for a in sides}:
            # one of its country ("Kenya" after "President Ruto held talks"): the other countries
            others = [a for a in sides if (codes.get(a) or "")[:3] not in countries]
        else:
            continue
        if not others:
            continue
        ev.recipient = others
        ev.recipient_mentions = _mentions_of(p, others)
        return True
    span = span_at(doc, ev.trigger)
    if span is None:
        return False
    for w in span.root.subtree:
        if w.i != span.root.i and w.pos_ == "VERB" and _retold(w, ev, prior, acts, parties, codes):
            return True
    return False


def _definite_objects(t: Token, parties: Callable[[Token], list]) -> list[Token]:
    """The definite nouns ``t`` takes as its object ("welcomed the move", "objected to the
    decision") that name no party of their own ("the decision by India": not retold)."""
    out = []
    for c in t.children:
        objs = [c] if c.dep_ in ("dobj", "nsubjpass") else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("to", "on", "against", "with") else []
        for o in objs:
            if o.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in DEFINITE_DETERMINERS for d in o.children) \
                    and not any(parties(w) for w in o.subtree if w.i != o.i):
                out.append(o)
    return out


def _act_words(p: Event, doc: Doc) -> set[str]:
    """The words an act was told with: its trigger's and its trigger's object ("raised objections")."""
    span = span_at(doc, p.trigger)
    if span is None:
        return set()
    return {w.lemma_.lower() for w in span} | {c.lemma_.lower() for c in span.root.children if c.dep_ == "dobj"}


def _retold(t: Token, ev: Event, prior: list[Event], acts: Collection[str], parties: Callable[[Token], list],
            codes: dict[str, str]) -> bool:
    """Sets ``ev``'s recipient to the doers of the act ``t``'s definite object tells again: the
    latest of ``prior`` done by others of a known country, when the noun is a word for any act
    (``acts``: "the move") or the act's own trigger word ("raised objections" ... "the objections")."""
    for o in _definite_objects(t, parties):
        lemma = o.lemma_.lower()
        for p in prior:
            words = _act_words(p, o.doc)
            # a word for any act ("the plan") tells again a decision, not a meeting ("Turkish
            # officials visited Athens ... rejected the plan": the visit is no plan)
            if lemma not in words and (lemma not in acts or p.type in _MEETINGS):
                continue
            doers = [a for a in p.actor if a not in ev.actor and len(codes.get(a) or "") >= 3]
            if doers and not set(p.actor) & set(ev.actor):
                ev.recipient = doers
                ev.recipient_mentions = _mentions_of(p, doers)
                return True
    return False


def retold_act(ev: Event, doc: Doc, prior: list[Event], acts: Collection[str],
               parties: Callable[[Token], list], codes: dict[str, str]) -> bool:
    """``ev`` (an act with no recipient) whose object is a definite noun telling an act again
    ("welcomed the move") takes as recipient the doers of that act (see ``_retold``). False when
    its object is no such noun or no such act was told."""
    span = span_at(doc, ev.trigger)
    return span is not None and _retold(span.root, ev, prior, acts, parties, codes)
