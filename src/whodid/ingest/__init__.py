"""ingest: files, folders, JSONL and stdin in; Articles (or clear rejections) out.

``read(paths)`` yields, in input order, a ``Record`` for every article found and
a ``Rejected`` for every input that cannot be used, naming the file (and line)
and the problem. A bad input never stops the rest from going through.

Formats, chosen by extension and then by content:
- plain text (``.txt`` or anything else that decodes as UTF-8 text)
- HTML (``.html``/``.htm`` or text that starts like a page): main text via trafilatura
- JSON Lines (``.jsonl``/``.ndjson``, optionally ``.gz``): one article an object
  with ``text`` or ``html`` and optional ``id``, ``title``, ``byline``, ``url``,
  ``source``, ``published``; other fields are ignored
- WARC web archives (``.warc``, ``.warc.gz``, or text that starts ``WARC/``): one
  article for each archived HTML page (see ``ingest.warc``)
- a folder: every such file under it, recursively, in sorted order
"""

from __future__ import annotations

import email.utils
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from whodid.ingest import html as html_extract
from whodid.ingest.language import detect as detect_language
from whodid.ingest.warc import WARC_SUFFIXES, ArchivedPage, count_pages, is_warc_head, read_warc
from whodid.model import Article, Check

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
FOLDER_SUFFIXES = JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES + WARC_SUFFIXES
JSONL_FIELDS = ("id", "title", "byline", "url", "source", "published")


@dataclass
class Record:
    """An article ready for the pipeline, with where it came from."""

    article: Article
    origin: str  # "path", "path:line" or "<stdin>:line"
    notes: list[Check] = field(default_factory=list)  # input problems that did not stop it


@dataclass
class Rejected:
    """An input that produced no article, and why."""

    origin: str
    reason: str
    kind: Literal["error", "language"] = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputError(ValueError):
    """A whole input (file, stdin) that cannot be read."""


def read(paths: Iterable[str | Path], english_only: bool = True) -> Iterator[Record | Rejected]:
    """Every article in ``paths`` (``"-"`` is stdin), in order."""
    for path in paths:
        if str(path) == "-":
            yield from (check_language(r, english_only) for r in _read_stream(sys.stdin.buffer, "<stdin>"))
            continue
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted_in_folder(p))
            if not files:
                yield Rejected(str(path), "folder holds no .txt, .html, .jsonl or .warc files")
            for file in files:
                yield from (check_language(r, english_only) for r in _read_file(file))
        elif path.exists():
            yield from (check_language(r, english_only) for r in _read_file(path))
        else:
            yield Rejected(str(path), "no such file or folder")


def article_from_text(text: str, origin: str = "<text>", **meta: str | None) -> Record | Rejected:
    """A Record for one text, with metadata checked (used by ``whodid.analyze``)."""
    notes: list[Check] = []
    published = _normalise_date(meta.pop("published", None), origin, notes)
    if not text.strip():
        return Rejected(origin, "the text is empty")
    return Record(Article(text=text, published=published, **meta), origin, notes)


def count(paths: Iterable[str | Path]) -> int | None:
    """Cheap upper bound on the number of articles, for a progress bar (None for stdin)."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        path = Path(path)
        files = [p for p in path.rglob("*") if p.is_file() and _wanted_in_folder(p)] if path.is_dir() else [path]
        for file in files:
            if _is_jsonl(file):
                try:
                    with _open_binary(file) as fh:
                        total += sum(1 for line in fh if line.strip())
                except (OSError, EOFError, gzip.BadGzipFile):
                    total += 1
            elif _is_warc(file):
                try:
                    with open(file, "rb") as fh:
                        total += max(1, count_pages(fh))
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _wanted_in_folder(path: Path) -> bool:
    return not path.name.startswith(".") and path.name.lower().endswith(FOLDER_SUFFIXES)


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def check_language(item: Record | Rejected, english_only: bool = True) -> Record | Rejected:
    """Set the article's language; a confidently non-English article becomes a Rejected."""
    if not isinstance(item, Record):
        return item
    lang, prob = detect_language(item.article.text)
    item.article.language = lang
    if lang is None:
        item.notes.append(Check(
            kind="language_uncertain", severity="info",
            message=f"language could not be identified with confidence ({prob:.2f}); processed as English",
        ))
    elif lang != "en" and english_only:
        return Rejected(item.origin, f"language is '{lang}' (p={prob:.2f}), not English; "
                                     "whodid codes English text only", kind="language")
    return item


