"""actors (issue #20, round 7): sectors read by general rules. The sentences are written for
these tests."""

from __future__ import annotations

from test_actors_round5 import actor, analyse


def test_a_name_in_office_by_a_titled_alias_is_the_officeholder(actors_pipeline):
    # "George Bush" is the father's name; the son's alias "American President George Bush" names
    # him too, and in 2004 he is president
    an = analyse(actors_pipeline, "Michael Howard sent George Bush his warmest congratulations.", "2004-11-04")
    assert actor(an, "George Bush").code == "USAGOV"


def test_the_same_name_before_the_sons_term_is_the_father(actors_pipeline):
    an = analyse(actors_pipeline, "Michael Howard sent George Bush his warmest congratulations.", "1990-11-04")
    assert actor(an, "George Bush").name != "George W. Bush"


def test_an_election_commissioner_is_of_the_state_past_the_titles_acronym(actors_pipeline):
    an = analyse(actors_pipeline, "ISLAMABAD: PTI Chairman Imran Khan demanded resignation of Chief Election Commissioner (CEC) "
                           "Sikandar Sultan Raja. Khan claimed that the CEC did everything in his power to help the ruling party.", "2022-07-19")
    assert actor(an, "Sultan Raja").code == "PAKGOV"
    assert actor(an, "CEC").code == "PAKGOV"


def test_opposition_or_ruling_before_a_bodys_name_gives_its_standing(actors_pipeline):
    # neither party is in the knowledge base: the word before each name says where it stands,
    # and the chairman of the opposition one is the opposition's
    an = analyse(actors_pipeline, "ISLAMABAD – A day after his party got thumping victory in the by-polls of Punjab, "
                           "opposition Pakistan Tehreek-e-Insaf (PTI) Chairman Imran Khan reiterated his resolve. "
                           "Khan claimed that the CEC did everything in his power to help ruling Pakistan Muslim "
                           "League-Nawaz (PML-N) win in the by-elections.", "2022-07-19")
    assert actor(an, "PTI").code == "PAKOPP"
    assert actor(an, "PML-N").code == "PAKGOV"
    assert actor(an, "Imran Khan").code == "PAKOPP"


def test_an_organ_named_after_a_party_has_its_standing_and_the_party_stays_the_party(actors_pipeline):
    an = analyse(actors_pipeline, "ISLAMABAD – Opposition leader Imran Khan of the opposition Pakistan Tehreek-e-Insaf (PTI) "
                           "spoke on Monday. Earlier, the PTI Core Committee endorsed an earlier decision of the "
                           "party to nominate Chaudhry Pervaiz Elahi.", "2022-07-19")
    assert actor(an, "PTI Core Committee").code == "PAKOPP"
    the_party = [a for a in an.actors if any(m.text == "the party" for m in a.mentions)]
    assert [a.name for a in the_party] == ["PTI"]


def test_a_name_its_acronym_defines_is_one_body_not_the_country_it_opens_with(actors_pipeline):
    an = analyse(actors_pipeline, "ISLAMABAD – Imran Khan claimed that the CEC did everything in his power to help ruling "
                           "Pakistan Muslim League-Nawaz (PML-N) win in the by-elections.", "2022-07-19")
    body = actor(an, "PML-N")
    assert body.code == "PAKGOV"
    assert "Pakistan Muslim League-Nawaz" in [m.text for m in body.mentions]
