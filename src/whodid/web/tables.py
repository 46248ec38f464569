"""Browsable tables of stored items (articles, quotes, places, checks, actors): filters on
columns, counts beside filter values (facets), sort and page, the same view as JSON or CSV.

Each table is a fixed SQL query (its ``base``) whose columns are declared below; a
request picks columns, operators and values only from these declarations, and every
value is a bound parameter. The events table has its own query (``queries.events``),
because an event's sentence, actors' names and reports are gathered per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from whodid.web import search
from whodid.web.answers import kept
from whodid.web.queries import Cursor, _rows

# how a filter value compares with a column
EXACT, PREFIX, CONTAINS, AT_LEAST = "exact", "prefix", "contains", "at_least"
FACET_VALUES = 12  # values listed per facet, the most frequent first
FIRST_ARTICLES = 5_000  # articles kept in publication order, for the pages of rows of the first articles
FIRST_ROWS = 10_000  # rows' keys kept in publication order, for the first pages of a table with row ids


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    filter: str | None = None  # EXACT, PREFIX, CONTAINS, AT_LEAST or None
    facet: bool = False
    num: bool = False
    hidden: bool = False  # in JSON and CSV, not as a column of the page
    link: str | None = None  # where a cell leads: a path with {column} fields, or "url:<column>"

    def href(self, row: dict[str, Any]) -> str | None:
        if not self.link:
            return None
        if self.link.startswith("url:"):
            url = row.get(self.link[4:])
            return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None
        values = {k: quote(str(v), safe="") for k, v in row.items() if v is not None}
        try:
            return self.link.format(**values)
        except KeyError:  # the row lacks what the link needs (an unattributed quote)
            return None


@dataclass(frozen=True)
class Table:
    name: str  # the URL segment: /quotes, /api/tables/quotes
    title: str
    base: str  # SELECT ... whose output columns are the Column keys
    columns: tuple[Column, ...]
    default_sort: str
    descending: bool = True
    tiebreak: str = ""  # columns appended to every ORDER BY, so pages never overlap
    words: str | None = None  # the column ``q`` searches by words, if any
    summarised: str | None = None  # the same columns from the summaries (store/summaries.py), when fresh
    # the rows counted by some of the columns, from the summaries: SELECT those columns and n (how many
    # rows have those values); a view filtering only these columns is counted from it
    groups: str | None = None
    group_columns: tuple[str, ...] = ()  # the columns ``groups`` has
    # the summaries' count of each article's rows (a column of article_counts), for a table listing
    # every row of an article with the article's publication date
    per_article: str | None = None
    # ``source`` restricted to some articles, each table in it read for those articles only (a
    # filter on the whole join is not pushed into its grouped parts, nor past a join to every
    # article): every ? is the list of their sha1s. For the pages of rows of a few articles.
    of_articles: str | None = None
    # ``base`` (or ``summarised``) without its costly columns (``heavy``), from the tables alone: for
    # picking a page, and counting a view, whose filters, sort and facets do not use them
    light: str | None = None
    heavy: tuple[str, ...] = ()
    # from the summaries, one row per row of the table with its keys and the columns in
    # ``pick_columns`` (the article's columns carried in): a page whose filters and sort use only
    # these columns picks its keys here, without joining every row to its article
    picks: str | None = None
    pick_columns: tuple[str, ...] = ()
    # ``source`` for some rows named by their row ids, the ``row_id`` ``picks`` has (each
    # ``?::BIGINT[]`` is their list) and their articles (each ``?::VARCHAR[]``: the sha1s)
    by_row_id: str | None = None
    # columns of a page that ``picks`` has: a page read by row id takes them from the rows it picked
    # (matched by row id and keys), and ``by_row_id`` gives each as NULL and its rows' ``row_id``;
    # reading them again from the keys summary by row id scanned every row group of it (the keys
    # summary is not in the table's order), 20-75 ms for a places page
    carried: tuple[str, ...] = ()

    def picked_from(self, cur: Cursor, view: View, sort: str) -> str | None:
        """``picks`` when ``view`` (sorted by ``sort``) can pick its keys there, else None."""
        if not (self.picks and not view.q and sort in self.pick_columns and search.summarised(cur)):
            return None
        if not all(k in self.pick_columns or not _filtered(self, view, k) for k in view.filters):
            return None
        return self.picks

    def source(self, cur: Cursor) -> str:
        return self.summarised if self.summarised and search.summarised(cur) else self.base

    def restricted(self, cur: Cursor, sha1s: list[str]) -> tuple[str, list[Any]] | None:
        """``of_articles`` for ``sha1s`` with its parameters, when it has the rows ``source`` has."""
        if self.of_articles is None or (self.summarised and not search.summarised(cur)):
            return None
        return self.of_articles, [sha1s] * self.of_articles.count("?")

    def indexed(self, cur: Cursor) -> bool:
        """The table reads the summaries (and its search their word index)."""
        return bool(self.summarised) and search.summarised(cur)

    def counted(self, cur: Cursor, view: View) -> tuple[str, str]:
        """The source to count ``view``'s rows in, and how a group of its rows is counted: the
        summaries' groups when they have every column the view filters, else the rows themselves."""
        if self.groups and not view.q and search.summarised(cur) and all(
                k in self.group_columns or not _filtered(self, view, k) for k in view.filters):
            return self.groups, "sum(t.n)"
        # else the keys summary, one narrow row per row, when it has every column the view filters
        # and every facet's (a places view by events: not the join grouping every event)
        if self.picks and not view.q and search.summarised(cur) and all(
                k in self.pick_columns or not _filtered(self, view, k) for k in view.filters) and all(
                c.key in self.pick_columns for c in self.columns if c.facet):
            return self.picks, "count(*)"
        return self.lightened(view) or self.source(cur), "count(*)"


    def lightened(self, view: View, sort: str | None = None) -> str | None:
        """``light`` when ``view`` (sorted by ``sort``; None: counted, so its facets too) uses none of
        the ``heavy`` columns, else None."""
        if not self.light or any(_filtered(self, view, k) for k in self.heavy):
            return None
        if sort is None:
            return None if any(c.facet and c.key in self.heavy for c in self.columns) else self.light
        return None if sort in self.heavy else self.light

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    @property
    def filters(self) -> list[Column]:
        return [c for c in self.columns if c.filter]


