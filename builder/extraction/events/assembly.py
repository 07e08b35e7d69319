"""Crowds of civilians. A gathering with a stated demand is a protest, whatever its words: "residents blocked the
highway to demand a bridge", "parents took over the school to denounce the lack of water",
"people gathered in the square in defence of the language law".

Read from the parse: a verb of gathering or obstruction (``assembly_verbs``) whose subject is a
crowd of civilians (``crowd_people_words``, shared with :mod:`.crowds`; a force or armed group
that gathers is no protest) and whose clause states a purpose of protest: a to-infinitive or participle of a verb of demand
(``protest_purpose_verbs``: "to demand", "demanding"), an "against" phrase, or "in" with a noun
of a cause (``protest_cause_nouns``: "in defence of", "in solidarity with"). The vocabularies are
in ``data/lexicons/events.json`` and ``actors.json``.

A fight in which one side is such a crowd is a riot: :mod:`.crowds`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..knowledge import Knowledge
from ..morphology import inflect
from ..sentences import SentenceInfo
from ..extensions import ext
from .crowds import COUNT_HEADS, armed_words, crowd_forms, crowd_head, member_forms

WORD = re.compile(r"\S+")
PURPOSE_DEPS = ("advcl", "xcomp", "prep", "pobj", "pcomp", "acl", "relcl", "conj", "npadvmod", "dobj")


@dataclass(frozen=True)
class AssemblyWords:
    """The vocabularies of a gathering, as inflected forms (the pipeline has no lemmatiser)."""

    verbs: dict[str, str | None]  # form -> the particle it needs ("took" -> "over") or None
    subjects: frozenset[str]
    demands: frozenset[str]
    causes: frozenset[str]


@lru_cache(maxsize=4)
def assembly_words(k: Knowledge) -> AssemblyWords:
    verbs: dict[str, str | None] = {}
    irregular = k.lex.mapping("irregular_forms")
    for entry in sorted(k.lex.words("assembly_verbs")):
        lemma, _, particle = entry.partition(" ")
        for form in inflect([lemma], irregular):
            verbs.setdefault(form, particle or None)
    return AssemblyWords(
        verbs,
        crowd_forms(k) | member_forms(k),
        frozenset(k.lex.forms("protest_purpose_verbs")),
        frozenset(k.lex.forms("protest_cause_nouns")),
    )


def gathering(k: Knowledge, sent: SentenceInfo) -> re.Match | None:
    """The verb of a protest gathering in the sentence, as a match on its text; None if none."""
    words = assembly_words(k)
    for tok in sent.span:
        if not tok.tag_.startswith("VB") or tok.lower_ not in words.verbs:
            continue
        particle = words.verbs[tok.lower_]
        if particle and not any(c.lower_ == particle and c.i == tok.i + 1 for c in tok.children):
            continue
        if _crowd_subject(k, words, tok) and (_protest_purpose(words, tok) or _purpose_told_next(words, sent)):
            return WORD.match(sent.text, tok.idx - sent.span.start_char)
    return None


def _purpose_told_next(words: AssemblyWords, sent: SentenceInfo) -> bool:
    """Whether the next sentence of the paragraph says what the crowd demanded, its subject a
    pronoun for it: "Farmers gathered in the square. They called for higher prices." """
    sentences = ext(sent.span.doc, "armedkg_sentences")
    nxt = sentences[sent.index + 1] if 0 <= sent.index + 1 < len(sentences) else None
    if nxt is None or nxt.paragraph != sent.paragraph:
        return False
    root = nxt.span.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ == "they" and root.lower_ in words.demands


def _crowd_subject(k: Knowledge, words: AssemblyWords, verb: Token) -> bool:
    """The verb's subject (or that of the verb it is conjoined to) heads a crowd of civilians;
    a crowd told by its size ("a group", "hundreds", "a group of migrants") gathers as a crowd
    unless its "of" phrase names armed people ("a group of soldiers")."""
    head = verb
    while head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_crowd(k, words, s) for s in subjects)


def _crowd(k: Knowledge, words: AssemblyWords, subject: Token) -> bool:
    who = crowd_head(subject)
    return who.lower_ in words.subjects or subject.lower_ in COUNT_HEADS and not armed_words(k, who.text)


def _protest_purpose(words: AssemblyWords, verb: Token) -> bool:
    """Whether the clause of ``verb`` states a demand, within a few attachments of it."""
    todo, seen = [(c, 1) for c in verb.children], set()
    while todo:
        tok, depth = todo.pop()
        if tok.i in seen or tok.dep_ not in PURPOSE_DEPS or depth > 4:
            continue
        seen.add(tok.i)
        if tok.dep_ == "prep" and tok.lower_ == "against" and depth == 1:
            return True
        if tok.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ in words.causes for c in tok.children):
            return True
        if (tok.tag_ in ("VB", "VBG") or tok.dep_ == "conj" and tok.tag_.startswith("VB")) and tok.lower_ in words.demands:
            return True  # "to demand", "demanding", "... and called for"
        todo.extend((c, depth + 1) for c in tok.children)
    return False
