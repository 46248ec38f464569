"""The actors stage: KB actors, dated roles, nominal mentions, pronouns, near-miss names.

The reference-article tests follow the actor table of
../shared/examples/seed-expected.md (its rows are restated here, so the tests do
not need ../shared).
"""

from __future__ import annotations

import pytest

from whodid.actors import ActorsStage
from whodid.knowledge.kb import load_kb
from whodid.model import Article
from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(stages=[ActorsStage()])


@pytest.fixture(scope="module")
def seed_dated(pipeline, seed_text):
    return pipeline.analyze(Article(text=seed_text, published="2022-12-02"))


@pytest.fixture(scope="module")
def seed_undated(pipeline, seed_text):
    return pipeline.analyze(Article(text=seed_text))


def analyze(pipeline, text, published):
    return pipeline.analyze(Article(text=text, published=published))


def actor_of(analysis, mention_text, occurrence=0):
    """The actor that has the ``occurrence``-th mention with exactly this text (None if none)."""
    text = analysis.article.text
    starts = []
    pos = text.find(mention_text)
    while pos != -1:
        starts.append(pos)
        pos = text.find(mention_text, pos + 1)
    start = starts[occurrence]
    for a in analysis.actors:
        for m in a.mentions:
            if m.start == start and m.end == start + len(mention_text):
                return a
    return None


def actors_of(analysis, mention_text):
    """Ids of the actors of every occurrence of this text that is exactly a mention."""
    out = set()
    for a in analysis.actors:
        for m in a.mentions:
            if m.text == mention_text:
                out.add(a.id)
    return out


def by_id(analysis, actor_id):
    return next((a for a in analysis.actors if a.id == actor_id), None)


# ---------------------------------------------------------------- the reference article

@pytest.fixture(params=["dated", "undated"])
def seed(request, seed_dated, seed_undated):
    return seed_dated if request.param == "dated" else seed_undated


def test_offsets_are_exact(seed):
    text = seed.article.text
    for a in seed.actors:
        assert a.id and a.name and a.kind in ("person", "organization", "country", "group")
        for m in a.mentions:
            assert text[m.start:m.end] == m.text


def test_biden(seed):
    biden = by_id(seed, "Q6279")
    assert biden is not None and biden.code == "USAGOV" and biden.kind == "person" and biden.country == "USA"
    assert biden.wikidata == "Q6279" and "President" in biden.role
    texts = {m.text for m in biden.mentions}
    assert "Biden" in texts
    assert actor_of(seed, "US President Joe Biden") is biden
    # "Biden suggested he was willing to meet with Putin"
    assert actor_of(seed, "suggested he") is None  # mention spans are the pronoun only
    he = seed.article.text.index("suggested he") + len("suggested ")
    assert any(m.start == he and m.text == "he" for m in biden.mentions)
    # "Biden" tagged GPE by spaCy in one sentence is still the person
    text = seed.article.text
    for k in range(text.count("Biden")):
        start = [i for i in range(len(text)) if text.startswith("Biden", i)][k]
        assert any(m.start <= start and start + 5 <= m.end for m in biden.mentions), text[start - 30:start + 20]


def test_macron(seed):
    macron = by_id(seed, "Q3052772")
    assert macron is not None and macron.code == "FRAGOV" and macron.name == "Emmanuel Macron"
    assert actor_of(seed, "Manuel Macron") is macron
    assert actor_of(seed, "his French counterpart") is macron
    assert actor_of(seed, "France’s President Macron") is macron
    assert actors_of(seed, "Macron") == {"Q3052772"}  # "Biden and Macron are to meet ..."
    start = seed.article.text.index("Manuel Macron")
    mismatch = [c for c in seed.checks if c.kind == "name_mismatch"]
    assert len(mismatch) == 1 and mismatch[0].severity == "warning"
    assert (mismatch[0].start, mismatch[0].end) == (start, start + len("Manuel Macron"))
    assert "Emmanuel Macron" in mismatch[0].message


def test_putin(seed):
    putin = by_id(seed, "Q7747")
    assert putin is not None and putin.code == "RUSGOV"
    for text in ("the Russian leader", "President Vladimir Putin", "Putin", "the Kremlin Chief", "President Putin",
                 "The Russian Federation’s president", "Vladimir Putin"):
        assert actors_of(seed, text) == {"Q7747"}, text
    # every "Putin" in the text is inside a mention of Putin
    text = seed.article.text
    for start in [i for i in range(len(text)) if text.startswith("Putin", i)]:
        assert any(m.start <= start and start + 5 <= m.end for m in putin.mentions), text[start - 30:start + 20]
    # "The tough, no-nonsense Vladimir Putin has stated that he has no regrets"
    he = seed.article.text.index("he has no regrets")
    assert any(m.start == he for m in putin.mentions)
    # "He described it as a watershed moment"
    assert actor_of(seed, "He described") is None
    he2 = seed.article.text.index("He described")
    assert any(m.start == he2 for m in putin.mentions)


