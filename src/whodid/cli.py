"""The ``whodid`` command line: analyze, ingest, query, export, serve, optimize.

Exit codes: 0 every input was stored (or printed); 1 some inputs failed or were
skipped, or the run stopped on an error; 2 a usage error (bad option, missing
file given as an option). An unexpected error prints one line; ``--debug``
anywhere on the command line (or WHODID_DEBUG=1) prints the traceback instead.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from whodid import ingest
from whodid.version import __version__
from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.ingest import Record, Rejected

app = typer.Typer(
    help="whodid: who did what to whom, when and where, and who said what, from news text.",
    no_args_is_help=True,
    add_completion=True,  # whodid --install-completion [bash|zsh|fish|powershell]
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

PathsArg = Annotated[list[str], typer.Argument(
    help="Files or folders (.txt, .html, .jsonl\\[.gz], .warc\\[.gz]); '-' reads stdin.")]
DbOpt = Annotated[str, typer.Option(
    "--db", help="DuckDB database file, or a postgresql://user@host/dbname URL (pip install \"whodid\\[postgres]\").")]
StagesOpt = Annotated[Optional[str], typer.Option(
    "--stages", help="Comma-separated stages to run after nlp (default: all); 'none' for the parse alone.")]
KbOpt = Annotated[Optional[list[Path]], typer.Option(
    "--kb", help="Extra actors: a YAML/CSV/TSV file or a PETRARCH dictionary (repeatable).")]
LexiconOpt = Annotated[Optional[list[Path]], typer.Option(
    "--lexicon", help="Extra event triggers, same YAML format as the built-in lexicon, or a PETRARCH verb dictionary "
                    "(any other suffix) (repeatable).")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", help="A TOML file with a [pipeline] table: stages, kb, lexicon, batch_size "
                     "(the command line's options are added on top).")]
MaxCharsOpt = Annotated[int, typer.Option(
    "--max-chars", min=1000,
    help="Refuse (report and skip) an article longer than this many characters: parsing takes about 1.2 GB of "
         "memory per million characters.")]
MergeWindowOpt = Annotated[int, typer.Option(
    "--merge-window", min=0, max=30,
    help="Days apart two reports of the same event may be dated and still be linked as one event.")]

HomesOpt = Annotated[bool, typer.Option(
    "--homes-first/--one-pass",
    help="--homes-first: read the whole input once before analysing it, to learn each paper's home (the state "
         "most of its stories are in, which decides a namesake like Mansfield, Ohio in local news), the same "
         "for every article and worker. It parses every article twice (the first time for the actors and places stages only): about 1.7 times the time of --one-pass (benchmarks/homes_first.py). --one-pass "
         "(the default): no home, and nothing is read twice; stdin is kept in memory with --homes-first.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"whodid {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    pass


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _pipeline(stages: str | None, kb: list[Path] | None, lexicon: list[Path] | None,
              config_file: Path | None = None):
    """The configuration from --config, --stages, --kb and --lexicon, and the knowledge built
    for it: a bad setting or user file fails here, naming it, before anything is read or written."""
    from whodid.config import ConfigError, PipelineConfig
    from whodid.knowledge import KBFormatError, Resources

    for path in (kb or []) + (lexicon or []):
        if not path.is_file():
            raise _fail(f"{path}: no such file", 2)
    names = None
    if stages is not None:
        names = [] if stages.strip() == "none" else [n.strip() for n in stages.split(",") if n.strip()]
    try:
        config = PipelineConfig.from_file(config_file) if config_file else PipelineConfig()
        config = config.with_options(names, kb, lexicon)
        resources = Resources.build(config.kb_files, config.lexicon_files)
    except ConfigError as exc:
        raise _fail(f"{'--stages: ' if stages is not None and 'stage' in str(exc) else ''}{exc}", 2)
    except (KBFormatError, ValueError, OSError) as exc:
        raise _fail(str(exc), 2)
    except Exception as exc:  # a user file that trips a reader in a way no check foresaw: still a usage error
        files = ", ".join(str(f) for f in [*(kb or []), *(lexicon or []), *([config_file] if config_file else [])])
        raise _fail(f"{files or 'the knowledge'}: cannot be read ({type(exc).__name__}: {exc})", 2)
    return config, resources


def _homes_first(paths: list[str], max_chars: int, config, resources, quiet: bool = False):
    """The first pass of --homes-first: the homes learnt from every article of ``paths``, and the
    items to analyse (stdin, which cannot be read twice, is kept in memory)."""
    from whodid.pipeline import learn_homes

    items: Iterable = ingest.read(paths, max_chars=max_chars)
    if "-" in paths:
        items = list(items)
    if not quiet:
        err.print("whodid: first pass (--homes-first): learning each paper's home from the whole input",
                  highlight=False)
    homes = learn_homes((item for item in items if isinstance(item, Record)), config, resources)
    return homes, (items if isinstance(items, list) else ingest.read(paths, max_chars=max_chars))


def _need_extra(extra: str, *modules: str) -> None:
    """Fail with the install command when an optional extra's packages are missing."""
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise _fail(f"this command needs {', '.join(missing)}: pip install \"whodid\\[{extra}]\"", 2)


