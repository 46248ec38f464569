"""Trigger words filled in from the field's resources (PETRARCH2's CAMEO verb dictionary,
coded in PLOVER through the CAMEO to PLOVER table): each sense fires with its parties, and
the word's other senses beside it stay no event."""

from __future__ import annotations

import pytest
from helpers import codes, kinds

from whodid.model import Analysis


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def types(a: Analysis) -> list[str]:
    return [t for t, _ in kinds(a)]


def test_closing_press_outlets_is_censorship_and_closing_a_deal_is_not(analyze):
    # CAMEO.2.0.txt, CLOSE: "* TELEVISION", "* RADIO", "* {TELEVISION STATION}" [1721]
    a = analyze("The Nicaraguan government closed two Catholic television channels.")
    assert "COERCE" in types(a)
    assert "COERCE" not in types(analyze("The Nicaraguan government closed the deal with the Russian firm."))
    assert "COERCE" not in types(analyze("The Nicaraguan government closed the border crossing for the holiday."))


def test_travelling_to_a_country_is_a_visit_and_to_the_coast_is_not(analyze):
    # CAMEO.2.0.txt, GO_SOMEWHERE: "* (TO $)" [042]: a visit (PLOVER CONSULT, visit)
    a = analyze("The Brazilian president travelled to China on Monday.")
    e = next(e for e in a.events if e.type == "CONSULT")
    assert codes(a, e.actor) == ["BRAGOV"] and codes(a, e.recipient) == ["CHN"]
    assert "CONSULT" not in types(analyze("The Brazilian president travelled to the coast on Monday."))


def test_a_war_waged_by_a_named_party_is_an_assault_and_a_war_named_by_its_place_background(analyze):
    a = analyze("Russia's war in Ukraine entered its second year on Friday.")
    e = next(e for e in a.events if e.type == "ASSAULT")
    assert codes(a, e.actor) == ["RUS"] and codes(a, e.recipient) == ["UKR"]
    assert "ASSAULT" not in types(analyze("The Iraq war cost the British taxpayer billions, the Liberal Democrats said."))
    assert "ASSAULT" not in types(analyze("The war against Iraq was a mistake, the Liberal Democrats said."))
