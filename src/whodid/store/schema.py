"""The database schema, as numbered migrations.

Each migration runs once, in a transaction, and is recorded in
``schema_version``. Never edit a released migration: add the next one.

One row per article (``articles``) and its full JSON Analysis (``analyses``),
and one table per kind of item so analysts can query them with plain SQL.
Item tables are keyed by ``article_sha1`` (the content hash) and the item's
index in its Analysis list. Offsets are ``char_start``/``char_end`` into
``articles.text``.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE articles (
    sha1 VARCHAR PRIMARY KEY,
    id VARCHAR,
    title VARCHAR,
    byline VARCHAR,
    url VARCHAR,
    source VARCHAR,
    published VARCHAR,
    published_inferred BOOLEAN,
    language VARCHAR,
    text VARCHAR NOT NULL,
    origin VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE analyses (
    article_sha1 VARCHAR PRIMARY KEY,
    whodid_version VARCHAR,
    model VARCHAR,
    stages VARCHAR[],
    analysis JSON NOT NULL
);
CREATE TABLE actors (
    article_sha1 VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
    sector VARCHAR, code VARCHAR, role VARCHAR, wikidata VARCHAR,
    PRIMARY KEY (article_sha1, actor_id)
);
CREATE TABLE mentions (
    article_sha1 VARCHAR, actor_id VARCHAR, char_start INTEGER, char_end INTEGER, text VARCHAR
);
CREATE TABLE quotes (
    article_sha1 VARCHAR, idx INTEGER, speaker VARCHAR, speaker_text VARCHAR, cue VARCHAR,
    text VARCHAR, char_start INTEGER, char_end INTEGER, kind VARCHAR, nested_in INTEGER,
    PRIMARY KEY (article_sha1, idx)
);
CREATE TABLE events (
    article_sha1 VARCHAR, idx INTEGER, type VARCHAR, mode VARCHAR, context VARCHAR[],
    cameo VARCHAR, actor VARCHAR[], recipient VARCHAR[], modality VARCHAR, reported_by VARCHAR,
    date VARCHAR, date_precision VARCHAR, place VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    confidence DOUBLE, score DOUBLE, quad_class INTEGER,
    PRIMARY KEY (article_sha1, idx)
);
CREATE TABLE places (
    article_sha1 VARCHAR, idx INTEGER, name VARCHAR, geonames_id BIGINT, lat DOUBLE, lon DOUBLE,
    country VARCHAR, admin1 VARCHAR, feature VARCHAR,
    PRIMARY KEY (article_sha1, idx)
);
CREATE TABLE place_mentions (
    article_sha1 VARCHAR, place_idx INTEGER, char_start INTEGER, char_end INTEGER, text VARCHAR
);
CREATE TABLE dates (
    article_sha1 VARCHAR, idx INTEGER, text VARCHAR, char_start INTEGER, char_end INTEGER,
    value VARCHAR, precision VARCHAR,
    PRIMARY KEY (article_sha1, idx)
);
CREATE TABLE checks (
    article_sha1 VARCHAR, idx INTEGER, kind VARCHAR, message VARCHAR, severity VARCHAR,
    char_start INTEGER, char_end INTEGER,
    PRIMARY KEY (article_sha1, idx)
);
CREATE TABLE ingest_failures (
    origin VARCHAR PRIMARY KEY, reason VARCHAR, kind VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp
);
"""),
]

MIGRATIONS.append((2, """
ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN carried_over BOOLEAN;
ALTER TABLE dates ADD COLUMN kind VARCHAR;
ALTER TABLE mentions ADD COLUMN how VARCHAR;
ALTER TABLE mentions ADD COLUMN confidence DOUBLE;
"""))

MIGRATIONS.append((3, """
CREATE TABLE stories (
    article_sha1 VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, similarity DOUBLE, minhash UBIGINT[]
);
"""))

