"""The web pages: server-rendered Jinja2 templates (autoescaped); the interactive
parts (tables, charts, network, map) are drawn by the app's own scripts in /static
from the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.web import browse_api, markup, queries, search, tables
from whodid.web.api import EventSort, Filter, Order, cursor

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.autoescape = True  # also for templates whose names do not end in .html

Cur = Annotated[Any, Depends(cursor)]
PAGE = 50  # rows per table page


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context["read_only"] = request.app.state.db.read_only
    context["path"] = request.url.path
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, cur: Cur) -> HTMLResponse:
    return browse_page(request, cur, "articles", home=True)


def browse_page(request: Request, cur: Any, name: str, home: bool = False) -> HTMLResponse:
    """A table page: the same view /api/tables/{name} gives, as HTML with its filters and facets."""
    table = tables.TABLES[name]
    args = request.query_params
    try:
        offset = int(args.get("offset") or 0)
    except ValueError:
        raise HTTPException(422, f"offset: {args.get('offset')!r} is not a whole number") from None
    if not 0 <= offset <= 10_000_000:
        raise HTTPException(422, "offset: between 0 and 10,000,000")
    view = browse_api.table_view(table, request, PAGE, offset)
    page = tables.browse(cur, table, view)
    query = {k: v for k, v in args.items() if v.strip() and k != "offset"}
    return render(request, "table.html", table=table, page=page, view=view, query=query, home=home,
                  counts=queries.health(cur) if home else None, link=_link)


def _link(base: dict[str, str], **changes: Any) -> str:
    """The current page's query string with ``changes`` (None removes a key)."""
    merged = dict(base)
    for key, value in changes.items():
        if value is None or value == "":
            merged.pop(key, None)
        else:
            merged[key] = str(value)
    return "?" + urlencode(merged) if merged else "?"


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, cur: Cur) -> HTMLResponse:
    return browse_page(request, cur, "articles")


@router.get("/quotes", response_class=HTMLResponse)
def quote_list(request: Request, cur: Cur) -> HTMLResponse:
    return browse_page(request, cur, "quotes")


@router.get("/places", response_class=HTMLResponse)
def place_list(request: Request, cur: Cur) -> HTMLResponse:
    return browse_page(request, cur, "places")


@router.get("/checks", response_class=HTMLResponse)
def check_list(request: Request, cur: Cur) -> HTMLResponse:
    return browse_page(request, cur, "checks")


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, cur: Cur) -> HTMLResponse:
    """Actors: the table, and a search by any name, surname, alias or code (the one the events use)."""
    q = request.query_params.get("q", "").strip()
    if len(q) > 200:
        raise HTTPException(422, "q: at most 200 characters")
    if not q:
        return browse_page(request, cur, "actors")
    ids = search.resolve_actor(cur, q)
    found = [queries.actor(cur, i) for i in ids[:200]]
    found.sort(key=lambda x: (-x["articles"], x["name"] or ""))
    return render(request, "actor_search.html", q=q, found=found, total=len(ids))


@router.get("/articles/{key}", response_class=HTMLResponse)
def reader(request: Request, key: Annotated[str, PathParam(max_length=200)], cur: Cur) -> HTMLResponse:
    sha1 = queries.find_article(cur, key)
    analysis = queries.analysis(cur, sha1) if sha1 else None
    if analysis is None:
        raise HTTPException(404, f"no article with id or sha1 {key!r}")
    actors = {a["id"]: a for a in analysis["actors"]}
    return render(request, "reader.html", a=analysis, article=analysis["article"], sha1=sha1,
                  segments=markup.segments(analysis), actors=actors,
                  colours=markup.speaker_colours(analysis))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, cur: Cur, flt: Filter, sort: EventSort = "date", order: Order = "desc",
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                all_rows: Annotated[bool, Query(description="also events with neither actor nor recipient")]
                = False) -> HTMLResponse:
    """Events, the most recent first; events with no actor and no recipient only on request."""
    flt.has_party = not all_rows
    page = queries.events(cur, flt, sort, order == "desc", PAGE, offset)
    query = {k: v for k, v in request.query_params.items() if v.strip() and k != "offset"}
    if "min_confidence" not in query:
        query["min_confidence"] = str(DEFAULT_MIN_CONFIDENCE)
    api_query = {k: v for k, v in query.items() if k != "all_rows"}
    if not all_rows:
        api_query["has_party"] = "true"
    api_query.setdefault("sort", sort)
    api_query.setdefault("order", order)
    return render(request, "events.html", page=page, flt=flt, sort=sort, order=order, query=query,
                  all_rows=all_rows, facets=queries.event_types(cur), counts=queries.event_facets(cur, flt),
                  api_query=urlencode(api_query), link=_link, quads=QUAD_CLASSES,
                  default_confidence=DEFAULT_MIN_CONFIDENCE)


QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@router.get("/pair", response_class=HTMLResponse)
def pair_page(request: Request) -> HTMLResponse:
    return render(request, "pair.html", min_confidence=DEFAULT_MIN_CONFIDENCE)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    return render(request, "network.html", min_confidence=DEFAULT_MIN_CONFIDENCE)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    return render(request, "map.html")


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html")


MAX_UPLOAD = 2_000_000  # bytes: the API's limit for HTML


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request, text: Annotated[str, Form(max_length=200_000)] = "",
                       file: UploadFile | None = None,
                       title: Annotated[str, Form(max_length=1000)] = "",
                       url: Annotated[str, Form(max_length=2000)] = "",
                       published: Annotated[str, Form(max_length=50)] = "",
                       store: Annotated[bool, Form()] = False) -> HTMLResponse:
    """A pasted or uploaded article, analysed and shown in the reader (and stored if asked and allowed)."""
    from whodid.web.api import ArticleIn, analyze

    body, html = text, None
    if file is not None and file.filename:
        raw = await file.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            raise HTTPException(413, f"{file.filename}: larger than {MAX_UPLOAD:,} bytes")
        content = raw.decode("utf-8", errors="replace")
        if file.filename.lower().endswith((".html", ".htm")) or content.lstrip().startswith("<"):
            body, html = "", content
        else:
            body = content
    if not body.strip() and not (html and html.strip()):
        raise HTTPException(422, "paste an article's text or choose a .txt or .html file")
    meta = {k: v.strip() or None for k, v in (("title", title), ("url", url), ("published", published))}
    try:
        article = ArticleIn(text=body if not html else None, html=html, **meta)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    out = await run_in_threadpool(analyze, request, article, store)
    analysis = out["analysis"]
    sha1 = analysis["article"]["text_sha1"]
    return render(request, "reader.html", a=analysis, article=analysis["article"], sha1=sha1,
                  segments=markup.segments(analysis), actors={x["id"]: x for x in analysis["actors"]},
                  colours=markup.speaker_colours(analysis), fresh={"stored": out["stored"], "asked": store})


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: Annotated[str, PathParam(max_length=200)], cur: Cur) -> HTMLResponse:
    info = queries.actor(cur, actor_id)
    if info is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    quotes = queries.quotes(cur, actor_id, None, 100, 0)
    as_actor = queries.events(cur, queries.EventFilter(actor=actor_id), "date", False, 100, 0)
    as_recipient = queries.events(cur, queries.EventFilter(recipient=actor_id), "date", False, 100, 0)
    return render(request, "actor.html", info=info, quotes=quotes, as_actor=as_actor, as_recipient=as_recipient)


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI schema as a page: every operation with its parameters and their limits."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                spec = p.get("schema", {})
                limits = {k: v for k, v in spec.items() if k in ("minimum", "maximum", "maxLength", "minLength",
                                                                  "pattern", "enum", "default")}
                for choice in spec.get("anyOf", []):
                    limits.update({k: v for k, v in choice.items() if k in ("enum", "maxLength", "pattern", "format")})
                params.append({"name": p["name"], "where": p["in"], "required": p.get("required", False),
                               "description": p.get("description") or spec.get("description", ""),
                               "limits": limits})
            body = None
            if "requestBody" in op:
                ref = op["requestBody"]["content"]["application/json"]["schema"].get("$ref", "")
                body = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1])
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "params": params, "body": body})
    return render(request, "api_docs.html", operations=operations, title=schema["info"]["title"])


ERROR_TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 409: "Conflict",
                422: "Invalid request", 503: "Database unavailable"}


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    """An HTTP error as a page of the site, with its navigation."""
    try:
        read_only = request.app.state.db.read_only
    except AttributeError:
        read_only = False
    return templates.TemplateResponse(request, "error.html", {
        "status": status, "title": ERROR_TITLES.get(status, "Error"), "detail": detail,
        "read_only": read_only, "path": request.url.path}, status_code=status)
