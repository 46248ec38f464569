"""Roles the text gives indirectly, on whole articles (docs/event-roles.md, "Roles from
context"): a pronoun bound by the subject of its clause, unnamed attackers and victims, the
one asked in a request. Made-up sentences."""

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


def test_an_object_pronoun_is_not_the_subject_of_the_clause_it_hangs_from(analyze):
    # "calling" has no subject of its own: the government's binds "them" too
    a = analyze("The Zambian government reacted angrily to the complaints filed by the two opposition "
                "leaders, calling them bad losers.")
    e = found(a, "ACCUSE", "calling")
    assert codes(a, e.actor) == ["ZMBGOV"]
    assert codes(a, e.recipient) == ["ZMBOPP"]


def test_a_series_of_bomb_attacks_is_done_by_unidentified_attackers_where_it_happened(analyze):
    # the counted noun's of-phrase is the doer, a device; the place is the noun a
    # where-clause hangs from
    a = analyze("Violence has also hit northern Kenya, where a series of bomb attacks killed seven people.")
    e = found(a, "ASSAULT", "killed")
    assert codes(a, e.actor) == ["KENUNK"]
    assert codes(a, e.recipient)[0].startswith("KEN")


def test_a_monarch_of_several_realms_acts_in_the_office_of_the_storys_country(code_events):
    # Elizabeth II was head of state of the UK and of a dozen other realms at once: in a
    # story set in Britain she is the British head of state
    a = code_events("British Prime Minister Tony Blair went to Buckingham Palace in London on Tuesday. "
                    "The Queen invited Mr Blair to form a new government.", "2005-05-06")
    e = found(a, "REQUEST", "invited")
    assert codes(a, e.actor) == ["GBRGOV"]


def test_a_speakers_second_act_hung_on_the_reported_clause_is_the_speakers(analyze):
    # the parser joins "praised" to "was", whose subject is a ruling, no party
    a = analyze('Raila Odinga said the Supreme Court\'s ruling was "in line with the constitution" '
                'and praised its very decisive majority.')
    e = found(a, "SUPPORT", "praised")
    assert codes(a, e.actor) == [next(x.code for x in a.actors if x.name.startswith("Raila"))]


def test_an_institution_named_like_a_name_is_the_storys_body(code_events):
    # "Congress": an agent noun written as a name is the body itself, of the story's country,
    # not a field ("cooperated on border security")
    a = code_events("The Chilean government sent the bill to Congress on Monday.", "2022-05-01")
    assert "CHLLEG" in [x.code for x in a.actors]


def test_what_is_sought_is_asked_of_the_body_it_would_come_from(analyze):
    a = analyze("The Chilean government seeks approval in Congress for an emergency measure.")
    e = found(a, "REQUEST", "seeks")
    assert codes(a, e.actor) == ["CHLGOV"] and codes(a, e.recipient) == ["CHLLEG"]
    b = analyze("The Chilean government seeks support in France for an emergency measure.")
    assert not [r for e in b.events for r in codes(b, e.recipient) if r.startswith("FRA")]


def test_us_in_a_direct_quotation_is_its_speaker(analyze):
    # "work with us": the one the unions will work with is the minister who says so
    a = analyze('Foreign Minister Alexandra Hill met South Korean officials on Monday. '
                '"The unions will work with us to fix this," Hill said.')
    e = found(a, "AGREE")
    assert [x.name for x in a.actors if x.id in e.recipient] == ["Alexandra Hill"]


def test_they_in_a_direct_quotation_is_not_its_speaker(analyze):
    # "'They attacked us,' she said": whoever attacked, it was not the one who says so
    a = analyze('Foreign Minister Alexandra Hill met South Korean officials on Monday. '
                '"They attacked us," Hill said.')
    hill = next(x.id for x in a.actors if x.name == "Alexandra Hill")
    assert not [e for e in a.events if e.trigger.text == "attacked" and hill in e.actor]


def test_the_minister_in_a_later_sentence_is_the_minister_named_in_apposition(analyze):
    # "the Minister of Foreign Affairs, Alexandra Hill": the office's apposition names its
    # holder, and "The Minister" later is she, not an organisation called "Minister of ..."
    a = analyze("SAN SALVADOR: The Minister of Foreign Affairs, Alexandra Hill, held a meeting with the "
                "president of Samsung, Hong Sang Jo. The Minister thanked the company for its support.")
    e = found(a, "SUPPORT", "thanked")
    assert [x.name for x in a.actors if x.id in e.actor] == ["Alexandra Hill"]
    assert codes(a, e.actor) == ["SLVGOV"]
    assert not [x for x in a.actors if x.name.startswith("Minister")]


