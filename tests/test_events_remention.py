"""One real-world event is one event per article, its parties compared by who they are (not by
their CAMEO code), and each event dated by the day the text gives it, from any of its tellings."""

from __future__ import annotations

import datetime as dt

import pytest

from whodid.events.remention import Parties, merge
from whodid.model import Actor, Analysis, Article, Event, Mention, Offsets
from whodid.nlp.publication import url_date


@pytest.fixture(scope="module")
def pipeline():
    from whodid.pipeline import Pipeline, PipelineConfig

    return Pipeline(PipelineConfig(stages=("actors", "quotes", "events", "time")))


@pytest.fixture(scope="module")
def analyze(pipeline):
    def run(text: str, published: str | None = "2005-02-10", url: str | None = None) -> Analysis:  # a Thursday
        return pipeline.analyze(Article(text=text, published=published, url=url))
    return run


def of_type(a: Analysis, kind: str) -> list[Event]:
    return [e for e in a.events if e.type == kind]


def ev(start: int, actor: list[str], recipient: list[str], kind: str = "ACCUSE", mode: str | None = "allege",
       modality: str = "asserted") -> Event:
    return Event(type=kind, mode=mode, actor=actor, recipient=recipient, modality=modality,
                 sentence=Offsets(start, start + 50), trigger=Mention(start + 5, start + 10, "x"), confidence=0.5)


# ---------------------------------------------------------------- same code, other party

def test_two_parties_with_one_code_doing_the_same_are_two_events(analyze):
    # the Tories and the Lib Dems are both GBROPP: two sides, two accusations
    a = analyze("The Conservatives accused Tony Blair of misleading voters over the war. "
                "The Liberal Democrats accused Mr Blair of misleading voters over the war.")
    accusations = of_type(a, "ACCUSE")
    assert len(accusations) == 2
    assert {a_ for e in accusations for a_ in e.actor} == {"party:GBR:conservative", "party:GBR:liberal-democrat"}


def test_two_ministers_with_one_code_are_two_people():
    parties = Parties({"reid": "GBRGOV", "straw": "GBRGOV", "kennedy": "GBROPP"})
    events = [ev(0, ["kennedy"], ["reid"]), ev(100, ["kennedy"], ["straw"])]
    assert len(merge(events, parties)) == 2


def test_a_party_leader_and_his_party_are_one_side(analyze):
    # Charles Kennedy leads the Liberal Democrats (the knowledge base's party membership): his attack
    # and his party's criticism of the same man are one act, told twice; dated by the telling that says when
    # (an accusation of a deed, "accused Mr Blair of misleading voters", is another kind: see below)
    a = analyze("Liberal Democrat leader Charles Kennedy attacked Tony Blair over the war on Monday. "
                "The Conservatives criticised Mr Blair over the war. "
                "The Lib Dems criticised Mr Blair for misleading voters.")
    accusations = of_type(a, "ACCUSE")
    assert len(accusations) == 2
    lib_dems = next(e for e in accusations if "party:GBR:liberal-democrat" in e.actor or "kb:charles-kennedy" in e.actor)
    assert len(lib_dems.mentions) == 1
    assert lib_dems.date == "2005-02-07"  # "on Monday", in the other telling


def test_a_placeholder_covers_a_named_party_of_its_sector_not_a_bare_country():
    parties = Parties({"police": "INDCOP", "up-police": "INDCOP", "marak": "INDLEG", "india": "IND",
                       "civilians": "INDCVL"}, generic={"police", "india", "civilians"})
    assert parties.same("police", "up-police")
    assert not parties.same("india", "marak")  # a placeholder of no sector says no more than the country
    assert not parties.same("civilians", "marak")
    arrests = [ev(0, ["up-police"], ["marak"], "COERCE", "arrest"), ev(100, ["police"], ["marak"], "COERCE", "arrest"),
               ev(200, ["police"], ["civilians"], "COERCE", "arrest")]
    merged = merge(arrests, parties)
    assert len(merged) == 2 and len(merged[0].mentions) == 1


