"""actors (issue 15, round 14): the publication's home decides the article's country when the
text names it and no other country far more. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.model import Article
from whodid.pipeline import Pipeline

TEXT = ("Soldiers shot dead 12 fishermen on a beach in 1987 amid the standoff between Taiwan and China. "
        "The fishermen had left from a port in China. "
        "A military court later handed two officers suspended sentences, and lawmakers called for an inquiry. "
        "China has not commented on the report, and China's envoy declined to meet Taiwan's.")


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(stages=[ActorsStage()])


def actor(analysis, name):
    found = [a for a in analysis.actors if any(name in m.text for m in a.mentions)]
    assert found, f"no actor for {name!r} in {[a.name for a in analysis.actors]}"
    return found[0]


def test_a_papers_home_in_its_name_is_the_articles_country_though_another_is_named_more(pipeline):
    an = pipeline.analyze(Article(text=TEXT, url="https://www.taipeitimes.com/News/archives/2022/07/14/2003781747"))
    assert actor(an, "Soldiers").country == "TWN"
    assert actor(an, "lawmakers").country == "TWN"
    an = pipeline.analyze(Article(text=TEXT, url="https://www.example-daily.com/archives/2022/07/14/2003781747"))
    assert actor(an, "Soldiers").country == "CHN"  # no publisher known: the country named most


def test_a_papers_home_does_not_outweigh_a_country_the_text_names_far_more(pipeline):
    text = ("Iran's foreign minister met the Saudi foreign minister in Riyadh. Iran and Saudi Arabia agreed to "
            "reopen embassies. Iran will send an envoy, and Iran's parliament approved the deal. "
            "Officials said the Iranian and Saudi delegations would meet again. Tehran welcomed the step. "
            "A Kuwaiti newspaper reported the talks. Police guarded the venue.")
    an = pipeline.analyze(Article(text=text, url="https://www.kuwaittimes.com/iran-saudi-talks/"))
    assert actor(an, "Police").country == "IRN"


def test_the_publishers_country_is_read_from_the_sites_name(nlp):
    from whodid.actors.home import publisher_country
    from whodid.knowledge import Resources

    resources = Resources.build()

    class State:
        kb = resources.kb

        @staticmethod
        def gazetteer():
            return resources.gazetteer

    assert publisher_country(State, "https://www.taipeitimes.com/News/taiwan/archives/1") == "TWN"  # a capital
    assert publisher_country(State, "https://todaynicaragua.com/story/") == "NIC"  # a country
    assert publisher_country(State, "https://www.namibian.com.na/114611/read/x") == "NAM"  # its people
    assert publisher_country(State, "https://nigeriannews.com/x") == "NGA"  # the longest name, not Niger
    assert publisher_country(State, "https://diariodecuba.com/cuba/1") == "CUB"  # four letters at the end
    assert publisher_country(State, "https://womanstimes.com/x") is None  # not "oman" inside a word
    assert publisher_country(State, "https://www.scmp.com/news/china/x") is None


# a local story whose text names no country: written for this test
LOCAL = ("A district police chief was suspended on Monday after he hit two junior officers outside a bar. "
         "Luk Chun-ming, 48, was arrested on Sunday night. "
         "He was released on bail, and officers said the force would hold an internal inquiry.")


def test_a_story_naming_no_country_is_of_its_publications_and_so_are_its_pronouns_and_descriptions(pipeline):
    an = pipeline.analyze(Article(text=LOCAL, url="https://www.thestandard.com.hk/breaking-news/section/4/1/x"))
    luk = actor(an, "Luk Chun-ming")
    assert luk.country == "HKG"
    he = [a for a in an.actors if any(m.how == "pronoun" and m.text == "He" for m in a.mentions)]
    assert [a.id for a in he] == [luk.id]  # "He" is the subject of the sentence before, of Hong Kong
    assert actor(an, "officers").country == "HKG"
    # an address that gives no country leaves such a story's people of no country, as before
    an = pipeline.analyze(Article(text=LOCAL, url="https://www.example-daily.com/story/1"))
    assert actor(an, "Luk Chun-ming").country is None


def test_a_publications_country_does_not_override_a_story_that_names_its_own(pipeline):
    text = ("Kenyan police arrested an opposition activist in Nairobi on Monday. "
            "He was charged with incitement, officers said. Kenya's government declined to comment.")
    an = pipeline.analyze(Article(text=text, url="https://www.thestandard.com.hk/world/section/5/2/y"))
    assert actor(an, "officers").country == "KEN"
