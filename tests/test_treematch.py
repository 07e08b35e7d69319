"""The tree-walking matcher gives spaCy's ``DependencyMatcher`` matches in spaCy's order: on the
construction patterns over the parsed sentences of the construction fixtures (one by one and
joined into documents of several sentences), and on random patterns over every operator it
walks, on random trees. No model is loaded."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from builder.extraction.lexicon import load_lexicon
from builder.extraction.treematch import OPS, TreeMatcher

FIXTURES = Path(__file__).parent / "fixtures"
VOCAB = English().vocab


def _sentences() -> list[list[list]]:
    out = []
    for name in ("construction_cases.jsonl", "constructions_written_blind.jsonl"):
        out += [json.loads(line)["tokens"] for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _doc(sentences: list[list[list]]) -> Doc:
    """One document of parsed sentences (heads made absolute in the document)."""
    words, spaces, heads, deps, tags, starts = [], [], [], [], [], []
    for tokens in sentences:
        offset = len(words)
        for i, (word, space, head, dep, tag, _) in enumerate(tokens):
            words.append(word)
            spaces.append(bool(space) or i == len(tokens) - 1)
            heads.append(head + offset)
            deps.append(dep)
            tags.append(tag)
            starts.append(i == 0)
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, sent_starts=starts)


def _both(patterns: dict[str, list[dict]]) -> tuple[TreeMatcher, DependencyMatcher]:
    tree, spacy_matcher = TreeMatcher(VOCAB), DependencyMatcher(VOCAB)
    for key, pattern in patterns.items():
        tree.add(key, [pattern])
        spacy_matcher.add(key, [pattern])
    return tree, spacy_matcher


def test_treematch_the_construction_patterns_match_as_spacy_does():
    patterns = {e["id"]: e["pattern"] for e in load_lexicon().dependency_patterns("affiliation_constructions")}
    tree, spacy_matcher = _both(patterns)
    assert tree.walkable, "a construction uses an attribute or operator the tree matcher does not walk"
    sentences = _sentences()
    docs = [_doc([s]) for s in sentences] + [_doc(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
    matched = 0
    for doc in docs:
        expected = spacy_matcher(doc)
        assert tree(doc) == expected, doc.text
        matched += len(expected)
    assert matched > 300  # the comparison saw many matches, not a few


def _random_doc(rng: random.Random) -> Doc:
    """Random sentences: each a random tree (its first token or a later one as root)."""
    sentences = []
    for _ in range(rng.randint(1, 3)):
        n = rng.randint(1, 9)
        root = rng.randrange(n)
        heads = [root if i == root else rng.choice([j for j in range(n) if j != i]) for i in range(n)]
        while not _is_tree(heads, root):
            heads = [root if i == root else rng.choice([j for j in range(n) if j != i]) for i in range(n)]
        sentences.append([[rng.choice("abc"), " ", h, "ROOT" if i == root else rng.choice(["x", "y"]), rng.choice(["N", "V"]), "O"] for i, h in enumerate(heads)])
    return _doc(sentences)


def _is_tree(heads: list[int], root: int) -> bool:
    for i in range(len(heads)):
        seen, j = set(), i
        while j != root:
            if j in seen:
                return False
            seen.add(j)
            j = heads[j]
    return True


def _random_pattern(rng: random.Random) -> list[dict]:
    attrs = [{}, {"LOWER": "a"}, {"ORTH": {"IN": ["a", "b"]}}, {"DEP": {"NOT_IN": ["x"]}}, {"TAG": "N"}, {"DEP": "y", "LOWER": {"IN": ["b", "c"]}}]
    pattern = [{"RIGHT_ID": "n0", "RIGHT_ATTRS": rng.choice(attrs)}]
    for k in range(1, rng.randint(1, 4)):
        pattern.append({"LEFT_ID": f"n{rng.randrange(k)}", "REL_OP": rng.choice(sorted(OPS)), "RIGHT_ID": f"n{k}", "RIGHT_ATTRS": rng.choice(attrs)})
    return pattern


@pytest.mark.parametrize("seed", range(40))
def test_treematch_random_patterns_on_random_trees_match_as_spacy_does(seed):
    rng = random.Random(seed)
    tree, spacy_matcher = _both({f"p{k}": _random_pattern(rng) for k in range(6)})
    for _ in range(10):
        doc = _random_doc(rng)
        assert tree(doc) == spacy_matcher(doc), ([(t.text, t.head.i, t.dep_, t.tag_) for t in doc], tree.spacy._raw_patterns)


def test_treematch_an_attribute_it_does_not_walk_leaves_the_matching_to_spacy():
    doc = _doc(_sentences()[:3])
    pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"IS_TITLE": True}}, {"LEFT_ID": "a", "REL_OP": "<", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}]
    tree, spacy_matcher = _both({"titled": pattern})
    assert not tree.walkable
    assert tree(doc) == spacy_matcher(doc) != []


def test_treematch_a_document_without_a_parse_gets_spacys_error():
    tree, _ = _both({"p": [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": "nsubj"}}]})
    with pytest.raises(ValueError, match="E155"):
        tree(Doc(VOCAB, words=["no", "parse"]))