def country_parties() -> Parties:
    return Parties.of([
        Actor(id="RUS", name="Russia", kind="country", country="RUS", code="RUS"),
        Actor(id="RUSGOV", name="the Kremlin", kind="organization", country="RUS", sector="GOV", code="RUSGOV"),
        Actor(id="putin", name="Vladimir Putin", kind="person", country="RUS", sector="GOV", code="RUSGOV"),
        Actor(id="UKR", name="Ukraine", kind="country", country="UKR", code="UKR"),
        Actor(id="UKRCVL", name="Ukrainians", kind="group", country="UKR", sector="CVL", code="UKRCVL"),
        Actor(id="mayor", name="Ihor Terekhov", kind="person", country="UKR", sector="GOV", code="UKRGOV")])


@pytest.mark.parametrize("text", [
    "Indian villager Ramesh Kumar asked the Indian police to arrest the landlord. "
    "Indian villagers asked the police to arrest the landlord.",
    "Cuban activist Maria Lopez asked the Cuban government to change the penal code. "
    "Cuban citizens have also asked the government to change the code.",
])
def test_the_public_asking_is_not_the_named_civilian_who_asked_in_another_sentence(analyze, text):
    # the public is many people, each asking in their own words: "villagers" (INDCVL, a placeholder)
    # is not Ramesh Kumar (INDCVL), as "the government" may be its minister
    requests = of_type(analyze(text), "REQUEST")
    assert len(requests) == 2
    assert all(not e.mentions for e in requests)


def test_a_placeholder_of_the_public_covers_a_named_civilian_except_as_another_sentences_speaker():
    parties = Parties({"kumar": "INDCVL", "INDCVL": "INDCVL", "INDCOP": "INDCOP"}, public={"INDCVL", "kumar"})
    asks = [ev(0, ["kumar"], ["INDCOP"], "REQUEST", None), ev(100, ["INDCVL"], ["INDCOP"], "REQUEST", None)]
    assert len(merge(asks, parties)) == 2
    # what is done to them, or done by them, is still compared by code: "police beat villagers" / "...
    # beat Ramesh Kumar"
    beatings = [ev(0, ["INDCOP"], ["kumar"], "ASSAULT", "beat"), ev(100, ["INDCOP"], ["INDCVL"], "ASSAULT", "beat")]
    assert len(merge(beatings, parties)) == 1


def test_a_country_and_its_state_or_a_named_party_of_it_are_one_side():
    # "Russia shelled Kharkiv ..." / "Putin's forces shelled the city ...": the country told in one
    # telling is its state in the other; "Ukraine" read for "him" is the named man it stands for
    parties = country_parties()
    assert parties.same("RUS", "putin") and parties.same("RUS", "RUSGOV") and parties.same("UKR", "mayor")
    shelling = [ev(0, ["RUS"], ["UKR"], "ASSAULT", "artillery"), ev(100, ["putin"], ["UKR"], "ASSAULT", "artillery")]
    assert len(merge(shelling, parties)) == 1
    # not the country's public, a side of its own: shelling Ukraine and killing Ukrainians may be two
    assert not parties.same("UKR", "UKRCVL")
    assert len(merge([ev(0, ["RUS"], ["UKR"], "ASSAULT", "artillery"),
                      ev(100, ["RUS"], ["UKRCVL"], "ASSAULT", "artillery")], parties)) == 2
    # a side says things again and again: "Russia will not leave" and "the Kremlin would not accept
    # that" are two refusals
    assert len(merge([ev(0, ["RUS"], ["UKR"], "REJECT", None), ev(100, ["RUSGOV"], ["UKR"], "REJECT", None)],
                     parties)) == 2
    # ... though the one it is said to may be told as the country in one telling: "Putin rejected
    # Ukraine's demands" / "Putin rejects the mayor's demands"
    assert len(merge([ev(0, ["putin"], ["UKR"], "REJECT", None), ev(100, ["putin"], ["mayor"], "REJECT", None)],
                     parties)) == 1


