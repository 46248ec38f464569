"""The command line as a user runs it: analyze, ingest, query."""

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
from typer.testing import CliRunner

from helpers import SEED, write_jsonl
from whodid.cli import app
from whodid.model import Analysis

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def whodid_subprocess(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "whodid", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_analyze_reference_article_prints_a_valid_analysis(seed_text):
    result = run("analyze", SEED)
    assert result.exit_code == 0, result.output
    analysis = Analysis.from_json(result.stdout)
    assert analysis.article.text == seed_text
    assert analysis.article.id == "russia-ukraine-talks"
    assert analysis.article.language == "en"
    assert analysis.meta.stages[:2] == ["ingest", "nlp"]
    assert analysis.meta.sentences > 30 and analysis.meta.tokens > 900


def test_analyze_report_is_readable():
    result = run("analyze", SEED, "--report")
    assert result.exit_code == 0
    assert "russia-ukraine-talks" in result.stdout and "sentences" in result.stdout


def test_analyze_jsonl_stream_with_a_broken_line(tmp_path, make_articles):
    rows = make_articles(5)
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, '{"id": broken')
    result = run("analyze", "--jsonl", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 1  # a line failed, the rest went through
    out = [Analysis.from_json(line) for line in result.stdout.splitlines()]
    assert [a.article.id for a in out] == [r["id"] for r in rows]
    assert "<stdin>:3" in result.stderr and "not valid JSON" in result.stderr


def test_analyze_plain_text_on_stdin(seed_text):
    result = run("analyze", "-", input=seed_text)
    assert result.exit_code == 0
    assert Analysis.from_json(result.stdout).article.text == seed_text


def test_analyze_only_bad_input_fails_clearly(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("analyze", empty)
    assert result.exit_code == 1
    assert f"{empty}: the file is empty" in result.stderr.replace("\n", "")


def ingest_counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("SELECT count(*), count(DISTINCT sha1) FROM articles").fetchone()
        analyses = con.execute("SELECT count(*) FROM analyses").fetchone()[0]
        return articles[0], articles[1], analyses
    finally:
        con.close()


def test_ingest_is_idempotent_and_counts_outcomes(tmp_path, make_articles):
    rows = make_articles(6)
    data = write_jsonl(tmp_path / "a.jsonl", rows + [rows[0], {"id": "x", "text": ""}])
    db = tmp_path / "w.duckdb"
    first = run("ingest", data, "--db", db)
    assert first.exit_code == 1  # one line failed
    assert ingest_counts(db) == (6, 6, 6)
    assert "stored" in first.stderr and "duplicate" in first.stderr
    again = run("ingest", data, "--db", db)
    assert ingest_counts(db) == (6, 6, 6)
    lines = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in again.stderr.splitlines()
             if line.count("│") == 3}
    assert lines["stored"] == "0" and lines["already stored"] == "7" and lines["failed"] == "1"
    con = duckdb.connect(str(db), read_only=True)
    failures = con.execute("SELECT origin, reason FROM ingest_failures").fetchall()
    assert failures == [(f"{data}:8", "line 8 has no non-empty 'text' or 'html' field")]  # recorded once


def test_query_canned_and_sql_and_read_only(tmp_path, make_articles):
    db = tmp_path / "q.duckdb"
    run("ingest", write_jsonl(tmp_path / "a.jsonl", make_articles(3)), "--db", db)
    overview = run("query", "--summary", "overview", "--db", db, "--format", "csv")
    assert overview.exit_code == 0 and "articles,3" in overview.stdout
    rows = run("query", "SELECT id FROM articles ORDER BY id", "--db", db, "--format", "json")
    assert [json.loads(line)["id"] for line in rows.stdout.splitlines()] == ["art-0000", "art-0001", "art-0002"]
    write = run("query", "DELETE FROM articles", "--db", db)
    assert write.exit_code == 1 and "read-only" in write.stderr
    assert ingest_counts(db)[0] == 3
    missing = run("query", "--summary", "overview", "--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 1 and "no such database" in missing.stderr


def test_second_writer_gets_a_clear_error(tmp_path, make_articles):
    db = tmp_path / "busy.duckdb"
    data = write_jsonl(tmp_path / "a.jsonl", make_articles(2))
    holder = duckdb.connect(str(db))  # another process-level writer holds the file
    try:
        proc = whodid_subprocess("ingest", data, "--db", db)
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 1
        assert "in use by another process" in stderr
    finally:
        holder.close()


def test_ingest_killed_half_way_resumes_without_loss_or_doubles(tmp_path, make_articles):
    rows = make_articles(160)
    data = write_jsonl(tmp_path / "many.jsonl", rows)
    db = tmp_path / "kill.duckdb"
    env = {**os.environ, "WHODID_PROGRESS_SECONDS": "0"}
    proc = whodid_subprocess("ingest", data, "--db", db, "--batch-size", "8", env=env)
    stored_before_kill = 0
    deadline = time.monotonic() + 300
    for line in proc.stderr:  # progress lines: "whodid ingest: 16/160 articles read, 16 stored ..."
        if "stored" in line and time.monotonic() < deadline:
            stored_before_kill = int(line.split(",")[1].split()[0])
            if stored_before_kill >= 24:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 24 <= stored_before_kill < 160, "the kill should land in the middle of the run"
    stored, distinct, analyses = ingest_counts(db)
    assert stored == distinct == analyses and stored >= stored_before_kill and stored < 160

    resumed = run("ingest", data, "--db", db)
    assert resumed.exit_code == 0, resumed.output
    assert ingest_counts(db) == (160, 160, 160)
    table = {line.split("│")[1].strip(): int(line.split("│")[2]) for line in resumed.stderr.splitlines()
             if line.count("│") == 3 and line.split("│")[2].strip().isdigit()}
    assert table["already stored"] == stored  # finished work was not redone
    assert table["stored"] == 160 - stored


def test_two_workers_store_what_one_stores(tmp_path, make_articles):
    data = write_jsonl(tmp_path / "w.jsonl", make_articles(12) + [{"id": "bad", "text": ""}])
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run("ingest", data, "--db", one, "--batch-size", "4").exit_code == 1
    proc = whodid_subprocess("ingest", data, "--db", two, "--batch-size", "4", "--workers", "2")
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr  # the bad line, nothing else

    def analyses(db):
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {sha: Analysis.from_json(js) for sha, js in
                    con.execute("SELECT article_sha1, analysis FROM analyses").fetchall()}
        finally:
            con.close()

    assert analyses(one) == analyses(two) and len(analyses(one)) == 12


def test_export_parquet_and_csv_read_back(tmp_path, make_articles):
    db = tmp_path / "e.duckdb"
    run("ingest", write_jsonl(tmp_path / "a.jsonl", make_articles(3)), "--db", db)
    result = run("export", tmp_path / "out", "--db", db)
    assert result.exit_code == 0, result.output
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'out' / 'articles.parquet'}'").fetchone()[0] == 3
    places = con.execute(f"SELECT count(*) FROM '{tmp_path / 'out' / 'places.parquet'}'").fetchone()[0]
    assert places > 0
    csv = run("export", tmp_path / "csv", "--db", db, "--format", "csv", "--tables", "articles")
    assert csv.exit_code == 0 and (tmp_path / "csv" / "articles.csv").read_text().startswith("sha1,id,")
    assert not list((tmp_path / "csv").glob(".*partial"))
    bad = run("export", tmp_path / "x", "--db", db, "--tables", "secrets")
    assert bad.exit_code == 2 and "unknown table" in bad.stderr


USER_KB = """people:
  - name: Oksana Hryvna
    gender: female
    roles:
      - {position: Mayor of Nikopol, role: mayor, country: UKR, sector: GOV, start: 2020-11-01}
"""


def test_user_kb_extends_analysis_and_kb_show(tmp_path):
    kb = tmp_path / "mine.yaml"
    kb.write_text(USER_KB)
    text = "Oksana Hryvna said the town would rebuild the school."
    plain = Analysis.from_json(run("analyze", "-", "--stages", "actors", input=text).stdout)
    extended = run("analyze", "-", "--stages", "actors", "--kb", kb, input=text)
    assert extended.exit_code == 0, extended.output
    hryvna = [a for a in Analysis.from_json(extended.stdout).actors if a.name == "Oksana Hryvna"]
    assert hryvna and hryvna[0].code == "UKRGOV"
    assert not [a for a in plain.actors if a.code == "UKRGOV"]
    shown = run("kb", "show", "Hryvna", "--kb", kb)
    assert shown.exit_code == 0 and json.loads(shown.stdout)[0]["role_at_date"] == "Mayor of Nikopol"
    assert json.loads(run("kb", "show", "the Kremlin").stdout)[0]["code"] == "RUSGOV"


def test_malformed_user_kb_is_refused_before_anything_is_stored(tmp_path, make_articles):
    kb = tmp_path / "broken.yaml"
    kb.write_text("people:\n  - name: X\n    roles: [{position: Mayor, country: NOWHERE, start: 2020-01-01}]\n")
    db = tmp_path / "k.duckdb"
    result = run("ingest", write_jsonl(tmp_path / "a.jsonl", make_articles(2)), "--db", db, "--kb", kb)
    assert result.exit_code == 2 and "broken.yaml" in result.stderr
    assert not db.exists()


def test_query_and_export_let_go_of_the_database_even_when_they_fail(tmp_path):
    from test_store import full_analysis
    from whodid.store import Store

    db = tmp_path / "q.duckdb"
    with Store(db) as store:
        store.write([(full_analysis(), "a.txt")])
    # results kept alive: their tracebacks must not be what holds a connection open
    results = [run("query", "SELECT nope FROM articles", "--db", db), run("query", "SELECT count(*) FROM articles",
                                                                         "--db", db),
               run("export", tmp_path / "out", "--db", db, "--tables", "events"),
               run("export", tmp_path / "out" / "events.parquet", "--db", db, "--tables", "events")]
    assert [r.exit_code for r in results] == [1, 0, 0, 1], [r.output for r in results]
    assert "cannot write the export there" in results[3].stderr
    # a read-only connection left open in this process would make this writer fail
    with Store(db) as store:
        assert store.stored([full_analysis().article.text_sha1])
