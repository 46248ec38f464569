"""Roles the text implies rather than names (docs/event-roles.md, "Roles implied and
misread"): whom a rebuttal answers, who executes, who suffers an act. Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


STORY = "Kenyan opposition leader Raila Odinga spoke to reporters in Nairobi on Monday. "


@pytest.mark.parametrize("text, trigger", [
    ("The Kenyan finance minister denied he was hiding the debt figures.", "denied"),
    ("The Kenyan finance minister denied hiding the debt figures.", "denied"),
    ("The Kenyan finance minister dismissed the talk of a split in the cabinet.", "dismissed"),
])
def test_a_rebuttal_answers_someone_of_the_rebutters_country(analyze, text, trigger):
    # whoever made the charge is left to the story, which tells of other Kenyan parties:
    # someone of the minister's own country, marked inferred
    a = analyze(STORY + text)
    e = found(a, "REJECT", trigger)
    assert codes(a, e.recipient) == ["KEN"] and "recipient" in e.inferred
    # a denial alone in its text gets no guess
    b = analyze(text)
    assert found(b, "REJECT", trigger).recipient == []


def test_a_denied_rumour_is_still_no_event(analyze):
    a = analyze("The Kenyan finance minister denied reports that he would resign.")
    assert not [e for e in a.events if e.type == "REJECT"]


def test_an_execution_with_no_executioner_named_is_the_states(analyze):
    # "by hanging" says how, not by whom
    a = analyze("Three Iranian protesters have been executed by hanging in Tehran.")
    e = found(a, "ASSAULT", "executed")
    assert codes(a, e.actor) == ["IRNGOV"] and "actor" in e.inferred


def test_who_suffers_an_act_is_its_recipient(analyze):
    a = analyze("Bishop Juan Perez of Managua said he suffered persecution by the Nicaraguan police.")
    e = found(a, "COERCE", "persecution")
    assert codes(a, e.actor) == ["NICCOP"] and codes(a, e.recipient) == ["NICCHR"]


def test_the_one_said_to_be_an_acts_victim_is_its_recipient(analyze):
    a = analyze("Nicaraguan opposition leader Juan Perez said he is a victim of police persecution.")
    e = found(a, "COERCE", "persecution")
    assert codes(a, e.recipient) == ["NICOPP"]


def test_people_modifying_a_harm_noun_are_the_harmed_not_the_harmers(analyze):
    # "voter intimidation" is done to voters (by no one named); "police persecution" by police
    a = analyze("Ugandan police carried out voter intimidation in Kampala.")
    e = found(a, "COERCE", "intimidation")
    assert codes(a, e.actor) == ["UGACOP"] and codes(a, e.recipient) == ["UGACVL"]


def test_criticism_of_an_attack_is_aimed_at_the_attacker(analyze):
    # the closing quotation mark makes the parser hang "by Russia against Ukraine" on the verb
    a = analyze('Japanese Prime Minister Fumio Kishida said he and his guests "condemn the brutal attacks" '
                'by Russia against Ukraine.')
    e = found(a, "ACCUSE", "condemn")
    assert codes(a, e.recipient)[0].startswith("RUS")


def test_a_motion_asks_the_legislature_of_the_movers_country(analyze):
    a = analyze("Indian parliamentary affairs minister Pralhad Joshi moved a motion to suspend four MPs.")
    e = found(a, "REQUEST", "motion")
    assert codes(a, e.recipient) == ["INDLEG"] and "recipient" in e.inferred


def test_a_legislators_concession_is_to_the_government(analyze):
    a = analyze("British Prime Minister Tony Blair spoke in London on Monday. "
                "The Labour MP for Hull admitted the reform was needed.")
    e = found(a, "CONCEDE", "admitted")
    assert codes(a, e.recipient) == ["GBRGOV"]


def test_an_example_of_what_the_subject_did_is_the_subjects_act(analyze):
    # "such as freezing" hangs on the object "measures": the freezing is Japan's
    a = analyze("Japan has imposed tough measures, such as freezing the assets of Russian President "
                "Vladimir Putin.")
    e = found(a, "SANCTION", "freezing")
    assert codes(a, e.actor) == ["JPN"] and codes(a, e.recipient) == ["RUSGOV"]


def test_the_place_of_a_thing_opposed_is_not_whom_it_is_opposed_by(analyze):
    # "the war in Iraq" is no Iraqi party; the campaigners' criticism is of their own government
    a = analyze("British peace campaigners opposed the war in Iraq.")
    e = found(a, "ACCUSE", "opposed")
    assert not [c for c in codes(a, e.recipient) if c.startswith("IRQ")]
    # people in a place are of it
    b = analyze("Security forces in Guinea arrested four opposition leaders.")
    assert codes(b, found(b, "COERCE", "arrested").actor)[0].startswith("GIN")
