"""Criticism told in the opposition's reported statements (``whodid.events.criticism``):
an opposition speaker's words about another party are an ACCUSE of it; others' words, or
words about the speaker's own side, are not. Actors are built by hand."""

from __future__ import annotations

from helpers import word_mentions

from whodid.model import Actor, Analysis, Article


def test_the_oppositions_words_about_the_government_are_criticism(criticism_code):
    events = criticism_code("Mr Letwin said voting for Labour meant higher taxes, more borrowing and waste.",
                            {"Letwin": ("L", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == [("ACCUSE", ["L"], ["G"])]


def test_a_ministers_words_about_a_named_opposition_party_are_criticism(criticism_code):
    events = criticism_code("Mr Milburn said voting for the Conservatives meant higher taxes, more borrowing and waste.",
                            {"Milburn": ("M", "GBRGOV"), "Conservatives": ("C", "GBROPP")})
    assert events == [("ACCUSE", ["M"], ["C"])]


def test_a_ministers_words_about_others_than_the_opposition_are_not_read_as_criticism(criticism_code):
    # the government's words about the police, the public or its own people are mostly not criticism
    events = criticism_code("Mr Milburn said the police would get more money and more officers next year.",
                            {"Milburn": ("M", "GBRGOV"), "police": ("P", "GBRCOP")})
    assert events == []


def test_a_ministers_words_about_a_group_with_only_a_sector_are_not_read_as_criticism(criticism_code):
    # "opposition parties" names no party of its own: its code is its id
    events = criticism_code("Mr Milburn said opposition parties would get more time to debate the bill.",
                            {"Milburn": ("M", "GBRGOV"), "opposition parties": ("GBROPP", "GBROPP")})
    assert events == []


def test_what_a_minister_fears_about_the_opposition_is_no_criticism(criticism_code):
    events = criticism_code("Mr Milburn fears that voters may switch to the Conservatives in the marginal seats.",
                            {"Milburn": ("M", "GBRGOV"), "Conservatives": ("C", "GBROPP")})
    assert events == []


def test_the_speakers_side_is_read_from_the_party_named_in_his_phrase(criticism_code):
    # "Mr Dalton, Tory co-chairman": a person the knowledge base gives no side speaks for the Tories
    names = {"Dalton": ("D", "GBR"), "Tory": ("party:GBR:conservative", "GBROPP"), "Labour": ("G", "GBRGOV")}
    text = "Mr Dalton, Tory co-chairman, said the new campaign was a sign of sinister tactics by Labour."
    assert criticism_code(text, names) == [("ACCUSE", ["D"], ["G"])]
    names["Tory"] = ("T", "GBROPP")  # not a political party: no side
    assert criticism_code(text, names) == []


def test_words_about_the_speakers_own_side_are_no_criticism(criticism_code):
    events = criticism_code("Mr Letwin said Mr Howard would cut taxes and end the waste.",
                            {"Letwin": ("L", "GBROPP"), "Howard": ("H", "GBROPP")})
    assert events == []


def test_a_criticism_the_coder_found_is_not_coded_twice(criticism_code):
    names = {"Letwin": ("L", "GBROPP"), "Labour": ("G", "GBRGOV")}
    assert criticism_code("Mr Letwin said Labour had lied about the cost of the war.", names) == [("ACCUSE", ["L"], ["G"])]
    assert criticism_code("Mr Letwin said Labour had lied about the cost of the war.", names, triggers=True) == ["lied"]


def test_no_criticism_read_from_a_sentence_with_a_coded_event():
    from whodid.events.criticism import uncoded_sentence

    assert uncoded_sentence(10, {0, 200})
    assert not uncoded_sentence(200, {0, 200})


def test_a_foreign_country_in_the_oppositions_words_is_a_topic_not_a_target(criticism_code):
    # the opposition opposes its own country's government and parties: "a local income tax of
    # the kind seen in the USA" criticises no one in the USA
    events = criticism_code("Mr Kennedy said the Liberal Democrats would switch to a local income tax of the kind seen in the USA.",
                            {"Kennedy": ("K", "GBROPP"), "USA": ("U", "USA")})
    assert events == []


def test_who_hears_the_statement_is_not_whom_it_criticises(criticism_code):
    names = {"Kennedy": ("K", "GBROPP"), "BBC": ("B", "GBRMED"), "Labour": ("G", "GBRGOV")}
    text = "Speaking to the BBC's Westminster Hour on Sunday, Mr Kennedy said the election would be unpredictable."
    assert criticism_code(text, names) == []
    text = "Speaking to the BBC's Westminster Hour on Sunday, Mr Kennedy said voting for Labour meant higher taxes."
    assert criticism_code(text, names) == [("ACCUSE", ["K"], ["G"])]


def test_what_the_opposition_promises_is_its_own_programme(criticism_code):
    names = {"Kennedy": ("K", "GBROPP"), "Labour": ("G", "GBRGOV"), "Britain": ("U", "GBR")}
    assert criticism_code("Mr Kennedy plans to cut class sizes for the youngest children in Britain.", names) == []
    assert criticism_code("Mr Kennedy said that Labour's council tax was unfair and wasteful.", names) == [("ACCUSE", ["K"], ["G"])]


def test_a_unions_words_about_the_government_are_criticism(criticism_code):
    names = {"Serwin": ("S", "GBRLAB"), "the government": ("GBRGOV", "GBRGOV"), "Tories": ("T", "GBROPP")}
    text = "Mr Serwin said the government was telling public sector workers that there was no choice."
    assert criticism_code(text, names) == [("ACCUSE", ["S"], ["GBRGOV"])]
    # a union's words about the opposition are not read as criticism
    assert criticism_code("Mr Serwin said the Tories had lost the last two elections by a wide margin.", names) == []


def test_whom_a_quote_is_about_may_be_named_outside_the_quoted_words(criticism_code):
    # the quoted words are only part of the reported clause: "said Veritas was joining '...'"
    names = {"Kemble": ("K", "GBRGOV"), "Veritas": ("V", "GBROPP")}
    text = 'Mr Kemble said Veritas was joining "an already crowded field on the fringe of politics".'
    assert criticism_code(text, names) == [("ACCUSE", ["K"], ["V"])]


def test_a_smaller_partys_words_about_the_other_parties_are_criticism(criticism_code):
    # a party neither in government nor the official opposition (PTY) criticises the parties
    names = {"Bant": ("B", "AUSPTY"), "Nationals": ("N", "AUSOPP"), "miners": ("M", "AUSBUS")}
    assert criticism_code("Mr Bant said the Nationals had walked away from the climate deal.", names) == \
        [("ACCUSE", ["B"], ["N"])]
    # its words about businesses or the public are not read as criticism
    assert criticism_code("Mr Bant said the miners had doubled their profits during the pandemic.", names) == []


def test_a_party_named_after_the_public_is_the_one_criticised(criticism_code):
    # "pensioners" are whom the statement speaks of; Labour is whom it is against
    events = criticism_code("Mr Letwin said pensioners would pay higher taxes under Labour for years.",
                            {"Letwin": ("L", "GBROPP"), "pensioners": ("P", "GBRCVL"), "Labour": ("G", "GBRGOV")})
    assert events == [("ACCUSE", ["L"], ["G"])]


def test_what_the_opposition_hopes_or_thinks_is_no_criticism(criticism_code):
    # a view is no accusation, whoever holds it ("hoped" is lemmatized "hop" by the parser)
    for cue in ("hoped", "thinks"):
        events = criticism_code(f"Mr Letwin {cue} farmers would back Labour's plans to build more roads.",
                                {"Letwin": ("L", "GBROPP"), "Labour": ("G", "GBRGOV")})
        assert events == [], cue


def test_what_the_opposition_says_it_wants_or_announces_is_its_own_programme(criticism_code):
    events = criticism_code("Mr Letwin says he wants to help the families that Labour has left behind.",
                            {"Letwin": ("L", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == []
    events = criticism_code("Mr Letwin announced that the savings would fill the hole in Labour's budget.",
                            {"Letwin": ("L", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == []


def test_a_party_named_only_as_a_compound_is_no_target(criticism_code):
    events = criticism_code('"Our task is to rebuild the Labour vote in the north," Mr Hughes said.',
                            {"Hughes": ("H", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == []


def test_what_the_opposition_supposes_may_happen_is_no_criticism(criticism_code):
    names = {"Cable": ("C", "GBROPP"), "Labour": ("G", "GBRGOV")}
    assert criticism_code("Mr Cable said large numbers of people could be hurt by Labour's policies.", names) == []
    assert criticism_code("Mr Cable said large numbers of people were hurt by Labour's policies.", names) == \
        [("ACCUSE", ["C"], ["G"])]


def test_what_the_speaker_says_it_will_do_is_its_own_programme(criticism_code):
    names = {"Howard": ("H", "GBROPP"), "Labour": ("G", "GBRGOV")}
    assert criticism_code("Mr Howard said he would cut the taxes Labour raised.", names) == []
    assert criticism_code("Mr Howard said Labour would raise taxes.", names) == [("ACCUSE", ["H"], ["G"])]


def test_what_a_survey_shows_is_no_ones_statement(criticism_code):
    names = {"Howard": ("H", "GBROPP"), "Labour": ("G", "GBRGOV")}
    assert criticism_code("Mr Howard's figures showed that Labour had lost the argument.", names) == []
    assert criticism_code("Mr Howard said that Labour had lost the argument.", names) == [("ACCUSE", ["H"], ["G"])]


def test_the_sides_of_a_race_the_opposition_describes_are_not_criticised(criticism_code):
    # how a race stands is said of no one; what the opposition says Labour did is criticism
    events = criticism_code("Mr Kennedy said in the northern cities the race is between the Liberal Democrats and Labour.",
                            {"Kennedy": ("K", "GBROPP"), "Liberal Democrats": ("L", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == []
    events = criticism_code("Mr Kennedy said Labour had broken its promises to the northern cities.",
                            {"Kennedy": ("K", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == [("ACCUSE", ["K"], ["G"])]


def test_what_the_opposition_says_it_believes_is_no_criticism(criticism_code):
    # the statement's own verb tells a belief, as a cue of belief does ("he thinks ...")
    events = criticism_code('Mr Howard said: "I do not believe that anyone should be deprived of their liberty on the say so of '
                            'the Labour Party."', {"Howard": ("H", "GBROPP"), "Labour Party": ("G", "GBRGOV")})
    assert events == []
    events = criticism_code('Mr Howard said: "Labour has deprived people of their liberty on the say so of its ministers."',
                            {"Howard": ("H", "GBROPP"), "Labour": ("G", "GBRGOV")})
    assert events == [("ACCUSE", ["H"], ["G"])]


# ---------------------------------------------------------------- a charge denied (events.criticism.disclaimers)


def test_denying_that_ones_own_plans_are_what_a_charge_calls_them_is_a_rejection(criticism_code):
    # "It's not racist, as some people claim": a rebuttal of the charge, to those who make it
    events = criticism_code('Mr Howard said: "It is not racist, as some critics claim, to talk about controlling immigration."',
                            {"Howard": ("H", "GBROPP"), "critics": ("C", "GBR")})
    assert ("REJECT", ["H"], ["C"]) in events


def test_the_maker_of_a_charge_is_read_from_the_lexicons_charge_words(tmp_path, nlp):
    # who made the charge is the subject of a verb of the lexicon's charge_words: a word a user's
    # lexicon adds there ("insinuate") names the maker as the built-in ones do ("claim")
    from whodid.events import EventsStage
    from whodid.knowledge import Resources
    from whodid.quotes import QuotesStage

    path = tmp_path / "mine.yaml"
    path.write_text("markers:\n  charge_words: [insinuate]\n", encoding="utf-8")
    quotes = QuotesStage()

    def rejections(stage, text):
        actors = [Actor(id=aid, name=w, kind="person", code=c, country=c[:3], sector=c[3:] or None,
                        mentions=word_mentions(text, w)) for w, (aid, c) in
                  {"Howard": ("H", "GBROPP"), "critics": ("C", "GBR")}.items()]
        doc = nlp(text)
        a = Analysis(article=Article(text=text), actors=actors)
        quotes(doc, a)
        stage(doc, a)
        return [(e.actor, e.recipient) for e in a.events if e.type == "REJECT"]

    text = 'Mr Howard said: "It is not racist, as some critics {}, to talk about controlling immigration."'
    built_in, mine = EventsStage(), EventsStage(Resources.build(lexicon_files=[path]))
    assert rejections(built_in, text.format("claim")) == [(["H"], ["C"])]
    assert rejections(built_in, text.format("insinuate")) == [(["H"], [])]
    assert rejections(mine, text.format("insinuate")) == [(["H"], ["C"])]


def test_a_charge_denied_with_another_copula_is_a_rejection(criticism_code):
    # "do not look racist": the copulas are one list (nlp.vocab.COPULAS), the same the senses read
    events = criticism_code('Mr Howard said: "The plans do not look racist, as some critics claim."',
                            {"Howard": ("H", "GBROPP"), "critics": ("C", "GBR")})
    assert ("REJECT", ["H"], ["C"]) in events


def test_saying_another_partys_words_are_not_a_pejorative_is_no_rejection(criticism_code):
    # a judgement of someone else's words (the judge of Mr Quigley's evidence), not a denial of a
    # charge against the speaker's side
    events = criticism_code('Justice Lee said: "Mr Quigley\'s evidence was not dishonest but it was confused."',
                            {"Lee": ("J", "AUSJUD"), "Quigley": ("Q", "AUSGOV")})
    assert [e for e in events if e[0] == "REJECT"] == []


def test_there_being_no_violations_is_no_rejection(criticism_code):
    # a fact stated ("there are no violations"), not a denial of a charge
    events = criticism_code('Mr Hart said there were no unlawful acts at the meeting.', {"Hart": ("H", "GBROPP")})
    assert [e for e in events if e[0] == "REJECT"] == []
