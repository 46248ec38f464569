"""The summaries the web app reads at a million events (store/summaries.py) and the answers it keeps
(web/answers.py): they give what the tables themselves give, stay right when articles are added
(by ingest, by the app, or by hand), and a write makes the app answer anew."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from whodid.store import Store, summaries
from whodid.store.clusters import _keep_reports
from whodid.web import queries, search, tables
from whodid.web.answers import Answers
from whodid.web.database import Reading

ISTANBUL = ("Turkey hosted talks between Russia and Ukraine in Istanbul on Tuesday, officials said. "
            "Vladimir Putin said Russia would send a delegation, and Ukraine accused Russia of shelling Kharkiv.")


def _answers_of(con) -> dict:
    """What the web app answers from ``con``: actors, one actor, suggestions, network, places, tables;
    read as the app reads, through a request's cursor with answers kept for this call (the data does
    not change during it), so whether the summaries are fresh and the actor index are worked out once,
    not once per query (which made each call minutes long)."""
    cur = Reading(con.cursor(), Answers())
    listed = queries.actors(cur, None, 10_000, 0)
    out = {
        "actors": listed,
        "actor": [queries.actor(cur, a["actor_id"]) for a in listed["items"][:20]],
        "ids": {q: search.resolve_actor(cur, q) for q in ("Putin", "Russia", "RUS", "USA", "Vladimir Putin")},
        "suggest": search.suggest_actors(cur, "pu", 10) + search.suggest_actors(cur, "ru", 10),
        "network": [queries.network(cur, 1, 500, top, c) for top in (None, 10) for c in (0, 0.2, 0.5)],
        "places": queries.places(cur, 2000),
        "events": [queries.events(cur, queries.EventFilter(actor=q, min_confidence=0), "date", True, 500, 0)
                   for q in ("RUS", "Putin")],
    }
    # events filtered by party (read from the summaries' per-actor event lists, actor_events):
    # pages in every sort they carry, totals, facets, the CSV rows and pairs
    kind = con.execute("SELECT type FROM events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    party_filters = [
        {"actor": "RUS"}, {"recipient": "Ukraine"}, {"actor_code": "RUS"}, {"recipient_code": "UKR"},
        {"actor": "Russia", "recipient": "Ukraine", "either_way": True}, {"actor": "RUS", "recipient": "UKR"},
        {"actor": "RUS", "type": kind}, {"actor": "Putin", "date_basis": "event"},
        {"actor": "RUS", "date_basis": "published"}, {"recipient": "UKR", "date_basis": "none"},
        {"actor_code": "UKR", "score_min": -5, "score_max": 3}, {"actor_code": "RUS", "quad_class": 4},
        {"actor": "RUS", "date_from": "2022-03-01", "date_to": "2022-12-31", "min_confidence": 0.2},
        {"actor": "RUS", "modality": "asserted", "has_party": True}, {"actor": "RUS", "place": "k"},
        {"actor": "no such actor"}, {"actor": "RUS", "recipient_code": "UKR", "actor_code": "RUS"}]
    for args in party_filters:
        flt = queries.EventFilter(**args)
        for sort, descending in (("date", True), ("date", False), ("score", True), ("type", False),
                                 ("confidence", True)):
            out["events"].append(queries.events(cur, flt, sort, descending, 500, 0))
        out["events"].append(queries.events(cur, flt, "date", True, 3, 2))
        out["events"].append({"items": list(queries.events_stream(cur, con.cursor(), flt, "date", True, 500, 4))})
        out[f"events count {args}"] = queries.event_count(cur, flt.resolved(cur))
        out[f"events days {args}"] = sorted(queries.event_days(cur, flt.resolved(cur)), key=str)
        out[f"events facets {args}"] = queries.event_facets(cur, flt)
        out[f"events facets {args} typed"] = queries.event_facets(cur, dataclasses.replace(flt, type=kind))
    # events filtered by their own columns only (picked from the summaries' narrow rows, event_days):
    # pages sorted by date (from the days they span) and by the other columns, totals, days, facets
    for args in [{}, {"has_party": True, "min_confidence": 0.2}, {"type": kind, "date_basis": "published"},
                 {"quad_class": 4, "score_min": -8, "date_from": "2022-01-01", "date_to": "2023-12-31"},
                 {"modality": "asserted", "date_basis": "none"}, {"date_basis": "event", "has_party": True}]:
        flt = queries.EventFilter(**args)
        for sort, descending, limit, offset in (("date", True, 500, 0), ("date", False, 500, 0), ("date", True, 4, 3),
                                                ("score", True, 500, 0), ("type", False, 7, 2),
                                                ("quad_class", True, 500, 0)):
            out["events"].append(queries.events(cur, flt, sort, descending, limit, offset))
        out[f"events count {args}"] = queries.event_count(cur, flt.resolved(cur))
        out[f"events days {args}"] = sorted(queries.event_days(cur, flt.resolved(cur)), key=str)
        out[f"events facets {args}"] = queries.event_facets(cur, flt)
    out["pairs"] = [queries.pair(cur, a, b, bucket, since, None, c)
                    for a, b in (("RUS", "UKR"), ("Russia", "Ukraine"), ("USA", "RUS"), ("Putin", "UKR"))
                    for bucket, since, c in (("auto", None, None), ("year", None, 0.2), ("auto", "2022-03-01", 0))]
    for name in ("articles", "actors", "quotes"):
        out[name + " table"] = tables.browse(cur, tables.TABLES[name], tables.View(limit=10_000))
    # the tables' totals and facets (counted from the summaries' groups when a view filters only
    # their columns), and the articles found by words (through the summaries' word index)
    views = {"places": [{}, {"country": "UA"}, {"feature": "PPLC", "name": "kyiv"}],
             "checks": [{}, {"severity": "warning"}],
             "articles": [{"source": "x"}]}
    for name, filters in views.items():
        for flt in filters:
            page = tables.browse(cur, tables.TABLES[name], tables.View(filters=flt, limit=10_000))
            out[f"{name} {flt}"] = {k: page[k] for k in ("total", "facets")} | {
                "rows": [{k: v for k, v in r.items() if k != "words"} for r in page["items"]]}
    for name in ("quotes", "checks"):  # pages of the rows of the first articles (tables._first_articles)
        for offset, descending in ((0, None), (7, None), (3, False)):
            page = tables.browse(cur, tables.TABLES[name], tables.View(limit=5, offset=offset, descending=descending))
            out[f"{name} page {offset} {descending}"] = [(r["article_sha1"], r["idx"]) for r in page["items"]]
    out["quote pages"] = _quote_pages(cur, tables.QUOTES)
    for q in ("Russia", "russia ukraine", "negotiat*", "Putin's", "Kyiv*", "u.s.", "nothing-like-this", "talks."):
        page = tables.browse(cur, tables.TABLES["articles"], tables.View(q=q, limit=10_000))
        out[f"articles q={q}"] = [page["total"], page["facets"], [r["sha1"] for r in page["items"]]]
        out[f"articles api q={q}"] = queries.articles(cur, q, "published", True, 500, 0)
    cur.close()
    return out


QUOTE_VIEWS = [  # quotes pages that pick their keys from the summaries' quote_keys (Table.picks)
    tables.View(filters={"speaker_code": "RUS"}, limit=7), tables.View(filters={"speaker_code": "rus"}, limit=5, offset=3),
    tables.View(filters={"speaker_code": "UKR"}, limit=50, descending=False),
    tables.View(filters={"speaker_name": "putin"}, limit=20), tables.View(filters={"kind": "direct"}, limit=9),
    tables.View(filters={"speaker_code": "RUS", "kind": "direct"}, sort="kind", limit=10),
    tables.View(filters={"cue": "said"}, sort="speaker_code", limit=10, offset=2),
    tables.View(sort="speaker_name", limit=10_000), tables.View(sort="cue", descending=False, limit=30)]


def _quote_pages(cur, table: tables.Table) -> list:
    """The keys of the QUOTE_VIEWS pages of ``table`` (each page computed anew, none kept)."""
    pages = [[(r["article_sha1"], r["idx"], r["speaker"], r["kind"], r["cue"], r["published"])
              for r in tables._browse(cur, table, view)["items"]] for view in QUOTE_VIEWS]
    speaker = cur.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 "
                          "ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
    if speaker:  # the most quoted speaker, by id
        view = tables.View(filters={"speaker": speaker[0]}, limit=4, offset=1)
        pages.append([(r["article_sha1"], r["idx"]) for r in tables._browse(cur, table, view)["items"]])
    return pages


CHECK_VIEWS = [  # checks pages that pick their keys from the summaries' check_keys (Table.picks)
    tables.View(limit=7), tables.View(limit=5, offset=3, descending=False),
    tables.View(filters={"severity": "warning"}, limit=20), tables.View(filters={"severity": "info"}, limit=9),
    tables.View(filters={"kind": "name_variant"}, limit=10), tables.View(sort="kind", limit=10_000),
    tables.View(filters={"severity": "warning"}, sort="severity", descending=False, limit=30, offset=2)]


def _check_pages(cur, table: tables.Table) -> list:
    """The keys of the CHECK_VIEWS pages of ``table`` (each page computed anew, none kept)."""
    return [[(r["article_sha1"], r["idx"], r["severity"], r["kind"], r["published"])
             for r in tables._browse(cur, table, view)["items"]] for view in CHECK_VIEWS]


PLACE_VIEWS = [  # places pages that pick their keys from the summaries' place_keys (Table.picks)
    tables.View(limit=7), tables.View(limit=5, offset=3, descending=False),
    tables.View(filters={"country": "UA"}, limit=20), tables.View(filters={"name": "kyiv"}, limit=9),
    tables.View(filters={"events": "1"}, limit=10), tables.View(sort="events", limit=10_000),
    tables.View(filters={"feature": "PPLC"}, sort="events", descending=False, limit=30, offset=1),
    tables.View(sort="name", limit=10_000)]


def _place_pages(cur, table: tables.Table) -> list:
    """The PLACE_VIEWS pages of ``table`` (each page computed anew, none kept), events counts included."""
    return [[(r["article_sha1"], r["idx"], r["name"], r["country"], r["events"], r["published"])
             for r in tables._browse(cur, table, view)["items"]] for view in PLACE_VIEWS]


def _reports(con) -> list:
    """Every event's (sha1, idx, cluster, reports) as the summaries keep them, and as the clusters say."""
    kept = con.execute("SELECT article_sha1, idx, cluster_id, reports FROM event_reports ORDER BY ALL").fetchall()
    live = con.execute("""SELECT m.article_sha1, m.event_idx, m.cluster_id, c.num_articles
                          FROM event_cluster_mentions m JOIN event_clusters c USING (cluster_id)
                          ORDER BY ALL""").fetchall()
    return [kept, live]


