"""Event confidence: the trained model behind it, its calibration figures in eval news, and
``--min-confidence`` in exports and the web app (a low-confidence event is left out by default)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_clusters import report
from test_eval_news import ACCUSE_S, MEET_S, TEXT, gold, ours
from whodid.cli import app
from whodid.eval import news
from whodid.eval.news import GoldArticle
from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.knowledge.confidence import ConfidenceModel
from whodid.store import Store
from whodid.store.clusters import link_events

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


# ---------------------------------------------------------------- the model


def test_the_shipped_model_loads_and_gives_probabilities():
    model = ConfidenceModel.load()
    assert model is not None and model.weights and model.calibration
    assert model.trained["gold"] == ["dev.jsonl", "tune.jsonl"]  # never the held-aside part
    assert (REPO / "src/whodid/data/events/confidence.json").stat().st_size < 1_000_000
    for features in ({}, {"actor.none": 1.0}, {"type=CONSULT": 1.0, "recipient.how=name": 1.0}):
        assert 0.0 <= model.probability(features) <= 1.0


def test_no_actor_never_raises_confidence():
    model = ConfidenceModel.load()
    x = {"type=ASSAULT": 1.0, "rule_score": 0.9}
    assert model.probability({**x, "actor.none": 1.0}) <= model.probability(x)


def test_a_malformed_model_file_is_refused_with_its_path(tmp_path):
    bad = tmp_path / "confidence.json"
    bad.write_text(json.dumps({"version": 1, "bias": 0.0, "weights": {"a": 1.0},
                               "calibration": {"x": [0.0, 1.0], "y": [0.9, 0.1]}}))
    with pytest.raises(ValueError, match=r"confidence\.json.*non-decreasing"):
        ConfidenceModel.load(bad)


def test_an_unseen_trigger_lemma_weighs_as_the_rare_ones():
    model = ConfidenceModel(bias=0.0, weights={"lemma=?": -2.0, "lemma=meet": 1.0}, open_groups=frozenset({"lemma"}))
    assert model.score({"lemma=parley": 1.0}) == model.score({"lemma=?": 1.0}) < model.score({}) < \
        model.score({"lemma=meet": 1.0})


def test_the_events_stage_takes_its_confidence_from_the_model(nlp, monkeypatch):
    from whodid.actors import ActorsStage
    from whodid.events import EventsStage
    from whodid.model import Analysis, Article

    stage = EventsStage()
    text = "Russian troops attacked Ukraine. Germany met France in Berlin."
    monkeypatch.setattr(stage.resources, "event_confidence",
                        ConfidenceModel(bias=-2.0, weights={"type=ASSAULT": 3.0}))
    doc = nlp(text)
    analysis = Analysis(article=Article(text=text))
    ActorsStage(stage.resources)(doc, analysis)
    stage(doc, analysis)
    by_type = {e.type: e.confidence for e in analysis.events}
    assert by_type["ASSAULT"] == pytest.approx(0.73, abs=0.01)  # sigmoid(-2 + 3)
    assert by_type["CONSULT"] == pytest.approx(0.12, abs=0.01)  # sigmoid(-2)


def test_an_event_with_thin_evidence_stays_below_the_top_band():
    model = ConfidenceModel(bias=3.0, weights={"has_object": 0.5}, cap=(0.79, ("!has_object", "no_frame")))
    assert model.probability({"has_object": 1.0}) >= 0.95  # an object: the model's own probability
    assert model.probability({}) == 0.79  # no object: capped
    assert model.probability({"has_object": 1.0, "no_frame": 1.0}) == 0.79
    low = ConfidenceModel(bias=-3.0, weights={}, cap=(0.79, ("!has_object",)))
    assert low.probability({}) == pytest.approx(0.05, abs=0.01)  # a cap never raises
    again = ConfidenceModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.cap == model.cap and again.probability({}) == 0.79


def test_the_shipped_model_ignores_the_trigger_lemma():
    model = ConfidenceModel.load()
    assert not [k for k in model.weights if k.partition("=")[0] in ("lemma", "requires", "governs")]
    x = {"type=ACCUSE": 1.0, "rule_score": 0.8, "has_object": 1.0}
    assert model.probability({**x, "lemma=accuse": 1.0}) == model.probability({**x, "lemma=slam": 1.0})


# ---------------------------------------------------------------- the training script


def trainer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_event_confidence", REPO / "scripts/train_event_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_validation_refuses_one_article_in_two_rounds():
    tr = trainer()
    f = tr.round_folds(["bbc:1", "bbc:1", "newswire:2"], ["shared dev", "shared dev", "tune round 1"])
    assert list(f) == ["shared dev", "shared dev", "tune round 1"]
    with pytest.raises(ValueError, match="bbc:1 is in two rounds"):
        tr.round_folds(["bbc:1", "bbc:1"], ["shared dev", "tune round 1"])


def test_the_rounds_are_read_from_the_gold_annotators(tmp_path):
    tr = trainer()
    shared, packed = tmp_path / "dev.jsonl", tmp_path / "tune.jsonl"
    shared.write_text(json.dumps({"corpus": "bbc", "id": "a", "events": []}) + "\n")
    packed.write_text("\n".join(json.dumps({"corpus": "newswire", "id": i, "annotator": who, "events": []})
                                for i, who in [("b", "annotator-3"), ("c", "annotator-6"), ("d", "annotator-gold5")]))
    assert tr.annotation_rounds([shared, packed]) == {
        "bbc:a": "shared dev", "newswire:b": "tune round 1", "newswire:c": "tune round 1",
        "newswire:d": "annotator-gold5"}


def test_rounds_weigh_alike_and_a_thin_condition_is_capped_only_when_its_top_band_falls_short():
    import numpy as np

    tr = trainer()
    w = tr.balanced(np.array(["a", "a", "a", "b"], dtype=object))
    assert w[:3].sum() == pytest.approx(w[3]) and w.mean() == pytest.approx(1.0)
    rows = [{"has_object": 1.0}] * 20 + [{}] * 20
    p = np.full(40, 0.85)
    y = np.array([1.0] * 18 + [0.0] * 2 + [1.0] * 12 + [0.0] * 8)  # 90% with an object, 60% without
    assert tr.thin_caps(p, y, rows) == ["!has_object"]
    assert tr.thin_caps(p[:20], y[:20], rows[:20]) == []  # no event without an object: nothing to judge
    assert list(tr.capped(p, rows, ["!has_object"])[[0, 39]]) == [0.85, tr.CAP]


def test_the_level_for_new_articles_is_set_by_the_rounds_right_least_often():
    import numpy as np

    tr = trainer()
    f = np.array(["old"] * 40 + ["older"] * 40 + ["new"] * 40, dtype=object)
    y = np.array([1.0] * 32 + [0.0] * 8 + [1.0] * 30 + [0.0] * 10 + [1.0] * 12 + [0.0] * 28)  # 80%, 75%, 30%
    assert tr.hard_rounds(f, y) == ["new"]
    p = np.full(120, 0.6)
    hard = np.isin(f, tr.hard_rounds(f, y))
    b = tr.unseen_intercept(p, y, 1.0, 0.0, np.where(hard, 1.0, 0.0))
    assert tr.calibrated(np.array([0.6]), 1.0, b)[0] == pytest.approx(0.30, abs=0.005)  # the new round's share
    b_all = tr.unseen_intercept(p, y, 1.0, 0.0, tr.balanced(f))
    assert tr.calibrated(np.array([0.6]), 1.0, b_all)[0] == pytest.approx(0.617, abs=0.005)  # all rounds alike


def test_the_shipped_model_is_set_at_the_level_of_the_hard_rounds():
    trained = ConfidenceModel.load().trained["platt"]
    assert trained["hard_rounds"] and "shared dev" not in trained["hard_rounds"]
    assert trained["b"] < trained["b_all_rounds"]  # lower than all rounds alike would set it


# ---------------------------------------------------------------- eval news


def test_right_flags_each_emission_and_a_duplicate_is_not_right():
    article = GoldArticle("newswire", "a1", TEXT, [gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])])
    emitted = [ours("CONSULT", "met", ["GBRGOV"]), ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"]),
               ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"])]
    assert news.right(article, emitted) == [False, True, False]


def test_eval_news_reports_the_mean_confidence_and_the_calibration_error():
    fig = news.score([(GoldArticle("newswire", "a1", TEXT, [gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"]),
                                                            gold("CONSULT", MEET_S, ["GBRGOV", "FRAGOV"])]),
                       [ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"], confidence=0.9),
                        ours("CONSULT", "met", ["DEUGOV"], confidence=0.9)])])
    top = fig["reliability"][-1]
    assert (top["emitted"], top["right"], top["mean_confidence"]) == (2, 1, pytest.approx(0.9))
    assert fig["calibration_error"] == pytest.approx(0.4)  # |0.9 - 0.5|, all in one band
    assert "expected calibration error 0.400" in news.format_report(fig)


# ---------------------------------------------------------------- exports


@pytest.fixture
def mixed_db(tmp_path):
    """A meeting reported twice, once with high and once with low confidence, and a low-confidence
    report of another meeting."""
    db = tmp_path / "mixed.duckdb"
    with Store(db) as store:
        store.write([(a, f"o{i}") for i, a in enumerate([
            report("Putin met Someone in Moscow.", "2022-02-07", "Reuters", "https://reuters.example/a",
                   confidence=0.9),
            report("Putin met Someone in Moscow on Monday.", "2022-02-07", "TASS", "https://tass.example/b",
                   confidence=0.05),
            report("Putin met Someone, a German, in Moscow.", "2022-02-09", "AP", "https://ap.example/d",
                   recipient="DEUGOV", confidence=0.1),
        ])])
        link_events(store.con)
    return db


def export(*args):
    result = runner.invoke(app, ["export", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_export_leaves_low_confidence_events_out_by_default(mixed_db, tmp_path):
    result = export(tmp_path, "--db", mixed_db, "--format", "jsonl", "--tables", "events,event_clusters")
    assert f"2 of 3 events have confidence below {DEFAULT_MIN_CONFIDENCE:g}" in result.output
    events = jsonl(tmp_path / "events.jsonl")
    assert [e["confidence"] for e in events] == [0.9]
    (cluster,) = jsonl(tmp_path / "event_clusters.jsonl")
    # counted from the trusted reports only: TASS's low-confidence report of the same meeting is not one
    assert (cluster["recipient_code"], cluster["num_mentions"], cluster["num_sources"]) == ("FRAGOV", 1, 1)


def test_min_confidence_zero_exports_every_event(mixed_db, tmp_path):
    export(tmp_path, "--db", mixed_db, "--format", "jsonl", "--tables", "events,event_clusters",
           "--min-confidence", "0")
    assert len(jsonl(tmp_path / "events.jsonl")) == 3
    clusters = {c["recipient_code"]: c["num_mentions"] for c in jsonl(tmp_path / "event_clusters.jsonl")}
    assert clusters == {"FRAGOV": 2, "DEUGOV": 1}


def test_plover_and_gdelt_exports_take_the_minimum_too(mixed_db, tmp_path):
    export(tmp_path, "--db", mixed_db, "--format", "plover", "--min-confidence", "0.5")
    (record,) = jsonl(tmp_path / "events.plover.jsonl")
    assert record["text_info"]["sentence"] == "Putin met Someone in Moscow."
    export(tmp_path, "--db", mixed_db, "--format", "gdelt")
    rows = [line.split("\t") for line in (tmp_path / "gdelt.export.tsv").read_text("utf-8").splitlines()]
    assert len(rows) == 1 and "FRAGOV" in rows[0] and "DEUGOV" not in rows[0]
    mentions = (tmp_path / "gdelt.mentions.tsv").read_text("utf-8").splitlines()
    assert len(mentions) == 1 and "reuters.example" in mentions[0]
    export(tmp_path, "--db", mixed_db, "--format", "gdelt", "--min-confidence", "0")
    assert len((tmp_path / "gdelt.export.tsv").read_text("utf-8").splitlines()) == 2


def test_min_confidence_out_of_range_is_refused(mixed_db, tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path), "--db", str(mixed_db), "--min-confidence", "1.5"])
    assert result.exit_code == 2


# ---------------------------------------------------------------- web app


def test_web_events_leave_low_confidence_out_unless_asked(mixed_db):
    import httpx

    from whodid.web.app import create_app
    from whodid.web.server import running

    with running(create_app(mixed_db, read_only=True)) as url, httpx.Client(base_url=url, timeout=60) as client:
        default = client.get("/api/events").json()
        assert [e["confidence"] for e in default["items"]] == [0.9]
        assert client.get("/api/events", params={"min_confidence": 0}).json()["total"] == 3
        assert client.get("/api/events", params={"min_confidence": 0.95}).json()["total"] == 0
        csv_rows = client.get("/api/events.csv").text.strip().splitlines()
        assert len(csv_rows) == 2  # header and the one trusted event
        assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422
        page = client.get("/events").text
        assert f'name="min_confidence" min="0" max="1" step="0.05" value="{DEFAULT_MIN_CONFIDENCE}"' in page


# ---------------------------------------------------------------- the documented default


def test_the_default_is_the_one_the_readme_and_the_help_state():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    stated = re.findall(r"`--min-confidence` \(default `([\d.]+)`\)", " ".join(readme.split()))
    assert stated and {float(s) for s in stated} == {DEFAULT_MIN_CONFIDENCE}
    result = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"})
    assert re.search(rf"--min-confidence.*default: {DEFAULT_MIN_CONFIDENCE}", " ".join(result.output.split()))
    from whodid.web.api import event_filter
    import inspect

    assert inspect.signature(event_filter).parameters["min_confidence"].default == DEFAULT_MIN_CONFIDENCE
