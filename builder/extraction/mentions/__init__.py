"""The mentions component (``armedkg_mentions``): every mention of an actor, person, country or
place in the document, resolved to an entity, and the document's sentences.

Order matters and is that of the rules' history: votes for the country in focus come first
(places are resolved with it); cue-based actors and places before the model's entities (an
entity the cues already read is not read again; names in brackets that the gazetteers know as
places, "(Galicia)", before the model reads them as persons); descriptions (governments, collective
actors, unnamed individuals, offices) and the toponyms the model missed after them; the focus
is decided again before generic actors ("the Coalition", "the army") are read with it; person
short forms and the names the document defines (abbreviations in brackets, units named as
a part of an actor) last; then overlapping mentions are settled and the sentences built
(:func:`builder.extraction.sentences.finalise_mentions`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...admin import load_admin1_index
from .. import extensions
from ..knowledge import Knowledge, load_knowledge
from ..sentences import finalise_mentions, index_sentences
from ..state import decide_focus
from . import acronyms, aliases, collective, cues, entities, generic, persons, provinces, toponyms, votes
from ..extensions import ext


def find_mentions(doc: Doc, k: Knowledge) -> None:
    """Fill the document's mention state (see the module docstring for the order)."""
    extensions.reset(doc)
    index_sentences(doc)
    entities.drop_name_fragments(doc, k)
    votes.vote_for_focus(doc, k)
    cues.nationality_forces(doc, k)
    cues.formations(doc, k)
    cues.outlets_by_apposition(doc, k)
    cues.outlets_addressed(doc, k)
    cues.defined_groups(doc, k)
    cues.unlisted_groups(doc, k)
    cues.group_positions(doc, k)
    toponyms.city_districts(doc, k)
    toponyms.names_before_places(doc, k)
    toponyms.bracketed_places(doc, k)
    entities.entity_mentions(doc, k)
    persons.persons_by_role(doc, k)
    acronyms.acronym_organisations(doc, k)
    collective.government_of(doc, k)
    collective.collective_actors(doc, k)
    collective.unnamed_individuals(doc, k)
    collective.offices(doc, k)
    toponyms.missed_toponyms(doc, k)
    decide_focus(doc)
    generic.generic_actors(doc, k)
    persons.person_short_forms(doc, k)
    aliases.document_aliases(doc, k)
    finalise_mentions(doc, k)


class MentionsComponent:
    """Reads the model's and the gazetteer ruler's entities and the parse; writes the mention
    state of the document (``doc._.armedkg_mentions``, ``_entities``, ``_sentences``, focus and votes)."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    def __call__(self, doc: Doc) -> Doc:
        return extensions.guarded(doc, lambda d: find_mentions(d, self.k))


@Language.factory(
    "armedkg_mentions",
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag", "doc._.armedkg_document"],
    assigns=["doc._.armedkg_mentions", "doc._.armedkg_entities", "doc._.armedkg_sentences", "doc._.armedkg_focus"],
    default_config={"data_dir": None, "geonames": True, "lexicon_dir": None, "kb": []},
)
def make_mentions(nlp: Language, name: str, data_dir: str | None, geonames: bool, lexicon_dir: str | None, kb: list[str]) -> MentionsComponent:
    extensions.register()
    knowledge = load_knowledge(data_dir, geonames, lexicon_dir, tuple(kb))
    if geonames:
        # The world's first- and second-level divisions (two seconds to index), loaded with the
        # pipeline: once before build workers fork from it, not inside the first document that
        # names a division.
        load_admin1_index()
        provinces.load_county_names(knowledge)
    return MentionsComponent(knowledge)
