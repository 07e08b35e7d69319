"""The per-document finalisation of events (ACLED coding once every sentence is read): the
sub-event class from who was targeted and by whom, the place (from the direction point, the
paragraph, an anchor in the sentence), collective actors of the country where it happened,
protesters and rioters as actor 1, an unidentified armed group where nobody is named, and the
hostility, presence and membership the events imply (:mod:`.hostility`)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from spacy.tokens import Doc

from ...gazetteer import name_key
from ...geo import BEARINGS, offset, place_chain
from ...literals import lowered
from ...records import Event, Evidence
from .. import terms as T
from ..facts import GROUPS, UNIDENTIFIED, group, located_in, mention_evidence
from ..knowledge import Knowledge
from ..state import as_force, ensure_actor, redirect
from .crowds import crowd_fight, own_phrase
from .coreference import merge_coreferent
from .hostility import implied_relations
from .members import force_members
from .modality import month_long_before
from .standing import apply_roles_in_time
from ..extensions import char_span, ext

COUNTRYSIDE_KM = 20  # a village "in the X countryside" of a town: typically 10-40 km out


def finalise_events(doc: Doc, k: Knowledge) -> None:
    merge_coreferent(doc, k)
    # background told with a month long past, with all it was told again by (merged above)
    ext(doc, "armedkg_events")[:] = [e for e in ext(doc, "armedkg_events") if not month_long_before(doc, e)]
    apply_roles_in_time(doc, k)
    for event in ext(doc, "armedkg_events"):
        force_members(doc, k, event)
        if k.event_type_of.get(event.cls) in T.VIOLENT_TYPES or event.cls == T.LOOTING:  # "the Myanmar military troops burned houses": the state's forces
            event.perpetrators[:] = list(dict.fromkeys(as_force(doc, k, x) for x in event.perpetrators))
        _finalise(doc, k, event)
    for event in ext(doc, "armedkg_events"):
        _unnamed_perpetrator(doc, k, event)
        implied_relations(doc, k, event)


def _finalise(doc: Doc, k: Knowledge, event: Event) -> None:
    entities = ext(doc, "armedkg_entities")
    reclassify(doc, k, event)
    if event.place is None and event.near is not None:
        event.place, event.near, event.geo_precision = event.near, None, 2  # "10 km north of X": ACLED codes the town with precision 2
    if event.place is None:
        place_from_paragraph(doc, k, event)
    anchor_place(doc, k, event)
    point_from_direction(doc, k, event)
    near = entities.get(event.near) if event.near else None
    place = entities.get(event.place) if event.place else None
    if event.lat is None and place is not None and place.lat is None and near is not None and near.lat is not None and near.cls == T.POPULATED_PLACE:
        event.lat, event.lon, event.geo_precision = near.lat, near.lon, 2  # "the hamlet of X west of Tall Abyad": by that town
    _precision_without_point(doc, event)
    local_groups(doc, k, event)
    _crowds(doc, k, event)


def _precision_without_point(doc: Doc, event: Event) -> None:
    """An event at a place without coordinates of its own (an oil field, a base, a village the
    gazetteers lack) never claims ACLED geo precision 1: it is mapped by the place it lies in,
    a town or area (2), or only by its division or country (3) or not at all."""
    place = ext(doc, "armedkg_entities").get(event.place) if event.place else None
    if place is None or place.lat is not None or event.lat is not None:
        return
    event.geo_precision = max(event.geo_precision or 2, 2 if _town_above(doc, event.place) else 3)


def _town_above(doc: Doc, key: str) -> bool:
    """Whether a town or smaller place with coordinates contains the place (not only a division)."""
    entities = ext(doc, "armedkg_entities")
    seen = {key}
    parent = located_in(doc, key) or _parent_key(entities.get(key))
    while parent and parent not in seen and parent in entities:
        seen.add(parent)
        ent = entities[parent]
        if ent.lat is not None:
            return ent.cls not in (T.ADMIN_REGION, T.COUNTRY)
        parent = located_in(doc, parent) or _parent_key(ent)
    return False


def _parent_key(ent: object) -> str | None:
    parent = getattr(ent, "parent", None)
    if not parent:
        return None
    return parent if parent.startswith(("place:", "country:")) else f"place:{parent}"


def _crowds(doc: Doc, k: Knowledge, event: Event) -> None:
    """Protesters and rioters as actor 1 of protests and riots; the protesters hit by a force
    that opened fire on them ("police opened fire on demonstrators, killing one")."""
    entities = ext(doc, "armedkg_entities")
    kind = k.event_type_of.get(event.cls)
    if event.cls == T.EXCESSIVE_FORCE and any(entities.get(x) is not None and entities[x].cls == T.STATE_FORCE for x in event.perpetrators):
        crowd = group(doc, k, "protesters")
        event.perpetrators[:] = [x for x in event.perpetrators if x != crowd]
        if crowd not in event.targets:
            event.targets.insert(0, crowd)
        crowd_mention(doc, k, event, crowd)
    elif kind == T.PROTESTS and not any(entities.get(x) is not None and entities[x].inter == 6 for x in event.perpetrators):
        event.perpetrators.insert(0, group(doc, k, "protesters"))
        crowd_mention(doc, k, event, event.perpetrators[0])
    elif kind == T.RIOTS and not any(entities.get(x) is not None and entities[x].inter == 5 for x in event.perpetrators):
        event.perpetrators.insert(0, group(doc, k, "rioters"))


def _unnamed_perpetrator(doc: Doc, k: Knowledge, event: Event) -> None:
    """Nobody named, or only "a gunman", "a suicide bomber": an unidentified armed group (ACLED);
    targets are the victims where none is named; every participant has a mention."""
    entities = ext(doc, "armedkg_entities")
    unnamed_only = bool(event.perpetrators) and all(
        entities.get(x) is not None and entities[x].cls == T.PERSON and all(m.rule == "unnamed_individual" for m in entities[x].mentions) for x in event.perpetrators
    )
    if (not event.perpetrators or unnamed_only) and k.event_type_of.get(event.cls) in (T.EXPLOSIONS, T.VIOLENCE_AGAINST_CIVILIANS, T.BATTLES):
        ensure_actor(doc, k, UNIDENTIFIED)
        event.perpetrators.insert(0, UNIDENTIFIED)
        if event.evidence:
            ev = event.evidence[0]
            mention_evidence(doc, UNIDENTIFIED, Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, "unnamed_perpetrator", 0.5))
    if not event.targets and event.victims:
        event.targets = list(event.victims)
    for key in event.perpetrators + event.targets + event.victims + event.assoc_perpetrators:
        if key.startswith("actor:"):
            ensure_actor(doc, k, key)
        ent = entities.get(key)
        if ent is not None and not ent.mentions and event.evidence:
            ev = event.evidence[0]
            ent.mentions.append(Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, "implied:event_participant", 0.5))


def reclassify(doc: Doc, k: Knowledge, event: Event) -> None:
    """ACLED codebook distinctions that depend on who was targeted and by whom."""
    entities = ext(doc, "armedkg_entities")
    text = " ".join(ev.sentence for ev in event.evidence)
    targets = [entities[x] for x in event.targets + event.victims if x in entities]
    perps = [entities[x] for x in event.perpetrators if x in entities]
    # Words for armed people count unless they name the perpetrators ("ENDF soldiers killed 12 civilians").
    perp_spans = {(m.sentence_start, m.start, m.end) for p in perps for m in p.mentions}
    armed_words = [
        (ev.sentence_start, ev.sentence_start + w.start(), ev.sentence_start + w.end())
        for ev in {e.sentence_start: e for e in event.evidence}.values()
        for w in k.finditer("armed_person_words", ev.sentence, lowered(ev.sentence))
    ]
    perp_keys = set(event.perpetrators)
    named_spans = [(m.start, m.end) for m in ext(doc, "armedkg_mentions") if m.key in perp_keys]  # "Soldiers opened fire": read as the state's forces
    armed_target = any(t.cls in T.ARMED_CLASSES for t in targets) or any(
        not any(ss == s0 and a <= w0 <= b + 1 for ss, a, b in perp_spans)  # in or right after the name
        and not any(a <= w0 < b for a, b in named_spans)
        and not _heads_a_name(doc, w0, w1, [(a, b) for _, a, b in perp_spans])  # "fighters of the ADF"
        for s0, w0, w1 in armed_words
    )
    low = lowered(text)  # k.search: a pattern whose words the text lacks is not searched
    civilian_target = any(t.cls == T.CIVILIAN_GROUP for t in targets) or k.search("civilian_target_words", text, low)
    not_combatant = k.search("not_combatant_words", text, low)  # "an off-duty soldier", "a former fighter"
    if event.cls in (T.ATTACK, T.ARMED_CLASH) and not k.search("battle_words", text, low):
        if civilian_target and not (armed_target and not not_combatant) or armed_target and not_combatant:
            event.cls = T.ATTACK
        elif armed_target:
            event.cls = T.ARMED_CLASH
    if event.cls == T.ARMED_CLASH and crowd_fight(doc, k, event):
        event.cls = T.VIOLENT_DEMONSTRATION if k.rx("protest").search(text) else T.MOB_VIOLENCE
    if event.cls == T.ABDUCTION and (event.fatalities or k.rx("kill_words").search(text)):
        event.cls = T.ATTACK  # "abducted and killed a farmer", "killed two and abducted 11": the killing is coded
    if event.cls == T.ARRESTS and (perps and all(p.cls not in (T.STATE_FORCE,) for p in perps) or k.rx("disappearance_words").search(_paragraph_from(doc, event))):
        event.cls = T.ABDUCTION  # by no state's forces, or the detainees' whereabouts unknown
    _crowd_conduct(doc, k, event)
    if event.cls == T.PROTEST_WITH_INTERVENTION and event.fatalities:
        event.cls = T.EXCESSIVE_FORCE  # the toll came in a later sentence


def _heads_a_name(doc: Doc, start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """Whether the words at ``start:end`` head a phrase that holds one of the ``names``
    ("fighters of the ADF", "soldiers from the 4th Brigade"): they name that actor's people."""
    span = char_span(doc, start, end)
    if span is None:
        return False
    phrase = own_phrase(span.root)
    return any(phrase.start_char <= a and b <= phrase.end_char for a, b in names)


