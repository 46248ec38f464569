"""Accusations the coder missed on whole articles (branch ev-accuse4, data/events/decisions.yaml's
"ACCUSE recall" section): a body investigating with no object named, warning against a policy,
set phrases of verbal attack, a pejorative said of a named Bill. Actors are built by hand, so
only the events stage is tested."""

from __future__ import annotations


import pytest
from helpers import hand_coder, word_mentions

from whodid.model import Actor


@pytest.fixture(scope="module")
def code(nlp):
    coder = hand_coder(nlp)

    def run(text: str, names: dict[str, tuple[str, str, str]]) -> list[tuple]:
        events = coder(text, [Actor(id=aid, name=word, kind=kind, code=c, country=c[:3], sector=c[3:] or None,
                                    mentions=word_mentions(text, word)) for word, (aid, c, kind) in names.items()])
        return [(e.type, e.mode, e.actor, e.recipient) for e in events]

    return run


def test_a_body_investigating_needs_no_object(code):
    names = {"Fraud Office": ("F", "GBRGOV", "organization")}
    assert code("The Fraud Office was also investigating, a spokesman added.", names) == \
        [("ACCUSE", "investigate", ["F"], [])]
    assert code("The Fraud Office is already probing into the case.", names) == [("ACCUSE", "investigate", ["F"], [])]


def test_a_person_investigating_with_no_object_is_no_event(code):
    # "investigate" said of a person with nothing investigated is curiosity, not an inquiry
    assert code("Mr Hale was investigating when the lights went out.", {"Hale": ("H", "GBR", "person")}) == []


def test_warning_against_a_policy_is_criticism(code):
    events = code("Backbench MP Ms Corran warned against the proposed changes to housing benefit.",
                  {"Corran": ("C", "GBRLEG", "person")})
    assert [(t, m, a) for t, m, a, _ in events] == [("ACCUSE", "disapprove", ["C"])]


def test_warning_against_a_journey_is_no_criticism(code):
    events = code("Ms Corran warned against travelling to the border region this week.",
                  {"Corran": ("C", "GBRLEG", "person")})
    assert [e for e in events if e[0] == "ACCUSE"] == []


def test_laying_into_a_partys_record_is_criticism(code):
    events = code("Laying into the Tories' record in government, Mr Barrow said they had doubled the debt.",
                  {"Barrow": ("B", "GBRGOV", "person"), "Tories": ("T", "GBROPP", "organization")})
    assert ("ACCUSE", "disapprove", ["B"], ["T"]) in events


def test_a_pejorative_said_of_a_named_bill_is_criticism_of_its_authors(code):
    # the Bill keeps its capital in spaCy's lemma; "the bill" was already read so
    events = code('Mr Oakes said the Bill was "largely unnecessary and bureaucratic".',
                  {"Oakes": ("O", "GBRELI", "person")})
    assert [(t, a) for t, _, a, _ in events] == [("ACCUSE", ["O"])]


def test_questioning_by_the_police_is_an_investigation(code):
    names = {"detainees": ("D", "GBRCVL", "group"), "police": ("P", "GBRCOP", "organization")}
    assert code("Three detainees were questioned by police before being released.", names)[0][:3] == \
        ("ACCUSE", "investigate", ["P"])


def test_a_question_asked_by_others_is_no_investigation(code):
    names = {"Mr Penn": ("P", "GBRGOV", "person"), "plan": ("X", "GBR", "organization")}
    assert [e for e in code("Mr Penn questioned the pupils about their homework.", names)
            if e[1] == "investigate"] == []


def test_branding_a_partys_plans_as_anything_is_criticism(code):
    names = {"Cabot": ("C", "GBROPP", "person"), "Tory": ("T", "GBROPP", "organization")}
    events = code('Mr Cabot branded the Tory plans as "fantasy economics".', names)
    assert events == [("ACCUSE", "disapprove", ["C"], ["T"])]
