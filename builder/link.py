"""Cross-document event linking: one real event told by several documents becomes one event.

``armedkg link-events`` reads every dated event of the store and links the reports of one real
event: events of different documents whose dates lie within a day, whose places lie within
25 km (or are the same place when one of them is known only by its province or country), whose
types agree (the same ACLED event type; a battle, an explosion and an attack on civilians may be
one event when they share a named perpetrator) and whose actors do not contradict each other
(named perpetrators shared, or shared across the roles of a clash). A group is complete: every
two of its reports are compatible, and no document gives two of them.

Each group becomes a linked event in its own named graph (``LINKS_GRAPH``): the type most
reports give, the most common date, the most precise place, every report's actors, claims,
sources, evidence and source document, the highest toll, and one ``akg:linkReason`` per pair
that was compared. Each report gets ``akg:linkedInto`` the linked event; the named queries, the
view and the events CSV count the linked event instead of its reports. The documents' graphs are
never changed, so ``link_events(..., undo=True)`` (drop the links graph) restores the store, and
:func:`unlink` takes one group apart and records ``akg:distinctFrom`` (in ``DECISIONS_GRAPH``)
so that a later run keeps those reports apart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from ontology.namespace import AKG, DATA, GRAPH

from .emit import GEO, linked_event_iri
from .errors import LinkError
from .geo import haversine_km

LINKS_GRAPH = GRAPH["links"]
DECISIONS_GRAPH = GRAPH["link-decisions"]
ROLES = ("perpetrator", "associatedPerpetrator", "target", "associatedTarget", "victim")
SHARED = ("claimedBy", "accordingTo", "reportedBy", "evidence", "targetPlace")
VIOLENT_TYPES = frozenset(str(AKG[t]) for t in ("Battles", "ExplosionsRemoteViolence", "ViolenceAgainstCivilians"))
_PREFIX = f"PREFIX akg: <{AKG._NS}>\nPREFIX rdfs: <{RDFS}>\nPREFIX geo: <{GEO}>\n"


@dataclass(frozen=True)
class LinkRules:
    """How close two reports must be to be one event."""

    max_days: int = 1
    max_km: float = 25.0


@dataclass
class Report:
    """One document's event, as the linker reads it from the store."""

    iri: str
    doc: str
    label: str
    cls: str  # sub-event type class IRI (or the event type when no sub-type is given)
    event_type: str  # ACLED event type class IRI
    day: date
    time_precision: int | None = None
    place: str | None = None
    geo_precision: int | None = None
    point: tuple[float, float] | None = None
    own_point: tuple[float, float] | None = None  # the event's own point (estimated from a direction)
    point_is_place: bool = False  # the point is the place's own, not its province's or country's
    fatalities: int | None = None
    injured: int | None = None
    actors: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def perpetrators(self) -> set[str]:
        return self.actors["perpetrator"] | self.actors["associatedPerpetrator"]

    @property
    def others(self) -> set[str]:
        return self.actors["target"] | self.actors["associatedTarget"] | self.actors["victim"]


@dataclass
class LinkReport:
    """What a linking run did."""

    events_read: int = 0
    links: list[tuple[str, list[str]]] = field(default_factory=list)  # (linked event IRI, report IRIs)
    removed: int = 0  # linked events dropped (undo, unlink)

    @property
    def reports_linked(self) -> int:
        return sum(len(members) for _, members in self.links)


# ------------------------------------------------------------------------------ reading
def _rows(store: object, sparql: str, bindings: dict[str, URIRef] | None = None) -> list[dict[str, object]]:
    """Solutions of a SELECT as dicts of Python values (IRIs and literals as strings); ``bindings``
    are bound as RDF terms (``Store.query``), never pasted into the text."""
    result = store.query(_PREFIX + sparql, bindings) if bindings else store.query(_PREFIX + sparql)  # type: ignore[attr-defined]
    names = [v.value for v in result.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in result]