# Event clusters (one real-world event, many reports) and the feed watcher's
# seen-state. Portable SQL only: the same text runs on DuckDB and PostgreSQL.
MIGRATIONS.append((4, """
CREATE TABLE event_clusters (
    cluster_id BIGINT PRIMARY KEY,
    match_key VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    cameo VARCHAR,
    actor_key VARCHAR NOT NULL,
    recipient_key VARCHAR NOT NULL,
    actor_code VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
    recipient_code VARCHAR, recipient_name VARCHAR, recipient_country VARCHAR, recipient_sector VARCHAR,
    event_date DATE,
    date_precision VARCHAR NOT NULL,
    place_key VARCHAR NOT NULL,
    place VARCHAR, geonames_id BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    place_country VARCHAR, place_admin1 VARCHAR, place_feature VARCHAR,
    score DOUBLE PRECISION, quad_class INTEGER,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_stories INTEGER NOT NULL DEFAULT 0,
    happened_mentions INTEGER NOT NULL DEFAULT 0,
    happened_articles INTEGER NOT NULL DEFAULT 0,
    happened_sources INTEGER NOT NULL DEFAULT 0,
    happened_stories INTEGER NOT NULL DEFAULT 0,
    first_seen TIMESTAMP,
    last_seen TIMESTAMP
);
CREATE TABLE event_cluster_mentions (
    article_sha1 VARCHAR NOT NULL,
    event_idx INTEGER NOT NULL,
    cluster_id BIGINT NOT NULL,
    modality VARCHAR,
    happened BOOLEAN NOT NULL,
    source VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER,
    actor_start INTEGER, recipient_start INTEGER,
    linked_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (article_sha1, event_idx)
);
CREATE TABLE watch_feeds (
    feed VARCHAR PRIMARY KEY,
    etag VARCHAR,
    last_modified VARCHAR,
    last_polled TIMESTAMP,
    last_ok TIMESTAMP,
    last_error VARCHAR,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watch_items (
    url VARCHAR PRIMARY KEY,
    feed VARCHAR,
    content_sha1 VARCHAR,
    article_sha1 VARCHAR,
    status VARCHAR NOT NULL,
    fetched_at TIMESTAMP DEFAULT current_timestamp
);
"""))

# every span a check relies on beyond char_start/char_end, as [start, end] pairs
MIGRATIONS.append((5, """
ALTER TABLE checks ADD COLUMN spans INTEGER[][];
"""))

# Articles stored whose events are not linked into clusters yet: Store.write marks each article in
# the transaction that stores it, linking removes the mark, so healing a crash between the two
# reads this table instead of anti-joining every event against its cluster mentions.
MIGRATIONS.append((6, """
CREATE TABLE unlinked_articles (article_sha1 VARCHAR PRIMARY KEY);
INSERT INTO unlinked_articles
SELECT DISTINCT e.article_sha1 FROM events e WHERE NOT EXISTS (
    SELECT 1 FROM event_cluster_mentions m WHERE m.article_sha1 = e.article_sha1 AND m.event_idx = e.idx);
"""))

# Where an event's date and place were read from, and which of its roles a coding convention
# filled rather than the text (Event.date_mention, place_mention, inferred).
MIGRATIONS.append((7, """
ALTER TABLE events ADD COLUMN date_start INTEGER;
ALTER TABLE events ADD COLUMN date_end INTEGER;
ALTER TABLE events ADD COLUMN place_start INTEGER;
ALTER TABLE events ADD COLUMN place_end INTEGER;
ALTER TABLE events ADD COLUMN inferred VARCHAR[];
"""))

# Robustness (issue #16): the stage an input failed in; the language decision's confidence;
# a watched article whose fetch failed for now, with its attempts and when to try it again
# (and the feed item's title and date, so a retry needs no new copy of the feed).
MIGRATIONS.append((8, """
ALTER TABLE ingest_failures ADD COLUMN stage VARCHAR;
ALTER TABLE articles ADD COLUMN language_confidence DOUBLE;
ALTER TABLE watch_items ADD COLUMN attempts INTEGER;
ALTER TABLE watch_items ADD COLUMN next_try TIMESTAMP;
ALTER TABLE watch_items ADD COLUMN title VARCHAR;
ALTER TABLE watch_items ADD COLUMN published VARCHAR;
"""))

# Dates as DATE beside the text forms, read with their precision column: a month-precise
# event date is the first of its month with date_precision 'month' (pandas, R and Parquet
# readers get a typed column instead of mixed-precision strings). Portable SQL; the guard
# keeps a malformed stored string from failing the migration (it stays NULL).
MIGRATIONS.append((9, """
ALTER TABLE events ADD COLUMN event_date DATE;
ALTER TABLE dates ADD COLUMN value_date DATE;
ALTER TABLE articles ADD COLUMN published_date DATE;
UPDATE events SET event_date = CAST(CASE
    WHEN date_precision = 'day' AND date LIKE '____-__-__%' THEN substr(date, 1, 10)
    WHEN date_precision = 'month' AND date LIKE '____-__%' THEN substr(date, 1, 7) || '-01'
    WHEN date_precision = 'year' AND date LIKE '____%' THEN substr(date, 1, 4) || '-01-01' END AS DATE);
UPDATE dates SET value_date = CAST(CASE
    WHEN precision = 'day' AND value LIKE '____-__-__%' THEN substr(value, 1, 10)
    WHEN precision = 'month' AND value LIKE '____-__%' THEN substr(value, 1, 7) || '-01'
    WHEN precision = 'year' AND value LIKE '____%' THEN substr(value, 1, 4) || '-01-01' END AS DATE);
UPDATE articles SET published_date = CAST(substr(published, 1, 10) AS DATE) WHERE published LIKE '____-__-__%';
"""))

