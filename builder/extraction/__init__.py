"""The extraction: a spaCy pipeline of small components, one concern each (ARCHITECTURE.md has
the whole picture).

Before the model, ``armedkg_document`` (:mod:`.zones`) reads the parts of the article that are
not story (headline, dateline, byline, captions) and sets their sentence boundaries. After the
model (tagger, parser, NER) and the gazetteer entity ruler, five components turn a parsed ``Doc``
into a :class:`~builder.records.DocResult`:

1. ``armedkg_mentions`` (:mod:`.mentions`): the country in focus, every mention of an actor,
   person, country or place resolved to an entity, the sentences with their paragraphs;
2. ``armedkg_sentence_rules`` (:mod:`.rules`): sentence by sentence, its sources
   (:mod:`.attribution`), relation rules (:mod:`.relations`), event rules (:mod:`.events`) and
   weapon users;
3. ``armedkg_containment`` (:mod:`.containment`): gazetteer places in their division and country;
4. ``armedkg_events`` (:mod:`.events`): per-document ACLED coding of the events and the
   relations they imply;
5. ``armedkg_result`` (:mod:`.assemble`): the ``DocResult``.

A document's state lives in ``Doc`` extensions (:mod:`.extensions`); every vocabulary and
pattern the rules read in ``data/lexicons`` (:mod:`.lexicon`), loaded with the gazetteers into
one read-only :class:`~.knowledge.Knowledge` per pipeline; ontology terms are checked at import
(:mod:`.terms`).
"""

from __future__ import annotations

from spacy.language import Language
from .extensions import ext

COMPONENTS = ("armedkg_mentions", "armedkg_sentence_rules", "armedkg_containment", "armedkg_events", "armedkg_result")


def add_extraction(nlp: Language, data_dir: str | None = None, geonames: bool = True, lexicon_dir: str | None = None, kb: tuple[str, ...] = ()) -> Language:
    """Add the extraction components (:data:`COMPONENTS`, in order) at the end of ``nlp``.

    Args:
        nlp: a pipeline whose docs have entities, sentences, dependencies and tags (and
            ``doc._.armedkg_document`` set; a stand-in record is made otherwise).
        data_dir: folder with the gazetteers (default ``data/gazetteers``).
        geonames: index GeoNames populated places (off only in small tests).
        lexicon_dir: folder with the lexicons (default ``data/lexicons``).
        kb: knowledge sources merged into the gazetteers (:mod:`builder.knowledge`); the
            knowledge layer's own components are placed by :func:`builder.nlp.build_pipeline`.

    Returns:
        ``nlp``, whose docs get ``doc._.armedkg_result``.
    """
    from . import assemble, containment, events, mentions, rules, zones  # noqa: F401 - registers the factories

    config = {"data_dir": data_dir, "geonames": geonames, "lexicon_dir": lexicon_dir, "kb": list(kb)}
    nlp.add_pipe("armedkg_document", first=True)
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config)
    return nlp