_EVENTS = """SELECT ?event ?doc ?label ?cls ?parent ?date ?tp ?place ?gp ?f ?inj ?elat ?elon ?plat ?plon WHERE {
  ?event akg:sourceDocument ?doc ; akg:eventDate ?date ; a ?cls .
  FILTER NOT EXISTS { ?event akg:linkReason ?reason }
  ?cls rdfs:subClassOf ?parent . FILTER(STRSTARTS(STR(?cls), STR(akg:)))
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event akg:timePrecision ?tp }
  OPTIONAL { ?event akg:place ?place . OPTIONAL { ?place geo:lat ?plat ; geo:long ?plon } }
  OPTIONAL { ?event akg:geoPrecision ?gp }
  OPTIONAL { ?event akg:fatalities ?f }
  OPTIONAL { ?event akg:injured ?inj }
  OPTIONAL { ?event geo:lat ?elat ; geo:long ?elon }
}"""
_EVENT_TYPES = "SELECT ?type WHERE { ?type rdfs:subClassOf akg:Event }"
# A place without coordinates is placed at the deepest division above it that has some.
_ANCESTOR_POINTS = """SELECT ?place ?lat ?lon ?level WHERE {
  ?event akg:place ?place . FILTER NOT EXISTS { ?place geo:lat ?x }
  ?place akg:locatedIn+ ?up . ?up geo:lat ?lat ; geo:long ?lon . OPTIONAL { ?up akg:adminLevel ?level }
}"""
_ACTORS = """SELECT ?event ?role ?actor WHERE {
  VALUES ?role { akg:perpetrator akg:associatedPerpetrator akg:target akg:associatedTarget akg:victim }
  ?event ?role ?actor ; akg:eventDate ?d . FILTER NOT EXISTS { ?event akg:linkReason ?reason }
}"""


def _int(value: object) -> int | None:
    return int(str(value)) if value is not None else None


def _point(lat: object, lon: object) -> tuple[float, float] | None:
    return (float(str(lat)), float(str(lon))) if lat is not None and lon is not None else None


def _ancestor_points(store: object) -> dict[str, tuple[float, float]]:
    best: dict[str, tuple[int, tuple[float, float]]] = {}
    for row in _rows(store, _ANCESTOR_POINTS):
        level = _int(row["level"]) or 0
        if row["place"] not in best or level > best[str(row["place"])][0]:
            best[str(row["place"])] = (level, (float(str(row["lat"])), float(str(row["lon"]))))
    return {place: point for place, (_, point) in best.items()}


def _report(row: dict[str, object], event_types: set[str]) -> Report:
    own = _point(row["elat"], row["elon"])
    place_point = _point(row["plat"], row["plon"])
    cls, parent = str(row["cls"]), str(row["parent"])
    return Report(
        iri=str(row["event"]),
        doc=str(row["doc"]),
        label=str(row["label"] or ""),
        cls=cls,
        event_type=parent if parent in event_types else cls,
        day=date.fromisoformat(str(row["date"])[:10]),
        time_precision=_int(row["tp"]),
        place=str(row["place"]) if row["place"] else None,
        geo_precision=_int(row["gp"]),
        point=own or place_point,
        own_point=own,
        point_is_place=own is not None or place_point is not None,
        fatalities=_int(row["f"]),
        injured=_int(row["inj"]),
    )


def read_reports(store: object) -> list[Report]:
    """Every dated event of the store that is not itself a linked event, with its actors."""
    event_types = {str(r["type"]) for r in _rows(store, _EVENT_TYPES)}
    reports: dict[str, Report] = {}
    for row in _rows(store, _EVENTS):
        candidate = _report(row, event_types)
        known = reports.get(candidate.iri)
        # an event typed with its sub-type and (after reasoning) its type: keep the sub-type
        if known is None or (known.cls in event_types and candidate.cls not in event_types):
            reports[candidate.iri] = candidate
    above = _ancestor_points(store)
    for report in reports.values():
        if report.point is None and report.place in above:
            report.point = above[report.place]
    for row in _rows(store, _ACTORS):
        if row["event"] in reports:
            reports[str(row["event"])].actors[str(row["role"]).rsplit("#", 1)[-1]].add(str(row["actor"]))
    return sorted(reports.values(), key=lambda r: (r.day, r.doc, r.iri))


