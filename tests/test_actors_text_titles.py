"""A person the knowledge base does not know is what the text's words say he is, wherever they
say it: a later title that names his country, a hyphened title ("vice-president"), a relative
clause with "be" ("who is a chief sports officer in the Ministry of Sport"), and a Spanish name
given in full before its short form (act-fresh16 round). Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2022-07-27")


def _code(analysis, name):
    return next(a.code for a in analysis.actors if a.name == name)


def test_a_later_title_naming_the_country_beats_the_article_s_country(analyze):
    a = analyze("Ukraine's Volodymyr Zelensky called President Rodrigo Chaves. Ukraine wants help. "
                "Ukraine is at war. Ukraine needs weapons. President Chaves expressed his support for Ukraine. "
                "Ukraine thanked him, said Costa Rican President Rodrigo Chaves.")
    assert _code(a, "Rodrigo Chaves") == "CRIGOV"
    assert codes(a, found(a, "SUPPORT", "support").actor) == ["CRIGOV"]


def test_a_spanish_name_without_its_second_surname_is_the_same_person(analyze):
    a = analyze("President Julio Barrantes Solano met the Nicaraguan foreign minister on Monday. "
                "On Tuesday, Julio Barrantes criticised the Nicaraguan police.")
    people = [x for x in a.actors if x.kind == "person" and "Barrantes" in x.name]
    assert len(people) == 1
    assert "Julio Barrantes" in {m.text for m in people[0].mentions}
    assert found(a, "ACCUSE").actor == [people[0].id]


def test_a_hyphened_title_in_apposition_gives_the_sector(analyze):
    a = analyze("MANAGUA - Two Nicaraguan priests accused the vice-president, Rosario Murillo, of satanic "
                "practices. Nicaragua expelled them.")
    assert _code(a, "Rosario Murillo") == "NICGOV"
    assert codes(a, found(a, "ACCUSE").recipient) == ["NICGOV"]


def test_a_relative_clause_with_be_gives_the_office(analyze):
    a = analyze("WINDHOEK - Athletics coach Letu Hamhola, who is also a chief sports officer in the Namibian "
                "Ministry of Sport, accused the Namibian Olympic committee of racism.")
    assert _code(a, "Letu Hamhola") == "NAMGOV"
    assert codes(a, found(a, "ACCUSE").actor) == ["NAMGOV"]


def test_a_town_named_with_its_province_is_in_the_province_s_country(analyze):
    # "San Francisco, Veraguas": Panama's, not the bigger Californian namesake's, so the
    # minister the text gives no country is Panama's
    a = analyze("The Minister of the Environment, Milciades Concepción, rejected a mining project in "
                "San Francisco, Veraguas. Residents of San Francisco, Veraguas, had protested against the mine.")
    assert _code(a, "Milciades Concepción") == "PANGOV"
