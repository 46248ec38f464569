"""Every SQL statement the web API issues for the cold requests of ``web_load.py --cold``, timed per
endpoint kind, cold and warm, so the slow ones are named.

    python benchmarks/web_statements.py [--db DB | --seed-db DB --events 1000000] [--per-kind 10]
                                        [--seed 18] [--reps 3] [--kinds "pair,quotes table"] [--top 5]

1. The database: --db (a whodid DuckDB database), else the one web_load.py builds and scales to
   --events (kept in benchmarks/results/). Its summaries must be fresh (the app reads them only
   then): refresh it first (a write, or `whodid serve` without --read-only).
2. Cold: the app is made in this process on the database opened read-only (as `whodid serve
   --read-only` opens it: nothing in DuckDB's buffers, nothing kept by the app) and --per-kind
   requests of each kind, drawn (seed --seed) and shuffled as `web_load.py --cold` draws and sends
   them, are sent to it one at a time through httpx's ASGI transport. Every SQL statement they run
   is caught with its parameters and the web function that ran it, and timed as it runs, its fetches
   included: CPU (time.process_time, every thread: DuckDB's too) and wall. The request's own CPU
   and wall are timed around it (the rest is Python: FastAPI, the rows as dicts, JSON).
3. Warm: the same requests sent again to the same app (what `web_load.py`'s repeat round measures:
   the answers the app keeps are not computed again), each statement they still run timed the same
   way; then every cold statement run again --reps times on the warm database ("rerun": the cost of
   the statement itself once its row groups are in memory, without the app's kept answers).
4. Printed: per kind, the requests' mean and p95 CPU and wall, cold and warm, and the share spent
   in SQL; per kind the --top web functions by cold SQL CPU (statements, mean and max ms, rerun ms);
   and the slowest statements overall. CPU is the figure to compare: wall time on a shared machine
   moves with its load. By the closed-loop arithmetic of docs/web.md, a 300 ms p95 at 20 clients on
   2 cores needs a mean of roughly 12-15 ms of CPU per request over all kinds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))


def database(args) -> Path:
    import duckdb
    from whodid.store import summaries

    if args.db:
        db = args.db
    else:
        from web_load import build_database, scaled

        seed = args.seed_db or build_database(args.limit)[0]
        db = scaled(seed, args.events)
    con = duckdb.connect(str(db), read_only=True)
    fresh = summaries.fresh(con)
    con.close()
    if not fresh:
        sys.exit(f"{db}: its summaries are not fresh (the app would read the tables): refresh it first "
                 "(`whodid serve --db DB` without --read-only does, then stop it)")
    return db


def cpu_wall() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def run(db: Path, requests: list[tuple[str, str]]) -> dict:
    """Send ``requests`` twice (cold, then warm) to the app made on ``db``; the requests' times and
    every statement run, timed."""
    import asyncio

    import httpx
    from whodid.web import database as web_database
    from whodid.web.app import create_app

    web = str(ROOT / "src" / "whodid" / "web")
    statements: list[dict] = []
    current: dict = {}

    class Recording:
        """A cursor that times each statement (execute and its fetches) and notes who ran it."""

        def __init__(self, cursor):
            self._cursor = cursor
            self._last: dict | None = None

        def execute(self, sql, params=None):
            frame = sys._getframe(1)
            while frame is not None and not frame.f_code.co_filename.startswith(web):
                frame = frame.f_back
            c, w = cpu_wall()
            if params is None:
                self._cursor.execute(sql)
            else:
                self._cursor.execute(sql, params)
            c2, w2 = cpu_wall()
            self._last = {**current, "function": frame.f_code.co_name if frame else "?", "sql": sql,
                          "params": params, "cpu": c2 - c, "wall": w2 - w}
            statements.append(self._last)
            return self

        def __getattr__(self, name):
            got = getattr(self._cursor, name)
            if not name.startswith("fetch") or self._last is None:
                return got
            last = self._last

            def timed(*a, **k):
                c, w = cpu_wall()
                try:
                    return got(*a, **k)
                finally:
                    c2, w2 = cpu_wall()
                    last["cpu"] += c2 - c
                    last["wall"] += w2 - w
            return timed

    original = web_database.Reading.__init__

    def init(self, cursor, answers):
        original(self, Recording(cursor), answers)

    web_database.Reading.__init__ = init
    made = cpu_wall()
    app = create_app(db, read_only=True)
    opened = cpu_wall()
    times: list[dict] = []
    try:
        async def send() -> None:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://web",
                                         timeout=600) as client:
                for phase in ("cold", "warm"):
                    for kind, url in requests:
                        current.update(phase=phase, kind=kind, url=url)
                        c, w = cpu_wall()
                        response = await client.get(url)
                        c2, w2 = cpu_wall()
                        if response.status_code != 200:
                            sys.exit(f"{url}: {response.status_code} {response.text[:200]}")
                        times.append({"phase": phase, "kind": kind, "url": url, "cpu": c2 - c, "wall": w2 - w})

        asyncio.run(send())
    finally:
        web_database.Reading.__init__ = original
        app.state.db.close()
    return {"requests": times, "statements": statements, "open_cpu": opened[0] - made[0],
            "open_wall": opened[1] - made[1]}


def rerun(db: Path, statements: list[dict], reps: int) -> None:
    """Each cold statement's CPU ms when run again ``reps`` times on one warm connection (its mean)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        for s in statements:
            for _ in range(2):  # (its row groups in memory first)
                con.execute(s["sql"], s["params"] or []).fetchall()
            got = []
            for _ in range(reps):
                c = time.process_time()
                con.execute(s["sql"], s["params"] or []).fetchall()
                got.append(time.process_time() - c)
            s["rerun"] = statistics.mean(got)
    finally:
        con.close()


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(0, int(q * len(values) + 0.999999) - 1)] if values else float("nan")


