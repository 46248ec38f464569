"""Two tellings of one type by the same parties in two sentences are two acts when each says what
it is about and the two share no head word (``events.remention.told_topics``): "agreed to examine
the objections" and "agreed to arrange a tour" are two agreements; "agreed to the deal" and "the
agreement it reached" one. Made-up texts."""

from __future__ import annotations

import pytest

from test_events_roles_context import codes  # an actor's code, else its country


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2022-07-20")


def _agreements(a, actor, recipient):
    return [e for e in a.events if e.type == "AGREE"
            and {c[:3] for c in codes(a, e.actor)} == {actor} and {c[:3] for c in codes(a, e.recipient)} == {recipient}]


def test_agreements_to_do_different_things_are_three_events(analyze):
    a = analyze("India and Pakistan held talks in Islamabad on Thursday. India agreed to examine the "
                "objections of Pakistan with an open mind. India agreed to arrange a tour by the Pakistani "
                "team. India also agreed to build a new dam on the river.")
    assert len(_agreements(a, "IND", "PAK")) == 3, [(e.type, codes(a, e.actor), codes(a, e.recipient))
                                                    for e in a.events]


def test_an_agreement_told_again_by_a_general_word_stays_one(analyze):
    a = analyze("India and Pakistan held talks in Islamabad on Thursday. India agreed to the deal with "
                "Pakistan. India agreed to it after long talks. The agreement India reached with Pakistan "
                "covers water.")
    assert len(_agreements(a, "IND", "PAK")) == 1, [(e.type, codes(a, e.actor), codes(a, e.recipient))
                                                    for e in a.events]


def test_an_agreement_told_again_about_the_same_thing_stays_one(analyze):
    a = analyze("India and Pakistan held talks in Islamabad on Thursday. India agreed to examine the "
                "objections of Pakistan. India agreed to study the objections within two weeks.")
    assert len(_agreements(a, "IND", "PAK")) == 1, [(e.type, codes(a, e.actor), codes(a, e.recipient))
                                                    for e in a.events]
