"""Sentences of whole articles that tell no new act (``whodid.events.nonevents``,
``whodid.events.background``, the lexicon's senses, ``whodid.events.filters``): an
illustration given "for example", a need denied, a plan that fell through, a habit told with
"tend to", a campaign called a battle, a stance held for years, an old act that starts the
period told about, sanctioning that is authorising, and an act of no coded party; each beside
a sentence of the same words that tells an act and stays coded."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def types(text: str, analyze) -> list[str]:
    return [e.type for e in analyze(text).events]


def test_an_act_given_for_example_illustrates_a_point_and_is_not_told_as_news(analyze):
    assert "REQUEST" not in types("Ryutaro Hashimoto, for example, pushed for the return of the land to Japan.", analyze)
    assert "REQUEST" not in types("Labour MPs, for example, urged the chancellor to cut taxes.", analyze)
    assert "REQUEST" in types("Labour MPs urged the chancellor to cut taxes.", analyze)


def test_a_need_denied_is_no_act_and_a_consultation_told_is_one(analyze):
    assert "CONSULT" not in types(
        "The minister said the government did not need to consult the unions before changing the rules.", analyze)
    assert "CONSULT" in types(
        "The minister said the government had consulted the unions before changing the rules.", analyze)


def test_a_plan_told_in_the_past_perfect_fell_through_and_a_plan_told_now_is_coded(analyze):
    assert "AGREE" not in types("Michael Howard, who had been due to welcome delegates to the conference on Friday, "
                                "will address them in a lunchtime speech.", analyze)
    assert "AGREE" in types("Michael Howard, who is due to welcome delegates to the conference on Friday, "
                            "will address them in a lunchtime speech.", analyze)


def test_what_a_party_tends_to_do_is_a_habit(analyze):
    assert "ACCUSE" not in types("The opposition parties tend to accuse the government of ignoring Okinawa.", analyze)
    assert "ACCUSE" in types("The opposition parties accused the government of ignoring Okinawa.", analyze)


def test_a_battle_to_reach_an_aim_is_a_campaign_and_a_battle_for_a_city_is_fighting(analyze):
    assert "ASSAULT" not in types("Okinawa Prefecture's battle against the Japanese government to reduce the U.S. "
                                  "military presence has continued for decades.", analyze)
    assert "ASSAULT" in types("The battle for Kyiv killed hundreds of Russian soldiers.", analyze)


def test_a_stance_held_for_years_is_no_act_but_detentions_for_years_are_acts(analyze):
    assert "REJECT" not in types("It is a fact the Cuban regime sought to deny for a long time.", analyze)
    assert "ACCUSE" not in types("Okinawa residents have opposed the US base for decades.", analyze)
    assert "COERCE" in types("Israeli forces have detained Palestinian activists for years.", analyze)


def test_leaving_office_since_when_something_is_told_is_background(analyze):
    # the gerund after "since" is the start of the period; the act of the clause is the news
    told = types("Since leaving Downing Street, Mr Campbell has criticised the government.", analyze)
    assert "RETREAT" not in told and "ACCUSE" in told


def test_talks_within_hours_of_which_something_happened_are_background(analyze):
    assert "CONSULT" not in types("Within hours of Edward Heath's talks with Jeremy Thorpe, the Queen invited "
                                  "Harold Wilson to form a government.", analyze)
    assert "CONSULT" in types("Edward Heath held talks with Jeremy Thorpe on Friday.", analyze)


def test_sanctioning_military_action_is_authorising_it_and_sanctioning_a_country_is_a_sanction(analyze):
    assert "SANCTION" not in types(
        "Mr Straw said a second UN resolution sanctioning military action against Iraq was not needed.", analyze)
    assert "SANCTION" in types("The UN sanctioned Iran over its nuclear programme on Monday.", analyze)


def test_an_act_of_unnamed_parties_of_no_country_is_no_event(analyze):
    assert types("The network's members were captured before they could carry out their plot.", analyze) == []
    assert "COERCE" in types("Iran said its security forces had arrested a network of agents working for Israel.",
                             analyze)


def test_every_schedule_word_of_the_lexicon_tells_a_plan_that_fell_through(analyze):
    # one list of schedule words (the lexicon's): "poised", which modality read and the past-perfect
    # rule did not, fell through as "due" does
    assert "CONSULT" not in types("Michael Howard had been poised to welcome the Chinese delegates.", analyze)
    assert "CONSULT" in types("Michael Howard is poised to welcome the Chinese delegates.", analyze)
