"""Write ``examples/crawl.warc.gz``: a two-page news crawl written for whodid's examples.

One archived article page, one navigation page with no article text, and the
request record a crawler writes before each response (skipped by whodid). The
other files in ``examples/`` are plain text and edited by hand.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

TARGET = Path(__file__).resolve().parents[1] / "examples" / "crawl.warc.gz"

ARTICLE = """<!doctype html>
<html><head><title>Ministers sign river treaty</title>
<meta name="author" content="Example Newsroom"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers sign river treaty</h1>
<p>VIENTIANE - The foreign ministers of Laos and Cambodia signed a treaty on Wednesday to share water from the
Mekong river during the dry season, ending two years of talks.</p>
<p>Cambodian Foreign Minister Prak Sokhonn said the agreement would protect fishing villages downstream. Laos
agreed to release water from two dams when the river falls below an agreed level.</p>
<p>Thailand and Vietnam, which also share the river, welcomed the treaty and said they would join talks on a
wider agreement next year.</p></article>
<footer>Written for whodid's examples.</footer></body></html>
"""
MENU = """<!doctype html>
<html><head><title>Sections</title></head>
<body><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li></ul></body></html>
"""


def _pair(writer: WARCWriter, url: str, html: str) -> None:
    writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(
        f"GET {url.split('news.example')[1]} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode())))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode("utf-8")),
                                                  http_headers=headers))


def main() -> None:
    with open(TARGET, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        _pair(writer, "https://news.example/world/treaty", ARTICLE)
        _pair(writer, "https://news.example/menu", MENU)
    print(f"{TARGET}: written")


if __name__ == "__main__":
    main()