def _paragraph_from(doc: Doc, event: Event) -> str:
    """The event's paragraph from its first sentence on."""
    first = min((ev.sentence_start for ev in event.evidence), default=None)
    if first is None:
        return ""
    return " ".join(s.text for s in ext(doc, "armedkg_sentences") if s.paragraph == event.paragraph and s.start >= first)


def _crowd_conduct(doc: Doc, k: Knowledge, event: Event) -> None:
    """A protest is coded by what its paragraph goes on to tell, not only by its first sentence:
    "... gathered to demand jobs. They burned tyres" is a violent demonstration; "... Police
    intervened and detained five" a protest with intervention (ACLED codebook)."""
    if event.cls not in (T.PEACEFUL_PROTEST, T.PROTEST_WITH_INTERVENTION):
        return
    told = _paragraph_from(doc, event)
    if not told:
        return
    if k.rx("riot").search(told):
        event.cls = T.VIOLENT_DEMONSTRATION
    elif event.cls == T.PEACEFUL_PROTEST and k.rx("intervention").search(told):
        event.cls = T.PROTEST_WITH_INTERVENTION


def _has_coordinates(doc: Doc, key: str) -> bool:
    entities = ext(doc, "armedkg_entities")
    seen = set()
    while key and key not in seen:
        seen.add(key)
        ent = entities.get(key)
        if ent is None:
            return False
        if ent.lat is not None:
            return True
        parent = located_in(doc, key)
        if parent is None and ent.parent:
            parent = ent.parent if ent.parent.startswith(("place:", "country:")) else f"place:{ent.parent}"
        key = parent
    return False