def _reject_line(item: Rejected) -> None:
    label = "skipped" if item.kind == "language" else "failed"
    err.print(f"whodid: {label} {item}", highlight=False, soft_wrap=True)


@app.command()
def analyze(
    paths: PathsArg = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Write one compact Analysis a line (JSON Lines).")] = False,
    report: Annotated[bool, typer.Option("--report", help="Print a readable report instead of JSON.")] = False,
    stages: StagesOpt = None,
    kb: KbOpt = None,
    lexicon: LexiconOpt = None,
    config_file: ConfigOpt = None,
    max_chars: MaxCharsOpt = ingest.DEFAULT_MAX_CHARS,
    homes_first: HomesOpt = False,
) -> None:
    """Analyse articles and print each Analysis as JSON (or a readable --report).

    One article prints as indented JSON; several (a folder, a JSONL file, or
    --jsonl) print one Analysis a line, streamed as they are done. Bad inputs
    (and articles a stage fails on) are reported on stderr and the rest go
    through; the exit code is 1 if any input failed or was skipped.
    """
    from whodid.pipeline import Pipeline

    paths = paths or ["-"]
    config, resources = _pipeline(stages, kb, lexicon, config_file)
    if paths == ["-"] and sys.stdin.isatty():
        raise _fail("no input: give a FILE, a folder, or pipe text/JSONL on stdin (see `whodid analyze --help`)", 2)
    counts: Counter[str] = Counter()
    homes, items = None, None
    if homes_first:
        homes, items = _homes_first(paths, max_chars, config, resources)

    def records() -> Iterator[Record]:
        for item in (items if items is not None else ingest.read(paths, max_chars=max_chars)):
            if isinstance(item, Rejected):
                counts[item.kind] += 1
                _reject_line(item)
            else:
                yield item

    stream = records()
    first = list(islice(stream, 2))
    if not first:
        raise _fail("no article to analyse" + (" (every input was rejected, see above)" if counts else ""))
    one_line = jsonl or len(first) > 1
    pipeline = Pipeline(config, resources=resources, homes=homes)
    for _, analysis in pipeline.analyze_isolated(chain(first, stream)):
        if isinstance(analysis, Rejected):
            counts[analysis.kind] += 1
            _reject_line(analysis)
            continue
        if report:
            from whodid.report import render

            render(analysis, out)
        elif one_line:
            sys.stdout.write(analysis.to_json() + "\n")
            sys.stdout.flush()
        else:
            sys.stdout.write(analysis.to_json(indent=2) + "\n")
    if counts:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    paths: PathsArg,
    db: DbOpt = "whodid.duckdb",
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Articles per database transaction.")] = 32,
    workers: Annotated[Optional[int], typer.Option(
        min=1, max=4096, help="Worker processes (Ray actors with --engine ray) that parse in parallel "
                              "[default: 1; with --engine ray, one per CPU of the cluster]")] = None,
    engine: Annotated[str, typer.Option(help="local (this machine) or ray (a Ray instance or cluster).")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(
        help="Ray cluster to use, e.g. ray://head:10001 (default: $RAY_ADDRESS, else a local Ray instance).")] = None,
    parquet: Annotated[Optional[Path], typer.Option(
        help="Also write the stored analyses as Parquet, one folder per table, into this folder.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary; only the inputs that "
                                                              "failed or were skipped.")] = False,
    stages: StagesOpt = None,
    kb: KbOpt = None,
    lexicon: LexiconOpt = None,
    config_file: ConfigOpt = None,
    merge_window: MergeWindowOpt = 1,
    max_chars: MaxCharsOpt = ingest.DEFAULT_MAX_CHARS,
    homes_first: HomesOpt = False,
) -> None:
    """Analyse articles and store them in a DuckDB file or a PostgreSQL database.

    Idempotent and resumable: an article already stored (same text) is skipped
    without being parsed again, and a run killed half way loses at most the
    batches in flight.
    """
    from whodid.batch import Outcome, ingest_items
    from whodid.store import Store, StoreError

    if engine not in ("local", "ray"):
        raise _fail(f"--engine {engine!r}: choose local or ray", 2)
    if ray_address and engine != "ray":
        raise _fail("--ray-address needs --engine ray", 2)
    if workers is None and engine == "local":
        workers = 1
    config, resources = _pipeline(stages, kb, lexicon, config_file)  # a bad file fails before anything is written
    try:
        store = Store(db)
    except StoreError as exc:
        raise _fail(str(exc))
    sink = None
    if parquet is not None:
        from whodid.store.parquet import ParquetSink

        sink = ParquetSink(parquet)
    homes, items = None, None
    if homes_first:
        try:
            homes, items = _homes_first(paths, max_chars, config, resources, quiet)
        except KeyboardInterrupt:
            store.close()
            raise typer.Exit(130)
    progress = _Progress(ingest.count(paths), quiet)
    outcome = Outcome()
    try:
        outcome = ingest_items(items if items is not None else ingest.read(paths, max_chars=max_chars), store,
                               batch_size, workers, config, resources, on_batch=progress.advance,
                               merge_window_days=merge_window, engine=engine, ray_address=ray_address, sink=sink,
                               homes=homes)
    except KeyboardInterrupt:
        progress.close()
        err.print(f"interrupted: every finished batch is safe in {_label(db)}; "
                  "run the same command again to go on where it stopped")
        raise typer.Exit(130)
    except (_cluster_error(), StoreError) as exc:
        progress.close()
        raise _fail(str(exc))
    finally:
        store.close()
        if sink is not None:
            sink.close()
    progress.close()
    _summary(_label(db), outcome.counts, outcome.failures, progress.elapsed(), quiet)
    if outcome.counts["failed"] or outcome.counts["skipped (not English)"]:
        raise typer.Exit(1)


