"""Event types on whole articles: the PLOVER type a trigger gets in the words around it
(issue 15, the type part). Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from helpers import types_at


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


# an appeal *against* anything is a challenge of it (ACCUSE allege), not a request
def test_an_appeal_against_an_action_is_an_accusation(analyze):
    a = analyze("The Kenyan opposition party appealed against the police actions in Nairobi.")
    assert types_at(a, "appealed") == ["ACCUSE"]


def test_an_appeal_to_a_party_to_act_stays_a_request(analyze):
    a = analyze("The Kenyan opposition party appealed to the Kenyan government to release the prisoners.")
    assert types_at(a, "appealed") == ["REQUEST"]


# CAMEO 172: restrictions on people are COERCE restrict; embargoes stay SANCTION
def test_imposing_restrictions_is_coercion_and_an_embargo_a_sanction(analyze):
    a = analyze("The American government imposed visa restrictions on Nicaraguan judges.")
    assert types_at(a, "imposed") == ["COERCE"]
    a = analyze("The American government imposed an embargo on Cuba.")
    assert types_at(a, "imposed") == ["SANCTION"]


# a must/should before its subject is a condition (or a question), no demand of anyone
def test_an_inverted_should_is_a_condition_not_a_demand(analyze):
    a = analyze('The Kenyan opposition said: "We will protest should the Kenyan police refuse to act."')
    assert "REQUEST" not in [e.type for e in a.events]
    a = analyze('The Kenyan opposition said: "The Kenyan police should arrest the governor."')
    assert "REQUEST" in [e.type for e in a.events]


# "failed to arrest": the arrest did not happen
def test_a_failed_act_is_negated(analyze):
    a = analyze("The Kenyan police failed to arrest the Nairobi governor on Monday.")
    assert [(e.type, e.modality) for e in a.events] == [("COERCE", "negated")]


# attacking a party is criticising it; attacking a party's office is an assault
def test_attacking_a_party_is_criticism(analyze):
    a = analyze("Kenyan opposition leader Raila Odinga has been attacking the party he once led.")
    assert [e.type for e in a.events] == ["ACCUSE"]
    a = analyze("Gunmen attacked the party headquarters in Nairobi.")
    assert [e.type for e in a.events] == ["ASSAULT"]


# "fire both barrels at": words, not shots
def test_firing_both_barrels_is_no_assault(analyze):
    a = analyze("The British chancellor fired both barrels at the opposition parties in his budget speech.")
    assert "ASSAULT" not in [e.type for e in a.events]
    a = analyze("Syrian troops fired shells at the rebel town of Idlib.")
    assert "ASSAULT" in [e.type for e in a.events]


# "work towards lifting the ban": an aim, so an intended concession (AGREE, per PLOVER)
def test_working_towards_a_concession_is_an_intent(analyze):
    a = analyze("The European Union pledged to work towards lifting the embargo on China.")
    assert types_at(a, "lifting") == ["AGREE"]
