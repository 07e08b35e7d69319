"""The columns of a parsed document that the clause frames are looked up in
(:mod:`builder.extraction.frames`), read from its arrays once."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc


class Columns:
    """The tag, part of speech, label, lower-case form and entity type of every token, read from
    the document's arrays once: most tokens head no frame and hang no phrase, and making a
    ``Token`` to ask cost more than the question (read_frames walked the document three times)."""

    def __init__(self, doc: Doc) -> None:
        columns = doc.to_array([TAG, POS, DEP, LOWER, ENT_TYPE]).reshape(len(doc), 5).T.tolist()
        self.strings = doc.vocab.strings
        self.tag, self.pos, self.dep, self.lower, self.ent_type = columns
        self._by_lower: dict[int, list[int]] | None = None  # lower-case form -> positions (with_lower)

    def may_head(self, hostile_nouns: frozenset[str], hostile_verbs: frozenset[str] = frozenset()) -> list[int]:
        """The tokens that may head a frame: a verb (``is_verb``) or a noun (NN, NNS) of
        hostile action, or of a hostile verb's form (the tagger's "was overrun/NN by");
        :func:`~builder.extraction.frames.read_frames` decides."""
        text = self.strings
        verb_tag = {v: text[v].startswith("VB") or text[v] == "MD" for v in set(self.tag)}
        verb_pos = {v: text[v] in ("VERB", "AUX") for v in set(self.pos)}
        noun_tag = {v: text[v] in ("NN", "NNS") for v in verb_tag}
        return [
            i
            for i, (tag, pos) in enumerate(zip(self.tag, self.pos))
            if verb_tag[tag] or verb_pos[pos] or (noun_tag[tag] and (text[self.lower[i]] in hostile_nouns or text[self.lower[i]] in hostile_verbs))
        ]

    def with_dep(self, label: str) -> list[int]:
        wanted = get_string_id(label)
        return [i for i, dep in enumerate(self.dep) if dep == wanted]

    def with_lower(self, words: frozenset[str]) -> list[int]:
        """The tokens whose lower-case form is one of ``words``, in order: looked up in the
        positions of each lower-case form (indexed at the first call), so that a document is
        not walked again, nor a word list hashed again, for each of the word lists asked."""
        if self._by_lower is None:
            self._by_lower = {}
            for i, lower in enumerate(self.lower):
                self._by_lower.setdefault(lower, []).append(i)
        hits = [self._by_lower[v] for v in string_ids(words) if v in self._by_lower]
        return sorted(i for positions in hits for i in positions) if len(hits) > 1 else list(hits[0]) if hits else []

    def with_ent_type(self, labels: frozenset[str]) -> set[int]:
        ids = {get_string_id(label) for label in labels}
        return {i for i, ent_type in enumerate(self.ent_type) if ent_type in ids}


_KEY = ("armedkg", "columns")  # doc.user_data key

# word list -> the string ids of its words: the word lists are the lexicons' (a few dozen, fixed
# for the process), asked again for every document.
_IDS: dict[frozenset[str], frozenset[int]] = {}


def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The string ids of ``words`` (any iterable of strings; a mapping gives its keys), once per word list."""
    key = words if isinstance(words, frozenset) else frozenset(words)
    ids = _IDS.get(key)
    if ids is None:
        ids = _IDS[key] = frozenset(get_string_id(word) for word in key)
    return ids


def columns(doc: Doc) -> Columns:
    """The document's :class:`Columns`, read once per document (the clause frames and the
    pronoun resolution of :mod:`builder.extraction.phrases` both look tokens up in them). Read
    after the mentions are settled: the entity types are those of that moment."""
    found = doc.user_data.get(_KEY)
    if found is None or len(found.tag) != len(doc):
        found = doc.user_data[_KEY] = Columns(doc)
    return found


class Tree:
    """The head (absolute index), label and lower-case form of every token, as plain lists: for
    rules that climb from a word towards its root and look at a few labels on the way, which made
    two ``Token`` objects a step. Unlike :class:`Columns` it holds no entity types, so it may be
    read at any time of the extraction (no rule changes the parse)."""

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array([HEAD, DEP, LOWER]).reshape(len(doc), 3)  # heads relative, unsigned 64 bits
        self.heads = (array[:, 0].astype("int64") + numpy.arange(len(doc))).tolist()
        self.dep, self.lower = array[:, 1].tolist(), array[:, 2].tolist()
        self.lowers = frozenset(self.lower)  # the document's lower-case forms (has_any)


_TREE = ("armedkg", "tree")  # doc.user_data key


def tree(doc: Doc) -> Tree:
    """The document's :class:`Tree`, read once per document."""
    found = doc.user_data.get(_TREE)
    if found is None or len(found.heads) != len(doc):
        found = doc.user_data[_TREE] = Tree(doc)
    return found


def has_any(doc: Doc, words: frozenset[str]) -> bool:
    """Whether some token of the document has one of ``words`` as its lower-case form: a rule that
    needs one of a few rare words near each phrase it reads asks the document once."""
    return not string_ids(words).isdisjoint(tree(doc).lowers)
