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

Files may be UTF-8 (with or without a byte-order mark) or UTF-16 with its BOM.
Every input is read under a guard (``_guarded``): whatever a reader raises for
one file or line (a 100,000-deep JSON line, a page that breaks the HTML
extractor) becomes a ``Rejected`` naming it, with the stage that failed, and the
next input is read. An article longer than ``max_chars`` is refused before it is
parsed, so one huge input cannot exhaust memory (see docs/robustness.md).
"""

from __future__ import annotations

import email.utils
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

from whodid.ingest import html as html_extract
from whodid.ingest.language import detect as detect_language
from whodid.ingest.warc import WARC_SUFFIXES, ArchivedPage, count_pages, is_warc_head, read_warc
from whodid.model import ARTICLE_META, Article, Check
from whodid.nlp.publication import url_date

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
FOLDER_SUFFIXES = JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES + WARC_SUFFIXES
# Far beyond any news article (a long feature is 50,000); an article this long is
# analysed in about 0.8 GB (the stages hold its whole parse, about 1.2 KB a
# character: benchmarks/memory_long_article.py). Longer inputs are refused, not parsed.
DEFAULT_MAX_CHARS = 500_000
# HTML carries markup around its text: a page may be this many times max_chars
HTML_OVERHEAD = 10
EARLIEST_YEAR = 1800  # a publication date before this is a typo or a placeholder
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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
    stage: str = "read"  # where it failed: read, language, parse, or a stage's name

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputError(ValueError):
    """A whole input (file, stdin) that cannot be read."""


def read(paths: Iterable[str | Path], english_only: bool = True,
         max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Record | Rejected]:
    """Every article in ``paths`` (``"-"`` is stdin), in order."""
    for path in paths:
        if str(path) == "-":
            yield from _checked(_read_stream(sys.stdin.buffer, "<stdin>", max_chars), english_only, max_chars)
            continue
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted_in_folder(p))
            if not files:
                yield Rejected(str(path), "folder holds no .txt, .html, .jsonl or .warc files")
            for file in files:
                yield from _checked(_read_file(file, max_chars), english_only, max_chars)
        elif path.exists():
            yield from _checked(_read_file(path, max_chars), english_only, max_chars)
        else:
            yield Rejected(str(path), "no such file or folder")


def _checked(items: Iterator[Record | Rejected], english_only: bool, max_chars: int) -> Iterator[Record | Rejected]:
    for item in items:
        if isinstance(item, Record) and len(item.article.text) > max_chars:
            yield _too_long(item.origin, len(item.article.text), max_chars)
            continue
        yield _guarded(item.origin, "language", lambda: check_language(item, english_only))


def _too_long(origin: str, size: int, max_chars: int, what: str = "article", raw: bool = False) -> Rejected:
    """An input refused for its size: an article over ``max_chars`` characters, or (``raw``) a file,
    line or page over HTML_OVERHEAD times that many bytes, refused before it is even decoded."""
    over = (f"{size:,} bytes, more than {HTML_OVERHEAD} times --max-chars {max_chars:,}" if raw
            else f"{size:,} characters, longer than --max-chars {max_chars:,}")
    return Rejected(origin, f"{what} of {over}; not parsed (--max-chars raises the limit; parsing takes "
                            "about 1.2 GB of memory per million characters)")


def _guarded(origin: str, stage: str, make) -> Record | Rejected:
    """``make()``, or a Rejected naming the input when it raises: one bad input never stops a run."""
    try:
        return make()
    except Exception as exc:
        return _rejected(origin, stage, exc)


def _rejected(origin: str, stage: str, exc: Exception) -> Rejected:
    """The Rejected that names the input and what went wrong in ``stage``."""
    if isinstance(exc, RecursionError):
        return Rejected(origin, "nested too deeply to read (recursion limit)", stage=stage)
    if isinstance(exc, MemoryError):
        return Rejected(origin, "too large to read in the memory available", stage=stage)
    return Rejected(origin, f"{stage} failed: {type(exc).__name__}: {_short(exc)}", stage=stage)


def _short(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[:limit - 3] + "..."


def article_from_text(text: str, origin: str = "<text>", **meta: str | None) -> Record | Rejected:
    """A Record for one text, with metadata checked (used by ``whodid.analyze``). With no
    ``published``, a date in the ``url``'s path is taken as the publication date (inferred)."""
    notes: list[Check] = []
    published = _normalise_date(meta.pop("published", None), origin, notes)
    if not text.strip():
        return Rejected(origin, "the text is empty")
    from_url = url_date(meta.get("url")) if published is None else None
    if from_url is not None:
        # the publisher's own date in the URL's path (".../archives/2022/07/16/..."): "yesterday"
        # in the text is then 15 July; marked inferred, since no date field gave it
        notes.append(Check(kind="published_inferred", severity="info",
                           message=f"{origin}: no publication date; took {from_url.isoformat()} from its URL"))
        return Record(Article(text=text, published=from_url.isoformat(), published_inferred=True, **meta), origin, notes)
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
    """Set the article's language and its confidence; a non-English article becomes a Rejected."""
    if not isinstance(item, Record):
        return item
    lang, prob = detect_language(item.article.text)
    item.article.language, item.article.language_confidence = lang, round(prob, 4)
    if lang is None and not any(ch.isalpha() for ch in item.article.text[:100_000]):
        return Rejected(item.origin, "the text has no letters (symbols, digits or emoji only): not an article")
    if lang is None:
        item.notes.append(Check(
            kind="language_uncertain", severity="info",
            message=f"language could not be identified with confidence ({prob:.2f}); processed as English",
        ))
    elif lang != "en" and english_only:
        return Rejected(item.origin, f"language is '{lang}' (p={prob:.2f}), not English; "
                                     "whodid codes English text only", kind="language", stage="language")
    return item


