"""actors: organisations the knowledge base does not know by the text's spelling, and the
people who speak for them. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.knowledge.institutions import body_sector
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


def test_known_body_spelled_with_a_hyphen_is_the_dictionarys_not_a_countrys(pipeline):
    # PETRARCH2 lists "INTER_AMERICAN_DEVELOPMENT_BANK [IGONAMDEV]"; "American" is no country here
    a = actor(pipeline, "The Inter-American Development Bank approved a loan to Honduras on Monday.",
              "Inter-American Development Bank")
    assert a.code.startswith("IGO")


def test_spokesman_for_a_body_takes_its_code(pipeline):
    a = actor(pipeline, BRITAIN + "But Alan Corrie, spokesman for the Medical Foundation for the Care of Victims "
              "of Torture, said ministers had failed to reassure agencies.", "Alan Corrie")
    assert a.code == "GBRNGO"


def test_what_a_body_is_for_is_not_its_kind(pipeline):
    a = actor(pipeline, BRITAIN + "The Medical Foundation for the Care of Victims of Torture said the rules "
              "were cruel.",
              "Victims of Torture")
    assert a.sector == "NGO"


def test_named_bodies_by_the_word_their_name_ends_in():
    assert body_sector(["Baotou", "Bank"]) == "BUS"
    assert body_sector(["Tsinghua", "University"]) == "EDU"
    assert body_sector(["the", "Jakarta", "Post"]) == "MED"
    assert body_sector(["Movement", "for", "Freedom", "of", "Information"]) == "NGO"
    assert body_sector(["the", "bank"]) is None  # a common noun, no name


def test_a_party_named_a_movement_is_no_association():
    assert body_sector(["the", "Mauritian", "Socialist", "Movement"]) == "PTY"
    assert body_sector(["Movement", "for", "Democratic", "Change"]) == "PTY"


def test_spanish_names_put_the_kind_of_body_first():
    assert body_sector(["Fundación", "Violeta", "Barrios", "de", "Chamorro"]) == "NGO"
    assert body_sector(["La", "Prensa"]) == "MED"
