"""The ``Doc`` extensions that hold one document's extraction state.

Every component reads and writes a document's state here and nowhere else: the functions of the
package take the ``Doc`` (and the read-only :class:`~builder.extraction.knowledge.Knowledge`)
as arguments. :func:`register` is idempotent and is called by every component factory (never
on import); :func:`reset` gives a document fresh containers before the first component fills
them.

=============================  ==========================================================  ==========
extension                      what it holds                                               written by
=============================  ==========================================================  ==========
``armedkg_document``           the :class:`~builder.records.Document` record                the caller
``armedkg_reading``            the :class:`~builder.document.DocumentReading` (zones, dates) document
``armedkg_text``               ``doc.text``, once (spaCy rebuilds it on every access)       document
``armedkg_entities``           key -> :class:`~builder.records.Entity`                     all
``armedkg_mentions``           the :class:`~builder.extraction.state.Mention` list          mentions
``armedkg_generic``            generic-actor spans of the ruler, read after the focus      mentions
``armedkg_single_names``       bare single names at a sentence start, left unresolved      mentions
``armedkg_inner_countries``    countries named inside an organisation's name               mentions
``armedkg_country_votes``      ISO code -> votes of every mention (places and actors)       mentions
``armedkg_place_votes``        ISO code -> votes of places and country names only          mentions
``armedkg_named_countries``    ISO codes the document names                                mentions
``armedkg_focus``              the country in focus (ISO code) or None                     mentions
``armedkg_division_ents``      (start, end, id) of the ruler's first-level divisions, once  mentions
``armedkg_by_nationality``     civilian groups named by their nationality                  events
``armedkg_sentences``          :class:`~builder.extraction.sentences.SentenceInfo` list    mentions
``armedkg_frames``             the clause frames (:mod:`~builder.extraction.frames`)       rules
``armedkg_interactions``       the :class:`~builder.records.Interaction` list (dyads)      rules
``armedkg_relations``          the :class:`~builder.records.Relation` list                 rules
``armedkg_events``             the :class:`~builder.records.Event` list                    events
``armedkg_error``              why the extraction of the document failed, or None          any
``armedkg_result``             the :class:`~builder.records.DocResult`                     result
=============================  ==========================================================  ==========
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from ..records import Document

log = logging.getLogger("armedkg.extraction")

# name -> factory of the fresh value a document starts with
_STATE = {
    "armedkg_text": str,
    "armedkg_entities": dict,
    "armedkg_mentions": list,
    "armedkg_generic": list,
    "armedkg_single_names": list,
    "armedkg_inner_countries": list,
    "armedkg_country_votes": dict,
    "armedkg_place_votes": dict,
    "armedkg_named_countries": set,
    "armedkg_focus": lambda: None,
    "armedkg_division_ents": lambda: None,
    "armedkg_by_nationality": set,
    "armedkg_sentences": list,
    "armedkg_frames": list,
    "armedkg_interactions": list,
    "armedkg_relations": list,
    "armedkg_events": list,
    "armedkg_error": lambda: None,
}


def register() -> None:
    """Declare the extensions on ``Doc`` (idempotent; defaults are None, never a shared container)."""
    for name in ("armedkg_document", "armedkg_reading", "armedkg_result", *_STATE):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def reset(doc: Doc) -> Document:
    """Fresh state for ``doc``; returns its :class:`Document` (a stand-in if the caller set none).
    The extensions must be registered (every component factory does it)."""
    text = text_of(doc)
    if ext(doc, "armedkg_document") is None:
        doc._.armedkg_document = Document(id="doc", text=text)
    # Written straight into doc.user_data under the keys doc._ writes (see ext): none of these
    # extensions has a setter, and the accessor's checks cost more than the writes themselves.
    data = doc.user_data
    for name, make in _STATE.items():
        data[("._.", name, None, None)] = make()
    data[("._.", "armedkg_text", None, None)] = text
    return ext(doc, "armedkg_document")


def ext(doc: Doc, name: str):
    """The value of the extension ``name`` on ``doc``: the same as ``doc._.<name>``, read straight
    from ``doc.user_data``, where spaCy keeps the values of ``Doc`` extensions under the key
    ``("._.", name, None, None)``. ``doc._`` builds an accessor object on every read (about a
    microsecond) and the components read their state some 250 times per document; the default
    of every extension here is None, as ``dict.get`` gives. Writes stay ``doc._.<name> = value``
    (a few per document). ``tests/test_state_access.py`` checks that both reads agree."""
    return doc.user_data.get(("._.", name, None, None))


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document and kept in ``doc._.armedkg_text`` (spaCy joins
    every token's text again on each access of ``doc.text``; the tokens of a ``Doc`` never
    change, so neither does its text)."""
    if not Doc.has_extension("armedkg_text"):
        return doc.text  # extensions not registered: a Doc read outside the pipeline
    text = ext(doc, "armedkg_text")
    if not text:
        text = doc.text
        doc._.armedkg_text = text
    return text


_TOKEN_EDGES = ("armedkg", "token_edges")  # doc.user_data key: (starts, ends, spans made) of the tokens


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, found by bisection in the token
    offsets read once per document from its arrays (spaCy's own search makes a ``Token`` object
    for each comparison). A ``Doc``'s tokens
    cover its text one after the other (whitespace after a token is its own, a run of spaces a
    token), so the token holding a character is the last one starting at or before it; as
    spaCy does, a start on the whitespace right after a token begins at the next one.
    The span of each pair of offsets is made once per document and kept: the components ask
    again and again for the spans of the same mentions (some sixty a document on the bench corpus,
    one in six of them new), and no rule changes a ``Span`` it is given.
    ``tests/test_state_access.py`` checks it against spaCy's on every offset of parsed texts."""
    edges = doc.user_data.get(_TOKEN_EDGES)
    if edges is None or len(edges[0]) != len(doc):
        columns = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        edges = doc.user_data[_TOKEN_EDGES] = ([c[0] for c in columns], [c[0] + c[1] for c in columns], {})
    starts, ends, made = edges
    span = made.get((start, end))
    if span is None:
        size = len(text_of(doc))
        if not (0 <= start < size and 0 < end <= size):
            return None
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        if start == ends[first]:
            first += 1
        span = made[(start, end)] = doc[first : last + 1]
    return span


_ENTS = ("armedkg", "ents")  # doc.user_data key: the entity spans, made once


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once: spaCy builds a new ``Span`` of every entity on each access, and the
    mention steps read them about ten times a document. Only :func:`set_ents` may change them
    afterwards (the components before the mentions set ``doc.ents`` before the first read)."""
    found = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = doc.ents
    return found


def set_ents(doc: Doc, spans: list[Span]) -> None:
    """Set ``doc.ents`` and forget the spans :func:`ents` kept."""
    doc.ents = spans
    doc.user_data.pop(_ENTS, None)


def guarded(doc: Doc, step: Callable[[Doc], None]) -> Doc:
    """Run one component's ``step`` on ``doc`` unless an earlier one failed; a failure is kept
    in ``doc._.armedkg_error`` (one bad document must not stop a corpus) and the result
    component turns it into a :class:`~builder.records.DocResult` with ``error`` set."""
    if ext(doc, "armedkg_error") is None:
        try:
            step(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
            document = ext(doc, "armedkg_document")
            log.exception("extraction failed on document %s", document.id if document is not None else "?")
            doc._.armedkg_error = f"{type(exc).__name__}: {exc}"
    return doc
