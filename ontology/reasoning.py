"""SHACL validation (pyshacl) and OWL reasoning (HermiT through owlready2; owlrl without Java).

Inferred facts kept are those a researcher queries: class memberships in the armedkg
ontology, inverse and symmetric relations, and transitive place containment
(``akg:locatedIn``) and sub-unit chains (``akg:partOf``).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .namespace import AKG, DATA

HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = HERE / "armed_actors.ttl"
SHAPES_FILE = HERE / "shapes.ttl"
AKG_NS = str(AKG._NS)


def ontology_graph() -> Graph:
    """The armedkg ontology as an rdflib Graph."""
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@dataclass
class ValidationResult:
    conforms: bool
    violations: int
    text: str
    report_turtle: str
    triples: int


def validate(data: Graph) -> ValidationResult:
    """Validate a data graph against ``ontology/shapes.ttl`` with the ontology as class hierarchy."""
    import pyshacl

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, report_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    sh_result = URIRef("http://www.w3.org/ns/shacl#ValidationResult")
    violations = len(list(report_graph.subjects(RDF.type, sh_result)))
    return ValidationResult(bool(conforms), violations, text, report_graph.serialize(format="turtle"), len(data))


@dataclass
class ReasonResult:
    engine: str
    consistent: bool
    inferred: int
    graph: Graph


def _keep(triple: tuple) -> bool:
    s, p, o = triple
    if not isinstance(s, URIRef) or not str(s).startswith(str(DATA)):
        return False
    if p == RDF.type:
        return isinstance(o, URIRef) and str(o).startswith(AKG_NS)
    return str(p).startswith(AKG_NS) and isinstance(o, URIRef) and str(o).startswith(str(DATA))


def java_available() -> bool:
    return shutil.which("java") is not None


def owl2_datatypes(graph: Graph) -> Graph:
    """A copy of ``graph`` whose ``xsd:date`` values and ranges are ``xsd:dateTime`` at midnight.

    OWL 2's datatype map lacks ``xsd:date``, and HermiT (as Protégé and owlready2 run it) refuses
    an ontology that uses it. The RDF/XML export and the HermiT run both take this copy; the store
    keeps ``xsd:date``.
    """
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.date:
            o = Literal(f"{o}T00:00:00", datatype=XSD.dateTime)
        elif o == XSD.date:
            o = XSD.dateTime
        out.add((s, p, o))
    return out


def class_memberships(data: Graph, ontology: Graph) -> Graph:
    """``rdf:type`` triples of every armedkg superclass of every armedkg class an individual of
    ``data`` has: what HermiT infers but owlready2 keeps only as the most specific class."""
    from rdflib.namespace import RDFS

    ancestors: dict = {}
    out = Graph()
    for s, cls in data.subject_objects(RDF.type):
        if not (isinstance(cls, URIRef) and str(cls).startswith(AKG_NS)):
            continue
        if cls not in ancestors:
            ancestors[cls] = [c for c in ontology.transitive_objects(cls, RDFS.subClassOf) if c != cls and str(c).startswith(AKG_NS)]
        for sup in ancestors[cls]:
            out.add((s, RDF.type, sup))
    return out


def infer_hermit(data: Graph) -> tuple[bool, Graph]:
    """Run HermiT (owlready2) over ontology + data; returns (consistent, inferred triples),
    class memberships included (every superclass of an individual's classes)."""
    import owlready2

    ontology = ontology_graph()
    combined = ontology + data
    # The reasoner sees dates as xsd:dateTime at midnight (the inferences kept are object-level,
    # so nothing leaks back).
    for_hermit = owl2_datatypes(combined)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "combined.owl"
        for_hermit.serialize(destination=str(path), format="xml")
        world = owlready2.World()
        world.get_ontology(path.as_uri()).load()
        try:
            with world.get_ontology("http://armedkg.invalid/inferred#"):
                owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, Graph()
        after = world.as_rdflib_graph()
        inferred = Graph()
        for triple in after:
            if _keep(triple) and triple not in combined:
                inferred.add(triple)
        world.close()
    for triple in class_memberships(data + inferred, ontology):
        if _keep(triple) and triple not in combined:
            inferred.add(triple)
    return True, inferred


def infer_owlrl(data: Graph) -> tuple[bool, Graph]:
    """OWL 2 RL closure (owlrl) over ontology + data; an owl:Nothing member means inconsistency."""
    import owlrl
    from rdflib.namespace import OWL

    combined = ontology_graph() + data
    closure = Graph()
    for triple in combined:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    consistent = not any(closure.subjects(RDF.type, OWL.Nothing))
    inferred = Graph()
    for triple in closure:
        if _keep(triple) and triple not in combined:
            inferred.add(triple)
    return consistent, inferred


def reason(store: object, engine: str = "auto") -> ReasonResult:
    """Reason over the store's documents and write the inferred facts to its ``inferred`` graph.

    Args:
        store: a :class:`builder.store.Store` opened for writing.
        engine: ``hermit``, ``owlrl`` or ``auto`` (HermiT when Java is on the PATH).
    """
    from builder.errors import ReasonerError
    from builder.store import INFERRED_GRAPH

    data = store.union_graph(include_ontology=False, include_inferred=False)
    chosen = engine
    if engine == "auto":
        chosen = "hermit" if java_available() else "owlrl"
    if chosen == "hermit":
        if not java_available():
            raise ReasonerError("HermiT needs Java and none was found.", "Install a JRE (17 works) or use --engine owlrl.")
        consistent, inferred = infer_hermit(data)
    elif chosen == "owlrl":
        consistent, inferred = infer_owlrl(data)
    else:
        raise ReasonerError(f"unknown reasoner '{engine}'.", "Use hermit, owlrl or auto.")
    if consistent:
        store.replace_graph(INFERRED_GRAPH, inferred)
        store.flush()
    return ReasonResult(chosen, consistent, len(inferred), inferred)
