"""A junk corpus of hostile inputs mixed with real articles through `whodid ingest` and `whodid analyze`.

    python benchmarks/robustness.py [--keep DIR] [--workers 1]

Builds a folder of 33 hostile inputs (empty, binary, huge, deeply nested, wrong
types, other languages and scripts, broken HTML, broken WARC, bad dates,
unbalanced quotes, odd encodings...) and the repo's own sample articles
(src/whodid/data/samples), runs `whodid ingest` on it into a fresh database and
`whodid analyze` on it, and prints per input what happened: stored, stored with
a warning (flagged), refused or skipped with the reason whodid gave. Then the
totals the target is stated in: crashes (a run that died, a traceback), good
articles lost (a real article not stored), bad inputs not named (a hostile input
neither refused with a reason nor flagged), all of which should be 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "samples"
ENGLISH = ("Officials in the capital said on Tuesday that negotiations with the opposition would resume next week, "
           "after the government agreed to release several detained activists. The opposition leader welcomed the "
           "decision but warned that protests would continue until elections were announced.")


def build(folder: Path) -> dict[str, str]:
    """Write the corpus; returns {input name: expectation}. Expectations: good (must be stored),
    bad (must be refused with a reason), flagged (stored with a warning), skipped (not English),
    any (stored or refused, but never silently lost)."""
    rows = [json.loads(line) for line in (SAMPLES / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    expect: dict[str, str] = {}
    rnd = random.Random(16)

    def put(name: str, data: bytes | str, expectation: str) -> None:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = expectation

    def jsonl(name: str, lines: list[str], expectation: str) -> None:
        put(name, "\n".join(lines) + "\n", expectation)

    # real articles: the samples, as JSONL, text and HTML
    put("good-articles.jsonl", (SAMPLES / "articles.jsonl").read_bytes(), "good")
    put("good-talks.txt", (SAMPLES / "russia-ukraine-talks.txt").read_bytes(), "good")
    put("good-page.html", (SAMPLES / "page.html").read_bytes(), "good")
    put("good-utf16.txt", (rows[0]["text"] + "\n\n(UTF-16 copy)").encode("utf-16"), "good")
    put("good-utf8-bom.txt", b"\xef\xbb\xbf" + (rows[1]["text"] + "\n\n(BOM copy)").encode(), "good")
    put("good-unbalanced-quotes.txt", 'The minister said "the talks will go on, and added: "we will not stop.\n\n'
        + ENGLISH + ' "Nobody', "good")
    put("good-bidi-controls.txt", ENGLISH.replace("opposition", "opp\u202eosition\u202c", 1), "good")
    # hostile inputs
    put("empty.txt", b"", "bad")
    put("whitespace.txt", " \n\t\n  ", "bad")
    put("binary.txt", bytes(rnd.randrange(256) for _ in range(4096)), "bad")
    put("control-chars.txt", "".join(chr(rnd.randrange(1, 31)) for _ in range(2000)), "bad")
    put("latin1.txt", ("Caf\u00e9 talks in S\u00e3o Paulo. " + ENGLISH).encode("latin-1"), "bad")
    put("huge.txt", (ENGLISH + "\n\n") * 2_500, "bad")  # 700,000 characters: over the default --max-chars
    put("one-long-word.txt", "x" * 300_000, "any")
    put("emoji-only.txt", "\U0001F525" * 500, "bad")
    put("numbers-only.txt", " ".join(str(rnd.randrange(10**6)) for _ in range(500)), "any")
    put("german.txt", "Der Bundeskanzler traf heute in Berlin den französischen Präsidenten zu Gesprächen über die "
        "Lage in der Ukraine und die Energiepreise in Europa. Beide Seiten betonten ihre Einigkeit.", "skipped")
    put("arabic.txt", "قالت الحكومة إن المحادثات مع المعارضة ستستأنف يوم الاثنين في العاصمة، بحسب ما أفاد مسؤولون "
        "للصحفيين بعد الاجتماع. وأضافوا أن الجانبين اتفقا على مواصلة الحوار.", "skipped")
    put("chinese.txt", "政府表示，与反对派的会谈将于周一在首都恢复，官员在会后对记者说。双方都表示愿意继续谈判。", "skipped")
    put("russian.txt", "Министр иностранных дел заявил во вторник, что переговоры с оппозицией возобновятся на "
        "следующей неделе в столице. Оппозиция приветствовала это решение.", "skipped")
    put("good-broken.html", "<html><head><title>Talks resume</title><body><div><p>" + ENGLISH.replace(". ", ".<p><b>", 1)
        + "<div><i>unclosed", "good")  # broken markup around a real article: the article is read
    put("menu-only.html", "<html><body><nav>Home | News | Sport</nav><footer>(c) 2024</footer></body></html>", "bad")
    put("deep.html", "<html><body>" + "<div>" * 20_000 + ENGLISH + "</div>" * 5 + "</body></html>", "any")
    put("junk.warc", b"WARC/1.0\r\nWARC-Type: garbage\r\n\r\n" + bytes(rnd.randrange(256) for _ in range(3000)), "bad")
    put("random.warc.gz", bytes(rnd.randrange(256) for _ in range(3000)), "bad")
    put("empty.warc", b"", "bad")
    put("empty.jsonl", b"", "bad")
    put("corrupt.jsonl.gz", gzip.compress(b'{"text": "cut')[:20], "bad")
    jsonl("deep-nested.jsonl", ["[" * 100_000 + "]" * 100_000], "bad")
    jsonl("broken-json.jsonl", ['{"id": "x", "text": "no end'], "bad")
    jsonl("array-line.jsonl", ["[1, 2, 3]"], "bad")
    jsonl("id-list.jsonl", [json.dumps({"id": ["a", "list"], "text": ENGLISH})], "bad")
    jsonl("title-object.jsonl", [json.dumps({"title": {"x": 1}, "text": ENGLISH + " (title object)"})], "bad")
    jsonl("text-number.jsonl", [json.dumps({"text": 42})], "bad")
    jsonl("no-text.jsonl", [json.dumps({"id": "nothing", "title": "A title alone"})], "bad")
    jsonl("huge-line.jsonl", [json.dumps({"text": "word " * 1_200_000})], "bad")
    jsonl("date-future.jsonl", [json.dumps({"text": ENGLISH + " (future)", "published": "2999-12-31"})], "flagged")
    jsonl("date-year-1.jsonl", [json.dumps({"text": ENGLISH + " (year 1)", "published": "0001-01-01"})], "flagged")
    jsonl("date-1700.jsonl", [json.dumps({"text": ENGLISH + " (1700)", "published": "1700-05-01"})], "flagged")
    jsonl("date-not-a-date.jsonl", [json.dumps({"text": ENGLISH + " (nonsense)", "published": "yesterday-ish"})],
          "flagged")
    jsonl("nul-in-text.jsonl", [json.dumps({"text": ENGLISH + " (nul \u0000 inside)"})], "any")
    return expect


def outcomes(db: Path, folder: Path, names: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Per input name: ("stored"|"flagged", detail) for each article and ("refused"|"skipped", reason) per failure."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute(
            "SELECT a.origin, (SELECT string_agg(c.message, '; ') FROM checks c WHERE c.article_sha1 = a.sha1 "
            "AND c.kind = 'bad_published_date') FROM articles a").fetchall()
        failures = con.execute("SELECT origin, reason, kind FROM ingest_failures").fetchall()
    finally:
        con.close()
    result: dict[str, list[tuple[str, str]]] = {n: [] for n in names}

    def name_of(origin: str) -> str | None:
        rest = origin.removeprefix(str(folder) + os.sep)
        for n in names:
            if rest == n or rest.startswith((n + ":", n + "@")):
                return n
        return None

    for origin, flag in articles:
        if (n := name_of(origin)) is not None:
            result[n].append(("flagged", flag) if flag else ("stored", ""))
    for origin, reason, kind in failures:
        if (n := name_of(origin)) is not None:
            result[n].append(("skipped" if kind == "language" else "refused", reason))
    return result


def verdict(expectation: str, got: list[tuple[str, str]], lines: int) -> str | None:
    """Why this input's outcome misses the target, or None."""
    kinds = [k for k, _ in got]
    if not got:
        return "silently lost (neither stored nor named)"
    if expectation == "good" and (kinds.count("stored") < lines or set(kinds) - {"stored"}):
        return "good article lost"
    if expectation == "bad" and ("stored" in kinds or "flagged" in kinds or not all(r for _, r in got)):
        return "bad input stored or not named"
    if expectation == "flagged" and kinds != ["flagged"]:
        return "bad date not flagged"
    if expectation == "skipped" and kinds != ["skipped"]:
        return "other language not skipped"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="build the corpus in this folder and keep it")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "junk"
        folder.mkdir(parents=True, exist_ok=True)
        expect = build(folder)
        db = Path(tmp) / "junk.duckdb"
        whodid = [sys.executable, "-m", "whodid"]
        start = time.perf_counter()
        ingest = subprocess.run([*whodid, "ingest", str(folder), "--db", str(db), "--quiet",
                                 "--workers", str(args.workers)], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        analyze = subprocess.run([*whodid, "analyze", str(folder), "--jsonl"], capture_output=True, text=True)
        crashes = []
        for label, proc in (("ingest", ingest), ("analyze", analyze)):
            if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
                crashes.append(f"{label} exit {proc.returncode}: {proc.stderr[-1500:]}")
        good_lines = {"good-articles.jsonl": sum(1 for line in (folder / "good-articles.jsonl").read_text(
            "utf-8").splitlines() if line.strip())}
        results = outcomes(db, folder, list(expect)) if db.exists() else {n: [] for n in expect}
        misses = {}
        hostile = sum(1 for e in expect.values() if e != "good")
        print(f"{len(expect)} inputs ({hostile} hostile, {len(expect) - hostile} with real articles); "
              f"ingest exit {ingest.returncode} in {seconds:.1f} s, analyze exit {analyze.returncode}\n")
        for name, expectation in expect.items():
            got = results[name]
            miss = verdict(expectation, got, good_lines.get(name, 1))
            if miss:
                misses[name] = miss
            shown = "; ".join(f"{k}{': ' + r if r else ''}" for k, r in got[:3]) + (
                f"; ... {len(got) - 3} more" if len(got) > 3 else "")
            print(f"{'MISS ' if miss else ''}{name} [{expectation}] -> {shown or 'nothing'}"
                  + (f"  <- {miss}" if miss else ""))
        analysed = len(analyze.stdout.splitlines())
        lost = sum(1 for n, m in misses.items() if "good" in m)
        unnamed = sum(1 for n, m in misses.items() if expect[n] != "good")
        print(f"\ncrashes: {len(crashes)}; good articles lost: {lost}; bad inputs not named or not flagged: "
              f"{unnamed}; analyze printed {analysed} analyses")
        for crash in crashes:
            print("CRASH", crash)
        sys.exit(1 if crashes or misses else 0)


if __name__ == "__main__":
    main()