def anchor_place(doc: Doc, k: Knowledge, event: Event) -> None:
    """A place the gazetteers lack ("the hamlet of X ... in Hama") is tied to the governorate
    or town named in the same sentence, so that it can be mapped (ACLED geo precision 2-3)."""
    if not event.place or _has_coordinates(doc, event.place):
        return
    entities = ext(doc, "armedkg_entities")
    for sent in _anchor_sentences(doc, event):
        candidates = [m for m in sent.mentions if m.kind == "place" and m.key != event.place and _has_coordinates(doc, m.key)]
        candidates.sort(key=lambda m: (entities[m.key].cls != T.POPULATED_PLACE, m.start))
        if candidates:
            # an estimate for the map, not a fact the sentence states: the place's parent in
            # its description (read by builder.geo), never a locatedIn relation
            place = entities.get(event.place)
            if place is not None and not place.parent:
                place.parent = candidates[0].key
            return


def _anchor_sentences(doc: Doc, event: Event) -> list:
    """The event's sentences, then the others of their paragraph, nearest first: a bracket may
    end a sentence for the parser ("in the X village of Y district [coded to Z], Ghazni.")."""
    sentences = ext(doc, "armedkg_sentences")
    starts = {ev.sentence_start for ev in event.evidence}
    own = [s for s in sentences if s.start in starts]
    if not own:
        return []
    paragraphs = {s.paragraph for s in own}
    rest = [s for s in sentences if s.paragraph in paragraphs and s.start not in starts]
    return own + sorted(rest, key=lambda s: min(abs(s.start - o.start) for o in own))


