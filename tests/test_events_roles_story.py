"""Parties the story gives an event its sentence leaves unnamed, and pronouns bound to the wrong
party of the sentence (docs/event-roles.md, "Roles from the story", ev-roles8 round). Made-up
sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2004-11-04")


def test_a_refusal_with_no_addressee_answers_the_speaker_reported_just_before(analyze):
    a = analyze("Environment Secretary Margaret Beckett has said the US will act on global warming. "
                "But Myron Ebell, an adviser on climate change to President Bush, rejected the threat "
                "of climate change.")
    assert codes(a, found(a, "REJECT").recipient) == ["GBRGOV"]


def test_a_refusal_does_not_answer_the_refusers_own_words(analyze):
    a = analyze("Chancellor Gordon Brown said growth was the longest on record. "
                "He rejected the threat of a recession.")
    assert found(a, "REJECT").recipient == []


def test_a_refusal_with_no_one_speaking_before_is_left_alone(analyze):
    a = analyze("Myron Ebell, an adviser on climate change to President Bush, rejected the threat "
                "of climate change.")
    assert found(a, "REJECT").recipient == []


def test_a_call_to_lift_the_embargo_is_addressed_to_whoever_imposed_it(analyze):
    # "the embargo" names no party: the story's fuller telling does
    a = analyze("Moves to lift the European Union's ban on arms exports to China have been condemned "
                "by human rights groups. Germany and France have repeatedly called for the embargo "
                "to be lifted.")
    assert codes(a, found(a, "REQUEST").recipient) == ["IGOEUREEC"]


def test_the_one_who_imposed_a_ban_pledges_its_lifting_to_its_target(analyze):
    a = analyze("Moves to lift the European Union's ban on arms exports to China have been condemned "
                "by human rights groups. In December, the EU pledged to work towards lifting the ban.")
    assert codes(a, found(a, "AGREE", "lifting").recipient) == ["CHN"]


def test_a_measure_that_names_its_own_target_takes_nothing_from_the_story(analyze):
    a = analyze("Moves to lift the European Union's ban on arms exports to China have been condemned "
                "by human rights groups. Germany has called for the embargo on Iran to be lifted.")
    assert codes(a, found(a, "REQUEST").recipient) != ["IGOEUREEC"]


def test_a_singular_possessive_is_not_one_of_its_clauses_coordinated_subjects(analyze):
    # "his" is neither Jowell nor Prescott: the one told before
    a = analyze("Tony Blair has brought back his former media chief Alastair Campbell. Both Culture "
                "Secretary Tessa Jowell and Deputy Prime Minister John Prescott have welcomed his return.")
    e = found(a, "SUPPORT", "welcomed")
    assert codes(a, e.actor) == ["GBRGOV", "GBRGOV"] and e.recipient
    assert not set(e.recipient) & set(e.actor)


def test_a_possessive_of_a_single_subject_is_still_its_own(analyze):
    a = analyze("John Prescott defended his record on housing.")
    prescott = next(x for x in a.actors if x.name == "John Prescott")
    assert any(m.text == "his" for m in prescott.mentions)


def test_him_is_not_a_thing_that_is_the_subject_of_an_enclosing_clause(analyze):
    # "the programme" cannot be "him": Mr Campbell, the main clause's subject, is
    a = analyze("Mr Campbell messaged Newsnight after the programme investigated claims that Labour's "
                "advertising agency TBWA was blaming him for controversy over its campaign posters.")
    e = found(a, "ACCUSE", "blaming")
    assert [x.name for x in a.actors if x.id in e.recipient] == ["Mr Campbell"]


def test_a_name_in_apposition_to_a_described_noun_takes_its_country(analyze):
    a = analyze("The French newspaper Le Monde, citing anonymous AU sources, said that data had been "
                "transferred nightly to Chinese servers.")
    assert next(x for x in a.actors if x.name == "Le Monde").country == "FRA"


def test_a_subject_pronoun_is_no_one_named_in_the_rest_of_its_clause(analyze):
    # "He accused Gen Prayut": he is not Prayut, but the one told before
    a = analyze("Dr Cholnan took aim at Gen Prayut during the debate, accusing the prime minister of "
                "lacking leadership skills. He accused Gen Prayut of mishandling the economy.")
    e = found(a, "ACCUSE", "accused")
    names = {x.id: x.name for x in a.actors}
    assert [names[i] for i in e.actor] == ["Dr Cholnan"] and [names[i] for i in e.recipient] == ["Gen Prayut"]


def test_a_subject_pronoun_still_means_the_one_told_before_when_the_clause_names_another(analyze):
    a = analyze("Tony Blair met Jacques Chirac. He told Mr Chirac that Britain would help.")
    blair = next(x for x in a.actors if x.name == "Tony Blair")
    assert any(m.text == "He" for m in blair.mentions)


def test_a_signed_pact_names_its_other_party_in_its_own_words(analyze):
    a = analyze("In January, Honduran President Juan Orlando Hernandez signed the agreement allowing "
                "creation of the Organization of American States mission.")
    assert codes(a, found(a, "SUPPORT", "signed").recipient) == ["IGOOAS"]


def test_a_signed_pact_that_names_no_party_has_no_recipient(analyze):
    a = analyze("In January, Honduran President Juan Orlando Hernandez signed the agreement on trade.")
    assert found(a, "SUPPORT", "signed").recipient == []
