"""PLOVER JSON Lines: one record per coded event, with the PLOVER 2.0 field names.

Field names follow the PLOVER manual's "Data Fields" chapter (``id``, ``date``,
``actor``/``recipient`` entity objects with ``code``, ``sector``,
``entity_text``, ``identifier_id``, ``identifier_text``, ``event``, ``mode``,
``context``, ``event_loc``, ``event_text``, ``quad_code``, ``event_scale``,
``link``, ``text_info``, ``cite_info``, ``coder``, ``coded_date``). PLOVER
invites providers to add fields; whodid adds ``modality`` (asserted, negated,
hypothetical, conditional, future, historical: read it before counting an
event as having happened), ``date_precision``, ``reported_by`` and ``cameo``.
``link`` is the event cluster: records that report the same real-world event
share it.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import duckdb

from whodid import __version__
from whodid.model import Analysis, Event
from whodid.store.clusters import read_analysis

CHUNK = 500
CODEBOOK = "plover-2.0"


def _iso3() -> dict[str, str]:
    countries = json.loads(resources.files("whodid.data.gazetteer").joinpath("countries.json").read_text("utf-8"))
    return {c["iso2"]: c["iso3"] for c in countries if c.get("iso2") and c.get("iso3")}


# the tables the export reads; an event is written when the ``events`` table holds it (so
# ``--min-confidence``, which narrows that table, narrows this export too)
READS = ("articles", "analyses", "events", "event_cluster_mentions", "event_clusters")


def write(con: duckdb.DuckDBPyConnection, target: Path) -> int:
    """Every stored event as a PLOVER record in ``target`` (JSON Lines); returns the number written."""
    iso3 = _iso3()
    partial = target.with_name(f".{target.name}.partial")
    written = 0
    try:
        with open(partial, "w", encoding="utf-8") as out:
            offset = 0
            while rows := con.execute(
                    "SELECT a.sha1, a.origin, a.ingested_at, n.analysis FROM articles a "
                    "JOIN analyses n ON n.article_sha1 = a.sha1 ORDER BY a.ingested_at, a.sha1 "
                    f"LIMIT {CHUNK} OFFSET {offset}").fetchall():
                offset += len(rows)
                links = dict(((sha, idx), (cid, day)) for sha, idx, cid, day in con.execute(
                    "SELECT m.article_sha1, m.event_idx, m.cluster_id, c.event_date FROM event_cluster_mentions m "
                    "JOIN event_clusters c USING (cluster_id) WHERE m.article_sha1 IN (SELECT unnest(?::VARCHAR[]))",
                    [[r[0] for r in rows]]).fetchall())
                kept = set(con.execute("SELECT article_sha1, idx FROM events "
                                       "WHERE article_sha1 IN (SELECT unnest(?::VARCHAR[]))",
                                       [[r[0] for r in rows]]).fetchall())
                for sha, origin, ingested_at, analysis_json in rows:
                    analysis = read_analysis(analysis_json)
                    for idx, event in enumerate(analysis.events):
                        if (sha, idx) not in kept:
                            continue
                        cluster, day = links.get((sha, idx), (None, None))
                        record = _record(analysis, idx, event, cluster, day, origin, ingested_at, iso3)
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        written += 1
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return written


def _record(analysis: Analysis, idx: int, event: Event, cluster, day, origin, ingested_at, iso3) -> dict:
    article = analysis.article
    actors = {a.id: a for a in analysis.actors}
    place = next((p for p in analysis.places if p.name == event.place), None) if event.place else None
    text = article.text
    return {
        "id": f"whodid-{article.text_sha1[:12]}-{idx:04d}",
        "date": day.isoformat() if day else (event.date if event.date_precision == "day" else None),
        "date_precision": event.date_precision if event.date else "publication",
        "actor": [_entity(actors.get(i), event.actor_mentions, text) for i in event.actor if i in actors],
        "recipient": [_entity(actors.get(i), event.recipient_mentions, text) for i in event.recipient if i in actors],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "modality": event.modality,
        # roles filled by a coding convention, not read from the text (absent from analyses stored before it)
        "inferred": list(getattr(event, "inferred", None) or []),
        "reported_by": actors[event.reported_by].name if event.reported_by in actors else None,
        "event_loc": _location(event, place, iso3),
        "event_text": [event.trigger.text],
        "quad_code": event.quad_class,
        "event_scale": event.score,
        "cameo": event.cameo,
        "link": cluster,
        "text_info": {"start": event.sentence.start, "end": event.sentence.end,
                      "sentence": text[event.sentence.start:event.sentence.end]},
        "cite_info": {"url": article.url, "title": article.title, "language": article.language,
                      "publication": article.source, "citation": origin,
                      "coder": f"whodid {__version__}", "codebook": CODEBOOK},
        "coder": f"whodid {__version__}",
        "coded_date": ingested_at.date().isoformat() if ingested_at else None,
    }


def _entity(actor, mentions, text: str) -> dict:
    # the words this event read the actor from, when they belong to this actor
    mention = next((m for m in mentions if any(x.start == m.start for x in actor.mentions)), None)
    mention = mention or (mentions[0] if len(mentions) == 1 else None)
    return {"code": actor.country or (actor.code[:3] if actor.code else None), "sector": actor.sector, "entity_text": mention.text if mention else actor.name,
            "identifier_id": actor.wikidata, "identifier_text": actor.name, "office": actor.role,
            "whodid_code": actor.code}


def _location(event: Event, place, iso3: dict[str, str]) -> dict | None:
    if not event.place:
        return None
    loc = {"extracted_place": event.place}
    if place is not None and place.geonames_id:
        loc.update(resolved_place=place.name, geonameid=place.geonames_id, lat=place.lat, lon=place.lon,
                   province=place.admin1, country_code=iso3.get(place.country or ""),
                   feature_class=(place.feature or ".").split(".")[0] or None,
                   feature_code=(place.feature or ".").split(".")[-1] or None)
    return loc
