"""An event re-told in the same article is one event with its re-mentions listed (news-events
guidelines: "One real-world event is coded once per article"), and two acts stay two: a noun
with a possessor ("his visit") is the possessor's act told before; one named man's sentence by two
bodies of one code is one sentence; a "not" on one of two words for one act in one sentence is
part of what the act says."""

from __future__ import annotations

from whodid.events.remention import Parties, definite_tellings, merge, possessed_tellings
from whodid.model import Event, Mention, Offsets


def ev(start: int, actor: list[str], recipient: list[str], kind: str, modality: str = "asserted",
       sentence: int | None = None, mode: str | None = None) -> Event:
    s = start if sentence is None else sentence
    return Event(type=kind, mode=mode, actor=actor, recipient=recipient, modality=modality,
                 sentence=Offsets(s, s + 90), trigger=Mention(start + 5, start + 10, "x"), confidence=0.5)


# ---------------------------------------------------------------- one named man, two bodies of one code

COURTS = Parties({"booysens-court": "ZAFJUD", "joburg-court": "ZAFJUD", "masuku": "ZWECVL",
                  "ZAFCVL": "ZAFCVL", "ZAFGOV": "ZAFGOV"})


def test_one_mans_sentence_by_two_courts_of_one_code_is_one_event():
    first = ev(0, ["booysens-court"], ["masuku"], "SANCTION", mode="convict")
    later = ev(200, ["joburg-court"], ["masuku"], "SANCTION", mode="convict")
    out = merge([first, later], COURTS)
    assert len(out) == 1
    assert [m.start for m in out[0].mentions] == [later.trigger.start]  # the re-mention is listed


def test_bodies_of_two_codes_or_an_unnamed_recipient_are_two_events():
    # a court and the government both act on the man: two acts
    assert len(merge([ev(0, ["booysens-court"], ["masuku"], "SANCTION"),
                      ev(200, ["ZAFGOV"], ["masuku"], "SANCTION")], COURTS)) == 2
    # two courts sentencing "a man" (a placeholder): maybe two men
    assert len(merge([ev(0, ["booysens-court"], ["ZAFCVL"], "SANCTION"),
                      ev(200, ["joburg-court"], ["ZAFCVL"], "SANCTION")], COURTS)) == 2


def test_what_a_side_says_again_is_not_taken_for_one_act():
    # two requests by bodies of one code to one man, in two sentences: each a request of its own
    assert len(merge([ev(0, ["booysens-court"], ["masuku"], "REQUEST"),
                      ev(200, ["joburg-court"], ["masuku"], "REQUEST")], COURTS)) == 2


# ---------------------------------------------------------------- a "not" inside one act

SPEAKERS = Parties({"johnson": "GBROPP", "livingstone": "GBRGOV", "blair": "GBRGOV"})


def test_a_not_on_one_word_of_one_request_in_one_sentence_is_one_request():
    # 'Livingstone should "stick to his guns" and not apologise, Johnson has insisted.'
    stick = ev(20, ["johnson"], ["livingstone"], "REQUEST", sentence=0)
    apologise = ev(50, ["johnson"], ["livingstone"], "REQUEST", modality="negated", sentence=0)
    out = merge([stick, apologise], SPEAKERS)
    assert len(out) == 1 and out[0].modality == "asserted"
    assert [m.start for m in out[0].mentions] == [apologise.trigger.start]


def test_a_denied_act_in_another_sentence_or_to_another_party_stays_apart():
    assert len(merge([ev(0, ["johnson"], ["livingstone"], "REQUEST"),
                      ev(200, ["johnson"], ["livingstone"], "REQUEST", modality="negated")], SPEAKERS)) == 2
    assert len(merge([ev(20, ["johnson"], ["livingstone"], "REQUEST", sentence=0),
                      ev(50, ["johnson"], ["blair"], "REQUEST", modality="negated", sentence=0)], SPEAKERS)) == 2


# ---------------------------------------------------------------- a noun with a possessor

def _event_at(doc, word: str, kind: str, actor: list[str], recipient: list[str]) -> Event:
    t = next(t for t in doc if t.text == word)
    s = t.sent
    return Event(type=kind, mode=None, actor=actor, recipient=recipient, modality="asserted",
                 sentence=Offsets(s.start_char, s.end_char), trigger=Mention(t.idx, t.idx + len(t), t.text),
                 confidence=0.5)


def test_his_visit_is_the_meeting_told_before_and_another_mans_visit_is_not(nlp):
    doc = nlp("Envoy Mike Hammer met Egyptian officials in Cairo on Monday. "
              "Hammer said his visit was useful. Isaac Herzog's visit came later.")
    parties = Parties({"hammer": "USAGOV", "EGYGOV": "EGYGOV", "herzog": "ISRGOV"})
    met = _event_at(doc, "met", "CONSULT", ["hammer", "EGYGOV"], [])
    visits = [e for e in doc if e.text == "visit"]
    his = _event_at(doc[visits[0].i:], "visit", "CONSULT", ["hammer"], [])
    herzogs = _event_at(doc[visits[1].i:], "visit", "CONSULT", ["herzog"], [])
    definite = definite_tellings(doc, [met, his, herzogs], ())
    possessed = possessed_tellings(doc, [met, his, herzogs], ())
    assert {id(his), id(herzogs)} <= possessed <= definite
    out = merge([met, his, herzogs], parties, definite=definite, possessed=possessed)
    assert len(out) == 2
    assert [m.start for m in out[0].mentions] == [his.trigger.start]  # "his visit" listed under "met"
    assert out[1].actor == ["herzog"]
