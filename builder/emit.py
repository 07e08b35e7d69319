"""RDF emission: the only place that mints IRIs.

Each document becomes one named graph holding the document record, every entity it mentions
(type, labels, identifiers), every mention, affiliation, event and claim, each with an
``akg:Evidence`` node (document, sentence, character offsets, rule, confidence).

An evidence node carries no ``rdf:type`` and no copy of the mention's text: the type follows from
the range of ``akg:evidence`` and the text is the sentence between the offsets. Evidence nodes are
most of a document's quads and the single writer's cost is per quad, so the two derivable triples
of every node (14% of all quads) are left out: a parallel build scales better and the store is
smaller (see ``Facts.mention_text`` and the ``evidence_of`` queries for the text).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ontology.namespace import AKG, DATA, GRAPH

from .gazetteer import name_key
from .geo import locate
from .records import GAZETTEER_RULE, DocResult, Entity, Event, Evidence, Relation
from .oxterms import GEO  # noqa: F401 - builder.link takes it from here
from .oxterms import GN, O_AKG, O_DCT, O_GEO, O_PROV, O_RDF, O_RDFS, O_SKOS, WD, _XSD_BOOLEAN, Triples, _date, _decimal, _integer, _node, _text


AFFILIATION_CLASS = {
    "backedBy": "Backing",
    "alliedWith": "Alliance",
    "fightingAgainst": "Hostility",
    "partOf": "SubUnit",
    "memberOf": "Membership",
    "commanderOf": "Command",
    "formerCommanderOf": "Command",
    "operatesIn": "Presence",
    "controls": "Control",
    "locatedIn": "Containment",
    "usesWeapon": "Armament",
    "holdsWeapon": "Armament",
}
STATUS = ("Current", "Former", "Alleged")


def _q(text: str) -> str:
    return quote(text, safe="-._~")


#: Entities whose description says where it came from (ontology/shapes.ttl, ProvenanceShape).
PROVENANCE_KINDS = ("actor:", "person:", "country:")
KNOWLEDGE_CLASS = {"curated": "CuratedKnowledge", "imported": "ImportedKnowledge", "user": "UserKnowledge"}


def knowledge_source_iri(name: str) -> URIRef:
    """IRI of a knowledge source (``curated``, ``phoenix``, a user's file) by its name."""
    return DATA[f"knowledge/{_q(name)}"]


def knowledge_graph(sources: list) -> Graph:
    """The description of the knowledge sources a build used (``SourceInfo`` records): class by
    kind, name, the files read, SHA-256 of the content."""
    g = Graph()
    for info in sources:
        node = knowledge_source_iri(info.name)
        g.add((node, RDF.type, AKG[KNOWLEDGE_CLASS.get(info.kind, "KnowledgeSource")]))
        g.add((node, RDFS.label, Literal(info.name)))
        for origin in info.origin:
            g.add((node, DCTERMS.source, Literal(origin)))
        if info.sha256:
            g.add((node, AKG.contentSha256, Literal(info.sha256)))
        if info.description:
            g.add((node, RDFS.comment, Literal(info.description)))
    return g


SLUG_CHARS = 80


def slug(name: str, limit: int = SLUG_CHARS) -> str:
    """An IRI path segment for a free-text name (a source such as "Outlet: a long headline
    <https://...>", in any script): percent-encoded, and when longer than ``limit`` cut at a
    character boundary (never inside a ``%XX`` escape) with a hash of the whole name appended,
    so that two long names that share a start stay apart."""
    encoded = _q(name)
    if len(encoded) <= limit:
        return encoded
    head, size = [], 0
    for char in name:
        part = _q(char)
        if size + len(part) > limit - 17:
            break
        head.append(part)
        size += len(part)
    return f"{''.join(head)}-{_hash(name)}"


# Event figures above this are not counts of one event (a typo, a parsing slip, a page number):
# they are left out of akg:fatalities / akg:injured (sums over them would overflow or mislead),
# flagged on the event with an rdfs:comment, and the event keeps its evidence sentence.
MAX_PLAUSIBLE_COUNT = 100_000


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


@lru_cache(maxsize=65536)
def _entity_node(key: str) -> ox.NamedNode:
    """The IRI of an entity (:func:`entity_iri`) as a pyoxigraph term, made once per key: the
    same actors, countries and places are named in document after document."""
    return _node(entity_iri(key))


@lru_cache(maxsize=16384)
def _description(key: str, cls: str, label: str, aliases: tuple[str, ...], country: str | None, qid: str | None, inter: int | None, rank: str | None, nom_de_guerre: str | None, geonames_id: str | None, lat: float | None, lon: float | None, admin_level: int | None) -> tuple[tuple[tuple, bool], ...]:
    """The triples that describe an entity (type, labels, name keys, country, identifiers,
    coordinates), each with whether it belongs to the shared graph (:meth:`Triples.add`), made
    once per description: the same actors, countries and places are described in document after
    document, with the same fields (a quarter of the cost of emission, before)."""
    iri = _entity_node(key)
    out = [(iri, O_RDF.type, O_AKG[cls]), (iri, O_RDFS.label, _text(label)), (iri, O_SKOS.prefLabel, _text(label))]
    out += [(iri, O_SKOS.altLabel, _text(alias)) for alias in aliases if alias and alias != label]
    out += [(iri, O_AKG.nameKey, _text(k)) for k in sorted({name_key(n) for n in (label, *aliases) if n} - {""})]
    if key.startswith(("actor:", "person:")) and country:
        out += [(iri, O_AKG.country, _entity_node(f"country:{country}")), (_entity_node(f"country:{country}"), O_RDF.type, O_AKG.Country)]
    if qid:
        out += [(iri, O_AKG.wikidata, _text(qid)), (iri, O_RDFS.seeAlso, _node(f"{WD}{qid}"))]
    if inter is not None:
        out.append((iri, O_AKG.interCode, _integer(inter)))
    if rank:
        out.append((iri, O_AKG.rank, _text(rank)))
    if nom_de_guerre:
        out.append((iri, O_AKG.nomDeGuerre, _text(nom_de_guerre)))
    if geonames_id:
        out += [(iri, O_AKG.geonamesId, _text(geonames_id)), (iri, O_RDFS.seeAlso, _node(f"{GN}{geonames_id}/"))]
    if lat is not None and lon is not None:
        out += [(iri, O_GEO.lat, _decimal(lat)), (iri, O_GEO.long, _decimal(lon))]
    if admin_level is not None:
        out.append((iri, O_AKG.adminLevel, _integer(admin_level)))
    return tuple((t, Triples.is_shared(t)) for t in out)


@lru_cache(maxsize=1)
def acled_labels() -> dict[str, str]:
    """Ontology class local name -> ACLED (sub-)event type string, read from the ontology."""
    onto = Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "armed_actors.ttl", format="turtle")
    return {str(s).rsplit("#", 1)[1]: str(o) for s, o in onto.subject_objects(SKOS.prefLabel) if str(s).startswith(str(AKG._NS))}


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]