def test_one_act_told_twice_in_a_sentence_to_a_placeholder_of_the_named_partys_country():
    # "Chen was indicted ..., with prosecutors accusing the now-71-year-old of ...": one accusation,
    # its second word's target read only as "the government"
    parties = Parties.of([
        Actor(id="TWNJUD", name="prosecutors", kind="group", country="TWN", sector="JUD", code="TWNJUD"),
        Actor(id="TWNGOV", name="the government", kind="organization", country="TWN", sector="GOV", code="TWNGOV"),
        Actor(id="TWNCVL", name="citizens", kind="group", country="TWN", sector="CVL", code="TWNCVL"),
        Actor(id="chen", name="Chen Shui-bian", kind="person", country="TWN", sector="ELI", code="TWNELI")])
    assert len(merge([ev(0, ["TWNJUD"], ["chen"]), ev(0, ["TWNJUD"], ["TWNGOV"])], parties)) == 1
    # two placeholders of two sectors are two parties: a request of the government and an appeal to
    # the citizens, in one sentence, are two
    assert len(merge([ev(0, ["TWNJUD"], ["TWNGOV"], "REQUEST", None), ev(0, ["TWNJUD"], ["TWNCVL"], "REQUEST", None)],
                     parties)) == 2
    # and in two sentences the placeholder says too little
    assert len(merge([ev(0, ["TWNJUD"], ["chen"]), ev(100, ["TWNJUD"], ["TWNGOV"])], parties)) == 2


def test_a_doer_left_untold_by_the_first_word_of_a_sentence_and_named_by_the_second_is_one_act():
    # "Violence has hit eastern Ethiopia, where bomb attacks by rebels killed five"
    parties = Parties({"ETH": "ETH", "rebels": "ETHREB", "army": "ETHMIL"})
    assert len(merge([ev(0, [], ["ETH"], "ASSAULT", None), ev(0, ["rebels"], ["ETH"], "ASSAULT", None)], parties)) == 1
    # in two sentences, an attack with no doer told may be another
    assert len(merge([ev(0, [], ["ETH"], "ASSAULT", None), ev(100, ["rebels"], ["ETH"], "ASSAULT", None)],
                     parties)) == 2


def test_the_protests_point_back_at_the_protests_told_before():
    # "Thousands of protesters marched against the government." ... "The Indignant Opposition, which led
    # the protests, said ...": the definite noun is the protest told, its leader named
    parties = Parties.of([
        Actor(id="HNDCVL", name="protesters", kind="group", country="HND", sector="CVL", code="HNDCVL"),
        Actor(id="HNDGOV", name="the government", kind="organization", country="HND", sector="GOV", code="HNDGOV"),
        Actor(id="org:indignant", name="Indignant Opposition", kind="organization", country="HND", sector="OPP",
              code="HNDOPP")])
    first, later = ev(0, ["HNDCVL"], ["HNDGOV"], "PROTEST", "demo"), ev(100, ["org:indignant"], [], "PROTEST", "demo")
    assert len(merge([first, later], parties, definite={id(later)})) == 1
    # told without the definite noun ("the Indignant Opposition held a protest"), it may be another
    assert len(merge([first, later], parties)) == 2
    # "the protests" by the government would not be the citizens' (two placeholders, two sides)
    other = ev(100, ["HNDGOV"], [], "PROTEST", "demo")
    assert len(merge([first, other], parties, definite={id(other)})) == 2


def test_attending_the_meeting_is_the_meeting_told_before(analyze):
    a = analyze("Egyptian Prime Minister Ahmed Nazif met union leaders in Cairo on Monday. "
                "Interior Minister Habib el-Adly and Lebanese Ambassador Ali El Halabi attended the meeting.")
    (meeting,) = of_type(a, "CONSULT")
    assert [m.text for m in meeting.mentions] == ["attended"]
    # "a meeting" is one not told yet
    a = analyze("Egyptian Prime Minister Ahmed Nazif met union leaders in Cairo on Monday. "
                "Interior Minister Habib el-Adly and Lebanese Ambassador Ali El Halabi attended a meeting in Beirut.")
    assert len(of_type(a, "CONSULT")) == 2


