"""Contradictory stances: one actor for and against the same thing in one story.

A stance is (holder, target, polarity, evidence span), read from the dependency
parse with a small lexicon written from definitions:

- a stance verb with its object: "condemned the invasion", "welcomed the
  resolution" (negated support is opposition: "would never recognize the
  annexation"; negated condemnation is no stance);
- a phrase: "threw his weight behind the invasion", "stood behind ...", "spoke
  out against ...";
- an evaluation the holder gives: "called the invasion unprovoked", "what he
  called a barbaric war", "believes Putin was wrong in invading Ukraine".

The target is what the stance is about: an event noun or verb, by its family
("invasion", "invade" and "incursion" are one target), or an actor ("backed
Ukraine"); a light noun with a verb takes the verb ("his decision to withdraw" is
about the withdrawal). The holder is the subject (through participles, infinitives
and coordinated verbs, and a quote's speaker for "I"/"we"), resolved to an actor
by the actors stage; a government official who states their own country's stance
("Blinken said the United States would never recognize ...") holds it too.
Conditional and hypothetical statements are no stance.

Same holder, same target, both polarities: a ``stance_contradiction`` warning on
the statements of the rarer polarity, citing all of them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whodid.model import Analysis, Check, Offsets
from whodid.knowledge.cues import SAYING_VERBS

POSITIVE = {"support", "back", "endorse", "welcome", "praise", "hail", "applaud", "defend", "justify", "champion",
            "celebrate", "approve", "favor", "favour", "embrace", "commend"}
NEGATIVE = {"condemn", "denounce", "criticize", "criticise", "oppose", "decry", "deplore", "slam", "blast",
            "reject", "protest", "lambast", "censure", "deride", "rebuke", "disavow"}
# negation turns these into opposition ("would never recognize the annexation", "refused to back")
FLIP_WHEN_NEGATED = {"support", "back", "endorse", "recognize", "recognise", "accept", "approve"}
# stance verbs only when negated: "will never recognize the annexation" (but "recognises the importance",
# "accepting bribes" say nothing of a stance)
NEGATED_ONLY = {"recognize", "recognise", "accept"}
BEHIND = {"throw", "put", "stand", "get", "rally", "line"}  # + "behind X": support ("was behind the attack" is not)
AGAINST = {"speak", "protest", "campaign", "rally", "vote", "stand", "come", "be"}  # + "against X": opposition
EVALUATE = {"call", "describe", "label", "brand", "term", "denounce", "condemn"}
BAD = {"barbaric", "brutal", "illegal", "illegitimate", "unprovoked", "unjustified", "criminal", "wrong", "senseless",
       "unacceptable", "outrageous", "shameful", "disgrace", "sham", "betrayal", "mistake", "horrific", "cruel",
       "unlawful", "disaster", "catastrophe", "atrocity", "crime", "travesty", "reckless", "useless"}
GOOD = {"justified", "necessary", "legitimate", "right", "heroic", "courageous", "wise", "correct", "success",
        "triumph", "victory", "just", "lawful", "welcome"}
BELIEVE = {"believe", "think", "say", "argue", "insist", "maintain", "state", "claim", "feel", "consider", "contend"}
LIGHT_NOUNS = {"decision", "plan", "move", "order", "choice", "bid", "effort", "attempt", "proposal", "call", "push"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}
# one target for the noun and the verb of one kind of event
FAMILIES = {
    "invade": "invasion", "incursion": "invasion", "annex": "annexation", "withdraw": "withdrawal",
    "pullout": "withdrawal", "occupy": "occupation", "sanction": "sanctions", "airstrike": "strike",
    "bomb": "bombing", "bombardment": "bombing", "agreement": "deal", "accord": "deal", "truce": "ceasefire",
    "elect": "election", "mutiny": "mutiny", "rebellion": "mutiny", "vote": "vote", "arrest": "arrest",
}
PRONOUN_SPEAKERS = {"i", "we", "me", "us"}


@dataclass
class Stance:
    holder: str
    target: str
    label: str  # the target as a reader says it
    polarity: int
    span: Offsets  # the clause or phrase the stance is read from


def check_stances(doc: Doc, analysis: Analysis) -> list[Check]:
    stances = find_stances(doc, analysis)
    by_key: dict[tuple[str, str], list[Stance]] = defaultdict(list)
    for s in stances:
        by_key[(s.holder, s.target)].append(s)
    names = {a.id: a.name for a in analysis.actors}
    text = analysis.article.text
    checks = []
    for (holder, _target), group in by_key.items():
        pos = [s for s in group if s.polarity > 0]
        neg = [s for s in group if s.polarity < 0]
        if not pos or not neg:
            continue
        odd, usual = (pos, neg) if len(pos) <= len(neg) else (neg, pos)
        odd_word, usual_word = ("supports", "opposes") if odd is pos else ("opposes", "supports")
        quote = lambda ss: "; ".join(f"“{text[s.span.start:s.span.end].strip()}”" for s in ss[:3])  # noqa: E731
        first = odd[0]
        checks.append(Check(
            kind="stance_contradiction", severity="warning", start=first.span.start, end=first.span.end,
            spans=[s.span for s in odd + usual],
            message=(f"{names.get(holder, holder)} {odd_word} {first.label} here ({quote(odd)}) but "
                     f"{usual_word} it elsewhere in the story ({quote(usual)}); check which is meant")))
    return checks


def find_stances(doc: Doc, analysis: Analysis) -> list[Stance]:
    actor_at = _actor_index(analysis)
    out: list[Stance] = []
    for t in doc:
        for holder_tok, target_tok, polarity, span in _readings(t):
            if _hypothetical(t):
                continue
            holder = _holder(holder_tok, actor_at, analysis)
            target = _target(target_tok, actor_at)
            if holder is None or target is None or holder == target[0]:
                continue
            out.append(Stance(holder, target[0], target[1], polarity, span))
            official = _official_speaking(t, holder, actor_at, analysis)
            if official is not None and official != target[0]:
                out.append(Stance(official, target[0], target[1], polarity, span))
    return out


def _official_speaking(t: Token, holder: str, actor_at: dict[int, str], analysis: Analysis) -> str | None:
    """The government official whose statement this is, when it gives their own country's stance:
    "Blinken said the United States would never recognize the annexation" is Blinken's stance too."""
    actors = {a.id: a for a in analysis.actors}
    country = actors.get(holder)
    if country is None or country.kind not in ("country", "group", "organization") or not country.country:
        return None
    v = t
    while v.dep_ in ("ccomp", "conj", "xcomp") and v.head.i != v.i:
        v = v.head
        if v.lemma_.lower() in SAYING_VERBS:
            speaker = _holder(_subject(v), actor_at, analysis)
            person = actors.get(speaker or "")
            if person is not None and person.kind == "person" and person.country == country.country \
                    and person.sector == "GOV":
                return person.id
            return None
    return None


