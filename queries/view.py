"""The interactive graph view: one self-contained HTML page (vis-network from the pyvis package,
inlined), colours and shapes by class, size by degree, labelled edges, tooltips with the evidence
sentence, its document, confidence, date and Wikidata QID, a legend beside the graph (never over
it), a search box over names and aliases, and a date range for events. No CDN: the page works
with the network off.

Positions are computed here (:mod:`queries.layout`, seeded) and the page runs no physics: the
same graph gives the same picture on every load, and the static figure of the same selection
(:mod:`queries.figure`) uses the same layout.

Tooltips are built as DOM text nodes in the page, never as HTML, so names and sentences that
contain markup are shown as text.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from builder.errors import QueryError

ID = "https://w3id.org/armedkg/id/"
AKG = "https://w3id.org/armedkg/ontology#"


@dataclass(frozen=True)
class Kind:
    """How one class of node is drawn: ``name`` is the ontology class local name."""

    name: str
    colour: str
    label: str
    shape: str  # a vis-network shape; the figure maps it to a matplotlib marker


# Colour by kind (checked in order: the first class a node has in this list wins). Every two
# colours differ by at least 25 in CIE76 Delta E (tests/test_view.py), and the places and
# countries also differ in shape.
PALETTE = [
    Kind("StateForce", "#1f77b4", "State force", "dot"),
    Kind("JihadistGroup", "#111111", "Jihadist group", "dot"),
    Kind("Militia", "#ff7f0e", "Militia", "dot"),
    Kind("RebelGroup", "#d62728", "Rebel group", "dot"),
    Kind("UnidentifiedArmedGroup", "#8c8c8c", "Unidentified armed group", "dot"),
    Kind("NonStateArmedGroup", "#e377c2", "Other armed group", "dot"),
    Kind("Person", "#2ca02c", "Person", "star"),
    Kind("CivilianGroup", "#f2d43d", "Civilians", "triangleDown"),
    Kind("MediaOutlet", "#17becf", "Media outlet", "hexagon"),
    Kind("Organisation", "#6b6b2a", "Organisation", "hexagon"),
    Kind("Country", "#8c564b", "Country", "square"),
    Kind("Location", "#a6d854", "Place", "triangle"),
    Kind("Event", "#9467bd", "Event", "diamond"),
    Kind("Weapon", "#aec7e8", "Weapon or platform", "hexagon"),
    Kind("Actor", "#e8b4a0", "Other actor", "dot"),
]
KINDS = {k.name: k for k in PALETTE}
# Search prefers actors, then persons, places, events, weapons (an exact name match first).
SEARCH_RANK = {
    **{k: 0 for k in ("StateForce", "JihadistGroup", "Militia", "RebelGroup", "UnidentifiedArmedGroup", "NonStateArmedGroup", "CivilianGroup", "Actor")},
    "Person": 1, "MediaOutlet": 2, "Organisation": 2, "Country": 3, "Location": 3, "Event": 4, "Weapon": 5,
}  # fmt: skip
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
SYMMETRIC = {"allied with"}  # drawn without an arrow
ROLES = {
    "perpetrator": "perpetrator",
    "associatedPerpetrator": "associated perpetrator",
    "target": "target",
    "victim": "victim",
    "place": "place",
    "claimedBy": "claimed by",
    "targetPlace": "targeted place",
}
LAYOUT_THRESHOLD = 400  # beyond this many nodes the page hides edges while dragging
SPACING = 95.0  # canvas units between neighbours: a 100-node graph fits 1400x900 with 10 px labels
FONT = 14  # label size in canvas units; the page's first zoom keeps it at 10 px or more
PREFIX = (
    f"PREFIX akg: <{AKG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


def _short(iri: str) -> str:
    return iri[len(ID) :] if iri.startswith(ID) else iri


def _select(store: object, sparql: str) -> list[dict[str, str | None]]:
    solutions = store.query(PREFIX + sparql)
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


_NODE_CLASSES = ", ".join(f"akg:{k.name}" for k in PALETTE)


def _node_rows(store: object) -> list[dict]:
    """One row per entity or event: label, classes, evidence (a sentence, its document, the best
    confidence, the number of mentions), aliases, date, Wikidata QID."""
    # Separate queries merged here: one query with all OPTIONALs multiplies evidence x aliases x classes.
    nodes = _select(
        store,
        f"""SELECT ?n (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STRAFTER(STR(?c), "#"); separator=" ") AS ?classes) WHERE {{
             ?n a ?t . ?t rdfs:subClassOf* ?c . FILTER(?c IN ({_NODE_CLASSES}))
             ?n rdfs:label ?l .
             FILTER NOT EXISTS {{ ?n akg:linkedInto ?real }}  # a report of a linked event: drawn as that event
           }} GROUP BY ?n""",
    )
    evidence = {
        r["n"]: r
        for r in _select(
            store,
            """SELECT ?n (SAMPLE(?s) AS ?sentence) (SAMPLE(?d) AS ?doc) (MAX(?c) AS ?confidence) (COUNT(DISTINCT ?ev) AS ?mentions) WHERE {
                 ?n akg:evidence ?ev . ?ev akg:sentence ?s ; akg:document/akg:docId ?d . OPTIONAL { ?ev akg:confidence ?c }
               } GROUP BY ?n""",
        )
    }
    aliases = {r["n"]: r["aliases"] for r in _select(store, """SELECT ?n (GROUP_CONCAT(DISTINCT ?alt; separator="\\u001f") AS ?aliases) WHERE { ?n skos:altLabel ?alt } GROUP BY ?n""")}
    dates = {r["n"]: r["d"] for r in _select(store, "SELECT ?n (SAMPLE(?x) AS ?d) WHERE { ?n akg:eventDate ?x } GROUP BY ?n")}
    qids = {r["n"]: r["q"] for r in _select(store, "SELECT ?n (SAMPLE(?x) AS ?q) WHERE { ?n akg:wikidata ?x } GROUP BY ?n")}
    known = {  # the knowledge sources an entity's description came from
        r["n"]: r["sources"]
        for r in _select(store, """SELECT ?n (GROUP_CONCAT(DISTINCT STR(?l); separator=", ") AS ?sources) WHERE { ?n akg:knowledgeSource/rdfs:label ?l } GROUP BY ?n""")
    }
    names = reported_names(store)
    for row in nodes:
        row.update({k: (evidence.get(row["n"]) or {}).get(k) for k in ("sentence", "doc", "confidence", "mentions")})
        row["aliases"] = [a for a in (aliases.get(row["n"]) or "").split("\u001f") if a]
        row["eventDate"], row["qid"] = dates.get(row["n"]), qids.get(row["n"])
        row["knowledge"] = known.get(row["n"])
        row["label"] = names.get(row["n"], row["label"])
    return nodes


def reported_names(store: object) -> dict[str, str]:
    """Places by the name the reporting uses: the most frequent mention of a place that is one of
    its names (``Tafas`` for GeoNames' ``Ţafas``, ``Palmyra`` for ``Tadmur``). Places never
    mentioned under one of their names keep their label."""
    from builder.gazetteer import name_key

    rows = _select(
        store,
        """SELECT ?n ?names ?m (COUNT(*) AS ?k) WHERE {
             { SELECT ?n (GROUP_CONCAT(DISTINCT ?x; separator="\\u001f") AS ?names) WHERE {
                 ?n a/rdfs:subClassOf* akg:Location . { ?n rdfs:label ?x } UNION { ?n skos:altLabel ?x } } GROUP BY ?n }
             ?n akg:evidence ?ev . ?ev akg:sentence ?s ; akg:sentenceStart ?s0 ; akg:start ?a ; akg:end ?b .
             BIND(SUBSTR(?s, ?a - ?s0 + 1, ?b - ?a) AS ?m)
           } GROUP BY ?n ?names ?m""",
    )
    best: dict[str, tuple[int, str]] = {}
    for row in rows:
        mention = (row["m"] or "").strip()
        if mention.lower().startswith("the "):
            mention = mention[4:]
        keys = {name_key(x) for x in (row["names"] or "").split("\u001f") if x}
        if mention and name_key(mention) in keys:
            count = int(row["k"] or 0)
            if row["n"] not in best or (count, mention) > best[row["n"]]:
                best[row["n"]] = (count, mention)
    return {n: mention for n, (_, mention) in best.items()}


def _add_nodes(g: nx.MultiDiGraph, rows: list[dict], since: date | None, until: date | None) -> int:
    """Add the node rows to ``g``; returns the number of undated events a date range left out."""
    undated = 0
    for row in rows:
        classes = set((row["classes"] or "").split())
        if "Event" in classes and not event_in_range(row["eventDate"], since, until):
            undated += not row["eventDate"]
            continue
        kind = next((k.name for k in PALETTE if k.name in classes), "Actor")
        g.add_node(
            row["n"],
            label=row["label"] or _short(row["n"]),
            kind=kind,
            classes=sorted(classes),
            sentence=row["sentence"] or "",
            doc=row["doc"] or "",
            aliases=", ".join(row["aliases"]),
            date=row["eventDate"] or "",
            confidence=float(row["confidence"]) if row["confidence"] else None,
            mentions=int(row["mentions"] or 0),
            qid=row["qid"] or "",
            knowledge=row["knowledge"] or "",
        )
    return undated


def _add_edges(store: object, g: nx.MultiDiGraph) -> None:
    """Affiliations (with status, dates, source and confidence), gazetteer containment and
    event roles, between nodes of ``g``."""
    affiliations = _select(
        store,
        """SELECT ?s ?o ?rel (SAMPLE(?st) AS ?status) (SAMPLE(?sent) AS ?sentence) (SAMPLE(?d) AS ?doc)
                  (SAMPLE(?src) AS ?source) (MAX(?c) AS ?confidence) (MIN(?sd) AS ?start) (MAX(?ed) AS ?end) WHERE {
             ?a akg:subjectActor ?s ; akg:objectActor ?o ; akg:relation ?r ; akg:status/rdfs:label ?st ; akg:evidence ?ev .
             ?ev akg:sentence ?sent ; akg:document/akg:docId ?d . OPTIONAL { ?ev akg:confidence ?c }
             OPTIONAL { ?a akg:accordingTo/rdfs:label ?src } OPTIONAL { ?a akg:startDate ?sd } OPTIONAL { ?a akg:endDate ?ed }
             BIND(STRAFTER(STR(?r), "#") AS ?rel)
           } GROUP BY ?s ?o ?rel""",
    )
    for row in affiliations:
        if row["s"] in g and row["o"] in g and row["rel"] in RELATIONS:
            g.add_edge(row["s"], row["o"], label=RELATIONS[row["rel"]], status=row["status"], sentence=row["sentence"], doc=row["doc"],
                       source=row["source"] or "", confidence=_float(row["confidence"]), start=row["start"] or "", end=row["end"] or "")  # fmt: skip
    # Containment known from the gazetteer is part of a place's description (no affiliation node).
    drawn = {(row["s"], row["o"]) for row in affiliations if row["rel"] == "locatedIn"}
    for row in _select(store, "SELECT DISTINCT ?s ?o WHERE { ?s akg:locatedIn ?o }"):
        if row["s"] in g and row["o"] in g and (row["s"], row["o"]) not in drawn:
            g.add_edge(row["s"], row["o"], label=RELATIONS["locatedIn"], status="", sentence="", doc="", source="GeoNames", confidence=None, start="", end="")
    roles = _select(
        store,
        """SELECT ?e ?x ?role (SAMPLE(?sent) AS ?sentence) (SAMPLE(?d) AS ?doc) (MAX(?c) AS ?confidence) WHERE {
             VALUES ?p { akg:perpetrator akg:associatedPerpetrator akg:target akg:victim akg:place akg:targetPlace akg:claimedBy }
             ?e ?p ?x ; akg:evidence ?ev .
             ?ev akg:sentence ?sent ; akg:document/akg:docId ?d . OPTIONAL { ?ev akg:confidence ?c }
             BIND(STRAFTER(STR(?p), "#") AS ?role)
           } GROUP BY ?e ?x ?role""",
    )
    for row in roles:
        if row["e"] in g and row["x"] in g:
            g.add_edge(row["x"], row["e"], label=ROLES[row["role"]], status="", sentence=row["sentence"], doc=row["doc"], source="",
                       confidence=_float(row["confidence"]), start="", end="")  # fmt: skip


def _float(value: str | None) -> float | None:
    return float(value) if value else None


def load_graph(store: object, since: date | None = None, until: date | None = None) -> nx.MultiDiGraph:
    """The view graph: entities and events as nodes, affiliations and event roles as edges.

    With a date range, events outside it are left out, undated ones too; their number is
    ``g.graph["undated_left_out"]``.
    """
    store = as_store(store)
    g = nx.MultiDiGraph()
    g.graph["undated_left_out"] = _add_nodes(g, _node_rows(store), since, until)
    _add_edges(store, g)
    return g


def as_store(store: object) -> object:
    """An opened store as it is; a folder path or ``http(s)://`` URL opened read-only."""
    if isinstance(store, (str, Path)):
        from builder.store import open_store

        return open_store(str(store), read_only=True)
    return store


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
    sub = g.subgraph(keep).copy()
    sub.graph.update(g.graph)
    return sub


def node_title(d: dict) -> str:
    """The tooltip text of a node: name, classes, aliases, date, confidence, QID, evidence."""
    lines = [d["label"], ", ".join(c for c in d.get("classes", []) if c != "Actor") or KINDS.get(d.get("kind", ""), PALETTE[-1]).label]
    if d.get("aliases"):
        lines.append(f"aliases: {d['aliases']}")
    if d.get("date"):
        lines.append(f"date: {d['date'][:10]}")
    if d.get("confidence") is not None:
        lines.append(f"confidence: {d['confidence']:.2f} (best of {d.get('mentions') or 1} mention{'s' if (d.get('mentions') or 1) != 1 else ''})")
    if d.get("qid"):
        lines.append(f"Wikidata: {d['qid']}")
    if d.get("knowledge"):
        lines.append(f"source: {d['knowledge']}")
    title = "\n".join(lines)
    if d.get("sentence"):
        title += f"\n\n“{d['sentence'].strip()}”\n— document {d['doc']}"
    return title


def edge_title(d: dict) -> str:
    """The tooltip text of an edge: relation, status, dates, source, confidence, evidence."""
    title = d["label"] + (f" ({d['status']})" if d.get("status") else "")
    if d.get("start") or d.get("end"):
        title += f"\nfrom {d.get('start') or '?'} to {d.get('end') or '?'}"
    if d.get("source"):
        title += f"\naccording to {d['source']}"
    if d.get("confidence") is not None:
        title += f"\nconfidence: {d['confidence']:.2f}"
    if d.get("sentence"):
        title += f"\n\n“{d['sentence'].strip()}”\n— document {d['doc']}"
    return title


def visible_label(d: dict) -> str:
    """The label drawn on the canvas (the tooltip has the whole name)."""
    limit = 30 if d.get("kind") == "Event" else 40
    return d["label"] if len(d["label"]) <= limit else d["label"][: limit - 1] + "…"


def positions(g: nx.MultiDiGraph, method: str = "auto", seed: int = 7, aspect: float = 1.4) -> dict[str, tuple[float, float]]:
    """Seeded positions of ``g``'s nodes in canvas units: neighbours about :data:`SPACING`
    apart, stretched to the page's ``aspect`` (width / height), then moved so that no node's
    label box covers another's (up to :data:`LAYOUT_THRESHOLD` nodes)."""
    import numpy as np

    from .layout import layout, separate_boxes

    where = layout(g, method, seed)
    order = list(where)
    stretch = math.sqrt(aspect)
    centres = np.array([(where[n][0] * SPACING * stretch, where[n][1] * SPACING / stretch) for n in order]).reshape(-1, 2)
    if 1 < len(order) <= LAYOUT_THRESHOLD:
        # A node's box: its label (about 0.55 em per character) under its shape.
        sizes = np.array([(max(0.55 * FONT * len(visible_label(g.nodes[n])), 30.0), FONT + 30.0) for n in order])
        centres = separate_boxes(centres, sizes)
    return {n: (float(x), float(y)) for n, (x, y) in zip(order, centres)}


def to_vis(g: nx.MultiDiGraph, method: str = "auto") -> tuple[list[dict], list[dict], bool]:
    """vis-network node and edge records, with their positions; whether the graph is large."""
    degree = dict(g.degree())
    where = positions(g, method)
    nodes = []
    for n, d in g.nodes(data=True):
        x, y = where[n]
        nodes.append(
            {
                "id": n,
                "label": visible_label(d),
                "name": d["label"],
                "aliases": [a.strip() for a in (d.get("aliases") or "").split(",") if a.strip()],
                "title": node_title(d),
                "group": d["kind"] if d["kind"] in KINDS else "Actor",
                "size": 8 + 4 * math.sqrt(degree.get(n, 0)),
                "date": (d.get("date") or "")[:10],
                "x": round(x, 2),
                "y": round(y, 2),
            }
        )
    edges = []
    parallel: dict[tuple, int] = {}
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        edge = {"id": i, "from": u, "to": v, "label": d["label"], "title": edge_title(d), "arrows": "" if d["label"] in SYMMETRIC else "to"}
        if d.get("status") in ("former", "alleged"):
            edge["dashes"] = True
        pair = (u, v) if str(u) <= str(v) else (v, u)
        k = parallel[pair] = parallel.get(pair, -1) + 1
        if k:  # a second link between the same two nodes curves away from the first
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if pair == (u, v) else "curvedCCW", "roundness": 0.25 * k}
        edges.append(edge)
    return nodes, edges, g.number_of_nodes() > LAYOUT_THRESHOLD


