"""Static figures (``armedkg view -o FILE.svg|png|pdf``): every node and edge labelled, an arrow per
directed edge, node labels that do not overlap (their boxes measured in the SVG), a legend, the
layout choices, and a coded error for a suffix that is not a figure or a page."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from builder.errors import QueryError
from queries.figure import draw_figure
from queries.view import SYMMETRIC, load_graph, select, write_view

from .handmade import handmade_store

SVG = "{http://www.w3.org/2000/svg}"


def _ego_network() -> nx.MultiDiGraph:
    """The hand-made graph around Islamic State, plus a hand-made ring of 24 militias and state
    forces with alliances, hostilities and parallel edges (two links between the same pair)."""
    g = select(load_graph(handmade_store()), "Islamic State", hops=2)
    rnd = random.Random(4)
    names = [f"Brigade of the {w} {i}" for i, w in enumerate(["North", "South", "Valley", "Coast", "Hills", "River"] * 4)]
    for name in names:
        g.add_node(name, label=name, kind=rnd.choice(["Militia", "StateForce", "RebelGroup"]), classes=[], sentence="", doc="", aliases="", date="")
    for i, name in enumerate(names):
        g.add_edge(name, names[(i + 1) % len(names)], label=rnd.choice(["allied with", "fighting against", "backed by"]), status="", sentence="", doc="", source="")
        if i % 5 == 0:
            g.add_edge(name, names[(i + 1) % len(names)], label="part of", status="former", sentence="", doc="", source="")
    g.add_edge(names[0], next(n for n, d in g.nodes(data=True) if d["label"] == "Islamic State"), label="fighting against", status="", sentence="", doc="", source="")
    return g


def _groups(root: ET.Element, prefix: str) -> list[ET.Element]:
    """The ``<g>`` elements whose id is ``prefix`` and a number."""
    return [e for e in root.iter(f"{SVG}g") if re.fullmatch(re.escape(prefix) + r"\d+", e.get("id") or "")]


def _text_box(text: ET.Element) -> tuple[float, float, float, float]:
    """The box of an SVG ``<text>`` as matplotlib wrote it (font size, anchor, baseline), with
    the text's width and height measured by matplotlib's font machinery."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    style = dict(part.split(":", 1) for part in text.get("style", "").split(";") if ":" in part)
    size = float(style[" font-size" if " font-size" in style else "font-size"].strip().rstrip("px"))
    anchor = next((v.strip() for k, v in style.items() if k.strip() == "text-anchor"), "start")
    width, height, descent = TextToPath().get_text_width_height_descent(text.text, FontProperties(size=size), ismath=False)
    x, y = float(text.get("x")), float(text.get("y"))
    x0 = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return x0, y - (height - descent), x0 + width, y + descent


def test_figure_svg_of_an_ego_network_labels_arrows_no_overlap(tmp_path):
    g = _ego_network()
    path = tmp_path / "ego.svg"
    draw_figure(g, path, title="ego")
    root = ET.parse(path).getroot()
    node_labels = _groups(root, "node-label-")
    edge_labels = _groups(root, "edge-label-")
    arrows = _groups(root, "arrow-")
    directed = sum(1 for _, _, d in g.edges(data=True) if d["label"] not in SYMMETRIC)
    assert len(node_labels) == g.number_of_nodes() and all(len(e.findall(f"{SVG}text")) == 1 for e in node_labels)
    assert sorted(e.find(f"{SVG}text").text for e in node_labels) == sorted(d["label"] for _, d in g.nodes(data=True))  # whole names, no "…"
    assert len(edge_labels) == g.number_of_edges()
    assert sorted(e.find(f".//{SVG}text").text for e in edge_labels) == sorted(d["label"] for _, _, d in g.edges(data=True))
    assert len(arrows) == directed > 0 and all(len(a.findall(f"{SVG}path")) == 2 for a in arrows)  # a line and its head
    assert len(_groups(root, "edge-")) == g.number_of_edges() - directed  # alliances: a line, no head
    boxes = [_text_box(e.find(f"{SVG}text")) for e in node_labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Jihadist group", "Place", "Civilians"} <= texts  # the legend


def test_figure_same_graph_same_file(tmp_path):
    g = _ego_network()
    draw_figure(g, tmp_path / "a.svg")
    draw_figure(g, tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_text() == (tmp_path / "b.svg").read_text()


@pytest.mark.parametrize("layout", ["auto", "spring", "kamada-kawai", "circular", "shell", "fast"])
def test_figure_layout_choices(tmp_path, layout):
    store = handmade_store()
    info = write_view(store, tmp_path / "f.png", focus="Islamic State", layout=layout)  # IS, its enemy, 2 events, civilians, Tafas, Wagner
    assert info["nodes"] == 7 and (tmp_path / "f.png").stat().st_size > 10_000


def test_figure_unknown_suffix_and_layout_are_coded_errors(tmp_path):
    store = handmade_store()
    with pytest.raises(QueryError, match=r"E040.*\.jpg"):
        write_view(store, tmp_path / "x.jpg")
    assert not (tmp_path / "x.jpg").exists()
    with pytest.raises(QueryError, match="E040.*layout"):
        write_view(store, tmp_path / "x.svg", layout="radial")


def test_figure_pdf(tmp_path):
    write_view(handmade_store(), tmp_path / "f.pdf")
    assert (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF")


def test_figure_cli_refuses_jpg(tmp_path):
    from typer.testing import CliRunner

    from builder.cli import app

    result = CliRunner().invoke(app, ["view", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.jpg")])
    assert result.exit_code == 2 and not (tmp_path / "x.jpg").exists()
    assert re.search(r"E0[34]0", result.output)