def _readings(t: Token):
    """(holder token, target token, polarity, span) for each stance the word ``t`` heads."""
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" or t.pos_ == "AUX":
        negated = any(c.dep_ == "neg" for c in t.children) or _governed_by_refusal(t)
        subj = _subject(t)
        # stance verb + object
        if lemma in POSITIVE | NEGATIVE | NEGATED_ONLY and (negated or lemma not in NEGATED_ONLY):
            polarity = 1 if lemma in POSITIVE | NEGATED_ONLY else -1
            if negated:
                polarity = -1 if lemma in FLIP_WHEN_NEGATED else 0
            for obj in _objects(t):
                if polarity:
                    yield subj, obj, polarity, _span(t, obj)
        # "throw one's weight behind X", "speak out against X"
        for prep in (c for c in t.children if c.dep_ == "prep"):
            word = prep.lower_
            polarity = 1 if word == "behind" and lemma in BEHIND else -1 if word == "against" and lemma in AGAINST else 0
            if polarity and not negated:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    yield subj, obj, polarity, _span(t, obj)
        # "called the invasion unprovoked", "called the mutiny a betrayal", "what he called a barbaric war"
        if lemma in EVALUATE and not negated:
            pred = [c for c in t.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
            objs = [c for c in t.children if c.dep_ == "dobj" and c.lower_ != "what"]
            for p in pred:
                words = {p.lemma_.lower(), *(c.lemma_.lower() for c in p.children if c.dep_ in ("amod", "conj"))}
                polarity = -1 if words & BAD else 1 if words & GOOD else 0
                if not polarity:
                    continue
                for obj in objs or ([p] if p.pos_ in ("NOUN", "PROPN") else []):
                    yield subj, obj, polarity, _span(t, p)
        # "X was wrong in invading Ukraine", under a holder's "believes"/"said"
        if lemma == "be":
            for a in (c for c in t.children if c.dep_ == "acomp" and c.lemma_.lower() in BAD | GOOD):
                polarity = -1 if a.lemma_.lower() in BAD else 1
                for prep in (c for c in a.children if c.dep_ in ("prep", "xcomp")):
                    act = next((c for c in prep.children if c.dep_ == "pcomp"), None) if prep.dep_ == "prep" else prep
                    if act is None or act.pos_ != "VERB" or t.dep_ != "ccomp" or t.head.lemma_.lower() not in BELIEVE:
                        continue
                    if negated:
                        continue
                    yield _subject(t.head), act, polarity, _span(t, act)


def _governed_by_refusal(t: Token) -> bool:
    return t.dep_ in ("xcomp", "acl") and t.head.lemma_.lower() in {"refuse", "refusal", "decline", "reject"}


def _subject(v: Token) -> Token | None:
    """The subject of ``v``, through coordination, participles and infinitives."""
    seen = 0
    while v is not None and seen < 6:
        seen += 1
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return v.head  # "Biden, throwing his weight behind ..."
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            continue
        return None
    return None


def _objects(v: Token) -> list[Token]:
    objs = [c for c in v.children if c.dep_ in ("dobj", "obj")]
    for o in list(objs):
        objs += [c for c in o.conjuncts]
    # "condemned Russia for its invasion": the reason is the target too
    for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ == "for"):
        objs += [c for c in prep.children if c.dep_ == "pobj"]
    return objs


