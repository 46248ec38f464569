"""Events as pandas DataFrames: from a database and from texts, same columns and dtypes."""

import pandas as pd
import pytest
from typer.testing import CliRunner

import whodid
from helpers import SAMPLES
from whodid.cli import app
from whodid.export import DEFAULT_MIN_CONFIDENCE
from whodid.frames import EVENT_DTYPES

TEXTS = ["Russian President Vladimir Putin met French President Emmanuel Macron in Moscow on Monday.",
         "Ukrainian troops attacked Russian positions near Kharkiv in May 2022."]


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("frames") / "samples.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def _typed(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == list(EVENT_DTYPES)
    assert str(frame["date"].dtype) == "datetime64[ns]" and str(frame["published"].dtype) == "datetime64[ns]"
    assert str(frame["confidence"].dtype) == "Float64" and str(frame["quad_class"].dtype) == "Int64"
    assert str(frame["type"].dtype) == "category" and str(frame["actor_code"].dtype) == "string"


def test_read_events_round_trips_the_stored_events(samples_db):
    import duckdb

    frame = whodid.read_events(samples_db, min_confidence=0)
    _typed(frame)
    con = duckdb.connect(str(samples_db), read_only=True)
    stored = con.execute("SELECT e.article_sha1, e.idx, e.type, e.date, e.date_precision, e.confidence "
                         "FROM events e").fetchall()
    assert len(frame) == len(stored)
    by_key = {(r.article_sha1, r.idx): r for r in frame.itertuples()}
    for sha, idx, type_, text_date, precision, confidence in stored:
        row = by_key[(sha, idx)]
        assert row.type == type_ and row.confidence == pytest.approx(confidence)
        if precision == "day":
            assert row.date.strftime("%Y-%m-%d") == text_date[:10]
        elif precision == "none":
            assert pd.isna(row.date)
    # the confidence floor of the exports
    assert len(whodid.read_events(samples_db)) == int((frame["confidence"] >= DEFAULT_MIN_CONFIDENCE).sum())


def test_analyze_frame_gives_the_same_columns_with_ingests_checks(nlp):
    frame = whodid.analyze_frame(TEXTS, published="2022-06-01", min_confidence=0)
    _typed(frame)
    meeting = frame[frame["type"] == "CONSULT"].iloc[0]
    assert meeting["actor_code"] == "RUSGOV" and meeting["recipient_code"] == "FRAGOV"
    assert meeting["published"] == pd.Timestamp("2022-06-01")
    assert set(frame["article_id"]) <= {"text-0", "text-1"}
    # a text ingest would reject is refused here too, naming it
    with pytest.raises(ValueError, match="not English"):
        whodid.analyze_frame(["Der russische Präsident traf sich am Montag in Moskau mit dem französischen "
                              "Präsidenten, um über den Krieg in der Ukraine zu sprechen."])
    skipped = whodid.analyze_frame([{"id": "de", "text": "Der russische Präsident traf sich am Montag in Moskau "
                                     "mit dem französischen Präsidenten."}, {"id": "en", "text": TEXTS[0]}],
                                   errors="skip", min_confidence=0)
    assert set(skipped["article_id"]) == {"en"}


def test_a_bad_publication_date_is_dropped_with_a_check_as_ingest_does(nlp):
    from whodid.model import Article
    from whodid.pipeline import Pipeline

    analysis = next(Pipeline().analyze_many([Article(text=TEXTS[0], published="next Tuesday-ish")]))
    assert analysis.article.published != "next Tuesday-ish"
    assert any(c.kind == "bad_published_date" for c in analysis.checks)
    # the language was identified, or its doubt noted, as ingest does
    assert analysis.article.language == "en" or any(c.kind == "language_uncertain" for c in analysis.checks)
