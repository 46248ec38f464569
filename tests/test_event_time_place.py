"""Events get the date and place their own sentence gives them, and nothing else."""

import pytest

from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def analysis(seed_text):
    return Pipeline().analyze(Article(text=seed_text))


def event(analysis, trigger):
    hits = [e for e in analysis.events if e.trigger.text == trigger]
    assert hits, [e.trigger.text for e in analysis.events]
    return hits[0]


def test_invasion_is_dated_and_historical(analysis):
    invasion = event(analysis, "marched into")
    assert (invasion.type, invasion.date, invasion.date_precision) == ("ASSAULT", "2022-02-24", "day")
    assert invasion.modality == "historical"  # nine months before the (inferred) publication date
    start, end = invasion.date_mention.start, invasion.date_mention.end
    assert analysis.article.text[start:end] == invasion.date_mention.text == "February 24th, 2022"


def test_battle_is_placed_at_milove(analysis):
    battle = event(analysis, "battle")
    assert battle.place == "Milove"
    # the place points to the words it was read from
    assert analysis.article.text[battle.place_mention.start:battle.place_mention.end] == "Milove"
    milove = next(p for p in analysis.places if p.name == battle.place)
    assert milove.geonames_id == 701104


def test_undated_sentence_gets_no_date(analysis):
    # "Ukraine and the Western world argue that Putin has no justification": no date in the text
    accuse = event(analysis, "has no justification")
    assert accuse.date is None and accuse.date_precision == "none" and accuse.date_mention is None


def test_a_recent_event_is_not_historical():
    text = "Russian troops attacked a school in Nikopol on Monday, the governor said."
    a = Pipeline().analyze(Article(text=text, published="2023-05-10"))
    attack = next(e for e in a.events if e.type == "ASSAULT")
    assert attack.date == "2023-05-08" and attack.modality == "asserted" and attack.place == "Nikopol"
    assert (attack.date_mention.text, attack.place_mention.text) == ("Monday", "Nikopol")
    nikopol = next(p for p in a.places if p.name == "Nikopol")
    assert nikopol.country == "UA"  # the Ukrainian city, not the Bulgarian town


def test_an_adjective_of_place_places_an_event_only_on_a_place_noun():
    pipeline = Pipeline()
    talks = pipeline.analyze(Article(
        text="Iran and Turkey held talks on the Syrian conflict on Tuesday.", published="2024-03-07"))
    assert [(e.type, e.place) for e in talks.events] == [("CONSULT", None)]  # about Syria, not in it
    geneva = pipeline.analyze(Article(
        text="The envoys held talks on the Syrian conflict in Geneva on Tuesday.", published="2024-03-07"))
    assert [(e.type, e.place) for e in geneva.events] == [("CONSULT", "Geneva")]
    border = pipeline.analyze(Article(
        text="Troops shelled a village on the Lebanese border on Monday.", published="2024-03-07"))
    shelling = next(e for e in border.events if e.type == "ASSAULT")
    assert shelling.place_mention.text == "the Lebanese border"


def test_an_attack_object_and_a_where_clause_place_the_event():
    pipeline = Pipeline()
    hit = pipeline.analyze(Article(
        text="Election violence has also hit eastern Ethiopia, where a series of bomb attacks killed five.",
        published="2024-03-07"))
    assert {e.place for e in hit.events if e.type == "ASSAULT"} == {"Ethiopia"}, \
        [(e.type, e.trigger.text, e.place) for e in hit.events]


def test_where_people_come_from_is_not_where_the_event_happened():
    pipeline = Pipeline()
    released = pipeline.analyze(Article(
        text="The fishermen, from South Wales and Ireland, have been released on bail.", published="2024-03-07"))
    assert all(e.place is None for e in released.events), [(e.type, e.place) for e in released.events]


def test_in_the_country_is_the_country_named_before_it():
    pipeline = Pipeline()
    raids = pipeline.analyze(Article(
        text="Police in Kenya said on Monday that gunmen attacked three villages in the country, "
             "killing at least ten Somalis.", published="2024-03-07"))
    attack = next(e for e in raids.events if e.trigger.text == "attacked")
    assert attack.place == "Kenya" and attack.place_mention.text == "the country"


