"""Who acts on whom, as a graph for Gephi, networkx, igraph or Cytoscape (GraphML or GEXF).

Nodes are actors by code (``RUSGOV``), with their name (the one most often given),
country, sector and event count; a directed edge runs from an event's actor to
its recipient, weighted by the number of events between them (event clusters:
one real-world event however often reported, as in the GDELT export), with the
mean score (cooperation +10 .. conflict -10), the most frequent PLOVER type and
the first and last date. Only events some report says happened (not negated,
hypothetical, conditional or future), and with ``since``/``until`` only those
dated in that range (their own date, else their article's publication day).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

READS = ("event_clusters",)

EDGES_SQL = """
SELECT actor_code, recipient_code, count(*) AS events, avg(score) AS mean_score,
       mode(type) AS type, min(event_date) AS first, max(event_date) AS last
FROM event_clusters
WHERE happened_mentions > 0 AND actor_code IS NOT NULL AND recipient_code IS NOT NULL
  AND actor_code <> recipient_code {range}
GROUP BY actor_code, recipient_code
ORDER BY events DESC, actor_code, recipient_code
"""
NODES_SQL = """
SELECT code, mode(name) AS name, mode(country) AS country, mode(sector) AS sector FROM (
    SELECT actor_code AS code, actor_name AS name, actor_country AS country, actor_sector AS sector
    FROM event_clusters WHERE happened_mentions > 0 {range}
    UNION ALL
    SELECT recipient_code, recipient_name, recipient_country, recipient_sector
    FROM event_clusters WHERE happened_mentions > 0 {range}
) WHERE code IS NOT NULL GROUP BY code
"""


def _range(since: date | None, until: date | None) -> tuple[str, list]:
    clause, params = "", []
    if since:
        clause += " AND event_date >= ?"
        params.append(since)
    if until:
        clause += " AND event_date <= ?"
        params.append(until)
    return clause, params


def build(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None):
    """The actor network as a ``networkx.DiGraph``."""
    import networkx as nx

    clause, params = _range(since, until)
    graph = nx.DiGraph(name="whodid actor network")
    edges = con.execute(EDGES_SQL.format(range=clause), params).fetchall()
    nodes = con.execute(NODES_SQL.format(range=clause), params * 2).fetchall()
    for code, name, country, sector in nodes:
        graph.add_node(code, label=name or code, country=country or "", sector=sector or "", events=0)
    for actor, recipient, events, mean_score, type_, first, last in edges:
        graph.add_edge(actor, recipient, weight=int(events), mean_score=round(float(mean_score), 3)
                       if mean_score is not None else 0.0, type=type_ or "",
                       first=first.isoformat() if first else "", last=last.isoformat() if last else "")
        for code in (actor, recipient):
            graph.nodes[code]["events"] += int(events)
    graph.remove_nodes_from([n for n, d in graph.degree() if d == 0])
    return graph


def _writer(fmt: str):
    def write(con: duckdb.DuckDBPyConnection, out: Path, since: date | None = None,
              until: date | None = None) -> dict[Path, int]:
        import networkx as nx

        graph = build(con, since, until)
        target, partial = out / f"actors.{fmt}", out / f".actors.{fmt}.partial"
        try:
            (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, partial)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)
        return {target: graph.number_of_edges()}

    return write


write_graphml = _writer("graphml")
write_gexf = _writer("gexf")
