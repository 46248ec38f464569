"""The web pages: server-rendered Jinja2 templates (autoescaped); the interactive
parts (tables, charts, network, map) are drawn by the app's own scripts in /static
from the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.web import markup, queries
from whodid.web.api import cursor

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.autoescape = True  # also for templates whose names do not end in .html

Cur = Annotated[Any, Depends(cursor)]


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    context["read_only"] = request.app.state.db.read_only
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, cur: Cur,
                 q: Annotated[str | None, Query(max_length=200)] = None,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    page = queries.articles(cur, q, "published", True, 50, offset)
    return render(request, "articles.html", page=page, q=q or "", counts=queries.health(cur))


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
def events_page(request: Request, cur: Cur) -> HTMLResponse:
    return render(request, "events.html", facets=queries.event_types(cur), min_confidence=DEFAULT_MIN_CONFIDENCE)


@router.get("/pair", response_class=HTMLResponse)
def pair_page(request: Request) -> HTMLResponse:
    return render(request, "pair.html")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    return render(request, "network.html")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    return render(request, "map.html")


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, cur: Cur, q: Annotated[str | None, Query(max_length=200)] = None,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    return render(request, "actors.html", page=queries.actors(cur, q, 100, offset), q=q or "")


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
