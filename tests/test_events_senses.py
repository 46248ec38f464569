"""Events that are events in the news-events guidelines' sense: word senses, figurative
and empty statements, demands coded as demands, one event per real-world event, and a
lexicon file that is refused, with its line, when malformed."""

from __future__ import annotations

import pytest
from helpers import kinds

from whodid.knowledge.lexicon import Lexicon, LexiconError
from whodid.model import Analysis, Article


@pytest.fixture(scope="module")
def analyze(code_events):
    return lambda text: code_events(text, "2023-03-01")


def code(a: Analysis, ids: list[str]) -> list[str]:
    by_id = {x.id: x.code or x.id for x in a.actors}
    return [by_id[i] for i in ids]


# ---------------------------------------------------------------- word senses

@pytest.mark.parametrize("text", [
    "The chancellor said the budget would meet his fiscal rules.",
    "The French government said the contract was executed in May.",
    "The German government struck the Turkish immigration requirements from the bill.",
    "The Israeli minister was sworn in on Monday.",
    "Kenyan police sent the body to the hospital for a post-mortem.",
    "The Spanish prime minister received a letter from the French president.",
])
def test_non_event_senses_are_not_coded(analyze, text):
    assert kinds(analyze(text)) == []


@pytest.mark.parametrize("text, other", [
    # meeting a reception is being received, not a meeting
    ("Tony Blair met a cool reception from Jacques Chirac in Paris.", "Tony Blair met Jacques Chirac in Paris."),
    # rallying behind someone backs him; rallying against someone protests
    ("Four years ago progressive and conservative voters rallied behind Governor Denny Tamaki.",
     "Supporters of the opposition rallied against President Evo Morales in La Paz."),
    # one's own hopes given up are yielded to no one
    ("Former Conservative leader William Hague says he will not stand again, having given up his ambition to "
     "be prime minister.", "Russia gave up the territory after the talks."),
    # a view of how things are admitted is no concession
    ("Mr Howard admitted it was not an easy issue for the Conservatives.", "Mr Howard admitted mistakes over the Iraq war."),
    # one party agreeing to its own policy has decided it, with no one
    ("Earlier, the Scottish Executive considered a range of options but agreed unanimously to introduce an "
     "all-out ban on smoking.",
     "The leaders of Japan and Ireland agreed on Wednesday to make sure Russia faces severe consequences."),
    # "declining" with nothing declined is a fall
    ("In Ireland sales were declining before the ban, Jack McConnell said.",
     "Ireland declined the invitation of the European Union."),
    # a manner struck is no blow
    ("The Kenyan president struck a conciliatory tone toward the opposition.",
     "Kenyan police struck protesters with batons."),
    # supporters fired up are roused, not dismissed (nor threatened)
    ("The Tories hope to fire up their supporters before the election.",
     "The Tories threatened to sack the chairman of the BBC."),
    # a chance seized, seats captured in an election: no seizure
    ("Israel seized the opportunity to strengthen ties with Morocco.", "Russian troops captured the town of Bakhmut."),
    ("The opposition party captured three seats from the ruling party.", "Russian troops captured the town of Bakhmut."),
    # a plan sanctioned is authorised; a country sanctioned is penalised
    ("The ministry sanctioned the construction of a new school.", "The United States sanctioned two Russian banks."),
    # a date set for an election is no call for anything
    ("The president called the election for June.", "The opposition called for talks with the government on Monday."),
    # a campaign rally is campaigning, no protest
    ("The ruling party's candidate held a campaign rally in Lagos.",
     "The opposition held a rally against the government in Lagos."),
    # a hardship warned of is no threat of the warner's; an act warned of is
    ("The United Nations warned of a food crisis in Somalia.", "Iran warned of severe consequences if Israel attacked."),
    # a death in an accident is no one's act
    ("Police said the suspect had been killed in a car accident.",
     "Police said the suspect had been killed in an Israeli air strike."),
    # the economy supported is a measure, no party backed
    ("The central bank cut interest rates to support the economy.", "Germany will support Ukraine with more weapons."),
    # a film shot is made
    ("The film was shot in Kenya with the support of the Kenyan government.", "Police shot two protesters in Nairobi."),
])
def test_a_sense_that_is_no_event_beside_one_that_is(analyze, text, other):
    assert kinds(analyze(text)) == []
    assert kinds(analyze(other)) != []


