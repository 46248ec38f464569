"""Candidate triggers the coder dropped though the guidelines code them (issue 15, branch
ev-drops14): a crowd's protest told as the background of another act, and a camp pitched or the
streets taken by a party no word names a protester. Made-up sentences, one rule each, with a
guard."""

from __future__ import annotations

import pytest
from helpers import kinds


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


# a protest under "following", "during", "amid" is often its only telling: the news-events gold
# codes it (historical), its crowd named by the conventions
def test_a_protest_told_as_background_is_coded(analyze):
    a = analyze("Mahinda Rajapaksa was forced to resign as Sri Lanka's prime minister following a deadly "
                "protest in Colombo over an escalating economic crisis.")
    assert ("PROTEST", "protest") in kinds(a)


def test_an_attack_told_as_background_is_still_left_out(analyze):
    a = analyze("After the bombing of the embassy, the Spanish government recalled its ambassador "
                "from Morocco.")
    assert "ASSAULT" not in [t for t, _ in kinds(a)]


# "set up camp outside parliament", "camped outside the police station demanding ...": a protest
# whoever camps (gathering still needs protesters: "expectations gathered pace")
def test_a_camp_set_up_outside_parliament_is_a_protest(analyze):
    a = analyze("The opposition Move Forward Party on Tuesday set up camp outside parliament "
                "to monitor the censure debate.")
    assert "PROTEST" in [t for t, _ in kinds(a)]


def test_gathering_pace_is_no_protest(analyze):
    a = analyze("Expectations of a rate rise by the Bank of England have gathered pace.")
    assert "PROTEST" not in [t for t, _ in kinds(a)]
