"""Duplicates (an extra emission of an event already told, news-events guidelines "Scoring") that
the re-mention stage folds: two words of one act in one sentence ("should join the EC's dialogue",
"held talks ... in which the two sides exchanged views"), a meeting told of "the two sides", a
named body of the state whose sector was not told beside the state's placeholder, one body written
two ways ("ED" / "Enforcement Directorate"), and a telling the party chooser completed into the
very parties of one told before. Acts the grammar does not tie, and parties that do not fit, stay
apart."""

from __future__ import annotations

from whodid.events.remention import Parties, merge, one_act_pairs, paired_tellings, refold
from whodid.model import Actor, Event, Mention, Offsets


def _event_at(doc, word: str, kind: str, actor: list[str], recipient: list[str], nth: int = 0) -> Event:
    t = [t for t in doc if t.text == word][nth]
    s = t.sent
    return Event(type=kind, mode=None, actor=actor, recipient=recipient, modality="asserted",
                 sentence=Offsets(s.start_char, s.end_char), trigger=Mention(t.idx, t.idx + len(t), t.text),
                 confidence=0.5)


# ---------------------------------------------------------------- two words of one act, one sentence

def test_a_verb_and_the_act_noun_it_takes_are_one_request(nlp):
    doc = nlp("Quader said the BNP should join the EC's dialogue as the government wants a fair election.")
    parties = Parties({"quader": "BGDGOV", "bnp": "BGDOPP", "ec": "BGDGOV"})
    join = _event_at(doc, "join", "REQUEST", ["quader"], ["bnp"])
    dialogue = _event_at(doc, "dialogue", "REQUEST", ["quader"], ["ec"])
    assert len(merge([join, dialogue], parties)) == 2  # the parties alone do not say it is one act
    out = merge([join, dialogue], parties, one_act=one_act_pairs(doc, [join, dialogue]))
    assert len(out) == 1
    assert set(out[0].recipient) == {"bnp", "ec"}


def test_talks_and_the_clause_of_what_was_said_in_them_are_one_meeting(nlp):
    doc = nlp("Iranian Energy Minister Ali-Akbar Mehrabian also held talks with Turkish Energy Minister "
              "Fatih Donmez in which the two sides exchanged views on cooperation in energy fields.")
    parties = Parties({"mehrabian": "IRNGOV", "donmez": "TURGOV", "erdogan": "TURGOV", "raisi": "IRNGOV"})
    held = _event_at(doc, "held", "CONSULT", ["mehrabian"], ["donmez"])
    held.trigger = Mention(held.trigger.start, held.trigger.start + len("held talks"), "held talks")
    exchanged = _event_at(doc, "exchanged", "CONSULT", ["erdogan", "raisi"], [])  # "the two sides" misread
    out = merge([held, exchanged], parties, one_act=one_act_pairs(doc, [held, exchanged]))
    assert len(out) == 1 and out[0].actor == ["mehrabian"]


def test_two_acts_in_two_clauses_of_one_sentence_stay_two(nlp):
    doc = nlp("Johnson accused Blair of lying and said Brown had accused Howard of hypocrisy.")
    first = _event_at(doc, "accused", "ACCUSE", ["johnson"], ["blair"])
    second = _event_at(doc, "accused", "ACCUSE", ["brown"], ["howard"], nth=1)
    assert one_act_pairs(doc, [first, second]) == set()


# ---------------------------------------------------------------- "the two sides" of a meeting told before

def test_the_two_leaders_are_the_parties_of_the_meeting_told_before(nlp):
    doc = nlp("Vice President Chung Ki-Sun met with Crown Prince Mohammed Bin Salman in Seoul. "
              "The two leaders discussed ways of cooperation for the shipyard.")
    parties = Parties({"chung": "KORBUS", "mbs": "SAUGOV", "KOR": "KOR", "ISR": "ISR"}, countries={"KOR", "ISR"})
    met = _event_at(doc, "met", "CONSULT", ["chung"], ["mbs"])
    discussed = _event_at(doc, "discussed", "CONSULT", ["KOR"], [])
    paired = paired_tellings(doc, [met, discussed])
    assert paired == {id(discussed)}
    assert len(merge([met, discussed], parties, paired=paired)) == 1
    # parties of another country do not fit the meeting told before: another meeting
    other = _event_at(doc, "discussed", "CONSULT", ["ISR"], [])
    assert len(merge([met, other], parties, paired=paired_tellings(doc, [met, other]))) == 2


