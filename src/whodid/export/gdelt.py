"""The GDELT 2.0 event table (61 columns) and mentions table (16 columns), tab-separated.

One event row per event cluster (``store/clusters.py``) that at least one
report asserts happened: GDELT codes what happened, so clusters known only from
negated, hypothetical, conditional or future reports are left out, and
NumMentions/NumSources/NumArticles count only the reports that say it happened.
The mentions table has one row per such report. Like GDELT's own files, no
header line; the column names are ``EVENT_COLUMNS`` and ``MENTION_COLUMNS``.

Columns whodid fills differently from GDELT, or leaves empty, are listed in
``NOT_FILLED`` and ``DIFFERENT`` with the reason (also printed by
``whodid export --format gdelt``).

Conventions kept so the file joins with GDELT's own (``data/gdelt/SOURCES.md``):
geography columns hold FIPS 10-4 country codes (``NI`` is Nigeria, ``CD`` Chad),
the actor columns CAMEO's three-letter (ISO 3166 alpha-3 based) codes;
``GoldsteinScale`` is the value GDELT's ``CAMEO.goldsteinscale.txt`` gives the
event's CAMEO code; ``SQLDATE`` is filled only when the day is known.
"""

from __future__ import annotations

import csv
import functools
import json
from importlib import resources
from pathlib import Path

import duckdb

READS = ("event_clusters", "event_cluster_mentions", "articles", "events")  # the tables the export reads

EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]
MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16

