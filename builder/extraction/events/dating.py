"""The dates of an event, from its own clause first: every date expression of a sentence resolved
against the document's reference date (:func:`builder.dates.resolve_dates`: absolute dates,
dates without a year, weekdays, "yesterday", "last week", "earlier this month", "overnight"),
those counted from another event ("the day after the raid") counted from the last dated event,
and left out: a deadline or starting point ("by Monday the toll had risen", "since March"), and a
date whose clause is a statement ("officials said on Tuesday") where another date is given.

The reference date itself is never an event's date: an event the text does not date stays
undated (``date`` ``None``), and a date the text gives is never replaced by it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ...dates import ResolvedDate, shift
from ..extensions import char_span, ext, text_of
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..zones import reference_date


def verb_above(token: Token, sent_start: int, sent_end: int) -> Token | None:
    """The nearest verb governing ``token`` within its sentence (itself when it is one)."""
    seen = 0
    while seen < 12:
        if token.tag_.startswith("VB"):
            return token
        if token.head.i == token.i or not (sent_start <= token.head.i < sent_end):
            return None
        token, seen = token.head, seen + 1
    return None


def words_and_verb(doc: Doc, sent: SentenceInfo, start: int, end: int) -> tuple[Span, Token] | None:
    """The words at ``start`` .. ``end`` of the sentence and the nearest verb governing them
    (:func:`verb_above`), where the document is parsed and there is one."""
    span = char_span(doc, sent.start + start, sent.start + end)
    if span is None or not span.root.dep_:  # unparsed (has_annotation walks the whole document)
        return None
    verb = verb_above(span.root, sent.span.start, sent.span.end)
    return (span, verb) if verb is not None else None


def dates_a_statement(doc: Doc, k: Knowledge, sent: SentenceInfo, found: ResolvedDate) -> bool:
    """Whether ``found`` dates a verb of saying ("said on Tuesday") rather than an event; where
    the saying trails what it reports ("Drones hit the station, on Saturday, killing two,
    authorities said"), a date before it lies in what is reported, wherever the parser hung it."""
    found_at = words_and_verb(doc, sent, found.start, found.end)
    if found_at is None or found_at[1].lower_ not in k.lex.words("date_reporting_verbs"):
        return False
    span, verb = found_at
    trailing = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)  # "X hit Y, on Saturday, killing two, authorities said"
    return not (trailing and span.root.i < verb.i)


def dates_a_later_death(doc: Doc, k: Knowledge, sent: SentenceInfo, found: ResolvedDate) -> bool:
    """Whether ``found`` dates the death of someone wounded earlier ("died of his wounds on
    Wednesday night", "succumbed to her injuries on Friday", "one of the wounded died in hospital
    on Wednesday", "had been wounded in the raid and died on Monday"), not the event that
    wounded them."""
    return in_later_death(doc, k, sent, found.start, found.end)


