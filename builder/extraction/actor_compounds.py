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


def backer_by_agent(k: Knowledge, span: Span) -> bool:
    """Whether the name is the 'by' agent of a participle of backing or leading ("a paramilitary
    force funded by the United Arab Emirates", "a coalition backed by Turkey"): like the first word
    of a compound adjective, it says who backs an actor, not where things happen."""
    root = span.root
    return root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lower_ in k.lex.words("backing_prefix_verbs")


def mention_in_actor_compound(doc: Doc, k: Knowledge, start: int, end: int) -> bool:
    """:func:`in_actor_compound` for the mention at characters ``start``-``end``."""
    span = char_span(doc, start, end)
    return span is not None and in_actor_compound(k, span)
