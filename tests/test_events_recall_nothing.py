"""Gold events with nothing emitted in their sentences (issue 15, recall, eighth pass): esteem,
disapproval and insults in PETRARCH2's verb dictionary, seeing something as a pejorative, a
protest by a crowd named by a common noun, the one asked in a for-to clause, and an
object-control infinitive the parser hangs as a purpose clause. Actors are built by hand, so
only the events stage is tested (sentence in, event out, and a guard that stays uncoded)."""

from __future__ import annotations

import pytest
from helpers import hand_coder, word_mentions
from test_events_recall import brief

from whodid.model import Actor


@pytest.fixture(scope="module")
def code_groups(nlp):
    """``code_groups(text, groups)``: the events of ``text`` whose actors are groups the text names
    only by a common noun ("villagers"), with the country the actors stage infers from the article."""
    run = hand_coder(nlp)
    return lambda text, groups: run(text, [
        Actor(id=aid, name=word, kind="group", country=c[:3], sector=c[3:] or None, inferred=["country"],
              mentions=word_mentions(text, word, how="nominal"))
        for word, (aid, c) in groups.items()])


def test_a_party_respected_or_appreciated_is_supported(hand_code):
    events = hand_code("The faction respected Gen Prawit.", {"faction": ("F", "THALEG"), "Prawit": ("P", "THAGOV")})
    assert brief(events) == [("SUPPORT", ["F"], ["P"])]
    events = hand_code("The minister appreciated the efforts of the border guards.",
                       {"minister": ("M", "IRNGOV"), "border guards": ("B", "IRNPOL")})
    assert brief(events) == [("SUPPORT", ["M"], ["B"])]


def test_respecting_the_law_supports_no_one(hand_code):
    assert hand_code("The minister said the government respected the law.",
                     {"minister": ("M", "IRNGOV"), "government": ("G", "IRNGOV")}) == []


def test_disapproval_voiced_is_an_accusation(hand_code):
    events = hand_code("The union voiced frustration with the government over pensions.",
                       {"union": ("U", "GBRLAB"), "government": ("G", "GBRGOV")})
    assert [(e.type, e.mode, e.actor, e.recipient) for e in events] == [("ACCUSE", "disapprove", ["U"], ["G"])]


def test_fear_expressed_blames_no_one(hand_code):
    assert hand_code("The minister expressed fear of new attacks.", {"minister": ("M", "GBRGOV")}) == []


def test_abuse_hurled_at_the_police_is_an_accusation(hand_code):
    events = hand_code("The officer said that Habiba started hurling abuses towards the police.",
                       {"Habiba": ("H", "BGDELI"), "police": ("P", "BGDCOP")})
    assert brief(events) == [("ACCUSE", ["H"], ["P"])]


def test_stones_hurled_are_no_accusation(hand_code):
    events = hand_code("Protesters hurled stones at the police.", {"Protesters": ("X", "BGDCVL"), "police": ("P", "BGDCOP")})
    assert all(e.type != "ACCUSE" for e in events)


def test_a_decision_seen_as_a_setback_is_criticised(hand_code):
    events = hand_code("Human rights groups see Mr Jonathan's decision as a large setback for Nigeria.",
                       {"groups": ("H", "NGAHRI"), "Jonathan": ("J", "NGAGOV")})
    assert brief(events) == [("ACCUSE", ["H"], ["J"])]


def test_a_visit_seen_as_an_opportunity_is_no_criticism(hand_code):
    events = hand_code("Human rights groups see Mr Jonathan's visit as an opportunity for Nigeria.",
                       {"groups": ("H", "NGAHRI"), "Jonathan": ("J", "NGAGOV")})
    assert all(e.type != "ACCUSE" for e in events)


def test_villagers_demonstrating_protest(code_groups):
    events = code_groups("Several hundred villagers demonstrated in front of the police station.",
                    {"villagers": ("V", "BGDCVL")})
    assert [(e.type, e.actor) for e in events] == [("PROTEST", ["V"])]


def test_villagers_rallying_support_do_not_protest(code_groups):
    assert code_groups("Villagers rallied support for the school.", {"Villagers": ("V", "BGDCVL")}) == []


def test_villagers_gathering_at_a_market_do_not_protest(code_groups):
    assert code_groups("Villagers gathered at the market on Sunday.", {"Villagers": ("V", "BGDCVL")}) == []


def test_the_one_asked_in_a_for_to_clause_is_the_recipient(hand_code):
    events = hand_code("And many on the Tory benches have been crying out for Mr Howard to get back onto the old tax cuts agenda.",
                       {"Tory": ("T", "GBROPP"), "Howard": ("H", "GBROPP")})
    assert brief(events) == [("REQUEST", ["T"], ["H"])]


def test_lawmakers_directed_to_avoid_travelling_are_asked_to(hand_code):
    # (the parser hangs "to avoid ..." on the verb as a purpose clause here)
    events = hand_code("The party chief also directed the party's lawmakers of Punjab Assembly to avoid unnecessary "
                       "travelling within the country and stay in Lahore.",
                       {"chief": ("C", "PAKOPP"), "lawmakers of Punjab Assembly": ("L", "PAKLEG")})
    assert brief(events) == [("REQUEST", ["C"], ["L"])]


def test_funds_directed_to_a_purpose_are_no_request(hand_code):
    assert hand_code("The ministry directed funds to build new schools.", {"ministry": ("M", "PAKGOV")}) == []