def vis_groups() -> dict[str, dict]:
    """vis-network ``groups`` option: each kind's colour and shape, which every node of the kind
    takes (no node carries its own colour, so nothing a filter does can lose it)."""
    return {
        k.name: {"color": {"background": k.colour, "border": "#333333", "highlight": {"background": k.colour, "border": "#000000"},
                           "hover": {"background": k.colour, "border": "#000000"}}, "shape": k.shape}
        for k in PALETTE
    }  # fmt: skip


def _template() -> str:
    return (Path(__file__).resolve().parent / "assets" / "view.html").read_text(encoding="utf-8")


def _asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def script_json(value: object) -> str:
    """JSON to embed in an HTML ``<script>``: ``<``, ``>`` and ``&`` as ``\\u`` escapes, so that no
    text ("</script>", "<!--<script>") can end or reopen the script element, and U+2028/9 escaped
    for older JavaScript parsers. Those characters only occur inside JSON strings, where the
    escapes mean the same characters."""
    data = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        data = data.replace(char, escape)
    return data


_SHAPES_SVG = {
    "dot": '<circle cx="6" cy="6" r="5"/>',
    "star": '<path d="M6 0.5 7.6 4.3 11.7 4.6 8.6 7.3 9.5 11.3 6 9.2 2.5 11.3 3.4 7.3 0.3 4.6 4.4 4.3Z"/>',
    "triangleDown": '<path d="M1 1.5H11L6 11Z"/>',
    "triangle": '<path d="M6 1 11 10.5H1Z"/>',
    "square": '<rect x="1" y="1" width="10" height="10"/>',
    "diamond": '<path d="M6 0.5 11.5 6 6 11.5 0.5 6Z"/>',
    "hexagon": '<path d="M3.2 1H8.8L11.6 6 8.8 11H3.2L0.4 6Z"/>',
}


