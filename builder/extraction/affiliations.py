"""Affiliations of a parsed document: clause frames, then constructions and frame relations.

:class:`AffiliationReader` is built once per pipeline (vocabularies inflected, dependency
patterns compiled) and called on each document with its mentions; it returns the frames (the
events read them too) and the relations found, each with its construction and dependency
path. The spaCy component that stores them on the ``Doc`` lives with the other components.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .constructions import ConstructionMatcher, Found, unique
from .frame_relations import FrameRelations, FrameWords
from .frames import ClauseWords, Frame, read_frames
from .interactions import DyadWords
from .lexicon import Lexicon
from .phrases import MentionAt, PhraseReader, PhraseWords
from .pronouns import resolve_pronouns


@dataclass
class AffiliationReader:
    """Reads the relations of documents (one per pipeline; holds no document state)."""

    clause_words: ClauseWords
    phrase_words: PhraseWords
    frame_words: FrameWords
    matcher: ConstructionMatcher
    dyad_words: DyadWords | None = None

    @classmethod
    def from_lexicon(cls, vocab: Vocab, lex: Lexicon) -> "AffiliationReader":
        return cls(ClauseWords.from_lexicon(lex), PhraseWords.from_lexicon(lex), FrameWords.from_lexicon(lex), ConstructionMatcher(vocab, lex), DyadWords.from_lexicon(lex))

    def read(
        self,
        doc: Doc,
        mentions: Iterable[MentionAt],
        state_of: Callable[[str], str | None],
        forces_of: Callable[[str], str | None],
    ) -> tuple[list[Frame], list[Found], PhraseReader]:
        """The document's frames, the relations found (constructions first, then frames; one per
        relation, subject, object and sentence) and the phrase reader that resolved them."""
        reader = PhraseReader(doc, mentions, self.phrase_words, state_of, forces_of)
        frames = read_frames(doc, self.clause_words)
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        resolve_pronouns(reader, frames, sentences)
        found = self.matcher(doc, reader, {f.head: f for f in frames})
        found += FrameRelations(doc, frames, reader, self.frame_words)()
        starts = [s.start for s in sentences]

        def sentence(f: Found) -> int:
            return bisect_right(starts, max(f.subject.token, f.object.token))

        # once per relation and sentence: a relation stated again in a later sentence is evidence
        # of its own there (the facts are recorded sentence by sentence)
        return frames, unique(found, key=lambda f: (f.prop, f.subject.key, f.object.key, f.status, sentence(f))), reader
