"""What mention -> actor resolution records: the actors it found, each mention's match, and the
whole article's resolution. Kept apart from ``resolve.py`` so that its passes split into other
modules (offices, parties, ...) can build actors without importing the resolver back."""

from __future__ import annotations

from dataclasses import dataclass, field

from whodid.model import Check


@dataclass
class ActorInfo:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    wikidata: str | None = None
    gender: str | None = None
    office: str | None = None  # role key held at the date, for "counterpart"
    inferred: list[str] = field(default_factory=list)  # attributes guessed from context ("country")


@dataclass
class MentionMatch:
    actor: str  # actor id
    start: int  # token indices
    end: int
    how: str  # name | surname | nominal | pronoun | fuzzy | title
    confidence: float


@dataclass
class Resolution:
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    article_country: str | None = None  # the country the article is about, if the text tells
    found: list[MentionMatch] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
