"""actors (issue #15, branch act-bodies14): bodies the text names by initials or by a group noun the parse
mis-tags, which had no actor mention. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(stages=[ActorsStage()])


def analyse(pipeline, text, published="2005-03-01"):
    return pipeline.analyze(Article(text=text, published=published))


def holder(analysis, start):
    """The actor with a mention starting at character ``start``, or None."""
    return next((a for a in analysis.actors for m in a.mentions if m.start == start), None)


def test_a_bodys_initials_the_parse_takes_for_a_person_are_the_body(pipeline):
    # spaCy labels "Acpo" PERSON; the knowledge base knows it (and "ACPO") as the police chiefs' body
    text = "Police chiefs want pubs which cause trouble to be shut. Acpo made its call for tougher powers in a paper."
    an = analyse(pipeline, text)
    acpo = holder(an, text.index("Acpo"))
    assert acpo is not None and acpo.kind == "organization" and acpo.code == "GBRCOP"
    assert holder(an, text.index("its")) is acpo


def test_an_acronym_defined_in_brackets_names_the_body_wherever_it_stands(pipeline):
    text = ("The Yukon Environmental and Socio-economic Assessment Board (YESAB) previously approved the mine. "
            "In January the federal government referred the project back to YESAB. The report issued by YESAB "
            "was insufficient, the council said.")
    an = analyse(pipeline, text)
    board = holder(an, text.index("(YESAB)") + 1)
    assert board is not None and board.kind == "organization"
    for k in (text.index("back to YESAB") + len("back to "), text.index("by YESAB") + len("by ")):
        assert holder(an, k) is board


def test_a_defined_acronym_modifying_a_noun_is_not_the_body(pipeline):
    text = "The Parliamentary Labour Party (PLP) meets weekly. Ministers addressed the PLP meeting on Monday."
    an = analyse(pipeline, text)
    assert holder(an, text.index("PLP meeting")) is None


def test_an_agent_nouns_plural_the_parse_tags_singular_is_a_group(pipeline):
    # spaCy tags "MPs" NN here; "MP" is an agent noun (LEG) of PETRARCH2's agents dictionary
    text = "There were complaints from MPs of every party about the late changes."
    an = analyse(pipeline, text)
    mps = holder(an, text.index("MPs"))
    assert mps is not None and mps.sector == "LEG"