NOT_FILLED = {
    "Actor1KnownGroupCode / Actor2KnownGroupCode": "the knowledge base has no CAMEO known-group codes",
    "Actor1EthnicCode, Religion1Code, Religion2Code (and Actor2's)": "ethnicity and religion are not coded",
    "Actor1Type2Code, Type3Code (and Actor2's)": "an actor has one sector (Type1Code)",
    "AvgTone, MentionDocTone": "whodid does no sentiment analysis",
    "Actor1Geo_*, Actor2Geo_*": "whodid places the event (ActionGeo), not each actor",
    "ActionGeo_ADM1Code (below country level), ActionGeo_ADM2Code": "places carry an admin-1 name, not a FIPS code",
    "ActionGeo_Type for regions and other non-admin features": "GDELT's types 1-5 cover countries, states and cities only",
    "SentenceID": "sentence numbers are not stored; Actor1/2CharOffset and ActionCharOffset locate the mention",
    "MentionDocTranslationInfo, Extras": "no translation; nothing to add",
}
DIFFERENT = {
    "GoldsteinScale": "Goldstein's value for the CAMEO code from GDELT's CAMEO.goldsteinscale.txt; a CAMEO 2.0 "
                      "code that table lacks takes its three-digit base code's value",
    "ActionGeo_FeatureID": "GeoNames id, not a GNS/GNIS feature id",
    "SQLDATE, MonthYear, Year, FractionDate": "the event's own date as precise as the text gives it: SQLDATE and "
        "FractionDate only for a known day, MonthYear for a known month, Year for a known year (empty, never "
        "a made-up 1 January); an event the text does not date takes its article's publication day",
    "DATEADDED, EventTimeDate, MentionTimeDate": "when whodid stored the article (UTC), not a 15-minute GDELT slot",
    "MentionType": "1 (web) when the article has a URL, else empty",
    "Confidence": "whodid's event confidence times 100",
}


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@functools.cache
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> FIPS 10-4 country code (GeoNames' countryInfo, ``data/gdelt/fips.tsv``)."""
    with resources.files("whodid.data.gdelt").joinpath("fips.tsv").open(encoding="utf-8") as fh:
        return {row["iso2"]: row["fips"] for row in csv.DictReader(fh, delimiter="\t")}


@functools.cache
def goldstein_scale() -> dict[str, float]:
    """CAMEO event code -> Goldstein scale value, as GDELT publishes it (``data/gdelt/CAMEO.goldsteinscale.txt``)."""
    with resources.files("whodid.data.gdelt").joinpath("CAMEO.goldsteinscale.txt").open(encoding="utf-8") as fh:
        return {row["CAMEOEVENTCODE"]: float(row["GOLDSTEINSCALE"]) for row in csv.DictReader(fh, delimiter="\t")}


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein value of a CAMEO code; a code the table lacks takes its base (3-digit) code's value."""
    table = goldstein_scale()
    if not cameo:
        return None
    return table.get(cameo, table.get(cameo[:3]))


def _countries_values() -> str:
    countries = json.loads(resources.files("whodid.data.gazetteer").joinpath("countries.json").read_text("utf-8"))
    fips = fips_codes()
    rows = ", ".join(f"({_sql_text(c['iso2'])}, {_sql_text(fips.get(c['iso2'], ''))}, {_sql_text(c['name'])})"
                     for c in countries if c.get("iso2"))
    return f"SELECT iso2, nullif(fips, '') AS fips, name FROM (VALUES {rows}) AS t(iso2, fips, name)"


def _goldstein_values() -> str:
    rows = ", ".join(f"({_sql_text(code)}, {value})" for code, value in goldstein_scale().items())
    return f"SELECT * FROM (VALUES {rows}) AS t(code, value)"


def _clean(expr: str) -> str:
    """Text with no tab or line break: GDELT files are unquoted tab-separated values."""
    return f"regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n]+', ' ', 'g')"


def _actor(prefix: str) -> list[str]:
    return [f"c.{prefix}_code", f"upper({_clean(f'c.{prefix}_name')})", f"c.{prefix}_country",
            "NULL", "NULL", "NULL", "NULL", f"c.{prefix}_sector", "NULL", "NULL"]


EVENTS_SQL = """
WITH countries AS ({countries}),
goldstein AS ({goldstein}),
happened AS (
    SELECT m.cluster_id, m.article_sha1, m.sentence_start, a.url, a.origin, a.ingested_at,
           coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0), length(a.text) + 1) AS lead_end
    FROM event_cluster_mentions m JOIN articles a ON a.sha1 = m.article_sha1
    WHERE m.happened
),
per_cluster AS (
    SELECT cluster_id,
           max(CASE WHEN sentence_start < lead_end THEN 1 ELSE 0 END) AS is_root,
           arg_min(coalesce(url, origin), ingested_at) AS source_url
    FROM happened GROUP BY cluster_id
)
SELECT c.cluster_id,
       CASE WHEN c.date_precision = 'day' THEN strftime(c.event_date, '%Y%m%d') END,
       CASE WHEN c.date_precision IN ('day', 'month') THEN strftime(c.event_date, '%Y%m') END,
       CASE WHEN c.date_precision IN ('day', 'month', 'year') THEN year(c.event_date) END,
       CASE WHEN c.date_precision = 'day'
            THEN round(year(c.event_date) + (month(c.event_date) * 30 + day(c.event_date)) / 365.0, 4) END,
       {actor1}, {actor2},
       p.is_root, c.cameo, left(c.cameo, 3), left(c.cameo, 2), c.quad_class, coalesce(g4.value, g3.value),
       c.happened_mentions, c.happened_sources, c.happened_articles, NULL,
       {empty_geo}, {empty_geo},
       CASE WHEN c.place_feature LIKE 'A.PCL%' THEN 1
            WHEN c.place_feature = 'A.ADM1' THEN CASE WHEN c.place_country = 'US' THEN 2 ELSE 5 END
            WHEN c.place_feature LIKE 'P.%' THEN CASE WHEN c.place_country = 'US' THEN 3 ELSE 4 END END,
       {full_name}, k.fips, CASE WHEN c.place_feature LIKE 'A.PCL%' THEN k.fips END, NULL,
       c.lat, c.lon, c.geonames_id,
       strftime(c.first_seen, '%Y%m%d%H%M%S'), {source_url}
FROM event_clusters c JOIN per_cluster p USING (cluster_id)
LEFT JOIN countries k ON k.iso2 = c.place_country
LEFT JOIN goldstein g4 ON g4.code = c.cameo
LEFT JOIN goldstein g3 ON g3.code = left(c.cameo, 3)
ORDER BY c.cluster_id
"""

MENTIONS_SQL = """
SELECT m.cluster_id, strftime(c.first_seen, '%Y%m%d%H%M%S'), strftime(a.ingested_at, '%Y%m%d%H%M%S'),
       CASE WHEN a.url IS NOT NULL THEN 1 END, {source}, {identifier},
       NULL, coalesce(m.actor_start, -1), coalesce(m.recipient_start, -1), m.trigger_start, 1,
       CAST(round(coalesce(e.confidence, 0) * 100) AS INTEGER), length(a.text), NULL, NULL, NULL
FROM event_cluster_mentions m
JOIN event_clusters c USING (cluster_id)
JOIN articles a ON a.sha1 = m.article_sha1
LEFT JOIN events e ON e.article_sha1 = m.article_sha1 AND e.idx = m.event_idx
WHERE m.happened
ORDER BY m.cluster_id, a.ingested_at, m.article_sha1, m.event_idx
"""


def events_sql() -> str:
    full_name = ("concat_ws(', ', " + _clean("c.place") + ", CASE WHEN c.place_admin1 <> c.place "
                 "THEN " + _clean("c.place_admin1") + " END, CASE WHEN k.name <> c.place THEN k.name END)")
    return EVENTS_SQL.format(countries=_countries_values(), goldstein=_goldstein_values(), actor1=", ".join(_actor("actor")),
                             actor2=", ".join(_actor("recipient")), empty_geo=", ".join(["NULL"] * 8),
                             full_name=full_name, source_url=_clean("p.source_url"))


def mentions_sql() -> str:
    return MENTIONS_SQL.format(source=_clean("m.source"), identifier=_clean("coalesce(a.url, a.origin)"))


def write(con: duckdb.DuckDBPyConnection, out: Path) -> dict[Path, int]:
    """``gdelt.export.tsv`` and ``gdelt.mentions.tsv`` in ``out``; returns rows written per file."""
    written = {}
    for name, sql in (("gdelt.export.tsv", events_sql()), ("gdelt.mentions.tsv", mentions_sql())):
        target, partial = out / name, out / f".{name}.partial"
        try:
            quoted = str(partial).replace("'", "''")  # a folder name may hold a quote
            con.execute(f"COPY ({sql}) TO '{quoted}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')")
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)
        written[target] = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
    return written
