"""``whodid optimize`` (store/layout.py): the web app's summaries rewritten in the order its pages read
them. Every answer stays the same, byte for byte; a run killed halfway leaves every table whole; what
it cannot do it refuses in one line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest
from fastapi.testclient import TestClient
from test_web_summaries import _answers_of, _normalised
from typer.testing import CliRunner

from whodid.cli import app as cli
from whodid.store import summaries
from whodid.web.app import create_app

URLS = [
    "/api/health", "/api/events?limit=50", "/api/events?limit=7&offset=3&sort=date&order=asc",
    "/api/events?has_party=true&min_confidence=0.2&sort=date&order=desc&limit=20&offset=5",
    "/api/events?sort=reports&order=desc&limit=10", "/api/events?sort=reports&order=asc&limit=10&offset=4",
    "/api/events?actor=RUS&limit=50", "/api/events?actor_code=UKR&quad_class=4&limit=50",
    "/api/events?actor=Russia&recipient=Ukraine&either_way=true&sort=score",
    "/api/events/facets?actor=RUS", "/api/events.csv?actor=RUS", "/api/events.csv?limit=40",
    "/api/pair?a=RUS&b=UKR&bucket=auto", "/api/network?min_events=1", "/api/places?limit=500",
    "/api/suggest/actors?q=pu", "/api/actors?limit=100",
    "/api/tables/articles?q=Russia&limit=5", "/api/tables/articles?q=talks+officials&limit=5&offset=1",
    "/api/tables/quotes?limit=5&offset=2", "/api/tables/quotes?speaker=RUS&limit=5",
    "/api/tables/quotes?sort=published&order=asc&limit=50",
    "/api/tables/checks?limit=50", "/api/tables/checks?severity=warning&limit=5",
    "/api/tables/places?limit=50&sort=events&order=desc", "/api/tables/places?country=UA&limit=5",
    "/api/tables/actors?code=RUS&limit=50", "/api/events?limit=20&sort=reports&min_confidence=0",
    "/events?actor=RUS", "/quotes?limit=5", "/articles?q=Russia", "/places?country=UA",
]


def _api_answers(db) -> list[tuple[int, bytes]]:
    """Status and body of every URL, from the app on ``db`` opened read-only as `whodid serve` opens it."""
    with TestClient(create_app(db, read_only=True)) as client:
        return [(r.status_code, r.content) for r in (client.get(url) for url in URLS)]


def _scattered(db) -> dict[str, list]:
    """Every summary of summaries.SORTED stored anew in no order of its own (as many small writes
    leave the large ones); returns each one's rows, sorted, to compare with after."""
    con = duckdb.connect(str(db))
    rows = {}
    for name in summaries.SORTED:
        con.execute(f"ALTER TABLE {name} RENAME TO {name}_old")
        con.execute(summaries.LATER_TABLES[name])
        con.execute(f"INSERT INTO {name} SELECT * FROM {name}_old ORDER BY hash(rowid * 7919 + 13)")
        con.execute(f"DROP TABLE {name}_old")
        rows[name] = sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
    con.execute("DELETE FROM summary_sorted")
    assert [n for n in summaries.SORTED if summaries.in_order(con, n)] == []
    con.close()
    return rows