# ---------------------------------------------------------------- who the parties are

def test_a_named_state_body_with_no_sector_told_is_the_states_placeholder_as_the_doer():
    actors = [Actor(id="etc", name="Eastern Theatre Command", kind="organization", country="CHN", code="CHN"),
              Actor(id="CHNMIL", name="Chinese armed forces", kind="organization", country="CHN", sector="MIL",
                    code="CHNMIL"),
              Actor(id="USA", name="United States", kind="country", country="USA", code="USA"),
              Actor(id="USAGOV", name="American government", kind="organization", country="USA", sector="GOV",
                    code="USAGOV")]
    parties = Parties.of(actors)
    slammed = Event(type="ACCUSE", mode=None, actor=["CHNMIL"], recipient=["USAGOV"], modality="asserted",
                    sentence=Offsets(0, 100), trigger=Mention(25, 32, "slammed"), confidence=0.7)
    criticised = Event(type="ACCUSE", mode=None, actor=["etc"], recipient=["USA"], modality="asserted",
                       sentence=Offsets(200, 300), trigger=Mention(260, 270, "criticised"), confidence=0.5)
    assert len(merge([slammed, criticised], parties)) == 1
    # as the one acted on, a named body is not folded into a placeholder of its country
    praised = Event(type="SUPPORT", mode=None, actor=["CHNMIL"], recipient=["etc"], modality="asserted",
                    sentence=Offsets(0, 100), trigger=Mention(25, 32, "praised"), confidence=0.7)
    again = Event(type="SUPPORT", mode=None, actor=["CHNMIL"], recipient=["CHNMIL"], modality="asserted",
                  sentence=Offsets(200, 300), trigger=Mention(260, 270, "praised"), confidence=0.5)
    assert len(merge([praised, again], parties)) == 2


def test_a_body_by_its_initials_and_a_name_spelled_two_ways_are_one_party():
    actors = [Actor(id="ed-1", name="Enforcement Directorate", kind="organization", country="IND", code="INDGOV"),
              Actor(id="ed-2", name="ED", kind="organization", country="IND", code="INDJUD"),
              Actor(id="p1", name="Hossein Amir-Abdollahian", kind="person", country="IRN", code="IRNGOV"),
              Actor(id="p2", name="Hossein Amirabdollahian", kind="person", country="IRN", code="IRNGOV"),
              Actor(id="p3", name="Hossein Dehghan", kind="person", country="IRN", code="IRNGOV")]
    parties = Parties.of(actors)
    assert parties.same("ed-1", "ed-2") and parties.same("p1", "p2")
    assert not parties.same("p1", "p3")


# ---------------------------------------------------------------- a telling the party chooser completed

def test_a_telling_completed_into_the_parties_of_one_told_before_by_the_same_word_is_folded(nlp):
    doc = nlp("Governors are now rushed to sign death warrants. Reports say governors keep signing death "
              "warrants. Governors also threatened prisoners.")
    def at(word: str, nth: int = 0) -> Event:
        return _event_at(doc, word, "THREATEN", ["NGAGOV"], ["NGACVL"], nth)
    first, later = at("warrants"), at("warrants", 1)
    out = refold(doc, [first, later], untold={id(first), id(later)})
    assert len(out) == 1 and [m.start for m in out[0].mentions] == [later.trigger.start]
    # both told with their parties by the rules, and kept apart by them: two
    assert len(refold(doc, [at("warrants"), at("warrants", 1)], untold=set())) == 2
    # another word for an act of the same parties may be another act
    first, other = at("warrants"), at("threatened")
    assert len(refold(doc, [first, other], untold={id(first), id(other)})) == 2
