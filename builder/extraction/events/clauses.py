"""Sentences that tell two events: each event is read from its own clause.

The sentence rules add what a sentence says to one event. Two constructions of English tell two
events in one sentence, and both are read from the parse:

- a sequence: an event told before is placed in time against another by a sequence verb and a
  subordinate clause ("The drone strike came a day after Fano fighters ambushed a convoy",
  "the raid happened two days before gunmen ...": ``sequence_verbs``, ``sequence_marks``). The
  main clause is the event told before; the subordinate clause is a second event, dated from
  the first by the count the sentence gives (a day after the strike: the day before it);
- coordinated event nouns that name different doers or places ("a BLA assault on a camp near
  Bela on 25 January, and a TTP raid on a police station two days later", "an arson attack on a
  mast near Hulugho and a raid on a quarry at Ijara on Tuesday"): each noun phrase is an event;
  the first takes the date the second gives when it gives none of its own ("on Tuesday" after
  the second noun dates both), the second the date of the clause both hang from ("Two incidents
  were reported on Sunday: an attack ... and an ambush ...").

Each part is a :class:`Clause`: a sentence for the event rules whose evidence still cites the
whole sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from ...dates import resolve_dates
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from .dating import sentence_dates
from .triggers import trigger
from ..extensions import ext


@dataclass
class Clause(SentenceInfo):
    """A part of a sentence read as a sentence by the event rules; ``whole`` is the sentence."""

    whole: SentenceInfo | None = None


@dataclass
class Part:
    """A clause to read, whether it must start an event of its own, and what to do once read
    (``after(doc, created)``, with the event the part created, if any)."""

    sent: SentenceInfo
    fresh: bool = False
    after: Callable | None = field(default=None)


def _clause(sent: SentenceInfo, span: Span) -> Clause:
    lo, hi = span.start_char, span.end_char
    return Clause(sent.index, span, sent.paragraph, [m for m in sent.mentions if lo <= m.start and m.end <= hi], whole=sent)


def event_parts(doc: Doc, k: Knowledge, sent: SentenceInfo) -> list[Part]:
    """The parts of ``sent`` the event rules read one by one (the sentence itself when it tells
    one event)."""
    if not doc.has_annotation("DEP") or isinstance(sent, Clause):
        return [Part(sent)]
    return _sequence(doc, k, sent) or _coordinated(doc, k, sent) or [Part(sent)]


def _sequence(doc: Doc, k: Knowledge, sent: SentenceInfo) -> list[Part] | None:
    """"X came N days after Y ...": X (told before) and Y, dated N days before X."""
    span = sent.span
    nouns, verbs = k.lex.words("event_nouns"), k.lex.words("sequence_verbs")
    if sent.words.isdisjoint(verbs):
        return None  # no verb of sequence (most sentences): not walked token by token
    for root in span:
        if root.lower_ in verbs and root.tag_.startswith("VB") and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in nouns for c in root.children):
            parts = _sequence_parts(doc, k, sent, root)
            if parts:
                return parts
    return None


def _sequence_parts(doc: Doc, k: Knowledge, sent: SentenceInfo, root: Token) -> list[Part] | None:
    """The two parts of a sequence whose verb is ``root``, when its clause tells an event."""
    span = sent.span
    for clause in (c for c in root.children if c.dep_ == "advcl" and c.tag_.startswith("VB")):
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in k.lex.words("sequence_marks")), None)
        if mark is None or mark.i <= root.i:
            continue
        sub = doc[mark.i + 1 : clause.right_edge.i + 1]
        if trigger(k, sub.text) is None:
            continue
        offset = _offset(sent, mark)
        measures = [c.left_edge.i for c in [*clause.lefts, *root.children] if c.dep_ == "npadvmod" and c.i < mark.i]
        main = doc[span.start : min([mark.i, *measures])]  # "came (a day) after": the measure is neither event's
        told: list = []

        def keep(doc: Doc, created, told=told) -> None:
            told.append(created or _event_citing(doc, sent, main))

        def date_it(doc: Doc, created, told=told, sub=sub, offset=offset) -> None:
            if created is None or sentence_dates(doc, k, _clause(sent, sub), None):
                return  # its own date ("after gunmen attacked a convoy on Saturday")
            first = _dated(doc, told[0]) if told and told[0] is not None else _named_by(doc, k, main, created)
            if first is not None and offset is not None:
                created.date, created.time_precision = first.date - timedelta(days=offset), first.time_precision
            else:
                created.date, created.time_precision = None, None  # before the other event: no date of its own

        return [Part(_clause(sent, main), after=keep), Part(_clause(sent, sub), fresh=True, after=date_it)]
    return None


def _offset(sent: SentenceInfo, mark: Token) -> int | None:
    """The days between the two events of a sequence ("a day after": 1, "two days before": -2)."""
    at = mark.idx - sent.start
    for found in resolve_dates(sent.text, None):
        if found.kind == "relative_to_event" and found.start <= at < found.end:
            return found.offset
    return None


def _dated(doc: Doc, event):
    """The event itself when dated, else the dated event told before it that it tells again (the
    one "The drone strike came a day after ..." names a paragraph after the strike)."""
    if event.date is not None:
        return event
    events = ext(doc, "armedkg_events")
    return _last_of_class(events[: events.index(event)] if event in events else events, event.cls)


def _last_of_class(events: list, cls: str | None):
    """Of the dated ``events``, those of class ``cls`` (any, where none is), the last one dated to
    a day: a later toll or statement may carry only the day it was told (precision 2)."""
    dated = [e for e in events if e.date is not None]
    same = [e for e in dated if e.cls == cls] or dated
    return min(reversed(same), key=lambda e: e.time_precision or 9, default=None)


def _named_by(doc: Doc, k: Knowledge, main: Span, created) -> object | None:
    """The event told before that the subject of a sequence names where its own clause starts
    none: the last dated one of the class its noun names."""
    named = trigger(k, main.text)
    return _last_of_class([e for e in ext(doc, "armedkg_events") if e is not created], named[0] if named else None)


def _event_citing(doc: Doc, sent: SentenceInfo, span: Span):
    """The event with evidence in ``span`` of the sentence."""
    for event in reversed(ext(doc, "armedkg_events")):
        if any(ev.sentence_start == sent.start and span.start_char <= ev.start < span.end_char for ev in event.evidence):
            return event
    return None


def _coordinated(doc: Doc, k: Knowledge, sent: SentenceInfo) -> list[Part] | None:
    """Two event nouns joined by 'and' that name different doers or places: one event each."""
    nouns = k.lex.words("event_nouns")
    if sent.words.isdisjoint(nouns):
        return None  # no event noun (most sentences): not walked token by token
    for second in sent.span:
        if second.dep_ != "conj" or second.tag_ not in ("NN", "NNS") or second.lower_ not in nouns:
            continue
        # the event noun it is joined to: its head, or the parser hung it on a noun inside that
        # noun's phrase ("an attack on a market in Tillia, in Tahoua region, ..., and an ambush")
        first = next((a for a in second.ancestors if a.tag_ in ("NN", "NNS") and a.lower_ in nouns), None)
        if first is None or not sent.span.start <= first.i < second.i or not _told_apart(sent, first, second):
            continue
        cut = second.left_edge.i
        end = cut
        while end > sent.span.start and doc[end - 1].dep_ in ("cc", "punct"):
            end -= 1
        one, two = _clause(sent, doc[sent.span.start : end]), _clause(sent, doc[cut : sent.span.end])
        if trigger(k, one.text) is None or trigger(k, two.text) is None:
            continue

        def date_first(doc: Doc, created, one=one, two=two) -> None:
            if created is None or created.date is not None:
                return
            dates = [d for d in sentence_dates(doc, k, two, None) if d.kind != "relative_to_event"]
            if dates:
                created.date, created.time_precision = dates[0].value, dates[0].precision

        shared = _clause(sent, doc[sent.span.start : first.left_edge.i])

        def date_second(doc: Doc, created, shared=shared) -> None:
            if created is None or created.date is not None:
                return
            dates = sentence_dates(doc, k, shared, None)  # "Two incidents were reported on Sunday: ..."
            if dates:
                created.date, created.time_precision = dates[0].value, dates[0].precision

        return [Part(one, after=date_first), Part(two, fresh=True, after=date_second)]
    return None


def _told_apart(sent: SentenceInfo, first: Token, second: Token) -> bool:
    """Whether the two nouns name different named doers or places: each names one, and none is
    shared ("a BLA assault ... and a TTP raid", "an attack near A and a raid at B")."""
    inside = second.left_edge.idx, second.right_edge.idx + len(second.right_edge)
    lo = first.left_edge.idx
    own = {m.key for m in sent.mentions if m.kind in ("actor", "place") and lo <= m.start < inside[0]}
    other = {m.key for m in sent.mentions if m.kind in ("actor", "place") and inside[0] <= m.start < inside[1]}
    return bool(own) and bool(other) and not own & other
