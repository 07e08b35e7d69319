"""Static figures of a view selection (``armedkg view -o FILE.svg|png|pdf``), for papers.

matplotlib (Agg, no display) draws the same nodes and edges as the page, coloured by class
with a legend; labels are written for the best-connected nodes only, so that the figure stays
readable. In SVG the labels stay text (searchable, editable in Inkscape).
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from .view import PALETTE

MAX_LABELS = 40


def draw_figure(g: nx.MultiDiGraph, path: str | Path, title: str = "armedkg graph", seed: int = 7, layout: str = "auto") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    plt.rcParams["svg.fonttype"] = "none"
    simple = nx.Graph(g.to_undirected())
    n = max(simple.number_of_nodes(), 1)
    if n <= 500:
        positions = nx.spring_layout(simple, k=1.5 / math.sqrt(n), iterations=60, seed=seed)
    else:
        from .layout import fast_layout

        positions = fast_layout(simple, seed=seed)
    colours = {k.name: k.colour for k in PALETTE}
    degree = dict(simple.degree())
    size = 10 if n > 500 else 14
    fig, ax = plt.subplots(figsize=(size, size * 0.75), dpi=150)
    ax.set_axis_off()
    ax.set_title(title, fontsize=12)
    nx.draw_networkx_edges(simple, positions, ax=ax, width=0.5, alpha=0.35, edge_color="#777777")
    nodes = list(g.nodes())
    nx.draw_networkx_nodes(
        simple,
        positions,
        nodelist=nodes,
        ax=ax,
        node_color=[colours.get(g.nodes[v]["kind"], "#999999") for v in nodes],
        node_size=[20 + 25 * math.sqrt(degree.get(v, 0)) for v in nodes],
        linewidths=0.3,
        edgecolors="#333333",
    )
    top = sorted(nodes, key=lambda v: -degree.get(v, 0))[:MAX_LABELS]
    labels = {v: g.nodes[v]["label"] if len(g.nodes[v]["label"]) <= 32 else g.nodes[v]["label"][:30] + "…" for v in top}
    nx.draw_networkx_labels(simple, positions, labels=labels, ax=ax, font_size=7)
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    handles = [
        Line2D([0], [0], marker="o", linestyle="", markerfacecolor=k.colour, markeredgecolor="#333333", markersize=7, label=k.label)
        for k in PALETTE
        if k.name in kinds
    ]
    if handles:
        ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=True)
    fig.tight_layout()
    fig.savefig(str(path))
    plt.close(fig)