def read_decisions(store: object) -> set[frozenset[str]]:
    """Pairs of events a person said are distinct (``armedkg unlink``)."""
    return {frozenset((str(r["a"]), str(r["b"]))) for r in _rows(store, "SELECT ?a ?b WHERE { ?a akg:distinctFrom ?b }")}


# ------------------------------------------------------------------------------ deciding
def _short(iri: str) -> str:
    return iri[len(str(DATA)) :] if iri.startswith(str(DATA)) else iri


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _types_agree(a: Report, b: Report, shared_perpetrator: bool) -> bool:
    if a.event_type == b.event_type:
        return True
    return shared_perpetrator and a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES


def _actors_agree(a: Report, b: Report) -> tuple[bool, set[str]]:
    """Whether the named actors of two reports can be those of one event, and the ones shared.
    Perpetrators named on both sides must meet, as perpetrators or across the roles of a clash."""
    shared = (a.perpetrators | a.others) & (b.perpetrators | b.others)
    if not a.perpetrators or not b.perpetrators:
        return True, shared
    same_side = a.perpetrators & b.perpetrators
    swapped = (a.perpetrators & b.others) and (b.perpetrators & a.others)
    return bool(same_side or swapped), shared


def compare(a: Report, b: Report, rules: LinkRules = LinkRules()) -> str | None:
    """Why two reports are one event, or ``None`` when they are not."""
    days = abs((a.day - b.day).days)
    if a.doc == b.doc or days > rules.max_days:
        return None
    if a.point_is_place and b.point_is_place and a.point and b.point:
        km = haversine_km(*a.point, *b.point)
        if km > rules.max_km:
            return None
        where = f"{km:.1f} km apart"
    elif a.place is not None and a.place == b.place:
        where = "the same place (no point of its own)"
    else:
        return None
    agree, shared = _actors_agree(a, b)
    if not agree or not _types_agree(a, b, bool(a.perpetrators & b.perpetrators)):
        return None
    actors = ", ".join(sorted(_local(x) if "#" in x else _short(x) for x in shared)) or "none named on both sides"
    return (
        f"{_short(a.iri)} and {_short(b.iri)}: {days} day(s) apart, {where}, "
        f"types {_local(a.cls)} and {_local(b.cls)}, shared actors: {actors}"
    )


def group_reports(reports: list[Report], rules: LinkRules = LinkRules(), apart: set[frozenset[str]] | None = None) -> list[list[tuple[Report, list[str]]]]:
    """Groups of two or more reports of one event, each report with the reasons that joined it.

    Reports come in date order; each joins the open group it is compatible with (with every
    member, none of its own document, none kept apart) that is nearest, else opens one.
    """
    apart = apart or set()
    closed: list[list[tuple[Report, list[str]]]] = []
    active: list[list[tuple[Report, list[str]]]] = []  # groups whose latest report may still be joined
    for report in sorted(reports, key=lambda r: (r.day, r.doc, r.iri)):
        still = [g for g in active if (report.day - g[-1][0].day).days <= rules.max_days]
        closed.extend(g for g in active if (report.day - g[-1][0].day).days > rules.max_days)
        active = still
        best, best_score, best_reasons = None, math.inf, []
        for group in active:
            reasons = [None if frozenset((report.iri, m.iri)) in apart else compare(m, report, rules) for m, _ in group]
            if any(r is None for r in reasons):
                continue
            score = sum(haversine_km(*m.point, *report.point) if m.point and report.point else 0.0 for m, _ in group) / len(group)
            if score < best_score:
                best, best_score, best_reasons = group, score, [r for r in reasons if r]
        if best is None:
            active.append([(report, [])])
        else:
            best.append((report, best_reasons))
    return [g for g in closed + active if len(g) > 1]


