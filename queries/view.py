"""The interactive graph view: one self-contained HTML page (vis-network from the pyvis package,
inlined), colours by class, size by degree, labelled edges, tooltips with the evidence sentence
and its source, a legend and a search box. No CDN: the page works with the network off.

Tooltips are built as DOM text nodes in the page, never as HTML, so names and sentences that
contain markup are shown as text.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import networkx as nx

from builder.errors import QueryError

ID = "https://w3id.org/armedkg/id/"
AKG = "https://w3id.org/armedkg/ontology#"

# Colour by top-level kind (checked in order: the first class an entity has in this list wins).
PALETTE = [
    ("StateForce", "#1f77b4", "State force"),
    ("JihadistGroup", "#111111", "Jihadist group"),
    ("Militia", "#ff7f0e", "Militia"),
    ("RebelGroup", "#d62728", "Rebel group"),
    ("UnidentifiedArmedGroup", "#7f7f7f", "Unidentified armed group"),
    ("NonStateArmedGroup", "#e377c2", "Other armed group"),
    ("Person", "#2ca02c", "Person"),
    ("MediaOutlet", "#17becf", "Media outlet"),
    ("Organisation", "#bcbd22", "Organisation"),
    ("Country", "#8c564b", "Country"),
    ("Location", "#c49c94", "Place"),
    ("Event", "#9467bd", "Event"),
    ("Weapon", "#aec7e8", "Weapon or platform"),
]
RELATIONS = {
    "backedBy": "backed by",
    "alliedWith": "allied with",
    "fightingAgainst": "fighting against",
    "partOf": "part of",
    "memberOf": "member of",
    "commanderOf": "commander of",
    "formerCommanderOf": "former commander of",
    "operatesIn": "operates in",
    "locatedIn": "located in",
    "controls": "controls",
    "usesWeapon": "uses",
    "holdsWeapon": "holds",
}
ROLES = {
    "perpetrator": "perpetrator",
    "associatedPerpetrator": "associated perpetrator",
    "target": "target",
    "victim": "victim",
    "place": "place",
    "claimedBy": "claimed by",
    "targetPlace": "targeted place",
}
LAYOUT_THRESHOLD = 400


def _short(iri: str) -> str:
    return iri[len(ID) :] if iri.startswith(ID) else iri


def _select(store: object, sparql: str) -> list[dict[str, str | None]]:
    solutions = store.query(sparql)
    names = [v.value for v in solutions.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in solutions]


def event_in_range(event_date: str | None, since: date | None, until: date | None) -> bool:
    """Whether an event (its ``YYYY-MM-DD...`` date, or none) falls in the range; without a
    range every event does, with one an undated event does not."""
    if not (since or until):
        return True
    if not event_date:
        return False
    d = date.fromisoformat(event_date[:10])
    return not ((since and d < since) or (until and d > until))


def load_graph(store: object, since: date | None = None, until: date | None = None) -> nx.MultiDiGraph:
    """The view graph: entities and events as nodes, affiliations and event roles as edges."""
    g = nx.MultiDiGraph()
    prefix = f"PREFIX akg: <{AKG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    # Separate queries merged here: one query with all OPTIONALs multiplies evidence x aliases x classes.
    nodes = _select(
        store,
        prefix
        + """SELECT ?n (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STRAFTER(STR(?c), "#"); separator=" ") AS ?classes) WHERE {
             ?n a ?t . ?t rdfs:subClassOf* ?c .
             FILTER(?c IN (akg:Actor, akg:Location, akg:Event, akg:StateForce, akg:NonStateArmedGroup, akg:Militia,
                           akg:RebelGroup, akg:JihadistGroup, akg:UnidentifiedArmedGroup, akg:Person, akg:MediaOutlet,
                           akg:Organisation, akg:Country, akg:Weapon))
             ?n rdfs:label ?l .
           } GROUP BY ?n""",
    )
    evidence = {
        r["n"]: r
        for r in _select(
            store,
            prefix
            + """SELECT ?n (SAMPLE(?s) AS ?sentence) (SAMPLE(?d) AS ?doc) WHERE {
                 ?n akg:evidence ?ev . ?ev akg:sentence ?s ; akg:document/akg:docId ?d .
               } GROUP BY ?n""",
        )
    }
    aliases = {
        r["n"]: r["aliases"]
        for r in _select(store, prefix + """SELECT ?n (GROUP_CONCAT(DISTINCT ?alt; separator=", ") AS ?aliases) WHERE { ?n skos:altLabel ?alt } GROUP BY ?n""")
    }
    dates = {r["n"]: r["d"] for r in _select(store, prefix + "SELECT ?n (SAMPLE(?x) AS ?d) WHERE { ?n akg:eventDate ?x } GROUP BY ?n")}
    known = {  # the knowledge sources an entity's description came from
        r["n"]: r["sources"]
        for r in _select(store, prefix + """SELECT ?n (GROUP_CONCAT(DISTINCT STR(?l); separator=", ") AS ?sources) WHERE { ?n akg:knowledgeSource/rdfs:label ?l } GROUP BY ?n""")
    }
    for row in nodes:
        row.update({"sentence": (evidence.get(row["n"]) or {}).get("sentence"), "doc": (evidence.get(row["n"]) or {}).get("doc")})
        row["aliases"] = aliases.get(row["n"])
        row["eventDate"] = dates.get(row["n"])
        row["knowledge"] = known.get(row["n"])
    for row in nodes:
        classes = set((row["classes"] or "").split())
        if "Event" in classes and not event_in_range(row["eventDate"], since, until):
            continue
        kind = next((name for name, _, _ in PALETTE if name in classes), "Location")
        g.add_node(
            row["n"],
            label=row["label"] or _short(row["n"]),
            kind=kind,
            classes=sorted(classes),
            sentence=row["sentence"] or "",
            doc=row["doc"] or "",
            aliases=row["aliases"] or "",
            date=row["eventDate"] or "",
            knowledge=row["knowledge"] or "",
        )
    affiliations = _select(
        store,
        prefix
        + """SELECT ?s ?o ?rel (SAMPLE(?st) AS ?status) (SAMPLE(?sent) AS ?sentence) (SAMPLE(?d) AS ?doc)
                    (SAMPLE(?src) AS ?source) WHERE {
             ?a akg:subjectActor ?s ; akg:objectActor ?o ; akg:relation ?r ; akg:status/rdfs:label ?st ;
                akg:evidence ?ev .
             ?ev akg:sentence ?sent ; akg:document/akg:docId ?d .
             OPTIONAL { ?a akg:accordingTo/rdfs:label ?src }
             BIND(STRAFTER(STR(?r), "#") AS ?rel)
           } GROUP BY ?s ?o ?rel""",
    )
    for row in affiliations:
        if row["s"] in g and row["o"] in g and row["rel"] in RELATIONS:
            g.add_edge(row["s"], row["o"], label=RELATIONS[row["rel"]], status=row["status"], sentence=row["sentence"], doc=row["doc"], source=row["source"] or "")
    # Containment known from the gazetteer is part of a place's description (no affiliation node).
    drawn = {(row["s"], row["o"]) for row in affiliations if row["rel"] == "locatedIn"}
    for row in _select(store, prefix + "SELECT DISTINCT ?s ?o WHERE { ?s akg:locatedIn ?o }"):
        if row["s"] in g and row["o"] in g and (row["s"], row["o"]) not in drawn:
            g.add_edge(row["s"], row["o"], label=RELATIONS["locatedIn"], status="", sentence="", doc="", source="GeoNames")
    roles = _select(
        store,
        prefix
        + """SELECT ?e ?x ?role (SAMPLE(?sent) AS ?sentence) (SAMPLE(?d) AS ?doc) WHERE {
             VALUES ?p { akg:perpetrator akg:associatedPerpetrator akg:target akg:victim akg:place akg:targetPlace akg:claimedBy }
             ?e ?p ?x ; akg:evidence ?ev .
             ?ev akg:sentence ?sent ; akg:document/akg:docId ?d .
             BIND(STRAFTER(STR(?p), "#") AS ?role)
           } GROUP BY ?e ?x ?role""",
    )
    for row in roles:
        if row["e"] in g and row["x"] in g:
            g.add_edge(row["x"], row["e"], label=ROLES[row["role"]], status="", sentence=row["sentence"], doc=row["doc"], source="")
    return g


def select(g: nx.MultiDiGraph, focus: str | None = None, hops: int = 2) -> nx.MultiDiGraph:
    """The ego network of ``focus`` (matched on label or alias, case-insensitive) within ``hops``."""
    if not focus:
        return g
    wanted = focus.strip().lower()
    centres = [
        n
        for n, d in g.nodes(data=True)
        if d["label"].lower() == wanted or wanted in [a.strip().lower() for a in d.get("aliases", "").split(",")]
    ]
    if not centres:
        raise QueryError(f"no node named '{focus}' in the graph.", "Check the spelling or run 'armedkg query actor_profile'.")
    keep: set[str] = set()
    undirected = g.to_undirected(as_view=True)
    for c in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, c, cutoff=hops))
    return g.subgraph(keep).copy()


def to_vis(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict], bool]:
    """vis-network node and edge records; positions precomputed for large graphs."""
    colours = {name: colour for name, colour, _ in PALETTE}
    degree = dict(g.degree())
    positions = None
    large = g.number_of_nodes() > LAYOUT_THRESHOLD
    if large:
        from .layout import fast_layout

        simple = nx.Graph(g.to_undirected())
        positions = fast_layout(simple, scale=80 * math.sqrt(simple.number_of_nodes()))
    nodes = []
    for n, d in g.nodes(data=True):
        title = f"{d['label']}\n{', '.join(c for c in d['classes'] if c not in ('Actor',))}"
        if d.get("aliases"):
            title += f"\naliases: {d['aliases']}"
        if d.get("knowledge"):
            title += f"\nsource: {d['knowledge']}"
        if d.get("date"):
            title += f"\ndate: {d['date']}"
        if d.get("sentence"):
            title += f"\n\n“{d['sentence'].strip()}”\n— document {d['doc']}"
        node = {
            "id": n,
            "label": d["label"] if len(d["label"]) < 40 else d["label"][:38] + "…",
            "title": title,
            "color": colours.get(d["kind"], "#999999"),
            "size": 8 + 4 * math.sqrt(degree.get(n, 0)),
            "group": d["kind"],
            "shape": "dot" if d["kind"] != "Event" else "diamond",
            "date": (d.get("date") or "")[:10],
        }
        if positions is not None:
            x, y = positions[n]
            node["x"], node["y"] = float(x), float(y)
        nodes.append(node)
    edges = []
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        title = d["label"] + (f" ({d['status']})" if d.get("status") else "")
        if d.get("source"):
            title += f"\naccording to {d['source']}"
        if d.get("sentence"):
            title += f"\n\n“{d['sentence'].strip()}”\n— document {d['doc']}"
        edges.append({"id": i, "from": u, "to": v, "label": d["label"], "title": title, "arrows": "to"})
    return nodes, edges, large


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>__TITLE__</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<style>__VISCSS__</style>
<style>
body{margin:0;font-family:system-ui,sans-serif}
#bar{position:absolute;top:8px;left:8px;z-index:5;background:#fffe;padding:6px 8px;border:1px solid #ccc;border-radius:4px}
#legend{position:absolute;bottom:8px;left:8px;z-index:5;background:#fffe;padding:6px 8px;border:1px solid #ccc;border-radius:4px;font-size:12px}
#legend span{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
#net{width:100vw;height:100vh}
.akg-tip{white-space:pre-wrap;max-width:420px;font-size:12px}
</style>
<script>__VISJS__</script>
</head><body>
<div id="bar"><input id="q" placeholder="search a name" size="24"> <button id="go">find</button>
 events from <input id="since" type="date"> to <input id="until" type="date"> <span id="count"></span></div>
<div id="legend">__LEGEND__</div>
<div id="net"></div>
<script>
const DATA = __DATA__;
function tip(text){const d=document.createElement('div');d.className='akg-tip';d.textContent=text;return d;}
DATA.nodes.forEach(n=>{n.title=tip(n.title);});
DATA.edges.forEach(e=>{e.title=tip(e.title);});
const nodes=new vis.DataSet(DATA.nodes), edges=new vis.DataSet(DATA.edges);
const options={
  nodes:{font:{size:12}},
  edges:{font:{size:9,align:'middle'},color:{opacity:0.6},smooth:false},
  interaction:{hover:true,tooltipDelay:150,hideEdgesOnDrag:DATA.large},
  physics: DATA.large ? false : {stabilization:{iterations:200},barnesHut:{gravitationalConstant:-4000,springLength:140}},
  layout:{improvedLayout:!DATA.large}
};
const network=new vis.Network(document.getElementById('net'),{nodes,edges},options);
window.akgNetwork=network;
window.akgReady=false;
function ready(){ if(!window.akgReady){ window.akgReady=true; network.setOptions({physics:false}); document.getElementById('count').textContent=nodes.length+' nodes, '+edges.length+' edges'; } }
network.once('stabilizationIterationsDone', ready);
network.once('afterDrawing', ()=>{ if(DATA.large) ready(); });
setTimeout(ready, 8000);
document.getElementById('go').onclick=()=>{
  const q=document.getElementById('q').value.trim().toLowerCase(); if(!q) return;
  const hit=DATA.nodes.find(n=>n.label.toLowerCase().includes(q));
  if(hit){network.selectNodes([hit.id]);network.focus(hit.id,{scale:1.2,animation:true});}
};
function applyFilters(){
  const since=document.getElementById('since').value, until=document.getElementById('until').value;
  const off=new Set([...document.querySelectorAll('#legend input:not(:checked)')].map(i=>i.value));
  let shown=0;
  nodes.update(DATA.nodes.map(n=>{
    const hidden=off.has(n.group) || (n.group==='Event' && (since||until) && (!n.date || (since && n.date<since) || (until && n.date>until)));
    if(!hidden) shown++;
    return {id:n.id, hidden:hidden};
  }));
  document.getElementById('count').textContent=shown+' of '+DATA.nodes.length+' nodes shown';
}
window.akgApplyFilters=applyFilters;
document.querySelectorAll('#legend input, #since, #until').forEach(el=>el.addEventListener('change', applyFilters));
document.getElementById('q').addEventListener('keydown',e=>{if(e.key==='Enter')document.getElementById('go').click();});
</script></body></html>
"""


