from whodid.store.near_duplicates import StoryIndex, signature

from helpers import write_jsonl

WIRE = ("KYIV, Nov 8 - Russian forces shelled the town of Nikopol overnight, damaging a school and "
        "two apartment blocks, the regional governor said on Tuesday. No one was killed, he said, but "
        "four people were taken to hospital with shrapnel wounds. The town lies across the reservoir from "
        "the Zaporizhzhia nuclear power plant, which Russian troops have held since March. Ukraine's "
        "military said its forces had shot down three drones over the region during the night.\n\n"
        "Residents described a night of explosions that began shortly after midnight and lasted for more than "
        "an hour. Emergency crews worked until dawn to clear rubble from the school yard, and the city council "
        "said classes would move online for the rest of the week. Power was cut to several districts and "
        "restored by the morning, the local energy company said.\n\n"
        "The International Atomic Energy Agency has repeatedly warned that fighting near the plant risks a "
        "nuclear accident, and its inspectors remain at the site. Moscow denies targeting civilian areas and "
        "says its strikes are aimed at military infrastructure. Kyiv has asked its Western partners for more "
        "air defence systems to protect towns along the front line before the winter.")


def test_republished_copy_joins_the_story_and_a_different_story_does_not():
    edited = WIRE.replace("Tuesday", "Tuesday morning").replace("four people", "four residents")
    other = "The central bank raised its main interest rate by half a point on Thursday to curb inflation. " * 3
    index = StoryIndex()
    first, sim_first = index.assign("a", signature(WIRE))
    copy, sim_copy = index.assign("b", signature(edited))
    fresh, sim_fresh = index.assign("c", signature(other))
    assert (first, sim_first) == ("a", None)
    assert copy == "a" and sim_copy >= 0.8
    assert fresh == "c" and sim_fresh is None


def test_ingest_links_near_duplicates_across_runs(tmp_path):
    from typer.testing import CliRunner

    import duckdb
    from whodid.cli import app

    runner = CliRunner()
    db = tmp_path / "s.duckdb"
    first = write_jsonl(tmp_path / "1.jsonl", [{"id": "wire", "text": WIRE}])
    second = write_jsonl(tmp_path / "2.jsonl", [{"id": "reprint", "text": WIRE.replace("Tuesday", "Tuesday night")}])
    assert runner.invoke(app, ["ingest", str(first), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(second), "--db", str(db)])
    assert "near-duplicate" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT a.id, s.story_id FROM stories s JOIN articles a ON a.sha1 = s.article_sha1").fetchall())
    assert rows["reprint"] == rows["wire"]
