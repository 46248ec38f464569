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


# -------------------------------------------------------------- PETRARCH's forms, one by one
def _dictionary(tmp_path, text, name="actors.txt"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return import_petrarch(f)


def test_petrarch_null_code_stops_a_name(tmp_path, nlp):
    # [---]: PETRARCH's "not an actor"; the built-in Peskov gives way to the user's entry
    kb = _dictionary(tmp_path, "DMITRY_PESKOV_ [---]\nINDIAN_OCEAN  [---]\n")
    a = run(kb, "Dmitry Peskov spoke. Peskov said talks would go on.")
    assert not any(x.wikidata == "Q1968948" for x in a.actors)
    # a null default beside a dated code: coded inside the dates only
    kb = _dictionary(tmp_path, "JOHN_EXAMPLE_ [IGOUNO 000101-080801] [---]\n")
    assert mention_actor(run(kb, "John Example spoke.", "2005-03-01"), "John Example").code == "IGOUNO"
    later = mention_actor(run(kb, "John Example spoke.", "2012-03-01"), "John Example")
    assert later is None or later.code != "IGOUNO"


def test_petrarch_codes_with_alternatives_and_spaced_dates(tmp_path, nlp):
    kb = _dictionary(tmp_path, "JANE_ROE_\n\t[USAELI/USAGOV]\n\t[GBRGOV > 970502]\n"
                               "HOBART_EXAMPLE_\n\t[AUSGOV < 950601]\n\t[AUSELI]\n")
    assert mention_actor(run(kb, "Jane Roe spoke.", "1990-01-01"), "Jane Roe").code == "USAELI"
    assert mention_actor(run(kb, "Jane Roe spoke.", "1999-01-01"), "Jane Roe").code == "GBRGOV"
    assert mention_actor(run(kb, "Hobart Example spoke.", "1994-01-01"), "Hobart Example").code == "AUSGOV"
    assert mention_actor(run(kb, "Hobart Example spoke.", "1996-01-01"), "Hobart Example").code == "AUSELI"


def test_petrarch_two_digit_years_and_the_phoenix_quirks(tmp_path):
    from whodid.knowledge import petrarch_actors as pa

    d = pa.parse("OLD_TIMER_\n\t[GBRELI 550101-000101]\n"  # 1955 to 2000: 00-30 are 20YY, else 19YY
                 "ODD_DATES_\n\t[ARMUNR 9008223-911221]\n"  # seven digits: YYMMDD and a stray digit
                 "\t[EGYGOV 20121207-20120802]\n"  # ends before it starts: skipped with a warning
                 "\t[MNEGOV 20121204]\n"  # a date with no < > or -: the default code
                 "U.N._\nUN_SECRETARY_GENERAL\n+UNSG\n\t[IGOUNO]\n", "t.txt")
    old, odd, un, sg = d.entries
    assert old.codes == [("GBRELI", "1955-01-01", "2000-01-01")]
    assert odd.codes == [("ARMUNR", "1990-08-22", "1991-12-21"), ("MNEGOV", None, None)]
    assert len(d.warnings) == 2 and "t.txt:5" in d.warnings[0]
    assert un.codes == sg.codes == [("IGOUNO", None, None)]  # a codeless phrase takes the next codes


def test_petrarch_user_entries_take_precedence(tmp_path, nlp):
    kb = _dictionary(tmp_path, "RUSSIA_ [RUSGOV]\nVLADIMIR_PUTIN_ [RUSELI]\n")
    a = run(kb, "Russia annexed Crimea. Vladimir Putin spoke.", "2022-06-01")
    assert mention_actor(a, "Russia").code == "RUSGOV"
    assert mention_actor(a, "Vladimir Putin").code == "RUSELI"
    assert run(load_kb(), "Vladimir Putin spoke.").actors[0].code == "RUSGOV"  # the built-in KB is untouched


def test_petrarch_agents_dictionary(tmp_path, nlp):
    kb = _dictionary(tmp_path, "!MINDER! = KEEPER, KEEPERS\nBEE!MINDER! [~AGR]\nWARDEN [~COP]\n", "my.agents.txt")
    a = run(kb, "Angry beekeepers blocked the road in Lyon, France.")
    keepers = mention_actor(a, "beekeepers") or mention_actor(a, "Angry beekeepers")
    assert keepers is not None and keepers.sector == "AGR"


@pytest.mark.parametrize("content, line, problem", [
    ("NAME_ [RUSGOV > soon]\n", 1, "date restriction"),
    ("NAME_ []\n", 1, "empty code"),
    ("NAME_ [RUS GOV]\n", 1, "date restriction"),
    ("NAME_ [R$S]\n", 1, "not an actor code"),
    ("NAME_ [RUSGOV 1201-1301]\n", 1, "too short"),
])
def test_petrarch_refusals_say_what_is_wrong(tmp_path, content, line, problem):
    f = tmp_path / "bad.txt"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KBFormatError) as err:
        import_petrarch(f)
    assert err.value.line == line and str(f) in str(err.value) and problem in str(err.value)


def test_the_phoenix_dictionaries_load_unchanged():
    from pathlib import Path

    from whodid.knowledge import petrarch_actors as pa

    folder = Path(__file__).resolve().parents[1] / "data" / "kb-sources" / "petrarch2"
    counts = {}
    for name in ("Countries", "International", "MilNonState"):
        d = pa.read(folder / f"Phoenix.{name}.actors.txt")
        counts[name] = len(d.entries)
        assert len(d.warnings) <= 5  # the files' few typos, each skipped as PETRARCH skips it
    assert counts["Countries"] > 18000 and counts["International"] > 7000 and counts["MilNonState"] > 1000


def test_the_built_in_kb_has_dated_roles_of_every_country():
    kb = load_kb()
    dated = {r.country for p in kb.people for r in p.roles if r.country and r.start and r.start < "2000"}
    assert len(dated) > 180
    blair = kb.show("Tony Blair", "2005-02-01")[0]
    assert blair["code"] == "GBRGOV" and blair["wikidata"] == "Q9545"  # one person, roles from both sources
    assert len([x for x in kb.show("Tony Blair") if x["type"] == "person"]) == 1
    # a minister of 1990s Chad, known from the Phoenix dictionaries only
    assert any(r.country == "TCD" and r.start and r.start < "2000" for p in kb.people if p.id.startswith("phoenix:")
               for r in p.roles)
