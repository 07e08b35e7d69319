"""The containment component (``armedkg_containment``): places resolved to GeoNames or curated
entries lie in their first-level division and that in its country (``locatedIn`` with the
evidence of the place's first mention, rule ``gazetteer``); an actor of the gazetteers is part
of the group its entry names as parent (``partOf``, same rule: the Donbass People's Militia of
the United Armed Forces of Novorossiya). Runs before the events are finalised, which read these
relations to map places the gazetteers lack."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import GAZETTEER_RULE
from . import extensions
from . import terms as T
from .facts import relate
from .knowledge import Knowledge, load_knowledge
from .sentences import implied
from .state import ensure_country, ensure_place
from .extensions import ext


def gazetteer_hierarchy(doc: Doc, k: Knowledge) -> None:
    entities = ext(doc, "armedkg_entities")
    for key in list(entities):
        ent = entities[key]
        if not ent.mentions or ent.cls not in T.PLACE_CLASSES:
            continue
        entry = k.gaz.places.get(key.split(":", 1)[1] if key.startswith("place:") and key.count(":") == 1 else key.replace("place:", "", 1))
        parent = ent.parent
        if entry is not None:
            parent = entry.admin1 or (f"country:{entry.country}" if entry.country else None)
            if entry.cls == T.ADMIN_REGION:
                parent = f"country:{entry.country}"
        if not parent:
            continue
        parent_key = parent if parent.startswith("country:") else f"place:{parent}"
        pentry = k.gaz.places.get(parent)
        if parent_key.startswith("country:"):
            ensure_country(doc, k, parent_key.split(":", 1)[1])
        elif pentry is not None:
            ensure_place(doc, k, pentry)
        elif parent_key not in entities:
            continue  # a division of the document (a province written beside a town) is already an entity
        first = implied(ent.mentions[0], GAZETTEER_RULE)
        relate(doc, k, T.LOCATED_IN, key, parent_key, first, [])
        pentry = pentry or entities.get(parent_key)  # an admin1 of a populated place: also up to the country
        if pentry is not None and pentry.cls == T.ADMIN_REGION and pentry.country:
            ensure_country(doc, k, pentry.country)
            relate(doc, k, T.LOCATED_IN, parent_key, f"country:{pentry.country}", first, [])


def actor_hierarchy(doc: Doc, k: Knowledge) -> None:
    """A mentioned actor of the gazetteers is part of its parent group, and that of its own."""
    entities = ext(doc, "armedkg_entities")
    for key in list(entities):
        ent = entities[key]
        part = key
        for parent in k.actor_parents(key) if ent.mentions else []:
            relate(doc, k, T.PART_OF, part, parent, implied(ent.mentions[0], GAZETTEER_RULE), [])
            part = parent


class ContainmentComponent:
    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        def contain(d: Doc) -> None:
            gazetteer_hierarchy(d, self.k)
            actor_hierarchy(d, self.k)

        return extensions.guarded(doc, contain)


@Language.factory(
    "armedkg_containment",
    requires=["doc._.armedkg_entities"],
    assigns=["doc._.armedkg_relations", "doc._.armedkg_entities"],
    default_config={"data_dir": None, "geonames": True, "lexicon_dir": None, "kb": []},
)
def make_containment(nlp: Language, name: str, data_dir: str | None, geonames: bool, lexicon_dir: str | None, kb: list[str]) -> ContainmentComponent:
    extensions.register()
    return ContainmentComponent(load_knowledge(data_dir, geonames, lexicon_dir, tuple(kb)))
