"""Gold events with nothing emitted in their sentences (issue 15, recall, ninth pass): doers the
actors stage did not find (a lone surname the parser tags as a common noun or a place, a family
name that comes first, "It" for a body with a verb of statement), a demand told with "need to",
and an act of state announced in the passive by the authority that will do it. The sentences
are written for these tests."""

from __future__ import annotations


import pytest
from helpers import hand_coder, word_mentions
from test_actors_round5 import actor, analyse
from test_events_recall import brief

from whodid.model import Actor


def mentions(analysis, name):
    return [m.text for m in actor(analysis, name).mentions]


# ---------------------------------------------------------------- doers the actors stage finds


def test_a_lone_surname_at_the_head_of_a_sentence_is_the_named_person(actors_pipeline):
    # the parser tags "Raisi" a common noun: it was no one, and "condemned" had no doer
    an = analyse(actors_pipeline, "Iranian President Ebrahim Raisi met French President Emmanuel Macron in Tehran on "
                           "Monday. Raisi condemned the actions of the United States.", "2022-07-01")
    assert mentions(an, "Ebrahim Raisi").count("Raisi") == 1


def test_a_family_name_that_comes_first_is_the_person_but_not_the_pronoun(actors_pipeline):
    an = analyse(actors_pipeline, "Legislative Speaker You Si-kun arrived in Prague on Monday. On Tuesday, You received "
                           "the head of the Czech office. \"You destroyed the principle,\" he said.", "2020-08-01")
    assert mentions(an, "You Si-kun").count("You") == 1  # "On Tuesday, You received", not the quote's "You"


def test_a_surname_that_opens_a_longer_name_stays_that_name(actors_pipeline):
    an = analyse(actors_pipeline, "Health minister Bill Ford met officials on Monday. Ford said the Ford Foundation "
                           "would pay for the clinics.", "2021-09-01")
    assert "Ford Foundation" not in mentions(an, "Bill Ford")


def test_it_expressing_concern_after_a_body_spoke_is_that_body(actors_pipeline):
    an = analyse(actors_pipeline, "The National Audit Office said the EU had failed to act on fraud. It also expressed "
                           "concern that the auditors had qualified the accounts.", "2004-11-01")
    assert "It" in mentions(an, "National Audit Office")


def test_it_after_a_document_spoke_is_no_party(actors_pipeline):
    an = analyse(actors_pipeline, "The report said the EU had failed to act on fraud. It also expressed concern that "
                           "the auditors had qualified the accounts.", "2004-11-01")
    assert not any(m.text == "It" for a in an.actors for m in a.mentions)


# ---------------------------------------------------------------- what is said


def test_a_party_that_needs_to_act_in_what_is_said_is_asked_to(hand_code):
    events = hand_code("Mr Blair said America needed to listen to the world.", {"Blair": ("B", "GBRGOV"), "America": ("A", "USA")})
    assert brief(events) == [("REQUEST", ["B"], ["A"])]


def test_a_need_foretold_asks_nothing(hand_code):
    events = hand_code("Mr Blair said Americans will need to wait for the report.",
                       {"Blair": ("B", "GBRGOV"), "Americans": ("A", "USACVL")})
    assert [e for e in events if e.type == "REQUEST"] == []


@pytest.fixture(scope="module")
def code_sectors(nlp):
    """Events of a text whose actors (word -> (id, code)) have the sector of their code."""
    run = hand_coder(nlp)
    return lambda text, names: run(text, [Actor(id=aid, name=word, kind="organization", code=c, country=c[:3],
                                                sector=c[3:] or None, mentions=word_mentions(text, word))
                                          for word, (aid, c) in names.items()])


def test_an_authority_announcing_its_act_in_the_passive_does_it(code_sectors):
    events = code_sectors("The government says unions will be consulted before any changes are made.",
                          {"government": ("G", "GBRGOV"), "unions": ("U", "GBRLAB")})
    assert [(e.type, e.actor, e.recipient, e.modality) for e in events] == [("AGREE", ["G"], ["U"], "future")]


def test_the_opposition_foretelling_an_act_in_the_passive_does_not_do_it(code_sectors):
    events = code_sectors("The opposition says unions will be consulted before any changes are made.",
                          {"opposition": ("O", "GBROPP"), "unions": ("U", "GBRLAB")})
    # (what the opposition says about others may still be read as its criticism: criticism.py)
    assert not any(e.type == "AGREE" for e in events)


def test_responding_to_an_accusation_rebuts_its_maker(hand_code):
    events = hand_code("Sangma spoke to reporters while responding to the BJP's charges of political vendetta.",
                       {"Sangma": ("S", "INDGOV"), "BJP": ("B", "INDOPP")})
    assert ("REJECT", ["S"], ["B"]) in brief(events)
    events = hand_code("The prime minister said in response to the accusations from Cholnan that he had done nothing wrong.",
                       {"prime minister": ("P", "THAGOV"), "Cholnan": ("C", "THAOPP")})
    assert ("REJECT", ["P"], ["C"]) in brief(events)


def test_responding_to_a_question_rebuts_no_one(hand_code):
    events = hand_code("Sangma spoke to reporters while responding to the BJP's questions.",
                       {"Sangma": ("S", "INDGOV"), "BJP": ("B", "INDOPP")})
    assert not any(e.type == "REJECT" for e in events)


def test_an_authority_telling_of_an_instruction_in_the_passive_gave_it(code_sectors):
    events = code_sectors("Police said the party leader was instructed to cooperate with the investigation.",
                          {"Police": ("P", "INDCOP"), "party leader": ("L", "INDGOV")})
    assert [(e.type, e.actor, e.recipient) for e in events] == [("REQUEST", ["P"], ["L"])]


def test_an_instruction_in_the_passive_that_no_one_tells_has_no_doer(code_sectors):
    events = code_sectors("The party leader was instructed to cooperate with the investigation.",
                          {"party leader": ("L", "INDGOV")})
    assert not any(e.type == "REQUEST" and e.actor for e in events)