class Emitter:
    """Builds the triples of one :class:`DocResult`."""

    def __init__(self, result: DocResult) -> None:
        self.result = result
        self.doc_id = result.document.id
        self.doc_q = _q(self.doc_id)  # the id as it is written in the IRIs of the document's nodes
        self.g = Triples()
        self.doc = _node(doc_iri(self.doc_id))
        self._literals: dict[str, ox.Literal] = {}

    def evidence(self, ev: Evidence) -> ox.NamedNode:
        node = _node(f"{DATA}evidence/{self.doc_q}/{_hash(ev.rule, ev.start, ev.end, ev.sentence_start)}")
        put = self.g.put  # an evidence node is one of the document's own nodes: never shared
        put((node, O_AKG.document, self.doc), False)
        put((node, O_AKG.sentence, self._literal(ev.sentence)), False)
        put((node, O_AKG.sentenceStart, _integer(ev.sentence_start)), False)
        put((node, O_AKG.start, _integer(ev.start)), False)
        put((node, O_AKG.end, _integer(ev.end)), False)
        put((node, O_AKG.rule, self._literal(ev.rule)), False)
        if ev.construction:
            put((node, O_AKG.construction, self._literal(ev.construction)), False)
        if ev.path:
            put((node, O_AKG.dependencyPath, _text(ev.path)), False)
        put((node, O_AKG.confidence, _decimal(round(ev.confidence, 3))), False)
        return node

    def _literal(self, text: str) -> ox.Literal:
        """A plain literal made once per document (sentences and rule names repeat across the
        evidence of one document)."""
        literal = self._literals.get(text)
        if literal is None:
            literal = self._literals[text] = ox.Literal(text)
        return literal

    def emit(self) -> Triples:
        g = self.g
        d = self.result.document
        g.add((self.doc, O_RDF.type, O_AKG.Document))
        g.add((self.doc, O_AKG.docId, _text(d.id)))
        g.add((self.doc, O_AKG.textSha256, _text(hashlib.sha256(d.text.encode("utf-8")).hexdigest())))
        if d.title:
            g.add((self.doc, O_DCT.title, _text(d.title)))
        if d.published:
            g.add((self.doc, O_AKG.published, _date(d.published)))
        if d.url:
            g.add((self.doc, O_AKG.url, _text(d.url)))
        if d.source:
            g.add((self.doc, O_AKG.sourceName, _text(d.source)))
        if d.source_file:
            g.add((self.doc, O_DCT.source, _text(d.source_file)))
        for ent in self.result.entities.values():
            self.entity(ent)
        for rel in self.result.relations:
            self.relation(rel)
        for event in self.result.events:
            self.event(event)
        return g

    def entity(self, ent: Entity) -> None:
        g = self.g
        iri = _entity_node(ent.key)
        for triple, shared in _description(ent.key, ent.cls, ent.label, tuple(sorted(ent.aliases)), ent.country, ent.qid, ent.inter, ent.rank, ent.nom_de_guerre, ent.geonames_id, ent.lat, ent.lon, ent.admin_level):
            g.put(triple, shared)
        for ev in ent.mentions:
            g.put((iri, O_AKG.evidence, self.evidence(ev)), False)
        if ent.key.startswith(PROVENANCE_KINDS):
            self.provenance(iri, ent)

    def provenance(self, iri: ox.NamedNode, ent: Entity) -> None:
        """Where an actor's, person's or country's description came from: the knowledge sources
        that know it (in the shared description), else this document, where it was read."""
        if not ent.sources:
            self.g.add((iri, O_AKG.extractedFrom, self.doc))
            return
        for name in ent.sources:
            self.g.describe((iri, O_AKG.knowledgeSource, _node(knowledge_source_iri(name))))
        if ent.citation:
            self.g.describe((iri, O_DCT.source, _text(ent.citation)))

    def relation(self, rel: Relation) -> None:
        g = self.g
        s, o = _entity_node(rel.subject), _entity_node(rel.object)
        prop = O_AKG[rel.prop]
        if rel.evidence.rule == GAZETTEER_RULE:
            # A place's containment known from GeoNames, not read in a sentence: part of the
            # place's description (shared graph, like its coordinates and GeoNames id), with no
            # affiliation node and no evidence pointing at a sentence that does not say it.
            if (s, prop, o) not in self.g:
                g.describe((s, prop, o))
            return
        g.add((s, prop, o))
        node = _node(f"{DATA}affiliation/{self.doc_q}/{_hash(rel.prop, rel.subject, rel.object)}")
        g.add((node, O_RDF.type, O_AKG[AFFILIATION_CLASS.get(rel.prop, "Affiliation")]))
        g.add((node, O_AKG.subjectActor, s))
        g.add((node, O_AKG.objectActor, o))
        g.add((node, O_AKG.relation, prop))
        g.add((node, O_AKG.sourceDocument, self.doc))
        g.add((node, O_AKG.status, O_AKG[rel.status if rel.status in STATUS else "Current"]))
        if rel.start:
            g.add((node, O_AKG.startDate, _date(rel.start)))
        if rel.end:
            g.add((node, O_AKG.endDate, _date(rel.end)))
        if rel.role:
            g.add((node, O_AKG.commandRole, _text(rel.role)))
        if rel.according_to:
            self._source(node, rel.according_to)
        g.add((node, O_AKG.evidence, self.evidence(rel.evidence)))
        if rel.prop == "memberOf" and rel.status == "Current":
            g.add((node, O_RDF.type, O_AKG.Membership))

    def _source(self, node: ox.NamedNode, key: str) -> None:
        src = _entity_node(key)
        self.g.add((node, O_AKG.accordingTo, src))
        self.g.add((src, O_RDF.type, O_AKG.Source))

    def event(self, event: Event) -> None:
        g = self.g
        node = _node(f"{DATA}event/{self.doc_q}/{event.n}")
        g.add((node, O_RDF.type, O_AKG[event.cls]))
        g.add((node, O_AKG.sourceDocument, self.doc))
        g.add((node, O_RDFS.label, _text(self._event_label(event))))
        if event.date:
            g.add((node, O_AKG.eventDate, _date(event.date)))
            g.add((node, O_AKG.timePrecision, _integer(event.time_precision or 1)))
        if event.place:
            g.add((node, O_AKG.place, _entity_node(event.place)))
            where = locate(self.result, event.place, near=event.geo_precision == 2)
            precision = event.geo_precision
            if where.precision is not None:
                precision = max(precision or 1, where.precision)
            if precision:
                g.add((node, O_AKG.geoPrecision, _integer(precision)))
        if event.near:
            g.add((node, O_AKG.near, _entity_node(event.near)))
        if event.lat is not None and event.lon is not None:
            # the event's own point, estimated from a direction ("the southern countryside of X")
            g.add((node, O_GEO.lat, _decimal(event.lat)))
            g.add((node, O_GEO.long, _decimal(event.lon)))
        for key in event.target_places:
            g.add((node, O_AKG.targetPlace, _entity_node(key)))
        for prop, keys in (
            (O_AKG.perpetrator, event.perpetrators),
            (O_AKG.associatedPerpetrator, event.assoc_perpetrators),
            (O_AKG.target, event.targets),
            (O_AKG.victim, event.victims),
        ):
            for key in keys:
                g.add((node, prop, _entity_node(key)))
        self._counts(node, event)
        if event.assassination:
            g.add((node, O_AKG.assassination, ox.Literal("true", datatype=_XSD_BOOLEAN)))
        for key in event.according_to:
            self._source(node, key)
        for i, claim in enumerate(event.claims, start=1):
            c = _node(f"{DATA}claim/{self.doc_q}/{event.n}-{i}")
            g.add((c, O_RDF.type, O_AKG.Claim))
            g.add((c, O_AKG.claimant, _entity_node(claim.claimant)))
            g.add((c, O_AKG.claimedEvent, node))
            g.add((c, O_AKG.sourceDocument, self.doc))
            g.add((node, O_AKG.claimedBy, _entity_node(claim.claimant)))
            if claim.via:
                g.add((c, O_AKG.claimVia, _entity_node(claim.via)))
            if claim.date:
                g.add((c, O_AKG.claimDate, _date(claim.date)))
            g.add((c, O_AKG.evidence, self.evidence(claim.evidence)))
        for ev in event.evidence:
            g.add((node, O_AKG.evidence, self.evidence(ev)))
        g.add((node, O_AKG.reportedBy, self._doc_source()))

    def _counts(self, node: ox.NamedNode, event: Event) -> None:
        """Fatalities and injured of an event; an implausible figure is flagged, not stored."""
        for prop, label, value in ((O_AKG.fatalities, "fatalities", event.fatalities), (O_AKG.injured, "injured", event.injured)):
            if value is None:
                continue
            if 0 <= value <= MAX_PLAUSIBLE_COUNT:
                self.g.add((node, prop, _integer(value)))
            else:
                note = f"{label} figure {str(value)[:40]} read in the text is not plausible for one event (above {MAX_PLAUSIBLE_COUNT:,}): not stored; see the evidence sentence"
                self.g.add((node, O_RDFS.comment, _text(note)))

    def _doc_source(self) -> ox.NamedNode:
        name = self.result.document.source or "unknown source"
        src = _node(f"{DATA}source/{slug(name.lower().replace(' ', '-'))}")
        self.g.add((src, O_RDF.type, O_AKG.Source))
        self.g.add((src, O_RDFS.label, _text(name)))
        self.g.add((self.doc, O_PROV.wasAttributedTo, src))
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



def linked_event_iri(members: list[str]) -> URIRef:
    """IRI of the real event that several documents' events report (``armedkg link-events``):
    one per set of reports, the same whenever the same reports are linked again."""
    return DATA[f"event/linked/{_hash(*sorted(members))}"]
