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
PURPOSE_DEPS = ("advcl", "xcomp", "prep", "pobj", "pcomp", "acl", "relcl", "conj", "npadvmod", "dobj", "appos")


@dataclass(frozen=True)
class AssemblyWords:
    """The vocabularies of a gathering, as inflected forms (the pipeline has no lemmatiser)."""

    verbs: dict[str, str | None]  # form -> the particle it needs ("took" -> "over") or None
    subjects: frozenset[str]
    demands: frozenset[str]
    causes: frozenset[str]
    staging: frozenset[str]
    joining: frozenset[str]
    strict: frozenset[str]
    protest_nouns: frozenset[str]


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
        frozenset(k.lex.forms("protest_staging_verbs")),
        frozenset(k.lex.forms("protest_joining_verbs")),
        frozenset(k.lex.forms("protest_demand_verbs")),
        frozenset(k.lex.forms("protest_event_nouns")),
    )


def gathering(k: Knowledge, sent: SentenceInfo) -> re.Match | None:
    """The verb of a protest gathering in the sentence, as a match on its text; None if none."""
    words = assembly_words(k)
    present = sent.words  # each reading needs one of its words in the sentence
    for tok in sent.span if not present.isdisjoint(words.verbs) else ():
        if not tok.tag_.startswith("VB") or tok.lower_ not in words.verbs:
            continue
        particle = words.verbs[tok.lower_]
        if particle and not any(c.lower_ == particle and c.i == tok.i + 1 for c in tok.children):
            continue
        if _crowd_subject(k, words, tok) and (_protest_purpose(words, tok) or _purpose_told_next(words, sent)):
            return WORD.match(sent.text, tok.idx - sent.span.start_char)
    staging = staged(k, words, sent) if not present.isdisjoint(words.protest_nouns) else None
    demanding = not (present.isdisjoint(words.strict) and present.isdisjoint(words.causes)) or "against" in present
    return staging or (pressed(k, words, sent) if demanding else None)


def pressed(k: Knowledge, words: AssemblyWords, sent: SentenceInfo) -> re.Match | None:
    """Any act of a crowd done to press a demand, its purpose a verb of ``protest_demand_verbs``
    ("farmers drove their tractors through the town to denounce fuel prices", "residents banged
    pots demanding electricity") or a cause after "in" ("unfurled a banner in support of the
    strikers"): a protest, whatever the act. The match is on the crowd's verb."""
    for tok in sent.span:
        if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ not in ("ROOT", "conj") or tok.lower_ in words.verbs:
            continue  # a verb of gathering is read as one, with its particle ("took" is no "took over")
        if _crowd_subject(k, words, tok) and _protest_purpose(words, tok, words.strict, against=False):
            return WORD.match(sent.text, tok.idx - sent.span.start_char)
    return None


def staged(k: Knowledge, words: AssemblyWords, sent: SentenceInfo) -> re.Match | None:
    """A protest told as the object of a verb of staging ("staged a march", "held a vigil",
    "organised a rally for life"), whatever words name it between the article and the noun,
    unless the clause's subject is armed ("troops held a parade" names no protest noun anyway;
    "soldiers staged a march" is a movement of forces). The match is on the noun."""
    for tok in sent.span:
        if tok.lower_ not in words.protest_nouns or (verb := _staging_verb(words, tok)) is None:
            continue
        while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if any(armed_words(k, " ".join(t.text for t in s.subtree)) for s in subjects):
            continue
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
    if not subjects and (root := _verbless_root(head)) is not None:
        subjects = [root]  # "a group of workers gathered in the square ..." read as a noun phrase
    return bool(subjects) and all(_crowd(k, words, s) for s in subjects)


def _staging_verb(words: AssemblyWords, noun: Token) -> Token | None:
    """The verb that stages the protest ``noun`` ("staged a march") or takes part in it ("took
    part in a march", "participated in a rally"), or None."""
    if noun.dep_ == "dobj" and noun.head.lower_ in words.staging:
        return noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    holder = prep.head
    if holder.lower_ == "part" and holder.dep_ == "dobj":
        return holder.head  # "took part in a march", "in" hung on "part"
    if holder.lower_ in words.joining or any(c.dep_ == "dobj" and c.lower_ == "part" for c in holder.children):
        return holder  # "participated in a rally", "took part in a march" with "in" hung on the verb
    return None


def _verbless_root(verb: Token) -> Token | None:
    """The noun a sentence without a finite verb is rooted in, where the parser read its verb as
    a participle inside that noun phrase ("a crowd of retired teachers of a district school gathered at the
    gate": ROOT "crowd", "gathered" an ``acl`` of "school"): that noun is the verb's subject."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    root = verb.sent.root
    if not root.tag_.startswith("NN") or any(t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ != "acl" for t in verb.sent):
        return None
    return root if root.i < verb.i else None


def _crowd(k: Knowledge, words: AssemblyWords, subject: Token) -> bool:
    who = crowd_head(subject)
    return who.lower_ in words.subjects or subject.lower_ in COUNT_HEADS and not armed_words(k, who.text)


def _protest_purpose(words: AssemblyWords, verb: Token, demands: frozenset[str] | None = None, against: bool = True) -> bool:
    """Whether the clause of ``verb`` states a demand, within a few attachments of it; where the
    parser made the verb a participle of a verbless sentence (:func:`_verbless_root`), its words
    after the verb are its clause, whatever they were attached to. ``demands``: the verbs of a
    demand (all of ``protest_purpose_verbs`` by default); ``against``: whether an "against"
    phrase of the verb states one."""
    demands = words.demands if demands is None else demands
    if _verbless_root(verb) is not None:
        after = [t for t in verb.sent if t.i > verb.i]
        return any(t.lower_ == "against" and t.dep_ == "prep" or _demand_word(words, t, demands) for t in after)
    todo, seen = [(c, 1) for c in verb.children], set()
    while todo:
        tok, depth = todo.pop()
        if tok.i in seen or tok.dep_ not in PURPOSE_DEPS or depth > 8:
            continue
        seen.add(tok.i)
        if against and tok.dep_ == "prep" and tok.lower_ == "against" and (depth == 1 or tok.head.tag_ in ("VB", "VBG") and tok.head.lower_ in demands):
            return True  # "gathered against the war", "... while calling against the government"
        if _demand_word(words, tok, demands):
            return True  # "to demand", "demanding", "... and called for"
        todo.extend((c, depth + 1) for c in tok.children)
    return False


def _demand_word(words: AssemblyWords, tok: Token, demands: frozenset[str]) -> bool:
    """A verb of demand as an infinitive, a participle or a verb conjoined to the gathering's;
    or "in" with a noun of a cause ("in defence of")."""
    if tok.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ in words.causes for c in tok.children):
        return True
    return (tok.tag_ in ("VB", "VBG") or tok.dep_ == "conj" and tok.tag_.startswith("VB")) and tok.lower_ in demands
