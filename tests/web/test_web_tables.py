"""The events table and the tables of articles, quotes, places, checks and actors, in Chromium
at desktop and phone sizes: what they count equals SQL's count, filters and facets narrow them,
sort and page live in the address, the JSON and CSV links give the same view."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from whodid.export import DEFAULT_MIN_CONFIDENCE

TRUSTED_WITH_PARTY = f"""SELECT count(*) FROM events WHERE coalesce(confidence, 0) >= {DEFAULT_MIN_CONFIDENCE}
                         AND (len(actor) > 0 OR len(recipient) > 0)"""


def clean(page):
    assert page.errors == [], page.errors
    assert page.dialogs == [], page.dialogs


def fits(page):
    """No horizontal scroll of the page itself (a table's own scroller may scroll)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width}px wide in a {page.viewport_size['width']}px window"


def status_count(page, selector):
    text = page.locator(selector).inner_text()
    return int(re.match(r"\s*(\d+)", text).group(1))


def test_events_open_on_recent_events_with_a_party_and_the_trusted_confidence(sized_page, base_url, sql):
    page = sized_page
    page.goto(f"{base_url}/events")
    assert status_count(page, "#event-status") == sql(TRUSTED_WITH_PARTY)[0][0]
    expect(page.locator("input[name=min_confidence]")).to_have_value(str(DEFAULT_MIN_CONFIDENCE))
    rows = page.locator("#events-table tbody tr")
    assert rows.count() > 5
    # the most recent first: the first row's date is the latest date any shown event has
    latest = sql(f"""SELECT max(coalesce(try_cast(CASE length(e.date) WHEN 10 THEN e.date WHEN 7 THEN e.date || '-01'
                        WHEN 4 THEN e.date || '-01-01' END AS DATE), try_cast(left(a.published, 10) AS DATE)))
                     FROM events e JOIN articles a ON a.sha1 = e.article_sha1
                     WHERE coalesce(confidence, 0) >= {DEFAULT_MIN_CONFIDENCE} AND (len(actor) > 0 OR len(recipient) > 0)""")
    assert rows.first.locator("td").first.inner_text().startswith(latest[0][0].isoformat())
    # no row without actor and recipient; every row has its sentence, trigger link and article
    for text in page.locator("#events-table tbody tr td:nth-child(3)").all_inner_texts():
        assert not re.match(r"^\s*–\s*→\s*–\s*$", text), text
    first = rows.first
    sentence = first.locator("td.sentence").inner_text()
    assert len(sentence) > 30
    expect(first.locator("a.open-event")).to_have_attribute("href", re.compile(r"^/articles/[0-9a-f]{40}#event-\d+$"))
    assert page.locator("#events-table a.source-link").count() > 0
    assert page.locator("#events-table tbody td:nth-child(7)").all_inner_texts().count("") < rows.count()  # reports
    fits(page)
    clean(page)


def test_events_filters_sort_and_page_in_the_address(page, base_url, sql):
    page.goto(f"{base_url}/events?min_confidence=0")
    everything = status_count(page, "#event-status")
    page.select_option("select[name=quad_class]", "4")
    page.fill("input[name=actor_code]", "RUS")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"quad_class=4"))
    assert "actor_code=RUS" in page.url
    want = sql("""SELECT count(*) FROM events e WHERE e.quad_class = 4 AND (len(actor) > 0 OR len(recipient) > 0)
                  AND list_has_any(e.actor, (SELECT list(actor_id) FROM actors WHERE starts_with(code, 'RUS')))""")[0][0]
    assert 0 < status_count(page, "#event-status") == want < everything
    for text in page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts():
        assert "material conflict" in text
    # the JSON link gives the same view
    href = page.get_attribute("#json-link", "href")
    assert "quad_class=4" in href and "has_party=true" in href
    body = page.request.get(base_url + href).json()
    assert body["total"] == want
    assert "quad_class=4" in page.get_attribute("#csv-link", "href")
    # sort by score, ascending: in the address, and the rows follow
    page.click("th a[data-sort=score]")
    page.click("th a[data-sort=score]")
    page.wait_for_url(re.compile(r"sort=score&order=asc|order=asc.*sort=score|sort=score.*order=asc"))
    scores = [float(s) for s in page.locator("#events-table td:nth-child(5)").all_inner_texts() if s.strip()]
    assert scores == sorted(scores)
    clean(page)


def test_events_pages_and_score_filter(page, base_url, sql):
    page.goto(f"{base_url}/events?min_confidence=0&all_rows=true")
    total = sql("SELECT count(*) FROM events")[0][0]
    assert status_count(page, "#event-status") == total
    first_page = page.locator("#events-table tbody tr").all_inner_texts()
    page.click("#next")
    page.wait_for_url(re.compile(r"offset=50"))
    expect(page.locator("#page-info")).to_have_text(f"51–{min(100, total)} of {total}")
    assert set(page.locator("#events-table tbody tr").all_inner_texts()).isdisjoint(first_page)
    page.goto(f"{base_url}/events?min_confidence=0&all_rows=true&score_min=5")
    assert status_count(page, "#event-status") == sql("SELECT count(*) FROM events WHERE score >= 5")[0][0]
    clean(page)


TABLE_COUNTS = {"articles": "SELECT count(*) FROM articles", "quotes": "SELECT count(*) FROM quotes",
                "places": "SELECT count(*) FROM places", "checks": "SELECT count(*) FROM checks",
                "actors": "SELECT count(DISTINCT actor_id) FROM actors"}


def test_every_table_counts_as_sql_and_fits(sized_page, base_url, sql):
    page = sized_page
    for name, query in TABLE_COUNTS.items():
        page.goto(f"{base_url}/{name}")
        assert status_count(page, "#table-status") == sql(query)[0][0], name
        assert page.locator(f"#{name}-table tbody tr").count() == min(50, sql(query)[0][0])
        fits(page)
    clean(page)


def test_facets_filter_and_count(page, base_url, sql):
    page.goto(f"{base_url}/quotes")
    facet = page.locator(".facet", has=page.locator("h2", has_text="Kind")).locator("li").first
    value = facet.locator("a").inner_text()
    count = int(facet.locator(".count").inner_text())
    assert count == sql("SELECT count(*) FROM quotes WHERE kind = ?", [value])[0][0]
    facet.locator("a").click()
    page.wait_for_url(re.compile(rf"kind={value}"))
    assert status_count(page, "#table-status") == count
    assert set(page.locator("#quotes-table tbody td:nth-child(4)").all_inner_texts()) == {value}
    # a column filter by a word of the quote, then sort by speaker, all in the address
    page.goto(f"{base_url}/checks?severity=warning")
    assert status_count(page, "#table-status") == sql("SELECT count(*) FROM checks WHERE severity = 'warning'")[0][0]
    csv = page.request.get(base_url + page.get_attribute("#csv-link", "href")).text()
    assert len(csv.strip().splitlines()) - 1 == status_count(page, "#table-status")
    page.goto(f"{base_url}/actors?code=RUS&sort=name&order=asc")
    names = page.locator("#actors-table tbody td:nth-child(1)").all_inner_texts()
    assert names == sorted(names) and len(names) == sql(
        "SELECT count(DISTINCT actor_id) FROM actors WHERE starts_with(upper(code), 'RUS')")[0][0]
    clean(page)