def test_peskov(seed):
    peskov = by_id(seed, "Q1968948")
    assert peskov is not None and peskov.code == "RUSGOV" and peskov.wikidata == "Q1968948"
    assert actor_of(seed, "The Kremlin’s spokesperson") is peskov
    assert actor_of(seed, "Dmitry Peskov") is peskov
    assert actors_of(seed, "Peskov") == {"Q1968948"}


def test_zelenskyy(seed):
    z = by_id(seed, "Q3874799")
    assert z is not None and z.code == "UKRGOV"
    assert actor_of(seed, "Zelenskyy") is z  # spaCy tags it ORG
    assert actor_of(seed, "president Volodymyr Zelenskyy") is z


def test_russia_kremlin_moscow(seed):
    assert actors_of(seed, "Russia") == {"RUS"}
    russia = by_id(seed, "RUS")
    assert russia.code == "RUS" and russia.kind == "country"
    assert actor_of(seed, "The Russian Federation") is russia
    kremlin = actor_of(seed, "Kremlin", 1)  # "The Kremlin, according to Peskov, ..."
    assert kremlin is not None and kremlin.code == "RUSGOV"
    assert actor_of(seed, "Moscow").code == "RUSGOV"


def test_groups_and_organisations(seed):
    assert actor_of(seed, "the Russian army").code == "RUSMIL"
    assert actor_of(seed, "Russian soldier").code == "RUSMIL"
    assert actors_of(seed, "Ukraine") == {"UKR"}  # "puny Ukraine" and the rest
    assert actor_of(seed, "NATO").code == "IGOWSTNAT"
    assert actor_of(seed, "the Western world").code == "WST"
    assert actors_of(seed, "the West") == {"WST"}
    assert actor_of(seed, "Russians").code == "RUSCVL"


def test_no_date_is_said(seed_undated, seed_dated):
    assert any(c.kind == "role_date_assumed" and c.start is None for c in seed_undated.checks)
    assert not any(c.kind == "role_date_assumed" and c.start is None for c in seed_dated.checks)


def test_every_mention_says_how_it_was_resolved_and_how_sure(nlp, seed_text):
    doc = nlp(seed_text)
    from whodid.model import Analysis

    analysis = Analysis(article=Article(text=seed_text, published="2022-12-02"))
    ActorsStage()(doc, analysis)
    mentions = [m for actor in analysis.actors for m in actor.mentions]
    assert mentions and all(0 < m.confidence <= 1 for m in mentions)
    assert {m.how for m in mentions} >= {"name", "surname", "nominal", "pronoun", "fuzzy"}


# ---------------------------------------------------------------- dated roles and nominals

def test_us_president_depends_on_the_date(pipeline):
    text = "The US president said on Monday that the talks would continue."
    assert actor_of(analyze(pipeline, text, "2019-05-01"), "The US president").id == "Q22686"  # Trump
    assert actor_of(analyze(pipeline, text, "2022-12-02"), "The US president").id == "Q6279"  # Biden
    assert actor_of(analyze(pipeline, text, "2014-03-01"), "The US president").name == "Barack Obama"


def test_role_without_date_uses_latest_holder_and_says_so(pipeline):
    a = analyze(pipeline, "The Russian leader said nothing.", None)
    assert actor_of(a, "The Russian leader").id == "Q7747"
    assert any(c.kind == "role_date_assumed" and c.severity == "info" and c.start == 0 for c in a.checks)


def test_minister_and_counterpart(pipeline):
    a = analyze(pipeline, "Ukraine's defence minister met his British counterpart in London on Tuesday.",
                "2022-06-01")
    assert actor_of(a, "Ukraine's defence minister").name == "Oleksii Reznikov"
    assert actor_of(a, "his British counterpart").name == "Ben Wallace"
    assert actor_of(a, "Ukraine").code == "UKR"  # the possessor stays a mention of its own


def test_leader_means_head_of_government_where_the_head_of_state_is_ceremonial(pipeline):
    a = analyze(pipeline, "The German chancellor met the Chinese foreign minister. The British leader spoke later.",
                "2022-06-01")
    assert actor_of(a, "The German chancellor").name == "Olaf Scholz"
    assert actor_of(a, "the Chinese foreign minister").code == "CHNGOV"
    assert actor_of(a, "The British leader").name == "Boris Johnson"


def test_former_is_not_the_current_holder(pipeline):
    a = analyze(pipeline, "The former US president criticised the plan.", "2022-06-01")
    assert actor_of(a, "The former US president") is None


def test_capital_as_actor_but_not_as_place(pipeline):
    a = analyze(pipeline, "Moscow rejected the offer. Protesters gathered in Moscow.", "2022-06-01")
    assert actor_of(a, "Moscow").code == "RUSGOV"
    assert actor_of(a, "Moscow", 1) is None


