"""``whodid optimize``: the web app's summaries rewritten in the order its pages read them.

A page reads a few rows of a summary by a range of its leading column (a day's events, a speaker's
quotes, a word's articles); DuckDB skips the row groups whose min/max (zone maps) lie outside it.
Writes append each batch of 32 articles in that order, but a row group then holds hundreds of
batches and spans the whole range, so nothing is skipped. A large run of writes (a `whodid ingest`
that added a row group's worth) re-sorts the narrow summaries whose unsorted tail has grown past a
row group and an eighth of the table (``summaries.sort``), after its writes; small writes (a pasted
article, one file) never do, so their tails wait for this. This rewrites every summary of
``summaries.SORTED`` that is not in its order, article_words included (too large to rewrite as it
grows). Answers do not change: only the rows' order in storage.

Each table is checked, then rewritten and swapped in by one transaction of its own: killed at any
point, every table is either as it was or whole in its new order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from whodid.store import Store, StoreError, is_postgres, summaries


@dataclass
class Step:
    """What ``optimize`` did with one summary."""
    table: str
    rows: int
    rewritten: bool
    seconds: float


def optimize(db: str | Path, progress: Callable[[str, int | None, Step | None], None] | None = None) -> list[Step]:
    """Rewrite every summary of ``summaries.SORTED`` of the DuckDB database ``db`` that is not
    stored in its order; ``progress(table, rows, None)`` before each table's work, ``progress(table,
    rows, step)`` after it. Raises ``StoreError`` (a line a user can act on) for a PostgreSQL URL, a
    missing file, a file that cannot be written or one in use by another process, or a database
    whose summaries are behind its articles (a write or `whodid serve` brings them up to date)."""
    if is_postgres(db):
        raise StoreError("whodid optimize lays out DuckDB databases only (PostgreSQL keeps no summaries)")
    path = Path(db)
    if not path.is_file():
        raise StoreError(f"{path}: no such database")
    store = Store(path)  # (a read-only file or one in use: StoreError saying so)
    try:
        con = store.con
        if not summaries.fresh(con):
            raise StoreError(f"{path}: its summaries are behind its articles; bring them up to date first "
                             "(`whodid serve --db DB` without --read-only does, then stop it)")
        steps = []
        for name in summaries.SORTED:
            rows, = con.execute(f"SELECT count(*) FROM {name}").fetchone()
            if progress:
                progress(name, rows, None)
            start = time.perf_counter()
            with store.transaction():  # (the check and the swap: nothing else writes meanwhile)
                rewritten = not summaries.in_order(con, name)
                if rewritten:
                    summaries.rewrite(con, name)
                con.execute("INSERT OR REPLACE INTO summary_sorted VALUES (?, ?)", [name, rows])
            steps.append(Step(name, rows, rewritten, time.perf_counter() - start))
            if progress:
                progress(name, rows, steps[-1])
        if any(s.rewritten for s in steps):
            con.execute("CHECKPOINT")  # (the old tables' blocks freed for reuse)
        return steps
    finally:
        store.close()
