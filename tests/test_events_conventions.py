"""Coding conventions that fill a role the text leaves unnamed: always marked as inferred."""

from __future__ import annotations

import pytest

from whodid.model import Analysis, Article


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


def only(analysis: Analysis, type_: str):
    found = [e for e in analysis.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in analysis.events]
    return found[0]


def code(analysis: Analysis, ids: list[str]) -> list[str]:
    by_id = {a.id: a for a in analysis.actors}
    return [by_id[i].code for i in ids]


def test_protest_with_no_target_is_aimed_at_the_protesters_government_inferred(analyze):
    a = analyze("Thousands of Algerians demonstrated on Friday.")
    e = only(a, "PROTEST")
    assert code(a, e.actor) == ["DZACVL"] and code(a, e.recipient) == ["DZAGOV"]
    assert e.inferred == ["recipient"] and e.recipient_mentions == []
    government = next(x for x in a.actors if x.id == e.recipient[0])
    assert government.mentions == []  # nothing in the text names it


def test_protest_target_comes_from_the_place_before_the_protesters(analyze):
    a = analyze("Hundreds of Kenyans rallied in the Kenyan port of Mombasa on Friday.")
    assert code(a, only(a, "PROTEST").recipient) == ["KENGOV"]


def test_a_named_protest_target_is_not_inferred(analyze):
    a = analyze("Students protested against the Kenyan government in Nairobi.")
    e = only(a, "PROTEST")
    assert code(a, e.recipient) == ["KENGOV"] and e.inferred == []


def test_bomb_with_no_attacker_is_an_unidentified_actor_of_the_place(analyze):
    a = analyze("A car bomb killed four policemen in the Afghan city of Kandahar on Friday.")
    e = only(a, "ASSAULT")
    assert code(a, e.actor) == ["AFGUNK"] and e.actor_mentions == []
    # the policemen are read from the text (police, COP), of the country the story is about:
    # their country is a guess, marked on the actor, not a role filled by a convention
    assert code(a, e.recipient) == ["AFGCOP"] and e.inferred == ["actor"]
    assert next(x for x in a.actors if x.code == "AFGCOP").inferred == ["country"]


def test_passive_killing_by_a_device_in_a_known_town(analyze):
    # the town is found in the gazetteer: a big place with no rival namesake
    a = analyze("Two Nigerian soldiers were killed by a roadside bomb near Maiduguri.")
    e = only(a, "ASSAULT")
    assert code(a, e.actor) == ["NGAUNK"] and code(a, e.recipient) == ["NGAMIL"]


def test_unknown_gunmen_are_unidentified_armed_forces(analyze):
    a = analyze("Gunmen killed two teachers in Mali on Tuesday.")
    assert code(a, only(a, "ASSAULT").actor) == ["MLIUAF"]


def test_no_inference_without_a_place_or_for_an_attack_noun(analyze):
    e = only(analyze("A bomb killed three people on Sunday."), "ASSAULT")
    assert e.actor == [] and e.inferred == []
    # "missile attacks" has its attacker elsewhere in the story: not the place's own forces
    e = only(analyze("Missile attacks hit several towns across Ukraine."), "ASSAULT")
    assert e.actor == [] and e.inferred == []


def test_action_in_a_town_with_no_one_else_named_targets_its_country(analyze):
    a = analyze("The Red Cross suspended food deliveries in Mosul on Monday.")
    e = only(a, "SANCTION")
    assert code(a, e.recipient) == ["IRQ"] and e.inferred == ["recipient"]
    # "in the uprising" is no place: an adjective counts only on a place noun
    a = analyze("Hamas gunmen killed four people in the Palestinian uprising.")
    e = only(a, "ASSAULT")  # the victims are the four people the text names, not a place's country
    assert code(a, e.recipient) == ["PSECVL"] and "recipient" not in e.inferred


def test_named_attacker_is_not_replaced(analyze):
    a = analyze("Russian troops shelled a village in Ukraine on Monday.")
    e = only(a, "ASSAULT")
    assert code(a, e.actor) == ["RUSMIL"] and "actor" not in e.inferred
    # the target is read from where the village is: Ukraine, marked as inferred
    assert code(a, e.recipient) == ["UKR"] and e.inferred == ["recipient"]


