"""Sentences that tell two events: each is coded, with its own parties (issue #15, the misses in
sentences where another event was coded)."""

from __future__ import annotations

import pytest

from helpers import codes, found


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2005-03-01")


# ------------------------------------------- a passive clause with no subject of its own

@pytest.mark.parametrize("text", [
    "Five British detainees were questioned by British police before being released without charge.",
    "The former Honduran president will remain under house arrest in the United States, having been released on a bond.",
])
def test_a_release_told_in_a_passive_clause_is_done_to_the_main_clause_subject(analyze, text):
    a = analyze(text)
    e = found(a, "RETREAT")
    assert e.recipient and all(c[:3] in ("GBR", "HND") for c in codes(a, e.recipient))


def test_a_passive_clause_with_its_own_subject_is_not_read_as_controlled(analyze):
    # guard: "after the hostages were released" names its own patients
    a = analyze("The French government thanked the Malian army after the hostages were released.")
    assert [e.type for e in a.events if e.type == "RETREAT"] in ([], ["RETREAT"])
    for e in a.events:
        if e.type == "RETREAT":
            assert "FRAGOV" not in codes(a, e.recipient)


# ------------------------------------------- conjoined event nouns share the phrase after them

def test_conjoined_nouns_share_the_of_phrase_after_them(analyze):
    a = analyze("The inquiry led to the resignations and arrests of two Guatemalan ministers by the Guatemalan police.")
    e = found(a, "COERCE", "arrests")
    assert codes(a, e.recipient) == ["GTMGOV"]


def test_a_conjoined_noun_with_its_own_phrase_keeps_it(analyze):
    # guard: "the arrest of the mayor and the resignation of the governor" are two events, each
    # with its own party
    a = analyze("Mexican police announced the arrest of a Guatemalan activist and the expulsion of a Honduran reporter.")
    e = found(a, "COERCE", "arrest")
    assert all(c.startswith("GTM") for c in codes(a, e.recipient))


# ------------------------------------------- an allegation and the act alleged

def test_an_allegation_of_an_act_accuses_its_doer_and_codes_the_act(analyze):
    a = analyze("The Kenyan opposition leader has alleged of being tortured and jailed by Kenyan police.")
    accuse = found(a, "ACCUSE", "alleged")
    assert (codes(a, accuse.actor), codes(a, accuse.recipient)) == (["KENOPP"], ["KENCOP"])
    for trigger, type_ in (("tortured", "ASSAULT"), ("jailed", "COERCE")):
        e = found(a, type_, trigger)
        assert (codes(a, e.actor), codes(a, e.recipient)) == (["KENCOP"], ["KENOPP"])


def test_an_allegation_with_no_act_and_no_one_accused_stays_uncoded(analyze):
    # guard: "alleged that the election was rigged" names no one accused
    a = analyze("Kenyan opposition leaders alleged that the election was rigged.")
    assert [e.type for e in a.events] == []


# ------------------------------------------- an unwilling party refuses

@pytest.mark.parametrize("text, trigger", [
    ("The Japanese government was reluctant to hold talks with Chinese officials.", "hold talks"),
    ("The Japanese prime minister is unwilling to meet the Chinese president.", "meet"),
])
def test_reluctance_to_meet_is_a_refusal(analyze, text, trigger):
    a = analyze(text)
    e = found(a, "REJECT", trigger)
    assert (codes(a, e.actor), codes(a, e.recipient)) == (["JPNGOV"], ["CHNGOV"])
    assert not [x for x in a.events if x.type in ("CONSULT", "AGREE")]


def test_willingness_to_meet_stays_an_offer(analyze):
    a = analyze("The Japanese government was willing to hold talks with Chinese officials.")
    assert [e.type for e in a.events] == ["AGREE"]


# ------------------------------------------- a meeting told with a verb in the future

def test_a_meeting_noun_under_a_future_verb_is_a_planned_meeting(analyze):
    # news-events guidelines: a future meeting is AGREE (future), per PLOVER
    a = analyze("The British prime minister said he would speak at a conference with the Palestinian president in March.")
    e = found(a, "AGREE", "conference")
    assert (codes(a, e.actor), codes(a, e.recipient), e.modality) == (["GBRGOV"], ["PSEGOV"], "future")


def test_a_meeting_noun_under_a_past_verb_is_a_meeting(analyze):
    a = analyze("The British prime minister spoke at a conference with the Palestinian president in March.")
    assert found(a, "CONSULT", "conference").modality == "asserted"


# ------------------------------------------- CAMEO's verb dictionary: GRILL [110], VANDALIZE [1712]

