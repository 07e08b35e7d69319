"""What a protest is about, read from the parse: a country or an actor named there ("rallied in
Lyon against the war in Ukraine") says nothing of where the document's places lie, and casts no
vote for the country in focus."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .knowledge import Knowledge
from .phrases import first_conjunct


def in_grievance(k: Knowledge, span: Span) -> bool:
    """The name lies in what a protest is about, not where it is: the object or "for" phrase of
    a verb of grievance ("denounced the invasion of Ukraine", "called for peace in Yemen"), or
    an "against"/"about"/"over" phrase of a word of protest or gathering or of a copula
    ("rallied in Lyon against the war in Ukraine", "they were against deportations to Rwanda")."""
    grievances = k.lex.forms("grievance_verbs")
    tok = span.root
    for _ in range(12):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and head.dep_ in ("prep", "conj") and _grievance_phrase(k, head):
            return True
        if tok.dep_ in ("dobj", "ccomp") and grievances.get(head.lower_, "call") != "call":  # "called the army": no grievance
            return True
        tok = head
    return False


def _grievance_phrase(k: Knowledge, prep: Token) -> bool:
    """A preposition that gives a protest's cause: "for" after a verb of grievance; "against",
    "about", "over" after a word of protest or gathering, a copula or a verb whose object is a
    protest ("held a vigil over"); the first of prepositions joined by "and" decides ("in support
    of refugees and against the plans")."""
    governor = first_conjunct(prep).head
    word = governor.lower_
    grievances = k.lex.forms("grievance_verbs")
    if prep.lower_ == "for":
        return word in grievances
    if prep.lower_ not in k.lex.words("grievance_prepositions"):
        return False
    if word in grievances or word in k.lex.forms("assembly_verbs") or word in k.lex.forms("copulas"):
        return True
    protest = k.rx("protest")
    return bool(protest.fullmatch(governor.text)) or any(c.dep_ == "dobj" and protest.fullmatch(c.text) for c in governor.children)  # "held a vigil over"
