"""What a pipeline runs and what it knows: one typed object for every entry point.

The CLI, ``whodid.analyze``, worker processes, Ray actors and the web app all build
their pipeline from a ``PipelineConfig``; ``PipelineConfig.from_file`` reads the same
settings from a TOML file (``whodid analyze --config whodid.toml``)::

    [pipeline]
    stages = ["actors", "quotes", "events"]   # default: all, always in pipeline order
    kb = ["my-actors.yaml"]                   # knowledge-base files (YAML/CSV/TSV, PETRARCH)
    lexicon = ["my-triggers.yaml"]            # event lexicon files
    batch_size = 64

Relative paths in a file are read from the file's folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

# the stages after nlp, in pipeline order
STAGE_NAMES = ("actors", "quotes", "events", "time", "places", "checks")
BATCH_SIZE = 64


class ConfigError(ValueError):
    """A configuration that cannot run; the message names the setting (and file) at fault."""


@dataclass(frozen=True)
class PipelineConfig:
    stages: tuple[str, ...] = STAGE_NAMES
    kb_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    batch_size: int = BATCH_SIZE
    fuzzy_cutoff: float = 85.0
    model: str | None = None  # a spaCy model package or folder; None: nlp.model_package()
    source: str | None = field(default=None, compare=False)  # the file it was read from

    def __post_init__(self) -> None:
        where = f"{self.source}: " if self.source else ""
        names = tuple(self.stages)
        unknown = [n for n in names if n not in STAGE_NAMES]
        if unknown:
            raise ConfigError(f"{where}unknown stage(s) {', '.join(unknown)}; available: {', '.join(STAGE_NAMES)}")
        object.__setattr__(self, "stages", tuple(n for n in STAGE_NAMES if n in names))
        object.__setattr__(self, "kb_files", tuple(str(p) for p in self.kb_files))
        object.__setattr__(self, "lexicon_files", tuple(str(p) for p in self.lexicon_files))
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ConfigError(f"{where}batch_size must be a positive whole number, not {self.batch_size!r}")

    def with_options(self, stages: list[str] | None = None, kb_files: list | None = None,
                     lexicon_files: list | None = None) -> PipelineConfig:
        """This configuration with the command line's options on top (None: keep the file's)."""
        changes: dict = {}
        if stages is not None:
            changes["stages"] = tuple(stages)
        if kb_files:
            changes["kb_files"] = (*self.kb_files, *map(str, kb_files))
        if lexicon_files:
            changes["lexicon_files"] = (*self.lexicon_files, *map(str, lexicon_files))
        return replace(self, **changes)

    @classmethod
    def from_file(cls, path: str | Path) -> PipelineConfig:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the configuration ({exc.strerror})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not a TOML file ({exc})") from None
        table = data.get("pipeline", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [pipeline] must be a table")
        known = {"stages", "kb", "lexicon", "batch_size", "fuzzy_cutoff", "model"}
        extra = sorted(set(table) - known)
        if extra:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(extra)} in [pipeline]; "
                              f"known: {', '.join(sorted(known))}")
        for key in ("stages", "kb", "lexicon"):
            if key in table and not (isinstance(table[key], list) and all(isinstance(v, str) for v in table[key])):
                raise ConfigError(f"{path}: {key} must be a list of strings")

        def files(key: str) -> tuple[str, ...]:
            return tuple(str((path.parent / p) if not Path(p).is_absolute() else Path(p)) for p in table.get(key, []))

        return cls(stages=tuple(table.get("stages", STAGE_NAMES)), kb_files=files("kb"),
                   lexicon_files=files("lexicon"), batch_size=table.get("batch_size", BATCH_SIZE),
                   fuzzy_cutoff=float(table.get("fuzzy_cutoff", 85.0)), model=table.get("model"), source=str(path))
