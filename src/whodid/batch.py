"""A corpus through the pipeline into a store: batching, de-duplication, workers.

The reader, the near-duplicate index and the single database writer stay in
this process; with
``workers > 1`` the parsing runs in that many worker processes, each loading
the pipeline once. At most ``2 * workers`` batches are in flight, so memory stays
flat however large the input. Each finished batch is written in one
transaction, so a run killed at any point keeps every finished batch and the
next run skips them by content hash. An article whose parse or stage raises is
stored as a failure (``ingest_failures``, with the stage) and the batch goes on;
workers exit when their parent dies (``_exit_with_parent``), so a SIGKILL of the
parent (the out-of-memory killer) leaves no process behind.

With ``engine="ray"`` the parsing runs instead in Ray actors, one pipeline
each, on a local Ray instance or an existing cluster (``whodid.ray_engine``); the
results come back here and go through the same single writer. ``sink``
(e.g. ``whodid.store.parquet.ParquetSink``) gets every stored batch too.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from whodid import ingest
from whodid.config import PipelineConfig
from whodid.ingest import Record, Rejected
from whodid.knowledge import Resources
from whodid.model import Analysis
from whodid.places.source_home import SourceHomes
from whodid.store import Store
from whodid.store.near_duplicates import StoryIndex
from whodid.store.clusters import DEFAULT_WINDOW_DAYS, link_pending
from whodid.store.write import store_analyses

Batch = list[tuple[Analysis, str]]


@dataclass
class Outcome:
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[Rejected] = field(default_factory=list)
    sorted: list[str] = field(default_factory=list)  # the summaries put back in their order after the run


_worker_pipeline = None


PARENT_CHECK_SECONDS = 0.5


def _exit_with_parent(parent: int) -> None:
    """End this worker as soon as its parent is gone: a killed parent (SIGKILL, out of memory)
    cannot tell its workers, and they would otherwise wait on their pipe for minutes."""
    try:
        import ctypes

        # Linux: the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG = 1)
        ctypes.CDLL(None, use_errno=True).prctl(1, 9, 0, 0, 0)
    except (OSError, AttributeError):
        pass

    def watch() -> None:  # elsewhere (and as a second line of defence): poll for a new parent
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="whodid-parent-watch", daemon=True).start()


def _init_worker(config: PipelineConfig | None, resources: Resources | None, parent: int | None = None,
                 homes: SourceHomes | None = None) -> None:
    global _worker_pipeline
    from whodid.pipeline import Pipeline

    if parent is not None:
        _exit_with_parent(parent)

    # the Resources unpickle as their options and are built once in this process
    _worker_pipeline = Pipeline(config, resources=resources, homes=homes)


def _analyze_in_worker(records: list[Record]) -> list[tuple[Analysis | Rejected, str]]:
    return [(analysis, record.origin) for record, analysis in _worker_pipeline.analyze_isolated(records)]


def ingest_corpus(paths: Iterable[str | Path], store: Store, *args, **kwargs) -> Outcome:
    """Analyse and store every new article in ``paths``; the options are ``ingest_items``'."""
    return ingest_items(ingest.read(paths), store, *args, **kwargs)


def ingest_items(
    items: Iterable[Record | Rejected],
    store: Store,
    batch_size: int = 32,
    workers: int = 1,
    config: PipelineConfig | None = None,
    resources: Resources | None = None,
    on_batch: Callable[[int, Counter[str]], None] = lambda n, counts: None,
    merge_window_days: int = DEFAULT_WINDOW_DAYS,
    engine: str = "local",
    ray_address: str | None = None,
    sink=None,
    homes: SourceHomes | None = None,
) -> Outcome:
    """Analyse and store every new article among ``items`` (records from ``ingest.read`` or a feed);
    ``on_batch(articles_read, counts)`` reports progress. ``config`` says which stages run
    with what knowledge; ``resources``, knowledge already built for it (else built once
    per process). ``homes``: the papers' homes learnt beforehand from the whole input
    (``whodid.pipeline.learn_homes``), the same table in every worker.

    After the last write, the summaries this run added a row group's worth to are put back in
    their order if their unsorted tail has grown long (``Store.sort_summaries``): a run of a few
    articles never waits for that."""
    before = store.summary_rows()
    outcome = _ingest_items(items, store, batch_size, workers, config, resources, on_batch, merge_window_days,
                            engine, ray_address, sink, homes)
    outcome.sorted = store.sort_summaries(before)
    return outcome


