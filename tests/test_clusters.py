"""Event clusters: one real-world event, many reports, counted across the whole database."""

from helpers import write_jsonl
from whodid.model import Actor, Analysis, Article, Event, Mention, Place, Offsets
from whodid.store import Store
from whodid.store.clusters import link_events


def report(text: str, published: str, source: str | None = None, url: str | None = None, *,
           modality: str = "asserted", date: str | None = None, place: str | None = "Moscow",
           recipient: str = "FRAGOV", type_: str = "CONSULT", confidence: float = 0.9) -> Analysis:
    """One article reporting Putin meeting someone (the recipient's code), as the pipeline would store it."""
    start = text.index("met")
    someone = f"someone-{recipient.lower()}"  # one actor per code, as a real knowledge base has
    actors = [Actor(id="Q7747", name="Vladimir Putin", kind="person", country="RUS", sector="GOV", code="RUSGOV",
                    mentions=[Mention(0, 5, "Putin")]),
              Actor(id=someone, name="Someone", kind="person", code=recipient, mentions=[Mention(10, 16, "Someone")])]
    places = [Place(name="Moscow", geonames_id=524901, lat=55.75, lon=37.62, country="RU", feature="P.PPLC")]
    return Analysis(
        article=Article(text=text, id=text[:12], published=published, source=source, url=url),
        actors=actors, places=places,
        events=[Event(type=type_, cameo="040", sentence=Offsets(0, len(text)), trigger=Mention(start, start + 3, "met"),
                      actor=["Q7747"], recipient=[someone], modality=modality, date=date,
                      date_precision="day" if date else "none", place=place, score=1.0, quad_class=1,
                      actor_mentions=[Mention(0, 5, "Putin")], confidence=confidence)],
    )


def store_and_link(store: Store, *analyses: Analysis, window: int = 1) -> None:
    store.write([(a, f"origin-{a.article.text_sha1}") for a in analyses])
    link_events(store.con, window)


def clusters(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT cluster_id, type, actor_key, recipient_key, num_mentions, num_articles, num_sources, num_stories, "
        "happened_mentions, happened_articles FROM event_clusters ORDER BY cluster_id").fetchall()