# ---------------------------------------------------------------- one event told twice

@pytest.mark.parametrize("text", [
    "Tony Blair met Jacques Chirac in Paris on Tuesday. Mr Chirac met Mr Blair to discuss the budget, officials said.",
    "Tony Blair met Jacques Chirac in Paris on Tuesday. The prime minister met Mr Chirac to discuss the budget.",
])
def test_a_meeting_told_again_in_other_words_is_one_event(analyze, text):
    (meeting,) = of_type(analyze(text), "CONSULT")
    assert [m.text for m in meeting.mentions] == ["met"]
    assert meeting.date == "2005-02-08"


def test_a_meeting_with_one_party_in_common_is_another_meeting():
    parties = Parties({"blair": "GBRGOV", "chirac": "FRAGOV", "schroeder": "DEUGOV"})
    meetings = [ev(0, ["blair"], ["chirac"], "CONSULT", None), ev(100, ["blair"], ["schroeder"], "CONSULT", None)]
    assert len(merge(meetings, parties)) == 2


def test_a_killing_retold_in_a_more_precise_word_is_one_event(analyze):
    # "killed" says no mode, "shot dead" says firearms: not two modes, one act
    a = analyze("North Korean soldiers killed Lee Dae-jun, a South Korean fisheries official, on Tuesday. "
                "Lee was shot dead by North Korean soldiers at sea.")
    (killing,) = of_type(a, "ASSAULT")
    assert [m.text for m in killing.mentions] == ["shot"]


def test_a_stated_mode_and_another_stated_mode_stay_two_events():
    parties = Parties({"army": "ISRMIL", "gaza": "PSE"})
    attacks = [ev(0, ["army"], ["gaza"], "ASSAULT", "firearms"), ev(100, ["army"], ["gaza"], "ASSAULT", "aerial")]
    assert len(merge(attacks, parties)) == 2


# ---------------------------------------------------------------- the event's own date

def test_on_tuesday_in_a_thursday_article_is_that_tuesday(analyze):
    a = analyze("Police arrested the opposition leader Kizza Besigye in Kampala on Tuesday.")
    (arrest,) = of_type(a, "COERCE")
    assert arrest.date == "2005-02-08" and arrest.date_mention.text == "Tuesday"


def test_an_undated_telling_takes_the_date_of_its_other_telling(analyze):
    a = analyze("Ugandan police arrested Kizza Besigye on Tuesday. "
                "Police officers later arrested the opposition leader Kizza Besigye again in Kampala, his lawyer said.")
    (arrest,) = of_type(a, "COERCE")
    assert arrest.mentions and arrest.date == "2005-02-08"


def test_no_date_in_any_telling_leaves_the_event_undated(analyze):
    a = analyze("Police arrested the opposition leader Kizza Besigye in Kampala.")
    (arrest,) = of_type(a, "COERCE")
    assert arrest.date is None  # the publication date is never put on an event silently


def test_a_date_in_the_url_dates_an_undated_article(analyze):
    a = analyze("The High Court yesterday acquitted former president Chen Shui-bian of corruption charges.",
                published=None, url="https://www.taipeitimes.com/News/taiwan/archives/2022/07/16/2003781846")
    assert a.article.published == "2022-07-16" and a.article.published_inferred
    assert any(c.kind == "published_inferred" and "URL" in c.message for c in a.checks)
    assert [e.date for e in a.events] == ["2022-07-15"]


@pytest.mark.parametrize("url, day", [
    ("https://www.taipeitimes.com/News/taiwan/archives/2022/07/16/2003781846", dt.date(2022, 7, 16)),
    ("https://www.haaretz.com/middle-east-news/2022-07-28/ty-article/x", dt.date(2022, 7, 28)),
    ("https://example.org/news/20220716/story.html", dt.date(2022, 7, 16)),
    ("https://example.org/news/2022/07/story", None),  # a month is not a day
    ("https://example.org/news/2022/13/40/story", None),  # no such day
    ("https://www.observerbd.com/news.php?id=20220712", None),  # the query is not the path
    ("https://2022-07-01.example.org/story", None),  # nor the host
    ("https://example.org/2099/01/01/story", None),  # not after today
    (None, None),
])
def test_url_dates(url, day):
    assert url_date(url, today=dt.date(2026, 1, 1)) == day


