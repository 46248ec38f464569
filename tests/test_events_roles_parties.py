"""Which party of a sentence fills an event's actor and recipient (docs/event-roles.md,
"Parties from the parse", ev-roles6 round): the object of "accused X of", a gerund's doer, a
misparsed second subject, a preposition matched with its noun. Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


@pytest.mark.parametrize("text, trigger, actor", [
    ("Pakistan accused India of shelling villages in Kashmir.", "shelling", "IND"),
    ("India was accused of shelling villages in Kashmir.", "shelling", "IND"),
    ("Israel warned Hamas against attacking its soldiers.", "attacking", "PSEREBHMS"),
    ("The opposition accused Kenyan police of killing three protesters in Nairobi.", "killing", "KENCOP"),
])
def test_the_one_accused_of_an_act_is_its_doer(analyze, text, trigger, actor):
    # "X accused Y of killing Z" is also Y's killing of Z (news-events guidelines), not X's
    a = analyze(text)
    assert codes(a, found(a, "ASSAULT", trigger).actor) == [actor]


def test_an_act_praised_in_no_one_is_still_the_subjects(analyze):
    # the object of "won praise for" is no party: the one praised is the subject
    a = analyze("Kenya won praise for sending troops to Somalia.")
    e = found(a, "MOBILIZE")
    assert codes(a, e.actor) == ["KEN"]


def test_a_gerund_a_verb_takes_as_its_object_is_the_subjects_act(analyze):
    a = analyze("Analysts pointed to the problems Russia faces fighting in Ukraine.")
    e = found(a, "ASSAULT", "fighting")
    assert codes(a, e.actor) == ["RUS"] and codes(a, e.recipient) == ["UKR"]


def test_of_two_subjects_the_nearest_party_is_the_verbs(analyze):
    # the parser gives the verb two subjects (the dateline's name and the government): the
    # one next to the verb that names a party does it
    a = analyze("afrol News, 24 March - After weeks of talks, the Nigerian government imposed sanctions on Russia.")
    e = found(a, "SANCTION")
    assert codes(a, e.actor) == ["NGAGOV"] and codes(a, e.recipient) == ["RUS"]


@pytest.mark.parametrize("text, recipient", [
    ("Russia has stepped up pressure on Ukraine.", "UKR"),
    ("Kenya renewed its call on Somalia to withdraw its troops.", "SOM"),
])
def test_the_one_pressed_or_called_on_is_the_recipient(analyze, text, recipient):
    # the preposition is part of the trigger's pattern ("pressure on", "call on"): its object
    # is still the one asked
    a = analyze(text)
    assert codes(a, found(a, "REQUEST").recipient) == [recipient]


@pytest.mark.parametrize("text, recipient", [
    ("Kenya called for negotiations with Somalia.", "SOM"),
    ("The United Nations urged dialogue with the Somali government.", "SOMGOV"),
])
def test_talks_asked_for_with_someone_are_asked_of_them(analyze, text, recipient):
    # news-events guidelines: "X called for talks with Y" is REQUEST X -> Y
    a = analyze(text)
    assert codes(a, found(a, "REQUEST").recipient) == [recipient]


def test_a_raid_at_someones_home_is_a_raid_on_them(analyze):
    a = analyze("A police raid at the residence of Somali President Hassan Sheikh Mohamud drew criticism.")
    e = found(a, "COERCE", "raid")
    assert codes(a, e.recipient) == ["SOMGOV"]


@pytest.mark.parametrize("text, actor", [
    ("A spokeswoman for the Kenyan Foreign Ministry condemned the attack on the embassy.", "KENGOV"),
    ("A spokesman for the Somali government criticised Kenya.", "SOMGOV"),
])
def test_a_spokesman_acts_for_the_party_he_speaks_for(analyze, text, actor):
    a = analyze(text)
    assert codes(a, found(a, "ACCUSE").actor) == [actor]


def test_the_ministers_of_two_countries_are_both_parties(analyze):
    # the actors stage's mention ends at the first country ("the foreign ministers of Kenya")
    a = analyze("The foreign ministers of Kenya and Uganda met in Nairobi.")
    e = found(a, "CONSULT")
    assert {c[:3] for c in codes(a, e.actor + e.recipient)} == {"KEN", "UGA"}


def test_what_is_discussed_with_someone_is_discussed_with_them(analyze):
    # the parser hangs "with Museveni" on "the crisis"
    a = analyze("Kenyan President William Ruto discussed the crisis with Ugandan President Yoweri Museveni.")
    e = found(a, "CONSULT")
    assert {c[:3] for c in codes(a, e.actor + e.recipient)} == {"KEN", "UGA"}


def test_condemning_an_attack_is_aimed_at_the_attacker_not_its_target(analyze):
    a = analyze("Britain and France condemned the Iranian attack on Israel.")
    e = found(a, "ACCUSE")
    assert codes(a, e.actor) == ["GBR", "FRA"] and codes(a, e.recipient) == ["IRN"]


def test_the_parties_of_fighting_between_two_sides_did_its_killing(analyze):
    # "Fighting" is parsed as a gerund (a verb): its between-phrase names its parties, and what
    # it did is theirs
    a = analyze("Fighting between Kenyan troops and Somali soldiers killed ten people.")
    e = found(a, "ASSAULT", "killed")
    assert {c[:3] for c in codes(a, e.actor)} == {"KEN", "SOM"}


@pytest.mark.parametrize("text", [
    "Kenya, along with Uganda, condemned Somalia.",
    "Kenya, together with Uganda, condemned Somalia.",
])
def test_a_party_along_with_the_subject_acts_with_it(analyze, text):
    a = analyze(text)
    e = found(a, "ACCUSE")
    assert codes(a, e.actor) == ["KEN", "UGA"] and codes(a, e.recipient) == ["SOM"]


def test_whose_troops_are_the_owners(analyze):
    a = analyze("Kenya, whose troops attacked Somali villages, denied the charges.")
    e = found(a, "ASSAULT", "attacked")
    assert codes(a, e.actor) == ["KEN"]


def test_its_neighbour_is_not_the_one_its_stands_for(analyze):
    # "its neighbour" is Somalia's neighbour, someone else: whoever supports the rebels, it is
    # not Somalia
    a = analyze("Somalia lodged an official protest with Kenya, charging its neighbour with supporting the rebels.")
    assert not [e for e in a.events if e.type == "SUPPORT" and "SOM" in codes(a, e.actor)]


def test_a_recalled_ambassador_is_the_recallers_own_the_recipient_is_where_from(analyze):
    a = analyze("Kenya recalled its ambassador from Somalia.")
    e = found(a, "SANCTION")
    assert codes(a, e.actor) == ["KEN"] and codes(a, e.recipient) == ["SOM"]


@pytest.mark.parametrize("text, recipient", [
    ("Washington voiced concern that the human rights conditions in China have not improved.", ["CHN"]),
    ("Kenya expressed concern that Somali troops had crossed the border.", ["SOMMIL"]),
    ("Kenya expressed concern that the talks had stalled.", []),
])
def test_a_concern_that_someone_acted_is_aimed_at_them(analyze, text, recipient):
    # the worry's that-clause names whom it is about; a clause about no party names no one
    a = analyze(text)
    assert codes(a, found(a, "ACCUSE").recipient) == recipient


def test_permission_asked_and_turned_down_names_both_sides(analyze):
    # asking permission is a request (like "sought permission"); the refusal right after
    # answers it: each side is the other's recipient
    a = analyze("The Kenyan opposition asked permission to hold a rally - which was turned down by the government.")
    ask, refusal = found(a, "REQUEST", "asked"), found(a, "REJECT")
    assert codes(a, ask.recipient) == ["KENGOV"] and codes(a, refusal.recipient) == ["KENOPP"]


def test_asking_questions_is_no_request(analyze):
    a = analyze("Kenyan opposition leaders asked questions about the budget.")
    assert not [e for e in a.events if e.type == "REQUEST"]


@pytest.mark.parametrize("text", [
    "Kenyan officials have been involved in talks with Somalia.",
    "Kenyan officials were informed of the plan and have been involved in talks with Somalia.",
])
def test_who_is_involved_in_talks_takes_part_in_them(analyze, text):
    # the passive subject of "involved in" (also when a conjoined passive gives it) is a party
    # of the talks, with the one the talks are with
    a = analyze(text)
    e = found(a, "CONSULT", "talks")
    assert codes(a, e.actor) == ["KENGOV"] and codes(a, e.recipient) == ["SOM"]


def test_whoever_a_passive_act_is_done_to_takes_no_part_in_it(analyze):
    # guard: "killed in an attack" is no part in the attack (the rule holds for "involved" only)
    a = analyze("Kenyan officials were killed in attacks by al-Shabaab.")
    assert all(codes(a, e.actor) != ["KENGOV"] for e in a.events if e.type == "ASSAULT")


def test_a_crowds_protest_against_a_named_target_is_told_without_a_named_doer(analyze):
    # "mass demonstrations against the Ortega regime": a protest noun is a crowd's act (the
    # conventions name the crowd), also when its only party is a target named by a common noun
    a = analyze("Nicaragua is going through a crisis since April, with mass demonstrations against the Ortega regime.")
    e = found(a, "PROTEST", "demonstrations")
    assert codes(a, e.recipient) == ["NICGOV"]


def test_a_protest_referred_back_to_still_needs_its_doer(analyze):
    # guard: "the demonstrations" points at a protest told before (where its crowd is named)
    a = analyze("Nicaragua is going through a crisis since April, with the demonstrations against the Ortega regime.")
    assert not [e for e in a.events if e.type == "PROTEST"]
