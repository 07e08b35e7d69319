"""Affiliations between the entities of a document, read from the grammar only.

:class:`~builder.extraction.affiliations.AffiliationReader` reads the clause frames of the
document and the relations its constructions and frames state (once per document, on the
document's mentions); :func:`sentence_relations` records those of one sentence as facts, each
with the construction it was read from and the dependency path between its two names in its
evidence. Who uses a weapon (:mod:`.weapons`) runs after the sentence's events.

A country that fights, operates or holds a place does so with its armed forces; one that
backs, allies or belongs acts as a state.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc

from ...gazetteer import slug

from .. import terms as T
from ..affiliations import AffiliationReader
from ..constructions import Found
from ..facts import relate
from ..knowledge import Knowledge
from ..interactions import describer, name_sides, read_interactions
from ..phrases import MentionAt, Named, PhraseReader
from ..sentences import SentenceInfo, evidence
from ..state import ensure_country
from ..extensions import ext
from .members import CONSTRUCTION as MEMBERS, group_span, unnamed_members

NAMED_KINDS = ("actor", "person", "country", "place")
# Mentions that describe someone rather than name them ("a commander", "the spokesman").
GENERIC_RULES = frozenset(("unnamed_individual", "office_holder", "office_of_named_person", "np_actor"))
# Relations in which a country named stands for its armed forces.
FORCE_PROPS = frozenset((T.FIGHTING_AGAINST, T.OPERATES_IN, T.CONTROLS))


def read_affiliations(doc: Doc, k: Knowledge, reader: AffiliationReader) -> tuple[dict[int, list[Found]], PhraseReader]:
    """The relations of the whole document, by the index of the sentence they are stated in (the
    sentence of the later of their two names); the frames go to ``doc._.armedkg_frames``."""
    entities = ext(doc, "armedkg_entities")
    unnamed = f"person:{slug(ext(doc, 'armedkg_document').id)}-"  # the key of an unnamed individual (mentions.collective)
    generic = {m.key for m in ext(doc, "armedkg_mentions") if m.rule in GENERIC_RULES or m.key.startswith(unnamed)}
    mentions = [
        MentionAt(m.start, m.end, m.key, m.kind, entities[m.key].cls if m.key in entities else "", m.key in generic)
        for m in ext(doc, "armedkg_mentions")
        if m.kind in NAMED_KINDS
    ]
    frames, found, phrases = reader.read(doc, mentions, k.state_of, k.state_forces)
    found += unnamed_members(doc, k, phrases, frames)
    doc._.armedkg_frames = frames
    doc._.armedkg_interactions, sides = read_interactions(doc, frames, phrases, reader.dyad_words, describer(doc, k))
    name_sides(doc, k, doc._.armedkg_interactions, sides)
    starts = [s.span.start for s in ext(doc, "armedkg_sentences")]
    by_sentence: dict[int, list[Found]] = defaultdict(list)
    for f in found:
        last = max(f.subject.token, f.object.token)
        index = max((i for i, start in enumerate(starts) if start <= last), default=0)
        by_sentence[index].append(f)
    return by_sentence, phrases


def _span(phrases: PhraseReader, named: Named) -> tuple[int, int]:
    m = phrases.at.get(named.token)
    tok = phrases.doc[named.token]
    return (m.start, m.end) if m is not None else (tok.idx, tok.idx + len(tok))


def _key(doc: Doc, k: Knowledge, named: Named, prop: str, side: str) -> str:
    key = named.key
    if key.startswith("country:"):
        iso = key.split(":", 1)[1]
        acting = prop in FORCE_PROPS and (side == "subject" or prop == T.FIGHTING_AGAINST)  # a place stays a place
        forces = k.state_forces(iso) if acting else None
        if forces:
            return forces
        ensure_country(doc, k, iso)
    return key


def record(doc: Doc, k: Knowledge, sent: SentenceInfo, found: Found, phrases: PhraseReader, sources: list[str]) -> None:
    """One relation as a fact of the document, its evidence naming its construction and path."""
    spans = [group_span(phrases.doc[found.subject.token]) if found.construction == MEMBERS else _span(phrases, found.subject), _span(phrases, found.object)]
    if found.construction == MEMBERS:  # the group named by its kind is mentioned where its membership is stated
        mention = evidence(doc, sent, *spans[0], MEMBERS, 0.5)
        group = ext(doc, "armedkg_entities")[found.subject.key]
        if mention not in group.mentions:
            group.mentions.append(mention)
    ev = evidence(doc, sent, min(a for a, _ in spans), max(b for _, b in spans), found.construction, found.confidence)
    ev = replace(ev, construction=found.construction, path=found.path)
    prop = found.prop
    if prop == T.COMMANDER_OF and found.status == T.FORMER:
        prop = T.FORMER_COMMANDER_OF
    relate(doc, k, prop, _key(doc, k, found.subject, prop, "subject"), _key(doc, k, found.object, prop, "object"), ev, sources, status=found.status, role=found.role)


def sentence_relations(doc: Doc, k: Knowledge, sent: SentenceInfo, found: list[Found], phrases: PhraseReader, sources: list[str]) -> None:
    """Record the relations stated in one sentence."""
    for f in found:
        record(doc, k, sent, f, phrases, sources)
