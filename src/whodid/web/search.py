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
from bisect import bisect_left
from typing import Any

import duckdb

from whodid.store import summaries
from whodid.web.answers import kept

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


# the same from the summaries (store/summaries.py): each actor's distinct names, codes and countries,
# and the names the texts used, instead of every article's actors and mentions
SUMMARISED_ACTOR_IDS = """(SELECT coalesce(list(DISTINCT x.actor_id), []::VARCHAR[]) FROM actor_forms x WHERE
    x.actor_id = ? OR upper(x.code) = upper(?) OR upper(x.country) = upper(?) OR lower(x.name) = lower(?)
    OR (x.kind = 'person' AND ends_with(lower(x.name), ' ' || lower(?)))
    OR x.actor_id IN (SELECT actor_id FROM actor_aliases WHERE lower(text) = lower(?))
    OR x.country IN (SELECT y.country FROM actor_forms y WHERE y.kind = 'country' AND (lower(y.name) = lower(?)
        OR y.actor_id IN (SELECT actor_id FROM actor_aliases WHERE how = 'name' AND lower(text) = lower(?)))))"""


def summarised(cur: Cursor) -> bool:
    """The database's summaries hold every stored article (checked once per write state)."""
    return kept(getattr(cur, "answers", None), "summarised", lambda: summaries.fresh(cur))


def actor_ids(query: str) -> tuple[str, list[str]]:
    """SQL for the list of actor ids ``query`` names, and its parameters."""
    return ACTOR_IDS, [query.strip()] * ACTOR_IDS_PARAMS


def resolve_actor(cur: Cursor, query: str) -> list[str]:
    """The ids of the stored actors ``query`` names, sorted (kept until the data changes)."""
    def resolve() -> list[str]:
        if summarised(cur) and (index := actor_index(cur)) is not None:  # (SUMMARISED_ACTOR_IDS, looked up)
            return index.named(cur, query.strip())
        sql = SUMMARISED_ACTOR_IDS if summarised(cur) else ACTOR_IDS
        return sorted(cur.execute(f"SELECT {sql}", [query.strip()] * ACTOR_IDS_PARAMS).fetchone()[0] or [])

    return kept(getattr(cur, "answers", None), ("actor ids", query.strip()), resolve)


def coded_ids(cur: Cursor, prefix: str) -> list[str]:
    """The ids of the stored actors whose CAMEO-style code begins with ``prefix`` (kept)."""
    def resolve() -> list[str]:
        if summarised(cur) and (index := actor_index(cur)) is not None:
            return index.coded(cur, prefix.strip())
        table = "actor_forms" if summarised(cur) else "actors"
        return sorted(cur.execute(f"SELECT coalesce(list(DISTINCT actor_id), []::VARCHAR[]) FROM {table} "
                                  "WHERE starts_with(upper(code), upper(?))", [prefix.strip()]).fetchone()[0])

    return kept(getattr(cur, "answers", None), ("coded ids", prefix.strip().upper()), resolve)


KEPT_FORMS = 500_000  # at most this many actor forms and aliases kept in an ActorIndex


def actor_index(cur: Cursor) -> ActorIndex | None:
    """The summaries' actor forms and aliases as an ``ActorIndex`` (kept until the data changes);
    None when they have more than KEPT_FORMS rows (then each query is a statement)."""
    def make() -> ActorIndex | None:
        rows = cur.execute("SELECT (SELECT count(*) FROM actor_forms) + (SELECT count(*) FROM actor_aliases)")
        return ActorIndex(cur) if rows.fetchone()[0] <= KEPT_FORMS else None

    return kept(getattr(cur, "answers", None), "actor index", make)