def _hypothetical(t: Token) -> bool:
    """A conditional, hypothetical or questioned statement states no stance."""
    for v in [t, *t.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True
        aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if aux & HYPOTHETICAL_AUX and not any(c.dep_ == "neg" for c in v.children):
            return True
        if v.dep_ in ("ROOT",):
            break
    return t.sent.text.rstrip().endswith("?")


def _span(a: Token, b: Token) -> Offsets:
    lo = min(a.left_edge.i if a.dep_ == "acl" else a.i, b.i, *(c.i for c in b.subtree))
    hi = max(a.i, *(c.i for c in b.subtree))
    doc = a.doc
    return Offsets(doc[lo].idx, doc[hi].idx + len(doc[hi]))


def _actor_index(analysis: Analysis) -> dict[int, str]:
    """Character offset -> actor id, for every character of every actor mention."""
    at: dict[int, str] = {}
    for a in analysis.actors:
        for m in a.mentions:
            for i in range(m.start, m.end):
                at.setdefault(i, a.id)
    return at


def _holder(t: Token | None, actor_at: dict[int, str], analysis: Analysis) -> str | None:
    if t is None:
        return None
    if t.lower_ in PRONOUN_SPEAKERS:
        for q in analysis.quotes:
            if q.kind == "direct" and q.start <= t.idx < q.end and q.speaker:
                return q.speaker
        return None
    for tok in [t, *(c for c in t.subtree)]:
        hit = actor_at.get(tok.idx)
        if hit:
            return hit
    return None


def _target(t: Token, actor_at: dict[int, str]) -> tuple[str, str] | None:
    """(key, label) of what a stance is about: an actor, or an event by its family."""
    if t.pos_ == "PRON":
        return None
    hit = actor_at.get(t.idx)
    if hit and t.pos_ in ("PROPN", "NOUN"):
        return "actor:" + hit, t.text
    if t.lemma_.lower() in LIGHT_NOUNS:
        act = next((c for c in t.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if act is None:
            return None  # "his decision": about what, the sentence does not say
        t = act
    if t.pos_ not in ("NOUN", "VERB"):
        return None
    lemma = t.lemma_.lower()
    family = FAMILIES.get(lemma, lemma)
    label = "the " + family if t.pos_ == "VERB" or lemma != family else "the " + t.text.lower()
    return "event:" + family, label
