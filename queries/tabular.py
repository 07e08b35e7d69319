"""Non-RDF exports: networks (GraphML, GEXF), GeoJSON, ACLED-style events CSV, mentions JSONL.

All read one rdflib graph of the store (document graphs plus the ontology, which gives the
ACLED labels of event classes and the class hierarchy) or, for the networks, the view's graph.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

AKG = Namespace("https://w3id.org/armedkg/ontology#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ID = "https://w3id.org/armedkg/id/"

EVENT_COLUMNS = [
    "event_id", "doc_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "fatalities", "injured", "claimed_by", "according_to", "evidence",
]  # fmt: skip


def _local(iri: URIRef | str) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def _short(iri: URIRef | str) -> str:
    text = str(iri)
    return text[len(ID) :] if text.startswith(ID) else text


class Facts:
    """Lookups over the store's graph that the exports share."""

    def __init__(self, store: object) -> None:
        self.g: Graph = store.union_graph(include_ontology=True)
        g = self.g
        self.superclasses: dict[URIRef, set[URIRef]] = defaultdict(set)
        for cls in set(g.subjects(RDFS.subClassOf, None)) | set(g.objects(None, RDFS.subClassOf)):
            self.superclasses[cls] = set(g.transitive_objects(cls, RDFS.subClassOf))
        self.event_types = set(self.superclasses_of_kind(AKG.Event)) - {AKG.Event}

    def superclasses_of_kind(self, root: URIRef) -> list[URIRef]:
        return [c for c, sup in self.superclasses.items() if root in sup]

    def label(self, node: URIRef | None) -> str:
        if node is None:
            return ""
        value = self.g.value(node, RDFS.label) or self.g.value(node, SKOS.prefLabel)
        return str(value) if value is not None else _short(node)

    def mention_text(self, ev: URIRef) -> str:
        """The text of an evidence node's mention: its sentence between the mention's offsets
        (document offsets, so less the sentence's own start)."""
        sentence = self.value(ev, AKG.sentence)
        s0, start, end = (int(self.g.value(ev, p) or 0) for p in (AKG.sentenceStart, AKG.start, AKG.end))
        return sentence[start - s0 : end - s0]

    def labels(self, nodes: list[URIRef]) -> str:
        return "; ".join(sorted({self.label(n) for n in nodes}))

    def types(self, node: URIRef) -> list[URIRef]:
        return sorted(t for t in self.g.objects(node, RDF.type) if isinstance(t, URIRef) and str(t).startswith(str(AKG)))

    def most_specific(self, node: URIRef) -> URIRef | None:
        """The asserted class that no other asserted class of the node specialises."""
        types = self.types(node)
        specific = [t for t in types if not any(t in self.superclasses.get(o, ()) for o in types if o != t)]
        return specific[0] if specific else None

    def value(self, node: URIRef, prop: URIRef) -> str:
        v = self.g.value(node, prop)
        return str(v) if v is not None else ""

    def ancestors(self, place: URIRef) -> list[URIRef]:
        """The place and what it lies in, nearest first."""
        out, seen, frontier = [], {place}, [place]
        while frontier:
            out.extend(frontier)
            nxt = []
            for p in frontier:
                for parent in sorted(self.g.objects(p, AKG.locatedIn)):
                    if parent not in seen:
                        seen.add(parent)
                        nxt.append(parent)
            frontier = nxt
        return out

    def coordinates(self, place: URIRef) -> tuple[float, float] | None:
        """The coordinates of the place, or of the nearest place it lies in that has some."""
        for p in self.ancestors(place):
            lat, lon = self.g.value(p, GEO.lat), self.g.value(p, GEO.long)
            if lat is not None and lon is not None:
                return float(lat), float(lon)
        return None

    def admin(self, place: URIRef, level: int) -> URIRef | None:
        for p in self.ancestors(place):
            if self.g.value(p, AKG.adminLevel) == Literal(level) or (level == 0 and (p, RDF.type, AKG.Country) in self.g):
                return p
        return None

    def evidence(self, node: URIRef) -> list[URIRef]:
        return sorted(self.g.objects(node, AKG.evidence), key=lambda e: (self.value(e, AKG.document), int(self.value(e, AKG.start) or 0)))

    def doc_id(self, node: URIRef) -> str:
        for ev in self.evidence(node):
            doc = self.g.value(ev, AKG.document)
            if doc is not None:
                return self.value(doc, AKG.docId)
        return ""

    def events(self) -> list[URIRef]:
        """Every event, once: a report that ``armedkg link-events`` linked into a real event is
        told by that linked event's row."""
        events = {e for t in self.event_types for e in self.g.subjects(RDF.type, t)}
        return sorted(e for e in events if (e, AKG.linkedInto, None) not in self.g)

    def doc_ids(self, event: URIRef) -> str:
        """The documents that report an event ("; " between the several of a linked event)."""
        ids = sorted({self.value(doc, AKG.docId) for doc in self.g.objects(event, AKG.sourceDocument)} - {""})
        return "; ".join(ids) if ids else self.doc_id(event)


