"""actors/offices: people and organisations coded by the offices and names the text gives
them, when the knowledge base has no office for them at the article's date. The
sentences are written for these tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(stages=[ActorsStage()])


def actor(pipeline, text, name, published="2005-03-01"):
    analysis = pipeline.analyze(Article(text=text, published=published))
    found = [a for a in analysis.actors if any(m.text.endswith(name) or name in m.text for m in a.mentions)]
    assert found, f"no actor for {name!r} in {[a.name for a in analysis.actors]}"
    return found[0]


BRITAIN = ("LONDON - British ministers met in London on Monday. The British government said the new rules "
           "would start in May in Britain. ")


def test_office_in_a_named_organisation_takes_its_sector(pipeline):
    a = actor(pipeline, BRITAIN + "Jane Whitcombe of the Ramblers Association criticised the plan.", "Jane Whitcombe")
    assert a.code == "GBRNGO" and "sector" in a.inferred and "Ramblers Association" in a.role


def test_shadow_post_is_opposition(pipeline):
    a = actor(pipeline, BRITAIN + "The shadow transport secretary, Peter Ambrose, attacked the rules.", "Peter Ambrose")
    assert a.code == "GBROPP"


def test_religious_title(pipeline):
    a = actor(pipeline, BRITAIN + "The Bishop of Lindale, Dr Alan Merriweather, welcomed the rules.", "Alan Merriweather")
    assert a.sector == "CHR"


def test_mp_after_the_name_is_a_legislator_and_a_former_post_says_nothing_of_now(pipeline):
    a = actor(pipeline, BRITAIN + "Former health minister Tom Harkness MP said the rules were unfair.", "Tom Harkness")
    assert a.code == "GBRLEG"


def test_office_of_state_by_its_name(pipeline):
    a = actor(pipeline, BRITAIN + "Minister of state for rural affairs Colin Braddock defended the plan.", "Colin Braddock")
    assert a.code == "GBRGOV"


def test_of_phrase_of_a_person_is_not_his_title(pipeline):
    a = actor(pipeline, BRITAIN + "The lawyers of Martin Quayle said he would appeal.", "Martin Quayle")
    # not a lawyer (JUD): a private person, as nothing else gives him an office
    assert a.sector == "CVL" and "private person" in a.role and "sector" in a.inferred


def test_acronym_of_an_organisation_named_before(pipeline):
    text = BRITAIN + "The Rural Payments Office said claims were late. The RPO blamed the computers."
    analysis = pipeline.analyze(Article(text=text, published="2005-03-01"))
    office = [a for a in analysis.actors if any(m.text == "RPO" for m in a.mentions)]
    assert office and office[0].name == "Rural Payments Office" and office[0].sector == "GOV"


def test_acronym_defined_in_brackets(pipeline):
    a = actor(pipeline, BRITAIN + "The Federation of Small Traders (FST) said the rules would cost jobs.", "FST")
    assert a.sector == "BUS" or a.sector == "NGO"


def test_foreign_body_is_not_the_namesake(pipeline):
    text = "The Polish Senate voted on the treaty in Warsaw on Tuesday, a spokesman for the Polish Senate said."
    analysis = pipeline.analyze(Article(text=text, published="2020-03-01"))
    senate = [a for a in analysis.actors if any("Senate" in m.text for m in a.mentions)]
    assert senate and all(a.code == "POLLEG" for a in senate)


def test_a_place_named_with_its_region_says_where_the_story_is(pipeline):
    text = ("A shopkeeper said he was beaten by police in Rajshahi's Boalia on Sunday. "
            "He said the officers took his money and the police denied it.")
    analysis = pipeline.analyze(Article(text=text, published="2022-07-01"))
    police = [a for a in analysis.actors if any(m.text == "police" for m in a.mentions)]
    assert police and police[0].code == "BGDCOP"


def test_a_persons_possessive_is_no_region(nlp):
    from whodid.actors.home import region_place_countries
    from whodid.knowledge import Resources

    resources = Resources.build()

    class State:  # what region_place_countries asks of the actors stage's state
        doc = nlp("He spoke in Blair's Sedgefield and later in Rajshahi's Boalia.")
        kb = resources.kb

        def gazetteer(self):
            return resources.gazetteer

    assert region_place_countries(State()) == ["BGD"]


def test_the_texts_opposition_title_beats_an_open_ended_dictionary_role(pipeline):
    text = "NAIROBI - Kenyan opposition leader Raila Odinga said on Monday that the vote in Kenya was rigged."
    a = actor(pipeline, text, "Raila Odinga", published="2022-08-20")
    assert a.code == "KENOPP" and "opposition" in a.role



def test_a_former_office_in_an_organisation_says_nothing_of_now(pipeline):
    text = BRITAIN + "Former Ramblers Association chairman Tom Lister said the rules were fair."
    a = actor(pipeline, text, "Tom Lister")
    assert a.sector == "CVL" and "private person" in a.role  # no office read: a private person


def test_a_leader_of_a_union_named_by_its_acronym_is_labour_not_opposition(pipeline):
    text = BRITAIN + ("The National Federation of Postal Workers Union said it would ballot its members. "
                      "NFPW leader Anne Coulter warned of strikes.")
    a = actor(pipeline, text, "Anne Coulter")
    assert a.code == "GBRLAB" and "Union" in a.role


def test_an_office_in_a_body_named_by_its_kind(pipeline):
    a = actor(pipeline, BRITAIN + "Commission Chairman Ruth Ellery said the count was fair.", "Ruth Ellery")
    assert a.code == "GBRGOV" and "Commission" in a.role


def test_an_opposition_delegation_is_the_opposition(pipeline):
    text = "KAMPALA - In Uganda, an opposition delegation presented its demands to the electoral board in Kampala."
    analysis = pipeline.analyze(Article(text=text, published="2006-02-01"))
    group = [a for a in analysis.actors if any(m.text.endswith("delegation") for m in a.mentions)]
    assert group and group[0].code == "UGAOPP"
    assert any(m.text == "its" for m in group[0].mentions)


def test_an_organisation_is_what_the_text_describes_it_as(pipeline):
    text = BRITAIN + "The farmers' union, the NFB, said the plan would ruin them."
    analysis = pipeline.analyze(Article(text=text, published="2005-03-01"))
    org = [a for a in analysis.actors if any(m.text == "NFB" for m in a.mentions)]
    assert org and org[0].sector == "AGR"  # "farmers" (the dictionary) before "union"


def test_an_office_of_state_the_dictionary_lacks(pipeline):
    a = actor(pipeline, BRITAIN + "First Minister Hugh Arlow said the rules would be delayed.", "Hugh Arlow")
    assert a.code == "GBRGOV"


def test_an_office_in_an_uncoded_body_is_not_the_states(pipeline):
    a = actor(pipeline, BRITAIN + "ABTA director general Sir Colin Ferrers warned of job losses.", "Colin Ferrers")
    assert a.sector != "GOV"


def test_a_place_in_apposition_is_no_office(pipeline):
    text = BRITAIN + "Mr Harwood, from Croydon, south London, was released."
    assert "private person" in actor(pipeline, text, "Harwood").role  # no office read


def test_a_legislatures_presiding_officer_is_the_legislature(pipeline):
    text = ("PRAGUE - Czech Senate President Karel Dvorsky met a delegation from Taiwan on Monday. "
            "Dvorsky said the visit would go ahead.")
    a = actor(pipeline, text, "Karel Dvorsky", published="2021-03-01")
    assert a.code == "CZELEG" and "presiding" in a.role
    # a former presiding officer is not one now; nor is an officer of another kind of body
    text = ("PRAGUE - Former Czech Senate President Karel Dvorsky met a delegation from Taiwan on Monday. "
            "Museum President Jana Lisková welcomed them.")
    assert actor(pipeline, text, "Karel Dvorsky", published="2021-03-01").sector != "LEG"
    assert actor(pipeline, text, "Jana Lisková", published="2021-03-01").sector != "LEG"


def test_law_lords_named_as_people_sit_as_a_court(pipeline):
    a = actor(pipeline, BRITAIN + "Law Lords ruled last month that the detentions broke the law.", "Law Lords")
    assert a.sector == "JUD"


def test_a_chamber_named_by_its_place_is_the_legislature(pipeline):
    text = "TOKYO - Japan's lower house passed the budget bill on Friday. The upper house will vote next week."
    a = actor(pipeline, text, "lower house", published="2021-03-01")
    assert a.code == "JPNLEG"
    assert actor(pipeline, text, "upper house", published="2021-03-01").code == "JPNLEG"


def test_an_organisation_is_the_kind_of_body_its_description_names(pipeline):
    # the description's head noun, when the agents dictionary lacks it: a union is LAB, even
    # when the name is described where the parse took it into another mention
    text = BRITAIN + ("A spokesman for Fairwork, Britain's second biggest union, said the talks had failed. "
                      "Fairwork will ballot its members next week.")
    assert actor(pipeline, text, "Fairwork").code == "GBRLAB"


def test_a_new_party_is_in_opposition_where_another_party_governs(pipeline):
    # a party the text names only as "his new party" in Britain in 2005, when the knowledge
    # base's prime minister's party governs; with no date nothing says which party governs
    text = BRITAIN + "Mr Dalloway launched his new party, Integritas, on Tuesday. Integritas will contest every seat."
    a = actor(pipeline, text, "Integritas")
    assert a.code == "GBROPP" and "sector" in a.inferred
    assert actor(pipeline, text, "Integritas", published=None).sector in (None, "PTY")


def test_an_office_in_a_broadcaster_is_the_medias(pipeline):
    text = BRITAIN + "Northern Broadcasting Corp chairman Alan Pettigrew called on the government to act."
    assert actor(pipeline, text, "Alan Pettigrew").code == "GBRMED"
    text = BRITAIN + "Northern Shipping Corp chairman Alan Pettigrew called on the government to act."
    assert actor(pipeline, text, "Alan Pettigrew").code == "GBRBUS"


def test_representatives_of_a_body_are_the_bodys_not_legislators(pipeline):
    text = BRITAIN + "Representatives from a number of Hindu organisations will attend the meeting on Tuesday."
    assert actor(pipeline, text, "Representatives").code == "GBRNGO"
    text = BRITAIN + "Representatives of the Ramblers Association will attend the meeting on Tuesday."
    a = actor(pipeline, text, "Representatives")
    assert a.code == "GBRNGO" and "Ramblers" in a.name


def test_an_organisation_named_before_the_noun_it_modifies_is_that_kind(pipeline):
    text = ("MALABO - The National Renewal (RN) opposition party had announced protest marches in Malabo. "
            "But the RN on Tuesday called off the marches.")
    a = actor(pipeline, text, "RN", published="2005-03-01")
    assert a.sector == "OPP" and "sector" in a.inferred


def test_former_officeholder_is_an_elite(pipeline):
    a = actor(pipeline, BRITAIN + "Former comptroller Jane Pettigrew said the ministers must resign.", "Jane Pettigrew")
    assert a.code == "GBRELI" and "sector" in a.inferred and "former" in a.role.lower()


def test_former_post_gives_way_to_a_current_one(pipeline):
    a = actor(pipeline, BRITAIN + "Former health minister Tom Harkness MP said the rules were unfair.", "Tom Harkness")
    assert a.code == "GBRLEG"


def test_former_group_noun_is_no_office(pipeline):
    a = actor(pipeline, BRITAIN + "Former soldiers Tom Brack and Jim Hale marched on Whitehall.", "Tom Brack")
    assert a.sector != "ELI"


def test_title_the_parse_took_for_an_organisation_is_a_person(pipeline):
    a = actor(pipeline, BRITAIN + "The Chamber of Commerce requested the resignation of Comptroller Gerado Vidal.",
              "Gerado Vidal")
    assert a.kind == "person" and a.code == "GBRGOV"


def test_religious_title_before_a_surname_the_parse_took_for_an_organisation(pipeline):
    a = actor(pipeline, BRITAIN + "The money should have been used to reduce poverty, Cardinal Cormac Murphy-O'Connor "
                                  "has said.", "Murphy-O'Connor")
    assert a.kind == "person" and a.sector == "CTH"


def test_branch_of_the_state_named_by_its_adjective():
    from whodid.knowledge.institutions import body_sector
    assert body_sector(["Executive", "Yuan"]) == "GOV"
    assert body_sector(["Legislative", "Council"]) == "LEG"
    assert body_sector(["Judicial", "Yuan"]) == "JUD"
    assert body_sector(["Executive", "Committee", "Members"]) is None


def test_a_description_in_apposition_gives_the_profession(pipeline):
    a = actor(pipeline, BRITAIN + "The mayor insulted the reporter, Oliver Grantham, outside City Hall.", "Oliver Grantham")
    assert a.code == "GBRMED"


def test_the_lead_names_the_office_the_next_sentence_the_person(pipeline):
    text = ("Scotland's justice minister has warned football fans that she will ban them from matches.  "
            "Cathy Mearns said exclusion orders were one of several measures being considered.")
    a = actor(pipeline, text, "Cathy Mearns")
    assert a.code == "GBRGOV" and "in the lead" in a.role


def test_a_lead_naming_a_body_gives_no_office(pipeline):
    text = ("The rules will change in May, the government has said.  Helen Barton told MPs that the rules would "
            "change.")
    a = actor(pipeline, text, "Helen Barton")
    assert a.sector is None


def test_an_organisation_named_by_a_stacked_agent_keeps_the_whole_code(pipeline):
    # PETRARCH's agents dictionary: HUMAN_RIGHTS_COMMISSION [~GOVHRI]
    text = BRITAIN + "The plan was called outrageous by the Islamic Human Rights Commission (IHRC)."
    a = actor(pipeline, text, "Islamic Human Rights Commission")
    assert a.code == "GBRGOVHRI" and a.sector == "GOV"  # the sector is the first, for one-sector fields


def test_a_constituent_country_adjective_names_the_united_kingdom(pipeline):
    text = ("Political parties should seek more small donations, the Electoral Commission has said. The rules "
            "would also cover the Scottish Parliament and the Welsh Assembly.")
    a = actor(pipeline, text, "Scottish Parliament")
    assert a.country == "GBR"
    assert actor(pipeline, text, "Electoral Commission").code == "GBRGOV"  # the story's country, by them


def test_an_opposition_figure_is_the_opposition(pipeline):
    a = actor(pipeline, BRITAIN + "Oppositionist Maria Delgado Ruiz was sentenced to eight years in prison.",
              "Maria Delgado Ruiz")
    assert a.code == "GBROPP"


def test_what_the_sentence_says_a_person_is(pipeline):
    text = BRITAIN + "The court sentenced Maria Delgado. Delgado was the opposition figure most likely to win."
    assert actor(pipeline, text, "Maria Delgado").code == "GBROPP"
    text = BRITAIN + "Tom Farrow is the son of the president."
    assert "private person" in actor(pipeline, text, "Tom Farrow").role  # the of-phrase is not what he is


def test_a_group_qualified_by_an_agent_noun_takes_its_sector(pipeline):
    text = BRITAIN + "Last July the police were accused of bias by Muslim groups after the figures came out."
    a = actor(pipeline, text, "groups")
    assert a.code == "GBRMUS"


def test_a_past_word_on_another_noun_is_no_former_office(pipeline):
    text = BRITAIN + "The former Soviet republic's foreign minister, Ivan Dobrev, met the British minister."
    assert actor(pipeline, text, "Ivan Dobrev").sector != "ELI"


def test_a_person_no_source_and_no_words_give_an_office_is_a_private_person(pipeline):
    a = actor(pipeline, BRITAIN + "Mary Hollins told reporters she would sell her house.", "Mary Hollins")
    assert a.code == "GBRCVL" and "sector" in a.inferred and "private person" in a.role
    # a titled person keeps his title's sector
    b = actor(pipeline, BRITAIN + "Judge Alan Pettifer said the rules were lawful.", "Alan Pettifer")
    assert b.sector == "JUD"


def test_people_held_or_accused_are_civilians(pipeline):
    text = "LAGOS - Four inmates escaped from a Nigerian prison on Sunday. Police in Nigeria arrested three suspects."
    analysis = pipeline.analyze(Article(text=text, published="2021-03-01"))
    for noun in ("inmates", "suspects"):
        found = [a for a in analysis.actors if any(m.text == noun for m in a.mentions)]
        assert found and found[0].code == "NGACVL", noun


def test_a_name_in_brackets_after_a_body_is_its_short_name(pipeline):
    text = ("MANAGUA - The government, through the Nicaraguan Institute of Telecommunications and Post Office "
            "(Enacal), ordered on Friday that the channel be closed. Due to instructions from Enacal, the channel "
            "was removed.")
    analysis = pipeline.analyze(Article(text=text, published="2022-03-01"))
    short = [a for a in analysis.actors if any(m.text == "Enacal" for m in a.mentions)]
    assert short and short[0].code == "NICGOV" and short[0].name.startswith("Nicaraguan Institute")


def test_british_bodies_of_business_labour_and_health(pipeline):
    text = BRITAIN + "The CBI welcomed the rules, but the TUC and the BMA opposed them."
    analysis = pipeline.analyze(Article(text=text, published="2005-03-01"))
    codes = {m.text: a.code for a in analysis.actors for m in a.mentions}
    assert codes.get("The CBI", codes.get("CBI")) == "GBRBUS"
    assert codes.get("the TUC", codes.get("TUC")) == "GBRLAB"
    assert codes.get("the BMA", codes.get("BMA")) == "GBRHLH"


def test_a_known_body_before_leader_is_no_party(pipeline):
    a = actor(pipeline, BRITAIN + "GMB leader Kevin Curran said the cuts were wrong.", "Kevin Curran")
    assert a.code == "GBRLAB" and "GMB" in a.role  # a union's leader, not the opposition's


def test_initials_of_another_countrys_body_are_not_that_body(pipeline):
    text = ("NEW DELHI - The CBI arrested two officials of the Indian railways ministry in Delhi on Monday, "
            "Indian police said. The CBI said more arrests would follow.")
    analysis = pipeline.analyze(Article(text=text, published="2015-03-01"))
    cbi = [a for a in analysis.actors if any(m.text.endswith("CBI") for m in a.mentions)]
    assert cbi and cbi[0].country == "IND" and cbi[0].sector is None  # not Britain's business lobby
    # an armed group keeps its initials abroad
    text = "DAMASCUS - Fighters clashed with the PKK near Aleppo in Syria, the Syrian government said."
    analysis = pipeline.analyze(Article(text=text, published="2015-03-01"))
    assert any(a.code == "TURREBPKK" for a in analysis.actors)


def test_a_body_word_in_a_name_is_no_place(pipeline):
    text = ("NEW DELHI - Opposition members staged a walkout in the Rajya Sabha on Tuesday, and the Lok Sabha "
            "was adjourned. The Rajya Sabha passed the bill in India.")
    analysis = pipeline.analyze(Article(text=text, published="2022-07-27"))
    house = [a for a in analysis.actors if a.name == "Rajya Sabha"]
    assert house and house[0].code == "INDLEG"  # not Libya's (Sabha is a Libyan district too)