def test_a_date_that_modifies_something_else_is_not_the_events(analyze):
    # "from 2000 to 2006" dates the funds, "yesterday" the acquittal
    a = analyze("The High Court yesterday acquitted former president Chen Shui-bian of charges related to "
                "his use of state funds from 2000 to 2006.", published="2022-07-16")
    (acquittal,) = [e for e in a.events if e.trigger.text == "acquitted"]
    assert acquittal.date == "2022-07-15" and acquittal.date_mention.text == "yesterday"


def test_an_unresolvable_date_of_the_event_leaves_it_undated_rather_than_another(analyze):
    # no publication date: "On Monday" cannot be placed, and the law's year is not the warrant's
    a = analyze("On Monday, a court in Tura issued an arrest warrant against the BJP leader Bernard Marak, who "
                "faces charges under the Immoral Traffic Prevention Act of 1956.", published=None)
    warrants = [e for e in a.events if e.type == "THREATEN"]
    assert warrants and all(e.date is None for e in warrants)


@pytest.mark.parametrize("text, day", [
    ("CAIRO - 26 July 2022: Minister Amr Talat said on Tuesday that Egypt would cut import duties.", "2022-07-26"),
    ("Durban, May 17 2022 (IPS) - Global goals to end child labour will not be met, the ILO warned.", "2022-05-17"),
    ("Police today (July 26, 2022) arrested two men in Ashulia, officials said.", "2022-07-26"),
    ("On Monday, February 14, 2022, the army arrested two men in Ashulia.", None),  # an event's date, not a dateline
    ("The talks of 26 July 2022 - the first in years - failed.", None),
])
def test_a_dateline_dates_an_undated_article(analyze, text, day):
    a = analyze(text, published=None)
    if day is None:
        assert not any("dateline" in c.message for c in a.checks)
    else:
        assert a.article.published == day and a.article.published_inferred
        assert any(c.kind == "published_inferred" and "dateline" in c.message for c in a.checks)


def test_tuesday_after_a_dateline_is_that_weeks_tuesday(analyze):
    a = analyze("CAIRO - 28 July 2022: Egypt's foreign minister met his Lebanese counterpart on Tuesday in Cairo.",
                published=None)
    assert [e.date for e in a.events if e.type == "CONSULT"] == ["2022-07-26"]


# ---------------------------------------------------------------- criticism of the public, told again

def test_a_sides_words_about_its_own_public_after_its_criticism_of_a_party_are_that_criticism():
    # "Kennedy accused Labour ..." then "people have become poor across the country": the same
    # criticism in other words, not a second accusation of the people
    parties = Parties.of([Actor(id="kennedy", name="Charles Kennedy", kind="person", country="GBR", sector="OPP",
                                code="GBROPP"),
                          Actor(id="labour", name="Labour", kind="organization", country="GBR", sector="GOV",
                                code="GBRGOV"),
                          Actor(id="people", name="people", kind="group", country="GBR", sector="CVL", code="GBRCVL"),
                          Actor(id="uk", name="Britain", kind="country", country="GBR", code="GBR"),
                          Actor(id="iraq", name="Iraq", kind="country", country="IRQ", code="IRQ")])
    events = [ev(0, ["kennedy"], ["labour"]), ev(100, ["kennedy"], ["people"]), ev(200, ["kennedy"], ["uk"])]
    (kept,) = merge(events, parties)
    assert kept.recipient == ["labour"] and len(kept.mentions) == 2


