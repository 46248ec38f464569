"""Negation on whole articles: a "not" is its own verb's (and its auxiliary's), not the whole
sentence's (issue 15, the modality part). Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from whodid.model import Analysis


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def modalities(a: Analysis) -> list[tuple[str, str]]:
    return [(e.type, e.modality) for e in a.events]


# a conjoined verb in a tense of its own does not share the first verb's "not"
def test_a_conjunct_with_a_tense_of_its_own_is_not_negated(analyze):
    a = analyze("The Kenyan government did not arrest the protesters and asked the Ugandan government "
                "to extradite the governor.")
    assert modalities(a) == [("COERCE", "negated"), ("REQUEST", "asserted")]
    a = analyze("The Kenyan president would not respond to the claims and promised to help the Ugandan refugees.")
    assert modalities(a) == [("AGREE", "future")]


def test_a_conjunct_sharing_the_auxiliary_shares_its_not(analyze):
    a = analyze("The Kenyan government would not arrest the protesters or ask the Ugandan government "
                "to extradite the governor.")
    assert ("REQUEST", "negated") in modalities(a)


# "not just", "not only": adding, not denying
def test_not_just_is_no_negation(analyze):
    a = analyze("Kenyan police are not just arresting protesters in Nairobi, they are beating them.")
    assert ("COERCE", "asserted") in modalities(a)


# an act its owner has made ("their threat") is made, whatever is denied of it
def test_a_possessed_act_is_not_negated_by_its_verb(analyze):
    a = analyze("The Kenyan opposition decided not to carry out its threat to boycott parliament.")
    assert modalities(a) == [("THREATEN", "asserted")]
    a = analyze("The Kenyan opposition decided not to carry out a boycott of parliament.")
    assert modalities(a) == [("PROTEST", "negated")]


# negative inversion: "Nor did ...", "Neither has ..."
def test_a_negative_inversion_negates(analyze):
    a = analyze("Nor did Kenya join the Western sanctions on Russia.")
    assert modalities(a) == [("SANCTION", "negated")]
    a = analyze("Kenya joined the Western sanctions on Russia.")
    assert modalities(a) == [("SANCTION", "asserted")]


# a meeting noun in the complement of a scheduled or planned act, or the object of a plan, is
# planned: a future meeting is AGREE (PLOVER; the news-events guidelines), not a meeting held
# (branch ev-false16)
def test_talks_one_is_due_to_take_part_in_are_a_future_meeting(analyze):
    a = analyze("The Kenyan foreign minister is due to take part in talks with the Ugandan government on Friday.")
    assert ("AGREE", "future") in modalities(a)
    assert all(t != "CONSULT" for t, _ in modalities(a))
    a = analyze("The Kenyan foreign minister took part in talks with the Ugandan government on Friday.")
    assert ("CONSULT", "asserted") in modalities(a)


def test_the_plan_for_a_visit_is_a_future_meeting(analyze):
    a = analyze("Critics have attacked the plan for President Ruto's visit to Uganda.")
    assert [(e.type, e.modality) for e in a.events if e.trigger.text == "visit"] == [("AGREE", "future")]