def test_reports_of_one_meeting_from_three_sources_make_one_event(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store_and_link(store,
                       report("Putin met Someone in Moscow.", "2022-02-07", "Reuters"),
                       report("Putin met Someone in Moscow on Monday.", "2022-02-07", None,
                              "https://www.example.com/a"),
                       report("Putin has met Someone in Moscow.", "2022-02-08", "TASS"))
        assert clusters(store) == [(1, "CONSULT", "RUSGOV", "FRAGOV", 3, 3, 3, 3, 3, 3)]
        # every mention keeps its article and offsets
        rows = store.con.execute("SELECT m.source, a.text, m.trigger_start, m.trigger_end FROM event_cluster_mentions m "
                                 "JOIN articles a ON a.sha1 = m.article_sha1 ORDER BY m.source").fetchall()
        assert [s for s, *_ in rows] == ["Reuters", "TASS", "example.com"]
        assert all(text[start:end] == "met" for _, text, start, end in rows)


def test_different_actor_place_type_or_date_are_different_events(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store_and_link(store,
                       report("Putin met Someone in Moscow.", "2022-02-07"),
                       report("Putin met Someone, a German.", "2022-02-07", recipient="DEUGOV"),
                       report("Putin met Someone somewhere.", "2022-02-07", place=None),
                       report("Putin met Someone to threaten.", "2022-02-07", type_="THREATEN"),
                       report("Putin met Someone again in Moscow.", "2022-02-10"))
        assert len(clusters(store)) == 5


def test_the_date_window_decides_and_stated_dates_win_over_publication(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        store_and_link(store, report("Putin met Someone in Moscow.", "2022-02-07"),
                       report("Putin met Someone in Moscow, we hear.", "2022-02-08"), window=0)
        assert len(clusters(store)) == 2
    with Store(tmp_path / "w1.duckdb") as store:
        store_and_link(store, report("Putin met Someone in Moscow.", "2022-02-07"),
                       report("Putin met Someone in Moscow, we hear.", "2022-02-08"))
        assert len(clusters(store)) == 1
        # a report a week later that dates the meeting to the 7th joins it
        store_and_link(store, report("Putin met Someone in Moscow last Monday.", "2022-02-14", date="2022-02-07"))
        assert [c[5] for c in clusters(store)] == [3]


def test_new_articles_join_existing_clusters_and_relinking_changes_nothing(tmp_path):
    with Store(tmp_path / "i.duckdb") as store:
        store_and_link(store, report("Putin met Someone in Moscow.", "2022-02-07", "Reuters"))
        before = clusters(store)
        store_and_link(store, report("Putin met Someone in Moscow today.", "2022-02-07", "Reuters"))
        after = clusters(store)
        assert [c[0] for c in after] == [c[0] for c in before] == [1]
        assert after[0][4:8] == (2, 2, 1, 2)  # two articles, one source
        assert link_events(store.con) == 0
        assert clusters(store) == after


def test_negated_reports_stay_linked_but_do_not_count_as_happened(tmp_path):
    with Store(tmp_path / "n.duckdb") as store:
        store_and_link(store,
                       report("Putin met Someone in Moscow.", "2022-02-07", "Reuters"),
                       report("Putin never met Someone in Moscow.", "2022-02-07", "TASS", modality="negated"))
        (row,) = clusters(store)
        assert row[4:] == (2, 2, 2, 2, 1, 1)
        modalities = store.con.execute("SELECT modality, happened FROM event_cluster_mentions ORDER BY modality").fetchall()
        assert modalities == [("asserted", True), ("negated", False)]


def test_near_duplicate_articles_count_as_one_story(tmp_path):
    a = report("Putin met Someone in Moscow.", "2022-02-07", "Reuters")
    b = report("Putin met Someone in Moscow!", "2022-02-07", "Yahoo")
    with Store(tmp_path / "s.duckdb") as store:
        store.write([(a, "a"), (b, "b")], stories=[(a.article.text_sha1, "story-1", None, [1]),
                                                   (b.article.text_sha1, "story-1", 0.95, [1])])
        link_events(store.con)
        (row,) = clusters(store)
        assert row[5:8] == (2, 2, 1)  # two articles, two sources, one story


def test_events_with_no_actor_and_no_place_stay_alone(tmp_path):
    def nobody(text):
        a = report(text, "2022-02-07", place=None)
        a.events[0].actor, a.events[0].recipient = [], []
        return a

    with Store(tmp_path / "a.duckdb") as store:
        store_and_link(store, nobody("Someone met someone."), nobody("Someone met someone else."))
        assert len(clusters(store)) == 2


def test_ingest_links_the_events_of_a_corpus(tmp_path, make_articles):
    from whodid.batch import ingest_corpus

    rows = make_articles(4)
    for i, row in enumerate(rows):
        row["source"] = f"paper-{i}"
    corpus = write_jsonl(tmp_path / "c.jsonl", rows)
    with Store(tmp_path / "e.duckdb") as store:
        ingest_corpus([corpus], store)
        con = store.con
        assert con.execute("SELECT count(*) FROM events").fetchone() == \
            con.execute("SELECT count(*) FROM event_cluster_mentions").fetchone()
        # the articles share paragraphs: some events are reported by several papers
        assert con.execute("SELECT max(num_sources) FROM event_clusters").fetchone()[0] >= 2
        assert con.execute("SELECT sum(num_mentions) FROM event_clusters").fetchone()[0] == \
            con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_linking_pages_past_articles_it_cannot_link(tmp_path):
    # 501 articles whose stored JSON holds no events (their events rows cannot be linked), stored
    # first, fill a whole page of the unlinked: the articles after them must still be linked
    broken = [report(f"Putin met Someone in Moscow ({i}).", "2022-02-07") for i in range(501)]
    good = [report("Putin met Someone in Moscow.", "2022-03-07", "Reuters"),
            report("Putin met Someone in Moscow today.", "2022-03-07", "TASS")]
    with Store(tmp_path / "p.duckdb") as store:
        store.write([(a, f"broken-{i}") for i, a in enumerate(broken)])
        store.con.execute("""UPDATE analyses SET analysis = json_merge_patch(analysis, '{"events": []}')""")
        store.con.execute("UPDATE articles SET ingested_at = TIMESTAMP '2000-01-01'")  # before the good ones
        store.write([(a, a.article.id) for a in good])
        assert link_events(store.con) == 2
        assert clusters(store)[0][4:6] == (2, 2)
        assert link_events(store.con) == 0  # and nothing is linked twice


def test_a_crash_between_write_and_linking_is_healed_by_the_next_ingest(tmp_path):
    from whodid.batch import ingest_items

    a, b = report("Putin met Someone in Moscow.", "2022-02-07", "Reuters"), \
        report("Putin met Someone in Moscow today.", "2022-02-07", "TASS")
    with Store(tmp_path / "h.duckdb") as store:
        store.write([(a, "a"), (b, "b")])  # stored, then the process died before linking
        assert clusters(store) == []
        ingest_items([], store)
        assert [c[4:6] for c in clusters(store)] == [(2, 2)]
        assert store.con.execute("SELECT count(*) FROM unlinked_articles").fetchone()[0] == 0


def test_a_database_from_before_the_unlinked_marks_is_healed_too(tmp_path):
    from whodid.batch import ingest_items

    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write([(report("Putin met Someone in Moscow.", "2022-02-07"), "a")])
        # as schema version 5 left it: the events stored, never linked, and no marks table
        store.con.execute("DROP TABLE unlinked_articles")
        for column in ("date_start", "date_end", "place_start", "place_end", "inferred"):  # migration 7
            store.con.execute(f"ALTER TABLE events DROP COLUMN {column}")
        for table, column in (("ingest_failures", "stage"), ("articles", "language_confidence"),  # migration 8
                              ("watch_items", "attempts"), ("watch_items", "next_try"), ("watch_items", "title"),
                              ("watch_items", "published")):
            store.con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for table, column in (("events", "event_date"), ("dates", "value_date"), ("articles", "published_date")):
            store.con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # migration 9
        store.con.execute("ALTER TABLE events DROP COLUMN day")  # migration 10
        store.con.execute("DELETE FROM schema_version WHERE version >= 6")
    with Store(db) as store:
        ingest_items([], store)
        assert [c[4] for c in clusters(store)] == [1]
