"""Type and role rules for whole news articles (docs/event-roles.md): the sense a word has
in its sentence, and who does what to whom when the text says it indirectly."""

from __future__ import annotations

import pytest

from helpers import found
from whodid.model import Analysis


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2024-05-03")


def codes(analysis: Analysis, ids: list[str]) -> list[str]:
    by_id = {a.id: a for a in analysis.actors}
    return [by_id[i].code for i in ids]


def types(analysis: Analysis) -> list[str]:
    return sorted(e.type for e in analysis.events)


# ---------------------------------------------------------------- type: the word's sense


def test_opposing_a_policy_is_disapproval_not_a_rejection(analyze):
    a = analyze("The Indian opposition strongly opposes the new farm laws.")
    assert types(a) == ["ACCUSE"]


def test_a_courts_order_is_its_ruling_a_ministers_order_a_request(analyze):
    a = analyze("The court ordered the South Korean government to release the documents.")
    e = found(a, "SANCTION", "ordered")
    assert e.mode == "convict"
    assert "REQUEST" not in types(a)


def test_a_court_dismissing_the_charges_acquits(analyze):
    a = analyze("The Taiwanese High Court dismissed all charges against Chen Shui-bian.")
    assert found(a, "CONCEDE", "dismissed").cameo == "081"
    b = analyze("Three British appeal judges dismissed both appeals.")
    assert "CONCEDE" not in types(b)


def test_seeking_help_asks_the_one_who_would_give_it(analyze):
    a = analyze("The Afghan government is seeking American help to rebuild the army.")
    e = found(a, "REQUEST")
    assert codes(a, e.actor) == ["AFGGOV"] and codes(a, e.recipient)[0].startswith("USA")


def test_an_invitation_to_act_is_a_request_an_invitation_to_visit_an_offer(analyze):
    a = analyze("Queen Elizabeth invited Harold Wilson to form a new minority government.")
    assert found(a, "REQUEST", "invited")
    b = analyze("Emmanuel Macron invited Olaf Scholz to visit Paris.")
    assert "REQUEST" not in types(b) and "AGREE" in types(b)


def test_a_reproach_for_what_was_not_done_is_criticism(analyze):
    a = analyze("Amnesty International said the British government should have acted sooner.")
    e = found(a, "ACCUSE")
    assert codes(a, e.recipient) == ["GBRGOV"]
    b = analyze("Amnesty International said the British government should act now.")
    assert "ACCUSE" not in types(b) and "REQUEST" in types(b)


def test_naming_a_deed_by_a_pejorative_is_criticism_of_its_doer(analyze):
    a = analyze("The Palestinian president called the raid an Israeli crime.")
    e = found(a, "ACCUSE")
    assert [c[:3] for c in codes(a, e.recipient)] == ["ISR"]
    # the raid is named, not staged by the one who names it
    assert not any(e.type == "ASSAULT" and codes(a, e.actor) and codes(a, e.actor)[0].startswith("PSE")
                   for e in a.events)
    b = analyze("Labour MPs described the Conservative plans as a disaster.")
    assert "ACCUSE" in types(b)


def test_a_persons_attack_on_a_party_is_criticism_on_a_country_an_assault(analyze):
    a = analyze("Robert Kilroy-Silk has been attacking the Labour Party for weeks.")
    assert types(a) == ["ACCUSE"]
    b = analyze("Vladimir Putin threatened to attack Ukraine.")
    assert found(b, "THREATEN").cameo == "138"


def test_fighting_crime_is_no_assault(analyze):
    a = analyze("The British government has been fighting crime and poverty for years.")
    assert "ASSAULT" not in types(a)
    b = analyze("British troops fought Taliban fighters in Helmand.")
    assert "ASSAULT" in types(b)


def test_a_call_on_a_date_is_a_phone_call_a_call_on_someone_a_request(analyze):
    a = analyze("Barack Obama called Vladimir Putin on Tuesday.")
    assert types(a) == ["CONSULT"]
    b = analyze("Barack Obama called on Vladimir Putin to withdraw his troops.")
    e = found(b, "REQUEST")
    assert codes(b, e.recipient) == ["RUSGOV"]