def _label(db: str) -> str:
    """The --db value for messages: a PostgreSQL URL without its password."""
    from whodid.store.postgres import redact

    return redact(db)


def _cluster_error() -> type[Exception]:
    from whodid.ray_engine import ClusterError

    return ClusterError


def _summary(db: str, counts: Counter[str], failures: list[Rejected], seconds: float, quiet: bool = False) -> None:
    """The outcome table, then the rejected inputs; with --quiet only the rejected inputs."""
    from rich.table import Table

    if not quiet:
        err.print(f"whodid ingest -> {db} in {seconds:.1f} s", highlight=False)
        table = Table()
        table.add_column("outcome")
        table.add_column("articles", justify="right")
        for key in ("stored", "near-duplicate (linked to a story)", "already stored", "duplicate",
                    "skipped (not English)", "failed"):
            table.add_row(key, str(counts.get(key, 0)))
        err.print(table)
    for item in failures[:20]:
        _reject_line(item)
    if len(failures) > 20:
        err.print(f"... and {len(failures) - 20} more: `whodid query --summary failures --db {db}`")


class _Progress:
    """A rich bar on a terminal; in logs a plain line per batch, at most every
    WHODID_PROGRESS_SECONDS (default 2)."""

    def __init__(self, total: int | None, quiet: bool):
        self.total, self.quiet, self.done = total, quiet, 0
        self.start = self.last = time.monotonic()
        self.every = float(os.environ.get("WHODID_PROGRESS_SECONDS", "2"))
        self.bar = None
        if not quiet and err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=err)
            self.task = self.bar.add_task("ingest", total=total, rate="")
            self.bar.start()

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def advance(self, n: int, counts: Counter[str]) -> None:
        self.done += n
        rate = self.done / max(self.elapsed(), 1e-9)
        if self.bar is not None:
            self.bar.update(self.task, advance=n, rate=f"{rate:.1f} articles/s")
        elif not self.quiet and (time.monotonic() - self.last >= self.every or self.done == self.total):
            self.last = time.monotonic()
            eta = f", ETA {(self.total - self.done) / rate:.0f} s" if self.total and rate else ""
            of = f"/{self.total}" if self.total else ""
            err.print(f"whodid ingest: {self.done}{of} articles read, {counts['stored']} stored "
                      f"({rate:.1f} articles/s{eta})", highlight=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs (http, https) and folders to poll.")],
    db: DbOpt = "whodid.duckdb",
    interval: Annotated[float, typer.Option(min=1, help="Seconds between polls (GDELT updates every 900).")] = 900,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit (for cron).")] = False,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a server before giving up.")] = 20,
    retries: Annotated[int, typer.Option(min=0, max=10, help="Extra attempts after a timeout or 5xx.")] = 2,
    backoff: Annotated[float, typer.Option(min=0, help="First wait before a retry; doubles each time.")] = 2,
    article_attempts: Annotated[int, typer.Option(
        min=1, max=100, help="Polls at which an article that fails for now (5xx, time-out, a stage error) is tried "
                             "before the watcher gives up on it.")] = 6,
    article_backoff: Annotated[float, typer.Option(
        min=0, help="Seconds before a failed article is tried again at a poll; doubles after each failure.")] = 300,
    merge_window: MergeWindowOpt = 1,
    stages: StagesOpt = None,
    kb: KbOpt = None,
    lexicon: LexiconOpt = None,
    config_file: ConfigOpt = None,
) -> None:
    """Poll feeds and folders, and ingest each new article once.

    Articles are fetched once by URL and stored once by content hash; the
    seen-state is in the database, so a restarted watcher goes on where it
    stopped. A feed that is down, slow or malformed is logged and tried again
    at the next poll.
    """
    import logging

    _need_extra("watch", "feedparser", "httpx")
    from whodid.watch import Watcher
    from whodid.watch.fetch import Fetcher

    config, resources = _pipeline(stages, kb, lexicon, config_file)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s whodid watch: %(message)s",
                        datefmt="%Y-%m-%dT%H:%M:%S")
    try:
        watcher = Watcher(sources, db, Fetcher(timeout=timeout, retries=retries, backoff=backoff),
                          merge_window_days=merge_window, config=config, resources=resources,
                          item_attempts=article_attempts, item_backoff=article_backoff)
    except ValueError as exc:
        raise _fail(str(exc), 2)
    try:
        result = watcher.run(interval, once=once)
    except KeyboardInterrupt:
        err.print(f"stopped: everything stored is safe in {_label(db)}; run the same command to go on")
        raise typer.Exit(130)
    finally:
        watcher.close()
    if result.failed_sources:
        raise typer.Exit(1)


