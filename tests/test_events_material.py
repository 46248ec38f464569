"""Material acts the coder missed or mistyped (issue 15, material types): protests, strikes and
riots told by a noun with no one named, people who demonstrate and workers who strike however
generic the word for them, protesters storming a place, police forces sent, confiscations,
dismissals, crackdowns on firms. Each behaviour with a guard sentence that must stay as it was."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyze(code_events):
    """The actors, quotes and events stages on one text (the article's country from its actors)."""
    return lambda text: code_events(text, "2022-07-20")


def codes(analysis, ids):
    by_id = {a.id: a for a in analysis.actors}
    return [by_id[i].code for i in ids]


# ---------------------------------------------------------------- a protest no one is named for


def test_mass_protests_with_no_one_named_are_the_peoples_protest(analyze):
    a = analyze("Anger at tax rises in Bolivia spilled over into mass protests in 2003.")
    (e,) = [e for e in a.events if e.type == "PROTEST"]
    assert codes(a, e.actor) == ["BOLCVL"] and "actor" in e.inferred


def test_a_protest_noun_that_modifies_another_or_says_how_is_no_protest(analyze):
    # "protest vote" is a kind of vote, "in protest" says why they boycotted
    a = analyze("Voters in Kenya may stay at home or cast a protest vote.")
    assert [e for e in a.events if e.type == "PROTEST"] == []
    a = analyze("Opposition parties in Kenya boycotted parliament in protest.")
    assert [(e.type, e.trigger.text) for e in a.events] == [("PROTEST", "boycotted")]


def test_a_protest_told_before_is_not_a_new_one(analyze):
    a = analyze("The company said it lost millions in Kenya because of the protests.")
    assert [e for e in a.events if e.type == "PROTEST"] == []
    a = analyze("The company said it lost millions in Kenya because of mass protests.")
    assert [codes(a, e.actor) for e in a.events if e.type == "PROTEST"] == [["KENCVL"]]


def test_a_strike_the_workers_are_named_for_is_theirs(analyze):
    a = analyze("A miners' strike in Britain brought down the government in 1974.")
    (e,) = [e for e in a.events if e.type == "PROTEST"]
    assert e.mode == "strike" and [c[3:] for c in codes(a, e.actor)] == ["LAB"]


def test_a_military_strike_is_no_labour_strike(analyze):
    a = analyze("The Israeli army said its strike killed two Hamas commanders in Gaza.")
    assert [e for e in a.events if e.type == "PROTEST"] == []


# ---------------------------------------------------------------- generic crowds that demonstrate or strike


def test_villagers_who_demonstrate_protest(analyze):
    a = analyze("Several hundred villagers demonstrated in front of the police station in Dhaka.")
    assert [(e.type, e.mode, codes(a, e.actor)) for e in a.events] == [("PROTEST", "demo", ["BGDCVL"])]


def test_demonstrating_a_skill_is_no_protest(analyze):
    assert analyze("Several hundred students demonstrated their skills at the fair in Dhaka.").events == []


def test_workers_who_strike_protest_and_rebels_who_strike_attack(analyze, hand_code):
    a = analyze("Dock workers in Chile have been striking for a week.")
    assert [(e.type, e.mode, codes(a, e.actor)) for e in a.events] == [("PROTEST", "strike", ["CHLLAB"])]
    events = hand_code("The rebels struck the town at dawn.", {"rebels": ("R", "---REB")})
    assert all(e.type != "PROTEST" for e in events)


def test_protesters_who_storm_a_residence_protest(hand_code):
    events = hand_code("Thousands of protesters stormed the president's residence.",
                       {"protesters": ("P", "LKACVL"), "president": ("G", "LKAGOV")})
    assert [e.type for e in events] == ["PROTEST"]


def test_troops_who_storm_a_town_attack(hand_code):
    events = hand_code("The troops stormed the rebel town.", {"troops": ("T", "SYRMIL"), "rebel": ("R", "SYRREB")})
    assert [e.type for e in events] == ["ASSAULT"]


# ---------------------------------------------------------------- state force and coercion


def test_police_forces_sent_out_are_mobilized(hand_code):
    events = hand_code("The government sent out massive police forces.", {"government": ("G", "GNQGOV")})
    assert [(e.type, e.mode, e.actor) for e in events] == [("MOBILIZE", "police", ["G"])]


def test_forces_sent_with_no_police_are_not_police(hand_code):
    events = hand_code("The government sent out massive aid convoys.", {"government": ("G", "GNQGOV")})
    assert all(e.type != "MOBILIZE" for e in events)


def test_confiscating_property_is_seizing(hand_code):
    events = hand_code("The police confiscated the farmers' land.", {"police": ("P", "ZAFPOL")})
    assert [(e.type, e.mode, e.actor) for e in events] == [("COERCE", "seize", ["P"])]


def test_firing_an_official_is_dismissing_him_and_firing_rockets_is_not(hand_code):
    events = hand_code("The new government will fire the attorney-general.",
                       {"government": ("G", "ISRGOV"), "attorney-general": ("A", "ISRJUD")})
    assert [(e.type, e.mode) for e in events] == [("COERCE", "restrict")]
    events = hand_code("Hamas fired rockets at Israel.", {"Hamas": ("H", "PSEINS"), "Israel": ("I", "ISR")})
    assert all(e.type != "COERCE" for e in events)


def test_a_crackdown_on_firms_restricts_and_censorship_stays_censorship(hand_code):
    events = hand_code("India launched a crackdown on Chinese firms.", {"India": ("I", "INDGOV"), "firms": ("F", "CHNBUS")})
    assert [(e.type, e.mode) for e in events if e.trigger.text == "crackdown"] == [("COERCE", "restrict")]
    events = hand_code("The government imposed censorship on the newspapers.", {"government": ("G", "NICGOV")})
    assert [(e.type, e.mode) for e in events if e.trigger.text == "censorship"] == [("COERCE", "censor")]
