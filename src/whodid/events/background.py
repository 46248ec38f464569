"""Events an article tells as the background of its news, not as news (news-events
guidelines: one real-world event is coded once per article, from where it is told;
a background reference points at an event told elsewhere, or at an old one):

- a noun in "in the aftermath of the invasion", "in response to the attacks", "in
  retaliation for the strikes", "in the wake of the protests": the phrase places the
  sentence's own act after an earlier one; so does "within hours of his final talks with Mr
  Thorpe", "within days of the invasion" (a span of time counted from the earlier event);
- a subordinate clause "after Russia invaded Ukraine", "since the army seized power"
  under a clause that tells a coded act: the act of the main clause is the news, the
  clause is its time reference;
- a gerund after "since" ("Since leaving Downing Street, he has toured the country", "since
  becoming prime minister"): the start of the period the sentence tells about, an old act told
  as the time reference (1 emitted on the development gold, false; "after banning the
  protests, the government sent out police" is news told in order and stays).

(Nouns after "after", "following", "amid" are dropped by the coder itself.)
"""

from __future__ import annotations

from spacy.tokens import Token

# nouns that, in "in/as X of/to/for ...", place an act after an earlier event: the earlier event is
# background ("in the aftermath of", "in response to", "in retaliation for", "in the wake of")
SEQUEL_NOUNS = {"aftermath", "wake", "response", "reaction", "retaliation", "reprisal", "answer", "run-up", "lead-up"}
# nouns of a span of time that, in "within hours of ...", count from an earlier event
SPAN_NOUNS = {"minute", "hour", "day", "week", "month", "year", "moment"}
# the prepositions that tie a sequel noun to the earlier event
SEQUEL_LINKS = {"of", "to", "for"}
# subordinators of a time clause that tells what came before the main act
BEFORE_MARKS = {"after", "since", "once"}
# prepositions whose gerund is the start of a period ("since leaving Downing Street")
SINCE_PREPS = {"since"}


def sequel_reference(t: Token) -> bool:
    """``t`` is the event of "in the aftermath of / in response to / in retaliation for / within
    hours of"."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "in response to the arrests and killings"
    if t.dep_ not in ("pobj", "pcomp"):
        return False
    link = t.head
    if link.lower_ not in SEQUEL_LINKS or link.dep_ != "prep":
        return False
    noun = link.head
    if noun.lemma_.lower() in SPAN_NOUNS and link.lower_ == "of":
        return noun.dep_ == "pobj" and noun.head.lower_ == "within"  # "within hours of his talks"
    return noun.lemma_.lower() in SEQUEL_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "as")


def time_clause(t: Token, events: set[int]) -> bool:
    """``t`` heads "after X did Y" under a main clause whose verb is a coded act (``events``:
    the indexes of the trigger words)."""
    if t.dep_ != "advcl" or t.head.i == t.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in BEFORE_MARKS for c in t.children):
        return False
    return t.head.i in events


def period_start(t: Token) -> bool:
    """``t`` is the gerund of "since" ("Since leaving Downing Street, he has ...")."""
    return t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ in SINCE_PREPS


def reason(t: Token, events: set[int]) -> str:
    """Why the trigger ``t`` is background (empty: it is not)."""
    if sequel_reference(t):
        return "a background reference (in response to / in the aftermath of)"
    if time_clause(t, events):
        return "a background clause (after ... under a coded act)"
    if period_start(t):
        return "the start of a period told about (since leaving office)"
    return ""
