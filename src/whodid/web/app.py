"""The whodid web app: a REST API (OpenAPI at /openapi.json, read at /api-docs) and server-rendered pages.

``create_app(db_path, read_only=False)`` builds the FastAPI app over one
database file. Every page escapes what it shows (Jinja2 autoescape; data handed
to the page's script goes through ``tojson``), scripts come only from the app's
own /static folder (a Content-Security-Policy says so), and the database is
only ever queried through ``whodid.web.queries``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from whodid.version import __version__
from whodid.config import PipelineConfig
from whodid.knowledge import Resources
from whodid.store import StoreError
from whodid.web.database import Database, ReadOnlyError

HERE = Path(__file__).parent

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(db_path: str | Path, read_only: bool = False, config: PipelineConfig | None = None,
               resources: Resources | None = None, shared_answers: str | Path | None = None) -> FastAPI:
    """The app over ``db_path``; with ``read_only`` nothing can be written (for publishing a database).
    ``config`` and ``resources``: the pipeline that POST /api/analyze runs (default: all stages,
    built-in knowledge plus the plugins'), as ``whodid serve --kb/--lexicon/--config`` give them.
    ``shared_answers``: with ``read_only``, a folder where the server's processes share the answers
    they keep (``whodid serve --workers N`` makes one for its run: web/answers.py)."""
    from whodid.web import api, browse_api, pages

    db = Database(db_path, read_only=read_only, shared_answers=shared_answers)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        db.close()

    app = FastAPI(
        title="whodid",
        version=__version__,
        description="Who did what to whom, when and where, and who said what: event data from news text. "
                    + ("This database is served read-only." if read_only else ""),
        lifespan=lifespan,
        # FastAPI's /docs and /redoc pull Swagger UI from a CDN; the app serves its own /api-docs page instead
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.pipeline = api.LazyPipeline(config, resources)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        if wants_page(request):
            return pages.error_page(request, 422, "; ".join(problems))
        return JSONResponse(status_code=422, content={"detail": "; ".join(problems), "errors": _plain(exc.errors())})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_page(request):
            return pages.error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse(status_code=exc.status_code, content={"detail": exc.detail},
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(ReadOnlyError)
    async def read_only_refused(request: Request, exc: ReadOnlyError):
        return JSONResponse(status_code=409, content={"detail": str(exc)})

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError):
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(duckdb.ConversionException)
    async def bad_value(request: Request, exc: duckdb.ConversionException):
        return JSONResponse(status_code=400, content={"detail": f"a parameter has a value the database cannot "
                                                               f"use: {exc}"})

    app.include_router(browse_api.router)  # before api's /events... and /actors/{id} routes
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


class SecurityHeaders:
    """Every response's security headers; a page's query string without its empty fields. Plain
    ASGI: Starlette's ``@app.middleware("http")`` passes each response through memory streams and a
    task group, about 1 ms of CPU a request (measured on kept answers), a tenth of a cold one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope.get("query_string") and wants_page(Request(scope)):
            # a filter form sends its empty fields too; to a page, an empty field is no filter
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            scope["query_string"] = urlencode([(k, v) for k, v in pairs if v.strip()]).encode("latin-1")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def wants_page(request: Request) -> bool:
    """A page, not the API, was asked for: the answer is HTML with the site's navigation."""
    path = request.url.path
    return not (path.startswith("/api/") or path.startswith("/static/") or path == "/openapi.json")


def _plain(errors: list) -> list:
    """Validation errors without the exception objects pydantic puts in ``ctx``."""
    out = []
    for err in errors:
        err = dict(err)
        if "ctx" in err:
            err["ctx"] = {k: str(v) for k, v in err["ctx"].items()}
        err.pop("input", None)
        out.append(err)
    return out
