"""The REST API, through httpx against the app over the samples database."""

from __future__ import annotations

import csv
import io

import pytest

from hostile import HOSTILE_ID


def test_health_and_openapi(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["read_only"] is True
    assert health["articles"] >= 15 and health["events"] > 50
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{key}", "/api/events", "/api/actors", "/api/quotes", "/api/pair",
                 "/api/network", "/api/places", "/api/analyze"):
        assert path in paths


def test_article_search_and_analysis(client):
    found = client.get("/api/articles", params={"q": "Peskov"}).json()
    assert "russia-ukraine-talks" in [a["id"] for a in found["items"]]
    analysis = client.get("/api/articles/russia-ukraine-talks").json()
    names = {a["name"] for a in analysis["actors"]}
    assert {"Joe Biden", "Emmanuel Macron", "Vladimir Putin", "Dmitry Peskov"} <= names
    text = analysis["article"]["text"]
    for quote in analysis["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    by_sha = client.get(f"/api/articles/{analysis['article']['text_sha1']}").json()
    assert by_sha["article"]["id"] == "russia-ukraine-talks"
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in missing.json()["detail"]


def test_events_filters_page_and_sort(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    by_russia = client.get("/api/events", params={"actor": "RUS", "limit": 500}).json()
    assert 0 < by_russia["total"] < everything["total"]
    # a country matches its government and army: every event has an actor with that country
    for event in by_russia["items"]:
        assert any((a["code"] or "").startswith("RUS") for a in event["actor"]), event
    assaults = client.get("/api/events", params={"type": "ASSAULT", "modality": "asserted"}).json()
    assert assaults["total"] > 0
    assert {(e["type"], e["modality"]) for e in assaults["items"]} == {("ASSAULT", "asserted")}
    first = client.get("/api/events", params={"limit": 5, "offset": 0}).json()["items"]
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()["items"]
    assert {(e["article_sha1"], e["idx"]) for e in first}.isdisjoint({(e["article_sha1"], e["idx"]) for e in second})
    scores = [e["score"] for e in client.get("/api/events", params={"sort": "score", "order": "desc",
                                                                     "limit": 500}).json()["items"]
              if e["score"] is not None]
    assert scores == sorted(scores, reverse=True)
    in_2022 = client.get("/api/events", params={"date_from": "2022-01-01", "date_to": "2022-12-31",
                                                 "limit": 500}).json()["items"]
    assert in_2022 and all("2022-01-01" <= e["day"] <= "2022-12-31" for e in in_2022)
    at_place = client.get("/api/events", params={"place": "milove", "min_confidence": 0}).json()["items"]
    assert at_place and all("Milove" in e["place"] for e in at_place)


def test_events_csv_matches_the_filter(client):
    response = client.get("/api/events.csv", params={"type": "ASSAULT"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {r["type"] for r in rows} == {"ASSAULT"}
    assert len(rows) == client.get("/api/events", params={"type": "ASSAULT"}).json()["total"]


@pytest.mark.parametrize("params, word", [
    ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"offset": -1}, "offset"),
    ({"date_from": "2022-13-40"}, "date_from"), ({"modality": "maybe"}, "modality"),
    ({"sort": "text; DROP TABLE events"}, "sort"), ({"type": "A'; --"}, "type"),
    ({"date_from": "2023-01-01", "date_to": "2022-01-01"}, "date_from"),
])
def test_bad_parameters_get_a_4xx_naming_them(client, params, word):
    response = client.get("/api/events", params=params)
    assert 400 <= response.status_code < 500
    assert word in response.json()["detail"]


def test_actors_quotes_and_pair(client):
    actors = client.get("/api/actors", params={"q": "Peskov"}).json()["items"]
    peskov = next(a for a in actors if a["name"] == "Dmitry Peskov")
    assert peskov["quotes"] > 0 and peskov["roles"]
    quotes = client.get("/api/quotes", params={"speaker": peskov["actor_id"]}).json()
    assert quotes["total"] == peskov["quotes"]
    assert all(q["speaker"] == peskov["actor_id"] for q in quotes["items"])
    pair = client.get("/api/pair", params={"a": "USA", "b": "RUS", "bucket": "month"}).json()
    assert pair["events"] > 0
    for period in pair["periods"]:
        # every event goes at least one way; an event with both among its actors may go both ways
        assert max(period["a_to_b"], period["b_to_a"]) <= period["events"] <= period["a_to_b"] + period["b_to_a"]
        assert period["mean_score"] is None or -10 <= period["mean_score"] <= 10
    assert client.get("/api/pair", params={"a": "USA"}).status_code == 422
    # codes are matched whatever their case, as in /api/actors
    assert client.get("/api/events", params={"actor": "rus"}).json()["total"] == \
        client.get("/api/events", params={"actor": "RUS"}).json()["total"] > 0


def test_network_and_places(client):
    network = client.get("/api/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert network["edges"] and all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    places = client.get("/api/places").json()["items"]
    milove = next(p for p in places if p["name"] == "Milove")
    assert abs(milove["lat"] - 49.38) < 0.2 and abs(milove["lon"] - 40.14) < 0.2


def test_analyze_without_storing(client):
    body = {"text": "Russian forces shelled Kharkiv on Monday, Ukrainian officials said.", "published": "2022-03-07"}
    result = client.post("/api/analyze", json=body)
    assert result.status_code == 200
    assert result.json()["stored"] is False
    assert any(e["type"] == "ASSAULT" for e in result.json()["analysis"]["events"])
    refused = client.post("/api/analyze", params={"store": "true"}, json=body)
    assert refused.status_code == 409 and "read-only" in refused.json()["detail"]


@pytest.mark.parametrize("body, word", [
    ({}, "text"), ({"text": "  "}, "text"), ({"text": "a", "html": "<p>b</p>"}, "text"),
    ({"html": "<html><body><nav>menu</nav></body></html>"}, "html"),
    ({"text": "Der Bundeskanzler traf heute in Berlin den französischen Präsidenten zu Gesprächen."}, "English"),
    # a year-1 date once reached the time stage and answered 500 (OverflowError)
    ({"text": "The government said talks with the opposition would resume in the capital on Monday, officials told "
              "reporters after the meeting.", "published": "0001-01-01"}, "published"),
    ({"text": "The government said talks with the opposition would resume in the capital on Monday, officials told "
              "reporters after the meeting.", "published": "2999-12-31"}, "future"),
])
def test_analyze_rejects_bad_input(client, body, word):
    response = client.post("/api/analyze", json=body)
    assert response.status_code == 422
    assert word in response.json()["detail"]


def test_analyze_and_store_html(writable_db):
    import httpx

    from whodid.web.app import create_app
    from whodid.web.server import running

    app = create_app(writable_db)
    page = ("<html><head><title>Talks resume</title></head><body><nav>Home | World</nav><article><h1>Talks resume"
            "</h1><p>Turkey hosted talks between Russia and Ukraine in Istanbul on Tuesday, officials said. "
            "The two delegations agreed to meet again next week.</p><p>Diplomats described the talks as "
            "constructive and said a further round was planned.</p></article></body></html>")
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        before = c.get("/api/health").json()["articles"]
        first = c.post("/api/analyze", params={"store": "true"}, json={"html": page, "id": "istanbul"}).json()
        again = c.post("/api/analyze", params={"store": "true"}, json={"html": page, "id": "istanbul"}).json()
        assert first["stored"] is True and again["stored"] is False
        assert c.get("/api/health").json()["articles"] == before + 1
        stored = c.get("/api/articles/istanbul").json()
        assert "Istanbul" in stored["article"]["text"] and "Home | World" not in stored["article"]["text"]
    app.state.db.close()
    # stored as `whodid ingest` stores: in a story, its events linked into clusters
    import duckdb

    con = duckdb.connect(str(writable_db), read_only=True)
    sha = con.execute("SELECT sha1 FROM articles WHERE id = 'istanbul'").fetchone()[0]
    assert con.execute("SELECT count(*) FROM stories WHERE article_sha1 = ?", [sha]).fetchone()[0] == 1
    events = con.execute("SELECT count(*) FROM events WHERE article_sha1 = ?", [sha]).fetchone()[0]
    assert events > 0 and events == \
        con.execute("SELECT count(*) FROM event_cluster_mentions WHERE article_sha1 = ?", [sha]).fetchone()[0]
    con.close()


def test_pages_escape_stored_markup(client):
    html = client.get(f"/articles/{HOSTILE_ID}").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned" in html
    # the analysis handed to the page's script cannot close its <script> element
    blob = html.split('id="analysis-data">', 1)[1]
    assert blob.index("</script>") > blob.index("window.__pwned")
    listing = client.get("/articles").text
    assert "&lt;script&gt;" in listing and "<script>window" not in listing
    assert "script-src 'self'" in client.get("/articles").headers["content-security-policy"]


def test_every_answer_keeps_its_headers_and_json_and_passes_no_worker_thread_to_encode(app, client):
    """The API's JSON is encoded by the endpoint (routes.EncodedRoute) as FastAPI would encode it,
    and the security headers come from a plain ASGI middleware; both to save a cold request's CPU."""
    from typing import Any

    from pydantic import TypeAdapter
    from starlette.middleware.base import BaseHTTPMiddleware

    from whodid.export import DEFAULT_MIN_CONFIDENCE
    from whodid.web import api, browse_api, queries
    from whodid.web.routes import EncodedRoute

    assert not [m for m in app.user_middleware if issubclass(m.cls, BaseHTTPMiddleware)]
    assert all(isinstance(r, EncodedRoute) for r in [*api.router.routes, *browse_api.router.routes])
    events = client.get("/api/events", params={"limit": 7, "sort": "score", "order": "desc"})
    with app.state.db.cursor() as cur:
        expected = queries.events(cur, queries.EventFilter(min_confidence=DEFAULT_MIN_CONFIDENCE), "score", True,
                                  7, 0)
    assert events.content == TypeAdapter(dict[str, Any]).dump_json(expected)
    assert events.headers["content-type"] == "application/json"
    for path, status in (("/api/events", 200), ("/api/events?limit=0", 422), ("/api/articles/nope", 404),
                         ("/articles", 200), ("/static/style.css", 200), ("/no-such-page", 404)):
        answer = client.get(path)
        assert answer.status_code == status, path
        assert answer.headers["x-content-type-options"] == "nosniff", path
        assert answer.headers["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"], path
    # a page's empty filter fields are no filter; the API keeps what it is sent
    assert client.get("/events", params={"type": "", "actor": ""}).status_code == 200
    assert client.get("/api/events", params={"type": ""}).status_code == 422


def test_serving_a_database_in_use_fails_clearly(writable_db, tmp_path):
    import subprocess
    import sys

    from whodid.store import StoreError
    from whodid.web.app import create_app

    missing = tmp_path / "none.duckdb"
    with pytest.raises(StoreError, match="no such database"):
        create_app(missing, read_only=True)
    assert not missing.exists()
    # another process writing the file (an ingest, say) holds DuckDB's lock
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); sys.stdin.read()", str(writable_db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for read_only in (True, False):
            with pytest.raises(StoreError, match="in use by another process"):
                create_app(writable_db, read_only=read_only)
    finally:
        holder.communicate("", timeout=30)


def test_events_csv_comes_in_batches_row_for_row_as_the_api_lists_them(app, client, monkeypatch):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace

    from whodid.web import api
    from whodid.web.queries import EventFilter

    monkeypatch.setattr(api, "CSV_BATCH", 7)  # several batches, with articles split across them
    response = api.events_csv(SimpleNamespace(app=app), EventFilter(), "date", "asc")

    async def pieces():
        return [piece async for piece in response.body_iterator]

    # in a thread of its own: a browser test run earlier in this process may hold an event loop here
    with ThreadPoolExecutor(1) as pool:
        body = pool.submit(asyncio.run, pieces()).result()
    listed = client.get("/api/events", params={"limit": 500, "min_confidence": 0}).json()  # as EventFilter()
    assert 2 * 7 < listed["total"] <= 500 and len(body) > 2  # streamed, not built whole
    rows = list(csv.DictReader(io.StringIO("".join(body))))
    assert [(r["article_id"], int(r["idx"]), r["sentence"], r["actor"], r["reported_by"]) for r in rows] == [
        (e["article_id"], e["idx"], e["sentence"], ";".join(a["code"] or a["name"] for a in e["actor"]),
         e["reported_by"]["name"] if e["reported_by"] else "") for e in listed["items"]]


# /api/actors as it was counted before (correlated subqueries): the reference its joins must match
_CORRELATED_ACTORS = """
    WITH picked AS (SELECT * FROM actors x WHERE {where}),
    counts AS (
        SELECT actor_id, min(name) AS name, min(kind) AS kind, min(code) AS code,
               min(country) AS country, min(wikidata) AS wikidata,
               list(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles,
               count(DISTINCT article_sha1) AS articles
        FROM picked GROUP BY actor_id)
    SELECT c.*,
           (SELECT count(*) FROM mentions m WHERE m.actor_id = c.actor_id) AS mentions,
           (SELECT count(*) FROM events e WHERE list_contains(e.actor, c.actor_id)) AS events_as_actor,
           (SELECT count(*) FROM events e WHERE list_contains(e.recipient, c.actor_id)) AS events_as_recipient,
           (SELECT count(*) FROM quotes q WHERE q.speaker = c.actor_id) AS quotes
    FROM counts c ORDER BY mentions DESC, c.actor_id"""


@pytest.mark.parametrize("q", [None, "putin", "RUS", "Q7747", "GOV", "no such actor"])
def test_actors_list_counts_as_the_correlated_subqueries_did(app, q):
    from whodid.web import queries

    where, params = "TRUE", []
    if q:
        where = "(contains(lower(x.name), lower(?)) OR x.code = ? OR x.country = ? OR x.actor_id = ?)"
        params = [q, q.upper(), q.upper(), q]
    with app.state.db.cursor() as cur:
        cur.execute(_CORRELATED_ACTORS.format(where=where), params)
        columns = [d[0] for d in cur.description]
        expected = [dict(zip(columns, row)) for row in cur.fetchall()]
        listed = queries.actors(cur, q, 10_000, 0)
        page = queries.actors(cur, q, 5, 3)
    assert listed["total"] == len(expected) and listed["items"] == expected
    assert page["items"] == expected[3:8]
    if q is None:
        assert any(a["events_as_actor"] for a in expected) and any(a["quotes"] for a in expected)


def test_roles_filled_by_a_convention_say_so_in_the_api_and_the_csv(client):
    # the reference article's protests in Russia name no target: the government is inferred (and a
    # protest noun with no one named has its crowd inferred as the actor)
    protests = client.get("/api/events", params={"type": "PROTEST", "limit": 500}).json()["items"]
    inferred = [e for e in protests if e["inferred"]]
    assert inferred and all(set(e["inferred"]) <= {"actor", "recipient"}
                            for e in inferred)
    assert any(e["inferred"] == ["recipient"] for e in inferred)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={"type": "PROTEST"}).text)))
    assert sorted(r["inferred"] for r in rows) == sorted(";".join(e["inferred"] or []) for e in protests)
