"""Exports of the store.

- RDF: ``turtle``, ``nquads`` (one named graph per document), ``jsonld``, ``rdfxml`` (Protégé).
- Networks for Gephi: ``graphml`` and ``gexf``, the nodes and edges of the view with their
  labels, types, dates and evidence as attributes.
- ``geojson`` for QGIS: events and places with coordinates as Point features (a ``kind``
  property tells them apart); ``geojson-events`` and ``geojson-places``: one layer each.
- ``events-csv``: every column of ACLED's export in its order and types, then armedkg's own
  (columns :data:`queries.tabular.EVENT_COLUMNS`), one row per event.
- ``mentions-jsonl``: one line per document with its entity mentions and relations.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from builder.errors import ExportError

RDF_FORMATS = {
    "turtle": ("turtle", False),
    "nquads": ("nquads", True),
    "jsonld": ("json-ld", False),
    "rdfxml": ("xml", False),
}


OTHER_FORMATS = ("graphml", "gexf", "geojson", "geojson-events", "geojson-places", "events-csv", "mentions-jsonl")
JSONLD_CONTEXT = {
    "akg": "https://w3id.org/armedkg/ontology#",
    "id": "https://w3id.org/armedkg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "dcterms": "http://purl.org/dc/terms/",
}
FORMATS = (*RDF_FORMATS, *OTHER_FORMATS)


def export(store: object, fmt: str, output: str | Path, include_ontology: bool = True) -> int:
    """Write the graph in ``fmt``; returns the number of records written (triples, quads,
    nodes, features, rows or documents).

    Triple formats hold the union of all document graphs, plus the ontology (so that the
    RDF/XML file opens in Protégé with its classes) and inferred facts; ``nquads`` keeps the
    named graph of each document.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'.", f"Use one of: {', '.join(FORMATS)}.")
    path = Path(output)
    if fmt in OTHER_FORMATS:
        from . import tabular

        return tabular.WRITERS[fmt](store, path)
    rdflib_format, quads = RDF_FORMATS[fmt]
    if quads:
        data = store.dump(ox.RdfFormat.N_QUADS)
        path.write_bytes(data)
        return sum(1 for line in data.splitlines() if line.strip())
    g = store.union_graph(include_ontology=include_ontology)
    if fmt == "rdfxml":
        # For Protégé and HermiT: OWL 2 has no xsd:date (dates become xsd:dateTime at midnight),
        # and OWL 2 DL wants every individual declared (Protégé and owlready2 then list them).
        from rdflib import URIRef
        from rdflib.namespace import OWL, RDF

        from ontology.reasoning import owl2_datatypes

        g = owl2_datatypes(g)
        for subject in set(g.subjects(RDF.type, None)):
            if isinstance(subject, URIRef) and str(subject).startswith("https://w3id.org/armedkg/id/"):
                g.add((subject, RDF.type, OWL.NamedIndividual))
    g.bind("akg", "https://w3id.org/armedkg/ontology#")
    g.bind("id", "https://w3id.org/armedkg/id/")
    g.bind("skos", "http://www.w3.org/2004/02/skos/core#")
    g.bind("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#")
    g.bind("org", "http://www.w3.org/ns/org#")
    g.bind("prov", "http://www.w3.org/ns/prov#")
    if fmt == "jsonld":
        # Compact JSON-LD: an @context of the prefixes, so that keys read akg:backedBy, not full IRIs.
        g.serialize(destination=str(path), format=rdflib_format, encoding="utf-8", context=JSONLD_CONTEXT, auto_compact=True)
        return len(g)
    g.serialize(destination=str(path), format=rdflib_format, encoding="utf-8")
    return len(g)
