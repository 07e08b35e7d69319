"""The view: offline page, drawn in headless Chromium, hostile names shown as text."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.browser import chromium_path, offline_page, render
from queries.view import KINDS, PALETTE, load_graph, node_title, positions, render_html, select, to_vis, write_view

from .handmade import handmade_store
from .synthetic import synthetic_view_graph

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


@needs_browser
def test_view_5000_nodes_interactive_offline(tmp_path):
    """The time to a drawn, stable network is recorded (printed; `make bench` reports it too)."""
    from .synthetic import synthetic_view_graph

    g = synthetic_view_graph(5000)
    out = tmp_path / "big.html"
    out.write_text(render_html(g), encoding="utf-8")
    from queries.browser import offline_page

    with offline_page(out, timeout_s=60) as (page, record):
        print(f"\n5,000-node view drawn and stable after {record['seconds']:.2f} s")
        assert record["blocked"] == [] and record["errors"] == []
        assert page.evaluate("akgNetwork.body.data.nodes.length") == 5000
        # Interactive: the search box selects a node, the class filter hides all events.
        page.fill("#q", "Militia")
        page.click("#go")
        assert page.evaluate("akgNetwork.getSelectedNodes().length") == 1
        events = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Event")
        page.uncheck("#legend input[value=Event]")
        shown = page.evaluate("akgNetwork.body.data.nodes.get({filter: n => !n.hidden}).length")
        assert shown == 5000 - events
        page.evaluate("(() => { const box = document.querySelector('#legend input[value=Event]'); box.checked = true; box.dispatchEvent(new Event('change')); })()")
        page.fill("#since", "2021-06-01")
        page.dispatch_event("#since", "change")
        early = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Event" and d["date"] < "2021-06-01")
        assert page.evaluate("akgNetwork.body.data.nodes.get({filter: n => !n.hidden}).length") == 5000 - early
    assert record["seconds"] < 20  # the target is 5 s on these machines; the figure is printed above


def test_view_figures_svg_and_png(sample_store, tmp_path):
    from PIL import Image

    svg, png = tmp_path / "g.svg", tmp_path / "g.png"
    info = write_view(sample_store, svg, focus="Islamic State", hops=1)
    write_view(sample_store, png, focus="Islamic State", hops=1)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith(("<?xml", "<svg")) and svg.stat().st_size > 20_000
    assert ">Islamic State<" in text and ">Jihadist group<" in text  # a node label and the legend, as text
    assert text.count("<path") >= info["nodes"]
    image = Image.open(png)
    assert image.size[0] >= 1200 and image.size[1] >= 900
    assert len(image.convert("RGB").getcolors(maxcolors=1_000_000)) > 50  # drawn, not blank


def test_view_class_filter_and_errors(sample_store, tmp_path):
    from builder.errors import QueryError

    info = write_view(sample_store, tmp_path / "g.html", kinds=["Militia", "Country"])
    g = load_graph(sample_store)
    assert info["nodes"] == sum(1 for _, d in g.nodes(data=True) if d["kind"] in ("Militia", "Country"))
    with pytest.raises(QueryError, match="E040"):
        write_view(sample_store, tmp_path / "g.html", kinds=["Nope"])


def test_view_displays_inline_in_jupyter(sample_store):
    from IPython.core.formatters import format_display_data

    from queries.view import show

    view = show(sample_store, focus="Kata'ib Hezbollah", hops=1)
    data, _ = format_display_data(view)
    html = data["text/html"]
    import html as htmllib
    import re

    assert html.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in html
    assert "<script>" not in html  # the page is inside the attribute, escaped
    page = htmllib.unescape(re.match(r'<iframe srcdoc="([^"]*)"', html).group(1))
    assert "new vis.Network" in page and "Kata'ib Hezbollah" in page and "Iran" in page


@needs_browser
def test_map_offline_with_events_and_escaped_tooltips(sample_store, tmp_path):
    from queries.browser import offline_page
    from queries.mapview import render_map, write_map

    out = tmp_path / "map.html"
    info = write_map(sample_store, out)
    assert info["events"] >= 10 and info["places"] >= 10
    with offline_page(out) as (page, record):
        assert record["blocked"] == [] and record["errors"] == []
        assert page.evaluate("document.querySelectorAll('circle.event').length") == info["events"]
        assert page.evaluate("document.querySelectorAll('#countries path').length") > 150
    evil = {"kind": "event", "event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "", "location": "<img src=x onerror=alert(1)>",
            "admin1": "", "country": "", "actor1": "<script>alert(2)</script>", "actor2": "", "fatalities": "", "evidence": "javascript:alert(3)",
            "doc_id": "d", "longitude": 36.0, "latitude": 33.0}  # fmt: skip
    page_file = tmp_path / "evil.html"
    page_file.write_text(render_map([evil], []), encoding="utf-8")
    with offline_page(page_file) as (page, record):
        page.hover("circle.event")
        page.wait_for_timeout(200)
        assert record["dialogs"] == [] and page.evaluate("document.querySelectorAll('img, #marks script').length") == 0


# --------------------------------------------------------------------------- a researcher's first day (issue 19)
def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a #rrggbb colour."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92 for c in rgb)
    xyz = ((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047, r * 0.2126 + g * 0.7152 + b * 0.0722, (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883)
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_view_palette_colours_are_distinguishable():
    import itertools
    import math

    for a, b in itertools.combinations(PALETTE, 2):
        assert math.dist(_lab(a.colour), _lab(b.colour)) >= 25, (a.name, b.name)
    assert math.dist(_lab(KINDS["Country"].colour), _lab(KINDS["Location"].colour)) >= 50
    assert KINDS["Country"].shape != KINDS["Location"].shape


def test_view_handmade_graph_kinds_names_and_tooltips():
    g = load_graph(handmade_store())
    by_label = {d["label"]: d for _, d in g.nodes(data=True)}
    civilians = by_label["Civilians (Syria)"]
    assert civilians["kind"] == "CivilianGroup" and "CivilianGroup" in node_title(civilians).splitlines()[1]
    assert "Tafas" in by_label and "Ţafas" not in by_label  # the name the reporting uses, not GeoNames'
    tip = node_title(by_label["Islamic State"])
    assert "confidence: 0.90" in tip and "Wikidata: Q2429253" in tip and "aliases: Daesh, ISIS" in tip
    assert "date: 2021-03-01" in node_title(by_label["Attack by Islamic State at Tafas on 2021-03-01"])


def test_view_date_range_counts_undated_events():
    from datetime import date

    g = load_graph(handmade_store(), since=date(2021, 1, 1))
    events = [d["label"] for _, d in g.nodes(data=True) if d["kind"] == "Event"]
    assert events == ["Attack by Islamic State at Tafas on 2021-03-01"]
    assert g.graph["undated_left_out"] == 1


def test_view_layout_is_seeded_and_independent_of_order():
    g = synthetic_view_graph(120, seed=5)
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(data=True))))
    assert positions(g) == positions(shuffled)
    assert positions(g) != positions(g, seed=8)


def _hundred_nodes() -> nx.MultiDiGraph:
    """The hand-made graph (10 nodes: aliases, an undated event, civilians) and 90 synthetic ones."""
    g = load_graph(handmade_store())
    g.update(synthetic_view_graph(90, seed=11))
    assert g.number_of_nodes() == 100
    return g


COLOURS_JS = """() => {
  const legend = {};
  document.querySelectorAll('#legend label').forEach(l => { legend[l.querySelector('input').value] = l.querySelector('svg').dataset.colour; });
  const bad = [];
  for (const id of akgNetwork.body.nodeIndices) {
    const n = akgNetwork.body.nodes[id];
    if (n.options.color.background !== legend[n.options.group]) bad.push([n.options.group, n.options.color.background, legend[n.options.group]]);
  }
  return bad;
}"""


@needs_browser
def test_view_page_first_day(tmp_path):
    """One page of 100 nodes on 1400x900: colours equal the legend's before and after every
    filter, identical positions on two loads, labels of 10 px or more, a legend beside the graph,
    search over names and aliases that prefers actors and says when nothing matches, undated
    events kept and counted under a date range."""
    out = tmp_path / "hundred.html"
    out.write_text(render_html(_hundred_nodes()), encoding="utf-8")
    loads = []
    for _ in range(2):
        with offline_page(out) as (page, record):
            assert record["errors"] == [] and record["blocked"] == []
            loads.append(page.evaluate("akgNetwork.getPositions()"))
    assert loads[0] == loads[1] and len(loads[0]) == 100
    with offline_page(out, viewport=(1400, 900)) as (page, record):
        label_px = page.evaluate("DATA.font * akgNetwork.getScale()")
        assert label_px >= 10, label_px
        legend, net = page.evaluate("['#legend', '#net'].map(s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
        assert legend[2] <= net[0]  # the legend sits beside the canvas, so it covers no node
        outside = page.evaluate(
            """(() => { const r = document.querySelector('#net').getBoundingClientRect(); const pos = akgNetwork.getPositions(); let n = 0;
                 for (const id in pos) { const p = akgNetwork.canvasToDOM(pos[id]); if (p.x < 0 || p.y < 0 || p.x > r.width || p.y > r.height) n++; } return n; })()"""
        )
        assert outside == 0  # all 100 nodes in view at that zoom
        assert page.evaluate(COLOURS_JS) == []
        for box in page.query_selector_all("#legend input"):
            box.uncheck()
            assert page.evaluate(COLOURS_JS) == []
            box.check()
            assert page.evaluate(COLOURS_JS) == []
        page.fill("#since", "2021-01-01")
        page.dispatch_event("#since", "change")
        assert page.evaluate(COLOURS_JS) == []
        hidden = page.evaluate("akgNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.name)")
        assert "Armed clash by Wagner Group" not in hidden  # the undated event is kept ...
        assert "1 undated event kept" in page.inner_text("#count")  # ... and counted
        page.uncheck("#undated")
        assert "Armed clash by Wagner Group" in page.evaluate("akgNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.name)")
        assert page.evaluate(COLOURS_JS) == []
        for query, expected in (("ISIS", "Islamic State"), ("wagner", "Wagner Group"), ("daesh", "Islamic State"), ("tafas", "Tafas")):
            page.fill("#q", query)
            page.click("#go")
            selected = page.evaluate("akgNetwork.getSelectedNodes().map(id => akgNetwork.body.data.nodes.get(id).name)")
            assert selected == [expected], (query, selected)
            assert page.inner_text("#msg") == ""
        page.fill("#q", "Boko Haram")
        page.click("#go")
        assert page.evaluate("akgNetwork.getSelectedNodes()") == []
        assert "no node matches" in page.inner_text("#msg") and "Boko Haram" in page.inner_text("#msg")


def test_map_items_names_unplaced_events_and_legend():
    from queries.mapview import map_items, render_map

    events, places, unplaced = map_items(handmade_store())
    assert [e["location"] for e in events] == ["Tafas"]  # the name of the reporting, not GeoNames' "Ţafas"
    assert "Tafas" in {p["label"] for p in places} and "Ţafas" not in {p["label"] for p in places}
    assert unplaced == 1  # the undated clash has no place
    page = render_map(events, places, unplaced=unplaced)
    assert "1 of 2 events have no coordinates" in page
    assert "Circle size: fatalities" in page
    assert page.count('<g class="place"') == len(places) and ">Tafas</text>" in page
    assert page.count("<path d=", page.index('id="admin1"'), page.index('id="places"')) > 5  # Syria's governorate borders


@needs_browser
def test_map_zoom_keeps_sizes_and_the_point_under_the_cursor(tmp_path):
    from queries.mapview import write_map

    out = tmp_path / "map.html"
    info = write_map(handmade_store(), out)
    assert info == {"events": 1, "places": 2, "unplaced": 1}  # Tafas and Daraa have coordinates
    with offline_page(out) as (page, record):
        assert record["errors"] == [] and record["blocked"] == []
        sizes = "[document.querySelector('circle.event').getBoundingClientRect().width, document.querySelector('g.place text').getBoundingClientRect().height]"
        before, scale_before = page.evaluate(sizes), page.inner_text("#scalelabel")
        assert scale_before.endswith(" km") and page.evaluate("document.querySelectorAll('g.place text').length") == 2
        for _ in range(3):
            page.mouse.move(900, 300)
            under = page.evaluate("(() => { const p = akgToUser(900, 300); return [p.x, p.y]; })()")
            page.mouse.wheel(0, -120)
            page.wait_for_timeout(50)
            after = page.evaluate("(() => { const p = akgToUser(900, 300); return [p.x, p.y]; })()")
            assert after == pytest.approx(under, abs=1e-3)  # zoom around the cursor, no drift
        assert page.evaluate(sizes) == pytest.approx(before, rel=0.02)  # markers and labels keep their screen size
        assert page.inner_text("#scalelabel") != scale_before  # the scale bar follows the zoom
        assert page.evaluate("getComputedStyle(document.querySelector('#countries path')).vectorEffect") == "non-scaling-stroke"