def test_words_about_the_public_stay_their_own_event_when_told_first_or_abroad_or_denied():
    parties = Parties.of([Actor(id="kennedy", name="Charles Kennedy", kind="person", country="GBR", sector="OPP",
                                code="GBROPP"),
                          Actor(id="labour", name="Labour", kind="organization", country="GBR", sector="GOV",
                                code="GBRGOV"),
                          Actor(id="people", name="people", kind="group", country="GBR", sector="CVL", code="GBRCVL"),
                          Actor(id="iraqis", name="Iraqis", kind="group", country="IRQ", sector="CVL", code="IRQCVL")])
    # the public first: no criticism of a party before it to be a retelling of
    assert len(merge([ev(0, ["kennedy"], ["people"]), ev(100, ["kennedy"], ["labour"])], parties)) == 2
    # another country's people are no public of the speaker's
    assert len(merge([ev(0, ["kennedy"], ["labour"]), ev(100, ["kennedy"], ["iraqis"])], parties)) == 2
    # a denied telling is another matter
    assert len(merge([ev(0, ["kennedy"], ["labour"]), ev(100, ["kennedy"], ["people"], modality="negated")],
                     parties)) == 2


def test_a_person_named_by_part_of_one_full_name_is_that_person():
    actors = [Actor(id="full", name="Sheikh Nasser Al-Fahad Al-Sabah", kind="person", country="KWT", sector="GOV",
                    code="KWTGOV"),
              Actor(id="short", name="Sheikh Nasser", kind="person", country="KWT", sector="GOV", code="KWTGOV"),
              Actor(id="gov", name="Kuwaiti government", kind="group", country="KWT", sector="GOV", code="KWTGOV")]
    parties = Parties.of(actors)
    assert parties.same("short", "full")
    resignations = [ev(0, ["full"], ["gov"], "RETREAT", "resign"), ev(100, ["short"], [], "RETREAT", "resign")]
    assert len(merge(resignations, parties)) == 1
    # a part that fits two people names neither for sure
    two = Parties.of(actors + [Actor(id="other", name="Sheikh Nasser Al-Mohammed", kind="person", country="KWT",
                                     sector="GOV", code="KWTGOV")])
    assert not two.same("short", "full")


def test_a_criticism_retold_with_one_more_target_is_the_same_criticism():
    # "Mr Ruiz called the bishops traitors" ... "Mr Ruiz branded the bishops and the students
    # traitors": one criticism, told again naming one more of those it is aimed at
    parties = Parties({"ruiz": "NICGOV", "bishops": "NICREL", "students": "NICEDU", "press": "NICMED"})
    assert len(merge([ev(0, ["ruiz"], ["bishops"]), ev(100, ["ruiz"], ["bishops", "students"])], parties)) == 1
    assert len(merge([ev(0, ["ruiz"], ["bishops", "students"]), ev(100, ["ruiz"], ["students"])], parties)) == 1
    # another target, or only one of two in common each way, is another criticism
    assert len(merge([ev(0, ["ruiz"], ["bishops"]), ev(100, ["ruiz"], ["press"])], parties)) == 2
    assert len(merge([ev(0, ["ruiz"], ["bishops", "students"]), ev(100, ["ruiz"], ["students", "press"])],
                     parties)) == 2


def test_talks_with_only_a_country_named_are_the_meeting_of_its_parties_told_before():
    parties = Parties.of([Actor(id="gov", name="the government", kind="organization", country="XYZ", sector="GOV",
                                code="XYZGOV"),
                          Actor(id="opp", name="the opposition", kind="group", country="XYZ", sector="OPP",
                                code="XYZOPP"),
                          Actor(id="xyz", name="Xyzland", kind="country", country="XYZ", code="XYZ"),
                          Actor(id="abc", name="Abcland", kind="country", country="ABC", code="ABC"),
                          Actor(id="minister", name="Ann Roe", kind="person", country="XYZ", sector="GOV",
                                code="XYZGOV")])
    # "The government and the opposition met on Monday." ... "Xyzland's talks were a breakthrough."
    talks = [ev(0, ["gov", "opp"], [], "CONSULT", None), ev(100, ["xyz"], [], "CONSULT", None)]
    assert len(merge(talks, parties)) == 1
    # another country's talks, or a person's meeting with no one else named, may be another meeting
    assert len(merge([ev(0, ["gov", "opp"], [], "CONSULT", None), ev(100, ["abc"], [], "CONSULT", None)],
                     parties)) == 2
    assert len(merge([ev(0, ["minister", "opp"], [], "CONSULT", None), ev(100, ["minister"], [], "CONSULT", None)],
                     parties)) == 2