def test_an_event_shares_the_place_of_its_actors_other_event_in_the_sentence():
    pipeline = Pipeline()
    told = pipeline.analyze(Article(
        text="Police fired tear gas at protesters in Nairobi on Monday before police arrested dozens of them.",
        published="2024-03-07"))
    assert {e.trigger.text: e.place for e in told.events} == {"fired": "Nairobi", "arrested": "Nairobi"}
    # another clause with another actor keeps its own place (none here)
    other = pipeline.analyze(Article(
        text="Russian forces attacked Kharkiv overnight, and Ukraine threatened to strike back.",
        published="2024-03-07"))
    places = {e.trigger.text: e.place for e in other.events}
    assert places["attacked"] == "Kharkiv" and places["threatened"] is None, places


def test_a_local_body_acts_where_it_sits():
    pipeline = Pipeline()
    court = pipeline.analyze(Article(
        text="A Nairobi court sentenced two former officials to five years in prison on Tuesday.",
        published="2024-03-07"))
    assert {e.trigger.text: e.place for e in court.events}.get("sentenced") == "Nairobi", \
        [(e.trigger.text, e.place) for e in court.events]
    arrested = pipeline.analyze(Article(
        text="Three men were arrested by Manchester police on Friday for smuggling ivory.", published="2024-03-07"))
    assert {e.trigger.text: e.place for e in arrested.events}.get("arrested") == "Manchester", \
        [(e.trigger.text, e.place) for e in arrested.events]
    # a country before the body says whose it is, not where it acted
    officials = pipeline.analyze(Article(
        text="Kenyan officials accused the rebels of attacking a convoy.", published="2024-03-07"))
    assert all(e.place is None for e in officials.events), [(e.trigger.text, e.place) for e in officials.events]


def test_a_wars_country_is_not_the_place_of_an_event_about_the_war():
    pipeline = Pipeline()
    condemned = pipeline.analyze(Article(
        text="Germany and France condemned Russia's war in Ukraine.", published="2024-03-07"))
    # (the war itself is coded since ev-lexicon13, ASSAULT by PETRARCH2's "war" sense: it is in Ukraine)
    assert sorted((e.type, e.place) for e in condemned.events) == [("ACCUSE", None), ("ASSAULT", "Ukraine")], \
        [(e.trigger.text, e.place) for e in condemned.events]
    # ... while a town inside the phrase still places a meeting held there
    met = pipeline.analyze(Article(
        text="The envoys held talks on the war in Vienna on Tuesday.", published="2024-03-07"))
    assert {e.place for e in met.events} == {"Vienna"}, [(e.trigger.text, e.place) for e in met.events]


def test_a_participle_used_as_a_preposition_heads_no_clause_of_its_own(nlp):
    # "including" is parsed as a verb: the event noun after it still belongs to the clause whose
    # subject is "the commission in Peru"
    from whodid.model import Analysis, Event, Mention, Offsets
    from whodid.places import PlacesStage

    text = "The commission in Peru has produced results, including the arrests of two ministers."
    doc = nlp(text)
    assert next(t for t in doc if t.lower_ == "including").dep_ == "prep"
    start = text.index("arrests")
    analysis = Analysis(article=Article(text=text))
    analysis.events.append(Event(type="COERCE", sentence=Offsets(0, len(text)),
                                 trigger=Mention(start, start + len("arrests"), "arrests")))
    PlacesStage()(doc, analysis)
    assert analysis.events[0].place == "Peru"


def test_a_country_after_on_is_what_an_act_aims_at_not_where_it_happened():
    pipeline = Pipeline()
    embargo = pipeline.analyze(Article(text="The EU imposed an arms embargo on China in 1989.", published="2022-07-16"))
    assert [(e.type, e.place) for e in embargo.events] == [("SANCTION", None)]
    # an attack's target is still its place
    assault = pipeline.analyze(Article(text="Russian forces launched an assault on Ukraine in February.",
                                       published="2022-07-16"))
    assert [(e.type, e.place) for e in assault.events] == [("ASSAULT", "Ukraine")]


