"""A paper's home state, learnt from its earlier stories, decides namesakes its text does not."""

from whodid.model import Article
from whodid.pipeline import Pipeline, PipelineConfig
from whodid.places.source_home import SourceHomes


def test_home_needs_a_source_and_a_story_that_voted():
    homes = SourceHomes()
    homes.learn(None, {("US", "Texas")})
    assert homes.home(None) is None
    assert homes.home("paper.example") is None  # no story yet
    homes.learn("paper.example", set())
    assert homes.home("paper.example") is None  # a story that placed nothing says nothing
    homes.learn("paper.example", {("US", "Texas")})
    assert homes.home("paper.example") == ("US", "Texas")  # one story that voted is enough
    homes.learn("paper.example", {("US", "Texas"), ("US", "Oklahoma")})
    assert homes.home("paper.example") == ("US", "Texas")
    homes.learn("paper.example", {("US", "Oklahoma")})
    homes.learn("paper.example", {("US", "Oklahoma")})
    assert homes.home("paper.example") == ("US", "Oklahoma")  # 3 of 4 stories
    assert homes.home("other.example") is None


def test_home_needs_a_majority_of_the_stories():
    homes = SourceHomes()
    for area in (("US", "Texas"), ("US", "Ohio"), ("US", "Iowa")):
        homes.learn("paper.example", {area})
    assert homes.home("paper.example") is None


def test_a_dateline_namesake_in_the_papers_home_state():
    pipeline = Pipeline(PipelineConfig(stages=("actors", "places")))
    story = "MANSFIELD — The City Council will vote today on a financing package for the police station."
    cold = {m.text: p for p in pipeline.analyze(Article(text=story, source="a")).places for m in p.mentions}
    texas = ["Fort Worth police said Arlington and Grand Prairie schools in Tarrant County, Texas, closed.",
             "The Texas Legislature met in Austin on Tuesday; Dallas officials attended."]
    for text in texas:
        pipeline.analyze(Article(text=text, source="b"))
    warm = {m.text: p for p in pipeline.analyze(Article(text=story, source="b")).places for m in p.mentions}
    assert cold["MANSFIELD"].country == "GB"
    assert (warm["MANSFIELD"].country, warm["MANSFIELD"].admin1) == ("US", "Texas")
