"""The geoparsing scorer, on a two-article corpus written for this test."""

from whodid.eval import geo

XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <dltime>2022-08-10 09:00:00-05</dltime>
    <text><![CDATA[Russian forces shelled the town of Nikopol, officials in Kyiv said.]]></text>
    <toponyms>
      <toponym><start>35</start><end>42</end><phrase>Nikopol</phrase>
        <gaztag geonameid="700051"><name>Nikopol</name><lat>47.56826</lat><lon>34.39126</lon></gaztag></toponym>
      <toponym><start>57</start><end>61</end><phrase>Kyiv</phrase>
        <gaztag geonameid="703448"><name>Kyiv</name><lat>50.45466</lat><lon>30.5238</lon></gaztag></toponym>
    </toponyms>
  </article>
  <article docid="a2">
    <dltime>2009-03-20 12:24:52-05</dltime>
    <text><![CDATA[The council of Zzyxburg met on Monday.]]></text>
    <toponyms>
      <toponym><start>15</start><end>23</end><phrase>Zzyxburg</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_distance():
    assert abs(geo.distance_km(49.38, 40.14, 49.38, 40.14)) < 1e-6
    assert 400 < geo.distance_km(50.45, 30.52, 47.57, 34.39) < 450  # Kyiv to Nikopol, about 427 km


def test_scores_detection_and_resolution(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(XML, encoding="utf-8")
    articles = geo.load(path)
    assert [len(a.toponyms) for a in articles] == [2, 1] and articles[0].published == "2022-08-10"
    result = geo.score(articles)
    assert result["gold_toponyms"] == 3
    assert result["detected"] >= 2  # Nikopol and Kyiv
    assert result["resolvable_detected"] == 2
    assert result["accuracy_161km"] == 1.0 and result["exact_id"] == 1.0
    assert "acc@161km" in geo.format_report({"lgl": result})


def test_drifted_gold_offsets_are_moved_onto_their_phrase(tmp_path):
    # TR-News has offsets a few characters off their phrase; overlap scoring would miss them
    xml = XML.replace("<start>57</start><end>61</end>", "<start>54</start><end>58</end>")
    path = tmp_path / "tr.xml"
    path.write_text(xml, encoding="utf-8")
    kyiv = geo.load(path)[0].toponyms[1]
    assert (kyiv.start, kyiv.end) == (57, 61)
    assert geo._anchor("no such place here", 3, 7, "Kyiv") == (3, 7)  # phrase absent: left as given


def test_news_event_places_are_scored_on_the_events_whodid_codes_in_the_gold_sentences():
    from whodid.eval import geo
    from whodid.eval.news import GoldArticle, GoldEvent, Party
    from whodid.model import Analysis, Article, Event, Mention, Offsets

    text = "The two leaders met in Paris on Monday. Rebels attacked a convoy near the border. Talks resume."
    meet, attack, talks = (0, 39), (40, 81), (82, 95)
    gold = [GoldEvent(type="CONSULT", spans=[meet], actor=[Party("", "GBR")], recipient=[], place="Paris, France"),
            GoldEvent(type="ASSAULT", spans=[attack], actor=[Party("", "---")], recipient=[], place=None),
            GoldEvent(type="CONSULT", spans=[talks], actor=[Party("", "---")], recipient=[], place=None)]
    analysis = Analysis(article=Article(text=text))
    analysis.events += [Event(type="CONSULT", sentence=Offsets(*meet), trigger=Mention(16, 19, "met"), place="Paris"),
                        Event(type="ASSAULT", sentence=Offsets(*attack), trigger=Mention(47, 55, "attacked"),
                              place="Kyiv")]
    result = geo.score_news([GoldArticle("newswire", "a1", text, gold)], [analysis])
    # the third gold event has no whodid event in its sentence: not counted
    assert (result["events"], result["coded"]) == (3, 2)
    assert result["place_right"] == 0.5  # Paris agrees with "Paris, France"; Kyiv where the gold has none does not
    assert (result["gold_placed"], result["gold_placed_right"]) == (1, 1.0)
    assert "event place right 0.500" in geo.format_report({"news": result})


def test_misses_list_each_undetected_and_spurious_toponym(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(XML, encoding="utf-8")
    misses = []
    geo.score(geo.load(path), misses=misses)
    undetected = [m for m in misses if m["kind"] == "undetected"]
    assert [m["text"] for m in undetected] == ["Zzyxburg"] and "council of Zzyxburg" in undetected[0]["context"]
    assert not [m for m in misses if m["kind"] == "misplaced"]  # Nikopol and Kyiv are right


def test_show_prints_each_miss_one_a_line(tmp_path):
    from typer.testing import CliRunner

    from whodid.cli import app

    path = tmp_path / "lgl.xml"
    path.write_text(XML, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "geo", "--corpus", "lgl", "--root", str(tmp_path), "--show"])
    assert result.exit_code == 0, result.output
    shown = [line for line in result.output.splitlines() if line.startswith("lgl\t")]
    assert ["a2", "undetected", "Zzyxburg"] in [line.split("\t")[1:4] for line in shown], shown
    line = geo.format_miss({"kind": "event place", "article": "a1", "type": "ASSAULT", "gold": None, "ours": "Kyiv",
                            "trigger": "attacked", "sentence": "Rebels attacked a convoy."})
    assert line.split("\t")[:4] == ["a1", "ASSAULT", "gold None", "ours Kyiv"]


def test_part_is_the_news_golds_and_never_the_held_aside_one(tmp_path):
    from typer.testing import CliRunner

    from whodid.cli import app

    lgl = CliRunner().invoke(app, ["eval", "geo", "--corpus", "lgl", "--part", "tune", "--root", str(tmp_path)])
    assert lgl.exit_code == 2 and "only with --corpus news" in lgl.output
    held = CliRunner().invoke(app, ["eval", "geo", "--corpus", "news", "--part", "heldaside"])
    assert held.exit_code == 2 and "choose shared or tune" in held.output
