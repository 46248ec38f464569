"""The PLOVER export conforms to PLOVER 2.0: its codes, its required fields, and a JSON Schema
every exported record validates against."""

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from test_clusters import report
from whodid.cli import app
from whodid.export.plover import plover_code, schema
from whodid.model import Actor
from whodid.store import Store
from whodid.store.clusters import link_events

runner = CliRunner()


def _export(tmp_path, *analyses):
    db = tmp_path / "p.duckdb"
    with Store(db) as store:
        store.write([(a, f"o{i}") for i, a in enumerate(analyses)])
        link_events(store.con)
    result = runner.invoke(app, ["export", str(tmp_path / "out"), "--db", str(db), "--format", "plover"])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "out" / "events.plover.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines], result.output


@pytest.mark.parametrize("code, country, sector, expected", [
    ("IGOUNO", None, "IGO", ("UNO", None)),            # the United Nations
    ("IGOUNOHLHWHO", None, "IGO", ("UNO", "MED")),     # WHO: a UN agency dealing with health
    ("IGOEUREEC", None, "IGO", ("EUR", None)),         # the European Union
    ("IGOEURSCE", None, "IGO", ("IGO", None)),         # the OSCE: European, not the EU
    ("IGOWSTNAT", None, "IGO", ("IGO", None)),         # NATO
    ("GBRMED", "GBR", "MED", ("GBR", "JRN")),          # a British journalist: JRN, not health
    ("RUSGOV", "RUS", "GOV", ("RUS", "GOV")),
    ("XKXGOV", "XKX", "GOV", ("KOS", "GOV")),          # Kosovo: PLOVER's KOS
])
def test_plover_codes(code, country, sector, expected):
    actor = Actor(id="x", name="x", kind="organization", code=code, country=country, sector=sector)
    assert plover_code(actor) == expected


def test_journalists_un_and_eu_get_plover_codes_and_every_record_validates(tmp_path):
    un = report("Putin met Someone in Moscow.", "2022-02-07", recipient="IGOUNO")
    un.actors[1].sector = "IGO"
    press = report("Putin met Someone in Moscow today.", "2022-02-07", recipient="GBRMED")
    press.actors[1].country, press.actors[1].sector = "GBR", "MED"
    records, _ = _export(tmp_path, un, press)
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    for record in records:
        validator.validate(record)
    recipients = {r["recipient"][0]["code"]: r["recipient"][0] for r in records}
    assert recipients["UNO"]["sector"] is None and recipients["UNO"]["whodid_code"] == "IGOUNO"
    assert recipients["GBR"]["sector"] == "JRN"


def test_events_without_a_required_field_are_left_out_and_counted(tmp_path):
    dated = report("Putin met Someone in Moscow.", "2022-02-07", recipient="AAAGOV", date="2022-02-05")
    undated = report("Putin met Someone in Moscow again.", "2022-02-09", recipient="BBBGOV")
    yearly = report("Putin met Someone in Moscow in 2015.", "2022-02-07", recipient="CCCGOV", date="2015")
    yearly.events[0].date_precision = "year"
    alone = report("Putin met Someone in Moscow at last.", "2022-02-07", recipient="DDDGOV")
    alone.events[0].actor, alone.events[0].actor_mentions = [], []
    records, output = _export(tmp_path, dated, undated, yearly, alone)
    by_recipient = {r["recipient"][0]["whodid_code"]: r for r in records}
    assert set(by_recipient) == {"AAAGOV", "BBBGOV"}
    assert (by_recipient["AAAGOV"]["date"], by_recipient["AAAGOV"]["date_precision"]) == ("2022-02-05", "day")
    assert (by_recipient["BBBGOV"]["date"], by_recipient["BBBGOV"]["date_precision"]) == ("2022-02-09", "publication")
    assert "2 events left out" in output and "1 without a date to the day" in output and "1 without an actor" in output


def test_schema_refuses_a_record_without_a_required_field():
    record = {"id": "x", "date": "2022-02-07", "actor": [{"code": "RUS"}], "event": ["CONSULT"]}
    jsonschema.validate(record, schema())
    for field in ("date", "actor", "event"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({k: v for k, v in record.items() if k != field}, schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**record, "actor": [{"code": "RUS", "sector": "MEDIA"}]}, schema())
