"""The few spellings that differ between DuckDB and PostgreSQL.

Migrations are written once, in DuckDB's SQL; ``to_postgres`` rewrites the
types PostgreSQL spells differently, and ``placeholders`` the ``?`` parameter
markers (psycopg uses ``%s``). Everything else in the schema (VARCHAR, lists as
``T[]``, JSON, TIMESTAMP DEFAULT current_timestamp, ALTER TABLE ADD COLUMN) is
the same in both.
"""

from __future__ import annotations

import re

# DuckDB type -> PostgreSQL type. UBIGINT holds values up to 2**64, more than BIGINT.
POSTGRES_TYPES = {
    "DOUBLE": "DOUBLE PRECISION",
    "UBIGINT": "NUMERIC(20)",
    "UINTEGER": "BIGINT",
    "USMALLINT": "INTEGER",
    "UTINYINT": "SMALLINT",
    "TINYINT": "SMALLINT",
    "HUGEINT": "NUMERIC(39)",
    "BLOB": "BYTEA",
    "FLOAT": "REAL",
}
_TYPE = re.compile(r"\b(" + "|".join(POSTGRES_TYPES) + r")\b(?!\s+PRECISION)", re.IGNORECASE)


def _outside_literals(sql: str, pattern: re.Pattern, replace) -> str:
    """Apply ``replace`` to matches of ``pattern`` only outside quoted strings and names."""
    out, last = [], 0
    for quoted in re.finditer(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", sql):
        out.append(pattern.sub(replace, sql[last:quoted.start()]))
        out.append(quoted.group())
        last = quoted.end()
    out.append(pattern.sub(replace, sql[last:]))
    return "".join(out)


def to_postgres(sql: str) -> str:
    """DuckDB DDL as PostgreSQL DDL."""
    return _outside_literals(sql, _TYPE, lambda m: POSTGRES_TYPES[m.group(1).upper()])


def postgres_type(duckdb_type: str) -> str:
    return to_postgres(duckdb_type)


def placeholders(sql: str) -> str:
    """``?`` markers outside quotes as psycopg's ``%s``; every literal % doubled, as psycopg
    reads % signs in quoted text too when parameters are given."""
    sql = sql.replace("%", "%%")
    return _outside_literals(sql, re.compile(r"\?"), lambda m: "%s")
