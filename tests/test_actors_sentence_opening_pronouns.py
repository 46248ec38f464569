"""actors (issue #15, branch act-pron14): "it" and "they" opening a sentence, taken up from the subject
of the sentence before. The sentences are written for these tests."""

from __future__ import annotations

from test_actors_round5 import analyse
from test_actors_round6 import codes_of


def test_it_doing_an_act_is_the_country_the_sentence_before_had_act(actors_pipeline):
    an = analyse(actors_pipeline, "India agreed to share its data on the objections within two weeks. It also agreed to "
                           "arrange a tour by the Pakistani team within the year, the report said.", "2022-07-01")
    assert codes_of(an, "It") == ["IND"]


def test_it_that_stands_for_a_clause_stays_unresolved(actors_pipeline):
    # "It seems ...": no country nor body is meant, though India was the subject just before
    an = analyse(actors_pipeline, "India agreed to share its data on the objections within two weeks. It seems the talks "
                           "went better than expected.", "2022-07-01")
    assert codes_of(an, "It") == []


def test_it_after_a_person_stays_unresolved(actors_pipeline):
    # the sentence before had a person act: "it" is not someone named further back
    an = analyse(actors_pipeline, "India raised the matter at the meeting. Prime Minister Narendra Modi signed the accord "
                           "on Monday. It also agreed to arrange a tour by the Pakistani team.", "2022-07-01")
    assert codes_of(an, "It") == []


def test_they_opening_a_sentence_is_the_subject_before_past_a_party_named_in_a_list(actors_pipeline):
    # "the Communist Party of India (Marxist)": a name inside a phrase of the sentence before,
    # which is no subject, does not stop "They" from taking up "the 19 parliamentarians"
    an = analyse(actors_pipeline, "The 19 parliamentarians suspended on Tuesday include seven from the Trinamool Congress "
                           "and two from the Communist Party of India (Marxist). They were suspended after the deputy "
                           "chairman repeatedly asked them to return to their seats.", "2022-07-27")
    assert [code[-3:] for code in codes_of(an, "They")] == ["LEG"]  # the legislators, of the country they are of
