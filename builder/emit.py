"""RDF emission: the only place that mints IRIs.

Each document becomes one named graph holding the document record, every entity it mentions
(type, labels, identifiers), every mention, affiliation, event and claim, each with an
``akg:Evidence`` node (document, sentence, character offsets, rule, confidence).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Namespace

from ontology.namespace import AKG, DATA, GRAPH

from .gazetteer import name_key
from .geo import locate
from .records import DocResult, Entity, Event, Evidence, Relation

GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")
GN = Namespace("https://sws.geonames.org/")

AFFILIATION_CLASS = {
    "backedBy": AKG.Backing,
    "alliedWith": AKG.Alliance,
    "fightingAgainst": AKG.Hostility,
    "partOf": AKG.SubUnit,
    "memberOf": AKG.Membership,
    "commanderOf": AKG.Command,
    "formerCommanderOf": AKG.Command,
    "operatesIn": AKG.Presence,
    "controls": AKG.Control,
    "locatedIn": AKG.Containment,
}
STATUS = {"Current": AKG.Current, "Former": AKG.Former, "Alleged": AKG.Alleged}


def _q(text: str) -> str:
    return quote(text, safe="-._~")


def doc_iri(doc_id: str) -> URIRef:
    return DATA[f"doc/{_q(doc_id)}"]


def doc_graph(doc_id: str) -> URIRef:
    """IRI of the named graph that holds one document's assertions."""
    return GRAPH[f"doc/{_q(doc_id)}"]


def entity_iri(key: str) -> URIRef:
    """IRI of an entity from its resolution key (stable across documents)."""
    kind, _, rest = key.partition(":")
    if kind == "place":
        sub, _, ident = rest.partition(":")
        if sub == "gn":
            return DATA[f"place/gn-{_q(ident)}"]
        if sub == "adm1":
            return DATA[f"place/adm1-{_q(ident)}"]
        if sub == "cur":
            return DATA[f"place/{_q(ident)}"]
        return DATA[f"place/{_q(sub)}/{_q(ident)}"]
    return DATA[f"{kind}/{_q(rest)}"]


@lru_cache(maxsize=1)
def acled_labels() -> dict[str, str]:
    """Ontology class local name -> ACLED (sub-)event type string, read from the ontology."""
    onto = Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "armed_actors.ttl", format="turtle")
    return {str(s).rsplit("#", 1)[1]: str(o) for s, o in onto.subject_objects(SKOS.prefLabel) if str(s).startswith(str(AKG._NS))}


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


# Descriptions of entities (not of a document's own nodes) that every document repeats: they
# go to one shared named graph, stored once, instead of once per document graph. Joins through
# them then cost one row, not one per document that mentions the entity.
SHARED_PREDICATES = frozenset(
    {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, AKG.nameKey, AKG.wikidata, RDFS.seeAlso, AKG.interCode, AKG.geonamesId, AKG.adminLevel}
    | {URIRef("http://www.w3.org/2003/01/geo/wgs84_pos#lat"), URIRef("http://www.w3.org/2003/01/geo/wgs84_pos#long")}
)
DOCUMENT_NODES = tuple(str(DATA[kind]) for kind in ("doc/", "evidence/", "event/", "claim/", "affiliation/"))


class Triples:
    """The triples of one document, in insertion order, without duplicates: all that emission
    needs of a graph (``add``), at a fraction of the cost of an rdflib ``Graph`` and its indexes.

    Iterating gives every triple; :meth:`document` and :meth:`shared` split them into what
    belongs to the document's own graph and the entity descriptions of the shared graph.
    """

    __slots__ = ("_triples",)

    def __init__(self) -> None:
        self._triples: dict[tuple, bool] = {}

    def add(self, triple: tuple) -> None:
        if triple not in self._triples:
            s, p, _ = triple
            self._triples[triple] = p in SHARED_PREDICATES and not str(s).startswith(DOCUMENT_NODES)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def document(self) -> list[tuple]:
        return [t for t, shared in self._triples.items() if not shared]

    def shared(self) -> list[tuple]:
        return [t for t, shared in self._triples.items() if shared]

    def graph(self) -> Graph:
        g = Graph()
        for triple in self._triples:
            g.add(triple)
        return g


