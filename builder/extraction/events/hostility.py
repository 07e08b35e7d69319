"""Relations an event implies: its perpetrators fight its targets (where both are named in the
trigger's sentence and nothing there ties them together), its perpetrators operate where it
happened, a ranked victim of an attack on a state force belongs to it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import Event, Evidence
from .. import terms as T
from ..facts import UNIDENTIFIED, relate
from ..knowledge import Knowledge

NO_SIDE = (T.PERSON, T.ORGANISATION, T.MEDIA_OUTLET, T.SOURCE)  # an unarmed organisation ("UN chemical weapons report") is no side


def implied_relations(doc: Doc, k: Knowledge, event: Event) -> None:
    if not event.evidence:
        return
    if k.event_type_of.get(event.cls) in T.VIOLENT_TYPES:  # an agreement or an arrest is no hostility
        for p in event.perpetrators:
            for t in event.targets:
                _hostility(doc, k, event, p, t)
    if event.place:  # perpetrators operate where they strike
        for p in event.perpetrators:
            if p != UNIDENTIFIED:
                relate(doc, k, T.OPERATES_IN, p, event.place, replace(event.evidence[-1], construction="event_perpetrator_place"), event.according_to[:1])
    entities = doc._.armedkg_entities
    for v in event.victims:  # a ranked victim of an attack on a state force belongs to it
        ent = entities.get(v)
        if ent is not None and ent.rank:
            for t in event.targets:
                tent = entities.get(t)
                if tent is not None and tent.cls == T.STATE_FORCE:
                    relate(doc, k, T.MEMBER_OF, v, t, replace(event.evidence[0], construction="event_ranked_victim_of_target"), [], status=T.CURRENT)


def _named_here(doc: Doc, key: str, trigger: Evidence) -> Evidence | None:
    """The entity's own mention in the trigger's sentence (an actor carried over from an
    earlier sentence, or one only implied, is not evidence of hostility here)."""
    entities = doc._.armedkg_entities
    ent = entities.get(key)
    if ent is None:
        return None
    mentions = list(ent.mentions)
    if ent.cls == T.STATE_FORCE and f"country:{ent.country}" in entities:
        mentions += entities[f"country:{ent.country}"].mentions  # "Israel struck ...": the country stands for its forces
    here = [m for m in mentions if m.sentence_start == trigger.sentence_start and not m.rule.startswith(("implied", "unnamed"))]
    return min(here, key=lambda m: abs(m.start - trigger.start)) if here else None


def _hostility(doc: Doc, k: Knowledge, event: Event, p: str, t: str) -> None:
    """Perpetrator against target is hostility, unless the sentence ties the two together
    ("soldiers visiting from 3rd Battalion", "the Coalition supports the SDF", "A and other B
    forces") or already relates them as friends."""
    entities = doc._.armedkg_entities
    trigger = event.evidence[0]
    if p == t or p == UNIDENTIFIED or entities.get(p) is None or entities.get(t) is None or entities[p].cls in (T.CIVILIAN_GROUP, *NO_SIDE) or entities[t].cls in NO_SIDE:
        return
    ep, et = entities[p], entities[t]
    if ep.cls == et.cls == T.STATE_FORCE and ep.country and ep.country == et.country:
        return  # two commands of one state's forces ("U.S. Army ... U.S. Central Command")
    mp, mt = _named_here(doc, p, trigger), _named_here(doc, t, trigger)
    if mp is None or mt is None:
        return
    first, second = sorted((mp, mt), key=lambda m: m.start)
    if k.rx("same_side_between").search(doc._.armedkg_text[first.end : second.start]) or any(
        r.prop in T.FRIENDLY_PROPS and {r.subject, r.object} == {p, t} for r in doc._.armedkg_relations
    ):
        return
    span = (min(mp.start, mt.start, trigger.start), max(mp.end, mt.end, trigger.end))
    ev = Evidence(trigger.doc_id, trigger.sentence, trigger.sentence_start, span[0], span[1], doc._.armedkg_text[span[0] : span[1]], trigger.rule, trigger.confidence, construction="event_perpetrator_target")
    relate(doc, k, T.FIGHTING_AGAINST, p, t, ev, event.according_to[:1])
