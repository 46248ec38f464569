"""Write ``docs/cli.md``: every whodid command's ``--help``, as the command line prints it.

``tests/test_docs_examples.py`` fails when the file is out of date: run ``make docs``
(or ``python scripts/cli_reference.py``) after changing a command or an option.
"""

from __future__ import annotations

import os
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
WIDTH = "100"


def _commands(group, path=()):
    """(words, command) for every command under a click group, depth first, in the order shown."""
    yield path, group
    if hasattr(group, "list_commands"):  # a group (typer's own, not always a click.Group)
        for name in group.list_commands(None):
            yield from _commands(group.get_command(None, name), (*path, name))


def render() -> str:
    fixed = {"COLUMNS": WIDTH, "TERMINAL_WIDTH": WIDTH, "NO_COLOR": "1", "TERM": "dumb"}
    before = {k: os.environ.get(k) for k in fixed}
    os.environ.update(fixed)  # the same text on every terminal; put back afterwards
    try:
        return _render()
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _render() -> str:
    import typer.main
    from typer.testing import CliRunner

    from whodid.cli import app

    root = typer.main.get_command(app)
    runner = CliRunner()
    parts = ["# Command-line reference", "",
             "Generated from each command's `--help` by `scripts/cli_reference.py` (`make docs`); do not edit.", ""]
    for words, command in _commands(root):
        if getattr(command, "hidden", False):
            continue
        result = runner.invoke(app, [*words, "--help"], prog_name="whodid", env={"COLUMNS": WIDTH})
        title = " ".join(("whodid", *words))
        text = "\n".join(line.rstrip() for line in result.output.splitlines()).strip("\n")
        parts += [f"## `{title}`", "", "```text", text, "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"{TARGET}: written")
