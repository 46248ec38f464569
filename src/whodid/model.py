"""The data model every stage speaks: an Article in, an Analysis out.

Each pipeline stage reads the Analysis built so far and adds its part (actors,
quotes, events, ...). Everything here is a plain dataclass so an Analysis is
cheap to build, and it round-trips through JSON with ``to_dict``/``from_dict``.
Reading JSON validates it with pydantic against these same classes (their type
hints, ``Literal`` choices and the bounds in ``Annotated``): a value outside them
(``modality="maybe"``) is refused with a message naming the field.
``analysis_json_schema()`` is the JSON Schema of the format (``docs/analysis.schema.json``).

All ``start``/``end`` fields are character offsets into ``Article.text``: the
article text as given, after HTML extraction. ``text[start:end]`` is the
evidence for the item that carries them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

import pydantic
from pydantic import ConfigDict, Field

SCHEMA_VERSION = 1  # version of the JSON shape below; bump on breaking change

ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect", "partial", "term"]  # term: scare quotes no one is said to have said
# the kinds of quote that are someone's words (all but scare quotes, "term")
SAID_KINDS = frozenset({"direct", "indirect", "partial"})
Modality = Literal["asserted", "negated", "hypothetical", "conditional", "future", "historical"]
Precision = Literal["day", "month", "year", "none"]
Severity = Literal["info", "warning", "error"]
Offset = Annotated[int, Field(ge=0)]
Probability = Annotated[float, Field(ge=0, le=1)]
Score = Annotated[float, Field(ge=-10, le=10)]  # cooperation (+10) .. conflict (-10)
QuadClass = Annotated[int, Field(ge=1, le=4)]
# unknown fields in JSON are an error, not silently dropped (a misspelt field would lose data)
_STRICT: ConfigDict = ConfigDict(extra="forbid")


def text_sha1(text: str) -> str:
    """Content hash that identifies an article across runs and sources."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Offsets:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    start: Offset
    end: Offset


@dataclass
class Mention:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    start: Offset
    end: Offset
    text: str
    # for actor mentions: how it was resolved (name, surname, nominal, pronoun, fuzzy, ...) and how sure
    how: str | None = None
    confidence: Probability | None = None


# what an input may tell of an article beside its text (a JSONL line's fields, ``whodid.analyze``'s
# and the API's keywords): the ``Article`` fields of the same names
ARTICLE_META = ("id", "title", "byline", "url", "source", "published")


@dataclass
class Article:
    """One news article as ingested. ``text`` is what every offset points into."""

    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
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
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
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
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    text: str
    start: Offset
    end: Offset
    kind: QuoteKind
    speaker: str | None = None  # actor id
    speaker_text: str | None = None
    cue: str | None = None
    nested_in: int | None = None  # index into Analysis.quotes
    speaker_mention: Mention | None = None  # where the speaker is named (for a carried-over speaker: earlier)
    carried_over: bool = False  # no cue of its own: the speaker continues from a paragraph before


@dataclass
class Event:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
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
    confidence: Probability = 0.0
    # the words the date and the place were read from (None with no date or place)
    date_mention: Mention | None = None
    place_mention: Mention | None = None
    score: Score | None = None  # cooperation (+10) .. conflict (-10)
    quad_class: QuadClass | None = None  # 1..4
    actor_mentions: list[Mention] = field(default_factory=list)  # the words each actor was read from
    recipient_mentions: list[Mention] = field(default_factory=list)
    # roles ("actor", "recipient") filled by a coding convention, not read from the text
    inferred: list[str] = field(default_factory=list)
    # later reports of this same event in the article (same type, parties and modality),
    # by their trigger words; one real-world event is one Event (news-events guidelines)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    name: str
    geonames_id: int | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class DateExpr:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    text: str
    start: int
    end: int
    value: str | None = None  # ISO date, YYYY-MM or YYYY, per precision; None when not a point in time
    precision: Precision = "none"
    # date, partial, month_year, month, year, decade, weekday, deictic, offset, duration, time, other, vague
    kind: str | None = None


@dataclass
class Check:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    kind: str
    message: str
    severity: Severity = "warning"
    start: int | None = None
    end: int | None = None
    spans: list[Offsets] = field(default_factory=list)  # every span the check relies on (beyond start/end)


@dataclass
class Meta:
    """How the analysis was made, so a reader knows which fields were computed."""

    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    whodid_version: str = ""
    model: str = ""
    stages: list[str] = field(default_factory=list)
    sentences: int = 0
    tokens: int = 0
    chunks: int = 1  # >1 when a very long article was parsed in pieces


@dataclass
class Analysis:
    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
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
        """An Analysis from its JSON shape; ``ValueError`` (a pydantic ``ValidationError``) naming each
        field that is missing, unknown or of the wrong type or value."""
        _check_version(data)
        try:
            return _analysis(_adapter().validate_python(data))
        except pydantic.ValidationError as exc:
            raise ValueError(f"invalid analysis: {_problems(exc)}") from exc

    @classmethod
    def from_json(cls, text: str | bytes) -> Analysis:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"analysis: not JSON ({exc})") from exc
        if not isinstance(data, dict):
            raise ValueError(f"analysis: a JSON object expected, got {type(data).__name__}")
        return cls.from_dict(data)


@dataclass
class AnalysisDocument(Analysis):
    """An Analysis as JSON: its fields and the version of the shape (``to_dict``'s output)."""

    __pydantic_config__: ClassVar[ConfigDict] = _STRICT
    schema_version: Literal[1] = SCHEMA_VERSION


def _check_version(data: dict[str, Any]) -> None:
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ValueError(f"analysis has schema_version {version}; this whodid reads version {SCHEMA_VERSION}")


def _problems(exc: pydantic.ValidationError, most: int = 5) -> str:
    """Each problem as ``where: what (got value)``, the first ``most`` of them."""
    found = []
    for error in exc.errors()[:most]:
        where = ".".join(str(part) for part in error["loc"])
        got = "" if error["type"] == "missing" else f" (got {repr(error['input'])[:60]})"
        found.append(f"{where}: {error['msg']}{got}")
    more = exc.error_count() - most
    return "; ".join(found) + (f"; and {more} more" if more > 0 else "")


def _analysis(document: AnalysisDocument) -> Analysis:
    return Analysis(**{f.name: getattr(document, f.name) for f in dataclasses.fields(Analysis)})


@functools.cache
def _adapter() -> pydantic.TypeAdapter:
    """Built once per process: pydantic compiles a validator for the whole shape."""
    return pydantic.TypeAdapter(AnalysisDocument)


def analysis_json_schema() -> dict[str, Any]:
    """The JSON Schema of an Analysis as JSON (``whodid analyze`` output, ``analyses.analysis``)."""
    schema = _adapter().json_schema()
    schema["title"] = "whodid Analysis"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