class Emitter:
    """Builds the triples of one :class:`DocResult`."""

    def __init__(self, result: DocResult) -> None:
        self.result = result
        self.doc_id = result.document.id
        self.g = Triples()
        self.doc = doc_iri(self.doc_id)

    def evidence(self, ev: Evidence) -> URIRef:
        node = DATA[f"evidence/{_q(self.doc_id)}/{_hash(ev.rule, ev.start, ev.end, ev.sentence_start)}"]
        g = self.g
        g.add((node, RDF.type, AKG.Evidence))
        g.add((node, AKG.document, self.doc))
        g.add((node, AKG.sentence, Literal(ev.sentence)))
        g.add((node, AKG.sentenceStart, Literal(ev.sentence_start, datatype=XSD.integer)))
        g.add((node, AKG.start, Literal(ev.start, datatype=XSD.integer)))
        g.add((node, AKG.end, Literal(ev.end, datatype=XSD.integer)))
        g.add((node, AKG.mentionText, Literal(ev.text)))
        g.add((node, AKG.rule, Literal(ev.rule)))
        g.add((node, AKG.confidence, Literal(Decimal(str(round(ev.confidence, 3))), datatype=XSD.decimal)))
        return node

    def emit(self) -> Triples:
        g = self.g
        d = self.result.document
        g.add((self.doc, RDF.type, AKG.Document))
        g.add((self.doc, AKG.docId, Literal(d.id)))
        g.add((self.doc, AKG.textSha256, Literal(hashlib.sha256(d.text.encode("utf-8")).hexdigest())))
        if d.title:
            g.add((self.doc, DCTERMS.title, Literal(d.title)))
        if d.published:
            g.add((self.doc, AKG.published, Literal(d.published, datatype=XSD.date)))
        if d.url:
            g.add((self.doc, AKG.url, Literal(d.url)))
        if d.source:
            g.add((self.doc, AKG.sourceName, Literal(d.source)))
        for ent in self.result.entities.values():
            self.entity(ent)
        for rel in self.result.relations:
            self.relation(rel)
        for event in self.result.events:
            self.event(event)
        return g

    def entity(self, ent: Entity) -> None:
        g = self.g
        iri = entity_iri(ent.key)
        g.add((iri, RDF.type, AKG[ent.cls]))
        g.add((iri, RDFS.label, Literal(ent.label)))
        g.add((iri, SKOS.prefLabel, Literal(ent.label)))
        for alias in sorted(ent.aliases):
            if alias and alias != ent.label:
                g.add((iri, SKOS.altLabel, Literal(alias)))
        for key in sorted({name_key(n) for n in (ent.label, *ent.aliases) if n} - {""}):
            g.add((iri, AKG.nameKey, Literal(key)))
        if ent.key.startswith(("actor:", "person:")) and ent.country:
            g.add((iri, AKG.country, entity_iri(f"country:{ent.country}")))
            g.add((entity_iri(f"country:{ent.country}"), RDF.type, AKG.Country))
        if ent.qid:
            g.add((iri, AKG.wikidata, Literal(ent.qid)))
            g.add((iri, RDFS.seeAlso, WD[ent.qid]))
        if ent.inter is not None:
            g.add((iri, AKG.interCode, Literal(ent.inter, datatype=XSD.integer)))
        if ent.rank:
            g.add((iri, AKG.rank, Literal(ent.rank)))
        if ent.nom_de_guerre:
            g.add((iri, AKG.nomDeGuerre, Literal(ent.nom_de_guerre)))
        if ent.geonames_id:
            g.add((iri, AKG.geonamesId, Literal(ent.geonames_id)))
            g.add((iri, RDFS.seeAlso, GN[f"{ent.geonames_id}/"]))
        if ent.lat is not None and ent.lon is not None:
            g.add((iri, GEO.lat, Literal(Decimal(str(ent.lat)), datatype=XSD.decimal)))
            g.add((iri, GEO.long, Literal(Decimal(str(ent.lon)), datatype=XSD.decimal)))
        if ent.admin_level is not None:
            g.add((iri, AKG.adminLevel, Literal(ent.admin_level, datatype=XSD.integer)))
        for ev in ent.mentions:
            g.add((iri, AKG.evidence, self.evidence(ev)))

    def relation(self, rel: Relation) -> None:
        g = self.g
        s, o = entity_iri(rel.subject), entity_iri(rel.object)
        prop = AKG[rel.prop]
        g.add((s, prop, o))
        node = DATA[f"affiliation/{_q(self.doc_id)}/{_hash(rel.prop, rel.subject, rel.object)}"]
        g.add((node, RDF.type, AFFILIATION_CLASS.get(rel.prop, AKG.Affiliation)))
        g.add((node, AKG.subjectActor, s))
        g.add((node, AKG.objectActor, o))
        g.add((node, AKG.relation, prop))
        g.add((node, AKG.status, STATUS.get(rel.status, AKG.Current)))
        if rel.start:
            g.add((node, AKG.startDate, Literal(rel.start, datatype=XSD.date)))
        if rel.end:
            g.add((node, AKG.endDate, Literal(rel.end, datatype=XSD.date)))
        if rel.according_to:
            self._source(node, rel.according_to)
        g.add((node, AKG.evidence, self.evidence(rel.evidence)))
        if rel.prop == "memberOf" and rel.status == "Current":
            g.add((node, RDF.type, AKG.Membership))

    def _source(self, node: URIRef, key: str) -> None:
        src = entity_iri(key)
        self.g.add((node, AKG.accordingTo, src))
        self.g.add((src, RDF.type, AKG.Source))

    def event(self, event: Event) -> None:
        g = self.g
        node = DATA[f"event/{_q(self.doc_id)}/{event.n}"]
        g.add((node, RDF.type, AKG[event.cls]))
        g.add((node, RDFS.label, Literal(self._event_label(event))))
        if event.date:
            g.add((node, AKG.eventDate, Literal(event.date, datatype=XSD.date)))
            g.add((node, AKG.timePrecision, Literal(event.time_precision or 1, datatype=XSD.integer)))
        if event.place:
            g.add((node, AKG.place, entity_iri(event.place)))
            where = locate(self.result, event.place, near=event.geo_precision == 2)
            precision = event.geo_precision
            if where.precision is not None:
                precision = max(precision or 1, where.precision)
            if precision:
                g.add((node, AKG.geoPrecision, Literal(precision, datatype=XSD.integer)))
        if event.near:
            g.add((node, AKG.near, entity_iri(event.near)))
        for prop, keys in (
            (AKG.perpetrator, event.perpetrators),
            (AKG.associatedPerpetrator, event.assoc_perpetrators),
            (AKG.target, event.targets),
            (AKG.victim, event.victims),
        ):
            for key in keys:
                g.add((node, prop, entity_iri(key)))
        if event.fatalities is not None:
            g.add((node, AKG.fatalities, Literal(event.fatalities, datatype=XSD.integer)))
        if event.injured is not None:
            g.add((node, AKG.injured, Literal(event.injured, datatype=XSD.integer)))
        if event.assassination:
            g.add((node, AKG.assassination, Literal(True)))
        for key in event.according_to:
            self._source(node, key)
        for i, claim in enumerate(event.claims, start=1):
            c = DATA[f"claim/{_q(self.doc_id)}/{event.n}-{i}"]
            g.add((c, RDF.type, AKG.Claim))
            g.add((c, AKG.claimant, entity_iri(claim.claimant)))
            g.add((c, AKG.claimedEvent, node))
            g.add((node, AKG.claimedBy, entity_iri(claim.claimant)))
            if claim.via:
                g.add((c, AKG.claimVia, entity_iri(claim.via)))
            if claim.date:
                g.add((c, AKG.claimDate, Literal(claim.date, datatype=XSD.date)))
            g.add((c, AKG.evidence, self.evidence(claim.evidence)))
        for ev in event.evidence:
            g.add((node, AKG.evidence, self.evidence(ev)))
        g.add((node, AKG.reportedBy, self._doc_source()))

    def _doc_source(self) -> URIRef:
        name = self.result.document.source or "unknown source"
        src = DATA[f"source/{_q(name.lower().replace(' ', '-'))[:80]}"]
        self.g.add((src, RDF.type, AKG.Source))
        self.g.add((src, RDFS.label, Literal(name)))
        self.g.add((self.doc, PROV.wasAttributedTo, src))
        return src

    def _event_label(self, event: Event) -> str:
        ents = self.result.entities
        parts = [acled_labels().get(event.cls, event.cls)]
        if event.perpetrators and event.perpetrators[0] in ents:
            parts.append(f"by {ents[event.perpetrators[0]].label}")
        if event.place and event.place in ents:
            parts.append(f"at {ents[event.place].label}")
        if event.date:
            parts.append(f"on {event.date.isoformat()}")
        return " ".join(parts)


def emit(result: DocResult) -> Graph:
    """The RDF graph of one document's extraction."""
    return Emitter(result).emit().graph()


def emit_triples(result: DocResult) -> Triples:
    """The same triples as :func:`emit`, without building an rdflib graph (what a build writes)."""
    return Emitter(result).emit()

