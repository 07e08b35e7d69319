"""The result component (``armedkg_result``): the document's entities (those mentioned or
referenced, each with evidence), relations and events as a :class:`~builder.records.DocResult`
in ``doc._.armedkg_result``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import DocResult, Document, Entity
from . import extensions
from .knowledge import Knowledge, load_knowledge
from .sentences import implied
from .state import ensure_country
from .extensions import ext


def _referenced(doc: Doc) -> set[str]:
    referenced = set()
    for rel in ext(doc, "armedkg_relations"):
        referenced.update((rel.subject, rel.object))
    for event in ext(doc, "armedkg_events"):
        referenced.update(event.perpetrators + event.assoc_perpetrators + event.targets + event.victims)
        referenced.update(x for x in (event.place, event.near) if x)
        for claim in event.claims:
            referenced.update(x for x in (claim.claimant, claim.via) if x)
        referenced.update(event.according_to)
    return referenced


def result(doc: Doc, k: Knowledge) -> DocResult:
    """Drop entities never mentioned and never referenced; give the rest evidence."""
    referenced = _referenced(doc)
    entities: dict[str, Entity] = {x: e for x, e in ext(doc, "armedkg_entities").items() if e.mentions or x in referenced}
    # The home country of an actor is part of its description: it needs the same evidence.
    for ent in list(entities.values()):
        if ent.country and ent.key.startswith(("actor:", "person:")) and ent.mentions:
            country = ensure_country(doc, k, ent.country)
            entities[country.key] = country
            if not country.mentions:
                country.mentions.append(implied(ent.mentions[0], "implied:actor_country"))
    # Anything still without a mention is reached through a relation or an event that names it.
    for rel in ext(doc, "armedkg_relations"):
        for key in (rel.subject, rel.object):
            ent = entities.get(key)
            if ent is not None and not ent.mentions:
                ent.mentions.append(implied(rel.evidence, f"implied:{rel.evidence.rule}"))
    for event in ext(doc, "armedkg_events"):
        for key in event.perpetrators + event.assoc_perpetrators + event.targets + event.victims + [event.place, event.near]:
            ent = entities.get(key) if key else None
            if ent is not None and not ent.mentions and event.evidence:
                ent.mentions.append(implied(event.evidence[0], "implied:event_participant"))
    return DocResult(ext(doc, "armedkg_document"), entities, ext(doc, "armedkg_relations"), ext(doc, "armedkg_events"), ext(doc, "armedkg_focus"), interactions=ext(doc, "armedkg_interactions"))


class ResultComponent:
    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        extensions.guarded(doc, lambda d: setattr(d._, "armedkg_result", result(d, self.k)))
        if ext(doc, "armedkg_error") is not None:
            document = ext(doc, "armedkg_document") or Document(id="doc", text=doc.text)
            doc._.armedkg_result = DocResult(document=document, error=ext(doc, "armedkg_error"))
        return doc


@Language.factory(
    "armedkg_result",
    requires=["doc._.armedkg_entities", "doc._.armedkg_relations", "doc._.armedkg_events"],
    assigns=["doc._.armedkg_result"],
    default_config={"data_dir": None, "geonames": True, "lexicon_dir": None, "kb": []},
)
def make_result(nlp: Language, name: str, data_dir: str | None, geonames: bool, lexicon_dir: str | None, kb: list[str]) -> ResultComponent:
    extensions.register()
    return ResultComponent(load_knowledge(data_dir, geonames, lexicon_dir, tuple(kb)))
