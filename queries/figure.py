"""Static figures of a view selection (``armedkg view -o FILE.svg|png|pdf``), for papers.

matplotlib (Agg, no display) draws the same nodes and edges as the page, in the same colours and
shapes, with:

- every node labelled with its whole name, beside its marker, never on top of another label or
  marker (labels are placed one by one, the best connected first, at the first free spot around
  the node; a figure too crowded for that is drawn larger);
- every edge labelled with its relation, with an arrow from subject to object (alliances, which
  are symmetric, without one), dashed when former or alleged; parallel edges curve apart;
- a legend of the classes beside the drawing;
- a layout chosen for the size of the figure: Kamada-Kawai (path lengths become distances) up to
  60 nodes, the fast force layout beyond; ``--layout`` picks another. The figure grows with the
  number of nodes.

In SVG the labels stay text (searchable, editable in Inkscape) and each element has an id:
``node-label-N``, ``edge-label-N``, ``arrow-N`` (a directed edge) or ``edge-N`` (an undirected one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np

from .layout import layout as compute_layout
from .view import KINDS, PALETTE, SYMMETRIC

MARKERS = {"dot": "o", "star": "*", "triangleDown": "v", "triangle": "^", "square": "s", "diamond": "D", "hexagon": "h"}
NODE_FONT = 8.0  # points
EDGE_FONT = 6.0
SMALL = 60  # up to this many nodes the figure's automatic layout is Kamada-Kawai


@dataclass
class Box:
    """An axis-aligned box in display units (pixels of the figure)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box", pad: float = 1.0) -> bool:
        return self.x0 < other.x1 + pad and other.x0 < self.x1 + pad and self.y0 < other.y1 + pad and other.y0 < self.y1 + pad


def figure_size(n: int) -> tuple[float, float]:
    """Width and height in inches for ``n`` nodes: 9 x 6.75 up to about 12 nodes, then growing
    with the square root of the count (at most 40 inches wide)."""
    width = min(40.0, max(9.0, 2.6 * math.sqrt(max(n, 1))))
    return width, width * 0.75


def figure_layout(g: nx.MultiDiGraph, method: str, seed: int, aspect: float) -> dict:
    """Positions for the figure, stretched to its aspect ratio."""
    if method == "auto":
        method = "kamada-kawai" if g.number_of_nodes() <= SMALL else "fast"
    pos = compute_layout(g, method, seed)
    stretch = math.sqrt(aspect)
    return {n: (x * stretch, -y / stretch) for n, (x, y) in pos.items()}  # screen y goes down in the page


def _radius_pt(degree: int) -> float:
    return 4.0 + 1.6 * math.sqrt(degree)


def _draw_nodes(ax: object, g: nx.MultiDiGraph, pos: dict, degree: dict) -> None:
    for kind in PALETTE:
        members = [v for v in g.nodes() if g.nodes[v]["kind"] == kind.name or (kind.name == "Actor" and g.nodes[v]["kind"] not in KINDS)]
        if not members:
            continue
        xy = np.array([pos[v] for v in members])
        sizes = [(2 * _radius_pt(degree[v])) ** 2 for v in members]
        ax.scatter(xy[:, 0], xy[:, 1], s=sizes, marker=MARKERS[kind.shape], c=kind.colour, edgecolors="#333333", linewidths=0.5, zorder=3, gid=f"nodes-{kind.name}")


def _curve_point(p: np.ndarray, q: np.ndarray, rad: float, t: float) -> np.ndarray:
    """A point of matplotlib's ``arc3`` curve from p to q (a quadratic Bezier) at parameter t."""
    mid = (p + q) / 2
    control = mid + rad * np.array([q[1] - p[1], -(q[0] - p[0])])
    return (1 - t) ** 2 * p + 2 * (1 - t) * t * control + t**2 * q


