"""The GDELT export joins with GDELT's own files: FIPS 10-4 geography, Goldstein values per CAMEO
code, dates no more precise than the text gives them. Expected values are rows of GDELT's published
lookups (``FIPS.country.txt``, ``CAMEO.goldsteinscale.txt``) and its event codebook."""

import csv

import pytest
from typer.testing import CliRunner

from test_clusters import report
from whodid.cli import app
from whodid.export.gdelt import EVENT_COLUMNS, fips_codes, goldstein
from whodid.model import Place
from whodid.store import Store
from whodid.store.clusters import link_events

runner = CliRunner()

# rows of GDELT's FIPS.country.txt (code, name) and the ISO 3166 code whodid's places carry
GDELT_FIPS_ROWS = [("NI", "Nigeria", "NG"), ("CD", "Chad", "TD"), ("CG", "Congo, Democratic Republic of the", "CD"),
                   ("CF", "Congo, Republic of the", "CG"), ("TD", "Trinidad and Tobago", "TT"),
                   ("UK", "United Kingdom", "GB"), ("RS", "Russia", "RU"), ("UP", "Ukraine", "UA"),
                   ("GM", "Germany", "DE"), ("IS", "Israel", "IL"), ("SF", "South Africa", "ZA")]
# rows of GDELT's CAMEO.goldsteinscale.txt
GDELT_GOLDSTEIN_ROWS = [("040", 1.0), ("042", 1.9), ("036", 4.0), ("057", 8.0), ("0874", 10.0), ("111", -2.0),
                        ("1246", -4.0), ("163", -8.0), ("173", -5.0), ("190", -10.0), ("193", -10.0)]


@pytest.mark.parametrize("fips, name, iso2", GDELT_FIPS_ROWS)
def test_fips_codes_are_gdelts(fips, name, iso2):
    assert fips_codes()[iso2] == fips


@pytest.mark.parametrize("cameo, value", GDELT_GOLDSTEIN_ROWS)
def test_goldstein_values_are_gdelts(cameo, value):
    assert goldstein(cameo) == value


def test_a_cameo_2_code_gdelt_lacks_takes_its_base_codes_value():
    assert goldstein("1213") == goldstein("121") == -4.0


def _export(tmp_path, *analyses):
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        store.write([(a, f"o{i}") for i, a in enumerate(analyses)])
        link_events(store.con)
    result = runner.invoke(app, ["export", str(tmp_path / "out"), "--db", str(db), "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "gdelt.export.tsv", newline="", encoding="utf-8") as fh:
        rows = [dict(zip(EVENT_COLUMNS, r)) for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return {r["Actor2Code"]: r for r in rows}


def _placed(analysis, name, geonames_id, country, feature):
    analysis.places = [Place(name=name, geonames_id=geonames_id, lat=1.0, lon=2.0, country=country, feature=feature)]
    analysis.events[0].place = name
    return analysis


def test_places_in_nigeria_and_chad_get_gdelts_fips_codes(tmp_path):
    rows = _export(tmp_path,
                   _placed(report("Putin met Someone in Lagos.", "2022-02-07", recipient="NGAGOV"),
                           "Lagos", 2332459, "NG", "P.PPLA"),
                   _placed(report("Putin met Someone in Chad.", "2022-02-07", recipient="TCDGOV"),
                           "Chad", 2434508, "TD", "A.PCLI"))
    lagos, chad = rows["NGAGOV"], rows["TCDGOV"]
    assert lagos["ActionGeo_CountryCode"] == "NI" and lagos["ActionGeo_Type"] == "4"
    assert chad["ActionGeo_CountryCode"] == "CD" and chad["ActionGeo_Type"] == "1"
    # GDELT's codebook: for a country-level match ADM1Code is the country's FIPS code
    assert chad["ActionGeo_ADM1Code"] == "CD" and lagos["ActionGeo_ADM1Code"] == ""
    # the actor columns stay CAMEO's three-letter codes
    assert lagos["Actor1CountryCode"] == "RUS"


def test_goldstein_scale_is_the_cameo_codes_value_not_the_plover_score(tmp_path):
    fight = report("Putin met Someone in Moscow.", "2022-02-07", recipient="UKRMIL", type_="ASSAULT")
    fight.events[0].cameo, fight.events[0].score = "193", -9.0  # PLOVER's ASSAULT score differs from Goldstein's
    row = _export(tmp_path, fight)["UKRMIL"]
    assert (row["EventCode"], row["EventRootCode"], row["GoldsteinScale"]) == ("193", "19", "-10.0")


def test_dates_are_no_more_precise_than_the_text(tmp_path):
    day = report("Putin met Someone in Moscow.", "2022-02-07", recipient="AAAGOV", date="2022-01-31")
    month = report("Putin met Someone in Moscow in May.", "2022-02-07", recipient="BBBGOV", date="2021-05")
    month.events[0].date_precision = "month"
    year = report("Putin met Someone in Moscow in 2015.", "2022-02-07", recipient="CCCGOV", date="2015")
    year.events[0].date_precision = "year"
    undated = report("Putin met Someone in Moscow again.", "2022-02-09", recipient="DDDGOV")
    rows = _export(tmp_path, day, month, year, undated)
    fields = ("SQLDATE", "MonthYear", "Year")
    assert tuple(rows["AAAGOV"][f] for f in fields) == ("20220131", "202201", "2022")
    assert tuple(rows["BBBGOV"][f] for f in fields) == ("", "202105", "2021")
    assert tuple(rows["CCCGOV"][f] for f in fields) == ("", "", "2015")
    assert rows["CCCGOV"]["FractionDate"] == ""
    # undated in the text: the article's publication day, as GDELT dates an event
    assert tuple(rows["DDDGOV"][f] for f in fields) == ("20220209", "202202", "2022")
    assert not any(r["SQLDATE"].endswith("0101") for r in rows.values())