# The day each event is placed on, written at ingest: its own date (``event_date``), else its
# article's publication day. The web app filters, sorts and buckets events by it without
# joining every event to its article (at a million events that join cost most of a page).
MIGRATIONS.append((10, """
ALTER TABLE events ADD COLUMN day DATE;
UPDATE events SET day = event_date;
UPDATE events SET day = articles.published_date FROM articles
WHERE events.day IS NULL AND articles.sha1 = events.article_sha1;
"""))

LATEST = MIGRATIONS[-1][0]

# Column types of the item tables, in insert order (used to bind column lists).
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("sha1", "VARCHAR"), ("id", "VARCHAR"), ("title", "VARCHAR"), ("byline", "VARCHAR"),
                 ("url", "VARCHAR"), ("source", "VARCHAR"), ("published", "VARCHAR"),
                 ("published_inferred", "BOOLEAN"), ("language", "VARCHAR"), ("text", "VARCHAR"),
                 ("origin", "VARCHAR"), ("language_confidence", "DOUBLE"),
                 ("published_date", "DATE")],
    "analyses": [("article_sha1", "VARCHAR"), ("whodid_version", "VARCHAR"), ("model", "VARCHAR"),
                 ("stages", "VARCHAR[]"), ("analysis", "JSON")],
    "actors": [("article_sha1", "VARCHAR"), ("actor_id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
               ("country", "VARCHAR"), ("sector", "VARCHAR"), ("code", "VARCHAR"), ("role", "VARCHAR"),
               ("wikidata", "VARCHAR")],
    "mentions": [("article_sha1", "VARCHAR"), ("actor_id", "VARCHAR"), ("char_start", "INTEGER"),
                 ("char_end", "INTEGER"), ("text", "VARCHAR"), ("how", "VARCHAR"), ("confidence", "DOUBLE")],
    "quotes": [("article_sha1", "VARCHAR"), ("idx", "INTEGER"), ("speaker", "VARCHAR"),
               ("speaker_text", "VARCHAR"), ("cue", "VARCHAR"), ("text", "VARCHAR"), ("char_start", "INTEGER"),
               ("char_end", "INTEGER"), ("kind", "VARCHAR"), ("nested_in", "INTEGER"), ("speaker_start", "INTEGER"),
               ("speaker_end", "INTEGER"), ("carried_over", "BOOLEAN")],
    "events": [("article_sha1", "VARCHAR"), ("idx", "INTEGER"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
               ("context", "VARCHAR[]"), ("cameo", "VARCHAR"), ("actor", "VARCHAR[]"), ("recipient", "VARCHAR[]"),
               ("modality", "VARCHAR"), ("reported_by", "VARCHAR"), ("date", "VARCHAR"),
               ("date_precision", "VARCHAR"), ("place", "VARCHAR"), ("sentence_start", "INTEGER"),
               ("sentence_end", "INTEGER"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
               ("trigger_text", "VARCHAR"), ("confidence", "DOUBLE"), ("score", "DOUBLE"), ("quad_class", "INTEGER"),
               ("date_start", "INTEGER"), ("date_end", "INTEGER"), ("place_start", "INTEGER"),
               ("place_end", "INTEGER"), ("inferred", "VARCHAR[]"), ("event_date", "DATE"),
               ("day", "DATE")],
    "places": [("article_sha1", "VARCHAR"), ("idx", "INTEGER"), ("name", "VARCHAR"), ("geonames_id", "BIGINT"),
               ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
               ("feature", "VARCHAR")],
    "place_mentions": [("article_sha1", "VARCHAR"), ("place_idx", "INTEGER"), ("char_start", "INTEGER"),
                       ("char_end", "INTEGER"), ("text", "VARCHAR")],
    "dates": [("article_sha1", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"), ("char_start", "INTEGER"),
              ("char_end", "INTEGER"), ("value", "VARCHAR"), ("precision", "VARCHAR"), ("kind", "VARCHAR"),
              ("value_date", "DATE")],
    "checks": [("article_sha1", "VARCHAR"), ("idx", "INTEGER"), ("kind", "VARCHAR"), ("message", "VARCHAR"),
               ("severity", "VARCHAR"), ("char_start", "INTEGER"), ("char_end", "INTEGER"),
               ("spans", "INTEGER[][]")],
    "ingest_failures": [("origin", "VARCHAR"), ("reason", "VARCHAR"), ("kind", "VARCHAR"), ("stage", "VARCHAR")],
    "stories": [("article_sha1", "VARCHAR"), ("story_id", "VARCHAR"), ("similarity", "DOUBLE"),
                ("minhash", "UBIGINT[]")],
    "unlinked_articles": [("article_sha1", "VARCHAR")],
}
