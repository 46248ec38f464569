"""whodid's own exporters, registered as a plugin (entry point ``whodid`` -> this module)
like any third-party exporter."""

from __future__ import annotations

from pathlib import Path

from whodid.export import gdelt, plover
from whodid.plugins import Exporter, hookimpl


def _plover(con, out: Path) -> dict[Path, int]:
    target = out / "events.plover.jsonl"
    return {target: plover.write(con, target)}


@hookimpl
def whodid_exporters() -> list[Exporter]:
    return [
        Exporter("gdelt", "GDELT 2.0 event and mentions TSV", gdelt.READS, gdelt.write,
                 note="GDELT columns whodid leaves empty: "
                      + "; ".join(f"{k} ({v})" for k, v in gdelt.NOT_FILLED.items())),
        Exporter("plover", "PLOVER JSON Lines, one record per coded event", plover.READS, _plover),
    ]