def event_rows(facts: Facts) -> list[dict[str, str]]:
    """One ACLED-aligned row per event."""
    g = facts.g
    rows = []
    for event in facts.events():
        cls = facts.most_specific(event)
        parents = [p for p in facts.superclasses.get(cls, ()) if p in facts.event_types and p != cls] if cls else []
        if parents:
            event_type, sub_event_type = facts.label(parents[0]), facts.label(cls)
        else:
            event_type, sub_event_type = (facts.label(cls) if cls else ""), ""
        perpetrators = sorted(g.objects(event, AKG.perpetrator), key=facts.label)
        others = sorted(set(g.objects(event, AKG.target)) | set(g.objects(event, AKG.victim)), key=facts.label)
        actor1 = perpetrators[0] if perpetrators else None
        actor2 = others[0] if others else None
        assoc1 = perpetrators[1:] + sorted(g.objects(event, AKG.associatedPerpetrator), key=facts.label)
        assoc2 = others[1:] + sorted(g.objects(event, AKG.associatedTarget), key=facts.label)
        place = g.value(event, AKG.place)
        own = (g.value(event, GEO.lat), g.value(event, GEO.long))  # estimated from a direction ("the southern countryside of X")
        coords = (float(own[0]), float(own[1])) if own[0] is not None and own[1] is not None else facts.coordinates(place) if place is not None else None
        sentences = []
        for ev in facts.evidence(event):
            sentence = facts.value(ev, AKG.sentence).strip()
            if sentence and sentence not in sentences:
                sentences.append(sentence)
        rows.append(
            {
                "event_id": _short(event),
                "doc_id": facts.doc_ids(event),
                "event_date": facts.value(event, AKG.eventDate),
                "time_precision": facts.value(event, AKG.timePrecision),
                "event_type": event_type,
                "sub_event_type": sub_event_type,
                "actor1": facts.label(actor1),
                "assoc_actor_1": facts.labels(assoc1),
                "inter1": facts.value(actor1, AKG.interCode) if actor1 is not None else "",
                "actor2": facts.label(actor2),
                "assoc_actor_2": facts.labels(assoc2),
                "inter2": facts.value(actor2, AKG.interCode) if actor2 is not None else "",
                "country": facts.label(facts.admin(place, 0)) if place is not None else "",
                "admin1": facts.label(facts.admin(place, 1)) if place is not None else "",
                "admin2": facts.label(facts.admin(place, 2)) if place is not None else "",
                "location": facts.label(place),
                "latitude": f"{coords[0]:.4f}" if coords else "",
                "longitude": f"{coords[1]:.4f}" if coords else "",
                "geo_precision": facts.value(event, AKG.geoPrecision),
                "fatalities": facts.value(event, AKG.fatalities),
                "injured": facts.value(event, AKG.injured),
                "claimed_by": facts.labels(list(g.objects(event, AKG.claimedBy))),
                "according_to": facts.labels(list(g.objects(event, AKG.accordingTo))),
                "evidence": " | ".join(sentences),
            }
        )
    return rows