def crowd_mention(doc: Doc, k: Knowledge, event: Event, key: str) -> None:
    """The protesters named in the event's sentence ("Islamist demonstrators") are a mention
    of the protesters of the event's country."""
    if not event.evidence:
        return
    ent = ensure_actor(doc, k, key)
    trigger = event.evidence[0]
    sent = trigger.sentence
    m = k.rx("crowd_words").search(sent)
    if m is None:
        return
    span = char_span(doc, trigger.sentence_start + m.start(), trigger.sentence_start + m.end())
    if span is None:
        return
    entities = ext(doc, "armedkg_entities")
    start, end = min(span.root.left_edge.idx, span.start_char), span.end_char
    named = next((x for x in ext(doc, "armedkg_mentions") if x.start < end and start < x.end and x.kind in ("actor", "person", "country")), None)
    if named is not None and entities.get(named.key) is not None and entities[named.key].cls == T.CIVILIAN_GROUP and named.key != key:
        # "Islamist demonstrators" read as a group of their own: they are the protesters here
        start, end = named.start, named.end
        for roles in (event.perpetrators, event.targets, event.victims, event.assoc_perpetrators):
            roles[:] = [x for x in roles if x != named.key]
        ent.aliases.add(entities[named.key].label)
    elif named is not None:
        start = span.start_char
    mention = Evidence(trigger.doc_id, sent, trigger.sentence_start, start, end, ext(doc, "armedkg_text")[start:end], "crowd_mention", 0.6)
    if mention not in ent.mentions:
        ent.mentions.append(mention)


def place_from_paragraph(doc: Doc, k: Knowledge, event: Event) -> None:
    """An event whose sentences name no place ("Eleven people died as a result.") took
    place where the sentence before it in the same paragraph says: "a car bomb went off near the
    bus station of Azaz"."""
    first = min((ev.sentence_start for ev in event.evidence), default=None)
    if first is None:
        return
    sentences = ext(doc, "armedkg_sentences")
    here = next((s for s in sentences if s.start == first), None)
    if here is None:
        return
    entities = ext(doc, "armedkg_entities")
    text = ext(doc, "armedkg_text")
    rank = {cls: r for cls, r in k.lex.table("event_place_rank").items() if cls != T.COUNTRY}
    for sent in reversed([s for s in sentences if s.paragraph == here.paragraph and s.start < first]):
        found = [
            m
            for m in sent.mentions
            if m.kind == "place"
            and entities.get(m.key) is not None
            and entities[m.key].cls in rank
            and not k.rx("street_after").match(text[m.end : m.end + 12])  # "Raju street of Afrin"
        ]
        if found:
            best = min(found, key=lambda m: (rank[entities[m.key].cls], m.start))
            event.place = best.key
            event.geo_precision = 1 if rank[entities[best.key].cls] == 1 else rank[entities[best.key].cls]
            return


