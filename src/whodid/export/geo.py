"""Events and places with coordinates as GeoJSON, for QGIS, kepler.gl, Leaflet or geopandas.

``events.geojson``: one Point feature per event (event cluster: one real-world event
however often reported) whose place has coordinates, with its type, CAMEO code,
actor and recipient codes and names, date and precision, modality count, score and
report counts. ``places.geojson``: one Point per place (GeoNames id) with its name,
country, feature code and the number of events there. Coordinates are
``[longitude, latitude]`` (WGS 84), as RFC 7946 requires. ``since``/``until`` keep
the events dated in that range.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb

from whodid.export.graph import _range

READS = ("event_clusters",)

EVENTS_SQL = """
SELECT cluster_id, type, cameo, actor_code, actor_name, recipient_code, recipient_name, event_date, date_precision,
       place, geonames_id, place_country, place_feature, score, quad_class, num_articles, happened_articles,
       lon, lat
FROM event_clusters WHERE lat IS NOT NULL AND lon IS NOT NULL {range}
ORDER BY cluster_id
"""
PLACES_SQL = """
SELECT geonames_id, mode(place) AS name, mode(place_country) AS country, mode(place_feature) AS feature,
       count(*) AS events, avg(score) AS mean_score, min(lon) AS lon, min(lat) AS lat
FROM event_clusters WHERE lat IS NOT NULL AND lon IS NOT NULL {range}
GROUP BY geonames_id ORDER BY events DESC, geonames_id
"""


def _features(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    features = []
    for row in cursor.fetchall():
        props = dict(zip(names, row))
        lon, lat = props.pop("lon"), props.pop("lat")
        for key, value in props.items():
            if isinstance(value, date):
                props[key] = value.isoformat()
            elif isinstance(value, float):
                props[key] = round(value, 3)
        features.append({"type": "Feature", "id": props.get("cluster_id", props.get("geonames_id")),
                         "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
                         "properties": props})
    return features


def write(con: duckdb.DuckDBPyConnection, out: Path, since: date | None = None,
          until: date | None = None) -> dict[Path, int]:
    clause, params = _range(since, until)
    written = {}
    for name, sql in (("events.geojson", EVENTS_SQL), ("places.geojson", PLACES_SQL)):
        features = _features(con.execute(sql.format(range=clause), params))
        target, partial = out / name, out / f".{name}.partial"
        try:
            partial.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                               encoding="utf-8")
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)
        written[target] = len(features)
    return written
