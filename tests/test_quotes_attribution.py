"""quotes (issue #15, recall of statements): where a quotation ends when its marks are mixed
(a straight mark closed by a curly one, an opening curly mark where the closing one belongs),
and whose words they are when the speaker is a relative pronoun ("X, who said ...").
Made-up sentences, each with a guard that must not change."""

from __future__ import annotations

import pytest

from test_quotes import find, quotes_of

from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def actor_name(analysis, quote):
    return next((a.name for a in analysis.actors if a.id == quote.speaker), None)


def test_a_relative_pronoun_speaker_is_the_person_it_stands_for(pipeline):
    a = quotes_of(pipeline, "Another critic is the former minister Liam Fox, who has said there is "
                            "no need for such a big upheaval of the schools.")
    q = find(a, "there is no need", "indirect")
    assert q.speaker_text == "who"  # the mention in the sentence stays the pronoun
    assert q.speaker is not None and "Fox" in actor_name(a, q)


def test_a_relative_clause_about_a_thing_gives_no_speaker(pipeline):
    # guard: "the report, which said" names no one who can be an actor
    a = quotes_of(pipeline, "The teachers read the old report, which said the schools were failing.")
    q = find(a, "the schools were failing", "indirect")
    assert q.speaker is None


def test_a_straight_mark_closed_by_a_curly_one_is_one_quotation(pipeline):
    a = quotes_of(pipeline, '"The minister has a huge bully pulpit and uses it,” said David Gorski, '
                            'a professor of surgery. Other doctors agreed.')
    q = find(a, "The minister has a huge bully pulpit", "direct")
    assert q.text == "The minister has a huge bully pulpit and uses it"
    assert q.speaker_text == "David Gorski"


def test_an_opening_curly_mark_where_the_closing_one_belongs_closes_the_quotation(pipeline):
    a = quotes_of(pipeline, '"The committee is considering the recommendations of the commission, among others,“ '
                            'Jeff Radebe said.\n\nRadebe added that the committees had started work.')
    q = find(a, "The committee is considering", "direct")
    assert q.text.endswith("among others")
    assert q.speaker_text == "Jeff Radebe"
    assert not any(x.text.startswith("Jeff Radebe said") for x in a.quotes)


def test_ordinary_curly_quotations_are_unchanged(pipeline):
    # guard: well-formed marks pair as before
    a = quotes_of(pipeline, '“We will cut taxes,” Mr Brown said. “And we will keep our promises.”')
    assert [q.text for q in a.quotes if q.kind == "direct"] == ["We will cut taxes", "And we will keep our promises."]
