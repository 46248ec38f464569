"""The trained party chooser (``events.parties``, branch party-model17): a side the rules leave
empty is given the party of the sentence (or the three before it) the model scores best, never
a party of the other side. Made-up sentences."""

from __future__ import annotations

import json
import re

import pytest

from helpers import codes, found


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


def test_the_shipped_model_is_loaded():
    from whodid.events import EventsStage

    model = EventsStage().party_chooser
    assert model is not None and model.weights and model.fill < float("inf")


def test_the_weights_are_read_once_per_process():
    # through knowledge.Resources, like the confidence model: every stage shares one copy
    from whodid.events import EventsStage
    from whodid.knowledge import Resources

    assert EventsStage().party_chooser is EventsStage().party_chooser is Resources.build().party_model


@pytest.mark.parametrize("content, problem", [
    ("{not json", "JSONDecodeError"),
    (json.dumps({"bias": [0.0, 0.0], "margin": 1e9, "fill": 0.0}), "weights"),
    (json.dumps({"bias": [0.0, 0.0], "weights": {"a:bias": [1.0]}, "margin": 1e9, "fill": 0.0}),
     "'a:bias': not a pair"),
    (json.dumps({"bias": [0.0, 0.0], "weights": {}, "margin": 1e9, "fill": "often"}), "float"),
])
def test_a_malformed_weights_file_is_refused_with_its_path(tmp_path, content, problem):
    from whodid.knowledge.party_model import PartyModel

    bad = tmp_path / "party_model.json"
    bad.write_text(content)
    with pytest.raises(ValueError, match=re.escape(str(bad)) + ".*" + re.escape(problem)):
        PartyModel.load(bad)
    # the file written back by dump is read as it was
    model = PartyModel.load()
    model.dump(tmp_path / "again.json")
    assert PartyModel.load(tmp_path / "again.json") == model


def test_a_party_the_sentence_names_fills_an_empty_recipient(analyze):
    # the rules read no recipient for "fired" (Japan is what the missile flew over)
    a = analyze("North Korea fired a missile over Japan on Tuesday. Tokyo condemned the launch.")
    ev = found(a, "ASSAULT", "fired")
    assert codes(a, ev.actor) == ["PRK"] and codes(a, ev.recipient) == ["JPN"]
    assert [m.text for m in ev.recipient_mentions] == ["Japan"]
    # a guess says it is one: the filled side is marked inferred, the read actor is not
    assert ev.inferred == ["recipient"]


def test_the_parties_of_the_three_sentences_before_are_candidates(nlp):
    # Sudan is named two sentences before the appeal: a candidate for its recipient (branch
    # party18: out of fold by round the wider window moved two events right, none wrong)
    from whodid.actors import ActorsStage
    from whodid.events import EventsStage, parties
    from whodid.model import Analysis, Article
    from whodid.quotes import QuotesStage

    text = ("Sudanese forces clashed with rebels in Darfur. Hundreds of civilians fled their homes. "
            "The United Nations appealed for a ceasefire.")
    doc = nlp(text)
    a = Analysis(article=Article(text=text, published="2024-05-03"))
    for stage in (ActorsStage(), QuotesStage(), EventsStage()):
        stage(doc, a)
    ev = found(a, "REQUEST", "appealed")
    assert codes(a, ev.actor) == ["IGOUNO"]
    near = parties.candidates(doc, a, ev, back=1)["recipient"].candidates
    wide = parties.candidates(doc, a, ev)["recipient"].candidates
    assert not [c for c in near if (c.actor.code or "")[:3] == "SDN"]
    assert {(c.actor.code, c.where) for c in wide if (c.actor.code or "")[:3] == "SDN"} >= {("SDNMIL", "earlier")}


@pytest.mark.parametrize("text, kind, trigger", [
    # no party but the actor: the recipient stays empty (no guess)
    ("Russia vetoed the resolution.", "REJECT", "vetoed"),
    # talks between the two named: neither is given as its own counterpart
    ("Germany and France held talks in Berlin on Monday.", "CONSULT", "held talks"),
])
def test_a_party_of_the_other_side_is_never_the_fill(analyze, text, kind, trigger):
    assert found(analyze(text), kind, trigger).recipient == []


def test_without_the_model_the_rules_leave_the_side_empty(nlp):
    # the fill is the model's, not the rules': with no model the recipient stays empty
    from whodid.actors import ActorsStage
    from whodid.events import EventsStage
    from whodid.model import Analysis, Article
    from whodid.quotes import QuotesStage

    text = "North Korea fired a missile over Japan on Tuesday. Tokyo condemned the launch."
    events = EventsStage()
    events.party_chooser = None
    doc = nlp(text)
    a = Analysis(article=Article(text=text, published="2024-05-03"))
    for stage in (ActorsStage(), QuotesStage(), events):
        stage(doc, a)
    assert found(a, "ASSAULT", "fired").recipient == []

