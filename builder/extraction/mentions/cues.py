"""Actors named by cue words rather than by name: a nationality and a force noun ("Russian
troops"), a military formation ("Combined Task Force 150"), the group whose positions are
named ("Karen guerrilla camps")."""

from __future__ import annotations

from spacy.tokens import Doc

from ...gazetteer import name_key, slug
from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, overlaps


def nationality_forces(doc: Doc, k: Knowledge) -> None:
    """"Russian troops" are Russia's armed forces; "Israeli special services" a force of their own."""
    for m in k.force_re.finditer(doc._.armedkg_text):
        iso = k.gaz.country_of_adjective(m[1])
        if not iso:
            continue
        if k.rx("service_nouns").fullmatch(m[2].lower()):
            key = f"actor:{slug(m.group(0))}"
            add_entity(doc, key, T.STATE_FORCE, m.group(0).strip(), country=iso, inter=1)
        else:
            key = k.forces_of(iso)
        add_mention(doc, k, Mention(key, m.start(), m.end(), m.group(0), "actor", "nationality_force", 0.85))


def formations(doc: Doc, k: Knowledge) -> None:
    """Named military formations: "Combined Task Force 150", "Special Operations Joint Task
    Force", "CTF 50"; a formation the gazetteer knows keeps its entry."""
    for m in k.rx("military_formation").finditer(doc._.armedkg_text):
        if overlaps(doc, m.start(), m.end(), kinds=("actor", "country")) or any(
            e.label_ in ("ACTOR", "COUNTRY") and e.start_char < m.end() and m.start() < e.end_char for e in doc.ents
        ):
            continue
        label = m.group(0)
        key = f"actor:{slug(label)}"
        add_entity(doc, key, T.STATE_FORCE, label)
        add_mention(doc, k, Mention(key, m.start(), m.end(), label, "actor", "military_formation", 0.7))


def group_positions(doc: Doc, k: Knowledge) -> None:
    """"Karen guerrilla camps", "Albanian rebel-held territory": the group whose positions they are."""
    not_names = k.lex.exact("not_group_names")
    rebels = k.lex.exact("rebel_nouns")
    for m in k.rx("group_object").finditer(doc._.armedkg_text):
        name, noun = m[1], m[2].lower()
        if name in not_names or overlaps(doc, m.start(1), m.end(2)) or k.gaz.country_by_name.get(name_key(name)):
            continue
        label = f"{name} {noun}s"
        iso = k.gaz.country_of_adjective(name)
        if iso and noun in ("militia", "militant"):
            continue  # "Iranian militia positions": a nationality's militias are its proxies, coded elsewhere
        key = f"actor:{slug(label)}"
        cls = T.REBEL_GROUP if noun in rebels else T.NON_STATE_ARMED_GROUP
        add_entity(doc, key, cls, label, inter=2, **({"country": iso} if iso else {}))
        add_mention(doc, k, Mention(key, m.start(1), m.end(2), m.group(1) + " " + m.group(2), "actor", "group_of_positions", 0.6))