def point_from_direction(doc: Doc, k: Knowledge, event: Event) -> None:
    """"X in the southern countryside of Idlib", "in northern Latakia countryside": the event
    lies that way from the town named, not at it. Where the place itself has no coordinates of
    its own (a village the gazetteer lacks) or is that town, the event's point is
    COUNTRYSIDE_KM from the town in that direction (ACLED geo precision 2)."""
    if not event.place or not event.evidence:
        return
    entities = ext(doc, "armedkg_entities")
    place = entities.get(event.place)
    countryside = k.rx("countryside_direction")
    if place is None or (place.lat is not None and place.cls not in (T.ADMIN_REGION, T.POPULATED_PLACE)):
        return
    if not any(countryside.search(ev.sentence) for ev in event.evidence):
        return
    chain = place_chain(SimpleNamespace(entities=entities, relations=ext(doc, "armedkg_relations")), event.place)
    anchor_ent = next((e for e in chain if e.lat is not None), None)  # the first place up the chain with coordinates
    if anchor_ent is None:
        return
    keys = {e.key for e in chain}
    chain_names = {name_key(n) for e in chain for n in (e.label, *e.aliases)} | {name_key(m.text) for m in ext(doc, "armedkg_mentions") if m.key in keys}  # as written ("Lattakia")
    for ev in event.evidence:
        for m in countryside.finditer(ev.sentence):
            anchor = name_key(m["a"] or m["b"] or "")
            if anchor and (anchor in chain_names or any(anchor in n or n in anchor for n in chain_names if len(n) > 3)):
                if place.lat is not None and name_key(place.label) != anchor and anchor not in {name_key(a) for a in place.aliases}:
                    return  # a town with coordinates of its own, not the one the direction is from
                bearing = BEARINGS[re.sub(r"ern|[- ]", "", (m["d1"] or m["d2"]).lower())]
                event.lat, event.lon = offset(anchor_ent.lat, anchor_ent.lon, bearing, COUNTRYSIDE_KM)
                event.geo_precision = max(event.geo_precision or 2, 2)
                return


def local_groups(doc: Doc, k: Knowledge, event: Event) -> None:
    """Civilians, protesters and rioters are those of the country where the event happened
    (ACLED's coding), not of the document's country in focus: a bombing in Kabul reported
    from Pakistan has Afghan civilians as victims."""
    entities = ext(doc, "armedkg_entities")
    place = entities.get(event.place) if event.place else None
    iso = place.country if place is not None else None
    if place is not None and place.lat is None:
        # a village the gazetteers lack is in the country of the town it was tied to
        anchor = entities.get(located_in(doc, place.key) or "")
        iso = anchor.country if anchor is not None and anchor.country else iso
    if not iso or iso not in k.gaz.countries:
        return
    for roles in (event.perpetrators, event.targets, event.victims, event.assoc_perpetrators):
        for i, key in enumerate(roles):
            kind = key.split(":", 1)[1].rsplit("-", 1)[0] if key.startswith("actor:") else ""
            ent = entities.get(key)
            if kind in GROUPS and ent is not None and ent.country and ent.country != iso and key not in ext(doc, "armedkg_by_nationality"):
                roles[i] = group(doc, k, kind, iso=iso)
                if not any(key in e.perpetrators + e.targets + e.victims + e.assoc_perpetrators for e in ext(doc, "armedkg_events")):
                    redirect(doc, key, roles[i])  # named for the wrong country only
        roles[:] = list(dict.fromkeys(roles))
