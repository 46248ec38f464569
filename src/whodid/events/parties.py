"""A trained party chooser for the sides the events stage's rules leave empty.

For each side (actor, recipient) of an event, every party the actors stage found in its
sentence or the three sentences before (and the parties the rules chose) is a candidate; a logistic
regression (``knowledge.party_model``: weights in ``data/events/party_model.json``, written by
``scripts/train_party_model.py``, read once per process through ``Resources``) scores each from
the parse (the dependency path from the trigger, order, distance, clause, quotes) and from the
rules' choice on either side. A side the
rules left empty is given the best candidate when its score passes the model's ``fill``
threshold (chosen by cross-validation by annotation round); the rules' own parties are replaced
when the best candidate beats them by ``margin``, which the shipped model sets to never (out of
fold, replacing moved no event right: the rules' choice is almost always the best the model
finds). Out of fold by annotation round the fills raised type + actor + recipient F1 on the
articles coded blind (docs/accuracy.md, branch party-model17; retrained on the merged code with the
wider window, branch party18). A telling a fill makes another of an event already coded is folded
into it by the events stage (``remention.refold``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from whodid.knowledge.party_model import PartyModel
from whodid.model import Actor, Analysis, Event, Mention
from whodid.nlp.extensions import char_tokens, span_at

SIDES = ("actor", "recipient")
_CLAUSE = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "ROOT", "csubj", "pcomp"}


@dataclass
class Candidate:
    actor: Actor
    mention: tuple[int, int] | None  # the mention nearest the trigger (chars), None: not in the sentence
    where: str  # "sentence", "previous", "inferred"


@dataclass
class Side:
    event: Event
    side: str
    candidates: list[Candidate]
    rules: list[int]  # indices of the rules' own parties among the candidates
    others: list[int] = field(default_factory=list)  # the rules' parties of the other side
    feats: list[list[str]] = field(default_factory=list)


def _clause(t: Token) -> Token:
    """The head of the clause holding ``t``: the nearest ancestor-or-self that heads a clause."""
    while t.dep_ not in _CLAUSE and t.head.i != t.i:
        t = t.head
    return t


def _path(a: Token, b: Token, limit: int = 4) -> tuple[str, str, str]:
    """The dependency path from ``a`` (trigger) to ``b`` (candidate): up-arcs, the meeting word's
    lemma (when not ``a``), down-arcs; and the same without the lemma; and the path length."""
    up = [a] + list(a.ancestors)
    ups = {t.i: k for k, t in enumerate(up)}
    down = []
    t = b
    while t.i not in ups:
        down.append(t.dep_)
        if t.head.i == t.i:  # another sentence's root: no path
            return ("none", "none", "far")
        t = t.head
    k = ups[t.i]
    arcs_up = [u.dep_ for u in up[:k]]
    n = len(arcs_up) + len(down)
    if n > limit:
        return ("long", "long", "far")
    meet = "" if k == 0 else t.lemma_.lower() + ":"
    shape = "^" + "^".join(arcs_up) + "|" + "v".join(reversed(down))
    return (meet + shape, shape, str(n))


def _earlier_starts(doc: Doc, ev: Event, back: int) -> list[int]:
    """The first characters of the ``back`` sentences before ``ev``'s, nearest first."""
    sent = span_at(doc, ev.sentence)
    out: list[int] = []
    t = sent.start if sent is not None else 0
    while len(out) < back and t > 0:
        prev = doc[t - 1].sent
        out.append(prev.start_char)
        t = prev.start
    return out


