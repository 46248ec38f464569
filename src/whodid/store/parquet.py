"""The analyses of an ingest run as Parquet files, besides the database (``whodid ingest --parquet DIR``).

One folder per table, the same tables and columns as the database (one row per
article, analysis JSON, actor, mention, quote, event, place, date, check,
story link), written as ``DIR/TABLE/part-RUN-N.parquet``: DuckDB reads
``read_parquet('DIR/events/*.parquet')``, Spark ``spark.read.parquet('DIR/events')``,
BigQuery a load job of ``DIR/events/*.parquet``. Rows are buffered in an
in-memory DuckDB database with the whodid schema and written out every
``articles_per_part`` articles, so memory stays flat on a large corpus; a
later run adds parts, never rewrites them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from whodid.model import Analysis

TABLES = ("articles", "analyses", "actors", "mentions", "quotes", "events", "places", "place_mentions", "dates",
          "checks", "stories")

# Unsigned 64-bit Parquet integers are not read everywhere (BigQuery, older Spark); MinHash values are
# 32-bit (the "affine32" scheme), so they fit a signed BIGINT.
# The events' ``date`` as a DATE read with ``date_precision`` (the text's mixed-precision string made
# pandas and R fail to parse most values), as ``whodid export`` writes it.
_PORTABLE = {"stories": "* REPLACE (CAST(minhash AS BIGINT[]) AS minhash)",
             "events": "* EXCLUDE (event_date) REPLACE (event_date AS date)"}


class ParquetSink:
    def __init__(self, folder: str | Path, articles_per_part: int = 5000):
        from whodid.store import Store

        self.folder = Path(folder)
        self.articles_per_part = articles_per_part
        self.run = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
        self.parts = 0
        self.buffered = 0
        for table in TABLES:
            (self.folder / table).mkdir(parents=True, exist_ok=True)
        self.buffer = Store(":memory:")

    def write(self, batch: Sequence[tuple[Analysis, str]], stories: Sequence[tuple] = ()) -> None:
        if not batch:
            return
        self.buffer.write(batch, (), stories)
        self.buffered += len(batch)
        if self.buffered >= self.articles_per_part:
            self.flush()

    def flush(self) -> None:
        if not self.buffered:
            return
        con = self.buffer.con
        for table in TABLES:
            target = self.folder / table / f"part-{self.run}-{self.parts:05d}.parquet"
            partial = target.with_name("." + target.name + ".partial")  # hidden: readers skip it
            quoted = str(partial).replace("'", "''")
            con.execute(f"COPY (SELECT {_PORTABLE.get(table, '*')} FROM {table}) TO '{quoted}' (FORMAT parquet)")
            partial.replace(target)
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM unlinked_articles")  # the buffer is never linked: its marks would only pile up
        self.parts += 1
        self.buffered = 0

    def close(self) -> None:
        self.flush()
        self.buffer.close()
