"""The relation rules of one sentence, in the order they have always run (later rules find the
relations of earlier ones already there: a relation is recorded once per sentence):
backing and hostility around and between actors (:mod:`.backing`), presence and location
(:mod:`.presence`), people (:mod:`.people`), pairs (:mod:`.pairs`), control (:mod:`.control`).
Who uses a weapon (:mod:`.weapons`) runs after the sentence's events.

These rules read the words between two mentions; they are the ones to be replaced by
dependency constructions.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..state import Mention
from . import backing, control, pairs, people, presence


def sentence_relations(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
    """Every relation rule on one sentence (``actors`` are its actor, person and country mentions)."""
    backing.backing(doc, k, sent, actors, sources)
    backing.consecutive_pairs(doc, k, sent, actors, sources)
    backing.wings(doc, k, sent, actors, sources)
    backing.anti_prefix(doc, k, sent, actors, sources)
    backing.anaphoric_support(doc, k, sent, actors, sources)
    presence.operates_in(doc, k, sent, actors, places, sources)
    presence.controlled_prefix(doc, k, sent, actors, places, sources)
    presence.located_in(doc, k, sent, places)
    presence.country_possessive(doc, k, sent, places)
    people.people_rules(doc, k, sent, actors, sources)
    agents = pairs.pair_rules(doc, k, sent, actors, places, sources)
    control.taken_control(doc, k, sent, agents, places, sources)
    control.control_rules(doc, k, sent, actors, places, sources)