def candidates(doc: Doc, analysis: Analysis, ev: Event, previous: bool = True, back: int = 3,
               first: bool = False, speakers: bool = False) -> dict[str, Side]:
    """Each side's candidates for ``ev``: the parties mentioned in its sentence (and the sentence
    before; with ``back`` > 1 the ones before that too, and with ``first`` the article's first
    sentence), the speaker of a quote it is told in (``speakers``), its inferred parties, and the
    rules' own parties."""
    s, e = ev.sentence.start, ev.sentence.end
    starts = _earlier_starts(doc, ev, back if previous else 0)
    prev_start = starts[0] if starts else s
    far_start = starts[-1] if starts else s
    first_end = next(iter(doc.sents)).end_char if first and len(doc) else 0
    trig = (ev.trigger.start + ev.trigger.end) / 2
    found: dict[str, Candidate] = {}
    for a in analysis.actors:
        best = None
        for m in a.mentions:
            if s <= m.start < e:
                d = abs((m.start + m.end) / 2 - trig)
                if best is None or d < best[0]:
                    best = (d, (m.start, m.end), "sentence")
            elif prev_start <= m.start < s and (best is None or best[2] in ("earlier", "first")):
                best = (1e9, (m.start, m.end), "previous")
            elif far_start <= m.start < prev_start and (best is None or best[2] == "first"):
                best = (2e9, (m.start, m.end), "earlier")
            elif m.start < first_end and m.start < far_start and best is None:
                best = (3e9, (m.start, m.end), "first")
        if best is not None:
            found[a.id] = Candidate(a, best[1], best[2])
    by_id = {a.id: a for a in analysis.actors}
    for i in ev.actor + ev.recipient:
        if i not in found and i in by_id:
            # a party the rules took from elsewhere (a convention's, an earlier sentence's)
            found[i] = Candidate(by_id[i], None, "inferred" if by_id[i].inferred else "other")
    if speakers:
        for q in analysis.quotes:
            if q.start <= ev.trigger.start < q.end and q.speaker in by_id and q.speaker not in found:
                found[q.speaker] = Candidate(by_id[q.speaker], None, "speaker")
    cands = list(found.values())
    ids = [c.actor.id for c in cands]
    on = {side: [ids.index(i) for i in getattr(ev, side) if i in ids] for side in SIDES}
    return {side: Side(ev, side, cands, on[side], on[SIDES[1 - SIDES.index(side)]]) for side in SIDES}


def _kind(a: Actor) -> str:
    if a.kind == "country":
        return "country"
    if a.sector == "GOV" or (a.code or "").endswith("GOV"):
        return a.kind + ":gov"
    if a.kind == "person":
        return "person:office" if a.role or a.sector else "person"
    return a.kind + (":" + a.sector if a.sector else "") if a.country else a.kind + ":unknown"


def features(doc: Doc, analysis: Analysis, side: Side) -> list[list[str]]:
    """The features of each candidate of ``side`` (strings; the logistic model's columns)."""
    ev = side.event
    sd = side.side[0]  # a / r: every feature is read per side
    other = SIDES[1] if side.side == SIDES[0] else SIDES[0]
    other_ids = set(getattr(ev, other))
    this_ids = set(getattr(ev, side.side))
    tspan = span_at(doc, ev.trigger)
    trig = tspan.root if tspan is not None else None
    noun = "noun" if trig is not None and trig.pos_ in ("NOUN", "PROPN") else "verb"
    quotes = [q for q in analysis.quotes if q.start <= ev.trigger.start < q.end]
    speaker = {q.speaker for q in quotes if q.speaker}
    rule_countries = {(c.actor.country or "") for k, c in enumerate(side.candidates) if k in side.rules}
    other_countries = {c.actor.country for c in side.candidates if c.actor.id in other_ids and c.actor.country}
    nsent = sum(1 for c in side.candidates if c.where == "sentence")
    out = []
    for c in side.candidates:
        a = c.actor
        f = [f"{sd}:bias", f"{sd}:type:{ev.type}", f"{sd}:trig:{noun}", f"{sd}:where:{c.where}",
             f"{sd}:kind:{_kind(a)}", f"{sd}:n:{min(nsent, 4)}"]
        mine = a.id in this_ids
        theirs = a.id in other_ids
        f.append(f"{sd}:rule:{int(mine)}{int(theirs)}")
        f.append(f"{sd}:rule:{int(mine)}{int(theirs)}:{ev.type}")
        f.append(f"{sd}:ruleside:{'empty' if not this_ids else len(this_ids) if len(this_ids) < 3 else 'many'}")
        if not a.country:
            f.append(f"{sd}:nocountry")
        elif a.country in other_countries and not theirs:
            f.append(f"{sd}:same_country_as_other")
        if a.country and a.country in rule_countries and not mine:
            f.append(f"{sd}:same_country_as_rule")
        if a.id == ev.reported_by:
            f.append(f"{sd}:reporter")
        if a.id in speaker:
            f.append(f"{sd}:speaker")
        if a.inferred:
            f.append(f"{sd}:inferred_actor")
        if a.country and a.country == getattr(doc._, "whodid_article_country", None):
            f.append(f"{sd}:article_country")
        mentions = len(a.mentions)
        f.append(f"{sd}:freq:{min(mentions, 5)}")
        if c.mention is not None and trig is not None and c.where == "sentence":
            span = char_tokens(doc, *c.mention)
            if span is not None:
                h = span.root
                p, shape, n = _path(trig, h)
                f += [f"{sd}:path:{p}", f"{sd}:shape:{shape}", f"{sd}:len:{n}", f"{sd}:dep:{h.dep_}",
                      f"{sd}:dep:{h.dep_}:{noun}", f"{sd}:hdep:{h.dep_}:{h.head.lemma_.lower()}"[:60],
                      f"{sd}:shape:{shape}:{ev.type}"]
                before = h.i < trig.i
                dist = abs(h.i - trig.i)
                f.append(f"{sd}:order:{'before' if before else 'after'}")
                f.append(f"{sd}:dist:{'1' if dist <= 1 else '3' if dist <= 3 else '6' if dist <= 6 else '12' if dist <= 12 else 'far'}:{'b' if before else 'a'}")
                same = _clause(h) == _clause(trig)
                f.append(f"{sd}:clause:{'same' if same else 'other'}")
                gov = trig if trig.pos_ in ("VERB", "AUX") else trig.head
                if h.dep_ in ("nsubj", "nsubjpass") and h.head == gov:
                    f.append(f"{sd}:subject_of_governor")
                if h.dep_ in ("nsubj", "nsubjpass") and _clause(h) == _clause(trig):
                    f.append(f"{sd}:subject_of_clause:{h.dep_}")
                if h.dep_ == "pobj":
                    f.append(f"{sd}:prep:{h.head.lemma_.lower()}")
                    f.append(f"{sd}:prep:{h.head.lemma_.lower()}:{'before' if before else 'after'}")
                if any(q.start <= c.mention[0] < q.end for q in analysis.quotes):
                    f.append(f"{sd}:in_quote")
                if h.dep_ == "conj" or any(t.dep_ == "conj" for t in h.children):
                    f.append(f"{sd}:coordinated")
                if h.dep_ == "poss" or h.dep_ == "compound":
                    f.append(f"{sd}:modifier:{h.dep_}:{'of_trigger' if h.head == trig else 'other'}")
        out.append(f)
    return out


