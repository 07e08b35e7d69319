"""Seeded graph layouts shared by the interactive view and the static figures.

Every layout here is deterministic: the same graph (same nodes, same edges, in any order) gives
the same positions, so a figure can be reproduced and two loads of a page look the same.

- ``spring``: networkx's Fruchterman-Reingold, seeded; the default up to 400 nodes.
- ``kamada-kawai``: networkx's Kamada-Kawai (distances follow path lengths); small graphs.
- ``circular`` and ``shell`` (the most connected nodes in the inner ring).
- ``fast``: a force-directed layout fast enough for thousands of nodes (below), the default
  beyond 400 nodes. networkx's ``spring_layout`` computes repulsion between every pair of
  nodes: more than 30 s for 5,000 nodes. This is Fruchterman-Reingold with the grid idea of
  their paper: repulsion only between nodes closer than a cut-off radius, found with a k-d tree
  (scipy), plus a weak pull to the centre so that separate components stay in view. Vectorised
  with numpy: about a second for 5,000 nodes and 10,000 edges.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from builder.errors import QueryError

LAYOUTS = ("auto", "spring", "kamada-kawai", "circular", "shell", "fast")
LARGE = 400  # beyond this many nodes ``auto`` uses the fast layout


def _scatter(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum the rows of ``values`` into ``n`` rows by ``index`` (``np.add.at``, but fast)."""
    return np.stack([np.bincount(index, weights=values[:, 0], minlength=n), np.bincount(index, weights=values[:, 1], minlength=n)], axis=1)