def test_capital_of_a_state_countries_json_calls_dependent(pipeline):
    # Taiwan and Palestine are no independent states in countries.json, but PETRARCH2's country
    # dictionary names them by their capitals (+TAIPEI_, +RAMALLAH): those stand for the government
    a = analyze(pipeline, "Taipei rejected the demand. Ramallah condemned the raid. Tourists gathered in Taipei.",
                "2022-08-01")
    assert actor_of(a, "Taipei").code == "TWNGOV"
    assert actor_of(a, "Ramallah").code == "PSEGOV"
    assert actor_of(a, "Taipei", 1) is None


def test_build_kb_takes_a_dependent_countrys_capital_only_where_petrarch_names_the_country_by_it(tmp_path):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from build_kb import phoenix_capitals
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(
        "TAIWAN_  [TWN]\n+TAIWANESE_\n+TAIPEI_\n\nBERMUDA_ [BMU]\n+BERMUDAN_\n", encoding="utf-8")
    countries = {"TWN": {"capitals": ["Taipei"], "independent": False},
                 "BMU": {"capitals": ["Hamilton"], "independent": False},
                 "FRA": {"capitals": ["Paris"], "independent": True}}
    assert phoenix_capitals(tmp_path, countries) == {"TWN"}


# ---------------------------------------------------------------- names and pronouns

def test_near_miss_name(pipeline):
    a = analyze(pipeline, "Vladimir Puttin said he would not negotiate.", "2022-12-02")
    putin = actor_of(a, "Vladimir Puttin")
    assert putin.id == "Q7747"
    assert actor_of(a, "he") is putin
    check = next(c for c in a.checks if c.kind == "name_mismatch")
    assert "Vladimir Putin" in check.message and a.article.text[check.start:check.end] == "Vladimir Puttin"


def test_same_surname_different_first_name_is_someone_else(pipeline):
    a = analyze(pipeline, "Brigitte Macron visited a school in Paris.", "2022-12-02")
    b = actor_of(a, "Brigitte Macron")
    assert b is not None and b.kind == "person" and b.wikidata is None
    assert not any(c.kind == "name_mismatch" for c in a.checks)


def test_unknown_person_with_title(pipeline):
    a = analyze(pipeline, "Rebel commander John Mbeki said his fighters had seized the town. Mbeki later left.",
                "2022-12-02")
    mbeki = actor_of(a, "commander John Mbeki")
    assert mbeki.kind == "person" and mbeki.wikidata is None and mbeki.sector == "MIL"
    assert actor_of(a, "Mbeki", 1) is mbeki
    assert actor_of(a, "his") is mbeki


def test_pronoun_gender_and_binding(pipeline):
    a = analyze(pipeline, "Merkel spoke to Trump by phone. She told him that Germany would not pay.", "2019-03-01")
    merkel, trump = actor_of(a, "Merkel"), actor_of(a, "Trump")
    assert merkel.name == "Angela Merkel" and trump.name == "Donald Trump"
    assert actor_of(a, "She") is merkel
    assert actor_of(a, "him") is trump


def test_its_refers_to_an_organisation(pipeline):
    a = analyze(pipeline, "NATO said its members would send more troops.", "2022-06-01")
    assert actor_of(a, "its").code == "IGOWSTNAT"


def test_kb_loads_and_knows_dated_roles():
    kb = load_kb()
    holders = kb.holders("USA", "head_of_state", "2019-05-01")
    assert holders and holders[0][0].name == "Donald Trump"
    assert kb.holders("RUS", "leader", "2022-12-02")[0][0].wikidata == "Q7747"
    info = kb.show("Putin", "2022-12-02")
    assert any(x.get("wikidata") == "Q7747" and x["code"] == "RUSGOV" for x in info)


def test_coordinated_designators_share_the_noun(pipeline):
    a = analyze(pipeline, "US and British forces must guard the convoy, the aid agency said.", "2022-06-01")
    assert actor_of(a, "US").code == "USAMIL"
    assert actor_of(a, "British forces").code == "GBRMIL"


def test_indefinite_role_is_not_the_office_holder(pipeline):
    a = analyze(pipeline, "A Kremlin spokesperson declined to comment.", "2022-06-01")
    assert actor_of(a, "A Kremlin spokesperson").code == "RUSGOV"
    assert actor_of(a, "A Kremlin spokesperson").kind != "person"


def test_title_tells_an_unknown_person_sector_and_the_sentence_its_country(pipeline):
    a = analyze(pipeline, "Judge Maria Solis opened an inquiry into 12 Peruvian officials.", "2022-06-01")
    judge = actor_of(a, "Judge Maria Solis")
    assert judge.kind == "person" and judge.sector == "JUD" and judge.code == "PERJUD"


def test_a_title_is_not_a_surname(pipeline):
    a = analyze(pipeline, "King Abdullah met the envoy in Amman.", "2022-06-01")
    assert all(x.name != "William Lyon Mackenzie King" for x in a.actors)
    assert actor_of(a, "King") is None


