"""Violent acts told by what a verb does to its object, where no trigger word names the act:
"villagers beat a suspected thief to death", "attackers hacked eight farmers with machetes",
"gunmen burned down three houses", "youths vandalised a clinic".

Read from the clause frame of the verb (:mod:`..frames`): the verb states a fact (not denied,
planned or threatened) and acts on something (its object, or the subject of its passive):

- a verb of bodily harm (``harm_verbs``: beat, hack, stab, strangle, flog) acting on anyone is
  an attack;
- a verb of destruction (``destruction_verbs``: burn, raze, ransack, vandalise) acting on a
  building, a vehicle or crops (``property_nouns``) is property destruction; so is a verb of
  damage (``agent_damage_verbs``) whose doer is people or an actor ("800 people damaged a
  building"; not "floods damaged homes");
- any verb with the result "to death" ("stoned to death", "burned to death") is a killing.

Who did it, to whom and whether it was a crowd are read by the steps that follow, as for any
trigger. The vocabularies are in ``data/lexicons/events.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import terms as T
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..extensions import ext

WORD = re.compile(r"\S+")
SPECIFICITY = 0  # below every trigger word: a sentence's own word for the act decides first


@dataclass(frozen=True)
class HarmWords:
    harm: frozenset[str]
    destruction: frozenset[str]
    property: frozenset[str]
    damage: frozenset[str]  # destruction only by someone: "800 people damaged a building", not "floods damaged homes"


@lru_cache(maxsize=4)
def harm_words(k: Knowledge) -> HarmWords:
    return HarmWords(frozenset(k.lex.forms("harm_verbs")), frozenset(k.lex.forms("destruction_verbs")), frozenset(k.lex.forms("property_nouns")), frozenset(k.lex.forms("agent_damage_verbs")))


def harm_clause(doc: Doc, k: Knowledge, sent: SentenceInfo) -> tuple[str, int, re.Match] | None:
    """The first act of harm or destruction of the sentence: (class, specificity, match on the
    verb in the sentence's text), or None."""
    words = harm_words(k)
    present = sent.words
    if present.isdisjoint(words.harm) and present.isdisjoint(words.destruction) and present.isdisjoint(words.damage) and "death" not in present:
        return None  # no verb of harm or destruction, no "to death": no act to find
    start, end = sent.span.start, sent.span.end
    for frame in sorted((f for f in ext(doc, "armedkg_frames") if start <= f.head < end), key=lambda f: f.head):
        if frame.kind != "verb" or not frame.factual or frame.reporting or not frame.patients:
            continue
        tok = doc[frame.head]
        by_someone = tok.lower_ in words.damage and any(_someone(k, sent, doc[i]) for i in frame.agents)  # read for damage only
        cls = _act(words, tok, [doc[i] for i in frame.patients], by_someone)
        if cls is not None:
            return cls, SPECIFICITY, WORD.match(sent.text, tok.idx - sent.span.start_char)
    return None


def _someone(k: Knowledge, sent: SentenceInfo, agent: Token) -> bool:
    """Whether a doer is people or an actor ("around 800 people", "protesters", "the militia"),
    not a thing ("floods", "the storm")."""
    return bool(k.rx("person_nouns").fullmatch(agent.text)) or any(m.kind == "actor" and m.start <= agent.idx < m.end for m in sent.mentions)


def _act(words: HarmWords, verb: Token, patients: list[Token], by_someone: bool = False) -> str | None:
    lower = verb.lower_
    if to_death(verb) or lower in words.harm:
        return T.ATTACK
    destroys = lower in words.destruction or (lower in words.damage and by_someone)
    if destroys and any(p.lower_ in words.property for p in patients):
        return T.LOOTING
    return None


def to_death(verb: Token) -> bool:
    """ "beat a man to death", "was stoned to death" """
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ == "death" for g in c.children) for c in verb.children)
