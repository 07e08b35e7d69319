"""Filters shared by ``query``, ``view``, ``map`` and ``export``: ``--min-confidence``,
``--source``, ``--doc``, ``--since`` and ``--until``.

A filter makes an in-memory copy of the store that holds only what passes, and the command runs
on that copy unchanged, so every named query, page and export sees the same selection:

- ``--doc ID`` (repeatable): only these documents (their ``id``).
- ``--source NAME`` (repeatable): only documents whose source (the ``source`` field of the input)
  contains NAME, case-insensitive.
- ``--min-confidence X``: only events, affiliations, claims and mentions whose best evidence has
  a confidence of X or more (a fact with one strong sentence passes).
- ``--since`` / ``--until``: only events dated in the range; undated events are left out and
  counted.

An entity stays if anything left mentions it; the descriptions of the places it lies in stay
with it. The ontology stays whole. The copy costs memory in proportion to the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from builder.errors import QueryError

AKG = "https://w3id.org/armedkg/ontology#"
DATA = "https://w3id.org/armedkg/id/"
GRAPHS = "https://w3id.org/armedkg/graph/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ASSERTIONS = tuple(DATA + kind for kind in ("event/", "affiliation/", "claim/"))


@dataclass
class Filter:
    """What to keep; an empty filter keeps everything."""

    min_confidence: float | None = None
    sources: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None

    def active(self) -> bool:
        return bool(self.min_confidence is not None or self.sources or self.docs or self.since or self.until)


@dataclass
class FilterReport:
    """What a filter left out."""

    documents: int = 0
    documents_kept: int = 0
    events_left_out: int = 0
    undated_left_out: int = 0

    def text(self) -> str:
        undated = f" ({self.undated_left_out} undated)" if self.undated_left_out else ""
        return f"filter: {self.documents_kept} of {self.documents} document(s) kept, {self.events_left_out} event(s) left out{undated}"


def _value(quads: list[ox.Quad], subject: str, predicate: str) -> str | None:
    for q in quads:
        if q.subject.value == subject and q.predicate.value == predicate:
            return q.object.value
    return None


def _document_passes(quads: list[ox.Quad], f: Filter) -> bool:
    docs = [q.subject.value for q in quads if q.predicate.value == RDF_TYPE and q.object.value == AKG + "Document"]
    doc_id = _value(quads, docs[0], AKG + "docId") if docs else None
    if f.docs and doc_id not in f.docs:
        return False
    if f.sources:
        source = (_value(quads, docs[0], AKG + "sourceName") or "").lower() if docs else ""
        return any(s.lower() in source for s in f.sources if s)
    return True


def _in_range(day: str | None, f: Filter) -> bool:
    if not (f.since or f.until):
        return True
    if not day:
        return False
    d = date.fromisoformat(day[:10])
    return not ((f.since and d < f.since) or (f.until and d > f.until))


def _left_out(quads: list[ox.Quad], f: Filter, report: FilterReport) -> tuple[set[str], set[tuple[str, str]]]:
    """Nodes of one document graph that the filter leaves out (events, affiliations, claims,
    evidence) and the (entity, evidence) mention links it cuts."""
    confidence = {q.subject.value: float(q.object.value) for q in quads if q.predicate.value == AKG + "confidence"}
    evidence: dict[str, list[str]] = defaultdict(list)
    for q in quads:
        if q.predicate.value == AKG + "evidence":
            evidence[q.subject.value].append(q.object.value)
    best = {node: max((confidence.get(ev, 1.0) for ev in evs), default=1.0) for node, evs in evidence.items()}
    weak = f.min_confidence is not None
    out = {n for n in evidence if n.startswith(ASSERTIONS) and weak and best[n] < f.min_confidence}
    for event in {q.subject.value for q in quads if q.subject.value.startswith(DATA + "event/")} - out:
        day = _value(quads, event, AKG + "eventDate")
        if not _in_range(day, f):
            out.add(event)
            report.undated_left_out += not day
    report.events_left_out += sum(1 for n in out if n.startswith(DATA + "event/"))
    out |= {q.subject.value for q in quads if q.predicate.value == AKG + "claimedEvent" and q.object.value in out}
    cut = {(n, ev) for n, evs in evidence.items() if not n.startswith(ASSERTIONS) for ev in evs if weak and confidence.get(ev, 1.0) < f.min_confidence}
    return out, cut


def _keep_document(quads: list[ox.Quad], f: Filter, report: FilterReport) -> list[ox.Quad]:
    out, cut = _left_out(quads, f, report)
    direct = set()
    for node in out:  # the direct edge an affiliation stands for goes with it
        s, r, o = (_value(quads, node, AKG + p) for p in ("subjectActor", "relation", "objectActor"))
        if s and r and o:
            direct.add((s, r, o))
    kept = [
        q for q in quads
        if q.subject.value not in out and q.object.value not in out
        and (q.subject.value, q.object.value) not in cut and (q.subject.value, q.predicate.value, q.object.value) not in direct
    ]  # fmt: skip
    cited = {q.object.value for q in kept if q.predicate.value == AKG + "evidence"}
    evidence_nodes = {q.subject.value for q in quads if q.predicate.value == AKG + "sentence"}
    return [q for q in kept if q.subject.value not in evidence_nodes or q.subject.value in cited]


def _referenced(kept: list[ox.Quad]) -> set[str]:
    return {t.value for q in kept for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}


def _shared(graph: str, quads: list[ox.Quad], referenced: set[str]) -> list[ox.Quad]:
    """What a shared graph keeps: descriptions of referenced nodes, and of the places and
    countries those lie in (followed to a fixpoint); inferred facts between referenced nodes."""
    if graph == GRAPHS + "descriptions":
        by_subject: dict[str, list[ox.Quad]] = defaultdict(list)
        for q in quads:
            by_subject[q.subject.value].append(q)
        keep, frontier = set(), set(referenced) & set(by_subject)
        while frontier:
            keep |= frontier
            frontier = {q.object.value for s in frontier for q in by_subject[s] if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(DATA)} & (set(by_subject) - keep)
        return [q for s in sorted(keep) for q in by_subject[s]]
    if graph == GRAPHS + "inferred":
        return [q for q in quads if q.subject.value in referenced and (not q.object.value.startswith(DATA) or q.object.value in referenced)]
    return quads


def apply_filter(store: object, f: Filter | None) -> tuple[object, FilterReport | None]:
    """The store itself when ``f`` keeps everything, else an in-memory copy with what passes,
    and what was left out.

    Raises:
        QueryError: E040 when no document passes ``--doc`` and ``--source``.
    """
    if f is None or not f.active():
        return store, None
    from builder.store import Store

    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    for quad in store.iter_quads():
        graphs[quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""].append(quad)
    report = FilterReport()
    kept: list[ox.Quad] = []
    for name in sorted(g for g in graphs if g.startswith(GRAPHS + "doc/")):
        report.documents += 1
        if _document_passes(graphs[name], f):
            report.documents_kept += 1
            kept += _keep_document(graphs[name], f, report)
    if report.documents and not report.documents_kept:
        raise QueryError("no document passes the --doc/--source filter.", "'armedkg query evidence_of -p actor=NAME' shows document ids and the input's source field names sources.")
    referenced = _referenced(kept)
    for name, quads in graphs.items():
        if not name.startswith(GRAPHS + "doc/"):
            kept += _shared(name, quads, referenced)
    copy = Store(None)
    copy.ox.extend(kept)
    return copy, report