class ActorIndex:
    """``actor_forms`` and ``actor_aliases`` (store/summaries.py) read once into dictionaries, their
    names lowered and codes and countries uppered by DuckDB, so that an actor query or a code prefix
    resolves to the ids ``SUMMARISED_ACTOR_IDS`` (or ``starts_with(upper(code), upper(?))``) gives by
    lookups, not by a statement of eight conditions over both tables (4-6 ms each at a million
    events). A query is lowered and uppered as DuckDB does it: by Python when it is ASCII (the same),
    else by DuckDB. Kept and shared between requests: never changed once made."""

    def __init__(self, cur: Cursor):
        forms = cur.execute("SELECT actor_id, upper(code), upper(country), lower(name), kind, country "
                            "FROM actor_forms WHERE actor_id IS NOT NULL").fetchall()
        aliases = cur.execute("SELECT actor_id, lower(text), how FROM actor_aliases "
                              "WHERE actor_id IS NOT NULL AND text IS NOT NULL").fetchall()
        self.ids = {f[0] for f in forms}
        self.by_code: dict[str, set[str]] = {}
        self.by_country: dict[str, set[str]] = {}  # upper(country)
        self.by_name: dict[str, set[str]] = {}  # lower(name)
        self.by_surname: dict[str, set[str]] = {}  # a person's lower(name) after each of its spaces
        self.of_country: dict[str, set[str]] = {}  # country as stored
        self.country_names: dict[str, set[str]] = {}  # a country's lower(name): its countries as stored
        self.country_ids: dict[str, set[str]] = {}  # a country actor's id: its countries as stored
        for actor_id, code, country, name, kind, stored_country in forms:
            for table, value in ((self.by_code, code), (self.by_country, country), (self.by_name, name)):
                if value is not None:
                    table.setdefault(value, set()).add(actor_id)
            if kind == "person" and name is not None:
                for i, ch in enumerate(name):
                    if ch == " ":
                        self.by_surname.setdefault(name[i + 1:], set()).add(actor_id)
            if stored_country is not None:
                self.of_country.setdefault(stored_country, set()).add(actor_id)
                if kind == "country":
                    if name is not None:
                        self.country_names.setdefault(name, set()).add(stored_country)
                    self.country_ids.setdefault(actor_id, set()).add(stored_country)
        self.by_alias: dict[str, set[str]] = {}  # lower(text), any how
        self.by_name_alias: dict[str, set[str]] = {}  # lower(text), how = 'name'
        for actor_id, text, how in aliases:
            self.by_alias.setdefault(text, set()).add(actor_id)
            if how == "name":
                self.by_name_alias.setdefault(text, set()).add(actor_id)
        self.codes = sorted((code, actor_id) for actor_id, code, *_ in forms if code is not None)

    @staticmethod
    def _cased(cur: Cursor, query: str) -> tuple[str, str]:
        """``lower(query)`` and ``upper(query)`` as DuckDB gives them."""
        if query.isascii():
            return query.lower(), query.upper()
        return tuple(cur.execute("SELECT lower(?), upper(?)", [query, query]).fetchone())

    def named(self, cur: Cursor, query: str) -> list[str]:
        """The ids ``SUMMARISED_ACTOR_IDS`` gives for ``query``, sorted."""
        low, up = self._cased(cur, query)
        found = set()
        if query in self.ids:
            found.add(query)
        for table, value in ((self.by_code, up), (self.by_country, up), (self.by_name, low),
                             (self.by_surname, low), (self.by_alias, low)):
            found |= table.get(value, set())
        countries = set(self.country_names.get(low, ()))
        for actor_id in self.by_name_alias.get(low, ()):
            countries |= self.country_ids.get(actor_id, set())
        for country in countries:
            found |= self.of_country.get(country, set())
        return sorted(found & self.ids)

    def coded(self, cur: Cursor, prefix: str) -> list[str]:
        """The ids whose code (uppered) begins with ``prefix`` (uppered), sorted."""
        _, up = self._cased(cur, prefix)
        start = bisect_left(self.codes, (up,))
        found = set()
        for code, actor_id in self.codes[start:]:
            if not code.startswith(up):
                break
            found.add(actor_id)
        return sorted(found)


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


ASCII_WORD = re.compile(r"[0-9A-Za-z_]+")


