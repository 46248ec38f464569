"""Resolution by what else the story names: nearby places, a state's own name, names
inside longer ones. Sentences written for these tests."""

import pytest

from whodid.model import Article
from whodid.pipeline import Pipeline
from whodid.places import PlacesStage


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(stages=[PlacesStage()])


def places_of(pipeline, text):
    analysis = pipeline.analyze(Article(text=text))
    return {p.name: p for p in analysis.places}


def test_a_town_goes_with_the_county_named_next_to_it(pipeline):
    # Paris, Texas is the bigger Paris; Paris, Tennessee is the seat of Henry County
    places = places_of(pipeline, "A Paris man was arrested on Sunday by Henry County deputies after a "
                                 "traffic stop, the sheriff said.")
    assert places["Paris"].admin1 == "Tennessee" and places["Henry County"].admin1 == "Tennessee"
    # Decatur, Illinois is the bigger Decatur; the one next to DeKalb County is in Georgia
    places = places_of(pipeline, "Crews from Decatur and DeKalb County cleared storm damage on Tuesday.")
    assert places["Decatur"].admin1 == "Georgia" and places["DeKalb County"].admin1 == "Georgia"


def test_a_country_name_is_the_town_when_the_story_is_around_it(pipeline):
    local = places_of(pipeline, "A Lebanon man was arrested on Thursday, Boone County deputies said.")
    assert local["Lebanon"].country == "US" and local["Lebanon"].admin1 == "Indiana"
    abroad = places_of(pipeline, "The senator met voters in Lebanon and said Beirut needed aid.")
    assert abroad["Lebanon"].country == "LB" and abroad["Lebanon"].feature == "A.PCLI"


def test_a_state_named_outright_beats_a_city_known_by_that_name(pipeline):
    # GeoNames calls the city "New York City"; "New York" is the state's own name
    places = places_of(pipeline, "Lawmakers in New York passed the budget on Friday after weeks of talks.")
    assert places["New York"].feature == "A.ADM1" and places["New York"].admin1 == "New York"


def test_a_place_at_the_end_of_a_longer_name(pipeline):
    text = "Police said the shooting happened in W. Phila. late on Friday."
    analysis = pipeline.analyze(Article(text=text))
    [place] = analysis.places
    assert place.name == "Philadelphia" and [m.text for m in place.mentions] == ["Phila"]


def test_a_direction_word_alone_is_not_a_place(pipeline):
    places = places_of(pipeline, "Diplomats pushed for talks as fighting spread in South Ossetia on Friday.")
    assert "South" not in places  # not Iceland's South region
    assert all(p.country != "IS" for p in places.values())


def test_a_small_town_tagged_as_a_place_is_placed(pipeline):
    places = places_of(pipeline, "Firefighters were called to a barn in Grand Ledge on Monday night.")
    assert places["Grand Ledge"].admin1 == "Michigan" and places["Grand Ledge"].lat is not None


def test_an_abbreviated_name_finds_the_towns_spelled_out(pipeline):
    places = places_of(pipeline, "The Mt. Pleasant band played in Des Moines and Iowa City last spring.")
    assert places["Mount Pleasant"].admin1 == "Iowa"  # not the bigger Mount Pleasant in South Carolina


def test_a_state_that_is_also_a_country_points_to_its_towns(pipeline):
    places = places_of(pipeline, "An Albany man was arrested on Wednesday by Georgia Bureau of Investigation agents.")
    assert places["Albany"].admin1 == "Georgia" and places["Georgia"].feature == "A.ADM1"


def test_a_town_followed_by_its_state_or_country(pipeline):
    assert places_of(pipeline, "The band played a show in London, Ontario, on Friday.")["London"].country == "CA"
    springfield = places_of(pipeline, "Storm damage closed schools in Springfield, Ohio, on Tuesday.")["Springfield"]
    assert springfield.admin1 == "Ohio"
    # no Grantville in Pennsylvania in the gazetteer: named, not put at the one in Georgia
    places = places_of(pipeline, "Martha was born in Grantville, Pennsylvania, in 1913 and later moved to Georgia.")
    assert places["Grantville"].lat is None and places["Grantville"].admin1 is None


def test_north_america_is_the_continent(pipeline):
    places = places_of(pipeline, "Flights will link St. Petersburg with cities across North America, the airline said.")
    assert places["North America"].feature == "L.CONT" and places["North America"].lat is not None
