"""Load on the web API: requests/s and p95 latency of what the pages ask (events, facets, tables,
search, pair, network, places) and the events CSV download against /api/health, same run.

    python benchmarks/web_load.py [--limit 400] [--events 1000000] [--requests 1500] [--concurrency 20]
                                  [--seconds 20] [--only actors] [--seed-db DB] [--workers N]

With --events, the database is scaled to that many events first (benchmarks/query_scale.py's
copies of the seed, shifted in date and id; kept in benchmarks/results/) and every endpoint is
held to a p95 of 300 ms: the run exits 1 when one is slower.

The database holds the bundled samples plus, when ../shared/corpora is present,
the first --limit articles of each corpus there (0: all); it is built once with
`whodid ingest --workers 2` and kept in benchmarks/results/ for later runs.
`whodid serve --read-only --workers N` (default: one process per core) runs on a free
127.0.0.1 port; a pool of httpx client threads sends at most --requests requests per
endpoint and stops after --seconds, whichever comes first. Traffic never leaves
loopback. /api/health (two count queries) is the baseline: the ratio of the other
endpoints to it is the figure to compare between machines. The server keeps each answer
until the data changes (web/answers.py), so repeated requests measure the kept answer;
"first ms" is each endpoint's first request, computed from the database.

--cold N: distinct requests instead, none asked before: N of each of the COLD_KINDS below (events
pages, facets, a code prefix, events by reports, the CSV, suggestions, pairs, the network, the map,
the tables of quotes, places, checks, articles and actors), their values picked with --seed from
what the database holds. One round sends them all, shuffled, from --concurrency clients (the server
computes every answer); a second round sends the same again (the answers it keeps). With --warm-seed
S, the requests seed S draws are sent first, untimed, so the cold round meets a server whose buffers
are filled (its uptime is printed with each round). Each round
stops after --round-seconds; /api/health, sent as often in the same round, is the baseline. With
--events, every kind is held to a cold p95 of 300 ms.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "whodid" / "data" / "samples"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
RESULTS = ROOT / "benchmarks" / "results"

ENDPOINTS = [
    ("health (baseline)", "/api/health"),
    ("events page view (recent, party)", "/api/events?limit=50&has_party=true&sort=date&order=desc"),
    ("events facets", "/api/events/facets?has_party=true"),
    ("events, code prefix + quad", "/api/events?actor_code=USA&quad_class=4&limit=50&has_party=true&order=desc"),
    ("events, surname", "/api/events?actor=Putin&limit=50&order=desc"),
    ("suggest actors", "/api/suggest/actors?q=pu"),
    ("pair USA-RUS, auto periods", "/api/pair?a=USA&b=RUS&bucket=auto&min_confidence=0.2"),
    ("network, top 40", "/api/network?top=40&limit=500&min_confidence=0.2"),
    ("places for the map", "/api/places?limit=2000"),
    ("quotes table + facets", "/api/tables/quotes?limit=50"),
    ("events, first page", "/api/events?limit=50"),
    ("events, actor filter", "/api/events?actor=RUS&limit=50"),
    ("events, type+dates, by score", "/api/events?type=ASSAULT&date_from=2022-01-01&date_to=2024-12-31"
                                     "&sort=score&order=desc&limit=50"),
    ("actors, first page", "/api/actors?limit=50"),
    ("events CSV, actor filter", "/api/events.csv?actor=RUS"),
]


COLD_KINDS = ("events page", "events by actor", "events code prefix", "events by reports", "events facets",
              "events CSV", "suggest", "pair", "network", "places map", "quotes table", "places table",
              "checks table", "articles search", "actors table")


def cold_requests(db: Path, per_kind: int, seed: int) -> list[tuple[str, str]]:
    """``per_kind`` distinct requests of each cold kind, their values drawn (seeded) from ``db``."""
    import duckdb
    from urllib.parse import urlencode

    rng = random.Random(seed)
    con = duckdb.connect(str(db), read_only=True)

    def values(sql: str) -> list:
        return [r[0] for r in con.execute(sql).fetchall() if r[0] not in (None, "")]

    codes = values("SELECT code FROM actors WHERE code IS NOT NULL GROUP BY code ORDER BY count(*) DESC, code LIMIT 60")
    names = values("SELECT name FROM actors WHERE kind = 'person' GROUP BY name ORDER BY count(*) DESC, name LIMIT 60")
    types = values("SELECT type FROM events GROUP BY type ORDER BY count(*) DESC, type")
    countries = values("SELECT country FROM places GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 40")
    cues = values("SELECT kind FROM checks GROUP BY 1 ORDER BY count(*) DESC, 1")
    words = values("""SELECT w FROM (SELECT unnest(regexp_extract_all(lower(title), '[a-z]{5,}')) AS w
                      FROM articles WHERE ends_with(sha1, '-0')) GROUP BY w HAVING count(*) >= 2
                      ORDER BY count(*) DESC, w LIMIT 200""")
    days = values("SELECT min(day) FROM events UNION ALL SELECT max(day) FROM events")
    con.close()
    first, last = (days + [None, None])[:2]

    def span() -> dict:
        if not first or not last:
            return {}
        a = first + (last - first) * rng.random()
        return {"date_from": a.isoformat(), "date_to": min(last, a + (last - first) / 4).isoformat()}

    def one(kind: str) -> dict:
        pick = rng.choice
        if kind == "events page":
            return {"path": "/api/events", "limit": 50, "has_party": "true", "sort": "date", "order": "desc",
                    "offset": 50 * rng.randrange(200)}
        if kind == "events by actor":
            return {"path": "/api/events", "actor": pick(codes + names), "limit": 50, "order": "desc",
                    "offset": 50 * rng.randrange(3)}
        if kind == "events code prefix":
            return {"path": "/api/events", "actor_code": pick(codes)[:3], "quad_class": rng.randint(1, 4),
                    "limit": 50, "has_party": "true", "order": "desc", "offset": 50 * rng.randrange(3)}
        if kind == "events by reports":
            return {"path": "/api/events", "type": pick(types), "sort": "reports", "order": "desc", "limit": 50,
                    "offset": 50 * rng.randrange(6)}
        if kind == "events facets":
            return {"path": "/api/events/facets", "actor": pick(codes), **(span() if rng.random() < 0.5 else {})}
        if kind == "events CSV":
            return {"path": "/api/events.csv", "actor": pick(codes), "type": pick(types[:8]), **span()}
        if kind == "suggest":
            return {"path": "/api/suggest/actors", "q": pick(names + codes)[:rng.randint(2, 4)].lower()}
        if kind == "pair":
            a, b = rng.sample(codes[:25], 2)
            return {"path": "/api/pair", "a": a, "b": b, "bucket": "auto",
                    "min_confidence": pick([0, 0.2, 0.5])}
        if kind == "network":
            return {"path": "/api/network", "top": rng.randint(10, 80), "limit": 500,
                    "min_confidence": pick([0, 0.2, 0.5]), "min_events": rng.randint(1, 5)}
        if kind == "places map":
            return {"path": "/api/places", "limit": rng.randint(100, 2000)}
        if kind == "quotes table":
            return {"path": "/api/tables/quotes", "limit": 50, "offset": 50 * rng.randrange(100),
                    **({"speaker_code": pick(codes)[:3]} if rng.random() < 0.5 else {})}
        if kind == "places table":
            return {"path": "/api/tables/places", "limit": 50, "country": pick(countries),
                    "offset": 50 * rng.randrange(3)}
        if kind == "checks table":
            return {"path": "/api/tables/checks", "limit": 50, "offset": 50 * rng.randrange(100),
                    **({"kind": pick(cues)} if cues and rng.random() < 0.5 else {})}
        if kind == "articles search":
            return {"path": "/api/tables/articles", "q": " ".join(rng.sample(words, rng.randint(1, 2))),
                    "limit": 50}
        return {"path": "/api/tables/actors", "code": pick(codes)[:3], "limit": 50,
                "sort": pick(["articles", "events", "quotes", "name"])}

    out = []
    for kind in COLD_KINDS:
        seen: set[str] = set()
        for _ in range(50 * per_kind):
            if len(seen) >= per_kind:
                break
            args = one(kind)
            path = args.pop("path")
            url = f"{path}?{urlencode(args)}"
            if url not in seen:
                seen.add(url)
                out.append((kind, url))
    return out


def cold_round(base: str, requests: list[tuple[str, str]], concurrency: int, seconds: float) -> dict:
    """Send ``requests`` (with as many /api/health among them) from ``concurrency`` clients for at
    most ``seconds``; latencies by kind, and the kinds of the requests not sent in time."""
    todo = list(requests) + [("health (baseline)", "/api/health")] * (len(requests) // len(COLD_KINDS))
    random.Random(len(todo)).shuffle(todo)
    times: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    lock = __import__("threading").Lock()
    deadline = time.monotonic() + seconds
    position = iter(range(len(todo)))

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=max(1.0, seconds)) as client:
            while time.monotonic() < deadline:
                with lock:
                    i = next(position, None)
                if i is None:
                    return
                kind, url = todo[i]
                start = time.perf_counter()
                try:
                    response = client.get(url, timeout=max(0.5, deadline - time.monotonic()))
                    ok = response.status_code == 200
                except httpx.TransportError:
                    ok = False
                with lock:
                    times.setdefault(kind, []).append(time.perf_counter() - start)
                    if not ok:
                        errors[kind] = errors.get(kind, 0) + 1

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(worker)
    return {"times": times, "errors": errors, "wall": time.perf_counter() - start, "sent": sum(map(len, times.values())),
            "asked": len(todo)}


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return 1000 * values[max(0, int(q * len(values) + 0.999999) - 1)] if values else float("nan")


def report_round(name: str, result: dict) -> dict[str, float]:
    print(f"\n{name}: {result['sent']} of {result['asked']} requests in {result['wall']:.0f} s")
    print(f"{'kind':22} {'sent':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>6} {'p95/health':>10}")
    health = percentile(result["times"].get("health (baseline)", []), 0.95)
    p95s = {}
    for kind in ("health (baseline)", *COLD_KINDS):
        t = result["times"].get(kind, [])
        p95s[kind] = percentile(t, 0.95)
        print(f"{kind:22} {len(t):5d} {percentile(t, 0.5):8.0f} {p95s[kind]:8.0f} "
              f"{1000 * max(t, default=float('nan')):8.0f} {result['errors'].get(kind, 0):6d} "
              f"{p95s[kind] / health:10.1f}")
    every = [x for k, t in result["times"].items() if k != "health (baseline)" for x in t]
    print(f"{'all kinds':22} {len(every):5d} {percentile(every, 0.5):8.0f} {percentile(every, 0.95):8.0f}")
    return p95s


def corpus_files() -> list[Path]:
    if not SHARED_CORPORA.is_dir():
        return []
    return sorted(p for p in SHARED_CORPORA.iterdir() if p.name.endswith((".jsonl", ".jsonl.gz")))


def build_database(limit: int) -> tuple[Path, str]:
    files = corpus_files()
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"web-load-{limit or 'all'}-{len(files)}.duckdb"
    inputs = [str(SAMPLES)]
    for path in files:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip()]
        subset = RESULTS / f"{path.name.split('.')[0]}-{limit or 'all'}.jsonl"
        subset.write_text("".join(lines[:limit] if limit else lines), encoding="utf-8")
        inputs.append(str(subset))
    if not db.exists():
        whodid = str(Path(sys.executable).with_name("whodid"))
        partial = db.with_suffix(".partial.duckdb")
        partial.unlink(missing_ok=True)
        print(f"building {db.name} from {len(inputs)} inputs (once) ...", file=sys.stderr)
        result = subprocess.run([whodid, "ingest", *inputs, "--db", str(partial), "--workers", "2", "--quiet"])
        if result.returncode not in (0, 1):  # 1: some inputs rejected, the rest stored
            sys.exit("ingest failed")
        partial.rename(db)
    label = "bundled samples" + "".join(f" + {p.name} (first {limit or 'all'})" for p in files)
    return db, label


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    whodid = str(Path(sys.executable).with_name("whodid"))
    proc = subprocess.Popen([whodid, "serve", "--db", str(db), "--read-only", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # its workers too are stopped with it (stop_server)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # (two workers opening the 1M database took 34-60+ s at load 12)
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("whodid serve did not start")


def load(base: str, path: str, requests: int, concurrency: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0

    def worker(n: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(n):
                if time.monotonic() > deadline:
                    return
                start = time.perf_counter()
                try:
                    response = client.get(path)
                except httpx.TimeoutException:  # counted as an error, at the time it took
                    latencies.append(time.perf_counter() - start)
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200:
                    errors += 1

    first = float("nan")  # the first request's time: before the server kept any answer for it
    with httpx.Client(base_url=base, timeout=60) as client:  # warm-up
        for n in range(2):
            start = time.perf_counter()
            try:
                client.get(path)
            except httpx.TimeoutException:
                break
            if n == 0:
                first = 1000 * (time.perf_counter() - start)
    deadline = time.monotonic() + seconds  # after the warm-up
    share = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, share))
    wall = time.perf_counter() - start
    latencies.sort()
    if not latencies:
        return {"requests": 0, "errors": errors, "rps": 0.0, "p50_ms": float("nan"), "p95_ms": float("nan"),
                "first_ms": first}
    return {"requests": len(latencies), "errors": errors, "rps": len(latencies) / wall, "first_ms": first,
            "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[max(0, int(0.95 * len(latencies)) - 1)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=400, help="articles per shared corpus (0: all)")
    parser.add_argument("--requests", type=int, default=1500, help="at most this many requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--events", type=int, help="scale the database to this many events (and hold p95 < 300 ms)")
    parser.add_argument("--seed-db", type=Path, help="the database to scale (default: the one --limit builds)")
    parser.add_argument("--seconds", type=float, default=20, help="at most this long per endpoint")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="whodid serve --workers (default: one per core)")
    parser.add_argument("--only", help="comma-separated words: only the endpoints whose name has one "
                                       "(the baseline always runs)")
    parser.add_argument("--cold", type=int, metavar="N", help="N distinct requests of each kind, sent cold then "
                                                               "again (see above)")
    parser.add_argument("--seed", type=int, default=18, help="picks the --cold requests' values")
    parser.add_argument("--warm-seed", type=int, help="--cold: first send the cold requests this seed draws (those "
                                                       "not in the measured set, untimed), so the cold round "
                                                       "meets a server up and running, not one just started")
    parser.add_argument("--round-seconds", type=float, default=180, help="--cold: at most this long per round")
    parser.add_argument("--serial", action="store_true",
                        help="--cold: one request at a time to one server process, with the server's CPU time "
                             "per request (see serial())")
    args = parser.parse_args()
    words = [w.strip() for w in (args.only or "").split(",") if w.strip()]
    endpoints = [e for i, e in enumerate(ENDPOINTS) if i == 0 or not words or any(w in e[0] for w in words)]
    if args.seed_db:
        db, label = args.seed_db, str(args.seed_db)
    else:
        db, label = build_database(args.limit)
    if args.events:
        db, label = scaled(db, args.events), f"{label}, scaled by shifted copies"
    if args.cold:
        return cold(db, label, args)
    proc, base = start_server(db, args.workers)
    slow = []
    try:
        size = httpx.get(base + "/api/health").json()
        print(f"database: {label}: {size['articles']} articles, {size['events']} events")
        print(f"whodid serve --read-only --workers {args.workers} on {base}; {args.concurrency} client threads, "
              f"at most {args.requests} requests or {args.seconds:.0f} s per endpoint; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} at the start")
        print("first ms: one request before any other for it (nothing kept yet in the process that answered)")
        print(f"{'endpoint':32} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'first ms':>8}")
        baseline = None
        for name, path in endpoints:
            r = load(base, path, args.requests, args.concurrency, args.seconds)
            baseline = baseline or r
            print(f"{name:32} {r['requests']:8d} {r['rps']:8.0f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                  f"{r['errors']:6d} {r['first_ms']:8.0f}")
            if r is not baseline:
                print(f"{'':32} ratio to health: {r['rps'] / baseline['rps']:.2f}x req/s, "
                      f"{r['p95_ms'] / baseline['p95_ms']:.1f}x p95")
            if args.events and r["p95_ms"] > P95_BOUND_MS and "CSV" not in name:
                slow.append(f"{name}: p95 {r['p95_ms']:.0f} ms")
    finally:
        stop_server(proc)
    if args.events:
        print(f"p95 bound {P95_BOUND_MS} ms (CSV downloads apart): " + ("; ".join(slow) if slow else "all within"))
        sys.exit(1 if slow else 0)


P95_BOUND_MS = 300


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the server and its worker processes (a worker busy with a query outlives its parent's
    SIGTERM and keeps the database locked): SIGTERM to the session, SIGKILL after 10 s."""
    import signal

    def alive() -> bool:
        proc.poll()
        try:
            os.killpg(proc.pid, 0)
            return True
        except ProcessLookupError:
            return False

    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not alive():
            return
        os.killpg(proc.pid, sig)
        deadline = time.monotonic() + 10
        while alive() and time.monotonic() < deadline:
            time.sleep(0.2)


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds the process ``pid`` has used so far, every thread (DuckDB's too, and threads that
    have ended) summed: user + system time from /proc/<pid>/stat (Linux; clock ticks, 10 ms)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serial(db: Path, label: str, requests: list[tuple[str, str]], seed: int) -> None:
    """The --cold requests one at a time (shuffled as the cold round sends them, health among them)
    to ``whodid serve --workers 1``: per kind the wall time and the server's CPU time of a request.
    With C closed-loop clients on K cores every request waits for the others, so a cold round's p95
    is roughly C x (mean CPU per request) / K: at 20 clients on 2 cores, 300 ms needs about 30 ms."""
    todo = list(requests) + [("health (baseline)", "/api/health")] * (len(requests) // len(COLD_KINDS))
    random.Random(len(todo)).shuffle(todo)
    proc, base = start_server(db, 1)
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    try:
        size = httpx.get(base + "/api/health").json()
        print(f"database: {label}: {size['articles']} articles, {size['events']} events")
        print(f"whodid serve --read-only --workers 1; one client, one request at a time; {len(todo)} requests "
              f"(seed {seed}); {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
        with httpx.Client(base_url=base, timeout=120) as client:
            for kind, url in todo:
                before, start = server_cpu_seconds(proc.pid), time.perf_counter()
                ok = client.get(url).status_code == 200
                wall.setdefault(kind, []).append(time.perf_counter() - start)
                cpu.setdefault(kind, []).append(server_cpu_seconds(proc.pid) - before)
                errors[kind] = errors.get(kind, 0) + (not ok)
    finally:
        stop_server(proc)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"{'kind':22} {'sent':>5} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'CPU ms':>7} {'CPU/health':>10} "
          f"{'20x CPU/2':>9} {'errors':>6}")
    # (at least one 10 ms tick over the health requests: their CPU may round to none)
    health = max(statistics.mean(cpu.get("health (baseline)", [float("nan")])), 0.01 / len(cpu.get("health (baseline)", [1])))
    for kind in ("health (baseline)", *COLD_KINDS):
        t, c = wall.get(kind, []), cpu.get(kind, [])
        if not t:
            continue
        mean_cpu = 1000 * statistics.mean(c)
        print(f"{kind:22} {len(t):5d} {percentile(t, 0.5):8.0f} {percentile(t, 0.95):8.0f} "
              f"{1000 * statistics.mean(t):8.0f} {mean_cpu:7.1f} {mean_cpu / (1000 * health):10.1f} "
              f"{20 * mean_cpu / 2:9.0f} {errors.get(kind, 0):6d}")
    every = [k for k in cpu if k != "health (baseline)"]
    mean_all = 1000 * statistics.mean(x for k in every for x in cpu[k])
    print(f"{'all kinds':22} {sum(len(wall[k]) for k in every):5d} "
          f"{percentile([x for k in every for x in wall[k]], 0.5):8.0f} "
          f"{percentile([x for k in every for x in wall[k]], 0.95):8.0f} "
          f"{1000 * statistics.mean(x for k in every for x in wall[k]):8.0f} {mean_all:7.1f} "
          f"{mean_all / (1000 * health):10.1f} {20 * mean_all / 2:9.0f}")


def cold(db: Path, label: str, args) -> None:
    requests = cold_requests(db, args.cold, args.seed)
    requests = [r for r in requests if not args.only or any(w in r[0] for w in args.only.split(","))]
    if args.serial:
        return serial(db, label, requests, args.seed)
    started = time.monotonic()
    proc, base = start_server(db, args.workers)
    try:
        size = httpx.get(base + "/api/health").json()
        print(f"database: {label}: {size['articles']} articles, {size['events']} events")
        print(f"whodid serve --read-only --workers {args.workers}; {args.concurrency} clients; {len(requests)} "
              f"distinct requests (seed {args.seed}); {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} at the start")
        if args.warm_seed is not None:  # other requests first: DuckDB's buffers filled, not these answers
            asked = set(requests)
            other = [r for r in cold_requests(db, args.cold, args.warm_seed) if r not in asked]
            warm = cold_round(base, other, args.concurrency, args.round_seconds)
            print(f"\nwarm-up round (seed {args.warm_seed}, not timed): {warm['sent']} of {warm['asked']} other "
                  f"requests in {warm['wall']:.0f} s")
        # (the server's uptime at each round's start: a cold round right after the start also finds
        # DuckDB's buffers empty; the repeat round finds them and the app's kept answers filled)
        first = report_round(f"cold round (nothing kept; server up {time.monotonic() - started:.0f} s)",
                             cold_round(base, requests, args.concurrency, args.round_seconds))
        report_round(f"repeat round (the same requests; server up {time.monotonic() - started:.0f} s)",
                     cold_round(base, requests, args.concurrency, args.round_seconds))
    finally:
        stop_server(proc)
    if args.events:
        slow = [f"{k}: {v:.0f} ms" for k, v in first.items() if k in COLD_KINDS and v > P95_BOUND_MS]  # (nan: not sent)
        print(f"cold p95 bound {P95_BOUND_MS} ms: " + ("; ".join(slow) if slow else "all within"))
        sys.exit(1 if slow else 0)


def scaled(seed_db: Path, events: int) -> Path:
    """``seed_db`` scaled to ``events`` events, built once and kept in benchmarks/results/."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from query_scale import scale

    RESULTS.mkdir(parents=True, exist_ok=True)
    big = RESULTS / f"web-load-{seed_db.stem}-{events}.duckdb"
    if not big.exists():
        print(f"scaling {seed_db.name} to {events:,} events (once) ...", file=sys.stderr)
        partial = big.with_suffix(".partial.duckdb")
        partial.unlink(missing_ok=True)
        scale(seed_db, partial, events)
        partial.rename(big)
    return big


if __name__ == "__main__":
    main()