@app.command()
def query(
    sql: Annotated[Optional[str], typer.Argument(help="A read-only SQL query.")] = None,
    db: DbOpt = "whodid.duckdb",
    summary: Annotated[Optional[str], typer.Option(help="A canned summary; --summary list shows them.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json; a table piped or redirected is "
                                                      "printed whole, tab-separated")] = "table",
) -> None:
    """Run read-only SQL, or a canned --summary, against a whodid database."""
    import duckdb

    from whodid.store import StoreError, connect_read_only, is_postgres
    from whodid.store.queries import summaries

    SUMMARIES = summaries()

    if fmt not in ("table", "csv", "json"):
        raise _fail(f"--format {fmt!r}: choose table, csv or json", 2)
    if summary == "list" or (sql is None and summary is None):
        for name, (about, _) in SUMMARIES.items():
            out.print(f"{name:10} {about}")
        if summary != "list":
            err.print("give SQL or --summary NAME, e.g. `whodid query --summary overview`")
        return
    if summary is not None:
        if summary not in SUMMARIES:
            raise _fail(f"--summary {summary!r}: unknown; choose one of {', '.join(SUMMARIES)}", 2)
        sql = SUMMARIES[summary][1]
        if is_postgres(db):
            from whodid.store.postgres import summary_sql

            sql = summary_sql(summary, sql)
    try:
        con = connect_read_only(db)
    except StoreError as exc:
        raise _fail(str(exc))
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    except (duckdb.Error, StoreError) as exc:
        hint = " (the database is opened read-only)" if "read-only" in str(exc).lower() else ""
        raise _fail(f"query failed{hint}: {exc}")
    finally:
        con.close()
    _print_rows(columns, rows, fmt)


