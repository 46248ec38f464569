"""`whodid ingest --engine ray`: on a local Ray instance the test starts, the same analyses as the
local engine, and `--parquet` files that DuckDB reads."""

import os

import duckdb
import pytest
from typer.testing import CliRunner

from helpers import SAMPLES
from whodid.cli import app
from whodid.store import connect_read_only

runner = CliRunner()


@pytest.fixture(scope="module")
def local_ray():
    try:
        import ray
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail('the Ray test must run in CI: pip install -e ".[test]" installs ray')
        pytest.skip('Ray is not installed (pip install -e ".[ray]")')
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def stored(db: str) -> dict[str, str]:
    con = connect_read_only(db)
    try:
        return dict(con.execute("SELECT article_sha1, analysis FROM analyses").fetchall())
    finally:
        con.close()


def test_ray_engine_stores_what_the_local_engine_stores(tmp_path, local_ray):
    local, on_ray = str(tmp_path / "local.duckdb"), str(tmp_path / "ray.duckdb")
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", local, "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", on_ray, "--batch-size", "4",
                                 "--engine", "ray", "--workers", "2", "--parquet", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    assert local_ray.is_initialized()  # used the instance it found, left it running
    expected = stored(local)
    assert len(expected) >= 10
    assert stored(on_ray) == expected  # the same Analysis JSON, article by article

    # the Parquet files hold the same analyses and one row per event, as DuckDB reads them
    con = duckdb.connect()
    parquet = tmp_path / "pq"
    assert dict(con.execute(f"SELECT article_sha1, analysis FROM read_parquet('{parquet}/analyses/*.parquet')")
                .fetchall()) == expected
    store = duckdb.connect(on_ray, read_only=True)
    events_sql = "SELECT article_sha1, idx, type, actor, recipient, modality FROM {} ORDER BY 1, 2"
    in_store = store.execute(events_sql.format("events")).fetchall()
    assert in_store and con.execute(events_sql.format(f"read_parquet('{parquet}/events/*.parquet')")
                                    ).fetchall() == in_store
    store.close()

    again = runner.invoke(app, ["ingest", str(SAMPLES), "--db", on_ray, "--engine", "ray"])
    assert again.exit_code == 0 and "already stored" in again.stderr
    assert stored(on_ray) == expected


def test_ray_address_needs_the_ray_engine(tmp_path):
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.duckdb"),
                                 "--ray-address", "ray://head:10001"])
    assert result.exit_code == 2 and "--ray-address needs --engine ray" in result.stderr