def test_quote_pages_picked_from_quote_keys_equal_the_full_join(writable_db, tmp_path):
    """A quotes page picking its keys from quote_keys gives the rows the join of every quote to its
    article gives, on the session database and after a second ingest and a quote added by hand; so do
    the checks and places pages (check_keys, place_keys); event_reports holds every linked event's
    reports as its cluster counts them, kept by linking and not doubled by a refresh."""
    from whodid.batch import ingest_corpus

    def compare(con):
        # (each way read as the app reads, with answers of its own: whether the summaries are fresh
        # is worked out once, not once per page, and no page is kept from the other way's)
        def cur():
            return Reading(con.cursor(), Answers())

        assert summaries.fresh(con)
        assert all(tables.QUOTES.picked_from(con, v, v.sort or "published") for v in QUOTE_VIEWS)
        joined = dataclasses.replace(tables.QUOTES, picks=None)
        picked = _quote_pages(cur(), tables.QUOTES)
        assert picked == _quote_pages(cur(), joined)
        # and the checks pages, from check_keys, the same way
        assert all(tables.CHECKS.picked_from(con, v, v.sort or "published") for v in CHECK_VIEWS)
        checks = _check_pages(cur(), tables.CHECKS)
        assert checks == _check_pages(cur(), dataclasses.replace(tables.CHECKS, picks=None))
        # and the places pages, from place_keys with each place's events counted at ingest
        assert all(tables.PLACES.picked_from(con, v, v.sort or "published") for v in PLACE_VIEWS)
        places = _place_pages(cur(), tables.PLACES)
        assert places == _place_pages(cur(), dataclasses.replace(tables.PLACES, picks=None))
        for keys, items in (("quote_keys", "quotes"), ("check_keys", "checks"), ("place_keys", "places")):
            assert con.execute(f"SELECT count(*) FROM {keys}").fetchone()[0] == con.execute(
                f"SELECT count(*) FROM {items} WHERE article_sha1 IN (SELECT sha1 FROM articles)").fetchone()[0]
        # each linked event's reports, once each, as its cluster counts them
        kept, live = _reports(con)
        assert kept == live
        return picked, checks, places, kept

    con = duckdb.connect(str(writable_db), read_only=True)
    first, first_checks, first_places, first_reports = compare(con)
    assert first[0] and first[3] and first[-1]  # pages by code, by name and by speaker id found quotes
    assert all(first_checks[i] for i in (0, 2, 5))  # checks found unfiltered, by severity, sorted by kind
    assert all(first_places[i] for i in (0, 2, 4, 5))  # places unfiltered, by country, by events, sorted by events
    assert any(p[4] for p in first_places[5]) and first_reports
    con.close()
    corpus = tmp_path / "more.jsonl"
    corpus.write_text(json.dumps({"id": "istanbul-2", "title": "Talks", "text": ISTANBUL,
                                  "published": "2099-04-02"}) + "\n", encoding="utf-8")
    with Store(writable_db) as store:
        assert ingest_corpus([corpus], store).counts["stored"] == 1
        assert ingest_corpus([corpus], store).counts["stored"] == 0  # (again: a duplicate, nothing added)
        # and an article with its quotes added by hand, summarised on the next refresh
        sha1 = store.con.execute("SELECT sha1 FROM articles WHERE id = 'istanbul-2'").fetchone()[0]
        assert store.con.execute("SELECT count(*) FROM quotes WHERE article_sha1 = ?", [sha1]).fetchone()[0] > 0
        store.con.execute("""INSERT INTO articles (sha1, id, text, published, published_date)
                             SELECT sha1 || '-copy', id || '-copy', text, '1999-01-01', DATE '1999-01-01'
                             FROM articles WHERE sha1 = ?""", [sha1])
        store.con.execute("INSERT INTO quotes SELECT * REPLACE (article_sha1 || '-copy' AS article_sha1) "
                          "FROM quotes WHERE article_sha1 = ?", [sha1])
        for table in ("checks", "places", "events"):
            store.con.execute(f"INSERT INTO {table} SELECT * REPLACE (article_sha1 || '-copy' AS article_sha1) "
                              f"FROM {table} WHERE article_sha1 = ?", [sha1])
        # the copy's events linked before its summaries are refreshed: they join the original's
        # clusters (a report more for each), and the refresh adds the reports linking did not, once
        from whodid.store.clusters import link_events
        assert link_events(store.con, articles=[sha1 + "-copy"]) == 0  # (no stored analysis to link from)
        store.con.execute("""INSERT INTO event_cluster_mentions
                             SELECT * REPLACE (article_sha1 || '-copy' AS article_sha1) FROM event_cluster_mentions
                             WHERE article_sha1 = ?""", [sha1])
        store.con.execute("""UPDATE event_clusters SET num_articles = num_articles + 1 WHERE cluster_id IN
                             (SELECT cluster_id FROM event_cluster_mentions WHERE article_sha1 = ?)""", [sha1])
        copied = store.con.execute("SELECT article_sha1, event_idx, cluster_id FROM event_cluster_mentions "
                                   "WHERE article_sha1 = ?", [sha1 + "-copy"]).fetchall()
        # as linking keeps them: half the copy's events added with the new counts, the other half
        # left for the refresh to add (events linked before their article was summarised)
        _keep_reports(store.con, copied[::2], sorted({c for *_, c in copied}))
        assert summaries.refresh(store.con) == 1
    con = duckdb.connect(str(writable_db), read_only=True)
    after, after_checks, after_places, after_reports = compare(con)
    con.close()
    assert after != first  # the new quotes are on the pages (the newest first, the copy last ascending)
    assert after_checks != first_checks  # and the new checks
    assert after_places != first_places  # and the new places
    assert len(after_reports) == len(first_reports) + 2 * len(copied) and copied  # both articles' events


