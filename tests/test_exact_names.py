"""The matcher of the gazetteer names that keep their case gives spaCy's ``Matcher`` matches in
spaCy's order: on texts made of the gazetteer's own exact names, and on random word sequences
with names that overlap, repeat under one key or are shared by two keys. No model is loaded."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from builder.exact_names import ExactNameMatcher, exact_words
from builder.gazetteer import load_gazetteer
from builder.nlp import _ruler_pattern

NLP = spacy.blank("en")


def _both(entries: list[tuple[str, list[dict]]]) -> tuple[ExactNameMatcher, Matcher]:
    ours, theirs = ExactNameMatcher(NLP.vocab), Matcher(NLP.vocab)
    for key, pattern in entries:  # one pattern per call, as the entity ruler adds them
        ours.add(key, [pattern])
        theirs.add(key, [pattern])
    return ours, theirs


def test_exact_names_the_gazetteer_names_match_as_spacy_does():
    entries = []
    for p in load_gazetteer(None, geonames=False).actor_patterns():
        pattern = _ruler_pattern(NLP, p["pattern"], p["label"])
        if isinstance(pattern, list):
            entries.append((f"{p['label']}||{p['id']}", pattern))
    assert len(entries) > 50
    ours, theirs = _both(entries)
    names = [" ".join(t["ORTH"] for t in pattern) for _, pattern in entries]
    rng = random.Random(7)
    matched = 0
    for _ in range(200):
        words = rng.sample(names, 6) + ["fighters", "of", "the", "said", "in", "and"]
        rng.shuffle(words)
        doc = NLP(" ".join(words) + ".")
        expected = theirs(doc)
        assert ours(doc) == expected, doc.text
        matched += len(expected)
    assert matched > 600


@pytest.mark.parametrize("seed", range(30))
def test_exact_names_overlapping_and_repeated_names_match_as_spacy_does(seed):
    rng = random.Random(seed)
    vocab = ["A", "B", "C", "a", "D"]
    entries = []
    for k in range(12):
        key = rng.choice(["x", "y", "z", f"k{k}"])  # keys shared by several patterns
        entries.append((key, [{"ORTH": rng.choice(vocab)} for _ in range(rng.randint(1, 3))]))
    entries.append(entries[0])  # the same name twice under one key
    ours, theirs = _both(entries)
    for _ in range(20):
        doc = Doc(NLP.vocab, words=[rng.choice(vocab) for _ in range(rng.randint(0, 12))])
        assert ours(doc) == theirs(doc), ([t.text for t in doc], entries)


def test_exact_names_only_patterns_of_exact_words_are_taken():
    assert exact_words([{"ORTH": "ISIS"}, {"ORTH": "-"}, {"ORTH": "K"}]) == ("ISIS", "-", "K")
    assert exact_words([{"LOWER": "isis"}]) is None
    assert exact_words([{"ORTH": "ISIS", "OP": "?"}]) is None
    assert exact_words([]) is None
    with pytest.raises(ValueError):
        ExactNameMatcher(NLP.vocab).add("x", [[{"ORTH": {"IN": ["A", "B"]}}]])
