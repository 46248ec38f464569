"""The ``whodid`` command line: analyze, ingest, query, export."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from whodid import __version__, ingest
from whodid.ingest import Record, Rejected

app = typer.Typer(
    help="whodid: who did what to whom, when and where, and who said what, from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

PathsArg = Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .jsonl[.gz]); '-' reads stdin.")]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
StagesOpt = Annotated[Optional[str], typer.Option(
    "--stages", help="Comma-separated stages to run after nlp (default: all); 'none' for the parse alone.")]
KbOpt = Annotated[Optional[list[Path]], typer.Option(
    "--kb", help="Extra actors: a YAML/CSV/TSV file or a PETRARCH dictionary (repeatable).")]
LexiconOpt = Annotated[Optional[list[Path]], typer.Option(
    "--lexicon", help="Extra event triggers, same YAML format as the built-in lexicon (repeatable).")]


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


def _stage_names(option: str | None) -> list[str] | None:
    """The --stages option as a checked list of stage names (None: all)."""
    if option is None:
        return None
    from whodid.pipeline import check_stage_names

    names = [] if option.strip() == "none" else [n.strip() for n in option.split(",") if n.strip()]
    try:
        return check_stage_names(names)
    except ValueError as exc:
        raise _fail(f"--stages: {exc}", 2)


def _stage_options(kb: list[Path] | None, lexicon: list[Path] | None) -> dict[str, dict]:
    for path in (kb or []) + (lexicon or []):
        if not path.is_file():
            raise _fail(f"{path}: no such file", 2)
    options: dict[str, dict] = {}
    if kb:
        options["actors"] = {"extra": [str(p) for p in kb]}
    if lexicon:
        options["events"] = {"extra": [str(p) for p in lexicon]}
    return options


def _build(stage_names: list[str] | None, options: dict[str, dict]) -> list:
    """The stages, or a clear error naming the user file that cannot be read."""
    from whodid.actors.extend import KBFormatError
    from whodid.pipeline import build_stages

    try:
        return build_stages(stage_names, options)
    except (KBFormatError, ValueError, OSError) as exc:
        raise _fail(str(exc), 2)


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
) -> None:
    """Analyse articles and print each Analysis as JSON (or a readable --report).

    One article prints as indented JSON; several (a folder, a JSONL file, or
    --jsonl) print one Analysis a line, streamed as they are done. Bad inputs
    are reported on stderr and the rest go through; the exit code is 1 if any
    input failed.
    """
    from whodid.pipeline import Pipeline

    paths = paths or ["-"]
    stage_names = _stage_names(stages)
    options = _stage_options(kb, lexicon)
    if paths == ["-"] and sys.stdin.isatty():
        raise _fail("no input: give a FILE, a folder, or pipe text/JSONL on stdin (see `whodid analyze --help`)", 2)
    counts: Counter[str] = Counter()

    def records() -> Iterator[Record]:
        for item in ingest.read(paths):
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
    pipeline = Pipeline(_build(stage_names, options))
    for _, analysis in pipeline.analyze_records(chain(first, stream)):
        if report:
            from whodid.report import render

            render(analysis, out)
        elif one_line:
            sys.stdout.write(analysis.to_json() + "\n")
            sys.stdout.flush()
        else:
            sys.stdout.write(analysis.to_json(indent=2) + "\n")
    if counts["error"]:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    paths: PathsArg,
    db: DbOpt = Path("whodid.duckdb"),
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Articles per database transaction.")] = 32,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes that parse in parallel.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    stages: StagesOpt = None,
    kb: KbOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """Analyse articles and store them in a DuckDB database.

    Idempotent and resumable: an article already stored (same text) is skipped
    without being parsed again, and a run killed half way loses at most the
    batches in flight.
    """
    from whodid.batch import Outcome, ingest_corpus
    from whodid.store import Store, StoreError

    stage_names = _stage_names(stages)
    options = _stage_options(kb, lexicon)
    _build(stage_names, options)  # a bad --kb or --lexicon file fails here, before anything is written
    try:
        store = Store(db)
    except StoreError as exc:
        raise _fail(str(exc))
    progress = _Progress(ingest.count(paths), quiet)
    outcome = Outcome()
    try:
        outcome = ingest_corpus(paths, store, batch_size, workers, stage_names, options, on_batch=progress.advance)
    except KeyboardInterrupt:
        progress.close()
        err.print(f"interrupted: every finished batch is safe in {db}; "
                  "run the same command again to go on where it stopped")
        raise typer.Exit(130)
    finally:
        store.close()
    progress.close()
    _summary(db, outcome.counts, outcome.failures, progress.elapsed())
    if outcome.counts["failed"]:
        raise typer.Exit(1)


def _summary(db: Path, counts: Counter[str], failures: list[Rejected], seconds: float) -> None:
    from rich.table import Table

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
def query(
    sql: Annotated[Optional[str], typer.Argument(help="A read-only SQL query.")] = None,
    db: DbOpt = Path("whodid.duckdb"),
    summary: Annotated[Optional[str], typer.Option(help="A canned summary; --summary list shows them.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json")] = "table",
) -> None:
    """Run read-only SQL, or a canned --summary, against a whodid database."""
    import duckdb

    from whodid.store import StoreError, connect_read_only
    from whodid.store.queries import SUMMARIES

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
    try:
        con = connect_read_only(db)
    except StoreError as exc:
        raise _fail(str(exc))
    try:
        cursor = con.execute(sql)
    except duckdb.Error as exc:
        hint = " (the database is opened read-only)" if "read-only" in str(exc).lower() else ""
        raise _fail(f"query failed{hint}: {exc}")
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchall()
    _print_rows(columns, rows, fmt)


EXPORT_TABLES = ("articles", "actors", "mentions", "quotes", "events", "places", "place_mentions", "dates", "checks",
                 "stories")


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Folder to write one file per table into (created if missing).")],
    db: DbOpt = Path("whodid.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="parquet, csv or jsonl")] = "parquet",
    tables: Annotated[Optional[str], typer.Option(help="Comma-separated tables (default: all).")] = None,
) -> None:
    """Export the database's tables as Parquet (for DuckDB, Spark, BigQuery), CSV or JSON Lines."""
    import duckdb

    from whodid.store import StoreError, connect_read_only

    formats = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)", "jsonl": "(FORMAT json)"}
    if fmt not in formats:
        raise _fail(f"--format {fmt!r}: choose parquet, csv or jsonl", 2)
    names = EXPORT_TABLES if tables is None else tuple(t.strip() for t in tables.split(",") if t.strip())
    unknown = [t for t in names if t not in EXPORT_TABLES]
    if unknown:
        raise _fail(f"--tables: unknown table(s) {', '.join(unknown)}; choose from {', '.join(EXPORT_TABLES)}", 2)
    try:
        con = connect_read_only(db)
    except StoreError as exc:
        raise _fail(str(exc))
    out.mkdir(parents=True, exist_ok=True)
    for table in names:
        target = out / f"{table}.{fmt}"
        # write beside the target and rename: a failed export never leaves a half file behind
        partial = out / f".{table}.{fmt}.partial"
        try:
            con.execute(f"COPY (SELECT * FROM {table}) TO '{partial}' {formats[fmt]}")
        except duckdb.Error as exc:
            partial.unlink(missing_ok=True)
            raise _fail(f"exporting {table} to {target} failed: {exc}")
        partial.replace(target)
        rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        err.print(f"{target}: {rows} rows", highlight=False)