def test_two_accusations_told_as_done_are_two_unless_one_is_read_from_a_statement():
    # "Mr Reid criticised Mr Blair for lying" ... "Mr Reid claimed Mr Blair had ordered the vote":
    # two verbs of accusing, two accusations; the second read only from what Mr Reid said
    # ("Mr Reid said Mr Blair's record was poor") retells the first
    parties = Parties({"reid": "GBROPP", "blair": "GBRGOV"})
    first, second = ev(0, ["reid"], ["blair"], mode="disapprove"), ev(100, ["reid"], ["blair"], mode="allege")
    assert len(merge([first, second], parties)) == 2
    assert len(merge([first, second], parties, statements={id(second)})) == 1
    # announced, then done: one
    first, second = ev(0, ["reid"], ["blair"], mode="disapprove", modality="future"), ev(100, ["reid"], ["blair"])
    assert len(merge([first, second], parties)) == 1


def test_a_resignation_told_by_the_government_then_by_its_head_is_one():
    # "The government resigned yesterday. ... The prime minister decided to resign along with the
    # cabinet.": one resignation; the telling kept names both sides
    parties = Parties({"KWTGOV": "KWTGOV", "pm": "KWTGOV", "amir": "KWTGOV"})
    first = ev(0, ["KWTGOV"], [], kind="RETREAT", mode="resign")
    first.confidence = 0.9
    later = ev(100, ["pm"], ["amir"], kind="RETREAT", mode="resign")
    merged = merge([first, later], parties)
    assert len(merged) == 1 and merged[0].actor == ["pm"] and merged[0].recipient == ["amir"]
    # two ministers named apart resign apart
    two = Parties({"reid": "GBRGOV", "straw": "GBRGOV"})
    assert len(merge([ev(0, ["reid"], [], kind="RETREAT", mode="resign"),
                      ev(100, ["straw"], [], kind="RETREAT", mode="resign")], two)) == 2


def test_a_party_and_the_one_person_of_its_code_in_one_sentence_are_one_side():
    # "Labour hit back at the Tory proposals with election coordinator Alan Milburn accusing Mr
    # Howard ...": Mr Milburn (no party known) has the governing party's code, and no other party
    # of the article has it; in one sentence, his accusation and Labour's are one act
    actors = [Actor(id="party:GBR:labour", name="Labour", kind="organization", country="GBR", sector="GOV",
                    code="GBRGOV"),
              Actor(id="party:GBR:conservative", name="Conservatives", kind="organization", country="GBR",
                    sector="OPP", code="GBROPP"),
              Actor(id="milburn", name="Alan Milburn", kind="person", country="GBR", sector="GOV", code="GBRGOV"),
              Actor(id="hain", name="Peter Hain", kind="person", country="GBR", sector="GOV", code="GBRGOV")]
    parties = Parties.of(actors)
    one = [ev(0, ["party:GBR:labour"], ["party:GBR:conservative"], mode="disapprove"),
           ev(0, ["milburn"], ["party:GBR:conservative"], mode="allege")]
    assert len(merge(one, parties)) == 1
    # two people of the party are two, and so is the party's act told in another sentence
    assert len(merge([ev(0, ["milburn"], ["party:GBR:conservative"]), ev(0, ["hain"], ["party:GBR:conservative"])],
                     parties)) == 2
    assert len(merge([ev(0, ["party:GBR:labour"], ["party:GBR:conservative"], mode="disapprove"),
                      ev(100, ["milburn"], ["party:GBR:conservative"])], parties)) == 2