@dataclass
class View:
    """What a request asks of a table: filters by column key, sort, page."""

    filters: dict[str, str] = field(default_factory=dict)
    q: str | None = None
    sort: str | None = None
    descending: bool | None = None
    limit: int = 50
    offset: int = 0


    def key(self) -> tuple:
        return (tuple(sorted(self.filters.items())), self.q, self.sort, self.descending, self.limit, self.offset)

    def counts_key(self) -> tuple:
        """What the view's total and facets depend on."""
        return (tuple(sorted(self.filters.items())), self.q)


def _where(table: Table, view: View, skip: str | None = None, indexed: bool = False) -> tuple[str, list[Any]]:
    """The view's filters on ``t`` (``indexed``: the table reads the summaries, whose word index
    the search uses)."""
    clauses, params = ["TRUE"], []
    for key, value in view.filters.items():
        col = table.column(key)
        if col is None or not col.filter or key == skip or value in (None, ""):
            continue
        if col.filter == EXACT:
            clauses.append(f"CAST(t.{key} AS VARCHAR) = ?")
            params.append(value)
        elif col.filter == PREFIX:
            clauses.append(f"starts_with(upper(t.{key}), upper(?))")
            params.append(value)
        elif col.filter == CONTAINS:
            clauses.append(f"contains(lower(t.{key}), lower(?))")
            params.append(value)
        elif col.filter == AT_LEAST:
            clauses.append(f"t.{key} >= ?")
            params.append(float(value))
    if view.q and table.words:
        if indexed:  # the summaries' word index: the same rows, without reading every text
            clause, more = search.indexed_words_clause("t.sha1", f"t.{table.words}", view.q)
        else:
            clause, more = search.words_clause(f"t.{table.words}", view.q)
        clauses.append(clause)
        params += more
    return " AND ".join(clauses), params


def browse(cur: Cursor, table: Table, view: View) -> dict[str, Any]:
    """One page of ``table`` as ``view`` asks, with the total and the facets' counts; kept until the
    data changes (a table's first page is every visitor's first view). What it returns is shared:
    copy a row before changing it."""
    return kept(getattr(cur, "answers", None), ("table", table.name, view.key()),
                lambda: _browse(cur, table, view))


