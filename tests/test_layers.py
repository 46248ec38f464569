"""The house rule, read from the code's own imports: each layer imports only the ones below it.

    model, config, plugins, version the data model and what every layer may read
    nlp                             reading the parse, dates, closed-class vocabularies
    knowledge                       knowledge base, gazetteer, quote cues, event lexicon
    actors quotes events time places checks    the stages, side by side
    components, pipeline, ingest, store, ...   everything above

A stage imports only the data model, nlp, knowledge and its own folder.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "whodid"
BOTTOM = {"model", "config", "plugins", "version"}
STAGES = {"actors", "quotes", "events", "time", "places", "checks"}
MAY_IMPORT = {
    "nlp": BOTTOM | {"nlp"},
    "knowledge": BOTTOM | {"nlp", "knowledge"},
    **{stage: BOTTOM | {"nlp", "knowledge", stage} for stage in STAGES},
}


def whodid_imports(path: Path) -> list[tuple[int, str]]:
    """``(line, first part after whodid.)`` of every whodid import in ``path``, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "whodid":
                if len(parts) > 1:
                    found.append((node.lineno, parts[1]))
                else:  # from whodid import nlp; a name of the package's top (__version__) counts as it
                    found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[1]) for a in node.names
                      if a.name.startswith("whodid.")]
    return found


def layer_of(path: Path) -> str:
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def test_the_rule_sees_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from whodid import __version__\ndef f():\n    from whodid.pipeline import Pipeline\n")
    assert whodid_imports(bad) == [(1, "__version__"), (3, "pipeline")]


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_layer_imports_only_downward(layer):
    files = [SRC / f"{layer}.py"] if (SRC / f"{layer}.py").exists() else sorted((SRC / layer).rglob("*.py"))
    assert files, layer
    wrong = [f"{path.relative_to(SRC)}:{line} imports whodid.{target}"
             for path in files for line, target in whodid_imports(path)
             if target not in MAY_IMPORT[layer]]
    assert not wrong, "\n".join(wrong)


def test_bottom_layer_imports_nothing_above_it():
    wrong = [f"{name}.py:{line} imports whodid.{target}"
             for name in BOTTOM for line, target in whodid_imports(SRC / f"{name}.py")
             if target not in BOTTOM]
    assert not wrong, "\n".join(wrong)


def test_pipeline_names_its_stages_statically():
    source = (SRC / "pipeline.py").read_text() + (SRC / "components.py").read_text()
    assert "importlib" not in source and "import_module" not in source
    imported = {target for path in (SRC / "components.py",) for _, target in whodid_imports(path)}
    assert STAGES <= imported
