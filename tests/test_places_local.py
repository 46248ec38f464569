"""Towns local news names in passing (issue #17, LGL detection recall): datelines after the
headline, "a Gainesville man", "Jane Doe of Jeannette", a legislator's town, a town opening the
name of its own bodies, streets. Sentences written for these tests."""

from whodid.model import Article


def test_a_dateline_after_the_headline_is_a_place(places_of):
    places = places_of("Budget talks stall again. SACRAMENTO -- Lawmakers in California failed on "
                        "Monday to agree on the state budget.")
    assert places["SACRAMENTO"].admin1 == "California"


def test_opening_datelines_with_a_colon_or_a_dash(places_of):
    places = places_of("KUWAIT: The cabinet resigned on Tuesday after a vote in parliament.")
    assert places["KUWAIT"].country == "KW"


def test_a_town_before_a_word_for_its_people_or_police(places_of):
    places = places_of("A Gainesville man was arrested on Friday after Ocala police stopped his car "
                        "on Interstate 75 in Marion County, Florida.")
    assert places["Gainesville"].admin1 == "Florida"


def test_a_town_after_a_persons_name_and_of(places_of):
    text = ("The driver, Theresa Pilkington of Jeannette, was taken to a hospital in Greensburg, "
            "Westmoreland County, Pennsylvania, after the crash.")
    places = places_of(text)
    assert places["Jeannette"].admin1 == "Pennsylvania"


def test_a_legislators_home_town_after_the_party_letter(places_of):
    places = places_of("Rep. Barbara Lee, D-Oakland, introduced the bill in Washington on Tuesday.")
    assert places["Oakland"].admin1 == "California"


def test_a_town_opening_the_name_of_its_own_board(places_of):
    places = places_of("The Torrington Board of Education met on Monday in Litchfield County, "
                        "Connecticut, to approve the budget.")
    assert places["Torrington"].admin1 == "Connecticut"
    # a company named after a town is not the town
    companies = places_of("Shares of Peabody Energy rose on Monday, traders in New York said.")
    assert "Peabody" not in companies


def test_a_street_is_named_without_a_point_and_hides_the_town_in_its_name(places_of):
    places = places_of("Police were called to a house on Clinton Street in Lebanon, Ohio, on Sunday.")
    assert places["Clinton Street"].lat is None and "Clinton" not in places
    patrol = places_of("A Florida Highway Patrol trooper stopped the car near Ocala.")
    assert patrol["Florida"].feature == "A.ADM1"


def test_a_place_the_gazetteer_lacks_is_still_an_events_place():
    from whodid.pipeline import Pipeline, PipelineConfig

    analysis = Pipeline(PipelineConfig()).analyze(Article(
        text="In Wiltshire, police arrested four men suspected of hunting with dogs."))
    arrest = next(e for e in analysis.events if e.trigger.text == "arrested")
    assert arrest.place == "Wiltshire"
