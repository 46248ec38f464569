"""The REST API under /api: articles, analyses, events, actors, quotes, pairs, network, places, analyse."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field, model_validator

from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.export.csv_safe import safe_cell
from whodid.model import ARTICLE_META, AnalysisDocument, Modality, QuoteKind
from whodid.web import queries
from whodid.web.queries import EventFilter
from whodid.web.routes import EncodedRoute

router = APIRouter(prefix="/api", tags=["api"], route_class=EncodedRoute)

MAX_PAGE = 500
MAX_CSV_ROWS = 50_000
CSV_BATCH = 1000  # rows fetched, and sent, at a time
MAX_OFFSET = 10_000_000
MAX_TEXT = 200_000
MAX_HTML = 2_000_000

Text = Annotated[str | None, Query(max_length=200, description="exact value; see the notes on actor matching")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
ActorQ = Annotated[str | None, Query(
    max_length=200,
    description="an actor id (Q7747), CAMEO-style code (RUSGOV), country (RUS) or name (Vladimir Putin)")]
PlovType = Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_]+$", description="PLOVER type, e.g. AGREE")]


async def cursor(request: Request):
    # (async: made and closed on the event loop, not each in a worker thread; neither waits on anything)
    with request.app.state.db.cursor() as cur:
        yield cur


Cur = Annotated[Any, Depends(cursor)]


class LazyPipeline:
    """The analysis pipeline, loaded on the first POST (a few seconds) and then shared under a lock."""

    def __init__(self, config=None, resources=None) -> None:
        self.config = config
        self.resources = resources
        self._pipeline = None
        self._lock = threading.Lock()

    def analyze(self, record):
        with self._lock:
            if self._pipeline is None:
                from whodid.pipeline import Pipeline

                self._pipeline = Pipeline(self.config, resources=self.resources)
            # a stage failing on this article answers 422 naming it (whodid.ingest.Rejected), never 500
            return next(self._pipeline.analyze_isolated([record]))[1]


async def event_filter(  # (async: it only checks values, no worker thread needed)
    actor: ActorQ = None,
    recipient: ActorQ = None,
    type: PlovType = None,
    modality: Modality | None = None,
    date_from: Annotated[dt.date | None, Query(description="inclusive; the event's own date, else the "
                                                             "article's publication date")] = None,
    date_to: Annotated[dt.date | None, Query(description="inclusive")] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of the place name")] = None,
    article: Annotated[str | None, Query(max_length=200, description="article id or sha1")] = None,
    min_confidence: Annotated[float, Query(ge=0, le=1, description=(
        "only events whose confidence (the calibrated chance that type, actor and recipient are right) is at "
        "least this; 0 lists all"))] = DEFAULT_MIN_CONFIDENCE,
    actor_code: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9]+$", description=(
        "the actor's CAMEO-style code begins with this (USA, USAGOV, IGO)"))] = None,
    recipient_code: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9]+$")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description=(
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"))] = None,
    score_min: Annotated[float | None, Query(ge=-10, le=10, description="Goldstein-style score at least")] = None,
    score_max: Annotated[float | None, Query(ge=-10, le=10, description="score at most")] = None,
    has_party: Annotated[bool, Query(description="only events with an actor or a recipient")] = False,
    either_way: Annotated[bool, Query(description="actor and recipient match either way round")] = False,
    date_basis: Annotated[Literal["event", "published", "none"] | None, Query(description=(
        "event: dated by the text; published: undated in the text, placed by the article's date; "
        "none: no date at all"))] = None,
) -> EventFilter:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    return EventFilter(actor=actor, recipient=recipient, type=type, modality=modality,
                       date_from=date_from.isoformat() if date_from else None,
                       date_to=date_to.isoformat() if date_to else None, place=place, article=article,
                       min_confidence=min_confidence, actor_code=actor_code, recipient_code=recipient_code,
                       quad_class=quad_class, score_min=score_min, score_max=score_max, has_party=has_party,
                       either_way=either_way, date_basis=date_basis)


Filter = Annotated[EventFilter, Depends(event_filter)]
EventSort = Literal["date", "type", "score", "modality", "article", "confidence", "reports", "quad_class"]
Order = Literal["asc", "desc"]


@router.get("/health", summary="Liveness and database size")
def health(request: Request, cur: Cur) -> dict[str, Any]:
    return {"status": "ok", "read_only": request.app.state.db.read_only, **queries.health(cur)}


@router.get("/articles", summary="List and search articles")
def list_articles(
    cur: Cur,
    q: Annotated[str | None, Query(max_length=200, description="words in the title or text, or an article id")] = None,
    sort: Literal["published", "title", "id", "ingested"] = "published",
    order: Order = "desc",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return queries.articles(cur, q, sort, order == "desc", limit, offset)


@router.get("/articles/{key}", summary="One article's Analysis (by id or sha1)",
            response_model=None,
            responses={200: {"model": AnalysisDocument, "description": "The Analysis (docs/output.md)"}})
def get_article(key: Annotated[str, PathParam(max_length=200)], cur: Cur) -> dict[str, Any]:
    sha1 = queries.find_article(cur, key)
    found = queries.analysis(cur, sha1) if sha1 else None
    if found is None:
        raise HTTPException(404, f"no article with id or sha1 {key!r}")
    return found


@router.get("/events", summary="Events, filtered and paged")
def list_events(cur: Cur, flt: Filter, sort: EventSort = "date", order: Order = "asc",
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return queries.events(cur, flt, sort, order == "desc", limit, offset)


CSV_COLUMNS = ["article_id", "published", "idx", "type", "mode", "cameo", "actor", "recipient", "inferred", "modality",
               "reported_by", "date", "date_precision", "place", "trigger", "score", "quad_class", "confidence",
               "sentence"]


@router.get("/events.csv", summary="The same events as CSV (at most 50,000 rows)")
def events_csv(request: Request, flt: Filter, sort: EventSort = "date", order: Order = "asc") -> StreamingResponse:
    # the response owns two cursors: one streams the rows, one reads each batch's sentences and names
    db = request.app.state.db
    cursors = ExitStack()
    try:
        cur, lookup = cursors.enter_context(db.cursor()), cursors.enter_context(db.cursor())
        rows = queries.events_stream(cur, lookup, flt, sort, order == "desc", MAX_CSV_ROWS, CSV_BATCH)
    except BaseException:
        cursors.close()
        raise
    return StreamingResponse(_csv_pieces(rows, cursors), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="whodid-events.csv"'})


def _csv_pieces(rows: Iterator[dict[str, Any]], cursors: ExitStack) -> Iterator[str]:
    """The CSV a batch of rows at a time, so the download never sits whole in memory."""
    with cursors:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for n, row in enumerate(rows, 1):
            flat = dict(row)
            flat["actor"] = ";".join(a["code"] or a["name"] or "" for a in row["actor"])
            flat["recipient"] = ";".join(a["code"] or a["name"] or "" for a in row["recipient"])
            flat["reported_by"] = row["reported_by"]["name"] if row["reported_by"] else ""
            flat["inferred"] = ";".join(row["inferred"] or [])  # roles a coding convention filled
            writer.writerow(["" if flat[c] is None else safe_cell(flat[c]) for c in CSV_COLUMNS])
            if n % CSV_BATCH == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()


@router.get("/facets", summary="The event types and modalities present, for filter menus")
def facets(cur: Cur) -> dict[str, list[str]]:
    return queries.event_types(cur)


@router.get("/actors", summary="Actors with their roles and counts")
def list_actors(cur: Cur, q: Annotated[str | None, Query(max_length=200, description="part of a name, or a "
                                                                                         "code, country or id")] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return queries.actors(cur, q, limit, offset)


@router.get("/actors/{actor_id}", summary="One actor: roles and counts")
def get_actor(actor_id: Annotated[str, PathParam(max_length=200)], cur: Cur) -> dict[str, Any]:
    found = queries.actor(cur, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return found


@router.get("/quotes", summary="Quotes, by speaker")
def list_quotes(cur: Cur, speaker: ActorQ = None,
                kind: QuoteKind | None = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return queries.quotes(cur, speaker, kind, limit, offset)


@router.get("/pair", summary="Two actors' events over time, either way round")
def pair(
    cur: Cur,
    a: Annotated[str, Query(min_length=1, max_length=200, description="first actor (id, code, country or name)")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="second actor")],
    bucket: Literal["auto", "day", "week", "month", "year"] = "month",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    min_confidence: Annotated[float, Query(ge=0, le=1, description="events at or above this confidence")] = 0,
) -> dict[str, Any]:
    return queries.pair(cur, a, b, bucket, date_from.isoformat() if date_from else None,
                        date_to.isoformat() if date_to else None, min_confidence)


@router.get("/network", summary="Who acts on whom: edges with event counts and mean score")
def network(cur: Cur, min_events: Annotated[int, Query(ge=1, le=1000)] = 1,
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 150,
            top: Annotated[int | None, Query(ge=1, le=500, description="only edges among the actors with "
                                                                        "the most events")] = None,
            min_confidence: Annotated[float, Query(ge=0, le=1, description="events at or above this "
                                                                             "confidence")] = 0) -> dict[str, Any]:
    return queries.network(cur, min_events, limit, top, min_confidence)


@router.get("/places", summary="Places with coordinates and how many events name them")
def places(cur: Cur, limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> dict[str, Any]:
    return queries.places(cur, limit)


class ArticleIn(BaseModel):
    """An article to analyse: ``text`` or ``html`` (one of them), and optional metadata."""

    text: str | None = Field(None, max_length=MAX_TEXT)
    html: str | None = Field(None, max_length=MAX_HTML)
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    byline: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=500)
    published: str | None = Field(None, max_length=50, description="ISO 8601 or RFC 2822")

    @model_validator(mode="after")
    def one_body(self) -> ArticleIn:
        has_text, has_html = bool(self.text and self.text.strip()), bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self


class Analyzed(BaseModel):
    """What POST /api/analyze returns (the OpenAPI schema of its response)."""

    stored: bool
    analysis: AnalysisDocument


@router.post("/analyze", summary="Analyse an article (text or HTML); store=true also stores it",
             response_model=None,
             responses={200: {"model": Analyzed, "description": "The Analysis, and whether it was stored"}})
def analyze(request: Request, article: ArticleIn,
            store: Annotated[bool, Query(description="store the Analysis in the database")] = False
            ) -> dict[str, Any]:
    from whodid import ingest
    from whodid.ingest import Rejected
    from whodid.ingest import html as html_extract

    db = request.app.state.db
    if store and db.read_only:
        raise HTTPException(409, f"{db.path} is served read-only (--read-only): nothing can be stored; "
                                 "POST without store=true to analyse only")
    meta = {k: getattr(article, k) for k in ARTICLE_META}
    text = article.text
    if article.html is not None and not text:
        page = html_extract.extract(article.html, url=article.url)
        if page is None:
            raise HTTPException(422, "html: the page has no extractable article text")
        text = page.text
        for key in (k for k in ARTICLE_META if k != "id"):  # (a page has no id)
            meta[key] = meta[key] or getattr(page, key)
    record = ingest.check_language(ingest.article_from_text(text, "<api>", **meta))
    if isinstance(record, Rejected):
        raise HTTPException(422, record.reason)
    bad_date = next((c.message for c in record.notes if c.kind == "bad_published_date"), None)
    if bad_date and article.published is not None:
        raise HTTPException(422, "published: " + bad_date.removeprefix("<api>: "))
    analysis = request.app.state.pipeline.analyze(record)
    if isinstance(analysis, Rejected):
        raise HTTPException(422, f"the article could not be analysed: {analysis.reason}")
    stored = db.store(analysis, f"api:{analysis.article.id}") if store else False
    return {"stored": stored, "analysis": analysis.to_dict()}