def _browse(cur: Cursor, table: Table, view: View) -> dict[str, Any]:
    base = table.source(cur)
    where, params = _where(table, view, indexed=table.indexed(cur))
    sort = view.sort if view.sort and table.column(view.sort) else table.default_sort
    descending = table.descending if view.descending is None else view.descending
    order = f"t.{sort} {'DESC' if descending else 'ASC'} NULLS LAST" + (f", {table.tiebreak}" if table.tiebreak else "")
    shown = ", ".join(f"t.{c.key}" for c in table.columns if c.key != table.words)
    # the count apart: a window count over the whole result would keep ORDER BY ... LIMIT from
    # running as a top-N
    keys = [k.strip().removeprefix("t.") for k in table.tiebreak.split(",") if k.strip()]
    if not keys:
        cur.execute(f"SELECT {shown} FROM ({base}) t WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                    params + [view.limit, view.offset])
        items = _rows(cur)
    else:
        # the page's keys first (the top-N reads three columns, not every text), then its rows
        first_rows = _first_rows(cur, table, view, sort, descending)
        first, skipped = (None, 0) if first_rows is not None else \
            _first_articles(cur, table, view, sort, descending) or (None, 0)
        source, more = base, []
        source = table.lightened(view, sort) or source
        picks = table.picked_from(cur, view, sort) if first is None else None
        # (the keys summary has each row's row id; the first articles' rows are read from them alone)
        by_row_id = bool(picks and table.by_row_id)
        if first is not None:
            source, more = table.restricted(cur, first) or (source, [])
            if not more:
                where, params = f"{where} AND t.article_sha1 IN {SOME}", params + [first]
        else:
            source = picks or source
        if first_rows is not None:  # the page's keys and row ids from the first rows kept
            picked, by_row_id = first_rows, True
        elif first is None and not by_row_id and (
                searched := _searched(cur, table, view, source, where, params, order, keys, sort)) is not None:
            picked = searched
        else:
            also = ", t.row_id" + "".join(f", t.{c}" for c in table.carried) if by_row_id else ""
            picked = cur.execute(f"SELECT {', '.join('t.' + k for k in keys)}{also} "
                                 f"FROM ({source}) t WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                                 more + params + [view.limit, view.offset - skipped]).fetchall()
        found = {}
        if by_row_id:  # the page's rows read by row id, each checked against its keys
            n = len(keys)
            row_ids = [p[n] for p in picked if p[n] is not None]
            # (the carried columns of each picked row, by its row id and keys)
            carried = {(p[n], tuple(p[:n])): p[n + 1:] for p in picked} if table.carried else {}
            picked = [tuple(p[:n]) for p in picked]
            if row_ids:
                cur.execute(f"SELECT {shown}, {', '.join(f't.{k} AS __key{i}' for i, k in enumerate(keys))}"
                            f"{', t.row_id AS __row' if table.carried else ''} FROM ({table.by_row_id}) t",
                            [row_ids if kind == "BIGINT" else sorted({p[0] for p in picked})
                             for kind in re.findall(r"\?::(BIGINT|VARCHAR)\[\]", table.by_row_id)])
                for row in _rows(cur):
                    key = tuple(row.pop(f"__key{i}") for i in range(len(keys)))
                    if table.carried:  # (a row whose row id and keys were not picked together is read by key)
                        values = carried.get((row.pop("__row"), key))
                        if values is None:
                            continue
                        row.update(zip(table.carried, values))
                    found[key] = row
        rest = [p for p in picked if p not in found]  # (rows moved since they were summarised: by key)
        if rest:
            chosen = sorted({p[0] for p in rest})
            source, more = (table.restricted(cur, chosen) if keys[0] == "article_sha1" else None) or (base, [])
            cur.execute(f"SELECT {shown}, {', '.join(f't.{k} AS __key{i}' for i, k in enumerate(keys))} "
                        f"FROM ({source}) t WHERE t.{keys[0]} IN (SELECT unnest(?))", more + [chosen])
            for row in _rows(cur):
                found[tuple(row.pop(f"__key{i}") for i in range(len(keys)))] = row
        items = [found[key] for key in picked]
    # (the total and facets depend on the filters alone: every page and sort of a view shares them,
    # kept until the data changes)
    total, counted = kept(getattr(cur, "answers", None), ("table counts", table.name, view.counts_key()),
                          lambda: _total_and_facets(cur, table, view))
    return {"total": total, "limit": view.limit, "offset": view.offset, "sort": sort,
            "order": "desc" if descending else "asc", "items": items, "facets": counted}


def _searched(cur: Cursor, table: Table, view: View, source: str, where: str, params: list[Any], order: str,
              keys: list[str], sort: str) -> list[tuple] | None:
    """A word search's page keys and its total and shared facets (kept as ``_total_and_facets``
    keeps them) in one statement, when its page is picked from the source it is counted in and its
    counts are not kept yet: the search's rows (the word index's intersection joined to every
    article) are found once, not once for the page and again for the counts. None: not so."""
    answers = getattr(cur, "answers", None)
    counts_key = ("table counts", table.name, view.counts_key())
    if not (view.q and table.words and table.indexed(cur) and len(keys) == 1) or \
            table.counted(cur, view) != (source, "count(*)") or (answers is not None and answers.known(counts_key)):
        return None
    shared = _shared_facets(table, view)
    wanted = list(dict.fromkeys([keys[0], sort, *shared]))
    columns = "".join(f'GROUPING(t.{k}) AS "g{i}", CAST(t.{k} AS VARCHAR) AS "v{i}", ' for i, k in enumerate(shared))
    sets = "".join(f"(t.{k}), " for k in shared) + "()"
    # (the page as one more row, flagged: a column of every row would be read once per row)
    nulls = ", NULL" * (2 * len(shared) + 1)
    rows = cur.execute(f"""WITH hits AS MATERIALIZED (SELECT {', '.join('t.' + k for k in wanted)} FROM ({source}) t
                                                      WHERE {where})
        SELECT FALSE AS __paged, NULL AS __page, {columns}count(*) AS n FROM hits t GROUP BY GROUPING SETS ({sets})
        UNION ALL
        SELECT TRUE, coalesce(list(t.{keys[0]} ORDER BY {order}), []){nulls}
        FROM (SELECT * FROM hits t ORDER BY {order} LIMIT ? OFFSET ?) t""", params + [view.limit, view.offset]).fetchall()
    counted = _counted([row[2:] for row in rows if not row[0]], shared)
    kept(answers, counts_key, lambda: (counted[0], facets(cur, table, view, counted[1])))
    return [(k,) for row in rows if row[0] for k in row[1]]


def _total_and_facets(cur: Cursor, table: Table, view: View) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    total, counted = _counts(cur, table, view)
    return total, facets(cur, table, view, counted)


def _first_rows(cur: Cursor, table: Table, view: View, sort: str, descending: bool) -> list[tuple] | None:
    """The page's keys and row ids, when the view is unfiltered and sorted by ``published`` and the
    table's keys summary has row ids (quotes, checks, places): the first FIRST_ROWS rows in that order
    are picked there once and kept (until the data changes), and a page within them is a slice. None:
    pick it otherwise. (The keys summary holds every row of the table, so an unfiltered page picked
    there otherwise, by ``picked_from``, is the same slice.)"""
    if not (table.picks and table.by_row_id and sort == "published" and not view.q
            and search.summarised(cur) and not any(_filtered(table, view, k) for k in view.filters)):
        return None
    keys = ", ".join(k.strip() for k in table.tiebreak.split(","))
    way = "DESC" if descending else "ASC"

    def pick() -> list[tuple]:
        # the FIRST_ROWS-th row's ``published`` first (a top-N on that column alone), then only the rows
        # at or before it in the order, sorted by every key: the same rows, without a top-N of all the
        # keys over every row (240-300 ms -> about 40 ms over the 4.3 million quote keys of 1M events).
        # When that row has no date (NULLS LAST: every row after it has none either), every row is read
        edge = cur.execute(f"SELECT t.published FROM ({table.picks}) t ORDER BY t.published {way} NULLS LAST "
                           "LIMIT 1 OFFSET ?", [FIRST_ROWS - 1]).fetchone()
        within, params = ("TRUE", []) if edge is None or edge[0] is None else \
            (f"t.published {'>=' if descending else '<='} ?", [edge[0]])
        also = "".join(f", t.{c}" for c in table.carried)
        return cur.execute(f"SELECT {keys}, t.row_id{also} FROM ({table.picks}) t WHERE {within} "
                           f"ORDER BY t.published {way} NULLS LAST, {keys} LIMIT ?", params + [FIRST_ROWS]).fetchall()

    rows = kept(getattr(cur, "answers", None), ("first rows", table.name, descending), pick)
    if view.offset + view.limit > len(rows) == FIRST_ROWS:  # (a kept list shorter holds every row)
        return None
    return rows[view.offset:view.offset + view.limit]


def _first_articles(cur: Cursor, table: Table, view: View, sort: str,
                    descending: bool) -> tuple[list[str], int] | None:
    """The articles the page's rows come from, when the table lists every row of its articles in
    their publication order (an unfiltered view sorted by ``published``): of the first articles in
    that order whose rows, counted in the summaries, reach the page's end, those whose rows reach
    past the page's start; and how many rows the articles before them have (the page's offset
    among these articles' rows is the view's less that). The page then sorts these few articles'
    rows, not every row of the table. None: any row can be on the page."""
    if not (table.per_article and sort == "published" and not view.q and search.summarised(cur)
            and not any(_filtered(table, view, k) for k in view.filters)):
        return None
    need = view.offset + view.limit

    def first(n: int) -> list[tuple[str, int]]:  # each has a row at least: need articles suffice
        return cur.execute(f"""SELECT a.sha1, n.{table.per_article} FROM articles a
                               JOIN article_counts n ON n.article_sha1 = a.sha1 WHERE n.{table.per_article} > 0
                               ORDER BY a.published {'DESC' if descending else 'ASC'} NULLS LAST, a.sha1
                               LIMIT ?""", [n]).fetchall()

    # the first FIRST_ARTICLES kept (until the data changes): every page within them reads no more
    rows = kept(getattr(cur, "answers", None), ("first articles", table.name, descending),
                lambda: first(FIRST_ARTICLES))
    if need > len(rows) == FIRST_ARTICLES:  # (a kept list shorter than that holds every article)
        rows = first(need)
    sha1s, seen, skipped = [], 0, 0
    for sha1, n in rows:
        if seen >= need:
            break
        if seen + n <= view.offset:  # every row of it is before the page
            skipped += n
        else:
            sha1s.append(sha1)
        seen += n
    return sha1s, skipped


def _counts(cur: Cursor, table: Table, view: View) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The view's total, and the facets whose column it does not filter, in one scan (GROUPING
    SETS): they count under the same filters as the total. (A filtered column's facet counts
    without its own filter: ``facets`` asks for it apart.)"""
    base, count = table.counted(cur, view)
    where, params = _where(table, view, indexed=table.indexed(cur))
    shared = _shared_facets(table, view)
    columns = "".join(f'GROUPING(t.{k}) AS "g{i}", CAST(t.{k} AS VARCHAR) AS "v{i}", ' for i, k in enumerate(shared))
    sets = "".join(f"(t.{k}), " for k in shared) + "()"
    cur.execute(f"SELECT {columns}{count} AS n FROM ({base}) t WHERE {where} GROUP BY GROUPING SETS ({sets})",
                params)
    return _counted(cur.fetchall(), shared)


def _shared_facets(table: Table, view: View) -> list[str]:
    """The facets ``_counts`` counts with the total: those whose column the view does not filter."""
    return [c.key for c in table.columns if c.facet and not _filtered(table, view, c.key)]


def _counted(rows: list[tuple], shared: list[str]) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """``_counts``'s rows (each facet's grouping flag and value, then the count) as the total and
    the shared facets' values."""
    total, counted = 0, {k: [] for k in shared}
    for row in rows:
        grouped = [i for i in range(len(shared)) if row[2 * i] == 0]
        if not grouped:
            total = int(row[-1] or 0)
        elif row[2 * grouped[0] + 1] is not None:
            counted[shared[grouped[0]]].append({"value": row[2 * grouped[0] + 1], "n": int(row[-1])})
    for values in counted.values():
        values.sort(key=lambda v: (-v["n"], v["value"]))
        del values[FACET_VALUES:]
    return total, counted


