"""Event types on whole articles: the PLOVER type a trigger gets in the words around it
(issue 15, the type part). Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from whodid.model import Analysis


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def types(a: Analysis, trigger: str) -> list[str]:
    return [e.type for e in a.events if e.trigger.text == trigger]


# an appeal *against* anything is a challenge of it (ACCUSE allege), not a request
def test_an_appeal_against_an_action_is_an_accusation(analyze):
    a = analyze("The Kenyan opposition party appealed against the police actions in Nairobi.")
    assert types(a, "appealed") == ["ACCUSE"]


def test_an_appeal_to_a_party_to_act_stays_a_request(analyze):
    a = analyze("The Kenyan opposition party appealed to the Kenyan government to release the prisoners.")
    assert types(a, "appealed") == ["REQUEST"]


# CAMEO 172: restrictions on people are COERCE restrict; embargoes stay SANCTION
def test_imposing_restrictions_is_coercion_and_an_embargo_a_sanction(analyze):
    a = analyze("The American government imposed visa restrictions on Nicaraguan judges.")
    assert types(a, "imposed") == ["COERCE"]
    a = analyze("The American government imposed an embargo on Cuba.")
    assert types(a, "imposed") == ["SANCTION"]


# the opposition's words about the people are spoken to them, not against them
@pytest.fixture(scope="module")
def criticism(nlp):
    import re

    from whodid.events import EventsStage
    from whodid.model import Actor, Article, Mention
    from whodid.quotes import QuotesStage

    stage, quotes = EventsStage(), QuotesStage()

    def run(text: str, names: dict[str, tuple[str, str]]):
        doc = nlp(text)
        actors = [Actor(id=aid, name=word, kind="group", code=c, country=c[:3], sector=c[3:] or None,
                        mentions=[Mention(m.start(), m.end(), word) for m in re.finditer(rf"\b{re.escape(word)}\b", text)])
                  for word, (aid, c) in names.items()]
        analysis = Analysis(article=Article(text=text), actors=actors)
        quotes(doc, analysis)
        stage(doc, analysis)
        return [(e.type, e.actor, e.recipient) for e in analysis.events]

    return run


def test_the_oppositions_words_about_the_people_are_no_criticism(criticism):
    names = {"Letwin": ("L", "GBROPP"), "voters": ("V", "GBRCVL"), "Labour": ("G", "GBRGOV")}
    assert criticism("Mr Letwin said the voters had shown great courage in the floods.", names) == []
    assert criticism("Mr Letwin said Labour had shown great cowardice in the floods.", names) == \
        [("ACCUSE", ["L"], ["G"])]
