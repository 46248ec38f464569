"""`--db postgresql://...`: the same schema, analyses, queries and exports as DuckDB, on a real
PostgreSQL server (tests/pg_server.py starts one), and two writers at once store each article once."""

import json
import re
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from helpers import write_jsonl
from test_store import full_analysis
from whodid.cli import app
from whodid.model import Analysis
from whodid.store import Store, StoreError, connect_read_only
from whodid.store.queries import SUMMARIES
from whodid.store.schema import COLUMNS, LATEST, MIGRATIONS

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def stored_analyses(db) -> dict[str, str]:
    con = connect_read_only(db)
    try:
        return dict(con.execute("SELECT article_sha1, analysis FROM analyses").fetchall())
    finally:
        con.close()


def table_counts(db) -> dict[str, int]:
    con = connect_read_only(db)
    try:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COLUMNS}
    finally:
        con.close()


def summary_counts(stderr: str) -> dict[str, int]:
    return {line.split("│")[1].strip(): int(line.split("│")[2]) for line in stderr.splitlines()
            if line.count("│") == 3 and line.split("│")[2].strip().isdigit()}


def test_every_item_kind_round_trips(pg_url):
    analysis = full_analysis()
    with Store(pg_url) as store:
        assert store.schema_version() == LATEST
        assert store.write([(analysis, "file.txt")], [("bad.txt", "empty", "error")],
                           [(analysis.article.text_sha1, "story-1", None, [1, 2**63 + 5])]) == 1
        assert store.stored([analysis.article.text_sha1, "nope"]) == {analysis.article.text_sha1}
        assert store.stories() == [(analysis.article.text_sha1, "story-1", [1, 2**63 + 5])]
    con = connect_read_only(pg_url)
    text = analysis.article.text
    for start, end, mention in con.execute("SELECT char_start, char_end, text FROM mentions").fetchall():
        assert text[start:end] == mention
    assert con.execute("SELECT actor, recipient, context FROM events").fetchall() == [
        (["Q7747"], ["Q3052772"], ["diplomatic"])]
    assert con.execute("SELECT name, geonames_id, lat FROM places").fetchall() == [("Moscow", 524901, 55.75)]
    assert Analysis.from_json(con.execute("SELECT analysis FROM analyses").fetchone()[0]) == analysis
    assert con.execute("SELECT origin, kind FROM ingest_failures").fetchall() == [("bad.txt", "error")]


def test_an_article_another_writer_stored_is_skipped_not_doubled(pg_url):
    a, b, c = (full_analysis(f"Putin met Macron in Moscow on Friday. “We talked,” Macron said ({i}).") for i in range(3))
    with Store(pg_url) as first, Store(pg_url) as second:
        assert first.write([(a, "1"), (b, "2")]) == 2
        assert second.write([(b, "2"), (c, "3")]) == 1  # b was there already
        assert first.schema_version() == LATEST
    counts = table_counts(pg_url)
    assert counts["articles"] == counts["analyses"] == 3
    assert counts["mentions"] == 3 * 3 and counts["events"] == 3


def test_reopening_does_not_rerun_migrations_and_newer_schema_is_refused(pg_url):
    Store(pg_url).close()
    with Store(pg_url) as store:
        assert store.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        store.con.execute("INSERT INTO schema_version (version) VALUES (?)", [999])
    with pytest.raises(StoreError, match="newer than this whodid"):
        Store(pg_url)


def test_unreachable_server_is_a_clear_error_without_the_password(pg_server):
    url = f"postgresql://whodid:s3cret@127.0.0.1:{pg_server.port}/no_such_db"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        Store(url)
    assert "s3cret" not in str(info.value)
    result = run("query", "--summary", "overview", "--db", url)
    assert result.exit_code == 1 and "cannot connect" in result.stderr and "s3cret" not in result.stderr


def test_cli_ingest_query_export_match_duckdb(tmp_path, make_articles, pg_url):
    data = write_jsonl(tmp_path / "a.jsonl", make_articles(5) + [{"id": "bad", "text": ""}])
    duck = str(tmp_path / "w.duckdb")
    assert run("ingest", data, "--db", duck, "--batch-size", "2").exit_code == 1
    result = run("ingest", data, "--db", pg_url, "--batch-size", "2")
    assert result.exit_code == 1, result.output  # the bad line
    assert summary_counts(result.stderr)["stored"] == 5
    assert stored_analyses(pg_url) == stored_analyses(duck)  # the same JSON text, article by article
    assert table_counts(pg_url) == table_counts(duck)
    again = run("ingest", data, "--db", pg_url)
    assert summary_counts(again.stderr)["already stored"] == 5 and table_counts(pg_url) == table_counts(duck)

    for name in SUMMARIES:  # every canned summary runs on both and gives the same rows (few enough for LIMITs)
        on_pg = run("query", "--summary", name, "--db", pg_url, "--format", "json")
        on_duck = run("query", "--summary", name, "--db", duck, "--format", "json")
        assert on_pg.exit_code == 0, (name, on_pg.stderr)
        assert _rows(on_pg.stdout, name) == _rows(on_duck.stdout, name), name
    refused = run("query", "DELETE FROM articles", "--db", pg_url)
    assert refused.exit_code == 1 and "read-only" in refused.stderr
    chained = run("query", "SELECT 1; DELETE FROM articles", "--db", pg_url)
    assert chained.exit_code == 1 and table_counts(pg_url)["articles"] == 5

    exported = run("export", tmp_path / "pg", "--db", pg_url)
    assert exported.exit_code == 0, exported.stderr
    assert run("export", tmp_path / "duck", "--db", duck).exit_code == 0
    con = duckdb.connect()
    for table in ("articles", "events", "quotes", "mentions", "stories"):
        columns = "* EXCLUDE (ingested_at)" if table == "articles" else "*"
        pg_rows, duck_rows = (sorted(con.execute(f"SELECT {columns} FROM '{tmp_path / side / table}.parquet'")
                                     .fetchall(), key=repr) for side in ("pg", "duck"))
        assert pg_rows == duck_rows and pg_rows, table