def test_chinese_family_name_first(pipeline):
    a = analyze(pipeline, "Wang Xiaoming, a factory owner, was detained. Wang denied the charges.", "2022-06-01")
    assert actor_of(a, "Wang", 1) is actor_of(a, "Wang Xiaoming")


def test_possessor_person_gives_the_country(pipeline):
    a = analyze(pipeline, "Putin's spokesman said the talks were over.", "2022-06-01")
    assert actor_of(a, "Putin's spokesman").wikidata == "Q1968948"
    assert actor_of(a, "Putin").wikidata == "Q7747"


def test_accents_case_and_hyphens_are_not_a_misspelling(pipeline):
    a = analyze(pipeline, "Nicolas Maduro met Abdel-Fattah El-Sisi in Cairo.", "2022-06-01")
    assert actor_of(a, "Nicolas Maduro").name == "Nicolás Maduro"
    assert actor_of(a, "Abdel-Fattah El-Sisi").name == "Abdel Fattah el-Sisi"
    assert not any(c.kind == "name_mismatch" for c in a.checks)


def test_a_similar_name_of_someone_else_is_not_a_near_miss(pipeline):
    a = analyze(pipeline, "Gary Ng, an economist, said growth would slow. Wang Ying agreed.", "2022-06-01")
    assert actor_of(a, "Gary Ng").wikidata is None
    assert actor_of(a, "Wang Ying").wikidata is None
    assert not any(c.kind == "name_mismatch" for c in a.checks)


def test_they_means_all_coordinated_subjects(seed_dated):
    text = seed_dated.article.text
    they = text.index("what they perceive") + len("what ")
    owners = {a.id for a in seed_dated.actors for m in a.mentions if m.start == they}
    assert owners == {"UKR", "WST"}


# ---------------------------------------------------------------- undated articles: titles date the story

def test_undated_titles_bound_the_inferred_publication_date(nlp):
    # 2 December fell on a Friday in 2011, 2016 and 2022: "President Barack Obama"
    # rules out 2022, the most recent fit, and the roles follow the inferred date
    from whodid.time import TimeStage

    full = Pipeline(stages=[ActorsStage(), TimeStage()])
    titled = full.analyze(Article(text=(
        "On Friday, December 2nd, President Barack Obama spoke with reporters in Washington. "
        "The US vice president said the budget talks would resume on Monday.")))
    assert titled.article.published == "2016-12-02" and titled.article.published_inferred
    inferred = next(c for c in titled.checks if c.kind == "published_inferred")
    assert "'President Barack Obama': Barack Obama was President of the United States" in inferred.message
    assert actor_of(titled, "The US vice president").name == "Joe Biden"
    assumed = next(c for c in titled.checks if c.kind == "role_date_assumed" and c.start is None)
    assert "2016-12-02" in assumed.message

    bare = full.analyze(Article(text=(
        "On Friday, December 2nd, Barack Obama spoke with reporters in Washington.")))
    assert bare.article.published == "2022-12-02"  # no title: nothing rules out the latest fit


def test_former_and_then_titles_do_not_date_the_story(nlp):
    from whodid.time import TimeStage

    full = Pipeline(stages=[ActorsStage(), TimeStage()])
    for text in ("On Friday, December 2nd, former President Barack Obama spoke with reporters.",
                 "On Friday, December 2nd, a memoir recalled how then-President Barack Obama spoke."):
        a = full.analyze(Article(text=text))
        assert a.article.published == "2022-12-02", text
        assert "Barack Obama was" not in next(c for c in a.checks if c.kind == "published_inferred").message


def test_malay_honorifics_are_titles_and_the_short_name_links(pipeline):
    a = analyze(pipeline, "Paul Graham leads the party. Tan Sri Lim Boon Kiat said the vote was fair. "
                          "Lim added that he would stay.", "2022-12-02")
    lim = actor_of(a, "Lim Boon Kiat")
    assert lim is not None and lim.kind == "person" and lim.name == "Lim Boon Kiat"  # not "Tan Sri Lim ..."
    assert actor_of(a, "Lim", 1) is lim
    b = analyze(pipeline, "Deputy Health Minister Datuk Seri Wong Kah Lim said the clinics would stay open.",
                "2022-12-02")
    assert not any("Datuk" in x.name for x in b.actors)  # an honorific is no person of its own


def test_a_place_after_came_to_is_not_a_person(pipeline):
    a = analyze(pipeline, "She sells flowers, but when she came to Bukit Merah it was filmed, he said.",
                "2022-12-02")
    assert actor_of(a, "Bukit Merah") is None
    assert actor_of(a, "he") is None  # no person to mean, rather than the place


# ---------------------------------------------------------------- era, forms of address, context country