def _without_summaries(db) -> dict:
    """The same answers from the tables themselves (the summaries dropped, in a copy)."""
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE summarised_articles")
    assert not summaries.fresh(con)
    try:
        return _answers_of(con)
    finally:
        con.close()


def _normalised(answers: dict) -> str:
    """Answers where the two ways legitimately differ set aside: a speaker's or an event party's name
    is the actors table's one name for the actor, where the tables give each article's spelling."""
    answers = json.loads(json.dumps(answers, default=str))
    for page in answers["events"]:
        for row in page["items"]:
            for key in ("actor", "recipient"):
                row[key] = [a["id"] for a in row[key]]
            row["reported_by"] = row["reported_by"] and row["reported_by"]["id"]
    for row in answers["quotes table"]["items"]:
        row.pop("speaker_name"), row.pop("speaker_code")
    answers["quotes table"].pop("facets")
    for row in answers["actors table"]["items"]:
        row["roles"] = sorted((row["roles"] or "").split("; "))
    for actor in answers["actor"]:
        actor["roles"] = sorted(actor["roles"] or [])
    for row in answers["actors"]["items"]:
        row["roles"] = sorted(row["roles"] or [])
    return json.dumps(answers, sort_keys=True)


def test_summaries_answer_as_the_tables_do(writable_db, tmp_path):
    con = duckdb.connect(str(writable_db), read_only=True)
    assert summaries.fresh(con)
    summarised = _answers_of(con)
    # the party filters were read from actor_events, and found events; the others from event_days;
    # the pairs from pair_events
    assert queries.EventFilter(actor="RUS").resolved(con).by_party(con) is not None
    assert queries.EventFilter(actor="RUS", recipient="UKR", either_way=True).resolved(con).by_pair(con) is not None
    assert queries._narrow(con, queries.EventFilter(has_party=True)) is not None
    assert sum(p["events"] for p in summarised["pairs"]) > 0
    assert summarised["events count {'actor': 'RUS'}"] > 0 and summarised["events count {'actor_code': 'RUS'}"] > 0
    con.close()
    assert summarised["actors"]["total"] > 10 and summarised["network"][0]["edges"] and summarised["places"]["items"]
    assert summarised["articles q=Russia"][0] > 0 and summarised["articles q=negotiat*"][0] > 0
    assert summarised["places {}"]["total"] > 0 and summarised["checks {}"]["facets"]["kind"]
    assert _normalised(summarised) == _normalised(_without_summaries(writable_db))


def test_counts_equal_sql_counts(writable_db):
    con = duckdb.connect(str(writable_db), read_only=True)
    actors = {a["actor_id"]: a for a in queries.actors(con, None, 10_000, 0)["items"]}
    assert len(actors) == con.execute("SELECT count(DISTINCT actor_id) FROM actors").fetchone()[0]
    for actor_id, mentions, quotes in con.execute("""
            SELECT x.actor_id, (SELECT count(*) FROM mentions m WHERE m.actor_id = x.actor_id),
                   (SELECT count(*) FROM quotes q WHERE q.speaker = x.actor_id)
            FROM (SELECT DISTINCT actor_id FROM actors) x""").fetchall():
        assert (actors[actor_id]["mentions"], actors[actor_id]["quotes"]) == (mentions, quotes), actor_id
    rus = queries.events(con, queries.EventFilter(actor="RUS", min_confidence=0), "date", True, 10, 0)["total"]
    # (search.ACTOR_IDS: the actor ids a query names, read from the actors and mentions tables)
    assert rus > 0 and rus == con.execute(f"SELECT count(*) FROM events e WHERE list_has_any(e.actor, "
                                          f"{search.ACTOR_IDS})", ["RUS"] * search.ACTOR_IDS_PARAMS).fetchone()[0]
    # each event's day: its own date, else its article's publication day (events.day, migration 10)
    assert con.execute("""SELECT count(*) FROM events e JOIN articles a ON a.sha1 = e.article_sha1
                          WHERE e.day IS DISTINCT FROM coalesce(e.event_date, a.published_date)""").fetchone()[0] == 0
    con.close()


