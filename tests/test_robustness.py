"""No single bad input stops a run (issue #16): poisoned lines, failing stages, huge and
non-English articles, wrong types, bad dates, other encodings, store errors, orphans."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from helpers import SEED, write_jsonl
from whodid import ingest
from whodid.cli import app
from whodid.ingest import Record, Rejected

runner = CliRunner()
ARABIC = "قالت الحكومة إن المحادثات مع المعارضة ستستأنف يوم الاثنين في العاصمة، بحسب ما أفاد مسؤولون للصحفيين."
CHINESE = "政府表示，与反对派的会谈将于周一在首都恢复，官员在会后对记者说。双方都表示愿意继续谈判。"


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def by_origin(items):
    return {str(i.origin): i for i in items}


def test_poisoned_lines_are_named_and_the_rest_read(tmp_path, make_articles):
    good = make_articles(2)
    path = tmp_path / "poisoned.jsonl"
    lines = [json.dumps(good[0]),
             "[" * 100_000 + "]" * 100_000,  # once a RecursionError that killed every run at this line
             json.dumps({"id": ["a", "list"], "text": "A text."}),
             json.dumps({"title": {"x": 1}, "text": "A text."}),
             json.dumps({"text": 42}),
             json.dumps({**good[1], "published": "2999-12-31"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = by_origin(ingest.read([path]))
    assert isinstance(items[f"{path}:1"], Record)
    assert "nested too deeply" in items[f"{path}:2"].reason
    assert "field 'id' is a JSON array" in items[f"{path}:3"].reason
    assert "field 'title' is a JSON object" in items[f"{path}:4"].reason
    assert "field 'text' is a JSON number" in items[f"{path}:5"].reason
    future = items[f"{path}:6"]
    assert isinstance(future, Record) and future.article.published is None
    assert any("future" in n.message for n in future.notes)


def test_dates_before_1800_are_flagged_and_dropped():
    record = ingest.article_from_text("The talks resumed on Monday.", "x", published="1066-10-14")
    assert record.article.published is None and "before 1800" in record.notes[0].message


def test_utf16_and_bom_files_are_read(tmp_path, seed_text):
    (tmp_path / "a.txt").write_bytes(seed_text.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + seed_text.encode("utf-8"))
    (tmp_path / "c.jsonl").write_bytes(json.dumps({"id": "c", "text": seed_text}).encode("utf-16"))
    (tmp_path / "d.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "d", "text": seed_text}).encode())
    items = list(ingest.read([tmp_path]))
    assert all(isinstance(i, Record) for i in items), [str(i) for i in items]
    assert {i.article.text for i in items} == {seed_text}


def test_non_latin_scripts_are_never_english_and_the_decision_is_kept(seed_text):
    for text, lang in ((ARABIC, "ar"), (CHINESE, "zh")):
        item = ingest.check_language(ingest.article_from_text(text, "x"))
        assert isinstance(item, Rejected) and item.kind == "language" and f"'{lang}'" in item.reason
    english = ingest.check_language(ingest.article_from_text(seed_text, "x"))
    assert english.article.language == "en" and english.article.language_confidence > 0.9


def test_an_article_over_max_chars_is_refused_and_the_next_read(tmp_path, seed_text):
    (tmp_path / "a-huge.txt").write_text(seed_text * 10, encoding="utf-8")
    (tmp_path / "b-fine.txt").write_text(seed_text, encoding="utf-8")
    items = by_origin(ingest.read([tmp_path], max_chars=len(seed_text) + 10))
    assert "--max-chars" in items[str(tmp_path / "a-huge.txt")].reason
    assert isinstance(items[str(tmp_path / "b-fine.txt")], Record)


@pytest.fixture()
def poisoned_events_stage(monkeypatch):
    """The events stage raises on any article that mentions POISON."""
    from whodid.events import EventsStage

    real = EventsStage.__call__

    def failing(self, doc, analysis):
        if "POISON" in doc.text:
            raise ValueError("injected failure")
        return real(self, doc, analysis)

    monkeypatch.setattr(EventsStage, "__call__", failing)


def test_a_failing_stage_fails_that_article_alone(tmp_path, make_articles, poisoned_events_stage):
    rows = make_articles(4)
    rows[1]["text"] += "\n\nPOISON in this one."
    data = write_jsonl(tmp_path / "in.jsonl", rows + [{"id": "deep", "text": "x"}])
    (tmp_path / "in.jsonl").open("a").write("[" * 100_000 + "\n")
    db = tmp_path / "s.duckdb"
    result = run("ingest", data, "--db", db, "--batch-size", "3")
    assert result.exit_code == 1, result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 4  # 3 good + the short "x"
        failures = dict(((o, s), r) for o, r, s in con.execute(
            "SELECT origin, reason, stage FROM ingest_failures").fetchall())
    finally:
        con.close()
    assert "injected failure" in failures[(f"{data}:2", "events")]
    assert any(stage == "read" and origin == f"{data}:6" for origin, stage in failures)

    analysed = run("analyze", data, "--jsonl")
    assert analysed.exit_code == 1
    assert len(analysed.stdout.splitlines()) == 4
    assert f"failed {data}:2: events failed: ValueError: injected failure" in analysed.stderr


def test_exit_codes(tmp_path, seed_text):
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    empty = run("analyze", tmp_path / "empty.jsonl")
    assert empty.exit_code == 1 and "empty" in empty.stderr
    german = tmp_path / "de.txt"
    german.write_text("Der Bundeskanzler traf heute in Berlin den französischen Präsidenten zu Gesprächen über "
                      "die Lage in der Ukraine und die Energiepreise in Europa.", encoding="utf-8")
    assert run("ingest", german, "--db", tmp_path / "d.duckdb", "-q").exit_code == 1
    assert run("analyze", german).exit_code == 1
    assert run("ingest", SEED, "--db", tmp_path / "d.duckdb", "-q").exit_code == 0
    assert run("ingest", SEED, "--db", tmp_path / "d.duckdb", "--batch-size", "0").exit_code == 2
    bad_date = run("kb", "show", "Putin", "--date", "notadate")
    assert bad_date.exit_code == 2 and "not a date" in bad_date.stderr


def test_a_full_disk_is_one_line_naming_the_database(tmp_path, monkeypatch):
    from whodid.store import Store, StoreError

    store = Store(tmp_path / "full.duckdb")

    class FullDisk:  # DuckDB's error for a COMMIT that cannot be written
        def __init__(self, con):
            self.con = con

        def execute(self, sql, *args):
            if sql == "COMMIT":
                raise duckdb.IOException('Could not write file "full.duckdb.wal": No space left on device')
            return self.con.execute(sql, *args)

    real = store.con
    store.con = FullDisk(real)
    with pytest.raises(StoreError) as raised:
        store.write([], [("x", "reason", "error", "read")])
    message = str(raised.value)
    assert "full.duckdb" in message and "disk is full" in message and "\n" not in message
    real.close()


def test_csv_cells_never_start_a_formula(tmp_path, seed_text):
    from whodid.export.csv_safe import safe_cell

    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert [safe_cell(v) for v in ("+1", "-2 dead", "@SUM(A1)", "fine", -3)] == ["'+1", "'-2 dead", "'@SUM(A1)",
                                                                                  "fine", -3]
    data = write_jsonl(tmp_path / "f.jsonl", [{"id": "=cmd|' /C calc'!A0", "title": "-2+3", "text": seed_text}])
    db = tmp_path / "f.duckdb"
    assert run("ingest", data, "--db", db, "-q").exit_code == 0
    assert run("export", tmp_path / "out", "--db", db, "--format", "csv", "--tables", "articles").exit_code == 0
    import csv

    with open(tmp_path / "out" / "articles.csv", newline="", encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert row["id"] == "'=cmd|' /C calc'!A0" and row["title"] == "'-2+3"


def _children(pid: int) -> set[int]:
    """Every descendant of ``pid``, from /proc."""
    found, frontier = set(), {pid}
    while frontier:
        nxt = set()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid in frontier and int(entry.name) not in found:
                    nxt.add(int(entry.name))
        found |= nxt
        frontier = nxt
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_the_parent_leaves_no_worker_behind(tmp_path, make_articles):
    data = write_jsonl(tmp_path / "many.jsonl", make_articles(200))
    proc = subprocess.Popen([sys.executable, "-m", "whodid", "ingest", str(data), "--db", str(tmp_path / "k.duckdb"),
                             "--workers", "2", "--batch-size", "4"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "WHODID_PROGRESS_SECONDS": "0"})
    for line in proc.stderr:  # the first stored batch: the workers are up and parsing
        if "stored" in line:
            break
    children = _children(proc.pid)
    assert len(children) >= 2, "two workers should be running"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [c for c in children if _alive(c)], "workers outlived their parent"


def test_a_junk_warc_says_what_is_wrong(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\nhi")
    (item,) = ingest.read([junk])
    assert isinstance(item, Rejected) and "lacks a header" in item.reason and "NoneType" not in item.reason


def test_a_parse_failure_fails_that_article_alone(monkeypatch, make_articles):
    from whodid import nlp
    from whodid.pipeline import Pipeline

    real = nlp.parse

    def parse(texts, *args, **kwargs):  # spaCy raising on one text of its batch
        def guarded():
            for text in texts:
                if "PARSEPOISON" in text:
                    raise ValueError("the parser broke")
                yield text
        return real(guarded(), *args, **kwargs)

    monkeypatch.setattr(nlp, "parse", parse)
    rows = make_articles(5)
    rows[2]["text"] += " PARSEPOISON"
    records = [ingest.article_from_text(r["text"], r["id"]) for r in rows]
    results = list(Pipeline(stages=[]).analyze_isolated(records))
    assert [r.origin for r, _ in results] == [r["id"] for r in rows]  # every article, in order
    failed = [(r.origin, a) for r, a in results if isinstance(a, Rejected)]
    assert [(origin, a.stage) for origin, a in failed] == [("art-0002", "parse")]
    assert "the parser broke" in failed[0][1].reason


@pytest.mark.parametrize("error, words", [
    (OSError(28, "No space left on device", "/data/w.duckdb.wal"), ["/data/w.duckdb.wal", "disk is full"]),
    (PermissionError(13, "Permission denied", "/data/w.duckdb"), ["/data/w.duckdb", "permission denied"]),
    (duckdb.IOException('Could not set lock on file "/data/w.duckdb": Conflicting lock is held in python (PID 7)'),
     ["/data/w.duckdb", "in use by another process"]),
])
def test_store_errors_say_the_file_and_what_to_do(error, words):
    from whodid.store.errors import explain

    line = explain(error)
    assert line and "\n" not in line and all(w in line for w in words)


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, capsys):
    from whodid import cli

    def crash(**kwargs):
        raise RuntimeError("something deep broke")

    monkeypatch.setattr(cli, "app", crash)
    monkeypatch.setattr(sys, "argv", ["whodid", "ingest", "x"])
    with pytest.raises(SystemExit) as exited:
        cli.run()
    assert exited.value.code == 1
    assert "RuntimeError: something deep broke" in capsys.readouterr().err
    monkeypatch.setattr(sys, "argv", ["whodid", "ingest", "x", "--debug"])
    with pytest.raises(RuntimeError):
        cli.run()
