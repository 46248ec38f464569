"""Finding things by what a user types: actors by any name they go by, articles by words.

An actor query ("Putin", "Vladimir Putin", "Russia", "RUS", "RUSGOV", "Q7747") resolves
to the set of stored actor ids it names: by id, code, country, full name, a person's
surname, or any name or surname the texts used for it (the ``mentions`` the actors
stage read as names; pronouns and descriptions do not count). A query that names a
country ("Russia" as well as "RUS") takes in every actor of that country, its
government, army and people, so both spellings give the same events.

Words: DuckDB's full-text extension is downloaded on first use and so is not there
offline; the articles search matches whole words instead (every word, any order,
case-insensitive; ``negotiat*`` for a word's beginning), never a raw substring.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb

Cursor = duckdb.DuckDBPyConnection


def _rows(cur: Cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cur.description or []]
    return [dict(zip(columns, row)) for row in cur.fetchall()]


NAME_MENTIONS = "('name', 'surname', 'fuzzy')"  # mentions that are names as written, not pronouns or roles

# the ids an actor query names; 8 bound parameters, all the query
ACTOR_IDS = f"""(SELECT coalesce(list(DISTINCT x.actor_id), []::VARCHAR[]) FROM actors x WHERE
    x.actor_id = ? OR upper(x.code) = upper(?) OR upper(x.country) = upper(?) OR lower(x.name) = lower(?)
    OR (x.kind = 'person' AND ends_with(lower(x.name), ' ' || lower(?)))
    OR x.actor_id IN (SELECT actor_id FROM mentions WHERE how IN {NAME_MENTIONS} AND lower(text) = lower(?))
    OR x.country IN (SELECT y.country FROM actors y WHERE y.kind = 'country' AND (lower(y.name) = lower(?)
        OR y.actor_id IN (SELECT actor_id FROM mentions WHERE how = 'name' AND lower(text) = lower(?)))))"""
ACTOR_IDS_PARAMS = 8

WORD = re.compile(r"[\w’'-]+\*?", re.UNICODE)


def actor_ids(query: str) -> tuple[str, list[str]]:
    """SQL for the list of actor ids ``query`` names, and its parameters."""
    return ACTOR_IDS, [query.strip()] * ACTOR_IDS_PARAMS


def resolve_actor(cur: Cursor, query: str) -> list[str]:
    sql, params = actor_ids(query)
    return sorted(cur.execute(f"SELECT {sql}", params).fetchone()[0] or [])


def words_clause(column: str, query: str) -> tuple[str, list[str]]:
    """A WHERE clause true when ``column`` holds every word of ``query`` as a whole word."""
    words = WORD.findall(query)
    if not words:
        return "TRUE", []
    clauses, params = [], []
    for word in words[:10]:
        stem = re.escape(word.rstrip("*"))
        clauses.append(f"regexp_matches({column}, ?)")
        params.append(rf"(?i)\b{stem}" + (r"\w*" if word.endswith("*") else r"\b"))
    return " AND ".join(clauses), params


def suggest_actors(cur: Cursor, prefix: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors whose name, code, or a name the texts used for them begins with ``prefix`` (or
    whose name has a word beginning so), the most written-about first: for autocomplete."""
    p = prefix.strip().lower()
    if not p:
        return []
    cur.execute(f"""
        WITH hits AS (
            SELECT actor_id, NULL AS alias FROM actors
            WHERE starts_with(lower(name), ?) OR contains(lower(name), ' ' || ?) OR starts_with(lower(code), ?)
            UNION ALL
            SELECT actor_id, text AS alias FROM mentions
            WHERE how IN {NAME_MENTIONS} AND (starts_with(lower(text), ?) OR contains(lower(text), ' ' || ?))),
        picked AS (SELECT actor_id, any_value(alias) AS alias FROM hits GROUP BY actor_id)
        SELECT x.actor_id AS id, any_value(x.name) AS name, any_value(x.code) AS code,
               any_value(x.kind) AS kind, count(*) AS articles, any_value(p.alias) AS alias
        FROM actors x JOIN picked p USING (actor_id)
        GROUP BY x.actor_id ORDER BY articles DESC, name LIMIT ?""", [p] * 5 + [limit])
    rows = _rows(cur)
    for row in rows:  # say which written name matched only when it is not the actor's own name
        if row["alias"] and row["alias"].lower() == (row["name"] or "").lower():
            row["alias"] = None
    return rows