def test_one_party_agreeing_to_another_s_deal_is_an_agreement(analyze):
    assert [t for t, _ in kinds(analyze("Russia agreed to extend the grain deal."))] == ["AGREE"]


def test_a_court_battle_is_no_fighting(analyze):
    assert "ASSAULT" not in [t for t, _ in kinds(analyze(
        "This will likely lead to another prolonged court battle over the relocation issue between Okinawa "
        "Prefecture and the central government."))]
    assert "ASSAULT" in [t for t, _ in kinds(analyze("Russian troops attacked the Ukrainian town of Bakhmut on Monday."))]


def test_attacking_words_is_criticism_and_attacking_a_town_is_an_assault(analyze):
    a = analyze("The British opposition leader attacked the prime minister's record on crime.")
    assert [t for t, _ in kinds(a)] == ["ACCUSE"]
    a = analyze("Russian troops attacked the Ukrainian town of Bakhmut.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_hitting_back_at_a_claim_is_an_accusation(analyze):
    a = analyze("The French president hit back at the German chancellor's claims.")
    assert [t for t, _ in kinds(a)] == ["ACCUSE"]


def test_an_apology_is_a_concession(analyze):
    a = analyze("The Japanese prime minister apologised to South Korea.")
    (e,) = a.events
    assert (e.type, code(a, e.recipient)) == ("CONCEDE", ["KOR"])


def test_suspending_lawmakers_is_coercion_and_suspending_aid_a_sanction(analyze):
    a = analyze("The Indian speaker suspended four opposition lawmakers.")
    assert [t for t, _ in kinds(a)] == ["COERCE"]
    a = analyze("The United States suspended military aid to Egypt.")
    assert [t for t, _ in kinds(a)] == ["SANCTION"]


# ---------------------------------------------------------------- statements without substance

@pytest.mark.parametrize("text", [
    "The Israeli prime minister's office declined to comment.",
    "The Greek minister refused to say whether he would resign.",
    "The Italian president denied reports that he would resign.",
    "The Kenyan minister refused to be drawn on the issue.",
])
def test_statements_without_substance_are_not_coded(analyze, text):
    assert kinds(analyze(text)) == []


def test_a_refusal_with_substance_is_still_coded(analyze):
    a = analyze("Iran refused to meet the French envoy.")
    assert [t for t, _ in kinds(a)] == ["REJECT"]


# ---------------------------------------------------------------- demands and announcements

def test_wanting_someone_to_act_is_a_demand_not_the_act(analyze):
    a = analyze("Kenyan unions want the government to withdraw the new tax.")
    (e,) = a.events
    assert e.type == "REQUEST" and e.trigger.text == "want"


def test_calls_for_a_withdrawal_are_a_demand(analyze):
    a = analyze("Greece renewed its calls for the withdrawal of Turkish troops.")
    types = [t for t, _ in kinds(a)]
    assert "REQUEST" in types and "RETREAT" not in types


def test_an_announced_resignation_is_a_concession_and_an_agreed_one_an_agreement(analyze):
    a = analyze("The Swedish prime minister promised the king he would step down.")
    assert [(e.type, e.modality) for e in a.events] == [("CONCEDE", "asserted")]
    a = analyze("The Swedish prime minister agreed to resign.")
    assert [t for t, _ in kinds(a)] == ["AGREE"]


def test_a_promise_with_no_counterpart_is_announced_policy(analyze):
    a = analyze("The Canadian prime minister pledged to cut taxes.")
    assert kinds(a) == []


# ---------------------------------------------------------------- one real-world event, one event

def test_a_retold_event_is_one_event_with_its_mentions(analyze):
    a = analyze("Russia invaded Ukraine on Thursday. Western leaders condemned the Russian invasion of Ukraine.")
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    (e,) = assaults
    assert e.trigger.text == "invaded" and [m.text for m in e.mentions] == ["invasion"]
    assert [t for t, _ in kinds(a)].count("ACCUSE") == 1


def test_mentions_survive_a_json_round_trip_and_old_data_reads(analyze):
    a = analyze("Russia invaded Ukraine on Thursday. Western leaders condemned the Russian invasion of Ukraine.")
    again = Analysis.from_json(a.to_json())
    assert [m.text for e in again.events for m in e.mentions] == ["invasion"]
    old = a.to_dict()
    for e in old["events"]:
        del e["mentions"]  # stored before the field existed
    assert all(e.mentions == [] for e in Analysis.from_dict(old).events)


# ---------------------------------------------------------------- the lexicon file

def _write(tmp_path, text: str):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body,line,problem", [
    ("entries:\n  - {type: CONSULT, verbs: [huddle]}\n  - {type: HUG, verbs: [hug]}\n", 3, "type must be"),
    ("entries:\n  - type: CONSULT\n    verbs: [huddle]\n    when: {obj: [person]}\n", 2, "unknown role 'obj'"),
    ("entries:\n  - type: CONSULT\n    verbs: [huddle]\n    unless: {object: [furniture]}\n", 2,
     "unknown word class 'furniture'"),
    ("entries:\n  - type: CONSULT\n    verbs: [huddle]\n    requires: everything\n", 2, "requires must be"),
    ("entries:\n  - type: CONSULT\n    verbs: [huddle]\n    colour: blue\n", 2, "unknown key(s) colour"),
    ("classes:\n  particles: [up, on]\nentries: []\n", 2, "quote on, off, yes, no"),
    ("markers:\n  charge_words: claim\n", 2, "markers: 'charge_words' must be a list of words"),
    ("markers:\n  charge_words: [claim, {allege: yes}]\n", 2, "markers: 'charge_words' must be a list of words"),
    ("entries:\n  - type: CONSULT\n    patterns: [[{RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: {IN: [a, true]}}}]]\n", 2,
     "invalid dependency pattern"),
])
def test_a_malformed_lexicon_entry_is_refused_with_file_line_and_problem(tmp_path, body, line, problem):
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        Lexicon.load(path)
    assert str(err.value).startswith(f"{path}:{line}:") and problem in str(err.value)
    assert Lexicon.load().entries  # the built-in lexicon keeps working