def _read_file(path: Path) -> Iterator[Record | Rejected]:
    origin = str(path)
    try:
        if _is_jsonl(path):
            with _open_binary(path) as fh:
                yield from _read_jsonl(fh, origin)
            return
        if _is_warc(path) or _starts_with_warc(path):
            with open(path, "rb") as fh:
                yield from _read_warc(fh, origin)
            return
        data = path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejected(origin, f"cannot read: {exc}")
        return
    yield _read_document(data, origin, is_html=path.name.lower().endswith(HTML_SUFFIXES), stem=path.stem)


def _read_stream(stream: io.BufferedIOBase, origin: str) -> Iterator[Record | Rejected]:
    """stdin: JSON Lines when the first non-blank byte is '{', else one document."""
    if not hasattr(stream, "peek"):  # e.g. a test runner's stand-in for stdin
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = stream.peek(1 << 16)
    if is_warc_head(head):
        yield from _read_warc(stream, origin)
    elif head.lstrip()[:1] == b"{":
        yield from _read_jsonl(stream, origin)
    else:
        yield _read_document(stream.read(), origin, is_html=False, stem=None)


def _starts_with_warc(path: Path) -> bool:
    with open(path, "rb") as fh:
        return is_warc_head(fh.read(8))


def _read_warc(stream: io.BufferedIOBase, origin: str) -> Iterator[Record | Rejected]:
    for page in read_warc(stream, origin):
        if isinstance(page, ArchivedPage):
            yield _read_document(page.body, page.where, page.is_html, page.record_id, url=page.url)
        else:
            yield Rejected(page.where, page.reason)


def _read_document(data: bytes, origin: str, is_html: bool, stem: str | None,
                   url: str | None = None) -> Record | Rejected:
    if not data.strip():
        return Rejected(origin, "the file is empty" if url is None else f"the archived page {url} is empty")
    if b"\x00" in data[:8192]:
        return Rejected(origin, "binary data (NUL bytes), not text or HTML")
    if is_html or html_extract.looks_like_html(data[:2048].decode("utf-8", "replace")):
        page = html_extract.extract(data, url=url)
        if page is None:
            return Rejected(origin, "HTML page has no extractable article text" + (f" ({url})" if url else ""))
        return article_from_text(page.text, origin, id=stem, title=page.title, byline=page.byline,
                                 url=page.url or url, source=page.source, published=page.published)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(origin, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                "convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`")
    if _mostly_control(text):
        return Rejected(origin, "binary data (control characters), not text")
    return article_from_text(text, origin, id=stem, url=url)


def _read_jsonl(stream: Iterable[bytes], origin: str) -> Iterator[Record | Rejected]:
    for number, raw in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Rejected(where, f"line {number} is not valid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            yield Rejected(where, f"line {number} is a JSON {type(obj).__name__}, not an object")
            continue
        meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in JSONL_FIELDS}
        text, page_html = obj.get("text"), obj.get("html")
        if isinstance(text, str) and text.strip():
            yield article_from_text(text, where, **meta)
        elif isinstance(page_html, str) and page_html.strip():
            page = html_extract.extract(page_html, url=meta["url"])
            if page is None:
                yield Rejected(where, f"line {number}: 'html' has no extractable article text")
                continue
            for key, value in (("title", page.title), ("byline", page.byline), ("url", page.url),
                               ("source", page.source), ("published", page.published)):
                meta[key] = meta[key] or value
            yield article_from_text(page.text, where, **meta)
        else:
            yield Rejected(where, f"line {number} has no non-empty 'text' or 'html' field")


def _normalise_date(value: str | None, origin: str, notes: list[Check]) -> str | None:
    """ISO 8601 or RFC 2822 (RSS) dates to ISO; anything else is dropped with a note."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        notes.append(Check(kind="bad_published_date", severity="warning",
                           message=f"{origin}: published value {value!r} is not a date (ISO 8601 or RFC 2822); ignored"))
        return None


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control > len(sample) * 0.05
