"""Every whodid command the README and docs/ show runs as documented, on the files in examples/.

The commands are read from the ```console blocks; each runs in a folder holding a copy of
examples/ (and the repository's src/ for the bundled samples), in the order the pages give
them. A command documented with a failure line (``whodid: failed ...``) must fail with it.
Commands that need a server, a cluster, the network or the shared gold data are only
checked for their input files.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from whodid.cli import app

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
INPUT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".yaml", ".yml", ".csv", ".tsv", ".toml",
                  ".html")
# not run: servers, feeds, clusters, PostgreSQL, shell set-up, gold data outside the repository
NOT_RUN = re.compile(r"\b(serve|watch|eval)\b|--install-completion|postgresql://|--engine ray")


def documented() -> list[tuple[str, str, list[str]]]:
    """(page, command line, documented output lines) in page order."""
    found = []
    for page in PAGES:
        for block in re.findall(r"```console\n(.*?)```", page.read_text("utf-8"), re.S):
            lines = block.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("$ whodid "):
                    output = []
                    for after in lines[i + 1:]:
                        if after.startswith("$ "):
                            break
                        output.append(after)
                    found.append((page.name, line[2:], output))
    return found


def argv(command: str) -> list[str]:
    command = re.split(r"\s+[|>]\s+", command)[0]          # the whodid part of a pipe or redirection
    command = re.split(r"\s+#\s", command)[0]               # a trailing comment
    return shlex.split(command)[1:]


def inputs(args: list[str]) -> list[str]:
    files = [a for a in args if a.endswith(INPUT_SUFFIXES)]
    if args and args[0] in ("analyze", "ingest"):
        # folders given as inputs (not an option's value, such as --parquet out/)
        files += [a for prev, a in zip(args, args[1:]) if a.endswith("/") and not prev.startswith("-")]
    return files


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for item in (ROOT / "examples").iterdir():
        (shutil.copytree if item.is_dir() else shutil.copy)(item, folder / item.name)
    (folder / "src").symlink_to(ROOT / "src")
    (folder / "examples").symlink_to(ROOT / "examples")  # commands written from the repository root
    return folder


def test_every_documented_command_has_its_files_in_examples(sandbox):
    missing = [f"{page}: `{command}`: {name}" for page, command, _ in documented()
               for name in inputs(argv(command)) if not (sandbox / name).exists()]
    assert not missing, "\n".join(missing)


def test_documented_commands_run_as_documented(sandbox, monkeypatch, nlp):
    monkeypatch.chdir(sandbox)
    # `--show-completion bash` names its shell; detecting one fails with no shell above the suite
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    runner = CliRunner()
    ran = 0
    for page, command, output in documented():
        if NOT_RUN.search(command):
            continue
        result = runner.invoke(app, argv(command), prog_name="whodid")
        failures = [line for line in output if line.startswith("whodid: failed") or line.startswith("error:")]
        where = f"{page}: `{command}`\n{result.output[-2000:]}"
        if failures:
            assert result.exit_code != 0, where
            for line in failures:
                # the byte offset of a record in a web archive depends on the archive
                pattern = re.escape(re.sub(r"@\d+", "@N", line)).replace("@N", r"@\d+")
                assert re.search(pattern, result.output), f"{where}\nexpected: {line}"
        else:
            assert result.exit_code == 0, where
        for line in output:
            if line.startswith("whodid: skipped"):
                assert line in result.output, f"{where}\nexpected: {line}"
        ran += 1
    assert ran >= 15


def test_cli_reference_is_generated_from_the_current_help():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from cli_reference import TARGET, render

    assert TARGET.read_text("utf-8") == render(), "docs/cli.md is stale: run `make docs`"
