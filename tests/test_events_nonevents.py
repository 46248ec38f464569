"""Trigger words told in a construction that reports no act (``whodid.events.nonevents``): a
habit, an ability or a need, an act the sentence only judges, a kind of act to be ended, and a
word the verb dictionary would code in a sense the lexicon refused; each beside a sentence of
the same words that tells an act and stays coded."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def kinds(text: str, analyze) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in analyze(text).events]


def test_a_habit_is_no_event_and_the_same_act_told_once_is(analyze):
    assert ("ACCUSE", "accuses") not in kinds(
        "Iran often accuses its enemies, such as Israel and Saudi Arabia, of trying to destabilize the country.", analyze)
    assert ("ACCUSE", "accused") in kinds(
        "Iran on Monday accused Israel of trying to destabilize the country.", analyze)


def test_repeated_acts_are_no_habit(analyze):
    # "repeatedly": acts each told, not a habit
    assert "REQUEST" in [t for t, _ in kinds(
        "Germany and France have repeatedly called on China to lift the embargo.", analyze)]


def test_what_a_body_does_when_it_does_something_is_a_habit(analyze):
    assert ("CONSULT", "consults") not in kinds(
        "The New Zealand education ministry said it does that when it consults Maori communities.", analyze)


def test_a_readiness_to_fight_is_no_fighting_and_an_intention_to_resign_is_one(analyze):
    assert [t for t, _ in kinds(
        "Analysts said logistical gaps meant serious weaknesses in the Chinese army's readiness to fight.",
        analyze)] == []
    assert "CONCEDE" in [t for t, _ in kinds(
        "At a dinner, the British prime minister told Gordon Brown of his intention to stand down.", analyze)]


def test_an_act_the_sentence_judges_is_not_told_there(analyze):
    assert [t for t, _ in kinds("Israel's support for Ukraine has been lukewarm at best.", analyze)] == []
    assert "SUPPORT" in [t for t, _ in kinds("Israel supported Ukraine at the United Nations on Monday.", analyze)]


def test_a_kind_of_act_to_be_ended_is_none_told(analyze):
    assert "ASSAULT" not in [t for t, _ in kinds(
        "The Israeli prime minister said the Palestinians were not working to end terror attacks.", analyze)]
    assert "ASSAULT" in [t for t, _ in kinds(
        "Israeli troops attacked Palestinian militants in Jenin on Monday.", analyze)]


def test_a_word_whose_senses_all_fail_is_not_coded_from_the_verb_dictionary(analyze):
    # the lexicon's DEFEND backs a party defended, not one's own decision; PETRARCH's DEFEND
    # does not code it in its stead
    assert "SUPPORT" not in [t for t, _ in kinds(
        "The Thai prime minister also defended his decision to involve the National Security Council.", analyze)]
    assert "SUPPORT" in [t for t, _ in kinds(
        "The French president defended the German chancellor against her critics.", analyze)]


def test_a_stance_held_long_is_no_act_and_the_same_act_with_a_time_is(analyze):
    assert kinds("Gordon Brown has long opposed the euro.", analyze) == []
    assert ("ACCUSE", "opposed") in kinds("Gordon Brown opposed the euro in a speech on Monday.", analyze)


def test_what_a_people_holds_as_a_rule_is_no_act(analyze):
    # a plural present in a relative clause describes the people; the same demand told as done stays
    assert kinds("A corrupt family dictatorship intends to impose itself above the great majority of "
                 "Nicaraguans, who demand a democratic republic.", analyze) == []
    assert ("REQUEST", "demanded") in kinds("Thousands of Nicaraguans demanded a democratic republic on Monday.",
                                            analyze)
    # a group that acts as one demands what it demands
    assert ("REQUEST", "demand") in kinds(
        "Thousands of protesters, who demand the resignation of the president, marched in Colombo.", analyze)


def test_the_condition_of_a_warning_is_not_told_as_done(analyze):
    assert "RETREAT" not in [t for t, _ in kinds(
        "He warned that unless ministers backed down over the bill, the government would have great "
        "difficulty in getting it through Parliament.", analyze)]
    assert ("RETREAT", "backed down") in kinds("The ministers backed down over the bill on Monday.", analyze)


def test_an_act_held_out_for_is_demanded_of_its_doer(analyze):
    a = analyze("Opposition leader Luis Fernando Camacho said Bolivians would remain in the street until "
                "President Evo Morales stepped down.")
    assert [(e.type, e.modality) for e in a.events] == [("REQUEST", "asserted")]
    codes = {x.id: x.code for x in a.actors}
    assert [codes[i] for i in a.events[0].recipient] == ["BOLGOV"]
    # a past "until" tells when the act came, no demand
    assert "REQUEST" not in [t for t, _ in kinds(
        "Spain was the colonial power in Western Sahara until it was annexed by Morocco in 1975.", analyze)]


def test_the_voters_choice_is_no_event_and_a_chambers_is(analyze):
    assert kinds("Voters narrowly rejected Evo Morales' proposal in a referendum.", analyze) == []
    assert ("REJECT", "rejected") in kinds("The Senate narrowly rejected Morales' proposal.", analyze)


def test_business_among_businesses_is_no_event_and_a_firm_answering_a_state_is_kept(analyze):
    # the guidelines count a company only when it deals with a political actor
    assert kinds("Apple accused Samsung of copying the design of the iPhone.", analyze) == []
    assert kinds("Shell rejected the takeover offer from BP.", analyze) == []
    assert ("REJECT", "rejected") in kinds("Samsung rejected the accusation of the Indian government.", analyze)


# a state wished on someone, or said to be what they should be or feel, is no act demanded of
# them: a policy aim or an opinion (the lexicon's `states`; branch ev-false16)
def test_a_state_wished_on_people_is_no_request_and_an_act_wanted_of_a_party_is(analyze):
    assert "REQUEST" not in [t for t, _ in kinds(
        "The Kenyan interior minister wants young people to feel they belong.", analyze)]
    assert "REQUEST" not in [t for t, _ in kinds(
        "Kenyan teachers do not want their pupils to experience the same problems.", analyze)]
    assert ("REQUEST", "wants") in kinds(
        "The Kenyan interior minister wants the Ugandan government to extradite the governor.", analyze)


def test_what_people_should_remain_is_no_request_and_what_a_party_should_do_is(analyze):
    assert "REQUEST" not in [t for t, _ in kinds(
        "The Kenyan president said that children should remain with their families.", analyze)]
    assert ("REQUEST", "extradite") in kinds(
        "The Kenyan president said that the Ugandan government should extradite the governor.", analyze)