# ------------------------------------------------------------------------------ writing
def _shared_values(store: object, members: list[str]) -> dict[str, dict[str, set[str]]]:
    """Claims, sources, evidence and targeted places of the reports: property -> values per report."""
    values = " ".join(_iri(m) for m in members)
    props = " ".join(f"akg:{p}" for p in SHARED)
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in _rows(store, f"SELECT ?event ?p ?o WHERE {{ VALUES ?event {{ {values} }} VALUES ?p {{ {props} }} ?event ?p ?o }}"):
        out[str(row["event"])][_local(str(row["p"]))].add(str(row["o"]))
    return out


def _most_common(values: Iterable[object]) -> object:
    """The most frequent value, the first seen among equals (reports come in date and document order)."""
    counts = Counter(values)
    return max(counts, key=lambda v: counts[v]) if counts else None


def _merge(group: list[Report]) -> dict[str, object]:
    """The linked event's facts: the commonest type and date, the most precise place (the commonest
    among equally precise ones), every actor, the highest toll."""
    told = Counter(r.place for r in group if r.place)
    placed = sorted((r for r in group if r.place), key=lambda r: (r.geo_precision or 9, not r.point_is_place, -told[r.place]))
    where = placed[0] if placed else group[0]
    actors: dict[str, set[str]] = defaultdict(set)
    for report in group:
        for role in ROLES:
            actors[role] |= report.actors[role]
    for role in ("target", "associatedTarget", "victim"):
        actors[role] -= actors["perpetrator"]  # a clash told from both sides: each actor on one side
    tolls = [r.fatalities for r in group if r.fatalities is not None]
    injured = [r.injured for r in group if r.injured is not None]
    precisions = [r.time_precision for r in group if r.time_precision]
    return {
        "cls": _most_common(r.cls for r in group),
        "day": _most_common(r.day for r in group),
        "time_precision": min(precisions) if precisions else None,
        "where": where,
        "actors": actors,
        "fatalities": max(tolls) if tolls else None,
        "injured": max(injured) if injured else None,
    }


def _linked_triples(g: Graph, group: list[tuple[Report, list[str]]], shared: dict[str, dict[str, set[str]]]) -> str:
    """Add the linked event of a group to ``g``; return its IRI."""
    reports = [r for r, _ in group]
    node = linked_event_iri([r.iri for r in reports])
    facts = _merge(reports)
    where: Report = facts["where"]  # type: ignore[assignment]
    g.add((node, RDF.type, URIRef(str(facts["cls"]))))
    g.add((node, RDFS.label, Literal(f"{where.label or _local(str(facts['cls']))} ({len(reports)} reports)")))
    g.add((node, AKG.eventDate, Literal(facts["day"], datatype=XSD.date)))
    if facts["time_precision"]:
        g.add((node, AKG.timePrecision, Literal(facts["time_precision"], datatype=XSD.integer)))
    if where.place:
        g.add((node, AKG.place, URIRef(where.place)))
        if where.geo_precision:
            g.add((node, AKG.geoPrecision, Literal(where.geo_precision, datatype=XSD.integer)))
    if where.own_point:
        g.add((node, GEO.lat, Literal(str(where.own_point[0]), datatype=XSD.decimal)))
        g.add((node, GEO.long, Literal(str(where.own_point[1]), datatype=XSD.decimal)))
    for role, actors in facts["actors"].items():  # type: ignore[union-attr]
        for actor in sorted(actors):
            g.add((node, AKG[role], URIRef(actor)))
    for prop in ("fatalities", "injured"):
        if facts[prop] is not None:
            g.add((node, AKG[prop], Literal(facts[prop], datatype=XSD.integer)))
    for report, reasons in group:
        g.add((URIRef(report.iri), AKG.linkedInto, node))
        g.add((node, AKG.sourceDocument, URIRef(report.doc)))
        for reason in reasons:
            g.add((node, AKG.linkReason, Literal(reason)))
        for prop, values in shared.get(report.iri, {}).items():
            for value in values:
                g.add((node, AKG[prop], URIRef(value)))
    return str(node)