EXPORT_TABLES = ("articles", "actors", "mentions", "quotes", "events", "places", "place_mentions", "dates", "checks",
                 "stories", "event_clusters", "event_cluster_mentions")


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Folder to write one file per table into (created if missing).")],
    db: DbOpt = "whodid.duckdb",
    fmt: Annotated[str, typer.Option("--format", help="parquet, csv, jsonl (tables); gdelt (GDELT 2.0 event "
                                                      "and mentions TSV); plover (PLOVER JSON Lines); graphml, "
                                                      "gexf (actor network); geojson (events and places); or a "
                                                      "plugin's format")] = "parquet",
    tables: Annotated[Optional[str], typer.Option(help="Comma-separated tables (default: all).")] = None,
    by_date: Annotated[bool, typer.Option("--by-date", help="Parquet partitioned by day: TABLE/date=YYYY-MM-DD/.")]
    = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Only events whose confidence (the calibrated chance that type, actor and recipient are right) is at "
             "least this, in every format (events, clusters and their counts, GDELT, PLOVER); 0 keeps all.")]
    = DEFAULT_MIN_CONFIDENCE,
    since: Annotated[Optional[str], typer.Option(help="graphml, gexf, geojson: only events dated on or after this "
                                                      "day (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="graphml, gexf, geojson: only events dated on or before "
                                                      "this day (YYYY-MM-DD).")] = None,
) -> None:
    """Export the database: tables (Parquet, CSV, JSON Lines), GDELT 2.0, PLOVER, GraphML, GEXF or GeoJSON.

    Parquet is read by DuckDB, Spark, BigQuery, pandas and R (arrow); GraphML and GEXF hold the actor
    network (Gephi, networkx), GeoJSON the events and places with coordinates (QGIS, kepler.gl).
    docs/formats.md describes each format.
    """
    import duckdb

    from whodid.export import trusted
    from whodid.export.tables import FORMATS, reads, write_table
    from whodid.plugins import exporters
    from whodid.store import StoreError, connect_read_only
    from whodid.store.to_duckdb import DuckDBTables

    formats = exporters()  # gdelt, plover and the installed plugins' formats
    if fmt not in (*FORMATS, *formats):
        raise _fail(f"--format {fmt!r}: choose {', '.join((*FORMATS, *formats))}", 2)
    if (since or until) and fmt not in formats:
        raise _fail(f"--since/--until: the {fmt} format takes no date range (graphml, gexf and geojson do)", 2)
    if by_date and fmt != "parquet":
        raise _fail("--by-date partitions Parquet only; use --format parquet", 2)
    names = EXPORT_TABLES if tables is None else tuple(t.strip() for t in tables.split(",") if t.strip())
    unknown = [t for t in names if t not in EXPORT_TABLES]
    if unknown:
        raise _fail(f"--tables: unknown table(s) {', '.join(unknown)}; choose from {', '.join(EXPORT_TABLES)}", 2)
    try:
        source = connect_read_only(db)
    except StoreError as exc:
        raise _fail(str(exc))
    # PostgreSQL: the tables each step reads, copied into an in-memory DuckDB just before it
    local = DuckDBTables(source)
    try:
        present = {r[0] for r in source.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name <> 'schema_version'").fetchall()}
        if fmt in formats and "event_clusters" not in present:
            raise _fail(f"{_label(db)} predates event clusters: run `whodid ingest` on it once with this whodid to "
                        "upgrade it (its stored events are linked then)")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(f"{out}: cannot write the export there ({exc.strerror})")
        filtering = min_confidence > 0 and "events" in present
        told = False

        def hold(tables: set[str], exported: set[str], keep: frozenset[str] | set[str] = frozenset(),
                 exported_later: frozenset[str] | set[str] = frozenset()) -> duckdb.DuckDBPyConnection:
            """``tables`` on a DuckDB connection, with the events below --min-confidence left out of the
            ``exported`` ones (views over the stored tables; a PostgreSQL copy holds what they read)."""
            nonlocal told
            if not filtering:
                return local.holding(tables, keep)
            trusted.release(local.con)
            con = local.holding(tables | (trusted.needs(exported) & present), keep | trusted.needs(exported_later))
            trusted.restrict(con, min_confidence, exported)
            if not told and exported & set(trusted.FILTERED):
                told = True
                low, total = trusted.left_out(con, min_confidence)
                err.print(f"{low} of {total} events have confidence below {min_confidence:g} and are left out "
                          "(--min-confidence 0 keeps them)", highlight=False)
            return con

        if fmt in formats:
            exporter = formats[fmt]
            options = _date_options(exporter, since=since, until=until)
            for target, rows in exporter.write(hold(set(exporter.reads), set(exporter.reads)), out,
                                               **options).items():
                err.print(f"{target}: {rows} rows", highlight=False)
            if exporter.note:
                err.print(exporter.note, highlight=False)
            return
        names = [t for t in names if tables is not None or t in present]  # an older database lacks some
        for i, table in enumerate(names):
            con = hold(reads(table, by_date), {table}, keep=set().union(*(reads(t, by_date) for t in names[i + 1:])),
                       exported_later=set(names[i + 1:]))
            target = write_table(con, table, out, fmt, by_date)
            rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            err.print(f"{target}: {rows} rows", highlight=False)
    except StoreError as exc:
        raise _fail(str(exc))
    except duckdb.Error as exc:
        raise _fail(f"export to {out} failed: {exc}")
    except ImportError as exc:  # an optional extra's package (networkx for graphml/gexf)
        raise _fail(f"--format {fmt} needs {exc.name or exc}: pip install \"whodid\\[graph]\"", 2)
    finally:
        local.close()
        source.close()


def _date_options(exporter, **given: str | None) -> dict:
    """The --since/--until days the exporter takes; refused for a format that does not take them."""
    import datetime as dt

    options = {}
    for name, value in given.items():
        if value is None:
            continue
        if name not in exporter.options:
            raise _fail(f"--{name}: the {exporter.name} format takes no date range", 2)
        try:
            options[name] = dt.date.fromisoformat(value)
        except ValueError:
            raise _fail(f"--{name} {value!r}: not a day (YYYY-MM-DD)", 2)
    return options


@app.command()
def serve(
    db: DbOpt = "whodid.duckdb",
    host: Annotated[str, typer.Option(help="Address to bind; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only: nothing can be "
                                            "stored (for publishing a database).")] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes answering requests (more than one "
                                         "needs --read-only: one process at a time may write a DuckDB file).")] = 1,
    stages: StagesOpt = None,
    kb: KbOpt = None,
    lexicon: LexiconOpt = None,
    config_file: ConfigOpt = None,
) -> None:
    """The REST API (OpenAPI at /openapi.json, docs at /api-docs) and the web app: reader, events, pair timeline,
    network, map."""
    _need_extra("web", "fastapi", "uvicorn", "jinja2")
    import uvicorn

    from whodid.store import StoreError, is_postgres
    from whodid.web.app import create_app

    if is_postgres(db):
        raise _fail("whodid serve reads DuckDB databases only; export PostgreSQL with `whodid export` or serve a "
                    "DuckDB copy", 2)
    if workers > 1 and not read_only:
        raise _fail(f"--workers {workers}: several processes can only read a DuckDB file; add --read-only", 2)
    config, resources = _pipeline(stages, kb, lexicon, config_file)  # what POST /api/analyze runs
    try:
        web_app = create_app(db, read_only=read_only, config=config, resources=resources)
    except StoreError as exc:
        raise _fail(str(exc))
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"whodid serve: listening on {host}, reachable from other machines"
                  + ("" if read_only else "; consider --read-only"), highlight=False)
    err.print(f"whodid serve: http://{host}:{port}/ ({db}{', read-only' if read_only else ''}"
              f"{f', {workers} processes' if workers > 1 else ''})", highlight=False)
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
        return
    # uvicorn starts each worker process from an import string: the options travel in the environment
    web_app.state.db.close()  # checked above that it opens; each worker opens its own connection
    # the workers share the answers they keep through a folder of this run's (web/answers.py): the
    # file is read-only to all of them, so an answer one computed holds for the others
    import shutil
    import tempfile

    shared = tempfile.mkdtemp(prefix="whodid-answers-")
    os.environ[SERVE_OPTIONS] = json.dumps({"db": db, "stages": stages, "kb": [str(p) for p in kb or []],
                                            "lexicon": [str(p) for p in lexicon or []],
                                            "config": str(config_file) if config_file else None,
                                            "shared_answers": shared})
    try:
        uvicorn.run("whodid.cli:served_app", factory=True, workers=workers, host=host, port=port,
                    log_level="warning")
    finally:
        shutil.rmtree(shared, ignore_errors=True)


