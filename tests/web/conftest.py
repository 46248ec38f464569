"""Fixtures for the web app's tests: one database of the bundled samples (plus an
article written to attack the pages) built once per session, the app over it,
and Debian's chromium driven by Playwright."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from helpers import SAMPLES
from hostile import HOSTILE_ID, HOSTILE_TEXT, HOSTILE_TITLE

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """The bundled samples and the hostile article, ingested with the real pipeline."""
    from whodid.batch import ingest_corpus
    from whodid.store import Store

    folder = tmp_path_factory.mktemp("webdb")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": HOSTILE_ID, "title": HOSTILE_TITLE, "text": HOSTILE_TEXT,
                                   "source": '<b onclick="alert(4)">src</b>', "published": "2022-03-29"}) + "\n",
                       encoding="utf-8")
    db = folder / "web.duckdb"
    with Store(db) as store:
        outcome = ingest_corpus([SAMPLES, hostile], store)
    # every sample goes in, the HTML page included (its extraction needs lxml_html_clean)
    assert outcome.counts["stored"] == 15 and outcome.counts["failed"] == 0, outcome.counts
    return db


@pytest.fixture(scope="session")
def app(web_db):
    from whodid.web.app import create_app

    return create_app(web_db, read_only=True)


@pytest.fixture(scope="session")
def client(base_url):
    """httpx over loopback to the app served by uvicorn, as a user's client would see it."""
    import httpx

    with httpx.Client(base_url=base_url, timeout=60) as c:
        yield c


@pytest.fixture()
def writable_db(web_db, tmp_path) -> Path:
    """A copy of the session database that a test may write to."""
    copy = tmp_path / "writable.duckdb"
    shutil.copy(web_db, copy)
    return copy


@pytest.fixture(scope="session")
def base_url(app):
    from whodid.web.server import running

    with running(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing and CI is set: the browser tests must run "
                        "(apt-get install chromium; .ci/run does this)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); browser tests skipped outside CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture()
def sql(app):
    """Run SQL on the database the app serves (for counts the pages must agree with)."""
    def run(query: str, params=None):
        with app.state.db.cursor() as cur:
            return cur.execute(query, params or []).fetchall()
    return run


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def sized_page(browser, request):
    """Like ``page``, once at 1366x900 and once at 390x844."""
    yield from _page(browser, request, request.param)


@pytest.fixture()
def page(browser, request):
    """A fresh desktop page that records dialogs, console errors and script errors; saves a screenshot."""
    yield from _page(browser, request, DESKTOP)


def _page(browser, request, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("console", lambda msg: page.errors.append("console: " + msg.text) if msg.type == "error" else None)

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    # nothing leaves loopback: any other request is a bug (a CDN, a tile server)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
               else (page.errors.append("external request " + route.request.url), route.abort()))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
