"""actors (issue 15): state bodies named by their proper names that belong to one state alone
(the Home Office, the Law Lords, the House of Lords, Scotland Yard, the Lok Sabha) are that
state's, even in a story that names another country more. The sentences are written for these
tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.model import Article
from whodid.pipeline import Pipeline

TEXT = ("The immigration rules discriminated against Roma from the Czech Republic, the Law Lords have ruled. "
        "Czech officials said Czech Roma were leaving the Czech Republic for Prague airport. "
        "The Home Office said it had not meant to discriminate against anyone. "
        "The case went to the House of Lords after Czech families appealed. "
        "Scotland Yard said it had made no arrests.")


@pytest.fixture(scope="module")
def analysis(nlp):
    return Pipeline(stages=[ActorsStage()]).analyze(Article(text=TEXT))


def actor(analysis, name):
    found = [a for a in analysis.actors if any(name in m.text for m in a.mentions)]
    assert found, f"no actor for {name!r} in {[a.name for a in analysis.actors]}"
    return found[0]


@pytest.mark.parametrize("name, code", [("Law Lords", "GBRJUD"), ("Home Office", "GBRGOV"),
                                        ("House of Lords", "GBRLEG"), ("Scotland Yard", "GBRCOP")])
def test_a_british_body_is_britains_in_a_story_about_another_country(analysis, name, code):
    assert actor(analysis, name).code == code


def test_the_lok_sabha_is_indias_legislature(nlp):
    an = Pipeline(stages=[ActorsStage()]).analyze(
        Article(text="The Lok Sabha passed the bill on Tuesday after Pakistan protested."))
    a = actor(an, "Lok Sabha")
    assert (a.country, a.sector) == ("IND", "LEG")


def test_a_phoenix_state_body_with_no_organisation_word_in_its_first_name_is_known(nlp):
    # "FEDERAL_BUREAU_OF_INVESTIGATION +FBI [USACOP]", "SHIN_BET +ISRAEL_SECURITY_AGENCY [ISRSPY]": entries of
    # the country dictionary that build_kb used to take for people and drop
    an = Pipeline(stages=[ActorsStage()]).analyze(
        Article(text="The FBI said it had arrested two men. The Shin Bet said it foiled a plot in Jenin."))
    assert actor(an, "FBI").code == "USACOP"
    assert actor(an, "Shin Bet").code == "ISRSPY"


def test_the_eus_court_of_auditors_is_the_eus_not_the_storys_country(nlp):
    an = Pipeline(stages=[ActorsStage()]).analyze(
        Article(text="The National Audit Office said the European Court of Auditors had qualified the EU accounts. "
                     "Britain's ministers said the European Court of Human Rights would hear the case."))
    assert actor(an, "Court of Auditors").code == "IGOEUREEC"
    assert actor(an, "Court of Human Rights").code == "IGOEURCOE"
