"""Organisations named by a word in capitals that the model missed, read from the parse: the
people or the kind of body the sentence says it has ("BJP members", "members of the RMT", "the
CCOO and UGT unions", "AAP and SAD councillors")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...gazetteer import name_key, slug
from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, overlaps

_MODIFIER = ("compound", "nmod", "amod", "poss", "npadvmod")


def acronym_organisations(doc: Doc, k: Knowledge) -> None:
    """A word in capitals whose members, supporters or cadres are named, or that is called a
    party or a union, is an organisation (one the gazetteers or the model did not name)."""
    bodies = k.lex.forms("body_nouns")
    common = k.lex.exact("not_organisation_acronyms")
    for tok in doc:
        if not _capitals(tok) or tok.text in common or tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP"):
            continue
        if overlaps(doc, tok.idx, tok.idx + len(tok)) or k.gaz.country_by_name.get(name_key(tok.text)):
            continue
        if not _names_a_body(tok, bodies):
            continue
        key = f"actor:{slug(tok.text)}"
        add_entity(doc, key, T.ORGANISATION, tok.text)
        add_mention(doc, k, Mention(key, tok.idx, tok.idx + len(tok), tok.text, "actor", "acronym_of_a_body", 0.6))


def _capitals(tok: Token) -> bool:
    """Two or more capital letters and nothing lower-case: "RMT", "CPI-M", "SNES-FSU"."""
    text = tok.text
    if not text[:1].isupper():  # most words: the first letter settles it
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and text[0].isalpha()


def _names_a_body(tok: Token, bodies: dict[str, str]) -> bool:
    """The word modifies a noun of a body's people or kind, or is the object of its "of"/"from";
    a word joined to such a one by "and" or a comma shares its role."""
    t = tok
    for _ in range(8):
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    head = t.head
    if t.dep_ in _MODIFIER and head.lower_ in bodies and head.i != t.i:
        return True
    return t.dep_ == "pobj" and head.lower_ in ("of", "from") and head.head.lower_ in bodies