def _asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def render_html(g: nx.MultiDiGraph, title: str = "armedkg graph") -> str:
    import html

    nodes, edges, large = to_vis(g)
    legend = " ".join(
        f'<label><input type="checkbox" value="{name}" checked><span style="background:{colour}"></span>{html.escape(label)}</label>&nbsp;'
        for name, colour, label in PALETTE
        if any(d["kind"] == name for _, d in g.nodes(data=True))
    )
    data = json.dumps({"nodes": nodes, "edges": edges, "large": large}, ensure_ascii=False)
    # Inside a <script>, "</" must not appear in data: escape it (and U+2028/9) for JS.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    page = _PAGE.replace("__VISCSS__", _asset("vis-network.css")).replace("__VISJS__", _asset("vis-network.min.js"))
    return page.replace("__TITLE__", html.escape(title)).replace("__LEGEND__", legend).replace("__DATA__", data)


def keep_kinds(g: nx.MultiDiGraph, kinds: list[str] | None) -> nx.MultiDiGraph:
    """Only nodes of these kinds (palette names such as ``Militia``, ``Event``, ``Person``)."""
    if not kinds:
        return g
    known = {name for name, _, _ in PALETTE}
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise QueryError(f"unknown class {', '.join(unknown)} for the view.", f"Use some of: {', '.join(sorted(known))}.")
    return g.subgraph([n for n, d in g.nodes(data=True) if d["kind"] in kinds]).copy()


