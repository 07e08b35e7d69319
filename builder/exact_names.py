"""The gazetteer names that keep their case, matched by their first word.

The gazetteer ruler (a spaCy ``EntityRuler``) matches most names on their lower-case form with
its ``PhraseMatcher``; names that must keep their case (acronyms, very short names, single
capitalised words of actors: :func:`builder.nlp._ruler_pattern`) are token patterns of exact
words, ``[{"ORTH": ...}, ...]``, for which spaCy's ``Matcher`` tries every pattern at every
token (most of the ruler's time). :class:`ExactNameMatcher` takes the same patterns and returns
the same ``(key, start, end)`` matches in the same order (by end, then start, then the order
the patterns were added, as spaCy's matcher completes them; each once), looking each pattern up
by its first word. ``tests/test_exact_names.py`` compares the two.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab


def exact_words(pattern: object) -> tuple[str, ...] | None:
    """The words of a pattern made only of exact words (``{"ORTH": "..."}`` each), else ``None``."""
    if not isinstance(pattern, list) or not pattern:
        return None
    if not all(isinstance(t, dict) and set(t) == {"ORTH"} and isinstance(t["ORTH"], str) for t in pattern):
        return None
    return tuple(t["ORTH"] for t in pattern)


class ExactNameMatcher:
    """A stand-in for spaCy's ``Matcher`` (``add`` and ``__call__``) holding only exact-word patterns."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._by_first: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}  # first word -> (order added, key, words)
        self._added = 0
        self._keys: set[int] = set()

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        strings = self.vocab.strings
        for pattern in patterns:
            words = exact_words(pattern)
            if words is None:
                raise ValueError(f"not a pattern of exact words: {pattern!r}")
            ids = tuple(strings.add(w) for w in words)
            self._by_first.setdefault(ids[0], []).append((self._added, strings.add(key), ids))
            self._added += 1
        self._keys.add(strings.add(key))

    def __len__(self) -> int:
        return len(self._keys)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        orths = doc.to_array([ORTH]).reshape(-1).tolist()
        found = []
        for start, word in enumerate(orths):
            for added, key, ids in self._by_first.get(word, ()):
                end = start + len(ids)
                if end <= len(orths) and tuple(orths[start:end]) == ids:
                    found.append((end, start, added, key))
        found.sort()
        # once each (a name listed twice under one key matches once, as in spaCy's matcher)
        return list(dict.fromkeys((key, start, end) for end, start, _, key in found))
