"""--homes-first: a paper's home learnt from the whole input decides a local namesake,
whether the local story comes first or last, in one process or in workers."""

import json
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from helpers import write_jsonl
from whodid.cli import app

runner = CliRunner()

TEXAS = ["Fort Worth police said Arlington and Grand Prairie schools in Tarrant County, Texas, closed.",
         "The Texas Legislature met in Austin on Tuesday; Dallas officials attended."]
MANSFIELD = "MANSFIELD — The City Council will vote today on a financing package for the police station."


def rows(local_first: bool) -> list[dict]:
    texas = [{"id": f"tx{i}", "text": t, "source": "star-telegram.example"} for i, t in enumerate(TEXAS)]
    local = {"id": "mansfield", "text": MANSFIELD, "source": "star-telegram.example"}
    return [local, *texas] if local_first else [*texas, local]


def mansfield_in(analyses: list[dict]) -> tuple[str, str]:
    [local] = [a for a in analyses if a["article"]["id"] == "mansfield"]
    [place] = [p for p in local["places"] if any(m["text"] == "MANSFIELD" for m in p["mentions"])]
    return place["country"], place.get("admin1")


def analyze(path, *options) -> list[dict]:
    result = runner.invoke(app, ["analyze", str(path), "--jsonl", "--stages", "actors,places", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("local_first", [True, False])
def test_analyze_homes_first_gives_the_local_story_its_papers_home(tmp_path, local_first):
    data = write_jsonl(tmp_path / "paper.jsonl", rows(local_first))
    assert mansfield_in(analyze(data, "--homes-first")) == ("US", "Texas")
    assert mansfield_in(analyze(data, "--one-pass"))[0] == "GB"  # no home: the best-known Mansfield
    assert mansfield_in(analyze(data))[0] == "GB"  # --one-pass is the default


def test_analyze_homes_first_reads_stdin_once(tmp_path):
    text = "".join(json.dumps(r) + "\n" for r in rows(local_first=True))
    result = runner.invoke(app, ["analyze", "-", "--stages", "actors,places", "--homes-first"], input=text)
    assert result.exit_code == 0, result.output
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(analyses) == 3 and mansfield_in(analyses) == ("US", "Texas")


def stored_mansfield(db) -> tuple[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT p.country, p.admin1 FROM places p JOIN place_mentions m "
                           "ON m.article_sha1 = p.article_sha1 AND m.place_idx = p.idx "
                           "WHERE m.text = 'MANSFIELD'").fetchone()
    finally:
        con.close()


def test_ingest_homes_first_shares_the_homes_with_every_worker(tmp_path):
    """Two workers, one article a batch: the local story is parsed in a process that never saw
    the Texas stories, and still gets the home learnt from all of them."""
    data = write_jsonl(tmp_path / "paper.jsonl", rows(local_first=False))
    one_pass, first, workers = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    base = ["ingest", str(data), "--stages", "actors,places", "--batch-size", "1", "--quiet"]
    assert runner.invoke(app, [*base, "--db", str(one_pass)]).exit_code == 0
    assert runner.invoke(app, [*base, "--db", str(first), "--homes-first"]).exit_code == 0
    proc = subprocess.run([sys.executable, "-m", "whodid", *base, "--db", str(workers), "--homes-first",
                           "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert stored_mansfield(one_pass)[0] == "GB"
    assert stored_mansfield(first) == stored_mansfield(workers) == ("US", "Texas")
