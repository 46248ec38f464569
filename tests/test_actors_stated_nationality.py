"""A person the knowledge base does not know is of the country the words around the name state
(a demonym in the title before it, in an apposition, in the noun it is in apposition to, or an
of-phrase naming a country), not of the article's country, which is only a guess
(act-nations15 round; ``whodid.actors.nationality``). Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2022-07-27")


def _code(analysis, name):
    return next(a.code for a in analysis.actors if a.name == name)


SOUTH_AFRICA = ("JOHANNESBURG - South African police said on Monday that crime in Johannesburg had risen. "
                "Last week a Johannesburg court sentenced Tendai Moyo, a 30-year-old Zimbabwean national, to "
                "life imprisonment. Moyo was convicted of rape. The South African government said it would "
                "hire more police officers.")


def test_a_demonym_in_the_apposition_gives_the_country(analyze):
    a = analyze(SOUTH_AFRICA)
    assert _code(a, "Tendai Moyo") == "ZWECVL"
    assert "ZWECVL" in codes(a, found(a, "SANCTION", "sentenced").recipient)


def test_a_court_that_tries_a_foreigner_is_of_the_story_s_country(analyze):
    # "Moyo was convicted": the implied court is South Africa's, not the Zimbabwean's own
    a = analyze(SOUTH_AFRICA)
    assert {c for e in a.events if e.type == "SANCTION" for c in codes(a, e.actor)} == {"ZAFJUD"}


def test_a_demonym_in_the_title_before_the_name_gives_the_country(analyze):
    a = analyze("CAIRO - U.S. Special Envoy to the Horn of Africa Ambassador Peter Hollis met with Egyptian "
                "Foreign Minister Sameh Shoukry in Cairo on Monday. Egypt and Egyptian officials said the "
                "talks in Egypt were useful for Egypt.")
    assert _code(a, "Peter Hollis") == "USAGOV"
    assert "USAGOV" in codes(a, found(a, "CONSULT", "met").actor + found(a, "CONSULT", "met").recipient)


def test_a_demonym_noun_the_name_is_in_apposition_to_gives_the_country(analyze):
    a = analyze("Ethiopian troops captured an American geologist, Lewis Hartley, near Adwa. Ethiopia and "
                "Ethiopian officials later released him.")
    assert _code(a, "Lewis Hartley").startswith("USA")


def test_the_country_of_an_of_phrase_after_the_name(analyze):
    a = analyze("British ministers met in London. Ahmed Saleh of Yemen paid for the British minister's "
                "flight to London, the British government said.")
    assert _code(a, "Ahmed Saleh").startswith("YEM")


def test_a_prefixed_demonym_or_a_demonym_in_a_body_s_name_says_nothing(analyze):
    # guards: "pro-Russian" is a stance, "Organization of American States" a body's name
    a = analyze("KYIV - Ukrainian police arrested pro-Russian activist Ivan Tkachenko in Kharkiv on Monday, "
                "the Ukrainian government said. Ukraine's officials said Ukraine would try him.")
    assert _code(a, "Ivan Tkachenko").startswith("UKR")
    a = analyze("TEGUCIGALPA - Honduran officials met in Tegucigalpa. Organization of American States "
                "Secretary General Rafael Montes said Honduras could fight corruption, the Honduran "
                "government said.")
    assert not _code(a, "Rafael Montes").startswith("USA")
