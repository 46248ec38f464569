"""Screenshot of the reader on the reference article, for docs/reader.png.

    python scripts/screenshot.py [--db demo.duckdb] [--out docs/reader.png]

Builds the demo database from the bundled samples when --db does not exist,
serves it read-only on loopback and photographs it in Debian's chromium.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "demo.duckdb")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reader.png")
    parser.add_argument("--article", default="russia-ukraine-talks")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, "-m", "whodid", "ingest", str(ROOT / "src/whodid/data/samples"),
                        "--db", str(args.db), "--quiet"], check=True)
    from playwright.sync_api import sync_playwright

    from whodid.web.app import create_app
    from whodid.web.server import running

    with running(create_app(args.db, read_only=True)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/articles/{args.article}")
        # show one event's card, as a reader would after clicking a marked trigger
        page.locator("#article-text .trigger").nth(1).click()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"{args.out}")


if __name__ == "__main__":
    main()
