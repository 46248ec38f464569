"""Plugins: packages that add knowledge, lexicons, exporters and canned queries.

A plugin is a module with functions marked ``@hookimpl`` and named after the hooks
below, advertised under the ``whodid`` entry point group of its package, as
Datasette and sqlite-utils plugins are::

    # pyproject.toml of the plugin package
    [project.entry-points.whodid]
    my_region = "whodid_my_region"

    # whodid_my_region.py
    from whodid.plugins import hookimpl

    @hookimpl
    def whodid_kb_files():
        return [Path(__file__).parent / "actors.yaml"]

Once the package is installed, every whodid command uses it: no ``--kb`` needed.
whodid's own GDELT and PLOVER exporters and canned summaries are registered the
same way (see ``[project.entry-points.whodid]`` in whodid's pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pluggy

hookspec = pluggy.HookspecMarker("whodid")
hookimpl = pluggy.HookimplMarker("whodid")


@dataclass(frozen=True)
class Exporter:
    """``whodid export --format NAME``: ``write(con, out_dir) -> {file: rows}``, reading
    the tables in ``reads`` from a DuckDB connection."""

    name: str
    description: str
    reads: tuple[str, ...]
    write: Callable
    note: str = ""  # printed after the export (what the format leaves empty, say)
    # keyword options ``write`` also takes, from ``whodid export``'s options of those names (e.g. since, until)
    options: tuple[str, ...] = ()


class Specs:
    @hookspec
    def whodid_kb_files(self) -> list[str | Path]:
        """Knowledge-base files (YAML/CSV/TSV or PETRARCH actor dictionaries) added to every run."""

    @hookspec
    def whodid_lexicon_files(self) -> list[str | Path]:
        """Event lexicon files (whodid's lexicon YAML format) added to every run."""

    @hookspec
    def whodid_exporters(self) -> list[Exporter]:
        """Formats for ``whodid export --format``."""

    @hookspec
    def whodid_summaries(self) -> dict[str, tuple[str, str]]:
        """Canned queries for ``whodid query --summary NAME``: name -> (description, SQL)."""


@lru_cache(maxsize=1)
def manager() -> pluggy.PluginManager:
    """The process's plugin manager, with every installed ``whodid`` entry point loaded."""
    pm = pluggy.PluginManager("whodid")
    pm.add_hookspecs(Specs)
    pm.load_setuptools_entrypoints("whodid")
    return pm


def knowledge_files() -> tuple[list[str], list[str]]:
    """The plugins' knowledge-base files and lexicon files, in plugin order."""
    hook = manager().hook
    return ([str(p) for files in reversed(hook.whodid_kb_files()) for p in files],
            [str(p) for files in reversed(hook.whodid_lexicon_files()) for p in files])


def exporters() -> dict[str, Exporter]:
    found: dict[str, Exporter] = {}
    for batch in reversed(manager().hook.whodid_exporters()):
        for exporter in batch:
            found[exporter.name] = exporter
    return found


def summaries() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for batch in reversed(manager().hook.whodid_summaries()):
        found.update(batch)
    return found
