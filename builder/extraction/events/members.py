"""An unnamed member of a state's force who takes part in an event: "a soldier shot and killed a
driver", "an off-duty policeman was gunned down", "a national guard soldier was wounded". The
words that name the person name the force too (:func:`..events.roles.own_state_force`: a
country's army, police and gendarmerie are its state forces): the person is a member of the
forces of the country whose nationality the words give ("a Ukrainian soldier"), else of the
country in focus; and a member who acts is the force acting (ACLED codes the military, not the
soldier, as the actor; nobody named but "a soldier" is no unidentified armed group)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import Event, Evidence
from .. import terms as T
from ..facts import relate
from ..knowledge import Knowledge
from ..phrases import dependency_path
from ..state import ensure_actor, focus_hint
from ..extensions import char_span, ext
from .roles import own_state_force

UNNAMED = "unnamed_individual"


def force_members(doc: Doc, k: Knowledge, event: Event) -> None:
    """Relate each unnamed force member among the event's sides to the force; a member among the
    perpetrators brings the force in beside him."""
    entities = ext(doc, "armedkg_entities")
    for key in dict.fromkeys(event.perpetrators + event.victims + event.targets):
        ent = entities.get(key)
        if ent is None or ent.cls != T.PERSON:
            continue
        mention = next((m for m in ent.mentions if m.rule == UNNAMED), None)
        force = _force_named(doc, k, mention) if mention is not None else None
        if force is None:
            continue
        word = k.rx("own_state_force_words").search(mention.text)
        start = mention.start + word.start()
        ensure_actor(doc, k, force)
        named = Evidence(mention.doc_id, mention.sentence, mention.sentence_start, start, start + len(word.group()), word.group(), "member_of_own_force", 0.5)
        if named not in entities[force].mentions:
            entities[force].mentions.append(named)
        ev = replace(mention, rule="member_of_own_force", construction="member_of_own_force", path=_path(doc, mention, named))
        relate(doc, k, T.MEMBER_OF, key, force, ev, [], status=T.CURRENT)
        if key in event.perpetrators and force not in event.perpetrators:
            event.perpetrators.insert(event.perpetrators.index(key), force)


def _path(doc: Doc, person: Evidence, force: Evidence) -> str:
    """The dependency path from the person's head word to the word naming the force ("officer
    <compound< police"); the word itself where one word names both ("soldier")."""
    a = char_span(doc, person.start, person.end)
    b = char_span(doc, force.start, force.end)
    if a is None or b is None or a.root.i == b.root.i:
        return force.text
    return dependency_path(a.root, b.root)


def _force_named(doc: Doc, k: Knowledge, mention: Evidence) -> str | None:
    """The state force whose member the words of an unnamed person name, or None."""
    if not own_state_force(k, mention.text):
        return None
    adjective = k.adj_prefix_re.search(mention.text)
    iso = k.gaz.country_of_adjective(adjective.group(1)) if adjective else None
    iso = iso or focus_hint(doc)
    return k.state_forces(iso) if iso else None