@app.command()
def optimize(db: DbOpt = "whodid.duckdb") -> None:
    """Lay the web app's summaries out in the order its pages read them: faster pages, same answers.

    Each summary not in its order is rewritten and swapped in by one transaction (killed at any point,
    every table is whole). Run it after a large ingest, or after many small writes (pasted articles,
    one file at a time, a watcher's polls), which leave their rows at the end, out of order; it needs
    the database to itself (stop `whodid serve` first)."""
    from whodid.store import StoreError
    from whodid.store.layout import optimize as lay_out

    def progress(table: str, rows: int | None, step) -> None:
        if step is None:
            err.print(f"{table}: {rows:,} rows ...", highlight=False)
        else:
            err.print(f"{table}: {'rewritten in order' if step.rewritten else 'already in order'} "
                      f"({step.seconds:.1f} s)", highlight=False)

    start = time.perf_counter()
    try:
        steps = lay_out(db, progress)
    except StoreError as exc:
        raise _fail(str(exc))
    err.print(f"{_label(db)}: {sum(s.rewritten for s in steps)} of {len(steps)} summaries rewritten in "
              f"{time.perf_counter() - start:.1f} s", highlight=False)


SERVE_OPTIONS = "WHODID_SERVE_OPTIONS"


def served_app():
    """The read-only app of one ``whodid serve --workers N`` process, from the options serve left."""
    from whodid.web.app import create_app

    options = json.loads(os.environ[SERVE_OPTIONS])
    config, resources = _pipeline(options["stages"], [Path(p) for p in options["kb"]],
                                  [Path(p) for p in options["lexicon"]],
                                  Path(options["config"]) if options["config"] else None)
    return create_app(options["db"], read_only=True, config=config, resources=resources,
                      shared_answers=options.get("shared_answers"))


plot_app = typer.Typer(help="Pictures for reports (PNG, SVG or PDF; pip install \"whodid\\[plot]\").",
                       no_args_is_help=True)
