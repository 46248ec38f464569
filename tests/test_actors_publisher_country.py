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
