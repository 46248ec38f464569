"""Roles the text implies rather than names (docs/event-roles.md, "Roles implied and
misread"): whom a rebuttal answers, who executes, who suffers an act. Made-up sentences."""

from __future__ import annotations

import pytest

from helpers import found
from whodid.model import Analysis


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


def codes(analysis: Analysis, ids: list[str]) -> list[str]:
    by_id = {a.id: a for a in analysis.actors}
    return [by_id[i].code or by_id[i].country for i in ids]


@pytest.mark.parametrize("text, trigger", [
    ("The Kenyan finance minister denied he was hiding the debt figures.", "denied"),
    ("The Kenyan finance minister denied hiding the debt figures.", "denied"),
    ("The Kenyan finance minister dismissed the talk of a split in the cabinet.", "dismissed"),
])
def test_a_rebuttal_answers_someone_of_the_rebutters_country(analyze, text, trigger):
    # whoever made the charge is left to the story; someone of the minister's own country,
    # marked inferred
    a = analyze(text)
    e = found(a, "REJECT", trigger)
    assert codes(a, e.recipient) == ["KEN"] and "recipient" in e.inferred


def test_a_denied_rumour_is_still_no_event(analyze):
    a = analyze("The Kenyan finance minister denied reports that he would resign.")
    assert not [e for e in a.events if e.type == "REJECT"]


def test_an_execution_with_no_executioner_named_is_the_states(analyze):
    # "by hanging" says how, not by whom
    a = analyze("Three Iranian protesters have been executed by hanging in Tehran.")
    e = found(a, "ASSAULT", "executed")
    assert codes(a, e.actor) == ["IRNGOV"] and "actor" in e.inferred