def test_a_country_or_unlisted_name_modifying_a_noun_is_whose_not_where():
    pipeline = Pipeline()
    rally = pipeline.analyze(Article(text="Protesters rallied outside the US embassy in Nairobi.", published="2022-07-16"))
    assert [(e.type, e.place) for e in rally.events] == [("PROTEST", "Nairobi")]
    requests = pipeline.analyze(Article(text="The governor rejected requests from Okinawan officials to join the talks.",
                                        published="2022-07-16"))
    assert {e.place for e in requests.events} == {None}, [(e.type, e.place) for e in requests.events]
    # a place noun keeps the country's adjective: the border is where
    border = pipeline.analyze(Article(text="Troops shelled a village on the Lebanese border on Monday.",
                                      published="2024-03-07"))
    assert next(e for e in border.events if e.type == "ASSAULT").place_mention.text == "the Lebanese border"


def test_across_the_country_before_any_country_is_named_is_the_articles_country_marked_a_guess():
    pipeline = Pipeline()
    guessed = pipeline.analyze(Article(
        text="NAIROBI - Thousands of people demonstrated across the country on Tuesday against new taxes, "
             "police said. Kenyan President William Ruto defended the taxes in Nairobi.", published="2022-07-16"))
    protest = next(e for e in guessed.events if e.type == "PROTEST")
    assert protest.place == "Kenya" and "place" in protest.inferred
    assert protest.place_mention.text == "the country"
    assert all(p.name != "the country" for p in guessed.places)  # no toponym is made up for it
    # a country named before it is read, not guessed
    named = pipeline.analyze(Article(
        text="NAIROBI - Police in Kenya said thousands of people demonstrated across the country on Tuesday.",
        published="2022-07-16"))
    protest = next(e for e in named.events if e.type == "PROTEST")
    assert protest.place == "Kenya" and "place" not in protest.inferred


def test_a_date_in_another_relative_clause_dates_that_clauses_event():
    pipeline = Pipeline()
    other = pipeline.analyze(Article(text="Rebels rejected the agreement that took effect in 2019.",
                                     published="2022-07-16"))
    assert [(e.type, e.date) for e in other.events] == [("REJECT", None)]
    own = pipeline.analyze(Article(text="Rebels rejected the agreement in 2019.", published="2022-07-16"))
    assert [(e.type, e.date) for e in own.events] == [("REJECT", "2019")]


def test_a_weekday_before_is_to_meet_is_the_coming_one():
    pipeline = Pipeline()  # published on Saturday 16 July 2022
    coming = pipeline.analyze(Article(text="On Wednesday, the delegation is to meet the minister, the Senate said.",
                                      published="2022-07-16"))
    assert [e.date for e in coming.events] == ["2022-07-20"]
    past = pipeline.analyze(Article(text="On Wednesday, the delegation met the minister, the Senate said.",
                                    published="2022-07-16"))
    assert [e.date for e in past.events] == ["2022-07-13"]


def test_where_a_governing_verbs_subject_came_from_or_went_is_not_where_the_event_under_it_happened():
    pipeline = Pipeline()

    def places(text):
        return [(e.type, e.trigger.text, e.place) for e in pipeline.analyze(Article(text=text, published="2024-03-07")).events]

    # the destination of the main verb: the storming came before, elsewhere
    assert places("The president fled to Dubai after protesters stormed his residence on Saturday.") \
        == [("PROTEST", "stormed", None)]
    # the origin of the trip the talks were the end of
    assert places("King Abdullah paid for Tony Blair to fly from a holiday in Egypt to official discussions.") \
        == [("CONSULT", "discussions", None)]
    # the delegation's trip, not where its relative clause's act was
    assert places("The energy secretary travelled to China with the delegation that negotiated a loan for the mine.") \
        == [("CONSULT", "negotiated", None)]
    # guards: a trip's purpose happens at its destination; a verb's own origin is its place
    assert places("The foreign minister went to Moscow to meet President Putin.") == [("CONSULT", "meet", "Moscow")]
    assert places("Russian troops withdrew from Kherson on Friday.") == [("RETREAT", "withdrew", "Kherson")]


