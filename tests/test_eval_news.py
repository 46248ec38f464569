"""The whole-article event scorer, on made-up gold and made-up emitted events (no parse, no ../shared)."""

import gzip
import hashlib
import json

import pytest

from whodid.eval import news
from whodid.eval.news import Emitted, GoldArticle, GoldEvent, Party

TEXT = ("Britain accused France of lying about the deal. The two leaders met in Paris on Monday.\n\n"
        "Rebels attacked a convoy near the border. Officials said the talks would resume.")
ACCUSE_S = (0, 47)     # "Britain accused France of lying about the deal."
MEET_S = (48, 87)      # "The two leaders met in Paris on Monday."
ATTACK_S = (89, 130)   # "Rebels attacked a convoy near the border."
TALKS_S = (131, 169)   # "Officials said the talks would resume."


def at(word: str) -> int:
    return TEXT.index(word)


def gold(type_, span, actor, recipient=(), mentions=(), **kw):
    return GoldEvent(type=type_, spans=[span, *mentions], actor=[Party("", c) for c in actor],
                     recipient=[Party("", c) for c in recipient], **kw)


def ours(type_, word, actor, recipient=(), confidence=0.9, **kw):
    start = at(word)
    sentence = next(s for s in (ACCUSE_S, MEET_S, ATTACK_S, TALKS_S) if s[0] <= start < s[1])
    return Emitted(type=type_, start=start, sentence=sentence, actor=[Party("", c) for c in actor],
                   recipient=[Party("", c) for c in recipient], confidence=confidence, trigger=word, **kw)


def scored(gold_events, emitted, listing=True):
    return news.score([(GoldArticle("newswire", "a1", TEXT, gold_events), emitted)], listing=listing)


def test_the_made_up_text_has_the_sentences_the_tests_assume():
    assert news.sentence_spans(TEXT) == [ACCUSE_S, MEET_S, ATTACK_S, TALKS_S]


def test_exact_match():
    fig = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])],
                 [ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"])])
    assert fig["full"]["matched"] == 1 and fig["full"]["precision"] == 1.0 and fig["full"]["recall"] == 1.0
    assert fig["type"]["f1"] == 1.0 and fig["full"]["duplicates"] == 0
    assert fig["matched_attributes"]["sector"] == 1.0 and fig["matched_attributes"]["modality"] == 1.0
    assert fig["confusion"] == {"ACCUSE": {"ACCUSE": 1}}


def test_country_is_enough_and_sector_is_scored_apart():
    fig = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])],
                 [ours("ACCUSE", "accused", ["GBROPP"], ["FRA"])])
    assert fig["full"]["matched"] == 1
    assert fig["matched_attributes"]["sector"] == 0.0


def test_wrong_recipient_is_a_miss_and_a_false_event():
    fig = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])],
                 [ours("ACCUSE", "accused", ["GBRGOV"], ["DEUGOV"])])
    assert fig["full"]["matched"] == 0 and fig["full"]["precision"] == 0.0 and fig["full"]["recall"] == 0.0
    assert fig["type"]["matched"] == 1  # type-only ignores the parties
    assert fig["misses_by_cause"] == {"recipient differs": 1}
    assert fig["false_by_cause"] == {"recipient differs": 1}
    assert fig["false_events"][0]["sentence"] == TEXT[slice(*ACCUSE_S)]


def test_a_missing_recipient_fails_when_gold_names_one_but_not_when_it_does_not():
    missing = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])], [ours("ACCUSE", "accused", ["GBRGOV"])])
    assert missing["full"]["matched"] == 0 and missing["misses_by_cause"] == {"recipient missing": 1}
    extra = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"])], [ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"])])
    assert extra["full"]["matched"] == 1


def test_consult_with_the_parties_reversed_matches_but_a_directed_event_does_not():
    fig = scored([gold("CONSULT", MEET_S, ["GBRGOV", "FRAGOV"])],
                 [ours("CONSULT", "met", ["FRAGOV"], ["GBRGOV"])])
    assert fig["full"]["matched"] == 1
    reversed_accuse = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])],
                             [ours("ACCUSE", "accused", ["FRAGOV"], ["GBRGOV"])])
    assert reversed_accuse["full"]["matched"] == 0
    no_party = scored([gold("CONSULT", MEET_S, ["GBRGOV", "FRAGOV"])], [ours("CONSULT", "met", ["DEUGOV"])])
    assert no_party["full"]["matched"] == 0 and no_party["misses_by_cause"] == {"no party in common": 1}


