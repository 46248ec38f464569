"""A charge, coercion or a sanction told in the passive with no doer ("Ministers have been accused
of panic"): someone of the country of those it is done to did it, a country-only code marked
inferred; a refusal or a demand told so is left without a doer, and a by-phrase is the doer."""

from __future__ import annotations

import pytest

from whodid.model import Analysis


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


def of_type(analysis: Analysis, type_: str):
    return [e for e in analysis.events if e.type == type_]


def code(analysis: Analysis, ids: list[str]) -> list[str]:
    by_id = {a.id: a for a in analysis.actors}
    return [by_id[i].code for i in ids]


def test_a_charge_told_in_the_passive_is_by_someone_of_the_accused_country_inferred(analyze):
    a = analyze("British ministers have been accused of panic in offering last minute changes to the bill.")
    found = of_type(a, "ACCUSE")
    assert len(found) == 1, [(e.type, e.trigger.text) for e in a.events]
    e = found[0]
    assert code(a, e.actor) == ["GBR"] and "actor" in e.inferred
    assert e.actor_mentions == []  # nothing in the text names the accuser


def test_a_charge_with_its_accuser_named_is_not_guessed(analyze):
    a = analyze("British ministers have been accused of panic by Labour MPs.")
    assert all("actor" not in e.inferred for e in of_type(a, "ACCUSE"))


def test_a_refusal_told_in_the_passive_gets_no_guessed_doer(analyze):
    a = analyze("The British defector says he has been denied a decent pension.")
    assert not [e for e in of_type(a, "REJECT") if "actor" in e.inferred]