def test_summaries_stay_right_after_a_second_ingest_and_rows_added_by_hand(writable_db, tmp_path):
    from whodid.batch import ingest_corpus

    corpus = tmp_path / "more.jsonl"
    corpus.write_text(json.dumps({"id": "istanbul-2", "title": "Talks", "text": ISTANBUL,
                                  "published": "2022-04-02"}) + "\n", encoding="utf-8")
    with Store(writable_db) as store:
        counts = "SELECT actor_id, articles, mentions FROM actor_summary"
        before = {a: (n, m) for a, n, m in store.con.execute(counts).fetchall()}
        assert ingest_corpus([corpus], store).counts["stored"] == 1
        assert summaries.fresh(store.con)
        after = {a: (n, m) for a, n, m in store.con.execute(counts).fetchall()}
        named = store.con.execute("SELECT actor_id, count(*) FROM mentions WHERE article_sha1 = "
                                  "(SELECT sha1 FROM articles WHERE id = 'istanbul-2') GROUP BY 1").fetchall()
        assert len(named) >= 3  # Turkey, Russia, Ukraine, Putin...
        for actor_id, mentions in named:
            old = before.get(actor_id, (0, 0))
            assert after[actor_id] == (old[0] + 1, old[1] + mentions), actor_id
        # an article added with plain SQL, not through whodid: the summaries say they are behind ...
        store.con.execute("""INSERT INTO articles (sha1, id, text, published, published_date)
                             SELECT sha1 || '-copy', id || '-copy', text, published, published_date FROM articles
                             WHERE id = 'istanbul-2'""")
        for table in ("actors", "mentions", "events", "quotes", "places"):
            store.con.execute(f"INSERT INTO {table} SELECT * REPLACE (article_sha1 || '-copy' AS article_sha1) "
                              f"FROM {table} WHERE article_sha1 = (SELECT sha1 FROM articles WHERE id = 'istanbul-2')")
        assert not summaries.fresh(store.con)
    # ... so the app reads the tables (right, if slower) until the next write brings them up to date
    behind = duckdb.connect(str(writable_db), read_only=True)
    live = _answers_of(behind)
    behind.close()
    with Store(writable_db) as store:
        assert summaries.refresh(store.con) == 1 and summaries.fresh(store.con)
        # every event has its narrow row (event_days), the second ingest's and the copy's too (its row
        # id is a hint: rows written in the refresh's own transaction have no final row id yet)
        assert store.con.execute("""SELECT count(*) FROM events e FULL JOIN event_days d
                                    ON d.article_sha1 = e.article_sha1 AND d.idx = e.idx
                                    WHERE d.idx IS NULL OR e.idx IS NULL OR d.day IS DISTINCT FROM e.day
                                       OR d.type IS DISTINCT FROM e.type""").fetchone()[0] == 0
    caught_up = duckdb.connect(str(writable_db), read_only=True)
    assert _normalised(_answers_of(caught_up)) == _normalised(live)
    caught_up.close()


def test_the_app_answers_anew_after_it_stores_an_article(writable_db):
    import httpx

    from whodid.web.app import create_app
    from whodid.web.server import running

    app = create_app(writable_db)
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        ask = {"actor": "Ukraine", "min_confidence": 0, "limit": 500}
        events = c.get("/api/events", params=ask).json()["total"]
        network = c.get("/api/network", params={"limit": 500}).json()["all_edges"]
        articles = c.get("/api/tables/articles").json()["total"]
        assert c.post("/api/analyze", params={"store": "true"}, json={"text": ISTANBUL, "id": "istanbul-3",
                                                                      "published": "2022-04-03"}).json()["stored"]
        assert c.get("/api/tables/articles").json()["total"] == articles + 1
        assert c.get("/api/events", params=ask).json()["total"] > events
        assert c.get("/api/network", params={"limit": 500}).json()["all_edges"] >= network
        with app.state.db.cursor() as cur:
            sql_total = cur.execute(f"SELECT count(*) FROM events e WHERE list_has_any(e.actor, {search.ACTOR_IDS})",
                                    ["Ukraine"] * search.ACTOR_IDS_PARAMS).fetchone()[0]
        assert c.get("/api/events", params=ask).json()["total"] == sql_total
    app.state.db.close()