def test_a_duplicate_counts_against_precision_and_is_reported_on_its_own():
    # the event is coded in its first sentence and re-mentioned in the second; whodid emits it twice
    g = gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"], mentions=[MEET_S])
    fig = scored([g], [ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"]),
                       ours("ACCUSE", "met", ["GBRGOV"], ["FRAGOV"])])
    full = fig["full"]
    assert (full["emitted"], full["matched"], full["duplicates"], full["false"]) == (2, 1, 1, 0)
    assert full["precision"] == 0.5 and full["recall"] == 1.0 and full["duplicate_share"] == 0.5
    assert fig["false_by_cause"] == {"duplicate of a matched event": 1}
    # the first emission in text order is the matched one
    assert fig["false_events"][0]["start"] == MEET_S[0]


def test_two_gold_events_of_one_sentence_are_matched_one_to_one():
    # the greedy choice (the first emission to the first gold event) would leave the second gold event unmatched
    gs = [gold("ASSAULT", ATTACK_S, ["---REB"], ["SYRMIL", "TURMIL"]), gold("ASSAULT", ATTACK_S, ["---REB"], ["SYRMIL"])]
    em = [ours("ASSAULT", "attacked", ["SYRREB"], ["SYRMIL"]), ours("ASSAULT", "convoy", ["SYRREB"], ["TURMIL"])]
    fig = scored(gs, em)
    assert fig["full"]["matched"] == 2 and fig["full"]["duplicates"] == 0


def test_attributes_are_compared_with_the_gold_event_the_emission_agrees_with_best():
    # both gold events fit the emission on type and country; the second one is its own (whole codes agree)
    gs = [gold("ACCUSE", ACCUSE_S, ["GBROPP"], ["GBRGOV"]), gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["GBROPP"])]
    fig = scored(gs, [ours("ACCUSE", "accused", ["GBRGOV"], ["GBROPP"])])
    assert fig["full"]["matched"] == 1 and fig["matched_attributes"]["sector"] == 1.0


def test_wildcard_country_in_gold_matches_any_country_but_not_the_other_way():
    g = [gold("ASSAULT", ATTACK_S, ["---REB"], ["SYRMIL"])]
    assert scored(g, [ours("ASSAULT", "attacked", ["SYRREB"], ["SYRMIL"])])["full"]["matched"] == 1
    assert scored(g, [ours("ASSAULT", "attacked", [""], ["SYRMIL"])])["full"]["matched"] == 1  # uncoded rebels
    # a named country in gold is not matched by an emitted party with no country (none, a bare sector, ---)
    g = [gold("ASSAULT", ATTACK_S, ["SYRREB"], ["SYRMIL"])]
    for code in ("", "REB", "---REB"):
        assert scored(g, [ours("ASSAULT", "attacked", [code], ["SYRMIL"])])["full"]["matched"] == 0, code


def test_an_event_outside_the_gold_sentences_is_false_and_the_gold_event_missed():
    fig = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])],
                 [ours("ACCUSE", "talks", ["GBRGOV"], ["FRAGOV"])])
    assert fig["full"]["matched"] == 0 and fig["type"]["matched"] == 0
    assert fig["false_by_cause"] == {"outside every gold sentence": 1}
    assert fig["misses_by_cause"] == {"nothing emitted in its sentences": 1}
    assert fig["confusion"] == {"-": {"ACCUSE": 1}, "ACCUSE": {"-": 1}}


def test_other_type_in_the_sentence_shows_in_the_confusion_table():
    fig = scored([gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])],
                 [ours("ASSAULT", "accused", ["GBRGOV"], ["FRAGOV"])])
    assert fig["confusion"]["ACCUSE"] == {"ASSAULT": 1}
    assert fig["misses_by_cause"] == {"other type emitted": 1}
    assert fig["false_by_cause"] == {"type not coded in its sentence": 1}


