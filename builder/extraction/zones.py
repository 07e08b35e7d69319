"""The document component (``armedkg_document``), first in the pipeline: it reads the parts of
an article that are not its story (:func:`builder.document.read_document`: headline, dateline,
byline, captions, "Published" lines) before the parser runs, and makes their edges and the
paragraph breaks sentence boundaries the parser keeps, so that no sentence joins a caption or a
dateline to the story.

A sentence inside a non-story zone gives no event, actor or event place; the headline is such a
zone only when a story follows it (a one-line note is all story). The dateline's place and the
publication date are read by the rules as the document's place focus and reference date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from ..document import DocumentReading, Zone, read_document
from . import extensions
from .extensions import ext, text_of

# Zones whose sentences are not story: every kind but the headline, which is story-like (and
# closed only when a story follows it). A standfirst retells the story's events in brief.
NOT_STORY = ("heading", "standfirst", "dateline", "byline", "caption", "published", "related", "masthead")


BULLETS = ("-", "*", "•", "–", "—")


def reading_of(doc: Doc) -> DocumentReading:
    """The document reading of ``doc``: the one the document component made, else made now."""
    reading = ext(doc, "armedkg_reading")
    if reading is None:
        reading = read_document(text_of(doc), ext(doc, "armedkg_document"))
        doc._.armedkg_reading = reading
    return reading


def reference_date(doc: Doc) -> date | None:
    """The date relative dates count from: the document's publication date, else what the
    document reader found (a "Published:" line, a dated dateline, HTML metadata)."""
    document = ext(doc, "armedkg_document")
    if document is not None and document.published is not None:
        return document.published
    return reading_of(doc).reference_date


def _has_story_after(doc: Doc, zone: Zone) -> bool:
    return bool(text_of(doc)[zone.end :].strip())


def closed_zones(doc: Doc) -> list[Zone]:
    """The zones whose sentences give no event, actor or event place."""
    reading = reading_of(doc)
    return [z for z in reading.zones if z.kind in NOT_STORY or (z.kind == "headline" and _has_story_after(doc, z))]


def in_closed_zone(doc: Doc, start: int, end: int) -> bool:
    """Whether the text ``start`` .. ``end`` lies inside a zone that is not story."""
    return any(z.start <= start and end <= z.end + 1 for z in closed_zones(doc))


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def mark_boundaries(doc: Doc, reading: DocumentReading) -> None:
    """Sentence starts at every paragraph start, list item and at each zone's start and end (set before the
    parser, which keeps them). The tokens' offsets are read from the document's arrays (a
    token's text is the text at its offset): a ``Token`` is made only for a sentence start."""
    text = text_of(doc)
    cuts = sorted({z.start for z in reading.zones} | {z.end for z in reading.zones})
    previous_end: int | None = None
    for i, (idx, length, space) in enumerate(doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []):
        if space:
            continue
        if previous_end is not None:
            gap = text[previous_end:idx]
            newline = "\n" in gap  # most gaps are a space or nothing
            paragraph = newline and _PARAGRAPH_BREAK.search(gap) is not None
            bullet = newline and text[idx : idx + length] in BULLETS
            cut = bisect_left(cuts, previous_end)  # a zone starts or ends between the two tokens
            if paragraph or bullet or (cut < len(cuts) and cuts[cut] <= idx):
                doc[i].is_sent_start = True
        previous_end = idx + length


class DocumentComponent:
    """Reads the document (zones, reference date, place hints) into ``doc._.armedkg_reading`` and
    sets the sentence boundaries of zones and paragraphs."""

    def __call__(self, doc: Doc) -> Doc:
        if ext(doc, "armedkg_document") is None or ext(doc, "armedkg_error") is not None:
            return doc
        reading = read_document(text_of(doc), ext(doc, "armedkg_document"))
        doc._.armedkg_reading = reading
        if not doc.has_annotation("DEP") and not doc.has_annotation("SENT_START"):
            mark_boundaries(doc, reading)  # a parsed doc keeps its sentences
        return doc


@Language.factory(
    "armedkg_document",
    requires=["doc._.armedkg_document"],
    assigns=["doc._.armedkg_reading", "token.is_sent_start"],
)
def make_document(nlp: Language, name: str) -> DocumentComponent:
    extensions.register()
    return DocumentComponent()
