"""Names an article defines for itself, read as mentions wherever it uses them afterwards:

- an abbreviation in brackets after an actor's name ("the People's Defence Force (PDF)",
  "Kenya Defence Forces (KDF)") whose capitals are initials of the name's words: a later "PDF"
  ("PDF fighters", "the Kale PDF battalion") is that actor;
- a unit named by apposition as a part of an actor ("the Dagoberto Ramos column, a faction of
  the FARC dissidents"): a group of its own whose parent unit is that actor, named again later
  ("the Dagoberto Ramos column claimed the bombing").

A span another rule already read is left to it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...gazetteer import slug
from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, overlaps
from ..extensions import ext

ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def document_aliases(doc: Doc, k: Knowledge) -> None:
    """Add the mentions of the names the document defines (see the module docstring)."""
    bracketed_abbreviations(doc, k)
    named_subunits(doc, k)


def initials_fit(abbreviation: str, name: str) -> bool:
    """Whether the capitals of ``abbreviation`` are, in order, initials of words of ``name``
    ("PDF": People's Defence Force; "JNIM": Jama'at Nusrat al-Islam wal-Muslimin)."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z']*", name)).upper()
    capitals = [c for c in abbreviation if c.isupper()]
    if len(capitals) < 2 or capitals[0] != initials[:1]:
        return False
    at = 0
    for c in capitals:
        at = initials.find(c, at) + 1
        if at == 0:
            return False
    return True


def bracketed_abbreviations(doc: Doc, k: Knowledge) -> None:
    """"the People's Defence Force (PDF)": every later "PDF" is that actor."""
    text = ext(doc, "armedkg_text")
    for m in [m for m in ext(doc, "armedkg_mentions") if m.kind == "actor"]:
        found = ABBREVIATION_AFTER.match(text, m.end)
        if found is None or not initials_fit(found[1], m.text):
            continue
        for later in re.finditer(rf"\b{re.escape(found[1])}\b", text[found.end() :]):
            start = found.end() + later.start()
            if not overlaps(doc, start, start + len(found[1])):
                add_mention(doc, k, Mention(m.key, start, start + len(found[1]), found[1], "actor", "document_abbreviation", m.confidence))


def named_subunits(doc: Doc, k: Knowledge) -> None:
    """"the Dagoberto Ramos column, a faction of the FARC dissidents": the column is a group
    whose parent unit is the actor, and is named so wherever the document names it."""
    if not doc.has_annotation("DEP"):
        return
    parts = k.lex.words("subunit_nouns") | k.lex.words("splinter_nouns")
    text = ext(doc, "armedkg_text")
    heads = {appos.head.i: appos.head for appos in doc if appos.dep_ == "appos" and appos.lower_ in parts}  # only a head with such an apposition can be one
    for tok in (heads[i] for i in sorted(heads)):
        name = _proper_head(doc, tok)
        if name is None:
            continue
        parent = _part_of(doc, tok, parts)
        if parent is None or overlaps(doc, name.start_char, name.end_char, kinds=("actor", "person", "country")):
            continue
        key = f"actor:{slug(name.text)}"
        if key == parent:
            continue
        ent = add_entity(doc, key, T.NON_STATE_ARMED_GROUP, name.text)
        ent.parent = ent.parent or parent
        for found in re.finditer(rf"\b{re.escape(name.text)}\b", text):
            if not overlaps(doc, found.start(), found.end()):
                add_mention(doc, k, Mention(key, found.start(), found.end(), name.text, "actor", "named_subunit", 0.6))


def _proper_head(doc: Doc, tok: Token) -> Span | None:
    """"Dagoberto Ramos column": a common noun after proper nouns that modify it."""
    if tok.tag_ not in ("NN", "NNP") or tok.dep_ == "compound":
        return None
    names = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.tag_ == "NNP"]
    if not names:
        return None
    first = min(c.left_edge.i for c in names)
    if any(t.tag_ not in ("NNP", "NNPS", "HYPH") for t in doc[first : tok.i]):
        return None
    return doc[first : tok.i + 1]


def _part_of(doc: Doc, tok: Token, parts: frozenset[str]) -> str | None:
    """The actor ``tok``'s apposition says it is a part of ("..., a faction of the FARC dissidents")."""
    for appos in (c for c in tok.children if c.dep_ == "appos" and c.lower_ in parts):
        for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                lo, hi = obj.left_edge.idx, obj.idx + len(obj)
                found = [m for m in ext(doc, "armedkg_mentions") if m.kind == "actor" and lo <= m.start and m.end <= hi]
                if found:
                    return found[-1].key
    return None
