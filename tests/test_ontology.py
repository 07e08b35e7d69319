"""The ontology, its closed Python namespace and the SHACL shapes."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology.namespace import AKG
from ontology.reasoning import ONTOLOGY_FILE, SHAPES_FILE

NS = str(AKG._NS)

# ACLED codebook (2019-2023): event types and their sub-event types, verbatim.
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def test_ontology_namespace_in_step_with_ttl(onto):
    defined = {str(s)[len(NS) :] for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    in_python = set(AKG.__annotations__)
    assert defined == in_python


def test_ontology_namespace_is_closed():
    assert AKG.backedBy == URIRef(NS + "backedBy")
    with pytest.raises(AttributeError):
        AKG.backedByy  # noqa: B018 - the typo must fail


def test_ontology_acled_types_verbatim(onto):
    found = {}
    for top in onto.subjects(RDFS.subClassOf, AKG.Event):
        top_label = str(onto.value(top, SKOS.prefLabel))
        found[top_label] = {str(onto.value(sub, SKOS.prefLabel)) for sub in onto.subjects(RDFS.subClassOf, top)}
    assert found == ACLED


def test_ontology_aligns_with_standard_vocabularies(onto):
    org = "http://www.w3.org/ns/org#"
    assert (AKG.Membership, RDFS.subClassOf, URIRef(org + "Membership")) in onto
    assert (AKG.memberOf, RDFS.subPropertyOf, URIRef(org + "memberOf")) in onto
    assert (AKG.commanderOf, RDFS.subPropertyOf, URIRef(org + "headOf")) in onto
    assert (AKG.evidence, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in onto
    assert (AKG.participant, RDFS.subPropertyOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")) in onto
    assert (AKG.locatedIn, RDF.type, OWL.TransitiveProperty) in onto
    assert (AKG.alliedWith, RDF.type, OWL.SymmetricProperty) in onto
    assert (AKG.backedBy, OWL.inverseOf, AKG.backerOf) in onto


def test_ontology_class_hierarchy(onto):
    def ancestors(cls):
        return set(onto.transitive_objects(cls, RDFS.subClassOf))

    assert AKG.ArmedActor in ancestors(AKG.JihadistGroup)
    assert AKG.NonStateArmedGroup in ancestors(AKG.Militia)
    assert AKG.Actor in ancestors(AKG.StateForce)
    assert AKG.Location in ancestors(AKG.Country) and AKG.Actor in ancestors(AKG.Country)


def test_ontology_shapes_parse_and_target_ontology_classes(onto):
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert {AKG.Actor, AKG.Event, AKG.Affiliation, AKG.Claim} <= targets
    # Evidence nodes are untyped in the data: their shape targets whatever a fact cites.
    assert AKG.evidence in set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetObjectsOf")))
    for t in targets:
        assert (t, RDF.type, OWL.Class) in onto


def test_shapes_check_untyped_evidence_nodes():
    """Evidence nodes carry no rdf:type in the data; the shapes still find them (as what a fact
    cites) and reject one without its rule or with its offsets the wrong way round."""
    from ontology.reasoning import validate

    def graph(evidence: str) -> Graph:
        return Graph().parse(
            data=f"""
            @prefix akg: <https://w3id.org/armedkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <urn:doc> a akg:Document ; akg:docId "d" ; akg:textSha256 "00" .
            <urn:actor> a akg:Militia ; rdfs:label "Some Brigade" ; akg:evidence <urn:ev> ; akg:extractedFrom <urn:doc> .
            <urn:ev> akg:document <urn:doc> ; akg:sentence "Some Brigade attacked." ; akg:sentenceStart 0 ;
                akg:confidence 0.9 ; {evidence} .
            """,
            format="turtle",
        )

    assert validate(graph('akg:start 0 ; akg:end 12 ; akg:rule "ner"')).conforms
    missing_rule = validate(graph("akg:start 0 ; akg:end 12"))
    assert not missing_rule.conforms and "extractor rule" in missing_rule.text
    assert not validate(graph('akg:start 12 ; akg:end 0 ; akg:rule "ner"')).conforms


def test_ontology_every_term_has_one_definition(onto):
    from ontology.reference import ontology_terms, undefined_terms

    assert len(ontology_terms(onto)) >= 130
    assert undefined_terms(onto) == []


def test_ontology_a_new_term_without_a_definition_fails(onto):
    from rdflib import Literal

    from ontology.reference import undefined_terms

    g = Graph()
    for triple in onto:
        g.add(triple)
    g.add((URIRef(NS + "Drone"), RDF.type, OWL.Class))
    g.add((URIRef(NS + "Drone"), RDFS.label, Literal("Drone", lang="en")))
    g.add((AKG.Militia, RDFS.comment, Literal("a second convention", lang="en")))
    assert undefined_terms(g) == ["akg:Drone", "akg:Militia"]


def test_ontology_reference_is_generated_from_the_ttl():
    """docs/ontology.md and queries/assets/ontology.html are what scripts/build_ontology_doc.py
    writes from the TTL today (run it after editing the ontology)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    check = subprocess.run([sys.executable, str(root / "scripts" / "build_ontology_doc.py"), "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    text = (root / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert "### akg:JihadistGroup" in text and "transnational jihadist ideology" in text


def test_emission_refuses_a_term_the_ontology_lacks():
    """The graph writer checks every akg: term it writes against the ontology's closed namespace."""
    from builder.emit import O_AKG

    assert O_AKG.construction.value == NS + "construction"
    with pytest.raises(AttributeError):
        O_AKG.fightingAgainstt  # noqa: B018 - the typo must fail at once, not write a stray IRI