def test_an_act_weighed_is_hypothetical(analyze):
    a = analyze("Edward Heath mulled over resigning.")
    assert found(a, "RETREAT").modality == "hypothetical"


# ---------------------------------------------------------------- roles


def test_the_patient_of_a_passive_relative_clause_is_its_noun(analyze):
    a = analyze("The Nicaraguan police detained seven opposition leaders, who were imprisoned by the "
                "Nicaraguan government.")
    e = found(a, "COERCE", "imprisoned")
    assert codes(a, e.actor) == ["NICGOV"] and e.recipient


def test_coordinated_participles_share_the_passive_and_its_doer(analyze):
    a = analyze("Three coachloads of British protesters were searched and detained by British police.")
    e = found(a, "COERCE", "detained")
    assert codes(a, e.actor) == ["GBRCOP"] and codes(a, e.recipient) == ["GBRCVL"]


def test_coordinated_verbs_share_their_object(analyze):
    a = analyze("The Nicaraguan government has arrested and sentenced opposition candidates and journalists.")
    arrest = found(a, "COERCE", "arrested")
    assert codes(a, arrest.actor) == ["NICGOV"] and arrest.recipient


def test_found_guilty_names_the_one_found_guilty(analyze):
    a = analyze("The Taiwanese High Court found Wu Shu-jen guilty of money laundering.")
    e = found(a, "SANCTION")
    assert codes(a, e.actor) == ["TWNJUD"]
    assert [n for n in (x.name for x in a.actors if x.id in e.recipient)] == ["Wu Shu-jen"]


def test_acts_conjoined_to_a_requested_act_belong_to_the_request(analyze):
    a = analyze("Liberty director Shami Chakrabarti called on the British government to keep its word "
                "and free or charge the detainees.")
    assert types(a) == ["REQUEST"]


def test_a_refusal_is_addressed_to_the_one_whose_act_is_its_condition(analyze):
    a = analyze("Rishi Sunak said he would not apologise even if Keir Starmer asked.")
    e = found(a, "REJECT")
    assert codes(a, e.recipient) == ["GBROPP"] and "recipient" not in e.inferred


def test_a_resignation_by_an_officeholder_is_handed_to_the_government(analyze):
    a = analyze("German Interior Minister Nancy Faeser resigned on Monday.")
    e = found(a, "RETREAT")
    assert codes(a, e.recipient) == ["DEUGOV"] and "recipient" in e.inferred


def test_a_refusal_of_someones_calls_is_addressed_to_someone_of_the_country(analyze):
    a = analyze("British Prime Minister Rishi Sunak has rejected calls to step down.")
    e = found(a, "REJECT")
    assert codes(a, e.recipient) == ["GBR"] and "recipient" in e.inferred


def test_a_ruling_naming_no_party_judges_the_state(analyze):
    a = analyze("The British Law Lords ruled that the detentions were illegal.")
    e = found(a, "SANCTION")
    assert codes(a, e.recipient) == ["GBRGOV"] and "recipient" in e.inferred


def test_unnamed_people_arrested_by_police_are_of_the_polices_country_not_an_armys(analyze):
    a = analyze("The Indian police arrested four individuals on Monday.")
    e = found(a, "COERCE")
    assert codes(a, e.recipient) == ["IND"]
    b = analyze("The Israeli army arrested four individuals on Monday.")
    assert found(b, "COERCE").recipient == []


def test_an_arrest_retold_by_the_same_side_is_one_event(analyze):
    a = analyze("Bernard Marak was arrested by the Indian police in Hapur on Tuesday. "
                "Indian police officers arrested Bernard Marak near a checkpoint.")
    arrests = [e for e in a.events if e.type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].mentions


def test_a_party_name_read_as_the_subject_of_its_claims_is_the_target(code_events):
    # the parser reads "Tory claims they could cut" as a clause; the claims are the Tories'
    a = code_events('Mr Blair derided Tory claims they could cut £35bn in "wasteful spending".', "2005-02-10")
    ev = next(e for e in a.events if e.trigger.text == "derided")
    assert any(r.startswith("party:") and r.endswith(":conservative") for r in ev.recipient)
