"""The sentence rules component (``armedkg_sentence_rules``): the document's clause frames and
affiliations are read once (:mod:`.relations`); then, for every sentence in order, its sources,
the affiliations it states, its event rules (:mod:`.events`) and who uses the weapons it names.

The event rules of a sentence read the relations recorded before them (two sides already
related as friends are no enemies), so relations are recorded sentence by sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .attribution import sentence_sources
from .events.clauses import event_parts
from .events.sentence import sentence_events
from .knowledge import Knowledge, load_knowledge
from .affiliations import AffiliationReader
from .relations import read_affiliations, sentence_relations
from .relations.weapons import weapon_rules
from .zones import closed_zones
from .extensions import ext


def sentence_rules(doc: Doc, k: Knowledge, reader: AffiliationReader) -> None:
    found, phrases = read_affiliations(doc, k, reader)
    closed = [(z.start, z.end) for z in closed_zones(doc)]
    for sent in ext(doc, "armedkg_sentences"):
        if any(a <= sent.start and sent.span.end_char <= b + 1 for a, b in closed):
            continue  # a byline, caption, dateline or headline: no event, actor or relation
        sources = sentence_sources(doc, k, sent)
        actors = [m for m in sent.mentions if m.kind in ("actor", "person", "country")]
        sentence_relations(doc, k, sent, found.get(sent.index, []), phrases, sources)
        for part in event_parts(doc, k, sent):
            count = len(ext(doc, "armedkg_events"))
            part_actors = [m for m in part.sent.mentions if m.kind in ("actor", "person", "country")]
            part_places = [m for m in part.sent.mentions if m.kind == "place"]
            sentence_events(doc, k, part.sent, part_actors, part_places, sources, phrases, fresh=part.fresh)
            if part.after is not None:
                part.after(doc, ext(doc, "armedkg_events")[-1] if len(ext(doc, "armedkg_events")) > count else None)
        weapon_rules(doc, k, sent, actors, sources)


class SentenceRulesComponent:
    """Reads the mentions and sentences; writes ``doc._.armedkg_frames``,
    ``doc._.armedkg_relations`` and ``doc._.armedkg_events``."""

    def __init__(self, knowledge: Knowledge, reader: AffiliationReader) -> None:
        self.k, self.reader = knowledge, reader

    def __call__(self, doc: Doc) -> Doc:
        return extensions.guarded(doc, lambda d: sentence_rules(d, self.k, self.reader))


@Language.factory(
    "armedkg_sentence_rules",
    requires=["doc._.armedkg_sentences", "doc._.armedkg_mentions", "doc._.armedkg_entities", "token.dep", "token.tag"],
    assigns=["doc._.armedkg_frames", "doc._.armedkg_relations", "doc._.armedkg_events", "doc._.armedkg_entities"],
    default_config={"data_dir": None, "geonames": True, "lexicon_dir": None, "kb": []},
)
def make_sentence_rules(nlp: Language, name: str, data_dir: str | None, geonames: bool, lexicon_dir: str | None, kb: list[str]) -> SentenceRulesComponent:
    extensions.register()
    knowledge = load_knowledge(data_dir, geonames, lexicon_dir, tuple(kb))
    return SentenceRulesComponent(knowledge, AffiliationReader.from_lexicon(nlp.vocab, knowledge.lex))
