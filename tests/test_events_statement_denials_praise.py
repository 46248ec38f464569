"""What a statement's content makes it (``whodid.events.criticism``): a reported denial that
answers an accusation or a demand made of the speaker's side just before is the side's rebuttal
(REJECT to the accuser); a reported clause that says a named party is what a word of praise says
is SUPPORT of it. Actors are built by hand."""

from __future__ import annotations

def test_a_denial_after_an_accusation_of_the_speakers_side_rebuts_the_accuser(criticism_code):
    names = {"Liberty": ("N", "GBRNGO"), "Home Office": ("H", "GBRGOV")}
    text = ("Liberty accused the Home Office of racism in its asylum policy. "
            "The Home Office said it had not meant to discriminate against anyone.")
    assert ("REJECT", ["H"], ["N"]) in criticism_code(text, names)


def test_a_denial_with_no_accusation_told_before_is_no_rebuttal(criticism_code):
    names = {"Liberty": ("N", "GBRNGO"), "Home Office": ("H", "GBRGOV")}
    text = ("Liberty met officials of the Home Office on Monday. "
            "The Home Office said it had not meant to discriminate against anyone.")
    assert not [e for e in criticism_code(text, names) if e[0] == "REJECT"]


def test_a_fact_stated_in_the_negative_is_no_rebuttal(criticism_code):
    # "there was not enough evidence": what the speaker states, not a denial of the charge
    names = {"Liberty": ("N", "GBRNGO"), "Home Office": ("H", "GBRGOV")}
    text = ("Liberty accused the Home Office of racism in its asylum policy. "
            "The Home Office said there was not enough evidence to keep the man in custody.")
    assert not [e for e in criticism_code(text, names) if e[0] == "REJECT"]


def test_a_reported_word_of_praise_for_a_named_party_is_support(criticism_code):
    names = {"Blair": ("B", "GBRGOV"), "Jackson": ("J", "GBRLEG")}
    text = 'Mr Blair said Mr Jackson was a "decent, fair-minded and dedicated public servant".'
    assert criticism_code(text, names) == [("SUPPORT", ["B"], ["J"])]


def test_praise_denied_or_of_what_one_can_do_is_no_support(criticism_code):
    names = {"Blair": ("B", "GBRGOV"), "Jackson": ("J", "GBRLEG")}
    assert criticism_code("Mr Blair said Mr Jackson was no longer an asset to the party.", names) == []
    assert criticism_code("Mr Blair said Mr Jackson should be able to appoint his own staff.", names) == []


def test_praise_with_not_just_is_praise_and_one_not_praised_is_not(criticism_code):
    # the negation is modality's (has_negation): "not just" adds, as it does for an act
    names = {"Blair": ("B", "GBRGOV"), "Jackson": ("J", "GBRLEG")}
    assert criticism_code('Mr Blair said: "Mr Jackson has not just been a dedicated public servant."', names) \
        == [("SUPPORT", ["B"], ["J"])]
    assert criticism_code('Mr Blair said: "Mr Jackson has not been a dedicated public servant."', names) == []


def test_what_a_party_says_ought_to_be_done_by_no_one_named_is_a_demand_of_its_government(criticism_code):
    names = {"Cook": ("C", "GBRLEG")}
    events = criticism_code("Mr Cook said all the legal advice on the war should now be published.", names)
    assert events == [("REQUEST", ["C"], ["GBRGOV"])]


def test_what_a_minister_says_ought_to_be_done_is_no_demand(criticism_code):
    # the government's own policy; and "it should be noted that ..." asks nothing of anyone
    assert criticism_code("Mr Straw said all the legal advice on the war should now be published.",
                          {"Straw": ("S", "GBRGOV")}) == []
    assert criticism_code("Mr Cook said it should be noted that the advice was given in March.",
                          {"Cook": ("C", "GBRLEG")}) == []
