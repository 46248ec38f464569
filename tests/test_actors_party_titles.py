"""actors (issue #15, branch act-sides14): the side of party people the text titles. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(stages=[ActorsStage()])


def holder(analysis, start):
    """The actor with a mention covering character ``start``, or None."""
    return next((a for a in analysis.actors for m in a.mentions if m.start <= start < m.end), None)


def test_a_shadow_post_the_parse_tags_as_a_verb_is_still_the_oppositions(pipeline):
    # "shadow" before "local government secretary" is tagged VERB; the title is the Tories' shadow post
    text = '"This is typical of Lib Dem hypocrisy," said Tory shadow local government secretary Caroline Spelman.'
    an = pipeline.analyze(Article(text=text, published="2005-03-01"))
    spelman = holder(an, text.index("Spelman"))
    assert spelman is not None and spelman.code == "GBROPP"


def test_an_opposition_partys_parliamentary_chairman_is_the_oppositions_not_the_legislatures(pipeline):
    text = ("The Liberal Democrat parliamentary chairman Matthew Taylor said the personal ambition of "
            "Mr Blair and Mr Brown was getting in the way of good government.")
    an = pipeline.analyze(Article(text=text, published="2005-03-01"))
    taylor = holder(an, text.index("Taylor"))
    assert taylor is not None and taylor.code == "GBROPP"


def test_a_legislatures_speaker_is_still_the_legislatures(pipeline):
    text = "Czech Senate President Milos Vystrcil said the visit would go ahead."
    an = pipeline.analyze(Article(text=text, published="2022-07-16"))
    speaker = holder(an, text.index("Vystrcil"))
    assert speaker is not None and speaker.code == "CZELEG"
