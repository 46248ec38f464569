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


def test_a_tie_between_two_areas_does_not_depend_on_the_order_learnt():
    one, other = SourceHomes(), SourceHomes()
    one.learn("paper.example", {("US", "Texas")})
    one.learn("paper.example", {("US", "Ohio")})
    other.learn("paper.example", {("US", "Ohio")})
    other.learn("paper.example", {("US", "Texas")})
    assert one.home("paper.example") == other.home("paper.example") == ("US", "Ohio")


TEXAS = ["Fort Worth police said Arlington and Grand Prairie schools in Tarrant County, Texas, closed.",
         "The Texas Legislature met in Austin on Tuesday; Dallas officials attended."]
MANSFIELD = "MANSFIELD — The City Council will vote today on a financing package for the police station."


def _places(pipeline, text, source):
    return {m.text: p for p in pipeline.analyze(Article(text=text, source=source)).places for m in p.mentions}


def _stages(homes=None, learn=False):
    from whodid.actors import ActorsStage
    from whodid.knowledge import Resources
    from whodid.places import PlacesStage

    knowledge = Resources.build()
    return Pipeline(stages=[ActorsStage(knowledge), PlacesStage(knowledge, homes=homes, learn=learn)])


def test_a_dateline_namesake_in_the_papers_home_state():
    """The home learnt in a first pass over the paper's stories decides "MANSFIELD —"."""
    homes = SourceHomes()
    learner = _stages(homes, learn=True)
    for text in [*TEXAS, MANSFIELD]:
        learner.analyze(Article(text=text, source="b"))
    assert homes.home("b") == ("US", "Texas")
    warm = _places(_stages(homes), MANSFIELD, "b")
    cold = _places(_stages(homes), MANSFIELD, "a")  # another paper: no home
    assert cold["MANSFIELD"].country == "GB"
    assert (warm["MANSFIELD"].country, warm["MANSFIELD"].admin1) == ("US", "Texas")


def test_an_articles_places_do_not_depend_on_the_stories_before_it():
    """In one process, the default stage learns nothing from earlier stories: the same article
    gets the same places first, after its paper's Texas stories, or in another worker."""
    pipeline = Pipeline(PipelineConfig(stages=("actors", "places")))
    first = _places(pipeline, MANSFIELD, "b")
    for text in TEXAS:
        pipeline.analyze(Article(text=text, source="b"))
    after = _places(pipeline, MANSFIELD, "b")
    alone = _places(Pipeline(PipelineConfig(stages=("actors", "places"))), MANSFIELD, "b")
    key = lambda places: {m: (p.geonames_id, p.country, p.admin1) for m, p in places.items()}
    assert key(first) == key(after) == key(alone)


def test_a_papers_country_code_domain_names_its_country():
    pipeline = Pipeline(PipelineConfig(stages=("actors", "places")))
    story = "Councillors in Lancaster voted on Tuesday to close the old library."
    british = _places(pipeline, story, "citizen.co.uk")["Lancaster"]
    generic = _places(pipeline, story, "citizen.com")["Lancaster"]
    assert (british.country, british.admin1) == ("GB", "England")
    assert generic.country == "US"


def test_generic_and_vanity_domains_name_no_country():
    from whodid.knowledge import Resources

    gazetteer = Resources.build().gazetteer
    assert [gazetteer.country_of_domain(d) for d in ("cbc.ca", "thecitizen.co.uk", "news.com.au", "kyiv.tv",
                                                     "example.com", None, "localhost")] == \
        ["CA", "GB", "AU", None, None, None, None]