def test_optimize_lays_every_summary_out_in_its_order_and_every_answer_stays(writable_db):
    rows = _scattered(writable_db)
    before_api = _api_answers(writable_db)
    con = duckdb.connect(str(writable_db), read_only=True)
    before = _normalised(_answers_of(con))
    con.close()
    assert sum(status == 200 for status, _ in before_api) == len(URLS)

    result = CliRunner().invoke(cli, ["optimize", "--db", str(writable_db)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # (as the terminal's width wraps it)
    assert f"{len(summaries.SORTED)} of {len(summaries.SORTED)} summaries rewritten" in said
    assert "article_words: rewritten in order" in said

    con = duckdb.connect(str(writable_db), read_only=True)
    assert [n for n in summaries.SORTED if not summaries.in_order(con, n)] == []
    assert {n: sorted(con.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in summaries.SORTED} == rows
    assert dict(con.execute("SELECT name, sorted_rows FROM summary_sorted").fetchall()) == {
        n: len(r) for n, r in rows.items()}
    assert summaries.fresh(con)
    assert _normalised(_answers_of(con)) == before
    con.close()
    assert _api_answers(writable_db) == before_api
    # a second run finds every table in order and rewrites none
    again = CliRunner().invoke(cli, ["optimize", "--db", str(writable_db)])
    assert again.exit_code == 0 and f"0 of {len(summaries.SORTED)} summaries rewritten" in " ".join(again.output.split())


def test_in_order_reads_each_column_as_order_by_sorts_it(tmp_path):
    """Descending columns and NULLs (last, either way) are judged as ORDER BY puts them."""
    con = duckdb.connect(str(tmp_path / "o.duckdb"))
    con.execute(summaries.LATER_TABLES["event_reports"])
    con.execute("INSERT INTO event_reports (article_sha1, idx, cluster_id, reports) VALUES "
                "('a', 0, 1, 3), ('a', 1, 1, 3), ('b', 0, 2, 1), ('a', 2, 3, NULL), ('c', 0, 4, NULL)")
    assert summaries.in_order(con, "event_reports")
    con.execute("INSERT INTO event_reports (article_sha1, idx, cluster_id, reports) VALUES ('d', 0, 5, 2)")
    assert not summaries.in_order(con, "event_reports")  # (2 after a NULL)
    con.execute(summaries.LATER_TABLES["event_days"])
    con.execute("INSERT INTO event_days (article_sha1, idx, day) VALUES ('a', 0, '2022-01-01'), "
                "('a', 1, '2022-01-01'), ('b', 0, '2023-01-01'), ('a', 2, NULL)")
    assert summaries.in_order(con, "event_days")
    con.execute("INSERT INTO event_days (article_sha1, idx, day) VALUES ('a', 3, NULL), ('a', 0, NULL)")
    assert not summaries.in_order(con, "event_days")  # (a tie on the day broken the wrong way)


KILLED = textwrap.dedent("""
    import os, sys
    from whodid.store import layout, summaries
    rewrite = summaries.rewrite
    def killed(con, name):
        rewrite(con, name)  # the ordered copy made and swapped in, not yet committed
        if name == sys.argv[2]:
            os._exit(9)
    summaries.rewrite = killed
    layout.optimize(sys.argv[1])
""")


@pytest.mark.parametrize("table", ["event_days", "quote_keys", "article_words"])
def test_a_run_killed_before_a_table_commits_leaves_it_whole_as_it_was(writable_db, table):
    rows = _scattered(writable_db)
    before = _api_answers(writable_db)
    run = subprocess.run([sys.executable, "-c", KILLED, str(writable_db), table], capture_output=True, text=True)
    assert run.returncode == 9, run.stderr
    con = duckdb.connect(str(writable_db), read_only=True)
    # the tables before it committed in order, it and those after untouched; no copy left behind
    names = list(summaries.SORTED)
    done = names[:names.index(table)]
    assert [n for n in names if summaries.in_order(con, n)] == done
    assert {n: sorted(con.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names} == rows
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%_unsorted'").fetchone()[0] == 0
    assert summaries.fresh(con)
    con.close()
    assert _api_answers(writable_db) == before
    # and the next run finishes the work
    assert CliRunner().invoke(cli, ["optimize", "--db", str(writable_db)]).exit_code == 0
    con = duckdb.connect(str(writable_db), read_only=True)
    assert [n for n in names if not summaries.in_order(con, n)] == []
    con.close()
    assert _api_answers(writable_db) == before


HOLD = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print("open", flush=True)
    time.sleep(60)
""")


def test_optimize_refuses_what_it_cannot_do_in_one_line(writable_db, tmp_path):
    def refused(db: str) -> str:
        result = CliRunner().invoke(cli, ["optimize", "--db", db])
        assert result.exit_code == 1, result.output
        return " ".join(result.output.split())

    missing = tmp_path / "missing.duckdb"
    assert "no such database" in refused(str(missing)) and not missing.exists()
    assert "DuckDB databases only" in refused("postgresql://user@localhost/whodid")
    # a database served by another process (`whodid serve --read-only` holds it open)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(writable_db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert "in use by another process" in refused(str(writable_db))
    finally:
        holder.kill()
        holder.wait()
    # summaries behind the articles: nothing rewritten, the user told how to bring them up to date
    con = duckdb.connect(str(writable_db))
    con.execute("DELETE FROM summarised_articles WHERE article_sha1 IN (SELECT article_sha1 FROM summarised_articles "
                "LIMIT 1)")
    con.close()
    assert "summaries are behind" in refused(str(writable_db))
