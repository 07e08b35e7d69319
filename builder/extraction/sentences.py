"""Sentences and paragraphs: the ``span.sent`` lookup, the parser's sentences re-joined where a
boundary falls inside a mention, each sentence with its paragraph and its mentions
(``doc._.armedkg_sentences``), and evidence records cut to a sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span

from ..dates import ResolvedDate, resolve_dates
from ..literals import lowered
from ..records import Evidence
from .knowledge import Knowledge
from .state import Mention, ensure_country
from .zones import closed_zones
from .extensions import char_span, ents, ext, text_of


@dataclass
class SentenceInfo:
    """A sentence of the document, its paragraph (0-based) and the mentions that start in it."""

    index: int
    span: Span
    paragraph: int
    mentions: list[Mention] = field(default_factory=list)
    _dates: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def text(self) -> str:
        """The span's text, cut from the document's (the same characters: ``Span.text`` joins
        its tokens' texts again)."""
        return text_of(self.span.doc)[self.span.start_char : self.span.end_char]

    @cached_property
    def words(self) -> frozenset[str]:
        """The sentence's words, lower-cased (a rule that needs one of some words looks here first)."""
        return frozenset(t.lower_ for t in self.span)

    @property
    def parsed(self) -> bool:
        """Whether the document is parsed, read off the sentence's first token
        (``doc.has_annotation`` walks the whole document)."""
        return len(self.span) > 0 and bool(self.span[0].dep_)

    @cached_property
    def lowered(self) -> str | None:
        """The text lower-cased to look for the words of patterns in (:func:`builder.literals.lowered`)."""
        return lowered(self.text)

    def dates(self, reference: date | None) -> list[ResolvedDate]:
        """The date expressions of the sentence resolved against ``reference``
        (:func:`builder.dates.resolve_dates`, once per sentence: the event rules ask twice)."""
        if reference not in self._dates:
            self._dates[reference] = tuple(resolve_dates(self.text, reference))
        return list(self._dates[reference])

    @property
    def start(self) -> int:
        return self.span.start_char


def index_sentences(doc: Doc) -> None:
    """Make ``span.sent`` a lookup: spaCy's own walks every token of the document on each call,
    which made sentence lookups the slowest step of the whole build (seconds per 100 articles)."""
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]

    def sent_of(span: Span) -> Span:
        return sentences[max(bisect.bisect_right(starts, span.start) - 1, 0)]

    doc.user_span_hooks["sent"] = sent_of


def evidence(doc: Doc, sent: SentenceInfo, start: int, end: int, rule: str, conf: float) -> Evidence:
    """Evidence of ``start:end`` (cut to the sentence) for ``rule``; a clause read as a
    sentence (``events.clauses``) cites its whole sentence."""
    sent = getattr(sent, "whole", None) or sent
    start = max(start, sent.start)
    end = min(max(end, start), sent.span.end_char)
    # Read with ext(), not doc._: evidence is made some ten thousand times per thousand
    # documents, and each doc._ read builds an accessor object.
    return Evidence(
        doc_id=ext(doc, "armedkg_document").id,
        sentence=sent.text,
        sentence_start=sent.start,
        start=start,
        end=end,
        text=ext(doc, "armedkg_text")[start:end],
        rule=rule,
        confidence=conf,
    )


def implied(ev: Evidence, rule: str) -> Evidence:
    """Evidence for an entity that is named only through another fact (lower confidence)."""
    return Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, rule, round(ev.confidence * 0.8, 3))


def operation_name(k: Knowledge, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a military operation: written with its word, inside the
    mention ("Operation Mirador") or just before it ("part of \"Operation Roraima\"", where the
    place is only "Roraima"), or after "an offensive dubbed", "the operation, known as"."""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    name = text[start:end]
    return bool(
        k.rx("operation_name_before").search(text[max(0, start - 60) : start])
        or k.rx("operation_name_start").match(name)
        or (before and k.rx("operation_name_start").match(f"{before[1]} {name}"))
    )


def finalise_mentions(doc: Doc, k: Knowledge) -> None:
    """Keep the longest of overlapping mentions (none inside a zone that is not story), build the sentences with their paragraphs and
    mentions, and give every entity the evidence of its mentions."""
    kept: list[Mention] = []
    closed = [(z.start, z.end) for z in closed_zones(doc)]
    for m in sorted(ext(doc, "armedkg_mentions"), key=lambda m: (-(m.end - m.start), m.start)):
        if any(x.start < m.end and m.start < x.end for x in kept) or any(a <= m.start and m.end <= b for a, b in closed):
            continue  # overlapped by a longer mention, or named by a byline, caption or dateline
        if m.kind == "place" and operation_name(k, ext(doc, "armedkg_text"), m.start, m.end):
            continue  # "the operation, known as Shujaa", "under Operation Mirador": the name of an operation is no place
        kept.append(m)
    doc._.armedkg_mentions = mentions = sorted(kept, key=lambda m: m.start)
    entities = ext(doc, "armedkg_entities")
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", ext(doc, "armedkg_text"))]
    for i, sent in enumerate(_sentences(doc)):
        para = sum(1 for p in paragraph_starts if p <= sent.start_char) - 1
        info = SentenceInfo(i, sent, para)
        info.mentions = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        ext(doc, "armedkg_sentences").append(info)
        for m in info.mentions:
            ent = entities.get(m.key)
            if ent is not None:
                ent.mentions.append(evidence(doc, info, m.start, m.end, m.rule, m.confidence))
        for key, start, end in ext(doc, "armedkg_inner_countries"):
            if sent.start_char <= start < sent.end_char:
                ensure_country(doc, k, key.split(":", 1)[1])
                entities[key].mentions.append(evidence(doc, info, start, end, "country_in_name", 0.8))


def _sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, re-joined where a boundary falls inside a mention or an entity
    (the small model splits at words it mis-tags, e.g. inside "Kata'ib Hezbollah") or where a
    sentence without final punctuation is followed by a lower-case word or a bracket ("in Tamale
    [coded to Yendi], Northern": the note's bracket goes on with the sentence)."""
    inside = set()
    for m in ext(doc, "armedkg_mentions"):
        span = char_span(doc, m.start, m.end)
        if span is not None:
            inside.update(range(span.start + 1, span.end))
    for ent in ents(doc):
        inside.update(range(ent.start + 1, ent.end))
    merged: list[list[int]] = []
    for start, end in ((s.start, s.end) for s in doc.sents):
        prev_text = doc[merged[-1][0] : merged[-1][1]].text.strip() if merged else ""
        unbroken = "\n\n" not in doc[merged[-1][1] - 1 : start + 1].text_with_ws if merged else False
        if merged and (
            start in inside
            or (prev_text and not re.search(r"[.!?:;\"”’)\]]$", prev_text) and unbroken and doc[start].is_lower)
            or (prev_text and not re.search(r"[.!?:;\"”’]$", prev_text) and unbroken and doc[start].text in ("(", "["))
        ):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out = []
    for a, b in merged:
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if a < b:
            out.append(doc[a:b])
    return out
