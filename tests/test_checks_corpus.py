"""Corpus checks over a whodid database: one quote, different speakers in different articles."""

from typer.testing import CliRunner

from whodid.store.corpus_checks import conflicting_quotes
from whodid.cli import app
from whodid.model import Actor, Analysis, Article, Quote
from whodid.store import Store, connect_read_only

QUOTE = "We will keep working with our partners until the fighting stops."


def _analysis(aid: str, speaker_id: str, speaker: str, quote: str) -> Analysis:
    text = f"“{quote}” {speaker} said on Monday. ({aid})"
    return Analysis(Article(text=text, id=aid, published="2022-05-02"),
                    actors=[Actor(id=speaker_id, name=speaker, kind="person")],
                    quotes=[Quote(text=quote, start=1, end=1 + len(quote), kind="direct", speaker=speaker_id,
                                  speaker_text=speaker)])


def _db(tmp_path, analyses):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.write([(a, a.article.id) for a in analyses])
    return db


def test_one_quote_two_speakers_in_two_articles_is_reported(tmp_path):
    db = _db(tmp_path, [_analysis("a1", "Q6279", "Joe Biden", QUOTE),
                        _analysis("a2", "Q3052772", "Emmanuel Macron", QUOTE.replace("We", "we").rstrip(".") + "!"),
                        _analysis("a3", "Q6279", "Joe Biden", QUOTE)])
    [conflict] = conflicting_quotes(connect_read_only(db))
    assert conflict.attributed_to == ["Emmanuel Macron", "Joe Biden"] and conflict.articles == 3
    assert any(w.startswith("a2 Emmanuel Macron") for w in conflict.where_and_who)
    result = CliRunner().invoke(app, ["query", "--summary", "conflicting-quotes", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0 and "Emmanuel Macron" in result.stdout and "Joe Biden" in result.stdout


def test_same_speaker_or_short_phrases_are_not_reported(tmp_path):
    db = _db(tmp_path, [_analysis("a1", "Q6279", "Joe Biden", QUOTE),
                        _analysis("a2", "Q6279", "Joe Biden", QUOTE),
                        _analysis("b1", "Q6279", "Joe Biden", "We will not back down."),
                        _analysis("b2", "Q3052772", "Emmanuel Macron", "We will not back down."),
                        # one person named with and without a title, in articles where the KB did not know him
                        _analysis("c1", "a1", "Tony Blair", QUOTE.replace("partners", "allies")),
                        _analysis("c2", "a3", "Mr Blair", QUOTE.replace("partners", "allies"))])
    assert conflicting_quotes(connect_read_only(db)) == []


def test_a_checks_cited_spans_are_stored(tmp_path):
    from whodid.model import Check, Offsets

    a = _analysis("s1", "Q6279", "Joe Biden", QUOTE)
    a.checks.append(Check("stance_contradiction", "m", "warning", 3, 9, spans=[Offsets(3, 9), Offsets(20, 30)]))
    db = _db(tmp_path, [a])
    row = connect_read_only(db).execute("SELECT kind, char_start, spans FROM checks").fetchall()
    assert row == [("stance_contradiction", 3, [[3, 9], [20, 30]])]


def _copy(aid: str, date: str | None, place: str | None, story: str) -> tuple[Analysis, str]:
    """A copy of a wire story: Putin meets Macron, with the date and place this copy gives."""
    from whodid.model import Event, Mention, Offsets

    text = f"Putin met Macron on {date or 'a day'} in {place or 'a city'}. ({aid})"
    start = text.index("met")
    actors = [Actor(id="Q7747", name="Vladimir Putin", kind="person", code="RUSGOV"),
              Actor(id="Q3052772", name="Emmanuel Macron", kind="person", code="FRAGOV")]
    event = Event(type="CONSULT", cameo="040", sentence=Offsets(0, len(text)), trigger=Mention(start, start + 3, "met"),
                  actor=["Q7747"], recipient=["Q3052772"], modality="asserted", date=date,
                  date_precision="day" if date else "none", place=place)
    return Analysis(Article(text=text, id=aid, published="2022-02-10"), actors=actors, events=[event]), story


def _stories_db(tmp_path, copies):
    from whodid.store.clusters import link_events

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        batch = [(a, a.article.id) for a, _ in copies]
        store.write(batch, [], [(a.article.text_sha1, story, 0.9, [1, 2]) for a, story in copies])
        link_events(store.con)
    return db


def test_copies_of_one_story_with_different_dates_are_reported(tmp_path):
    from whodid.store.corpus_checks import conflicting_event_reports

    db = _stories_db(tmp_path, [_copy("w1", "2022-02-07", "Moscow", "s1"),
                                _copy("w2", "2022-02-08", "Moscow", "s1"),
                                _copy("w3", "2022-02-07", "Moscow", "s1")])
    [conflict] = conflicting_event_reports(connect_read_only(db))
    assert (conflict.type, conflict.actor, conflict.recipient, conflict.articles) == ("CONSULT", "RUSGOV", "FRAGOV", 3)
    assert "w2: 2022-02-08; Moscow" in conflict.reports and "w1: 2022-02-07; Moscow" in conflict.reports
    result = CliRunner().invoke(app, ["query", "--summary", "conflicting-event-reports", "--db", str(db)])
    assert result.exit_code == 0 and "2022-02-08" in result.stdout


def test_agreeing_copies_or_different_stories_are_not_reported(tmp_path):
    from whodid.store.corpus_checks import conflicting_event_reports

    db = _stories_db(tmp_path, [_copy("w1", "2022-02-07", "Moscow", "s1"),
                                _copy("w2", "2022-02-07", "Moscow", "s1"),
                                _copy("w3", None, None, "s1"),  # a copy that gives no date or place disagrees with none
                                _copy("x1", "2022-02-08", "Moscow", "s2"),  # another story: maybe another meeting
                                _copy("y1", "2022-02-07", "Kyiv", "s3")])
    assert conflicting_event_reports(connect_read_only(db)) == []
