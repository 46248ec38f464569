"""Screenshots of every page of the web app at desktop (1366x900) and phone (390x844) sizes.

    python scripts/web_screenshots.py DB.duckdb [--out web-screenshots]

Serves DB read-only on loopback, drives Debian's chromium (/usr/bin/chromium) with
Playwright, and writes one full-page PNG per page and size into --out (not committed).
Any script error or console error on a page is printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def pages(cur) -> dict[str, str]:
    """Each page's name and path, with an article, an actor and a pair this database has."""
    sha1 = cur.execute("SELECT article_sha1 FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    actor = cur.execute("SELECT actor_id FROM actors GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    pair = cur.execute("""SELECT a.code, r.code FROM events e, unnest(e.actor) AS s(id), unnest(e.recipient) AS t(id),
                          actors a, actors r WHERE a.article_sha1 = e.article_sha1 AND a.actor_id = s.id
                          AND r.article_sha1 = e.article_sha1 AND r.actor_id = t.id AND a.code <> r.code
                          AND a.code IS NOT NULL AND r.code IS NOT NULL
                          GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1""").fetchone()
    out = {"articles": "/articles", "events": "/events", "actors": "/actors", "quotes": "/quotes",
           "places": "/places", "checks": "/checks", "network": "/network", "map": "/map",
           "analyze": "/analyze", "api-docs": "/api-docs", "not-found": "/no-such-page",
           "actor-search": "/actors?q=Putin"}
    if sha1:
        out["reader"] = f"/articles/{sha1[0]}"
    if actor:
        out["actor"] = f"/actors/{actor[0]}"
    out["pair"] = f"/pair?a={pair[0]}&b={pair[1]}" if pair else "/pair"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--out", type=Path, default=Path("web-screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not args.db.exists():
        parser.error(f"{args.db}: no such database")
    from playwright.sync_api import sync_playwright

    from whodid.web.app import create_app
    from whodid.web.server import running

    app = create_app(args.db, read_only=True)
    with app.state.db.cursor() as cur:
        targets = pages(cur)
    args.out.mkdir(parents=True, exist_ok=True)
    problems = 0
    with running(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport)
            for name, path in targets.items():
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)  # the network's layout settles
                wide = page.evaluate("document.documentElement.scrollWidth")
                file = args.out / f"{name}-{size}.png"
                page.screenshot(path=str(file), full_page=True)
                note = f" (page {wide}px wide: scrolls sideways)" if wide > viewport["width"] else ""
                if name != "not-found" and errors:
                    note += f" errors: {errors}"
                    problems += 1
                print(f"{file}{note}")
                page.close()
            context.close()
        browser.close()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
