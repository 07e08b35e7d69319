"""Events: the rules of one sentence (:mod:`.sentence`, run by the ``armedkg_sentence_rules``
component after the sentence's relations) and the per-document finalisation, the
``armedkg_events`` component (:mod:`.finalise`): ACLED coding once every sentence is read."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..knowledge import Knowledge, load_knowledge
from .finalise import finalise_events
from ..extensions import ext


class EventsComponent:
    """Reads ``doc._.armedkg_events``, ``_relations``, ``_entities``, ``_sentences``; finalises the events."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        return extensions.guarded(doc, lambda d: finalise_events(d, self.k))


@Language.factory(
    "armedkg_events",
    requires=["doc._.armedkg_events", "doc._.armedkg_relations", "doc._.armedkg_entities"],
    assigns=["doc._.armedkg_events", "doc._.armedkg_relations"],
    default_config={"data_dir": None, "geonames": True, "lexicon_dir": None, "kb": []},
)
def make_events(nlp: Language, name: str, data_dir: str | None, geonames: bool, lexicon_dir: str | None, kb: list[str]) -> EventsComponent:
    extensions.register()
    return EventsComponent(load_knowledge(data_dir, geonames, lexicon_dir, tuple(kb)))