def _ingest_items(items, store, batch_size, workers, config, resources, on_batch, merge_window_days,
                  engine, ray_address, sink, homes) -> Outcome:
    outcome = Outcome()
    counts = outcome.counts
    batches = _new_work(iter(items), store, batch_size, outcome)
    stories = StoryIndex(store.stories())
    # events that a crash between storing a batch and linking it left unlinked
    link_pending(store.con, merge_window_days)

    def store_batch(results: list[tuple[Analysis | Rejected, str]], rejected: list[Rejected], read: int) -> None:
        done = [(a, origin) for a, origin in results if not isinstance(a, Rejected)]
        failed = [a for a, _ in results if isinstance(a, Rejected)]
        counts["failed"] += len(failed)
        outcome.failures.extend(failed)
        rejected = rejected + failed
        stored, links = store_analyses(store, stories, done, [(r.origin, r.reason, r.kind, r.stage)
                                                              for r in rejected], merge_window_days)
        counts["near-duplicate (linked to a story)"] += sum(similarity is not None for _, _, similarity, _ in links)
        counts["stored"] += stored
        # another writer to the same PostgreSQL database stored these first
        counts["already stored"] += len(done) - stored
        if sink is not None:
            sink.write(done, links)
        on_batch(read, counts)

    if engine == "ray":
        from whodid.ray_engine import analyze_on_ray

        for done, (rejected, read) in analyze_on_ray(
                ((todo, (rejected, read)) for todo, rejected, read in batches),
                workers, config, resources, ray_address, homes):
            store_batch(done, rejected, read)
        return outcome
    if engine != "local":
        raise ValueError(f"engine {engine!r}: choose local or ray")

    if workers <= 1:
        pipeline = None
        for todo, rejected, read in batches:
            if todo and pipeline is None:
                from whodid.pipeline import Pipeline

                pipeline = Pipeline(config, resources=resources, homes=homes)
            done = [(a, r.origin) for r, a in pipeline.analyze_isolated(todo)] if todo else []
            store_batch(done, rejected, read)
        return outcome

    # spawn, not fork: the parent holds a DuckDB connection and its threads
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(config, resources, os.getpid(), homes)) as pool:
        pending: dict[Future, tuple[list[Rejected], int]] = {}
        try:
            for todo, rejected, read in batches:
                if not todo:
                    store_batch([], rejected, read)
                    continue
                pending[pool.submit(_analyze_in_worker, todo)] = (rejected, read)
                while len(pending) >= 2 * workers:
                    _drain(pending, store_batch)
            while pending:
                _drain(pending, store_batch)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return outcome


def _drain(pending: dict, store_batch: Callable) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        rejected, read = pending.pop(future)
        store_batch(future.result(), rejected, read)


def _new_work(items: Iterator[Record | Rejected], store: Store, batch_size: int,
              outcome: Outcome) -> Iterator[tuple[list[Record], list[Rejected], int]]:
    """Batches of records not stored yet, with the batch's rejections and its size."""
    counts, seen = outcome.counts, set()
    while batch := list(islice(items, batch_size)):
        records = [r for r in batch if isinstance(r, Record)]
        rejected = [r for r in batch if isinstance(r, Rejected)]
        already = store.stored(r.article.text_sha1 for r in records)
        todo = []
        for record in records:
            sha = record.article.text_sha1
            if sha in already:
                counts["already stored"] += 1
            elif sha in seen:
                counts["duplicate"] += 1
            else:
                seen.add(sha)
                todo.append(record)
        for r in rejected:
            counts["skipped (not English)" if r.kind == "language" else "failed"] += 1
        outcome.failures.extend(rejected)
        yield todo, rejected, len(batch)
