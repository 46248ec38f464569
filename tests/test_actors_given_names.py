"""actors (issue 15, round 18): a pronoun agrees in gender with the given name of a person the
knowledge base does not know. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(stages=[ActorsStage()])


def pronoun_actor(analysis, word, nth=0):
    found = [(m.start, a.name) for a in analysis.actors for m in a.mentions
             if m.how == "pronoun" and m.text == word]
    found.sort()
    return found[nth][1] if len(found) > nth else None


def test_she_is_not_a_man_named_just_before(pipeline):
    text = ("Judge Edward Thornbury asked the witness Sarah Pellow whether she had seen the car. "
            "When the judge Elizabeth Carswood asked Tom Pickwell if he understood, he said yes.")
    an = pipeline.analyze(Article(text=text))
    assert pronoun_actor(an, "she") == "Sarah Pellow"
    assert pronoun_actor(an, "he") == "Tom Pickwell"


def test_a_korean_surname_first_tells_no_gender(nlp):
    from whodid.knowledge import Resources

    kb = Resources.build().kb
    assert kb.given_name_gender("Claudia") == "female"
    assert kb.given_name_gender("Edward") == "male"
    assert kb.given_name_gender("Kim") is None  # "Kim Mal-im", a mother: Kim is her surname
