"""Polite, patient HTTP: a User-Agent naming whodid, timeouts, retries with backoff."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from whodid.version import __version__

USER_AGENT = f"whodid/{__version__} (news event coder; feed watcher; python-httpx)"
RETRY_STATUSES = {429, 500, 502, 503, 504}

log = logging.getLogger("whodid.watch")


class FetchError(RuntimeError):
    """A URL that could not be fetched, after retries when retrying made sense."""

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent  # e.g. 404: trying again later will not help


@dataclass
class Fetched:
    url: str
    status: int
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GET with ``retries`` more attempts after the first, waiting ``backoff * 2**n`` seconds between."""

    def __init__(self, timeout: float = 20.0, retries: int = 2, backoff: float = 2.0,
                 sleep: Callable[[float], None] = time.sleep):
        self.timeout, self.retries, self.backoff, self.sleep = timeout, retries, backoff, sleep
        self.client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                response = self.client.get(url, headers=headers)
            except httpx.TimeoutException:
                problem = f"timed out after {self.timeout:g} s"
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code < 400:
                    return Fetched(str(response.url), response.status_code, response.content,
                                   response.headers.get("etag"), response.headers.get("last-modified"),
                                   response.headers.get("content-type"))
                problem = f"HTTP {response.status_code} {response.reason_phrase}"
                if response.status_code not in RETRY_STATUSES:
                    raise FetchError(problem, permanent=True)
            if attempt < attempts:
                wait = self.backoff * 2 ** (attempt - 1)
                log.warning("%s: attempt %d/%d failed (%s); retrying in %g s", url, attempt, attempts, problem, wait)
                self.sleep(wait)
        raise FetchError(f"{problem} ({attempts} attempts)")

    def close(self) -> None:
        self.client.close()
