"""One table of a whodid database to a Parquet, CSV or JSON Lines file, from DuckDB or PostgreSQL.

DuckDB writes the file itself (``COPY ... TO``). PostgreSQL has no Parquet
writer, so its rows are streamed into an in-memory DuckDB table of the same
column types, which then writes the file: the output is the same either way.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from whodid.store import StoreError
from whodid.store.schema import COLUMNS

FORMATS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)", "jsonl": "(FORMAT json)"}

# PostgreSQL type (as psycopg displays it) -> DuckDB type
_DUCKDB_TYPES = {
    "text": "VARCHAR", "character varying": "VARCHAR", "varchar": "VARCHAR", "boolean": "BOOLEAN", "bool": "BOOLEAN",
    "integer": "INTEGER", "int4": "INTEGER", "bigint": "BIGINT", "int8": "BIGINT", "smallint": "SMALLINT",
    "int2": "SMALLINT", "double precision": "DOUBLE", "float8": "DOUBLE", "real": "FLOAT", "float4": "FLOAT",
    "numeric": "HUGEINT", "json": "JSON", "jsonb": "JSON", "timestamp": "TIMESTAMP",
    "timestamp without time zone": "TIMESTAMP", "timestamptz": "TIMESTAMPTZ", "date": "DATE", "bytea": "BLOB",
}
_CHUNK = 10_000


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_table(con, table: str, target: Path, fmt: str) -> int:
    """Write ``table`` to ``target`` (via a hidden partial file, so a failure leaves no half file).
    ``con``: from ``connect_read_only``. Returns the rows written."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        if isinstance(con, duckdb.DuckDBPyConnection):
            con.execute(f"COPY (SELECT * FROM {table}) TO {_quote_path(partial)} {FORMATS[fmt]}")
            rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        else:
            rows = _from_postgres(con, table, partial, fmt)
    except (duckdb.Error, StoreError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"exporting {table} to {target} failed: {exc}") from exc
    partial.replace(target)
    return rows


def _duckdb_type(display: str) -> str:
    base = re.sub(r"\(.*?\)", "", display).strip().lower()
    if base.endswith("[]"):
        return _duckdb_type(base[:-2]) + "[]"
    return _DUCKDB_TYPES.get(base, "VARCHAR")


def _from_postgres(con, table: str, partial: Path, fmt: str) -> int:
    cursor = con.execute(f"SELECT * FROM {table}")
    known = dict(COLUMNS.get(table, []))  # the DuckDB store's own types, so both exports match
    columns = [(c.name, known.get(c.name) or _duckdb_type(c.type_display)) for c in cursor.description]
    local = duckdb.connect()
    try:
        local.execute(f"CREATE TABLE {table} (" + ", ".join(f'"{n}" {t}' for n, t in columns) + ")")
        values = ", ".join(f"unnest(?::{t}[])" for _, t in columns)
        rows = 0
        while chunk := cursor.fetchmany(_CHUNK):
            # NUMERIC comes back as Decimal; whodid's NUMERIC columns hold integers (UBIGINT in DuckDB)
            chunk = [tuple(_plain(v) for v in row) for row in chunk]
            local.execute(f"INSERT INTO {table} SELECT {values}", [list(col) for col in zip(*chunk)])
            rows += len(chunk)
        local.execute(f"COPY {table} TO {_quote_path(partial)} {FORMATS[fmt]}")
    finally:
        local.close()
    return rows


def _plain(value):
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
