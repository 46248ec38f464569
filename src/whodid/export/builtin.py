"""whodid's own exporters, registered as a plugin (entry point ``whodid`` -> this module)
like any third-party exporter."""

from __future__ import annotations

import sys
from pathlib import Path

from whodid.export import gdelt, geo, graph, plover
from whodid.plugins import Exporter, hookimpl


def _plover(con, out: Path) -> dict[Path, int]:
    target = out / "events.plover.jsonl"
    written = plover.write(con, target)
    if written.left_out:
        print(written.summary(), file=sys.stderr)
    return {target: written.records}


@hookimpl
def whodid_exporters() -> list[Exporter]:
    return [
        Exporter("gdelt", "GDELT 2.0 event and mentions TSV", gdelt.READS, gdelt.write,
                 note="GDELT columns whodid leaves empty: "
                      + "; ".join(f"{k} ({v})" for k, v in gdelt.NOT_FILLED.items())),
        Exporter("plover", "PLOVER JSON Lines, one record per coded event", plover.READS, _plover),
        Exporter("graphml", "the actor network as GraphML (Gephi, networkx, igraph)", graph.READS,
                 graph.write_graphml, options=("since", "until")),
        Exporter("gexf", "the actor network as GEXF (Gephi)", graph.READS, graph.write_gexf,
                 options=("since", "until")),
        Exporter("geojson", "events and places with coordinates as GeoJSON (QGIS, kepler.gl)", geo.READS, geo.write,
                 options=("since", "until")),
    ]
