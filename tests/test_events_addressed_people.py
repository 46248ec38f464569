"""An addressed act (a threat, an apology, a demand) aimed at people the text does not name, in the
object of its infinitive or in its to-phrase ("threatened to kill her", "apologised to them"),
is aimed at those people, not at the government the addressed-act convention otherwise guesses
(``events.conventions._addressed_people``, ev-parties16): the recipient is the country where it
happens, a country-only code, marked inferred; no guess when the text places it nowhere.
Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


@pytest.mark.parametrize("text, type_, country", [
    # the doer's own government was guessed: ZWEGOV, VATGOV
    ("Zimbabwean businessman Tendai Moyo threatened to kill her in Johannesburg.", "THREATEN", "ZAF"),
    ("Pope Francis apologised to them in Toronto.", "CONCEDE", "CAN"),
])
def test_people_the_act_is_aimed_at_are_its_recipient(analyze, text, type_, country):
    a = analyze(text)
    e = found(a, type_)
    assert codes(a, e.recipient) == [country] and "recipient" in e.inferred


def test_a_named_addressee_is_kept(analyze):
    # guard: the addressee the text names is the recipient, not a guess
    a = analyze("Pope Francis issued an apology to the Canadian government.")
    e = found(a, "CONCEDE")
    assert codes(a, e.recipient) == ["CANGOV"] and "recipient" not in e.inferred


def test_people_placed_nowhere_get_no_government(analyze):
    # the Vatican's government was guessed; the text tells no one of it
    a = analyze("Pope Francis apologised to them.")
    assert found(a, "CONCEDE").recipient == []
