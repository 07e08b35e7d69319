"""The view: offline page, drawn in headless Chromium, hostile names shown as text."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.browser import chromium_path, render
from queries.view import load_graph, render_html, select, to_vis, write_view

pytestmark = [pytest.mark.slow]
needs_browser = pytest.mark.skipif(chromium_path() is None, reason="Debian chromium not installed (make test installs it)")


def test_view_graph_has_classes_and_edges(sample_store):
    g = load_graph(sample_store)
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert {"StateForce", "Militia", "Person", "Event", "Country", "Location"} <= kinds
    labels = {d["label"] for _, _, d in g.edges(data=True)}
    assert {"backed by", "perpetrator", "located in", "former commander of"} <= labels
    ego = select(g, "Khaled al-Zoubi", hops=1)
    assert {d["label"] for _, d in ego.nodes(data=True)} >= {"Khaled al-Zoubi", "Free Syrian Army", "5th Corps"}


def test_view_page_is_self_contained(sample_store, tmp_path):
    out = tmp_path / "graph.html"
    info = write_view(sample_store, out)
    html = out.read_text(encoding="utf-8")
    assert info["nodes"] > 20
    assert "<script src=" not in html and "<link " not in html
    assert "Content-Security-Policy" in html


@needs_browser
def test_view_renders_offline_in_chromium(sample_store, tmp_path):
    out = tmp_path / "graph.html"
    info = write_view(sample_store, out)
    shot = tmp_path / "graph.png"
    result = render(out, screenshot=shot)
    assert result.blocked_requests == []
    assert result.console_errors == []
    assert result.nodes == info["nodes"] and result.edges == info["edges"]
    assert result.painted_pixels > 20_000  # nodes, edges and labels were drawn on the canvas
    assert shot.stat().st_size > 20_000


@needs_browser
def test_view_hostile_names_are_text(tmp_path):
    g = nx.MultiDiGraph()
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    g.add_node("a", label=evil, kind="Militia", classes=["Militia"], sentence="javascript:alert(3) </script><script>alert(4)</script>", doc="d", aliases="", date="")
    g.add_node("b", label="Target", kind="StateForce", classes=["StateForce"], sentence="", doc="", aliases="", date="")
    g.add_edge("a", "b", label="fighting against", status="current", sentence=evil, doc="d", source=evil)
    out = tmp_path / "evil.html"
    out.write_text(render_html(g), encoding="utf-8")
    result = render(out)
    assert result.dialogs == []
    assert result.nodes == 2 and result.console_errors == []


def test_view_large_graph_gets_positions_without_physics():
    g = nx.MultiDiGraph()
    for i in range(700):
        g.add_node(f"n{i}", label=f"node {i}", kind="Militia", classes=["Militia"], sentence="", doc="", aliases="", date="")
        if i:
            g.add_edge(f"n{i}", f"n{i // 2}", label="part of", status="current", sentence="", doc="", source="")
    nodes, edges, large = to_vis(g)
    assert large and len(nodes) == 700 and len(edges) == 699
    assert all("x" in n and "y" in n for n in nodes)
