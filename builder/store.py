"""The graph store: Oxigraph embedded on disk (default ``./armedkg-store``).

One named graph per document, so that a document built again replaces its own assertions and
nothing else; the ontology lives in its own named graph. Queries see the union of all graphs.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph

from ontology.namespace import GRAPH

from .errors import StoreError

DEFAULT_STORE = "./armedkg-store"
ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]


def to_ox(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def from_ox(term: object) -> rdflib.term.Node:
    """pyoxigraph term -> rdflib term."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


class Store:
    """The armedkg store over Oxigraph.

    Args:
        location: folder of the embedded store, or ``None`` for an in-memory store (tests).
        read_only: open an existing store for reading only (several readers may share it).
    """

    def __init__(self, location: str | Path | None = DEFAULT_STORE, read_only: bool = False) -> None:
        self.location = Path(location) if location is not None else None
        try:
            if self.location is None:
                self.ox = ox.Store()
            elif read_only:
                if not self.location.exists():
                    raise StoreError(f"no store at {self.location}.", "Run 'armedkg build PATH' first or pass --store.")
                self.ox = ox.Store.read_only(str(self.location))
            else:
                self.location.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.location))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.location}: {exc}", "Is another armedkg process writing to it?") from None

    # ------------------------------------------------------------------ writing
    def ensure_ontology(self) -> None:
        """Load ``ontology/armed_actors.ttl`` into its named graph (replacing an older copy)."""
        g = Graph().parse(ONTOLOGY_DIR / "armed_actors.ttl", format="turtle")
        self.replace_graph(ONTOLOGY_GRAPH, g)

    def replace_graph(self, graph_iri: rdflib.URIRef, graph: Graph) -> None:
        """Replace the content of one named graph."""
        name = ox.NamedNode(str(graph_iri))
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in graph]
        if self.ox.contains_named_graph(name):
            self.ox.remove_graph(name)
        self.ox.extend(quads)

    def write_batch(self, graphs: Iterable[tuple[rdflib.URIRef, Graph]]) -> int:
        """Replace several document graphs at once; returns the number of triples written."""
        quads: list[ox.Quad] = []
        for graph_iri, graph in graphs:
            name = ox.NamedNode(str(graph_iri))
            if self.ox.contains_named_graph(name):
                self.ox.remove_graph(name)
            quads.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in graph)
        self.ox.extend(quads)
        return len(quads)

    def document_hash(self, graph_iri: rdflib.URIRef) -> str | None:
        """The text hash recorded for a document graph, or ``None`` if the document is not stored."""
        name = ox.NamedNode(str(graph_iri))
        if not self.ox.contains_named_graph(name):
            return None
        pred = ox.NamedNode("https://w3id.org/armedkg/ontology#textSha256")
        for quad in self.ox.quads_for_pattern(None, pred, None, name):
            return quad.object.value
        return None

    def flush(self) -> None:
        self.ox.flush()

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, bindings: dict[str, rdflib.term.Node] | None = None) -> object:
        """Run a SPARQL query over the union of all graphs, with variables bound as RDF terms.

        Bindings become a ``VALUES`` block at the start of the outer ``WHERE`` group. Each value
        is an RDF term serialised by pyoxigraph (N-Triples escaping), so a parameter can never
        add query syntax: ``x" } ; DROP ALL ; #`` stays one string literal. (Oxigraph's own
        ``substitutions`` only binds projected variables, which filters are not.)
        """
        if bindings:
            names = [n for n in bindings if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n)]
            if len(names) != len(bindings):
                raise StoreError("invalid variable name in bindings.", "Use letters, digits and _.")
            values = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(str(to_ox(bindings[n])) for n in names) + ") }"
            match = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
            if match is None:
                raise StoreError("the query has no WHERE clause to bind parameters in.", "Add WHERE { ... }.")
            sparql = sparql[: match.end()] + "\n  " + values + "\n" + sparql[match.end() :]
        return self.ox.query(sparql, use_default_graph_as_union=True)

    def __len__(self) -> int:
        return len(self.ox)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def union_graph(self, include_ontology: bool = False, include_inferred: bool = True) -> Graph:
        """All triples (document graphs, optionally the ontology and inferred facts) as one rdflib Graph."""
        g = Graph()
        skip = set()
        if not include_ontology:
            skip.add(str(ONTOLOGY_GRAPH))
        if not include_inferred:
            skip.add(str(INFERRED_GRAPH))
        for quad in self.ox.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value in skip:
                continue
            g.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        return g

    def iter_quads(self) -> Iterator[ox.Quad]:
        return iter(self.ox.quads_for_pattern(None, None, None, None))

    def dump(self, fmt: ox.RdfFormat, from_graph: object | None = None) -> bytes:
        out = io.BytesIO()
        if from_graph is None:
            self.ox.dump(out, format=fmt)
        else:
            self.ox.dump(out, format=fmt, from_graph=from_graph)
        return out.getvalue()
