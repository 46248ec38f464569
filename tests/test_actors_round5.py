"""actors (issue #20, round 5): names, dates and parties read by general rules. The
sentences are written for these tests."""

from __future__ import annotations

from whodid.model import Article


def analyse(pipeline, text, published=None):
    return pipeline.analyze(Article(text=text, published=published) if published else Article(text=text))


def actor(analysis, name):
    found = [a for a in analysis.actors if any(name in m.text for m in a.mentions)]
    assert found, f"no actor for {name!r} in {[a.name for a in analysis.actors]}"
    return found[0]


def test_a_demonym_opening_a_bodys_name_is_not_its_people(actors_pipeline):
    an = analyse(actors_pipeline, "The British Medical Association warned ministers on Tuesday that waiting lists would grow.",
                 "2005-03-01")
    a = actor(an, "Medical Association")
    assert a.country == "GBR" and a.kind == "organization"
    assert not any(x.code == "GBRCVL" for x in an.actors)  # not "the British" people


def test_a_country_adjective_in_a_bodys_name_is_the_country_it_names_best(actors_pipeline):
    an = analyse(actors_pipeline, "A statement from the French Foreign Ministry criticised the plan.", "2005-03-01")
    assert actor(an, "French Foreign Ministry").country == "FRA"


def test_mr_and_one_part_of_a_hyphenated_surname_is_the_same_person(actors_pipeline):
    an = analyse(actors_pipeline, "Robert Kilroy-Silk launched his new party on Wednesday. Mr Kilroy said it would "
                           "win seats in the north.", "2005-02-02")
    people = [a for a in an.actors if a.kind == "person"]
    assert len(people) == 1 and {"Robert Kilroy-Silk", "Kilroy"} <= {m.text for m in people[0].mentions}


def test_an_undated_story_is_resolved_inside_the_terms_of_the_titled_people_it_names(actors_pipeline):
    # the last year the text names is 2019, but Kishida was prime minister from October 2021
    an = analyse(actors_pipeline, "Prime Minister Fumio Kishida said the sanctions would stay. Former prime minister "
                           "Shinzo Abe had signed the first accord in 2019.")
    assert actor(an, "Fumio Kishida").code == "JPNGOV"
    assert actor(an, "Shinzo Abe").code == "JPNELI"
    note = next(c.message for c in an.checks if c.kind == "role_date_assumed")
    assert "titles of the people it names" in note


def test_party_names_place_a_story_that_names_no_country(actors_pipeline):
    # no country, capital or dated office is named: the knowledge base knows these parties in one country
    an = analyse(actors_pipeline, "The Lib Dems accused Labour of hiding the figures. Lib Dem chairman Ruth Pellow said "
                           "voters deserved the truth. A government spokeswoman rejected the claim.", "2005-03-01")
    assert actor(an, "Lib Dems").code == "GBROPP"
    assert actor(an, "Labour").code == "GBRGOV"
    assert actor(an, "Ruth Pellow").code == "GBROPP"
    assert actor(an, "voters").country == "GBR"  # a group of no country word takes the story's


def test_a_spokesman_or_adviser_of_a_person_is_of_his_principals_country_and_sector(actors_pipeline):
    an = analyse(actors_pipeline, "Tom Vekker, an adviser on trade to President Bush, said the tariffs would stay.",
                 "2005-03-01")
    a = actor(an, "Tom Vekker")
    assert a.code == "USAGOV" and "sector" in a.inferred and "Bush" in a.role


def test_a_party_title_in_apposition_after_the_name(actors_pipeline):
    an = analyse(actors_pipeline, "Jim Harrow, Tory co-chairman, said the budget was a fraud.", "2005-03-01")
    assert actor(an, "Jim Harrow").code == "GBROPP"


def test_an_office_in_an_intergovernmental_organisation_is_coded_as_it(actors_pipeline):
    an = analyse(actors_pipeline, "EU foreign policy coordinator Catherine Ashton said the executions were wrong.",
                 "2012-03-01")
    assert actor(an, "Catherine Ashton").code == "IGOEUREEC"


def test_a_title_set_off_before_the_name_at_the_start_of_a_sentence(actors_pipeline):
    an = analyse(actors_pipeline, "The UN Special Rapporteur on torture, Peter Lindqvist, protested the sentences.",
                 "2012-03-01")
    assert actor(an, "Peter Lindqvist").code == "IGOUNO"


def test_a_site_section_named_for_a_country_says_where_the_story_is(actors_pipeline):
    text = "Police fired on villagers who had gathered outside the station on Sunday evening."
    an = actors_pipeline.analyze(Article(text=text, url="https://www.example-daily.net/news/bangladesh/crime/shots-12345"))
    assert actor(an, "Police").code == "BGDCOP"
    an = actors_pipeline.analyze(Article(text=text, url="https://www.example-daily.net/news/world/shots-12345"))
    assert actor(an, "Police").country is None  # no section, no country: nothing guessed


def test_a_country_code_domain_counts_for_the_publishers_country_but_a_generic_one_does_not(nlp):
    from whodid.actors.home import url_countries
    from whodid.knowledge import Resources

    class State:
        kb = Resources.build().kb

    assert url_countries(State, "https://www.example.co.nz/news/471206/story") == [("NZL", 1.0)]
    assert url_countries(State, "https://example.tv/news/471206/story") == []
    assert url_countries(State, "https://www.example.com/india-news/story-1016") == [("IND", 1.5)]


def test_a_broadcaster_taken_for_a_person_is_no_person_and_the_leads_office_goes_to_the_next_name(actors_pipeline):
    an = analyse(actors_pipeline, "Portugal's economy minister on Monday linked the decision to the crisis.\n\n"
                           "In an interview with Lusitania Radio, Marta Pereira said she was not surprised.",
                 "2022-06-13")
    assert actor(an, "Marta Pereira").code == "PRTGOV"
    assert actor(an, "Lusitania Radio").kind == "organization"


def test_a_generational_suffix_is_not_the_surname(actors_pipeline):
    an = analyse(actors_pipeline, "Philippine President Ferdinand “Bongbong” Marcos Jnr told the transport department to "
                           "secure the loans. Marcos Jnr is expected to keep the policy.", "2022-07-20")
    a = actor(an, "Marcos Jnr")
    assert a.code == "PHLGOV" and {m.text for m in a.mentions} >= {"Marcos Jnr"}
    an = analyse(actors_pipeline, "Dexter Quayle Jnr said the shop would close.", "2022-07-20")
    assert actor(an, "Quayle Jnr").kind == "person"  # a person no source knows keeps the whole name
