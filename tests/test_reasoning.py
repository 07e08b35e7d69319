"""Reasoning and the endpoint agree: the RDF/XML export loads in owlready2 and HermiT runs on it
(what Protégé does), and ``reason`` writes class memberships, so the query page's example
(``?actor a akg:ArmedActor``) returns rows."""

from __future__ import annotations

import json

import pytest

from ontology.reasoning import class_memberships, java_available, ontology_graph, owl2_datatypes, reason
from queries.endpoint import EXAMPLE
from queries.workers import Limits, run_query
from queries.export import export

from .handmade import handmade_store

pytestmark = pytest.mark.slow
needs_java = pytest.mark.skipif(not java_available(), reason="HermiT needs Java")


@needs_java
def test_reasoning_exported_owl_loads_in_owlready2_and_hermit_runs(tmp_path):
    import owlready2

    path = tmp_path / "graph.owl"
    export(handmade_store(), "rdfxml", path)
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    assert len(list(world.individuals())) >= 10
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)  # raised on xsd:date before
    islamic_state = world.search_one(iri="https://w3id.org/armedkg/id/actor/islamic-state")
    assert "JihadistGroup" in {c.name for c in islamic_state.is_a}
    world.close()


def test_reasoning_owl2_datatypes_keeps_values_as_midnight():
    from rdflib import Literal
    from rdflib.namespace import XSD

    g = owl2_datatypes(handmade_store().union_graph(include_ontology=True))
    assert not any(isinstance(o, Literal) and o.datatype == XSD.date for o in g.objects())
    assert Literal("2021-03-01T00:00:00", datatype=XSD.dateTime) in set(g.objects())
    assert XSD.date not in set(g.objects())  # ranges too


def _example_rows(store) -> list[dict]:
    _, body, _ = run_query(store.ox, EXAMPLE, "application/sparql-results+json", "text/turtle", Limits(rows=100))
    return json.loads(body)["results"]["bindings"]


@pytest.mark.parametrize("engine", [pytest.param("hermit", marks=needs_java), "owlrl"])
def test_reasoning_materialises_class_membership_for_the_endpoint_example(engine):
    store = handmade_store()
    assert _example_rows(store) == []  # only the most specific classes are asserted
    result = reason(store, engine=engine)
    assert result.consistent
    labels = {row["label"]["value"] for row in _example_rows(store)}
    assert labels == {"Islamic State", "Wagner Group", "Syrian Arab Army"}


def test_reasoning_class_memberships_follow_the_ontology():
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    from ontology.namespace import AKG

    data = Graph()
    x = URIRef("https://w3id.org/armedkg/id/actor/x")
    data.add((x, RDF.type, AKG.JihadistGroup))
    types = set(class_memberships(data, ontology_graph()).objects(x, RDF.type))
    assert {AKG.RebelGroup, AKG.NonStateArmedGroup, AKG.ArmedActor, AKG.Actor} <= types
    assert all(str(t).startswith(str(AKG._NS)) for t in types)