kb_app = typer.Typer(help="Inspect the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("show")
def kb_show(
    name: Annotated[str, typer.Argument(help="A name, surname, country, adjective or metonym.")],
    date: Annotated[Optional[str], typer.Option(help="Resolve roles at this date (YYYY-MM-DD); default: latest.")] = None,
    kb: KbOpt = None,
) -> None:
    """What the knowledge base knows about NAME at a date, as JSON."""
    from whodid.actors import load_kb
    from whodid.actors.extend import KBFormatError, extend_kb

    base = load_kb()
    try:
        for path in kb or []:
            base = extend_kb(path, base)
    except (KBFormatError, OSError) as exc:
        raise _fail(str(exc), 2)
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
) -> None:
    """PLOVER event type, and type with actor and recipient, against gold records."""
    from whodid.eval import events as event_eval

    raise typer.Exit(event_eval.main([str(gold)] if gold else []))


@eval_app.command("geo")
def eval_geo(
    corpus: Annotated[Optional[str], typer.Option(help="lgl or tr-news (default: both)")] = None,
    root: Annotated[Optional[Path], typer.Option(help="Folder with lgl.xml and TR-News.xml")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Only the first N articles of each.")] = None,
) -> None:
    """Toponym detection and resolution (accuracy within 161 km) on LGL and TR-News."""
    from whodid.eval import geo

    names = [corpus] if corpus else list(geo.CORPORA)
    if any(n not in geo.CORPORA for n in names):
        raise _fail(f"--corpus {corpus!r}: choose {' or '.join(geo.CORPORA)}", 2)
    results = {}
    for name in names:
        def progress(done: int, total: int, name: str = name) -> None:
            if done == total or done % 50 == 0:
                err.print(f"eval geo {name}: {done}/{total} articles", highlight=False)

        try:
            results[name] = geo.run(name, root, limit, progress)
        except FileNotFoundError as exc:
            raise _fail(str(exc), 2)
    sys.stdout.write(geo.format_report(results) + "\n")


@eval_app.command("time")
def eval_time() -> None:
    """Relative and partial dates on the sentences written for whodid's time tests."""
    from whodid import nlp
    from whodid.eval import time as time_eval

    result = time_eval.score(nlp.load())
    sys.stdout.write(time_eval.format_score(result) + "\n")


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
        err.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


if __name__ == "__main__":
    app()
