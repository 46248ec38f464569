"""The actor network as GraphML and GEXF (read back with networkx), events and places as GeoJSON
(read back with the geojson package)."""

import geojson
import networkx as nx
import pytest
from typer.testing import CliRunner

from test_clusters import report
from whodid.cli import app
from whodid.store import Store
from whodid.store.clusters import link_events

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    """Putin meets France twice (two days, two sources), Germany once; a denied meeting with Britain."""
    db = tmp_path / "g.duckdb"
    reports = [
        report("Putin met Someone in Moscow.", "2022-02-07", "Reuters", recipient="FRAGOV"),
        report("Putin met Someone in Moscow on Monday.", "2022-02-07", "TASS", recipient="FRAGOV"),
        report("Putin met Someone in Moscow again.", "2022-03-10", "AP", recipient="FRAGOV"),
        report("Putin met Someone, a German, in Moscow.", "2022-02-09", "AP", recipient="DEUGOV"),
        report("Putin never met Someone in Moscow.", "2022-02-08", "RT", recipient="GBRGOV", modality="negated"),
    ]
    reports[2].events[0].score = -2.0
    with Store(db) as store:
        store.write([(a, f"o{i}") for i, a in enumerate(reports)])
        link_events(store.con)
    return db


def export(db, out, *args):
    result = runner.invoke(app, ["export", str(out), "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_actor_network_opens_in_networkx(db, tmp_path, fmt, read):
    export(db, tmp_path, "--format", fmt)
    graph = read(tmp_path / f"actors.{fmt}")
    assert set(graph.edges) == {("RUSGOV", "FRAGOV"), ("RUSGOV", "DEUGOV")}  # the denied meeting is no edge
    france = graph.edges["RUSGOV", "FRAGOV"]
    assert int(france["weight"]) == 2  # one meeting reported twice, and another a month later
    assert float(france["mean_score"]) == pytest.approx((1.0 - 2.0) / 2)
    assert (france["first"], france["last"]) == ("2022-02-07", "2022-03-10")
    assert graph.nodes["RUSGOV"]["label"] == "Vladimir Putin" and graph.nodes["RUSGOV"]["country"] == "RUS"


def test_a_date_range_narrows_the_network(db, tmp_path):
    export(db, tmp_path, "--format", "graphml", "--since", "2022-03-01")
    graph = nx.read_graphml(tmp_path / "actors.graphml")
    assert set(graph.edges) == {("RUSGOV", "FRAGOV")} and int(graph.edges["RUSGOV", "FRAGOV"]["weight"]) == 1
    bad = runner.invoke(app, ["export", str(tmp_path), "--db", str(db), "--format", "csv", "--since", "2022-03-01"])
    assert bad.exit_code == 2 and "no date range" in bad.output
    bad = runner.invoke(app, ["export", str(tmp_path), "--db", str(db), "--format", "gexf", "--until", "March"])
    assert bad.exit_code == 2 and "not a day" in bad.output


def test_geojson_events_and_places_read_back(db, tmp_path):
    export(db, tmp_path, "--format", "geojson")
    events = geojson.loads((tmp_path / "events.geojson").read_text("utf-8"))
    places = geojson.loads((tmp_path / "places.geojson").read_text("utf-8"))
    assert events.is_valid and places.is_valid
    assert len(events["features"]) == 4  # event clusters with a place, the denial too
    moscow = places["features"][0]
    assert moscow["geometry"]["coordinates"] == [37.62, 55.75]  # longitude first
    assert moscow["properties"]["name"] == "Moscow" and moscow["properties"]["events"] == 4
    props = [f["properties"] for f in events["features"]]
    assert {p["actor_code"] for p in props} == {"RUSGOV"}
    assert sorted(p["event_date"] for p in props) == ["2022-02-07", "2022-02-08", "2022-02-09", "2022-03-10"]
    denied = next(p for p in props if p["recipient_code"] == "GBRGOV")
    assert denied["happened_articles"] == 0  # reported only as not having happened