def indexed_words_clause(sha1_column: str, text_column: str, query: str) -> tuple[str, list[Any]]:
    """``words_clause`` through the summaries' word index (store/summaries.py ``article_words``):
    the same articles, found without reading their texts. A query word is a run of ASCII letters,
    digits and _ (what the regular expression's \\w is); each run of a query word must be a word of
    the article (its last, a word's beginning, for ``word*``); a word with other characters in it
    (``Zelenskyy's``) is also matched with the regular expression, on the articles the index leaves."""
    words = WORD.findall(query)[:10]
    if not words:
        return "TRUE", []
    index, params, exact = [], [], []
    for word in words:
        stem = word.rstrip("*")
        runs = ASCII_WORD.findall(stem)
        prefix = word.endswith("*") and bool(runs) and stem.endswith(runs[-1])
        for i, run in enumerate(runs):
            if prefix and i == len(runs) - 1:
                index.append("SELECT article_sha1 FROM article_words WHERE starts_with(word, ?)")
            else:
                index.append("SELECT article_sha1 FROM article_words WHERE word = ?")
            params.append(run.lower())
        if not runs or ASCII_WORD.fullmatch(stem) is None:
            exact.append(word)
    clauses = [f"{sha1_column} IN ({' INTERSECT '.join(index)})"] if index else []
    if exact:
        clause, more = words_clause(text_column, " ".join(exact))
        clauses.append(clause)
        params += more
    return " AND ".join(clauses), params


def suggest_actors(cur: Cursor, prefix: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors whose name, code, or a name the texts used for them begins with ``prefix`` (or
    whose name has a word beginning so), the most written-about first: for autocomplete. Kept
    until the data changes (shared: copy to change)."""
    return kept(getattr(cur, "answers", None), ("suggest", prefix.strip().lower(), limit),
                lambda: _suggest_actors(cur, prefix, limit))


def _suggest_actors(cur: Cursor, prefix: str, limit: int) -> list[dict[str, Any]]:
    p = prefix.strip().lower()
    if not p:
        return []
    if summarised(cur):
        cur.execute("""
            WITH hits AS (
                SELECT actor_id, NULL AS alias FROM actor_forms
                WHERE starts_with(lower(name), ?) OR contains(lower(name), ' ' || ?) OR starts_with(lower(code), ?)
                UNION ALL
                SELECT actor_id, text AS alias FROM actor_aliases
                WHERE starts_with(lower(text), ?) OR contains(lower(text), ' ' || ?)),
            picked AS (SELECT actor_id, first(alias ORDER BY length(alias), alias) FILTER (WHERE alias IS NOT NULL) AS alias
                   FROM hits GROUP BY actor_id)
            SELECT x.actor_id AS id, x.name, x.code, x.kind, x.articles, p.alias
            FROM actor_summary x JOIN picked p USING (actor_id) WHERE x.articles > 0
            ORDER BY articles DESC, name, id LIMIT ?""", [p] * 5 + [limit])
    else:
        cur.execute(f"""
        WITH hits AS (
            SELECT actor_id, NULL AS alias FROM actors
            WHERE starts_with(lower(name), ?) OR contains(lower(name), ' ' || ?) OR starts_with(lower(code), ?)
            UNION ALL
            SELECT actor_id, text AS alias FROM mentions
            WHERE how IN {NAME_MENTIONS} AND (starts_with(lower(text), ?) OR contains(lower(text), ' ' || ?))),
        picked AS (SELECT actor_id, first(alias ORDER BY length(alias), alias) FILTER (WHERE alias IS NOT NULL) AS alias
                   FROM hits GROUP BY actor_id)
        SELECT x.actor_id AS id, min(x.name) AS name, min(x.code) AS code,
               min(x.kind) AS kind, count(*) AS articles, min(p.alias) AS alias
        FROM actors x JOIN picked p USING (actor_id)
        GROUP BY x.actor_id ORDER BY articles DESC, name, id LIMIT ?""", [p] * 5 + [limit])
    rows = _rows(cur)
    for row in rows:  # say which written name matched only when it is not the actor's own name
        if row["alias"] and row["alias"].lower() == (row["name"] or "").lower():
            row["alias"] = None
    return rows
