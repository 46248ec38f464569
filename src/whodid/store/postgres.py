"""The whodid schema in PostgreSQL (``--db postgresql://user@host/dbname``), through psycopg 3.

Same tables and the same migrations as DuckDB (types translated by
``dialect.to_postgres``), same ``Store`` methods. Unlike a DuckDB file,
several processes may write at once: migrations run under an advisory lock,
and each batch is one transaction that inserts its articles with
``ON CONFLICT DO NOTHING`` and stores the items of only those articles it
inserted, so an article ingested by two writers at once is stored exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from whodid.model import Analysis
from whodid.store import Store, StoreError, analysis_rows, apply_migrations
from whodid.store.dialect import placeholders, postgres_type, to_postgres
from whodid.store.schema import COLUMNS

# any fixed number: the advisory lock that serialises migrations between writers
_MIGRATION_LOCK = 0x77686F646964
_RETRIES = 5

# Canned summaries whose DuckDB SQL PostgreSQL does not read (json paths, list(), round(double)).
SUMMARIES: dict[str, str] = {
    "articles": """
        SELECT a.id, left(a.title, 40) AS title, a.published, a.language,
               CAST(n.analysis -> 'meta' ->> 'sentences' AS INTEGER) AS sentences,
               CAST(n.analysis -> 'meta' ->> 'tokens' AS INTEGER) AS tokens
        FROM articles a JOIN analyses n ON n.article_sha1 = a.sha1
        ORDER BY a.ingested_at DESC, a.id LIMIT 20
    """,
    "stories": """
        SELECT s.story_id, count(*) AS articles, round(CAST(min(s.similarity) AS NUMERIC), 2) AS min_similarity,
               array_agg(a.id ORDER BY a.id) AS article_ids
        FROM stories s JOIN articles a ON a.sha1 = s.article_sha1
        GROUP BY s.story_id HAVING count(*) > 1 ORDER BY articles DESC LIMIT 50
    """,
    "events": """
        SELECT type, modality, count(*) AS events, count(DISTINCT article_sha1) AS articles,
               round(CAST(avg(score) AS NUMERIC), 2) AS mean_score
        FROM events GROUP BY type, modality ORDER BY events DESC
    """,
}


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError('a postgresql:// database needs psycopg: pip install "whodid[postgres]"') from exc
    return psycopg


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _open(url: str, **options: Any):
    psycopg = _psycopg()
    try:
        con = psycopg.connect(url, **options)
    except psycopg.Error as exc:
        raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL: {str(exc).strip()}") from exc
    # JSON comes back as text, as from DuckDB (Analysis.from_json reads it)
    from psycopg.types.string import TextLoader

    con.adapters.register_loader("json", TextLoader)
    con.adapters.register_loader("jsonb", TextLoader)
    return con


class _Connection:
    """A psycopg connection that takes DuckDB-style ``?`` parameters, so the SQL of
    ``Store`` methods written for DuckDB (``unnest(?::VARCHAR[])``...) runs here too."""

    def __init__(self, con):
        self.raw = con

    def execute(self, sql: str, params: Sequence | None = None):
        if params is None:
            return self.raw.execute(sql)
        return self.raw.execute(placeholders(sql), params)

    def close(self) -> None:
        self.raw.close()


class PostgresStore(Store):
    """A PostgreSQL database opened for writing; creates and migrates the schema."""

    def __init__(self, url: str):
        self.path = url
        self.label = redact(url)
        self.con = _Connection(_open(url, autocommit=True))
        try:
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    def _migrate(self) -> None:
        psycopg = _psycopg()
        try:
            # DDL is transactional here: every migration applies whole or not at all
            with self.con.raw.transaction():
                self.con.raw.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATION_LOCK])
                apply_migrations(self.con.execute, self.label, to_postgres)
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: cannot create or migrate the whodid schema: {exc}") from exc

    def summary_rows(self) -> dict[str, int]:
        return {}  # (PostgreSQL keeps no summaries)

    def sort_summaries(self, before: dict[str, int]) -> list[str]:
        return []

    def stories(self) -> list[tuple[str, str, list[int]]]:
        rows = self.con.execute("SELECT article_sha1, story_id, minhash FROM stories").fetchall()
        return [(sha, story, [int(v) for v in minhash]) for sha, story, minhash in rows]

    def write(self, batch: Sequence[tuple[Analysis, str]], failures: Sequence[tuple[str, ...]] = (),
              stories: Sequence[tuple[str, str, float | None, list[int]]] = ()) -> int:
        """Like ``Store.write``; an article another writer stored first is skipped, not an error.
        Returns how many analyses this call stored."""
        psycopg = _psycopg()
        for attempt in range(_RETRIES):
            try:
                return self._write_once(batch, failures, stories)
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == _RETRIES - 1:
                    raise
            except psycopg.DataError as exc:
                # PostgreSQL text cannot hold NUL characters, which a JSON string may carry
                bad = [origin for analysis, origin in batch
                       if any("\x00" in v for v in analysis_rows(analysis, origin)["articles"][0] if isinstance(v, str))]
                named = f" ({', '.join(bad[:5])} contain NUL characters)" if bad else ""
                raise StoreError(f"{self.label}: a batch could not be stored{named}: {str(exc).strip()}; "
                                 "nothing of it was written") from exc
        raise AssertionError("unreachable")

    def _write_once(self, batch, failures, stories) -> int:
        raw = self.con.raw
        first: dict[str, dict[str, list[tuple]]] = {}
        for analysis, origin in batch:
            first.setdefault(analysis.article.text_sha1, analysis_rows(analysis, origin))
        # rows in key order: two writers lock shared keys in the same order and cannot deadlock
        articles = sorted(rows["articles"][0] for rows in first.values())
        last_failure = {f[0]: (*f, "read")[:4] for f in failures}
        origins = sorted({origin for _, origin in batch} | set(last_failure))
        with raw.transaction():
            if origins:
                raw.execute("DELETE FROM ingest_failures WHERE origin = ANY(%s)", [origins])
            inserted: set[str] = set()
            if articles:
                inserted = {row[0] for row in raw.execute(
                    _insert_sql("articles", "ON CONFLICT (sha1) DO NOTHING RETURNING sha1"),
                    [list(col) for col in zip(*articles)])}
            tables: dict[str, list[tuple]] = {name: [] for name in COLUMNS if name != "articles"}
            for sha in sorted(inserted):
                for name, rows in first[sha].items():
                    if name != "articles":
                        tables[name].extend(rows)
            tables["stories"] = list({link[0]: link for link in stories if link[0] in inserted}.values())
            for table, rows in tables.items():
                if rows:
                    _copy(raw, table, rows)
            if last_failure:
                raw.execute(_insert_sql("ingest_failures", "ON CONFLICT (origin) DO UPDATE SET reason = "
                                        "excluded.reason, kind = excluded.kind, stage = excluded.stage, "
                                        "failed_at = current_timestamp"),
                            [list(col) for col in zip(*sorted(last_failure.values()))])
        return len(inserted)


def _insert_sql(table: str, tail: str) -> str:
    """Column-wise insert of scalar columns: one array parameter per column."""
    columns = COLUMNS[table]
    names = ", ".join(name for name, _ in columns)
    arrays = ", ".join(f"%s::{postgres_type(tp)}[]" for _, tp in columns)
    return f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) {tail}"


def _copy(raw, table: str, rows: list[tuple]) -> None:
    """Rows into a table with COPY, the fast path (list columns become arrays)."""
    names = ", ".join(name for name, _ in COLUMNS[table])
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


class ReadOnlyPostgres:
    """A connection for ``whodid query`` and ``export``: every statement runs alone
    (no ``;``-chained second statement) in a read-only transaction."""

    dialect = "postgres"

    def __init__(self, url: str):
        self.label = redact(url)
        self.raw = _open(url, autocommit=False, options="-c default_transaction_read_only=on")
        version = self.raw.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]
        self.raw.rollback()
        if not version:
            raise StoreError(f"{self.label}: no whodid schema in this database; create it with "
                             f"`whodid ingest PATH --db {self.label}`")

    def execute(self, sql: str, params: Sequence | None = None):
        psycopg = _psycopg()
        self.raw.rollback()
        try:
            if params is None:
                # prepare=True: the extended protocol, which runs exactly one statement
                return self.raw.execute(sql, prepare=True)
            return self.raw.execute(placeholders(sql), params, prepare=True)
        except psycopg.Error as exc:
            raise StoreError(str(exc).strip()) from exc

    @contextmanager
    def stream(self, sql: str) -> Iterator[Any]:
        """A server-side cursor over ``sql``: ``fetchmany`` brings rows over a chunk at a time,
        where ``execute`` would hold the whole result in memory first."""
        psycopg = _psycopg()
        self.raw.rollback()
        try:
            with self.raw.cursor(name="whodid_stream") as cursor:
                cursor.execute(sql)
                yield cursor
        except psycopg.Error as exc:
            raise StoreError(str(exc).strip()) from exc
        finally:
            self.raw.rollback()

    def close(self) -> None:
        self.raw.close()


def summary_sql(name: str, default: str) -> str:
    return SUMMARIES.get(name, default)