def test_outside_bounds_put_an_undated_story_in_its_era(nlp):
    """A story known to be from 2004-2005 that names a plan for 2012: its people hold the
    offices of 2004-2005, not those of 2012."""
    import datetime as dt

    from whodid.nlp.publication import DateConstraint

    text = "Tony Blair said the new homes would be built by 2012, and Mr Blair thanked the builders."
    bounded = Pipeline(stages=[ActorsStage(constraints=[
        DateConstraint(dt.date(2004, 1, 1), dt.date(2005, 12, 31), "the corpus's period")])])
    a = bounded.analyze(Article(text=text))
    blair = actor_of(a, "Tony Blair")
    assert blair.code == "GBRGOV" and "former" not in (blair.role or "")
    assert actor_of(a, "Blair", 1) is blair  # "Mr Blair" is him
    assert any("the corpus's period" in c.message for c in a.checks if c.kind == "role_date_assumed")
    unbounded = Pipeline(stages=[ActorsStage()]).analyze(Article(text=text))
    assert actor_of(unbounded, "Tony Blair").code != "GBRGOV"  # in 2012 he was no longer in office


def test_a_form_of_address_names_a_person_and_is_no_actor(pipeline):
    a = analyze(pipeline, "Ms Jamieson praised the clubs. Mr Dunlop, the chairman, thanked her.", "2005-02-01")
    jamieson = actor_of(a, "Jamieson")
    assert jamieson is not None and jamieson.kind == "person" and jamieson.name == "Ms Jamieson"
    assert actor_of(a, "Ms") is None and actor_of(a, "Mr") is None
    assert actor_of(a, "her") is jamieson  # "Ms" says she is a woman


def test_unknown_people_take_the_country_the_story_is_about_as_a_guess(pipeline):
    a = analyze(pipeline, "Tony Blair and Gordon Brown spoke in London on Monday. Britain's economy grew. "
                          "Mr Dunlop, a backbencher, said he would vote against the plan.", "2005-02-01")
    dunlop = actor_of(a, "Dunlop")
    assert dunlop.country == "GBR" and "country" in dunlop.inferred
    assert dunlop.sector in ("LEG", None)  # a backbencher: never a private person
    assert actor_of(a, "Tony Blair").inferred == []  # known, not guessed
    b = analyze(pipeline, "KUWAIT: Opposition MP Saleh Al-Mutairi said he would question the minister.", "2022-07-01")
    mp = actor_of(b, "MP Saleh Al-Mutairi")  # the title is part of the mention
    assert mp.country == "KWT"  # the dateline says where the story is
    assert mp.code == "KWTOPP"  # an opposition MP
    c = analyze(pipeline, "Mr Dunlop said he would vote against the plan.", "2005-02-01")
    assert actor_of(c, "Dunlop").country is None  # nothing tells: no guess


def test_agent_nouns_are_groups_of_the_country_named_or_of_the_story(pipeline):
    """PETRARCH2's agent nouns: "police" COP, "lawmakers" LEG, "protesters"; with a country word
    they are that country's, without one the country the story is about, as a guess."""
    a = analyze(pipeline, "Tony Blair and Gordon Brown spoke in London. Police arrested four protesters "
                          "outside the police station, and Iranian police arrested a journalist in Tehran.",
                "2005-02-01")
    police = actor_of(a, "Police")
    assert police.code == "GBRCOP" and police.inferred == ["country"]
    iranian = actor_of(a, "Iranian police")
    assert iranian.code == "IRNCOP" and iranian.inferred == []
    assert actor_of(a, "protesters") is not None and actor_of(a, "protesters").country == "GBR"
    assert actor_of(a, "police station") is None and actor_of(a, "police", 1) is None  # a place
    b = analyze(pipeline, "Poland cooperated with Ukraine on border security.", "2022-12-02")
    assert actor_of(b, "border security") is None  # a field, not a party


def test_agent_dictionary_format():
    from whodid.knowledge.agents import parse

    agents = parse("# comment\n!PERSON! = MAN, MEN\nPOLICE!PERSON! [~COP]\nCOURT_OF_APPEALS {COURTS_OF_APPEALS} "
                   "[~JUD]\nPOLICE {} [~COP]\nDEFENCE_!PERSON! [~GOVMIL] # a note\nMAN [~PPL]\nBAD LINE\n"
                   "GREEN_PARTY [~ENV}\nPARTY_ACTIVIST [~PTY]\n")
    assert agents.get("policeman") == "COP" and agents.get("policemen") == "COP"
    assert agents.get("courts of appeals") == "JUD" and agents.get("court of appealses") is None
    assert agents.get("police") == "COP" and agents.get("polices") is None  # {}: no plural
    assert agents.get("defence man") == "GOV"  # GOVMIL: the first sector
    assert agents.code("defence man") == "GOVMIL" and agents.code("police") == "COP"  # and the whole code
    assert agents.get("man") == "CVL" and agents.get("men") == "CVL"  # PETRARCH's PPL is CAMEO's CVL
    assert agents.get("green parties") == "ENV" and agents.get("party activists") == "PTY"
    assert agents.get("bad line") is None


