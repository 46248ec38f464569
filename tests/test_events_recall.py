"""Events a whole article carries that the hand lexicon missed: the news-events guidelines'
recurring cases (data/events/decisions.yaml), criticism carried by what someone says,
and events named by nouns. Actors are built by hand, so only the events stage is tested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from whodid.events import EventsStage
from whodid.model import Actor, Analysis, Article, Event, Mention
from whodid.quotes import QuotesStage

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def code(nlp):
    events, quotes = EventsStage(), QuotesStage()

    def run(text: str, names: dict[str, tuple[str, str]]) -> list[Event]:
        doc = nlp(text)
        actors = [Actor(id=aid, name=word, kind="person", code=c,
                        mentions=[Mention(m.start(), m.end(), word) for m in re.finditer(rf"\b{re.escape(word)}\b", text)])
                  for word, (aid, c) in names.items()]
        analysis = Analysis(article=Article(text=text), actors=actors)
        quotes(doc, analysis)
        events(doc, analysis)
        return analysis.events

    return run


def brief(events: list[Event]) -> list[tuple]:
    return [(e.type, e.actor, e.recipient) for e in events]


# ---------------------------------------------------------------- courts and the law


def test_a_sentence_passed_by_a_judge_is_a_sanction(code):
    (e,) = code("The judge sentenced Besigye to five years in prison.", {"judge": ("J", "UGAJUD"), "Besigye": ("B", "UGAOPP")})
    assert (e.type, e.mode, e.actor, e.recipient) == ("SANCTION", "convict", ["J"], ["B"])


def test_a_court_ruling_against_the_government_is_a_sanction(code):
    events = code("The court ruled against the government.", {"court": ("J", "KENJUD"), "government": ("G", "KENGOV")})
    assert brief(events) == [("SANCTION", ["J"], ["G"])]


def test_an_arrest_warrant_is_a_threat_not_an_arrest(code):
    events = code("A court in Nairobi issued an arrest warrant against Odinga.",
                  {"court": ("J", "KENJUD"), "Odinga": ("O", "KENOPP")})
    assert brief(events) == [("THREATEN", ["J"], ["O"])]


def test_someone_under_house_arrest_is_its_recipient(code):
    events = code("Navalny has been under house arrest since June.", {"Navalny": ("N", "RUSOPP")})
    assert brief(events) == [("COERCE", [], ["N"])]


# ---------------------------------------------------------------- what is said


def test_calling_a_party_naive_in_reported_speech_is_an_accusation(code):
    (e,) = code("Howard said Blair was naive.", {"Howard": ("H", "GBROPP"), "Blair": ("B", "GBRGOV")})
    assert (e.type, e.actor, e.recipient) == ("ACCUSE", ["H"], ["B"])


def test_saying_a_party_lied_is_an_accusation(code):
    (e,) = code("Blair lied to the country, Howard said.", {"Howard": ("H", "GBROPP"), "Blair": ("B", "GBRGOV")})
    assert (e.type, e.actor, e.recipient) == ("ACCUSE", ["H"], ["B"])


def test_a_plain_description_in_reported_speech_is_no_accusation(code):
    assert code("Howard said Blair was tall.", {"Howard": ("H", "GBROPP"), "Blair": ("B", "GBRGOV")}) == []


def test_telling_a_party_to_act_is_a_request(code):
    events = code("Brown told the Bank not to raise rates.", {"Brown": ("B", "GBRGOV"), "Bank": ("K", "GBRGOV")})
    assert brief(events) == [("REQUEST", ["B"], ["K"])]


def test_brushing_off_calls_is_a_rejection(code):
    events = code("Blair brushed off calls from Kennedy.", {"Kennedy": ("K", "GBROPP"), "Blair": ("B", "GBRGOV")})
    assert brief(events) == [("REJECT", ["B"], ["K"])]


# ---------------------------------------------------------------- events named by nouns


def test_talks_that_were_held_are_a_meeting_of_their_parties(code):
    (e,) = code("Talks between Iran and Oman were held in Doha.", {"Iran": ("IRN", "IRN"), "Oman": ("OMN", "OMN")})
    assert (e.type, sorted(e.actor), e.recipient) == ("CONSULT", ["IRN", "OMN"], [])


def test_an_invitation_to_attend_is_one_offer_to_meet(code):
    events = code("Obiang invited Zuma to attend the summit.", {"Obiang": ("O", "GNQGOV"), "Zuma": ("Z", "ZAFGOV")})
    assert [(e.type, e.cameo, e.actor, e.recipient) for e in events] == [("AGREE", "036", ["O"], ["Z"])]


def test_a_strike_called_off_is_one_event(code):
    events = code("The unions called off a one-day strike.", {"unions": ("U", "GBRLAB")})
    assert [e.type for e in events] == ["CONCEDE"]


# ---------------------------------------------------------------- the data


def test_decisions_follow_the_cameo2plover_table_or_say_why():
    table = {}
    for line in (REPO / "data" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if m:
            table[m[1]] = m[2]
    data = yaml.safe_load((REPO / "src/whodid/data/events/decisions.yaml").read_text(encoding="utf-8"))
    for entry in data["entries"]:
        if not entry.get("table_exception"):
            assert table.get(entry["cameo"]) == entry["type"], entry
