"""Exports read back: GDELT 2.0 TSV, PLOVER JSON Lines, Parquet partitioned by date."""

import csv
import json
import re

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from helpers import SAMPLES
from test_clusters import report
from whodid.cli import app
from whodid.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from whodid.export.plover import schema as plover_schema
from whodid.store import Store
from whodid.store.clusters import link_events

runner = CliRunner()


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("export") / "samples.duckdb"
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def three_reports_db(tmp_path):
    """One meeting reported by two papers and denied by a third, plus an unrelated report."""
    db = tmp_path / "three.duckdb"
    with Store(db) as store:
        store.write([(a, f"o{i}") for i, a in enumerate([
            report("Putin met Someone in Moscow.", "2022-02-07", "Reuters", "https://reuters.example/a"),
            report("Putin met Someone in Moscow on Monday.", "2022-02-07", "TASS", "https://tass.example/b"),
            report("Putin never met Someone in Moscow.", "2022-02-07", "RT", "https://rt.example/c",
                   modality="negated"),
            report("Putin met Someone, a German, in Moscow.", "2022-02-09", "AP", "https://ap.example/d",
                   recipient="DEUGOV"),
        ])])
        link_events(store.con)
    return db


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def export(*args):
    result = runner.invoke(app, ["export", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def test_gdelt_tables_have_61_and_16_columns_and_the_counts_of_the_reports(three_reports_db, tmp_path):
    result = export(tmp_path, "--db", three_reports_db, "--format", "gdelt")
    assert "GDELT columns whodid leaves empty" in result.output and "AvgTone" in result.output
    events = [dict(zip(EVENT_COLUMNS, row)) for row in read_tsv(tmp_path / "gdelt.export.tsv")]
    assert all(len(e) == 61 for e in events)
    by_recipient = {e["Actor2Code"]: e for e in events}
    meeting = by_recipient["FRAGOV"]
    # the denial stays out of the "happened" counts
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == ("2", "2", "2")
    assert meeting["Actor1Code"] == "RUSGOV" and meeting["Actor1Name"] == "VLADIMIR PUTIN"
    assert meeting["Actor1CountryCode"] == "RUS" and meeting["Actor1Type1Code"] == "GOV"
    assert (meeting["EventCode"], meeting["EventBaseCode"], meeting["EventRootCode"]) == ("040", "040", "04")
    assert (meeting["QuadClass"], meeting["GoldsteinScale"]) == ("1", "1.0")
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == ("20220207", "202202", "2022")
    assert meeting["ActionGeo_FeatureID"] == "524901" and meeting["ActionGeo_Type"] == "4"
    assert meeting["ActionGeo_FullName"].startswith("Moscow") and meeting["ActionGeo_CountryCode"] == "RS"  # FIPS 10-4, as GDELT
    assert meeting["SOURCEURL"] == "https://reuters.example/a" and meeting["IsRootEvent"] == "1"
    assert meeting["AvgTone"] == "" and len(meeting["DATEADDED"]) == 14
    assert by_recipient["DEUGOV"]["NumArticles"] == "1"

    mentions = [dict(zip(MENTION_COLUMNS, row)) for row in read_tsv(tmp_path / "gdelt.mentions.tsv")]
    assert all(len(m) == 16 for m in mentions)
    of_meeting = [m for m in mentions if m["GLOBALEVENTID"] == meeting["GLOBALEVENTID"]]
    assert sorted(m["MentionIdentifier"] for m in of_meeting) == ["https://reuters.example/a",
                                                                  "https://tass.example/b"]
    assert {m["ActionCharOffset"] for m in of_meeting} == {"6"}  # "Putin met ..."
    assert {m["Actor1CharOffset"] for m in of_meeting} == {"0"}
    assert {m["GLOBALEVENTID"] for m in mentions} == {e["GLOBALEVENTID"] for e in events}


def test_gdelt_export_of_real_analyses_is_well_formed(samples_db, tmp_path):
    export(tmp_path, "--db", samples_db, "--format", "gdelt", "--min-confidence", "0")  # every event
    events = read_tsv(tmp_path / "gdelt.export.tsv")
    mentions = read_tsv(tmp_path / "gdelt.mentions.tsv")
    assert events and all(len(row) == 61 for row in events)
    assert mentions and all(len(row) == 16 for row in mentions)
    con = duckdb.connect(str(samples_db), read_only=True)
    texts = dict(con.execute("SELECT coalesce(url, origin), text FROM articles").fetchall())
    happened = con.execute("SELECT count(*) FROM event_cluster_mentions WHERE happened").fetchone()[0]
    assert len(mentions) == happened
    for row in mentions:
        m = dict(zip(MENTION_COLUMNS, row))
        offset = int(m["ActionCharOffset"])
        assert 0 <= offset < int(m["MentionDocLen"]) == len(texts[m["MentionIdentifier"]])
    for row in events:
        e = dict(zip(EVENT_COLUMNS, row))
        assert e["EventRootCode"] == e["EventCode"][:2] and e["QuadClass"] in "1234"
        assert -10 <= float(e["GoldsteinScale"]) <= 10


def test_plover_jsonl_has_one_record_per_event_with_plover_fields(samples_db, tmp_path):
    result = export(tmp_path, "--db", samples_db, "--format", "plover", "--min-confidence", "0")  # every event
    records = [json.loads(line) for line in (tmp_path / "events.plover.jsonl").read_text("utf-8").splitlines()]
    con = duckdb.connect(str(samples_db), read_only=True)
    # every event is a record or is counted as left out for lacking a field PLOVER requires
    left_out = re.search(r"(\d+) events left out of the PLOVER export", result.output)
    assert len(records) + int(left_out.group(1) if left_out else 0) == \
        con.execute("SELECT count(*) FROM events").fetchone()[0]
    validator = jsonschema.Draft202012Validator(plover_schema(), format_checker=jsonschema.FormatChecker())
    for r in records:
        validator.validate(r)
    assert len({r["id"] for r in records}) == len(records)
    clusters = dict(con.execute("SELECT article_sha1 || ':' || event_idx, cluster_id FROM event_cluster_mentions").fetchall())
    for r in records:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "event_scale",
                "link", "text_info", "cite_info", "modality"} <= r.keys()
        assert len(r["event"]) == 1 and r["modality"] in ("asserted", "negated", "hypothetical", "conditional",
                                                          "future", "historical")
        assert r["text_info"]["sentence"] and r["event_text"][0] in r["text_info"]["sentence"]
        for entity in r["actor"] + r["recipient"]:
            assert entity["code"] is None or len(entity["code"]) == 3
    # link is the event cluster
    linked = [r["link"] for r in records]
    assert set(linked) <= set(clusters.values())


def test_parquet_partitioned_by_date_reads_back(samples_db, tmp_path):
    export(tmp_path, "--db", samples_db, "--by-date", "--tables", "articles,events,event_clusters",
           "--min-confidence", "0")  # every event
    assert any(p.name.startswith("date=2022-12-02") for p in (tmp_path / "articles").iterdir())
    con = duckdb.connect(str(samples_db), read_only=True)

    def back(table):
        return duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path / table}/*/*.parquet', hive_partitioning=true)")

    articles = back("articles")
    assert len(articles) == con.execute("SELECT count(*) FROM articles").fetchone()[0]
    for published, day in articles.select("published, date").fetchall():
        assert day == (published[:10] if published else "unknown")
    events = back("events")
    assert len(events) == con.execute("SELECT count(*) FROM events").fetchone()[0]
    stored = dict(con.execute("SELECT m.article_sha1 || ':' || m.event_idx, CAST(c.event_date AS VARCHAR) "
                              "FROM event_cluster_mentions m JOIN event_clusters c USING (cluster_id)").fetchall())
    for sha, idx, day, own, precision in events.select("article_sha1, idx, date, event_date, date_precision").fetchall():
        assert day == (stored[f"{sha}:{idx}"] or "unknown")
        if own and precision == "day":
            assert day == own.isoformat()  # an event dated to the day is filed under that day
    assert len(back("event_clusters")) == con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]


def test_export_refuses_by_date_for_csv(samples_db, tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path), "--db", str(samples_db), "--format", "csv", "--by-date"])
    assert result.exit_code == 2 and "Parquet only" in result.output


def test_event_clusters_summary_lists_the_most_reported_event_first(three_reports_db):
    result = runner.invoke(app, ["query", "--summary", "event-clusters", "--db", str(three_reports_db),
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert (rows[0]["actor"], rows[0]["recipient"], rows[0]["articles"], rows[0]["happened_articles"]) == \
        ("RUSGOV", "FRAGOV", "3", "2")
    assert rows[1]["recipient"] == "DEUGOV" and rows[1]["articles"] == "1"


def test_plover_export_reads_analyses_stored_before_inferred_roles(three_reports_db, tmp_path):
    # a database from before Event.inferred: its stored JSON has no such key
    con = duckdb.connect(str(three_reports_db))
    rows = con.execute("SELECT article_sha1, analysis FROM analyses").fetchall()
    for sha, text in rows:
        data = json.loads(text)
        for event in data["events"]:
            event.pop("inferred", None)
        con.execute("UPDATE analyses SET analysis = ? WHERE article_sha1 = ?", [json.dumps(data), sha])
    con.close()
    result = export(tmp_path, "--db", three_reports_db, "--format", "plover")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "events.plover.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 4 and all(r["inferred"] == [] for r in records)


def test_parquet_events_have_a_date_column_with_its_precision(samples_db, tmp_path):
    export(tmp_path, "--db", samples_db, "--tables", "events", "--min-confidence", "0")
    events = duckdb.sql(f"SELECT date, date_precision FROM read_parquet('{tmp_path / 'events.parquet'}')")
    assert str(events.types[0]) == "DATE"
    con = duckdb.connect(str(samples_db), read_only=True)
    text_dates = dict(con.execute("SELECT article_sha1 || idx, date FROM events").fetchall())
    for (sha, idx, day, precision) in duckdb.sql(
            f"SELECT article_sha1, idx, date, date_precision FROM read_parquet('{tmp_path / 'events.parquet'}')"
    ).fetchall():
        text = text_dates[f"{sha}{idx}"]
        if precision == "day":
            assert day.isoformat() == text[:10]
        elif precision == "month":
            assert (day.isoformat()[:7], day.day) == (text[:7], 1)
        elif precision == "year":
            assert (day.year, day.month, day.day) == (int(text[:4]), 1, 1)
        else:
            assert day is None