def fast_layout(g: nx.Graph, iterations: int = 60, seed: int = 7, scale: float = 1.0) -> dict[object, tuple[float, float]]:
    """Positions of ``g``'s nodes in a square of side ``scale`` centred on 0."""
    from scipy.spatial import cKDTree

    nodes = list(g.nodes())
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    for step in range(iterations):
        # Scale-free: the ideal distance k follows the current spread, so a contracting layout
        # does not pile up neighbours inside the cut-off radius.
        spread = math.sqrt(max(np.ptp(pos[:, 0]) * np.ptp(pos[:, 1]), 1e-12))
        k = spread / math.sqrt(n)
        temperature = 0.1 * spread * (1.0 - step / iterations) + 0.002 * spread
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(2.0 * k, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01 * k)
            force = delta * (k * k / (dist * dist))[:, None]
            disp += _scatter(pairs[:, 0], force, n) - _scatter(pairs[:, 1], force, n)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.hypot(delta[:, 0], delta[:, 1])
            force = delta * (dist / k)[:, None]
            disp += _scatter(edges[:, 1], force, n) - _scatter(edges[:, 0], force, n)
        disp -= (pos - pos.mean(axis=0)) * (0.05 * k / spread)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-12)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
    pos -= np.median(pos, axis=0)
    # A few weakly tied nodes fly far out: clip them to the edge of the bulk so the view (which
    # fits all nodes) does not shrink the graph into a corner.
    extent = float(np.percentile(np.abs(pos), 99)) or 1.0
    pos = np.clip(pos, -1.1 * extent, 1.1 * extent)
    pos *= scale / (2.2 * extent)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def canonical(g: nx.Graph) -> nx.Graph:
    """An undirected simple copy of ``g`` with nodes and edges in sorted order, so that a layout
    does not depend on the order in which a store returned them."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes(), key=str))
    pairs = {tuple(sorted((u, v), key=str)) for u, v in g.edges() if u != v}
    simple.add_edges_from(sorted(pairs, key=lambda e: (str(e[0]), str(e[1]))))
    return simple


def _components_side_by_side(g: nx.Graph, place: object, seed: int) -> dict:
    """Lay each connected component out on its own (``place(component)`` gives unit-sized
    positions) and pack the components in rows, biggest first: separate groups neither overlap
    nor drift apart."""
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(g)), key=lambda c: (-len(c), str(c[0])))
    out: dict = {}
    x = y = row_height = 0.0
    row_width = math.sqrt(g.number_of_nodes()) * 1.3  # about the side of the packed square, in unit node spacings
    for part in parts:
        sub = g.subgraph(part)
        size = math.sqrt(len(part))  # side of the box a component takes, in node spacings
        pos = place(sub, seed) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + 1.0, 0.0
        for node, (px, py) in pos.items():
            out[node] = (x + (px - min(xs)) / span * size, y + (py - min(ys)) / span * size)
        x += size + 1.0
        row_height = max(row_height, size)
    return out


def _spring(g: nx.Graph, seed: int) -> dict:
    return nx.spring_layout(g, k=1.0 / math.sqrt(g.number_of_nodes()), iterations=100, seed=seed)


def _kamada(g: nx.Graph, seed: int) -> dict:
    return nx.kamada_kawai_layout(g, pos=nx.circular_layout(g))


def _shell(g: nx.Graph) -> dict:
    nodes = sorted(g.nodes(), key=lambda v: (-g.degree(v), str(v)))
    inner = max(1, len(nodes) // 6)
    return nx.shell_layout(g, nlist=[nodes[:inner], nodes[inner:]] if len(nodes) > inner else [nodes])


def separate_boxes(centres: np.ndarray, sizes: np.ndarray, iterations: int = 60, gap: float = 2.0) -> np.ndarray:
    """Move boxes (centre, width and height per row) apart until no two overlap, or
    ``iterations`` rounds have passed: each overlapping pair is pushed apart along the axis on
    which it overlaps least, half each way. Deterministic; O(n²) per round, for views of up to
    a few hundred nodes."""
    pos = centres.astype(float).copy()
    n = len(pos)
    if n < 2:
        return pos
    half = sizes / 2.0 + gap / 2.0
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]  # i - j
        overlap = half[:, None, :] + half[None, :, :] - np.abs(delta)
        np.fill_diagonal(overlap[:, :, 0], -1.0)
        hit = (overlap[:, :, 0] > 0) & (overlap[:, :, 1] > 0)
        if not hit.any():
            break
        axis = (overlap[:, :, 1] < overlap[:, :, 0]).astype(int)  # 0: push along x, 1: along y
        amount = np.where(hit, np.take_along_axis(overlap, axis[:, :, None], axis=2)[:, :, 0], 0.0) / 2.0
        direction = np.sign(np.take_along_axis(delta, axis[:, :, None], axis=2)[:, :, 0])
        # Coincident boxes: the one listed first goes up or left.
        direction = np.where(direction == 0, np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]), direction)
        push = amount * direction
        move = np.zeros_like(pos)
        move[:, 0] = np.where(axis == 0, push, 0.0).sum(axis=1)
        move[:, 1] = np.where(axis == 1, push, 0.0).sum(axis=1)
        pos += move
    return pos


def layout(g: nx.Graph, method: str = "auto", seed: int = 7) -> dict[object, tuple[float, float]]:
    """Positions of ``g``'s nodes, about one unit apart, for a layout name of :data:`LAYOUTS`.

    Args:
        g: any networkx graph (directions and parallel edges are ignored).
        method: ``auto`` takes ``spring`` up to :data:`LARGE` nodes and ``fast`` beyond.
        seed: the seed of the random start; the same seed gives the same positions.

    Returns:
        node -> (x, y); neighbours are about one unit apart.

    Raises:
        QueryError: for an unknown method (E040).
    """
    if method not in LAYOUTS:
        raise QueryError(f"unknown layout '{method}'.", f"Use one of: {', '.join(LAYOUTS)}.")
    simple = canonical(g)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if method in ("auto", "fast"):
        # More iterations for small graphs: they cost little and settle the layout.
        return fast_layout(simple, iterations=300 if n <= LARGE else 60, seed=seed, scale=1.2 * math.sqrt(n))
    if method == "circular":
        pos = nx.circular_layout(simple)
        return {v: (float(x) * n / (2 * math.pi), float(y) * n / (2 * math.pi)) for v, (x, y) in pos.items()}
    if method == "shell":
        pos = _shell(simple)
        return {v: (float(x) * n / (2 * math.pi), float(y) * n / (2 * math.pi)) for v, (x, y) in pos.items()}
    place = _spring if method == "spring" else _kamada
    pos = _components_side_by_side(simple, place, seed)
    return {v: (float(x), float(y)) for v, (x, y) in pos.items()}
