"""Word senses decided by the class of the verb's object or subject, and statements that are no
criticism of a party (branch ev-false17): each false event of the development gold removed or
retyped beside a sentence of the same words whose event stays."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def kinds(text: str, analyze) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in analyze(text).events]


def types(text: str, analyze) -> list[str]:
    return [t for t, _ in kinds(text, analyze)]


def test_capturing_a_person_is_an_abduction_and_seizing_money_a_seizure(analyze):
    # PETRARCH2: SEIZE / CAPTURE a person 181 (abduct), which PLOVER's table puts under ASSAULT
    assert ("ASSAULT", "captured") in kinds(
        "The Ethiopians captured an American geologist, L.H. Mitchell, involved in this project.", analyze)
    assert "COERCE" not in types(
        "The Ethiopians captured an American geologist, L.H. Mitchell, involved in this project.", analyze)
    assert ("COERCE", "seized") in kinds(
        "In May, the Enforcement Directorate said it seized US$725 million from Xiaomi.", analyze)


def test_calling_on_a_party_is_a_request_though_its_words_are_harsh(analyze):
    # CALL * (ON) is an appeal (020) in PETRARCH2's verb dictionary
    text = "Charles Kennedy called on Labour not to run a reckless and irresponsible campaign."
    assert ("REQUEST", "called on") in kinds(text, analyze)
    assert "ACCUSE" not in types(text, analyze)
    text = "Amnesty International called on Israel to stop its brutal attacks on civilians."
    assert "REQUEST" in types(text, analyze) and "ACCUSE" not in types(text, analyze)
    assert ("ACCUSE", "called") in kinds(
        'Refugee Council Chief Executive Maeve Sherlock called the plans "dangerous, ill thought-out and '
        'hugely irresponsible".', analyze)


def test_attending_a_ceremony_is_no_meeting(analyze):
    assert "CONSULT" not in types(
        "Prime Minister Meles Zenawi attended the inauguration ceremony of the Kenyan president.", analyze)
    assert "CONSULT" in types(
        "Prime Minister Meles Zenawi attended the meeting of the African Union in Addis Ababa.", analyze)


def test_what_the_opposition_says_about_criminals_is_no_criticism_of_a_party(analyze):
    assert "ACCUSE" not in types(
        'Liberal Democrat transport spokesman John Thurso said drink-driving gangs remained a "major killer" '
        "on the roads.", analyze)


def test_an_economic_downturn_hits_no_one(analyze):
    assert "ASSAULT" not in types(
        "Britain has been hit by the economic downturn, which hit the profits of British farmers.", analyze)
    assert ("ASSAULT", "hit") in kinds("Russian forces hit the Ukrainian city of Kharkiv on Monday.", analyze)


def test_leaving_is_a_withdrawal_of_an_armed_force_or_a_state_only(analyze):
    assert types("About 4,300 civil servants will leave London and the South East by the end of March 2005.",
                 analyze) == []
    assert "REQUEST" not in types("The matter should be left to the palace, Downing Street said.", analyze)
    assert ("RETREAT", "left") in kinds("Russian troops left the Ukrainian city of Kherson on Friday.", analyze)
    assert ("RETREAT", "leaving") in kinds(
        "In 1866, France began to withdraw its troops, leaving Maximilian with badly outnumbered forces.", analyze)
    assert ("RETREAT", "quit") in kinds("Mr Campbell quit Number 10 in August 2003.", analyze)
