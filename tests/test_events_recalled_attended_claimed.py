"""Gold events with nothing emitted in their sentences, acts that are not speech (issue 15,
recall, branch ev-acts10): a past act the story recalls with a year of its own ("In 2010, he
was sentenced") is not a re-mention of the news it resembles; being at a meeting, or going to
it, is taking part in it ("Mr Blair is at a summit"); an act claimed as one's own ("claimed
responsibility for the attack") is the claimer's. Actors are built by hand, so only the events
stage is tested (sentence in, event out, and a guard that stays as it was)."""

from __future__ import annotations

from test_events_recall import brief


def test_a_sentence_the_story_recalls_from_an_earlier_year_is_another_sentence(hand_code):
    text = ("The High Court sentenced Chen to two years in prison on 5 June 2023. "
            "In 2010, Chen was sentenced to 20 years in jail for bribery.")
    events = hand_code(text, {"High Court": ("J", "TWNJUD"), "Chen": ("C", "TWNELI")})
    assert [(e.type, e.recipient) for e in events] == [("SANCTION", ["C"]), ("SANCTION", ["C"])]


def test_a_sentence_told_again_with_no_year_is_one_sentence(hand_code):
    text = ("The High Court sentenced Chen to two years in prison on 5 June 2023. "
            "Chen was sentenced for bribery, the court said.")
    events = hand_code(text, {"High Court": ("J", "TWNJUD"), "Chen": ("C", "TWNELI")})
    assert [(e.type, e.recipient) for e in events] == [("SANCTION", ["C"])]


def test_a_leader_at_a_summit_takes_part_in_it(hand_code):
    events = hand_code("Mr Blair is at a summit in Brussels, where Iraq is on the agenda.", {"Blair": ("B", "GBRGOV")})
    assert brief(events) == [("CONSULT", ["B"], [])]
    events = hand_code("The Foreign Secretary Jack Straw arrives in Indonesia for a special summit meeting on the disaster.",
                       {"Jack Straw": ("S", "GBRGOV")})
    assert brief(events) == [("CONSULT", ["S"], [])]


def test_a_rebate_up_for_negotiation_at_a_summit_is_no_meeting(hand_code):
    events = hand_code("The rebate is not up for renegotiation at next week's summit, Jack Straw said.",
                       {"Jack Straw": ("S", "GBRGOV")})
    assert [e for e in events if e.type == "CONSULT"] == []


def test_an_attack_claimed_is_the_claimers(hand_code):
    events = hand_code("On Monday the Arauco Malleco Coordinator claimed responsibility for an arson attack in Mulchen.",
                       {"Arauco Malleco Coordinator": ("CAM", "CHLINS")})
    assert [(e.type, e.actor) for e in events] == [("ASSAULT", ["CAM"])]


def test_responsibility_taken_for_delays_is_no_act(hand_code):
    assert hand_code("The minister took responsibility for the delays.", {"minister": ("M", "GBRGOV")}) == []


def test_a_suspect_freed_from_jail_is_released_not_aided(hand_code):
    events = hand_code("The Home Secretary freed the suspect from jail.", {"Home Secretary": ("H", "GBRGOV"), "suspect": ("S", "EGYCVL")})
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "release")]


def test_hostages_rescued_are_still_aided(hand_code):
    events = hand_code("The army rescued the hostages.", {"army": ("A", "NGAMIL"), "hostages": ("H", "NGACVL")})
    assert [e.type for e in events] == ["AID"]
