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

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

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


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise ExportError(f"{path} is a folder.", "Give a file name, e.g. -o exports/graph.ttl.")
    if not path.parent.is_dir():
        raise ExportError(f"the folder {path.parent} does not exist.", "Create it first, or choose another --output.")


def _failed(path: Path, exc: OSError) -> ExportError:
    if exc.errno in (28, 27, 122):  # ENOSPC, EFBIG, EDQUOT
        return ExportError(f"cannot write {path}: the disk is full ({exc.strerror}).", "Free some space; a previous file of that name is left as it was.")
    return ExportError(f"cannot write {path}: {exc.strerror or exc}.", "Check the path and its permissions; a previous file of that name is left as it was.")


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_output(output: str | Path, binary: bool = False) -> Iterator[IO]:
    """A file to write an export into, that replaces ``output`` only once complete.

    The export goes to a temporary file beside ``output``, flushed to disk, then renamed over it:
    a full disk or an error half-way leaves the previous file whole. A device or FIFO (not a
    regular file) is written in place.

    Raises:
        ExportError: the output is a folder, its folder is missing, or the write failed.
    """
    path = Path(output)
    _check_output(path)
    mode = "wb" if binary else "w"
    text = {} if binary else {"encoding": "utf-8", "newline": ""}
    try:
        if path.exists() and not path.is_file():
            with open(path, mode, **text) as f:  # type: ignore[call-overload]
                yield f
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        with os.fdopen(fd, mode, **text) as f:  # type: ignore[call-overload]
            yield f
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise _failed(path, exc) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def export(store: object, fmt: str, output: str | Path, include_ontology: bool = True, formula_guard: bool = True) -> int:
    """Write the graph in ``fmt``; returns the number of records written (triples, quads,
    nodes, features, rows or documents).

    Triple formats hold the union of all document graphs, plus the ontology (so that the
    RDF/XML file opens in Protégé with its classes) and inferred facts; ``nquads`` keeps the
    named graph of each document.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'.", f"Use one of: {', '.join(FORMATS)}.")
    path = Path(output)
    _check_output(path)
    if fmt in OTHER_FORMATS:
        from . import tabular

        if fmt == "events-csv":
            return tabular.write_events_csv(store, path, formula_guard=formula_guard)
        return tabular.WRITERS[fmt](store, path)
    rdflib_format, quads = RDF_FORMATS[fmt]
    if quads:
        data = store.dump(ox.RdfFormat.N_QUADS)
        with atomic_output(path, binary=True) as f:
            f.write(data)
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
        data = g.serialize(format=rdflib_format, encoding="utf-8", context=JSONLD_CONTEXT, auto_compact=True)
    else:
        data = g.serialize(format=rdflib_format, encoding="utf-8")
    with atomic_output(path, binary=True) as f:
        f.write(data)
    return len(g)
