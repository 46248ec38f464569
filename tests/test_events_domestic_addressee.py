"""A state's demand, charge or refusal that names no one it is aimed at is aimed at someone of its
own country (``events.conventions.home_addressee``, ev-parties10 round): the recipient is that
country, a country-only code, marked inferred; only when the text names someone else of that
country before (a lone sentence gets no guess, as a lone denial does). Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


@pytest.mark.parametrize("text, type_, country", [
    ("Japanese opposition members added a clause to the bill. "
     "The Japanese government demanded that the addition be deleted.", "REQUEST", "JPN"),
    ("Israeli Prime Minister Naftali Bennett spoke to Israeli lawmakers on Monday. "
     "He accused the Right of doing only what was good for itself.", "ACCUSE", "ISR"),
])
def test_a_governments_speech_act_with_no_addressee_is_aimed_at_home(analyze, text, type_, country):
    a = analyze(text)
    e = found(a, type_)
    assert codes(a, e.recipient) == [country] and "recipient" in e.inferred


def test_a_lone_demand_gets_no_guess(analyze):
    # guard: no one else of Japan's in the text, no one to aim it at
    a = analyze("The Japanese government demanded that the addition be deleted.")
    assert found(a, "REQUEST").recipient == []


def test_a_named_addressee_is_kept(analyze):
    # guard: the addressee the text names is the recipient, not a guess
    a = analyze("The Japanese government demanded that China withdraw its ships.")
    e = found(a, "REQUEST")
    assert codes(a, e.recipient) == ["CHN"] and "recipient" not in e.inferred


def test_the_opposition_still_addresses_the_government(analyze):
    # guard: someone outside the state speaks to the authorities (the older convention)
    a = analyze("Japan's opposition leaders demanded that the addition be deleted.")
    assert codes(a, found(a, "REQUEST").recipient) == ["JPNGOV"]
