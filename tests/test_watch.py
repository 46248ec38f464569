"""whodid watch against a real HTTP server on 127.0.0.1 that the test runs itself."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from whodid.watch import Watcher
from whodid.watch.fetch import Fetcher

# Articles written for these tests (fictional events, CC0 like the samples).
ARTICLES = {
    "/news/fishing-talks": ("Chile and Peru hold fishing talks in Lima", """
The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss a long-running dispute over
anchovy fishing rights off their shared coast. Officials from both governments described the talks as
constructive and said that technical teams would meet again next month to draft a joint monitoring plan.
Fishing crews in the northern port of Arica have complained for years that patrol boats turn them away
from waters they have always worked."""),
    "/news/port-strike": ("Dock workers strike in Rotterdam", """
Thousands of dock workers walked off the job in Rotterdam on Monday, halting container traffic at
Europe's largest port. The union said the strike would continue until employers agreed to raise wages
in line with inflation. Shipping companies warned that hundreds of vessels could be delayed, and the
Dutch government urged both sides to return to negotiations as soon as possible."""),
    "/news/aid-convoy": ("Aid convoy reaches flooded villages", """
A convoy of trucks carrying food and medicine reached flooded villages in southern Pakistan on Wednesday,
the World Food Programme said. Aid workers told reporters that roads remained under water in many
districts and that thousands of families were still sleeping in the open. The government of Pakistan
thanked donors and asked for more tents and clean water before the winter."""),
}


def page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.strip().split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>").encode()


def rss(paths: list[str], base: str) -> bytes:
    items = "".join(f"<item><title>{ARTICLES[p][0]}</title><link>{base}{p}</link>"
                    f"<pubDate>Tue, 06 Dec 2022 10:00:00 GMT</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


class Server:
    """Routes: path -> (status, content type, body, delay seconds, etag). Logs every request."""

    def __init__(self):
        self.routes: dict[str, tuple] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                status, ctype, body, delay, etag = server.routes.get(self.path, (404, "text/plain", b"no", 0, None))
                if delay:
                    time.sleep(delay)
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    if etag:
                        self.send_header("ETag", etag)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def serve_feed(self, path: str, articles: list[str], etag: str | None = None) -> str:
        self.routes[path] = (200, "application/rss+xml", rss(articles, self.base), 0, etag)
        for p in articles:
            self.routes[p] = (200, "text/html; charset=utf-8", page(*ARTICLES[p]), 0, None)
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def fast_fetcher(**kw) -> Fetcher:
    return Fetcher(timeout=kw.get("timeout", 5), retries=kw.get("retries", 1), backoff=0.01)


def stored_urls(db) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
    finally:
        con.close()


def test_new_items_are_ingested_once_across_polls(server, tmp_path):
    feed = server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/port-strike"])
    db = tmp_path / "w.duckdb"
    watcher = Watcher([feed], db, fast_fetcher())
    first = watcher.poll()
    assert first.counts["stored"] == 2 and not first.failed_sources
    # the feed gains an item
    server.serve_feed("/feed.xml", ["/news/aid-convoy", "/news/fishing-talks", "/news/port-strike"])
    second = watcher.poll()
    assert second.counts["stored"] == 1 and second.counts["seen"] == 2
    assert stored_urls(db) == sorted(server.base + p for p in ARTICLES)
    assert [server.hits(p) for p in ARTICLES] == [1, 1, 1]
    assert all("whodid/" in headers.get("User-Agent", "") for _, headers in server.requests)
    con = duckdb.connect(str(db), read_only=True)
    title, published, source = con.execute(
        "SELECT title, published, source FROM articles WHERE url LIKE '%aid-convoy'").fetchone()
    assert title == "Aid convoy reaches flooded villages" and published.startswith("2022-12-06")
    assert source == "127.0.0.1"
    # the article text is the page's main text, without the navigation
    text = con.execute("SELECT text FROM articles WHERE url LIKE '%port-strike'").fetchone()[0]
    assert "\n\nThousands of dock workers walked off the job" in text
    assert "Contact us" not in text and "Home | World" not in text


@pytest.mark.parametrize("route, problem", [
    ((500, "text/plain", b"oops", 0, None), "HTTP 500"),
    ((200, "application/rss+xml", b"this is { not a feed <<<", 0, None), "malformed feed (SAXParseException"),
    ((200, "application/rss+xml", b"<?xml version='1.0'?><rss><channel><title>x</title><item><titl", 0, None),
     "malformed feed"),
    ((200, "application/rss+xml", b"<rss/>", 2.0, None), "timed out after 0.3 s"),
])
def test_a_broken_feed_is_logged_and_the_others_go_on(server, tmp_path, caplog, route, problem):
    server.routes["/broken.xml"] = route
    broken = server.base + "/broken.xml"
    good = server.serve_feed("/good.xml", ["/news/port-strike"])
    watcher = Watcher([broken, good], tmp_path / "b.duckdb", fast_fetcher(timeout=0.3, retries=1))
    with caplog.at_level(logging.INFO, logger="whodid.watch"):
        result = watcher.poll()
    assert result.failed_sources == [broken]
    assert result.counts["stored"] == 1
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(broken in line and problem in line and "will try again next poll" in line for line in lines), lines
    con = duckdb.connect(str(tmp_path / "b.duckdb"), read_only=True)
    error, failures = con.execute("SELECT last_error, consecutive_failures FROM watch_feeds WHERE feed = ?",
                                  [broken]).fetchone()
    assert problem in error and failures == 1


def test_retries_back_off_and_a_server_that_recovers_is_used(server, tmp_path, caplog):
    feed = server.serve_feed("/feed.xml", ["/news/fishing-talks"])
    ok_route = server.routes["/feed.xml"]
    server.routes["/feed.xml"] = (503, "text/plain", b"busy", 0, None)
    waits = []
    fetcher = Fetcher(timeout=5, retries=2, backoff=0.5, sleep=lambda s: (waits.append(s),
                                                                         server.routes.update({"/feed.xml": ok_route})))
    with caplog.at_level(logging.WARNING, logger="whodid.watch"):
        result = Watcher([feed], tmp_path / "r.duckdb", fetcher).poll()
    assert result.counts["stored"] == 1 and waits == [0.5]
    assert any("attempt 1/3 failed (HTTP 503" in r.getMessage() for r in caplog.records)


def test_a_restarted_watcher_resumes_without_refetching(server, tmp_path, caplog):
    feed = server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/port-strike"], etag='"v1"')
    db = tmp_path / "resume.duckdb"
    Watcher([feed], db, fast_fetcher()).poll()
    # a new watcher, as after a restart: the feed answers 304 to the stored ETag
    with caplog.at_level(logging.INFO, logger="whodid.watch"):
        again = Watcher([feed], db, fast_fetcher()).poll()
    assert again.counts["stored"] == 0
    assert any("not modified" in r.getMessage() for r in caplog.records)
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'
    # the feed changes its ETag but lists the same items: still nothing refetched
    server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/port-strike"], etag='"v2"')
    third = Watcher([feed], db, fast_fetcher()).poll()
    assert third.counts["seen"] == 2 and third.counts["stored"] == 0
    assert server.hits("/news/fishing-talks") == 1 and server.hits("/news/port-strike") == 1


def test_an_article_page_that_fails_is_tried_again_next_poll(server, tmp_path):
    feed = server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/aid-convoy"])
    server.routes["/news/aid-convoy"] = (502, "text/plain", b"bad gateway", 0, None)
    db = tmp_path / "retry.duckdb"
    watcher = Watcher([feed], db, fast_fetcher(retries=0), item_backoff=0)
    assert watcher.poll().counts["stored"] == 1
    server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/aid-convoy"])
    assert watcher.poll().counts["stored"] == 1
    assert len(stored_urls(db)) == 2


def test_a_failed_article_is_retried_when_the_feed_answers_304_and_after_a_restart(server, tmp_path, caplog):
    feed = server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/aid-convoy"], etag='"v1"')
    server.routes["/news/aid-convoy"] = (500, "text/plain", b"oops", 0, None)
    db = tmp_path / "r304.duckdb"
    assert Watcher([feed], db, fast_fetcher(retries=0), item_backoff=0).poll().counts["stored"] == 1
    server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/aid-convoy"], etag='"v1"')  # the page is back
    with caplog.at_level(logging.INFO, logger="whodid.watch"):
        again = Watcher([feed], db, fast_fetcher(retries=0), item_backoff=0).poll()  # a restart; the feed: 304
    assert any("not modified" in r.getMessage() for r in caplog.records)
    assert again.counts["stored"] == 1 and len(stored_urls(db)) == 2


def test_a_failing_article_backs_off_and_is_given_up_after_the_cap(server, tmp_path, caplog):
    feed = server.serve_feed("/feed.xml", ["/news/aid-convoy"], etag='"v1"')
    server.routes["/news/aid-convoy"] = (503, "text/plain", b"busy", 0, None)
    db = tmp_path / "cap.duckdb"
    patient = Watcher([feed], db, fast_fetcher(retries=0), item_backoff=3600)
    patient.poll()
    patient.poll()  # not due for an hour: not fetched again
    assert server.hits("/news/aid-convoy") == 1
    eager = Watcher([feed], tmp_path / "cap2.duckdb", fast_fetcher(retries=0), item_attempts=3, item_backoff=0)
    with caplog.at_level(logging.ERROR, logger="whodid.watch"):
        for _ in range(5):
            eager.poll()
    assert server.hits("/news/aid-convoy") == 1 + 3  # three attempts, then never again
    assert any("giving up after 3 attempts" in r.getMessage() for r in caplog.records)


def test_an_article_a_stage_fails_on_is_retried_not_marked_stored(server, tmp_path, monkeypatch):
    from whodid.events import EventsStage

    feed = server.serve_feed("/feed.xml", ["/news/fishing-talks", "/news/port-strike"])
    real = EventsStage.__call__
    broken = {"on": True}

    def failing(self, doc, analysis):
        if broken["on"] and "dock workers" in doc.text:
            raise RuntimeError("injected")
        return real(self, doc, analysis)

    monkeypatch.setattr(EventsStage, "__call__", failing)
    db = tmp_path / "stage.duckdb"
    watcher = Watcher([feed], db, fast_fetcher(), item_backoff=0)
    first = watcher.poll()
    assert first.counts["stored"] == 1 and first.counts["failed"] == 1 and not first.failed_sources
    broken["on"] = False  # a fixed whodid, or a passing glitch
    assert watcher.poll().counts["stored"] == 1 and len(stored_urls(db)) == 2

    # the same from a watched folder: the file is read again at a later poll
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "strike.txt").write_text(ARTICLES["/news/port-strike"][1].strip() + "\n\nFrom the inbox.", "utf-8")
    broken["on"] = True
    in_folder = Watcher([str(folder)], tmp_path / "folder.duckdb", item_backoff=0)
    assert in_folder.poll().counts["failed"] == 1
    broken["on"] = False
    assert in_folder.poll().counts["stored"] == 1


def test_a_folder_gaining_a_file(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLES["/news/port-strike"][1].strip(), encoding="utf-8")
    db = tmp_path / "f.duckdb"
    watcher = Watcher([str(folder)], db)
    assert watcher.poll().counts["stored"] == 1
    assert watcher.poll().counts["stored"] == 0
    (folder / "two.txt").write_text(ARTICLES["/news/aid-convoy"][1].strip(), encoding="utf-8")
    result = Watcher([str(folder)], db).poll()  # a restarted watcher reads only the new file
    assert result.counts["stored"] == 1 and result.counts["seen"] == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_watch_command_once_exits_1_when_a_feed_failed(server, tmp_path):
    server.routes["/down.xml"] = (500, "text/plain", b"down", 0, None)
    good = server.serve_feed("/good.xml", ["/news/fishing-talks"])
    db = tmp_path / "cli.duckdb"
    proc = subprocess.run([sys.executable, "-m", "whodid", "watch", good, server.base + "/down.xml", "--db", str(db),
                           "--once", "--retries", "0", "--timeout", "5"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert f"feed {server.base}/down.xml: HTTP 500" in proc.stderr
    assert "1 new articles stored" in proc.stderr
    assert stored_urls(db) == [server.base + "/news/fishing-talks"]
    bad = subprocess.run([sys.executable, "-m", "whodid", "watch", "ftp://x", "--db", str(db), "--once"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "not an http(s) feed URL or an existing folder" in bad.stderr
