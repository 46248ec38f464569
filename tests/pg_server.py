"""A throwaway PostgreSQL server for the tests: initdb in a tmp dir, started on
127.0.0.1 on a free port, stopped at the end of the session.

When CI=true the server must start (the tests fail otherwise); elsewhere the
PostgreSQL tests skip with the reason when the server binaries or psycopg are
missing (``apt-get install postgresql`` and ``pip install -e ".[postgres]"``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(initdb).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


class Server:
    def __init__(self, root: Path, bin_dir: Path, durable: bool = False):
        self.root, self.bin, self.durable = root, bin_dir, durable
        self.data = root / "data"
        self.port = _free_port()
        # initdb and postgres refuse to run as root: run them as the postgres user then
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args: str) -> None:
        proc = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {proc.stdout}{proc.stderr}")

    def start(self) -> None:
        if self.as_user:
            shutil.chown(self.root, "postgres", "postgres")
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "whodid", "--auth=trust",
                 "--encoding=UTF8", "--no-sync")
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w", "start",
                 "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}"
                 # tests need no crash safety; a benchmark does (fsync on, as a real server)
                 + ("" if self.durable else " -c fsync=off"))

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://whodid@127.0.0.1:{self.port}/{dbname}"


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = _pg_bin()
    if bin_dir is None:
        _unavailable("PostgreSQL is not installed (no initdb; `apt-get install postgresql`)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (`pip install -e \".[postgres]\"`)")
    root = Path(tempfile.mkdtemp(prefix="whodid-pg-"))
    server = Server(root, bin_dir)
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"the test PostgreSQL server did not start: {exc}")
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the test server."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return pg_server.url(name)