def _read_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Record | Rejected]:
    origin = str(path)
    try:
        if _is_jsonl(path):
            with _open_binary(path) as fh:
                yield from _read_jsonl(_utf8_lines(fh), origin, max_chars)
            return
        if _is_warc(path) or _starts_with_warc(path):
            with open(path, "rb") as fh:
                yield from _read_warc(fh, origin, max_chars)
            return
        size = path.stat().st_size
        if size > max_chars * HTML_OVERHEAD:
            yield _too_long(origin, size, max_chars, what="file", raw=True)
            return
        data = path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejected(origin, f"cannot read: {exc}")
        return
    except Exception as exc:  # a reader's error for this file alone: report it, read the next
        yield _rejected(origin, "read", exc)
        return
    yield _guarded(origin, "read", lambda: _read_document(
        data, origin, is_html=path.name.lower().endswith(HTML_SUFFIXES), stem=path.stem, max_chars=max_chars))


def _utf8_lines(stream) -> Iterator[bytes]:
    """The lines of a UTF-8 or UTF-16 (with BOM) file, as UTF-8 bytes."""
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    if head not in UTF16_BOMS:
        yield from stream
        return
    for line in io.TextIOWrapper(stream, encoding="utf-16", errors="replace"):
        yield line.encode("utf-8")


def _read_stream(stream: io.BufferedIOBase, origin: str, max_chars: int = DEFAULT_MAX_CHARS
                 ) -> Iterator[Record | Rejected]:
    """stdin: JSON Lines when the first non-blank byte is '{', else one document."""
    if not hasattr(stream, "peek"):  # e.g. a test runner's stand-in for stdin
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = stream.peek(1 << 16)
    if is_warc_head(head):
        yield from _read_warc(stream, origin, max_chars)
    elif head.lstrip()[:1] == b"{" or head.lstrip(b"\xef\xbb\xbf").lstrip()[:1] == b"{" or (
            head[:2] in UTF16_BOMS and head[2:].decode("utf-16", "ignore").lstrip()[:1] == "{"):
        yield from _read_jsonl(_utf8_lines(stream), origin, max_chars)
    else:
        data = stream.read(max_chars * HTML_OVERHEAD + 1)
        if len(data) > max_chars * HTML_OVERHEAD:
            yield _too_long(origin, len(data), max_chars, what="stdin input", raw=True)
            return
        yield _guarded(origin, "read", lambda: _read_document(data, origin, is_html=False, stem=None,
                                                              max_chars=max_chars))


def _starts_with_warc(path: Path) -> bool:
    with open(path, "rb") as fh:
        return is_warc_head(fh.read(8))


