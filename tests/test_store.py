import duckdb
import pytest

from whodid.model import Actor, Analysis, Article, Check, DateExpr, Event, Mention, Place, Quote, Offsets
from whodid.store import Store, StoreError, connect_read_only
from whodid.store.schema import LATEST, MIGRATIONS


def full_analysis(text="Putin met Macron in Moscow on Friday. “We talked,” Macron said.") -> Analysis:
    return Analysis(
        article=Article(text=text, id="a1", published="2022-02-07"),
        actors=[Actor(id="Q7747", name="Vladimir Putin", kind="person", country="RUS", sector="GOV", code="RUSGOV",
                      mentions=[Mention(0, 5, "Putin")]),
                Actor(id="Q3052772", name="Emmanuel Macron", kind="person", code="FRAGOV",
                      mentions=[Mention(10, 16, "Macron"), Mention(text.rindex("Macron"), text.rindex("Macron") + 6, "Macron")])],
        quotes=[Quote(text="We talked,", start=text.index("We"), end=text.index("We") + 10, kind="direct", speaker="Q3052772", cue="said")],
        events=[Event(type="CONSULT", cameo="040", sentence=Offsets(0, 36), trigger=Mention(6, 9, "met"),
                      actor=["Q7747"], recipient=["Q3052772"], context=["diplomatic"], date="2022-02-04",
                      date_precision="day", place="Moscow", confidence=0.9, score=1.0, quad_class=1,
                      date_mention=Mention(30, 36, "Friday"), place_mention=Mention(20, 26, "Moscow"),
                      inferred=["recipient"])],
        places=[Place(name="Moscow", geonames_id=524901, lat=55.75, lon=37.62, country="RU",
                      mentions=[Mention(20, 26, "Moscow")])],
        dates=[DateExpr(text="Friday", start=30, end=36, value="2022-02-04", precision="day")],
        checks=[Check(kind="demo", message="a check", severity="info", start=0, end=5)],
    )


def test_every_item_kind_lands_in_its_table(tmp_path):
    db = tmp_path / "s.duckdb"
    analysis = full_analysis()
    with Store(db) as store:
        assert store.schema_version() == LATEST
        store.write([(analysis, "file.txt")])
        assert store.stored([analysis.article.text_sha1, "nope"]) == {analysis.article.text_sha1}
    con = connect_read_only(db)
    text = analysis.article.text
    for start, end, mention in con.execute("SELECT char_start, char_end, text FROM mentions").fetchall():
        assert text[start:end] == mention
    assert con.execute("SELECT actor, recipient, context FROM events").fetchall() == [
        (["Q7747"], ["Q3052772"], ["diplomatic"])]
    # where the date and place were read from, and which roles a convention filled
    (date_start, date_end, place_start, place_end, inferred), = con.execute(
        "SELECT date_start, date_end, place_start, place_end, inferred FROM events").fetchall()
    assert (text[date_start:date_end], text[place_start:place_end], inferred) == ("Friday", "Moscow", ["recipient"])
    assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    assert con.execute("SELECT name, geonames_id FROM places").fetchall() == [("Moscow", 524901)]
    assert con.execute("SELECT value FROM dates").fetchall() == [("2022-02-04",)]
    stored_json = con.execute("SELECT analysis FROM analyses").fetchone()[0]
    assert Analysis.from_json(stored_json) == analysis


def test_a_failing_batch_writes_nothing(tmp_path):
    db = tmp_path / "atomic.duckdb"
    good, twin = full_analysis(), full_analysis()  # same text: the second insert violates the key
    with Store(db) as store:
        with pytest.raises(duckdb.Error):
            store.write([(good, "a"), (twin, "b")], [("c", "broken", "error")])
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert store.con.execute("SELECT count(*) FROM ingest_failures").fetchone()[0] == 0
        store.write([(good, "a")])
        assert store.con.execute("SELECT count(*) FROM actors").fetchone()[0] == 2


def test_reopening_does_not_rerun_migrations(tmp_path):
    db = tmp_path / "m.duckdb"
    Store(db).close()
    with Store(db) as store:
        assert store.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_and_foreign_files_are_refused(tmp_path):
    db = tmp_path / "new.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version (version) VALUES (999)")
    con.close()
    with pytest.raises(StoreError, match="newer than this whodid"):
        Store(db)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.duckdb"):
        Store(junk)


def test_a_new_database_is_written_in_a_format_duckdb_1_1_reads(tmp_path):
    """DuckDB 2 writes its newest format unless told; whodid asks for v1.1.0 (DuckDB 1.1 and later)."""
    import os
    import subprocess

    import duckdb

    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'old'"
                       ).fetchone()[0] in ("v1.0.0+", "v1.1.0+")
    con.close()
    old = os.environ.get("WHODID_OLD_DUCKDB_PYTHON")  # a Python with duckdb 1.x, e.g. pip install duckdb==1.1.3
    if old:
        out = subprocess.run([old, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
                              "print(duckdb.__version__, c.execute('SELECT max(version) FROM schema_version')"
                              ".fetchone()[0])", str(db)], capture_output=True, text=True, check=True).stdout
        assert out.startswith("1.") and out.split()[1] == str(LATEST)
