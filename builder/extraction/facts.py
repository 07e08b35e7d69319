"""Functions that record a document's facts in its ``Doc`` extensions: a relation between two
entities (``doc._.armedkg_relations``), an event (``doc._.armedkg_events``), a source, an
ACLED collective actor (civilians, protesters, rioters), one more piece of evidence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..gazetteer import slug
from ..records import GAZETTEER_RULE, Entity, Event, Evidence, Relation
from . import terms as T
from .knowledge import Knowledge
from .phrases import dependency_path
from .sentences import SentenceInfo, evidence
from .state import add_entity, ensure_actor, ensure_country
from .extensions import char_span, ext

# ACLED's collective actors: kind -> label, class, inter code
GROUPS = {"civilians": ("Civilians", T.CIVILIAN_GROUP, 7), "protesters": ("Protesters", T.CIVILIAN_GROUP, 6), "rioters": ("Rioters", T.CIVILIAN_GROUP, 5)}
UNIDENTIFIED = "actor:unidentified-armed-group"  # ACLED's unidentified armed group


def nearest_mention(doc: Doc, key: str, ev: Evidence) -> Evidence | None:
    """The entity's own mention in the evidence's sentence nearest to it (a state's forces are
    named by their country too: "Israel struck ..."); none for an actor carried over from an
    earlier sentence or only implied."""
    entities = ext(doc, "armedkg_entities")
    ent = entities.get(key)
    if ent is None:
        return None
    mentions = list(ent.mentions)
    if ent.cls == T.STATE_FORCE and f"country:{ent.country}" in entities:
        mentions += entities[f"country:{ent.country}"].mentions
    here = [m for m in mentions if m.sentence_start == ev.sentence_start and not m.rule.startswith(("implied", "unnamed"))]
    return min(here, key=lambda m: abs(m.start - ev.start)) if here else None


def _token_of(doc: Doc, key: str, ev: Evidence) -> object | None:
    """The head token of the entity's mention in the evidence's sentence nearest to it."""
    best = nearest_mention(doc, key, ev)
    if best is None:
        return None
    span = char_span(doc, best.start, best.end)
    return span.root if span is not None else None


def with_path(doc: Doc, subject: str, obj: str, ev: Evidence) -> Evidence:
    """The evidence with its construction (the rule that read it) and the dependency path between
    the two names in its sentence, where the rule did not give them."""
    if ev.path is not None or ev.rule == GAZETTEER_RULE:
        return ev
    a, b = _token_of(doc, subject, ev), _token_of(doc, obj, ev)
    path = dependency_path(a, b) if a is not None and b is not None and a.i != b.i else None
    return replace(ev, construction=ev.construction or ev.rule, path=path)


def relate(doc: Doc, k: Knowledge, prop: str, subject: str, obj: str, ev: Evidence, sources: list[str], status: str = T.CURRENT, role: str | None = None) -> None:
    """Record ``subject prop obj`` once per sentence; an entity without a mention gets the
    relation's evidence as an implied one; a country in an actor relation acts as a state."""
    entities = ext(doc, "armedkg_entities")
    if subject == obj or (subject not in entities and not subject.startswith(("country:", "actor:"))):
        return
    if obj.startswith("country:"):
        ensure_country(doc, k, obj.split(":", 1)[1])
    for key in (subject, obj):
        if key.startswith("actor:"):
            ensure_actor(doc, k, key)
    relations = ext(doc, "armedkg_relations")
    for rel in relations:
        if rel.prop == prop and rel.subject == subject and rel.object == obj and rel.evidence.sentence_start == ev.sentence_start:
            return
    for key in (subject, obj):
        ent = entities.get(key)
        if ent is not None and not ent.mentions:
            ent.mentions.append(Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, f"implied:{ev.rule}", ev.confidence * 0.8))
    ev = with_path(doc, subject, obj, ev)
    if ev.path is None and ev.rule != GAZETTEER_RULE:
        return  # two names the sentence does not join by its grammar: no relation
    relations.append(Relation(prop, subject, obj, ev, status=status, according_to=sources[0] if sources else None, role=role))
    if prop in T.ACTOR_RELATIONS:
        # A country that is a member, ally, backer or enemy in the sentence acts as a state there
        # ("Coalition nations include Australia, Bahrain ..."), not as a place.
        for key in (subject, obj):
            ent = entities.get(key) if key.startswith("country:") else None
            if ent is not None:
                ent.mentions[:] = [
                    replace(m, rule="country_as_actor") if m.rule == "gazetteer_country" and m.sentence_start == ev.sentence_start and ev.start <= m.start < ev.end else m for m in ent.mentions
                ]


def mention_evidence(doc: Doc, key: str, ev: Evidence) -> None:
    """One more piece of evidence for entity ``key`` (once)."""
    ent = ext(doc, "armedkg_entities").get(key)
    if ent is not None and ev not in ent.mentions:
        ent.mentions.append(ev)


def group(doc: Doc, k: Knowledge, kind: str, iso: str | None = None) -> str:
    """An ACLED-style collective actor of the country in focus (or of ``iso``): "Civilians
    (Syria)" (7), "Protesters (Iraq)" (6), "Rioters (Syria)" (5)."""
    label, cls, inter = GROUPS[kind]
    iso = iso or ext(doc, "armedkg_focus")
    name = k.gaz.countries[iso].name if iso and iso in k.gaz.countries else None
    key = f"actor:{kind}-{iso.lower()}" if iso else f"actor:{kind}"
    add_entity(doc, key, cls, f"{label} ({name})" if name else label, country=iso, inter=inter)
    return key


def new_event(doc: Doc, cls: str, paragraph: int) -> Event:
    events = ext(doc, "armedkg_events")
    event = Event(n=len(events) + 1, cls=cls, paragraph=paragraph)
    events.append(event)
    return event


def last_event(doc: Doc) -> Event | None:
    events = ext(doc, "armedkg_events")
    return events[-1] if events else None


def source(doc: Doc, label: str, sent: SentenceInfo, start: int, end: int, key: str | None = None) -> str:
    """The source entity ``label`` (or the actor ``key``) said to report what the sentence says."""
    key = key or f"source:{slug(label)}"
    entities = ext(doc, "armedkg_entities")
    if key not in entities and key.startswith("source:"):
        entities[key] = Entity(key=key, cls=T.SOURCE, label=label)
    ent = entities[key]
    ev = evidence(doc, sent, start, end, "attribution", 0.8)
    if ev not in ent.mentions:
        ent.mentions.append(ev)
    return key


def located_in(doc: Doc, key: str) -> str | None:
    """The place this one was said or found to lie in (its first ``locatedIn``), if any."""
    return next((r.object for r in ext(doc, "armedkg_relations") if r.prop == T.LOCATED_IN and r.subject == key), None)
