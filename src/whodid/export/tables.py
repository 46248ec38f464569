"""The database's tables as Parquet, CSV or JSON Lines; Parquet optionally partitioned by date."""

from __future__ import annotations

from pathlib import Path

import duckdb

FORMATS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER", "jsonl": "FORMAT json"}

# The day each table's rows are filed under: an event cluster by the event's
# date, an event by its cluster's date, everything else by its article's
# publication day. Rows with no known day go under date=unknown. Joins, not
# correlated subqueries: a million events export in one pass.
_PUBLISHED_DAY = "CAST(TRY_CAST(left({col}, 10) AS DATE) AS VARCHAR)"
DAY_OF = {
    "articles": ("", _PUBLISHED_DAY.format(col="t.published")),
    "event_clusters": ("", "CAST(t.event_date AS VARCHAR)"),
    "events": ("LEFT JOIN event_cluster_mentions m ON m.article_sha1 = t.article_sha1 AND m.event_idx = t.idx "
               "LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id", "CAST(c.event_date AS VARCHAR)"),
}
ARTICLE_DAY = ("LEFT JOIN articles a ON a.sha1 = t.article_sha1", _PUBLISHED_DAY.format(col="a.published"))
# the tables each join above reads (ARTICLE_DAY's: articles)
DAY_READS = {"articles": set(), "event_clusters": set(), "events": {"event_cluster_mentions", "event_clusters"}}


def day_of(table: str) -> tuple[str, str]:
    """(join clause, day expression) for a table aliased ``t``."""
    return DAY_OF.get(table, ARTICLE_DAY)


def reads(table: str, by_date: bool = False) -> set[str]:
    """The tables writing ``table`` reads: itself, and with ``by_date`` those its day comes from."""
    if not by_date:
        return {table}
    return {table} | DAY_READS.get(table, {"articles"})


def columns(con: duckdb.DuckDBPyConnection, table: str, by_date: bool = False) -> str:
    """The select list a table is written with (alias ``t``). The events table's ``date`` is a DATE
    (``event_date``: the first of its month or year when ``date_precision`` says it is coarser) rather
    than the text's mixed-precision string, so readers get a typed column; with ``by_date`` it is
    named ``event_date``, as ``date`` is the partition."""
    if table == "events" and _has_column(con, table, "event_date"):
        return "t.* EXCLUDE (date, event_date), t.event_date" if by_date \
            else "t.* EXCLUDE (event_date) REPLACE (t.event_date AS date)"
    if by_date and _has_column(con, table, "date"):
        return "t.* RENAME (date AS event_date)"
    return "t.*"


def write_table(con: duckdb.DuckDBPyConnection, table: str, out: Path, fmt: str, by_date: bool = False) -> Path:
    """One table to ``out/TABLE.FMT``, or with ``by_date`` to ``out/TABLE/date=YYYY-MM-DD/*.parquet``."""
    if by_date:
        if fmt != "parquet":
            raise ValueError("--by-date partitions Parquet only")
        target = out / table
        partial = out / f".{table}.partial"
        _remove(partial)
        join, day = day_of(table)
        sql = f"SELECT {columns(con, table, True)}, coalesce({day}, 'unknown') AS date FROM {table} t {join}"
        options = f"{FORMATS[fmt]}, PARTITION_BY (date)"
    else:
        target = out / f"{table}.{fmt}"
        partial = out / f".{table}.{fmt}.partial"
        sql, options = f"SELECT {columns(con, table)} FROM {table} t", FORMATS[fmt]
        if fmt == "csv":
            sql = _csv_safe(con, sql)
    try:
        quoted = str(partial).replace("'", "''")  # a folder name may hold a quote
        con.execute(f"COPY ({sql}) TO '{quoted}' ({options})")
    except BaseException:
        _remove(partial)
        raise
    _remove(target)
    partial.replace(target)
    return target


def _csv_safe(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """``sql`` with its text columns escaped against spreadsheet formulas (``csv_safe``)."""
    from whodid.export.csv_safe import safe_sql

    described = con.execute(f"DESCRIBE {sql}").fetchall()  # (name, type, ...)
    select = ", ".join(safe_sql(row[0]) if row[1] == "VARCHAR" else '"' + row[0].replace('"', '""') + '"'
                       for row in described)
    return f"SELECT {select} FROM ({sql})"


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                            [table, column]).fetchone()[0])


def _remove(path: Path) -> None:
    if path.is_dir():
        import shutil

        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
