"""End-to-end in headless Chromium (Debian's, driven by Playwright): every page
loads, a filter works, an event opens, and stored markup never runs.
Screenshots land in test-artifacts/."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from hostile import HOSTILE_ID


def clean(page):
    assert page.errors == [], page.errors
    assert page.dialogs == [], page.dialogs


def test_reader_marks_actors_quotes_events_and_places(page, base_url):
    page.goto(f"{base_url}/articles/russia-ukraine-talks")
    text = page.locator("#article-text")
    expect(text).to_contain_text("Dmitry Peskov")
    mentions = text.locator(".mention")
    assert mentions.count() > 30
    assert "Peskov" in mentions.all_inner_texts()
    assert text.locator(".quote").count() > 5 and text.locator(".place").count() > 0
    # quotes of different speakers get different colours
    colours = {page.eval_on_selector(f".speakers li:nth-child({i}) .quote", "e => getComputedStyle(e).backgroundColor")
               for i in (1, 2)}
    assert len(colours) == 2
    # hovering a trigger shows its event
    trigger = text.locator(".trigger").first
    trigger.hover()
    card = page.locator("#detail .event-card")
    expect(card).to_contain_text("actor → recipient")
    expect(card).to_contain_text("modality")
    # hovering a quote shows its speaker
    text.locator(".quote.spk0").first.hover()
    expect(page.locator("#detail .quote-card")).to_contain_text("speaker")
    # the side panel lists events and checks; clicking one marks its trigger in the text
    events = page.locator("#event-list .event")
    assert events.count() > 10
    events.nth(3).click()
    expect(page.locator("#article-text .trigger.selected").first).to_be_visible()
    expect(page.locator("#check-list")).to_contain_text("Manuel Macron")
    clean(page)


def test_pair_timeline(sized_page, base_url, client):
    page = sized_page
    page.goto(f"{base_url}/pair?a=USA&b=RUS&bucket=month&min_confidence=0")
    status = page.locator("#pair-status")
    expect(status).to_contain_text("events between USA and RUS")
    api = client.get("/api/pair", params={"a": "USA", "b": "RUS", "bucket": "month", "min_confidence": 0}).json()
    # every event counted: those dated by the text, by publication, and with no date at all
    assert status.inner_text().startswith(f"{api['events']} events")
    assert api["events"] == client.get("/api/events", params={"actor": "USA", "recipient": "RUS", "either_way": True,
                                                               "min_confidence": 0, "limit": 1}).json()["total"]
    assert api["dated"] + api["undated"]["events"] == api["events"]
    # periods are continuous: one bar per month from the first to the last, empty months too
    bars = page.locator("#pair-chart svg a.period:not(.undated)")
    first, last = api["periods"][0]["period"], api["periods"][-1]["period"]
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    assert bars.count() == months
    assert page.locator("#pair-table tbody tr:not(.undated-row)").count() == len([p for p in api["periods"] if p["events"]])
    assert page.locator("#pair-mix tbody tr").count() == len(api["types"]) > 0
    no_overflow = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_overflow
    # a bar opens the events behind it, as many as it counts
    busiest = max(range(len(api["periods"])), key=lambda i: api["periods"][i]["events"])
    bars.nth(busiest).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events\?.*either_way=true"))
    expect(page.locator("#event-status")).to_contain_text(f"{api['periods'][busiest]['events']} events")
    page.go_back()
    page.fill("input[name=b]", "nobody-at-all")
    page.click("#pair-form button")
    expect(page.locator("#pair-status")).to_contain_text("0 events")
    expect(page.locator("#pair-status")).to_contain_text("no actor goes by nobody-at-all")
    clean(page)


def test_network_links_to_actor_pages(sized_page, base_url, client):
    page = sized_page
    page.goto(f"{base_url}/network?min_confidence=0")
    status = page.locator("#network-status")
    expect(status).to_contain_text("edges")
    api = client.get("/api/network", params={"min_confidence": 0, "top": 40, "limit": 500}).json()
    assert page.locator("#network svg path.edge").count() == len(api["edges"]) > 3
    assert page.locator("#network svg a.node").count() == len(api["nodes"])
    widths = {float(w) for w in page.eval_on_selector_all("path.edge", "es => es.map(e => e.getAttribute('stroke-width'))")}
    assert len(widths) > 1  # edge width follows the event count
    assert page.locator("path.edge.edge-conflict").count() > 0 and page.locator("path.edge.edge-coop").count() > 0
    expect(page.locator("#network-legend")).to_contain_text("mostly conflict")
    # standing labels do not overlap one another
    boxes = page.eval_on_selector_all("a.node.named text", "ts => ts.map(t => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })")
    overlaps = sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3])
    assert len(boxes) >= 5 and overlaps == 0, f"{overlaps} of {len(boxes)} labels overlap"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("#network svg a.node", has_text="Vladimir Putin").locator("circle").click()
    page.wait_for_url(re.compile(r"/actors/Q7747$"))
    expect(page.locator("#actor-name")).to_have_text("Vladimir Putin")
    expect(page.locator("main")).to_contain_text("President of Russia")
    clean(page)


def test_network_honours_min_events_in_the_address(page, base_url, client):
    page.goto(f"{base_url}/network?min_events=2&min_confidence=0")
    expect(page.locator("input[name=min_events]")).to_have_value("2")
    expect(page.locator("#network-status")).to_contain_text("at least 2 events")
    api = client.get("/api/network", params={"min_events": 2, "min_confidence": 0, "top": 40, "limit": 500}).json()
    assert page.locator("#network svg path.edge").count() == len(api["edges"])
    assert all(e["events"] >= 2 for e in api["edges"])
    clean(page)


def test_map_basemap_clusters_and_events_on_click(sized_page, base_url, client, sql):
    page = sized_page
    page.goto(f"{base_url}/map")
    status = page.locator("#map-status")
    expect(status).to_contain_text("places with coordinates")
    total = sql("""SELECT count(DISTINCT coalesce(CAST(geonames_id AS VARCHAR), name)) FROM places
                   WHERE lat IS NOT NULL AND lon IS NOT NULL""")[0][0]
    assert status.inner_text().startswith(f"{total} places with coordinates")
    # the basemap: Natural Earth's countries, from the app itself (the fixture fails any other request)
    assert page.locator("#map svg path.country").count() > 150
    circles = page.locator("#map svg g.place-dot")
    assert 3 < circles.count() <= total
    in_circles = sum(int(c.locator("text.cluster-count").text_content()) if c.locator("text.cluster-count").count() else 1
                     for c in circles.all())
    assert in_circles == total
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # a place's events on click (keyboard too)
    milove = page.locator("#map svg g.place-dot", has=page.locator("title", has_text="Milove"))
    milove.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#place-detail")).to_contain_text("Milove")
    expect(page.locator("#place-detail .place-events li").first).to_contain_text("→")
    clean(page)


def test_map_says_when_it_shows_only_some_places(page, base_url, client):
    capped = client.get("/api/places", params={"limit": 3}).json()
    assert len(capped["items"]) == 3 < capped["total"]
    page.goto(f"{base_url}/map?limit=3")
    expect(page.locator("#map-status")).to_contain_text(f"3 places with coordinates shown of {capped['total']}: "
                                                        "the 3 with the most events")
    clean(page)


def test_lists_and_api_docs(page, base_url):
    page.goto(f"{base_url}/actors?q=Peskov")
    expect(page.locator("#actors-table")).to_contain_text("Dmitry Peskov")
    page.goto(f"{base_url}/articles?q=Jeddah")
    expect(page.locator("#articles-table tbody tr")).to_have_count(1)
    page.goto(f"{base_url}/api-docs")
    expect(page.locator("main")).to_contain_text("GET /api/events")
    expect(page.locator("main")).to_contain_text("maximum: 500")
    clean(page)


def test_stored_script_and_handlers_never_run(page, base_url):
    for path in (f"/articles/{HOSTILE_ID}", "/articles", "/events?actor=RUS", "/actors/Q7747", "/quotes", "/places",
                 "/checks", "/actors", "/events?min_confidence=0&all_rows=true", "/articles?source=x"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("img[src=x]").count() == 0, path
    page.goto(f"{base_url}/articles/{HOSTILE_ID}")
    # the markup shows as the literal text it is
    expect(page.locator("#article-title")).to_contain_text('<script>window.__pwned = "title"')
    expect(page.locator("#article-text")).to_contain_text('<img src=x onerror=')
    for span in page.locator("#article-text span").all()[:20]:
        span.hover()
    assert page.locator("#article-text a").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.goto(f"{base_url}/articles")
    expect(page.locator("#articles-table")).to_contain_text("<script>window.__pwned")
    expect(page.locator("#facets")).to_contain_text('<b onclick="alert(4)">src</b>')
    clean(page)