def test_a_user_sense_constraint_selects_the_sense(tmp_path, nlp):
    from whodid.events import EventsStage
    from whodid.knowledge import Resources
    from whodid.model import Actor, Mention

    path = _write(tmp_path, "classes:\n  furniture: [table, chair]\nentries:\n"
                            "  - type: CONSULT\n    cameo: '040'\n    verbs: [huddle]\n"
                            "    unless: {prep:around: [furniture]}\n")
    stage = EventsStage(Resources.build(lexicon_files=[path]))

    def run(text: str) -> list[str]:
        doc = nlp(text)
        actors = [Actor(id="B", name="Biden", kind="person", code="USAGOV", mentions=[Mention(0, 5, "Biden")])]
        a = Analysis(article=Article(text=text), actors=actors)
        stage(doc, a)
        return [e.type for e in a.events]

    if nlp("Biden huddled with aides.")[1].lemma_ != "huddle":
        pytest.skip("the parser does not read 'huddled' as the verb huddle")
    assert run("Biden huddled with aides.") == ["CONSULT"]
    assert run("Biden huddled around the table.") == []


def test_sentence_root_is_found_by_index_not_identity():
    """spaCy builds a new Token object on each access, so ``tok.head is tok`` never holds;
    the coder's ROOT tests compare indices (``tok.head.i == tok.i``)."""
    from whodid.nlp import load

    doc = load()("The minister said he would go.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head is not root and root.head.i == root.i
    import pathlib
    import re

    src = pathlib.Path(__file__).resolve().parents[1] / "src" / "whodid"
    bad = [f"{p}:{n}" for p in src.rglob("*.py") for n, line in enumerate(p.read_text().splitlines(), 1)
           if re.search(r"\.head is (not )?[a-z_]", line)]
    assert bad == []


# ---------------------------------------------------------------- issue 15: precision rules

@pytest.mark.parametrize("text,absent", [
    ("The French foreign ministry declined to give details of the talks.", "REJECT"),
    ("The Conservative leader Michael Howard will defend his party's handling of the bill.", "SUPPORT"),
    ("Thirteen Kuwaiti lawmakers signed the petition on Tuesday.", "SUPPORT"),
    ("The German and French ministers agreed that these are serious problems.", "AGREE"),
])
def test_views_and_non_acts_are_not_coded(analyze, text, absent):
    assert absent not in [t for t, _ in kinds(analyze(text))]


def test_an_act_in_response_to_another_codes_only_the_act(analyze):
    found = kinds(analyze("In response to the Russian attacks, Ukraine expelled the Russian ambassador."))
    assert ("ASSAULT", "attacks") not in found


def test_same_side_retelling_is_one_event():
    from whodid.events.remention import Parties, merge
    from whodid.model import Event, Mention, Offsets

    def ev(start, mode, modality, actor):
        return Event(type="ACCUSE", mode=mode, cameo="111", actor=[actor], recipient=["blair"], modality=modality,
                     sentence=Offsets(start, start + 50), trigger=Mention(start + 5, start + 10, "x"), confidence=0.5)
    # Charles Kennedy is a Lib Dem (the knowledge base's party membership): one side
    codes = Parties({"kennedy": "GBROPP", "libdems": "GBROPP", "blair": "GBRGOV"}, sides={"kennedy": "libdems"})
    assert len(merge([ev(0, "disapprove", "future", "kennedy"), ev(100, "allege", "asserted", "libdems")], codes)) == 1
    # a denial is another matter
    assert len(merge([ev(0, "disapprove", "negated", "kennedy"), ev(100, "allege", "asserted", "libdems")], codes)) == 2


# ---------------------------------------------------------------- states, manners, shown facts, searches

@pytest.mark.parametrize("text", [
    # shown, not a demonstration
    "The Liberal Democrats have demonstrated that they can defeat the Conservatives in Scotland.",
    # a state the subject is in, not a betrayal told (nor the speaker's accusation)
    "The BBC journalist Robert Peston said Gordon Brown feels deeply betrayed.",
    # cooperation with no one named (PLOVER: COOPERATE requires a recipient)
    "The Egyptian minister reviewed Egypt's efforts to implement projects in cooperation with various state sectors.",
])
def test_shown_facts_states_and_manners_are_not_coded(analyze, text):
    assert kinds(analyze(text)) == []


def test_cooperation_with_a_party_named_is_kept(analyze):
    a = analyze("Egypt implemented the projects in cooperation with Jordan.")
    assert [(e.type, code(a, e.recipient)) for e in a.events] == [("COOPERATE", ["JOR"])]


def test_a_police_raid_is_a_search_not_an_attack(analyze):
    # PLOVER 2.0 manual, COERCE mode seize: "execute search, confiscate property, raid"
    a = analyze("Indian police raided the farmhouse of the opposition leader in Tura.")
    assert [(e.type, e.mode) for e in a.events] == [("COERCE", "seize")]
    a = analyze("Russian troops raided the Ukrainian village of Bucha.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_aid_promised_to_no_one_is_announced_policy(analyze):
    # PLOVER: AID requires a recipient; intended aid is AGREE (CAMEO 033), and with no one to
    # receive it, announced domestic policy (news-events guidelines)
    assert kinds(analyze("The Costa Rican Ministry of Health will provide appropriate follow-up.")) == []
    a = analyze("The Japanese government will provide food aid to North Korea.")
    assert [(e.type, code(a, e.recipient)) for e in a.events] == [("AGREE", ["PRK"])]


@pytest.mark.parametrize("text", [
    "The Egyptian state occupied a leading position at the regional and international levels.",
    "The Kenyan opposition was quick in seizing on the president's remarks.",
])
def test_holding_a_rank_or_seizing_on_words_is_no_seizure(analyze, text):
    assert kinds(analyze(text)) == []


def test_occupying_a_town_is_a_seizure(analyze):
    a = analyze("Russian troops occupied the Ukrainian town of Kherson.")
    assert [(e.type, e.mode) for e in a.events] == [("COERCE", "seize")]


def test_deaths_in_an_accident_are_no_ones_act(analyze):
    # the relative pronoun stands for the accident: no one killed the passengers
    assert kinds(analyze("The Kenyan bus accident that killed 35 people happened at the Nithi bridge.")) == []
    a = analyze("The gunmen who killed 40 people in Pakistan were arrested.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_one_party_agreeing_that_something_should_change_is_a_view(analyze):
    a = analyze("The Ecuadorian health minister agrees that the health system should be changed.")
    assert kinds(a) == []
    a = analyze("Israel and Hamas agreed that the truce would start on Friday.")
    assert "AGREE" in [t for t, _ in kinds(a)]


def test_recognition_is_of_a_state_or_a_government(analyze):
    # CAMEO 054, grant diplomatic recognition
    assert kinds(analyze("The Colombian president recognises the importance of exercise for his healthcare ideas.")) == []
    a = analyze("Ghana recognised the new government of Mali.")
    assert [(e.type, code(a, e.recipient)) for e in a.events] == [("SUPPORT", ["MLIGOV"])]


def test_beating_a_team_on_penalties_is_a_game(analyze):
    assert kinds(analyze("Australia took the 31st qualifying spot on Monday when they beat Peru 5-4 on penalties.")) == []
    assert [t for t, _ in kinds(analyze("Police beat the Kenyan protesters with batons."))] == ["ASSAULT"]


def test_a_warning_that_judges_or_names_a_danger_is_no_threat(analyze):
    for text in ["The Dutch foreign minister warned that the Belgian plan could be illegal.",
                 "The Irish prime minister warned the Irish voters that the stakes are too high.",
                 "The Greek finance minister warned of the dangers of leaving the euro."]:
        assert "THREATEN" not in [t for t, _ in kinds(analyze(text))], text
    # a warning of what will be done, or of the warner's readiness, is a threat
    a = analyze("The Finnish union leader warned there could be further strikes unless the Finnish government backed down.")
    assert "THREATEN" in [t for t, _ in kinds(a)]
    a = analyze("Russia warned it would impose sanctions on Ukraine.")
    assert [t for t, _ in kinds(a)] == ["THREATEN"]


def test_refusing_to_deny_a_claim_is_no_rejection(analyze):
    a = analyze("The Canadian finance minister refused to deny claims that the prime minister had broken a deal.")
    assert "REJECT" not in [t for t, _ in kinds(a)]
    a = analyze("The Canadian finance minister refused to meet the Chinese ambassador.")
    assert [t for t, _ in kinds(a)] == ["REJECT"]


def test_signing_is_an_agreement_only_when_an_agreement_is_signed(analyze):
    assert "SUPPORT" not in [t for t, _ in kinds(analyze("The Nigerian governors signed three death warrants on Monday."))]
    assert "SUPPORT" not in [t for t, _ in kinds(analyze("Thousands of Chilean voters signed up to the new website."))]
    a = analyze("Israel and Egypt signed a peace treaty.")
    assert [t for t, _ in kinds(a)] == ["SUPPORT"]


def test_a_raid_by_a_civil_body_of_the_state_is_a_search(analyze):
    a = analyze("Indian tax authorities conducted a raid on the offices of the Chinese company.")
    assert [(e.type, e.mode) for e in a.events] == [("COERCE", "seize")]
    a = analyze("Israeli troops raided the Palestinian town of Jenin.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_a_scathing_attack_by_a_politician_is_criticism(analyze):
    a = analyze("The Kuwaiti deputy speaker launched a scathing attack on the Kuwaiti opposition.")
    assert [t for t, _ in kinds(a)] == ["ACCUSE"]
    a = analyze("Rebels launched an attack on the Malian army base.")
    assert [t for t, _ in kinds(a)] == ["ASSAULT"]


def test_a_promise_of_policy_to_no_party_is_no_event(analyze):
    a = analyze("The British home secretary said prosecutions were his first preference and promised the new "
                "powers would only be used in serious cases, with scrutiny from judges.")
    assert "AGREE" not in [t for t, _ in kinds(a)]
    a = analyze("The Kenyan president promised to cooperate fully with the ICC.")
    assert [(e.type, code(a, e.recipient)) for e in a.events] == [("AGREE", ["IGOJUDICC"])]


def test_dismissing_a_party_as_something_is_criticism(analyze):
    a = analyze("The Liberal Democrat leader Charles Kennedy dismissed the Conservatives as a fading force.")
    assert [t for t, _ in kinds(a)] == ["ACCUSE"]
    a = analyze("The German chancellor dismissed the French president's claims.")
    assert [t for t, _ in kinds(a)] == ["REJECT"]


def test_consulting_on_a_topic_with_no_one_named_is_no_meeting(analyze):
    assert kinds(analyze("The Conservative Party is consulting on a new tax on sugar.")) == []
    a = analyze("The Japanese prime minister consulted the Japanese defence minister on the plan.")
    assert "CONSULT" in [t for t, _ in kinds(a)] or "AGREE" in [t for t, _ in kinds(a)]


def test_should_in_a_relative_clause_is_no_demand(analyze):
    a = analyze("Dr Tamimi said the main issues British Muslims should consider were the war on Iraq and civil liberties.")
    assert "REQUEST" not in [t for t, _ in kinds(a)]
    a = analyze("The Libyan government must hand over the suspects, the British foreign minister said.")
    assert [t for t, _ in kinds(a)] == ["REQUEST"]


def test_a_restriction_eased_for_no_one_but_the_easer_is_domestic_policy(analyze):
    assert kinds(analyze("The Egyptian government is easing restrictions on internet access.")) == []
    a = analyze("The United States lifted sanctions on Venezuela.")
    assert [(e.type, code(a, e.recipient)) for e in a.events] == [("CONCEDE", ["VEN"])]


def test_sending_a_missive_is_no_aid(analyze):
    assert "AID" not in [t for t, _ in kinds(analyze("The British spin doctor sent the missive by mistake to the BBC."))]


def test_pressing_ahead_with_a_plan_is_no_demand(analyze):
    assert "REQUEST" not in [t for t, _ in kinds(analyze(
        "The Chinese government was pressing ahead with its railway project in Laos."))]
    assert "REQUEST" in [t for t, _ in kinds(analyze(
        "The Chinese government pressed Laos for faster repayment of the railway loans."))]


# ---------------------------------------------------------------- round 8: concessions, names

def test_granting_a_point_about_others_is_no_concession(analyze):
    a = analyze("The British foreign secretary acknowledged some countries still had to see the light on the rebate.")
    assert "CONCEDE" not in [t for t, _ in kinds(a)]
    a = analyze("The Israeli prime minister acknowledged Palestinian leaders were in the middle of an election campaign.")
    assert "CONCEDE" not in [t for t, _ in kinds(a)]


def test_admitting_ones_own_fault_is_a_concession(analyze):
    a = analyze("The Japanese prime minister admitted he had misled South Korea.")
    assert "CONCEDE" in [t for t, _ in kinds(a)]


def test_calling_a_party_something_is_no_call_for_anything(analyze):
    a = analyze('The British opposition leader called the Labour government "a brilliant machine for talking about things".')
    assert "REQUEST" not in [t for t, _ in kinds(a)]
    a = analyze("The British opposition leader called for talks with the Labour government.")
    assert "REQUEST" in [t for t, _ in kinds(a)]


def test_a_resignation_one_is_due_to_make_is_announced(analyze):
    a = analyze("The British Labour MP is due to stand down at the next election.")
    assert [(e.type, e.modality) for e in a.events] == [("CONCEDE", "future")]
    a = analyze("The British Labour MP stood down at the last election.")
    assert [e.type for e in a.events] == ["RETREAT"]


def test_a_country_hit_by_a_wave_of_infections_is_no_assault(analyze):
    a = analyze("Japan is being hit by a seventh wave of COVID-19 infections.")
    assert "ASSAULT" not in [t for t, _ in kinds(a)]
    a = analyze("Russian missiles hit the Ukrainian town of Bakhmut.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_welcoming_a_state_of_things_is_no_support(analyze):
    a = analyze("The British opposition leader welcomed the fact there had been a quick conclusion to the election.")
    assert "SUPPORT" not in [t for t, _ in kinds(a)]
    a = analyze("The British opposition leader welcomed the decision of the Labour government.")
    assert "SUPPORT" in [t for t, _ in kinds(a)]


def test_visiting_a_tomb_is_no_meeting_with_the_dead(analyze):
    a = analyze("The British prime minister visited the tomb of Yasser Arafat in Ramallah.")
    assert "CONSULT" not in [t for t, _ in kinds(a)]
    a = analyze("The British prime minister visited Mahmoud Abbas in Ramallah.")
    assert "CONSULT" in [t for t, _ in kinds(a)]


def test_clashing_with_ones_leaders_over_an_issue_is_no_assault(analyze):
    a = analyze("The British Tory MP has clashed with his party leaders over tuition fees.")
    assert "ASSAULT" not in [t for t, _ in kinds(a)]
    a = analyze("Indian troops clashed with Chinese soldiers over the disputed border.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_a_bodys_midyear_summit_is_no_meeting_between_parties(analyze):
    a = analyze("The new centre in Lusaka will host the upcoming African Union midyear summit.")
    assert [t for t, _ in kinds(a)] == []
    a = analyze("The new centre in Lusaka will host the upcoming African Union summit with the European Union.")
    assert [t for t, _ in kinds(a)] != []


def test_a_thing_banned_is_a_rule_no_coercion(analyze):
    a = analyze("Chinese police said the products contained sibutramine, a drug that is banned in China.")
    assert "COERCE" not in [t for t, _ in kinds(a)]
    a = analyze("The Chinese government banned the planned protests of the opposition party.")
    assert "COERCE" in [t for t, _ in kinds(a)]


def test_defending_a_record_is_no_support_of_a_party(analyze):
    a = analyze("The Thai prime minister defended the government's economic performance.")
    assert "SUPPORT" not in [t for t, _ in kinds(a)]
    a = analyze("The French president defended the German chancellor.")
    assert "SUPPORT" in [t for t, _ in kinds(a)]


def test_handing_over_a_building_is_no_release(analyze):
    a = analyze("China handed over a new parliament building to the Zimbabwean government.")
    assert "RETREAT" not in [t for t, _ in kinds(a)]
    a = analyze("The Russian army handed the Ukrainian prisoners over to the Ukrainian government.")
    assert "RETREAT" in [t for t, _ in kinds(a)]


def test_meeting_the_press_is_no_meeting_between_parties(analyze):
    a = analyze("The Taiwanese delegation will meet with Czech media before visiting the grave of Vaclav Havel.")
    assert [t for t, _ in kinds(a)] == []
    a = analyze("The Taiwanese delegation will meet with the Czech foreign minister.")
    assert [t for t, _ in kinds(a)] == ["AGREE"]  # a future meeting (guidelines)


def test_lawmakers_attending_their_parliament_is_no_meeting(analyze):
    a = analyze("The Sri Lankan opposition lawmakers attended parliament on Tuesday.")
    assert "CONSULT" not in [t for t, _ in kinds(a)]
    a = analyze("The Sri Lankan president attended the summit of the African Union.")
    assert "CONSULT" in [t for t, _ in kinds(a)]


def test_a_partys_hostility_to_europe_is_no_fighting(analyze):
    a = analyze("The Conservative Party's hostility to Europe has now hardened, the former British minister wrote.")
    assert "ASSAULT" not in [t for t, _ in kinds(a)]
    a = analyze("Hostilities between Russian and Ukrainian troops resumed near Bakhmut.")
    assert "ASSAULT" in [t for t, _ in kinds(a)]


def test_thanking_the_public_is_no_support_of_a_party(analyze):
    a = analyze("The Pakistani prime minister said he wanted to thank the people of Punjab for their trust.")
    assert [t for t, _ in kinds(a)] == []
    a = analyze("The Ukrainian president thanked the British government for its support.")
    assert "SUPPORT" in [t for t, _ in kinds(a)]
