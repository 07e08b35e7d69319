"""Hand-built parsed documents for the rule tests (no model): words, heads (absolute token
indices), dependency labels and tags as a test writes them, the armedkg extensions reset."""

from __future__ import annotations

import functools
from datetime import date

import spacy
from spacy.tokens import Doc

from builder.extraction import extensions
from builder.extraction.sentences import SentenceInfo
from builder.extraction.state import Mention
from builder.records import Document


@functools.lru_cache(maxsize=1)
def blank():
    """One blank English pipeline for every hand-built Doc (making one takes a tenth of a second)."""
    return spacy.blank("en")


def parsed_doc(words, heads=None, deps=None, tags=None, published: date | None = None, spaces=None) -> Doc:
    """A Doc with the given parse (only tokenised when ``heads`` is None)."""
    extensions.register()
    if heads is None:
        doc = blank().make_doc(" ".join(words))
    else:
        doc = Doc(blank().vocab, words=words, heads=heads, deps=deps, tags=tags, spaces=spaces)
    doc._.armedkg_document = Document(id="d", text=doc.text, published=published)
    extensions.reset(doc)
    return doc


def parsed_sentence(words, heads=None, deps=None, tags=None, published: date | None = None, spaces=None, mentions=()) -> tuple[Doc, SentenceInfo]:
    """A one-sentence Doc and its SentenceInfo; ``mentions``: (kind, key, first word, last word)."""
    doc = parsed_doc(words, heads, deps, tags, published, spaces)
    found = [Mention(key, doc[a].idx, doc[b].idx + len(doc[b]), doc[a : b + 1].text, kind, "test", 0.9) for kind, key, a, b in mentions]
    doc._.armedkg_mentions.extend(found)
    return doc, SentenceInfo(0, doc[:], 0, found)