def in_later_death(doc: Doc, k: Knowledge, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the words at ``start`` .. ``end`` of the sentence belong to the clause of a later
    death (see :func:`dates_a_later_death`): its date, or the place of the hospital ("died in a
    hospital in Popayan on Tuesday")."""
    found_at = words_and_verb(doc, sent, start, end)
    if found_at is None:
        return False
    verb = found_at[1]
    if k.rx("later_death").match(text_of(doc), verb.idx) is not None:
        return True
    if k.rx("later_death_verb").fullmatch(verb.text) is None:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(k.rx("injure_words").search(doc[c.left_edge.i : c.right_edge.i + 1].text) for c in subjects):
        return True  # "one of the wounded reservists died on Tuesday"
    # "a woman who had been wounded in the raid and died at the hospital on Monday": the same
    # person wounded first, dying later
    return verb.dep_ == "conj" and k.rx("injure_words").search(verb.head.text) is not None and verb.head.i < verb.i


def names_the_act_only(doc: Doc, sent: SentenceInfo, found: ResolvedDate, act: Token) -> bool:
    """Whether ``found`` dates a clause in which the act is only named, inside a noun phrase
    ("Funeral prayers for the policemen killed in the Karak raid were offered on Wednesday":
    the prayers' day, not the raid's): the date comes after the act, which lies under the
    date's verb through a clause that modifies a noun (acl, relcl)."""
    found_at = words_and_verb(doc, sent, found.start, found.end)
    if found_at is None or found_at[0].start < act.i:
        return False  # a date before the act ("On 3 May, the bodies of two men killed in ...") sets the scene for all of it
    span, verb = found_at
    tok, inside_noun = act, False
    for _ in range(12):
        if tok.i == verb.i:
            return inside_noun
        if tok.head.i == tok.i:
            return False  # the date's verb is not above the act
        if tok.dep_ in ("acl", "relcl"):
            if span.start <= tok.head.i < span.end:
                return False  # "Nov. 19, 2024, when fighters attacked an outpost": the day of the act
            inside_noun = True
        tok = tok.head
    return False


def sentence_dates(doc: Doc, k: Knowledge, sent: SentenceInfo, anchor: date | None) -> list[ResolvedDate]:
    """The resolved dates of the sentence that may be its event's, in text order.

    Args:
        doc: The document (its reference date is read from it).
        k: The knowledge (reporting verbs, deadline words).
        sent: The sentence.
        anchor: The date expressions counted from another event count from ("the next day");
            those are left out without it.
    """
    out, said, earlier = [], [], []
    text = sent.text
    for found in sent.dates(reference_date(doc)):
        if found.kind == "relative_to_event":
            if anchor is None or found.offset is None:
                continue
            found = shift(found, named_anchor(doc, sent, found) or anchor)
        if found.value is None or found.precision is None:
            continue
        first_word = found.text.split()[0] + " " if found.text.split() else ""
        if k.rx("date_not_of_event_before").search(text[max(0, found.start - 12) : found.start]) or k.rx("date_not_of_event_before").match(first_word):
            continue  # "by Monday", "since December" (the preposition may be part of the expression)
        if dates_a_later_death(doc, k, sent, found):
            continue  # "a fourth soldier died of his wounds on Wednesday": the toll rose then, the attack was earlier
        if dates_an_earlier_clause(doc, sent, found):
            earlier.append(found)
            continue
        (said if dates_a_statement(doc, k, sent, found) else out).append(found)
    # "as reported on 2 May": the report's date when the event's own is not given; the event
    # happened that day or before it (ACLED precision 2: a few days)
    return out or [replace(d, precision=max(d.precision or 2, 2)) for d in said] or earlier


def dates_an_earlier_clause(doc: Doc, sent: SentenceInfo, found: ResolvedDate) -> bool:
    """Whether ``found`` dates a relative clause in the past perfect ("the port of Adok, which
    rebels had seized in late September"): an earlier event told as background, whose date is
    the sentence's event's only where the sentence gives no other."""
    found_at = words_and_verb(doc, sent, found.start, found.end)
    if found_at is None:
        return False
    verb = found_at[1]
    return verb.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def named_anchor(doc: Doc, sent: SentenceInfo, found: ResolvedDate) -> date | None:
    """The date of the event a date counted from an event names ("two days after the brigade was
    targeted", "two days before the Karak attack"): of the dated events told before, the one whose
    sentences share most of the nouns, names and verb stems after "after"/"before" (the first told
    of those equally near: a toll told later carries its statement's date), else ``None`` (the
    caller counts from the last dated event)."""
    if not found.text.lower().endswith(("after", "before")):
        return None
    at = char_span(doc, sent.start + found.end - 1, sent.start + found.end)
    if at is None:
        return None
    word = at.root  # "after": a preposition with its object, or the mark of a clause
    named = [t for c in word.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    if word.dep_ == "mark":
        named = [t for t in word.head.subtree if t.i > word.i]
    words = [t.lower_ if t.tag_.startswith("NNP") else t.lower_[: max(4, len(t) - 3)] for t in named if t.tag_[:2] in ("NN", "VB") and not t.is_stop and len(t.text) > 2]  # "burned": "burn"
    best, best_score = None, 0
    for event in ext(doc, "armedkg_events"):
        told = " ".join(ev.sentence for ev in event.evidence).lower()
        score = sum(1 for w in set(words) if re.search(rf"\b{re.escape(w)}", told))
        if event.date is not None and score > best_score:
            best, best_score = event.date, score  # of those equally near, the first told (a later toll has the statement's date)
    return best


def context_date(doc: Doc, k: Knowledge, sent: SentenceInfo, before: int = 2) -> ResolvedDate | None:
    """The date of an event its own sentence does not date: the last date of the nearest of the
    ``before`` sentences before it in its paragraph ("Shortly before seven on Saturday evening, a
    motorcycle exploded. The blast wounded three police officers.")."""
    sentences = ext(doc, "armedkg_sentences")
    for i in range(sent.index - 1, max(sent.index - 1 - before, -1), -1):
        previous = sentences[i]
        if previous.paragraph != sent.paragraph:
            return None
        found = sentence_dates(doc, k, previous, None)
        if found:
            return found[-1]
    return None