def legend_html(g: nx.MultiDiGraph) -> str:
    """Legend entries (a checkbox, the shape in its colour, the class and its count) for the
    kinds present in ``g``."""
    import html
    from collections import Counter

    counts = Counter(d["kind"] for _, d in g.nodes(data=True))
    return "\n".join(
        f'<label><input type="checkbox" value="{k.name}" checked>'
        f'<svg class="sw" width="12" height="12" viewBox="0 0 12 12" fill="{k.colour}" stroke="#333" data-colour="{k.colour}">{_SHAPES_SVG[k.shape]}</svg>'
        f" {html.escape(k.label)} <span class=\"n\">{counts[k.name]}</span></label>"
        for k in PALETTE
        if counts.get(k.name)
    )


def render_html(g: nx.MultiDiGraph, title: str = "armedkg graph", layout: str = "auto") -> str:
    import html

    nodes, edges, large = to_vis(g, layout)
    payload = {"nodes": nodes, "edges": edges, "large": large, "groups": vis_groups(), "rank": SEARCH_RANK, "font": FONT}
    data = script_json(payload)
    page = _template().replace("__VISCSS__", _asset("vis-network.css")).replace("__VISJS__", _asset("vis-network.min.js"))
    return page.replace("__TITLE__", html.escape(title)).replace("__LEGEND__", legend_html(g)).replace("__DATA__", data)


