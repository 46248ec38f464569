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

Codes are PLOVER's, not CAMEO's: an entity's ``code`` is an ISO 3166 alpha-3
country (``KOS`` for Kosovo) or one of PLOVER's international codes (``UNO``
for the United Nations and its agencies, ``EUR`` for the European Union,
``IGO``, ``NGO``, ``IMG``, ``MNC``); ``sector`` is from PLOVER's sector table
(journalists are ``JRN``; ``MED`` is health). The fields PLOVER requires (``id``,
a ``date`` to the day, at least one ``actor``, ``event``) are present in every
record written; an event without them is left out and counted (``Written``).
Every record validates against ``data/plover/record.schema.json`` (``SCHEMA``).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import duckdb

from whodid.version import __version__
from whodid.model import Analysis, Event
from whodid.store.clusters import read_analysis

CHUNK = 500
CODEBOOK = "plover-2.0"
SCHEMA = "record.schema.json"  # in whodid.data.plover

# PLOVER 2.0's sector table (manual, "Sector Codes")
SECTORS = frozenset("COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
                    "REL SOC".split())
# CAMEO sector codes whodid's knowledge uses -> PLOVER's: CAMEO's MED was media, HLH health
# (PLOVER manual, sector code note 4); PLOVER drops the INS/SEP distinctions (note 3)
CAMEO_SECTORS = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "HRI": "SOC", "NGO": "SOC", "ENV": "SOC",
                 "DEV": "SOC", "SET": "CVL", "KID": "SOC"}
# PLOVER's international non-state codes (manual, "Non-state international actors")
INTERNATIONAL = ("UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC")


def schema() -> dict:
    """The JSON Schema every exported record validates against."""
    return json.loads(resources.files("whodid.data.plover").joinpath(SCHEMA).read_text("utf-8"))


def plover_sector(sector: str | None) -> str | None:
    """A whodid (CAMEO-style) sector as PLOVER's; None when PLOVER has no such sector (IGO is a code there)."""
    if not sector:
        return None
    sector = CAMEO_SECTORS.get(sector, sector)
    return sector if sector in SECTORS else None


def plover_code(actor) -> tuple[str | None, str | None]:
    """(code, sector) of an actor in PLOVER's terms. An organisation coded CAMEO-style (``IGOUNOHLHWHO``)
    takes PLOVER's international code (``UNO``) and the sector its code names (``HLH`` -> ``MED``)."""
    code = actor.code or ""
    if actor.country:
        return ("KOS" if actor.country == "XKX" else actor.country), plover_sector(actor.sector)
    if code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        parts = [code[i:i + 3] for i in range(3, len(code), 3)]
        if code[:3] == "IGO" and "UNO" in parts:
            top = "UNO"
        elif code[:3] == "IGO" and code.startswith("IGOEUREEC"):
            top = "EUR"
        else:
            top = code[:3]
        named = next((plover_sector(p) for p in parts if plover_sector(p)), None)
        return top, named or plover_sector(actor.sector)
    return (code[:3] or None), plover_sector(actor.sector)


@dataclass
class Written:
    """Records written and events left out, by the reason PLOVER would refuse them."""

    records: int = 0
    left_out: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        if not self.left_out:
            return ""
        reasons = ", ".join(f"{n} {why}" for why, n in self.left_out.most_common())
        return (f"{sum(self.left_out.values())} events left out of the PLOVER export for lacking a field PLOVER "
                f"requires: {reasons}")


def _iso3() -> dict[str, str]:
    countries = json.loads(resources.files("whodid.data.gazetteer").joinpath("countries.json").read_text("utf-8"))
    return {c["iso2"]: c["iso3"] for c in countries if c.get("iso2") and c.get("iso3")}


# the tables the export reads; an event is written when the ``events`` table holds it (so
# ``--min-confidence``, which narrows that table, narrows this export too)
READS = ("articles", "analyses", "events", "event_cluster_mentions", "event_clusters")


def write(con: duckdb.DuckDBPyConnection, target: Path) -> Written:
    """Every stored event PLOVER can take as a record in ``target`` (JSON Lines); returns how many
    were written and why the others were left out."""
    iso3 = _iso3()
    partial = target.with_name(f".{target.name}.partial")
    written = Written()
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
                        cluster, _ = links.get((sha, idx), (None, None))
                        record = _record(analysis, idx, event, cluster, origin, ingested_at, iso3)
                        missing = _missing(record)
                        if missing:
                            written.left_out[missing] += 1
                            continue
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        written.records += 1
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return written


def _missing(record: dict) -> str | None:
    if not record["date"]:
        if record["date_precision"] == "publication":
            return "undated, in an undated article"
        return "without a date to the day"
    if not record["actor"]:
        return "without an actor"
    return None


def _day(value: str | None) -> str | None:
    try:
        return date.fromisoformat(value[:10]).isoformat() if value else None
    except ValueError:
        return None


def _event_day(event: Event, published: str | None) -> tuple[str | None, str]:
    """PLOVER's ``date`` (YYYY-MM-DD) and how it was read: the event's own day; an event the text does
    not date takes its article's publication day; a date known only to the month or year has none."""
    if event.date and event.date_precision != "none":
        return (_day(event.date) if event.date_precision == "day" else None), event.date_precision
    return _day(published), "publication"


def _record(analysis: Analysis, idx: int, event: Event, cluster, origin, ingested_at, iso3) -> dict:
    article = analysis.article
    actors = {a.id: a for a in analysis.actors}
    place = next((p for p in analysis.places if p.name == event.place), None) if event.place else None
    text = article.text
    day, precision = _event_day(event, article.published)
    return {
        "id": f"whodid-{article.text_sha1[:12]}-{idx:04d}",
        "date": day,
        "date_precision": precision,
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
    code, sector = plover_code(actor)
    return {"code": code, "sector": sector, "entity_text": mention.text if mention else actor.name,
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
