"""The data model every stage speaks: an Article in, an Analysis out.

Each pipeline stage reads the Analysis built so far and adds its part (actors,
quotes, events, ...). Everything here is a plain dataclass so an Analysis is
cheap to build, and it round-trips through JSON with ``to_dict``/``from_dict``.

All ``start``/``end`` fields are character offsets into ``Article.text``: the
article text as given, after HTML extraction. ``text[start:end]`` is the
evidence for the item that carries them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1  # version of the JSON shape below; bump on breaking change

ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect", "partial", "term"]  # term: scare quotes no one is said to have said
Modality = Literal["asserted", "negated", "hypothetical", "conditional", "future", "historical"]
Precision = Literal["day", "month", "year", "none"]
Severity = Literal["info", "warning", "error"]


def text_sha1(text: str) -> str:
    """Content hash that identifies an article across runs and sources."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Offsets:
    start: int
    end: int


@dataclass
class Mention:
    start: int
    end: int
    text: str
    # for actor mentions: how it was resolved (name, surname, nominal, pronoun, fuzzy, ...) and how sure
    how: str | None = None
    confidence: float | None = None


@dataclass
class Article:
    """One news article as ingested. ``text`` is what every offset points into."""

    text: str
    id: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_inferred: bool = False  # True when ``published`` was inferred from the text
    language: str | None = None
    language_confidence: float | None = None  # the identifier's probability for ``language``
    text_sha1: str = ""

    def __post_init__(self) -> None:
        if not self.text_sha1:
            self.text_sha1 = text_sha1(self.text)
        if not self.id:
            self.id = self.text_sha1[:12]


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, OPP, CVL, REB, IGO, MED, BUS, ...
    code: str | None = None  # CAMEO-style, e.g. RUSGOV
    role: str | None = None
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    # attributes ("country", "sector") guessed from the article's context, not read from the
    # text or the knowledge base: "Mr Balls" in a story about Britain is taken to be British
    inferred: list[str] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # actor id
    speaker_text: str | None = None
    cue: str | None = None
    nested_in: int | None = None  # index into Analysis.quotes
    speaker_mention: Mention | None = None  # where the speaker is named (for a carried-over speaker: earlier)
    carried_over: bool = False  # no cue of its own: the speaker continues from a paragraph before


@dataclass
class Event:
    type: str  # PLOVER type, e.g. AGREE
    sentence: Offsets
    trigger: Mention
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    actor: list[str] = field(default_factory=list)  # actor ids
    recipient: list[str] = field(default_factory=list)
    modality: Modality = "asserted"
    reported_by: str | None = None  # actor id
    date: str | None = None
    date_precision: Precision = "none"
    place: str | None = None
    confidence: float = 0.0
    # the words the date and the place were read from (None with no date or place)
    date_mention: Mention | None = None
    place_mention: Mention | None = None
    score: float | None = None  # cooperation (+10) .. conflict (-10)
    quad_class: int | None = None  # 1..4
    actor_mentions: list[Mention] = field(default_factory=list)  # the words each actor was read from
    recipient_mentions: list[Mention] = field(default_factory=list)
    # roles ("actor", "recipient") filled by a coding convention, not read from the text
    inferred: list[str] = field(default_factory=list)
    # later reports of this same event in the article (same type, parties and modality),
    # by their trigger words; one real-world event is one Event (news-events guidelines)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class DateExpr:
    text: str
    start: int
    end: int
    value: str | None = None  # ISO date, YYYY-MM or YYYY, per precision; None when not a point in time
    precision: Precision = "none"
    # date, partial, month_year, month, year, decade, weekday, deictic, offset, duration, time, other, vague
    kind: str | None = None


@dataclass
class Check:
    kind: str
    message: str
    severity: Severity = "warning"
    start: int | None = None
    end: int | None = None
    spans: list[Offsets] = field(default_factory=list)  # every span the check relies on (beyond start/end)


@dataclass
class Meta:
    """How the analysis was made, so a reader knows which fields were computed."""

    whodid_version: str = ""
    model: str = ""
    stages: list[str] = field(default_factory=list)
    sentences: int = 0
    tokens: int = 0
    chunks: int = 1  # >1 when a very long article was parsed in pieces


@dataclass
class Analysis:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **dataclasses.asdict(self)}

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"analysis has schema_version {version}; this whodid reads version {SCHEMA_VERSION}"
            )
        return _build(cls, {k: v for k, v in data.items() if k != "schema_version"})

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        return cls.from_dict(json.loads(text))


def _build(tp: Any, value: Any) -> Any:
    """Rebuild nested dataclasses from plain JSON values, guided by type hints."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        hints = _field_types(tp)
        unknown = value.keys() - hints
        if unknown:
            raise ValueError(f"{tp.__name__}: unknown field(s) {sorted(unknown)}")
        return tp(**{k: _build(hints[k], v) for k, v in value.items()})
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        return [_build(item_tp, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], value) if len(inner) == 1 else value
    return value


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    """A dataclass's field types, resolved once per class: ``get_type_hints`` evaluates every
    annotation string anew on each call and cost ~24 ms an article (7x what it costs now) when run for every object."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}