def keep_kinds(g: nx.MultiDiGraph, kinds: list[str] | None) -> nx.MultiDiGraph:
    """Only nodes of these kinds (palette names such as ``Militia``, ``Event``, ``Person``)."""
    if not kinds:
        return g
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise QueryError(f"unknown class {', '.join(unknown)} for the view.", f"Use some of: {', '.join(sorted(KINDS))}.")
    sub = g.subgraph([n for n, d in g.nodes(data=True) if d["kind"] in kinds]).copy()
    sub.graph.update(g.graph)
    return sub


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
    """``show(store, focus=..., hops=..., since=..., until=..., kinds=[...])`` for notebooks.

    ``store`` is an opened store (:func:`builder.store.open_store`) or the path of one (a
    folder, or the ``http://`` URL of a SPARQL server), which is opened read-only.
    """
    return GraphView(view_graph(as_store(store), **selection))  # type: ignore[arg-type]


FIGURE_SUFFIXES = (".svg", ".png", ".pdf")


def save_graph(g: nx.MultiDiGraph, output: str | Path, title: str = "armedkg graph", layout: str = "auto") -> dict[str, int]:
    """Write ``g`` as the interactive page (.html) or as a static figure (.svg, .png, .pdf).

    Raises:
        QueryError: for any other suffix (E040), before anything is written.
    """
    path = Path(output)
    suffix = path.suffix.lower()
    if suffix in FIGURE_SUFFIXES:
        from .figure import draw_figure

        draw_figure(g, path, title=title, layout=layout)
    elif suffix in (".html", ".htm"):
        path.write_text(render_html(g, title=title, layout=layout), encoding="utf-8")
    else:
        raise QueryError(f"cannot write a view as '{suffix or path.name}'.", "Name the output .html (the interactive page), or .svg, .png or .pdf (a figure).")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "undated_left_out": g.graph.get("undated_left_out", 0)}


def write_view(
    store: object,
    output: str | Path,
    focus: str | None = None,
    hops: int = 2,
    since: date | None = None,
    until: date | None = None,
    kinds: list[str] | None = None,
    layout: str = "auto",
) -> dict[str, int]:
    """Write the view of the store (or of an ego network) to ``output``; returns node and edge
    counts and the number of undated events a date range left out.

    ``output`` ending in .svg, .png or .pdf gives a static figure of the same selection.
    """
    from .layout import LAYOUTS

    if layout not in LAYOUTS:
        raise QueryError(f"unknown layout '{layout}'.", f"Use one of: {', '.join(LAYOUTS)}.")
    suffix = Path(output).suffix.lower()
    if suffix not in (*FIGURE_SUFFIXES, ".html", ".htm"):
        save_graph(nx.MultiDiGraph(), output)  # raises the coded error, writes nothing
    g = view_graph(store, focus, hops, since, until, kinds)
    return save_graph(g, output, title=f"armedkg: {focus}" if focus else "armedkg graph", layout=layout)
