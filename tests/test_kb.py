"""Knowledge-base extension: user YAML/CSV files and PETRARCH dictionaries."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.knowledge import Resources
from whodid.knowledge.kb import load_kb
from whodid.knowledge.user_kb import KBFormatError, import_petrarch, load_user_kb
from whodid.model import Article
from whodid.pipeline import Pipeline


def run(kb, text, published="2022-06-01"):
    return Pipeline(stages=[ActorsStage(Resources(kb, Resources.build().lexicon))]).analyze(Article(text=text, published=published))


def mention_actor(analysis, text):
    for a in analysis.actors:
        for m in a.mentions:
            if m.text == text:
                return a
    return None


def test_yaml_extension(tmp_path, nlp):
    f = tmp_path / "extra.yaml"
    f.write_text(
        "people:\n"
        "  - name: Ihor Terekhov\n"
        "    gender: male\n"
        "    aliases: [Igor Terekhov]\n"
        "    roles:\n"
        "      - {position: Mayor of Kharkiv, role: mayor, country: UKR, sector: GOV, start: 2021-11-11}\n"
        "organizations:\n"
        "  - {id: AZOV, name: Azov Brigade, code: UKRMIL, country: UKR, sector: MIL, aliases: [Azov]}\n",
        encoding="utf-8")
    kb = load_user_kb(f)
    a = run(kb, "Ihor Terekhov said the Azov Brigade had left. Terekhov thanked them.")
    mayor = mention_actor(a, "Ihor Terekhov")
    assert mayor.code == "UKRGOV" and mayor.role == "Mayor of Kharkiv" and mayor.kind == "person"
    assert mention_actor(a, "Terekhov") is mayor
    assert mention_actor(a, "Azov Brigade").code == "UKRMIL"
    # the built-in KB is untouched
    assert not load_kb().lookup("Ihor Terekhov")


def test_csv_extension(tmp_path, nlp):
    f = tmp_path / "extra.csv"
    f.write_text("name,kind,country,sector,position,start,end,aliases\n"
                 "Jane Roe,person,KEN,OPP,opposition leader,2019,,J. Roe\n"
                 "Green Hills Front,organization,KEN,REB,,,,GHF\n", encoding="utf-8")
    kb = load_user_kb(f)
    a = run(kb, "Jane Roe met GHF fighters near the border.")
    assert mention_actor(a, "Jane Roe").code == "KENOPP"
    assert mention_actor(a, "GHF").code == "KENREB"


@pytest.mark.parametrize("content, suffix, line, words", [
    ("people:\n  - name: X Y\n    roles:\n      - {country: XXX}\n", ".yaml", 4, "XXX"),
    ("people:\n  - name: X Y\n    roles:\n      - {country: UKR, start: 12/01/2020}\n", ".yaml", 4, "date"),
    ("people:\n  - gender: male\n", ".yaml", 2, "name"),
    ("people: [\n", ".yaml", 2, "YAML"),
    ("name,country\nAnn Lee,Ukraine\n", ".csv", 2, "Ukraine"),
    ("name,country\nAnn Lee,UKR,extra\n", ".csv", 2, "fields"),
    ("nom,country\n", ".csv", 1, "name"),
])
def test_malformed_user_file_names_file_and_line(tmp_path, content, suffix, line, words):
    f = tmp_path / ("bad" + suffix)
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KBFormatError) as err:
        load_user_kb(f)
    assert err.value.line == line and str(f) in str(err.value) and words in str(err.value)
    # the built-in knowledge base keeps working
    assert load_kb().holders("RUS", "head_of_state", "2022-01-01")[0][0].wikidata == "Q7747"


PETRARCH = """\
# test dictionary
ABU_MOHAMMED_AL-JOLANI_  [SYRREB >20120101]
+AL-JOLANI_
+JOLANI_
FREEDONIA_ [FRE]
JOHN_EXAMPLE_
[USALEG 20050103-20081116]
[USAGOV 20081116-20170120]  # dated codes on their own lines
+EXAMPLE_
<!-- a comment
spanning lines -->
GOTHAM_LIBERATION_FRONT_ [USAREB]
UKRAINA_ [UKR]
"""


def test_petrarch_import(tmp_path, nlp):
    f = tmp_path / "actors.txt"
    f.write_text(PETRARCH, encoding="utf-8")
    kb = import_petrarch(f)
    a = run(kb, "Abu Mohammed al-Jolani spoke. John Example and the Gotham Liberation Front met in Ukraina.",
            "2010-05-01")
    assert mention_actor(a, "Abu Mohammed al-Jolani").code == "SYRREB"
    assert mention_actor(a, "John Example").code == "USAGOV"  # the 2008-2017 code at 2010
    assert mention_actor(a, "Gotham Liberation Front").code == "USAREB"
    assert mention_actor(a, "Ukraina").code == "UKR"
    a2 = run(kb, "John Example spoke.", "2006-05-01")
    assert mention_actor(a2, "John Example").code == "USALEG"


@pytest.mark.parametrize("content, line", [
    ("+SYNONYM_FIRST_\n", 1),
    ("NAME_ [RUSGOV 2012-01]\n", 1),
    ("OK_ [RUS]\nBAD_ [RUSGOV\n", 2),
    ("# only a comment\n[RUSGOV]\n", 2),
])
def test_petrarch_errors_name_the_line(tmp_path, content, line):
    f = tmp_path / "bad.txt"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KBFormatError) as err:
        import_petrarch(f)
    assert err.value.line == line and str(f) in str(err.value)
