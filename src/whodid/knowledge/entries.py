"""What an event-lexicon entry is, for both of the lexicon's sources: the hand-written YAML
(``knowledge.lexicon``) and PETRARCH2's verb dictionary (``knowledge.petrarch_verbs``), which
build the same ``Entry`` and read the same closed lists (PLOVER's types, the kinds of governing
verb, phrase particles)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# "agreement": like intent, but the complement is AGREE whatever its own type ("agreed to resign")
GOVERNS = ("request", "refuse", "intent", "agreement", "threaten")

# a condition: role -> word classes (all roles must match); a constraint: one or more conditions (any)
Condition = dict[str, tuple[str, ...]]

# words that, in a phrase, are particles ("GIVE in", "STEP down"): a preposition with an
# object of its own is another reading ("given more time in Iraq")
PARTICLES = frozenset({"in", "out", "up", "down", "off", "over", "back", "away"})


@dataclass
class Entry:
    index: int
    type: str
    cameo: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    ambiguous: bool = False
    requires: str | None = None  # recipient | object | complement | counterpart | dyad | rebuttal | accord
    of: str | None = None  # role of an "of" phrase on an event noun
    compound: str = "actor"  # role of a compound/adjective modifier on an event noun
    poss: str = "actor"  # role of a possessive on an event noun
    governs: str | None = None  # request | refuse | intent | agreement | threaten
    speaker_is_actor: bool = False
    fallback: bool = False  # any other match on the same word wins
    object: str = "recipient"  # or "theme": the direct object is never a recipient
    recode: dict[str, dict[str, Any]] = field(default_factory=dict)  # intent/request/refuse/threat overrides
    # sense constraints: the entry applies only when one of ``when`` holds and none of ``unless``;
    # ``void_when``: the words are a statement without substance, no event at all
    when: list[Condition] = field(default_factory=list)
    unless: list[Condition] = field(default_factory=list)
    void_when: list[Condition] = field(default_factory=list)
    where: str = ""  # file:line of the entry, for messages