def _edges(g: nx.MultiDiGraph) -> list[tuple[int, object, object, dict, float]]:
    """Edges with an index and an ``arc3`` curvature: parallel edges between the same two nodes
    curve apart (0, +0.2, -0.2, +0.4, ...)."""
    seen: dict[tuple, int] = {}
    out = []
    for i, (u, v, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), e[2]["label"]))):
        pair = (u, v) if str(u) <= str(v) else (v, u)
        k = seen[pair] = seen.get(pair, -1) + 1
        rad = 0.0 if k == 0 else 0.2 * ((k + 1) // 2) * (1 if k % 2 else -1)
        if pair != (u, v):
            rad = -rad  # arc3 bends to the left of the direction of travel
        out.append((i, u, v, d, rad))
    return out


def _draw_edges(ax: object, g: nx.MultiDiGraph, pos: dict, degree: dict) -> list[tuple[int, np.ndarray, np.ndarray, float, dict]]:
    from matplotlib.patches import FancyArrowPatch

    drawn = []
    for i, u, v, d, rad in _edges(g):
        p, q = np.array(pos[u]), np.array(pos[v])
        directed = d["label"] not in SYMMETRIC
        patch = FancyArrowPatch(
            tuple(p), tuple(q), arrowstyle="-|>" if directed else "-", mutation_scale=9, connectionstyle=f"arc3,rad={rad}",
            shrinkA=_radius_pt(degree[u]) + 1, shrinkB=_radius_pt(degree[v]) + 1, color="#7a7a7a", linewidth=0.7,
            linestyle="--" if d.get("status") in ("former", "alleged") else "-", zorder=1, gid=f"{'arrow' if directed else 'edge'}-{i}", clip_on=False,
        )  # fmt: skip
        ax.add_patch(patch)
        drawn.append((i, p, q, rad, d))
    return drawn


class LabelPlacer:
    """Places text boxes one at a time at the first candidate spot that overlaps no box placed
    before (labels and node markers). Works in display units, after the axes limits are set."""

    def __init__(self, ax: object, renderer: object) -> None:
        self.ax, self.renderer = ax, renderer
        self.taken: list[Box] = []
        frame = ax.get_window_extent(renderer)
        self.frame = Box(frame.x0, frame.y0, frame.x1, frame.y1)  # labels stay inside the axes (the legend is beside them)

    def size(self, text: str, fontsize: float) -> tuple[float, float, float]:
        """Width, height and descent in display units of ``text`` at ``fontsize`` points."""
        from matplotlib.font_manager import FontProperties

        w, h, descent = self.renderer.get_text_width_height_descent(text, FontProperties(size=fontsize), ismath=False)
        return w, h, descent

    def block(self, box: Box) -> None:
        self.taken.append(box)

    def free(self, box: Box) -> bool:
        inside = self.frame.x0 <= box.x0 and box.x1 <= self.frame.x1 and self.frame.y0 <= box.y0 and box.y1 <= self.frame.y1
        return inside and not any(box.overlaps(t) for t in self.taken)

    def place(self, text: str, fontsize: float, anchors: list[tuple[float, float, str]]) -> tuple[float, float, str] | None:
        """The first (x, y, horizontal alignment) of ``anchors`` (display units; y is the text's
        vertical centre) where the text overlaps nothing placed, or ``None``."""
        w, h, _ = self.size(text, fontsize)
        for x, y, ha in anchors:
            x0 = x if ha == "left" else x - w if ha == "right" else x - w / 2
            box = Box(x0, y - h / 2, x0 + w, y + h / 2)
            if self.free(box):
                self.block(box)
                return x, y, ha
        return None


def _node_anchors(x: float, y: float, r: float, h: float) -> list[tuple[float, float, str]]:
    """Candidate label spots around a node at (x, y) with radius r: right, left, above, below,
    then the diagonals, then further out."""
    out = []
    for step in range(0, 8):
        d = 1.25 * r + 3 + step * h * 0.9
        out += [(x + d, y, "left"), (x - d, y, "right"), (x, y + d + h / 2, "center"), (x, y - d - h / 2, "center"),
                (x + d * 0.8, y + d * 0.8, "left"), (x - d * 0.8, y + d * 0.8, "right"), (x + d * 0.8, y - d * 0.8, "left"), (x - d * 0.8, y - d * 0.8, "right")]  # fmt: skip
    return out


def _place_labels(ax: object, fig: object, g: nx.MultiDiGraph, pos: dict, degree: dict, edges: list) -> int:
    """Place one label per node and one per edge; returns the number of node labels that found
    no free spot (0 when the figure is large enough)."""
    renderer = fig.canvas.get_renderer()
    to_display = ax.transData.transform
    to_data = ax.transData.inverted().transform
    px_per_pt = fig.dpi / 72.0
    placer = LabelPlacer(ax, renderer)
    index = {v: i for i, v in enumerate(sorted(g.nodes(), key=str))}
    for v in g.nodes():  # markers first: no label may cover one
        x, y = to_display(pos[v])
        r = _radius_pt(degree[v]) * px_per_pt
        placer.block(Box(x - r, y - r, x + r, y + r))
    missing = 0
    for v in sorted(g.nodes(), key=lambda n: (-degree[n], str(n))):
        x, y = to_display(pos[v])
        text = g.nodes[v]["label"]
        _, h, _ = placer.size(text, NODE_FONT)
        spot = placer.place(text, NODE_FONT, _node_anchors(x, y, _radius_pt(degree[v]) * px_per_pt, h))
        if spot is None:
            missing += 1
            continue
        dx, dy = to_data((spot[0], spot[1]))
        ax.text(dx, dy, text, fontsize=NODE_FONT, ha=spot[2], va="center", zorder=5, gid=f"node-label-{index[v]}", clip_on=False)
    for i, p, q, rad, d in edges:
        anchors = [(*to_display(_curve_point(p, q, rad, t)), "center") for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)]
        spot = placer.place(d["label"], EDGE_FONT, anchors) or anchors[0]
        dx, dy = to_data((spot[0], spot[1]))
        ax.text(dx, dy, d["label"], fontsize=EDGE_FONT, color="#555555", style="italic", ha="center", va="center", zorder=4, gid=f"edge-label-{i}",
                clip_on=False, bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})  # fmt: skip
    return missing


