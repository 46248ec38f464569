"""WARC web archives in: each archived article page becomes an article; the rest of a
crawl (images, redirects, requests, error pages) is skipped; broken archives are named."""

from __future__ import annotations

import io

import duckdb
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from whodid import ingest
from whodid.cli import app

# text written for these tests
TREATY_PAGE = b"""<!doctype html><html><head><title>Ministers sign river treaty</title>
<meta name="author" content="Ada Writer"></head><body>
<nav>Home | World | Sport | Weather</nav>
<article><h1>Ministers sign river treaty</h1>
<p>The foreign ministers of Kenya and Uganda signed a treaty in Nairobi on Tuesday to share the waters
of Lake Victoria, officials said.</p>
<p>"This agreement ends a decade of quarrels," the Kenyan foreign minister told reporters after the
signing ceremony.</p>
<p>Uganda's government welcomed the deal and promised to respect the fishing quotas it sets.</p>
</article><footer>All rights reserved</footer></body></html>"""
MENU_PAGE = b"<html><body><nav>Home | World</nav></body></html>"


def write_warc(path, records, gzip=True):
    """A WARC with a warcinfo record, then ``records``: (url, body, content type, HTTP status)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "whodid tests"}))
        for url, body, ctype, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
    return path


def crawl(path, gzip=True):
    return write_warc(path, [
        ("https://news.example/world/treaty", TREATY_PAGE, "text/html; charset=utf-8", "200 OK"),
        ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png", "200 OK"),
        ("https://news.example/old-treaty", b"", "text/html", "301 Moved Permanently"),
        ("https://news.example/gone", b"<html><body>Not found</body></html>", "text/html", "404 Not Found"),
        ("https://news.example/menu", MENU_PAGE, "text/html", "200 OK"),
    ], gzip=gzip)


def test_archived_article_pages_become_articles_and_the_rest_is_skipped(tmp_path):
    for name, gz in (("crawl.warc.gz", True), ("crawl.warc", False)):
        items = list(ingest.read([crawl(tmp_path / name, gzip=gz)]))
        records = [i for i in items if isinstance(i, ingest.Record)]
        rejected = [i for i in items if isinstance(i, ingest.Rejected)]
        assert len(records) == 1, name
        article = records[0].article
        assert article.url == "https://news.example/world/treaty"
        assert article.title == "Ministers sign river treaty"
        assert "signed a treaty in Nairobi" in article.text and "Home | World" not in article.text
        assert article.id and records[0].origin.startswith(f"{tmp_path / name}@")
        # the crawl date is not the publication date
        assert article.published is None
        # the one page with no article text is named by URL; images, redirects, 404s, requests are not errors
        assert len(rejected) == 1 and "https://news.example/menu" in rejected[0].reason


def test_warc_is_recognised_by_content_and_counted_for_progress(tmp_path):
    path = crawl(tmp_path / "crawl.dat", gzip=False)  # no .warc suffix: it starts with WARC/1.x
    assert [i.article.url for i in ingest.read([path]) if isinstance(i, ingest.Record)] == \
        ["https://news.example/world/treaty"]
    assert ingest.count([crawl(tmp_path / "c.warc.gz")]) == 2  # two 200 HTML pages


def test_cut_archive_keeps_the_pages_before_the_cut_and_says_where(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", [
        ("https://news.example/a", TREATY_PAGE, "text/html", "200 OK"),
        ("https://news.example/b", TREATY_PAGE.replace(b"Kenya", b"Tanzania"), "text/html", "200 OK"),
    ], gzip=False)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:data.rindex(b"Tanzania") + 20])  # inside the second page
    items = list(ingest.read([cut]))
    assert [i.article.url for i in items if isinstance(i, ingest.Record)] == ["https://news.example/a"]
    (error,) = [i for i in items if isinstance(i, ingest.Rejected)]
    assert "cut short" in error.reason and error.origin.startswith(f"{cut}@")


def test_junk_empty_and_pageless_archives_are_rejected_by_name(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    images = write_warc(tmp_path / "images.warc.gz", [("https://x.example/a.jpg", b"\xff\xd8\xff", "image/jpeg", "200 OK")])
    no_uri = tmp_path / "no-uri.warc"  # a response record without WARC-Target-URI: warcio raises AttributeError
    no_uri.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 60\r\n\r\n"
                       b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nHello there, a story.\r\n\r\n\r\n")
    assert ingest.count([no_uri]) >= 1  # the progress estimate does not stop the ingest either
    reasons = {str(i.origin).split("@")[0]: i.reason for i in ingest.read([junk, empty, images, no_uri])}
    assert "WARC record at byte 0 lacks a header" in reasons[str(no_uri)]
    assert "not a WARC archive" in reasons[str(junk)]
    assert "empty" in reasons[str(empty)]
    assert "no HTML or text page" in reasons[str(images)] and "1 response" in reasons[str(images)]


def test_ingest_stores_archived_articles_with_their_urls(tmp_path):
    path = crawl(tmp_path / "crawl.warc.gz")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 1, result.output  # the menu page failed, the article went through
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT url, title FROM articles").fetchall() == \
            [("https://news.example/world/treaty", "Ministers sign river treaty")]
        failures = con.execute("SELECT origin, reason FROM ingest_failures").fetchall()
    finally:
        con.close()
    assert len(failures) == 1 and "https://news.example/menu" in failures[0][1]