def test_an_invaded_country_is_the_recipient_not_the_place():
    pipeline = Pipeline()
    invasion = pipeline.analyze(Article(text="Russia invaded Ukraine in February.", published="2024-03-07"))
    assert [(e.type, e.place) for e in invasion.events] == [("ASSAULT", None)]
    # a region invaded is where it happened
    crimea = pipeline.analyze(Article(text="Russian troops invaded Crimea in 2014.", published="2024-03-07"))
    assert [(e.type, e.place) for e in crimea.events] == [("ASSAULT", "Crimea")]


def test_the_one_place_a_visit_verb_takes_is_where_the_visit_was():
    pipeline = Pipeline()
    visit = pipeline.analyze(Article(
        text="Iranian Foreign Minister Hossein Amir-Abdollahian visited New Delhi and met with his Indian counterpart.",
        published="2024-03-07"))
    assert [(e.type, e.trigger.text, e.place) for e in visit.events] == [("CONSULT", "visited", "New Delhi")]
    assert visit.events[0].place_mention.text == "New Delhi"
    # a tour of several countries has no one place
    tour = pipeline.analyze(Article(text="A US envoy visited Colombia, Ecuador and Panama to promote the plan.",
                                    published="2024-03-07"))
    assert [(e.type, e.place) for e in tour.events] == [("CONSULT", None)]


def test_where_the_triggers_own_act_went_is_not_where_it_happened():
    pipeline = Pipeline()

    def places(text):
        return [(e.type, e.trigger.text, e.place) for e in pipeline.analyze(Article(text=text, published="2024-03-07")).events]

    assert places("In 2019, eight Brazilian governors travelled to China.") == [("CONSULT", "travelled to", None)]
    assert places("President Dos Santos invited the retired general to Angola.") == [("AGREE", "invited", None)]
    # a visit is where it went
    assert places("Mr Blair made a surprise visit to Iraq, where he met Iraqi leaders.") \
        == [("CONSULT", "visit", "Iraq"), ("CONSULT", "met", "Iraq")]


def test_a_name_read_as_a_company_is_no_event_place():
    text = ("India's Enforcement Directorate is investigating the Chinese phone maker Xiaomi.\n\n"
            "In May, the Enforcement Directorate said it seized US$725 million from Xiaomi, accusing the "
            "Beijing-based firm of illegal remittances.")
    analysis = Pipeline().analyze(Article(text=text, published="2022-07-01"))
    seized = next(e for e in analysis.events if e.trigger.text == "seized")
    assert seized.place is None, [(e.trigger.text, e.place) for e in analysis.events]


def test_people_from_across_the_country_are_not_where_the_event_was():
    text = ("India wants more investment in Kashmir.\n\nThe minister also appealed to young industrialists, "
            "entrepreneurs and investors from across the country to invest in Kashmir.")
    analysis = Pipeline().analyze(Article(text=text, published="2024-03-07"))
    assert [(e.type, e.place) for e in analysis.events] == [("REQUEST", None)]


def test_a_town_owning_a_named_site_places_the_event():
    analysis = Pipeline().analyze(Article(
        text="At Newcastle's Eldon Square on Monday, Chancellor Gordon Brown accused the Conservatives of plotting cuts.",
        published="2005-03-07"))
    assert [(e.type, e.place) for e in analysis.events] == [("ACCUSE", "Newcastle")]


def test_a_place_inside_a_phrase_naming_who_is_not_the_events():
    analysis = Pipeline().analyze(Article(
        text="Beijing has called the decision by the Permanent Court of Arbitration in The Hague illegal.",
        published="2022-08-01"))
    assert [e.place for e in analysis.events] == [None], [(e.trigger.text, e.place) for e in analysis.events]


def test_an_event_told_inside_anothers_clause_shares_its_place_with_a_party_in_common():
    analysis = Pipeline().analyze(Article(
        text="In June, Turkey arrested eight people accused of planning attacks against Israelis in the country.",
        published="2022-07-01"))
    assert {e.trigger.text: e.place for e in analysis.events} == {"arrested": "Turkey", "attacks": "Turkey"}
