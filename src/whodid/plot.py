"""Static pictures for reports (``whodid plot``): a pair of actors over time, and the actor network.

The pair timeline is the web app's ``/pair`` page on paper (the same query,
``web.queries.pair``): events between two actors either way round per day, week
or month, cooperation above the line and conflict below, with the mean score.
The network is the graph ``whodid export --format graphml`` writes
(``export.graph``): edge width by event count, colour by mean score. PNG, SVG or
PDF, chosen by the file's suffix. Needs matplotlib (``pip install "whodid[plot]"``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

FORMATS = (".png", ".svg", ".pdf")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed
    import matplotlib.pyplot as plt

    return plt


def _check_target(out: Path) -> None:
    if out.suffix.lower() not in FORMATS:
        raise ValueError(f"{out}: choose a .png, .svg or .pdf file")


def pair_timeline(con, a: str, b: str, out: Path, bucket: str = "month", since: date | None = None,
                  until: date | None = None) -> int:
    """Draw the events between ``a`` and ``b`` into ``out``; returns how many events it shows."""
    from whodid.web import queries

    _check_target(out)
    found = queries.pair(con, a, b, bucket, since.isoformat() if since else None,
                         until.isoformat() if until else None)
    periods = found["periods"]
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 4), dpi=120)
    days = [date.fromisoformat(p["period"]) for p in periods]
    width = {"day": 0.8, "week": 5, "month": 25}[bucket]
    ax.bar(days, [p["cooperation"] for p in periods], width=width, color="#2c7fb8", label="cooperation")
    ax.bar(days, [-p["conflict"] for p in periods], width=width, color="#d95f0e", label="conflict")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel(f"events per {bucket}")
    ax.set_title(f"{a} and {b}: {found['events']} events")
    if periods:
        score = ax.twinx()
        score.plot(days, [p["mean_score"] for p in periods], color="#444444", marker="o", linewidth=1,
                   label="mean score")
        score.set_ylim(-10, 10)
        score.set_ylabel("mean score (conflict -10 .. +10 cooperation)")
    else:
        ax.text(0.5, 0.5, "no events between them", transform=ax.transAxes, ha="center", va="center")
    ax.legend(loc="upper left", frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    _save(fig, out, plt)
    return found["events"]


def network_picture(con, out: Path, since: date | None = None, until: date | None = None, top: int = 40) -> int:
    """Draw the ``top`` strongest edges of the actor network into ``out``; returns how many edges it shows."""
    import networkx as nx

    from whodid.export.graph import build

    _check_target(out)
    graph = build(con, since, until)
    strongest = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))[:top]
    shown = nx.DiGraph()
    shown.add_edges_from((u, v, d) for u, v, d in strongest)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 7), dpi=120)
    if shown.number_of_edges():
        # actors on a circle, grouped by connected component, busiest first: no two overlap however
        # the network is shaped (a force layout piles the busiest actors on top of each other)
        undirected = shown.to_undirected()
        order = [n for part in sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c)))
                 for n in sorted(part, key=lambda n: (-undirected.degree(n), n))]
        layout = nx.circular_layout(order)
        weights = [d["weight"] for _, _, d in shown.edges(data=True)]
        nx.draw_networkx_edges(
            shown, layout, ax=ax, width=[1 + 3 * w / max(weights) for w in weights],
            edge_color=[d["mean_score"] for _, _, d in shown.edges(data=True)], edge_cmap=plt.get_cmap("RdBu"),
            edge_vmin=-10, edge_vmax=10, arrowsize=12, connectionstyle="arc3,rad=0.08")
        nx.draw_networkx_nodes(shown, layout, ax=ax, node_size=300, node_color="#dddddd", edgecolors="#666666")
        nx.draw_networkx_labels(shown, layout, ax=ax, font_size=8)
        fig.colorbar(plt.cm.ScalarMappable(cmap="RdBu", norm=plt.Normalize(-10, 10)), ax=ax,
                     label="mean score (conflict -10 .. +10 cooperation)", shrink=0.6)
    else:
        ax.text(0.5, 0.5, "no events between two coded actors", transform=ax.transAxes, ha="center")
    ax.set_title(f"who acts on whom: {shown.number_of_edges()} strongest of {graph.number_of_edges()} pairs")
    ax.axis("off")
    fig.tight_layout()
    _save(fig, out, plt)
    return shown.number_of_edges()


def _save(fig, out: Path, plt) -> None:
    partial = out.with_name(f".{out.stem}.partial{out.suffix}")
    try:
        fig.savefig(partial, format=out.suffix.lower().lstrip("."))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        plt.close(fig)
    partial.replace(out)
