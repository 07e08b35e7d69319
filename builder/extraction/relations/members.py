"""Armed members named by what they are, not by name: "fighters of the Free Syrian Army", "airmen from
the 380th Wing", "gunmen belonging to the Islamic State", "hundreds of tribesmen joined the SDF".
The group is an actor of its own document (like an unnamed individual), a member of the
organisation its phrase or clause names (officials, envoys or representatives of an organisation
are no group of its own: a delegation is not a unit); it is read from the parse, once per document, from the
organisations' mentions and the frames of joining (no pass over every token)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...gazetteer import slug

from .. import terms as T
from ..constructions import Found, _action_phrase
from ..extensions import char_span, ext
from ..frames import Frame
from ..knowledge import Knowledge
from ..phrases import Named, PhraseReader, dependency_path
from ..state import add_entity

CONSTRUCTION = "unnamed_members"
_OWNING_PREPS = ("of", "from")


def unnamed_members(doc: Doc, k: Knowledge, phrases: PhraseReader, frames: list[Frame]) -> list[Found]:
    """The groups of members the document names by their kind, each a member of its organisation."""
    nouns = _armed_member_nouns(k)
    joining = k.lex.forms("join_verbs")
    out: list[Found] = []
    for m in {id(m): m for m in phrases.at.values()}.values():
        span = char_span(doc, m.start, m.end)
        if span is None or m.kind != "actor" or m.generic:
            continue
        group = _member_phrase(span.root, nouns, phrases)
        if group is not None:
            out += _found(doc, k, phrases, group, span.root, m.key)
    for frame in frames:
        if frame.kind != "verb" or doc[frame.head].lower_ not in joining or not frame.factual or frame.passive:
            continue
        verb = doc[frame.head]
        if any(_action_phrase(c) for c in verb.children):
            continue  # "fighters joined the army in shelling the town": acting together
        for a in frame.agents or [c.i for c in verb.children if c.dep_ == "nsubj"]:  # "hundreds of fighters joined" (a number is no role of a frame)
            group = _counted(doc[a])
            if group.tag_.startswith("NN") and group.lower_ in nouns and group.i not in phrases.at:
                for p in frame.patients:
                    named = [n for n in phrases.entities(doc[p]) if n.kind == "actor"]
                    for n in named:
                        out += _found(doc, k, phrases, group, doc[n.token], n.key)
    return out


@lru_cache(maxsize=4)
def _armed_member_nouns(k: Knowledge) -> frozenset[str]:
    """The plural member nouns that name a group of armed members ("fighters", "militiamen"), read
    once per knowledge (not per document)."""
    armed = (k.rx("np_armed_group_words"), k.rx("np_force_words"))
    return frozenset(form for form, lemma in k.lex.forms("member_nouns").items() if form != lemma and any(rx.fullmatch(form) for rx in armed))


def _counted(tok: Token) -> Token:
    """What a number counts: "hundreds of fighters" -> fighters."""
    if tok.tag_ == "CD" or tok.lower_ in ("hundreds", "dozens", "thousands", "scores", "tens"):
        return next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), tok)
    return tok


def _member_phrase(root: Token, nouns: object, phrases: PhraseReader) -> Token | None:
    """The plural member noun whose "of"/"from"/"belonging to" phrase the organisation is:
    "fighters of X", "airmen from X", "gunmen belonging to X"; not a name's own word."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "acl"):
        return None
    noun = prep.head
    if prep.lower_ == "to" and noun.lower_ == "belonging" and noun.dep_ == "acl":
        noun = noun.head
    elif prep.lower_ not in _OWNING_PREPS:
        return None
    if not noun.tag_.startswith("NN") or noun.lower_ not in nouns or noun.i in phrases.at:
        return None
    return noun


def group_span(group: Token) -> tuple[int, int]:
    """The characters of a group's noun phrase, from its first modifier to its noun ("local Arab
    fighters", "Ninety-Four Citizen Airmen"), without its article."""
    first = group.left_edge
    while first.i < group.i and (first.dep_ in ("det", "predet") or first.is_punct):
        first = group.doc[first.i + 1]
    return first.idx, group.idx + len(group)


def _found(doc: Doc, k: Knowledge, phrases: PhraseReader, group: Token, named: Token, key: str) -> list[Found]:
    whole = ext(doc, "armedkg_entities").get(key)
    if whole is None:
        return []
    start, end = group_span(group)
    label = ext(doc, "armedkg_text")[start:end]
    doc_id = ext(doc, "armedkg_document").id
    cls = whole.cls if whole.cls in T.ARMED_CLASSES else T.ORGANISATION
    ent = add_entity(doc, f"actor:{slug(doc_id)}-{slug(label)}", cls, label, country=whole.country)
    return [Found(T.MEMBER_OF, Named(ent.key, "actor", group.i), Named(key, "actor", named.i), CONSTRUCTION, dependency_path(group, named), confidence=0.5)]