def test_a_grilling_by_legislators_is_disapproval_told_beside_the_resignation(analyze):
    a = analyze("The cabinet resigned following a marathon grilling of the Kuwaiti prime minister by three opposition lawmakers.")
    e = found(a, "ACCUSE", "grilling")
    assert (codes(a, e.actor), codes(a, e.recipient)) == (["KWTOPP"], ["KWTGOV"])
    assert found(a, "RETREAT", "resigned")


def test_grilling_food_is_no_event(analyze):
    assert analyze("The Kuwaiti minister grilled chicken for his guests.").events == []


def test_vandalizing_a_home_is_an_assault_on_its_owner(analyze):
    a = analyze("Violent groups vandalized the Bolivian president's home.")
    assert codes(a, found(a, "ASSAULT", "vandalized").recipient) == ["BOLGOV"]


def test_a_possessive_parsed_onto_the_next_noun_is_the_modifying_event_nouns_too(analyze):
    # "Russia's [invasion and war] crimes": the parser hangs the possessive on "crimes"
    a = analyze("Israel has not been very critical of Russia's invasion and war crimes in Ukraine.")
    e = found(a, "ASSAULT", "invasion")
    assert (codes(a, e.actor), codes(a, e.recipient)) == (["RUS"], ["UKR"])


# ------------------------------------------- the act someone arrested is suspected of

@pytest.mark.parametrize("text, type_, trigger, actor", [
    ("Turkish police arrested two Iranian citizens suspected of planning to assassinate Israeli diplomats.",
     "ASSAULT", "assassinate", ["IRNCVL"]),
    ("Kenyan police arrested a Somali man accused of attacking a Kenyan army base.", "ASSAULT", "attacking", ["SOMCVL"]),
])
def test_the_act_a_participle_says_someone_is_suspected_of_is_theirs(analyze, text, type_, trigger, actor):
    a = analyze(text)
    assert codes(a, found(a, type_, trigger).actor) == actor
    assert found(a, "COERCE", "arrested")  # the arrest is coded too


# ------------------------------------------- the same trigger, its PLOVER type

def test_intimidation_by_the_police_is_coercion_not_the_speakers_criticism(analyze):
    a = analyze("Pakistani opposition leader Imran Khan said people were intimidated by the Pakistani police.")
    e = found(a, "COERCE", "intimidated")
    assert (codes(a, e.actor), codes(a, e.recipient)) == (["PAKCOP"], ["PAKCVL"])


def test_being_intimidated_by_a_task_is_no_event(analyze):
    assert analyze("The Pakistani minister was intimidated by the size of the task.").events == []


# ------------------------------------------- the act someone is accused of or blamed for

def test_the_attack_a_party_is_blamed_for_is_that_partys(analyze):
    # news-events guidelines: "X accused Y of killing Z" is ACCUSE X->Y and Y's killing of Z
    a = analyze("The Kenyan president blamed Somali militants for the attack on the Kenyan army base.")
    accuse = found(a, "ACCUSE", "blamed")
    assault = found(a, "ASSAULT", "attack")
    assert codes(a, accuse.recipient) == codes(a, assault.actor) == ["SOMREB"]


def test_an_act_with_its_own_doer_keeps_it(analyze):
    # guard: "blamed the minister for the army's attack": the attack is the army's
    a = analyze("Somali leaders blamed the Kenyan president for the Ethiopian army's attack on Mogadishu.")
    assert codes(a, found(a, "ASSAULT", "attack").actor) == ["ETHMIL"]


# ------------------------------------------- what a party is said to need to do

def test_what_another_party_needs_to_do_is_the_speakers_demand(analyze):
    a = analyze("The Kenyan opposition leader said the Kenyan government needed to consult Somali officials.")
    e = found(a, "REQUEST", "consult")
    assert (codes(a, e.actor), codes(a, e.recipient)) == (["KENOPP"], ["KENGOV"])


def test_what_the_speaker_needs_to_do_is_no_demand(analyze):
    a = analyze("The Kenyan president said he needs to meet Somali officials.")
    assert [e.type for e in a.events if e.type == "REQUEST"] == []


def test_needing_a_party_to_act_is_asking_it_to(analyze):
    a = analyze("The Kenyan opposition needs the Kenyan parliament to summon the attorney general.")
    e = found(a, "REQUEST", "needs")
    assert (codes(a, e.actor), codes(a, e.recipient)) == (["KENOPP"], ["KENLEG"])
    assert analyze("Kenya needs more investment to grow.").events == []