def _read_warc(stream: io.BufferedIOBase, origin: str, max_chars: int = DEFAULT_MAX_CHARS
               ) -> Iterator[Record | Rejected]:
    for page in read_warc(stream, origin):
        if isinstance(page, ArchivedPage):
            yield _guarded(page.where, "read", lambda: _read_document(
                page.body, page.where, page.is_html, page.record_id, url=page.url, max_chars=max_chars))
        else:
            yield Rejected(page.where, page.reason)


def _read_document(data: bytes, origin: str, is_html: bool, stem: str | None,
                   url: str | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> Record | Rejected:
    if data[:2] in UTF16_BOMS:
        data = data.decode("utf-16", "replace").encode("utf-8")
    if not data.strip():
        return Rejected(origin, "the file is empty" if url is None else f"the archived page {url} is empty")
    if len(data) > max_chars * HTML_OVERHEAD:
        return _too_long(origin, len(data), max_chars, what="input", raw=True)
    if b"\x00" in data[:8192]:
        return Rejected(origin, "binary data (NUL bytes), not text or HTML")
    if is_html or html_extract.looks_like_html(data[:2048].decode("utf-8-sig", "replace")):
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


def _read_jsonl(stream: Iterable[bytes], origin: str, max_chars: int = DEFAULT_MAX_CHARS
                ) -> Iterator[Record | Rejected]:
    lines = 0
    for number, raw in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        lines += 1
        if len(raw) > max_chars * HTML_OVERHEAD:
            yield _too_long(where, len(raw), max_chars, what=f"line {number}", raw=True)
            continue
        yield _guarded(where, "read", lambda: _jsonl_line(raw, number, where))
    if not lines:
        yield Rejected(origin, "the JSON Lines input is empty (no lines)")


def _jsonl_line(raw: bytes, number: int, where: str) -> Record | Rejected:
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Rejected(where, f"line {number} is not valid JSON ({exc})")
    except RecursionError:
        return Rejected(where, f"line {number} is JSON nested too deeply to read")
    if not isinstance(obj, dict):
        return Rejected(where, f"line {number} is a JSON {type(obj).__name__}, not an object")
    for key in ("text", "html") + ARTICLE_META:
        value = obj.get(key)
        # an id may be a number; anything else must be a string (or null), never a list or object
        if value is not None and not isinstance(value, str) and not (
                key == "id" and isinstance(value, int) and not isinstance(value, bool)):
            return Rejected(where, f"line {number}: field '{key}' is a JSON {_json_type(value)}, not a string")
    meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ARTICLE_META}
    text, page_html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, where, **meta)
    if isinstance(page_html, str) and page_html.strip():
        page = html_extract.extract(page_html, url=meta["url"])
        if page is None:
            return Rejected(where, f"line {number}: 'html' has no extractable article text")
        for key, value in (("title", page.title), ("byline", page.byline), ("url", page.url),
                           ("source", page.source), ("published", page.published)):
            meta[key] = meta[key] or value
        return article_from_text(page.text, where, **meta)
    return Rejected(where, f"line {number} has no non-empty 'text' or 'html' field")


def _json_type(value) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}.get(type(value), "value")


def _normalise_date(value: str | None, origin: str, notes: list[Check]) -> str | None:
    """ISO 8601 or RFC 2822 (RSS) dates to ISO; anything else is dropped with a note."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    parsed: date | None = None
    try:
        parsed = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    if parsed is None:
        notes.append(Check(kind="bad_published_date", severity="warning",
                           message=f"{origin}: published value {value!r} is not a date (ISO 8601 or RFC 2822); ignored"))
        return None
    problem = date_out_of_range(parsed)
    if problem:
        notes.append(Check(kind="bad_published_date", severity="warning",
                           message=f"{origin}: published value {value!r} {problem}; ignored"))
        return None
    return parsed.isoformat()


def date_out_of_range(value: date) -> str | None:
    """Why a publication date cannot be right (before 1800, more than a day ahead), or None."""
    day = value.date() if isinstance(value, datetime) else value
    if day.year < EARLIEST_YEAR:
        return f"is before {EARLIEST_YEAR}"
    if day > (datetime.now(timezone.utc) + timedelta(days=1)).date():
        return "is more than a day in the future"
    return None


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control > len(sample) * 0.05