def test_an_apposition_further_on_is_not_the_titles_holder(analyze):
    # the driver is Pedro Vásquez; the journalist named first is not
    a = analyze("The journalist, the accountant and the administrator of the Foundation, as well as "
                "Chamorro's personal driver, Pedro Vásquez, were found guilty of money laundering.")
    vasquez = [x for x in a.actors if x.name == "Pedro Vásquez"]
    assert vasquez and all(not m.text.startswith("The journalist") for m in vasquez[0].mentions)


def test_forces_led_by_a_country_are_that_countrys_not_those_of_where_they_fight(analyze):
    # "US-led forces ... in Iraq": the leader designates the forces; the place does not
    a = analyze("US-led forces attacked the town of Falluja in Iraq.")
    e = found(a, "ASSAULT", "attacked")
    assert codes(a, e.actor) == ["USAMIL"]


def test_a_coalition_named_by_its_leader_is_the_leader(analyze):
    a = analyze("The Saudi-led coalition bombed rebel positions in Yemen.")
    e = found(a, "ASSAULT", "bombed")
    assert codes(a, e.actor) == ["SAU"]


def test_mps_opening_a_sentence_are_the_legislature_though_tagged_a_name(analyze):
    # the parser tags a plural noun that opens a sentence as a proper name ("MPs": NNP)
    a = analyze("JERUSALEM: Israeli troops raided the West Bank city of Jenin on Monday. "
                "MPs criticised the government over the raid.")
    e = found(a, "ACCUSE", "criticised")
    assert codes(a, e.actor) == ["ISRLEG"]


def test_the_crown_prince_later_is_the_crown_prince_named_before(analyze):
    # "HH the Crown Prince Sheikh Mishal ...", then "The Crown Prince": the man, not the
    # Kuwaiti government
    a = analyze("KUWAIT: The order was signed by HH the Crown Prince Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah "
                "on Tuesday. The Crown Prince also criticised the National Assembly for delaying the budget.")
    e = found(a, "ACCUSE", "criticised")
    assert [x.kind for x in a.actors if x.id in e.actor] == ["person"]
    assert [x.name for x in a.actors if x.id in e.actor][0].startswith("Mishal")


def test_the_mayor_later_is_the_mayor_named_before(analyze):
    a = analyze("TAIPEI: Taipei mayor Ko Wen-je met the city council on Monday. "
                "The mayor criticised the council for delaying the budget.")
    e = found(a, "ACCUSE", "criticised")
    assert [x.name for x in a.actors if x.id in e.actor] == ["Ko Wen-je"]


def test_a_demand_with_no_addressee_is_made_of_whoever_refuses_it_next(analyze):
    # the refusal in the next sentence names the one asked; the refusal answers the one who asked
    a = analyze("Liberal Democrat leader Ed Davey called for a public inquiry into the scandal. "
                "Rishi Sunak rejected the call on Tuesday.")
    request, refusal = found(a, "REQUEST"), found(a, "REJECT")
    assert request.recipient == refusal.actor
    assert refusal.recipient == request.actor


def test_a_plea_is_made_to_the_court_of_the_country_trying_the_case(analyze):
    # the case is another country's: its courts; no other country named: the pleader's own
    a = analyze("Former Peruvian minister Luis Castaneda pleaded guilty on Monday in the United States' "
                "bribery case against him.")
    assert codes(a, found(a, "CONCEDE").recipient) == ["USAJUD"]
    a = analyze("The Kenyan businessman Paul Mwangi pleaded not guilty to fraud charges in Nairobi on Monday.")
    assert codes(a, found(a, "REJECT").recipient) == ["KENJUD"]


def test_words_refused_in_a_reduced_relative_are_someones_of_the_refusers_country(analyze):
    # "claims denied by Labour": the participle's noun is what is refused, so the refusal
    # answers someone's words, told elsewhere (a country-only code, inferred)
    a = analyze("The posters prompted accusations of racism, claims denied by Prime Minister Anthony Albanese.")
    e = found(a, "REJECT")
    assert codes(a, e.recipient) == ["AUS"] and "recipient" in e.inferred