def test_a_person_is_given_no_office_taken_up_after_the_story(pipeline):
    a = analyze(pipeline, "Theresa May spoke to the shadow cabinet.", "2004-06-01")
    may = actor_of(a, "Theresa May")
    assert may.country == "GBR" and may.sector is None and "Prime Minister" not in (may.role or "")


def test_organisations_the_kb_lacks_are_actors_of_the_story_country(pipeline):
    a = analyze(pipeline, "Tony Blair and Gordon Brown spoke in London. The Anti Corruption Bureau (ACB) "
                          "questioned the minister, and the ACB later said the Uttar Pradesh Police had helped.",
                "2005-02-01")
    acb = actor_of(a, "Anti Corruption Bureau")
    assert acb.kind == "organization" and acb.country == "GBR" and acb.inferred == ["country"]
    assert actor_of(a, "ACB", 1) is acb  # the acronym in brackets names it from there on
    police = actor_of(a, "Uttar Pradesh Police")
    assert police.sector == "COP"  # the agent noun the name ends in
    b = analyze(pipeline, "Russia annexed Crimea in 2014.", "2022-12-02")
    assert actor_of(b, "Crimea") is None  # spaCy's ORG, but a place


def test_speakers_of_no_sector_are_groups_named_by_their_noun(pipeline):
    a = analyze(pipeline, "Tony Blair and Gordon Brown spoke in London. Mr Clarke accused some critics of "
                          "spreading false fears.", "2005-02-01")
    critics = actor_of(a, "critics")
    assert critics is not None and critics.country == "GBR" and critics.sector is None and critics.code == "GBR"
    assert critics.id != "GBR" and critics.inferred == ["country"]  # not the United Kingdom itself


def test_an_unbalanced_quotation_mark_does_not_hide_the_speaker_from_later_pronouns(pipeline):
    text = ('Tony Blair spoke on Monday. "The plan is good. "It will work for all of us," he said.\n\n'
            'He also criticised the rebels.')
    a = analyze(pipeline, text, "2005-02-01")
    blair = actor_of(a, "Tony Blair")
    assert actor_of(a, "He") is blair  # the paragraph after the quote is no longer inside it


def test_unnamed_speakers_and_organisations_are_placed_by_the_story(nlp):
    from whodid.quotes import QuotesStage

    full = Pipeline(stages=[ActorsStage(), QuotesStage()])
    a = full.analyze(Article(text='Tony Blair and Gordon Brown spoke in London on Monday. "We will win the vote," '
                                  'a spokesman said.', published="2005-02-01"))
    spokesman = next(x for x in a.actors if any(m.text == "a spokesman" for m in x.mentions))
    assert spokesman.code == "GBRGOV" and spokesman.inferred == ["country"]
    b = full.analyze(Article(text="The Johannesburg Metro Council said it was investigating the machine.",
                             published="2022-07-01"))
    city = actor_of(b, "Johannesburg Metro Council")
    assert city.country == "ZAF" and city.inferred == []  # the place the name is of


def test_the_noun_of_an_organisation_named_before_is_that_organisation(pipeline):
    a = analyze(pipeline, "The Electoral Commission published its report on Monday. The commission said "
                          "parties should seek small donations.", "2005-02-01")
    commission = actor_of(a, "Electoral Commission")
    assert commission is not None and actor_of(a, "The commission") is commission


def test_a_group_noun_named_by_an_organisation_or_a_country_word_among_its_modifiers(pipeline):
    a = analyze(pipeline, "Red Cross officials suspended aid deliveries in Baghdad. Angry French paper workers "
                          "blocked the bridge.", "2003-08-01")
    assert actor_of(a, "Red Cross").code == "NGOHLHIRC"  # the organisation is the actor, not "officials"
    assert actor_of(a, "Red Cross officials") is None
    workers = actor_of(a, "French paper workers")
    assert workers.code == "FRALAB" and workers.inferred == []  # the text says they are French


def test_a_shadow_or_opposition_title_makes_an_unknown_person_opposition(pipeline):
    a = analyze(pipeline, "Tony Blair spoke in London. Shadow home secretary Tim Collins said the plan "
                          "would fail.", "2005-02-01")
    collins = actor_of(a, "Tim Collins") or next(x for x in a.actors if x.name == "Tim Collins")
    assert collins.sector == "OPP" and collins.code == "GBROPP"


def test_people_nouns_are_groups_and_people_held_are_civilians(pipeline):
    a = analyze(pipeline, "Tony Blair and Gordon Brown spoke in London. Four suspects were arrested, and "
                          "the head of the inquiry said more detainees would follow.", "2005-02-01")
    suspects = actor_of(a, "suspects")
    assert suspects is not None and suspects.code == "GBRCVL"  # accused: private persons
    assert actor_of(a, "head") is None  # "the head of": a relation, not a party


