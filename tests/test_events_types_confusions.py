"""Event types on whole articles, the confusions (issue 15, branch ev-types8): the event is found
but was coded as another PLOVER type; the PLOVER 2.0 manual's definitions (and the news-events
conventions where they speak) decide. Made-up sentences, one rule each, with a guard."""

from __future__ import annotations

import pytest

from helpers import types_at


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


# PLOVER 2.0, PROTEST: "Diplomatic protests ... are coded as ACCUSE disapprove"
def test_an_officials_protest_is_an_accusation(analyze):
    a = analyze("The EU foreign policy coordinator Catherine Ashton today protested against the executions in Nigeria.")
    assert types_at(a, "protested") == ["ACCUSE"]
    a = analyze("Japan protested to China over the detention of its fishermen.")
    assert types_at(a, "protested") == ["ACCUSE"]


def test_a_crowds_protest_stays_a_protest(analyze):
    a = analyze("Thousands of Kenyan protesters protested against the new tax in Nairobi on Monday.")
    assert "ACCUSE" not in [e.type for e in a.events]
    assert "PROTEST" in [e.type for e in a.events]


# PLOVER 2.0, CONCEDE: future concessions "do not reduce to AGREE"; the news-events gold: "a
# planned lifting of sanctions is CONCEDE (future)"
def test_a_planned_lifting_of_an_embargo_is_a_concession(analyze):
    a = analyze("The European Union plans to lift its arms embargo on China.")
    assert [(e.type, e.modality) for e in a.events if e.trigger.text == "lift"] == [("CONCEDE", "future")]


def test_an_agreement_to_lift_an_embargo_stays_agree(analyze):
    a = analyze("The US Congress agreed to lift the embargo on Iran.")
    assert "AGREE" in [e.type for e in a.events]
    assert "CONCEDE" not in [e.type for e in a.events]


# PLOVER 2.0, REQUEST: "`change' includes calls for dismissal of officials"
def test_a_proposed_resignation_is_a_request(analyze):
    a = analyze("Panamanian opposition leader Ricardo Lombana proposed the immediate resignation of "
                "Panamanian Comptroller Gerardo Solis.")
    assert [e.type for e in a.events] == ["REQUEST"]


def test_a_resignation_announced_stays_a_retreat(analyze):
    a = analyze("Panamanian Comptroller Gerardo Solis announced his resignation on Monday.")
    assert "REQUEST" not in [e.type for e in a.events]


# PLOVER 2.0, AGREE: "indicate willingness ... to cooperate"; COOPERATE in the future is AGREE
def test_cooperation_looked_forward_to_is_agree(analyze):
    a = analyze("Tony Blair has said he looks forward to working with George Bush.")
    assert types_at(a, "working with") == ["AGREE"]
    a = analyze("Tony Blair has been working with George Bush on climate change.")
    assert types_at(a, "working with") == ["COOPERATE"]


# PLOVER 2.0, SANCTION discontinue: "terminate ... commercial exchanges"; not PROTEST obstruct
def test_blocking_trade_is_a_sanction_and_blocking_a_road_a_protest(analyze):
    a = analyze("Algeria continues to block trade with Spain.")
    assert types_at(a, "block") == ["SANCTION"]
    a = analyze("Nigerian protesters blocked the road to the airport in Lagos.")
    assert types_at(a, "blocked") == ["PROTEST"]


# news-events conventions: "an injunction against protesters is SANCTION"
def test_a_judges_ban_is_a_sanction(analyze):
    a = analyze("A Canadian judge issued an injunction in the case, banning Canadian protesters from "
                "obstructing the airstrip.")
    assert types_at(a, "banning") == ["SANCTION"]
    a = analyze("The Kenyan government banned the opposition party.")
    assert types_at(a, "banned") == ["COERCE"]


# PLOVER 2.0, AID: "grants, gifts"; the RETREAT release is of people
def test_a_building_handed_over_is_aid_and_suspects_handed_over_a_release(analyze):
    a = analyze("The hospital, which China handed over to the Kenyan government in May, has 300 beds.")
    assert types_at(a, "handed over") == ["AID"]
    a = analyze("Libya handed over the two suspects to Britain.")
    assert types_at(a, "handed over") == ["RETREAT"]


# PLOVER 2.0, AID is material aid: people sent somewhere are no aid
def test_a_person_sent_is_no_aid(analyze):
    a = analyze("The Bangladeshi police sent her to the court.")
    assert "AID" not in [e.type for e in a.events]
    a = analyze("The United States sent food and medicine to Haiti.")
    assert "AID" in [e.type for e in a.events]
