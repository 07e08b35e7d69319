"""The sentence rules component (``armedkg_sentence_rules``): for every sentence in order, its
sources, then its relation rules (:mod:`.relations`), then its event rules (:mod:`.events`),
then who uses the weapons it names.

Relations and events of a sentence run in one pass, sentence after sentence, because they read
each other: a relation rule reads and changes the event of an earlier sentence ("their
operations were backed by X", :func:`.relations.backing.anaphoric_support`), event rules add
actors and mentions the next sentence's relation rules find, and a relation is recorded once
per sentence. Splitting them into two components would change what is extracted; the
dependency-construction rules that replace the relation rules can lift this coupling.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .attribution import sentence_sources
from .events.sentence import sentence_events
from .knowledge import Knowledge, load_knowledge
from .relations import sentence_relations
from .relations.weapons import weapon_rules


def sentence_rules(doc: Doc, k: Knowledge) -> None:
    for sent in doc._.armedkg_sentences:
        sources = sentence_sources(doc, k, sent)
        actors = [m for m in sent.mentions if m.kind in ("actor", "person", "country")]
        places = [m for m in sent.mentions if m.kind == "place"]
        sentence_relations(doc, k, sent, actors, places, sources)
        sentence_events(doc, k, sent, actors, places, sources)
        weapon_rules(doc, k, sent, actors, sources)


class SentenceRulesComponent:
    """Reads the mentions and sentences; writes ``doc._.armedkg_relations`` and ``doc._.armedkg_events``."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        return extensions.guarded(doc, lambda d: sentence_rules(d, self.k))


@Language.factory(
    "armedkg_sentence_rules",
    requires=["doc._.armedkg_sentences", "doc._.armedkg_mentions", "doc._.armedkg_entities", "token.dep", "token.tag"],
    assigns=["doc._.armedkg_relations", "doc._.armedkg_events", "doc._.armedkg_entities"],
    default_config={"data_dir": None, "geonames": True, "lexicon_dir": None},
)
def make_sentence_rules(nlp: Language, name: str, data_dir: str | None, geonames: bool, lexicon_dir: str | None) -> SentenceRulesComponent:
    extensions.register()
    return SentenceRulesComponent(load_knowledge(data_dir, geonames, lexicon_dir))
