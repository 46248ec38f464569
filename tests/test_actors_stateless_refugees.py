"""In a story about refugees of a people with no state (data/kb/peoples.tsv: "Rohingya"), told in
the country that hosts them, the private people the text names are refugees of the people's
country of origin (CAMEO's REF by origin), not the host's civilians (ev-parties10 round).
Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country

STORY = ("Indian police detained 150 Rohingya refugees in Jammu last year. The Indian government says "
         "the refugees are a security threat. In March, Haseena Begum, 37, was deported to Myanmar by the "
         "Indian government. Indian police also arrested Ravi Kumar, a shopkeeper in Delhi.")


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


def _code(analysis, name):
    return next(a.code for a in analysis.actors if a.name == name)


def test_a_private_person_in_a_rohingya_story_is_a_refugee_by_origin(analyze):
    a = analyze(STORY)
    assert _code(a, "Haseena Begum") == "MMRREF"
    assert "MMRREF" in codes(a, found(a, "COERCE", "deported").recipient)


def test_a_person_the_text_gives_a_trade_and_a_place_stays_the_hosts(analyze):
    # guard: "Ravi Kumar, a shopkeeper in Delhi" is no private person of no words
    a = analyze(STORY)
    assert _code(a, "Ravi Kumar") == "INDCVL"


def test_with_no_stateless_refugees_a_private_person_is_the_hosts(analyze):
    # guard: the same woman in a story with no refugees of a people is India's
    a = analyze("Indian police detained Haseena Begum in Jammu last year. The Indian government says "
                "the economy is growing.")
    assert _code(a, "Haseena Begum") == "INDCVL"
