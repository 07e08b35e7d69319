"""Antecedents of pronouns, read per document before the relations: a group's "it", "its",
"they" in a reported clause stands for the speaker, elsewhere for the group named as subject
before it; a person's "he", "his" for the person the text is about. The antecedents are stored
on the :class:`~builder.extraction.phrases.PhraseReader` (``reader.antecedent``), which then
reads a pronoun as what it stands for in its own sentence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .doc_columns import columns
from .phrases import NON_STATE, PhraseReader
from .state import is_subject

GROUP_PRONOUNS = frozenset(("it", "its", "they", "their", "them", "we", "our", "us", "itself", "themselves", "ourselves"))
PERSON_PRONOUNS = frozenset(("he", "his", "him", "himself", "she", "her", "hers", "herself"))
ANAPHOR_DEPS = frozenset(("nsubj", "nsubjpass", "poss", "dobj", "pobj"))  # where "the group" refers back


def resolve_pronouns(reader: PhraseReader, frames: list, sentences: Iterable) -> None:
    """Antecedents of the pronouns that stand for a group: in a reported clause, the speaker
    ("the coalition said its strikes killed", "the SDF said they captured"); otherwise the
    nearest subject before it in the sentence that names an actor, or the subject of the
    sentence before ("ISWAP claimed the raid. It said ...")."""
    doc = reader.doc
    _definite_groups(reader)
    for frame in frames:
        if not frame.speakers:
            continue
        speaker = doc[frame.speakers[0]]
        if not any(n.kind in ("actor", "country") for n in reader.entities(speaker)):
            continue
        for tok in doc[frame.head].subtree:
            if tok.lower_ in GROUP_PRONOUNS and tok.i not in reader.antecedent and tok.i not in {t.i for t in speaker.subtree}:
                reader.antecedent[tok.i] = speaker.i
    marks = _Marks(doc)
    previous: Token | None = None
    for sent in sentences:
        subjects = [t for t in marks.subjects(sent) if t.lower_ not in GROUP_PRONOUNS and any(n.kind in ("actor", "country") for n in reader.entities(t))]
        for tok in marks.group_pronouns(sent):
            if tok.i in reader.antecedent:
                continue
            before = [s for s in subjects if s.i < tok.i and agrees(tok, s)]
            if before:
                reader.antecedent[tok.i] = before[-1].i
            elif previous is not None:  # across sentences a group is "it" and "they" alike
                reader.antecedent[tok.i] = previous.i
        root_subjects = [s for s in subjects if s.head.dep_ == "ROOT"]
        previous = root_subjects[0] if root_subjects else (subjects[0] if subjects else None)
    _resolve_person_pronouns(reader, sentences, marks)


def _definite_groups(reader: PhraseReader) -> None:
    """"Pakistani troops battled BLA militants. The group said its Majeed Brigade ...": "the
    group" (a bare definite noun of a group) stands for the last non-state armed group named
    before it; a state's forces are not called so. It refers back as a subject, an owner ("the
    group's deputy commander"), an object ("Nasrallah led the group") or after a preposition
    ("a commander of the group"); as an object, never to a group its own clause's subject names
    ("ISIS fighters attacked the group" is about another group); never to a name inside
    another group's apposition (:func:`_describes_another`). The head noun of a group's name
    refers back to the group last named with it ("the Azawad Liberation Front ... the front's
    commander"), after a preposition only where it relates ("between the brigade and", not
    "returned to the front")."""
    doc = reader.doc
    named = sorted(i for i, m in reader.at.items() if m.kind == "actor" and not m.generic and m.cls in NON_STATE and not _describes_another(reader, doc[i]))
    by_head = _names_by_head(reader)
    for i in columns(doc).with_lower(reader.words.anaphoric | reader.words.name_heads):
        tok = doc[i]
        if i in reader.at or tok.dep_ not in ANAPHOR_DEPS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        if any(c.dep_ in ("compound", "amod", "nmod", "prep", "relcl", "acl", "appos", "poss") and not c.lower_.endswith("self") for c in tok.children):
            continue  # "the Wagner group", "the group of soldiers": a description, not a reference back ("the council itself" is one)
        if tok.lower_ in reader.words.anaphoric:
            pool = named
        elif tok.dep_ != "pobj" or tok.head.lower_ in reader.words.relating:
            pool = by_head.get(tok.lower_, [])
        else:
            continue
        own_subject = _subject_words(tok)
        before = [j for j in pool[: bisect_left(pool, i)] if j not in own_subject]
        if before:
            reader.antecedent[i] = before[-1] if tok.dep_ in ("nsubj", "nsubjpass") else _salient(reader, before, tok)


def _salient(reader: PhraseReader, before: list[int], tok: Token) -> int:
    """Of the groups named before ``tok`` (itself no subject), the last one that is the subject
    of its clause in its sentence or the one before ("X joined the Front in 2019, a spokesman for
    the faction said": X; not the owner of a subject, "Coalition strikes degraded Y"), else the
    last one named."""
    doc, near = reader.doc, tok.sent.start
    if near > 0:
        near = doc[near - 1].sent.start
    subjects = [j for j in before if j >= near and is_subject(doc, reader.at[j])]  # "Jaysh al-Ahrar joined"
    return subjects[-1] if subjects else before[-1]


def _names_by_head(reader: PhraseReader) -> dict[str, list[int]]:
    """The last token of each named actor whose name ends in a head noun that refers back
    ("Front", "Brigade"), by that noun, in order."""
    doc, found = reader.doc, {}
    for j in sorted(reader.at):
        m = reader.at[j]
        last = reader.at.get(j + 1) is not m
        if last and m.kind == "actor" and not m.generic and doc[j].lower_ in reader.words.name_heads and doc[j].text[:1].isupper():
            found.setdefault(doc[j].lower_, []).append(j)
    return found


def _describes_another(reader: PhraseReader, tok: Token) -> bool:
    """Whether a name stands inside the apposition that describes another group ("the Estado
    Mayor Central, a dissident faction of the former FARC"): it qualifies that group and is not
    what a later "the faction" refers back to."""
    own = reader.at.get(tok.i)
    for a in tok.ancestors:
        other = reader.at.get(a.head.i) if a.dep_ == "appos" else None
        if other is not None and other.key != own.key and other.kind == "actor":
            return True  # not a person's apposition: "Shekau, leader of JAS" ... "the group" is JAS
    return False


def _subject_words(tok: Token) -> set[int]:
    """The words of the subject of the clause an object or a prepositional phrase belongs to."""
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    if verb is None or not verb.tag_.startswith("VB"):
        return set()
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


PLURAL_PRONOUNS = frozenset(("they", "their", "them", "themselves"))


def agrees(pronoun: Token, subject: Token) -> bool:
    """Whether a pronoun may stand for a subject before it in its sentence: "they" does not stand
    for a subject whose verb is singular ("Britain is standing by the Iraqi Kurds as they battle
    the Islamic State": they are the Kurds). Across sentences it may: reporting calls a group
    "it" and "they" by turns ("Hezbollah has expanded its footprint. ... they have fortified
    their positions")."""
    if pronoun.lower_ not in PLURAL_PRONOUNS:
        return True
    verb = subject.head
    return verb.tag_ != "VBZ" and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in verb.children)


class _Marks:
    """The subjects and pronouns of a document, found in its columns (:mod:`.doc_columns`, read
    once per document: a pass over every token of every sentence, making a Token object of
    each, cost more than the rest of pronoun resolution), given sentence by sentence as tokens."""

    def __init__(self, doc: Doc) -> None:
        cols = columns(doc)
        self.doc = doc
        self._subjects = sorted(cols.with_dep("nsubj") + cols.with_dep("nsubjpass"))
        self._group = cols.with_lower(GROUP_PRONOUNS)
        self._person = cols.with_lower(PERSON_PRONOUNS)

    def _within(self, indices: list[int], span: Span) -> list[Token]:
        return [self.doc[i] for i in indices[bisect_left(indices, span.start) : bisect_left(indices, span.end)]]

    def subjects(self, span: Span) -> list[Token]:
        return self._within(self._subjects, span)

    def group_pronouns(self, span: Span) -> list[Token]:
        return self._within(self._group, span)

    def person_pronouns(self, span: Span) -> list[Token]:
        return self._within(self._person, span)


def _resolve_person_pronouns(reader: PhraseReader, sentences: Iterable, marks: _Marks) -> None:
    """"he", "his", "she": the nearest subject naming a person before it in the sentence, else the
    person the text is about so far (the last sentence subject that named a person): "Larsen was
    an officer. He joined the Legion in 1918" -- biographies and profiles go on this way."""
    topic: Token | None = None
    for sent in sentences:
        subjects = [t for t in marks.subjects(sent) if t.lower_ not in PERSON_PRONOUNS and any(n.kind == "person" for n in reader.entities(t))]
        for tok in marks.person_pronouns(sent):
            if tok.i in reader.antecedent:
                continue
            before = [s for s in subjects if s.i < tok.i]
            antecedent = before[-1] if before else topic
            if antecedent is not None:
                reader.antecedent[tok.i] = antecedent.i
        if subjects:
            topic = subjects[0]
        elif any(t.lower_ in PERSON_PRONOUNS for t in marks.subjects(sent)):
            pass  # "He was the son of X and his wife Y. He joined ...": a sentence about the topic keeps it
        else:  # "Police named the suspect as X. Officials said he ...": the person the sentence named
            named = [i for i in range(sent.start, sent.end) if (m := reader.at.get(i)) is not None and m.kind == "person" and reader.doc[i].lower_ not in PERSON_PRONOUNS]
            topic = reader.doc[named[-1]] if named else topic
