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
Across sentences, a telling by the same side (the same CAMEO codes: "Charles
Kennedy", then "the Lib Dems") to the same recipients is the same event too, and so is
one by an overlapping side (a shared actor or code) to a shared recipient, for acts other
than accusations, demands, refusals and threats (a side repeats those, each a new event).
The clearest telling is kept (the most confident; the earliest among equals) and
lists the others' triggers in ``Event.mentions``.
"""

from __future__ import annotations

from whodid.model import Event

# acts one party does once ("resigned", "stepped down", "pulled out"): its later tellings
# by the same party are the same act even with no recipient named
ONCE_ONLY = {"RETREAT"}
# what a side says again and again, each time a new event ("accused him of lying ... accused him
# of hypocrisy"): retold only as the same side to the same recipients (below)
SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}


def _same(first: Event, later: Event, codes: dict[str, str]) -> bool:
    """``later`` tells ``first`` again: same type and modality; the same mode unless in
    the same sentence (a missile attack is not the invasion it is part of; "shot dead
    ... killed by a bullet" is one act); only parties ``first`` has (a later telling
    often leaves one out: "Marak was arrested in Hapur"); across sentences, it must
    name the recipient."""
    if first.type != later.type:
        return False
    same_sentence = first.sentence.start == later.sentence.start
    if not same_sentence and same_side_retelling(first, later, codes):
        return True
    if first.modality != later.modality:
        return False
    if first.mode != later.mode and not same_sentence:
        return False
    if same_sentence and later.actor and set(later.actor) == set(first.actor) and first.mode == later.mode and (
            set(later.recipient) & set(first.recipient) or not later.recipient or not first.recipient):
        # "attacked the government's failure ... and criticised its record on the NHS": one
        # party's two words for one act against the same (or an untold) party
        return True
    if not same_sentence and later.recipient and set(later.recipient) == set(first.recipient) \
            and _coded(later.actor, codes) and _coded(later.actor, codes) == _coded(first.actor, codes):
        # "The Lib Dems accuse Mr Blair ..." after "Charles Kennedy accused Mr Blair ...": the
        # same side (country and sector) doing the same to the same party is one act retold
        return True
    if not same_sentence and later.type not in SPEECH_ACTS and set(later.recipient) & set(first.recipient) \
            and first.mode == later.mode and _overlap(first.actor, later.actor, codes):
        # "the Uttar Pradesh Police arrested Bernard N Marak" after "Marak ... was arrested in Uttar
        # Pradesh" (police implied): the same act to the same party by the same side, told again
        return True
    if not set(later.actor) <= set(first.actor) or not set(later.recipient) <= set(first.recipient):
        return False
    if same_sentence:
        return (set(later.actor) == set(first.actor) and set(later.recipient) == set(first.recipient)) \
            or bool(later.actor or later.recipient)
    # a resignation, a withdrawal: one party does it once, so its own retelling needs no recipient
    return bool(later.recipient) or (later.type in ONCE_ONLY and bool(later.actor) and set(later.actor) == set(first.actor))


# acts a side retells in other words and tenses through an article: its criticism of a party
# (an offer to meet, once announced and once asserted, may be two: "are to meet" / "was willing to meet")
RETOLD = {"ACCUSE"}


def same_side_retelling(first: Event, later: Event, codes: dict[str, str]) -> bool:
    """Across sentences, the same side (the same CAMEO codes: "Charles Kennedy", then "the Lib
    Dems") doing the same type of act to the same recipients: one act retold, though the
    telling changes its word ("will attack Mr Blair" / "accuse Mr Blair of ...") or its tense
    (announced, then done); a denied act is another matter."""
    if later.type not in RETOLD or "negated" in (first.modality, later.modality) or not later.recipient:
        return False
    return set(later.recipient) == set(first.recipient) and _coded(later.actor, codes) is not None \
        and _coded(later.actor, codes) == _coded(first.actor, codes)


def _overlap(first: list[str], later: list[str], codes: dict[str, str]) -> bool:
    """The two sides share an actor, or an actor's CAMEO code."""
    if set(first) & set(later):
        return True
    return bool({codes[i] for i in first if codes.get(i)} & {codes[i] for i in later if codes.get(i)})


def _coded(ids: list[str], codes: dict[str, str]) -> frozenset[str] | None:
    """The actors' CAMEO codes, or None when one of them has none (no side to compare)."""
    out = [codes.get(i) for i in ids]
    return frozenset(out) if out and all(out) else None  # type: ignore[arg-type]


def merge(events: list[Event], codes: dict[str, str] | None = None) -> list[Event]:
    """``events`` (in text order) with re-mentions folded into one event per real-world
    event. The telling kept is the clearest (the most confident: a verb with its parties
    named over a noun; the earliest among equals), the guidelines' "sentence"; the
    others' triggers are listed, in text order, in its ``mentions``."""
    groups: list[list[Event]] = []
    for e in events:
        group = next((g for g in groups if _same(g[0], e, codes or {})), None)
        if group is None:
            groups.append([e])
        else:
            group.append(e)
    out: list[Event] = []
    for group in groups:
        best = max(group, key=lambda e: (e.confidence, -e.trigger.start))
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
