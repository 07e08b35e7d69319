"""What a protest is about, read from the parse: a country or an actor named there ("rallied in
Lyon against the war in Ukraine") says nothing of where the document's places lie, and casts no
vote for the country in focus."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from .doc_columns import tree
from .knowledge import Knowledge
from .phrases import first_conjunct


def in_grievance(k: Knowledge, span: Span) -> bool:
    """The name lies in what a protest is about, not where it is: the object or "for" phrase of
    a verb of grievance ("denounced the invasion of Ukraine", "called for peace in Yemen"), or
    an "against"/"about"/"over" phrase of a word of protest or gathering or of a copula
    ("rallied in Lyon against the war in Ukraine", "they were against deportations to Rwanda")."""
    # The climb reads the parse's lists (doc_columns.tree), not Tokens: a Token is made only for
    # a preposition that may give a cause ("for" or a grievance preposition), which
    # _grievance_phrase then reads.
    t, ids = tree(span.doc), _ids(k)
    i = span.root.i
    for _ in range(12):
        h = t.heads[i]
        if h == i:
            return False
        if t.dep[i] == ids.pobj and t.dep[h] in ids.prep_or_conj and t.lower[h] in ids.cause_prepositions and _grievance_phrase(k, span.doc[h]):
            return True
        if t.dep[i] in ids.object_or_clause and t.lower[h] in ids.grievance_not_call:  # "called the army": no grievance
            return True
        i = h
    return False


@dataclass(frozen=True)
class _Ids:
    """The string ids in_grievance compares the parse's lists with."""

    pobj: int
    prep_or_conj: frozenset[int]
    object_or_clause: frozenset[int]
    cause_prepositions: frozenset[int]  # "for" and the grievance prepositions: the only ones _grievance_phrase takes
    grievance_not_call: frozenset[int]  # forms of the grievance verbs but those of "call"


_IDS: dict[Knowledge, _Ids] = {}  # by the knowledge (compared by identity), whose lexicons they are read from


def _ids(k: Knowledge) -> _Ids:
    """The :class:`_Ids` of the lexicons of ``k``, read once."""
    found = _IDS.get(k)
    if found is None:
        sid = get_string_id
        found = _IDS[k] = _Ids(
            pobj=sid("pobj"),
            prep_or_conj=frozenset((sid("prep"), sid("conj"))),
            object_or_clause=frozenset((sid("dobj"), sid("ccomp"))),
            cause_prepositions=frozenset(sid(w) for w in ("for", *k.lex.words("grievance_prepositions"))),
            grievance_not_call=frozenset(sid(w) for w, lemma in k.lex.forms("grievance_verbs").items() if lemma != "call"),
        )
    return found


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