def test_attributes_on_matched_events_and_per_type_and_corpus_figures():
    g = gold("CONSULT", MEET_S, ["GBRGOV", "FRAGOV"], modality="asserted", date="2022-03", place="Paris, France")
    o = ours("CONSULT", "met", ["GBRGOV"], ["FRAGOV"], modality="future", date="2022-03-07", place="Paris")
    fig = scored([g, gold("REJECT", TALKS_S, ["GBRGOV"])], [o])
    a = fig["matched_attributes"]
    assert a["matched"] == 1 and a["modality"] == 0.0 and a["date"] == 1.0 and a["place"] == 1.0
    assert a["date_where_gold_has_one"] == {"n": 1, "accuracy": 1.0}
    assert fig["types"]["CONSULT"]["full"]["recall"] == 1.0 and fig["types"]["REJECT"]["full"]["recall"] == 0.0
    assert fig["corpora"]["newswire"]["full"]["recall"] == 0.5
    assert not news._same_date("2022-03-07", "2022-03") and not news.same_place("Paris", "Lyon")
    assert news.same_place(None, None) and not news.same_place("Paris", None)
    # a possessive with a curly apostrophe still names its place
    assert news.same_place("Jammu", "Jammu\u2019s Hira Nagar") and news.same_place("Jammu's Hira Nagar", "Jammu")


def test_reliability_bands():
    g = [gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])]
    fig = scored(g, [ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"], confidence=0.85),
                     ours("AGREE", "talks", ["GBRGOV"], confidence=0.3),
                     ours("ASSAULT", "attacked", ["---"], confidence=1.0)])
    bands = {b["band"]: (b["emitted"], b["right"]) for b in fig["reliability"]}
    assert bands == {"0.0-0.2": (0, 0), "0.2-0.4": (1, 0), "0.4-0.6": (0, 0), "0.6-0.8": (0, 0), "0.8-1.0": (2, 1)}
    assert "0.8-1.0" in news.format_report(fig, show="all")


# ------------------------------------------------------------ loading gold from files


def sha1(text):
    return hashlib.sha1(text.encode()).hexdigest()


