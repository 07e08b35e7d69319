"""A reproducible synthetic view graph (for the 5,000-node browser test and ``make bench``)."""

from __future__ import annotations

import random

import networkx as nx

from queries.view import PALETTE


def synthetic_view_graph(n: int = 5000, edges_per_node: int = 2, seed: int = 3) -> nx.MultiDiGraph:
    """``n`` nodes of every class and about ``edges_per_node * n`` edges, mostly to older nodes
    (a few hubs, as in real corpora where a handful of actors and places recur)."""
    rnd = random.Random(seed)
    kinds = [k.name for k in PALETTE]
    g = nx.MultiDiGraph()
    for i in range(n):
        kind = rnd.choice(kinds)
        g.add_node(
            f"n{i}",
            label=f"{kind} {i}",
            kind=kind,
            classes=[kind],
            sentence=f"A sentence that mentions {kind} {i}.",
            doc=f"doc-{i % 300}",
            aliases="",
            date=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}" if kind == "Event" else "",
        )
    for i in range(1, n):
        for _ in range(edges_per_node):
            j = rnd.randrange(0, i) if rnd.random() < 0.8 else rnd.randrange(0, n)
            g.add_edge(f"n{i}", f"n{j}", label="part of", status="current", sentence="s", doc="d", source="")
    return g