def test_a_cold_answer_is_computed_once_for_requests_asking_together():
    from whodid.web.answers import Answers

    answers, calls = Answers(), []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return {"n": 42}

    got = []
    threads = [threading.Thread(target=lambda: got.append(answers.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [{"n": 42}] * 8 and len(calls) == 1
    answers.changed()  # a write: the next request computes anew
    assert answers.get("k", slow) == {"n": 42} and len(calls) == 2


def test_server_processes_share_their_answers_each_computed_once(tmp_path):
    """Two processes of one read-only server run (two Answers on one folder, eight requests each at
    once): an answer is computed once, the others wait for it and read it; a key whose repr could
    differ between processes (an object's) is never shared; a write makes the answers this
    process's own again."""
    from whodid.web.answers import Answers

    workers, calls = [Answers(shared=tmp_path), Answers(shared=tmp_path)], []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return {"n": 42, "day": queries.DayCounts([(None, 3)])}

    got = []
    threads = [threading.Thread(target=lambda w=w: got.append(w.get(("events", 1, None), slow)))
               for w in workers for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and [g["n"] for g in got] == [42] * 16 and {g["day"].total for g in got} == {3}
    assert workers[1].known(("events", 1, None)) and not workers[1].known(("events", 2, None))
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())
    other = object()
    assert workers[0].get(("x", other), lambda: 1) == 1 and workers[1].get(("x", other), lambda: 2) == 2
    workers[1].changed()
    assert workers[1].get(("events", 1, None), slow)["n"] == 42 and len(calls) == 2


def test_the_actor_index_names_the_ids_the_summaries_statement_names(web_db):
    """Every name, surname, code, country, id and alias stored (as written, lowered, uppered, and a
    few not stored, one not ASCII) resolves to the ids SUMMARISED_ACTOR_IDS gives, and every code
    prefix to those starts_with(upper(code), upper(?)) gives."""
    con = duckdb.connect(str(web_db), read_only=True)
    assert search.summarised(con)
    index = search.ActorIndex(con)
    words = set()
    for row in con.execute("SELECT actor_id, name, code, country FROM actor_forms UNION ALL "
                           "SELECT actor_id, text, NULL, NULL FROM actor_aliases").fetchall():
        for value in row:
            if value:
                words |= {value, value.lower(), value.upper(), value.split()[-1]}
    words |= {"no such actor", "Zelenskyy", "Türkiye", "TÜRKIYE", "x"}
    assert len(words) > 100
    for word in sorted(words):
        sql = sorted(con.execute(f"SELECT {search.SUMMARISED_ACTOR_IDS}",
                                 [word] * search.ACTOR_IDS_PARAMS).fetchone()[0] or [])
        assert index.named(con, word) == sql, word
    prefixes = {c[:n] for (c,) in con.execute("SELECT code FROM actor_forms WHERE code IS NOT NULL").fetchall()
                for n in (1, 3, 6)} | {"usa", "ZZZ", "İ"}
    for prefix in sorted(prefixes):
        sql = sorted(con.execute("SELECT coalesce(list(DISTINCT actor_id), []::VARCHAR[]) FROM actor_forms "
                                 "WHERE starts_with(upper(code), upper(?))", [prefix]).fetchone()[0])
        assert index.coded(con, prefix) == sql, prefix
    con.close()


def test_serve_with_several_workers(web_db, tmp_path):
    import httpx

    from whodid.web.server import free_port

    whodid = [sys.executable, "-m", "whodid", "serve", "--db", str(web_db)]
    refused = subprocess.run(whodid + ["--workers", "2"], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "--read-only" in refused.stderr
    port = free_port()
    import os

    server = subprocess.Popen(whodid + ["--read-only", "--workers", "2", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "TMPDIR": str(tmp_path)})  # (where the answers are shared)
    try:
        deadline, health = time.monotonic() + 120, None
        while time.monotonic() < deadline and health is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).json()
            except httpx.TransportError:
                time.sleep(0.3)
        assert health and health["read_only"] is True and health["events"] > 0
        statuses = {httpx.get(f"http://127.0.0.1:{port}/api/events", params={"limit": 1}).status_code
                    for _ in range(10)}
        assert statuses == {200}
        shared, = tmp_path.glob("whodid-answers-*")  # the run's shared answers
        assert any(shared.iterdir())
    finally:
        server.terminate()
        server.wait(30)
    assert not list(tmp_path.glob("whodid-answers-*"))  # removed with the run


def test_a_database_summarised_before_place_keys_and_event_reports_reads_the_tables_until_its_next_write(
        writable_db):
    """A database whose summaries predate place_keys and event_reports is not fresh: its places pages
    and events by reports come from the tables themselves, the same rows; its next refresh fills both."""
    con = duckdb.connect(str(writable_db))
    # (clusters of several articles, and their reports kept as linking keeps them)
    con.execute("UPDATE event_clusters SET num_articles = 2 + cluster_id % 3 WHERE cluster_id % 4 = 0")
    _keep_reports(con, [], [c for (c,) in con.execute("SELECT cluster_id FROM event_clusters").fetchall()])

    def reported(cur) -> list:
        return [[(r["article_sha1"], r["idx"], r["cluster_id"], r["reports"]) for r in
                 queries._events(cur, queries.EventFilter(has_party=has_party), "reports", descending, 20, 0)["items"]]
                for has_party in (False, True) for descending in (True, False)]

    assert summaries.fresh(con)
    places, reports = _place_pages(con, tables.PLACES), reported(con)
    assert any(r[3] and r[3] >= 2 for r in reports[0])
    con.execute("DROP TABLE place_keys")
    con.execute("DROP TABLE event_reports")
    assert not summaries.fresh(con) and not tables.PLACES.picked_from(con, PLACE_VIEWS[0], "published")
    assert _place_pages(con, tables.PLACES) == places and reported(con) == reports
    assert summaries.refresh(con) == 0 and summaries.fresh(con)  # (no new article: the two tables filled)
    kept, live = _reports(con)
    assert kept == live and kept
    assert con.execute("SELECT count(*) FROM place_keys").fetchone()[0] == con.execute(
        "SELECT count(*) FROM places").fetchone()[0]
    assert _place_pages(con, tables.PLACES) == places and reported(con) == reports
    con.close()


def test_event_reports_made_before_its_event_columns_is_made_anew(writable_db):
    """A database whose event_reports predates the event columns it now carries (row id, type, day...):
    it is not fresh, events by reports come from the tables (the same pages), linking leaves the old
    table alone, and the next refresh makes it anew with every linked event's columns."""
    con = duckdb.connect(str(writable_db))
    con.execute("UPDATE event_clusters SET num_articles = 2 + cluster_id % 3 WHERE cluster_id % 4 = 0")
    _keep_reports(con, [], [c for (c,) in con.execute("SELECT cluster_id FROM event_clusters").fetchall()])

    def reported(cur) -> list:
        return [[(r["article_sha1"], r["idx"], r["reports"]) for r in
                 queries._events(cur, queries.EventFilter(has_party=has_party), "reports", descending, 20, 0)["items"]]
                for has_party in (False, True) for descending in (True, False)]

    assert summaries.fresh(con)
    pages = reported(con)
    assert queries._reported_keys(con, queries.EventFilter(), True, 20, 0) is not None
    # the table as web-cold6 made it
    con.execute("CREATE OR REPLACE TABLE event_reports AS SELECT article_sha1, idx, cluster_id, reports "
                "FROM event_reports")
    assert not summaries.fresh(con)
    assert queries._reported_keys(con, queries.EventFilter(), True, 20, 0) is None and reported(con) == pages
    _keep_reports(con, [("no-such-article", 0, 1)], [1])  # (left alone: no error, no row)
    assert con.execute("SELECT count(*) FROM event_reports WHERE article_sha1 = 'no-such-article'").fetchone()[0] == 0
    assert summaries.refresh(con) == 0 and summaries.fresh(con)
    kept, live = _reports(con)
    assert kept == live and kept
    assert con.execute("""SELECT count(*) FROM event_reports r JOIN events e ON e.article_sha1 = r.article_sha1
                          AND e.idx = r.idx WHERE r.event_rowid = e.rowid AND r.type = e.type
                          AND r.day IS NOT DISTINCT FROM e.day""").fetchone()[0] == len(kept)
    assert reported(con) == pages
    con.close()


def test_events_read_their_reports_by_row_id_and_by_key_where_the_row_id_is_off(writable_db):
    """An events page reads its events' clusters and reports from event_reports by the row id each row
    there carries, checked against the event's key; the events whose row id is off (as after rows were
    deleted and the table compacted) are read by key: the same clusters and reports either way."""
    con = duckdb.connect(str(writable_db))
    con.execute("UPDATE event_clusters SET num_articles = 2 + cluster_id % 3 WHERE cluster_id % 4 = 0")
    _keep_reports(con, [], [c for (c,) in con.execute("SELECT cluster_id FROM event_clusters").fetchall()])

    def pages(cur) -> list:
        out = []
        for flt in (queries.EventFilter(has_party=True), queries.EventFilter(actor="RUS"), queries.EventFilter()):
            for sort in ("date", "score"):
                out.append([(r["article_sha1"], r["idx"], r["cluster_id"], r["reports"]) for r in
                            queries._events(cur, flt, sort, True, 50, 0)["items"]])
            out.append([(r["article_sha1"], r["idx"], r["cluster_id"], r["reports"]) for r in
                        queries.events_stream(cur, con.cursor(), flt, "score", True, 50, 7)])
        return out

    assert summaries.fresh(con)
    right = pages(con)
    assert sum(r[3] is not None for page in right for r in page) > 20 and any(r[3] and r[3] > 1 for page in right
                                                                               for r in page)
    con.execute("UPDATE event_reports SET event_rowid = event_rowid + 1 WHERE idx % 2 = 0")
    assert summaries.fresh(con) and pages(con) == right
    con.close()


def test_pages_take_what_their_picking_rows_carry_as_a_second_read_gives_it(writable_db, monkeypatch):
    """A places page read by row id takes each row's events from the place_keys row that picked it,
    and an events page sorted by reports its events' clusters and reports from the event_reports rows
    that picked it, instead of reading them again: the same pages as that second read gives (the
    places page's events from place_keys joined by row id and key, the events' reports by
    ``_clusters``), in every order and filter tried, also where the row-id hints are off (rows not
    matched by row id and key are read by key)."""
    con = duckdb.connect(str(writable_db))
    con.execute("UPDATE event_clusters SET num_articles = 2 + cluster_id % 3 WHERE cluster_id % 4 = 0")
    _keep_reports(con, [], [c for (c,) in con.execute("SELECT cluster_id FROM event_clusters").fetchall()])
    assert summaries.fresh(con)
    places = tables.TABLES["places"]
    # the second read, as it was: place_keys joined to the page's places by row id and key
    second = places.by_row_id.replace("NULL::BIGINT AS events, p.row_id", "k.events, p.row_id") + \
        f""" JOIN (SELECT * FROM place_keys WHERE row_id IN {tables.ROWS}) k
             ON k.row_id = p.row_id AND k.article_sha1 = p.article_sha1 AND k.idx = p.idx"""
    n = con.execute("SELECT count(*) FROM place_keys").fetchone()[0]
    assert n > 20 and con.execute("SELECT count(*) FROM place_keys WHERE events > 0").fetchone()[0]
    views = [tables.View(limit=limit, offset=offset, descending=descending, sort=sort, filters=filters)
             for limit, offset in ((50, 0), (7, 3), (5, n - 2))
             for descending in (True, False) for sort in (None, "events", "name")
             for filters in ({}, {"events": "1"}, {"feature": "PPLC"})]
    flt = [queries.EventFilter(), queries.EventFilter(has_party=True), queries.EventFilter(min_confidence=0.5)]
    complete = queries._complete_events

    def pages(carrying: bool) -> list:
        cur = Reading(con.cursor(), Answers())
        if not carrying:
            monkeypatch.setattr(tables, "PLACES", dataclasses.replace(places, by_row_id=second, carried=()))
            monkeypatch.setattr(queries, "_complete_events", lambda cur, items, known=None: complete(cur, items))
        try:
            out = [tables._browse(cur, tables.PLACES, view) for view in views]
            out += [queries._events(cur, f, "reports", d, limit, offset) for f in flt for d in (True, False)
                    for limit, offset in ((50, 0), (3, 1))]
        finally:
            monkeypatch.undo()
        return out

    for off in (False, True):
        if off:  # (hints off: every other row's row id no longer its own)
            con.execute("UPDATE place_keys SET row_id = row_id + 1 WHERE idx % 2 = 0")
            con.execute("UPDATE event_reports SET event_rowid = event_rowid + 1 WHERE idx % 2 = 0")
            assert summaries.fresh(con)
        carried = pages(True)
        assert carried == pages(False)
        assert sum(r["events"] > 0 for page in carried[:len(views)] for r in page["items"]) > 3
        assert sum(r["reports"] is not None for page in carried[len(views):] for r in page["items"]) > 10
    con.close()


def test_an_event_whose_article_is_not_stored_is_paged_from_the_events_table(writable_db):
    """event_days holds the events of stored articles only (the summaries' unit): an event inserted by
    hand without its article is in no summary, so while there is one, pages of events filtered by their
    own columns are picked from the events table (the same rows the plain query gives), not event_days."""
    con = duckdb.connect(str(writable_db))
    cur = Reading(con.cursor(), Answers())
    flt = queries.EventFilter(has_party=True)
    assert summaries.fresh(con) and queries._narrow(cur, flt) is not None
    first = queries.events(cur, flt, "date", True, 5, 0)["items"]
    con.execute("""INSERT INTO events SELECT * REPLACE ('no-such-article' AS article_sha1, DATE '2999-01-01' AS day)
                   FROM events WHERE len(actor) > 0 LIMIT 1""")
    cur = Reading(con.cursor(), Answers())  # (a new write state)
    assert summaries.fresh(con) and queries._narrow(cur, flt) is None
    page = queries.events(cur, flt, "date", True, 5, 0)
    assert page["items"][0]["article_sha1"] == "no-such-article" and page["items"][0]["article_id"] is None
    assert [(r["article_sha1"], r["idx"]) for r in page["items"][1:]] == \
        [(r["article_sha1"], r["idx"]) for r in first[:4]]
    assert page["total"] == con.execute("SELECT count(*) FROM events WHERE len(actor) > 0 OR len(recipient) > 0"
                                        ).fetchone()[0]
    con.close()


def _hints_off(con) -> dict:
    """Per summary, how many of its rows' row-id hints are not the row id of their item (by key)."""
    return {table: con.execute(f"""SELECT count(*) FROM {table} s LEFT JOIN {items} i
                                   ON i.article_sha1 = s.article_sha1 AND i.idx = s.idx
                                   WHERE s.{column} IS DISTINCT FROM i.rowid""").fetchone()[0]
            for table, (column, items) in summaries.HINTS.items()}


def test_row_id_hints_are_the_committed_row_ids_after_ingest_and_heal_after_a_crash(writable_db, tmp_path):
    """The summaries' row-id hints (actor_events, event_reports, event_days, the key tables) are taken
    in the write's transaction, where new rows have temporary row ids: the write fixes them once it has
    committed, so after ``whodid ingest`` each is its row's row id. Hints left temporary (a crash
    between the two steps, or a database written before) give the same pages, and the next write or
    a writable app fixes them all; a fix that meets another writer's changes gives up, harmlessly."""
    con = duckdb.connect(str(writable_db))
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in summaries.HINTS}
    assert all(counts.values()), counts
    assert _hints_off(con) == dict.fromkeys(summaries.HINTS, 0)
    right = _normalised(_answers_of(con))
    # as a crash before the fix leaves them (and as every database written before it has them)
    for table, (column, _) in summaries.HINTS.items():
        con.execute(f"UPDATE {table} SET {column} = {column} + {summaries.TEMPORARY_ROW_IDS}")
    assert all(_hints_off(con).values())
    assert _normalised(_answers_of(con)) == right
    # another writer changing the same rows at once: the fix is rolled back, nothing is half-done
    other = con.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE event_days SET event_rowid = event_rowid WHERE idx = 0")
    assert summaries.fix_hints(con) == 0 and all(_hints_off(con).values())
    other.execute("ROLLBACK")
    con.close()
    # the app opened writable (`whodid serve` without --read-only) fixes them
    from whodid.web.database import Database

    app_db = Database(writable_db)
    assert _hints_off(app_db._con) == dict.fromkeys(summaries.HINTS, 0)
    for table, (column, _) in summaries.HINTS.items():
        app_db._con.execute(f"UPDATE {table} SET {column} = {column} + {summaries.TEMPORARY_ROW_IDS}")
    app_db.close()
    # and so does the next `whodid ingest`: the hints of its own rows and the ones left before
    corpus = tmp_path / "more.jsonl"
    corpus.write_text(json.dumps({"id": "istanbul-3", "title": "Talks", "text": ISTANBUL,
                                  "published": "2022-04-03"}) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "whodid", "ingest", str(corpus), "--db", str(writable_db)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    con = duckdb.connect(str(writable_db), read_only=True)
    assert con.execute("SELECT count(*) FROM event_days WHERE article_sha1 = "
                       "(SELECT sha1 FROM articles WHERE id = 'istanbul-3')").fetchone()[0] > 0
    assert _hints_off(con) == dict.fromkeys(summaries.HINTS, 0)
    con.close()


def _out_of_order(con, since: int = 0) -> int:
    """actor_events' rows (from row ``since`` on) stored after a row of a greater (sort key, side, ev)."""
    return con.execute("""SELECT count(*) FROM (SELECT rowid AS r, (sort_key, as_actor, ev) AS k,
                                                 lag((sort_key, as_actor, ev)) OVER (ORDER BY rowid) AS before
                                          FROM actor_events) WHERE r > ? AND before > k""", [since]).fetchone()[0]


def _pairs_out_of_order(con) -> int:
    """pair_events' rows stored after a row of a greater (source key, target key, ev)."""
    return con.execute("""SELECT count(*) FROM (SELECT (source_key, target_key, ev) AS k,
                                                 lag((source_key, target_key, ev)) OVER (ORDER BY rowid) AS before
                                          FROM pair_events) WHERE before > k""").fetchone()[0]


def _keys_right(con) -> None:
    """Every actor_events row carries its actor's one key, which begins with one of the actor's codes
    (its most frequent when first summarised), and every pair_events row its two actors' keys."""
    assert con.execute("""SELECT count(*) FROM actor_events e LEFT JOIN actor_order o USING (actor_id)
                          WHERE o.sort_key IS DISTINCT FROM e.sort_key""").fetchone()[0] == 0
    assert con.execute("""SELECT count(*) FROM actor_order o JOIN actor_summary s USING (actor_id)
                          WHERE s.code IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM actors a WHERE a.actor_id = o.actor_id
                              AND starts_with(o.sort_key, upper(a.code) || '|'))""").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM pair_events WHERE source_key NOT IN (SELECT sort_key FROM actor_order) "
                       "OR target_key NOT IN (SELECT sort_key FROM actor_order)").fetchone()[0] == 0
    # one pair_events row per (actor id, recipient id, event), no more
    assert con.execute("SELECT count(*) FROM pair_events").fetchone()[0] == con.execute(
        """SELECT count(*) FROM (SELECT DISTINCT a.id, r.id, e.article_sha1, e.idx FROM events e,
           unnest(e.actor) AS a(id), unnest(e.recipient) AS r(id)
           WHERE a.id IS NOT NULL AND r.id IS NOT NULL)""").fetchone()[0]
    assert con.execute("SELECT count(DISTINCT (source_key, target_key, ev)) FROM pair_events").fetchone()[0] == \
        con.execute("SELECT count(*) FROM pair_events").fetchone()[0]


def _ingest_one(db, tmp_path, article_id: str) -> None:
    from whodid.batch import ingest_corpus

    corpus = tmp_path / f"{article_id}.jsonl"
    # (a text of its own: a stored text is not stored again)
    text = f"{ISTANBUL} The talks, called {article_id.replace('-', ' ')}, ended on Friday."
    corpus.write_text(json.dumps({"id": article_id, "title": "Talks", "text": text,
                                  "published": "2022-04-05"}) + "\n", encoding="utf-8")
    with Store(db) as store:
        assert ingest_corpus([corpus], store).counts["stored"] == 1


def test_actor_events_stay_in_key_order_after_each_ingest(writable_db, tmp_path, monkeypatch):
    """actor_events is kept sorted by its actors' keys (code, then id), so an actor code's or a
    country's rows are a few row groups: an ingest that added SORT_RUN_ROWS rows or more sorts the
    whole table again after its writes, when its tail reaches SORT_TAIL_ROWS and SORT_TAIL_SHARE of
    it; shorter tails stay after the sorted rows, each batch in order. Pages answer as the tables
    do, and the row-id hints stay right, after each re-sort."""
    con = duckdb.connect(str(writable_db), read_only=True)
    _keys_right(con)
    sorted_rows, = con.execute("SELECT sorted_rows FROM summary_sorted WHERE name = 'actor_events'").fetchone()
    assert _out_of_order(con, since=sorted_rows) == 0 or sorted_rows == 0
    con.close()
    # a short tail (the default threshold, one article): left after the sorted rows, in order itself
    _ingest_one(writable_db, tmp_path, "istanbul-order-1")
    con = duckdb.connect(str(writable_db), read_only=True)
    rows, = con.execute("SELECT count(*) FROM actor_events").fetchone()
    tail = con.execute("SELECT sorted_rows FROM summary_sorted WHERE name = 'actor_events'").fetchone()[0]
    assert tail < rows and _out_of_order(con, since=tail) == 0
    con.close()
    # a tail reaching the threshold, by a run large enough: the whole table sorted again, after an
    # ingest and after a second
    monkeypatch.setattr(summaries, "SORT_TAIL_ROWS", 1)
    monkeypatch.setattr(summaries, "SORT_TAIL_SHARE", 0)
    monkeypatch.setattr(summaries, "SORT_RUN_ROWS", 1)
    for n in (2, 3):
        _ingest_one(writable_db, tmp_path, f"istanbul-order-{n}")
        con = duckdb.connect(str(writable_db), read_only=True)
        rows, = con.execute("SELECT count(*) FROM actor_events").fetchone()
        pairs, = con.execute("SELECT count(*) FROM pair_events").fetchone()
        sorted_rows = dict(con.execute("SELECT name, sorted_rows FROM summary_sorted").fetchall())
        assert (sorted_rows["actor_events"], sorted_rows["pair_events"]) == (rows, pairs)
        # (and every summary the writes keep in order: event_days, the key summaries; event_reports
        # too, but linking then adds the write's linked events after it and updates their clusters'
        # reports, in a transaction of its own: in order again at the next sort or `whodid optimize`)
        assert set(sorted_rows) == set(summaries.SORTED_BY_WRITES)
        assert [n for n in summaries.SORTED_BY_WRITES if not summaries.in_order(con, n)] in ([], ["event_reports"])
        assert summaries.in_order(con, "event_days") and summaries.in_order(con, "quote_keys")
        assert _out_of_order(con) == 0 and _pairs_out_of_order(con) == 0
        _keys_right(con)
        assert con.execute("SELECT count(*) FROM actor_events WHERE article_sha1 = "
                           f"(SELECT sha1 FROM articles WHERE id = 'istanbul-order-{n}')").fetchone()[0] > 0
        assert _hints_off(con) == dict.fromkeys(summaries.HINTS, 0)
        assert queries.EventFilter(actor_code="RUS").resolved(con).by_party(con) is not None
        answers = _normalised(_answers_of(con))
        con.close()
        assert answers == _normalised(_without_summaries(writable_db)) if n == 3 else True


def test_a_small_write_past_the_re_sort_point_rewrites_no_summary(writable_db, tmp_path, monkeypatch):
    """Every summary's unsorted tail past the point where it is put back in order (its whole table,
    with a re-sort due at one row): an article pasted and stored through the app's /api/analyze and
    an ingest of one file rewrite no summary (``summaries.rewrite`` is never called, every
    ``summary_sorted`` record stays where it was), since neither run added a row group's worth
    (SORT_RUN_ROWS); the pages answer the same before `whodid optimize` puts the summaries back in
    order and after."""
    import httpx

    from whodid.store import layout
    from whodid.web.app import create_app
    from whodid.web.server import running

    rewritten = []
    rewrite = summaries.rewrite
    monkeypatch.setattr(summaries, "rewrite", lambda con, name: (rewritten.append(name), rewrite(con, name))[1])
    monkeypatch.setattr(summaries, "SORT_TAIL_ROWS", 1)
    monkeypatch.setattr(summaries, "SORT_TAIL_SHARE", 0)
    assert summaries.SORT_RUN_ROWS >= 100_000  # (a row group: far more than one article adds)
    con = duckdb.connect(str(writable_db))
    assert set(summaries.rows_of(con)) == set(summaries.SORTED_BY_WRITES)
    con.execute("UPDATE summary_sorted SET sorted_rows = 0")
    records = dict(con.execute("SELECT name, sorted_rows FROM summary_sorted").fetchall())
    assert set(summaries.SORTED_BY_WRITES) <= set(records)
    rows = summaries.rows_of(con)
    con.close()

    app = create_app(writable_db)
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as c:
        assert c.post("/api/analyze", params={"store": "true"},
                      json={"text": ISTANBUL, "id": "istanbul-pasted", "published": "2022-04-03"}).json()["stored"]
    app.state.db.close()
    _ingest_one(writable_db, tmp_path, "istanbul-small-1")
    con = duckdb.connect(str(writable_db), read_only=True)
    grown = summaries.rows_of(con)
    assert rewritten == []
    assert dict(con.execute("SELECT name, sorted_rows FROM summary_sorted").fetchall()) == records
    assert all(grown[n] >= rows[n] for n in rows) and grown["event_days"] > rows["event_days"]
    assert summaries.fresh(con)
    before = _normalised(_answers_of(con))
    con.close()

    layout.optimize(writable_db)  # (the tails in order again: some summary out of order was rewritten)
    assert rewritten
    con = duckdb.connect(str(writable_db), read_only=True)
    assert [n for n in summaries.SORTED if not summaries.in_order(con, n)] == []
    assert _normalised(_answers_of(con)) == before
    con.close()


def test_actor_events_of_a_database_summarised_before_its_order_is_sorted_on_its_next_write(writable_db, tmp_path):
    """A database whose actor_events predates its order (no sort key, rows in ingest order) is not
    fresh: pages come from the tables; its next write makes actor_events anew, in key order."""
    con = duckdb.connect(str(writable_db))
    con.execute("DROP TABLE actor_order")
    con.execute("DROP TABLE summary_sorted")
    con.execute("CREATE TABLE old AS SELECT * EXCLUDE (sort_key) FROM actor_events ORDER BY ev, as_actor, actor_id")
    con.execute("DROP TABLE actor_events")
    con.execute("ALTER TABLE old RENAME TO actor_events")
    assert not summaries.fresh(con)
    assert queries.EventFilter(actor="RUS").resolved(con).by_party(con) is None
    con.close()
    _ingest_one(writable_db, tmp_path, "istanbul-order-old")
    con = duckdb.connect(str(writable_db), read_only=True)
    assert summaries.fresh(con)
    rows, = con.execute("SELECT count(*) FROM actor_events").fetchone()
    assert rows == con.execute("""SELECT count(*) FROM (SELECT DISTINCT a.actor_id, e.article_sha1, e.idx FROM events e,
                                  unnest(e.actor) AS a(actor_id) WHERE a.actor_id IS NOT NULL
                                  UNION ALL SELECT DISTINCT r.actor_id, e.article_sha1, e.idx FROM events e,
                                  unnest(e.recipient) AS r(actor_id) WHERE r.actor_id IS NOT NULL)""").fetchone()[0]
    sorted_rows, = con.execute("SELECT sorted_rows FROM summary_sorted WHERE name = 'actor_events'").fetchone()
    # (made anew for the articles summarised before, then the write's own article: sorted as a whole)
    assert sorted_rows == rows and _out_of_order(con) == 0
    _keys_right(con)
    assert _hints_off(con) == dict.fromkeys(summaries.HINTS, 0)
    answers = _normalised(_answers_of(con))
    con.close()
    assert answers == _normalised(_without_summaries(writable_db))


@pytest.mark.parametrize("name", ["quotes", "checks", "places"])
def test_first_rows_read_from_the_last_date_they_reach_equal_the_whole_order(writable_db, monkeypatch, name):
    """An unfiltered quotes, checks or places page sorted by publication is sliced from the first
    FIRST_ROWS keys, picked as the rows up to the FIRST_ROWS-th row's date (ties with it included)
    sorted by every key: the same keys as the whole table's order, in either direction, wherever that
    last date falls; and the pages so sliced are the pages the keys summary gives without them."""
    con = duckdb.connect(str(writable_db), read_only=True)
    assert summaries.fresh(con)
    table = tables.TABLES[name]
    n, dates = con.execute(f"SELECT count(*), count(DISTINCT published) FROM ({table.picks})").fetchone()
    assert n > 10 and dates < n  # (rows share their article's date: the last date is often a tie)
    keys = ", ".join(k.strip() for k in table.tiebreak.split(","))
    for first in (1, 2, 5, n // 2, n - 1, n, n + 3):
        monkeypatch.setattr(tables, "FIRST_ROWS", first)
        for descending in (True, False):
            also = "".join(f", t.{c}" for c in table.carried)
            whole = con.execute(f"SELECT {keys}, t.row_id{also} FROM ({table.picks}) t ORDER BY t.published "
                                f"{'DESC' if descending else 'ASC'} NULLS LAST, {keys} LIMIT ?", [first]).fetchall()
            for offset, limit in ((0, 1), (0, min(first, n)), (min(first, n) // 2, 2)):
                if offset + limit > min(first, n):
                    continue
                got = tables._first_rows(con, table, tables.View(limit=limit, offset=offset), "published", descending)
                assert got == whole[offset:offset + limit], (first, descending, offset, limit)
    for descending in (True, False):  # the pages, sliced from the first rows and picked without them
        views = [tables.View(limit=limit, offset=offset, descending=descending)
                 for limit, offset in ((1, 0), (3, 2), (50, 0), (7, n - 3), (5, n + 1))]
        monkeypatch.setattr(tables, "FIRST_ROWS", n // 2)
        sliced = [tables._browse(con, table, view) for view in views]
        monkeypatch.setattr(tables, "_first_rows", lambda *a: None)
        assert sliced == [tables._browse(con, table, view) for view in views]
        monkeypatch.undo()
    con.close()