def ms(x: float) -> str:
    return f"{1000 * x:7.1f}" if x == x else f"{'-':>7}"


def one_line(sql: str, width: int) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="a whodid DuckDB database (default: web_load.py's, scaled)")
    parser.add_argument("--seed-db", type=Path, help="the database web_load.py scales (default: the one it builds)")
    parser.add_argument("--limit", type=int, default=200, help="articles per shared corpus for the built database")
    parser.add_argument("--events", type=int, default=1_000_000, help="scale the built database to this many events")
    parser.add_argument("--kinds", help="comma-separated words: only the kinds whose name has one (web_load.py's)")
    parser.add_argument("--per-kind", type=int, default=10, help="cold requests of each kind")
    parser.add_argument("--seed", type=int, default=18, help="picks the requests' values (as web_load.py --cold)")
    parser.add_argument("--reps", type=int, default=3, help="reruns of each cold statement (0: none)")
    parser.add_argument("--top", type=int, default=4, help="web functions shown per kind")
    parser.add_argument("--slowest", type=int, default=15, help="statements shown in the overall list")
    parser.add_argument("--save", type=Path, help="also write every statement and request timed here (JSON)")
    args = parser.parse_args()
    from web_load import COLD_KINDS, cold_requests

    db = database(args)
    words = [w.strip() for w in (args.kinds or "").split(",") if w.strip()]
    requests = [r for r in cold_requests(db, args.per_kind, args.seed) if not words or any(w in r[0] for w in words)]
    random.Random(len(requests)).shuffle(requests)  # (mixed as a cold round mixes them)
    load = os.getloadavg()[0]
    result = run(db, requests)
    statements = result["statements"]
    cold = [s for s in statements if s["phase"] == "cold"]
    if args.reps:
        rerun(db, cold, args.reps)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    events, = con.execute("SELECT count(*) FROM events").fetchone()
    con.close()
    print(f"database {db}: {events:,} events; {len(requests)} requests ({args.per_kind} of each kind, seed "
          f"{args.seed}) sent cold then warm to the app in process, one at a time; {len(cold)} statements cold, "
          f"{len(statements) - len(cold)} warm; app opened in {1000 * result['open_wall']:.0f} ms; "
          f"{os.cpu_count()} cores, load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")

    kinds = [k for k in COLD_KINDS if any(r[0] == k for r in requests)]
    print("\nper kind, per request: CPU and wall ms (mean, p95), SQL CPU ms (mean) and its statements; cold, then warm")
    print(f"{'kind':20} {'n':>3} | {'CPU':>7} {'p95':>7} {'wall':>7} {'p95':>7} {'SQL':>7} {'stmts':>5} | "
          f"{'CPU':>7} {'p95':>7} {'wall':>7} {'SQL':>7} {'stmts':>5}")
    all_cpu = {"cold": [], "warm": []}
    for kind in kinds:
        line = f"{kind:20}"
        for phase in ("cold", "warm"):
            req = [r for r in result["requests"] if r["kind"] == kind and r["phase"] == phase]
            st = [s for s in statements if s["kind"] == kind and s["phase"] == phase]
            cpu = [r["cpu"] for r in req]
            all_cpu[phase] += cpu
            sql = sum(s["cpu"] for s in st) / len(req)
            if phase == "cold":
                line += f" {len(req):3d} | {ms(statistics.mean(cpu))} {ms(percentile(cpu, 0.95))} " \
                        f"{ms(statistics.mean(r['wall'] for r in req))} " \
                        f"{ms(percentile([r['wall'] for r in req], 0.95))} " \
                        f"{ms(sql)} {len(st) / len(req):5.1f} |"
            else:
                line += f" {ms(statistics.mean(cpu))} {ms(percentile(cpu, 0.95))} " \
                        f"{ms(statistics.mean(r['wall'] for r in req))} {ms(sql)} {len(st) / len(req):5.1f}"
        print(line)
    print(f"{'all kinds':20} {len(all_cpu['cold']):3d} | {ms(statistics.mean(all_cpu['cold']))} "
          f"{ms(percentile(all_cpu['cold'], 0.95))} {'':31} | {ms(statistics.mean(all_cpu['warm']))} "
          f"{ms(percentile(all_cpu['warm'], 0.95))}")

    print(f"\nper kind, the {args.top} web functions with the most cold SQL CPU: statements, CPU ms per request "
          "(their sum), per statement mean and max, warm rerun mean")
    print(f"{'kind':20} {'function':28} {'stmts':>5} {'per req':>7} {'mean':>7} {'max':>7} {'rerun':>7}")
    for kind in kinds:
        n = sum(1 for r in result["requests"] if r["kind"] == kind and r["phase"] == "cold")
        by: dict[str, list[dict]] = {}
        for s in cold:
            if s["kind"] == kind:
                by.setdefault(s["function"], []).append(s)
        ranked = sorted(by.items(), key=lambda x: -sum(s["cpu"] for s in x[1]))
        for function, st in ranked[:args.top]:
            reruns = [s["rerun"] for s in st if "rerun" in s]
            print(f"{kind:20} {function[:28]:28} {len(st):5d} {ms(sum(s['cpu'] for s in st) / n)} "
                  f"{ms(statistics.mean(s['cpu'] for s in st))} {ms(max(s['cpu'] for s in st))} "
                  f"{ms(statistics.mean(reruns) if reruns else float('nan'))}")

    print(f"\nthe {args.slowest} slowest cold statements (CPU ms as run by the app, then rerun warm)")
    for s in sorted(cold, key=lambda s: -s["cpu"])[:args.slowest]:
        params = one_line(repr(s["params"]), 60) if s["params"] else ""
        print(f"{ms(s['cpu'])} {ms(s.get('rerun', float('nan')))}  {s['kind']:18} {s['function'][:26]:26} "
              f"{one_line(s['sql'], 90)}  {params}")
    if args.save:
        args.save.write_text(json.dumps({**result, "database": str(db), "seed": args.seed}, default=str, indent=1))


if __name__ == "__main__":
    main()