def view_graph(
    store: object,
    focus: str | None = None,
    hops: int = 2,
    since: date | None = None,
    until: date | None = None,
    kinds: list[str] | None = None,
) -> nx.MultiDiGraph:
    """The selection the view and the figure show: date range, ego network, then classes."""
    return keep_kinds(select(load_graph(store, since, until), focus, hops), kinds)


class GraphView:
    """The view as a Python object; in Jupyter it displays inline (an isolated ``iframe``).

    >>> GraphView(view_graph(store, focus="Kata'ib Hezbollah"))   # doctest: +SKIP
    """

    def __init__(self, graph: nx.MultiDiGraph, title: str = "armedkg graph", height: int = 600) -> None:
        self.graph, self.title, self.height = graph, title, height

    def html(self) -> str:
        return render_html(self.graph, title=self.title)

    def _repr_html_(self) -> str:
        import html

        # srcdoc keeps the page (its scripts, its CSP) apart from the notebook's own page.
        return f'<iframe srcdoc="{html.escape(self.html(), quote=True)}" style="width:100%;height:{self.height}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe>'

    def save(self, path: str | Path) -> dict[str, int]:
        return save_graph(self.graph, path, self.title)


def show(store: object, **selection: object) -> GraphView:
    """``show(store, focus=..., hops=..., since=..., until=..., kinds=[...])`` for notebooks."""
    return GraphView(view_graph(store, **selection))  # type: ignore[arg-type]


def save_graph(g: nx.MultiDiGraph, output: str | Path, title: str = "armedkg graph") -> dict[str, int]:
    """Write ``g`` as the interactive page (.html) or as a static figure (.svg, .png, .pdf)."""
    path = Path(output)
    if path.suffix.lower() in (".svg", ".png", ".pdf"):
        from .figure import draw_figure

        draw_figure(g, path, title=title)
    else:
        path.write_text(render_html(g, title=title), encoding="utf-8")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def write_view(
    store: object,
    output: str | Path,
    focus: str | None = None,
    hops: int = 2,
    since: date | None = None,
    until: date | None = None,
    kinds: list[str] | None = None,
) -> dict[str, int]:
    """Write the view of the store (or of an ego network) to ``output``; returns node and edge counts.

    ``output`` ending in .svg, .png or .pdf gives a static figure of the same selection.
    """
    g = view_graph(store, focus, hops, since, until, kinds)
    return save_graph(g, output, title=f"armedkg: {focus}" if focus else "armedkg graph")