def link_events(store: object, rules: LinkRules = LinkRules(), undo: bool = False) -> LinkReport:
    """Link the reports of one real event across documents (or, with ``undo``, remove every link).

    The links graph is rebuilt from scratch on each run, so a run after new documents were built
    links them too; reports a person kept apart (:func:`unlink`) stay apart.

    Args:
        store: An open read-write store (embedded or remote).
        rules: The distances in days and kilometres.
        undo: Drop every linked event instead.

    Returns:
        A :class:`LinkReport`.
    """
    before = _count_links(store)
    if undo:
        store.update(f"DROP SILENT GRAPH <{LINKS_GRAPH}>")  # type: ignore[attr-defined]
        return LinkReport(removed=before)
    store.update(f"DROP SILENT GRAPH <{LINKS_GRAPH}>")  # type: ignore[attr-defined]
    reports = read_reports(store)
    groups = group_reports(reports, rules, read_decisions(store))
    shared = _shared_values(store, [r.iri for g in groups for r, _ in g]) if groups else {}
    g = Graph()
    report = LinkReport(events_read=len(reports))
    for group in groups:
        report.links.append((_linked_triples(g, group, shared), sorted(r.iri for r, _ in group)))
    if len(g):
        store.write_batch([(LINKS_GRAPH, g)])  # type: ignore[attr-defined]
    report.removed = before
    return report


def _count_links(store: object) -> int:
    rows = _rows(store, "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?e akg:linkedInto ?l }")
    return int(str(rows[0]["n"])) if rows else 0


def _iri(value: str) -> str:
    """An IRI in SPARQL syntax, checked by pyoxigraph (no text can add syntax)."""
    try:
        return str(ox.NamedNode(value))
    except ValueError:
        raise LinkError(f"'{value}' is not an IRI.", "Give an event IRI or its short form event/DOC/N.") from None


def _linked_event_of(store: object, event: str) -> str:
    iri = event if event.startswith(("http://", "https://")) else f"{DATA}{event.lstrip('/')}"
    _iri(iri)
    query = "SELECT ?l WHERE { { ?event akg:linkedInto ?l } UNION { ?x akg:linkedInto ?event BIND(?event AS ?l) } } LIMIT 1"
    rows = _rows(store, query, {"event": URIRef(iri)})
    if not rows:
        raise LinkError(f"'{event}' is neither a linked event nor one of its reports.", "The events CSV lists linked events (event_id event/linked/...) with their reports' documents.")
    return str(rows[0]["l"])


def unlink(store: object, event: str) -> LinkReport:
    """Take apart the linked event that ``event`` is (or that it is a report of), and record that
    its reports are distinct so that ``link_events`` keeps them apart.

    Args:
        store: An open read-write store.
        event: A linked event or one of its reports: an IRI or its short form (``event/linked/...``).

    Raises:
        LinkError: ``event`` is not linked.
    """
    linked = _linked_event_of(store, event)
    members = sorted(str(r["m"]) for r in _rows(store, "SELECT ?m WHERE { ?m akg:linkedInto ?linked }", {"linked": URIRef(linked)}))
    node, graph = _iri(linked), _iri(str(LINKS_GRAPH))
    store.update(  # type: ignore[attr-defined]
        f"DELETE WHERE {{ GRAPH {graph} {{ {node} ?p ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {graph} {{ ?m {_iri(str(AKG.linkedInto))} {node} }} }}"
    )
    decisions = Graph()
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            decisions.add((URIRef(a), AKG.distinctFrom, URIRef(b)))
    if len(decisions):
        pairs = " ".join(f"{_iri(str(s))} {_iri(str(p))} {_iri(str(o))} ." for s, p, o in decisions)
        store.update(f"INSERT DATA {{ GRAPH {_iri(str(DECISIONS_GRAPH))} {{ {pairs} }} }}")  # type: ignore[attr-defined]
    return LinkReport(links=[(linked, members)], removed=1)