def test_inferred_roles_survive_json_and_show_in_the_report(analyze):
    from rich.console import Console

    from whodid.report import render

    a = analyze("Thousands of Algerians demonstrated on Friday.")
    back = Analysis.from_json(a.to_json())
    assert only(back, "PROTEST").inferred == ["recipient"]
    console = Console(record=True, width=200)
    render(a, console=console)
    assert "DZAGOV (inferred)" in console.export_text()


# ---------------------------------------------------------------- roles read from the text (not inferred)

def test_recipient_of_a_preposition_the_parser_left_stranded(analyze):
    # the parser reads "officers" as the subject of "holed up": still the ones given asylum
    a = analyze("Mexico has granted political asylum to four Venezuelan army officers holed up in an embassy "
                "since last week's coup.")
    e = only(a, "AID")
    assert code(a, e.actor) == ["MEX"] and code(a, e.recipient) == ["VENMIL"] and e.inferred == []


def test_unnamed_group_placed_in_a_country(analyze):
    a = analyze("Rebels in Mali on Tuesday dismissed an appeal from President Assimi Goita to disarm.")
    e = only(a, "REJECT")
    # the country is read from where the rebels are, not from who they are: marked
    assert code(a, e.actor) == ["MLI"] and code(a, e.recipient) == ["MLIGOV"] and e.inferred == ["actor"]


def test_reported_subject_pronoun_is_the_reporter_and_a_cut_exchange_targets_its_party(analyze):
    a = analyze("Palestinian officials said they would boycott all official contact with Canada.")
    e = only(a, "THREATEN")
    assert code(a, e.actor) and code(a, e.actor)[0].startswith("PSE")
    assert code(a, e.recipient) == ["CAN"]
    assert not [x for x in a.events if x.type == "AGREE"]  # the contact is what is cut


def test_person_unknown_to_the_kb_is_coded_by_the_title_before_the_name(analyze):
    a = analyze("Afghan rebels said they would meet U.N. envoy Jorge Ramos next week.")
    e = only(a, "AGREE")
    assert code(a, e.actor) == ["AFGREB"] and code(a, e.recipient) == ["IGOUNO"]


def test_quoted_as_saying_makes_the_quoted_one_the_actor(analyze):
    a = analyze("The Emir of Qatar was quoted today as saying he would be ready to host a meeting "
                "between Israel and Hamas.")
    e = next(x for x in a.events if x.trigger.text == "host")
    assert e.type == "AGREE" and code(a, e.actor) == ["QATGOV"]


def test_object_shifted_after_an_as_phrase_is_the_one_denounced(analyze):
    a = analyze("Hungary on Friday denounced as a brutal act Serbia's crackdown on ethnic Hungarian protests in Vojvodina.")
    e = next(x for x in a.events if x.type == "ACCUSE")
    assert code(a, e.actor) == ["HUN"] and code(a, e.recipient) == ["SRB"]


def test_a_placed_group_is_not_a_second_attacker():
    # "Rebels in the Ivory Coast attacked": the rebels are Ivorian, the state did not attack
    from whodid.pipeline import Pipeline

    a = Pipeline().analyze(Article(text="Rebels in the Ivory Coast attacked a village on Monday.",
                                   published="2024-05-03"))
    e = only(a, "ASSAULT")
    # the rebels' country is the one their sentence names: a guess, marked on the actor
    assert code(a, e.actor) == ["CIVREB"]
    assert next(x for x in a.actors if x.id == e.actor[0]).inferred == ["country"]


def test_where_an_event_happens_beats_a_guess_from_the_story(analyze):
    # the story is about Palestinians, but the people killed in Tel Aviv were in Israel
    a = analyze("Palestinian militants vowed revenge on Saturday. Two Palestinian suicide bombers killed "
                "23 people when they blew themselves up in Tel Aviv.")
    e = next(x for x in a.events if x.type == "ASSAULT" and x.trigger.text == "killed")
    assert code(a, e.recipient) == ["ISRCVL"] and "recipient" in e.inferred


def test_an_arrest_or_release_with_no_doer_told_is_the_states(analyze):
    a = analyze("Four opposition activists were arrested in Nairobi on Monday. Two were later released.")
    e = next(x for x in a.events if x.type == "COERCE")
    assert code(a, e.actor) == ["KENCOP"] and "actor" in e.inferred
    b = analyze("Kenyan police arrested four opposition activists in Nairobi.")
    e = next(x for x in b.events if x.type == "COERCE")
    assert code(b, e.actor) == ["KENCOP"] and "actor" not in e.inferred  # told: not inferred