app.add_typer(plot_app, name="plot")
SinceOpt = Annotated[Optional[str], typer.Option(help="Only events dated on or after this day (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[str], typer.Option(help="Only events dated on or before this day (YYYY-MM-DD).")]


def _plot(db: str, draw, out: Path, since: str | None, until: str | None, **options) -> None:
    import datetime as dt

    from whodid.store import StoreError, connect_read_only
    from whodid.store.to_duckdb import DuckDBTables

    try:
        days = {k: dt.date.fromisoformat(v) if v else None for k, v in (("since", since), ("until", until))}
    except ValueError as exc:
        raise _fail(f"--since/--until: {exc}", 2)
    try:
        source = connect_read_only(db)
    except StoreError as exc:
        raise _fail(str(exc))
    local = DuckDBTables(source)
    try:
        con = local.holding({"events", "articles", "actors", "event_clusters"})
        shown = draw(con, out=out, **days, **options)
    except ImportError as exc:
        raise _fail(f"{exc.name or exc} is not installed: pip install \"whodid\\[plot]\"", 2)
    except ValueError as exc:
        raise _fail(str(exc), 2)
    finally:
        local.close()
        source.close()
    err.print(f"{out}: {shown} {'events' if draw.__name__ == 'pair_timeline' else 'edges'}", highlight=False)


@plot_app.command("pair")
def plot_pair(
    a: Annotated[str, typer.Argument(help="An actor: id (Q7747), code (RUSGOV), country (RUS) or name.")],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The picture: .png, .svg or .pdf.")] = Path("pair.png"),
    db: DbOpt = "whodid.duckdb",
    bucket: Annotated[str, typer.Option(help="day, week or month")] = "month",
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Events between two actors over time: cooperation above the line, conflict below, mean score."""
    from whodid.plot import pair_timeline

    if bucket not in ("day", "week", "month"):
        raise _fail(f"--bucket {bucket!r}: choose day, week or month", 2)
    _plot(db, pair_timeline, out, since, until, a=a, b=b, bucket=bucket)


@plot_app.command("network")
def plot_network(
    out: Annotated[Path, typer.Option("--out", "-o", help="The picture: .png, .svg or .pdf.")] = Path("network.png"),
    db: DbOpt = "whodid.duckdb",
    top: Annotated[int, typer.Option(min=1, max=500, help="Draw the strongest N actor pairs.")] = 40,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Who acts on whom: edge width by event count, colour by mean score (the GraphML export's graph)."""
    from whodid.plot import network_picture

    _plot(db, network_picture, out, since, until, top=top)


kb_app = typer.Typer(help="Inspect the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("show")
def kb_show(
    name: Annotated[str, typer.Argument(help="A name, surname, country, adjective or metonym.")],
    date: Annotated[Optional[str], typer.Option(help="Resolve roles at this date (YYYY-MM-DD); default: latest.")] = None,
    kb: KbOpt = None,
) -> None:
    """What the knowledge base knows about NAME at a date, as JSON."""
    if date is not None:
        from datetime import date as Date

        try:
            Date.fromisoformat(date)
        except ValueError:
            raise _fail(f"--date {date!r}: not a date; give YYYY-MM-DD, e.g. --date 2022-02-24", 2)
    base = _pipeline(None, kb, None)[1].kb  # the built-in knowledge, the plugins' and --kb files
    found = base.show(name, date) or base.show(re.sub(r"^the\s+", "", name, flags=re.I), date)
    if not found:
        raise _fail(f"{name!r}: not in the knowledge base (add it with --kb FILE)")
    sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")


eval_app = typer.Typer(help="Score whodid against gold data (read at run time, never bundled).",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("quotes")
def eval_quotes(
    split: Annotated[str, typer.Option(help="dev for reporting, train for development")] = "dev",
    root: Annotated[Optional[Path], typer.Option(help="PolNeAR folder (default ../shared/eval/polnear)")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Only the first N articles.")] = None,
    baseline: Annotated[bool, typer.Option(help="Also score textacy's direct quotations.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Figures as JSON.")] = False,
    class_by_kind: Annotated[bool, typer.Option("--class-by-kind", help="Class predictions by whodid's kind, not by their span as gold items are.")] = False,
) -> None:
    """Quote spans and speakers against PolNeAR, with textacy as a baseline in the same run."""
    from whodid.eval import quotes as quote_eval

    if split not in ("dev", "train"):
        raise _fail(f"--split {split!r}: choose dev or train", 2)

    def progress(done: int, total: int, stem: str) -> None:
        if done == total or done % 10 == 0:
            err.print(f"eval quotes: {done}/{total} articles", highlight=False)

    try:
        figures = quote_eval.run(split, root, limit, progress, baseline=baseline,
                                 class_by="kind" if class_by_kind else "span")
    except FileNotFoundError as exc:
        raise _fail(f"{exc} (PolNeAR is read from ../shared/eval/polnear or --root)", 2)
    sys.stdout.write(json.dumps(figures, indent=2) + "\n" if as_json else quote_eval.format_report(figures) + "\n")


@eval_app.command("actors")
def eval_actors(
    gold: Annotated[Optional[Path], typer.Option(help="PLOVER gold records (default ../shared/eval/plover-gsr-dev.json)")] = None,
) -> None:
    """Share of gold source and target actors whose country (and sector) whodid assigns in the sentence."""
    from whodid.eval import actors as actor_eval

    actor_eval.main(["--gold", str(gold)] if gold else [])


@eval_app.command("events")
def eval_events(
    gold: Annotated[Optional[Path], typer.Argument(help="PLOVER gold records (default ../shared/eval/plover-gsr-dev.json)")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="compare actor codes exactly (no IGO/NGO or JAP/JPN normalisation)")] = False,
) -> None:
    """PLOVER event type, and type with actor and recipient, against gold records."""
    from whodid.eval import events as event_eval

    raise typer.Exit(event_eval.main(([str(gold)] if gold else []) + (["--strict"] if strict else [])))


# the name issue #4 gives the command
eval_app.command("plover", help="Same as `whodid eval events`.")(eval_events)


@eval_app.command("geo")
def eval_geo(
    corpus: Annotated[Optional[str], typer.Option(help="lgl, tr-news or news (event places; default: all)")] = None,
    root: Annotated[Optional[Path], typer.Option(help="Folder with lgl.xml and TR-News.xml")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Only the first N articles of each.")] = None,
    misses: Annotated[Optional[Path], typer.Option(help="Write every undetected, spurious or misplaced toponym "
                                                        "and wrong event place to this JSON Lines file.")] = None,
    homes_first: Annotated[bool, typer.Option("--homes-first/--one-pass", help="A first pass learns each paper's "
                                              "home from all its stories (no gold read) and the second pass is "
                                              "scored; --one-pass: no story uses a home.")] = True,
    show: Annotated[bool, typer.Option("--show", help="Print every miss (wrong event place; undetected, spurious "
                                                      "or misplaced toponym), one a line, after the figures.")] = False,
    part: Annotated[Optional[str], typer.Option(help="news: only the shared or the tune part of the development "
                                                     "gold (default: both).")] = None,
) -> None:
    """Toponym detection and resolution (accuracy within 161 km) on LGL and TR-News."""
    from whodid.eval import geo

    names = [corpus] if corpus else list(geo.SETS)
    if any(n not in geo.SETS for n in names):
        raise _fail(f"--corpus {corpus!r}: choose {' or '.join(geo.SETS)}", 2)
    if part is not None and corpus != "news":
        raise _fail(f"--part {part!r}: only with --corpus news (the parts are the news gold's)", 2)
    results, records = {}, []
    for name in names:
        def progress(done: int, total: int, name: str = name) -> None:
            if done == total or done % 50 == 0:
                err.print(f"eval geo {name}: {done}/{total} articles", highlight=False)

        wrong: list[dict] | None = [] if misses or show else None
        try:
            results[name] = geo.run(name, root, limit, progress, wrong, homes_first, part)
        except (FileNotFoundError, ValueError) as exc:
            raise _fail(str(exc), 2)
        records.extend({"corpus": name, **w} for w in wrong or ())
    if misses:
        try:
            misses.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        except OSError as exc:
            raise _fail(f"--misses {misses}: cannot write ({exc.strerror})", 2)
        err.print(f"eval geo: {len(records)} misses written to {misses}", highlight=False)
    sys.stdout.write(geo.format_report(results) + "\n")
    if show:
        sys.stdout.write("".join(f"{r['corpus']}\t{geo.format_miss(r)}\n" for r in records))


@eval_app.command("news")
def eval_news(
    gold: Annotated[Optional[list[Path]], typer.Option("--gold", help="A gold JSONL file, shared or packed format (repeatable; default: ../shared dev.jsonl plus the packed tune part).")] = None,
    part: Annotated[Optional[str], typer.Option(help="tune, heldaside, shared or all")] = None,
    shared: Annotated[Optional[Path], typer.Option(help="The shared folder with eval/ and corpora/ (default ../shared)")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Only the first N articles.")] = None,
    show: Annotated[Optional[str], typer.Option(help="List misses, false events or all, for inspection; actors: gold vs emitted party of each type-matched event; attributes: matched events whose date or place differs from the gold's.")] = None,
    min_confidence: Annotated[float, typer.Option(
        min=0, max=1, help="Also score the events at or above this confidence, as export and the web app "
                           "give them (0: only all events).")] = DEFAULT_MIN_CONFIDENCE,
    as_json: Annotated[bool, typer.Option("--json", help="Figures as JSON.")] = False,
) -> None:
    """Events on whole hand-coded articles, scored as ../shared/eval/news-events/GUIDELINES.md says."""
    from whodid.eval import news

    if show is not None and show not in news.SHOW:
        raise _fail(f"--show {show!r}: choose {', '.join(news.SHOW)}", 2)

    def progress(done: int, total: int) -> None:
        if done == total or done % 10 == 0:
            err.print(f"eval news: {done}/{total} articles", highlight=False)

    try:
        figures = news.run(gold, part, shared, limit, progress, listing=show is not None,
                           min_confidence=min_confidence or None)
    except news.GoldError as exc:
        raise _fail(str(exc), 2)
    sys.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False) + "\n" if as_json
                     else news.format_report(figures, show) + "\n")


@eval_app.command("time")
def eval_time() -> None:
    """Relative and partial dates on the sentences written for whodid's time tests."""
    from whodid import nlp
    from whodid.eval import time as time_eval

    result = time_eval.score(nlp.load())
    sys.stdout.write(time_eval.format_score(result) + "\n")


@eval_app.command("checks")
def eval_checks(
    path: Annotated[Optional[Path], typer.Argument(help="A test set file (default: the bundled --set)")] = None,
    test_set: Annotated[str, typer.Option("--set", help="dev (the checks were tuned on it) or heldout")] = "dev",
) -> None:
    """Checks per kind (TP, FP, FN, precision, recall) on clean articles and controlled edits written for whodid."""
    from whodid.eval import checks as checks_eval

    if test_set not in checks_eval.SETS:
        raise _fail(f"--set {test_set!r}: choose {' or '.join(checks_eval.SETS)}", 2)
    try:
        result = checks_eval.score(path=path, name=test_set)
    except (OSError, ValueError, KeyError) as exc:
        raise _fail(f"{path or 'checks test set'}: {exc}", 2)
    sys.stdout.write(checks_eval.format_result(result) + "\n")


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        from whodid.export.csv_safe import safe_cell

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([safe_cell(v) for v in row] for row in rows)
    elif not out.is_terminal:
        # piped or redirected: every value whole, tab-separated, no box drawing or "…"
        for row in [columns, *rows]:
            sys.stdout.write("\t".join("" if v is None else " ".join(str(v).split()) for v in row) + "\n")
    else:
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
        err.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def run() -> None:
    """The ``whodid`` command: ``app`` with one clear line for an unexpected error
    (the traceback with ``--debug`` or WHODID_DEBUG=1)."""
    debug = "--debug" in sys.argv[1:] or os.environ.get("WHODID_DEBUG") == "1"
    sys.argv[1:] = [a for a in sys.argv[1:] if a != "--debug"]
    try:
        app(prog_name="whodid")
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if debug:
            raise
        sys.exit(_explain_crash(exc))


def _explain_crash(exc: Exception) -> int:
    from whodid.store.errors import explain

    reason = explain(exc)
    line = reason or f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    err.print(f"[bold red]error:[/] {line}", highlight=False, soft_wrap=True)
    if not reason:
        err.print("run it again with --debug for the traceback, and report it if it is whodid's fault",
                  highlight=False)
    return 1


if __name__ == "__main__":
    run()