def test_they_opening_a_sentence_is_the_plural_group_of_the_sentence_before(pipeline):
    a = analyze(pipeline, "Tony Blair spoke in London. According to the opposition parties, the plan is a con. "
                          "As always, they accused him of hiding the facts.", "2005-02-01")
    parties = actor_of(a, "the opposition parties")
    assert parties is not None and actor_of(a, "they") is parties


def test_hyphenated_given_names_and_former_titles(pipeline):
    a = analyze(pipeline, "The High Court in Taipei acquitted former president Chen Shui-bian of charges. "
                          "Chen was released in 2015.", "2022-07-01")
    # in the knowledge base since the Phoenix dictionaries are (CHEN_SHUI_BIAN_, TWNGOV 2000-2008)
    chen = next(x for x in a.actors if x.name.replace("-", " ").lower() == "chen shui bian")
    assert chen.kind == "person" and chen.code == "TWNELI"  # no longer in office
    assert actor_of(a, "Chen", 1) is chen


def test_a_month_is_not_a_surname(pipeline):
    a = analyze(pipeline, "The judgement was made in accordance with a contentious May amendment to the law.",
                "2016-02-01")
    assert not any(x.name == "Theresa May" for x in a.actors)


def test_a_year_naming_a_thing_does_not_date_the_story():
    from whodid import nlp
    from whodid.actors import reference_date

    doc = nlp.load()("Iran said it is still a party to the 2015 nuclear deal.")
    assert reference_date(doc) == (None, "")
    doc = nlp.load()("Iran signed the nuclear deal in 2015.")
    assert reference_date(doc)[0] == "2015-07-01"


def test_a_country_named_only_as_a_place_weighs_less_in_whose_story_it_is(pipeline):
    a = analyze(pipeline, "The war in Iraq cost billions, the cardinal said. Tony Blair defended it in London, "
                          "and later Mr Dunlop, a backbencher, said the money went to Iraq.",
                "2005-02-01")
    assert actor_of(a, "Dunlop").country == "GBR"  # Iraq named twice as a place, Blair acting in London


def test_a_name_inside_a_longer_name_is_not_its_namesake(pipeline):
    # the bridge named after a president is no president; a radio station is not its broadcaster
    a = analyze(pipeline, "Traffic was halted on the Tancredo Neves Bridge on Tuesday. "
                          "Listeners of BBC Radio Scotland called in.", "2005-01-01")
    assert not any(x.kind == "person" and "Neves" in x.name for x in a.actors)
    assert not any(x.name == "BBC" for x in a.actors)


def test_a_description_no_office_fits_keeps_the_namesake_out(pipeline):
    # Richard Wagner the Canadian judge is in the knowledge base; the composer is not him
    a = analyze(pipeline, "The composer Richard Wagner was born in Leipzig. Wagner wrote operas.", "2005-01-01")
    wagner = actor_of(a, "Richard Wagner")
    assert wagner is not None and wagner.wikidata is None and wagner.code is None


def test_a_title_takes_no_government_from_a_country_named_nearby(pipeline):
    # nothing says whose leader he is: a country named in the sentence is not his
    a = analyze(pipeline, "UKIP leader Roger Knapman attacked Germany's stance on the budget.", "2005-02-01")
    knapman = actor_of(a, "leader Roger Knapman")
    assert knapman is not None and knapman.country != "DEU" and not (knapman.code or "").startswith("DEU")


def test_a_party_leader_out_of_office_is_the_opposition(pipeline):
    a = analyze(pipeline, "Prime Minister Tony Blair clashed with Conservative leader Michael Howard over the "
                          "plans. Liberal Democrat leader Charles Kennedy called the plans illiberal. Britain's voters "
                          "are split.", "2005-02-12")
    assert actor_of(a, "Prime Minister Tony Blair").code == "GBRGOV"
    assert actor_of(a, "leader Michael Howard").code == "GBROPP"
    assert actor_of(a, "leader Charles Kennedy").code == "GBROPP"


def test_a_stray_closing_mark_puts_no_later_words_in_quotes(nlp):
    from whodid.actors.resolve import _quote_regions
    doc = nlp('Mr Howard said the plan was wrong." Labour rejected it. He said: "We will win."')
    regions = _quote_regions(doc, [t.text for t in doc])
    inside = {doc[i].text for i in regions}
    assert "Labour" not in inside and "rejected" not in inside
    assert {"We", "win"} <= inside


def test_the_party_is_the_party_named_last_by_its_name_or_its_people(pipeline):
    a = analyze(pipeline, "Labour attacked the plan. Tory leader Michael Howard spoke in Brighton. "
                          "The Conservatives met there. Mr Howard said the party would win.", "2005-02-10")
    party = actor_of(a, "the party")
    assert party is not None and party.id.endswith(":conservative")


