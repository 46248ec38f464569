"""WARC web archives (``.warc``, ``.warc.gz``): one article for each archived HTML page.

News crawls (Common Crawl's CC-NEWS, a newsroom's own archive, Heritrix or wget
``--warc-file``) store pages as WARC records; warcio reads them, records of any
size, gzipped per record or not. What counts as a page: a ``response`` record with
HTTP status 200 and an HTML (or plain text) body, a ``resource`` record of those
types, or a ``conversion`` record of plain text (WET files of extracted text). Requests, metadata, revisits, redirects, error pages, images,
scripts and style sheets are skipped silently: an archive is full of them.

The record's ``WARC-Date`` is when the page was crawled, not when it was
published, so it never becomes ``published``; the page's own metadata
(trafilatura) may give that, else the time stage infers or leaves it unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_TYPES = HTML_TYPES + ("text/plain",)


def is_warc_head(head: bytes) -> bool:
    """An uncompressed WARC starts with its version line."""
    return head.startswith(b"WARC/")


@dataclass
class ArchivedPage:
    where: str  # "path@offset" of the record
    body: bytes
    is_html: bool
    url: str | None
    record_id: str | None


@dataclass
class BrokenArchive:
    where: str
    reason: str


def read_warc(stream: BinaryIO, origin: str) -> Iterator[ArchivedPage | BrokenArchive]:
    """Every page in the archive, in order. A broken or cut record ends the file with a
    ``BrokenArchive`` (a WARC cannot be resynchronised reliably) after the pages before
    it; so does an archive with no page at all, saying what it holds instead."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream, arc2warc=True)
    kinds: Counter[str] = Counter()
    pages, record = 0, None
    try:
        for record in records:
            kinds[record.rec_type] += 1
            if not _is_page(record):
                continue
            body = record.content_stream().read()  # before the offset: asking for it reads past the record
            if getattr(record.raw_stream, "limit", 0) > 0:
                break  # cut short: a partial page is not the article; _truncation reports it
            pages += 1
            yield ArchivedPage(f"{origin}@{records.get_record_offset()}", body, _content_type(record).startswith(
                HTML_TYPES), record.rec_headers.get_header("WARC-Target-URI"), _record_id(record))
        cut = _truncation(records, record, stream)
    except Exception as exc:  # warcio's errors are no closed set: a record without a URI raises AttributeError
        at = getattr(records, "offset", 0)
        what = "not a WARC archive (no WARC/1.x record at its start)" \
            if at == 0 and not kinds and "Unknown archive format" in str(exc) \
            else f"a WARC record at byte {at} lacks a header warcio needs (WARC-Type, WARC-Record-ID, WARC-Date, " \
                 "WARC-Target-URI)" if isinstance(exc, (AttributeError, TypeError)) \
            else f"not a readable WARC record at byte {at} ({_short(exc)})"
        yield BrokenArchive(f"{origin}@{at}", what + ("; the pages before it were read" if pages else ""))
        return
    if cut is not None:
        yield BrokenArchive(f"{origin}@{cut}", f"the archive is cut short: the record at byte {cut} is incomplete "
                            "(an interrupted download or copy?)" + ("; the pages before it were read" if pages else ""))
    elif not kinds:
        yield BrokenArchive(origin, "the archive is empty (no WARC records)")
    elif not pages:
        held = ", ".join(f"{n} {kind or 'untyped (no WARC-Type)'}" for kind, n in kinds.most_common())
        yield BrokenArchive(origin, f"the archive holds no HTML or text page with HTTP status 200 ({held} records)")


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _truncation(records, last, stream: BinaryIO) -> int | None:
    """Where the archive ends inside a record, or None. Only the last record can be cut:
    warcio ends the iteration quietly, either with a record shorter than its
    Content-Length or with a header it could not finish."""
    if last is not None:
        records.read_to_end(last)
        if getattr(last.raw_stream, "limit", 0) > 0:
            return records.get_record_offset()
    try:
        consumed = stream.tell()
    except (OSError, AttributeError, ValueError):
        return None  # a pipe: nothing to compare with
    return records.offset if records.offset < consumed else None


def count_pages(stream: BinaryIO) -> int:
    """How many records look like pages (for a progress bar); 0 if the archive is unreadable."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            n += _is_page(record)
    except Exception:  # the reading pass reports what is wrong; this is only a progress estimate
        pass
    return n


def _is_page(record) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return False  # redirects, errors, and non-HTTP responses (dns:) are not articles
    elif record.rec_type not in ("resource", "conversion"):  # conversion: text already extracted (WET)
        return False
    return _content_type(record).startswith(PAGE_TYPES)


def _content_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return (headers.get_header("Content-Type") or "").lower().strip()


def _record_id(record) -> str | None:
    rid = record.rec_headers.get_header("WARC-Record-ID") or ""
    return rid.strip("<>").removeprefix("urn:uuid:") or None
