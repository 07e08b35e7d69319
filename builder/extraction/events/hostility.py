"""Relations an event implies: its perpetrators fight its targets (where both are named in the
trigger's sentence and nothing there ties them together), its perpetrators operate where a
violent event they carried out on the spot happened (not where their air strike fell), a ranked victim of an attack on a state force belongs to it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import Entity, Event, Evidence
from .. import terms as T
from ..facts import UNIDENTIFIED, located_in, nearest_mention, relate
from ..knowledge import Knowledge
from ..phrases import first_conjunct
from ..extensions import char_span, ext

# An air or drone strike is flown from elsewhere: its place is the target's (a gun or mortar
# crew, in range of its target, is in the area it shells).
REMOTE = (T.AIR_DRONE_STRIKE,)
NO_SIDE = (T.PERSON, T.ORGANISATION, T.MEDIA_OUTLET, T.SOURCE)  # an unarmed organisation ("UN chemical weapons report") is no side


def implied_relations(doc: Doc, k: Knowledge, event: Event) -> None:
    if not event.evidence:
        return
    if k.event_type_of.get(event.cls) in T.VIOLENT_TYPES:  # an agreement or an arrest is no hostility
        for p in event.perpetrators:
            for t in event.targets:
                _hostility(doc, k, event, p, t)
    violent = k.event_type_of.get(event.cls) in T.VIOLENT_TYPES
    if event.place and violent and event.cls not in REMOTE:  # perpetrators operate where they strike, not where they strike from afar
        for p in event.perpetrators:
            if p != UNIDENTIFIED:
                _operates_where_it_struck(doc, k, event, p)
    entities = ext(doc, "armedkg_entities")
    for v in event.victims:  # a ranked victim of an attack on a state force belongs to it
        ent = entities.get(v)
        if ent is not None and ent.rank:
            for t in event.targets:
                tent = entities.get(t)
                ev = _naming_both(doc, event, v, t)
                if tent is not None and tent.cls == T.STATE_FORCE and ev is not None:
                    relate(doc, k, T.MEMBER_OF, v, t, replace(ev, construction="event_ranked_victim_of_target"), [], status=T.CURRENT)



def _operates_where_it_struck(doc: Doc, k: Knowledge, event: Event, p: str) -> None:
    """The perpetrator operates at the event's place, read in a sentence of the event that names
    both: the place itself or a division that contains it. One real event is told over several
    sentences ("X claimed the attack in Y province. The attack took place near Z"), and the
    sentence that names the perpetrator may name only the province."""
    places, place = [], event.place
    while place is not None and place not in places and not place.startswith("country:"):
        places.append(place)
        place = located_in(doc, place)
    for place in places:
        ev = _naming_both(doc, event, p, place)
        if ev is not None:
            relate(doc, k, T.OPERATES_IN, p, place, replace(ev, construction="event_perpetrator_place"), event.according_to[:1])
            return


def _naming_both(doc: Doc, event: Event, a: str, b: str) -> Evidence | None:
    """The first sentence of the event that names both entities (the event's relations are read
    there, where the parse can join the two names)."""
    return next((ev for ev in event.evidence if nearest_mention(doc, a, ev) is not None and nearest_mention(doc, b, ev) is not None), None)


def _hostility(doc: Doc, k: Knowledge, event: Event, p: str, t: str) -> None:
    """Perpetrator against target is hostility, unless the sentence ties the two together
    ("soldiers visiting from 3rd Battalion", "the Coalition supports the SDF", "A and other B
    forces") or already relates them as friends."""
    entities = ext(doc, "armedkg_entities")
    trigger = event.evidence[0]
    if p == t or p == UNIDENTIFIED or entities.get(p) is None or entities.get(t) is None or entities[p].cls in (T.CIVILIAN_GROUP, *NO_SIDE) or entities[t].cls in NO_SIDE:
        return
    ep, et = entities[p], entities[t]
    if ep.cls == et.cls == T.STATE_FORCE and ep.country and ep.country == et.country:
        return  # two commands of one state's forces ("U.S. Army ... U.S. Central Command")
    mp, mt = nearest_mention(doc, p, trigger), nearest_mention(doc, t, trigger)
    if mp is None or mt is None:
        return
    if _named_as_place(doc, et, mt, trigger):
        return  # "attacks in Iraq claimed by Daesh": the country where it happened is no side
    first, second = sorted((mp, mt), key=lambda m: m.start)
    if k.rx("same_side_between").search(ext(doc, "armedkg_text")[first.end : second.start]) or any(
        r.prop in T.FRIENDLY_PROPS and {r.subject, r.object} == {p, t} for r in ext(doc, "armedkg_relations")
    ):
        return
    span = (min(mp.start, mt.start, trigger.start), max(mp.end, mt.end, trigger.end))
    ev = Evidence(trigger.doc_id, trigger.sentence, trigger.sentence_start, span[0], span[1], ext(doc, "armedkg_text")[span[0] : span[1]], trigger.rule, trigger.confidence, construction="event_perpetrator_target")
    relate(doc, k, T.FIGHTING_AGAINST, p, t, ev, event.according_to[:1])


# Prepositions that name where something happened, not whom it was done to.
WHERE = frozenset(("in", "inside", "within", "across", "throughout", "near", "around"))


def _named_as_place(doc: Doc, target: Entity, mention: Evidence, trigger: Evidence) -> bool:
    """Whether a state's forces are the target only through their country named as the place of
    the act, in a phrase of the trigger word itself ("the attacks in Iraq", "strikes across
    Syria"; not "ambushed an army patrol in Syria", where the patrol is the target)."""
    if target.cls != T.STATE_FORCE or mention in target.mentions:
        return False  # named as forces ("Iraqi forces"), not by their country
    span = char_span(doc, mention.start, mention.end)
    if span is None:
        return False
    root = first_conjunct(span.root)  # "attacks in Nigeria and Niger"
    if root.dep_ != "pobj" or root.head.lower_ not in WHERE:
        return False
    word = root.head.head
    return trigger.start <= word.idx < trigger.end
