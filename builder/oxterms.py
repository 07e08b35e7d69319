"""pyoxigraph terms of the graph's vocabularies and the triples of one document.

Emission (:mod:`builder.emit`) works on pyoxigraph terms (built in Rust, written as N-Quads by
Rust) rather than rdflib ones: several times faster for the tens of thousands of terms of a
batch. :class:`Triples` holds one document's triples and splits them between the document's own
graph and the shared graph of entity descriptions.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Namespace

from ontology.namespace import AKG, DATA

from .store import from_ox

GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")
GN = Namespace("https://sws.geonames.org/")


class _Terms:
    """pyoxigraph IRIs of one namespace, made once: ``_Terms(AKG).perpetrator``. Emission works on
    pyoxigraph terms (built in Rust, written as N-Quads by Rust) rather than rdflib ones, several
    times faster for the tens of thousands of terms of a batch."""

    def __init__(self, namespace: str, closed: type | None = None) -> None:
        self._ns = str(namespace)
        self._closed = closed
        self._cache: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        """Called only on a term's first use: the term is then kept as an attribute, so that the
        next ``O_AKG.evidence`` (a few hundred a document) is a plain attribute lookup."""
        if name.startswith("_"):
            raise AttributeError(name)
        node = self[name]
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        node = self._cache.get(name)
        if node is None:
            if self._closed is not None:
                self._closed[name]  # the ontology's namespace is closed: a misspelt term raises here
            node = self._cache[name] = ox.NamedNode(self._ns + name)
        return node


O_AKG = _Terms(AKG, closed=AKG)
O_RDF, O_RDFS, O_SKOS, O_DCT, O_PROV, O_GEO = (_Terms(ns) for ns in (RDF, RDFS, SKOS, DCTERMS, PROV, GEO))
_XSD_INTEGER, _XSD_DECIMAL, _XSD_DATE, _XSD_BOOLEAN = (ox.NamedNode(str(t)) for t in (XSD.integer, XSD.decimal, XSD.date, XSD.boolean))


def _node(iri: URIRef | str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(str(Decimal(str(value))), datatype=_XSD_DECIMAL)


def _date(value: object) -> ox.Literal:
    return ox.Literal(value.isoformat() if hasattr(value, "isoformat") else str(value), datatype=_XSD_DATE)


# Descriptions of entities (not of a document's own nodes) that every document repeats: they
# go to one shared named graph, stored once, instead of once per document graph. Joins through
# them then cost one row, not one per document that mentions the entity.
SHARED_PREDICATES = frozenset(
    _node(p)
    for p in (RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, AKG.nameKey, AKG.wikidata, RDFS.seeAlso, AKG.interCode, AKG.geonamesId, AKG.adminLevel, GEO.lat, GEO.long)
)
DOCUMENT_NODES = tuple(str(DATA[kind]) for kind in ("doc/", "evidence/", "event/", "claim/", "affiliation/"))


class Triples:
    """The triples (of pyoxigraph terms) of one document, in insertion order, without duplicates: all that emission
    needs of a graph (``add``), at a fraction of the cost of an rdflib ``Graph`` and its indexes.

    Iterating gives every triple; :meth:`document` and :meth:`shared` split them into what
    belongs to the document's own graph and the entity descriptions of the shared graph.
    """

    __slots__ = ("_triples",)

    def __init__(self) -> None:
        self._triples: dict[tuple, bool] = {}

    @staticmethod
    def is_shared(triple: tuple) -> bool:
        """Whether a triple belongs to the shared descriptions graph (by its predicate, unless
        its subject is one of a document's own nodes)."""
        s, p, _ = triple
        return p in SHARED_PREDICATES and not s.value.startswith(DOCUMENT_NODES)

    def add(self, triple: tuple) -> None:
        if triple not in self._triples:
            self._triples[triple] = self.is_shared(triple)

    def put(self, triple: tuple, shared: bool) -> None:
        """:meth:`add` with the triple's graph known (:func:`_description`). ``setdefault``
        hashes the triple once (each of its three terms hashes its text in Rust), where a test
        and then a store hashed it twice: a few hundred triples a document go through here."""
        self._triples.setdefault(triple, shared)

    def describe(self, triple: tuple) -> None:
        """Add a triple of an entity's shared description whatever its predicate."""
        self._triples[triple] = True

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: tuple) -> bool:
        return triple in self._triples

    def document(self) -> list[tuple]:
        return [t for t, shared in self._triples.items() if not shared]

    def shared(self) -> list[tuple]:
        return [t for t, shared in self._triples.items() if shared]

    def graph(self) -> Graph:
        g = Graph()
        for triple in self._triples:
            g.add(tuple(from_ox(t) for t in triple))
        return g
