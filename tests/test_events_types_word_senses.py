"""Event types on whole articles, the thirteenth round's confusions (issue 15, branch ev-types14):
a trigger read in the wrong sense or the wrong tense, each rule with a guard that the sense it
replaces still holds where it should. Made-up sentences through the real pipeline."""

from __future__ import annotations

import pytest

from helpers import types_at


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


# British "co-" spellings are one word: the tokenizer no longer splits "co-ordinate" into three verbs
def test_co_ordinate_is_read_as_coordinate(nlp, analyze):
    doc = nlp("The union will co-ordinate any industrial action with six other unions.")
    assert [(t.text, t.lemma_) for t in doc if t.text.startswith("co")] == [("co-ordinate", "coordinate")]
    a = analyze("The Public and Commercial Services Union will co-ordinate any industrial action with the "
                "Fire Brigades Union.")
    assert types_at(a, "co-ordinate") == ["AGREE"]  # future cooperation: AGREE (PLOVER 2.0)


def test_co_operate_is_read_as_cooperate(analyze):
    a = analyze("The Kenyan government co-operated with the International Criminal Court last year.")
    assert types_at(a, "co-operated") == ["COOPERATE"]


# CAMEO's verb dictionary: BLOCK is [170] (coerce); only a road or traffic blocked is [144] (obstruct)
def test_a_party_blocked_from_acting_is_coerced(analyze):
    a = analyze("The Australian government blocked Clive Palmer from suing the state of Western Australia.")
    assert types_at(a, "blocked") == ["COERCE"]


def test_a_road_blocked_is_still_a_protest(analyze):
    a = analyze("Thousands of Chilean truckers blocked roads in the south to protest against the government.")
    assert "COERCE" not in [e.type for e in a.events]
    assert "PROTEST" in [e.type for e in a.events]


# an intent verb makes its complement an intent, not the verbs conjoined to it
def test_a_resignation_conjoined_to_an_expected_win_is_done(analyze):
    a = analyze("Neil Kinnock was not expected to win the 1987 election, but was bitterly disappointed to lose "
                "the next one in 1992 to John Major, and stepped down.")
    assert types_at(a, "stepped down") == ["RETREAT"]


def test_an_expected_resignation_is_still_announced(analyze):
    a = analyze("Tony Blair is expected to step down as prime minister next year.")
    assert types_at(a, "step down") == ["CONCEDE"]


# one calls a party, not a decision: "called the decision 'illegal and invalid'" is no phone call
def test_calling_a_decision_names_it_no_call(analyze):
    a = analyze("Beijing has called that 2016 decision by the Permanent Court of Arbitration in The Hague "
                "\u201cillegal and invalid\u201d.")
    assert "CONSULT" not in [e.type for e in a.events]
    a = analyze("Joe Biden called Vladimir Putin on Tuesday.")
    assert types_at(a, "called") == ["CONSULT"]


# resources poured into a region are money moved, not troops
def test_resources_poured_into_a_region_are_no_invasion(analyze):
    a = analyze("China has been pouring resources into South America, chipping away at US dominance.")
    assert "ASSAULT" not in [e.type for e in a.events]
    a = analyze("Russian troops poured into Ukraine on Thursday.")
    assert "ASSAULT" in [e.type for e in a.events]


# "rule out" is to exclude: no court ruling
def test_ruling_out_is_no_ruling(analyze):
    a = analyze("A spokesman for the Albanian embassy did not rule out that there had been an agreement between "
                "Albania and the United Kingdom.")
    assert "SANCTION" not in [e.type for e in a.events]
    a = analyze("The British Law Lords ruled that the detentions were illegal.")
    assert types_at(a, "ruled") == ["SANCTION"]


# an act a party is blocked from is prevented, not done
def test_an_act_blocked_is_no_event(analyze):
    a = analyze("The Australian government blocked Clive Palmer from suing the state of Western Australia.")
    assert [e.type for e in a.events] == ["COERCE"]


# a view owned up to is no concession; a fault owned up to still is
def test_admitting_a_view_is_no_concession(analyze):
    a = analyze("Saudi Arabia now openly admits that it views a normalization deal with Israel as strategic.")
    assert "CONCEDE" not in [e.type for e in a.events]
    a = analyze("The British Prime Minister Tony Blair admitted mistakes over the Iraq war.")
    assert types_at(a, "admitted") == ["CONCEDE"]


# an act asked to go on is what is asked: one REQUEST, no AID of its own
def test_urged_to_continue_assisting_is_one_request(analyze):
    a = analyze("The South African police minister urged community members to continue assisting the police "
                "in the fight against crime.")
    assert [e.type for e in a.events] == ["REQUEST"]


# a market's demand for goods is asked of no one
def test_demand_for_goods_is_no_request(analyze):
    a = analyze("Chinese demand for lithium was starting to increase, the Argentine government said.")
    assert "REQUEST" not in [e.type for e in a.events]
    a = analyze("The Chinese government renewed its demand for talks with Taiwan.")
    assert "REQUEST" in [e.type for e in a.events]


# coordinated verbs share an object only when the first has none of its own words: "consulted on
# the rules but made no changes" is a consultation of no one named (no meeting)
def test_a_consultation_on_rules_takes_no_object_from_the_next_verb(analyze):
    a = analyze("The New Zealand Education Ministry said it consulted on the rules for enrolments in 2019 but "
                "made no changes.")
    assert "CONSULT" not in [e.type for e in a.events]


# the knowledge base reads a "co-" name as the tokenizer now does: the OSCE is still found
def test_a_co_operation_name_is_still_known(analyze):
    a = analyze("The Organization for Security and Co-operation in Europe criticised Russia on Monday.")
    assert ("OSCE", "IGOEURSCE") in [(x.name, x.code) for x in a.actors]


# the sixteenth round (branch ev-false16): what the object of the trigger must be
def test_attending_a_school_is_no_meeting_and_attending_a_summit_is(analyze):
    assert analyze("The Kenyan minister's son will be attending a high school in Nairobi next year.").events == []
    assert types_at(analyze("The Kenyan minister will attend the summit in Kampala next week."), "attend") == ["AGREE"]


def test_meeting_a_duty_is_no_meeting(analyze):
    assert analyze("The Kenyan government cannot meet its duty of care to refugees.").events == []
    assert types_at(analyze("The Kenyan government refused to meet the Ugandan minister."), "refused") == ["REJECT"]


def test_an_admission_to_a_body_or_by_ones_own_admission_is_no_concession(analyze):
    a = analyze("Kenya asked Uganda for support to achieve its admission to the East African Community.")
    assert types_at(a, "admission") == []
    a = analyze("The Kenyan opposition, by its own admission, has worked with the Ugandan government.")
    assert types_at(a, "admission") == []
    a = analyze("The Kenyan minister's admission of guilt angered the opposition.")
    assert types_at(a, "admission") == ["CONCEDE"]