def test_they_opening_a_sentence_is_the_plural_subject_a_few_sentences_back(pipeline):
    a = analyze(pipeline, "Opposition lawmakers walked out of the chamber on Monday. The speaker adjourned the "
                          "session. They accused the government of lying.", "2022-07-01")
    walked = actor_of(a, "lawmakers")
    they = actor_of(a, "They")
    assert walked is not None and they is not None and they.id == walked.id


def test_the_title_alone_is_the_person_the_text_gave_it_before(pipeline):
    # Besigye is no office holder the knowledge base knows: his title is the text's own
    a = analyze(pipeline, "Uganda held its election on Thursday. Opposition leader Kizza Besigye criticised the "
                          "vote in Kampala. Later the opposition leader called for calm.", "2006-02-25")
    named = actor_of(a, "Opposition leader Kizza Besigye")
    assert named is not None and actor_of(a, "the opposition leader") is not None
    assert actor_of(a, "the opposition leader").id == named.id


def test_a_state_body_of_no_stated_country_is_of_the_country_the_story_names_most(pipeline):
    # a story about Iran and Israel, Iran named a little more often: "the Intelligence
    # Ministry" is Iran's, as a guess marked on the actor
    a = analyze(pipeline, "Iranian police arrested five members of a spy network working for Israel, Iran said "
                          "on Thursday. Iran accused Israel of plotting attacks in Tehran. Israel denied the charge. "
                          "The Intelligence Ministry said the network had been dismantled.", "2022-07-01")
    ministry = actor_of(a, "Intelligence Ministry")
    assert (ministry.country, ministry.sector) == ("IRN", "GOV")
    assert "country" in ministry.inferred


def test_a_titles_apposition_after_its_phrase_names_the_holder(pipeline):
    # "Ghana's Minister for Roads and Highways, Kwesi Amoako-Attah": the minister is the man
    # named, of the country the title names, and so is "the minister" after
    a = analyze(pipeline, "Ghana's Minister for Roads and Highways, Kwesi Amoako-Attah, inspected the project "
                          "on Monday. The minister urged the contractor to finish the work.", "2022-07-01")
    minister = actor_of(a, "The minister")
    assert minister is not None and minister.name == "Kwesi Amoako-Attah"
    assert (minister.country, minister.sector) == ("GHA", "GOV")


def test_a_datelines_town_in_capitals_is_no_organisation(pipeline):
    # spaCy tags "JOHANNESBURG" ORG; it is where the story is from, not a party
    a = analyze(pipeline, "JOHANNESBURG: The South African government rejected the demands of the unions.",
                "2012-07-01")
    assert not [x for x in a.actors if x.name.upper() == "JOHANNESBURG"]
    assert a.actors and actor_of(a, "JOHANNESBURG") is None


def test_they_after_a_plural_subject_no_actor_covers_is_not_an_actor_inside_it(pipeline):
    # "Relatives of an official killed by North Korean soldiers said they plan to sue":
    # they are the relatives, not the soldiers named inside the subject
    a = analyze(pipeline, "Relatives of a South Korean fisheries official killed by North Korean soldiers in 2020 "
                          "said Tuesday they plan to sue the Presidential Archives.", "2022-07-20")
    assert actor_of(a, "they") is None
    assert actor_of(a, "North Korean soldiers").code == "PRKMIL"


def test_the_amir_in_a_kuwaiti_story_is_the_emir_of_kuwait_at_the_date(pipeline):
    # the Gulf press spells the title "Amir" ("HH the Amir"); the office is "Emir of Kuwait"
    a = analyze(pipeline, "KUWAIT: Sheikh Sabah submitted the Cabinet's resignation to HH the Amir last month.",
                "2022-07-01")
    amir = actor_of(a, "the Amir")
    assert amir is not None and amir.kind == "person" and amir.code == "KWTGOV"
    assert amir.name.startswith("Nawaf")


def test_a_peer_is_known_by_his_name_and_his_title():
    """Wikidata labels a peer with his peerage ("Peter Goldsmith, Baron Goldsmith"); the news
    calls him "Lord Goldsmith" or "Peter Goldsmith": both are names of the knowledge base's person."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from build_kb import peer_names
    assert peer_names("Peter Goldsmith, Baron Goldsmith") == ["Peter Goldsmith", "Lord Goldsmith"]
    assert peer_names("Charles Falconer, Baron Falconer of Thoroton") == ["Charles Falconer", "Lord Falconer"]
    assert peer_names("Valerie Amos, Baroness Amos") == ["Valerie Amos", "Baroness Amos"]
    assert peer_names("Tony Blair") == []


def test_a_peer_named_by_his_title_is_the_officeholder(pipeline):
    a = analyze(pipeline, "Tony Blair spoke in London on Monday. Lord Falconer said the reform would go ahead.",
                "2005-03-01")
    falconer = actor_of(a, "Lord Falconer")
    assert falconer is not None and falconer.code == "GBRGOV" and falconer.wikidata