def write_events_csv(store: object, path: Path) -> int:
    rows = event_rows(Facts(store))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def mention_records(facts: Facts) -> list[dict]:
    """Per document: entity mentions (with offsets) and relations (affiliations), as in DESIGN.md."""
    g = facts.g
    docs: dict[str, dict] = {}

    def record(doc: URIRef) -> dict:
        doc_id = facts.value(doc, AKG.docId)
        return docs.setdefault(doc_id, {"doc_id": doc_id, "entities": [], "relations": []})

    entity_kinds = {AKG.Actor, AKG.Person, AKG.Location, AKG.Country}
    for node, ev in g.subject_objects(AKG.evidence):
        cls = facts.most_specific(node)
        if cls is None or not ({cls} | facts.superclasses.get(cls, set())) & entity_kinds:
            continue
        doc = g.value(ev, AKG.document)
        if doc is None:
            continue
        record(doc)["entities"].append(
            {
                "text": facts.mention_text(ev),
                "start": int(facts.value(ev, AKG.start) or 0),
                "end": int(facts.value(ev, AKG.end) or 0),
                "type": _local(cls),
                "iri": str(node),
                "label": facts.label(node),
            }
        )
    for affiliation in g.subjects(AKG.relation, None):
        source, target = g.value(affiliation, AKG.subjectActor), g.value(affiliation, AKG.objectActor)
        prop = g.value(affiliation, AKG.relation)
        for ev in facts.evidence(affiliation):
            doc = g.value(ev, AKG.document)
            if doc is None or source is None or target is None:
                continue
            record(doc)["relations"].append(
                {
                    "type": _local(prop),
                    "source": facts.label(source),
                    "target": facts.label(target),
                    "source_iri": str(source),
                    "target_iri": str(target),
                    "evidence": facts.value(ev, AKG.sentence),
                }
            )
    out = []
    for doc_id in sorted(docs):
        rec = docs[doc_id]
        rec["entities"].sort(key=lambda e: (e["start"], e["end"], e["iri"]))
        rec["relations"].sort(key=lambda r: (r["type"], r["source_iri"], r["target_iri"], r["evidence"]))
        out.append(rec)
    return out


def write_mentions_jsonl(store: object, path: Path) -> int:
    records = mention_records(Facts(store))
    with path.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


def geojson(facts: Facts) -> dict:
    """Events and places with coordinates as GeoJSON Point features (RFC 7946: lon, lat)."""
    features = []
    for row in event_rows(facts):
        if row["latitude"] and row["longitude"]:
            props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
            props["kind"] = "event"
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]}, "properties": props})
    g = facts.g
    for place in sorted(set(g.subjects(GEO.lat, None))):
        lat, lon = g.value(place, GEO.lat), g.value(place, GEO.long)
        if lon is None or (place, AKG.place, None) in g:
            continue  # an event's own point is drawn with the event
        cls = facts.most_specific(place)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {
                    "kind": "place",
                    "id": _short(place),
                    "label": facts.label(place),
                    "type": _local(cls) if cls else "",
                    "admin_level": facts.value(place, AKG.adminLevel),
                    "geonames_id": facts.value(place, AKG.geonamesId),
                    "located_in": facts.labels(list(g.objects(place, AKG.locatedIn))),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(store: object, path: Path) -> int:
    data = geojson(Facts(store))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return len(data["features"])


def network(store: object) -> nx.MultiDiGraph:
    """The view's graph with attributes that GraphML and GEXF can hold (strings, no lists)."""
    from .view import load_graph

    g = load_graph(store)
    for _, d in g.nodes(data=True):
        d["type"] = d.pop("kind")
        d["classes"] = " ".join(d["classes"])
    for _, _, d in g.edges(data=True):
        for key, value in list(d.items()):
            d[key] = "" if value is None else str(value)
    return g


def write_graphml(store: object, path: Path) -> int:
    g = network(store)
    nx.write_graphml(g, path)
    return g.number_of_nodes()


def write_gexf(store: object, path: Path) -> int:
    g = network(store)
    nx.write_gexf(g, path)
    return g.number_of_nodes()


WRITERS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "geojson": write_geojson,
    "events-csv": write_events_csv,
    "mentions-jsonl": write_mentions_jsonl,
}
