"""An aimed act (a charge, a refusal, backing, a threat, coercion) the coder and the conventions
leave with no recipient (``events.filters.aimed``, branch ev-aimed12): the party named in what its
trigger governs is its recipient; with another party named in the sentence and none in that
relation, it is no event the guidelines code. Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import codes, found, kinds


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Ireland declined the invitation of the European Union.", "declined", ["IGOEUREEC"]),
    ("The Kenyan president rejected a junior post in the Ugandan government.", "rejected", ["UGAGOV"]),
])
def test_the_party_in_what_is_refused_is_its_recipient(analyze, text, trigger, recipient):
    a = analyze(text)
    assert codes(a, found(a, "REJECT", trigger).recipient) == recipient


def test_a_refusal_naming_no_other_party_stays_with_no_recipient(analyze):
    # the guidelines leave the recipient empty when the text names no one: no guess, no drop
    a = analyze("Russia vetoed the resolution.")
    assert found(a, "REJECT", "vetoed").recipient == []


def test_a_denial_beside_others_named_in_no_relation_to_it_is_no_event(analyze):
    # "denied there was any rift": a denial answering no one the sentence ties to it (a rumour's
    # denial, the guidelines: no event); the act told beside it stays
    a = analyze("Germany denied there was any rift and said Chancellor Scholz would meet President Macron next week.")
    assert not [t for t, w in kinds(a) if t == "REJECT"]
    b = analyze("Prime Minister Kishida denied there was a split, and Seoul welcomed the decision.")
    assert ("SUPPORT", "welcomed") in kinds(b) and not [t for t, w in kinds(b) if t == "REJECT"]


def test_the_party_a_denied_clause_names_is_not_whom_the_denial_answers(analyze):
    # what is denied names who is said to have acted, not who said it
    a = analyze("Germany denied that Poland had closed the border.")
    assert not [e for e in a.events if e.type == "REJECT" and codes(a, e.recipient) == ["POL"]]


def test_a_refusal_after_a_sentence_naming_another_party_is_no_event_with_no_one(analyze):
    # the guidelines leave the recipient empty only when the sentence and its immediate context
    # name no one: with another country's officials named just before, a refusal aimed at no one is
    # misread; with only the refuser's own side named before, it stays
    a = analyze("Turkish officials visited Athens on Sunday. On Monday, the Greek prime minister rejected the plan.")
    assert ("CONSULT", "visited") in kinds(a) and not [t for t, w in kinds(a) if t == "REJECT"]
    b = analyze("Greek officials met in Athens on Sunday. On Monday, the Greek prime minister rejected the plan.")
    assert found(b, "REJECT", "rejected").recipient == []


def test_a_threat_to_strike_back_is_aimed_at_whoever_struck(analyze):
    # a retaliation answers the blow told just before (the other party of the sentence)
    a = analyze("Russian forces attacked Kharkiv overnight, and Ukraine threatened to strike back.")
    assert codes(a, found(a, "THREATEN", "threatened").recipient) == ["RUSMIL"]
    b = analyze("Russian forces attacked Kharkiv overnight, and Ukraine threatened to strike.")
    assert not [e for e in b.events if e.type == "THREATEN" and e.recipient]


def test_the_party_an_act_of_purpose_is_aimed_at_is_its_recipient(analyze):
    # "to stop Greece" is what the threat is for, not another act told beside it
    a = analyze("Turkey threatened sanctions to stop Greece.")
    assert codes(a, found(a, "THREATEN", "threatened").recipient) == ["GRC"]
