"""Quotes as an analyst reads them: who said what, with what cue."""

import pytest

from whodid.model import Article
from whodid.pipeline import Pipeline, PipelineConfig


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def quotes_of(pipeline, text):
    analysis = pipeline.analyze(Article(text=text, published="2022-12-02"))
    for q in analysis.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_mention:
            assert text[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text
    return analysis


def find(analysis, starts_with, kind=None):
    hits = [q for q in analysis.quotes if q.text.startswith(starts_with) and (kind is None or q.kind == kind)]
    assert hits, f"no quote starting {starts_with!r}: {[q.text[:40] for q in analysis.quotes]}"
    return hits[0]


def test_reference_article_direct_quotes(pipeline, seed_text):
    a = quotes_of(pipeline, seed_text)
    told = find(a, "The Russian Federation’s president has always been", "direct")
    assert told.speaker_text == "Peskov" and told.cue == "told"
    assert find(a, "This complicates the search", "direct").speaker_text == "Peskov"
    outer = find(a, "That is essentially what Biden said", "direct")
    assert outer.speaker_text == "Peskov"
    inner = find(a, "Negotiations, he said", "direct")
    assert inner.nested_in == a.quotes.index(outer) and inner.speaker_text == "he"
    carried = find(a, "But, at the same time", "direct")
    assert carried.speaker_text == "Peskov" and carried.carried_over and carried.cue is None


def test_reference_article_partial_quotes_and_terms(pipeline, seed_text):
    a = quotes_of(pipeline, seed_text)
    assert find(a, "barbaric").kind == "partial" and find(a, "barbaric").cue == "called"
    territories = find(a, "the new territories")
    assert territories.kind == "partial" and territories.speaker_text == "Dmitry Peskov"
    terms = [q for q in a.quotes if q.text == "special military operation"]
    assert len(terms) == 3 and all(q.kind == "term" and q.speaker is None for q in terms)


def test_reference_article_reported_speech(pipeline, seed_text):
    a = quotes_of(pipeline, seed_text)
    expected = [  # (content starts with, speaker text, cue)
        ("President Vladimir Putin is open to talks", "Dmitry Peskov", "claimed"),
        ("he was willing to meet with Putin", "US President Joe Biden", "suggested"),
        ("the only way to end the conflict", "Biden", "stated"),
        ("he has no regrets", "Vladimir Putin", "stated"),
        ("Putin has no justification", "Ukraine and the Western world", "argue"),
        ("he and France’s President Macron would be working together", "Biden", "said"),
        ("the idea of Putin ever defeating Ukraine", "He", "reiterated"),
        ("Putin could not stay in power", "Biden", "predicted"),
        ("the US refusal to recognize", "Dmitry Peskov", "says"),
    ]
    for start, speaker, cue in expected:
        q = find(a, start, "indirect")
        assert (q.speaker_text, q.cue) == (speaker, cue), start
    according = [q for q in a.quotes if q.cue == "according"]
    assert according and according[0].speaker_text == "Peskov"
    # "When asked if ..." is not Peskov asking anything
    assert not [q for q in a.quotes if q.cue == "asked"]


def test_attribution_before_after_and_middle(pipeline):
    text = ('The foreign minister said: "We will not negotiate under threat."\n\n'
            '"The sanctions will stay," Chancellor Olaf Scholz told reporters in Berlin.\n\n'
            '"Talks," the spokeswoman said, "can resume only after a ceasefire."')
    a = quotes_of(pipeline, text)
    assert find(a, "We will not negotiate").speaker_text == "The foreign minister"
    scholz = find(a, "The sanctions will stay")
    assert scholz.speaker_text == "Chancellor Olaf Scholz" and scholz.cue == "told" and scholz.text.endswith("stay")
    for part in ("Talks", "can resume only after a ceasefire."):  # split by the attribution
        assert (find(a, part).speaker_text, find(a, part).cue) == ("the spokeswoman", "said")


def test_multi_paragraph_quote_left_open(pipeline):
    text = ('Mayor Anna Kowalska said the city would rebuild. “We lost the bridge and the school in one night.\n\n'
            '“But we will rebuild both before winter, whatever it costs.”\n\n'
            'The council meets on Monday.')
    a = quotes_of(pipeline, text)
    first = find(a, "We lost the bridge")
    second = find(a, "But we will rebuild")
    assert first.text.endswith("one night.")  # runs to the end of its paragraph
    assert second.speaker_text == "Mayor Anna Kowalska" and second.carried_over


def test_quotes_stage_alone_needs_no_other_stage():
    a = Pipeline(PipelineConfig(stages=("quotes",))).analyze(Article(text='"We are ready," the general said.'))
    assert a.meta.stages[-1] == "quotes" and a.quotes[0].speaker_text == "the general" and a.quotes[0].speaker is None


def test_follow_on_quote_in_the_same_paragraph_keeps_its_speaker(pipeline):
    text = ("“We will keep the embassy open,” Foreign Minister Ana Ruiz said. “And if the talks fail, we will "
            "still be there for our citizens.”")
    a = quotes_of(pipeline, text)
    follow = find(a, "And if the talks fail")
    assert follow.speaker_text == "Foreign Minister Ana Ruiz" and follow.carried_over


def test_two_apostrophe_quotation_marks(pipeline):
    text = "''The border stays closed,'' the interior minister told reporters on Monday."
    a = quotes_of(pipeline, text)
    q = find(a, "The border stays closed")
    assert q.kind == "direct" and q.speaker_text == "the interior minister" and q.cue == "told"


def test_quote_with_no_speaker_anywhere_has_none(pipeline):
    text = "The council meets on Monday.\n\n“Nobody will be left behind.”\n\nThe bridge opens in May."
    a = quotes_of(pipeline, text)
    q = find(a, "Nobody will be left behind", "direct")
    assert q.speaker is None and q.speaker_text is None and not q.carried_over


def test_reported_speech_before_in_the_middle_and_according_to(pipeline):
    text = ("The economy is recovering, the finance minister said on Tuesday.\n\n"
            "The new budget, the minister said, will cut taxes for families.\n\n"
            "Exports rose by a fifth last year, according to the statistics office.")
    a = quotes_of(pipeline, text)
    before = find(a, "The economy is recovering", "indirect")
    assert before.speaker_text == "the finance minister" and before.cue == "said"
    middle = [q for q in a.quotes if q.kind == "indirect" and q.cue == "said" and q.speaker_text == "the minister"]
    assert {q.text for q in middle} == {"The new budget", "will cut taxes for families."}
    according = find(a, "Exports rose by a fifth last year", "indirect")
    assert according.cue == "according" and according.speaker_text == "the statistics office"


def test_beliefs_plans_and_findings_are_reported_with_their_source(pipeline):
    text = ("Senator Maria Lopez believes the bill will pass.\n\n"
            "The governor plans to veto the bill.\n\n"
            "A new poll shows the mayor far ahead of her rivals.")
    a = quotes_of(pipeline, text)
    assert find(a, "the bill will pass", "indirect").speaker_text == "Senator Maria Lopez"
    assert find(a, "to veto the bill", "indirect").cue == "plans"
    poll = find(a, "the mayor far ahead", "indirect")
    assert poll.speaker_text == "A new poll" and poll.cue == "shows"


def test_unnamed_speakers_become_generic_actors_with_their_sector(pipeline):
    text = ("Russian officials said the talks had failed.\n\n"
            "“We found two bodies,” police said.\n\n"
            "Analysts said the economy would shrink.")
    a = quotes_of(pipeline, text)
    actors = {x.id: x for x in a.actors}
    assert find(a, "the talks had failed").speaker == "RUSGOV"
    police = find(a, "We found two bodies")
    assert police.speaker == "COP" and actors["COP"].sector == "COP" and actors["COP"].country is None
    analysts = find(a, "the economy would shrink").speaker
    assert analysts is not None and actors[analysts].sector is None  # an actor, but no sector is made up


def test_the_named_head_of_an_apposition_is_the_speaker_not_the_title(pipeline):
    a = quotes_of(pipeline, "Anna Berg, CEO of concert promoters Northlight Ltd, said ticket sales had doubled.\n\n"
                            "The ministry's spokesman, Karl Olsen, said the talks would resume.")
    berg = find(a, "ticket sales had doubled")
    assert berg.speaker_text == "Anna Berg" and berg.speaker is not None
    assert find(a, "the talks would resume").speaker_text == "Karl Olsen"  # a title with a name after it


def test_beliefs_and_plans_need_someone_to_hold_them(pipeline):
    text = ("The organiser said this year's show promises to be the best yet.\n\n"
            "The storm threatens to flood the valley. The new law aims to cut waste.\n\n"
            "Doctors hope to reopen the ward. The company plans to hire staff.")
    a = quotes_of(pipeline, text)
    cues = {q.cue for q in a.quotes}
    assert not cues & {"promises", "threatens", "aims"}
    assert find(a, "to reopen the ward").speaker_text == "Doctors"
    assert find(a, "to hire staff").speaker_text == "The company"


def test_offering_a_thing_is_no_quote_offering_words_is(pipeline):
    a = quotes_of(pipeline, "The charity also offered several grants to retired miners. "
                            "The minister offered his condolences to the families.")
    assert [q.text for q in a.quotes if q.cue == "offered"] == ["his condolences"]


def test_a_fronted_phrase_before_a_parenthetical_cue_is_not_content(pipeline):
    a = quotes_of(pipeline, "For example, he said, farmers registered with the board would be exempt from the levy.")
    assert [q.text for q in a.quotes] == ["farmers registered with the board would be exempt from the levy."]


def test_adding_is_said_by_the_subject_of_the_verb_it_hangs_from(pipeline):
    text = ("Mayor Ruth Adler criticised the plan.\n\n"
            "Lee said he was not shifting the blame to the state government and lawmakers, "
            "adding that he too had used available avenues to help farmers.")
    a = quotes_of(pipeline, text)
    added = find(a, "he too had used")
    assert added.cue == "adding" and added.speaker_text == "Lee"


def test_in_a_statement_is_no_second_source_when_someone_says_it(pipeline):
    a = quotes_of(pipeline, "In a statement, the ministry said the talks would resume.\n\n"
                            "In a new survey, most voters favoured the plan.")
    talks = [q for q in a.quotes if "talks would resume" in q.text]
    assert [(q.speaker_text, q.cue) for q in talks] == [("the ministry", "said")]
    survey = find(a, "most voters favoured the plan")  # no speech verb: the survey is the source
    assert survey.speaker_text == "a new survey"


def test_a_date_before_a_name_is_not_part_of_the_speaker(pipeline):
    a = quotes_of(pipeline, "On Monday Ms Clarke said the books were clean.")
    assert find(a, "the books were clean").speaker_text == "Ms Clarke"


def test_a_slogan_a_thing_seeks_is_a_term_not_its_words(pipeline):
    a = quotes_of(pipeline, "The festival seeks “Peace, Music and Friendship” as its theme.\n\n"
                            "The mayor seeks “a fresh start” for the city.")
    assert find(a, "Peace, Music").kind == "term"
    assert find(a, "a fresh start", "partial").speaker_text == "The mayor"


def test_a_stray_mark_makes_no_quote_of_punctuation(pipeline):
    a = quotes_of(pipeline, 'Ford described the behaviour as "unacceptable"".')
    assert [q.text for q in a.quotes if q.kind == "direct"] == ["unacceptable"]



def test_a_stray_closing_mark_opens_no_quotation(pipeline):
    # the closing mark glued to "wrong." has no opening mark: it must not turn the words after
    # it into a quotation and the next quotation's words into narration
    text = ('Mr Howard said the plan was wrong." Labour rejected the claim. '
            'Mr Brown said: "We will cut taxes."')
    a = quotes_of(pipeline, text)
    direct = [q.text for q in a.quotes if q.kind == "direct"]
    assert "We will cut taxes." in direct
    assert not any(q.startswith("Labour rejected") or q.startswith(" Labour") for q in direct)