def _rows(stdout: str, summary: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.splitlines()]
    for row in rows:
        row.pop("ingested_at", None)
        for key, value in row.items():
            if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d+", value):
                row[key] = float(value)  # PostgreSQL's NUMERIC prints as a string
    return sorted(rows, key=repr)  # ties in ORDER BY may come in either order


def test_two_processes_ingesting_at_once_store_each_article_once(tmp_path, make_articles, pg_url):
    rows = make_articles(12)
    data = write_jsonl(tmp_path / "same.jsonl", rows)
    # not --quiet: the summary table says how many each stored
    both = [subprocess.Popen([sys.executable, "-m", "whodid", "ingest", str(data), "--db", pg_url,
                              "--batch-size", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    stored = []
    for proc in both:
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
        stored.append(summary_counts(stderr)["stored"])
    assert sum(stored) == 12  # each article stored by exactly one of the two
    counts = table_counts(pg_url)
    assert counts["articles"] == counts["analyses"] == counts["stories"] == 12
    con = connect_read_only(pg_url)
    assert con.execute("SELECT count(*) FROM (SELECT article_sha1, actor_id, char_start FROM mentions "
                       "GROUP BY 1, 2, 3 HAVING count(*) > 1) AS doubled").fetchone()[0] == 0


def test_text_postgresql_cannot_hold_is_a_clear_error_and_writes_nothing(pg_url):
    good = full_analysis()
    nul = full_analysis("Putin met Macron in Moscow on Friday. “We talked,” Macron said.\x00")
    with Store(pg_url) as store:
        with pytest.raises(StoreError, match="nul.txt contain NUL characters"):
            store.write([(good, "good.txt"), (nul, "nul.txt")])
        assert store.stored([good.article.text_sha1]) == set()
        assert store.write([(good, "good.txt")]) == 1


def test_a_crash_between_write_and_linking_is_healed_on_postgresql(pg_url):
    from test_clusters import report
    from whodid.batch import ingest_items

    a, b = report("Putin met Someone in Moscow.", "2022-02-07", "Reuters"), \
        report("Putin met Someone in Moscow today.", "2022-02-07", "TASS")
    with Store(pg_url) as store:
        store.write([(a, "a"), (b, "b")])  # stored, then the process died before linking
        ingest_items([], store)
        assert store.con.execute("SELECT num_mentions, num_articles FROM event_clusters").fetchall() == [(2, 2)]
        assert store.con.execute("SELECT count(*) FROM unlinked_articles").fetchone()[0] == 0


def test_export_from_postgresql_copies_only_the_tables_it_reads(pg_url, tmp_path, monkeypatch):
    from test_clusters import report
    from whodid.export import gdelt, trusted
    from whodid.store import to_duckdb
    from whodid.store.clusters import link_events

    copied = []
    real = to_duckdb._copy_table
    monkeypatch.setattr(to_duckdb, "_copy_table", lambda con, table, local: copied.append(table) or real(con, table, local))
    monkeypatch.setattr(to_duckdb, "_CHUNK", 2)  # rows come over a few at a time
    reports = [report(f"Putin met Someone in Moscow ({i}).", f"2022-02-{1 + 3 * i:02d}", f"paper-{i}") for i in range(5)]
    with Store(pg_url) as store:
        store.write([(a, a.article.id) for a in reports])
        link_events(store.con)

    assert run("export", tmp_path / "plain", "--db", pg_url, "--tables", "events").exit_code == 0
    assert copied == ["events"]
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'plain' / 'events.parquet'}'").fetchone()[0] == 5

    copied.clear()
    result = run("export", tmp_path / "days", "--db", pg_url, "--tables", "events,places", "--by-date")
    assert result.exit_code == 0, result.stderr
    assert sorted(copied) == ["articles", "event_cluster_mentions", "event_clusters", "events", "places"]
    days = duckdb.connect().execute(f"SELECT DISTINCT date FROM read_parquet('{tmp_path / 'days' / 'events'}/*/*.parquet', "
                      "hive_partitioning=true) ORDER BY 1").fetchall()
    assert [str(d) for (d,) in days] == ["2022-02-01", "2022-02-04", "2022-02-07", "2022-02-10", "2022-02-13"]

    copied.clear()
    assert run("export", tmp_path / "gdelt", "--db", pg_url, "--format", "gdelt").exit_code == 0
    # and what --min-confidence's recount of the clusters reads (their stories)
    assert sorted(copied) == sorted(set(gdelt.READS) | trusted.needs(gdelt.READS))