def choose(model: PartyModel, side: Side, margin: float | None = None, fill: float | None = None) -> int | None:
    """The candidate replacing the rules' parties of ``side`` (or filling it when the rules
    left it empty), or None (the rules' stay)."""
    m = model.margin if margin is None else margin
    t = model.fill if fill is None else fill
    if not side.candidates or (m == math.inf and side.rules) or (t == math.inf and not side.rules):
        return None
    scores = [model.score(f) for f in side.feats]
    if not side.rules:
        # a party of the other side (or one coded as it) is not whom it acts on
        theirs = {side.candidates[k].actor.code for k in side.others} - {None}
        free = [k for k in range(len(scores)) if k not in side.others
                and side.candidates[k].actor.code not in theirs]
        best = max(free, key=lambda k: scores[k], default=None)
        return best if best is not None and scores[best] > t else None
    best = max(range(len(scores)), key=lambda k: scores[k])
    if best in side.rules:
        return None
    return best if scores[best] - max(scores[k] for k in side.rules) > m else None


def choose_sides(model: PartyModel, sides: dict[str, Side], margin: float | None = None,
                 fill: float | None = None) -> dict[str, int | None]:
    """Each side's new party (index among its candidates) or None, the actor first: a party
    the actor side is given is then of the other side for the recipient."""
    out: dict[str, int | None] = {}
    for name in SIDES:
        side = sides[name]
        k = out[name] = choose(model, side, margin, fill)
        if k is not None:
            other = sides[SIDES[1 - SIDES.index(name)]]
            other.others = [k]  # the same candidates, in the same order
    return out


def fill_empty(model: PartyModel, doc: Doc, analysis: Analysis, events: list[Event]) -> None:
    """Give each side of ``events`` the model chooses a party for that party (see the module)."""
    for ev in events:
        if ev.actor and ev.recipient and model.margin == math.inf:
            continue  # only empty sides can change: no candidates to read
        sides = candidates(doc, analysis, ev)
        for side in sides.values():
            if side.rules and model.margin == math.inf:
                continue  # (``choose`` keeps the rules' parties without scoring them)
            side.feats = features(doc, analysis, side)
        for name, k in choose_sides(model, sides).items():
            if k is None:
                continue
            c = sides[name].candidates[k]
            setattr(ev, name, [c.actor.id])
            mention = [Mention(start=c.mention[0], end=c.mention[1], text=doc.text[c.mention[0]:c.mention[1]])
                       ] if c.mention else []
            setattr(ev, f"{name}_mentions", mention)
            if name not in ev.inferred:
                ev.inferred.append(name)  # a model's guess, not read from the sentence's grammar