@pytest.fixture
def corpora(tmp_path):
    folder = tmp_path / "corpora"
    folder.mkdir()
    (folder / "en-worldwide-newswire.jsonl").write_text(
        json.dumps({"id": "other_1", "text": "Not this one."}) + "\n" + json.dumps({"id": "a1", "text": TEXT}) + "\n",
        encoding="utf-8")
    with gzip.open(folder / "bbc.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "bbc-politics-001", "title": "T", "text": TEXT}) + "\n")
    return folder


def packed_event(**over):
    event = {"start": ACCUSE_S[0], "end": ACCUSE_S[1], "sentence_sha1": sha1(TEXT[slice(*ACCUSE_S)]),
             "mentions": [MEET_S[0]], "trigger": {"start": at("accused"), "end": at("accused") + 7},
             "type": "ACCUSE", "mode": None, "actor": [{"name": "Britain", "code": "GBRGOV"}],
             "recipient": [{"name": "France", "code": "FRAGOV"}], "modality": "asserted",
             "reported_by": None, "date": None, "place": None}
    return event | over


def write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_both_gold_formats_load_with_mention_spans_from_the_sentence_rule(tmp_path, corpora):
    packed = write(tmp_path / "tune.jsonl", [{"corpus": "newswire", "id": "a1", "text_sha1": sha1(TEXT),
                                              "events": [packed_event()]}])
    shared = write(tmp_path / "dev.jsonl", [{"corpus": "bbc", "id": "bbc-politics-001", "events": [{
        "sentence": TEXT[slice(*ATTACK_S)], "start": ATTACK_S[0], "mentions": [TALKS_S[0]], "trigger": "attacked",
        "type": "ASSAULT", "mode": None, "actor": [{"name": "Rebels", "code": "---REB"}], "recipient": [],
        "modality": "asserted", "reported_by": None, "date": None, "place": "the border"}]}])
    articles = news.load_gold([packed, shared], corpora)
    assert [(a.corpus, a.id) for a in articles] == [("newswire", "a1"), ("bbc", "bbc-politics-001")]
    assert articles[0].events[0].spans == [ACCUSE_S, MEET_S]
    assert articles[0].events[0].trigger == "accused"
    assert articles[1].events[0].spans == [ATTACK_S, TALKS_S] and articles[1].title == "T"
    assert news.load_gold([packed, shared], corpora, limit=1)[0].id == "a1"


def test_a_text_hash_mismatch_is_an_error_naming_the_article(tmp_path, corpora):
    wrong = write(tmp_path / "tune.jsonl", [{"corpus": "newswire", "id": "a1", "text_sha1": sha1(TEXT + " "),
                                             "events": [packed_event()]}])
    with pytest.raises(news.GoldError, match=r"tune.jsonl:1: article a1 \(newswire\).*SHA-1"):
        news.load_gold([wrong], corpora)
    moved = write(tmp_path / "moved.jsonl", [{"corpus": "newswire", "id": "a1", "text_sha1": sha1(TEXT),
                                              "events": [packed_event(start=1)]}])
    with pytest.raises(news.GoldError, match=r"moved.jsonl:1 \(article a1, event 0\).*sentence_sha1"):
        news.load_gold([moved], corpora)


def test_bad_gold_is_refused_with_file_line_and_problem(tmp_path, corpora):
    cases = [
        ({"corpus": "newswire", "id": "nowhere", "events": []}, r"bad.jsonl:1: article nowhere is not in"),
        ({"corpus": "newswire", "id": "a1", "events": [{"sentence": "Britain accused", "start": 5, "mentions": [],
                                                        "type": "ACCUSE", "modality": "asserted"}]},
         r"is not at offset 5"),
        ({"corpus": "newswire", "id": "a1", "events": [{"sentence": "Britain", "start": 0, "mentions": [],
                                                        "type": "FIGHT", "modality": "asserted"}]},
         r"type 'FIGHT' is not a PLOVER 2.0 type"),
        ({"corpus": "wire", "id": "a1", "events": []}, r"bad.jsonl:1: needs an 'id' and a 'corpus'"),
    ]
    for record, message in cases:
        with pytest.raises(news.GoldError, match=message):
            news.load_gold([write(tmp_path / "bad.jsonl", [record])], corpora)
    with pytest.raises(news.GoldError, match="no such gold file"):
        news.load_gold([tmp_path / "absent.jsonl"], corpora)
    with pytest.raises(news.GoldError, match="no such corpus file"):
        news.load_gold([write(tmp_path / "ok.jsonl", [{"corpus": "newswire", "id": "a1", "events": []}])],
                       tmp_path / "nowhere")


def test_default_gold_files(tmp_path):
    packed = tmp_path / "packed"
    packed.mkdir()
    shared = tmp_path / "shared"
    assert news.gold_files(None, shared, packed) == [shared / "eval/news-events/dev.jsonl"]
    (packed / "tune.jsonl").write_text("")
    assert news.gold_files(None, shared, packed) == [shared / "eval/news-events/dev.jsonl", packed / "tune.jsonl"]
    assert news.gold_files("heldaside", shared, packed) == [packed / "heldaside.jsonl"]
    with pytest.raises(news.GoldError, match="--part 'dev'"):
        news.gold_files("dev", shared, packed)


def test_the_command_refuses_missing_gold_and_bad_options_before_parsing_anything(tmp_path):
    from typer.testing import CliRunner

    from whodid.cli import app

    def run(*args):
        return CliRunner().invoke(app, ["eval", "news", *map(str, args)])

    missing = run("--shared", tmp_path / "nowhere", "--part", "shared")
    assert missing.exit_code == 2 and "dev.jsonl: no such gold file" in missing.stderr.replace("\n", "")
    assert run("--show", "everything").exit_code == 2
    both = run("--gold", tmp_path / "x.jsonl", "--part", "tune")
    assert both.exit_code == 2 and "not both" in both.stderr


def test_emitted_events_take_the_actor_codes_from_the_analysis():
    from whodid.model import Actor, Analysis, Article, Event, Mention, Offsets

    analysis = Analysis(article=Article(text=TEXT), actors=[
        Actor("a1", "Britain", "country", country="GBR", code="GBR"),
        Actor("a2", "France", "country", country="FRA", sector="GOV"),  # no code: country and sector
        Actor("a3", "Ms Smith", "person")])
    analysis.events.append(Event(type="ACCUSE", sentence=Offsets(*ACCUSE_S), trigger=Mention(8, 15, "accused"),
                                 actor=["a1", "a3"], recipient=["a2"], confidence=0.7, date="2022-03-01"))
    (e,) = news.emitted_events(analysis)
    assert (e.type, e.start, e.sentence, e.trigger, e.confidence) == ("ACCUSE", 8, ACCUSE_S, "accused", 0.7)
    assert [p.code for p in e.actor] == ["GBR", ""] and [p.code for p in e.recipient] == ["FRAGOV"]


def test_actor_coding_is_scored_on_type_matched_events():
    # ASSAULT is matched by type whatever its parties: the rebels' country is right, the
    # recipient's is wrong; CONSULT pools both sides; a gold "---" is left out; an emitted
    # bare sector ("GOV") names no country and leaves its gold party unknown
    g = [gold("ASSAULT", ATTACK_S, ["SDNREB"], ["TCDMIL"]),
         gold("CONSULT", MEET_S, ["FRAGOV", "---"], ["DEUGOV"]),
         gold("ACCUSE", ACCUSE_S, ["RUSGOV"], ["UKRGOV"])]
    e = [ours("ASSAULT", "attacked", ["SDNREB"], ["SDNMIL"]),
         ours("CONSULT", "met", ["DEUGOV"], ["FRA"]),
         ours("ACCUSE", "accused", ["GOV"], [])]
    a = scored(g, e)["actors"]
    # 6 parties: SDNREB right (whole code too), TCDMIL wrong, FRAGOV country right only,
    # DEUGOV right, RUSGOV and UKRGOV unknown
    assert a["parties"] == 6
    assert a["country"] == pytest.approx(3 / 6) and a["sector"] == pytest.approx(2 / 6)
    assert a["unknown"] == pytest.approx(2 / 6)


def test_party_figures_are_split_by_where_whodid_s_party_came_from():
    # a recipient a convention filled (the event's ``inferred``), an actor whose country was a
    # guess, and parties read from the text are counted apart, so a wrong guess does not hide
    # among parties the text named
    g = [gold("ASSAULT", ATTACK_S, ["SDNREB"], ["TCDMIL"]),
         gold("ACCUSE", ACCUSE_S, ["RUSGOV"], ["UKRGOV"])]
    e = [ours("ASSAULT", "attacked", ["SDNREB"], ["SDNMIL"], inferred=("recipient",)),
         ours("ACCUSE", "accused", [], ["UKRGOV"])]
    e[1].actor = [Party("Mr X", "BLRGOV", "person", guessed=True)]
    fig = scored(g, e)
    by = fig["actors"]["by_source"]
    assert by["read"]["parties"] == 2 and by["read"]["country"] == 1.0  # SDNREB, UKRGOV
    assert by["convention"]["parties"] == 1 and by["convention"]["country"] == 0.0  # TCDMIL guessed SDN
    assert by["guessed country"]["parties"] == 1 and by["guessed country"]["country"] == 0.0  # RUSGOV as BLR
    assert {(r["gold"].strip(), r["source"]) for r in fig["parties"]} >= {("TCDMIL", "convention"),
                                                                          ("RUSGOV", "guessed country")}
    assert "convention 1 (country right 0.000)" in news.format_report(fig)


def test_emitted_events_carry_inferred_roles_and_guessed_countries():
    from whodid.model import Actor, Analysis, Article, Event, Mention, Offsets

    guess = Actor("a1", "Mr X", "person", country="BLR", sector="GOV", code="BLRGOV")
    guess.inferred.append("country")
    analysis = Analysis(article=Article(text=TEXT), actors=[guess, Actor("a2", "France", "country", country="FRA")])
    ev = Event(type="ACCUSE", sentence=Offsets(*ACCUSE_S), trigger=Mention(8, 15, "accused"),
               actor=["a1"], recipient=["a2"])
    ev.inferred.append("recipient")
    analysis.events.append(ev)
    (e,) = news.emitted_events(analysis)
    assert e.inferred == ("recipient",) and e.actor[0].guessed and not e.recipient[0].guessed


def test_gold_sectors_are_read_in_cameo_s_vocabulary():
    # the guidelines' POL is CAMEO's COP, their REL any religion code; a stacked CAMEO code
    # has the gold's sector when it is one of its parts; another sector is still wrong
    assert news.sector_agrees("GBRPOL", "GBRCOP") and news.sector_agrees("GBRREL", "GBRCHR")
    assert news.sector_agrees("USALEG", "USAGOVLEG") and news.sector_agrees("GBRGOV", "GBRGOVAGR")
    assert not news.sector_agrees("GBRGOV", "GBRCOP") and not news.sector_agrees("GBROPP", "GBRGOV")
    assert not news.sector_agrees("GBRGOV", "GBR") and news.sector_agrees("GBR", "GBR")
    assert not news.sector_agrees("GBRLEG", "GBRELE")  # parts are read three letters at a time
    assert news.sector_agrees("IGOJUDICC", "IGOJUDICC") and news.sector_agrees("IGOUNO", "IGOUNOLABILO")


def test_a_human_rights_group_is_the_guidelines_ngo():
    # CAMEO's HRI (a human rights group) is a kind of NGO, the only code the guidelines give;
    # a bare "NGO" in the gold is any NGO code, but a bare country still wants no sector
    assert news.sector_agrees("GBRNGO", "GBRHRI") and news.sector_agrees("NGO", "NGOHRIAMN")
    assert news.sector_agrees("NGO", "NGO") and not news.sector_agrees("NGO", "GBRNGO")
    assert not news.sector_agrees("GBRHRI", "GBRNGOHLH") and not news.sector_agrees("GBRNGO", "GBRGOV")
    assert not news.sector_agrees("UGA", "UGACVL") and news.sector_agrees("IGO", "IGOUNO")


def test_the_actor_listing_shows_each_gold_party_beside_what_was_emitted():
    g = [gold("ACCUSE", ACCUSE_S, ["GBRPOL"], ["FRAGOV"])]
    e = [ours("ACCUSE", "accused", ["GBRCOP"], ["FRA"])]
    fig = scored(g, e)
    rows = [(r["side"], r["gold"].strip(), r["emitted"], r["outcome"]) for r in fig["parties"]]
    assert rows == [("actor", "GBRPOL", ["GBRCOP"], "right"), ("recipient", "FRAGOV", ["FRA"], "sector")]
    text = news.format_report(fig, "actors")
    assert "gold  GBRPOL | emitted GBRCOP  <right>" in text


def test_a_state_named_by_its_name_is_the_guidelines_government():
    # "Britain accused France": CAMEO codes the states GBR and FRA, the guidelines GBRGOV and
    # FRAGOV; a person coded with a country alone has no sector
    assert news.sector_agrees("GBRGOV", "GBR", state=True) and not news.sector_agrees("GBRGOV", "GBR")
    assert not news.sector_agrees("GBRMIL", "GBR", state=True)
    g = [gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])]
    e = ours("ACCUSE", "accused", [], [])
    e.actor, e.recipient = [Party("Britain", "GBR", "country")], [Party("Ms Smith", "FRA", "person")]
    assert [r["outcome"] for r in scored(g, [e])["parties"]] == ["right", "sector"]


