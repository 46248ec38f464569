"""Actor coding accuracy on the PLOVER gold-standard dev records (optional; needs ../shared).

    whodid eval actors [--gold ../shared/eval/plover-gsr-dev.json] [--show N]

For each gold source and target actor of each record: is its country code
(``IGO`` for international organisations) assigned to some actor whodid finds in
that sentence? And, where the gold has a sector (GOV, MIL, REB, ...), is the
country+sector pair assigned? The sentences are undated textbook examples, so
roles are resolved without a date. Prints both shares and lists misses.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from whodid.eval import shared_eval

SECTORS = {"GOV", "MIL", "REB", "CVL", "OPP", "COP", "LEG", "JUD", "MED", "BUS", "REF", "ELI", "EDU", "LAB", "IGO"}


def gold_actors(record: dict) -> list[dict]:
    out = []
    for key in ("source", "target"):
        value = record.get(key)
        if isinstance(value, list):
            out += [a for a in value if isinstance(a, dict) and a.get("code")]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="whodid eval actors", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=shared_eval("plover-gsr-dev.json"))
    ap.add_argument("--show", type=int, default=15, help="misses to print")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        raise SystemExit(f"error: {args.gold}: no such gold file (give --gold PATH)")

    from whodid.actors import ActorsStage
    from whodid.model import Article
    from whodid.pipeline import Pipeline

    records = [r for r in json.loads(args.gold.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    pipeline = Pipeline(stages=[ActorsStage()])
    analyses = pipeline.analyze_many(Article(text=r["text"]) for r in records)
    n_country = hit_country = n_sector = hit_sector = 0
    misses = []
    for record, analysis in zip(records, analyses):
        found = set()
        for a in analysis.actors:
            if a.code and a.code.startswith(("IGO", "NGO")):
                found.add(("IGO", "IGO"))
                found.add(("IGO", None))
            if a.country:
                found.add((a.country, a.sector))
                found.add((a.country, None))
        for g in gold_actors(record):
            code = g["code"].upper()
            n_country += 1
            ok = (code, None) in found
            hit_country += ok
            sector = (g.get("sector") or "")[:3].upper()
            if sector in SECTORS:
                n_sector += 1
                ok_s = (code, sector) in found or (code == "IGO" and ("IGO", "IGO") in found)
                hit_sector += ok_s
            else:
                ok_s = True
            if not (ok and ok_s):
                misses.append((g["actorText"], code, g.get("sector"), ok,
                               sorted(f"{a.code}:{a.mentions[0].text}" for a in analysis.actors if a.mentions)))
    print(f"records: {len(records)}; gold actors: {n_country}")
    print(f"country-code accuracy: {hit_country / n_country:.3f} ({hit_country}/{n_country})")
    print(f"country+sector accuracy (gold actors with a sector): {hit_sector / max(n_sector, 1):.3f} "
          f"({hit_sector}/{n_sector})")
    for text, code, sector, ok, have in misses[: args.show]:
        print(f"  miss: {text!r} {code}{'/' + sector if sector else ''} {'(country ok)' if ok else ''} -> {have}")


if __name__ == "__main__":
    main()