def _legend(ax: object, g: nx.MultiDiGraph) -> None:
    from matplotlib.lines import Line2D

    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    handles = [
        Line2D([0], [0], marker=MARKERS[k.shape], linestyle="", markerfacecolor=k.colour, markeredgecolor="#333333", markersize=7, label=k.label)
        for k in PALETTE
        if k.name in kinds
    ]
    handles += [
        Line2D([0], [0], color="#7a7a7a", linewidth=0.8, marker=">", markevery=[1], markersize=4, label="link, subject → object"),
        Line2D([0], [0], color="#7a7a7a", linewidth=0.8, linestyle="--", label="former or alleged"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=True, title="Classes", title_fontsize=8)


def _axes(g: nx.MultiDiGraph, pos: dict, size: tuple[float, float], title: str) -> tuple[object, object]:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size, dpi=150)
    fig.subplots_adjust(left=0.02, right=0.80, top=0.94, bottom=0.02)
    ax.set_axis_off()
    ax.set_title(title, fontsize=11)
    xy = np.array(list(pos.values())).reshape(-1, 2) if pos else np.zeros((1, 2))
    span = np.maximum(xy.max(axis=0) - xy.min(axis=0), 1.0)
    margin = 0.12 * span + 0.3
    ax.set_xlim(xy[:, 0].min() - margin[0], xy[:, 0].max() + margin[0])
    ax.set_ylim(xy[:, 1].min() - margin[1], xy[:, 1].max() + margin[1])
    return fig, ax


def draw_figure(g: nx.MultiDiGraph, path: str | Path, title: str = "armedkg graph", seed: int = 7, layout: str = "auto") -> None:
    """Write the figure of ``g`` to ``path`` (.svg, .png or .pdf, by its suffix)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"
    plt.rcParams["svg.hashsalt"] = "armedkg"  # stable ids: the same graph gives the same file
    degree = dict(g.degree())
    width, height = figure_size(g.number_of_nodes())
    for _attempt in range(4):
        pos = figure_layout(g, layout, seed, aspect=(0.78 * width) / (0.92 * height))
        fig, ax = _axes(g, pos, (width, height), title)
        _draw_nodes(ax, g, pos, degree)
        edges = _draw_edges(ax, g, pos, degree)
        missing = _place_labels(ax, fig, g, pos, degree, edges)
        if not missing or width >= 40:
            break
        plt.close(fig)
        width, height = min(40.0, width * 1.3), min(30.0, height * 1.3)
    _legend(ax, g)
    fig.savefig(str(path), metadata={"Date": None} if str(path).lower().endswith(".svg") else None)
    plt.close(fig)