def test_events_below_the_trusted_threshold_are_scored_apart_as_exports_leave_them_out():
    events = [gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"])]
    emitted = [ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"], confidence=0.9),
               ours("ASSAULT", "attacked", ["GBRGOV"], confidence=0.1)]
    fig = news.score([(GoldArticle("newswire", "a1", TEXT, events), emitted)], min_confidence=0.2)
    assert fig["full"]["emitted"] == 2 and fig["full"]["precision"] == 0.5
    assert fig["trusted"]["min_confidence"] == 0.2
    assert fig["trusted"]["full"]["emitted"] == 1 and fig["trusted"]["full"]["precision"] == 1.0
    report = news.format_report(fig)
    assert "events at confidence >= 0.2" in report
    assert "trusted" not in scored(events, emitted, listing=False)


def test_the_attribute_listing_shows_matched_events_whose_date_or_place_differs_from_the_gold():
    g = [gold("CONSULT", MEET_S, ["GBRGOV", "FRAGOV"], date="2022-03-07", place="Paris"),
         gold("ACCUSE", ACCUSE_S, ["GBRGOV"], ["FRAGOV"], date="2022-03")]
    e = [ours("CONSULT", "met", ["GBRGOV"], ["FRAGOV"], date="2022-03-07", place=None),
         ours("ACCUSE", "accused", ["GBRGOV"], ["FRAGOV"], date="2022-03-01")]  # right at the gold's precision
    fig = scored(g, e)
    assert [(r["trigger"], r["wrong"], r["gold_place"], r["place"]) for r in fig["attributes"]] == \
        [("met", ["place"], "Paris", None)]
    text = news.format_report(fig, "attributes")
    assert "CONSULT 'met' (place): date 2022-03-07 | 2022-03-07; place Paris | -" in text
    assert "accused" not in text.split("MATCHED EVENTS WITH A WRONG DATE OR PLACE")[1]
