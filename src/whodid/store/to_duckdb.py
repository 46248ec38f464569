"""A PostgreSQL whodid database copied into an in-memory DuckDB, so every export runs on one engine.

PostgreSQL has no Parquet writer and lacks the DuckDB functions the exporters
use, so the tables an export reads are streamed into DuckDB tables of the
store's own column types: the files are then the same whichever engine holds
the data. Only those tables are copied, each just before it is needed and
dropped once nothing later needs it, and rows come over from a server-side
cursor in chunks, so memory holds what one export step reads, not the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import duckdb

from whodid.store.schema import COLUMNS

# PostgreSQL type (as psycopg displays it) -> DuckDB type
_DUCKDB_TYPES = {
    "text": "VARCHAR", "character varying": "VARCHAR", "varchar": "VARCHAR", "boolean": "BOOLEAN", "bool": "BOOLEAN",
    "integer": "INTEGER", "int4": "INTEGER", "bigint": "BIGINT", "int8": "BIGINT", "smallint": "SMALLINT",
    "int2": "SMALLINT", "double precision": "DOUBLE", "float8": "DOUBLE", "real": "FLOAT", "float4": "FLOAT",
    "numeric": "HUGEINT", "json": "JSON", "jsonb": "JSON", "timestamp": "TIMESTAMP",
    "timestamp without time zone": "TIMESTAMP", "timestamptz": "TIMESTAMPTZ", "date": "DATE", "bytea": "BLOB",
}
_CHUNK = 10_000


class DuckDBTables:
    """The tables of ``con`` in DuckDB: ``con`` itself if it is DuckDB, else copies made on demand."""

    def __init__(self, con):
        self.source = con
        self.is_copy = not isinstance(con, duckdb.DuckDBPyConnection)
        self.con = duckdb.connect() if self.is_copy else con
        self.copied: set[str] = set()

    def holding(self, tables: Iterable[str], keep: Iterable[str] = ()) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with ``tables``; copies no longer in ``tables`` or ``keep`` are dropped first."""
        if not self.is_copy:
            return self.con
        tables = set(tables)
        for table in sorted(self.copied - tables - set(keep)):
            self.con.execute(f"DROP TABLE {table}")
            self.copied.discard(table)
        for table in sorted(tables - self.copied):
            _copy_table(self.source, table, self.con)
            self.copied.add(table)
        return self.con

    def close(self) -> None:
        if self.is_copy:
            self.con.close()


def _duckdb_type(display: str) -> str:
    base = re.sub(r"\(.*?\)", "", display).strip().lower()
    if base.endswith("[]"):
        return _duckdb_type(base[:-2]) + "[]"
    return _DUCKDB_TYPES.get(base, "VARCHAR")


def _copy_table(con, table: str, local: duckdb.DuckDBPyConnection) -> None:
    with con.stream(f"SELECT * FROM {table}") as cursor:
        known = dict(COLUMNS.get(table, []))  # the DuckDB store's own types, so both exports match
        columns = [(c.name, known.get(c.name) or _duckdb_type(c.type_display)) for c in cursor.description]
        local.execute(f"CREATE TABLE {table} (" + ", ".join(f'"{n}" {t}' for n, t in columns) + ")")
        values = ", ".join(f"unnest(?::{t}[])" for _, t in columns)
        # NUMERIC comes back as Decimal; whodid's NUMERIC columns hold integers (UBIGINT in DuckDB).
        # Only those columns are converted: a value-by-value pass over every column doubled the copy time.
        numeric = {i for i, c in enumerate(cursor.description) if c.type_display.lower().startswith("numeric")}
        while chunk := cursor.fetchmany(_CHUNK):
            data = [[_plain(v) for v in col] if i in numeric else list(col) for i, col in enumerate(zip(*chunk))]
            local.execute(f"INSERT INTO {table} SELECT {values}", data)


def _plain(value):
    if isinstance(value, Decimal):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