def _filtered(table: Table, view: View, key: str) -> bool:
    col = table.column(key)
    return bool(col and col.filter and view.filters.get(key) not in (None, ""))


def facets(cur: Cursor, table: Table, view: View,
           counted: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """For each facet column, its most frequent values under the other filters, with counts
    (those in ``counted`` already counted)."""
    out = {}
    for col in table.columns:
        if not col.facet:
            continue
        if counted is not None and col.key in counted:
            out[col.key] = counted[col.key]
            continue
        # a facet counts under every filter but its own, so its other values stay choosable
        where, params = _where(table, view, skip=col.key, indexed=table.indexed(cur))
        base, count = table.counted(cur, view)
        cur.execute(f"""SELECT CAST(t.{col.key} AS VARCHAR) AS value, CAST({count} AS BIGINT) AS n FROM ({base}) t
                        WHERE {where} AND t.{col.key} IS NOT NULL
                        GROUP BY 1 ORDER BY n DESC, value LIMIT {FACET_VALUES}""", params)
        out[col.key] = _rows(cur)
    return out


ARTICLES = Table(
    name="articles", title="Articles", words="words",
    base="""SELECT a.sha1, a.id, a.title, a.source, a.url, a.published, a.language, concat_ws(' ', a.title, a.text) AS words,
                   coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes, coalesce(ch.n, 0) AS checks
            FROM articles a
            LEFT JOIN (SELECT article_sha1, count(*) AS n FROM events GROUP BY 1) ev ON ev.article_sha1 = a.sha1
            LEFT JOIN (SELECT article_sha1, count(*) AS n FROM quotes GROUP BY 1) qu ON qu.article_sha1 = a.sha1
            LEFT JOIN (SELECT article_sha1, count(*) AS n FROM checks GROUP BY 1) ch ON ch.article_sha1 = a.sha1""",
    columns=(Column("title", "Title", CONTAINS, link="/articles/{sha1}"), Column("published", "Published", PREFIX),
             Column("source", "Source", EXACT, facet=True, link="url:url"), Column("language", "Language", EXACT, facet=True),
             Column("events", "Events", AT_LEAST, num=True), Column("quotes", "Quotes", AT_LEAST, num=True),
             Column("checks", "Checks", AT_LEAST, num=True), Column("id", "Id", EXACT),
             Column("sha1", "sha1", hidden=True), Column("url", "URL", hidden=True),
             Column("words", "words", hidden=True)),
    default_sort="published", tiebreak="t.sha1",
    summarised="""SELECT a.sha1, a.id, a.title, a.source, a.url, a.published, a.language,
                         concat_ws(' ', a.title, a.text) AS words, n.events, n.quotes, n.checks
                  FROM articles a JOIN article_counts n ON n.article_sha1 = a.sha1""",
    groups="SELECT source, language, n FROM article_groups", group_columns=("source", "language"),
    # (a search picks and counts its articles from the articles and the word index alone; the page's
    # rows then get their counts)
    light="""SELECT a.sha1, a.id, a.title, a.source, a.url, a.published, a.language,
                    concat_ws(' ', a.title, a.text) AS words FROM articles a""", heavy=("events", "quotes", "checks"))

SOME = "(SELECT unnest(?::VARCHAR[]))"  # some articles' sha1s, in a Table's of_articles
ROWS = "(SELECT unnest(?::BIGINT[]))"  # some rows' row ids, in a Table's by_row_id
QUOTES_SUMMARISED = """SELECT q.article_sha1, a.id AS article_id, a.title AS article_title, a.published, q.idx,
                              q.speaker, x.name AS speaker_name, x.code AS speaker_code, q.kind, q.cue, q.text
                       FROM {quotes} q JOIN {articles} a ON a.sha1 = q.article_sha1
                       LEFT JOIN actor_summary x ON x.actor_id = q.speaker"""

QUOTES = Table(
    name="quotes", title="Quotes",
    base="""SELECT q.article_sha1, a.id AS article_id, a.title AS article_title, a.published, q.idx,
                   q.speaker, x.name AS speaker_name, x.code AS speaker_code, q.kind, q.cue, q.text
            FROM quotes q JOIN articles a ON a.sha1 = q.article_sha1
            LEFT JOIN actors x ON x.article_sha1 = q.article_sha1 AND x.actor_id = q.speaker""",
    columns=(Column("text", "Quote", CONTAINS), Column("speaker_name", "Speaker", CONTAINS, facet=True, link="/actors/{speaker}"),
             Column("speaker_code", "Code", PREFIX, facet=True), Column("kind", "Kind", EXACT, facet=True),
             Column("cue", "Cue", EXACT, facet=True), Column("published", "Published", PREFIX),
             Column("article_title", "Article", CONTAINS, link="/articles/{article_sha1}"),
             Column("article_sha1", "article_sha1", hidden=True), Column("article_id", "article_id", hidden=True),
             Column("idx", "idx", hidden=True), Column("speaker", "speaker id", EXACT, hidden=True)),
    default_sort="published", tiebreak="t.article_sha1, t.idx",
    # the speaker's name and code as the actors table lists them (one row per actor), not joined
    # from every article's actors
    summarised=QUOTES_SUMMARISED.format(quotes="quotes", articles="articles"),
    of_articles=QUOTES_SUMMARISED.format(quotes=f"(SELECT * FROM quotes WHERE article_sha1 IN {SOME})",
                                         articles=f"(SELECT * FROM articles WHERE sha1 IN {SOME})"),
    groups="""SELECT g.speaker AS speaker, x.name AS speaker_name, x.code AS speaker_code, g.kind AS kind,
                     g.cue AS cue, g.n FROM quote_groups g LEFT JOIN actor_summary x ON x.actor_id = g.speaker""",
    group_columns=("speaker", "speaker_name", "speaker_code", "kind", "cue"), per_article="quotes",
    picks="""SELECT k.article_sha1, k.idx, k.published, k.speaker, x.name AS speaker_name, x.code AS speaker_code,
                    k.kind, k.cue, k.row_id FROM quote_keys k LEFT JOIN actor_summary x ON x.actor_id = k.speaker""",
    by_row_id=QUOTES_SUMMARISED.format(quotes=f"(SELECT * FROM quotes WHERE rowid IN {ROWS})",
                                       articles=f"(SELECT * FROM articles WHERE sha1 IN {SOME})"),
    pick_columns=("article_sha1", "idx", "published", "speaker", "speaker_name", "speaker_code", "kind", "cue"))

PLACES_SQL = """SELECT p.article_sha1, a.id AS article_id, a.title AS article_title, a.published, p.idx, p.name,
                       p.country, p.admin1, p.feature, p.geonames_id, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon,
                       coalesce(ev.n, 0) AS events
                FROM {places} p JOIN {articles} a ON a.sha1 = p.article_sha1
                LEFT JOIN (SELECT article_sha1, place, count(*) AS n FROM {events} WHERE place IS NOT NULL
                           GROUP BY ALL) ev
                    ON ev.article_sha1 = p.article_sha1 AND ev.place = p.name"""

PLACES = Table(
    name="places", title="Places",
    base=PLACES_SQL.format(places="places", articles="articles", events="events"),
    light="""SELECT p.article_sha1, a.id AS article_id, a.title AS article_title, a.published, p.idx, p.name,
                    p.country, p.admin1, p.feature, p.geonames_id, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon
             FROM places p JOIN articles a ON a.sha1 = p.article_sha1""", heavy=("events",),
    of_articles=PLACES_SQL.format(places=f"(SELECT * FROM places WHERE article_sha1 IN {SOME})",
                                  articles=f"(SELECT * FROM articles WHERE sha1 IN {SOME})",
                                  events=f"(SELECT * FROM events WHERE article_sha1 IN {SOME})"),
    columns=(Column("name", "Place", CONTAINS, facet=True), Column("country", "Country", EXACT, facet=True),
             Column("admin1", "Region", EXACT), Column("feature", "Feature", EXACT, facet=True),
             Column("lat", "Lat.", num=True), Column("lon", "Lon.", num=True),
             Column("events", "Events", AT_LEAST, num=True), Column("published", "Published", PREFIX),
             Column("article_title", "Article", CONTAINS, link="/articles/{article_sha1}"),
             Column("article_sha1", "article_sha1", hidden=True), Column("article_id", "article_id", hidden=True),
             Column("idx", "idx", hidden=True), Column("geonames_id", "GeoNames id", EXACT, hidden=True)),
    default_sort="published", tiebreak="t.article_sha1, t.idx",
    groups="SELECT name, country, admin1, feature, geonames_id, n FROM place_groups",
    group_columns=("name", "country", "admin1", "feature", "geonames_id"),
    # (each place's events counted at ingest, so a page sorted or filtered by events picks here too)
    picks="SELECT article_sha1, idx, published, name, country, admin1, feature, geonames_id, events, row_id "
          "FROM place_keys",
    # (the page's events counted at ingest, in place_keys: carried from the rows picked there)
    by_row_id=f"""SELECT p.article_sha1, a.id AS article_id, a.title AS article_title, a.published, p.idx, p.name,
                        p.country, p.admin1, p.feature, p.geonames_id, round(p.lat, 4) AS lat, round(p.lon, 4) AS lon,
                        NULL::BIGINT AS events, p.row_id
                 FROM (SELECT rowid AS row_id, * FROM places WHERE rowid IN {ROWS}) p
                 JOIN (SELECT * FROM articles WHERE sha1 IN {SOME}) a ON a.sha1 = p.article_sha1""",
    carried=("events",),
    pick_columns=("article_sha1", "idx", "published", "name", "country", "admin1", "feature", "geonames_id",
                  "events"))

CHECKS_SQL = """SELECT c.article_sha1, a.id AS article_id, a.title AS article_title, a.published, c.idx,
                       c.kind, c.severity, c.message
                FROM {checks} c JOIN {articles} a ON a.sha1 = c.article_sha1"""

CHECKS = Table(
    name="checks", title="Checks",
    base=CHECKS_SQL.format(checks="checks", articles="articles"),
    of_articles=CHECKS_SQL.format(checks=f"(SELECT * FROM checks WHERE article_sha1 IN {SOME})",
                                  articles=f"(SELECT * FROM articles WHERE sha1 IN {SOME})"),
    columns=(Column("severity", "Severity", EXACT, facet=True), Column("kind", "Kind", EXACT, facet=True),
             Column("message", "Message", CONTAINS), Column("published", "Published", PREFIX),
             Column("article_title", "Article", CONTAINS, link="/articles/{article_sha1}"),
             Column("article_sha1", "article_sha1", hidden=True), Column("article_id", "article_id", hidden=True),
             Column("idx", "idx", hidden=True)),
    default_sort="published", tiebreak="t.article_sha1, t.idx",
    groups="SELECT severity, kind, n FROM check_groups", group_columns=("severity", "kind"),
    picks="SELECT article_sha1, idx, published, severity, kind, row_id FROM check_keys",
    by_row_id=CHECKS_SQL.format(checks=f"(SELECT * FROM checks WHERE rowid IN {ROWS})",
                                articles=f"(SELECT * FROM articles WHERE sha1 IN {SOME})"),
    pick_columns=("article_sha1", "idx", "published", "severity", "kind"))

# one row per actor id over all articles; its names are every form the texts used for it
ACTORS = Table(
    name="actors", title="Actors",
    base="""WITH counts AS (
                SELECT actor_id, min(name) AS name, min(kind) AS kind, min(code) AS code,
                       min(country) AS country, min(sector) AS sector,
                       string_agg(DISTINCT role, '; ') AS roles, count(*) AS articles
                FROM actors GROUP BY actor_id),
            ev AS (SELECT actor_id, count(*) AS n FROM (
                       SELECT unnest(list_distinct(list_concat(actor, recipient))) AS actor_id FROM events)
                   GROUP BY actor_id),
            qu AS (SELECT speaker AS actor_id, count(*) AS n FROM quotes GROUP BY speaker)
            SELECT c.*, coalesce(ev.n, 0) AS events, coalesce(qu.n, 0) AS quotes
            FROM counts c LEFT JOIN ev USING (actor_id) LEFT JOIN qu USING (actor_id)""",
    columns=(Column("name", "Actor", CONTAINS, link="/actors/{actor_id}"), Column("code", "Code", PREFIX, facet=True),
             Column("kind", "Kind", EXACT, facet=True), Column("country", "Country", EXACT, facet=True),
             Column("sector", "Sector", EXACT, facet=True), Column("roles", "Roles", CONTAINS),
             Column("articles", "Articles", AT_LEAST, num=True), Column("events", "Events", AT_LEAST, num=True),
             Column("quotes", "Quotes", AT_LEAST, num=True), Column("actor_id", "Id", EXACT, hidden=True)),
    default_sort="articles", tiebreak="t.actor_id",
    summarised="""SELECT s.actor_id, s.name, s.kind, s.code, s.country, s.sector, r.roles, s.articles, s.events,
                         s.quotes
                  FROM actor_summary s
                  LEFT JOIN (SELECT actor_id, string_agg(role, '; ' ORDER BY role) AS roles FROM actor_roles
                             GROUP BY actor_id) r USING (actor_id)
                  WHERE s.articles > 0""")

TABLES = {t.name: t for t in (ARTICLES, QUOTES, PLACES, CHECKS, ACTORS)}
