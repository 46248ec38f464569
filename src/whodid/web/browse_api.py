"""The API behind the browsable tables and the search box: /api/tables/{name}[.csv],
/api/events/facets, /api/suggest/actors, /api/resolve/actor."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from whodid.web import queries, search, tables
from whodid.web.api import Cur, Filter, Limit, Offset
from whodid.web.routes import EncodedRoute

router = APIRouter(prefix="/api", tags=["api"], route_class=EncodedRoute)

MAX_TABLE_CSV = 50_000
TableName = Annotated[str, PathParam(pattern=r"^[a-z]+$", max_length=20,
                                     description="articles, quotes, places, checks or actors")]


def table_view(table: tables.Table, request: Request, limit: int, offset: int) -> tables.View:
    """The filters, search, sort and order a request's query string asks of ``table``."""
    args = request.query_params
    filters = {}
    for col in table.filters:
        value = args.get(col.key)
        if value is None or not value.strip():
            continue
        if len(value) > 200:
            raise HTTPException(422, f"{col.key}: at most 200 characters")
        if col.filter == tables.AT_LEAST:
            try:
                float(value)
            except ValueError:
                raise HTTPException(422, f"{col.key}: {value!r} is not a number") from None
        filters[col.key] = value.strip()
    sort = args.get("sort")
    if sort and (table.column(sort) is None):
        raise HTTPException(422, f"sort: {table.name} has no column {sort!r}")
    order = args.get("order")
    if order not in (None, "", "asc", "desc"):
        raise HTTPException(422, f"order: {order!r} is neither asc nor desc")
    q = args.get("q")
    if q and len(q) > 200:
        raise HTTPException(422, "q: at most 200 characters")
    return tables.View(filters=filters, q=q, sort=sort or None,
                       descending=None if not order else order == "desc", limit=limit, offset=offset)


def _table(name: str) -> tables.Table:
    table = tables.TABLES.get(name)
    if table is None:
        raise HTTPException(404, f"no table {name!r}; the tables are {', '.join(tables.TABLES)}")
    return table


@router.get("/tables/{name}.csv", summary="The same table view as CSV (at most 50,000 rows)")
def browse_csv(name: TableName, request: Request, cur: Cur) -> Response:
    table = _table(name)
    page = tables.browse(cur, table, table_view(table, request, MAX_TABLE_CSV, 0))
    columns = [c.key for c in table.columns if c.key != "words"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in page["items"]:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="whodid-{name}.csv"'})


@router.get("/tables/{name}", summary="A table of stored items, filtered by any column (?column=value), "
                                      "with facet counts; sort=column, order=asc|desc")
def browse(name: TableName, request: Request, cur: Cur, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    table = _table(name)
    page = tables.browse(cur, table, table_view(table, request, limit, offset))
    hidden_only = {"words"}  # the page is shared (kept until the data changes): new rows, not changed ones
    return {**page, "items": [{k: v for k, v in row.items() if k not in hidden_only} for row in page["items"]]}


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell; text a spreadsheet would run as a formula is quoted with a leading '."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/events/facets", summary="Counts of the filtered events by type, quad class and modality")
def event_facets(cur: Cur, flt: Filter) -> dict[str, Any]:
    return queries.event_facets(cur, flt)


@router.get("/suggest/actors", summary="Actors whose name, code or a name the texts used begins with q")
def suggest(cur: Cur, q: Annotated[str, Query(min_length=1, max_length=100)],
            limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    return {"q": q, "items": search.suggest_actors(cur, q, limit)}


@router.get("/resolve/actor", summary="The stored actor ids an actor query names (any name, surname, code)")
def resolve(cur: Cur, q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
    return {"q": q, "ids": search.resolve_actor(cur, q)}
