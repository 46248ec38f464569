"""Search as an analyst types it: an actor by any name, surname, alias or code, with
autocomplete; articles by whole words, not raw substrings."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def events(client, **params):
    return client.get("/api/events", params={"min_confidence": 0, "limit": 1, **params}).json()["total"]


def test_an_actor_by_surname_full_name_or_id_gives_the_same_events(client):
    full = events(client, actor="Vladimir Putin")
    assert full > 0
    assert events(client, actor="Putin") == events(client, actor="putin") == events(client, actor="Q7747") == full


def test_a_country_by_name_or_code_gives_the_same_events(client):
    by_code = events(client, actor="RUS")
    assert by_code > 0 and events(client, actor="Russia") == by_code
    assert client.get("/api/resolve/actor", params={"q": "Russia"}).json()["ids"] == \
        client.get("/api/resolve/actor", params={"q": "RUS"}).json()["ids"]


def test_a_name_only_the_text_used_finds_its_actor(client, sql):
    # a surname as the text wrote it, for an actor whose stored name is longer
    surname, actor_id = sql("""SELECT m.text, m.actor_id FROM mentions m JOIN actors x USING (article_sha1, actor_id)
                               WHERE m.how = 'surname' AND lower(x.name) <> lower(m.text) LIMIT 1""")[0]
    assert actor_id in client.get("/api/resolve/actor", params={"q": surname}).json()["ids"]


def test_suggestions_come_from_names_codes_and_written_forms(client):
    items = client.get("/api/suggest/actors", params={"q": "pes"}).json()["items"]
    assert "Dmitry Peskov" in [x["name"] for x in items]
    assert "Russian government" in [x["name"] for x in client.get("/api/suggest/actors",
                                                                  params={"q": "rusgov"}).json()["items"]]


def test_articles_by_whole_words(client):
    def ids(q):
        return {a["id"] for a in client.get("/api/articles", params={"q": q, "limit": 500}).json()["items"]}
    assert "russia-ukraine-talks" in ids("Peskov")
    assert ids("Pesk") == set()  # a piece of a word is not a word
    assert ids("Pesk*") == ids("Peskov")
    assert ids("peskov macron") <= ids("Peskov") and ids("peskov macron") <= ids("Macron")


def test_autocomplete_in_the_browser_then_the_actors_events(page, base_url, sql):
    page.goto(f"{base_url}/actors")
    box = page.locator("input.actor-input")
    box.press_sequentially("Puti", delay=30)
    expect(page.locator("#actor-suggestions option[value='Vladimir Putin']")).to_have_count(1)
    box.fill("Putin")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/actors\?q=Putin"))
    expect(page.locator("#actors-table")).to_contain_text("Vladimir Putin")
    page.click("text=Their events as actor")
    page.wait_for_url(re.compile(r"/events\?actor=Putin"))
    expect(page.locator("#event-status")).to_contain_text("events")
    assert page.locator("#events-table tbody tr", has_text="Vladimir Putin").count() == \
        page.locator("#events-table tbody tr").count() > 0
    # the events page's actor field suggests too
    page.locator("input[name=recipient]").press_sequentially("Ukr", delay=30)
    expect(page.locator("#actor-suggestions option").first).to_have_attribute("value", re.compile("Ukrain"))
    assert page.errors == []
