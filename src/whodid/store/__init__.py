"""store: Analyses into an embedded DuckDB database (``whodid.duckdb`` by default),
or into PostgreSQL when the database is a ``postgresql://`` URL (``whodid.store.postgres``).

Writes go in one transaction per batch: a crash or SIGKILL in the middle of a
batch leaves the database as it was after the last whole batch, and the next run
redoes only what is missing. Articles are keyed by content hash, so the same
article is stored once however often it is ingested.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from whodid.model import Analysis
from whodid.store.errors import explain
from whodid.store.schema import COLUMNS, LATEST, MIGRATIONS

DEFAULT_DB = "whodid.duckdb"
# The on-disk format new DuckDB files are written in: DuckDB 1.1 and every later release
# (the previous major release, 1.x, included) open them. Without it DuckDB 2 writes its
# own newest format, which 1.x refuses. Existing files keep the format they were made with.
STORAGE_VERSION = "v1.1.0"


def is_postgres(db: str | Path) -> bool:
    """A ``--db`` value naming a PostgreSQL database rather than a DuckDB file."""
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


class StoreError(RuntimeError):
    """A database that cannot be opened or written, with what to do about it."""


def _connect(path: str | Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database; create it with `whodid ingest PATH --db {path}`")
    try:
        if read_only:
            return duckdb.connect(str(path), read_only=True)
        return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    except duckdb.IOException as exc:
        if reason := explain(exc, path):
            raise StoreError(reason) from exc
        if "lock" in str(exc).lower():
            raise StoreError(
                f"{path}: the database is in use by another process ({exc}). "
                "Wait for that run to finish, or use another --db file."
            ) from exc
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a whodid DuckDB database ({exc})") from exc


class Store:
    """A whodid database opened for writing; creates and migrates the schema.

    ``Store(path)`` opens a DuckDB file; ``Store("postgresql://...")`` a
    ``PostgresStore`` with the same methods.
    """

    def __new__(cls, path: str | Path = DEFAULT_DB):
        if cls is Store and is_postgres(path):
            from whodid.store.postgres import PostgresStore

            return super().__new__(PostgresStore)
        return super().__new__(cls)

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = Path(path)
        self.con = _connect(self.path, read_only=False)
        try:
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    def _migrate(self) -> None:
        apply_migrations(self.con.execute, str(self.path), each=self.transaction)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException as exc:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass  # a failed COMMIT (a full disk) has ended the transaction already: the cause is exc
            if isinstance(exc, (duckdb.Error, OSError)) and (reason := explain(exc, self.path)):
                raise StoreError(reason) from exc
            raise

    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def stored(self, sha1s: Iterable[str]) -> set[str]:
        """Those of ``sha1s`` whose analysis is already stored."""
        sha1s = list(set(sha1s))
        if not sha1s:
            return set()
        rows = self.con.execute(
            "SELECT article_sha1 FROM analyses WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))", [sha1s]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, batch: Sequence[tuple[Analysis, str]], failures: Sequence[tuple[str, str, str, str]] = (),
              stories: Sequence[tuple[str, str, float | None, list[int]]] = ()) -> int:
        """Store ``(analysis, origin)`` pairs, ``(origin, reason, kind, stage)`` failures and
        ``(sha1, story id, similarity, minhash)`` story links, all or nothing.
        Returns how many analyses were stored."""
        tables = batch_tables(batch, failures, stories)
        # an input that failed before and is now stored or failed anew keeps no stale failure row
        origins = [origin for _, origin in batch] + [failure[0] for failure in failures]
        with self.transaction():
            if origins:
                self.con.execute("DELETE FROM ingest_failures WHERE origin IN (SELECT unnest(?::VARCHAR[]))",
                                 [origins])
            for name, rows in tables.items():
                if rows:
                    self._insert(name, rows)
            if batch:  # the web app's summaries, with the same transaction's articles in them
                from whodid.store import summaries

                summaries.refresh(self.con)
        if batch:  # the row-id hints just summarised, as the rows' committed row ids (a speed-up only)
            from whodid.store import summaries

            summaries.fix_hints(self.con)
        return len(batch)

    def summary_rows(self) -> dict[str, int]:
        """The rows of each summary the writes keep in order, at the start of a run of writes: what
        ``sort_summaries`` measures the run by."""
        from whodid.store import summaries

        return summaries.rows_of(self.con)

    def sort_summaries(self, before: dict[str, int]) -> list[str]:
        """After a run of writes that started at ``summary_rows()`` ``before``: rewrite in its order
        each summary whose unsorted tail is long enough and which the run itself added a row group's
        worth to (``summaries.sort``), each in a transaction of its own; returns the ones rewritten.
        A write never does this in its own transaction: a small one stays fast at any size."""
        from whodid.store import summaries

        return summaries.sort(self.con, before=before, each=self.transaction)

    def stories(self) -> list[tuple[str, str, list[int]]]:
        """(sha1, story id, minhash) of every stored article, to rebuild the near-duplicate index."""
        return self.con.execute("SELECT article_sha1, story_id, minhash FROM stories").fetchall()

    def _insert(self, table: str, rows: list[tuple]) -> None:
        # Column-wise binding: one statement per table, ~30x faster than executemany.
        columns = COLUMNS[table]
        names = ", ".join(name for name, _ in columns)
        values = ", ".join(f"unnest(?::{tp}[])" for _, tp in columns)
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {values}", [list(col) for col in zip(*rows)])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def apply_migrations(execute: Callable, label: str, translate: Callable[[str], str] = str,
                     each: Callable[[], AbstractContextManager] = nullcontext) -> None:
    """Bring a database's schema up to ``LATEST``: the loop the DuckDB and PostgreSQL stores share.
    ``execute(sql, params)`` takes ``?`` parameters, ``translate`` spells the DDL in the database's
    dialect, and ``each()`` wraps one migration with its version row (DuckDB: a transaction of its
    own; PostgreSQL runs them all in the caller's one transaction, under a lock)."""
    execute("CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    current = execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    if current > LATEST:
        raise StoreError(f"{label}: schema version {current} is newer than this whodid knows ({LATEST}); "
                         "upgrade whodid")
    for version, sql in MIGRATIONS:
        if version > current:
            with each():
                execute(translate(sql))
                execute("INSERT INTO schema_version (version) VALUES (?)", [version])


def connect_read_only(path: str | Path = DEFAULT_DB):
    """A read-only connection for queries: no statement through it can change the data.
    A DuckDB connection, or for a ``postgresql://`` URL one with the same ``execute``."""
    if is_postgres(path):
        from whodid.store.postgres import ReadOnlyPostgres

        return ReadOnlyPostgres(path)
    return _connect(path, read_only=True)


def as_date(value: str | None, precision: str = "day") -> date | None:
    """An ISO date string of a precision as a DATE: the first day of its month or year when coarser."""
    if not value or precision not in ("day", "month", "year"):
        return None
    try:
        if precision == "day":
            return date.fromisoformat(value[:10])
        return date(int(value[:4]), int(value[5:7]) if precision == "month" else 1, 1)
    except ValueError:
        return None


def _span(mention) -> tuple[int | None, int | None]:
    return (mention.start, mention.end) if mention is not None else (None, None)


def batch_tables(batch: Sequence[tuple[Analysis, str]], failures: Sequence[tuple[str, ...]] = (),
                 stories: Sequence[tuple] = ()) -> dict[str, list[tuple]]:
    """The rows of every table for a batch, by table name."""
    tables: dict[str, list[tuple]] = {name: [] for name in COLUMNS}
    for analysis, origin in batch:
        for name, rows in analysis_rows(analysis, origin).items():
            tables[name].extend(rows)
    # the last failure of an origin wins (an input failed twice in one batch); stage defaults to read
    last = {f[0]: (*f, "read")[:4] for f in failures}
    tables["ingest_failures"].extend(last.values())
    tables["stories"].extend(stories)
    return tables


def analysis_rows(analysis: Analysis, origin: str) -> dict[str, list[tuple]]:
    a = analysis.article
    sha = a.text_sha1
    published = as_date(a.published)
    rows: dict[str, list[tuple]] = {
        "articles": [(sha, a.id, a.title, a.byline, a.url, a.source, a.published, a.published_inferred,
                      a.language, a.text, origin, a.language_confidence, published)],
        "analyses": [(sha, analysis.meta.whodid_version, analysis.meta.model, analysis.meta.stages,
                      analysis.to_json())],
        "actors": [(sha, x.id, x.name, x.kind, x.country, x.sector, x.code, x.role, x.wikidata)
                   for x in analysis.actors],
        "mentions": [(sha, x.id, m.start, m.end, m.text, m.how, m.confidence)
                     for x in analysis.actors for m in x.mentions],
        "quotes": [(sha, i, q.speaker, q.speaker_text, q.cue, q.text, q.start, q.end, q.kind, q.nested_in,
                    *_span(q.speaker_mention), q.carried_over)
                   for i, q in enumerate(analysis.quotes)],
        "events": [(sha, i, e.type, e.mode, e.context, e.cameo, e.actor, e.recipient, e.modality, e.reported_by,
                    e.date, e.date_precision, e.place, e.sentence.start, e.sentence.end, e.trigger.start,
                    e.trigger.end, e.trigger.text, e.confidence, e.score, e.quad_class,
                    *_span(e.date_mention), *_span(e.place_mention), e.inferred, as_date(e.date, e.date_precision),
                    as_date(e.date, e.date_precision) or published)
                   for i, e in enumerate(analysis.events)],
        "places": [(sha, i, p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1, p.feature)
                   for i, p in enumerate(analysis.places)],
        "place_mentions": [(sha, i, m.start, m.end, m.text) for i, p in enumerate(analysis.places)
                           for m in p.mentions],
        "dates": [(sha, i, d.text, d.start, d.end, d.value, d.precision, d.kind, as_date(d.value, d.precision))
                  for i, d in enumerate(analysis.dates)],
        "checks": [(sha, i, c.kind, c.message, c.severity, c.start, c.end, [[x.start, x.end] for x in c.spans])
                   for i, c in enumerate(analysis.checks)],
        # stored, its events not yet linked (store/clusters.py removes the mark)
        "unlinked_articles": [(sha,)],
    }
    return rows
