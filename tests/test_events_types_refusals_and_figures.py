"""Event types on whole articles, the confusions (issue 15, branch ev-types10): a refusal told as
what one cannot do, a demanded act parsed as an adverbial clause, and words of violence or
retreat in a figurative sense. Made-up sentences, one rule each, with a guard."""

from __future__ import annotations

import pytest
from helpers import kinds



@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


# news-events guidelines: "X urged Y to withdraw" is REQUEST X->Y (not RETREAT); the parser often
# hangs the infinitive on "called on" as an adverbial clause
def test_a_call_on_someone_to_quit_is_the_request_only(analyze):
    a = analyze("A spokesman for UKIP called on Mr Hockney to quit the London Assembly.")
    assert [t for t, _ in kinds(a)] == ["REQUEST"]


def test_an_urged_withdrawal_stays_the_request(analyze):
    a = analyze("The Liberal Democrats urged the British government to withdraw its troops from Iraq.")
    assert [t for t, _ in kinds(a)] == ["REQUEST"]


# news-events guidelines: "refused to meet" is REJECT asserted, not a negated meeting; so is a
# cooperative act its actor says he cannot do
def test_a_cooperative_act_one_cannot_do_is_a_refusal(analyze):
    a = analyze("London Mayor Ken Livingstone said he could not sincerely say sorry to the Jewish community.")
    assert [(e.type, e.modality) for e in a.events] == [("REJECT", "asserted")]


def test_a_contracted_cannot_is_a_refusal_as_the_full_word_is(analyze):
    # the tokenizer splits "can't" into "ca" + "n't": the same refusal as "cannot"
    full = analyze("London Mayor Ken Livingstone said he cannot sincerely say sorry to the Jewish community.")
    short = analyze("London Mayor Ken Livingstone said he can't sincerely say sorry to the Jewish community.")
    assert [(e.type, e.modality) for e in short.events] == [(e.type, e.modality) for e in full.events] \
        == [("REJECT", "asserted")]


def test_a_meeting_that_may_not_happen_is_no_refusal(analyze):
    a = analyze("British Prime Minister Rishi Sunak said he may not meet French President Emmanuel Macron this week.")
    assert [(e.type, e.modality) for e in a.events] == [("CONSULT", "negated")]


def test_what_one_cannot_deliver_in_a_relative_clause_is_no_refusal(analyze):
    a = analyze("British Prime Minister Rishi Sunak said he will not promise Ukraine anything that he cannot deliver.")
    assert "REJECT" not in [t for t, _ in kinds(a)]


# PLOVER 2.0 RETREAT is material: withdrawing, releasing, disarming; a power given up is none
def test_a_veto_surrendered_is_no_retreat(analyze):
    a = analyze("The Conservatives say British Prime Minister Tony Blair is surrendering a key veto to the European Union.")
    assert "RETREAT" not in [t for t, _ in kinds(a)]


def test_weapons_surrendered_are_a_retreat(analyze):
    a = analyze("The Tamil Tigers surrendered their weapons to the Sri Lankan army.")
    assert kinds(a) == [("RETREAT", "surrendered")]


# "target" is an attack when weapons or fighters aim at someone; what a measure aims at, or
# people singled out for who they are, is no ASSAULT
def test_a_crackdown_targeting_firms_is_no_attack(analyze):
    a = analyze("Chinese brands sold more phones in India despite an Indian government crackdown targeting Chinese firms.")
    assert "ASSAULT" not in [t for t, _ in kinds(a)]


def test_people_targeted_for_their_identity_are_not_attacked(analyze):
    a = analyze("Rohingya refugees in India say they are being targeted for their religious identity.")
    assert "ASSAULT" not in [t for t, _ in kinds(a)]


@pytest.mark.parametrize("text", [
    "Russian missiles targeted the Ukrainian city of Kharkiv on Monday.",
    "Rohingya refugees say they were targeted by Myanmar soldiers.",
])
def test_an_armed_targeting_stays_an_attack(analyze, text):
    assert [t for t, _ in kinds(analyze(text))] == ["ASSAULT"]


# "does not rule out a return": a possibility kept open, no refusal of anything
def test_not_ruling_something_out_is_no_rejection(analyze):
    a = analyze("Former Conservative leader William Hague does not rule out a return to the front bench.")
    assert "REJECT" not in [t for t, _ in kinds(a)]


def test_ruling_something_out_is_a_rejection(analyze):
    a = analyze("The Argentine government ruled out a devaluation demanded by the IMF.")
    assert "REJECT" in [t for t, _ in kinds(a)]


# PLOVER 2.0 CONSULT is a meeting between parties; a meeting noun the sentence only points at (the
# object of to / of / against on a word that is no event, or a copula's predicate) tells none
@pytest.mark.parametrize("text", [
    "A threatening message from the Chinese embassy and Czech President Milos Zeman against his planned visit to "
    "Taiwan contributed to his death.",
    "Shadow chancellor George Osborne said: This was more talk from Gordon Brown.",
])
def test_a_meeting_only_referred_to_is_no_meeting(analyze, text):
    assert [t for t, _ in kinds(analyze(text)) if t in ("CONSULT", "AGREE")] == []


@pytest.mark.parametrize("text", [
    "Czech Senate President Milos Vystrcil's planned visit to Taiwan angered China.",
    "Iran and the European Union agreed to a new round of talks in Vienna.",
    "Ukraine and Russia held talks in Istanbul.",
])
def test_a_meeting_told_stays_a_meeting(analyze, text):
    assert [t for t, _ in kinds(analyze(text)) if t in ("CONSULT", "AGREE")] != []


# a phone call is CONSULT (mode phone); calling an election is no call to anyone
def test_calling_elections_is_no_phone_call(analyze):
    a = analyze("Bolivian President Evo Morales offered to call new elections.")
    assert [t for t, _ in kinds(a) if t in ("CONSULT", "AGREE")] == []


def test_calling_a_president_is_a_consultation(analyze):
    a = analyze("British Prime Minister Rishi Sunak called French President Emmanuel Macron on Tuesday.")
    assert [t for t, _ in kinds(a)] == ["CONSULT"]
