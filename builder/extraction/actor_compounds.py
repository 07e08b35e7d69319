"""A name that only qualifies an actor in a compound adjective ("a London-based monitor",
"Tehran-backed militias", "a Saudi-led coalition", "U.S.-trained commandos"): it says where the
actor is based or who backs, leads or trained it. It names no place where anything happened, casts
no vote for the country in focus, and takes no part in the events of its sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .extensions import char_span
from .knowledge import Knowledge


def in_actor_compound(k: Knowledge, span: Span) -> bool:
    """Whether the name is the first word of a compound adjective of an actor (a hyphen right
    after it, then one of ``actor_compound_participles``)."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    dash, word = doc[span.end], doc[span.end + 1]
    return dash.text == "-" and dash.idx == span.end_char and word.lower_ in k.lex.words("actor_compound_participles")


def mention_in_actor_compound(doc: Doc, k: Knowledge, start: int, end: int) -> bool:
    """:func:`in_actor_compound` for the mention at characters ``start``-``end``."""
    span = char_span(doc, start, end)
    return span is not None and in_actor_compound(k, span)
