import pytest

from whodid.model import Article
from whodid.pipeline import Pipeline
from whodid.places import PlacesStage


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(stages=[PlacesStage()])


def places_of(pipeline, text):
    analysis = pipeline.analyze(Article(text=text))
    for place in analysis.places:
        for m in place.mentions:
            assert text[m.start:m.end] == m.text
    return {p.name: p for p in analysis.places}


def test_reference_article_places(pipeline, seed_text):
    places = places_of(pipeline, seed_text)
    milove = places["Milove"]
    assert milove.geonames_id == 701104 and milove.country == "UA" and milove.admin1 == "Luhansk"
    assert milove.lat == pytest.approx(49.38, abs=0.01) and milove.lon == pytest.approx(40.14, abs=0.01)
    for name, iso2 in (("Ukraine", "UA"), ("Russia", "RU"), ("France", "FR"), ("United States", "US")):
        assert places[name].country == iso2 and places[name].feature == "A.PCLI"
    assert places["Eastern and Western Ukraine"].country == "UA" and places["Eastern and Western Ukraine"].lat is None
    assert places["the Russian border"].country == "RU"
    russia_mentions = {m.text for m in places["Russia"].mentions}
    assert "Russian Federation" in russia_mentions  # "The Russian Federation’s" trimmed to the name
    assert "Biden" not in places  # tagged GPE once by the model, PERSON elsewhere


def test_story_context_picks_the_namesake(pipeline):
    us = places_of(pipeline, "Storms hit Paris, Texas, on Monday. Officials in Texas said roads in the "
                             "United States were closed near Dallas.")
    france = places_of(pipeline, "Protesters marched in Paris on Monday as French unions called strikes "
                                 "across France.")
    assert us["Paris"].country == "US" and us["Paris"].admin1 == "Texas"
    assert france["Paris"].country == "FR"


def test_unknown_toponym_is_named_not_placed(pipeline):
    places = places_of(pipeline, "Fighting continued near Zzyxovka village in Ukraine, officials said.")
    unknown = places["Zzyxovka"]
    assert unknown.geonames_id is None and unknown.lat is None and unknown.country is None


def test_province_resolves_to_its_country(pipeline):
    places = places_of(pipeline, "Floods swept through Sindh and Balochistan provinces of Pakistan this week.")
    assert places["Sindh"].country == "PK" and places["Sindh"].feature == "A.ADM1"


def test_a_surname_is_not_geocoded_to_a_small_town(pipeline):
    places = places_of(pipeline, "The committee hearing was chaired by Senator Jones, who spoke for an hour.")
    assert all(p.geonames_id is None for p in places.values())


def test_local_story_places_by_its_state_and_counties(pipeline):
    # no country named: the county and the state abbreviation put "Alexandria" in Louisiana, not Egypt
    places = places_of(pipeline, "Deputies from Rapides Parish arrested two men in Alexandria, La., on Friday. "
                                 "The Alexandria police chief said more arrests were likely.")
    assert places["Alexandria"].country == "US" and places["Alexandria"].admin1 == "Louisiana"
    assert places["Rapides Parish"].feature == "A.ADM2" and places["Rapides Parish"].lat is not None
    assert places["Louisiana"].feature == "A.ADM1"  # "La." resolves to the state


def test_counties_listed_together(pipeline):
    text = "Fires burned more than 260 acres in Eastland and Callahan counties, the Texas Fire Service said."
    places = places_of(pipeline, text)
    for county in ("Eastland County", "Callahan County"):
        assert places[county].admin1 == "Texas" and places[county].feature == "A.ADM2"


def test_state_not_country_in_a_us_story(pipeline):
    places = places_of(pipeline, "Voters in Athens and across Georgia went to the polls, and officials in "
                                 "Clarke County said turnout was high.")
    assert places["Georgia"].country == "US" and places["Georgia"].feature == "A.ADM1"
    assert places["Athens"].country == "US"
    world = places_of(pipeline, "Russian troops entered Georgia and Georgian officials in Tbilisi protested.")
    assert world["Georgia"].country == "GE"


def test_a_demonym_stands_for_its_country(pipeline):
    places = places_of(pipeline, "Israeli troops withdrew from the area, the army said.")
    assert places["Israel"].feature == "A.PCLI" and [m.text for m in places["Israel"].mentions] == ["Israeli"]
