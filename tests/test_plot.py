"""whodid plot: a pair timeline and a network picture, as PNG or SVG files a report can hold."""

import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from test_export_graphs import db  # noqa: F401 (the fixture)
from whodid.cli import app

runner = CliRunner()


def said(result) -> str:
    """The CLI's output with its line breaks as spaces: it wraps at the terminal's width, and a
    long tmp path (a pytest-xdist worker's) can split "3 events" across two lines."""
    return " ".join(result.output.split())


def test_pair_timeline_png_and_network_svg(db, tmp_path):  # noqa: F811
    result = runner.invoke(app, ["plot", "pair", "RUSGOV", "FRAGOV", "--db", str(db), "-o", str(tmp_path / "p.png"),
                                 "--bucket", "day"])
    assert result.exit_code == 0, result.output
    assert "3 events" in said(result)  # the three reports of meetings with France (the web app's /pair count)
    assert (tmp_path / "p.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(app, ["plot", "network", "--db", str(db), "-o", str(tmp_path / "n.svg")])
    assert result.exit_code == 0, result.output
    assert "2 edges" in said(result)
    svg = ET.parse(tmp_path / "n.svg").getroot()
    assert svg.tag.endswith("svg")
    assert "RUSGOV" in (tmp_path / "n.svg").read_text("utf-8")


@pytest.mark.parametrize("args, message", [
    (["plot", "network", "-o", "n.txt"], ".png, .svg or .pdf"),
    (["plot", "pair", "A", "B", "--bucket", "year"], "--bucket"),
    (["plot", "network", "--since", "yesterday"], "--since"),
])
def test_plot_refuses_bad_options(db, tmp_path, args, message):  # noqa: F811
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2 and message in said(result)
